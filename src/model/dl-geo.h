/* dl-geo.h: GeoJSON geometries, bounding boxes, Web Mercator and distances
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "dl-problems.h"

G_BEGIN_DECLS

typedef enum {
  DL_GEOMETRY_POINT,
  DL_GEOMETRY_MULTI_POINT,
  DL_GEOMETRY_LINE_STRING,
  DL_GEOMETRY_MULTI_LINE_STRING,
  DL_GEOMETRY_POLYGON,
  DL_GEOMETRY_MULTI_POLYGON,
} DlGeometryType;

typedef struct {
  double lon;   /* degrees east, −180 to 180 */
  double lat;   /* degrees north, −90 to 90 */
} DlLonLat;

/* In degrees. Empty when west > east (or south > north). No antimeridian
 * handling: a box always runs from west to east through 0°. */
typedef struct {
  double west, south, east, north;
} DlBBox;

/* One run of consecutive positions: a point, a line or a polygon ring.
 *
 * @member is the index of the point, line or polygon within a Multi*
 * geometry (0 for Point, LineString and Polygon). For Polygon and
 * MultiPolygon, @ring is the ring's index within its polygon: ring 0 is the
 * outer ring, the others are holes; it is 0 for the other types. Parts are
 * stored in order: all rings of polygon 0, then all rings of polygon 1, … */
typedef struct {
  guint first;         /* index of the first position */
  guint n_positions;
  guint member;
  guint ring;
} DlGeometryPart;

/* A parsed, validated GeoJSON geometry (RFC 7946). Immutable and
 * refcounted (thread-safe refcount): share it freely between threads. */
typedef struct _DlGeometry DlGeometry;

/* Problems reported for one geometry before parsing gives up on it. */
#define DL_GEOMETRY_MAX_PROBLEMS 20

#define DL_TYPE_GEOMETRY (dl_geometry_get_type ())

GType           dl_geometry_get_type           (void) G_GNUC_CONST;

/* Parses a GeoJSON geometry object. @path is the JSON path of @node
 * ("places[2].geometry"); every problem is added to @problems (may be NULL)
 * under a precise sub-path ("places[2].geometry.coordinates[0][3]").
 * A third number in a position (altitude) is accepted and dropped; other
 * members of the object ("bbox", foreign members) are ignored.
 * Returns NULL if there was any error. */
DlGeometry     *dl_geometry_parse              (JsonNode          *node,
                                                const char        *path,
                                                DlProblems        *problems);
DlGeometry     *dl_geometry_new_point          (DlLonLat           position);
/* A LineString through @n_positions (≥ 2) positions, in order. */
DlGeometry     *dl_geometry_new_line_string    (const DlLonLat    *positions,
                                                guint              n_positions);
/* A Polygon whose outer ring has the @n_corners (≥ 3) corners: closed (the
 * first repeated at the end) and counter-clockwise, as RFC 7946 asks,
 * whichever way they were given. */
DlGeometry     *dl_geometry_new_polygon        (const DlLonLat    *corners,
                                                guint              n_corners);
DlGeometry     *dl_geometry_ref                (DlGeometry        *geometry);
void            dl_geometry_unref              (DlGeometry        *geometry);

DlGeometryType  dl_geometry_get_geometry_type  (const DlGeometry  *geometry);
/* "Point", "MultiPoint", … as spelled in GeoJSON; NULL for an invalid value. */
const char     *dl_geometry_type_to_string     (DlGeometryType     type);
/* TRUE for Polygon and MultiPolygon. */
gboolean        dl_geometry_is_polygonal       (const DlGeometry  *geometry);

/* Flat access for renderers: all positions in document order, and the parts
 * (runs of positions) that they make up. No allocation, O(1). */
guint           dl_geometry_get_n_positions    (const DlGeometry  *geometry);
const DlLonLat *dl_geometry_get_positions      (const DlGeometry  *geometry);
guint           dl_geometry_get_n_parts        (const DlGeometry  *geometry);
const DlGeometryPart *dl_geometry_get_parts    (const DlGeometry  *geometry,
                                                guint             *n_parts);
void            dl_geometry_get_part           (const DlGeometry  *geometry,
                                                guint              index,
                                                guint             *first,
                                                guint             *n_positions);
/* Points of a MultiPoint, lines of a MultiLineString, polygons of a
 * MultiPolygon; 1 for the single types. */
guint           dl_geometry_get_n_members      (const DlGeometry  *geometry);

/* Both computed once, when the geometry is made. */
DlBBox          dl_geometry_get_bbox           (const DlGeometry  *geometry);
/* A representative point, always on the geometry: a Point itself; for a
 * MultiPoint the point nearest to their mean; the middle (by great-circle
 * length) of a LineString or MultiLineString; for polygons the area-weighted
 * centroid if it lies inside, else a point inside the largest polygon. */
DlLonLat        dl_geometry_get_anchor         (const DlGeometry  *geometry);

/* Same type and identical positions and parts. */
gboolean        dl_geometry_equal              (const DlGeometry  *a,
                                                const DlGeometry  *b);
/* A GeoJSON geometry object ("type" and "coordinates"), for export. */
JsonNode       *dl_geometry_to_json            (const DlGeometry  *geometry);

void            dl_bbox_init_empty             (DlBBox            *bbox);
gboolean        dl_bbox_is_empty               (const DlBBox      *bbox);
void            dl_bbox_extend                 (DlBBox            *bbox,
                                                DlLonLat           p);
void            dl_bbox_union                  (DlBBox            *bbox,
                                                const DlBBox      *other);
gboolean        dl_bbox_contains               (const DlBBox      *bbox,
                                                DlLonLat           p);
gboolean        dl_bbox_intersects             (const DlBBox      *a,
                                                const DlBBox      *b);
/* The centre in degrees; (0, 0) for an empty box. */
DlLonLat        dl_bbox_get_center             (const DlBBox      *bbox);
/* The centre as the map shows it: the middle of the box in Web Mercator,
 * north of the middle latitude in the northern hemisphere; (0, 0) for an
 * empty box. What a view centred on the box is centred on. */
DlLonLat        dl_bbox_get_map_center         (const DlBBox      *bbox);

/* Web Mercator (EPSG:3857), normalized: x from 0 (180° W) to 1 (180° E),
 * y from 0 (north) to 1 (south). Latitudes are clamped to
 * ±DL_GEO_MAX_LATITUDE; longitudes are not wrapped. */
#define DL_GEO_MAX_LATITUDE 85.05112878
/* Mean Earth radius (IUGG), for distances. */
#define DL_GEO_EARTH_RADIUS_M 6371008.8
/* WGS 84 equatorial radius, the sphere of Web Mercator. */
#define DL_GEO_MERCATOR_RADIUS_M 6378137.0
#define DL_GEO_TILE_SIZE 256

void            dl_geo_project                 (DlLonLat           p,
                                                double            *x,
                                                double            *y);
DlLonLat        dl_geo_unproject               (double             x,
                                                double             y);
/* Great-circle distance in metres (haversine, R = DL_GEO_EARTH_RADIUS_M). */
double          dl_geo_distance_m              (DlLonLat           a,
                                                DlLonLat           b);
/* Ground metres per pixel at @latitude on a Web Mercator map at @zoom with
 * 256 px tiles (156543.03 m at the equator at zoom 0). */
double          dl_geo_metres_per_pixel        (double             latitude,
                                                double             zoom);
/* A distance as a person would give it: two significant digits, at least
 * 1 m (1,200 m, not 1,234.98 m). */
double          dl_geo_round_metres            (double             metres);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlGeometry, dl_geometry_unref)

G_END_DECLS
