/* dl-map-flight.h: animated flights between map views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

/* Flies the map to a place and zoom. When the two views are far apart the
 * zoom leaves out and comes back in, so the wider context shows on the way
 * (e.g. Doha → Gaza); nearby, it glides. Not mapped: it jumps. A new flight
 * replaces the one under way. */
void     dl_map_fly_to      (ShumateMap *map,
                             double      latitude,
                             double      longitude,
                             double      zoom,
                             guint       duration_ms);
gboolean dl_map_is_flying   (ShumateMap *map);
/* The lowest zoom a flight between two views passes through (for tests). */
double   dl_map_flight_apex (ShumateMap *map,
                             double      from_latitude,
                             double      from_longitude,
                             double      from_zoom,
                             double      to_latitude,
                             double      to_longitude,
                             double      to_zoom);

G_END_DECLS
