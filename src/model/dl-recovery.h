/* dl-recovery.h: unsaved changes kept aside, for the next start after a crash
 *
 * A DlRecovery follows one edit stack: a few seconds after an edit it
 * writes the dataset as it now is into a recovery folder of its own under
 * $XDG_STATE_HOME/dateline/recovery/ (the dataset file, its articles and a
 * note of where it came from and when), in a thread, atomically. When the
 * changes are saved, undone back to the saved state or discarded, the
 * folder goes. What is left there at the next start is what a crash or a
 * kill interrupted: dl_recovery_list() finds it, and
 * dl_recovery_entry_load_async() brings it back as the dataset it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-edit-stack.h"

G_BEGIN_DECLS

/* After an edit, the changes are written at most this long after it. */
#define DL_RECOVERY_DEFAULT_DELAY_MS 5000
/* The longest the dataset's text is gathered for in one turn of the main
 * loop (microseconds). */
#define DL_RECOVERY_SLICE_US 4000

/* One dataset's unsaved changes, left by a process that did not stop
 * normally. */
typedef struct
{
  char      *dir;       /* its folder */
  char      *title;     /* the dataset's title */
  char      *original;  /* the file it was opened from, or NULL: none (new, imported) */
  GDateTime *saved;     /* when it was written, local time */
} DlRecoveryEntry;

void        dl_recovery_entry_free        (DlRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlRecoveryEntry, dl_recovery_entry_free)

/* Where recovery folders are kept. */
char       *dl_recovery_get_root          (void);
/* The entries a running Dateline is not writing, newest first. */
GPtrArray  *dl_recovery_list              (void);
/* Deletes the entry's folder. */
gboolean    dl_recovery_entry_remove      (const DlRecoveryEntry *entry,
                                           GError               **error);
/* Loads the entry in a thread; the dataset is then its original file's
 * again (no file when it had none), to be saved there. */
void        dl_recovery_entry_load_async  (const DlRecoveryEntry *entry,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
DlDataset  *dl_recovery_entry_load_finish (GAsyncResult          *result,
                                           DlProblems           **problems,
                                           GError               **error);

#define DL_TYPE_RECOVERY (dl_recovery_get_type ())

G_DECLARE_FINAL_TYPE (DlRecovery, dl_recovery, DL, RECOVERY, GObject)

DlRecovery *dl_recovery_new               (void);
/* The stack to follow (NULL: none; the previous one's folder stays if its
 * changes were neither saved nor discarded). */
void        dl_recovery_set_edit_stack    (DlRecovery  *self,
                                           DlEditStack *edits);
/* How long after an edit the changes are written (milliseconds). */
void        dl_recovery_set_delay         (DlRecovery  *self,
                                           guint        delay_ms);
/* The changes in @dir (a restored entry's folder) are now the stack's:
 * the next write replaces them, and they go when saved or discarded. */
void        dl_recovery_take_over         (DlRecovery  *self,
                                           const char  *dir);
/* The changes were discarded: the folder goes. */
void        dl_recovery_discard           (DlRecovery  *self);
/* The folder written last, or NULL; "written" is emitted each time. */
const char *dl_recovery_get_dir           (DlRecovery  *self);

G_END_DECLS
