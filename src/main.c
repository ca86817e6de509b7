/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "dl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DlApplication) app = NULL;
  int status;

  /* GLib 2.74's slice allocator takes each of its pages with
   * posix_memalign(), which costs more than the rest of creating an object
   * when a dataset of a million events loads (HACKING.md, Scale); GLib 2.76
   * and later allocate slices with malloc() anyway. The slice allocator
   * reads this at its first allocation, which is still to come here
   * (posix_memalign() is gone from a profile of --validate). A value the
   * user set wins. */
  setenv ("G_SLICE", "always-malloc", 0);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = dl_application_new ();

  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : dl_application_get_exit_status (app);
}
