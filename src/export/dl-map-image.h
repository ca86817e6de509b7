/* dl-map-image.h: a map view with its events drawn with Cairo, headless
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

/* Where a map looks: its centre and a (fractional) Web Mercator zoom level,
 * 256 px tiles. */
typedef struct {
  double lat;
  double lon;
  double zoom;
} DlMapView;

typedef enum {
  DL_MAP_IMAGE_NONE        = 0,
  DL_MAP_IMAGE_LEGEND      = 1 << 0,  /* the categories drawn, with their colours */
  DL_MAP_IMAGE_ATTRIBUTION = 1 << 1,  /* the basemap's licence line */
  DL_MAP_IMAGE_DARK        = 1 << 2,  /* the dark basemap style */
} DlMapImageFlags;

#define DL_MAP_IMAGE_DEFAULT (DL_MAP_IMAGE_LEGEND | DL_MAP_IMAGE_ATTRIBUTION)

/* The view that frames @bbox in a width × height image with a margin, never
 * closer than a square @min_extent_m metres wide (a point with a precision
 * shows its halo and some context, not a street). Zoom is kept in 1–14. */
void             dl_map_view_fit      (DlMapView       *view,
                                       double           width,
                                       double           height,
                                       const DlBBox    *bbox,
                                       double           min_extent_m);

/* The view framing the events (a GListModel of DlEvent): all but the outermost
 * 5 % each way, so one distant event does not shrink the rest to a dot. */
void             dl_map_view_fit_events (DlMapView     *view,
                                         double         width,
                                         double         height,
                                         GListModel    *events);

/* Draws the offline basemap (when it can be opened), the events (@selected
 * emphasised, may be NULL), and per @flags a legend and the attribution into
 * the rectangle (0, 0, width, height) of @cr, which it clips to. Needs no
 * display: tiles come from dl_basemap_render_tile, the rest is Cairo and
 * Pango. @tile_scale 2 draws tiles at twice the resolution (print). Any
 * thread. */
void             dl_map_image_draw    (cairo_t         *cr,
                                       double           width,
                                       double           height,
                                       const DlMapView *view,
                                       GListModel      *events,
                                       DlEvent         *selected,
                                       DlMapImageFlags  flags,
                                       int              tile_scale);

/* The same into a new ARGB32 image surface. Returns: (transfer full) */
cairo_surface_t *dl_map_image_render  (int              width,
                                       int              height,
                                       const DlMapView *view,
                                       GListModel      *events,
                                       DlEvent         *selected,
                                       DlMapImageFlags  flags);

G_END_DECLS
