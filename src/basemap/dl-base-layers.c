/* dl-base-layers.c: the one base-map setup of every ShumateMap in Dateline
 *
 * See dl-base-layers.h. Everything that decides which tiles lie under the
 * events lives here, so the window and the presentation cannot drift apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-base-layers"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "dl-base-layers.h"
#include "dl-basemap-source.h"
#include "dl-mbtiles-source.h"

struct _DlBaseLayers
{
  GObject                parent_instance;

  ShumateMap            *map;       /* weak */
  ShumateLicense        *license;
  GSettings             *settings;

  ShumateMapSource      *source;    /* the built-in map, OSM, or a reference only */
  ShumateMapLayer       *layer;
  ShumateMapSource      *file_source;
  ShumateMapLayer       *file_layer;

  GFile                 *override_file;
  GFile                 *opening;   /* the file being opened, or NULL */
  GCancellable          *cancellable;
  char                  *error;

  DlBasemapLabelOptions  labels;
};

G_DEFINE_FINAL_TYPE (DlBaseLayers, dl_base_layers, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ERROR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ helpers */

static gboolean
use_online (DlBaseLayers *self)
{
  g_autofree char *choice = NULL;

  if (self->settings == NULL)
    return FALSE;

  choice = g_settings_get_string (self->settings, "basemap");
  return g_str_equal (choice, "openstreetmap");
}

static void
set_error (DlBaseLayers *self,
           const char   *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Base layers go under every other layer of the map. */
static void
insert_at_bottom (DlBaseLayers *self,
                  ShumateLayer *layer)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->map));

  while (first != NULL && !SHUMATE_IS_LAYER (first))
    first = gtk_widget_get_next_sibling (first);

  if (first != NULL)
    shumate_map_insert_layer_behind (self->map, layer, SHUMATE_LAYER (first));
  else
    shumate_map_add_layer (self->map, layer);
}

static void
remove_layer (DlBaseLayers      *self,
              ShumateMapLayer  **layer,
              ShumateMapSource **source)
{
  if (*layer != NULL)
    {
      if (self->map != NULL)
        shumate_map_remove_layer (self->map, SHUMATE_LAYER (*layer));
      *layer = NULL;
    }
  if (*source != NULL)
    {
      if (self->license != NULL)
        shumate_license_remove_map_source (self->license, *source);
      g_clear_object (source);
    }
}

/* The viewport's zoom range: the deepest any shown source goes. */
static void
update_zoom_range (DlBaseLayers *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  guint max_zoom = DL_BASEMAP_MAX_ZOOM;

  if (self->source != NULL)
    max_zoom = shumate_map_source_get_max_zoom_level (self->source);
  if (self->file_source != NULL)
    max_zoom = MAX (max_zoom, shumate_map_source_get_max_zoom_level (self->file_source));

  shumate_viewport_set_max_zoom_level (viewport, max_zoom);
}

static void
show_file_source (DlBaseLayers     *self,
                  ShumateMapSource *source)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  remove_layer (self, &self->file_layer, &self->file_source);
  if (source == NULL)
    {
      update_zoom_range (self);
      return;
    }

  self->file_source = g_object_ref (source);
  self->file_layer = shumate_map_layer_new (source, viewport);
  /* above the built-in map, under everything else */
  if (self->layer != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (self->layer));

      if (next != NULL && SHUMATE_IS_LAYER (next))
        shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->file_layer), SHUMATE_LAYER (next));
      else
        shumate_map_add_layer (self->map, SHUMATE_LAYER (self->file_layer));
    }
  else
    insert_at_bottom (self, SHUMATE_LAYER (self->file_layer));
  if (self->license != NULL)
    shumate_license_append_map_source (self->license, source);
  update_zoom_range (self);

  /* libshumate 1.0's map layer asks for its tiles when the viewport changes,
   * not when it is added to a map already on screen: tell it where it is. */
  g_object_notify (G_OBJECT (viewport), "zoom-level");
  gtk_widget_queue_allocate (GTK_WIDGET (self->map));
}

/* Rebuilds the lower layer: built-in map (light or dark), or OpenStreetMap
 * when the user turned it on. */
static void
rebuild_base (DlBaseLayers *self)
{
  ShumateViewport *viewport;

  if (self->map == NULL)
    return;

  viewport = shumate_map_get_viewport (self->map);
  remove_layer (self, &self->layer, &self->source);

  if (use_online (self))
    {
      g_autoptr(ShumateMapSourceRegistry) registry = shumate_map_source_registry_new_with_defaults ();
      g_autofree char *agent = g_strdup_printf ("Dateline/%s (+https://github.com/datelineapp/dateline)",
                                                PACKAGE_VERSION);

      /* OpenStreetMap's tile policy asks for an identifying user agent. */
      shumate_set_user_agent (agent);
      self->source = g_object_ref (shumate_map_source_registry_get_by_id (registry,
                                                                          SHUMATE_MAP_SOURCE_OSM_MAPNIK));
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DlBasemap) basemap = dl_basemap_open_default (&error);
      gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

      if (basemap == NULL)
        g_warning ("The offline basemap is unavailable: %s", error->message);
      else
        {
          self->source = dl_basemap_source_new (basemap, dark ? DL_BASEMAP_STYLE_DARK : DL_BASEMAP_STYLE_LIGHT,
                                                NULL);
          dl_basemap_source_set_scale_factor (DL_BASEMAP_SOURCE (self->source),
                                              gtk_widget_get_scale_factor (GTK_WIDGET (self->map)));
          dl_basemap_source_set_label_options (DL_BASEMAP_SOURCE (self->source), &self->labels);
        }
    }

  if (self->source == NULL)
    {
      /* Only as the viewport's reference (zoom range, tile size): no layer, no downloads. */
      self->source = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full_from_url (
          "reference", "reference", "", "", 0, DL_BASEMAP_MAX_ZOOM, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
          "http://localhost/#Z#/#X#/#Y#.png"));
      shumate_viewport_set_reference_map_source (viewport, self->source);
      update_zoom_range (self);
      return;
    }

  shumate_viewport_set_reference_map_source (viewport, self->source);
  self->layer = shumate_map_layer_new (self->source, viewport);
  insert_at_bottom (self, SHUMATE_LAYER (self->layer));
  if (self->license != NULL)
    shumate_license_append_map_source (self->license, self->source);
  update_zoom_range (self);
}

static GFile *
wanted_file (DlBaseLayers *self)
{
  g_autofree char *path = NULL;

  if (self->override_file != NULL)
    return g_object_ref (self->override_file);
  if (self->settings == NULL)
    return NULL;

  path = g_settings_get_string (self->settings, "offline-map-file");
  if (path == NULL || *path == '\0')
    return NULL;

  return g_file_new_for_path (path);
}

static void
on_file_opened (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DlBaseLayers) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = dl_mbtiles_source_new_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->opening);
  g_clear_object (&self->cancellable);

  if (source == NULL)
    {
      /* The previous base map stays as it was. */
      g_message ("%s", error->message);
      set_error (self, error->message);
    }
  else if (self->map != NULL)
    {
      set_error (self, NULL);
      show_file_source (self, source);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_file (DlBaseLayers *self)
{
  g_autoptr(GFile) file = wanted_file (self);

  if (self->map == NULL)
    return;

  if (file == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      g_clear_object (&self->opening);
      show_file_source (self, NULL);
      set_error (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      return;
    }

  if (self->file_source != NULL
      && g_file_equal (file, dl_mbtiles_source_get_file (DL_MBTILES_SOURCE (self->file_source))))
    return;
  if (self->opening != NULL && g_file_equal (file, self->opening))
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_set_object (&self->opening, file);
  dl_mbtiles_source_new_async (file, self->cancellable, on_file_opened, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ------------------------------------------------------------------ callbacks */

static void
on_style_changed (DlBaseLayers *self)
{
  /* OpenStreetMap's tiles have one style; the offline map follows dark mode
   * and the scale factor. */
  if (!use_online (self))
    rebuild_base (self);

  /* A vector map file follows too: a new layer, so no tile keeps the old style. */
  if (self->file_source != NULL
      && dl_mbtiles_source_set_dark (DL_MBTILES_SOURCE (self->file_source),
                                     adw_style_manager_get_dark (adw_style_manager_get_default ())))
    {
      g_autoptr(ShumateMapSource) source = g_object_ref (self->file_source);

      show_file_source (self, source);
    }
}

static void
on_setting_changed (DlBaseLayers *self,
                    const char   *key)
{
  if (g_strcmp0 (key, "basemap") == 0)
    rebuild_base (self);
  else if (g_strcmp0 (key, "offline-map-file") == 0)
    update_file (self);
}

static void
on_map_gone (gpointer  data,
             GObject  *where_the_object_was)
{
  DlBaseLayers *self = data;

  /* The layers went with the map. */
  self->map = NULL;
  self->layer = NULL;
  self->file_layer = NULL;
  g_cancellable_cancel (self->cancellable);
}

/* ------------------------------------------------------------------ vfuncs */

static void
dl_base_layers_dispose (GObject *object)
{
  DlBaseLayers *self = DL_BASE_LAYERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->map != NULL)
    {
      remove_layer (self, &self->file_layer, &self->file_source);
      remove_layer (self, &self->layer, &self->source);
      g_signal_handlers_disconnect_by_data (self->map, self);
      g_object_weak_unref (G_OBJECT (self->map), on_map_gone, self);
      self->map = NULL;
    }
  g_clear_object (&self->source);
  g_clear_object (&self->file_source);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->license);
  g_clear_object (&self->override_file);
  g_clear_object (&self->opening);

  G_OBJECT_CLASS (dl_base_layers_parent_class)->dispose (object);
}

static void
dl_base_layers_finalize (GObject *object)
{
  DlBaseLayers *self = DL_BASE_LAYERS (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (dl_base_layers_parent_class)->finalize (object);
}

static void
dl_base_layers_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DlBaseLayers *self = DL_BASE_LAYERS (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, dl_base_layers_is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_base_layers_class_init (DlBaseLayersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_base_layers_dispose;
  object_class->finalize = dl_base_layers_finalize;
  object_class->get_property = dl_base_layers_get_property;

  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_base_layers_init (DlBaseLayers *self)
{
  dl_basemap_label_options_init (&self->labels);
}

/* ------------------------------------------------------------------ public API */

DlBaseLayers *
dl_base_layers_new (ShumateMap     *map,
                    ShumateLicense *license)
{
  DlBaseLayers *self;

  g_return_val_if_fail (SHUMATE_IS_MAP (map), NULL);
  g_return_val_if_fail (license == NULL || SHUMATE_IS_LICENSE (license), NULL);

  self = g_object_new (DL_TYPE_BASE_LAYERS, NULL);
  self->map = map;
  g_object_weak_ref (G_OBJECT (map), on_map_gone, self);
  if (license != NULL)
    self->license = g_object_ref (license);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_style_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (map, "notify::scale-factor", G_CALLBACK (on_style_changed), self);

  /* The app's settings when installed (an uninstalled run may lack them). */
  {
    GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = NULL;

    if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) != NULL
        && g_settings_schema_has_key (schema, "offline-map-file"))
      {
        g_autoptr(GSettings) settings = g_settings_new (APP_ID);

        dl_base_layers_set_settings (self, settings);
        return self;
      }
  }

  rebuild_base (self);

  return self;
}

void
dl_base_layers_set_settings (DlBaseLayers *self,
                             GSettings    *settings)
{
  g_return_if_fail (DL_IS_BASE_LAYERS (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings && settings != NULL)
    return;

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_swapped (settings, "changed", G_CALLBACK (on_setting_changed), self);

  rebuild_base (self);
  update_file (self);
}

void
dl_base_layers_set_map_file (DlBaseLayers *self,
                             GFile        *file)
{
  g_return_if_fail (DL_IS_BASE_LAYERS (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->override_file, file);
  update_file (self);
}

void
dl_base_layers_set_label_options (DlBaseLayers                *self,
                                  const DlBasemapLabelOptions *options)
{
  g_return_if_fail (DL_IS_BASE_LAYERS (self));

  if (options != NULL)
    self->labels = *options;
  else
    dl_basemap_label_options_init (&self->labels);

  if (self->source != NULL && DL_IS_BASEMAP_SOURCE (self->source))
    dl_basemap_source_set_label_options (DL_BASEMAP_SOURCE (self->source), &self->labels);
}

ShumateMapSource *
dl_base_layers_get_builtin_source (DlBaseLayers *self)
{
  g_return_val_if_fail (DL_IS_BASE_LAYERS (self), NULL);

  return self->layer != NULL && DL_IS_BASEMAP_SOURCE (self->source) ? self->source : NULL;
}

ShumateMapSource *
dl_base_layers_get_file_source (DlBaseLayers *self)
{
  g_return_val_if_fail (DL_IS_BASE_LAYERS (self), NULL);

  return self->file_source;
}

const char *
dl_base_layers_get_error (DlBaseLayers *self)
{
  g_return_val_if_fail (DL_IS_BASE_LAYERS (self), NULL);

  return self->error;
}

gboolean
dl_base_layers_is_busy (DlBaseLayers *self)
{
  g_return_val_if_fail (DL_IS_BASE_LAYERS (self), FALSE);

  return self->opening != NULL;
}

gboolean
dl_base_layers_is_drawing (DlBaseLayers *self)
{
  ShumateMapSource *builtin;

  g_return_val_if_fail (DL_IS_BASE_LAYERS (self), FALSE);

  builtin = dl_base_layers_get_builtin_source (self);
  return dl_base_layers_is_busy (self)
         || (builtin != NULL && dl_basemap_source_get_n_pending (DL_BASEMAP_SOURCE (builtin)) > 0);
}
