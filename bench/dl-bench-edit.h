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

G_END_DECLS
