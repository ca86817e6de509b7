/* test-range-animation.c: the glide the timeline and the presentation's
 * strip share, on a real window's frame clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include <gtk/gtk.h>
#include "dl-range-animation.h"
#include "dl-test-util.h"

typedef struct {
  GArray *starts;
  GArray *ends;
} Applied;

static void
record (gpointer data,
        gint64   start,
        gint64   end)
{
  Applied *applied = data;

  g_array_append_val (applied->starts, start);
  g_array_append_val (applied->ends, end);
}

static gboolean
stopped (gpointer data)
{
  return !dl_range_animation_is_running (data);
}

static GtkWidget *
new_mapped_widget (GtkWindow **window)
{
  GtkWidget *area = gtk_drawing_area_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 200, 100);
  gtk_window_set_child (*window, area);
  gtk_window_present (*window);
  while (!gtk_widget_get_mapped (area))
    g_main_context_iteration (NULL, TRUE);
  return area;
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

/* On a shown widget it moves in steps that only go one way, never past the
 * target, ends exactly on it, and reports where it is going meanwhile. */
static void
test_glides (void)
{
  GtkWindow *window;
  GtkWidget *widget = new_mapped_widget (&window);
  DlRangeAnimation anim = { 0 };
  Applied applied = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gint64)) };
  gint64 start, end;

  set_animations (TRUE);
  dl_range_animation_start (&anim, widget, 0, 1000000, 5000000, 5500000, 300, DL_EASE_IN_OUT_CUBIC, record, &applied);
  g_assert_true (dl_range_animation_is_running (&anim));
  g_assert_true (dl_range_animation_get_target (&anim, &start, &end));
  g_assert_cmpint (start, ==, 5000000);
  g_assert_cmpint (end, ==, 5500000);
  /* Held where it was until the first frame. */
  g_assert_cmpint (g_array_index (applied.starts, gint64, 0), ==, 0);

  g_assert_true (dl_test_wait_until (stopped, &anim, 5000));
  g_assert_false (dl_range_animation_get_target (&anim, &start, &end));
  g_assert_cmpuint (applied.starts->len, >=, 3);
  for (guint i = 1; i < applied.starts->len; i++)
    {
      g_assert_cmpint (g_array_index (applied.starts, gint64, i), >=, g_array_index (applied.starts, gint64, i - 1));
      g_assert_cmpint (g_array_index (applied.ends, gint64, i), >=, g_array_index (applied.ends, gint64, i - 1));
      g_assert_cmpint (g_array_index (applied.starts, gint64, i), <=, 5000000);
    }
  g_assert_cmpint (g_array_index (applied.starts, gint64, applied.starts->len - 1), ==, 5000000);
  g_assert_cmpint (g_array_index (applied.ends, gint64, applied.ends->len - 1), ==, 5500000);

  /* Some step was on the way, neither start nor target. */
  {
    gboolean between = FALSE;

    for (guint i = 0; i < applied.starts->len; i++)
      between |= g_array_index (applied.starts, gint64, i) > 0 && g_array_index (applied.starts, gint64, i) < 5000000;
    g_assert_true (between);
  }

  g_array_unref (applied.starts);
  g_array_unref (applied.ends);
  gtk_window_destroy (window);
}

/* Without animations (the system's setting, a duration of 0, or a widget
 * not shown) the target is applied at once, and only it. */
static void
test_at_once (void)
{
  GtkWindow *window;
  GtkWidget *widget = new_mapped_widget (&window);
  GtkWidget *hidden = gtk_drawing_area_new ();
  DlRangeAnimation anim = { 0 };
  Applied applied = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gint64)) };

  g_object_ref_sink (hidden);

  set_animations (FALSE);
  dl_range_animation_start (&anim, widget, 0, 10, 100, 110, 300, DL_EASE_OUT_CUBIC, record, &applied);
  g_assert_false (dl_range_animation_is_running (&anim));
  set_animations (TRUE);
  dl_range_animation_start (&anim, widget, 0, 10, 200, 210, 0, DL_EASE_OUT_CUBIC, record, &applied);
  g_assert_false (dl_range_animation_is_running (&anim));
  dl_range_animation_start (&anim, hidden, 0, 10, 300, 310, 300, DL_EASE_OUT_CUBIC, record, &applied);
  g_assert_false (dl_range_animation_is_running (&anim));

  g_assert_cmpuint (applied.starts->len, ==, 3);
  g_assert_cmpint (g_array_index (applied.starts, gint64, 0), ==, 100);
  g_assert_cmpint (g_array_index (applied.starts, gint64, 1), ==, 200);
  g_assert_cmpint (g_array_index (applied.ends, gint64, 2), ==, 310);

  /* Stopped midway, it stays where it was. */
  dl_range_animation_start (&anim, widget, 0, 10, 1000, 1010, 5000, DL_EASE_OUT_CUBIC, record, &applied);
  dl_test_wait_ms (100);
  dl_range_animation_stop (&anim);
  {
    guint n = applied.starts->len;

    dl_test_wait_ms (100);
    g_assert_cmpuint (applied.starts->len, ==, n);
    g_assert_cmpint (g_array_index (applied.starts, gint64, n - 1), <, 1000);
  }

  g_array_unref (applied.starts);
  g_array_unref (applied.ends);
  g_object_unref (hidden);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  dl_test_init (&argc, &argv);

  g_test_add_func ("/range-animation/glides", test_glides);
  g_test_add_func ("/range-animation/at-once", test_at_once);

  return g_test_run ();
}
