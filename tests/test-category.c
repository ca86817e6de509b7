/* test-category.c: category colours tell categories apart on both maps,
 * agree everywhere and keep chip labels readable; unknown categories get a
 * name for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dl-basemap.h"
#include "dl-category.h"
#include "dl-dataset-categories.h"

static const char *known[] = {
  "strike", "attack", "killing", "military", "hostages", "diplomacy", "statement", "truce", "humanitarian",
  "something-else",  /* the neutral grey of unknown categories */
};

typedef struct {
  double l, a, b;
} Lab;

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16) / 116;
}

/* sRGB → CIE L*a*b* (D65) */
static Lab
to_lab (double red,
        double green,
        double blue)
{
  double r = linear (red), g = linear (green), b = linear (blue);
  double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;

  return (Lab) { 116 * lab_f (y) - 16, 500 * (lab_f (x) - lab_f (y)), 200 * (lab_f (y) - lab_f (z)) };
}

static double
deg (double radians)
{
  double d = radians * 180 / G_PI;

  return d < 0 ? d + 360 : d;
}

static double
rad (double degrees)
{
  return degrees * G_PI / 180;
}

/* CIEDE2000 (Sharma, Wu and Dalal 2005) */
static double
ciede2000 (Lab p,
           Lab q)
{
  double c1 = hypot (p.a, p.b), c2 = hypot (q.a, q.b), cb = (c1 + c2) / 2;
  double g = 0.5 * (1 - sqrt (pow (cb, 7) / (pow (cb, 7) + pow (25, 7))));
  double a1 = (1 + g) * p.a, a2 = (1 + g) * q.a;
  double c1p = hypot (a1, p.b), c2p = hypot (a2, q.b);
  double h1 = c1p == 0 ? 0 : deg (atan2 (p.b, a1)), h2 = c2p == 0 ? 0 : deg (atan2 (q.b, a2));
  double dl = q.l - p.l, dc = c2p - c1p, dh, hb, t, lb, cbp, sl, sc, sh, rt;

  if (c1p * c2p == 0)
    dh = 0;
  else if (fabs (h2 - h1) <= 180)
    dh = h2 - h1;
  else
    dh = h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 + 360;
  dh = 2 * sqrt (c1p * c2p) * sin (rad (dh / 2));

  lb = (p.l + q.l) / 2;
  cbp = (c1p + c2p) / 2;
  if (c1p * c2p == 0)
    hb = h1 + h2;
  else if (fabs (h1 - h2) <= 180)
    hb = (h1 + h2) / 2;
  else
    hb = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;

  t = 1 - 0.17 * cos (rad (hb - 30)) + 0.24 * cos (rad (2 * hb)) + 0.32 * cos (rad (3 * hb + 6))
      - 0.20 * cos (rad (4 * hb - 63));
  sl = 1 + 0.015 * pow (lb - 50, 2) / sqrt (20 + pow (lb - 50, 2));
  sc = 1 + 0.045 * cbp;
  sh = 1 + 0.015 * cbp * t;
  rt = -sin (rad (2 * 30 * exp (-pow ((hb - 275) / 25, 2)))) * 2 * sqrt (pow (cbp, 7) / (pow (cbp, 7) + pow (25, 7)));

  return sqrt (pow (dl / sl, 2) + pow (dc / sc, 2) + pow (dh / sh, 2) + rt * (dc / sc) * (dh / sh));
}

static Lab
category_lab (const char *category)
{
  GdkRGBA c;

  dl_category_get_color (NULL, category, &c);
  return to_lab (c.red, c.green, c.blue);
}

/* WCAG 2 relative luminance and contrast ratio. */
static double
luminance (const GdkRGBA *c)
{
  return 0.2126 * linear (c->red) + 0.7152 * linear (c->green) + 0.0722 * linear (c->blue);
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The colour a property gets in the first rule of @css whose selector is
 * exactly @selector, or FALSE. The style sheet is ours and plain: one rule
 * per line or block, "property: value;". */
static gboolean
css_lookup (const char *css,
            const char *selector,
            const char *property,
            GdkRGBA    *color)
{
  g_autofree char *needle = g_strconcat (selector, " ", NULL);

  for (const char *p = strstr (css, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *open, *close, *value;
      g_autofree char *prop = g_strconcat (property, ":", NULL);
      g_autofree char *text = NULL;

      /* Only a selector at the start of a line (not a descendant). */
      if (p != css && p[-1] != '\n')
        continue;
      open = strchr (p, '{');
      close = open != NULL ? strchr (open, '}') : NULL;
      if (close == NULL)
        return FALSE;
      for (value = strstr (open, prop); value != NULL && value < close; value = strstr (value + 1, prop))
        if (value[-1] == ' ' || value[-1] == '{' || value[-1] == '\n')
          {
            value += strlen (prop);
            text = g_strstrip (g_strndup (value, strcspn (value, ";}")));
            return gdk_rgba_parse (color, text);
          }
    }

  return FALSE;
}

static char *
style_sheet (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/datelineapp/Dateline/style.css", 0, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* One category is one colour everywhere: the map's marks, the timeline's
 * lanes and the chips of the style sheet agree, and asking twice
 * gives the same answer. */
static void
test_stable (void)
{
  g_autofree char *css = style_sheet ();

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *selector = g_strconcat (".", dl_category_get_css_class (NULL, known[i]), NULL);
      GdkRGBA a, b, chip;

      dl_category_get_color (NULL, known[i], &a);
      dl_category_get_color (NULL, known[i], &b);
      g_assert_true (gdk_rgba_equal (&a, &b));
      g_assert_cmpfloat (a.alpha, ==, 1.0);

      if (!css_lookup (css, selector, "background", &chip))
        g_error ("style.css has no background for %s", selector);
      g_assert_cmpfloat_with_epsilon (chip.red, a.red, 1e-6);
      g_assert_cmpfloat_with_epsilon (chip.green, a.green, 1e-6);
      g_assert_cmpfloat_with_epsilon (chip.blue, a.blue, 1e-6);
    }
}

/* A chip's label is readable on its colour (WCAG AA for its small bold
 * text, 4.5:1), in the light and the dark style alike: the chip brings its
 * own background. */
static void
test_chip_text_readable (void)
{
  g_autofree char *css = style_sheet ();
  GdkRGBA chip_text;

  g_assert_true (css_lookup (css, ".category-chip", "color", &chip_text));
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autofree char *selector = g_strconcat (".category-chip.", dl_category_get_css_class (NULL, known[i]), NULL);
      GdkRGBA background, text = chip_text;
      double ratio;

      dl_category_get_color (NULL, known[i], &background);
      css_lookup (css, selector, "color", &text);
      ratio = contrast (&text, &background);
      if (ratio < 4.5)
        g_error ("the %s chip's label has a contrast of %.2f:1 only", known[i], ratio);
    }
}

/* A category the app does not know keeps its own name, written for people
 * ("flood-relief" reads "Flood relief"), the neutral colour, and the same
 * of both every time; known ones are translated names, never ids. */
static void
test_unknown (void)
{
  static const struct {
    const char *id;
    const char *label;
  } cases[] = {
    { "flood-relief", "Flood relief" },
    { "road_closure", "Road closure" },
    { "evacuation order", "Evacuation order" },
    { "ceasefire--talks", "Ceasefire talks" },
    { "éboulement", "Éboulement" },
    { "UN", "UN" },
  };
  GdkRGBA grey, a, b;

  dl_category_get_color (NULL, "something-else", &grey);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *label = dl_category_get_label (NULL, cases[i].id);

      g_assert_cmpstr (label, ==, cases[i].label);
      /* The same string each time, so callers may keep it. */
      g_assert_true (dl_category_get_label (NULL, cases[i].id) == label);
      dl_category_get_color (NULL, cases[i].id, &a);
      dl_category_get_color (NULL, cases[i].id, &b);
      g_assert_true (gdk_rgba_equal (&a, &b));
      g_assert_true (gdk_rgba_equal (&a, &grey));
      g_assert_cmpstr (dl_category_get_css_class (NULL, cases[i].id), ==, "category-other");
    }

  for (guint i = 0; i + 1 < G_N_ELEMENTS (known); i++)
    {
      g_assert_cmpstr (dl_category_get_label (NULL, known[i]), !=, known[i]);
      g_assert_true (g_unichar_isupper (g_utf8_get_char (dl_category_get_label (NULL, known[i]))));
    }

  /* Known ones first, in the table's order; unknown ones after, by name. */
  g_assert_cmpint (dl_category_compare ("strike", "humanitarian"), <, 0);
  g_assert_cmpint (dl_category_compare ("humanitarian", "flood-relief"), <, 0);
  g_assert_cmpint (dl_category_compare ("flood-relief", "road_closure"), <, 0);
  g_assert_cmpint (dl_category_compare ("road_closure", "road_closure"), ==, 0);
}

/* The formula against the published test pairs (Sharma et al., table 1). */
static void
test_formula (void)
{
  g_assert_cmpfloat_with_epsilon (ciede2000 ((Lab) { 50, 2.6772, -79.7751 }, (Lab) { 50, 0, -82.7485 }), 2.0425, 1e-4);
  g_assert_cmpfloat_with_epsilon (ciede2000 ((Lab) { 50, 2.5, 0 }, (Lab) { 73, 25, -18 }), 27.1492, 1e-4);
  g_assert_cmpfloat_with_epsilon (ciede2000 ((Lab) { 2.0776, 0.0795, -1.1350 }, (Lab) { 0.9033, -0.0636, -0.5514 }),
                                  0.9082, 1e-4);
}

/* Every pair of categories differs by ΔE2000 ≥ 20, and each stands out
 * from the land and the sea of both basemap styles (a marker that vanishes
 * on a dark projector map is no marker). */
static void
test_distinct (void)
{
  double smallest_pair = G_MAXDOUBLE, smallest_background = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (known); j++)
      {
        double d = ciede2000 (category_lab (known[i]), category_lab (known[j]));

        if (d < 20)
          g_error ("%s and %s differ by ΔE2000 %.1f only", known[i], known[j], d);
        smallest_pair = MIN (smallest_pair, d);
      }

  for (int style = DL_BASEMAP_STYLE_LIGHT; style <= DL_BASEMAP_STYLE_DARK; style++)
    {
      double sea[3], land[3];
      Lab backgrounds[2];

      dl_basemap_style_get_colors (style, sea, land);
      backgrounds[0] = to_lab (sea[0], sea[1], sea[2]);
      backgrounds[1] = to_lab (land[0], land[1], land[2]);
      for (guint i = 0; i < G_N_ELEMENTS (known); i++)
        for (guint b = 0; b < 2; b++)
          {
            double d = ciede2000 (category_lab (known[i]), backgrounds[b]);

            if (d < 15)
              g_error ("%s is ΔE2000 %.1f from the %s style's %s", known[i], d,
                       style == DL_BASEMAP_STYLE_DARK ? "dark" : "light", b == 0 ? "sea" : "land");
            smallest_background = MIN (smallest_background, d);
          }
    }

  g_test_message ("smallest ΔE2000: %.1f between categories, %.1f against a basemap", smallest_pair,
                  smallest_background);
}

static Lab
rgb_lab (guint32 rgb)
{
  return to_lab (((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

/* The palette new categories take (imports, the editor) keeps the same
 * promises: ΔE2000 ≥ 20 from every built-in colour (the grey included)
 * and from each other, ≥ 15 from both maps' land and sea; and the model's
 * list of built-in ids is the one this file draws. */
static void
test_palette (void)
{
  guint n = dl_category_palette_get_n ();
  g_auto(GStrv) builtin = dl_category_dup_known ();
  double smallest = G_MAXDOUBLE;

  g_assert_cmpuint (n, >=, 8);
  for (guint i = 0; builtin[i] != NULL; i++)
    g_assert_true (dl_category_id_is_builtin (builtin[i]));
  g_assert_cmpuint (g_strv_length (builtin), ==, G_N_ELEMENTS (known) - 1);
  g_assert_false (dl_category_id_is_builtin ("something-else"));

  for (guint i = 0; i < n; i++)
    {
      Lab p = rgb_lab (dl_category_palette_get (i));

      g_assert_nonnull (dl_category_palette_get_name (i));
      for (guint k = 0; k < G_N_ELEMENTS (known); k++)
        {
          double d = ciede2000 (p, category_lab (known[k]));

          if (d < 20)
            g_error ("palette colour %u (#%06x) is ΔE2000 %.1f from %s", i, dl_category_palette_get (i), d, known[k]);
          smallest = MIN (smallest, d);
        }
      for (guint j = i + 1; j < n; j++)
        {
          double d = ciede2000 (p, rgb_lab (dl_category_palette_get (j)));

          if (d < 20)
            g_error ("palette colours %u and %u differ by ΔE2000 %.1f only", i, j, d);
          smallest = MIN (smallest, d);
        }
      for (int style = DL_BASEMAP_STYLE_LIGHT; style <= DL_BASEMAP_STYLE_DARK; style++)
        {
          double sea[3], land[3];

          dl_basemap_style_get_colors (style, sea, land);
          if (ciede2000 (p, to_lab (sea[0], sea[1], sea[2])) < 15
              || ciede2000 (p, to_lab (land[0], land[1], land[2])) < 15)
            g_error ("palette colour %u (#%06x) is too close to a basemap's land or sea", i,
                     dl_category_palette_get (i));
        }
    }
  /* Past its end it repeats rather than fails. */
  g_assert_cmphex (dl_category_palette_get (n), ==, dl_category_palette_get (0));
  g_test_message ("smallest ΔE2000 of the palette: %.1f", smallest);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/category/ciede2000", test_formula);
  g_test_add_func ("/category/distinct", test_distinct);
  g_test_add_func ("/category/palette", test_palette);
  g_test_add_func ("/category/stable", test_stable);
  g_test_add_func ("/category/chip-text-readable", test_chip_text_readable);
  g_test_add_func ("/category/unknown", test_unknown);

  return g_test_run ();
}
