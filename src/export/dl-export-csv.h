/* dl-export-csv.h: events as CSV (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"

G_BEGIN_DECLS

typedef enum {
  DL_EXPORT_CSV_NONE = 0,
  DL_EXPORT_CSV_BOM  = 1 << 0,  /* start with a UTF-8 byte order mark (for spreadsheets) */
} DlExportCsvFlags;

/* One header row, then one row per event: id, title, category, when, start,
 * end, lat, lon, precision_m, sources, excerpts, then what a reader needs
 * without the app: date (in words), place (names), summary, passage (the
 * first) and passage_source (its article's title). UTF-8, CRLF line ends,
 * fields quoted when they need it (RFC 4180). @events is a GListModel of
 * DlEvent, or NULL for every event of @dataset. */
char     *dl_export_csv_full   (DlDataset        *dataset,
                                GListModel       *events,
                                DlExportCsvFlags  flags,
                                gsize            *length);
gboolean  dl_export_csv_to_file_full (DlDataset         *dataset,
                                      GListModel        *events,
                                      DlExportCsvFlags   flags,
                                      const char        *path,
                                      GError           **error);
/* The same without a byte order mark. */
char     *dl_export_csv        (DlDataset   *dataset,
                                GListModel  *events,
                                gsize       *length);
/* Writes it atomically: on failure any old file is left as it was. */
gboolean  dl_export_csv_to_file (DlDataset   *dataset,
                                 GListModel  *events,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
