/* dl-time-ticks.c: where to put the ticks of a time axis, at any span
 *
 * Calendar steps (hours, days, months, years) come from a table; past it,
 * years go in 1-2-5 steps to any power of ten, so a span of a hundred
 * million years gets as few ticks as a week does. Positions use the civil
 * calendar (dl_days_from_civil) at every year EDTF can write, not only
 * GDateTime's 1–9999.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-time-ticks"

#include <glib/gi18n.h>
#include <math.h>

#include "dl-edtf.h"
#include "dl-time-ticks.h"

#define HOUR  ((gint64) 3600)
#define DAY   ((gint64) 86400)
/* The mean Gregorian year, to compare spans with steps. */
#define YEAR  31556952.0

typedef enum {
  UNIT_HOUR,
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

static const struct {
  Unit   unit;
  gint64 count;
} fixed_steps[] = {
  { UNIT_HOUR, 1 }, { UNIT_HOUR, 3 }, { UNIT_HOUR, 6 }, { UNIT_HOUR, 12 },
  { UNIT_DAY, 1 }, { UNIT_DAY, 2 }, { UNIT_DAY, 7 }, { UNIT_DAY, 14 },
  { UNIT_MONTH, 1 }, { UNIT_MONTH, 3 }, { UNIT_MONTH, 6 },
};

static gint64
floor_div (gint64 a,
           gint64 b)
{
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

static double
step_seconds (Unit   unit,
              gint64 count)
{
  switch (unit)
    {
    case UNIT_HOUR: return (double) count * HOUR;
    case UNIT_DAY: return (double) count * DAY;
    case UNIT_MONTH: return (double) count * YEAR / 12;
    case UNIT_YEAR:
    default: return (double) count * YEAR;
    }
}

static void
tick_clear (gpointer data)
{
  g_free (((DlTimeTick *) data)->label);
}

static char *
format_tick (gint64 t,
             Unit   unit)
{
  g_autoptr(GDateTime) dt = NULL;
  gint64 y;
  int m, d;

  dl_civil_from_days (floor_div (t, DAY), &y, &m, &d);
  if (y >= 1 && y <= 9999)
    dt = g_date_time_new_from_unix_utc (t);
  if (dt == NULL || unit == UNIT_YEAR)
    {
      if (dt != NULL)
        return g_date_time_format (dt, _("%Y"));
      return g_strdup_printf ("%" G_GINT64_FORMAT, y);
    }

  switch (unit)
    {
    case UNIT_HOUR: return g_date_time_format (dt, _("%H:%M"));
    case UNIT_DAY: return g_date_time_format (dt, _("%a %-d"));
    case UNIT_MONTH:
    case UNIT_YEAR:
    default: return g_date_time_format (dt, _("%OB %Y"));
    }
}

static void
add_tick (GArray *ticks,
          gint64  t,
          Unit    unit)
{
  DlTimeTick tick = { t, format_tick (t, unit) };

  g_strstrip (tick.label);
  g_array_append_val (ticks, tick);
}

GArray *
dl_time_ticks_choose (gint64 start,
                      gint64 end,
                      guint  max_ticks)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (DlTimeTick));
  double span;
  Unit unit = UNIT_YEAR;
  gint64 count = 0;

  g_array_set_clear_func (ticks, tick_clear);
  g_return_val_if_fail (end > start, ticks);

  max_ticks = MAX (max_ticks, 2);
  span = (double) end - (double) start;

  for (guint i = 0; i < G_N_ELEMENTS (fixed_steps) && count == 0; i++)
    if (span / step_seconds (fixed_steps[i].unit, fixed_steps[i].count) <= max_ticks)
      {
        unit = fixed_steps[i].unit;
        count = fixed_steps[i].count;
      }
  if (count == 0)
    {
      /* Years: 1, 2, 5, 10, 20, 50 … enough of them for any gint64 span. */
      double years = span / YEAR / max_ticks;
      double power = pow (10, floor (log10 (MAX (years, 1))));

      count = (gint64) (years <= power ? power : years <= 2 * power ? 2 * power : years <= 5 * power ? 5 * power : 10 * power);
      count = MAX (count, 1);
    }

  switch (unit)
    {
    case UNIT_HOUR:
    case UNIT_DAY:
      {
        gint64 step = unit == UNIT_HOUR ? count * HOUR : count * DAY;
        /* Weeks start on Monday (1 January 1970 was a Thursday). */
        gint64 origin = unit == UNIT_DAY && count % 7 == 0 ? 4 * DAY : 0;
        gint64 t = floor_div (start - origin, step) * step + origin;

        for (; t <= end; t += step)
          if (t >= start)
            add_tick (ticks, t, unit);
      }
      break;

    case UNIT_MONTH:
      {
        gint64 y;
        int m, d;

        dl_civil_from_days (floor_div (start, DAY), &y, &m, &d);
        m = (int) (((m - 1) / count) * count + 1);
        for (;;)
          {
            gint64 t = dl_days_from_civil (y, m, 1) * DAY;

            if (t > end)
              break;
            if (t >= start)
              add_tick (ticks, t, unit);
            m += (int) count;
            if (m > 12)
              {
                m -= 12;
                y++;
              }
          }
      }
      break;

    case UNIT_YEAR:
    default:
      {
        gint64 y;
        int m, d;

        dl_civil_from_days (floor_div (start, DAY), &y, &m, &d);
        y = floor_div (y, count) * count;
        for (guint guard = 0; guard <= max_ticks + 2; guard++)
          {
            gint64 days = dl_days_from_civil (y, 1, 1);
            gint64 t;

            /* Past what seconds can hold: the axis ends there. */
            if (days > G_MAXINT64 / DAY || days < G_MININT64 / DAY)
              break;
            t = days * DAY;
            if (t > end)
              break;
            if (t >= start)
              add_tick (ticks, t, UNIT_YEAR);
            y += count;
          }
      }
      break;
    }

  return ticks;
}
