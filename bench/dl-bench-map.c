/* dl-bench-map.c: building map frames, DlEventLayer against one widget per event
 *
 * A frame is what GTK does after the viewport moves: allocate the layer (a
 * ShumateMarkerLayer positions every marker widget there) and snapshot it
 * into render nodes. Rendering the nodes is the GPU's business and the same
 * for both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "dl-bench-map.h"
#include "dl-event-layer.h"
#include "dl-stats.h"

#define WIDTH   1280
#define HEIGHT  800
#define FRAMES  30

/* The median time of building one frame of `layer` at several views. */
static double
measure (ShumateMap *map,
         GtkWidget  *layer)
{
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  double times[FRAMES];

  for (guint i = 0; i < FRAMES; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      GtkSnapshot *snapshot;
      gint64 start;

      /* Pan and zoom: from the whole region down to a city. */
      shumate_viewport_set_zoom_level (viewport, 4.0 + (i % 10) * 0.8);
      shumate_location_set_location (SHUMATE_LOCATION (viewport), 31.0 + (i % 7) * 0.3, 35.0 + (i % 5) * 0.5);

      start = g_get_monotonic_time ();
      gtk_widget_allocate (layer, WIDTH, HEIGHT, -1, NULL);
      snapshot = gtk_snapshot_new ();
      gtk_widget_snapshot_child (GTK_WIDGET (map), layer, snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  return dl_quantile (times, FRAMES, 0.5);
}

static ShumateMap *
new_map (GtkWindow **window_out)
{
  GtkWidget *window = gtk_window_new ();
  ShumateMap *map = shumate_map_new ();
  g_autoptr(ShumateMapSource) reference = NULL;

  reference = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
      "reference", "reference", "", "", 0, 18, 256, SHUMATE_MAP_PROJECTION_MERCATOR, "http://localhost/#Z#/#X#/#Y#.png"));
  shumate_viewport_set_reference_map_source (shumate_map_get_viewport (map), reference);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  *window_out = GTK_WINDOW (window);
  return map;
}

static double
bench_layer (GListModel *model)
{
  GtkWindow *window;
  ShumateMap *map = new_map (&window);
  DlEventLayer *layer = dl_event_layer_new (shumate_map_get_viewport (map));
  double ms;

  dl_event_layer_set_model (layer, model);
  shumate_map_add_layer (map, SHUMATE_LAYER (layer));
  ms = measure (map, GTK_WIDGET (layer));
  gtk_window_destroy (window);

  return ms;
}

static double
bench_marker_layer (GListModel *model)
{
  GtkWindow *window;
  ShumateMap *map = new_map (&window);
  ShumateMarkerLayer *layer = shumate_marker_layer_new (shumate_map_get_viewport (map));
  double ms;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (model, i);
      DlLonLat anchor = dl_event_get_anchor (event);
      ShumateMarker *marker = shumate_marker_new ();
      GtkWidget *dot = gtk_label_new ("●");

      shumate_marker_set_child (marker, dot);
      shumate_location_set_location (SHUMATE_LOCATION (marker), anchor.lat, anchor.lon);
      shumate_marker_layer_add_marker (layer, marker);
    }
  shumate_map_add_layer (map, SHUMATE_LAYER (layer));
  ms = measure (map, GTK_WIDGET (layer));
  gtk_window_destroy (window);

  return ms;
}

void
dl_bench_map_run (GListModel **models,
                  guint        n_models)
{
  for (guint i = 0; i < n_models; i++)
    {
      guint n = g_list_model_get_n_items (models[i]);
      double layer_ms = bench_layer (models[i]);

      printf ("layer_frame_%uk_ms %.3f ms\n", n / 1000, layer_ms);
      if (n <= 10000)
        {
          double marker_ms = bench_marker_layer (models[i]);

          printf ("markerlayer_frame_%uk_ms %.3f ms\n", n / 1000, marker_ms);
          printf ("markerlayer_vs_layer_%uk_ratio %.1f x\n", n / 1000, marker_ms / layer_ms);
        }
    }
}
