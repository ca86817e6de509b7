/* dl-window-search.c: the search bar and its results in the sidebar
 *
 * Typing sets the session's query (the search panel observes it); Down
 * goes into the results, Enter chooses the first, Esc closes the search and
 * returns the focus where it was before.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-window-private.h"

static void
on_search_changed (DlWindow *self)
{
  dl_session_set_query (self->session, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
}

static void
on_search_mode_changed (DlWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "search"))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
}

/* Remembers where the focus was outside the search, to return it there. */
static void
on_focus_changed (DlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar))
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_panel)))
    return;

  g_clear_weak_pointer (&self->focus_before_search);
  g_set_weak_pointer (&self->focus_before_search, focus);
}

void
_dl_window_close_search (DlWindow *self)
{
  GtkWidget *back = self->focus_before_search;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (back != NULL && gtk_widget_get_root (back) == GTK_ROOT (self) && gtk_widget_is_visible (back))
    gtk_widget_grab_focus (back);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->map));
}

/* Down from the entry goes to the results; Esc closes the search. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       DlWindow              *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
      && (state & gtk_accelerator_get_default_mod_mask ()) == 0)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
      return dl_search_panel_focus_results (self->search_panel);
    }

  return GDK_EVENT_PROPAGATE;
}

/* Enter in the entry chooses the first result. */
static void
on_search_activate (DlWindow *self)
{
  dl_search_panel_activate_first (self->search_panel);
}

static void
on_result_activated (DlWindow *self)
{
  /* Show what was found; typing again brings the results back. */
  gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
}

void
_dl_window_setup_search (DlWindow *self)
{
  g_signal_connect_object (self->search_panel, "activated", G_CALLBACK (on_result_activated), self,
                           G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, dl_search_panel_get_list (self->search_panel));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (_dl_window_close_search), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (on_focus_changed), NULL);
}
