/* dl-basemap-source.h: a ShumateMapSource drawing the offline basemap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dl-basemap.h"

G_BEGIN_DECLS

#define DL_BASEMAP_SOURCE_ID "dateline-offline"

#define DL_TYPE_BASEMAP_SOURCE (dl_basemap_source_get_type ())
G_DECLARE_FINAL_TYPE (DlBasemapSource, dl_basemap_source, DL, BASEMAP_SOURCE, ShumateMapSource)

/* A map source drawing tiles from @basemap off the main thread, with an
 * in-memory cache of recent tiles. Style and language are fixed for the
 * source's life: to follow a dark-mode change, make a new source (and layer).
 * language: "en", "ar", "he"… or NULL for the user's locale.
 * Returns: (transfer full) */
ShumateMapSource *dl_basemap_source_new              (DlBasemap        *basemap,
                                                      DlBasemapStyle    style,
                                                      const char       *language);

DlBasemap        *dl_basemap_source_get_basemap      (DlBasemapSource  *self);
DlBasemapStyle    dl_basemap_source_get_style        (DlBasemapSource  *self);
/* The label language in use: "en", "ar" or "he". */
const char       *dl_basemap_source_get_language     (DlBasemapSource  *self);

/* With libshumate < 1.1 tiles carry no scale factor: the window sets its own
 * here (gtk_widget_get_scale_factor) so tiles are drawn sharp on HiDPI.
 * With libshumate ≥ 1.1 each tile's own scale factor wins. */
int               dl_basemap_source_get_scale_factor (DlBasemapSource  *self);
void              dl_basemap_source_set_scale_factor (DlBasemapSource  *self,
                                                      int               scale_factor);

/* Label options (see DlBasemapLabelOptions in dl-basemap.h): the
 * presentation asks for labels ≥ 1.5× and fewer of them, and for its step's
 * places to keep their labels clear of the markers. Tiles already on screen
 * are drawn again and swapped in place (no blank frame); NULL restores the
 * defaults. */
const DlBasemapLabelOptions *dl_basemap_source_get_label_options (DlBasemapSource             *self);
void              dl_basemap_source_set_label_options (DlBasemapSource             *self,
                                                       const DlBasemapLabelOptions *options);
/* The smallest label font size (logical px, after fitting) drawn on the
 * tiles delivered since the label options last changed; 0 before any.
 * Notifies "min-label-size". */
double            dl_basemap_source_get_min_label_size (DlBasemapSource *self);

/* How many tiles were delivered so far (from the cache or drawn). */
guint             dl_basemap_source_get_tiles_filled (DlBasemapSource  *self);
/* How many tiles the map asked for that are not drawn yet (a --screenshot
 * waits for none). */
guint             dl_basemap_source_get_n_pending   (DlBasemapSource  *self);

G_END_DECLS
