/* dl-export-geojson.c: the dataset as GeoJSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export-geojson"

#include <math.h>
#include <string.h>

#include "dl-export-geojson.h"
#include "dl-export-stream.h"

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
 * million features would not fit in memory. Its quirks are kept on purpose
 * (test-loader compares both on the corpus): an empty object at depth n
 * is "{" and 2n spaces and "}", a double always has a "." (1e+20 is written
 * "1e+20.0"), 0x1f and bytes above 0x7f are not escaped. */

#define MAX_DEPTH 16
/* Geometries remembered as text: datasets share a few places among many
 * events; bounded so that one place per event keeps memory flat. */
#define MAX_CACHED_GEOMETRIES 16384

typedef struct {
  DlExportStream  stream;
  GString        *out;                  /* the stream's buffer */
  guint           depth;                /* open containers */
  gboolean        empty[MAX_DEPTH + 1]; /* no item yet, per open container */
  GHashTable     *geometries;           /* DlGeometry* → its text as a single place's */
  DlExportDates  *dates;
} Json;

/* g_string_append_len() without its checks: the buffer holds a megabyte
 * more than one feature, so it seldom grows. */
static inline void
put (GString    *out,
     const char *data,
     gsize       len)
{
  if (G_UNLIKELY (out->len + len >= out->allocated_len))
    {
      g_string_append_len (out, data, (gssize) len);
      return;
    }
  memcpy (out->str + out->len, data, len);
  out->len += len;
  out->str[out->len] = '\0';
}

#define PUT_LITERAL(out, literal) put ((out), (literal), sizeof (literal) - 1)

static void
json_indent (Json *json,
             guint depth)
{
  static const char spaces[] = "                                ";

  for (guint n = depth * 2; n > 0; )
    {
      guint step = MIN (n, sizeof spaces - 1);

      put (json->out, spaces, step);
      n -= step;
    }
}

/* Which bytes json-glib 1.6 escapes: '"', '\\', 0x01–0x1e and 0x7f. */
static gboolean
needs_escape (guchar c)
{
  return c == '"' || c == '\\' || (c > 0 && c < 0x1f) || c == 0x7f;
}

static void
json_escape (GString    *out,
             const char *text)
{
  static gboolean table[256];
  static gsize table_ready;
  const char *run = text;
  const char *p;

  if (g_once_init_enter (&table_ready))
    {
      for (guint c = 0; c < 256; c++)
        table[c] = needs_escape ((guchar) c);
      g_once_init_leave (&table_ready, 1);
    }

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (!table[c])
        continue;

      put (out, run, (gsize) (p - run));
      run = p + 1;
      switch (c)
        {
        case '"':  PUT_LITERAL (out, "\\\""); break;
        case '\\': PUT_LITERAL (out, "\\\\"); break;
        case '\b': PUT_LITERAL (out, "\\b"); break;
        case '\f': PUT_LITERAL (out, "\\f"); break;
        case '\n': PUT_LITERAL (out, "\\n"); break;
        case '\r': PUT_LITERAL (out, "\\r"); break;
        case '\t': PUT_LITERAL (out, "\\t"); break;
        default:   g_string_append_printf (out, "\\u00%02x", c); break;
        }
    }
  put (out, run, (gsize) (p - run));
}

/* "%" G_GINT64_FORMAT without printf. */
static void
put_int (GString *out,
         gint64   value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? 0 - (guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';

  put (out, p, (gsize) (digits + sizeof digits - p));
}

/* Before an item of the innermost container: its separator, indentation
 * and, in an object, its name. */
static void
json_item (Json       *json,
           const char *name)
{
  if (json->empty[json->depth])
    PUT_LITERAL (json->out, "\n");
  else
    PUT_LITERAL (json->out, ",\n");
  json->empty[json->depth] = FALSE;
  json_indent (json, json->depth);
  if (name != NULL)
    {
      PUT_LITERAL (json->out, "\"");
      json_escape (json->out, name);
      PUT_LITERAL (json->out, "\" : ");
    }
}

static void
json_open (Json *json,
           char  bracket)
{
  g_assert (json->depth < MAX_DEPTH);
  g_string_append_c (json->out, bracket);
  json->empty[++json->depth] = TRUE;
}

static void
json_close_object (Json *json)
{
  gboolean empty = json->empty[json->depth--];

  if (!empty)
    g_string_append_c (json->out, '\n');
  json_indent (json, json->depth);
  g_string_append_c (json->out, '}');
}

static void
json_close_array (Json *json)
{
  gboolean empty = json->empty[json->depth--];

  if (!empty)
    {
      g_string_append_c (json->out, '\n');
      json_indent (json, json->depth);
    }
  g_string_append_c (json->out, ']');
}

static void
json_string (Json       *json,
             const char *name,
             const char *value)
{
  json_item (json, name);
  if (value == NULL)
    {
      PUT_LITERAL (json->out, "null");
      return;
    }
  PUT_LITERAL (json->out, "\"");
  json_escape (json->out, value);
  PUT_LITERAL (json->out, "\"");
}

static void
json_int (Json       *json,
          const char *name,
          gint64      value)
{
  json_item (json, name);
  put_int (json->out, value);
}

static void
json_double (Json       *json,
             const char *name,
             double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  json_item (json, name);

  /* A whole number below 10^15 reads the same in %.17g as in %lld; printf
   * of a double is the slow part of the export. -0 is left to dtostr. */
  if (fabs (value) < 1e15 && value == (double) (gint64) value && !(value == 0 && signbit (value)))
    {
      put_int (json->out, (gint64) value);
      PUT_LITERAL (json->out, ".0");
      return;
    }

  g_ascii_dtostr (buffer, sizeof buffer, value);
  g_string_append (json->out, buffer);
  if (strchr (buffer, '.') == NULL)
    g_string_append (json->out, ".0");
}

static void
json_position (Json     *json,
               DlLonLat  position)
{
  json_item (json, NULL);
  json_open (json, '[');
  json_double (json, NULL, position.lon);
  json_double (json, NULL, position.lat);
  json_close_array (json);
}

static void
json_run (Json                 *json,
          const DlLonLat       *positions,
          const DlGeometryPart *part)
{
  json_item (json, NULL);
  json_open (json, '[');
  for (guint i = 0; i < part->n_positions; i++)
    json_position (json, positions[part->first + i]);
  json_close_array (json);
}

/* As dl_geometry_to_json() builds it: the value only, after its json_item(). */
static void
json_geometry_value (Json             *json,
                     const DlGeometry *geometry)
{
  DlGeometryType type = dl_geometry_get_geometry_type (geometry);
  const DlLonLat *positions = dl_geometry_get_positions (geometry);
  guint n_parts = 0;
  const DlGeometryPart *parts = dl_geometry_get_parts (geometry, &n_parts);
  gboolean polygon_open = FALSE;

  json_open (json, '{');
  json_string (json, "type", dl_geometry_type_to_string (type));
  json_item (json, "coordinates");

  switch (type)
    {
    case DL_GEOMETRY_POINT:
      json_open (json, '[');
      json_double (json, NULL, positions[0].lon);
      json_double (json, NULL, positions[0].lat);
      json_close_array (json);
      break;

    case DL_GEOMETRY_LINE_STRING:
      json_open (json, '[');
      for (guint i = 0; i < parts[0].n_positions; i++)
        json_position (json, positions[parts[0].first + i]);
      json_close_array (json);
      break;

    case DL_GEOMETRY_MULTI_POINT:
    case DL_GEOMETRY_MULTI_LINE_STRING:
    case DL_GEOMETRY_POLYGON:
      json_open (json, '[');
      for (guint i = 0; i < n_parts; i++)
        {
          if (type == DL_GEOMETRY_MULTI_POINT)
            json_position (json, positions[i]);
          else
            json_run (json, positions, &parts[i]);
        }
      json_close_array (json);
      break;

    case DL_GEOMETRY_MULTI_POLYGON:
    default:
      json_open (json, '[');
      for (guint i = 0; i < n_parts; i++)
        {
          if (parts[i].ring == 0)
            {
              if (polygon_open)
                json_close_array (json);
              json_item (json, NULL);
              json_open (json, '[');
              polygon_open = TRUE;
            }
          json_run (json, positions, &parts[i]);
        }
      if (polygon_open)
        json_close_array (json);
      json_close_array (json);
      break;
    }

  json_close_object (json);
}

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

  json_item (json, "geometry");

  if (n_places == 1)
    {
      const DlGeometry *geometry = dl_place_get_geometry (dl_event_get_place (event, 0));
      const GString *text = g_hash_table_lookup (json->geometries, geometry);
      gsize start = json->out->len;

      if (text != NULL)
        {
          put (json->out, text->str, text->len);
          return;
        }
      json_geometry_value (json, geometry);
      if (g_hash_table_size (json->geometries) < MAX_CACHED_GEOMETRIES)
        g_hash_table_insert (json->geometries, (gpointer) geometry,
                             g_string_new_len (json->out->str + start, json->out->len - start));
      return;
    }

  json_open (json, '{');
  json_string (json, "type", "GeometryCollection");
  json_item (json, "geometries");
  json_open (json, '[');
  for (guint i = 0; i < n_places; i++)
    {
      json_item (json, NULL);
      json_geometry_value (json, dl_place_get_geometry (dl_event_get_place (event, i)));
    }
  json_close_array (json);
  json_close_object (json);
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

  json_item (json, NULL);
  json_open (json, '{');
  json_string (json, "type", "Feature");
  json_string (json, "id", dl_event_get_id (event));
  json_geometry (json, event);

  json_item (json, "properties");
  json_open (json, '{');
  json_string (json, "id", dl_event_get_id (event));
  json_string (json, "title", dl_event_get_title (event));
  json_string (json, "category", dl_event_get_category (event));
  json_string (json, "summary", dl_event_get_summary (event));
  json_string (json, "when", dl_event_get_when_text (event));
  json_string (json, "when_basis", dl_event_get_when_basis (event));
  date = dl_export_dates_get (json->dates, when, FALSE);
  json_string (json, "start", date->start);
  json_string (json, "end", date->end);

  if (n_places == 1)
    json_string (json, "place", dl_place_get_id (dl_event_get_place (event, 0)));
  else
    {
      json_item (json, "place");
      json_open (json, '[');
      for (guint i = 0; i < n_places; i++)
        json_string (json, NULL, dl_place_get_id (dl_event_get_place (event, i)));
      json_close_array (json);
    }
  json_double (json, "precision_m", dl_event_get_precision_m (event));

  /* dl_event_dup_source_ids() without its copies: each source once, in
   * the order its first excerpt comes. */
  json_item (json, "sources");
  json_open (json, '[');
  for (guint i = 0; i < n_excerpts; i++)
    {
      const char *id = dl_source_get_id (dl_event_get_excerpt (event, i)->source);
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_str_equal (id, dl_source_get_id (dl_event_get_excerpt (event, j)->source));
      if (!seen)
        json_string (json, NULL, id);
    }
  json_close_array (json);

  json_item (json, "excerpts");
  json_open (json, '[');
  for (guint i = 0; i < n_excerpts; i++)
    {
      const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);

      json_item (json, NULL);
      json_open (json, '{');
      json_string (json, "source", dl_source_get_id (excerpt->source));
      json_string (json, "exact", excerpt->exact);
      json_int (json, "start", excerpt->start);
      json_int (json, "end", excerpt->end);
      json_close_object (json);
    }
  json_close_array (json);

  json_item (json, "claims");
  json_open (json, '[');
  for (guint i = 0; i < dl_event_get_n_claims (event); i++)
    {
      const DlClaim *claim = dl_event_get_claim (event, i);

      json_item (json, NULL);
      json_open (json, '{');
      json_string (json, "topic", claim->topic);
      if (claim->numeric)
        json_double (json, "value", claim->value);
      else
        json_string (json, "value", claim->value_text);
      json_string (json, "qualifier", claim->qualifier);
      if (claim->unit != NULL)
        json_string (json, "unit", claim->unit);
      json_string (json, "source", dl_source_get_id (claim->source));
      json_close_object (json);
    }
  json_close_array (json);

  json_close_object (json);  /* properties */
  json_close_object (json);  /* feature */
}

/* What dl_export_geojson() builds, written feature by feature. */
static void
json_collection (Json      *json,
                 DlDataset *dataset)
{
  GListModel *sources = dl_dataset_get_sources (dataset);
  GListModel *events = dl_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);

  json_open (json, '{');
  json_string (json, "type", "FeatureCollection");
  json_string (json, "title", dl_dataset_get_title (dataset));

  json_item (json, "sources");
  json_open (json, '[');
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      json_item (json, NULL);
      json_open (json, '{');
      json_string (json, "id", dl_source_get_id (source));
      json_string (json, "file", dl_source_get_file (source));
      json_string (json, "title", dl_source_get_title (source));
      json_string (json, "published", dl_source_get_published_text (source));
      json_close_object (json);
    }
  json_close_array (json);

  json_item (json, "features");
  json_open (json, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      json_feature (json, event);
      dl_export_stream_pass (&json->stream);
    }
  json_close_array (json);
  json_close_object (json);
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

  json.out = json.stream.buffer;
  json.geometries = g_hash_table_new_full (NULL, NULL, NULL, string_free);
  json.dates = dl_export_dates_new ();
  json_collection (&json, dataset);
  g_hash_table_unref (json.geometries);
  dl_export_dates_free (json.dates);

  return dl_export_stream_commit (&json.stream, error);
}
