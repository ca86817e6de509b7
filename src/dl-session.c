/* dl-session.c: what the user is looking at, shared by every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-session"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dl-bisect.h"
#include "dl-category.h"
#include "dl-event-list.h"
#include "dl-focus-range.h"
#include "dl-map-view.h"
#include "dl-session-private.h"


G_DEFINE_FINAL_TYPE (DlSession, dl_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_EVENTS,
  PROP_SELECTED_EVENT,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_QUERY,
  N_PROPS
};

enum {
  FILTERS_CHANGED,
  N_SIGNALS
};

/* The results of a recent query, while `events` has not changed: deleting
 * what was typed finds them again at once. */
typedef struct {
  char      *query;
  GPtrArray *source;     /* what the positions are in */
  GArray    *positions;
} Recent;

#define MAX_RECENT 32
/* …holding at most this many positions (16 MB) between them. */
#define MAX_RECENT_POSITIONS (4 * 1024 * 1024)

static void
recent_free (gpointer data)
{
  Recent *recent = data;

  g_free (recent->query);
  g_ptr_array_unref (recent->source);
  g_array_unref (recent->positions);
  g_free (recent);
}

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* With some sources hidden: an event is shown while at least one of its
 * passages comes from a shown source (or it has none). */
static gboolean
set_is_shown (DlSession *self,
              GPtrArray *sources)
{
  if (sources->len == 0)
    return TRUE;
  for (guint i = 0; i < sources->len; i++)
    if (!g_hash_table_contains (self->hidden_sources, dl_source_get_id (g_ptr_array_index (sources, i))))
      return TRUE;

  return FALSE;
}

static guint16
category_number (DlSession  *self,
                 const char *category)
{
  return dl_category_number (self->category_names, self->category_numbers, category);
}

/* @positions, set to its first @n: copied when that leaves most of it
 * unused, as recent queries keep their arrays (and count only their
 * positions). */
static GArray *
positions_truncate (GArray *positions,
                    guint   n)
{
  GArray *copy;

  if (n >= positions->len / 2)
    {
      g_array_set_size (positions, n);
      return positions;
    }

  copy = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_array_append_vals (copy, positions->data, n);
  g_array_unref (positions);
  return copy;
}

/* `events`: the events of `order` that the filters show. Each event's
 * category, and (once a source was hidden) the sources of its passages,
 * are numbers kept beside `order`: filtering a million events looks at
 * none of them, only at these arrays. */
static void
update_events (DlSession *self)
{
  guint n_categories = self->category_names->len;
  g_autofree gboolean *hidden = g_new0 (gboolean, n_categories + 1);
  g_autofree gboolean *set_hidden = NULL;
  const guint16 *categories = (const guint16 *) (gpointer) self->order_category->data;
  const guint *sets;
  gboolean sources = g_hash_table_size (self->hidden_sources) > 0;
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->order->len);
  guint *out;
  guint n = 0;

  for (guint c = 0; c < n_categories; c++)
    hidden[c] = g_hash_table_contains (self->hidden_categories, g_ptr_array_index (self->category_names, c));

  if (sources && self->order_sources->len != self->order->len)
    {
      /* From the events as they are now: no set of a source since removed
       * (the loading thread numbered them for `order` as first taken). */
      g_ptr_array_set_size (self->source_sets, 0);
      dl_source_sets_number (self->order, self->order_sources, self->source_sets);
    }
  if (sources)
    {
      set_hidden = g_new (gboolean, self->source_sets->len);
      for (guint i = 0; i < self->source_sets->len; i++)
        set_hidden[i] = !set_is_shown (self, g_ptr_array_index (self->source_sets, i));
    }
  sets = (const guint *) (gpointer) self->order_sources->data;

  /* Written in place, each position kept when shown: no call nor branch
   * per event (g_array_append_val() was 10 ms of the turn that opens a
   * million). */
  g_array_set_size (positions, self->order->len);
  out = (guint *) (gpointer) positions->data;
  if (sources)
    for (guint p = 0; p < self->order->len; p++)
      {
        out[n] = p;
        n += !hidden[categories[p]] & !set_hidden[sets[p]];
      }
  else
    for (guint p = 0; p < self->order->len; p++)
      {
        out[n] = p;
        n += !hidden[categories[p]];
      }
  positions = positions_truncate (positions, n);

  dl_event_list_set (self->events, self->order, positions);
}

/* TRUE when every event that matches @query also matches @previous: each
 * word of @previous is inside a word of @query (one more letter typed, or
 * one more word). */
static gboolean
query_narrows (const char *previous,
               const char *query)
{
  g_autofree char *folded_previous = g_utf8_casefold (previous != NULL ? previous : "", -1);
  g_autofree char *folded = g_utf8_casefold (query != NULL ? query : "", -1);
  g_auto(GStrv) old_words = g_strsplit_set (folded_previous, " \t\n", -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);

  for (guint i = 0; old_words[i] != NULL; i++)
    {
      gboolean inside = *old_words[i] == '\0';

      for (guint j = 0; !inside && words[j] != NULL; j++)
        inside = strstr (words[j], old_words[i]) != NULL;
      if (!inside)
        return FALSE;
    }

  return TRUE;
}

/* The results: the shown events, in time order, that match the query (all
 * of them without one). The dataset's search index answers for each event
 * (dl-search-index.c) straight from its time-ordered array; a query that
 * narrows the last one only looks among the last results. A million events
 * take under ten milliseconds (dl_search_index_filter_positions()), typing
 * one more letter less. */
static gsize
recent_positions (DlSession *self)
{
  gsize n = 0;

  for (guint i = 0; i < self->recent->len; i++)
    n += ((Recent *) g_ptr_array_index (self->recent, i))->positions->len;

  return n;
}

static Recent *
find_recent (DlSession *self,
             GPtrArray *source)
{
  for (guint i = 0; i < self->recent->len; i++)
    {
      Recent *recent = g_ptr_array_index (self->recent, i);

      if (recent->source == source && g_strcmp0 (recent->query, self->query) == 0)
        return recent;
    }

  return NULL;
}

/* The positions of @from that match the query, as a new array. */
static GArray *
filter_positions (DlSearchIndex *index,
                  GPtrArray     *source,
                  GArray        *from)
{
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), from->len);
  guint n;

  g_array_set_size (positions, from->len);
  n = dl_search_index_filter_positions (index, source, (const guint *) (gpointer) from->data, from->len,
                                        (guint *) (gpointer) positions->data);
  return positions_truncate (positions, n);
}

static void
update_results (DlSession *self,
                gboolean   narrow)
{
  GArray *positions;
  /* Results point into the array the shown events point into. */
  GPtrArray *source = dl_event_list_get_source (self->events);
  DlSearchIndex *index;
  Recent *recent;

  if (source == NULL)
    source = self->order;

  /* Position arrays are never changed once a list has them (the timeline's
   * and the map's threads read them), so lists and recent queries share
   * them rather than copying a million positions. */
  if (self->query == NULL || *self->query == '\0')
    {
      /* Every shown event, to browse: no index needed (nor built). The
       * shown events' positions are shared, not copied: a million are 4
       * MB, and opening a dataset comes here twice in one turn; the second
       * time they are the results already, not compared again event by
       * event. */
      GArray *shown = dl_event_list_get_positions (self->events);

      g_free (self->results_query);
      self->results_query = g_strdup (self->query);
      if (dl_event_list_get_positions (self->results) != shown || dl_event_list_get_source (self->results) != source)
        dl_event_list_set (self->results, source, g_array_ref (shown));
      return;
    }

  if (self->dataset != NULL && (recent = find_recent (self, source)) != NULL)
    {
      positions = g_array_ref (recent->positions);
    }
  else if (self->dataset != NULL)
    {
      index = dl_dataset_get_search_index (self->dataset);
      dl_search_index_set_query (index, self->query);
      if (narrow && dl_event_list_get_source (self->results) == source
          && query_narrows (self->results_query, self->query))
        positions = filter_positions (index, source, dl_event_list_get_positions (self->results));
      else
        positions = filter_positions (index, source, dl_event_list_get_positions (self->events));
    }
  else
    positions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->query != NULL && *self->query != '\0' && find_recent (self, source) == NULL)
    {
      recent = g_new0 (Recent, 1);
      recent->query = g_strdup (self->query);
      recent->source = g_ptr_array_ref (source);
      recent->positions = g_array_ref (positions);
      g_ptr_array_add (self->recent, recent);
      while (self->recent->len > MAX_RECENT || recent_positions (self) > MAX_RECENT_POSITIONS)
        g_ptr_array_remove_index (self->recent, 0);
    }

  g_free (self->results_query);
  self->results_query = g_strdup (self->query);
  dl_event_list_set (self->results, source, positions);
}

/* `order_sources` is out of date: numbered again when a source is hidden.
 * A new array, as it may be the loading thread's, which is shared. */
static void
forget_source_numbers (DlSession *self)
{
  g_array_unref (self->order_sources);
  self->order_sources = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* The dataset's time order, as `order` (a new array: `results` may still
 * point into the old one). */
static void
take_order (DlSession *self)
{
  DlEventFacets *facets = self->dataset != NULL ? dl_dataset_get_facets (self->dataset) : NULL;
  g_autofree guint16 *numbers = NULL;

  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_ptr_array_set_size (self->source_sets, 0);
  if (facets == NULL)
    {
      self->order = g_ptr_array_new_with_free_func (g_object_unref);
      g_array_set_size (self->order_category, 0);
      forget_source_numbers (self);
      return;
    }

  /* Numbered in the loading thread: a million events are copied, not
   * looked at. `order` is never changed, so it is shared. */
  self->order = g_ptr_array_ref (facets->order);
  /* The session's numbers outlive a dataset's edits: translated. */
  numbers = g_new (guint16, MAX (facets->category_names->len, 1));
  for (guint c = 0; c < facets->category_names->len; c++)
    numbers[c] = category_number (self, g_ptr_array_index (facets->category_names, c));
  g_array_set_size (self->order_category, self->order->len);
  for (guint p = 0; p < self->order->len; p++)
    g_array_index (self->order_category, guint16, p) = numbers[g_array_index (facets->categories, guint16, p)];

  /* Shared, not copied (4 MB at a million): nobody changes it, and the
   * session replaces it when an event changes. */
  g_array_unref (self->order_sources);
  self->order_sources = g_array_ref (facets->source_numbers);
  for (guint i = 0; i < facets->source_sets->len; i++)
    g_ptr_array_add (self->source_sets, g_ptr_array_ref (g_ptr_array_index (facets->source_sets, i)));
}

static void
on_events_changed (DlSession *self)
{
  /* Filters, edits or a new dataset: every event is looked at again. */
  g_ptr_array_set_size (self->recent, 0);
  update_results (self, FALSE);
}

void
_dl_session_filters_changed (DlSession *self)
{
  update_events (self);
  g_signal_emit (self, signals[FILTERS_CHANGED], 0);
}

static void
on_selected_item_changed (DlSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

static int
compare_item_time (GListModel *model,
                   guint       position,
                   DlEvent    *event)
{
  g_autoptr(DlEvent) item = g_list_model_get_item (model, position);

  return dl_event_compare_time (&item, &event);
}

/* The position of @event in `events`, found by bisection: `events` is in
 * dl_event_compare_time order. */
static guint
find_position (DlSession *self,
               DlEvent   *event)
{
  GListModel *model = G_LIST_MODEL (self->events);
  guint n = g_list_model_get_n_items (model);
  guint lo = 0;
  guint hi = n;

  DL_BISECT (lo, hi, mid, compare_item_time (model, mid, event) < 0);

  return lo < n && compare_item_time (model, lo, event) == 0 ? lo : GTK_INVALID_LIST_POSITION;
}

/* The dataset was edited (dl-edit-stack.h): `events` follows. An event
 * changed in place is said to have changed ("items-changed" for it), so
 * that views redraw it; when the time order changed, `order` is taken
 * again on "changed", and the selection stays on its event
 * (GtkSingleSelection finds it among the new items). */
static void
on_event_edited (DlSession *self,
                 DlEvent   *event)
{
  GArray *shown;
  guint lo = 0, hi;
  guint p;

  for (p = 0; p < self->order->len && g_ptr_array_index (self->order, p) != event; p++)
    ;
  if (p == self->order->len)
    return;

  /* Its category, or its sources, may now be hidden or shown. */
  g_array_index (self->order_category, guint16, p) = category_number (self, dl_event_get_category (event));
  forget_source_numbers (self);
  update_events (self);

  shown = dl_event_list_get_positions (self->events);
  hi = shown->len;
  DL_BISECT (lo, hi, mid, g_array_index (shown, guint, mid) < p);
  if (lo < shown->len && g_array_index (shown, guint, lo) == p)
    dl_event_list_changed_at (self->events, lo);
}

static void
on_dataset_edited (DlSession *self)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (self->dataset);
  gboolean same = self->order->len == by_time->len;

  for (guint i = 0; same && i < by_time->len; i++)
    same = g_ptr_array_index (self->order, i) == g_ptr_array_index (by_time, i);
  if (!same)
    {
      take_order (self);
      update_events (self);
    }
  g_signal_emit (self, signals[FILTERS_CHANGED], 0);
}

/* GObject */

static void
dl_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DlSession *self = DL_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_EVENTS:
      g_value_set_object (value, self->events);
      break;
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, dl_session_get_selected_event (self));
      break;
    case PROP_VISIBLE_START:
      g_value_set_int64 (value, self->visible_start);
      break;
    case PROP_VISIBLE_END:
      g_value_set_int64 (value, self->visible_end);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  DlSession *self = DL_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      dl_session_set_dataset (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_EVENT:
      dl_session_select (self, g_value_get_object (value));
      break;
    case PROP_VISIBLE_START:
      dl_session_set_visible_range (self, g_value_get_int64 (value), MAX (self->visible_end,
                                                                           g_value_get_int64 (value) + 1));
      break;
    case PROP_VISIBLE_END:
      dl_session_set_visible_range (self, MIN (self->visible_start, g_value_get_int64 (value) - 1),
                                    g_value_get_int64 (value));
      break;
    case PROP_QUERY:
      dl_session_set_query (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_session_finalize (GObject *object)
{
  DlSession *self = DL_SESSION (object);

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_clear_object (&self->edits);
  g_clear_object (&self->dataset);
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_pointer (&self->recent, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);
  g_free (self->results_query);
  g_clear_object (&self->events);
  g_clear_pointer (&self->order_category, g_array_unref);
  g_clear_pointer (&self->order_sources, g_array_unref);
  g_clear_pointer (&self->source_sets, g_ptr_array_unref);
  g_clear_pointer (&self->category_numbers, g_hash_table_unref);
  g_clear_pointer (&self->category_names, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_categories, g_hash_table_unref);
  g_clear_pointer (&self->hidden_sources, g_hash_table_unref);
  g_free (self->query);

  G_OBJECT_CLASS (dl_session_parent_class)->finalize (object);
}

static void
dl_session_class_init (DlSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dl_session_get_property;
  object_class->set_property = dl_session_set_property;
  object_class->finalize = dl_session_finalize;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, DL_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENTS] =
    g_param_spec_object ("events", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL, DL_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_START] =
    g_param_spec_int64 ("visible-start", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE_END] =
    g_param_spec_int64 ("visible-end", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After "events" changed for a filter: legends and counts follow. */
  signals[FILTERS_CHANGED] =
    g_signal_new ("filters-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dl_session_init (DlSession *self)
{
  self->hidden_categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hidden_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->order_category = g_array_new (FALSE, FALSE, sizeof (guint16));
  self->order_sources = g_array_new (FALSE, FALSE, sizeof (guint));
  self->source_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->category_names = g_ptr_array_new_with_free_func (g_free);
  self->category_numbers = g_hash_table_new (g_str_hash, g_str_equal);
  self->events = dl_event_list_new ();
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->events)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_changed), self);

  self->order = g_ptr_array_new_with_free_func (g_object_unref);
  self->results = dl_event_list_new ();
  self->recent = g_ptr_array_new_with_free_func (recent_free);
  g_signal_connect_swapped (self->events, "items-changed", G_CALLBACK (on_events_changed), self);
}

/* Public API */

DlSession *
dl_session_new (void)
{
  return g_object_new (DL_TYPE_SESSION, NULL);
}

void
dl_session_set_dataset (DlSession *self,
                        DlDataset *dataset)
{
  gboolean had_query;

  g_return_if_fail (DL_IS_SESSION (self));
  g_return_if_fail (dataset == NULL || DL_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  g_clear_object (&self->edits);
  if (dataset != NULL)
    {
      self->edits = dl_edit_stack_new (dataset);
      g_signal_connect_swapped (dataset, "event-changed", G_CALLBACK (on_event_edited), self);
      g_signal_connect_swapped (dataset, "changed", G_CALLBACK (on_dataset_edited), self);
    }
  g_hash_table_remove_all (self->hidden_categories);
  g_hash_table_remove_all (self->hidden_sources);
  had_query = self->query != NULL;
  g_clear_pointer (&self->query, g_free);
  g_ptr_array_set_size (self->category_names, 0);
  g_hash_table_remove_all (self->category_numbers);
  take_order (self);
  /* `events`, then (following it) `results`: every event, no query. */
  _dl_session_filters_changed (self);
  update_results (self, FALSE);
  if (had_query)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  g_object_thaw_notify (G_OBJECT (self));
}

DlDataset *
dl_session_get_dataset (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return self->dataset;
}

DlEditStack *
dl_session_get_edit_stack (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return self->edits;
}

GListModel *
dl_session_get_events (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->events);
}

GtkSingleSelection *
dl_session_get_selection (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return self->selection;
}

gboolean
dl_session_select (DlSession *self,
                   DlEvent   *event)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_val_if_fail (DL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (event == NULL || DL_IS_EVENT (event), FALSE);

  if (event != NULL && dl_session_get_selected_event (self) == event)
    return TRUE;
  if (event != NULL && (position = find_position (self, event)) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

DlEvent *
dl_session_get_selected_event (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
dl_session_step (DlSession *self,
                 int        delta)
{
  guint n, position;
  gint64 target;

  g_return_if_fail (DL_IS_SESSION (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  position = gtk_single_selection_get_selected (self->selection);
  if (n == 0 || delta == 0)
    return;

  if (position == GTK_INVALID_LIST_POSITION)
    target = delta > 0 ? 0 : (gint64) n - 1;
  else
    target = CLAMP ((gint64) position + delta, 0, (gint64) n - 1);

  gtk_single_selection_set_selected (self->selection, (guint) target);
}

void
dl_session_select_first (DlSession *self)
{
  g_return_if_fail (DL_IS_SESSION (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
}

void
dl_session_select_last (DlSession *self)
{
  guint n;

  g_return_if_fail (DL_IS_SESSION (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, n - 1);
}

void
dl_session_set_visible_range (DlSession *self,
                              gint64     start,
                              gint64     end)
{
  g_return_if_fail (DL_IS_SESSION (self));
  g_return_if_fail (end > start);

  if (start == self->visible_start && end == self->visible_end)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (start != self->visible_start)
    {
      self->visible_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
    }
  if (end != self->visible_end)
    {
      self->visible_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
dl_session_get_visible_range (DlSession *self,
                              gint64    *start,
                              gint64    *end)
{
  g_return_if_fail (DL_IS_SESSION (self));

  if (start != NULL)
    *start = self->visible_start;
  if (end != NULL)
    *end = self->visible_end;
}

/* Events known to the day or better (lasting at most a week) are placed at
 * their middle; the window is the shortest span holding 80 % of them,
 * widened to a week so a busy day has context, with a day either side. With
 * fewer than five such events it is every bounded event's span.
 * Most of the bundled dataset sits in one week of a ten-month span: it opens
 * on that week, and a dataset spread evenly opens on most of its span. */
gboolean
dl_session_get_focus_range (DlSession *self,
                            gint64    *start,
                            gint64    *end)
{
  GArray *positions;
  DlEventFacets *facets;

  g_return_val_if_fail (DL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  /* All of the dataset's events shown (as when it opens): the loading
   * thread computed it already, over the same events. */
  positions = dl_event_list_get_positions (self->events);
  facets = self->dataset != NULL ? dl_dataset_get_facets (self->dataset) : NULL;
  if (facets != NULL && facets->order == self->order && positions->len == self->order->len)
    {
      *start = facets->focus_start;
      *end = facets->focus_end;
      return facets->have_focus;
    }

  return dl_focus_range_compute (self->order, positions, start, end);
}

/* dl_map_view_events_extent() of the shown events: from the loading
 * thread when all are shown (a fifth of a second of the main loop at a
 * million events, twice as the window first frames the map). */
gboolean
dl_session_get_events_extent (DlSession *self,
                              DlBBox    *main_part,
                              DlBBox    *all)
{
  GArray *positions;
  DlEventFacets *facets;

  g_return_val_if_fail (DL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (main_part != NULL && all != NULL, FALSE);

  positions = dl_event_list_get_positions (self->events);
  facets = self->dataset != NULL ? dl_dataset_get_facets (self->dataset) : NULL;
  if (facets != NULL && facets->order == self->order && positions->len == self->order->len)
    {
      *main_part = facets->map_main_part;
      *all = facets->map_all;
      return !dl_bbox_is_empty (all);
    }

  return dl_map_view_events_extent (self->order, positions, main_part, all);
}

guint
dl_session_get_n_events (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), 0);
  return self->order->len;
}

void
dl_session_set_query (DlSession  *self,
                      const char *query)
{
  g_return_if_fail (DL_IS_SESSION (self));

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  update_results (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

const char *
dl_session_get_query (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return self->query;
}

GListModel *
dl_session_get_results (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->results);
}

gboolean
dl_session_observe (DlSession     *session,
                    DlSession    **slot,
                    GSignalGroup **group,
                    GCallback      on_dataset,
                    GCallback      on_selection,
                    gpointer       view)
{
  g_return_val_if_fail (session == NULL || DL_IS_SESSION (session), FALSE);

  if (*group == NULL)
    {
      *group = g_signal_group_new (DL_TYPE_SESSION);
      g_signal_group_connect_swapped (*group, "notify::dataset", on_dataset, view);
      g_signal_group_connect_swapped (*group, "notify::selected-event", on_selection, view);
    }
  if (!g_set_object (slot, session))
    return FALSE;
  g_signal_group_set_target (*group, session);
  if (session != NULL)
    ((void (*) (gpointer)) on_dataset) (view);
  return TRUE;
}

GSignalGroup *
dl_session_range_signals_new (GCallback on_selection,
                              GCallback on_range,
                              gpointer  view)
{
  GSignalGroup *group = g_signal_group_new (DL_TYPE_SESSION);

  g_signal_group_connect_swapped (group, "notify::selected-event", on_selection, view);
  g_signal_group_connect_swapped (group, "notify::visible-start", on_range, view);
  g_signal_group_connect_swapped (group, "notify::visible-end", on_range, view);
  return group;
}
