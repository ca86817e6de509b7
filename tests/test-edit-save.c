/* test-edit-save.c: saving in a thread (dl_edit_stack_save_async)
 *
 * The file holds the dataset as it was when the save began, whatever is
 * edited, undone or redone while it runs; the stack is marked saved at
 * that state only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "dl-dataset.h"
#include "dl-edit-stack.h"
#include "dl-test-dataset.h"
#include "dl-writer.h"

typedef struct {
  gboolean done;
  gboolean ok;
  GError  *error;
} Saved;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saved *saved = user_data;

  saved->ok = dl_edit_stack_save_finish (DL_EDIT_STACK (source), result, &saved->error);
  saved->done = TRUE;
}

static void
wait_saved (Saved *saved)
{
  while (!saved->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (saved->error);
  g_assert_true (saved->ok);
}

typedef struct {
  DlDataset   *dataset;
  DlEditStack *stack;
  char        *dir;
  char        *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dataset = dl_test_load_bundled ();
  f->stack = dl_edit_stack_new (f->dataset);
  f->dir = g_dir_make_tmp ("dateline-test-edit-save-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "saved.dateline.json", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", f->dir);

  g_assert_cmpint (system (command), ==, 0);
  g_clear_object (&f->stack);
  g_clear_object (&f->dataset);
  g_free (f->dir);
  g_free (f->path);
}

static DlEvent *
event_at (Fixture *f,
          guint    i)
{
  return g_ptr_array_index (dl_dataset_get_events_by_time (f->dataset), i);
}

static void
assert_file_is (Fixture    *f,
                const char *expected)
{
  g_autofree char *saved = NULL;

  g_assert_true (g_file_get_contents (f->path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, expected);
}

/* Nothing changes meanwhile: the file is the dataset, which is saved. */
static void
test_quiet (Fixture       *f,
            gconstpointer  data)
{
  Saved saved = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *saved_path = NULL;

  dl_edit_stack_set_event_text (f->stack, event_at (f, 0), DL_EVENT_FIELD_TITLE, "Before saving", FALSE, NULL);
  expected = dl_writer_to_data (f->dataset, NULL);
  dl_edit_stack_save_async (f->stack, f->path, NULL, on_saved, &saved);
  g_assert_true (dl_edit_stack_is_saving (f->stack));
  g_assert_true (dl_edit_stack_get_modified (f->stack));
  wait_saved (&saved);
  g_assert_false (dl_edit_stack_is_saving (f->stack));
  g_assert_false (dl_edit_stack_get_modified (f->stack));
  assert_file_is (f, expected);
  saved_path = g_file_get_path (dl_dataset_get_file (f->dataset));
  g_assert_cmpstr (saved_path, ==, f->path);
}

/* Edits made while it runs (typing merges into the last edit, a new edit,
 * an undo and a redo) are not in the file and stay unsaved; undoing them
 * comes back to the saved state. */
static void
test_edits_meanwhile (Fixture       *f,
                      gconstpointer  data)
{
  Saved saved = { 0 };
  Saved again = { 0 };
  g_autofree char *expected = NULL;
  g_autofree char *later = NULL;

  dl_edit_stack_set_event_text (f->stack, event_at (f, 0), DL_EVENT_FIELD_TITLE, "Typed", TRUE, NULL);
  expected = dl_writer_to_data (f->dataset, NULL);
  dl_edit_stack_save_async (f->stack, f->path, NULL, on_saved, &saved);
  /* Typing on would merge into the edit being saved: it must not. */
  dl_edit_stack_set_event_text (f->stack, event_at (f, 0), DL_EVENT_FIELD_TITLE, "Typed on", TRUE, NULL);
  dl_edit_stack_remove_event (f->stack, event_at (f, 1), NULL);
  g_assert_true (dl_edit_stack_undo (f->stack));
  g_assert_true (dl_edit_stack_redo (f->stack));
  later = dl_writer_to_data (f->dataset, NULL);

  /* A second save waits for the first. */
  dl_edit_stack_save_async (f->stack, f->path, NULL, on_saved, &again);
  while (!again.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (again.error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&again.error);

  wait_saved (&saved);
  assert_file_is (f, expected);
  g_assert_true (dl_edit_stack_get_modified (f->stack));
  g_assert_true (dl_edit_stack_undo (f->stack));
  g_assert_true (dl_edit_stack_get_modified (f->stack));
  g_assert_true (dl_edit_stack_undo (f->stack));
  g_assert_false (dl_edit_stack_get_modified (f->stack));
  {
    g_autofree char *now = dl_writer_to_data (f->dataset, NULL);

    g_assert_cmpstr (now, ==, expected);
  }
  g_assert_true (dl_edit_stack_redo (f->stack));
  g_assert_true (dl_edit_stack_redo (f->stack));
  {
    g_autofree char *now = dl_writer_to_data (f->dataset, NULL);

    g_assert_cmpstr (now, ==, later);
  }
}

/* Undone below the state being saved and edited anew: that state cannot
 * be reached again, so nothing is "saved" whatever is undone. */
static void
test_state_gone (Fixture       *f,
                 gconstpointer  data)
{
  Saved saved = { 0 };
  g_autofree char *expected = NULL;

  dl_edit_stack_set_event_text (f->stack, event_at (f, 0), DL_EVENT_FIELD_TITLE, "Saved title", FALSE, NULL);
  expected = dl_writer_to_data (f->dataset, NULL);
  dl_edit_stack_save_async (f->stack, f->path, NULL, on_saved, &saved);
  g_assert_true (dl_edit_stack_undo (f->stack));
  dl_edit_stack_set_event_text (f->stack, event_at (f, 0), DL_EVENT_FIELD_TITLE, "Another title", FALSE, NULL);
  wait_saved (&saved);
  assert_file_is (f, expected);
  g_assert_true (dl_edit_stack_get_modified (f->stack));
  g_assert_true (dl_edit_stack_undo (f->stack));
  g_assert_true (dl_edit_stack_get_modified (f->stack));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/edit-save/quiet", Fixture, NULL, fixture_set_up, test_quiet, fixture_tear_down);
  g_test_add ("/edit-save/edits-meanwhile", Fixture, NULL, fixture_set_up, test_edits_meanwhile, fixture_tear_down);
  g_test_add ("/edit-save/state-gone", Fixture, NULL, fixture_set_up, test_state_gone, fixture_tear_down);

  return g_test_run ();
}
