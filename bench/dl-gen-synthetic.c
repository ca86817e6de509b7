/* dl-gen-synthetic.c: writes a synthetic dataset: dl-gen-synthetic DIR [N_EVENTS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "dl-synthetic.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = 100000;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: %s DIR [N_EVENTS]\n", argv[0]);
      return 2;
    }
  if (argc == 3)
    n = (guint) strtoul (argv[2], NULL, 10);

  path = dl_synthetic_write (argv[1], n, 42, &error);
  if (path == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  g_print ("%s\n", path);
  return 0;
}
