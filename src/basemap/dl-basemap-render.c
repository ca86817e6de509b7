/* dl-basemap-render.c: draws one tile of the offline basemap
 *
 * The data is one memory-mapped file (tools/basemap/README.md): per level of
 * detail a quadtree of land polygons (clipped to the nodes, so a tile only
 * decodes what it touches) and one of border lines (chunks of at most 32
 * points, never clipped, so dashes run on across tiles), plus the place
 * labels with their positions already decided per zoom for the whole map.
 * Label placement is global, so neighbouring tiles agree: a label that
 * straddles a tile edge is drawn whole by both tiles. The labels are drawn
 * by dl-basemap-labels.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-basemap-render"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "dl-basemap-render-private.h"

/* Coordinates further than this from the tile (tile pixels) are clamped so
 * Cairo's fixed-point path coordinates cannot overflow. */
#define COORD_LIMIT 2.0e6

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }
#define RGBA(hex, alpha) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, alpha }

/* Every label colour has a WCAG contrast of at least 4.5:1 (AA) against
 * sea, land and built-up fill, in both styles, so labels stay readable on a
 * projector (tests/basemap/test-basemap.c checks it). */
static const Style styles[] = {
  [DL_BASEMAP_STYLE_LIGHT] = {
    .sea = RGB (0xc4d8e4),
    .land = RGB (0xf3f0e8),
    .urban = RGB (0xe6dfd2),
    .river = RGB (0x9fbfd3),
    .border = RGB (0x9c8fa3),
    .border_disputed = RGB (0x9c8fa3),
    .border_region = RGB (0xbcb1c0),
    .pse = RGB (0x7e5a86),
    .pse_halo = RGBA (0x7e5a86, 0.16),
    .text = RGB (0x2e3436),
    .text_halo = RGBA (0xf8f6f1, 0.92),
    .text_country = RGB (0x5e5364),
    .text_sea = RGB (0x2f5670),
    .text_territory = RGB (0x5e3d66),
    .text_water = RGB (0x2f5670),
    .text_neighbourhood = RGB (0x4a4238),
    .text_region = RGB (0x5e5364),
    .dot = RGB (0x4a4f55),
  },
  [DL_BASEMAP_STYLE_DARK] = {
    /* sea and land further apart than a plain dark theme: projectors wash
     * dark greys out */
    .sea = RGB (0x131d27),
    .land = RGB (0x3a3d44),
    .urban = RGB (0x43464e),
    .river = RGB (0x2b4356),
    .border = RGB (0x847d8c),
    .border_disputed = RGB (0x847d8c),
    .border_region = RGB (0x5c5663),
    .pse = RGB (0xb993c2),
    .pse_halo = RGBA (0xb993c2, 0.14),
    .text = RGB (0xeceae6),
    .text_halo = RGBA (0x1e1f22, 0.88),
    .text_country = RGB (0xc3bcc8),
    .text_sea = RGB (0x9cc0d8),
    .text_territory = RGB (0xd8bfdf),
    .text_water = RGB (0x9cc0d8),
    .text_neighbourhood = RGB (0xe2d9c8),
    .text_region = RGB (0xc3bcc8),
    .dot = RGB (0xc8c6c2),
  },
};

static int
language_index (const char *language)
{
  const char *resolved = dl_basemap_resolve_language (language);

  for (guint i = 0; i < G_N_ELEMENTS (lang_codes); i++)
    if (g_str_equal (resolved, lang_codes[i]))
      return (int) i;

  return LANG_EN;
}

static inline gboolean
read_varint (const guint8 **p,
             const guint8  *end,
             gint64        *out)
{
  guint64 v = 0;
  guint shift = 0;

  while (*p < end && shift < 64)
    {
      guint8 b = *(*p)++;

      v |= (guint64) (b & 0x7f) << shift;
      if ((b & 0x80) == 0)
        {
          *out = (gint64) (v >> 1) ^ -(gint64) (v & 1);
          return TRUE;
        }
      shift += 7;
    }

  return FALSE;
}

static inline double
clamp_coord (double v)
{
  return CLAMP (v, -COORD_LIMIT, COORD_LIMIT);
}

/* Decodes a geometry into ctx->buf (x, y pairs in tile pixels). Returns the
 * number of points decoded. */
static guint
decode_geom (RenderCtx      *ctx,
             const DlBmGeom *geom)
{
  const DlBmHeader *h = ctx->basemap->header;
  const guint8 *p = ctx->basemap->points + geom->offset;
  const guint8 *end = ctx->basemap->points + h->points_size;
  gint64 gx = 0, gy = 0;
  guint n;

  if (ctx->buf_len < geom->n_points)
    {
      ctx->buf_len = MAX (geom->n_points, ctx->buf_len * 2);
      ctx->buf = g_renew (double, ctx->buf, 2 * ctx->buf_len);
    }

  for (n = 0; n < geom->n_points; n++)
    {
      gint64 dx, dy;

      if (!read_varint (&p, end, &dx) || !read_varint (&p, end, &dy))
        break;
      gx += dx;
      gy += dy;
      ctx->buf[2 * n] = clamp_coord (gx * ctx->gk - ctx->off_x);
      ctx->buf[2 * n + 1] = clamp_coord (gy * ctx->gk - ctx->off_y);
    }

  return n;
}

typedef struct {
  guint32 node;
  guint32 depth;
  gint64  x, y;
} WalkItem;

typedef void (*VisitFunc) (RenderCtx      *ctx,
                           const DlBmNode *node,
                           gint64          nx,
                           gint64          ny,
                           gint64          size,
                           gpointer        user_data);

/* Visits every node of a quadtree whose square meets the cull rectangle.
 * visit returns nothing; a FULL node's children are still visited. */
static void
walk_tree (RenderCtx *ctx,
           guint32    root,
           gboolean   stop_at_full,
           VisitFunc  visit,
           gpointer   user_data)
{
  const DlBasemap *bm = ctx->basemap;
  WalkItem stack[4 * 32 + 8];
  guint top = 0;

  stack[top++] = (WalkItem) { root, 0, 0, 0 };

  while (top > 0)
    {
      WalkItem it = stack[--top];
      const DlBmNode *node = &bm->nodes[it.node];
      gint64 size = (gint64) 1 << (ctx->units_log2 - MIN (it.depth, ctx->units_log2));

      if (it.x >= ctx->cx1 || it.x + size <= ctx->cx0
          || it.y >= ctx->cy1 || it.y + size <= ctx->cy0)
        continue;

      visit (ctx, node, it.x, it.y, size, user_data);

      if (stop_at_full && (node->flags & DL_BM_NODE_FULL))
        continue;

      if (node->first_child != 0 && it.depth < ctx->units_log2 && top + 4 <= G_N_ELEMENTS (stack))
        {
          gint64 half = size / 2;

          for (int i = 3; i >= 0; i--)
            stack[top++] = (WalkItem) { node->first_child + i, it.depth + 1,
                                        it.x + (i & 1) * half, it.y + (i >> 1) * half };
        }
    }
}

typedef struct {
  guint16 kind;     /* the area geometries to draw */
  guint   n_parts;
} AreaWalk;

static void
visit_land (RenderCtx      *ctx,
            const DlBmNode *node,
            gint64          nx,
            gint64          ny,
            gint64          size,
            gpointer        user_data)
{
  cairo_t *cr = ctx->cr;
  AreaWalk *walk = user_data;
  guint *n_parts = &walk->n_parts;

  if (node->flags & DL_BM_NODE_FULL)
    {
      /* clamp the square to the cull rectangle */
      gint64 x0 = MAX (nx, ctx->cx0), y0 = MAX (ny, ctx->cy0);
      gint64 x1 = MIN (nx + size, ctx->cx1), y1 = MIN (ny + size, ctx->cy1);

      cairo_rectangle (cr, (x0 - ctx->tx0) * ctx->k, (y0 - ctx->ty0) * ctx->k,
                       (x1 - x0) * ctx->k, (y1 - y0) * ctx->k);
      (*n_parts)++;
      return;
    }

  for (guint32 g = 0; g < node->geom_count; g++)
    {
      const DlBmGeom *geom = &ctx->basemap->geoms[node->geom_first + g];
      guint n;

      if (geom->kind != walk->kind)
        continue;

      n = decode_geom (ctx, geom);
      if (n < 3)
        continue;

      cairo_move_to (cr, ctx->buf[0], ctx->buf[1]);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, ctx->buf[2 * i], ctx->buf[2 * i + 1]);
      cairo_close_path (cr);
      (*n_parts)++;
    }
}

typedef struct {
  GArray *by_kind[5];   /* of guint32 geometry indexes: border, disputed, PSE, river, region */
} LineLists;

static void
visit_lines (RenderCtx      *ctx,
             const DlBmNode *node,
             gint64          nx G_GNUC_UNUSED,
             gint64          ny G_GNUC_UNUSED,
             gint64          size G_GNUC_UNUSED,
             gpointer        user_data)
{
  LineLists *lists = user_data;

  for (guint32 g = 0; g < node->geom_count; g++)
    {
      guint32 index = node->geom_first + g;
      const DlBmGeom *geom = &ctx->basemap->geoms[index];
      int slot;

      switch (geom->kind)
        {
        case DL_BM_GEOM_BORDER:
          slot = 0;
          break;
        case DL_BM_GEOM_BORDER_DISPUTED:
          slot = 1;
          break;
        case DL_BM_GEOM_BORDER_PSE:
          slot = 2;
          break;
        case DL_BM_GEOM_RIVER:
          slot = 3;
          break;
        case DL_BM_GEOM_REGION_BORDER:
          slot = 4;
          break;
        default:
          continue;
        }

      g_array_append_val (lists->by_kind[slot], index);
    }
}

/* Adds a line chunk to the path if it touches the tile; returns whether it did. */
static gboolean
add_line (RenderCtx      *ctx,
          const DlBmGeom *geom,
          double          margin)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  guint n = decode_geom (ctx, geom);

  if (n < 2)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      x0 = MIN (x0, ctx->buf[2 * i]);
      x1 = MAX (x1, ctx->buf[2 * i]);
      y0 = MIN (y0, ctx->buf[2 * i + 1]);
      y1 = MAX (y1, ctx->buf[2 * i + 1]);
    }

  if (x1 < -margin || y1 < -margin
      || x0 > DL_BASEMAP_TILE_SIZE + margin || y0 > DL_BASEMAP_TILE_SIZE + margin)
    return FALSE;

  cairo_move_to (ctx->cr, ctx->buf[0], ctx->buf[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (ctx->cr, ctx->buf[2 * i], ctx->buf[2 * i + 1]);

  return TRUE;
}

static void
stroke_lines (RenderCtx    *ctx,
              GArray       *indexes,
              const Rgba   *color,
              double        width,
              const double *dashes,
              int           n_dashes)
{
  cairo_t *cr = ctx->cr;
  double margin = width + 2;

  if (indexes->len == 0)
    return;

  set_rgba (cr, color);
  cairo_set_line_width (cr, width);

  if (n_dashes == 0)
    {
      gboolean any = FALSE;

      cairo_set_dash (cr, NULL, 0, 0);
      for (guint i = 0; i < indexes->len; i++)
        any |= add_line (ctx, &ctx->basemap->geoms[g_array_index (indexes, guint32, i)], margin);
      if (any)
        cairo_stroke (cr);
      else
        cairo_new_path (cr);
      return;
    }

  /* Dashed: each chunk starts its dash where the previous one ended, so the
   * pattern runs on across chunks and tiles. */
  for (guint i = 0; i < indexes->len; i++)
    {
      const DlBmGeom *geom = &ctx->basemap->geoms[g_array_index (indexes, guint32, i)];
      double scale = ldexp (1.0, ctx->zoom - ctx->lod->zoom);

      if (!add_line (ctx, geom, margin))
        continue;
      cairo_set_dash (cr, dashes, n_dashes, geom->dash_start * scale);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);
}

static double
border_width (int zoom)
{
  if (zoom <= 3)
    return 0.6;
  if (zoom <= 5)
    return 0.8;
  if (zoom <= 8)
    return 1.0;
  return 1.3;
}

static void
draw_lines (RenderCtx *ctx)
{
  LineLists lists;
  double w = border_width (ctx->zoom);
  double pse_w = ctx->zoom >= 7 ? w + 0.5 : w + 0.2;
  const double disputed_dash[] = { 4.0, 3.0 };
  const double pse_dash[] = { 5.0, 2.5 };
  const double region_dash[] = { 3.0, 2.0 };

  for (guint i = 0; i < G_N_ELEMENTS (lists.by_kind); i++)
    lists.by_kind[i] = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 64);

  walk_tree (ctx, ctx->lod->line_root, FALSE, visit_lines, &lists);

  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);

  /* rivers under everything, wider as the map comes closer */
  if (ctx->zoom >= 5)
    stroke_lines (ctx, lists.by_kind[3], &ctx->style->river,
                  CLAMP (0.6 + 0.35 * (ctx->zoom - 5), 0.6, 4.0), NULL, 0);
  if (ctx->zoom >= 6)
    stroke_lines (ctx, lists.by_kind[4], &ctx->style->border_region, ctx->zoom >= 9 ? 1.0 : 0.7,
                  region_dash, 2);

  stroke_lines (ctx, lists.by_kind[0], &ctx->style->border, w, NULL, 0);
  stroke_lines (ctx, lists.by_kind[1], &ctx->style->border_disputed, w, disputed_dash, 2);
  if (ctx->zoom >= 7)
    stroke_lines (ctx, lists.by_kind[2], &ctx->style->pse_halo, ctx->zoom >= 10 ? 7.0 : 5.0, NULL, 0);
  cairo_set_line_cap (ctx->cr, CAIRO_LINE_CAP_BUTT);
  stroke_lines (ctx, lists.by_kind[2], &ctx->style->pse, pse_w, pse_dash, 2);

  for (guint i = 0; i < G_N_ELEMENTS (lists.by_kind); i++)
    g_array_unref (lists.by_kind[i]);
}
/* Fills one area tree's polygons as one path, non-zero winding, so pieces
 * cut by the quadtree join without seams. */
static void
fill_areas (RenderCtx  *ctx,
            guint32     root,
            guint16     kind,
            const Rgba *color)
{
  AreaWalk walk = { kind, 0 };

  walk_tree (ctx, root, TRUE, visit_land, &walk);
  if (walk.n_parts > 0)
    {
      cairo_set_fill_rule (ctx->cr, CAIRO_FILL_RULE_WINDING);
      set_rgba (ctx->cr, color);
      cairo_fill (ctx->cr);
    }
  cairo_new_path (ctx->cr);
}

static const DlBmLod *
pick_lod (DlBasemap *self,
          int        zoom)
{
  for (guint32 i = 0; i < self->header->n_lods; i++)
    if (self->lods[i].zoom >= zoom)
      return &self->lods[i];

  return &self->lods[self->header->n_lods - 1];
}

void
dl_basemap_style_get_colors (DlBasemapStyle style,
                             double         sea[3],
                             double         land[3])
{
  const Style *s;

  g_return_if_fail (style == DL_BASEMAP_STYLE_LIGHT || style == DL_BASEMAP_STYLE_DARK);

  s = &styles[style];
  sea[0] = s->sea.r;
  sea[1] = s->sea.g;
  sea[2] = s->sea.b;
  land[0] = s->land.r;
  land[1] = s->land.g;
  land[2] = s->land.b;
}

void
dl_basemap_style_get_color (DlBasemapStyle style,
                            DlBasemapColor which,
                            double         rgb[3])
{
  const Style *s;
  const Rgba *c;

  g_return_if_fail (style == DL_BASEMAP_STYLE_LIGHT || style == DL_BASEMAP_STYLE_DARK);
  g_return_if_fail (which < DL_BASEMAP_N_COLORS);

  s = &styles[style];
  switch (which)
    {
    case DL_BASEMAP_COLOR_SEA: c = &s->sea; break;
    case DL_BASEMAP_COLOR_LAND: c = &s->land; break;
    case DL_BASEMAP_COLOR_URBAN: c = &s->urban; break;
    case DL_BASEMAP_COLOR_TEXT: c = &s->text; break;
    case DL_BASEMAP_COLOR_TEXT_COUNTRY: c = &s->text_country; break;
    case DL_BASEMAP_COLOR_TEXT_SEA: c = &s->text_sea; break;
    case DL_BASEMAP_COLOR_TEXT_TERRITORY: c = &s->text_territory; break;
    case DL_BASEMAP_COLOR_TEXT_WATER: c = &s->text_water; break;
    case DL_BASEMAP_COLOR_TEXT_NEIGHBOURHOOD: c = &s->text_neighbourhood; break;
    case DL_BASEMAP_COLOR_TEXT_REGION: c = &s->text_region; break;
    case DL_BASEMAP_N_COLORS:
    default: g_return_if_reached ();
    }

  rgb[0] = c->r;
  rgb[1] = c->g;
  rgb[2] = c->b;
}

cairo_surface_t *
dl_basemap_render_tile_full (DlBasemap                   *basemap,
                             DlBasemapStyle               style,
                             const char                  *language,
                             const DlBasemapLabelOptions *labels,
                             int                          zoom,
                             int                          x,
                             int                          y,
                             int                          scale_factor,
                             DlBasemapTileStats          *stats)
{
  static const DlBasemapLabelOptions defaults = DL_BASEMAP_LABEL_OPTIONS_INIT;
  RenderCtx ctx = { 0 };
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 margin;

  g_return_val_if_fail (DL_IS_BASEMAP (basemap), NULL);
  g_return_val_if_fail (style == DL_BASEMAP_STYLE_LIGHT || style == DL_BASEMAP_STYLE_DARK, NULL);
  g_return_val_if_fail (zoom >= 0 && zoom <= 20, NULL);
  g_return_val_if_fail (x >= 0 && (x >> zoom) == 0, NULL);
  g_return_val_if_fail (y >= 0 && (y >> zoom) == 0, NULL);
  g_return_val_if_fail (scale_factor >= 1 && scale_factor <= 4, NULL);

  if (stats != NULL)
    {
      stats->n_labels = 0;
      stats->min_font_px = 0;
      stats->kinds_drawn = 0;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        DL_BASEMAP_TILE_SIZE * scale_factor,
                                        DL_BASEMAP_TILE_SIZE * scale_factor);
  cr = cairo_create (surface);
  cairo_scale (cr, scale_factor, scale_factor);

  ctx.basemap = basemap;
  ctx.cr = cr;
  ctx.style = &styles[style];
  ctx.zoom = zoom;
  ctx.units_log2 = basemap->header->units_log2;
  ctx.lod = pick_lod (basemap, zoom);
  ctx.tile_units = (gint64) 1 << (ctx.units_log2 - zoom);
  ctx.tx0 = (gint64) x * ctx.tile_units;
  ctx.ty0 = (gint64) y * ctx.tile_units;
  ctx.k = (double) DL_BASEMAP_TILE_SIZE / (double) ctx.tile_units;
  ctx.gk = ctx.k * (double) ((gint64) 1 << ctx.lod->shift);
  ctx.off_x = ctx.tx0 * ctx.k;
  ctx.off_y = ctx.ty0 * ctx.k;

  /* sea */
  set_rgba (cr, &ctx.style->sea);
  cairo_paint (cr);

  /* land: one path, non-zero winding, so pieces cut by the quadtree join
   * without seams */
  margin = ctx.tile_units / 64;
  ctx.cx0 = ctx.tx0 - margin;
  ctx.cy0 = ctx.ty0 - margin;
  ctx.cx1 = ctx.tx0 + ctx.tile_units + margin;
  ctx.cy1 = ctx.ty0 + ctx.tile_units + margin;
  fill_areas (&ctx, ctx.lod->land_root, DL_BM_GEOM_LAND, &ctx.style->land);
  /* built-up areas, then lakes (in the sea's colour) */
  if (zoom >= 6)
    fill_areas (&ctx, ctx.lod->urban_root, DL_BM_GEOM_URBAN, &ctx.style->urban);
  fill_areas (&ctx, ctx.lod->water_root, DL_BM_GEOM_WATER, &ctx.style->sea);

  /* borders: chunks are found by their quadtree node, which holds the whole
   * chunk, so look a little around the tile */
  margin = ctx.tile_units / 16;
  ctx.cx0 = ctx.tx0 - margin;
  ctx.cy0 = ctx.ty0 - margin;
  ctx.cx1 = ctx.tx0 + ctx.tile_units + margin;
  ctx.cy1 = ctx.ty0 + ctx.tile_units + margin;
  draw_lines (&ctx);

  /* labels */
  if (zoom + 8 <= (int) ctx.units_log2)
    dl_basemap_draw_labels (&ctx, language_index (language), labels != NULL ? labels : &defaults, stats);

  g_free (ctx.buf);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

cairo_surface_t *
dl_basemap_render_tile (DlBasemap      *basemap,
                        DlBasemapStyle  style,
                        const char     *language,
                        int             zoom,
                        int             x,
                        int             y,
                        int             scale_factor)
{
  return dl_basemap_render_tile_full (basemap, style, language, NULL, zoom, x, y, scale_factor, NULL);
}
