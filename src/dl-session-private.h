/* dl-session-private.h: what the session's files share
 *
 * The session is one object in two files: dl-session.c (the dataset, the
 * shown events, the selection, the visible range, the search) and
 * dl-session-filters.c (hidden categories and sources).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-event-list.h"
#include "dl-session.h"

G_BEGIN_DECLS

struct _DlSession
{
  GObject             parent_instance;

  DlDataset          *dataset;
  DlEditStack        *edits;        /* the dataset's, made with it */
  DlEventList        *events;       /* what map and timeline draw: the shown events of `order` */
  GtkSingleSelection *selection;    /* over `events` */
  GPtrArray          *order;        /* the dataset's events in time order (references):
                                     * replaced, never changed, as `events` and `results`
                                     * point into it */
  GArray             *order_category; /* guint16 per event of `order`: its category's number */
  GPtrArray          *category_names; /* category by number (owned strings) */
  GHashTable         *category_numbers; /* name (of category_names) → number + 1 */
  GArray             *order_sources;  /* guint per event of `order`: its sources' number in
                                       * `source_sets`; made when a source is hidden, emptied
                                       * when `order` or an event changes */
  GPtrArray          *source_sets;    /* GPtrArray of DlSource (unowned) per number */
  DlEventList        *results;      /* the shown events that match `query` */
  char               *results_query; /* what `results` were found for */
  GPtrArray          *recent;       /* Recent, the last queries' results, newest last */
  GHashTable         *hidden_categories;
  GHashTable         *hidden_sources;
  char               *query;
  gint64              visible_start;
  gint64              visible_end;
};

/* The filters changed: `events` (and the results) follow, and
 * "filters-changed" is emitted. */
void _dl_session_filters_changed (DlSession *self);

G_END_DECLS
