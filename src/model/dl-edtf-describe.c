/* dl-edtf-describe.c: an EDTF date in words and as an ISO instant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Its own file because it is about the user's language, not the grammar:
 * GDateTime names months and weekdays for years 1 to 9999, and years beyond
 * borrow their names from 2000; seasons, open ends, BCE years and the
 * uncertain/approximate notes are worded here.
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edtf"

#include <glib/gi18n-lib.h>

#include "dl-edtf.h"

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

typedef struct {
  gint64 year;
  int    month;
  int    day;
  int    hour;
  int    minute;
  int    second;
} Civil;

static void
civil_from_instant (gint64  instant,
                    Civil  *civil)
{
  gint64 days, seconds;

  /* Floor division, so that instants before 1970 fall on the right day;
   * no multiplication, which could overflow near G_MININT64. */
  days = instant / SECONDS_PER_DAY;
  seconds = instant % SECONDS_PER_DAY;
  if (seconds < 0)
    {
      days--;
      seconds += SECONDS_PER_DAY;
    }

  dl_civil_from_days (days, &civil->year, &civil->month, &civil->day);
  civil->hour = (int) (seconds / 3600);
  civil->minute = (int) (seconds / 60 % 60);
  civil->second = (int) (seconds % 60);
}

/* Formatting */

char *
dl_edtf_format_instant (gint64 instant)
{
  Civil c;
  const char *sign;

  if (instant == DL_EDTF_UNBOUNDED_START || instant == DL_EDTF_UNBOUNDED_END)
    return NULL;

  civil_from_instant (instant, &c);
  if (c.year < 0)
    sign = "-";
  else if (c.year > 9999)
    sign = "+";
  else
    sign = "";

  return g_strdup_printf ("%s%04" G_GINT64_FORMAT "-%02d-%02dT%02d:%02d:%02dZ",
                          sign, c.year < 0 ? -c.year : c.year,
                          c.month, c.day, c.hour, c.minute, c.second);
}

/* "2024", or "45 BCE" for the astronomical year -44 */
static char *
describe_year (gint64 year)
{
  g_autofree char *number = NULL;

  if (year >= 1)
    return g_strdup_printf ("%" G_GINT64_FORMAT, year);

  number = g_strdup_printf ("%" G_GINT64_FORMAT, 1 - year);
  /* Translators: a year before the common era, as in "45 BCE" */
  return g_strdup_printf (_("%s BCE"), number);
}

static char *
format_civil (const Civil *c,
              const char  *format)
{
  g_autoptr(GDateTime) dt = NULL;

  if (c->year < 1 || c->year > 9999)
    return NULL;

  dt = g_date_time_new_utc ((int) c->year, c->month, c->day,
                            c->hour, c->minute, c->second);
  if (dt == NULL)
    return NULL;

  return g_date_time_format (dt, format);
}

/* Month and day names for years GDateTime cannot hold, borrowed from 2000
 * (a leap year, so 29 February exists), followed by the year. */
static char *
format_civil_far (const Civil *c,
                  const char  *format)
{
  g_autofree char *names = NULL;
  g_autofree char *year = NULL;
  Civil ref = *c;

  ref.year = 2000;
  names = format_civil (&ref, format);
  if (names == NULL)
    return NULL;
  year = describe_year (c->year);

  /* Translators: a date outside years 1 to 9999: the first %s is the day and
   * month ("15 March") or the month ("March"), the second the year */
  return g_strdup_printf (C_("far date", "%1$s %2$s"), names, year);
}

static char *
describe_season (const Civil *c,
                 gboolean     is_end)
{
  g_autofree char *year = NULL;
  int first_month = c->month;
  gint64 season_year = c->year;

  if (is_end)
    {
      first_month = c->month - 2;
      if (first_month <= 0)
        {
          first_month += 12;
          season_year--;
        }
    }

  year = describe_year (season_year);
  switch (first_month)
    {
    case 3:
      /* Translators: %s is a year */
      return g_strdup_printf (C_("season", "Spring %s"), year);
    case 6:
      /* Translators: %s is a year */
      return g_strdup_printf (C_("season", "Summer %s"), year);
    case 9:
      /* Translators: %s is a year */
      return g_strdup_printf (C_("season", "Autumn %s"), year);
    case 12:
      /* Translators: %s is the year in which the winter starts */
      return g_strdup_printf (C_("season", "Winter %s"), year);
    default:
      return NULL;
    }
}

/* One end of a span. @is_end: @instant is the last second of its period. */
static char *
describe_point (gint64          instant,
                DlEdtfPrecision precision,
                gboolean        is_end)
{
  char *text = NULL;
  Civil c;

  civil_from_instant (instant, &c);

  switch (precision)
    {
    case DL_EDTF_PRECISION_YEAR:
      return describe_year (c.year);

    case DL_EDTF_PRECISION_SEASON:
      text = describe_season (&c, is_end);
      if (text != NULL)
        return text;
      G_GNUC_FALLTHROUGH;

    case DL_EDTF_PRECISION_MONTH:
      /* Translators: a month and year, see the strftime() and
       * g_date_time_format() manuals; %OB is the month name on its own */
      /* xgettext:no-c-format */
      text = format_civil (&c, C_("month precision", "%OB %Y"));
      if (text == NULL)
        text = format_civil_far (&c, "%OB");
      break;

    case DL_EDTF_PRECISION_DAY:
      /* Translators: a full date, see the strftime() and
       * g_date_time_format() manuals; "Tuesday 20 August 2024" */
      /* xgettext:no-c-format */
      text = format_civil (&c, C_("day precision", "%A %-e %B %Y"));
      if (text == NULL)
        /* Translators: day and month of a date outside years 1 to 9999 */
        /* xgettext:no-c-format */
        text = format_civil_far (&c, C_("day precision", "%-e %B"));
      break;

    case DL_EDTF_PRECISION_SECOND:
    default:
      /* Translators: a date and time in UTC, see the strftime() and
       * g_date_time_format() manuals */
      /* xgettext:no-c-format */
      text = format_civil (&c, C_("second precision", "%A %-e %B %Y, %H:%M:%S UTC"));
      break;
    }

  if (text == NULL)
    text = dl_edtf_format_instant (instant);

  return text;
}

static void
append_note (GString    *out,
             const char *note)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, note);
}

char *
dl_edtf_describe (const DlEdtf *edtf)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean has_start, has_end;
  GString *out;

  g_return_val_if_fail (edtf != NULL, NULL);

  has_start = edtf->earliest != DL_EDTF_UNBOUNDED_START;
  has_end = edtf->latest != DL_EDTF_UNBOUNDED_END;
  out = g_string_new (NULL);

  if (!has_start && !has_end)
    {
      /* Only an event without a date (imported, map only) has no bound at all. */
      g_string_append (out, _("no date"));
    }
  else if (!(edtf->flags & DL_EDTF_INTERVAL) && has_start && has_end)
    {
      /* A single date */
      first = describe_point (edtf->earliest, edtf->precision, FALSE);

      if ((edtf->flags & DL_EDTF_UNSPECIFIED) && edtf->precision == DL_EDTF_PRECISION_YEAR)
        {
          Civil a, b;

          civil_from_instant (edtf->earliest, &a);
          civil_from_instant (edtf->latest, &b);
          if (a.year != b.year)
            {
              last = describe_point (edtf->latest, edtf->precision, TRUE);
              /* Translators: a span of time, from the first %s to the second */
              g_string_append_printf (out, _("%s – %s"), first, last);
              append_note (out, _("(exact year unknown)"));
            }
          else
            {
              g_string_append (out, first);
              append_note (out, _("(month unknown)"));
            }
        }
      else
        {
          g_string_append (out, first);
          if ((edtf->flags & DL_EDTF_UNSPECIFIED) && edtf->precision == DL_EDTF_PRECISION_MONTH)
            append_note (out, _("(day unknown)"));
          else if (edtf->flags & DL_EDTF_UNSPECIFIED)
            append_note (out, _("(partly unknown)"));
        }
    }
  else
    {
      /* An interval */
      if (has_start)
        first = describe_point (edtf->earliest, edtf->precision, FALSE);
      if (has_end)
        last = describe_point (edtf->latest, edtf->precision, TRUE);

      if (first != NULL && last != NULL)
        {
          if (g_str_equal (first, last))
            g_string_append (out, first);
          else
            g_string_append_printf (out, _("%s – %s"), first, last);
        }
      else if (last != NULL)
        {
          if (edtf->flags & DL_EDTF_UNKNOWN_START)
            /* Translators: an interval whose start is not known */
            g_string_append_printf (out, _("unknown – %s"), last);
          else
            /* Translators: an interval without a start */
            g_string_append_printf (out, _("until %s"), last);
        }
      else if (first != NULL)
        {
          if (edtf->flags & DL_EDTF_UNKNOWN_END)
            /* Translators: an interval whose end is not known */
            g_string_append_printf (out, _("%s – unknown"), first);
          else
            /* Translators: an interval without an end */
            g_string_append_printf (out, _("from %s"), first);
        }

      if (edtf->flags & DL_EDTF_UNSPECIFIED)
        append_note (out, _("(partly unknown)"));
    }

  if ((edtf->flags & DL_EDTF_UNCERTAIN) && (edtf->flags & DL_EDTF_APPROXIMATE))
    append_note (out, _("(uncertain, approximate)"));
  else if (edtf->flags & DL_EDTF_UNCERTAIN)
    append_note (out, _("(uncertain)"));
  else if (edtf->flags & DL_EDTF_APPROXIMATE)
    append_note (out, _("(approximate)"));

  return g_string_free (out, FALSE);
}

