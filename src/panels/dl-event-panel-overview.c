/* dl-event-panel-overview.c: the sidebar with no event selected
 *
 * The dataset's title, how many events from how many articles, the time
 * span of all events, its description, its sources and its events by
 * category, the events the map or the timeline cannot show, and a hint on
 * how to select an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dl-category.h"
#include "dl-describe.h"
#include "dl-event-facets.h"
#include "dl-event-panel-private.h"

typedef struct {
  const char *category;
  const char *label;   /* the dataset's, looked up once */
  guint       count;
} CategoryCount;

static int
compare_category_counts (gconstpointer a,
                         gconstpointer b)
{
  const CategoryCount *ca = a;
  const CategoryCount *cb = b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;

  return g_utf8_collate (ca->label, cb->label);
}

/* Counted from the numbers the loading thread gave each event's category
 * (dl_dataset_get_facets()): a million events are not looked at again
 * each time the selection is cleared. */
static void
add_categories (DlEventPanel *self)
{
  DlEventFacets *facets = dl_dataset_get_facets (self->dataset);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (CategoryCount));
  GtkWidget *section;
  GtkWidget *list;

  if (facets->order->len == 0)
    return;

  for (guint c = 0; c < facets->category_names->len; c++)
    {
      const char *category = g_ptr_array_index (facets->category_names, c);
      CategoryCount entry = { category, dl_category_get_label (self->dataset, category),
                              g_array_index (facets->category_counts, guint, c) };

      if (entry.count > 0)
        g_array_append_val (sorted, entry);
    }
  g_array_sort (sorted, compare_category_counts);

  section = _dl_event_panel_add_section (self->content, _("Events by Category"));
  list = _dl_event_panel_new_boxed_list ();
  gtk_widget_add_css_class (list, "category-counts");
  gtk_box_append (GTK_BOX (section), list);

  for (guint i = 0; i < sorted->len; i++)
    {
      const CategoryCount *entry = &g_array_index (sorted, CategoryCount, i);
      g_autofree char *count = g_strdup_printf ("%u", entry->count);
      g_autofree char *accessible =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u event", "%s: %u events", entry->count),
                         entry->label, entry->count);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *name = gtk_label_new (entry->label);
      GtkWidget *count_label = gtk_label_new (count);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_add_css_class (box, "category-count");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

      gtk_widget_add_css_class (dot, "category-dot");
      gtk_widget_add_css_class (dot, dl_category_get_css_class (self->dataset, entry->category));
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), dot);

      gtk_label_set_xalign (GTK_LABEL (name), 0.0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_box_append (GTK_BOX (box), name);

      gtk_widget_add_css_class (count_label, "dim-label");
      gtk_widget_add_css_class (count_label, "numeric");
      gtk_box_append (GTK_BOX (box), count_label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

/* So many rows at most in a list of unshown events: an import of a
 * million rows may leave thousands without a place. */
#define MAX_UNSHOWN_ROWS 50

static void
on_event_row_activated (DlEventPanel  *self,
                        GtkListBoxRow *row)
{
  DlEvent *event = g_object_get_data (G_OBJECT (row), "dl-event");

  if (event != NULL)
    _dl_event_panel_event_activated (self, event);
}

/* Events that an import (or the editor) left without a place or a date
 * are on one view only: listed here, so none is lost from sight, each a
 * row that selects it. */
static void
add_unshown (DlEventPanel *self,
             gboolean      without_place)
{
  /* Found by the loading thread (dl_dataset_get_facets()), in the
   * dataset's order. */
  DlEventFacets *facets = dl_dataset_get_facets (self->dataset);
  GPtrArray *events = without_place ? facets->unplaced : facets->undated;
  guint n_listed = 0, n_more = 0;
  GtkWidget *section = NULL;
  GtkWidget *list = NULL;

  for (guint i = 0; i < events->len; i++)
    {
      DlEvent *event = g_ptr_array_index (events, i);
      const DlEdtf *when = dl_event_get_when (event);
      gboolean undated = when->earliest == DL_EDTF_UNBOUNDED_START && when->latest == DL_EDTF_UNBOUNDED_END;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (list == NULL)
        {
          section = _dl_event_panel_add_section (self->content,
                                                 without_place ? _("Not on the Map") : _("Not on the Timeline"));
          _dl_event_panel_add_label (section,
                                     without_place ? _("These events have no place: the timeline shows them.")
                                                   : _("These events have no date: the map shows them."),
                                     "dim-label");
          list = _dl_event_panel_new_boxed_list ();
          gtk_widget_add_css_class (list, without_place ? "events-without-place" : "events-without-date");
          g_signal_connect_swapped (list, "row-activated", G_CALLBACK (on_event_row_activated), self);
          gtk_box_append (GTK_BOX (section), list);
        }
      if (n_listed == MAX_UNSHOWN_ROWS)
        {
          n_more = events->len - i;
          break;
        }

      /* What the row can say of it: when, or where. */
      if (without_place && !undated)
        subtitle = dl_edtf_describe (dl_event_get_when (event));
      else if (!without_place)
        subtitle = dl_describe_place_name (event, 0, _dl_event_panel_ui_language ());
      row = _dl_event_panel_new_row (dl_event_get_title (event), subtitle,
                                     without_place ? "x-office-calendar-symbolic" : "mark-location-symbolic");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_focusable (row, TRUE);
      g_object_set_data_full (G_OBJECT (row), "dl-event", g_object_ref (event), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      n_listed++;
    }

  if (n_more > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more event",
                                                            "and %u more events", n_more), n_more);

      _dl_event_panel_add_label (section, more, "dim-label");
    }
}

static void
on_source_row_activated (DlEventPanel  *self,
                         GtkListBoxRow *row)
{
  DlSource *source = g_object_get_data (G_OBJECT (row), "dl-source");

  if (source != NULL)
    _dl_event_panel_source_activated (self, source);
}

/* What to do next. "Select an event" in a dataset without any sent a
 * researcher who had just made one looking for events (the toast offering
 * Add Articles is gone after a few seconds): a new dataset says to add
 * articles, with the button that does, and one with articles but no
 * events says how a passage becomes one. */
static void
add_hint (DlEventPanel *self,
          guint         n_sources,
          guint         n_events)
{
  GtkWidget *hint = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *icon = "mark-location-symbolic";
  const char *words;
  GtkWidget *label;

  if (n_sources == 0)
    {
      icon = "text-x-generic-symbolic";
      words = _("No articles yet: add the ones this dataset is made from, then make events from their passages.");
    }
  else if (n_events == 0)
    {
      icon = "text-x-generic-symbolic";
      words = _("No events yet: open an article above, select a passage and make it an event with Shift+Ctrl+N.");
    }
  else
    {
      words = _("Select an event on the map, on the timeline or in the list to see when and where "
                "it happened and read the passages that report it.");
    }

  gtk_widget_add_css_class (hint, "overview-hint");
  gtk_box_append (GTK_BOX (hint), gtk_image_new_from_icon_name (icon));
  label = _dl_event_panel_add_label (text, words, NULL);
  gtk_widget_set_hexpand (label, TRUE);
  if (n_sources == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Articles…"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-articles");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_box_append (GTK_BOX (text), button);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (hint), text);
  gtk_box_append (GTK_BOX (self->content), hint);
}

void
_dl_event_panel_show_overview (DlEventPanel *self)
{
  GListModel *sources = dl_dataset_get_sources (self->dataset);
  guint n_sources = g_list_model_get_n_items (sources);
  guint n_events = g_list_model_get_n_items (dl_dataset_get_events (self->dataset));
  const char *description = dl_dataset_get_description (self->dataset);
  g_autofree char *events_text = NULL;
  g_autofree char *sources_text = NULL;
  g_autofree char *stats = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label;
  GtkWidget *list;
  GtkWidget *section;
  gint64 earliest;
  gint64 latest;

  label = _dl_event_panel_add_label (header, dl_dataset_get_title (self->dataset), "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);

  events_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events), n_events);
  sources_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_sources), n_sources);
  /* Translators: "50 events from 5 articles" */
  stats = g_strdup_printf (_("%s from %s"), events_text, sources_text);
  _dl_event_panel_add_label (header, stats, "dim-label");
  gtk_box_append (GTK_BOX (self->content), header);

  if (dl_dataset_get_time_range (self->dataset, &earliest, &latest))
    {
      DlEdtf span = { earliest, latest, DL_EDTF_INTERVAL, DL_EDTF_PRECISION_DAY };
      g_autofree char *range = dl_edtf_describe (&span);

      list = _dl_event_panel_new_boxed_list ();
      gtk_list_box_append (GTK_LIST_BOX (list), _dl_event_panel_new_row (range, _("Time span of all events"),
                                                         "x-office-calendar-symbolic"));
      gtk_box_append (GTK_BOX (self->content), list);
    }

  if (description != NULL && *description != '\0')
    _dl_event_panel_add_long_text (self, self->content, description, dl_dataset_get_title (self->dataset), FALSE,
                   "dataset-description");

  section = _dl_event_panel_add_section (self->content, _("Sources"));
  /* A new dataset has no articles: no empty list under a heading. */
  gtk_widget_set_visible (section, n_sources > 0);
  list = _dl_event_panel_new_boxed_list ();
  gtk_widget_add_css_class (list, "source-list");
  gtk_box_append (GTK_BOX (section), list);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      /* "published" is optional (and imported sources have none). */
      g_autofree char *published = dl_source_get_published (source) != NULL
                                   ? dl_edtf_describe (dl_source_get_published (source)) : NULL;
      /* Translators: when an article was published */
      g_autofree char *subtitle = published != NULL ? g_strdup_printf (_("Published %s"), published) : NULL;
      GtkWidget *row = _dl_event_panel_new_row (dl_source_get_title (source), subtitle, "text-x-generic-symbolic");

      if (dl_source_get_published_basis (source) != NULL)
        gtk_widget_set_tooltip_text (row, dl_source_get_published_basis (source));
      /* Editing: an article opens in the article view (dl-window-articles.c). */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "dl-source", g_object_ref (source), g_object_unref);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (on_source_row_activated), self);

  add_categories (self);
  add_unshown (self, TRUE);
  add_unshown (self, FALSE);

  add_hint (self, n_sources, n_events);

  /* Translators: a screen reader's description of the overview */
  accessible = g_strdup_printf (_("Overview: %s"), stats);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dl_dataset_get_title (self->dataset),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);
}
