/* dl-timeline-index.c: the timeline's index: events sorted by duration class and start, in lanes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-timeline"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-timeline-private.h"

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

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a;
  const Item *y = b;

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
  g_free (lane);
}

void
dl_timeline_clear_item (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->event);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The shortest stretch holding 80% of the dots: where the story happens. */
static void
compute_focus (DlTimeline *self)
{
  g_autoptr(GArray) mids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n, k, best = 0;
  gint64 best_len = G_MAXINT64;

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->kind == ITEM_DOT)
        g_array_append_val (mids, item->mid);
    }

  n = mids->len;
  if (n < 5)
    {
      self->focus_start = self->extent_start;
      self->focus_end = self->extent_end;
      return;
    }

  g_array_sort (mids, compare_gint64);
  k = MAX (1, (guint) ceil (n * 0.8)) - 1;
  for (guint i = 0; i + k < n; i++)
    {
      gint64 len = g_array_index (mids, gint64, i + k) - g_array_index (mids, gint64, i);

      if (len < best_len)
        {
          best_len = len;
          best = i;
        }
    }

  self->focus_start = g_array_index (mids, gint64, best);
  self->focus_end = g_array_index (mids, gint64, best + k);

  /* At least a week, so there is context around a busy day or two. */
  if (self->focus_end - self->focus_start < 6 * SECONDS_PER_DAY)
    {
      gint64 center = self->focus_start + (self->focus_end - self->focus_start) / 2;

      self->focus_start = center - 3 * SECONDS_PER_DAY;
      self->focus_end = center + 3 * SECONDS_PER_DAY;
    }
}

void
dl_timeline_rebuild_index (DlTimeline *self)
{
  g_autoptr(GHashTable) lane_by_category = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->item_by_event);
  g_hash_table_remove_all (self->event_layouts);
  g_ptr_array_set_size (self->lanes, 0);
  self->have_extent = FALSE;
  self->overview_valid = FALSE;
  memset (self->class_offsets, 0, sizeof self->class_offsets);

  for (guint i = 0; i < n; i++)
    {
      DlEvent *event = g_list_model_get_item (self->model, i);
      const DlEdtf *when = dl_event_get_when (event);
      const char *category = dl_event_get_category (event);
      Item item = { 0, };
      Lane *lane;

      if (category == NULL)
        category = "";

      /* An event without a date (imported, map only) has no place here. */
      if (when->earliest == DL_EDTF_UNBOUNDED_START && when->latest == DL_EDTF_UNBOUNDED_END)
        {
          g_object_unref (event);
          continue;
        }

      lane = g_hash_table_lookup (lane_by_category, category);
      if (lane == NULL)
        {
          lane = g_new0 (Lane, 1);
          lane->category = g_strdup (category);
          g_ptr_array_add (self->lanes, lane);
          g_hash_table_insert (lane_by_category, lane->category, lane);
        }
      lane->n_items++;

      item.event = event;   /* takes the reference */
      item.start = when->earliest;
      item.end = when->latest;
      item.mid = dl_edtf_get_midpoint (when);
      item.flags = when->flags;
      item.kind = (when->precision >= DL_EDTF_PRECISION_DAY && !(when->flags & DL_EDTF_INTERVAL))
                  ? ITEM_DOT : ITEM_SPAN;
      item.klass = duration_class (item.start, item.end);
      /* Remember the lane object for now; it becomes an index below. */
      item.lane = 0;
      g_array_append_val (self->items, item);

      if (when->earliest != DL_EDTF_UNBOUNDED_START)
        {
          self->extent_start = self->have_extent ? MIN (self->extent_start, when->earliest) : when->earliest;
          self->extent_end = self->have_extent ? MAX (self->extent_end, when->earliest) : when->earliest;
          self->have_extent = TRUE;
        }
      if (when->latest != DL_EDTF_UNBOUNDED_END)
        {
          self->extent_start = self->have_extent ? MIN (self->extent_start, when->latest) : when->latest;
          self->extent_end = self->have_extent ? MAX (self->extent_end, when->latest) : when->latest;
          self->have_extent = TRUE;
        }
    }

  g_ptr_array_sort (self->lanes, compare_lanes);
  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);
      PangoAttrList *attrs = pango_attr_list_new ();

      dl_category_get_color (lane->category, &lane->color);
      lane->label = gtk_widget_create_pango_layout (GTK_WIDGET (self), dl_category_get_label (lane->category));
      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_layout_set_attributes (lane->label, attrs);
      pango_attr_list_unref (attrs);
      g_hash_table_insert (lane_by_category, lane->category, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);
      const char *category = dl_event_get_category (item->event);

      item->lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_by_category, category ? category : "")) - 1;
    }

  g_array_sort (self->items, compare_items);
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = &g_array_index (self->items, Item, i);

      self->class_offsets[item->klass + 1] = i + 1;
      g_hash_table_insert (self->item_by_event, item->event, GUINT_TO_POINTER (i + 1));
    }
  /* Empty classes end where the previous one did. */
  for (guint k = 1; k <= N_CLASSES; k++)
    self->class_offsets[k] = MAX (self->class_offsets[k], self->class_offsets[k - 1]);

  if (self->have_extent)
    compute_focus (self);

  g_free (self->lane_counts);
  g_free (self->lane_crowded);
  self->lane_counts = g_new0 (guint, 2 * MAX (self->lanes->len, 1));
  self->lane_crowded = g_new0 (gboolean, 2 * MAX (self->lanes->len, 1));
  self->n_bins = 0;   /* reallocates the bins */
}

/* Calls the ranges [lo, hi) of items that may meet [start, end]. */
guint
dl_timeline_cull (DlTimeline *self,
      double      start,
      double      end,
      guint       ranges[N_CLASSES][2])
{
  const Item *items = (const Item *) (gpointer) self->items->data;
  guint n = 0;

  for (guint k = 0; k < N_CLASSES; k++)
    {
      guint lo = self->class_offsets[k];
      guint hi = self->class_offsets[k + 1];
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
      while (a < b)
        {
          guint m = a + (b - a) / 2;

          if ((double) items[m].start < min_start)
            a = m + 1;
          else
            b = m;
        }
      lo = a;

      b = hi;
      while (a < b)
        {
          guint m = a + (b - a) / 2;

          if ((double) items[m].start <= end)
            a = m + 1;
          else
            b = m;
        }
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
