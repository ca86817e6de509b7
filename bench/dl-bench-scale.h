/* dl-bench-scale.h: every figure of a dataset of N events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints scale_<N>_* figures: `dateline --validate` (wall, CPU, peak) beside
 * CPython's json.load of the same file, resident memory, search (first
 * result, keystrokes), filters, GeoJSON and CSV export (time and the memory
 * they add), and the map layer and timeline frames when there is a display.
 * dataset_dir: a folder dl-gen-synthetic wrote, or NULL to write one.
 * only: NULL for every figure, or a comma-separated list of the parts to
 * measure (validate, open, search, export, map, timeline). */
void dl_bench_scale_run (guint       n_events,
                         const char *dataset_dir,
                         const char *only);

/* A size field of /proc/self/status ("VmRSS:", "VmHWM:"), in MB. */
double dl_bench_status_mb (const char *field);

G_END_DECLS
