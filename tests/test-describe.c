/* test-describe.c: the words Dateline writes about events, and the claim
 * comparison behind "Sources disagree" (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "dl-claims.h"
#include "dl-dataset.h"
#include "dl-describe.h"

static DlDataset *bundled;

static DlClaim
claim (const char *value,
       const char *qualifier)
{
  DlClaim c = { 0 };
  char *end = NULL;
  double number = g_ascii_strtod (value, &end);

  c.value_text = (char *) value;
  c.numeric = end != value && *end == '\0';
  c.value = c.numeric ? number : 0;
  c.qualifier = (char *) qualifier;
  return c;
}

static void
test_compare_rules (void)
{
  DlClaim a, b;
  double f = 0;

  /* Numbers as numbers, qualifiers by kind. */
  a = claim ("12", "at least"), b = claim ("12.0", "at least");
  g_assert_true (dl_claims_agree (&a, 0, &b, 0));
  a = claim ("12", "at least"), b = claim ("10", "at least");
  g_assert_false (dl_claims_agree (&a, 0, &b, 0));
  a = claim ("110", "around"), b = claim ("110", "about");
  g_assert_true (dl_claims_agree (&a, 0, &b, 0));
  a = claim ("40000", "over"), b = claim ("40000", "more than");
  g_assert_true (dl_claims_agree (&a, 0, &b, 0));
  a = claim ("115", NULL), b = claim ("115", "about");
  g_assert_false (dl_claims_agree (&a, 0, &b, 0));

  /* Text normalised: case, quotes, punctuation and spacing do not count. */
  a = claim ("“Totally untrue.”", NULL), b = claim ("totally   untrue", NULL);
  g_assert_true (dl_claims_agree (&a, 0, &b, 0));
  a = claim ("did not comment", NULL), b = claim ("Israel is committed", NULL);
  g_assert_false (dl_claims_agree (&a, 0, &b, 0));

  /* Fractions, and a count against a fraction of its source's total. */
  g_assert_true (dl_claims_parse_fraction ("a third", &f));
  g_assert_cmpfloat_with_epsilon (f, 1.0 / 3, 1e-12);
  g_assert_true (dl_claims_parse_fraction ("25%", &f));
  g_assert_cmpfloat_with_epsilon (f, 0.25, 1e-12);
  g_assert_false (dl_claims_parse_fraction ("later this week", &f));
  a = claim ("a third", "about"), b = claim ("a third", "at least");
  g_assert_false (dl_claims_agree (&a, 0, &b, 0));
  a = claim ("a third", NULL), b = claim ("37", NULL);
  g_assert_true (dl_claims_agree (&a, 0, &b, 111));
  g_assert_false (dl_claims_agree (&a, 0, &b, 0));
  b = claim ("39", NULL);
  g_assert_false (dl_claims_agree (&a, 0, &b, 111));
}

/* Each disagreement of issue 16, flagged, with the sources of each value. */
static void
assert_rows (const char  *topic,
             const char **expected)   /* "value|qualifier|src,src", NULL-terminated */
{
  g_autoptr(GPtrArray) rows = dl_claims_dup_rows (bundled, topic);
  guint n = g_strv_length ((char **) expected);

  g_assert_nonnull (rows);
  g_assert_true (dl_dataset_topic_disagrees (bundled, topic));
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) parts = g_strsplit (expected[i], "|", 3);
      g_autoptr(GString) sources = g_string_new (NULL);
      gboolean found = FALSE;

      for (guint r = 0; r < rows->len && !found; r++)
        {
          DlClaimRow *row = g_ptr_array_index (rows, r);

          if (g_strcmp0 (row->claim->value_text, parts[0]) != 0
              || g_strcmp0 (row->claim->qualifier != NULL ? row->claim->qualifier : "", parts[1]) != 0)
            continue;
          found = TRUE;
          for (guint s = 0; s < row->sources->len; s++)
            g_string_append_printf (sources, "%s%s", s > 0 ? "," : "",
                                    dl_source_get_id (g_ptr_array_index (row->sources, s)));
          g_assert_cmpstr (sources->str, ==, parts[2]);
        }
      if (!found)
        g_test_fail_printf ("%s: no row for %s", topic, expected[i]);
    }
}

static void
test_bundled_disagreements (void)
{
  assert_rows ("school-strike-killed", (const char *[]) { "12|at least|a000", "10|at least|a001", NULL });
  assert_rows ("hostages-remaining", (const char *[]) { "110|around|a000,a001", "115||a002", "111||a003", NULL });
  assert_rows ("netanyahu-office-on-meeting",
               (const char *[]) { "Israel is committed to the latest American proposal||a003",
                                  "did not comment||a000", NULL });
  assert_rows ("blinken-qatar-meeting-day", (const char *[]) { "on Tuesday||a001", "later this week||a000", NULL });
  assert_rows ("israel-stays-in-corridors",
               (const char *[]) { "will not abandon the corridors||a000",
                                  "“totally untrue” that Israel would never leave||a000",
                                  "a reduced Israeli presence||a003", NULL });
  assert_rows ("talks-progress", (const char *[]) { "closer than we have ever been||a003", "an illusion||a003",
                                                    "no progress||a003", NULL });
  /* "about" and "around" a third agree; "at least" a third and 39 of 111 do not. */
  assert_rows ("hostages-remaining-dead", (const char *[]) { "a third|around|a000,a001", "a third|at least|a002",
                                                             "39||a003", NULL });
  /* Agreeing sources share one row: five children, from two articles. */
  {
    g_autoptr(GPtrArray) rows = dl_claims_dup_rows (bundled, "central-gaza-strike-children-killed");

    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpuint (((DlClaimRow *) g_ptr_array_index (rows, 0))->sources->len, ==, 2);
    g_assert_false (dl_dataset_topic_disagrees (bundled, "gaza-deaths"));
  }
}

static gboolean
has_bare_id (DlDataset  *dataset,
             const char *text)
{
  GListModel *sources = dl_dataset_get_sources (dataset);

  for (guint i = 0; text != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      if (strstr (text, dl_source_get_id (source)) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Prose cites with [a000] only, and what a person reads has no ids. */
static void
test_no_bare_ids (void)
{
  GListModel *events = dl_dataset_get_events (bundled);
  guint citations = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      const char *texts[] = { dl_event_get_summary (event), dl_event_get_when_basis (event) };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *plain = dl_describe_citations (bundled, texts[t], DL_DESCRIBE_PLAIN);
          g_autoptr(GRegex) bare = g_regex_new ("(?<![\\[\\w-])a\\d{3}(?![\\w\\]])", 0, 0, NULL);

          if (g_regex_match (bare, texts[t], 0, NULL))
            g_test_fail_printf ("%s: a bare source id: %s", dl_event_get_id (event), texts[t]);
          if (has_bare_id (bundled, plain))
            g_test_fail_printf ("%s: rendered with an id: %s", dl_event_get_id (event), plain);
          if (strstr (texts[t], "[a0") != NULL)
            citations++;
        }
    }
  g_assert_cmpuint (citations, >, 40);

  for (guint n = 0; n < dl_dataset_get_n_narratives (bundled); n++)
    {
      const DlNarrative *narrative = dl_dataset_get_narrative (bundled, n);

      for (guint s = 0; s < narrative->steps->len; s++)
        {
          const char *caption = g_array_index (narrative->steps, DlNarrativeStep, s).caption;
          g_autofree char *plain = dl_describe_citations (bundled, caption, DL_DESCRIBE_PLAIN);

          if (has_bare_id (bundled, plain))
            g_test_fail_printf ("%s step %u: %s", narrative->id, s, plain);
        }
    }
}

static void
test_dates (void)
{
  static const struct { const char *event, *when; } dates[] = {
    { "netanyahu-meets-families", "2024-08-19/2024-08-20" },
    { "netanyahu-strategic-assets", "2024-08-19/2024-08-20" },
    { "hamas-illusion", "2024-08-16/2024-08-19" },
    { "biden-closer-than-ever", "2024-08-15/2024-08-19" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      DlEvent *event = dl_dataset_lookup_event (bundled, dates[i].event);

      g_assert_nonnull (event);
      g_assert_cmpstr (dl_event_get_when_text (event), ==, dates[i].when);
    }
}

static void
test_words_for_people (void)
{
  DlSource *a000 = dl_dataset_lookup_source (bundled, "a000");
  DlPlace *israel = dl_dataset_lookup_place (bundled, "israel");
  g_autofree char *label = dl_claims_dup_topic_label (bundled, "school-strike-killed");
  g_autofree char *rendered = NULL;
  g_autofree char *markup = NULL;

  g_assert_cmpstr (label, ==, "Killed at the school");
  g_assert_cmpstr (dl_source_get_short_name (a000), ==, "“Far apart”, 20 Aug");
  g_assert_nonnull (strstr (dl_place_get_note (israel), "Golan Heights"));
  g_assert_cmpint (dl_event_get_place_role (dl_dataset_lookup_event (bundled, "us-official-totally-untrue")),
                   ==, DL_PLACE_ROLE_CONCERNS);
  g_assert_cmpint (dl_event_get_place_role (dl_dataset_lookup_event (bundled, "school-strike-gaza-city")),
                   ==, DL_PLACE_ROLE_AT);

  rendered = dl_describe_citations (bundled, "killed ([a000, a001]); [a002] says <b>", DL_DESCRIBE_PLAIN);
  g_assert_cmpstr (rendered, ==, "killed (“Far apart”, 20 Aug; Cairo report, 20 Aug); “Sticking points”, 18–19 Aug says <b>");
  markup = dl_describe_citations (bundled, "see [a001] & [nope]", DL_DESCRIBE_MARKUP);
  g_assert_cmpstr (markup, ==,
                   "see <a href=\"source:a001\" title=\"Blinken meets mediators in Egypt and Qatar; six hostages’ "
                   "bodies recovered\">Cairo report, 20 Aug</a> &amp; [nope]");
}

/* A file of today's format, without topics, short names or roles, loads. */
static void
test_old_format (void)
{
  static const char data[] =
    "{ \"dateline\": 1, \"title\": \"Old\", \"sources\": [], \"places\": ["
    "  { \"id\": \"p\", \"name\": \"P\", \"geometry\": { \"type\": \"Point\", \"coordinates\": [1, 2] },"
    "    \"precision_m\": 10 } ],"
    "  \"events\": [ { \"id\": \"e\", \"title\": \"E\", \"category\": \"x\", \"when\": \"2024-08-20?\", \"place\": \"p\" } ] }";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load_from_data (data, strlen (data), NULL, problems);
  g_autofree char *label = NULL;
  g_autofree char *when = NULL;

  g_assert_nonnull (dataset);
  label = dl_claims_dup_topic_label (dataset, "school-strike-killed");
  g_assert_cmpstr (label, ==, "School strike killed");
  g_assert_cmpint (dl_event_get_place_role (dl_dataset_lookup_event (dataset, "e")), ==, DL_PLACE_ROLE_AT);
  when = dl_describe_when (dl_dataset_lookup_event (dataset, "e"));
  g_assert_cmpstr (when, ==, "Tuesday 20 August 2024, uncertain");
}

static void
test_bad_words (void)
{
  static const char data[] =
    "{ \"dateline\": 1, \"title\": \"Bad\", \"topics\": { \"t\": { \"label\": 3, \"total\": \"none\" } },"
    "  \"sources\": [], \"places\": ["
    "  { \"id\": \"p\", \"name\": \"P\", \"geometry\": { \"type\": \"Point\", \"coordinates\": [1, 2] },"
    "    \"precision_m\": 10 } ],"
    "  \"events\": [ { \"id\": \"e\", \"title\": \"E\", \"category\": \"x\", \"when\": \"2024\", \"place\": \"p\","
    "                  \"place_role\": \"near\" } ] }";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load_from_data (data, strlen (data), NULL, problems);
  g_autofree char *text = dl_problems_to_string (problems, "bad");

  g_assert_null (dataset);
  g_assert_nonnull (strstr (text, "topics.t.label"));
  g_assert_nonnull (strstr (text, "topics.t.total"));
  g_assert_nonnull (strstr (text, "events[0].place_role"));
}

static void
test_describe_event (void)
{
  DlEvent *families = dl_dataset_lookup_event (bundled, "netanyahu-meets-families");
  DlEvent *official = dl_dataset_lookup_event (bundled, "us-official-totally-untrue");
  g_autofree char *basis = dl_describe_when_basis (bundled, families, DL_DESCRIBE_PLAIN);
  g_autofree char *place = dl_describe_place_name (official, 0, NULL);
  g_autofree char *disagreement = dl_describe_disagreement (bundled, "school-strike-killed", DL_DESCRIBE_PLAIN);

  /* The dataset's words are isolated inside the translated frame. */
  g_assert_true (g_str_has_prefix (basis, "Dated from: \xE2\x81\xA8"));
  g_assert_true (g_str_has_suffix (basis, "\xE2\x81\xA9"));
  g_assert_false (has_bare_id (bundled, basis));
  g_assert_cmpstr (place, ==, "About: \xE2\x81\xA8Philadelphi corridor (Egypt–Gaza border)\xE2\x81\xA9");
  g_assert_nonnull (strstr (disagreement, "at least 12 people\xE2\x81\xA9 (“Far apart”, 20 Aug)"));
  g_assert_null (dl_describe_disagreement (bundled, "gaza-deaths", DL_DESCRIBE_PLAIN));
}

/* Weekday names are the locale's full names, never abbreviations. */
static void
test_weekday_full (void)
{
  static const char * const locales[] = { "ar_EG.UTF-8", "he_IL.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };
  DlEvent *strike = dl_dataset_lookup_event (bundled, "school-strike-gaza-city");
  g_autoptr(GDateTime) tuesday = g_date_time_new_utc (2024, 8, 20, 0, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autofree char *when = NULL;
      g_autofree char *full = NULL;
      g_autofree char *abbreviated = NULL;

      if (setlocale (LC_ALL, locales[i]) == NULL)
        {
          g_test_fail_printf ("the locale %s is not installed (build-aux/install-deps adds it)", locales[i]);
          continue;
        }
      when = dl_describe_when (strike);
      full = g_date_time_format (tuesday, "%A");
      abbreviated = g_date_time_format (tuesday, "%a");
      g_assert_nonnull (strstr (when, full));
      g_assert_cmpuint (g_utf8_strlen (full, -1), >, g_utf8_strlen (abbreviated, -1));
    }
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(GFile) file = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  file = g_file_new_build_filename (SOURCE_DATASETDIR, "gaza-august-2024", "gaza-august-2024.dateline.json", NULL);
  bundled = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (bundled);

  g_test_add_func ("/describe/compare-rules", test_compare_rules);
  g_test_add_func ("/describe/bundled-disagreements", test_bundled_disagreements);
  g_test_add_func ("/describe/no-bare-ids", test_no_bare_ids);
  g_test_add_func ("/describe/dates", test_dates);
  g_test_add_func ("/describe/words-for-people", test_words_for_people);
  g_test_add_func ("/describe/old-format", test_old_format);
  g_test_add_func ("/describe/bad-words", test_bad_words);
  g_test_add_func ("/describe/event", test_describe_event);
  g_test_add_func ("/describe/weekday-full", test_weekday_full);

  status = g_test_run ();
  g_object_unref (bundled);
  return status;
}
