/* dl-export-stream.h: an export written as it is made, through a buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dl-atomic-file.h"
#include "dl-edtf.h"

G_BEGIN_DECLS

/* A writer appends to `buffer` and calls dl_export_stream_pass() after each
 * feature or row: the buffer goes to the file whenever it holds a megabyte,
 * so an export of any size holds one megabyte and one record. */
typedef struct {
  DlAtomicFile *file;
  GString      *buffer;
  GError       *error;   /* the first write error, or NULL */
} DlExportStream;

/* A date as the exports write it: dl_edtf_format_instant() of both ends
 * and, when asked for, dl_edtf_describe(). */
typedef struct {
  char *start;
  char *end;
  char *words;
} DlExportDate;

/* Opens the file that replaces @path once committed (dl-atomic-file.h). */
gboolean dl_export_stream_open   (DlExportStream  *self,
                                  const char      *path,
                                  GError         **error);
/* Writes what is buffered once there is enough of it. */
void     dl_export_stream_pass   (DlExportStream  *self);
/* Writes the rest and replaces the file; on a write error nothing is
 * replaced. Frees what the stream holds either way. */
gboolean dl_export_stream_commit (DlExportStream  *self,
                                  GError         **error);

/* The texts of each distinct date of an export, made once: many events
 * share a day, and formatting a date is a good part of a row. */
typedef struct _DlExportDates DlExportDates;

DlExportDates      *dl_export_dates_new  (void);
/* Valid until the next call. */
const DlExportDate *dl_export_dates_get  (DlExportDates *self,
                                          const DlEdtf  *when,
                                          gboolean       words);
void                dl_export_dates_free (DlExportDates *self);

G_END_DECLS
