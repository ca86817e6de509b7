/* dl-presentation-strip.c: the presentation's timeline strip
 *
 * Not the main window's timeline: a projector needs a few big labels, not
 * lanes and a brush. Ticks come from the timeline's own time axis
 * (dl-time-axis), chosen from the span shown and the room these larger
 * labels need, so any span gets a bounded count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-presentation-strip"

#include <glib/gi18n.h>
#include <math.h>

#include "dl-category.h"
#include "dl-edtf.h"
#include "dl-presentation-strip.h"
#include "dl-snapshot-disc.h"
#include "dl-time-axis.h"

struct _DlPresentationStrip
{
  GtkWidget   parent_instance;

  GListModel *events;
  DlDataset  *dataset;
  DlEvent    *selected;
  gint64      start;
  gint64      end;
  double      text_size;

  guint       n_ticks;
  double      smallest_text;
};

enum {
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DlPresentationStrip, dl_presentation_strip, GTK_TYPE_WIDGET)

/* Helpers */

static double
time_to_x (DlPresentationStrip *self,
           gint64               t)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double margin = self->text_size;
  double x = margin + ((double) t - (double) self->start) / ((double) self->end - (double) self->start) * (width - 2 * margin);

  /* Right to left, as the window's timeline runs in Arabic and Hebrew. */
  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    x = width - x;
  return x;
}

static double
axis_y (DlPresentationStrip *self)
{
  return MAX (gtk_widget_get_height (GTK_WIDGET (self)) * 0.38, self->text_size * 0.9);
}

static void
get_color (DlPresentationStrip *self,
           GdkRGBA             *color)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), color);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
}

static gboolean
is_first_of_month (gint64 t)
{
  gint64 y;
  int m, d;

  dl_civil_from_days (dl_time_floor_div (t, 86400), &y, &m, &d);
  return d == 1;
}

/* A tick's label: the hour, the day, the month with its year, or the year
 * (the timeline's own formats, so they are translated once). */
static const char *
tick_format (DlTimeUnit unit)
{
  switch (unit)
    {
    case DL_TIME_UNIT_HOUR: return _("%H:%M");
    case DL_TIME_UNIT_DAY: return _("%a %-d");
    case DL_TIME_UNIT_MONTH: return _("%OB %Y");
    case DL_TIME_UNIT_YEAR:
    case DL_TIME_UNIT_NONE:
    default: return _("%Y");
    }
}

static PangoLayout *
label_layout (DlPresentationStrip *self,
              const char          *text,
              gboolean             bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) (self->text_size * PANGO_SCALE)));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The size Pango laid the first run out at, in pixels. */
static double
laid_out_size (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
  double px = 0;

  if (run != NULL)
    {
      PangoFontDescription *font = pango_font_describe_with_absolute_size (run->item->analysis.font);

      px = (double) pango_font_description_get_size (font) / PANGO_SCALE;
      pango_font_description_free (font);
    }
  pango_layout_iter_free (iter);

  return px;
}

static void
note_text (DlPresentationStrip *self,
           PangoLayout         *layout)
{
  double px = laid_out_size (layout);

  if (px > 0 && (self->smallest_text == 0 || px < self->smallest_text))
    self->smallest_text = px;
}

/* Callbacks */

static void
on_click (GtkGestureClick     *gesture,
          int                  n_press,
          double               x,
          double               y,
          DlPresentationStrip *self)
{
  DlEvent *best = NULL;
  double best_d = self->text_size * 1.2;
  guint n = self->events != NULL ? g_list_model_get_n_items (self->events) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (self->events, i);
      double ex, ey;

      if (dl_presentation_strip_get_event_position (self, event, &ex, &ey) && hypot (ex - x, ey - y) < best_d)
        {
          best_d = hypot (ex - x, ey - y);
          best = event;
        }
    }
  if (best != NULL)
    g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, best);
}

/* Vfuncs */

static void
dl_presentation_strip_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  DlPresentationStrip *self = DL_PRESENTATION_STRIP (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = (int) ceil (self->text_size * 3.2);
  else
    *minimum = *natural = (int) ceil (self->text_size * 10);
}

static void
dl_presentation_strip_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  DlPresentationStrip *self = DL_PRESENTATION_STRIP (widget);
  double width = gtk_widget_get_width (widget);
  double y = axis_y (self);
  double label_room = self->text_size * 7.5;
  g_autoptr(GArray) ticks = NULL;
  DlTimeStep step;
  GdkRGBA fg, dim, line;
  double last_right = -G_MAXDOUBLE;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint n;

  self->n_ticks = 0;
  self->smallest_text = 0;
  if (width <= 0 || self->end <= self->start)
    return;

  get_color (self, &fg);
  dim = fg;
  dim.alpha = 0.7;
  line = fg;
  line.alpha = 0.35;

  /* The axis */
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (self->text_size * 0.5, y - 1, width - self->text_size, 2));

  /* Ticks and their labels, as many as their labels have room for. */
  step = dl_time_axis_step_for_span ((double) self->end - (double) self->start, width, label_room);
  ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  dl_time_axis_ticks (self->start, self->end, step.unit, step.step, ticks);
  for (guint i = 0; i < ticks->len; i++)
    {
      gint64 t = g_array_index (ticks, gint64, i);
      double x = time_to_x (self, t);
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;
      double left;

      /* The first tick may stand before the strip's start. */
      if (t < self->start)
        continue;
      /* Days say their month where it starts and at the first tick, so a
       * room reading "Wed 4" knows which month it is in. */
      if (step.unit == DL_TIME_UNIT_DAY && (self->n_ticks == 0 || is_first_of_month (t)))
        label = dl_time_axis_format (t, C_("day precision", "%-e %B"));
      else
        label = dl_time_axis_format (t, tick_format (step.unit));
      layout = label_layout (self, label, FALSE);

      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x - 1, y - self->text_size * 0.3, 2, self->text_size * 0.6));
      pango_layout_get_pixel_size (layout, &w, &h);
      left = CLAMP (x - w / 2.0, 0, width - w);
      self->n_ticks++;
      /* A label that would touch the one before it is left out, its tick kept. */
      if (rtl ? left + w > -last_right - self->text_size * 0.5 : left < last_right + self->text_size * 0.5)
        continue;
      last_right = rtl ? -left : left + w;
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (left, y + self->text_size * 0.5));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
      note_text (self, layout);
    }

  /* The steps' events: spans as bars, instants as dots; the current one
   * larger, ringed. */
  n = self->events != NULL ? g_list_model_get_n_items (self->events) : 0;
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(DlEvent) event = g_list_model_get_item (self->events, i);
        const DlEdtf *when = dl_event_get_when (event);
        gboolean selected = event == self->selected;
        double r = self->text_size * (selected ? 0.45 : 0.28);
        double ex, ey;
        GdkRGBA c;

        if (selected != (pass == 1) || !dl_presentation_strip_get_event_position (self, event, &ex, &ey))
          continue;
        dl_category_get_color (self->dataset, dl_event_get_category (event), &c);
        if (!selected)
          c.alpha = 0.8;
        if (dl_edtf_is_bounded (when) && when->latest - when->earliest > 36 * 3600)
          {
            double a = CLAMP (time_to_x (self, when->earliest), -10, width + 10);
            double b = CLAMP (time_to_x (self, when->latest), -10, width + 10);
            GdkRGBA bar = c;

            bar.alpha = selected ? 0.55 : 0.25;
            gtk_snapshot_append_color (snapshot, &bar,
                                       &GRAPHENE_RECT_INIT (MIN (a, b), ey - r * 0.6, fabs (b - a), r * 1.2));
          }
        if (selected)
          dl_snapshot_append_disc (snapshot, ex, ey, r + self->text_size * 0.14, &fg, 0, NULL);
        dl_snapshot_append_disc (snapshot, ex, ey, r, &c, 0, NULL);
      }
}

static void
dl_presentation_strip_dispose (GObject *object)
{
  DlPresentationStrip *self = DL_PRESENTATION_STRIP (object);

  g_clear_object (&self->events);
  g_clear_object (&self->dataset);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (dl_presentation_strip_parent_class)->dispose (object);
}

static void
dl_presentation_strip_class_init (DlPresentationStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_presentation_strip_dispose;
  widget_class->measure = dl_presentation_strip_measure;
  widget_class->snapshot = dl_presentation_strip_snapshot;

  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DL_TYPE_EVENT);

  gtk_widget_class_set_css_name (widget_class, "presentation-strip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dl_presentation_strip_init (DlPresentationStrip *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->text_size = 20;
  self->start = 0;
  self->end = 86400;
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/* Public API */

GtkWidget *
dl_presentation_strip_new (void)
{
  return g_object_new (DL_TYPE_PRESENTATION_STRIP, NULL);
}

void
dl_presentation_strip_set_events (DlPresentationStrip *self,
                                  GListModel          *events)
{
  g_return_if_fail (DL_IS_PRESENTATION_STRIP (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (g_set_object (&self->events, events))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_presentation_strip_set_dataset (DlPresentationStrip *self,
                                   DlDataset           *dataset)
{
  g_return_if_fail (DL_IS_PRESENTATION_STRIP (self));
  g_return_if_fail (dataset == NULL || DL_IS_DATASET (dataset));

  if (g_set_object (&self->dataset, dataset))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_presentation_strip_set_selected (DlPresentationStrip *self,
                                    DlEvent             *event)
{
  g_return_if_fail (DL_IS_PRESENTATION_STRIP (self));

  if (g_set_object (&self->selected, event))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_presentation_strip_set_range (DlPresentationStrip *self,
                                 gint64               start,
                                 gint64               end)
{
  g_return_if_fail (DL_IS_PRESENTATION_STRIP (self));
  g_return_if_fail (end > start);

  if (self->start == start && self->end == end)
    return;
  self->start = start;
  self->end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_presentation_strip_get_range (DlPresentationStrip *self,
                                 gint64              *start,
                                 gint64              *end)
{
  g_return_if_fail (DL_IS_PRESENTATION_STRIP (self));

  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
}

void
dl_presentation_strip_set_text_size (DlPresentationStrip *self,
                                     double               px)
{
  g_return_if_fail (DL_IS_PRESENTATION_STRIP (self));

  if (self->text_size == px)
    return;
  self->text_size = px;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
dl_presentation_strip_get_n_ticks (DlPresentationStrip *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION_STRIP (self), 0);
  return self->n_ticks;
}

double
dl_presentation_strip_get_smallest_text (DlPresentationStrip *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION_STRIP (self), 0);
  return self->smallest_text;
}

gboolean
dl_presentation_strip_get_event_position (DlPresentationStrip *self,
                                          DlEvent             *event,
                                          double              *x,
                                          double              *y)
{
  const DlEdtf *when;

  g_return_val_if_fail (DL_IS_PRESENTATION_STRIP (self), FALSE);
  g_return_val_if_fail (DL_IS_EVENT (event), FALSE);

  when = dl_event_get_when (event);
  if (when->earliest == DL_EDTF_UNBOUNDED_START && when->latest == DL_EDTF_UNBOUNDED_END)
    return FALSE;
  *x = time_to_x (self, dl_edtf_get_midpoint (when));
  *y = axis_y (self);

  return *x >= 0 && *x <= gtk_widget_get_width (GTK_WIDGET (self));
}
