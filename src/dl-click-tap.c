/* dl-click-tap.c: whether a click's press and release made a tap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dl-click-tap.h"

typedef struct
{
  double   x, y;   /* where the press was */
  gboolean moved;  /* past the threshold, even if it came back */
} Tap;

static gboolean
past_threshold (GtkGesture *gesture,
                Tap        *tap,
                double      x,
                double      y)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (widget), "gtk-dnd-drag-threshold", &threshold, NULL);
  return hypot (x - tap->x, y - tap->y) > threshold;
}

static void
on_pressed (GtkGestureClick *click,
            int              n_press,
            double           x,
            double           y,
            Tap             *tap)
{
  tap->x = x;
  tap->y = y;
  tap->moved = FALSE;
}

/* Every motion while the button is down (the gesture stays recognized
 * for as long as its sequence is held). */
static void
on_update (GtkGesture       *gesture,
           GdkEventSequence *sequence,
           Tap              *tap)
{
  double x, y;

  if (gtk_gesture_get_point (gesture, sequence, &x, &y) && past_threshold (gesture, tap, x, y))
    tap->moved = TRUE;
}

void
dl_click_tap_track (GtkGestureClick *click)
{
  Tap *tap = g_new0 (Tap, 1);

  g_object_set_data_full (G_OBJECT (click), "dl-click-tap", tap, g_free);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), tap);
  g_signal_connect (click, "update", G_CALLBACK (on_update), tap);
}

gboolean
dl_click_tap_is_tap (GtkGestureClick *click,
                     double           x,
                     double           y)
{
  Tap *tap = g_object_get_data (G_OBJECT (click), "dl-click-tap");

  g_return_val_if_fail (tap != NULL, FALSE);
  return !tap->moved && !past_threshold (GTK_GESTURE (click), tap, x, y);
}
