/* dl-bench-frame.h: whole window frames with a large dataset open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

/* Prints window_frame_<label>_{world,region,city,brush}_*: the window's
 * frame (snapshot and rendering to a texture) while the map pans at three
 * zooms and while the timeline's brush is dragged. @window is shown with a
 * dataset open. */
void dl_bench_frame_run (const char *label,
                         GtkWidget  *window,
                         ShumateMap *map,
                         GtkWidget  *timeline);

G_END_DECLS
