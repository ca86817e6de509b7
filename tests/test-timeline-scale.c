/* test-timeline-scale.c: the timeline on a dataset large enough to index
 * its events in a thread and to draw crowded lanes from sorted instants
 * (bench/dl-synthetic.c)
 *
 * What must hold as for a small dataset: the index built in a thread is
 * the one built at once (every event in the same place, the same frame,
 * pixel for pixel), a crowded lane's histogram counts each dot in view
 * once, in the column of pixels it is drawn at, and a real click on a dot
 * selects its event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dl-event-list.h"
#include "dl-synthetic.h"
#include "dl-test-util.h"
#include "dl-xtest.h"
#include "timeline/dl-timeline.h"

#define N_EVENTS 24000
#define WIDTH    1280
#define HEIGHT   260
#define COLUMN   2      /* BIN_WIDTH: pixels per histogram column */

static DlDataset *dataset;
static char *dir;

typedef struct {
  GtkWindow  *window;
  DlTimeline *timeline;
} View;

static gboolean
timeline_ready (gpointer data)
{
  return dl_timeline_is_ready (data);
}

static void
view_open (View       *view,
           GListModel *model)
{
  view->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (view->window, WIDTH, HEIGHT);
  view->timeline = dl_timeline_new ();
  gtk_window_set_child (view->window, GTK_WIDGET (view->timeline));
  dl_timeline_set_model (view->timeline, model);
  gtk_window_present (view->window);
}

static void
view_close (View *view)
{
  gtk_window_destroy (view->window);
}

/* The session's kind of list: every event, by position in the time order. */
static GListModel *
new_event_list (void)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  DlEventList *list = dl_event_list_new ();
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), by_time->len);

  for (guint i = 0; i < by_time->len; i++)
    g_array_append_val (positions, i);
  dl_event_list_set (list, by_time, positions);
  return G_LIST_MODEL (list);
}

/* The same events in a plain list store, which is indexed at once. */
static GListModel *
new_store (void)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  GListStore *store = g_list_store_new (DL_TYPE_EVENT);

  g_list_store_splice (store, 0, 0, by_time->pdata, by_time->len);
  return G_LIST_MODEL (store);
}

static GBytes *
render (DlTimeline *timeline,
        int        *width,
        int        *height)
{
  GtkWidget *widget = GTK_WIDGET (timeline);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;
  gsize stride;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  stride = (gsize) *width * 4;
  pixels = g_malloc (stride * *height);
  gdk_texture_download (texture, pixels, stride);
  return g_bytes_new_take (pixels, stride * *height);
}

static void
show_range (View  *view,
            gint64 start,
            gint64 end)
{
  dl_timeline_set_visible_range (view->timeline, start, end);
  dl_test_wait_ms (50);
}

/* The index a thread built is the one built at once: each event at the
 * same place, picks the same, frames identical at every zoom. */
static void
test_thread_equals_sync (void)
{
  g_autoptr(GListModel) list = new_event_list ();
  g_autoptr(GListModel) store = new_store ();
  View threaded, direct;
  gint64 start, end, mid;
  static const gint64 spans[] = { 0, 90 * 86400, 7 * 86400, 86400 };

  view_open (&threaded, list);
  /* Large enough to be indexed off the main loop: not ready yet. */
  g_assert_false (dl_timeline_is_ready (threaded.timeline));
  view_open (&direct, store);
  g_assert_true (dl_timeline_is_ready (direct.timeline));
  g_assert_true (dl_test_wait_until (timeline_ready, threaded.timeline, 30000));
  dl_test_wait_ms (200);

  dl_timeline_fit_all (direct.timeline);
  dl_test_wait_ms (500);
  dl_timeline_get_visible_range (direct.timeline, &start, &end);
  mid = start + (end - start) / 2;

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    {
      gint64 a = spans[s] == 0 ? start : mid - spans[s] / 2;
      gint64 b = spans[s] == 0 ? end : mid + spans[s] / 2;
      g_autoptr(GBytes) pixels_threaded = NULL;
      g_autoptr(GBytes) pixels_direct = NULL;
      GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
      int w1, h1, w2, h2;

      show_range (&threaded, a, b);
      show_range (&direct, a, b);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (threaded.timeline)), ==,
                       gtk_widget_get_width (GTK_WIDGET (direct.timeline)));

      pixels_threaded = render (threaded.timeline, &w1, &h1);
      pixels_direct = render (direct.timeline, &w2, &h2);
      g_assert_cmpint (w1, ==, w2);
      g_assert_cmpint (h1, ==, h2);
      g_assert_true (g_bytes_equal (pixels_threaded, pixels_direct));

      for (guint i = 0; i < by_time->len; i += 7)
        {
          DlEvent *event = g_ptr_array_index (by_time, i);
          graphene_rect_t r1, r2;
          gboolean b1 = dl_timeline_get_event_bounds (threaded.timeline, event, &r1);
          gboolean b2 = dl_timeline_get_event_bounds (direct.timeline, event, &r2);

          g_assert_cmpint (b1, ==, b2);
          if (b1)
            g_assert_true (graphene_rect_equal (&r1, &r2));
        }

      for (int y = 40; y < h1 - 50; y += 5)
        for (int x = 0; x < w1; x += 9)
          g_assert_true (dl_timeline_pick (threaded.timeline, x, y) == dl_timeline_pick (direct.timeline, x, y));
    }

  view_close (&threaded);
  view_close (&direct);
}

static gboolean
is_dot (DlEvent *event)
{
  const DlEdtf *when = dl_event_get_when (event);

  return when->precision >= DL_EDTF_PRECISION_DAY && !(when->flags & DL_EDTF_INTERVAL)
         && !(when->earliest == DL_EDTF_UNBOUNDED_START && when->latest == DL_EDTF_UNBOUNDED_END);
}

/* Every crowded lane's histogram, summed over lanes, against the columns
 * the dots are drawn at (their bounds), counted here event by event; the
 * number of dots in view. */
static guint
check_columns (View *view)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  GtkWidget *widget = GTK_WIDGET (view->timeline);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree guint *expected = NULL;
  g_autofree guint *drawn = NULL;
  graphene_rect_t strip;
  guint n_columns = 0, n_in_view = 0, n_lanes = 0, biggest = 0;
  const guint32 *columns;

  /* A frame, as GTK would draw it. */
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  dl_timeline_get_overview_bounds (view->timeline, &strip, NULL);

  g_assert_nonnull (dl_timeline_get_dot_columns (view->timeline, 0, &n_columns));
  g_assert_cmpuint (n_columns, >, 100);
  expected = g_new0 (guint, n_columns);
  drawn = g_new0 (guint, n_columns);
  while ((columns = dl_timeline_get_dot_columns (view->timeline, n_lanes, &n_columns)) != NULL)
    {
      guint lane_total = 0;

      for (guint c = 0; c < n_columns; c++)
        {
          drawn[c] += columns[c];
          lane_total += columns[c];
        }
      biggest = MAX (biggest, lane_total);
      n_lanes++;
    }
  g_assert_cmpuint (n_lanes, >, 1);
  /* More dots than a lane draws one by one (250): a histogram. */
  g_assert_cmpuint (biggest, >, 250);

  for (guint i = 0; i < by_time->len; i++)
    {
      DlEvent *event = g_ptr_array_index (by_time, i);
      graphene_rect_t bounds;
      double x, r, f;
      int c;

      if (!is_dot (event))
        continue;
      g_assert_true (dl_timeline_get_event_bounds (view->timeline, event, &bounds));
      x = bounds.origin.x + bounds.size.width / 2;
      r = bounds.size.width / 2;
      /* In view: within a dot's width (and 2 px) of the plot. */
      if (x < strip.origin.x - r - 2 || x > strip.origin.x + strip.size.width + r + 2)
        continue;
      f = rtl ? strip.origin.x + strip.size.width - x : x - strip.origin.x;
      c = CLAMP ((int) (f / COLUMN), 0, (int) n_columns - 1);
      expected[c]++;
      n_in_view++;
    }

  for (guint c = 0; c < n_columns; c++)
    g_assert_cmpuint (drawn[c], ==, expected[c]);
  return n_in_view;
}

static void
check_density (gboolean rtl)
{
  g_autoptr(GListModel) list = new_event_list ();
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  guint n_dots = 0, n_in_view;
  gint64 start, end, quarter;
  View view;

  for (guint i = 0; i < by_time->len; i++)
    n_dots += is_dot (g_ptr_array_index (by_time, i));

  view_open (&view, list);
  if (rtl)
    gtk_widget_set_direction (GTK_WIDGET (view.timeline), GTK_TEXT_DIR_RTL);
  g_assert_true (dl_test_wait_until (timeline_ready, view.timeline, 30000));
  dl_timeline_fit_all (view.timeline);
  dl_test_wait_ms (500);

  /* Everything in view: every dot counted once. */
  g_assert_cmpuint (check_columns (&view), ==, n_dots);

  /* The middle half: the dots there, none of the others. */
  dl_timeline_get_visible_range (view.timeline, &start, &end);
  quarter = (end - start) / 4;
  show_range (&view, start + quarter, end - quarter);
  n_in_view = check_columns (&view);
  g_assert_cmpuint (n_in_view, >, 1000);
  g_assert_cmpuint (n_in_view, <, n_dots);

  view_close (&view);
}

static void
test_density (void)
{
  check_density (FALSE);
}

static void
test_density_rtl (void)
{
  check_density (TRUE);
}

static void
on_event_activated (DlTimeline *timeline,
                    DlEvent    *event,
                    DlEvent   **activated)
{
  *activated = event;
}

/* Zoomed in on a day, a real click on a dot of the threaded index selects
 * the event drawn there. */
static void
test_click_dot (void)
{
  g_autoptr(GListModel) list = new_event_list ();
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  DlEvent *target = NULL;
  DlEvent *activated = NULL;
  DlEvent *top = NULL;
  graphene_rect_t dot;
  gint64 mid;
  gulong handler;
  View view;

  view_open (&view, list);
  g_assert_true (dl_test_wait_until (timeline_ready, view.timeline, 30000));

  /* A dot in the middle of the data, a day around it. */
  for (guint i = by_time->len / 2; i < by_time->len && target == NULL; i++)
    if (is_dot (g_ptr_array_index (by_time, i)))
      target = g_ptr_array_index (by_time, i);
  g_assert_nonnull (target);
  mid = dl_edtf_get_midpoint (dl_event_get_when (target));
  show_range (&view, mid - 12 * 3600, mid + 12 * 3600);
  dl_test_wait_ms (200);

  /* What the frame drew at the target's place: its stack's top. */
  g_assert_true (dl_timeline_get_event_bounds (view.timeline, target, &dot));
  for (guint s = 0; dl_timeline_get_stack (view.timeline, s, NULL, NULL, NULL, NULL); s++)
    {
      graphene_rect_t stack_dot;

      dl_timeline_get_stack (view.timeline, s, &stack_dot, NULL, NULL, &top);
      if (graphene_rect_contains_point (&stack_dot, &GRAPHENE_POINT_INIT (dot.origin.x + dot.size.width / 2,
                                                                          dot.origin.y + dot.size.height / 2)))
        break;
      top = NULL;
    }
  g_assert_nonnull (top);

  handler = g_signal_connect (view.timeline, "event-activated", G_CALLBACK (on_event_activated), &activated);
  dl_xtest_click (GTK_WIDGET (view.timeline), dot.origin.x + dot.size.width / 2, dot.origin.y + dot.size.height / 2);
  dl_test_wait_ms (300);
  g_signal_handler_disconnect (view.timeline, handler);
  g_assert_true (activated == top);

  view_close (&view);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cleanup = NULL;
  int status;

  dl_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  dir = g_dir_make_tmp ("dateline-timeline-scale-XXXXXX", &error);
  g_assert_no_error (error);
  path = dl_synthetic_write (dir, N_EVENTS, 42, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  dataset = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (dataset);

  g_test_add_func ("/timeline-scale/thread-equals-sync", test_thread_equals_sync);
  g_test_add_func ("/timeline-scale/density", test_density);
  g_test_add_func ("/timeline-scale/density-rtl", test_density_rtl);
  g_test_add_func ("/timeline-scale/click-dot", test_click_dot);
  status = g_test_run ();

  g_object_unref (dataset);
  cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (cleanup) != 0)
    g_printerr ("could not remove %s\n", dir);
  g_free (dir);
  return status;
}
