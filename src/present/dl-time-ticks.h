/* dl-time-ticks.h: where to put the ticks of a time axis, at any span
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gint64  time;    /* Unix seconds */
  char   *label;   /* localized, e.g. "Tue 20", "August 2024", "2024", "-12000000" */
} DlTimeTick;

/* The ticks inside [@start, @end] (Unix seconds, end > start) on round
 * boundaries (hours, days, months, 1-2-5 years, decades … up to aeons),
 * the finest step that gives at most @max_ticks (≥ 2) of them. Any span a
 * gint64 holds gets a bounded count, and the work is bounded by it.
 * Returns: (transfer full): a GArray of DlTimeTick, labels freed with it. */
GArray *dl_time_ticks_choose (gint64 start,
                              gint64 end,
                              guint  max_ticks);

G_END_DECLS
