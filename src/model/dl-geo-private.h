/* dl-geo-private.h: a geometry's insides, shared by the files that make,
 * parse and anchor it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-geo.h"

G_BEGIN_DECLS

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

/* No real place needs more; it keeps every size computation far from
 * overflow, even on 32-bit systems. */
#define DL_GEOMETRY_MAX_POSITIONS (1u << 24)

#define DL_GEOMETRY_N_TYPES (DL_GEOMETRY_MULTI_POLYGON + 1)

/* "Point", "MultiPoint", … indexed by DlGeometryType. */
extern const char * const dl_geometry_type_names[DL_GEOMETRY_N_TYPES];

/* Copies the positions and parts into one allocation and computes the box
 * and the anchor. */
DlGeometry *dl_geometry_new_from_parts (DlGeometryType        type,
                                        const DlLonLat       *positions,
                                        guint                 n_positions,
                                        const DlGeometryPart *parts,
                                        guint                 n_parts);

/* Where the geometry's label and marker go (dl-geo-anchor.c); @geometry's
 * positions, parts and type must be set. */
DlLonLat    dl_geometry_compute_anchor (const DlGeometry     *geometry);

G_END_DECLS
