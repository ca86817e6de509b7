/* dl-sketch.h: a line or an area being drawn on the map, corner by corner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-geo.h"

G_BEGIN_DECLS

/* What a click on the map makes while an event is edited. */
typedef enum {
  DL_SKETCH_POINT,   /* a click places the event (nothing is sketched) */
  DL_SKETCH_LINE,    /* clicks add corners of a LineString */
  DL_SKETCH_AREA,    /* clicks add corners of a Polygon's outer ring */
} DlSketchShape;

#define DL_TYPE_SKETCH (dl_sketch_get_type ())

G_DECLARE_FINAL_TYPE (DlSketch, dl_sketch, DL, SKETCH, GObject)

/* The shape the editor's Point / Line / Area buttons choose, and the
 * corners clicked so far: what the map's sketch layer draws, and what
 * becomes the event's place when finished. "changed" is emitted on every
 * change of either; "shape" is also notified. */
DlSketch       *dl_sketch_new               (void);
/* Starts over: the corners are dropped. */
void            dl_sketch_set_shape         (DlSketch       *self,
                                             DlSketchShape   shape);
DlSketchShape   dl_sketch_get_shape         (DlSketch       *self);
/* TRUE when the shape is a line or an area (clicks add corners). */
gboolean        dl_sketch_is_drawing        (DlSketch       *self);
/* A corner at @position, good to @precision_m (what a click can aim at at
 * the map's zoom, or a gazetteer place's extent). The same position as the
 * last corner is not added again. Returns whether it was added. */
gboolean        dl_sketch_add_corner        (DlSketch       *self,
                                             DlLonLat        position,
                                             double          precision_m);
/* Moves corner @index to @position (a drag), now good to @precision_m;
 * FALSE when there is no such corner. */
gboolean        dl_sketch_move_corner       (DlSketch       *self,
                                             guint           index,
                                             DlLonLat        position,
                                             double          precision_m);
/* Removes the last corner; FALSE when there was none. */
gboolean        dl_sketch_remove_last       (DlSketch       *self);
guint           dl_sketch_get_n_corners     (DlSketch       *self);
const DlLonLat *dl_sketch_get_corners       (DlSketch       *self,
                                             guint          *n_corners);
/* Enough corners to finish: 2 for a line, 3 for an area. */
gboolean        dl_sketch_can_finish        (DlSketch       *self);
/* The geometry drawn: a LineString, or a closed counter-clockwise Polygon,
 * and in @precision_m the coarsest corner's precision. NULL with @error
 * when there are too few corners or an area's edges cross. The sketch is
 * left as it is. */
DlGeometry     *dl_sketch_dup_geometry      (DlSketch       *self,
                                             double         *precision_m,
                                             GError        **error);
/* Drops the corners and goes back to placing points. */
void            dl_sketch_reset             (DlSketch       *self);

G_END_DECLS
