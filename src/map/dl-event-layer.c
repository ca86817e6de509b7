/* dl-event-layer.c: all events of a dataset drawn on the map in one snapshot
 *
 * One layer draws every event: no widget per event. Each frame, events are
 * placed by a linear Web Mercator transform of anchors projected once, points
 * that fall in the same screen cell are clustered (a count badge), events
 * sharing one place fan out around it, and corridors and areas are drawn as
 * such once they are big enough to see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-layer"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-category.h"
#include "dl-event-chooser.h"
#include "dl-event-layer.h"
#include "dl-session.h"

#define POINT_RADIUS     6.0
#define SELECTED_RADIUS  9.0
#define PICK_SLOP        6.0
#define CELL_SIZE        56.0
#define MAX_FAN          16
#define FAN_MIN_ZOOM     9.0
#define MIN_SHAPE_PX     10.0
#define MAX_HALO_RADIUS  2000.0
#define DIMMED_ALPHA     0.3
/* A fixed grid over the world indexes anchors, so a close view visits only
 * the events near it. */
#define GRID             256

typedef struct {
  DlEvent *event;
  double   mx, my;        /* anchor, normalized Web Mercator */
  double   west, north, east, south;  /* normalized Mercator bbox of all places */
  DlBBox   bbox;          /* lon/lat */
  double   lat;
  double   precision_m;
  gboolean is_shape;      /* has a line or area */
  gboolean concerns;      /* mapped to the place a statement is about: a hollow mark */
  GdkRGBA  color;
  gint64   earliest;
  gint64   latest;
} Item;

/* What the per-frame pass reads of each item, packed tight: a frame
 * touches every event, so its working set must stay small. */
typedef struct {
  double mx, my;          /* anchor, normalized Web Mercator */
  float  extent;          /* largest side of a shape's box (0 for points) */
} Point;

/* A square of the screen and the point-like events that fall in it. */
typedef struct {
  int      head;          /* first item, linked through `next` */
  guint    n;
  double   sx, sy;        /* sums of the members' anchors */
  double   first_mx, first_my;
  gboolean same_place;    /* every member at the first one's anchor */
} Cell;

struct _DlEventLayer
{
  ShumateLayer  parent_instance;

  GListModel   *model;
  DlSession    *session;
  GSignalGroup *session_signals;
  GArray       *items;     /* of Item */
  GArray       *points;    /* of Point, parallel to items */
  GArray       *shape_items; /* of guint: the items with a line or area */
  GArray       *grid_start;  /* of guint: GRID × GRID + 1 offsets into grid_items */
  GArray       *grid_items;  /* of guint: items sorted by the grid square of their anchor */
  int           selected_index;
  GHashTable   *badges;    /* count → PangoLayout, shaped once */
  GHashTable   *dots;      /* packed colour → GdkTexture of a ringed dot */
  GHashTable   *projected; /* DlGeometry → its positions in Web Mercator (double x, y pairs) */
  DlEvent      *selected;
  gint64        range_start;
  gint64        range_end;
  GtkPopover   *cluster_list;  /* the events of a cluster that cannot split */
  double        press_x, press_y;
  gboolean      press_moved;   /* the press became a drag (the map pans) */

  /* The layout of the last frame */
  gboolean      layout_valid;
  GArray       *marks;     /* of DlEventMark */
  GArray       *shapes;    /* of guint: items drawn as lines/areas */
  GArray       *cells;     /* of Cell */
  GArray       *next;      /* of int */
  double        scale;     /* pixels per normalized unit */
  double        cx, cy;    /* viewport centre, normalized */
  double        rotation;
  int           width, height;
};

enum {
  SIGNAL_EVENT_ACTIVATED,
  SIGNAL_CLUSTER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DlEventLayer, dl_event_layer, SHUMATE_TYPE_LAYER)

/* Helpers */

static gboolean
item_in_range (DlEventLayer *self,
               const Item   *item)
{
  return item->latest >= self->range_start && item->earliest <= self->range_end;
}

static void
to_screen (DlEventLayer *self,
           double        mx,
           double        my,
           double       *x,
           double       *y)
{
  double dx = (mx - self->cx) * self->scale;
  double dy = (my - self->cy) * self->scale;

  if (self->rotation != 0.0)
    {
      double c = cos (self->rotation);
      double s = sin (self->rotation);
      double rx = dx * c - dy * s;
      double ry = dx * s + dy * c;

      dx = rx;
      dy = ry;
    }

  *x = dx + self->width / 2.0;
  *y = dy + self->height / 2.0;
}

static void
update_selected_index (DlEventLayer *self)
{
  self->selected_index = -1;
  if (self->selected == NULL)
    return;

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, Item, i).event == self->selected)
      {
        self->selected_index = (int) i;
        return;
      }
}

static guint
grid_square (double mx,
             double my)
{
  int gx = CLAMP ((int) (mx * GRID), 0, GRID - 1);
  int gy = CLAMP ((int) (my * GRID), 0, GRID - 1);

  return (guint) (gy * GRID + gx);
}

/* Counting sort of the items by grid square. */
static void
build_grid (DlEventLayer *self)
{
  guint n = self->points->len;
  guint *start;
  guint *fill;

  g_array_set_size (self->grid_start, GRID * GRID + 1);
  g_array_set_size (self->grid_items, n);
  g_array_set_size (self->shape_items, 0);
  start = (guint *) (gpointer) self->grid_start->data;
  memset (start, 0, sizeof (guint) * (GRID * GRID + 1));

  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      start[grid_square (point->mx, point->my) + 1]++;
      if (point->extent > 0)
        g_array_append_val (self->shape_items, i);
    }
  for (guint g = 0; g < GRID * GRID; g++)
    start[g + 1] += start[g];

  fill = g_memdup2 (start, sizeof (guint) * GRID * GRID);
  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      g_array_index (self->grid_items, guint, fill[grid_square (point->mx, point->my)]++) = i;
    }
  g_free (fill);
}

static void
rebuild_items (DlEventLayer *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_array_set_size (self->items, 0);
  g_array_set_size (self->points, 0);
  g_hash_table_remove_all (self->projected);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (self->model, i);
      DlBBox bbox = dl_event_get_bbox (event);
      DlLonLat anchor = dl_event_get_anchor (event);
      DlLonLat nw = { bbox.west, bbox.north };
      DlLonLat se = { bbox.east, bbox.south };
      Item item = { 0 };

      if (dl_event_get_n_places (event) == 0)
        continue;

      item.event = event;  /* the model keeps it alive */
      dl_geo_project (anchor, &item.mx, &item.my);
      dl_geo_project (nw, &item.west, &item.north);
      dl_geo_project (se, &item.east, &item.south);
      item.bbox = bbox;
      item.lat = anchor.lat;
      item.precision_m = dl_event_get_precision_m (event);
      item.earliest = dl_event_get_when (event)->earliest;
      item.latest = dl_event_get_when (event)->latest;
      for (guint p = 0; p < dl_event_get_n_places (event); p++)
        if (!(dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (event, p))) == DL_GEOMETRY_POINT
              || dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (event, p))) == DL_GEOMETRY_MULTI_POINT))
          item.is_shape = TRUE;
      dl_category_get_color (dl_event_get_category (event), &item.color);
      item.concerns = dl_event_get_place_role (event) == DL_PLACE_ROLE_CONCERNS;

      {
        Point point = { item.mx, item.my, item.is_shape ? (float) MAX (item.east - item.west, item.south - item.north) : 0.0f };

        g_array_append_val (self->points, point);
      }
      g_array_append_val (self->items, item);
    }

  build_grid (self);
  update_selected_index (self);
  self->layout_valid = FALSE;
}

static void
extend_bbox (DlBBox     *bbox,
             const Item *item)
{
  dl_bbox_union (bbox, &item->bbox);
}

/* Whether a normalized Mercator box shows on screen (with the map rotated,
 * the screen's circumscribed square). */
static gboolean
box_on_screen (DlEventLayer *self,
               double        west,
               double        north,
               double        east,
               double        south)
{
  double margin = 16.0 / self->scale;
  double half_w = (self->rotation != 0.0 ? hypot (self->width, self->height) : self->width) / 2.0 / self->scale + margin;
  double half_h = (self->rotation != 0.0 ? hypot (self->width, self->height) : self->height) / 2.0 / self->scale + margin;

  return east >= self->cx - half_w && west <= self->cx + half_w
         && south >= self->cy - half_h && north <= self->cy + half_h;
}

/* Places every event for the current viewport. */
static void
compute_layout (DlEventLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  DlLonLat centre;
  double tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256.0;
  int columns, rows;
  int selected_index = self->selected_index;
  double zoom;

  if (self->layout_valid)
    return;

  self->width = gtk_widget_get_width (GTK_WIDGET (self));
  self->height = gtk_widget_get_height (GTK_WIDGET (self));
  zoom = shumate_viewport_get_zoom_level (viewport);
  self->scale = tile_size * exp2 (zoom);
  self->rotation = shumate_viewport_get_rotation (viewport);
  centre.lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  centre.lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  dl_geo_project (centre, &self->cx, &self->cy);

  g_array_set_size (self->marks, 0);
  g_array_set_size (self->shapes, 0);

  columns = MAX (1, (int) ceil ((self->width + 2 * CELL_SIZE) / CELL_SIZE));
  rows = MAX (1, (int) ceil ((self->height + 2 * CELL_SIZE) / CELL_SIZE));
  g_array_set_size (self->cells, columns * rows);
  memset (self->cells->data, 0, sizeof (Cell) * columns * rows);
  g_array_set_size (self->next, self->items->len);

  /* Corridors and areas big enough to see are drawn as such. */
  for (guint k = 0; k < self->shape_items->len; k++)
    {
      guint i = g_array_index (self->shape_items, guint, k);
      const Item *item = &g_array_index (self->items, Item, i);

      if ((int) i != self->selected_index
          && g_array_index (self->points, Point, i).extent * self->scale >= MIN_SHAPE_PX
          && box_on_screen (self, item->west, item->north, item->east, item->south))
        g_array_append_val (self->shapes, i);
    }

  /* Everything else shows as a point: bucket the anchors in view into
   * screen cells, keeping each cell's totals so clusters need no second
   * pass. The grid index limits the visit to the squares in view. */
  {
    double reach = (self->rotation != 0.0 ? hypot (self->width, self->height) : MAX (self->width, self->height)) / 2.0
                   + CELL_SIZE;
    int gx0 = CLAMP ((int) floor ((self->cx - reach / self->scale) * GRID), 0, GRID - 1);
    int gx1 = CLAMP ((int) floor ((self->cx + reach / self->scale) * GRID), 0, GRID - 1);
    int gy0 = CLAMP ((int) floor ((self->cy - reach / self->scale) * GRID), 0, GRID - 1);
    int gy1 = CLAMP ((int) floor ((self->cy + reach / self->scale) * GRID), 0, GRID - 1);

    for (int gy = gy0; gy <= gy1; gy++)
      {
        guint from = g_array_index (self->grid_start, guint, gy * GRID + gx0);
        guint to = g_array_index (self->grid_start, guint, gy * GRID + gx1 + 1);

        for (guint k = from; k < to; k++)
          {
            guint i = g_array_index (self->grid_items, guint, k);
            const Point *point = &g_array_index (self->points, Point, i);
            double x, y;
            Cell *cell;

            if ((int) i == self->selected_index || point->extent * self->scale >= MIN_SHAPE_PX)
              continue;

            to_screen (self, point->mx, point->my, &x, &y);
            if (x < -CELL_SIZE || y < -CELL_SIZE || x >= self->width + CELL_SIZE || y >= self->height + CELL_SIZE)
              continue;

            cell = &g_array_index (self->cells, Cell, (int) ((y + CELL_SIZE) / CELL_SIZE) * columns
                                                      + (int) ((x + CELL_SIZE) / CELL_SIZE));
            if (cell->n == 0)
              {
                cell->same_place = TRUE;
                cell->first_mx = point->mx;
                cell->first_my = point->my;
              }
            else if (point->mx != cell->first_mx || point->my != cell->first_my)
              cell->same_place = FALSE;
            g_array_index (self->next, int, i) = cell->n > 0 ? cell->head : -1;
            cell->head = (int) i;
            cell->n++;
            cell->sx += point->mx;
            cell->sy += point->my;
          }
      }
  }

  for (int c = 0; c < columns * rows; c++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, c);
      DlEventMark mark = { 0 };

      if (cell->n == 0)
        continue;

      if (cell->n == 1 || (cell->same_place && cell->n <= MAX_FAN && zoom >= FAN_MIN_ZOOM))
        {
          /* Events sharing one place fan out around it once the view is
           * close enough to tell what is there; before that they count. */
          double ax, ay;
          guint k = 0;

          to_screen (self, cell->first_mx, cell->first_my, &ax, &ay);
          for (int i = cell->head; i >= 0; i = g_array_index (self->next, int, i), k++)
            {
              const Item *item = &g_array_index (self->items, Item, i);
              double fan = cell->n > 1 ? 10.0 + 2.0 * cell->n : 0.0;
              double angle = 2 * G_PI * k / cell->n - G_PI / 2;

              mark.x = ax + fan * cos (angle);
              mark.y = ay + fan * sin (angle);
              mark.radius = POINT_RADIUS;
              mark.event = item->event;
              mark.item = (guint) i;
              mark.n_events = 1;
              mark.bbox = item->bbox;
              g_array_append_val (self->marks, mark);
            }
          continue;
        }

      /* A cluster: a badge at the members' centre. */
      to_screen (self, cell->sx / cell->n, cell->sy / cell->n, &mark.x, &mark.y);
      mark.radius = MIN (11.0 + 2.5 * log2 (cell->n), CELL_SIZE * 0.42);
      mark.event = g_array_index (self->items, Item, cell->head).event;
      mark.item = (guint) cell->head;
      mark.n_events = cell->n;
      dl_bbox_init_empty (&mark.bbox);  /* worked out when asked: see mark_bbox() */
      g_array_append_val (self->marks, mark);
    }

  /* The selection always shows on its own, on top. */
  if (selected_index >= 0)
    {
      const Item *item = &g_array_index (self->items, Item, selected_index);
      DlEventMark mark = { 0 };

      to_screen (self, item->mx, item->my, &mark.x, &mark.y);
      mark.radius = SELECTED_RADIUS;
      mark.event = item->event;
      mark.item = (guint) selected_index;
      mark.n_events = 1;
      dl_bbox_init_empty (&mark.bbox);
      extend_bbox (&mark.bbox, item);
      g_array_append_val (self->marks, mark);
    }

  self->layout_valid = TRUE;
}

static const Item *
find_item (DlEventLayer *self,
           DlEvent      *event)
{
  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, Item, i).event == event)
      return &g_array_index (self->items, Item, i);

  return NULL;
}

static void
append_circle (GtkSnapshot   *snapshot,
               double         x,
               double         y,
               double         radius,
               const GdkRGBA *fill,
               double         border,
               const GdkRGBA *border_color)
{
  GskRoundedRect outline;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius);

  gsk_rounded_rect_init_from_rect (&outline, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, fill, &bounds);
  gtk_snapshot_pop (snapshot);

  if (border > 0)
    {
      float widths[4] = { border, border, border, border };
      GdkRGBA colors[4] = { *border_color, *border_color, *border_color, *border_color };

      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

/* A geometry's positions projected once: drawing then needs no trigonometry. */
static const double *
projected_positions (DlEventLayer     *self,
                     const DlGeometry *geometry)
{
  double *xy = g_hash_table_lookup (self->projected, geometry);
  const DlLonLat *positions;
  guint n;

  if (xy != NULL)
    return xy;

  positions = dl_geometry_get_positions (geometry);
  n = dl_geometry_get_n_positions (geometry);
  xy = g_new (double, 2 * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    dl_geo_project (positions[i], &xy[2 * i], &xy[2 * i + 1]);
  g_hash_table_insert (self->projected, (gpointer) geometry, xy);

  return xy;
}

static void
trace_part (DlEventLayer     *self,
            cairo_t          *cr,
            const DlGeometry *geometry,
            guint             part)
{
  const double *xy = projected_positions (self, geometry);
  guint first;
  guint n;

  dl_geometry_get_part (geometry, part, &first, &n);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      to_screen (self, xy[2 * (first + i)], xy[2 * (first + i) + 1], &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
draw_shape (DlEventLayer *self,
            cairo_t      *cr,
            const Item   *item,
            gboolean      selected,
            GHashTable   *drawn)
{
  double alpha = item_in_range (self, item) ? 1.0 : DIMMED_ALPHA;
  const GdkRGBA *c = &item->color;

  for (guint p = 0; p < dl_event_get_n_places (item->event); p++)
    {
      const DlGeometry *geometry = dl_place_get_geometry (dl_event_get_place (item->event, p));
      DlGeometryType type = dl_geometry_get_geometry_type (geometry);
      guint n_parts = dl_geometry_get_n_parts (geometry);

      /* Several events at one area or corridor: draw it once, not stacked opaque. */
      if (drawn != NULL && !g_hash_table_add (drawn, (gpointer) geometry))
        continue;

      cairo_new_path (cr);
      if (type == DL_GEOMETRY_POLYGON || type == DL_GEOMETRY_MULTI_POLYGON)
        {
          for (guint i = 0; i < n_parts; i++)
            {
              trace_part (self, cr, geometry, i);
              cairo_close_path (cr);
            }
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, (selected ? 0.22 : 0.08) * alpha);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.9 * alpha);
          cairo_set_line_width (cr, selected ? 3.0 : 1.5);
          cairo_set_dash (cr, (double[]) { 6.0, 3.0 }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else if (type == DL_GEOMETRY_LINE_STRING || type == DL_GEOMETRY_MULTI_LINE_STRING)
        {
          double width = selected ? 7.0 : 5.0;

          for (guint i = 0; i < n_parts; i++)
            trace_part (self, cr, geometry, i);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          /* A light casing keeps the line readable over any basemap. */
          cairo_set_source_rgba (cr, 1, 1, 1, 0.85 * alpha);
          cairo_set_line_width (cr, width + 3.0);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
          cairo_set_line_width (cr, width);
          cairo_stroke (cr);
        }
    }
}

static void
draw_halo (DlEventLayer *self,
           GtkSnapshot  *snapshot,
           const Item   *item,
           double        x,
           double        y,
           gboolean      selected)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double metres_per_pixel = dl_geo_metres_per_pixel (item->lat, shumate_viewport_get_zoom_level (viewport));
  double radius = MIN (item->precision_m / metres_per_pixel, MAX_HALO_RADIUS);
  GdkRGBA fill = item->color;
  GdkRGBA edge = item->color;

  if (radius <= POINT_RADIUS + 2.0)
    return;

  fill.alpha = selected ? 0.16 : 0.07;
  edge.alpha = selected ? 0.55 : 0.22;
  append_circle (snapshot, x, y, radius, &fill, 1.0, &edge);
}

/* A point mark (a coloured dot in a white ring, or for a statement mapped
 * to what it concerns a white dot in a coloured ring) drawn once per colour
 * and then placed as a texture: one render node per event. */
static GdkTexture *
dot_texture (DlEventLayer  *self,
             const GdkRGBA *fill,
             const GdkRGBA *ring,
             gboolean       hollow)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  const GdkRGBA *colour = hollow ? ring : fill;
  /* The colour, and whether hollow in the lowest bit (alphas are 255 or 76). */
  guint key = (((guint) (colour->red * 255) << 24) | ((guint) (colour->green * 255) << 16)
               | ((guint) (colour->blue * 255) << 8) | (guint) (colour->alpha * 255)) ^ (hollow ? 1u : 0u);
  GdkTexture *texture = g_hash_table_lookup (self->dots, GUINT_TO_POINTER (key));
  double half = POINT_RADIUS + 1.0;
  int size = (int) ceil (2 * half * scale);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;

  if (texture != NULL)
    return texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_arc (cr, half, half, POINT_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, fill->alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, ring->red, ring->green, ring->blue, ring->alpha);
  cairo_set_line_width (cr, hollow ? 2.5 : 2.0);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  g_hash_table_insert (self->dots, GUINT_TO_POINTER (key), texture);

  return texture;
}

/* The count's text, shaped once and kept: shaping is the costly part. */
static PangoLayout *
badge_layout (DlEventLayer *self,
              guint         count)
{
  PangoLayout *layout = g_hash_table_lookup (self->badges, GUINT_TO_POINTER (count));
  PangoAttrList *attrs;
  g_autofree char *text = NULL;

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->badges) > 1024)
    g_hash_table_remove_all (self->badges);

  text = g_strdup_printf ("%u", count);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  g_hash_table_insert (self->badges, GUINT_TO_POINTER (count), layout);

  return layout;
}

static void
draw_badge (DlEventLayer      *self,
            GtkSnapshot       *snapshot,
            const DlEventMark *mark,
            gboolean           in_range)
{
  GdkRGBA fill = { 0.24, 0.22, 0.27, in_range ? 0.92 : 0.45 };
  GdkRGBA white = { 1, 1, 1, 1 };
  PangoLayout *layout = badge_layout (self, mark->n_events);
  int width, height;

  append_circle (snapshot, mark->x, mark->y, mark->radius, &fill, 2.0, &white);

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (mark->x - width / 2.0, mark->y - height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

static gboolean
cluster_in_range (DlEventLayer      *self,
                  const DlEventMark *mark)
{
  /* A cluster is bright when its first member is; cheap and stable. */
  return item_in_range (self, &g_array_index (self->items, Item, mark->item));
}

/* A cluster's box: its members are linked through `next` from the mark's item. */
static DlBBox
mark_bbox (DlEventLayer      *self,
           const DlEventMark *mark)
{
  DlBBox bbox;
  int i = (int) mark->item;

  if (mark->n_events == 1)
    return mark->bbox;

  dl_bbox_init_empty (&bbox);
  for (guint k = 0; k < mark->n_events && i >= 0; k++, i = g_array_index (self->next, int, i))
    dl_bbox_union (&bbox, &g_array_index (self->items, Item, i).bbox);

  return bbox;
}

static gboolean
mark_holds (DlEventLayer      *self,
            const DlEventMark *mark,
            DlEvent           *event)
{
  int i = (int) mark->item;

  for (guint k = 0; k < mark->n_events && i >= 0; k++, i = g_array_index (self->next, int, i))
    if (g_array_index (self->items, Item, i).event == event)
      return TRUE;

  return FALSE;
}

/* A cluster whose members all sit at one anchor never splits by zooming in
 * beyond what fanning out shows; nor does one already at the deepest zoom. */
static gboolean
cluster_cannot_split (DlEventLayer      *self,
                      const DlEventMark *mark)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const Point *first = &g_array_index (self->points, Point, mark->item);
  gboolean same_place = TRUE;
  int i = (int) mark->item;

  if (shumate_viewport_get_zoom_level (viewport) >= shumate_viewport_get_max_zoom_level (viewport) - 0.5)
    return TRUE;

  for (guint k = 0; k < mark->n_events && i >= 0; k++, i = g_array_index (self->next, int, i))
    {
      const Point *point = &g_array_index (self->points, Point, i);

      if (point->mx != first->mx || point->my != first->my)
        same_place = FALSE;
    }

  return same_place && mark->n_events > MAX_FAN;
}

/* The user chose @event on the map: tell listeners, select it in the session. */
static void
activate_event (DlEventLayer *self,
                DlEvent      *event)
{
  g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, event);
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
  int i = (int) mark->item;

  /* Cells link their members newest-first in model order. */
  g_ptr_array_set_size (members, mark->n_events);
  for (guint k = 0; k < mark->n_events && i >= 0; k++, i = g_array_index (self->next, int, i))
    g_ptr_array_index (members, mark->n_events - 1 - k) = g_array_index (self->items, Item, i).event;

  dl_event_chooser_show (self->cluster_list, members,
                         &(GdkRectangle) { (int) (mark->x - mark->radius), (int) (mark->y - mark->radius),
                                           (int) (2 * mark->radius), (int) (2 * mark->radius) },
                         _("Events at this place"), on_cluster_event_chosen, self);
}

/* Callbacks */

static void
on_viewport_changed (DlEventLayer *self)
{
  self->layout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_items_changed (DlEventLayer *self)
{
  rebuild_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  DlEventLayer    *self)
{
  self->press_x = x;
  self->press_y = y;
  self->press_moved = FALSE;
}

/* GtkGestureClick stops when the pointer leaves its threshold, yet still
 * reports the release on GTK 4.8: a drag that panned the map must not
 * select what it started on. */
static void
on_click_stopped (GtkGestureClick *gesture,
                  DlEventLayer    *self)
{
  self->press_moved = TRUE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DlEventLayer    *self)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
  if (self->press_moved || hypot (x - self->press_x, y - self->press_y) > threshold)
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

static void
on_session_selected_changed (DlEventLayer *self)
{
  dl_event_layer_set_selected (self, dl_session_get_selected_event (self->session));
}

static void
on_session_range_changed (DlEventLayer *self)
{
  gint64 start, end;

  dl_session_get_visible_range (self->session, &start, &end);
  if (end > start)
    dl_event_layer_set_time_range (self, start, end);
}

/* Vfuncs */

static void
dl_event_layer_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dl_event_layer_parent_class)->css_changed (widget, change);
  g_hash_table_remove_all (DL_EVENT_LAYER (widget)->badges);
  g_hash_table_remove_all (DL_EVENT_LAYER (widget)->dots);
}

static void
dl_event_layer_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DlEventLayer *self = DL_EVENT_LAYER (widget);

  self->layout_valid = FALSE;
  if (self->cluster_list != NULL)
    gtk_popover_present (self->cluster_list);
}

/* ShumateLayer lets every pointer event fall through to the map; this layer
 * takes those that land on a mark or shape it draws (so clicks and hovering
 * reach it), and leaves empty map to the map. A drag that starts on a mark
 * still pans: the map's gestures see the event as it bubbles up. */
static gboolean
dl_event_layer_contains (GtkWidget *widget,
                         double     x,
                         double     y)
{
  DlEventLayer *self = DL_EVENT_LAYER (widget);

  if (self->items->len == 0 || gtk_widget_get_width (widget) <= 0)
    return FALSE;

  return dl_event_layer_pick (self, x, y) != NULL;
}

static void
dl_event_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DlEventLayer *self = DL_EVENT_LAYER (widget);
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA dark = { 0.1, 0.1, 0.1, 0.9 };
  const Item *selected = NULL;

  if (self->items->len == 0 || gtk_widget_get_width (widget) <= 0)
    return;

  compute_layout (self);

  /* Corridors and areas, under the points. */
  if (self->shapes->len > 0 || (self->selected != NULL && (selected = find_item (self, self->selected)) != NULL && selected->is_shape))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->width, self->height));
      g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < self->shapes->len; i++)
        draw_shape (self, cr, &g_array_index (self->items, Item, g_array_index (self->shapes, guint, i)), FALSE, drawn);
      if (selected != NULL && selected->is_shape)
        draw_shape (self, cr, selected, TRUE, NULL);
      cairo_destroy (cr);
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DlEventMark *mark = &g_array_index (self->marks, DlEventMark, i);
      const Item *item;
      gboolean is_selected = mark->event == self->selected && mark->n_events == 1;
      GdkRGBA fill;
      GdkRGBA ring = white;

      if (mark->n_events > 1)
        {
          draw_badge (self, snapshot, mark, cluster_in_range (self, mark));
          continue;
        }

      item = &g_array_index (self->items, Item, mark->item);
      fill = item->color;
      if (!item_in_range (self, item))
        {
          fill.alpha = DIMMED_ALPHA;
          ring.alpha = DIMMED_ALPHA;
        }

      if (!item->is_shape || is_selected)
        draw_halo (self, snapshot, item, mark->x, mark->y, is_selected);
      /* An area or corridor is drawn as its shape; a statement about it
       * still gets its hollow mark at the anchor. */
      if (item->is_shape && !is_selected && !item->concerns)
        continue;
      if (item->concerns)
        {
          GdkRGBA paper = { 1, 1, 1, fill.alpha };

          ring = fill;
          fill = paper;
        }

      if (is_selected)
        {
          append_circle (snapshot, mark->x, mark->y, mark->radius + 4, &white, 2.5, &dark);
          append_circle (snapshot, mark->x, mark->y, mark->radius, &fill, 2.0, &ring);
        }
      else
        {
          double half = POINT_RADIUS + 1.0;

          gtk_snapshot_append_texture (snapshot, dot_texture (self, &fill, &ring, item->concerns),
                                       &GRAPHENE_RECT_INIT (mark->x - half, mark->y - half, 2 * half, 2 * half));
        }
    }
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

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  dl_event_layer_set_model (self, NULL);
  g_clear_object (&self->selected);
  if (self->cluster_list != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->cluster_list));
      self->cluster_list = NULL;
    }

  G_OBJECT_CLASS (dl_event_layer_parent_class)->dispose (object);
}

static void
dl_event_layer_finalize (GObject *object)
{
  DlEventLayer *self = DL_EVENT_LAYER (object);

  g_array_unref (self->items);
  g_array_unref (self->points);
  g_array_unref (self->shape_items);
  g_array_unref (self->grid_start);
  g_array_unref (self->grid_items);
  g_hash_table_unref (self->badges);
  g_hash_table_unref (self->dots);
  g_hash_table_unref (self->projected);
  g_array_unref (self->marks);
  g_array_unref (self->shapes);
  g_array_unref (self->cells);
  g_array_unref (self->next);

  G_OBJECT_CLASS (dl_event_layer_parent_class)->finalize (object);
}

static void
dl_event_layer_class_init (DlEventLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dl_event_layer_constructed;
  object_class->dispose = dl_event_layer_dispose;
  object_class->finalize = dl_event_layer_finalize;
  widget_class->snapshot = dl_event_layer_snapshot;
  widget_class->size_allocate = dl_event_layer_size_allocate;
  widget_class->css_changed = dl_event_layer_css_changed;
  widget_class->contains = dl_event_layer_contains;

  /**
   * DlEventLayer::event-activated:
   * @event: the event clicked on
   */
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DL_TYPE_EVENT);

  /**
   * DlEventLayer::cluster-activated:
   * @west, @south, @east, @north: the bounding box of the cluster's events
   */
  signals[SIGNAL_CLUSTER_ACTIVATED] =
    g_signal_new ("cluster-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
}

static void
dl_event_layer_init (DlEventLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));
  self->shape_items = g_array_new (FALSE, FALSE, sizeof (guint));
  self->grid_start = g_array_new (FALSE, FALSE, sizeof (guint));
  self->grid_items = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected_index = -1;
  self->badges = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->dots = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->projected = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->marks = g_array_new (FALSE, TRUE, sizeof (DlEventMark));
  self->shapes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->next = g_array_new (FALSE, FALSE, sizeof (int));
  self->range_start = G_MININT64;
  self->range_end = G_MAXINT64;

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "stopped", G_CALLBACK (on_click_stopped), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  /* Only where contains() says a mark is: elsewhere the map's grab hand. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  self->session_signals = g_signal_group_new (DL_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::selected-event",
                                  G_CALLBACK (on_session_selected_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::visible-start",
                                  G_CALLBACK (on_session_range_changed), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::visible-end",
                                  G_CALLBACK (on_session_range_changed), self);

  self->cluster_list = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->cluster_list), GTK_WIDGET (self));
}

/* Public API */

DlEventLayer *
dl_event_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (DL_TYPE_EVENT_LAYER, "viewport", viewport, NULL);
}

void
dl_event_layer_set_session (DlEventLayer *self,
                            DlSession    *session)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));
  g_return_if_fail (session == NULL || DL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  dl_event_layer_set_model (self, session != NULL ? dl_session_get_events (session) : NULL);
  if (session != NULL)
    {
      on_session_selected_changed (self);
      on_session_range_changed (self);
    }
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
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_items_changed), self);

  rebuild_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_event_layer_set_selected (DlEventLayer *self,
                             DlEvent      *event)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));

  if (g_set_object (&self->selected, event))
    {
      update_selected_index (self);
      self->layout_valid = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
dl_event_layer_set_time_range (DlEventLayer *self,
                               gint64        start,
                               gint64        end)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));

  if (self->range_start == start && self->range_end == end)
    return;

  self->range_start = start;
  self->range_end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const DlEventMark *
dl_event_layer_get_marks (DlEventLayer *self,
                          guint        *n_marks)
{
  g_return_val_if_fail (DL_IS_EVENT_LAYER (self), NULL);

  compute_layout (self);
  *n_marks = self->marks->len;

  return (const DlEventMark *) (gpointer) self->marks->data;
}

gboolean
dl_event_layer_get_event_mark (DlEventLayer *self,
                               DlEvent      *event,
                               DlEventMark  *mark)
{
  guint n_marks;
  const DlEventMark *marks = dl_event_layer_get_marks (self, &n_marks);

  g_return_val_if_fail (DL_IS_EVENT_LAYER (self), FALSE);

  for (guint i = 0; i < n_marks; i++)
    if (marks[i].event == event && marks[i].n_events == 1)
      {
        *mark = marks[i];
        return TRUE;
      }

  /* Inside a cluster? */
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].n_events > 1 && mark_holds (self, &marks[i], event))
      {
        *mark = marks[i];
        mark->bbox = mark_bbox (self, &marks[i]);
        return TRUE;
      }

  return FALSE;
}

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

        if (cluster_cannot_split (self, &marks[i]))
          {
            show_cluster_list (self, &marks[i]);
            return TRUE;
          }

        bbox = mark_bbox (self, &marks[i]);
        g_signal_emit (self, signals[SIGNAL_CLUSTER_ACTIVATED], 0, bbox.west, bbox.south, bbox.east, bbox.north);
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
          const double *xy = projected_positions (self, geometry);
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

                  to_screen (self, xy[2 * (first + j)], xy[2 * (first + j) + 1], &bx, &by);
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
