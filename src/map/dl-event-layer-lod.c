/* dl-event-layer-lod.c: the event layer's level of detail for large datasets
 *
 * Its own file because it is a second way to lay out a frame, used only
 * when a view holds more events than a frame can visit one by one (a
 * million events at world zoom took 265 ms a frame): a pyramid of grids
 * over the world, one per zoom, each square holding the totals of the
 * point-like events whose anchor falls in it. A frame then visits the
 * squares in view, a few pixels each, instead of the events, and clusters
 * them into the same screen cells as the exact layout does.
 *
 * The pyramid is built in a thread (a GTask) after the layer reads its
 * model; for the session's shown events (a DlEventList) of that size the
 * reading itself is done there too, from the array the list points into,
 * and the items read before are drawn meanwhile. Until it is ready, and whenever few events are in view (fewer
 * than LOD_MIN_EVENTS), the exact layout in dl-event-layer-layout.c runs.
 * A layer with fewer events than that never builds one, so small datasets
 * are drawn exactly as before. What the pyramid gives up is a square's
 * members going to the cell of the square's centre: a cluster's count may
 * differ by the events within a few pixels of a cell's edge.
 *
 * One sorted order of the events serves every level: by extent (a
 * corridor or area turns from a point into a shape at one scale), then by
 * the Morton code of the anchor, then by index, so that a square of any
 * level with one extent is a contiguous range of it, and a cluster can list
 * its members without a per-level copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-layer"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dl-background.h"
#include "dl-bisect.h"
#include "dl-event-layer-private.h"

#define MORTON_BITS  24     /* anchors quantized to 2^24 per side: ~2 m at the equator */
#define N_LEVELS     (MORTON_BITS + 1)
#define AGG_PX       8.0    /* a square's side in pixels, at most: a seventh of a cell */

/* The totals of one square of one level, for events of one extent. */
typedef struct {
  guint32 gx, gy;          /* the square at its level */
  float   extent;
  guint   from, to;        /* members: order[from .. to) */
  guint   last;            /* the member with the highest index: a cluster's face */
  gboolean same_place;     /* every member at (first_mx, first_my) */
  double  sx, sy;          /* sums of the members' anchors */
  double  first_mx, first_my;
} Agg;

/* Corridors and areas that share a geometry are drawn once. */
typedef struct {
  guint last;              /* the member drawn (and picked) */
  guint before_last;       /* drawn instead while `last` is selected; G_MAXUINT when none */
} ShapeGroup;

struct _DlEventLod
{
  guint   n_items;
  guint  *order;           /* item indices by (extent, Morton code, index) */
  guint  *rank;            /* the inverse: an item's place in order */
  GArray *levels[N_LEVELS];  /* of Agg, by (gy, gx, extent) */
  int     max_level;       /* the finest level kept; -1 for none */
  GArray *groups;          /* of ShapeGroup, by `last` */
};

typedef struct {
  guint32 extent_bits;
  guint32 index;
  guint32 gx, gy;
  guint64 morton;
} Entry;

typedef struct {
  GArray    *items;        /* of Item, the layer's at the time */
  GArray    *points;       /* of Point, likewise */
  GPtrArray *source;       /* reading in the thread: the events and where they are */
  GArray    *positions;
  GHashTable *colors;      /* the dataset's category colours, for the reading */
  Reading   *reading;      /* what the thread read */
} BuildInput;

/* Helpers */

void
dl_event_lod_free (DlEventLod *lod)
{
  if (lod == NULL)
    return;

  g_free (lod->order);
  g_free (lod->rank);
  for (guint l = 0; l < N_LEVELS; l++)
    g_clear_pointer (&lod->levels[l], g_array_unref);
  g_clear_pointer (&lod->groups, g_array_unref);
  g_free (lod);
}

static void
build_input_free (gpointer data)
{
  BuildInput *input = data;

  g_clear_pointer (&input->items, g_array_unref);
  g_clear_pointer (&input->points, g_array_unref);
  g_clear_pointer (&input->source, g_ptr_array_unref);
  g_clear_pointer (&input->positions, g_array_unref);
  g_clear_pointer (&input->colors, g_hash_table_unref);
  dl_event_layer_reading_free (input->reading);
  g_free (input);
}

static guint64
spread_bits (guint32 v)
{
  guint64 x = v & 0xffffff;

  x = (x | (x << 16)) & G_GUINT64_CONSTANT (0x0000ffff0000ffff);
  x = (x | (x << 8)) & G_GUINT64_CONSTANT (0x00ff00ff00ff00ff);
  x = (x | (x << 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);
  x = (x | (x << 2)) & G_GUINT64_CONSTANT (0x3333333333333333);
  x = (x | (x << 1)) & G_GUINT64_CONSTANT (0x5555555555555555);

  return x;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a;
  const Entry *y = b;

  if (x->extent_bits != y->extent_bits)
    return x->extent_bits < y->extent_bits ? -1 : 1;
  if (x->morton != y->morton)
    return x->morton < y->morton ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
compare_aggs (gconstpointer a,
              gconstpointer b)
{
  const Agg *x = a;
  const Agg *y = b;

  if (x->gy != y->gy)
    return x->gy < y->gy ? -1 : 1;
  if (x->gx != y->gx)
    return x->gx < y->gx ? -1 : 1;
  return x->extent < y->extent ? -1 : x->extent > y->extent;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const ShapeGroup *x = a;
  const ShapeGroup *y = b;

  return x->last < y->last ? -1 : x->last > y->last;
}

static guint32
quantize (double v)
{
  return (guint32) CLAMP ((gint64) floor (v * (1 << MORTON_BITS)), 0, (1 << MORTON_BITS) - 1);
}

/* What an item's shape is drawn as: its place's geometry, or for an event
 * at several places the event itself; NULL for a point. */
static gconstpointer
shape_key (const Item *item)
{
  if (!item->is_shape)
    return NULL;

  return dl_event_get_n_places (item->event) == 1
         ? (gconstpointer) dl_place_get_geometry (dl_event_get_place (item->event, 0))
         : (gconstpointer) item->event;
}

static void
build_groups (DlEventLod *lod,
              GArray     *items)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (NULL, NULL);

  lod->groups = g_array_new (FALSE, FALSE, sizeof (ShapeGroup));
  for (guint i = 0; i < lod->n_items; i++)
    {
      gconstpointer key = shape_key (&g_array_index (items, Item, i));
      gpointer found;

      if (key == NULL)
        continue;
      if (g_hash_table_lookup_extended (by_key, key, NULL, &found))
        {
          ShapeGroup *group = &g_array_index (lod->groups, ShapeGroup, GPOINTER_TO_UINT (found));

          group->before_last = group->last;
          group->last = i;
        }
      else
        {
          ShapeGroup group = { i, G_MAXUINT };

          g_hash_table_insert (by_key, (gpointer) key, GUINT_TO_POINTER (lod->groups->len));
          g_array_append_val (lod->groups, group);
        }
    }
  g_array_sort (lod->groups, compare_groups);
}

/* The thread: sorts the events once, then sums each level's squares from
 * that order, coarsest first, until a level would hold more squares than a
 * quarter of the events (there the exact layout is as cheap). */
static DlEventLod *
build (GArray       *items,
       GArray       *points,
       GCancellable *cancellable)
{
  DlEventLod *lod = g_new0 (DlEventLod, 1);
  guint n = points->len;
  Entry *entries = g_new (Entry, MAX (n, 1));

  lod->n_items = n;
  lod->max_level = -1;
  for (guint i = 0; i < n; i++)
    {
      const Point *point = &g_array_index (points, Point, i);
      Entry *entry = &entries[i];
      float extent = point->extent;

      memcpy (&entry->extent_bits, &extent, sizeof extent);  /* ordered as the float is: never negative */
      entry->index = i;
      entry->gx = quantize (point->mx);
      entry->gy = quantize (point->my);
      entry->morton = spread_bits (entry->gx) | (spread_bits (entry->gy) << 1);
    }
  qsort (entries, n, sizeof (Entry), compare_entries);

  lod->order = g_new (guint, MAX (n, 1));
  lod->rank = g_new (guint, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    {
      lod->order[k] = entries[k].index;
      lod->rank[entries[k].index] = k;
    }

  for (int level = 0; level < N_LEVELS && !g_cancellable_is_cancelled (cancellable); level++)
    {
      int shift = MORTON_BITS - level;
      GArray *aggs = g_array_new (FALSE, FALSE, sizeof (Agg));
      gboolean too_fine = FALSE;

      for (guint k = 0; k < n && !too_fine;)
        {
          const Entry *head = &entries[k];
          Agg agg = { 0 };

          agg.gx = head->gx >> shift;
          agg.gy = head->gy >> shift;
          memcpy (&agg.extent, &head->extent_bits, sizeof agg.extent);
          agg.from = k;
          agg.same_place = TRUE;
          agg.first_mx = g_array_index (points, Point, head->index).mx;
          agg.first_my = g_array_index (points, Point, head->index).my;
          for (; k < n && entries[k].extent_bits == head->extent_bits
                 && (entries[k].morton >> (2 * shift)) == (head->morton >> (2 * shift)); k++)
            {
              const Point *point = &g_array_index (points, Point, entries[k].index);

              agg.sx += point->mx;
              agg.sy += point->my;
              agg.last = MAX (agg.last, entries[k].index);
              if (point->mx != agg.first_mx || point->my != agg.first_my)
                agg.same_place = FALSE;
            }
          agg.to = k;
          g_array_append_val (aggs, agg);
          too_fine = aggs->len > n / 4;
        }

      if (too_fine)
        {
          g_array_unref (aggs);
          break;
        }
      g_array_sort (aggs, compare_aggs);
      lod->levels[level] = aggs;
      lod->max_level = level;
    }

  build_groups (lod, items);
  g_free (entries);

  return lod;
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildInput *input = task_data;
  DlEventLod *lod;

  dl_background_enter ();
  /* Reading many events here, not on the main loop. */
  if (input->source != NULL)
    {
      input->reading = dl_event_layer_reading_new (input->positions->len, g_steal_pointer (&input->colors));
      input->reading->source = g_ptr_array_ref (input->source);
      dl_event_layer_reading_fill (input->reading, input->source, input->positions);
      input->items = g_array_ref (input->reading->items);
      input->points = g_array_ref (input->reading->points);
    }
  lod = build (input->items, input->points, cancellable);

  if (g_cancellable_is_cancelled (cancellable))
    {
      dl_event_lod_free (lod);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  g_task_return_pointer (task, lod, (GDestroyNotify) dl_event_lod_free);
}

static void
on_built (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  DlEventLayer *self = DL_EVENT_LAYER (object);
  guint generation = GPOINTER_TO_UINT (user_data);
  DlEventLod *lod = g_task_propagate_pointer (G_TASK (result), NULL);
  BuildInput *input = g_task_get_task_data (G_TASK (result));

  /* Items read again since: this one indexes the old ones. */
  if (lod == NULL || generation != self->lod_generation)
    {
      dl_event_lod_free (lod);
      return;
    }

  g_clear_object (&self->lod_cancellable);
  if (input->reading != NULL)
    {
      dl_event_layer_take_reading (self, g_steal_pointer (&input->reading));
      /* In case a source or a reference outlives it: not the thread's copy. */
      g_clear_pointer (&input->items, g_array_unref);
      g_clear_pointer (&input->points, g_array_unref);
    }
  dl_event_lod_free (self->lod);
  self->lod = lod;
  self->layout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The squares of `level` in [gx0, gx1] of row gy: the first index. */
static guint
row_start (GArray *aggs,
           guint32 gy,
           guint32 gx0)
{
  const Agg *a = (const Agg *) (gpointer) aggs->data;
  guint lo = 0;
  guint hi = aggs->len;

  DL_BISECT (lo, hi, mid, a[mid].gy < gy || (a[mid].gy == gy && a[mid].gx < gx0));

  return lo;
}

static gboolean
holds_selected (DlEventLayer *self,
                const Agg    *agg)
{
  return self->selected_index >= 0
         && (guint) self->selected_index < self->lod->n_items
         && self->lod->rank[self->selected_index] >= agg->from
         && self->lod->rank[self->selected_index] < agg->to;
}

static int
compare_uint_descending (gconstpointer a,
                         gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x > y ? -1 : x < y;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  return -compare_uint_descending (a, b);
}

/* The members of a cell linked from @head through lod_next, without the
 * selection, in @members. */
static void
collect_members (DlEventLayer *self,
                 int           head,
                 GArray       *members)
{
  GArray *aggs = self->lod->levels[self->lod_level];

  g_array_set_size (members, 0);
  for (int a = head; a >= 0; a = g_array_index (self->lod_next, int, a))
    {
      const Agg *agg = &g_array_index (aggs, Agg, a);

      for (guint k = agg->from; k < agg->to; k++)
        if ((int) self->lod->order[k] != self->selected_index)
          g_array_append_val (members, self->lod->order[k]);
    }
}

/* Public (to the layer) */

/* Corridors and areas big enough to see, one event for each geometry
 * (where events share one it is drawn once anyway); FALSE without a
 * pyramid. */
gboolean
dl_event_layer_lod_shapes (DlEventLayer *self)
{
  if (self->lod == NULL || self->lod->n_items != self->items->len)
    return FALSE;

  for (guint g = 0; g < self->lod->groups->len; g++)
    {
      const ShapeGroup *group = &g_array_index (self->lod->groups, ShapeGroup, g);
      guint i = (int) group->last == self->selected_index ? group->before_last : group->last;
      const Item *item;

      if (i == G_MAXUINT)
        continue;
      item = &g_array_index (self->items, Item, i);
      if (g_array_index (self->points, Point, i).extent * self->scale >= MIN_SHAPE_PX
          && dl_event_layer_shape_on_screen (self, item))
        g_array_append_val (self->shapes, i);
    }

  return TRUE;
}

/* Drops what a thread is doing for items read before. */
static void
cancel_pending (DlEventLayer *self)
{
  self->lod_generation++;
  if (self->lod_cancellable != NULL)
    g_cancellable_cancel (self->lod_cancellable);
  g_clear_object (&self->lod_cancellable);
}

static void
run_build (DlEventLayer *self,
           BuildInput   *input)
{
  GTask *task;

  self->lod_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->lod_cancellable, on_built, GUINT_TO_POINTER (self->lod_generation));
  g_task_set_source_tag (task, dl_event_layer_start_lod);
  g_task_set_task_data (task, input, build_input_free);
  g_task_run_in_thread (task, build_thread);
  g_object_unref (task);
}

void
dl_event_layer_start_lod (DlEventLayer *self)
{
  BuildInput *input;

  dl_event_layer_stop_lod (self);
  if (self->items->len < LOD_MIN_EVENTS)
    return;

  /* The items' arrays are replaced, never changed, by the next reading. */
  input = g_new0 (BuildInput, 1);
  input->items = g_array_ref (self->items);
  input->points = g_array_ref (self->points);
  run_build (self, input);
}

void
dl_event_layer_read_async (DlEventLayer *self,
                           GPtrArray    *source,
                           GArray       *positions)
{
  BuildInput *input;

  /* The pyramid of the items still drawn stays until the new one is in. */
  cancel_pending (self);
  input = g_new0 (BuildInput, 1);
  input->source = g_ptr_array_ref (source);
  /* A list's positions are replaced, never changed: shared (copying a
   * million was 3 ms of the turn that opens them). */
  input->positions = g_array_ref (positions);
  input->colors = dl_event_layer_new_colors (self);
  run_build (self, input);
}

gboolean
dl_event_layer_is_ready (DlEventLayer *self)
{
  g_return_val_if_fail (DL_IS_EVENT_LAYER (self), FALSE);

  return self->lod_cancellable == NULL;
}

void
dl_event_layer_stop_lod (DlEventLayer *self)
{
  cancel_pending (self);
  g_clear_pointer (&self->lod, dl_event_lod_free);
}

/* Lays out the frame from the pyramid when it is built and the view holds
 * many events; FALSE leaves the frame to the exact layout. The cells are
 * sized and cleared; the selection is placed by the caller. */
gboolean
dl_event_layer_lod_layout (DlEventLayer *self,
                           double        zoom,
                           int           columns,
                           int           gx0,
                           int           gx1,
                           int           gy0,
                           int           gy1)
{
  g_autoptr(GArray) members = NULL;
  GArray *aggs;
  double reach;
  guint in_view = 0;
  int level;
  gint64 sx0, sx1, sy0, sy1;

  self->lod_level = -1;
  if (self->lod == NULL || self->lod->n_items != self->items->len)
    return FALSE;

  /* How many events the exact layout would visit: the grid squares in view. */
  for (int gy = gy0; gy <= gy1; gy++)
    in_view += g_array_index (self->grid_start, guint, gy * GRID + gx1 + 1)
               - g_array_index (self->grid_start, guint, gy * GRID + gx0);
  if (in_view < LOD_MIN_EVENTS)
    return FALSE;

  level = MAX (0, (int) ceil (log2 (self->scale / AGG_PX)));
  if (level > self->lod->max_level)
    return FALSE;

  self->lod_level = level;
  aggs = self->lod->levels[level];
  g_array_set_size (self->lod_next, aggs->len);
  g_array_set_size (self->lod_heads, 0);

  /* The squares in view, a row at a time. */
  reach = (self->rotation != 0.0 ? hypot (self->width, self->height) : MAX (self->width, self->height)) / 2.0
          + CELL_SIZE;
  sx0 = CLAMP ((gint64) floor ((self->cx - reach / self->scale) * exp2 (level)), 0, ((gint64) 1 << level) - 1);
  sx1 = CLAMP ((gint64) floor ((self->cx + reach / self->scale) * exp2 (level)), 0, ((gint64) 1 << level) - 1);
  sy0 = CLAMP ((gint64) floor ((self->cy - reach / self->scale) * exp2 (level)), 0, ((gint64) 1 << level) - 1);
  sy1 = CLAMP ((gint64) floor ((self->cy + reach / self->scale) * exp2 (level)), 0, ((gint64) 1 << level) - 1);
  for (gint64 sy = sy0; sy <= sy1; sy++)
    for (guint a = row_start (aggs, (guint32) sy, (guint32) sx0); a < aggs->len; a++)
      {
        const Agg *agg = &g_array_index (aggs, Agg, a);
        guint count = agg->to - agg->from;
        double sum_x = agg->sx;
        double sum_y = agg->sy;
        double x, y;
        Cell *cell;

        if (agg->gy != sy || agg->gx > sx1)
          break;
        if (agg->extent * self->scale >= MIN_SHAPE_PX)
          continue;
        if (holds_selected (self, agg))
          {
            const Point *selected = &g_array_index (self->points, Point, self->selected_index);

            if (--count == 0)
              continue;
            sum_x -= selected->mx;
            sum_y -= selected->my;
          }

        dl_event_layer_to_screen (self, sum_x / count, sum_y / count, &x, &y);
        if (x < -CELL_SIZE || y < -CELL_SIZE || x >= self->width + CELL_SIZE || y >= self->height + CELL_SIZE)
          continue;

        cell = &g_array_index (self->cells, Cell, (int) ((y + CELL_SIZE) / CELL_SIZE) * columns
                                                  + (int) ((x + CELL_SIZE) / CELL_SIZE));
        if (cell->n == 0)
          {
            cell->tail = (int) a;
            cell->same_place = agg->same_place;
            cell->first_mx = agg->first_mx;
            cell->first_my = agg->first_my;
            cell->last = agg->last;
          }
        else
          {
            if (!agg->same_place || agg->first_mx != cell->first_mx || agg->first_my != cell->first_my)
              cell->same_place = FALSE;
            cell->last = MAX (cell->last, agg->last);
          }
        g_array_index (self->lod_next, int, a) = cell->n > 0 ? cell->head : -1;
        cell->head = (int) a;
        cell->n += count;
        cell->sx += sum_x;
        cell->sy += sum_y;
      }

  dl_event_layer_merge_overlapping_cells (self, zoom, columns, self->lod_next);

  members = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint c = 0; c < self->cells->len; c++)
    {
      const Cell *cell = &g_array_index (self->cells, Cell, c);
      DlEventMark mark = { 0 };
      int head = -1;

      if (cell->n == 0)
        continue;

      if (cell->n == 1 || (cell->same_place && cell->n <= MAX_FAN && zoom >= FAN_MIN_ZOOM))
        {
          /* As the exact layout fans them: newest first around the place. */
          double ax, ay;

          collect_members (self, cell->head, members);
          g_array_sort (members, compare_uint_descending);
          dl_event_layer_to_screen (self, cell->first_mx, cell->first_my, &ax, &ay);
          for (guint k = 0; k < members->len; k++)
            {
              dl_event_layer_append_fanned (self, ax, ay, k, members->len, g_array_index (members, guint, k));
              g_array_append_val (self->lod_heads, head);
            }
          continue;
        }

      /* The face of a cluster is its newest member: stable as the map moves. */
      dl_event_layer_to_screen (self, cell->sx / cell->n, cell->sy / cell->n, &mark.x, &mark.y);
      mark.radius = DL_EVENT_LAYER_CLUSTER_RADIUS (cell->n);
      mark.item = cell->last;
      if ((int) mark.item == self->selected_index)
        {
          collect_members (self, cell->head, members);
          mark.item = g_array_index (members, guint, 0);
        }
      mark.event = g_array_index (self->items, Item, mark.item).event;
      mark.n_events = cell->n;
      dl_bbox_init_empty (&mark.bbox);
      g_array_append_val (self->marks, mark);
      head = cell->head;
      g_array_append_val (self->lod_heads, head);
    }

  return TRUE;
}

/* The members of a cluster mark of a frame laid out from the pyramid, in
 * the model's order; FALSE when the frame was laid out exactly (its members
 * are linked through `next`). */
gboolean
dl_event_layer_lod_mark_members (DlEventLayer      *self,
                                 const DlEventMark *mark,
                                 GArray            *members)
{
  const DlEventMark *marks = (const DlEventMark *) (gpointer) self->marks->data;
  int head = -1;

  if (self->lod_level < 0 || self->lod == NULL || mark->n_events <= 1)
    return FALSE;

  /* The mark may be a copy: find its cluster by its face. */
  for (guint i = 0; i < self->marks->len && i < self->lod_heads->len; i++)
    if (marks[i].n_events > 1 && marks[i].item == mark->item)
      {
        head = g_array_index (self->lod_heads, int, i);
        break;
      }

  collect_members (self, head, members);
  g_array_sort (members, compare_uint);

  return TRUE;
}
