/* dl-basemap-format.h: the on-disk layout of basemap.dlbm (private)
 *
 * See tools/basemap/README.md. All integers little-endian; every section
 * starts 8-byte aligned, so the structs below can be read in place from the
 * memory-mapped file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DL_BASEMAP_MAGIC "DLBASEMP"
#define DL_BASEMAP_VERSION 2
#define DL_BASEMAP_MAX_PLACE_ZOOM 14

typedef struct {
  char    magic[8];
  guint32 version;
  guint32 header_size;
  guint32 units_log2;       /* world width is 1 << units_log2 units */
  guint32 n_lods;
  guint32 lods_offset;
  guint32 n_nodes;
  guint32 nodes_offset;
  guint32 n_geoms;
  guint32 geoms_offset;
  guint32 points_size;      /* bytes of varint-coded points */
  guint32 points_offset;
  guint32 n_places;
  guint32 places_offset;
  guint32 strings_size;
  guint32 strings_offset;
  gint32  region[4];        /* detailed region x0, y0, x1, y1 in units */
  guint32 file_size;
} DlBmHeader;

typedef struct {
  guint8  zoom;             /* geometry simplified for this zoom */
  guint8  shift;            /* point grid: units = grid << shift */
  guint8  max_depth;
  guint8  reserved;
  guint32 land_root;        /* node index of the land quadtree */
  guint32 line_root;        /* node index of the line quadtree */
  guint32 water_root;       /* lakes */
  guint32 urban_root;       /* built-up areas */
  guint32 reserved2;
} DlBmLod;

enum {
  DL_BM_NODE_FULL = 1 << 0, /* the node's square is all land */
};

typedef struct {
  guint32 first_child;      /* 4 consecutive children (TL, TR, BL, BR); 0 = leaf */
  guint32 geom_first;
  guint32 geom_count;
  guint32 flags;
} DlBmNode;

enum {
  DL_BM_GEOM_LAND = 1,
  DL_BM_GEOM_WATER = 2,
  DL_BM_GEOM_URBAN = 3,
  DL_BM_GEOM_BORDER = 16,
  DL_BM_GEOM_BORDER_DISPUTED = 17,
  DL_BM_GEOM_BORDER_PSE = 18,
  DL_BM_GEOM_RIVER = 19,
  DL_BM_GEOM_REGION_BORDER = 20,
};

typedef struct {
  guint32 offset;           /* byte offset into the points section */
  guint32 n_points;
  guint16 kind;
  guint16 reserved;
  float   dash_start;       /* lines: length before this chunk, LOD pixels */
} DlBmGeom;

enum {
  DL_BM_PLACE_CITY,
  DL_BM_PLACE_CAPITAL,
  DL_BM_PLACE_COUNTRY,
  DL_BM_PLACE_SEA,
  DL_BM_PLACE_TERRITORY,
  DL_BM_PLACE_LOCALITY,
  DL_BM_PLACE_WATER,        /* a lake or river name: italic, no dot */
  DL_BM_PLACE_NEIGHBOURHOOD,/* a quarter of a city or a refugee camp */
  DL_BM_PLACE_REGION,       /* a first-level region (governorate, district) */
};

typedef struct {
  gint32  x, y;             /* units */
  guint32 name[3];          /* string offsets: en, ar, he */
  guint32 population;
  float   width_em;         /* reserved label width, in font sizes */
  guint8  kind;
  guint8  size_class;
  guint8  position[DL_BASEMAP_MAX_PLACE_ZOOM + 1]; /* per zoom; 0 = hidden */
  guint8  reserved[3];
} DlBmPlace;

G_STATIC_ASSERT (sizeof (DlBmHeader) == 88);
G_STATIC_ASSERT (sizeof (DlBmLod) == 24);
G_STATIC_ASSERT (sizeof (DlBmNode) == 16);
G_STATIC_ASSERT (sizeof (DlBmGeom) == 16);
G_STATIC_ASSERT (sizeof (DlBmPlace) == 48);

G_END_DECLS
