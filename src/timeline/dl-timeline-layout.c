/* dl-timeline-layout.c: the timeline's geometry, tick labels and overview strip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-timeline"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-timeline-private.h"

/* Helpers: geometry */

void
dl_timeline_get_geometry (DlTimeline *self,
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

double
dl_timeline_time_to_x (DlTimeline     *self,
           const Geometry *g,
           double          t)
{
  double f = (t - (double) self->visible_start) / (double) (self->visible_end - self->visible_start);
  double w = g->plot_x1 - g->plot_x0;

  return g->rtl ? g->plot_x1 - f * w : g->plot_x0 + f * w;
}

double
dl_timeline_x_to_time (DlTimeline     *self,
           const Geometry *g,
           double          x)
{
  double w = g->plot_x1 - g->plot_x0;
  double f = g->rtl ? (g->plot_x1 - x) / w : (x - g->plot_x0) / w;

  return self->visible_start + f * (double) (self->visible_end - self->visible_start);
}

void
dl_timeline_get_overview_range (DlTimeline *self,
                    gint64     *start,
                    gint64     *end)
{
  /* The dataset's span, with room for a fitted view (dl_timeline_get_fit_range()): it
   * does not follow the view, so the brush maps to one fixed scale and a
   * drag on it cannot run away. */
  if (!self->have_extent)
    {
      *start = self->visible_start;
      *end = self->visible_end;
      return;
    }

  dl_timeline_overview_range_of (self->extent_start, self->extent_end, start, end);
}

void
dl_timeline_overview_range_of (gint64  s,
                               gint64  e,
                               gint64 *start,
                               gint64 *end)
{
  gint64 margin = MAX ((e - s) / 20, SECONDS_PER_DAY);

  *start = MAX (s - margin, MIN_TIME);
  *end = MIN (e + margin, MAX_TIME);
}

void
dl_timeline_bin_overview (GArray *items,
                          gint64  os,
                          gint64  oe,
                          float  *diff,
                          guint   n_bins)
{
  /* Spans spread their weight over the bins they cover. */
  for (guint i = 0; i < items->len; i++)
    {
      const Item *item = &g_array_index (items, Item, i);
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
}

/* The fine bins summed into @n_bins: each fine bin's weight goes to the
 * bins it overlaps, in proportion. */
static void
resample_overview (const float *fine,
                   float       *bins,
                   guint        n_bins)
{
  double step = (double) n_bins / OVERVIEW_FINE_BINS;

  if (n_bins == 0)
    return;
  for (guint j = 0; j < OVERVIEW_FINE_BINS; j++)
    {
      double x0 = j * step;
      double x1 = x0 + step;
      guint b = MIN ((guint) x0, n_bins - 1);

      if (fine[j] == 0)
        continue;
      if ((double) (b + 1) >= x1 || b + 1 >= n_bins)
        bins[b] += fine[j];
      else
        {
          float left = (float) (((b + 1) - x0) / step);

          bins[b] += fine[j] * left;
          bins[b + 1] += fine[j] * (1 - left);
        }
    }
}

static double
overview_time_to_x (DlTimeline     *self,
                    const Geometry *g,
                    double          t)
{
  gint64 s, e;
  double f;

  dl_timeline_get_overview_range (self, &s, &e);
  f = (t - (double) s) / (double) (e - s);
  return g->rtl ? g->plot_x1 - f * (g->plot_x1 - g->plot_x0)
                : g->plot_x0 + f * (g->plot_x1 - g->plot_x0);
}

double
dl_timeline_overview_x_to_time (DlTimeline     *self,
                    const Geometry *g,
                    double          x)
{
  gint64 s, e;
  double w = g->plot_x1 - g->plot_x0;
  double f = g->rtl ? (g->plot_x1 - x) / w : (x - g->plot_x0) / w;

  dl_timeline_get_overview_range (self, &s, &e);
  return s + f * (double) (e - s);
}

/* Where the brush is drawn: at least 8 px wide, so a day in years shows. */
void
dl_timeline_get_brush_x (DlTimeline     *self,
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

double
dl_timeline_dot_radius (const Geometry *g)
{
  return CLAMP (g->lane_h * 0.3, 2.5, MAX_DOT_RADIUS);
}

double
dl_timeline_span_height (const Geometry *g)
{
  return MAX (2.0, MIN (g->lane_h - 3.0, 16.0));
}

/* Returns the extent in pixels of an item, clamped to the plot (plus a
 * little) so that unbounded ends and far-away spans stay finite. */
void
dl_timeline_item_extent (DlTimeline     *self,
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
      a = b = dl_timeline_time_to_x (self, g, item->mid);
    }
  else
    {
      a = item->start == DL_EDTF_UNBOUNDED_START ? (g->rtl ? hi : lo) : dl_timeline_time_to_x (self, g, item->start);
      /* Spans include their last second. */
      b = item->end == DL_EDTF_UNBOUNDED_END ? (g->rtl ? lo : hi) : dl_timeline_time_to_x (self, g, item->end + 1.0);
    }

  *x0 = CLAMP (MIN (a, b), lo, hi);
  *x1 = CLAMP (MAX (a, b), lo, hi);
}

void
dl_timeline_get_color (DlTimeline *self,
           GdkRGBA    *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
#endif
}

GdkRGBA
dl_timeline_with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

/* Helpers: ticks */

TickStep
dl_timeline_choose_tick_step (DlTimeline     *self,
                  const Geometry *g)
{
  return dl_time_axis_step_for_span ((double) (self->visible_end - self->visible_start), g->plot_x1 - g->plot_x0, 0);
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

PangoLayout *
dl_timeline_get_tick_layout (DlTimeline  *self,
                 gint64       t,
                 LabelFormat  format)
{
  gint64 key = t * N_FORMATS + format;
  PangoLayout *layout = g_hash_table_lookup (self->tick_layouts, &key);

  if (layout == NULL)
    {
      g_autofree char *text = dl_time_axis_format (t, format_string (format));
      PangoAttrList *attrs = pango_attr_list_new ();

      if (g_hash_table_size (self->tick_layouts) > 2000)
        g_hash_table_remove_all (self->tick_layouts);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
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

PangoLayout *
dl_timeline_get_event_layout (DlTimeline *self,
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

/* Keyed by the number, so that a frame with hundreds of stacks formats
 * no text. */
PangoLayout *
dl_timeline_get_badge_layout (DlTimeline *self,
                              guint       n_more)
{
  PangoLayout *layout = g_hash_table_lookup (self->badge_layouts, GUINT_TO_POINTER (n_more));

  if (layout == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      /* Translators: on the timeline, how many more events share this time */
      g_autofree char *text = g_strdup_printf (C_("timeline", "+%u"), n_more);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_X_SMALL));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (self->badge_layouts, GUINT_TO_POINTER (n_more), layout);
    }

  return layout;
}

void
dl_timeline_clear_caches (DlTimeline *self)
{
  g_hash_table_remove_all (self->tick_layouts);
  g_hash_table_remove_all (self->event_layouts);
  g_hash_table_remove_all (self->badge_layouts);
  /* Colours and lane names follow the style and the text direction. */
  dl_timeline_update_lane_labels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_timeline_draw_overview (DlTimeline     *self,
               GtkSnapshot    *snapshot,
               const Geometry *g,
               const GdkRGBA  *fg)
{
  double x0 = MIN (g->plot_x0, g->plot_x1);
  double w = g->plot_x1 - g->plot_x0;
  double y = g->overview_y0;
  double h = g->overview_y1 - g->overview_y0;
  guint n_bins = (guint) ceil (w / BIN_WIDTH);
  GdkRGBA trough = dl_timeline_with_alpha (fg, 0.06);
  GdkRGBA bars = dl_timeline_with_alpha (fg, 0.55);
  GdkRGBA brush_fill = dl_timeline_with_alpha (fg, 0.12);
  GdkRGBA brush_edge = dl_timeline_with_alpha (fg, 0.7);
  GdkRGBA tick = dl_timeline_with_alpha (fg, 0.2);
  gint64 os, oe;
  double bx0, bx1;
  float max_bin = 0;
  int run_level = -1;
  guint run_start = 0;
  GskRoundedRect rr;

  dl_timeline_get_overview_range (self, &os, &oe);

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x0, y, w, h), 5);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, &trough, &rr.bounds);

  if (!self->overview_valid || self->overview_n_bins != n_bins)
    {
      g_free (self->overview_bins);
      self->overview_bins = g_new0 (float, n_bins + 1);
      self->overview_n_bins = n_bins;
      /* A million items are not visited on the main loop. */
      if (self->overview_fine != NULL)
        resample_overview (self->overview_fine, self->overview_bins, n_bins);
      else
        dl_timeline_bin_overview (self->items, os, oe, self->overview_bins, n_bins);
      self->overview_valid = TRUE;
    }

  for (guint b = 0; b < n_bins; b++)
    max_bin = MAX (max_bin, self->overview_bins[b]);

  /* Calendar marks a few pixels apart, and labelled lines far enough apart
   * for their labels, both chosen from the span so their count is bounded
   * whatever the dataset's dates. */
  {
    TickStep marks = dl_time_axis_step_for_span ((double) (oe - os), w, 6);
    TickStep labelled = dl_time_axis_step_for_span ((double) (oe - os), w, 70);
    GdkRGBA label_color = dl_timeline_with_alpha (fg, 0.7);
    double last_label_end = -G_MAXDOUBLE;

    dl_time_axis_ticks (os, oe, marks.unit, marks.step, self->coarse_ticks);
    for (guint i = 0; i < self->coarse_ticks->len; i++)
      {
        double tx = round (overview_time_to_x (self, g, g_array_index (self->coarse_ticks, gint64, i)));

        dl_timeline_append_rect (snapshot, &tick, tx, y + h - 4, 1, 4);
      }

    dl_time_axis_ticks (os, oe, labelled.unit, labelled.step, self->coarse_ticks);
    for (guint i = 0; i < self->coarse_ticks->len; i++)
      {
        gint64 t = g_array_index (self->coarse_ticks, gint64, i);
        double tx = round (overview_time_to_x (self, g, t));
        LabelFormat format;
        PangoLayout *layout;
        gint64 yy;
        int m, d, lw, lh;
        double lx, fx;

        dl_civil_from_days (dl_time_floor_div (t, SECONDS_PER_DAY), &yy, &m, &d);
        switch (labelled.unit)
          {
          case DL_TIME_UNIT_HOUR:
            format = FORMAT_HOUR;
            break;
          case DL_TIME_UNIT_DAY:
            format = d == 1 ? FORMAT_MONTH : FORMAT_DAY;
            break;
          case DL_TIME_UNIT_MONTH:
            format = m == 1 ? FORMAT_YEAR : FORMAT_MONTH;
            break;
          case DL_TIME_UNIT_YEAR:
          case DL_TIME_UNIT_NONE:
          default:
            format = FORMAT_YEAR;
            break;
          }

        dl_timeline_append_rect (snapshot, &tick, tx, y, 1, h);
        layout = dl_timeline_get_tick_layout (self, t, format);
        pango_layout_get_pixel_size (layout, &lw, &lh);
        lx = g->rtl ? tx - 3 - lw : tx + 3;
        fx = g->rtl ? g->width - lx - lw : lx;
        if (lx < x0 || lx + lw > x0 + w || fx < last_label_end + 4)
          continue;
        dl_timeline_append_layout_at (snapshot, layout, &label_color, lx, y + 1 + (OVERVIEW_LABEL_H - lh) / 2);
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

                dl_timeline_append_rect (snapshot, &bars, rx, y + h - 3 - run_level, (b - run_start) * BIN_WIDTH, run_level);
              }
            run_start = b;
            run_level = level;
          }
      }

  gtk_snapshot_pop (snapshot);

  /* The brush: at least a few pixels wide, so a day in ten months shows. */
  dl_timeline_get_brush_x (self, g, &bx0, &bx1);
  dl_timeline_append_rounded (snapshot, &brush_fill, bx0, y, bx1 - bx0, h, 4);
  dl_timeline_append_outline (snapshot, &brush_edge, bx0, y, bx1 - bx0, h, 4, 1.5);
}
