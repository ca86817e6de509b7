/* dl-event-facets.h: what the filters read of each event, as numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-geo.h"

G_BEGIN_DECLS

/* The dataset's events in time order with, beside each, the number of its
 * category and of its set of sources: hiding a category or a source then
 * reads these arrays, not the events. Made once (in the loading thread,
 * see dl_dataset_get_facets()), never changed after: an edit makes new
 * ones. */
typedef struct {
  GPtrArray *order;            /* DlEvent (references), in time order */
  GArray    *categories;       /* guint16 per event of `order` */
  GPtrArray *category_names;   /* by number (owned strings) */
  GArray    *source_numbers;   /* guint per event of `order` */
  GPtrArray *source_sets;      /* by number: GPtrArray of DlSource (unowned), in passage order */
  GArray    *category_counts;  /* guint per category number: how many events */
  /* What the sidebar lists with nothing selected, in the dataset's order
   * (the events the map or the timeline cannot show): DlEvent references. */
  GPtrArray *unplaced;
  GPtrArray *undated;
  /* dl_time_range_compute() over `order`: dl_dataset_get_time_range(). */
  gboolean   have_time_range;
  gint64     time_range_start, time_range_end;
  /* dl_focus_range_compute() over all of `order`. */
  gboolean   have_focus;
  gint64     focus_start, focus_end;
  /* dl_map_view_events_extent() over all of `order`: the first map view. */
  DlBBox     map_main_part, map_all;
  /* Events mapped at the place a statement concerns (the legend explains
   * their mark when there are any). */
  guint      n_concerning;
} DlEventFacets;

/* @events: the same events in the dataset's order. */
DlEventFacets *dl_event_facets_new   (GPtrArray     *events_by_time,
                                      GListModel    *events);
DlEventFacets *dl_event_facets_ref   (DlEventFacets *self);
void           dl_event_facets_unref (DlEventFacets *self);

/* The number of @category in @names, added at the end when new; @numbers
 * maps a name of @names to its number + 1. At most G_MAXUINT16 - 1. */
guint16        dl_category_number    (GPtrArray     *names,
                                      GHashTable    *numbers,
                                      const char    *category);

/* The bounded time span of @events_by_time (DlEvent *); FALSE when no
 * event is bounded. */
gboolean       dl_time_range_compute (GPtrArray     *events_by_time,
                                      gint64        *earliest,
                                      gint64        *latest);

/* Numbers the sources of each of @events (the DlSource of each passage, in
 * order: events quoting the same sources the same way share a number) into
 * @numbers (guint each), the sets by number appended to @sets (which
 * frees them with g_ptr_array_unref). */
void           dl_source_sets_number (GPtrArray     *events,
                                      GArray        *numbers,
                                      GPtrArray     *sets);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlEventFacets, dl_event_facets_unref)

G_END_DECLS
