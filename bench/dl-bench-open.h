/* dl-bench-open.h: opening a dataset in the window, and the main loop meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Opens @path in a 1920×1080 window and prints scale_<label>_open_*: the
 * longest stall of the main loop from the click to a settled window (the
 * map's level of detail built), when the dataset was shown, when the
 * progress bar and the first complete frame were painted; with @frames,
 * then the window's frames (dl-bench-frame.h). Needs a display. */
void dl_bench_open_run (const char *label,
                        const char *path,
                        gboolean    frames);

G_END_DECLS
