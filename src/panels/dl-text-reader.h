/* dl-text-reader.h: a long text read whole, in a window of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DL_TYPE_TEXT_READER (dl_text_reader_get_type ())
G_DECLARE_FINAL_TYPE (DlTextReader, dl_text_reader, DL, TEXT_READER, AdwWindow)

/* A modal window over @parent (may be NULL) titled @title, showing @text
 * read-only; Escape closes it. */
GtkWidget *dl_text_reader_new (GtkWindow  *parent,
                               const char *title,
                               const char *text);

G_END_DECLS
