/* test-window.c: the real window, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "dl-event-layer.h"
#include "dl-window.h"

static DlWindow *window;

/* Helpers */

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
wait_for (gboolean (*condition) (void),
          guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition ())
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }

  return TRUE;
}

static gboolean
dataset_loaded (void)
{
  return dl_window_get_dataset (window) != NULL;
}

static DlEvent *
find_event (const char *words)
{
  GPtrArray *events = dl_dataset_get_events_by_time (dl_window_get_dataset (window));

  for (guint i = 0; i < events->len; i++)
    if (dl_event_matches (g_ptr_array_index (events, i), words))
      return g_ptr_array_index (events, i);

  g_error ("no event matches “%s”", words);
  return NULL;
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  else if (ADW_IS_ACTION_ROW (widget))
    {
      g_string_append_printf (out, "%s\n%s\n",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
details_text (void)
{
  GString *out = g_string_new (NULL);

  collect_text (dl_window_get_details (window), out);
  return g_string_free (out, FALSE);
}

static void
save_png (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (dl_window_save_png (window, path, &error));
  g_assert_no_error (error);
  g_test_message ("wrote %s", path);
}

static void
assert_map_centred_on (DlEvent *event)
{
  ShumateViewport *viewport = shumate_map_get_viewport (dl_window_get_map (window));
  DlBBox bbox = dl_event_get_bbox (event);
  DlLonLat centre = dl_bbox_get_center (&bbox);
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));

  g_assert_cmpfloat_with_epsilon (lat, centre.lat, 0.01);
  g_assert_cmpfloat_with_epsilon (lon, centre.lon, 0.01);
}

/* Tests */

static void
test_opens_bundled (void)
{
  g_autofree char *text = NULL;

  g_assert_true (wait_for (dataset_loaded, 20000));
  wait_ms (1500);

  g_assert_null (dl_window_get_selected_event (window));
  /* With nothing selected: the overview, naming the dataset. */
  text = details_text ();
  g_assert_nonnull (strstr (text, dl_dataset_get_title (dl_window_get_dataset (window))));

  save_png ("window-overview.png");
}

static void
test_select_from_list (void)
{
  DlEvent *event = find_event ("Mustafa Hafez");
  GtkSingleSelection *selection = dl_window_get_selection (window);
  g_autofree char *text = NULL;
  guint position;

  g_assert_true (g_list_store_find (G_LIST_STORE (gtk_single_selection_get_model (selection)), event, &position));
  gtk_single_selection_set_selected (selection, position);
  wait_ms (1500);  /* the map flies there */

  g_assert_true (dl_window_get_selected_event (window) == event);
  assert_map_centred_on (event);

  /* The sidebar shows every passage, and the claims with their disagreement. */
  text = details_text ();
  g_assert_nonnull (strstr (text, dl_event_get_title (event)));
  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    g_assert_nonnull (strstr (text, dl_event_get_excerpt (event, i)->exact));
  g_assert_nonnull (strstr (text, "Sources disagree"));

  save_png ("window-school-strike.png");
}

static DlEventLayer *
find_event_layer (void)
{
  ShumateMap *map = dl_window_get_map (window);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DL_IS_EVENT_LAYER (child))
      return DL_EVENT_LAYER (child);

  g_assert_not_reached ();
  return NULL;
}

static void
test_select_on_map (void)
{
  DlEvent *target = find_event ("Doha talks");
  ShumateMap *map = dl_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  DlEventLayer *layer = find_event_layer ();
  DlEventMark mark;
  guint n_marks;
  const DlEventMark *marks;
  gboolean any_cluster = FALSE;
  double zoom_before;

  gtk_single_selection_set_selected (dl_window_get_selection (window), GTK_INVALID_LIST_POSITION);

  /* From afar, the events in and around Gaza cluster under a count badge. */
  shumate_map_go_to_full_with_duration (map, 29, 40, 5, 0);
  wait_ms (300);
  marks = dl_event_layer_get_marks (layer, &n_marks);
  for (guint i = 0; i < n_marks; i++)
    {
      if (marks[i].n_events > 1)
        any_cluster = TRUE;
      else
        {
          /* Single events sit exactly where libshumate puts their place (or fan out around it). */
          DlLonLat anchor = dl_event_get_anchor (marks[i].event);
          double x, y;

          shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (layer), anchor.lat, anchor.lon, &x, &y);
          g_assert_cmpfloat (hypot (x - marks[i].x, y - marks[i].y), <=, 10.0 + 2.0 * 16 + 0.5);
        }
    }
  g_assert_true (any_cluster);
  save_png ("window-region-clusters.png");

  /* Clicking where the target is drawn: a cluster zooms in, an event selects. */
  for (int clicks = 0; clicks < 6 && dl_window_get_selected_event (window) == NULL; clicks++)
    {
      g_assert_true (dl_event_layer_get_event_mark (layer, target, &mark));
      zoom_before = shumate_viewport_get_zoom_level (viewport);
      g_assert_true (dl_event_layer_activate_at (layer, mark.x, mark.y));
      wait_ms (1200);
      if (mark.n_events > 1)
        g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), >, zoom_before);
    }

  g_assert_nonnull (dl_window_get_selected_event (window));
  g_assert_true (dl_event_matches (dl_window_get_selected_event (window), "Doha"));
  /* Far from any event, a click does nothing. */
  g_assert_false (dl_event_layer_activate_at (layer, 1, 1));

  save_png ("window-map-selection.png");
}

static void
test_bad_dataset_keeps_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.dateline.json", NULL);
  g_autoptr(GFile) file = NULL;
  DlDataset *before = dl_window_get_dataset (window);
  GList *toplevels;
  gboolean found_dialog = FALSE;

  g_assert_true (g_file_set_contents (path, "{ \"dateline\": 1, \"title\": 3 }", -1, NULL));
  file = g_file_new_for_path (path);
  dl_window_open (window, file);
  wait_ms (1000);

  /* The dataset that was open stays open... */
  g_assert_true (dl_window_get_dataset (window) == before);

  /* ...and a dialog shows the problems. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        GString *text = g_string_new (NULL);

        collect_text (GTK_WIDGET (l->data), text);
        found_dialog = strstr (text->str, "title: error: expected a string") != NULL;
        g_string_free (text, TRUE);
        gtk_window_destroy (GTK_WINDOW (l->data));
      }
  g_list_free (toplevels);
  g_assert_true (found_dialog);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_keyboard_steps_in_time_order (void)
{
  GtkSingleSelection *selection = dl_window_get_selection (window);
  GListModel *model = gtk_single_selection_get_model (selection);

  /* The list is in time order, earliest first. */
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlEvent) a = g_list_model_get_item (model, i - 1);
      g_autoptr(DlEvent) b = g_list_model_get_item (model, i);

      g_assert_cmpint (dl_event_get_when (a)->earliest, <=, dl_event_get_when (b)->earliest);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  /* What AdwApplication would load at startup. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/datelineapp/Dateline/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  window = dl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dl_window_open (window, NULL);

  g_test_add_func ("/window/opens-bundled", test_opens_bundled);
  g_test_add_func ("/window/select-from-list", test_select_from_list);
  g_test_add_func ("/window/select-on-map", test_select_on_map);
  g_test_add_func ("/window/bad-dataset-keeps-open", test_bad_dataset_keeps_open);
  g_test_add_func ("/window/time-order", test_keyboard_steps_in_time_order);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));

  return status;
}
