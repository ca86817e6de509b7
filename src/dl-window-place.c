/* dl-window-place.c: a click on the map places the event being edited
 *
 * While the event editor shows, a click on the map (not a drag, not on a
 * mark: the event layer takes those) puts the selected event at that
 * point: a new place of the dataset, named by its coordinates, whose
 * precision is what a click can aim at the map's zoom. One undo takes it
 * back. Its own file: the map's input is the window's, the edit the
 * editor's.
 *
 * When the editor's shape is Line or Area, clicks add corners to its
 * sketch instead (on marks too: the whole map is the drawing's), the
 * sketch layer draws it with an edge following the pointer, and Enter, a
 * double click (or, for an area, a click on its first corner) makes it the
 * event's place in one undoable edit; Backspace removes the last corner,
 * Escape cancels. The same as actions for the editor's buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>
#include <math.h>

#include "dl-widget-action.h"
#include "dl-window-private.h"

/* A click is good to about this many pixels. */
#define CLICK_PRECISION_PX 8

/* "31.5213° N, 34.4501° E" */
static char *
describe_position (double lat,
                   double lon)
{
  /* TRANSLATORS: north and south of the equator, after a latitude */
  const char *ns = lat >= 0 ? C_("latitude", "N") : C_("latitude", "S");
  /* TRANSLATORS: east and west of Greenwich, after a longitude */
  const char *ew = lon >= 0 ? C_("longitude", "E") : C_("longitude", "W");
  char lat_text[G_ASCII_DTOSTR_BUF_SIZE];
  char lon_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (lat_text, sizeof lat_text, "%.4f", fabs (lat));
  g_ascii_formatd (lon_text, sizeof lon_text, "%.4f", fabs (lon));
  /* TRANSLATORS: a point's coordinates: latitude, N or S, longitude, E or W */
  return g_strdup_printf (_("%s° %s, %s° %s"), lat_text, ns, lon_text, ew);
}

/* Two significant digits of what a click can aim at here. */
static double
click_precision (ShumateViewport *viewport,
                 double           lat)
{
  return dl_geo_round_metres (CLICK_PRECISION_PX * dl_geo_metres_per_pixel (lat, shumate_viewport_get_zoom_level (viewport)));
}

static DlSketch *
get_sketch (DlWindow *self)
{
  return dl_event_editor_get_sketch (self->event_editor);
}

static gboolean
editing (DlWindow *self)
{
  return dl_session_get_selected_event (self->session) != NULL
         && dl_session_get_edit_stack (self->session) != NULL
         && g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "editor");
}

/* The sketch made the event's place: one undo takes it back. */
static void
finish_sketch (DlWindow *self)
{
  DlSketch *sketch = get_sketch (self);
  DlEvent *event = dl_session_get_selected_event (self->session);
  DlEditStack *edits = dl_session_get_edit_stack (self->session);
  gboolean area = dl_sketch_get_shape (sketch) == DL_SKETCH_AREA;
  g_autoptr(DlGeometry) geometry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  DlPlace *place;
  double precision = 0;

  if (!editing (self) || !dl_sketch_can_finish (sketch))
    return;

  geometry = dl_sketch_dup_geometry (sketch, &precision, &error);
  if (geometry == NULL)
    {
      _dl_window_toast (self, error->message);
      return;
    }

  if (area)
    {
      DlLonLat anchor = dl_geometry_get_anchor (geometry);
      g_autofree char *around = describe_position (anchor.lat, anchor.lon);

      /* TRANSLATORS: the name of an area drawn on the map; %s is the coordinates of its middle */
      name = g_strdup_printf (_("Area around %s"), around);
    }
  else
    {
      const DlLonLat *positions = dl_geometry_get_positions (geometry);
      guint n = dl_geometry_get_n_positions (geometry);
      g_autofree char *from = describe_position (positions[0].lat, positions[0].lon);
      g_autofree char *to = describe_position (positions[n - 1].lat, positions[n - 1].lon);

      /* TRANSLATORS: the name of a line drawn on the map; each %s is the coordinates of one of its ends */
      name = g_strdup_printf (_("Line from %s to %s"), from, to);
    }

  dl_edit_stack_begin_group (edits, area ? _("Draw an Area") : _("Draw a Line"));
  place = dl_edit_stack_add_place (edits, NULL, name, NULL, geometry, precision,
                                   area ? "area" : "corridor", &error);
  if (place != NULL)
    dl_edit_stack_set_event_places (edits, event, &place, 1, &error);
  dl_edit_stack_end_group (edits);

  if (error != NULL)
    {
      if (place != NULL && dl_edit_stack_can_undo (edits))
        dl_edit_stack_undo (edits);
      _dl_window_show_error (self, _("Cannot Place the Event"), error->message);
      return;
    }
  /* Done: the next click selects or places again. */
  dl_sketch_reset (sketch);
}

static void
update_sketch_actions (DlWindow *self)
{
  DlSketch *sketch = get_sketch (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.finish-shape", dl_sketch_can_finish (sketch));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-corner", dl_sketch_get_n_corners (sketch) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-shape", dl_sketch_is_drawing (sketch));
}

DL_WIDGET_ACTION (finish_shape, DlWindow, finish_sketch (self))
DL_WIDGET_ACTION (remove_corner, DlWindow, dl_sketch_remove_last (get_sketch (self)))
DL_WIDGET_ACTION (cancel_shape, DlWindow, dl_sketch_reset (get_sketch (self)))

/* Drawing, a click adds a corner; a double click, or a click on an area's
 * first corner, finishes. In the capture phase, so a click on a mark adds
 * a corner there rather than selecting its event, and a double click does
 * not zoom the map. */
static void
on_sketch_pressed (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DlWindow        *self)
{
  DlSketch *sketch = get_sketch (self);

  if (!dl_sketch_is_drawing (sketch) || !editing (self))
    return;

  self->sketch_press_x = x;
  self->sketch_press_y = y;
  self->sketch_press_moved = FALSE;
  if (n_press >= 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      finish_sketch (self);
    }
}

/* GtkGestureClick stops when the pointer leaves its threshold, yet still
 * reports the release on GTK 4.8: a pan adds no corner. */
static void
on_sketch_stopped (GtkGestureClick *gesture,
                   DlWindow        *self)
{
  self->sketch_press_moved = TRUE;
}

static void
on_sketch_released (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    DlWindow        *self)
{
  DlSketch *sketch = get_sketch (self);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  int threshold = 8;
  double lat, lon;
  guint n;
  const DlLonLat *corners = dl_sketch_get_corners (sketch, &n);

  if (n_press != 1 || !dl_sketch_is_drawing (sketch) || !editing (self))
    return;
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
  if (self->sketch_press_moved || hypot (x - self->sketch_press_x, y - self->sketch_press_y) > threshold)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  /* On an area's first corner: closed, so finished. */
  if (dl_sketch_get_shape (sketch) == DL_SKETCH_AREA && n >= 3)
    {
      double first_x, first_y;

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map), corners[0].lat, corners[0].lon,
                                                  &first_x, &first_y);
      if (hypot (x - first_x, y - first_y) <= CLICK_PRECISION_PX)
        {
          finish_sketch (self);
          return;
        }
    }

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  dl_sketch_add_corner (sketch, (DlLonLat) { lon, lat }, click_precision (viewport, lat));
}

static void
on_map_motion (GtkEventControllerMotion *motion,
               double                    x,
               double                    y,
               DlWindow                 *self)
{
  dl_sketch_layer_set_pointer (self->sketch_layer, TRUE, x, y);
}

static void
on_map_leave (GtkEventControllerMotion *motion,
              DlWindow                 *self)
{
  dl_sketch_layer_set_pointer (self->sketch_layer, FALSE, 0, 0);
}

/* Whether keys go to text being typed (Backspace and Enter are its own). */
static gboolean
typing (DlWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus));
}

/* Enter, Backspace and Escape while drawing, wherever the focus is but in
 * text (Escape there too: it cancels the drawing, not the typing). */
static gboolean
on_sketch_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               DlWindow              *self)
{
  DlSketch *sketch = get_sketch (self);

  if (!dl_sketch_is_drawing (sketch) || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      dl_sketch_reset (sketch);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (typing (self) || !dl_sketch_can_finish (sketch))
        return GDK_EVENT_PROPAGATE;
      finish_sketch (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_BackSpace:
      if (typing (self))
        return GDK_EVENT_PROPAGATE;
      dl_sketch_remove_last (sketch);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_map_released (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 DlWindow        *self)
{
  DlEvent *event = dl_session_get_selected_event (self->session);
  DlEditStack *edits = dl_session_get_edit_stack (self->session);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autoptr(DlGeometry) point = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *position = NULL;
  g_autofree char *name = NULL;
  DlPlace *place;
  double lat, lon, precision;

  if (n_press != 1 || !editing (self) || dl_sketch_is_drawing (get_sketch (self)))
    return;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  precision = click_precision (viewport, lat);
  point = dl_geometry_new_point ((DlLonLat) { lon, lat });
  position = describe_position (lat, lon);
  /* TRANSLATORS: the name of a place made by clicking the map; %s is its coordinates */
  name = g_strdup_printf (_("Point at %s"), position);

  dl_edit_stack_begin_group (edits, _("Place on the Map"));
  place = dl_edit_stack_add_place (edits, NULL, name, NULL, point, precision, "site", &error);
  if (place != NULL)
    dl_edit_stack_set_event_places (edits, event, &place, 1, &error);
  dl_edit_stack_end_group (edits);

  /* Not a place without its event. */
  if (error != NULL)
    {
      if (place != NULL && dl_edit_stack_can_undo (edits))
        dl_edit_stack_undo (edits);
      _dl_window_show_error (self, _("Cannot Place the Event"), error->message);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

void
_dl_window_class_place_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.finish-shape", NULL, action_finish_shape);
  gtk_widget_class_install_action (widget_class, "win.remove-corner", NULL, action_remove_corner);
  gtk_widget_class_install_action (widget_class, "win.cancel-shape", NULL, action_cancel_shape);
}

void
_dl_window_init_place (DlWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *sketch_click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  DlSketch *sketch = get_sketch (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_map_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  /* Drawn over the events. */
  self->sketch_layer = dl_sketch_layer_new (shumate_map_get_viewport (self->map), sketch);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->sketch_layer));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (sketch_click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (sketch_click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (sketch_click, "pressed", G_CALLBACK (on_sketch_pressed), self, 0);
  g_signal_connect_object (sketch_click, "stopped", G_CALLBACK (on_sketch_stopped), self, 0);
  g_signal_connect_object (sketch_click, "released", G_CALLBACK (on_sketch_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (sketch_click));

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_map_motion), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_map_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_sketch_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (sketch, "changed", G_CALLBACK (update_sketch_actions), self, G_CONNECT_SWAPPED);
  update_sketch_actions (self);
}
