/* dl-map-view.c: which part of the map shows what should be seen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dl-event.h"
#include "dl-map-view.h"
#include "dl-stats.h"

/* The most anchors sorted to frame a view (see dl_map_view_fit_events). */
#define MAX_SAMPLE 100000

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

gboolean
dl_map_view_events_extent (GPtrArray *events,
                           GArray    *positions,
                           DlBBox    *main_part,
                           DlBBox    *all)
{
  guint n = positions != NULL ? positions->len : events->len;
  guint n_placed;
  g_autofree double *lons = NULL;
  g_autofree double *lats = NULL;

  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (main_part != NULL && all != NULL, FALSE);

  dl_bbox_init_empty (main_part);
  dl_bbox_init_empty (all);
  if (n == 0)
    return FALSE;

  lons = g_new (double, n);
  lats = g_new (double, n);
  n_placed = 0;
  all->west = all->south = G_MAXDOUBLE;
  all->east = all->north = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      DlEvent *event = g_ptr_array_index (events, positions != NULL ? g_array_index (positions, guint, i) : i);
      DlLonLat anchor;

      /* An event without a place (timeline only) is not on the map: its
       * anchor, 0° 0°, would frame the Gulf of Guinea. */
      if (dl_event_get_n_places (event) == 0)
        continue;
      anchor = dl_event_get_anchor (event);
      lons[n_placed] = anchor.lon;
      lats[n_placed] = anchor.lat;
      all->west = MIN (all->west, anchor.lon);
      all->east = MAX (all->east, anchor.lon);
      all->south = MIN (all->south, anchor.lat);
      all->north = MAX (all->north, anchor.lat);
      n_placed++;
    }
  if (n_placed == 0)
    {
      dl_bbox_init_empty (all);
      return FALSE;
    }

  /* Past MAX_SAMPLE events, the percentiles of an even sample of them:
   * sorting a million anchors would stall the main loop where a window
   * frames its first view. The extremes come from all of them. */
  n = n_placed;
  if (n > MAX_SAMPLE)
    {
      guint stride = n / MAX_SAMPLE + 1, m = 0;

      for (guint i = 0; i < n; i += stride, m++)
        {
          lons[m] = lons[i];
          lats[m] = lats[i];
        }
      n = m;
    }
  qsort (lons, n, sizeof (double), dl_compare_doubles);
  qsort (lats, n, sizeof (double), dl_compare_doubles);

  /* The 5th and 95th percentiles (for tiny lists: the extremes), so one far
   * event does not shrink the rest to dots… */
  main_part->west = dl_quantile_sorted (lons, n, 0.05 - 0.5 / n);
  main_part->east = dl_quantile_sorted (lons, n, 0.95);
  main_part->south = dl_quantile_sorted (lats, n, 0.05 - 0.5 / n);
  main_part->north = dl_quantile_sorted (lats, n, 0.95);
  return TRUE;
}

void
dl_map_view_fit_extent (DlMapView    *view,
                        double        width,
                        double        height,
                        const DlBBox *main_part,
                        const DlBBox *all)
{
  DlMapView whole;

  g_return_if_fail (view != NULL);
  g_return_if_fail (main_part != NULL && all != NULL);

  if (dl_bbox_is_empty (all))
    {
      dl_map_view_fit (view, width, height, all, 0);
      return;
    }

  dl_map_view_fit (view, width, height, main_part, 20000);

  /* …but when every event fits at nearly that scale (within one zoom
   * level), all of them are shown: an event just past the percentiles
   * would otherwise sit at the edge, under the legend. */
  dl_map_view_fit (&whole, width, height, all, 20000);
  if (whole.zoom >= view->zoom - 1.0)
    *view = whole;
}

void
dl_map_view_fit_events (DlMapView  *view,
                        double      width,
                        double      height,
                        GListModel *events)
{
  guint n;
  g_autoptr(GPtrArray) array = NULL;
  DlBBox main_part, all;

  g_return_if_fail (view != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (events));

  n = g_list_model_get_n_items (events);
  array = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (events, i));

  dl_map_view_events_extent (array, NULL, &main_part, &all);
  dl_map_view_fit_extent (view, width, height, &main_part, &all);
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
