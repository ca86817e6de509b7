/* dl-event-list.c: a list model of some events of an array, in its order
 *
 * Search results at a million events: GtkFilterListModel asks its filter
 * about every item through two more list models (about a microsecond an
 * item), and holding a reference on each of a million results touches a
 * million objects scattered in memory. This model is a list of positions
 * in an array that does not change (the session's events in time order),
 * so the session computes results from plain arrays and hands them over
 * at once, and an item becomes an object only when a view asks for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-list"

#include "dl-event-list.h"

struct _DlEventList
{
  GObject    parent_instance;

  GPtrArray *source;     /* DlEvent, or NULL while empty */
  GArray    *positions;  /* guint */
};

static GType
dl_event_list_get_item_type (GListModel *model)
{
  return DL_TYPE_EVENT;
}

static guint
dl_event_list_get_n_items (GListModel *model)
{
  return DL_EVENT_LIST (model)->positions->len;
}

static gpointer
dl_event_list_get_item (GListModel *model,
                        guint       position)
{
  DlEventList *self = DL_EVENT_LIST (model);

  if (position >= self->positions->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->source, g_array_index (self->positions, guint, position)));
}

static void
dl_event_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dl_event_list_get_item_type;
  iface->get_n_items = dl_event_list_get_n_items;
  iface->get_item = dl_event_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DlEventList, dl_event_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, dl_event_list_model_init))

static void
dl_event_list_finalize (GObject *object)
{
  DlEventList *self = DL_EVENT_LIST (object);

  g_clear_pointer (&self->source, g_ptr_array_unref);
  g_array_unref (self->positions);

  G_OBJECT_CLASS (dl_event_list_parent_class)->finalize (object);
}

static void
dl_event_list_class_init (DlEventListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_event_list_finalize;
}

static void
dl_event_list_init (DlEventList *self)
{
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
}

DlEventList *
dl_event_list_new (void)
{
  return g_object_new (DL_TYPE_EVENT_LIST, NULL);
}

static inline gpointer
item_at (GPtrArray *source,
         GArray    *positions,
         guint      i)
{
  return source->pdata[g_array_index (positions, guint, i)];
}

void
dl_event_list_set (DlEventList *self,
                   GPtrArray   *source,
                   GArray      *positions)
{
  g_autoptr(GPtrArray) old_source = NULL;
  g_autoptr(GArray) old_positions = NULL;
  guint old_n, new_n, head = 0, tail = 0;

  g_return_if_fail (DL_IS_EVENT_LIST (self));
  g_return_if_fail (source != NULL && positions != NULL);

  old_source = g_steal_pointer (&self->source);
  old_positions = g_steal_pointer (&self->positions);
  self->source = g_ptr_array_ref (source);
  self->positions = positions;

  /* What stayed the same, compared as events (the arrays may differ). */
  old_n = old_positions->len;
  new_n = positions->len;
  while (head < old_n && head < new_n
         && item_at (old_source, old_positions, head) == item_at (source, positions, head))
    head++;
  while (tail < old_n - head && tail < new_n - head
         && item_at (old_source, old_positions, old_n - 1 - tail) == item_at (source, positions, new_n - 1 - tail))
    tail++;

  /* Nothing in common (another dataset): the old items go, then the new
   * ones come, in two changes. In one, a list view that follows one of
   * its rows (its focus, its scroll anchor) looks for that row's item
   * among every new item, a g_list_model_get_item() each: a third of a
   * second of the main loop at a million events. */
  if (head == 0 && tail == 0 && old_n > 0 && new_n > 0)
    {
      self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      g_array_unref (self->positions);
      self->positions = positions;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
    }
  else if (head < old_n || head < new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - tail - head, new_n - tail - head);
}

void
dl_event_list_changed_at (DlEventList *self,
                          guint        position)
{
  g_return_if_fail (DL_IS_EVENT_LIST (self));
  g_return_if_fail (position < self->positions->len);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

GPtrArray *
dl_event_list_get_source (DlEventList *self)
{
  g_return_val_if_fail (DL_IS_EVENT_LIST (self), NULL);
  return self->source;
}

GArray *
dl_event_list_get_positions (DlEventList *self)
{
  g_return_val_if_fail (DL_IS_EVENT_LIST (self), NULL);
  return self->positions;
}
