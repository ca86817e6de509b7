/* dl-dataset-build.c: a dataset built in memory, for importers of other formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include "dl-claims.h"
#include "dl-dataset-build.h"
#include "dl-dataset-load-private.h"

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

void
dl_dataset_add_source (DlDataset *self,
                       DlSource  *source)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (!g_hash_table_contains (self->source_index, source->id));

  g_list_store_append (self->sources, source);
  g_hash_table_insert (self->source_index, source->id, source);
}

void
dl_dataset_add_place (DlDataset *self,
                      DlPlace   *place)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (!g_hash_table_contains (self->place_index, place->id));

  g_list_store_append (self->places, place);
  g_hash_table_insert (self->place_index, place->id, place);
}

void
dl_dataset_add_event (DlDataset *self,
                      DlEvent   *event)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (!g_hash_table_contains (self->event_index, event->id));

  g_list_store_append (self->events, event);
  g_hash_table_insert (self->event_index, event->id, event);
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
  g_array_set_clear_func (narrative.steps, dl_loader_step_clear);
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
  g_ptr_array_sort (self->events_by_time, dl_event_compare_time);
  dl_loader_index_claims (self);
}
