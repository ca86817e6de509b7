/* dl-csv-reader.c: the records of a CSV file (RFC 4180)
 *
 * Its own file because the importer and the column-mapping preview
 * (dl-import-mapping.c) both read records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-import-private.h"

/* Reading records */

gboolean
dl_csv_next (Csv *csv)
{
  csv->unterminated = FALSE;
  csv->after_quote = FALSE;
  g_string_truncate (csv->buf, 0);
  g_array_set_size (csv->offsets, 0);

  if (csv->p >= csv->end)
    return FALSE;

  for (;;)
    {
      guint start = csv->buf->len;
      gboolean quoted = FALSE;

      g_array_append_val (csv->offsets, start);
      if (csv->p < csv->end && *csv->p == '"')
        {
          quoted = TRUE;
          csv->p++;
          for (;;)
            {
              if (csv->p >= csv->end)
                {
                  csv->unterminated = TRUE;
                  break;
                }
              if (*csv->p == '"')
                {
                  if (csv->p + 1 < csv->end && csv->p[1] == '"')
                    {
                      g_string_append_c (csv->buf, '"');
                      csv->p += 2;
                      continue;
                    }
                  csv->p++;
                  break;
                }
              if (*csv->p == '\n')
                csv->line++;
              /* A line break inside a field is "\n", however the file ends its lines. */
              if (*csv->p == '\r' && csv->p + 1 < csv->end && csv->p[1] == '\n')
                {
                  csv->p++;
                  continue;
                }
              g_string_append_c (csv->buf, *csv->p++);
            }
        }
      /* Unquoted text, or what follows a closing quote (kept, but the row
       * is refused: it is not what the writer meant). */
      {
        const char *start_text = csv->p;

        while (csv->p < csv->end && *csv->p != csv->delimiter && *csv->p != '\n' && *csv->p != '\r')
          csv->p++;
        if (quoted && csv->p > start_text)
          csv->after_quote = TRUE;
        g_string_append_len (csv->buf, start_text, csv->p - start_text);
      }
      g_string_append_c (csv->buf, '\0');

      if (csv->p < csv->end && *csv->p == csv->delimiter)
        {
          csv->p++;
          continue;
        }
      if (csv->p < csv->end && *csv->p == '\r')
        csv->p++;
      if (csv->p < csv->end && *csv->p == '\n')
        csv->p++;
      csv->line++;
      return TRUE;
    }
}

guint
dl_csv_n_fields (Csv *csv)
{
  return csv->offsets->len;
}

char *
dl_csv_field (Csv   *csv,
           guint  index)
{
  return csv->buf->str + g_array_index (csv->offsets, guint, index);
}

gboolean
dl_csv_is_blank (Csv *csv)
{
  return dl_csv_n_fields (csv) == 1 && *g_strstrip (dl_csv_field (csv, 0)) == '\0';
}

char
dl_csv_guess_delimiter (const char *data,
                 const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = data; p < end && (quoted || *p != '\n'); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          commas += *p == ',';
          semicolons += *p == ';';
          tabs += *p == '\t';
        }
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}


void
dl_csv_init (Csv        *csv,
             const char *name,
             const char *data,
             gsize       len)
{
  g_autofree char *lower_name = g_ascii_strdown (name, -1);

  memset (csv, 0, sizeof *csv);
  csv->p = data;
  csv->end = data + len;
  csv->line = 1;
  csv->delimiter = g_str_has_suffix (lower_name, ".tsv") ? '\t' : dl_csv_guess_delimiter (data, data + len);
  csv->buf = g_string_new (NULL);
  csv->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
dl_csv_clear (Csv *csv)
{
  if (csv->buf != NULL)
    g_string_free (csv->buf, TRUE);
  g_clear_pointer (&csv->offsets, g_array_unref);
  csv->buf = NULL;
}

/* The text as UTF-8: as it is, or converted from Windows-1252 (Latin-1
 * where that has no character) with a warning naming the first line. */
char *
dl_csv_to_utf8 (DlProblems  *problems,
                const char **data_inout,
                gsize       *len_inout)
{
  const char *data = *data_inout;
  gsize len = *len_inout;
  const char *bad = NULL;
  char *converted;
  gsize out_len = 0;
  guint line = 1;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;
  *data_inout = data;
  *len_inout = len;
  if (g_utf8_validate_len (data, len, &bad))
    return NULL;

  for (const char *p = data; p < bad; p++)
    line += *p == '\n';
  converted = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, &out_len, NULL);
  if (converted == NULL)
    converted = g_convert (data, len, "UTF-8", "ISO-8859-1", NULL, &out_len, NULL);
  if (converted != NULL)
    {
      g_autofree char *path = g_strdup_printf (_("line %u"), line);

      dl_problems_warning (problems, path,
                           _("the file is not UTF-8: it was read as Latin-1 (Windows-1252); check its accented letters"));
      *data_inout = converted;
      *len_inout = out_len;
    }
  return converted;
}
