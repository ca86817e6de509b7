/* fuzz-main.c: runs a fuzz target once over each file given (or each
 * *.dateline.json in each folder given; in a folder without any, each
 * file), without libFuzzer: the target then builds with any compiler, and
 * runs under the sanitizer builds (TAP output)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
add_inputs (GPtrArray  *inputs,
            const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (inputs, g_strdup (path));
      return;
    }

  found = g_ptr_array_new ();
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".dateline.json"))
      g_ptr_array_add (found, g_build_filename (path, name, NULL));

  /* A folder of seeds for another target: every regular file. */
  if (found->len == 0 && dir != NULL)
    {
      g_dir_rewind (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          char *file = g_build_filename (path, name, NULL);

          if (g_file_test (file, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (found, file);
          else
            g_free (file);
        }
    }
  g_ptr_array_sort (found, compare_paths);

  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (inputs, g_ptr_array_index (found, i));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func (g_free);
  int status = 0;

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    add_inputs (inputs, argv[i]);

  printf ("1..%u\n", inputs->len);
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = g_ptr_array_index (inputs, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &contents, &len, &error))
        {
          printf ("not ok %u %s # %s\n", i + 1, path, error->message);
          status = 1;
          continue;
        }

      LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
      printf ("ok %u %s\n", i + 1, path);
      fflush (stdout);
    }

  return status;
}
