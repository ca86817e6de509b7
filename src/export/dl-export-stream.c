/* dl-export-stream.c: an export written as it is made, through a buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The GeoJSON and CSV exports of a million events are hundreds of
 * megabytes: made whole in memory first they cost that much again. Written
 * a record at a time through one buffer, memory stays flat.
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export"

#include "dl-export-stream.h"

#define FLUSH_SIZE (1024 * 1024)

gboolean
dl_export_stream_open (DlExportStream  *self,
                       const char      *path,
                       GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self->error = NULL;
  self->buffer = NULL;
  self->file = dl_atomic_file_new (path, error);
  if (self->file == NULL)
    return FALSE;

  /* Room for one big record past the flush size without growing. */
  self->buffer = g_string_sized_new (FLUSH_SIZE + 64 * 1024);

  return TRUE;
}

static void
flush (DlExportStream *self)
{
  /* After a first error the rest is dropped: the file is not committed. */
  if (self->error == NULL && self->buffer->len > 0)
    dl_atomic_file_write (self->file, self->buffer->str, self->buffer->len, &self->error);
  g_string_truncate (self->buffer, 0);
}

void
dl_export_stream_pass (DlExportStream *self)
{
  if (self->buffer->len >= FLUSH_SIZE)
    flush (self);
}

gboolean
dl_export_stream_commit (DlExportStream  *self,
                         GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL && self->file != NULL, FALSE);

  flush (self);
  g_string_free (self->buffer, TRUE);
  self->buffer = NULL;

  if (self->error != NULL)
    {
      g_propagate_error (error, self->error);
      self->error = NULL;
      ok = FALSE;
    }
  else
    ok = dl_atomic_file_commit (self->file, error);

  g_clear_pointer (&self->file, dl_atomic_file_free);

  return ok;
}
