/* dl-bench-gazetteer.c: offline gazetteer benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "dl-bench-gazetteer.h"
#include "dl-gazetteer.h"
#include "dl-stats.h"

void
dl_bench_gazetteer_run (void)
{
  /* What a person types into the place field, letter by letter, in the
   * three languages. */
  static const char * const words[] = {
    "Gaza", "Khan Yunis", "Rafah", "Deir al-Balah", "Jerusalem", "Tel Aviv",
    "Doha", "Cairo", "El Alamein", "Beirut", "Tehran", "Springfield", "São Paulo",
    "غزة", "خان يونس", "القاهرة", "ירושלים", "תל אביב", "חיפה",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(DlGazetteer) gazetteer = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) one_letter = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;
  gint64 start;

  start = g_get_monotonic_time ();
  gazetteer = dl_gazetteer_open_default (&error);
  if (gazetteer == NULL)
    {
      printf ("# gazetteer not measured: %s\n", error->message);
      return;
    }
  printf ("gazetteer_open_ms %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  printf ("gazetteer_places %u count\n", dl_gazetteer_get_n_entries (gazetteer));

  if (g_stat (dl_gazetteer_get_path (gazetteer), &st) == 0)
    printf ("gazetteer_file_mb %.2f MB\n", st.st_size / 1e6);

  for (guint round = 0; round < 5; round++)
    for (guint w = 0; w < G_N_ELEMENTS (words); w++)
      for (const char *end = g_utf8_next_char (words[w]); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (words[w], end - words[w]);
          g_autoptr(GPtrArray) found = NULL;
          double us;

          start = g_get_monotonic_time ();
          found = dl_gazetteer_search (gazetteer, prefix, NULL, 0, 20);
          us = (double) (g_get_monotonic_time () - start);
          g_array_append_val (times, us);
          if (end == g_utf8_next_char (words[w]))
            {
              g_array_append_val (one_letter, us);
            }
          if (*end == '\0')
            break;
        }

  printf ("gazetteer_search_median_us %.1f us\n",
          dl_quantile ((double *) times->data, times->len, 0.5));
  printf ("gazetteer_search_p99_us %.1f us\n",
          dl_quantile ((double *) times->data, times->len, 0.99));
  /* The slowest queries are single letters: the most keys to scan. */
  printf ("gazetteer_search_one_letter_median_us %.1f us\n",
          dl_quantile ((double *) one_letter->data, one_letter->len, 0.5));
  printf ("gazetteer_search_one_letter_max_us %.1f us\n",
          dl_quantile ((double *) one_letter->data, one_letter->len, 1.0));
}
