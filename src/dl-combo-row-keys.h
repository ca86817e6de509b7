/* dl-combo-row-keys.h: a combo row chooses the row Enter was pressed on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* libadwaita 1.2's combo row chooses its popup list's selected item when a
 * row of the list is activated. With GTK 4.8 that list selects the row
 * under the pointer as rows move beneath it, so once arrow keys have
 * scrolled the list under a resting pointer, Enter chose the row under the
 * pointer, not the focused one. This makes `row` choose the activated row
 * (the focused one for Enter, the clicked one for a click); elsewhere it
 * changes nothing. Call it once the row is built. */
void dl_combo_row_choose_activated (AdwComboRow *row);

G_END_DECLS
