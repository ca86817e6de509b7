/* dl-suggest-dialog.c: the events an article suggests, each accepted,
 * edited or rejected by the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dl-combo-row-keys.h"
#include "dl-describe.h"
#include "dl-edit-stack.h"
#include "dl-edtf.h"
#include "dl-gazetteer.h"
#include "dl-suggest.h"
#include "dl-suggest-dialog.h"

/* A suggested event's title: the start of its passage. */
#define TITLE_CHARS 70

struct _DlSuggestDialog {
  AdwWindow     parent_instance;

  AdwComboRow  *article_row;
  GtkLabel     *status_label;
  GtkListBox   *list;

  DlSession    *session;
  GPtrArray    *sources;       /* DlSource: the articles, as the combo row lists them */
  GPtrArray    *suggestions;   /* DlSuggestion of the article read now, or NULL */
  GPtrArray    *rows;          /* GtkWidget (unowned): a row per suggestion */
  GCancellable *cancellable;
  guint         n_waiting;
};

G_DEFINE_FINAL_TYPE (DlSuggestDialog, dl_suggest_dialog, ADW_TYPE_WINDOW)

/* What a row holds besides its widgets' own state. */
typedef struct {
  DlSuggestDialog *self;
  guint            index;
  GtkWidget       *buttons;
  GtkWidget       *state_label;
  GtkWidget       *revealer;
  GtkEntry        *title_entry;
  GtkEntry        *date_entry;
  GtkWidget       *accept_button;
} Row;

static DlSource *
current_source (DlSuggestDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->article_row);

  return selected < self->sources->len ? g_ptr_array_index (self->sources, selected) : NULL;
}

DlSource *
dl_suggest_dialog_get_source (DlSuggestDialog *self)
{
  g_return_val_if_fail (DL_IS_SUGGEST_DIALOG (self), NULL);
  return current_source (self);
}

int
dl_suggest_dialog_get_n_suggestions (DlSuggestDialog *self)
{
  g_return_val_if_fail (DL_IS_SUGGEST_DIALOG (self), -1);
  return self->suggestions != NULL ? (int) self->suggestions->len : -1;
}

guint
dl_suggest_dialog_get_n_waiting (DlSuggestDialog *self)
{
  g_return_val_if_fail (DL_IS_SUGGEST_DIALOG (self), 0);
  return self->n_waiting;
}

GtkWidget *
dl_suggest_dialog_get_row (DlSuggestDialog *self,
                           guint            index)
{
  g_return_val_if_fail (DL_IS_SUGGEST_DIALOG (self), NULL);
  return index < self->rows->len ? g_ptr_array_index (self->rows, index) : NULL;
}

/* The status line under the article */

static void
update_status (DlSuggestDialog *self)
{
  DlSource *source = current_source (self);
  g_autofree char *text = NULL;
  guint n;

  if (self->suggestions == NULL)
    return;
  n = self->suggestions->len;
  if (n == 0)
    /* Translators: %s is an article's title */
    text = g_strdup_printf (_("“%s” states nothing that happened at a place the offline gazetteer knows."),
                            dl_source_get_title (source));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of %u suggestion waits for you. Nothing is added until you accept it.",
                                         "%u of %u suggestions wait for you. Nothing is added until you accept it.",
                                         n),
                            self->n_waiting, n);
  gtk_label_set_text (self->status_label, text);
}

/* Accepting */

static char *
default_title (const DlSuggestion *s)
{
  g_autofree char *text = g_strdelimit (g_strdup (s->exact), "\n\t", ' ');
  char *cut;

  g_strstrip (text);
  if (g_utf8_strlen (text, -1) <= TITLE_CHARS)
    return g_steal_pointer (&text);
  /* At the last space before the limit, with an ellipsis. */
  *g_utf8_offset_to_pointer (text, TITLE_CHARS) = '\0';
  if ((cut = strrchr (text, ' ')) != NULL && cut != text)
    *cut = '\0';
  return g_strconcat (text, "…", NULL);
}

/* The dataset's place the suggestion names, or a new one where the
 * gazetteer puts it. */
static DlPlace *
place_for (DlEditStack        *edits,
           const DlSuggestion *s,
           GError            **error)
{
  DlDataset *dataset = dl_edit_stack_get_dataset (edits);
  GListModel *places = dl_dataset_get_places (dataset);

  if (s->place != NULL && dl_dataset_lookup_place (dataset, dl_place_get_id (s->place)) == s->place)
    return s->place;
  /* Accepted before: the same name at the same spot. */
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(DlPlace) place = g_list_model_get_item (places, i);
      const DlGeometry *geometry = dl_place_get_geometry (place);

      if (geometry != NULL && g_strcmp0 (dl_place_get_name (place), s->place_name) == 0
          && dl_geo_distance_m (dl_geometry_get_anchor (geometry), s->position) < 1)
        return place;
    }
  {
    g_autoptr(DlGeometry) point = dl_geometry_new_point (s->position);

    return dl_edit_stack_add_place (edits, NULL, s->place_name, NULL, point, s->precision_m, NULL, error);
  }
}

static DlEvent *
accept (DlSuggestDialog    *self,
        const DlSuggestion *s,
        const char         *title,
        const char         *when,
        GError            **error)
{
  DlEditStack *edits = dl_session_get_edit_stack (self->session);
  DlSource *source = current_source (self);
  DlEvent *event = NULL;
  DlPlace *place = NULL;
  int excerpt = -1;
  gboolean ok;

  if (edits == NULL || source == NULL)
    {
      g_set_error_literal (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID, _("The dataset cannot be edited"));
      return NULL;
    }

  /* One edit: undone as one. */
  dl_edit_stack_begin_group (edits, _("Accept Suggested Event"));
  ok = (event = dl_edit_stack_add_event (edits, NULL, title, "event", when, error)) != NULL
       && (g_strcmp0 (when, s->when) != 0 || s->when_basis == NULL
           || dl_edit_stack_set_event_text (edits, event, DL_EVENT_FIELD_WHEN_BASIS, s->when_basis, FALSE, error))
       && (excerpt = dl_edit_stack_add_excerpt (edits, event, source, s->start, s->end, error)) >= 0
       && (place = place_for (edits, s, error)) != NULL
       && dl_edit_stack_set_event_places (edits, event, &place, 1, error);
  /* Its numbers, as claims of the passage, each on a topic of its own:
   * what they count is the user's to compare across events. */
  for (guint i = 0; ok && s->claims != NULL && i < s->claims->len; i++)
    {
      const DlSuggestedClaim *claim = g_ptr_array_index (s->claims, i);
      g_autofree char *topic = g_strdup_printf ("%s-%u", dl_event_get_id (event), i + 1);
      g_autofree char *value = g_strdup_printf ("%g", claim->value);

      ok = dl_edit_stack_add_claim (edits, event, topic, value, claim->qualifier, claim->unit, (guint) excerpt,
                                    error) >= 0;
    }
  dl_edit_stack_end_group (edits);

  if (!ok)
    {
      /* Not half an event. */
      if (event != NULL)
        dl_edit_stack_undo (edits);
      return NULL;
    }
  return event;
}

static void
settle (Row        *row,
        const char *state)
{
  DlSuggestDialog *self = row->self;
  GtkWidget *next = NULL;

  gtk_widget_set_visible (row->buttons, FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (row->revealer), FALSE);
  gtk_label_set_text (GTK_LABEL (row->state_label), state);
  gtk_widget_set_visible (row->state_label, TRUE);
  self->n_waiting--;
  update_status (self);

  /* The keyboard goes on to the next waiting suggestion. */
  for (guint i = row->index + 1; i < self->rows->len && next == NULL; i++)
    {
      Row *other = g_object_get_data (g_ptr_array_index (self->rows, i), "dl-row");

      if (gtk_widget_get_visible (other->buttons))
        next = other->accept_button;
    }
  if (next != NULL)
    gtk_widget_grab_focus (next);
}

static void
on_accept_clicked (GtkButton *button,
                   Row       *row)
{
  DlSuggestDialog *self = row->self;
  const DlSuggestion *s = g_ptr_array_index (self->suggestions, row->index);
  gboolean editing = gtk_revealer_get_reveal_child (GTK_REVEALER (row->revealer));
  g_autofree char *title = editing ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->title_entry))))
                                   : default_title (s);
  g_autofree char *when = editing ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->date_entry))))
                                  : g_strdup (s->when);
  g_autoptr(GError) error = NULL;
  DlEvent *event;

  if (*title == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (row->title_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row->title_entry));
      return;
    }
  if (!dl_edtf_parse (when, NULL, NULL))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row->date_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row->date_entry));
      return;
    }
  if ((event = accept (self, s, title, when, &error)) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Cannot add it: %s"), error->message);

      gtk_label_set_text (self->status_label, text);
      return;
    }
  dl_session_select (self->session, event);
  settle (row, _("Added as an event"));
}

static void
on_reject_clicked (GtkButton *button,
                   Row       *row)
{
  settle (row, _("Rejected"));
}

static void
on_edit_toggled (GtkToggleButton *button,
                 Row             *row)
{
  gboolean editing = gtk_toggle_button_get_active (button);

  gtk_revealer_set_reveal_child (GTK_REVEALER (row->revealer), editing);
  if (editing)
    gtk_widget_grab_focus (GTK_WIDGET (row->title_entry));
}

/* Enter in an entry accepts what was typed. */
static void
on_entry_activate (GtkEntry *entry,
                   Row      *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  on_accept_clicked (GTK_BUTTON (row->accept_button), row);
}

/* The list */

static char *
details (const DlSuggestion *s)
{
  DlEdtf edtf;
  g_autofree char *when = dl_edtf_parse (s->when, &edtf, NULL) ? dl_edtf_describe (&edtf) : g_strdup (s->when);
  g_autofree char *precision = dl_describe_precision_m (s->precision_m);
  GString *text = g_string_new (NULL);

  /* Translators: a suggested event: its date · its place, how precise ("within about 7 km") */
  g_string_append_printf (text, _("%s · %s, %s"), when, s->place_name, precision);
  for (guint i = 0; s->claims != NULL && i < s->claims->len; i++)
    g_string_append_printf (text, " · %s", ((DlSuggestedClaim *) g_ptr_array_index (s->claims, i))->text);
  return g_string_free (text, FALSE);
}

static GtkWidget *
make_row (DlSuggestDialog    *self,
          const DlSuggestion *s,
          guint               index)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *edit_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *passage, *line, *reject, *edit;
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), s->exact);
  g_autofree char *info = details (s);
  g_autofree char *title = default_title (s);
  Row *row = g_new0 (Row, 1);

  row->self = self;
  row->index = index;
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  passage = gtk_label_new (quoted);
  gtk_label_set_wrap (GTK_LABEL (passage), TRUE);
  gtk_label_set_xalign (GTK_LABEL (passage), 0);
  gtk_box_append (GTK_BOX (box), passage);
  line = gtk_label_new (info);
  gtk_label_set_wrap (GTK_LABEL (line), TRUE);
  gtk_label_set_xalign (GTK_LABEL (line), 0);
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "caption");
  gtk_box_append (GTK_BOX (box), line);

  /* Edit: the title and the date, before accepting. */
  row->title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (row->title_entry), title);
  gtk_widget_set_hexpand (GTK_WIDGET (row->title_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->title_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  row->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (row->date_entry), s->when);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->date_entry), 14);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->date_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date (EDTF)"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, s->when_basis != NULL ? s->when_basis : "",
                                  -1);
  g_signal_connect (row->title_entry, "activate", G_CALLBACK (on_entry_activate), row);
  g_signal_connect (row->date_entry, "activate", G_CALLBACK (on_entry_activate), row);
  gtk_box_append (GTK_BOX (edit_box), GTK_WIDGET (row->title_entry));
  gtk_box_append (GTK_BOX (edit_box), GTK_WIDGET (row->date_entry));
  row->revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (row->revealer), edit_box);
  gtk_box_append (GTK_BOX (box), row->revealer);

  row->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (row->buttons, GTK_ALIGN_END);
  reject = gtk_button_new_with_mnemonic (_("_Reject"));
  edit = gtk_toggle_button_new_with_mnemonic (_("_Edit"));
  row->accept_button = gtk_button_new_with_mnemonic (_("_Accept"));
  gtk_widget_add_css_class (row->accept_button, "suggested-action");
  /* Every row has these three: the passage tells them apart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (reject), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, s->exact, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, s->exact, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->accept_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  s->exact, -1);
  g_signal_connect (reject, "clicked", G_CALLBACK (on_reject_clicked), row);
  g_signal_connect (edit, "toggled", G_CALLBACK (on_edit_toggled), row);
  g_signal_connect (row->accept_button, "clicked", G_CALLBACK (on_accept_clicked), row);
  gtk_box_append (GTK_BOX (row->buttons), reject);
  gtk_box_append (GTK_BOX (row->buttons), edit);
  gtk_box_append (GTK_BOX (row->buttons), row->accept_button);
  gtk_box_append (GTK_BOX (box), row->buttons);

  row->state_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->state_label), 1);
  gtk_widget_add_css_class (row->state_label, "dim-label");
  gtk_widget_set_visible (row->state_label, FALSE);
  gtk_box_append (GTK_BOX (box), row->state_label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, s->exact, -1);
  g_object_set_data_full (G_OBJECT (list_row), "dl-row", row, g_free);
  return list_row;
}

static void
clear_rows (DlSuggestDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->n_waiting = 0;
}

/* Reading an article, in a thread: the gazetteer's lookups and the date
 * resolver over a long article are not for the main loop. The dataset's
 * places are read there too; the dialog is modal, so nothing edits them
 * meanwhile. */

typedef struct {
  char      *text;
  char      *published;
  DlDataset *dataset;
} Reading;

static void
reading_free (Reading *reading)
{
  g_free (reading->text);
  g_free (reading->published);
  g_clear_object (&reading->dataset);
  g_free (reading);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Reading *reading = task_data;
  g_autoptr(DlGazetteer) gazetteer = NULL;
  GError *error = NULL;
  GPtrArray *suggestions;

  if ((gazetteer = dl_gazetteer_open_default (&error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  suggestions = dl_suggest (reading->text, reading->published, gazetteer, reading->dataset, &error);
  if (suggestions == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_ptr_array_unref);
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *suggestions = g_task_propagate_pointer (G_TASK (result), &error);
  DlSuggestDialog *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = DL_SUGGEST_DIALOG (user_data);
  if (suggestions == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The article cannot be read for suggestions: %s"), error->message);

      gtk_label_set_text (self->status_label, text);
      return;
    }
  self->suggestions = suggestions;
  self->n_waiting = suggestions->len;
  for (guint i = 0; i < suggestions->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (suggestions, i), i);

      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->rows, row);
    }
  update_status (self);
}

static void
read_article (DlSuggestDialog *self)
{
  DlSource *source = current_source (self);
  g_autoptr(GTask) task = NULL;
  g_autofree char *text = NULL;
  Reading *reading;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_rows (self);
  if (source == NULL)
    return;
  if (dl_source_get_published_text (source) == NULL)
    {
      /* Translators: %s is an article's title */
      text = g_strdup_printf (_("“%s” has no publication date: “on Tuesday” or “last week” cannot be read "
                                "without one. Give it a date in Add Articles."), dl_source_get_title (source));
      gtk_label_set_text (self->status_label, text);
      return;
    }
  /* Translators: %s is an article's title */
  text = g_strdup_printf (_("Reading “%s”…"), dl_source_get_title (source));
  gtk_label_set_text (self->status_label, text);

  reading = g_new0 (Reading, 1);
  reading->text = g_strndup (dl_text_get_data (dl_source_get_text (source)),
                             dl_text_get_size (dl_source_get_text (source)));
  reading->published = g_strdup (dl_source_get_published_text (source));
  reading->dataset = g_object_ref (dl_session_get_dataset (self->session));
  self->cancellable = g_cancellable_new ();
  /* The window is the task's source: a dialog closed meanwhile is not
   * touched (the cancellable stops the answer). */
  task = g_task_new (NULL, self->cancellable, on_read, self);
  g_task_set_task_data (task, reading, (GDestroyNotify) reading_free);
  g_task_run_in_thread (task, read_thread);
}

/* Building */

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
dl_suggest_dialog_dispose (GObject *object)
{
  DlSuggestDialog *self = DL_SUGGEST_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (dl_suggest_dialog_parent_class)->dispose (object);
}

static void
dl_suggest_dialog_finalize (GObject *object)
{
  DlSuggestDialog *self = DL_SUGGEST_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (dl_suggest_dialog_parent_class)->finalize (object);
}

static void
dl_suggest_dialog_class_init (DlSuggestDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_suggest_dialog_dispose;
  object_class->finalize = dl_suggest_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-suggest-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlSuggestDialog, article_row);
  gtk_widget_class_bind_template_child (widget_class, DlSuggestDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, DlSuggestDialog, list);

  gtk_widget_class_install_action (widget_class, "suggest.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "suggest.close", NULL);
}

static void
dl_suggest_dialog_init (DlSuggestDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dl_combo_row_choose_activated (self->article_row);
  self->rows = g_ptr_array_new ();
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
}

DlSuggestDialog *
dl_suggest_dialog_new (GtkWindow *parent,
                       DlSession *session,
                       DlSource  *source)
{
  DlSuggestDialog *self;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GListModel *sources;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (DL_IS_SESSION (session), NULL);
  g_return_val_if_fail (dl_session_get_dataset (session) != NULL, NULL);

  self = g_object_new (DL_TYPE_SUGGEST_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);

  /* The articles with text; the one asked for, else the first with a
   * publication date. */
  sources = dl_dataset_get_sources (dl_session_get_dataset (session));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) s = g_list_model_get_item (sources, i);

      if (dl_source_get_text (s) == NULL)
        continue;
      if (s == source || (source == NULL && selected == GTK_INVALID_LIST_POSITION
                          && dl_source_get_published_text (s) != NULL))
        selected = self->sources->len;
      gtk_string_list_append (titles, dl_source_get_title (s));
      g_ptr_array_add (self->sources, g_object_ref (s));
    }
  adw_combo_row_set_model (self->article_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->article_row, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
  g_signal_connect_swapped (self->article_row, "notify::selected", G_CALLBACK (read_article), self);
  if (self->sources->len == 0)
    gtk_label_set_text (self->status_label, _("The dataset has no articles yet: add them with Add Articles."));
  read_article (self);
  return self;
}
