/* dl-export-csv.c: events as CSV (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export-csv"

#include <string.h>

#include "dl-export-csv.h"
#include "dl-export-stream.h"
#include "dl-words.h"

static void
append_field (GString    *out,
              const char *value,
              gboolean    last)
{
  if (value == NULL)
    value = "";

  /* Quote when a comma, a quote or a line break would break the row. */
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

/* Free text from a dataset: a cell a spreadsheet would run as a formula
 * (=, +, -, @, tab, CR first) is kept as text with a leading apostrophe, as
 * spreadsheets themselves do (OWASP, "CSV injection"). */
static void
append_text (GString    *out,
             const char *value)
{
  g_autofree char *guarded = NULL;

  if (value != NULL && strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    value = guarded = g_strconcat ("'", value, NULL);

  append_field (out, value, FALSE);
}

static void
append_double (GString *out,
               double   value,
               int      decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  append_field (out, g_ascii_formatd (buffer, sizeof buffer, format, value), FALSE);
}

char *
dl_export_csv (DlDataset  *dataset,
               GListModel *events,
               gsize      *length)
{
  return dl_export_csv_full (dataset, events, DL_EXPORT_CSV_NONE, length);
}

/* Column names are a file format, not user interface: never translated.
 * A row reads on its own: the place by name, the date in words, the
 * summary and the first passage with its article's title. */
static void
append_header (GString          *out,
               DlExportCsvFlags  flags)
{
  /* Some spreadsheets read a file without a byte order mark as the
   * system's legacy encoding: the mark makes them read UTF-8. */
  if (flags & DL_EXPORT_CSV_BOM)
    g_string_append (out, "\xef\xbb\xbf");

  g_string_append (out, "id,title,category,when,start,end,lat,lon,precision_m,sources,excerpts,"
                        "date,place,summary,passage,passage_source\r\n");
}

static void
append_row (GString       *out,
            DlWordsCiter  *citer,
            DlExportDates *dates,
            DlEvent       *event)
{
  const DlExportDate *date = dl_export_dates_get (dates, dl_event_get_when (event), TRUE);
  g_autoptr(GPtrArray) sources = dl_event_dup_source_ids (event);
  g_autofree char *joined = NULL;
  g_autofree char *n_excerpts = g_strdup_printf ("%u", dl_event_get_n_excerpts (event));
  DlLonLat anchor = dl_event_get_anchor (event);
  g_autofree char *places = NULL;
  g_autofree char *summary = NULL;
  const DlExcerpt *excerpt = NULL;

  g_ptr_array_add (sources, NULL);
  joined = g_strjoinv (";", (char **) sources->pdata);

  append_text (out, dl_event_get_id (event));
  append_text (out, dl_event_get_title (event));
  append_text (out, dl_event_get_category (event));
  append_field (out, dl_event_get_when_text (event), FALSE);
  append_field (out, date->start, FALSE);
  append_field (out, date->end, FALSE);
  append_double (out, anchor.lat, 6);
  append_double (out, anchor.lon, 6);
  append_double (out, dl_event_get_precision_m (event), 0);
  append_text (out, joined);
  append_field (out, n_excerpts, FALSE);

  places = dl_words_places (event);
  summary = dl_words_citer_cite (citer, dl_event_get_summary (event));
  if (dl_event_get_n_excerpts (event) > 0)
    excerpt = dl_event_get_excerpt (event, 0);

  append_text (out, date->words);
  append_text (out, places);
  append_text (out, summary);
  append_text (out, excerpt != NULL ? excerpt->exact : NULL);
  append_text (out, excerpt != NULL ? dl_source_get_title (excerpt->source) : NULL);
  /* The last field ends the row. */
  g_string_truncate (out, out->len - 1);
  g_string_append (out, "\r\n");
}

char *
dl_export_csv_full (DlDataset        *dataset,
                    GListModel       *events,
                    DlExportCsvFlags  flags,
                    gsize            *length)
{
  GString *out = g_string_new (NULL);
  DlWordsCiter *citer;
  DlExportDates *dates;
  guint n;

  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (events == NULL || G_IS_LIST_MODEL (events), NULL);

  if (events == NULL)
    events = dl_dataset_get_events (dataset);

  append_header (out, flags);
  citer = dl_words_citer_new (dataset);
  dates = dl_export_dates_new ();
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      append_row (out, citer, dates, event);
    }
  dl_words_citer_free (citer);
  dl_export_dates_free (dates);

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

gboolean
dl_export_csv_to_file (DlDataset   *dataset,
                       GListModel  *events,
                       const char  *path,
                       GError     **error)
{
  return dl_export_csv_to_file_full (dataset, events, DL_EXPORT_CSV_NONE, path, error);
}

gboolean
dl_export_csv_to_file_full (DlDataset         *dataset,
                            GListModel        *events,
                            DlExportCsvFlags   flags,
                            const char        *path,
                            GError           **error)
{
  DlExportStream stream;
  DlWordsCiter *citer;
  DlExportDates *dates;
  guint n;

  g_return_val_if_fail (DL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (events == NULL || G_IS_LIST_MODEL (events), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (events == NULL)
    events = dl_dataset_get_events (dataset);

  /* Row by row into the file (dl-export-stream.h): the whole text of a
   * million events would cost 290 MB more. */
  if (!dl_export_stream_open (&stream, path, error))
    return FALSE;

  append_header (stream.buffer, flags);
  citer = dl_words_citer_new (dataset);
  dates = dl_export_dates_new ();
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      append_row (stream.buffer, citer, dates, event);
      dl_export_stream_pass (&stream);
    }
  dl_words_citer_free (citer);
  dl_export_dates_free (dates);

  return dl_export_stream_commit (&stream, error);
}
