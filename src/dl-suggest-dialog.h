/* dl-suggest-dialog.h: the events an article suggests, each accepted,
 * edited or rejected by the user
 *
 * Suggest Events… (win.suggest-events) reads an article of the dataset with
 * dl_suggest() (src/model/dl-suggest.c: rules, the offline gazetteer and
 * the relative-date resolver) against its publication date, in a thread,
 * and lists the candidates: the passage, the date with its basis, the place
 * with its precision, the numbers it states. Nothing is added until the
 * user accepts a candidate; Edit lets the title and the date be changed
 * first; Reject sets it aside. An accepted candidate becomes one undoable
 * edit: an event with its passage, its place (the dataset's own, or a new
 * one where the gazetteer puts it) and its numbers as claims of the passage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-session.h"

G_BEGIN_DECLS

#define DL_TYPE_SUGGEST_DIALOG (dl_suggest_dialog_get_type ())
G_DECLARE_FINAL_TYPE (DlSuggestDialog, dl_suggest_dialog, DL, SUGGEST_DIALOG, AdwWindow)

/* For the session's dataset, which must be editable; @source is the
 * article read first (NULL: the first that has a publication date). */
DlSuggestDialog *dl_suggest_dialog_new            (GtkWindow       *parent,
                                                   DlSession       *session,
                                                   DlSource        *source);
/* The article read now. */
DlSource        *dl_suggest_dialog_get_source     (DlSuggestDialog *self);
/* How many candidates the article gave (-1 while it is being read), and
 * how many are still waiting for the user. */
int              dl_suggest_dialog_get_n_suggestions (DlSuggestDialog *self);
guint            dl_suggest_dialog_get_n_waiting  (DlSuggestDialog *self);
/* Candidate @index's row, for tests that aim real input at its buttons. */
GtkWidget       *dl_suggest_dialog_get_row        (DlSuggestDialog *self,
                                                   guint            index);

G_END_DECLS
