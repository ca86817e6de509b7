/* dl-range-animation.c: a time range moving smoothly to another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include <math.h>
#include "dl-range-animation.h"

static double
ease (DlEasing easing,
      double   t)
{
  switch (easing)
    {
    case DL_EASE_IN_OUT_CUBIC:
      return t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
    case DL_EASE_OUT_CUBIC:
    default:
      return 1.0 - pow (1.0 - t, 3.0);
    }
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  DlRangeAnimation *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t = CLAMP ((now - self->begin_us) / (self->duration_ms * 1000.0), 0.0, 1.0);
  double e = ease (self->easing, t);
  gint64 start, end;

  if (t >= 1.0)
    {
      /* The target exactly, whatever the rounding of the steps before. */
      self->tick_id = 0;
      self->apply (self->data, (gint64) self->to[0], (gint64) self->to[1]);
      return G_SOURCE_REMOVE;
    }

  start = (gint64) (self->from[0] + (self->to[0] - self->from[0]) * e);
  end = (gint64) (self->from[1] + (self->to[1] - self->from[1]) * e);
  self->apply (self->data, start, end);
  return G_SOURCE_CONTINUE;
}

void
dl_range_animation_start (DlRangeAnimation *self,
                          GtkWidget        *widget,
                          gint64            from_start,
                          gint64            from_end,
                          gint64            to_start,
                          gint64            to_end,
                          guint             duration_ms,
                          DlEasing          easing,
                          DlRangeApplyFunc  apply,
                          gpointer          data)
{
  gboolean animations = TRUE;
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (apply != NULL);

  dl_range_animation_stop (self);
  self->widget = widget;
  self->apply = apply;
  self->data = data;

  clock = gtk_widget_get_frame_clock (widget);
  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &animations, NULL);
  if (clock == NULL || !gtk_widget_get_mapped (widget) || !animations || duration_ms == 0)
    {
      apply (data, to_start, to_end);
      return;
    }

  self->from[0] = from_start;
  self->from[1] = from_end;
  self->to[0] = to_start;
  self->to[1] = to_end;
  self->duration_ms = duration_ms;
  self->easing = easing;
  self->begin_us = gdk_frame_clock_get_frame_time (clock);
  /* Held where it starts until the first frame. */
  apply (data, from_start, from_end);
  self->tick_id = gtk_widget_add_tick_callback (widget, on_tick, self, NULL);
}

void
dl_range_animation_stop (DlRangeAnimation *self)
{
  if (self->tick_id != 0 && self->widget != NULL)
    gtk_widget_remove_tick_callback (self->widget, self->tick_id);
  self->tick_id = 0;
}

gboolean
dl_range_animation_is_running (const DlRangeAnimation *self)
{
  return self->tick_id != 0;
}

gboolean
dl_range_animation_get_target (const DlRangeAnimation *self,
                               gint64                 *start,
                               gint64                 *end)
{
  if (self->tick_id == 0)
    return FALSE;
  *start = (gint64) self->to[0];
  *end = (gint64) self->to[1];
  return TRUE;
}
