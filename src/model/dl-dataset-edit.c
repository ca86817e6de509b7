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

#include "dl-bisect.h"
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

  DL_BISECT (lo, hi, mid, dl_event_compare_time (&self->events_by_time->pdata[mid], &event) < 0);

  return lo;
}

/* The claim index (topic → claims in time order) kept right for one
 * event, where building it again read every claim: 1.3–2.8 s at a
 * million events for removing a passage. Each topic's claims are in the
 * order of events_by_time, which is sorted by dl_event_compare_time()
 * (ids are unique, so no two events compare equal): an event's claims
 * are one run of each list, found by binary search in O(topics × log n).
 * What building it gives is what these give, claim for claim. */

/* The first claim of @refs whose event comes after @key (or, not
 * @after, does not come before it); NULL @key: before every event. */
static guint
claims_bound (GArray  *refs,
              DlEvent *key,
              gboolean after)
{
  guint lo = 0;
  guint hi = refs->len;
  int cmp;

  if (key == NULL)
    return 0;
  DL_BISECT (lo, hi, mid,
             (cmp = dl_event_compare_time (&g_array_index (refs, DlClaimRef, mid).event, &key)) < 0
             || (after && cmp == 0));

  return lo;
}

/* Takes @event's claims out of the index: those on the topics of @claims
 * (its claims as the index holds them: the ones it had before an edit
 * of its passages, else its own). They lie after those of @before, the
 * event before it in the time order as the index was made (NULL: the
 * first), or, with @before == @event, where @event itself sorts (its time
 * has not changed). */
static void
claims_remove (DlDataset     *self,
               DlEvent       *event,
               DlEvent       *before,
               const DlClaim *claims,
               guint          n_claims)
{
  for (guint j = 0; j < n_claims; j++)
    {
      const char *topic = claims[j].topic;
      GArray *refs = g_hash_table_lookup (self->claims, topic);
      guint start, end;

      /* Several claims on one topic: the first took the whole run. */
      if (refs == NULL)
        continue;
      start = before == event ? claims_bound (refs, event, FALSE) : claims_bound (refs, before, TRUE);
      /* With its time changed, the search may have landed inside its run
       * (its claims no longer sort there): the run is walked both ways. */
      while (start > 0 && g_array_index (refs, DlClaimRef, start - 1).event == event)
        start--;
      end = start;
      while (end < refs->len && g_array_index (refs, DlClaimRef, end).event == event)
        end++;
      if (end == start)
        continue;
      if (end - start == refs->len)
        g_hash_table_remove (self->claims, topic);
      else
        g_array_remove_range (refs, start, end - start);
    }
}

/* Puts @event's claims (as they are now) into the index, where its place
 * in events_by_time (which holds it) puts them. */
static void
claims_add (DlDataset *self,
            DlEvent   *event)
{
  guint n_claims;
  const DlClaim *claims = dl_event_peek_claims (event, &n_claims);

  for (guint j = 0; j < n_claims; j++)
    {
      const DlClaim *claim = &claims[j];
      DlClaimRef ref = { event, claim };
      GArray *refs = g_hash_table_lookup (self->claims, claim->topic);

      if (refs == NULL)
        {
          refs = g_array_new (FALSE, FALSE, sizeof (DlClaimRef));
          g_hash_table_insert (self->claims, g_strdup (claim->topic), refs);
        }
      /* After its own claims added before: they keep the event's order. */
      g_array_insert_val (refs, claims_bound (refs, event, TRUE), ref);
    }
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
      dl_object_store_insert (self->sources, position, item);
    }
  else if (DL_IS_PLACE (item))
    {
      g_hash_table_insert (self->place_index, DL_PLACE (item)->id, item);
      dl_object_store_insert (self->places, position, item);
    }
  else
    {
      DlEvent *event = DL_EVENT (item);

      g_hash_table_insert (self->event_index, event->id, event);
      g_clear_pointer (&self->facets, dl_event_facets_unref);
      g_ptr_array_insert (self->events_by_time, (int) time_position (self, event), g_object_ref (event));
      claims_add (self, event);
      dl_object_store_insert (self->events, position, event);
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
      dl_object_store_remove (self->sources, position);
    }
  else if (DL_IS_PLACE (item))
    {
      g_hash_table_remove (self->place_index, DL_PLACE (item)->id);
      dl_object_store_remove (self->places, position);
    }
  else
    {
      DlEvent *event = DL_EVENT (item);
      guint n_claims;
      const DlClaim *claims = dl_event_peek_claims (event, &n_claims);

      g_hash_table_remove (self->event_index, event->id);
      g_clear_pointer (&self->facets, dl_event_facets_unref);
      claims_remove (self, event, event, claims, n_claims);
      g_ptr_array_remove (self->events_by_time, event);
      dl_object_store_remove (self->events, position);
    }

  g_object_unref (item);
}

void
dl_dataset_edit_event_changed (DlDataset     *self,
                               DlEvent       *event,
                               DlEventChange  what)
{
  guint index = 0;
  guint n_claims;
  const DlClaim *claims;

  g_return_if_fail (DL_IS_DATASET (self));
  g_return_if_fail (DL_IS_EVENT (event));

  claims = dl_event_peek_claims (event, &n_claims);
  /* Its search text is built again when next asked for; so are the
   * filters' numbers (its category, its sources, its place in time). */
  dl_event_forget_search_text (event);
  g_clear_pointer (&self->facets, dl_event_facets_unref);
  if (self->search_index != NULL)
    dl_search_index_update (self->search_index, event);

  if ((what & DL_EVENT_CHANGE_TIME) != 0 && g_ptr_array_find (self->events_by_time, event, &index))
    {
      /* Its claims are found after those of the event that came before
       * it, whose time has not changed; then put where its new time puts
       * them. */
      claims_remove (self, event, index > 0 ? g_ptr_array_index (self->events_by_time, index - 1) : NULL,
                     claims, n_claims);
      g_ptr_array_steal_index (self->events_by_time, index);
      g_ptr_array_insert (self->events_by_time, (int) time_position (self, event), event);
      claims_add (self, event);
    }
  /* What its claims say changed (a topic's label): they are read again. */
  else if ((what & DL_EVENT_CHANGE_CLAIMS) != 0)
    {
      claims_remove (self, event, event, claims, n_claims);
      claims_add (self, event);
    }

  g_signal_emit (self, signals[EVENT_CHANGED], 0, event);
}

void
dl_dataset_edit_passages_changed (DlDataset *self,
                                  DlEvent   *event,
                                  GArray    *old_claims)
{
  g_return_if_fail (DL_IS_DATASET (self));
  g_return_if_fail (DL_IS_EVENT (event));

  claims_remove (self, event, event, (const DlClaim *) (gconstpointer) old_claims->data, old_claims->len);
  claims_add (self, event);
  dl_dataset_edit_event_changed (self, event, DL_EVENT_CHANGE_TEXT);
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
