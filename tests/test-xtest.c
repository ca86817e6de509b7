/* test-xtest.c: the real-input helper reaches GTK widgets as a mouse and
 * keyboard would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "dl-test-util.h"
#include "dl-xtest.h"

typedef struct {
  GtkWindow *window;
  GtkWidget *button;
  GtkWidget *entry;
  GtkWidget *area;
  GtkWidget *scrolled;
  guint      clicks;
  double     drag_x, drag_y;
  guint      motions;
} Fixture;

static void
on_clicked (GtkButton *button,
            Fixture   *f)
{
  f->clicks++;
}

static void
on_drag_end (GtkGestureDrag *drag,
             double          x,
             double          y,
             Fixture        *f)
{
  f->drag_x = x;
  f->drag_y = y;
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           Fixture                  *f)
{
  f->motions++;
}

static gboolean
is_mapped (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (f->scrolled) && gtk_widget_get_width (f->area) > 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *tall = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_assert_true (dl_xtest_available ());

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 400, 400);

  f->button = gtk_button_new_with_label ("Press");
  g_signal_connect (f->button, "clicked", G_CALLBACK (on_clicked), f);
  gtk_box_append (GTK_BOX (box), f->button);

  f->entry = gtk_entry_new ();
  gtk_box_append (GTK_BOX (box), f->entry);

  f->area = gtk_drawing_area_new ();
  gtk_widget_set_size_request (f->area, 300, 100);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), f);
  gtk_widget_add_controller (f->area, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), f);
  gtk_widget_add_controller (f->area, motion);
  gtk_box_append (GTK_BOX (box), f->area);

  gtk_widget_set_size_request (tall, 100, 2000);
  f->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (f->scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scrolled), tall);
  gtk_box_append (GTK_BOX (box), f->scrolled);

  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);
  g_assert_true (dl_test_wait_until (is_mapped, f, 10000));
  dl_xtest_sync (GTK_WIDGET (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  dl_test_wait_ms (20);
}

static void
test_click (Fixture       *f,
            gconstpointer  data)
{
  int w = gtk_widget_get_width (f->button), h = gtk_widget_get_height (f->button);

  dl_xtest_click (f->button, w / 2.0, h / 2.0);
  g_assert_cmpuint (f->clicks, ==, 1);

  /* Outside the button (in the drawing area below it) nothing is clicked. */
  dl_xtest_click (f->area, 10, 10);
  g_assert_cmpuint (f->clicks, ==, 1);
}

static void
test_type (Fixture       *f,
           gconstpointer  data)
{
  dl_xtest_click (f->entry, 10, gtk_widget_get_height (f->entry) / 2.0);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), f->entry));
  dl_xtest_type (f->entry, "ab+1");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "ab+1");

  /* A modifier is held: Ctrl+A selects everything, then a key replaces it. */
  dl_xtest_key (f->entry, GDK_KEY_a, GDK_CONTROL_MASK);
  dl_xtest_key (f->entry, GDK_KEY_z, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->entry)), ==, "z");
}

static void
test_drag (Fixture       *f,
           gconstpointer  data)
{
  dl_xtest_move (f->area, 20, 20);
  g_assert_cmpuint (f->motions, >, 0);

  dl_xtest_drag (f->area, 20, 20, 120, 50, 5);
  g_assert_cmpfloat_with_epsilon (f->drag_x, 100, 1);
  g_assert_cmpfloat_with_epsilon (f->drag_y, 30, 1);
}

static void
test_scroll (Fixture       *f,
             gconstpointer  data)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (f->scrolled));

  g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0);
  dl_xtest_scroll (f->scrolled, 50, 50, 3, 0);
  dl_test_wait_ms (300);   /* kinetic scrolling settles */
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  dl_test_init (&argc, &argv);

  g_test_add ("/xtest/click", Fixture, NULL, fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/xtest/type", Fixture, NULL, fixture_set_up, test_type, fixture_tear_down);
  g_test_add ("/xtest/drag", Fixture, NULL, fixture_set_up, test_drag, fixture_tear_down);
  g_test_add ("/xtest/scroll", Fixture, NULL, fixture_set_up, test_scroll, fixture_tear_down);

  return g_test_run ();
}
