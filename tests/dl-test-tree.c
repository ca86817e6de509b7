/* dl-test-tree.c: copying a folder for a test to change, removing what a
 * test wrote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "dl-test-tree.h"

void
dl_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          dl_test_remove_tree (child);
        }
    }
  g_assert_cmpint (g_remove (path), ==, 0);
}

char *
dl_test_copy_tree (const char *from,
                   const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", prefix);
  g_autofree char *command = NULL;
  char *to = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  command = g_strdup_printf ("cp -r '%s/.' '%s/'", from, to);
  g_assert_cmpint (system (command), ==, 0);
  return to;
}
