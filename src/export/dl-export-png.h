/* dl-export-png.h: a map view with its events as a PNG image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_EXPORT_PNG_DEFAULT_WIDTH  1920
#define DL_EXPORT_PNG_DEFAULT_HEIGHT 1080
#define DL_EXPORT_PNG_MAX_SIZE       8192

/* A map of the events (a GListModel of DlEvent, NULL: all of @dataset),
 * every one of them inside a margin, with the dataset's title and the dates
 * the events span above, a scale bar and the attribution on the map and a
 * legend below, at width × height pixels, written atomically. @view (the
 * area the user looked at) is not used: the image shows every event. Needs
 * no display; blocking (run it in a thread from a UI). */
gboolean dl_export_png_to_file (DlDataset     *dataset,
                                GListModel    *events,
                                const DlBBox  *view,
                                int            width,
                                int            height,
                                const char    *path,
                                GError       **error);

G_END_DECLS
