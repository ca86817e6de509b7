/* dl-bench-writer.h: native writer and date resolver benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints writer_bundled_ms (the bundled dataset to bytes), writer_bundled_save_ms
 * (written to a new folder, checked by reloading, articles copied) and
 * reldate_resolve_us as "NAME VALUE UNIT" lines. */
void dl_bench_writer_run (void);

G_END_DECLS
