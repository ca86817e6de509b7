/* dl-problems-button.h: the header bar's count of problems, and their list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-session.h"

G_BEGIN_DECLS

#define DL_TYPE_PROBLEMS_BUTTON (dl_problems_button_get_type ())

G_DECLARE_FINAL_TYPE (DlProblemsButton, dl_problems_button, DL, PROBLEMS_BUTTON, GtkWidget)

/* Follows the session's dataset through its edit stack (dl-edit-check.h):
 * shown with the number of problems when there are any; its popover lists
 * them, one row each, with the messages of `--validate`.
 *
 * Signals:
 *   "problem-activated" (DlEvent *event, const char *member): a row was
 *     activated (click, Enter); @event is the event it is about (NULL: the
 *     dataset), @member the event's member ("when", "place"…, or ""). */
DlProblemsButton *dl_problems_button_new          (void);
void              dl_problems_button_set_session  (DlProblemsButton *self,
                                                   DlSession        *session);
/* Opens the list (a key); FALSE when there is nothing to list. */
gboolean          dl_problems_button_popup        (DlProblemsButton *self);
guint             dl_problems_button_get_count    (DlProblemsButton *self);

G_END_DECLS
