/* dl-geo-parse.c: reading a GeoJSON geometry, with every problem in it
 *
 * Its own file because most of it is error reporting: each wrong member,
 * position and ring gets a message with its place under "coordinates",
 * bounded per geometry, before anything is built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-geo"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-geo-private.h"
#include "dl-json-number-private.h"

/* Longest excerpt of a user-supplied string quoted in a message. */
#define MAX_QUOTED_CHARS 40

/* Indices below "coordinates": a MultiPolygon's number is
 * coordinates[polygon][ring][position][number]. */
#define MAX_DEPTH 4

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
                     dl_geometry_type_names[ctx->type]);
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
      dl_json_format_number (values[0], number);
      ctx_report_at (ctx, depth, _("longitude %s is out of range (−180 to 180)"), number);
    }
  if (valid[1] && !(values[1] >= -90.0 && values[1] <= 90.0))
    {
      dl_json_format_number (values[1], number);
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
                     dl_geometry_type_names[ctx->type]);
      return;
    }
  if (n > DL_GEOMETRY_MAX_POSITIONS - ctx->positions->len)
    {
      ctx_report (ctx, NULL, _("the geometry has more than %u positions"), DL_GEOMETRY_MAX_POSITIONS);
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

  for (guint i = 0; i < DL_GEOMETRY_N_TYPES; i++)
    {
      if (strcmp (name, dl_geometry_type_names[i]) == 0)
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
  for (guint i = 0; i < DL_GEOMETRY_N_TYPES; i++)
    {
      if (g_ascii_strcasecmp (name, dl_geometry_type_names[i]) == 0)
        {
          ctx_report (ctx, "type",
                      _("unknown geometry type “%s”: did you mean “%s”? (GeoJSON type "
                        "names are case-sensitive)"),
                      quoted, dl_geometry_type_names[i]);
          return FALSE;
        }
    }

  ctx_report (ctx, "type",
              _("unknown geometry type “%s” (expected Point, MultiPoint, LineString, "
                "MultiLineString, Polygon or MultiPolygon)"),
              quoted);
  return FALSE;
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

  return dl_geometry_new_from_parts (ctx.type,
                                     (const DlLonLat *) (gpointer) positions->data, positions->len,
                                     (const DlGeometryPart *) (gpointer) parts->data, parts->len);
}
