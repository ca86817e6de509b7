/* dl-search-index.h: searching a million events as the user types
 *
 * The same answers as dl_event_matches() — an event matches when its
 * title, summary, category, place names or passages, case-folded, contain
 * every word of the case-folded query — found without building or scanning
 * one haystack per event: the index holds each distinct case-folded text
 * once, so a word is looked for once in every distinct text, and an event
 * matches when one of its texts does. dl-search-index.c says how.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dl-event.h"

G_BEGIN_DECLS

typedef struct _DlSearchIndex DlSearchIndex;

/* Indexes @events (DlEvent *). Nobody may change them meanwhile, so it may
 * run in a worker thread while the dataset is not yet shown. */
DlSearchIndex *dl_search_index_new       (GPtrArray     *events);
void           dl_search_index_free      (DlSearchIndex *self);

/* @event's text changed (an edit): it is indexed again. An event the index
 * has not seen is indexed when it is first matched. */
void           dl_search_index_update    (DlSearchIndex *self,
                                          DlEvent       *event);

/* The query that dl_search_index_matches() answers for (NULL or empty:
 * every event matches). Setting it looks each new word up once; words typed
 * one letter at a time are looked up only among the texts that held the
 * shorter word. */
void           dl_search_index_set_query (DlSearchIndex *self,
                                          const char    *query);
gboolean       dl_search_index_matches   (DlSearchIndex *self,
                                          DlEvent       *event);

/* Whether events[position] matches: without looking at the event itself
 * when @events is (in that place) the array the index was built from, so a
 * million events cost no million cache misses. */
gboolean       dl_search_index_matches_at (DlSearchIndex *self,
                                          GPtrArray     *events,
                                          guint          position);

/* Of events[positions[0]], events[positions[1]]… (@n of them), the
 * positions of those that match, in their order, written to @out (room for
 * @n; it may be @positions); returns how many. One call for a million
 * positions: as dl_search_index_matches_at() for each, without a call and
 * the query's checks per event. */
guint          dl_search_index_filter_positions (DlSearchIndex *self,
                                                 GPtrArray     *events,
                                                 const guint   *positions,
                                                 guint          n,
                                                 guint         *out);

/* The events of @events (DlEvent *) that match, in their order, appended
 * to @out. */
void           dl_search_index_filter    (DlSearchIndex *self,
                                          GPtrArray     *events,
                                          GPtrArray     *out);

/* What the index holds, for benchmarks. */
gsize          dl_search_index_get_size  (DlSearchIndex *self);
guint          dl_search_index_get_n_texts (DlSearchIndex *self);
/* Events indexed, counting each time one was indexed anew (an edit keeps
 * its place, an event the index had not seen takes a new one). */
guint          dl_search_index_get_n_slots (DlSearchIndex *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlSearchIndex, dl_search_index_free)

G_END_DECLS
