/* dl-gen-synthetic.c: writes a synthetic dataset: dl-gen-synthetic DIR [N_EVENTS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dl-synthetic.h"

static int
usage (const char *program,
       int         status)
{
  /* A developer tool, like dl-bench: its text is not translated. */
  (status == 0 ? g_print : g_printerr)
    ("Usage: %s DIR [N_EVENTS]\n"
     "Writes DIR/synthetic.dateline.json and its articles: N_EVENTS events\n"
     "(default 100000; 1 to 10000000) with excerpts and claims, the same\n"
     "content for the same N every time.\n",
     program);
  return status;
}

/* A whole decimal number, nothing glued on. */
static gboolean
parse_count (const char *text,
             guint      *n)
{
  char *end = NULL;
  guint64 value;

  if (!g_ascii_isdigit (text[0]))
    return FALSE;
  errno = 0;
  value = g_ascii_strtoull (text, &end, 10);
  if (errno != 0 || *end != '\0' || value < 1 || value > 10000000)
    return FALSE;

  *n = (guint) value;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  guint n = 100000;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      return usage (argv[0], 0);

  if (argc < 2 || argc > 3)
    return usage (argv[0], 2);

  /* An option where DIR belongs would become a folder named after it. */
  if (argv[1][0] == '-' || argv[1][0] == '\0')
    {
      g_printerr ("%s: “%s” is not a folder name\n", argv[0], argv[1]);
      return usage (argv[0], 2);
    }

  if (argc == 3 && !parse_count (argv[2], &n))
    {
      g_printerr ("%s: N_EVENTS must be a whole number from 1 to 10000000, not “%s”\n",
                  argv[0], argv[2]);
      return usage (argv[0], 2);
    }

  path = dl_synthetic_write (argv[1], n, 42, &error);
  if (path == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  g_print ("%s\n", path);
  return 0;
}
