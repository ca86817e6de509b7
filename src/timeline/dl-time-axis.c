/* dl-time-axis.c: calendar ticks for a time axis, chosen from the span shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-edtf.h"
#include "dl-time-axis.h"

#define SECONDS_PER_HOUR   G_GINT64_CONSTANT (3600)
#define SECONDS_PER_DAY    G_GINT64_CONSTANT (86400)

static const DlTimeStep tick_steps[] = {
  { DL_TIME_UNIT_HOUR,  1,    3600, 70 },
  { DL_TIME_UNIT_HOUR,  2,    7200, 70 },
  { DL_TIME_UNIT_HOUR,  3,   10800, 70 },
  { DL_TIME_UNIT_HOUR,  6,   21600, 80 },
  { DL_TIME_UNIT_HOUR,  12,  43200, 110 },
  { DL_TIME_UNIT_DAY,   1,   86400, 30 },
  { DL_TIME_UNIT_DAY,   2,  172800, 30 },
  { DL_TIME_UNIT_DAY,   5,  432000, 30 },
  { DL_TIME_UNIT_MONTH, 1,  2629746, 48 },
  { DL_TIME_UNIT_MONTH, 3,  7889238, 48 },
  { DL_TIME_UNIT_MONTH, 6,  15778476, 48 },
  { DL_TIME_UNIT_YEAR,  1,  31556952, 44 },
  { DL_TIME_UNIT_YEAR,  2,  63113904, 44 },
  { DL_TIME_UNIT_YEAR,  5,  157784760, 44 },
  { DL_TIME_UNIT_YEAR,  10, 315569520, 44 },
  { DL_TIME_UNIT_YEAR,  20, 631139040, 44 },
  { DL_TIME_UNIT_YEAR,  50, 1577847600, 44 },
};

gint64
dl_time_floor_div (gint64 a,
                   gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

DlTimeStep
dl_time_axis_step_for_span (double span,
                            double width,
                            double min_px)
{
  DlTimeStep step;
  double years = 100;
  /* The largest step whose seconds a gint64 holds. */
  const double max_years = 1e11;

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    if (tick_steps[i].seconds / span * width >= MAX (tick_steps[i].min_px, min_px))
      return tick_steps[i];

  step = tick_steps[G_N_ELEMENTS (tick_steps) - 1];
  for (;;)
    {
      for (guint k = 0; k < 3; k++)
        {
          double n = years * (k == 0 ? 1 : k == 1 ? 2 : 5);

          step.step = (gint64) MIN (n, max_years);
          step.seconds = (gint64) (MIN (n, max_years) * 31556952.0);
          if (step.seconds / span * width >= MAX (step.min_px, min_px) || n >= max_years)
            return step;
        }
      years *= 10;
    }
}

void
dl_time_axis_ticks (gint64      start,
                    gint64      end,
                    DlTimeUnit  unit,
                    gint64      step,
                    GArray     *ticks)
{
  gint64 y;
  int m, d;

  g_array_set_size (ticks, 0);

  switch (unit)
    {
    case DL_TIME_UNIT_HOUR:
      for (gint64 t = dl_time_floor_div (start, SECONDS_PER_HOUR * step) * SECONDS_PER_HOUR * step;
           t <= end; t += SECONDS_PER_HOUR * step)
        g_array_append_val (ticks, t);
      break;

    case DL_TIME_UNIT_DAY:
      for (gint64 day = dl_time_floor_div (start, SECONDS_PER_DAY); day * SECONDS_PER_DAY <= end; day++)
        {
          gint64 t = day * SECONDS_PER_DAY;

          dl_civil_from_days (day, &y, &m, &d);
          /* Steps restart with each month, and skip a last one crowding the 1st. */
          if (step == 1 || ((d - 1) % step == 0 && d + step / 2 <= dl_days_in_month (y, m)))
            g_array_append_val (ticks, t);
        }
      break;

    case DL_TIME_UNIT_MONTH:
      dl_civil_from_days (dl_time_floor_div (start, SECONDS_PER_DAY), &y, &m, &d);
      m = (int) (((m - 1) / step) * step + 1);
      for (;;)
        {
          gint64 t = dl_days_from_civil (y, m, 1) * SECONDS_PER_DAY;

          if (t > end)
            break;
          g_array_append_val (ticks, t);
          m += (int) step;
          if (m > 12)
            {
              m -= 12;
              y++;
            }
        }
      break;

    case DL_TIME_UNIT_YEAR:
      dl_civil_from_days (dl_time_floor_div (start, SECONDS_PER_DAY), &y, &m, &d);
      y = dl_time_floor_div (y, step) * step;
      for (;;)
        {
          gint64 days = dl_days_from_civil (y, 1, 1);
          gint64 t;

          /* Past what seconds can hold, the axis ends. */
          if (days > G_MAXINT64 / SECONDS_PER_DAY || days < G_MININT64 / SECONDS_PER_DAY)
            break;
          t = days * SECONDS_PER_DAY;
          if (t > end)
            break;
          g_array_append_val (ticks, t);
          y += step;
        }
      break;

    case DL_TIME_UNIT_NONE:
    default:
      break;
    }
}

char *
dl_time_axis_format (gint64      t,
                     const char *format)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
  char *text = dt != NULL ? g_date_time_format (dt, format) : NULL;
  gint64 y;
  int m, d;

  if (text != NULL)
    return g_strstrip (text);

  dl_civil_from_days (dl_time_floor_div (t, SECONDS_PER_DAY), &y, &m, &d);
  return g_strdup_printf ("%" G_GINT64_FORMAT, y);
}
