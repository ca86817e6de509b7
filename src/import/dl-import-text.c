/* dl-import-text.c: reading other tools' dates and HTML
 *
 * Dates as the formats write them ("2023-01-31", "16 May 2025", "Aug 23",
 * ISO 8601, epoch milliseconds) become EDTF; HTML (TimelineJS, StoryMapJS)
 * becomes plain text with its entities decoded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-import"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-import.h"
#include "dl-import-private.h"

/* Dates */

static int
month_from_name (const char *word,
                 gsize       len)
{
  static const char * const names[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };

  if (len < 3)
    return 0;
  for (int m = 0; m < 12; m++)
    if (g_ascii_strncasecmp (word, names[m], len) == 0 && len <= strlen (names[m]))
      return m + 1;
    /* "Sept" */
    else if (m == 8 && len == 4 && g_ascii_strncasecmp (word, "sept", 4) == 0)
      return 9;
  return 0;
}

gboolean
dl_import_parse_date (const char *text,
                      int        *year,
                      int        *month,
                      int        *day,
                      gboolean   *has_year)
{
  int numbers[3];
  int n_numbers = 0;
  int found_month = 0;
  int y = 0, m = 0, d = 0;
  const char *p = text;

  *year = *month = *day = 0;
  *has_year = FALSE;

  /* ISO first: "2023-01-31", "2023-01", "2023". */
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-'
      && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2])
      && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6])
      && g_ascii_isdigit (text[8]) && g_ascii_isdigit (text[9]))
    {
      y = (int) g_ascii_strtoll (text, NULL, 10);
      m = (int) g_ascii_strtoll (text + 5, NULL, 10);
      d = (int) g_ascii_strtoll (text + 8, NULL, 10);
      goto check;
    }

  /* Otherwise words and numbers: "16 May 2025", "May 16, 2025", "Aug 23",
   * "23-Aug-2024", "August 2024". */
  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          char *end;
          gint64 value = g_ascii_strtoll (p, &end, 10);

          if (n_numbers == 3 || end - p > 4)
            return FALSE;
          numbers[n_numbers++] = (int) value;
          /* "23rd", "1st" */
          if (g_ascii_strncasecmp (end, "st", 2) == 0 || g_ascii_strncasecmp (end, "nd", 2) == 0
              || g_ascii_strncasecmp (end, "rd", 2) == 0 || g_ascii_strncasecmp (end, "th", 2) == 0)
            end += 2;
          if (end - p == 4 || value > 31)
            numbers[n_numbers - 1] = -(int) value - 1;  /* marks a year */
          p = end;
        }
      else if (g_ascii_isalpha (*p))
        {
          const char *start = p;

          while (g_ascii_isalpha (*p))
            p++;
          if (found_month != 0 || (found_month = month_from_name (start, p - start)) == 0)
            {
              /* Weekday names are allowed and ignored. */
              static const char * const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
              gboolean weekday = FALSE;

              for (guint i = 0; i < G_N_ELEMENTS (days) && !weekday; i++)
                weekday = p - start >= 3 && g_ascii_strncasecmp (start, days[i], 3) == 0;
              if (!weekday)
                return FALSE;
            }
        }
      else if (strchr (" ,.-/", *p) != NULL)
        p++;
      else
        return FALSE;
    }

  if (found_month == 0)
    {
      /* Only a year. */
      if (n_numbers == 1 && numbers[0] < 0)
        {
          *year = -numbers[0] - 1;
          *has_year = TRUE;
          return TRUE;
        }
      return FALSE;
    }

  m = found_month;
  for (int i = 0; i < n_numbers; i++)
    {
      if (numbers[i] < 0)
        {
          if (y != 0)
            return FALSE;
          y = -numbers[i] - 1;
        }
      else if (d == 0)
        d = numbers[i];
      else
        return FALSE;
    }
  if (y == 0)
    {
      /* "Aug 23": the caller supplies the year. */
      if (d == 0)
        return FALSE;
      *month = m;
      *day = d;
      return d >= 1 && d <= dl_days_in_month (2024, m);
    }

check:
  if (m < 1 || m > 12 || d < 0 || d > dl_days_in_month (y, m) || y < 1)
    return FALSE;
  *year = y;
  *month = m;
  *day = d;
  *has_year = TRUE;
  return TRUE;
}

char *
dl_import_epoch_ms_to_edtf (double ms)
{
  g_autoptr(GDateTime) time = NULL;

  if (!isfinite (ms) || fabs (ms) > 1e15)
    return NULL;
  time = g_date_time_new_from_unix_utc ((gint64) floor (ms / 1000.0));
  return time != NULL ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

char *
dl_import_iso_to_edtf (const char *text)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *copy = NULL;

  /* A date, month or year as it is. */
  if (strlen (text) <= 10 && dl_edtf_parse (text, NULL, NULL)
      && strchr (text, '/') == NULL && strpbrk (text, "?~%X") == NULL)
    return g_strdup (text);

  /* A date and time: "2024-08-20T10:30:00Z", "2024-08-20 10:30:00.5+03:00",
   * "2024-08-20T10:30" (read as UTC, as EDTF does). */
  copy = g_strdup (text);
  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';
  if ((time = g_date_time_new_from_iso8601 (copy, utc)) == NULL)
    return NULL;
  {
    g_autoptr(GDateTime) in_utc = g_date_time_to_utc (time);

    return g_date_time_format (in_utc, "%Y-%m-%dT%H:%M:%SZ");
  }
}

/* HTML */

static const struct {
  const char *name;
  const char *text;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", " " }, { "ndash", "–" }, { "mdash", "—" }, { "hellip", "…" },
  { "lsquo", "‘" }, { "rsquo", "’" }, { "ldquo", "“" }, { "rdquo", "”" },
  { "laquo", "«" }, { "raquo", "»" }, { "copy", "©" }, { "reg", "®" }, { "trade", "™" },
  { "deg", "°" }, { "middot", "·" }, { "bull", "•" }, { "times", "×" }, { "euro", "€" },
  { "pound", "£" }, { "eacute", "é" }, { "egrave", "è" }, { "agrave", "à" },
  { "aacute", "á" }, { "iacute", "í" }, { "oacute", "ó" }, { "uacute", "ú" },
  { "ntilde", "ñ" }, { "ccedil", "ç" }, { "ouml", "ö" }, { "uuml", "ü" }, { "auml", "ä" },
  { "szlig", "ß" }, { "shy", "" },
};

char *
dl_import_html_to_text (const char *html)
{
  GString *out = g_string_new (NULL);
  const char *p = html;

  while (*p != '\0')
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');
          gboolean closing = p[1] == '/';
          const char *name = p + (closing ? 2 : 1);
          gsize name_len = strspn (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

          if (end == NULL)
            break;
          /* Blocks and line breaks end a line; other tags vanish. */
          if ((name_len == 2 && g_ascii_strncasecmp (name, "br", 2) == 0)
              || (name_len == 1 && g_ascii_strncasecmp (name, "p", 1) == 0)
              || (name_len == 2 && g_ascii_strncasecmp (name, "li", 2) == 0)
              || (name_len == 3 && g_ascii_strncasecmp (name, "div", 3) == 0)
              || (name_len == 2 && (name[0] == 'h' || name[0] == 'H') && g_ascii_isdigit (name[1])))
            g_string_append_c (out, '\n');
          p = end + 1;
        }
      else if (*p == '&')
        {
          const char *end = strchr (p, ';');
          gboolean done = FALSE;

          if (end != NULL && end - p <= 10 && p[1] == '#')
            {
              gunichar c = p[2] == 'x' || p[2] == 'X'
                           ? (gunichar) g_ascii_strtoull (p + 3, NULL, 16)
                           : (gunichar) g_ascii_strtoull (p + 2, NULL, 10);

              if (c != 0 && g_unichar_validate (c))
                {
                  g_string_append_unichar (out, c);
                  done = TRUE;
                }
            }
          else if (end != NULL && end - p <= 10)
            for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
              if (strlen (entities[i].name) == (gsize) (end - p - 1)
                  && strncmp (entities[i].name, p + 1, end - p - 1) == 0)
                {
                  g_string_append (out, entities[i].text);
                  done = TRUE;
                }
          if (done)
            p = end + 1;
          else
            g_string_append_c (out, *p++);
        }
      else
        g_string_append_c (out, *p++);
    }

  /* Collapse spaces; keep single line breaks between blocks. */
  {
    GString *tidy = g_string_new (NULL);
    g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " \t\r", -1);
        GString *line = g_string_new (NULL);

        for (guint j = 0; words[j] != NULL; j++)
          if (*words[j] != '\0')
            g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", words[j]);
        if (line->len > 0)
          g_string_append_printf (tidy, "%s%s", tidy->len > 0 ? "\n" : "", line->str);
        g_string_free (line, TRUE);
      }
    g_string_free (out, TRUE);
    return g_string_free (tidy, FALSE);
  }
}
