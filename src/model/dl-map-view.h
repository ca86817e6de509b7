/* dl-map-view.h: which part of the map shows what should be seen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-geo.h"

G_BEGIN_DECLS

/* A centre and a Web Mercator zoom level (256 px tiles). */
typedef struct {
  double lat;
  double lon;
  double zoom;
} DlMapView;

#define DL_MAP_VIEW_MIN_ZOOM 1.0
#define DL_MAP_VIEW_MAX_ZOOM 14.0

/* The view of a width × height area showing `bbox` with a margin; a point
 * with a precision (min_extent_m > 0) is shown with its halo and some
 * context around it, not at street level. */
void dl_map_view_fit        (DlMapView    *view,
                             double        width,
                             double        height,
                             const DlBBox *bbox,
                             double        min_extent_m);
/* The view of a list of DlEvent's main part: all but the outermost 5 % each
 * way, so one distant event does not shrink the rest to a dot. */
void dl_map_view_fit_events (DlMapView    *view,
                             double        width,
                             double        height,
                             GListModel   *events);
/* What dl_map_view_fit_events() frames, in two steps: the main part's box
 * and every placed event's box, of events[positions[0]]… (all of @events
 * when @positions is NULL; FALSE when none has a place), reading the
 * events only, so a thread may compute it (the loading thread does for
 * all of a dataset's events, dl-event-facets.c); then the view of them. */
gboolean dl_map_view_events_extent (GPtrArray    *events,
                                    GArray       *positions,
                                    DlBBox       *main_part,
                                    DlBBox       *all);
void dl_map_view_fit_extent (DlMapView    *view,
                             double        width,
                             double        height,
                             const DlBBox *main_part,
                             const DlBBox *all);

/* Moves the view's centre by (dx, dy) pixels at its zoom (x east, y south),
 * e.g. to centre what was fitted into the part of a map that overlays
 * leave free. */
void dl_map_view_offset     (DlMapView    *view,
                             double        dx,
                             double        dy);

G_END_DECLS
