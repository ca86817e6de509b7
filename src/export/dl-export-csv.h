/* dl-export-csv.h: events as CSV (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"

G_BEGIN_DECLS

/* One header row, then one row per event: id, title, category, when, start,
 * end, lat, lon, precision_m, sources, excerpts. UTF-8, CRLF line ends,
 * fields quoted when they need it. @events is a GListModel of DlEvent, or
 * NULL for every event of @dataset. */
char     *dl_export_csv        (DlDataset   *dataset,
                                GListModel  *events,
                                gsize       *length);
/* Writes it atomically: on failure any old file is left as it was. */
gboolean  dl_export_csv_to_file (DlDataset   *dataset,
                                 GListModel  *events,
                                 const char  *path,
                                 GError     **error);

G_END_DECLS
