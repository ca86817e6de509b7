/* test-category-window.c: a new category with a colour, made in the editor with real input
 *
 * A copy of the bundled dataset is opened; an event's editor is opened
 * with its shortcut, the category row's last item ("New Category…")
 * chosen by click and keys, the dialog's name typed and a colour swatch
 * clicked; Enter makes the category. The event then has it, the dataset
 * defines it, and the legend draws it in that colour; one undo takes it
 * all back, and Escape closes the dialog without a change. The pencil
 * beside the row renames a category and changes its colour the same
 * way, for every event of it. Every press and click is an X event sent
 * with XTest (tests/dl-xtest.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "dl-category.h"
#include "dl-category-dialog.h"
#include "dl-dataset-categories.h"
#include "dl-event-editor.h"
#include "dl-legend.h"
#include "dl-test-tree.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

#define EVENT_ID "school-strike-gaza-city"

static DlWindow *window;
static char *dir;

/* Helpers */

static DlCategoryDialog *
find_dialog (void)
{
  return dl_test_find_toplevel (DL_TYPE_CATEGORY_DIALOG);
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static void
key (GtkWidget       *target,
     guint            keyval,
     GdkModifierType  mods)
{
  dl_xtest_key (target, keyval, mods);
  dl_test_wait_ms (150);
}

static void
click (GtkWidget *widget)
{
  g_assert_true (dl_test_wait_pickable (widget, 3000));
  dl_xtest_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  dl_test_wait_ms (150);
}

/* The category row's last item, chosen as a person would: the row
 * clicked, End, Enter. The dialog is then open. */
static DlCategoryDialog *
open_dialog (GtkWidget *category_row)
{
  click (category_row);
  key (GTK_WIDGET (window), GDK_KEY_End, 0);
  key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (dialog_shown, NULL, 5000));
  dl_test_wait_ms (300);
  return find_dialog ();
}

/* The first widget at or below @widget whose tooltip is @text: an icon
 * button, as a person finds it by hovering. */
/* How many pixels of the legend, as drawn, are @color. */
static guint
legend_pixels_of (guint32 color)
{
  GtkWidget *legend = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "category-window-legend.png", NULL);
  cairo_surface_t *png;
  const guint8 *data;
  int stride;
  guint n = 0;
  double r = ((color >> 16) & 0xff) / 255.0, g = ((color >> 8) & 0xff) / 255.0, b = (color & 0xff) / 255.0;

  g_assert_nonnull (legend);
  dl_test_save_png (legend, NULL, "category-window-legend.png");
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (png);
  stride = cairo_image_surface_get_stride (png);
  for (int y = 0; y < cairo_image_surface_get_height (png); y++)
    for (int x = 0; x < cairo_image_surface_get_width (png); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);

        if (fabs (((pixel >> 16) & 0xff) / 255.0 - r) < 0.03 && fabs (((pixel >> 8) & 0xff) / 255.0 - g) < 0.03
            && fabs ((pixel & 0xff) / 255.0 - b) < 0.03)
          n++;
      }
  cairo_surface_destroy (png);
  return n;
}

/* Tests */

static void
test_new_category (void)
{
  DlSession *session = dl_window_get_session (window);
  DlDataset *dataset = dl_window_get_dataset (window);
  DlEditStack *edits = dl_session_get_edit_stack (session);
  guint32 magenta = dl_category_palette_get (1);
  const DlCategoryDef *def;
  DlCategoryDialog *dialog;
  GtkWidget *editor;
  GtkWidget *category_row;
  GtkWidget *name_row;
  DlEvent *event;

  g_assert_true (dl_xtest_available ());
  g_assert_true (dl_window_select_event (window, EVENT_ID));
  event = dl_session_get_selected_event (session);
  g_assert_cmpstr (dl_event_get_category (event), ==, "strike");
  click (GTK_WIDGET (dl_window_get_timeline (window)));
  g_assert_true (dl_window_select_event (window, EVENT_ID));
  key (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  category_row = dl_test_find_row (editor, ADW_TYPE_COMBO_ROW, "Category");
  g_assert_nonnull (category_row);
  g_assert_cmpuint (legend_pixels_of (magenta), ==, 0);

  /* The dialog: the name typed where the focus starts, a colour clicked,
   * then back to the name and Enter. */
  dialog = open_dialog (category_row);
  g_assert_nonnull (dialog);
  /* Choosing "New Category…" is no edit: the row shows the event's own. */
  g_assert_cmpstr (dl_event_get_category (event), ==, "strike");
  g_assert_false (dl_edit_stack_get_modified (edits));
  dl_xtest_type (GTK_WIDGET (dialog), "Flood relief");
  dl_test_wait_ms (150);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dl_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                                  "Name, as a reader would say it"))),
                   ==, "Flood relief");
  dl_test_save_png (GTK_WIDGET (dialog), NULL, "category-window-dialog.png");
  click (dl_category_dialog_get_swatch (dialog, 1));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dl_category_dialog_get_swatch (dialog, 1))));
  name_row = dl_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name, as a reader would say it");
  g_assert_nonnull (name_row);
  click (name_row);
  key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (dialog_gone, NULL, 5000));

  /* The event has it, the dataset defines it, the legend draws it. */
  g_assert_cmpstr (dl_event_get_category (event), ==, "flood-relief");
  def = dl_dataset_lookup_category (dataset, "flood-relief");
  g_assert_nonnull (def);
  g_assert_cmpstr (def->label, ==, "Flood relief");
  g_assert_cmphex (def->color, ==, magenta);
  g_assert_cmpstr (dl_edit_stack_get_undo_label (edits), ==, "New Category");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (category_row)), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (category_row))),
                   ==, "Flood relief");
  dl_test_wait_ms (500);
  dl_test_save_png (GTK_WIDGET (window), NULL, "category-window.png");
  g_assert_cmpuint (legend_pixels_of (magenta), >=, 30);

  /* One undo: the event's category and the definition go back. */
  click (GTK_WIDGET (dl_window_get_timeline (window)));
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (dl_event_get_category (event), ==, "strike");
  g_assert_null (dl_dataset_lookup_category (dataset, "flood-relief"));
  dl_test_wait_ms (500);
  g_assert_cmpuint (legend_pixels_of (magenta), ==, 0);
}

/* Escape closes the dialog and changes nothing. */
static void
test_escape (void)
{
  DlSession *session = dl_window_get_session (window);
  DlDataset *dataset = dl_window_get_dataset (window);
  GtkWidget *editor;
  GtkWidget *category_row;
  DlCategoryDialog *dialog;
  DlEvent *event;
  guint n = dl_dataset_get_n_categories (dataset);

  g_assert_true (dl_window_select_event (window, EVENT_ID));
  event = dl_session_get_selected_event (session);
  if (!g_str_equal (dl_window_get_sidebar_page (window), "editor"))
    key (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  category_row = dl_test_find_row (editor, ADW_TYPE_COMBO_ROW, "Category");

  dialog = open_dialog (category_row);
  g_assert_nonnull (dialog);
  dl_xtest_type (GTK_WIDGET (dialog), "Never made");
  dl_test_wait_ms (150);
  key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (dialog_gone, NULL, 5000));
  g_assert_cmpstr (dl_event_get_category (event), ==, "strike");
  g_assert_cmpuint (dl_dataset_get_n_categories (dataset), ==, n);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (category_row))),
                   ==, "Strike");
}

/* Whether the legend lists the category named @name (a line of its own). */
static gboolean
legend_names (const char *name)
{
  GtkWidget *legend = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND);
  g_autofree char *text = dl_test_widget_text (legend);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strv_contains ((const char * const *) lines, name);
}

/* The pencil beside the category: a built-in category renamed and given
 * a colour of the palette, for every event of it; one undo takes both back. */
static void
test_edit_category (void)
{
  DlSession *session = dl_window_get_session (window);
  DlDataset *dataset = dl_window_get_dataset (window);
  DlEditStack *edits = dl_session_get_edit_stack (session);
  guint32 red = dl_category_get_rgb (dataset, "strike");
  guint32 cyan = dl_category_palette_get (0);
  GtkWidget *editor;
  GtkWidget *button;
  GtkWidget *name_row;
  GtkWidget *save;
  DlCategoryDialog *dialog;
  const DlCategoryDef *def;
  DlEvent *event;

  g_assert_true (dl_window_select_event (window, EVENT_ID));
  event = dl_session_get_selected_event (session);
  g_assert_cmpstr (dl_event_get_category (event), ==, "strike");
  if (!g_str_equal (dl_window_get_sidebar_page (window), "editor"))
    key (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  button = dl_test_find_by_tooltip (dl_test_find_row (editor, ADW_TYPE_COMBO_ROW, "Category"), "Edit Category");
  g_assert_nonnull (button);
  g_assert_null (dl_dataset_lookup_category (dataset, "strike"));
  g_assert_cmpuint (legend_pixels_of (red), >=, 30);
  g_assert_cmpuint (legend_pixels_of (cyan), ==, 0);
  g_assert_true (legend_names ("Strike"));

  click (button);
  g_assert_true (dl_test_wait_until (dialog_shown, NULL, 5000));
  dl_test_wait_ms (300);
  dialog = find_dialog ();
  /* Filled in: the name as shown, the category's own red chosen first
   * (the palette lacks it), then the palette. */
  name_row = dl_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name, as a reader would say it");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Strike");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dl_category_dialog_get_swatch (dialog, 0))));
  dl_test_save_png (GTK_WIDGET (dialog), NULL, "category-window-edit-dialog.png");

  /* A new name typed over the old, the palette's first colour clicked,
   * then Save. */
  click (name_row);
  key (GTK_WIDGET (dialog), GDK_KEY_a, GDK_CONTROL_MASK);
  dl_xtest_type (GTK_WIDGET (dialog), "Air strike");
  dl_test_wait_ms (150);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Air strike");
  click (dl_category_dialog_get_swatch (dialog, 1));
  /* Held: the click closes the dialog, and the click's sync looks at the
   * button once it is done. */
  save = g_object_ref (dl_test_find_button (GTK_WIDGET (dialog), "_Save"));
  click (save);
  g_object_unref (save);
  g_assert_true (dl_test_wait_until (dialog_gone, NULL, 5000));

  def = dl_dataset_lookup_category (dataset, "strike");
  g_assert_nonnull (def);
  g_assert_cmpstr (def->label, ==, "Air strike");
  g_assert_cmphex (def->color, ==, cyan);
  g_assert_cmpstr (dl_event_get_category (event), ==, "strike");
  g_assert_cmpstr (dl_category_get_label (dataset, "strike"), ==, "Air strike");
  g_assert_cmpstr (dl_edit_stack_get_undo_label (edits), ==, "Edit Category");
  dl_test_wait_ms (500);
  g_assert_cmpuint (legend_pixels_of (cyan), >=, 30);
  g_assert_cmpuint (legend_pixels_of (red), ==, 0);
  /* Its new name too (it kept the old one while the colour changed). */
  g_assert_true (legend_names ("Air strike"));
  g_assert_false (legend_names ("Strike"));

  /* One undo: the built-in name and red again. */
  click (GTK_WIDGET (dl_window_get_timeline (window)));
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_null (dl_dataset_lookup_category (dataset, "strike"));
  g_assert_cmpstr (dl_category_get_label (dataset, "strike"), ==, "Strike");
  dl_test_wait_ms (500);
  g_assert_cmpuint (legend_pixels_of (red), >=, 30);
  g_assert_cmpuint (legend_pixels_of (cyan), ==, 0);
  g_assert_true (legend_names ("Strike"));
  g_assert_false (legend_names ("Air strike"));

  /* The window as the next test expects it: the event's details. */
  key (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "details");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);
  window = dl_test_window_new_on_copy ("dateline-test-category-window", &dir);

  g_test_add_func ("/category-window/edit-category", test_edit_category);
  g_test_add_func ("/category-window/new-category", test_new_category);
  g_test_add_func ("/category-window/escape", test_escape);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));

  dl_test_remove_tree (dir);
  g_free (dir);

  return status;
}
