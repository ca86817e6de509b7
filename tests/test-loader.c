/* test-loader.c: the streaming loader gives the model the json-glib loader
 * gave, refuses what strict JSON refuses, shares articles and keeps to its
 * memory budget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dl-dataset.h"
#include "dl-dataset-private.h"
#include "dl-export-geojson.h"
#include "dl-json-reader.h"
#include "dl-json-reader-private.h"

/* Every dataset of the checksum list exports byte for byte as before. */
static void
test_export_unchanged (void)
{
  g_autofree char *list_path = g_test_build_filename (G_TEST_DIST, "loader-export.sha256", NULL);
  g_autofree char *list = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-loader-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "export.geojson", NULL);
  g_auto(GStrv) lines = NULL;
  guint n_checked = 0;

  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  lines = g_strsplit (list, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *dataset_path = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *sum = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(DlProblems) problems = dl_problems_new ();
      g_autoptr(DlDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;
      gsize len = 0;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[i]), >, 66);
      dataset_path = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", lines[i] + 66, NULL);

      file = g_file_new_for_path (dataset_path);
      dataset = dl_dataset_load (file, problems, NULL);
      if (dataset == NULL)
        g_error ("%s", dl_problems_to_string (problems, dataset_path));
      g_assert_true (dl_export_geojson_to_file (dataset, out, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      if (strncmp (sum, lines[i], 64) != 0)
        g_error ("%s exports differently from the json-glib loader (%s, expected %.64s)",
                 lines[i] + 66, sum, lines[i]);
      n_checked++;
    }

  g_assert_cmpuint (n_checked, >=, 11);
  g_unlink (out);
  g_rmdir (dir);
}

/* What json-glib's generator writes for @root (pretty, indent 2), but for
 * the two places where json-glib 1.6 writes what is not JSON and the
 * export does not: a raw 0x1f in a string (escaped as \u001f), and ".0"
 * after an exponent ("1e+20.0", written "1e+20"). */
static char *
generate (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  g_autoptr(GRegex) exponent = g_regex_new ("(e[-+][0-9]+)\\.0", 0, 0, NULL);
  g_auto(GStrv) parts = NULL;
  g_autofree char *escaped = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);
  parts = g_strsplit (data, "\x1f", -1);
  escaped = g_strjoinv ("\\u001f", parts);
  return g_regex_replace (exponent, escaped, -1, 0, "\\1", 0, NULL);
}

/* A number json-glib reads as a double: the export writes doubles with a
 * point or an exponent, as json-glib's generator does. */
static void
assert_double (JsonNode *node,
               double    value)
{
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
  g_assert_true (json_node_get_double (node) == value || (isnan (value) && isnan (json_node_get_double (node))));
}

/* Every number in @node (a geometry's coordinates) is a double. */
static void
assert_all_doubles (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_all_doubles (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) values = json_object_get_values (json_node_get_object (node));

      for (GList *l = values; l != NULL; l = l->next)
        assert_all_doubles (l->data);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING)
    g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_DOUBLE);
}

/* @member of @object is @value, or null where @value is NULL. */
static void
assert_string_or_null (JsonObject *object,
                       const char *member,
                       const char *value)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  if (value == NULL)
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    g_assert_cmpstr (json_node_get_string (node), ==, value);
}

static void
assert_instant (JsonObject *object,
                const char *member,
                gint64      instant)
{
  g_autofree char *iso = dl_edtf_format_instant (instant);

  assert_string_or_null (object, member, iso);
}

/* The feature's geometry is its place's, or a collection of its places'. */
static void
assert_geometry (JsonNode *geometry,
                 DlEvent  *event)
{
  guint n_places = dl_event_get_n_places (event);
  JsonArray *geometries;

  assert_all_doubles (geometry);
  if (n_places == 1)
    {
      g_autoptr(JsonNode) expected = dl_geometry_to_json (dl_place_get_geometry (dl_event_get_place (event, 0)));

      g_assert_true (json_node_equal (geometry, expected));
      return;
    }
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (geometry), "type"), ==, "GeometryCollection");
  geometries = json_object_get_array_member (json_node_get_object (geometry), "geometries");
  g_assert_cmpuint (json_array_get_length (geometries), ==, n_places);
  for (guint i = 0; i < n_places; i++)
    {
      g_autoptr(JsonNode) expected = dl_geometry_to_json (dl_place_get_geometry (dl_event_get_place (event, i)));

      g_assert_true (json_node_equal (json_array_get_element (geometries, i), expected));
    }
}

static void
assert_feature (JsonObject *feature,
                DlEvent    *event)
{
  JsonObject *properties = json_object_get_object_member (feature, "properties");
  const DlEdtf *when = dl_event_get_when (event);
  g_autoptr(GPtrArray) source_ids = dl_event_dup_source_ids (event);
  guint n_places = dl_event_get_n_places (event);
  JsonNode *place = json_object_get_member (properties, "place");
  JsonArray *sources = json_object_get_array_member (properties, "sources");
  JsonArray *excerpts = json_object_get_array_member (properties, "excerpts");
  JsonArray *claims = json_object_get_array_member (properties, "claims");

  g_assert_cmpuint (json_object_get_size (feature), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (feature, "type"), ==, "Feature");
  g_assert_cmpstr (json_object_get_string_member (feature, "id"), ==, dl_event_get_id (event));
  assert_geometry (json_object_get_member (feature, "geometry"), event);

  g_assert_cmpuint (json_object_get_size (properties), ==, 13);
  g_assert_cmpstr (json_object_get_string_member (properties, "id"), ==, dl_event_get_id (event));
  g_assert_cmpstr (json_object_get_string_member (properties, "title"), ==, dl_event_get_title (event));
  g_assert_cmpstr (json_object_get_string_member (properties, "category"), ==, dl_event_get_category (event));
  assert_string_or_null (properties, "summary", dl_event_get_summary (event));
  g_assert_cmpstr (json_object_get_string_member (properties, "when"), ==, dl_event_get_when_text (event));
  assert_string_or_null (properties, "when_basis", dl_event_get_when_basis (event));
  assert_instant (properties, "start", when->earliest);
  assert_instant (properties, "end", when->latest);
  if (n_places == 1)
    g_assert_cmpstr (json_node_get_string (place), ==, dl_place_get_id (dl_event_get_place (event, 0)));
  else
    {
      g_assert_cmpuint (json_array_get_length (json_node_get_array (place)), ==, n_places);
      for (guint i = 0; i < n_places; i++)
        g_assert_cmpstr (json_array_get_string_element (json_node_get_array (place), i), ==,
                         dl_place_get_id (dl_event_get_place (event, i)));
    }
  assert_double (json_object_get_member (properties, "precision_m"), dl_event_get_precision_m (event));

  g_assert_cmpuint (json_array_get_length (sources), ==, source_ids->len);
  for (guint i = 0; i < source_ids->len; i++)
    g_assert_cmpstr (json_array_get_string_element (sources, i), ==, g_ptr_array_index (source_ids, i));

  g_assert_cmpuint (json_array_get_length (excerpts), ==, dl_event_get_n_excerpts (event));
  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    {
      const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);
      JsonObject *object = json_array_get_object_element (excerpts, i);

      g_assert_cmpuint (json_object_get_size (object), ==, 4);
      g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, dl_source_get_id (excerpt->source));
      g_assert_cmpstr (json_object_get_string_member (object, "exact"), ==, excerpt->exact);
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (object, "start")), ==, G_TYPE_INT64);
      g_assert_cmpint (json_object_get_int_member (object, "start"), ==, excerpt->start);
      g_assert_cmpint (json_object_get_int_member (object, "end"), ==, excerpt->end);
    }

  g_assert_cmpuint (json_array_get_length (claims), ==, dl_event_get_n_claims (event));
  for (guint i = 0; i < dl_event_get_n_claims (event); i++)
    {
      const DlClaim *claim = dl_event_get_claim (event, i);
      JsonObject *object = json_array_get_object_element (claims, i);

      g_assert_cmpuint (json_object_get_size (object), ==, claim->unit != NULL ? 5 : 4);
      g_assert_cmpstr (json_object_get_string_member (object, "topic"), ==, claim->topic);
      if (claim->numeric)
        assert_double (json_object_get_member (object, "value"), claim->value);
      else
        g_assert_cmpstr (json_object_get_string_member (object, "value"), ==, claim->value_text);
      assert_string_or_null (object, "qualifier", claim->qualifier);
      if (claim->unit != NULL)
        g_assert_cmpstr (json_object_get_string_member (object, "unit"), ==, claim->unit);
      g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, dl_source_get_id (claim->source));
    }
}

/* The streamed export, read back with json-glib: json-glib writes it again
 * byte for byte (the layout is its generator's), and it holds the dataset's
 * values, numbers of the right kind included: what a reader of the file
 * gets. */
static void
assert_streams_as_json_glib (DlDataset  *dataset,
                             const char *out)
{
  GListModel *sources = dl_dataset_get_sources (dataset);
  GListModel *events = dl_dataset_get_events (dataset);
  g_autofree char *streamed = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = NULL;
  JsonObject *root;
  JsonArray *array;

  g_assert_true (dl_export_geojson_to_file (dataset, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &streamed, NULL, NULL));
  read = json_from_string (streamed, &error);
  g_assert_no_error (error);
  again = generate (read);
  g_assert_cmpstr (streamed, ==, again);

  root = json_node_get_object (read);
  g_assert_cmpuint (json_object_get_size (root), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "FeatureCollection");
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, dl_dataset_get_title (dataset));
  array = json_object_get_array_member (root, "sources");
  g_assert_cmpuint (json_array_get_length (array), ==, g_list_model_get_n_items (sources));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      JsonObject *object = json_array_get_object_element (array, i);

      g_assert_cmpuint (json_object_get_size (object), ==, 4);
      g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, dl_source_get_id (source));
      g_assert_cmpstr (json_object_get_string_member (object, "file"), ==, dl_source_get_file (source));
      g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, dl_source_get_title (source));
      assert_string_or_null (object, "published", dl_source_get_published_text (source));
    }
  array = json_object_get_array_member (root, "features");
  g_assert_cmpuint (json_array_get_length (array), ==, g_list_model_get_n_items (events));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      assert_feature (json_array_get_object_element (array, i), event);
    }
}

/* The streaming GeoJSON writer writes what json-glib's generator writes,
 * with the dataset's values, with and without events. */
static void
test_export_streams_as_json_glib (void)
{
  static const char *datasets[] = {
    "{\"dateline\": 1, \"title\": \"empty\", \"sources\": [], \"places\": [], \"events\": []}",
    "{\"dateline\": 1, \"title\": \"one\", \"sources\": [], \"places\": [{\"id\": \"p\", \"name\": \"P\", "
    "\"precision_m\": 5, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1.5, 2]}}], "
    "\"events\": [{\"id\": \"e\", \"title\": \"E \\\"q\\\"\\n\", \"category\": \"c\", \"when\": \"2024\", "
    "\"place\": \"p\"}, {\"id\": \"f\", \"title\": \"F\", \"category\": \"c\", \"when\": \"2024-01\", "
    "\"places\": [\"p\", \"p\"]}]}",
  };
  g_autofree char *dir = g_dir_make_tmp ("dateline-loader-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "export.geojson", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
    {
      g_autoptr(DlProblems) problems = dl_problems_new ();
      g_autoptr(DlDataset) dataset = dl_dataset_load_from_data (datasets[i], strlen (datasets[i]), NULL, problems);

      g_assert_nonnull (dataset);
      assert_streams_as_json_glib (dataset, out);
    }

  g_unlink (out);
  g_rmdir (dir);
}

/* The streaming writer writes what json-glib writes, with the dataset's
 * values, on every dataset of the corpus, and on one made of what json-glib writes in its
 * own way: escapes (0x01–0x1f, 0x7f), doubles that print without a point
 * (1e+20), -0, integers past 2^53, every geometry type, several places,
 * open dates; a reader gets the same values back. */
static void
test_export_streams_as_json_glib_corpus (void)
{
  static const char awkward[] =
    "{\"dateline\": 1, \"title\": \"t \\u0001\\u001e\\u001f\\u007f \\\\ \\\" \\b\\f\\n\\r\\t é 😀\", "
    "\"sources\": [{\"id\": \"s\", \"file\": \"a.txt\", \"title\": \"A\"}], "
    "\"places\": ["
    "{\"id\": \"p\", \"name\": \"P\", \"precision_m\": 0.1, \"geometry\": {\"type\": \"Point\", \"coordinates\": [-0.0, 1e-7]}}, "
    "{\"id\": \"q\", \"name\": \"Q\", \"precision_m\": 20037508, \"geometry\": {\"type\": \"MultiPoint\", \"coordinates\": [[1, 2], [3.25, -4]]}}, "
    "{\"id\": \"l\", \"name\": \"L\", \"precision_m\": 1234.5e-3, \"geometry\": {\"type\": \"MultiLineString\", "
    "\"coordinates\": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]}}, "
    "{\"id\": \"g\", \"name\": \"G\", \"precision_m\": 5, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": "
    "[[[[0, 0], [1, 0], [1, 1], [0, 0]], [[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}}], "
    "\"events\": ["
    "{\"id\": \"e1\", \"title\": \"\\u0002\\u001f\", \"category\": \"c\", \"when\": \"../2024-05\", \"place\": \"p\", "
    "\"excerpts\": [{\"source\": \"s\", \"exact\": \"twelve\"}, {\"source\": \"s\", \"exact\": \"people\"}], "
    "\"claims\": [{\"topic\": \"killed\", \"value\": 1e20, \"excerpt\": 0}, {\"topic\": \"t\", \"value\": -0.0, \"excerpt\": 1}, "
    "{\"topic\": \"t\", \"value\": 9007199254740993, \"unit\": \"u\\\"\", \"qualifier\": \"about\", \"excerpt\": 0}, "
    "{\"topic\": \"t\", \"value\": 0.1, \"excerpt\": 0}, {\"topic\": \"t\", \"value\": \"a third\", \"excerpt\": 1}]}, "
    "{\"id\": \"e2\", \"title\": \"E2\", \"category\": \"c\", \"when\": \"2024-01-01T10:00:00Z\", \"places\": [\"q\", \"l\", \"g\"], "
    "\"summary\": \"s\\u007f\", \"when_basis\": \"b\"}, "
    "{\"id\": \"e3\", \"title\": \"E3\", \"category\": \"c\", \"when\": \"2024\", \"place\": \"p\"}]}";
  g_autofree char *list_path = g_test_build_filename (G_TEST_DIST, "loader-export.sha256", NULL);
  g_autofree char *list = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-loader-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "export.geojson", NULL);
  g_autofree char *article = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_checked = 0;

  g_assert_true (g_file_set_contents (article, "Officials said twelve people died.", -1, NULL));
  dataset = dl_dataset_load_from_data (awkward, strlen (awkward), dir, problems);
  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, "awkward"));
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset)), ==, 3);
  assert_streams_as_json_glib (dataset, out);

  g_assert_true (g_file_get_contents (list_path, &list, NULL, NULL));
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *dataset_path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(DlDataset) listed = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      dataset_path = g_build_filename (g_test_get_dir (G_TEST_DIST), "..", lines[i] + 66, NULL);
      file = g_file_new_for_path (dataset_path);
      listed = dl_dataset_load (file, problems, NULL);
      g_assert_nonnull (listed);
      assert_streams_as_json_glib (listed, out);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 11);

  g_unlink (out);
  g_unlink (article);
  g_rmdir (dir);
}

/* The loader's sort gives the order g_ptr_array_sort() with
 * dl_event_compare_time() gives: ties broken by ids that share their
 * first 8 bytes or not, bytes above 0x7f, ids shorter than 8 bytes,
 * events without a date last. */
/* No events, or one: nothing to order, and an empty array (whose data
 * may be NULL) is left as it is (UBSan caught pointer arithmetic on it). */
static void
test_sort_by_time_few (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
  DlEvent *event = dl_event_new ();

  dl_event_sort_by_time (none);
  g_assert_cmpuint (none->len, ==, 0);
  g_ptr_array_add (one, event);
  dl_event_sort_by_time (one);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_true (g_ptr_array_index (one, 0) == event);
}

/* @dataset's events by time, asserted to be the @n written, in the order
 * dl_event_compare_time() gives, and not in it by chance (the last has no
 * date): the two sorting tests' check. */
static GPtrArray *
assert_sorted_by_time (DlDataset *dataset,
                       guint      n)
{
  GPtrArray *sorted = dl_dataset_get_events_by_time (dataset);
  g_autoptr(GPtrArray) expected = NULL;

  g_assert_cmpuint (sorted->len, ==, n);

  /* A copy without references: it must not unref the events it holds. */
  expected = g_ptr_array_copy (sorted, NULL, NULL);
  g_ptr_array_set_free_func (expected, NULL);
  g_ptr_array_sort (expected, dl_event_compare_time);
  for (guint i = 0; i < n; i++)
    g_assert_true (g_ptr_array_index (sorted, i) == g_ptr_array_index (expected, i));
  /* Not already in order by chance. */
  g_assert_cmpstr (dl_event_get_when_text (g_ptr_array_index (sorted, n - 1)), ==, NULL);
  return sorted;
}

static void
test_sort_by_time (void)
{
  static const char * const whens[] = { "2024-01-01", "2024-01", "2024", "2023-12-31/2024-01-02", "../2024-01-01", NULL };
  static const char * const stems[] = { "e", "event-number-", "événement-", "E", "z~", "ab\u00ff" };
  g_autoptr(GString) json = g_string_new ("{\"dateline\": 1, \"title\": \"t\", \"sources\": [], \"places\": "
                                          "[{\"id\": \"p\", \"name\": \"P\", \"precision_m\": 5, \"geometry\": {\"type\": \"Point\", "
                                          "\"coordinates\": [1, 2]}}], \"events\": [");
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  guint n = 3000;

  for (guint i = 0; i < n; i++)
    {
      const char *when = whens[g_rand_int_range (rand, 0, G_N_ELEMENTS (whens))];
      const char *stem = stems[g_rand_int_range (rand, 0, G_N_ELEMENTS (stems))];

      g_string_append_printf (json, "%s{\"id\": \"%s%u\", \"title\": \"T\", \"category\": \"c\", \"place\": \"p\"",
                              i > 0 ? ", " : "", stem, g_rand_int_range (rand, 0, 100000) * 10000 + i);
      if (when != NULL)
        g_string_append_printf (json, ", \"when\": \"%s\"", when);
      g_string_append (json, "}");
    }
  g_string_append (json, "]}");

  dataset = dl_dataset_load_from_data (json->str, json->len, NULL, problems);
  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, "sort"));
  assert_sorted_by_time (dataset, n);
}

/* From 20,000 events the time order is sorted in two halves on two threads
 * and merged, and each topic's claims are indexed likewise: the order is
 * dl_event_compare_time()'s, and each topic lists its claims in it. */
static void
test_sort_by_time_split (void)
{
  static const char * const whens[] = { "2024-01-01", "2024-01", "2024", "2023-12-31/2024-01-02", "../2024-01-01", NULL };
  static const char * const stems[] = { "e", "event-number-", "événement-", "E", "z~", "ab\u00ff" };
  static const char * const topics[] = { "killed", "injured", "displaced" };
  g_autoptr(GString) json = g_string_new ("{\"dateline\": 1, \"title\": \"t\", \"sources\": "
                                          "[{\"id\": \"s\", \"file\": \"a.txt\", \"title\": \"A\"}], \"places\": "
                                          "[{\"id\": \"p\", \"name\": \"P\", \"precision_m\": 5, \"geometry\": {\"type\": \"Point\", "
                                          "\"coordinates\": [1, 2]}}], \"events\": [");
  g_autofree char *dir = g_dir_make_tmp ("dateline-loader-XXXXXX", NULL);
  g_autofree char *article = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  GPtrArray *sorted;
  /* Enough for the two-thread sort and claim index (20,000 and up). */
  guint n = 24000;

  for (guint i = 0; i < n; i++)
    {
      const char *when = whens[g_rand_int_range (rand, 0, G_N_ELEMENTS (whens))];
      const char *stem = stems[g_rand_int_range (rand, 0, G_N_ELEMENTS (stems))];
      guint n_claims = (guint) g_rand_int_range (rand, 0, 3);

      g_string_append_printf (json, "%s{\"id\": \"%s%u\", \"title\": \"T\", \"category\": \"c\", \"place\": \"p\"",
                              i > 0 ? ", " : "", stem, g_rand_int_range (rand, 0, 100000) * 10000 + i);
      if (when != NULL)
        g_string_append_printf (json, ", \"when\": \"%s\"", when);
      g_string_append (json, ", \"excerpts\": [{\"source\": \"s\", \"exact\": \"twelve\"}], \"claims\": [");
      for (guint c = 0; c < n_claims; c++)
        g_string_append_printf (json, "%s{\"topic\": \"%s\", \"value\": %u, \"excerpt\": 0}", c > 0 ? ", " : "",
                                topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))], c);
      g_string_append (json, "]}");
    }
  g_string_append (json, "]}");

  g_assert_true (g_file_set_contents (article, "Officials said twelve people died.", -1, NULL));
  dataset = dl_dataset_load_from_data (json->str, json->len, dir, problems);
  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, "sort"));
  sorted = assert_sorted_by_time (dataset, n);

  /* Each topic's claims, in time order, as one pass over the events gives. */
  for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
    {
      GArray *refs = dl_dataset_get_claims (dataset, topics[t]);
      guint k = 0;

      g_assert_nonnull (refs);
      for (guint i = 0; i < n; i++)
        {
          DlEvent *event = g_ptr_array_index (sorted, i);

          for (guint c = 0; c < dl_event_get_n_claims (event); c++)
            if (g_str_equal (dl_event_get_claim (event, c)->topic, topics[t]))
              {
                g_assert_cmpuint (k, <, refs->len);
                g_assert_true (g_array_index (refs, DlClaimRef, k).event == event);
                g_assert_true (g_array_index (refs, DlClaimRef, k).claim == dl_event_get_claim (event, c));
                k++;
              }
        }
      g_assert_cmpuint (k, ==, refs->len);
    }

  g_unlink (article);
  g_rmdir (dir);
}

/* The first problem of loading `json`, as "PATH: MESSAGE". */
static char *
first_error (const char *json)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load_from_data (json, strlen (json), NULL, problems);

  g_assert_null (dataset);
  for (guint i = 0; i < dl_problems_get_length (problems); i++)
    {
      const DlProblem *problem = dl_problems_get (problems, i);

      if (problem->severity == DL_SEVERITY_ERROR)
        return g_strdup_printf ("%s: %s", problem->path, problem->message);
    }

  g_assert_not_reached ();
}

static void
test_duplicate_keys (void)
{
  g_autofree char *nested = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(GString) many = g_string_new ("{\"dateline\": 1, \"title\": \"t\", \"sources\": [], "
                                          "\"places\": [], \"events\": [], \"x\": {");
  g_autofree char *many_error = NULL;

  /* Deep inside an event, with both places named. */
  nested = first_error ("{\"dateline\": 1, \"title\": \"t\", \"sources\": [], \"places\": [],\n"
                        "\"events\": [{\"id\": \"a\", \"excerpts\": [{\"exact\": \"x\",\n"
                        " \"exact\": \"y\"}]}]}");
  g_assert_cmpstr (nested, ==, "events[0].excerpts[0].exact: the member “exact” is given twice, "
                   "at 2:38 and again at 3:2: each name may appear once in an object");

  /* Names are compared as they read, not as they are written. */
  escaped = first_error ("{\"dateline\": 1, \"title\": \"t\", \"ti\\u0074le\": \"u\"}");
  g_assert_true (g_str_has_prefix (escaped, "title: the member “title” is given twice, at 1:17 and again at 1:31"));

  /* An object too big to compare each pair of names. */
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (many, "\"k%u\": %u, ", i, i);
  g_string_append (many, "\"k42\": 0}}");
  many_error = first_error (many->str);
  g_assert_true (g_str_has_prefix (many_error, "x.k42: the member “k42” is given twice"));
}

static void
test_control_characters (void)
{
  g_autofree char *tab = first_error ("{\"dateline\": 1, \"title\": \"a\tb\"}");
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  const char *ok = "{\"dateline\": 1, \"title\": \"a\\tb\\u0001\", \"sources\": [], \"places\": [], \"events\": []}";

  g_assert_cmpstr (tab, ==, "title: a raw control character (U+0009) inside a string at 1:28: "
                   "JSON strings must write it as an escape, such as \\n or \\u0009");

  /* Escaped, they are fine. */
  dataset = dl_dataset_load_from_data (ok, strlen (ok), NULL, problems);
  g_assert_nonnull (dataset);
  g_assert_cmpstr (dl_dataset_get_title (dataset), ==, "a\tb\001");
}

/* Syntax errors keep the messages json-glib and the pre-scan gave. */
static void
test_syntax_messages (void)
{
  static const struct {
    const char *json;
    const char *error;
  } cases[] = {
    { "{\"dateline\": 1, \"a\": [1,2,]}",
      "1:26: JSON syntax error: unexpected character `,', expected character `]'" },
    { "{\"dateline\" 1}",
      "1:11: JSON syntax error: unexpected string constant \"dateline\", expected character `:'" },
    { "{\"dateline\": 1, \"x\": 01}", "1:22: JSON syntax error: “01” is not a JSON number" },
    { "{\"dateline\": 1, \"x\": \"\\ud800\"}",
      "1:23: the escape “\\ud800” is half of a UTF-16 surrogate pair, without the other half" },
    { "{\"dateline\": 1, \"x\": \"\xC3\"}", "1:23: invalid UTF-8 at byte offset 22" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *error = first_error (cases[i].json);

      g_assert_cmpstr (error, ==, cases[i].error);
    }
}

/* The reader on its own: a big array element by element. */
static void
test_reader_iterates (void)
{
  g_autoptr(GString) json = g_string_new ("{\"a\": 1, \"list\": [");
  DlJsonReader *reader;
  const DlJsonValue *root;
  const DlJsonValue *list;
  const DlJsonValue *element;
  DlJsonArrayIter iter;
  gsize bad = 0;
  guint n = 0;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (json, "%s{\"i\": %u, \"s\": \"\\u00e9\\ud83d\\ude00 %u\", \"d\": %u.5e-1}",
                            i > 0 ? ", " : "", i, i, i);
  g_string_append (json, "], \"t\": true}");

  reader = dl_json_reader_new (json->str, json->len);
  g_assert_true (dl_json_reader_check (reader, 64, 10, &bad));
  root = dl_json_reader_get_root (reader);
  g_assert_cmpint (root->type, ==, DL_JSON_OBJECT);
  g_assert_cmpuint (root->length, ==, 3);
  g_assert_true (dl_json_object_get (root, "t")->boolean);
  list = dl_json_object_get (root, "list");
  g_assert_true (list->lazy);

  dl_json_array_iter_init (&iter, reader, list);
  while ((element = dl_json_array_iter_next (&iter)) != NULL)
    {
      g_autofree char *expected = g_strdup_printf ("é😀 %u", n);

      g_assert_cmpint (dl_json_object_get (element, "i")->integer, ==, n);
      g_assert_cmpstr (dl_json_object_get (element, "s")->string, ==, expected);
      g_assert_cmpfloat (dl_json_object_get (element, "d")->number, ==, (n + 0.5) / 10.0);
      n++;
    }
  g_assert_cmpuint (n, ==, 5000);

  dl_json_reader_free (reader);
}

static char *
write_dataset (const char *dir,
               guint       n_sources,
               gboolean    distinct)
{
  g_autoptr(GString) json = g_string_new ("{\"dateline\": 1, \"title\": \"shared\", \"sources\": [");
  g_autofree char *path = g_build_filename (dir, "shared.dateline.json", NULL);
  g_autofree char *articles = g_build_filename (dir, "articles", NULL);

  g_assert_cmpint (g_mkdir_with_parents (articles, 0700), ==, 0);
  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s/%u.txt", articles, distinct ? i : 0);

      g_assert_true (g_file_set_contents (name, "The report says 12 people died.", -1, NULL));
      /* One file named three ways. */
      g_string_append_printf (json, "%s{\"id\": \"s%u\", \"title\": \"S\", \"file\": \"%sarticles%s%u.txt\"}",
                              i > 0 ? ", " : "", i, i % 3 == 1 ? "./" : "",
                              i % 3 == 2 ? "//" : "/", distinct ? i : 0);
    }
  g_string_append (json, "], \"places\": [], \"events\": []}");
  g_assert_true (g_file_set_contents (path, json->str, -1, NULL));

  return g_steal_pointer (&path);
}

/* 64 sources naming one article hold one copy of it. */
static void
test_articles_shared (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-loader-XXXXXX", NULL);
  g_autofree char *path = write_dataset (dir, 64, FALSE);
  g_autofree char *cleanup = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autoptr(DlSource) first_source = NULL;
  GListModel *sources;
  const DlText *first;

  file = g_file_new_for_path (path);
  dataset = dl_dataset_load (file, problems, NULL);
  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, path));

  sources = dl_dataset_get_sources (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 64);
  first_source = g_list_model_get_item (sources, 0);
  first = dl_source_get_text (first_source);
  for (guint i = 1; i < 64; i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      g_assert_true (dl_source_get_text (source) == first);
    }

  g_clear_object (&first_source);
  g_clear_object (&dataset);
  cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_cmpint (system (cleanup), ==, 0);
}

/* Beyond the article budget: a clear error at the source that crosses it. */
static void
test_article_budget (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-loader-XXXXXX", NULL);
  g_autofree char *path = write_dataset (dir, 9, TRUE);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  guint64 saved = dl_articles_max_total;

  /* Each article is 31 bytes: the budget holds four. */
  dl_articles_max_total = 4 * 31;
  dataset = dl_dataset_load (file, problems, NULL);
  dl_articles_max_total = saved;

  g_assert_null (dataset);
  g_assert_cmpuint (dl_problems_count (problems, DL_SEVERITY_ERROR), ==, 5);
  g_assert_cmpstr (dl_problems_get (problems, 0)->path, ==, "sources[4].file");
  g_assert_true (strstr (dl_problems_get (problems, 0)->message, "articles together would exceed") != NULL);

  g_assert_cmpint (system (cleanup), ==, 0);
}

/* Loads @path (or @data) in one go and in two halves at once, and checks
 * that both give the same problems, in the same order, and the same
 * dataset. */
static void
assert_split_same (const char *path,
                   const char *data,
                   const char *out_one,
                   const char *out_two)
{
  guint saved = dl_loader_split_min_events;
  guint64 saved_check = dl_json_check_split_min;
  g_autoptr(DlProblems) one_problems = dl_problems_new ();
  g_autoptr(DlProblems) two_problems = dl_problems_new ();
  g_autoptr(DlDataset) one = NULL;
  g_autoptr(DlDataset) two = NULL;
  g_autofree char *one_text = NULL;
  g_autofree char *two_text = NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      DlProblems *problems = pass == 0 ? one_problems : two_problems;
      DlDataset *dataset;

      dl_loader_split_min_events = pass == 0 ? G_MAXUINT : 1;
      dl_json_check_split_min = pass == 0 ? G_MAXUINT64 : 0;
      if (path != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_path (path);

          dataset = dl_dataset_load (file, problems, NULL);
        }
      else
        dataset = dl_dataset_load_from_data (data, strlen (data), NULL, problems);
      if (pass == 0)
        one = dataset;
      else
        two = dataset;
    }
  dl_loader_split_min_events = saved;
  dl_json_check_split_min = saved_check;

  one_text = dl_problems_to_string (one_problems, "f");
  two_text = dl_problems_to_string (two_problems, "f");
  g_assert_cmpstr (two_text, ==, one_text);
  g_assert_true ((one == NULL) == (two == NULL));
  if (one != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *one_export = NULL;
      g_autofree char *two_export = NULL;

      g_assert_true (dl_export_geojson_to_file (one, out_one, &error));
      g_assert_true (dl_export_geojson_to_file (two, out_two, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (out_one, &one_export, NULL, NULL));
      g_assert_true (g_file_get_contents (out_two, &two_export, NULL, NULL));
      g_assert_cmpstr (two_export, ==, one_export);
    }
}

/* A big events array is read in two halves in two threads, their problems
 * joined in order: every dataset of the corpus, split after its first half
 * (a single event: all in the second), gives the problems and the dataset
 * that reading it in one go gives; so do duplicate ids across the halves
 * (the second half is read again) and more problems than are kept. */
static void
test_split_halves (void)
{
  static const char * const folders[] = { "good", "bad" };
  g_autofree char *dir = g_dir_make_tmp ("dateline-loader-XXXXXX", NULL);
  g_autofree char *out_one = g_build_filename (dir, "one.geojson", NULL);
  g_autofree char *out_two = g_build_filename (dir, "two.geojson", NULL);
  guint n_checked = 0;

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", folders[f], NULL);
      g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (listing);
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          if (!g_str_has_suffix (name, ".dateline.json"))
            continue;
          assert_split_same (path, NULL, out_one, out_two);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >=, 70);

  /* e2's id again in the second half, in an event without errors and in
   * one with; e9 twice within the second half; then 700 events with a bad
   * category each, more problems than are kept. */
  for (guint variant = 0; variant < 4; variant++)
    {
      g_autoptr(GString) text = g_string_new ("{\"dateline\": 1, \"title\": \"t\", \"events\": [");
      guint n = variant == 3 ? 700 : 12;

      for (guint i = 0; i < n; i++)
        {
          guint id = i;

          if (variant < 2 && i == 8)
            id = 2;
          if (variant == 2 && i == 10)
            id = 9;
          g_string_append_printf (text, "%s{\"id\": \"e%u\", \"title\": \"E\", \"category\": \"%s\", "
                                  "\"when\": \"2024\"}",
                                  i > 0 ? ", " : "", id,
                                  variant == 3 || (variant == 1 && i == 8) ? "Bad" : "c");
        }
      g_string_append (text, "]}");
      assert_split_same (NULL, text->str, out_one, out_two);
    }

  g_unlink (out_one);
  g_unlink (out_two);
  g_rmdir (dir);
}

/* The check of a big text goes on in a second thread from the middle of
 * its events: whatever is wrong, and wherever, it says what one pass says.
 * Each text is 40 events with one fault put in event @at; the second
 * thread starts at the first event after the middle of the text. */
static void
test_split_check (void)
{
  static const struct {
    const char *member;     /* replaces "title": "E" */
    guint       at;
  } faults[] = {
    { "\"title\": \"E\"", 0 },                        /* nothing wrong */
    { "\"title\" \"E\"", 30 },                        /* syntax, second half */
    { "\"title\" \"E\"", 3 },                         /* syntax, first half */
    { "\"title\": \"E\", \"title\": \"F\"", 30 },     /* duplicate key */
    { "\"title\": \"E\", \"title\": \"F\"", 3 },
    { "\"title\": \"E\tF\"", 25 },                     /* raw control character */
    { "\"title\": \"\xff\"", 35 },                     /* not UTF-8 */
    { "\"title\": 123456789012345678901234567890", 39 }, /* integer out of range */
    { "\"title\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", 33 },
    { "\"title\": \"E\"}, \"x\": {\"y\": \"z\"", 21 },  /* a broken shape */
  };
  g_autofree char *dir = g_dir_make_tmp ("dateline-loader-XXXXXX", NULL);
  g_autofree char *out_one = g_build_filename (dir, "one.geojson", NULL);
  g_autofree char *out_two = g_build_filename (dir, "two.geojson", NULL);

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    for (guint escaped = 0; escaped < 2; escaped++)
      {
        g_autoptr(GString) text = g_string_new (NULL);

        g_string_append_printf (text, "{\"dateline\": 1, \"title\": \"t\", \"%s\": [",
                                escaped ? "ev\\u0065nts" : "events");
        for (guint i = 0; i < 40; i++)
          g_string_append_printf (text, "%s{\"id\": \"e%u\", %s, \"category\": \"c\", \"when\": \"2024\"}",
                                  i > 0 ? ", " : "", i, i == faults[f].at ? faults[f].member : "\"title\": \"E\"");
        g_string_append (text, "]}");
        assert_split_same (NULL, text->str, out_one, out_two);
      }

  /* More faults than are kept, on both sides of the middle. */
  {
    g_autoptr(GString) text = g_string_new ("{\"dateline\": 1, \"title\": \"t\", \"events\": [");

    for (guint i = 0; i < 1200; i++)
      g_string_append_printf (text, "%s{\"id\": \"e%u\", \"id\": \"f\", \"title\": \"E\", \"category\": \"c\"}",
                              i > 0 ? ", " : "", i);
    g_string_append (text, "]}");
    assert_split_same (NULL, text->str, out_one, out_two);
  }

  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/loader/export-unchanged", test_export_unchanged);
  g_test_add_func ("/loader/export-streams-as-json-glib", test_export_streams_as_json_glib);
  g_test_add_func ("/loader/export-streams-as-json-glib-corpus", test_export_streams_as_json_glib_corpus);
  g_test_add_func ("/loader/sort-by-time", test_sort_by_time);
  g_test_add_func ("/loader/sort-by-time-few", test_sort_by_time_few);
  g_test_add_func ("/loader/sort-by-time-split", test_sort_by_time_split);
  g_test_add_func ("/loader/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/loader/control-characters", test_control_characters);
  g_test_add_func ("/loader/syntax-messages", test_syntax_messages);
  g_test_add_func ("/loader/reader-iterates", test_reader_iterates);
  g_test_add_func ("/loader/articles-shared", test_articles_shared);
  g_test_add_func ("/loader/article-budget", test_article_budget);
  g_test_add_func ("/loader/split-halves", test_split_halves);
  g_test_add_func ("/loader/split-check", test_split_check);

  return g_test_run ();
}
