/* dl-basemap-labels.c: the place labels of a basemap tile
 *
 * Its own file because labels are text, not geometry: sizes and fonts per
 * size class, Arabic set larger, boxes beside their dots moved out of the
 * discs the caller wants kept clear, a halo for legibility, and the options
 * (scale, density, avoided discs) that choose which zoom's layout is used.
 * The placement itself was decided for the whole map by
 * tools/basemap/build-basemap, so neighbouring tiles agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-basemap-render"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "dl-basemap-render-private.h"

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

/* Whether a UTF-8 string has letters of the Arabic block (U+0600–U+06FF). */
static gboolean
has_arabic (const char *s)
{
  for (; *s != '\0'; s++)
    if ((guchar) *s >= 0xd8 && (guchar) *s <= 0xdb)
      return TRUE;

  return FALSE;
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

void
dl_basemap_draw_labels (RenderCtx                   *ctx,
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
