/* dl-file-task.c: reading a file off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dl-file-task.h"

void
dl_file_task_run (GFile               *file,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag,
                  GTaskThreadFunc      thread_func)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (thread_func != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, thread_func);
}
