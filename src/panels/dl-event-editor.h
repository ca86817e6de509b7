/* dl-event-editor.h: the selected event's fields, to edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-session.h"
#include "dl-sketch.h"

G_BEGIN_DECLS

#define DL_TYPE_EVENT_EDITOR (dl_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (DlEventEditor, dl_event_editor, DL, EVENT_EDITOR, GtkWidget)

/* Follows the session's selected event, and changes it through the
 * session's edit stack: title and summary as they are typed (one undo for
 * the typing), the date when applied (Enter), the category when chosen, the
 * place when a search result is activated. Errors go to "error" (const
 * char *message) for the window to show. */
DlEventEditor *dl_event_editor_new          (void);
void           dl_event_editor_set_session  (DlEventEditor *self,
                                             DlSession     *session);
/* The line or area being drawn for the event: its shape is chosen here
 * (Point, Line, Area), the window adds the corners clicked on the map and
 * makes the finished drawing the event's place; a place chosen in the
 * search adds a corner while drawing. Dropped when the editor hides or
 * another event is selected. */
DlSketch      *dl_event_editor_get_sketch   (DlEventEditor *self);
/* Focuses the title (after New Event from Passage). */
void           dl_event_editor_focus_title  (DlEventEditor *self);
/* Focuses the field of an event member ("title", "category", "when",
 * "when_basis", "summary", "place", "places"); FALSE when none shows it. */
gboolean       dl_event_editor_focus_field  (DlEventEditor *self,
                                             const char    *member);

G_END_DECLS
