/* dl-geo.c: GeoJSON geometries, bounding boxes, Web Mercator and distances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-geo"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-geo.h"
#include "dl-stats.h"

/* One allocation per geometry: the header, then the positions, then the
 * parts. Immutable once made, so the refcount is all that ever changes. */
struct _DlGeometry
{
  gatomicrefcount  ref_count;
  DlGeometryType   type;
  guint            n_positions;
  guint            n_parts;
  guint            n_members;
  DlBBox           bbox;
  DlLonLat         anchor;
  DlGeometryPart  *parts;         /* right after positions[] */
  DlLonLat         positions[];
};

G_DEFINE_BOXED_TYPE (DlGeometry, dl_geometry, dl_geometry_ref, dl_geometry_unref)

#define DEG_TO_RAD (G_PI / 180.0)

/* No real place needs more; it keeps every size computation far from
 * overflow, even on 32-bit systems. */
#define MAX_POSITIONS (1u << 24)

/* Longest excerpt of a user-supplied string quoted in a message. */
#define MAX_QUOTED_CHARS 40

/* Indices below "coordinates": a MultiPolygon's number is
 * coordinates[polygon][ring][position][number]. */
#define MAX_DEPTH 4

static const char * const type_names[] = {
  [DL_GEOMETRY_POINT] = "Point",
  [DL_GEOMETRY_MULTI_POINT] = "MultiPoint",
  [DL_GEOMETRY_LINE_STRING] = "LineString",
  [DL_GEOMETRY_MULTI_LINE_STRING] = "MultiLineString",
  [DL_GEOMETRY_POLYGON] = "Polygon",
  [DL_GEOMETRY_MULTI_POLYGON] = "MultiPolygon",
};

typedef enum {
  EXPECT_POSITIONS,
  EXPECT_LINES,
  EXPECT_RINGS,
  EXPECT_POLYGONS,
} Expect;

typedef enum {
  RUN_POINTS,   /* a MultiPoint: every position is a part */
  RUN_LINE,
  RUN_RING,
} RunKind;

typedef struct
{
  DlProblems     *problems;        /* may be NULL */
  const char     *path;            /* the geometry's JSON path, never NULL */
  DlGeometryType  type;
  guint           n_problems;
  gboolean        stopped;
  guint           index[MAX_DEPTH];
  GArray         *positions;       /* of DlLonLat */
  GArray         *parts;           /* of DlGeometryPart */
} ParseContext;

/* Helpers: reporting */

/* Counts a problem; FALSE when the geometry has had too many and this one
 * must not be reported. */
static gboolean
ctx_take_problem (ParseContext *ctx)
{
  if (ctx->stopped)
    return FALSE;

  if (ctx->n_problems >= DL_GEOMETRY_MAX_PROBLEMS)
    {
      ctx->stopped = TRUE;
      if (ctx->problems != NULL)
        dl_problems_error (ctx->problems, ctx->path,
                           _("too many problems in this geometry, stopped after %u"),
                           (guint) DL_GEOMETRY_MAX_PROBLEMS);
      return FALSE;
    }

  ctx->n_problems++;
  return ctx->problems != NULL;
}

static void ctx_report (ParseContext *ctx,
                        const char   *member,
                        const char   *format,
                        ...) G_GNUC_PRINTF (3, 4);

/* A problem with the geometry object (@member NULL) or one of its members. */
static void
ctx_report (ParseContext *ctx,
            const char   *member,
            const char   *format,
            ...)
{
  g_autofree char *path = NULL;
  va_list args;

  if (!ctx_take_problem (ctx))
    return;

  if (member == NULL)
    path = g_strdup (ctx->path);
  else if (ctx->path[0] == '\0')
    path = g_strdup (member);
  else
    path = g_strconcat (ctx->path, ".", member, NULL);

  va_start (args, format);
  dl_problems_add_valist (ctx->problems, DL_SEVERITY_ERROR, path, format, args);
  va_end (args);
}

static void ctx_report_at (ParseContext *ctx,
                           guint         depth,
                           const char   *format,
                           ...) G_GNUC_PRINTF (3, 4);

/* A problem at coordinates[index[0]]…[index[depth - 1]]. */
static void
ctx_report_at (ParseContext *ctx,
               guint         depth,
               const char   *format,
               ...)
{
  g_autoptr(GString) path = NULL;
  va_list args;

  g_assert (depth <= MAX_DEPTH);

  if (!ctx_take_problem (ctx))
    return;

  path = g_string_new (ctx->path);
  if (path->len > 0)
    g_string_append_c (path, '.');
  g_string_append (path, "coordinates");
  for (guint i = 0; i < depth; i++)
    g_string_append_printf (path, "[%u]", ctx->index[i]);

  va_start (args, format);
  dl_problems_add_valist (ctx->problems, DL_SEVERITY_ERROR, path->str, format, args);
  va_end (args);
}

static const char *
describe_node (JsonNode *node)
{
  GType type;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      /* Translators: completes "expected …, found %s" */
      return _("an object");
    case JSON_NODE_ARRAY:
      /* Translators: completes "expected …, found %s" */
      return _("an array");
    case JSON_NODE_NULL:
      /* Translators: completes "expected …, found %s"; null is JSON's null */
      return _("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    /* Translators: completes "expected …, found %s" */
    return _("a string");
  if (type == G_TYPE_BOOLEAN)
    /* Translators: completes "expected …, found %s" */
    return _("a boolean");

  /* Translators: completes "expected …, found %s" */
  return _("a number");
}

/* A user-supplied string, safe to show: valid UTF-8, no control
 * characters, at most MAX_QUOTED_CHARS characters. */
static char *
quote_user_string (const char *string)
{
  g_autofree char *valid = g_utf8_make_valid (string, strnlen (string, 8 * MAX_QUOTED_CHARS));
  GString *out = g_string_new (NULL);
  guint n_chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n_chars == MAX_QUOTED_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      g_string_append_unichar (out, g_unichar_iscntrl (c) ? 0xFFFD : c);
      n_chars++;
    }

  return g_string_free (out, FALSE);
}

/* The shortest of %.15g and %.17g that reads back as @value: "95", "1e+308",
 * "180.0000001", in the C locale like the JSON it came from. */
static void
format_number (double value,
               char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
}

/* Helpers: parsing */

static gboolean
node_get_number (JsonNode *node,
                 double   *value)
{
  GType type;

  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;

  return TRUE;
}

/* @node is at coordinates[index[0]]…[index[depth - 1]]. Reports and
 * returns NULL if it is not an array. */
static JsonArray *
expect_array (ParseContext *ctx,
              JsonNode     *node,
              guint         depth,
              Expect        expect)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  switch (expect)
    {
    case EXPECT_POSITIONS:
      ctx_report_at (ctx, depth, _("expected an array of positions, found %s"),
                     describe_node (node));
      break;
    case EXPECT_LINES:
      ctx_report_at (ctx, depth, _("expected an array of lines, found %s"),
                     describe_node (node));
      break;
    case EXPECT_RINGS:
      ctx_report_at (ctx, depth, _("expected an array of rings, found %s"),
                     describe_node (node));
      break;
    case EXPECT_POLYGONS:
    default:
      ctx_report_at (ctx, depth, _("expected an array of polygons, found %s"),
                     describe_node (node));
      break;
    }

  return NULL;
}

/* Never looks deeper than the numbers of one position, however deeply the
 * input is nested. */
static gboolean
parse_position (ParseContext *ctx,
                JsonNode     *node,
                guint         depth,
                DlLonLat     *position)
{
  JsonArray *array;
  guint n;
  double values[3] = { 0.0, 0.0, 0.0 };
  gboolean valid[3] = { FALSE, FALSE, FALSE };
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  guint n_before = ctx->n_problems;

  g_assert (depth < MAX_DEPTH);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      ctx_report_at (ctx, depth,
                     _("expected a position (an array of 2 or 3 numbers), found %s"),
                     describe_node (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);

  if (n > 0 && JSON_NODE_HOLDS_ARRAY (json_array_get_element (array, 0)))
    {
      ctx_report_at (ctx, depth,
                     /* Translators: %s is a GeoJSON type name such as LineString */
                     _("expected a position (an array of 2 or 3 numbers), found an array of "
                       "arrays: the coordinates are nested too deeply for a %s"),
                     type_names[ctx->type]);
      return FALSE;
    }

  if (n < 2 || n > 3)
    {
      ctx_report_at (ctx, depth,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "a position needs 2 or 3 numbers (longitude, latitude and an "
                                  "optional altitude), this one has %u",
                                  "a position needs 2 or 3 numbers (longitude, latitude and an "
                                  "optional altitude), this one has %u",
                                  n),
                     n);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      valid[i] = node_get_number (element, &values[i]);
      if (!valid[i])
        {
          ctx->index[depth] = i;
          ctx_report_at (ctx, depth + 1, _("expected a number, found %s"),
                         describe_node (element));
        }
    }

  /* Written so that NaN and infinities (1e400 in JSON) fail too. */
  if (valid[0] && !(values[0] >= -180.0 && values[0] <= 180.0))
    {
      format_number (values[0], number);
      ctx_report_at (ctx, depth, _("longitude %s is out of range (−180 to 180)"), number);
    }
  if (valid[1] && !(values[1] >= -90.0 && values[1] <= 90.0))
    {
      format_number (values[1], number);
      ctx_report_at (ctx, depth, _("latitude %s is out of range (−90 to 90)"), number);
    }

  position->lon = values[0];
  position->lat = values[1];

  return ctx->n_problems == n_before && !ctx->stopped;
}

static void
add_part (ParseContext *ctx,
          guint         first,
          guint         n_positions,
          guint         member,
          guint         ring)
{
  DlGeometryPart part = { first, n_positions, member, ring };

  g_array_append_val (ctx->parts, part);
}

/* An array of positions at coordinates[index[0]]…[index[depth - 1]]. */
static void
parse_run (ParseContext *ctx,
           JsonNode     *node,
           guint         depth,
           RunKind       kind,
           guint         member,
           guint         ring)
{
  JsonArray *array;
  guint n;
  guint first = ctx->positions->len;
  guint n_before = ctx->n_problems;
  double number;

  g_assert (depth < MAX_DEPTH);

  array = expect_array (ctx, node, depth, EXPECT_POSITIONS);
  if (array == NULL)
    return;

  n = json_array_get_length (array);
  if (n > 0 && node_get_number (json_array_get_element (array, 0), &number))
    {
      /* [34.4, 31.5] where [[34.4, 31.5], …] belongs: one problem, not one
       * per number. */
      ctx_report_at (ctx, depth,
                     /* Translators: %s is a GeoJSON type name such as LineString */
                     _("expected an array of positions, found a position: the coordinates are "
                       "not nested deeply enough for a %s"),
                     type_names[ctx->type]);
      return;
    }
  if (n > MAX_POSITIONS - ctx->positions->len)
    {
      ctx_report (ctx, NULL, _("the geometry has more than %u positions"), MAX_POSITIONS);
      ctx->stopped = TRUE;
      return;
    }

  for (guint i = 0; i < n && !ctx->stopped; i++)
    {
      DlLonLat position = { 0.0, 0.0 };

      ctx->index[depth] = i;
      parse_position (ctx, json_array_get_element (array, i), depth + 1, &position);
      g_array_append_val (ctx->positions, position);
      if (kind == RUN_POINTS)
        add_part (ctx, first + i, 1, i, 0);
    }

  if (ctx->stopped)
    return;

  switch (kind)
    {
    case RUN_POINTS:
      if (n == 0)
        ctx_report_at (ctx, depth, _("a MultiPoint needs at least 1 position"));
      break;

    case RUN_LINE:
      if (n < 2)
        ctx_report_at (ctx, depth,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "a LineString needs at least 2 positions, this one has %u",
                                    "a LineString needs at least 2 positions, this one has %u",
                                    n),
                       n);
      add_part (ctx, first, n, member, 0);
      break;

    case RUN_RING:
    default:
      if (n < 4)
        {
          ctx_report_at (ctx, depth,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "a polygon ring needs at least 4 positions, this one has %u",
                                      "a polygon ring needs at least 4 positions, this one has %u",
                                      n),
                         n);
        }
      else if (ctx->n_problems == n_before)
        {
          const DlLonLat *a = &g_array_index (ctx->positions, DlLonLat, first);
          const DlLonLat *b = &g_array_index (ctx->positions, DlLonLat, first + n - 1);

          if (a->lon != b->lon || a->lat != b->lat)
            ctx_report_at (ctx, depth,
                           _("the ring is not closed: its last position must equal its first"));
        }
      add_part (ctx, first, n, member, ring);
      break;
    }
}

/* The rings of one polygon, at coordinates[index[0]]…[index[depth - 1]]. */
static void
parse_polygon (ParseContext *ctx,
               JsonNode     *node,
               guint         depth,
               guint         member)
{
  JsonArray *array = expect_array (ctx, node, depth, EXPECT_RINGS);
  guint n;

  if (array == NULL)
    return;

  n = json_array_get_length (array);
  if (n == 0)
    ctx_report_at (ctx, depth, _("a polygon needs at least 1 ring (its outer boundary)"));

  for (guint i = 0; i < n && !ctx->stopped; i++)
    {
      ctx->index[depth] = i;
      parse_run (ctx, json_array_get_element (array, i), depth + 1, RUN_RING, member, i);
    }
}

static void
parse_coordinates (ParseContext *ctx,
                   JsonNode     *node)
{
  JsonArray *array;
  DlLonLat position = { 0.0, 0.0 };
  guint n;

  switch (ctx->type)
    {
    case DL_GEOMETRY_POINT:
      parse_position (ctx, node, 0, &position);
      g_array_append_val (ctx->positions, position);
      add_part (ctx, 0, 1, 0, 0);
      break;

    case DL_GEOMETRY_MULTI_POINT:
      parse_run (ctx, node, 0, RUN_POINTS, 0, 0);
      break;

    case DL_GEOMETRY_LINE_STRING:
      parse_run (ctx, node, 0, RUN_LINE, 0, 0);
      break;

    case DL_GEOMETRY_MULTI_LINE_STRING:
      array = expect_array (ctx, node, 0, EXPECT_LINES);
      if (array == NULL)
        break;
      n = json_array_get_length (array);
      if (n == 0)
        ctx_report_at (ctx, 0, _("a MultiLineString needs at least 1 line"));
      for (guint i = 0; i < n && !ctx->stopped; i++)
        {
          ctx->index[0] = i;
          parse_run (ctx, json_array_get_element (array, i), 1, RUN_LINE, i, 0);
        }
      break;

    case DL_GEOMETRY_POLYGON:
      parse_polygon (ctx, node, 0, 0);
      break;

    case DL_GEOMETRY_MULTI_POLYGON:
    default:
      array = expect_array (ctx, node, 0, EXPECT_POLYGONS);
      if (array == NULL)
        break;
      n = json_array_get_length (array);
      if (n == 0)
        ctx_report_at (ctx, 0, _("a MultiPolygon needs at least 1 polygon"));
      for (guint i = 0; i < n && !ctx->stopped; i++)
        {
          ctx->index[0] = i;
          parse_polygon (ctx, json_array_get_element (array, i), 1, i);
        }
      break;
    }
}

/* TRUE if @name is a supported geometry type, else reports why not.
 * *@has_coordinates tells whether a "coordinates" member is expected. */
static gboolean
parse_type (ParseContext *ctx,
            const char   *name,
            gboolean     *has_coordinates)
{
  g_autofree char *quoted = NULL;

  *has_coordinates = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    {
      if (strcmp (name, type_names[i]) == 0)
        {
          ctx->type = (DlGeometryType) i;
          return TRUE;
        }
    }

  *has_coordinates = FALSE;

  if (strcmp (name, "GeometryCollection") == 0)
    {
      ctx_report (ctx, "type",
                  _("GeometryCollection is not supported: use MultiPoint, MultiLineString or "
                    "MultiPolygon, or give the place a single geometry"));
      return FALSE;
    }
  if (strcmp (name, "Feature") == 0)
    {
      ctx_report (ctx, "type",
                  _("a Feature is not a geometry: use the object in its “geometry” member"));
      return FALSE;
    }
  if (strcmp (name, "FeatureCollection") == 0)
    {
      ctx_report (ctx, "type",
                  _("a FeatureCollection is not a geometry: give each place a single geometry"));
      return FALSE;
    }

  quoted = quote_user_string (name);
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    {
      if (g_ascii_strcasecmp (name, type_names[i]) == 0)
        {
          ctx_report (ctx, "type",
                      _("unknown geometry type “%s”: did you mean “%s”? (GeoJSON type "
                        "names are case-sensitive)"),
                      quoted, type_names[i]);
          return FALSE;
        }
    }

  ctx_report (ctx, "type",
              _("unknown geometry type “%s” (expected Point, MultiPoint, LineString, "
                "MultiLineString, Polygon or MultiPolygon)"),
              quoted);
  return FALSE;
}

/* Helpers: anchors */

static DlLonLat
lerp (DlLonLat a,
      DlLonLat b,
      double   t)
{
  DlLonLat p = { a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t };

  return p;
}

/* The position nearest to the mean of all positions. */
static DlLonLat
anchor_points (const DlGeometry *self)
{
  double lon = 0.0, lat = 0.0;
  double best = G_MAXDOUBLE;
  guint best_index = 0;

  for (guint i = 0; i < self->n_positions; i++)
    {
      lon += self->positions[i].lon;
      lat += self->positions[i].lat;
    }
  lon /= self->n_positions;
  lat /= self->n_positions;

  for (guint i = 0; i < self->n_positions; i++)
    {
      double dx = self->positions[i].lon - lon;
      double dy = self->positions[i].lat - lat;

      if (dx * dx + dy * dy < best)
        {
          best = dx * dx + dy * dy;
          best_index = i;
        }
    }

  return self->positions[best_index];
}

/* Half-way along all lines, measured on the sphere; interpolated linearly
 * within the segment where that falls. */
static DlLonLat
anchor_lines (const DlGeometry *self)
{
  double total = 0.0;
  double walked = 0.0;
  double half;

  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlLonLat *p = self->positions + self->parts[i].first;

      for (guint j = 1; j < self->parts[i].n_positions; j++)
        total += dl_geo_distance_m (p[j - 1], p[j]);
    }

  if (!(total > 0.0))
    return self->positions[0];

  half = total / 2.0;
  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlLonLat *p = self->positions + self->parts[i].first;

      for (guint j = 1; j < self->parts[i].n_positions; j++)
        {
          double d = dl_geo_distance_m (p[j - 1], p[j]);

          if (d > 0.0 && walked + d >= half)
            return lerp (p[j - 1], p[j], CLAMP ((half - walked) / d, 0.0, 1.0));
          walked += d;
        }
    }

  return self->positions[self->n_positions - 1];
}

/* Even–odd rule over every ring: inside a polygon and outside its holes. */
static gboolean
contains_point (const DlGeometry *self,
                DlLonLat          q)
{
  gboolean inside = FALSE;

  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlLonLat *p = self->positions + self->parts[i].first;
      guint n = self->parts[i].n_positions;

      for (guint j = 0, k = n - 1; j < n; k = j++)
        {
          if ((p[j].lat > q.lat) != (p[k].lat > q.lat) &&
              q.lon < p[j].lon + (q.lat - p[j].lat) * (p[k].lon - p[j].lon) / (p[k].lat - p[j].lat))
            inside = !inside;
        }
    }

  return inside;
}

/* A point inside polygon @member (JTS's interior point): cut it with a
 * horizontal line that passes through no vertex, near the middle of its
 * height, and take the middle of the widest stretch inside. */
static DlLonLat
point_on_surface (const DlGeometry *self,
                  guint             member)
{
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (double));
  const DlGeometryPart *outer = NULL;
  double south = G_MAXDOUBLE, north = -G_MAXDOUBLE;
  double middle, below, above, y;
  double best_width = -1.0;
  DlLonLat best;

  for (guint i = 0; i < self->n_parts; i++)
    {
      if (self->parts[i].member == member && self->parts[i].ring == 0)
        {
          outer = &self->parts[i];
          break;
        }
    }
  g_assert (outer != NULL);
  best = self->positions[outer->first];

  for (guint j = 0; j < outer->n_positions; j++)
    {
      south = MIN (south, self->positions[outer->first + j].lat);
      north = MAX (north, self->positions[outer->first + j].lat);
    }
  middle = (south + north) / 2.0;

  below = south;
  above = north;
  for (guint i = 0; i < self->n_parts; i++)
    {
      if (self->parts[i].member != member)
        continue;
      for (guint j = 0; j < self->parts[i].n_positions; j++)
        {
          double lat = self->positions[self->parts[i].first + j].lat;

          if (lat <= middle && lat > below)
            below = lat;
          if (lat > middle && lat < above)
            above = lat;
        }
    }
  y = (below + above) / 2.0;

  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlLonLat *p = self->positions + self->parts[i].first;
      guint n = self->parts[i].n_positions;

      if (self->parts[i].member != member)
        continue;
      for (guint j = 0, k = n - 1; j < n; k = j++)
        {
          if ((p[j].lat > y) != (p[k].lat > y))
            {
              double x = p[j].lon + (y - p[j].lat) * (p[k].lon - p[j].lon) / (p[k].lat - p[j].lat);

              g_array_append_val (crossings, x);
            }
        }
    }

  g_array_sort (crossings, dl_compare_doubles);
  for (guint i = 0; i + 1 < crossings->len; i += 2)
    {
      double west = g_array_index (crossings, double, i);
      double east = g_array_index (crossings, double, i + 1);

      if (east - west > best_width)
        {
          best_width = east - west;
          best.lon = (west + east) / 2.0;
          best.lat = y;
        }
    }

  return best;
}

/* The area-weighted centroid if it lies inside, else a point inside the
 * largest polygon. Areas are planar in degrees, which is fine for choosing
 * a label position. */
static DlLonLat
anchor_polygons (const DlGeometry *self)
{
  DlLonLat origin = self->positions[0];
  double area = 0.0, moment_lon = 0.0, moment_lat = 0.0;
  double member_area = 0.0, largest_area = -1.0;
  guint largest = 0;

  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlGeometryPart *part = &self->parts[i];
      const DlLonLat *p = self->positions + part->first;
      double a = 0.0, mx = 0.0, my = 0.0;
      double sign;

      /* Twice the signed area, and three times that times the centroid,
       * relative to @origin to keep precision. */
      for (guint j = 0; j + 1 < part->n_positions; j++)
        {
          double x0 = p[j].lon - origin.lon, y0 = p[j].lat - origin.lat;
          double x1 = p[j + 1].lon - origin.lon, y1 = p[j + 1].lat - origin.lat;
          double cross = x0 * y1 - x1 * y0;

          a += cross;
          mx += (x0 + x1) * cross;
          my += (y0 + y1) * cross;
        }

      /* Whatever the winding, outer rings add and holes subtract. */
      sign = (a >= 0.0) == (part->ring == 0) ? 1.0 : -1.0;
      area += sign * a;
      moment_lon += sign * mx;
      moment_lat += sign * my;

      if (part->ring == 0)
        member_area = 0.0;
      member_area += sign * a;
      if (i + 1 == self->n_parts || self->parts[i + 1].member != part->member)
        {
          if (member_area > largest_area)
            {
              largest_area = member_area;
              largest = part->member;
            }
        }
    }

  if (area > 0.0)
    {
      DlLonLat centroid = {
        origin.lon + moment_lon / (3.0 * area),
        origin.lat + moment_lat / (3.0 * area),
      };

      if (isfinite (centroid.lon) && isfinite (centroid.lat) && contains_point (self, centroid))
        return centroid;
    }

  return point_on_surface (self, largest);
}

/* Helpers: construction */

static DlGeometry *
geometry_new (DlGeometryType        type,
              const DlLonLat       *positions,
              guint                 n_positions,
              const DlGeometryPart *parts,
              guint                 n_parts)
{
  DlGeometry *self;

  g_assert (n_positions > 0 && n_positions <= MAX_POSITIONS);
  g_assert (n_parts > 0 && n_parts <= n_positions);

  self = g_malloc (sizeof (DlGeometry)
                   + n_positions * sizeof (DlLonLat)
                   + n_parts * sizeof (DlGeometryPart));
  g_atomic_ref_count_init (&self->ref_count);
  self->type = type;
  self->n_positions = n_positions;
  self->n_parts = n_parts;
  self->parts = (DlGeometryPart *) (self->positions + n_positions);
  memcpy (self->positions, positions, n_positions * sizeof (DlLonLat));
  memcpy (self->parts, parts, n_parts * sizeof (DlGeometryPart));
  self->n_members = parts[n_parts - 1].member + 1;

  dl_bbox_init_empty (&self->bbox);
  for (guint i = 0; i < n_positions; i++)
    dl_bbox_extend (&self->bbox, positions[i]);

  switch (type)
    {
    case DL_GEOMETRY_POINT:
      self->anchor = positions[0];
      break;
    case DL_GEOMETRY_MULTI_POINT:
      self->anchor = anchor_points (self);
      break;
    case DL_GEOMETRY_LINE_STRING:
    case DL_GEOMETRY_MULTI_LINE_STRING:
      self->anchor = anchor_lines (self);
      break;
    case DL_GEOMETRY_POLYGON:
    case DL_GEOMETRY_MULTI_POLYGON:
    default:
      self->anchor = anchor_polygons (self);
      break;
    }

  return self;
}

/* Helpers: export */

static JsonNode *
take_array (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

static JsonNode *
position_to_json (DlLonLat p)
{
  JsonArray *array = json_array_sized_new (2);

  json_array_add_double_element (array, p.lon);
  json_array_add_double_element (array, p.lat);

  return take_array (array);
}

static JsonNode *
run_to_json (const DlGeometry     *self,
             const DlGeometryPart *part)
{
  JsonArray *array = json_array_sized_new (part->n_positions);

  for (guint i = 0; i < part->n_positions; i++)
    json_array_add_element (array, position_to_json (self->positions[part->first + i]));

  return take_array (array);
}


/* Public API */

DlGeometry *
dl_geometry_parse (JsonNode   *node,
                   const char *path,
                   DlProblems *problems)
{
  ParseContext ctx = { 0 };
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) parts = NULL;
  JsonObject *object;
  JsonNode *type_node;
  JsonNode *coordinates;
  gboolean type_ok = FALSE;
  gboolean has_coordinates = TRUE;

  g_return_val_if_fail (node != NULL, NULL);

  ctx.problems = problems;
  ctx.path = path != NULL ? path : "";

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      ctx_report (&ctx, NULL,
                  _("expected a GeoJSON geometry (an object with “type” and "
                    "“coordinates”), found %s"),
                  describe_node (node));
      return NULL;
    }

  object = json_node_get_object (node);
  type_node = json_object_get_member (object, "type");
  coordinates = json_object_get_member (object, "coordinates");

  if (type_node == NULL)
    ctx_report (&ctx, NULL, _("the geometry has no “type”"));
  else if (JSON_NODE_TYPE (type_node) != JSON_NODE_VALUE
           || json_node_get_value_type (type_node) != G_TYPE_STRING)
    ctx_report (&ctx, "type", _("expected the geometry type as a string, found %s"),
                describe_node (type_node));
  else
    type_ok = parse_type (&ctx, json_node_get_string (type_node), &has_coordinates);

  if (coordinates == NULL)
    {
      if (has_coordinates)
        ctx_report (&ctx, NULL, _("the geometry has no “coordinates”"));
      return NULL;
    }

  if (!type_ok)
    return NULL;

  positions = g_array_new (FALSE, FALSE, sizeof (DlLonLat));
  parts = g_array_new (FALSE, FALSE, sizeof (DlGeometryPart));
  ctx.positions = positions;
  ctx.parts = parts;

  parse_coordinates (&ctx, coordinates);

  if (ctx.n_problems > 0 || ctx.stopped)
    return NULL;

  return geometry_new (ctx.type,
                       (const DlLonLat *) (gpointer) positions->data, positions->len,
                       (const DlGeometryPart *) (gpointer) parts->data, parts->len);
}

DlGeometry *
dl_geometry_new_point (DlLonLat position)
{
  DlGeometryPart part = { 0, 1, 0, 0 };

  g_return_val_if_fail (position.lon >= -180.0 && position.lon <= 180.0, NULL);
  g_return_val_if_fail (position.lat >= -90.0 && position.lat <= 90.0, NULL);

  return geometry_new (DL_GEOMETRY_POINT, &position, 1, &part, 1);
}

DlGeometry *
dl_geometry_ref (DlGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, NULL);

  g_atomic_ref_count_inc (&geometry->ref_count);

  return geometry;
}

void
dl_geometry_unref (DlGeometry *geometry)
{
  g_return_if_fail (geometry != NULL);

  if (g_atomic_ref_count_dec (&geometry->ref_count))
    g_free (geometry);
}

DlGeometryType
dl_geometry_get_geometry_type (const DlGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, DL_GEOMETRY_POINT);

  return geometry->type;
}

const char *
dl_geometry_type_to_string (DlGeometryType type)
{
  if ((guint) type >= G_N_ELEMENTS (type_names))
    return NULL;

  return type_names[type];
}

gboolean
dl_geometry_is_polygonal (const DlGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, FALSE);

  return geometry->type == DL_GEOMETRY_POLYGON || geometry->type == DL_GEOMETRY_MULTI_POLYGON;
}

guint
dl_geometry_get_n_positions (const DlGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, 0);

  return geometry->n_positions;
}

const DlLonLat *
dl_geometry_get_positions (const DlGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, NULL);

  return geometry->positions;
}

guint
dl_geometry_get_n_parts (const DlGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, 0);

  return geometry->n_parts;
}

const DlGeometryPart *
dl_geometry_get_parts (const DlGeometry *geometry,
                       guint            *n_parts)
{
  g_return_val_if_fail (geometry != NULL, NULL);

  if (n_parts != NULL)
    *n_parts = geometry->n_parts;

  return geometry->parts;
}

void
dl_geometry_get_part (const DlGeometry *geometry,
                      guint             index,
                      guint            *first,
                      guint            *n_positions)
{
  g_return_if_fail (geometry != NULL);
  g_return_if_fail (index < geometry->n_parts);

  if (first != NULL)
    *first = geometry->parts[index].first;
  if (n_positions != NULL)
    *n_positions = geometry->parts[index].n_positions;
}

guint
dl_geometry_get_n_members (const DlGeometry *geometry)
{
  g_return_val_if_fail (geometry != NULL, 0);

  return geometry->n_members;
}

DlBBox
dl_geometry_get_bbox (const DlGeometry *geometry)
{
  DlBBox empty;

  dl_bbox_init_empty (&empty);
  g_return_val_if_fail (geometry != NULL, empty);

  return geometry->bbox;
}

DlLonLat
dl_geometry_get_anchor (const DlGeometry *geometry)
{
  DlLonLat zero = { 0.0, 0.0 };

  g_return_val_if_fail (geometry != NULL, zero);

  return geometry->anchor;
}

gboolean
dl_geometry_equal (const DlGeometry *a,
                   const DlGeometry *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  if (a->type != b->type || a->n_positions != b->n_positions || a->n_parts != b->n_parts)
    return FALSE;

  for (guint i = 0; i < a->n_positions; i++)
    {
      if (a->positions[i].lon != b->positions[i].lon || a->positions[i].lat != b->positions[i].lat)
        return FALSE;
    }

  return memcmp (a->parts, b->parts, a->n_parts * sizeof (DlGeometryPart)) == 0;
}

JsonNode *
dl_geometry_to_json (const DlGeometry *geometry)
{
  JsonObject *object;
  JsonNode *coordinates = NULL;
  JsonArray *array;
  JsonArray *polygon = NULL;
  JsonNode *node;

  g_return_val_if_fail (geometry != NULL, NULL);

  switch (geometry->type)
    {
    case DL_GEOMETRY_POINT:
      coordinates = position_to_json (geometry->positions[0]);
      break;

    case DL_GEOMETRY_LINE_STRING:
      coordinates = run_to_json (geometry, &geometry->parts[0]);
      break;

    case DL_GEOMETRY_MULTI_POINT:
    case DL_GEOMETRY_MULTI_LINE_STRING:
    case DL_GEOMETRY_POLYGON:
      array = json_array_sized_new (geometry->n_parts);
      for (guint i = 0; i < geometry->n_parts; i++)
        {
          if (geometry->type == DL_GEOMETRY_MULTI_POINT)
            json_array_add_element (array, position_to_json (geometry->positions[i]));
          else
            json_array_add_element (array, run_to_json (geometry, &geometry->parts[i]));
        }
      coordinates = take_array (array);
      break;

    case DL_GEOMETRY_MULTI_POLYGON:
    default:
      array = json_array_sized_new (geometry->n_members);
      for (guint i = 0; i < geometry->n_parts; i++)
        {
          if (geometry->parts[i].ring == 0)
            {
              polygon = json_array_new ();
              json_array_add_array_element (array, polygon);
            }
          g_assert (polygon != NULL);
          json_array_add_element (polygon, run_to_json (geometry, &geometry->parts[i]));
        }
      coordinates = take_array (array);
      break;
    }

  object = json_object_new ();
  json_object_set_string_member (object, "type", type_names[geometry->type]);
  json_object_set_member (object, "coordinates", coordinates);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

void
dl_bbox_init_empty (DlBBox *bbox)
{
  g_return_if_fail (bbox != NULL);

  bbox->west = bbox->south = G_MAXDOUBLE;
  bbox->east = bbox->north = -G_MAXDOUBLE;
}

gboolean
dl_bbox_is_empty (const DlBBox *bbox)
{
  g_return_val_if_fail (bbox != NULL, TRUE);

  return bbox->west > bbox->east || bbox->south > bbox->north;
}

void
dl_bbox_extend (DlBBox   *bbox,
                DlLonLat  p)
{
  g_return_if_fail (bbox != NULL);

  bbox->west = MIN (bbox->west, p.lon);
  bbox->east = MAX (bbox->east, p.lon);
  bbox->south = MIN (bbox->south, p.lat);
  bbox->north = MAX (bbox->north, p.lat);
}

void
dl_bbox_union (DlBBox       *bbox,
               const DlBBox *other)
{
  g_return_if_fail (bbox != NULL);
  g_return_if_fail (other != NULL);

  if (dl_bbox_is_empty (other))
    return;
  if (dl_bbox_is_empty (bbox))
    {
      *bbox = *other;
      return;
    }

  bbox->west = MIN (bbox->west, other->west);
  bbox->east = MAX (bbox->east, other->east);
  bbox->south = MIN (bbox->south, other->south);
  bbox->north = MAX (bbox->north, other->north);
}

gboolean
dl_bbox_contains (const DlBBox *bbox,
                  DlLonLat      p)
{
  g_return_val_if_fail (bbox != NULL, FALSE);

  return p.lon >= bbox->west && p.lon <= bbox->east
         && p.lat >= bbox->south && p.lat <= bbox->north;
}

gboolean
dl_bbox_intersects (const DlBBox *a,
                    const DlBBox *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (dl_bbox_is_empty (a) || dl_bbox_is_empty (b))
    return FALSE;

  return a->west <= b->east && b->west <= a->east
         && a->south <= b->north && b->south <= a->north;
}

DlLonLat
dl_bbox_get_center (const DlBBox *bbox)
{
  DlLonLat center = { 0.0, 0.0 };

  g_return_val_if_fail (bbox != NULL, center);

  if (!dl_bbox_is_empty (bbox))
    {
      center.lon = (bbox->west + bbox->east) / 2.0;
      center.lat = (bbox->south + bbox->north) / 2.0;
    }

  return center;
}

void
dl_geo_project (DlLonLat  p,
                double   *x,
                double   *y)
{
  double lat = CLAMP (p.lat, -DL_GEO_MAX_LATITUDE, DL_GEO_MAX_LATITUDE);

  if (x != NULL)
    *x = (p.lon + 180.0) / 360.0;
  if (y != NULL)
    *y = CLAMP (0.5 - asinh (tan (lat * DEG_TO_RAD)) / (2.0 * G_PI), 0.0, 1.0);
}

DlLonLat
dl_geo_unproject (double x,
                  double y)
{
  DlLonLat p = {
    x * 360.0 - 180.0,
    atan (sinh (G_PI * (1.0 - 2.0 * y))) / DEG_TO_RAD,
  };

  return p;
}

double
dl_geo_distance_m (DlLonLat a,
                   DlLonLat b)
{
  double phi1 = a.lat * DEG_TO_RAD;
  double phi2 = b.lat * DEG_TO_RAD;
  double sin_dphi = sin ((phi2 - phi1) / 2.0);
  double sin_dlambda = sin ((b.lon - a.lon) * DEG_TO_RAD / 2.0);
  double h = sin_dphi * sin_dphi + cos (phi1) * cos (phi2) * sin_dlambda * sin_dlambda;

  return 2.0 * DL_GEO_EARTH_RADIUS_M * asin (sqrt (CLAMP (h, 0.0, 1.0)));
}

double
dl_geo_metres_per_pixel (double latitude,
                         double zoom)
{
  double lat = CLAMP (latitude, -DL_GEO_MAX_LATITUDE, DL_GEO_MAX_LATITUDE);

  return 2.0 * G_PI * DL_GEO_MERCATOR_RADIUS_M * cos (lat * DEG_TO_RAD)
         / (DL_GEO_TILE_SIZE * exp2 (zoom));
}
