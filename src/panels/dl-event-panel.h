/* dl-event-panel.h: the sidebar: the selected event, or the dataset overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-session.h"

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_TYPE_EVENT_PANEL (dl_event_panel_get_type ())

G_DECLARE_FINAL_TYPE (DlEventPanel, dl_event_panel, DL, EVENT_PANEL, GtkWidget)

/* The panel scrolls by itself: put it straight into a pane, not into a
 * GtkScrolledWindow.
 *
 * Signals:
 *   "excerpt-activated" (DlEvent *event, guint excerpt_index): a passage card
 *     was activated (click, Enter, Space).
 *   "event-activated" (DlEvent *event): another event was chosen (from a
 *     claim that belongs to it).
 *   "source-activated" (DlSource *source): an article of the overview's
 *     list was activated, to be read. */
DlEventPanel *dl_event_panel_new         (void);
/* The panel follows @session: its dataset, and its selected event (NULL:
 * the overview). The setters below stay for a panel without a session and
 * for redrawing after an edit. */
void          dl_event_panel_set_session (DlEventPanel *self,
                                          DlSession    *session);
void          dl_event_panel_set_dataset (DlEventPanel *self,
                                          DlDataset    *dataset);
DlDataset    *dl_event_panel_get_dataset (DlEventPanel *self);
/* NULL shows the dataset's overview. */
void          dl_event_panel_set_event   (DlEventPanel *self,
                                          DlEvent      *event);
DlEvent      *dl_event_panel_get_event   (DlEventPanel *self);

G_END_DECLS
