/* dl-dataset-private.h: the loader's settings, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-dataset.h"
#include "dl-dataset-load-private.h"  /* the dataset's insides */

G_BEGIN_DECLS

/* How much article text one dataset may hold (DL_ARTICLES_MAX_TOTAL); a test
 * lowers it rather than writing hundreds of megabytes. */
extern guint64 dl_articles_max_total;
/* Events at and above this many are read in two halves, in two threads
 * (dl-dataset-events.c); a test lowers it to read small datasets so. */
extern guint dl_loader_split_min_events;

/* Rebuilds the claim index (topic → claims) from the events. */
void dl_dataset_index_claims     (DlDataset    *self);
/* Installs the change signals (dl-dataset-edit.c). */
void dl_dataset_class_init_edits (GObjectClass *klass);

/* Changes, for the edit stack (dl-edit-stack.c) only. Each keeps the
 * indexes (ids, time order, claims) right before anyone is told. */
typedef enum {
  DL_EVENT_CHANGE_TEXT   = 0,       /* title, summary, basis */
  DL_EVENT_CHANGE_TIME   = 1 << 0,  /* when: its place in time order */
  DL_EVENT_CHANGE_CLAIMS = 1 << 1,  /* excerpts and claims */
} DlEventChange;

/* Puts a source, place or event into its list at @position, or takes it
 * out of its list from @position. */
void dl_dataset_edit_insert        (DlDataset     *self,
                                    GObject       *item,
                                    guint          position);
void dl_dataset_edit_remove        (DlDataset     *self,
                                    GObject       *item,
                                    guint          position);
/* After an event's fields changed in place: "event-changed". */
void dl_dataset_edit_event_changed (DlDataset     *self,
                                    DlEvent       *event,
                                    DlEventChange  what);
/* After an event's passages (excerpts and claims) changed: the claim
 * index drops what it held of @old_claims and takes its claims now. */
void dl_dataset_edit_passages_changed (DlDataset  *self,
                                       DlEvent    *event,
                                       GArray     *old_claims);
/* "narratives-changed", and "changed" after a whole edit, undo or redo. */
void dl_dataset_edit_narratives_changed (DlDataset *self);
void dl_dataset_edit_changed       (DlDataset     *self);
void dl_dataset_edit_set_file      (DlDataset     *self,
                                    GFile         *file);

G_END_DECLS
