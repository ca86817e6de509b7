/* dl-edit-check.c: the problems of a dataset being edited, kept current
 *
 * The dataset is written out (dl_writer_to_data) on the calling thread, as
 * it is not to be read from two threads, then loaded in a thread by the
 * loader itself, its articles given from memory: the problems are those
 * the loader finds, as `--validate` prints them. One check runs at a time;
 * edits made meanwhile are checked after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edit"

#include <stdlib.h>
#include <string.h>

#include "dl-edit-check.h"
#include "dl-writer.h"

struct _DlEditCheck
{
  GObject      parent_instance;

  DlEditStack *edits;
  DlDataset   *dataset;    /* the stack's */
  DlProblems  *problems;   /* the last check's */
  guint        timeout_id;
  gboolean     busy;       /* a check runs */
  gboolean     again;      /* edited while it ran */
  guint        generation; /* a check of a previous stack is dropped */
};

G_DEFINE_FINAL_TYPE (DlEditCheck, dl_edit_check, G_TYPE_OBJECT)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char       *json;
  gsize       len;
  GHashTable *articles;    /* relative path → DlText */
  guint       generation;
  DlProblems *problems;    /* the result */
} Check;

static void
check_free (Check *check)
{
  g_free (check->json);
  g_clear_pointer (&check->articles, g_hash_table_unref);
  g_clear_pointer (&check->problems, dl_problems_free);
  g_free (check);
}

static void
run_check (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  Check *check = task_data;
  g_autoptr(DlDataset) dataset = NULL;

  check->problems = dl_problems_new ();
  dataset = dl_dataset_load_from_data_with_articles (check->json, check->len, check->articles, check->problems);
  g_task_return_boolean (task, TRUE);
}

static void start_check (DlEditCheck *self);

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DlEditCheck *self = DL_EDIT_CHECK (object);
  Check *check = g_task_get_task_data (G_TASK (result));

  self->busy = FALSE;
  if (check->generation == self->generation)
    {
      g_clear_pointer (&self->problems, dl_problems_free);
      self->problems = g_steal_pointer (&check->problems);
      g_signal_emit (self, signals[UPDATED], 0);
    }
  if (self->again)
    {
      self->again = FALSE;
      start_check (self);
    }
}

static void
start_check (DlEditCheck *self)
{
  g_autoptr(GTask) task = NULL;
  GListModel *sources;
  Check *check;

  if (self->dataset == NULL)
    return;
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }

  check = g_new0 (Check, 1);
  check->generation = self->generation;
  check->json = dl_writer_to_data (self->dataset, &check->len);
  check->articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) dl_text_free);
  sources = dl_dataset_get_sources (self->dataset);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      g_hash_table_replace (check->articles,
                            g_strdelimit (g_strdup (dl_source_get_file (source)), "\\", '/'),
                            dl_text_ref ((DlText *) dl_source_get_text (source)));
    }

  self->busy = TRUE;
  task = g_task_new (self, NULL, on_checked, NULL);
  g_task_set_source_tag (task, start_check);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  g_task_run_in_thread (task, run_check);
}

static gboolean
on_timeout (gpointer user_data)
{
  DlEditCheck *self = user_data;

  self->timeout_id = 0;
  start_check (self);
  return G_SOURCE_REMOVE;
}

static gboolean
too_large (DlEditCheck *self)
{
  return g_list_model_get_n_items (dl_dataset_get_events (self->dataset)) > DL_EDIT_CHECK_MAX_EVENTS;
}

/* After each whole edit, undo or redo. */
static void
on_changed (DlEditCheck *self)
{
  if (too_large (self))
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (DL_EDIT_CHECK_DELAY_MS, on_timeout, self);
}

/* Saved: a large dataset is checked now too. */
static void
on_modified (DlEditCheck *self)
{
  if (!dl_edit_stack_get_modified (self->edits) && too_large (self))
    start_check (self);
}

void
dl_edit_check_set_edit_stack (DlEditCheck *self,
                              DlEditStack *edits)
{
  g_return_if_fail (DL_IS_EDIT_CHECK (self));
  g_return_if_fail (edits == NULL || DL_IS_EDIT_STACK (edits));

  if (edits == self->edits)
    return;

  if (self->edits != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->edits, self);
      g_signal_handlers_disconnect_by_data (self->dataset, self);
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->dataset);
  g_set_object (&self->edits, edits);
  self->generation++;
  self->again = FALSE;
  g_clear_pointer (&self->problems, dl_problems_free);
  self->problems = dl_problems_new ();
  g_signal_emit (self, signals[UPDATED], 0);

  if (edits != NULL)
    {
      self->dataset = g_object_ref (dl_edit_stack_get_dataset (edits));
      g_signal_connect_swapped (self->dataset, "changed", G_CALLBACK (on_changed), self);
      g_signal_connect_swapped (edits, "notify::modified", G_CALLBACK (on_modified), self);
      if (!too_large (self))
        start_check (self);
    }
}

const DlProblems *
dl_edit_check_get_problems (DlEditCheck *self)
{
  g_return_val_if_fail (DL_IS_EDIT_CHECK (self), NULL);
  return self->problems;
}

gboolean
dl_problem_path_get_event (const char  *path,
                           guint       *index,
                           char       **member)
{
  const char *p;
  char *end = NULL;
  guint64 n;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_str_has_prefix (path, "events["))
    return FALSE;
  p = path + strlen ("events[");
  if (!g_ascii_isdigit (*p))
    return FALSE;
  n = g_ascii_strtoull (p, &end, 10);
  if (end == NULL || *end != ']' || n > G_MAXUINT)
    return FALSE;
  p = end + 1;

  if (index != NULL)
    *index = (guint) n;
  if (member != NULL)
    {
      gsize len;

      if (*p == '.')
        p++;
      len = strcspn (p, ".[");
      *member = g_strndup (p, len);
    }
  return TRUE;
}

DlEditCheck *
dl_edit_check_new (void)
{
  return g_object_new (DL_TYPE_EDIT_CHECK, NULL);
}

static void
dl_edit_check_dispose (GObject *object)
{
  DlEditCheck *self = DL_EDIT_CHECK (object);

  dl_edit_check_set_edit_stack (self, NULL);
  G_OBJECT_CLASS (dl_edit_check_parent_class)->dispose (object);
}

static void
dl_edit_check_finalize (GObject *object)
{
  DlEditCheck *self = DL_EDIT_CHECK (object);

  g_clear_pointer (&self->problems, dl_problems_free);
  G_OBJECT_CLASS (dl_edit_check_parent_class)->finalize (object);
}

static void
dl_edit_check_class_init (DlEditCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_edit_check_dispose;
  object_class->finalize = dl_edit_check_finalize;

  /**
   * DlEditCheck::updated:
   *
   * A check ended, or the stack changed: dl_edit_check_get_problems() is new.
   */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dl_edit_check_init (DlEditCheck *self)
{
  self->problems = dl_problems_new ();
}
