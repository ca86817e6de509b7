/* dl-filter-box.h: check buttons for the session's category and source filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-session-view.h"

G_BEGIN_DECLS

#define DL_TYPE_FILTER_BOX (dl_filter_box_get_type ())

G_DECLARE_FINAL_TYPE (DlFilterBox, dl_filter_box, DL, FILTER_BOX, DlSessionView)

/* "session": one check button per category and per source of its dataset;
 * toggling one sets the session's filter, and the buttons follow the
 * session's filters however they change. */

G_END_DECLS
