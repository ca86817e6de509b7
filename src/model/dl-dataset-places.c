/* dl-dataset-places.c: the "sources" and "places" lists of a dataset
 *
 * Its own file because these are the two lists events refer to, read
 * before them: each source with its article and publication date, each
 * place with its GeoJSON geometry (checked by dl_geometry_parse()), names
 * per language and precision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-dataset-load-private.h"
#include "dl-dataset-words.h"

void
dl_loader_load_sources (Loader            *loader,
                        const DlJsonValue *root)
{
  static const char * const known[] = {
    "id", "file", "title", "published", "published_basis", "url", DL_WORDS_SOURCE_MEMBER, NULL
  };
  const DlJsonValue *element;
  Walk walk;

  if (!dl_loader_walk_list (&walk, loader, root, "sources", TRUE))
    return;

  while ((element = dl_loader_walk_next (&walk)) != NULL)
    {
      g_autofree char *path = dl_loader_index_path ("sources", walk.index - 1);
      g_autoptr(DlSource) source = NULL;
      const DlJsonValue *object;
      const char *id;
      const char *file;
      const char *title;
      const char *published;

      if (g_cancellable_is_cancelled (loader->cancellable))
        return;
      if ((object = dl_loader_element_object (loader, element, path)) == NULL)
        continue;
      dl_loader_check_members (loader, object, path, known);

      id = dl_loader_get_id (loader, object, path, loader->dataset->source_index, _("source"));
      file = dl_loader_get_string (loader, object, path, "file", TRUE);
      title = dl_loader_get_string (loader, object, path, "title", TRUE);
      published = dl_loader_get_string (loader, object, path, "published", FALSE);

      source = dl_source_new ();
      source->id = g_strdup (id);
      source->file = g_strdup (file);
      source->title = g_strdup (title);
      source->published_basis = g_strdup (dl_loader_get_string (loader, object, path, "published_basis", FALSE));
      source->url = g_strdup (dl_loader_get_string (loader, object, path, "url", FALSE));
      source->short_name = dl_words_read_string (object, path, DL_WORDS_SOURCE_MEMBER, loader->problems);

      if (published != NULL)
        {
          if (dl_loader_parse_edtf (loader, published, path, "published", &source->published))
            source->published_text = g_strdup (published);
        }

      if (file != NULL)
        {
          g_autofree char *file_path = dl_loader_join_path (path, "file");

          source->text = dl_loader_read_article (loader, file, file_path);
        }

      if (id == NULL)
        continue;

      g_hash_table_insert (loader->dataset->source_index, source->id, source);
      dl_object_store_append (loader->dataset->sources, source);
    }
}

/* dl_geometry_parse reads json-glib nodes: geometries are small. */
static JsonNode *
to_json_node (const DlJsonValue *value)
{
  JsonNode *node;

  switch (value->type)
    {
    case DL_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < value->length; i++)
          json_object_set_member (object, value->members[i].name, to_json_node (&value->members[i].value));
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    case DL_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->length);

        for (guint i = 0; i < value->length; i++)
          json_array_add_element (array, to_json_node (&value->elements[i]));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    case DL_JSON_STRING:
      return json_node_init_string (json_node_alloc (), value->string);
    case DL_JSON_INTEGER:
      return json_node_init_int (json_node_alloc (), value->integer);
    case DL_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), value->number);
    case DL_JSON_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), value->boolean);
    case DL_JSON_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

void
dl_loader_load_places (Loader            *loader,
                       const DlJsonValue *root)
{
  static const char * const known[] = {
    "id", "name", "names", "geometry", "precision_m", "kind", DL_WORDS_PLACE_MEMBER, NULL
  };
  const DlJsonValue *element;
  Walk walk;

  if (!dl_loader_walk_list (&walk, loader, root, "places", TRUE))
    return;

  while ((element = dl_loader_walk_next (&walk)) != NULL)
    {
      g_autofree char *path = dl_loader_index_path ("places", walk.index - 1);
      g_autofree char *geometry_path = dl_loader_join_path (path, "geometry");
      g_autofree char *precision_path = dl_loader_join_path (path, "precision_m");
      g_autoptr(DlPlace) place = NULL;
      const DlJsonValue *object;
      const DlJsonValue *names;
      const DlJsonValue *geometry;
      const char *id;
      const char *name;
      double precision = 0.0;

      if ((object = dl_loader_element_object (loader, element, path)) == NULL)
        continue;
      dl_loader_check_members (loader, object, path, known);

      id = dl_loader_get_id (loader, object, path, loader->dataset->place_index, _("place"));
      name = dl_loader_get_string (loader, object, path, "name", TRUE);

      place = dl_place_new ();
      place->id = g_strdup (id);
      place->name = g_strdup (name);
      place->kind = g_strdup (dl_loader_get_string (loader, object, path, "kind", FALSE));
      place->note = dl_words_read_string (object, path, DL_WORDS_PLACE_MEMBER, loader->problems);

      if (dl_json_object_get (object, "precision_m") == NULL)
        dl_problems_error (loader->problems, path, _("the member “%s” is missing"), "precision_m");
      else if (dl_loader_get_number (loader, object, path, "precision_m", &precision))
        {
          if (precision < 0 || precision > 20037508.0)
            dl_problems_error (loader->problems, precision_path,
                               _("%g is out of range (0 to 20,037,508 metres)"), precision);
          place->precision_m = precision;
        }

      if ((names = dl_json_object_get (object, "names")) != NULL)
        {
          g_autofree char *names_path = dl_loader_join_path (path, "names");

          if (names->type != DL_JSON_OBJECT)
            dl_problems_error (loader->problems, names_path, _("expected an object, found %s"),
                               dl_loader_node_kind (names));
          else
            {
              place->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              for (guint m = 0; m < names->length; m++)
                {
                  const char *language = names->members[m].name;
                  const DlJsonValue *value = &names->members[m].value;

                  if (!dl_loader_node_is_string (value))
                    {
                      g_autofree char *shown = dl_json_shorten (language, 60);
                      g_autofree char *language_path = dl_loader_join_path (names_path, shown);

                      dl_problems_error (loader->problems, language_path,
                                         _("expected a string, found %s"), dl_loader_node_kind (value));
                      continue;
                    }
                  g_hash_table_insert (place->names, g_strdup (language), g_strdup (value->string));
                }
            }
        }

      if ((geometry = dl_json_object_get (object, "geometry")) == NULL)
        dl_problems_error (loader->problems, path, _("the member “%s” is missing"), "geometry");
      else
        {
          g_autoptr(JsonNode) node = to_json_node (geometry);

          place->geometry = dl_geometry_parse (node, geometry_path, loader->problems);
        }

      if (id == NULL || place->geometry == NULL)
        continue;

      g_hash_table_insert (loader->dataset->place_index, place->id, place);
      dl_object_store_append (loader->dataset->places, place);
    }
}
