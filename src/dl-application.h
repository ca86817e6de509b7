/* dl-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DL_TYPE_APPLICATION (dl_application_get_type ())

G_DECLARE_FINAL_TYPE (DlApplication, dl_application, DL, APPLICATION, AdwApplication)

DlApplication *dl_application_new             (void);
/* Set by command-line work that ends after g_application_run returns
 * control to the main loop (e.g. --screenshot). */
int            dl_application_get_exit_status (DlApplication *self);
void           dl_application_set_exit_status (DlApplication *self,
                                               int            status);

G_END_DECLS
