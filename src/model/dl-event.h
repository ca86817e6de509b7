/* dl-event.h: an event the articles report, with its passages and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dl-edtf.h"
#include "dl-geo.h"
#include "dl-place.h"
#include "dl-source.h"

G_BEGIN_DECLS

/* A passage of an article (W3C TextQuoteSelector + TextPositionSelector).
 * start/end are the verified Unicode code-point offsets, end exclusive. */
typedef struct {
  DlSource *source;
  char     *exact;
  char     *prefix;
  char     *suffix;
  guint     start;
  guint     end;
} DlExcerpt;

/* A number (or short value) an article states about a topic. */
typedef struct {
  char     *topic;
  char     *value_text;  /* as written in the dataset: "12", "a third" */
  double    value;       /* when numeric */
  gboolean  numeric;
  char     *qualifier;   /* "at least", "about"…, or NULL */
  char     *unit;        /* or NULL */
  guint     excerpt;     /* index into the event's excerpts */
  DlSource *source;      /* the excerpt's source */
  gboolean  has_range;   /* an estimate with its range: low ≤ value ≤ high */
  double    low;
  double    high;
} DlClaim;

/* What an event's place is to it: where it happened, or, for a statement
 * made somewhere unreported, the place it is about ("place_role"). */
typedef enum {
  DL_PLACE_ROLE_AT,
  DL_PLACE_ROLE_CONCERNS,
} DlPlaceRole;

#define DL_TYPE_EVENT (dl_event_get_type ())

G_DECLARE_FINAL_TYPE (DlEvent, dl_event, DL, EVENT, GObject)

const char      *dl_event_get_id          (DlEvent *self);
const char      *dl_event_get_title       (DlEvent *self);
const char      *dl_event_get_category    (DlEvent *self);
const char      *dl_event_get_summary     (DlEvent *self);
/* EDTF as written, and its parsed value. */
const char      *dl_event_get_when_text   (DlEvent *self);
const DlEdtf    *dl_event_get_when        (DlEvent *self);
const char      *dl_event_get_when_basis  (DlEvent *self);
guint            dl_event_get_n_places    (DlEvent *self);
DlPlaceRole      dl_event_get_place_role  (DlEvent *self);
DlPlace         *dl_event_get_place       (DlEvent *self,
                                           guint    index);
/* The smallest precision (metres) of its places. */
double           dl_event_get_precision_m (DlEvent *self);
/* Where to put the event on a map: the first place's anchor. */
DlLonLat         dl_event_get_anchor      (DlEvent *self);
DlBBox           dl_event_get_bbox        (DlEvent *self);
guint            dl_event_get_n_excerpts  (DlEvent *self);
const DlExcerpt *dl_event_get_excerpt     (DlEvent *self,
                                           guint    index);
guint            dl_event_get_n_claims    (DlEvent *self);
const DlClaim   *dl_event_get_claim       (DlEvent *self,
                                           guint    index);
/* Ids of the sources its excerpts come from, in first-seen order, no repeats. */
GPtrArray       *dl_event_dup_source_ids  (DlEvent *self);
/* TRUE when the event's title, summary, place names or excerpts contain
 * every word of the (case-folded) query. */
gboolean         dl_event_matches         (DlEvent    *self,
                                           const char *query);

/* Time order: earliest, then latest, then id; events without a date last. */
int              dl_event_compare_time    (gconstpointer a,
                                           gconstpointer b);
/* Sorts an array of events in that order, as g_ptr_array_sort() with it
 * would, several times faster for many events. */
void             dl_event_sort_by_time    (GPtrArray    *events);

G_END_DECLS
