/* dl-sketch.c: a line or an area being drawn on the map, corner by corner
 *
 * Shared state, not a widget: the event editor chooses the shape and shows
 * how many corners there are, the window adds a corner for each click on
 * the map, the map's sketch layer draws it, and finishing turns it into a
 * GeoJSON geometry of the dataset's own format. Model code (no GTK), so it
 * is tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-sketch"

#include <glib/gi18n-lib.h>

#include "dl-sketch.h"

struct _DlSketch
{
  GObject        parent_instance;

  DlSketchShape  shape;
  GArray        *corners;      /* of DlLonLat */
  GArray        *precisions;   /* of double, each corner's */
};

G_DEFINE_FINAL_TYPE (DlSketch, dl_sketch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SHAPE,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

/* Which side of a→b c is on: > 0 left, < 0 right, 0 on the line. */
static double
orientation (DlLonLat a,
             DlLonLat b,
             DlLonLat c)
{
  return (b.lon - a.lon) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lon - a.lon);
}

/* Whether segments ab and cd cross (touching counts: a ring that touches
 * itself is no valid polygon either). */
static gboolean
segments_cross (DlLonLat a,
                DlLonLat b,
                DlLonLat c,
                DlLonLat d)
{
  double o1 = orientation (a, b, c), o2 = orientation (a, b, d);
  double o3 = orientation (c, d, a), o4 = orientation (c, d, b);

  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)))
    return TRUE;
  /* Collinear and overlapping. */
  if (o1 == 0 && o2 == 0 && o3 == 0 && o4 == 0)
    return MAX (MIN (a.lon, b.lon), MIN (c.lon, d.lon)) <= MIN (MAX (a.lon, b.lon), MAX (c.lon, d.lon))
           && MAX (MIN (a.lat, b.lat), MIN (c.lat, d.lat)) <= MIN (MAX (a.lat, b.lat), MAX (c.lat, d.lat));
  return FALSE;
}

/* A ring's edges cross when two that do not share a corner meet. A person
 * draws a few dozen corners at most: all pairs are cheap. */
static gboolean
ring_crosses_itself (const DlLonLat *p,
                     guint           n)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        /* Neighbours share a corner (the last edge neighbours the first). */
        if (j == i + 1 || (i == 0 && j == n - 1))
          continue;
        if (segments_cross (p[i], p[(i + 1) % n], p[j], p[(j + 1) % n]))
          return TRUE;
      }
  return FALSE;
}

static double
twice_area (const DlLonLat *p,
            guint           n)
{
  double sum = 0.0;

  for (guint i = 0; i < n; i++)
    sum += p[i].lon * p[(i + 1) % n].lat - p[(i + 1) % n].lon * p[i].lat;
  return sum;
}

static void
changed (DlSketch *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* GObject */

static void
dl_sketch_finalize (GObject *object)
{
  DlSketch *self = DL_SKETCH (object);

  g_array_unref (self->corners);
  g_array_unref (self->precisions);

  G_OBJECT_CLASS (dl_sketch_parent_class)->finalize (object);
}

static void
dl_sketch_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DlSketch *self = DL_SKETCH (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      g_value_set_int (value, self->shape);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_sketch_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DlSketch *self = DL_SKETCH (object);

  switch (prop_id)
    {
    case PROP_SHAPE:
      dl_sketch_set_shape (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_sketch_class_init (DlSketchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dl_sketch_finalize;
  object_class->get_property = dl_sketch_get_property;
  object_class->set_property = dl_sketch_set_property;

  /* An int, not an enum type: the model registers no enum types. */
  properties[PROP_SHAPE] =
    g_param_spec_int ("shape", NULL, NULL, DL_SKETCH_POINT, DL_SKETCH_AREA, DL_SKETCH_POINT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dl_sketch_init (DlSketch *self)
{
  self->corners = g_array_new (FALSE, FALSE, sizeof (DlLonLat));
  self->precisions = g_array_new (FALSE, FALSE, sizeof (double));
}

/* Public API */

DlSketch *
dl_sketch_new (void)
{
  return g_object_new (DL_TYPE_SKETCH, NULL);
}

void
dl_sketch_set_shape (DlSketch      *self,
                     DlSketchShape  shape)
{
  g_return_if_fail (DL_IS_SKETCH (self));
  g_return_if_fail (shape >= DL_SKETCH_POINT && shape <= DL_SKETCH_AREA);

  if (self->shape == shape && self->corners->len == 0)
    return;

  g_array_set_size (self->corners, 0);
  g_array_set_size (self->precisions, 0);
  if (self->shape != shape)
    {
      self->shape = shape;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHAPE]);
    }
  changed (self);
}

DlSketchShape
dl_sketch_get_shape (DlSketch *self)
{
  g_return_val_if_fail (DL_IS_SKETCH (self), DL_SKETCH_POINT);

  return self->shape;
}

gboolean
dl_sketch_is_drawing (DlSketch *self)
{
  g_return_val_if_fail (DL_IS_SKETCH (self), FALSE);

  return self->shape != DL_SKETCH_POINT;
}

gboolean
dl_sketch_add_corner (DlSketch *self,
                      DlLonLat  position,
                      double    precision_m)
{
  g_return_val_if_fail (DL_IS_SKETCH (self), FALSE);
  g_return_val_if_fail (position.lon >= -180.0 && position.lon <= 180.0, FALSE);
  g_return_val_if_fail (position.lat >= -90.0 && position.lat <= 90.0, FALSE);

  if (self->shape == DL_SKETCH_POINT)
    return FALSE;
  if (self->corners->len > 0)
    {
      DlLonLat last = g_array_index (self->corners, DlLonLat, self->corners->len - 1);

      if (last.lon == position.lon && last.lat == position.lat)
        return FALSE;
    }

  g_array_append_val (self->corners, position);
  g_array_append_val (self->precisions, precision_m);
  changed (self);
  return TRUE;
}

gboolean
dl_sketch_move_corner (DlSketch *self,
                       guint     index,
                       DlLonLat  position,
                       double    precision_m)
{
  g_return_val_if_fail (DL_IS_SKETCH (self), FALSE);
  g_return_val_if_fail (position.lon >= -180.0 && position.lon <= 180.0, FALSE);
  g_return_val_if_fail (position.lat >= -90.0 && position.lat <= 90.0, FALSE);

  if (index >= self->corners->len)
    return FALSE;
  g_array_index (self->corners, DlLonLat, index) = position;
  g_array_index (self->precisions, double, index) = precision_m;
  changed (self);
  return TRUE;
}

gboolean
dl_sketch_remove_last (DlSketch *self)
{
  g_return_val_if_fail (DL_IS_SKETCH (self), FALSE);

  if (self->corners->len == 0)
    return FALSE;
  g_array_set_size (self->corners, self->corners->len - 1);
  g_array_set_size (self->precisions, self->precisions->len - 1);
  changed (self);
  return TRUE;
}

guint
dl_sketch_get_n_corners (DlSketch *self)
{
  g_return_val_if_fail (DL_IS_SKETCH (self), 0);

  return self->corners->len;
}

const DlLonLat *
dl_sketch_get_corners (DlSketch *self,
                       guint    *n_corners)
{
  g_return_val_if_fail (DL_IS_SKETCH (self), NULL);

  if (n_corners != NULL)
    *n_corners = self->corners->len;
  return (const DlLonLat *) self->corners->data;
}

gboolean
dl_sketch_can_finish (DlSketch *self)
{
  g_return_val_if_fail (DL_IS_SKETCH (self), FALSE);

  return (self->shape == DL_SKETCH_LINE && self->corners->len >= 2)
         || (self->shape == DL_SKETCH_AREA && self->corners->len >= 3);
}

DlGeometry *
dl_sketch_dup_geometry (DlSketch  *self,
                        double    *precision_m,
                        GError   **error)
{
  const DlLonLat *corners;
  guint n;

  g_return_val_if_fail (DL_IS_SKETCH (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  corners = dl_sketch_get_corners (self, &n);
  if (!dl_sketch_can_finish (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           self->shape == DL_SKETCH_AREA ? _("An area needs at least three corners.")
                                                         : _("A line needs at least two points."));
      return NULL;
    }
  if (self->shape == DL_SKETCH_AREA && (twice_area (corners, n) == 0 || ring_crosses_itself (corners, n)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The area’s edges cross or it has no size: remove the last corners with Backspace, or draw it again."));
      return NULL;
    }

  if (precision_m != NULL)
    {
      *precision_m = 0;
      for (guint i = 0; i < n; i++)
        *precision_m = MAX (*precision_m, g_array_index (self->precisions, double, i));
    }
  return self->shape == DL_SKETCH_LINE ? dl_geometry_new_line_string (corners, n)
                                       : dl_geometry_new_polygon (corners, n);
}

void
dl_sketch_reset (DlSketch *self)
{
  g_return_if_fail (DL_IS_SKETCH (self));

  dl_sketch_set_shape (self, DL_SKETCH_POINT);
}
