/* test-map-lod.c: the event layer's level of detail, on a dataset large
 * enough to use it (bench/dl-synthetic.c)
 *
 * A view holding more than 20,000 events is laid out from the totals of a
 * pyramid of grid squares built in a thread. What must hold as for a small
 * dataset: every shown event is in exactly one mark, the selection is drawn
 * alone, a cluster knows its members (a real click on its badge asks to
 * zoom to a box holding them all), and hiding events rebuilds it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "dl-event-layer.h"
#include "dl-synthetic.h"
#include "dl-test-util.h"
#include "dl-xtest.h"

#define N_EVENTS 24000
#define WIDTH    1280
#define HEIGHT   800

static DlDataset *dataset;
static DlSession *session;
static GtkWindow *window;
static ShumateMap *map;
static DlEventLayer *layer;
static char *dir;

static gboolean
layer_ready (gpointer data)
{
  return dl_event_layer_is_ready (layer);
}

static void
settle (void)
{
  g_assert_true (dl_test_wait_until (layer_ready, NULL, 30000));
  dl_test_wait_ms (100);
  dl_xtest_sync (GTK_WIDGET (window));
}

static void
go_to (double lat,
       double lon,
       double zoom)
{
  ShumateViewport *viewport = shumate_map_get_viewport (map);

  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);
  settle ();
}

/* Events in the marks, and checks that no event is in two. */
static guint
count_marked (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  guint n_marks;
  const DlEventMark *marks = dl_event_layer_get_marks (layer, &n_marks);
  guint total = 0;

  g_assert_cmpuint (n_marks, >, 0);
  for (guint i = 0; i < n_marks; i++)
    {
      total += marks[i].n_events;
      if (marks[i].n_events == 1)
        g_assert_true (g_hash_table_add (seen, marks[i].event));
    }

  return total;
}

/* The whole data's region from afar: every event is a point, all in view. */
static void
go_wide (void)
{
  go_to (31.0, 41.0, 3.0);
}

static void
test_every_event_once (void)
{
  GListModel *events = dl_session_get_events (session);
  guint n_marks;
  const DlEventMark *marks;
  guint clusters = 0;

  go_wide ();
  g_assert_cmpuint (count_marked (), ==, g_list_model_get_n_items (events));

  /* Counts, not a dot per event: a frame draws a few hundred marks. */
  marks = dl_event_layer_get_marks (layer, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      g_assert_cmpfloat (marks[i].x, >, -60);
      g_assert_cmpfloat (marks[i].x, <, WIDTH + 60);
      g_assert_cmpfloat (marks[i].y, >, -60);
      g_assert_cmpfloat (marks[i].y, <, HEIGHT + 60);
      clusters += marks[i].n_events > 1;
    }
  g_assert_cmpuint (n_marks, <, 1000);
  g_assert_cmpuint (clusters, >, 0);
}

/* As in the exact layout, no mark covers another (a badge hidden under its
 * neighbour is a count no one can read), from afar to a city. */
static void
test_marks_apart (void)
{
  guint n_checked = 0;

  for (double zoom = 2.0; zoom <= 9.0; zoom += 0.5)
    {
      guint n_marks;
      const DlEventMark *marks;

      go_to (31.0, 41.0, zoom);
      marks = dl_event_layer_get_marks (layer, &n_marks);
      for (guint i = 0; i < n_marks; i++)
        for (guint j = i + 1; j < n_marks; j++)
          {
            if (hypot (marks[i].x - marks[j].x, marks[i].y - marks[j].y) < marks[i].radius + marks[j].radius - 0.5)
              g_error ("zoom %.1f: a mark of %u at (%.0f, %.0f) and one of %u at (%.0f, %.0f) overlap", zoom,
                       marks[i].n_events, marks[i].x, marks[i].y, marks[j].n_events, marks[j].x, marks[j].y);
            n_checked++;
          }
    }
  g_assert_cmpuint (n_checked, >, 100);
  /* Merged cells keep every event in one mark. */
  go_wide ();
  g_assert_cmpuint (count_marked (), ==, g_list_model_get_n_items (dl_session_get_events (session)));
}

static void
test_selection_alone (void)
{
  GListModel *events = dl_session_get_events (session);
  g_autoptr(DlEvent) event = g_list_model_get_item (events, N_EVENTS / 2);
  DlEventMark mark;
  guint n_marks;
  const DlEventMark *marks;
  guint alone = 0;

  dl_session_select (session, event);
  go_wide ();
  marks = dl_event_layer_get_marks (layer, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].event == event && marks[i].n_events == 1)
      alone++;
  g_assert_cmpuint (alone, ==, 1);
  /* Out of its cluster, not counted twice. */
  g_assert_cmpuint (count_marked (), ==, g_list_model_get_n_items (events));
  g_assert_true (dl_event_layer_get_event_mark (layer, event, &mark));
  g_assert_cmpuint (mark.n_events, ==, 1);

  dl_session_select (session, NULL);
  settle ();
}

/* A real click on a cluster badge asks to zoom to a box that holds every
 * one of its members. */
static void
on_cluster_activated (DlEventLayer *self,
                      double        west,
                      double        south,
                      double        east,
                      double        north,
                      DlBBox       *bbox)
{
  *bbox = (DlBBox) { .west = west, .south = south, .east = east, .north = north };
}

static void
test_click_cluster (void)
{
  GListModel *events = dl_session_get_events (session);
  DlBBox asked = { 0 };
  DlEventMark cluster = { 0 };
  guint n_marks;
  const DlEventMark *marks;
  guint members = 0;
  gulong handler;

  go_wide ();
  marks = dl_event_layer_get_marks (layer, &n_marks);
  /* The biggest cluster well inside the frame. */
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].n_events > cluster.n_events && marks[i].x > 60 && marks[i].x < WIDTH - 60
        && marks[i].y > 60 && marks[i].y < HEIGHT - 60)
      cluster = marks[i];
  g_assert_cmpuint (cluster.n_events, >, 16);

  handler = g_signal_connect (layer, "cluster-activated", G_CALLBACK (on_cluster_activated), &asked);
  dl_xtest_click (GTK_WIDGET (layer), cluster.x, cluster.y);
  dl_test_wait_ms (200);
  g_signal_handler_disconnect (layer, handler);
  g_assert_cmpfloat (asked.east, >, asked.west);
  g_assert_cmpfloat (asked.north, >, asked.south);

  /* The events the layer puts in that cluster all lie in the box: those
   * near its badge (a look-up walks the cluster, so not all of them). */
  go_wide ();
  for (guint i = 0, checked = 0; i < g_list_model_get_n_items (events) && checked < 200; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      DlLonLat anchor = dl_event_get_anchor (event);
      DlEventMark mark;
      double x, y;

      shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (layer),
                                                  anchor.lat, anchor.lon, &x, &y);
      if (hypot (x - cluster.x, y - cluster.y) > 28)
        continue;
      checked++;
      g_assert_true (dl_event_layer_get_event_mark (layer, event, &mark));
      if (mark.n_events != cluster.n_events || mark.x != cluster.x || mark.y != cluster.y)
        continue;
      members++;
      g_assert_cmpfloat (anchor.lon, >=, asked.west - 1e-9);
      g_assert_cmpfloat (anchor.lon, <=, asked.east + 1e-9);
      g_assert_cmpfloat (anchor.lat, >=, asked.south - 1e-9);
      g_assert_cmpfloat (anchor.lat, <=, asked.north + 1e-9);
    }
  g_assert_cmpuint (members, >, 16);
}

/* Hiding events rebuilds the pyramid from what is shown. */
static void
test_hide_category (void)
{
  GListModel *events = dl_session_get_events (session);
  guint before = g_list_model_get_n_items (events);

  dl_session_set_category_visible (session, "strike", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (events), <, before);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 20000);
  go_wide ();
  g_assert_cmpuint (count_marked (), ==, g_list_model_get_n_items (events));

  dl_session_show_all (session);
  go_wide ();
  g_assert_cmpuint (count_marked (), ==, before);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(ShumateMapSource) reference = NULL;
  g_autofree char *path = NULL;

  dir = g_dir_make_tmp ("dateline-test-map-lod-XXXXXX", &error);
  g_assert_no_error (error);
  path = dl_synthetic_write (dir, N_EVENTS, 42, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  dataset = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (dataset);

  session = dl_session_new ();
  dl_session_set_dataset (session, dataset);

  window = GTK_WINDOW (gtk_window_new ());
  map = shumate_map_new ();
  /* No tiles: the layer needs only the projection's tile size. */
  reference = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
      "reference", "reference", "", "", 0, 18, 256, SHUMATE_MAP_PROJECTION_MERCATOR, "http://127.0.0.1:9/#Z#/#X#/#Y#.png"));
  shumate_viewport_set_reference_map_source (shumate_map_get_viewport (map), reference);
  layer = dl_event_layer_new (shumate_map_get_viewport (map));
  dl_event_layer_set_session (layer, session);
  shumate_map_add_layer (map, SHUMATE_LAYER (layer));
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_set_child (window, GTK_WIDGET (map));
  gtk_window_present (window);
  settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (layer)), ==, WIDTH);
}

static void
tear_down (void)
{
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);

  gtk_window_destroy (window);
  g_clear_object (&session);
  g_clear_object (&dataset);
  if (system (cleanup) != 0)
    g_printerr ("could not remove %s\n", dir);
  g_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);
  if (!dl_xtest_available ())
    g_error ("XTest is needed: run under Xvfb");

  set_up ();
  g_test_add_func ("/map-lod/every-event-once", test_every_event_once);
  g_test_add_func ("/map-lod/marks-apart", test_marks_apart);
  g_test_add_func ("/map-lod/selection-alone", test_selection_alone);
  g_test_add_func ("/map-lod/click-cluster", test_click_cluster);
  g_test_add_func ("/map-lod/hide-category", test_hide_category);
  status = g_test_run ();
  tear_down ();

  return status;
}
