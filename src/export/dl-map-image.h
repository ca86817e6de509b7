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
} DlMapImageFlags;

#define DL_MAP_IMAGE_DEFAULT (DL_MAP_IMAGE_LEGEND | DL_MAP_IMAGE_ATTRIBUTION)

/* Draws the basemap under `view` and the events on it into a width × height
 * area of `cr` (`selected` emphasised), with a legend and the attribution. */
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

/* A cairo_write_func_t that appends to a GByteArray (the closure): PNG and
 * PDF are built in memory, then written atomically. */
cairo_status_t   dl_cairo_append_bytes (void                *closure,
                                        const unsigned char *data,
                                        unsigned int         length);

G_END_DECLS
