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

/* The dataset's text gathered on the main loop a slice at a time, to be
 * joined in any thread: each item's text is kept on the item until an
 * edit changes it (the edit stack calls dl_writer_forget()), so once
 * written, gathering it again costs a reference. The dataset must not
 * change between steps: start again when it does ("changed"). With
 * @only_events, the events written are those (in that order), not the
 * dataset's: a part of the dataset to check. */
typedef struct _DlWriterSnapshot DlWriterSnapshot;

DlWriterSnapshot *dl_writer_snapshot_new       (DlDataset        *dataset,
                                                GPtrArray        *only_events);
/* Gathers for about @budget_us microseconds (-1: to the end); TRUE when
 * complete. */
gboolean          dl_writer_snapshot_step      (DlWriterSnapshot *self,
                                                gint64            budget_us);
gboolean          dl_writer_snapshot_is_complete (DlWriterSnapshot *self);
/* How many items' texts were written (not yet kept) by the steps so far. */
guint             dl_writer_snapshot_get_n_written (DlWriterSnapshot *self);
/* Lets go of the dataset, so that another thread may hold the snapshot. */
void              dl_writer_snapshot_detach    (DlWriterSnapshot *self);
/* The bytes dl_writer_to_data() writes for the dataset as it was
 * gathered; any thread. */
char             *dl_writer_snapshot_join      (DlWriterSnapshot *self,
                                                gsize            *length);
void              dl_writer_snapshot_free      (DlWriterSnapshot *self);
/* @item (a source, place or event) changed: its text is written again. */
void              dl_writer_forget             (GObject          *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlWriterSnapshot, dl_writer_snapshot_free)

/* Writes @dataset to @path atomically, after loading what it is about to
 * write (articles read from the dataset's folder) and checking that it
 * loads without errors and writes back identically. When @path is in
 * another folder, the articles are copied beside it at the same relative
 * paths (an existing different file there is an error, never overwritten),
 * so the new file opens on its own. Blocking. */
gboolean  dl_writer_write_file (DlDataset   *dataset,
                                const char  *path,
                                GError     **error);

/* The check dl_writer_write_file() makes of @data before writing it to
 * @path (named in the message): it loads, against the articles in
 * @from_dir, without errors and writes back identically. Any thread: it
 * reads no dataset but the one it loads. */
gboolean  dl_writer_check_data (const char  *data,
                                gsize        len,
                                const char  *from_dir,
                                const char  *path,
                                GError     **error);

/* Writes the articles of @dataset at their relative paths under @to_dir,
 * unless an identical file is already there (a different one is an error,
 * never overwritten). */
gboolean  dl_writer_copy_articles (DlDataset   *dataset,
                                   const char  *to_dir,
                                   GError     **error);

G_END_DECLS
