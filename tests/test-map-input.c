/* test-map-input.c: the map in the real window under a real mouse (XTest)
 *
 * Positions come from the app's own geometry (an event's place projected
 * through the map's viewport, or where the layer drew a cluster badge); the
 * assertions are on the window's state: selection, zoom, centre.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "dl-category.h"
#include "dl-event-layer.h"
#include "dl-legend.h"
#include "dl-map-flight.h"
#include "dl-timeline.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

static DlWindow *window;

static gboolean
dataset_loaded (gpointer data)
{
  return dl_window_get_dataset (window) != NULL;
}

static ShumateMap *
get_map (void)
{
  return dl_window_get_map (window);
}

static gboolean
map_landed (gpointer data)
{
  return !dl_map_is_flying (get_map ());
}

static ShumateViewport *
get_viewport (void)
{
  return shumate_map_get_viewport (get_map ());
}

/* TRUE when a press at layer point (x, y) reaches the map and nothing laid
 * over it (legend, scale bar, attribution). */
static gboolean
reaches_map (double x,
             double y)
{
  GtkWidget *layer = GTK_WIDGET (dl_test_event_layer (window));
  double wx, wy;
  GtkWidget *picked;

  if (x < 20 || y < 20 || x > gtk_widget_get_width (layer) - 20 || y > gtk_widget_get_height (layer) - 20)
    return FALSE;
  g_assert_true (gtk_widget_translate_coordinates (layer, GTK_WIDGET (window), x, y, &wx, &wy));
  picked = gtk_widget_pick (GTK_WIDGET (window), wx, wy, GTK_PICK_DEFAULT);

  return picked != NULL && (picked == GTK_WIDGET (get_map ()) || gtk_widget_is_ancestor (picked, GTK_WIDGET (get_map ())));
}

static void
go_to (double lat,
       double lon,
       double zoom)
{
  shumate_map_go_to_full_with_duration (get_map (), lat, lon, zoom, 0);
  dl_test_wait_ms (200);
  dl_xtest_sync (GTK_WIDGET (window));
}

static void
clear_selection (void)
{
  gtk_single_selection_set_selected (dl_window_get_selection (window), GTK_INVALID_LIST_POSITION);
  dl_xtest_sync (GTK_WIDGET (window));
}

/* A mark of one event drawn exactly at its place (not fanned out, not in
 * a cluster) where a click reaches the map; its position is the place
 * projected through the viewport. */
static DlEvent *
lone_event_on_screen (double *x,
                      double *y)
{
  DlEventLayer *layer = dl_test_event_layer (window);
  guint n_marks;
  const DlEventMark *marks = dl_event_layer_get_marks (layer, &n_marks);

  for (guint i = 0; i < n_marks; i++)
    {
      DlLonLat anchor;
      double px, py;
      gboolean alone = TRUE;

      if (marks[i].n_events != 1)
        continue;
      anchor = dl_event_get_anchor (marks[i].event);
      shumate_viewport_location_to_widget_coords (get_viewport (), GTK_WIDGET (layer), anchor.lat, anchor.lon, &px, &py);
      if (hypot (px - marks[i].x, py - marks[i].y) > 0.5 || !reaches_map (px, py))
        continue;
      /* Nothing else drawn within reach of the pointer. */
      for (guint j = 0; j < n_marks; j++)
        if (j != i && hypot (marks[j].x - px, marks[j].y - py) < marks[j].radius + 14)
          alone = FALSE;
      if (!alone)
        continue;

      *x = px;
      *y = py;
      return marks[i].event;
    }

  return NULL;
}

/* A point of the map at least @clearance px from every mark. */
static void
empty_spot (double  clearance,
            double *x,
            double *y)
{
  DlEventLayer *layer = dl_test_event_layer (window);
  int w = gtk_widget_get_width (GTK_WIDGET (layer)), h = gtk_widget_get_height (GTK_WIDGET (layer));
  guint n_marks;
  const DlEventMark *marks = dl_event_layer_get_marks (layer, &n_marks);

  for (int gy = 1; gy < 12; gy++)
    for (int gx = 1; gx < 12; gx++)
      {
        double px = w * gx / 12.0, py = h * gy / 12.0;
        gboolean clear = reaches_map (px, py) && dl_event_layer_pick (layer, px, py) == NULL;

        for (guint i = 0; i < n_marks && clear; i++)
          if (hypot (marks[i].x - px, marks[i].y - py) < marks[i].radius + clearance)
            clear = FALSE;
        if (clear)
          {
            *x = px;
            *y = py;
            return;
          }
      }

  g_error ("no empty spot on the map");
}

static GtkWidget *
find_tooltip (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkTooltipWindow") && gtk_widget_get_visible (child))
        return child;
      if ((found = find_tooltip (child)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
tooltip_shown (gpointer data)
{
  return find_tooltip (GTK_WIDGET (window)) != NULL;
}

/* Tests */

static void
test_click_marker_selects (void)
{
  GtkWidget *layer = GTK_WIDGET (dl_test_event_layer (window));
  DlEvent *event;
  double x, y;

  go_to (31.45, 34.40, 12);
  clear_selection ();
  event = lone_event_on_screen (&x, &y);
  g_assert_nonnull (event);

  dl_xtest_click (layer, x, y);
  g_assert_true (dl_window_get_selected_event (window) == event);
  dl_test_save_png (GTK_WIDGET (window), NULL, "input-marker-click.png");

  /* A click on empty map selects nothing else. */
  empty_spot (30, &x, &y);
  dl_xtest_click (layer, x, y);
  dl_test_wait_ms (400);  /* past the double-click time, so the next click is a new one */
  g_assert_true (dl_window_get_selected_event (window) == event);

  /* A slow click, held past the double-click time, selects too. */
  clear_selection ();
  event = lone_event_on_screen (&x, &y);
  dl_xtest_click_held (layer, x, y, 700);
  g_assert_true (dl_window_get_selected_event (window) == event);
}

static void
test_hover_shows_tooltip (void)
{
  GtkWidget *layer = GTK_WIDGET (dl_test_event_layer (window));
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;
  DlEvent *event;
  double x, y;

  go_to (31.45, 34.40, 12);
  event = lone_event_on_screen (&x, &y);
  g_assert_nonnull (event);

  /* The pointer arrives from elsewhere, as a hand's would. */
  dl_xtest_move (layer, x + 40, y + 40);
  dl_xtest_move (layer, x, y);
  g_assert_true (dl_test_wait_until (tooltip_shown, NULL, 5000));

  text = dl_test_widget_text (find_tooltip (GTK_WIDGET (window)));
  when = dl_edtf_describe (dl_event_get_when (event));
  g_assert_nonnull (strstr (text, dl_event_get_title (event)));
  g_assert_nonnull (strstr (text, when));

  /* The layer is what the pointer is over there, showing a hand; off the
   * marks the map is, with its own cursor. */
  {
    double wx, wy;
    GtkWidget *picked;

    g_assert_true (gtk_widget_translate_coordinates (layer, GTK_WIDGET (window), x, y, &wx, &wy));
    picked = gtk_widget_pick (GTK_WIDGET (window), wx, wy, GTK_PICK_DEFAULT);
    g_assert_true (picked == layer);
    g_assert_nonnull (gtk_widget_get_cursor (picked));
    g_assert_cmpstr (gdk_cursor_get_name (gtk_widget_get_cursor (picked)), ==, "pointer");
  }

  /* Away from the marks the tooltip goes. */
  empty_spot (40, &x, &y);
  dl_xtest_move (layer, x, y);
  dl_test_wait_ms (300);
  dl_xtest_sync (layer);
  g_assert_false (tooltip_shown (NULL));
}

static void
test_drag_pans_never_selects (void)
{
  GtkWidget *layer = GTK_WIDGET (dl_test_event_layer (window));
  ShumateViewport *viewport = get_viewport ();
  double x, y, lat0, lon0, mx, my;
  DlEvent *event;

  go_to (31.45, 34.40, 12);
  clear_selection ();

  /* From empty map. */
  empty_spot (30, &x, &y);
  lat0 = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon0 = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  dl_xtest_drag (layer, x, y, x - 120, y - 60, 8);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), >, lon0);
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), <, lat0);
  g_assert_null (dl_window_get_selected_event (window));

  /* From a marker: the map pans and the marker is not selected. */
  event = lone_event_on_screen (&mx, &my);
  g_assert_nonnull (event);
  lon0 = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  dl_xtest_drag (layer, mx, my, mx + 100, my, 8);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), <, lon0);
  g_assert_null (dl_window_get_selected_event (window));
}

static void
test_wheel_zooms (void)
{
  GtkWidget *layer = GTK_WIDGET (dl_test_event_layer (window));
  double x, y, zoom;

  go_to (31.45, 34.40, 10);
  empty_spot (20, &x, &y);
  zoom = shumate_viewport_get_zoom_level (get_viewport ());
  dl_xtest_scroll (layer, x, y, -3, 0);
  dl_test_wait_ms (600);   /* the zoom animates */
  /* libshumate zooms a fifth of a level per wheel click */
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (get_viewport ()), >, zoom + 0.3);

  zoom = shumate_viewport_get_zoom_level (get_viewport ());
  dl_xtest_scroll (layer, x, y, 3, 0);
  dl_test_wait_ms (600);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (get_viewport ()), <, zoom - 0.3);
}

static void
test_click_cluster_zooms_in (void)
{
  GtkWidget *layer = GTK_WIDGET (dl_test_event_layer (window));
  DlEvent *target = dl_test_find_event (window, "Doha talks");
  DlEventMark mark;
  gboolean clicked_cluster = FALSE;

  clear_selection ();
  /* From afar, the events in and around Gaza cluster under count badges. */
  go_to (29, 40, 5);
  g_assert_true (dl_event_layer_get_event_mark (dl_test_event_layer (window), target, &mark));
  g_assert_cmpuint (mark.n_events, >, 1);
  dl_test_save_png (GTK_WIDGET (window), NULL, "input-before-cluster-click.png");

  /* Each click on the badge holding the target zooms in, until the target
   * stands alone; then a click selects it. */
  for (int clicks = 0; clicks < 8 && dl_window_get_selected_event (window) == NULL; clicks++)
    {
      double zoom = shumate_viewport_get_zoom_level (get_viewport ());

      g_assert_true (dl_event_layer_get_event_mark (dl_test_event_layer (window), target, &mark));
      g_assert_true (reaches_map (mark.x, mark.y));
      dl_xtest_click (layer, mark.x, mark.y);
      dl_test_wait_ms (1200);   /* the flight */
      dl_xtest_sync (layer);
      if (mark.n_events > 1)
        {
          g_assert_cmpfloat (shumate_viewport_get_zoom_level (get_viewport ()), >, zoom + 0.5);
          g_assert_null (dl_window_get_selected_event (window));
          if (!clicked_cluster)
            dl_test_save_png (GTK_WIDGET (window), NULL, "input-cluster-click.png");
          clicked_cluster = TRUE;
        }
    }

  g_assert_true (clicked_cluster);
  g_assert_true (dl_window_get_selected_event (window) == target);
}

/* From the first view (Fit), a click on any badge zooms in and splits
 * it: the box framed is of the members' marks, so one member over a wide
 * area (a region, a country a statement is about) cannot hold the view
 * where it was. */
static void
test_click_every_cluster_splits (void)
{
  GtkWidget *layer = GTK_WIDGET (dl_test_event_layer (window));
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();
  guint n_marks, n_clusters = 0;
  const DlEventMark *marks;

  clear_selection ();
  dl_xtest_key (GTK_WIDGET (window), GDK_KEY_0, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
  dl_xtest_sync (layer);
  marks = dl_event_layer_get_marks (dl_test_event_layer (window), &n_marks);
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].n_events > 1 && reaches_map (marks[i].x, marks[i].y))
      g_ptr_array_add (firsts, marks[i].event);
  /* The bundled dataset from afar: Gaza, Cairo, Doha and Tehran. */
  g_assert_cmpuint (firsts->len, >=, 3);

  for (guint i = 0; i < firsts->len; i++)
    {
      DlEvent *first = g_ptr_array_index (firsts, i);
      DlEventMark before, after;
      DlLonLat anchor;
      double zoom, x, y;

      dl_xtest_key (GTK_WIDGET (window), GDK_KEY_0, GDK_CONTROL_MASK);
      g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
      dl_xtest_sync (layer);
      zoom = shumate_viewport_get_zoom_level (get_viewport ());
      g_assert_true (dl_event_layer_get_event_mark (dl_test_event_layer (window), first, &before));
      g_assert_cmpuint (before.n_events, >, 1);

      dl_xtest_click (layer, before.x, before.y);
      dl_test_wait_ms (300);
      g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
      dl_xtest_sync (layer);
      g_test_message ("cluster of %u (%s): zoom %.2f to %.2f", before.n_events,
                      dl_event_get_title (first), zoom, shumate_viewport_get_zoom_level (get_viewport ()));
      g_assert_null (dl_window_get_selected_event (window));
      g_assert_cmpfloat (shumate_viewport_get_zoom_level (get_viewport ()), >, zoom + 0.5);
      /* The member is in view, in a smaller cluster, alone, or drawn as
       * its corridor or area (then it has no mark). */
      anchor = dl_event_get_anchor (first);
      shumate_viewport_location_to_widget_coords (get_viewport (), layer, anchor.lat, anchor.lon, &x, &y);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (x, <, gtk_widget_get_width (layer));
      g_assert_cmpfloat (y, <, gtk_widget_get_height (layer));
      if (dl_event_layer_get_event_mark (dl_test_event_layer (window), first, &after))
        g_assert_cmpuint (after.n_events, <, before.n_events);
      n_clusters++;
    }
  g_assert_cmpuint (n_clusters, ==, firsts->len);
}

/* No mark covers another, from afar to close up: a badge hidden under its
 * neighbour is a count no one can read, a mark under a badge an event no
 * one can click. (The selection is drawn on top by design: none here.) */
static void
test_marks_apart (void)
{
  static const struct { double lat, lon; } centres[] = {
    { 29.0, 40.0 },   /* the region, Gaza to Tehran */
    { 31.4, 34.4 },   /* Gaza */
    { 31.9, 34.9 },   /* Tel Aviv to Jerusalem */
  };
  guint n_checked = 0;

  clear_selection ();
  for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
    for (double zoom = 3.0; zoom <= 12.0; zoom += 0.5)
      {
        guint n_marks;
        const DlEventMark *marks;

        go_to (centres[c].lat, centres[c].lon, zoom);
        marks = dl_event_layer_get_marks (dl_test_event_layer (window), &n_marks);
        for (guint i = 0; i < n_marks; i++)
          for (guint j = i + 1; j < n_marks; j++)
            {
              double d = hypot (marks[i].x - marks[j].x, marks[i].y - marks[j].y);

              if (d < marks[i].radius + marks[j].radius - 0.5)
                g_error ("zoom %.1f at (%.1f, %.1f): a mark of %u at (%.0f, %.0f) and one of %u at (%.0f, %.0f) overlap",
                         zoom, centres[c].lat, centres[c].lon, marks[i].n_events, marks[i].x, marks[i].y,
                         marks[j].n_events, marks[j].x, marks[j].y);
              n_checked++;
            }
      }
  g_assert_cmpuint (n_checked, >, 100);
}

static void
save_window_png (DlWindow   *w,
                 int         width,
                 int         height,
                 const char *step)
{
  g_autofree char *name = g_strdup_printf ("window-%dx%d-%s.png", width, height, step);

  dl_test_save_png (GTK_WIDGET (w), NULL, name);
}

/* A new window of @width × @height on the bundled dataset, as `window`,
 * loaded and drawn. */
static void
open_window_at (int width,
                int height)
{
  window = dl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  dl_window_open (window, NULL);
  g_assert_true (dl_test_wait_until (dataset_loaded, NULL, 20000));
  dl_test_wait_ms (1000);
  dl_xtest_sync (GTK_WIDGET (window));
  /* (The window's content may be a few pixels under its default size.) */
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (window)) - width), <=, 16);
  g_assert_cmpint (ABS (gtk_widget_get_height (GTK_WIDGET (window)) - height), <=, 16);
}

/* The window as a person meets it at three sizes: at start, after a
 * cluster click, a marker click, zooming the timeline into 19–20 August and
 * dragging the overview's brush, each done with the real mouse and keyboard.
 * The PNGs are for looking at; the asserts say each step did its job. */
static void
test_window_sizes (void)
{
  static const int sizes[][2] = { { 1024, 600 }, { 1280, 800 }, { 1920, 1080 } };
  DlWindow *main_window = window;

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int width = sizes[k][0], height = sizes[k][1];
      DlTimeline *timeline;
      GtkWidget *layer;
      DlEventMark mark;
      DlEvent *target;
      double zoom, x = 0, y = 0;
      graphene_rect_t brush;
      gint64 start, end, start2, end2;

      open_window_at (width, height);
      save_window_png (window, width, height, "start");

      layer = GTK_WIDGET (dl_test_event_layer (window));
      timeline = DL_TIMELINE (dl_window_get_timeline (window));
      target = dl_test_find_event (window, "Doha talks");

      /* A cluster: zooms in. */
      go_to (29, 40, 5);
      g_assert_true (dl_event_layer_get_event_mark (dl_test_event_layer (window), target, &mark));
      g_assert_cmpuint (mark.n_events, >, 1);
      zoom = shumate_viewport_get_zoom_level (get_viewport ());
      dl_xtest_click (layer, mark.x, mark.y);
      dl_test_wait_ms (1200);
      dl_xtest_sync (layer);
      g_assert_cmpfloat (shumate_viewport_get_zoom_level (get_viewport ()), >, zoom + 0.5);
      save_window_png (window, width, height, "cluster-click");

      /* A marker: selects. */
      /* (Where the cluster click led: a mark drawn for one event, in view.) */
      clear_selection ();
      target = NULL;
      {
        guint n_marks;
        const DlEventMark *marks = dl_event_layer_get_marks (dl_test_event_layer (window), &n_marks);

        for (guint i = 0; i < n_marks && target == NULL; i++)
          if (marks[i].n_events == 1 && reaches_map (marks[i].x, marks[i].y))
            {
              target = marks[i].event;
              x = marks[i].x;
              y = marks[i].y;
            }
      }
      g_assert_nonnull (target);
      dl_xtest_click (layer, x, y);
      dl_test_wait_ms (1200);
      dl_xtest_sync (layer);
      g_assert_true (dl_window_get_selected_event (window) == target);
      save_window_png (window, width, height, "marker-click");

      /* The timeline on 19–20 August. */
      dl_timeline_set_visible_range (timeline, 1724025600, 1724025600 + 2 * 86400);
      dl_test_wait_ms (400);
      dl_xtest_sync (GTK_WIDGET (timeline));
      save_window_png (window, width, height, "timeline-19-20-august");

      /* The brush, dragged back 60 px. */
      dl_timeline_get_visible_range (timeline, &start, &end);
      dl_timeline_get_overview_bounds (timeline, NULL, &brush);
      dl_xtest_drag (GTK_WIDGET (timeline), brush.origin.x + brush.size.width / 2, brush.origin.y + brush.size.height / 2,
                     brush.origin.x + brush.size.width / 2 - 60, brush.origin.y + brush.size.height / 2, 8);
      dl_test_wait_ms (300);
      dl_timeline_get_visible_range (timeline, &start2, &end2);
      g_assert_cmpint (start2, <, start);
      g_assert_cmpint (end2 - start2, ==, end - start);
      save_window_png (window, width, height, "brush-drag");

      gtk_window_destroy (GTK_WINDOW (window));
      dl_test_wait_ms (100);
    }

  window = main_window;
}

/* The first view frames the events as Fit (Ctrl+0) does, at every size
 * from a small laptop to 4K (which the test's screen cannot show whole: the
 * window is laid out and drawn at that size all the same); no overlay
 * covers an event, and this dataset never shows the whole world. */
static void
check_first_view (const int (*sizes)[2],
                  guint       n_sizes,
                  gboolean    rtl)
{
  DlWindow *main_window = window;

  for (guint k = 0; k < n_sizes; k++)
    {
      int width = sizes[k][0], height = sizes[k][1];
      ShumateViewport *viewport;
      const DlEventMark *marks;
      guint n_marks, n_in_view = 0;
      GListModel *events;
      double zoom, lat, lon;
      GtkWidget *layer;
      graphene_rect_t legend;

      gtk_widget_set_default_direction (rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      open_window_at (width, height);
      save_window_png (window, width, height, rtl ? "first-view-rtl" : "first-view");

      viewport = get_viewport ();
      layer = GTK_WIDGET (dl_test_event_layer (window));
      zoom = shumate_viewport_get_zoom_level (viewport);
      lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
      lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
      g_test_message ("%dx%d: first view at zoom %.2f, %.3f, %.3f", width, height, zoom, lat, lon);
      g_assert_cmpfloat (zoom, >=, 4);

      /* The timeline keeps its 220 px on a laptop and grows to a fifth of
       * the window on a large screen, its lanes with it. */
      {
        GtkWidget *timeline = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_TIMELINE);
        int timeline_h = gtk_widget_get_height (timeline);

        g_test_message ("%dx%d: timeline %d px high", width, height, timeline_h);
        g_assert_cmpint (timeline_h, >=, MIN (210, height / 2 - 40));
        g_assert_cmpint (timeline_h, >=, (height - 100) / 5);
        g_assert_cmpint (timeline_h, <=, MAX (230, height / 5 + 10));
      }

      /* Every event drawn is where the map, not an overlay, takes a click,
       * and clear of the legend (which lets clicks through to the map, but
       * hides what is under it): on the left, or right to left the right. */
      marks = dl_event_layer_get_marks (dl_test_event_layer (window), &n_marks);
      g_assert_cmpuint (n_marks, >, 0);
      g_assert_true (gtk_widget_compute_bounds (dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND), layer,
                                                &legend));
      for (guint i = 0; i < n_marks; i++)
        {
          graphene_rect_t reach = GRAPHENE_RECT_INIT (marks[i].x - marks[i].radius, marks[i].y - marks[i].radius,
                                                      2 * marks[i].radius, 2 * marks[i].radius);

          if (!reaches_map (marks[i].x, marks[i].y) || graphene_rect_intersection (&reach, &legend, NULL))
            g_error ("%dx%d%s: %s (%u events) at %.0f,%.0f is covered or off the map (%dx%d)", width, height,
                     rtl ? " right to left" : "", dl_event_get_title (marks[i].event), marks[i].n_events,
                     marks[i].x, marks[i].y, gtk_widget_get_width (layer), gtk_widget_get_height (layer));
        }

      /* Most of the events' places are in view: the framing may leave a far
       * outlier to Fit's wider view at a small size rather than shrink the
       * dense region. */
      events = dl_dataset_get_events (dl_window_get_dataset (window));
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
          DlBBox bbox = dl_event_get_bbox (event);
          double x, y;

          shumate_viewport_location_to_widget_coords (viewport, layer, (bbox.south + bbox.north) / 2,
                                                      (bbox.west + bbox.east) / 2, &x, &y);
          n_in_view += x >= 0 && y >= 0 && x < gtk_widget_get_width (layer) && y < gtk_widget_get_height (layer);
        }
      g_test_message ("%dx%d: %u of %u events in view", width, height, n_in_view, g_list_model_get_n_items (events));
      g_assert_cmpuint (n_in_view * 4, >=, 3 * g_list_model_get_n_items (events));

      /* Fit, from the keyboard, lands where the first view is. */
      shumate_viewport_set_zoom_level (viewport, zoom - 1.5);
      dl_test_wait_ms (200);
      dl_xtest_key (GTK_WIDGET (window), GDK_KEY_0, GDK_CONTROL_MASK);
      dl_test_wait_ms (2000);
      /* Frames come late under a sanitizer: a flight still going lands. */
      g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
      dl_xtest_sync (layer);
      g_test_message ("%dx%d: after Ctrl+0 at zoom %.2f, %.3f, %.3f", width, height,
                      shumate_viewport_get_zoom_level (viewport),
                      shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                      shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
      g_assert_cmpfloat (fabs (shumate_viewport_get_zoom_level (viewport) - zoom), <, 0.05);
      g_assert_cmpfloat (fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - lat), <, 0.05);
      g_assert_cmpfloat (fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - lon), <, 0.05);

      gtk_window_destroy (GTK_WINDOW (window));
      dl_test_wait_ms (100);
    }

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  window = main_window;
}

static void
test_first_view_like_fit (void)
{
  static const int sizes[][2] = { { 1024, 600 }, { 1280, 800 }, { 1920, 1080 } };

  check_first_view (sizes, G_N_ELEMENTS (sizes), FALSE);
}

/* Right to left (Arabic, Hebrew) the legend stands on the right: the
 * framing leaves that side free instead. */
static void
test_first_view_rtl (void)
{
  static const int sizes[][2] = { { 1024, 600 }, { 1280, 800 } };

  check_first_view (sizes, G_N_ELEMENTS (sizes), TRUE);
}

/* On its own screen (meson runs this one under an Xvfb of 3840×2200). */
static void
test_first_view_4k (void)
{
  static const int sizes[][2] = { { 3840, 2160 } };
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
  GdkRectangle area;

  gdk_monitor_get_geometry (monitor, &area);
  g_assert_cmpint (area.width, >=, 3840);
  g_assert_cmpint (area.height, >=, 2160);
  check_first_view (sizes, G_N_ELEMENTS (sizes), FALSE);
}

/* A selected corridor is drawn over the others in its own colour, whatever
 * other corridors or areas are on screen (it once lost its highlight when
 * any was). */
static void
test_selected_corridor_drawn (void)
{
  DlSession *session = dl_window_get_session (window);
  DlEvent *event = dl_dataset_lookup_event (dl_window_get_dataset (window), "philadelphi-capture");
  const DlGeometry *geometry;
  const DlLonLat *p;
  GtkWidget *layer = GTK_WIDGET (dl_test_event_layer (window));
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "selected-corridor.png", NULL);
  cairo_surface_t *png;
  const guint8 *data;
  GdkRGBA c;
  double x, y;
  int stride, scale;
  guint n_match = 0;

  g_assert_nonnull (event);
  geometry = dl_place_get_geometry (dl_event_get_place (event, 0));
  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), >=, 2);
  p = dl_geometry_get_positions (geometry);
  dl_category_get_color (NULL, dl_event_get_category (event), &c);

  dl_session_select (session, event);
  dl_test_wait_ms (300);
  g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
  dl_test_wait_ms (300);
  dl_test_save_png (layer, NULL, "selected-corridor.png");
  shumate_viewport_location_to_widget_coords (get_viewport (), layer, (p[0].lat + p[1].lat) / 2,
                                              (p[0].lon + p[1].lon) / 2, &x, &y);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (png);
  stride = cairo_image_surface_get_stride (png);
  scale = cairo_image_surface_get_width (png) / gtk_widget_get_width (layer);
  g_assert_cmpfloat (x, >, 2);
  g_assert_cmpfloat (y, >, 2);

  /* Around the middle of its first segment, the category's colour. */
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        guint32 px = *(const guint32 *) (gconstpointer) (data + (int) ((y + dy) * scale) * stride
                                                          + 4 * (int) ((x + dx) * scale));

        n_match += fabs (((px >> 16) & 0xff) / 255.0 - c.red) < 0.06
                   && fabs (((px >> 8) & 0xff) / 255.0 - c.green) < 0.06
                   && fabs ((px & 0xff) / 255.0 - c.blue) < 0.06;
      }
  g_test_message ("%u of 25 pixels around %.0f,%.0f in the corridor's colour", n_match, x, y);
  g_assert_cmpuint (n_match, >=, 3);
  cairo_surface_destroy (png);
  dl_session_select (session, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  /* --4k: only the 4K first view, on a screen big enough for it. */
  gboolean only_4k = argc > 1 && g_strv_contains ((const char * const *) argv, "--4k");

  dl_test_init (&argc, &argv);
  g_assert_true (dl_xtest_available ());

  window = dl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dl_window_open (window, NULL);
  g_assert_true (dl_test_wait_until (dataset_loaded, NULL, 20000));
  dl_test_wait_ms (800);
  dl_xtest_sync (GTK_WIDGET (window));

  if (only_4k)
    {
      g_test_add_func ("/map-input/first-view-4k", test_first_view_4k);
      status = g_test_run ();
      gtk_window_destroy (GTK_WINDOW (window));
      return status;
    }

  g_test_add_func ("/map-input/click-marker-selects", test_click_marker_selects);
  g_test_add_func ("/map-input/hover-shows-tooltip", test_hover_shows_tooltip);
  g_test_add_func ("/map-input/drag-pans-never-selects", test_drag_pans_never_selects);
  g_test_add_func ("/map-input/wheel-zooms", test_wheel_zooms);
  g_test_add_func ("/map-input/selected-corridor-drawn", test_selected_corridor_drawn);
  g_test_add_func ("/map-input/click-cluster-zooms-in", test_click_cluster_zooms_in);
  g_test_add_func ("/map-input/click-every-cluster-splits", test_click_every_cluster_splits);
  g_test_add_func ("/map-input/marks-apart", test_marks_apart);
  g_test_add_func ("/map-input/window-sizes", test_window_sizes);
  g_test_add_func ("/map-input/first-view-like-fit", test_first_view_like_fit);
  g_test_add_func ("/map-input/first-view-rtl", test_first_view_rtl);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));

  return status;
}
