/* test-edit-window.c: making an event from a passage, with real input
 *
 * A copy of the bundled dataset is opened; a passage is selected by
 * dragging over it in the article view, made an event with its shortcut,
 * dated and placed in the event editor by typing, and saved with Ctrl+S;
 * the file is then loaded again and checked. Every press and click is an X
 * event sent with XTest (tests/dl-xtest.h); the tests count them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "dl-article-view.h"
#include "dl-event-editor.h"
#include "dl-map-flight.h"
#include "dl-problems-button.h"
#include "dl-test-tree.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

/* The passage made an event: a sentence of the first article no event cites. */
#define PASSAGE "The strikes have caused widespread outrage and criticism, with many calling for an immediate ceasefire and end to the violence."

static DlWindow *window;
static char *dir;
static char *path;
static guint n_keys;
static guint n_clicks;
static guint n_drags;

/* Helpers */

static DlSession *
session (void)
{
  return dl_window_get_session (window);
}

static void
key (guint           keyval,
     GdkModifierType mods)
{
  dl_xtest_key (GTK_WIDGET (window), keyval, mods);
  n_keys++;
  dl_test_wait_ms (150);
}

static void
type (const char *text)
{
  dl_xtest_type (GTK_WIDGET (window), text);
  n_keys += (guint) strlen (text);
  dl_test_wait_ms (150);
}

static void
click (GtkWidget *widget)
{
  /* Where the pointer will go: a form still being laid out, or scrolled,
   * would take the click elsewhere. */
  g_assert_true (dl_test_wait_pickable (widget, 3000));
  dl_xtest_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  n_clicks++;
  dl_test_wait_ms (150);
}

/* Scrolls the article view to @passage with the wheel and drags over it
 * from its first character to its end; its offsets go to @start, @end. */
static void
drag_over_passage (const char *passage,
                   guint      *start,
                   guint      *end)
{
  GtkWidget *article = dl_window_get_article_view (window);
  GtkTextView *view = dl_article_view_get_text_view (DL_ARTICLE_VIEW (article));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter sel_start, sel_end;
  const DlText *article_text = dl_source_get_text (dl_article_view_get_source (DL_ARTICLE_VIEW (article)));
  const char *found = strstr (dl_text_get_data (article_text), passage);

  g_assert_nonnull (found);
  *start = dl_text_byte_to_char (article_text, (gsize) (found - dl_text_get_data (article_text)));
  *end = *start + (guint) g_utf8_strlen (passage, -1);

  dl_xtest_select_text (view, *start, *end);
  n_drags++;
  dl_test_wait_ms (200);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end));
  g_assert_cmpint (gtk_text_iter_get_offset (&sel_start), ==, *start);
  g_assert_cmpint (gtk_text_iter_get_offset (&sel_end), ==, *end);
}

/* Tests */

static void
test_event_from_passage (void)
{
  GtkWidget *article = dl_window_get_article_view (window);
  DlDataset *dataset = dl_window_get_dataset (window);
  DlEditStack *edits = dl_session_get_edit_stack (session ());
  GtkWidget *editor;
  GtkWidget *when_row;
  GtkWidget *place_entry;
  g_autoptr(DlDataset) saved = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  guint start, end;
  guint n_events = g_list_model_get_n_items (dl_dataset_get_events (dataset));
  DlEvent *event;
  const DlExcerpt *excerpt;

  g_assert_true (dl_xtest_available ());
  g_assert_false (dl_edit_stack_get_modified (edits));

  /* The first article, open on the school strike's passage. */
  g_assert_true (dl_window_select_event (window, "school-strike-gaza-city"));
  dl_window_show_excerpt (window, 0);
  dl_test_wait_ms (500);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "article");
  g_assert_cmpstr (dl_source_get_id (dl_article_view_get_source (DL_ARTICLE_VIEW (article))), ==, "a000");

  /* Scrolled to with the wheel and dragged over. */
  drag_over_passage (PASSAGE, &start, &end);

  /* New Event from Passage: the event exists, is selected, and its editor
   * is open with the title focused. */
  key (GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset)), ==, n_events + 1);
  event = dl_session_get_selected_event (session ());
  g_assert_nonnull (event);
  id = g_strdup (dl_event_get_id (event));
  g_assert_cmpuint (dl_event_get_n_excerpts (event), ==, 1);
  g_assert_cmpstr (dl_event_get_excerpt (event, 0)->exact, ==, PASSAGE);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  g_assert_true (dl_edit_stack_get_modified (edits));

  /* A title, typed over the one made from the passage. */
  key (GDK_KEY_a, GDK_CONTROL_MASK);
  type ("Outrage at the strikes");
  g_assert_cmpstr (dl_event_get_title (event), ==, "Outrage at the strikes");

  /* The date: typed into the When row and applied with Enter. */
  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  when_row = dl_test_find_row (editor, ADW_TYPE_ENTRY_ROW, "When (EDTF)");
  g_assert_nonnull (when_row);
  click (when_row);
  key (GDK_KEY_a, GDK_CONTROL_MASK);
  type ("2024-08-20~");
  key (GDK_KEY_Return, 0);
  g_assert_cmpstr (dl_event_get_when_text (event), ==, "2024-08-20~");

  /* The place: to the search with its mnemonic (Alt+W), a gazetteer
   * search, the first result taken with Enter. */
  place_entry = dl_test_find_widget (editor, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (place_entry);
  key (GDK_KEY_w, GDK_ALT_MASK);
  g_assert_true (gtk_widget_has_focus (place_entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), place_entry));
  type ("Khan Yun");
  dl_test_wait_ms (400);  /* the search entry waits a little */
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-search.png");
  key (GDK_KEY_Return, 0);
  g_assert_cmpuint (dl_event_get_n_places (event), ==, 1);
  g_assert_nonnull (strstr (dl_place_get_name (dl_event_get_place (event, 0)), "Khan"));

  /* Undo takes the place away, redo brings it back. */
  click (GTK_WIDGET (dl_window_get_timeline (window)));
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (dl_event_get_n_places (event), ==, 0);
  key (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (dl_event_get_n_places (event), ==, 1);

  /* Saved where it is; the window is no longer modified. */
  key (GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dl_test_stack_saved, edits, 10000));

  g_test_message ("making the event took %u key presses, %u clicks and %u drag", n_keys, n_clicks, n_drags);

  /* The file holds the event as made. */
  saved = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (saved);
  event = dl_dataset_lookup_event (saved, id);
  g_assert_nonnull (event);
  g_assert_cmpstr (dl_event_get_title (event), ==, "Outrage at the strikes");
  g_assert_cmpstr (dl_event_get_when_text (event), ==, "2024-08-20~");
  g_assert_cmpuint (dl_event_get_n_places (event), ==, 1);
  g_assert_nonnull (strstr (dl_place_get_name (dl_event_get_place (event, 0)), "Khan"));
  g_assert_nonnull (dl_place_get_name_for (dl_event_get_place (event, 0), "ar"));
  excerpt = dl_event_get_excerpt (event, 0);
  g_assert_cmpstr (dl_source_get_id (excerpt->source), ==, "a000");
  g_assert_cmpstr (excerpt->exact, ==, PASSAGE);
  g_assert_cmpuint (excerpt->start, ==, start);
  g_assert_cmpuint (excerpt->end, ==, end);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"title\": \"Outrage at the strikes\",\n      \"category\": \"strike\",\n"
                                  "      \"when\": \"2024-08-20~\",\n"));

  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window.png");
}

static gboolean
toast_shown (gpointer text)
{
  g_autofree char *shown = dl_test_widget_text (GTK_WIDGET (window));

  return strstr (shown, text) != NULL;
}

/* Another passage added to the event, from its article; undone and redone
 * with the focus in the article, which stays where the user was reading
 * (it went back to the event's first passage after every edit). */
static void
test_add_passage (void)
{
  GListModel *events = dl_dataset_get_events (dl_window_get_dataset (window));
  g_autoptr(DlEvent) event = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  GtkTextView *view = dl_article_view_get_text_view (DL_ARTICLE_VIEW (dl_window_get_article_view (window)));
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  double reading;
  guint start, end;

  /* The event made from the passage is the last in the file's order. */
  g_assert_cmpstr (dl_event_get_excerpt (event, 0)->exact, ==, PASSAGE);
  g_assert_true (dl_window_select_event (window, dl_event_get_id (event)));
  dl_window_show_excerpt (window, 0);
  dl_test_wait_ms (500);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "article");

  drag_over_passage ("The Israeli military said the strikes targeted Hamas militants", &start, &end);
  /* Scrolled away from the event's first passage, where the view went. */
  reading = gtk_adjustment_get_value (vadj);
  g_assert_cmpfloat (reading, >, 1.0);
  key (GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (dl_event_get_n_excerpts (event), ==, 2);
  g_assert_cmpuint (dl_event_get_excerpt (event, 1)->start, ==, start);
  g_assert_cmpuint (dl_event_get_excerpt (event, 1)->end, ==, end);
  dl_test_wait_ms (300);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (vadj) - reading), <, 1.0);
  g_assert_false (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (view)));

  g_assert_true (toast_shown ("Passage added to the event"));

  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (dl_event_get_n_excerpts (event), ==, 1);
  /* The undo's toast replaces the passage's at once (it waited four
   * seconds behind it, then said what was long undone). */
  g_assert_true (dl_test_wait_until (toast_shown, "Undone: Add Passage", 1500));
  key (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (dl_event_get_n_excerpts (event), ==, 2);
  dl_test_wait_ms (300);
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (vadj) - reading), <, 1.0);
}

static gboolean
problems_counted (gpointer data)
{
  DlProblemsButton *button = data;

  return dl_problems_button_get_count (button) == 1 && gtk_widget_get_mapped (GTK_WIDGET (button));
}

static gboolean
problems_cleared (gpointer data)
{
  DlProblemsButton *button = data;

  return dl_problems_button_get_count (button) == 0 && !gtk_widget_get_visible (GTK_WIDGET (button));
}

/* The row in the open problems list. */
static GtkWidget *
problem_row (DlProblemsButton *button)
{
  GtkWidget *popover = dl_test_find_widget (GTK_WIDGET (button), GTK_TYPE_POPOVER);
  GtkWidget *list;

  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (popover));
  list = dl_test_find_widget (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
}

/* The live problems list: an event left without passages is counted in the
 * header bar; Ctrl+Shift+V lists it, and Enter or a click on its row shows
 * the event; undoing clears it. */
static void
test_problems (void)
{
  DlProblemsButton *button = DL_PROBLEMS_BUTTON (dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_PROBLEMS_BUTTON));
  GListModel *events = dl_dataset_get_events (dl_window_get_dataset (window));
  DlEditStack *edits = dl_session_get_edit_stack (session ());
  g_autoptr(DlEvent) event = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  g_autofree char *text = NULL;
  GtkWidget *row;

  g_assert_nonnull (button);
  g_assert_true (dl_test_wait_until (problems_cleared, button, 5000));

  /* The passages taken away (what is tested is the list, not removing). */
  dl_edit_stack_begin_group (edits, "Remove passages");
  while (dl_event_get_n_excerpts (event) > 0)
    g_assert_true (dl_edit_stack_remove_excerpt (edits, event, 0, NULL));
  dl_edit_stack_end_group (edits);
  g_assert_true (dl_test_wait_until (problems_counted, button, 5000));
  text = dl_test_widget_text (GTK_WIDGET (button));
  g_assert_nonnull (strstr (text, "1"));

  /* Listed by the key; Enter on the row shows the event's passages. */
  g_assert_true (dl_window_select_event (window, "school-strike-gaza-city"));
  click (GTK_WIDGET (dl_window_get_timeline (window)));
  key (GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  row = problem_row (button);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, dl_event_get_title (event));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "the event has no excerpts: no passage supports it");
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-problems.png");
  g_assert_true (gtk_widget_has_focus (row));
  key (GDK_KEY_Return, 0);
  g_assert_true (dl_session_get_selected_event (session ()) == event);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "details");

  /* A click does the same. */
  g_assert_true (dl_window_select_event (window, "school-strike-gaza-city"));
  click (GTK_WIDGET (dl_window_get_timeline (window)));
  key (GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dl_test_wait_ms (300);  /* the popover placed */
  click (problem_row (button));
  g_assert_true (dl_session_get_selected_event (session ()) == event);

  /* Undone: no problem, no button. */
  click (GTK_WIDGET (dl_window_get_timeline (window)));
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (dl_event_get_n_excerpts (event), ==, 2);
  g_assert_true (dl_test_wait_until (problems_cleared, button, 5000));
}

/* Where: the precision slider, dragged and stepped by keys, changes the
 * place's halo at once and undoes as one; a click on the map in edit mode
 * puts the event there. */
static void
test_where (void)
{
  GtkWidget *editor;
  GtkWidget *scale;
  GtkAdjustment *adjustment;
  ShumateMap *map = dl_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  DlEvent *event;
  DlPlace *place;
  double before, dragged, stepped, x, y;
  const DlLonLat *at;
  DlLonLat aim = { 33.0, 29.5 };  /* the Sinai: no event marks there */
  int width;

  g_assert_true (dl_window_select_event (window, "school-strike-gaza-city"));
  event = dl_session_get_selected_event (session ());
  g_assert_cmpuint (dl_event_get_n_places (event), >, 0);
  place = dl_event_get_place (event, 0);
  before = dl_place_get_precision_m (place);
  click (GTK_WIDGET (dl_window_get_timeline (window)));
  g_assert_true (dl_window_select_event (window, "school-strike-gaza-city"));
  key (GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  scale = dl_test_find_widget (editor, GTK_TYPE_SCALE);
  g_assert_nonnull (scale);
  g_assert_true (gtk_widget_get_mapped (scale));
  adjustment = gtk_range_get_adjustment (GTK_RANGE (scale));
  /* To the slider with its mnemonic, which scrolls the editor to it. */
  key (GDK_KEY_e, GDK_ALT_MASK);
  g_assert_true (gtk_widget_has_focus (scale));
  dl_test_wait_ms (300);

  /* Dragged from a quarter of the way to near the end: wider each time. */
  width = gtk_widget_get_width (scale);
  dl_xtest_drag (scale, width * 0.25, gtk_widget_get_height (scale) / 2.0,
                 width * 0.9, gtk_widget_get_height (scale) / 2.0, 10);
  n_drags++;
  dl_test_wait_ms (300);
  dragged = dl_place_get_precision_m (place);
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-precision.png");
  g_assert_cmpfloat (dragged, >, 10000);
  g_assert_cmpfloat (dragged, ==, dl_event_get_precision_m (event));
  g_assert_cmpfloat (fabs (log10 (dragged) - gtk_adjustment_get_value (adjustment)), <, 0.05);

  /* By keys: Page Down narrows it. */
  g_assert_true (gtk_widget_has_focus (scale));
  key (GDK_KEY_Page_Down, 0);
  stepped = dl_place_get_precision_m (place);
  g_assert_cmpfloat (stepped, <, dragged);

  /* The whole drag and the key are one undo. */
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpfloat (dl_place_get_precision_m (place), ==, before);
  key (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpfloat (dl_place_get_precision_m (place), ==, stepped);
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpfloat (dl_place_get_precision_m (place), ==, before);

  /* A click on the map, where the map's projection puts the Sinai. */
  shumate_map_go_to_full_with_duration (map, 29.6, 33.1, 9, 0);
  dl_test_wait_ms (500);
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (map), aim.lat, aim.lon, &x, &y);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (map)));
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (map)));
  dl_xtest_click (GTK_WIDGET (map), x, y);
  n_clicks++;
  dl_test_wait_ms (300);
  g_assert_cmpuint (dl_event_get_n_places (event), ==, 1);
  g_assert_true (dl_event_get_place (event, 0) != place);
  g_assert_true (g_str_has_prefix (dl_place_get_name (dl_event_get_place (event, 0)), "Point at 29.5"));
  at = dl_geometry_get_positions (dl_place_get_geometry (dl_event_get_place (event, 0)));
  /* Where the click was, to a pixel or two, and as precise as a click. */
  g_assert_cmpfloat (dl_geo_distance_m (*at, aim), <, 2 * dl_geo_metres_per_pixel (aim.lat, 9));
  g_assert_cmpfloat (dl_place_get_precision_m (dl_event_get_place (event, 0)), >, 4 * dl_geo_metres_per_pixel (aim.lat, 9));
  g_assert_cmpfloat (dl_place_get_precision_m (dl_event_get_place (event, 0)), <, 12 * dl_geo_metres_per_pixel (aim.lat, 9));
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-dropped.png");

  /* One undo puts it back where it was. */
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (dl_event_get_place (event, 0) == place);
}

/* Where the map shows @p, in the map's coordinates, asserting it shows. */
static void
aim_at (DlLonLat  p,
        double   *x,
        double   *y)
{
  ShumateMap *map = dl_window_get_map (window);

  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map), p.lat, p.lon, x, y);
  g_assert_cmpfloat (*x, >, 10);
  g_assert_cmpfloat (*y, >, 10);
  g_assert_cmpfloat (*x, <, gtk_widget_get_width (GTK_WIDGET (map)) - 10);
  g_assert_cmpfloat (*y, <, gtk_widget_get_height (GTK_WIDGET (map)) - 10);
}

static void
click_map_at (DlLonLat p)
{
  double x, y;

  aim_at (p, &x, &y);
  dl_xtest_click (GTK_WIDGET (dl_window_get_map (window)), x, y);
  n_clicks++;
  dl_test_wait_ms (150);
}

/* Of the 25 pixels around (x, y) of the PNG @name written of @widget, how
 * many are @colour. */
static guint
count_colour (GtkWidget     *widget,
              const char    *name,
              double         x,
              double         y,
              const GdkRGBA *colour)
{
  g_autofree char *png_path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  cairo_surface_t *png = cairo_image_surface_create_from_png (png_path);
  const guint8 *data = cairo_image_surface_get_data (png);
  int stride = cairo_image_surface_get_stride (png);
  int scale = cairo_image_surface_get_width (png) / gtk_widget_get_width (widget);
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      {
        guint32 px = *(const guint32 *) (gconstpointer) (data + (int) ((y + dy) * scale) * stride
                                                          + 4 * (int) ((x + dx) * scale));

        n += fabs (((px >> 16) & 0xff) / 255.0 - colour->red) < 0.06
             && fabs (((px >> 8) & 0xff) / 255.0 - colour->green) < 0.06
             && fabs ((px & 0xff) / 255.0 - colour->blue) < 0.06;
      }
  cairo_surface_destroy (png);
  return n;
}

static gboolean
sketch_finished (gpointer sketch)
{
  return dl_sketch_get_shape (sketch) == DL_SKETCH_POINT;
}

/* The sketch's last corner is inside the map, and the map still. */
static gboolean
last_corner_in_view (gpointer sketch)
{
  ShumateMap *map = dl_window_get_map (window);
  guint n = 0;
  const DlLonLat *corners = dl_sketch_get_corners (sketch, &n);
  double x, y;

  if (n == 0 || dl_map_is_flying (map))
    return FALSE;
  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map),
                                              corners[n - 1].lat, corners[n - 1].lon, &x, &y);
  return x > 0 && y > 0 && x < gtk_widget_get_width (GTK_WIDGET (map)) && y < gtk_widget_get_height (GTK_WIDGET (map));
}

static void
assert_near (DlLonLat p,
             DlLonLat aim)
{
  /* Where the click was, to a pixel or two at zoom 9. */
  g_assert_cmpfloat (dl_geo_distance_m (p, aim), <, 2 * dl_geo_metres_per_pixel (aim.lat, 9));
}

/* Line and Area in the editor's where section: corners clicked on the map,
 * drawn as they are clicked, finished by a double click or Enter, Backspace
 * and Escape, each drawing one undoable edit saved as GeoJSON. */
static void
test_draw (void)
{
  ShumateMap *map = dl_window_get_map (window);
  DlEditStack *edits = dl_session_get_edit_stack (session ());
  DlDataset *dataset = dl_window_get_dataset (window);
  GtkWidget *editor;
  GtkWidget *line_button, *area_button;
  DlSketch *sketch;
  DlEvent *event;
  DlPlace *place, *drawn;
  const DlGeometry *geometry;
  const DlLonLat *p;
  g_autoptr(DlDataset) saved = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *drawn_id = NULL;
  /* In the Sinai, where no event is: a road south-east, then an area. */
  const DlLonLat a = { 32.90, 29.70 }, b = { 33.05, 29.55 }, c = { 33.20, 29.60 }, d = { 33.30, 29.45 };
  const GdkRGBA blue = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1 };
  double x, y, x2, y2;
  guint n_places = g_list_model_get_n_items (dl_dataset_get_places (dataset));
  guint n_clicks_before = n_clicks, n_keys_before = n_keys;

  g_assert_true (dl_window_select_event (window, "school-strike-gaza-city"));
  event = dl_session_get_selected_event (session ());
  place = dl_event_get_place (event, 0);
  if (!g_str_equal (dl_window_get_sidebar_page (window), "editor"))
    key (GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  sketch = dl_event_editor_get_sketch (DL_EVENT_EDITOR (editor));
  line_button = dl_test_find_button (editor, "Line");
  area_button = dl_test_find_button (editor, "Area");
  g_assert_nonnull (line_button);
  g_assert_nonnull (area_button);
  shumate_map_go_to_full_with_duration (map, 29.6, 33.1, 9, 0);
  dl_test_wait_ms (500);

  /* Line: three clicks, drawn as they come, with an edge to the pointer. */
  click (line_button);
  g_assert_cmpint (dl_sketch_get_shape (sketch), ==, DL_SKETCH_LINE);
  click_map_at (a);
  click_map_at (b);
  /* A slow click, held longer than the double-click time (which stops
   * GTK's click count, and had lost the corner), still adds one. */
  {
    double cx, cy;

    aim_at (c, &cx, &cy);
    dl_xtest_click_held (GTK_WIDGET (map), cx, cy, 700);
    n_clicks++;
  }
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 3);
  assert_near (dl_sketch_get_corners (sketch, NULL)[1], b);
  /* Still the place it had: a click on the map drew, it did not place. */
  g_assert_true (dl_event_get_place (event, 0) == place);
  aim_at (d, &x, &y);
  dl_xtest_move (GTK_WIDGET (map), x, y);
  dl_test_wait_ms (200);
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-drawing-line.png");
  dl_test_save_png (GTK_WIDGET (map), NULL, "edit-window-drawing-map.png");
  aim_at (a, &x, &y);
  aim_at (b, &x2, &y2);
  g_assert_cmpuint (count_colour (GTK_WIDGET (map), "edit-window-drawing-map.png", (x + x2) / 2, (y + y2) / 2, &blue), >=, 3);

  /* Backspace takes the last point back; a double click ends the line
   * with its point. */
  key (GDK_KEY_BackSpace, 0);
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 2);
  aim_at (d, &x, &y);
  dl_xtest_double_click (GTK_WIDGET (map), x, y);
  n_clicks += 2;
  dl_test_wait_ms (300);
  g_assert_cmpint (dl_sketch_get_shape (sketch), ==, DL_SKETCH_POINT);
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 0);
  g_assert_cmpuint (dl_event_get_n_places (event), ==, 1);
  drawn = dl_event_get_place (event, 0);
  g_assert_true (drawn != place);
  geometry = dl_place_get_geometry (drawn);
  g_assert_cmpint (dl_geometry_get_geometry_type (geometry), ==, DL_GEOMETRY_LINE_STRING);
  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), ==, 3);
  p = dl_geometry_get_positions (geometry);
  assert_near (p[0], a);
  assert_near (p[1], b);
  assert_near (p[2], d);
  g_assert_cmpstr (dl_place_get_kind (drawn), ==, "corridor");
  g_assert_true (g_str_has_prefix (dl_place_get_name (drawn), "Line from 29.7"));
  /* As precise as a click at this zoom. */
  g_assert_cmpfloat (dl_place_get_precision_m (drawn), >, 4 * dl_geo_metres_per_pixel (a.lat, 9));
  g_assert_cmpfloat (dl_place_get_precision_m (drawn), <, 12 * dl_geo_metres_per_pixel (a.lat, 9));
  /* The map did not zoom on the double click. */
  g_assert_cmpfloat (fabs (shumate_viewport_get_zoom_level (shumate_map_get_viewport (map)) - 9), <, 0.01);
  dl_test_wait_ms (300);
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-drawn-line.png");
  g_test_message ("drawing the line took %u clicks and %u keys", n_clicks - n_clicks_before, n_keys - n_keys_before);

  /* One undo: the place it had, and no new place left in the dataset (the
   * focus is on the Line button: Ctrl+Z is the window's). */
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (dl_event_get_place (event, 0) == place);
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_places (dataset)), ==, n_places);
  key (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpint (dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (event, 0))), ==,
                   DL_GEOMETRY_LINE_STRING);
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (dl_event_get_place (event, 0) == place);
  g_assert_true (dl_session_get_selected_event (session ()) == event);

  /* Escape cancels: two corners of an area, and nothing changes. */
  click (area_button);
  g_assert_cmpint (dl_sketch_get_shape (sketch), ==, DL_SKETCH_AREA);
  click_map_at (a);
  click_map_at (b);
  key (GDK_KEY_Escape, 0);
  g_assert_cmpint (dl_sketch_get_shape (sketch), ==, DL_SKETCH_POINT);
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 0);
  g_assert_true (dl_event_get_place (event, 0) == place);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dl_test_find_button (editor, "Point"))));

  /* Area: four corners clicked clockwise, Enter. */
  click (area_button);
  click_map_at (a);
  click_map_at (c);
  click_map_at (d);
  click_map_at (b);
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-drawing-area.png");
  key (GDK_KEY_Return, 0);
  drawn = dl_event_get_place (event, 0);
  g_assert_true (drawn != place);
  geometry = dl_place_get_geometry (drawn);
  g_assert_cmpint (dl_geometry_get_geometry_type (geometry), ==, DL_GEOMETRY_POLYGON);
  g_assert_cmpuint (dl_geometry_get_n_positions (geometry), ==, 5);
  p = dl_geometry_get_positions (geometry);
  /* Closed, and counter-clockwise: the corners in the other order. */
  g_assert_cmpfloat (p[4].lon, ==, p[0].lon);
  g_assert_cmpfloat (p[4].lat, ==, p[0].lat);
  assert_near (p[0], b);
  assert_near (p[1], d);
  assert_near (p[2], c);
  assert_near (p[3], a);
  g_assert_cmpstr (dl_place_get_kind (drawn), ==, "area");
  drawn_id = g_strdup (dl_place_get_id (drawn));
  dl_test_wait_ms (300);
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-drawn-area.png");

  /* Saved as the dataset's GeoJSON, and read back the same. */
  key (GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dl_test_stack_saved, edits, 10000));
  saved = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (saved);
  event = dl_dataset_lookup_event (saved, "school-strike-gaza-city");
  g_assert_cmpstr (dl_place_get_id (dl_event_get_place (event, 0)), ==, drawn_id);
  g_assert_true (dl_geometry_equal (dl_place_get_geometry (dl_event_get_place (event, 0)), geometry));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"type\": \"Polygon\""));

  /* And undone: back to the place it had. */
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  event = dl_session_get_selected_event (session ());
  g_assert_true (dl_event_get_place (event, 0) == place);

  /* From the keyboard: places found in the search are the line's points,
   * and Alt+F finishes it. */
  click (line_button);
  key (GDK_KEY_w, GDK_ALT_MASK);
  type ("Rafah");
  dl_test_wait_ms (400);  /* the search entry waits a little */
  key (GDK_KEY_Return, 0);
  /* Rafah is north of the view: the map frames the drawing. */
  g_assert_true (dl_test_wait_until (last_corner_in_view, sketch, 5000));
  type ("Khan Yun");
  dl_test_wait_ms (400);
  key (GDK_KEY_Return, 0);
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 2);
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-drawing-keys.png");
  key (GDK_KEY_f, GDK_ALT_MASK);
  g_assert_true (dl_test_wait_until (sketch_finished, sketch, 2000));
  geometry = dl_place_get_geometry (dl_event_get_place (event, 0));
  g_assert_cmpint (dl_geometry_get_geometry_type (geometry), ==, DL_GEOMETRY_LINE_STRING);
  p = dl_geometry_get_positions (geometry);
  /* Rafah, then Khan Younis, about 10 km north-east of it. */
  g_assert_cmpfloat (dl_geo_distance_m (p[0], (DlLonLat) { 34.25, 31.29 }), <, 5000);
  g_assert_cmpfloat (dl_geo_distance_m (p[1], (DlLonLat) { 34.30, 31.34 }), <, 5000);
  g_assert_cmpstr (dl_place_get_kind (dl_event_get_place (event, 0)), ==, "corridor");
  /* The focus out of the search (Ctrl+Z there is the entry's), not drawing. */
  click (line_button);
  key (GDK_KEY_Escape, 0);
  g_assert_cmpint (dl_sketch_get_shape (sketch), ==, DL_SKETCH_POINT);
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (dl_event_get_place (event, 0) == place);
}

static gboolean
sketch_is_line (gpointer sketch)
{
  return dl_sketch_get_shape (sketch) == DL_SKETCH_LINE;
}

static void
drag_map (DlLonLat from,
          DlLonLat to)
{
  double x1, y1, x2, y2;

  aim_at (from, &x1, &y1);
  aim_at (to, &x2, &y2);
  dl_xtest_drag (GTK_WIDGET (dl_window_get_map (window)), x1, y1, x2, y2, 8);
  n_drags++;
  dl_test_wait_ms (300);
}

/* A corner dragged: while drawing, the sketch's moves; after, the drawn
 * line's, one undoable edit. The map does not pan under either. */
static void
test_drag_corner (void)
{
  ShumateMap *map = dl_window_get_map (window);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  DlEditStack *edits = dl_session_get_edit_stack (session ());
  GtkWidget *editor;
  DlSketch *sketch;
  DlEvent *event;
  DlPlace *place, *drawn;
  const DlLonLat *p;
  const DlLonLat a = { 32.90, 29.70 }, b = { 33.05, 29.55 }, c = { 33.20, 29.60 }, d = { 33.30, 29.45 };
  double lat, lon;

  g_assert_true (dl_window_select_event (window, "school-strike-gaza-city"));
  event = dl_session_get_selected_event (session ());
  place = dl_event_get_place (event, 0);
  if (!g_str_equal (dl_window_get_sidebar_page (window), "editor"))
    key (GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  sketch = dl_event_editor_get_sketch (DL_EVENT_EDITOR (editor));
  shumate_map_go_to_full_with_duration (map, 29.6, 33.1, 9, 0);
  dl_test_wait_ms (500);
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));

  /* Drawing: b dragged to c; still two corners. */
  click (dl_test_find_button (editor, "Line"));
  g_assert_true (dl_test_wait_until (sketch_is_line, sketch, 2000));
  click_map_at (a);
  click_map_at (b);
  /* Longer than a double click after the click that added it. */
  dl_test_wait_ms (600);
  drag_map (b, c);
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 2);
  assert_near (dl_sketch_get_corners (sketch, NULL)[1], c);
  g_assert_cmpfloat (fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - lat), <, 1e-9);
  g_assert_cmpfloat (fabs (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)) - lon), <, 1e-9);
  key (GDK_KEY_Return, 0);
  drawn = dl_event_get_place (event, 0);
  g_assert_true (drawn != place);
  p = dl_geometry_get_positions (dl_place_get_geometry (drawn));
  assert_near (p[0], a);
  assert_near (p[1], c);
  dl_test_wait_ms (300);
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-drag-handles.png");

  /* Drawn: its first corner dragged to d, one edit. */
  drag_map (a, d);
  g_assert_true (dl_event_get_place (event, 0) == drawn);
  p = dl_geometry_get_positions (dl_place_get_geometry (drawn));
  assert_near (p[0], d);
  assert_near (p[1], c);
  g_assert_cmpstr (dl_edit_stack_get_undo_label (edits), ==, "Move a Corner");
  g_assert_cmpfloat (fabs (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) - lat), <, 1e-9);
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  p = dl_geometry_get_positions (dl_place_get_geometry (drawn));
  assert_near (p[0], a);
  key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (dl_event_get_place (event, 0) == place);
}

/* Whether @widget lies wholly within what its scrolled window shows. */
static gboolean
shown_in_scroller (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return scrolled != NULL && gtk_widget_get_mapped (widget)
         && gtk_widget_compute_bounds (widget, scrolled, &bounds)
         && bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

/* In a short window (1024×600) the editor's place search sits below the
 * fold: Alt+W focuses it and brings it into view, and the first results
 * show under it as the user types, the search still in view. */
static void
test_short_window (void)
{
  GtkWidget *editor;
  GtkWidget *entry;
  GtkWidget *first;

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  dl_test_wait_ms (800);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 620);
  g_assert_true (dl_window_select_event (window, "cairo-talks"));
  /* (The last test may have left the editor open.) */
  if (g_strcmp0 (dl_window_get_sidebar_page (window), "editor") != 0)
    key (GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  entry = dl_test_find_widget (editor, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  /* From the top of the form, where the editor opens. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (entry, GTK_TYPE_SCROLLED_WINDOW))), 0);
  dl_test_wait_ms (300);
  g_assert_false (shown_in_scroller (entry));

  key (GDK_KEY_w, GDK_ALT_MASK);
  dl_test_wait_ms (300);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  g_assert_true (shown_in_scroller (entry));

  type ("Rafa");
  dl_test_wait_ms (500);
  /* The first match, Rafah in the Gaza Strip */
  first = dl_test_find_row (editor, ADW_TYPE_ACTION_ROW, "Rafah");
  g_assert_nonnull (first);
  g_assert_true (shown_in_scroller (entry));
  g_assert_true (shown_in_scroller (first));
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-window-short.png");

  key (GDK_KEY_Escape, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  dl_test_wait_ms (800);
}

/* Closing with unsaved changes asks; Cancel keeps the window and the change. */
static void
test_close_asks (void)
{
  DlEditStack *edits = dl_session_get_edit_stack (session ());
  DlEvent *event = dl_session_get_selected_event (session ());
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n_before = g_list_model_get_n_items (toplevels);
  GtkWidget *dialog = NULL;

  g_assert_nonnull (event);
  g_assert_true (dl_edit_stack_set_event_text (edits, event, DL_EVENT_FIELD_SUMMARY, "Changed", FALSE, NULL));
  g_assert_true (dl_edit_stack_get_modified (edits));

  gtk_window_close (GTK_WINDOW (window));
  dl_test_wait_ms (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        dialog = w;
    }
  g_assert_nonnull (dialog);

  /* Escape is Cancel. */
  dl_xtest_key (dialog, GDK_KEY_Escape, 0);
  dl_test_wait_ms (300);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (dl_edit_stack_get_modified (edits));
  g_assert_cmpstr (dl_event_get_summary (event), ==, "Changed");
  g_assert_true (dl_edit_stack_undo (edits));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  int status;

  dl_test_init (&argc, &argv);
  /* A press held still this long makes a GTK range fine-tune the drag that
   * follows. Under the sanitizers an edit made by the press can outlast
   * the default half second before the drag's first motion is read, and
   * the precision slider then crept instead of following the pointer. */
  g_object_set (gtk_settings_get_default (), "gtk-long-press-time", 3000, NULL);

  file = dl_test_copy_bundled ("dateline-test-edit-window", &dir);
  path = g_file_get_path (file);
  window = dl_test_window_new ();
  dl_test_window_open (window, file);

  g_test_add_func ("/edit-window/event-from-passage", test_event_from_passage);
  g_test_add_func ("/edit-window/add-passage", test_add_passage);
  g_test_add_func ("/edit-window/problems", test_problems);
  g_test_add_func ("/edit-window/where", test_where);
  g_test_add_func ("/edit-window/draw", test_draw);
  g_test_add_func ("/edit-window/drag-corner", test_drag_corner);
  g_test_add_func ("/edit-window/short-window", test_short_window);
  g_test_add_func ("/edit-window/close-asks", test_close_asks);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));

  dl_test_remove_tree (dir);
  g_free (path);
  g_free (dir);

  return status;
}
