/* dl-event-facets.c: what the filters read of each event, as numbers
 *
 * Its own file because opening a million events used to number their
 * categories (a string look-up each) and reference them on the main loop
 * (866 ms), and the first hidden source numbered their sources there (449
 * ms); the loading thread now does both once, and the session takes the
 * result (dl-session.c). With them, what the sidebar's overview counts and
 * the first time window and map view, which also read every event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-event-facets.h"
#include "dl-event.h"
#include "dl-focus-range.h"
#include "dl-map-view.h"

guint16
dl_category_number (GPtrArray  *names,
                    GHashTable *numbers,
                    const char *category)
{
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, category));
  char *name;

  if (number != 0)
    return (guint16) (number - 1);

  /* More categories than this would be no categories; they share the last. */
  if (names->len >= G_MAXUINT16)
    return G_MAXUINT16 - 1;
  name = g_strdup (category);
  g_ptr_array_add (names, name);
  g_hash_table_insert (numbers, name, GUINT_TO_POINTER (names->len));
  return (guint16) (names->len - 1);
}

void
dl_source_sets_number (GPtrArray *events,
                       GArray    *numbers,
                       GPtrArray *sets)
{
  g_autoptr(GHashTable) by_sources = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                            (GDestroyNotify) g_bytes_unref, NULL);
  g_autoptr(GHashTable) by_single = g_hash_table_new (NULL, NULL);
  guint first = sets->len;

  g_array_set_size (numbers, events->len);
  for (guint e = 0; e < events->len; e++)
    {
      DlEvent *event = g_ptr_array_index (events, e);
      guint n = dl_event_get_n_excerpts (event);
      g_autofree DlSource **sources = NULL;
      g_autoptr(GBytes) key = NULL;
      gpointer number;
      GPtrArray *set;

      /* Most events quote one passage: looked up by its source, allocating
       * nothing (a million events). */
      if (n == 1)
        {
          DlSource *source = dl_event_get_excerpt (event, 0)->source;

          if (!g_hash_table_lookup_extended (by_single, source, NULL, &number))
            {
              set = g_ptr_array_new ();
              g_ptr_array_add (set, source);
              g_ptr_array_add (sets, set);
              number = GUINT_TO_POINTER (sets->len - 1 - first);
              g_hash_table_insert (by_single, source, number);
            }
          g_array_index (numbers, guint, e) = first + GPOINTER_TO_UINT (number);
          continue;
        }

      sources = g_new (DlSource *, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        sources[i] = dl_event_get_excerpt (event, i)->source;
      key = g_bytes_new (sources, n * sizeof (DlSource *));
      if (!g_hash_table_lookup_extended (by_sources, key, NULL, &number))
        {
          set = g_ptr_array_new ();
          for (guint i = 0; i < n; i++)
            g_ptr_array_add (set, sources[i]);
          g_ptr_array_add (sets, set);
          number = GUINT_TO_POINTER (sets->len - 1 - first);
          g_hash_table_insert (by_sources, g_steal_pointer (&key), number);
        }
      g_array_index (numbers, guint, e) = first + GPOINTER_TO_UINT (number);
    }
}

static gboolean
is_undated (DlEvent *event)
{
  const DlEdtf *when = dl_event_get_when (event);

  return when->earliest == DL_EDTF_UNBOUNDED_START && when->latest == DL_EDTF_UNBOUNDED_END;
}

gboolean
dl_time_range_compute (GPtrArray *events_by_time,
                       gint64    *earliest,
                       gint64    *latest)
{
  gint64 lo = G_MAXINT64;
  gint64 hi = G_MININT64;

  for (guint i = 0; i < events_by_time->len; i++)
    {
      const DlEdtf *when = dl_event_get_when (g_ptr_array_index (events_by_time, i));

      if (when->earliest != DL_EDTF_UNBOUNDED_START)
        lo = MIN (lo, when->earliest);
      if (when->latest != DL_EDTF_UNBOUNDED_END)
        hi = MAX (hi, when->latest);
      if (when->earliest != DL_EDTF_UNBOUNDED_START && when->latest == DL_EDTF_UNBOUNDED_END)
        hi = MAX (hi, when->earliest);
      if (when->latest != DL_EDTF_UNBOUNDED_END && when->earliest == DL_EDTF_UNBOUNDED_START)
        lo = MIN (lo, when->latest);
    }

  if (lo > hi)
    return FALSE;

  if (earliest != NULL)
    *earliest = lo;
  if (latest != NULL)
    *latest = hi;

  return TRUE;
}

DlEventFacets *
dl_event_facets_new (GPtrArray  *events_by_time,
                     GListModel *events)
{
  DlEventFacets *self = g_atomic_rc_box_new0 (DlEventFacets);
  g_autoptr(GHashTable) category_numbers = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (events_by_time != NULL, NULL);

  self->order = g_ptr_array_copy (events_by_time, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->order, g_object_unref);

  self->category_names = g_ptr_array_new_with_free_func (g_free);
  self->categories = g_array_sized_new (FALSE, FALSE, sizeof (guint16), self->order->len);
  g_array_set_size (self->categories, self->order->len);
  for (guint p = 0; p < self->order->len; p++)
    g_array_index (self->categories, guint16, p)
      = dl_category_number (self->category_names, category_numbers,
                            dl_event_get_category (g_ptr_array_index (self->order, p)));

  self->source_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->source_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  dl_source_sets_number (self->order, self->source_numbers, self->source_sets);

  self->category_counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (self->category_counts, self->category_names->len);
  for (guint p = 0; p < self->order->len; p++)
    g_array_index (self->category_counts, guint, g_array_index (self->categories, guint16, p))++;

  self->unplaced = g_ptr_array_new_with_free_func (g_object_unref);
  self->undated = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0, n = g_list_model_get_n_items (events); i < n; i++)
    {
      DlEvent *event = g_list_model_get_item (events, i);

      if (dl_event_get_n_places (event) == 0)
        g_ptr_array_add (self->unplaced, g_object_ref (event));
      if (is_undated (event))
        g_ptr_array_add (self->undated, g_object_ref (event));
      if (dl_event_get_place_role (event) == DL_PLACE_ROLE_CONCERNS)
        self->n_concerning++;
      g_object_unref (event);
    }

  self->have_time_range = dl_time_range_compute (self->order, &self->time_range_start, &self->time_range_end);
  self->have_focus = dl_focus_range_compute (self->order, NULL, &self->focus_start, &self->focus_end);
  dl_map_view_events_extent (self->order, NULL, &self->map_main_part, &self->map_all);

  return self;
}

DlEventFacets *
dl_event_facets_ref (DlEventFacets *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
facets_clear (DlEventFacets *self)
{
  g_ptr_array_unref (self->order);
  g_array_unref (self->categories);
  g_ptr_array_unref (self->category_names);
  g_array_unref (self->source_numbers);
  g_ptr_array_unref (self->source_sets);
  g_array_unref (self->category_counts);
  g_ptr_array_unref (self->unplaced);
  g_ptr_array_unref (self->undated);
}

void
dl_event_facets_unref (DlEventFacets *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) facets_clear);
}
