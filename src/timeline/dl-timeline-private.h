/* dl-timeline-private.h: what the timeline's files share
 *
 * The timeline is one widget in six files: dl-timeline.c (the object, its
 * visible range, the session, the public API), dl-timeline-index.c (events
 * sorted for culling, lanes, built in a thread when large),
 * dl-timeline-density.c (which events a frame shows, counted per pixel
 * column), dl-timeline-layout.c (geometry, tick labels,
 * the overview strip), dl-timeline-draw.c (the detail view's frame) and
 * dl-timeline-input.c (pointer, keys, the brush). Calendar ticks are
 * GTK-free, in dl-time-axis.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include "dl-category.h"
#include "dl-event-chooser.h"
#include "dl-range-animation.h"
#include "dl-session.h"
#include "dl-time-axis.h"
#include "dl-timeline.h"

#define SECONDS_PER_HOUR   G_GINT64_CONSTANT (3600)
#define SECONDS_PER_DAY    G_GINT64_CONSTANT (86400)
#define MIN_SPAN           SECONDS_PER_HOUR
#define MAX_SPAN           (G_GINT64_CONSTANT (50) * 36525 * SECONDS_PER_DAY / 100)
/* GDateTime's range: 0001-01-01 to 9999-12-31. */
#define MIN_TIME           G_GINT64_CONSTANT (-62135596800)
#define MAX_TIME           G_GINT64_CONSTANT (253402300799)

#define ROW_HEIGHT         17.0
#define HEADER_HEIGHT      (2 * ROW_HEIGHT + 4)
#define OVERVIEW_HEIGHT    44.0
#define OVERVIEW_LABEL_H   14.0
#define BRUSH_EDGE_GRAB    6.0
#define OVERVIEW_GAP       8.0
#define END_PADDING        12.0
#define MIN_LANE_HEIGHT    12.0
/* Lanes grow up to this in a tall timeline (a 4K screen): more room for
 * events that share a time before a "+N" badge stands for them. */
#define MAX_LANE_HEIGHT    34.0
#define MAX_DOT_RADIUS     5.0
#define BIN_WIDTH          2
/* The overview of an index of INDEX_THREAD_MIN items or more is binned
 * this finely in its thread (a bin is 1/8 px at 1920 px wide). */
#define OVERVIEW_FINE_BINS 8192
#define MAX_ITEMS_PER_LANE 250
#define MAX_OVERLAPPING_SPANS 4
#define MAX_LABEL_WIDTH    220.0
/* How far right of its dot a stack's "+N" badge may reach. */
#define MAX_BADGE_WIDTH    48.0
#define MIN_LABEL_WIDTH    28.0
#define LABEL_GAP          6.0
#define ANIMATION_USEC     300000
#define N_CLASSES          42   /* durations < 2^0 … < 2^40 s, then unbounded */
#define UNBOUNDED_CLASS    (N_CLASSES - 1)

typedef enum {
  ITEM_DOT,
  ITEM_SPAN,
} ItemKind;

typedef struct {
  DlEvent     *event;    /* held by the index's source array */
  gint64       start;    /* earliest, or DL_EDTF_UNBOUNDED_START */
  gint64       end;      /* latest, or DL_EDTF_UNBOUNDED_END */
  gint64       mid;      /* where a dot is drawn */
  guint16      lane;
  guint8       kind;
  guint8       klass;    /* duration class, for culling */
  DlEdtfFlags  flags;
} Item;

typedef struct {
  char         *category;
  GdkRGBA       color;
  PangoLayout  *label;
  guint         n_items;
  guint         id;
  /* The lane's items of kind k and duration class c are
   * items[offsets[k][c] .. offsets[k][c + 1]). */
  guint         offsets[2][N_CLASSES + 1];
  /* Sorted: the dots' instants, the spans' starts and ends; a crowded lane
   * is drawn from these (dl-timeline-density.c), whatever its size. */
  gint64       *dot_mids;
  guint         n_dots;
  gint64       *span_starts;
  gint64       *span_ends;
  guint         n_spans;
} Lane;

/* An index built (dl-timeline-index.c), maybe in a thread. */
typedef struct _TimelineIndex TimelineIndex;

/* The axes' calendar steps: dl-time-axis.c */
typedef DlTimeUnit TickUnit;
typedef DlTimeStep TickStep;

/* Label formats; the layout cache is keyed by instant and format. */
typedef enum {
  FORMAT_HOUR,
  FORMAT_DAY,
  FORMAT_DAY_LONG,
  FORMAT_MONTH,
  FORMAT_MONTH_LONG,
  FORMAT_YEAR,
  FORMAT_COARSE_DAY,
  FORMAT_COARSE_MONTH,
  FORMAT_COARSE_YEAR,
  N_FORMATS
} LabelFormat;

/* What a press on the overview strip grabs. */
typedef enum {
  BRUSH_MOVE,
  BRUSH_START,       /* the edge at the earlier time */
  BRUSH_END,
} BrushDrag;

typedef struct {
  double   width;
  double   height;
  gboolean rtl;
  double   gutter_x0, gutter_x1;   /* lane labels */
  double   plot_x0, plot_x1;       /* the time axis */
  double   lanes_y0, lanes_y1;
  double   lane_h;
  double   overview_y0, overview_y1;
} Geometry;

typedef struct {
  guint  item;
  guint  lane;
  double x0, x1;      /* drawn extent (x0 == x1 == centre for dots) */
  double f0, f1;      /* the same in forward coordinates (mirrored in RTL) */
  guint  stack;       /* a dot's stack (index into `stacks`), set by build_stacks() */
} Visible;

typedef struct {
  guint  item;
  guint  lane;
  double fstart;      /* where the label may start, in forward coordinates */
  double fend;        /* where it must end */
  int    priority;
} LabelCandidate;

typedef struct {
  PangoLayout *layout;
  double       x, y;
  guint        item;  /* whose title it is */
} PlacedLabel;

/* Dots of one lane drawn at (nearly) one place: one dot shows, the one on
 * top, with a "+N" badge that lists the others. */
typedef struct {
  guint            lane;
  guint            first;     /* index into `visible` */
  guint            n;
  guint            top;       /* item drawn (the selection when in it, else the last) */
  double           x, cy;
  graphene_rect_t  badge;     /* empty when n == 1 */
  PangoLayout     *badge_text; /* "+N" (held by the layout cache, for the frame that built it), or NULL */
} Stack;

struct _DlTimeline
{
  GtkWidget      parent_instance;

  GListModel    *model;
  DlEvent       *selected;
  DlSession     *session;
  GSignalGroup  *session_signals;
  gboolean       range_from_session;   /* applying the session's range: do not echo it */

  /* The index: items sorted by lane, kind, duration class, then start. */
  GArray        *items;                      /* Item */
  GPtrArray     *lanes;                      /* Lane */
  GPtrArray     *index_source;               /* holds the items' events */
  GCancellable  *index_cancellable;          /* while one is built in a thread */
  guint          index_generation;
  gboolean       focus_pending;              /* a new model: its first view */
  GHashTable    *dot_sprites;                /* key (colour, radius, kind) → GdkTexture */
  gboolean       have_extent;
  gint64         extent_start, extent_end;   /* bounded extent of all events */
  gint64         focus_start, focus_end;     /* where most events are */

  gint64         visible_start, visible_end;
  gboolean       range_set;

  /* Animation of the visible range */
  DlRangeAnimation anim;

  /* Per-frame scratch, kept between frames to avoid allocating */
  guint          n_bins;
  guint32       *dot_bins;       /* n_lanes × n_bins */
  float         *span_bins;      /* n_lanes × (n_bins + 1), a difference array */
  guint         *lane_counts;    /* per lane and item kind */
  gboolean      *lane_crowded;   /* per lane and item kind */
  GArray        *visible;        /* Visible */
  GArray        *candidates;     /* LabelCandidate */
  GArray        *label_rects;    /* graphene_rect_t, for tests */
  GArray        *placed;         /* PlacedLabel */
  GArray        *stacks;         /* Stack, of the last frame */
  gint64         stacks_range[2];  /* the range they were laid out for */
  int            stacks_width;
  GtkPopover    *stack_list;
  GArray        *ticks;          /* gint64 */
  GArray        *coarse_ticks;   /* gint64 */

  /* Overview histogram, rebuilt when the model or width changes */
  float         *overview_bins;
  guint          overview_n_bins;
  gboolean       overview_valid;
  /* For a large index, the same at OVERVIEW_FINE_BINS over the overview
   * range of its extent, binned in the index's thread and resampled. */
  float         *overview_fine;

  /* Caches */
  GHashTable    *tick_layouts;   /* gint64 key → PangoLayout */
  GHashTable    *event_layouts;  /* DlEvent → PangoLayout */
  GHashTable    *badge_layouts;  /* N → PangoLayout of "+N" */

  /* Gestures */
  double         pointer_x;
  gboolean       pointer_inside;
  gboolean       drag_in_overview;
  int            brush_drag;     /* BrushDrag */
  gint64         drag_start_range[2];
  gint64         zoom_start_range[2];
  double         zoom_anchor_x;
  char          *description;
};

enum {
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

extern guint dl_timeline_signals[N_SIGNALS];

/* dl-timeline.c */
void dl_timeline_apply_range (DlTimeline *self, gint64 start, gint64 end);
void dl_timeline_stop_animation (DlTimeline *self);
void dl_timeline_zoom_at (DlTimeline *self, double factor, double anchor, /* a time that stays where it is */ gboolean animate);
void dl_timeline_pan_by (DlTimeline *self, double seconds);
void dl_timeline_get_fit_range (DlTimeline *self, gint64 start, gint64 end, gint64 *out_start, gint64 *out_end);

/* dl-timeline-index.c */
void dl_timeline_lane_free (gpointer data);
TimelineIndex * dl_timeline_index_build (GPtrArray *source, GArray *positions);
void dl_timeline_index_free (TimelineIndex *index);
void dl_timeline_rebuild_index (DlTimeline *self);
void dl_timeline_cancel_index (DlTimeline *self);
void dl_timeline_update_lane_labels (DlTimeline *self);
guint dl_timeline_find_item (DlTimeline *self, DlEvent *event);
guint dl_timeline_cull (DlTimeline *self, guint lane, guint kind, double start, double end, guint ranges[N_CLASSES][2]);

/* dl-timeline-density.c */
void dl_timeline_gather (DlTimeline *self, const Geometry *g, double r);
float dl_timeline_prepare_density (DlTimeline *self, guint lane_index);
void dl_timeline_draw_density (DlTimeline *self, GtkSnapshot *snapshot, const Geometry *g, guint lane_index, gboolean draw_spans, gboolean draw_dots);

/* dl-timeline-layout.c */
void dl_timeline_get_geometry (DlTimeline *self, Geometry *g);
double dl_timeline_time_to_x (DlTimeline *self, const Geometry *g, double t);
double dl_timeline_x_to_time (DlTimeline *self, const Geometry *g, double x);
void dl_timeline_get_overview_range (DlTimeline *self, gint64 *start, gint64 *end);
/* The overview's range for a dataset spanning [@extent_start, @extent_end]. */
void dl_timeline_overview_range_of (gint64 extent_start, gint64 extent_end, gint64 *start, gint64 *end);
/* The overview histogram of @items into @n_bins over [@os, @oe]: @bins
 * holds n_bins + 1 zeroed floats. */
void dl_timeline_bin_overview (GArray *items, gint64 os, gint64 oe, float *bins, guint n_bins);
double dl_timeline_overview_x_to_time (DlTimeline *self, const Geometry *g, double x);
void dl_timeline_get_brush_x (DlTimeline *self, const Geometry *g, double *x0, double *x1);
double dl_timeline_dot_radius (const Geometry *g);
double dl_timeline_span_height (const Geometry *g);
void dl_timeline_item_extent (DlTimeline *self, const Geometry *g, const Item *item, double *x0, double *x1);
void dl_timeline_get_color (DlTimeline *self, GdkRGBA *color);
GdkRGBA dl_timeline_with_alpha (const GdkRGBA *color, double alpha);
TickStep dl_timeline_choose_tick_step (DlTimeline *self, const Geometry *g);
PangoLayout * dl_timeline_get_tick_layout (DlTimeline *self, gint64 t, LabelFormat format);
PangoLayout * dl_timeline_get_event_layout (DlTimeline *self, DlEvent *event);
PangoLayout * dl_timeline_get_badge_layout (DlTimeline *self, guint n_more);
void dl_timeline_clear_caches (DlTimeline *self);
void dl_timeline_draw_overview (DlTimeline *self, GtkSnapshot *snapshot, const Geometry *g, const GdkRGBA *fg);

/* dl-timeline-draw.c */
void dl_timeline_append_rect (GtkSnapshot *snapshot, const GdkRGBA *color, double x, double y, double w, double h);
void dl_timeline_append_rounded (GtkSnapshot *snapshot, const GdkRGBA *color, double x, double y, double w, double h, double radius);
void dl_timeline_append_outline (GtkSnapshot *snapshot, const GdkRGBA *color, double x, double y, double w, double h, double radius, double line);
void dl_timeline_append_layout_at (GtkSnapshot *snapshot, PangoLayout *layout, const GdkRGBA *color, double x, double y);
void dl_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);

/* dl-timeline-input.c */
void dl_timeline_on_items_changed (DlTimeline *self);
const Stack * dl_timeline_stack_at (DlTimeline *self, double x, double y, gboolean *on_badge);
DlEvent     * dl_timeline_label_at (DlTimeline *self, double x, double y);
void dl_timeline_on_click_released (GtkGestureClick *gesture, int n_press, double x, double y, DlTimeline *self);
void dl_timeline_on_drag_begin (GtkGestureDrag *gesture, double x, double y, DlTimeline *self);
void dl_timeline_on_drag_update (GtkGestureDrag *gesture, double dx, double dy, DlTimeline *self);
void dl_timeline_on_motion (GtkEventControllerMotion *motion, double x, double y, DlTimeline *self);
void dl_timeline_on_leave (GtkEventControllerMotion *motion, DlTimeline *self);
gboolean dl_timeline_on_scroll (GtkEventControllerScroll *scroll, double dx, double dy, DlTimeline *self);
void dl_timeline_on_zoom_begin (GtkGesture *gesture, GdkEventSequence *sequence, DlTimeline *self);
void dl_timeline_on_zoom_scale_changed (GtkGestureZoom *gesture, double scale, DlTimeline *self);
gboolean dl_timeline_on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, DlTimeline *self);
void dl_timeline_zoom_in_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void dl_timeline_zoom_out_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
void dl_timeline_fit_all_action (GtkWidget *widget, const char *action_name, GVariant *parameter);
