/* test-map-file.c: the user's own MBTiles map file, chosen in Preferences
 *
 * The test makes an MBTiles file (nine magenta tiles over Gaza City at zoom
 * 12) and a broken one, then drives the real window with real input (XTest):
 * Ctrl+, opens Preferences, a click on "Choose…" opens the file chooser, the
 * path is typed and Enter pressed. The window must show the file's tiles;
 * the broken file must be refused with a message naming it, the magenta map
 * staying as it was. Everything runs without a network: the test re-runs
 * itself under `unshare -rn` and checks the network is gone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sqlite3.h>
#include <shumate/shumate.h>

#include "dl-map-file-row.h"
#include "dl-mbtiles-source.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

#define LAT 31.515
#define LON 34.455
#define ZOOM 12

static DlWindow *window;
static char *tmpdir;
static char *good_path;
static char *broken_path;

/* ------------------------------------------------------------------ files */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
make_mbtiles (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double n = ldexp (1.0, ZOOM);
  double s = sin (LAT * G_PI / 180.0);
  int cx = (int) floor ((LON + 180.0) / 360.0 * n);
  int cy = (int) floor ((0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * n);

  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                                 "                    tile_row INTEGER, tile_data BLOB);"
                                 "INSERT INTO metadata VALUES ('name', 'Magenta test map');"
                                 "INSERT INTO metadata VALUES ('format', 'png');"
                                 "INSERT INTO metadata VALUES ('attribution', '<a href=\"x\">© Magenta Test</a>');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (?, ?, ?, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      {
        sqlite3_bind_int (stmt, 1, ZOOM);
        sqlite3_bind_int (stmt, 2, cx + dx);
        sqlite3_bind_int (stmt, 3, (1 << ZOOM) - 1 - (cy + dy));   /* TMS rows */
        sqlite3_bind_blob (stmt, 4, png->data, (int) png->len, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_reset (stmt);
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* One Mapbox Vector Tile: a layer "water" whose one polygon covers the
 * whole tile (MVT 2: MoveTo 0,0; LineTo +4096,0 0,+4096 -4096,0; ClosePath). */
static const guint8 water_tile[] = {
  0x1a, 0x20,                                   /* layers, 32 bytes */
  0x0a, 0x05, 'w', 'a', 't', 'e', 'r',          /* name */
  0x12, 0x12,                                   /* features, 18 bytes */
  0x18, 0x03,                                   /* type: polygon */
  0x22, 0x0e, 0x09, 0x00, 0x00, 0x1a, 0x80, 0x40, 0x00, 0x00, 0x80, 0x40, 0xff, 0x3f, 0x00, 0x0f,
  0x28, 0x80, 0x20,                             /* extent 4096 */
  0x78, 0x02,                                   /* version 2 */
};

/* A vector MBTiles file (gzipped, as the common tools write them), format
 * "pbf", with that tile at zoom 0. */
static char *
make_vector_mbtiles (void)
{
  char *path = g_build_filename (tmpdir, "vector.mbtiles", NULL);
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  guint8 gzipped[256];
  gsize read = 0, written = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (g_converter_convert (G_CONVERTER (gzip), water_tile, sizeof water_tile, gzipped, sizeof gzipped,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, NULL),
                   ==, G_CONVERTER_FINISHED);
  g_assert_cmpuint (read, ==, sizeof water_tile);

  g_unlink (path);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE metadata (name TEXT, value TEXT);"
                                 "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER,"
                                 "                    tile_row INTEGER, tile_data BLOB);"
                                 "INSERT INTO metadata VALUES ('name', 'Vector test map');"
                                 "INSERT INTO metadata VALUES ('format', 'pbf');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO tiles VALUES (0, 0, 0, ?)", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, gzipped, (int) written, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return path;
}

#if SHUMATE_CHECK_VERSION (1, 2, 0)
static void
on_tile_filled (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* How many pixels of tile 0/0/0, as @source draws it now, are within a
 * few levels of #@rgb. */
static guint
count_tile_pixels (ShumateMapSource *source,
                   guint32           rgb)
{
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (0, 0, 256, 0);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *pixels = g_malloc (256 * 256 * 4);
  gboolean done = FALSE;
  guint n = 0;

  shumate_map_source_fill_tile_async (source, tile, NULL, on_tile_filled, &done);
  g_assert_true (dl_test_wait_until (is_true, &done, 10000));
  g_assert_nonnull (shumate_tile_get_paintable (tile));

  gdk_paintable_snapshot (shumate_tile_get_paintable (tile), GDK_SNAPSHOT (snapshot), 256, 256);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, 256, 256));
  gsk_renderer_unrealize (renderer);
  gdk_texture_download (texture, pixels, 256 * 4);
  for (guint i = 0; i < 256 * 256; i++)
    {
      /* BGRA in memory */
      const guint8 *p = pixels + i * 4;

      n += ABS (p[2] - (int) ((rgb >> 16) & 0xff)) < 8 && ABS (p[1] - (int) ((rgb >> 8) & 0xff)) < 8
           && ABS (p[0] - (int) (rgb & 0xff)) < 8;
    }
  return n;
}

/* Where libshumate has a vector renderer (≥ 1.2, the Flatpak's), the file
 * is drawn in Dateline's style: its water polygon fills the tile in the
 * basemap's water colour, not the style's land; when the app turns dark,
 * in the dark style's water. */
static void
test_vector_file (void)
{
  g_autofree char *path = make_vector_mbtiles ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = dl_mbtiles_source_new_sync (file, NULL, &error);
  guint water;

  g_assert_no_error (error);
  g_assert_nonnull (source);
  g_assert_cmpstr (dl_mbtiles_source_get_format (DL_MBTILES_SOURCE (source)), ==, "pbf");

  water = count_tile_pixels (source, 0xc4d8e4);
  g_test_message ("%u of %u pixels are water", water, 256 * 256);
  g_assert_cmpuint (water, >, 256 * 256 * 9 / 10);

  /* Dark, once only. */
  g_assert_true (dl_mbtiles_source_set_dark (DL_MBTILES_SOURCE (source), TRUE));
  g_assert_false (dl_mbtiles_source_set_dark (DL_MBTILES_SOURCE (source), TRUE));
  water = count_tile_pixels (source, 0x131d27);
  g_test_message ("dark: %u of %u pixels are water", water, 256 * 256);
  g_assert_cmpuint (water, >, 256 * 256 * 9 / 10);
  g_unlink (path);
}
#else
/* On a libshumate without a vector renderer (Debian 12's 1.0) the file is
 * refused with a message naming the file and what to choose instead. */
static void
test_vector_file (void)
{
  g_autofree char *path = make_vector_mbtiles ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = NULL;

  source = dl_mbtiles_source_new_sync (file, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_UNSUPPORTED);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "vector.mbtiles"));
  g_assert_nonnull (strstr (error->message, "vector tiles"));
  g_assert_nonnull (strstr (error->message, "PNG"));
  g_assert_null (strstr (error->message, "Flatpak"));
  g_unlink (path);
}
#endif

/* ------------------------------------------------------------------ helpers */

static gboolean
dataset_loaded (gpointer data)
{
  return dl_window_get_dataset (window) != NULL;
}

/* Magenta pixels in the window as drawn. */
static guint
magenta_pixels (void)
{
  g_autofree char *name = g_strdup_printf ("map-file-probe-%d.png", getpid ());
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  cairo_surface_t *png;
  const guint8 *data;
  int stride, w, h;
  guint n = 0;

  dl_test_save_png (GTK_WIDGET (window), NULL, name);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (png);
  stride = cairo_image_surface_get_stride (png);
  w = cairo_image_surface_get_width (png);
  h = cairo_image_surface_get_height (png);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 v = *(const guint32 *) (data + y * stride + x * 4);

        if (((v >> 16) & 0xff) > 0xf0 && ((v >> 8) & 0xff) < 0x10 && (v & 0xff) > 0xf0)
          n++;
      }
  cairo_surface_destroy (png);
  g_unlink (path);

  return n;
}

static gboolean
shows_magenta (gpointer data)
{
  return magenta_pixels () > 100 * 100;
}

static gboolean
has_file_chooser (gpointer data)
{
  return dl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
has_message_dialog (gpointer data)
{
  return dl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
has_preferences (gpointer data)
{
  return dl_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW) != NULL;
}

static gboolean
is_map_file_row (GtkWidget     *widget,
                gconstpointer  data)
{
  return DL_IS_MAP_FILE_ROW (widget);
}

static gboolean
is_choose_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Choose…") == 0;
}

static char *
setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "offline-map-file");
}

static gboolean
setting_is_good (gpointer data)
{
  g_autofree char *value = setting ();

  return g_strcmp0 (value, good_path) == 0;
}

/* Clicks "Choose…" in Preferences, types @path into the file chooser, Enter. */
static DlMapFileRow *
choose_file (const char *path)
{
  GtkWindow *preferences;
  GtkWindow *chooser;
  GtkWidget *row, *button;
  graphene_point_t centre;

  if (dl_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW) == NULL)
    {
      dl_xtest_key (GTK_WIDGET (window), GDK_KEY_comma, GDK_CONTROL_MASK);
      g_assert_true (dl_test_wait_until (has_preferences, NULL, 10000));
      dl_test_wait_ms (300);
    }
  preferences = dl_test_find_toplevel (ADW_TYPE_PREFERENCES_WINDOW);
  row = dl_test_find (GTK_WIDGET (preferences), is_map_file_row, NULL);
  g_assert_nonnull (row);
  button = dl_test_find (row, is_choose_button, NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_compute_point (button, button,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.0f,
                                                                 gtk_widget_get_height (button) / 2.0f),
                                           &centre));
  dl_xtest_click (button, centre.x, centre.y);
  g_assert_true (dl_test_wait_until (has_file_chooser, NULL, 10000));
  dl_test_wait_ms (500);
  chooser = dl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);

  /* typing a "/" opens the location entry */
  dl_xtest_type (GTK_WIDGET (chooser), path);
  dl_test_wait_ms (300);
  dl_xtest_key (GTK_WIDGET (chooser), GDK_KEY_Return, 0);

  return DL_MAP_FILE_ROW (row);
}

/* ------------------------------------------------------------------ tests */

static void
test_no_network (void)
{
  struct sockaddr_in addr = { 0 };
  int fd = socket (AF_INET, SOCK_DGRAM, 0);
  int rc;

  addr.sin_family = AF_INET;
  addr.sin_port = htons (9);
  inet_pton (AF_INET, "192.0.2.1", &addr.sin_addr);
  rc = fd >= 0 ? connect (fd, (struct sockaddr *) &addr, sizeof addr) : -1;
  if (fd >= 0)
    close (fd);
  /* inside `unshare -rn` nothing is routed */
  g_assert_cmpint (rc, !=, 0);
}

static void
test_choose_file (void)
{
  ShumateViewport *viewport = shumate_map_get_viewport (dl_window_get_map (window));
  DlMapFileRow *row;

  g_assert_true (dl_xtest_available ());
  g_assert_true (dl_test_wait_until (dataset_loaded, NULL, 30000));
  /* after the window's own first flight, go to where the file has tiles */
  dl_test_wait_ms (3000);
  shumate_viewport_set_zoom_level (viewport, ZOOM);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), LAT, LON);
  dl_test_wait_ms (1500);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (viewport), ==, ZOOM);
  g_assert_cmpuint (magenta_pixels (), <, 100);

  row = choose_file (good_path);
  g_assert_true (dl_test_wait_until (setting_is_good, NULL, 10000));
  g_assert_null (dl_map_file_row_get_error (row));
  dl_test_wait_ms (3000);
  if (!dl_test_wait_until (shows_magenta, NULL, 20000))
    {
      dl_test_save_png (GTK_WIDGET (window), NULL, "map-file-failed.png");
      g_test_message ("zoom %.2f at %.4f, %.4f",
                      shumate_viewport_get_zoom_level (viewport),
                      shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                      shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
      g_assert_not_reached ();
    }
  dl_test_save_png (GTK_WIDGET (window), NULL, "map-file-window.png");
  g_test_message ("the window shows %u magenta pixels", magenta_pixels ());
}

static void
test_broken_file_refused (void)
{
  DlMapFileRow *row;
  const char *error;
  g_autofree char *value = NULL;
  g_autofree char *base = g_path_get_basename (broken_path);
  guint before = magenta_pixels ();
  GtkWindow *dialog;

  g_assert_cmpuint (before, >, 100 * 100);

  row = choose_file (broken_path);
  g_assert_true (dl_test_wait_until (has_message_dialog, NULL, 10000));
  error = dl_map_file_row_get_error (row);
  g_test_message ("refused: %s", error);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, base));
  g_assert_nonnull (strstr (error, "not an MBTiles map file"));

  /* the previous map stays */
  value = setting ();
  g_assert_cmpstr (value, ==, good_path);
  /* the message names the file and says what is wrong */
  dialog = dl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), base));
  gtk_window_destroy (dialog);
  dl_test_wait_ms (500);
  g_assert_cmpuint (magenta_pixels (), >, 100 * 100);
}

/* ------------------------------------------------------------------ main */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Re-run in a network namespace of our own: nothing can reach the network. */
  if (g_getenv ("DL_TEST_IN_NETNS") == NULL)
    {
      g_autofree char *unshare = g_find_program_in_path ("unshare");
      g_autofree char *self = g_canonicalize_filename (argv[0], NULL);
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_assert_nonnull (unshare);
      g_ptr_array_add (args, unshare);
      g_ptr_array_add (args, (char *) "-rn");
      g_ptr_array_add (args, self);
      for (int i = 1; i < argc; i++)
        g_ptr_array_add (args, argv[i]);
      g_ptr_array_add (args, NULL);
      g_setenv ("DL_TEST_IN_NETNS", "1", TRUE);
      execv (unshare, (char **) args->pdata);
      g_error ("cannot run %s -rn: %s", unshare, g_strerror (errno));
    }

  /* the chooser must be GTK's own dialog (typed into), not a portal's */
  g_setenv ("GTK_USE_PORTAL", "0", TRUE);
  dl_test_init (&argc, &argv);

  tmpdir = g_dir_make_tmp ("dateline-map-file-XXXXXX", &error);
  g_assert_no_error (error);
  good_path = g_build_filename (tmpdir, "magenta.mbtiles", NULL);
  broken_path = g_build_filename (tmpdir, "broken.mbtiles", NULL);
  make_mbtiles (good_path);
  g_assert_true (g_file_set_contents (broken_path, "This is a text file, not a map.\n", -1, NULL));

  window = dl_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dl_window_open (window, NULL);

  g_test_add_func ("/map-file/no-network", test_no_network);
  g_test_add_func ("/map-file/choose", test_choose_file);
  g_test_add_func ("/map-file/broken-refused", test_broken_file_refused);
  g_test_add_func ("/map-file/vector-file", test_vector_file);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (good_path);
  g_unlink (broken_path);
  g_rmdir (tmpdir);

  return status;
}
