/* dl-atomic-file.h: writing a file so that it is either wholly old or wholly new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A file being written in place of another. Until it is committed the data
 * lives in an unnamed file (O_TMPFILE): a process killed mid-write leaves
 * nothing behind. Commit syncs it and renames it over the target, keeping the
 * old file's mode (and owner, where allowed); a symbolic link is followed, so
 * the link stays and its target is replaced. */
typedef struct _DlAtomicFile DlAtomicFile;

DlAtomicFile *dl_atomic_file_new      (const char    *path,
                                       GError       **error);
gboolean      dl_atomic_file_write    (DlAtomicFile  *self,
                                       const void    *data,
                                       gsize          len,
                                       GError       **error);
gboolean      dl_atomic_file_commit   (DlAtomicFile  *self,
                                       GError       **error);
/* Without a commit, the old file stays as it was and no temporary file remains. */
void          dl_atomic_file_free     (DlAtomicFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlAtomicFile, dl_atomic_file_free)

/* All of the above for bytes in memory. */
gboolean      dl_write_file_atomically (const char  *path,
                                        const char  *data,
                                        gsize        len,
                                        GError     **error);

G_END_DECLS
