/* test-basemap-source.c: the offline map source in a real ShumateMap
 *
 * Needs a display (run under xvfb-run; skipped without one). Puts the source
 * in a ShumateMap in a window, waits for its tiles, and writes what the
 * window shows at three zooms (region, Gaza Strip, Gaza City) into the build
 * folder: basemap-widget-*.png. Also fills tiles directly through the
 * ShumateMapSource API: state, texture size, cache and cancellation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <gtk/gtk.h>

#include "dl-basemap-source.h"

static DlBasemap *basemap;

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until *flag is set or the time runs out. */
static gboolean
wait_for (gboolean *flag,
          guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return *flag;
}

static void
pump (guint ms)
{
  gboolean never = FALSE;

  wait_for (&never, ms);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} FillResult;

static void
fill_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  FillResult *r = user_data;

  r->ok = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &r->error);
  r->done = TRUE;
}

static void
test_fill_tile (void)
{
  g_autoptr(ShumateMapSource) source = dl_basemap_source_new (basemap, DL_BASEMAP_STYLE_LIGHT, "he");
  DlBasemapSource *self = DL_BASEMAP_SOURCE (source);
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (2442, 1663, 256, 12);
  g_autoptr(ShumateTile) again = shumate_tile_new_full (2442, 1663, 256, 12);
  g_autoptr(ShumateTile) cancelled = shumate_tile_new_full (2443, 1663, 256, 12);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  FillResult r = { 0 };
  GdkPaintable *paintable;

  g_assert_cmpstr (shumate_map_source_get_id (source), ==, DL_BASEMAP_SOURCE_ID);
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (source), ==, 0);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), ==, DL_BASEMAP_MAX_ZOOM);
  g_assert_cmpuint (shumate_map_source_get_tile_size (source), ==, 256);
  g_assert_cmpint (shumate_map_source_get_projection (source), ==, SHUMATE_MAP_PROJECTION_MERCATOR);
  g_assert_nonnull (strstr (shumate_map_source_get_license (source), "OpenStreetMap"));
  g_assert_nonnull (shumate_map_source_get_license_uri (source));
  g_assert_cmpstr (dl_basemap_source_get_language (self), ==, "he");

  shumate_map_source_fill_tile_async (source, tile, NULL, fill_cb, &r);
  g_assert_true (wait_for (&r.done, 10000));
  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
  paintable = shumate_tile_get_paintable (tile);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (paintable)), ==, 256 * dl_basemap_source_get_scale_factor (self));
  g_assert_cmpuint (dl_basemap_source_get_tiles_filled (self), ==, 1);

  /* the second request for the same tile is served from the cache, at once */
  r = (FillResult) { 0 };
  shumate_map_source_fill_tile_async (source, again, NULL, fill_cb, &r);
  g_assert_true (shumate_tile_get_state (again) == SHUMATE_STATE_DONE);
  g_assert_true (wait_for (&r.done, 10000));
  g_assert_true (r.ok);
  g_assert_true (shumate_tile_get_paintable (again) == paintable);
  g_assert_cmpuint (dl_basemap_source_get_tiles_filled (self), ==, 2);

  /* a cancelled request ends with G_IO_ERROR_CANCELLED and leaves the tile alone */
  r = (FillResult) { 0 };
  g_cancellable_cancel (cancellable);
  shumate_map_source_fill_tile_async (source, cancelled, cancellable, fill_cb, &r);
  g_assert_true (wait_for (&r.done, 10000));
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_cmpint (shumate_tile_get_state (cancelled), !=, SHUMATE_STATE_DONE);
  g_assert_null (shumate_tile_get_paintable (cancelled));

  /* HiDPI with libshumate < 1.1 comes from the source's scale factor */
#if !SHUMATE_CHECK_VERSION (1, 1, 0)
  {
    g_autoptr(ShumateTile) hidpi = shumate_tile_new_full (2443, 1663, 256, 12);

    dl_basemap_source_set_scale_factor (self, 2);
    r = (FillResult) { 0 };
    shumate_map_source_fill_tile_async (source, hidpi, NULL, fill_cb, &r);
    g_assert_true (wait_for (&r.done, 10000));
    g_assert_true (r.ok);
    g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (shumate_tile_get_paintable (hidpi))), ==, 512);
  }
#endif
}

typedef struct {
  GtkWidget        *window;
  ShumateMap       *map;
  ShumateMapSource *source;
} MapWindow;

static void
map_window_init (MapWindow      *w,
                 DlBasemapStyle  style)
{
  ShumateViewport *viewport;
  ShumateMapLayer *layer;
  ShumateLicense *license;
  GtkWidget *overlay;

  w->source = dl_basemap_source_new (basemap, style, "en");
  w->map = shumate_map_new ();
  viewport = shumate_map_get_viewport (w->map);
  shumate_viewport_set_reference_map_source (viewport, w->source);
  layer = shumate_map_layer_new (w->source, viewport);
  shumate_map_add_layer (w->map, SHUMATE_LAYER (layer));

  license = shumate_license_new ();
  shumate_license_append_map_source (license, w->source);
  gtk_widget_set_halign (GTK_WIDGET (license), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (license), GTK_ALIGN_END);

  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (w->map));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (license));

  w->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (w->window), 900, 640);
  gtk_window_set_child (GTK_WINDOW (w->window), overlay);
  gtk_window_present (GTK_WINDOW (w->window));
}

static void
map_window_clear (MapWindow *w)
{
  gtk_window_destroy (GTK_WINDOW (w->window));
  g_clear_object (&w->source);
}

static void
tiles_cb (GObject    *object,
          GParamSpec *pspec G_GNUC_UNUSED,
          gpointer    user_data)
{
  guint *target = user_data;
  gboolean *reached = (gboolean *) (target + 1);

  if (dl_basemap_source_get_tiles_filled (DL_BASEMAP_SOURCE (object)) >= target[0])
    *reached = TRUE;
}

static GdkTexture *
snapshot_window (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  int w, h;

  /* Under a sanitizer everything is slower: wait until the window has a size. */
  while ((!gtk_widget_get_mapped (window) || gtk_widget_get_width (window) <= 0)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  w = gtk_widget_get_width (window);
  h = gtk_widget_get_height (window);
  g_assert_cmpint (w, >, 0);

  /* A mapped window has no render node until its first frame is painted,
   * which on a loaded machine can come well after the size. */
  for (;;)
    {
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node != NULL || g_get_monotonic_time () >= deadline)
        break;
      snapshot = gtk_snapshot_new ();
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, w, h));
}

/* Fraction of the texture's pixels near @rgb. */
static double
texture_fraction (GdkTexture   *texture,
                  const double  rgb[3])
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guint8 *data = g_malloc ((gsize) w * h * 4);
  guint hits = 0;

  gdk_texture_download (texture, data, (gsize) w * 4);
  for (int i = 0; i < w * h; i++)
    {
      guint32 v = ((guint32 *) data)[i];
      double d = ABS (((v >> 16) & 0xff) / 255.0 - rgb[0])
                 + ABS (((v >> 8) & 0xff) / 255.0 - rgb[1])
                 + ABS ((v & 0xff) / 255.0 - rgb[2]);

      if (d < 0.06)
        hits++;
    }

  return (double) hits / (w * h);
}

static void
show_and_capture (MapWindow      *w,
                  DlBasemapStyle  style,
                  double          lat,
                  double          lon,
                  double          zoom,
                  const char     *name,
                  double          min_land,
                  double          min_sea)
{
  guint target[2];
  gboolean *reached = (gboolean *) (target + 1);
  guint before = dl_basemap_source_get_tiles_filled (DL_BASEMAP_SOURCE (w->source));
  gulong id;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  double sea[3], land[3], land_fraction, sea_fraction;

  /* a 900×640 view needs at least 4 × 3 tiles */
  target[0] = before + 12;
  target[1] = FALSE;
  id = g_signal_connect (w->source, "notify::tiles-filled", G_CALLBACK (tiles_cb), target);

  /* Centre on a whole pixel so tiles land on whole pixels: the GSK Cairo
   * renderer blends tile edges drawn at fractional positions into faint
   * seams (the GL renderer does not). */
  {
    double px = round (shumate_map_source_get_x (w->source, zoom, lon));
    double py = round (shumate_map_source_get_y (w->source, zoom, lat));

    lon = shumate_map_source_get_longitude (w->source, zoom, px);
    lat = shumate_map_source_get_latitude (w->source, zoom, py);
  }
  shumate_viewport_set_zoom_level (shumate_map_get_viewport (w->map), zoom);
  shumate_map_center_on (w->map, lat, lon);

  g_assert_true (wait_for (reached, 30000));
  g_signal_handler_disconnect (w->source, id);

  /* let the map draw what it got */
  pump (300);

  texture = snapshot_window (w->window);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);

  dl_basemap_style_get_colors (style, sea, land);
  {
    double urban[3];

    /* built-up areas are land too */
    dl_basemap_style_get_color (style, DL_BASEMAP_COLOR_URBAN, urban);
    land_fraction = texture_fraction (texture, land) + texture_fraction (texture, urban);
  }
  sea_fraction = texture_fraction (texture, sea);
  g_test_message ("%s: land %.2f, sea %.2f", name, land_fraction, sea_fraction);
  g_assert_cmpfloat (land_fraction, >=, min_land);
  g_assert_cmpfloat (sea_fraction, >=, min_sea);
}

static void
test_map_widget (void)
{
  MapWindow w;

  map_window_init (&w, DL_BASEMAP_STYLE_LIGHT);
  show_and_capture (&w, DL_BASEMAP_STYLE_LIGHT, 28.5, 40.0, 5, "basemap-widget-region-z5.png", 0.3, 0.1);
  show_and_capture (&w, DL_BASEMAP_STYLE_LIGHT, 31.42, 34.40, 10, "basemap-widget-gaza-strip-z10.png", 0.2, 0.2);
  show_and_capture (&w, DL_BASEMAP_STYLE_LIGHT, 31.5016, 34.4500, 14, "basemap-widget-gaza-city-z14.png", 0.4, 0.0);
  map_window_clear (&w);

  map_window_init (&w, DL_BASEMAP_STYLE_DARK);
  show_and_capture (&w, DL_BASEMAP_STYLE_DARK, 31.42, 34.40, 10, "basemap-widget-gaza-strip-z10-dark.png", 0.2, 0.2);
  map_window_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }

  basemap = dl_basemap_open_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/basemap-source/fill-tile", test_fill_tile);
  g_test_add_func ("/basemap-source/map-widget", test_map_widget);

  ret = g_test_run ();
  g_object_unref (basemap);
  return ret;
}
