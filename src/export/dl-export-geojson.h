/* dl-export-geojson.h: the dataset as GeoJSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

/* A FeatureCollection: one Feature per event, plus a top-level "sources";
 * written atomically (a crash never leaves half a file). */
gboolean  dl_export_geojson_to_file  (DlDataset   *dataset,
                                      const char  *path,
                                      GError     **error);
/* The same text, in memory (what the fuzzers check is what ships). */
char     *dl_export_geojson_to_data  (DlDataset   *dataset);

G_END_DECLS
