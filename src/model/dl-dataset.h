/* dl-dataset.h: a Dateline dataset: load, validate, own the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-event.h"
#include "dl-event-facets.h"
#include "dl-place.h"
#include "dl-problems.h"
#include "dl-search-index.h"
#include "dl-source.h"

G_BEGIN_DECLS

#define DL_DATASET_FORMAT_VERSION 1

/* Refuse bigger dataset files and articles outright. A dataset's text is
 * mapped and given back behind the reader, so its size is not what fills
 * the memory (the events are). The limit leaves room for Dateline's own
 * indented layout of the largest datasets it is built for: a million
 * synthetic events are 420 MB as generated and 637 MB once saved, which a
 * limit of 512 MiB refused when the save read its file back. */
#define DL_DATASET_MAX_SIZE  (1024 * 1024 * 1024)
#define DL_ARTICLE_MAX_SIZE  (16 * 1024 * 1024)
/* The memory budget of one dataset: its JSON (above), and at most this much
 * article text, each file counted once however many sources name it. */
#define DL_ARTICLES_MAX_TOTAL ((guint64) 256 * 1024 * 1024)
#define DL_JSON_MAX_DEPTH    64

#define DL_DATASET_ERROR (dl_dataset_error_quark ())

typedef enum {
  DL_DATASET_ERROR_INVALID,
} DlDatasetError;

GQuark dl_dataset_error_quark (void);

typedef struct {
  DlEvent *event;  /* or NULL */
  char    *caption;
} DlNarrativeStep;

typedef struct {
  char   *id;
  char   *title;
  char   *description;
  GArray *steps;   /* of DlNarrativeStep */
} DlNarrative;

/* A claim with the event it is about. */
typedef struct {
  DlEvent       *event;
  const DlClaim *claim;
} DlClaimRef;

#define DL_TYPE_DATASET (dl_dataset_get_type ())

G_DECLARE_FINAL_TYPE (DlDataset, dl_dataset, DL, DATASET, GObject)

/* Loads and validates. Every problem found goes to `problems`; returns NULL
 * when any of them is an error. Blocking: use the async variant from a UI. */
DlDataset         *dl_dataset_load              (GFile               *file,
                                                 DlProblems          *problems,
                                                 GCancellable        *cancellable);
/* The same, storing in @progress (atomically, for another thread to read)
 * how far the file has been read, in per mille (dl_json_reader_set_progress);
 * 1000 once loaded. */
DlDataset         *dl_dataset_load_with_progress (GFile              *file,
                                                  DlProblems         *problems,
                                                  GCancellable       *cancellable,
                                                  gint               *progress);
/* The same from bytes in memory; articles are read relative to base_dir
 * (NULL: a dataset with sources cannot be read). */
DlDataset         *dl_dataset_load_from_data    (const char          *data,
                                                 gsize                len,
                                                 const char          *base_dir,
                                                 DlProblems          *problems);
/* The same, the articles taken from @articles (their relative path as the
 * file gives it, "/"-separated → DlText) rather than from a folder: a
 * dataset being edited, checked before its new articles are written. */
DlDataset         *dl_dataset_load_from_data_with_articles (const char *data,
                                                 gsize                len,
                                                 GHashTable          *articles,
                                                 DlProblems          *problems);
void               dl_dataset_load_async        (GFile               *file,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* On failure, returns NULL with DL_DATASET_ERROR_INVALID (or a GIO error)
 * and, when asked, the problems (also given on success: warnings). */
DlDataset         *dl_dataset_load_finish       (GAsyncResult        *result,
                                                 DlProblems         **problems,
                                                 GError             **error);
/* For a loading thread (this one, or the importer's for other formats):
 * builds the search index while nobody else sees the dataset, then returns
 * @dataset (transfer full; NULL when @problems has errors) or the error
 * that dl_dataset_load_finish() gives, with @problems (transfer full). */
void               dl_dataset_return_loaded     (GTask               *task,
                                                 DlDataset           *dataset,
                                                 DlProblems          *problems,
                                                 GCancellable        *cancellable);

/* An empty dataset (no file yet), to be filled through a DlEditStack.
 *
 * A dataset changes only through its DlEditStack, which tells: the lists
 * (sources, places, events) emit "items-changed"; "event-changed" (DlEvent*)
 * says an event's fields changed in place (its time order too, perhaps);
 * "narratives-changed" that a narrative or step did; and "changed" follows
 * every whole edit, undo and redo. */
DlDataset         *dl_dataset_new               (const char          *title);

/* The dataset that ships with Dateline (installed, or in the source tree). */
GFile             *dl_dataset_get_bundled_file  (void);

GFile             *dl_dataset_get_file          (DlDataset  *self);
const char        *dl_dataset_get_title         (DlDataset  *self);
const char        *dl_dataset_get_description   (DlDataset  *self);
GListModel        *dl_dataset_get_sources       (DlDataset  *self);
GListModel        *dl_dataset_get_places        (DlDataset  *self);
/* Events in the file's order. */
GListModel        *dl_dataset_get_events        (DlDataset  *self);
/* Events in time order (dl_event_compare_time). */
GPtrArray         *dl_dataset_get_events_by_time (DlDataset *self);
DlSource          *dl_dataset_lookup_source     (DlDataset  *self,
                                                 const char *id);
DlPlace           *dl_dataset_lookup_place      (DlDataset  *self,
                                                 const char *id);
DlEvent           *dl_dataset_lookup_event      (DlDataset  *self,
                                                 const char *id);
guint              dl_dataset_get_n_narratives  (DlDataset  *self);
const DlNarrative *dl_dataset_get_narrative     (DlDataset  *self,
                                                 guint       index);
/* The narrative whose id is @id, or NULL (also for a NULL @id). */
const DlNarrative *dl_dataset_lookup_narrative  (DlDataset  *self,
                                                 const char *id);
/* The index that searches the events (dl-search-index.h): built in the
 * thread of dl_dataset_load_async(), else here when first asked for, and
 * kept right by edits. */
DlSearchIndex     *dl_dataset_get_search_index  (DlDataset  *self);
/* The events in time order with their categories and sources numbered
 * (dl-event-facets.h): made in the thread of dl_dataset_load_async(), else
 * here when first asked for, and made again after an edit. */
DlEventFacets     *dl_dataset_get_facets        (DlDataset  *self);
/* The bounded time span of all events; FALSE when no event is bounded. */
gboolean           dl_dataset_get_time_range    (DlDataset  *self,
                                                 gint64     *earliest,
                                                 gint64     *latest);
DlBBox             dl_dataset_get_bbox          (DlDataset  *self);
/* Claim topics, sorted; and all claims on one (GArray of DlClaimRef). */
GStrv              dl_dataset_dup_topics        (DlDataset  *self);
GArray            *dl_dataset_get_claims        (DlDataset  *self,
                                                 const char *topic);
/* TRUE when the claims on a topic do not all agree (dl-claims.h says how
 * they are compared: values with their qualifiers). */
gboolean           dl_dataset_topic_disagrees   (DlDataset  *self,
                                                 const char *topic);

G_END_DECLS
