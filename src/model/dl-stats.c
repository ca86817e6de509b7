/* dl-stats.c: small sorting and numeric helpers shared by the app and the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "dl-stats.h"

int
dl_compare_doubles (const void *a,
                    const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
dl_compare_gint64 (const void *a,
                   const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
dl_compare_strings (const void *a,
                    const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GStrv
dl_dup_sorted_keys (GHashTable *table)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree const char **keys = NULL;
  guint n = 0;

  if (table != NULL)
    {
      keys = (const char **) g_hash_table_get_keys_as_array (table, &n);
      qsort (keys, n, sizeof (char *), dl_compare_strings);
      for (guint i = 0; i < n; i++)
        g_strv_builder_add (builder, keys[i]);
    }

  return g_strv_builder_end (builder);
}

double
dl_quantile (double *values,
             guint   n,
             double  q)
{
  g_return_val_if_fail (values != NULL && n > 0, 0.0);

  qsort (values, n, sizeof (double), dl_compare_doubles);
  return dl_quantile_sorted (values, n, q);
}

double
dl_quantile_sorted (const double *values,
                    guint         n,
                    double        q)
{
  g_return_val_if_fail (values != NULL && n > 0, 0.0);

  return values[MIN ((guint) (CLAMP (q, 0.0, 1.0) * n), n - 1)];
}
