/* dl-import.h: opening files of other tools as Dateline datasets
 *
 * CSV (ACLED, UCDP GED, or any table with a date and coordinates), GeoJSON
 * FeatureCollections, TimelineJS and StoryMapJS JSON are read into the same
 * DlDataset a .dateline.json loads into (dl-dataset-build.h). A native
 * dataset goes to dl_dataset_load() as before, so callers use these
 * functions wherever a dataset is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-dataset.h"
#include "dl-import-mapping.h"

G_BEGIN_DECLS

typedef enum {
  DL_IMPORT_FORMAT_NATIVE,
  DL_IMPORT_FORMAT_CSV,
  DL_IMPORT_FORMAT_GEOJSON,
  DL_IMPORT_FORMAT_TIMELINEJS,
  DL_IMPORT_FORMAT_STORYMAPJS,
} DlImportFormat;

/* NAME.dateline.json is a dataset; other JSON (by its first bytes) says
 * which it is; then the suffix (.csv, .tsv, .geojson) decides, then commas.
 * @data may be NULL: by the name only. */
DlImportFormat  dl_import_detect       (const char          *name,
                                        const char          *data,
                                        gsize                len);

/* Loads a dataset in any format. Problems go to @problems (a CSV's as
 * "line N, column NAME", JSON's as a JSON path); NULL when there was an
 * error. Rows or features that cannot be read are skipped with a warning
 * each, and counted in a last warning. Blocking. */
DlDataset      *dl_import_load         (GFile               *file,
                                        DlProblems          *problems,
                                        GCancellable        *cancellable);
/* The same, reading a CSV that is neither ACLED nor UCDP GED, or a GeoJSON
 * file's properties, by @mapping (NULL: by their usual names). */
DlDataset      *dl_import_load_full    (GFile                 *file,
                                        const DlImportMapping *mapping,
                                        DlProblems            *problems,
                                        GCancellable          *cancellable);
/* The same from bytes; @name gives the suffix and the title. */
DlDataset      *dl_import_load_data    (const char          *name,
                                        const char          *data,
                                        gsize                len,
                                        DlProblems          *problems,
                                        GCancellable        *cancellable);

/* The same, reading a CSV that is neither ACLED nor UCDP GED by @mapping
 * (NULL: by the columns' usual names). */
DlDataset      *dl_import_load_data_with_mapping (const char            *name,
                                                  const char            *data,
                                                  gsize                  len,
                                                  const DlImportMapping *mapping,
                                                  DlProblems            *problems,
                                                  GCancellable          *cancellable);

/* In a thread, exactly like dl_dataset_load_async(): the task data is the
 * file, and dl_import_load_finish() gives the problems. */
void            dl_import_load_async   (GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* The same, calling @progress_func in the caller's main context every
 * tenth of a second until the load is over: with the fraction read (0 to
 * 1; a native dataset's loader tells it as it goes through the file), or
 * −1 while nothing is known yet. */
typedef void (*DlImportProgressFunc) (double   fraction,
                                      gpointer user_data);
void            dl_import_load_async_with_progress (GFile                *file,
                                                    GCancellable         *cancellable,
                                                    DlImportProgressFunc  progress_func,
                                                    gpointer              progress_data,
                                                    GDestroyNotify        progress_destroy,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
/* The same, with a CSV's @mapping (copied; NULL: by the usual names). */
void            dl_import_load_async_full (GFile                 *file,
                                           const DlImportMapping *mapping,
                                           GCancellable          *cancellable,
                                           DlImportProgressFunc   progress_func,
                                           gpointer               progress_data,
                                           GDestroyNotify         progress_destroy,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
DlDataset      *dl_import_load_finish  (GAsyncResult        *result,
                                        DlProblems         **problems,
                                        GError             **error);

G_END_DECLS
