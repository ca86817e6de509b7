/* dl-import-mapping.c: which column of a table (or property of a GeoJSON
 * feature) says what, the start of a file the column-mapping dialog shows,
 * and the mappings remembered for the next time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-import.h"
#include "dl-import-mapping.h"
#include "dl-import-private.h"
#include "dl-stats.h"

/* What is read of a CSV file to find its header and first rows. */
#define PEEK_BYTES (256 * 1024)

struct _DlImportMapping {
  char *columns[DL_IMPORT_N_ROLES];
};

static const char * const role_keys[DL_IMPORT_N_ROLES] = {
  [DL_IMPORT_ROLE_TITLE] = "title",
  [DL_IMPORT_ROLE_DATE] = "date",
  [DL_IMPORT_ROLE_END_DATE] = "end-date",
  [DL_IMPORT_ROLE_LATITUDE] = "latitude",
  [DL_IMPORT_ROLE_LONGITUDE] = "longitude",
  [DL_IMPORT_ROLE_WKT] = "wkt",
  [DL_IMPORT_ROLE_PLACE] = "place",
  [DL_IMPORT_ROLE_CATEGORY] = "category",
  [DL_IMPORT_ROLE_SUMMARY] = "summary",
  [DL_IMPORT_ROLE_SOURCE] = "source",
  [DL_IMPORT_ROLE_ID] = "id",
};

const char *
dl_import_role_key (DlImportRole role)
{
  g_return_val_if_fail (role < DL_IMPORT_N_ROLES, NULL);
  return role_keys[role];
}

const char *
dl_import_role_label (DlImportRole role)
{
  switch (role)
    {
    case DL_IMPORT_ROLE_TITLE:
      /* Translators: what a column of an imported table holds */
      return _("Title");
    case DL_IMPORT_ROLE_DATE:
      /* Translators: what a column of an imported table holds */
      return _("Date");
    case DL_IMPORT_ROLE_END_DATE:
      /* Translators: what a column of an imported table holds */
      return _("End date");
    case DL_IMPORT_ROLE_LATITUDE:
      /* Translators: what a column of an imported table holds */
      return _("Latitude");
    case DL_IMPORT_ROLE_LONGITUDE:
      /* Translators: what a column of an imported table holds */
      return _("Longitude");
    case DL_IMPORT_ROLE_WKT:
      /* Translators: what a column of an imported table holds (WKT is “well-known text”, a way of writing geometry) */
      return _("Point as WKT");
    case DL_IMPORT_ROLE_PLACE:
      /* Translators: what a column of an imported table holds */
      return _("Place name");
    case DL_IMPORT_ROLE_CATEGORY:
      /* Translators: what a column of an imported table holds */
      return _("Category");
    case DL_IMPORT_ROLE_SUMMARY:
      /* Translators: what a column of an imported table holds */
      return _("Summary");
    case DL_IMPORT_ROLE_SOURCE:
      /* Translators: what a column of an imported table holds */
      return _("Source");
    case DL_IMPORT_ROLE_ID:
      /* Translators: what a column of an imported table holds */
      return _("Identifier");
    case DL_IMPORT_N_ROLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
dl_import_role_description (DlImportRole role)
{
  switch (role)
    {
    case DL_IMPORT_ROLE_TITLE:
      return _("What happened, in a few words");
    case DL_IMPORT_ROLE_DATE:
      return _("When it happened, or began: 2024-08-10, 10 August 2024, or a timestamp");
    case DL_IMPORT_ROLE_END_DATE:
      return _("When it ended, for events that last");
    case DL_IMPORT_ROLE_LATITUDE:
      return _("Degrees north, as 31.52");
    case DL_IMPORT_ROLE_LONGITUDE:
      return _("Degrees east, as 34.45");
    case DL_IMPORT_ROLE_WKT:
      return _("Instead of latitude and longitude: POINT (34.45 31.52)");
    case DL_IMPORT_ROLE_PLACE:
      return _("The name shown for the coordinates; without them, looked up in the offline gazetteer");
    case DL_IMPORT_ROLE_CATEGORY:
      return _("A kind of event; each value gets a colour");
    case DL_IMPORT_ROLE_SUMMARY:
      return _("A longer text about the event");
    case DL_IMPORT_ROLE_SOURCE:
      return _("Who reported it; several separated by semicolons");
    case DL_IMPORT_ROLE_ID:
      return _("A name unique to each row, kept as the event’s id");
    case DL_IMPORT_N_ROLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

DlImportMapping *
dl_import_mapping_new (void)
{
  return g_new0 (DlImportMapping, 1);
}

DlImportMapping *
dl_import_mapping_copy (const DlImportMapping *mapping)
{
  DlImportMapping *copy = dl_import_mapping_new ();

  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    copy->columns[role] = g_strdup (mapping->columns[role]);
  return copy;
}

void
dl_import_mapping_free (DlImportMapping *mapping)
{
  if (mapping == NULL)
    return;
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    g_free (mapping->columns[role]);
  g_free (mapping);
}

const char *
dl_import_mapping_get (const DlImportMapping *mapping,
                       DlImportRole           role)
{
  g_return_val_if_fail (role < DL_IMPORT_N_ROLES, NULL);
  return mapping->columns[role];
}

void
dl_import_mapping_set (DlImportMapping *mapping,
                       DlImportRole     role,
                       const char      *column)
{
  g_return_if_fail (role < DL_IMPORT_N_ROLES);
  g_free (mapping->columns[role]);
  mapping->columns[role] = column != NULL && *column != '\0' ? g_strdup (column) : NULL;
}

gboolean
dl_import_mapping_is_usable (const DlImportMapping *mapping)
{
  return mapping->columns[DL_IMPORT_ROLE_DATE] != NULL
         || mapping->columns[DL_IMPORT_ROLE_END_DATE] != NULL
         || mapping->columns[DL_IMPORT_ROLE_WKT] != NULL
         || mapping->columns[DL_IMPORT_ROLE_PLACE] != NULL
         || (mapping->columns[DL_IMPORT_ROLE_LATITUDE] != NULL && mapping->columns[DL_IMPORT_ROLE_LONGITUDE] != NULL);
}

GVariant *
dl_import_mapping_to_variant (const DlImportMapping *mapping)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    if (mapping->columns[role] != NULL)
      g_variant_builder_add (&builder, "{ss}", role_keys[role], mapping->columns[role]);
  return g_variant_builder_end (&builder);
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_strdown (a, -1);
  g_autofree char *fb = g_utf8_strdown (b, -1);

  return g_str_equal (g_strstrip (fa), g_strstrip (fb));
}

DlImportMapping *
dl_import_mapping_new_from_variant (GVariant           *variant,
                                    const char * const *header)
{
  DlImportMapping *mapping = dl_import_mapping_new ();
  GVariantIter iter;
  const char *key, *column;

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE ("a{ss}")), mapping);

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &column))
    for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
      {
        if (!g_str_equal (key, role_keys[role]))
          continue;
        if (header == NULL)
          {
            dl_import_mapping_set (mapping, role, column);
            continue;
          }
        /* The same header (by its key) may be cased or padded otherwise:
         * the column as this file writes it. */
        for (guint i = 0; header[i] != NULL; i++)
          if (same_name (header[i], column))
            {
              dl_import_mapping_set (mapping, role, header[i]);
              break;
            }
      }
  return mapping;
}

char *
dl_import_header_key (const char * const *header)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *lower = g_utf8_strdown (header[i], -1);

      g_strstrip (lower);
      /* A unit separator between names: "a,bc" and "ab,c" differ. */
      g_checksum_update (checksum, (const guchar *) lower, strlen (lower));
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* The start of a file */

void
dl_import_peek_free (DlImportPeek *peek)
{
  if (peek == NULL)
    return;
  g_strfreev (peek->header);
  g_ptr_array_unref (peek->rows);
  dl_import_mapping_free (peek->guess);
  g_free (peek->data);
  g_free (peek);
}

DlImportPeek *
dl_import_peek_csv (const char *name,
                    const char *data,
                    gsize       len,
                    guint       n_rows,
                    DlProblems *problems,
                    gboolean    whole)
{
  g_autofree char *converted = NULL;
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  DlImportPeek *peek;
  Csv csv;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  /* A part of a file ends at its last line break: not in a character. */
  if (!whole)
    {
      gsize end = len;

      while (end > 0 && data[end - 1] != '\n')
        end--;
      if (end > 0)
        len = end;
    }
  converted = dl_csv_to_utf8 (problems, &data, &len);
  dl_csv_init (&csv, name, data, len);

  while (dl_csv_next (&csv) && dl_csv_is_blank (&csv))
    ;
  if (dl_csv_n_fields (&csv) == 0 || dl_csv_is_blank (&csv))
    {
      g_autofree char *first_line = g_strdup_printf (_("line %u"), 1);

      dl_problems_error (problems, first_line, _("the file is empty: a CSV file needs a header line"));
      dl_csv_clear (&csv);
      return NULL;
    }

  peek = g_new0 (DlImportPeek, 1);
  for (guint i = 0; i < dl_csv_n_fields (&csv); i++)
    {
      char *column = g_strstrip (dl_csv_field (&csv, i));

      g_ptr_array_add (header, g_strdup (column));
      g_hash_table_insert (columns, g_ascii_strdown (column, -1), GUINT_TO_POINTER (i + 1));
    }
  g_ptr_array_add (header, NULL);
  peek->header = (char **) g_ptr_array_free (g_steal_pointer (&header), FALSE);
  peek->recognised = dl_import_csv_is_recognised (columns);

  peek->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while (peek->rows->len < n_rows && dl_csv_next (&csv))
    {
      GStrvBuilder *row = g_strv_builder_new ();

      if (dl_csv_is_blank (&csv))
        {
          g_strv_builder_unref (row);
          continue;
        }
      for (guint i = 0; i < dl_csv_n_fields (&csv); i++)
        g_strv_builder_add (row, dl_csv_field (&csv, i));
      g_ptr_array_add (peek->rows, g_strv_builder_end (row));
      g_strv_builder_unref (row);
    }
  peek->len = csv.p - data;
  peek->data = g_strndup (data, peek->len);
  dl_csv_clear (&csv);

  /* The usual names, as the dialog's first choice. */
  peek->guess = dl_import_mapping_new ();
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    {
      const char * const *names = dl_import_csv_usual_names (role);

      for (guint i = 0; names[i] != NULL; i++)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (columns, names[i]));

          if (index > 0)
            {
              dl_import_mapping_set (peek->guess, role, peek->header[index - 1]);
              break;
            }
        }
    }
  return peek;
}

/* A GeoJSON file's properties */

static char *
property_text (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("");
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

DlImportPeek *
dl_import_peek_geojson (const char *name,
                        const char *data,
                        gsize       len,
                        guint       n_rows,
                        DlProblems *problems)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) preview = NULL;
  JsonNode *root, *features;
  JsonArray *array;
  DlImportPeek *peek;
  guint n_features;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;
  if (!json_parser_load_from_data (parser, data, (gssize) len, &error))
    {
      dl_problems_error (problems, "$", _("not valid JSON: %s"), error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  features = dl_import_json_member (root, "features");
  if (g_strcmp0 (dl_import_json_string (dl_import_json_member (root, "type")), "FeatureCollection") != 0
      || features == NULL || !JSON_NODE_HOLDS_ARRAY (features))
    {
      dl_problems_error (problems, "$",
                         _("not a GeoJSON FeatureCollection (an object with “type”: “FeatureCollection” "
                           "and an array of “features”)"));
      return NULL;
    }
  array = json_node_get_array (features);
  n_features = json_array_get_length (array);

  peek = g_new0 (DlImportPeek, 1);
  peek->geojson = TRUE;

  /* Every property of every feature: a property set by some only counts. */
  for (guint i = 0; i < n_features; i++)
    {
      JsonNode *properties = dl_import_json_member (json_array_get_element (array, i), "properties");
      g_autoptr(GList) members = NULL;

      if (properties == NULL || !JSON_NODE_HOLDS_OBJECT (properties))
        continue;
      /* In the order the file writes them (an iterator's is the hash's). */
      members = json_object_get_members (json_node_get_object (properties));
      for (GList *l = members; l != NULL; l = l->next)
        if (!g_hash_table_contains (seen, l->data))
          {
            char *copy = g_strdup (l->data);

            g_ptr_array_add (header, copy);
            g_hash_table_add (seen, copy);
          }
    }

  /* No mapping is needed when a property has a usual date name, or when
   * there is nothing to choose from. */
  peek->recognised = header->len == 0;
  for (guint i = 0; i < header->len && !peek->recognised; i++)
    {
      const char *property = header->pdata[i];
      const DlImportRole date_roles[] = { DL_IMPORT_ROLE_DATE, DL_IMPORT_ROLE_END_DATE };

      for (guint r = 0; r < G_N_ELEMENTS (date_roles) && !peek->recognised; r++)
        {
          const char * const *names = dl_import_geojson_usual_names (date_roles[r]);

          for (guint k = 0; names[k] != NULL; k++)
            if (g_ascii_strcasecmp (property, names[k]) == 0)
              peek->recognised = TRUE;
        }
    }

  peek->guess = dl_import_mapping_new ();
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    {
      const char * const *names = dl_import_geojson_usual_names (role);
      gboolean found = FALSE;

      for (guint k = 0; names[k] != NULL && !found; k++)
        for (guint i = 0; i < header->len && !found; i++)
          if (g_ascii_strcasecmp (header->pdata[i], names[k]) == 0)
            {
              dl_import_mapping_set (peek->guess, role, header->pdata[i]);
              found = TRUE;
            }
    }

  /* The first features: their values in the header's order, and a
   * collection of them alone for the preview. */
  peek->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "FeatureCollection");
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_features && i < n_rows; i++)
    {
      JsonNode *feature = json_array_get_element (array, i);
      JsonNode *properties = dl_import_json_member (feature, "properties");
      GStrvBuilder *row = g_strv_builder_new ();

      for (guint c = 0; c < header->len; c++)
        {
          JsonNode *value = properties != NULL && JSON_NODE_HOLDS_OBJECT (properties)
                            ? json_object_get_member (json_node_get_object (properties), header->pdata[c]) : NULL;

          g_autofree char *text = property_text (value);

          g_strv_builder_add (row, text);
        }
      g_ptr_array_add (peek->rows, g_strv_builder_end (row));
      g_strv_builder_unref (row);
      json_builder_add_value (builder, json_node_copy (feature));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  preview = json_builder_get_root (builder);
  peek->data = json_to_string (preview, FALSE);
  peek->len = strlen (peek->data);

  g_ptr_array_add (header, NULL);
  peek->header = (char **) g_ptr_array_free (g_steal_pointer (&header), FALSE);
  return peek;
}

DlImportPeek *
dl_import_peek_file (GFile        *file,
                     guint         n_rows,
                     DlProblems   *problems,
                     GCancellable *cancellable)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree char *buffer = NULL;
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  /* A file that cannot be read is the loader's to report, in full. */
  if (name == NULL)
    return NULL;
  {
    g_autofree char *lower = g_ascii_strdown (name, -1);

    if (g_str_has_suffix (lower, ".dateline.json"))
      return NULL;
  }
  if ((in = g_file_read (file, cancellable, NULL)) == NULL)
    return NULL;
  buffer = g_malloc (PEEK_BYTES);
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer, PEEK_BYTES, &n, cancellable, NULL))
    return NULL;

  switch (dl_import_detect (name, buffer, n))
    {
    case DL_IMPORT_FORMAT_CSV:
      return dl_import_peek_csv (name, buffer, n, n_rows, problems, n < PEEK_BYTES);
    case DL_IMPORT_FORMAT_GEOJSON:
      {
        g_autoptr(GMappedFile) mapped = NULL;
        g_autofree char *path = g_file_get_path (file);

        /* JSON is read whole; the loader refuses what is too large. */
        if (path == NULL || (mapped = g_mapped_file_new (path, FALSE, NULL)) == NULL
            || g_mapped_file_get_length (mapped) > DL_DATASET_MAX_SIZE
            || g_cancellable_is_cancelled (cancellable))
          return NULL;
        return dl_import_peek_geojson (name, g_mapped_file_get_contents (mapped) != NULL
                                             ? g_mapped_file_get_contents (mapped) : "",
                                       g_mapped_file_get_length (mapped), n_rows, problems);
      }
    case DL_IMPORT_FORMAT_NATIVE:
    case DL_IMPORT_FORMAT_TIMELINEJS:
    case DL_IMPORT_FORMAT_STORYMAPJS:
    default:
      return NULL;
    }
}

/* Remembered mappings */

GSettings *
dl_import_settings (void)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Settings are optional: an uninstalled run may lack the schema. */
  if (schemas == NULL || (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) == NULL)
    return NULL;
  return g_settings_new (APP_ID);
}

static char *
peek_key (const DlImportPeek *peek)
{
  g_auto(GStrv) sorted = NULL;
  guint n;

  if (!peek->geojson)
    return dl_import_header_key ((const char * const *) peek->header);
  /* Features list their properties in any order: the set is what counts
   * (as the key compares them: trimmed, lower-case). */
  n = g_strv_length (peek->header);
  sorted = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    sorted[i] = g_strstrip (g_utf8_strdown (peek->header[i], -1));
  qsort (sorted, n, sizeof (char *), dl_compare_strings);
  return dl_import_header_key ((const char * const *) sorted);
}

static const char *
settings_key (const DlImportPeek *peek)
{
  return peek->geojson ? "geojson-mappings" : "csv-mappings";
}

DlImportMapping *
dl_import_mapping_lookup (GSettings          *settings,
                          const DlImportPeek *peek)
{
  g_autoptr(GSettings) own = settings == NULL ? dl_import_settings () : NULL;
  g_autoptr(GVariant) all = NULL;
  g_autoptr(GVariant) saved = NULL;
  g_autofree char *key = NULL;
  DlImportMapping *mapping;

  g_return_val_if_fail (peek != NULL, NULL);

  if (settings == NULL && (settings = own) == NULL)
    return NULL;
  key = peek_key (peek);
  all = g_settings_get_value (settings, settings_key (peek));
  if ((saved = g_variant_lookup_value (all, key, G_VARIANT_TYPE ("a{ss}"))) == NULL)
    return NULL;
  mapping = dl_import_mapping_new_from_variant (saved, (const char * const *) peek->header);
  /* A feature has its geometry: a GeoJSON mapping without a date is a
   * choice too. */
  if (!peek->geojson && !dl_import_mapping_is_usable (mapping))
    g_clear_pointer (&mapping, dl_import_mapping_free);
  return mapping;
}

void
dl_import_mapping_remember (GSettings             *settings,
                            const DlImportPeek    *peek,
                            const DlImportMapping *mapping)
{
  g_autoptr(GSettings) own = settings == NULL ? dl_import_settings () : NULL;
  g_autoptr(GVariant) all = NULL;
  g_autofree char *key = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *other;
  GVariant *value;

  g_return_if_fail (peek != NULL);
  g_return_if_fail (mapping != NULL);

  if (settings == NULL && (settings = own) == NULL)
    return;
  key = peek_key (peek);
  all = g_settings_get_value (settings, settings_key (peek));
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sa{ss}}"));
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@a{ss}}", &other, &value))
    {
      if (!g_str_equal (other, key))
        g_variant_builder_add (&builder, "{s@a{ss}}", other, value);
      g_variant_unref (value);
    }
  g_variant_builder_add (&builder, "{s@a{ss}}", key, dl_import_mapping_to_variant (mapping));
  g_settings_set_value (settings, settings_key (peek), g_variant_builder_end (&builder));
}

gboolean
dl_import_mapping_parse_one (DlImportMapping *mapping,
                             const char      *spec)
{
  const char *equals = strchr (spec, '=');
  g_autofree char *role_key = NULL;

  g_return_val_if_fail (mapping != NULL, FALSE);

  if (equals == NULL)
    return FALSE;
  role_key = g_strstrip (g_strndup (spec, equals - spec));
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    if (g_ascii_strcasecmp (role_key, role_keys[role]) == 0)
      {
        dl_import_mapping_set (mapping, role, equals + 1);
        return TRUE;
      }
  return FALSE;
}
