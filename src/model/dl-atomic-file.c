/* dl-atomic-file.c: writing a file so that it is either wholly old or wholly new
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* O_TMPFILE, linkat */
#define _GNU_SOURCE

#include "config.h"

#define G_LOG_DOMAIN "dl-atomic-file"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dl-atomic-file.h"

struct _DlAtomicFile
{
  char     *target;     /* the file replaced: the path, or where its link leads */
  char     *temp_path;  /* named temporary file (no O_TMPFILE here), or NULL */
  int       fd;
  gboolean  have_mode;
  mode_t    mode;
  uid_t     uid;
  gid_t     gid;
};

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 gboolean     folder,
                 const char  *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  if (folder)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Cannot write in the folder of “%s”: %s"), shown, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Cannot write “%s”: %s"), shown, g_strerror (saved_errno));
  return FALSE;
}

/* The process's umask, without changing it (umask() cannot read it alone,
 * and setting it twice races with other threads). */
static mode_t
current_umask (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      && (line = strstr (status, "\nUmask:")) != NULL)
    return (mode_t) strtoul (line + strlen ("\nUmask:"), NULL, 8);

  return 022;
}

DlAtomicFile *
dl_atomic_file_new (const char  *path,
                    GError     **error)
{
  g_autoptr(DlAtomicFile) self = g_new0 (DlAtomicFile, 1);
  g_autofree char *dir = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  self->fd = -1;
  self->target = g_strdup (path);

  /* Exporting over a link replaces what it points to, not the link. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode))
    {
      char *real = realpath (path, NULL);

      if (real != NULL)
        {
          g_free (self->target);
          self->target = g_strdup (real);
          free (real);
        }
    }

  if (g_stat (self->target, &st) == 0)
    {
      if (!S_ISREG (st.st_mode))
        {
          g_autofree char *shown = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("“%s” is not a regular file"), shown);
          return NULL;
        }
      self->have_mode = TRUE;
      self->mode = st.st_mode & 07777;
      self->uid = st.st_uid;
      self->gid = st.st_gid;
    }

  dir = g_path_get_dirname (self->target);

#ifdef O_TMPFILE
  self->fd = open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#endif
  if (self->fd < 0)
    {
      /* A file system without unnamed files: a hidden named one, removed
       * again unless committed. */
      g_autofree char *base = g_path_get_basename (self->target);
      g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

      self->temp_path = g_build_filename (dir, name, NULL);
      self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0600);
      if (self->fd < 0)
        {
          set_errno_error (error, errno, TRUE, path);
          g_clear_pointer (&self->temp_path, g_free);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

gboolean
dl_atomic_file_write (DlAtomicFile  *self,
                      const void    *data,
                      gsize          len,
                      GError       **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  while (len > 0)
    {
      gssize written = write (self->fd, p, len);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return set_errno_error (error, errno, FALSE, self->target);
        }
      p += written;
      len -= (gsize) written;
    }

  return TRUE;
}

gboolean
dl_atomic_file_commit (DlAtomicFile  *self,
                       GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *named = NULL;

  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  /* The old file's mode and owner; a new file gets what the umask allows. */
  if (self->have_mode)
    {
      if (getuid () == 0 || geteuid () == self->uid)
        (void) fchown (self->fd, self->uid, self->gid);
      (void) fchmod (self->fd, self->mode);
    }
  else
    (void) fchmod (self->fd, 0666 & ~current_umask ());

  if (fsync (self->fd) != 0)
    return set_errno_error (error, errno, FALSE, self->target);

  if (self->temp_path == NULL)
    {
      /* Give the unnamed file a name beside the target, then rename it over. */
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);

      dir = g_path_get_dirname (self->target);
      base = g_path_get_basename (self->target);
      for (guint attempt = 0; attempt < 100 && named == NULL; attempt++)
        {
          g_autofree char *name = g_strdup_printf (".%s.%08x", base, g_random_int ());
          g_autofree char *candidate = g_build_filename (dir, name, NULL);

          if (linkat (AT_FDCWD, proc, AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0)
            named = g_steal_pointer (&candidate);
          else if (errno != EEXIST)
            return set_errno_error (error, errno, FALSE, self->target);
        }
      if (named == NULL)
        return set_errno_error (error, EEXIST, FALSE, self->target);
    }
  else
    named = g_strdup (self->temp_path);

  if (g_rename (named, self->target) != 0)
    {
      int saved_errno = errno;

      g_unlink (named);
      return set_errno_error (error, saved_errno, FALSE, self->target);
    }
  g_clear_pointer (&self->temp_path, g_free);

  if (close (self->fd) != 0)
    {
      self->fd = -1;
      return set_errno_error (error, errno, FALSE, self->target);
    }
  self->fd = -1;

  return TRUE;
}

void
dl_atomic_file_free (DlAtomicFile *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->target);
  g_free (self);
}

gboolean
dl_write_file_atomically (const char  *path,
                          const char  *data,
                          gsize        len,
                          GError     **error)
{
  g_autoptr(DlAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  file = dl_atomic_file_new (path, error);

  return file != NULL
         && dl_atomic_file_write (file, data, len, error)
         && dl_atomic_file_commit (file, error);
}
