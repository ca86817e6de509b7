/* dl-place.c: a place events happen at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-place"

#include <string.h>

#include "dl-model-private.h"
#include "dl-stats.h"

G_DEFINE_FINAL_TYPE (DlPlace, dl_place, G_TYPE_OBJECT)

static void
dl_place_finalize (GObject *object)
{
  DlPlace *self = DL_PLACE (object);

  g_free (self->id);
  g_free (self->name);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_free (self->kind);
  g_free (self->note);
  g_clear_pointer (&self->geometry, dl_geometry_unref);

  G_OBJECT_CLASS (dl_place_parent_class)->finalize (object);
}

static void
dl_place_class_init (DlPlaceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_place_finalize;
}

static void
dl_place_init (DlPlace *self)
{
}

DlPlace *
dl_place_new (void)
{
  return g_object_new (DL_TYPE_PLACE, NULL);
}

const char *
dl_place_get_id (DlPlace *self)
{
  g_return_val_if_fail (DL_IS_PLACE (self), NULL);
  return self->id;
}

const char *
dl_place_get_name (DlPlace *self)
{
  g_return_val_if_fail (DL_IS_PLACE (self), NULL);
  return self->name;
}

const char *
dl_place_get_name_for (DlPlace    *self,
                       const char *language)
{
  const char *name;
  g_autofree char *base = NULL;

  g_return_val_if_fail (DL_IS_PLACE (self), NULL);

  if (language == NULL || self->names == NULL)
    return self->name;

  if ((name = g_hash_table_lookup (self->names, language)) != NULL)
    return name;

  /* "ar_EG.UTF-8" → "ar" */
  base = g_strndup (language, strcspn (language, "_.@-"));
  if ((name = g_hash_table_lookup (self->names, base)) != NULL)
    return name;

  return self->name;
}

GStrv
dl_place_dup_languages (DlPlace *self)
{
  g_return_val_if_fail (DL_IS_PLACE (self), NULL);

  return dl_dup_sorted_keys (self->names);
}

const char *
dl_place_get_kind (DlPlace *self)
{
  g_return_val_if_fail (DL_IS_PLACE (self), NULL);
  return self->kind;
}

const DlGeometry *
dl_place_get_geometry (DlPlace *self)
{
  g_return_val_if_fail (DL_IS_PLACE (self), NULL);
  return self->geometry;
}

double
dl_place_get_precision_m (DlPlace *self)
{
  g_return_val_if_fail (DL_IS_PLACE (self), 0.0);
  return self->precision_m;
}

const char *
dl_place_get_note (DlPlace *self)
{
  g_return_val_if_fail (DL_IS_PLACE (self), NULL);
  return self->note;
}
