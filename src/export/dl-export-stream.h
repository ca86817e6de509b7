/* dl-export-stream.h: an export written as it is made, through a buffer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dl-atomic-file.h"

G_BEGIN_DECLS

/* A writer appends to `buffer` and calls dl_export_stream_pass() after each
 * feature or row: the buffer goes to the file whenever it holds a megabyte,
 * so an export of any size holds one megabyte and one record. */
typedef struct {
  DlAtomicFile *file;
  GString      *buffer;
  GError       *error;   /* the first write error, or NULL */
} DlExportStream;

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

G_END_DECLS
