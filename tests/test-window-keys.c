/* test-window-keys.c: the window from the keyboard, with real key presses
 *
 * Every key here is an X event sent with XTest (tests/dl-xtest.h) to the
 * window under Xvfb; the tests assert on the session and the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "dl-category.h"
#include "dl-category-dot.h"
#include "dl-event-panel.h"
#include "dl-legend.h"
#include "dl-map-flight.h"
#include "dl-preferences-window.h"
#include "dl-search-panel.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

static DlWindow *window;

/* Helpers */

static DlSession *
session (void)
{
  return dl_window_get_session (window);
}

static DlEvent *
shown (guint position)
{
  g_autoptr(DlEvent) event = g_list_model_get_item (dl_session_get_events (session ()), position);

  return event;   /* the dataset keeps it */
}

static GtkWidget *
focus (void)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_is_in (GtkWidget *ancestor)
{
  GtkWidget *widget = focus ();

  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

static void
key (guint           keyval,
     GdkModifierType mods)
{
  dl_xtest_key (GTK_WIDGET (window), keyval, mods);
  dl_test_wait_ms (150);
}

/* Tests */

/* ← and → step through the shown events in time order from the map, the
 * timeline, a header button and the event panel alike; Home and End go to
 * the ends; a text entry keeps its arrows. */
/* With the focus on the map, the timeline and a header button in turn,
 * @next twice and @previous once step through the shown events; with
 * @ends, End and Home then go to the last and the first. */
static void
check_steps_from_anywhere (guint    next,
                           guint    previous,
                           gboolean ends)
{
  GtkWidget *targets[] = {
    GTK_WIDGET (dl_window_get_map (window)),
    dl_window_get_timeline (window),
    dl_test_find_menu_button (GTK_WIDGET (window), "open-menu-symbolic"),
  };
  guint n = g_list_model_get_n_items (dl_session_get_events (session ()));

  g_assert_cmpuint (n, >, 3);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_assert_nonnull (targets[i]);
      dl_session_select (session (), shown (1));
      gtk_widget_grab_focus (targets[i]);
      dl_test_wait_ms (100);
      g_assert_true (focus_is_in (targets[i]));

      key (next, 0);
      g_assert_true (dl_session_get_selected_event (session ()) == shown (2));
      key (next, 0);
      g_assert_true (dl_session_get_selected_event (session ()) == shown (3));
      key (previous, 0);
      g_assert_true (dl_session_get_selected_event (session ()) == shown (2));
      if (!ends)
        continue;
      key (GDK_KEY_End, 0);
      g_assert_true (dl_session_get_selected_event (session ()) == shown (n - 1));
      key (GDK_KEY_Home, 0);
      g_assert_true (dl_session_get_selected_event (session ()) == shown (0));
    }
}

static void
test_arrows_from_anywhere (void)
{
  g_assert_true (dl_xtest_available ());
  check_steps_from_anywhere (GDK_KEY_Right, GDK_KEY_Left, TRUE);

  /* Typing in the search entry moves its cursor, not the selection. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  dl_test_wait_ms (300);
  g_assert_true (GTK_IS_EDITABLE (focus ()) || gtk_widget_get_ancestor (focus (), GTK_TYPE_SEARCH_ENTRY));
  dl_session_select (session (), shown (1));
  dl_xtest_type (GTK_WIDGET (window), "abc");
  key (GDK_KEY_Left, 0);
  key (GDK_KEY_Home, 0);
  g_assert_true (dl_session_get_selected_event (session ()) == shown (1));
  key (GDK_KEY_Escape, 0);
}

/* Tab moves the focus from the map to the timeline, which shows it at
 * once: the ring is on the screen as soon as the timeline has the focus,
 * and gone as soon as Tab takes it on (the screen's own pixels, not a new
 * drawing of the widget). */
static void
test_timeline_focus_ring (void)
{
  GtkWidget *timeline = dl_window_get_timeline (window);
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));
  double y = gtk_widget_get_height (timeline) / 2.0;
  guint32 unfocused, focused;
  guint presses = 0;

  g_assert_true (dl_xtest_available ());
  gtk_widget_grab_focus (map);
  dl_test_wait_ms (100);
  g_assert_true (focus_is_in (map));
  unfocused = dl_xtest_screen_pixel (timeline, 1.5, y);

  while (!focus_is_in (timeline))
    {
      key (GDK_KEY_Tab, 0);
      g_assert_cmpuint (++presses, <, 40);
    }
  g_assert_true (gtk_widget_has_visible_focus (timeline));
  focused = dl_xtest_screen_pixel (timeline, 1.5, y);
  g_test_message ("timeline edge %06x unfocused, %06x focused", unfocused, focused);
  g_assert_cmphex (focused, !=, unfocused);

  key (GDK_KEY_Tab, 0);
  g_assert_false (focus_is_in (timeline));
  g_assert_cmphex (dl_xtest_screen_pixel (timeline, 1.5, y), ==, unfocused);
}

/* A clicker's Page Down and Page Up during a lesson, in the window: the
 * next and the previous event from the map, the timeline and the header
 * bar; in the event panel they scroll it as before. */
static void
test_clicker_pages (void)
{
  GtkWidget *details = dl_window_get_details (window);

  check_steps_from_anywhere (GDK_KEY_Page_Down, GDK_KEY_Page_Up, FALSE);

  /* In the event panel the keys are its own. */
  dl_session_select (session (), shown (1));
  dl_test_wait_ms (300);
  g_assert_true (gtk_widget_child_focus (details, GTK_DIR_TAB_FORWARD));
  g_assert_true (focus_is_in (details));
  key (GDK_KEY_Page_Down, 0);
  g_assert_true (dl_session_get_selected_event (session ()) == shown (1));
}

static gboolean
map_landed (gpointer data)
{
  return !dl_map_is_flying (dl_window_get_map (window));
}

static double
map_zoom (void)
{
  return shumate_viewport_get_zoom_level (shumate_map_get_viewport (dl_window_get_map (window)));
}

/* Ctrl+0 fits every event on the map and the timeline alike, wherever the
 * focus is: the timeline, once clicked or tabbed to, does not keep it to
 * fit itself alone while the map stays on the event. */
static void
test_fit_all_from_timeline (void)
{
  GtkWidget *timeline = dl_window_get_timeline (window);
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));
  gint64 start, end, fit_start, fit_end;
  double fit_zoom;

  gtk_widget_grab_focus (map);
  key (GDK_KEY_0, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
  fit_zoom = map_zoom ();
  dl_session_get_visible_range (session (), &fit_start, &fit_end);

  /* One event: the map and the timeline close in on it. */
  dl_session_select (session (), shown (3));
  dl_test_wait_ms (200);
  g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
  g_assert_cmpfloat (map_zoom (), >, fit_zoom + 1);

  gtk_widget_grab_focus (timeline);
  dl_test_wait_ms (100);
  g_assert_true (focus_is_in (timeline));
  key (GDK_KEY_plus, 0);
  key (GDK_KEY_plus, 0);
  dl_test_wait_ms (600);
  dl_session_get_visible_range (session (), &start, &end);
  g_assert_cmpint (end - start, <, fit_end - fit_start);

  key (GDK_KEY_0, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
  dl_test_wait_ms (600);  /* the timeline's own glide */
  g_assert_cmpfloat_with_epsilon (map_zoom (), fit_zoom, 0.05);
  dl_session_get_visible_range (session (), &start, &end);
  g_assert_cmpint (start, ==, fit_start);
  g_assert_cmpint (end, ==, fit_end);
}

static gboolean
zoom_above (gpointer data)
{
  return map_zoom () > *(double *) data;
}

static gboolean
zoom_below (gpointer data)
{
  return map_zoom () < *(double *) data;
}

/* The focused map zooms in with + (Shift and =, or the keypad's +) and out
 * with -, as the focused timeline does. */
static void
test_map_zoom_keys (void)
{
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));
  double before, limit;

  dl_session_select (session (), NULL);
  gtk_widget_grab_focus (map);
  dl_test_wait_ms (100);
  g_assert_true (focus_is_in (map));
  g_assert_true (dl_test_wait_until (map_landed, NULL, 10000));
  dl_test_wait_ms (500);

  before = map_zoom ();
  limit = before + 0.5;
  key (GDK_KEY_plus, 0);
  g_assert_true (dl_test_wait_until (zoom_above, &limit, 5000));
  dl_test_wait_ms (500);

  before = map_zoom ();
  limit = before - 0.5;
  key (GDK_KEY_minus, 0);
  g_assert_true (dl_test_wait_until (zoom_below, &limit, 5000));
  dl_test_wait_ms (500);

  before = map_zoom ();
  limit = before + 0.5;
  key (GDK_KEY_KP_Add, 0);
  g_assert_true (dl_test_wait_until (zoom_above, &limit, 5000));
  g_assert_true (focus_is_in (map));
}

static gboolean
search_has_results (gpointer data)
{
  return g_list_model_get_n_items (dl_session_get_results (session ())) > 0;
}

/* Search from the keyboard alone: Ctrl+F from the map focuses the entry;
 * typing finds; Down moves into the results and Enter selects one; Ctrl+F
 * with the search open but unfocused focuses it again (does not close it);
 * Esc closes it and the focus goes back to the map. */
static void
test_search_from_keyboard (void)
{
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));
  GtkWidget *entry = dl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *bar = dl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR);
  DlEvent *chosen;

  g_assert_nonnull (entry);
  g_assert_nonnull (bar);
  dl_session_select (session (), NULL);
  gtk_widget_grab_focus (map);
  dl_test_wait_ms (100);

  key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (focus_is_in (entry));

  dl_xtest_type (GTK_WIDGET (window), "Hafez");
  g_assert_true (dl_test_wait_until (search_has_results, NULL, 5000));
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "search");

  key (GDK_KEY_Down, 0);
  g_assert_false (focus_is_in (entry));
  g_assert_true (focus_is_in (dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_SEARCH_PANEL)));
  key (GDK_KEY_Return, 0);
  chosen = dl_session_get_selected_event (session ());
  g_assert_nonnull (chosen);
  g_assert_nonnull (strstr (dl_event_get_title (chosen), "Hafez"));

  /* Open but unfocused: Ctrl+F brings the focus back to the entry. */
  gtk_widget_grab_focus (map);
  dl_test_wait_ms (100);
  key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (focus_is_in (entry));

  /* Esc closes it; the focus returns to where it was before. */
  key (GDK_KEY_Escape, 0);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (focus_is_in (map));
  g_assert_true (dl_session_get_selected_event (session ()) == chosen);
}

static double
panel_scroll (void)
{
  GtkWidget *panel = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_PANEL);
  GtkWidget *scroller = dl_test_find_widget (panel, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)));
}

/* Esc steps back the way the user came: from a result chosen to the
 * results (the search still holds them), then out of the search, to the
 * overview from its top. */
static void
test_escape_steps_back (void)
{
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));
  GtkWidget *bar = dl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_BAR);

  dl_session_select (session (), NULL);
  gtk_widget_grab_focus (map);
  dl_test_wait_ms (100);
  key (GDK_KEY_f, GDK_CONTROL_MASK);
  dl_xtest_type (GTK_WIDGET (window), "hostage");
  g_assert_true (dl_test_wait_until (search_has_results, NULL, 5000));
  key (GDK_KEY_Down, 0);
  key (GDK_KEY_Return, 0);
  g_assert_nonnull (dl_session_get_selected_event (session ()));
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "details");

  key (GDK_KEY_Escape, 0);
  g_assert_null (dl_session_get_selected_event (session ()));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "search");

  key (GDK_KEY_Escape, 0);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "details");
  g_assert_cmpfloat (panel_scroll (), ==, 0);
}

static gboolean
legend_compact_is (gpointer data)
{
  DlLegend *legend = DL_LEGEND (dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND));

  return dl_legend_get_compact (legend) == GPOINTER_TO_INT (data);
}

static gboolean
legend_open (gpointer data)
{
  GtkWidget *legend = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND);

  return gtk_widget_get_height (legend) >= GPOINTER_TO_INT (data) + dl_legend_get_rows_height (DL_LEGEND (legend));
}

static gboolean
legend_height_is (gpointer data)
{
  return gtk_widget_get_height (dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND)) == GPOINTER_TO_INT (data);
}

/* On a small map (1024×600) the legend folds under a "Legend" toggle
 * instead of covering half the map; a real click opens it; back at
 * 1280×800 it is whole again. */
static void
test_legend_folds_on_small_map (void)
{
  GtkWidget *legend = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND);
  GtkWidget *toggle;
  int folded;

  g_assert_nonnull (legend);
  g_assert_false (dl_legend_get_compact (DL_LEGEND (legend)));

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  g_assert_true (dl_test_wait_until (legend_compact_is, GINT_TO_POINTER (TRUE), 5000));
  dl_test_wait_ms (300);
  toggle = dl_test_find_widget (legend, GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (toggle);
  g_assert_true (gtk_widget_get_mapped (toggle));
  folded = gtk_widget_get_height (legend);
  g_assert_cmpint (folded, <, dl_legend_get_rows_height (DL_LEGEND (legend)));

  dl_xtest_click (toggle, gtk_widget_get_width (toggle) / 2.0, gtk_widget_get_height (toggle) / 2.0);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  /* The rows slide down (longer under a sanitizer). */
  g_assert_true (dl_test_wait_until (legend_open, GINT_TO_POINTER (folded), 5000));
  dl_xtest_click (toggle, gtk_widget_get_width (toggle) / 2.0, gtk_widget_get_height (toggle) / 2.0);
  g_assert_true (dl_test_wait_until (legend_height_is, GINT_TO_POINTER (folded), 5000));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (dl_test_wait_until (legend_compact_is, GINT_TO_POINTER (FALSE), 5000));
  g_assert_true (dl_test_wait_until (legend_open, GINT_TO_POINTER (0), 5000));
  g_assert_false (gtk_widget_get_mapped (toggle));
}

static double
luminance_at (const guint8 *data,
              int           stride,
              int           x,
              int           y,
              double        rgb[3])
{
  guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x);
  double c[3] = { ((pixel >> 16) & 0xff) / 255.0, ((pixel >> 8) & 0xff) / 255.0, (pixel & 0xff) / 255.0 };

  for (int i = 0; i < 3; i++)
    {
      if (rgb != NULL)
        rgb[i] = c[i];
      c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
    }
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* The map's legend is dark whatever the style: every category's dot shows
 * its colour in the middle and a ring that stands out from the legend's
 * background, the dark ones (attack, killing, military) too. */
static void
test_legend_dots_visible (void)
{
  GtkWidget *legend = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "legend-dots.png", NULL);
  cairo_surface_t *png;
  const guint8 *data;
  int stride, scale;
  guint n_dots = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_assert_true (dl_test_wait_until (legend_compact_is, GINT_TO_POINTER (FALSE), 5000));
  dl_test_save_png (legend, NULL, "legend-dots.png");
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (png);
  stride = cairo_image_surface_get_stride (png);
  scale = cairo_image_surface_get_width (png) / gtk_widget_get_width (legend);
  g_assert_cmpint (scale, >=, 1);

  /* Found in the image by their colour: the fill's middle, then left from
   * there to the ring and past it to the legend's background. */
  for (GtkWidget *dot = dl_test_find_widget (legend, DL_TYPE_CATEGORY_DOT); dot != NULL;)
    {
      const char *category = dl_category_dot_get_category (DL_CATEGORY_DOT (dot));
      int width = cairo_image_surface_get_width (png), height = cairo_image_surface_get_height (png);
      double sx = 0, sy = 0, n = 0, ring, background, contrast, rgb[3];
      int cx, cy, x;
      GdkRGBA expected;

      dl_category_get_color (NULL, category, &expected);
      for (int y = 0; y < height; y++)
        for (x = 0; x < width; x++)
          {
            luminance_at (data, stride, x, y, rgb);
            if (fabs (rgb[0] - expected.red) < 0.03 && fabs (rgb[1] - expected.green) < 0.03
                && fabs (rgb[2] - expected.blue) < 0.03)
              {
                sx += x;
                sy += y;
                n++;
              }
          }
      /* The fill: most of a 10 px dot, at the scale drawn. */
      g_assert_cmpfloat (n, >=, 30 * scale * scale);
      cx = (int) (sx / n);
      cy = (int) (sy / n);
      for (x = cx; x > 0; x--)
        {
          luminance_at (data, stride, x, cy, rgb);
          if (fabs (rgb[0] - expected.red) >= 0.03 || fabs (rgb[1] - expected.green) >= 0.03
              || fabs (rgb[2] - expected.blue) >= 0.03)
            break;
        }
      /* The ring is a pixel or two wide, its edges blended: its strongest pixel. */
      background = luminance_at (data, stride, MAX (x - 5 * scale, 0), cy, NULL);
      contrast = 1;
      for (int k = 0; k <= 2 * scale && x - k >= 0; k++)
        {
          ring = luminance_at (data, stride, x - k, cy, NULL);
          contrast = MAX (contrast, (MAX (ring, background) + 0.05) / (MIN (ring, background) + 0.05));
        }
      g_test_message ("%s: dot at %d,%d, its ring against the legend %.2f:1", category, cx, cy, contrast);
      g_assert_cmpfloat (contrast, >=, 3.0);
      n_dots++;

      /* The next row's dot. */
      {
        GtkWidget *row = gtk_widget_get_parent (dot);

        dot = NULL;
        for (row = gtk_widget_get_next_sibling (row); row != NULL && dot == NULL; row = gtk_widget_get_next_sibling (row))
          dot = dl_test_find_widget (row, DL_TYPE_CATEGORY_DOT);
      }
    }
  g_assert_cmpuint (n_dots, >=, 9);
  cairo_surface_destroy (png);
}

/* A control's accessible name: its label property, a labelled-by relation,
 * or the text of a label inside it (what screen readers read). */
static gboolean
has_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_named (GtkWidget *widget)
{
  /* A composite's inner button (a menu button's toggle) is named by it. */
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL)
          || gtk_test_accessible_has_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_LABELLED_BY)
          || has_label_text (w))
        return TRUE;
      if (w != widget && !GTK_IS_MENU_BUTTON (w))
        break;
    }
  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)
         || GTK_IS_EDITABLE (widget) || GTK_IS_RANGE (widget) || GTK_IS_DROP_DOWN (widget)
         || GTK_IS_SWITCH (widget) || (gtk_widget_get_focusable (widget) && !GTK_IS_TEXT (widget)
                                        && !GTK_IS_TEXT_VIEW (widget) && !GTK_IS_LABEL (widget)
                                        && !GTK_IS_LIST_BOX_ROW (widget) && !GTK_IS_SCROLLED_WINDOW (widget)
                                        && !GTK_IS_WINDOW (widget) && !GTK_IS_LIST_VIEW (widget)
                                        && !GTK_IS_VIEWPORT (widget));
}

static void
collect_unnamed (GtkWidget *widget,
                 GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* A scrollbar's range is not a control a reader names. */
  if (is_control (widget) && !GTK_IS_SCROLLBAR (gtk_widget_get_parent (widget)) && !is_named (widget))
    g_string_append_printf (out, " %s%s%s", G_OBJECT_TYPE_NAME (widget),
                            gtk_widget_get_tooltip_text (widget) ? ":" : "",
                            gtk_widget_get_tooltip_text (widget) ? gtk_widget_get_tooltip_text (widget) : "");
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, out);
}

/* Every control on screen has an accessible name, with nothing selected
 * and with an event selected (its panel full of cards and links); the
 * selected event's title is what the panel's heading says. */
static void
test_every_control_named (void)
{
  g_autoptr(GString) unnamed = g_string_new (NULL);

  dl_session_select (session (), NULL);
  dl_test_wait_ms (300);
  collect_unnamed (GTK_WIDGET (window), unnamed);

  dl_session_select (session (), shown (3));
  dl_test_wait_ms (300);
  collect_unnamed (GTK_WIDGET (window), unnamed);

  if (unnamed->len > 0)
    g_error ("controls without an accessible name:%s", unnamed->str);
}

/* Enter on the map or the timeline opens the selection's first passage. */
static void
test_enter_opens_passage (void)
{
  GtkWidget *views[] = { GTK_WIDGET (dl_window_get_map (window)), dl_window_get_timeline (window) };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      DlEvent *event = NULL;

      /* An event with passages. */
      for (guint p = 0; event == NULL; p++)
        if (dl_event_get_n_excerpts (shown (p)) > 0)
          event = shown (p);
      dl_session_select (session (), event);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
      dl_test_wait_ms (100);
      g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "details");

      gtk_widget_grab_focus (views[i]);
      key (GDK_KEY_Return, 0);
      g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "article");
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
}

/* The legend and the counts follow the filters set by clicking them. */
static void
test_legend_and_counts_follow_filters (void)
{
  GtkWidget *filter_button = NULL;
  DlLegend *legend = DL_LEGEND (dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_LEGEND));
  AdwWindowTitle *title = ADW_WINDOW_TITLE (dl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
  guint total = dl_session_get_n_events (session ());
  g_auto(GStrv) before = dl_legend_dup_shown (legend);
  g_auto(GStrv) after = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *popover, *strike = NULL;
  graphene_rect_t bounds;

  g_assert_true (g_strv_contains ((const char * const *) before, "strike"));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (title), "50 events"));

  filter_button = dl_test_find_menu_button (GTK_WIDGET (window), "funnel-symbolic");
  g_assert_nonnull (filter_button);
  g_assert_true (gtk_widget_compute_bounds (filter_button, filter_button, &bounds));
  dl_xtest_click (filter_button, bounds.size.width / 2, bounds.size.height / 2);
  dl_test_wait_ms (400);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter_button)));
  g_assert_true (gtk_widget_get_mapped (popover));

  for (GtkWidget *w = dl_test_find_widget (popover, GTK_TYPE_CHECK_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_CHECK_BUTTON (w) && g_strcmp0 (g_object_get_data (G_OBJECT (w), "category"), "strike") == 0)
      strike = w;
  g_assert_nonnull (strike);
  g_assert_true (gtk_widget_compute_bounds (strike, strike, &bounds));
  dl_xtest_click (strike, 12, bounds.size.height / 2);
  dl_test_wait_ms (300);
  key (GDK_KEY_Escape, 0);

  g_assert_false (dl_session_get_category_visible (session (), "strike"));
  after = dl_legend_dup_shown (legend);
  g_assert_false (g_strv_contains ((const char * const *) after, "strike"));
  g_assert_cmpuint (g_strv_length (after), ==, g_strv_length (before) - 1);
  expected = g_strdup_printf ("%u of %u events shown", g_list_model_get_n_items (dl_session_get_events (session ())),
                              total);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, expected);

  dl_session_show_all (session ());
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "50 events");
}

/* Ctrl+, opens Preferences with the basemap in use chosen. */
static void
test_preferences_show_basemap (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.datelineapp.Dateline");
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *preferences = NULL;
  GtkWidget *checks[2] = { NULL, NULL };
  guint n_checks = 0;

  g_settings_set_string (settings, "basemap", "offline");
  key (GDK_KEY_comma, GDK_CONTROL_MASK);
  dl_test_wait_ms (500);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (DL_IS_PREFERENCES_WINDOW (toplevel))
        preferences = toplevel;
    }
  g_assert_nonnull (preferences);
  g_assert_true (gtk_widget_get_visible (preferences));

  for (GtkWidget *w = dl_test_find_widget (preferences, GTK_TYPE_CHECK_BUTTON); w != NULL && n_checks < 2; )
    {
      checks[n_checks++] = w;
      /* The second row's check: search from the first one's row onwards. */
      w = NULL;
      for (GtkWidget *row = gtk_widget_get_ancestor (checks[0], ADW_TYPE_ACTION_ROW);
           row != NULL && (row = gtk_widget_get_next_sibling (row)) != NULL && w == NULL;)
        w = dl_test_find_widget (row, GTK_TYPE_CHECK_BUTTON);
    }
  g_assert_cmpuint (n_checks, ==, 2);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[0])));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[1])));

  /* Changed elsewhere, the dialog follows. The window's map is hidden
   * meanwhile: shown, it would start fetching online tiles, and a test
   * reaches no network (the resolver's thread would still hold its buffers
   * when the process ends). */
  gtk_widget_set_visible (GTK_WIDGET (dl_window_get_map (window)), FALSE);
  g_settings_set_string (settings, "basemap", "openstreetmap");
  dl_test_wait_ms (100);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[0])));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[1])));
  g_settings_set_string (settings, "basemap", "offline");
  dl_test_wait_ms (100);
  gtk_widget_set_visible (GTK_WIDGET (dl_window_get_map (window)), TRUE);

  gtk_window_destroy (GTK_WINDOW (preferences));
  dl_test_wait_ms (200);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);

  window = dl_test_window_new ();
  dl_test_window_open (window, NULL);

  g_test_add_func ("/window-keys/every-control-named", test_every_control_named);
  g_test_add_func ("/window-keys/arrows-from-anywhere", test_arrows_from_anywhere);
  g_test_add_func ("/window-keys/enter-opens-passage", test_enter_opens_passage);
  g_test_add_func ("/window-keys/timeline-focus-ring", test_timeline_focus_ring);
  g_test_add_func ("/window-keys/fit-all-from-timeline", test_fit_all_from_timeline);
  g_test_add_func ("/window-keys/clicker-pages", test_clicker_pages);
  g_test_add_func ("/window-keys/map-zoom-keys", test_map_zoom_keys);
  g_test_add_func ("/window-keys/search-from-keyboard", test_search_from_keyboard);
  g_test_add_func ("/window-keys/escape-steps-back", test_escape_steps_back);
  g_test_add_func ("/window-keys/legend-folds-on-small-map", test_legend_folds_on_small_map);
  g_test_add_func ("/window-keys/legend-dots-visible", test_legend_dots_visible);
  g_test_add_func ("/window-keys/legend-and-counts-follow-filters", test_legend_and_counts_follow_filters);
  g_test_add_func ("/window-keys/preferences-show-basemap", test_preferences_show_basemap);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  /* Let the map's tile renderers and other tasks still running finish and
   * hand back what they hold, so LeakSanitizer sees an idle process. */
  dl_test_wait_ms (1000);

  return status;
}
