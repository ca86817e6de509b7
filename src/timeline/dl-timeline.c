/* dl-timeline.c: a zoomable time axis with the events in category lanes
 *
 * One widget draws everything in one snapshot: two rows of tick labels
 * (fine ticks, and the coarser period above them), one lane per category
 * with events as dots (a day or finer) or spans (intervals, months, years),
 * and an overview strip of the whole dataset with a brush for the visible
 * range. Events are kept in an index sorted by duration class and start, so
 * a frame only visits the events it can see; where a lane holds more events
 * than it has room for, it is drawn as a density histogram instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-timeline"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-category.h"
#include "dl-event-chooser.h"
#include "dl-session.h"
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
#define MAX_LANE_HEIGHT    26.0
#define MAX_DOT_RADIUS     5.0
#define BIN_WIDTH          2
#define MAX_ITEMS_PER_LANE 250
#define MAX_OVERLAPPING_SPANS 4
#define MAX_LABEL_WIDTH    220.0
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
  DlEvent     *event;    /* owned */
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
} Lane;

typedef enum {
  UNIT_HOUR,
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
  UNIT_NONE,
} TickUnit;

typedef struct {
  TickUnit unit;
  int      step;
  gint64   seconds;   /* nominal length */
  double   min_px;    /* the least room its labels need */
} TickStep;

static const TickStep tick_steps[] = {
  { UNIT_HOUR,  1,    3600, 70 },
  { UNIT_HOUR,  2,    7200, 70 },
  { UNIT_HOUR,  3,   10800, 70 },
  { UNIT_HOUR,  6,   21600, 80 },
  { UNIT_HOUR,  12,  43200, 110 },
  { UNIT_DAY,   1,   86400, 30 },
  { UNIT_DAY,   2,  172800, 30 },
  { UNIT_DAY,   5,  432000, 30 },
  { UNIT_MONTH, 1,  2629746, 48 },
  { UNIT_MONTH, 3,  7889238, 48 },
  { UNIT_MONTH, 6,  15778476, 48 },
  { UNIT_YEAR,  1,  31556952, 44 },
  { UNIT_YEAR,  2,  63113904, 44 },
  { UNIT_YEAR,  5,  157784760, 44 },
  { UNIT_YEAR,  10, 315569520, 44 },
  { UNIT_YEAR,  20, 631139040, 44 },
  { UNIT_YEAR,  50, 1577847600, 44 },
};

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
} Stack;

struct _DlTimeline
{
  GtkWidget      parent_instance;

  GListModel    *model;
  DlEvent       *selected;
  DlSession     *session;
  GSignalGroup  *session_signals;
  gboolean       range_from_session;   /* applying the session's range: do not echo it */

  /* The index: items sorted by duration class, then start. */
  GArray        *items;                      /* Item */
  guint          class_offsets[N_CLASSES + 1];
  GHashTable    *item_by_event;              /* DlEvent → index + 1 */
  GPtrArray     *lanes;                      /* Lane */
  gboolean       have_extent;
  gint64         extent_start, extent_end;   /* bounded extent of all events */
  gint64         focus_start, focus_end;     /* where most events are */

  gint64         visible_start, visible_end;
  gboolean       range_set;

  /* Animation of the visible range */
  guint          tick_id;
  gint64         anim_begin_us;
  double         anim_from[2], anim_to[2];

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

  /* Caches */
  GHashTable    *tick_layouts;   /* gint64 key → PangoLayout */
  GHashTable    *event_layouts;  /* DlEvent → PangoLayout */
  GHashTable    *badge_layouts;  /* "+N" → PangoLayout */

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
  PROP_0,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  N_PROPS
};

enum {
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DlTimeline, dl_timeline, GTK_TYPE_WIDGET)

/* Helpers: calendar arithmetic (proleptic Gregorian, UTC) */

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* Helpers: geometry */

static void
get_geometry (DlTimeline *self,
              Geometry   *g)
{
  GtkWidget *widget = GTK_WIDGET (self);
  double gutter = 0;
  guint n_lanes = MAX (self->lanes->len, 1);

  g->width = gtk_widget_get_width (widget);
  g->height = gtk_widget_get_height (widget);
  g->rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);
      int w;

      pango_layout_get_pixel_size (lane->label, &w, NULL);
      gutter = MAX (gutter, w + 30);
    }
  gutter = CLAMP (gutter, 48, 150);
  if (g->width < 400)
    gutter = 0;

  if (g->rtl)
    {
      g->gutter_x0 = g->width - gutter;
      g->gutter_x1 = g->width;
      g->plot_x0 = END_PADDING;
      g->plot_x1 = g->width - gutter;
    }
  else
    {
      g->gutter_x0 = 0;
      g->gutter_x1 = gutter;
      g->plot_x0 = gutter;
      g->plot_x1 = g->width - END_PADDING;
    }
  if (g->plot_x1 <= g->plot_x0 + 1)
    g->plot_x1 = g->plot_x0 + 1;

  g->overview_y1 = g->height - 4;
  g->overview_y0 = g->overview_y1 - OVERVIEW_HEIGHT;
  g->lanes_y0 = HEADER_HEIGHT;
  g->lane_h = CLAMP ((g->overview_y0 - OVERVIEW_GAP - g->lanes_y0) / n_lanes, 1, MAX_LANE_HEIGHT);
  g->lanes_y1 = g->lanes_y0 + g->lane_h * n_lanes;
}

static double
time_to_x (DlTimeline     *self,
           const Geometry *g,
           double          t)
{
  double f = (t - (double) self->visible_start) / (double) (self->visible_end - self->visible_start);
  double w = g->plot_x1 - g->plot_x0;

  return g->rtl ? g->plot_x1 - f * w : g->plot_x0 + f * w;
}

static double
x_to_time (DlTimeline     *self,
           const Geometry *g,
           double          x)
{
  double w = g->plot_x1 - g->plot_x0;
  double f = g->rtl ? (g->plot_x1 - x) / w : (x - g->plot_x0) / w;

  return self->visible_start + f * (double) (self->visible_end - self->visible_start);
}

static void
get_overview_range (DlTimeline *self,
                    gint64     *start,
                    gint64     *end)
{
  gint64 s, e, margin;

  /* The dataset's span, with room for a fitted view (get_fit_range()): it
   * does not follow the view, so the brush maps to one fixed scale and a
   * drag on it cannot run away. */
  if (!self->have_extent)
    {
      *start = self->visible_start;
      *end = self->visible_end;
      return;
    }

  s = self->extent_start;
  e = self->extent_end;
  margin = MAX ((e - s) / 20, SECONDS_PER_DAY);
  *start = MAX (s - margin, MIN_TIME);
  *end = MIN (e + margin, MAX_TIME);
}

static double
overview_time_to_x (DlTimeline     *self,
                    const Geometry *g,
                    double          t)
{
  gint64 s, e;
  double f;

  get_overview_range (self, &s, &e);
  f = (t - (double) s) / (double) (e - s);
  return g->rtl ? g->plot_x1 - f * (g->plot_x1 - g->plot_x0)
                : g->plot_x0 + f * (g->plot_x1 - g->plot_x0);
}

static double
overview_x_to_time (DlTimeline     *self,
                    const Geometry *g,
                    double          x)
{
  gint64 s, e;
  double w = g->plot_x1 - g->plot_x0;
  double f = g->rtl ? (g->plot_x1 - x) / w : (x - g->plot_x0) / w;

  get_overview_range (self, &s, &e);
  return s + f * (double) (e - s);
}

/* Where the brush is drawn: at least 8 px wide, so a day in years shows. */
static void
get_brush_x (DlTimeline     *self,
             const Geometry *g,
             double         *x0,
             double         *x1)
{
  double a = overview_time_to_x (self, g, self->visible_start);
  double b = overview_time_to_x (self, g, self->visible_end);
  double lo = MIN (a, b), hi = MAX (a, b);

  if (hi - lo < 8)
    {
      double c = (lo + hi) / 2;

      lo = c - 4;
      hi = c + 4;
    }
  *x0 = lo;
  *x1 = hi;
}

static double
dot_radius (const Geometry *g)
{
  return CLAMP (g->lane_h * 0.3, 2.5, MAX_DOT_RADIUS);
}

static double
span_height (const Geometry *g)
{
  return MAX (2.0, MIN (g->lane_h - 3.0, 16.0));
}

/* Returns the extent in pixels of an item, clamped to the plot (plus a
 * little) so that unbounded ends and far-away spans stay finite. */
static void
item_extent (DlTimeline     *self,
             const Geometry *g,
             const Item     *item,
             double         *x0,
             double         *x1)
{
  double lo = g->plot_x0 - 200;
  double hi = g->plot_x1 + 200;
  double a, b;

  if (item->kind == ITEM_DOT)
    {
      a = b = time_to_x (self, g, item->mid);
    }
  else
    {
      a = item->start == DL_EDTF_UNBOUNDED_START ? (g->rtl ? hi : lo) : time_to_x (self, g, item->start);
      /* Spans include their last second. */
      b = item->end == DL_EDTF_UNBOUNDED_END ? (g->rtl ? lo : hi) : time_to_x (self, g, item->end + 1.0);
    }

  *x0 = CLAMP (MIN (a, b), lo, hi);
  *x1 = CLAMP (MAX (a, b), lo, hi);
}

static void
get_color (DlTimeline *self,
           GdkRGBA    *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
#endif
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

/* Helpers: the index */

static guint8
duration_class (gint64 start,
                gint64 end)
{
  guint64 d;
  guint8 k = 0;

  if (start == DL_EDTF_UNBOUNDED_START || end == DL_EDTF_UNBOUNDED_END)
    return UNBOUNDED_CLASS;

  d = (guint64) (end - start) + 1;
  while (k < UNBOUNDED_CLASS - 1 && (G_GUINT64_CONSTANT (1) << k) < d)
    k++;
  return k;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->klass != y->klass)
    return x->klass < y->klass ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

static int
compare_lanes (gconstpointer a,
               gconstpointer b)
{
  const Lane *x = *(Lane * const *) a;
  const Lane *y = *(Lane * const *) b;

  return dl_category_compare (x->category, y->category);
}

static void
lane_free (gpointer data)
{
  Lane *lane = data;

  g_free (lane->category);
  g_clear_object (&lane->label);
  g_free (lane);
}

static void
clear_item (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->event);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The shortest stretch holding 80% of the dots: where the story happens. */
static void
compute_focus (DlTimeline *self)
{
  g_autoptr(GArray) mids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n, k, best = 0;
  gint64 best_len = G_MAXINT64;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->kind == ITEM_DOT)
        g_array_append_val (mids, item->mid);
    }

  n = mids->len;
  if (n < 5)
    {
      self->focus_start = self->extent_start;
      self->focus_end = self->extent_end;
      return;
    }

  g_array_sort (mids, compare_gint64);
  k = MAX (1, (guint) ceil (n * 0.8)) - 1;
  for (guint i = 0; i + k < n; i++)
    {
      gint64 len = g_array_index (mids, gint64, i + k) - g_array_index (mids, gint64, i);

      if (len < best_len)
        {
          best_len = len;
          best = i;
        }
    }

  self->focus_start = g_array_index (mids, gint64, best);
  self->focus_end = g_array_index (mids, gint64, best + k);

  /* At least a week, so there is context around a busy day or two. */
  if (self->focus_end - self->focus_start < 6 * SECONDS_PER_DAY)
    {
      gint64 center = self->focus_start + (self->focus_end - self->focus_start) / 2;

      self->focus_start = center - 3 * SECONDS_PER_DAY;
      self->focus_end = center + 3 * SECONDS_PER_DAY;
    }
}

static void
rebuild_index (DlTimeline *self)
{
  g_autoptr(GHashTable) lane_by_category = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->item_by_event);
  g_hash_table_remove_all (self->event_layouts);
  g_ptr_array_set_size (self->lanes, 0);
  self->have_extent = FALSE;
  self->overview_valid = FALSE;
  memset (self->class_offsets, 0, sizeof self->class_offsets);

  for (guint i = 0; i < n; i++)
    {
      DlEvent *event = g_list_model_get_item (self->model, i);
      const DlEdtf *when = dl_event_get_when (event);
      const char *category = dl_event_get_category (event);
      Item item = { 0, };
      Lane *lane;

      if (category == NULL)
        category = "";

      lane = g_hash_table_lookup (lane_by_category, category);
      if (lane == NULL)
        {
          lane = g_new0 (Lane, 1);
          lane->category = g_strdup (category);
          g_ptr_array_add (self->lanes, lane);
          g_hash_table_insert (lane_by_category, lane->category, lane);
        }
      lane->n_items++;

      item.event = event;   /* takes the reference */
      item.start = when->earliest;
      item.end = when->latest;
      item.mid = dl_edtf_get_midpoint (when);
      item.flags = when->flags;
      item.kind = (when->precision >= DL_EDTF_PRECISION_DAY && !(when->flags & DL_EDTF_INTERVAL))
                  ? ITEM_DOT : ITEM_SPAN;
      item.klass = duration_class (item.start, item.end);
      /* Remember the lane object for now; it becomes an index below. */
      item.lane = 0;
      g_array_append_val (self->items, item);

      if (when->earliest != DL_EDTF_UNBOUNDED_START)
        {
          self->extent_start = self->have_extent ? MIN (self->extent_start, when->earliest) : when->earliest;
          self->extent_end = self->have_extent ? MAX (self->extent_end, when->earliest) : when->earliest;
          self->have_extent = TRUE;
        }
      if (when->latest != DL_EDTF_UNBOUNDED_END)
        {
          self->extent_start = self->have_extent ? MIN (self->extent_start, when->latest) : when->latest;
          self->extent_end = self->have_extent ? MAX (self->extent_end, when->latest) : when->latest;
          self->have_extent = TRUE;
        }
    }

  g_ptr_array_sort (self->lanes, compare_lanes);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);
      PangoAttrList *attrs = pango_attr_list_new ();

      dl_category_get_color (lane->category, &lane->color);
      lane->label = gtk_widget_create_pango_layout (GTK_WIDGET (self), dl_category_get_label (lane->category));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (lane->label, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (lane_by_category, lane->category, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      const char *category = dl_event_get_category (item->event);

      item->lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_by_category, category ? category : "")) - 1;
    }

  g_array_sort (self->items, compare_items);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      self->class_offsets[item->klass + 1] = i + 1;
      g_hash_table_insert (self->item_by_event, item->event, GUINT_TO_POINTER (i + 1));
    }
  /* Empty classes end where the previous one did. */
  for (guint k = 1; k <= N_CLASSES; k++)
    self->class_offsets[k] = MAX (self->class_offsets[k], self->class_offsets[k - 1]);

  if (self->have_extent)
    compute_focus (self);

  g_free (self->lane_counts);
  g_free (self->lane_crowded);
  self->lane_counts = g_new0 (guint, 2 * MAX (self->lanes->len, 1));
  self->lane_crowded = g_new0 (gboolean, 2 * MAX (self->lanes->len, 1));
  self->n_bins = 0;   /* reallocates the bins */
}

/* Calls the ranges [lo, hi) of items that may meet [start, end]. */
static guint
cull (DlTimeline *self,
      double      start,
      double      end,
      guint       ranges[N_CLASSES][2])
{
  const Item *items = (const Item *) (gpointer) self->items->data;
  guint n = 0;

  for (guint k = 0; k < N_CLASSES; k++)
    {
      guint lo = self->class_offsets[k];
      guint hi = self->class_offsets[k + 1];
      guint a, b;
      double min_start;

      if (lo == hi)
        continue;

      if (k == UNBOUNDED_CLASS)
        {
          ranges[n][0] = lo;
          ranges[n][1] = hi;
          n++;
          continue;
        }

      /* Items of class k last less than 2^k seconds. */
      min_start = start - ldexp (1.0, k);

      a = lo;
      b = hi;
      while (a < b)
        {
          guint m = a + (b - a) / 2;

          if ((double) items[m].start < min_start)
            a = m + 1;
          else
            b = m;
        }
      lo = a;

      b = hi;
      while (a < b)
        {
          guint m = a + (b - a) / 2;

          if ((double) items[m].start <= end)
            a = m + 1;
          else
            b = m;
        }
      hi = a;

      if (lo < hi)
        {
          ranges[n][0] = lo;
          ranges[n][1] = hi;
          n++;
        }
    }

  return n;
}

/* Helpers: ticks */

/* The finest step of the table whose ticks stand at least their labels'
 * room apart (or @min_px, when larger); beyond the table, years in 1-2-5
 * steps without bound. So any span EDTF allows (up to ±10^9 years) gets at
 * most about width / min_px ticks. */
static TickStep
step_for_span (double span,
               double width,
               double min_px)
{
  TickStep step;
  double years = 100;

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    if (tick_steps[i].seconds / span * width >= MAX (tick_steps[i].min_px, min_px))
      return tick_steps[i];

  step = tick_steps[G_N_ELEMENTS (tick_steps) - 1];
  for (;;)
    {
      for (guint k = 0; k < 3; k++)
        {
          double n = years * (k == 0 ? 1 : k == 1 ? 2 : 5);

          step.step = (int) MIN (n, (double) G_MAXINT / 2);
          step.seconds = (gint64) (n * 31556952.0);
          if (step.seconds / span * width >= MAX (step.min_px, min_px) || n >= 1e9)
            return step;
        }
      years *= 10;
    }
}

static TickStep
choose_tick_step (DlTimeline     *self,
                  const Geometry *g)
{
  return step_for_span ((double) (self->visible_end - self->visible_start), g->plot_x1 - g->plot_x0, 0);
}

static void
compute_ticks (gint64    start,
               gint64    end,
               TickUnit  unit,
               int       step,
               GArray   *ticks)
{
  gint64 y;
  int m, d;

  g_array_set_size (ticks, 0);

  switch (unit)
    {
    case UNIT_HOUR:
      for (gint64 t = floor_div (start, SECONDS_PER_HOUR * step) * SECONDS_PER_HOUR * step;
           t <= end; t += SECONDS_PER_HOUR * step)
        g_array_append_val (ticks, t);
      break;

    case UNIT_DAY:
      for (gint64 day = floor_div (start, SECONDS_PER_DAY); day * SECONDS_PER_DAY <= end; day++)
        {
          gint64 t = day * SECONDS_PER_DAY;

          dl_civil_from_days (day, &y, &m, &d);
          /* Steps restart with each month, and skip a last one crowding the 1st. */
          if (step == 1 || ((d - 1) % step == 0 && d + step / 2 <= dl_days_in_month (y, m)))
            g_array_append_val (ticks, t);
        }
      break;

    case UNIT_MONTH:
      dl_civil_from_days (floor_div (start, SECONDS_PER_DAY), &y, &m, &d);
      m = ((m - 1) / step) * step + 1;
      for (;;)
        {
          gint64 t = dl_days_from_civil (y, m, 1) * SECONDS_PER_DAY;

          if (t > end)
            break;
          g_array_append_val (ticks, t);
          m += step;
          if (m > 12)
            {
              m -= 12;
              y++;
            }
        }
      break;

    case UNIT_YEAR:
      dl_civil_from_days (floor_div (start, SECONDS_PER_DAY), &y, &m, &d);
      y = floor_div (y, step) * step;
      for (;;)
        {
          gint64 t = dl_days_from_civil (y, 1, 1) * SECONDS_PER_DAY;

          if (t > end)
            break;
          g_array_append_val (ticks, t);
          y += step;
        }
      break;

    case UNIT_NONE:
    default:
      break;
    }
}

static const char *
format_string (LabelFormat format)
{
  switch (format)
    {
    /* Translators: a tick on the timeline every few hours; see g_date_time_format() */
    case FORMAT_HOUR: return _("%H:%M");
    /* Translators: a day tick on the timeline when space is short, the day of the month */
    case FORMAT_DAY: return _("%-d");
    /* Translators: a day tick on the timeline: abbreviated weekday and day of the month */
    case FORMAT_DAY_LONG: return _("%a %-d");
    /* Translators: a month tick on the timeline when space is short */
    case FORMAT_MONTH: return _("%Ob");
    /* Translators: a month tick on the timeline */
    case FORMAT_MONTH_LONG: return _("%OB");
    /* Translators: a year tick on the timeline */
    case FORMAT_YEAR: return _("%Y");
    /* Translators: the day above hour ticks on the timeline */
    case FORMAT_COARSE_DAY: return _("%A %-d %B %Y");
    /* Translators: the month above day ticks on the timeline */
    case FORMAT_COARSE_MONTH: return _("%OB %Y");
    /* Translators: the year above month ticks on the timeline */
    case FORMAT_COARSE_YEAR: return _("%Y");
    case N_FORMATS:
    default:
      g_assert_not_reached ();
    }
}

static PangoLayout *
get_tick_layout (DlTimeline  *self,
                 gint64       t,
                 LabelFormat  format)
{
  gint64 key = t * N_FORMATS + format;
  PangoLayout *layout = g_hash_table_lookup (self->tick_layouts, &key);

  if (layout == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
      g_autofree char *text = dt != NULL ? g_date_time_format (dt, format_string (format)) : NULL;
      PangoAttrList *attrs = pango_attr_list_new ();

      /* GDateTime knows years 1 to 9999 only: beyond, ticks are years. */
      if (dt == NULL)
        {
          gint64 y;
          int m, d;

          dl_civil_from_days (floor_div (t, SECONDS_PER_DAY), &y, &m, &d);
          text = g_strdup_printf ("%" G_GINT64_FORMAT, y);
        }

      if (g_hash_table_size (self->tick_layouts) > 2000)
        g_hash_table_remove_all (self->tick_layouts);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text != NULL ? g_strstrip (text) : "");
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      if (format >= FORMAT_COARSE_DAY)
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      else
        pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (self->tick_layouts, g_memdup2 (&key, sizeof key), layout);
    }

  return layout;
}

static PangoLayout *
get_event_layout (DlTimeline *self,
                  DlEvent    *event)
{
  PangoLayout *layout = g_hash_table_lookup (self->event_layouts, event);

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      if (g_hash_table_size (self->event_layouts) > 2000)
        g_hash_table_remove_all (self->event_layouts);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), dl_event_get_title (event));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      g_hash_table_insert (self->event_layouts, event, layout);
    }

  return layout;
}

static PangoLayout *
get_badge_layout (DlTimeline *self,
                  const char *text)
{
  PangoLayout *layout = g_hash_table_lookup (self->badge_layouts, text);

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_X_SMALL));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (self->badge_layouts, g_strdup (text), layout);
    }

  return layout;
}

static void
clear_caches (DlTimeline *self)
{
  g_hash_table_remove_all (self->tick_layouts);
  g_hash_table_remove_all (self->event_layouts);
  g_hash_table_remove_all (self->badge_layouts);
  rebuild_index (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Helpers: the visible range */

static void
update_description (DlTimeline *self)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (self->visible_start);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (self->visible_end);
  /* Translators: a date in the timeline's accessible description */
  const char *format = self->visible_end - self->visible_start < 3 * SECONDS_PER_DAY
                       ? _("%-d %B %Y %H:%M") : _("%-d %B %Y");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;

  if (from == NULL || to == NULL)
    return;

  a = g_date_time_format (from, format);
  b = g_date_time_format (to, format);
  /* Translators: the timeline's accessible description, from one date to another */
  text = g_strdup_printf (_("Showing %s to %s"), a, b);

  if (g_strcmp0 (text, self->description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
      g_free (self->description);
      self->description = g_steal_pointer (&text);
    }
}

static void
apply_range (DlTimeline *self,
             gint64      start,
             gint64      end)
{
  gint64 span = end - start;
  gint64 center;
  gboolean start_changed, end_changed;

  if (span < MIN_SPAN || span > MAX_SPAN)
    {
      center = start + span / 2;
      span = CLAMP (span, MIN_SPAN, MAX_SPAN);
      start = center - span / 2;
      end = start + span;
    }
  /* The view stays within the dataset's span (what the overview shows). */
  if (self->have_extent)
    {
      gint64 os, oe;

      get_overview_range (self, &os, &oe);
      if (span >= oe - os)
        {
          start = os;
          end = oe;
          span = end - start;
        }
      else if (start < os)
        {
          start = os;
          end = start + span;
        }
      else if (end > oe)
        {
          end = oe;
          start = end - span;
        }
    }
  if (start < MIN_TIME)
    {
      start = MIN_TIME;
      end = start + span;
    }
  if (end > MAX_TIME)
    {
      end = MAX_TIME;
      start = end - span;
    }

  start_changed = start != self->visible_start;
  end_changed = end != self->visible_end;
  if (!start_changed && !end_changed)
    return;

  self->visible_start = start;
  self->visible_end = end;

  g_object_freeze_notify (G_OBJECT (self));
  if (start_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
  if (end_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
  g_object_thaw_notify (G_OBJECT (self));

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Scrolled, zoomed or animated here: the session (and the map) follow. */
  if (self->session != NULL && !self->range_from_session)
    dl_session_set_visible_range (self->session, start, end);
}

static void
stop_animation (DlTimeline *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
animation_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  DlTimeline *self = DL_TIMELINE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double f = CLAMP ((now - self->anim_begin_us) / (double) ANIMATION_USEC, 0.0, 1.0);
  double e = 1.0 - pow (1.0 - f, 3.0);   /* ease out cubic */
  double s = self->anim_from[0] + (self->anim_to[0] - self->anim_from[0]) * e;
  double t = self->anim_from[1] + (self->anim_to[1] - self->anim_from[1]) * e;

  apply_range (self, (gint64) s, (gint64) t);

  if (f >= 1.0)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
animate_to (DlTimeline *self,
            gint64      start,
            gint64      end)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  gboolean animations = TRUE;

  stop_animation (self);
  self->range_set = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &animations, NULL);
  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || !animations)
    {
      apply_range (self, start, end);
      return;
    }

  self->anim_from[0] = self->visible_start;
  self->anim_from[1] = self->visible_end;
  self->anim_to[0] = start;
  self->anim_to[1] = end;
  self->anim_begin_us = gdk_frame_clock_get_frame_time (clock);
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick, NULL, NULL);
}

/* The range to aim for when animating, or the current one. */
static void
get_target_range (DlTimeline *self,
                  gint64     *start,
                  gint64     *end)
{
  if (self->tick_id != 0)
    {
      *start = (gint64) self->anim_to[0];
      *end = (gint64) self->anim_to[1];
    }
  else
    {
      *start = self->visible_start;
      *end = self->visible_end;
    }
}

static void
zoom_at (DlTimeline *self,
         double      factor,
         double      anchor,     /* a time that stays where it is */
         gboolean    animate)
{
  gint64 start, end;
  double span, new_span, f;

  get_target_range (self, &start, &end);
  span = (double) (end - start);
  new_span = CLAMP (span / factor, (double) MIN_SPAN, (double) MAX_SPAN);
  f = (anchor - start) / span;
  start = (gint64) (anchor - f * new_span);
  end = start + (gint64) new_span;

  if (animate)
    {
      animate_to (self, start, end);
    }
  else
    {
      stop_animation (self);
      self->range_set = TRUE;
      apply_range (self, start, end);
    }
}

static void
pan_by (DlTimeline *self,
        double      seconds)
{
  gint64 start, end;

  get_target_range (self, &start, &end);
  stop_animation (self);
  self->range_set = TRUE;
  apply_range (self, start + (gint64) seconds, end + (gint64) seconds);
}

static void
get_fit_range (DlTimeline *self,
               gint64      start,
               gint64      end,
               gint64     *out_start,
               gint64     *out_end)
{
  gint64 span = MAX (end - start, MIN_SPAN);
  gint64 margin = MAX (span / 20, SECONDS_PER_HOUR);
  gint64 center = start + (end - start) / 2;

  span += 2 * margin;
  *out_start = center - span / 2;
  *out_end = *out_start + span;
}

/* Helpers: drawing */

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
append_rounded (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius)
{
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, color, &rr.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
append_outline (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius,
                double         line)
{
  GskRoundedRect rr;
  const float widths[4] = { line, line, line, line };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  const GdkRGBA *color,
                  double         x,
                  double         y)
{
  PangoRectangle logical;

  /* A layout with a width may align its text away from its left edge (in
   * right-to-left text); place the text itself at x. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - logical.x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (DlTimeline     *self,
           GtkSnapshot    *snapshot,
           const Geometry *g,
           const GdkRGBA  *fg)
{
  TickStep fine = choose_tick_step (self, g);
  const TickStep *step = &fine;
  double span = (double) (self->visible_end - self->visible_start);
  double px_per_step = step->seconds / span * (g->plot_x1 - g->plot_x0);
  GdkRGBA grid = with_alpha (fg, 0.07);
  GdkRGBA major = with_alpha (fg, 0.18);
  GdkRGBA text = with_alpha (fg, 0.72);
  GdkRGBA strong = with_alpha (fg, 0.9);
  LabelFormat fine_format, coarse_format;
  TickUnit coarse_unit;
  double sticky_end;

  switch (step->unit)
    {
    case UNIT_HOUR:
      fine_format = FORMAT_HOUR;
      coarse_unit = UNIT_DAY;
      coarse_format = FORMAT_COARSE_DAY;
      break;
    case UNIT_DAY:
      fine_format = px_per_step / step->step >= 56 ? FORMAT_DAY_LONG : FORMAT_DAY;
      coarse_unit = UNIT_MONTH;
      coarse_format = FORMAT_COARSE_MONTH;
      break;
    case UNIT_MONTH:
      fine_format = px_per_step / step->step >= 84 ? FORMAT_MONTH_LONG : FORMAT_MONTH;
      coarse_unit = UNIT_YEAR;
      coarse_format = FORMAT_COARSE_YEAR;
      break;
    case UNIT_YEAR:
    case UNIT_NONE:
    default:
      fine_format = FORMAT_YEAR;
      coarse_unit = UNIT_NONE;
      coarse_format = FORMAT_COARSE_YEAR;
      break;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (MIN (g->plot_x0, g->plot_x1), 0,
                                                         g->plot_x1 - g->plot_x0, g->lanes_y1));

  /* Fine ticks: a grid line through the lanes, the label after it. */
  compute_ticks (self->visible_start - step->seconds, self->visible_end, step->unit, step->step, self->ticks);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      gint64 t = g_array_index (self->ticks, gint64, i);
      double x = round (time_to_x (self, g, t));
      PangoLayout *layout = get_tick_layout (self, t, fine_format);
      double lx;
      int w, h;

      append_rect (snapshot, &grid, x, ROW_HEIGHT + 2, 1, g->lanes_y1 - ROW_HEIGHT - 2);
      pango_layout_get_pixel_size (layout, &w, &h);
      lx = g->rtl ? x - 4 - w : x + 4;
      /* Whole labels only. */
      if (lx < MIN (g->plot_x0, g->plot_x1) || lx + w > MAX (g->plot_x0, g->plot_x1))
        continue;
      append_layout_at (snapshot, layout, &text, lx, ROW_HEIGHT + 2 + (ROW_HEIGHT - h) / 2);
    }

  /* Coarse periods: a stronger line, the label sticking to the start of
   * the axis until the next period pushes it away. */
  compute_ticks (self->visible_start - 400 * SECONDS_PER_DAY, self->visible_end, coarse_unit, 1, self->coarse_ticks);
  sticky_end = G_MAXDOUBLE;
  for (guint i = self->coarse_ticks->len; i-- > 0;)
    {
      gint64 t = g_array_index (self->coarse_ticks, gint64, i);
      double x = round (time_to_x (self, g, t));
      double fx = g->rtl ? g->width - x : x;
      double fplot0 = g->rtl ? g->width - g->plot_x1 : g->plot_x0;
      PangoLayout *layout = get_tick_layout (self, t, coarse_format);
      double lx;
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      lx = MAX (fx + 4, fplot0 + 4);
      if (lx + w + 12 > sticky_end)
        lx = sticky_end - 12 - w;
      if (fx >= fplot0 - 1)
        append_rect (snapshot, &major, x, 2, 1, g->lanes_y1 - 2);
      if (lx + w > fplot0 && fx < fplot0 + (g->plot_x1 - g->plot_x0))
        append_layout_at (snapshot, layout, &strong, g->rtl ? g->width - lx - w : lx,
                          2 + (ROW_HEIGHT - h) / 2);
      sticky_end = MIN (sticky_end, fx);
      if (fx < fplot0)
        break;
    }

  gtk_snapshot_pop (snapshot);

  /* The baseline under the labels. */
  append_rect (snapshot, &major, MIN (g->plot_x0, g->plot_x1), g->lanes_y0 - 1, g->plot_x1 - g->plot_x0, 1);
}

static void
draw_lane_backgrounds (DlTimeline     *self,
                       GtkSnapshot    *snapshot,
                       const Geometry *g,
                       const GdkRGBA  *fg)
{
  GdkRGBA stripe = with_alpha (fg, 0.035);
  GdkRGBA text = with_alpha (fg, 0.8);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);
      double y = g->lanes_y0 + i * g->lane_h;
      int w, h;

      if (i % 2 == 1)
        append_rect (snapshot, &stripe, 0, y, g->width, g->lane_h);

      if (g->gutter_x1 - g->gutter_x0 <= 0 || g->lane_h < 9)
        continue;

      pango_layout_get_pixel_size (lane->label, &w, &h);
      pango_layout_set_width (lane->label, (int) (g->gutter_x1 - g->gutter_x0 - 28) * PANGO_SCALE);
      pango_layout_set_ellipsize (lane->label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (lane->label, &w, &h);
      if (g->rtl)
        {
          append_rounded (snapshot, &lane->color, g->gutter_x1 - 14, y + g->lane_h / 2 - 3, 6, 6, 3);
          append_layout_at (snapshot, lane->label, &text, g->gutter_x1 - 20 - w, y + (g->lane_h - h) / 2);
        }
      else
        {
          append_rounded (snapshot, &lane->color, g->gutter_x0 + 8, y + g->lane_h / 2 - 3, 6, 6, 3);
          append_layout_at (snapshot, lane->label, &text, g->gutter_x0 + 20, y + (g->lane_h - h) / 2);
        }
    }
}

static void
ensure_bins (DlTimeline     *self,
             const Geometry *g)
{
  guint n_bins = (guint) ceil ((g->plot_x1 - g->plot_x0) / BIN_WIDTH) + 1;
  guint n_lanes = MAX (self->lanes->len, 1);

  if (n_bins == self->n_bins)
    return;

  self->n_bins = n_bins;
  g_free (self->dot_bins);
  g_free (self->span_bins);
  self->dot_bins = g_new0 (guint32, (gsize) n_lanes * n_bins);
  self->span_bins = g_new0 (float, (gsize) n_lanes * (n_bins + 1));
}

static inline guint
bin_of (const Geometry *g,
        guint           n_bins,
        double          x)
{
  double f = g->rtl ? g->plot_x1 - x : x - g->plot_x0;
  int b = (int) (f / BIN_WIDTH);

  return (guint) CLAMP (b, 0, (int) n_bins - 1);
}

/* A crowded lane: spans as a band whose strength follows how many overlap,
 * dots as a histogram. */
/* Turns a lane's span difference array into coverage; returns its maximum. */
static float
prepare_density (DlTimeline *self,
                 guint       lane_index)
{
  float *spans = self->span_bins + (gsize) lane_index * (self->n_bins + 1);
  float max_cover = 0, cover = 0;

  for (guint b = 0; b < self->n_bins; b++)
    {
      cover += spans[b];
      spans[b] = cover;
      max_cover = MAX (max_cover, cover);
    }

  return max_cover;
}

static void
draw_density (DlTimeline     *self,
              GtkSnapshot    *snapshot,
              const Geometry *g,
              guint           lane_index,
              gboolean        draw_spans,
              gboolean        draw_dots)
{
  Lane *lane = g_ptr_array_index (self->lanes, lane_index);
  guint32 *dots = self->dot_bins + (gsize) lane_index * self->n_bins;
  float *spans = self->span_bins + (gsize) lane_index * (self->n_bins + 1);
  double y = g->lanes_y0 + lane_index * g->lane_h;
  double band_h = span_height (g);
  double band_y = y + (g->lane_h - band_h) / 2;
  guint32 max_dots = 0;
  float max_cover = 0;
  guint run_start = 0;
  int run_level = -1;

  for (guint b = 0; b < self->n_bins; b++)
    {
      max_dots = MAX (max_dots, dots[b]);
      max_cover = MAX (max_cover, spans[b]);
    }

  /* Spans: runs of equal strength (8 levels) become one rectangle. */
  if (draw_spans && max_cover > 0)
    for (guint b = 0; b <= self->n_bins; b++)
      {
        int level = b < self->n_bins && spans[b] > 0.5f
                    ? 1 + (int) (7 * log1p (spans[b]) / log1p (max_cover)) : 0;

        if (level != run_level)
          {
            if (run_level > 0)
              {
                GdkRGBA c = with_alpha (&lane->color, 0.06 + 0.035 * run_level);
                double x0 = g->rtl ? g->plot_x1 - b * BIN_WIDTH : g->plot_x0 + run_start * BIN_WIDTH;

                append_rect (snapshot, &c, x0, band_y, (b - run_start) * BIN_WIDTH, band_h);
              }
            run_start = b;
            run_level = level;
          }
      }

  /* Dots: a histogram standing on the lane's bottom, square-root scaled. */
  run_level = -1;
  if (draw_dots && max_dots > 0)
    for (guint b = 0; b <= self->n_bins; b++)
      {
        int level = b < self->n_bins && dots[b] > 0
                    ? MAX (1, (int) round (band_h * sqrt ((double) dots[b] / max_dots))) : 0;

        if (level != run_level)
          {
            if (run_level > 0)
              {
                GdkRGBA c = with_alpha (&lane->color, 0.85);
                double x0 = g->rtl ? g->plot_x1 - b * BIN_WIDTH : g->plot_x0 + run_start * BIN_WIDTH;

                append_rect (snapshot, &c, x0, band_y + band_h - run_level, (b - run_start) * BIN_WIDTH, run_level);
              }
            run_start = b;
            run_level = level;
          }
      }
}

static void
draw_span (DlTimeline     *self,
           GtkSnapshot    *snapshot,
           const Geometry *g,
           const Item     *item,
           const Lane     *lane,
           double          x0,
           double          x1,
           double          y)
{
  double h = span_height (g);
  double w = MAX (x1 - x0, 3.0);
  gboolean fuzzy = (item->flags & (DL_EDTF_UNCERTAIN | DL_EDTF_APPROXIMATE)) != 0;
  gboolean open_left, open_right;
  GdkRGBA fill = with_alpha (&lane->color, 0.3);
  GdkRGBA edge = with_alpha (&lane->color, 0.9);
  GdkRGBA clear = with_alpha (&lane->color, 0.0);
  double fade_l = 0, fade_r = 0;
  GskRoundedRect rr;

  open_left = g->rtl ? item->end == DL_EDTF_UNBOUNDED_END : item->start == DL_EDTF_UNBOUNDED_START;
  open_right = g->rtl ? item->start == DL_EDTF_UNBOUNDED_START : item->end == DL_EDTF_UNBOUNDED_END;

  if (open_left)
    fade_l = MIN (w * 0.4, 160);
  else if (fuzzy)
    fade_l = MIN (w * 0.2, 40);
  if (open_right)
    fade_r = MIN (w * 0.4, 160);
  else if (fuzzy)
    fade_r = MIN (w * 0.2, 40);

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x0, y, w, h), MIN (h / 2, 4));
  gtk_snapshot_push_rounded_clip (snapshot, &rr);

  if (fade_l < 1 && fade_r < 1)
    {
      gtk_snapshot_append_color (snapshot, &fill, &rr.bounds);
    }
  else
    {
      GskColorStop stops[4] = {
        { 0, open_left || fuzzy ? clear : fill },
        { fade_l / w, fill },
        { 1 - fade_r / w, fill },
        { 1, open_right || fuzzy ? clear : fill },
      };

      gtk_snapshot_append_linear_gradient (snapshot, &rr.bounds,
                                           &GRAPHENE_POINT_INIT (x0, y),
                                           &GRAPHENE_POINT_INIT (x0 + w, y),
                                           stops, G_N_ELEMENTS (stops));
    }

  /* A solid edge where the span is known to start or end. */
  if (!open_left && !fuzzy)
    gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x0, y, 2, h));
  if (!open_right && !fuzzy)
    gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x0 + w - 2, y, 2, h));

  /* Unspecified digits ("2024-08-XX"): a dashed line along the bottom. */
  if (item->flags & DL_EDTF_UNSPECIFIED)
    {
      double first = MAX (x0, g->plot_x0 - 6);
      double last = MIN (x0 + w, g->plot_x1 + 6);

      for (double dx = first; dx < last; dx += 6)
        gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (dx, y + h - 2, 3, 2));
    }

  gtk_snapshot_pop (snapshot);
}

static void
draw_dot (GtkSnapshot    *snapshot,
          const Geometry *g,
          const Item     *item,
          const Lane     *lane,
          double          x,
          double          day_x0,
          double          day_x1,
          double          cy)
{
  double r = dot_radius (g);
  gboolean fuzzy = (item->flags & (DL_EDTF_UNCERTAIN | DL_EDTF_APPROXIMATE)) != 0;

  /* Zoomed in far enough that the day has a width: show it faintly. */
  if (fabs (day_x1 - day_x0) > 2 * r + 6)
    {
      GdkRGBA band = with_alpha (&lane->color, 0.25);
      double h = MAX (2, 2 * r - 4);

      append_rounded (snapshot, &band, MIN (day_x0, day_x1), cy - h / 2, fabs (day_x1 - day_x0), h, h / 2);
    }

  if (fuzzy)
    {
      GdkRGBA halo = with_alpha (&lane->color, 0.22);
      GdkRGBA ring = with_alpha (&lane->color, 0.95);
      GdkRGBA inner = with_alpha (&lane->color, 0.35);

      append_rounded (snapshot, &halo, x - r - 2.5, cy - r - 2.5, 2 * r + 5, 2 * r + 5, r + 2.5);
      append_rounded (snapshot, &inner, x - r, cy - r, 2 * r, 2 * r, r);
      append_outline (snapshot, &ring, x - r, cy - r, 2 * r, 2 * r, r, 1.5);
    }
  else
    {
      append_rounded (snapshot, &lane->color, x - r, cy - r, 2 * r, 2 * r, r);
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *x = a;
  const LabelCandidate *y = b;

  if (x->priority != y->priority)
    return y->priority - x->priority;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  return x->fstart < y->fstart ? -1 : x->fstart > y->fstart;
}

static int
compare_visible (gconstpointer a,
                 gconstpointer b)
{
  const Visible *x = a;
  const Visible *y = b;

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  return x->f0 < y->f0 ? -1 : x->f0 > y->f0;
}

/* Groups the drawn dots of each lane that sit within a dot's width of the
 * group's first one (`visible` is in lane, then time order). */
static void
build_stacks (DlTimeline     *self,
              const Geometry *g,
              guint           selected_index)
{
  const Item *items = (const Item *) (gpointer) self->items->data;
  const Visible *vis = (const Visible *) (gpointer) self->visible->data;
  double r = dot_radius (g);

  g_array_set_size (self->stacks, 0);
  self->stacks_range[0] = self->visible_start;
  self->stacks_range[1] = self->visible_end;
  self->stacks_width = (int) g->width;

  for (guint i = 0; i < self->visible->len; i++)
    {
      const Item *item = &items[vis[i].item];
      Stack *last = self->stacks->len > 0 ? &g_array_index (self->stacks, Stack, self->stacks->len - 1) : NULL;

      if (item->kind != ITEM_DOT || self->lane_crowded[vis[i].lane * 2 + ITEM_DOT])
        continue;

      if (last != NULL && last->lane == vis[i].lane && vis[i].f0 - vis[last->first].f0 <= r)
        {
          last->n++;
          /* Later dots are drawn over earlier ones; the selection over all. */
          if (last->top + 1 != selected_index)
            last->top = vis[i].item;
        }
      else
        {
          Stack stack = { 0 };

          stack.lane = vis[i].lane;
          stack.first = i;
          stack.n = 1;
          stack.top = vis[i].item;
          stack.x = vis[i].x0;
          stack.cy = g->lanes_y0 + vis[i].lane * g->lane_h + g->lane_h / 2;
          g_array_append_val (self->stacks, stack);
        }
    }

  for (guint s = 0; s < self->stacks->len; s++)
    {
      Stack *stack = &g_array_index (self->stacks, Stack, s);
      PangoLayout *layout;
      g_autofree char *text = NULL;
      int w, h;
      double bw, bh;

      if (stack->n == 1)
        continue;

      /* Translators: on the timeline, how many more events share this time */
      text = g_strdup_printf (C_("timeline", "+%u"), stack->n - 1);
      layout = get_badge_layout (self, text);
      pango_layout_get_pixel_size (layout, &w, &h);
      bw = w + 8;
      bh = MIN (h + 2, g->lane_h - 2);
      graphene_rect_init (&stack->badge,
                          g->rtl ? stack->x - r - 2 - bw : stack->x + r + 2,
                          stack->cy - bh / 2, bw, bh);
    }
}

/* Whether the visible dot @i is the one its stack shows; if so, where its
 * label may start (forward coordinates, past the badge). */
static gboolean
stack_top_of (DlTimeline *self,
              guint       i,
              double     *fstart)
{
  const Visible *vis = (const Visible *) (gpointer) self->visible->data;
  double width = self->stacks_width;

  for (guint s = 0; s < self->stacks->len; s++)
    {
      const Stack *stack = &g_array_index (self->stacks, Stack, s);

      if (i < stack->first || i >= stack->first + stack->n)
        continue;
      if (stack->top != vis[i].item)
        return FALSE;
      if (stack->n > 1)
        {
          gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
          double b0 = stack->badge.origin.x, b1 = b0 + stack->badge.size.width;

          *fstart = (rtl ? width - b0 : b1) + 4;
        }
      else
        *fstart = -G_MAXDOUBLE;
      return TRUE;
    }

  return FALSE;
}

static void
draw_stack_badge (DlTimeline     *self,
                  GtkSnapshot    *snapshot,
                  const Stack    *stack,
                  const Lane     *lane,
                  const GdkRGBA  *fg)
{
  g_autofree char *text = g_strdup_printf (C_("timeline", "+%u"), stack->n - 1);
  PangoLayout *layout = get_badge_layout (self, text);
  GdkRGBA fill = with_alpha (&lane->color, 0.18);
  GdkRGBA edge = with_alpha (&lane->color, 0.8);
  GdkRGBA ink = with_alpha (fg, 0.9);
  const graphene_rect_t *b = &stack->badge;
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  append_rounded (snapshot, &fill, b->origin.x, b->origin.y, b->size.width, b->size.height, b->size.height / 2);
  append_outline (snapshot, &edge, b->origin.x, b->origin.y, b->size.width, b->size.height, b->size.height / 2, 1);
  append_layout_at (snapshot, layout, &ink, b->origin.x + (b->size.width - w) / 2, b->origin.y + (b->size.height - h) / 2);
}

static void
draw_overview (DlTimeline     *self,
               GtkSnapshot    *snapshot,
               const Geometry *g,
               const GdkRGBA  *fg)
{
  double x0 = MIN (g->plot_x0, g->plot_x1);
  double w = g->plot_x1 - g->plot_x0;
  double y = g->overview_y0;
  double h = g->overview_y1 - g->overview_y0;
  guint n_bins = (guint) ceil (w / BIN_WIDTH);
  GdkRGBA trough = with_alpha (fg, 0.06);
  GdkRGBA bars = with_alpha (fg, 0.55);
  GdkRGBA brush_fill = with_alpha (fg, 0.12);
  GdkRGBA brush_edge = with_alpha (fg, 0.7);
  GdkRGBA tick = with_alpha (fg, 0.2);
  gint64 os, oe;
  double bx0, bx1;
  float max_bin = 0;
  int run_level = -1;
  guint run_start = 0;
  GskRoundedRect rr;

  get_overview_range (self, &os, &oe);

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x0, y, w, h), 5);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, &trough, &rr.bounds);

  if (!self->overview_valid || self->overview_n_bins != n_bins)
    {
      float *diff;

      g_free (self->overview_bins);
      self->overview_bins = g_new0 (float, n_bins + 1);
      self->overview_n_bins = n_bins;
      diff = self->overview_bins;

      /* Spans spread their weight over the bins they cover. */
      for (guint i = 0; i < self->items->len; i++)
        {
          const Item *item = &g_array_index (self->items, Item, i);
          double s = item->kind == ITEM_DOT || item->start == DL_EDTF_UNBOUNDED_START ? item->mid : item->start;
          double e = item->kind == ITEM_DOT || item->end == DL_EDTF_UNBOUNDED_END ? item->mid : item->end;
          double fs = (s - os) / (double) (oe - os) * n_bins;
          double fe = (e - os) / (double) (oe - os) * n_bins;
          int b0 = CLAMP ((int) fs, 0, (int) n_bins - 1);
          int b1 = CLAMP ((int) fe, 0, (int) n_bins - 1);
          float weight = 1.0f / (b1 - b0 + 1);

          diff[b0] += weight;
          diff[b1 + 1] -= weight;
        }
      for (guint b = 1; b <= n_bins; b++)
        diff[b] += diff[b - 1];
      self->overview_valid = TRUE;
    }

  for (guint b = 0; b < n_bins; b++)
    max_bin = MAX (max_bin, self->overview_bins[b]);

  /* Calendar marks a few pixels apart, and labelled lines far enough apart
   * for their labels, both chosen from the span so their count is bounded
   * whatever the dataset's dates. */
  {
    TickStep marks = step_for_span ((double) (oe - os), w, 6);
    TickStep labelled = step_for_span ((double) (oe - os), w, 70);
    GdkRGBA label_color = with_alpha (fg, 0.7);
    double last_label_end = -G_MAXDOUBLE;

    compute_ticks (os, oe, marks.unit, marks.step, self->coarse_ticks);
    for (guint i = 0; i < self->coarse_ticks->len; i++)
      {
        double tx = round (overview_time_to_x (self, g, g_array_index (self->coarse_ticks, gint64, i)));

        append_rect (snapshot, &tick, tx, y + h - 4, 1, 4);
      }

    compute_ticks (os, oe, labelled.unit, labelled.step, self->coarse_ticks);
    for (guint i = 0; i < self->coarse_ticks->len; i++)
      {
        gint64 t = g_array_index (self->coarse_ticks, gint64, i);
        double tx = round (overview_time_to_x (self, g, t));
        LabelFormat format;
        PangoLayout *layout;
        gint64 yy;
        int m, d, lw, lh;
        double lx, fx;

        dl_civil_from_days (floor_div (t, SECONDS_PER_DAY), &yy, &m, &d);
        switch (labelled.unit)
          {
          case UNIT_HOUR:
            format = FORMAT_HOUR;
            break;
          case UNIT_DAY:
            format = d == 1 ? FORMAT_MONTH : FORMAT_DAY;
            break;
          case UNIT_MONTH:
            format = m == 1 ? FORMAT_YEAR : FORMAT_MONTH;
            break;
          case UNIT_YEAR:
          case UNIT_NONE:
          default:
            format = FORMAT_YEAR;
            break;
          }

        append_rect (snapshot, &tick, tx, y, 1, h);
        layout = get_tick_layout (self, t, format);
        pango_layout_get_pixel_size (layout, &lw, &lh);
        lx = g->rtl ? tx - 3 - lw : tx + 3;
        fx = g->rtl ? g->width - lx - lw : lx;
        if (lx < x0 || lx + lw > x0 + w || fx < last_label_end + 4)
          continue;
        append_layout_at (snapshot, layout, &label_color, lx, y + 1 + (OVERVIEW_LABEL_H - lh) / 2);
        last_label_end = fx + lw;
      }
  }

  if (max_bin > 0)
    for (guint b = 0; b <= n_bins; b++)
      {
        int level = b < n_bins && self->overview_bins[b] > 0.001f
                    ? MAX (1, (int) round ((h - OVERVIEW_LABEL_H - 6) * sqrt (self->overview_bins[b] / max_bin))) : 0;

        if (level != run_level)
          {
            if (run_level > 0)
              {
                double rx = g->rtl ? g->plot_x1 - b * BIN_WIDTH : g->plot_x0 + run_start * BIN_WIDTH;

                append_rect (snapshot, &bars, rx, y + h - 3 - run_level, (b - run_start) * BIN_WIDTH, run_level);
              }
            run_start = b;
            run_level = level;
          }
      }

  gtk_snapshot_pop (snapshot);

  /* The brush: at least a few pixels wide, so a day in ten months shows. */
  get_brush_x (self, g, &bx0, &bx1);
  append_rounded (snapshot, &brush_fill, bx0, y, bx1 - bx0, h, 4);
  append_outline (snapshot, &brush_edge, bx0, y, bx1 - bx0, h, 4, 1.5);
}

/* Callbacks */

static void
on_items_changed (DlTimeline *self)
{
  rebuild_index (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The stack drawn at (x, y) in the last frame, if that frame showed the
 * current range; @on_badge tells whether its "+N" badge is there. */
static const Stack *
stack_at (DlTimeline *self,
          double      x,
          double      y,
          gboolean   *on_badge)
{
  Geometry g;
  double r;

  get_geometry (self, &g);
  if (self->stacks_range[0] != self->visible_start || self->stacks_range[1] != self->visible_end
      || self->stacks_width != (int) g.width)
    return NULL;

  r = dot_radius (&g) + 3;
  for (guint s = self->stacks->len; s-- > 0;)
    {
      const Stack *stack = &g_array_index (self->stacks, Stack, s);

      if (fabs (y - stack->cy) > g.lane_h / 2)
        continue;
      if (stack->n > 1
          && x >= stack->badge.origin.x - 2 && x <= stack->badge.origin.x + stack->badge.size.width + 2)
        {
          *on_badge = TRUE;
          return stack;
        }
      if (fabs (x - stack->x) <= r)
        {
          *on_badge = FALSE;
          return stack;
        }
    }

  return NULL;
}

/* The user chose @event here: tell listeners, and select it in the session. */
static void
activate_event (DlTimeline *self,
                DlEvent    *event)
{
  g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, event);
  if (self->session != NULL)
    dl_session_select (self->session, event);
}

static void
on_stack_event_chosen (DlEvent  *event,
                       gpointer  user_data)
{
  activate_event (user_data, event);
}

/* Lists a stack's events in time order in a popover at its badge. */
static void
show_stack_list (DlTimeline  *self,
                 const Stack *stack)
{
  const Visible *vis = (const Visible *) (gpointer) self->visible->data;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  const graphene_rect_t *b = &stack->badge;

  for (guint i = stack->first; i < stack->first + stack->n; i++)
    g_ptr_array_add (members, g_array_index (self->items, Item, vis[i].item).event);

  dl_event_chooser_show (self->stack_list, members,
                         &(GdkRectangle) { (int) b->origin.x, (int) b->origin.y,
                                           (int) ceil (b->size.width), (int) ceil (b->size.height) },
                         _("Events at this time"), on_stack_event_chosen, self);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DlTimeline      *self)
{
  DlEvent *event;
  const Stack *stack;
  gboolean on_badge = FALSE;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  stack = stack_at (self, x, y, &on_badge);
  if (stack != NULL && on_badge)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      show_stack_list (self, stack);
      return;
    }

  event = dl_timeline_pick (self, x, y);

  if (event != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      activate_event (self, event);
    }
}

/* Moves or resizes the brush from the range it had when the drag began;
 * apply_range() keeps it inside the dataset's span. */
static void
drag_brush (DlTimeline *self,
            double      x,
            double      dx)
{
  Geometry g;
  gint64 os, oe;
  gint64 start = self->drag_start_range[0], end = self->drag_start_range[1];
  double seconds_per_px;

  get_geometry (self, &g);
  get_overview_range (self, &os, &oe);
  seconds_per_px = (double) (oe - os) / (g.plot_x1 - g.plot_x0);
  if (g.rtl)
    dx = -dx;

  stop_animation (self);
  self->range_set = TRUE;

  switch ((BrushDrag) self->brush_drag)
    {
    case BRUSH_START:
      start = MIN ((gint64) overview_x_to_time (self, &g, x), end - MIN_SPAN);
      start = MAX (start, os);
      break;
    case BRUSH_END:
      end = MAX ((gint64) overview_x_to_time (self, &g, x), start + MIN_SPAN);
      end = MIN (end, oe);
      break;
    case BRUSH_MOVE:
    default:
      {
        gint64 shift = (gint64) (dx * seconds_per_px);

        shift = CLAMP (shift, os - start, oe - end);
        start += shift;
        end += shift;
      }
      break;
    }

  apply_range (self, start, end);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               DlTimeline     *self)
{
  Geometry g;

  get_geometry (self, &g);
  stop_animation (self);
  self->drag_in_overview = y >= g.overview_y0 - OVERVIEW_GAP / 2;
  self->drag_start_range[0] = self->visible_start;
  self->drag_start_range[1] = self->visible_end;

  if (self->drag_in_overview)
    {
      double bx0, bx1;

      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      get_brush_x (self, &g, &bx0, &bx1);

      /* The edges resize (when the brush is wide enough to tell them from
       * its middle), the middle moves; elsewhere the brush jumps to centre
       * on the press and then follows the pointer. */
      if (bx1 - bx0 >= 3 * BRUSH_EDGE_GRAB && fabs (x - bx0) <= BRUSH_EDGE_GRAB)
        self->brush_drag = g.rtl ? BRUSH_END : BRUSH_START;
      else if (bx1 - bx0 >= 3 * BRUSH_EDGE_GRAB && fabs (x - bx1) <= BRUSH_EDGE_GRAB)
        self->brush_drag = g.rtl ? BRUSH_START : BRUSH_END;
      else
        {
          self->brush_drag = BRUSH_MOVE;
          if (x < bx0 - BRUSH_EDGE_GRAB || x > bx1 + BRUSH_EDGE_GRAB)
            {
              gint64 span = self->visible_end - self->visible_start;
              gint64 t = (gint64) overview_x_to_time (self, &g, x);

              self->range_set = TRUE;
              apply_range (self, t - span / 2, t - span / 2 + span);
              self->drag_start_range[0] = self->visible_start;
              self->drag_start_range[1] = self->visible_end;
            }
        }
    }
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                DlTimeline     *self)
{
  Geometry g;
  double sx, sy;

  get_geometry (self, &g);
  gtk_gesture_drag_get_start_point (gesture, &sx, &sy);

  if (self->drag_in_overview)
    {
      drag_brush (self, sx + dx, dx);
    }
  else
    {
      double span = (double) (self->drag_start_range[1] - self->drag_start_range[0]);
      double shift = -dx / (g.plot_x1 - g.plot_x0) * span;

      if (g.rtl)
        shift = -shift;
      if (fabs (dx) > 3)
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      self->range_set = TRUE;
      apply_range (self, self->drag_start_range[0] + (gint64) shift, self->drag_start_range[1] + (gint64) shift);
    }
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           DlTimeline               *self)
{
  self->pointer_x = x;
  self->pointer_inside = TRUE;
}

static void
on_leave (GtkEventControllerMotion *motion,
          DlTimeline               *self)
{
  self->pointer_inside = FALSE;
}

static gboolean
on_scroll (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           DlTimeline               *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;
  double span = (double) (self->visible_end - self->visible_start);
  Geometry g;

  get_geometry (self, &g);

  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (1.25, -dy) : exp (-dy * 0.01);
      double anchor = x_to_time (self, &g, CLAMP (self->pointer_x, g.plot_x0, g.plot_x1));

      zoom_at (self, factor, anchor, FALSE);
      return GDK_EVENT_STOP;
    }

  /* Vertical scrolling pans too: most mice have no horizontal wheel. */
  {
    double delta = dx != 0 ? dx : dy;
    double seconds = wheel ? delta * 0.1 * span : delta / (g.plot_x1 - g.plot_x0) * span;

    if (g.rtl && dx != 0)
      seconds = -seconds;
    pan_by (self, seconds);
  }

  return GDK_EVENT_STOP;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               DlTimeline       *self)
{
  Geometry g;
  double cx, cy;

  get_geometry (self, &g);
  stop_animation (self);
  self->zoom_start_range[0] = self->visible_start;
  self->zoom_start_range[1] = self->visible_end;
  if (!gtk_gesture_get_bounding_box_center (gesture, &cx, &cy))
    cx = (g.plot_x0 + g.plot_x1) / 2;
  self->zoom_anchor_x = x_to_time (self, &g, cx);
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       DlTimeline     *self)
{
  double span = (double) (self->zoom_start_range[1] - self->zoom_start_range[0]);
  double new_span = CLAMP (span / MAX (scale, 0.01), (double) MIN_SPAN, (double) MAX_SPAN);
  double f = (self->zoom_anchor_x - self->zoom_start_range[0]) / span;
  gint64 start = (gint64) (self->zoom_anchor_x - f * new_span);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->range_set = TRUE;
  apply_range (self, start, start + (gint64) new_span);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  DlTimeline *self)
{
  DlEvent *event = keyboard ? self->selected : dl_timeline_pick (self, x, y);
  g_autofree char *when = NULL;
  g_autofree char *markup = NULL;

  if (event == NULL)
    return FALSE;

  when = dl_edtf_describe (dl_event_get_when (event));
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", dl_event_get_title (event), when);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dl_timeline_zoom (DL_TIMELINE (widget), 1.5);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dl_timeline_zoom (DL_TIMELINE (widget), 1 / 1.5);
}

static void
fit_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dl_timeline_fit_all (DL_TIMELINE (widget));
}

/* The session */

static void
on_session_selected_changed (DlTimeline *self)
{
  dl_timeline_set_selected (self, dl_session_get_selected_event (self->session));
}

static void
on_session_range_changed (DlTimeline *self)
{
  gint64 start, end;

  dl_session_get_visible_range (self->session, &start, &end);
  if (end <= start || (start == self->visible_start && end == self->visible_end))
    return;
  /* Our own range, echoed while an animation runs, must not stop it. */
  if (self->tick_id != 0)
    return;

  self->range_from_session = TRUE;
  dl_timeline_set_visible_range (self, start, end);
  self->range_from_session = FALSE;
}

/* Vfuncs */

static void
dl_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  DlTimeline *self = DL_TIMELINE (widget);
  const Item *items = (const Item *) (gpointer) self->items->data;
  guint ranges[N_CLASSES][2];
  guint n_ranges;
  guint n_lanes = self->lanes->len;
  Geometry g;
  GdkRGBA fg;
  double margin_t;
  double r;
  guint selected_index = 0;

  get_geometry (self, &g);
  if (g.width <= 0 || g.height <= 0)
    return;

  get_color (self, &fg);
  r = dot_radius (&g);
  g_array_set_size (self->label_rects, 0);

  draw_lane_backgrounds (self, snapshot, &g, &fg);
  draw_axis (self, snapshot, &g, &fg);

  if (self->selected != NULL)
    selected_index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_by_event, self->selected));

  if (n_lanes > 0)
    {
      guint n_bins;
      const Visible *vis;

      ensure_bins (self, &g);
      n_bins = self->n_bins;
      memset (self->dot_bins, 0, sizeof (guint32) * n_lanes * n_bins);
      memset (self->span_bins, 0, sizeof (float) * n_lanes * (n_bins + 1));
      memset (self->lane_counts, 0, sizeof (guint) * 2 * n_lanes);
      g_array_set_size (self->visible, 0);

      /* Pass 1: what is visible, counted per lane and binned. */
      margin_t = (r + 2) / (g.plot_x1 - g.plot_x0) * (self->visible_end - self->visible_start);
      n_ranges = cull (self, self->visible_start - margin_t, self->visible_end + margin_t, ranges);
      for (guint k = 0; k < n_ranges; k++)
        for (guint i = ranges[k][0]; i < ranges[k][1]; i++)
          {
            const Item *item = &items[i];
            double x0, x1;
            guint lane = item->lane;

            if (item->end < self->visible_start - margin_t)
              continue;

            item_extent (self, &g, item, &x0, &x1);
            if (x1 < g.plot_x0 - r - 2 || x0 > g.plot_x1 + r + 2)
              continue;

            self->lane_counts[lane * 2 + item->kind]++;
            if (item->kind == ITEM_DOT)
              {
                self->dot_bins[(gsize) lane * n_bins + bin_of (&g, n_bins, (x0 + x1) / 2)]++;
              }
            else
              {
                guint b0 = bin_of (&g, n_bins, g.rtl ? x1 : x0);
                guint b1 = bin_of (&g, n_bins, g.rtl ? x0 : x1);
                float *row = self->span_bins + (gsize) lane * (n_bins + 1);

                row[b0] += 1;
                row[b1 + 1] -= 1;
              }

            if (self->lane_counts[lane * 2 + item->kind] <= MAX_ITEMS_PER_LANE)
              {
                Visible v = { i, lane, x0, x1, g.rtl ? g.width - x1 : x0, g.rtl ? g.width - x0 : x1 };

                g_array_append_val (self->visible, v);
              }
          }

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (MIN (g.plot_x0, g.plot_x1) - r - 2, g.lanes_y0,
                                                             g.plot_x1 - g.plot_x0 + 2 * r + 4,
                                                             g.lanes_y1 - g.lanes_y0));

      /* Crowded lanes as densities. */
      for (guint l = 0; l < n_lanes; l++)
        {
          float max_cover = prepare_density (self, l);

          /* Many spans overlapping would only stack up into a solid bar. */
          self->lane_crowded[l * 2 + ITEM_SPAN] = self->lane_counts[l * 2 + ITEM_SPAN] > MAX_ITEMS_PER_LANE
                                                  || (max_cover > MAX_OVERLAPPING_SPANS
                                                      && self->lane_counts[l * 2 + ITEM_SPAN] > 3 * MAX_OVERLAPPING_SPANS);
          self->lane_crowded[l * 2 + ITEM_DOT] = self->lane_counts[l * 2 + ITEM_DOT] > MAX_ITEMS_PER_LANE;
          draw_density (self, snapshot, &g, l,
                        self->lane_crowded[l * 2 + ITEM_SPAN],
                        self->lane_crowded[l * 2 + ITEM_DOT]);
        }

      /* The others event by event: spans, then dots, stacked. */
      g_array_sort (self->visible, compare_visible);
      vis = (const Visible *) (gpointer) self->visible->data;
      for (guint i = 0; i < self->visible->len; i++)
        {
          const Item *item = &items[vis[i].item];
          const Lane *lane = g_ptr_array_index (self->lanes, vis[i].lane);
          double ly = g.lanes_y0 + vis[i].lane * g.lane_h;

          if (self->lane_crowded[vis[i].lane * 2 + item->kind] || item->kind != ITEM_SPAN)
            continue;
          draw_span (self, snapshot, &g, item, lane, vis[i].x0, vis[i].x1, ly + (g.lane_h - span_height (&g)) / 2);
        }

      build_stacks (self, &g, selected_index);
      for (guint s = 0; s < self->stacks->len; s++)
        {
          const Stack *stack = &g_array_index (self->stacks, Stack, s);
          const Item *item = &items[stack->top];
          const Lane *lane = g_ptr_array_index (self->lanes, stack->lane);

          draw_dot (snapshot, &g, item, lane, stack->x,
                    time_to_x (self, &g, item->start), time_to_x (self, &g, item->end + 1.0), stack->cy);
          if (stack->n > 1)
            draw_stack_badge (self, snapshot, stack, lane, &fg);
        }

      /* Labels: the selected event's first, then greedily in time order
       * per lane, each ending before the next dot, none overlapping. */
      g_array_set_size (self->candidates, 0);
      if (g.lane_h >= 11)
        for (guint i = 0; i < self->visible->len; i++)
          {
            const Item *item = &items[vis[i].item];
            double fplot1 = g.rtl ? g.width - g.plot_x0 : g.plot_x1;
            double fplot0 = g.rtl ? g.width - g.plot_x1 : g.plot_x0;
            double after;
            LabelCandidate c;

            if (self->lane_crowded[vis[i].lane * 2 + item->kind])
              continue;
            /* A stack is labelled by the dot it shows, after its badge. */
            if (item->kind == ITEM_DOT && !stack_top_of (self, i, &c.fstart))
              continue;

            c.item = vis[i].item;
            c.lane = vis[i].lane;
            c.priority = vis[i].item + 1 == selected_index ? 1 : 0;

            if (item->kind == ITEM_DOT)
              {
                after = vis[i].f0;
                c.fstart = MAX (c.fstart, vis[i].f0 + r + 4);
              }
            else if (MIN (vis[i].f1, fplot1) - MAX (vis[i].f0, fplot0) >= 90 || vis[i].f1 > fplot1)
              {
                /* Inside a long enough span, from its (visible) start. */
                c.fstart = MAX (vis[i].f0, fplot0) + 6;
                c.fend = MIN (vis[i].f1, fplot1) - 4;
                if (c.fend - c.fstart >= MIN_LABEL_WIDTH)
                  g_array_append_val (self->candidates, c);
                continue;
              }
            else
              {
                /* After a short span, like a dot's. */
                after = vis[i].f1;
                c.fstart = vis[i].f1 + 4;
              }

            /* Up to the next dot in the lane. */
            c.fend = fplot1;
            for (guint j = i + 1; j < self->visible->len && vis[j].lane == vis[i].lane; j++)
              if (items[vis[j].item].kind == ITEM_DOT && vis[j].f0 > after + 0.5)
                {
                  c.fend = vis[j].f0 - r - LABEL_GAP;
                  break;
                }

            if (c.fend - c.fstart >= MIN_LABEL_WIDTH)
              g_array_append_val (self->candidates, c);
          }

      g_array_sort (self->candidates, compare_candidates);
      {
        g_autofree double *occupied = g_new (double, n_lanes);
        GdkRGBA text = with_alpha (&fg, 0.85);
        gboolean have_selected_rect = FALSE;
        graphene_rect_t selected_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);

        for (guint l = 0; l < n_lanes; l++)
          occupied[l] = -G_MAXDOUBLE;

        g_array_set_size (self->placed, 0);
        for (guint i = 0; i < self->candidates->len; i++)
          {
            const LabelCandidate *c = &g_array_index (self->candidates, LabelCandidate, i);
            PangoLayout *layout;
            double avail, fx;
            int w, h;
            PlacedLabel p;
            graphene_rect_t rect;

            if (c->fstart < occupied[c->lane] && c->priority == 0)
              continue;

            avail = MIN (c->fend - c->fstart, MAX_LABEL_WIDTH);
            layout = get_event_layout (self, items[c->item].event);
            pango_layout_set_width (layout, (int) (avail * PANGO_SCALE));
            pango_layout_get_pixel_size (layout, &w, &h);
            fx = c->fstart;

            p.layout = layout;
            p.x = g.rtl ? g.width - fx - w : fx;
            p.y = g.lanes_y0 + c->lane * g.lane_h + (g.lane_h - h) / 2;
            /* Drawn clipped to its lane: the small type's ink fits even
             * where its line height does not. */
            rect = GRAPHENE_RECT_INIT (p.x, MAX (p.y, g.lanes_y0 + c->lane * g.lane_h), w, MIN (h, g.lane_h));

            if (c->priority == 0 && have_selected_rect && graphene_rect_intersection (&rect, &selected_rect, NULL))
              continue;
            if (c->priority > 0)
              {
                have_selected_rect = TRUE;
                selected_rect = rect;
              }
            else
              {
                occupied[c->lane] = fx + w + LABEL_GAP;
              }

            /* The layout's width is set again before drawing. */
            g_array_append_val (self->placed, p);
            g_array_append_val (self->label_rects, rect);
          }

        for (guint i = 0; i < self->placed->len; i++)
          {
            const PlacedLabel *p = &g_array_index (self->placed, PlacedLabel, i);
            const graphene_rect_t *rect = &g_array_index (self->label_rects, graphene_rect_t, i);

            pango_layout_set_width (p->layout, (int) ceil (rect->size.width) * PANGO_SCALE);
            gtk_snapshot_push_clip (snapshot, rect);
            append_layout_at (snapshot, p->layout, &text, p->x, p->y);
            gtk_snapshot_pop (snapshot);
          }
      }

      /* The selection: a ring around it. */
      if (selected_index > 0)
        {
          const Item *item = &items[selected_index - 1];
          double x0, x1;
          double ly = g.lanes_y0 + item->lane * g.lane_h;

          item_extent (self, &g, item, &x0, &x1);
          if (item->kind == ITEM_DOT)
            {
              append_outline (snapshot, &fg, x0 - r - 3, ly + g.lane_h / 2 - r - 3, 2 * r + 6, 2 * r + 6, r + 3, 2);
            }
          else
            {
              double h = span_height (&g);

              append_outline (snapshot, &fg, x0 - 2, ly + (g.lane_h - h) / 2 - 2, MAX (x1 - x0, 3) + 4, h + 4, 5, 2);
            }
        }

      gtk_snapshot_pop (snapshot);
    }

  draw_overview (self, snapshot, &g, &fg);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA ring = with_alpha (&fg, 0.5);

      append_outline (snapshot, &ring, 1, 1, g.width - 2, g.height - 2, 6, 2);
    }
}

static void
dl_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  DlTimeline *self = DL_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 800;
    }
  else
    {
      guint n_lanes = MAX (self->lanes->len, 1);
      double chrome = HEADER_HEIGHT + OVERVIEW_GAP + OVERVIEW_HEIGHT + 4;

      *minimum = (int) (chrome + n_lanes * 6);
      *natural = (int) CLAMP (chrome + n_lanes * 18, 160, 220);
      *natural = MAX (*natural, *minimum);
    }
}

static void
dl_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  DlTimeline *self = DL_TIMELINE (widget);

  self->overview_valid = FALSE;
  if (self->stack_list != NULL)
    gtk_popover_present (self->stack_list);
}

static void
dl_timeline_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  clear_caches (DL_TIMELINE (widget));
}

static void
dl_timeline_system_setting_changed (GtkWidget         *widget,
                                    GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (dl_timeline_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_FONT_CONFIG
      || setting == GTK_SYSTEM_SETTING_DPI)
    clear_caches (DL_TIMELINE (widget));
}

static void
dl_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DlTimeline *self = DL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_START:
      g_value_set_int64 (value, self->visible_start);
      break;
    case PROP_VISIBLE_END:
      g_value_set_int64 (value, self->visible_end);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DlTimeline *self = DL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_START:
      dl_timeline_set_visible_range (self, g_value_get_int64 (value),
                                     MAX (self->visible_end, g_value_get_int64 (value) + MIN_SPAN));
      break;
    case PROP_VISIBLE_END:
      dl_timeline_set_visible_range (self, MIN (self->visible_start, g_value_get_int64 (value) - MIN_SPAN),
                                     g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_timeline_dispose (GObject *object)
{
  DlTimeline *self = DL_TIMELINE (object);

  stop_animation (self);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  dl_timeline_set_model (self, NULL);
  g_clear_object (&self->selected);
  if (self->stack_list != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack_list));
      self->stack_list = NULL;
    }

  G_OBJECT_CLASS (dl_timeline_parent_class)->dispose (object);
}

static void
dl_timeline_finalize (GObject *object)
{
  DlTimeline *self = DL_TIMELINE (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->item_by_event, g_hash_table_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->stacks, g_array_unref);
  g_clear_pointer (&self->candidates, g_array_unref);
  g_clear_pointer (&self->label_rects, g_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->coarse_ticks, g_array_unref);
  g_clear_pointer (&self->tick_layouts, g_hash_table_unref);
  g_clear_pointer (&self->event_layouts, g_hash_table_unref);
  g_clear_pointer (&self->badge_layouts, g_hash_table_unref);
  g_free (self->dot_bins);
  g_free (self->span_bins);
  g_free (self->lane_counts);
  g_free (self->lane_crowded);
  g_free (self->overview_bins);
  g_free (self->description);

  G_OBJECT_CLASS (dl_timeline_parent_class)->finalize (object);
}

static void
dl_timeline_class_init (DlTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dl_timeline_get_property;
  object_class->set_property = dl_timeline_set_property;
  object_class->dispose = dl_timeline_dispose;
  object_class->finalize = dl_timeline_finalize;

  widget_class->snapshot = dl_timeline_snapshot;
  widget_class->measure = dl_timeline_measure;
  widget_class->size_allocate = dl_timeline_size_allocate;
  widget_class->direction_changed = dl_timeline_direction_changed;
  widget_class->system_setting_changed = dl_timeline_system_setting_changed;

  /**
   * DlTimeline:visible-start:
   *
   * The start of the detail axis, in Unix seconds.
   */
  properties[PROP_VISIBLE_START] =
    g_param_spec_int64 ("visible-start", NULL, NULL, MIN_TIME, MAX_TIME, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * DlTimeline:visible-end:
   *
   * The end of the detail axis, in Unix seconds.
   */
  properties[PROP_VISIBLE_END] =
    g_param_spec_int64 ("visible-end", NULL, NULL, MIN_TIME, MAX_TIME, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DlTimeline::event-activated:
   * @event: the event clicked on
   */
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DL_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, fit_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "timeline.fit-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.fit-all", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dl_timeline_init (DlTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click;
  GtkGesture *drag;
  GtkGesture *zoom;
  GtkEventController *scroll;
  GtkEventController *motion;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_array_set_clear_func (self->items, clear_item);
  self->item_by_event = g_hash_table_new (NULL, NULL);
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->visible = g_array_new (FALSE, FALSE, sizeof (Visible));
  self->candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));
  self->label_rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->placed = g_array_new (FALSE, FALSE, sizeof (PlacedLabel));
  self->stacks = g_array_new (FALSE, FALSE, sizeof (Stack));
  self->session_signals = g_signal_group_new (DL_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::selected-event",
                                  G_CALLBACK (on_session_selected_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::visible-start",
                                  G_CALLBACK (on_session_range_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::visible-end",
                                  G_CALLBACK (on_session_range_changed), self);
  self->stack_list = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack_list), widget);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coarse_ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tick_layouts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->event_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->badge_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->lane_counts = g_new0 (guint, 2);
  self->lane_crowded = g_new0 (gboolean, 2);

  self->visible_end = now - now % SECONDS_PER_DAY + SECONDS_PER_DAY;
  self->visible_start = self->visible_end - 30 * SECONDS_PER_DAY;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_description (self);
}

/* Public API */

void
dl_timeline_set_session (DlTimeline *self,
                         DlSession  *session)
{
  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (session == NULL || DL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  dl_timeline_set_model (self, session != NULL ? dl_session_get_events (session) : NULL);
  if (session != NULL)
    {
      gint64 start, end;

      dl_timeline_set_selected (self, dl_session_get_selected_event (session));
      dl_session_get_visible_range (session, &start, &end);
      if (end > start && self->range_set)
        on_session_range_changed (self);
      else
        dl_session_set_visible_range (session, self->visible_start, self->visible_end);
    }
}

DlTimeline *
dl_timeline_new (void)
{
  return g_object_new (DL_TYPE_TIMELINE, NULL);
}

void
dl_timeline_set_model (DlTimeline *self,
                       GListModel *events)
{
  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (self->model == events)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);

  g_set_object (&self->model, events);

  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_items_changed), self);

  rebuild_index (self);

  /* Until told otherwise, show where most of the events are. */
  if (!self->range_set && self->have_extent)
    {
      gint64 start, end;

      get_fit_range (self, self->focus_start, self->focus_end, &start, &end);
      apply_range (self, start, end);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

DlEvent *
dl_timeline_get_selected (DlTimeline *self)
{
  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);

  return self->selected;
}

void
dl_timeline_set_selected (DlTimeline *self,
                          DlEvent    *event)
{
  guint index;
  const Item *item;
  gint64 start, end, span, s, e;
  gint64 margin;

  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (event == NULL || DL_IS_EVENT (event));

  if (!g_set_object (&self->selected, event))
    return;

  gtk_widget_queue_draw (GTK_WIDGET (self));

  index = event != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->item_by_event, event)) : 0;
  if (index == 0)
    return;

  item = &g_array_index (self->items, Item, index - 1);
  get_target_range (self, &start, &end);
  span = end - start;

  if (item->kind == ITEM_DOT)
    {
      s = e = item->mid;
    }
  else
    {
      s = item->start != DL_EDTF_UNBOUNDED_START ? item->start : item->mid;
      e = item->end != DL_EDTF_UNBOUNDED_END ? item->end : item->mid;
    }

  /* Already comfortably in view: leave the view alone. */
  margin = span / 20;
  if (s >= start + margin && e <= end - margin)
    return;

  /* Too long to fit: zoom out to show all of it. */
  if (e - s > span - 2 * margin)
    {
      get_fit_range (self, s, e, &start, &end);
      animate_to (self, start, end);
      return;
    }

  start = s + (e - s) / 2 - span / 2;
  animate_to (self, start, start + span);
}

void
dl_timeline_set_visible_range (DlTimeline *self,
                               gint64      start,
                               gint64      end)
{
  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (start < end);

  stop_animation (self);
  self->range_set = TRUE;
  apply_range (self, start, end);
}

void
dl_timeline_get_visible_range (DlTimeline *self,
                               gint64     *start,
                               gint64     *end)
{
  g_return_if_fail (DL_IS_TIMELINE (self));

  if (start != NULL)
    *start = self->visible_start;
  if (end != NULL)
    *end = self->visible_end;
}

void
dl_timeline_fit_all (DlTimeline *self)
{
  gint64 start, end;

  g_return_if_fail (DL_IS_TIMELINE (self));

  if (!self->have_extent)
    return;

  get_fit_range (self, self->extent_start, self->extent_end, &start, &end);
  animate_to (self, start, end);
}

void
dl_timeline_zoom (DlTimeline *self,
                  double      factor)
{
  gint64 start, end;
  double anchor;

  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  get_target_range (self, &start, &end);
  anchor = start + (end - start) / 2.0;

  /* Around the pointer when it is over the axis (the time under it stays
   * under it), else around the selection when it shows, else the centre. */
  if (self->pointer_inside)
    {
      Geometry g;

      get_geometry (self, &g);
      if (self->pointer_x >= MIN (g.plot_x0, g.plot_x1) && self->pointer_x <= MAX (g.plot_x0, g.plot_x1))
        {
          /* x_to_time() reads the current range; an animation aims elsewhere. */
          double f = g.rtl ? (g.plot_x1 - self->pointer_x) / (g.plot_x1 - g.plot_x0)
                           : (self->pointer_x - g.plot_x0) / (g.plot_x1 - g.plot_x0);

          zoom_at (self, factor, start + f * (double) (end - start), TRUE);
          return;
        }
    }

  if (self->selected != NULL)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_by_event, self->selected));

      if (index > 0)
        {
          const Item *item = &g_array_index (self->items, Item, index - 1);

          if (item->mid >= start && item->mid <= end)
            anchor = item->mid;
        }
    }

  zoom_at (self, factor, anchor, TRUE);
}

DlEvent *
dl_timeline_pick (DlTimeline *self,
                  double      x,
                  double      y)
{
  const Item *items;
  guint ranges[N_CLASSES][2];
  guint n_ranges;
  Geometry g;
  DlEvent *best = NULL;
  double best_distance = G_MAXDOUBLE;
  gboolean best_is_dot = FALSE;
  double r, t0, t1;
  guint lane;

  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);

  /* What the last frame drew on top there. */
  {
    gboolean on_badge;
    const Stack *stack = stack_at (self, x, y, &on_badge);

    if (stack != NULL)
      return g_array_index (self->items, Item, stack->top).event;
  }

  get_geometry (self, &g);
  if (self->lanes->len == 0 || y < g.lanes_y0 || y >= g.lanes_y1)
    return NULL;
  if (x < MIN (g.plot_x0, g.plot_x1) - 4 || x > MAX (g.plot_x0, g.plot_x1) + 4)
    return NULL;

  lane = (guint) ((y - g.lanes_y0) / g.lane_h);
  r = dot_radius (&g) + 3;
  t0 = x_to_time (self, &g, g.rtl ? x + r : x - r);
  t1 = x_to_time (self, &g, g.rtl ? x - r : x + r);
  items = (const Item *) (gpointer) self->items->data;

  n_ranges = cull (self, t0, t1, ranges);
  for (guint k = 0; k < n_ranges; k++)
    for (guint i = ranges[k][0]; i < ranges[k][1]; i++)
      {
        const Item *item = &items[i];
        double x0, x1, d;

        if (item->lane != lane || item->end < t0)
          continue;

        item_extent (self, &g, item, &x0, &x1);
        if (item->kind == ITEM_DOT)
          {
            d = fabs (x - x0);
            if (d > r)
              continue;
            /* Dots sit on top of spans. */
            if (!best_is_dot || d < best_distance)
              {
                best = item->event;
                best_distance = d;
                best_is_dot = TRUE;
              }
          }
        else if (!best_is_dot && x >= x0 - 2 && x <= MAX (x1, x0 + 3) + 2)
          {
            /* Among overlapping spans, the shortest. */
            d = x1 - x0;
            if (d < best_distance)
              {
                best = item->event;
                best_distance = d;
              }
          }
      }

  return best;
}

gboolean
dl_timeline_get_event_bounds (DlTimeline      *self,
                              DlEvent         *event,
                              graphene_rect_t *bounds)
{
  const Item *item;
  guint index;
  Geometry g;
  double x0, x1;
  double ly;

  g_return_val_if_fail (DL_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (DL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_by_event, event));
  get_geometry (self, &g);
  if (index == 0 || g.width <= 0 || g.height <= 0)
    return FALSE;

  item = &g_array_index (self->items, Item, index - 1);
  item_extent (self, &g, item, &x0, &x1);
  ly = g.lanes_y0 + item->lane * g.lane_h;

  if (item->kind == ITEM_DOT)
    {
      double r = dot_radius (&g);

      graphene_rect_init (bounds, x0 - r, ly + g.lane_h / 2 - r, 2 * r, 2 * r);
    }
  else
    {
      double h = span_height (&g);

      graphene_rect_init (bounds, x0, ly + (g.lane_h - h) / 2, MAX (x1 - x0, 3), h);
    }

  return TRUE;
}

gboolean
dl_timeline_get_stack (DlTimeline      *self,
                       guint            index,
                       graphene_rect_t *dot,
                       graphene_rect_t *badge,
                       guint           *n_events,
                       DlEvent        **top)
{
  const Stack *stack;
  Geometry g;
  double r;

  g_return_val_if_fail (DL_IS_TIMELINE (self), FALSE);

  if (index >= self->stacks->len)
    return FALSE;

  get_geometry (self, &g);
  r = dot_radius (&g);
  stack = &g_array_index (self->stacks, Stack, index);
  if (dot != NULL)
    graphene_rect_init (dot, stack->x - r, stack->cy - r, 2 * r, 2 * r);
  if (badge != NULL)
    *badge = stack->n > 1 ? stack->badge : GRAPHENE_RECT_INIT (0, 0, 0, 0);
  if (n_events != NULL)
    *n_events = stack->n;
  if (top != NULL)
    *top = g_array_index (self->items, Item, stack->top).event;
  return TRUE;
}

void
dl_timeline_get_overview_bounds (DlTimeline      *self,
                                 graphene_rect_t *strip,
                                 graphene_rect_t *brush)
{
  Geometry g;
  double bx0, bx1;

  g_return_if_fail (DL_IS_TIMELINE (self));

  get_geometry (self, &g);
  get_brush_x (self, &g, &bx0, &bx1);
  if (strip != NULL)
    graphene_rect_init (strip, MIN (g.plot_x0, g.plot_x1), g.overview_y0,
                        fabs (g.plot_x1 - g.plot_x0), g.overview_y1 - g.overview_y0);
  if (brush != NULL)
    graphene_rect_init (brush, bx0, g.overview_y0, bx1 - bx0, g.overview_y1 - g.overview_y0);
}

const graphene_rect_t *
dl_timeline_get_label_rects (DlTimeline *self,
                             guint      *n_rects)
{
  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (n_rects != NULL, NULL);

  *n_rects = self->label_rects->len;
  return (const graphene_rect_t *) (gpointer) self->label_rects->data;
}

const char *
dl_timeline_get_tick_unit (DlTimeline *self)
{
  static const char * const names[] = { "hour", "day", "month", "year", "none" };
  Geometry g;

  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);

  get_geometry (self, &g);
  return names[choose_tick_step (self, &g).unit];
}
