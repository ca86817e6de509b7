/* dl-session-filters.c: which categories and sources the session hides
 *
 * Hiding a category or a source changes the shown events (`events`, and
 * the search results over them) and emits "filters-changed"; the window
 * saves the choice per dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dl-category.h"
#include "dl-session-private.h"
#include "dl-stats.h"

static int
compare_categories (const void *a,
                    const void *b)
{
  return dl_category_compare (*(char * const *) a, *(char * const *) b);
}

void
dl_session_set_category_visible (DlSession  *self,
                                 const char *category,
                                 gboolean    visible)
{
  g_return_if_fail (DL_IS_SESSION (self));
  g_return_if_fail (category != NULL);

  if (visible ? g_hash_table_remove (self->hidden_categories, category)
              : g_hash_table_add (self->hidden_categories, g_strdup (category)))
    _dl_session_filters_changed (self);
}

gboolean
dl_session_get_category_visible (DlSession  *self,
                                 const char *category)
{
  g_return_val_if_fail (DL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (category != NULL, FALSE);

  return !g_hash_table_contains (self->hidden_categories, category);
}

void
dl_session_set_source_visible (DlSession  *self,
                               const char *source_id,
                               gboolean    visible)
{
  g_return_if_fail (DL_IS_SESSION (self));
  g_return_if_fail (source_id != NULL);

  if (visible ? g_hash_table_remove (self->hidden_sources, source_id)
              : g_hash_table_add (self->hidden_sources, g_strdup (source_id)))
    _dl_session_filters_changed (self);
}

gboolean
dl_session_get_source_visible (DlSession  *self,
                               const char *source_id)
{
  g_return_val_if_fail (DL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);

  return !g_hash_table_contains (self->hidden_sources, source_id);
}

void
dl_session_show_all (DlSession *self)
{
  dl_session_set_hidden (self, NULL, NULL);
}

GStrv
dl_session_dup_hidden_categories (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return dl_dup_sorted_keys (self->hidden_categories);
}

GStrv
dl_session_dup_hidden_sources (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return dl_dup_sorted_keys (self->hidden_sources);
}

void
dl_session_set_hidden (DlSession          *self,
                       const char * const *categories,
                       const char * const *sources)
{
  g_return_if_fail (DL_IS_SESSION (self));

  if (g_hash_table_size (self->hidden_categories) == 0 && g_hash_table_size (self->hidden_sources) == 0
      && (categories == NULL || categories[0] == NULL) && (sources == NULL || sources[0] == NULL))
    return;

  g_hash_table_remove_all (self->hidden_categories);
  g_hash_table_remove_all (self->hidden_sources);
  for (guint i = 0; categories != NULL && categories[i] != NULL; i++)
    g_hash_table_add (self->hidden_categories, g_strdup (categories[i]));
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    g_hash_table_add (self->hidden_sources, g_strdup (sources[i]));

  _dl_session_filters_changed (self);
}

GStrv
dl_session_dup_categories (DlSession *self)
{
  g_autofree gboolean *used = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv categories;

  g_return_val_if_fail (DL_IS_SESSION (self), NULL);

  used = g_new0 (gboolean, self->category_names->len);
  for (guint p = 0; p < self->order_category->len; p++)
    used[g_array_index (self->order_category, guint16, p)] = TRUE;
  for (guint c = 0; c < self->category_names->len; c++)
    if (used[c])
      g_strv_builder_add (builder, g_ptr_array_index (self->category_names, c));

  categories = g_strv_builder_end (builder);
  qsort (categories, g_strv_length (categories), sizeof (char *), compare_categories);
  return categories;
}
