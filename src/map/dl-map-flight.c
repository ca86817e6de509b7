/* dl-map-flight.c: animated flights between map views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-map-flight"

#include <math.h>

#include "dl-geo.h"
#include "dl-map-flight.h"

#define FLIGHT_KEY "dl-map-flight"

typedef struct {
  ShumateMap *map;      /* unowned: the flight lives on it */
  guint       tick_id;
  gint64      start_us;
  double      duration_us;
  double      from_x, from_y, from_zoom;
  double      to_x, to_y, to_zoom;
  double      bump;     /* how far the zoom dips mid-flight */
} Flight;

static void
flight_free (gpointer data)
{
  Flight *flight = data;

  if (flight->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (flight->map), flight->tick_id);
  g_free (flight);
}

static double
ease_in_out (double t)
{
  return t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
}

static double
compute_bump (ShumateMap *map,
              double      dx,
              double      dy,
              double      from_zoom,
              double      to_zoom)
{
  double view = MAX (MAX (gtk_widget_get_width (GTK_WIDGET (map)), gtk_widget_get_height (GTK_WIDGET (map))), 256);
  double distance = hypot (dx, dy) * 256.0 * exp2 (MIN (from_zoom, to_zoom));

  /* Dip just far enough that both ends fit in the view halfway through. */
  return distance > view ? log2 (distance / view) + 0.5 : 0.0;
}

static void
apply (Flight *flight,
       double  t)
{
  ShumateViewport *viewport = shumate_map_get_viewport (flight->map);
  double e = ease_in_out (t);
  double zoom = flight->from_zoom + (flight->to_zoom - flight->from_zoom) * e - flight->bump * sin (G_PI * e);
  DlLonLat position = dl_geo_unproject (flight->from_x + (flight->to_x - flight->from_x) * e,
                                        flight->from_y + (flight->to_y - flight->from_y) * e);

  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport), shumate_viewport_get_max_zoom_level (viewport));
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), position.lat, position.lon);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Flight *flight = user_data;
  double t = (gdk_frame_clock_get_frame_time (clock) - flight->start_us) / flight->duration_us;

  /* apply() moves the viewport, and what follows it may start another
   * flight, which frees this one: nothing of it is touched afterwards. */
  if (t < 1.0)
    {
      apply (flight, MAX (t, 0.0));
      return G_SOURCE_CONTINUE;
    }

  /* The last step: this callback ends by returning, not by being removed,
   * and the flight is let go of before the viewport moves. */
  flight->tick_id = 0;
  g_object_steal_data (G_OBJECT (widget), FLIGHT_KEY);
  apply (flight, 1.0);
  g_free (flight);

  return G_SOURCE_REMOVE;
}

void
dl_map_fly_to (ShumateMap *map,
               double      latitude,
               double      longitude,
               double      zoom,
               guint       duration_ms)
{
  ShumateViewport *viewport;
  DlLonLat from;
  DlLonLat to = { longitude, latitude };
  Flight *flight;
  GdkFrameClock *clock;

  g_return_if_fail (SHUMATE_IS_MAP (map));

  viewport = shumate_map_get_viewport (map);
  g_object_set_data (G_OBJECT (map), FLIGHT_KEY, NULL);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (map));
  if (!gtk_widget_get_mapped (GTK_WIDGET (map)) || clock == NULL || duration_ms == 0)
    {
      shumate_viewport_set_zoom_level (viewport, zoom);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), latitude, longitude);
      return;
    }

  from.lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  from.lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));

  flight = g_new0 (Flight, 1);
  flight->map = map;
  flight->start_us = gdk_frame_clock_get_frame_time (clock);
  flight->duration_us = duration_ms * 1000.0;
  flight->from_zoom = shumate_viewport_get_zoom_level (viewport);
  flight->to_zoom = zoom;
  dl_geo_project (from, &flight->from_x, &flight->from_y);
  dl_geo_project (to, &flight->to_x, &flight->to_y);
  flight->bump = compute_bump (map, flight->to_x - flight->from_x, flight->to_y - flight->from_y,
                               flight->from_zoom, flight->to_zoom);
  flight->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (map), on_tick, flight, NULL);

  g_object_set_data_full (G_OBJECT (map), FLIGHT_KEY, flight, flight_free);
}

gboolean
dl_map_is_flying (ShumateMap *map)
{
  g_return_val_if_fail (SHUMATE_IS_MAP (map), FALSE);

  return g_object_get_data (G_OBJECT (map), FLIGHT_KEY) != NULL;
}

double
dl_map_flight_apex (ShumateMap *map,
                    double      from_latitude,
                    double      from_longitude,
                    double      from_zoom,
                    double      to_latitude,
                    double      to_longitude,
                    double      to_zoom)
{
  DlLonLat from = { from_longitude, from_latitude };
  DlLonLat to = { to_longitude, to_latitude };
  double fx, fy, tx, ty;
  double bump;
  double apex = MIN (from_zoom, to_zoom);

  g_return_val_if_fail (SHUMATE_IS_MAP (map), 0.0);

  dl_geo_project (from, &fx, &fy);
  dl_geo_project (to, &tx, &ty);
  bump = compute_bump (map, tx - fx, ty - fy, from_zoom, to_zoom);

  /* Sample the path: the dip need not sit exactly halfway. */
  for (int i = 0; i <= 100; i++)
    {
      double e = ease_in_out (i / 100.0);

      apex = MIN (apex, from_zoom + (to_zoom - from_zoom) * e - bump * sin (G_PI * e));
    }

  return apex;
}
