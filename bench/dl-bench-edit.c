/* dl-bench-edit.c: the edit stack's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "dl-bench-edit.h"
#include "dl-edit-check.h"
#include "dl-edit-stack.h"
#include "dl-recovery.h"
#include "dl-stats.h"
#include "dl-writer.h"

/* One of a mix of the edits a person makes: retitling, dating, passages,
 * claims, places, captions. */
static void
edit_once (DlEditStack *stack,
           DlDataset   *dataset,
           guint        i)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  DlEvent *event = g_ptr_array_index (by_time, i % by_time->len);
  g_autoptr(DlSource) source = g_list_model_get_item (dl_dataset_get_sources (dataset), i % 5);
  g_autoptr(DlPlace) place = g_list_model_get_item (dl_dataset_get_places (dataset), i % 17);
  g_autofree char *text = g_strdup_printf ("Edited title %u", i);
  guint start = (i * 37) % 2000;

  switch (i % 8)
    {
    case 0:
    case 1:
      dl_edit_stack_set_event_text (stack, event, DL_EVENT_FIELD_TITLE, text, FALSE, NULL);
      break;
    case 2:
      dl_edit_stack_set_event_when (stack, event, i % 16 == 2 ? "2024-08-20?" : "2024-08~", NULL);
      break;
    case 3:
      dl_edit_stack_add_excerpt (stack, event, source, start, start + 120, NULL);
      break;
    case 4:
      if (dl_event_get_n_excerpts (event) > 0)
        dl_edit_stack_add_claim (stack, event, "bench-topic", "12", "at least", NULL, 0, NULL);
      break;
    case 5:
      dl_edit_stack_set_event_places (stack, event, &place, 1, NULL);
      break;
    case 6:
      dl_edit_stack_set_event_text (stack, event, DL_EVENT_FIELD_SUMMARY, text, FALSE, NULL);
      break;
    case 7:
    default:
      dl_edit_stack_set_step_caption (stack, 0, i % 10, text, NULL);
      break;
    }
}

/* The median time of five saves to @out, in milliseconds. */
static double
time_saves (DlEditStack *stack,
            const char  *out)
{
  double times[5];

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!dl_edit_stack_save (stack, out, &error))
        g_error ("cannot save %s: %s", out, error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  return dl_quantile (times, G_N_ELEMENTS (times), 0.5);
}

void
dl_bench_edit_run (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (file, problems, NULL);
  g_autoptr(DlEditStack) stack = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-bench-edit-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *cleanup = NULL;
  struct mallinfo2 before, after;
  gint64 start;
  guint n_undone = 0;

  if (dataset == NULL || dir == NULL)
    {
      printf ("# edit stack not measured: the bundled dataset did not load\n");
      return;
    }

  stack = dl_edit_stack_new (dataset);
  before = mallinfo2 ();
  for (guint i = 0; i < 1000; i++)
    edit_once (stack, dataset, i);
  after = mallinfo2 ();
  printf ("edit_stack_1000_edits_bytes %" G_GSIZE_FORMAT " B\n", dl_edit_stack_get_memory_size (stack));
  printf ("edit_stack_1000_edits_heap_bytes %zu B\n", after.uordblks - before.uordblks);

  out = g_build_filename (dir, "bundled.dateline.json", NULL);
  printf ("edit_save_edited_ms %.2f ms\n", time_saves (stack, out));

  start = g_get_monotonic_time ();
  while (dl_edit_stack_undo (stack))
    n_undone++;
  printf ("edit_undo_%u_ms %.2f ms\n", n_undone, (g_get_monotonic_time () - start) / 1000.0);

  /* Undone to the start, saving writes the bundled dataset itself. */
  printf ("edit_save_bundled_ms %.2f ms\n", time_saves (stack, out));

  cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (cleanup) != 0)
    g_printerr ("could not remove %s\n", dir);
}

/* ------------------------------------------------------- autosave */

static void
on_signal (gboolean *flag)
{
  *flag = TRUE;
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!dl_edit_stack_save_finish (DL_EDIT_STACK (source), result, &error))
    printf ("# the save failed: %s\n", error->message);
  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop until *@done, timing each turn that did something in
 * this thread's CPU time (the cores are shared: wall time holds other
 * programs' turns): the longest (ms), their sum (ms) and how many. Waiting
 * in between (for a thread) is not counted. */
static void
time_turns (gboolean *done,
            double   *longest,
            double   *total,
            guint    *n_turns)
{
  *longest = *total = 0;
  *n_turns = 0;
  while (!*done)
    {
      struct timespec start, end;

      clock_gettime (CLOCK_THREAD_CPUTIME_ID, &start);
      if (g_main_context_iteration (NULL, FALSE))
        {
          double ms;

          clock_gettime (CLOCK_THREAD_CPUTIME_ID, &end);
          ms = (end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6;

          *longest = MAX (*longest, ms);
          *total += ms;
          (*n_turns)++;
        }
      else
        g_usleep (500);
    }
}

static void
print_turns (const char *name,
             gboolean   *done)
{
  double longest, total;
  guint n;

  time_turns (done, &longest, &total, &n);
  printf ("%s_main_loop_longest_cpu_ms %.2f ms\n", name, longest);
  printf ("%s_main_loop_total_cpu_ms %.2f ms\n", name, total);
  printf ("%s_main_loop_turns %u turns\n", name, n);
}

void
dl_bench_edit_autosave_run (const char *dataset_dir)
{
  g_autofree char *state = g_dir_make_tmp ("dateline-bench-autosave-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dataset_dir, "synthetic.dateline.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autoptr(DlEditStack) stack = NULL;
  g_autoptr(DlRecovery) recovery = NULL;
  g_autoptr(DlEditCheck) check = NULL;
  g_autofree char *cleanup = NULL;
  g_autofree char *data = NULL;
  GPtrArray *by_time;
  gboolean written = FALSE, updated = FALSE;
  gint64 start;
  gsize len = 0;
  guint n;

  /* The recovery folder of this run only (read before any use). */
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  start = g_get_monotonic_time ();
  dataset = dl_dataset_load (file, problems, NULL);
  if (dataset == NULL)
    {
      printf ("# autosave not measured: %s did not load\n", path);
      return;
    }
  n = g_list_model_get_n_items (dl_dataset_get_events (dataset));
  printf ("# %u events, loaded in %.0f ms\n", n, (g_get_monotonic_time () - start) / 1000.0);
  by_time = dl_dataset_get_events_by_time (dataset);
  stack = dl_edit_stack_new (dataset);

  /* Before: the whole text written on the main loop, for each autosave and
   * each check. */
  {
    struct timespec cpu_start, cpu_end;

    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu_start);
    start = g_get_monotonic_time ();
    data = dl_writer_to_data (dataset, &len);
    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu_end);
    printf ("autosave_before_main_loop_ms %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    printf ("autosave_before_main_loop_cpu_ms %.2f ms\n",
            (cpu_end.tv_sec - cpu_start.tv_sec) * 1e3 + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e6);
  }
  printf ("autosave_text_bytes %" G_GSIZE_FORMAT " B\n", len);
  g_clear_pointer (&data, g_free);

  recovery = dl_recovery_new ();
  dl_recovery_set_delay (recovery, 0);
  dl_recovery_set_edit_stack (recovery, stack);
  g_signal_connect_swapped (recovery, "written", G_CALLBACK (on_signal), &written);

  /* The first autosave writes every item's text, a slice at a time. */
  dl_edit_stack_set_event_text (stack, g_ptr_array_index (by_time, 0), DL_EVENT_FIELD_TITLE, "Edited once",
                                FALSE, NULL);
  print_turns ("autosave_first", &written);

  /* The next ones find them kept, but the edited event's. */
  written = FALSE;
  dl_edit_stack_set_event_text (stack, g_ptr_array_index (by_time, by_time->len / 2), DL_EVENT_FIELD_TITLE,
                                "Edited twice", FALSE, NULL);
  print_turns ("autosave_next", &written);

  /* What the thread does: joining the pieces. */
  {
    g_autoptr(DlWriterSnapshot) snapshot = dl_writer_snapshot_new (dataset, NULL);

    dl_writer_snapshot_step (snapshot, -1);
    start = g_get_monotonic_time ();
    data = dl_writer_snapshot_join (snapshot, &len);
    printf ("autosave_join_in_thread_ms %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    g_clear_pointer (&data, g_free);
  }

  /* No more autosaves: the folder goes (in the recovery's thread). */
  {
    g_autofree char *dir = g_strdup (dl_recovery_get_dir (recovery));
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    dl_recovery_discard (recovery);
    dl_recovery_set_edit_stack (recovery, NULL);
    while (dir != NULL && g_file_test (dir, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }

  /* Removing a passage (and the claims citing it) keeps the claim index
   * right; its undo puts them back. Five events across the time order,
   * in this thread's CPU time. */
  {
    double removed[5], undone[5];
    guint k = 0;

    for (guint i = 1; i < by_time->len && k < G_N_ELEMENTS (removed); i += by_time->len / 5)
      {
        DlEvent *event = g_ptr_array_index (by_time, i);
        struct timespec a, b, c;

        if (dl_event_get_n_excerpts (event) == 0)
          continue;
        clock_gettime (CLOCK_THREAD_CPUTIME_ID, &a);
        dl_edit_stack_remove_excerpt (stack, event, 0, NULL);
        clock_gettime (CLOCK_THREAD_CPUTIME_ID, &b);
        dl_edit_stack_undo (stack);
        clock_gettime (CLOCK_THREAD_CPUTIME_ID, &c);
        removed[k] = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
        undone[k] = (c.tv_sec - b.tv_sec) * 1e3 + (c.tv_nsec - b.tv_nsec) / 1e6;
        k++;
      }
    if (k > 0)
      {
        printf ("edit_remove_passage_cpu_ms %.3f ms\n", dl_quantile (removed, k, 0.5));
        printf ("edit_remove_passage_max_cpu_ms %.3f ms\n", dl_quantile (removed, k, 1.0));
        printf ("edit_remove_passage_undo_cpu_ms %.3f ms\n", dl_quantile (undone, k, 0.5));
      }
  }

  /* The live check after an edit: above DL_EDIT_CHECK_MAX_EVENTS, the
   * edited event with the sources, places and narratives. */
  check = dl_edit_check_new ();
  g_signal_connect_swapped (check, "updated", G_CALLBACK (on_signal), &updated);
  dl_edit_check_set_edit_stack (check, stack);
  updated = FALSE;
  while (!updated)
    g_main_context_iteration (NULL, TRUE);
  updated = FALSE;
  start = g_get_monotonic_time ();
  dl_edit_stack_remove_excerpt (stack, g_ptr_array_index (by_time, 1), 0, NULL);
  printf ("check_edit_ms %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  print_turns ("check", &updated);
  printf ("check_wall_ms %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0 - DL_EDIT_CHECK_DELAY_MS);
  printf ("check_problems %u problems\n", dl_problems_get_length (dl_edit_check_get_problems (check)));

  dl_edit_check_set_edit_stack (check, NULL);

  /* Save (into a folder of its own: the articles are copied there first).
   * Now the dataset is gathered on the main loop a slice at a time (the
   * texts kept since the autosave) and checked and written in a thread;
   * before, all of it happened in one turn (dl_edit_stack_save()). */
  {
    g_autofree char *to = g_build_filename (state, "saved", "synthetic.dateline.json", NULL);
    g_autofree char *to_dir = g_path_get_dirname (to);
    gboolean saved = FALSE;
    struct timespec cpu_start, cpu_end;

    g_mkdir_with_parents (to_dir, 0755);
    dl_edit_stack_set_event_text (stack, g_ptr_array_index (by_time, 2), DL_EVENT_FIELD_TITLE, "Edited, then saved",
                                  FALSE, NULL);
    start = g_get_monotonic_time ();
    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu_start);
    dl_edit_stack_save_async (stack, to, NULL, on_saved, &saved);
    clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu_end);
    printf ("save_call_cpu_ms %.2f ms\n",
            (cpu_end.tv_sec - cpu_start.tv_sec) * 1e3 + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e6);
    print_turns ("save", &saved);
    printf ("save_wall_ms %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    printf ("save_modified %d bool\n", dl_edit_stack_get_modified (stack));

    /* The whole save in one turn takes tens of seconds at a million. */
    if (n <= 200000)
      {
        g_autoptr(GError) error = NULL;

        dl_edit_stack_set_event_text (stack, g_ptr_array_index (by_time, 3), DL_EVENT_FIELD_TITLE, "Edited again",
                                      FALSE, NULL);
        start = g_get_monotonic_time ();
        clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu_start);
        if (!dl_edit_stack_save (stack, to, &error))
          printf ("# the blocking save failed: %s\n", error->message);
        clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu_end);
        printf ("save_before_main_loop_ms %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
        printf ("save_before_main_loop_cpu_ms %.2f ms\n",
                (cpu_end.tv_sec - cpu_start.tv_sec) * 1e3 + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e6);
      }
  }

  cleanup = g_strdup_printf ("rm -rf '%s'", state);
  if (system (cleanup) != 0)
    g_printerr ("could not remove %s\n", state);
}
