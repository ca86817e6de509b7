/* test-basemap.c: the offline basemap renders land, sea, borders and labels
 *
 * Also writes sample tiles and 3×3 mosaics (light and dark) into the build
 * folder: basemap-*.png. Look at them after any change to the renderer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gstdio.h>

#include "dl-basemap.h"
#include "dl-basemap-format.h"

static DlBasemap *basemap;

typedef struct {
  int x, y;      /* tile */
  int px, py;    /* pixel inside the tile, at scale 1 */
} TilePos;

static TilePos
tile_pos (double lat,
          double lon,
          int    zoom)
{
  double n = ldexp (1.0, zoom);
  double s = sin (lat * G_PI / 180.0);
  double fx = (lon + 180.0) / 360.0 * n;
  double fy = (0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * n;
  TilePos pos;

  pos.x = (int) floor (fx);
  pos.y = (int) floor (fy);
  pos.px = (int) ((fx - pos.x) * 256);
  pos.py = (int) ((fy - pos.y) * 256);

  return pos;
}

static void
pixel_rgb (cairo_surface_t *surface,
           int              x,
           int              y,
           double           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v = *(const guint32 *) (data + y * stride + x * 4);

  rgb[0] = ((v >> 16) & 0xff) / 255.0;
  rgb[1] = ((v >> 8) & 0xff) / 255.0;
  rgb[2] = (v & 0xff) / 255.0;
}

static double
color_distance (const double a[3],
                const double b[3])
{
  return fabs (a[0] - b[0]) + fabs (a[1] - b[1]) + fabs (a[2] - b[2]);
}

/* Fraction of the pixels in a (2r+1)² box around (x, y) close to @color. */
static double
fraction_near (cairo_surface_t *surface,
               int              x,
               int              y,
               int              r,
               const double     color[3])
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int n = 0, hits = 0;

  for (int j = MAX (0, y - r); j <= MIN (h - 1, y + r); j++)
    for (int i = MAX (0, x - r); i <= MIN (w - 1, x + r); i++)
      {
        double rgb[3];

        pixel_rgb (surface, i, j, rgb);
        n++;
        if (color_distance (rgb, color) < 0.06)
          hits++;
      }

  return n > 0 ? (double) hits / n : 0;
}

static guint
count_near (cairo_surface_t *surface,
            const double     color[3],
            double           tolerance)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint hits = 0;

  for (int j = 0; j < h; j++)
    for (int i = 0; i < w; i++)
      {
        double rgb[3];

        pixel_rgb (surface, i, j, rgb);
        if (color_distance (rgb, color) < tolerance)
          hits++;
      }

  return hits;
}

static double
mean_luminance (cairo_surface_t *surface)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  double sum = 0;

  for (int j = 0; j < h; j++)
    for (int i = 0; i < w; i++)
      {
        double rgb[3];

        pixel_rgb (surface, i, j, rgb);
        sum += 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
      }

  return sum / (w * h);
}

static void
hex_rgb (guint32 hex,
         double  rgb[3])
{
  rgb[0] = ((hex >> 16) & 0xff) / 255.0;
  rgb[1] = ((hex >> 8) & 0xff) / 255.0;
  rgb[2] = (hex & 0xff) / 255.0;
}

static cairo_surface_t *
render_at (DlBasemapStyle  style,
           const char     *language,
           double          lat,
           double          lon,
           int             zoom,
           TilePos        *pos)
{
  *pos = tile_pos (lat, lon, zoom);
  return dl_basemap_render_tile (basemap, style, language, zoom, pos->x, pos->y, 1);
}

/* A cols × rows mosaic of tiles centred on (lat, lon). */
static cairo_surface_t *
render_mosaic (DlBasemapStyle  style,
               const char     *language,
               double          lat,
               double          lon,
               int             zoom,
               int             cols,
               int             rows,
               int             scale)
{
  TilePos c = tile_pos (lat, lon, zoom);
  int size = 256 * scale;
  cairo_surface_t *mosaic = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cols * size, rows * size);
  cairo_t *cr = cairo_create (mosaic);

  for (int j = 0; j < rows; j++)
    for (int i = 0; i < cols; i++)
      {
        int tx = c.x - cols / 2 + i;
        int ty = c.y - rows / 2 + j;
        cairo_surface_t *tile = dl_basemap_render_tile (basemap, style, language, zoom, tx, ty, scale);

        cairo_set_source_surface (cr, tile, i * size, j * size);
        cairo_paint (cr);
        cairo_surface_destroy (tile);
      }

  cairo_destroy (cr);
  return mosaic;
}

static void
write_png (cairo_surface_t *surface,
           const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

/* ------------------------------------------------------------------ tests */

static void
test_open (void)
{
  g_autoptr(DlBasemap) again = NULL;
  g_autoptr(GError) error = NULL;

  again = dl_basemap_open_default (&error);
  g_assert_no_error (error);
  g_assert_true (again == basemap);
  g_assert_true (g_file_test (dl_basemap_get_path (basemap), G_FILE_TEST_IS_REGULAR));
}

static void
test_invalid_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "not-a-basemap.dlbm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlBasemap) bad = NULL;

  g_assert_true (g_file_set_contents (path, "DLBASEMP but not really a basemap file at all, sorry",
                                      -1, NULL));
  bad = dl_basemap_new_for_path (path, &error);
  g_assert_null (bad);
  g_assert_error (error, DL_BASEMAP_ERROR, DL_BASEMAP_ERROR_INVALID);
  g_clear_error (&error);
  g_unlink (path);

  bad = dl_basemap_new_for_path ("/nonexistent/basemap.dlbm", &error);
  g_assert_null (bad);
  g_assert_error (error, DL_BASEMAP_ERROR, DL_BASEMAP_ERROR_NOT_FOUND);
}

static void
test_land_and_sea (void)
{
  double sea[3], land[3];
  TilePos pos;
  cairo_surface_t *tile;

  dl_basemap_style_get_colors (DL_BASEMAP_STYLE_LIGHT, sea, land);

  /* inland Gaza City, west of the city's own dot and label: built-up land */
  tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 31.5016, 34.455, 12, &pos);
  {
    double urban[3];

    dl_basemap_style_get_color (DL_BASEMAP_STYLE_LIGHT, DL_BASEMAP_COLOR_URBAN, urban);
    g_assert_cmpfloat (fraction_near (tile, pos.px, pos.py, 4, sea), <, 0.05);
    g_assert_cmpfloat (fraction_near (tile, pos.px, pos.py, 12, urban), >, 0.3);
  }
  cairo_surface_destroy (tile);

  /* off the coast */
  tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 31.50, 34.40, 12, &pos);
  g_assert_cmpfloat (fraction_near (tile, pos.px, pos.py, 4, sea), >, 0.7);
  cairo_surface_destroy (tile);

  /* the middle of the Mediterranean, the Empty Quarter, the Red Sea, at region zoom */
  tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 34.0, 20.0, 5, &pos);
  g_assert_cmpfloat (fraction_near (tile, pos.px, pos.py, 2, sea), >, 0.7);
  cairo_surface_destroy (tile);
  tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 20.5, 47.5, 5, &pos);
  g_assert_cmpfloat (fraction_near (tile, pos.px, pos.py, 2, land), >, 0.5);
  cairo_surface_destroy (tile);
  tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 19.5, 39.0, 7, &pos);
  g_assert_cmpfloat (fraction_near (tile, pos.px, pos.py, 2, sea), >, 0.7);
  cairo_surface_destroy (tile);

  /* the whole world at zoom 0 has both */
  tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", 0, 0, 0, 1);
  g_assert_cmpuint (count_near (tile, sea, 0.06), >, 20000);
  g_assert_cmpuint (count_near (tile, land, 0.06), >, 10000);
  cairo_surface_destroy (tile);
}

static void
test_gaza_outline (void)
{
  double pse[3];
  guint hits = 0;
  TilePos c = tile_pos (31.42, 34.38, 12);

  hex_rgb (0x7e5a86, pse);

  /* the Strip is about 3 × 5 tiles at zoom 12 */
  for (int j = -2; j <= 2; j++)
    for (int i = -1; i <= 2; i++)
      {
        cairo_surface_t *tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en",
                                                        12, c.x + i, c.y + j, 1);
        hits += count_near (tile, pse, 0.12);
        cairo_surface_destroy (tile);
      }

  g_test_message ("%u pixels of the Gaza outline colour", hits);
  g_assert_cmpuint (hits, >, 300);

  /* nothing of that colour far from Palestine: the Nile delta */
  {
    TilePos pos;
    cairo_surface_t *tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 30.9, 31.0, 12, &pos);

    g_assert_cmpuint (count_near (tile, pse, 0.12), <, 5);
    cairo_surface_destroy (tile);
  }
}

static void
test_labels (void)
{
  double text[3];
  TilePos pos;
  cairo_surface_t *tile;
  cairo_surface_t *ar;
  guint en_hits, ar_hits;

  hex_rgb (0x2e3436, text);

  tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 31.5016, 34.4667, 12, &pos);
  en_hits = count_near (tile, text, 0.25);
  g_test_message ("%u label pixels (en)", en_hits);
  g_assert_cmpuint (en_hits, >, 40);

  ar = render_at (DL_BASEMAP_STYLE_LIGHT, "ar", 31.5016, 34.4667, 12, &pos);
  ar_hits = count_near (ar, text, 0.25);
  g_test_message ("%u label pixels (ar)", ar_hits);
  g_assert_cmpuint (ar_hits, >, 15);
  g_assert_cmpuint (en_hits, !=, ar_hits);
  cairo_surface_destroy (tile);
  cairo_surface_destroy (ar);

  /* country names at region zoom */
  tile = render_at (DL_BASEMAP_STYLE_LIGHT, "he", 26.6, 29.8, 5, &pos);
  dl_basemap_style_get_color (DL_BASEMAP_STYLE_LIGHT, DL_BASEMAP_COLOR_TEXT_COUNTRY, text);
  g_assert_cmpuint (count_near (tile, text, 0.2), >, 20);
  cairo_surface_destroy (tile);
}

/* Dark text pixels within @radius of (cx, cy), leaving out the dot. */
static guint
text_pixels_in_disc (cairo_surface_t *tile,
                     const double     text[3],
                     int              cx,
                     int              cy,
                     int              radius)
{
  guint n = 0;

  for (int y = MAX (0, cy - radius); y < MIN (256, cy + radius); y++)
    for (int x = MAX (0, cx - radius); x < MIN (256, cx + radius); x++)
      {
        double rgb[3];
        int d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);

        if (d2 > radius * radius || d2 < 6 * 6)
          continue;
        pixel_rgb (tile, x, y, rgb);
        if (color_distance (rgb, text) < 0.25)
          n++;
      }

  return n;
}

static void
test_label_options (void)
{
  DlBasemapLabelOptions options = DL_BASEMAP_LABEL_OPTIONS_INIT;
  DlBasemapLabelOptions big;
  DlBasemapTileStats stats = { 0 };
  guint normal_labels = 0, big_labels = 0;
  double normal_min = G_MAXDOUBLE, big_min = G_MAXDOUBLE;
  double text[3];
  TilePos c = tile_pos (30.0626, 31.2497, 8);   /* Cairo */
  cairo_surface_t *plain, *avoided;
  guint before, after;

  g_assert_cmpint (dl_basemap_label_options_layout_zoom (&options, 9), ==, 9);
  g_assert_cmpint (dl_basemap_label_options_layout_zoom (&options, 16), ==, 14);

  dl_basemap_label_options_init (&big);
  big.scale = 1.85;
  g_assert_cmpint (dl_basemap_label_options_layout_zoom (&big, 9), ==, 8);
  big.density = DL_BASEMAP_DENSITY_FEWEST;
  g_assert_cmpint (dl_basemap_label_options_layout_zoom (&big, 9), ==, 7);
  big.density = DL_BASEMAP_DENSITY_NORMAL;
  g_assert_false (dl_basemap_label_options_equal (&options, &big));

  /* Bigger labels, fewer of them, over the nine tiles around Cairo */
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        cairo_surface_t *tile;

        tile = dl_basemap_render_tile_full (basemap, DL_BASEMAP_STYLE_LIGHT, "en", NULL, 8,
                                            c.x + dx, c.y + dy, 1, &stats);
        normal_labels += stats.n_labels;
        if (stats.n_labels > 0)
          normal_min = MIN (normal_min, stats.min_font_px);
        cairo_surface_destroy (tile);

        tile = dl_basemap_render_tile_full (basemap, DL_BASEMAP_STYLE_LIGHT, "en", &big, 8,
                                            c.x + dx, c.y + dy, 1, &stats);
        big_labels += stats.n_labels;
        if (stats.n_labels > 0)
          big_min = MIN (big_min, stats.min_font_px);
        cairo_surface_destroy (tile);
      }
  g_test_message ("zoom 8 around Cairo: %u labels (smallest %.1f px), at 1.85×: %u (smallest %.1f px)",
                  normal_labels, normal_min, big_labels, big_min);
  g_assert_cmpuint (big_labels, >, 0);
  g_assert_cmpuint (big_labels, <, normal_labels);
  g_assert_cmpfloat (big_min, >=, 20.0);
  g_assert_cmpfloat (big_min, >=, normal_min * 1.5);

  /* A marker on Cairo's dot: its label moves out of the marker's disc */
  hex_rgb (0x2e3436, text);
  plain = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", 8, c.x, c.y, 1);
  before = text_pixels_in_disc (plain, text, c.px, c.py, 22);
  dl_basemap_label_options_add_avoid (&options, 30.0626, 31.2497, 22);
  avoided = dl_basemap_render_tile_full (basemap, DL_BASEMAP_STYLE_LIGHT, "en", &options, 8, c.x, c.y, 1, &stats);
  after = text_pixels_in_disc (avoided, text, c.px, c.py, 22);
  g_test_message ("label pixels under a 22 px marker on Cairo: %u, avoiding it: %u", before, after);
  g_assert_cmpuint (before, >, 20);
  g_assert_cmpuint (after, <, 3);
  g_assert_cmpuint (stats.n_labels, >, 0);
  cairo_surface_destroy (plain);
  cairo_surface_destroy (avoided);
}

/* WCAG 2 relative luminance and contrast ratio */
static double
luminance (const double rgb[3])
{
  double c[3];

  for (int i = 0; i < 3; i++)
    c[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (const double a[3],
          const double b[3])
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* Labels meet WCAG AA (4.5:1) against sea, land and built-up fill, in both
 * styles (the dark one is what a projector shows in a dark room). */
static void
test_label_contrast (void)
{
  static const DlBasemapColor backgrounds[] = {
    DL_BASEMAP_COLOR_SEA, DL_BASEMAP_COLOR_LAND, DL_BASEMAP_COLOR_URBAN,
  };
  static const DlBasemapColor labels[] = {
    DL_BASEMAP_COLOR_TEXT, DL_BASEMAP_COLOR_TEXT_COUNTRY, DL_BASEMAP_COLOR_TEXT_SEA,
    DL_BASEMAP_COLOR_TEXT_TERRITORY, DL_BASEMAP_COLOR_TEXT_WATER,
    DL_BASEMAP_COLOR_TEXT_NEIGHBOURHOOD, DL_BASEMAP_COLOR_TEXT_REGION,
  };
  double worst = G_MAXDOUBLE;

  for (int style = DL_BASEMAP_STYLE_LIGHT; style <= DL_BASEMAP_STYLE_DARK; style++)
    for (guint b = 0; b < G_N_ELEMENTS (backgrounds); b++)
      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        {
          double bg[3], fg[3], ratio;

          dl_basemap_style_get_color (style, backgrounds[b], bg);
          dl_basemap_style_get_color (style, labels[l], fg);
          ratio = contrast (fg, bg);
          worst = MIN (worst, ratio);
          if (ratio < 4.5)
            g_test_message ("style %d: label colour %d on %d: %.2f:1", style, labels[l], backgrounds[b], ratio);
          g_assert_cmpfloat (ratio, >=, 4.5);
        }
  g_test_message ("lowest label contrast: %.2f:1", worst);

  /* and the dark style keeps land and sea apart */
  {
    double sea[3], land[3];

    dl_basemap_style_get_color (DL_BASEMAP_STYLE_DARK, DL_BASEMAP_COLOR_SEA, sea);
    dl_basemap_style_get_color (DL_BASEMAP_STYLE_DARK, DL_BASEMAP_COLOR_LAND, land);
    g_assert_cmpfloat (contrast (sea, land), >=, 1.5);
  }
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;

  return FALSE;
}

static guint
count_color (cairo_surface_t *tile,
             DlBasemapStyle   style,
             DlBasemapColor   which,
             double           tolerance)
{
  double rgb[3];

  dl_basemap_style_get_color (style, which, rgb);
  return count_near (tile, rgb, tolerance);
}

/* Gaza City at zoom 13: built-up fill and its quarters' names. */
static void
test_city_detail (void)
{
  for (int style = DL_BASEMAP_STYLE_LIGHT; style <= DL_BASEMAP_STYLE_DARK; style++)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      DlBasemapTileStats stats = { 0 };
      TilePos pos = tile_pos (31.515, 34.455, 13);   /* Rimal, Tel al-Hawa, Shati */
      cairo_surface_t *tile;
      guint urban, land;

      stats.names = names;
      tile = dl_basemap_render_tile_full (basemap, style, "en", NULL, 13, pos.x, pos.y, 1, &stats);
      urban = count_color (tile, style, DL_BASEMAP_COLOR_URBAN, 0.01);
      land = count_color (tile, style, DL_BASEMAP_COLOR_LAND, 0.01);
      g_test_message ("Gaza City, zoom 13, style %d: %u built-up pixels, %u other land, %u labels",
                      style, urban, land, stats.n_labels);
      for (guint i = 0; i < names->len; i++)
        g_test_message ("  label: %s", (const char *) g_ptr_array_index (names, i));
      g_assert_cmpuint (urban, >, 256 * 256 / 8);
      g_assert_true (stats.kinds_drawn & (1u << DL_BM_PLACE_NEIGHBOURHOOD));
      g_assert_true (names_contain (names, "Rimal") || names_contain (names, "Tel al-Hawa")
                     || names_contain (names, "Shati camp"));
      cairo_surface_destroy (tile);
    }

  /* in Arabic and Hebrew too */
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    DlBasemapTileStats stats = { 0 };
    TilePos pos = tile_pos (31.515, 34.455, 13);
    cairo_surface_t *tile;

    stats.names = names;
    tile = dl_basemap_render_tile_full (basemap, DL_BASEMAP_STYLE_LIGHT, "ar", NULL, 13, pos.x, pos.y, 1, &stats);
    g_assert_true (names_contain (names, "الرمال") || names_contain (names, "تل الهوى")
                   || names_contain (names, "مخيم الشاطئ"));
    cairo_surface_destroy (tile);
  }

  /* The camps of the central and southern Strip are named from zoom 13,
   * each on the tile that holds it, in English and Arabic. */
  {
    static const struct { double lat, lon; const char *en, *ar; } camps[] = {
      { 31.4475, 34.3928, "Nuseirat camp", "مخيم النصيرات" },
      { 31.4214, 34.3854, "Maghazi camp", "مخيم المغازي" },
      { 31.4258, 34.3406, "Deir al-Balah camp", "مخيم دير البلح" },
      { 31.3483, 34.2939, "Khan Yunis camp", "مخيم خان يونس" },
      { 31.2830, 34.2532, "Rafah camp", "مخيم رفح" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (camps); i++)
      for (guint ar = 0; ar <= 1; ar++)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          DlBasemapTileStats stats = { 0 };
          TilePos pos = tile_pos (camps[i].lat, camps[i].lon, 13);
          cairo_surface_t *tile;

          stats.names = names;
          tile = dl_basemap_render_tile_full (basemap, DL_BASEMAP_STYLE_LIGHT, ar ? "ar" : "en", NULL,
                                              13, pos.x, pos.y, 1, &stats);
          if (!names_contain (names, ar ? camps[i].ar : camps[i].en))
            g_error ("%s is not labelled on its zoom-13 tile", camps[i].en);
          cairo_surface_destroy (tile);
        }
  }

  /* Khan Younis has no built-up area in Natural Earth: no fill invented */
  {
    TilePos pos = tile_pos (31.3402, 34.3063, 13);
    cairo_surface_t *tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", 13, pos.x, pos.y, 1);

    g_test_message ("Khan Younis, zoom 13: %u built-up pixels",
                    count_color (tile, DL_BASEMAP_STYLE_LIGHT, DL_BASEMAP_COLOR_URBAN, 0.01));
    cairo_surface_destroy (tile);
  }
}

/* The Dead Sea and the Sea of Galilee are water; the Nile runs through Cairo. */
static void
test_water (void)
{
  static const struct {
    const char *name;
    double lat, lon;
    int zoom;
  } lakes[] = {
    { "Dead Sea", 31.55, 35.50, 8 },
    { "Dead Sea", 31.55, 35.50, 11 },
    { "Sea of Galilee", 32.83, 35.555, 10 },   /* west of the Jordan's line through it */
  };
  double sea[3], rgb[3];

  dl_basemap_style_get_color (DL_BASEMAP_STYLE_LIGHT, DL_BASEMAP_COLOR_SEA, sea);
  for (guint i = 0; i < G_N_ELEMENTS (lakes); i++)
    {
      TilePos pos;
      cairo_surface_t *tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", lakes[i].lat, lakes[i].lon, lakes[i].zoom, &pos);

      pixel_rgb (tile, pos.px, pos.py, rgb);
      g_test_message ("%s at zoom %d: %.3f %.3f %.3f", lakes[i].name, lakes[i].zoom, rgb[0], rgb[1], rgb[2]);
      g_assert_cmpfloat (color_distance (rgb, sea), <, 0.02);
      cairo_surface_destroy (tile);
    }

  /* named */
  {
    g_autoptr(GPtrArray) names = g_ptr_array_new ();
    DlBasemapTileStats stats = { 0 };
    TilePos pos = tile_pos (31.52, 35.49, 9);
    cairo_surface_t *tile;

    stats.names = names;
    tile = dl_basemap_render_tile_full (basemap, DL_BASEMAP_STYLE_DARK, "he", NULL, 9, pos.x, pos.y, 1, &stats);
    g_assert_true (names_contain (names, "ים המלח"));
    cairo_surface_destroy (tile);
  }

  /* the Nile at Cairo: river-coloured pixels */
  {
    TilePos pos;
    cairo_surface_t *tile = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 30.05, 31.23, 10, &pos);
    guint river = 0;
    double px[3];

    /* the river's blue: neither land, built-up nor sand */
    for (int y = 0; y < 256; y++)
      for (int x = 0; x < 256; x++)
        {
          pixel_rgb (tile, x, y, px);
          if (px[2] > px[0] + 0.12 && px[2] > px[1] + 0.03)
            river++;
        }
    g_test_message ("Cairo, zoom 10: %u river pixels", river);
    g_assert_cmpuint (river, >, 100);
    cairo_surface_destroy (tile);
  }
}

/* The cities the dataset's events name are labelled at every zoom a map of
 * them uses, with the presentation's big labels too. */
static void
test_event_cities (void)
{
  static const struct {
    const char *name;
    double lat, lon;
  } cities[] = {
    { "El Alamein", 30.8301, 28.955 },
    { "Doha", 25.2855, 51.531 },
    { "Cairo", 30.0626, 31.2497 },
    { "Tehran", 35.6944, 51.4215 },
  };
  DlBasemapLabelOptions big = DL_BASEMAP_LABEL_OPTIONS_INIT;
  guint missing = 0;

  big.scale = 1.85;
  for (guint c = 0; c < G_N_ELEMENTS (cities); c++)
    for (int zoom = 5; zoom <= 12; zoom++)
      for (int presentation = 0; presentation <= 1; presentation++)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          DlBasemapTileStats stats = { 0 };
          TilePos pos = tile_pos (cities[c].lat, cities[c].lon, zoom);
          gboolean found = FALSE;

          stats.names = names;
          /* the label may lie on a neighbouring tile: look at the 3 × 3 */
          for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
              {
                cairo_surface_t *tile = dl_basemap_render_tile_full (basemap, DL_BASEMAP_STYLE_LIGHT, "en",
                                                                     presentation ? &big : NULL, zoom,
                                                                     pos.x + dx, pos.y + dy, 1, &stats);
                cairo_surface_destroy (tile);
              }
          found = names_contain (names, cities[c].name);
          if (!found)
            {
              g_test_message ("%s is not labelled at zoom %d%s", cities[c].name, zoom,
                              presentation ? " (presentation)" : "");
              missing++;
            }
        }
  g_assert_cmpuint (missing, ==, 0);
}

static void
test_dark_style (void)
{
  TilePos pos;
  cairo_surface_t *light = render_at (DL_BASEMAP_STYLE_LIGHT, "en", 31.42, 34.38, 10, &pos);
  cairo_surface_t *dark = render_at (DL_BASEMAP_STYLE_DARK, "en", 31.42, 34.38, 10, &pos);
  double l = mean_luminance (light), d = mean_luminance (dark);

  g_test_message ("mean luminance: light %.2f, dark %.2f", l, d);
  g_assert_cmpfloat (l, >, 0.6);
  g_assert_cmpfloat (d, <, 0.25);

  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
test_every_zoom (void)
{
  /* one tile per zoom over Gaza, and @2x, all of the right size */
  for (int z = 0; z <= 14; z++)
    for (int scale = 1; scale <= 2; scale++)
      {
        TilePos pos = tile_pos (31.5016, 34.4667, z);
        cairo_surface_t *tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_DARK, NULL,
                                                        z, pos.x, pos.y, scale);

        g_assert_cmpint (cairo_surface_status (tile), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (tile), ==, 256 * scale);
        g_assert_cmpint (cairo_image_surface_get_height (tile), ==, 256 * scale);
        cairo_surface_destroy (tile);
      }

  /* corners of the world */
  for (int z = 0; z <= 14; z += 7)
    {
      int n = 1 << z;
      cairo_surface_t *tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", z, n - 1, n - 1, 1);

      g_assert_nonnull (tile);
      cairo_surface_destroy (tile);
      tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", z, 0, 0, 1);
      cairo_surface_destroy (tile);
    }
}

static void
test_language (void)
{
  g_assert_cmpstr (dl_basemap_resolve_language ("ar"), ==, "ar");
  g_assert_cmpstr (dl_basemap_resolve_language ("he_IL.UTF-8"), ==, "he");
  g_assert_cmpstr (dl_basemap_resolve_language ("en_GB"), ==, "en");
  g_assert_cmpstr (dl_basemap_resolve_language ("fr"), ==, "en");
  g_assert_cmpstr (dl_basemap_resolve_language ("hei"), ==, "en");
  g_assert_nonnull (dl_basemap_resolve_language (NULL));
  g_assert_nonnull (g_strstr_len (dl_basemap_get_license_text (), -1, "OpenStreetMap"));
}

static void
test_write_samples (void)
{
  static const struct {
    const char *name;
    double lat, lon;
    int zoom, cols, rows, scale;
    const char *language;
  } views[] = {
    { "region-z5", 28.5, 40.0, 5, 3, 3, 1, "en" },
    { "levant-z7", 31.8, 35.0, 7, 3, 3, 1, "en" },
    { "gaza-strip-z10", 31.42, 34.38, 10, 3, 3, 1, "en" },
    { "gaza-city-z14", 31.5016, 34.4667, 14, 3, 3, 1, "en" },
    { "gaza-strip-z10-ar", 31.42, 34.38, 10, 3, 3, 1, "ar" },
    { "levant-z7-he", 31.8, 35.0, 7, 3, 3, 1, "he" },
    { "gaza-strip-z12-2x", 31.45, 34.40, 12, 2, 2, 2, "en" },
    { "world-z2", 30.0, 20.0, 2, 4, 3, 1, "en" },
  };

  cairo_surface_t *gaza_en = NULL, *gaza_ar = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      double luminance[2];

      for (int style = DL_BASEMAP_STYLE_LIGHT; style <= DL_BASEMAP_STYLE_DARK; style++)
        {
          cairo_surface_t *mosaic = render_mosaic (style, views[i].language, views[i].lat, views[i].lon,
                                                   views[i].zoom, views[i].cols, views[i].rows,
                                                   views[i].scale);
          g_autofree char *name = g_strdup_printf ("basemap-%s-%s.png", views[i].name,
                                                   style == DL_BASEMAP_STYLE_DARK ? "dark" : "light");

          /* The size asked for, at the scale asked for. */
          g_assert_cmpint (cairo_image_surface_get_width (mosaic), ==, views[i].cols * 256 * views[i].scale);
          g_assert_cmpint (cairo_image_surface_get_height (mosaic), ==, views[i].rows * 256 * views[i].scale);
          luminance[style == DL_BASEMAP_STYLE_DARK] = mean_luminance (mosaic);
          write_png (mosaic, name);

          if (style == DL_BASEMAP_STYLE_LIGHT && g_str_equal (views[i].name, "gaza-strip-z10"))
            gaza_en = cairo_surface_reference (mosaic);
          else if (style == DL_BASEMAP_STYLE_LIGHT && g_str_equal (views[i].name, "gaza-strip-z10-ar"))
            gaza_ar = cairo_surface_reference (mosaic);
          cairo_surface_destroy (mosaic);
        }

      /* Every sample is drawn in both styles, the dark one darker. */
      g_test_message ("%s: mean luminance light %.2f, dark %.2f", views[i].name, luminance[0], luminance[1]);
      g_assert_cmpfloat (luminance[1], <, luminance[0] - 0.2);
    }

  /* The Arabic sample differs from the English one only by its labels:
   * some pixels, not most. */
  {
    int w = cairo_image_surface_get_width (gaza_en), h = cairo_image_surface_get_height (gaza_en);
    guint differ = 0;

    for (int j = 0; j < h; j++)
      for (int i = 0; i < w; i++)
        {
          double a[3], b[3];

          pixel_rgb (gaza_en, i, j, a);
          pixel_rgb (gaza_ar, i, j, b);
          differ += fabs (a[0] - b[0]) + fabs (a[1] - b[1]) + fabs (a[2] - b[2]) > 0.1;
        }
    g_test_message ("Arabic labels change %u of %d pixels", differ, w * h);
    g_assert_cmpuint (differ, >, (guint) (w * h) / 500);
    g_assert_cmpuint (differ, <, (guint) (w * h) / 5);
  }
  cairo_surface_destroy (gaza_en);
  cairo_surface_destroy (gaza_ar);

  /* and a single sample tile */
  {
    TilePos pos = tile_pos (31.5016, 34.4667, 12);
    cairo_surface_t *tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", 12, pos.x, pos.y, 1);

    write_png (tile, "basemap-tile-12-gaza-city.png");
    cairo_surface_destroy (tile);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  basemap = dl_basemap_open_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/basemap/open", test_open);
  g_test_add_func ("/basemap/invalid-file", test_invalid_file);
  g_test_add_func ("/basemap/land-and-sea", test_land_and_sea);
  g_test_add_func ("/basemap/gaza-outline", test_gaza_outline);
  g_test_add_func ("/basemap/labels", test_labels);
  g_test_add_func ("/basemap/label-options", test_label_options);
  g_test_add_func ("/basemap/dark-style", test_dark_style);
  g_test_add_func ("/basemap/label-contrast", test_label_contrast);
  g_test_add_func ("/basemap/city-detail", test_city_detail);
  g_test_add_func ("/basemap/water", test_water);
  g_test_add_func ("/basemap/event-cities", test_event_cities);
  g_test_add_func ("/basemap/every-zoom", test_every_zoom);
  g_test_add_func ("/basemap/language", test_language);
  g_test_add_func ("/basemap/write-samples", test_write_samples);

  ret = g_test_run ();
  g_object_unref (basemap);
  return ret;
}
