/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dl-application.h"
#include "dl-malloc-slices.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DlApplication) app = NULL;
  int status;

  /* Before anything else: it may start the process again. */
  dl_malloc_slices_ensure (argv);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = dl_application_new ();

  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : dl_application_get_exit_status (app);
}
