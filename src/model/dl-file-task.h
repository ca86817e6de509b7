/* dl-file-task.h: reading a file off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Runs @thread_func in a thread, on a task tagged @source_tag whose data
 * is @file (g_task_get_task_data() in the thread and in the finish
 * function): the one way a dataset, an imported file and a map file are
 * opened without blocking the main loop. */
void dl_file_task_run (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data,
                       gpointer             source_tag,
                       GTaskThreadFunc      thread_func);

G_END_DECLS
