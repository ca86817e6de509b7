/* dl-bench-timeline.c: how long the timeline takes to build a frame
 *
 * The building of render nodes is timed (the snapshot vfunc and
 * gtk_snapshot_free_to_node), as GTK does for every frame; then, as a
 * second figure, that plus rendering them to a texture with the window's
 * renderer (GSK's cairo renderer here: dl-bench.c), a whole frame of the
 * timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-bench-timeline"

#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>

#include "dl-bench-timeline.h"
#include "timeline/dl-timeline.h"
#include "dl-stats.h"

#define WIDTH    1600
#define HEIGHT   200
#define N_FRAMES 30

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) <= 0)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
dl_bench_timeline_one (const char *name,
                       GListModel *events)
{
  GtkWindow *window;
  DlTimeline *timeline;
  double times[N_FRAMES];
  double full[N_FRAMES];
  gint64 start, end;

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  timeline = dl_timeline_new ();
  gtk_window_set_child (window, GTK_WIDGET (timeline));
  dl_timeline_set_model (timeline, events);
  gtk_window_present (window);
  wait_until_mapped (GTK_WIDGET (timeline));

  /* Fit all, then a month, a week and a day in the middle of the data. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  dl_timeline_fit_all (timeline);
  dl_timeline_get_visible_range (timeline, &start, &end);

  for (guint i = 0; i < N_FRAMES; i++)
    {
      static const gint64 spans[] = { 0, 30 * 86400, 7 * 86400, 86400 };
      gint64 span = spans[i % G_N_ELEMENTS (spans)];
      gint64 middle = start + (end - start) / 2 + (gint64) i * 3600;
      GtkSnapshot *snapshot;
      GskRenderNode *node;
      gint64 begin;

      if (span == 0)
        dl_timeline_set_visible_range (timeline, start, end);
      else
        dl_timeline_set_visible_range (timeline, middle - span / 2, middle + span / 2);

      /* The same size whatever the screen (Xvfb's is 1280 wide). */
      gtk_widget_size_allocate (GTK_WIDGET (timeline), &(GtkAllocation) { 0, 0, WIDTH, HEIGHT }, -1);
      g_assert (gtk_widget_get_width (GTK_WIDGET (timeline)) == WIDTH);

      begin = g_get_monotonic_time ();
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (timeline)->snapshot (GTK_WIDGET (timeline), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      times[i] = (g_get_monotonic_time () - begin) / 1000.0;
      if (node != NULL)
        {
          GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
          GdkTexture *texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));

          g_object_unref (texture);
        }
      full[i] = (g_get_monotonic_time () - begin) / 1000.0;
      g_clear_pointer (&node, gsk_render_node_unref);
    }

  qsort (times, N_FRAMES, sizeof (double), dl_compare_doubles);
  qsort (full, N_FRAMES, sizeof (double), dl_compare_doubles);
  printf ("timeline_frame_%s_ms %.3f ms\n", name, times[N_FRAMES / 2]);
  printf ("timeline_frame_%s_max_ms %.3f ms\n", name, times[N_FRAMES - 1]);
  /* Snapshot and render to a texture, 1600×200. */
  printf ("timeline_full_frame_%s_ms %.3f ms\n", name, full[N_FRAMES / 2]);
  printf ("timeline_full_frame_%s_max_ms %.3f ms\n", name, full[N_FRAMES - 1]);
  fflush (stdout);

  gtk_window_destroy (window);
}

void
dl_bench_timeline_run (GListModel *events_1k,
                       GListModel *events_10k,
                       GListModel *events_100k)
{
  if (!gtk_init_check ())
    {
      g_printerr ("dl-bench: no display, timeline benchmark skipped\n");
      return;
    }

  if (events_1k != NULL)
    dl_bench_timeline_one ("1k", events_1k);
  if (events_10k != NULL)
    dl_bench_timeline_one ("10k", events_10k);
  if (events_100k != NULL)
    dl_bench_timeline_one ("100k", events_100k);
}
