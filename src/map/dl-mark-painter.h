/* dl-mark-painter.h: how events look on a map, on screen and in exports
 *
 * One place decides what an event's mark is (a dot in its category colour
 * in a white ring, a precision halo, a corridor line, an area outline) and
 * which events share a mark (a cluster: a dark disc with a count). The map
 * layer and the exported images (PNG, PDF handout) both use it, so they draw
 * the same marks: same radius, same clustering.
 *
 * Sizes are in units: one unit is one pixel on the screen at scale 1; an
 * image for a big screen or for paper passes a larger unit.
 *
 * How to use it, per frame:
 *
 *     dl_mark_clusterer_begin (clusterer, width, height, zoom, unit, n, TRUE);
 *     for each point-like event i on screen at (x, y):
 *       dl_mark_clusterer_add (clusterer, i, x, y);
 *     marks = dl_mark_clusterer_finish (clusterer, &n_marks);
 *     for each mark: n == 1 ? dl_mark_paint_point () : dl_mark_paint_cluster ()
 *
 * Corridors and areas: trace the path with Cairo, then call
 * dl_mark_paint_corridor() or dl_mark_paint_area().
 *
 * Nothing here needs a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gdk/gdk.h>

G_BEGIN_DECLS

/* In units. */
#define DL_MARK_POINT_RADIUS     6.0
#define DL_MARK_SELECTED_RADIUS  9.0
/* Points falling in one square of this size (a grid over the frame) share
 * a mark. */
#define DL_MARK_CELL_SIZE        56.0
/* Up to this many events at one place fan out around it, from this zoom
 * level on; before that (or with more), they count as a cluster. */
#define DL_MARK_MAX_FAN          16
#define DL_MARK_FAN_MIN_ZOOM     9.0
/* How opaque an event outside the visible time range is drawn. */
#define DL_MARK_DIMMED_ALPHA     0.3

typedef enum {
  DL_MARK_NORMAL   = 0,
  DL_MARK_SELECTED = 1 << 0,
  DL_MARK_DIMMED   = 1 << 1,
} DlMarkState;

/* What is drawn at a spot. */
typedef struct {
  double x;        /* centre, pixels */
  double y;
  double radius;   /* pixels: what a click or a badge covers */
  guint  first;    /* the index (as added) of its first member */
  guint  n;        /* how many events: 1 for one event */
} DlMark;

typedef struct _DlMarkClusterer DlMarkClusterer;

DlMarkClusterer *dl_mark_clusterer_new    (void);
void             dl_mark_clusterer_free   (DlMarkClusterer *self);

/* Starts a frame of @width × @height pixels at map @zoom, sizes multiplied
 * by @unit. Indices given to add() must be below @n_indices. With @cluster
 * FALSE every event keeps its own mark (events at one place still fan out
 * around it). */
void             dl_mark_clusterer_begin  (DlMarkClusterer *self,
                                           double           width,
                                           double           height,
                                           double           zoom,
                                           double           unit,
                                           guint            n_indices,
                                           gboolean         cluster);
/* A point-like event @index drawn at (@x, @y). Points more than a cell
 * outside the frame are left out. Events at one place must be added with
 * the very same coordinates (project them the same way). */
void             dl_mark_clusterer_add    (DlMarkClusterer *self,
                                           guint            index,
                                           double           x,
                                           double           y);
/* The marks, in drawing order; valid until the next begin(). */
const DlMark    *dl_mark_clusterer_finish (DlMarkClusterer *self,
                                           guint           *n_marks);
/* The members of a mark: mark->first, then next (first), … until -1. */
int              dl_mark_clusterer_next   (DlMarkClusterer *self,
                                           guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlMarkClusterer, dl_mark_clusterer_free)

/* A cluster's radius in pixels. */
double dl_mark_cluster_radius  (guint          n,
                                double         unit);

/* One event: a dot in @color in a white ring; selected, a larger dot on a
 * white disc with a dark edge. */
void   dl_mark_paint_point     (cairo_t       *cr,
                                double         x,
                                double         y,
                                const GdkRGBA *color,
                                DlMarkState    state,
                                double         unit);
/* How far the real spot may be: a faint disc of @radius pixels. Nothing is
 * drawn when it would hide under the dot. */
void   dl_mark_paint_halo      (cairo_t       *cr,
                                double         x,
                                double         y,
                                double         radius,
                                const GdkRGBA *color,
                                DlMarkState    state,
                                double         unit);
/* Several events: a dark disc of @radius with the count. */
void   dl_mark_paint_cluster   (cairo_t       *cr,
                                double         x,
                                double         y,
                                double         radius,
                                guint          n,
                                DlMarkState    state,
                                double         unit);
/* Fills and outlines the current path as an area (even-odd), or strokes it
 * as a corridor. Both clear the path. */
void   dl_mark_paint_area      (cairo_t       *cr,
                                const GdkRGBA *color,
                                DlMarkState    state,
                                double         unit);
void   dl_mark_paint_corridor  (cairo_t       *cr,
                                const GdkRGBA *color,
                                DlMarkState    state,
                                double         unit);

G_END_DECLS
