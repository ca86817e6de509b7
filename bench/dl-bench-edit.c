/* dl-bench-edit.c: the edit stack's figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>

#include "dl-bench-edit.h"
#include "dl-edit-stack.h"
#include "dl-stats.h"

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
