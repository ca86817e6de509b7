/* dl-article-menu.c: the article text's context menu
 *
 * Its own file: the article view is near the size a file may have.
 *
 * GtkTextView 4.8 puts a text's extra menu after its own items: Cut,
 * Copy, Paste, Delete, Select All, Undo and Redo, five of them disabled in
 * a read-only article. At 1024 × 600 the menu was taller than the room
 * left on the screen, and the items a researcher came for (New Event from
 * Passage, Add Passage to Event, Make Claim) were below its edge, reached
 * only by scrolling a menu that does not look scrollable. This menu puts
 * them first and keeps only Copy and Select All of the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-article-menu"

#include <glib/gi18n.h>

#include "dl-article-menu.h"

#define MENU_KEY "dl-article-menu"

static void
popup_at (GtkTextView *view,
          double       x,
          double       y)
{
  GtkPopover *popover = g_object_get_data (G_OBJECT (view), MENU_KEY);
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (popover, &rect);
  gtk_popover_popup (popover);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press G_GNUC_UNUSED,
            double           x,
            double           y,
            GtkTextView     *view)
{
  /* Claimed: the text view's own gesture would open its menu too. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_at (view, x, y);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller G_GNUC_UNUSED,
                guint                  keyval,
                guint                  keycode G_GNUC_UNUSED,
                GdkModifierType        state,
                GtkTextView           *view)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter cursor;
  GdkRectangle location;
  int x, y;

  if (!((keyval == GDK_KEY_Menu && mods == 0) || (keyval == GDK_KEY_F10 && mods == GDK_SHIFT_MASK)))
    return FALSE;

  /* At the cursor (the selection's end), as the text view's own did. */
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (view, &cursor, &location);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x,
                                         location.y + location.height, &x, &y);
  popup_at (view, x, y);
  return TRUE;
}

/* The popover is the text view's child only while it is realized:
 * GtkTextView's dispose takes every child for one of its own and warns
 * about any other, so the menu leaves before that (a widget is
 * unrealized before it is disposed) and comes back when it is shown
 * again. */
static void
on_realize (GtkTextView *view)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (view), MENU_KEY);

  if (gtk_widget_get_parent (popover) == NULL)
    gtk_widget_set_parent (popover, GTK_WIDGET (view));
}

static void
on_unrealize (GtkTextView *view)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (view), MENU_KEY);

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
}

static void
drop_popover (gpointer data)
{
  GtkWidget *popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
  g_object_unref (popover);
}

void
dl_article_menu_attach (GtkTextView *view,
                        GMenuModel  *authoring)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) text = g_menu_new ();
  GtkGesture *click;
  GtkEventController *keys;
  GtkWidget *popover;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (G_IS_MENU_MODEL (authoring));

  /* GtkTextView's own actions, which it installs on every text view. */
  g_menu_append (text, _("_Copy"), "clipboard.copy");
  g_menu_append (text, _("Select _All"), "selection.select-all");
  g_menu_append_section (menu, NULL, authoring);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (text));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (popover, gtk_widget_get_direction (GTK_WIDGET (view)) == GTK_TEXT_DIR_RTL
                                  ? GTK_ALIGN_END : GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (view), MENU_KEY, g_object_ref_sink (popover), drop_popover);
  g_signal_connect (view, "realize", G_CALLBACK (on_realize), NULL);
  g_signal_connect (view, "unrealize", G_CALLBACK (on_unrealize), NULL);
  if (gtk_widget_get_realized (GTK_WIDGET (view)))
    on_realize (view);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), view);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), view);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}
