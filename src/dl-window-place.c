/* dl-window-place.c: a click on the map places the event being edited
 *
 * While the event editor shows, a click on the map (not a drag, not on a
 * mark: the event layer takes those) puts the selected event at that
 * point: a new place of the dataset, named by its coordinates, whose
 * precision is what a click can aim at the map's zoom. One undo takes it
 * back. Its own file: the map's input is the window's, the edit the
 * editor's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>
#include <math.h>

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

  if (n_press != 1 || event == NULL || edits == NULL
      || !g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "editor"))
    return;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map), x, y, &lat, &lon);
  precision = dl_geo_round_metres (CLICK_PRECISION_PX * dl_geo_metres_per_pixel (lat, shumate_viewport_get_zoom_level (viewport)));
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
_dl_window_init_place (DlWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (on_map_released), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
}
