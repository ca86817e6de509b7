/* dl-event-chooser.h: a popover listing events that share one spot, to pick one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-event.h"

G_BEGIN_DECLS

typedef void (*DlEventChosenFunc) (DlEvent  *event,
                                   gpointer  user_data);

/* Fills @popover (a child of the widget it points from) with a row per
 * event (title, then date), in the order given, and pops it up pointing at
 * @at; activating a row pops it down and calls @chosen with that event.
 * @label names the list for assistive technologies. */
void dl_event_chooser_show (GtkPopover           *popover,
                            GPtrArray            *events,
                            const GdkRectangle   *at,
                            const char           *label,
                            DlEventChosenFunc     chosen,
                            gpointer              user_data);

G_END_DECLS
