/* dl-stats.h: small sorting and numeric helpers shared by the app and the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* qsort()/g_array_sort() order for doubles, ascending. */
int    dl_compare_doubles (const void *a,
                           const void *b);
/* The same for gint64 (instants). */
int    dl_compare_gint64  (const void *a,
                           const void *b);
/* The same for strings (an array of char *), by strcmp(). */
int    dl_compare_strings (const void *a,
                           const void *b);
/* @table's keys (strings), copied and sorted by strcmp(), as a new GStrv;
 * empty for a NULL table. */
GStrv  dl_dup_sorted_keys (GHashTable *table);
/* The @q quantile of @n values sorted in ascending order. */
double dl_quantile_sorted (const double *values,
                           guint         n,
                           double        q);
/* Sorts `values` in place and returns the value at quantile q (0 to 1). */
double dl_quantile        (double     *values,
                           guint       n,
                           double      q);

G_END_DECLS
