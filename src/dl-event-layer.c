/* dl-event-layer.c: all events of a dataset drawn on the map in one snapshot
 *
 * One layer draws every event (points, corridors, areas, precision halos);
 * there is no widget per event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-layer"

#include <math.h>

#include "dl-category.h"
#include "dl-event-layer.h"

#define POINT_RADIUS     6.0
#define PICK_RADIUS      12.0
#define MAX_HALO_RADIUS  4000.0

struct _DlEventLayer
{
  ShumateLayer  parent_instance;

  GListModel   *model;
  DlEvent      *selected;
};

enum {
  SIGNAL_EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DlEventLayer, dl_event_layer, SHUMATE_TYPE_LAYER)

/* Helpers */

static void
to_widget (DlEventLayer *self,
           DlLonLat      p,
           double       *x,
           double       *y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), p.lat, p.lon, x, y);
}

static double
halo_radius (DlEventLayer *self,
             DlEvent      *event,
             double        latitude)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double zoom = shumate_viewport_get_zoom_level (viewport);
  double metres_per_pixel = dl_geo_metres_per_pixel (latitude, zoom);

  return MIN (dl_event_get_precision_m (event) / metres_per_pixel, MAX_HALO_RADIUS);
}

static void
trace_part (DlEventLayer     *self,
            cairo_t          *cr,
            const DlGeometry *geometry,
            guint             part)
{
  const DlLonLat *positions = dl_geometry_get_positions (geometry);
  guint first;
  guint n;

  dl_geometry_get_part (geometry, part, &first, &n);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      to_widget (self, positions[first + i], &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
draw_geometry (DlEventLayer     *self,
               cairo_t          *cr,
               const DlGeometry *geometry,
               const GdkRGBA    *color,
               double            dim,
               gboolean          selected)
{
  DlGeometryType type = dl_geometry_get_geometry_type (geometry);
  guint n_parts = dl_geometry_get_n_parts (geometry);
  double width = selected ? 6.0 : 4.0;

  switch (type)
    {
    case DL_GEOMETRY_POLYGON:
    case DL_GEOMETRY_MULTI_POLYGON:
      cairo_new_path (cr);
      for (guint i = 0; i < n_parts; i++)
        {
          trace_part (self, cr, geometry, i);
          cairo_close_path (cr);
        }
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.25 * dim);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.9 * dim);
      cairo_set_line_width (cr, selected ? 3.0 : 2.0);
      cairo_stroke (cr);
      break;

    case DL_GEOMETRY_LINE_STRING:
    case DL_GEOMETRY_MULTI_LINE_STRING:
      cairo_new_path (cr);
      for (guint i = 0; i < n_parts; i++)
        trace_part (self, cr, geometry, i);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      /* A white casing keeps the line readable over any basemap. */
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9 * dim);
      cairo_set_line_width (cr, width + 3.0);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, dim);
      cairo_set_line_width (cr, width);
      cairo_stroke (cr);
      break;

    case DL_GEOMETRY_POINT:
    case DL_GEOMETRY_MULTI_POINT:
    default:
      {
        const DlLonLat *positions = dl_geometry_get_positions (geometry);
        double radius = selected ? POINT_RADIUS + 3.0 : POINT_RADIUS;

        for (guint i = 0; i < dl_geometry_get_n_positions (geometry); i++)
          {
            double x, y;

            to_widget (self, positions[i], &x, &y);
            cairo_new_path (cr);
            cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
            cairo_set_source_rgba (cr, color->red, color->green, color->blue, dim);
            cairo_fill_preserve (cr);
            cairo_set_source_rgba (cr, 1, 1, 1, dim);
            cairo_set_line_width (cr, 2.0);
            cairo_stroke (cr);
            if (selected)
              {
                cairo_arc (cr, x, y, radius + 3.0, 0, 2 * G_PI);
                cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.9);
                cairo_set_line_width (cr, 2.0);
                cairo_stroke (cr);
              }
          }
      }
      break;
    }
}

static void
draw_event (DlEventLayer *self,
            cairo_t      *cr,
            DlEvent      *event,
            gboolean      selected)
{
  GdkRGBA color;
  double dim = (self->selected == NULL || selected) ? 1.0 : 0.75;

  dl_category_get_color (dl_event_get_category (event), &color);

  /* How far the real spot may be: a translucent halo around each place. */
  for (guint i = 0; i < dl_event_get_n_places (event); i++)
    {
      DlPlace *place = dl_event_get_place (event, i);
      const DlGeometry *geometry = dl_place_get_geometry (place);
      DlGeometryType type = dl_geometry_get_geometry_type (geometry);

      if (type == DL_GEOMETRY_POINT || type == DL_GEOMETRY_MULTI_POINT)
        {
          DlLonLat anchor = dl_geometry_get_anchor (geometry);
          double radius = halo_radius (self, event, anchor.lat);
          double x, y;

          if (radius > POINT_RADIUS + 2.0)
            {
              to_widget (self, anchor, &x, &y);
              cairo_new_path (cr);
              cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
              cairo_set_source_rgba (cr, color.red, color.green, color.blue, selected ? 0.18 : 0.08);
              cairo_fill_preserve (cr);
              cairo_set_source_rgba (cr, color.red, color.green, color.blue, selected ? 0.6 : 0.25);
              cairo_set_line_width (cr, 1.0);
              cairo_stroke (cr);
            }
        }
    }

  for (guint i = 0; i < dl_event_get_n_places (event); i++)
    draw_geometry (self, cr, dl_place_get_geometry (dl_event_get_place (event, i)), &color, dim, selected);
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

static double
distance_to_event (DlEventLayer *self,
                   DlEvent      *event,
                   double        x,
                   double        y)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < dl_event_get_n_places (event); i++)
    {
      const DlGeometry *geometry = dl_place_get_geometry (dl_event_get_place (event, i));
      const DlLonLat *positions = dl_geometry_get_positions (geometry);
      DlGeometryType type = dl_geometry_get_geometry_type (geometry);

      if (type == DL_GEOMETRY_POINT || type == DL_GEOMETRY_MULTI_POINT)
        {
          for (guint j = 0; j < dl_geometry_get_n_positions (geometry); j++)
            {
              double px, py;

              to_widget (self, positions[j], &px, &py);
              best = MIN (best, hypot (px - x, py - y));
            }
          continue;
        }

      for (guint part = 0; part < dl_geometry_get_n_parts (geometry); part++)
        {
          guint first, n;
          double ax = 0, ay = 0;

          dl_geometry_get_part (geometry, part, &first, &n);
          for (guint j = 0; j < n; j++)
            {
              double bx, by;

              to_widget (self, positions[first + j], &bx, &by);
              if (j > 0)
                best = MIN (best, distance_to_segment (x, y, ax, ay, bx, by));
              ax = bx;
              ay = by;
            }
        }
    }

  return best;
}

/* Callbacks */

static void
on_viewport_changed (DlEventLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_model_changed (DlEventLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DlEventLayer    *self)
{
  DlEvent *event = dl_event_layer_pick (self, x, y);

  if (event != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, event);
    }
}

static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  DlEventLayer *self)
{
  DlEvent *event = dl_event_layer_pick (self, x, y);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (event == NULL)
    return FALSE;

  when = dl_edtf_describe (dl_event_get_when (event));
  text = g_strdup_printf ("%s\n%s", dl_event_get_title (event), when);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Vfuncs */

static void
dl_event_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DlEventLayer *self = DL_EVENT_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  guint n;

  if (self->model == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Areas first, then corridors, then points, so nothing small hides. */
  n = g_list_model_get_n_items (self->model);
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(DlEvent) event = g_list_model_get_item (self->model, i);
        DlGeometryType type;
        int event_pass;

        if (event == self->selected || dl_event_get_n_places (event) == 0)
          continue;

        type = dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (event, 0)));
        event_pass = (type == DL_GEOMETRY_POLYGON || type == DL_GEOMETRY_MULTI_POLYGON) ? 0
                   : (type == DL_GEOMETRY_LINE_STRING || type == DL_GEOMETRY_MULTI_LINE_STRING) ? 1 : 2;
        if (event_pass == pass)
          draw_event (self, cr, event, FALSE);
      }

  if (self->selected != NULL)
    draw_event (self, cr, self->selected, TRUE);

  cairo_destroy (cr);
}

static void
dl_event_layer_constructed (GObject *object)
{
  DlEventLayer *self = DL_EVENT_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (dl_event_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
}

static void
dl_event_layer_dispose (GObject *object)
{
  DlEventLayer *self = DL_EVENT_LAYER (object);

  dl_event_layer_set_model (self, NULL);
  g_clear_object (&self->selected);

  G_OBJECT_CLASS (dl_event_layer_parent_class)->dispose (object);
}

static void
dl_event_layer_class_init (DlEventLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dl_event_layer_constructed;
  object_class->dispose = dl_event_layer_dispose;
  widget_class->snapshot = dl_event_layer_snapshot;

  /**
   * DlEventLayer::event-activated:
   * @event: the event clicked on
   */
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DL_TYPE_EVENT);
}

static void
dl_event_layer_init (DlEventLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

/* Public API */

DlEventLayer *
dl_event_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (DL_TYPE_EVENT_LAYER, "viewport", viewport, NULL);
}

void
dl_event_layer_set_model (DlEventLayer *self,
                          GListModel   *model)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_changed, self);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_model_changed), self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_event_layer_set_selected (DlEventLayer *self,
                             DlEvent      *event)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));

  if (g_set_object (&self->selected, event))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

DlEvent *
dl_event_layer_pick (DlEventLayer *self,
                     double        x,
                     double        y)
{
  DlEvent *best = NULL;
  double best_distance = PICK_RADIUS;
  guint n;

  g_return_val_if_fail (DL_IS_EVENT_LAYER (self), NULL);

  if (self->model == NULL)
    return NULL;

  n = g_list_model_get_n_items (self->model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (self->model, i);
      double distance = distance_to_event (self, event, x, y);

      /* Ties go to the later-drawn (topmost) event. */
      if (distance <= best_distance)
        {
          best = event;
          best_distance = distance;
        }
    }

  return best;
}
