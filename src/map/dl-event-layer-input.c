/* dl-event-layer-input.c: clicks, hovering and picking on the event layer
 *
 * Its own file because input has its own rules: the layer takes only the
 * pointer events that land on a mark or shape (the map pans everywhere
 * else), a press that became a drag selects nothing, a cluster zooms in or,
 * when it can never split, lists its events, and picking reaches lines and
 * areas as well as points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-layer"

#include <glib/gi18n.h>
#include <math.h>

#include "dl-click-tap.h"
#include "dl-event-chooser.h"
#include "dl-event-layer-private.h"

/* Helpers */

/* The user chose @event on the map: tell listeners, select it in the session. */
static void
activate_event (DlEventLayer *self,
                DlEvent      *event)
{
  g_signal_emit (self, dl_event_layer_signals[SIGNAL_EVENT_ACTIVATED], 0, event);
  if (self->session != NULL)
    dl_session_select (self->session, event);
}

static void
on_cluster_event_chosen (DlEvent  *event,
                         gpointer  user_data)
{
  activate_event (user_data, event);
}

/* Lists a cluster's events in time order (the model's order) in a popover
 * pointing at its badge: choosing one selects it. */
static void
show_cluster_list (DlEventLayer      *self,
                   const DlEventMark *mark)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint));
  int i = (int) mark->item;

  if (dl_event_layer_lod_mark_members (self, mark, indices))
    {
      for (guint k = 0; k < indices->len; k++)
        g_ptr_array_add (members, g_array_index (self->items, Item, g_array_index (indices, guint, k)).event);
    }
  else
    {
      /* Cells link their members newest-first in model order. */
      g_ptr_array_set_size (members, mark->n_events);
      for (guint k = 0; k < mark->n_events && i >= 0; k++, i = g_array_index (self->next, int, i))
        g_ptr_array_index (members, mark->n_events - 1 - k) = g_array_index (self->items, Item, i).event;
    }

  dl_event_chooser_show (self->cluster_list, members,
                         &(GdkRectangle) { (int) (mark->x - mark->radius), (int) (mark->y - mark->radius),
                                           (int) (2 * mark->radius), (int) (2 * mark->radius) },
                         _("Events at this place"), on_cluster_event_chosen, self);
}

/* Callbacks */

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DlEventLayer    *self)
{
  /* A drag that panned the map does not select what it started on. */
  if (!dl_click_tap_is_tap (gesture, x, y))
    return;

  if (dl_event_layer_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  DlEventLayer *self)
{
  guint n_marks;
  const DlEventMark *marks = dl_event_layer_get_marks (self, &n_marks);
  DlEvent *event = NULL;

  for (guint i = n_marks; i-- > 0;)
    if (hypot (marks[i].x - x, marks[i].y - y) <= marks[i].radius + PICK_SLOP)
      {
        if (marks[i].n_events > 1)
          {
            g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event — click to zoom in",
                                                                  "%u events — click to zoom in", marks[i].n_events),
                                                     marks[i].n_events);

            gtk_tooltip_set_text (tooltip, text);
            return TRUE;
          }
        event = marks[i].event;
        break;
      }

  if (event == NULL)
    event = dl_event_layer_pick (self, x, y);
  if (event == NULL)
    return FALSE;

  {
    g_autofree char *when = dl_edtf_describe (dl_event_get_when (event));
    g_autofree char *text = g_strdup_printf ("%s\n%s", dl_event_get_title (event), when);

    gtk_tooltip_set_text (tooltip, text);
  }
  return TRUE;
}

/* Vfuncs */

/* ShumateLayer lets every pointer event fall through to the map; this layer
 * takes those that land on a mark or shape it draws (so clicks and hovering
 * reach it), and leaves empty map to the map. A drag that starts on a mark
 * still pans: the map's gestures see the event as it bubbles up. */
gboolean
dl_event_layer_contains (GtkWidget *widget,
                         double     x,
                         double     y)
{
  DlEventLayer *self = DL_EVENT_LAYER (widget);

  if (self->items->len == 0 || gtk_widget_get_width (widget) <= 0)
    return FALSE;

  return dl_event_layer_pick (self, x, y) != NULL;
}

void
dl_event_layer_setup_input (DlEventLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  dl_click_tap_track (GTK_GESTURE_CLICK (click));
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  /* Only where contains() says a mark is: elsewhere the map's grab hand. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}

/* Public API */

gboolean
dl_event_layer_activate_at (DlEventLayer *self,
                            double        x,
                            double        y)
{
  guint n_marks;
  const DlEventMark *marks;
  DlEvent *event;

  g_return_val_if_fail (DL_IS_EVENT_LAYER (self), FALSE);

  marks = dl_event_layer_get_marks (self, &n_marks);
  for (guint i = n_marks; i-- > 0;)
    if (marks[i].n_events > 1 && hypot (marks[i].x - x, marks[i].y - y) <= marks[i].radius + PICK_SLOP)
      {
        DlBBox bbox;

        if (dl_event_layer_cluster_cannot_split (self, &marks[i]))
          {
            show_cluster_list (self, &marks[i]);
            return TRUE;
          }

        bbox = dl_event_layer_mark_bbox (self, &marks[i]);
        g_signal_emit (self, dl_event_layer_signals[SIGNAL_CLUSTER_ACTIVATED], 0, bbox.west, bbox.south, bbox.east, bbox.north);
        return TRUE;
      }

  if ((event = dl_event_layer_pick (self, x, y)) == NULL)
    return FALSE;

  activate_event (self, event);
  return TRUE;
}

static double
distance_to_segment (double px, double py,
                     double ax, double ay,
                     double bx, double by)
{
  double dx = bx - ax;
  double dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

DlEvent *
dl_event_layer_pick (DlEventLayer *self,
                     double        x,
                     double        y)
{
  guint n_marks;
  const DlEventMark *marks;

  g_return_val_if_fail (DL_IS_EVENT_LAYER (self), NULL);

  marks = dl_event_layer_get_marks (self, &n_marks);
  for (guint i = n_marks; i-- > 0;)
    if (hypot (marks[i].x - x, marks[i].y - y) <= marks[i].radius + PICK_SLOP)
      return marks[i].event;

  /* Corridors and areas: near a line, or inside an area's outline. */
  for (guint s = self->shapes->len; s-- > 0;)
    {
      const Item *item = &g_array_index (self->items, Item, g_array_index (self->shapes, guint, s));

      for (guint p = 0; p < dl_event_get_n_places (item->event); p++)
        {
          const DlGeometry *geometry = dl_place_get_geometry (dl_event_get_place (item->event, p));
          const double *xy = dl_event_layer_project_geometry (self, geometry);
          gboolean polygonal = dl_geometry_is_polygonal (geometry);
          gboolean inside = FALSE;

          for (guint part = 0; part < dl_geometry_get_n_parts (geometry); part++)
            {
              guint first, n;
              double ax = 0, ay = 0;

              dl_geometry_get_part (geometry, part, &first, &n);
              for (guint j = 0; j < n; j++)
                {
                  double bx, by;

                  dl_event_layer_to_screen (self, xy[2 * (first + j)], xy[2 * (first + j) + 1], &bx, &by);
                  if (j > 0)
                    {
                      if (distance_to_segment (x, y, ax, ay, bx, by) <= PICK_SLOP + 3)
                        return item->event;
                      /* Even-odd crossing test for areas. */
                      if (polygonal && ((ay > y) != (by > y)) && x < ax + (bx - ax) * (y - ay) / (by - ay))
                        inside = !inside;
                    }
                  ax = bx;
                  ay = by;
                }
            }
          if (inside)
            return item->event;
        }
    }

  return NULL;
}
