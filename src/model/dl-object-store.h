/* dl-object-store.h: a dataset's list of sources, places or events
 *
 * What GListStore does for the dataset's lists, over one array: a
 * GListStore keeps each item in a node of a balanced tree (48 bytes an
 * item, 48 MB for a million events) to insert in the middle cheaply,
 * which only edits do, one item at a time, where moving a million
 * pointers takes a millisecond.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DL_TYPE_OBJECT_STORE (dl_object_store_get_type ())

G_DECLARE_FINAL_TYPE (DlObjectStore, dl_object_store, DL, OBJECT_STORE, GObject)

/* As g_list_store_new() and friends, "items-changed" included. */
DlObjectStore *dl_object_store_new    (GType          item_type);
void           dl_object_store_append (DlObjectStore *self,
                                       gpointer       item);
void           dl_object_store_insert (DlObjectStore *self,
                                       guint          position,
                                       gpointer       item);
void           dl_object_store_remove (DlObjectStore *self,
                                       guint          position);
void           dl_object_store_splice (DlObjectStore *self,
                                       guint          position,
                                       guint          n_removals,
                                       gpointer      *additions,
                                       guint          n_additions);
gboolean       dl_object_store_find   (DlObjectStore *self,
                                       gpointer       item,
                                       guint         *position);

G_END_DECLS
