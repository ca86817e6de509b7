/* test-edit-check.c: the problems of a dataset being edited (dl-edit-check.h)
 *
 * Without a display: after an edit the check finds what `--validate` finds
 * in the same dataset saved, message and path alike; undoing clears it; an
 * article not yet saved is read from memory; paths lead to their event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-dataset.h"
#include "dl-edit-check.h"
#include "dl-edit-stack.h"
#include "dl-test-tree.h"

static char *tmp_dir;

static void
on_updated (gboolean *updated)
{
  *updated = TRUE;
}

static void
wait_updated (DlEditCheck *check)
{
  gboolean updated = FALSE;
  gulong id = g_signal_connect_swapped (check, "updated", G_CALLBACK (on_updated), &updated);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!updated && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (check, id);
  g_assert_true (updated);
}

/* The lines --validate prints for the dataset saved as it is now. */
static char *
validate_saved (DlEditStack *edits)
{
  g_autofree char *path = g_build_filename (tmp_dir, "saved", "check.dateline.json", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (dl_edit_stack_save (edits, path, &error));
  g_assert_no_error (error);
  loaded = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (loaded);
  return dl_problems_to_string (problems, "F");
}

static void
test_like_validate (void)
{
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) loaded_problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (bundled, loaded_problems, NULL);
  g_autoptr(DlEditStack) edits = dl_edit_stack_new (dataset);
  g_autoptr(DlEditCheck) check = dl_edit_check_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DlEvent) event = g_list_model_get_item (dl_dataset_get_events (dataset), 7);
  g_autofree char *member = NULL;
  g_autofree char *live = NULL;
  g_autofree char *saved = NULL;
  guint n_excerpts = dl_event_get_n_excerpts (event);
  guint index = 0;

  g_assert_nonnull (dataset);
  dl_edit_check_set_edit_stack (check, edits);
  wait_updated (check);
  g_assert_cmpuint (dl_problems_get_length (dl_edit_check_get_problems (check)), ==, 0);

  /* Its passages taken away: a warning on the eighth event. */
  g_assert_cmpuint (n_excerpts, >, 0);
  dl_edit_stack_begin_group (edits, "Remove passages");
  while (dl_event_get_n_excerpts (event) > 0)
    g_assert_true (dl_edit_stack_remove_excerpt (edits, event, 0, &error));
  dl_edit_stack_end_group (edits);
  wait_updated (check);
  g_assert_cmpuint (dl_problems_get_length (dl_edit_check_get_problems (check)), ==, 1);
  g_assert_cmpstr (dl_problems_get (dl_edit_check_get_problems (check), 0)->path, ==, "events[7]");
  g_assert_true (dl_problem_path_get_event (dl_problems_get (dl_edit_check_get_problems (check), 0)->path,
                                            &index, &member));
  g_assert_cmpuint (index, ==, 7);
  g_assert_cmpstr (member, ==, "");

  /* What --validate says of the same dataset saved, line for line. */
  live = dl_problems_to_string (dl_edit_check_get_problems (check), "F");
  saved = validate_saved (edits);
  g_assert_cmpstr (live, ==, saved);
  g_assert_nonnull (strstr (live, "the event has no excerpts"));

  /* Undone: no problem. */
  g_assert_true (dl_edit_stack_undo (edits));
  g_assert_cmpuint (dl_event_get_n_excerpts (event), ==, n_excerpts);
  wait_updated (check);
  g_assert_cmpuint (dl_problems_get_length (dl_edit_check_get_problems (check)), ==, 0);

  /* An article added and cited before it is saved is read from memory. */
  {
    g_autoptr(GBytes) text = g_bytes_new_static ("A new article about a strike.\n", 30);
    DlSource *source = dl_edit_stack_add_source (edits, "unsaved", "articles/unsaved.txt", "Unsaved",
                                                 "2024-08-21", text, &error);

    g_assert_no_error (error);
    g_assert_cmpint (dl_edit_stack_add_excerpt (edits, event, source, 2, 12, &error), >=, 0);
    g_assert_no_error (error);
  }
  wait_updated (check);
  g_assert_cmpuint (dl_problems_get_length (dl_edit_check_get_problems (check)), ==, 0);

  /* Following no stack: nothing. */
  dl_edit_check_set_edit_stack (check, NULL);
  g_assert_cmpuint (dl_problems_get_length (dl_edit_check_get_problems (check)), ==, 0);
}

/* Above the size for whole checks, only the edited events are loaded
 * again: the list is still what --validate says of the dataset saved
 * (which had no problems when it opened), with each event's problems at
 * its index now. */
static void
test_partial (void)
{
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) loaded_problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (bundled, loaded_problems, NULL);
  g_autoptr(DlEditStack) edits = dl_edit_stack_new (dataset);
  g_autoptr(DlEditCheck) check = dl_edit_check_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DlEvent) seventh = g_list_model_get_item (dl_dataset_get_events (dataset), 7);
  g_autoptr(DlEvent) third = g_list_model_get_item (dl_dataset_get_events (dataset), 3);
  guint n_events = g_list_model_get_n_items (dl_dataset_get_events (dataset));
  DlEvent *added;

  g_assert_nonnull (dataset);
  g_assert_cmpuint (dl_problems_get_length (loaded_problems), ==, 0);
  dl_edit_check_set_max_full (check, 10);
  dl_edit_check_set_edit_stack (check, edits);
  wait_updated (check);
  g_assert_cmpuint (dl_problems_get_length (dl_edit_check_get_problems (check)), ==, 0);

  /* The eighth event without passages, and a new one without any. */
  while (dl_event_get_n_excerpts (seventh) > 0)
    g_assert_true (dl_edit_stack_remove_excerpt (edits, seventh, 0, &error));
  added = dl_edit_stack_add_event (edits, NULL, "A new event", "strike", "2024-08-20", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  wait_updated (check);
  {
    g_autofree char *live = dl_problems_to_string (dl_edit_check_get_problems (check), "F");
    g_autofree char *saved = validate_saved (edits);
    g_autofree char *last = g_strdup_printf ("events[%u]", n_events);

    g_assert_cmpstr (live, ==, saved);
    g_assert_cmpuint (dl_problems_get_length (dl_edit_check_get_problems (check)), ==, 2);
    g_assert_cmpstr (dl_problems_get (dl_edit_check_get_problems (check), 0)->path, ==, "events[7]");
    g_assert_cmpstr (dl_problems_get (dl_edit_check_get_problems (check), 1)->path, ==, last);
  }

  /* An event before them goes: their problems move up one. */
  g_assert_true (dl_edit_stack_remove_event (edits, third, &error));
  g_assert_no_error (error);
  wait_updated (check);
  {
    g_autofree char *live = dl_problems_to_string (dl_edit_check_get_problems (check), "F");
    g_autofree char *saved = validate_saved (edits);

    g_assert_cmpstr (live, ==, saved);
    g_assert_cmpstr (dl_problems_get (dl_edit_check_get_problems (check), 0)->path, ==, "events[6]");
  }

  /* All undone: the events checked again have none. */
  while (dl_edit_stack_undo (edits))
    ;
  wait_updated (check);
  g_assert_cmpuint (dl_problems_get_length (dl_edit_check_get_problems (check)), ==, 0);
}

static void
test_paths (void)
{
  g_autofree char *member = NULL;
  guint index = 0;

  g_assert_true (dl_problem_path_get_event ("events[12].when", &index, &member));
  g_assert_cmpuint (index, ==, 12);
  g_assert_cmpstr (member, ==, "when");
  g_clear_pointer (&member, g_free);
  g_assert_true (dl_problem_path_get_event ("events[0].excerpts[2].exact", &index, &member));
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpstr (member, ==, "excerpts");
  g_clear_pointer (&member, g_free);
  g_assert_true (dl_problem_path_get_event ("events[3].places[1]", &index, &member));
  g_assert_cmpstr (member, ==, "places");
  g_clear_pointer (&member, g_free);

  g_assert_false (dl_problem_path_get_event ("places[3].name", &index, NULL));
  g_assert_false (dl_problem_path_get_event ("events", &index, NULL));
  g_assert_false (dl_problem_path_get_event ("events[x]", &index, NULL));
  g_assert_false (dl_problem_path_get_event ("events[99999999999]", &index, NULL));
  g_assert_false (dl_problem_path_get_event ("12:3", &index, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("dateline-test-edit-check-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/edit-check/like-validate", test_like_validate);
  g_test_add_func ("/edit-check/partial", test_partial);
  g_test_add_func ("/edit-check/paths", test_paths);
  status = g_test_run ();

  dl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
