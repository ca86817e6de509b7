/* dl-mbtiles-source.c: a ShumateMapSource reading the user's MBTiles file
 *
 * One read-only SQLite connection, used under a mutex from GLib's worker
 * threads; every tile is read, decoded (GdkPixbuf, so WebP works wherever
 * its loader is installed) and turned into a texture off the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-mbtiles"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>
#include <sqlite3.h>
#include <string.h>

#include <adwaita.h>

#include "dl-mbtiles-data.h"
#include "dl-mbtiles-source.h"

struct _DlMbtilesSource
{
  ShumateMapSource  parent_instance;

  GFile            *file;
  char             *display_name;
  GMutex            lock;       /* guards db and tile_stmt */
  sqlite3          *db;
  sqlite3_stmt     *tile_stmt;
  char             *format;
  int               min_zoom;
  int               max_zoom;
  /* A vector file: libshumate's renderer draws it (≥ 1.2), this reads it. */
  ShumateMapSource *vector;
  gboolean          vector_dark;
};

G_DEFINE_FINAL_TYPE (DlMbtilesSource, dl_mbtiles_source, SHUMATE_TYPE_MAP_SOURCE)

G_DEFINE_QUARK (dl-mbtiles-error-quark, dl_mbtiles_error)

typedef struct {
  int zoom, x, y;
} TileJob;

/* ------------------------------------------------------------------ helpers */

static GdkTexture *
transparent_texture (void)
{
  static gsize once = 0;
  static GdkTexture *texture = NULL;

  if (g_once_init_enter (&once))
    {
      static const guint8 pixel[4] = { 0, 0, 0, 0 };
      g_autoptr(GBytes) bytes = g_bytes_new_static (pixel, sizeof pixel);

      texture = gdk_memory_texture_new (1, 1, GDK_MEMORY_DEFAULT, bytes, 4);
      g_once_init_leave (&once, 1);
    }

  return texture;
}

/* Not gdk_texture_new_for_pixbuf(): newer GTK deprecates it. */
static GdkTexture *
texture_for_pixbuf (GdkPixbuf *pixbuf)
{
  g_autoptr(GBytes) bytes = gdk_pixbuf_read_pixel_bytes (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);

  g_return_val_if_fail (gdk_pixbuf_get_bits_per_sample (pixbuf) == 8, NULL);

  return gdk_memory_texture_new (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf),
                                 alpha ? GDK_MEMORY_R8G8B8A8 : GDK_MEMORY_R8G8B8, bytes,
                                 gdk_pixbuf_get_rowstride (pixbuf));
}

static gboolean
webp_loader_available (void)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);

      if (g_ascii_strcasecmp (name, "webp") == 0)
        return TRUE;
    }

  return FALSE;
}

/* The format from the first bytes of a tile. */
static const char *
sniff_format (const guint8 *data,
              gsize         len)
{
  if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (len >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "jpg";
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "webp";
  if (len >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return "pbf";
  return NULL;
}

static char *
strip_markup (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (out, *p);
    }

  {
    g_autofree char *s = g_string_free (out, FALSE);
    g_autoptr(GString) decoded = g_string_new (g_strstrip (s));

    g_string_replace (decoded, "&copy;", "©", 0);
    g_string_replace (decoded, "&amp;", "&", 0);
    return g_string_free (g_steal_pointer (&decoded), FALSE);
  }
}

static GdkPixbuf *
decode (const void  *data,
        gsize        len,
        GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GdkPixbuf *pixbuf;

  if (!gdk_pixbuf_loader_write (loader, data, len, error) || !gdk_pixbuf_loader_close (loader, error))
    return NULL;

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_set_error_literal (error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "no image");
      return NULL;
    }

  return g_object_ref (pixbuf);
}

/* Reads the tile at z/x/y (XYZ numbering) into a pixbuf; NULL without error
 * when the file has no such tile. Call with the lock held. */
static GdkPixbuf *
read_tile_locked (DlMbtilesSource  *self,
                  int               zoom,
                  int               x,
                  int               y,
                  GError          **error)
{
  int rc;
  GdkPixbuf *pixbuf = NULL;

  sqlite3_reset (self->tile_stmt);
  sqlite3_bind_int (self->tile_stmt, 1, zoom);
  sqlite3_bind_int (self->tile_stmt, 2, x);
  sqlite3_bind_int (self->tile_stmt, 3, (1 << zoom) - 1 - y); /* TMS rows */

  rc = sqlite3_step (self->tile_stmt);
  if (rc == SQLITE_ROW)
    {
      const void *blob = sqlite3_column_blob (self->tile_stmt, 0);
      int len = sqlite3_column_bytes (self->tile_stmt, 0);

      if (blob != NULL && len > 0)
        pixbuf = decode (blob, (gsize) len, error);
    }
  else if (rc != SQLITE_DONE)
    g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_CORRUPT, "%s", sqlite3_errmsg (self->db));

  sqlite3_reset (self->tile_stmt);
  return pixbuf;
}

/* The tile for z/x/y: the file's own, or past its last zoom the part of its
 * deepest ancestor, enlarged. */
static GdkPixbuf *
load_tile (DlMbtilesSource  *self,
           int               zoom,
           int               x,
           int               y,
           GError          **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  int up = MAX (0, zoom - self->max_zoom);
  int w, h, n, size;

  g_mutex_lock (&self->lock);
  pixbuf = read_tile_locked (self, zoom - up, x >> up, y >> up, error);
  g_mutex_unlock (&self->lock);

  if (pixbuf == NULL || up == 0)
    return g_steal_pointer (&pixbuf);

  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  n = 1 << up;
  size = MAX (1, w / n);
  {
    g_autoptr(GdkPixbuf) part = gdk_pixbuf_new_subpixbuf (pixbuf, (x % n) * w / n, (y % n) * h / n,
                                                          size, MAX (1, h / n));

    return gdk_pixbuf_scale_simple (part, MIN (w, 512), MIN (h, 512), GDK_INTERP_BILINEAR);
  }
}

static gboolean
query_metadata (DlMbtilesSource  *self,
                GHashTable       *metadata,
                GError          **error)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "SELECT name, value FROM metadata", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      if (rc == SQLITE_NOTADB)
        g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_NOT_MBTILES,
                     _("%s is not an MBTiles map file: it is not an SQLite database"), name);
      else if (rc == SQLITE_CORRUPT)
        g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_CORRUPT,
                     _("%s is damaged: %s"), name, sqlite3_errmsg (self->db));
      else
        g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_NOT_MBTILES,
                     _("%s is not an MBTiles map file: it has no “metadata” table (%s)"),
                     name, sqlite3_errmsg (self->db));
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (key != NULL && value != NULL)
        g_hash_table_insert (metadata, g_strdup (key), g_strdup (value));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_CORRUPT,
                   _("%s is damaged: %s"), name, sqlite3_errmsg (self->db));
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_file (DlMbtilesSource  *self,
           GError          **error)
{
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autofree char *path = g_file_get_path (self->file);
  g_autoptr(GHashTable) metadata = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) sample = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *id = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *format, *value;
  const void *blob = NULL;
  int len = 0, rc, sample_zoom = 0, sample_x = 0, sample_row = 0;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_OPEN,
                   _("%s cannot be opened: it is not a file"), name);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_OPEN,
                   _("%s cannot be opened: %s"), name, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }

  if (!query_metadata (self, metadata, error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                           -1, &self->tile_stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_NOT_MBTILES,
                   _("%s is not an MBTiles map file: it has no “tiles” table (%s)"), name, sqlite3_errmsg (self->db));
      return FALSE;
    }

  /* The zoom range the file really holds (an index on zoom_level makes this cheap). */
  rc = sqlite3_prepare_v2 (self->db, "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      self->min_zoom = sqlite3_column_int (stmt, 0);
      self->max_zoom = sqlite3_column_int (stmt, 1);
    }
  else
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_NOT_MBTILES,
                   _("%s holds no map tiles"), name);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);
  if (self->min_zoom < 0 || self->max_zoom > 24 || self->min_zoom > self->max_zoom)
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_CORRUPT,
                   _("%s is damaged: its tiles have zoom levels %d to %d"), name, self->min_zoom, self->max_zoom);
      return FALSE;
    }

  /* One tile, to learn and check the format. */
  rc = sqlite3_prepare_v2 (self->db, "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      sample_zoom = sqlite3_column_int (stmt, 0);
      sample_x = sqlite3_column_int (stmt, 1);
      sample_row = sqlite3_column_int (stmt, 2);
      blob = sqlite3_column_blob (stmt, 3);
      len = sqlite3_column_bytes (stmt, 3);
    }
  format = blob != NULL ? sniff_format (blob, (gsize) len) : NULL;
  value = g_hash_table_lookup (metadata, "format");
  if (format == NULL && value != NULL)
    format = g_str_equal (value, "jpeg") ? "jpg" : value;

  if (g_strcmp0 (format, "pbf") == 0)
    {
#if SHUMATE_CHECK_VERSION (1, 2, 0)
      /* Drawn by libshumate's vector renderer, made on the caller's thread
       * (attach_vector_renderer). */
      sqlite3_finalize (stmt);
      stmt = NULL;
      blob = NULL;
#else
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_UNSUPPORTED,
                   _("%s holds vector tiles, which Dateline cannot draw: choose a map file of image tiles "
                     "(PNG, JPEG or WebP)"),
                   name);
      sqlite3_finalize (stmt);
      return FALSE;
#endif
    }
  if (g_strcmp0 (format, "webp") == 0 && !webp_loader_available ())
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_UNSUPPORTED,
                   _("%s holds WebP tiles, and no WebP image loader is installed (install webp-pixbuf-loader)"),
                   name);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  if (format == NULL || !(g_str_equal (format, "png") || g_str_equal (format, "jpg") || g_str_equal (format, "webp")
#if SHUMATE_CHECK_VERSION (1, 2, 0)
                          || g_str_equal (format, "pbf")
#endif
                          ))
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_UNSUPPORTED,
                   _("%s holds tiles in a format Dateline cannot draw (“%s”)"), name, format ? format : "?");
      sqlite3_finalize (stmt);
      return FALSE;
    }

  if (g_str_equal (format, "pbf"))
    sample = NULL;   /* not an image: the renderer reads its tiles */
  else
    sample = decode (blob, (gsize) len, &local_error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (sample == NULL && !g_str_equal (format, "pbf"))
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_CORRUPT,
                   _("%s is damaged: tile %d/%d/%d cannot be read (%s)"), name,
                   sample_zoom, sample_x, sample_row, local_error->message);
      return FALSE;
    }

  self->format = g_strdup (format);
  self->display_name = g_file_get_basename (self->file);

  value = g_hash_table_lookup (metadata, "attribution");
  attribution = value != NULL ? strip_markup (value) : NULL;
  if (attribution == NULL || *attribution == '\0')
    {
      g_free (attribution);
      /* TRANSLATORS: the attribution of a map file that names none */
      attribution = g_strdup_printf (_("Map: %s"), self->display_name);
    }

  id = g_strdup_printf ("dateline-file-%08x", g_str_hash (path));
  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self), id);
  value = g_hash_table_lookup (metadata, "name");
  shumate_map_source_set_name (SHUMATE_MAP_SOURCE (self), value != NULL ? value : self->display_name);
  shumate_map_source_set_license (SHUMATE_MAP_SOURCE (self), attribution);
  shumate_map_source_set_min_zoom_level (SHUMATE_MAP_SOURCE (self), 0);
  shumate_map_source_set_max_zoom_level (SHUMATE_MAP_SOURCE (self), (guint) self->max_zoom + DL_MBTILES_OVERZOOM);
  shumate_map_source_set_tile_size (SHUMATE_MAP_SOURCE (self), 256);
  shumate_map_source_set_projection (SHUMATE_MAP_SOURCE (self), SHUMATE_MAP_PROJECTION_MERCATOR);

  return TRUE;
}

/* ------------------------------------------------------------------ callbacks */

static void
tile_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DlMbtilesSource *self = source_object;
  TileJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (job->zoom < self->min_zoom)
    {
      g_task_return_pointer (task, g_object_ref (transparent_texture ()), g_object_unref);
      return;
    }

  pixbuf = load_tile (self, job->zoom, job->x, job->y, &error);
  if (error != NULL)
    {
      /* A damaged tile shows the map below, and says why once per tile. */
      g_debug ("%s: tile %d/%d/%d: %s", self->display_name, job->zoom, job->x, job->y, error->message);
    }

  if (pixbuf == NULL)
    g_task_return_pointer (task, g_object_ref (transparent_texture ()), g_object_unref);
  else
    g_task_return_pointer (task, texture_for_pixbuf (pixbuf), g_object_unref);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlMbtilesSource) self = g_object_new (DL_TYPE_MBTILES_SOURCE, NULL);

  self->file = g_object_ref (file);
  if (!open_file (self, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

/* ------------------------------------------------------------------ vfuncs */

static void
on_vector_tile_filled (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
dl_mbtiles_source_fill_tile_async (ShumateMapSource    *source,
                                   ShumateTile         *tile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  DlMbtilesSource *self = DL_MBTILES_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  TileJob *job;

  if (self->vector != NULL)
    {
      /* The renderer fills the tile; this task only reports it. */
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, dl_mbtiles_source_fill_tile_async);
      g_object_set_data (G_OBJECT (task), "vector", GINT_TO_POINTER (TRUE));
      shumate_map_source_fill_tile_async (self->vector, tile, cancellable, on_vector_tile_filled,
                                          g_steal_pointer (&task));
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  job = g_new0 (TileJob, 1);

  g_task_set_source_tag (task, dl_mbtiles_source_fill_tile_async);
  job->zoom = (int) shumate_tile_get_zoom_level (tile);
  job->x = (int) shumate_tile_get_x (tile);
  job->y = (int) shumate_tile_get_y (tile);
  g_task_set_task_data (task, job, g_free);
  g_object_set_data_full (G_OBJECT (task), "tile", g_object_ref (tile), g_object_unref);

  if (job->zoom > 30 || job->x < 0 || job->y < 0 || (job->x >> job->zoom) != 0 || (job->y >> job->zoom) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "No tile %d/%d/%d",
                               job->zoom, job->x, job->y);
      return;
    }

  g_task_run_in_thread (task, tile_thread);
}

static gboolean
dl_mbtiles_source_fill_tile_finish (ShumateMapSource  *source,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  GTask *task = G_TASK (result);
  ShumateTile *tile = g_object_get_data (G_OBJECT (task), "tile");
  g_autoptr(GdkTexture) texture = NULL;

  if (g_object_get_data (G_OBJECT (task), "vector") != NULL)
    return g_task_propagate_boolean (task, error);

  texture = g_task_propagate_pointer (task, error);

  if (texture == NULL)
    return FALSE;

  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  return TRUE;
}

static void
dl_mbtiles_source_finalize (GObject *object)
{
  DlMbtilesSource *self = DL_MBTILES_SOURCE (object);

  g_clear_pointer (&self->tile_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_clear_object (&self->file);
  g_clear_pointer (&self->format, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_object (&self->vector);

  G_OBJECT_CLASS (dl_mbtiles_source_parent_class)->finalize (object);
}

static void
dl_mbtiles_source_class_init (DlMbtilesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = dl_mbtiles_source_finalize;

  source_class->fill_tile_async = dl_mbtiles_source_fill_tile_async;
  source_class->fill_tile_finish = dl_mbtiles_source_fill_tile_finish;
}

static void
dl_mbtiles_source_init (DlMbtilesSource *self)
{
  g_mutex_init (&self->lock);
}

/* ------------------------------------------------------------------ public API */

void
dl_mbtiles_source_new_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_mbtiles_source_new_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, open_thread);
}

/* A vector file gets libshumate's renderer, made here on the caller's
 * thread, in the light or dark style the app shows. */
static ShumateMapSource *
attach_vector_renderer (DlMbtilesSource  *self,
                        GError          **error)
{
#if SHUMATE_CHECK_VERSION (1, 2, 0)
  if (self != NULL && g_strcmp0 (self->format, "pbf") == 0)
    {
      g_autofree char *path = g_file_get_path (self->file);
      g_autoptr(GError) local_error = NULL;
      gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

      self->vector = dl_mbtiles_data_new_renderer (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (self)), path,
                                                   self->min_zoom, self->max_zoom, dark, &local_error);
      self->vector_dark = dark;
      if (self->vector == NULL)
        {
          g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_UNSUPPORTED,
                       _("%s holds vector tiles, which cannot be drawn here: %s"),
                       self->display_name, local_error->message);
          g_object_unref (self);
          return NULL;
        }
    }
#endif
  return SHUMATE_MAP_SOURCE (self);
}

gboolean
dl_mbtiles_source_set_dark (DlMbtilesSource *self,
                            gboolean         dark)
{
  g_return_val_if_fail (DL_IS_MBTILES_SOURCE (self), FALSE);

#if SHUMATE_CHECK_VERSION (1, 2, 0)
  if (self->vector != NULL && self->vector_dark != !!dark)
    {
      g_autofree char *path = g_file_get_path (self->file);
      g_autoptr(GError) error = NULL;
      ShumateMapSource *vector = dl_mbtiles_data_new_renderer (shumate_map_source_get_id (SHUMATE_MAP_SOURCE (self)),
                                                               path, self->min_zoom, self->max_zoom, dark, &error);

      if (vector == NULL)
        {
          g_message ("%s: %s", self->display_name, error->message);
          return FALSE;
        }
      g_clear_object (&self->vector);
      self->vector = vector;
      self->vector_dark = !!dark;
      return TRUE;
    }
#endif
  return FALSE;
}

ShumateMapSource *
dl_mbtiles_source_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return attach_vector_renderer (g_task_propagate_pointer (G_TASK (result), error), error);
}

ShumateMapSource *
dl_mbtiles_source_new_sync (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  task = g_task_new (NULL, cancellable, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread_sync (task, open_thread);

  return attach_vector_renderer (g_task_propagate_pointer (task, error), error);
}

GFile *
dl_mbtiles_source_get_file (DlMbtilesSource *self)
{
  g_return_val_if_fail (DL_IS_MBTILES_SOURCE (self), NULL);

  return self->file;
}

const char *
dl_mbtiles_source_get_format (DlMbtilesSource *self)
{
  g_return_val_if_fail (DL_IS_MBTILES_SOURCE (self), NULL);

  return self->format;
}

int
dl_mbtiles_source_get_min_data_zoom (DlMbtilesSource *self)
{
  g_return_val_if_fail (DL_IS_MBTILES_SOURCE (self), 0);

  return self->min_zoom;
}

int
dl_mbtiles_source_get_max_data_zoom (DlMbtilesSource *self)
{
  g_return_val_if_fail (DL_IS_MBTILES_SOURCE (self), 0);

  return self->max_zoom;
}
