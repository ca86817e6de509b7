/* dl-export-geojson.c: the dataset as GeoJSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export-geojson"

#include "dl-export-geojson.h"
#include "dl-export-stream.h"
#include "dl-json-writer.h"

/* The export streams: it writes what json-glib 1.6's generator writes
 * (pretty, indent 2) for the same collection, byte for byte, without a
 * JsonBuilder tree: building one costs more than the rest of the export,
 * and the tree of a million features would not fit in memory. The layout
 * and its quirks are DlJsonWriter's json-glib style (dl-json-writer.h);
 * test-loader reads the export back with json-glib, checks its values
 * against the dataset and that json-glib writes it again byte for byte. */

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

/* An event: "id", its geometry (its place's, or a GeometryCollection of its
 * places'), and its properties, the dataset's members as the native format
 * names them, with "start" and "end" as ISO 8601 instants. */
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

/* A FeatureCollection: "title", the sources, then the features, written
 * feature by feature. */
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
