/* dl-search-panel.h: the search results of the session's query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-session-view.h"

G_BEGIN_DECLS

#define DL_TYPE_SEARCH_PANEL (dl_search_panel_get_type ())

G_DECLARE_FINAL_TYPE (DlSearchPanel, dl_search_panel, DL, SEARCH_PANEL, DlSessionView)

/* "session": lists its results with how many there are; activating a
 * result (click, Enter) selects it in the session and emits "activated". */
/* Moves the keyboard focus to the first result; FALSE when there is none. */
gboolean   dl_search_panel_focus_results (DlSearchPanel *self);
/* Selects the first result, as activating it does; FALSE when there is none. */
gboolean   dl_search_panel_activate_first (DlSearchPanel *self);
/* The list of results, e.g. as the search bar's key capture widget. */
GtkWidget *dl_search_panel_get_list      (DlSearchPanel *self);

G_END_DECLS
