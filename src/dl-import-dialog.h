/* dl-import-dialog.h: choosing what the columns of a CSV file hold
 *
 * A CSV file that is neither an ACLED nor a UCDP GED export, and a GeoJSON
 * file none of whose properties has a usual date name, open through this
 * dialog: it shows the header and the first rows, lets the user say
 * which column is the title, the date, the coordinates…, and previews the
 * events those rows give. The choice is remembered per header, or per set
 * of property names (GSettings "csv-mappings", "geojson-mappings": see
 * dl_import_mapping_remember()), so the same export opens directly the next
 * time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-import-mapping.h"

G_BEGIN_DECLS

#define DL_TYPE_IMPORT_DIALOG (dl_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DlImportDialog, dl_import_dialog, DL, IMPORT_DIALOG, AdwWindow)

/* Takes @peek; the rows start as @mapping says. "response" (gboolean
 * accepted) is emitted once, then the dialog closes itself. */
DlImportDialog        *dl_import_dialog_new         (GtkWindow             *parent,
                                                     const char            *file_name,
                                                     DlImportPeek          *peek,
                                                     const DlImportMapping *mapping);
/* The columns chosen now. */
DlImportMapping       *dl_import_dialog_get_mapping (DlImportDialog        *self);
/* The role's row, for tests that aim real input at it. */
GtkWidget             *dl_import_dialog_get_row     (DlImportDialog        *self,
                                                     DlImportRole           role);
/* How many events the first rows give with the columns chosen now. */
guint                  dl_import_dialog_get_n_preview_events (DlImportDialog *self);

/* Before opening @file: when it is a CSV (or GeoJSON) that needs a mapping, the one
 * remembered for its header, or the dialog's (then remembered). Finishes
 * with TRUE and @mapping NULL when none is needed (another format, ACLED,
 * UCDP, or a file the loader will report on); FALSE with
 * G_IO_ERROR_CANCELLED when the user cancelled the dialog or @cancellable
 * was cancelled. */
void                   dl_import_choose_columns_async  (GtkWindow            *parent,
                                                        GFile                *file,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
/* The file it was for. */
GFile                 *dl_import_choose_columns_get_file (GAsyncResult    *result);
gboolean               dl_import_choose_columns_finish (GAsyncResult         *result,
                                                        DlImportMapping     **mapping,
                                                        GError              **error);

G_END_DECLS
