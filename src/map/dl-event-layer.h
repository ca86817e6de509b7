/* dl-event-layer.h: all events of a dataset drawn on the map in one snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dl-event.h"
#include "dl-session.h"

G_BEGIN_DECLS

#define DL_TYPE_EVENT_LAYER (dl_event_layer_get_type ())

G_DECLARE_FINAL_TYPE (DlEventLayer, dl_event_layer, DL, EVENT_LAYER, ShumateLayer)

/* What is drawn at a spot: one event, or a cluster of several. */
typedef struct {
  double   x;
  double   y;
  double   radius;
  DlEvent *event;      /* the event, or for a cluster its first member */
  guint    n_events;   /* 1 for an event */
  DlBBox   bbox;       /* of the event; for a cluster, of its members' anchors,
                          given by dl_event_layer_get_event_mark() and
                          cluster-activated */
  guint    item;       /* private: the layer's index of `event` */
} DlEventMark;

DlEventLayer      *dl_event_layer_new            (ShumateViewport *viewport);
/* Observes @session: draws its events, its selection, dims what lies
 * outside its visible range; a click on a mark selects in it. */
void               dl_event_layer_set_session    (DlEventLayer    *self,
                                                  DlSession       *session);
/* The events to draw (a GListModel of DlEvent), or NULL. */
void               dl_event_layer_set_model      (DlEventLayer    *self,
                                                  GListModel      *model);
void               dl_event_layer_set_selected   (DlEventLayer    *self,
                                                  DlEvent         *event);
/* Events outside [start, end] are dimmed. */
void               dl_event_layer_set_time_range (DlEventLayer    *self,
                                                  gint64           start,
                                                  gint64           end);
/* The event at widget coordinates, or NULL (a cluster gives its first member). */
DlEvent           *dl_event_layer_pick           (DlEventLayer    *self,
                                                  double           x,
                                                  double           y);
/* What a click at widget coordinates does: select an event, or zoom into a
 * cluster. FALSE when nothing is there. */
gboolean           dl_event_layer_activate_at    (DlEventLayer    *self,
                                                  double           x,
                                                  double           y);
/* What is drawn, in drawing order (for tests and hit-testing). */
const DlEventMark *dl_event_layer_get_marks      (DlEventLayer    *self,
                                                  guint           *n_marks);
/* Where an event's mark is drawn now (a cluster's when it is inside one). */
gboolean           dl_event_layer_get_event_mark (DlEventLayer    *self,
                                                  DlEvent         *event,
                                                  DlEventMark     *mark);

/* FALSE while the layer still prepares, in a thread, what it needs to draw
 * a large dataset quickly (until then it draws each event, more slowly). */
gboolean           dl_event_layer_is_ready       (DlEventLayer    *self);

G_END_DECLS
