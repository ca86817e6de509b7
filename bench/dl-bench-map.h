/* dl-bench-map.h: building map frames, DlEventLayer against one widget per event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Prints layer_frame_<N>k_ms for every model and markerlayer_frame_<N>k_ms
 * for those of at most 10,000 events, and their ratio. Needs a display. */
void dl_bench_map_run (GListModel **models,
                       guint        n_models);

/* Prints layer_frame_<label>_{world,region,city}_ms (median and max) and
 * the marks drawn, at 1920×1080. Needs a display. */
void dl_bench_map_zooms (const char *label,
                         GListModel *model);

G_END_DECLS
