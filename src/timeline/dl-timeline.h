/* dl-timeline.h: a zoomable time axis with the events in category lanes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-event.h"
#include "dl-session.h"

G_BEGIN_DECLS

#define DL_TYPE_TIMELINE (dl_timeline_get_type ())

G_DECLARE_FINAL_TYPE (DlTimeline, dl_timeline, DL, TIMELINE, GtkWidget)

DlTimeline  *dl_timeline_new               (void);
/* Observes @session: shows its events, its selection and its visible range;
 * a click selects in it and scrolling or zooming sets its range. */
void         dl_timeline_set_session       (DlTimeline      *self,
                                            DlSession       *session);
/* The events to draw (a GListModel of DlEvent, in any order), or NULL. */
void         dl_timeline_set_model         (DlTimeline      *self,
                                            GListModel      *events);
/* Emphasises @event (or nothing) and scrolls, animated, to show it. */
void         dl_timeline_set_selected      (DlTimeline      *self,
                                            DlEvent         *event);
DlEvent     *dl_timeline_get_selected      (DlTimeline      *self);
/* The visible range of the detail axis, in Unix seconds (UTC); observers
 * follow the session's "visible-start" and "visible-end", which the
 * timeline sets (the one visible range). */
void         dl_timeline_set_visible_range (DlTimeline      *self,
                                            gint64           start,
                                            gint64           end);
void         dl_timeline_get_visible_range (DlTimeline      *self,
                                            gint64          *start,
                                            gint64          *end);
/* Shows every event with a known extent, with a margin. */
void         dl_timeline_fit_all           (DlTimeline      *self);
/* Zooms in (@factor > 1) or out around the pointer when it is over the axis,
 * else around the selection when it is visible, else the centre. The span stays between an hour and 50 years. */
void         dl_timeline_zoom              (DlTimeline      *self,
                                            double           factor);

/* For tests and benchmarks. */

/* The event drawn at widget coordinates, or NULL. */
DlEvent     *dl_timeline_pick              (DlTimeline      *self,
                                            double           x,
                                            double           y);
/* Where @event is drawn (possibly outside the widget when it is out of
 * range); FALSE if it is not in the model or the widget has no size. */
gboolean     dl_timeline_get_event_bounds  (DlTimeline      *self,
                                            DlEvent         *event,
                                            graphene_rect_t *bounds);
/* The event labels placed by the last snapshot, in widget coordinates. */
const graphene_rect_t *
             dl_timeline_get_label_rects   (DlTimeline      *self,
                                            guint           *n_rects);
/* Where the overview strip and its brush are drawn, in widget coordinates. */
void         dl_timeline_get_overview_bounds (DlTimeline    *self,
                                            graphene_rect_t *strip,
                                            graphene_rect_t *brush);
/* The @index-th stack of dots the last snapshot drew (events of a lane at
 * one time): where its dot and "+N" badge are (the badge is empty for a
 * single event), how many events it holds and which one shows on top.
 * FALSE past the last. */
gboolean     dl_timeline_get_stack         (DlTimeline      *self,
                                            guint            index,
                                            graphene_rect_t *dot,
                                            graphene_rect_t *badge,
                                            guint           *n_events,
                                            DlEvent        **top);
/* The unit of the detail axis' ticks at the current size and range:
 * "hour", "day", "month" or "year". */
const char  *dl_timeline_get_tick_unit     (DlTimeline      *self);
/* FALSE while a large model's events are being indexed in a thread: the
 * lanes show the last index (or none, with a word that events are on
 * their way) until then. */
gboolean     dl_timeline_is_ready          (DlTimeline      *self);
/* For tests: the last frame's count of @lane's dots in view per column of
 * two pixels, from the plot's start in reading order (the histogram a
 * crowded lane is drawn as); NULL past the last lane. */
const guint32 *dl_timeline_get_dot_columns (DlTimeline    *self,
                                            guint          lane,
                                            guint         *n_columns);

G_END_DECLS
