/* dl-timeline-density.c: which events a frame of the timeline shows, counted per column of pixels
 *
 * A lane that would show more than MAX_ITEMS_PER_LANE dots (or spans) in
 * the visible range is drawn as a density: a histogram of its dots per
 * column of BIN_WIDTH pixels, a band whose strength follows how many of
 * its spans overlap. Counting them used to visit every event in view,
 * 13.6 ms a frame at a million events. The index now keeps each lane's
 * dot instants, span starts and span ends sorted (dl-timeline-index.c,
 * built off the main loop at that size), and a crowded lane's columns are
 * counted by binary searches over those: a frame's cost follows the
 * columns, not the events. The search asks the same question of an
 * instant as the drawing does of an event (its x, then its column), and
 * x grows with time (shrinks, right to left), so the counts are the
 * ones visiting each event gives. A lane with few events in view is
 * visited event by event, as before, and drawn exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-timeline"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-bisect.h"
#include "dl-timeline-private.h"

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

/* Turns a lane's span difference array into coverage; returns its maximum. */
float
dl_timeline_prepare_density (DlTimeline *self,
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

/* A crowded lane: spans as a band whose strength follows how many overlap,
 * dots as a histogram. */
void
dl_timeline_draw_density (DlTimeline     *self,
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
  double band_h = dl_timeline_span_height (g);
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
                GdkRGBA c = dl_timeline_with_alpha (&lane->color, 0.06 + 0.035 * run_level);
                double x0 = g->rtl ? g->plot_x1 - b * BIN_WIDTH : g->plot_x0 + run_start * BIN_WIDTH;

                dl_timeline_append_rect (snapshot, &c, x0, band_y, (b - run_start) * BIN_WIDTH, band_h);
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
                GdkRGBA c = dl_timeline_with_alpha (&lane->color, 0.85);
                double x0 = g->rtl ? g->plot_x1 - b * BIN_WIDTH : g->plot_x0 + run_start * BIN_WIDTH;

                dl_timeline_append_rect (snapshot, &c, x0, band_y + band_h - run_level, (b - run_start) * BIN_WIDTH, run_level);
              }
            run_start = b;
            run_level = level;
          }
      }
}


/* Where the drawing puts an instant of a dot, a span's start or a span's
 * end (dl_timeline_item_extent(), one edge at a time). */
typedef enum {
  EDGE_MID,
  EDGE_START,
  EDGE_END,
} Edge;

static inline double
edge_x (DlTimeline     *self,
        const Geometry *g,
        Edge            edge,
        gint64          t)
{
  double lo = g->plot_x0 - 200;
  double hi = g->plot_x1 + 200;
  double x;

  if (edge == EDGE_START && t == DL_EDTF_UNBOUNDED_START)
    x = g->rtl ? hi : lo;
  else if (edge == EDGE_END && t == DL_EDTF_UNBOUNDED_END)
    x = g->rtl ? lo : hi;
  else
    x = dl_timeline_time_to_x (self, g, edge == EDGE_END ? t + 1.0 : (double) t);

  return CLAMP (x, lo, hi);
}

/* Whether the drawing's x of @t is past @limit in reading order: right of
 * it, or left of it right to left. Along a sorted array it is false,
 * then true. */
typedef enum {
  BEFORE_OR_AT,   /* x at or past @limit */
  PAST,           /* x strictly past @limit */
} Cut;

/* The first index in [lo, hi) of sorted @v whose x is past @limit (as
 * @cut says), or hi. */
static inline gboolean
is_past (const Geometry *g,
         double          x,
         double          limit,
         Cut             cut)
{
  return g->rtl ? (cut == PAST ? x < limit : x <= limit)
                : (cut == PAST ? x > limit : x >= limit);
}

static guint
first_past (DlTimeline     *self,
            const Geometry *g,
            Edge            edge,
            const gint64   *v,
            guint           lo,
            guint           hi,
            double          limit,
            Cut             cut)
{
  DL_BISECT (lo, hi, m, !is_past (g, edge_x (self, g, edge, v[m]), limit, cut));

  return lo;
}

/* Adds how many of v[lo..hi) fall in each column to @bins; columns grow
 * along the array, so each non-empty one costs a binary search. */
static void
count_columns (DlTimeline     *self,
               const Geometry *g,
               Edge            edge,
               const gint64   *v,
               guint           lo,
               guint           hi,
               guint32        *bins)
{
  guint n_bins = self->n_bins;

  while (lo < hi)
    {
      guint bin = bin_of (g, n_bins, edge_x (self, g, edge, v[lo]));
      guint a = lo + 1, b = hi;

      /* The first whose column is past @bin. */
      DL_BISECT (a, b, m, bin_of (g, n_bins, edge_x (self, g, edge, v[m])) <= bin);
      bins[bin] += a - lo;
      lo = a;
    }
}

/* Visible: not ending before the plot's first pixel (less a dot's width)
 * nor starting after its last, in reading order, as pass 1 of the
 * snapshot asks of each event. */
static guint
count_dots (DlTimeline     *self,
            const Geometry *g,
            const Lane     *lane,
            double          left,
            double          right,
            guint          *first,
            guint          *last)
{
  /* Left to right, visible x is in [left, right]; right to left the
   * array runs from right to left. */
  *first = first_past (self, g, EDGE_MID, lane->dot_mids, 0, lane->n_dots, g->rtl ? right : left, BEFORE_OR_AT);
  *last = first_past (self, g, EDGE_MID, lane->dot_mids, *first, lane->n_dots, g->rtl ? left : right, PAST);
  return *last - *first;
}

/* Spans ending before the plot, and starting after it. */
static void
count_spans_out (DlTimeline     *self,
                 const Geometry *g,
                 const Lane     *lane,
                 double          left,
                 double          right,
                 guint          *n_before,
                 guint          *n_after)
{
  *n_before = first_past (self, g, EDGE_END, lane->span_ends, 0, lane->n_spans, g->rtl ? right : left, BEFORE_OR_AT);
  *n_after = lane->n_spans - first_past (self, g, EDGE_START, lane->span_starts, 0, lane->n_spans,
                                         g->rtl ? left : right, PAST);
}

/* A crowded lane's spans, as the difference array pass 1 would make:
 * coverage at column b is the spans starting at or before b less those
 * ending before b. Spans ending before the plot sit in column 0 and
 * those starting after it in the last (bin_of() clamps), so both are
 * taken out there. */
static void
span_density (DlTimeline     *self,
              const Geometry *g,
              const Lane     *lane,
              guint           n_before,
              guint           n_after,
              float          *row)
{
  guint n_bins = self->n_bins;
  g_autofree guint32 *starts = g_new0 (guint32, n_bins);
  g_autofree guint32 *ends = g_new0 (guint32, n_bins);
  gint64 started = 0, ended = 0;
  gint64 previous = 0;

  count_columns (self, g, EDGE_START, lane->span_starts, 0, lane->n_spans, starts);
  count_columns (self, g, EDGE_END, lane->span_ends, 0, lane->n_spans, ends);
  for (guint b = 0; b < n_bins; b++)
    {
      gint64 cover;

      started += starts[b];
      cover = started - ended;
      if (b == 0)
        cover -= n_before;
      if (b == n_bins - 1)
        cover -= n_after;
      row[b] = (float) (cover - previous);
      previous = cover;
      ended += ends[b];
    }
}

void
dl_timeline_gather (DlTimeline     *self,
                    const Geometry *g,
                    double          r)
{
  const Item *items = (const Item *) (gpointer) self->items->data;
  guint n_lanes = self->lanes->len;
  guint ranges[N_CLASSES][2];
  double left = g->plot_x0 - r - 2;
  double right = g->plot_x1 + r + 2;
  double margin_t;
  guint n_bins;

  ensure_bins (self, g);
  n_bins = self->n_bins;
  memset (self->dot_bins, 0, sizeof (guint32) * n_lanes * n_bins);
  memset (self->span_bins, 0, sizeof (float) * n_lanes * (n_bins + 1));
  memset (self->lane_counts, 0, sizeof (guint) * 2 * n_lanes);
  g_array_set_size (self->visible, 0);

  margin_t = (r + 2) / (g->plot_x1 - g->plot_x0) * (self->visible_end - self->visible_start);
  for (guint l = 0; l < n_lanes; l++)
    {
      const Lane *lane = g_ptr_array_index (self->lanes, l);
      guint first, last, n_before, n_after;

      /* Counted from the sorted instants first: a crowded lane's events
       * are not visited. */
      if (count_dots (self, g, lane, left, right, &first, &last) > MAX_ITEMS_PER_LANE)
        {
          self->lane_counts[l * 2 + ITEM_DOT] = last - first;
          count_columns (self, g, EDGE_MID, lane->dot_mids, first, last, self->dot_bins + (gsize) l * n_bins);
        }
      else
        self->lane_counts[l * 2 + ITEM_DOT] = G_MAXUINT;   /* visit */

      count_spans_out (self, g, lane, left, right, &n_before, &n_after);
      if (lane->n_spans - n_before - n_after > MAX_ITEMS_PER_LANE)
        {
          self->lane_counts[l * 2 + ITEM_SPAN] = lane->n_spans - n_before - n_after;
          span_density (self, g, lane, n_before, n_after, self->span_bins + (gsize) l * (n_bins + 1));
        }
      else
        self->lane_counts[l * 2 + ITEM_SPAN] = G_MAXUINT;
    }

  /* The others event by event. */
  for (guint l = 0; l < n_lanes; l++)
    for (guint kind = 0; kind < 2; kind++)
      {
        guint n_ranges;

        if (self->lane_counts[l * 2 + kind] != G_MAXUINT)
          continue;
        self->lane_counts[l * 2 + kind] = 0;

        n_ranges = dl_timeline_cull (self, l, kind, self->visible_start - margin_t, self->visible_end + margin_t, ranges);
        for (guint k = 0; k < n_ranges; k++)
          for (guint i = ranges[k][0]; i < ranges[k][1]; i++)
            {
              const Item *item = &items[i];
              double x0, x1;

              if (item->end < self->visible_start - margin_t)
                continue;

              dl_timeline_item_extent (self, g, item, &x0, &x1);
              if (x1 < left || x0 > right)
                continue;

              self->lane_counts[l * 2 + kind]++;
              if (item->kind == ITEM_DOT)
                {
                  self->dot_bins[(gsize) l * n_bins + bin_of (g, n_bins, (x0 + x1) / 2)]++;
                }
              else
                {
                  guint b0 = bin_of (g, n_bins, g->rtl ? x1 : x0);
                  guint b1 = bin_of (g, n_bins, g->rtl ? x0 : x1);
                  float *row = self->span_bins + (gsize) l * (n_bins + 1);

                  row[b0] += 1;
                  row[b1 + 1] -= 1;
                }

              if (self->lane_counts[l * 2 + kind] <= MAX_ITEMS_PER_LANE)
                {
                  Visible v = { i, l, x0, x1, g->rtl ? g->width - x1 : x0, g->rtl ? g->width - x0 : x1, G_MAXUINT };

                  g_array_append_val (self->visible, v);
                }
            }
      }
}

const guint32 *
dl_timeline_get_dot_columns (DlTimeline *self,
                             guint       lane,
                             guint      *n_columns)
{
  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (n_columns != NULL, NULL);

  *n_columns = self->n_bins;
  if (lane >= self->lanes->len || self->dot_bins == NULL || self->n_bins == 0)
    return NULL;
  return self->dot_bins + (gsize) lane * self->n_bins;
}
