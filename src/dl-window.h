/* dl-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "dl-dataset.h"
#include "dl-session.h"

G_BEGIN_DECLS

#define DL_TYPE_WINDOW (dl_window_get_type ())

G_DECLARE_FINAL_TYPE (DlWindow, dl_window, DL, WINDOW, AdwApplicationWindow)

DlWindow           *dl_window_new                   (GtkApplication *application);
/* Loads a dataset off the main loop (NULL: the bundled one). On errors the
 * problems are shown and whatever was open stays open. */
void                dl_window_open                  (DlWindow      *self,
                                                     GFile         *file);
DlDataset          *dl_window_get_dataset           (DlWindow      *self);
/* What every view of the window observes and sets. */
DlSession          *dl_window_get_session           (DlWindow      *self);
/* The session's selection (a GtkSingleSelection of the shown events, in
 * time order). */
GtkSingleSelection *dl_window_get_selection         (DlWindow      *self);
DlEvent            *dl_window_get_selected_event    (DlWindow      *self);
gboolean            dl_window_select_event          (DlWindow      *self,
                                                     const char    *id);
/* Exports the shown events off the main loop, the format chosen by the file
 * name (.pdf, .png, .csv, .geojson), with the default options (the first
 * narrative, the locale's paper, 1920 × 1080) or, with `ask_options`, those
 * asked for in a dialog (PNG: the size; PDF: the story and the paper); a
 * toast says how it went. */
void                dl_window_export                (DlWindow      *self,
                                                     GFile         *file,
                                                     gboolean       ask_options);
/* Opens the article view on an excerpt of the selected event. */
void                dl_window_show_excerpt          (DlWindow      *self,
                                                     guint          excerpt_index);
ShumateMap         *dl_window_get_map               (DlWindow      *self);
GtkWidget          *dl_window_get_timeline          (DlWindow      *self);
GtkWidget          *dl_window_get_details           (DlWindow      *self);
GtkWidget          *dl_window_get_article_view      (DlWindow      *self);
/* "details", "article" or "search" */
const char         *dl_window_get_sidebar_page      (DlWindow      *self);
/* Before dl_window_open: what to select once loaded, and where to save a
 * screenshot before quitting. */
void                dl_window_set_initial_selection (DlWindow      *self,
                                                     const char    *id);
/* Shows an MBTiles file above the built-in map for this window (checked
 * here, before the window shows: FALSE with a clear error otherwise). */
gboolean            dl_window_set_basemap_file      (DlWindow      *self,
                                                     GFile         *file,
                                                     GError       **error);
void                dl_window_set_screenshot_path   (DlWindow      *self,
                                                     const char    *path);
/* TRUE once a --screenshot run failed (the dataset did not open, or the
 * PNG could not be written); the window then closes itself. */
gboolean            dl_window_get_screenshot_failed (DlWindow      *self);
/* At start: asks about the unsaved changes a crash left (a dialog for
 * each); Restore shows them here. FALSE when there are none. */
gboolean            dl_window_offer_recovery        (DlWindow      *self);
/* Renders the window as it is now into a PNG, atomically. */
gboolean            dl_window_save_png              (DlWindow      *self,
                                                     const char    *path,
                                                     GError       **error);

G_END_DECLS
