/* test-stats.c: the ordering and quantiles the map view and the benchmarks
 * rely on (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "dl-stats.h"

/* qsort() with dl_compare_doubles() orders ascending, infinities at the
 * ends, and the comparison is antisymmetric. */
static void
test_compare (void)
{
  double values[] = { 3.5, -INFINITY, 0.0, -2.25, INFINITY, 1e-300, -1e300, 3.5 };
  double a = 1.0, b = 2.0;

  g_assert_cmpint (dl_compare_doubles (&a, &b), ==, -1);
  g_assert_cmpint (dl_compare_doubles (&b, &a), ==, 1);
  g_assert_cmpint (dl_compare_doubles (&a, &a), ==, 0);

  qsort (values, G_N_ELEMENTS (values), sizeof (double), dl_compare_doubles);
  g_assert_cmpfloat (values[0], ==, -INFINITY);
  g_assert_cmpfloat (values[G_N_ELEMENTS (values) - 1], ==, INFINITY);
  for (guint i = 1; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (values[i - 1], <=, values[i]);
}

/* A quantile is read from the values given, whatever their order: the
 * smallest at 0, the largest at 1, and the values are left sorted. */
static void
test_quantile (void)
{
  double values[101];
  guint n = G_N_ELEMENTS (values);

  /* 0, 1, …, 100 shuffled deterministically (37 is prime to 101). */
  for (guint i = 0; i < n; i++)
    values[i] = (double) (i * 37 % n);

  g_assert_cmpfloat (dl_quantile (values, n, 0.0), ==, 0);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (values[i - 1], <, values[i]);
  g_assert_cmpfloat (dl_quantile (values, n, 0.5), ==, 50);
  g_assert_cmpfloat (dl_quantile (values, n, 0.05), ==, 5);
  g_assert_cmpfloat (dl_quantile (values, n, 0.95), ==, 95);
  g_assert_cmpfloat (dl_quantile (values, n, 1.0), ==, 100);

  /* Out of range asks for the extremes, never past the array. */
  g_assert_cmpfloat (dl_quantile (values, n, -3), ==, 0);
  g_assert_cmpfloat (dl_quantile (values, n, 7), ==, 100);
}

/* The figures follow the data: changing one value changes the quantiles
 * it falls in, and a single value is every quantile. */
static void
test_quantile_follows_values (void)
{
  double few[] = { 40, 10, 30, 20 };
  double one[] = { 42 };

  g_assert_cmpfloat (dl_quantile (few, 4, 0.0), ==, 10);
  g_assert_cmpfloat (dl_quantile (few, 4, 0.5), ==, 30);
  g_assert_cmpfloat (dl_quantile (few, 4, 1.0), ==, 40);

  few[3] = 1000;   /* the largest, after sorting */
  g_assert_cmpfloat (dl_quantile (few, 4, 1.0), ==, 1000);
  few[0] = -5;     /* the smallest */
  g_assert_cmpfloat (dl_quantile (few, 4, 0.0), ==, -5);
  g_assert_cmpfloat (dl_quantile (few, 4, 0.5), ==, 30);

  for (double q = 0; q <= 1.0; q += 0.125)
    g_assert_cmpfloat (dl_quantile (one, 1, q), ==, 42);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/compare", test_compare);
  g_test_add_func ("/stats/quantile", test_quantile);
  g_test_add_func ("/stats/quantile-follows-values", test_quantile_follows_values);

  return g_test_run ();
}
