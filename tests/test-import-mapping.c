/* test-import-mapping.c: a CSV that is neither ACLED nor UCDP GED, read
 * through the columns a user chose; the header's key the choice is
 * remembered by; the start of a file the mapping dialog shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-dataset.h"
#include "dl-import.h"

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

static char *
problem_list (DlProblems *problems)
{
  g_autofree char *text = dl_problems_to_string (problems, "F");
  GString *out = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "F: "))
      g_string_append_printf (out, "%s\n", lines[i] + 3);
  return g_string_free (out, FALSE);
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

static DlEvent *
event (DlDataset  *dataset,
       const char *id)
{
  DlEvent *e = dl_dataset_lookup_event (dataset, id);

  if (e == NULL)
    g_error ("no event %s", id);
  return e;
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
  g_autofree char *list = problem_list (problems);
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
  e = event (dataset, "r1");
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
  e = event (dataset, "r2");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-12/2024-08-14");
  at = dl_event_get_anchor (e);
  g_assert_cmpfloat_with_epsilon (at.lon, 34.38, 1e-9);
  g_assert_cmpfloat_with_epsilon (at.lat, 31.40, 1e-9);
  g_assert_cmpstr (dl_event_get_category (e), ==, "flood");

  /* Timeline only, map only. */
  e = event (dataset, "r4");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-14");
  e = event (dataset, "r5");
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
  list = problem_list (problems);
  g_assert_null (none);
  g_assert_cmpstr (list, ==, "line 1: error: the file has no column “Headline” (chosen for “Title”)\n");

  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_TITLE, NULL);
  dl_import_mapping_set (mapping, DL_IMPORT_ROLE_WKT, "where");
  dataset = dl_import_load_data_with_mapping ("t.csv", csv, strlen (csv), mapping, wkt_problems, NULL);
  wkt_list = problem_list (wkt_problems);
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
  return g_test_run ();
}
