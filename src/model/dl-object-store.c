/* dl-object-store.c: a dataset's list of sources, places or events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-object-store"

#include <string.h>

#include "dl-object-store.h"

struct _DlObjectStore
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;  /* a reference each */
};

static GType
get_item_type (GListModel *model)
{
  return DL_OBJECT_STORE (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return DL_OBJECT_STORE (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  DlObjectStore *self = DL_OBJECT_STORE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (DlObjectStore, dl_object_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
dl_object_store_finalize (GObject *object)
{
  DlObjectStore *self = DL_OBJECT_STORE (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (dl_object_store_parent_class)->finalize (object);
}

static void
dl_object_store_class_init (DlObjectStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_object_store_finalize;
}

static void
dl_object_store_init (DlObjectStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

DlObjectStore *
dl_object_store_new (GType item_type)
{
  DlObjectStore *self = g_object_new (DL_TYPE_OBJECT_STORE, NULL);

  self->item_type = item_type;

  return self;
}

void
dl_object_store_splice (DlObjectStore *self,
                        guint          position,
                        guint          n_removals,
                        gpointer      *additions,
                        guint          n_additions)
{
  g_return_if_fail (DL_IS_OBJECT_STORE (self));
  g_return_if_fail (position <= self->items->len && n_removals <= self->items->len - position);

  for (guint i = 0; i < n_additions; i++)
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (additions[i], self->item_type));

  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);
  if (n_additions > 0)
    {
      /* Room made once, then filled: not one move of the tail per item. */
      guint tail = self->items->len - position;

      g_ptr_array_set_size (self->items, self->items->len + n_additions);
      memmove (self->items->pdata + position + n_additions, self->items->pdata + position, tail * sizeof (gpointer));
      for (guint i = 0; i < n_additions; i++)
        self->items->pdata[position + i] = g_object_ref (additions[i]);
    }

  if (n_removals > 0 || n_additions > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}

void
dl_object_store_append (DlObjectStore *self,
                        gpointer       item)
{
  g_return_if_fail (DL_IS_OBJECT_STORE (self));

  dl_object_store_splice (self, self->items->len, 0, &item, 1);
}

void
dl_object_store_insert (DlObjectStore *self,
                        guint          position,
                        gpointer       item)
{
  dl_object_store_splice (self, position, 0, &item, 1);
}

void
dl_object_store_remove (DlObjectStore *self,
                        guint          position)
{
  dl_object_store_splice (self, position, 1, NULL, 0);
}

gboolean
dl_object_store_find (DlObjectStore *self,
                      gpointer       item,
                      guint         *position)
{
  g_return_val_if_fail (DL_IS_OBJECT_STORE (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}
