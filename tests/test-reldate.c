/* test-reldate.c: relative date expressions to EDTF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-dataset.h"
#include "dl-edtf.h"
#include "dl-reldate.h"

/* Tuesday 20 August 2024, the day most bundled articles were written. */
#define TUESDAY "2024-08-20"

static void
check (const char *phrase,
       const char *published,
       const char *expected_when,
       const char *expected_expression)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlReldate) r = dl_reldate_resolve (phrase, published, NULL, "en", &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_test_message ("%s (%s) → %s: %s", phrase, published, r->when, r->when_basis);
  g_assert_cmpstr (r->when, ==, expected_when);
  g_assert_cmpstr (r->expression, ==, expected_expression);
  /* Always valid EDTF. */
  g_assert_true (dl_edtf_parse (r->when, NULL, NULL));
}

static void
test_days (void)
{
  check ("the strike on Tuesday", TUESDAY, "2024-08-20", "on Tuesday");
  check ("his talks with Netanyahu on Monday", TUESDAY, "2024-08-19", "on Monday");
  check ("on Wednesday, officials said", TUESDAY, "2024-08-14", "on Wednesday");
  check ("the military announced Tuesday", TUESDAY, "2024-08-20", "Tuesday");
  check ("last Tuesday", TUESDAY, "2024-08-13", "last Tuesday");
  check ("yesterday", TUESDAY, "2024-08-19", "yesterday");
  check ("Earlier today the army said", TUESDAY, "2024-08-20", "Earlier today");
  check ("two days ago", TUESDAY, "2024-08-18", "two days ago");
  check ("3 weeks ago", TUESDAY, "2024-07-30~", "3 weeks ago");
  check ("last night", TUESDAY, "2024-08-19/2024-08-20", "last night");
  check ("an overnight operation that the military announced Tuesday", TUESDAY,
         "2024-08-19/2024-08-20", "overnight");
  check ("an overnight raid", "2024-08-22", "2024-08-21/2024-08-22", "overnight");
}

static void
test_future (void)
{
  /* Of the future: the next such day, uncertain (not reported as held). */
  check ("Blinken will meet Sisi on Thursday", TUESDAY, "2024-08-22?", "on Thursday");
  check ("talks are set to resume this week", "2024-08-19", "2024-08-19?/2024-08-25?", "this week");
  check ("set to meet with Qatari leaders later this week", TUESDAY, "2024-08-21?/2024-08-25?", "later this week");
  check ("tomorrow", TUESDAY, "2024-08-21?", "tomorrow");
  check ("next week", TUESDAY, "2024-08-26?/2024-09-01?", "next week");
  check ("talks planned for October 7", TUESDAY, "2024-10-07?", "October 7");
}

static void
test_weeks_and_months (void)
{
  check ("a two-day meeting in Doha last week", TUESDAY, "2024-08-12/2024-08-18", "last week");
  check ("further meetings this week", TUESDAY, "2024-08-19/2024-08-25", "this week");
  check ("earlier this week", "2024-08-22", "2024-08-19/2024-08-21", "earlier this week");
  check ("over the weekend", TUESDAY, "2024-08-17/2024-08-18", "over the weekend");
  check ("a November cease-fire", TUESDAY, "2023-11", "November");
  check ("a ceasefire deal in November", TUESDAY, "2023-11", "in November");
  check ("in August", TUESDAY, "2024-08", "in August");
  check ("last August", TUESDAY, "2023-08", "last August");
  check ("in November 2023", TUESDAY, "2023-11", "in November 2023");
  check ("last month", TUESDAY, "2024-07", "last month");
  check ("in 2023", TUESDAY, "2023", "in 2023");
  check ("last year", TUESDAY, "2023", "last year");
  check ("recent attacks", TUESDAY, "2024-08~", "recent");
}

static void
test_dates_and_spans (void)
{
  check ("the October 7 attack", TUESDAY, "2023-10-07", "October 7");
  check ("Hamas’ Oct. 7 attack", TUESDAY, "2023-10-07", "Oct. 7");
  check ("on 7 October 2023", TUESDAY, "2023-10-07", "on 7 October 2023");
  check ("October 7th", TUESDAY, "2023-10-07", "October 7th");
  check ("on August 20", TUESDAY, "2024-08-20", "on August 20");
  check ("February 29", "2025-03-01", "2024-02-29", "February 29");
  check ("10 months of intense fighting", TUESDAY, "2023-10~/2024-08-20", "10 months of");
  check ("held for the past nine months", TUESDAY, "2023-11~/2024-08-20", "for the past nine months");
  check ("over the past 3 days", TUESDAY, "2024-08-17/2024-08-20", "over the past 3 days");
}

static void
test_uncertain_publication (void)
{
  /* The publication date's "?" carries over. */
  check ("this week", "2024-08-19?", "2024-08-19?/2024-08-25?", "this week");
  check ("on Monday", "2024-08-20~", "2024-08-19~", "on Monday");
}

static void
test_not_dates (void)
{
  static const char * const phrases[] = {
    "officials may meet again",
    "they march on",
    "a two-day meeting",
    "",
    "the 2000 people who fled",
  };

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DlReldate) r = dl_reldate_resolve (phrases[i], TUESDAY, NULL, NULL, &error);

      g_assert_null (r);
      g_assert_error (error, DL_RELDATE_ERROR, DL_RELDATE_ERROR_NO_EXPRESSION);
    }
}

static void
test_errors (void)
{
  static const char * const bad[] = { "2024-08", "2024", "2024-08-15/2024-08-16", "yesterday", "", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(DlReldate) r = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DlReldate) bad_r = dl_reldate_resolve ("on Tuesday", bad[i], NULL, "en", &local_error);

      g_assert_null (bad_r);
      g_assert_error (local_error, DL_RELDATE_ERROR, DL_RELDATE_ERROR_PUBLISHED);
    }

  r = dl_reldate_resolve ("on Tuesday", TUESDAY, NULL, "xx", &error);
  g_assert_null (r);
  g_assert_error (error, DL_RELDATE_ERROR, DL_RELDATE_ERROR_LANGUAGE);
  g_assert_true (g_strv_contains (dl_reldate_get_languages (), "en"));
}

static void
test_basis_and_offsets (void)
{
  g_autoptr(DlReldate) r = dl_reldate_resolve ("“Strike” — the school was hit on Tuesday.", TUESDAY, "a001", "en_GB.UTF-8", NULL);
  g_autoptr(DlReldate) planned = dl_reldate_resolve ("will meet on Thursday", "2024-08-19?", NULL, "en", NULL);
  g_autoptr(GPtrArray) all = NULL;

  g_assert_nonnull (r);
  g_assert_cmpstr (r->when_basis, ==,
                   "“on Tuesday” in a001, published on Tuesday 20 August 2024: Tuesday 20 August 2024.");
  /* Code points, not bytes: the curly quotes and the dash are one each. */
  g_assert_cmpuint (r->start, ==, 30);
  g_assert_cmpuint (r->end, ==, 40);

  g_assert_nonnull (planned);
  g_assert_cmpstr (planned->when, ==, "2024-08-22?");
  g_assert_cmpstr (planned->when_basis, ==,
                   "“on Thursday”, in an article published on probably Monday 19 August 2024: "
                   "Thursday 22 August 2024 (planned; not reported as held).");

  /* Every expression of a text, in order. */
  all = dl_reldate_find_all ("On Monday he met Herzog; last week the talks in Doha ended, "
                             "10 months of war after October 7.", TUESDAY, NULL, NULL, NULL);
  g_assert_nonnull (all);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (((DlReldate *) g_ptr_array_index (all, 0))->when, ==, "2024-08-19");
  g_assert_cmpstr (((DlReldate *) g_ptr_array_index (all, 1))->when, ==, "2024-08-12/2024-08-18");
  g_assert_cmpstr (((DlReldate *) g_ptr_array_index (all, 2))->when, ==, "2023-10~/2024-08-20");
  g_assert_cmpstr (((DlReldate *) g_ptr_array_index (all, 3))->when, ==, "2023-10-07");
}

/* ---------------------------------------------------------------------
 * The bundled dataset: every event whose when_basis quotes a relative
 * expression has its `when` reproduced from that expression and the
 * publication date of the article it names, or is listed here with why
 * not. */

typedef struct {
  const char *event;
  const char *why;
} Unreproducible;

static const Unreproducible unreproducible[] = {
  { "doha-talks", "“last week” gives the week of 12–18 August; the talks’ own days (15–16 August) are a fact from outside the articles" },
  { "blinken-ninth-trip", "the span joins two expressions (“on Monday”, “on Tuesday”) and an uncertain start from “in Israel”" },
  { "november-truce", "“in November” gives 2023-11; the truce’s days (24 November – 1 December) are a fact from outside the articles" },
  { "gaza-war-toll", "“10 months of” gives about October 2023; the start is the October 7 attack, another event" },
  /* These two quote “recent” without naming an article, so the test does
   * not even try: “recent” would give about August 2024. */
  { "tehran-killing", "the day (31 July 2024) is a fact from outside the articles" },
  { "beirut-killing", "the day (30 July 2024) is a fact from outside the articles" },
  { NULL, NULL }
};

static const char *
why_unreproducible (const char *event)
{
  for (guint i = 0; unreproducible[i].event != NULL; i++)
    if (g_str_equal (unreproducible[i].event, event))
      return unreproducible[i].why;
  return NULL;
}

/* The source a quote is attributed to: the first source id after it in
 * the basis ("“on Tuesday” in a001"), else the first anywhere. */
static DlSource *
source_of_quote (DlDataset  *dataset,
                 const char *basis,
                 const char *after)
{
  GListModel *sources = dl_dataset_get_sources (dataset);
  DlSource *best = NULL;
  const char *best_at = NULL;

  for (int pass = 0; pass < 2 && best == NULL; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
        const char *at = strstr (pass == 0 ? after : basis, dl_source_get_id (source));

        if (at != NULL && (best_at == NULL || at < best_at))
          {
            best = source;
            best_at = at;
          }
      }

  return best;
}

static void
test_bundled (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (file, problems, NULL);
  GListModel *events;
  guint n_relative = 0, n_reproduced = 0;

  g_assert_nonnull (dataset);
  events = dl_dataset_get_events (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      const char *basis = dl_event_get_when_basis (event);
      const char *id = dl_event_get_id (event);
      gboolean relative = FALSE, reproduced = FALSE;
      g_autoptr(GString) tried = g_string_new (NULL);

      for (const char *open = strstr (basis, "“"); open != NULL; open = strstr (open + 1, "“"))
        {
          const char *quote = open + strlen ("“");
          const char *close = strstr (quote, "”");
          g_autofree char *expression = NULL;
          g_autoptr(DlReldate) r = NULL;
          DlSource *source;

          if (close == NULL)
            break;
          expression = g_strndup (quote, close - quote);
          source = source_of_quote (dataset, basis, close);
          if (source == NULL)
            continue;
          r = dl_reldate_resolve (expression, dl_source_get_published_text (source),
                                  dl_source_get_id (source), "en", NULL);
          if (r == NULL)
            continue;

          relative = TRUE;
          g_string_append_printf (tried, " “%s” (%s) → %s;", expression,
                                  dl_source_get_published_text (source), r->when);
          if (g_str_equal (r->when, dl_event_get_when_text (event)))
            reproduced = TRUE;
        }

      if (!relative)
        continue;
      n_relative++;
      if (reproduced)
        {
          n_reproduced++;
          g_test_message ("reproduced %s = %s:%s", id, dl_event_get_when_text (event), tried->str);
          /* The list of exceptions stays honest. */
          if (why_unreproducible (id) != NULL)
            g_error ("%s is reproduced now: take it off the list", id);
        }
      else
        {
          const char *why = why_unreproducible (id);

          if (why == NULL)
            g_error ("%s (%s) is not reproduced by%s", id, dl_event_get_when_text (event), tried->str);
          g_test_message ("not reproduced %s = %s:%s because %s", id,
                          dl_event_get_when_text (event), tried->str, why);
        }
    }

  g_test_message ("%u of %u events whose when_basis quotes a date expression reproduced",
                  n_reproduced, n_relative);
  g_assert_cmpuint (n_reproduced, >=, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reldate/days", test_days);
  g_test_add_func ("/reldate/future", test_future);
  g_test_add_func ("/reldate/weeks-and-months", test_weeks_and_months);
  g_test_add_func ("/reldate/dates-and-spans", test_dates_and_spans);
  g_test_add_func ("/reldate/uncertain-publication", test_uncertain_publication);
  g_test_add_func ("/reldate/not-dates", test_not_dates);
  g_test_add_func ("/reldate/errors", test_errors);
  g_test_add_func ("/reldate/basis-and-offsets", test_basis_and_offsets);
  g_test_add_func ("/reldate/bundled", test_bundled);

  return g_test_run ();
}
