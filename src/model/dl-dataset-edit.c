/* dl-dataset-edit.c: a dataset changing under its edit stack
 *
 * The loader fills a dataset once; the edit stack (dl-edit-stack.c) changes
 * it afterwards through these few functions, which keep the indexes the
 * loader builds (ids, time order, claims) right and then tell observers.
 * The indexes are updated before any list emits "items-changed", so a view
 * reacting to it already sees the new time order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include "dl-dataset-private.h"
#include "dl-model-private.h"

enum {
  CHANGED,
  EVENT_CHANGED,
  NARRATIVES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
dl_dataset_class_init_edits (GObjectClass *klass)
{
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[EVENT_CHANGED] =
    g_signal_new ("event-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DL_TYPE_EVENT);
  signals[NARRATIVES_CHANGED] =
    g_signal_new ("narratives-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

/* Where @event goes in events_by_time (which must not hold it). */
static guint
time_position (DlDataset *self,
               DlEvent   *event)
{
  guint lo = 0;
  guint hi = self->events_by_time->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (dl_event_compare_time (&self->events_by_time->pdata[mid], &event) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
reindex_claims (DlDataset *self)
{
  g_hash_table_remove_all (self->claims);
  dl_dataset_index_claims (self);
}

DlDataset *
dl_dataset_new (const char *title)
{
  DlDataset *self = g_object_new (DL_TYPE_DATASET, NULL);

  self->title = g_strdup (title);

  return self;
}

void
dl_dataset_edit_insert (DlDataset *self,
                        GObject   *item,
                        guint      position)
{
  g_return_if_fail (DL_IS_DATASET (self));

  if (DL_IS_SOURCE (item))
    {
      g_hash_table_insert (self->source_index, DL_SOURCE (item)->id, item);
      g_list_store_insert (self->sources, position, item);
    }
  else if (DL_IS_PLACE (item))
    {
      g_hash_table_insert (self->place_index, DL_PLACE (item)->id, item);
      g_list_store_insert (self->places, position, item);
    }
  else
    {
      DlEvent *event = DL_EVENT (item);

      g_hash_table_insert (self->event_index, event->id, event);
      g_clear_pointer (&self->facets, dl_event_facets_unref);
      g_ptr_array_insert (self->events_by_time, (int) time_position (self, event), g_object_ref (event));
      if (event->claims->len > 0)
        reindex_claims (self);
      g_list_store_insert (self->events, position, event);
    }
}

void
dl_dataset_edit_remove (DlDataset *self,
                        GObject   *item,
                        guint      position)
{
  g_return_if_fail (DL_IS_DATASET (self));

  /* The lists may hold the last reference: keep it until the end. */
  g_object_ref (item);

  if (DL_IS_SOURCE (item))
    {
      g_hash_table_remove (self->source_index, DL_SOURCE (item)->id);
      g_list_store_remove (self->sources, position);
    }
  else if (DL_IS_PLACE (item))
    {
      g_hash_table_remove (self->place_index, DL_PLACE (item)->id);
      g_list_store_remove (self->places, position);
    }
  else
    {
      DlEvent *event = DL_EVENT (item);

      g_hash_table_remove (self->event_index, event->id);
      g_clear_pointer (&self->facets, dl_event_facets_unref);
      g_ptr_array_remove (self->events_by_time, event);
      if (event->claims->len > 0)
        reindex_claims (self);
      g_list_store_remove (self->events, position);
    }

  g_object_unref (item);
}

void
dl_dataset_edit_event_changed (DlDataset     *self,
                               DlEvent       *event,
                               DlEventChange  what)
{
  guint index = 0;

  g_return_if_fail (DL_IS_DATASET (self));
  g_return_if_fail (DL_IS_EVENT (event));

  /* Its search text is built again when next asked for; so are the
   * filters' numbers (its category, its sources, its place in time). */
  g_clear_pointer (&event->search_text, g_free);
  g_clear_pointer (&self->facets, dl_event_facets_unref);
  if (self->search_index != NULL)
    dl_search_index_update (self->search_index, event);

  if ((what & DL_EVENT_CHANGE_TIME) != 0 && g_ptr_array_find (self->events_by_time, event, &index))
    {
      g_ptr_array_steal_index (self->events_by_time, index);
      g_ptr_array_insert (self->events_by_time, (int) time_position (self, event), event);
    }
  /* The claim index is in time order too. */
  if ((what & DL_EVENT_CHANGE_CLAIMS) != 0 || ((what & DL_EVENT_CHANGE_TIME) != 0 && event->claims->len > 0))
    reindex_claims (self);

  g_signal_emit (self, signals[EVENT_CHANGED], 0, event);
}

void
dl_dataset_edit_narratives_changed (DlDataset *self)
{
  g_return_if_fail (DL_IS_DATASET (self));
  g_signal_emit (self, signals[NARRATIVES_CHANGED], 0);
}

void
dl_dataset_edit_changed (DlDataset *self)
{
  g_return_if_fail (DL_IS_DATASET (self));
  g_clear_pointer (&self->facets, dl_event_facets_unref);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
dl_dataset_edit_set_file (DlDataset *self,
                          GFile     *file)
{
  g_return_if_fail (DL_IS_DATASET (self));
  g_set_object (&self->file, file);
}
