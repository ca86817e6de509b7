/* dl-sketch-layer.c: the line or area being drawn, on the map
 *
 * A layer of its own, above the events: what the user is drawing must
 * show over everything, in one colour that reads on the light and the dark
 * map alike (the accent blue inside a white casing), with each corner a
 * handle-like dot and a dashed edge following the pointer to say where the
 * next click adds one. The corners of a line or area drawn before are
 * handles too, while the event is edited: a drag moves one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-sketch-layer"

#include <string.h>

#include "dl-sketch-layer.h"

#define LINE_WIDTH 3.0
#define CORNER_RADIUS 5.0

/* GNOME's blue 3, as the accent colour. */
static const GdkRGBA sketch_colour = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 };

struct _DlSketchLayer
{
  ShumateLayer  parent_instance;

  DlSketch     *sketch;
  gboolean      pointer_inside;
  double        pointer_x;
  double        pointer_y;
  GArray       *handles;       /* of DlLonLat */
  gboolean      handles_area;
  int           dragged;       /* the handle being dragged, or -1 */
  double        dragged_x;
  double        dragged_y;
};

G_DEFINE_FINAL_TYPE (DlSketchLayer, dl_sketch_layer, SHUMATE_TYPE_LAYER)

enum {
  PROP_0,
  PROP_SKETCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
stroke_cased (cairo_t *cr,
              double   width)
{
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, width + 3.0);
  cairo_stroke_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &sketch_colour);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
draw_dot (cairo_t *cr,
          double   x,
          double   y,
          double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &sketch_colour);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
}

/* The handles of a line or area drawn before; the one dragged at the
 * pointer, with dashed edges to its neighbours. */
static void
draw_handles (DlSketchLayer *self,
              GtkWidget     *widget,
              cairo_t       *cr)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  guint n = self->handles->len;
  g_autofree double *xy = g_new (double, 2 * n);

  for (guint i = 0; i < n; i++)
    {
      const DlLonLat *p = &g_array_index (self->handles, DlLonLat, i);

      shumate_viewport_location_to_widget_coords (viewport, widget, p->lat, p->lon, &xy[2 * i], &xy[2 * i + 1]);
    }
  if (self->dragged >= 0 && (guint) self->dragged < n)
    {
      guint i = (guint) self->dragged;

      xy[2 * i] = self->dragged_x;
      xy[2 * i + 1] = self->dragged_y;
      for (int side = -1; side <= 1; side += 2)
        {
          int j = (int) i + side;

          if (self->handles_area)
            j = (j + (int) n) % (int) n;
          if (j < 0 || j >= (int) n || j == (int) i)
            continue;
          cairo_move_to (cr, xy[2 * j], xy[2 * j + 1]);
          cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
        }
      cairo_set_dash (cr, (double[]) { 6.0, 4.0 }, 2, 0);
      stroke_cased (cr, LINE_WIDTH - 1.0);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  for (guint i = 0; i < n; i++)
    draw_dot (cr, xy[2 * i], xy[2 * i + 1], CORNER_RADIUS - 1.0);
}

/* Callbacks */

static void
on_changed (DlSketchLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Vfuncs */

static void
dl_sketch_layer_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DlSketchLayer *self = DL_SKETCH_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree double *xy = NULL;
  const DlLonLat *corners;
  gboolean area;
  guint n;
  cairo_t *cr;

  corners = dl_sketch_get_corners (self->sketch, &n);
  if (width <= 0 || height <= 0)
    return;
  if (n == 0)
    {
      if (self->handles->len > 0)
        {
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          draw_handles (self, widget, cr);
          cairo_destroy (cr);
        }
      return;
    }
  area = dl_sketch_get_shape (self->sketch) == DL_SKETCH_AREA;

  xy = g_new (double, 2 * n);
  for (guint i = 0; i < n; i++)
    shumate_viewport_location_to_widget_coords (viewport, widget, corners[i].lat, corners[i].lon,
                                                &xy[2 * i], &xy[2 * i + 1]);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* An area fills in as soon as it has a size. */
  if (area && n >= 3)
    {
      cairo_move_to (cr, xy[0], xy[1]);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, sketch_colour.red, sketch_colour.green, sketch_colour.blue, 0.2);
      cairo_fill (cr);
    }

  /* The edges drawn. */
  if (n >= 2)
    {
      cairo_move_to (cr, xy[0], xy[1]);
      for (guint i = 1; i < n; i++)
        cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
      stroke_cased (cr, LINE_WIDTH);
    }

  /* The edges the next click would make, dashed: to the pointer, and for
   * an area on back to the first corner. */
  if (self->pointer_inside)
    {
      cairo_move_to (cr, xy[2 * (n - 1)], xy[2 * (n - 1) + 1]);
      cairo_line_to (cr, self->pointer_x, self->pointer_y);
      if (area && n >= 2)
        cairo_line_to (cr, xy[0], xy[1]);
      cairo_set_dash (cr, (double[]) { 6.0, 4.0 }, 2, 0);
      stroke_cased (cr, LINE_WIDTH - 1.0);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else if (area && n >= 3)
    {
      cairo_move_to (cr, xy[2 * (n - 1)], xy[2 * (n - 1) + 1]);
      cairo_line_to (cr, xy[0], xy[1]);
      cairo_set_dash (cr, (double[]) { 6.0, 4.0 }, 2, 0);
      stroke_cased (cr, LINE_WIDTH - 1.0);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The corners: white dots ringed in the colour; an area's first one
   * larger, as a click on it closes the area. */
  for (guint i = 0; i < n; i++)
    {
      double radius = area && i == 0 && n >= 3 ? CORNER_RADIUS + 2.0 : CORNER_RADIUS;

      draw_dot (cr, xy[2 * i], xy[2 * i + 1], radius);
    }

  cairo_destroy (cr);
}

/* GObject */

static void
dl_sketch_layer_constructed (GObject *object)
{
  DlSketchLayer *self = DL_SKETCH_LAYER (object);

  G_OBJECT_CLASS (dl_sketch_layer_parent_class)->constructed (object);

  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sketch, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

static void
dl_sketch_layer_dispose (GObject *object)
{
  DlSketchLayer *self = DL_SKETCH_LAYER (object);

  g_clear_object (&self->sketch);
  g_clear_pointer (&self->handles, g_array_unref);

  G_OBJECT_CLASS (dl_sketch_layer_parent_class)->dispose (object);
}

static void
dl_sketch_layer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DlSketchLayer *self = DL_SKETCH_LAYER (object);

  switch (prop_id)
    {
    case PROP_SKETCH:
      self->sketch = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_sketch_layer_class_init (DlSketchLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dl_sketch_layer_constructed;
  object_class->dispose = dl_sketch_layer_dispose;
  object_class->set_property = dl_sketch_layer_set_property;
  widget_class->snapshot = dl_sketch_layer_snapshot;

  properties[PROP_SKETCH] =
    g_param_spec_object ("sketch", NULL, NULL, DL_TYPE_SKETCH,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_sketch_layer_init (DlSketchLayer *self)
{
  self->handles = g_array_new (FALSE, FALSE, sizeof (DlLonLat));
  self->dragged = -1;
  /* Clicks go through to the map, where the window adds the corners. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

/* Public API */

DlSketchLayer *
dl_sketch_layer_new (ShumateViewport *viewport,
                     DlSketch        *sketch)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (DL_IS_SKETCH (sketch), NULL);

  return g_object_new (DL_TYPE_SKETCH_LAYER, "viewport", viewport, "sketch", sketch, NULL);
}

void
dl_sketch_layer_set_pointer (DlSketchLayer *self,
                             gboolean       inside,
                             double         x,
                             double         y)
{
  g_return_if_fail (DL_IS_SKETCH_LAYER (self));

  if (self->pointer_inside == inside && self->pointer_x == x && self->pointer_y == y)
    return;
  self->pointer_inside = inside;
  self->pointer_x = x;
  self->pointer_y = y;
  if (dl_sketch_get_n_corners (self->sketch) > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_sketch_layer_set_handles (DlSketchLayer  *self,
                             const DlLonLat *corners,
                             guint           n_corners,
                             gboolean        area)
{
  g_return_if_fail (DL_IS_SKETCH_LAYER (self));

  if (self->handles == NULL)  /* disposed */
    return;
  if (self->handles->len == n_corners && self->handles_area == area
      && (n_corners == 0 || memcmp (self->handles->data, corners, n_corners * sizeof (DlLonLat)) == 0))
    return;
  g_array_set_size (self->handles, 0);
  if (n_corners > 0)
    g_array_append_vals (self->handles, corners, n_corners);
  self->handles_area = area;
  self->dragged = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_sketch_layer_set_dragged (DlSketchLayer *self,
                             int            index,
                             double         x,
                             double         y)
{
  g_return_if_fail (DL_IS_SKETCH_LAYER (self));

  self->dragged = index;
  self->dragged_x = x;
  self->dragged_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
