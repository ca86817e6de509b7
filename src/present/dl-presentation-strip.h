/* dl-presentation-strip.h: the presentation's timeline strip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-dataset.h"
#include "dl-event.h"

G_BEGIN_DECLS

#define DL_TYPE_PRESENTATION_STRIP (dl_presentation_strip_get_type ())

G_DECLARE_FINAL_TYPE (DlPresentationStrip, dl_presentation_strip, DL, PRESENTATION_STRIP, GtkWidget)

/* A time axis for the back of the room: the steps' events on it, the
 * current one emphasised, tick labels in text as big as the caption's
 * smallest. Clicking an event emits "event-activated". */
GtkWidget *dl_presentation_strip_new               (void);
/* The events to place (a GListModel of DlEvent), or NULL. */
void       dl_presentation_strip_set_events        (DlPresentationStrip *self,
                                                    GListModel          *events);
/* Whose categories colour the events (NULL: the built-in colours). */
void       dl_presentation_strip_set_dataset       (DlPresentationStrip *self,
                                                    DlDataset           *dataset);
void       dl_presentation_strip_set_selected      (DlPresentationStrip *self,
                                                    DlEvent             *event);
/* The span shown, Unix seconds (end > start). */
void       dl_presentation_strip_set_range         (DlPresentationStrip *self,
                                                    gint64               start,
                                                    gint64               end);
void       dl_presentation_strip_get_range         (DlPresentationStrip *self,
                                                    gint64              *start,
                                                    gint64              *end);
/* The labels' size in pixels. */
void       dl_presentation_strip_set_text_size     (DlPresentationStrip *self,
                                                    double               px);

/* For tests: what the last frame drew. */
guint      dl_presentation_strip_get_n_ticks       (DlPresentationStrip *self);
/* The smallest font size, in pixels, of the text laid out in the last frame
 * (0 before the first). */
double     dl_presentation_strip_get_smallest_text (DlPresentationStrip *self);
/* Where an event is drawn, in the strip's coordinates; FALSE when not. */
gboolean   dl_presentation_strip_get_event_position (DlPresentationStrip *self,
                                                     DlEvent             *event,
                                                     double              *x,
                                                     double              *y);

G_END_DECLS
