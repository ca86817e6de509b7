/* test-import-places.c: places named without coordinates, looked up in the
 * offline gazetteer (src/import/dl-import-places.c)
 *
 * A table with a place column and no coordinates, ACLED and UCDP rows whose
 * coordinates are empty, and StoryMapJS slides without a location whose
 * headline names a place: each event checked field by field, with the
 * precision the gazetteer gives (never finer than the file's own), the note
 * that says where the place came from, and a warning per row that could
 * not be placed or was placed at a larger place than it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-dataset.h"
#include "dl-import.h"
#include "dl-test-import.h"

/* The event's one place: its name as the file writes it, where the
 * gazetteer puts it, how precise, what kind, and a note saying so. */
static void
assert_placed (DlDataset  *dataset,
               const char *id,
               const char *name,
               double      lon,
               double      lat,
               double      precision_m,
               const char *kind,
               const char *note_part)
{
  DlEvent *e = dl_test_event (dataset, id);
  DlPlace *place;
  DlLonLat at;

  g_assert_cmpuint (dl_event_get_n_places (e), ==, 1);
  place = dl_event_get_place (e, 0);
  g_assert_cmpstr (dl_place_get_name (place), ==, name);
  at = dl_event_get_anchor (e);
  g_assert_cmpfloat_with_epsilon (at.lon, lon, 1e-4);
  g_assert_cmpfloat_with_epsilon (at.lat, lat, 1e-4);
  g_assert_cmpfloat (dl_place_get_precision_m (place), ==, precision_m);
  g_assert_cmpstr (dl_place_get_kind (place), ==, kind);
  if (note_part == NULL)
    g_assert_true (dl_place_get_note (place) == NULL || strstr (dl_place_get_note (place), "Placed by name") == NULL);
  else
    g_assert_nonnull (strstr (dl_place_get_note (place), note_part));
}

static void
assert_unplaced (DlDataset  *dataset,
                 const char *id,
                 const char *when)
{
  DlEvent *e = dl_dataset_lookup_event (dataset, id);

  g_assert_nonnull (e);
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, when);
}

/* A table with location and country columns and no coordinates. */
static void
test_table (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("places.csv", &problems);
  g_autofree char *list = dl_test_problem_list (problems);

  g_assert_cmpstr (list, ==,
                   "line 4, column location: warning: “Kfar Nowhere Xyz” is not in the offline gazetteer: placed in "
                   "“Israel” instead (within 234 km)\n"
                   "line 5, column location: warning: “Qwertyuiop” is not in the offline gazetteer and the row gives "
                   "no coordinates: the event is on the timeline only\n"
                   "line 7, column location: warning: “Unknown Camp” is not in the offline gazetteer: placed in "
                   "“Palestine” instead (within 76 km)\n"
                   "$: warning: 5 events have no coordinates in the file and were placed by their place names in "
                   "the offline gazetteer\n");
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset)), ==, 6);

  /* A town in the row's country: the town's extent. */
  assert_placed (dataset, "strike-on-a-school", "Khan Yunis", 34.30627, 31.34018, 7000, "city",
                 "the offline gazetteer puts Khan Yunis (Gaza, State of Palestine) here");
  g_assert_cmpstr (dl_event_get_when_text (dl_dataset_lookup_event (dataset, "strike-on-a-school")), ==,
                   "2024-08-10");
  assert_placed (dataset, "talks-resume", "Doha", 51.53096, 25.28545, 7000, "city", "Doha (Doha, Qatar)");
  /* Without a country column's help: the largest place of that name. */
  assert_placed (dataset, "protest", "Haifa", 34.9885, 32.81841, 7000, "city", "Haifa (Haifa, Israel)");
  /* An unknown town: its country, as wide as the country, said so. */
  assert_placed (dataset, "rally", "Israel", 34.99701, 31.44761, 233900, "country", "puts Israel");
  /* "Palestine" is "State of Palestine", not Palestine, Texas. */
  assert_placed (dataset, "vigil", "Palestine", 35.2504, 31.94837, 76300, "country", "State of Palestine");
  /* Nothing known and no country: on the timeline only. */
  assert_unplaced (dataset, "meeting", "2024-08-13");
}

/* ACLED rows with empty coordinates: location, else admin1, else country,
 * never more precise than geo_precision says; a row with coordinates is
 * read as before. */
static void
test_acled (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("acled-no-coords.csv", &problems);
  g_autofree char *list = dl_test_problem_list (problems);
  DlEvent *e;

  g_assert_cmpstr (list, ==,
                   "line 3, column location: warning: “Unknown Camp Zzz” is not in the offline gazetteer: placed in "
                   "“Hebron” instead (within 10 km)\n"
                   "line 4, column location: warning: “Qqq Zzz” is not in the offline gazetteer: placed in “Israel” "
                   "instead (within 234 km)\n"
                   "$: warning: 3 events have no coordinates in the file and were placed by their place names in "
                   "the offline gazetteer\n");
  /* geo_precision 1 (2 km) is finer than the town's extent: the town's. */
  assert_placed (dataset, "pse1", "Khan Yunis", 34.30627, 31.34018, 7000, "city", "Khan Yunis (Gaza, State of");
  e = dl_dataset_lookup_event (dataset, "pse1");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Air/drone strike in Khan Yunis");
  g_assert_cmpstr (dl_event_get_category (e), ==, "explosions-remote-violence");
  g_assert_cmpuint (dl_event_get_n_claims (e), ==, 1);
  /* geo_precision 2 (10 km) is coarser than Hebron's 7 km: 10 km. */
  assert_placed (dataset, "pse2", "Hebron", 35.0938, 31.52935, 10000, "city", "Hebron (West Bank, State of Palestine)");
  assert_placed (dataset, "isr3", "Israel", 34.99701, 31.44761, 233900, "country", "puts Israel");
  assert_placed (dataset, "pse4", "Nablus", 35.26, 32.22, 2000, "town", NULL);
  g_assert_cmpstr (dl_place_get_note (dl_event_get_place (dl_dataset_lookup_event (dataset, "pse4"), 0)), ==,
                   "West Bank, Palestine");
}

/* UCDP: "Rafah town" is Rafah, as precise as where_prec 2 says (25 km). */
static void
test_ucdp (void)
{
  static const char csv[] = "id,date_start,date_end,date_prec,where_prec,where_coordinates,adm_1,country,latitude,"
                            "longitude,best,type_of_violence\n"
                            "7,2024-08-10,2024-08-10,1,2,Rafah town,Gaza,Palestine,,,5,1\n"
                            "8,2024-08-11,2024-08-11,1,1,Zzz Yyy village,,,,,,1\n";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_import_load_data ("ged.csv", csv, strlen (csv), problems, NULL);
  g_autofree char *list = dl_test_problem_list (problems);

  g_assert_nonnull (dataset);
  g_assert_cmpstr (list, ==,
                   "line 3, column where_coordinates: warning: “Zzz Yyy village” is not in the offline gazetteer and "
                   "the row gives no coordinates: the event is on the timeline only\n"
                   "$: warning: 1 event has no coordinates in the file and was placed by its place name in the "
                   "offline gazetteer\n");
  assert_placed (dataset, "7", "Rafah town", 34.24357, 31.29722, 25000, "city", "puts Rafah (Gaza, State of");
  assert_unplaced (dataset, "8", "2024-08-11");
}

/* StoryMapJS slides without a location: the place the headline names. */
static void
test_story (void)
{
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(DlDataset) dataset = dl_test_import ("storymap-places.json", &problems);
  g_autofree char *list = dl_test_problem_list (problems);
  DlEvent *e;

  g_assert_cmpstr (list, ==,
                   "storymap.slides[1].text.headline: warning: the slide has no location: placed at “Doha”, which "
                   "its headline names (within 7 km)\n"
                   "storymap.slides[2].text.headline: warning: the slide has no location: placed at “Cairo”, which "
                   "its headline names (within 25 km)\n"
                   "storymap.slides[3].text.headline: warning: the slide has no location, and its headline names no "
                   "place the offline gazetteer knows: it is on the timeline only\n"
                   "storymap.slides[4].text.headline: warning: the slide has no location: placed at “Amman”, which "
                   "its headline names (within 15 km)\n"
                   "$: warning: 3 events have no coordinates in the file and were placed by their place names in "
                   "the offline gazetteer\n");
  assert_placed (dataset, "talks-open-in-doha", "Doha", 51.53096, 25.28545, 7000, "city", "puts Doha");
  /* The headline's HTML entity is text; the place's name as it writes it. */
  assert_placed (dataset, "delegations-arrive-in-cairo-wait", "Cairo", 31.24967, 30.06263, 25000, "city",
                 "puts Cairo");
  assert_unplaced (dataset, "a-quiet-day", "2024-08-17");
  /* No date, but a place: on the map only, kept. */
  assert_placed (dataset, "later-a-visit-to-amman", "Amman", 35.94503, 31.95522, 15000, "city", "puts Amman");
  g_assert_null (dl_event_get_when_text (dl_dataset_lookup_event (dataset, "later-a-visit-to-amman")));
  /* A slide with a location keeps it. */
  e = dl_dataset_lookup_event (dataset, "back-in-jerusalem");
  g_assert_cmpfloat_with_epsilon (dl_event_get_anchor (e).lon, 35.21, 1e-9);
  g_assert_null (dl_place_get_note (dl_event_get_place (e, 0)));
}

/* A mapping with a place column alone is enough: the rows are placed by
 * name, on the map only. */
static void
test_mapping (void)
{
  static const char csv[] = "What;Town\nTalks;Doha\nVisit;Amman\n";
  g_autoptr(DlImportMapping) mapping = dl_import_mapping_new ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;

  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_TITLE, "What");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_PLACE, "Town");
  g_assert_true (dl_import_mapping_is_usable (mapping));
  dataset = dl_import_load_data_with_mapping ("t.csv", csv, strlen (csv), mapping, problems, NULL);
  g_assert_nonnull (dataset);
  assert_placed (dataset, "talks", "Doha", 51.53096, 25.28545, 7000, "city", "puts Doha");
  assert_placed (dataset, "visit", "Amman", 35.94503, 31.95522, 15000, "city", "puts Amman");
  g_assert_null (dl_event_get_when_text (dl_dataset_lookup_event (dataset, "visit")));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/places/table", test_table);
  g_test_add_func ("/import/places/acled", test_acled);
  g_test_add_func ("/import/places/ucdp", test_ucdp);
  g_test_add_func ("/import/places/story", test_story);
  g_test_add_func ("/import/places/mapping", test_mapping);
  return g_test_run ();
}
