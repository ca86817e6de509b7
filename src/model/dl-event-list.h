/* dl-event-list.h: a list model of some events of an array, in its order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-event.h"

G_BEGIN_DECLS

#define DL_TYPE_EVENT_LIST (dl_event_list_get_type ())

G_DECLARE_FINAL_TYPE (DlEventList, dl_event_list, DL, EVENT_LIST, GObject)

DlEventList *dl_event_list_new           (void);
/* The items become source[positions[0]], source[positions[1]]…: @source
 * (DlEvent *) must not change afterwards (the list keeps a reference to it,
 * not to each event); @positions (guint, ascending) is taken. "items-changed"
 * covers only what differs from the old items, past a common start and end;
 * with nothing in common, the removal and the addition are two changes. */
void         dl_event_list_set           (DlEventList *self,
                                          GPtrArray   *source,
                                          GArray      *positions);
/* The item at @position changed in place: "items-changed" says so, so that
 * views draw it again. */
void         dl_event_list_changed_at    (DlEventList *self,
                                          guint        position);
GPtrArray   *dl_event_list_get_source    (DlEventList *self);
GArray      *dl_event_list_get_positions (DlEventList *self);

G_END_DECLS
