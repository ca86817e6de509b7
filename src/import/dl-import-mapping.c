/* dl-import-mapping.c: which column of a table says what, and the start of
 * a CSV file the column-mapping dialog shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-import-mapping.h"
#include "dl-import-private.h"

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
      return _("The name shown for the coordinates");
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
