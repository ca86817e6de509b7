/* dl-bench-writer.c: native writer and date resolver benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "dl-bench-writer.h"
#include "dl-reldate.h"
#include "dl-stats.h"
#include "dl-writer.h"

void
dl_bench_writer_run (void)
{
  static const char * const phrases[] = {
    "an Israeli air strike on Tuesday killed at least 12 people",
    "a two-day meeting in Doha last week",
    "10 months of intense fighting",
    "Hamas’ Oct. 7 attack",
  };
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (file, problems, NULL);
  g_autofree char *dir = g_dir_make_tmp ("dateline-bench-writer-XXXXXX", NULL);
  g_autofree char *cleanup = NULL;
  g_autofree char *out = NULL;
  double times[10];
  gint64 start;
  const guint n = 20000;

  if (dataset == NULL || dir == NULL)
    {
      printf ("# writer not measured: the bundled dataset did not load\n");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autofree char *data = NULL;

      start = g_get_monotonic_time ();
      data = dl_writer_to_data (dataset, NULL);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("writer_bundled_ms %.2f ms\n", dl_quantile (times, G_N_ELEMENTS (times), 0.5));

  out = g_build_filename (dir, "bundled.dateline.json", NULL);
  for (guint i = 0; i < 5; i++)
    {
      start = g_get_monotonic_time ();
      if (!dl_writer_write_file (dataset, out, NULL))
        g_error ("cannot write %s", out);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("writer_bundled_save_ms %.2f ms\n", dl_quantile (times, 5, 0.5));

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlReldate) r = dl_reldate_resolve (phrases[i % G_N_ELEMENTS (phrases)], "2024-08-20", "a000", "en", NULL);

      if (r == NULL)
        g_error ("no date in %s", phrases[i % G_N_ELEMENTS (phrases)]);
    }
  printf ("reldate_resolve_us %.2f us\n", (g_get_monotonic_time () - start) / (double) n);

  cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (cleanup) != 0)
    g_printerr ("could not remove %s\n", dir);
}
