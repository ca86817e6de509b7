/* dl-dataset-build.h: a dataset built in memory, for importers of other formats
 *
 * The importers (src/import/) read ACLED, UCDP, GeoJSON, TimelineJS and
 * StoryMapJS files into the same DlDataset a .dateline.json loads into.
 * They make the model objects with dl-model-private.h, hand them over here
 * (each id once: the importer makes them unique), and finish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"

G_BEGIN_DECLS

/* @file is the file it was read from (what the window remembers), or NULL. */
DlDataset *dl_dataset_new_for_import  (GFile      *file,
                                       const char *title,
                                       const char *description);
/* TRUE for a dataset built by an importer: its articles exist only in
 * memory, and are written along when it is saved (dl-writer.h). */
gboolean   dl_dataset_is_imported     (DlDataset  *self);
/* Each takes a reference to every item. */
void       dl_dataset_add_sources     (DlDataset  *self,
                                       DlSource  **sources,
                                       guint       n_sources);
void       dl_dataset_add_places      (DlDataset  *self,
                                       DlPlace   **places,
                                       guint       n_places);
void       dl_dataset_add_events      (DlDataset  *self,
                                       DlEvent   **events,
                                       guint       n_events);
void       dl_dataset_add_topic       (DlDataset  *self,
                                       const char *id,
                                       const char *label);
/* @events: the dataset's DlEvents, the steps in order (no captions). */
void       dl_dataset_add_narrative   (DlDataset  *self,
                                       const char *id,
                                       const char *title,
                                       const char *description,
                                       GPtrArray  *events);
/* Sorts the events by time and indexes the claims: call once, last. */
void       dl_dataset_finish_import   (DlDataset  *self);

G_END_DECLS
