/* dl-problems-button.c: the header bar's count of problems, and their list
 *
 * The problems are the dataset's as it is being edited, found after each
 * edit by a DlEditCheck (the loader's own checks, in a thread): the same
 * messages as `dateline --validate`. Each row names the event a problem is
 * about by its title, never by its id or JSON path, and activating it
 * (click, Enter) asks the window to show that event and the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-problems-button"

#include <glib/gi18n.h>

#include "dl-edit-check.h"
#include "dl-problems-button.h"

struct _DlProblemsButton
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GtkImage      *icon;
  GtkLabel      *count_label;
  GtkPopover    *popover;
  GtkLabel      *heading;
  GtkListBox    *list;

  DlSession     *session;
  DlEditCheck   *check;
};

G_DEFINE_FINAL_TYPE (DlProblemsButton, dl_problems_button, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PROBLEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The row's event (file order) and member, as the problem's path says. */
static GtkWidget *
make_row (DlProblemsButton *self,
          const DlProblem  *problem)
{
  DlDataset *dataset = dl_session_get_dataset (self->session);
  g_autofree char *member = NULL;
  g_autoptr(DlEvent) event = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  guint index;

  if (dataset != NULL && dl_problem_path_get_event (problem->path, &index, &member))
    event = g_list_model_get_item (dl_dataset_get_events (dataset), index);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 event != NULL ? dl_event_get_title (event)
                                               /* TRANSLATORS: a problem about the whole dataset, not one event */
                                               : _("The dataset"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), problem->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  icon = gtk_image_new_from_icon_name (problem->severity == DL_SEVERITY_ERROR ? "dialog-error-symbolic"
                                                                               : "dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, problem->severity == DL_SEVERITY_ERROR ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  problem->severity == DL_SEVERITY_ERROR ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (event != NULL)
    g_object_set_data_full (G_OBJECT (row), "dl-event", g_object_ref (event), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "dl-member", g_steal_pointer (&member), g_free);
  return row;
}

static void
on_updated (DlProblemsButton *self)
{
  const DlProblems *problems = dl_edit_check_get_problems (self->check);
  guint n = dl_problems_get_length (problems);
  guint n_errors = dl_problems_count (problems, DL_SEVERITY_ERROR);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *text = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, make_row (self, dl_problems_get (problems, i)));

  /* TRANSLATORS: the header bar button's tooltip and the list's heading */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem", "%u Problems", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->heading, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_image_set_from_icon_name (self->icon, n_errors > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
  if (n == 0)
    gtk_popover_popdown (self->popover);
}

static void
on_row_activated (DlProblemsButton *self,
                  GtkListBoxRow    *row)
{
  DlEvent *event = g_object_get_data (G_OBJECT (row), "dl-event");
  const char *member = g_object_get_data (G_OBJECT (row), "dl-member");

  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[SIGNAL_PROBLEM_ACTIVATED], 0, event, member != NULL ? member : "");
}

static void
on_dataset_changed (DlProblemsButton *self)
{
  dl_edit_check_set_edit_stack (self->check, self->session != NULL ? dl_session_get_edit_stack (self->session) : NULL);
}

void
dl_problems_button_set_session (DlProblemsButton *self,
                                DlSession        *session)
{
  g_return_if_fail (DL_IS_PROBLEMS_BUTTON (self));
  g_return_if_fail (session == NULL || DL_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_object (session, "notify::dataset", G_CALLBACK (on_dataset_changed), self,
                             G_CONNECT_SWAPPED);
  on_dataset_changed (self);
}

gboolean
dl_problems_button_popup (DlProblemsButton *self)
{
  g_return_val_if_fail (DL_IS_PROBLEMS_BUTTON (self), FALSE);

  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return FALSE;
  gtk_menu_button_popup (self->menu_button);
  return TRUE;
}

guint
dl_problems_button_get_count (DlProblemsButton *self)
{
  g_return_val_if_fail (DL_IS_PROBLEMS_BUTTON (self), 0);
  return dl_problems_get_length (dl_edit_check_get_problems (self->check));
}

DlProblemsButton *
dl_problems_button_new (void)
{
  return g_object_new (DL_TYPE_PROBLEMS_BUTTON, NULL);
}

static void
dl_problems_button_dispose (GObject *object)
{
  DlProblemsButton *self = DL_PROBLEMS_BUTTON (object);

  if (self->check != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->check, self);
      dl_edit_check_set_edit_stack (self->check, NULL);
    }
  g_clear_object (&self->check);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_PROBLEMS_BUTTON);
  G_OBJECT_CLASS (dl_problems_button_parent_class)->dispose (object);
}

static void
dl_problems_button_class_init (DlProblemsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_problems_button_dispose;

  signals[SIGNAL_PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, DL_TYPE_EVENT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-problems-button.ui");
  gtk_widget_class_bind_template_child (widget_class, DlProblemsButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, DlProblemsButton, icon);
  gtk_widget_class_bind_template_child (widget_class, DlProblemsButton, count_label);
  gtk_widget_class_bind_template_child (widget_class, DlProblemsButton, popover);
  gtk_widget_class_bind_template_child (widget_class, DlProblemsButton, heading);
  gtk_widget_class_bind_template_child (widget_class, DlProblemsButton, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dl_problems_button_init (DlProblemsButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->check = dl_edit_check_new ();
  g_signal_connect_object (self->check, "updated", G_CALLBACK (on_updated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  on_updated (self);
}
