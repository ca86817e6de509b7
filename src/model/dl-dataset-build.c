/* dl-dataset-build.c: a dataset built in memory, for importers of other formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include "dl-claims.h"
#include "dl-dataset-build.h"
#include "dl-dataset-load-private.h"
#include "dl-dataset-private.h"

/* Building a dataset in memory (dl-dataset-build.h): the importers of other
 * formats (src/import/) hand over objects they made, so that what they read
 * is the same DlDataset every view, search, filter and export works on. */

DlDataset *
dl_dataset_new_for_import (GFile      *file,
                           const char *title,
                           const char *description)
{
  DlDataset *self = g_object_new (DL_TYPE_DATASET, NULL);

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->imported = TRUE;
  return self;
}

gboolean
dl_dataset_is_imported (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), FALSE);
  return self->imported;
}

/* Appended all at once: one "items-changed", not one an item. */
static void
append_all (DlObjectStore *store,
            GHashTable *index,
            gpointer   *items,
            guint       n_items,
            gsize       id_offset)
{
  for (guint i = 0; i < n_items; i++)
    {
      const char *id = G_STRUCT_MEMBER (const char *, items[i], id_offset);

      g_return_if_fail (!g_hash_table_contains (index, id));
      g_hash_table_insert (index, (gpointer) id, items[i]);
    }
  dl_object_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, items, n_items);
}

void
dl_dataset_add_sources (DlDataset  *self,
                        DlSource  **sources,
                        guint       n_sources)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  append_all (self->sources, self->source_index, (gpointer *) sources, n_sources, G_STRUCT_OFFSET (DlSource, id));
}

void
dl_dataset_add_places (DlDataset  *self,
                       DlPlace   **places,
                       guint       n_places)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  append_all (self->places, self->place_index, (gpointer *) places, n_places, G_STRUCT_OFFSET (DlPlace, id));
}

void
dl_dataset_add_events (DlDataset  *self,
                       DlEvent   **events,
                       guint       n_events)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  append_all (self->events, self->event_index, (gpointer *) events, n_events, G_STRUCT_OFFSET (DlEvent, id));
}

void
dl_dataset_add_topic (DlDataset  *self,
                      const char *id,
                      const char *label)
{
  DlTopic *topic;

  g_return_if_fail (DL_IS_DATASET (self) && self->imported);

  if (self->topics == NULL)
    self->topics = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) dl_topic_free);
  topic = g_new0 (DlTopic, 1);
  topic->id = g_strdup (id);
  topic->label = g_strdup (label);
  g_hash_table_replace (self->topics, topic->id, topic);
}

void
dl_dataset_add_narrative (DlDataset  *self,
                          const char *id,
                          const char *title,
                          const char *description,
                          GPtrArray  *events)
{
  DlNarrative narrative = { g_strdup (id), g_strdup (title), g_strdup (description), NULL };

  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (events != NULL && events->len > 0);

  narrative.steps = g_array_new (FALSE, TRUE, sizeof (DlNarrativeStep));
  g_array_set_clear_func (narrative.steps, dl_narrative_step_clear);
  for (guint i = 0; i < events->len; i++)
    {
      DlNarrativeStep step = { g_ptr_array_index (events, i), NULL };

      g_array_append_val (narrative.steps, step);
    }
  g_array_append_val (self->narratives, narrative);
}

void
dl_dataset_finish_import (DlDataset *self)
{
  GListModel *events;

  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (self->events_by_time->len == 0);

  events = G_LIST_MODEL (self->events);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    g_ptr_array_add (self->events_by_time, g_list_model_get_item (events, i));
  dl_event_sort_by_time (self->events_by_time);
  dl_dataset_index_claims (self);
}
