/* dl-map-file-row.h: Preferences → Map: "Offline Map File"
 *
 * A row that shows the chosen MBTiles file, chooses another through the
 * file chooser portal, checks it off the main loop before remembering it
 * (GSettings "offline-map-file"), says plainly why a file cannot be used
 * (the previous choice stays), and removes it.
 *
 *   adw_preferences_group_add (group, dl_map_file_row_new (settings));
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DL_TYPE_MAP_FILE_ROW (dl_map_file_row_get_type ())
G_DECLARE_FINAL_TYPE (DlMapFileRow, dl_map_file_row, DL, MAP_FILE_ROW, AdwActionRow)

GtkWidget  *dl_map_file_row_new       (GSettings    *settings);

/* Checks @file and remembers it when it can be used (what the file chooser
 * does once a file is picked); otherwise shows why. */
void        dl_map_file_row_set_file  (DlMapFileRow *self,
                                       GFile        *file);

/* The last refusal (a sentence naming the file and what is wrong), or NULL. */
const char *dl_map_file_row_get_error (DlMapFileRow *self);

G_END_DECLS
