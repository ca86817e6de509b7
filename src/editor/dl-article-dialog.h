/* dl-article-dialog.h: asks an article's title and publication date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DL_TYPE_ARTICLE_DIALOG (dl_article_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DlArticleDialog, dl_article_dialog, DL, ARTICLE_DIALOG, AdwWindow)

/* Signals:
 *   "add" (const char *title, const char *published): the user chose Add
 *     with a title and a valid EDTF date (or none: NULL); the dialog then
 *     closes itself. Closing it otherwise adds nothing. */
DlArticleDialog *dl_article_dialog_new       (GtkWindow  *parent,
                                              const char *file_name,
                                              const char *title,
                                              const char *published);
/* The title an article's text suggests: its first line, when short enough
 * to be a headline, else @fallback. */
char            *dl_article_dialog_suggest_title (const char *text,
                                                  gsize       len,
                                                  const char *fallback);

G_END_DECLS
