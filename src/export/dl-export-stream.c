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
/* Dates remembered: a few days' worth of texts each, bounded for a file
 * whose every event has a date of its own. */
#define MAX_DATES 65536

typedef struct {
  DlEdtf       when;
  DlExportDate texts;
} DateEntry;

static guint
date_hash (gconstpointer key)
{
  const DlEdtf *when = key;

  return g_int64_hash (&when->earliest) * 31 + g_int64_hash (&when->latest) * 7
         + (guint) when->flags * 3 + (guint) when->precision;
}

static gboolean
date_equal (gconstpointer a,
            gconstpointer b)
{
  const DlEdtf *x = a;
  const DlEdtf *y = b;

  return x->earliest == y->earliest && x->latest == y->latest
         && x->flags == y->flags && x->precision == y->precision;
}

static void
date_entry_free (gpointer data)
{
  DateEntry *entry = data;

  if (entry == NULL)
    return;
  g_free (entry->texts.start);
  g_free (entry->texts.end);
  g_free (entry->texts.words);
  g_free (entry);
}

struct _DlExportDates
{
  GHashTable *entries;  /* DateEntry, keyed by its DlEdtf (its first member) */
  DateEntry  *spare;    /* the last one made past the bound */
};

DlExportDates *
dl_export_dates_new (void)
{
  DlExportDates *self = g_new0 (DlExportDates, 1);

  self->entries = g_hash_table_new_full (date_hash, date_equal, NULL, date_entry_free);

  return self;
}

void
dl_export_dates_free (DlExportDates *self)
{
  g_hash_table_unref (self->entries);
  date_entry_free (self->spare);
  g_free (self);
}

const DlExportDate *
dl_export_dates_get (DlExportDates *self,
                     const DlEdtf  *when,
                     gboolean       words)
{
  DateEntry *entry = g_hash_table_lookup (self->entries, when);

  if (entry == NULL)
    {
      entry = g_new0 (DateEntry, 1);
      entry->when = *when;
      entry->texts.start = dl_edtf_format_instant (when->earliest);
      entry->texts.end = dl_edtf_format_instant (when->latest);
      if (g_hash_table_size (self->entries) < MAX_DATES)
        g_hash_table_add (self->entries, entry);
      else
        {
          date_entry_free (self->spare);
          self->spare = entry;
        }
    }
  if (words && entry->texts.words == NULL)
    entry->texts.words = dl_edtf_describe (when);

  return &entry->texts;
}

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
  /* Without a file (an export to memory) the buffer keeps it all. */
  if (self->file != NULL && self->buffer->len >= FLUSH_SIZE)
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
