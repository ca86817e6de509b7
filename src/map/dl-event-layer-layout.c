/* dl-event-layer-layout.c: where each event goes in a frame, and clustering
 *
 * Its own file because it is the per-frame pass over every event, kept apart
 * from drawing so it can be read (and measured) alone: anchors projected
 * once and indexed by a grid over the world, points that fall in one screen
 * cell clustered into a count, events sharing a place fanned out around it,
 * and corridors and areas kept as shapes once they are big enough to see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-layer"

#include <math.h>
#include <string.h>

#include "dl-category.h"
#include "dl-dataset-categories.h"
#include "dl-event-list.h"
#include "dl-event-layer-private.h"

gboolean
dl_event_layer_item_in_range (DlEventLayer *self,
                              const Item   *item)
{
  return item->latest >= self->range_start && item->earliest <= self->range_end;
}

void
dl_event_layer_to_screen (DlEventLayer *self,
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

void
dl_event_layer_append_fanned (DlEventLayer *self,
                              double        ax,
                              double        ay,
                              guint         k,
                              guint         n,
                              guint         index)
{
  const Item *item = &g_array_index (self->items, Item, index);
  double fan = n > 1 ? 10.0 + 2.0 * n : 0.0;
  double angle = 2 * G_PI * k / n - G_PI / 2;
  DlEventMark mark = {
    .x = ax + fan * cos (angle),
    .y = ay + fan * sin (angle),
    .radius = POINT_RADIUS,
    .event = item->event,
    .n_events = 1,
    .bbox = dl_event_get_bbox (item->event),
    .item = index,
  };

  g_array_append_val (self->marks, mark);
}

void
dl_event_layer_update_selected_index (DlEventLayer *self)
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
build_grid (Reading *reading)
{
  guint n = reading->points->len;
  guint *start;
  guint *fill;

  g_array_set_size (reading->grid_start, GRID * GRID + 1);
  g_array_set_size (reading->grid_items, n);
  start = (guint *) (gpointer) reading->grid_start->data;
  memset (start, 0, sizeof (guint) * (GRID * GRID + 1));

  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (reading->points, Point, i);

      start[grid_square (point->mx, point->my) + 1]++;
      if (point->extent > 0)
        g_array_append_val (reading->shape_items, i);
    }
  for (guint g = 0; g < GRID * GRID; g++)
    start[g + 1] += start[g];

  fill = g_memdup2 (start, sizeof (guint) * GRID * GRID);
  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (reading->points, Point, i);

      g_array_index (reading->grid_items, guint, fill[grid_square (point->mx, point->my)]++) = i;
    }
  g_free (fill);
}

/* An event as a frame reads it; FALSE when it has no place. Reads the
 * event only (no GTK), so that it may run in a thread. */
static gboolean
read_event (DlEvent    *event,
            Item       *item,
            Point      *point,
            Box        *box,
            GHashTable *colors)
{
  const char *category;
  GdkRGBA *color;
  DlBBox bbox;
  DlLonLat anchor;
  DlLonLat nw, se;

  if (dl_event_get_n_places (event) == 0)
    return FALSE;

  bbox = dl_event_get_bbox (event);
  anchor = dl_event_get_anchor (event);
  nw = (DlLonLat) { bbox.west, bbox.north };
  se = (DlLonLat) { bbox.east, bbox.south };
  memset (item, 0, sizeof *item);
  item->event = event;  /* the model, or the array it points into, keeps it alive */
  dl_geo_project (anchor, &point->mx, &point->my);
  dl_geo_project (nw, &box->west, &box->north);
  dl_geo_project (se, &box->east, &box->south);
  item->earliest = dl_event_get_when (event)->earliest;
  item->latest = dl_event_get_when (event)->latest;
  for (guint p = 0; p < dl_event_get_n_places (event); p++)
    if (!(dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (event, p))) == DL_GEOMETRY_POINT
          || dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (event, p))) == DL_GEOMETRY_MULTI_POINT))
      item->is_shape = TRUE;
  /* A colour parsed once per category, not per event; the dataset's own
   * are in the table already, so only built-in ones are looked up here. */
  category = dl_event_get_category (event) != NULL ? dl_event_get_category (event) : "";
  color = g_hash_table_lookup (colors, category);
  if (color == NULL)
    {
      color = g_new (GdkRGBA, 1);
      dl_category_get_color (NULL, category, color);
      g_hash_table_insert (colors, g_strdup (category), color);
    }
  item->color = *color;
  item->concerns = dl_event_get_place_role (event) == DL_PLACE_ROLE_CONCERNS;

  point->extent = item->is_shape ? (float) MAX (box->east - box->west, box->south - box->north) : 0.0f;

  return TRUE;
}

GHashTable *
dl_event_layer_new_colors (DlEventLayer *self)
{
  GHashTable *colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  DlDataset *dataset = self->session != NULL ? dl_session_get_dataset (self->session) : NULL;
  guint n = dataset != NULL ? dl_dataset_get_n_categories (dataset) : 0;

  for (guint i = 0; i < n; i++)
    {
      const DlCategoryDef *def = dl_dataset_get_category (dataset, i);
      GdkRGBA *color = g_new (GdkRGBA, 1);

      dl_category_get_color (dataset, def->id, color);
      g_hash_table_insert (colors, g_strdup (def->id), color);
    }

  return colors;
}

Reading *
dl_event_layer_reading_new (guint       n,
                            GHashTable *colors)
{
  Reading *reading = g_new0 (Reading, 1);

  reading->colors = colors;
  reading->items = g_array_sized_new (FALSE, TRUE, sizeof (Item), n);
  reading->points = g_array_sized_new (FALSE, FALSE, sizeof (Point), n);
  reading->shape_items = g_array_new (FALSE, FALSE, sizeof (guint));
  reading->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  reading->grid_start = g_array_new (FALSE, FALSE, sizeof (guint));
  reading->grid_items = g_array_new (FALSE, FALSE, sizeof (guint));

  return reading;
}

void
dl_event_layer_reading_free (Reading *reading)
{
  if (reading == NULL)
    return;

  g_clear_pointer (&reading->items, g_array_unref);
  g_clear_pointer (&reading->points, g_array_unref);
  g_clear_pointer (&reading->shape_items, g_array_unref);
  g_clear_pointer (&reading->boxes, g_array_unref);
  g_clear_pointer (&reading->grid_start, g_array_unref);
  g_clear_pointer (&reading->grid_items, g_array_unref);
  g_clear_pointer (&reading->source, g_ptr_array_unref);
  g_clear_pointer (&reading->colors, g_hash_table_unref);
  g_free (reading);
}

/* Reads the events of @source at @positions (all of them when NULL). */
void
dl_event_layer_reading_fill (Reading   *reading,
                             GPtrArray *source,
                             GArray    *positions)
{
  guint n = positions != NULL ? positions->len : source->len;
  GHashTable *colors = reading->colors;

  for (guint k = 0; k < n; k++)
    {
      DlEvent *event = g_ptr_array_index (source, positions != NULL ? g_array_index (positions, guint, k) : k);
      Item item;
      Point point;
      Box box;

      if (read_event (event, &item, &point, &box, colors))
        {
          if (item.is_shape)
            {
              item.box = reading->boxes->len;
              g_array_append_val (reading->boxes, box);
            }
          g_array_append_val (reading->items, item);
          g_array_append_val (reading->points, point);
        }
    }
  build_grid (reading);
}

/* What was read becomes what frames read. */
void
dl_event_layer_take_reading (DlEventLayer *self,
                             Reading      *reading)
{
  g_array_unref (self->items);
  g_array_unref (self->points);
  g_array_unref (self->shape_items);
  g_array_unref (self->boxes);
  g_array_unref (self->grid_start);
  g_array_unref (self->grid_items);
  self->items = g_steal_pointer (&reading->items);
  self->points = g_steal_pointer (&reading->points);
  self->shape_items = g_steal_pointer (&reading->shape_items);
  self->boxes = g_steal_pointer (&reading->boxes);
  self->grid_start = g_steal_pointer (&reading->grid_start);
  self->grid_items = g_steal_pointer (&reading->grid_items);
  g_clear_pointer (&self->items_source, g_ptr_array_unref);
  self->items_source = g_steal_pointer (&reading->source);
  dl_event_layer_reading_free (reading);

  g_hash_table_remove_all (self->projected);
  dl_event_layer_update_selected_index (self);
  self->layout_valid = FALSE;
}

void
dl_event_layer_rebuild_items (DlEventLayer *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  Reading *reading;

  /* Many shown events of the session: read in a thread, with the level
   * of detail (two seconds at a million events); the last ones are drawn
   * meanwhile. */
  if (self->model != NULL && DL_IS_EVENT_LIST (self->model) && n >= LOD_MIN_EVENTS
      && dl_event_list_get_source (DL_EVENT_LIST (self->model)) != NULL)
    {
      dl_event_layer_read_async (self, dl_event_list_get_source (DL_EVENT_LIST (self->model)),
                                 dl_event_list_get_positions (DL_EVENT_LIST (self->model)));
      return;
    }

  reading = dl_event_layer_reading_new (n, dl_event_layer_new_colors (self));
  if (self->model != NULL && DL_IS_EVENT_LIST (self->model) && dl_event_list_get_source (DL_EVENT_LIST (self->model)) != NULL)
    {
      /* The array the list points into keeps the events alive. */
      reading->source = g_ptr_array_ref (dl_event_list_get_source (DL_EVENT_LIST (self->model)));
      dl_event_layer_reading_fill (reading, reading->source, dl_event_list_get_positions (DL_EVENT_LIST (self->model)));
    }
  else
    {
      g_autoptr(GPtrArray) events = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (events, g_list_model_get_item (self->model, i));
      dl_event_layer_reading_fill (reading, events, NULL);
    }
  dl_event_layer_take_reading (self, reading);
  dl_event_layer_start_lod (self);
}

/* A cluster's box holds its members' anchors, where their marks stand, not
 * their places' boxes: one member over a wide area (a region, a statement
 * about a country) would frame a view no closer than the one the cluster
 * was clicked in, and the click would not split it. */
static void
extend_by_anchor (DlBBox     *bbox,
                  const Item *item)
{
  DlLonLat anchor = dl_event_get_anchor (item->event);
  DlBBox point = { anchor.lon, anchor.lat, anchor.lon, anchor.lat };

  dl_bbox_union (bbox, &point);
}

/* Whether a shape's box of its places shows on screen (with the map
 * rotated, the screen's circumscribed square). */
gboolean
dl_event_layer_shape_on_screen (DlEventLayer *self,
                                const Item   *item)
{
  const Box *box = &g_array_index (self->boxes, Box, item->box);
  double margin = 16.0 / self->scale;
  double half_w = (self->rotation != 0.0 ? hypot (self->width, self->height) : self->width) / 2.0 / self->scale + margin;
  double half_h = (self->rotation != 0.0 ? hypot (self->width, self->height) : self->height) / 2.0 / self->scale + margin;

  g_return_val_if_fail (item->is_shape, FALSE);

  return box->east >= self->cx - half_w && box->west <= self->cx + half_w
         && box->south >= self->cy - half_h && box->north <= self->cy + half_h;
}

/* Corridors and areas big enough to see are drawn as such. */
static void
layout_shapes (DlEventLayer *self)
{
  for (guint k = 0; k < self->shape_items->len; k++)
    {
      guint i = g_array_index (self->shape_items, guint, k);
      const Item *item = &g_array_index (self->items, Item, i);

      if ((int) i != self->selected_index
          && g_array_index (self->points, Point, i).extent * self->scale >= MIN_SHAPE_PX
          && dl_event_layer_shape_on_screen (self, item))
        g_array_append_val (self->shapes, i);
    }
}

/* How a cell's events show: a lone mark, a fan around their shared
 * place, or a badge at their centre; where, and how far it reaches. */
static gboolean
cell_fans (const Cell *cell,
           double      zoom)
{
  return cell->n == 1 || (cell->same_place && cell->n <= MAX_FAN && zoom >= FAN_MIN_ZOOM);
}

static void
cell_circle (DlEventLayer *self,
             const Cell   *cell,
             double        zoom,
             double       *x,
             double       *y,
             double       *radius)
{
  if (cell_fans (cell, zoom))
    {
      dl_event_layer_to_screen (self, cell->first_mx, cell->first_my, x, y);
      *radius = POINT_RADIUS + (cell->n > 1 ? 10.0 + 2.0 * cell->n : 0.0);
    }
  else
    {
      dl_event_layer_to_screen (self, cell->sx / cell->n, cell->sy / cell->n, x, y);
      *radius = DL_EVENT_LAYER_CLUSTER_RADIUS (cell->n);
    }
}

/* Screen cells cut at arbitrary lines: events on either side of one stay
 * apart however close they are, and two crowded neighbours put their
 * badges on top of each other, hiding a count. Neighbouring cells whose
 * marks would overlap become one, until none do. Cells are at most two
 * apart for that (a badge reaches less than half a cell). A cell's list
 * runs through @next (items, or the pyramid's squares) from head to tail. */
void
dl_event_layer_merge_overlapping_cells (DlEventLayer *self,
                                        double        zoom,
                                        int           columns,
                                        GArray       *next)
{
  int rows = (int) self->cells->len / columns;
  gboolean merged = TRUE;

  for (int pass = 0; merged && pass < 8; pass++)
    {
      merged = FALSE;
      for (int c = 0; c < columns * rows; c++)
        {
          Cell *a = &g_array_index (self->cells, Cell, c);
          int cx = c % columns, cy = c / columns;

          if (a->n == 0)
            continue;
          /* Each pair once: the cells after this one in reading order. */
          for (int dy = 0; dy <= 2; dy++)
            for (int dx = -2; dx <= 2; dx++)
              {
                int nx = cx + dx, ny = cy + dy;
                Cell *b;
                double ax, ay, ar, bx, by, br;

                if ((dy == 0 && dx <= 0) || nx < 0 || nx >= columns || ny >= rows)
                  continue;
                b = &g_array_index (self->cells, Cell, ny * columns + nx);
                if (b->n == 0)
                  continue;
                cell_circle (self, a, zoom, &ax, &ay, &ar);
                cell_circle (self, b, zoom, &bx, &by, &br);
                if (hypot (ax - bx, ay - by) >= ar + br)
                  continue;

                /* b's members join a's list, after its tail. */
                g_array_index (next, int, a->tail) = b->head;
                a->tail = b->tail;
                a->same_place = a->same_place && b->same_place
                                && a->first_mx == b->first_mx && a->first_my == b->first_my;
                a->last = MAX (a->last, b->last);
                a->n += b->n;
                a->sx += b->sx;
                a->sy += b->sy;
                b->n = 0;
                merged = TRUE;
              }
        }
    }
}

/* Places each point-like event in view, one by one. */
static void
layout_exact (DlEventLayer *self,
              double        zoom,
              int           columns,
              int           rows,
              int           gx0,
              int           gx1,
              int           gy0,
              int           gy1)
{
  g_array_set_size (self->next, self->items->len);

  /* Everything else shows as a point: bucket the anchors in view into
   * screen cells, keeping each cell's totals so clusters need no second
   * pass. The grid index limits the visit to the squares in view. */
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

          dl_event_layer_to_screen (self, point->mx, point->my, &x, &y);
          if (x < -CELL_SIZE || y < -CELL_SIZE || x >= self->width + CELL_SIZE || y >= self->height + CELL_SIZE)
            continue;

          cell = &g_array_index (self->cells, Cell, (int) ((y + CELL_SIZE) / CELL_SIZE) * columns
                                                    + (int) ((x + CELL_SIZE) / CELL_SIZE));
          if (cell->n == 0)
            {
              cell->tail = (int) i;
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

  dl_event_layer_merge_overlapping_cells (self, zoom, columns, self->next);

  for (int c = 0; c < columns * rows; c++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, c);
      DlEventMark mark = { 0 };

      if (cell->n == 0)
        continue;

      if (cell_fans (cell, zoom))
        {
          /* Events sharing one place fan out around it once the view is
           * close enough to tell what is there; before that they count. */
          double ax, ay;
          guint k = 0;

          dl_event_layer_to_screen (self, cell->first_mx, cell->first_my, &ax, &ay);
          for (int i = cell->head; i >= 0; i = g_array_index (self->next, int, i), k++)
            dl_event_layer_append_fanned (self, ax, ay, k, cell->n, (guint) i);
          continue;
        }

      /* A cluster: a badge at the members' centre. */
      dl_event_layer_to_screen (self, cell->sx / cell->n, cell->sy / cell->n, &mark.x, &mark.y);
      mark.radius = DL_EVENT_LAYER_CLUSTER_RADIUS (cell->n);
      mark.event = g_array_index (self->items, Item, cell->head).event;
      mark.item = (guint) cell->head;
      mark.n_events = cell->n;
      dl_bbox_init_empty (&mark.bbox);  /* worked out when asked: see dl_event_layer_mark_bbox() */
      g_array_append_val (self->marks, mark);
    }
}

/* Places every event for the current viewport. */
void
dl_event_layer_compute_layout (DlEventLayer *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  ShumateMapSource *source = shumate_viewport_get_reference_map_source (viewport);
  DlLonLat centre;
  double tile_size = source != NULL ? shumate_map_source_get_tile_size (source) : 256.0;
  int columns, rows;
  int gx0, gx1, gy0, gy1;
  int selected_index = self->selected_index;
  double reach;
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

  /* The squares of the grid index in view. */
  reach = (self->rotation != 0.0 ? hypot (self->width, self->height) : MAX (self->width, self->height)) / 2.0
          + CELL_SIZE;
  gx0 = CLAMP ((int) floor ((self->cx - reach / self->scale) * GRID), 0, GRID - 1);
  gx1 = CLAMP ((int) floor ((self->cx + reach / self->scale) * GRID), 0, GRID - 1);
  gy0 = CLAMP ((int) floor ((self->cy - reach / self->scale) * GRID), 0, GRID - 1);
  gy1 = CLAMP ((int) floor ((self->cy + reach / self->scale) * GRID), 0, GRID - 1);

  /* With a level of detail built, shapes that share a geometry are
   * visited once; too many events in view to visit each: their squares'
   * totals. */
  if (!dl_event_layer_lod_shapes (self))
    layout_shapes (self);
  if (!dl_event_layer_lod_layout (self, zoom, columns, gx0, gx1, gy0, gy1))
    layout_exact (self, zoom, columns, rows, gx0, gx1, gy0, gy1);

  /* The selection always shows on its own, on top. */
  if (selected_index >= 0)
    {
      const Item *item = &g_array_index (self->items, Item, selected_index);
      DlEventMark mark = { 0 };

      const Point *point = &g_array_index (self->points, Point, selected_index);

      dl_event_layer_to_screen (self, point->mx, point->my, &mark.x, &mark.y);
      mark.radius = SELECTED_RADIUS;
      mark.event = item->event;
      mark.item = (guint) selected_index;
      mark.n_events = 1;
      mark.bbox = dl_event_get_bbox (item->event);
      g_array_append_val (self->marks, mark);
    }

  self->layout_valid = TRUE;
}

/* A geometry's positions projected once: drawing then needs no trigonometry. */
const double *
dl_event_layer_project_geometry (DlEventLayer     *self,
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

gboolean
dl_event_layer_cluster_in_range (DlEventLayer      *self,
                                 const DlEventMark *mark)
{
  /* A cluster is bright when its first member is; cheap and stable. */
  return dl_event_layer_item_in_range (self, &g_array_index (self->items, Item, mark->item));
}

/* A cluster's box: its members are linked through `next` from the mark's item. */
DlBBox
dl_event_layer_mark_bbox (DlEventLayer      *self,
                          const DlEventMark *mark)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  DlBBox bbox;
  int i = (int) mark->item;

  if (mark->n_events == 1)
    return mark->bbox;

  dl_bbox_init_empty (&bbox);
  if (dl_event_layer_lod_mark_members (self, mark, members))
    {
      for (guint k = 0; k < members->len; k++)
        extend_by_anchor (&bbox, &g_array_index (self->items, Item, g_array_index (members, guint, k)));
      return bbox;
    }
  for (guint k = 0; k < mark->n_events && i >= 0; k++, i = g_array_index (self->next, int, i))
    extend_by_anchor (&bbox, &g_array_index (self->items, Item, i));

  return bbox;
}

gboolean
dl_event_layer_mark_holds (DlEventLayer      *self,
                           const DlEventMark *mark,
                           DlEvent           *event)
{
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  int i = (int) mark->item;

  if (dl_event_layer_lod_mark_members (self, mark, members))
    {
      for (guint k = 0; k < members->len; k++)
        if (g_array_index (self->items, Item, g_array_index (members, guint, k)).event == event)
          return TRUE;
      return FALSE;
    }

  for (guint k = 0; k < mark->n_events && i >= 0; k++, i = g_array_index (self->next, int, i))
    if (g_array_index (self->items, Item, i).event == event)
      return TRUE;

  return FALSE;
}

/* A cluster whose members all sit at one anchor never splits by zooming in
 * beyond what fanning out shows; nor does one already at the deepest zoom. */
gboolean
dl_event_layer_cluster_cannot_split (DlEventLayer      *self,
                                     const DlEventMark *mark)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  const Point *first = &g_array_index (self->points, Point, mark->item);
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean same_place = TRUE;
  int i = (int) mark->item;

  if (shumate_viewport_get_zoom_level (viewport) >= shumate_viewport_get_max_zoom_level (viewport) - 0.5)
    return TRUE;

  if (dl_event_layer_lod_mark_members (self, mark, members))
    {
      for (guint k = 0; k < members->len; k++)
        {
          const Point *point = &g_array_index (self->points, Point, g_array_index (members, guint, k));

          if (point->mx != first->mx || point->my != first->my)
            return FALSE;
        }
      return mark->n_events > MAX_FAN;
    }

  for (guint k = 0; k < mark->n_events && i >= 0; k++, i = g_array_index (self->next, int, i))
    {
      const Point *point = &g_array_index (self->points, Point, i);

      if (point->mx != first->mx || point->my != first->my)
        same_place = FALSE;
    }

  return same_place && mark->n_events > MAX_FAN;
}
