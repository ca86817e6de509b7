/* dl-bench-basemap.c: offline basemap benchmark
 *
 * Opens the bundled basemap and draws a fixed set of tiles: for each of the
 * first dataset's places and a few capitals of the region, the tile holding
 * the place and its eight neighbours at every zoom from 3 to 16 (15 and 16
 * over-zoom the data), light style,
 * scale 1, English labels. One warm-up tile (font loading) is not counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-bench-basemap"

#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "dl-basemap.h"
#include "dl-bench-basemap.h"
#include "dl-stats.h"

static const struct {
  const char *name;
  double lat, lon;
} places[] = {
  { "Gaza City", 31.5016, 34.4667 },
  { "Khan Yunis", 31.3402, 34.3063 },
  { "Rafah", 31.2972, 34.2436 },
  { "Cairo", 30.0626, 31.2497 },
  { "Doha", 25.2854, 51.5310 },
  { "Tel Aviv", 32.0809, 34.7806 },
  { "Jerusalem", 31.7690, 35.2163 },
  { "Beirut", 33.8933, 35.5016 },
  { "Tehran", 35.6944, 51.4215 },
};

static double
rss_mb (void)
{
  g_autofree char *contents = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &contents, NULL, NULL))
    return 0;
  if (sscanf (contents, "%lu %lu", &size, &resident) != 2)
    return 0;

  return (double) resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
tile_of (double  lat,
         double  lon,
         int     zoom,
         int    *x,
         int    *y)
{
  double n = ldexp (1.0, zoom);
  double s = sin (lat * G_PI / 180.0);

  *x = (int) floor ((lon + 180.0) / 360.0 * n);
  *y = (int) floor ((0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * n);
}

void
dl_bench_basemap_run (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlBasemap) basemap = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double rss_before, rss_after, open_ms, total = 0;
  gint64 t0;
  cairo_surface_t *warm;

  rss_before = rss_mb ();
  t0 = g_get_monotonic_time ();
  basemap = dl_basemap_open_default (&error);
  open_ms = (g_get_monotonic_time () - t0) / 1000.0;
  rss_after = rss_mb ();

  if (basemap == NULL)
    {
      g_printerr ("basemap: %s\n", error->message);
      return;
    }

  printf ("basemap_open_ms %.2f ms\n", open_ms);
  printf ("basemap_rss_mb %.2f MB\n", rss_after - rss_before);

  t0 = g_get_monotonic_time ();
  warm = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", 5, 19, 13, 1);
  cairo_surface_destroy (warm);
  printf ("tile_render_first_ms %.2f ms\n", (g_get_monotonic_time () - t0) / 1000.0);

  for (int zoom = 3; zoom <= DL_BASEMAP_MAX_ZOOM; zoom++)
    for (guint p = 0; p < G_N_ELEMENTS (places); p++)
      {
        int cx, cy, n = 1 << zoom;

        tile_of (places[p].lat, places[p].lon, zoom, &cx, &cy);
        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            {
              int x = cx + dx, y = cy + dy;
              cairo_surface_t *tile;
              double ms;

              if (x < 0 || y < 0 || x >= n || y >= n)
                continue;

              t0 = g_get_monotonic_time ();
              tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", zoom, x, y, 1);
              ms = (g_get_monotonic_time () - t0) / 1000.0;
              cairo_surface_destroy (tile);

              g_array_append_val (times, ms);
              total += ms;
            }
      }

  g_array_sort (times, dl_compare_doubles);
  printf ("tile_render_count %u tiles\n", times->len);
  printf ("tile_render_median_ms %.2f ms\n", g_array_index (times, double, times->len / 2));
  printf ("tile_render_p99_ms %.2f ms\n",
          g_array_index (times, double, MIN (times->len - 1, (guint) ceil (times->len * 0.99) - 1)));
  printf ("tile_render_max_ms %.2f ms\n", g_array_index (times, double, times->len - 1));
  printf ("tile_render_mean_ms %.2f ms\n", total / times->len);
  printf ("basemap_rss_after_render_mb %.2f MB\n", rss_mb () - rss_before);
}
