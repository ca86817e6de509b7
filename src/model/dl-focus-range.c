/* dl-focus-range.c: where most of some events happen, the first time window
 *
 * Its own file, without the session, because the loading thread computes
 * it for all of a dataset's events (dl-event-facets.c): at a million events
 * it sorts a million instants, a stall of a fifth of a second had the
 * window done it when it opened the dataset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dl-event.h"
#include "dl-focus-range.h"
#include "dl-stats.h"

#define DAY (24 * 3600)
/* The first time window holds this share of the shown events. */
#define FOCUS_SHARE 0.8
#define FOCUS_MIN_EVENTS 5

void
dl_focus_range_densest (GArray *mids,
                        double  share,
                        gint64 *lo,
                        gint64 *hi)
{
  guint k;
  gint64 best_len = G_MAXINT64;

  g_return_if_fail (mids != NULL && mids->len > 0);

  k = MAX (1, (guint) ceil (mids->len * share)) - 1;
  g_array_sort (mids, dl_compare_gint64);
  for (guint i = 0; i + k < mids->len; i++)
    {
      gint64 len = g_array_index (mids, gint64, i + k) - g_array_index (mids, gint64, i);

      if (len < best_len)
        {
          best_len = len;
          *lo = g_array_index (mids, gint64, i);
          *hi = g_array_index (mids, gint64, i + k);
        }
    }
}

gboolean
dl_focus_range_compute (GPtrArray *events,
                        GArray    *positions,
                        gint64    *start,
                        gint64    *end)
{
  g_autoptr(GArray) mids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = positions != NULL ? positions->len : events->len;
  gboolean have_extent = FALSE;
  gint64 lo = 0, hi = 0;

  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  for (guint i = 0; i < n; i++)
    {
      DlEvent *event = g_ptr_array_index (events, positions != NULL ? g_array_index (positions, guint, i) : i);
      const DlEdtf *when = dl_event_get_when (event);

      if (!dl_edtf_is_bounded (when))
        continue;

      lo = have_extent ? MIN (lo, when->earliest) : when->earliest;
      hi = have_extent ? MAX (hi, when->latest) : when->latest;
      have_extent = TRUE;

      if (when->latest - when->earliest <= 7 * DAY)
        {
          gint64 mid = dl_edtf_get_midpoint (when);

          g_array_append_val (mids, mid);
        }
    }

  if (!have_extent)
    return FALSE;

  if (mids->len >= FOCUS_MIN_EVENTS)
    dl_focus_range_densest (mids, FOCUS_SHARE, &lo, &hi);

  if (hi - lo < 7 * DAY)
    {
      gint64 centre = lo + (hi - lo) / 2;

      lo = centre - 7 * DAY / 2;
      hi = lo + 7 * DAY;
    }

  *start = lo - DAY;
  *end = hi + DAY;
  return TRUE;
}
