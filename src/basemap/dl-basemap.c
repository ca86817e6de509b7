/* dl-basemap.c: the bundled offline basemap data (open, validate, share)
 *
 * The data is one memory-mapped file (tools/basemap/README.md): per level of
 * detail a quadtree of land polygons (clipped to the nodes, so a tile only
 * decodes what it touches) and one of border lines (chunks of at most 32
 * points, never clipped, so dashes run on across tiles), plus the place
 * labels with their positions already decided per zoom for the whole map.
 * Label placement is global, so neighbouring tiles agree: a label that
 * straddles a tile edge is drawn whole by both tiles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-basemap"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-basemap.h"
#include "dl-basemap-private.h"

G_DEFINE_FINAL_TYPE (DlBasemap, dl_basemap, G_TYPE_OBJECT)

G_DEFINE_QUARK (dl-basemap-error-quark, dl_basemap_error)


/* ------------------------------------------------------------------ helpers */

static GType
dl_basemap_style_register (void)
{
  static const GEnumValue values[] = {
    { DL_BASEMAP_STYLE_LIGHT, "DL_BASEMAP_STYLE_LIGHT", "light" },
    { DL_BASEMAP_STYLE_DARK, "DL_BASEMAP_STYLE_DARK", "dark" },
    { 0, NULL, NULL },
  };

  return g_enum_register_static (g_intern_static_string ("DlBasemapStyle"), values);
}

GType
dl_basemap_style_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, dl_basemap_style_register ());

  return type_id;
}

static gboolean
section_ok (gsize   file_size,
            guint32 offset,
            guint64 count,
            gsize   elem_size)
{
  if (offset % 8 != 0)
    return FALSE;
  if (offset > file_size)
    return FALSE;
  return count <= (file_size - offset) / elem_size;
}

static gboolean
validate (DlBasemap  *self,
          GError    **error)
{
  const DlBmHeader *h;
  guint32 i;

#define INVALID(what) \
  G_STMT_START { \
    g_set_error (error, DL_BASEMAP_ERROR, DL_BASEMAP_ERROR_INVALID, \
                 _("%s: not a valid Dateline basemap (%s)"), self->path, what); \
    return FALSE; \
  } G_STMT_END

  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    INVALID ("big-endian hosts are not supported");
  if (self->size < sizeof (DlBmHeader))
    INVALID ("too short");

  h = (const DlBmHeader *) self->data;
  if (memcmp (h->magic, DL_BASEMAP_MAGIC, 8) != 0)
    INVALID ("bad magic");
  if (h->version != DL_BASEMAP_VERSION)
    INVALID ("unsupported version");
  if (h->file_size != self->size || h->header_size < sizeof (DlBmHeader))
    INVALID ("bad size");
  if (h->units_log2 < 20 || h->units_log2 > 30)
    INVALID ("bad units");
  if (h->n_lods == 0 || h->n_lods > 32
      || !section_ok (self->size, h->lods_offset, h->n_lods, sizeof (DlBmLod))
      || !section_ok (self->size, h->nodes_offset, h->n_nodes, sizeof (DlBmNode))
      || !section_ok (self->size, h->geoms_offset, h->n_geoms, sizeof (DlBmGeom))
      || !section_ok (self->size, h->points_offset, h->points_size, 1)
      || !section_ok (self->size, h->places_offset, h->n_places, sizeof (DlBmPlace))
      || !section_ok (self->size, h->strings_offset, h->strings_size, 1)
      || h->strings_size == 0)
    INVALID ("bad section");

  self->header = h;
  self->lods = (const DlBmLod *) (self->data + h->lods_offset);
  self->nodes = (const DlBmNode *) (self->data + h->nodes_offset);
  self->geoms = (const DlBmGeom *) (self->data + h->geoms_offset);
  self->points = self->data + h->points_offset;
  self->places = (const DlBmPlace *) (self->data + h->places_offset);
  self->strings = (const char *) (self->data + h->strings_offset);

  if (self->strings[h->strings_size - 1] != '\0')
    INVALID ("bad strings");

  for (i = 0; i < h->n_lods; i++)
    {
      const DlBmLod *lod = &self->lods[i];

      if (lod->land_root >= h->n_nodes || lod->line_root >= h->n_nodes
          || lod->water_root >= h->n_nodes || lod->urban_root >= h->n_nodes
          || lod->zoom > 24 || (guint) lod->shift >= h->units_log2
          || (i > 0 && lod->zoom <= self->lods[i - 1].zoom))
        INVALID ("bad level of detail");
    }

  /* Children always follow their parent, so walks terminate. */
  for (i = 0; i < h->n_nodes; i++)
    {
      const DlBmNode *node = &self->nodes[i];

      if (node->first_child != 0
          && (node->first_child <= i || node->first_child > h->n_nodes - 4))
        INVALID ("bad node");
      if (node->geom_first > h->n_geoms || node->geom_count > h->n_geoms - node->geom_first)
        INVALID ("bad node geometry");
    }

  for (i = 0; i < h->n_geoms; i++)
    {
      const DlBmGeom *geom = &self->geoms[i];

      if (geom->offset >= h->points_size || geom->n_points < 2 || geom->n_points > (1u << 24))
        INVALID ("bad geometry");
    }

  for (i = 0; i < h->n_places; i++)
    {
      const DlBmPlace *place = &self->places[i];

      for (guint l = 0; l < 3; l++)
        if (place->name[l] >= h->strings_size)
          INVALID ("bad place name");
      if (place->size_class >= DL_BASEMAP_N_SIZE_CLASSES || !isfinite (place->width_em)
          || place->width_em < 0 || place->width_em > 100)
        INVALID ("bad place");
    }

#undef INVALID

  return TRUE;
}


/* ------------------------------------------------------------------ vfuncs */

static void
dl_basemap_finalize (GObject *object)
{
  DlBasemap *self = (DlBasemap *) object;

  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (dl_basemap_parent_class)->finalize (object);
}

static void
dl_basemap_class_init (DlBasemapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dl_basemap_finalize;
}

static void
dl_basemap_init (DlBasemap *self G_GNUC_UNUSED)
{
}

/* ------------------------------------------------------------------ public API */

DlBasemap *
dl_basemap_new_for_path (const char  *path,
                         GError     **error)
{
  g_autoptr(DlBasemap) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (DL_TYPE_BASEMAP, NULL);
  self->path = g_strdup (path);
  self->mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (self->mapped == NULL)
    {
      g_set_error (error, DL_BASEMAP_ERROR, DL_BASEMAP_ERROR_NOT_FOUND,
                   _("Could not open the offline map data: %s"), local_error->message);
      return NULL;
    }

  self->data = (const guint8 *) g_mapped_file_get_contents (self->mapped);
  self->size = g_mapped_file_get_length (self->mapped);
  if (self->data == NULL || ((guintptr) self->data) % 8 != 0)
    {
      g_set_error (error, DL_BASEMAP_ERROR, DL_BASEMAP_ERROR_INVALID,
                   _("%s: not a valid Dateline basemap (%s)"), path, "empty");
      return NULL;
    }

  if (!validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

DlBasemap *
dl_basemap_open_default (GError **error)
{
  static GMutex lock;
  static DlBasemap *shared = NULL;
  g_autoptr(GPtrArray) tried = g_ptr_array_new_with_free_func (g_free);
  const char *env;
  DlBasemap *result = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&lock);

  if (shared != NULL)
    {
      result = g_object_ref (shared);
      goto out;
    }

  env = g_getenv ("DATELINE_BASEMAP_DIR");
  if (env != NULL && *env != '\0')
    g_ptr_array_add (tried, g_build_filename (env, DL_BASEMAP_FILE_NAME, NULL));
  else
    {
      g_ptr_array_add (tried, g_build_filename (PKGDATADIR, "basemap", DL_BASEMAP_FILE_NAME, NULL));
#ifdef DL_BASEMAP_SOURCE_DIR
      g_ptr_array_add (tried, g_build_filename (DL_BASEMAP_SOURCE_DIR, DL_BASEMAP_FILE_NAME, NULL));
#endif
    }

  for (guint i = 0; i < tried->len; i++)
    {
      const char *path = g_ptr_array_index (tried, i);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      shared = dl_basemap_new_for_path (path, error);
      if (shared != NULL)
        result = g_object_ref (shared);
      goto out;
    }

  g_set_error (error, DL_BASEMAP_ERROR, DL_BASEMAP_ERROR_NOT_FOUND,
               _("The offline map data was not found (looked for %s)"),
               (const char *) g_ptr_array_index (tried, 0));

out:
  g_mutex_unlock (&lock);
  return result;
}

const char *
dl_basemap_get_path (DlBasemap *self)
{
  g_return_val_if_fail (DL_IS_BASEMAP (self), NULL);

  return self->path;
}

const char *
dl_basemap_resolve_language (const char *language)
{
  const char * const *names;

  if (language != NULL && *language != '\0')
    {
      for (guint i = 0; i < G_N_ELEMENTS (lang_codes); i++)
        if (g_ascii_strncasecmp (language, lang_codes[i], 2) == 0
            && (language[2] == '\0' || language[2] == '_' || language[2] == '-'
                || language[2] == '.' || language[2] == '@'))
          return lang_codes[i];
      return lang_codes[LANG_EN];
    }

  names = g_get_language_names ();
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        continue;
      return dl_basemap_resolve_language (names[i]);
    }

  return lang_codes[LANG_EN];
}

const char *
dl_basemap_get_license_text (void)
{
  return _("© OpenStreetMap contributors (ODbL), GeoNames (CC BY 4.0), Natural Earth");
}

const char *
dl_basemap_get_license_uri (void)
{
  return "https://www.openstreetmap.org/copyright";
}

