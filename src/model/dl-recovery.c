/* dl-recovery.c: unsaved changes kept aside, for the next start after a crash
 *
 * The dataset is not to be read from two threads, so its text is gathered
 * on the main loop (a DlWriterSnapshot: the items' texts kept since they
 * were last written, a slice of a few milliseconds at a time, started
 * again if an edit comes in between); the text is joined and the files are
 * written in a thread, one job at a time, each atomically
 * (dl-atomic-file.h), the note last: a folder whose note is there holds a
 * whole dataset, the one the note names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-recovery"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "dl-atomic-file.h"
#include "dl-dataset-private.h"
#include "dl-dataset-build.h"
#include "dl-recovery.h"
#include "dl-writer.h"

#define DATASET_NAME "dataset.dateline.json"
#define NOTE_NAME    "recovery.ini"
#define NOTE_GROUP   "Recovery"

/* --------------------------------------------------------- entries */

void
dl_recovery_entry_free (DlRecoveryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->dir);
  g_free (entry->title);
  g_free (entry->original);
  g_clear_pointer (&entry->saved, g_date_time_unref);
  g_free (entry);
}

char *
dl_recovery_get_root (void)
{
  return g_build_filename (g_get_user_state_dir (), "dateline", "recovery", NULL);
}

/* A process is there (or one we may not signal, which is there too). */
static gboolean
process_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static DlRecoveryEntry *
read_entry (const char *dir)
{
  g_autofree char *note_path = g_build_filename (dir, NOTE_NAME, NULL);
  g_autofree char *dataset_path = g_build_filename (dir, DATASET_NAME, NULL);
  g_autoptr(GKeyFile) note = g_key_file_new ();
  g_autoptr(DlRecoveryEntry) entry = NULL;
  gint64 saved;

  if (!g_key_file_load_from_file (note, note_path, G_KEY_FILE_NONE, NULL) ||
      !g_file_test (dataset_path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  /* Still being written by a Dateline that runs (this one included). A
   * process id used again by another program after a crash hides the entry
   * only while that program runs. */
  if (process_alive (g_key_file_get_int64 (note, NOTE_GROUP, "Pid", NULL)))
    return NULL;

  saved = g_key_file_get_int64 (note, NOTE_GROUP, "Saved", NULL);
  entry = g_new0 (DlRecoveryEntry, 1);
  entry->dir = g_strdup (dir);
  entry->title = g_key_file_get_string (note, NOTE_GROUP, "Title", NULL);
  entry->original = g_key_file_get_string (note, NOTE_GROUP, "Original", NULL);
  entry->saved = g_date_time_new_from_unix_local (saved);
  if (entry->title == NULL || entry->saved == NULL)
    return NULL;
  if (entry->original != NULL && *entry->original == '\0')
    g_clear_pointer (&entry->original, g_free);
  return g_steal_pointer (&entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const DlRecoveryEntry *ea = *(DlRecoveryEntry * const *) a;
  const DlRecoveryEntry *eb = *(DlRecoveryEntry * const *) b;

  return g_date_time_compare (eb->saved, ea->saved);
}

GPtrArray *
dl_recovery_list (void)
{
  g_autofree char *root = dl_recovery_get_root ();
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_recovery_entry_free);
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      DlRecoveryEntry *entry = read_entry (path);

      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

/* Deletes @path and what is below it, never following a link. */
static gboolean
remove_tree (const char  *path,
             GError     **error)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!remove_tree (child, error))
            return FALSE;
        }
    }
  if (g_remove (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

gboolean
dl_recovery_entry_remove (const DlRecoveryEntry  *entry,
                          GError                **error)
{
  g_return_val_if_fail (entry != NULL, FALSE);
  return remove_tree (entry->dir, error);
}

typedef struct
{
  GFile      *original;
  DlProblems *problems;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->original);
  g_clear_pointer (&data->problems, dl_problems_free);
  g_free (data);
}

static void
on_entry_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  DlDataset *dataset = dl_dataset_load_finish (result, &data->problems, &error);

  if (dataset == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Saving writes where the changes were made, not into the recovery. */
  dl_dataset_edit_set_file (dataset, data->original);
  g_task_return_pointer (task, dataset, g_object_unref);
}

void
dl_recovery_entry_load_async (const DlRecoveryEntry *entry,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GFile) file = NULL;
  GTask *task;
  LoadData *data;

  g_return_if_fail (entry != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_recovery_entry_load_async);
  data = g_new0 (LoadData, 1);
  data->original = entry->original != NULL ? g_file_new_for_path (entry->original) : NULL;
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);

  file = g_file_new_build_filename (entry->dir, DATASET_NAME, NULL);
  dl_dataset_load_async (file, cancellable, on_entry_loaded, task);
}

DlDataset *
dl_recovery_entry_load_finish (GAsyncResult  *result,
                               DlProblems   **problems,
                               GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (problems != NULL)
    *problems = g_steal_pointer (&data->problems);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------ writing */

typedef struct
{
  char   *relative;
  DlText *text;
} Article;

static void
article_free (Article *article)
{
  g_free (article->relative);
  dl_text_free (article->text);
  g_free (article);
}

/* One job for the thread: folders to delete (changes discarded, or the
 * dataset moved to another file, so to another folder), then perhaps one
 * to write. */
typedef struct
{
  GPtrArray *remove_dirs;  /* of char * */
  char      *dir;          /* to write, or NULL */
  DlWriterSnapshot *snapshot;  /* the dataset, gathered */
  char      *json;
  gsize      json_len;
  GPtrArray *articles;     /* of Article */
  char      *note;
  gsize      note_len;
  GApplication *app;       /* held while the job runs */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->remove_dirs, g_ptr_array_unref);
  g_free (job->dir);
  g_free (job->json);
  g_clear_pointer (&job->snapshot, dl_writer_snapshot_free);
  g_clear_pointer (&job->articles, g_ptr_array_unref);
  g_free (job->note);
  g_clear_object (&job->app);
  g_free (job);
}

static gboolean
write_article (const char     *dir,
               const Article  *article,
               GError        **error)
{
  g_autofree char *path = g_build_filename (dir, article->relative, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *existing = NULL;
  gsize existing_len = 0;

  /* Articles hardly change: one written before is left alone. */
  if (g_file_get_contents (path, &existing, &existing_len, NULL) &&
      existing_len == dl_text_get_size (article->text) &&
      memcmp (existing, dl_text_get_data (article->text), existing_len) == 0)
    return TRUE;

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", parent, g_strerror (saved_errno));
      return FALSE;
    }
  return dl_write_file_atomically (path, dl_text_get_data (article->text), dl_text_get_size (article->text), error);
}

static void
run_job (GTask        *task,
         gpointer      source_object,
         gpointer      task_data,
         GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < job->remove_dirs->len; i++)
    if (!remove_tree (g_ptr_array_index (job->remove_dirs, i), &error))
      {
        g_task_return_error (task, g_steal_pointer (&error));
        return;
      }

  if (job->dir != NULL)
    {
      g_autofree char *json_path = g_build_filename (job->dir, DATASET_NAME, NULL);
      g_autofree char *note_path = g_build_filename (job->dir, NOTE_NAME, NULL);
      gboolean written;

      if (g_mkdir_with_parents (job->dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                   "%s: %s", job->dir, g_strerror (saved_errno));
          return;
        }
      job->json = dl_writer_snapshot_join (job->snapshot, &job->json_len);
      /* A million references let go of here, not on the main loop. */
      g_clear_pointer (&job->snapshot, dl_writer_snapshot_free);
      for (guint i = 0; i < job->articles->len; i++)
        if (!write_article (job->dir, g_ptr_array_index (job->articles, i), &error))
          {
            g_task_return_error (task, g_steal_pointer (&error));
            return;
          }
      /* The note last: with it, the folder holds what it says. */
      written = dl_write_file_atomically (json_path, job->json, job->json_len, &error) &&
                dl_write_file_atomically (note_path, job->note, job->note_len, &error);
      /* The text is the file's size (637 MB at a million events): freeing
       * it unmaps that much, tens of milliseconds the main loop paid when
       * the task's data went with the task. */
      g_clear_pointer (&job->json, g_free);
      if (!written)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------ DlRecovery */

struct _DlRecovery
{
  GObject      parent_instance;

  DlEditStack *edits;
  DlDataset   *dataset;        /* the stack's */
  guint        delay_ms;
  guint        timeout_id;
  gboolean     busy;           /* a job runs: the next waits for it */
  DlWriterSnapshot *snapshot;  /* the dataset being gathered for the next job */
  guint        gather_id;      /* the idle source gathering it */
  gboolean     write_queued;
  GPtrArray   *remove_queued;  /* folders to delete, of char * */
  char        *written_dir;    /* the folder that holds our changes, or NULL */
  char        *own_key;        /* the folder's name for a dataset without a file */
};

G_DEFINE_FINAL_TYPE (DlRecovery, dl_recovery, G_TYPE_OBJECT)

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void kick (DlRecovery *self);

/* A dataset opened from a file keeps the same folder from run to run, so
 * the next changes after a restore replace the restored ones; one without
 * a file (new, imported) has a folder of this object's. */
static char *
dir_for (DlRecovery *self)
{
  GFile *file = dl_dataset_get_file (self->dataset);
  g_autofree char *path = file != NULL && !dl_dataset_is_imported (self->dataset) ? g_file_get_path (file) : NULL;
  g_autofree char *root = dl_recovery_get_root ();
  g_autofree char *key = NULL;

  if (path != NULL)
    key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  else
    {
      if (self->own_key == NULL)
        self->own_key = g_uuid_string_random ();
      key = g_strdup (self->own_key);
    }
  key[MIN (strlen (key), 32)] = '\0';
  return g_build_filename (root, key, NULL);
}

static char *
make_note (DlRecovery *self,
           gsize      *len)
{
  g_autoptr(GKeyFile) note = g_key_file_new ();
  GFile *file = dl_dataset_get_file (self->dataset);
  g_autofree char *path = file != NULL && !dl_dataset_is_imported (self->dataset) ? g_file_get_path (file) : NULL;

  g_key_file_set_string (note, NOTE_GROUP, "Title", dl_dataset_get_title (self->dataset));
  if (path != NULL)
    g_key_file_set_string (note, NOTE_GROUP, "Original", path);
  g_key_file_set_int64 (note, NOTE_GROUP, "Saved", g_get_real_time () / G_USEC_PER_SEC);
  g_key_file_set_int64 (note, NOTE_GROUP, "Pid", getpid ());
  return g_key_file_to_data (note, len, NULL);
}

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DlRecovery *self = DL_RECOVERY (object);
  g_autoptr(GError) error = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));

  self->busy = FALSE;
  if (job->app != NULL)
    g_application_release (job->app);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Cannot keep the unsaved changes for recovery: %s", error->message);
  else if (job->dir != NULL)
    g_signal_emit (self, signals[WRITTEN], 0);
  kick (self);
}

/* The dataset as gathered; the files are the job's. */
static void
fill_write (DlRecovery       *self,
            Job              *job,
            DlWriterSnapshot *snapshot)
{
  GListModel *sources = dl_dataset_get_sources (self->dataset);

  job->dir = dir_for (self);
  if (self->written_dir != NULL && !g_str_equal (self->written_dir, job->dir))
    g_ptr_array_add (job->remove_dirs, g_strdup (self->written_dir));
  g_free (self->written_dir);
  self->written_dir = g_strdup (job->dir);

  dl_writer_snapshot_detach (snapshot);
  job->snapshot = snapshot;
  job->note = make_note (self, &job->note_len);
  job->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      Article *article = g_new0 (Article, 1);

      article->relative = g_strdelimit (g_strdup (dl_source_get_file (source)), "\\", '/');
      article->text = dl_text_ref ((DlText *) dl_source_get_text (source));
      g_ptr_array_add (job->articles, article);
    }
}

static void
stop_gathering (DlRecovery *self)
{
  g_clear_handle_id (&self->gather_id, g_source_remove);
  g_clear_pointer (&self->snapshot, dl_writer_snapshot_free);
}

/* Starts a job: the folders queued for removal, and @snapshot (or none)
 * to write. */
static void
start_job (DlRecovery       *self,
           DlWriterSnapshot *snapshot)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  job = g_new0 (Job, 1);
  job->remove_dirs = g_steal_pointer (&self->remove_queued);
  self->remove_queued = g_ptr_array_new_with_free_func (g_free);
  /* Saved or undone back meanwhile: nothing to keep. */
  if (snapshot != NULL && self->edits != NULL && dl_edit_stack_get_modified (self->edits))
    fill_write (self, job, snapshot);
  else
    dl_writer_snapshot_free (snapshot);
  if (job->dir == NULL && job->remove_dirs->len == 0)
    {
      job_free (job);
      return;
    }

  /* Quitting waits for it: a discarded change must not come back. */
  if ((job->app = g_application_get_default ()) != NULL)
    g_application_hold (g_object_ref (job->app));

  self->busy = TRUE;
  task = g_task_new (self, NULL, on_job_done, NULL);
  g_task_set_source_tag (task, kick);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_job);
}

/* A slice of gathering, between the main loop's other work. */
static gboolean
on_gather (gpointer user_data)
{
  DlRecovery *self = user_data;

  if (!dl_writer_snapshot_step (self->snapshot, DL_RECOVERY_SLICE_US))
    return G_SOURCE_CONTINUE;

  self->gather_id = 0;
  start_job (self, g_steal_pointer (&self->snapshot));
  return G_SOURCE_REMOVE;
}

/* Starts what is queued, unless a job runs or the dataset is being
 * gathered (it comes after). */
static void
kick (DlRecovery *self)
{
  if (self->busy || self->snapshot != NULL || (!self->write_queued && self->remove_queued->len == 0))
    return;

  if (self->write_queued && self->edits != NULL && dl_edit_stack_get_modified (self->edits))
    {
      self->write_queued = FALSE;
      self->snapshot = dl_writer_snapshot_new (self->dataset, NULL);
      self->gather_id = g_idle_add (on_gather, self);
      return;
    }
  self->write_queued = FALSE;
  start_job (self, NULL);
}

/* The changes are saved or gone: so is their folder. */
static void
queue_remove (DlRecovery *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_gathering (self);
  self->write_queued = FALSE;
  if (self->written_dir != NULL)
    g_ptr_array_add (self->remove_queued, g_steal_pointer (&self->written_dir));
  kick (self);
}

static gboolean
on_timeout (gpointer user_data)
{
  DlRecovery *self = user_data;

  self->timeout_id = 0;
  self->write_queued = TRUE;
  kick (self);
  return G_SOURCE_REMOVE;
}

/* After each whole edit, undo or redo. */
static void
on_dataset_changed (DlRecovery *self)
{
  if (self->edits == NULL)
    return;
  /* What was gathered is not the dataset any more: gather it again (the
   * texts of the items that did not change are kept). */
  if (self->snapshot != NULL)
    {
      dl_writer_snapshot_free (self->snapshot);
      self->snapshot = dl_writer_snapshot_new (self->dataset, NULL);
    }
  if (!dl_edit_stack_get_modified (self->edits))
    queue_remove (self);
  else if (self->timeout_id == 0)
    {
      /* Not pushed back by each key: typing on and on is still kept. */
      self->timeout_id = g_timeout_add (self->delay_ms, on_timeout, self);
    }
}

void
dl_recovery_set_edit_stack (DlRecovery  *self,
                            DlEditStack *edits)
{
  g_return_if_fail (DL_IS_RECOVERY (self));
  g_return_if_fail (edits == NULL || DL_IS_EDIT_STACK (edits));

  if (edits == self->edits)
    return;

  if (self->edits != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->edits, self);
      g_signal_handlers_disconnect_by_data (self->dataset, self);
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  stop_gathering (self);
  g_clear_object (&self->dataset);
  g_set_object (&self->edits, edits);
  /* The previous dataset's folder is left as it is; a new one starts. */
  g_clear_pointer (&self->written_dir, g_free);
  g_clear_pointer (&self->own_key, g_free);
  self->write_queued = FALSE;

  if (edits != NULL)
    {
      self->dataset = g_object_ref (dl_edit_stack_get_dataset (edits));
      g_signal_connect_swapped (edits, "notify::modified", G_CALLBACK (on_dataset_changed), self);
      g_signal_connect_swapped (self->dataset, "changed", G_CALLBACK (on_dataset_changed), self);
      if (dl_edit_stack_get_modified (edits))
        on_dataset_changed (self);
    }
}

void
dl_recovery_set_delay (DlRecovery *self,
                       guint       delay_ms)
{
  g_return_if_fail (DL_IS_RECOVERY (self));
  self->delay_ms = delay_ms;
}

void
dl_recovery_take_over (DlRecovery *self,
                       const char *dir)
{
  g_return_if_fail (DL_IS_RECOVERY (self));
  g_return_if_fail (dir != NULL);

  g_free (self->written_dir);
  self->written_dir = g_strdup (dir);
  /* Without a file, the next writes go to the same folder. */
  g_free (self->own_key);
  self->own_key = g_path_get_basename (dir);
}

void
dl_recovery_discard (DlRecovery *self)
{
  g_return_if_fail (DL_IS_RECOVERY (self));
  queue_remove (self);
}

const char *
dl_recovery_get_dir (DlRecovery *self)
{
  g_return_val_if_fail (DL_IS_RECOVERY (self), NULL);
  return self->written_dir;
}

DlRecovery *
dl_recovery_new (void)
{
  return g_object_new (DL_TYPE_RECOVERY, NULL);
}

static void
dl_recovery_dispose (GObject *object)
{
  DlRecovery *self = DL_RECOVERY (object);

  dl_recovery_set_edit_stack (self, NULL);
  G_OBJECT_CLASS (dl_recovery_parent_class)->dispose (object);
}

static void
dl_recovery_finalize (GObject *object)
{
  DlRecovery *self = DL_RECOVERY (object);

  g_free (self->written_dir);
  g_free (self->own_key);
  g_ptr_array_unref (self->remove_queued);
  G_OBJECT_CLASS (dl_recovery_parent_class)->finalize (object);
}

static void
dl_recovery_class_init (DlRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_recovery_dispose;
  object_class->finalize = dl_recovery_finalize;

  /**
   * DlRecovery::written:
   *
   * The changes are in the recovery folder (dl_recovery_get_dir()).
   */
  signals[WRITTEN] = g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dl_recovery_init (DlRecovery *self)
{
  self->delay_ms = DL_RECOVERY_DEFAULT_DELAY_MS;
  self->remove_queued = g_ptr_array_new_with_free_func (g_free);
}
