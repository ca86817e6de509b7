/* dl-timeline-index.c: the timeline's index: events in lanes, sorted by kind, duration class and start
 *
 * At a million events building it takes about a second (a look at every
 * event, then two sorts), which the main loop spent in one turn when a
 * dataset opened. It is now built from arrays nobody changes (the
 * session's time order and a list of positions into it, DlEventList) by
 * dl_timeline_index_build(), in a thread (GTask) for a list of
 * INDEX_THREAD_MIN events or more, and swapped in when done; a smaller
 * list, or any other GListModel, is indexed at once, as before, so small
 * datasets behave exactly as they did. The items do not own their events:
 * the index keeps the array that holds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-timeline"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dl-background.h"
#include "dl-bisect.h"
#include "dl-event-list.h"
#include "dl-focus-range.h"
#include "dl-stats.h"
#include "dl-timeline-private.h"

/* From so many events in a DlEventList the index is built in a thread. */
#define INDEX_THREAD_MIN 20000

struct _TimelineIndex {
  GPtrArray *source;      /* keeps the items' events alive */
  GArray    *items;       /* Item */
  GPtrArray *lanes;       /* Lane, without colour and label yet */
  gboolean   have_extent;
  gint64     extent_start, extent_end;
  gint64     focus_start, focus_end;
  float     *overview_fine;  /* OVERVIEW_FINE_BINS + 1, or NULL */
};

/* Helpers: the index */

static guint8
duration_class (gint64 start,
                gint64 end)
{
  guint64 d;
  guint8 k = 0;

  if (start == DL_EDTF_UNBOUNDED_START || end == DL_EDTF_UNBOUNDED_END)
    return UNBOUNDED_CLASS;

  d = (guint64) (end - start) + 1;
  while (k < UNBOUNDED_CLASS - 1 && (G_GUINT64_CONSTANT (1) << k) < d)
    k++;
  return k;
}

/* The item of @event (its lane left 0); FALSE for an event without a
 * date, which has no place on the timeline. */
static gboolean
item_init (Item    *item,
           DlEvent *event)
{
  const DlEdtf *when = dl_event_get_when (event);

  if (when->earliest == DL_EDTF_UNBOUNDED_START && when->latest == DL_EDTF_UNBOUNDED_END)
    return FALSE;

  memset (item, 0, sizeof *item);
  item->event = event;
  item->start = when->earliest;
  item->end = when->latest;
  item->mid = dl_edtf_get_midpoint (when);
  item->flags = when->flags;
  item->kind = (when->precision >= DL_EDTF_PRECISION_DAY && !(when->flags & DL_EDTF_INTERVAL))
               ? ITEM_DOT : ITEM_SPAN;
  item->klass = duration_class (item->start, item->end);
  return TRUE;
}

/* Lane, kind, duration class, start, end: a lane's items of one kind are
 * one run, so a frame visits a lane's items only when it draws them one
 * by one (a crowded lane is drawn from its sorted instants instead). */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->klass != y->klass)
    return x->klass < y->klass ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return 0;
}

static int
compare_lanes (gconstpointer a,
               gconstpointer b)
{
  const Lane *x = *(Lane * const *) a;
  const Lane *y = *(Lane * const *) b;

  return dl_category_compare (x->category, y->category);
}

void
dl_timeline_lane_free (gpointer data)
{
  Lane *lane = data;

  g_free (lane->category);
  g_clear_object (&lane->label);
  g_free (lane->dot_mids);
  g_free (lane->span_starts);
  g_free (lane->span_ends);
  g_free (lane);
}

/* The shortest stretch holding 80% of the dots: where the story happens. */
static void
compute_focus (TimelineIndex *index)
{
  g_autoptr(GArray) mids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  for (guint l = 0; l < index->lanes->len; l++)
    {
      const Lane *lane = g_ptr_array_index (index->lanes, l);

      g_array_append_vals (mids, lane->dot_mids, lane->n_dots);
    }

  n = mids->len;
  if (n < 5)
    {
      index->focus_start = index->extent_start;
      index->focus_end = index->extent_end;
      return;
    }

  dl_focus_range_densest (mids, 0.8, &index->focus_start, &index->focus_end);

  /* At least a week, so there is context around a busy day or two. */
  if (index->focus_end - index->focus_start < 6 * SECONDS_PER_DAY)
    {
      gint64 center = index->focus_start + (index->focus_end - index->focus_start) / 2;

      index->focus_start = center - 3 * SECONDS_PER_DAY;
      index->focus_end = center + 3 * SECONDS_PER_DAY;
    }
}

static void
extend_extent (TimelineIndex *index,
               gint64         t)
{
  index->extent_start = index->have_extent ? MIN (index->extent_start, t) : t;
  index->extent_end = index->have_extent ? MAX (index->extent_end, t) : t;
  index->have_extent = TRUE;
}

/* Reads only the events and the arrays, which nobody changes while it
 * runs: safe in a thread. */
TimelineIndex *
dl_timeline_index_build (GPtrArray *source,
                         GArray    *positions)
{
  TimelineIndex *index = g_new0 (TimelineIndex, 1);
  g_autoptr(GHashTable) lane_by_category = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = positions != NULL ? positions->len : source->len;
  g_autofree guint16 *final_lane = NULL;
  g_autofree guint *counts = NULL;   /* lane × kind × class */
  guint pos = 0;

  index->source = g_ptr_array_ref (source);
  index->items = g_array_sized_new (FALSE, FALSE, sizeof (Item), n);
  index->lanes = g_ptr_array_new_with_free_func (dl_timeline_lane_free);

  for (guint i = 0; i < n; i++)
    {
      DlEvent *event = g_ptr_array_index (source, positions != NULL ? g_array_index (positions, guint, i) : i);
      const char *category = dl_event_get_category (event);
      Item item;
      Lane *lane;

      if (!item_init (&item, event))
        continue;
      if (category == NULL)
        category = "";

      lane = g_hash_table_lookup (lane_by_category, category);
      if (lane == NULL)
        {
          lane = g_new0 (Lane, 1);
          lane->category = g_strdup (category);
          lane->id = index->lanes->len;
          g_ptr_array_add (index->lanes, lane);
          g_hash_table_insert (lane_by_category, lane->category, lane);
        }
      lane->n_items++;
      if (item.kind == ITEM_DOT)
        lane->n_dots++;
      else
        lane->n_spans++;
      /* The lane in the order of appearance for now; sorted below. */
      item.lane = lane->id;
      g_array_append_val (index->items, item);

      if (item.start != DL_EDTF_UNBOUNDED_START)
        extend_extent (index, item.start);
      if (item.end != DL_EDTF_UNBOUNDED_END)
        extend_extent (index, item.end);
    }

  g_ptr_array_sort (index->lanes, compare_lanes);
  final_lane = g_new (guint16, MAX (index->lanes->len, 1));
  counts = g_new0 (guint, (gsize) MAX (index->lanes->len, 1) * 2 * N_CLASSES);
  for (guint l = 0; l < index->lanes->len; l++)
    {
      Lane *lane = g_ptr_array_index (index->lanes, l);

      final_lane[lane->id] = l;
      lane->id = l;
      lane->dot_mids = g_new (gint64, MAX (lane->n_dots, 1));
      lane->span_starts = g_new (gint64, MAX (lane->n_spans, 1));
      lane->span_ends = g_new (gint64, MAX (lane->n_spans, 1));
      lane->n_dots = lane->n_spans = 0;
    }

  for (guint i = 0; i < index->items->len; i++)
    {
      Item *item = &g_array_index (index->items, Item, i);
      Lane *lane;

      item->lane = final_lane[item->lane];
      lane = g_ptr_array_index (index->lanes, item->lane);
      counts[((gsize) item->lane * 2 + item->kind) * N_CLASSES + item->klass]++;
      if (item->kind == ITEM_DOT)
        lane->dot_mids[lane->n_dots++] = item->mid;
      else
        {
          lane->span_starts[lane->n_spans] = item->start;
          lane->span_ends[lane->n_spans++] = item->end;
        }
    }

  g_array_sort (index->items, compare_items);

  /* Where each lane's run of each kind and class starts. */
  for (guint l = 0; l < index->lanes->len; l++)
    {
      Lane *lane = g_ptr_array_index (index->lanes, l);

      for (guint kind = 0; kind < 2; kind++)
        {
          for (guint k = 0; k < N_CLASSES; k++)
            {
              lane->offsets[kind][k] = pos;
              pos += counts[((gsize) l * 2 + kind) * N_CLASSES + k];
            }
          lane->offsets[kind][N_CLASSES] = pos;
        }

      qsort (lane->dot_mids, lane->n_dots, sizeof (gint64), dl_compare_gint64);
      qsort (lane->span_starts, lane->n_spans, sizeof (gint64), dl_compare_gint64);
      qsort (lane->span_ends, lane->n_spans, sizeof (gint64), dl_compare_gint64);
    }

  if (index->have_extent)
    compute_focus (index);

  /* The overview strip of a large index, binned here: on the main loop it
   * was a visit of every item in the first frame (38–48 ms at a million). */
  if (index->have_extent && index->items->len >= INDEX_THREAD_MIN)
    {
      gint64 os, oe;

      dl_timeline_overview_range_of (index->extent_start, index->extent_end, &os, &oe);
      index->overview_fine = g_new0 (float, OVERVIEW_FINE_BINS + 1);
      dl_timeline_bin_overview (index->items, os, oe, index->overview_fine, OVERVIEW_FINE_BINS);
    }

  return index;
}

void
dl_timeline_index_free (TimelineIndex *index)
{
  if (index == NULL)
    return;

  g_clear_pointer (&index->items, g_array_unref);
  g_clear_pointer (&index->lanes, g_ptr_array_unref);
  g_clear_pointer (&index->source, g_ptr_array_unref);
  g_free (index->overview_fine);
  g_free (index);
}

/* Makes @index the timeline's (taking it): lanes get their colour and
 * label, scratch is sized for them, and the first view is chosen when
 * the model was new and @index is of it (not the empty stand-in while
 * it is built). */
static void
install_index (DlTimeline    *self,
               TimelineIndex *index,
               gboolean       complete)
{
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->index_source, g_ptr_array_unref);
  self->items = g_steal_pointer (&index->items);
  self->lanes = g_steal_pointer (&index->lanes);
  self->index_source = g_steal_pointer (&index->source);
  self->have_extent = index->have_extent;
  self->extent_start = index->extent_start;
  self->extent_end = index->extent_end;
  self->focus_start = index->focus_start;
  self->focus_end = index->focus_end;
  g_free (self->overview_fine);
  self->overview_fine = g_steal_pointer (&index->overview_fine);
  dl_timeline_index_free (index);

  g_hash_table_remove_all (self->event_layouts);
  /* The last frame's stacks and labels name items of the old index: a
   * click before the next frame must not pick by them. */
  g_array_set_size (self->stacks, 0);
  g_array_set_size (self->label_rects, 0);
  g_array_set_size (self->placed, 0);
  self->stacks_width = -1;
  self->overview_valid = FALSE;
  dl_timeline_update_lane_labels (self);

  g_free (self->lane_counts);
  g_free (self->lane_crowded);
  self->lane_counts = g_new0 (guint, 2 * MAX (self->lanes->len, 1));
  self->lane_crowded = g_new0 (gboolean, 2 * MAX (self->lanes->len, 1));
  self->n_bins = 0;   /* reallocates the bins */

  /* Until told otherwise, show where most of the events are. */
  if (complete && self->focus_pending && !self->range_set && self->have_extent)
    {
      gint64 start, end;

      dl_timeline_get_fit_range (self, self->focus_start, self->focus_end, &start, &end);
      dl_timeline_apply_range (self, start, end);
    }
  if (complete)
    self->focus_pending = FALSE;

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
dl_timeline_update_lane_labels (DlTimeline *self)
{
  /* The session's dataset names and colours its own categories. */
  DlDataset *dataset = self->session != NULL ? dl_session_get_dataset (self->session) : NULL;

  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);
      PangoAttrList *attrs = pango_attr_list_new ();

      dl_category_get_color (dataset, lane->category, &lane->color);
      g_clear_object (&lane->label);
      lane->label = gtk_widget_create_pango_layout (GTK_WIDGET (self), dl_category_get_label (dataset, lane->category));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (lane->label, attrs);
      pango_attr_list_unref (attrs);
    }
}

static void
build_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GPtrArray *source = g_object_get_data (G_OBJECT (task), "source");
  GArray *positions = g_object_get_data (G_OBJECT (task), "positions");
  TimelineIndex *index;

  dl_background_enter ();
  index = dl_timeline_index_build (source, positions);

  if (g_task_return_error_if_cancelled (task))
    dl_timeline_index_free (index);
  else
    g_task_return_pointer (task, index, (GDestroyNotify) dl_timeline_index_free);
}

static void
on_index_built (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  DlTimeline *self = DL_TIMELINE (object);
  TimelineIndex *index = g_task_propagate_pointer (G_TASK (result), NULL);

  /* A later rebuild, or the widget's end, cancelled it. */
  if (index == NULL || GPOINTER_TO_UINT (user_data) != self->index_generation)
    {
      dl_timeline_index_free (index);
      return;
    }

  g_clear_object (&self->index_cancellable);
  install_index (self, index, TRUE);
}

void
dl_timeline_cancel_index (DlTimeline *self)
{
  self->index_generation++;
  if (self->index_cancellable != NULL)
    g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
}

void
dl_timeline_rebuild_index (DlTimeline *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  g_autoptr(GPtrArray) source = NULL;
  GArray *positions = NULL;

  dl_timeline_cancel_index (self);

  if (n >= INDEX_THREAD_MIN && DL_IS_EVENT_LIST (self->model))
    {
      g_autoptr(GTask) task = NULL;
      GArray *list_positions = dl_event_list_get_positions (DL_EVENT_LIST (self->model));
      DlEvent *first = g_ptr_array_index (dl_event_list_get_source (DL_EVENT_LIST (self->model)),
                                          g_array_index (list_positions, guint, 0));

      /* Filters or an edit: the events drawn are still alive (the index
       * keeps them) and mostly the same, so they stay until the new index
       * is in. Another dataset's events would not be sensible: the lanes
       * stay empty, with a word that events are on their way. */
      if (dl_timeline_find_item (self, first) == 0)
        {
          g_autoptr(GPtrArray) none = g_ptr_array_new ();

          install_index (self, dl_timeline_index_build (none, NULL), FALSE);
        }

      self->index_cancellable = g_cancellable_new ();
      task = g_task_new (self, self->index_cancellable, on_index_built, GUINT_TO_POINTER (self->index_generation));
      g_task_set_source_tag (task, dl_timeline_rebuild_index);
      g_object_set_data_full (G_OBJECT (task), "source",
                              g_ptr_array_ref (dl_event_list_get_source (DL_EVENT_LIST (self->model))),
                              (GDestroyNotify) g_ptr_array_unref);
      g_object_set_data_full (G_OBJECT (task), "positions", g_array_ref (list_positions),
                              (GDestroyNotify) g_array_unref);
      g_task_run_in_thread (task, build_in_thread);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (DL_IS_EVENT_LIST (self->model) && n > 0)
    {
      source = g_ptr_array_ref (dl_event_list_get_source (DL_EVENT_LIST (self->model)));
      positions = dl_event_list_get_positions (DL_EVENT_LIST (self->model));
    }
  else
    {
      source = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (source, g_list_model_get_item (self->model, i));
    }

  install_index (self, dl_timeline_index_build (source, positions), TRUE);
}

gboolean
dl_timeline_is_ready (DlTimeline *self)
{
  g_return_val_if_fail (DL_IS_TIMELINE (self), FALSE);

  return self->index_cancellable == NULL;
}

/* The index + 1 of @event's item, or 0: found by its lane, kind, class and
 * start (a binary search), where a hash table of a million events took 40
 * MB and a tenth of a second to fill. */
guint
dl_timeline_find_item (DlTimeline *self,
                       DlEvent    *event)
{
  const Item *items;
  const char *category;
  const Lane *lane = NULL;
  Item key;
  guint lo, hi;

  if (event == NULL || self->items == NULL || !item_init (&key, event))
    return 0;

  category = dl_event_get_category (event);
  for (guint l = 0; l < self->lanes->len && lane == NULL; l++)
    if (g_strcmp0 (((Lane *) g_ptr_array_index (self->lanes, l))->category, category != NULL ? category : "") == 0)
      lane = g_ptr_array_index (self->lanes, l);
  if (lane == NULL)
    return 0;

  items = (const Item *) (gpointer) self->items->data;
  lo = lane->offsets[key.kind][key.klass];
  hi = lane->offsets[key.kind][key.klass + 1];
  DL_BISECT (lo, hi, m, items[m].start < key.start);
  for (guint i = lo; i < lane->offsets[key.kind][key.klass + 1] && items[i].start == key.start; i++)
    if (items[i].event == event)
      return i + 1;

  return 0;
}

/* Calls the ranges [lo, hi) of the items of @lane and @kind that may meet [start, end]. */
guint
dl_timeline_cull (DlTimeline *self,
                  guint       lane_index,
                  guint       kind,
                  double      start,
                  double      end,
                  guint       ranges[N_CLASSES][2])
{
  const Item *items = (const Item *) (gpointer) self->items->data;
  const Lane *lane = g_ptr_array_index (self->lanes, lane_index);
  guint n = 0;

  for (guint k = 0; k < N_CLASSES; k++)
    {
      guint lo = lane->offsets[kind][k];
      guint hi = lane->offsets[kind][k + 1];
      guint a, b;
      double min_start;

      if (lo == hi)
        continue;

      if (k == UNBOUNDED_CLASS)
        {
          ranges[n][0] = lo;
          ranges[n][1] = hi;
          n++;
          continue;
        }

      /* Items of class k last less than 2^k seconds. */
      min_start = start - ldexp (1.0, k);

      a = lo;
      b = hi;
      DL_BISECT (a, b, m, (double) items[m].start < min_start);
      lo = a;

      b = hi;
      DL_BISECT (a, b, m, (double) items[m].start <= end);
      hi = a;

      if (lo < hi)
        {
          ranges[n][0] = lo;
          ranges[n][1] = hi;
          n++;
        }
    }

  return n;
}
