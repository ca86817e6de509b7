/* dl-source.c: an article a dataset cites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-source"

#include "dl-model-private.h"

G_DEFINE_FINAL_TYPE (DlSource, dl_source, G_TYPE_OBJECT)

static void
dl_source_finalize (GObject *object)
{
  DlSource *self = DL_SOURCE (object);

  g_free (self->id);
  g_free (self->file);
  g_free (self->title);
  g_free (self->published_text);
  g_free (self->published_basis);
  g_free (self->url);
  g_free (self->short_name);
  g_clear_pointer (&self->text, dl_text_free);

  G_OBJECT_CLASS (dl_source_parent_class)->finalize (object);
}

static void
dl_source_class_init (DlSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_source_finalize;
}

static void
dl_source_init (DlSource *self)
{
}

DlSource *
dl_source_new (void)
{
  return g_object_new (DL_TYPE_SOURCE, NULL);
}

const char *
dl_source_get_id (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->id;
}

const char *
dl_source_get_file (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->file;
}

const char *
dl_source_get_title (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->title;
}

const char *
dl_source_get_published_text (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->published_text;
}

const DlEdtf *
dl_source_get_published (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->published_text != NULL ? &self->published : NULL;
}

const char *
dl_source_get_published_basis (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->published_basis;
}

const char *
dl_source_get_url (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->url;
}

const DlText *
dl_source_get_text (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->text;
}

const char *
dl_source_get_short_name (DlSource *self)
{
  g_return_val_if_fail (DL_IS_SOURCE (self), NULL);
  return self->short_name != NULL ? self->short_name : self->title;
}
