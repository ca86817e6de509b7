/* test-recovery.c: unsaved changes kept aside and brought back (dl-recovery.h)
 *
 * Without a display: an edit is written to a recovery folder after the
 * delay; a folder whose process is gone is listed and loads back as the
 * edited dataset, byte for byte, to be saved where it came from; saving,
 * undoing back to the saved state and discarding remove it. The window's
 * side (the offer at start, a real kill) is test-edit-recover.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dl-dataset.h"
#include "dl-edit-stack.h"
#include "dl-recovery.h"
#include "dl-test-tree.h"
#include "dl-writer.h"

static char *tmp_dir;

/* The bundled dataset saved into a folder of the test's, with its articles. */
static DlEditStack *
open_copy (const char *name)
{
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (bundled, problems, NULL);
  g_autofree char *path = g_build_filename (tmp_dir, name, "copy.dateline.json", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  DlEditStack *edits;

  g_assert_nonnull (dataset);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  edits = dl_edit_stack_new (dataset);
  g_assert_true (dl_edit_stack_save (edits, path, &error));
  g_assert_no_error (error);
  g_assert_false (dl_edit_stack_get_modified (edits));
  return edits;
}

static void
on_written (gboolean *written)
{
  *written = TRUE;
}

static void
wait_written (DlRecovery *recovery)
{
  gboolean written = FALSE;
  gulong id = g_signal_connect_swapped (recovery, "written", G_CALLBACK (on_written), &written);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!written && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (recovery, id);
  g_assert_true (written);
}

static void
wait_gone (const char *path)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The folder as a crash leaves it: its writer is gone. */
static void
orphan (const char *dir)
{
  g_autofree char *note_path = g_build_filename (dir, "recovery.ini", NULL);
  g_autoptr(GKeyFile) note = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  pid_t child = fork ();

  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, NULL, 0), ==, child);

  g_assert_true (g_key_file_load_from_file (note, note_path, G_KEY_FILE_KEEP_COMMENTS, &error));
  g_assert_cmpint (g_key_file_get_int64 (note, "Recovery", "Pid", NULL), ==, getpid ());
  g_key_file_set_int64 (note, "Recovery", "Pid", child);
  g_assert_true (g_key_file_save_to_file (note, note_path, &error));
  g_assert_no_error (error);
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static DlDataset *
load_entry (const DlRecoveryEntry *entry)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DlDataset *dataset;

  dl_recovery_entry_load_async (entry, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  dataset = dl_recovery_entry_load_finish (result, NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_write_and_restore (void)
{
  g_autoptr(DlEditStack) edits = open_copy ("restore");
  DlDataset *dataset = dl_edit_stack_get_dataset (edits);
  g_autoptr(DlRecovery) recovery = dl_recovery_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(DlDataset) restored = NULL;
  g_autoptr(DlEditStack) restored_edits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = g_file_get_path (dl_dataset_get_file (dataset));
  g_autofree char *edited = NULL;
  g_autofree char *again = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  DlEvent *event = g_list_model_get_item (dl_dataset_get_events (dataset), 0);

  dl_recovery_set_delay (recovery, 20);
  dl_recovery_set_edit_stack (recovery, edits);
  g_assert_null (dl_recovery_get_dir (recovery));

  /* An edit, and an article added since the dataset was saved. */
  g_assert_true (dl_edit_stack_set_event_text (edits, event, DL_EVENT_FIELD_TITLE, "Kept after a crash", FALSE, &error));
  {
    g_autoptr(GBytes) article = g_bytes_new_static ("A new article.\n", 15);

    g_assert_nonnull (dl_edit_stack_add_source (edits, "new-article", "articles/new.txt", "New", "2024-08-21",
                                                article, &error));
    g_assert_no_error (error);
  }
  wait_written (recovery);
  dir = g_strdup (dl_recovery_get_dir (recovery));
  g_assert_nonnull (dir);
  {
    g_autofree char *root = dl_recovery_get_root ();

    g_assert_true (g_str_has_prefix (dir, root));
  }

  /* While this process runs, the folder is its own: not offered. */
  entries = dl_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Killed: the next start finds it. */
  orphan (dir);
  entries = dl_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  {
    DlRecoveryEntry *entry = g_ptr_array_index (entries, 0);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    g_assert_cmpstr (entry->dir, ==, dir);
    g_assert_cmpstr (entry->title, ==, dl_dataset_get_title (dataset));
    g_assert_cmpstr (entry->original, ==, original);
    g_assert_cmpint (g_date_time_difference (now, entry->saved), <, 60 * G_TIME_SPAN_SECOND);

    restored = load_entry (entry);
  }

  /* The same dataset, edit and article included, at its own file again. */
  edited = dl_writer_to_data (dataset, NULL);
  again = dl_writer_to_data (restored, NULL);
  g_assert_cmpstr (again, ==, edited);
  g_assert_nonnull (strstr (again, "Kept after a crash"));
  {
    g_autofree char *path = g_file_get_path (dl_dataset_get_file (restored));

    g_assert_cmpstr (path, ==, original);
  }

  /* Restored, it is unsaved until saved; saving writes the new article. */
  restored_edits = dl_edit_stack_new (restored);
  g_assert_false (dl_edit_stack_get_modified (restored_edits));
  dl_edit_stack_set_unsaved (restored_edits);
  g_assert_true (dl_edit_stack_get_modified (restored_edits));
  g_assert_false (dl_edit_stack_can_undo (restored_edits));
  g_assert_true (dl_edit_stack_save (restored_edits, original, &error));
  g_assert_no_error (error);
  g_assert_false (dl_edit_stack_get_modified (restored_edits));
  {
    g_autofree char *parent = g_path_get_dirname (original);
    g_autofree char *article = g_build_filename (parent, "articles", "new.txt", NULL);

    g_assert_true (g_file_get_contents (article, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "A new article.\n");
  }

  /* Taken over by a recovery object, the folder goes once saved. */
  g_assert_true (dl_recovery_entry_remove (g_ptr_array_index (entries, 0), &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_object_unref (event);
}

/* Saved, undone back to the saved state, discarded: nothing is kept. */
static void
test_removed (void)
{
  g_autoptr(DlEditStack) edits = open_copy ("removed");
  DlDataset *dataset = dl_edit_stack_get_dataset (edits);
  g_autoptr(DlRecovery) recovery = dl_recovery_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *original = g_file_get_path (dl_dataset_get_file (dataset));
  g_autofree char *dir = NULL;
  DlEvent *event = g_list_model_get_item (dl_dataset_get_events (dataset), 1);

  dl_recovery_set_delay (recovery, 20);
  dl_recovery_set_edit_stack (recovery, edits);

  /* Saved. */
  g_assert_true (dl_edit_stack_set_event_text (edits, event, DL_EVENT_FIELD_SUMMARY, "One", FALSE, &error));
  wait_written (recovery);
  dir = g_strdup (dl_recovery_get_dir (recovery));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_assert_true (dl_edit_stack_save (edits, original, &error));
  wait_gone (dir);
  g_assert_null (dl_recovery_get_dir (recovery));

  /* Undone back to what was saved. */
  g_assert_true (dl_edit_stack_set_event_text (edits, event, DL_EVENT_FIELD_SUMMARY, "Two", FALSE, &error));
  wait_written (recovery);
  g_assert_cmpstr (dl_recovery_get_dir (recovery), ==, dir);
  g_assert_true (dl_edit_stack_undo (edits));
  g_assert_false (dl_edit_stack_get_modified (edits));
  wait_gone (dir);

  /* Discarded. */
  g_assert_true (dl_edit_stack_set_event_text (edits, event, DL_EVENT_FIELD_SUMMARY, "Three", FALSE, &error));
  wait_written (recovery);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  dl_recovery_discard (recovery);
  wait_gone (dir);

  /* Discarded while the delay runs: nothing is written after all. */
  g_assert_true (dl_edit_stack_set_event_text (edits, event, DL_EVENT_FIELD_SUMMARY, "Four", FALSE, &error));
  dl_recovery_discard (recovery);
  {
    gint64 end = g_get_monotonic_time () + 300 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_object_unref (event);
}

/* A new dataset (no file yet) has a folder too, and no original. */
static void
test_new_dataset (void)
{
  g_autoptr(DlDataset) dataset = dl_dataset_new ("Made here");
  g_autoptr(DlEditStack) edits = dl_edit_stack_new (dataset);
  g_autoptr(DlRecovery) recovery = dl_recovery_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlDataset) restored = NULL;

  dl_recovery_set_delay (recovery, 20);
  dl_recovery_set_edit_stack (recovery, edits);
  g_assert_nonnull (dl_edit_stack_add_event (edits, NULL, "First", "strike", "2024-08-20", &error));
  g_assert_no_error (error);
  wait_written (recovery);
  orphan (dl_recovery_get_dir (recovery));

  entries = dl_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((DlRecoveryEntry *) g_ptr_array_index (entries, 0))->title, ==, "Made here");
  g_assert_null (((DlRecoveryEntry *) g_ptr_array_index (entries, 0))->original);
  restored = load_entry (g_ptr_array_index (entries, 0));
  g_assert_null (dl_dataset_get_file (restored));
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (restored)), ==, 1);
  g_assert_true (dl_recovery_entry_remove (g_ptr_array_index (entries, 0), &error));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("dateline-test-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  /* Before GLib reads it. */
  state = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recovery/write-and-restore", test_write_and_restore);
  g_test_add_func ("/recovery/removed", test_removed);
  g_test_add_func ("/recovery/new-dataset", test_new_dataset);
  status = g_test_run ();

  dl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
