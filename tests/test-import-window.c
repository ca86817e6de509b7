/* test-import-window.c: other tools' files in the window, driven by real keys
 *
 * A StoryMapJS story and ACLED CSV are opened as Open… and a drop open them
 * (dl_window_open); XTest key presses step through their events, among
 * them one without a place and one without a date, and the sidebar says so.
 * A file that cannot be read leaves the open dataset as it was; a large
 * one shows a progress bar whose Cancel, clicked, stops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dl-event-panel.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

static DlWindow *window;
static DlDataset *previous;

static gboolean
title_is (gpointer data)
{
  DlDataset *dataset = dl_window_get_dataset (window);

  return dataset != NULL && dataset != previous && g_strcmp0 (dl_dataset_get_title (dataset), data) == 0;
}

static void
open_fixture (const char *name,
              const char *title)
{
  g_autofree char *path = g_build_filename (TEST_DATADIR, "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  previous = dl_window_get_dataset (window);
  dl_window_open (window, file);
  g_assert_true (dl_test_wait_until (title_is, (gpointer) title, 20000));
  dl_test_wait_ms (300);
}

static DlSession *
session (void)
{
  return dl_window_get_session (window);
}

static const char *
selected_id (void)
{
  DlEvent *event = dl_session_get_selected_event (session ());

  return event != NULL ? dl_event_get_id (event) : NULL;
}

static void
key (guint keyval)
{
  dl_xtest_key (GTK_WIDGET (window), keyval, 0);
  dl_test_wait_ms (200);
}

static char *
sidebar_text (void)
{
  return dl_test_widget_text (dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_PANEL));
}

/* The story's slides in time order: Haifa, Nazareth (a guessed year), a day
 * without a place; Amman has no date and is last. */
static void
test_story_by_keys (void)
{
  static const char * const order[] = { "leaving-haifa", "nazareth", "a-day-of-rest", "amman" };
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));

  g_assert_true (dl_xtest_available ());
  open_fixture ("storymap.json", "A Journey East");
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_events (session ())), ==, 4);

  gtk_widget_grab_focus (map);
  dl_test_wait_ms (100);
  key (GDK_KEY_Home);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *text = NULL;

      if (i > 0)
        key (GDK_KEY_Right);
      g_assert_cmpstr (selected_id (), ==, order[i]);
      text = sidebar_text ();
      if (g_str_equal (order[i], "a-day-of-rest"))
        {
          g_assert_nonnull (strstr (text, "No place\nShown on the timeline only"));
          dl_test_save_png (GTK_WIDGET (window), NULL, "import-no-place.png");
        }
      else if (g_str_equal (order[i], "amman"))
        {
          g_assert_nonnull (strstr (text, "No date\nShown on the map only"));
          g_assert_null (strstr (text, "No place"));
          dl_test_save_png (GTK_WIDGET (window), NULL, "import-no-date.png");
        }
      else
        {
          g_assert_null (strstr (text, "No place"));
          g_assert_null (strstr (text, "No date"));
        }
    }
  /* Past the end, it stays. */
  key (GDK_KEY_Right);
  g_assert_cmpstr (selected_id (), ==, "amman");
}

static GtkWindow *
problem_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
problem_dialog_shown (gpointer data)
{
  return problem_dialog () != NULL && gtk_widget_get_mapped (GTK_WIDGET (problem_dialog ()));
}

static gboolean
problem_dialog_gone (gpointer data)
{
  return problem_dialog () == NULL;
}

/* An ACLED CSV opens in the same window; a file that cannot be read then
 * leaves it open. */
static void
test_csv_then_bad_file (void)
{
  g_autofree char *bad = g_build_filename (TEST_DATADIR, "import", "bad-header.csv", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  DlDataset *acled;

  open_fixture ("acled.csv", "ACLED events from acled.csv");
  acled = dl_window_get_dataset (window);
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_events (session ())), ==, 3);

  gtk_widget_grab_focus (dl_window_get_timeline (window));
  dl_test_wait_ms (100);
  key (GDK_KEY_End);
  g_assert_cmpstr (selected_id (), ==, "syr1002");
  key (GDK_KEY_Home);
  g_assert_cmpstr (selected_id (), ==, "syr1001");
  {
    g_autofree char *text = sidebar_text ();

    g_assert_nonnull (strstr (text, "Armed clash in Aleppo"));
    g_assert_nonnull (strstr (text, "Reuters"));
    g_assert_nonnull (strstr (text, "Fatalities"));
  }
  dl_test_save_png (GTK_WIDGET (window), NULL, "import-acled.png");

  /* The file that cannot be read: a dialog names the file, the line and
   * what is wrong; Escape closes it and what was open is still there. */
  dl_window_open (window, bad_file);
  g_assert_true (dl_test_wait_until (problem_dialog_shown, NULL, 10000));
  dl_test_wait_ms (300);
  {
    g_autofree char *text = dl_test_widget_text (GTK_WIDGET (problem_dialog ()));
    g_autofree char *expected = g_strdup_printf ("%s: line 1: error: the columns are not recognised", bad);

    g_assert_nonnull (strstr (text, expected));
  }
  dl_xtest_key (GTK_WIDGET (problem_dialog ()), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (problem_dialog_gone, NULL, 5000));
  g_assert_true (dl_window_get_dataset (window) == acled);
  g_assert_cmpstr (selected_id (), ==, "syr1001");
}

/* The bar that shows how far a file has been read, and what reveals it. */
static GtkProgressBar *
load_bar (void)
{
  return GTK_PROGRESS_BAR (dl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR));
}

static GtkRevealer *
load_revealer (void)
{
  return GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (load_bar ()), GTK_TYPE_REVEALER));
}

static gboolean
progress_shown (gpointer data)
{
  GtkRevealer *revealer = load_revealer ();
  GtkProgressBar *bar = load_bar ();

  return gtk_revealer_get_child_revealed (revealer) && gtk_progress_bar_get_fraction (bar) > 0.01;
}

static gboolean
progress_hidden (gpointer data)
{
  return !gtk_revealer_get_reveal_child (load_revealer ());
}

/* A large CSV shows how far it has been read; Cancel, clicked, stops it
 * and leaves the open dataset as it was. */
static void
test_progress_and_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-import-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) csv = g_string_new ("id,date,latitude,longitude,title,notes\n");
  DlDataset *before = dl_window_get_dataset (window);
  GtkWidget *cancel;
  graphene_rect_t bounds;

  g_assert_no_error (error);
  g_assert_nonnull (before);
  for (guint i = 0; i < 150000; i++)
    g_string_append_printf (csv, "e%u,2024-%02u-%02u,%u.5,%u.25,Event %u,\"Notes, with commas, for event %u\"\n",
                            i, 1 + i % 12, 1 + i % 28, 10 + i % 40, 20 + i % 50, i, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));

  dl_window_open (window, file);
  g_assert_true (dl_test_wait_until (progress_shown, NULL, 20000));
  dl_test_save_png (GTK_WIDGET (window), NULL, "import-progress.png");

  cancel = dl_test_find_widget (GTK_WIDGET (load_revealer ()), GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_compute_bounds (cancel, cancel, &bounds));
  dl_xtest_click (cancel, bounds.size.width / 2, bounds.size.height / 2);
  g_assert_true (dl_test_wait_until (progress_hidden, NULL, 5000));
  dl_test_wait_ms (300);
  /* Hidden, the bar gives its room back to the map (a revealer that only
   * hides its child would leave an empty band under the header bar). */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (load_revealer ())), ==, 0);
  g_assert_true (dl_window_get_dataset (window) == before);
  g_assert_cmpstr (dl_dataset_get_title (dl_window_get_dataset (window)), ==, "ACLED events from acled.csv");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);

  window = dl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dl_test_wait_ms (300);

  g_test_add_func ("/import-window/story-by-keys", test_story_by_keys);
  g_test_add_func ("/import-window/csv-then-bad-file", test_csv_then_bad_file);
  g_test_add_func ("/import-window/progress-and-cancel", test_progress_and_cancel);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));

  return status;
}
