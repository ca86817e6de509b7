/* dl-geo.c: GeoJSON geometries, bounding boxes, Web Mercator and distances
 *
 * The geometry type itself, its accessors and its export, and the plain
 * arithmetic on boxes and the sphere. Reading a geometry from GeoJSON, with
 * every problem it reports, is dl-geo-parse.c; choosing where its marker
 * goes is dl-geo-anchor.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-geo"

#include <math.h>
#include <string.h>

#include "dl-geo-private.h"

G_DEFINE_BOXED_TYPE (DlGeometry, dl_geometry, dl_geometry_ref, dl_geometry_unref)

#define DEG_TO_RAD (G_PI / 180.0)

const char * const dl_geometry_type_names[DL_GEOMETRY_N_TYPES] = {
  [DL_GEOMETRY_POINT] = "Point",
  [DL_GEOMETRY_MULTI_POINT] = "MultiPoint",
  [DL_GEOMETRY_LINE_STRING] = "LineString",
  [DL_GEOMETRY_MULTI_LINE_STRING] = "MultiLineString",
  [DL_GEOMETRY_POLYGON] = "Polygon",
  [DL_GEOMETRY_MULTI_POLYGON] = "MultiPolygon",
};

/* Helpers: construction */

DlGeometry *
dl_geometry_new_from_parts (DlGeometryType        type,
                            const DlLonLat       *positions,
                            guint                 n_positions,
                            const DlGeometryPart *parts,
                            guint                 n_parts)
{
  DlGeometry *self;

  g_assert (n_positions > 0 && n_positions <= DL_GEOMETRY_MAX_POSITIONS);
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

  self->anchor = dl_geometry_compute_anchor (self);

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
dl_geometry_new_point (DlLonLat position)
{
  DlGeometryPart part = { 0, 1, 0, 0 };

  g_return_val_if_fail (position.lon >= -180.0 && position.lon <= 180.0, NULL);
  g_return_val_if_fail (position.lat >= -90.0 && position.lat <= 90.0, NULL);

  return dl_geometry_new_from_parts (DL_GEOMETRY_POINT, &position, 1, &part, 1);
}

static gboolean
position_is_valid (DlLonLat p)
{
  return p.lon >= -180.0 && p.lon <= 180.0 && p.lat >= -90.0 && p.lat <= 90.0;
}

DlGeometry *
dl_geometry_new_line_string (const DlLonLat *positions,
                             guint           n_positions)
{
  DlGeometryPart part = { 0, n_positions, 0, 0 };

  g_return_val_if_fail (positions != NULL, NULL);
  g_return_val_if_fail (n_positions >= 2 && n_positions < DL_GEOMETRY_MAX_POSITIONS, NULL);
  for (guint i = 0; i < n_positions; i++)
    g_return_val_if_fail (position_is_valid (positions[i]), NULL);

  return dl_geometry_new_from_parts (DL_GEOMETRY_LINE_STRING, positions, n_positions, &part, 1);
}

DlGeometry *
dl_geometry_new_polygon (const DlLonLat *corners,
                         guint           n_corners)
{
  g_autofree DlLonLat *ring = NULL;
  DlGeometryPart part = { 0, n_corners + 1, 0, 0 };
  double twice_area = 0.0;

  g_return_val_if_fail (corners != NULL, NULL);
  g_return_val_if_fail (n_corners >= 3 && n_corners < DL_GEOMETRY_MAX_POSITIONS - 1, NULL);
  for (guint i = 0; i < n_corners; i++)
    g_return_val_if_fail (position_is_valid (corners[i]), NULL);

  /* The shoelace formula: positive when the corners run counter-clockwise
   * (longitude east, latitude north). */
  for (guint i = 0; i < n_corners; i++)
    {
      DlLonLat a = corners[i], b = corners[(i + 1) % n_corners];

      twice_area += a.lon * b.lat - b.lon * a.lat;
    }

  ring = g_new (DlLonLat, n_corners + 1);
  for (guint i = 0; i < n_corners; i++)
    ring[i] = corners[twice_area < 0.0 ? n_corners - 1 - i : i];
  ring[n_corners] = ring[0];

  return dl_geometry_new_from_parts (DL_GEOMETRY_POLYGON, ring, n_corners + 1, &part, 1);
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
  if ((guint) type >= DL_GEOMETRY_N_TYPES)
    return NULL;

  return dl_geometry_type_names[type];
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
  json_object_set_string_member (object, "type", dl_geometry_type_names[geometry->type]);
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

DlLonLat
dl_bbox_get_map_center (const DlBBox *bbox)
{
  DlLonLat center = { 0.0, 0.0 };
  double x0, y0, x1, y1;

  g_return_val_if_fail (bbox != NULL, center);

  if (dl_bbox_is_empty (bbox))
    return center;

  dl_geo_project ((DlLonLat) { bbox->west, bbox->south }, &x0, &y1);
  dl_geo_project ((DlLonLat) { bbox->east, bbox->north }, &x1, &y0);

  return dl_geo_unproject ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
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

double
dl_geo_round_metres (double metres)
{
  double unit = pow (10, floor (log10 (MAX (metres, 1))) - 1);

  return MAX (round (metres / unit) * unit, 1);
}
