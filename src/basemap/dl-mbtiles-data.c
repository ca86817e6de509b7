/* dl-mbtiles-data.c: the tiles of a vector MBTiles file, for libshumate's
 * vector renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "dl-basemap-styles.h"
#include "dl-mbtiles-data.h"
#include "dl-mbtiles-source.h"

#if SHUMATE_CHECK_VERSION (1, 2, 0)

struct _DlMbtilesData
{
  ShumateDataSource  parent_instance;

  GMutex             lock;   /* guards db and stmt */
  sqlite3           *db;
  sqlite3_stmt      *stmt;
};

G_DEFINE_FINAL_TYPE (DlMbtilesData, dl_mbtiles_data, SHUMATE_TYPE_DATA_SOURCE)

typedef struct {
  int x, y, zoom;
} TileKey;

/* MBTiles' vector tiles are gzipped by the common tools; some are not. */
static GBytes *
gunzip_if_needed (const guint8  *data,
                  gsize          len,
                  GError       **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GByteArray) out = NULL;
  gsize in_pos = 0;

  if (len < 2 || data[0] != 0x1f || data[1] != 0x8b)
    return g_bytes_new (data, len);

  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  out = g_byte_array_sized_new (len * 4);
  for (;;)
    {
      guint8 buffer[16384];
      gsize read = 0, written = 0;
      GConverterResult result = g_converter_convert (G_CONVERTER (decompressor), data + in_pos, len - in_pos,
                                                     buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                                     &read, &written, error);

      if (result == G_CONVERTER_ERROR)
        return NULL;
      in_pos += read;
      g_byte_array_append (out, buffer, written);
      if (result == G_CONVERTER_FINISHED)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DlMbtilesData *self = source_object;
  const TileKey *key = task_data;
  g_autoptr(GError) error = NULL;
  GBytes *bytes = NULL;
  int rc;

  g_mutex_lock (&self->lock);
  sqlite3_reset (self->stmt);
  sqlite3_bind_int (self->stmt, 1, key->zoom);
  sqlite3_bind_int (self->stmt, 2, key->x);
  sqlite3_bind_int (self->stmt, 3, (1 << key->zoom) - 1 - key->y); /* TMS rows */
  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    bytes = gunzip_if_needed (sqlite3_column_blob (self->stmt, 0), (gsize) sqlite3_column_bytes (self->stmt, 0),
                              &error);
  else if (rc == SQLITE_DONE)
    bytes = g_bytes_new (NULL, 0);
  else
    g_set_error (&error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_CORRUPT, "%s", sqlite3_errmsg (self->db));
  sqlite3_reset (self->stmt);
  g_mutex_unlock (&self->lock);

  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
dl_mbtiles_data_get_tile_data_async (ShumateDataSource   *source,
                                     int                  x,
                                     int                  y,
                                     int                  zoom,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  TileKey *key = g_new (TileKey, 1);

  key->x = x;
  key->y = y;
  key->zoom = zoom;
  g_task_set_source_tag (task, dl_mbtiles_data_get_tile_data_async);
  g_task_set_task_data (task, key, g_free);
  g_task_run_in_thread (task, read_thread);
}

static GBytes *
dl_mbtiles_data_get_tile_data_finish (ShumateDataSource  *source,
                                      GAsyncResult       *result,
                                      GError            **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
dl_mbtiles_data_finalize (GObject *object)
{
  DlMbtilesData *self = DL_MBTILES_DATA (object);

  g_clear_pointer (&self->stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (dl_mbtiles_data_parent_class)->finalize (object);
}

static void
dl_mbtiles_data_class_init (DlMbtilesDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = dl_mbtiles_data_finalize;
  source_class->get_tile_data_async = dl_mbtiles_data_get_tile_data_async;
  source_class->get_tile_data_finish = dl_mbtiles_data_get_tile_data_finish;
}

static void
dl_mbtiles_data_init (DlMbtilesData *self)
{
  g_mutex_init (&self->lock);
}

DlMbtilesData *
dl_mbtiles_data_new (const char  *path,
                     int          min_zoom,
                     int          max_zoom,
                     GError     **error)
{
  g_autoptr(DlMbtilesData) self = g_object_new (DL_TYPE_MBTILES_DATA, NULL);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (self->db,
                             "SELECT tile_data FROM tiles WHERE zoom_level = ?1 AND tile_column = ?2 AND tile_row = ?3",
                             -1, &self->stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_OPEN, "%s", sqlite3_errmsg (self->db));
      return NULL;
    }

  shumate_data_source_set_min_zoom_level (SHUMATE_DATA_SOURCE (self), (guint) min_zoom);
  shumate_data_source_set_max_zoom_level (SHUMATE_DATA_SOURCE (self), (guint) max_zoom);
  return g_steal_pointer (&self);
}

ShumateMapSource *
dl_mbtiles_data_new_renderer (const char  *id,
                              const char  *path,
                              int          min_zoom,
                              int          max_zoom,
                              gboolean     dark,
                              GError     **error)
{
  g_autoptr(GBytes) style = NULL;
  g_autoptr(ShumateVectorRenderer) renderer = NULL;
  g_autoptr(DlMbtilesData) data = NULL;

  if (!shumate_vector_renderer_is_supported ())
    {
      g_set_error_literal (error, DL_MBTILES_ERROR, DL_MBTILES_ERROR_UNSUPPORTED,
                           _("this libshumate was built without its vector renderer"));
      return NULL;
    }

  /* From this library's own resource: it is linked into tools and tests
   * that do not carry the app's. */
  style = g_resource_lookup_data (dl_basemap_styles_get_resource (),
                                  dark ? "/io/github/datelineapp/Dateline/styles/vector-dark.json"
                                       : "/io/github/datelineapp/Dateline/styles/vector-light.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (style == NULL)
    return NULL;
  renderer = shumate_vector_renderer_new (id, g_bytes_get_data (style, NULL), error);
  if (renderer == NULL)
    return NULL;
  data = dl_mbtiles_data_new (path, min_zoom, max_zoom, error);
  if (data == NULL)
    return NULL;

  /* The style's one source is named "openmaptiles", as in the schema's
   * own styles. */
  shumate_vector_renderer_set_data_source (renderer, "openmaptiles", SHUMATE_DATA_SOURCE (data));
  return SHUMATE_MAP_SOURCE (g_steal_pointer (&renderer));
}

#endif
