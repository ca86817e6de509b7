/* dl-xtest.h: real X input for window tests (XTest under Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A test of clicking, hovering, dragging or typing sends what a person's
 * mouse and keyboard would: X events that the server delivers to whatever
 * GTK picks at that place, through every controller on the way. Positions
 * are given in the coordinates of the widget that is aimed at (as
 * gtk_widget_compute_point() or a widget's own geometry gives them); they are
 * translated to the screen here.
 *
 * Every call flushes the input, lets GTK handle it and waits until a frame has
 * been drawn, so a test can assert on the app's state right after it.
 * The widget must be realized in a mapped window on an X11 display.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* TRUE when the display is X11 with the XTest extension (always under
 * xvfb-run); tests assert it rather than skip. */
gboolean dl_xtest_available   (void);

/* The widget point (x, y) on the screen, in root-window pixels. */
void     dl_xtest_to_root     (GtkWidget       *widget,
                               double           x,
                               double           y,
                               int             *root_x,
                               int             *root_y);

/* The colour the screen shows at the widget point (x, y), as 0xRRGGBB:
 * what was last drawn there, not what the widget would draw now. */
guint32  dl_xtest_screen_pixel (GtkWidget      *widget,
                               double           x,
                               double           y);

/* Moves the pointer there (hover). */
void     dl_xtest_move        (GtkWidget       *widget,
                               double           x,
                               double           y);

/* Moves there, presses and releases button 1. */
void     dl_xtest_click       (GtkWidget       *widget,
                               double           x,
                               double           y);

/* Moves there, presses and releases @button (1 left, 2 middle, 3 right). */
void     dl_xtest_click_button (GtkWidget      *widget,
                               double           x,
                               double           y,
                               guint            button);

/* Moves there, presses button 1, holds it @hold_ms while the app runs
 * (a slow hand, or a busy app), and releases it. */
void     dl_xtest_click_held  (GtkWidget       *widget,
                               double           x,
                               double           y,
                               guint            hold_ms);

/* Moves there and clicks button 1 twice, as a double click. */
void     dl_xtest_double_click (GtkWidget      *widget,
                               double           x,
                               double           y);

/* Presses button 1 at (x1, y1), moves in @steps steps to (x2, y2), releases. */
void     dl_xtest_drag        (GtkWidget       *widget,
                               double           x1,
                               double           y1,
                               double           x2,
                               double           y2,
                               guint            steps);

/* Wheel clicks at (x, y): negative @clicks scroll up (zoom in on a map),
 * positive down. @mods (GDK_CONTROL_MASK, GDK_SHIFT_MASK) are held meanwhile. */
void     dl_xtest_scroll      (GtkWidget       *widget,
                               double           x,
                               double           y,
                               int              clicks,
                               GdkModifierType  mods);

/* Presses and releases a key (a GDK keyval, e.g. GDK_KEY_Right) with
 * @mods held, in the window @widget belongs to (which gets the X focus first). */
void     dl_xtest_key         (GtkWidget       *widget,
                               guint            keyval,
                               GdkModifierType  mods);

/* Types @text: ASCII letters, digits, space and common punctuation from
 * their keys; any other character (Arabic, Hebrew) from a spare key bound
 * to it for the press. */
void     dl_xtest_type        (GtkWidget       *widget,
                               const char      *text);

/* Scrolls @view with the wheel until the text from code point @start is in
 * view, and drags over it to @end, as a person selects a passage. */
void     dl_xtest_select_text (GtkTextView     *view,
                               guint            start,
                               guint            end);

/* Waits until the input sent so far is handled and a frame has been drawn. */
void     dl_xtest_sync        (GtkWidget       *widget);

G_END_DECLS
