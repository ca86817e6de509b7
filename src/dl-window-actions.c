/* dl-window-actions.c: the window's actions and their shortcuts
 *
 * Naming rule: the action "win.foo-bar" is handled by action_foo_bar().
 * Class shortcuts run in the bubble phase: a focused entry or text view gets
 * its keys first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>

#include "dl-widget-action.h"
#include "dl-window-private.h"

#include "dl-map-flight.h"
#include "dl-preferences-window.h"
#include "dl-presentation.h"
#include "dl-presentation-chooser.h"

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_response (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    dl_window_open (self, file);
}
#else
static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    DlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      dl_window_open (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

/* Actions */

static void
action_open (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Datasets, and the files of other tools dl-import.h opens. */
  gtk_file_filter_set_name (filter, _("Datasets, CSV, GeoJSON, TimelineJS and StoryMapJS"));
  gtk_file_filter_add_pattern (filter, "*.dateline.json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.geojson");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_mime_type (filter, "application/x-dateline+json");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "application/geo+json");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Open Dataset"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_open_response, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    g_signal_connect (native, "response", G_CALLBACK (on_native_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

DL_WIDGET_ACTION (open_bundled, DlWindow, dl_window_open (self, NULL))

static void
action_open_recent (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  dl_window_open (DL_WINDOW (widget), file);
}

DL_WIDGET_ACTION (previous_event, DlWindow, dl_session_step (self->session, -1))

DL_WIDGET_ACTION (next_event, DlWindow, dl_session_step (self->session, 1))

DL_WIDGET_ACTION (first_event, DlWindow, dl_session_select_first (self->session))

DL_WIDGET_ACTION (last_event, DlWindow, dl_session_select_last (self->session))

DL_WIDGET_ACTION (export, DlWindow, _dl_window_choose_export_file (self))
static void
action_unselect (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "article"))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
  else
    dl_session_select (self->session, NULL);
}

DL_WIDGET_ACTION (back, DlWindow, gtk_stack_set_visible_child_name (self->sidebar_stack, "details"))

static void
action_search (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  /* Ctrl+F opens the search, or brings the focus back to it when it is
   * open; Esc or the button closes it. */
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
action_fit_all (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  dl_timeline_fit_all (self->timeline);
  _dl_window_frame_main_events (self, TRUE);
}

DL_WIDGET_ACTION (preferences, DlWindow,
                  gtk_window_present (GTK_WINDOW (dl_preferences_window_new (GTK_WINDOW (self), self->settings))))

static void
action_present (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  if (self->dataset == NULL)
    return;

  /* Which narrative, or every event: the chooser asks. */
  gtk_window_present (GTK_WINDOW (dl_presentation_chooser_new (GTK_WINDOW (self), self->dataset)));
}

/* F5 presents the story chosen last (the first narrative before any). */
static void
action_present_last (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  if (self->dataset != NULL)
    dl_presentation_present_last (GTK_WINDOW (self), self->dataset);
}

/* What an export needs, copied on the main loop so the thread touches
 * nothing the window may change meanwhile. */

/* Keys */

static gboolean
is_text_input (GtkWidget *widget)
{
  return widget != NULL && (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget));
}

static gboolean
focus_is_in (DlWindow  *self,
             GtkWidget *ancestor)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* Opens the first passage of the selected event in the article view. */
static gboolean
open_first_passage (DlWindow *self)
{
  DlEvent *event = dl_session_get_selected_event (self->session);

  if (event == NULL || dl_event_get_n_excerpts (event) == 0)
    return FALSE;

  dl_window_show_excerpt (self, 0);
  return TRUE;
}

/* In the capture phase, so that no focused view (the map pans with the
 * arrows, lists and buttons move the focus) takes the keys first; text
 * entries keep them. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                DlWindow              *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  /* + is Shift and = on many keyboards. */
  if (keyval == GDK_KEY_plus)
    mods &= ~GDK_SHIFT_MASK;
  if (mods != 0 || self->dataset == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->stack), "content"))
    return GDK_EVENT_PROPAGATE;

  /* Esc in the search results closes the search, as in the entry. */
  if (keyval == GDK_KEY_Escape && gtk_search_bar_get_search_mode (self->search_bar)
      && focus_is_in (self, GTK_WIDGET (self->search_panel)))
    {
      _dl_window_close_search (self);
      return GDK_EVENT_STOP;
    }

  /* Text keeps its keys, and a menu or popover its arrows. */
  if (is_text_input (focus) || (focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      /* The timeline runs right to left in a right-to-left locale. */
      dl_session_step (self->session, rtl ? 1 : -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dl_session_step (self->session, rtl ? -1 : 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      /* A clicker during a lesson sends these: the next or previous event,
       * as in the presentation (not mirrored: its forward button is
       * forward). The sidebar, the article and the results keep them to
       * scroll a page. */
      if (focus != NULL && !focus_is_in (self, GTK_WIDGET (self->map)) && !focus_is_in (self, GTK_WIDGET (self->timeline))
          && !focus_is_in (self, GTK_WIDGET (self->header_bar)))
        return GDK_EVENT_PROPAGATE;
      dl_session_step (self->session, keyval == GDK_KEY_Page_Down || keyval == GDK_KEY_KP_Page_Down ? 1 : -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      /* libshumate 1.0's map has no zoom keys of its own: the focused map
       * zooms a level about its centre, as the focused timeline does. */
      if (!focus_is_in (self, GTK_WIDGET (self->map)))
        return GDK_EVENT_PROPAGATE;
      {
        ShumateViewport *viewport = shumate_map_get_viewport (self->map);
        double zoom = shumate_viewport_get_zoom_level (viewport)
                      + (keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract ? -1 : 1);

        zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport), shumate_viewport_get_max_zoom_level (viewport));
        dl_map_fly_to (self->map, shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                       shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), zoom, 250);
      }
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      dl_session_select_first (self->session);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      dl_session_select_last (self->session);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (focus_is_in (self, GTK_WIDGET (self->map)) || focus_is_in (self, GTK_WIDGET (self->timeline)))
        return open_first_passage (self);
      return GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

void
_dl_window_init_keys (DlWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

void
_dl_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, action_open_bundled);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", action_open_recent);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL, action_previous_event);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL, action_next_event);
  gtk_widget_class_install_action (widget_class, "win.first-event", NULL, action_first_event);
  gtk_widget_class_install_action (widget_class, "win.last-event", NULL, action_last_event);
  gtk_widget_class_install_action (widget_class, "win.unselect", NULL, action_unselect);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.fit-all", NULL, action_fit_all);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, action_preferences);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, action_present);
  gtk_widget_class_install_action (widget_class, "win.present-last", NULL, action_present_last);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, action_export);

  /* Class shortcuts run in the bubble phase: a focused entry or text view
   * gets its arrow keys first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.fit-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.fit-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present-last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.unselect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}
