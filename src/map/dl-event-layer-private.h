/* dl-event-layer-private.h: DlEventLayer's insides, shared by its parts
 *
 * dl-event-layer.c         lifecycle, the session and model it observes
 * dl-event-layer-layout.c  where each event goes in a frame, and clustering
 * dl-event-layer-draw.c    drawing a frame
 * dl-event-layer-input.c   clicks, hovering, picking and the cluster list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-event-layer.h"
#include "dl-session.h"

G_BEGIN_DECLS

#define POINT_RADIUS     6.0
#define SELECTED_RADIUS  9.0
#define PICK_SLOP        6.0
#define CELL_SIZE        56.0
#define MAX_FAN          16
#define FAN_MIN_ZOOM     9.0
#define MIN_SHAPE_PX     10.0
#define MAX_HALO_RADIUS  2000.0
#define DIMMED_ALPHA     0.3
/* A fixed grid over the world indexes anchors, so a close view visits only
 * the events near it. */
#define GRID             256
/* Views holding more events than this are laid out from the level-of-detail
 * pyramid (dl-event-layer-lod.c), and only layers holding more build one:
 * the exact layout visits about 4,000 events a millisecond. */
#define LOD_MIN_EVENTS   20000

typedef struct _DlEventLod DlEventLod;

/* What frames read of an event beside its Point, kept small: the layer
 * holds one per event (48 bytes, 144 before; a million events are in
 * every frame). What only a drawn mark or a click needs (the lon/lat box,
 * the anchor's latitude, the precision) is asked of the event then. */
typedef struct {
  DlEvent *event;
  gint64   earliest;
  gint64   latest;
  GdkRGBA  color;
  guint    is_shape : 1;  /* has a line or area */
  guint    concerns : 1;  /* mapped to the place a statement is about: a hollow mark */
  guint    box;           /* a shape's index in `boxes` */
} Item;

/* A shape's box of all its places, in normalized Web Mercator: only
 * shapes are tested against the screen by their box. */
typedef struct {
  double west, north, east, south;
} Box;

/* What the per-frame pass reads of each item, packed tight: a frame
 * touches every event, so its working set must stay small. */
typedef struct {
  double mx, my;          /* anchor, normalized Web Mercator */
  float  extent;          /* largest side of a shape's box (0 for points) */
} Point;

/* The events as frames read them, made together: on the main loop for a
 * few events, in a thread for many (then swapped in at once). */
typedef struct {
  GArray    *items;        /* of Item */
  GArray    *points;       /* of Point, parallel to items */
  GArray    *shape_items;  /* of guint: the items with a line or area */
  GArray    *boxes;        /* of Box, of the items with a line or area */
  GArray    *grid_start;   /* of guint: GRID × GRID + 1 offsets into grid_items */
  GArray    *grid_items;   /* of guint: items sorted by the grid square of their anchor */
  GPtrArray *source;       /* the array the items' events come from (its references
                            * keep them alive), or NULL when the model does */
  GHashTable *colors;      /* category → GdkRGBA, the dataset's own filled in on
                            * the main loop (a thread must not read the dataset,
                            * which an edit may change meanwhile) */
} Reading;

/* A square of the screen and the point-like events that fall in it. */
typedef struct {
  int      head;          /* first item, linked through `next` */
  int      tail;          /* last item (the first added): a merge links after it */
  guint    n;
  double   sx, sy;        /* sums of the members' anchors */
  double   first_mx, first_my;
  gboolean same_place;    /* every member at the first one's anchor */
  guint    last;          /* laid out from the pyramid: the newest member */
} Cell;

struct _DlEventLayer
{
  ShumateLayer  parent_instance;

  GListModel   *model;
  DlSession    *session;
  GSignalGroup *session_signals;
  GArray       *items;     /* of Item */
  GArray       *points;    /* of Point, parallel to items */
  GArray       *shape_items; /* of guint: the items with a line or area */
  GArray       *boxes;       /* of Box, see Reading */
  GArray       *grid_start;  /* of guint: GRID × GRID + 1 offsets into grid_items */
  GArray       *grid_items;  /* of guint: items sorted by the grid square of their anchor */
  GPtrArray    *items_source; /* see Reading */
  int           selected_index;
  GHashTable   *badges;    /* count → PangoLayout, shaped once */
  GHashTable   *dots;      /* packed colour → GdkTexture of a ringed dot */
  GHashTable   *discs;     /* a badge's count, radius and dimming (guint64) → GdkTexture of it */
  GHashTable   *projected; /* DlGeometry → its positions in Web Mercator (double x, y pairs) */
  DlEvent      *selected;
  gint64        range_start;
  gint64        range_end;
  GtkPopover   *cluster_list;  /* the events of a cluster that cannot split */

  /* Level of detail for large datasets (dl-event-layer-lod.c) */
  DlEventLod   *lod;       /* built in a thread for the current items, or NULL */
  GCancellable *lod_cancellable;  /* reading many events and building the pyramid in a thread */
  guint         lod_generation;
  int           lod_level; /* the level the last frame was laid out from; -1: exact */
  GArray       *lod_next;  /* of int: squares of a cell linked, as `next` links items */
  GArray       *lod_heads; /* of int, parallel to marks: a cluster's first square, or -1 */

  /* The layout of the last frame */
  gboolean      layout_valid;
  GArray       *marks;     /* of DlEventMark */
  GArray       *shapes;    /* of guint: items drawn as lines/areas */
  GArray       *cells;     /* of Cell */
  GArray       *next;      /* of int */
  double        scale;     /* pixels per normalized unit */
  double        cx, cy;    /* viewport centre, normalized */
  double        rotation;
  int           width, height;
};

enum {
  SIGNAL_EVENT_ACTIVATED,
  SIGNAL_CLUSTER_ACTIVATED,
  N_SIGNALS
};

extern guint dl_event_layer_signals[N_SIGNALS];

/* dl-event-layer-layout.c */
gboolean      dl_event_layer_item_in_range         (DlEventLayer      *self,
                                                    const Item        *item);
/* Normalized Web Mercator to widget coordinates for the last layout. */
void          dl_event_layer_to_screen             (DlEventLayer      *self,
                                                    double             mx,
                                                    double             my,
                                                    double            *x,
                                                    double            *y);
/* Appends the mark of item @index, member @k of @n events at one place,
 * fanned out around the place at (@ax, @ay) (a lone event sits on it):
 * the exact layout and the level of detail fan the same way. */
void          dl_event_layer_append_fanned         (DlEventLayer      *self,
                                                    double             ax,
                                                    double             ay,
                                                    guint              k,
                                                    guint              n,
                                                    guint              index);
/* A cluster's badge grows with its count, but stays inside its cell. */
#define DL_EVENT_LAYER_CLUSTER_RADIUS(n) MIN (11.0 + 2.5 * log2 (n), CELL_SIZE * 0.42)
void          dl_event_layer_update_selected_index (DlEventLayer      *self);
/* Reads the model again: anchors, boxes, colours and the grid (and for
 * many events the level of detail, in a thread). */
void          dl_event_layer_rebuild_items         (DlEventLayer      *self);
/* The colours of the session dataset's own categories, for a reading. */
GHashTable   *dl_event_layer_new_colors            (DlEventLayer      *self);
/* Takes @colors (from dl_event_layer_new_colors()). */
Reading      *dl_event_layer_reading_new           (guint              n,
                                                    GHashTable        *colors);
void          dl_event_layer_reading_free          (Reading           *reading);
void          dl_event_layer_reading_fill          (Reading           *reading,
                                                    GPtrArray         *source,
                                                    GArray            *positions);
void          dl_event_layer_take_reading          (DlEventLayer      *self,
                                                    Reading           *reading);
/* Places every event for the current viewport, unless still valid. */
void          dl_event_layer_compute_layout        (DlEventLayer      *self);
/* A geometry's positions in Web Mercator (x, y pairs), projected once. */
const double *dl_event_layer_project_geometry      (DlEventLayer      *self,
                                                    const DlGeometry  *geometry);
gboolean      dl_event_layer_cluster_in_range      (DlEventLayer      *self,
                                                    const DlEventMark *mark);
DlBBox        dl_event_layer_mark_bbox             (DlEventLayer      *self,
                                                    const DlEventMark *mark);
void          dl_event_layer_merge_overlapping_cells (DlEventLayer    *self,
                                                      double           zoom,
                                                      int              columns,
                                                      GArray          *next);
gboolean      dl_event_layer_mark_holds            (DlEventLayer      *self,
                                                    const DlEventMark *mark,
                                                    DlEvent           *event);
gboolean      dl_event_layer_cluster_cannot_split  (DlEventLayer      *self,
                                                    const DlEventMark *mark);

/* Only for an item with a line or area (is_shape). */
gboolean      dl_event_layer_shape_on_screen       (DlEventLayer      *self,
                                                    const Item        *item);

/* dl-event-layer-lod.c */
void          dl_event_lod_free                    (DlEventLod        *lod);
/* Builds the pyramid for the items just read, in a thread (when there are
 * enough of them); the one built before is dropped at once. */
void          dl_event_layer_start_lod             (DlEventLayer      *self);
void          dl_event_layer_stop_lod              (DlEventLayer      *self);
/* Reads the events of @source at @positions (kept: neither may change
 * afterwards, as with a DlEventList's) in a thread, then builds the
 * pyramid there too; frames draw the last items meanwhile. */
void          dl_event_layer_read_async            (DlEventLayer      *self,
                                                    GPtrArray         *source,
                                                    GArray            *positions);
gboolean      dl_event_layer_lod_shapes            (DlEventLayer      *self);
gboolean      dl_event_layer_lod_layout            (DlEventLayer      *self,
                                                    double             zoom,
                                                    int                columns,
                                                    int                gx0,
                                                    int                gx1,
                                                    int                gy0,
                                                    int                gy1);
gboolean      dl_event_layer_lod_mark_members      (DlEventLayer      *self,
                                                    const DlEventMark *mark,
                                                    GArray            *members);

/* dl-event-layer-draw.c */
void          dl_event_layer_snapshot              (GtkWidget         *widget,
                                                    GtkSnapshot       *snapshot);

/* dl-event-layer-input.c */
/* Sets up the click gesture, the tooltip and the pointer cursor. */
void          dl_event_layer_setup_input           (DlEventLayer      *self);
gboolean      dl_event_layer_contains              (GtkWidget         *widget,
                                                    double             x,
                                                    double             y);

G_END_DECLS
