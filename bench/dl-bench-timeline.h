/* dl-bench-timeline.h: how long the timeline takes to build a frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Builds the render nodes of a 1600×200 timeline showing each model (any of
 * them may be NULL) at a few zooms and prints timeline_frame_1k_ms,
 * timeline_frame_10k_ms and timeline_frame_100k_ms (the median of 30 frames)
 * and the worst frame of each as "NAME VALUE UNIT" lines. Needs a display;
 * prints nothing but a note on stderr without one. */
void dl_bench_timeline_run (GListModel *events_1k,
                            GListModel *events_10k,
                            GListModel *events_100k);

/* The same for one model, printed as timeline_frame_NAME_ms. */
void dl_bench_timeline_one (const char *name,
                            GListModel *events);

G_END_DECLS
