/* dl-preferences-window.h: the app's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DL_TYPE_PREFERENCES_WINDOW (dl_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DlPreferencesWindow, dl_preferences_window, DL, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Shows and changes @settings (the app's; NULL when the schema is not
 * installed: the choices are shown insensitive). */
GtkWidget *dl_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
