/* test-timeline.c: the timeline widget, driven in a real window under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "dl-dataset.h"
#include "dl-test-util.h"
#include "dl-xtest.h"
#include "timeline/dl-timeline.h"

#define WIDTH  1200
#define HEIGHT 200

typedef struct {
  DlDataset  *dataset;
  GListModel *events;
  GtkWindow  *window;
  GtkWidget  *box;
  DlTimeline *timeline;
} Fixture;

static const char *
dataset_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *dir = g_getenv ("DATELINE_DATASET_DIR");

      path = g_build_filename (dir != NULL ? dir : SOURCE_DATASETDIR,
                               "gaza-august-2024", "gaza-august-2024.dateline.json", NULL);
    }

  return path;
}

static void
run_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_get_mapped (widget));
  run_ms (50);
}

/* Builds the render nodes as a frame would, so the label rects are fresh. */
static void
snapshot_now (DlTimeline *timeline)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  GTK_WIDGET_GET_CLASS (timeline)->snapshot (GTK_WIDGET (timeline), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
}

static void
save_png (Fixture    *fixture,
          const char *name)
{
  dl_test_save_png (fixture->box, NULL, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (dataset_path ());
  g_autoptr(DlProblems) problems = dl_problems_new ();

  fixture->dataset = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (fixture->dataset);
  fixture->events = dl_dataset_get_events (fixture->dataset);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, WIDTH, HEIGHT);
  fixture->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (fixture->box, "view");
  fixture->timeline = dl_timeline_new ();
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->timeline), TRUE);
  gtk_box_append (GTK_BOX (fixture->box), GTK_WIDGET (fixture->timeline));
  gtk_window_set_child (fixture->window, fixture->box);
  dl_timeline_set_model (fixture->timeline, fixture->events);
  gtk_window_present (fixture->window);
  wait_until_mapped (GTK_WIDGET (fixture->timeline));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->dataset);
}

static DlEvent *
find_event (Fixture    *fixture,
            const char *prefix)
{
  for (guint i = 0; i < g_list_model_get_n_items (fixture->events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (fixture->events, i);

      if (g_str_has_prefix (dl_event_get_title (event), prefix))
        return event;
    }

  g_assert_not_reached ();
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static void
test_fit_all (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 start, end;

  set_animations (FALSE);
  dl_timeline_fit_all (fixture->timeline);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);

  for (guint i = 0; i < g_list_model_get_n_items (fixture->events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (fixture->events, i);
      const DlEdtf *when = dl_event_get_when (event);

      if (when->earliest != DL_EDTF_UNBOUNDED_START)
        g_assert_cmpint (when->earliest, >=, start);
      if (when->latest != DL_EDTF_UNBOUNDED_END)
        g_assert_cmpint (when->latest, <=, end);
    }

  /* From October 2023 to August 2024 */
  g_assert_cmpint (end - start, >, 300 * 86400);
  g_assert_cmpstr (dl_timeline_get_tick_unit (fixture->timeline), ==, "month");
  save_png (fixture, "timeline-fit-all.png");
}

static void
test_initial_focus (Fixture       *fixture,
                    gconstpointer  data)
{
  gint64 start, end;
  g_autoptr(GDateTime) week = g_date_time_new_utc (2024, 8, 19, 12, 0, 0);

  /* Before anything is set, the view shows where most events are: the week
   * of 19 August 2024, not all ten months. */
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (start, <=, g_date_time_to_unix (week));
  g_assert_cmpint (end, >=, g_date_time_to_unix (week));
  g_assert_cmpint (end - start, <, 21 * 86400);
  g_assert_cmpstr (dl_timeline_get_tick_unit (fixture->timeline), ==, "day");
  save_png (fixture, "timeline-week.png");
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 start, end;
  gint64 a = 1723680000;   /* 2024-08-15 */
  gint64 b = a + 8 * 86400;

  set_animations (FALSE);
  dl_timeline_set_visible_range (fixture->timeline, a, b);
  dl_timeline_zoom (fixture->timeline, 2.0);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (end - start, ==, (b - a) / 2);
  g_assert_cmpint (llabs ((start + end) / 2 - (a + b) / 2), <=, 1);

  dl_timeline_zoom (fixture->timeline, 0.5);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (end - start, ==, b - a);

  /* No closer than an hour… */
  dl_timeline_zoom (fixture->timeline, 1e9);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (end - start, ==, 3600);
  g_assert_cmpint (llabs ((start + end) / 2 - (a + b) / 2), <=, 1);

  /* …and no further than the dataset's span (Oct 2023 – Aug 2024) with a
   * margin: the view never leaves what the overview shows. */
  dl_timeline_zoom (fixture->timeline, 1e-9);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (start, <=, 1696118400);   /* 2023-10-01 */
  g_assert_cmpint (end, >=, 1725062400);     /* 2024-08-31 */
  g_assert_cmpint (end - start, <=, (gint64) (1.2 * 365.25 * 86400));

  /* An explicit range is clamped the same way. */
  dl_timeline_set_visible_range (fixture->timeline, a, a + 10);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (end - start, ==, 3600);
}

static void
test_tick_units (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 a = 1723680000;   /* 2024-08-15 */

  /* (Years: see test_extreme_dates, the bundled dataset spans 11 months.) */
  dl_timeline_set_visible_range (fixture->timeline, a, a + 300 * 86400);
  g_assert_cmpstr (dl_timeline_get_tick_unit (fixture->timeline), ==, "month");
  dl_timeline_set_visible_range (fixture->timeline, a, a + 7 * 86400);
  g_assert_cmpstr (dl_timeline_get_tick_unit (fixture->timeline), ==, "day");
  dl_timeline_set_visible_range (fixture->timeline, a, a + 12 * 3600);
  g_assert_cmpstr (dl_timeline_get_tick_unit (fixture->timeline), ==, "hour");
}

static void
test_pick (Fixture       *fixture,
           gconstpointer  data)
{
  DlEvent *attack = find_event (fixture, "Hamas’s October 7 attack");
  guint n_exact = 0, n_checked = 0;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->timeline));

  set_animations (FALSE);
  dl_timeline_fit_all (fixture->timeline);

  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, attack, &bounds));
  g_assert_true (dl_timeline_pick (fixture->timeline,
                                   bounds.origin.x + bounds.size.width / 2,
                                   bounds.origin.y + bounds.size.height / 2) == attack);
  g_assert_null (dl_timeline_pick (fixture->timeline, width / 2.0, 2));

  /* Wherever an event is drawn, the pick is an event drawn there. */
  for (guint i = 0; i < g_list_model_get_n_items (fixture->events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (fixture->events, i);
      graphene_point_t center;
      graphene_rect_t other;
      DlEvent *picked;

      g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, event, &bounds));
      graphene_rect_get_center (&bounds, &center);
      if (center.x < 0 || center.x > width)
        continue;

      picked = dl_timeline_pick (fixture->timeline, center.x, center.y);
      g_assert_nonnull (picked);
      g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, picked, &other));
      graphene_rect_inset (&other, -4, -4);
      g_assert_true (graphene_rect_contains_point (&other, &center));
      n_checked++;
      n_exact += picked == event;
    }
  g_assert_cmpuint (n_checked, ==, g_list_model_get_n_items (fixture->events));
  g_assert_cmpuint (n_exact, >, n_checked / 3);
}

static void
on_event_activated (DlTimeline *timeline,
                    DlEvent    *event,
                    DlEvent   **out)
{
  *out = event;
}

static void
test_select_scrolls (Fixture       *fixture,
                     gconstpointer  data)
{
  DlEvent *herzog = find_event (fixture, "Blinken meets President Herzog");
  const DlEdtf *when = dl_event_get_when (herzog);
  g_autoptr(GDateTime) oct = g_date_time_new_utc (2023, 10, 1, 0, 0, 0);
  gint64 start, end;
  graphene_rect_t bounds;
  DlEvent *activated = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (fixture->timeline));

  set_animations (TRUE);
  dl_timeline_set_visible_range (fixture->timeline, g_date_time_to_unix (oct),
                                 g_date_time_to_unix (oct) + 3 * 86400);
  dl_timeline_set_selected (fixture->timeline, herzog);
  g_assert_true (dl_timeline_get_selected (fixture->timeline) == herzog);

  /* Animated: not there at once, there after the animation. */
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (end, <, when->earliest);
  run_ms (700);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (start, <=, when->earliest);
  g_assert_cmpint (end, >=, when->latest);
  g_assert_cmpint (end - start, ==, 3 * 86400);

  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, herzog, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <, width);

  /* Clicking it activates it (the window then selects it). */
  g_signal_connect (fixture->timeline, "event-activated", G_CALLBACK (on_event_activated), &activated);
  g_signal_emit_by_name (fixture->timeline, "event-activated", herzog);
  g_assert_true (activated == herzog);

  set_animations (FALSE);
  dl_timeline_set_visible_range (fixture->timeline, 1724025600 - 86400, 1724025600 + 86400);  /* around 19 August 00:00 */
  save_png (fixture, "timeline-selected-hours.png");
  g_assert_cmpstr (dl_timeline_get_tick_unit (fixture->timeline), ==, "hour");
}

static void
test_rtl (Fixture       *fixture,
          gconstpointer  data)
{
  DlEvent *attack = find_event (fixture, "Hamas’s October 7 attack");
  DlEvent *herzog = find_event (fixture, "Blinken meets President Herzog");
  graphene_rect_t a, b;

  set_animations (FALSE);
  dl_timeline_fit_all (fixture->timeline);
  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, attack, &a));
  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, herzog, &b));
  g_assert_cmpfloat (a.origin.x, <, b.origin.x);

  gtk_widget_set_direction (GTK_WIDGET (fixture->timeline), GTK_TEXT_DIR_RTL);
  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, attack, &a));
  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, herzog, &b));
  g_assert_cmpfloat (a.origin.x, >, b.origin.x);
  g_assert_true (dl_timeline_pick (fixture->timeline, a.origin.x + a.size.width / 2,
                                   a.origin.y + a.size.height / 2) == attack);

  dl_timeline_set_visible_range (fixture->timeline, 1723680000, 1723680000 + 7 * 86400);
  snapshot_now (fixture->timeline);
  save_png (fixture, "timeline-rtl.png");
  gtk_widget_set_direction (GTK_WIDGET (fixture->timeline), GTK_TEXT_DIR_LTR);
}

static void
assert_labels_apart (DlTimeline *timeline,
                     guint       at_least)
{
  const graphene_rect_t *rects;
  guint n;

  snapshot_now (timeline);
  rects = dl_timeline_get_label_rects (timeline, &n);
  g_assert_cmpuint (n, >=, at_least);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpfloat (rects[i].size.width, >, 0);
      for (guint j = i + 1; j < n; j++)
        {
          graphene_rect_t overlap;

          /* Touching is fine, overlapping is not. */
          if (graphene_rect_intersection (&rects[i], &rects[j], &overlap))
            g_assert_cmpfloat (overlap.size.width * overlap.size.height, <, 0.01);
        }
    }

  /* Nor does a label run under a dot or a "+N" badge (a span's label
   * stops before the first dot drawn over the span). */
  {
    graphene_rect_t dot, badge;

    for (guint s = 0; dl_timeline_get_stack (timeline, s, &dot, &badge, NULL, NULL); s++)
      for (guint i = 0; i < n; i++)
        {
          graphene_rect_t overlap;

          if (graphene_rect_intersection (&rects[i], &dot, &overlap))
            g_assert_cmpfloat (overlap.size.width * overlap.size.height, <, 0.01);
          if (badge.size.width > 0 && graphene_rect_intersection (&rects[i], &badge, &overlap))
            g_assert_cmpfloat (overlap.size.width * overlap.size.height, <, 0.01);
        }
  }
}

static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  set_animations (FALSE);
  dl_timeline_fit_all (fixture->timeline);
  assert_labels_apart (fixture->timeline, 1);
  dl_timeline_set_visible_range (fixture->timeline, 1723680000, 1723680000 + 7 * 86400);
  assert_labels_apart (fixture->timeline, 8);
  dl_timeline_set_visible_range (fixture->timeline, 1724025600, 1724025600 + 86400);
  assert_labels_apart (fixture->timeline, 4);
  gtk_widget_set_direction (GTK_WIDGET (fixture->timeline), GTK_TEXT_DIR_RTL);
  assert_labels_apart (fixture->timeline, 4);
  gtk_widget_set_direction (GTK_WIDGET (fixture->timeline), GTK_TEXT_DIR_LTR);
}

static double
luminance_at (GdkPixbuf *pixbuf,
              int        x,
              int        y)
{
  const guchar *p = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf)
                    + x * gdk_pixbuf_get_n_channels (pixbuf);

  return (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2]) / 255.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The frame as written: its ground follows the style (dark or light) and
 * every placed label has ink that stands out from it. */
static void
assert_labels_legible (const char *name,
                       DlTimeline *timeline,
                       gboolean    dark)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  const graphene_rect_t *rects;
  double ground;
  guint n;

  g_assert_no_error (error);
  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y += 3)
    for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x += 3)
      {
        double l = luminance_at (pixbuf, x, y);

        g_array_append_val (all, l);
      }
  g_array_sort (all, compare_double);
  ground = g_array_index (all, double, all->len / 2);
  if (dark)
    g_assert_cmpfloat (ground, <, 0.25);
  else
    g_assert_cmpfloat (ground, >, 0.75);

  rects = dl_timeline_get_label_rects (timeline, &n);
  g_assert_cmpuint (n, >=, 8);
  for (guint i = 0; i < n; i++)
    {
      double most = 0;

      /* The label's ink furthest from the ground, over whatever it is on. */
      for (int y = (int) rects[i].origin.y; y < (int) (rects[i].origin.y + rects[i].size.height); y++)
        for (int x = (int) rects[i].origin.x; x < (int) (rects[i].origin.x + rects[i].size.width); x++)
          if (x >= 0 && y >= 0 && x < gdk_pixbuf_get_width (pixbuf) && y < gdk_pixbuf_get_height (pixbuf))
            most = MAX (most, fabs (luminance_at (pixbuf, x, y) - ground));
      g_assert_cmpfloat (most, >, 0.45);
    }
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  set_animations (FALSE);
  dl_timeline_set_visible_range (fixture->timeline, 1723680000, 1723680000 + 7 * 86400);
  save_png (fixture, "timeline-light.png");
  assert_labels_legible ("timeline-light.png", fixture->timeline, FALSE);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  run_ms (100);
  save_png (fixture, "timeline-dark.png");
  assert_labels_legible ("timeline-dark.png", fixture->timeline, TRUE);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_model_changes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GListStore) store = g_list_store_new (DL_TYPE_EVENT);
  DlEvent *herzog = find_event (fixture, "Blinken meets President Herzog");
  graphene_rect_t bounds;

  dl_timeline_set_model (fixture->timeline, G_LIST_MODEL (store));
  g_assert_false (dl_timeline_get_event_bounds (fixture->timeline, herzog, &bounds));
  snapshot_now (fixture->timeline);

  g_list_store_append (store, herzog);
  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, herzog, &bounds));
  snapshot_now (fixture->timeline);

  dl_timeline_set_model (fixture->timeline, NULL);
  g_assert_null (dl_timeline_pick (fixture->timeline, 600, 100));
  snapshot_now (fixture->timeline);
}

static guint
count_nodes (GskRenderNode *node)
{
  guint n = 1;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_nodes (gsk_container_node_get_child (node, i));
      break;
    case GSK_CLIP_NODE:
      n += count_nodes (gsk_clip_node_get_child (node));
      break;
    case GSK_ROUNDED_CLIP_NODE:
      n += count_nodes (gsk_rounded_clip_node_get_child (node));
      break;
    case GSK_TRANSFORM_NODE:
      n += count_nodes (gsk_transform_node_get_child (node));
      break;
    case GSK_OPACITY_NODE:
      n += count_nodes (gsk_opacity_node_get_child (node));
      break;
    default:
      break;
    }

  return n;
}

static guint
snapshot_node_count (DlTimeline *timeline)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  guint n = 0;

  GTK_WIDGET_GET_CLASS (timeline)->snapshot (GTK_WIDGET (timeline), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    n = count_nodes (node);
  g_clear_pointer (&node, gsk_render_node_unref);

  return n;
}

/* Issue 17: a valid date 100 million years back (EDTF's limit here is
 * ±10^8 years) once made the overview draw
 * a tick per year. Every axis picks its ticks from the span it shows, so a
 * frame has a bounded number of nodes whatever the dates. */
static void
test_extreme_dates (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char json[] =
    "{ \"dateline\": 1, \"title\": \"Deep time\", \"sources\": [],"
    "  \"places\": [ { \"id\": \"p\", \"name\": \"P\", \"precision_m\": 100,"
    "    \"geometry\": { \"type\": \"Point\", \"coordinates\": [34.45, 31.51] } } ],"
    "  \"events\": ["
    "    { \"id\": \"a\", \"title\": \"Long ago\", \"category\": \"strike\", \"when\": \"Y-100000000\", \"place\": \"p\" },"
    "    { \"id\": \"b\", \"title\": \"Now\", \"category\": \"strike\", \"when\": \"2024-08-20\", \"place\": \"p\" },"
    "    { \"id\": \"c\", \"title\": \"Far ahead\", \"category\": \"strike\", \"when\": \"Y100000000\", \"place\": \"p\" } ] }";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load_from_data (json, strlen (json), NULL, problems);
  guint base, n;

  g_assert_nonnull (dataset);
  set_animations (FALSE);

  /* The node count of an ordinary dataset's frame, for scale. */
  dl_timeline_fit_all (fixture->timeline);
  base = snapshot_node_count (fixture->timeline);

  dl_timeline_set_model (fixture->timeline, dl_dataset_get_events (dataset));
  dl_timeline_fit_all (fixture->timeline);
  n = snapshot_node_count (fixture->timeline);
  g_test_message ("nodes: bundled dataset %u, 200 million years %u", base, n);
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (n, <, 2 * base + 200);
  save_png (fixture, "timeline-deep-time.png");

  /* Down to one day at the far ends, and at a year's scale. */
  dl_timeline_set_visible_range (fixture->timeline, G_GINT64_CONSTANT (-3155760000000000), G_GINT64_CONSTANT (-3155760000000000) + 86400);
  g_assert_cmpuint (snapshot_node_count (fixture->timeline), <, 2 * base + 200);
  dl_timeline_set_visible_range (fixture->timeline, 1704067200, 1704067200 + 12 * 365 * 86400);
  g_assert_cmpstr (dl_timeline_get_tick_unit (fixture->timeline), ==, "year");
  g_assert_cmpuint (snapshot_node_count (fixture->timeline), <, 2 * base + 200);
  run_ms (50);
}

/* The overview strip: tall enough to read, and a brush dragged with a
 * real mouse moves the detail range by exactly what it moved on the strip,
 * never out of the dataset's span (once 50 px threw the view into 2027). */
static void
test_brush_drag (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  graphene_rect_t strip, brush, after;
  gint64 start, end, start2, end2;
  double seconds_per_px;

  g_assert_true (dl_xtest_available ());
  set_animations (FALSE);
  dl_xtest_sync (widget);
  dl_timeline_get_overview_bounds (fixture->timeline, &strip, &brush);
  g_assert_cmpfloat (strip.size.height, >=, 40);

  /* A month around 19 August: the brush is wide enough to grab. */
  dl_timeline_set_visible_range (fixture->timeline, 1721779200, 1721779200 + 30 * 86400);
  dl_xtest_sync (widget);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  dl_timeline_get_overview_bounds (fixture->timeline, &strip, &brush);
  g_assert_cmpfloat (brush.size.width, >, 3 * 8);
  seconds_per_px = (end - start) / brush.size.width;

  /* 50 px back in time. */
  dl_xtest_drag (widget, brush.origin.x + brush.size.width / 2, brush.origin.y + brush.size.height / 2,
                 brush.origin.x + brush.size.width / 2 - 50, brush.origin.y + brush.size.height / 2, 10);
  dl_timeline_get_visible_range (fixture->timeline, &start2, &end2);
  g_assert_cmpint (end2 - start2, ==, end - start);
  g_assert_cmpfloat (fabs ((start - start2) - 50 * seconds_per_px), <, 1.5 * seconds_per_px);
  dl_timeline_get_overview_bounds (fixture->timeline, &strip, &after);
  g_assert_cmpfloat (fabs (after.origin.x - (brush.origin.x - 50)), <=, 1.5);
  save_png (fixture, "timeline-brush-drag.png");

  /* Far past the strip's end: the view stops at the dataset's last days. */
  dl_timeline_get_overview_bounds (fixture->timeline, &strip, &brush);
  dl_xtest_drag (widget, brush.origin.x + brush.size.width / 2, brush.origin.y + brush.size.height / 2,
                 strip.origin.x + strip.size.width + 300, brush.origin.y + brush.size.height / 2, 10);
  dl_timeline_get_visible_range (fixture->timeline, &start2, &end2);
  g_assert_cmpint (end2 - start2, ==, end - start);
  g_assert_cmpint (end2, <=, 1725062400 + 30 * 86400);   /* 2024-08-31, with the margin */
  g_assert_cmpint (end2, >=, 1724371200);                /* 2024-08-23: the last events show */

  /* The brush's right edge resizes it. */
  dl_timeline_get_overview_bounds (fixture->timeline, &strip, &brush);
  dl_xtest_drag (widget, brush.origin.x + brush.size.width - 2, brush.origin.y + brush.size.height / 2,
                 brush.origin.x + brush.size.width - 2 - 20, brush.origin.y + brush.size.height / 2, 5);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (start, ==, start2);
  g_assert_cmpint (end, <, end2);
}

/* + and Ctrl+wheel zoom around what is under the pointer. */
static void
test_zoom_around_pointer (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  DlEvent *herzog = find_event (fixture, "Blinken meets President Herzog");
  graphene_rect_t bounds, after;
  gint64 start, end, start2, end2;
  double x, y;

  set_animations (FALSE);
  dl_timeline_set_visible_range (fixture->timeline, 1723680000 + 3 * 86400, 1723680000 + 13 * 86400);
  dl_xtest_sync (widget);
  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, herzog, &bounds));
  /* Off-centre, so zooming around the centre would move it. */
  x = bounds.origin.x + bounds.size.width / 2;
  y = bounds.origin.y + bounds.size.height / 2;
  g_assert_cmpfloat (fabs (x - gtk_widget_get_width (widget) / 2.0), >, 100);

  dl_xtest_move (widget, x, y);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  dl_xtest_key (widget, GDK_KEY_plus, 0);
  dl_timeline_get_visible_range (fixture->timeline, &start2, &end2);
  g_assert_cmpint (end2 - start2, <, end - start);
  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, herzog, &after));
  g_assert_cmpfloat (fabs (after.origin.x + after.size.width / 2 - x), <=, 2);

  dl_xtest_scroll (widget, x, y, -2, GDK_CONTROL_MASK);
  dl_timeline_get_visible_range (fixture->timeline, &start, &end);
  g_assert_cmpint (end - start, <, end2 - start2);
  g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, herzog, &after));
  g_assert_cmpfloat (fabs (after.origin.x + after.size.width / 2 - x), <=, 2);
}

static GtkWidget *
find_listbox (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX (child) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_listbox (child)) != NULL)
        return found;
    }

  return NULL;
}

/* Events on one day in one lane once sat exactly on top of each other, so a
 * click there selected one that could not be seen. Now one dot shows with a
 * "+N" badge: a click on the dot selects the dot drawn, a click on the
 * badge lists them all to choose from. */
/* A click on the title written beside a dot selects that dot's event,
 * as a click on the dot does. */
static void
test_click_label (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  DlEvent *activated = NULL;
  const graphene_rect_t *rects;
  guint n_rects, n_clicked = 0;

  set_animations (FALSE);
  g_signal_connect (fixture->timeline, "event-activated", G_CALLBACK (on_event_activated), &activated);
  /* 19–20 August 2024: dots with their titles beside them */
  dl_timeline_set_visible_range (fixture->timeline, 1724025600, 1724025600 + 2 * 86400);
  dl_xtest_sync (widget);

  rects = dl_timeline_get_label_rects (fixture->timeline, &n_rects);
  g_assert_cmpuint (n_rects, >, 0);
  for (guint i = 0; i < n_rects && n_clicked < 3; i++)
    {
      graphene_rect_t label = rects[i], bounds;
      graphene_point_t centre;
      gboolean on_an_event = FALSE;

      /* Words away from every drawn event: only the label is there. */
      graphene_rect_get_center (&label, &centre);
      for (guint k = 0; k < g_list_model_get_n_items (fixture->events) && !on_an_event; k++)
        {
          g_autoptr(DlEvent) event = g_list_model_get_item (fixture->events, k);

          if (dl_timeline_get_event_bounds (fixture->timeline, event, &bounds))
            {
              graphene_rect_inset (&bounds, -4, -4);
              on_an_event = graphene_rect_contains_point (&bounds, &centre);
            }
        }
      if (on_an_event || centre.x < 10 || centre.x > gtk_widget_get_width (widget) - 10)
        continue;

      activated = NULL;
      dl_xtest_click (widget, centre.x, centre.y);
      dl_test_wait_ms (450);   /* past the double-click time */
      g_assert_nonnull (activated);
      /* The event whose dot the label follows, in its lane. */
      g_assert_true (dl_timeline_get_event_bounds (fixture->timeline, activated, &bounds));
      g_assert_cmpfloat (fabs (bounds.origin.y + bounds.size.height / 2 - centre.y), <, label.size.height);
      g_assert_cmpfloat (label.origin.x - (bounds.origin.x + bounds.size.width), >, -2);
      g_assert_cmpfloat (label.origin.x - (bounds.origin.x + bounds.size.width), <, 40);
      n_clicked++;
    }
  g_assert_cmpuint (n_clicked, >, 0);
}

static void
test_stacked_events (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->timeline);
  DlEvent *activated = NULL;
  graphene_rect_t dot, badge, strip;
  guint n = 0, best = G_MAXUINT, best_n = 0;
  DlEvent *top = NULL;
  GtkWidget *list;
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();

  set_animations (FALSE);
  g_signal_connect (fixture->timeline, "event-activated", G_CALLBACK (on_event_activated), &activated);
  /* 19–20 August 2024 */
  dl_timeline_set_visible_range (fixture->timeline, 1724025600, 1724025600 + 2 * 86400);
  dl_xtest_sync (widget);
  save_png (fixture, "timeline-19-20-august.png");

  dl_timeline_get_overview_bounds (fixture->timeline, &strip, NULL);
  for (guint i = 0; dl_timeline_get_stack (fixture->timeline, i, &dot, &badge, &n, NULL); i++)
    if (n > best_n && badge.origin.x + badge.size.width < gtk_widget_get_width (widget) - 10)
      {
        best = i;
        best_n = n;
      }
  g_assert_cmpuint (best_n, >=, 2);
  g_assert_true (dl_timeline_get_stack (fixture->timeline, best, &dot, &badge, &n, &top));

  /* The dot: what is drawn is what is selected. */
  dl_xtest_click (widget, dot.origin.x + dot.size.width / 2, dot.origin.y + dot.size.height / 2);
  g_assert_true (activated == top);
  dl_test_wait_ms (400);   /* past the double-click time */

  /* The badge: a list of every event there. */
  activated = NULL;
  dl_xtest_click (widget, badge.origin.x + badge.size.width / 2, badge.origin.y + badge.size.height / 2);
  g_assert_null (activated);
  dl_test_wait_ms (300);
  list = find_listbox (widget);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (listed, row);
  g_assert_cmpuint (listed->len, ==, n);

  /* Choosing the second one selects it and closes the list. */
  {
    GtkWidget *row = g_ptr_array_index (listed, 1);
    DlEvent *wanted = g_object_get_data (G_OBJECT (row), "dl-event");

    g_assert_nonnull (wanted);
    dl_xtest_click (row, gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row) / 2.0);
    g_assert_true (activated == wanted);
  }
  dl_test_wait_ms (300);
  g_assert_null (find_listbox (widget));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/timeline/initial-focus", test_initial_focus);
  ADD ("/timeline/fit-all", test_fit_all);
  ADD ("/timeline/zoom", test_zoom);
  ADD ("/timeline/tick-units", test_tick_units);
  ADD ("/timeline/pick", test_pick);
  ADD ("/timeline/select-scrolls", test_select_scrolls);
  ADD ("/timeline/rtl", test_rtl);
  ADD ("/timeline/labels", test_labels);
  ADD ("/timeline/dark", test_dark);
  ADD ("/timeline/model-changes", test_model_changes);
  ADD ("/timeline/extreme-dates", test_extreme_dates);
  ADD ("/timeline/brush-drag", test_brush_drag);
  ADD ("/timeline/zoom-around-pointer", test_zoom_around_pointer);
  ADD ("/timeline/stacked-events", test_stacked_events);
  ADD ("/timeline/click-label", test_click_label);
#undef ADD

  return g_test_run ();
}
