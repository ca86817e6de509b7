/* dl-xtest.c: real X input for window tests (XTest under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "dl-xtest.h"

/* Long enough for a software-rendered frame on a loaded machine; a test that
 * times out here goes on to fail on its own assertion. */
#define FRAME_TIMEOUT_MS 3000

static Display *
widget_xdisplay (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

gboolean
dl_xtest_available (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  int event_base, error_base, major, minor;

  if (display == NULL || !GDK_IS_X11_DISPLAY (display))
    return FALSE;

  return XTestQueryExtension (gdk_x11_display_get_xdisplay (display),
                              &event_base, &error_base, &major, &minor);
}

void
dl_xtest_to_root (GtkWidget *widget,
                  double     x,
                  double     y,
                  int       *root_x,
                  int       *root_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface;
  Display *xdisplay = widget_xdisplay (widget);
  double nx, ny, sx, sy;
  int scale, rx, ry;
  Window child;

  g_assert_nonnull (native);
  g_assert_true (gtk_widget_get_realized (widget));

#if GTK_CHECK_VERSION (4, 12, 0)
  {
    graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;

    g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
    nx = out.x;
    ny = out.y;
  }
#else
  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &nx, &ny));
#endif

  /* A client-side decorated window's surface starts at its shadow. */
  gtk_native_get_surface_transform (native, &sx, &sy);
  surface = gtk_native_get_surface (native);
  scale = gdk_surface_get_scale_factor (surface);

  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (xdisplay),
                         (int) ((nx + sx) * scale), (int) ((ny + sy) * scale),
                         &rx, &ry, &child);
  *root_x = rx;
  *root_y = ry;
}

guint32
dl_xtest_screen_pixel (GtkWidget *widget,
                       double     x,
                       double     y)
{
  Display *xdisplay = widget_xdisplay (widget);
  XImage *image;
  unsigned long pixel;
  int rx, ry;

  dl_xtest_to_root (widget, x, y, &rx, &ry);
  XSync (xdisplay, False);
  /* Xvfb has no compositor: the root window holds what every window drew. */
  image = XGetImage (xdisplay, DefaultRootWindow (xdisplay), rx, ry, 1, 1, AllPlanes, ZPixmap);
  g_assert_nonnull (image);
  pixel = XGetPixel (image, 0, 0);
  XDestroyImage (image);

  return (guint32) (pixel & 0xffffff);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *painted = user_data;

  (*painted)++;
}

/* Handles what is pending, for at most two seconds: a running animation
 * (a flight, a scroll) keeps a source pending on every frame, and under a
 * sanitizer frames are slow enough that "until nothing is pending" never
 * comes. */
static void
drain (void)
{
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* XSync returns once the server has handled every request sent so far,
 * XTest's fake input included (the server processes it at once), and the
 * events it caused are in Xlib's queue. GDK then hands them to the frame
 * clock, which delivers them in its next frame: the second frame drawn after
 * that has seen them and what they changed. */
static void
sync_display (GtkWidget *widget,
              gboolean   wait_frame)
{
  GdkFrameClock *clock;
  guint painted = 0;
  gulong handler;
  gint64 deadline;

  XSync (widget_xdisplay (widget), False);
  drain ();

  if (!wait_frame)
    return;

  /* A key that closes the window (Escape, Return on a dialog's choice) ends
   * the wait: there is no frame to wait for. */
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL && !gtk_widget_get_realized (widget))
    return;
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  deadline = g_get_monotonic_time () + FRAME_TIMEOUT_MS * 1000;

  while (painted < 2 && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_native (widget)));
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_signal_handler_disconnect (clock, handler);
  drain ();
}

void
dl_xtest_sync (GtkWidget *widget)
{
  sync_display (widget, TRUE);
}

static void
move_to (GtkWidget *widget,
         double     x,
         double     y)
{
  int rx, ry;

  dl_xtest_to_root (widget, x, y, &rx, &ry);
  XTestFakeMotionEvent (widget_xdisplay (widget), -1, rx, ry, CurrentTime);
}

void
dl_xtest_move (GtkWidget *widget,
               double     x,
               double     y)
{
  move_to (widget, x, y);
  dl_xtest_sync (widget);
}

void
dl_xtest_click_button (GtkWidget *widget,
                       double     x,
                       double     y,
                       guint      button)
{
  Display *xdisplay = widget_xdisplay (widget);

  /* The pointer arrives first, as a hand's would: enter/motion, then press. */
  move_to (widget, x, y);
  sync_display (widget, FALSE);
  XTestFakeButtonEvent (xdisplay, button, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, button, False, CurrentTime);
  dl_xtest_sync (widget);
}

void
dl_xtest_click (GtkWidget *widget,
                double     x,
                double     y)
{
  dl_xtest_click_button (widget, x, y, 1);
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
dl_xtest_click_held (GtkWidget *widget,
                     double     x,
                     double     y,
                     guint      hold_ms)
{
  Display *xdisplay = widget_xdisplay (widget);
  gboolean held = FALSE;

  move_to (widget, x, y);
  sync_display (widget, FALSE);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  dl_xtest_sync (widget);
  /* The app runs meanwhile: its timers (the double-click time, a long
   * press) fire while the button is down. */
  g_timeout_add (hold_ms, set_true, &held);
  while (!held)
    g_main_context_iteration (NULL, TRUE);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  dl_xtest_sync (widget);
}

void
dl_xtest_double_click (GtkWidget *widget,
                       double     x,
                       double     y)
{
  Display *xdisplay = widget_xdisplay (widget);

  /* Both clicks sent at once: waiting for a frame between them could take
   * longer than the double-click time on a busy machine. */
  move_to (widget, x, y);
  sync_display (widget, FALSE);
  for (guint i = 0; i < 2; i++)
    {
      XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
      XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
    }
  dl_xtest_sync (widget);
}

void
dl_xtest_drag (GtkWidget *widget,
               double     x1,
               double     y1,
               double     x2,
               double     y2,
               guint      steps)
{
  Display *xdisplay = widget_xdisplay (widget);
  g_autofree int *points = NULL;
  int rx, ry;

  /* Every point is translated before the press: the widget may move (or a
   * map pan) while the button is held. */
  steps = MAX (steps, 1);
  points = g_new (int, 2 * (steps + 1));

  for (guint i = 0; i <= steps; i++)
    {
      double t = (double) i / steps;

      dl_xtest_to_root (widget, x1 + (x2 - x1) * t, y1 + (y2 - y1) * t, &rx, &ry);
      points[2 * i] = rx;
      points[2 * i + 1] = ry;
    }

  XTestFakeMotionEvent (xdisplay, -1, points[0], points[1], CurrentTime);
  sync_display (widget, FALSE);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  dl_xtest_sync (widget);

  for (guint i = 1; i <= steps; i++)
    {
      XTestFakeMotionEvent (xdisplay, -1, points[2 * i], points[2 * i + 1], CurrentTime);
      dl_xtest_sync (widget);
    }

  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  dl_xtest_sync (widget);
}

static void
press_modifiers (Display         *xdisplay,
                 GdkModifierType  mods,
                 Bool             is_press)
{
  if (mods & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, GDK_KEY_Control_L), is_press, CurrentTime);
  if (mods & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, GDK_KEY_Shift_L), is_press, CurrentTime);
  if (mods & GDK_ALT_MASK)
    XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, GDK_KEY_Alt_L), is_press, CurrentTime);
}

void
dl_xtest_scroll (GtkWidget       *widget,
                 double           x,
                 double           y,
                 int              clicks,
                 GdkModifierType  mods)
{
  Display *xdisplay = widget_xdisplay (widget);
  /* X buttons 4 and 5 are the wheel's up and down clicks. */
  guint button = clicks < 0 ? 4 : 5;

  move_to (widget, x, y);
  sync_display (widget, FALSE);
  press_modifiers (xdisplay, mods, True);
  for (int i = 0; i < ABS (clicks); i++)
    {
      XTestFakeButtonEvent (xdisplay, button, True, CurrentTime);
      XTestFakeButtonEvent (xdisplay, button, False, CurrentTime);
      sync_display (widget, FALSE);
    }
  press_modifiers (xdisplay, mods, False);
  dl_xtest_sync (widget);
}

static void
focus_window (GtkWidget *widget)
{
  Display *xdisplay = widget_xdisplay (widget);
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (gtk_widget_get_native (widget)));

  /* What a window manager does when the window is clicked or presented;
   * Xvfb has none. */
  XRaiseWindow (xdisplay, xid);
  XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
  sync_display (widget, FALSE);
}

static void
send_key (Display         *xdisplay,
          guint            keyval,
          GdkModifierType  mods)
{
  KeyCode code = XKeysymToKeycode (xdisplay, keyval);

  if (code == 0)
    g_error ("no key on the X keyboard gives %s", gdk_keyval_name (keyval));

  /* Keys such as '+' sit on a shifted level of another key. */
  if (XkbKeycodeToKeysym (xdisplay, code, 0, 0) != keyval
      && XkbKeycodeToKeysym (xdisplay, code, 0, 1) == keyval)
    mods |= GDK_SHIFT_MASK;

  press_modifiers (xdisplay, mods, True);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  press_modifiers (xdisplay, mods, False);
}

void
dl_xtest_key (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  mods)
{
  /* Alive through the wait, should the key close its window. */
  g_object_ref (widget);
  focus_window (widget);
  send_key (widget_xdisplay (widget), keyval, mods);
  dl_xtest_sync (widget);
  g_object_unref (widget);
}

/* A character no key of the X keyboard gives (Arabic, Hebrew): bound for
 * the press to a keycode that gives nothing, as xdotool does, then
 * unbound. The keymap's change reaches GDK before the press does. */
static void
send_unbound (GtkWidget *widget,
              gunichar   c)
{
  Display *xdisplay = widget_xdisplay (widget);
  int min = 0, max = 0, per = 0;
  KeySym *map;
  KeySym syms[2];
  KeySym none[2] = { NoSymbol, NoSymbol };
  KeyCode spare = 0;

  XDisplayKeycodes (xdisplay, &min, &max);
  map = XGetKeyboardMapping (xdisplay, (KeyCode) min, max - min + 1, &per);
  for (int k = max; k >= min && spare == 0; k--)
    {
      gboolean empty = TRUE;

      for (int j = 0; j < per; j++)
        if (map[(k - min) * per + j] != NoSymbol)
          empty = FALSE;
      if (empty)
        spare = (KeyCode) k;
    }
  XFree (map);
  g_assert_cmpuint (spare, !=, 0);

  syms[0] = syms[1] = gdk_unicode_to_keyval (c);
  XChangeKeyboardMapping (xdisplay, spare, 2, syms, 1);
  XSync (xdisplay, False);
  sync_display (widget, FALSE);
  XTestFakeKeyEvent (xdisplay, spare, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, spare, False, CurrentTime);
  XSync (xdisplay, False);
  sync_display (widget, FALSE);
  XChangeKeyboardMapping (xdisplay, spare, 2, none, 1);
  XSync (xdisplay, False);
  sync_display (widget, FALSE);
}

void
dl_xtest_type (GtkWidget  *widget,
               const char *text)
{
  focus_window (widget);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        {
          g_assert_true (g_ascii_isprint ((char) c));
          send_key (widget_xdisplay (widget), gdk_unicode_to_keyval (c), 0);
        }
      else
        send_unbound (widget, c);
      sync_display (widget, FALSE);
    }
  dl_xtest_sync (widget);
}

/* Where the character at @offset is drawn, in the text view's coordinates. */
static void
char_position (GtkTextView *view,
               guint        offset,
               double      *x,
               double      *y)
{
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) offset);
  gtk_text_view_get_iter_location (view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y + rect.height / 2, &wx, &wy);
  *x = wx + 1;
  *y = wy;
}

void
dl_xtest_select_text (GtkTextView *view,
                      guint        start,
                      guint        end)
{
  GtkWidget *widget = GTK_WIDGET (view);
  double height = gtk_widget_get_height (widget);
  double x1 = 0, y1 = 0, x2, y2, last_y = -1;

  /* Wheel clicks until the start is in the top third. */
  for (guint i = 0; i < 100; i++)
    {
      char_position (view, start, &x1, &y1);
      if (y1 > 0 && y1 < height / 3.0)
        break;
      /* Far away, several clicks at a time. */
      dl_xtest_scroll (widget, gtk_widget_get_width (widget) / 2.0, height / 2.0,
                       (y1 > 0 ? 1 : -1) * (fabs (y1) > 2 * height ? 3 : 1), 0);
    }
  /* Until the view has done scrolling (kinetic scrolling, animation). */
  for (guint i = 0; i < 50 && y1 != last_y; i++)
    {
      last_y = y1;
      g_usleep (50 * 1000);
      dl_xtest_sync (widget);
      char_position (view, start, &x1, &y1);
    }

  char_position (view, end, &x2, &y2);
  dl_xtest_drag (widget, x1, y1, x2, y2, 12);
}
