/* dl-bench-edit.h: the edit stack's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints edit_stack_1000_edits_bytes (what the undo stack holds after
 * 1,000 edits of the bundled dataset, counted by the stack), the heap those
 * edits took (edit_stack_1000_edits_heap_bytes, from malloc's own count),
 * edit_undo_1000_ms (undoing them all) and edit_save_bundled_ms (saving the
 * bundled dataset through the stack) as "NAME VALUE UNIT" lines. */
void dl_bench_edit_run (void);

/* For the dataset dl-gen-synthetic wrote in @dataset_dir: the main loop's
 * share of an autosave, before (autosave_before_main_loop_ms, the whole
 * text written at once) and now (the longest turn and their sum, for the
 * first autosave and the next), the thread's join, and the main loop's
 * share of a live check after an edit. */
void dl_bench_edit_autosave_run (const char *dataset_dir);

G_END_DECLS
