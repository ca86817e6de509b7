/* test-geo.c: GeoJSON geometries, bounding boxes, Web Mercator, distances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "dl-geo.h"

#define PATH "places[2].geometry"

/* Gaza City and Khan Yunis (GeoNames 281124). */
static const DlLonLat gaza_city = { 34.4667, 31.5016 };
static const DlLonLat khan_yunis = { 34.30627, 31.34018 };

static JsonNode *
node_from_string (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static DlGeometry *
parse_ok (const char *json)
{
  g_autoptr(JsonNode) node = node_from_string (json);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  DlGeometry *geometry = dl_geometry_parse (node, PATH, problems);

  if (dl_problems_get_length (problems) > 0)
    {
      g_autofree char *text = dl_problems_to_string (problems, NULL);

      g_test_message ("unexpected problems for %s:\n%s", json, text);
    }
  g_assert_cmpuint (dl_problems_get_length (problems), ==, 0);
  g_assert_nonnull (geometry);

  return geometry;
}

static void
assert_lonlat (DlLonLat p,
               double   lon,
               double   lat,
               double   epsilon)
{
  if (epsilon == 0.0)
    {
      g_assert_cmpfloat (p.lon, ==, lon);
      g_assert_cmpfloat (p.lat, ==, lat);
    }
  else
    {
      g_assert_cmpfloat_with_epsilon (p.lon, lon, epsilon);
      g_assert_cmpfloat_with_epsilon (p.lat, lat, epsilon);
    }
}

static void
assert_bbox (DlBBox bbox,
             double west,
             double south,
             double east,
             double north)
{
  g_assert_false (dl_bbox_is_empty (&bbox));
  g_assert_cmpfloat (bbox.west, ==, west);
  g_assert_cmpfloat (bbox.south, ==, south);
  g_assert_cmpfloat (bbox.east, ==, east);
  g_assert_cmpfloat (bbox.north, ==, north);
}

static void
assert_part (const DlGeometry *geometry,
             guint             index,
             guint             first,
             guint             n_positions,
             guint             member,
             guint             ring)
{
  guint n_parts = 0;
  const DlGeometryPart *parts = dl_geometry_get_parts (geometry, &n_parts);
  guint got_first = G_MAXUINT, got_n = G_MAXUINT;

  g_assert_cmpuint (n_parts, ==, dl_geometry_get_n_parts (geometry));
  g_assert_cmpuint (index, <, n_parts);
  g_assert_cmpuint (parts[index].first, ==, first);
  g_assert_cmpuint (parts[index].n_positions, ==, n_positions);
  g_assert_cmpuint (parts[index].member, ==, member);
  g_assert_cmpuint (parts[index].ring, ==, ring);

  dl_geometry_get_part (geometry, index, &got_first, &got_n);
  g_assert_cmpuint (got_first, ==, first);
  g_assert_cmpuint (got_n, ==, n_positions);
}

/* Parsing valid geometries */

static void
test_parse_point (void)
{
  g_autoptr(DlGeometry) geometry =
    parse_ok ("{\"type\": \"Point\", \"coordinates\": [34.4667, 31.5016]}");
  const DlLonLat *positions = dl_geometry_get_positions (geometry);

  g_assert_cmpint (dl_geometry_get_geometry_type (geometry), ==, DL_GEOMETRY_POINT);
  g_assert_false (dl_geometry_is_polygonal (geometry));
  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), ==, 1);
  g_assert_cmpuint (dl_geometry_get_n_parts (geometry), ==, 1);
  g_assert_cmpuint (dl_geometry_get_n_members (geometry), ==, 1);
  assert_lonlat (positions[0], 34.4667, 31.5016, 0.0);
  assert_part (geometry, 0, 0, 1, 0, 0);
  assert_bbox (dl_geometry_get_bbox (geometry), 34.4667, 31.5016, 34.4667, 31.5016);
  assert_lonlat (dl_geometry_get_anchor (geometry), 34.4667, 31.5016, 0.0);
}

static void
test_parse_integers_altitude_limits (void)
{
  g_autoptr(DlGeometry) ints = NULL;
  g_autoptr(DlGeometry) altitude = NULL;
  g_autoptr(DlGeometry) limits = NULL;
  g_autoptr(DlGeometry) negative = NULL;

  /* JSON integers are G_TYPE_INT64 in json-glib: they must count as numbers. */
  ints = parse_ok ("{\"type\": \"Point\", \"coordinates\": [34, 31]}");
  assert_lonlat (dl_geometry_get_positions (ints)[0], 34.0, 31.0, 0.0);

  altitude = parse_ok ("{\"type\": \"Point\", \"coordinates\": [34.5, 31.5, 120]}");
  g_assert_cmpuint (dl_geometry_get_n_positions (altitude), ==, 1);
  assert_lonlat (dl_geometry_get_positions (altitude)[0], 34.5, 31.5, 0.0);

  limits = parse_ok ("{\"type\": \"LineString\", \"coordinates\": [[-180, -90], [180.0, 90.0]],"
                     " \"bbox\": [-180, -90, 180, 90], \"foreign\": {\"x\": 1}}");
  assert_bbox (dl_geometry_get_bbox (limits), -180.0, -90.0, 180.0, 90.0);

  negative = parse_ok ("{\"type\": \"Point\", \"coordinates\": [-0, -1e-300]}");
  assert_lonlat (dl_geometry_get_positions (negative)[0], 0.0, -1e-300, 0.0);
}

static void
test_parse_multi_point (void)
{
  g_autoptr(DlGeometry) geometry =
    parse_ok ("{\"type\": \"MultiPoint\", \"coordinates\": [[0, 0], [10, 0], [4, 1]]}");

  g_assert_cmpint (dl_geometry_get_geometry_type (geometry), ==, DL_GEOMETRY_MULTI_POINT);
  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), ==, 3);
  g_assert_cmpuint (dl_geometry_get_n_parts (geometry), ==, 3);
  g_assert_cmpuint (dl_geometry_get_n_members (geometry), ==, 3);
  for (guint i = 0; i < 3; i++)
    assert_part (geometry, i, i, 1, i, 0);
  assert_bbox (dl_geometry_get_bbox (geometry), 0.0, 0.0, 10.0, 1.0);
  /* The mean is (4.67, 0.33): the nearest point is (4, 1). */
  assert_lonlat (dl_geometry_get_anchor (geometry), 4.0, 1.0, 0.0);
}

static void
test_parse_line_string (void)
{
  g_autoptr(DlGeometry) geometry =
    parse_ok ("{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 0], [3, 0]]}");
  g_autoptr(DlGeometry) bent =
    parse_ok ("{\"type\": \"LineString\", \"coordinates\": [[0, 0], [2, 0], [2, 2]]}");
  g_autoptr(DlGeometry) still =
    parse_ok ("{\"type\": \"LineString\", \"coordinates\": [[5, 5], [5, 5]]}");

  g_assert_cmpint (dl_geometry_get_geometry_type (geometry), ==, DL_GEOMETRY_LINE_STRING);
  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), ==, 3);
  g_assert_cmpuint (dl_geometry_get_n_parts (geometry), ==, 1);
  assert_part (geometry, 0, 0, 3, 0, 0);
  assert_bbox (dl_geometry_get_bbox (geometry), 0.0, 0.0, 3.0, 0.0);
  /* Along the equator length is proportional to longitude: half of 3° is
   * half-way along the second segment. */
  assert_lonlat (dl_geometry_get_anchor (geometry), 1.5, 0.0, 1e-9);
  /* 2° east along the equator, then 2° north along a meridian: the same
   * great-circle length, so the middle is the corner. */
  assert_lonlat (dl_geometry_get_anchor (bent), 2.0, 0.0, 1e-9);
  /* A line of length zero still has an anchor. */
  assert_lonlat (dl_geometry_get_anchor (still), 5.0, 5.0, 0.0);
}

static void
test_parse_multi_line_string (void)
{
  g_autoptr(DlGeometry) geometry =
    parse_ok ("{\"type\": \"MultiLineString\", \"coordinates\": "
              "[[[0, 0], [1, 0]], [[10, 0], [11, 0], [13, 0]]]}");

  g_assert_cmpint (dl_geometry_get_geometry_type (geometry), ==, DL_GEOMETRY_MULTI_LINE_STRING);
  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), ==, 5);
  g_assert_cmpuint (dl_geometry_get_n_parts (geometry), ==, 2);
  g_assert_cmpuint (dl_geometry_get_n_members (geometry), ==, 2);
  assert_part (geometry, 0, 0, 2, 0, 0);
  assert_part (geometry, 1, 2, 3, 1, 0);
  assert_bbox (dl_geometry_get_bbox (geometry), 0.0, 0.0, 13.0, 0.0);
  /* 4° in all: the middle is 1° into the second line. */
  assert_lonlat (dl_geometry_get_anchor (geometry), 11.0, 0.0, 1e-9);
}

static void
test_parse_polygon (void)
{
  /* A 10° square with a 2° hole near one corner: the centroid moves away
   * from the hole, (100·5 − 4·3) / 96. */
  g_autoptr(DlGeometry) geometry =
    parse_ok ("{\"type\": \"Polygon\", \"coordinates\": ["
              "[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],"
              "[[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]]}");
  /* The same, wound the other way round. */
  g_autoptr(DlGeometry) clockwise =
    parse_ok ("{\"type\": \"Polygon\", \"coordinates\": ["
              "[[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]],"
              "[[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]]]}");
  const double expected = (100.0 * 5.0 - 4.0 * 3.0) / 96.0;

  g_assert_cmpint (dl_geometry_get_geometry_type (geometry), ==, DL_GEOMETRY_POLYGON);
  g_assert_true (dl_geometry_is_polygonal (geometry));
  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), ==, 10);
  g_assert_cmpuint (dl_geometry_get_n_parts (geometry), ==, 2);
  g_assert_cmpuint (dl_geometry_get_n_members (geometry), ==, 1);
  assert_part (geometry, 0, 0, 5, 0, 0);
  assert_part (geometry, 1, 5, 5, 0, 1);
  assert_bbox (dl_geometry_get_bbox (geometry), 0.0, 0.0, 10.0, 10.0);
  assert_lonlat (dl_geometry_get_anchor (geometry), expected, expected, 1e-9);
  assert_lonlat (dl_geometry_get_anchor (clockwise), expected, expected, 1e-9);
}

static void
test_anchor_outside (void)
{
  /* A "C" open to the east: its centroid (4.08, 5) lies in the opening.
   * The anchor is the middle of the widest stretch across y = 5. */
  g_autoptr(DlGeometry) c_shape =
    parse_ok ("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0], [10, 2], [2, 2],"
              " [2, 8], [10, 8], [10, 10], [0, 10], [0, 0]]]}");
  /* A square with a hole in the middle: the centroid is in the hole. */
  g_autoptr(DlGeometry) ring =
    parse_ok ("{\"type\": \"Polygon\", \"coordinates\": ["
              "[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],"
              "[[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]]}");
  /* An off-centre hole that still holds the centroid (5.03, 5): the wider
   * stretch across y = 5 is east of the hole. */
  g_autoptr(DlGeometry) off_centre =
    parse_ok ("{\"type\": \"Polygon\", \"coordinates\": ["
              "[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],"
              "[[3, 4], [6, 4], [6, 6], [3, 6], [3, 4]]]}");
  /* Squares of 1 and 4 square degrees: the centroid (8.9, 0.9) is in
   * neither; the anchor goes in the larger one. */
  g_autoptr(DlGeometry) islands =
    parse_ok ("{\"type\": \"MultiPolygon\", \"coordinates\": ["
              "[[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],"
              "[[[10, 0], [12, 0], [12, 2], [10, 2], [10, 0]]]]}");
  /* A ring with no area at all. */
  g_autoptr(DlGeometry) flat =
    parse_ok ("{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [2, 2], [4, 4], [0, 0]]]}");
  DlLonLat anchor;
  DlBBox bbox;

  assert_lonlat (dl_geometry_get_anchor (c_shape), 1.0, 5.0, 1e-9);
  assert_lonlat (dl_geometry_get_anchor (ring), 2.0, 5.0, 1e-9);
  assert_lonlat (dl_geometry_get_anchor (off_centre), 8.0, 5.0, 1e-9);

  g_assert_cmpint (dl_geometry_get_geometry_type (islands), ==, DL_GEOMETRY_MULTI_POLYGON);
  g_assert_cmpuint (dl_geometry_get_n_members (islands), ==, 2);
  assert_part (islands, 0, 0, 5, 0, 0);
  assert_part (islands, 1, 5, 5, 1, 0);
  assert_bbox (dl_geometry_get_bbox (islands), 0.0, 0.0, 12.0, 2.0);
  assert_lonlat (dl_geometry_get_anchor (islands), 11.0, 1.0, 1e-9);

  anchor = dl_geometry_get_anchor (flat);
  bbox = dl_geometry_get_bbox (flat);
  g_assert_true (dl_bbox_contains (&bbox, anchor));
  g_assert_cmpfloat_with_epsilon (anchor.lon, anchor.lat, 1e-9);
}

static void
test_parse_multi_polygon (void)
{
  DlBBox bbox;
  g_autoptr(DlGeometry) geometry =
    parse_ok ("{\"type\": \"MultiPolygon\", \"coordinates\": ["
              "[[[34.2, 31.2], [34.6, 31.2], [34.6, 31.6], [34.2, 31.6], [34.2, 31.2]],"
              " [[34.3, 31.3], [34.4, 31.3], [34.4, 31.4], [34.3, 31.3]]],"
              "[[[35.0, 32.0], [35.1, 32.0], [35.1, 32.1], [35.0, 32.0]]]]}");

  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), ==, 13);
  g_assert_cmpuint (dl_geometry_get_n_parts (geometry), ==, 3);
  g_assert_cmpuint (dl_geometry_get_n_members (geometry), ==, 2);
  assert_part (geometry, 0, 0, 5, 0, 0);
  assert_part (geometry, 1, 5, 4, 0, 1);
  assert_part (geometry, 2, 9, 4, 1, 0);
  assert_bbox (dl_geometry_get_bbox (geometry), 34.2, 31.2, 35.1, 32.1);
  bbox = dl_geometry_get_bbox (geometry);
  g_assert_true (dl_bbox_contains (&bbox, dl_geometry_get_anchor (geometry)));
}

static void
test_parse_without_problems_or_path (void)
{
  g_autoptr(JsonNode) good = node_from_string ("{\"type\": \"Point\", \"coordinates\": [1, 2]}");
  g_autoptr(JsonNode) bad = node_from_string ("{\"type\": \"Point\", \"coordinates\": [1, 200]}");
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlGeometry) geometry = NULL;

  g_assert_null (dl_geometry_parse (bad, PATH, NULL));
  geometry = dl_geometry_parse (good, NULL, NULL);
  g_assert_nonnull (geometry);
  g_clear_pointer (&geometry, dl_geometry_unref);

  /* Without a path, sub-paths start at the geometry's members. */
  g_assert_null (dl_geometry_parse (bad, NULL, problems));
  g_assert_cmpuint (dl_problems_get_length (problems), ==, 1);
  g_assert_cmpstr (dl_problems_get (problems, 0)->path, ==, "coordinates");

  /* Errors already in the list are not this geometry's errors. */
  geometry = dl_geometry_parse (good, PATH, problems);
  g_assert_nonnull (geometry);
  g_assert_cmpuint (dl_problems_get_length (problems), ==, 1);
}

/* Parsing invalid geometries */

typedef struct {
  const char *json;
  guint       n_problems;   /* all of them: the parser reports every problem */
  const char *path;         /* of the first problem */
  const char *message;      /* a part of its message */
} BadCase;

static const BadCase bad_cases[] = {
  /* The object */
  { "[34.4, 31.5]", 1, PATH, "expected a GeoJSON geometry (an object" },
  { "\"Point\"", 1, PATH, "found a string" },
  { "null", 1, PATH, "found null" },
  { "{\"coordinates\": [1, 2]}", 1, PATH, "the geometry has no “type”" },
  { "{}", 2, PATH, "the geometry has no “type”" },
  { "{\"type\": \"Point\"}", 1, PATH, "the geometry has no “coordinates”" },

  /* The type */
  { "{\"type\": 5, \"coordinates\": [1, 2]}", 1, PATH ".type",
    "expected the geometry type as a string, found a number" },
  { "{\"type\": true, \"coordinates\": [1, 2]}", 1, PATH ".type", "found a boolean" },
  { "{\"type\": [\"Point\"], \"coordinates\": [1, 2]}", 1, PATH ".type", "found an array" },
  { "{\"type\": \"Circle\", \"coordinates\": [1, 2]}", 1, PATH ".type",
    "unknown geometry type “Circle” (expected Point, MultiPoint, LineString, MultiLineString, "
    "Polygon or MultiPolygon)" },
  { "{\"type\": \"point\", \"coordinates\": [1, 2]}", 1, PATH ".type",
    "unknown geometry type “point”: did you mean “Point”?" },
  { "{\"type\": \"GeometryCollection\", \"geometries\": []}", 1, PATH ".type",
    "GeometryCollection is not supported" },
  { "{\"type\": \"Feature\", \"geometry\": null, \"properties\": {}}", 1, PATH ".type",
    "a Feature is not a geometry" },
  { "{\"type\": \"FeatureCollection\", \"features\": []}", 1, PATH ".type",
    "a FeatureCollection is not a geometry" },

  /* Positions */
  { "{\"type\": \"Point\", \"coordinates\": [34.4, 95]}", 1, PATH ".coordinates",
    "latitude 95 is out of range (−90 to 90)" },
  { "{\"type\": \"Point\", \"coordinates\": [34.4, -90.5]}", 1, PATH ".coordinates",
    "latitude -90.5 is out of range (−90 to 90)" },
  { "{\"type\": \"Point\", \"coordinates\": [181, 31]}", 1, PATH ".coordinates",
    "longitude 181 is out of range (−180 to 180)" },
  { "{\"type\": \"Point\", \"coordinates\": [-180.0000001, 31]}", 1, PATH ".coordinates",
    "longitude -180.0000001 is out of range" },
  { "{\"type\": \"Point\", \"coordinates\": [1e308, 31]}", 1, PATH ".coordinates",
    "longitude 1e+308 is out of range" },
  { "{\"type\": \"Point\", \"coordinates\": [1e400, -1e400]}", 2, PATH ".coordinates",
    "longitude inf is out of range" },
  { "{\"type\": \"Point\", \"coordinates\": [200, 100]}", 2, PATH ".coordinates",
    "longitude 200" },
  { "{\"type\": \"Point\", \"coordinates\": [34.4]}", 1, PATH ".coordinates",
    "a position needs 2 or 3 numbers (longitude, latitude and an optional altitude), "
    "this one has 1" },
  { "{\"type\": \"Point\", \"coordinates\": []}", 1, PATH ".coordinates", "this one has 0" },
  { "{\"type\": \"Point\", \"coordinates\": [34.4, 31.5, 10, 5]}", 1, PATH ".coordinates",
    "this one has 4" },
  { "{\"type\": \"Point\", \"coordinates\": [\"34.4\", 31.5]}", 1, PATH ".coordinates[0]",
    "expected a number, found a string" },
  { "{\"type\": \"Point\", \"coordinates\": [34.4, null]}", 1, PATH ".coordinates[1]",
    "expected a number, found null" },
  { "{\"type\": \"Point\", \"coordinates\": [34.4, 31.5, \"high\"]}", 1,
    PATH ".coordinates[2]", "expected a number, found a string" },
  { "{\"type\": \"Point\", \"coordinates\": [\"x\", 95]}", 2, PATH ".coordinates[0]",
    "expected a number" },
  { "{\"type\": \"Point\", \"coordinates\": [[34.4, 31.5]]}", 1, PATH ".coordinates",
    "the coordinates are nested too deeply for a Point" },
  { "{\"type\": \"Point\", \"coordinates\": {\"lon\": 34.4, \"lat\": 31.5}}", 1,
    PATH ".coordinates", "expected a position (an array of 2 or 3 numbers), found an object" },

  /* Lines */
  { "{\"type\": \"LineString\", \"coordinates\": [[34.4, 31.5]]}", 1, PATH ".coordinates",
    "a LineString needs at least 2 positions" },
  { "{\"type\": \"LineString\", \"coordinates\": []}", 1, PATH ".coordinates",
    "a LineString needs at least 2 positions, this one has 0" },
  { "{\"type\": \"LineString\", \"coordinates\": [34.4, 31.5]}", 1, PATH ".coordinates",
    "expected an array of positions, found a position: the coordinates are not nested deeply "
    "enough for a LineString" },
  { "{\"type\": \"LineString\", \"coordinates\": \"34.4 31.5, 34.5 31.6\"}", 1,
    PATH ".coordinates", "expected an array of positions, found a string" },
  { "{\"type\": \"LineString\", \"coordinates\": [[0, 0], [1, 1], [2, 95], [3, 3], [4, 96]]}",
    2, PATH ".coordinates[2]", "latitude 95" },
  { "{\"type\": \"MultiLineString\", \"coordinates\": []}", 1, PATH ".coordinates",
    "a MultiLineString needs at least 1 line" },
  { "{\"type\": \"MultiLineString\", \"coordinates\": [[[0, 0], [1, 1]], [[2, 2]]]}", 1,
    PATH ".coordinates[1]", "a LineString needs at least 2 positions, this one has 1" },
  { "{\"type\": \"MultiLineString\", \"coordinates\": [[0, 0], [1, 1]]}", 2,
    PATH ".coordinates[0]", "not nested deeply enough for a MultiLineString" },
  { "{\"type\": \"MultiLineString\", \"coordinates\": [[[0, 0], [1, 1]], 7]}", 1,
    PATH ".coordinates[1]", "expected an array of positions, found a number" },
  { "{\"type\": \"MultiLineString\", \"coordinates\": 7}", 1,
    PATH ".coordinates", "expected an array of lines, found a number" },

  /* Points */
  { "{\"type\": \"MultiPoint\", \"coordinates\": []}", 1, PATH ".coordinates",
    "a MultiPoint needs at least 1 position" },
  { "{\"type\": \"MultiPoint\", \"coordinates\": [[0, 0], [1, 1, 1, 1]]}", 1,
    PATH ".coordinates[1]", "this one has 4" },
  { "{\"type\": \"MultiPoint\", \"coordinates\": [[0, 0], 5, true]}", 2,
    PATH ".coordinates[1]", "expected a position (an array of 2 or 3 numbers), found a number" },

  /* Polygons */
  { "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [0, 0]]]}", 1,
    PATH ".coordinates[0]", "a polygon ring needs at least 4 positions, this one has 3" },
  { "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}", 1,
    PATH ".coordinates[0]", "the ring is not closed: its last position must equal its first" },
  { "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]],"
    " [[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.2]]]}", 1,
    PATH ".coordinates[1]", "the ring is not closed" },
  { "{\"type\": \"Polygon\", \"coordinates\": []}", 1, PATH ".coordinates",
    "a polygon needs at least 1 ring" },
  { "{\"type\": \"Polygon\", \"coordinates\": [[0, 0], [1, 0], [1, 1], [0, 0]]}", 4,
    PATH ".coordinates[0]", "not nested deeply enough for a Polygon" },
  { "{\"type\": \"Polygon\", \"coordinates\": [0, 0]}", 2,
    PATH ".coordinates[0]", "expected an array of positions, found a number" },
  { "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]], null]}", 1,
    PATH ".coordinates[1]", "expected an array of positions, found null" },
  { "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 95], [0, 0]]]}", 1,
    PATH ".coordinates[0][2]", "latitude 95 is out of range" },
  { "{\"type\": \"MultiPolygon\", \"coordinates\": []}", 1, PATH ".coordinates",
    "a MultiPolygon needs at least 1 polygon" },
  { "{\"type\": \"MultiPolygon\", \"coordinates\": {\"a\": 1}}", 1, PATH ".coordinates",
    "expected an array of polygons, found an object" },
  { "{\"type\": \"MultiPolygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}", 4,
    PATH ".coordinates[0][0]", "not nested deeply enough for a MultiPolygon" },
  { "{\"type\": \"MultiPolygon\", \"coordinates\": [[]]}", 1, PATH ".coordinates[0]",
    "a polygon needs at least 1 ring" },
  { "{\"type\": \"MultiPolygon\", \"coordinates\": ["
    "[[[0, 0], [1, 0], [1, 1], [0, 0]]],"
    "[[[2, 2], [3, 2], [3, 3], [2, 2]], [[2.1, 2.1], [2.2, 2.1], [2.2, 95], [2.1, 2.1]]]]}", 1,
    PATH ".coordinates[1][1][2]", "latitude 95 is out of range (−90 to 90)" },
  { "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, \"1\"], [0, 0]]]]}",
    1, PATH ".coordinates[0][0][2][1]", "expected a number, found a string" },
};

static void
test_parse_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *bad = &bad_cases[i];
      g_autoptr(JsonNode) node = node_from_string (bad->json);
      g_autoptr(DlProblems) problems = dl_problems_new ();
      g_autoptr(DlGeometry) geometry = NULL;
      g_autofree char *text = NULL;
      const DlProblem *problem;

      g_test_message ("case %u: %s", i, bad->json);
      geometry = dl_geometry_parse (node, PATH, problems);
      text = dl_problems_to_string (problems, NULL);
      g_test_message ("%s", text);

      g_assert_null (geometry);
      g_assert_cmpuint (dl_problems_get_length (problems), ==, bad->n_problems);
      g_assert_cmpuint (dl_problems_count (problems, DL_SEVERITY_ERROR), ==, bad->n_problems);
      problem = dl_problems_get (problems, 0);
      g_assert_cmpstr (problem->path, ==, bad->path);
      g_assert_nonnull (strstr (problem->message, bad->message));
      g_assert_false (g_str_has_suffix (problem->message, "."));
    }
}

static void
test_parse_bad_type_name_quoted (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"Bad\\n\\u0007");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  const char *message;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, 'x');
  g_string_append (json, "\", \"coordinates\": [1, 2]}");
  node = node_from_string (json->str);

  g_assert_null (dl_geometry_parse (node, PATH, problems));
  g_assert_cmpuint (dl_problems_get_length (problems), ==, 1);
  message = dl_problems_get (problems, 0)->message;
  g_assert_nonnull (strstr (message, "unknown geometry type “Bad\xef\xbf\xbd\xef\xbf\xbdxxx"));
  g_assert_nonnull (strstr (message, "xxx…”"));
  g_assert_null (strchr (message, '\n'));
  g_assert_cmpuint (strlen (message), <, 300);
}

/* A geometry with a great many bad positions reports a bounded number of
 * problems, and stops early. */
static void
test_parse_problem_cap (void)
{
  g_autoptr(GString) json = g_string_new ("{\"type\": \"LineString\", \"coordinates\": [");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  const guint n = 200000;
  const DlProblem *last;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s[%u, 95]", i > 0 ? ", " : "", i % 100);
  g_string_append (json, "]}");
  node = node_from_string (json->str);

  g_assert_null (dl_geometry_parse (node, PATH, problems));
  g_assert_cmpuint (dl_problems_get_length (problems), ==, DL_GEOMETRY_MAX_PROBLEMS + 1);
  g_assert_cmpstr (dl_problems_get (problems, 0)->path, ==, PATH ".coordinates[0]");
  g_assert_cmpstr (dl_problems_get (problems, DL_GEOMETRY_MAX_PROBLEMS - 1)->path, ==,
                   PATH ".coordinates[19]");
  last = dl_problems_get (problems, DL_GEOMETRY_MAX_PROBLEMS);
  g_assert_cmpstr (last->path, ==, PATH);
  g_assert_nonnull (strstr (last->message, "too many problems"));

  /* Exactly the maximum is not "too many". */
  g_clear_pointer (&problems, dl_problems_free);
  g_clear_pointer (&node, json_node_unref);
  problems = dl_problems_new ();
  g_string_assign (json, "{\"type\": \"LineString\", \"coordinates\": [");
  for (guint i = 0; i < DL_GEOMETRY_MAX_PROBLEMS; i++)
    g_string_append_printf (json, "%s[%u, 95]", i > 0 ? ", " : "", i);
  g_string_append (json, "]}");
  node = node_from_string (json->str);
  g_assert_null (dl_geometry_parse (node, PATH, problems));
  g_assert_cmpuint (dl_problems_get_length (problems), ==, DL_GEOMETRY_MAX_PROBLEMS);
}

/* 10,000 levels of nesting: reported, never recursed into. */
static void
test_parse_deep_nesting (void)
{
  static const struct {
    const char *type;
    const char *path;
  } cases[] = {
    { "Point", PATH ".coordinates" },
    { "LineString", PATH ".coordinates[0]" },
    { "MultiPolygon", PATH ".coordinates[0][0][0]" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) json = g_string_new (NULL);
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(DlProblems) problems = dl_problems_new ();
      const DlProblem *problem;

      g_string_printf (json, "{\"type\": \"%s\", \"coordinates\": ", cases[c].type);
      for (guint i = 0; i < 10000; i++)
        g_string_append_c (json, '[');
      for (guint i = 0; i < 10000; i++)
        g_string_append_c (json, ']');
      g_string_append_c (json, '}');
      node = node_from_string (json->str);

      g_assert_null (dl_geometry_parse (node, PATH, problems));
      g_assert_cmpuint (dl_problems_get_length (problems), >=, 1);
      problem = dl_problems_get (problems, 0);
      g_assert_cmpstr (problem->path, ==, cases[c].path);
      g_assert_nonnull (strstr (problem->message, "nested too deeply"));
    }
}

/* Types, refcounting, export */

static void
test_type_names (void)
{
  static const char * const names[] = {
    "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (dl_geometry_type_to_string ((DlGeometryType) i), ==, names[i]);
  g_assert_null (dl_geometry_type_to_string ((DlGeometryType) 6));
  g_assert_null (dl_geometry_type_to_string ((DlGeometryType) -1));
}

static void
test_ref_and_boxed (void)
{
  g_autoptr(DlGeometry) point = dl_geometry_new_point (gaza_city);
  DlGeometry *copy;

  g_assert_cmpint (dl_geometry_get_geometry_type (point), ==, DL_GEOMETRY_POINT);
  assert_lonlat (dl_geometry_get_anchor (point), gaza_city.lon, gaza_city.lat, 0.0);

  g_assert_true (dl_geometry_ref (point) == point);
  dl_geometry_unref (point);

  g_assert_true (G_TYPE_IS_BOXED (DL_TYPE_GEOMETRY));
  copy = g_boxed_copy (DL_TYPE_GEOMETRY, point);
  g_assert_true (copy == point);
  g_boxed_free (DL_TYPE_GEOMETRY, copy);

  g_assert_true (dl_geometry_equal (point, point));
  g_assert_false (dl_geometry_equal (point, NULL));
}

/* Drawn shapes: a line as given; a polygon closed and counter-clockwise
 * whichever way its corners were clicked, equal to the same ring parsed. */
static void
test_new_drawn (void)
{
  const DlLonLat line[] = { { 34.25, 31.30 }, { 34.30, 31.35 }, { 34.40, 31.38 } };
  const DlLonLat clockwise[] = { { 34.2, 31.2 }, { 34.2, 31.6 }, { 34.6, 31.6 }, { 34.6, 31.2 } };
  DlLonLat counter[G_N_ELEMENTS (clockwise)];
  g_autoptr(DlGeometry) drawn_line = dl_geometry_new_line_string (line, G_N_ELEMENTS (line));
  g_autoptr(DlGeometry) parsed_line = parse_ok ("{\"type\": \"LineString\", \"coordinates\": "
                                                "[[34.25, 31.30], [34.30, 31.35], [34.40, 31.38]]}");
  g_autoptr(DlGeometry) from_clockwise = dl_geometry_new_polygon (clockwise, G_N_ELEMENTS (clockwise));
  g_autoptr(DlGeometry) from_counter = NULL;
  g_autoptr(DlGeometry) parsed_area = parse_ok ("{\"type\": \"Polygon\", \"coordinates\": "
                                                "[[[34.6, 31.2], [34.6, 31.6], [34.2, 31.6], [34.2, 31.2], [34.6, 31.2]]]}");
  const DlLonLat *ring;

  g_assert_true (dl_geometry_equal (drawn_line, parsed_line));
  assert_lonlat (dl_geometry_get_anchor (drawn_line), dl_geometry_get_anchor (parsed_line).lon,
                 dl_geometry_get_anchor (parsed_line).lat, 0.0);

  g_assert_cmpint (dl_geometry_get_geometry_type (from_clockwise), ==, DL_GEOMETRY_POLYGON);
  g_assert_cmpuint (dl_geometry_get_n_positions (from_clockwise), ==, 5);
  ring = dl_geometry_get_positions (from_clockwise);
  assert_lonlat (ring[4], ring[0].lon, ring[0].lat, 0.0);
  g_assert_true (dl_geometry_equal (from_clockwise, parsed_area));
  assert_lonlat (dl_geometry_get_anchor (from_clockwise), 34.4, 31.4, 1e-9);

  /* Given counter-clockwise, kept in that order. */
  for (guint i = 0; i < G_N_ELEMENTS (clockwise); i++)
    counter[i] = clockwise[G_N_ELEMENTS (clockwise) - 1 - i];
  from_counter = dl_geometry_new_polygon (counter, G_N_ELEMENTS (counter));
  ring = dl_geometry_get_positions (from_counter);
  for (guint i = 0; i < G_N_ELEMENTS (counter); i++)
    assert_lonlat (ring[i], counter[i].lon, counter[i].lat, 0.0);
  assert_lonlat (ring[4], counter[0].lon, counter[0].lat, 0.0);
}

static const char * const round_trips[] = {
  "{\"type\": \"Point\", \"coordinates\": [34.4667, 31.5016, 12]}",
  "{\"type\": \"MultiPoint\", \"coordinates\": [[34.4667, 31.5016], [34.30627, 31.34018]]}",
  "{\"type\": \"LineString\", \"coordinates\": [[0.1, 0.2], [1e-7, -0.3], [-179.9, 89.9]]}",
  "{\"type\": \"MultiLineString\", \"coordinates\": [[[0, 0], [1, 1]], [[2, 2], [3, 3], [4, 4]]]}",
  "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],"
  " [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]]}",
  "{\"type\": \"MultiPolygon\", \"coordinates\": ["
  "[[[34.2, 31.2], [34.6, 31.2], [34.6, 31.6], [34.2, 31.6], [34.2, 31.2]],"
  " [[34.3, 31.3], [34.4, 31.3], [34.4, 31.4], [34.3, 31.3]]],"
  "[[[35.0, 32.0], [35.1, 32.0], [35.1, 32.1], [35.0, 32.0]]]]}",
};

static void
test_to_json (void)
{
  g_autoptr(DlGeometry) point = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autoptr(DlGeometry) geometry = parse_ok (round_trips[i]);
      g_autoptr(DlGeometry) again = NULL;
      g_autoptr(JsonNode) exported = dl_geometry_to_json (geometry);
      g_autofree char *json = json_to_string (exported, FALSE);

      g_test_message ("%s\n→ %s", round_trips[i], json);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (exported));
      again = parse_ok (json);
      g_assert_true (dl_geometry_equal (geometry, again));
      g_assert_cmpint (dl_geometry_get_geometry_type (again), ==,
                       dl_geometry_get_geometry_type (geometry));
    }

  /* The altitude is dropped. */
  point = parse_ok ("{\"type\": \"Point\", \"coordinates\": [34.5, 31.25, 100]}");
  node = dl_geometry_to_json (point);
  text = json_to_string (node, FALSE);
  g_assert_cmpstr (text, ==, "{\"type\":\"Point\",\"coordinates\":[34.5,31.25]}");
}

static void
test_equal (void)
{
  g_autoptr(DlGeometry) a = parse_ok (round_trips[4]);
  g_autoptr(DlGeometry) b = parse_ok (round_trips[4]);
  g_autoptr(DlGeometry) line = parse_ok ("{\"type\": \"LineString\", \"coordinates\": "
                                         "[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]}");
  g_autoptr(DlGeometry) moved = parse_ok ("{\"type\": \"Polygon\", \"coordinates\": "
                                          "[[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],"
                                          " [[2, 2], [2, 4], [4, 4], [4, 2.5], [2, 2]]]}");

  g_assert_true (dl_geometry_equal (a, b));
  g_assert_false (dl_geometry_equal (a, line));
  g_assert_false (dl_geometry_equal (a, moved));
}

/* Bounding boxes */

static void
test_bbox (void)
{
  DlBBox box, other, empty;
  DlLonLat center;

  dl_bbox_init_empty (&box);
  g_assert_true (dl_bbox_is_empty (&box));
  g_assert_cmpfloat (box.west, >, box.east);
  center = dl_bbox_get_center (&box);
  assert_lonlat (center, 0.0, 0.0, 0.0);
  g_assert_false (dl_bbox_contains (&box, (DlLonLat) { 0.0, 0.0 }));

  dl_bbox_extend (&box, gaza_city);
  g_assert_false (dl_bbox_is_empty (&box));
  assert_bbox (box, gaza_city.lon, gaza_city.lat, gaza_city.lon, gaza_city.lat);
  dl_bbox_extend (&box, khan_yunis);
  assert_bbox (box, khan_yunis.lon, khan_yunis.lat, gaza_city.lon, gaza_city.lat);
  center = dl_bbox_get_center (&box);
  assert_lonlat (center, (34.4667 + 34.30627) / 2, (31.5016 + 31.34018) / 2, 1e-12);
  g_assert_true (dl_bbox_contains (&box, center));
  g_assert_true (dl_bbox_contains (&box, gaza_city));

  /* On the map the middle is where the projected corners meet halfway:
   * north of the middle latitude here, and the same longitude. */
  {
    DlBBox tall = { 10.0, 0.0, 20.0, 70.0 };
    DlLonLat map_center = dl_bbox_get_map_center (&tall);
    DlBBox none;
    double x0, y0, x1, y1, x, y;

    dl_bbox_init_empty (&none);
    dl_geo_project ((DlLonLat) { tall.west, tall.north }, &x0, &y0);
    dl_geo_project ((DlLonLat) { tall.east, tall.south }, &x1, &y1);
    dl_geo_project (map_center, &x, &y);
    g_assert_cmpfloat_with_epsilon (x, (x0 + x1) / 2, 1e-12);
    g_assert_cmpfloat_with_epsilon (y, (y0 + y1) / 2, 1e-12);
    g_assert_cmpfloat_with_epsilon (map_center.lon, 15.0, 1e-9);
    g_assert_cmpfloat (map_center.lat, >, 35.0 + 5.0);
    assert_lonlat (dl_bbox_get_map_center (&none), 0.0, 0.0, 0.0);
  }
  g_assert_false (dl_bbox_contains (&box, (DlLonLat) { 35.0, 31.4 }));

  dl_bbox_init_empty (&empty);
  other = box;
  dl_bbox_union (&other, &empty);
  assert_bbox (other, box.west, box.south, box.east, box.north);
  g_assert_false (dl_bbox_intersects (&box, &empty));

  dl_bbox_union (&empty, &box);
  assert_bbox (empty, box.west, box.south, box.east, box.north);

  other = (DlBBox) { 35.0, 31.0, 36.0, 33.0 };
  g_assert_false (dl_bbox_intersects (&box, &other));
  dl_bbox_union (&other, &box);
  assert_bbox (other, khan_yunis.lon, 31.0, 36.0, 33.0);
  g_assert_true (dl_bbox_intersects (&box, &other));
  g_assert_true (dl_bbox_intersects (&other, &box));
}

/* Web Mercator */

static void
test_mercator_known (void)
{
  double x, y;
  DlLonLat p;

  dl_geo_project ((DlLonLat) { 0.0, 0.0 }, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-15);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-15);

  /* The corners of the square world. */
  dl_geo_project ((DlLonLat) { -180.0, DL_GEO_MAX_LATITUDE }, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (y, 0.0, 1e-9);
  dl_geo_project ((DlLonLat) { 180.0, -DL_GEO_MAX_LATITUDE }, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 1.0, 1e-15);
  g_assert_cmpfloat_with_epsilon (y, 1.0, 1e-9);

  /* Beyond the limit, latitudes are clamped. */
  dl_geo_project ((DlLonLat) { 0.0, 90.0 }, NULL, &y);
  g_assert_cmpfloat_with_epsilon (y, 0.0, 1e-9);
  g_assert_cmpfloat (y, >=, 0.0);
  dl_geo_project ((DlLonLat) { 0.0, -89.0 }, NULL, &y);
  g_assert_cmpfloat_with_epsilon (y, 1.0, 1e-9);
  g_assert_cmpfloat (y, <=, 1.0);

  /* Gaza City. Expected values from EPSG:3857 metres computed separately:
   * X = 3836815.4933 m, Y = 3698064.2259 m, half world 20037508.3428 m. */
  dl_geo_project (gaza_city, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5957408333333333, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.40772145511826907, 1e-12);
  g_assert_cmpfloat_with_epsilon ((x - 0.5) * 2 * G_PI * DL_GEO_MERCATOR_RADIUS_M,
                                  3836815.4933245224, 1e-3);
  g_assert_cmpfloat_with_epsilon ((0.5 - y) * 2 * G_PI * DL_GEO_MERCATOR_RADIUS_M,
                                  3698064.22585627, 1e-3);
  /* Its zoom-12 tile is (2440, 1670). */
  g_assert_cmpint ((int) floor (x * 4096), ==, 2440);
  g_assert_cmpint ((int) floor (y * 4096), ==, 1670);

  p = dl_geo_unproject (0.5, 0.5);
  assert_lonlat (p, 0.0, 0.0, 1e-12);
  p = dl_geo_unproject (0.0, 0.0);
  assert_lonlat (p, -180.0, 85.0511287798066, 1e-9);
  p = dl_geo_unproject (0.5957408333333333, 0.40772145511826907);
  assert_lonlat (p, gaza_city.lon, gaza_city.lat, 1e-10);
}

static void
test_mercator_round_trip (void)
{
  for (int lon = -180; lon <= 180; lon += 5)
    for (int lat = -85; lat <= 85; lat += 1)
      {
        DlLonLat p = { lon + 0.123456789, lat + 0.0123456789 };
        double x, y;

        if (p.lon > 180.0)
          p.lon = 180.0;
        dl_geo_project (p, &x, &y);
        g_assert_cmpfloat (x, >=, 0.0);
        g_assert_cmpfloat (x, <=, 1.0);
        g_assert_cmpfloat (y, >=, 0.0);
        g_assert_cmpfloat (y, <=, 1.0);
        assert_lonlat (dl_geo_unproject (x, y), p.lon, p.lat, 1e-9);
      }

  for (double x = 0.0; x <= 1.0; x += 1.0 / 64)
    for (double y = 0.0; y <= 1.0; y += 1.0 / 64)
      {
        double x2, y2;

        dl_geo_project (dl_geo_unproject (x, y), &x2, &y2);
        g_assert_cmpfloat_with_epsilon (x2, x, 1e-12);
        g_assert_cmpfloat_with_epsilon (y2, y, 1e-9);
      }

  /* North is up: y grows southward. */
  {
    double y_north, y_south;

    dl_geo_project ((DlLonLat) { 0.0, 10.0 }, NULL, &y_north);
    dl_geo_project ((DlLonLat) { 0.0, -10.0 }, NULL, &y_south);
    g_assert_cmpfloat (y_north, <, y_south);
  }
}

/* Distances and scale */

static void
test_distance (void)
{
  const double r = DL_GEO_EARTH_RADIUS_M;
  double d;

  /* Gaza City to Khan Yunis: the haversine formula, R = 6371008.8 m,
   * computed separately: 23535.372 m. */
  d = dl_geo_distance_m (gaza_city, khan_yunis);
  g_assert_cmpfloat_with_epsilon (d, 23535.372031930037, 0.01);
  g_assert_cmpfloat_with_epsilon (d, 23600.0, 500.0);
  g_assert_cmpfloat_with_epsilon (dl_geo_distance_m (khan_yunis, gaza_city), d, 1e-6);

  g_assert_cmpfloat (dl_geo_distance_m (gaza_city, gaza_city), ==, 0.0);
  g_assert_cmpfloat_with_epsilon (dl_geo_distance_m ((DlLonLat) { 0, 0 }, (DlLonLat) { 0, 90 }),
                                  r * G_PI / 2, 1e-6);
  g_assert_cmpfloat_with_epsilon (dl_geo_distance_m ((DlLonLat) { 0, 0 }, (DlLonLat) { 180, 0 }),
                                  r * G_PI, 1e-6);
  g_assert_cmpfloat_with_epsilon (dl_geo_distance_m ((DlLonLat) { -179.5, 0 },
                                                     (DlLonLat) { 179.5, 0 }),
                                  r * G_PI / 180, 1e-6);
  /* One degree of latitude is about 111.2 km. */
  g_assert_cmpfloat_with_epsilon (dl_geo_distance_m ((DlLonLat) { 34, 31 }, (DlLonLat) { 34, 32 }),
                                  111195.08023353292, 1e-6);
}

static void
test_metres_per_pixel (void)
{
  /* The classic 156543.03 m/px at zoom 0 on the equator. */
  g_assert_cmpfloat_with_epsilon (dl_geo_metres_per_pixel (0.0, 0.0), 156543.03392804097, 1e-6);
  g_assert_cmpfloat_with_epsilon (dl_geo_metres_per_pixel (0.0, 1.0), 156543.03392804097 / 2,
                                  1e-6);
  g_assert_cmpfloat_with_epsilon (dl_geo_metres_per_pixel (gaza_city.lat, 12.0),
                                  32.58608252420531, 1e-9);
  /* Fractional zoom, half-way between the octaves. */
  g_assert_cmpfloat_with_epsilon (dl_geo_metres_per_pixel (0.0, 0.5),
                                  156543.03392804097 / G_SQRT2, 1e-6);
  g_assert_cmpfloat (dl_geo_metres_per_pixel (90.0, 0.0), >, 0.0);
  g_assert_cmpfloat_with_epsilon (dl_geo_metres_per_pixel (60.0, 3.0),
                                  dl_geo_metres_per_pixel (-60.0, 3.0), 1e-9);
}

/* Precisions are shown and saved as a person gives them. */
static void
test_round_metres (void)
{
  g_assert_cmpfloat (dl_geo_round_metres (1234.98), ==, 1200);
  g_assert_cmpfloat (dl_geo_round_metres (1250), ==, 1300);
  g_assert_cmpfloat (dl_geo_round_metres (87.4), ==, 87);
  g_assert_cmpfloat (dl_geo_round_metres (9.96), ==, 10);
  g_assert_cmpfloat (dl_geo_round_metres (299999), ==, 300000);
  g_assert_cmpfloat (dl_geo_round_metres (0.2), ==, 1);
  g_assert_cmpfloat (dl_geo_round_metres (0), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geo/parse/point", test_parse_point);
  g_test_add_func ("/geo/parse/integers-altitude-limits", test_parse_integers_altitude_limits);
  g_test_add_func ("/geo/parse/multi-point", test_parse_multi_point);
  g_test_add_func ("/geo/parse/line-string", test_parse_line_string);
  g_test_add_func ("/geo/parse/multi-line-string", test_parse_multi_line_string);
  g_test_add_func ("/geo/parse/polygon", test_parse_polygon);
  g_test_add_func ("/geo/parse/multi-polygon", test_parse_multi_polygon);
  g_test_add_func ("/geo/parse/without-problems-or-path", test_parse_without_problems_or_path);
  g_test_add_func ("/geo/parse/bad", test_parse_bad);
  g_test_add_func ("/geo/parse/bad-type-name-quoted", test_parse_bad_type_name_quoted);
  g_test_add_func ("/geo/parse/problem-cap", test_parse_problem_cap);
  g_test_add_func ("/geo/parse/deep-nesting", test_parse_deep_nesting);
  g_test_add_func ("/geo/anchor/outside", test_anchor_outside);
  g_test_add_func ("/geo/type-names", test_type_names);
  g_test_add_func ("/geo/ref-and-boxed", test_ref_and_boxed);
  g_test_add_func ("/geo/to-json", test_to_json);
  g_test_add_func ("/geo/new-drawn", test_new_drawn);
  g_test_add_func ("/geo/equal", test_equal);
  g_test_add_func ("/geo/bbox", test_bbox);
  g_test_add_func ("/geo/mercator/known", test_mercator_known);
  g_test_add_func ("/geo/mercator/round-trip", test_mercator_round_trip);
  g_test_add_func ("/geo/distance", test_distance);
  g_test_add_func ("/geo/metres-per-pixel", test_metres_per_pixel);
  g_test_add_func ("/geo/round-metres", test_round_metres);

  return g_test_run ();
}
