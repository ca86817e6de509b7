/* dl-basemap-render-private.h: what the tile renderer (dl-basemap-render.c)
 * shares with the label painter (dl-basemap-labels.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "dl-basemap.h"
#include "dl-basemap-private.h"

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} Rgba;

typedef struct {
  Rgba sea;
  Rgba land;
  Rgba urban;
  Rgba river;
  Rgba border;
  Rgba border_disputed;
  Rgba border_region;
  Rgba pse;
  Rgba pse_halo;
  Rgba text;
  Rgba text_halo;
  Rgba text_country;
  Rgba text_sea;
  Rgba text_territory;
  Rgba text_water;
  Rgba text_neighbourhood;
  Rgba text_region;
  Rgba dot;
} Style;

typedef struct {
  DlBasemap      *basemap;
  cairo_t        *cr;
  const Style    *style;
  const DlBmLod  *lod;
  int             zoom;
  guint           units_log2;
  gint64          tx0, ty0;     /* tile origin, units */
  gint64          tile_units;   /* tile width, units */
  double          k;            /* tile pixels per unit */
  double          gk;           /* tile pixels per grid step */
  double          off_x, off_y; /* tile pixels of the grid origin */
  /* cull rectangle, units */
  gint64          cx0, cy0, cx1, cy1;
  /* decoded points of one geometry, tile pixels */
  double         *buf;
  gsize           buf_len;
} RenderCtx;

static inline void
set_rgba (cairo_t    *cr,
          const Rgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

/* Draws the place labels and their dots over the tile @ctx paints, in
 * language @lang (LANG_EN…), placed as @options says. */
void dl_basemap_draw_labels (RenderCtx                   *ctx,
                             int                          lang,
                             const DlBasemapLabelOptions *options,
                             DlBasemapTileStats          *stats);

G_END_DECLS
