/* test-import.c: CSV (ACLED, UCDP GED, others), GeoJSON, TimelineJS and
 * StoryMapJS files opened as datasets, checked event by event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dl-claims.h"
#include "dl-dataset.h"
#include "dl-dataset-categories.h"
#include "dl-describe.h"
#include "dl-import.h"
#include "dl-test-import.h"
#include "dl-test-tree.h"
#include "dl-writer.h"

static guint
n_events (DlDataset *dataset)
{
  return g_list_model_get_n_items (dl_dataset_get_events (dataset));
}

/* Each excerpt quotes its article exactly where it says. */
static void
assert_excerpts_anchor (DlEvent *e)
{
  for (guint i = 0; i < dl_event_get_n_excerpts (e); i++)
    {
      const DlExcerpt *excerpt = dl_event_get_excerpt (e, i);
      g_autofree char *quoted = dl_text_substring (dl_source_get_text (excerpt->source), excerpt->start, excerpt->end);

      g_assert_cmpstr (quoted, ==, excerpt->exact);
    }
}

static void
assert_point (DlEvent *e,
              double   lon,
              double   lat,
              double   precision_m)
{
  DlLonLat anchor = dl_event_get_anchor (e);

  g_assert_cmpuint (dl_event_get_n_places (e), ==, 1);
  g_assert_cmpint (dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (e, 0))), ==,
                   DL_GEOMETRY_POINT);
  g_assert_cmpfloat_with_epsilon (anchor.lon, lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (anchor.lat, lat, 1e-9);
  g_assert_cmpfloat (dl_event_get_precision_m (e), ==, precision_m);
}

/* Each category an import makes (but a built-in one) is defined with its
 * own palette colour, in the order of first appearance, and the file's
 * name for it; saved, the definitions load back. */
static void
test_category_colors (void)
{
  static const char * const files[] = { "acled.csv", "ucdp.csv", "features.geojson", "timeline.json" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(DlDataset) dataset = dl_test_import (files[f], NULL);
      GListModel *events = dl_dataset_get_events (dataset);
      g_autoptr(GPtrArray) order = g_ptr_array_new ();
      guint n = dl_dataset_get_n_categories (dataset);

      g_assert_nonnull (dataset);
      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(DlEvent) e = g_list_model_get_item (events, i);
          const char *category = dl_event_get_category (e);

          if (!dl_category_id_is_builtin (category)
              && !g_ptr_array_find_with_equal_func (order, category, g_str_equal, NULL))
            g_ptr_array_add (order, (gpointer) category);
        }
      g_test_message ("%s: %u categories", files[f], n);
      g_assert_cmpuint (n, ==, order->len);
      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          const DlCategoryDef *def = dl_dataset_get_category (dataset, i);

          g_assert_cmpstr (def->id, ==, g_ptr_array_index (order, i));
          g_assert_cmphex (def->color, ==, dl_category_palette_get (i));
        }
    }

  {
    g_autoptr(DlDataset) acled = dl_test_import ("acled.csv", NULL);
    g_autoptr(DlDataset) ucdp = dl_test_import ("ucdp.csv", NULL);
    const DlCategoryDef *def = dl_dataset_lookup_category (acled, "battles");

    g_assert_nonnull (def);
    g_assert_cmpstr (def->label, ==, "Battles");
    def = dl_dataset_lookup_category (ucdp, "state-based");
    g_assert_nonnull (def);
    g_assert_cmpstr (def->label, ==, "State-based conflict");
  }
}

static void
test_acled (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("acled.csv", &problems);
  g_autofree char *list = dl_test_problem_list (problems);
  g_autofree char *label = NULL;
  DlEvent *e;
  const DlClaim *claim;

  g_assert_nonnull (dataset);
  g_assert_cmpstr (list, ==,
                   "line 6, column event_date: warning: “2024-02-31” is not a date (expected 2023-01-31 or 16 May 2025)\n"
                   "line 7, column latitude: warning: latitude 135.93 is out of range (−90 to 90)\n"
                   "line 8: warning: the row has 14 fields, the header 21\n"
                   "$: warning: 3 of 6 rows could not be read and were skipped\n");
  g_assert_cmpstr (dl_dataset_get_title (dataset), ==, "ACLED events from acled.csv");
  g_assert_cmpuint (n_events (dataset), ==, 3);

  /* Quoted newline, doubled quotes, CRLF; two sources; the day. */
  e = dl_test_event (dataset, "syr1001");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Armed clash in Aleppo");
  g_assert_cmpstr (dl_event_get_category (e), ==, "battles");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2023-01-31");
  g_assert_cmpstr (dl_event_get_summary (e), ==,
                   "On 31 January 2023, clashes took place in Aleppo city.\n"
                   "Two soldiers were killed, according to \"official\" sources.\n"
                   "Actors: Military Forces of Syria (2000-); Islamic State (Syria)");
  assert_point (e, 37.1343, 36.2021, 2000);
  g_assert_cmpstr (dl_place_get_name (dl_event_get_place (e, 0)), ==, "Aleppo");
  g_assert_cmpstr (dl_place_get_note (dl_event_get_place (e, 0)), ==, "Jebel Saman, Aleppo, Syria");
  g_assert_cmpuint (dl_event_get_n_excerpts (e), ==, 2);
  g_assert_cmpstr (dl_source_get_short_name (dl_event_get_excerpt (e, 0)->source), ==, "Reuters");
  g_assert_cmpstr (dl_source_get_short_name (dl_event_get_excerpt (e, 1)->source), ==, "SANA");
  g_assert_cmpstr (dl_event_get_excerpt (e, 0)->exact, ==,
                   "On 31 January 2023, clashes took place in Aleppo city. "
                   "Two soldiers were killed, according to \"official\" sources.");
  assert_excerpts_anchor (e);
  g_assert_cmpuint (dl_event_get_n_claims (e), ==, 1);
  claim = dl_event_get_claim (e, 0);
  g_assert_true (claim->numeric);
  g_assert_cmpfloat (claim->value, ==, 2);
  g_assert_cmpstr (claim->value_text, ==, "2");
  g_assert_null (claim->qualifier);
  label = dl_claims_dup_topic_label (dataset, claim->topic);
  g_assert_cmpstr (label, ==, "Fatalities");
  g_assert_false (dl_dataset_topic_disagrees (dataset, claim->topic));

  /* "16 May 2025" with time_precision 2: the week, Monday to Sunday. */
  e = dl_test_event (dataset, "syr1002");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2025-05-12/2025-05-18");
  g_assert_cmpstr (dl_event_get_when_basis (e), ==,
                   "ACLED event_date 2025-05-16 with time_precision 2: some day in that week");
  assert_point (e, 36.2913, 33.5102, 10000);
  g_assert_cmpstr (dl_event_get_category (e), ==, "protests");
  g_assert_cmpfloat (dl_event_get_claim (e, 0)->value, ==, 0);

  /* time_precision 3: the month; geo_precision 3: the region; no notes
   * and no source: the file is the source, the title the passage. */
  e = dl_test_event (dataset, "syr1003");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-02");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Air/drone strike in Idlib");
  g_assert_cmpstr (dl_event_get_category (e), ==, "explosions-remote-violence");
  assert_point (e, 36.63, 35.93, 100000);
  g_assert_cmpstr (dl_event_get_summary (e), ==, "Actors: Military Forces of Russia (2000-)");
  g_assert_cmpuint (dl_event_get_n_excerpts (e), ==, 1);
  g_assert_cmpstr (dl_source_get_title (dl_event_get_excerpt (e, 0)->source), ==, "acled.csv");
  g_assert_cmpstr (dl_event_get_excerpt (e, 0)->exact, ==, "Air/drone strike in Idlib");
  assert_excerpts_anchor (e);
  g_assert_cmpfloat (dl_event_get_claim (e, 0)->value, ==, 5);
}

static void
test_ucdp (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("ucdp.csv", &problems);
  g_autofree char *label = NULL;
  const DlClaim *claim;
  DlEvent *e;

  g_assert_nonnull (dataset);
  /* The one: the last row is placed by its name. */
  g_assert_cmpuint (dl_problems_get_length (problems), ==, 1);
  g_assert_cmpuint (n_events (dataset), ==, 3);

  e = dl_test_event (dataset, "244657");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Government of Syria - IS in Palmyra town");
  g_assert_cmpstr (dl_event_get_category (e), ==, "state-based");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2017-01-05");
  assert_point (e, 38.2681, 34.5595, 1000);
  g_assert_cmpstr (dl_event_get_summary (e), ==, "Syrian army repels attack near Palmyra");
  g_assert_cmpuint (dl_event_get_n_excerpts (e), ==, 2);
  g_assert_cmpstr (dl_source_get_title (dl_event_get_excerpt (e, 0)->source), ==, "Reuters");
  g_assert_cmpstr (dl_source_get_title (dl_event_get_excerpt (e, 1)->source), ==, "AFP");
  assert_excerpts_anchor (e);
  /* low/best/high: one claim, the best estimate with its range. */
  g_assert_cmpuint (dl_event_get_n_claims (e), ==, 1);
  claim = dl_event_get_claim (e, 0);
  g_assert_true (claim->numeric);
  g_assert_cmpfloat (claim->value, ==, 12);
  g_assert_cmpstr (claim->value_text, ==, "12");
  g_assert_true (claim->has_range);
  g_assert_cmpfloat (claim->low, ==, 10);
  g_assert_cmpfloat (claim->high, ==, 15);
  {
    g_autofree char *shown = dl_describe_claim_value (claim);

    g_assert_cmpstr (shown, ==, "12 (10–15)");
  }
  label = dl_claims_dup_topic_label (dataset, claim->topic);
  g_assert_cmpstr (label, ==, "Deaths: best estimate (low–high)");

  /* date_prec 3: the span given; where_prec 4: the province. */
  e = dl_test_event (dataset, "244658");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2017-01-02/2017-01-08");
  g_assert_cmpstr (dl_event_get_when_basis (e), ==,
                   "UCDP date_start 2017-01-02, date_end 2017-01-08, date_prec 3: within a week");
  g_assert_cmpstr (dl_event_get_category (e), ==, "one-sided");
  assert_point (e, 40.15, 35.3333, 150000);
  /* low = best = high: no range to tell. */
  g_assert_true (dl_event_get_claim (e, 0)->numeric);
  g_assert_cmpfloat (dl_event_get_claim (e, 0)->value, ==, 7);
  g_assert_false (dl_event_get_claim (e, 0)->has_range);
  /* Without sources, the file is the source. */
  g_assert_cmpstr (dl_source_get_title (dl_event_get_excerpt (e, 0)->source), ==, "ucdp.csv");

  /* No coordinates, where_prec 7: the country it names, by name
   * (tests/test-import-places.c), as wide as where_prec 7 says. */
  e = dl_test_event (dataset, "244659");
  assert_point (e, 38.50456, 35.023, 500000);
  g_assert_cmpstr (dl_place_get_kind (dl_event_get_place (e, 0)), ==, "country");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2017-02-01/2017-03-15");
  g_assert_cmpstr (dl_event_get_category (e), ==, "non-state");
}

static void
test_latin1 (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("latin1.csv", &problems);
  g_autofree char *list = dl_test_problem_list (problems);
  DlEvent *e;

  g_assert_nonnull (dataset);
  g_assert_cmpstr (list, ==,
                   "line 2: warning: the file is not UTF-8: it was read as Latin-1 (Windows-1252); "
                   "check its accented letters\n");
  g_assert_cmpuint (n_events (dataset), ==, 2);
  e = dl_test_event (dataset, "cafe-de-la-paix");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Café de la Paix");
  g_assert_cmpstr (dl_event_get_summary (e), ==, "Réunion des délégués");
  g_assert_cmpstr (dl_event_get_category (e), ==, "meeting");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-03-05");
  assert_point (e, 2.3318, 48.8709, 1000);
  e = dl_test_event (dataset, "sao-paulo-office");
  g_assert_cmpstr (dl_event_get_title (e), ==, "São Paulo office");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);
}

static void
test_bad_csv (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlProblems) rows_problems = NULL;
  g_autoptr(DlDataset) none = dl_test_import ("bad-header.csv", &problems);
  g_autoptr(DlDataset) rows = dl_test_import ("bad-rows.csv", &rows_problems);
  g_autofree char *list = dl_test_problem_list (problems);
  g_autofree char *rows_list = dl_test_problem_list (rows_problems);
  g_autoptr(DlProblems) empty_problems = dl_problems_new ();
  g_autoptr(DlDataset) empty = dl_import_load_data ("empty.csv", "", 0, empty_problems, NULL);

  g_assert_null (none);
  g_assert_cmpstr (list, ==,
                   "line 1: error: the columns are not recognised: ACLED and UCDP GED exports open as they are; "
                   "other tables need a date column (date, start…), latitude and longitude columns, or a place name "
                   "column (location, place…)\n");
  g_assert_nonnull (rows);
  g_assert_cmpstr (rows_list, ==,
                   "line 3: warning: text follows a closing quote: write a quote inside a field as \"\"\n"
                   "line 4: warning: a quoted field is not closed: the rest of the file is this one row\n"
                   "$: warning: 2 of 3 rows could not be read and were skipped\n");
  g_assert_cmpuint (n_events (rows), ==, 1);
  g_assert_nonnull (dl_dataset_lookup_event (rows, "x1"));
  g_assert_null (empty);
  g_assert_true (dl_problems_has_errors (empty_problems));
}

static void
test_geojson (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("features.geojson", &problems);
  g_autofree char *list = dl_test_problem_list (problems);
  DlEvent *e;

  g_assert_nonnull (dataset);
  g_assert_cmpstr (list, ==,
                   "features[4].geometry.coordinates: warning: a position needs 2 or 3 numbers (longitude, "
                   "latitude and an optional altitude), this one has 1\n"
                   "features[4]: warning: the feature's geometry cannot be read: skipped\n"
                   "$: warning: 1 of 6 features could not be read and was skipped\n");
  g_assert_cmpstr (dl_dataset_get_title (dataset), ==, "Field notes");
  g_assert_cmpuint (n_events (dataset), ==, 5);

  e = dl_test_event (dataset, "well-1");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Water well");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-20");
  g_assert_cmpstr (dl_event_get_category (e), ==, "humanitarian");
  assert_point (e, 34.45, 31.52, 1000);
  /* Other properties are kept, in the summary. */
  g_assert_cmpstr (dl_event_get_summary (e), ==, "operator: UNRWA\ndepth_m: 120");

  e = dl_test_event (dataset, "convoy-route");
  g_assert_cmpint (dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (e, 0))), ==,
                   DL_GEOMETRY_LINE_STRING);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-19T06:00:00Z/2024-08-19T12:30:00Z");

  /* Epoch milliseconds; HTML in the description. */
  e = dl_test_event (dataset, "zone-a");
  g_assert_cmpint (dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (e, 0))), ==,
                   DL_GEOMETRY_POLYGON);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-20T00:00:00Z");
  g_assert_cmpstr (dl_event_get_summary (e), ==, "Closed & fenced");

  /* No geometry: the timeline only; no date: the map only. */
  e = dl_test_event (dataset, "announcement");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-21");
  e = dl_test_event (dataset, "undated-site");
  g_assert_null (dl_event_get_when_text (e));
  g_assert_false (dl_edtf_is_bounded (dl_event_get_when (e)));
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 1);
}

static void
test_timelinejs (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("timeline.json", &problems);
  g_autofree char *list = dl_test_problem_list (problems);
  DlEvent *e;

  g_assert_nonnull (dataset);
  g_assert_cmpstr (list, ==,
                   "events[3]: warning: the event has no start_date: skipped\n"
                   "$: warning: 1 of 5 events could not be read and was skipped\n");
  g_assert_cmpstr (dl_dataset_get_title (dataset), ==, "The Long Summer");
  g_assert_cmpstr (dl_dataset_get_description (dataset), ==, "Events of 2024 — a test");
  g_assert_cmpuint (n_events (dataset), ==, 4);

  /* Numbers as strings; entities named, decimal and hexadecimal. */
  e = dl_test_event (dataset, "doha-talks");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Talks in Doha & Cairo");
  g_assert_cmpstr (dl_event_get_summary (e), ==, "Delegations met.\nThey talked \"all night\" — —");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-20");
  g_assert_cmpstr (dl_event_get_category (e), ==, "diplomacy");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);
  g_assert_cmpuint (dl_event_get_n_excerpts (e), ==, 1);
  assert_excerpts_anchor (e);

  e = dl_test_event (dataset, "press-conference");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-21T14:30:00Z/2024-08-21T16:00:00Z");
  g_assert_cmpstr (dl_event_get_category (e), ==, "event");
  g_assert_null (dl_event_get_summary (e));

  e = dl_test_event (dataset, "heat-wave");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-07/2024-09");
  g_assert_cmpstr (dl_event_get_category (e), ==, "weather");

  /* Eras are events of their own category. */
  e = dl_test_event (dataset, "summer");
  g_assert_cmpstr (dl_event_get_category (e), ==, "era");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-06/2024-08-31");
}

static void
test_storymapjs (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("storymap.json", &problems);
  g_autofree char *list = dl_test_problem_list (problems);
  const DlNarrative *story;
  DlEvent *e;

  g_assert_nonnull (dataset);
  /* One warning per guessed year. */
  g_assert_cmpstr (list, ==,
                   "storymap.slides[5].date: warning: “sometime” is not a date: the slide is on the map only\n"
                   "storymap.slides[2].date: warning: “Aug 23” has no year: 2024 is taken from the story’s "
                   "other dates, and the date is marked uncertain\n"
                   "storymap.slides[3].date: warning: “Aug 25” has no year: 2024 is taken from the story’s "
                   "other dates, and the date is marked uncertain\n"
                   "storymap.slides[3].text.headline: warning: the slide has no location, and its headline names "
                   "no place the offline gazetteer knows: it is on the timeline only\n"
                   "storymap.slides[5]: warning: the slide has neither a location nor a date: skipped\n"
                   "$: warning: 1 of 5 slides could not be read and was skipped\n");
  g_assert_cmpstr (dl_dataset_get_title (dataset), ==, "A Journey East");
  g_assert_cmpstr (dl_dataset_get_description (dataset), ==, "From Haifa to Amman");
  g_assert_cmpuint (n_events (dataset), ==, 4);

  e = dl_test_event (dataset, "leaving-haifa");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-20");
  g_assert_cmpstr (dl_event_get_summary (e), ==, "We left «early».");
  g_assert_cmpstr (dl_place_get_name (dl_event_get_place (e, 0)), ==, "Haifa");
  g_assert_cmpfloat (dl_event_get_precision_m (e), >, 100);
  g_assert_cmpfloat (dl_event_get_precision_m (e), <, 2000);

  /* Coordinates as strings; a date without a year, marked uncertain. */
  e = dl_test_event (dataset, "nazareth");
  assert_point (e, 35.3035, 32.6996, dl_event_get_precision_m (e));
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-23?");
  g_assert_true (dl_event_get_when (e)->flags & DL_EDTF_UNCERTAIN);
  g_assert_nonnull (strstr (dl_event_get_when_basis (e), "Aug 23"));

  /* A slide without a location; one without a date. */
  e = dl_test_event (dataset, "a-day-of-rest");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-25?");
  e = dl_test_event (dataset, "amman");
  g_assert_null (dl_event_get_when_text (e));
  g_assert_cmpfloat (dl_event_get_precision_m (e), ==, 1000);

  /* The slides' order is a narrative. */
  g_assert_cmpuint (dl_dataset_get_n_narratives (dataset), ==, 1);
  story = dl_dataset_get_narrative (dataset, 0);
  g_assert_cmpstr (story->title, ==, "A Journey East");
  g_assert_cmpuint (story->steps->len, ==, 4);
  g_assert_true (g_array_index (story->steps, DlNarrativeStep, 0).event == dl_test_event (dataset, "leaving-haifa"));
  g_assert_true (g_array_index (story->steps, DlNarrativeStep, 3).event == dl_test_event (dataset, "amman"));
}

static void
test_detect (void)
{
  static const char storymap[] = "{ \"storymap\": { \"slides\": [] } }";
  static const char geojson[] = "{ \"type\": \"FeatureCollection\", \"features\": [] }";
  static const char timeline[] = "{ \"events\": [ { \"start_date\": { \"year\": 2024 } } ] }";
  static const char native[] = "{ \"dateline\": 1 }";
  static const char csv[] = "date,latitude,longitude\n2024-01-01,1,2\n";

  g_assert_cmpint (dl_import_detect ("a.dateline.json", storymap, strlen (storymap)), ==, DL_IMPORT_FORMAT_NATIVE);
  g_assert_cmpint (dl_import_detect ("a.json", storymap, strlen (storymap)), ==, DL_IMPORT_FORMAT_STORYMAPJS);
  g_assert_cmpint (dl_import_detect ("a.json", geojson, strlen (geojson)), ==, DL_IMPORT_FORMAT_GEOJSON);
  g_assert_cmpint (dl_import_detect ("a.json", timeline, strlen (timeline)), ==, DL_IMPORT_FORMAT_TIMELINEJS);
  g_assert_cmpint (dl_import_detect ("a.json", native, strlen (native)), ==, DL_IMPORT_FORMAT_NATIVE);
  g_assert_cmpint (dl_import_detect ("data", csv, strlen (csv)), ==, DL_IMPORT_FORMAT_CSV);
  /* A dataset saved under another name is still a dataset. */
  g_assert_cmpint (dl_import_detect ("dataset.csv", native, strlen (native)), ==, DL_IMPORT_FORMAT_NATIVE);
  g_assert_cmpint (dl_import_detect ("a.CSV", NULL, 0), ==, DL_IMPORT_FORMAT_CSV);
  g_assert_cmpint (dl_import_detect ("a.geojson", NULL, 0), ==, DL_IMPORT_FORMAT_GEOJSON);
}

/* A JSON file that is none of them says so, with its JSON path. */
static void
test_bad_json (void)
{
  static const char not_json[] = "{ \"storymap\": { \"slides\": [ }";
  static const char no_slides[] = "{ \"storymap\": { \"slides\": 3 } }";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlProblems) more = dl_problems_new ();
  g_autoptr(DlDataset) a = dl_import_load_data ("s.json", not_json, strlen (not_json), problems, NULL);
  g_autoptr(DlDataset) b = dl_import_load_data ("s.json", no_slides, strlen (no_slides), more, NULL);
  g_autofree char *list = dl_test_problem_list (more);

  g_assert_null (a);
  g_assert_true (dl_problems_has_errors (problems));
  g_assert_true (g_str_has_prefix (dl_problems_get (problems, 0)->message, "not valid JSON: "));
  g_assert_null (b);
  g_assert_cmpstr (list, ==, "$: error: not a StoryMapJS file: it has no array “storymap.slides”\n");
}

/* Saved as a native dataset, an import loads back the same, with its
 * articles written beside it. */
static void
test_save_native (void)
{
  g_autoptr(DlDataset) dataset = dl_test_import ("acled.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "acled.dateline.json", NULL);
  g_autofree char *article = g_build_filename (dir, "articles", "reuters.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) reloaded = NULL;
  g_autofree char *text = NULL;
  DlEvent *e;

  g_assert_no_error (error);
  g_assert_true (dl_writer_write_file (dataset, path, &error));
  g_assert_no_error (error);
  reloaded = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (reloaded);
  g_assert_cmpuint (dl_problems_get_length (problems), ==, 0);
  g_assert_cmpuint (n_events (reloaded), ==, 3);
  e = dl_test_event (reloaded, "syr1001");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2023-01-31");
  g_assert_cmpuint (dl_event_get_n_excerpts (e), ==, 2);
  g_assert_cmpuint (dl_dataset_get_n_categories (reloaded), ==, dl_dataset_get_n_categories (dataset));
  g_assert_cmpstr (dl_dataset_get_category (reloaded, 0)->label, ==, dl_dataset_get_category (dataset, 0)->label);
  g_assert_cmpstr (dl_source_get_short_name (dl_event_get_excerpt (e, 1)->source), ==, "SANA");
  g_assert_true (g_file_get_contents (article, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "On 31 January 2023, clashes took place"));

  for (guint i = 0; i < 4; i++)
    {
      static const char * const names[] = { "acled-csv.txt", "al-jazeera.txt", "reuters.txt", "sana.txt" };
      g_autofree char *p = g_build_filename (dir, "articles", names[i], NULL);

      g_assert_cmpint (g_remove (p), ==, 0);
    }
  {
    g_autofree char *articles = g_build_filename (dir, "articles", NULL);

    g_assert_cmpint (g_rmdir (articles), ==, 0);
  }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The native format takes events without a place or without a date, but
 * not without both. */
static void
test_native_partial_events (void)
{
  static const char data[] =
    "{ \"dateline\": 1, \"title\": \"T\", \"sources\": [], "
    "\"places\": [ { \"id\": \"p\", \"name\": \"P\", \"geometry\": { \"type\": \"Point\", \"coordinates\": [1, 2] }, "
    "\"precision_m\": 10 } ], "
    "\"events\": [ { \"id\": \"a\", \"title\": \"A\", \"category\": \"x\", \"when\": \"2024\" }, "
    "{ \"id\": \"b\", \"title\": \"B\", \"category\": \"x\", \"place\": \"p\" } ] }";
  static const char neither[] =
    "{ \"dateline\": 1, \"title\": \"T\", \"sources\": [], \"places\": [], "
    "\"events\": [ { \"id\": \"a\", \"title\": \"A\", \"category\": \"x\" } ] }";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlProblems) more = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load_from_data (data, strlen (data), NULL, problems);
  g_autoptr(DlDataset) refused = dl_dataset_load_from_data (neither, strlen (neither), NULL, more);
  g_autofree char *list = dl_test_problem_list (more);
  GPtrArray *by_time;

  g_assert_nonnull (dataset);
  g_assert_cmpuint (dl_event_get_n_places (dl_test_event (dataset, "a")), ==, 0);
  g_assert_null (dl_event_get_when_text (dl_test_event (dataset, "b")));
  g_assert_false (dl_edtf_is_bounded (dl_event_get_when (dl_test_event (dataset, "b"))));
  by_time = dl_dataset_get_events_by_time (dataset);
  g_assert_cmpuint (by_time->len, ==, 2);
  g_assert_null (refused);
  g_assert_cmpstr (list, ==,
                   "events[0]: error: an event needs a date (“when”), a place (“place” or “places”), or both\n"
                   "events[0]: warning: the event has no excerpts: no passage supports it\n");
}

/* A claim's range is written in the native format and read back; a range
 * that cannot be one is an error naming the claim. */
static void
test_claim_range (void)
{
  static const char head[] =
    "{\"dateline\": 1, \"title\": \"T\", \"sources\": [], \"places\": [], \"events\": "
    "[{\"id\": \"e\", \"title\": \"E\", \"when\": \"2024-01-01\", \"claims\": [{\"topic\": \"t\", ";
  static const char * const bad[][2] = {
    { "\"value\": 12, \"low\": 10", "events[0].claims[0]: error: a range needs both “low” and “high”" },
    { "\"value\": \"a dozen\", \"low\": 10, \"high\": 15",
      "events[0].claims[0]: error: a range (“low” and “high”) needs a numeric “value”" },
    { "\"value\": 20, \"low\": 10, \"high\": 15", "events[0].claims[0]: error: the range 10–15 does not hold the value 20" },
  };
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) ucdp = dl_test_import ("ucdp.csv", &problems);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-range-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "ucdp.dateline.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *native = NULL;
  g_autoptr(DlProblems) back_problems = dl_problems_new ();
  g_autoptr(DlDataset) back = NULL;
  const DlClaim *claim;

  /* Written (the writer checks that it loads and writes back the same). */
  g_assert_no_error (error);
  g_assert_true (dl_writer_write_file (ucdp, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &native, NULL, &error));
  g_assert_nonnull (strstr (native, "\"value\": 12,\n"));
  g_assert_nonnull (strstr (native, "\"low\": 10,\n"));
  g_assert_nonnull (strstr (native, "\"high\": 15,\n"));
  back = dl_dataset_load (file, back_problems, NULL);
  g_assert_nonnull (back);
  claim = dl_event_get_claim (dl_dataset_lookup_event (back, "244657"), 0);
  g_assert_true (claim->has_range);
  g_assert_cmpfloat (claim->low, ==, 10);
  g_assert_cmpfloat (claim->high, ==, 15);
  g_assert_cmpfloat (claim->value, ==, 12);
  dl_test_remove_tree (dir);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf ("%s%s}]}]}", head, bad[i][0]);
      g_autoptr(DlProblems) bad_problems = dl_problems_new ();
      g_autoptr(DlDataset) none = dl_dataset_load_from_data (json, strlen (json), NULL, bad_problems);
      g_autofree char *list = dl_test_problem_list (bad_problems);

      g_assert_null (none);
      g_assert_nonnull (strstr (list, bad[i][1]));
    }
}

/* The loader tells how far it has read a native dataset: all of it once
 * loaded; not all of a file it stops reading. */
static void
test_native_progress (void)
{
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlProblems) bad_problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autoptr(DlDataset) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-progress-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "cut.dateline.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *bundled_path = g_file_get_path (bundled);
  g_autoptr(GFile) cut = g_file_new_for_path (path);
  gint permille = -1;
  gint cut_permille = -1;
  gsize len;

  dataset = dl_dataset_load_with_progress (bundled, problems, NULL, &permille);
  g_assert_nonnull (dataset);
  g_assert_cmpint (permille, ==, 1000);

  /* The same text with a syntax error where the events start: the check
   * stops there, before the second half (the reading) begins. */
  g_assert_true (g_file_get_contents (bundled_path, &contents, &len, &error));
  g_assert_nonnull (strstr (contents, "\"events\": ["));
  strstr (contents, "\"events\": [")[10] = '#';
  g_assert_true (g_file_set_contents (path, contents, len, &error));
  none = dl_dataset_load_with_progress (cut, bad_problems, NULL, &cut_permille);
  g_assert_null (none);
  g_assert_cmpint (cut_permille, >, 0);
  g_assert_cmpint (cut_permille, <, 500);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/acled", test_acled);
  g_test_add_func ("/import/category-colors", test_category_colors);
  g_test_add_func ("/import/csv/ucdp", test_ucdp);
  g_test_add_func ("/import/csv/latin1", test_latin1);
  g_test_add_func ("/import/csv/bad", test_bad_csv);
  g_test_add_func ("/import/geojson", test_geojson);
  g_test_add_func ("/import/timelinejs", test_timelinejs);
  g_test_add_func ("/import/storymapjs", test_storymapjs);
  g_test_add_func ("/import/detect", test_detect);
  g_test_add_func ("/import/bad-json", test_bad_json);
  g_test_add_func ("/import/save-native", test_save_native);
  g_test_add_func ("/import/native-partial-events", test_native_partial_events);
  g_test_add_func ("/import/native-progress", test_native_progress);
  g_test_add_func ("/import/claim-range", test_claim_range);

  return g_test_run ();
}
