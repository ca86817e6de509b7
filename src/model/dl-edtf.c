/* dl-edtf.c: Extended Date/Time Format (ISO 8601-2, EDTF levels 0 and 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar arithmetic and the parser. A hand-written scanner: no regular
 * expressions and no allocation unless the text is rejected, since a big
 * dataset parses many thousands of dates.
 * Civil dates are converted with Howard Hinnant's days_from_civil and
 * civil_from_days (proleptic Gregorian, astronomical year numbering: year
 * 0000 is 1 BCE), so every year up to ±DL_EDTF_MAX_YEAR works. Saying a date
 * in words is dl-edtf-describe.c.
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edtf"

#include <glib/gi18n-lib.h>

#include "dl-edtf.h"
#include "dl-text.h"

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* How much of a rejected text an error message quotes, in bytes. */
#define QUOTE_MAX 64

G_DEFINE_QUARK (dl-edtf-error-quark, dl_edtf_error)

/* Calendar arithmetic */

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
dl_days_in_month (gint64 year,
               int    month)
{
  static const guint8 days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_assert (month >= 1 && month <= 12);

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
gint64
dl_days_from_civil (gint64 year,
                 int    month,
                 int    day)
{
  gint64 era, yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/* The proleptic Gregorian date of a day counted from 1970-01-01. */
void
dl_civil_from_days (gint64  days,
                    gint64 *year,
                    int    *month,
                    int    *day)
{
  gint64 era, doe, yoe, doy, mp;

  days += 719468;
  era = (days >= 0 ? days : days - 146096) / 146097;
  doe = days - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = (int) (mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

/* Parsing */

typedef struct {
  const char  *text;   /* the whole input, quoted in error messages */
  const char  *p;      /* the cursor */
  GError     **error;
} Parser;

typedef enum {
  END_DATE,
  END_OPEN,     /* ".." */
  END_UNKNOWN,  /* empty */
} EndKind;

/* At most QUOTE_MAX bytes of @text, cut at a character boundary, as valid
 * UTF-8. */
static char *
quote_text (const char *text)
{
  g_autofree char *cut = NULL;
  gsize len = 0;

  /* The date as written, cut short, with no control characters. */
  while (len <= QUOTE_MAX && text[len] != '\0')
    len++;
  if (len <= QUOTE_MAX)
    return dl_text_escape_for_message (text, (gssize) len, 0);

  len = QUOTE_MAX;
  while (len > 0 && ((guchar) text[len] & 0xC0) == 0x80)
    len--;

  cut = dl_text_escape_for_message (text, (gssize) len, 0);

  return g_strconcat (cut, "…", NULL);
}

static gboolean parse_error (Parser      *parser,
                             DlEdtfError  code,
                             const char  *format,
                             ...) G_GNUC_PRINTF (3, 4);

/* Sets the error and returns FALSE. */
static gboolean
parse_error (Parser      *parser,
             DlEdtfError  code,
             const char  *format,
             ...)
{
  g_autofree char *quoted = NULL;
  g_autofree char *reason = NULL;
  va_list args;

  if (parser->error == NULL)
    return FALSE;

  quoted = quote_text (parser->text);
  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  switch (code)
    {
    case DL_EDTF_ERROR_INVALID_DATE:
      /* Translators: the first %s is the date as written in the dataset,
       * the second says what is wrong with it */
      g_set_error (parser->error, DL_EDTF_ERROR, code,
                   _("“%s” is not a valid date: %s"), quoted, reason);
      break;

    case DL_EDTF_ERROR_REVERSED:
      g_set_error (parser->error, DL_EDTF_ERROR, code,
                   _("“%s” is not a valid interval: %s"), quoted, reason);
      break;

    case DL_EDTF_ERROR_RANGE:
      g_set_error (parser->error, DL_EDTF_ERROR, code,
                   _("“%s” is out of range: %s"), quoted, reason);
      break;

    case DL_EDTF_ERROR_SYNTAX:
    default:
      /* Translators: EDTF is the Extended Date/Time Format (ISO 8601-2) */
      g_set_error (parser->error, DL_EDTF_ERROR, code,
                   _("“%s” is not an EDTF date: %s"), quoted, reason);
      break;
    }

  return FALSE;
}

static gboolean
error_lowercase_x (Parser *parser)
{
  return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                      _("unspecified digits must be a capital “X”"));
}

static gboolean
error_not_rightmost (Parser *parser)
{
  return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                      _("only the rightmost digits can be unspecified (“X”)"));
}

static inline gboolean
is_digit_or_x (char c)
{
  return g_ascii_isdigit (c) || c == 'X' || c == 'x';
}

typedef enum {
  FIELD_NUMBER,
  FIELD_UNSPECIFIED,   /* all X */
  FIELD_PARTIAL,       /* digits and X mixed */
  FIELD_LOWERCASE_X,
  FIELD_MISSING,
} FieldKind;

/* Reads exactly @n_chars digits or X; never reads past a NUL. */
static FieldKind
read_field (const char *p,
            int         n_chars,
            int        *value)
{
  int n_x = 0;
  gboolean lowercase = FALSE;

  *value = 0;
  for (int i = 0; i < n_chars; i++)
    {
      if (g_ascii_isdigit (p[i]))
        *value = *value * 10 + (p[i] - '0');
      else if (p[i] == 'X')
        n_x++;
      else if (p[i] == 'x')
        lowercase = TRUE;
      else
        return FIELD_MISSING;
    }

  if (lowercase)
    return FIELD_LOWERCASE_X;
  if (n_x == n_chars)
    return FIELD_UNSPECIFIED;
  if (n_x > 0)
    return FIELD_PARTIAL;
  return FIELD_NUMBER;
}

/* A month's or a day's field that is neither a number nor all X: the two
 * fail alike, but for what was @expected there. */
static gboolean
error_field (Parser     *parser,
             FieldKind   kind,
             const char *expected)
{
  switch (kind)
    {
    case FIELD_PARTIAL:
      return error_not_rightmost (parser);
    case FIELD_LOWERCASE_X:
      return error_lowercase_x (parser);
    case FIELD_MISSING:
    default:
      return parse_error (parser, DL_EDTF_ERROR_SYNTAX, "%s", expected);
    }
}

/* "Y170000002", "Y-170000002": a year beyond four digits, without month or
 * day. The cursor is on the "Y". */
static gboolean
parse_long_year (Parser     *parser,
                 const char **pp,
                 gint64      *year)
{
  const char *p = *pp + 1;
  gboolean negative = FALSE;
  gint64 value = 0;
  int n_digits = 0;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (!g_ascii_isdigit (*p))
    return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                        _("expected the digits of a year after “Y”"));
  if (*p == '0')
    return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                        _("a year after “Y” cannot start with 0"));

  for (; g_ascii_isdigit (*p); p++)
    {
      /* DL_EDTF_MAX_YEAR has nine digits: stop at a tenth, before value can
       * overflow, and without reading the rest of a very long run of digits. */
      if (n_digits == 9)
        return parse_error (parser, DL_EDTF_ERROR_RANGE,
                            _("years must be between -%d and %d"),
                            DL_EDTF_MAX_YEAR, DL_EDTF_MAX_YEAR);
      value = value * 10 + (*p - '0');
      n_digits++;
    }

  if (value > DL_EDTF_MAX_YEAR)
    return parse_error (parser, DL_EDTF_ERROR_RANGE,
                        _("years must be between -%d and %d"),
                        DL_EDTF_MAX_YEAR, DL_EDTF_MAX_YEAR);
  if (n_digits <= 4)
    return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                        _("the “Y” prefix is only for years with more than four digits"));
  if (*p == 'X' || *p == 'x')
    return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                        _("a year written with “Y” cannot have unspecified digits"));
  if (*p == '-')
    return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                        _("a year written with “Y” cannot have a month or day"));

  *year = negative ? -value : value;
  *pp = p;

  return TRUE;
}

/* One date: the cursor is on its first character; on success it is left on
 * the first character after the date and its qualifier. */
static gboolean
parse_date (Parser *parser,
            DlEdtf *out)
{
  const char *p = parser->p;
  gint64 year_lo = 0, year_hi = 0;
  int n_x_year = 0;
  int month = 0, season = 0, day = 0;
  gboolean month_x = FALSE, day_x = FALSE;
  gboolean has_time = FALSE;
  gint64 seconds = 0;   /* time of day, minus the time zone offset */
  gint64 first_day, last_day;
  DlEdtfFlags flags = 0;
  DlEdtfPrecision precision;
  FieldKind kind;
  int value;

  /* The year */
  if (*p == 'Y')
    {
      if (!parse_long_year (parser, &p, &year_lo))
        return FALSE;
      year_hi = year_lo;
    }
  else
    {
      gboolean negative = FALSE;

      if (*p == '-')
        {
          negative = TRUE;
          p++;
        }

      for (int i = 0; i < 4; i++, p++)
        {
          if (g_ascii_isdigit (*p))
            {
              if (n_x_year > 0)
                return error_not_rightmost (parser);
              year_lo = year_lo * 10 + (*p - '0');
              year_hi = year_hi * 10 + (*p - '0');
            }
          else if (*p == 'X')
            {
              n_x_year++;
              year_lo = year_lo * 10;
              year_hi = year_hi * 10 + 9;
            }
          else if (*p == 'x')
            return error_lowercase_x (parser);
          else
            return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                _("expected a four-digit year"));
        }

      if (is_digit_or_x (*p))
        return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                            _("a year with more than four digits must start with “Y”, as in “Y12345”"));

      if (negative)
        {
          gint64 lo = year_lo;

          if (year_hi == 0)
            return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                _("year 0000 cannot be negative"));
          year_lo = -year_hi;
          year_hi = -lo;
        }

      /* The month or season */
      if (*p == '-')
        {
          kind = read_field (p + 1, 2, &value);
          switch (kind)
            {
            case FIELD_NUMBER:
              if (n_x_year > 0)
                return error_not_rightmost (parser);
              if (value >= 21 && value <= 24)
                season = value;
              else if (value >= 25 && value <= 41)
                return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                    _("seasons 25 to 41 are EDTF level 2; use 21 (spring) to 24 (winter)"));
              else if (value >= 1 && value <= 12)
                month = value;
              else
                return parse_error (parser, DL_EDTF_ERROR_INVALID_DATE,
                                    _("there is no month %02d"), value);
              break;
            case FIELD_UNSPECIFIED:
              /* "1XXX-XX" is level 2: level 1 leaves only the year's
               * rightmost digits unspecified, or the month and day of a
               * known year. */
              if (n_x_year > 0)
                return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                    _("a year with unspecified digits cannot have a month (EDTF level 2)"));
              month_x = TRUE;
              break;
            default:
              return error_field (parser, kind,
                                  _("expected a two-digit month after the year"));
            }
          p += 3;
          if (is_digit_or_x (*p))
            return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                _("a month has two digits"));
        }

      /* The day */
      if (*p == '-')
        {
          if (season != 0)
            return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                _("a season cannot have a day"));

          kind = read_field (p + 1, 2, &value);
          switch (kind)
            {
            case FIELD_NUMBER:
              if (month_x)
                return error_not_rightmost (parser);
              if (value < 1 || value > dl_days_in_month (year_lo, month))
                {
                  g_autofree char *year = g_strdup_printf ("%s%04" G_GINT64_FORMAT,
                                                           year_lo < 0 ? "-" : "",
                                                           ABS (year_lo));
                  int n_days;

                  if (value < 1)
                    return parse_error (parser, DL_EDTF_ERROR_INVALID_DATE,
                                        _("there is no day 00"));
                  n_days = dl_days_in_month (year_lo, month);
                  /* Translators: "month 02 of 2023 has only 28 days" */
                  return parse_error (parser, DL_EDTF_ERROR_INVALID_DATE,
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "month %02d of %s has only %d day",
                                                   "month %02d of %s has only %d days",
                                                   n_days),
                                      month, year, n_days);
                }
              day = value;
              break;
            case FIELD_UNSPECIFIED:
              day_x = TRUE;
              break;
            default:
              return error_field (parser, kind,
                                  _("expected a two-digit day after the month"));
            }
          p += 3;
          if (is_digit_or_x (*p))
            return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                _("a day has two digits"));
        }

      /* The time: "T10:00:00", "T10:00:00Z", "T10:00:00+02:00" */
      if (*p == 'T')
        {
          int hour, minute, second;

          if (day == 0)
            return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                _("a time needs a complete date before “T”"));
          if (read_field (p + 1, 2, &hour) != FIELD_NUMBER || p[3] != ':'
              || read_field (p + 4, 2, &minute) != FIELD_NUMBER || p[6] != ':'
              || read_field (p + 7, 2, &second) != FIELD_NUMBER)
            return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                _("expected a time as hh:mm:ss after “T”"));
          p += 9;

          if (hour > 23)
            return parse_error (parser, DL_EDTF_ERROR_INVALID_DATE,
                                _("there is no hour %02d"), hour);
          if (minute > 59)
            return parse_error (parser, DL_EDTF_ERROR_INVALID_DATE,
                                _("there is no minute %02d"), minute);
          if (second > 59)
            return parse_error (parser, DL_EDTF_ERROR_INVALID_DATE,
                                _("there is no second %02d"), second);
          seconds = hour * 3600 + minute * 60 + second;

          if (*p == 'Z')
            {
              p++;
            }
          else if (*p == '+' || *p == '-')
            {
              int sign = *p == '-' ? -1 : 1;
              int offset_hours, offset_minutes = 0;

              if (read_field (p + 1, 2, &offset_hours) != FIELD_NUMBER)
                return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                    _("expected a time zone offset such as “+02:00”"));
              p += 3;
              if (*p == ':')
                {
                  if (read_field (p + 1, 2, &offset_minutes) != FIELD_NUMBER)
                    return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                                        _("expected a time zone offset such as “+02:00”"));
                  p += 3;
                }
              if (offset_hours > 23 || offset_minutes > 59)
                return parse_error (parser, DL_EDTF_ERROR_INVALID_DATE,
                                    _("there is no time zone offset %02d:%02d"),
                                    offset_hours, offset_minutes);
              seconds -= sign * (offset_hours * 3600 + offset_minutes * 60);
            }

          has_time = TRUE;
        }
    }

  /* The qualifier */
  if (*p == '?' || *p == '~' || *p == '%')
    {
      if (has_time)
        return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                            _("a date with a time cannot be qualified with “?”, “~” or “%%”"));
      if (season != 0)
        return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                            _("a season cannot be qualified with “?”, “~” or “%%” (EDTF level 2)"));
      if (*p != '~')
        flags |= DL_EDTF_UNCERTAIN;
      if (*p != '?')
        flags |= DL_EDTF_APPROXIMATE;
      p++;
    }

  if (n_x_year > 0 || month_x || day_x)
    flags |= DL_EDTF_UNSPECIFIED;

  /* The span */
  if (day != 0)
    {
      first_day = last_day = dl_days_from_civil (year_lo, month, day);
      precision = has_time ? DL_EDTF_PRECISION_SECOND : DL_EDTF_PRECISION_DAY;
    }
  else if (season != 0)
    {
      static const int first_month[] = { 3, 6, 9, 12 };
      int m = first_month[season - 21];

      first_day = dl_days_from_civil (year_lo, m, 1);
      if (m == 12)
        last_day = dl_days_from_civil (year_lo + 1, 2, dl_days_in_month (year_lo + 1, 2));
      else
        last_day = dl_days_from_civil (year_lo, m + 2, dl_days_in_month (year_lo, m + 2));
      precision = DL_EDTF_PRECISION_SEASON;
    }
  else if (month != 0)
    {
      first_day = dl_days_from_civil (year_lo, month, 1);
      last_day = dl_days_from_civil (year_lo, month, dl_days_in_month (year_lo, month));
      precision = DL_EDTF_PRECISION_MONTH;
    }
  else
    {
      first_day = dl_days_from_civil (year_lo, 1, 1);
      last_day = dl_days_from_civil (year_hi, 12, 31);
      precision = DL_EDTF_PRECISION_YEAR;
    }

  if (has_time)
    {
      out->earliest = first_day * SECONDS_PER_DAY + seconds;
      out->latest = out->earliest;
    }
  else
    {
      out->earliest = first_day * SECONDS_PER_DAY;
      out->latest = last_day * SECONDS_PER_DAY + SECONDS_PER_DAY - 1;
    }
  out->flags = flags;
  out->precision = precision;
  parser->p = p;

  return TRUE;
}

/* "..", an empty end, or a date */
static gboolean
parse_end (Parser  *parser,
           EndKind *kind,
           DlEdtf  *out)
{
  const char *p = parser->p;

  if (p[0] == '.' && p[1] == '.')
    {
      *kind = END_OPEN;
      parser->p = p + 2;
      return TRUE;
    }
  if (p[0] == '/' || p[0] == '\0')
    {
      *kind = END_UNKNOWN;
      return TRUE;
    }

  *kind = END_DATE;
  return parse_date (parser, out);
}

static gboolean
error_trailing (Parser *parser)
{
  g_autofree char *rest = NULL;

  if (parser->error == NULL)
    return FALSE;

  rest = quote_text (parser->p);
  return parse_error (parser, DL_EDTF_ERROR_SYNTAX,
                      _("unexpected “%s” after the date"), rest);
}

gboolean
dl_edtf_parse (const char  *text,
               DlEdtf      *out,
               GError     **error)
{
  Parser parser = { text, text, error };
  DlEdtf start = { 0, }, end = { 0, };
  DlEdtf result = { 0, };
  EndKind start_kind, end_kind;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (*text == '\0')
    return parse_error (&parser, DL_EDTF_ERROR_SYNTAX, _("the text is empty"));

  if (!parse_end (&parser, &start_kind, &start))
    return FALSE;

  if (*parser.p == '\0')
    {
      if (start_kind != END_DATE)
        return parse_error (&parser, DL_EDTF_ERROR_SYNTAX,
                            _("an interval needs a date on at least one end"));
      if (out != NULL)
        *out = start;
      return TRUE;
    }

  if (*parser.p != '/')
    return error_trailing (&parser);
  parser.p++;

  if (!parse_end (&parser, &end_kind, &end))
    return FALSE;
  if (*parser.p != '\0')
    return error_trailing (&parser);

  if (start_kind != END_DATE && end_kind != END_DATE)
    return parse_error (&parser, DL_EDTF_ERROR_SYNTAX,
                        _("an interval needs a date on at least one end"));

  /* "2004-06-XX/2004-07-03" is level 2. */
  if ((start_kind == END_DATE && (start.flags & DL_EDTF_UNSPECIFIED))
      || (end_kind == END_DATE && (end.flags & DL_EDTF_UNSPECIFIED)))
    return parse_error (&parser, DL_EDTF_ERROR_SYNTAX,
                        _("an interval's ends cannot have unspecified digits (EDTF level 2)"));

  result.flags = DL_EDTF_INTERVAL;
  result.precision = DL_EDTF_PRECISION_YEAR;

  switch (start_kind)
    {
    case END_DATE:
      result.earliest = start.earliest;
      result.flags |= start.flags;
      result.precision = start.precision;
      break;
    case END_OPEN:
      result.earliest = DL_EDTF_UNBOUNDED_START;
      result.flags |= DL_EDTF_OPEN_START;
      break;
    case END_UNKNOWN:
    default:
      result.earliest = DL_EDTF_UNBOUNDED_START;
      result.flags |= DL_EDTF_UNKNOWN_START;
      break;
    }

  switch (end_kind)
    {
    case END_DATE:
      if (start_kind == END_DATE && end.latest < start.earliest)
        return parse_error (&parser, DL_EDTF_ERROR_REVERSED,
                            _("it ends before it starts"));
      result.latest = end.latest;
      result.flags |= end.flags;
      if (start_kind != END_DATE || end.precision > result.precision)
        result.precision = end.precision;
      break;
    case END_OPEN:
      result.latest = DL_EDTF_UNBOUNDED_END;
      result.flags |= DL_EDTF_OPEN_END;
      break;
    case END_UNKNOWN:
    default:
      result.latest = DL_EDTF_UNBOUNDED_END;
      result.flags |= DL_EDTF_UNKNOWN_END;
      break;
    }

  if (out != NULL)
    *out = result;

  return TRUE;
}

/* Helpers */

gboolean
dl_edtf_is_bounded (const DlEdtf *edtf)
{
  g_return_val_if_fail (edtf != NULL, FALSE);

  return edtf->earliest != DL_EDTF_UNBOUNDED_START
         && edtf->latest != DL_EDTF_UNBOUNDED_END;
}

gint64
dl_edtf_get_midpoint (const DlEdtf *edtf)
{
  gint64 lo, hi;

  g_return_val_if_fail (edtf != NULL, 0);

  if (edtf->earliest == DL_EDTF_UNBOUNDED_START)
    return edtf->latest == DL_EDTF_UNBOUNDED_END ? 0 : edtf->latest;
  if (edtf->latest == DL_EDTF_UNBOUNDED_END)
    return edtf->earliest;

  lo = MIN (edtf->earliest, edtf->latest);
  hi = MAX (edtf->earliest, edtf->latest);

  /* hi - lo may not fit a gint64, but always fits a guint64. */
  return lo + (gint64) (((guint64) hi - (guint64) lo) / 2);
}

gboolean
dl_edtf_overlaps (const DlEdtf *edtf,
                  gint64        start,
                  gint64        end)
{
  g_return_val_if_fail (edtf != NULL, FALSE);

  return edtf->earliest <= end && start <= edtf->latest;
}

int
dl_edtf_compare (const DlEdtf *a,
                 const DlEdtf *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->earliest != b->earliest)
    return a->earliest < b->earliest ? -1 : 1;
  if (a->latest != b->latest)
    return a->latest < b->latest ? -1 : 1;
  return 0;
}
