/* dl-claim-dialog.h: asks what a selected number or phrase claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_TYPE_CLAIM_DIALOG (dl_claim_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DlClaimDialog, dl_claim_dialog, DL, CLAIM_DIALOG, AdwWindow)

/* Signals:
 *   "add" (const char *topic, const char *value, const char *qualifier,
 *          const char *label):
 *     Add was chosen; @topic is an id (a new one made from the label typed),
 *     @qualifier may be NULL; @label is the topic's label as typed (a new
 *     topic's, or an existing one's, perhaps corrected), or NULL. The dialog
 *     then closes itself. */
DlClaimDialog *dl_claim_dialog_new          (GtkWindow  *parent,
                                             DlDataset  *dataset,
                                             const char *selection,
                                             const char *topic);
/* The value and qualifier a selection suggests: "at least 1,200" → "1200",
 * "at least"; a phrase without a number is the value itself. */
void           dl_claim_dialog_split        (const char *selection,
                                             char      **value,
                                             char      **qualifier);
/* A topic id made from what a reader would call it ("Killed at the
 * school" → "killed-at-the-school"), or NULL when nothing is left. */
char          *dl_claim_dialog_topic_id     (const char *label);

G_END_DECLS
