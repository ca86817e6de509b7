/* dl-export-geojson.c: the dataset as GeoJSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export-geojson"

#include "dl-export-geojson.h"
#include "dl-export-stream.h"
#include "dl-json-writer.h"

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

/* The streaming writer. It writes what json-glib 1.6's generator writes
 * for the tree above (pretty, indent 2), byte for byte, without the tree:
 * building one costs more than the rest of the export, and the tree of a
 * million features would not fit in memory. The layout and its quirks are
 * DlJsonWriter's json-glib style (dl-json-writer.h); test-loader compares
 * both on the corpus. */

/* Geometries remembered as text: datasets share a few places among many
 * events; bounded so that one place per event keeps memory flat. */
#define MAX_CACHED_GEOMETRIES 16384

typedef struct {
  DlExportStream  stream;
  DlJsonWriter    w;                    /* json-glib's layout, into the stream's buffer */
  GHashTable     *geometries;           /* DlGeometry* → its text as a single place's */
  DlExportDates  *dates;
} Json;

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static void
json_geometry (Json    *json,
               DlEvent *event)
{
  guint n_places = dl_event_get_n_places (event);

  dl_json_writer_item (&json->w, "geometry");

  if (n_places == 1)
    {
      const DlGeometry *geometry = dl_place_get_geometry (dl_event_get_place (event, 0));
      const GString *text = g_hash_table_lookup (json->geometries, geometry);
      gsize start = json->w.out->len;

      if (text != NULL)
        {
          dl_json_writer_put (&json->w, text->str, text->len);
          return;
        }
      dl_json_writer_put_geometry (&json->w, geometry);
      if (g_hash_table_size (json->geometries) < MAX_CACHED_GEOMETRIES)
        g_hash_table_insert (json->geometries, (gpointer) geometry,
                             g_string_new_len (json->w.out->str + start, json->w.out->len - start));
      return;
    }

  dl_json_writer_open (&json->w, '{');
  dl_json_writer_string (&json->w, "type", "GeometryCollection");
  dl_json_writer_item (&json->w, "geometries");
  dl_json_writer_open (&json->w, '[');
  for (guint i = 0; i < n_places; i++)
    {
      dl_json_writer_item (&json->w, NULL);
      dl_json_writer_put_geometry (&json->w, dl_place_get_geometry (dl_event_get_place (event, i)));
    }
  dl_json_writer_close (&json->w, ']');
  dl_json_writer_close (&json->w, '}');
}

/* What add_feature() builds. */
static void
json_feature (Json    *json,
              DlEvent *event)
{
  const DlEdtf *when = dl_event_get_when (event);
  const DlExportDate *date;
  guint n_places = dl_event_get_n_places (event);
  guint n_excerpts = dl_event_get_n_excerpts (event);

  dl_json_writer_item (&json->w, NULL);
  dl_json_writer_open (&json->w, '{');
  dl_json_writer_string (&json->w, "type", "Feature");
  dl_json_writer_string (&json->w, "id", dl_event_get_id (event));
  json_geometry (json, event);

  dl_json_writer_item (&json->w, "properties");
  dl_json_writer_open (&json->w, '{');
  dl_json_writer_string (&json->w, "id", dl_event_get_id (event));
  dl_json_writer_string (&json->w, "title", dl_event_get_title (event));
  dl_json_writer_string (&json->w, "category", dl_event_get_category (event));
  dl_json_writer_string (&json->w, "summary", dl_event_get_summary (event));
  dl_json_writer_string (&json->w, "when", dl_event_get_when_text (event));
  dl_json_writer_string (&json->w, "when_basis", dl_event_get_when_basis (event));
  date = dl_export_dates_get (json->dates, when, FALSE);
  dl_json_writer_string (&json->w, "start", date->start);
  dl_json_writer_string (&json->w, "end", date->end);

  if (n_places == 1)
    dl_json_writer_string (&json->w, "place", dl_place_get_id (dl_event_get_place (event, 0)));
  else
    {
      dl_json_writer_item (&json->w, "place");
      dl_json_writer_open (&json->w, '[');
      for (guint i = 0; i < n_places; i++)
        dl_json_writer_string (&json->w, NULL, dl_place_get_id (dl_event_get_place (event, i)));
      dl_json_writer_close (&json->w, ']');
    }
  dl_json_writer_number (&json->w, "precision_m", dl_event_get_precision_m (event));

  /* dl_event_dup_source_ids() without its copies: each source once, in
   * the order its first excerpt comes. */
  dl_json_writer_item (&json->w, "sources");
  dl_json_writer_open (&json->w, '[');
  for (guint i = 0; i < n_excerpts; i++)
    {
      const char *id = dl_source_get_id (dl_event_get_excerpt (event, i)->source);
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_str_equal (id, dl_source_get_id (dl_event_get_excerpt (event, j)->source));
      if (!seen)
        dl_json_writer_string (&json->w, NULL, id);
    }
  dl_json_writer_close (&json->w, ']');

  dl_json_writer_item (&json->w, "excerpts");
  dl_json_writer_open (&json->w, '[');
  for (guint i = 0; i < n_excerpts; i++)
    {
      const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);

      dl_json_writer_item (&json->w, NULL);
      dl_json_writer_open (&json->w, '{');
      dl_json_writer_string (&json->w, "source", dl_source_get_id (excerpt->source));
      dl_json_writer_string (&json->w, "exact", excerpt->exact);
      dl_json_writer_int (&json->w, "start", excerpt->start);
      dl_json_writer_int (&json->w, "end", excerpt->end);
      dl_json_writer_close (&json->w, '}');
    }
  dl_json_writer_close (&json->w, ']');

  dl_json_writer_item (&json->w, "claims");
  dl_json_writer_open (&json->w, '[');
  for (guint i = 0; i < dl_event_get_n_claims (event); i++)
    {
      const DlClaim *claim = dl_event_get_claim (event, i);

      dl_json_writer_item (&json->w, NULL);
      dl_json_writer_open (&json->w, '{');
      dl_json_writer_string (&json->w, "topic", claim->topic);
      if (claim->numeric)
        dl_json_writer_number (&json->w, "value", claim->value);
      else
        dl_json_writer_string (&json->w, "value", claim->value_text);
      dl_json_writer_string (&json->w, "qualifier", claim->qualifier);
      if (claim->unit != NULL)
        dl_json_writer_string (&json->w, "unit", claim->unit);
      dl_json_writer_string (&json->w, "source", dl_source_get_id (claim->source));
      dl_json_writer_close (&json->w, '}');
    }
  dl_json_writer_close (&json->w, ']');

  dl_json_writer_close (&json->w, '}');  /* properties */
  dl_json_writer_close (&json->w, '}');  /* feature */
}

/* What dl_export_geojson() builds, written feature by feature. */
static void
json_collection (Json      *json,
                 DlDataset *dataset)
{
  GListModel *sources = dl_dataset_get_sources (dataset);
  GListModel *events = dl_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);

  dl_json_writer_open (&json->w, '{');
  dl_json_writer_string (&json->w, "type", "FeatureCollection");
  dl_json_writer_string (&json->w, "title", dl_dataset_get_title (dataset));

  dl_json_writer_item (&json->w, "sources");
  dl_json_writer_open (&json->w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      dl_json_writer_item (&json->w, NULL);
      dl_json_writer_open (&json->w, '{');
      dl_json_writer_string (&json->w, "id", dl_source_get_id (source));
      dl_json_writer_string (&json->w, "file", dl_source_get_file (source));
      dl_json_writer_string (&json->w, "title", dl_source_get_title (source));
      dl_json_writer_string (&json->w, "published", dl_source_get_published_text (source));
      dl_json_writer_close (&json->w, '}');
    }
  dl_json_writer_close (&json->w, ']');

  dl_json_writer_item (&json->w, "features");
  dl_json_writer_open (&json->w, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      json_feature (json, event);
      dl_export_stream_pass (&json->stream);
    }
  dl_json_writer_close (&json->w, ']');
  dl_json_writer_close (&json->w, '}');
}

/* Into @json's stream buffer, passed to its file (if any) as it grows. */
static void
write_collection (Json      *json,
                  DlDataset *dataset)
{
  dl_json_writer_init (&json->w, json->stream.buffer, DL_JSON_STYLE_JSON_GLIB, 0);
  json->geometries = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  json->dates = dl_export_dates_new ();
  json_collection (json, dataset);
  g_hash_table_unref (json->geometries);
  dl_export_dates_free (json->dates);
}

gboolean
dl_export_geojson_to_file (DlDataset   *dataset,
                           const char  *path,
                           GError     **error)
{
  Json json = { 0 };

  g_return_val_if_fail (DL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!dl_export_stream_open (&json.stream, path, error))
    return FALSE;
  write_collection (&json, dataset);
  return dl_export_stream_commit (&json.stream, error);
}

char *
dl_export_geojson_to_data (DlDataset *dataset)
{
  Json json = { 0 };

  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);

  json.stream.buffer = g_string_new (NULL);
  write_collection (&json, dataset);
  return g_string_free (json.stream.buffer, FALSE);
}
