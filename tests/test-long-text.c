/* test-long-text.c: texts at the size limit do not stall the window
 *
 * A 64 KiB summary or description (the most a dataset may hold) used to be
 * laid out whole in a wrapped label, for seconds at every width change. The
 * event panel now shows its start and a "Read All" button; a real click
 * opens the whole text in a text view (laid out as it scrolls) and Escape
 * closes it again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-long-text"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "dl-dataset.h"
#include "dl-event-panel.h"
#include "dl-test-util.h"
#include "dl-text.h"
#include "dl-xtest.h"

#define LONG_CHARS 65000

static DlDataset *dataset;
static char *long_text;
static char *tmpdir;

/* The bundled dataset in a temporary folder, its description and the school
 * strike's summary replaced by LONG_CHARS characters of words. */
static DlDataset *
load_long_dataset (void)
{
  g_autofree char *bundled_dir = g_build_filename (SOURCE_DATASETDIR, "gaza-august-2024", NULL);
  g_autofree char *bundled = g_build_filename (bundled_dir, "gaza-august-2024.dateline.json", NULL);
  g_autofree char *articles = g_build_filename (bundled_dir, "articles", NULL);
  g_autofree char *copy_articles = NULL;
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *root;
  JsonArray *events;
  const char *name;

  while (g_utf8_strlen (text->str, -1) < LONG_CHARS)
    g_string_append (text, "The shelter held families from Shuja'iyya and Zeitoun. ");
  g_string_truncate (text, LONG_CHARS);   /* ASCII: bytes are characters */
  long_text = g_string_free (g_steal_pointer (&text), FALSE);

  tmpdir = g_dir_make_tmp ("dateline-long-XXXXXX", &error);
  g_assert_no_error (error);
  copy_articles = g_build_filename (tmpdir, "articles", NULL);
  g_assert_cmpint (g_mkdir (copy_articles, 0700), ==, 0);
  dir = g_dir_open (articles, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *from = g_build_filename (articles, name, NULL);
      g_autofree char *to = g_build_filename (copy_articles, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
    }

  json_parser_load_from_file (parser, bundled, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "description", long_text);
  events = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_str_equal (json_object_get_string_member (event, "id"), "school-strike-gaza-city"))
        json_object_set_string_member (event, "summary", long_text);
    }

  path = g_build_filename (tmpdir, "long.dateline.json", NULL);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  return dl_dataset_load (file, problems, NULL);
}

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *out)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Read All") == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, out);
}

static GtkWindow *
reader_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window))
          && dl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_TEXT_VIEW) != NULL)
        return window;
    }
  return NULL;
}

static gboolean
reader_open (gpointer data)
{
  return reader_window () != NULL;
}

static gboolean
reader_closed (gpointer data)
{
  return reader_window () == NULL;
}

/* What the panel shows: no label longer than the preview, one "Read All";
 * its click shows all LONG_CHARS characters; Escape closes that window. */
static void
check_read_all (DlEventPanel *panel)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *shown = dl_test_widget_text (GTK_WIDGET (panel));
  GtkWidget *button;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  g_assert_null (strstr (shown, long_text));
  g_assert_nonnull (strstr (shown, "…"));

  collect_buttons (GTK_WIDGET (panel), buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  button = g_ptr_array_index (buttons, 0);
  gtk_widget_grab_focus (button);   /* in view: the panel scrolls to the focus */
  dl_test_wait_ms (300);
  {
    graphene_point_t at;

    /* On screen, where the click goes. */
    g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (panel), &GRAPHENE_POINT_INIT (0, 0), &at));
    g_assert_cmpfloat (at.y, >=, 0);
    g_assert_cmpfloat (at.y + gtk_widget_get_height (button), <=, gtk_widget_get_height (GTK_WIDGET (panel)));
  }

  dl_xtest_click (button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0);
  g_assert_true (dl_test_wait_until (reader_open, NULL, 10000));

  view = dl_test_find_widget (GTK_WIDGET (reader_window ()), GTK_TYPE_TEXT_VIEW);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, LONG_CHARS);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));

  dl_xtest_key (GTK_WIDGET (reader_window ()), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (reader_closed, NULL, 5000));
}

/* Tall and wide enough for the preview and its button to be on screen
 * without scrolling (the panel scrolls by itself). */
static GtkWindow *
panel_window (DlEventPanel *panel)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_child (window, GTK_WIDGET (panel));
  gtk_window_set_default_size (window, 900, 1100);
  gtk_window_present (window);
  dl_test_wait_ms (300);
  return window;
}

static void
test_summary (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = panel_window (panel);
  DlEvent *event = dl_dataset_lookup_event (dataset, "school-strike-gaza-city");

  g_assert_nonnull (event);
  g_assert_cmpuint (g_utf8_strlen (dl_event_get_summary (event), -1), ==, LONG_CHARS);
  dl_event_panel_set_dataset (panel, dataset);
  dl_event_panel_set_event (panel, event);
  dl_test_wait_ms (300);

  check_read_all (panel);
  gtk_window_destroy (window);
}

static void
test_description (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = panel_window (panel);

  dl_event_panel_set_dataset (panel, dataset);
  dl_event_panel_set_event (panel, NULL);
  dl_test_wait_ms (300);

  check_read_all (panel);
  gtk_window_destroy (window);
}

/* The preview itself (GTK-free): the start of the text, cut at a word. */
static void
test_preview_is_start (void)
{
  g_autofree char *preview = dl_text_preview (long_text, DL_TEXT_PREVIEW_CHARS);

  g_assert_nonnull (preview);
  g_assert_cmpuint (g_utf8_strlen (preview, -1), <=, DL_TEXT_PREVIEW_CHARS + 1);
  preview[strlen (preview) - strlen ("…")] = '\0';
  g_assert_true (g_str_has_prefix (long_text, preview));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);
  g_assert_true (dl_xtest_available ());

  dataset = load_long_dataset ();
  g_assert_nonnull (dataset);

  g_test_add_func ("/long-text/preview-is-start", test_preview_is_start);
  g_test_add_func ("/long-text/summary-read-all", test_summary);
  g_test_add_func ("/long-text/description-read-all", test_description);
  status = g_test_run ();

  g_clear_object (&dataset);
  remove_tree (tmpdir);
  g_free (tmpdir);
  g_free (long_text);
  return status;
}
