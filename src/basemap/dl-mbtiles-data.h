/* dl-mbtiles-data.h: the tiles of a vector MBTiles file, for libshumate's
 * vector renderer
 *
 * Where the running libshumate can draw vector tiles from local data
 * (shumate_vector_renderer_set_data_source, since 1.2: the Flatpak's), a
 * map file of Mapbox Vector Tiles (OpenMapTiles schema, usually gzipped) is
 * read through this data source and drawn in Dateline's own style
 * (data/styles/). Debian 12's libshumate 1.0 has no vector renderer: there
 * the file is refused with a message (dl-mbtiles-source.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#if SHUMATE_CHECK_VERSION (1, 2, 0)

G_BEGIN_DECLS

#define DL_TYPE_MBTILES_DATA (dl_mbtiles_data_get_type ())
G_DECLARE_FINAL_TYPE (DlMbtilesData, dl_mbtiles_data, DL, MBTILES_DATA, ShumateDataSource)

/* Opens @path read-only. Tiles are read (and unzipped) in worker threads;
 * a tile the file does not have is empty, so the style's background shows. */
DlMbtilesData *dl_mbtiles_data_new (const char  *path,
                                    int          min_zoom,
                                    int          max_zoom,
                                    GError     **error);

/* The vector renderer for a vector MBTiles file at @path, drawn in
 * Dateline's light or dark style; NULL with an error when this libshumate
 * cannot draw vector tiles or the style is refused. */
ShumateMapSource *dl_mbtiles_data_new_renderer (const char  *id,
                                                const char  *path,
                                                int          min_zoom,
                                                int          max_zoom,
                                                gboolean     dark,
                                                GError     **error);

G_END_DECLS

#endif
