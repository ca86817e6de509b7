/* test-category.c: category colours tell categories apart on both maps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dl-basemap.h"
#include "dl-category.h"

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

  dl_category_get_color (category, &c);
  return to_lab (c.red, c.green, c.blue);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/category/ciede2000", test_formula);
  g_test_add_func ("/category/distinct", test_distinct);

  return g_test_run ();
}
