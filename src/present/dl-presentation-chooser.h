/* dl-presentation-chooser.h: what to present, chosen before presenting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_TYPE_PRESENTATION_CHOOSER (dl_presentation_chooser_get_type ())

G_DECLARE_FINAL_TYPE (DlPresentationChooser, dl_presentation_chooser, DL, PRESENTATION_CHOOSER, AdwWindow)

/* A dialog over @parent listing each narrative of @dataset (its title, its
 * number of steps and a map of its first step) and "every event in time
 * order". Choosing one closes the dialog, remembers the choice (the
 * "last-narrative" setting) and presents it full screen. */
DlPresentationChooser *dl_presentation_chooser_new (GtkWindow *parent,
                                                    DlDataset *dataset);

/* What F5 does: presents full screen the narrative chosen last, if @dataset
 * has it; otherwise opens the chooser. */
void                   dl_presentation_present_last (GtkWindow *parent,
                                                     DlDataset *dataset);

/* For tests: the rows, in order (narratives, then every event). */
GtkListBoxRow         *dl_presentation_chooser_get_row (DlPresentationChooser *self,
                                                        guint                  index);

G_END_DECLS
