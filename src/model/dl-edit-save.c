/* dl-edit-save.c: saving an edited dataset without stalling the main loop
 *
 * dl_edit_stack_save() writes the whole text, loads it back and compares
 * on the calling thread: seconds at 100,000 events. Here the text is
 * gathered on the main loop a slice at a time from each item's kept text
 * (DlWriterSnapshot, as the autosave does), and a thread joins it, checks
 * it (dl_writer_check_data()) and writes it.
 *
 * The file holds the dataset exactly as it was when Save was pressed. The
 * dataset must not change while it is gathered, so every change first
 * tells the save (dl_edit_save_before_change(), from the edit stack's
 * commit, undo, redo and merge), which gathers the rest in that turn:
 * the items' texts are kept by then (written by the slices or by the
 * autosave), so that costs references. Edits made during a save stay
 * unsaved: the stack is marked saved at the depth Save was pressed at,
 * unless that state can no longer be reached (undone, then a new edit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edit"

#include <glib/gi18n-lib.h>

#include "dl-atomic-file.h"
#include "dl-edit-stack-private.h"
#include "dl-writer.h"

/* Gathered for this long in each turn of the main loop, as the autosave. */
#define SAVE_SLICE_US 4000

struct _DlEditSave
{
  DlEditStack      *stack;     /* not a reference: the task holds one */
  GTask            *task;      /* the caller's */
  DlWriterSnapshot *snapshot;  /* being gathered; NULL once in the thread */
  guint             gather_id;
  guint             depth;     /* the undo depth saved; G_MAXUINT: gone */
  char             *path;
  char             *dir;
  GFile            *old_file;  /* the dataset's file before, if this fails */
};

typedef struct
{
  DlWriterSnapshot *snapshot;
  char             *path;
  char             *dir;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->snapshot, dl_writer_snapshot_free);
  g_free (job->path);
  g_free (job->dir);
  g_free (job);
}

static void
save_free (DlEditSave *save)
{
  g_clear_handle_id (&save->gather_id, g_source_remove);
  g_clear_pointer (&save->snapshot, dl_writer_snapshot_free);
  g_clear_object (&save->old_file);
  g_free (save->path);
  g_free (save->dir);
  g_free (save);
}

/* Joined, checked by loading it back, and written: no dataset is read
 * here but the one loaded from the text. */
static void
run_save (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;

  data = dl_writer_snapshot_join (job->snapshot, &len);
  g_clear_pointer (&job->snapshot, dl_writer_snapshot_free);
  /* The articles were put beside the file before gathering. */
  if (!dl_writer_check_data (data, len, job->dir, job->path, &error) ||
      !dl_write_file_atomically (job->path, data, len, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  DlEditStack *stack = DL_EDIT_STACK (source);
  DlEditSave *save = dl_edit_stack_get_save (stack);
  g_autoptr(GTask) task = g_steal_pointer (&save->task);
  GError *error = NULL;

  dl_edit_stack_set_save (stack, NULL);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      dl_edit_stack_set_saved_depth (stack, save->depth);
      g_task_return_boolean (task, TRUE);
    }
  else
    {
      dl_dataset_edit_set_file (dl_edit_stack_get_dataset (stack), save->old_file);
      g_task_return_error (task, error);
    }
  save_free (save);
}

/* The dataset is gathered: the rest happens in a thread. */
static void
start_thread (DlEditSave *save)
{
  g_autoptr(GTask) thread_task = g_task_new (save->stack, NULL, on_saved, NULL);
  SaveJob *job = g_new0 (SaveJob, 1);

  g_clear_handle_id (&save->gather_id, g_source_remove);
  dl_writer_snapshot_detach (save->snapshot);
  job->snapshot = g_steal_pointer (&save->snapshot);
  job->path = g_strdup (save->path);
  job->dir = g_strdup (save->dir);
  g_task_set_source_tag (thread_task, start_thread);
  g_task_set_task_data (thread_task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (thread_task, run_save);
}

static gboolean
on_gather (gpointer user_data)
{
  DlEditSave *save = user_data;

  if (!dl_writer_snapshot_step (save->snapshot, SAVE_SLICE_US))
    return G_SOURCE_CONTINUE;
  save->gather_id = 0;
  start_thread (save);
  return G_SOURCE_REMOVE;
}

void
dl_edit_save_before_change (DlEditSave *save)
{
  if (save == NULL || save->snapshot == NULL)
    return;
  dl_writer_snapshot_step (save->snapshot, -1);
  start_thread (save);
}

void
dl_edit_save_pushed (DlEditSave *save,
                     guint       depth)
{
  /* An edit after undoing below the saved state: it cannot be reached. */
  if (save != NULL && save->depth != G_MAXUINT && depth < save->depth)
    save->depth = G_MAXUINT;
}

gboolean
dl_edit_save_holds_depth (DlEditSave *save,
                          guint       depth)
{
  return save != NULL && save->depth == depth;
}

void
dl_edit_stack_save_async (DlEditStack         *self,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  DlDataset *dataset;
  GFile *old_file;
  GError *error = NULL;
  DlEditSave *save;

  g_return_if_fail (DL_IS_EDIT_STACK (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_edit_stack_save_async);
  if (dl_edit_stack_is_saving (self))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, _("The dataset is being saved"));
      return;
    }

  /* The articles first, so that the file, checked by loading it, finds
   * them beside it: those added since it was opened, or all of them in
   * another folder. */
  dataset = dl_edit_stack_get_dataset (self);
  dir = g_path_get_dirname (path);
  if (!dl_writer_copy_articles (dataset, dir, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  save = g_new0 (DlEditSave, 1);
  save->stack = self;
  save->path = g_strdup (path);
  save->dir = g_steal_pointer (&dir);
  old_file = dl_dataset_get_file (dataset);
  save->old_file = old_file != NULL ? g_object_ref (old_file) : NULL;
  save->depth = dl_edit_stack_get_depth (self);
  file = g_file_new_for_path (path);
  dl_dataset_edit_set_file (dataset, file);
  save->snapshot = dl_writer_snapshot_new (dataset, NULL);
  save->task = g_steal_pointer (&task);
  dl_edit_stack_set_save (self, save);
  save->gather_id = g_idle_add (on_gather, save);
}

gboolean
dl_edit_stack_save_finish (DlEditStack   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
