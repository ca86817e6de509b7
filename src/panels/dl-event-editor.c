/* dl-event-editor.c: the selected event's fields, to edit
 *
 * A sidebar page beside the event's details. It shows the session's
 * selected event and changes it only through the session's edit stack;
 * when the event changes otherwise (undo, redo), the fields follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-editor"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "dl-combo-row-keys.h"
#include "dl-category.h"
#include "dl-category-dialog.h"
#include "dl-dataset-categories.h"
#include "dl-describe.h"
#include "dl-event-editor.h"
#include "dl-gazetteer.h"
#include "dl-reldate.h"
#include "dl-sketch.h"

#define MAX_PLACE_RESULTS 8

struct _DlEventEditor
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *box;
  GtkLabel       *heading;
  AdwEntryRow    *title_row;
  AdwComboRow    *category_row;
  GtkWidget      *edit_category_button;
  AdwEntryRow    *when_row;
  AdwEntryRow    *basis_row;
  AdwActionRow   *reldate_row;
  GtkWidget      *reldate_button;
  GtkLabel       *when_description;
  GtkTextView    *summary_view;
  GtkLabel       *place_label;
  GtkWidget      *precision_box;
  GtkAdjustment  *precision_adjustment;
  GtkWidget      *precision_scale;
  GtkLabel       *precision_label;
  GtkSearchEntry *place_entry;
  GtkListBox     *place_results;
  GtkToggleButton *point_button;
  GtkToggleButton *line_button;
  GtkToggleButton *area_button;
  GtkWidget      *sketch_box;
  GtkLabel       *sketch_hint;
  GtkLabel       *sketch_count;

  DlSession      *session;
  DlSketch       *sketch;        /* the line or area being drawn */
  DlDataset      *dataset;       /* whose "event-changed" is followed */
  GSignalGroup   *dataset_signals; /* on it, following it as the session changes it */
  DlEvent        *event;
  GStrv           categories;    /* the combo row's, in its order */
  GPtrArray      *matches;       /* of DlGazetteerMatch, the rows' */
  DlGazetteer    *gazetteer;     /* opened at the first search */
  DlReldate      *reldate;       /* the date the passages give, or NULL */
  gboolean        updating;      /* filling the fields: not an edit */
  guint           dialog_idle;   /* opening the New Category dialog */
  GtkWidget      *dialog;        /* a category dialog until destroyed */
};

G_DEFINE_FINAL_TYPE (DlEventEditor, dl_event_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
ui_language (void)
{
  return pango_language_to_string (gtk_get_default_language ());
}

static DlEditStack *
edits (DlEventEditor *self)
{
  return self->session != NULL ? dl_session_get_edit_stack (self->session) : NULL;
}

static void
report (DlEventEditor *self,
        GError        *error)
{
  if (error != NULL)
    g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
}

/* Sets an editable's text unless it already holds it (keeping the cursor
 * where the user types). */
static void
set_text (GtkEditable *editable,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static void
update_when_description (DlEventEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->when_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  DlEdtf edtf;

  if (*text == '\0')
    description = g_strdup (_("A date is needed: EDTF, such as 2024-08-20 or 2024-08~"));
  else if (dl_edtf_parse (text, &edtf, &error))
    description = dl_edtf_describe (&edtf);
  else
    description = g_strdup (error->message);

  gtk_label_set_label (self->when_description, description);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->when_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->when_row), "error");
}

static void
update_place_label (DlEventEditor *self)
{
  g_autofree char *places = NULL;

  if (self->event == NULL || dl_event_get_n_places (self->event) == 0)
    {
      gtk_label_set_label (self->place_label, _("No place yet: search for one below, or click the map"));
      return;
    }
  places = dl_describe_places (self->event, ui_language ());
  gtk_label_set_label (self->place_label, places);
}

/* The slider is the precision's base-10 logarithm: 10 m to 300 km, each
 * step a like share of what it is. */
static double
precision_of_value (double value)
{
  return dl_geo_round_metres (pow (10, value));
}

static void
show_precision (DlEventEditor *self,
                double         metres)
{
  g_autofree char *text = dl_describe_precision_m (metres);

  gtk_label_set_label (self->precision_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->precision_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
}

/* The first place's precision; the slider hides when there is no place. */
static void
update_precision (DlEventEditor *self)
{
  DlPlace *place = self->event != NULL && dl_event_get_n_places (self->event) > 0
                   ? dl_event_get_place (self->event, 0) : NULL;
  double metres;

  gtk_widget_set_visible (self->precision_box, place != NULL);
  if (place == NULL)
    return;

  metres = dl_place_get_precision_m (place);
  /* Not an edit: the slider follows the place (undo, another event). */
  if (fabs (precision_of_value (gtk_adjustment_get_value (self->precision_adjustment)) - metres) > 1e-6)
    {
      gboolean updating = self->updating;

      self->updating = TRUE;
      gtk_adjustment_set_value (self->precision_adjustment,
                                metres > 0 ? log10 (metres) : gtk_adjustment_get_lower (self->precision_adjustment));
      self->updating = updating;
    }
  show_precision (self, metres);
}

static void
fill_categories (DlEventEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_auto(GStrv) known = dl_category_dup_known ();
  g_auto(GStrv) used = self->session != NULL ? dl_session_dup_categories (self->session) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *current = self->event != NULL ? dl_event_get_category (self->event) : NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n = 0;

  /* Known ones, then the dataset's own: used, defined, the event's. */
  for (guint i = 0; known[i] != NULL; i++)
    g_strv_builder_add (builder, known[i]);
  for (guint i = 0; used != NULL && used[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) known, used[i]))
      g_strv_builder_add (builder, used[i]);
  for (guint i = 0; self->dataset != NULL && i < dl_dataset_get_n_categories (self->dataset); i++)
    {
      const char *id = dl_dataset_get_category (self->dataset, i)->id;

      if (!g_strv_contains ((const char * const *) known, id)
          && (used == NULL || !g_strv_contains ((const char * const *) used, id)))
        g_strv_builder_add (builder, id);
    }
  g_strfreev (self->categories);
  self->categories = g_strv_builder_end (builder);

  for (; self->categories[n] != NULL; n++)
    {
      gtk_string_list_append (labels, dl_category_get_label (self->dataset, self->categories[n]));
      if (g_strcmp0 (self->categories[n], current) == 0)
        selected = n;
    }
  /* Last, the way to a category of the dataset's own, with a colour. */
  gtk_string_list_append (labels, _("New Category…"));

  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->category_row, selected);
  gtk_widget_set_sensitive (self->edit_category_button, current != NULL && *current != '\0');
}

/* The date the event's passages give, resolved against their article's
 * publication date: the first passage that says when ("on Tuesday",
 * "last week"), proposed in the reldate row. */
static void
update_reldate (DlEventEditor *self)
{
  DlEvent *event = self->event;
  DlSource *undated = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_clear_pointer (&self->reldate, dl_reldate_free);
  for (guint i = 0; event != NULL && i < dl_event_get_n_excerpts (event) && self->reldate == NULL; i++)
    {
      const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);
      const char *published = dl_source_get_published_text (excerpt->source);
      g_autofree char *label = g_strdup_printf ("[%s]", dl_source_get_id (excerpt->source));

      if (published == NULL)
        {
          undated = excerpt->source;
          continue;
        }
      /* A publication date that names no single day gives nothing. */
      self->reldate = dl_reldate_resolve (excerpt->exact, published, label, NULL, NULL);
    }

  if (self->reldate != NULL)
    {
      g_autofree char *isolated = dl_describe_isolate (self->reldate->expression);
      g_autofree char *description = NULL;
      DlEdtf edtf;

      description = dl_edtf_parse (self->reldate->when, &edtf, NULL) ? dl_edtf_describe (&edtf)
                                                                    : g_strdup (self->reldate->when);
      /* TRANSLATORS: the date a passage gives: the words in it ("on Tuesday"), then that date in words */
      title = g_strdup_printf (_("The passage says “%s”: %s"), isolated, description);
      /* TRANSLATORS: %s is a date in EDTF ("2024-08-20?") */
      subtitle = g_strdup_printf (_("EDTF %s"), self->reldate->when);
    }
  else if (undated != NULL)
    {
      g_autofree char *isolated = dl_describe_isolate (dl_source_get_title (undated));

      title = g_strdup_printf (_("“%s” has no publication date: a date such as “on Tuesday” in it cannot be resolved"),
                               isolated);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->reldate_row), title != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reldate_row), title != NULL ? title : "");
  adw_action_row_set_subtitle (self->reldate_row, subtitle);
  gtk_widget_set_visible (self->reldate_button, self->reldate != NULL);
  /* Already so: nothing to use. */
  gtk_widget_set_sensitive (self->reldate_button,
                            self->reldate != NULL
                            && (g_strcmp0 (dl_event_get_when_text (event), self->reldate->when) != 0
                                || g_strcmp0 (dl_event_get_when_basis (event), self->reldate->when_basis) != 0));
}

#define SCROLL_FRAMES 4

/* Scrolls the sidebar until @box's bottom shows, but never past the top of
 * @user_data (or of @box itself), so a long list under the place search
 * keeps the search in view. Runs for a few frames: what was just shown or
 * focused may still grow the form above it as it is laid out. */
static gboolean
scroll_into_view (GtkWidget     *box,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *top_widget = user_data != NULL ? user_data : box;
  GtkAdjustment *adjustment;
  GtkWidget *content;
  graphene_point_t bottom, top;
  double value, page;
  guint frames;

  if (scrolled == NULL || (content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))) == NULL)
    return G_SOURCE_REMOVE;
  /* A viewport shows its child scrolled: the child's coordinates are the
   * adjustment's. */
  if (GTK_IS_VIEWPORT (content) && gtk_viewport_get_child (GTK_VIEWPORT (content)) != NULL)
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (!gtk_widget_compute_point (box, content, &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (box)), &bottom)
      || !gtk_widget_compute_point (top_widget, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bottom.y > value + page)
    value = bottom.y - page + 12;
  if (top.y < value)
    value = top.y - 12;
  if (value != gtk_adjustment_get_value (adjustment))
    gtk_adjustment_set_value (adjustment, value);

  frames = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "dl-scroll-frames"));
  g_object_set_data (G_OBJECT (box), "dl-scroll-frames", GUINT_TO_POINTER (frames < SCROLL_FRAMES ? frames + 1 : 0));
  return frames < SCROLL_FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The shape buttons, the hint and the count follow the sketch (the window
 * adds corners for clicks on the map, and resets it when finished). */
static void
update_sketch (DlEventEditor *self)
{
  DlSketchShape shape = dl_sketch_get_shape (self->sketch);
  guint n = dl_sketch_get_n_corners (self->sketch);
  g_autofree char *count = NULL;
  gboolean updating = self->updating;

  self->updating = TRUE;
  gtk_toggle_button_set_active (shape == DL_SKETCH_LINE ? self->line_button
                                : shape == DL_SKETCH_AREA ? self->area_button : self->point_button, TRUE);
  self->updating = updating;

  if (shape != DL_SKETCH_POINT && !gtk_widget_get_visible (self->sketch_box))
    gtk_widget_add_tick_callback (self->sketch_box, scroll_into_view, NULL, NULL);
  gtk_widget_set_visible (self->sketch_box, shape != DL_SKETCH_POINT);
  if (shape == DL_SKETCH_POINT)
    return;

  if (shape == DL_SKETCH_LINE)
    {
      gtk_label_set_label (self->sketch_hint,
                           _("Click the map at each point of the line, or choose places in the search below. "
                             "Enter or a double click finishes; Backspace removes the last point; Escape cancels."));
      /* TRANSLATORS: how many points of a line being drawn on the map have been clicked */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u point", "%u points", n), n);
    }
  else
    {
      gtk_label_set_label (self->sketch_hint,
                           _("Click the map at each corner of the area, or choose places in the search below. "
                             "Enter, a double click or a click on the first corner finishes; Backspace removes the "
                             "last corner; Escape cancels."));
      /* TRANSLATORS: how many corners of an area being drawn on the map have been clicked */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u corner", "%u corners", n), n);
    }
  gtk_label_set_label (self->sketch_count, count);
}

/* The fields from the event. */
static void
fill (DlEventEditor *self)
{
  DlEvent *event = self->event;
  g_autofree char *heading = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  g_autofree char *summary = NULL;
  GtkTextIter start, end;

  self->updating = TRUE;

  gtk_widget_set_sensitive (self->box, event != NULL);
  set_text (GTK_EDITABLE (self->title_row), event != NULL ? dl_event_get_title (event) : NULL);
  set_text (GTK_EDITABLE (self->when_row), event != NULL ? dl_event_get_when_text (event) : NULL);
  set_text (GTK_EDITABLE (self->basis_row), event != NULL ? dl_event_get_when_basis (event) : NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  summary = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (summary, event != NULL && dl_event_get_summary (event) != NULL ? dl_event_get_summary (event) : "") != 0)
    gtk_text_buffer_set_text (buffer, event != NULL && dl_event_get_summary (event) != NULL ? dl_event_get_summary (event) : "", -1);
  fill_categories (self);
  update_when_description (self);
  update_reldate (self);
  update_place_label (self);
  update_precision (self);

  if (event != NULL)
    {
      g_autofree char *isolated = dl_describe_isolate (dl_event_get_title (event));

      /* TRANSLATORS: the heading of the event editor; %s is the event's title */
      heading = g_strdup_printf (_("Edit “%s”"), isolated);
    }
  gtk_label_set_label (self->heading, heading != NULL ? heading : _("Edit Event"));

  self->updating = FALSE;
}

/* Callbacks */

static void
on_event_edited (DlEventEditor *self,
                 DlEvent       *event)
{
  if (event == self->event)
    fill (self);
}

static void
on_selected_event (DlEventEditor *self)
{
  DlDataset *dataset = dl_session_get_dataset (self->session);

  if (dataset != self->dataset)
    {
      g_set_object (&self->dataset, dataset);
      g_signal_group_set_target (self->dataset_signals, dataset);
    }

  /* Another event: what was drawn for the last one is dropped. */
  if (self->event != dl_session_get_selected_event (self->session))
    dl_sketch_reset (self->sketch);
  g_set_object (&self->event, dl_session_get_selected_event (self->session));
  fill (self);
}

static void
edit_text (DlEventEditor *self,
           DlEventField   field,
           const char    *value)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->event == NULL || edits (self) == NULL)
    return;
  /* Typing: one undo for the whole word or sentence. */
  if (!dl_edit_stack_set_event_text (edits (self), self->event, field, value, TRUE, &error)
      && field == DL_EVENT_FIELD_TITLE && (value == NULL || *value == '\0'))
    return;  /* an empty title is being retyped: said once it is left empty */
  report (self, error);
}

static void
on_title_changed (DlEventEditor *self)
{
  edit_text (self, DL_EVENT_FIELD_TITLE, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_basis_changed (DlEventEditor *self)
{
  edit_text (self, DL_EVENT_FIELD_WHEN_BASIS, gtk_editable_get_text (GTK_EDITABLE (self->basis_row)));
}

static void
on_summary_changed (DlEventEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  edit_text (self, DL_EVENT_FIELD_SUMMARY, text);
}

/* The row back on the event's category, not as an edit. */
static void
select_current_category (DlEventEditor *self)
{
  const char *current = self->event != NULL ? dl_event_get_category (self->event) : NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; self->categories != NULL && self->categories[i] != NULL; i++)
    if (g_strcmp0 (self->categories[i], current) == 0)
      selected = i;
  self->updating = TRUE;
  adw_combo_row_set_selected (self->category_row, selected);
  self->updating = FALSE;
}

static void
on_new_category (DlEventEditor *self,
                 const char    *name,
                 guint          color)
{
  g_auto(GStrv) known = dl_category_dup_known ();
  g_autoptr(GError) error = NULL;

  /* The dialog was open a while: the event may have gone meanwhile. */
  if (self->event == NULL || edits (self) == NULL)
    return;
  if (dl_edit_stack_add_category (edits (self), self->event, name, color, (const char * const *) known,
                                  &error) == NULL)
    report (self, error);
}

static void
forget_dialog (DlEventEditor *self)
{
  self->dialog = NULL;
}

/* Followed until it is destroyed, not finalized: something may still hold
 * a closed dialog a while, and another must open meanwhile. */
static void
show_dialog (DlEventEditor    *self,
             DlCategoryDialog *dialog)
{
  self->dialog = GTK_WIDGET (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (forget_dialog), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static gboolean
open_category_dialog (gpointer data)
{
  DlEventEditor *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  DlCategoryDialog *dialog;

  self->dialog_idle = 0;
  if (self->event == NULL || !GTK_IS_WINDOW (root) || self->dialog != NULL)
    return G_SOURCE_REMOVE;
  dialog = dl_category_dialog_new (GTK_WINDOW (root));
  g_signal_connect_object (dialog, "add", G_CALLBACK (on_new_category), self, G_CONNECT_SWAPPED);
  show_dialog (self, dialog);
  return G_SOURCE_REMOVE;
}

static void
on_category_saved (DlEventEditor    *self,
                   const char       *name,
                   guint             color,
                   DlCategoryDialog *dialog)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "category");
  g_autoptr(GError) error = NULL;

  if (edits (self) == NULL)
    return;
  /* The name as shown (a built-in category's, translated) is no new name:
   * the category keeps following the language. */
  if (g_strcmp0 (name, dl_category_get_label (self->dataset, id)) == 0)
    name = NULL;
  if (!dl_edit_stack_edit_category (edits (self), id, name, color, &error))
    report (self, error);
}

/* The pencil beside the category: its name and colour, for every event
 * of it. */
static void
on_edit_category (DlEventEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *id = self->event != NULL ? dl_event_get_category (self->event) : NULL;
  DlCategoryDialog *dialog;

  if (id == NULL || *id == '\0' || !GTK_IS_WINDOW (root) || self->dialog != NULL)
    return;
  dialog = dl_category_dialog_new_for_category (GTK_WINDOW (root), dl_category_get_label (self->dataset, id),
                                                dl_category_get_rgb (self->dataset, id));
  g_object_set_data_full (G_OBJECT (dialog), "category", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "save", G_CALLBACK (on_category_saved), self, G_CONNECT_SWAPPED);
  show_dialog (self, dialog);
}

static void
on_category_selected (DlEventEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);
  guint n = self->categories != NULL ? g_strv_length (self->categories) : 0;

  if (self->updating || self->event == NULL || selected == GTK_INVALID_LIST_POSITION || selected > n)
    return;
  if (selected < n)
    {
      edit_text (self, DL_EVENT_FIELD_CATEGORY, self->categories[selected]);
      return;
    }

  /* "New Category…": the row shows the event's category again until the
   * dialog makes the new one (the dataset's change then fills the row).
   * The dialog opens once the row's popover has closed: open, its grab
   * would take the dialog's keys and clicks. */
  select_current_category (self);
  /* The row is told twice of one choice (dl_combo_row_choose_activated()). */
  if (self->dialog_idle == 0 && self->dialog == NULL)
    self->dialog_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, open_category_dialog, self, NULL);
}

static void
on_when_changed (DlEventEditor *self)
{
  if (!self->updating)
    update_when_description (self);
}

static void
on_when_apply (DlEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->event == NULL || edits (self) == NULL)
    return;
  if (!dl_edit_stack_set_event_when (edits (self), self->event,
                                     gtk_editable_get_text (GTK_EDITABLE (self->when_row)), &error))
    report (self, error);
}

static void
on_reldate_use (DlEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  DlEditStack *stack = edits (self);

  if (self->event == NULL || stack == NULL || self->reldate == NULL)
    return;

  /* One undo for both: the date and how it was found. */
  dl_edit_stack_begin_group (stack, _("Date from Passage"));
  if (dl_edit_stack_set_event_when (stack, self->event, self->reldate->when, &error))
    dl_edit_stack_set_event_text (stack, self->event, DL_EVENT_FIELD_WHEN_BASIS, self->reldate->when_basis,
                                  FALSE, &error);
  dl_edit_stack_end_group (stack);
  report (self, error);
}

static GtkWidget *
new_match_row (const DlGazetteerMatch *match)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *precision = dl_describe_precision_m (match->precision_m);
  g_autofree char *subtitle = NULL;

  if (match->place != NULL)
    subtitle = g_strdup_printf ("%s · %s", _("In this dataset"), precision);
  else if (match->context != NULL && *match->context != '\0')
    subtitle = g_strdup_printf ("%s · %s", match->context, precision);
  else
    subtitle = g_strdup (precision);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), match->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
on_place_search_changed (DlEventEditor *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->place_entry));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->place_results))) != NULL)
    gtk_list_box_remove (self->place_results, child);
  g_clear_pointer (&self->matches, g_ptr_array_unref);

  if (*query != '\0' && self->gazetteer == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->gazetteer = dl_gazetteer_open_default (&error);
      report (self, error);
    }
  if (*query == '\0' || self->gazetteer == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->place_results), FALSE);
      return;
    }

  self->matches = dl_gazetteer_search (self->gazetteer, query, self->dataset, DL_GAZETTEER_SEARCH_PREFIX,
                                       MAX_PLACE_RESULTS);
  for (guint i = 0; i < self->matches->len; i++)
    gtk_list_box_append (self->place_results, new_match_row (g_ptr_array_index (self->matches, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->place_results), self->matches->len > 0);
  if (self->matches->len > 0)
    gtk_widget_add_tick_callback (GTK_WIDGET (self->place_results), scroll_into_view, self->place_entry, NULL);
}

/* A short sidebar (1024×600) leaves the search below the fold: focused by
 * Alt+W or Tab, it comes into view. */
static void
on_place_entry_focused (DlEventEditor *self)
{
  gtk_widget_add_tick_callback (GTK_WIDGET (self->place_entry), scroll_into_view, NULL, NULL);
}

/* The event is at the match: a place of the dataset as it is, a place of
 * the gazetteer added (with its English, Arabic and Hebrew names). */
static void
choose_match (DlEventEditor          *self,
              const DlGazetteerMatch *match)
{
  g_autoptr(GError) error = NULL;
  DlEditStack *stack = edits (self);
  DlPlace *place = match->place;

  if (self->event == NULL || stack == NULL)
    return;

  /* Drawing: the place is a point or corner of the line or area (a
   * corridor between two towns, drawn from the keyboard). */
  if (dl_sketch_is_drawing (self->sketch))
    {
      dl_sketch_add_corner (self->sketch, match->position, match->precision_m);
      gtk_editable_set_text (GTK_EDITABLE (self->place_entry), "");
      return;
    }

  dl_edit_stack_begin_group (stack, _("Set Place"));
  if (place == NULL)
    {
      g_autoptr(DlGeometry) point = dl_geometry_new_point (match->position);
      const char *names[] = { "ar", match->name_ar, "he", match->name_he, NULL };
      const char *name = match->name_en != NULL && *match->name_en != '\0' ? match->name_en : match->name;

      if (names[1] == NULL)
        {
          names[0] = "he";
          names[1] = match->name_he;
          names[2] = NULL;
        }
      place = dl_edit_stack_add_place (stack, NULL, name, names[1] != NULL ? names : NULL, point,
                                       match->precision_m, dl_gazetteer_match_get_place_kind (match), &error);
    }
  if (place != NULL)
    dl_edit_stack_set_event_places (stack, self->event, &place, 1, &error);
  dl_edit_stack_end_group (stack);
  report (self, error);

  gtk_editable_set_text (GTK_EDITABLE (self->place_entry), "");
}

static void
on_place_activated (DlEventEditor *self,
                    GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (self->matches != NULL && index >= 0 && (guint) index < self->matches->len)
    choose_match (self, g_ptr_array_index (self->matches, index));
}

/* Dragged or stepped: the halo on the map follows at once (the place's
 * events change), and one undo takes back the whole drag. */
static void
on_precision_changed (DlEventEditor *self)
{
  g_autoptr(GError) error = NULL;
  double metres;

  if (self->updating || self->event == NULL || dl_event_get_n_places (self->event) == 0 || edits (self) == NULL)
    return;

  metres = precision_of_value (gtk_adjustment_get_value (self->precision_adjustment));
  show_precision (self, metres);
  if (!dl_edit_stack_set_place_precision (edits (self), dl_event_get_place (self->event, 0), metres, TRUE, &error))
    report (self, error);
}

static void
on_place_search_activate (DlEventEditor *self)
{
  if (self->matches != NULL && self->matches->len > 0)
    choose_match (self, g_ptr_array_index (self->matches, 0));
}

static void
on_shape_toggled (DlEventEditor   *self,
                  GtkToggleButton *button)
{
  if (self->updating || !gtk_toggle_button_get_active (button))
    return;
  dl_sketch_set_shape (self->sketch, button == self->line_button ? DL_SKETCH_LINE
                                     : button == self->area_button ? DL_SKETCH_AREA : DL_SKETCH_POINT);
}

/* GObject */

/* A drawing belongs to the event shown: hidden (Done, another page), the
 * editor drops it. */
static void
dl_event_editor_unmap (GtkWidget *widget)
{
  DlEventEditor *self = DL_EVENT_EDITOR (widget);

  dl_sketch_reset (self->sketch);
  GTK_WIDGET_CLASS (dl_event_editor_parent_class)->unmap (widget);
}

static void
dl_event_editor_dispose (GObject *object)
{
  DlEventEditor *self = DL_EVENT_EDITOR (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->dataset_signals);
  g_clear_handle_id (&self->dialog_idle, g_source_remove);
  if (self->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->dialog, forget_dialog, self);
      self->dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_EVENT_EDITOR);
  g_clear_object (&self->session);
  g_clear_object (&self->dataset);
  g_clear_object (&self->event);
  g_clear_object (&self->gazetteer);
  if (self->sketch != NULL)
    g_signal_handlers_disconnect_by_data (self->sketch, self);
  g_clear_object (&self->sketch);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->reldate, dl_reldate_free);

  G_OBJECT_CLASS (dl_event_editor_parent_class)->dispose (object);
}

static void
dl_event_editor_class_init (DlEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_event_editor_dispose;
  widget_class->unmap = dl_event_editor_unmap;

  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, box);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, edit_category_button);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, when_row);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, basis_row);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, reldate_row);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, reldate_button);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, when_description);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, place_label);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, place_entry);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, precision_box);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, precision_adjustment);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, precision_scale);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, precision_label);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, place_results);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, point_button);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, line_button);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, area_button);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, sketch_box);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, sketch_hint);
  gtk_widget_class_bind_template_child (widget_class, DlEventEditor, sketch_count);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_category);
  gtk_widget_class_bind_template_callback (widget_class, on_when_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_when_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_basis_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reldate_use);
  gtk_widget_class_bind_template_callback (widget_class, on_place_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_place_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_place_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_precision_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_shape_toggled);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dl-event-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dl_event_editor_init (DlEventEditor *self)
{
  self->sketch = dl_sketch_new ();
  /* A signal group rather than connecting by hand at each dataset: the
   * handler moves with the target (as the narrative editor's does). */
  self->dataset_signals = g_signal_group_new (DL_TYPE_DATASET);
  g_signal_group_connect_swapped (self->dataset_signals, "event-changed", G_CALLBACK (on_event_edited), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  dl_combo_row_choose_activated (self->category_row);
  g_signal_connect_swapped (self->sketch, "changed", G_CALLBACK (update_sketch), self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_place_entry_focused), self);
    gtk_widget_add_controller (GTK_WIDGET (self->place_entry), focus);
  }
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (on_summary_changed), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event editor"), -1);
  fill (self);
}

/* Public API */

DlEventEditor *
dl_event_editor_new (void)
{
  return g_object_new (DL_TYPE_EVENT_EDITOR, NULL);
}

void
dl_event_editor_set_session (DlEventEditor *self,
                             DlSession     *session)
{
  g_return_if_fail (DL_IS_EVENT_EDITOR (self));
  g_return_if_fail (session == NULL || DL_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::selected-event", G_CALLBACK (on_selected_event), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::dataset", G_CALLBACK (on_selected_event), self,
                               G_CONNECT_SWAPPED);
      on_selected_event (self);
    }
}

gboolean
dl_event_editor_focus_field (DlEventEditor *self,
                             const char    *member)
{
  GtkWidget *field = NULL;

  g_return_val_if_fail (DL_IS_EVENT_EDITOR (self), FALSE);
  g_return_val_if_fail (member != NULL, FALSE);

  if (g_str_equal (member, "title"))
    field = GTK_WIDGET (self->title_row);
  else if (g_str_equal (member, "category"))
    field = GTK_WIDGET (self->category_row);
  else if (g_str_equal (member, "when"))
    field = GTK_WIDGET (self->when_row);
  else if (g_str_equal (member, "when_basis"))
    field = GTK_WIDGET (self->basis_row);
  else if (g_str_equal (member, "summary"))
    field = GTK_WIDGET (self->summary_view);
  else if (g_str_equal (member, "place") || g_str_equal (member, "places"))
    field = GTK_WIDGET (self->place_entry);

  return field != NULL && gtk_widget_grab_focus (field);
}

DlSketch *
dl_event_editor_get_sketch (DlEventEditor *self)
{
  g_return_val_if_fail (DL_IS_EVENT_EDITOR (self), NULL);

  return self->sketch;
}

void
dl_event_editor_focus_title (DlEventEditor *self)
{
  g_return_if_fail (DL_IS_EVENT_EDITOR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
