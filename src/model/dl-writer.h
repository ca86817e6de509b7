/* dl-writer.h: the dataset in Dateline's own format (.dateline.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_WRITER_ERROR (dl_writer_error_quark ())
GQuark dl_writer_error_quark (void);

typedef enum {
  DL_WRITER_ERROR_INVALID,   /* what was written would not load back the same */
  DL_WRITER_ERROR_ARTICLE,   /* an article cannot be put beside the new file */
} DlWriterError;

/* The dataset as a .dateline.json document, normalised: members in the
 * order of docs/dataset-format.md, two-space indentation, one member or
 * array element a line (positions on one line), numbers in their shortest
 * exact form, offsets as verified, a final newline. Loading it and writing
 * again gives the same bytes. */
char     *dl_writer_to_data  (DlDataset   *dataset,
                              gsize       *length);

/* Writes @dataset to @path atomically, after loading what it is about to
 * write (articles read from the dataset's folder) and checking that it
 * loads without errors and writes back identically. When @path is in
 * another folder, the articles are copied beside it at the same relative
 * paths (an existing different file there is an error, never overwritten),
 * so the new file opens on its own. Blocking. */
gboolean  dl_writer_write_file (DlDataset   *dataset,
                                const char  *path,
                                GError     **error);

/* Writes the articles of @dataset at their relative paths under @to_dir,
 * unless an identical file is already there (a different one is an error,
 * never overwritten). */
gboolean  dl_writer_copy_articles (DlDataset   *dataset,
                                   const char  *to_dir,
                                   GError     **error);

G_END_DECLS
