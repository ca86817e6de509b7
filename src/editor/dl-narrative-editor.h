/* dl-narrative-editor.h: the dataset's narratives, their steps and captions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "dl-session.h"

G_BEGIN_DECLS

#define DL_TYPE_NARRATIVE_EDITOR (dl_narrative_editor_get_type ())

G_DECLARE_FINAL_TYPE (DlNarrativeEditor, dl_narrative_editor, DL, NARRATIVE_EDITOR, AdwWindow)

/* A window beside the main one: it follows the session's dataset and
 * selected event, and changes the narratives through its edit stack. */
DlNarrativeEditor *dl_narrative_editor_new (GtkWindow *parent,
                                            DlSession *session);

G_END_DECLS
