/* dl-bench-basemap.h: offline basemap benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints basemap_open_ms, basemap_rss_mb, tile_render_median_ms,
 * tile_render_p99_ms (and a few more) as "NAME VALUE UNIT" lines. */
void dl_bench_basemap_run (void);

G_END_DECLS
