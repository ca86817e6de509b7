/* dl-reldate-private.h: the language tables and the word matcher, shared by
 * dl-reldate-words.c (which knows words) and dl-reldate.c (which knows dates)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  RULE_DAY,          /* arg: days from publication (yesterday -1) */
  RULE_NIGHT_BEFORE, /* "last night": the night before publication */
  RULE_WEEK,         /* arg: weeks from publication's week (last week -1) */
  RULE_WEEK_EARLIER, /* "earlier this week": Monday to the day before */
  RULE_WEEK_LATER,   /* "later this week": the day after to Sunday */
  RULE_WEEKEND,      /* arg: -1 the weekend before, 0 the coming one */
  RULE_MONTH_OFFSET, /* arg: months from publication's month */
  RULE_YEAR_OFFSET,  /* arg: years from publication's year */
  RULE_WEEKDAY,      /* arg: -1 "last", 0 nearest, +1 "next" */
  RULE_DATE,         /* {month} {day} [{year}] in either order */
  RULE_MONTH,        /* arg: -1 "last November", 0 "in November" */
  RULE_YEAR,         /* "in 2023" */
  RULE_AGO,          /* "{n} {unit} ago" */
  RULE_SPAN,         /* "for the past {n} {unit}", "{n} {unit} of" */
  RULE_OVERNIGHT,    /* the night before the day told of */
  RULE_RECENT,       /* "recent", "recently": about the month of writing */
} RuleKind;

typedef enum {
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

typedef struct {
  const char *pattern;  /* words and {weekday} {month} {day} {year} {n} {unit} */
  RuleKind    kind;
  int         arg;
} Rule;

typedef struct {
  const char *word;
  int         value;
} Word;

/* Everything a language needs. */
typedef struct {
  const char  *code;
  const Rule  *rules;
  const Word  *weekdays;      /* value 0 = Monday */
  const Word  *months;        /* value 1 = January */
  const Word  *numbers;
  const Word  *units;         /* value: Unit */
  const char * const *future; /* words that make a sentence speak of the future */
  /* Words that are also something else ("may"): a {month} slot alone
   * takes them only when written with a capital. */
  const char * const *ambiguous_months;
  /* The basis sentence: templates where @1, @2… stand for the arguments. */
  const char  *weekday_names[7];
  const char  *month_names[12];
  const char  *basis_with_label;     /* expression, label, publication day, what it means */
  const char  *basis_without_label;  /* the same without @2 */
  const char  *published_uncertain;  /* the publication day, when uncertain */
  const char  *day_format;           /* weekday, day, month, year */
  const char  *month_format;         /* month, year */
  const char  *about;
  const char  *range;
  const char  *since;
  const char  *night;
  const char  *planned;
} Language;

typedef struct {
  char    *word;         /* lower case */
  guint    start;        /* code points */
  guint    end;
  gboolean capitalized;
} Token;

/* What the slots of a match held. */
typedef struct {
  const Rule *rule;
  guint       first;       /* tokens [first, last) */
  guint       last;
  int         weekday;     /* -1 when absent */
  int         month;       /* 0 when absent */
  int         day;
  gint64      year;        /* 0 when absent */
  int         n;
  Unit        unit;
} Match;

/* Every language with its tables, English first (the default); NULL-ended. */
extern const Language * const dl_reldate_languages[];
/* Their codes, as dl_reldate_get_languages() returns them. */
extern const char * const dl_reldate_language_codes[];

/* The words of @text, lower-cased, with their code-point offsets. */
GArray   *dl_reldate_tokenize          (const char     *text);
/* TRUE if @rule matches at @tokens[@first], filling @match. */
gboolean  dl_reldate_match_rule        (const Language *lang,
                                        const Rule     *rule,
                                        GArray         *tokens,
                                        guint           first,
                                        Match          *match);
/* TRUE if the passage speaks of the future ("will", "scheduled"). */
gboolean  dl_reldate_speaks_of_future  (const Language *lang,
                                        GArray         *tokens);

G_END_DECLS
