/* dl-legend.h: the map's legend of the shown categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-session-view.h"

G_BEGIN_DECLS

#define DL_TYPE_LEGEND (dl_legend_get_type ())

G_DECLARE_FINAL_TYPE (DlLegend, dl_legend, DL, LEGEND, DlSessionView)

/* "session": the legend lists the categories of its dataset that the
 * filters show, in legend order, each with its colour. */
/* Compact (a small map): the rows fold under a "Legend" toggle, so they
 * cover the map only while the user looks at them. */
void       dl_legend_set_compact (DlLegend  *self,
                                  gboolean   compact);
gboolean   dl_legend_get_compact (DlLegend  *self);
/* The rows' natural height, folded or not. */
int        dl_legend_get_rows_height (DlLegend *self);
/* The categories listed now, in order (for tests). */
GStrv      dl_legend_dup_shown   (DlLegend  *self);

G_END_DECLS
