/* dl-map-image.h: a map view with its events drawn with Cairo, headless
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dl-dataset.h"
#include "dl-map-view.h"

G_BEGIN_DECLS

typedef enum {
  DL_MAP_IMAGE_NONE        = 0,
  DL_MAP_IMAGE_LEGEND      = 1 << 0,  /* the categories drawn, with their colours */
  DL_MAP_IMAGE_ATTRIBUTION = 1 << 1,  /* the basemap's licence line */
  DL_MAP_IMAGE_DARK        = 1 << 2,  /* the dark basemap style */
  DL_MAP_IMAGE_SCALE_BAR   = 1 << 3,  /* a scale bar, bottom left */
  DL_MAP_IMAGE_LOCATOR     = 1 << 4,  /* past region scale, an inset map (top left) shows where the view lies */
  DL_MAP_IMAGE_NO_CLUSTERS = 1 << 5,  /* every event its own mark, no count badges */
} DlMapImageFlags;

#define DL_MAP_IMAGE_DEFAULT (DL_MAP_IMAGE_LEGEND | DL_MAP_IMAGE_ATTRIBUTION)

/* How much bigger than on screen marks and text are drawn in a width ×
 * height image (1 at 720 px). */
double           dl_map_image_get_unit (double          width,
                                        double          height);
/* The view of a width × height image that shows every event of @events
 * (none left out) with a margin wide enough for their marks. */
void             dl_map_image_fit     (DlMapView       *view,
                                       double           width,
                                       double           height,
                                       GListModel      *events);

/* Draws the basemap under `view` and the events on it into a width × height
 * area of `cr` (`selected` emphasised), with a legend and the attribution;
 * the categories in the colours and names of @dataset (NULL: the built-in
 * ones). */
void             dl_map_image_draw    (cairo_t         *cr,
                                       double           width,
                                       double           height,
                                       const DlMapView *view,
                                       DlDataset       *dataset,
                                       GListModel      *events,
                                       DlEvent         *selected,
                                       DlMapImageFlags  flags,
                                       int              tile_scale);

/* Past this zoom a map shows a town or less: a locator inset says where. */
#define DL_MAP_IMAGE_LOCATOR_MIN_ZOOM 7.0

/* The smallest label the built-in map draws at its normal size, px. */
#define DL_MAP_IMAGE_SMALLEST_LABEL_PX 11.0

/* A locator inset of width × height at the origin of @cr: the region
 * around @view (the main map's view of main_width × main_height), with the
 * main map's extent outlined in red. @label_px > 0: its labels are at least
 * that large, and fewer (a slide's inset, read from the back of a room);
 * 0: the map's own sizes. */
void             dl_map_image_draw_locator (cairo_t         *cr,
                                            double           width,
                                            double           height,
                                            const DlMapView *view,
                                            double           main_width,
                                            double           main_height,
                                            gboolean         dark,
                                            int              tile_scale,
                                            double           unit,
                                            double           label_px);

/* The same into a new ARGB32 image surface. Returns: (transfer full) */
cairo_surface_t *dl_map_image_render  (int              width,
                                       int              height,
                                       const DlMapView *view,
                                       DlDataset       *dataset,
                                       GListModel      *events,
                                       DlEvent         *selected,
                                       DlMapImageFlags  flags);

/* A cairo_write_func_t that appends to a GByteArray (the closure): PNG and
 * PDF are built in memory, then written atomically. */
cairo_status_t   dl_cairo_append_bytes (void                *closure,
                                        const unsigned char *data,
                                        unsigned int         length);

G_END_DECLS
