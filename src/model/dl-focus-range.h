/* dl-focus-range.h: where most of some events happen, the first time window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The one focus algorithm (dl_session_get_focus_range() documents it) over
 * events[positions[0]], events[positions[1]]… (DlEvent *), or over all of
 * @events when @positions is NULL. Reads the events only, so a thread may
 * run it over arrays nobody changes. FALSE when no event has a bounded
 * date. */
gboolean dl_focus_range_compute (GPtrArray *events,
                                 GArray    *positions,
                                 gint64    *start,
                                 gint64    *end);

/* The shortest stretch of @mids (instants, sorted here) that holds @share
 * of them: where the story happens. The timeline's index finds its own
 * focus with it too. */
void     dl_focus_range_densest (GArray    *mids,
                                 double     share,
                                 gint64    *lo,
                                 gint64    *hi);

G_END_DECLS
