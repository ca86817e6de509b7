/* test-edit-recover.c: a crash mid-edit, the offer at the next start, and
 * the close dialog, with real input
 *
 * A child process opens a copy of the bundled dataset, retitles an event by
 * typing, waits for the autosave and is killed (SIGKILL). The test then
 * starts a window as the application does at start: it offers the changes,
 * naming the dataset and when they were kept; a click on Restore brings
 * the edit back, unsaved, to be saved (Ctrl+S) where it came from, and the
 * recovery folder goes. Then closing with unsaved changes (Ctrl+W) asks:
 * Cancel keeps the window, Discard closes it and removes the recovery
 * folder, Save writes the file. Every press and click is an X event sent
 * with XTest (tests/dl-xtest.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dl-recovery.h"
#include "dl-test-tree.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

#define EVENT_ID     "school-strike-gaza-city"
#define CRASH_TITLE  "Retitled before the crash"

static char *tmp_dir;    /* the test's: the dataset's copy, $XDG_STATE_HOME */
static char *path;       /* the copy of the bundled dataset */
static char *entry_dir;  /* its recovery folder */

/* Helpers */

static DlWindow *
open_window (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  DlWindow *window = dl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  dl_test_window_open (window, file);
  return window;
}

static void
key (GtkWidget      *widget,
     guint           keyval,
     GdkModifierType mods)
{
  dl_xtest_key (widget, keyval, mods);  /* holds @widget should the key close it */
  dl_test_wait_ms (150);
}

static void
click_center (GtkWidget *widget)
{
  /* Kept while the click may close its dialog: the sync after it still
   * asks the widget for its display. */
  g_object_ref (widget);
  dl_xtest_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  g_object_unref (widget);
  dl_test_wait_ms (200);
}

static GtkWidget *
find_dialog (void)
{
  return dl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static GtkWidget *
wait_for_dialog (void)
{
  g_assert_true (dl_test_wait_until (dialog_shown, NULL, 10000));
  dl_test_wait_ms (300);  /* mapped and focused */
  return find_dialog ();
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

/* Clicks the dialog's response button labelled @label. */
static void
respond (GtkWidget  *dialog,
         const char *label)
{
  GtkWidget *button = dl_test_find_button (dialog, label);

  g_assert_nonnull (button);
  click_center (button);
  g_assert_true (dl_test_wait_until (dialog_gone, NULL, 5000));
  dl_test_wait_ms (200);
}

/* The event editor on the event, its title typed over (Ctrl+Shift+E opens
 * it with the title focused). */
static DlEvent *
retitle (DlWindow   *window,
         const char *title)
{
  DlEvent *event;

  g_assert_true (dl_window_select_event (window, EVENT_ID));
  dl_test_wait_ms (300);
  event = dl_session_get_selected_event (dl_window_get_session (window));
  g_assert_nonnull (event);
  key (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  key (GTK_WIDGET (window), GDK_KEY_a, GDK_CONTROL_MASK);
  dl_xtest_type (GTK_WIDGET (window), title);
  dl_test_wait_ms (200);
  g_assert_cmpstr (dl_event_get_title (event), ==, title);
  return event;
}

static gboolean
file_holds (const char *file,
            const char *text)
{
  g_autofree char *data = NULL;

  return g_file_get_contents (file, &data, NULL, NULL) && strstr (data, text) != NULL;
}

static gboolean
recovery_holds (gpointer text)
{
  g_autofree char *file = g_build_filename (entry_dir, "dataset.dateline.json", NULL);

  return file_holds (file, text);
}

static gboolean
recovery_gone (gpointer data)
{
  return !g_file_test (entry_dir, G_FILE_TEST_EXISTS);
}

static gboolean
window_gone (gpointer data)
{
  return *(DlWindow **) data == NULL;
}

/* Tests */

/* The child: an edit, autosaved, then killed before it is saved. */
static void
crash_mid_edit (void)
{
  DlWindow *window = open_window ();

  g_assert_true (dl_xtest_available ());
  retitle (window, CRASH_TITLE);
  g_assert_true (dl_test_wait_until (recovery_holds, CRASH_TITLE, 15000));
  kill (getpid (), SIGKILL);
  g_assert_not_reached ();
}

static void
test_crash_and_restore (void)
{
  g_autoptr(GPtrArray) entries = NULL;
  DlRecoveryEntry *entry;
  DlWindow *window;
  DlEditStack *edits;
  GtkWidget *dialog;
  const char *body;
  g_autoptr(DlEvent) event = NULL;

  if (g_test_subprocess ())
    {
      crash_mid_edit ();
      return;
    }

  g_assert_true (dl_xtest_available ());
  g_test_trap_subprocess (NULL, 90 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_assert_false (g_test_trap_has_passed ());
  g_assert_false (file_holds (path, CRASH_TITLE));

  /* What it left: the dataset, named, from this file. */
  entries = dl_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->original, ==, path);
  g_assert_cmpstr (entry->title, ==, "Gaza cease-fire diplomacy, August 2024");
  g_assert_cmpstr (entry->dir, ==, entry_dir);

  /* The next start opens the last dataset and asks. */
  window = open_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (dl_window_offer_recovery (window));
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Restore Unsaved Changes?");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "Gaza cease-fire diplomacy, August 2024"));
  g_assert_nonnull (strstr (body, "were saved"));
  dl_test_save_png (dialog, NULL, "edit-recover-offer.png");

  respond (dialog, "_Restore");
  event = dl_dataset_lookup_event (dl_window_get_dataset (window), EVENT_ID);
  g_assert_nonnull (event);
  g_object_ref (event);
  g_assert_cmpstr (dl_event_get_title (event), ==, CRASH_TITLE);
  edits = dl_session_get_edit_stack (dl_window_get_session (window));
  g_assert_true (dl_edit_stack_get_modified (edits));
  {
    g_autofree char *file = g_file_get_path (dl_dataset_get_file (dl_window_get_dataset (window)));

    g_assert_cmpstr (file, ==, path);
  }
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-recover-restored.png");

  /* Saved where it came from: the recovery folder goes. */
  key (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dl_test_stack_saved, edits, 10000));
  g_assert_true (file_holds (path, CRASH_TITLE));
  g_assert_true (dl_test_wait_until (recovery_gone, NULL, 5000));

  /* Nothing is offered again. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = dl_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_null (window);
}

/* Ctrl+W with unsaved changes: Cancel keeps them; Discard closes and
 * leaves nothing for a next start. */
static void
test_close_discard (void)
{
  DlWindow *window = open_window ();
  DlEditStack *edits = dl_session_get_edit_stack (dl_window_get_session (window));
  DlEvent *event;
  GtkWidget *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  event = retitle (window, "Retitled, then discarded");
  g_assert_true (dl_test_wait_until (recovery_holds, "Retitled, then discarded", 15000));

  key (GTK_WIDGET (window), GDK_KEY_w, GDK_CONTROL_MASK);
  dialog = wait_for_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Save Changes?");
  dl_test_save_png (dialog, NULL, "edit-recover-close.png");
  respond (dialog, "_Cancel");
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (dl_edit_stack_get_modified (edits));
  g_assert_cmpstr (dl_event_get_title (event), ==, "Retitled, then discarded");

  key (GTK_WIDGET (window), GDK_KEY_w, GDK_CONTROL_MASK);
  dialog = wait_for_dialog ();
  respond (dialog, "_Discard");
  g_assert_true (dl_test_wait_until (window_gone, &window, 5000));
  g_assert_true (dl_test_wait_until (recovery_gone, NULL, 5000));
  g_assert_false (file_holds (path, "Retitled, then discarded"));
  g_assert_true (file_holds (path, CRASH_TITLE));
}

/* Ctrl+W, Save: written, closed, nothing kept for recovery. */
static void
test_close_save (void)
{
  DlWindow *window = open_window ();
  GtkWidget *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  retitle (window, "Retitled, then saved on closing");
  g_assert_true (dl_test_wait_until (recovery_holds, "Retitled, then saved on closing", 15000));

  key (GTK_WIDGET (window), GDK_KEY_w, GDK_CONTROL_MASK);
  dialog = wait_for_dialog ();
  respond (dialog, "_Save");
  g_assert_true (dl_test_wait_until (window_gone, &window, 5000));
  g_assert_true (file_holds (path, "Retitled, then saved on closing"));
  g_assert_true (dl_test_wait_until (recovery_gone, NULL, 5000));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;
  g_autofree char *key_path = NULL;
  int status;

  /* The child (the crash) shares the parent's folder: it is in the
   * environment it inherits. */
  if (g_getenv ("DL_TEST_RECOVER_DIR") == NULL)
    {
      g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
      g_autoptr(GFile) parent = g_file_get_parent (bundled);
      g_autofree char *from = g_file_get_path (parent);
      g_autofree char *command = NULL;

      tmp_dir = g_dir_make_tmp ("dateline-test-edit-recover-XXXXXX", &error);
      g_assert_no_error (error);
      command = g_strdup_printf ("mkdir '%s/data' && cp -r '%s/.' '%s/data/'", tmp_dir, from, tmp_dir);
      g_assert_cmpint (system (command), ==, 0);
      g_setenv ("DL_TEST_RECOVER_DIR", tmp_dir, TRUE);
    }
  else
    tmp_dir = g_strdup (g_getenv ("DL_TEST_RECOVER_DIR"));
  state = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_setenv ("HOME", tmp_dir, TRUE);
  path = g_build_filename (tmp_dir, "data", "gaza-august-2024.dateline.json", NULL);
  /* The recovery folder of a dataset opened from a file is named by its path. */
  key_path = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path, -1);
  key_path[32] = '\0';
  entry_dir = g_build_filename (state, "dateline", "recovery", key_path, NULL);

  dl_test_init (&argc, &argv);
  settings = g_settings_new (APP_ID);
  g_settings_set_uint (settings, "autosave-delay", 1);

  g_test_add_func ("/edit-recover/crash-and-restore", test_crash_and_restore);
  g_test_add_func ("/edit-recover/close-discard", test_close_discard);
  g_test_add_func ("/edit-recover/close-save", test_close_save);
  status = g_test_run ();

  if (!g_test_subprocess ())
    dl_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (path);
  g_free (entry_dir);
  return status;
}
