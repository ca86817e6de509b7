/* dl-range-animation.h: a time range moving smoothly to another on a
 * widget's frame clock
 *
 * The timeline (scrolling and zooming) and the presentation's strip
 * (stepping through a story) both glide a [start, end] range; this is the
 * one way they do it. A plain struct kept inside its owner, not an object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  DL_EASE_OUT_CUBIC,      /* a response to input: fast, then settling */
  DL_EASE_IN_OUT_CUBIC,   /* a slide change: gentle at both ends */
} DlEasing;

/* Called on each frame with the range to show. */
typedef void (*DlRangeApplyFunc) (gpointer data,
                                  gint64   start,
                                  gint64   end);

typedef struct {
  GtkWidget        *widget;     /* not owned: the owner outlives it */
  guint             tick_id;
  gint64            begin_us;
  guint             duration_ms;
  DlEasing          easing;
  double            from[2];
  double            to[2];
  DlRangeApplyFunc  apply;
  gpointer          data;
} DlRangeAnimation;

/* Moves from [@from_start, @from_end] to [@to_start, @to_end] over
 * @duration_ms, calling @apply each frame and last with the target itself.
 * Without animations (unmapped widget, animations turned off in the
 * system's settings, or @duration_ms 0) it applies the target at once. */
void     dl_range_animation_start      (DlRangeAnimation *self,
                                        GtkWidget        *widget,
                                        gint64            from_start,
                                        gint64            from_end,
                                        gint64            to_start,
                                        gint64            to_end,
                                        guint             duration_ms,
                                        DlEasing          easing,
                                        DlRangeApplyFunc  apply,
                                        gpointer          data);
/* Stops where it is (the range last applied stays). */
void     dl_range_animation_stop       (DlRangeAnimation *self);
gboolean dl_range_animation_is_running (const DlRangeAnimation *self);
/* Where a running animation is going; FALSE when none runs. */
gboolean dl_range_animation_get_target (const DlRangeAnimation *self,
                                        gint64           *start,
                                        gint64           *end);

G_END_DECLS
