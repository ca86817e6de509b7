/* test-writer.c: the native writer (.dateline.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dl-dataset.h"
#include "dl-test-dataset.h"
#include "dl-writer.h"

static char *
bundled_path (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();

  return g_file_get_path (file);
}

/* Load → write → load → write gives the same bytes, the second load has no
 * warnings, and it holds as many of everything. */
static void
check_round_trip (const char *path)
{
  g_autoptr(DlDataset) dataset = dl_test_load_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) reloaded = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len, second_len;

  first = dl_writer_to_data (dataset, &first_len);
  reloaded = dl_dataset_load_from_data (first, first_len, dir, problems);
  if (reloaded == NULL)
    g_error ("%s", dl_problems_to_string (problems, path));
  /* Normalised: offsets as verified, context kept, nothing to warn of
   * (but what the loader warns of in any such dataset: an event without
   * passages, a quote that needs context it does not have). */
  for (guint i = 0; i < dl_problems_get_length (problems); i++)
    g_test_message ("%s: after writing: %s", path, dl_problems_get (problems, i)->message);

  second = dl_writer_to_data (reloaded, &second_len);
  g_assert_cmpuint (first_len, ==, second_len);
  g_assert_cmpstr (first, ==, second);

  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset)), ==,
                    g_list_model_get_n_items (dl_dataset_get_events (reloaded)));
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_places (dataset)), ==,
                    g_list_model_get_n_items (dl_dataset_get_places (reloaded)));
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_sources (dataset)), ==,
                    g_list_model_get_n_items (dl_dataset_get_sources (reloaded)));
  g_assert_cmpuint (dl_dataset_get_n_narratives (dataset), ==, dl_dataset_get_n_narratives (reloaded));
  g_assert_true (g_str_has_suffix (first, "}\n"));
}

static void
test_bundled (void)
{
  g_autofree char *path = bundled_path ();
  g_autoptr(DlDataset) dataset = dl_test_load_path (path);
  g_autofree char *written = NULL;
  g_autofree char *original = NULL;
  gsize len, original_len;

  check_round_trip (path);

  /* The bundled file is already in the normal form: the writer changes
   * nothing a person wrote in the documented order. */
  written = dl_writer_to_data (dataset, &len);
  g_assert_true (g_file_get_contents (path, &original, &original_len, NULL));
  g_assert_cmpstr (written, ==, original);
}

static void
test_good_corpus (void)
{
  g_autofree char *dir_path = g_build_filename (TEST_DATADIR, "good", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_suffix (name, ".dateline.json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_test_message ("%s", name);
      check_round_trip (path);
      n++;
    }
  g_assert_cmpuint (n, >=, 10);
}

static void
test_layout (void)
{
  static const char data[] =
    "{\"dateline\":1,\"title\":\"T\\u00e9st \\\"q\\\"\\n\",\"sources\":[],"
    "\"places\":[{\"kind\":\"city\",\"precision_m\":1500.5,\"id\":\"p\",\"name\":\"P\","
    "\"names\":{\"he\":\"ע\",\"ar\":\"ع\"},"
    "\"geometry\":{\"coordinates\":[0.1,-33.3000001,12],\"type\":\"Point\"}},"
    "{\"id\":\"m\",\"name\":\"M\",\"precision_m\":0,\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":"
    "[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]],[[2.1,2.1],[2.2,2.1],[2.2,2.2],[2.1,2.1]]]]}}],"
    "\"events\":[{\"id\":\"e\",\"title\":\"E\",\"category\":\"x\",\"when\":\"2024-08~\",\"places\":[\"p\"],"
    "\"claims\":[]}]}";
  static const char expected[] =
    "{\n"
    "  \"dateline\": 1,\n"
    "  \"title\": \"Tést \\\"q\\\"\\n\",\n"
    "  \"sources\": [],\n"
    "  \"places\": [\n"
    "    {\n"
    "      \"id\": \"p\",\n"
    "      \"name\": \"P\",\n"
    "      \"names\": {\n"
    "        \"ar\": \"ع\",\n"
    "        \"he\": \"ע\"\n"
    "      },\n"
    "      \"geometry\": {\n"
    "        \"type\": \"Point\",\n"
    "        \"coordinates\": [0.1, -33.3000001]\n"
    "      },\n"
    "      \"precision_m\": 1500.5,\n"
    "      \"kind\": \"city\"\n"
    "    },\n"
    "    {\n"
    "      \"id\": \"m\",\n"
    "      \"name\": \"M\",\n"
    "      \"geometry\": {\n"
    "        \"type\": \"MultiPolygon\",\n"
    "        \"coordinates\": [\n"
    "          [\n"
    "            [\n"
    "              [0.0, 0.0],\n"
    "              [1.0, 0.0],\n"
    "              [1.0, 1.0],\n"
    "              [0.0, 0.0]\n"
    "            ]\n"
    "          ],\n"
    "          [\n"
    "            [\n"
    "              [2.0, 2.0],\n"
    "              [3.0, 2.0],\n"
    "              [3.0, 3.0],\n"
    "              [2.0, 2.0]\n"
    "            ],\n"
    "            [\n"
    "              [2.1, 2.1],\n"
    "              [2.2, 2.1],\n"
    "              [2.2, 2.2],\n"
    "              [2.1, 2.1]\n"
    "            ]\n"
    "          ]\n"
    "        ]\n"
    "      },\n"
    "      \"precision_m\": 0\n"
    "    }\n"
    "  ],\n"
    "  \"events\": [\n"
    "    {\n"
    "      \"id\": \"e\",\n"
    "      \"title\": \"E\",\n"
    "      \"category\": \"x\",\n"
    "      \"when\": \"2024-08~\",\n"
    "      \"place\": \"p\"\n"
    "    }\n"
    "  ]\n"
    "}\n";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load_from_data (data, sizeof data - 1, NULL, problems);
  g_autofree char *written = NULL;

  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, "layout"));
  written = dl_writer_to_data (dataset, NULL);
  /* Documented order, names sorted, shortest numbers, the altitude and
   * empty lists dropped, one place as "place". */
  g_assert_cmpstr (written, ==, expected);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
test_write_elsewhere (void)
{
  g_autofree char *source = bundled_path ();
  g_autoptr(DlDataset) dataset = dl_test_load_path (source);
  g_autofree char *dir = g_dir_make_tmp ("dateline-writer-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "copy.dateline.json", NULL);
  g_autofree char *clash_dir = g_build_filename (dir, "clash", NULL);
  g_autofree char *clash_out = g_build_filename (clash_dir, "copy.dateline.json", NULL);
  g_autofree char *clash_article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlDataset) copy = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(DlSource) first_source = NULL;

  /* Into another folder: the articles come along, and it opens there. */
  g_assert_true (dl_writer_write_file (dataset, out, &error));
  g_assert_no_error (error);
  copy = dl_test_load_path (out);
  a = dl_writer_to_data (dataset, NULL);
  b = dl_writer_to_data (copy, NULL);
  g_assert_cmpstr (a, ==, b);

  /* Again, over itself: the articles are there already. */
  g_assert_true (dl_writer_write_file (copy, out, &error));
  g_assert_no_error (error);

  /* A different file where an article would go is never replaced, and
   * nothing is written. */
  first_source = g_list_model_get_item (dl_dataset_get_sources (dataset), 0);
  clash_article = g_build_filename (clash_dir, dl_source_get_file (first_source), NULL);
  {
    g_autofree char *clash_parent = g_path_get_dirname (clash_article);
    g_assert_cmpint (g_mkdir_with_parents (clash_parent, 0755), ==, 0);
  }
  g_assert_true (g_file_set_contents (clash_article, "something else", -1, NULL));
  g_assert_false (dl_writer_write_file (dataset, clash_out, &error));
  g_assert_error (error, DL_WRITER_ERROR, DL_WRITER_ERROR_ARTICLE);
  g_assert_nonnull (strstr (error->message, clash_article));
  g_assert_false (g_file_test (clash_out, G_FILE_TEST_EXISTS));
  {
    g_autofree char *kept = NULL;
    g_assert_true (g_file_get_contents (clash_article, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "something else");
  }

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer/bundled", test_bundled);
  g_test_add_func ("/writer/good-corpus", test_good_corpus);
  g_test_add_func ("/writer/layout", test_layout);
  g_test_add_func ("/writer/write-elsewhere", test_write_elsewhere);

  return g_test_run ();
}
