/* dl-search-row.h: one event in the search results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-event.h"

G_BEGIN_DECLS

#define DL_TYPE_SEARCH_ROW (dl_search_row_get_type ())

G_DECLARE_FINAL_TYPE (DlSearchRow, dl_search_row, DL, SEARCH_ROW, GtkWidget)

GtkWidget *dl_search_row_new       (void);
/* Shows the event's category dot, title and date (or nothing). */
/* @dataset: whose category colours and names the row shows. */
void       dl_search_row_set_event (DlSearchRow *self,
                                    DlDataset   *dataset,
                                    DlEvent     *event);

G_END_DECLS
