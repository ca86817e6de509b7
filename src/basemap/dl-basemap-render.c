/* dl-basemap-render.c: draws one tile of the offline basemap
 *
 * The data is one memory-mapped file (tools/basemap/README.md): per level of
 * detail a quadtree of land polygons (clipped to the nodes, so a tile only
 * decodes what it touches) and one of border lines (chunks of at most 32
 * points, never clipped, so dashes run on across tiles), plus the place
 * labels with their positions already decided per zoom for the whole map.
 * Label placement is global, so neighbouring tiles agree: a label that
 * straddles a tile edge is drawn whole by both tiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-basemap-render"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "dl-basemap.h"
#include "dl-basemap-private.h"

/* Label geometry: must match tools/basemap/build-basemap */
/* size classes: 0–3 places by size, 4 country, 5 sea, 6 territory, 7 water,
 * 8 neighbourhood, 9 region */
static const double size_px[] = { 11.0, 12.0, 13.0, 15.0, 15.0, 13.0, 13.0, 12.0, 12.0, 12.0 };
static const double dot_radius[] = { 2.0, 2.5, 3.0, 3.5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0 };
static const gboolean size_bold[] = { FALSE, FALSE, FALSE, TRUE, FALSE, FALSE, TRUE, FALSE, TRUE, FALSE };
static const gboolean size_italic[] = { FALSE, FALSE, FALSE, FALSE, FALSE, TRUE, FALSE, TRUE, FALSE, TRUE };
#define LINE_H 1.3
#define LABEL_GAP 2.0
#define LABEL_PAD 3.0
#define ARABIC_SCALE 1.15   /* Arabic script looks small next to Latin at one size */
G_STATIC_ASSERT (G_N_ELEMENTS (size_px) == DL_BASEMAP_N_SIZE_CLASSES);

/* Coordinates further than this from the tile (tile pixels) are clamped so
 * Cairo's fixed-point path coordinates cannot overflow. */
#define COORD_LIMIT 2.0e6

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

static inline void
set_rgba (cairo_t    *cr,
          const Rgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

/* Whether a UTF-8 string has letters of the Arabic block (U+0600–U+06FF). */
static gboolean
has_arabic (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s >= 0xd8 && (guchar) *s <= 0xdb)
      return TRUE;

  return FALSE;
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

/* A label's box in tile pixels: beside its dot on the side @position names
 * (1 right, 2 left, 3 above, 4 below; otherwise centred), everything scaled
 * by @s (the same geometry as the build script's at s = 1). */
static void
label_box (const DlBmPlace *place,
           int              position,
           double           s,
           double           ax,
           double           ay,
           double          *x0,
           double          *y0,
           double          *w,
           double          *h)
{
  double font = size_px[place->size_class] * s;
  double r = dot_radius[place->size_class] * s;
  double gap = LABEL_GAP * s;

  *w = place->width_em * font;
  *h = font * LINE_H;

  switch (position)
    {
    case 1:
      *x0 = ax + r + gap;
      *y0 = ay - *h / 2;
      break;
    case 2:
      *x0 = ax - r - gap - *w;
      *y0 = ay - *h / 2;
      break;
    case 3:
      *x0 = ax - *w / 2;
      *y0 = ay - r - gap - *h;
      break;
    case 4:
      *x0 = ax - *w / 2;
      *y0 = ay + r + gap;
      break;
    default:
      *x0 = ax - *w / 2;
      *y0 = ay - *h / 2;
      break;
    }
}

/* Moves a label box out of a disc, away from its dot on its own side (a
 * centred label goes below). Only global coordinates go in, so every tile
 * moves it the same way. */
static void
clear_disc (int     position,
            double  cx,
            double  cy,
            double  radius,
            double *x0,
            double *y0,
            double  w,
            double  h)
{
  double nx = CLAMP (cx, *x0, *x0 + w);
  double ny = CLAMP (cy, *y0, *y0 + h);

  if ((nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) >= radius * radius)
    return;

  switch (position)
    {
    case 1:
      *x0 = MAX (*x0, cx + radius);
      break;
    case 2:
      *x0 = MIN (*x0, cx - radius - w);
      break;
    case 3:
      *y0 = MIN (*y0, cy - radius - h);
      break;
    default:
      *y0 = MAX (*y0, cy + radius);
      break;
    }
}

static void
draw_dot (RenderCtx       *ctx,
          const DlBmPlace *place,
          double           s,
          double           ax,
          double           ay)
{
  cairo_t *cr = ctx->cr;
  double r = dot_radius[place->size_class] * s;

  if (r <= 0)
    return;

  cairo_new_path (cr);
  if (place->kind == DL_BM_PLACE_CAPITAL)
    {
      cairo_arc (cr, ax, ay, r, 0, 2 * G_PI);
      set_rgba (cr, &ctx->style->text_halo);
      cairo_fill_preserve (cr);
      set_rgba (cr, &ctx->style->dot);
      cairo_set_line_width (cr, 1.3 * s);
      cairo_stroke (cr);
      cairo_arc (cr, ax, ay, r * 0.45, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      cairo_arc (cr, ax, ay, r, 0, 2 * G_PI);
      set_rgba (cr, &ctx->style->dot);
      cairo_fill_preserve (cr);
      set_rgba (cr, &ctx->style->text_halo);
      cairo_set_line_width (cr, 1.0 * s);
      cairo_stroke (cr);
    }
}

static const Rgba *
label_color (RenderCtx       *ctx,
             const DlBmPlace *place)
{
  switch (place->kind)
    {
    case DL_BM_PLACE_COUNTRY:
      return &ctx->style->text_country;
    case DL_BM_PLACE_SEA:
      return &ctx->style->text_sea;
    case DL_BM_PLACE_TERRITORY:
      return &ctx->style->text_territory;
    case DL_BM_PLACE_WATER:
      return &ctx->style->text_water;
    case DL_BM_PLACE_NEIGHBOURHOOD:
      return &ctx->style->text_neighbourhood;
    case DL_BM_PLACE_REGION:
      return &ctx->style->text_region;
    default:
      return &ctx->style->text;
    }
}

static void
draw_labels (RenderCtx                   *ctx,
             int                          lang,
             const DlBasemapLabelOptions *options,
             DlBasemapTileStats          *stats)
{
  DlBasemap *bm = ctx->basemap;
  cairo_t *cr = ctx->cr;
  g_autoptr(PangoLayout) layout = NULL;
  cairo_font_options_t *font_options;
  PangoFontDescription *desc;
  double tile_px = ldexp (1.0, ctx->zoom) * DL_BASEMAP_TILE_SIZE;
  double scale = tile_px / ldexp (1.0, ctx->units_log2);
  double tile_x = (double) (ctx->tx0 >> (ctx->units_log2 - ctx->zoom - 8));
  double tile_y = (double) (ctx->ty0 >> (ctx->units_log2 - ctx->zoom - 8));
  int z = dl_basemap_label_options_layout_zoom (options, ctx->zoom);
  double s = CLAMP (options->scale, 1.0, 4.0);
  double reach = 400 * s;
  double discs[DL_BASEMAP_MAX_AVOID][3];
  guint n_discs = MIN (options->n_avoid, DL_BASEMAP_MAX_AVOID);

  if (z < 0)
    return;

  for (guint d = 0; d < n_discs; d++)
    {
      double sn = sin (CLAMP (options->avoid[d].lat, -85.05112878, 85.05112878) * G_PI / 180.0);

      discs[d][0] = (options->avoid[d].lon + 180.0) / 360.0 * tile_px - tile_x;
      discs[d][1] = (0.5 - log ((1 + sn) / (1 - sn)) / (4 * G_PI)) * tile_px - tile_y;
      discs[d][2] = MAX (0.0, options->avoid[d].radius);
    }

  layout = pango_cairo_create_layout (cr);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), font_options);
  cairo_font_options_destroy (font_options);
  pango_layout_context_changed (layout);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  desc = pango_font_description_new ();
  pango_font_description_set_family_static (desc, "Noto Sans,Noto Sans Arabic,Noto Sans Hebrew,DejaVu Sans,sans-serif");

  for (guint32 i = 0; i < bm->header->n_places; i++)
    {
      const DlBmPlace *place = &bm->places[i];
      int position = place->position[z];
      double ax, ay, x0, y0, w, h, lw, lh, fit, tx, ty, font;
      PangoRectangle ink, logical;
      const char *name;

      if (position == 0)
        continue;

      ax = place->x * scale - tile_x;
      ay = place->y * scale - tile_y;
      if (ax < -reach || ay < -reach / 4 || ax > DL_BASEMAP_TILE_SIZE + reach || ay > DL_BASEMAP_TILE_SIZE + reach / 4)
        continue;

      label_box (place, position, s, ax, ay, &x0, &y0, &w, &h);
      for (guint d = 0; d < n_discs; d++)
        clear_disc (position, discs[d][0], discs[d][1], discs[d][2], &x0, &y0, w, h);

      if (x0 > DL_BASEMAP_TILE_SIZE + LABEL_PAD * s || y0 > DL_BASEMAP_TILE_SIZE + LABEL_PAD * s
          || x0 + w < -LABEL_PAD * s || y0 + h < -LABEL_PAD * s)
        {
          /* the label misses the tile, but the dot may not */
          if (ax > -8 * s && ay > -8 * s && ax < DL_BASEMAP_TILE_SIZE + 8 * s && ay < DL_BASEMAP_TILE_SIZE + 8 * s)
            draw_dot (ctx, place, s, ax, ay);
          continue;
        }

      name = bm->strings + place->name[lang];
      if (*name == '\0')
        name = bm->strings + place->name[LANG_EN];

      font = size_px[place->size_class] * s * (has_arabic (name) ? ARABIC_SCALE : 1.0);
      pango_font_description_set_absolute_size (desc, font * PANGO_SCALE);
      pango_font_description_set_weight (desc, size_bold[place->size_class] ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_font_description_set_style (desc, size_italic[place->size_class] ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, name, -1);
      pango_layout_get_extents (layout, &ink, &logical);
      lw = (double) logical.width / PANGO_SCALE;
      lh = (double) logical.height / PANGO_SCALE;
      if (lw <= 0 || lh <= 0)
        continue;

      /* Never overflow the reserved box: that is what keeps labels apart. */
      fit = MIN (1.0, w / lw);

      switch (position)
        {
        case 1:
          tx = x0;
          break;
        case 2:
          tx = x0 + w - lw * fit;
          break;
        default:
          tx = x0 + (w - lw * fit) / 2;
          break;
        }
      ty = y0 + (h - lh * fit) / 2;

      draw_dot (ctx, place, s, ax, ay);

      cairo_save (cr);
      cairo_translate (cr, tx - logical.x * fit / PANGO_SCALE, ty - logical.y * fit / PANGO_SCALE);
      cairo_scale (cr, fit, fit);
      cairo_move_to (cr, 0, 0);
      if (place->kind != DL_BM_PLACE_SEA && place->kind != DL_BM_PLACE_WATER)
        {
          pango_cairo_layout_path (cr, layout);
          set_rgba (cr, &ctx->style->text_halo);
          cairo_set_line_width (cr, 3.0 * s);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_stroke (cr);
          cairo_move_to (cr, 0, 0);
        }
      set_rgba (cr, label_color (ctx, place));
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);

      if (stats != NULL)
        {
          stats->n_labels++;
          stats->kinds_drawn |= 1u << MIN (place->kind, 31);
          if (stats->names != NULL)
            g_ptr_array_add (stats->names, (gpointer) name);
          if (stats->min_font_px == 0 || font * fit < stats->min_font_px)
            stats->min_font_px = font * fit;
        }
    }

  pango_font_description_free (desc);
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
    draw_labels (&ctx, language_index (language), labels != NULL ? labels : &defaults, stats);

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

void
dl_basemap_label_options_init (DlBasemapLabelOptions *options)
{
  static const DlBasemapLabelOptions defaults = DL_BASEMAP_LABEL_OPTIONS_INIT;

  g_return_if_fail (options != NULL);

  *options = defaults;
}

gboolean
dl_basemap_label_options_add_avoid (DlBasemapLabelOptions *options,
                                    double                 lat,
                                    double                 lon,
                                    double                 radius)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->n_avoid >= DL_BASEMAP_MAX_AVOID)
    return FALSE;

  options->avoid[options->n_avoid++] = (DlBasemapAvoid) { lat, lon, radius };
  return TRUE;
}

gboolean
dl_basemap_label_options_equal (const DlBasemapLabelOptions *a,
                                const DlBasemapLabelOptions *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->scale != b->scale || a->density != b->density || a->n_avoid != b->n_avoid)
    return FALSE;

  for (guint i = 0; i < MIN (a->n_avoid, DL_BASEMAP_MAX_AVOID); i++)
    if (a->avoid[i].lat != b->avoid[i].lat || a->avoid[i].lon != b->avoid[i].lon
        || a->avoid[i].radius != b->avoid[i].radius)
      return FALSE;

  return TRUE;
}

int
dl_basemap_label_options_layout_zoom (const DlBasemapLabelOptions *options,
                                      int                          zoom)
{
  int out = 0;
  double scale;

  g_return_val_if_fail (options != NULL, zoom);

  /* A label s times larger fits where the layout one level out put it when
   * s <= 2 (that layout is the same picture at half the size), two levels
   * out when s <= 4. */
  scale = CLAMP (options->scale, 1.0, 4.0);
  if (scale > 1.0 + 1e-9)
    out = scale <= 2.0 + 1e-9 ? 1 : 2;
  out = MAX (out, (int) CLAMP (options->density, DL_BASEMAP_DENSITY_NORMAL, DL_BASEMAP_DENSITY_FEWEST));

  /* Past the data's last zoom, its layout spreads out further: keep it. */
  return MIN (zoom - out, DL_BASEMAP_MAX_PLACE_ZOOM);
}
