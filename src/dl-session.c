/* dl-session.c: what the user is looking at, shared by every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-session"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dl-category.h"
#include "dl-session.h"

#define DAY (24 * 3600)
/* Searching the text of this many events takes a while: bigger datasets are
 * searched a batch per main-loop turn. */
#define INCREMENTAL_SEARCH_MIN 5000
/* The first time window holds this share of the shown events. */
#define FOCUS_SHARE 0.8
#define FOCUS_MIN_EVENTS 5

struct _DlSession
{
  GObject             parent_instance;

  DlDataset          *dataset;
  DlEditStack        *edits;        /* the dataset's, made with it */
  GListStore         *all;          /* DlEvent, time order */
  GtkCustomFilter    *filter;       /* categories and sources */
  GtkFilterListModel *events;       /* what map and timeline draw */
  GtkSingleSelection *selection;    /* over `events` */
  GtkCustomFilter    *search_filter;
  GtkFilterListModel *results;      /* over `events` */
  GHashTable         *hidden_categories;
  GHashTable         *hidden_sources;
  char               *query;
  gint64              visible_start;
  gint64              visible_end;
};

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

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
event_is_shown (gpointer item,
                gpointer user_data)
{
  DlSession *self = user_data;
  DlEvent *event = item;
  guint n = dl_event_get_n_excerpts (event);

  if (g_hash_table_contains (self->hidden_categories, dl_event_get_category (event)))
    return FALSE;
  if (n == 0 || g_hash_table_size (self->hidden_sources) == 0)
    return TRUE;

  /* Shown while at least one of its passages comes from a shown source. */
  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (self->hidden_sources, dl_source_get_id (dl_event_get_excerpt (event, i)->source)))
      return TRUE;

  return FALSE;
}

static gboolean
event_matches_query (gpointer item,
                     gpointer user_data)
{
  DlSession *self = user_data;

  /* No query yet: the results are every shown event, to browse. */
  return dl_event_matches (item, self->query);
}

static void
filters_changed (DlSession *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  g_signal_emit (self, signals[FILTERS_CHANGED], 0);
}

static void
on_selected_item_changed (DlSession *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/* The position of @event in `events`, found by bisection: `events` is in
 * dl_event_compare_time order. */
static guint
find_position (DlSession *self,
               DlEvent   *event)
{
  GListModel *model = G_LIST_MODEL (self->events);
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(DlEvent) item = g_list_model_get_item (model, mid);
      int cmp = dl_event_compare_time (&item, &event);

      if (cmp == 0)
        return mid;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return GTK_INVALID_LIST_POSITION;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_categories (const void *a,
                    const void *b)
{
  return dl_category_compare (*(char * const *) a, *(char * const *) b);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GStrv
dup_sorted_keys (GHashTable *table)
{
  GStrv keys = (GStrv) g_hash_table_get_keys_as_array (table, NULL);
  guint n = g_strv_length (keys);

  /* The table owns the strings; the array becomes a GStrv of copies. */
  for (guint i = 0; i < n; i++)
    keys[i] = g_strdup (keys[i]);
  qsort (keys, n, sizeof (char *), compare_strings);

  return keys;
}

/* The dataset was edited (dl-edit-stack.h): `all` follows its time order.
 * An event changed in place is replaced by itself, so that views redraw it;
 * when the order changed, the whole list is, and the selection stays on
 * its event (GtkSingleSelection finds it among the new items). */
static void
on_event_edited (DlSession *self,
                 DlEvent   *event)
{
  guint position;

  if (g_list_store_find (self->all, event, &position))
    g_list_store_splice (self->all, position, 1, (gpointer *) &event, 1);
  /* Its category, or its sources, may now be hidden or shown. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_dataset_edited (DlSession *self)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (self->dataset);
  GListModel *all = G_LIST_MODEL (self->all);
  gboolean same = g_list_model_get_n_items (all) == by_time->len;

  for (guint i = 0; same && i < by_time->len; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (all, i);

      same = event == g_ptr_array_index (by_time, i);
    }
  if (!same)
    g_list_store_splice (self->all, 0, g_list_model_get_n_items (all), by_time->pdata, by_time->len);
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
dl_session_dispose (GObject *object)
{
  DlSession *self = DL_SESSION (object);

  /* The filters point back at the session. */
  if (self->events != NULL)
    gtk_filter_list_model_set_filter (self->events, NULL);
  if (self->results != NULL)
    gtk_filter_list_model_set_filter (self->results, NULL);

  G_OBJECT_CLASS (dl_session_parent_class)->dispose (object);
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
  g_clear_object (&self->search_filter);
  g_clear_object (&self->events);
  g_clear_object (&self->filter);
  g_clear_object (&self->all);
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
  object_class->dispose = dl_session_dispose;
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

  self->all = g_list_store_new (DL_TYPE_EVENT);
  self->filter = gtk_custom_filter_new (event_is_shown, self, NULL);
  self->events = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->all)),
                                            GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->events)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selected_item_changed), self);

  self->search_filter = gtk_custom_filter_new (event_matches_query, self, NULL);
  self->results = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->events)),
                                             GTK_FILTER (g_object_ref (self->search_filter)));
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
  GPtrArray *by_time;

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
  dl_session_set_query (self, NULL);

  by_time = dataset != NULL ? dl_dataset_get_events_by_time (dataset) : NULL;
  gtk_filter_list_model_set_incremental (self->results, by_time != NULL && by_time->len > INCREMENTAL_SEARCH_MIN);
  g_list_store_splice (self->all, 0, g_list_model_get_n_items (G_LIST_MODEL (self->all)),
                       by_time != NULL ? by_time->pdata : NULL, by_time != NULL ? by_time->len : 0);
  filters_changed (self);

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
 * their middle; the window is the shortest span holding FOCUS_SHARE of them,
 * widened to a week so a busy day has context, with a day either side. With
 * fewer than FOCUS_MIN_EVENTS such events it is every bounded event's span.
 * Most of the bundled dataset sits in one week of a ten-month span: it opens
 * on that week, and a dataset spread evenly opens on most of its span. */
gboolean
dl_session_get_focus_range (DlSession *self,
                            gint64    *start,
                            gint64    *end)
{
  GListModel *model;
  g_autoptr(GArray) mids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean have_extent = FALSE;
  gint64 lo = 0, hi = 0;
  guint n;

  g_return_val_if_fail (DL_IS_SESSION (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  model = G_LIST_MODEL (self->events);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (model, i);
      const DlEdtf *when = dl_event_get_when (event);

      if (!dl_edtf_is_bounded (when))
        continue;

      lo = have_extent ? MIN (lo, when->earliest) : when->earliest;
      hi = have_extent ? MAX (hi, when->latest) : when->latest;
      have_extent = TRUE;

      if (when->latest - when->earliest <= 7 * DAY)
        {
          gint64 mid = dl_edtf_get_midpoint (when);

          g_array_append_val (mids, mid);
        }
    }

  if (!have_extent)
    return FALSE;

  if (mids->len >= FOCUS_MIN_EVENTS)
    {
      guint k = MAX (1, (guint) ceil (mids->len * FOCUS_SHARE)) - 1;
      gint64 best_len = G_MAXINT64;

      g_array_sort (mids, compare_gint64);
      for (guint i = 0; i + k < mids->len; i++)
        {
          gint64 len = g_array_index (mids, gint64, i + k) - g_array_index (mids, gint64, i);

          if (len < best_len)
            {
              best_len = len;
              lo = g_array_index (mids, gint64, i);
              hi = g_array_index (mids, gint64, i + k);
            }
        }
    }

  if (hi - lo < 7 * DAY)
    {
      gint64 centre = lo + (hi - lo) / 2;

      lo = centre - 7 * DAY / 2;
      hi = lo + 7 * DAY;
    }

  *start = lo - DAY;
  *end = hi + DAY;
  return TRUE;
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
    filters_changed (self);
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
    filters_changed (self);
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
  return dup_sorted_keys (self->hidden_categories);
}

GStrv
dl_session_dup_hidden_sources (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), NULL);
  return dup_sorted_keys (self->hidden_sources);
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

  filters_changed (self);
}

GStrv
dl_session_dup_categories (DlSession *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *all;
  GStrv categories;

  g_return_val_if_fail (DL_IS_SESSION (self), NULL);

  all = G_LIST_MODEL (self->all);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (all, i);

      if (g_hash_table_add (seen, (gpointer) dl_event_get_category (event)))
        g_strv_builder_add (builder, dl_event_get_category (event));
    }

  categories = g_strv_builder_end (builder);
  qsort (categories, g_strv_length (categories), sizeof (char *), compare_categories);
  return categories;
}

guint
dl_session_get_n_events (DlSession *self)
{
  g_return_val_if_fail (DL_IS_SESSION (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->all));
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
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
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
