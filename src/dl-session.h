/* dl-session.h: what the user is looking at, shared by every view
 *
 * One DlSession per window holds the open dataset, the events shown (the
 * category and source filters applied, in time order), the search query and
 * its results, the selected event and the visible time range. Views take the
 * session and observe it (notify, "items-changed", GSignalGroup); user
 * actions set it. No view calls another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-dataset.h"
#include "dl-edit-stack.h"

G_BEGIN_DECLS

#define DL_TYPE_SESSION (dl_session_get_type ())

G_DECLARE_FINAL_TYPE (DlSession, dl_session, DL, SESSION, GObject)

DlSession          *dl_session_new                   (void);

/* "dataset": replacing it clears the selection, the filters and the query. */
void                dl_session_set_dataset           (DlSession  *self,
                                                      DlDataset  *dataset);
DlDataset          *dl_session_get_dataset           (DlSession  *self);
/* Every change to the dataset goes through its edit stack, made with the
 * dataset (NULL without one; it changes with "dataset"). The session
 * follows the edits: "events" keeps the time order, an event edited in
 * place is replaced by itself (views redraw it), and "filters-changed" is
 * emitted after each edit, undo or redo, for legends and counts. */
DlEditStack        *dl_session_get_edit_stack        (DlSession  *self);

/* "events": a GListModel of the shown DlEvents in time order (earliest,
 * latest, id), the filters applied. The same object for the session's life;
 * it changes with the dataset and the filters. */
GListModel         *dl_session_get_events            (DlSession  *self);
/* The selection over "events", for list views (one of them, shared). */
GtkSingleSelection *dl_session_get_selection         (DlSession  *self);

/* "selected-event": the selected event, or NULL. Selecting an event that the
 * filters hide selects nothing and returns FALSE. */
gboolean            dl_session_select                (DlSession  *self,
                                                      DlEvent    *event);
DlEvent            *dl_session_get_selected_event    (DlSession  *self);
/* The event @delta places away in time order (clamped to the ends); with
 * nothing selected, +1 selects the first and -1 the last. */
void                dl_session_step                  (DlSession  *self,
                                                      int         delta);
void                dl_session_select_first          (DlSession  *self);
void                dl_session_select_last           (DlSession  *self);

/* "visible-start", "visible-end": the timeline's detail range in Unix
 * seconds, also what the map dims by. end > start. */
void                dl_session_set_visible_range     (DlSession  *self,
                                                      gint64      start,
                                                      gint64      end);
void                dl_session_get_visible_range     (DlSession  *self,
                                                      gint64     *start,
                                                      gint64     *end);
/* Where to look first: the shortest span holding most of the shown events
 * (at least a week, with a margin), or all of them when they are few or
 * spread out. FALSE when no shown event has a bounded time. */
gboolean            dl_session_get_focus_range       (DlSession  *self,
                                                      gint64     *start,
                                                      gint64     *end);
/* The box of the shown events' main part and of all of them, for the
 * map's first view (dl_map_view_fit_extent()); FALSE when none has a
 * place. */
gboolean            dl_session_get_events_extent     (DlSession  *self,
                                                      DlBBox     *main_part,
                                                      DlBBox     *all);

/* Filters: an event is shown unless its category is hidden or every one of
 * its passages comes from a hidden source. "filters-changed" is emitted
 * after "events" has changed for them. */
void                dl_session_set_category_visible  (DlSession  *self,
                                                      const char *category,
                                                      gboolean    visible);
gboolean            dl_session_get_category_visible  (DlSession  *self,
                                                      const char *category);
void                dl_session_set_source_visible    (DlSession  *self,
                                                      const char *source_id,
                                                      gboolean    visible);
gboolean            dl_session_get_source_visible    (DlSession  *self,
                                                      const char *source_id);
/* Every category and source shown again. */
void                dl_session_show_all              (DlSession  *self);
/* The hidden categories or sources (sorted, NULL-terminated), e.g. to save. */
GStrv               dl_session_dup_hidden_categories (DlSession  *self);
GStrv               dl_session_dup_hidden_sources    (DlSession  *self);
/* Replaces both filters at once (a restored view): one change, one signal. */
void                dl_session_set_hidden            (DlSession          *self,
                                                      const char * const *categories,
                                                      const char * const *sources);
/* The categories of the dataset's events in legend order, hidden ones too. */
GStrv               dl_session_dup_categories        (DlSession  *self);
/* The number of events in the dataset (shown or not). */
guint               dl_session_get_n_events          (DlSession  *self);

/* "query": the search query (NULL or empty: every shown event, to browse).
 * The results are the shown events matching it, in time order, the same
 * object for the session's life. */
void                dl_session_set_query             (DlSession  *self,
                                                      const char *query);
const char         *dl_session_get_query             (DlSession  *self);
GListModel         *dl_session_get_results           (DlSession  *self);

/* For a view that shows the session's dataset and its selection (the event
 * panel, the article view): keeps @session in *@slot and its signals in
 * *@group (made on first use), and calls @on_dataset (now, and when the
 * dataset changes) and @on_selection (when the selection does), each with
 * @view. FALSE when @session was already the one observed. */
gboolean            dl_session_observe               (DlSession     *session,
                                                      DlSession    **slot,
                                                      GSignalGroup **group,
                                                      GCallback      on_dataset,
                                                      GCallback      on_selection,
                                                      gpointer       view);
/* For a view of the session's events in time (the map layer, the
 * timeline): a signal group on the session that calls @on_selection when
 * the selected event changes and @on_range when the visible range does,
 * each with @view; the view sets its target. */
GSignalGroup       *dl_session_range_signals_new     (GCallback      on_selection,
                                                      GCallback      on_range,
                                                      gpointer       view);

G_END_DECLS
