/* dl-mbtiles-source.h: a ShumateMapSource reading the user's MBTiles file
 *
 * MBTiles 1.3 (an SQLite database of tiles; rows are TMS, so y is flipped)
 * with PNG or JPEG tiles, and WebP where a WebP loader for GdkPixbuf is
 * installed. Tiles are read and decoded in worker threads. Past the file's
 * last zoom its deepest tiles are enlarged; where the file has no tile, a
 * transparent one is delivered, so the map below shows through.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define DL_MBTILES_ERROR (dl_mbtiles_error_quark ())
GQuark dl_mbtiles_error_quark (void);

typedef enum {
  DL_MBTILES_ERROR_OPEN,        /* cannot be read at all */
  DL_MBTILES_ERROR_NOT_MBTILES, /* not an SQLite database, or not MBTiles */
  DL_MBTILES_ERROR_UNSUPPORTED, /* a tile format this build cannot draw */
  DL_MBTILES_ERROR_CORRUPT,     /* a tile or the database is damaged */
} DlMbtilesError;

/* How far past the file's last zoom its tiles are enlarged. */
#define DL_MBTILES_OVERZOOM 4

#define DL_TYPE_MBTILES_SOURCE (dl_mbtiles_source_get_type ())
G_DECLARE_FINAL_TYPE (DlMbtilesSource, dl_mbtiles_source, DL, MBTILES_SOURCE, ShumateMapSource)

/* Opens and checks @file in a worker thread: the metadata and tiles tables,
 * the tile format, and one tile decoded. Errors are translated sentences
 * that name the file and what is wrong with it. */
void              dl_mbtiles_source_new_async  (GFile                *file,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ShumateMapSource *dl_mbtiles_source_new_finish (GAsyncResult         *result,
                                                GError              **error);
/* The same, blocking (tools, tests, the command line before a window). */
ShumateMapSource *dl_mbtiles_source_new_sync   (GFile                *file,
                                                GCancellable         *cancellable,
                                                GError              **error);

GFile            *dl_mbtiles_source_get_file   (DlMbtilesSource      *self);
/* "png", "jpg" or "webp" */
const char       *dl_mbtiles_source_get_format (DlMbtilesSource      *self);
/* A vector file redrawn in the light or dark style (from then on; tiles
 * already drawn keep theirs: make a new map layer). Returns TRUE when the
 * style changed; FALSE for an image file, the same style, or a style that
 * cannot be made (the old one stays). */
gboolean          dl_mbtiles_source_set_dark   (DlMbtilesSource      *self,
                                                gboolean              dark);
/* The zooms the file holds tiles for. */
int               dl_mbtiles_source_get_min_data_zoom (DlMbtilesSource *self);
int               dl_mbtiles_source_get_max_data_zoom (DlMbtilesSource *self);

G_END_DECLS
