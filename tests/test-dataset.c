/* test-dataset.c: path confinement, the bundled dataset, the export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dl-dataset.h"
#include "dl-atomic-file.h"
#include "dl-export-geojson.h"
#include "dl-test-dataset.h"

/* Helpers */

static char *
write_dataset (const char *dir,
               const char *article_path)
{
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (dir, "d.dateline.json", NULL);
  g_autofree char *escaped = g_strescape (article_path, NULL);

  json = g_strdup_printf ("{ \"dateline\": 1, \"title\": \"T\","
                          "  \"sources\": [ { \"id\": \"s\", \"file\": \"%s\", \"title\": \"S\" } ],"
                          "  \"places\": [ { \"id\": \"p\", \"name\": \"P\", \"precision_m\": 10,"
                          "    \"geometry\": { \"type\": \"Point\", \"coordinates\": [34.4, 31.5] } } ],"
                          "  \"events\": [ { \"id\": \"e\", \"title\": \"E\", \"category\": \"strike\","
                          "    \"when\": \"2024-08-20\", \"place\": \"p\","
                          "    \"excerpts\": [ { \"source\": \"s\", \"exact\": \"hello\" } ] } ] }",
                          escaped);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));

  return g_steal_pointer (&path);
}

static DlDataset *
load_path (const char *path,
           DlProblems *problems)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return dl_dataset_load (file, problems, NULL);
}

/* Asserts exactly one error, at sources[0].file, whose message contains `needle`. */
static void
assert_refused (const char *dir,
                const char *article_path,
                const char *needle)
{
  g_autofree char *path = write_dataset (dir, article_path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_path (path, problems);
  const DlProblem *problem;

  g_assert_null (dataset);
  g_assert_cmpuint (dl_problems_count (problems, DL_SEVERITY_ERROR), ==, 1);
  problem = dl_problems_get (problems, 0);
  g_assert_cmpstr (problem->path, ==, "sources[0].file");
  if (strstr (problem->message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", problem->message, needle);
}

/* Tests */

static void
test_confinement (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("dateline-XXXXXX", NULL);
  g_autofree char *inside = g_build_filename (tmp, "ds", NULL);
  g_autofree char *sub = g_build_filename (inside, "articles", NULL);
  g_autofree char *outside_file = g_build_filename (tmp, "secret.txt", NULL);
  g_autofree char *good_file = g_build_filename (sub, "a.txt", NULL);
  g_autofree char *link_out = g_build_filename (sub, "out.txt", NULL);
  g_autofree char *link_in = g_build_filename (sub, "in.txt", NULL);
  g_autofree char *dir_link = g_build_filename (inside, "up", NULL);

  g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
  g_assert_true (g_file_set_contents (outside_file, "hello secret", -1, NULL));
  g_assert_true (g_file_set_contents (good_file, "hello world", -1, NULL));
  g_assert_cmpint (symlink (outside_file, link_out), ==, 0);
  g_assert_cmpint (symlink ("a.txt", link_in), ==, 0);
  g_assert_cmpint (symlink (tmp, dir_link), ==, 0);

  /* Inside, directly and through a link that stays inside: fine. */
  {
    g_autofree char *path = write_dataset (inside, "articles/a.txt");
    g_autoptr(DlProblems) problems = dl_problems_new ();
    g_autoptr(DlDataset) dataset = load_path (path, problems);

    g_assert_nonnull (dataset);
    g_assert_cmpuint (dl_problems_get_length (problems), ==, 0);
  }
  {
    g_autofree char *path = write_dataset (inside, "articles/in.txt");
    g_autoptr(DlProblems) problems = dl_problems_new ();
    g_autoptr(DlDataset) dataset = load_path (path, problems);

    g_assert_nonnull (dataset);
  }

  assert_refused (inside, outside_file, "absolute path");
  assert_refused (inside, "../secret.txt", "“..”");
  assert_refused (inside, "articles/../../secret.txt", "“..”");
  assert_refused (inside, "articles/out.txt", "leads outside");
  assert_refused (inside, "up/secret.txt", "leads outside");
  assert_refused (inside, "articles/missing.txt", "cannot read");
  assert_refused (inside, "articles", "not a regular file");

  g_unlink (link_out);
  g_unlink (link_in);
  g_unlink (dir_link);
  g_unlink (good_file);
  g_unlink (outside_file);
  {
    g_autofree char *json = g_build_filename (inside, "d.dateline.json", NULL);

    g_unlink (json);
  }
  g_rmdir (sub);
  g_rmdir (inside);
  g_rmdir (tmp);
}

static DlDataset *
load_bundled (DlProblems *problems)
{
  g_autofree char *path = g_build_filename (SOURCE_DATASETDIR, "gaza-august-2024",
                                            "gaza-august-2024.dateline.json", NULL);

  return load_path (path, problems);
}

static void
test_bundled_valid (void)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_bundled (problems);

  if (dl_problems_get_length (problems) > 0)
    g_printerr ("%s", dl_problems_to_string (problems, "bundled"));
  g_assert_nonnull (dataset);
  /* Zero errors and zero warnings. */
  g_assert_cmpuint (dl_problems_get_length (problems), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_sources (dataset)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset)), >=, 30);
  g_assert_cmpuint (dl_dataset_get_n_narratives (dataset), >=, 2);
}

/* A narrative by its id: the one at its index, or none for an id no
 * narrative has (or none given). */
static void
test_lookup_narrative (void)
{
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  const DlNarrative *second = dl_dataset_get_narrative (dataset, 1);

  g_assert_true (dl_dataset_lookup_narrative (dataset, second->id) == second);
  g_assert_true (dl_dataset_lookup_narrative (dataset, dl_dataset_get_narrative (dataset, 0)->id)
                 == dl_dataset_get_narrative (dataset, 0));
  g_assert_null (dl_dataset_lookup_narrative (dataset, "no-such-narrative"));
  g_assert_null (dl_dataset_lookup_narrative (dataset, NULL));
}

/* The bundled articles are the published texts: their checksums are kept in
 * tests/data/bundled-articles.sha256, so the test needs nothing outside the
 * repository. Every source is listed, and every listed file is a source. */
static void
test_bundled_articles_identical (void)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_bundled (problems);
  GListModel *sources = dl_dataset_get_sources (dataset);
  g_autofree char *list_path = g_build_filename (TEST_DATADIR, "bundled-articles.sha256", NULL);
  g_autofree char *list = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_checked = 0;

  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      /* sha256sum's format: 64 hex digits, two spaces, the name. */
      fields = g_strsplit (lines[i], "  ", 2);
      g_assert_cmpuint (g_strv_length (fields), ==, 2);
      g_assert_cmpuint (strlen (fields[0]), ==, 64);
      g_hash_table_insert (expected, g_strdup (fields[1]), g_strdup (fields[0]));
    }

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      g_autofree char *basename = g_path_get_basename (dl_source_get_file (source));
      const DlText *text = dl_source_get_text (source);
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          (const guchar *) dl_text_get_data (text),
                                                          dl_text_get_size (text));

      g_assert_cmpstr (g_hash_table_lookup (expected, basename), ==, sum);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, g_hash_table_size (expected));
}

static void
test_bundled_excerpts (void)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_bundled (problems);
  GListModel *events = dl_dataset_get_events (dataset);
  guint n_excerpts = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      /* Every event is supported by at least one passage... */
      g_assert_cmpuint (dl_event_get_n_excerpts (event), >, 0);
      for (guint j = 0; j < dl_event_get_n_excerpts (event); j++)
        {
          const DlExcerpt *excerpt = dl_event_get_excerpt (event, j);
          g_autofree char *at = dl_text_substring (dl_source_get_text (excerpt->source),
                                                   excerpt->start, excerpt->end);

          /* ...that is exactly where the offsets say. */
          g_assert_cmpstr (at, ==, excerpt->exact);
          n_excerpts++;
        }
      g_assert_nonnull (dl_event_get_when_basis (event));
    }

  g_assert_cmpuint (n_excerpts, >=, 60);
}

static void
test_bundled_required_events (void)
{
  static const struct {
    const char *needle;   /* a word every such event's title or summary holds */
  } required[] = {
    { "Mustafa Hafez" }, { "mother" }, { "Philadelphi" }, { "Netzarim" }, { "Cairo" },
    { "Doha" }, { "Herzog" }, { "Netanyahu" }, { "Egypt" }, { "Qatar" }, { "six hostages" },
    { "families" }, { "October 7" }, { "Nir Oz" }, { "November" }, { "Iran" }, { "Lebanon" },
    { "Biden" }, { "Hamas" },
  };
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_bundled (problems);
  GListModel *events = dl_dataset_get_events (dataset);

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (events) && !found; i++)
        {
          g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

          found = dl_event_matches (event, required[r].needle);
        }
      if (!found)
        g_test_fail_printf ("no event about “%s”", required[r].needle);
    }
}

static void
test_bundled_disagreements (void)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_bundled (problems);
  g_auto(GStrv) topics = dl_dataset_dup_topics (dataset);
  gboolean school = FALSE;
  gboolean hostages = FALSE;

  for (guint i = 0; topics[i] != NULL; i++)
    {
      GArray *claims = dl_dataset_get_claims (dataset, topics[i]);
      g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint j = 0; j < claims->len; j++)
        g_hash_table_add (values, g_array_index (claims, DlClaimRef, j).claim->value_text);

      /* 10 vs 12 killed at the school; 110, 111 and 115 hostages remaining. */
      if (g_hash_table_contains (values, "10") && g_hash_table_contains (values, "12"))
        {
          school = TRUE;
          g_assert_true (dl_dataset_topic_disagrees (dataset, topics[i]));
        }
      if (g_hash_table_contains (values, "110") && g_hash_table_contains (values, "111")
          && g_hash_table_contains (values, "115"))
        {
          hostages = TRUE;
          g_assert_true (dl_dataset_topic_disagrees (dataset, topics[i]));
        }
    }

  g_assert_true (school);
  g_assert_true (hostages);
}

static void
test_export_round_trip (void)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_bundled (problems);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *tmp = g_dir_make_tmp ("dateline-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "out.geojson", NULL);
  GListModel *events = dl_dataset_get_events (dataset);
  g_autoptr(DlSource) first_source = NULL;
  JsonObject *root;
  JsonArray *features;
  JsonArray *sources;

  g_assert_true (dl_export_geojson_to_file (dataset, out, &error));
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_file (parser, out, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  features = json_object_get_array_member (root, "features");
  sources = json_object_get_array_member (root, "sources");
  g_assert_cmpuint (json_array_get_length (features), ==, g_list_model_get_n_items (events));
  g_assert_cmpuint (json_array_get_length (sources), ==, 5);
  first_source = g_list_model_get_item (dl_dataset_get_sources (dataset), 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 0), "id"), ==,
                   dl_source_get_id (first_source));

  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonObject *properties = json_object_get_object_member (feature, "properties");
      JsonObject *geometry = json_object_get_object_member (feature, "geometry");
      JsonArray *excerpts = json_object_get_array_member (properties, "excerpts");
      JsonArray *claims = json_object_get_array_member (properties, "claims");
      g_autofree char *start = dl_edtf_format_instant (dl_event_get_when (event)->earliest);

      g_assert_cmpstr (json_object_get_string_member (feature, "type"), ==, "Feature");
      g_assert_cmpstr (json_object_get_string_member (properties, "id"), ==, dl_event_get_id (event));
      g_assert_cmpstr (json_object_get_string_member (properties, "title"), ==, dl_event_get_title (event));
      g_assert_cmpstr (json_object_get_string_member (properties, "category"), ==, dl_event_get_category (event));
      g_assert_cmpstr (json_object_get_string_member (properties, "when"), ==, dl_event_get_when_text (event));
      if (start != NULL)
        g_assert_cmpstr (json_object_get_string_member (properties, "start"), ==, start);
      g_assert_cmpfloat (json_object_get_double_member (properties, "precision_m"), ==,
                         dl_event_get_precision_m (event));

      if (dl_event_get_n_places (event) == 1)
        {
          g_autoptr(DlProblems) geometry_problems = dl_problems_new ();
          g_autoptr(DlGeometry) parsed = dl_geometry_parse (json_object_get_member (feature, "geometry"),
                                                            "geometry", geometry_problems);

          g_assert_nonnull (parsed);
          g_assert_true (dl_geometry_equal (parsed, dl_place_get_geometry (dl_event_get_place (event, 0))));
        }
      else
        {
          g_assert_cmpstr (json_object_get_string_member (geometry, "type"), ==, "GeometryCollection");
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (geometry, "geometries")), ==,
                            dl_event_get_n_places (event));
        }

      g_assert_cmpuint (json_array_get_length (excerpts), ==, dl_event_get_n_excerpts (event));
      for (guint j = 0; j < json_array_get_length (excerpts); j++)
        {
          JsonObject *exported = json_array_get_object_element (excerpts, j);
          const DlExcerpt *excerpt = dl_event_get_excerpt (event, j);

          g_assert_cmpstr (json_object_get_string_member (exported, "exact"), ==, excerpt->exact);
          g_assert_cmpstr (json_object_get_string_member (exported, "source"), ==, dl_source_get_id (excerpt->source));
          g_assert_cmpint (json_object_get_int_member (exported, "start"), ==, excerpt->start);
          g_assert_cmpint (json_object_get_int_member (exported, "end"), ==, excerpt->end);
        }

      g_assert_cmpuint (json_array_get_length (claims), ==, dl_event_get_n_claims (event));
      for (guint j = 0; j < json_array_get_length (claims); j++)
        {
          JsonObject *exported = json_array_get_object_element (claims, j);
          const DlClaim *claim = dl_event_get_claim (event, j);

          g_assert_cmpstr (json_object_get_string_member (exported, "topic"), ==, claim->topic);
          g_assert_cmpstr (json_object_get_string_member (exported, "source"), ==, dl_source_get_id (claim->source));
          if (claim->numeric)
            g_assert_cmpfloat (json_object_get_double_member (exported, "value"), ==, claim->value);
          else
            g_assert_cmpstr (json_object_get_string_member (exported, "value"), ==, claim->value_text);
        }
    }

  g_unlink (out);
  g_rmdir (tmp);
}

static void
test_export_keeps_old_file (void)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_bundled (problems);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("dateline-export-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "out.geojson", NULL);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (out, "old", -1, NULL));
  g_assert_cmpint (g_chmod (tmp, 0555), ==, 0);

  if (access (tmp, W_OK) == 0)
    {
      /* Root ignores permissions: nothing to test this way. */
      g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
      g_test_message ("running as root: checked through a folder that does not exist instead");
      g_free (out);
      out = g_build_filename (tmp, "no-such-folder", "out.geojson", NULL);
      g_assert_false (dl_export_geojson_to_file (dataset, out, &error));
      g_assert_nonnull (error);
      g_free (out);
      out = g_build_filename (tmp, "out.geojson", NULL);
    }
  else
    {
      g_assert_false (dl_export_geojson_to_file (dataset, out, &error));
      g_assert_nonnull (error);
      g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
    }

  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_unlink (out);
  g_rmdir (tmp);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A process killed while writing an export leaves the old file and nothing
 * else: the data lives in an unnamed file until it is committed. */
static void
test_export_killed_mid_write (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("dateline-killed-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (tmp, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;
  int status = 0;
  pid_t pid;

  g_assert_true (g_file_set_contents (out, "old", -1, NULL));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      DlAtomicFile *file = dl_atomic_file_new (out, NULL);

      if (file == NULL || !dl_atomic_file_write (file, "half a fil", 10, NULL))
        _exit (2);
      /* Killed here: no commit, no cleanup. */
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  dir = g_dir_open (tmp, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_cmpstr (name, ==, "out.csv");
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 1);

  g_unlink (out);
  g_rmdir (tmp);
}

static void
test_load_async (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATASETDIR, "gaza-august-2024",
                                            "gaza-august-2024.dateline.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlDataset) dataset = NULL;
  GMainContext *context = g_main_context_default ();

  dl_dataset_load_async (file, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);

  dataset = dl_dataset_load_finish (result, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_nonnull (problems);
  g_assert_true (dl_dataset_get_file (dataset) == file || g_file_equal (dl_dataset_get_file (dataset), file));
}

/* A dataset stored directly in "/" holds everything below it: an article
 * path there is inside its folder, and a message must say what is wrong. */
static void
test_root_folder (void)
{
  const char *json = "{ \"dateline\": 1, \"title\": \"T\","
                     "  \"sources\": [ { \"id\": \"s\", \"file\": \"tmp\", \"title\": \"S\" } ],"
                     "  \"places\": [], \"events\": [] }";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load_from_data (json, strlen (json), "/", problems);
  g_autofree char *report = dl_problems_to_string (problems, "root");

  g_assert_null (dataset);
  g_assert_cmpuint (dl_problems_count (problems, DL_SEVERITY_ERROR), ==, 1);
  g_assert_null (strstr (report, "leads outside"));
  g_assert_nonnull (strstr (report, "“tmp” is not a regular file"));
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* Cancelling (as closing the window does) stops the loading thread part-way:
 * of 20,000 events that each need a search through a megabyte, far fewer are
 * looked at. Each event carries an unknown member, so the warnings count the
 * events read. */
static void
test_load_cancelled (void)
{
  const guint n_events = 20000;
  g_autofree char *tmp = g_dir_make_tmp ("dateline-cancel-XXXXXX", NULL);
  g_autofree char *dataset_path = g_build_filename (tmp, "d.dateline.json", NULL);
  g_autofree char *article_path = g_build_filename (tmp, "a.txt", NULL);
  g_autoptr(GString) article = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GFile) file = g_file_new_for_path (dataset_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlDataset) dataset = NULL;

  while (article->len < 1024 * 1024)
    g_string_append (article, "a quiet day in the city; ");
  g_string_append (article, "the needle at the end");
  g_assert_true (g_file_set_contents (article_path, article->str, (gssize) article->len, NULL));

  g_string_append (json, "{ \"dateline\": 1, \"title\": \"T\","
                   "  \"sources\": [ { \"id\": \"s\", \"file\": \"a.txt\", \"title\": \"S\" } ],"
                   "  \"places\": [ { \"id\": \"p\", \"name\": \"P\", \"precision_m\": 10,"
                   "    \"geometry\": { \"type\": \"Point\", \"coordinates\": [34.4, 31.5] } } ],"
                   "  \"events\": [");
  for (guint i = 0; i < n_events; i++)
    g_string_append_printf (json, "%s{ \"id\": \"e%u\", \"title\": \"E\", \"category\": \"strike\","
                            " \"when\": \"2024-08-20\", \"place\": \"p\", \"counted\": 1,"
                            " \"excerpts\": [ { \"source\": \"s\", \"exact\": \"the needle\" } ] }",
                            i > 0 ? "," : "", i);
  g_string_append (json, "] }");
  g_assert_true (g_file_set_contents (dataset_path, json->str, (gssize) json->len, NULL));

  dl_dataset_load_async (file, cancellable, store_result, &result);
  g_timeout_add (200, cancel_soon, cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  dataset = dl_dataset_load_finish (result, &problems, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (dataset);
  g_assert_nonnull (problems);
  g_assert_cmpuint (dl_problems_count (problems, DL_SEVERITY_WARNING), <, n_events / 2);

  g_unlink (dataset_path);
  g_unlink (article_path);
  g_rmdir (tmp);
}

/* The synchronous loader, cancelled, returns no half-read dataset. */
static void
test_load_cancelled_sync (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATASETDIR, "gaza-august-2024",
                                            "gaza-august-2024.dateline.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;

  g_cancellable_cancel (cancellable);
  dataset = dl_dataset_load (file, problems, cancellable);
  g_assert_null (dataset);
  g_assert_true (dl_problems_has_errors (problems));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dataset/confinement", test_confinement);
  g_test_add_func ("/dataset/bundled/valid", test_bundled_valid);
  g_test_add_func ("/dataset/lookup-narrative", test_lookup_narrative);
  g_test_add_func ("/dataset/bundled/articles-identical", test_bundled_articles_identical);
  g_test_add_func ("/dataset/bundled/excerpts", test_bundled_excerpts);
  g_test_add_func ("/dataset/bundled/required-events", test_bundled_required_events);
  g_test_add_func ("/dataset/bundled/disagreements", test_bundled_disagreements);
  g_test_add_func ("/dataset/export/round-trip", test_export_round_trip);
  g_test_add_func ("/dataset/export/keeps-old-file", test_export_keeps_old_file);
  g_test_add_func ("/dataset/export/killed-mid-write", test_export_killed_mid_write);
  g_test_add_func ("/dataset/load-async", test_load_async);
  g_test_add_func ("/dataset/load-cancelled", test_load_cancelled);
  g_test_add_func ("/dataset/root-folder", test_root_folder);
  g_test_add_func ("/dataset/load-cancelled-sync", test_load_cancelled_sync);

  return g_test_run ();
}
