/* dl-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#ifdef HAVE_BASEMAP
#include "dl-basemap-source.h"
#endif
#include "dl-category.h"
#include "dl-event-layer.h"
#include "dl-export.h"
#include "dl-window.h"

/* Wait this long for tiles before a --screenshot is taken. */
#define SCREENSHOT_DELAY_MS 1500
#define CONTEXT_CHARS       80

struct _DlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkLabel             *count_label;
  GtkListView          *event_list;
  ShumateMap           *map;
  ShumateLicense       *license;
  ShumateScale         *scale;
  GtkWidget            *details_box;
  GtkScrolledWindow    *details_scroller;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;

  DlDataset            *dataset;
  GListStore           *events;      /* DlEvent, time order */
  GtkSingleSelection   *selection;
  DlEventLayer         *event_layer;
  ShumateMapLayer      *base_layer;
  ShumateMapSource     *base_source;
  GCancellable         *cancellable;
  GSettings            *settings;
  char                 *initial_selection;
  char                 *screenshot_path;
};

G_DEFINE_FINAL_TYPE (DlWindow, dl_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers */

static char *
format_precision (double metres)
{
  if (metres < 1000)
    return g_strdup_printf (_("within about %.0f m"), metres);

  return g_strdup_printf (_("within about %.0f km"), metres / 1000.0);
}

static char *
humanize_topic (const char *topic)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (topic), "-_", ' ');
  g_autofree char *first = g_utf8_strup (spaced, 1);

  return g_strconcat (first, g_utf8_next_char (spaced), NULL);
}

static char *
format_claim_value (const DlClaim *claim)
{
  GString *text = g_string_new (NULL);

  if (claim->qualifier != NULL)
    g_string_append_printf (text, "%s ", claim->qualifier);
  g_string_append (text, claim->value_text);
  if (claim->unit != NULL)
    g_string_append_printf (text, " %s", claim->unit);

  return g_string_free (text, FALSE);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/* The passage with a little of the article around it, the passage in bold. */
static char *
excerpt_markup (const DlExcerpt *excerpt)
{
  const DlText *text = dl_source_get_text (excerpt->source);
  guint n_chars = dl_text_get_n_chars (text);
  guint from = excerpt->start > CONTEXT_CHARS ? excerpt->start - CONTEXT_CHARS : 0;
  guint to = MIN (n_chars, excerpt->end + CONTEXT_CHARS);
  g_autofree char *before = dl_text_substring (text, from, excerpt->start);
  g_autofree char *passage = dl_text_substring (text, excerpt->start, excerpt->end);
  g_autofree char *after = dl_text_substring (text, excerpt->end, to);
  const char *before_start = before;
  g_autofree char *before_escaped = NULL;
  g_autofree char *passage_escaped = g_markup_escape_text (passage, -1);
  g_autofree char *after_escaped = NULL;
  char *space;

  /* Cut the context at word boundaries, not mid-word. */
  if (from > 0 && (space = strpbrk (before, " \n")) != NULL)
    before_start = space + 1;
  if (to < n_chars && (space = strrchr (after, ' ')) != NULL && space != after)
    *space = '\0';
  before_escaped = g_markup_escape_text (before_start, -1);
  after_escaped = g_markup_escape_text (after, -1);

  return g_strdup_printf ("<span alpha=\"60%%\">%s%s</span><b>%s</b><span alpha=\"60%%\">%s%s</span>",
                          from > 0 ? "…" : "", before_escaped, passage_escaped, after_escaped,
                          to < n_chars ? "…" : "");
}

static void
add_claims (DlWindow  *self,
            DlEvent   *event,
            GtkWidget *box)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *list;

  if (dl_event_get_n_claims (event) == 0)
    return;

  add_label (box, _("Claims"), "heading");
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (box), list);

  for (guint i = 0; i < dl_event_get_n_claims (event); i++)
    {
      const DlClaim *claim = dl_event_get_claim (event, i);
      GArray *all = dl_dataset_get_claims (self->dataset, claim->topic);
      g_autoptr(GString) values = g_string_new (NULL);
      g_autofree char *title = NULL;
      GtkWidget *row;
      gboolean disagree;

      if (!g_hash_table_add (shown, claim->topic))
        continue;

      disagree = dl_dataset_topic_disagrees (self->dataset, claim->topic);
      for (guint j = 0; all != NULL && j < all->len; j++)
        {
          const DlClaimRef *ref = &g_array_index (all, DlClaimRef, j);
          g_autofree char *value = format_claim_value (ref->claim);

          if (values->len > 0)
            g_string_append (values, "\n");
          /* TRANSLATORS: a claim and the article it comes from */
          g_string_append_printf (values, _("%s — %s"), value, dl_source_get_title (ref->claim->source));
        }

      title = humanize_topic (claim->topic);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values->str);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (disagree)
        {
          GtkWidget *flag = gtk_label_new (_("Sources disagree"));

          gtk_widget_add_css_class (flag, "claim-disagreement");
          gtk_widget_add_css_class (flag, "caption");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static void
show_overview (DlWindow *self)
{
  GListModel *sources = dl_dataset_get_sources (self->dataset);
  g_autofree char *range = NULL;
  gint64 earliest;
  gint64 latest;

  add_label (self->details_box, dl_dataset_get_title (self->dataset), "title-2");
  if (dl_dataset_get_description (self->dataset) != NULL)
    add_label (self->details_box, dl_dataset_get_description (self->dataset), NULL);

  if (dl_dataset_get_time_range (self->dataset, &earliest, &latest))
    {
      DlEdtf span = { earliest, latest, DL_EDTF_INTERVAL, DL_EDTF_PRECISION_DAY };

      range = dl_edtf_describe (&span);
      add_label (self->details_box, range, "dim-label");
    }

  add_label (self->details_box, _("Sources"), "heading");
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      add_label (self->details_box, dl_source_get_title (source), NULL);
    }

  add_label (self->details_box, _("Select an event on the map or in the list to read the passages that report it."),
             "dim-label");
}

static void
show_event (DlWindow *self,
            DlEvent  *event)
{
  GtkWidget *box = self->details_box;
  g_autofree char *when = dl_edtf_describe (dl_event_get_when (event));
  g_autoptr(GString) places = g_string_new (NULL);
  g_autofree char *accessible = NULL;
  const char *language = pango_language_to_string (gtk_get_default_language ());
  GtkWidget *chip;

  add_label (box, dl_event_get_title (event), "title-2");

  chip = add_label (box, dl_category_get_label (dl_event_get_category (event)), "category-chip");
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_add_css_class (chip, dl_category_get_css_class (dl_event_get_category (event)));

  add_label (box, when, "heading");
  if (dl_event_get_when_basis (event) != NULL)
    {
      g_autofree char *basis = g_strdup_printf (_("Dated from: %s"), dl_event_get_when_basis (event));

      add_label (box, basis, "dim-label");
    }

  for (guint i = 0; i < dl_event_get_n_places (event); i++)
    {
      DlPlace *place = dl_event_get_place (event, i);
      g_autofree char *precision = format_precision (dl_place_get_precision_m (place));

      if (places->len > 0)
        g_string_append (places, "\n");
      g_string_append_printf (places, "%s (%s)", dl_place_get_name_for (place, language), precision);
    }
  add_label (box, places->str, NULL);

  if (dl_event_get_summary (event) != NULL)
    add_label (box, dl_event_get_summary (event), NULL);

  add_claims (self, event, box);

  if (dl_event_get_n_excerpts (event) > 0)
    add_label (box, g_dngettext (GETTEXT_PACKAGE, "Passage", "Passages", dl_event_get_n_excerpts (event)),
               "heading");

  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    {
      const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);
      g_autofree char *markup = excerpt_markup (excerpt);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *passage;

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "excerpt-card");
      add_label (card, dl_source_get_title (excerpt->source), "caption-heading");
      passage = add_label (card, NULL, "passage");
      gtk_label_set_markup (GTK_LABEL (passage), markup);
      gtk_label_set_selectable (GTK_LABEL (passage), TRUE);
      gtk_box_append (GTK_BOX (box), card);
    }

  /* What a screen reader says about the selection. */
  accessible = g_strdup_printf ("%s, %s, %s", dl_event_get_title (event), when, places->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
update_details (DlWindow *self)
{
  DlEvent *event = dl_window_get_selected_event (self);

  clear_box (self->details_box);
  if (self->dataset == NULL)
    return;

  if (event != NULL)
    show_event (self, event);
  else
    show_overview (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->details_scroller), 0);
}

/* The zoom at which a span of normalized Mercator size (dx, dy) fills the view. */
static double
zoom_to_fit (DlWindow *self,
             double    dx,
             double    dy)
{
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self->map)), 400);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self->map)), 300);
  double zx = dx > 0 ? log2 (width * 0.8 / (dx * 256.0)) : 20;
  double zy = dy > 0 ? log2 (height * 0.8 / (dy * 256.0)) : 20;

  return MIN (zx, zy);
}

static void
frame_bbox (DlWindow     *self,
            const DlBBox *bbox,
            double        min_extent_m,
            gboolean      animate)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  DlLonLat sw = { bbox->west, bbox->south };
  DlLonLat ne = { bbox->east, bbox->north };
  DlLonLat center = dl_bbox_get_center (bbox);
  double x0, y0, x1, y1;
  double zoom;

  dl_geo_project (sw, &x0, &y1);
  dl_geo_project (ne, &x1, &y0);
  zoom = zoom_to_fit (self, x1 - x0, y1 - y0);

  /* A point with a precision: show its halo, not a street. */
  if (min_extent_m > 0)
    {
      double extent = min_extent_m * 6.0 / (40075016.7 * cos (center.lat * G_PI / 180.0));

      zoom = MIN (zoom, zoom_to_fit (self, extent, extent));
    }

  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport), MIN (shumate_viewport_get_max_zoom_level (viewport), 14));

  if (animate)
    shumate_map_go_to_full_with_duration (self->map, center.lat, center.lon, zoom, 800);
  else
    {
      shumate_viewport_set_zoom_level (viewport, zoom);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), center.lat, center.lon);
    }
}

static void
frame_event (DlWindow *self,
             DlEvent  *event)
{
  DlBBox bbox = dl_event_get_bbox (event);

  frame_bbox (self, &bbox, dl_event_get_precision_m (event), TRUE);
}

static void
set_dataset (DlWindow  *self,
             DlDataset *dataset)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  g_autofree char *count = NULL;
  DlBBox bbox;

  g_set_object (&self->dataset, dataset);

  g_list_store_splice (self->events, 0, g_list_model_get_n_items (G_LIST_MODEL (self->events)),
                       by_time->pdata, by_time->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  adw_window_title_set_title (self->window_title, dl_dataset_get_title (dataset));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", by_time->len), by_time->len);
  adw_window_title_set_subtitle (self->window_title, count);
  gtk_label_set_label (self->count_label, count);

  gtk_stack_set_visible_child_name (self->stack, "content");

  bbox = dl_dataset_get_bbox (dataset);
  if (!dl_bbox_is_empty (&bbox))
    frame_bbox (self, &bbox, 0, FALSE);

  update_details (self);
}

static void
show_problems (DlWindow   *self,
               GFile      *file,
               DlProblems *problems,
               GError     *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *report = problems != NULL ? dl_problems_to_string (problems, name) : NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open Dataset"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("“%s”: %s"), name, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (report != NULL && *report != '\0')
    {
      label = gtk_label_new (report);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_widget_set_size_request (scroller, 520, -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
take_screenshot (gpointer user_data)
{
  DlWindow *self = DL_WINDOW (user_data);
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;

  if (!dl_window_save_png (self, self->screenshot_path, &error))
    {
      g_printerr (_("%s: cannot save the screenshot: %s\n"), self->screenshot_path, error->message);
      dl_application_set_exit_status (DL_APPLICATION (app), 1);
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
after_load (DlWindow *self)
{
  if (self->initial_selection != NULL)
    {
      if (!dl_window_select_event (self, self->initial_selection))
        g_printerr (_("No event has the id “%s”\n"), self->initial_selection);
      g_clear_pointer (&self->initial_selection, g_free);
    }

  if (self->screenshot_path != NULL)
    g_timeout_add_full (G_PRIORITY_LOW, SCREENSHOT_DELAY_MS, take_screenshot, g_object_ref (self), g_object_unref);
}

/* Callbacks */

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlDataset) dataset = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));

  dataset = dl_dataset_load_finish (result, &problems, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (dataset == NULL)
    {
      if (self->dataset == NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      show_problems (self, file, problems, error);
      if (self->screenshot_path != NULL)
        {
          g_printerr ("%s", dl_problems_to_string (problems, g_file_peek_path (file)));
          dl_application_set_exit_status (DL_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), 1);
          gtk_window_destroy (GTK_WINDOW (self));
        }
      return;
    }

  set_dataset (self, dataset);

  if (dl_problems_count (problems, DL_SEVERITY_WARNING) > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Opened with %u warning",
                                                            "Opened with %u warnings",
                                                            dl_problems_count (problems, DL_SEVERITY_WARNING)),
                                               dl_problems_count (problems, DL_SEVERITY_WARNING));

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }

  after_load (self);
}

static void
on_selection_changed (DlWindow *self)
{
  DlEvent *event = dl_window_get_selected_event (self);

  dl_event_layer_set_selected (self->event_layer, event);
  update_details (self);

  if (event != NULL)
    frame_event (self, event);
}

static void
on_event_activated (DlWindow *self,
                    DlEvent  *event)
{
  guint position;

  if (g_list_store_find (self->events, event, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->event_list), "list.scroll-to-item", "u", position);
    }
}

static void
on_cluster_activated (DlWindow *self,
                      double    west,
                      double    south,
                      double    east,
                      double    north)
{
  DlBBox bbox = { west, south, east, north };

  frame_bbox (self, &bbox, 500, TRUE);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *dot = gtk_label_new ("●");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);

  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), when);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  DlEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (dot);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *when = gtk_widget_get_next_sibling (title);
  g_autofree char *date = dl_edtf_describe (dl_event_get_when (event));
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  GdkRGBA color;

  dl_category_get_color (dl_event_get_category (event), &color);
  markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                            (int) (color.red * 255), (int) (color.green * 255), (int) (color.blue * 255));
  gtk_label_set_markup (GTK_LABEL (dot), markup);
  gtk_label_set_label (GTK_LABEL (title), dl_event_get_title (event));
  gtk_label_set_label (GTK_LABEL (when), date);

  accessible = g_strdup_printf ("%s, %s, %s", dl_event_get_title (event), date,
                                dl_category_get_label (dl_event_get_category (event)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void on_open_response (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data);
#else
static void on_native_response (GtkNativeDialog *native,
                                int              response,
                                DlWindow        *self);
#endif

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Dateline Datasets"));
  gtk_file_filter_add_pattern (filter, "*.dateline.json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/x-dateline+json");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Open Dataset"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_open_response, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    g_signal_connect (native, "response", G_CALLBACK (on_native_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_response (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    dl_window_open (self, file);
}
#else
static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    DlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      dl_window_open (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

static void
open_bundled_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  dl_window_open (DL_WINDOW (widget), NULL);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DlWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  dl_window_open (self, files->data);
  return TRUE;
}

static gboolean
on_close_request (DlWindow *self)
{
  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set (self->settings, "window-size", "(ii)", width, height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
      g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
    }

  return FALSE;
}

/* Vfuncs */

static void
dl_window_dispose (GObject *object)
{
  DlWindow *self = DL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_WINDOW);

  G_OBJECT_CLASS (dl_window_parent_class)->dispose (object);
}

static void
dl_window_finalize (GObject *object)
{
  DlWindow *self = DL_WINDOW (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->selection);
  g_clear_object (&self->events);
  g_clear_object (&self->base_source);
  g_clear_object (&self->settings);
  g_free (self->initial_selection);
  g_free (self->screenshot_path);

  G_OBJECT_CLASS (dl_window_parent_class)->finalize (object);
}

static void
dl_window_class_init (DlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_window_dispose;
  object_class->finalize = dl_window_finalize;

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (SHUMATE_TYPE_SCALE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, map);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, license);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, scale);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, inner_paned);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void
setup_map (DlWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
#ifdef HAVE_BASEMAP
  g_autoptr(GError) error = NULL;
  DlBasemap *basemap = dl_basemap_open_default (&error);
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (basemap == NULL)
    g_warning ("The offline basemap is unavailable: %s", error->message);
  else
    {
      self->base_source = dl_basemap_source_new (basemap,
                                                 adw_style_manager_get_dark (style)
                                                 ? DL_BASEMAP_STYLE_DARK : DL_BASEMAP_STYLE_LIGHT,
                                                 NULL);
      shumate_viewport_set_reference_map_source (viewport, self->base_source);
      self->base_layer = shumate_map_layer_new (self->base_source, viewport);
      shumate_map_add_layer (self->map, SHUMATE_LAYER (self->base_layer));
      shumate_license_append_map_source (self->license, self->base_source);
    }
#else
  /* Only as the viewport's reference (zoom range, tile size): no layer, no downloads. */
  self->base_source = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
      "reference", "reference", "", "", 0, 18, 256, SHUMATE_MAP_PROJECTION_MERCATOR, "http://localhost/#Z#/#X#/#Y#.png"));
  shumate_viewport_set_reference_map_source (viewport, self->base_source);
#endif

  shumate_scale_set_viewport (self->scale, viewport);

  self->event_layer = dl_event_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->event_layer));
  dl_event_layer_set_model (self->event_layer, G_LIST_MODEL (self->events));
  g_signal_connect_object (self->event_layer, "event-activated", G_CALLBACK (on_event_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_layer, "cluster-activated", G_CALLBACK (on_cluster_activated), self,
                           G_CONNECT_SWAPPED);
}

static void
dl_window_init (DlWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->cancellable = g_cancellable_new ();
  self->events = g_list_store_new (DL_TYPE_EVENT);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->events)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->event_list, factory);
  gtk_list_view_set_model (self->event_list, GTK_SELECTION_MODEL (self->selection));

  setup_map (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* Settings are optional: an uninstalled run may lack the schema. */
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) != NULL)
    {
      int width, height;

      self->settings = g_settings_new (APP_ID);
      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "sidebar-width"));
    }
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);

  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Public API */

DlWindow *
dl_window_new (DlApplication *application)
{
  return g_object_new (DL_TYPE_WINDOW, "application", application, NULL);
}

void
dl_window_open (DlWindow *self,
                GFile    *file)
{
  g_autoptr(GFile) bundled = NULL;

  g_return_if_fail (DL_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file == NULL)
    file = bundled = dl_dataset_get_bundled_file ();

  if (self->dataset == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  dl_dataset_load_async (file, self->cancellable, on_loaded, g_object_ref (self));
}

DlDataset *
dl_window_get_dataset (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->dataset;
}

GtkSingleSelection *
dl_window_get_selection (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->selection;
}

DlEvent *
dl_window_get_selected_event (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
dl_window_select_event (DlWindow   *self,
                        const char *id)
{
  DlEvent *event;

  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->dataset == NULL || (event = dl_dataset_lookup_event (self->dataset, id)) == NULL)
    return FALSE;

  on_event_activated (self, event);
  return TRUE;
}

ShumateMap *
dl_window_get_map (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->map;
}

GtkWidget *
dl_window_get_details (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->details_box;
}

void
dl_window_set_initial_selection (DlWindow   *self,
                                 const char *id)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  g_free (self->initial_selection);
  self->initial_selection = g_strdup (id);
}

void
dl_window_set_screenshot_path (DlWindow   *self,
                               const char *path)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (path);
}

gboolean
dl_window_save_png (DlWindow    *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the window is not shown"));
      return FALSE;
    }

  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("nothing was drawn"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);

  return dl_write_file_atomically (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), error);
}
