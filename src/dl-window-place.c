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
 * Escape cancels. The same as actions for the editor's buttons. A corner
 * added from the gazetteer's search outside the map's view brings the
 * drawing into view.
 *
 * Corners can be dragged: while drawing, those of the sketch; after,
 * those of the edited event's line or area (its one place), each drag one
 * undoable edit of the place's geometry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>
#include <math.h>

#include "dl-click-tap.h"
#include "dl-widget-action.h"
#include "dl-window-private.h"

/* A click is good to about this many pixels. */
#define CLICK_PRECISION_PX 8
/* A press this near a corner drags it. */
#define HANDLE_PX 10
/* A line or area with more corners than this (a region's border) is not
 * shown as handles. */
#define MAX_HANDLES 64

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

/* A new place (@name, @geometry, @precision, @kind) becomes the edited
 * event's one place, in one edit that one undo takes back (@label). Not a
 * place without its event: if either step fails, neither stays, and the
 * user is told; FALSE then. */
static gboolean
place_event (DlWindow         *self,
             const char       *label,
             const char       *name,
             DlGeometry       *geometry,
             double            precision,
             const char       *kind)
{
  DlEvent *event = dl_session_get_selected_event (self->session);
  DlEditStack *edits = dl_session_get_edit_stack (self->session);
  g_autoptr(GError) error = NULL;
  DlPlace *place;

  dl_edit_stack_begin_group (edits, label);
  place = dl_edit_stack_add_place (edits, NULL, name, NULL, geometry, precision, kind, &error);
  if (place != NULL)
    dl_edit_stack_set_event_places (edits, event, &place, 1, &error);
  dl_edit_stack_end_group (edits);

  if (error != NULL)
    {
      if (place != NULL && dl_edit_stack_can_undo (edits))
        dl_edit_stack_undo (edits);
      _dl_window_show_error (self, _("Cannot Place the Event"), error->message);
      return FALSE;
    }
  return TRUE;
}

/* The sketch made the event's place: one undo takes it back. */
static void
finish_sketch (DlWindow *self)
{
  DlSketch *sketch = get_sketch (self);
  gboolean area = dl_sketch_get_shape (sketch) == DL_SKETCH_AREA;
  g_autoptr(DlGeometry) geometry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
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

  if (!place_event (self, area ? _("Draw an Area") : _("Draw a Line"), name, geometry, precision,
                    area ? "area" : "corridor"))
    return;
  /* Done: the next click selects or places again. */
  dl_sketch_reset (sketch);
}

/* The place whose corners a drag moves when not drawing: the edited
 * event's one place, when it is a line or an area of one ring and of a
 * few corners. */
static DlPlace *
adjustable_place (DlWindow *self)
{
  DlEvent *event = dl_session_get_selected_event (self->session);
  const DlGeometry *geometry;
  DlGeometryType type;
  guint n_parts = 0;

  if (!editing (self) || dl_sketch_is_drawing (get_sketch (self)) || dl_event_get_n_places (event) != 1)
    return NULL;
  geometry = dl_place_get_geometry (dl_event_get_place (event, 0));
  type = dl_geometry_get_geometry_type (geometry);
  dl_geometry_get_parts (geometry, &n_parts);
  if ((type != DL_GEOMETRY_LINE_STRING && type != DL_GEOMETRY_POLYGON) || n_parts != 1
      || dl_geometry_get_n_positions (geometry) > MAX_HANDLES)
    return NULL;
  return dl_event_get_place (event, 0);
}

/* The corners a drag may move, and whether they are an area's (its ring
 * without the closing position). */
static const DlLonLat *
draggable_corners (DlWindow *self,
                   guint    *n,
                   gboolean *area,
                   DlPlace **place)
{
  DlSketch *sketch = get_sketch (self);
  const DlGeometry *geometry;

  *place = NULL;
  if (dl_sketch_is_drawing (sketch))
    {
      *area = dl_sketch_get_shape (sketch) == DL_SKETCH_AREA;
      return dl_sketch_get_corners (sketch, n);
    }
  *place = adjustable_place (self);
  if (*place == NULL)
    {
      *n = 0;
      return NULL;
    }
  geometry = dl_place_get_geometry (*place);
  *area = dl_geometry_get_geometry_type (geometry) == DL_GEOMETRY_POLYGON;
  *n = dl_geometry_get_n_positions (geometry) - (*area ? 1 : 0);
  return dl_geometry_get_positions (geometry);
}

static void
update_handles (DlWindow *self)
{
  DlPlace *place;
  const DlLonLat *corners = NULL;
  gboolean area = FALSE;
  guint n = 0;

  if (self->sketch_layer == NULL)
    return;
  place = adjustable_place (self);
  if (place != NULL)
    corners = draggable_corners (self, &n, &area, &place);
  dl_sketch_layer_set_handles (self->sketch_layer, corners, n, area);
}

/* A corner added outside the map's view (from the gazetteer's search):
 * the map frames the drawing. */
static void
show_new_corner (DlWindow *self)
{
  DlSketch *sketch = get_sketch (self);
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  guint n = 0;
  const DlLonLat *corners = dl_sketch_get_corners (sketch, &n);
  GtkWidget *map = GTK_WIDGET (self->map);
  double x, y;
  DlBBox bbox;

  if (n == 0 || n <= self->sketch_n_corners || !gtk_widget_get_mapped (map))
    return;
  shumate_viewport_location_to_widget_coords (viewport, map, corners[n - 1].lat, corners[n - 1].lon, &x, &y);
  if (x >= 0 && y >= 0 && x < gtk_widget_get_width (map) && y < gtk_widget_get_height (map))
    return;

  dl_bbox_init_empty (&bbox);
  for (guint i = 0; i < n; i++)
    dl_bbox_extend (&bbox, corners[i]);
  _dl_window_frame_bbox (self, &bbox, click_precision (viewport, corners[n - 1].lat) * 10, TRUE);
}

static void
update_sketch_actions (DlWindow *self)
{
  DlSketch *sketch = get_sketch (self);

  show_new_corner (self);
  self->sketch_n_corners = dl_sketch_get_n_corners (sketch);
  update_handles (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.finish-shape", dl_sketch_can_finish (sketch));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-corner", dl_sketch_get_n_corners (sketch) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-shape", dl_sketch_is_drawing (sketch));
}

DL_WIDGET_ACTION (finish_shape, DlWindow, finish_sketch (self))
DL_WIDGET_ACTION (remove_corner, DlWindow, dl_sketch_remove_last (get_sketch (self)))
DL_WIDGET_ACTION (cancel_shape, DlWindow, dl_sketch_reset (get_sketch (self)))

static gboolean
drag_threshold_passed (DlWindow *self,
                       double    dx,
                       double    dy)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
  return hypot (dx, dy) > threshold;
}

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

  if (n_press >= 2)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      finish_sketch (self);
    }
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
  double lat, lon;
  guint n;
  const DlLonLat *corners = dl_sketch_get_corners (sketch, &n);

  if (n_press != 1 || !dl_sketch_is_drawing (sketch) || !editing (self))
    return;
  /* A pan adds no corner. */
  if (!dl_click_tap_is_tap (gesture, x, y))
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
  if (dl_sketch_add_corner (sketch, (DlLonLat) { lon, lat }, click_precision (viewport, lat)))
    self->sketch_added_time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
}

/* Dragging a corner */

static DlLonLat
location_at (DlWindow *self,
             double    x,
             double    y)
{
  double lat, lon;

  shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (self->map), GTK_WIDGET (self->map), x, y,
                                              &lat, &lon);
  return (DlLonLat) { CLAMP (lon, -180.0, 180.0), CLAMP (lat, -85.0, 85.0) };
}

/* The corner a press at (@x, @y) is on, or -1. */
static int
corner_near (DlWindow *self,
             double    x,
             double    y,
             DlLonLat *corner)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  const DlLonLat *corners;
  DlPlace *place;
  gboolean area;
  double best = HANDLE_PX;
  guint n = 0;
  int found = -1;

  corners = editing (self) ? draggable_corners (self, &n, &area, &place) : NULL;
  for (guint i = 0; i < n; i++)
    {
      double cx, cy;

      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self->map), corners[i].lat, corners[i].lon,
                                                  &cx, &cy);
      if (hypot (cx - x, cy - y) <= best)
        {
          best = hypot (cx - x, cy - y);
          found = (int) i;
          if (corner != NULL)
            *corner = corners[i];
        }
    }
  return found;
}

/* A press on a corner takes the pointer (the map does not pan, no corner
 * is added, the event is not placed); elsewhere, the drag is not ours. So
 * is a second press on the corner just clicked: a double click, which
 * finishes the drawing. */
static void
on_corner_drag_begin (GtkGestureDrag *gesture,
                      double          x,
                      double          y,
                      DlWindow       *self)
{
  guint32 now = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
  int double_click_ms = 400;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &double_click_ms, NULL);
  self->drag_corner = corner_near (self, x, y, &self->drag_corner_from);
  if (self->drag_corner >= 0 && dl_sketch_is_drawing (get_sketch (self))
      && (guint) self->drag_corner + 1 == dl_sketch_get_n_corners (get_sketch (self))
      && now - self->sketch_added_time <= (guint32) double_click_ms)
    self->drag_corner = -1;
  gtk_gesture_set_state (GTK_GESTURE (gesture),
                         self->drag_corner >= 0 ? GTK_EVENT_SEQUENCE_CLAIMED : GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_corner_drag_update (GtkGestureDrag *gesture,
                       double          dx,
                       double          dy,
                       DlWindow       *self)
{
  DlSketch *sketch = get_sketch (self);
  double x, y;

  if (self->drag_corner < 0)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += dx;
  y += dy;
  /* The sketch's corner follows; a drawn place's handle moves, and the
   * place changes once, on release. */
  if (dl_sketch_is_drawing (sketch))
    {
      if (drag_threshold_passed (self, dx, dy))
        dl_sketch_move_corner (sketch, (guint) self->drag_corner, location_at (self, x, y),
                               click_precision (shumate_map_get_viewport (self->map), location_at (self, x, y).lat));
    }
  else
    dl_sketch_layer_set_dragged (self->sketch_layer, self->drag_corner, x, y);
}

/* Moves corner @index of @place to @to: one undoable edit. */
static void
move_place_corner (DlWindow *self,
                   DlPlace  *place,
                   guint     index,
                   DlLonLat  to)
{
  const DlGeometry *geometry = dl_place_get_geometry (place);
  gboolean area = dl_geometry_get_geometry_type (geometry) == DL_GEOMETRY_POLYGON;
  guint n = dl_geometry_get_n_positions (geometry) - (area ? 1 : 0);
  g_autoptr(DlSketch) moved = dl_sketch_new ();
  g_autoptr(DlGeometry) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Made as a sketch is, so an area whose edges now cross is refused. */
  dl_sketch_set_shape (moved, area ? DL_SKETCH_AREA : DL_SKETCH_LINE);
  for (guint i = 0; i < n; i++)
    dl_sketch_add_corner (moved, i == index ? to : dl_geometry_get_positions (geometry)[i], 0);
  if (dl_sketch_get_n_corners (moved) == n)
    result = dl_sketch_dup_geometry (moved, NULL, &error);
  else
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("A corner cannot be dropped on the next one."));
  if (result == NULL
      || !dl_edit_stack_set_place_geometry (dl_session_get_edit_stack (self->session), place, result, &error))
    _dl_window_toast (self, error->message);
}

static void
on_corner_drag_end (GtkGestureDrag *gesture,
                    double          dx,
                    double          dy,
                    DlWindow       *self)
{
  DlSketch *sketch = get_sketch (self);
  int index = self->drag_corner;
  gboolean moved = drag_threshold_passed (self, dx, dy);
  DlPlace *place;
  gboolean area;
  double x, y;
  guint n = 0;

  self->drag_corner = -1;
  dl_sketch_layer_set_dragged (self->sketch_layer, -1, 0, 0);
  if (index < 0 || !editing (self))
    return;
  draggable_corners (self, &n, &area, &place);
  if ((guint) index >= n)
    return;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (place == NULL)
    {
      /* Not a drag but a click on it: an area's first corner closes it. */
      if (!moved)
        {
          if (area && index == 0 && n >= 3)
            finish_sketch (self);
          return;
        }
      dl_sketch_move_corner (sketch, (guint) index, location_at (self, x + dx, y + dy),
                             click_precision (shumate_map_get_viewport (self->map), location_at (self, x + dx, y + dy).lat));
      return;
    }
  if (moved)
    move_place_corner (self, place, (guint) index, location_at (self, x + dx, y + dy));
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
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  g_autoptr(DlGeometry) point = NULL;
  g_autofree char *position = NULL;
  g_autofree char *name = NULL;
  double lat, lon, precision;

  if (n_press != 1 || !editing (self) || dl_sketch_is_drawing (get_sketch (self)))
    return;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  precision = click_precision (viewport, lat);
  point = dl_geometry_new_point ((DlLonLat) { lon, lat });
  position = describe_position (lat, lon);
  /* TRANSLATORS: the name of a place made by clicking the map; %s is its coordinates */
  name = g_strdup_printf (_("Point at %s"), position);

  if (!place_event (self, _("Place on the Map"), name, point, precision, "site"))
    return;
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
  GtkGesture *corner_drag = gtk_gesture_drag_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  DlSketch *sketch = get_sketch (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_map_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  /* Drawn over the events. */
  self->sketch_layer = dl_sketch_layer_new (shumate_map_get_viewport (self->map), sketch);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->sketch_layer));
  /* The map owns it: gone with the map, before the window's signals are. */
  g_object_add_weak_pointer (G_OBJECT (self->sketch_layer), (gpointer *) &self->sketch_layer);

  /* A press on a corner is this drag's: the clicks above and the map's
   * pan are denied it. */
  self->drag_corner = -1;
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (corner_drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (corner_drag), GTK_PHASE_CAPTURE);
  g_signal_connect_object (corner_drag, "drag-begin", G_CALLBACK (on_corner_drag_begin), self, 0);
  g_signal_connect_object (corner_drag, "drag-update", G_CALLBACK (on_corner_drag_update), self, 0);
  g_signal_connect_object (corner_drag, "drag-end", G_CALLBACK (on_corner_drag_end), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (corner_drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (sketch_click), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (sketch_click), GTK_PHASE_CAPTURE);
  dl_click_tap_track (GTK_GESTURE_CLICK (sketch_click));
  g_signal_connect_object (sketch_click, "pressed", G_CALLBACK (on_sketch_pressed), self, 0);
  g_signal_connect_object (sketch_click, "released", G_CALLBACK (on_sketch_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (sketch_click));

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_map_motion), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_map_leave), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_sketch_key), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_object (sketch, "changed", G_CALLBACK (update_sketch_actions), self, G_CONNECT_SWAPPED);
  /* The handles follow the edited event, its place and the sidebar. */
  g_signal_connect_object (self->session, "notify::selected-event", G_CALLBACK (update_handles), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_stack, "notify::visible-child-name", G_CALLBACK (update_handles), self,
                           G_CONNECT_SWAPPED);
  g_signal_group_connect_swapped (self->edited_dataset_signals, "changed", G_CALLBACK (update_handles), self);
  update_sketch_actions (self);
}
