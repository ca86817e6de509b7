/* dl-bench-gazetteer.h: offline gazetteer benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints gazetteer_file_mb, gazetteer_open_ms, gazetteer_search_median_us,
 * gazetteer_search_p99_us, gazetteer_search_one_letter_median_us and _max_us as
 * "NAME VALUE UNIT" lines. */
void dl_bench_gazetteer_run (void);

G_END_DECLS
