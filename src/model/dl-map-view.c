/* dl-map-view.c: which part of the map shows what should be seen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dl-event.h"
#include "dl-map-view.h"
#include "dl-stats.h"

/* The zoom at which a span of normalized Mercator size (dx, dy) fills 80 %
 * of the area. */
static double
zoom_to_fit (double width,
             double height,
             double dx,
             double dy)
{
  double zx = dx > 0 ? log2 (width * 0.8 / (dx * 256.0)) : 20;
  double zy = dy > 0 ? log2 (height * 0.8 / (dy * 256.0)) : 20;

  return MIN (zx, zy);
}

void
dl_map_view_fit (DlMapView    *view,
                 double        width,
                 double        height,
                 const DlBBox *bbox,
                 double        min_extent_m)
{
  DlLonLat sw, ne, center;
  double x0, y0, x1, y1;
  double zoom;

  g_return_if_fail (view != NULL);
  g_return_if_fail (bbox != NULL);

  width = MAX (width, 100);
  height = MAX (height, 100);
  if (dl_bbox_is_empty (bbox))
    {
      view->lat = 0;
      view->lon = 0;
      view->zoom = DL_MAP_VIEW_MIN_ZOOM;
      return;
    }

  sw = (DlLonLat) { bbox->west, bbox->south };
  ne = (DlLonLat) { bbox->east, bbox->north };
  dl_geo_project (sw, &x0, &y1);
  dl_geo_project (ne, &x1, &y0);
  /* The middle on the map, not in degrees: Mercator stretches the north of
   * a tall box, whose middle latitude would leave its north edge off view. */
  center = dl_bbox_get_map_center (bbox);
  zoom = zoom_to_fit (width, height, x1 - x0, y1 - y0);

  if (min_extent_m > 0)
    {
      double extent = min_extent_m * 8.0 / (40075016.7 * cos (center.lat * G_PI / 180.0));

      zoom = MIN (zoom, zoom_to_fit (width, height, extent, extent));
    }

  view->lat = center.lat;
  view->lon = center.lon;
  view->zoom = CLAMP (zoom, DL_MAP_VIEW_MIN_ZOOM, DL_MAP_VIEW_MAX_ZOOM);
}

void
dl_map_view_fit_events (DlMapView  *view,
                        double      width,
                        double      height,
                        GListModel *events)
{
  guint n, n_placed;
  g_autofree double *lons = NULL;
  g_autofree double *lats = NULL;
  DlBBox bbox;

  g_return_if_fail (view != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (events));

  n = g_list_model_get_n_items (events);
  dl_bbox_init_empty (&bbox);
  if (n == 0)
    {
      dl_map_view_fit (view, width, height, &bbox, 0);
      return;
    }

  lons = g_new (double, n);
  lats = g_new (double, n);
  n_placed = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      DlLonLat anchor;

      /* An event without a place (timeline only) is not on the map: its
       * anchor, 0° 0°, would frame the Gulf of Guinea. */
      if (dl_event_get_n_places (event) == 0)
        continue;
      anchor = dl_event_get_anchor (event);
      lons[n_placed] = anchor.lon;
      lats[n_placed] = anchor.lat;
      n_placed++;
    }
  if (n_placed == 0)
    {
      dl_map_view_fit (view, width, height, &bbox, 0);
      return;
    }
  n = n_placed;

  /* The 5th and 95th percentiles (for tiny lists: the extremes), so one far
   * event does not shrink the rest to dots… */
  bbox.west = dl_quantile (lons, n, 0.05 - 0.5 / n);
  bbox.east = dl_quantile (lons, n, 0.95);
  bbox.south = dl_quantile (lats, n, 0.05 - 0.5 / n);
  bbox.north = dl_quantile (lats, n, 0.95);
  dl_map_view_fit (view, width, height, &bbox, 20000);

  /* …but when every event fits at nearly that scale (within one zoom
   * level), all of them are shown: an event just past the percentiles
   * would otherwise sit at the edge, under the legend. */
  {
    DlMapView all;

    bbox.west = dl_quantile (lons, n, 0.0);
    bbox.east = dl_quantile (lons, n, 1.0);
    bbox.south = dl_quantile (lats, n, 0.0);
    bbox.north = dl_quantile (lats, n, 1.0);
    dl_map_view_fit (&all, width, height, &bbox, 20000);
    if (all.zoom >= view->zoom - 1.0)
      *view = all;
  }
}

void
dl_map_view_offset (DlMapView *view,
                    double     dx,
                    double     dy)
{
  double scale, x, y;
  DlLonLat centre;

  g_return_if_fail (view != NULL);

  scale = 256.0 * exp2 (view->zoom);
  dl_geo_project ((DlLonLat) { view->lon, view->lat }, &x, &y);
  centre = dl_geo_unproject (x + dx / scale, CLAMP (y + dy / scale, 0.0, 1.0));
  view->lon = centre.lon;
  view->lat = centre.lat;
}
