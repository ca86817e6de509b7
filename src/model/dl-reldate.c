/* dl-reldate.c: relative date expressions ("on Tuesday", "last week") to EDTF
 *
 * News text dates events relative to its own publication: "on Tuesday",
 * "last week", "10 months of fighting", "October 7". The passage is split
 * into words, a language's rules (patterns of words and slots such as
 * {weekday} or {n} {unit}) are matched at every word, the longest match
 * wins, and each is resolved against the publication day with the
 * conventions of news writing: a bare weekday or date is the most recent
 * one on or before the day of writing, unless the sentence speaks of the
 * future ("will", "set to", "scheduled"), and then it is the next one,
 * uncertain since it had not happened yet.
 *
 * The rules and every word live in one table per language, with the
 * tokenizer and matcher, in dl-reldate-words.c; this file, the resolver,
 * only knows rule kinds. The basis sentence is written in the language of
 * the passage (it goes into the dataset, next to the quote), not the UI's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-reldate"

#include <glib/gi18n-lib.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dl-edtf.h"
#include "dl-reldate.h"
#include "dl-reldate-private.h"

G_DEFINE_QUARK (dl-reldate-error-quark, dl_reldate_error)

/* ------------------------------------------------------------ the dates */

/* An end of the resolved span: a day, a month or a year, and its marks. */
typedef enum { END_DAY, END_MONTH, END_YEAR } EndPrecision;

typedef struct {
  EndPrecision precision;
  gint64       days;        /* END_DAY: days since 1970-01-01 */
  gint64       year;        /* END_MONTH, END_YEAR */
  int          month;
  gboolean     approximate;
  gboolean     uncertain;
} End;

typedef struct {
  End      start;
  End      end;
  gboolean interval;
  gboolean planned;
  gboolean night;
  gboolean since;
} Span;

static int
weekday_of (gint64 days)
{
  /* 1970-01-01 was a Thursday (3, from Monday 0). */
  return (int) (((days + 3) % 7 + 7) % 7);
}

static End
day_end (gint64 days)
{
  return (End) { .precision = END_DAY, .days = days };
}

static End
month_end (gint64 year,
           int    month)
{
  while (month < 1)
    {
      month += 12;
      year--;
    }
  while (month > 12)
    {
      month -= 12;
      year++;
    }
  return (End) { .precision = END_MONTH, .year = year, .month = month };
}

static gboolean
resolve_match (const Language *lang,
               const Match    *m,
               gint64          pub,
               gboolean        future,
               gint64          told_day,
               Span           *span)
{
  gint64 year;
  int month, day;
  int wd = weekday_of (pub);

  dl_civil_from_days (pub, &year, &month, &day);
  *span = (Span) { 0 };

  switch (m->rule->kind)
    {
    case RULE_DAY:
      span->start = day_end (pub + m->rule->arg);
      span->planned = m->rule->arg > 0;
      break;

    case RULE_NIGHT_BEFORE:
      span->start = day_end (pub - 1);
      span->end = day_end (pub);
      span->interval = span->night = TRUE;
      break;

    case RULE_OVERNIGHT:
      span->start = day_end (told_day - 1);
      span->end = day_end (told_day);
      span->interval = span->night = TRUE;
      break;

    case RULE_WEEK:
      span->start = day_end (pub - wd + 7 * m->rule->arg);
      span->end = day_end (pub - wd + 7 * m->rule->arg + 6);
      span->interval = TRUE;
      span->planned = m->rule->arg > 0 || (m->rule->arg == 0 && future);
      break;

    case RULE_WEEK_EARLIER:
      if (wd == 0)
        return FALSE;
      span->start = day_end (pub - wd);
      span->end = day_end (pub - 1);
      span->interval = wd > 1;
      break;

    case RULE_WEEK_LATER:
      if (wd == 6)
        return FALSE;
      span->start = day_end (pub + 1);
      span->end = day_end (pub - wd + 6);
      span->interval = wd < 5;
      span->planned = TRUE;
      break;

    case RULE_WEEKEND:
      {
        /* The last Saturday and Sunday (the current ones on a Sunday), or
         * the coming ones (the current ones on a weekend). */
        gint64 saturday;

        if (m->rule->arg < 0)
          saturday = pub - ((wd - 6 + 7) % 7) - 1;
        else
          saturday = wd == 6 ? pub - 1 : pub + (5 - wd);
        span->start = day_end (saturday);
        span->end = day_end (saturday + 1);
        span->interval = TRUE;
        span->planned = saturday > pub;
      }
      break;

    case RULE_MONTH_OFFSET:
      span->start = month_end (year, month + m->rule->arg);
      span->planned = m->rule->arg > 0;
      break;

    case RULE_YEAR_OFFSET:
      span->start = (End) { .precision = END_YEAR, .year = year + m->rule->arg };
      span->planned = m->rule->arg > 0;
      break;

    case RULE_WEEKDAY:
      {
        int back = (wd - m->weekday + 7) % 7;
        int ahead = (m->weekday - wd + 7) % 7;

        if (m->rule->arg < 0)
          span->start = day_end (pub - (back == 0 ? 7 : back));
        else if (m->rule->arg > 0)
          {
            span->start = day_end (pub + (ahead == 0 ? 7 : ahead));
            span->planned = TRUE;
          }
        else if (future)
          {
            span->start = day_end (pub + ahead);
            span->planned = ahead > 0;
          }
        else
          span->start = day_end (pub - back);
      }
      break;

    case RULE_DATE:
      {
        gint64 y = m->year != 0 ? m->year : year;
        gint64 days;

        if (m->year == 0)
          {
            /* The nearest such day before (or, of the future, after) the
             * day of writing; 29 February only in a leap year. */
            int tries;

            for (tries = 0; tries < 8; tries++, y += future ? 1 : -1)
              if (m->day <= dl_days_in_month (y, m->month))
                {
                  days = dl_days_from_civil (y, m->month, m->day);
                  if (future ? days >= pub : days <= pub)
                    break;
                }
            if (tries == 8)
              return FALSE;
          }
        else if (m->day > dl_days_in_month (y, m->month))
          return FALSE;

        days = dl_days_from_civil (y, m->month, m->day);
        span->start = day_end (days);
        span->planned = days > pub;
      }
      break;

    case RULE_MONTH:
      {
        gint64 y = m->year;

        if (y == 0)
          {
            if (m->rule->arg < 0)
              y = m->month < month ? year : year - 1;
            else if (future)
              y = m->month >= month ? year : year + 1;
            else
              y = m->month <= month ? year : year - 1;
          }
        span->start = month_end (y, m->month);
        span->planned = y > year || (y == year && m->month > month);
      }
      break;

    case RULE_YEAR:
      span->start = (End) { .precision = END_YEAR, .year = m->year };
      span->planned = m->year > year;
      break;

    case RULE_AGO:
    case RULE_SPAN:
      {
        End start;

        switch (m->unit)
          {
          case UNIT_DAY:
            start = day_end (pub - m->n);
            break;
          case UNIT_WEEK:
            start = day_end (pub - 7 * m->n);
            start.approximate = TRUE;
            break;
          case UNIT_MONTH:
            start = month_end (year, month - m->n);
            start.approximate = TRUE;
            break;
          case UNIT_YEAR:
          default:
            start = (End) { .precision = END_YEAR, .year = year - m->n, .approximate = TRUE };
            break;
          }

        span->start = start;
        if (m->rule->kind == RULE_SPAN)
          {
            span->end = day_end (pub);
            span->interval = span->since = TRUE;
          }
      }
      break;

    case RULE_RECENT:
      span->start = month_end (year, month);
      span->start.approximate = TRUE;
      break;

    default:
      g_assert_not_reached ();
    }

  if (span->planned)
    {
      span->start.uncertain = TRUE;
      if (span->interval)
        span->end.uncertain = TRUE;
    }

  return TRUE;
}

static void
append_end_edtf (GString   *out,
                 const End *end)
{
  gint64 year;
  int month, day;

  switch (end->precision)
    {
    case END_DAY:
      dl_civil_from_days (end->days, &year, &month, &day);
      g_string_append_printf (out, "%04" G_GINT64_FORMAT "-%02d-%02d", year, month, day);
      break;
    case END_MONTH:
      g_string_append_printf (out, "%04" G_GINT64_FORMAT "-%02d", end->year, end->month);
      break;
    case END_YEAR:
    default:
      g_string_append_printf (out, "%04" G_GINT64_FORMAT, end->year);
      break;
    }

  if (end->uncertain && end->approximate)
    g_string_append_c (out, '%');
  else if (end->uncertain)
    g_string_append_c (out, '?');
  else if (end->approximate)
    g_string_append_c (out, '~');
}

/* @template with @1…@4 replaced by the arguments (NULL-terminated). */
static char *
fill (const char *template,
      ...)
{
  const char *args[4] = { NULL, };
  GString *out = g_string_new (NULL);
  va_list ap;

  va_start (ap, template);
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    if ((args[i] = va_arg (ap, const char *)) == NULL)
      break;
  va_end (ap);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '@' && p[1] >= '1' && p[1] <= '4' && args[p[1] - '1'] != NULL)
        {
          g_string_append (out, args[p[1] - '1']);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
describe_end (const Language *lang,
              const End      *end)
{
  g_autofree char *text = NULL;
  gint64 year;
  int month, day;

  switch (end->precision)
    {
    case END_DAY:
      {
        g_autofree char *d = NULL, *y = NULL;

        dl_civil_from_days (end->days, &year, &month, &day);
        d = g_strdup_printf ("%d", day);
        y = g_strdup_printf ("%" G_GINT64_FORMAT, year);
        text = fill (lang->day_format, lang->weekday_names[weekday_of (end->days)], d,
                     lang->month_names[month - 1], y, NULL);
      }
      break;
    case END_MONTH:
      {
        g_autofree char *y = g_strdup_printf ("%" G_GINT64_FORMAT, end->year);

        text = fill (lang->month_format, lang->month_names[end->month - 1], y, NULL);
      }
      break;
    case END_YEAR:
    default:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, end->year);
      break;
    }

  if (end->approximate)
    return fill (lang->about, text, NULL);
  return g_steal_pointer (&text);
}

static char *
describe_span (const Language *lang,
               const Span     *span)
{
  g_autofree char *start = describe_end (lang, &span->start);
  g_autofree char *end = span->interval ? describe_end (lang, &span->end) : NULL;
  g_autofree char *text = NULL;

  if (!span->interval)
    text = g_steal_pointer (&start);
  else if (span->night)
    text = fill (lang->night, start, end, NULL);
  else if (span->since)
    text = fill (lang->since, start, end, NULL);
  else
    text = fill (lang->range, start, end, NULL);

  if (span->planned)
    return fill (lang->planned, text, NULL);
  return g_steal_pointer (&text);
}

/* ---------------------------------------------------------- public API */

void
dl_reldate_free (DlReldate *reldate)
{
  if (reldate == NULL)
    return;
  g_free (reldate->expression);
  g_free (reldate->when);
  g_free (reldate->when_basis);
  g_free (reldate);
}

const char * const *
dl_reldate_get_languages (void)
{
  return dl_reldate_language_codes;
}

static const Language *
find_language (const char  *code,
               GError     **error)
{
  g_autofree char *base = NULL;

  if (code == NULL)
    return dl_reldate_languages[0];

  base = g_strndup (code, strcspn (code, "_.@-"));
  for (guint i = 0; dl_reldate_languages[i] != NULL; i++)
    if (g_str_equal (dl_reldate_languages[i]->code, base))
      return dl_reldate_languages[i];

  g_set_error (error, DL_RELDATE_ERROR, DL_RELDATE_ERROR_LANGUAGE,
               _("Dates cannot be read from text in “%s” yet"), code);
  return NULL;
}

static gboolean
parse_published (const char  *published,
                 gint64      *days,
                 DlEdtfFlags *flags,
                 GError     **error)
{
  DlEdtf edtf;

  if (published == NULL || !dl_edtf_parse (published, &edtf, NULL) ||
      (edtf.flags & DL_EDTF_INTERVAL) || edtf.precision != DL_EDTF_PRECISION_DAY)
    {
      g_set_error (error, DL_RELDATE_ERROR, DL_RELDATE_ERROR_PUBLISHED,
                   _("The publication date “%s” must name one day, such as 2024-08-20"),
                   published != NULL ? published : "");
      return FALSE;
    }

  *days = edtf.earliest / 86400;
  *flags = edtf.flags;
  return TRUE;
}

/* Every match, longest first at each word, in text order, without overlaps. */
static GArray *
find_matches (const Language *lang,
              GArray         *tokens)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (Match));

  for (guint t = 0; t < tokens->len; )
    {
      Match best = { 0 };
      gboolean found = FALSE;

      for (guint r = 0; lang->rules[r].pattern != NULL; r++)
        {
          Match m;

          if (dl_reldate_match_rule (lang, &lang->rules[r], tokens, t, &m) &&
              (!found || m.last > best.last))
            {
              best = m;
              found = TRUE;
            }
        }

      if (found)
        {
          g_array_append_val (matches, best);
          t = best.last;
        }
      else
        t++;
    }

  return matches;
}

static DlReldate *
make_reldate (const Language *lang,
              const char     *text,
              GArray         *tokens,
              const Match    *m,
              const Span     *span,
              gint64          pub,
              DlEdtfFlags     pub_flags,
              const char     *source_label)
{
  DlReldate *reldate = g_new0 (DlReldate, 1);
  g_autoptr(GString) when = g_string_new (NULL);
  g_autofree char *description = describe_span (lang, span);
  g_autofree char *published = NULL;
  End start = span->start, end = span->end;
  const char *first = g_utf8_offset_to_pointer (text, g_array_index (tokens, Token, m->first).start);
  const char *last = g_utf8_offset_to_pointer (text, g_array_index (tokens, Token, m->last - 1).end);

  /* An uncertain publication date makes everything read from it so. */
  start.uncertain |= (pub_flags & DL_EDTF_UNCERTAIN) != 0;
  start.approximate |= (pub_flags & DL_EDTF_APPROXIMATE) != 0;
  end.uncertain |= (pub_flags & DL_EDTF_UNCERTAIN) != 0;
  end.approximate |= (pub_flags & DL_EDTF_APPROXIMATE) != 0;

  append_end_edtf (when, &start);
  if (span->interval)
    {
      g_string_append_c (when, '/');
      append_end_edtf (when, &end);
    }

  {
    End pub_end = day_end (pub);
    g_autofree char *day = describe_end (lang, &pub_end);

    published = (pub_flags & (DL_EDTF_UNCERTAIN | DL_EDTF_APPROXIMATE))
                ? fill (lang->published_uncertain, day, NULL) : g_steal_pointer (&day);
  }

  reldate->start = g_array_index (tokens, Token, m->first).start;
  reldate->end = g_array_index (tokens, Token, m->last - 1).end;
  reldate->expression = g_strndup (first, last - first);
  reldate->when = g_strdup (when->str);
  reldate->when_basis = fill (source_label != NULL ? lang->basis_with_label : lang->basis_without_label,
                              reldate->expression, source_label != NULL ? source_label : "",
                              published, description, NULL);
  return reldate;
}

/* The day a passage tells of, for "overnight": its first expression that
 * names one day, else the day of writing. */
static gint64
told_day (const Language *lang,
          GArray         *matches,
          gint64          pub,
          gboolean        future)
{
  for (guint i = 0; i < matches->len; i++)
    {
      const Match *m = &g_array_index (matches, Match, i);
      Span span;

      if (m->rule->kind == RULE_OVERNIGHT)
        continue;
      if (resolve_match (lang, m, pub, future, pub, &span) &&
          !span.interval && span.start.precision == END_DAY)
        return span.start.days;
    }
  return pub;
}

/* What finding all and resolving one share: the language and the day of
 * writing (NULL and @error when either is wrong), then every expression of
 * the text that resolves, with its span. */
typedef struct {
  const Match *match;
  Span         span;
} Resolved;

static const Language *
begin (const char   *language,
       const char   *published,
       gint64       *pub,
       DlEdtfFlags  *pub_flags,
       GError      **error)
{
  const Language *lang = find_language (language, error);

  if (lang == NULL || !parse_published (published, pub, pub_flags, error))
    return NULL;
  return lang;
}

/* @tokens and @matches are set for make_reldate(), which points into them. */
static GArray *
resolve_all (const Language  *lang,
             const char      *text,
             gint64           pub,
             GArray         **tokens,
             GArray         **matches)
{
  GArray *resolved = g_array_new (FALSE, FALSE, sizeof (Resolved));
  gboolean future;
  gint64 day;

  if (!g_utf8_validate (text, -1, NULL))
    return resolved;

  *tokens = dl_reldate_tokenize (text);
  *matches = find_matches (lang, *tokens);
  future = dl_reldate_speaks_of_future (lang, *tokens);
  day = told_day (lang, *matches, pub, future);

  for (guint i = 0; i < (*matches)->len; i++)
    {
      Resolved r = { 0 };

      r.match = &g_array_index (*matches, Match, i);
      if (resolve_match (lang, r.match, pub, future, day, &r.span))
        g_array_append_val (resolved, r);
    }
  return resolved;
}

GPtrArray *
dl_reldate_find_all (const char  *text,
                     const char  *published,
                     const char  *source_label,
                     const char  *language,
                     GError     **error)
{
  const Language *lang;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) resolved = NULL;
  GPtrArray *results;
  DlEdtfFlags pub_flags;
  gint64 pub;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((lang = begin (language, published, &pub, &pub_flags, error)) == NULL)
    return NULL;

  resolved = resolve_all (lang, text, pub, &tokens, &matches);
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_reldate_free);
  for (guint i = 0; i < resolved->len; i++)
    {
      const Resolved *r = &g_array_index (resolved, Resolved, i);

      g_ptr_array_add (results, make_reldate (lang, text, tokens, r->match, &r->span, pub, pub_flags, source_label));
    }
  return results;
}

static int
precision_rank (const Span *span)
{
  if (span->night)
    return 3;  /* "overnight" beats the day it is told of */
  switch (span->start.precision)
    {
    case END_DAY:   return span->interval ? 1 : 2;
    case END_MONTH: return 0;
    case END_YEAR:
    default:        return -1;
    }
}

DlReldate *
dl_reldate_resolve (const char  *phrase,
                    const char  *published,
                    const char  *source_label,
                    const char  *language,
                    GError     **error)
{
  const Language *lang;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) resolved = NULL;
  DlEdtfFlags pub_flags;
  gint64 pub;
  const Resolved *best = NULL;

  g_return_val_if_fail (phrase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((lang = begin (language, published, &pub, &pub_flags, error)) == NULL)
    return NULL;

  resolved = resolve_all (lang, phrase, pub, &tokens, &matches);
  for (guint i = 0; i < resolved->len; i++)
    {
      const Resolved *r = &g_array_index (resolved, Resolved, i);

      if (best == NULL || precision_rank (&r->span) > precision_rank (&best->span))
        best = r;
    }

  if (best == NULL)
    {
      g_set_error (error, DL_RELDATE_ERROR, DL_RELDATE_ERROR_NO_EXPRESSION,
                   _("No date expression was found in “%s”"), phrase);
      return NULL;
    }

  return make_reldate (lang, phrase, tokens, best->match, &best->span, pub, pub_flags, source_label);
}
