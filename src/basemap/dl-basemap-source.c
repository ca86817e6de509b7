/* dl-basemap-source.c: a ShumateMapSource drawing the offline basemap
 *
 * Tiles are drawn in GLib's worker threads (GTask); the finished texture is
 * handed to the tile on the main thread. Recently drawn tiles are kept in a
 * small LRU cache (main thread only), so panning back and forth is free.
 *
 * Label options (bigger, fewer labels; discs labels keep clear of) can change
 * while tiles are shown: the cache is dropped, the source takes a new id (so
 * ShumateMapLayer's own memory cache, keyed by the id, misses too) and every
 * tile still on screen is drawn again and swapped in place, without a blank
 * frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-basemap-source"

#include <glib/gi18n-lib.h>

#include "dl-basemap-source.h"

/* At 256 px a tile is 256 KiB (1 MiB at 2×). */
#define CACHE_MAX_BYTES (48 * 1024 * 1024)

struct _DlBasemapSource
{
  ShumateMapSource  parent_instance;

  DlBasemap        *basemap;
  DlBasemapStyle    style;
  char             *language;
  int               scale_factor;
  guint             tiles_filled;
  guint             n_pending;  /* tiles asked for and not yet answered */
  DlBasemapLabelOptions labels;
  guint             generation; /* bumped when the label options change */
  double            min_label_px;
  GHashTable       *live;       /* ShumateTile* (weak) → nothing: tiles delivered */

  /* LRU cache: key (guint64 *) -> GList link in lru, whose data is a CacheEntry */
  GHashTable       *cache;
  GQueue            lru;        /* most recent first */
  gsize             cache_bytes;
};

G_DEFINE_FINAL_TYPE (DlBasemapSource, dl_basemap_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  PROP_0,
  PROP_BASEMAP,
  PROP_STYLE,
  PROP_LANGUAGE,
  PROP_SCALE_FACTOR,
  PROP_TILES_FILLED,
  PROP_MIN_LABEL_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  guint64     key;
  GdkTexture *texture;
  gsize       bytes;
} CacheEntry;

typedef struct {
  DlBasemap      *basemap;
  DlBasemapStyle  style;
  char           *language;
  DlBasemapLabelOptions labels;
  guint           generation;
  int             zoom, x, y, scale;
} RenderJob;

typedef struct {
  GdkTexture *texture;
  double      min_font_px;
} RenderResult;

typedef struct {
  ShumateTile *tile;
  guint64      key;
  guint        generation;
} FillData;

static void on_live_tile_finalized (gpointer data, GObject *where_the_object_was);
static void start_render (DlBasemapSource *self, GTask *task, GCancellable *cancellable,
                          int zoom, int x, int y, int scale);

/* ------------------------------------------------------------------ helpers */

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->basemap);
  g_clear_pointer (&job->language, g_free);
  g_free (job);
}

static void
render_result_free (RenderResult *result)
{
  g_clear_object (&result->texture);
  g_free (result);
}

static void
fill_data_free (FillData *data)
{
  g_clear_object (&data->tile);
  g_free (data);
}

static guint64
make_key (int zoom,
          int x,
          int y,
          int scale)
{
  return ((guint64) zoom << 56) | ((guint64) scale << 48)
         | ((guint64) (x & 0xffffff) << 24) | (guint64) (y & 0xffffff);
}

static int
tile_scale_factor (DlBasemapSource *self,
                   ShumateTile     *tile)
{
#if SHUMATE_CHECK_VERSION (1, 1, 0)
  (void) self;
  return CLAMP ((int) shumate_tile_get_scale_factor (tile), 1, 4);
#else
  (void) tile;
  return CLAMP (self->scale_factor, 1, 4);
#endif
}

static GdkTexture *
cache_lookup (DlBasemapSource *self,
              guint64          key)
{
  GList *link = g_hash_table_lookup (self->cache, &key);

  if (link == NULL)
    return NULL;

  g_queue_unlink (&self->lru, link);
  g_queue_push_head_link (&self->lru, link);

  return ((CacheEntry *) link->data)->texture;
}

static void
cache_insert (DlBasemapSource *self,
              guint64          key,
              GdkTexture      *texture)
{
  CacheEntry *entry;

  if (g_hash_table_contains (self->cache, &key))
    return;

  entry = g_new0 (CacheEntry, 1);
  entry->key = key;
  entry->texture = g_object_ref (texture);
  entry->bytes = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 3;

  g_queue_push_head (&self->lru, entry);
  g_hash_table_insert (self->cache, &entry->key, self->lru.head);
  self->cache_bytes += entry->bytes;

  while (self->cache_bytes > CACHE_MAX_BYTES && self->lru.length > 1)
    {
      CacheEntry *old = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->cache, &old->key);
      self->cache_bytes -= old->bytes;
      cache_entry_free (old);
    }
}

static void
cache_clear (DlBasemapSource *self)
{
  if (self->cache != NULL)
    g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->lru, (GDestroyNotify) cache_entry_free);
  self->cache_bytes = 0;
}

/* A tile is opaque (the sea is painted first), so it is handed over as
 * three bytes a pixel: GTK 4.8 converts a texture to cairo's format on
 * every frame its cairo renderer draws it, and from GDK_MEMORY_DEFAULT
 * (cairo's own format) it goes through floats, 1.3 ms a 256-pixel tile
 * (70 ms a 1920×1080 frame), where R8G8B8 has a direct path (0.17 ms).
 * The GL renderer uploads it once either way. Done here, in the tile's
 * thread. */
static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  gsize rgb_stride = (gsize) width * 3;
  guchar *rgb = g_malloc (rgb_stride * (gsize) height);
  g_autoptr(GBytes) bytes = NULL;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      guchar *out = rgb + (gsize) y * rgb_stride;

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x];   /* premultiplied ARGB, opaque here */

          *out++ = (pixel >> 16) & 0xff;
          *out++ = (pixel >> 8) & 0xff;
          *out++ = pixel & 0xff;
        }
    }
  bytes = g_bytes_new_take (rgb, rgb_stride * (gsize) height);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8, bytes, rgb_stride);
}

#define TILE_GENERATION_KEY "dl-basemap-generation"

static void
deliver (DlBasemapSource *self,
         ShumateTile     *tile,
         GdkTexture      *texture,
         guint            generation)
{
  guint shown = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (tile), TILE_GENERATION_KEY));

  /* A redraw for newer label options may have landed first. */
  if (shown > generation + 1)
    return;
  g_object_set_data (G_OBJECT (tile), TILE_GENERATION_KEY, GUINT_TO_POINTER (generation + 1));

  if (!g_hash_table_contains (self->live, tile))
    {
      g_hash_table_add (self->live, tile);
      g_object_weak_ref (G_OBJECT (tile), on_live_tile_finalized, self);
    }

  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  if (shumate_tile_get_state (tile) == SHUMATE_STATE_DONE)
    {
      /* ShumateMapLayer redraws when a tile's state changes, not its paintable. */
      shumate_tile_set_state (tile, SHUMATE_STATE_LOADED);
    }
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);

  self->tiles_filled++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILES_FILLED]);
}

static void
note_label_size (DlBasemapSource *self,
                 double           px)
{
  if (px <= 0 || (self->min_label_px > 0 && px >= self->min_label_px))
    return;

  self->min_label_px = px;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_LABEL_SIZE]);
}

/* ------------------------------------------------------------------ callbacks */

static void
on_live_tile_finalized (gpointer  data,
                        GObject  *where_the_object_was)
{
  DlBasemapSource *self = data;

  g_hash_table_remove (self->live, where_the_object_was);
}

static void
render_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  RenderJob *job = task_data;
  cairo_surface_t *surface;
  RenderResult *result;
  DlBasemapTileStats stats = { 0 };

  if (g_task_return_error_if_cancelled (task))
    return;

  surface = dl_basemap_render_tile_full (job->basemap, job->style, job->language, &job->labels,
                                         job->zoom, job->x, job->y, job->scale, &stats);
  if (surface == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Cannot draw tile %d/%d/%d", job->zoom, job->x, job->y);
      return;
    }

  result = g_new0 (RenderResult, 1);
  result->texture = texture_for_surface (surface);
  result->min_font_px = stats.min_font_px;
  cairo_surface_destroy (surface);

  g_task_return_pointer (task, result, (GDestroyNotify) render_result_free);
}

static void
render_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DlBasemapSource *self = DL_BASEMAP_SOURCE (object);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  FillData *data = g_task_get_task_data (outer);
  RenderResult *rendered;

  rendered = g_task_propagate_pointer (G_TASK (result), &error);
  if (rendered == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  if (data->generation == self->generation)
    {
      cache_insert (self, data->key, rendered->texture);
      note_label_size (self, rendered->min_font_px);
    }

  if (g_task_return_error_if_cancelled (outer))
    {
      render_result_free (rendered);
      return;
    }

  if (data->generation != self->generation
      && !g_hash_table_contains (self->live, data->tile))
    {
      /* The label options changed while it was drawn, and the redraw pass
       * did not see it yet: draw it again with the new ones. */
      render_result_free (rendered);
      data->generation = self->generation;
      start_render (self, g_steal_pointer (&outer), g_task_get_cancellable (G_TASK (result)),
                    (int) shumate_tile_get_zoom_level (data->tile), (int) shumate_tile_get_x (data->tile),
                    (int) shumate_tile_get_y (data->tile), tile_scale_factor (self, data->tile));
      return;
    }

  deliver (self, data->tile, rendered->texture, data->generation);
  render_result_free (rendered);
  g_task_return_boolean (outer, TRUE);
}

/* Draws a tile in a worker thread; @task (a fill task with FillData) is
 * completed when it is delivered. */
static void
start_render (DlBasemapSource *self,
              GTask           *task,
              GCancellable    *cancellable,
              int              zoom,
              int              x,
              int              y,
              int              scale)
{
  g_autoptr(GTask) render = NULL;
  RenderJob *job = g_new0 (RenderJob, 1);

  job->basemap = g_object_ref (self->basemap);
  job->style = self->style;
  job->language = g_strdup (self->language);
  job->labels = self->labels;
  job->generation = self->generation;
  job->zoom = zoom;
  job->x = x;
  job->y = y;
  job->scale = scale;

  render = g_task_new (self, cancellable, render_done, task);
  g_task_set_source_tag (render, start_render);
  g_task_set_task_data (render, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (render, render_thread);
}

/* ------------------------------------------------------------------ vfuncs */

static void
on_fill_completed (GTask           *task,
                   GParamSpec      *pspec,
                   DlBasemapSource *self)
{
  /* The task holds a reference to self until it is gone. */
  g_return_if_fail (self->n_pending > 0);
  self->n_pending--;
}

static void
dl_basemap_source_fill_tile_async (ShumateMapSource    *source,
                                   ShumateTile         *tile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  DlBasemapSource *self = DL_BASEMAP_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  FillData *data;
  GdkTexture *cached;
  int zoom, x, y, scale, n;

  g_return_if_fail (SHUMATE_IS_TILE (tile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_basemap_source_fill_tile_async);
  self->n_pending++;
  g_signal_connect (task, "notify::completed", G_CALLBACK (on_fill_completed), self);

  zoom = (int) shumate_tile_get_zoom_level (tile);
  x = (int) shumate_tile_get_x (tile);
  y = (int) shumate_tile_get_y (tile);
  scale = tile_scale_factor (self, tile);
  n = zoom <= 20 ? 1 << zoom : 0;

  if (zoom < DL_BASEMAP_MIN_ZOOM || zoom > DL_BASEMAP_MAX_ZOOM || x < 0 || y < 0 || x >= n || y >= n)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "No tile %d/%d/%d", zoom, x, y);
      return;
    }

  data = g_new0 (FillData, 1);
  data->tile = g_object_ref (tile);
  data->key = make_key (zoom, x, y, scale);
  data->generation = self->generation;
  g_task_set_task_data (task, data, (GDestroyNotify) fill_data_free);

  cached = cache_lookup (self, data->key);
  if (cached != NULL)
    {
      deliver (self, tile, cached, self->generation);
      g_task_return_boolean (task, TRUE);
      return;
    }

  start_render (self, g_steal_pointer (&task), cancellable, zoom, x, y, scale);
}

static gboolean
dl_basemap_source_fill_tile_finish (ShumateMapSource  *source,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
dl_basemap_source_constructed (GObject *object)
{
  DlBasemapSource *self = DL_BASEMAP_SOURCE (object);
  ShumateMapSource *source = SHUMATE_MAP_SOURCE (object);

  G_OBJECT_CLASS (dl_basemap_source_parent_class)->constructed (object);

  g_assert (self->basemap != NULL);

  shumate_map_source_set_id (source, DL_BASEMAP_SOURCE_ID);
  shumate_map_source_set_name (source, _("Offline map"));
  shumate_map_source_set_license (source, dl_basemap_get_license_text ());
  shumate_map_source_set_license_uri (source, dl_basemap_get_license_uri ());
  shumate_map_source_set_min_zoom_level (source, DL_BASEMAP_MIN_ZOOM);
  shumate_map_source_set_max_zoom_level (source, DL_BASEMAP_MAX_ZOOM);
  shumate_map_source_set_tile_size (source, DL_BASEMAP_TILE_SIZE);
  shumate_map_source_set_projection (source, SHUMATE_MAP_PROJECTION_MERCATOR);
}

static void
dl_basemap_source_dispose (GObject *object)
{
  DlBasemapSource *self = DL_BASEMAP_SOURCE (object);

  cache_clear (self);
  if (self->live != NULL)
    {
      GHashTableIter iter;
      gpointer tile;

      g_hash_table_iter_init (&iter, self->live);
      while (g_hash_table_iter_next (&iter, &tile, NULL))
        g_object_weak_unref (G_OBJECT (tile), on_live_tile_finalized, self);
      g_hash_table_remove_all (self->live);
    }
  g_clear_object (&self->basemap);

  G_OBJECT_CLASS (dl_basemap_source_parent_class)->dispose (object);
}

static void
dl_basemap_source_finalize (GObject *object)
{
  DlBasemapSource *self = DL_BASEMAP_SOURCE (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (dl_basemap_source_parent_class)->finalize (object);
}

static void
dl_basemap_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DlBasemapSource *self = DL_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      g_value_set_object (value, self->basemap);
      break;
    case PROP_STYLE:
      g_value_set_enum (value, self->style);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_SCALE_FACTOR:
      g_value_set_int (value, self->scale_factor);
      break;
    case PROP_TILES_FILLED:
      g_value_set_uint (value, self->tiles_filled);
      break;
    case PROP_MIN_LABEL_SIZE:
      g_value_set_double (value, self->min_label_px);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_basemap_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  DlBasemapSource *self = DL_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_BASEMAP:
      self->basemap = g_value_dup_object (value);
      break;
    case PROP_STYLE:
      self->style = g_value_get_enum (value);
      break;
    case PROP_LANGUAGE:
      g_free (self->language);
      self->language = g_strdup (dl_basemap_resolve_language (g_value_get_string (value)));
      break;
    case PROP_SCALE_FACTOR:
      dl_basemap_source_set_scale_factor (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_basemap_source_class_init (DlBasemapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->constructed = dl_basemap_source_constructed;
  object_class->dispose = dl_basemap_source_dispose;
  object_class->finalize = dl_basemap_source_finalize;
  object_class->get_property = dl_basemap_source_get_property;
  object_class->set_property = dl_basemap_source_set_property;

  source_class->fill_tile_async = dl_basemap_source_fill_tile_async;
  source_class->fill_tile_finish = dl_basemap_source_fill_tile_finish;

  properties[PROP_BASEMAP] =
    g_param_spec_object ("basemap", NULL, NULL,
                         DL_TYPE_BASEMAP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_STYLE] =
    g_param_spec_enum ("style", NULL, NULL,
                       DL_TYPE_BASEMAP_STYLE, DL_BASEMAP_STYLE_LIGHT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SCALE_FACTOR] =
    g_param_spec_int ("scale-factor", NULL, NULL,
                      1, 4, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TILES_FILLED] =
    g_param_spec_uint ("tiles-filled", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MIN_LABEL_SIZE] =
    g_param_spec_double ("min-label-size", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_basemap_source_init (DlBasemapSource *self)
{
  self->scale_factor = 1;
  self->language = g_strdup (dl_basemap_resolve_language (NULL));
  self->cache = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->live = g_hash_table_new (NULL, NULL);
  dl_basemap_label_options_init (&self->labels);
  g_queue_init (&self->lru);
}

/* ------------------------------------------------------------------ public API */

ShumateMapSource *
dl_basemap_source_new (DlBasemap      *basemap,
                       DlBasemapStyle  style,
                       const char     *language)
{
  g_return_val_if_fail (DL_IS_BASEMAP (basemap), NULL);

  return g_object_new (DL_TYPE_BASEMAP_SOURCE,
                       "basemap", basemap,
                       "style", style,
                       "language", language,
                       NULL);
}

DlBasemap *
dl_basemap_source_get_basemap (DlBasemapSource *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP_SOURCE (self), NULL);

  return self->basemap;
}

DlBasemapStyle
dl_basemap_source_get_style (DlBasemapSource *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP_SOURCE (self), DL_BASEMAP_STYLE_LIGHT);

  return self->style;
}

const char *
dl_basemap_source_get_language (DlBasemapSource *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP_SOURCE (self), NULL);

  return self->language;
}

int
dl_basemap_source_get_scale_factor (DlBasemapSource *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP_SOURCE (self), 1);

  return self->scale_factor;
}

void
dl_basemap_source_set_scale_factor (DlBasemapSource *self,
                                    int              scale_factor)
{
  g_return_if_fail (DL_IS_BASEMAP_SOURCE (self));

  scale_factor = CLAMP (scale_factor, 1, 4);
  if (self->scale_factor == scale_factor)
    return;

  self->scale_factor = scale_factor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_FACTOR]);
}

guint
dl_basemap_source_get_tiles_filled (DlBasemapSource *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP_SOURCE (self), 0);

  return self->tiles_filled;
}

const DlBasemapLabelOptions *
dl_basemap_source_get_label_options (DlBasemapSource *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP_SOURCE (self), NULL);

  return &self->labels;
}

void
dl_basemap_source_set_label_options (DlBasemapSource             *self,
                                     const DlBasemapLabelOptions *options)
{
  static const DlBasemapLabelOptions defaults = DL_BASEMAP_LABEL_OPTIONS_INIT;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) tiles = NULL;
  GHashTableIter iter;
  gpointer tile;

  g_return_if_fail (DL_IS_BASEMAP_SOURCE (self));

  if (options == NULL)
    options = &defaults;
  if (dl_basemap_label_options_equal (&self->labels, options))
    return;

  self->labels = *options;
  self->labels.n_avoid = MIN (self->labels.n_avoid, DL_BASEMAP_MAX_AVOID);
  self->generation++;
  self->min_label_px = 0;
  cache_clear (self);

  id = g_strdup_printf ("%s-%u", DL_BASEMAP_SOURCE_ID, self->generation);
  shumate_map_source_set_id (SHUMATE_MAP_SOURCE (self), id);

  /* Draw again what is on screen; the old pictures stay until then. */
  tiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &tile, NULL))
    g_ptr_array_add (tiles, g_object_ref (tile));

  for (guint i = 0; i < tiles->len; i++)
    {
      ShumateTile *t = g_ptr_array_index (tiles, i);
      GTask *task = g_task_new (self, NULL, NULL, NULL);
      FillData *data = g_new0 (FillData, 1);
      int scale = tile_scale_factor (self, t);
      int zoom = (int) shumate_tile_get_zoom_level (t);
      int x = (int) shumate_tile_get_x (t);
      int y = (int) shumate_tile_get_y (t);

      data->tile = g_object_ref (t);
      data->key = make_key (zoom, x, y, scale);
      data->generation = self->generation;
      g_task_set_task_data (task, data, (GDestroyNotify) fill_data_free);
      start_render (self, task, NULL, zoom, x, y, scale);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_LABEL_SIZE]);
}

double
dl_basemap_source_get_min_label_size (DlBasemapSource *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP_SOURCE (self), 0);

  return self->min_label_px;
}

guint
dl_basemap_source_get_n_pending (DlBasemapSource *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP_SOURCE (self), 0);

  return self->n_pending;
}
