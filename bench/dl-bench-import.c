/* dl-bench-import.c: opening a large ACLED-style CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "dl-bench-import.h"
#include "dl-import.h"

static const char * const event_types[][2] = {
  { "Battles", "Armed clash" },
  { "Explosions/Remote violence", "Air/drone strike" },
  { "Explosions/Remote violence", "Shelling/artillery/missile attack" },
  { "Violence against civilians", "Attack" },
  { "Protests", "Peaceful protest" },
  { "Riots", "Mob violence" },
  { "Strategic developments", "Looting/property destruction" },
};

static const char * const sources[] = {
  "Reuters", "AFP", "Al Jazeera", "SANA", "Syrian Observatory for Human Rights", "BBC Monitoring",
  "Enab Baladi", "Step News Agency", "North Press Agency", "Halab Today TV",
};

static double
peak_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Streams the rows out, so that writing them costs no memory to speak of. */
static char *
write_csv (guint   n_rows,
           goffset *size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autoptr(GString) out = g_string_new (NULL);
  char *path = NULL;
  FILE *file;
  int fd;

  fd = g_file_open_tmp ("dl-bench-acled-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  file = fdopen (fd, "w");
  g_assert_nonnull (file);

  fputs ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
         "assoc_actor_1,actor2,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
         "source,source_scale,notes,fatalities,tags,timestamp\r\n", file);
  for (guint i = 0; i < n_rows; i++)
    {
      guint type = g_rand_int_range (rand, 0, G_N_ELEMENTS (event_types));
      guint town = g_rand_int_range (rand, 0, 2000);
      gint64 day = 19358 + g_rand_int_range (rand, 0, 730);  /* 2023 and 2024 */
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * 86400);
      g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");
      guint a = g_rand_int_range (rand, 0, G_N_ELEMENTS (sources));
      guint b = (a + 1 + g_rand_int_range (rand, 0, G_N_ELEMENTS (sources) - 1)) % G_N_ELEMENTS (sources);
      gboolean two = g_rand_boolean (rand);
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.4f", 32.3 + (town % 50) * 0.11);
      g_ascii_formatd (lon, sizeof lon, "%.4f", 35.7 + (town / 50) * 0.12);
      g_string_printf (out,
                       "SYR%u,%s,%.4s,%d,Political violence,%s,%s,Military Forces of Syria (2000-),,"
                       "Unidentified Armed Group (Syria),Middle East,Syria,Governorate %u,District %u,,"
                       "Town %u,%s,%s,%d,%s%s%s,National,\"On %s, %s in Town %u, District %u; "
                       "reports say \"\"%u people\"\" were affected.\r\nA second line, with commas, follows.\","
                       "%u,,%u\r\n",
                       i + 1, iso, iso, 1 + g_rand_int_range (rand, 0, 3), event_types[type][0],
                       event_types[type][1], town % 14, town % 60, town, lat, lon,
                       1 + g_rand_int_range (rand, 0, 3), sources[a], two ? "; " : "", two ? sources[b] : "",
                       iso, event_types[type][1], town, town % 60, g_rand_int_range (rand, 0, 40),
                       g_rand_int_range (rand, 0, 12), 1700000000 + i);
      fputs (out->str, file);
    }
  fclose (file);

  {
    GStatBuf st;

    *size = g_stat (path, &st) == 0 ? st.st_size : 0;
  }
  return path;
}

void
dl_bench_import_run (guint n_rows)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autofree char *path = NULL;
  double before, ms;
  goffset size = 0;
  gint64 start;

  path = write_csv (n_rows, &size);
  file = g_file_new_for_path (path);
  before = peak_mb ();

  start = g_get_monotonic_time ();
  dataset = dl_import_load (file, problems, NULL);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (dataset == NULL || g_list_model_get_n_items (dl_dataset_get_events (dataset)) != n_rows)
    g_error ("the generated CSV did not import whole:\n%s", dl_problems_to_string (problems, path));

  printf ("import_csv_rows %u rows\n", n_rows);
  printf ("import_csv_file_mb %.1f MB\n", size / (1024.0 * 1024.0));
  printf ("import_csv_ms %.1f ms\n", ms);
  printf ("import_csv_rows_per_s %.0f rows/s\n", n_rows / (ms / 1000.0));
  printf ("import_csv_peak_mb %.1f MB\n", peak_mb ());
  printf ("import_csv_peak_before_mb %.1f MB\n", before);
  fflush (stdout);

  g_remove (path);
}
