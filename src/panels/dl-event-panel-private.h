/* dl-event-panel-private.h: what the event panel's files share
 *
 * The panel is one widget in two files: dl-event-panel.c (the object, the
 * selected event's page) and dl-event-panel-overview.c (the dataset's
 * overview, shown when no event is selected).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "dl-event-panel.h"

G_BEGIN_DECLS

struct _DlEventPanel
{
  GtkWidget          parent_instance;

  GtkScrolledWindow *scroller;
  GtkWidget         *content;   /* GtkBox */

  DlDataset         *dataset;
  DlEvent           *event;

  DlSession         *session;          /* or NULL: set by hand */
  GSignalGroup      *session_signals;

  /* A new overview shown a few rows a frame (dl-event-panel-reveal.c):
   * the hidden widgets in the order they are shown, and their weights. */
  GPtrArray         *reveal_pending;
  GArray            *reveal_weights;
  guint              reveal_next;
  guint              reveal_tick;
};

/* Building blocks of the pages: a wrapping label appended to @box, a
 * section with its heading, a boxed list, a plain-text action row, and a
 * long text cut to its start with Read All. */
GtkWidget *_dl_event_panel_add_label      (GtkWidget    *box,
                                           const char   *text,
                                           const char   *css_class);
GtkWidget *_dl_event_panel_add_section    (GtkWidget    *content,
                                           const char   *heading);
GtkWidget *_dl_event_panel_new_boxed_list (void);
GtkWidget *_dl_event_panel_new_row        (const char   *title,
                                           const char   *subtitle,
                                           const char   *icon_name);
void       _dl_event_panel_add_long_text  (DlEventPanel *self,
                                           GtkWidget    *box,
                                           const char   *text,
                                           const char   *title,
                                           gboolean      citations,
                                           const char   *css_class);

/* The dataset's title, time span, description, sources and events by
 * category (dl-event-panel-overview.c). */
void       _dl_event_panel_show_overview  (DlEventPanel *self);
/* Emits "source-activated": an article of the overview was activated. */
void       _dl_event_panel_source_activated (DlEventPanel *self,
                                             DlSource     *source);
/* Emits "event-activated": an event listed in the overview was activated. */
void       _dl_event_panel_event_activated  (DlEventPanel *self,
                                             DlEvent      *event);
/* Hides the overview just built and shows it again a few rows a frame;
 * stop forgets what is left, as the content goes
 * (dl-event-panel-reveal.c). */
void       _dl_event_panel_reveal_gradually (DlEventPanel *self);
void       _dl_event_panel_reveal_stop      (DlEventPanel *self);
/* The user's language, for place names. */
const char *_dl_event_panel_ui_language    (void);

G_END_DECLS
