/* test-import-mapping.c: a CSV that is neither ACLED nor UCDP GED, read
 * through the columns a user chose; the header's key the choice is
 * remembered by; the start of a file the mapping dialog shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "dl-dataset.h"
#include "dl-import.h"
#include "dl-test-import.h"

static char *
fixture_contents (const char *name,
                  gsize      *len)
{
  g_autofree char *path = g_build_filename (TEST_DATADIR, "import", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return data;
}

/* What a user chooses for tests/data/import/mapped.csv. */
static DlImportMapping *
chosen_mapping (void)
{
  DlImportMapping *mapping = dl_import_mapping_new ();

  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_TITLE, "Headline");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_DATE, "Day");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_END_DATE, "Until");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_LATITUDE, "Lat deg");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_LONGITUDE, "Lon deg");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_WKT, "Spot");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_PLACE, "Where");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_CATEGORY, "Kind");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_SUMMARY, "Notes");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_SOURCE, "Reporter");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_ID, "Ref");
  return mapping;
}

/* Without a mapping the file is refused (no column has a usual name);
 * with one, each row becomes the event its columns say. */
static void
test_mapped_csv (void)
{
  gsize len;
  g_autofree char *data = fixture_contents ("mapped.csv", &len);
  g_autoptr(DlImportMapping) mapping = chosen_mapping ();
  g_autoptr(DlProblems) unmapped_problems = dl_problems_new ();
  g_autoptr(DlDataset) unmapped = dl_import_load_data ("mapped.csv", data, len, unmapped_problems, NULL);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_import_load_data_with_mapping ("mapped.csv", data, len, mapping, problems, NULL);
  g_autofree char *list = dl_test_problem_list (problems);
  DlEvent *e;
  DlLonLat at;

  g_assert_null (unmapped);
  g_assert_true (dl_problems_has_errors (unmapped_problems));

  g_assert_nonnull (dataset);
  g_assert_cmpstr (list, ==,
                   "line 5, column day: warning: “not a date” is not a date\n"
                   "$: warning: 1 of 5 rows could not be read and was skipped\n");
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset)), ==, 4);
  g_assert_null (dl_dataset_lookup_event (dataset, "r3"));

  /* A quoted line break; coordinates in two columns; a named place. */
  e = dl_test_event (dataset, "r1");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Market fire");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-10");
  g_assert_cmpstr (dl_event_get_category (e), ==, "fire");
  g_assert_cmpstr (dl_event_get_summary (e), ==, "A fire broke out\nin the market");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 1);
  g_assert_cmpstr (dl_place_get_name (dl_event_get_place (e, 0)), ==, "Khan Younis market");
  at = dl_event_get_anchor (e);
  g_assert_cmpfloat_with_epsilon (at.lon, 34.45, 1e-9);
  g_assert_cmpfloat_with_epsilon (at.lat, 31.52, 1e-9);
  g_assert_cmpuint (dl_event_get_n_excerpts (e), ==, 1);
  g_assert_cmpstr (dl_source_get_title (dl_event_get_excerpt (e, 0)->source), ==, "Reuters");

  /* A span from two columns; a WKT point where the coordinates are empty. */
  e = dl_test_event (dataset, "r2");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-12/2024-08-14");
  at = dl_event_get_anchor (e);
  g_assert_cmpfloat_with_epsilon (at.lon, 34.38, 1e-9);
  g_assert_cmpfloat_with_epsilon (at.lat, 31.40, 1e-9);
  g_assert_cmpstr (dl_event_get_category (e), ==, "flood");

  /* Timeline only, map only. */
  e = dl_test_event (dataset, "r4");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-14");
  e = dl_test_event (dataset, "r5");
  g_assert_null (dl_event_get_when_text (e));
  g_assert_cmpstr (dl_place_get_name (dl_event_get_place (e, 0)), ==, "Rafah");
}

/* A chosen column the file lacks is an error naming it and its role; a
 * WKT cell that is not a point is the row's problem. */
static void
test_mapping_errors (void)
{
  static const char csv[] = "when,where\n2024-01-02,\"LINESTRING (1 2, 3 4)\"\n2024-01-03,POINT (35 32)\n";
  g_autoptr(DlImportMapping) mapping = dl_import_mapping_new ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlProblems) wkt_problems = dl_problems_new ();
  g_autoptr(DlDataset) none = NULL;
  g_autoptr(DlDataset) dataset = NULL;
  g_autofree char *list = NULL;
  g_autofree char *wkt_list = NULL;

  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_DATE, "When");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_TITLE, "Headline");
  none = dl_import_load_data_with_mapping ("t.csv", csv, strlen (csv), mapping, problems, NULL);
  list = dl_test_problem_list (problems);
  g_assert_null (none);
  g_assert_cmpstr (list, ==, "line 1: error: the file has no column “Headline” (chosen for “Title”)\n");

  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_TITLE, NULL);
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_WKT, "where");
  dataset = dl_import_load_data_with_mapping ("t.csv", csv, strlen (csv), mapping, wkt_problems, NULL);
  wkt_list = dl_test_problem_list (wkt_problems);
  g_assert_nonnull (dataset);
  g_assert_cmpstr (wkt_list, ==,
                   "line 2, column where: warning: “LINESTRING (1 2, 3 4)” is not a WKT point such as POINT (35.2 31.8)\n"
                   "$: warning: 1 of 2 rows could not be read and was skipped\n");
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset)), ==, 1);
}

/* The same header, however its names are cased or padded, has one key;
 * another order or another name, another. */
static void
test_header_key (void)
{
  static const char * const a[] = { "Headline", "Day", "Lat", NULL };
  static const char * const b[] = { " headline", "DAY ", "lat", NULL };
  static const char * const c[] = { "Day", "Headline", "Lat", NULL };
  static const char * const d[] = { "Headlin", "eDay", "Lat", NULL };
  g_autofree char *ka = dl_import_header_key (a);
  g_autofree char *kb = dl_import_header_key (b);
  g_autofree char *kc = dl_import_header_key (c);
  g_autofree char *kd = dl_import_header_key (d);

  g_assert_cmpuint (strlen (ka), ==, 64);
  g_assert_cmpstr (ka, ==, kb);
  g_assert_cmpstr (ka, !=, kc);
  g_assert_cmpstr (ka, !=, kd);
}

/* Saved and read back; a column the header no longer has is dropped, one
 * it writes otherwise is taken as it writes it. */
static void
test_mapping_variant (void)
{
  static const char * const header[] = { "HEADLINE ", "Day", "Until", "Lat deg", "Lon deg", "Spot", "Where", "Kind",
                                         "Notes", "Ref", NULL };
  g_autoptr(DlImportMapping) mapping = chosen_mapping ();
  g_autoptr(GVariant) saved = g_variant_ref_sink (dl_import_mapping_to_variant (mapping));
  g_autoptr(DlImportMapping) back = dl_import_mapping_new_from_variant (saved, header);
  g_autoptr(DlImportMapping) all = dl_import_mapping_new_from_variant (saved, NULL);

  g_assert_cmpuint (g_variant_n_children (saved), ==, DL_IMPORT_N_ROLES);
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    {
      g_assert_cmpstr (dl_import_mapping_get (all, role), ==, dl_import_mapping_get (mapping, role));
      if (role == DL_IMPORT_ROLE_SOURCE)
        g_assert_null (dl_import_mapping_get (back, role));
      else if (role == DL_IMPORT_ROLE_TITLE)
        g_assert_cmpstr (dl_import_mapping_get (back, role), ==, "HEADLINE ");
      else
        g_assert_cmpstr (dl_import_mapping_get (back, role), ==, dl_import_mapping_get (mapping, role));
    }
  g_assert_true (dl_import_mapping_is_usable (back));
  dl_import_mapping_set (back, DL_IMPORT_ROLE_DATE, NULL);
  dl_import_mapping_set (back, DL_IMPORT_ROLE_END_DATE, NULL);
  dl_import_mapping_set (back, DL_IMPORT_ROLE_WKT, NULL);
  dl_import_mapping_set (back, DL_IMPORT_ROLE_LONGITUDE, NULL);
  /* A place name alone is looked up in the offline gazetteer. */
  g_assert_true (dl_import_mapping_is_usable (back));
  dl_import_mapping_set (back, DL_IMPORT_ROLE_PLACE, NULL);
  g_assert_false (dl_import_mapping_is_usable (back));
}

/* The start of a file: its header, its first rows (a quoted line break
 * kept), whether it is a known export, and the columns found by name. */
static void
test_peek (void)
{
  gsize len, acled_len;
  g_autofree char *data = fixture_contents ("mapped.csv", &len);
  g_autofree char *acled = fixture_contents ("acled.csv", &acled_len);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlImportPeek) peek = dl_import_peek_csv ("mapped.csv", data, len, 2, problems, TRUE);
  /* Cut inside the third row: a part of the file ends at a line break. */
  g_autoptr(DlImportPeek) part = dl_import_peek_csv ("mapped.csv", data, strstr (data, "Bad one") + 3 - data,
                                                     10, problems, FALSE);
  g_autoptr(DlImportPeek) known = dl_import_peek_csv ("acled.csv", acled, acled_len, 3, problems, TRUE);
  g_autoptr(DlImportPeek) empty = dl_import_peek_csv ("e.csv", "\n\n", 2, 3, problems, TRUE);
  char **row;

  g_assert_nonnull (peek);
  g_assert_cmpuint (g_strv_length (peek->header), ==, 11);
  g_assert_cmpstr (peek->header[3], ==, "Lat deg");
  g_assert_false (peek->recognised);
  g_assert_cmpuint (peek->rows->len, ==, 2);
  row = peek->rows->pdata[0];
  g_assert_cmpstr (row[8], ==, "A fire broke out\nin the market");
  g_assert_cmpstr (row[10], ==, " R1");
  /* The data previewed is the header and those rows, nothing more. */
  g_assert_true (g_str_has_suffix (peek->data, "R2\r\n"));
  g_assert_cmpuint (peek->len, ==, strlen (peek->data));
  /* Only Headline (title), Until (end date) and Notes have usual names. */
  g_assert_cmpstr (dl_import_mapping_get (peek->guess, DL_IMPORT_ROLE_TITLE), ==, "Headline");
  g_assert_cmpstr (dl_import_mapping_get (peek->guess, DL_IMPORT_ROLE_END_DATE), ==, "Until");
  g_assert_cmpstr (dl_import_mapping_get (peek->guess, DL_IMPORT_ROLE_SUMMARY), ==, "Notes");
  g_assert_null (dl_import_mapping_get (peek->guess, DL_IMPORT_ROLE_DATE));
  g_assert_null (dl_import_mapping_get (peek->guess, DL_IMPORT_ROLE_LATITUDE));
  g_assert_null (dl_import_mapping_get (peek->guess, DL_IMPORT_ROLE_CATEGORY));

  g_assert_cmpuint (part->rows->len, ==, 2);

  g_assert_true (known->recognised);
  g_assert_null (empty);
  g_assert_true (dl_problems_has_errors (problems));
}

/* What a user chooses for tests/data/import/mapped.geojson. */
static DlImportMapping *
chosen_properties (void)
{
  DlImportMapping *mapping = dl_import_mapping_new ();

  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_TITLE, "Titel");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_DATE, "Datum");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_END_DATE, "Bis");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_CATEGORY, "Art");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_PLACE, "Ort");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_SUMMARY, "Notiz");
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_ID, "Ref");
  return mapping;
}

/* GeoJSON whose date properties have uncommon names: without a mapping
 * the features are placed undated (and those without a geometry are
 * skipped); with one, each property is read for what it was chosen for. */
static void
test_mapped_geojson (void)
{
  gsize len;
  g_autofree char *data = fixture_contents ("mapped.geojson", &len);
  g_autoptr(DlImportMapping) mapping = chosen_properties ();
  g_autoptr(DlProblems) unmapped_problems = dl_problems_new ();
  g_autoptr(DlDataset) unmapped = dl_import_load_data ("mapped.geojson", data, len, unmapped_problems, NULL);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_import_load_data_with_mapping ("mapped.geojson", data, len, mapping, problems,
                                                                  NULL);
  g_autofree char *list = dl_test_problem_list (problems);
  GListModel *events;
  DlEvent *e;
  DlLonLat at;

  g_assert_nonnull (unmapped);
  events = dl_dataset_get_events (unmapped);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(DlEvent) undated = g_list_model_get_item (events, i);

      g_assert_null (dl_event_get_when_text (undated));
      g_assert_cmpuint (dl_event_get_n_places (undated), ==, 1);
    }

  g_assert_nonnull (dataset);
  g_assert_cmpstr (list, ==,
                   "features[3].properties.Datum: warning: “sometime” is not a date: the feature is placed on the "
                   "map only\n"
                   "features[5]: warning: the feature has neither a geometry nor a date: skipped\n"
                   "$: warning: 1 of 6 features could not be read and was skipped\n");
  g_assert_cmpstr (dl_dataset_get_title (dataset), ==, "Feldnotizen");
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset)), ==, 5);

  /* Date and end date from two properties; the place's name from a third;
   * HTML in the summary made text; what was not chosen kept as a line. */
  e = dl_test_event (dataset, "g1");
  g_assert_cmpstr (dl_event_get_title (e), ==, "Market fire");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-10/2024-08-12");
  g_assert_cmpstr (dl_event_get_category (e), ==, "fire");
  g_assert_cmpstr (dl_place_get_name (dl_event_get_place (e, 0)), ==, "Khan Younis market");
  g_assert_cmpstr (dl_event_get_summary (e), ==, "A fire broke out & spread\nVerletzte: 3");
  at = dl_event_get_anchor (e);
  g_assert_cmpfloat_with_epsilon (at.lon, 34.45, 1e-9);
  g_assert_cmpfloat_with_epsilon (at.lat, 31.52, 1e-9);

  /* A written date; a line; the place named by the title. */
  e = dl_test_event (dataset, "g2");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-10");
  g_assert_cmpstr (dl_event_get_category (e), ==, "convoy");
  g_assert_cmpstr (dl_place_get_name (dl_event_get_place (e, 0)), ==, "Convoy route");
  g_assert_null (dl_event_get_summary (e));

  /* Epoch milliseconds. */
  e = dl_test_event (dataset, "g3");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-10T00:00:00Z");
  g_assert_cmpstr (dl_event_get_category (e), ==, "event");

  /* Not a date: on the map only; no geometry: on the timeline only. */
  e = dl_test_event (dataset, "g4");
  g_assert_null (dl_event_get_when_text (e));
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 1);
  e = dl_test_event (dataset, "g5");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-14");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);
  g_assert_null (dl_dataset_lookup_event (dataset, "g6"));
}

/* A GeoJSON file's properties: every feature's, first seen first; the
 * first features' values; no usual date name, so a mapping is needed;
 * and a file with a usual date name needs none. */
static void
test_peek_geojson (void)
{
  gsize len, known_len;
  g_autofree char *data = fixture_contents ("mapped.geojson", &len);
  g_autofree char *known_data = fixture_contents ("features.geojson", &known_len);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlImportPeek) peek = dl_import_peek_geojson ("mapped.geojson", data, len, 3, problems);
  g_autoptr(DlImportPeek) known = dl_import_peek_geojson ("features.geojson", known_data, known_len, 3, problems);
  g_autoptr(DlImportPeek) bad = dl_import_peek_geojson ("x.geojson", "{\"type\": \"Feature\"}", 19, 3,
                                                        problems);
  g_autoptr(DlProblems) preview_problems = dl_problems_new ();
  g_autoptr(DlImportMapping) mapping = chosen_properties ();
  g_autoptr(DlDataset) preview = NULL;
  static const char * const header[] = { "Titel", "Datum", "Bis", "Art", "Ort", "Notiz", "Ref", "Verletzte", NULL };
  char **row;

  g_assert_nonnull (peek);
  g_assert_true (peek->geojson);
  g_assert_false (peek->recognised);
  g_assert_cmpstrv (peek->header, header);
  g_assert_cmpuint (peek->rows->len, ==, 3);
  row = peek->rows->pdata[1];
  g_assert_cmpstr (row[0], ==, "Convoy route");
  g_assert_cmpstr (row[1], ==, "10 August 2024");
  g_assert_cmpstr (row[2], ==, "");
  g_assert_cmpstr (row[6], ==, "g2");
  row = peek->rows->pdata[2];
  g_assert_cmpstr (row[1], ==, "1723248000000");
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    g_assert_null (dl_import_mapping_get (peek->guess, role));

  /* The preview reads those features alone. */
  preview = dl_import_load_data_with_mapping ("mapped.geojson", peek->data, peek->len, mapping, preview_problems,
                                              NULL);
  g_assert_nonnull (preview);
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (preview)), ==, 3);

  g_assert_true (known->recognised);
  g_assert_cmpstr (dl_import_mapping_get (known->guess, DL_IMPORT_ROLE_DATE), ==, "date");
  g_assert_cmpstr (dl_import_mapping_get (known->guess, DL_IMPORT_ROLE_TITLE), ==, "name");
  g_assert_null (bad);
  g_assert_true (dl_problems_has_errors (problems));
}

/* Remembered per set of property names, in any order and case; apart from
 * CSV headers; "ROLE=COLUMN" as the command line gives it. */
static void
test_remembered (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = g_settings_new_with_backend (APP_ID, backend);
  gsize len;
  g_autofree char *data = fixture_contents ("mapped.geojson", &len);
  static const char reordered[] =
    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": null, "
    "\"properties\": {\"verletzte\": 1, \"REF\": \"x\", \"Notiz\": \"\", \"Ort\": \"\", \"Art\": \"\", "
    "\"Bis\": \"\", \"Datum\": \"2024-08-01\", \"Titel\": \"T\"}}]}";
  static const char other[] =
    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": null, "
    "\"properties\": {\"Datum\": \"2024-08-01\", \"Titel\": \"T\"}}]}";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlImportPeek) peek = dl_import_peek_geojson ("a.geojson", data, len, 3, problems);
  g_autoptr(DlImportPeek) same = dl_import_peek_geojson ("b.geojson", reordered, strlen (reordered), 3, problems);
  g_autoptr(DlImportPeek) different = dl_import_peek_geojson ("c.geojson", other, strlen (other), 3, problems);
  g_autoptr(DlImportMapping) mapping = chosen_properties ();
  g_autoptr(DlImportMapping) back = NULL;
  g_autoptr(DlImportMapping) none = NULL;
  g_autoptr(DlImportMapping) parsed = dl_import_mapping_new ();
  g_autoptr(GVariant) csv = NULL;

  g_assert_null (dl_import_mapping_lookup (settings, peek));
  dl_import_mapping_remember (settings, peek, mapping);
  back = dl_import_mapping_lookup (settings, same);
  g_assert_nonnull (back);
  /* As this file writes the names. */
  g_assert_cmpstr (dl_import_mapping_get (back, DL_IMPORT_ROLE_ID), ==, "REF");
  g_assert_cmpstr (dl_import_mapping_get (back, DL_IMPORT_ROLE_DATE), ==, "Datum");
  none = dl_import_mapping_lookup (settings, different);
  g_assert_null (none);
  csv = g_settings_get_value (settings, "csv-mappings");
  g_assert_cmpuint (g_variant_n_children (csv), ==, 0);

  g_assert_true (dl_import_mapping_parse_one (parsed, "date=Day"));
  g_assert_true (dl_import_mapping_parse_one (parsed, " End-Date =Lat deg"));
  g_assert_false (dl_import_mapping_parse_one (parsed, "when=Day"));
  g_assert_false (dl_import_mapping_parse_one (parsed, "date"));
  g_assert_cmpstr (dl_import_mapping_get (parsed, DL_IMPORT_ROLE_DATE), ==, "Day");
  g_assert_cmpstr (dl_import_mapping_get (parsed, DL_IMPORT_ROLE_END_DATE), ==, "Lat deg");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/mapping/csv", test_mapped_csv);
  g_test_add_func ("/import/mapping/errors", test_mapping_errors);
  g_test_add_func ("/import/mapping/header-key", test_header_key);
  g_test_add_func ("/import/mapping/variant", test_mapping_variant);
  g_test_add_func ("/import/mapping/peek", test_peek);
  g_test_add_func ("/import/mapping/geojson", test_mapped_geojson);
  g_test_add_func ("/import/mapping/peek-geojson", test_peek_geojson);
  g_test_add_func ("/import/mapping/remembered", test_remembered);
  return g_test_run ();
}
