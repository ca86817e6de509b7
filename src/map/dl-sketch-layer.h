/* dl-sketch-layer.h: the line or area being drawn, on the map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dl-sketch.h"

G_BEGIN_DECLS

#define DL_TYPE_SKETCH_LAYER (dl_sketch_layer_get_type ())

G_DECLARE_FINAL_TYPE (DlSketchLayer, dl_sketch_layer, DL, SKETCH_LAYER, ShumateLayer)

/* Draws @sketch's corners and edges, and the edge the next click would add
 * (to the pointer), over the map; takes no input. */
DlSketchLayer *dl_sketch_layer_new          (ShumateViewport *viewport,
                                             DlSketch        *sketch);
/* Where the pointer is over the map, in the layer's coordinates; @inside
 * FALSE when it left. */
void           dl_sketch_layer_set_pointer  (DlSketchLayer   *self,
                                             gboolean         inside,
                                             double           x,
                                             double           y);

/* The corners of the drawn line or area of the event being edited, as
 * handles that can be dragged (NULL: none); shown while nothing is being
 * drawn. An area's ring without its closing position. */
void           dl_sketch_layer_set_handles  (DlSketchLayer   *self,
                                             const DlLonLat  *corners,
                                             guint            n_corners,
                                             gboolean         area);
/* Handle @index is being dragged to (@x, @y) (-1: none): drawn there, with
 * dashed edges to its neighbours. */
void           dl_sketch_layer_set_dragged  (DlSketchLayer   *self,
                                             int              index,
                                             double           x,
                                             double           y);

G_END_DECLS
