/* test-import-window.c: other tools' files in the window, driven by real keys
 *
 * A StoryMapJS story and ACLED CSV are opened as Open… and a drop open them
 * (dl_window_open); XTest key presses step through their events, among
 * them one without a place and one without a date, and the sidebar says so.
 * A file that cannot be read leaves the open dataset as it was; a large
 * one shows a progress bar whose Cancel, clicked, stops it. A CSV that is
 * neither ACLED nor UCDP GED asks what its columns hold: columns are picked
 * by clicks and keys in the mapping dialog, the events load, and the next
 * file with that header opens without asking. A GeoJSON file whose date
 * property has an uncommon name asks the same for its properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dl-event-panel.h"
#include "dl-import-dialog.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-test-tree.h"
#include "dl-xtest.h"
#include "dl-synthetic.h"

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

static GtkWidget *find_with_text (GtkWidget  *widget,
                                  GType       type,
                                  const char *text);

static gboolean
toast_gone (gpointer text)
{
  return find_with_text (GTK_WIDGET (window), GTK_TYPE_LABEL, text) == NULL;
}

static gboolean
selected_is (gpointer data)
{
  return g_strcmp0 (selected_id (), data) == 0;
}

/* With nothing selected, the sidebar lists the events one view cannot
 * show (a slide without a place, one without a date), and a click on one
 * selects it. The map frames the placed events, not 0° 0° for the one
 * without a place. */
static void
test_unshown_events (void)
{
  GtkWidget *panel = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_PANEL);
  ShumateViewport *viewport = shumate_map_get_viewport (dl_window_get_map (window));
  g_autofree char *text = NULL;
  graphene_rect_t bounds;
  GtkWidget *row;

  g_assert_true (dl_xtest_available ());
  open_fixture ("storymap.json", "A Journey East");
  dl_session_select (session (), NULL);
  dl_test_wait_ms (300);

  text = sidebar_text ();
  g_assert_nonnull (strstr (text, "Not on the Map\nThese events have no place: the timeline shows them.\nA day of rest"));
  g_assert_nonnull (strstr (text, "Not on the Timeline\nThese events have no date: the map shows them.\nAmman"));
  g_test_message ("map at zoom %.2f, %.3f %.3f", shumate_viewport_get_zoom_level (viewport),
                  shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                  shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >=, 6);
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), >, 30);

  /* The file's "Opened with 6 warnings" toast may lie over the row: a
   * person waits for it to go. */
  g_assert_true (dl_test_wait_until (toast_gone, "Opened with 6 warnings", 15000));
  row = dl_test_find_row (panel, ADW_TYPE_ACTION_ROW, "Amman");
  g_assert_nonnull (row);
  /* Scrolled into view, as Tab would. */
  gtk_widget_grab_focus (row);
  dl_test_wait_ms (300);
  /* At a place in the panel: the row is gone once the event is shown. */
  g_assert_true (gtk_widget_compute_bounds (row, panel, &bounds));
  dl_xtest_click (panel, bounds.origin.x + bounds.size.width / 2, bounds.origin.y + bounds.size.height / 2);
  g_assert_true (dl_test_wait_until (selected_is, (gpointer) "amman", 5000));

  dl_session_select (session (), NULL);
  dl_test_wait_ms (300);
  row = dl_test_find_row (panel, ADW_TYPE_ACTION_ROW, "A day of rest");
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  dl_test_wait_ms (300);
  dl_xtest_key (panel, GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (selected_is, (gpointer) "a-day-of-rest", 5000));
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
  /* Empty: no header to choose columns from (a header that is not
   * recognised opens the mapping dialog, below). */
  g_autofree char *bad = g_build_filename (TEST_DATADIR, "import", "empty.csv", NULL);
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
    g_autofree char *body = g_strdup_printf ("“%s”:", bad);

    /* The whole path once, then each problem with the file's name. */
    g_assert_nonnull (strstr (text, body));
    g_assert_nonnull (strstr (text, "\nempty.csv: line 1: error: the file is empty: a CSV file needs a header line"));
  }
  dl_xtest_key (GTK_WIDGET (problem_dialog ()), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (problem_dialog_gone, NULL, 5000));
  g_assert_true (dl_window_get_dataset (window) == acled);
  g_assert_cmpstr (selected_id (), ==, "syr1001");
}

/* The column-mapping dialog */

static DlImportDialog *
mapping_dialog (void)
{
  return dl_test_find_toplevel (DL_TYPE_IMPORT_DIALOG);
}

static gboolean
mapping_dialog_shown (gpointer data)
{
  return mapping_dialog () != NULL;
}

static gboolean
mapping_dialog_gone (gpointer data)
{
  return mapping_dialog () == NULL;
}

/* The first mapped widget of @type under @widget whose text is @text. */
static GtkWidget *
find_with_text (GtkWidget  *widget,
                GType       type,
                const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    {
      const char *own = GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                        : GTK_IS_BUTTON (widget) ? gtk_button_get_label (GTK_BUTTON (widget)) : NULL;

      if (g_strcmp0 (own, text) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_text (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click_center (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_nonnull (widget);
  /* A toast's button slides in with it. */
  g_assert_true (dl_test_wait_pickable (widget, 5000));
  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  dl_xtest_click (widget, bounds.size.width / 2, bounds.size.height / 2);
  dl_test_wait_ms (250);
}

/* The same, for a widget the click destroys (the dialog's buttons): aimed
 * through the main window, which stays. */
static void
click_center_closing (GtkWidget *widget)
{
  graphene_rect_t bounds;
  int x, y, window_x, window_y;

  g_assert_nonnull (widget);
  /* A toast's button slides in with it. */
  g_assert_true (dl_test_wait_pickable (widget, 5000));
  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  dl_xtest_to_root (widget, bounds.size.width / 2, bounds.size.height / 2, &x, &y);
  dl_xtest_to_root (GTK_WIDGET (window), 0, 0, &window_x, &window_y);
  dl_xtest_click (GTK_WIDGET (window), x - window_x, y - window_y);
  dl_test_wait_ms (250);
}

/* The popover a combo row opens, while it is open. */
static GtkWidget *
open_popover (GtkWidget *row)
{
  GtkWidget *popover = dl_test_find_widget (row, GTK_TYPE_POPOVER);

  return popover != NULL && gtk_widget_get_mapped (popover) ? popover : NULL;
}

static gboolean
popover_open (gpointer row)
{
  return open_popover (row) != NULL;
}

static gboolean
popover_closed (gpointer row)
{
  return open_popover (row) == NULL;
}

typedef struct {
  GtkWidget  *row;
  const char *column;
} Item;

static gboolean
item_shown (gpointer data)
{
  Item *item = data;

  return open_popover (item->row) != NULL
         && find_with_text (open_popover (item->row), GTK_TYPE_LABEL, item->column) != NULL;
}

/* Whether the keyboard focus is on the item of the row's open list that
 * shows the column's name. */
static gboolean
item_focused (gpointer data)
{
  Item *item = data;
  GtkWidget *popover = open_popover (item->row);
  GtkWidget *focus;

  if (popover == NULL)
    return FALSE;
  focus = gtk_root_get_focus (gtk_widget_get_root (popover));
  /* On a row of the list, not on the list itself (which holds every
   * name): a row is a child of the list view. */
  return focus != NULL && gtk_widget_is_ancestor (focus, popover)
         && GTK_IS_LIST_VIEW (gtk_widget_get_parent (focus))
         && find_with_text (focus, GTK_TYPE_LABEL, item->column) != NULL;
}

/* Clicks the row, then the column's name in the list it opens. */
static void
pick_by_clicks (DlImportDialog *dialog,
                DlImportRole    role,
                const char     *column)
{
  GtkWidget *row = dl_import_dialog_get_row (dialog, role);
  Item item = { row, column };

  /* The row may be below the fold: scrolled to as a person would. */
  gtk_widget_grab_focus (row);
  dl_test_wait_ms (150);
  click_center (row);
  g_assert_true (dl_test_wait_until (item_shown, &item, 5000));
  click_center (find_with_text (open_popover (row), GTK_TYPE_LABEL, column));
  g_assert_true (dl_test_wait_until (popover_closed, row, 5000));
}

static char *
chosen (DlImportDialog *dialog,
        DlImportRole    role)
{
  g_autoptr(DlImportMapping) mapping = dl_import_dialog_get_mapping (dialog);

  return g_strdup (dl_import_mapping_get (mapping, role));
}

/* Opens the focused row's list with Enter, walks down it with arrows to
 * the column, rests the pointer on the list and chooses with Enter. Each
 * key is sent once the list shows the previous one's effect: a key sent
 * before the list has taken focus would be lost, as it would for a person
 * typing ahead of the screen. */
static void
pick_by_keys (DlImportDialog *dialog,
              DlImportRole    role,
              const char     *column)
{
  /* mapped.csv's header, as its list shows it after "None". */
  static const char * const header[] = {
    "Headline", "Day", "Until", "Lat deg", "Lon deg", "Spot", "Where", "Kind", "Notes", "Reporter", "Ref", NULL
  };
  GtkWidget *row = dl_import_dialog_get_row (dialog, role);
  g_autofree char *picked = NULL;
  Item item = { row, "None" };
  GtkWidget *list;
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_has_focus (row));
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (popover_open, row, 5000));
  list = dl_test_find_widget (open_popover (row), GTK_TYPE_LIST_VIEW);
  g_assert_true (gtk_widget_compute_bounds (list, list, &bounds));
  dl_xtest_move (list, bounds.size.width / 2, bounds.size.height / 2);
  g_assert_true (dl_test_wait_until (item_focused, &item, 5000));
  for (guint i = 0; header[i] != NULL && g_strcmp0 (item.column, column) != 0; i++)
    {
      dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Down, 0);
      item.column = header[i];
      g_assert_true (dl_test_wait_until (item_focused, &item, 5000));
    }
  g_assert_cmpstr (item.column, ==, column);
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (popover_closed, row, 5000));
  picked = chosen (dialog, role);
  g_assert_cmpstr (picked, ==, column);
}

static char *
copy_fixture (const char *dir,
              const char *fixture,
              const char *name)
{
  g_autofree char *from = g_build_filename (TEST_DATADIR, "import", fixture, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *to = g_build_filename (dir, name, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, &error));
  g_assert_true (g_file_set_contents (to, contents, len, &error));
  return to;
}

static gboolean
dataset_changed (gpointer data)
{
  return dl_window_get_dataset (window) != NULL && dl_window_get_dataset (window) != previous;
}

/* The message dialog headed @heading, while one is shown. */
static AdwMessageDialog *
message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static gboolean
warnings_shown (gpointer data)
{
  return message_dialog ("Opened with Warnings") != NULL;
}

static gboolean
warnings_gone (gpointer data)
{
  return message_dialog ("Opened with Warnings") == NULL;
}

static gboolean
toast_shown (gpointer text)
{
  return find_with_text (GTK_WIDGET (window), GTK_TYPE_LABEL, text) != NULL;
}

/* A file that opens with warnings says how many in a toast, and its Show
 * button lists each with its place in the file. */
static void
test_open_warnings (void)
{
  AdwMessageDialog *dialog;
  GtkWidget *show;
  g_autofree char *text = NULL;

  open_fixture ("features.geojson", "Field notes");
  g_assert_true (dl_test_wait_until (toast_shown, "Opened with 3 warnings", 10000));
  /* The toast's button (the toast shown is this file's). */
  show = find_with_text (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Show");
  g_assert_nonnull (show);
  click_center_closing (show);
  g_assert_true (dl_test_wait_until (warnings_shown, NULL, 5000));
  dialog = message_dialog ("Opened with Warnings");
  text = dl_test_widget_text (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (text, "\nfeatures.geojson: features[4]: warning: the feature's geometry cannot be read: skipped"));
  g_assert_nonnull (strstr (text, "1 of 6 features could not be read and was skipped"));
  dl_test_save_png (GTK_WIDGET (dialog), NULL, "import-open-warnings.png");
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (warnings_gone, NULL, 5000));
}

/* Escape closes the dialog and what was open stays; then the columns are
 * picked by clicks and by keys, the preview follows, Open loads the events
 * and the choice is remembered for the header. */
static void
test_mapping_dialog (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-mapping-XXXXXX", &error);
  g_autofree char *path = copy_fixture (dir, "mapped.csv", "reports.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GVariant) mapping = NULL;
  DlImportDialog *dialog;
  GtkWidget *date;
  DlEvent *e;

  g_assert_no_error (error);
  previous = dl_window_get_dataset (window);
  g_assert_nonnull (previous);

  /* Escape: nothing is opened, nothing is remembered. */
  dl_window_open (window, file);
  g_assert_true (dl_test_wait_until (mapping_dialog_shown, NULL, 10000));
  dl_test_wait_ms (300);
  dl_xtest_key (GTK_WIDGET (mapping_dialog ()), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (mapping_dialog_gone, NULL, 5000));
  dl_test_wait_ms (300);
  g_assert_true (dl_window_get_dataset (window) == previous);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
    dl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR), GTK_TYPE_REVEALER))));
  /* (The large file of the progress test was opened with its first choice.) */
  saved = g_settings_get_value (settings, "csv-mappings");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 1);
  g_clear_pointer (&saved, g_variant_unref);

  dl_window_open (window, file);
  g_assert_true (dl_test_wait_until (mapping_dialog_shown, NULL, 10000));
  dl_test_wait_ms (300);
  dialog = mapping_dialog ();
  {
    g_autofree char *text = dl_test_widget_text (GTK_WIDGET (dialog));

    /* The header and the first rows are shown. */
    g_assert_nonnull (strstr (text, "Lat deg"));
    g_assert_nonnull (strstr (text, "Khan Younis market"));
  }
  /* Guessed by its usual name: only the end date gives an event. */
  g_assert_cmpuint (dl_import_dialog_get_n_preview_events (dialog), ==, 1);

  /* By keys alone: Tab reaches the row, Enter opens the list, arrows
   * move, Enter chooses. */
  date = dl_import_dialog_get_row (dialog, DL_IMPORT_ROLE_DATE);
  gtk_widget_grab_focus (dl_import_dialog_get_row (dialog, DL_IMPORT_ROLE_TITLE));
  dl_test_wait_ms (150);
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Tab, 0);
  g_assert_true (gtk_widget_has_focus (date));
  pick_by_keys (dialog, DL_IMPORT_ROLE_DATE, "Day");
  /* Every row with a date or an end date: the one with a bad date is not. */
  g_assert_cmpuint (dl_import_dialog_get_n_preview_events (dialog), ==, 3);

  pick_by_clicks (dialog, DL_IMPORT_ROLE_LATITUDE, "Lat deg");
  pick_by_clicks (dialog, DL_IMPORT_ROLE_LONGITUDE, "Lon deg");
  g_assert_cmpuint (dl_import_dialog_get_n_preview_events (dialog), ==, 4);
  /* A column far down the list, by keys, with the pointer resting on the
   * list as the arrows scroll it: on GTK 4.8 the row the pointer comes to
   * lie on was chosen instead of the focused one ("Spot" for "Kind"). */
  gtk_widget_grab_focus (dl_import_dialog_get_row (dialog, DL_IMPORT_ROLE_CATEGORY));
  dl_test_wait_ms (150);
  pick_by_keys (dialog, DL_IMPORT_ROLE_CATEGORY, "Kind");
  {
    g_autofree char *kind = chosen (dialog, DL_IMPORT_ROLE_CATEGORY);

    g_assert_cmpstr (kind, ==, "Kind");
  }
  dl_test_save_png (GTK_WIDGET (dialog), NULL, "import-mapping-dialog.png");

  click_center_closing (find_with_text (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Open"));
  g_assert_true (dl_test_wait_until (dataset_changed, NULL, 10000));
  g_assert_null (mapping_dialog ());
  g_assert_cmpstr (dl_dataset_get_title (dl_window_get_dataset (window)), ==, "reports");
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_events (session ())), ==, 4);
  e = dl_dataset_lookup_event (dl_window_get_dataset (window), "market-fire");
  g_assert_nonnull (e);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-10");
  g_assert_cmpstr (dl_event_get_category (e), ==, "fire");
  g_assert_cmpfloat_with_epsilon (dl_event_get_anchor (e).lat, 31.52, 1e-9);
  e = dl_dataset_lookup_event (dl_window_get_dataset (window), "flood");
  g_assert_nonnull (e);
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);

  /* Remembered under the header's key. */
  saved = g_settings_get_value (settings, "csv-mappings");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 2);
  {
    static const char * const header[] = { "Headline", "Day", "Until", "Lat deg", "Lon deg", "Spot", "Where",
                                           "Kind", "Notes", "Reporter", "Ref", NULL };
    g_autofree char *key = dl_import_header_key (header);
    const char *column = NULL;

    mapping = g_variant_lookup_value (saved, key, G_VARIANT_TYPE ("a{ss}"));
    g_assert_nonnull (mapping);
    g_assert_true (g_variant_lookup (mapping, "date", "&s", &column));
    g_assert_cmpstr (column, ==, "Day");
    g_assert_true (g_variant_lookup (mapping, "category", "&s", &column));
    g_assert_cmpstr (column, ==, "Kind");
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean dialog_seen;

static gboolean
loaded_without_dialog (gpointer data)
{
  dialog_seen |= mapping_dialog () != NULL;
  return dataset_changed (data);
}

/* Another export with the same header opens directly, read the same way. */
static void
test_mapping_remembered (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-mapping-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "next-week.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char csv[] = "HEADLINE;Day;Until;Lat deg;Lon deg;Spot;Where;Kind;Notes;Reporter;Ref\n"
                            "Strike;2024-08-20;;31.5;34.46;;;Strike;;;\n";
  DlEvent *e;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, csv, -1, &error));
  previous = dl_window_get_dataset (window);
  dialog_seen = FALSE;
  dl_window_open (window, file);
  g_assert_true (dl_test_wait_until (loaded_without_dialog, NULL, 10000));
  g_assert_false (dialog_seen);
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_events (session ())), ==, 1);
  e = g_list_model_get_item (dl_session_get_events (session ()), 0);
  g_assert_cmpstr (dl_event_get_title (e), ==, "Strike");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-20");
  g_assert_cmpstr (dl_event_get_category (e), ==, "strike");
  g_object_unref (e);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* GeoJSON whose dates are in a property of an uncommon name: the same
 * dialog offers the features' properties (and no coordinate columns: the
 * geometry is the place); picked by clicks and keys, remembered for that
 * set of properties in whatever order the next file writes them. */
static void
test_geojson_mapping (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-mapping-XXXXXX", &error);
  g_autofree char *path = copy_fixture (dir, "mapped.geojson", "notes.geojson");
  g_autofree char *next_path = g_build_filename (dir, "next.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) next = g_file_new_for_path (next_path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) saved = NULL;
  static const char reordered[] =
    "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": null, "
    "\"properties\": {\"Verletzte\": 1, \"Ref\": \"x\", \"Notiz\": \"\", \"Ort\": \"\", \"Art\": \"\", "
    "\"Bis\": \"2024-09-03\", \"Datum\": \"2024-09-01\", \"Titel\": \"Talks\"}}]}";
  DlImportDialog *dialog;
  GtkWidget *end_row;
  DlEvent *e;

  g_assert_no_error (error);
  previous = dl_window_get_dataset (window);
  dl_window_open (window, file);
  g_assert_true (dl_test_wait_until (mapping_dialog_shown, NULL, 10000));
  dl_test_wait_ms (300);
  dialog = mapping_dialog ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Choose Properties");
  {
    g_autofree char *text = dl_test_widget_text (GTK_WIDGET (dialog));

    /* The properties and the first features' values. */
    g_assert_nonnull (strstr (text, "Datum"));
    g_assert_nonnull (strstr (text, "10 August 2024"));
  }
  /* The geometry is the place: no coordinate or WKT columns to choose. */
  g_assert_null (dl_import_dialog_get_row (dialog, DL_IMPORT_ROLE_LATITUDE));
  g_assert_null (dl_import_dialog_get_row (dialog, DL_IMPORT_ROLE_WKT));
  /* Nothing chosen: the four features with a geometry, undated. */
  g_assert_cmpuint (dl_import_dialog_get_n_preview_events (dialog), ==, 4);
  g_assert_true (gtk_widget_get_sensitive (find_with_text (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Open")));

  pick_by_clicks (dialog, DL_IMPORT_ROLE_TITLE, "Titel");
  pick_by_clicks (dialog, DL_IMPORT_ROLE_DATE, "Datum");
  /* The feature without a geometry now has a date. */
  g_assert_cmpuint (dl_import_dialog_get_n_preview_events (dialog), ==, 5);

  /* The end date's row is reached by Tab and opens by Enter; Escape
   * closes its list unchanged (choosing in the list by arrows is
   * test_mapping_dialog's); then Bis is clicked. */
  end_row = dl_import_dialog_get_row (dialog, DL_IMPORT_ROLE_END_DATE);
  gtk_widget_grab_focus (dl_import_dialog_get_row (dialog, DL_IMPORT_ROLE_DATE));
  dl_test_wait_ms (150);
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Tab, 0);
  g_assert_true (gtk_widget_has_focus (end_row));
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (popover_open, end_row, 5000));
  dl_test_wait_ms (250);
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (popover_closed, end_row, 5000));
  g_assert_nonnull (mapping_dialog ());
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (end_row)), ==, 0);
  pick_by_clicks (dialog, DL_IMPORT_ROLE_END_DATE, "Bis");
  {
    g_autofree char *until = chosen (dialog, DL_IMPORT_ROLE_END_DATE);

    g_assert_cmpstr (until, ==, "Bis");
  }
  dl_test_save_png (GTK_WIDGET (dialog), NULL, "import-geojson-dialog.png");

  click_center_closing (find_with_text (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Open"));
  g_assert_true (dl_test_wait_until (dataset_changed, NULL, 10000));
  g_assert_null (mapping_dialog ());
  g_assert_cmpstr (dl_dataset_get_title (dl_window_get_dataset (window)), ==, "Feldnotizen");
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_events (session ())), ==, 5);
  e = dl_dataset_lookup_event (dl_window_get_dataset (window), "market-fire");
  g_assert_nonnull (e);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-10/2024-08-12");
  e = dl_dataset_lookup_event (dl_window_get_dataset (window), "announcement");
  g_assert_nonnull (e);
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-08-14");
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 0);

  saved = g_settings_get_value (settings, "geojson-mappings");
  g_assert_cmpuint (g_variant_n_children (saved), ==, 1);

  /* The same properties in another order: read the same way, unasked. */
  g_assert_true (g_file_set_contents (next_path, reordered, -1, &error));
  previous = dl_window_get_dataset (window);
  dialog_seen = FALSE;
  dl_window_open (window, next);
  g_assert_true (dl_test_wait_until (loaded_without_dialog, NULL, 10000));
  g_assert_false (dialog_seen);
  e = g_list_model_get_item (dl_session_get_events (session ()), 0);
  g_assert_cmpstr (dl_event_get_title (e), ==, "Talks");
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-09-01/2024-09-03");
  g_object_unref (e);

  dl_test_remove_tree (dir);
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
  /* Its columns have their usual names: the dialog's first choice is right. */
  g_assert_true (dl_test_wait_until (mapping_dialog_shown, NULL, 10000));
  dl_test_wait_ms (300);
  click_center_closing (find_with_text (GTK_WIDGET (mapping_dialog ()), GTK_TYPE_BUTTON, "_Open"));
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

/* A large native dataset: the bar shows how far the loader has read it (a
 * fraction, not a pulse), then the dataset opens. */
static gboolean
fraction_shown (gpointer data)
{
  double *seen = data;
  double fraction = gtk_progress_bar_get_fraction (load_bar ());

  if (gtk_revealer_get_child_revealed (load_revealer ()) && fraction > 0.01 && fraction < 0.99)
    *seen = fraction;
  return *seen > 0;
}

static void
test_native_progress (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dateline-native-progress-XXXXXX", &error);
  g_autofree char *path = dl_synthetic_write (dir, 60000, 13, &error);
  g_autoptr(GFile) file = NULL;
  double seen = 0;

  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  previous = dl_window_get_dataset (window);
  dl_window_open (window, file);
  g_assert_true (dl_test_wait_until (fraction_shown, &seen, 20000));
  g_test_message ("the bar showed %.0f %% while the dataset loaded", 100 * seen);
  g_assert_true (dl_test_wait_until (dataset_changed, NULL, 60000));
  g_assert_true (dl_test_wait_until (progress_hidden, NULL, 5000));
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_events (session ())), ==, 60000);

  dl_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);

  window = dl_test_window_new ();
  dl_test_wait_ms (300);

  g_test_add_func ("/import-window/story-by-keys", test_story_by_keys);
  g_test_add_func ("/import-window/unshown-events", test_unshown_events);
  g_test_add_func ("/import-window/csv-then-bad-file", test_csv_then_bad_file);
  g_test_add_func ("/import-window/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/import-window/mapping-dialog", test_mapping_dialog);
  g_test_add_func ("/import-window/mapping-remembered", test_mapping_remembered);
  g_test_add_func ("/import-window/geojson-mapping", test_geojson_mapping);
  g_test_add_func ("/import-window/native-progress", test_native_progress);
  g_test_add_func ("/import-window/open-warnings", test_open_warnings);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));

  return status;
}
