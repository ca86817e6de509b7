/* dl-article-menu.h: the article text's context menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @view (read-only) a context menu of @authoring's items first, then
 * Copy and Select All, in place of GtkTextView's own, from a right click,
 * the Menu key or Shift+F10. */
void dl_article_menu_attach (GtkTextView *view,
                             GMenuModel  *authoring);

G_END_DECLS
