/* dl-bench.c: Dateline's benchmarks; prints "name value unit" lines
 *
 * Figures, not pass/fail: the machines are shared and noisy, so targets are
 * read off these numbers rather than asserted by timed tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtk/gtk.h>

#include "dl-bench-gazetteer.h"
#include "dl-bench-import.h"
#include "dl-bench-map.h"
#include "dl-bench-writer.h"
#include "dl-bench-edit.h"
#include "dl-bench-scale.h"
#include "dl-bench-timeline.h"
#include "dl-dataset.h"
#include "dl-export-geojson.h"
#include "dl-malloc-slices.h"
#include "dl-synthetic.h"
#ifdef HAVE_BASEMAP
#include "dl-bench-basemap.h"
#include "dl-stats.h"
#endif

static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  long pages = 0;
  long resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%ld %ld", &pages, &resident) != 2)
    return 0;

  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static DlDataset *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  DlDataset *dataset = dl_dataset_load (file, problems, NULL);

  if (dataset == NULL)
    {
      g_printerr ("%s", dl_problems_to_string (problems, path));
      exit (1);
    }

  return dataset;
}

static void
bench_bundled (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autofree char *path = g_file_get_path (file);
  double times[21];
  guint n_excerpts = 0;
  guint n_claims = 0;
  GListModel *events;
  g_autoptr(DlDataset) dataset = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      gint64 start = g_get_monotonic_time ();

      g_object_unref (load_path (path));
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("bundled_load_validate_ms %.3f ms\n", dl_quantile (times, G_N_ELEMENTS (times), 0.5));

  dataset = load_path (path);
  events = dl_dataset_get_events (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      n_excerpts += dl_event_get_n_excerpts (event);
      n_claims += dl_event_get_n_claims (event);
    }
  printf ("bundled_events %u count\n", g_list_model_get_n_items (events));
  printf ("bundled_excerpts %u count\n", n_excerpts);
  printf ("bundled_claims %u count\n", n_claims);
  printf ("bundled_places %u count\n", g_list_model_get_n_items (dl_dataset_get_places (dataset)));
}

static void
bench_synthetic (guint n_events)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-bench-XXXXXX", NULL);
  g_autofree char *path = NULL;
  g_autofree char *export_path = g_build_filename (dir, "export.geojson", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DlDataset) dataset = NULL;
  g_autofree char *cleanup = NULL;
  double times[3];
  double before;
  double after;
  gint64 start;
  guint matches = 0;
  GPtrArray *events;

  start = g_get_monotonic_time ();
  path = dl_synthetic_write (dir, n_events, 42, &error);
  if (path == NULL)
    g_error ("%s", error->message);
  printf ("synthetic_%uk_generate_ms %.1f ms\n", n_events / 1000, (g_get_monotonic_time () - start) / 1000.0);

  /* Memory first, while the heap has not yet held a dataset. */
  before = rss_mb ();
  dataset = load_path (path);
  after = rss_mb ();
  printf ("synthetic_%uk_rss_mb %.1f MB\n", n_events / 1000, after - before);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    {
      g_autoptr(DlDataset) loaded = NULL;

      start = g_get_monotonic_time ();
      loaded = load_path (path);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  printf ("synthetic_%uk_load_validate_ms %.1f ms\n", n_events / 1000, dl_quantile (times, G_N_ELEMENTS (times), 0.5));

  events = dl_dataset_get_events_by_time (dataset);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < events->len; i++)
    matches += dl_event_matches (g_ptr_array_index (events, i), "ceasefire gaza");
  printf ("synthetic_%uk_search_first_ms %.1f ms\n", n_events / 1000, (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < events->len; i++)
    matches += dl_event_matches (g_ptr_array_index (events, i), "hostages rafah");
  printf ("synthetic_%uk_search_ms %.1f ms\n", n_events / 1000, (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (matches, >, 0);

  start = g_get_monotonic_time ();
  if (!dl_export_geojson_to_file (dataset, export_path, &error))
    g_error ("%s", error->message);
  printf ("synthetic_%uk_export_ms %.1f ms\n", n_events / 1000, (g_get_monotonic_time () - start) / 1000.0);

  cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (cleanup) != 0)
    g_printerr ("could not remove %s\n", dir);
}

/* Loads synthetic datasets of each size for the drawing benchmarks. */
static void
bench_drawing (gboolean quick)
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  guint n_sizes = quick ? 2 : G_N_ELEMENTS (sizes);
  GListModel *models[G_N_ELEMENTS (sizes)];
  DlDataset *datasets[G_N_ELEMENTS (sizes)];
  g_autofree char *dir = g_dir_make_tmp ("dateline-bench-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);

  if (!gtk_init_check ())
    {
      printf ("# no display: map and timeline frames not measured\n");
      return;
    }

  for (guint i = 0; i < n_sizes; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/%u", dir, sizes[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *path = dl_synthetic_write (sub, sizes[i], 7, &error);

      if (path == NULL)
        g_error ("%s", error->message);
      datasets[i] = load_path (path);
      models[i] = dl_dataset_get_events (datasets[i]);
    }

  dl_bench_map_run (models, n_sizes);
  dl_bench_timeline_run (models[0], models[1], n_sizes > 2 ? models[2] : NULL);

  for (guint i = 0; i < n_sizes; i++)
    g_object_unref (datasets[i]);
  if (system (cleanup) != 0)
    g_printerr ("could not remove %s\n", dir);
}

static void
bench_edtf (void)
{
  static const char *samples[] = {
    "2024-08-20", "2024-08", "2024-08-15/2024-08-16", "../2024-08-20", "2024-08-20?", "2024-08~",
    "2024-08-XX", "2024-08-20T10:00:00+02:00",
  };
  const guint n = 1000000;
  gint64 start = g_get_monotonic_time ();
  DlEdtf edtf;

  for (guint i = 0; i < n; i++)
    if (!dl_edtf_parse (samples[i % G_N_ELEMENTS (samples)], &edtf, NULL))
      g_error ("cannot parse %s", samples[i % G_N_ELEMENTS (samples)]);

  printf ("edtf_parse_ns %.1f ns\n", (g_get_monotonic_time () - start) * 1000.0 / n);
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = FALSE;
  gboolean drawing_only = FALSE;
  const char *dataset_dir = NULL;
  const char *only = NULL;
  guint64 scale = 0;
  guint64 import_rows = 0;

  /* Loading in this process (--only open) allocates as the app does. */
  dl_malloc_slices_ensure (argv);

  /* Figures as these machines draw: GSK's cairo renderer, no GL (Mesa's
   * software GL compiles shaders on the main loop). An environment that
   * says otherwise wins. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", FALSE);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--quick"))
        quick = TRUE;           /* small datasets: proves it runs */
      else if (g_str_equal (argv[i], "--edit"))
        {
          dl_bench_edit_run ();  /* the edit stack's figures only */
          return 0;
        }
      else if (g_str_equal (argv[i], "--autosave") && i + 1 < argc)
        {
          dl_bench_edit_autosave_run (argv[i + 1]);  /* a dl-gen-synthetic folder */
          return 0;
        }
      else if (g_str_equal (argv[i], "--drawing"))
        drawing_only = TRUE;    /* map and timeline frames only */
      else if (g_str_equal (argv[i], "--scale") && i + 1 < argc
               && g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 10000000, &scale, NULL))
        i++;                    /* every figure of issue 14 at N events */
      else if (g_str_equal (argv[i], "--import") && i + 1 < argc
               && g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 10000000, &import_rows, NULL))
        i++;                    /* an ACLED-style CSV of N rows imported (200000 for issue 13) */
      else if (g_str_equal (argv[i], "--dataset") && i + 1 < argc)
        dataset_dir = argv[++i];  /* with --scale: a folder dl-gen-synthetic wrote */
      else if (g_str_equal (argv[i], "--only") && i + 1 < argc)
        only = argv[++i];         /* with --scale: some of validate,open,frame,search,export,map,timeline */
      else
        {
          g_printerr ("usage: %s [--quick] [--drawing] [--edit] [--autosave DIR] [--scale N [--dataset DIR] [--only PARTS]] [--import N]\n", argv[0]);
          return 2;
        }
    }

  if (import_rows > 0)
    {
      dl_bench_import_run ((guint) import_rows);
      return 0;
    }

  if (scale > 0)
    {
      dl_bench_scale_run ((guint) scale, dataset_dir, only);
      return 0;
    }

  if (!drawing_only)
    {
      bench_bundled ();
      bench_edtf ();
      dl_bench_gazetteer_run ();
      dl_bench_writer_run ();
      dl_bench_edit_run ();
      bench_synthetic (quick ? 10000 : 100000);
    }
  bench_drawing (quick);
  if (drawing_only)
    return 0;
#ifdef HAVE_BASEMAP
  dl_bench_basemap_run ();
#endif

  return 0;
}
