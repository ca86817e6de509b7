/* dl-base-layers.h: the one base-map setup of every ShumateMap in Dateline
 *
 * The window's map and the presentation's map both get their base layers
 * from here, so they always agree:
 *
 * - the online choice (GSettings "basemap": the built-in offline map, or
 *   OpenStreetMap's tiles, which need the network, only when the user
 *   turned them on);
 * - dark mode (AdwStyleManager): the built-in map's dark style;
 * - the map's scale factor: tiles drawn sharp on HiDPI;
 * - the user's own offline map file (GSettings "offline-map-file", or
 *   dl_base_layers_set_map_file() for the command line): an MBTiles file
 *   drawn above the built-in map, which fills whatever the file does not
 *   cover; opened off the main loop; a file that cannot be used leaves the
 *   previous base map as it was and sets "error";
 * - label options (the presentation's bigger, fewer labels that keep clear
 *   of its markers; see DlBasemapLabelOptions).
 *
 * The layers always sit under every other layer of the map, and the map's
 * license shows each source's attribution.
 *
 *   self->base = dl_base_layers_new (self->map, self->license);
 *   dl_base_layers_set_settings (self->base, self->settings);  // NULL: offline map only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dl-basemap.h"

G_BEGIN_DECLS

#define DL_TYPE_BASE_LAYERS (dl_base_layers_get_type ())
G_DECLARE_FINAL_TYPE (DlBaseLayers, dl_base_layers, DL, BASE_LAYERS, GObject)

/* @license may be NULL. The object does not keep @map alive: drop it
 * before the map is destroyed (or let it go with the map's owner). */
DlBaseLayers     *dl_base_layers_new                (ShumateMap                  *map,
                                                     ShumateLicense              *license);

/* Follows "basemap" and "offline-map-file" of @settings (may be NULL). */
void              dl_base_layers_set_settings       (DlBaseLayers                *self,
                                                     GSettings                   *settings);

/* An offline map file that wins over the setting (dateline --basemap FILE);
 * NULL goes back to the setting. */
void              dl_base_layers_set_map_file       (DlBaseLayers                *self,
                                                     GFile                       *file);

/* NULL restores the defaults. Applied to the built-in map's labels. */
void              dl_base_layers_set_label_options  (DlBaseLayers                *self,
                                                     const DlBasemapLabelOptions *options);

/* The built-in map's source when it is shown (a DlBasemapSource), else NULL. */
ShumateMapSource *dl_base_layers_get_builtin_source (DlBaseLayers                *self);
/* The user's map file's source when one is shown, else NULL. */
ShumateMapSource *dl_base_layers_get_file_source    (DlBaseLayers                *self);

/* Why the offline map file is not shown (a translated sentence naming the
 * file and what is wrong), or NULL. Notifies "error". */
const char       *dl_base_layers_get_error          (DlBaseLayers                *self);

/* Whether a map file is still being opened (tests wait on it). */
gboolean          dl_base_layers_is_busy            (DlBaseLayers                *self);
/* Whether a map file is being opened or the built-in map still draws tiles
 * the map asked for (a --screenshot waits until it is not). */
gboolean          dl_base_layers_is_drawing         (DlBaseLayers                *self);

G_END_DECLS
