/* dl-click-tap.h: whether a click's press and release made a tap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* On the map a press that moves is a pan, and its release must not act as
 * a click (select a mark, add a corner). GtkGestureClick's "stopped" is
 * no sign of that: it also comes when the button is held longer than the
 * double-click time, so a slow hand, or a main loop busy between press
 * and release, lost the click. This follows the press itself. Call it
 * before connecting the gesture's own "pressed" handlers. */
void     dl_click_tap_track (GtkGestureClick *click);

/* In a "released" handler: the pointer, released at (x, y), never went
 * further than the drag threshold from where it was pressed. */
gboolean dl_click_tap_is_tap (GtkGestureClick *click,
                              double           x,
                              double           y);

G_END_DECLS
