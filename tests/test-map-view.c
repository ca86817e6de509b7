/* test-map-view.c: a fitted map view shows what it was asked to show
 * (no display)
 *
 * Each case fits a view, then projects what had to be seen into the view's
 * pixels the way the map does (Web Mercator, 256 px tiles) and checks where
 * it lands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dl-map-view.h"
#include "dl-model-private.h"

/* dl_map_view_fit() fills 80 % of the view: 10 % stays free on each side. */
#define MARGIN 0.1

typedef struct {
  double width, height;
} Size;

static const Size sizes[] = {
  { 1024, 600 }, { 1280, 800 }, { 1920, 1080 }, { 400, 800 }, { 320, 320 },
};

/* Where @p appears in a width × height map showing @view. */
static void
to_screen (const DlMapView *view,
           double           width,
           double           height,
           DlLonLat         p,
           double          *sx,
           double          *sy)
{
  double scale = 256.0 * exp2 (view->zoom);
  double cx, cy, x, y;

  dl_geo_project ((DlLonLat) { view->lon, view->lat }, &cx, &cy);
  dl_geo_project (p, &x, &y);
  *sx = (x - cx) * scale + width / 2;
  *sy = (y - cy) * scale + height / 2;
}

static void
assert_inside_margin (const DlMapView *view,
                      double           width,
                      double           height,
                      DlLonLat         p)
{
  double sx, sy;

  to_screen (view, width, height, p, &sx, &sy);
  if (sx < MARGIN * width - 0.5 || sx > (1 - MARGIN) * width + 0.5 ||
      sy < MARGIN * height - 0.5 || sy > (1 - MARGIN) * height + 0.5)
    g_error ("(%g, %g) is drawn at (%.1f, %.1f) in a %g x %g view: outside its 10 %% margin",
             p.lon, p.lat, sx, sy, width, height);
}

/* Every corner of the box lands inside the view with the margin free, and
 * the box is not shown smaller than it need be: it spans 80 % of the
 * view's width or height. */
static void
test_fit_bbox (void)
{
  static const DlBBox boxes[] = {
    { 34.20, 31.22, 34.57, 31.60 },    /* the Gaza Strip */
    { -10.0, 35.0, 30.0, 70.0 },       /* Europe: far apart in Mercator y */
    { -170.0, -55.0, 170.0, 75.0 },    /* nearly the whole world */
    { 34.9, 29.5, 35.0, 33.3 },        /* tall and narrow */
    { 150.0, -45.0, 175.0, -30.0 },    /* southern hemisphere */
    { 0.0, 0.0, 0.001, 0.001 },        /* tiny: street level at most */
  };

  for (guint b = 0; b < G_N_ELEMENTS (boxes); b++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        const DlBBox *box = &boxes[b];
        double w = sizes[s].width, h = sizes[s].height;
        DlMapView view;
        double x0, y0, x1, y1, fill;

        dl_map_view_fit (&view, w, h, box, 0);
        g_assert_cmpfloat (view.zoom, >=, DL_MAP_VIEW_MIN_ZOOM);
        g_assert_cmpfloat (view.zoom, <=, DL_MAP_VIEW_MAX_ZOOM);

        to_screen (&view, w, h, (DlLonLat) { box->west, box->north }, &x0, &y0);
        to_screen (&view, w, h, (DlLonLat) { box->east, box->south }, &x1, &y1);
        /* Centred on the map, whatever the zoom. */
        g_assert_cmpfloat_with_epsilon ((x0 + x1) / 2, w / 2, 0.01);
        g_assert_cmpfloat_with_epsilon ((y0 + y1) / 2, h / 2, 0.01);

        /* The whole world does not fit a narrow view at the farthest zoom. */
        if (view.zoom == DL_MAP_VIEW_MIN_ZOOM)
          {
            g_assert_cmpfloat (MAX ((x1 - x0) / w, (y1 - y0) / h), >=, 1 - 2 * MARGIN);
            continue;
          }

        assert_inside_margin (&view, w, h, (DlLonLat) { box->west, box->south });
        assert_inside_margin (&view, w, h, (DlLonLat) { box->west, box->north });
        assert_inside_margin (&view, w, h, (DlLonLat) { box->east, box->south });
        assert_inside_margin (&view, w, h, (DlLonLat) { box->east, box->north });

        fill = MAX ((x1 - x0) / w, (y1 - y0) / h);
        if (view.zoom < DL_MAP_VIEW_MAX_ZOOM)
          g_assert_cmpfloat_with_epsilon (fill, 1 - 2 * MARGIN, 1e-6);
        else
          g_assert_cmpfloat (fill, <=, 1 - 2 * MARGIN);
      }
}

/* Nothing to show: the whole world, not a random spot. */
static void
test_fit_empty (void)
{
  DlMapView view = { 12, 34, 9 };
  DlBBox empty;

  dl_bbox_init_empty (&empty);
  dl_map_view_fit (&view, 1024, 600, &empty, 0);
  g_assert_cmpfloat (view.zoom, ==, DL_MAP_VIEW_MIN_ZOOM);
  g_assert_cmpfloat (view.lat, ==, 0);
  g_assert_cmpfloat (view.lon, ==, 0);
}

/* A point known to within some metres is shown with its whole precision
 * halo in view, large enough to see, with context around it; an exact point
 * is shown at the closest zoom, never closer. */
static void
test_fit_precision_halo (void)
{
  static const double precisions[] = { 100, 2000, 25000, 250000 };
  DlLonLat gaza_city = { 34.4668, 31.5017 };
  DlBBox point;

  dl_bbox_init_empty (&point);
  dl_bbox_extend (&point, gaza_city);

  for (guint p = 0; p < G_N_ELEMENTS (precisions); p++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        double w = sizes[s].width, h = sizes[s].height;
        DlMapView view;
        double sx, sy, radius_px;

        dl_map_view_fit (&view, w, h, &point, precisions[p]);
        to_screen (&view, w, h, gaza_city, &sx, &sy);
        g_assert_cmpfloat_with_epsilon (sx, w / 2, 0.01);
        g_assert_cmpfloat_with_epsilon (sy, h / 2, 0.01);

        radius_px = precisions[p] / dl_geo_metres_per_pixel (gaza_city.lat, view.zoom);
        /* Framed: the halo with the margin around it. */
        g_assert_cmpfloat (2 * radius_px, <=, (1 - 2 * MARGIN) * MIN (w, h) + 0.5);
        /* Seen: at least a tenth of the view across (unless the zoom is at
         * its limit), and with more map around it than halo. */
        if (view.zoom < DL_MAP_VIEW_MAX_ZOOM)
          g_assert_cmpfloat (2 * radius_px, >=, 0.1 * MIN (w, h));
        g_assert_cmpfloat (2 * radius_px, <=, 0.5 * MIN (w, h));
      }

  {
    DlMapView view;

    dl_map_view_fit (&view, 1024, 600, &point, 0);
    g_assert_cmpfloat (view.zoom, ==, DL_MAP_VIEW_MAX_ZOOM);
  }
}

/* Moving the centre by (dx, dy) pixels moves what was at the centre by
 * (−dx, −dy): how a fitted view is centred in the part overlays leave free. */
static void
test_offset (void)
{
  DlMapView view = { 31.5, 34.45, 10 };
  DlLonLat before = { view.lon, view.lat };
  double sx, sy;

  dl_map_view_offset (&view, 150, -80);
  g_assert_cmpfloat (view.zoom, ==, 10);
  to_screen (&view, 1000, 600, before, &sx, &sy);
  g_assert_cmpfloat_with_epsilon (sx, 500 - 150, 1e-6);
  g_assert_cmpfloat_with_epsilon (sy, 300 + 80, 1e-6);
}

static DlEvent *
event_at (double lon,
          double lat)
{
  DlEvent *event = dl_event_new ();
  DlPlace *place = dl_place_new ();

  place->geometry = dl_geometry_new_point ((DlLonLat) { lon, lat });
  g_ptr_array_add (event->places, place);
  return event;
}

/* The bulk of the events decides the view: one event far away does not
 * shrink the rest to a dot, but a handful of events are all shown. */
static void
test_fit_events (void)
{
  g_autoptr(GListStore) events = g_list_store_new (DL_TYPE_EVENT);
  g_autoptr(GListStore) few = g_list_store_new (DL_TYPE_EVENT);
  DlLonLat paris = { 2.35, 48.86 };
  DlMapView view;
  double sx, sy;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(DlEvent) event = event_at (34.25 + 0.3 * (i % 8) / 7, 31.25 + 0.3 * (i / 8) / 4);

      g_list_store_append (events, event);
    }
  {
    g_autoptr(DlEvent) far = event_at (paris.lon, paris.lat);

    g_list_store_append (events, far);
  }

  dl_map_view_fit_events (&view, 1024, 600, G_LIST_MODEL (events));
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (G_LIST_MODEL (events), i);

      assert_inside_margin (&view, 1024, 600, dl_event_get_anchor (event));
    }
  g_assert_cmpfloat (view.zoom, >=, 8);
  to_screen (&view, 1024, 600, paris, &sx, &sy);
  g_assert_true (sx < 0 || sx > 1024 || sy < 0 || sy > 600);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(DlEvent) event = event_at (34.3 + i * 0.1, 31.3 + i * 0.1);

      g_list_store_append (few, event);
    }
  dl_map_view_fit_events (&view, 1024, 600, G_LIST_MODEL (few));
  for (guint i = 0; i < 3; i++)
    assert_inside_margin (&view, 1024, 600, (DlLonLat) { 34.3 + i * 0.1, 31.3 + i * 0.1 });

  /* An event without a place (timeline only) leaves the view as it was:
   * it once drew the view to 0° 0°. */
  {
    g_autoptr(DlEvent) nowhere = dl_event_new ();
    DlMapView before = view;

    g_list_store_append (few, nowhere);
    dl_map_view_fit_events (&view, 1024, 600, G_LIST_MODEL (few));
    g_assert_cmpfloat_with_epsilon (view.zoom, before.zoom, 1e-9);
    g_assert_cmpfloat_with_epsilon (view.lon, before.lon, 1e-9);
    g_assert_cmpfloat_with_epsilon (view.lat, before.lat, 1e-9);
    g_list_store_remove_all (few);
    g_list_store_append (few, nowhere);
    dl_map_view_fit_events (&view, 1024, 600, G_LIST_MODEL (few));
    g_assert_cmpfloat (view.zoom, ==, DL_MAP_VIEW_MIN_ZOOM);
  }

  g_list_store_remove_all (few);
  dl_map_view_fit_events (&view, 1024, 600, G_LIST_MODEL (few));
  g_assert_cmpfloat (view.zoom, ==, DL_MAP_VIEW_MIN_ZOOM);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-view/fit-bbox", test_fit_bbox);
  g_test_add_func ("/map-view/fit-empty", test_fit_empty);
  g_test_add_func ("/map-view/fit-precision-halo", test_fit_precision_halo);
  g_test_add_func ("/map-view/offset", test_offset);
  g_test_add_func ("/map-view/fit-events", test_fit_events);

  return g_test_run ();
}
