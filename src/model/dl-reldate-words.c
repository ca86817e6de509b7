/* dl-reldate-words.c: the words of each language, and matching them
 *
 * Its own file because it is the part that grows with each language: the
 * rule tables and word lists, and the tokenizer and matcher that only know
 * words and slots, not dates (dl-reldate.c resolves what they match).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-reldate"

#include <stdlib.h>
#include <string.h>

#include "dl-reldate-private.h"

/* ---------------------------------------------------------------- English */

static const Rule en_rules[] = {
  { "yesterday", RULE_DAY, -1 },
  { "today", RULE_DAY, 0 },
  { "earlier today", RULE_DAY, 0 },
  { "this morning", RULE_DAY, 0 },
  { "this afternoon", RULE_DAY, 0 },
  { "this evening", RULE_DAY, 0 },
  { "tonight", RULE_DAY, 0 },
  { "tomorrow", RULE_DAY, 1 },
  { "last night", RULE_NIGHT_BEFORE, 0 },
  { "overnight", RULE_OVERNIGHT, 0 },
  { "last week", RULE_WEEK, -1 },
  { "this week", RULE_WEEK, 0 },
  { "next week", RULE_WEEK, 1 },
  { "earlier this week", RULE_WEEK_EARLIER, 0 },
  { "later this week", RULE_WEEK_LATER, 0 },
  { "last weekend", RULE_WEEKEND, -1 },
  { "over the weekend", RULE_WEEKEND, -1 },
  { "this weekend", RULE_WEEKEND, 0 },
  { "last month", RULE_MONTH_OFFSET, -1 },
  { "this month", RULE_MONTH_OFFSET, 0 },
  { "earlier this month", RULE_MONTH_OFFSET, 0 },
  { "next month", RULE_MONTH_OFFSET, 1 },
  { "last year", RULE_YEAR_OFFSET, -1 },
  { "this year", RULE_YEAR_OFFSET, 0 },
  { "next year", RULE_YEAR_OFFSET, 1 },
  { "on {weekday}", RULE_WEEKDAY, 0 },
  { "{weekday}", RULE_WEEKDAY, 0 },
  { "this {weekday}", RULE_WEEKDAY, 0 },
  { "last {weekday}", RULE_WEEKDAY, -1 },
  { "next {weekday}", RULE_WEEKDAY, 1 },
  { "{month} {day} {year}", RULE_DATE, 0 },
  { "{day} {month} {year}", RULE_DATE, 0 },
  { "on {month} {day} {year}", RULE_DATE, 0 },
  { "on {day} {month} {year}", RULE_DATE, 0 },
  { "{month} {day}", RULE_DATE, 0 },
  { "{day} {month}", RULE_DATE, 0 },
  { "on {month} {day}", RULE_DATE, 0 },
  { "on {day} {month}", RULE_DATE, 0 },
  { "in {month} {year}", RULE_MONTH, 0 },
  { "{month} {year}", RULE_MONTH, 0 },
  { "in {month}", RULE_MONTH, 0 },
  { "last {month}", RULE_MONTH, -1 },
  { "{month}", RULE_MONTH, 0 },
  { "in {year}", RULE_YEAR, 0 },
  { "{n} {unit} ago", RULE_AGO, 0 },
  { "for the past {n} {unit}", RULE_SPAN, 0 },
  { "for the last {n} {unit}", RULE_SPAN, 0 },
  { "over the past {n} {unit}", RULE_SPAN, 0 },
  { "in the past {n} {unit}", RULE_SPAN, 0 },
  { "the past {n} {unit}", RULE_SPAN, 0 },
  { "{n} {unit} of", RULE_SPAN, 0 },
  { "recent", RULE_RECENT, 0 },
  { "recently", RULE_RECENT, 0 },
  { NULL, 0, 0 }
};

static const Word en_weekdays[] = {
  { "monday", 0 }, { "tuesday", 1 }, { "wednesday", 2 }, { "thursday", 3 },
  { "friday", 4 }, { "saturday", 5 }, { "sunday", 6 },
  { NULL, 0 }
};

static const Word en_months[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
  { "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 },
  { "november", 11 }, { "december", 12 },
  { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 },
  { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
  { NULL, 0 }
};

static const Word en_numbers[] = {
  { "a", 1 }, { "an", 1 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
  { "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
  { "eleven", 11 }, { "twelve", 12 }, { "fifteen", 15 }, { "twenty", 20 },
  { NULL, 0 }
};

static const Word en_units[] = {
  { "day", UNIT_DAY }, { "days", UNIT_DAY }, { "week", UNIT_WEEK }, { "weeks", UNIT_WEEK },
  { "month", UNIT_MONTH }, { "months", UNIT_MONTH }, { "year", UNIT_YEAR }, { "years", UNIT_YEAR },
  { NULL, 0 }
};

static const char * const en_future[] = {
  "will", "scheduled", "planned", "plans", "expected", "due", "upcoming", "set to", "to resume",
  NULL
};

static const char * const en_ambiguous_months[] = { "may", "march", "mar", "jan", "sep", "dec", NULL };

static const Language english = {
  .code = "en",
  .rules = en_rules,
  .weekdays = en_weekdays,
  .months = en_months,
  .numbers = en_numbers,
  .units = en_units,
  .future = en_future,
  .ambiguous_months = en_ambiguous_months,
  .weekday_names = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" },
  .month_names = { "January", "February", "March", "April", "May", "June", "July", "August",
                   "September", "October", "November", "December" },
  .basis_with_label = "“@1” in @2, published on @3: @4.",
  .basis_without_label = "“@1”, in an article published on @3: @4.",
  .published_uncertain = "probably @1",
  .day_format = "@1 @2 @3 @4",
  .month_format = "@1 @2",
  .about = "about @1",
  .range = "@1 to @2",
  .since = "since @1, up to @2",
  .night = "the night of @1 to @2",
  .planned = "@1 (planned; not reported as held)",
};

const Language * const dl_reldate_languages[] = { &english, NULL };
const char * const dl_reldate_language_codes[] = { "en", NULL };

/* ------------------------------------------------------------- the words */

static void
token_clear (Token *token)
{
  g_free (token->word);
}

/* Words are runs of letters and digits; an apostrophe inside a word
 * ("Hamas’") ends it, as do "." and ",". */
GArray *
dl_reldate_tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  GString *word = g_string_new (NULL);
  guint index = 0;
  guint start = 0;
  gboolean capitalized = FALSE;

  g_array_set_clear_func (tokens, (GDestroyNotify) token_clear);

  for (const char *p = text; ; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          if (word->len == 0)
            {
              start = index;
              capitalized = g_unichar_isupper (c);
            }
          g_string_append_unichar (word, g_unichar_tolower (c));
        }
      else if (word->len > 0)
        {
          Token token = { g_strdup (word->str), start, index, capitalized };

          g_array_append_val (tokens, token);
          g_string_truncate (word, 0);
        }

      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  return tokens;
}

static gboolean
lookup_word (const Word *words,
             const char *word,
             int        *value)
{
  for (guint i = 0; words[i].word != NULL; i++)
    if (g_str_equal (words[i].word, word))
      {
        *value = words[i].value;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_number (const char *word,
              int         min,
              int         max,
              int        *value)
{
  char *end = NULL;
  gint64 n;

  if (!g_ascii_isdigit (word[0]))
    return FALSE;
  n = g_ascii_strtoll (word, &end, 10);
  /* "7th", "1st" */
  if (*end != '\0' && !g_str_equal (end, "st") && !g_str_equal (end, "nd") &&
      !g_str_equal (end, "rd") && !g_str_equal (end, "th"))
    return FALSE;
  if (n < min || n > max)
    return FALSE;
  *value = (int) n;
  return TRUE;
}
gboolean
dl_reldate_match_rule (const Language *lang,
                       const Rule     *rule,
                       GArray         *tokens,
                       guint           first,
                       Match          *match)
{
  g_auto(GStrv) parts = g_strsplit (rule->pattern, " ", -1);
  guint t = first;
  guint n_parts = g_strv_length (parts);

  *match = (Match) { .rule = rule, .first = first, .weekday = -1 };

  for (guint i = 0; i < n_parts; i++, t++)
    {
      const Token *token;
      const char *part = parts[i];
      int value;

      if (t >= tokens->len)
        return FALSE;
      token = &g_array_index (tokens, Token, t);

      if (g_str_equal (part, "{weekday}"))
        {
          if (!lookup_word (lang->weekdays, token->word, &value))
            return FALSE;
          match->weekday = value;
        }
      else if (g_str_equal (part, "{month}"))
        {
          if (!lookup_word (lang->months, token->word, &value))
            return FALSE;
          /* "may" alone is a verb; "March" and "May" written with a
           * capital, or next to a day or year, are months. */
          if (g_strv_contains (lang->ambiguous_months, token->word) && !token->capitalized)
            return FALSE;
          if (n_parts == 1 && g_strv_contains (lang->ambiguous_months, token->word))
            return FALSE;
          match->month = value;
        }
      else if (g_str_equal (part, "{day}"))
        {
          if (!parse_number (token->word, 1, 31, &value))
            return FALSE;
          match->day = value;
        }
      else if (g_str_equal (part, "{year}"))
        {
          if (!parse_number (token->word, 1000, 2999, &value) || !g_ascii_isdigit (token->word[strlen (token->word) - 1]))
            return FALSE;
          match->year = value;
        }
      else if (g_str_equal (part, "{n}"))
        {
          if (!parse_number (token->word, 1, 1000, &value) && !lookup_word (lang->numbers, token->word, &value))
            return FALSE;
          match->n = value;
        }
      else if (g_str_equal (part, "{unit}"))
        {
          if (!lookup_word (lang->units, token->word, &value))
            return FALSE;
          match->unit = value;
        }
      else if (!g_str_equal (part, token->word))
        return FALSE;
    }

  /* A bare capitalized slot must really be one: "Tuesday", "November". */
  if (n_parts == 1 && (match->weekday >= 0 || match->month > 0) &&
      !g_array_index (tokens, Token, first).capitalized)
    return FALSE;

  match->last = t;
  return TRUE;
}

gboolean
dl_reldate_speaks_of_future (const Language *lang,
                             GArray         *tokens)
{
  for (guint i = 0; lang->future[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lang->future[i], " ", -1);
      guint n = g_strv_length (words);

      for (guint t = 0; t + n <= tokens->len; t++)
        {
          guint k = 0;

          while (k < n && g_str_equal (g_array_index (tokens, Token, t + k).word, words[k]))
            k++;
          if (k == n)
            return TRUE;
        }
    }
  return FALSE;
}
