/* dl-bisect.h: the one binary search of Dateline's sorted arrays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Narrows [lo, hi) to the first position whose element is not @before,
 * leaving lo == hi there. @before is an expression of @mid, the position
 * tried, that holds for a leading run of the range and for nothing after
 * it. The arrays differ (events in time order, claims, a pyramid's squares,
 * time stamps, pixel columns); the search does not. */
#define DL_BISECT(lo, hi, mid, before)          \
  G_STMT_START {                                \
    while ((lo) < (hi))                         \
      {                                         \
        guint mid = (lo) + ((hi) - (lo)) / 2;   \
                                                \
        if (before)                             \
          (lo) = mid + 1;                       \
        else                                    \
          (hi) = mid;                           \
      }                                         \
  } G_STMT_END

G_END_DECLS
