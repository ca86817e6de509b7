/* test-json-writer.c: the one JSON emitter in both its layouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "dl-json-writer.h"

/* Every byte from 0x01 to 0x7f, and some UTF-8. */
static char *
awkward_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint c = 1; c < 0x80; c++)
    g_string_append_c (text, (char) c);
  g_string_append (text, " é ש 😀");
  return g_string_free (text, FALSE);
}

static const double numbers[] = { 0, -0.0, 0.1, 1.0 / 3, -2.5, 35, 1e20, 1e-7, 123456789012345, 1e15,
                                  9007199254740993.0, 31.5225, -179.99999999999997 };

/* The same document in either style: an object holding an empty object,
 * an empty array, a string of every byte, the numbers, an integer, a
 * nested object. */
static char *
write_document (DlJsonStyle style,
                gboolean    decimal)
{
  g_autofree char *text = awkward_text ();
  GString *out = g_string_new (NULL);
  DlJsonWriter w;

  dl_json_writer_init (&w, out, style, 0);
  dl_json_writer_open (&w, '{');
  dl_json_writer_item (&w, "empty object");
  dl_json_writer_open (&w, '{');
  dl_json_writer_close (&w, '}');
  dl_json_writer_item (&w, "empty array");
  dl_json_writer_open (&w, '[');
  dl_json_writer_close (&w, ']');
  dl_json_writer_string (&w, "text \"quoted\"", text);
  dl_json_writer_string (&w, "none", NULL);
  dl_json_writer_item (&w, "numbers");
  dl_json_writer_open (&w, '[');
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      dl_json_writer_item (&w, NULL);
      if (decimal)
        dl_json_writer_put_decimal (&w, numbers[i]);
      else
        dl_json_writer_put_number (&w, numbers[i]);
    }
  dl_json_writer_close (&w, ']');
  dl_json_writer_int (&w, "int", G_MININT64);
  dl_json_writer_item (&w, "nested");
  dl_json_writer_open (&w, '{');
  dl_json_writer_number (&w, "n", 2);
  dl_json_writer_close (&w, '}');
  dl_json_writer_close (&w, '}');
  g_assert_cmpuint (w.depth, ==, 0);
  return g_string_free (out, FALSE);
}

/* What the text holds, read back by json-glib: the same strings, every
 * number the same double (the shortest form and %.17g both round-trip). */
static void
assert_reads_back (const char *data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = awkward_text ();
  JsonObject *root;
  JsonArray *array;

  g_assert_true (json_parser_load_from_data (parser, data, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "empty object")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "empty array")), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (root, "text \"quoted\""), ==, text);
  g_assert_true (json_object_get_null_member (root, "none"));
  g_assert_cmpint (json_object_get_int_member (root, "int"), ==, G_MININT64);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root, "nested"), "n"), ==, 2);

  array = json_object_get_array_member (root, "numbers");
  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (numbers));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    g_assert_cmpfloat (json_array_get_double_element (array, i), ==, numbers[i]);
}

/* The Python json.dumps layout, to the byte where it matters, and its
 * numbers in their shortest form. */
static void
test_dateline_style (void)
{
  g_autofree char *data = write_document (DL_JSON_STYLE_DATELINE, FALSE);
  g_autofree char *decimals = write_document (DL_JSON_STYLE_DATELINE, TRUE);

  g_assert_true (g_str_has_prefix (data, "{\n  \"empty object\": {},\n  \"empty array\": [],\n"
                                         "  \"text \\\"quoted\\\"\": \"\\u0001\\u0002"));
  /* Below 0x20 escaped, 0x7f not; UTF-8 as it is. */
  g_assert_nonnull (strstr (data, "\\u001e\\u001f !\\\"#"));
  g_assert_nonnull (strstr (data, "~\x7f é ש 😀\""));
  g_assert_nonnull (strstr (data, "\\b\\t\\n\\u000b\\f\\r"));
  g_assert_nonnull (strstr (data, "\"numbers\": [\n    0,\n    0,\n    0.1,\n    0.3333333333333333,\n    -2.5,\n"
                                  "    35,\n    1e+20,\n    1e-07,\n    123456789012345,\n    1e+15,\n"
                                  "    9007199254740992,\n    31.5225,\n    -179.99999999999997\n  ]"));
  g_assert_true (g_str_has_suffix (data, "\"int\": -9223372036854775808,\n  \"nested\": {\n    \"n\": 2\n  }\n}"));
  /* Decimals keep a point or an exponent. */
  g_assert_nonnull (strstr (decimals, "\"numbers\": [\n    0.0,\n    0.0,\n    0.1,\n    0.3333333333333333,\n"
                                      "    -2.5,\n    35.0,\n    1e+20,\n    1e-07,\n    123456789012345.0,\n"
                                      "    1e+15,\n"));
  assert_reads_back (data);
  assert_reads_back (decimals);
}

/* The json-glib layout: what json-glib's own generator writes for the
 * same tree, byte for byte, but where that generator writes what is not
 * JSON: a raw 0x1f (escaped here) and ".0" after an exponent ("1e+20.0",
 * here "1e+20"). */
static void
test_json_glib_style (void)
{
  g_autofree char *data = write_document (DL_JSON_STYLE_JSON_GLIB, FALSE);
  g_autofree char *decimals = write_document (DL_JSON_STYLE_JSON_GLIB, TRUE);
  g_autofree char *text = awkward_text ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *expected = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "empty object");
  json_builder_begin_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "empty array");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "text \"quoted\"");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "none");
  json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "numbers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    json_builder_add_double_value (builder, numbers[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "int");
  json_builder_add_int_value (builder, G_MININT64);
  json_builder_set_member_name (builder, "nested");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "n");
  json_builder_add_double_value (builder, 2);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  expected = json_generator_to_data (generator, NULL);
  {
    g_auto(GStrv) parts = g_strsplit (expected, "\x1f", -1);
    g_autofree char *escaped = g_strjoinv ("\\u001f", parts);
    g_autoptr(GRegex) exponent = g_regex_new ("(e[-+][0-9]+)\\.0", 0, 0, NULL);

    g_free (expected);
    expected = g_regex_replace (exponent, escaped, -1, 0, "\\1", 0, NULL);
  }

  g_assert_cmpstr (data, ==, expected);
  g_assert_cmpstr (decimals, ==, expected);
  /* The quirks this layout keeps. */
  g_assert_nonnull (strstr (data, "\"empty object\" : {  }"));
  g_assert_nonnull (strstr (data, "\\u001e\\u001f !"));
  g_assert_nonnull (strstr (data, "1e+20,"));
  g_assert_nonnull (strstr (data, "-0.0"));
  assert_reads_back (data);
  assert_reads_back (decimals);
}

/* A writer started inside a document (as the dataset writer's snapshots
 * write one item at its depth) indents as the whole document would. */
static void
test_inside (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  DlJsonWriter w;

  dl_json_writer_init (&w, out, DL_JSON_STYLE_DATELINE, 2);
  dl_json_writer_open (&w, '{');
  dl_json_writer_string (&w, "id", "a");
  dl_json_writer_item (&w, "at");
  DL_JSON_WRITER_PUT_LITERAL (&w, "[");
  dl_json_writer_put_decimal (&w, 1);
  DL_JSON_WRITER_PUT_LITERAL (&w, ", ");
  dl_json_writer_put_decimal (&w, 2.5);
  DL_JSON_WRITER_PUT_LITERAL (&w, "]");
  dl_json_writer_close (&w, '}');
  g_assert_cmpstr (out->str, ==, "{\n      \"id\": \"a\",\n      \"at\": [1.0, 2.5]\n    }");
  g_assert_cmpuint (w.depth, ==, 2);
}

/* Every geometry type: in the json-glib style what json-glib writes for
 * dl_geometry_to_json(), in the dateline style the same values with each
 * position on one line. */
static void
test_geometry (void)
{
  static const char * const geometries[] = {
    "{\"type\": \"Point\", \"coordinates\": [34, 31.5225]}",
    "{\"type\": \"MultiPoint\", \"coordinates\": [[1, 2], [-0.1, 1e-7]]}",
    "{\"type\": \"LineString\", \"coordinates\": [[34.1, 31.1], [34.2, 31.2]]}",
    "{\"type\": \"MultiLineString\", \"coordinates\": [[[0, 0], [1, 1]], [[2, 2], [3, 3]]]}",
    "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]], "
    "[[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]]]}",
    "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, 1], [0, 0]], "
    "[[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]]], [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (geometries); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (geometries[i], NULL);
      g_autoptr(DlGeometry) geometry = dl_geometry_parse (node, "geometry", NULL);
      g_autoptr(JsonNode) tree = NULL;
      g_autoptr(JsonNode) read_back = NULL;
      g_autoptr(DlGeometry) again = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GString) glib = g_string_new (NULL);
      g_autoptr(GString) dateline = g_string_new (NULL);
      g_autofree char *expected = NULL;
      DlJsonWriter w;

      g_assert_nonnull (geometry);
      dl_json_writer_init (&w, glib, DL_JSON_STYLE_JSON_GLIB, 0);
      dl_json_writer_put_geometry (&w, geometry);
      tree = dl_geometry_to_json (geometry);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      json_generator_set_root (generator, tree);
      expected = json_generator_to_data (generator, NULL);
      g_assert_cmpstr (glib->str, ==, expected);

      dl_json_writer_init (&w, dateline, DL_JSON_STYLE_DATELINE, 0);
      dl_json_writer_put_geometry (&w, geometry);
      if (i == 0)
        g_assert_cmpstr (dateline->str, ==, "{\n  \"type\": \"Point\",\n  \"coordinates\": [34.0, 31.5225]\n}");
      read_back = json_from_string (dateline->str, NULL);
      again = dl_geometry_parse (read_back, "geometry", NULL);
      g_assert_nonnull (again);
      g_assert_true (dl_geometry_equal (geometry, again));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/dateline", test_dateline_style);
  g_test_add_func ("/json-writer/json-glib", test_json_glib_style);
  g_test_add_func ("/json-writer/inside", test_inside);
  g_test_add_func ("/json-writer/geometry", test_geometry);

  return g_test_run ();
}
