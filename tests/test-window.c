/* test-window.c: the real window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "dl-article-view.h"
#include "dl-basemap-source.h"
#include "dl-event-layer.h"
#include "dl-legend.h"
#include "dl-map-flight.h"
#include "dl-presentation.h"
#include "dl-presentation-chooser.h"
#include "dl-test-util.h"
#include "dl-timeline.h"
#include "dl-window.h"
#include "dl-xtest.h"

static DlWindow *window;

/* Helpers */

static gboolean
wait_for (gboolean (*condition) (void),
          guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition ())
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }

  return TRUE;
}

static gboolean
dataset_loaded (void)
{
  return dl_window_get_dataset (window) != NULL;
}

static guint
position_of (DlEvent *event)
{
  GListModel *model = gtk_single_selection_get_model (dl_window_get_selection (window));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlEvent) item = g_list_model_get_item (model, i);

      if (item == event)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static char *
details_text (void)
{
  return dl_test_widget_text (dl_window_get_details (window));
}

static void
save_png (const char *name)
{
  dl_test_save_png (GTK_WIDGET (window), NULL, name);
}

/* Where the event's centre is drawn on the map, in map coordinates. */
static void
event_on_map (DlEvent *event,
              double  *x,
              double  *y)
{
  ShumateMap *map = dl_window_get_map (window);
  DlBBox bbox = dl_event_get_bbox (event);
  DlLonLat centre = dl_bbox_get_center (&bbox);

  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map),
                                              centre.lat, centre.lon, x, y);
}

static gboolean
map_settled_on (gpointer data)
{
  static double last_x = -1, last_y = -1;
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));
  double x, y;
  gboolean settled;

  event_on_map (data, &x, &y);
  /* Under a sanitizer a frame can take longer than the 50 ms between two
   * looks, so an unmoved marker alone does not mean the flight is over. */
  settled = !dl_map_is_flying (SHUMATE_MAP (map))
            && fabs (x - last_x) < 0.5 && fabs (y - last_y) < 0.5
            && x > 0 && y > 0 && x < gtk_widget_get_width (map) && y < gtk_widget_get_height (map);
  last_x = x;
  last_y = y;
  dl_test_wait_ms (50);
  return settled;
}

/* The selected event is brought to the middle of what the overlays leave
 * free: near the map's centre, clear of the legend on the left. */
static void
assert_map_centred_on (DlEvent *event)
{
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));
  GtkWidget *legend = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND);
  double width = gtk_widget_get_width (map);
  double height = gtk_widget_get_height (map);
  double x, y;
  graphene_rect_t legend_bounds;

  /* The flight takes a second, longer on a loaded machine. */
  g_assert_true (dl_test_wait_until (map_settled_on, event, 10000));
  event_on_map (event, &x, &y);
  g_assert_cmpfloat (fabs (x - width / 2), <, width * 0.15);
  g_assert_cmpfloat (fabs (y - height / 2), <, height * 0.15);

  g_assert_nonnull (legend);
  g_assert_true (gtk_widget_compute_bounds (legend, map, &legend_bounds));
  g_assert_false (graphene_rect_contains_point (&legend_bounds, &GRAPHENE_POINT_INIT (x, y)));
}

/* How many spinners below @widget spin where no one sees them: an unseen
 * spinner still animates its style, and GTK lays out and redraws the
 * window for it several times a second while nothing happens. */
static guint
count_unseen_spinning (GtkWidget *widget)
{
  guint n = GTK_IS_SPINNER (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget))
            && !gtk_widget_get_mapped (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_unseen_spinning (child);
  return n;
}

/* Tests */

static void
test_opens_bundled (void)
{
  g_autofree char *text = NULL;

  g_assert_true (wait_for (dataset_loaded, 20000));
  dl_test_wait_ms (1500);
  /* The loading page's spinner stopped with its page (it spun on). */
  g_assert_cmpuint (count_unseen_spinning (GTK_WIDGET (window)), ==, 0);

  g_assert_null (dl_window_get_selected_event (window));
  /* With nothing selected: the overview, naming the dataset. */
  text = details_text ();
  g_assert_nonnull (strstr (text, dl_dataset_get_title (dl_window_get_dataset (window))));

  save_png ("window-overview.png");
}

static void
test_select_from_list (void)
{
  DlEvent *event = dl_test_find_event (window, "Mustafa Hafez");
  GtkSingleSelection *selection = dl_window_get_selection (window);
  g_autofree char *text = NULL;
  guint position = position_of (event);

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, position);
  dl_test_wait_ms (1500);  /* the map flies there */

  g_assert_true (dl_window_get_selected_event (window) == event);
  assert_map_centred_on (event);

  /* The sidebar shows every passage, and the claims with their disagreement. */
  text = details_text ();
  g_assert_nonnull (strstr (text, dl_event_get_title (event)));
  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    g_assert_nonnull (strstr (text, dl_event_get_excerpt (event, i)->exact));
  g_assert_nonnull (strstr (text, "Sources disagree"));

  /* The timeline follows: it shows the selection. */
  {
    DlTimeline *timeline = DL_TIMELINE (dl_window_get_timeline (window));
    graphene_rect_t bounds;

    g_assert_true (dl_timeline_get_selected (timeline) == event);
    g_assert_true (dl_timeline_get_event_bounds (timeline, event, &bounds));
    g_assert_cmpfloat (bounds.origin.x, >=, 0);
    g_assert_cmpfloat (bounds.origin.x, <=, gtk_widget_get_width (GTK_WIDGET (timeline)));
  }

  save_png ("window-school-strike.png");
}

static gboolean
message_dialog_shown (gpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean shown = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    shown |= ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_mapped (l->data);
  g_list_free (toplevels);
  return shown;
}

static void
test_bad_dataset_keeps_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.dateline.json", NULL);
  g_autoptr(GFile) file = NULL;
  DlDataset *before = dl_window_get_dataset (window);
  GList *toplevels;
  gboolean found_dialog = FALSE;

  g_assert_true (g_file_set_contents (path, "{ \"dateline\": 1, \"title\": 3 }", -1, NULL));
  file = g_file_new_for_path (path);
  dl_window_open (window, file);
  /* The file is read in a thread: wait for its answer, however late. */
  g_assert_true (dl_test_wait_until (message_dialog_shown, NULL, 10000));

  /* The dataset that was open stays open... */
  g_assert_true (dl_window_get_dataset (window) == before);

  /* ...and a dialog shows the problems. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        g_autofree char *text = dl_test_widget_text (GTK_WIDGET (l->data));

        found_dialog = strstr (text, "title: error: expected a string") != NULL;
        gtk_window_destroy (GTK_WINDOW (l->data));
      }
  g_list_free (toplevels);
  g_assert_true (found_dialog);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_select_on_timeline (void)
{
  DlTimeline *timeline = DL_TIMELINE (dl_window_get_timeline (window));
  DlEvent *target = dl_test_find_event (window, "Herzog Tel Aviv");
  graphene_rect_t bounds;
  graphene_rect_t picked_bounds;
  DlEvent *picked;
  g_autofree char *text = NULL;

  gtk_single_selection_set_selected (dl_window_get_selection (window), GTK_INVALID_LIST_POSITION);
  dl_test_wait_ms (300);

  /* Where the timeline draws the event is where a click picks it. */
  g_assert_true (dl_timeline_get_event_bounds (timeline, target, &bounds));
  picked = dl_timeline_pick (timeline, bounds.origin.x + bounds.size.width / 2, bounds.origin.y + bounds.size.height / 2);
  g_assert_nonnull (picked);
  /* Several events on one day may share the spot: a click picks one drawn there. */
  g_assert_true (dl_timeline_get_event_bounds (timeline, picked, &picked_bounds));
  g_assert_true (graphene_rect_intersection (&bounds, &picked_bounds, NULL));
  target = picked;
  /* A real click there (XTest), as a hand's would. */
  dl_xtest_click (GTK_WIDGET (timeline), bounds.origin.x + bounds.size.width / 2,
                  bounds.origin.y + bounds.size.height / 2);
  dl_test_wait_ms (1500);

  g_assert_true (dl_window_get_selected_event (window) == target);
  assert_map_centred_on (target);
  text = details_text ();
  for (guint i = 0; i < dl_event_get_n_excerpts (target); i++)
    g_assert_nonnull (strstr (text, dl_event_get_excerpt (target, i)->exact));

  save_png ("window-timeline-selection.png");
}

static void
test_article_view (void)
{
  DlEvent *event = dl_test_find_event (window, "Mustafa Hafez");
  DlArticleView *view = DL_ARTICLE_VIEW (dl_window_get_article_view (window));
  g_autoptr(GArray) highlights = NULL;
  guint last = dl_event_get_n_excerpts (event) - 1;
  const DlExcerpt *excerpt = dl_event_get_excerpt (event, last);
  gboolean found = FALSE;

  gtk_single_selection_set_selected (dl_window_get_selection (window), position_of (event));
  dl_test_wait_ms (500);

  /* Activating a passage card opens the article on it. */
  dl_window_show_excerpt (window, last);
  dl_test_wait_ms (800);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "article");
  g_assert_true (dl_article_view_get_source (view) == excerpt->source);

  /* Highlighted at the code-point offsets the loader verified. */
  highlights = dl_article_view_get_highlights (view);
  for (guint i = 0; i + 1 < highlights->len; i += 2)
    if (g_array_index (highlights, guint, i) == excerpt->start && g_array_index (highlights, guint, i + 1) == excerpt->end)
      found = TRUE;
  g_assert_true (found);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (dl_article_view_get_text_view (view));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, excerpt->start);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, excerpt->end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, excerpt->exact);
  }

  save_png ("window-article.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "details");
}

static void
test_search_finds_excerpt_words (void)
{
  GListModel *results;
  DlEvent *event = dl_test_find_event (window, "Alaa Abu Zeid detention");
  gboolean found = FALSE;

  /* "schoolteacher" is in passages; summaries mention it too, so the check
   * below is on a word only a passage holds. */
  dl_session_set_query (dl_window_get_session (window), "schoolteacher");
  results = dl_session_get_results (dl_window_get_session (window));
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(DlEvent) item = g_list_model_get_item (results, i);

      g_assert_true (dl_event_matches (item, "schoolteacher"));
      if (item == event)
        found = TRUE;
    }
  g_assert_true (found);

  /* "retaliatory" appears only in a passage of the articles. */
  dl_session_set_query (dl_window_get_session (window), "retaliatory");
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(DlEvent) item = g_list_model_get_item (results, i);
      g_autofree char *title = g_utf8_casefold (dl_event_get_title (item), -1);
      g_autofree char *summary = g_utf8_casefold (dl_event_get_summary (item), -1);

      g_assert_null (strstr (title, "retaliatory"));
      g_assert_null (strstr (summary, "retaliatory"));
    }

  /* With the search open, the sidebar lists the results. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  dl_test_wait_ms (300);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "search");
  save_png ("window-search.png");

  dl_session_set_query (dl_window_get_session (window), "no-such-word-anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  /* No query: every shown event, to browse. */
  dl_session_set_query (dl_window_get_session (window), "");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==,
                    g_list_model_get_n_items (gtk_single_selection_get_model (dl_window_get_selection (window))));

  /* Ctrl+F on an open search keeps it open (test-window-keys types it). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  dl_test_wait_ms (300);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "search");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (dl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR)),
                                  FALSE);
  dl_test_wait_ms (300);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "details");
}

static void
test_filters_hide_on_both_views (void)
{
  DlEvent *strike = dl_test_find_event (window, "Mustafa Hafez");
  DlTimeline *timeline = DL_TIMELINE (dl_window_get_timeline (window));
  GListModel *shown = gtk_single_selection_get_model (dl_window_get_selection (window));
  guint before = g_list_model_get_n_items (shown);
  graphene_rect_t bounds;
  guint n_marks;
  const DlEventMark *marks;

  gtk_single_selection_set_selected (dl_window_get_selection (window), GTK_INVALID_LIST_POSITION);
  dl_session_set_category_visible (dl_window_get_session (window), "strike", FALSE);
  dl_test_wait_ms (500);

  g_assert_cmpuint (g_list_model_get_n_items (shown), <, before);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DlEvent) item = g_list_model_get_item (shown, i);

      g_assert_cmpstr (dl_event_get_category (item), !=, "strike");
    }
  /* Gone from the timeline... */
  g_assert_false (dl_timeline_get_event_bounds (timeline, strike, &bounds));
  /* ...and from the map. */
  marks = dl_event_layer_get_marks (dl_test_event_layer (window), &n_marks);
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].n_events == 1)
      g_assert_cmpstr (dl_event_get_category (marks[i].event), !=, "strike");
  save_png ("window-filtered.png");

  dl_session_set_category_visible (dl_window_get_session (window), "strike", TRUE);
  dl_test_wait_ms (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, before);

  /* Hiding every source hides every event. */
  {
    GListModel *sources = dl_dataset_get_sources (dl_window_get_dataset (window));

    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

        dl_session_set_source_visible (dl_window_get_session (window), dl_source_get_id (source), FALSE);
      }
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

        dl_session_set_source_visible (dl_window_get_session (window), dl_source_get_id (source), TRUE);
      }
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, before);
  }
}

static void
test_keyboard_steps_in_time_order (void)
{
  GtkSingleSelection *selection = dl_window_get_selection (window);
  GListModel *model = gtk_single_selection_get_model (selection);
  guint n = g_list_model_get_n_items (model);
  DlEvent *previous;

  /* The shared order is time order, earliest first. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(DlEvent) a = g_list_model_get_item (model, i - 1);
      g_autoptr(DlEvent) b = g_list_model_get_item (model, i);

      g_assert_cmpint (dl_event_compare_time (&a, &b), <, 0);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.first-event", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  previous = dl_window_get_selected_event (window);
  for (guint i = 1; i < 5; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL);
      g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, i);
      g_assert_cmpint (dl_event_get_when (previous)->earliest, <=,
                       dl_event_get_when (dl_window_get_selected_event (window))->earliest);
      previous = dl_window_get_selected_event (window);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-event", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.last-event", NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n - 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unselect", NULL);
  g_assert_null (dl_window_get_selected_event (window));
}

static gboolean
base_tiles_idle (void)
{
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (
      shumate_map_get_viewport (dl_window_get_map (window)));
  static guint last = G_MAXUINT;
  static gint64 since = 0;
  guint filled = DL_IS_BASEMAP_SOURCE (source) ? dl_basemap_source_get_tiles_filled (DL_BASEMAP_SOURCE (source)) : 0;

  /* Settled when no tile has been filled for half a second. */
  if (filled != last)
    {
      last = filled;
      since = g_get_monotonic_time ();
      return FALSE;
    }

  return g_get_monotonic_time () - since > 500000;
}

static void
test_three_zooms (void)
{
  static const struct {
    const char *name;
    double lat, lon, zoom;
  } views[] = {
    { "window-zoom-region.png", 29.5, 38.0, 5 },
    { "window-zoom-gaza-strip.png", 31.42, 34.38, 10 },
    { "window-zoom-gaza-city.png", 31.515, 34.445, 14 },
  };
  ShumateMap *map = dl_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (map);

  gtk_single_selection_set_selected (dl_window_get_selection (window), GTK_INVALID_LIST_POSITION);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      dl_map_fly_to (map, views[i].lat, views[i].lon, views[i].zoom, 0);
      g_assert_true (wait_for (base_tiles_idle, 20000));
      g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), views[i].zoom, 1e-6);
      save_png (views[i].name);
    }
}

static gboolean
map_landed (gpointer data)
{
  return !dl_map_is_flying (SHUMATE_MAP (data));
}

static void
test_flight_keeps_context (void)
{
  ShumateMap *map = dl_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  double far_apex, near_apex;

  /* Doha → Gaza City at street level: out to the region, then in. */
  far_apex = dl_map_flight_apex (map, 25.2854, 51.5310, 12, 31.5016, 34.4667, 12);
  g_assert_cmpfloat (far_apex, <=, 7.0);
  /* Gaza City → Khan Yunis (24 km): hardly a dip. */
  near_apex = dl_map_flight_apex (map, 31.5016, 34.4667, 10, 31.3402, 34.3063, 10);
  g_assert_cmpfloat (near_apex, >=, 9.0);

  /* A real flight ends exactly where it was sent. */
  dl_map_fly_to (map, 25.2854, 51.5310, 9, 0);
  dl_map_fly_to (map, 31.5016, 34.4667, 12, 600);
  g_assert_true (dl_map_is_flying (map));
  /* The flight's clock is the frame clock's: under a sanitizer on a busy
   * machine frames come late, so wait for its end rather than 600 ms. */
  g_assert_true (dl_test_wait_until (map_landed, map, 10000));
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), 31.5016, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), 34.4667, 1e-6);
  g_assert_cmpfloat_with_epsilon (shumate_viewport_get_zoom_level (viewport), 12, 1e-6);
}

static void
test_tab_reaches_views (void)
{
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));
  GtkWidget *timeline = dl_window_get_timeline (window);
  GtkWidget *details = dl_window_get_details (window);
  gboolean reached_map = FALSE;
  gboolean reached_timeline = FALSE;
  gboolean reached_sidebar = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.first-event", NULL);
  dl_test_wait_ms (300);

  for (guint i = 0; i < 60; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD))
        gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        continue;
      reached_map |= focus == map || gtk_widget_is_ancestor (focus, map);
      reached_timeline |= focus == timeline || gtk_widget_is_ancestor (focus, timeline);
      reached_sidebar |= gtk_widget_is_ancestor (focus, details);
    }

  g_assert_true (reached_map);
  g_assert_true (reached_timeline);
  g_assert_true (reached_sidebar);
}

static ShumateMapSource *
base_source (void)
{
  ShumateViewport *viewport = shumate_map_get_viewport (dl_window_get_map (window));

  return shumate_viewport_get_reference_map_source (viewport);
}

static void
test_basemap_offline_and_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* By default: the built-in map, which never uses the network. */
  g_assert_true (DL_IS_BASEMAP_SOURCE (base_source ()));
  g_assert_cmpint (dl_basemap_source_get_style (DL_BASEMAP_SOURCE (base_source ())), ==, DL_BASEMAP_STYLE_LIGHT);

  /* It follows dark mode. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  dl_test_wait_ms (1500);
  g_assert_true (DL_IS_BASEMAP_SOURCE (base_source ()));
  g_assert_cmpint (dl_basemap_source_get_style (DL_BASEMAP_SOURCE (base_source ())), ==, DL_BASEMAP_STYLE_DARK);
  save_png ("window-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  dl_test_wait_ms (300);
  g_assert_cmpint (dl_basemap_source_get_style (DL_BASEMAP_SOURCE (base_source ())), ==, DL_BASEMAP_STYLE_LIGHT);

  /* OpenStreetMap only when chosen; switched back before a frame can fetch a tile. */
  g_settings_set_string (settings, "basemap", "openstreetmap");
  g_assert_cmpstr (shumate_map_source_get_id (base_source ()), ==, SHUMATE_MAP_SOURCE_OSM_MAPNIK);
  g_settings_set_string (settings, "basemap", "offline");
  g_assert_true (DL_IS_BASEMAP_SOURCE (base_source ()));
}

static void
test_present_and_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-export-XXXXXX", NULL);
  static const char *names[] = { "events.csv", "map.png", "handout.pdf", "events.geojson" };
  DlPresentation *presentation = NULL;
  GList *toplevels;

  /* The Present button: a chooser; its first row presents the first
   * narrative. (Real keys through it: test-classroom.) */
  {
    DlPresentationChooser *chooser = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
    dl_test_wait_ms (500);
    chooser = dl_test_find_toplevel (DL_TYPE_PRESENTATION_CHOOSER);
    g_assert_nonnull (chooser);
    g_signal_emit_by_name (dl_presentation_chooser_get_row (chooser, 0), "activate");
    dl_test_wait_ms (500);
  }
  presentation = dl_test_find_toplevel (DL_TYPE_PRESENTATION);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (dl_presentation_get_n_steps (presentation), ==,
                    dl_dataset_get_narrative (dl_window_get_dataset (window), 0)->steps->len);
  gtk_window_destroy (GTK_WINDOW (presentation));
  dl_test_wait_ms (100);

  /* F5: the one chosen last, again, with no chooser. */
  presentation = NULL;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-last", NULL);
  dl_test_wait_ms (500);
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      g_assert_false (DL_IS_PRESENTATION_CHOOSER (l->data));
      if (DL_IS_PRESENTATION (l->data))
        presentation = l->data;
    }
  g_list_free (toplevels);
  g_assert_nonnull (presentation);
  g_assert_cmpuint (dl_presentation_get_n_steps (presentation), ==,
                    dl_dataset_get_narrative (dl_window_get_dataset (window), 0)->steps->len);
  gtk_window_destroy (GTK_WINDOW (presentation));

  /* Export runs off the main loop and writes each format. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

      dl_window_export (window, file, FALSE);
      while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_unlink (path);
    }

  /* Asked for options, a PNG comes at the chosen size. */
  {
    g_autofree char *path = g_build_filename (dir, "small.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GdkTexture) texture = NULL;
    AdwMessageDialog *dialog = NULL;
    GtkDropDown *size;
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    dl_window_export (window, file, TRUE);
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    g_list_free (toplevels);
    g_assert_nonnull (dialog);
    size = g_object_get_data (G_OBJECT (dialog), "first");
    gtk_drop_down_set_selected (size, 0);  /* 1280 × 720 */
    adw_message_dialog_response (dialog, "export");
    gtk_window_destroy (GTK_WINDOW (dialog));

    while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    texture = gdk_texture_new_from_filename (path, NULL);
    g_assert_nonnull (texture);
    g_assert_cmpint (gdk_texture_get_width (texture), ==, 1280);
    g_assert_cmpint (gdk_texture_get_height (texture), ==, 720);
    g_unlink (path);
  }
  g_rmdir (dir);
}

static void
test_view_persists (void)
{
  DlEvent *event = dl_test_find_event (window, "Mustafa Hafez");
  DlTimeline *timeline = DL_TIMELINE (dl_window_get_timeline (window));
  g_autofree char *id = g_strdup (dl_event_get_id (event));
  GListModel *shown;
  gint64 start, end, restored_start, restored_end;

  gtk_single_selection_set_selected (dl_window_get_selection (window), position_of (event));
  dl_session_set_category_visible (dl_window_get_session (window), "truce", FALSE);
  dl_timeline_set_visible_range (timeline, 1723939200, 1724284800);  /* 18–22 August 2024 */
  dl_timeline_get_visible_range (timeline, &start, &end);
  dl_test_wait_ms (300);

  /* Close the window (which saves the view) and open a new one. */
  gtk_window_close (GTK_WINDOW (window));
  window = dl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dl_window_open (window, NULL);
  g_assert_true (wait_for (dataset_loaded, 20000));
  dl_test_wait_ms (500);

  g_assert_nonnull (dl_window_get_selected_event (window));
  g_assert_cmpstr (dl_event_get_id (dl_window_get_selected_event (window)), ==, id);
  shown = gtk_single_selection_get_model (dl_window_get_selection (window));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DlEvent) item = g_list_model_get_item (shown, i);

      g_assert_cmpstr (dl_event_get_category (item), !=, "truce");
    }
  dl_timeline_get_visible_range (DL_TIMELINE (dl_window_get_timeline (window)), &restored_start, &restored_end);
  /* The selection may scroll the timeline a little; the span is kept. */
  g_assert_cmpint (restored_end - restored_start, ==, end - start);

  dl_session_set_category_visible (dl_window_get_session (window), "truce", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);

  window = dl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dl_window_open (window, NULL);

  g_test_add_func ("/window/opens-bundled", test_opens_bundled);
  g_test_add_func ("/window/select-from-list", test_select_from_list);
  g_test_add_func ("/window/bad-dataset-keeps-open", test_bad_dataset_keeps_open);
  g_test_add_func ("/window/select-on-timeline", test_select_on_timeline);
  g_test_add_func ("/window/article-view", test_article_view);
  g_test_add_func ("/window/search", test_search_finds_excerpt_words);
  g_test_add_func ("/window/filters", test_filters_hide_on_both_views);
  g_test_add_func ("/window/keyboard-time-order", test_keyboard_steps_in_time_order);
  g_test_add_func ("/window/three-zooms", test_three_zooms);
  g_test_add_func ("/window/flight-keeps-context", test_flight_keeps_context);
  g_test_add_func ("/window/tab-reaches-views", test_tab_reaches_views);
  g_test_add_func ("/window/basemap-offline-and-dark", test_basemap_offline_and_dark);
  g_test_add_func ("/window/present-and-export", test_present_and_export);
  g_test_add_func ("/window/view-persists", test_view_persists);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  /* Let the map's tile renderers and other tasks still running finish and
   * hand back what they hold, so LeakSanitizer sees an idle process. */
  dl_test_wait_ms (1000);

  return status;
}
