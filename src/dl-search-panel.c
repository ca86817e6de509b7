/* dl-search-panel.c: the search results of the session's query
 *
 * The list view has its model only while the panel is shown: GTK 4.8's
 * GtkListView makes and binds up to 200 rows whenever its model changes,
 * shown or not, and that was most of the turn in which the window takes a
 * million events (the results are then every event). Hidden, the panel
 * only counts them in its label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-search-panel"

#include <glib/gi18n.h>

#include "dl-search-panel.h"
#include "dl-search-row.h"

struct _DlSearchPanel
{
  DlSessionView       parent_instance;

  GtkWidget          *box;
  GtkLabel           *results_label;
  GtkListView        *results_list;

  GSignalGroup       *results_signals;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (DlSearchPanel, dl_search_panel, DL_TYPE_SESSION_VIEW)

enum {
  SIGNAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_label (DlSearchPanel *self)
{
  GListModel *results = DL_SESSION_OF (self) != NULL ? dl_session_get_results (DL_SESSION_OF (self)) : NULL;
  const char *query = DL_SESSION_OF (self) != NULL ? dl_session_get_query (DL_SESSION_OF (self)) : NULL;
  guint n = results != NULL ? g_list_model_get_n_items (results) : 0;
  g_autofree char *text = NULL;

  if (query == NULL || *query == '\0')
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event, in time order", "%u events, in time order", n), n);
  else if (n == 0)
    text = g_strdup (_("No events match"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event matches", "%u events match", n), n);

  gtk_label_set_label (self->results_label, text);
}

static void
activate_position (DlSearchPanel *self,
                   guint          position)
{
  g_autoptr(DlEvent) event = NULL;

  if (DL_SESSION_OF (self) == NULL)
    return;

  event = g_list_model_get_item (dl_session_get_results (DL_SESSION_OF (self)), position);
  if (event != NULL && dl_session_select (DL_SESSION_OF (self), event))
    g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, event);
}

static void
on_setup_row (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, dl_search_row_new ());
}

static void
on_bind_row (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  DlSearchPanel *self = DL_SEARCH_PANEL (user_data);  /* the template's object */

  dl_search_row_set_event (DL_SEARCH_ROW (gtk_list_item_get_child (item)),
                           DL_SESSION_OF (self) != NULL ? dl_session_get_dataset (DL_SESSION_OF (self)) : NULL,
                           gtk_list_item_get_item (item));
}

/* The list view's model: the results while the panel is shown. */
static void
update_list_model (DlSearchPanel *self)
{
  GtkSelectionModel *model = gtk_widget_get_mapped (GTK_WIDGET (self)) ? GTK_SELECTION_MODEL (self->selection) : NULL;

  if (gtk_list_view_get_model (self->results_list) != model)
    gtk_list_view_set_model (self->results_list, model);
}

static void
dl_search_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dl_search_panel_parent_class)->map (widget);
  update_list_model (DL_SEARCH_PANEL (widget));
}

static void
dl_search_panel_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (dl_search_panel_parent_class)->unmap (widget);
  update_list_model (DL_SEARCH_PANEL (widget));
}

/* The results list follows the session's results model, which is one
 * object for the session's life. */
static void
session_changed (DlSessionView *view)
{
  DlSearchPanel *self = DL_SEARCH_PANEL (view);
  DlSession *session = DL_SESSION_OF (self);

  g_signal_group_set_target (self->results_signals, session != NULL ? dl_session_get_results (session) : NULL);

  g_clear_object (&self->selection);
  if (session != NULL)
    {
      self->selection = gtk_single_selection_new (g_object_ref (dl_session_get_results (session)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
    }
  update_list_model (self);
  update_label (self);
}

static void
dl_search_panel_dispose (GObject *object)
{
  DlSearchPanel *self = DL_SEARCH_PANEL (object);

  g_clear_object (&self->results_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_SEARCH_PANEL);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (dl_search_panel_parent_class)->dispose (object);
}

static void
dl_search_panel_class_init (DlSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_search_panel_dispose;
  widget_class->map = dl_search_panel_map;
  widget_class->unmap = dl_search_panel_unmap;
  DL_SESSION_VIEW_CLASS (klass)->session_changed = session_changed;

  /* A result was chosen (and is now the session's selection). */
  signals[SIGNAL_ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DL_TYPE_EVENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-search-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, DlSearchPanel, box);
  gtk_widget_class_bind_template_child (widget_class, DlSearchPanel, results_label);
  gtk_widget_class_bind_template_child (widget_class, DlSearchPanel, results_list);
  gtk_widget_class_bind_template_callback (widget_class, activate_position);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_row);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_row);
}

static void
dl_search_panel_init (DlSearchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_group_connect_swapped (dl_session_view_get_signals (DL_SESSION_VIEW (self)), "notify::query", G_CALLBACK (update_label), self);
  self->results_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->results_signals, "items-changed", G_CALLBACK (update_label), self);
  update_label (self);
}

gboolean
dl_search_panel_focus_results (DlSearchPanel *self)
{
  g_return_val_if_fail (DL_IS_SEARCH_PANEL (self), FALSE);

  if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;

#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_list_view_scroll_to (self->results_list, 0, GTK_LIST_SCROLL_FOCUS, NULL);
  return TRUE;
#else
  /* The list gives the focus to its cursor row, the first at first. */
  return gtk_widget_child_focus (GTK_WIDGET (self->results_list), GTK_DIR_TAB_FORWARD);
#endif
}

gboolean
dl_search_panel_activate_first (DlSearchPanel *self)
{
  g_return_val_if_fail (DL_IS_SEARCH_PANEL (self), FALSE);

  if (self->selection == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return FALSE;

  activate_position (self, 0);
  return TRUE;
}

GtkWidget *
dl_search_panel_get_list (DlSearchPanel *self)
{
  g_return_val_if_fail (DL_IS_SEARCH_PANEL (self), NULL);
  return GTK_WIDGET (self->results_list);
}
