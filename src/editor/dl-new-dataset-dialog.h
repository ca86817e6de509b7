/* dl-new-dataset-dialog.h: asks a new dataset's title and where it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DL_TYPE_NEW_DATASET_DIALOG (dl_new_dataset_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DlNewDatasetDialog, dl_new_dataset_dialog, DL, NEW_DATASET_DIALOG, AdwWindow)

/* Signals:
 *   "create" (const char *title, GFile *file): Create was chosen; @file is
 *     the dataset file to make, in a folder of its own named after the
 *     title inside the folder chosen. The dialog closes itself. */
DlNewDatasetDialog *dl_new_dataset_dialog_new      (GtkWindow  *parent);
/* The dataset file a title makes in @folder: FOLDER/TITLE/TITLE.dateline.json,
 * with the characters a file name cannot hold replaced. */
GFile              *dl_new_dataset_dialog_file_for (GFile      *folder,
                                                    const char *title);

G_END_DECLS
