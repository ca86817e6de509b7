/* dl-bench-scale.c: every figure of a dataset of N events, as issue 14 asks
 * for them: load and validate against CPython's json.load of the same file,
 * memory, search, filters, streaming exports and frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gtk/gtk.h>

#include "dl-bench-map.h"
#include "dl-bench-open.h"
#include "dl-bench-scale.h"
#include "dl-bench-timeline.h"
#include "dl-dataset.h"
#include "dl-session.h"
#include "dl-export-geojson.h"
#include "dl-export-csv.h"
#include "dl-synthetic.h"

typedef struct {
  double wall_ms;
  double cpu_ms;
  double peak_mb;
  int    status;
} Child;

/* Runs argv to its end, its output thrown away; wait4 gives its own peak
 * memory (getrusage of all children would mix two programs' peaks). */
static gboolean
run_child (const char * const *argv,
           Child              *child)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int status = 0;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("dl-bench: %s: %s\n", argv[0], error->message);
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;

  child->wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  child->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
                  + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  child->peak_mb = usage.ru_maxrss / 1024.0;
  child->status = status;

  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

double
dl_bench_status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;
  long kb = 0;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, field)) == NULL
      || sscanf (line + strlen (field), " %ld", &kb) != 1)
    return 0;

  return kb / 1024.0;
}

/* Resets the peak (VmHWM) to what is resident now, so that the peak of one
 * step can be read after it. */
static void
reset_peak (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");

  if (file == NULL)
    return;
  fputs ("5", file);
  fclose (file);
}

static void
print_figure (const char *label,
              const char *name,
              double      value,
              const char *unit)
{
  printf ("scale_%s_%s %.*f %s\n", label, name, value < 10 ? 2 : 1, value, unit);
  fflush (stdout);
}

/* Wall time, and this thread's CPU time: on shared cores the wall time
 * of a step also holds other programs' turns, its CPU time does not. */
typedef struct {
  gint64 wall_us;
  gint64 cpu_ns;
} Clock;

static gint64
thread_cpu_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static Clock
clock_start (void)
{
  return (Clock) { g_get_monotonic_time (), thread_cpu_ns () };
}

/* Prints NAME_ms and NAME_cpu_ms since @start; returns the CPU time. */
static double
print_since (const char *label,
             const char *name,
             Clock       start)
{
  g_autofree char *cpu_name = g_strdup_printf ("%s_cpu_ms", name);
  g_autofree char *wall_name = g_strdup_printf ("%s_ms", name);
  double cpu = (thread_cpu_ns () - start.cpu_ns) / 1e6;

  print_figure (label, wall_name, (g_get_monotonic_time () - start.wall_us) / 1000.0, "ms");
  print_figure (label, cpu_name, cpu, "ms");
  return cpu;
}

/* Sets the query (the results model is complete when dl_session_set_query()
 * returns) and runs the main loop after it as the window would; the wall
 * and CPU milliseconds it took. */
static void
set_query (DlSession  *session,
           const char *query,
           double     *wall_ms,
           double     *cpu_ms)
{
  Clock start = clock_start ();

  dl_session_set_query (session, query);
  *wall_ms = (g_get_monotonic_time () - start.wall_us) / 1000.0;
  *cpu_ms = (thread_cpu_ns () - start.cpu_ns) / 1e6;
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* What the filter box and the legend each do on "filters-changed"
 * (dl-filter-box.c, dl-legend.c): ask for the dataset's categories. */
static void
on_filters_changed (DlSession *session)
{
  g_auto(GStrv) categories = dl_session_dup_categories (session);

  g_assert (categories[0] != NULL);
}

/* The session's search as the window drives it: the index the loading
 * thread builds, then a query, two words typed and deleted a letter at a
 * time, and filters with the query standing. */
static void
bench_search (const char *label,
              DlDataset  *dataset)
{
  /* Two words of the synthetic text, typed a letter at a time. */
  static const char *keystrokes[] = { "m", "me", "med", "medi", "media", "mediat", "mediato", "mediator",
                                      "mediators", "mediators ", "mediators c", "mediators ca", "mediators cai",
                                      "mediators cair", "mediators cairo" };
  static const char *common[] = { "e", "ev", "eve", "even", "event" };
  g_autoptr(DlSession) session = dl_session_new ();
  g_autoptr(DlSearchIndex) index = NULL;
  GListModel *results;
  double worst = 0, worst_cpu = 0, wall, cpu;
  double before;
  Clock start;

  /* What dl_dataset_load_async() does in its thread (a second index here,
   * to time it; the dataset keeps its own). */
  before = dl_bench_status_mb ("VmRSS:");
  start = clock_start ();
  index = dl_search_index_new (dl_dataset_get_events_by_time (dataset));
  print_since (label, "search_index_build", start);
  print_figure (label, "search_index_mb", dl_search_index_get_size (index) / (1024.0 * 1024.0), "MB");
  print_figure (label, "search_index_texts", dl_search_index_get_n_texts (index), "count");
  g_clear_pointer (&index, dl_search_index_free);
  dl_dataset_get_search_index (dataset);
  print_figure (label, "search_index_rss_mb", dl_bench_status_mb ("VmRSS:") - before, "MB");
  /* The loading thread numbers what the filters read, too. */
  start = clock_start ();
  dl_dataset_get_facets (dataset);
  print_since (label, "facets_build", start);

  /* On the main loop when a dataset is opened. */
  start = clock_start ();
  dl_session_set_dataset (session, dataset);
  print_since (label, "session_set_dataset", start);
  results = dl_session_get_results (session);

  /* A first query, and every result of it (a list shows the first). */
  set_query (session, "hostages rafah", &wall, &cpu);
  print_figure (label, "search_first_query_ms", wall, "ms");
  print_figure (label, "search_first_query_cpu_ms", cpu, "ms");
  print_figure (label, "search_first_query_results", g_list_model_get_n_items (results), "count");
  set_query (session, NULL, &wall, &cpu);

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      set_query (session, keystrokes[i], &wall, &cpu);
      worst = MAX (worst, wall);
      worst_cpu = MAX (worst_cpu, cpu);
    }
  print_figure (label, "search_keystroke_max_ms", worst, "ms");
  print_figure (label, "search_keystroke_max_cpu_ms", worst_cpu, "ms");
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 0);
  worst = worst_cpu = 0;
  for (guint i = G_N_ELEMENTS (keystrokes) - 1; i > 0; i--)
    {
      set_query (session, keystrokes[i - 1], &wall, &cpu);
      worst = MAX (worst, wall);
      worst_cpu = MAX (worst_cpu, cpu);
    }
  print_figure (label, "search_backspace_max_ms", worst, "ms");
  print_figure (label, "search_backspace_max_cpu_ms", worst_cpu, "ms");

  /* A word of every event's title typed over the query, a letter at a
   * time: most texts hold each letter's word (the synthetic titles are
   * "Event N"). Then the query the filters are timed with, as before. */
  worst = worst_cpu = 0;
  for (guint i = 0; i < G_N_ELEMENTS (common); i++)
    {
      set_query (session, common[i], &wall, &cpu);
      worst = MAX (worst, wall);
      worst_cpu = MAX (worst_cpu, cpu);
    }
  print_figure (label, "search_common_keystroke_max_ms", worst, "ms");
  print_figure (label, "search_common_keystroke_max_cpu_ms", worst_cpu, "ms");
  set_query (session, keystrokes[0], &wall, &cpu);

  /* Filters with a query standing: the shown events and the results, and
   * what the filter box and the legend ask then. */
  start = clock_start ();
  g_strfreev (dl_session_dup_categories (session));
  print_since (label, "filter_dup_categories", start);
  g_signal_connect (session, "filters-changed", G_CALLBACK (on_filters_changed), NULL);
  g_signal_connect (session, "filters-changed", G_CALLBACK (on_filters_changed), NULL);
  start = clock_start ();
  dl_session_set_category_visible (session, "strike", FALSE);
  print_since (label, "filter_category", start);
  /* The first hidden source numbers each event's sources; then a toggle
   * reads only those numbers. */
  start = clock_start ();
  dl_session_set_source_visible (session, "s3", FALSE);
  print_since (label, "filter_source_first", start);
  dl_session_set_source_visible (session, "s3", TRUE);
  start = clock_start ();
  dl_session_set_source_visible (session, "s4", FALSE);
  print_since (label, "filter_source", start);
  start = clock_start ();
  dl_session_show_all (session);
  print_since (label, "filter_show_all", start);
}

static void
bench_exports (const char *label,
               DlDataset  *dataset,
               const char *dir)
{
  g_autofree char *geojson = g_build_filename (dir, "export.geojson", NULL);
  g_autofree char *csv = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GError) error = NULL;
  double before;
  Clock start;

  /* Both stream (dl-export-stream.h): the peak they add stays that of a
   * buffer, however many events. */
  before = dl_bench_status_mb ("VmRSS:");
  reset_peak ();
  start = clock_start ();
  if (!dl_export_geojson_to_file (dataset, geojson, &error))
    g_error ("%s", error->message);
  print_since (label, "export_geojson", start);
  print_figure (label, "export_geojson_peak_extra_mb", dl_bench_status_mb ("VmHWM:") - before, "MB");

  before = dl_bench_status_mb ("VmRSS:");
  reset_peak ();
  start = clock_start ();
  if (!dl_export_csv_to_file (dataset, NULL, csv, &error))
    g_error ("%s", error->message);
  print_since (label, "export_csv", start);
  print_figure (label, "export_csv_peak_extra_mb", dl_bench_status_mb ("VmHWM:") - before, "MB");

  g_unlink (geojson);
  g_unlink (csv);
}

/* Whether @part is to be measured: all of them without --only. */
static gboolean
wanted (const char *only,
        const char *part)
{
  g_auto(GStrv) parts = NULL;

  if (only == NULL)
    return TRUE;
  parts = g_strsplit (only, ",", -1);
  return g_strv_contains ((const char * const *) parts, part);
}

void
dl_bench_scale_run (guint       n_events,
                    const char *dataset_dir,
                    const char *only)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-bench-XXXXXX", NULL);
  g_autofree char *label = n_events % 1000000 == 0 ? g_strdup_printf ("%um", n_events / 1000000)
                           : n_events % 1000 == 0 ? g_strdup_printf ("%uk", n_events / 1000)
                           : g_strdup_printf ("%u", n_events);
  g_autofree char *path = NULL;
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  GStatBuf st;
  Child dateline = { 0 };
  double before;
  gint64 start;

  /* A dataset made earlier (dl-gen-synthetic DIR N) saves minutes at 1M. */
  if (dataset_dir != NULL)
    path = g_build_filename (dataset_dir, "synthetic.dateline.json", NULL);
  else
    {
      start = g_get_monotonic_time ();
      path = dl_synthetic_write (dir, n_events, 42, &error);
      if (path == NULL)
        g_error ("%s", error->message);
      print_figure (label, "generate_ms", (g_get_monotonic_time () - start) / 1000.0, "ms");
    }
  if (g_stat (path, &st) != 0)
    g_error ("%s: cannot read it", path);
  print_figure (label, "file_mb", st.st_size / (1024.0 * 1024.0), "MB");

  /* What a user runs, in a process of its own so that its peak is its own. */
  if (wanted (only, "validate"))
  {
    const char *argv[] = { DATELINE_EXE, "--validate", path, NULL };

    if (!run_child (argv, &dateline))
      g_error ("%s --validate %s failed", DATELINE_EXE, path);
    print_figure (label, "validate_wall_ms", dateline.wall_ms, "ms");
    print_figure (label, "validate_cpu_ms", dateline.cpu_ms, "ms");
    print_figure (label, "validate_peak_mb", dateline.peak_mb, "MB");
  }

  if (!wanted (only, "validate"))
    ;
  else if (python != NULL)
    {
      const char *argv[] = { python, "-c", "import json, sys\njson.load(open(sys.argv[1], encoding='utf-8'))", path, NULL };
      Child json_load = { 0 };

      if (run_child (argv, &json_load))
        {
          print_figure (label, "python_json_load_wall_ms", json_load.wall_ms, "ms");
          print_figure (label, "python_json_load_cpu_ms", json_load.cpu_ms, "ms");
          print_figure (label, "python_json_load_peak_mb", json_load.peak_mb, "MB");
          /* Above 1: Dateline loads and validates faster than Python parses. */
          print_figure (label, "python_over_validate_wall_ratio", json_load.wall_ms / dateline.wall_ms, "x");
          print_figure (label, "python_over_validate_cpu_ratio", json_load.cpu_ms / dateline.cpu_ms, "x");
        }
    }
  else
    printf ("# no python3: json.load not measured\n");

  /* The window opening it, before this process holds a copy. */
  if (wanted (only, "open") || wanted (only, "frame"))
    {
      if (gtk_init_check ())
        dl_bench_open_run (label, path, wanted (only, "frame"));
      else
        printf ("# no display: opening in the window not measured\n");
    }

  if (only != NULL && !wanted (only, "search") && !wanted (only, "export") && !wanted (only, "map")
      && !wanted (only, "timeline"))
    goto out;

  /* In this process: what stays resident, then everything done with it. */
  file = g_file_new_for_path (path);
  before = dl_bench_status_mb ("VmRSS:");
  start = g_get_monotonic_time ();
  dataset = dl_dataset_load (file, problems, NULL);
  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, path));
  print_figure (label, "load_in_process_ms", (g_get_monotonic_time () - start) / 1000.0, "ms");
  print_figure (label, "resident_mb", dl_bench_status_mb ("VmRSS:") - before, "MB");

  if (wanted (only, "search"))
    bench_search (label, dataset);
  if (wanted (only, "export"))
    bench_exports (label, dataset, dir);

  if (!wanted (only, "map") && !wanted (only, "timeline"))
    ;
  else if (gtk_init_check ())
    {
      g_autofree char *name = g_strdup_printf ("scale_%s", label);
      GListModel *events = dl_dataset_get_events (dataset);

      if (wanted (only, "map"))
        {
          dl_bench_map_run (&events, 1);
          dl_bench_map_zooms (name, events);
        }
      if (wanted (only, "timeline"))
        dl_bench_timeline_one (name, events);
    }
  else
    printf ("# no display: map and timeline frames not measured\n");

out:
  if (system (cleanup) != 0)
    g_printerr ("could not remove %s\n", dir);
}
