/* dl-bench-import.h: opening a large ACLED-style CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes an ACLED-style CSV of @n_rows rows (quoted notes with commas and
 * line breaks, several sources a row, all three precision codes) to a
 * temporary file, imports it as `dateline FILE` does, and prints
 * import_csv_* figures (rows, file size, time, rows per second, peak
 * memory) as "NAME VALUE UNIT" lines. Run it in a fresh process
 * (`dl-bench --import N`): the peak is the process's own. */
void dl_bench_import_run (guint n_rows);

G_END_DECLS
