/* dl-export-geojson.c: the dataset as GeoJSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export-geojson"

#include <string.h>

#include "dl-atomic-file.h"
#include "dl-export-geojson.h"

static void
add_instant (JsonBuilder *builder,
             const char  *name,
             gint64       instant)
{
  g_autofree char *iso = dl_edtf_format_instant (instant);

  json_builder_set_member_name (builder, name);
  if (iso != NULL)
    json_builder_add_string_value (builder, iso);
  else
    json_builder_add_null_value (builder);
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_geometry (JsonBuilder *builder,
              DlEvent     *event)
{
  guint n_places = dl_event_get_n_places (event);

  json_builder_set_member_name (builder, "geometry");

  if (n_places == 1)
    {
      json_builder_add_value (builder, dl_geometry_to_json (dl_place_get_geometry (dl_event_get_place (event, 0))));
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "GeometryCollection");
  json_builder_set_member_name (builder, "geometries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_places; i++)
    json_builder_add_value (builder, dl_geometry_to_json (dl_place_get_geometry (dl_event_get_place (event, i))));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_feature (JsonBuilder *builder,
             DlEvent     *event)
{
  const DlEdtf *when = dl_event_get_when (event);
  g_autoptr(GPtrArray) source_ids = dl_event_dup_source_ids (event);
  guint n_places = dl_event_get_n_places (event);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Feature");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, dl_event_get_id (event));
  add_geometry (builder, event);

  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, dl_event_get_id (event));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, dl_event_get_title (event));
  json_builder_set_member_name (builder, "category");
  json_builder_add_string_value (builder, dl_event_get_category (event));
  add_optional_string (builder, "summary", dl_event_get_summary (event));
  json_builder_set_member_name (builder, "when");
  json_builder_add_string_value (builder, dl_event_get_when_text (event));
  add_optional_string (builder, "when_basis", dl_event_get_when_basis (event));
  add_instant (builder, "start", when->earliest);
  add_instant (builder, "end", when->latest);

  json_builder_set_member_name (builder, "place");
  if (n_places == 1)
    json_builder_add_string_value (builder, dl_place_get_id (dl_event_get_place (event, 0)));
  else
    {
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_places; i++)
        json_builder_add_string_value (builder, dl_place_get_id (dl_event_get_place (event, i)));
      json_builder_end_array (builder);
    }
  json_builder_set_member_name (builder, "precision_m");
  json_builder_add_double_value (builder, dl_event_get_precision_m (event));

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < source_ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (source_ids, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "excerpts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    {
      const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, dl_source_get_id (excerpt->source));
      json_builder_set_member_name (builder, "exact");
      json_builder_add_string_value (builder, excerpt->exact);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, excerpt->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, excerpt->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < dl_event_get_n_claims (event); i++)
    {
      const DlClaim *claim = dl_event_get_claim (event, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "topic");
      json_builder_add_string_value (builder, claim->topic);
      json_builder_set_member_name (builder, "value");
      if (claim->numeric)
        json_builder_add_double_value (builder, claim->value);
      else
        json_builder_add_string_value (builder, claim->value_text);
      add_optional_string (builder, "qualifier", claim->qualifier);
      if (claim->unit != NULL)
        add_optional_string (builder, "unit", claim->unit);
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, dl_source_get_id (claim->source));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);  /* properties */
  json_builder_end_object (builder);  /* feature */
}

/* The collection without its features: type, title and sources. */
static void
begin_collection (JsonBuilder *builder,
                  DlDataset   *dataset)
{
  GListModel *sources = dl_dataset_get_sources (dataset);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "FeatureCollection");
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, dl_dataset_get_title (dataset));

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, dl_source_get_id (source));
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, dl_source_get_file (source));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, dl_source_get_title (source));
      add_optional_string (builder, "published", dl_source_get_published_text (source));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);
}

JsonNode *
dl_export_geojson (DlDataset *dataset)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *events;

  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);

  events = dl_dataset_get_events (dataset);
  begin_collection (builder, dataset);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      add_feature (builder, event);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
generate (JsonNode *root,
          gsize    *len)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, len);
}

/* Output through a buffer to the file being written. */
typedef struct {
  DlAtomicFile *file;
  GString      *buffer;
  GError       *error;   /* the first write error, or NULL */
} Writer;

static void
writer_flush (Writer *writer)
{
  if (writer->error == NULL)
    dl_atomic_file_write (writer->file, writer->buffer->str, writer->buffer->len, &writer->error);
  g_string_truncate (writer->buffer, 0);
}

static void
writer_append (Writer     *writer,
               const char *data,
               gsize       len)
{
  g_string_append_len (writer->buffer, data, (gssize) len);
  if (writer->buffer->len >= 1024 * 1024)
    writer_flush (writer);
}

/* One feature as json-glib would write it inside the whole collection:
 * generated on its own, then indented two levels. */
static void
write_feature (Writer  *writer,
               DlEvent *event,
               gboolean last)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;
  const char *line;
  const char *end;

  add_feature (builder, event);
  root = json_builder_get_root (builder);
  text = generate (root, &len);

  writer_append (writer, "\n", 1);
  for (line = text; line < text + len; line = end + 1)
    {
      end = memchr (line, '\n', (gsize) (text + len - line));
      if (end == NULL)
        end = text + len;
      writer_append (writer, "    ", 4);
      writer_append (writer, line, (gsize) (end - line));
      if (end < text + len)
        writer_append (writer, "\n", 1);
    }
  if (!last)
    writer_append (writer, ",", 1);
}

/* Writes the collection feature by feature, so that memory stays that of one
 * feature however many events there are; byte for byte what generating the
 * whole tree with json-glib writes. */
static void
write_collection (Writer    *writer,
                  DlDataset *dataset)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) head = NULL;
  g_autofree char *text = NULL;
  GListModel *events = dl_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  gsize len = 0;
  const char *features;

  begin_collection (builder, dataset);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  head = json_builder_get_root (builder);
  text = generate (head, &len);

  /* Without events, the empty collection is the whole file. */
  if (n == 0)
    {
      writer_append (writer, text, len);
      return;
    }

  features = g_strrstr (text, "\"features\" : [");
  g_assert (features != NULL);
  writer_append (writer, text, (gsize) (features - text) + strlen ("\"features\" : ["));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      write_feature (writer, event, i + 1 == n);
    }
  writer_append (writer, "\n  ]\n}", strlen ("\n  ]\n}"));
}

gboolean
dl_export_geojson_to_file (DlDataset   *dataset,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(DlAtomicFile) file = NULL;
  Writer writer = { NULL, NULL, NULL };

  g_return_val_if_fail (DL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Written as it is made into a file that replaces the old one only once
   * complete and synced (dl-atomic-file.h). */
  file = dl_atomic_file_new (path, error);
  if (file == NULL)
    return FALSE;

  writer.file = file;
  writer.buffer = g_string_sized_new (1024 * 1024 + 64 * 1024);
  write_collection (&writer, dataset);
  writer_flush (&writer);
  g_string_free (writer.buffer, TRUE);

  if (writer.error != NULL)
    {
      g_propagate_error (error, writer.error);
      return FALSE;
    }

  return dl_atomic_file_commit (file, error);
}
