/* dl-edit-check.c: the problems of a dataset being edited, kept current
 *
 * The dataset's text is gathered on the main loop a slice at a time (a
 * DlWriterSnapshot: each item's text is kept until an edit changes it, as
 * the dataset is not to be read from two threads), then joined and loaded
 * in a thread by the loader itself, its articles given from memory: the
 * problems are those the loader finds, as `--validate` prints them. One
 * check runs at a time; edits made meanwhile are checked after it.
 *
 * Loading a large dataset again after each edit costs the loading's time
 * in a thread (1.2 s of CPU at 100,000 events, 15 s and a second copy of
 * the dataset in memory at a million), so above a number of events
 * (dl_edit_check_set_max_full()) a check loads a part of the dataset: its
 * sources, places, topics and narratives whole, and only the events edited
 * since the last check (plus those the narratives name, which the loader
 * looks for). An event's problems depend on nothing but itself and those
 * whole parts (ids are kept unique by the edit stack), so the problems of
 * the events not loaded are those the last check found; they are kept per
 * event, their paths given the event's index when the list is made. What
 * a partial check cannot see are the problems of events never edited,
 * which the loader reported when the dataset opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edit"

#include <stdlib.h>
#include <string.h>

#include "dl-edit-check.h"
#include "dl-writer.h"

/* The longest a check gathers for in one turn of the main loop (µs). */
#define SLICE_US 4000

/* A problem kept for the next list: its path after "events[N]" for one
 * inside an event, whole for one outside. */
typedef struct
{
  DlSeverity  severity;
  char       *path;
  char       *message;
} Found;

static void
found_free (Found *found)
{
  g_free (found->path);
  g_free (found->message);
  g_free (found);
}

struct _DlEditCheck
{
  GObject      parent_instance;

  DlEditStack *edits;
  DlDataset   *dataset;    /* the stack's */
  DlProblems  *problems;   /* the last check's */
  guint        timeout_id;
  gboolean     busy;       /* a check is gathered or runs */
  gboolean     again;      /* edited while it ran */
  guint        generation; /* a check of a previous stack is dropped */
  guint        max_full;   /* above this many events, checks are partial */

  DlWriterSnapshot *snapshot;  /* being gathered */
  GPtrArray   *gathered;   /* of DlEvent: a partial check's events, or NULL: whole */
  guint        gather_id;

  /* Partial checks */
  GHashTable  *dirty;           /* DlEvent → itself: edited since the last check */
  GHashTable  *event_problems;  /* DlEvent → GPtrArray of Found */
  GPtrArray   *before_events;   /* of Found: problems before the events' */
  GPtrArray   *after_events;    /* of Found: after them (narratives) */
};

G_DEFINE_FINAL_TYPE (DlEditCheck, dl_edit_check, G_TYPE_OBJECT)

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  DlWriterSnapshot *snapshot;
  GHashTable *articles;    /* relative path → DlText */
  guint       generation;
  GPtrArray  *events;      /* of DlEvent: a partial check's, or NULL */
  DlProblems *problems;    /* the result */
} Check;

static void
check_free (Check *check)
{
  g_clear_pointer (&check->snapshot, dl_writer_snapshot_free);
  g_clear_pointer (&check->articles, g_hash_table_unref);
  g_clear_pointer (&check->events, g_ptr_array_unref);
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
  g_autofree char *json = NULL;
  gsize len = 0;

  json = dl_writer_snapshot_join (check->snapshot, &len);
  g_clear_pointer (&check->snapshot, dl_writer_snapshot_free);
  check->problems = dl_problems_new ();
  dataset = dl_dataset_load_from_data_with_articles (json, len, check->articles, check->problems);
  g_task_return_boolean (task, TRUE);
}

static gboolean
is_partial (DlEditCheck *self)
{
  return g_list_model_get_n_items (dl_dataset_get_events (self->dataset)) > self->max_full;
}

static void
add_found (GPtrArray  *array,
           DlSeverity  severity,
           const char *path,
           const char *message)
{
  Found *found = g_new0 (Found, 1);

  found->severity = severity;
  found->path = g_strdup (path);
  found->message = g_strdup (message);
  g_ptr_array_add (array, found);
}

typedef struct
{
  guint    index;
  DlEvent *event;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  guint ia = ((const Placed *) a)->index, ib = ((const Placed *) b)->index;

  return ia < ib ? -1 : ia > ib;
}

static void
add_all (DlProblems *problems,
         GPtrArray  *array)
{
  for (guint i = 0; i < array->len; i++)
    {
      const Found *found = g_ptr_array_index (array, i);

      dl_problems_add (problems, found->severity, found->path, "%s", found->message);
    }
}

/* The list a partial check gives: the kept problems in the loader's order,
 * each event's at its index now (an event no longer in the dataset has
 * none). */
static DlProblems *
make_list (DlEditCheck *self)
{
  DlProblems *problems = dl_problems_new ();
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  add_all (problems, self->before_events);
  if (g_hash_table_size (self->event_problems) > 0)
    {
      GListModel *events = dl_dataset_get_events (self->dataset);
      guint n = g_list_model_get_n_items (events);
      guint found = 0;

      /* Only events with problems are looked for: none, mostly. */
      for (guint i = 0; i < n && found < g_hash_table_size (self->event_problems); i++)
        {
          g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

          if (g_hash_table_contains (self->event_problems, event))
            {
              Placed p = { i, event };

              g_array_append_val (placed, p);
              found++;
            }
        }
      g_array_sort (placed, compare_placed);
    }
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = &g_array_index (placed, Placed, i);
      GPtrArray *array = g_hash_table_lookup (self->event_problems, p->event);

      for (guint j = 0; j < array->len; j++)
        {
          const Found *f = g_ptr_array_index (array, j);
          g_autofree char *path = g_strdup_printf ("events[%u]%s", p->index, f->path);

          dl_problems_add (problems, f->severity, path, "%s", f->message);
        }
    }
  add_all (problems, self->after_events);
  return problems;
}

/* A partial check's problems replace those kept of what it loaded. */
static void
merge_partial (DlEditCheck *self,
               Check       *check)
{
  g_ptr_array_set_size (self->before_events, 0);
  g_ptr_array_set_size (self->after_events, 0);
  for (guint i = 0; i < check->events->len; i++)
    g_hash_table_remove (self->event_problems, g_ptr_array_index (check->events, i));

  for (guint i = 0; i < dl_problems_get_length (check->problems); i++)
    {
      const DlProblem *problem = dl_problems_get (check->problems, i);
      const char *rest = NULL;
      guint index = 0;

      if (g_str_has_prefix (problem->path, "events[")
          && dl_problem_path_get_event (problem->path, &index, NULL) && index < check->events->len)
        {
          DlEvent *event = g_ptr_array_index (check->events, index);
          GPtrArray *array = g_hash_table_lookup (self->event_problems, event);

          rest = strchr (problem->path, ']') + 1;
          if (array == NULL)
            {
              array = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
              g_hash_table_insert (self->event_problems, g_object_ref (event), array);
            }
          add_found (array, problem->severity, rest, problem->message);
        }
      else if (g_str_has_prefix (problem->path, "narratives"))
        add_found (self->after_events, problem->severity, problem->path, problem->message);
      else
        add_found (self->before_events, problem->severity, problem->path, problem->message);
    }
}

static void start_check (DlEditCheck *self);

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DlEditCheck *self = DL_EDIT_CHECK (object);
  Check *check = g_task_get_task_data (G_TASK (result));

  if (check->generation != self->generation)
    return;

  self->busy = FALSE;
  g_clear_pointer (&self->problems, dl_problems_free);
  if (check->events != NULL)
    {
      merge_partial (self, check);
      self->problems = make_list (self);
    }
  else
    self->problems = g_steal_pointer (&check->problems);
  g_signal_emit (self, signals[UPDATED], 0);
  if (self->again)
    {
      self->again = FALSE;
      start_check (self);
    }
}

static void
run_gathered (DlEditCheck *self)
{
  g_autoptr(GTask) task = NULL;
  GListModel *sources = dl_dataset_get_sources (self->dataset);
  Check *check = g_new0 (Check, 1);

  check->generation = self->generation;
  check->snapshot = g_steal_pointer (&self->snapshot);
  check->events = g_steal_pointer (&self->gathered);
  dl_writer_snapshot_detach (check->snapshot);
  check->articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) dl_text_free);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      g_hash_table_replace (check->articles,
                            g_strdelimit (g_strdup (dl_source_get_file (source)), "\\", '/'),
                            dl_text_ref ((DlText *) dl_source_get_text (source)));
    }
  /* What is gathered is checked: later edits are dirty again. */
  if (check->events != NULL)
    g_hash_table_remove_all (self->dirty);

  task = g_task_new (self, NULL, on_checked, NULL);
  g_task_set_source_tag (task, start_check);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  g_task_run_in_thread (task, run_check);
}

static gboolean
on_gather (gpointer user_data)
{
  DlEditCheck *self = user_data;

  if (!dl_writer_snapshot_step (self->snapshot, SLICE_US))
    return G_SOURCE_CONTINUE;
  self->gather_id = 0;
  run_gathered (self);
  return G_SOURCE_REMOVE;
}

/* The events a partial check loads: those edited, and those the
 * narratives name (the loader looks them up). */
static GPtrArray *
partial_events (DlEditCheck *self)
{
  GPtrArray *events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      /* Removed since (an event's id is its own while it is in the dataset). */
      if (dl_dataset_lookup_event (self->dataset, dl_event_get_id (key)) != key)
        continue;
      g_hash_table_add (seen, key);
      g_ptr_array_add (events, g_object_ref (key));
    }
  for (guint i = 0; i < dl_dataset_get_n_narratives (self->dataset); i++)
    {
      const DlNarrative *narrative = dl_dataset_get_narrative (self->dataset, i);

      for (guint j = 0; j < narrative->steps->len; j++)
        {
          DlEvent *event = g_array_index (narrative->steps, DlNarrativeStep, j).event;

          if (event != NULL && g_hash_table_add (seen, event))
            g_ptr_array_add (events, g_object_ref (event));
        }
    }
  return events;
}

/* Starts gathering the dataset (again, if it changed meanwhile). */
static void
begin_gather (DlEditCheck *self)
{
  g_clear_pointer (&self->snapshot, dl_writer_snapshot_free);
  g_clear_pointer (&self->gathered, g_ptr_array_unref);
  if (is_partial (self))
    self->gathered = partial_events (self);
  self->snapshot = dl_writer_snapshot_new (self->dataset, self->gathered);
  if (self->gather_id == 0)
    self->gather_id = g_idle_add (on_gather, self);
}

static void
start_check (DlEditCheck *self)
{
  if (self->dataset == NULL)
    return;
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  self->busy = TRUE;
  begin_gather (self);
}

static gboolean
on_timeout (gpointer user_data)
{
  DlEditCheck *self = user_data;

  self->timeout_id = 0;
  start_check (self);
  return G_SOURCE_REMOVE;
}

/* After each whole edit, undo or redo. */
static void
on_changed (DlEditCheck *self)
{
  /* What was being gathered is not the dataset any more. */
  if (self->snapshot != NULL)
    begin_gather (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (DL_EDIT_CHECK_DELAY_MS, on_timeout, self);
}

static void
on_event_changed (DlEditCheck *self,
                  DlEvent     *event)
{
  if (!g_hash_table_contains (self->dirty, event))
    g_hash_table_add (self->dirty, g_object_ref (event));
}

static void
on_events_changed (DlEditCheck *self,
                   guint        position,
                   guint        removed,
                   guint        added,
                   GListModel  *events)
{
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, position + i);

      on_event_changed (self, event);
    }
}

static void
clear_partial (DlEditCheck *self)
{
  g_hash_table_remove_all (self->dirty);
  g_hash_table_remove_all (self->event_problems);
  g_ptr_array_set_size (self->before_events, 0);
  g_ptr_array_set_size (self->after_events, 0);
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
      g_signal_handlers_disconnect_by_data (dl_dataset_get_events (self->dataset), self);
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->gather_id, g_source_remove);
  g_clear_pointer (&self->snapshot, dl_writer_snapshot_free);
  g_clear_pointer (&self->gathered, g_ptr_array_unref);
  clear_partial (self);
  g_clear_object (&self->dataset);
  g_set_object (&self->edits, edits);
  self->generation++;
  self->busy = FALSE;
  self->again = FALSE;
  g_clear_pointer (&self->problems, dl_problems_free);
  self->problems = dl_problems_new ();
  g_signal_emit (self, signals[UPDATED], 0);

  if (edits != NULL)
    {
      self->dataset = g_object_ref (dl_edit_stack_get_dataset (edits));
      g_signal_connect_swapped (self->dataset, "changed", G_CALLBACK (on_changed), self);
      g_signal_connect_swapped (self->dataset, "event-changed", G_CALLBACK (on_event_changed), self);
      g_signal_connect_swapped (dl_dataset_get_events (self->dataset), "items-changed",
                                G_CALLBACK (on_events_changed), self);
      /* A large dataset: its sources, places and narratives for now. */
      start_check (self);
    }
}

void
dl_edit_check_set_max_full (DlEditCheck *self,
                            guint        max_events)
{
  g_return_if_fail (DL_IS_EDIT_CHECK (self));
  self->max_full = max_events;
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
  g_hash_table_unref (self->dirty);
  g_hash_table_unref (self->event_problems);
  g_ptr_array_unref (self->before_events);
  g_ptr_array_unref (self->after_events);
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
  self->max_full = DL_EDIT_CHECK_MAX_EVENTS;
  self->dirty = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->event_problems = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_ptr_array_unref);
  self->before_events = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
  self->after_events = g_ptr_array_new_with_free_func ((GDestroyNotify) found_free);
}
