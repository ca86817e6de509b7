/* test-time-axis.c: the timeline's tick choice, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-edtf.h"
#include "dl-time-axis.h"

#define DAY  G_GINT64_CONSTANT (86400)
#define YEAR G_GINT64_CONSTANT (31556952)

static gint64
days_to_unix (gint64 y, int m, int d)
{
  return dl_days_from_civil (y, m, d) * DAY;
}

/* At every span from an hour to EDTF's ±10^8 years, over widths from a
 * phone's to a 4K screen's, the step keeps its ticks apart and their count
 * bounded (issue 17: once a tick per year over 10^8 years). */
static void
test_bounded_count (void)
{
  static const double widths[] = { 200, 1000, 3800 };
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (double span = 3600; span <= 2.1e8 * YEAR; span *= 3.7)
      {
        DlTimeStep step = dl_time_axis_step_for_span (span, widths[w], 6);
        gint64 start = days_to_unix (-100000000, 1, 1);
        gint64 end;

        /* Far back, around now and far ahead. */
        for (int where = 0; where < 3; where++)
          {
            start = where == 0 ? days_to_unix (-100000000, 1, 1)
                    : where == 1 ? 1723680000 - (gint64) (span / 2)
                    : days_to_unix (100000000, 12, 31) - (gint64) span;
            end = start + (gint64) span;
            dl_time_axis_ticks (start, end, step.unit, step.step, ticks);
            g_assert_cmpuint (ticks->len, <=, widths[w] / 6 + 3);
            g_assert_cmpuint (ticks->len, >=, 1);
            for (guint i = 1; i < ticks->len; i++)
              g_assert_cmpint (g_array_index (ticks, gint64, i), >, g_array_index (ticks, gint64, i - 1));
          }
      }
}

/* The presentation strip's widest span: all the seconds a gint64 holds
 * (±2.9 × 10^11 years), with room for a few large labels. The count stays
 * bounded, and the ticks inside the span are real dates in order. */
static void
test_whole_range (void)
{
  static const double rooms[] = { 180, 600 };
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint r = 0; r < G_N_ELEMENTS (rooms); r++)
    for (gint64 half = G_MAXINT64 / 2; half > 3600; half /= 9)
      {
        DlTimeStep step = dl_time_axis_step_for_span (2.0 * (double) half, 1200, rooms[r]);
        guint inside = 0;

        dl_time_axis_ticks (-half, half, step.unit, step.step, ticks);
        for (guint i = 0; i < ticks->len; i++)
          {
            if (g_array_index (ticks, gint64, i) >= -half)
              inside++;
            if (i > 0)
              g_assert_cmpint (g_array_index (ticks, gint64, i), >, g_array_index (ticks, gint64, i - 1));
          }
        g_assert_cmpuint (inside, <=, 1200 / rooms[r] + 1);
        g_assert_cmpuint (ticks->len, >=, 1);
      }
}

/* Labels: GDateTime's formats inside the years 1–9999, the year's number
 * beyond, both sides of year 0. */
static void
test_format (void)
{
  g_autofree char *day = dl_time_axis_format (days_to_unix (2024, 8, 20), "%-d %m %Y");
  g_autofree char *far_back = dl_time_axis_format (days_to_unix (-12000, 1, 1), "%Y");
  g_autofree char *far_ahead = dl_time_axis_format (days_to_unix (123456, 7, 1), "%B %Y");

  g_assert_cmpstr (day, ==, "20 08 2024");
  g_assert_cmpstr (far_back, ==, "-12000");
  g_assert_cmpstr (far_ahead, ==, "123456");
}

static void
test_units (void)
{
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  DlTimeStep step;

  step = dl_time_axis_step_for_span (12 * 3600, 1000, 0);
  g_assert_cmpint (step.unit, ==, DL_TIME_UNIT_HOUR);
  step = dl_time_axis_step_for_span (7 * DAY, 1000, 0);
  g_assert_cmpint (step.unit, ==, DL_TIME_UNIT_DAY);
  step = dl_time_axis_step_for_span (300 * DAY, 1000, 0);
  g_assert_cmpint (step.unit, ==, DL_TIME_UNIT_MONTH);
  step = dl_time_axis_step_for_span (12 * YEAR, 1000, 0);
  g_assert_cmpint (step.unit, ==, DL_TIME_UNIT_YEAR);
  step = dl_time_axis_step_for_span (1e8 * YEAR, 1000, 60);
  g_assert_cmpint (step.unit, ==, DL_TIME_UNIT_YEAR);
  g_assert_cmpint (step.step, >=, 5000000);

  /* Months fall on the 1st, years on 1 January, aligned to the step. */
  dl_time_axis_ticks (days_to_unix (2023, 10, 15), days_to_unix (2024, 8, 31), DL_TIME_UNIT_MONTH, 3, ticks);
  g_assert_cmpuint (ticks->len, ==, 4);
  g_assert_cmpint (g_array_index (ticks, gint64, 0), ==, days_to_unix (2023, 10, 1));
  g_assert_cmpint (g_array_index (ticks, gint64, 3), ==, days_to_unix (2024, 7, 1));
  dl_time_axis_ticks (days_to_unix (-1234, 6, 1), days_to_unix (-1000, 1, 1), DL_TIME_UNIT_YEAR, 100, ticks);
  g_assert_cmpuint (ticks->len, ==, 4);
  g_assert_cmpint (g_array_index (ticks, gint64, 0), ==, days_to_unix (-1300, 1, 1));
  g_assert_cmpint (g_array_index (ticks, gint64, 3), ==, days_to_unix (-1000, 1, 1));
}

static void
test_floor_div (void)
{
  g_assert_cmpint (dl_time_floor_div (7, 2), ==, 3);
  g_assert_cmpint (dl_time_floor_div (-7, 2), ==, -4);
  g_assert_cmpint (dl_time_floor_div (-8, 2), ==, -4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-axis/bounded-count", test_bounded_count);
  g_test_add_func ("/time-axis/units", test_units);
  g_test_add_func ("/time-axis/whole-range", test_whole_range);
  g_test_add_func ("/time-axis/format", test_format);
  g_test_add_func ("/time-axis/floor-div", test_floor_div);

  return g_test_run ();
}
