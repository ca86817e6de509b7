/* dl-import-csv.c: CSV files, with the conventions of ACLED and UCDP GED
 *
 * RFC 4180: fields quoted with '"' (a quote inside doubled) may hold the
 * delimiter and line breaks; records end with CRLF or LF; the first record
 * is the header. UTF-8 with or without a byte-order mark; anything else is
 * read as Windows-1252/Latin-1, with a warning. The delimiter is the one of
 * ',', ';' and tab the header uses most.
 *
 * How precision codes become EDTF and metres is in docs/dataset-format.md
 * ("Opening other formats"): keep the two in step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-import"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dl-import-private.h"
#include "dl-json-reader.h"

typedef enum {
  CONVENTION_GENERIC,
  CONVENTION_ACLED,
  CONVENTION_UCDP,
} Convention;


typedef struct {
  DlImporter *importer;
  Csv        *csv;
  Convention  convention;
  GHashTable *columns;     /* lower-case name → index + 1 */
  GPtrArray  *names;       /* the header's names, as written */
  guint       line;        /* the record's first line */
  gboolean    bad;         /* the row is skipped */
  gboolean    convention_country; /* another table with a "country" column */
  char       *default_source;
  /* Per role, the columns to read it from, first found first: the usual
   * names, or the one the user chose (in chosen[]), or none. */
  const char * const *role_columns[DL_IMPORT_N_ROLES];
  const char *chosen[DL_IMPORT_N_ROLES][2];
  char       *chosen_lower[DL_IMPORT_N_ROLES];
} Table;

/* Columns by their usual names, lower-case, the likeliest first. */
static const char * const title_names[] = { "title", "name", "headline", "event", NULL };
static const char * const date_names[] = { "date", "when", "event_date", "start", "start_date", "begin",
                                           "time", "timestamp", "datetime", NULL };
static const char * const end_names[] = { "end", "end_date", "until", NULL };
static const char * const lat_names[] = { "latitude", "lat", "y", NULL };
static const char * const lon_names[] = { "longitude", "lon", "lng", "long", "x", NULL };
static const char * const wkt_names[] = { "wkt", "geometry", "geom", "the_geom", NULL };
static const char * const place_names[] = { "location", "place", "place_name", "city", NULL };
static const char * const category_names[] = { "category", "type", "event_type", "group", NULL };
static const char * const notes_names[] = { "notes", "description", "summary", "text", "details", NULL };
static const char * const source_names[] = { "source", "sources", NULL };
static const char * const id_names[] = { "event_id_cnty", "id", "event_id", "uid", NULL };

const char * const *
dl_import_csv_usual_names (DlImportRole role)
{
  static const char * const * const names[DL_IMPORT_N_ROLES] = {
    [DL_IMPORT_ROLE_TITLE] = title_names,
    [DL_IMPORT_ROLE_DATE] = date_names,
    [DL_IMPORT_ROLE_END_DATE] = end_names,
    [DL_IMPORT_ROLE_LATITUDE] = lat_names,
    [DL_IMPORT_ROLE_LONGITUDE] = lon_names,
    [DL_IMPORT_ROLE_WKT] = wkt_names,
    [DL_IMPORT_ROLE_PLACE] = place_names,
    [DL_IMPORT_ROLE_CATEGORY] = category_names,
    [DL_IMPORT_ROLE_SUMMARY] = notes_names,
    [DL_IMPORT_ROLE_SOURCE] = source_names,
    [DL_IMPORT_ROLE_ID] = id_names,
  };

  g_return_val_if_fail (role < DL_IMPORT_N_ROLES, NULL);
  return names[role];
}

/* Problems: "line 12, column latitude: …" */

static void G_GNUC_PRINTF (3, 4)
row_problem (Table      *table,
             const char *column,
             const char *format,
             ...)
{
  g_autofree char *path = NULL;
  va_list args;

  if (column != NULL)
    /* Translators: where a problem is in a CSV file */
    path = g_strdup_printf (_("line %u, column %s"), table->line, column);
  else
    /* Translators: where a problem is in a CSV file */
    path = g_strdup_printf (_("line %u"), table->line);

  va_start (args, format);
  dl_problems_add_valist (table->importer->problems, DL_SEVERITY_WARNING, path, format, args);
  va_end (args);
}

/* "line 3, column location", for a place looked up by name. */
static char *
cell_path (Table      *table,
           const char *column)
{
  /* Translators: where a problem is in a CSV file */
  return g_strdup_printf (_("line %u, column %s"), table->line, column);
}

/* A cell by column name, trimmed; NULL when the table has no such column,
 * "" when it is empty. */
static const char *
cell (Table      *table,
      const char *column)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (table->columns, column));

  if (index == 0 || index > dl_csv_n_fields (table->csv))
    return NULL;
  return g_strstrip (dl_csv_field (table->csv, index - 1));
}

static const char *
first_cell (Table              *table,
            const char * const *columns,
            const char        **used)
{
  for (guint i = 0; columns[i] != NULL; i++)
    {
      const char *value = cell (table, columns[i]);

      if (value != NULL)
        {
          if (used != NULL)
            *used = columns[i];
          return value;
        }
    }
  return NULL;
}

static gboolean
empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
read_number (Table      *table,
             const char *column,
             const char *text,
             double     *value)
{
  char *end;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value))
    {
      g_autofree char *shown = dl_json_shorten (text, 40);

      row_problem (table, column, _("“%s” is not a number"), shown);
      table->bad = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* An integer code such as time_precision; 0 when empty or not one. */
static int
read_code (const char *text)
{
  char *end;
  gint64 value;

  if (empty (text))
    return 0;
  value = g_ascii_strtoll (text, &end, 10);
  /* "2.0", as spreadsheets write it */
  if (g_str_equal (end, ".0"))
    end += 2;
  return *end == '\0' && value > 0 && value < 100 ? (int) value : -1;
}

/* Latitude and longitude, or neither (the event is then on the timeline
 * only). FALSE for a bad row. */
/* "POINT (35.2 31.8)", "SRID=4326;POINT(35.2 31.8)": WKT points only. */
static gboolean
read_wkt_point (const char *text,
                DlLonLat   *position)
{
  const char *p = text;
  char *end;

  if (g_ascii_strncasecmp (p, "SRID=", 5) == 0 && (p = strchr (p, ';')) != NULL)
    p++;
  if (p == NULL || g_ascii_strncasecmp (p, "POINT", 5) != 0)
    return FALSE;
  p += 5;
  while (g_ascii_isspace (*p))
    p++;
  if (*p++ != '(')
    return FALSE;
  position->lon = g_ascii_strtod (p, &end);
  if (end == p)
    return FALSE;
  p = end;
  position->lat = g_ascii_strtod (p, &end);
  if (end == p)
    return FALSE;
  p = end;
  while (g_ascii_isspace (*p))
    p++;
  return *p == ')' && p[1] == '\0' && isfinite (position->lon) && isfinite (position->lat);
}

/* Latitude and longitude (or a WKT point), or neither (the event is then
 * on the timeline only). FALSE for a bad row. */
static gboolean
read_position (Table    *table,
               gboolean *has,
               DlLonLat *position)
{
  const char *lat_column = "latitude", *lon_column = "longitude", *wkt_column = NULL;
  const char *lat = first_cell (table, table->role_columns[DL_IMPORT_ROLE_LATITUDE], &lat_column);
  const char *lon = first_cell (table, table->role_columns[DL_IMPORT_ROLE_LONGITUDE], &lon_column);
  const char *wkt = first_cell (table, table->role_columns[DL_IMPORT_ROLE_WKT], &wkt_column);

  *has = FALSE;
  if (empty (lat) && empty (lon) && !empty (wkt))
    {
      if (!read_wkt_point (wkt, position))
        {
          g_autofree char *shown = dl_json_shorten (wkt, 40);

          row_problem (table, wkt_column, _("“%s” is not a WKT point such as POINT (35.2 31.8)"), shown);
          return FALSE;
        }
      lat_column = lon_column = wkt_column;
      lat = lon = wkt;
    }
  else
    {
      if (empty (lat) && empty (lon))
        return TRUE;
      if (empty (lat) || empty (lon))
        {
          row_problem (table, empty (lat) ? lat_column : lon_column,
                       _("the longitude is given without the latitude, or the latitude without the longitude"));
          return FALSE;
        }
      if (!read_number (table, lat_column, lat, &position->lat)
          || !read_number (table, lon_column, lon, &position->lon))
        return FALSE;
    }
  if (position->lat < -90 || position->lat > 90)
    {
      row_problem (table, lat_column, _("latitude %s is out of range (−90 to 90)"), lat);
      return FALSE;
    }
  if (position->lon < -180 || position->lon > 180)
    {
      row_problem (table, lon_column, _("longitude %s is out of range (−180 to 180)"), lon);
      return FALSE;
    }
  *has = TRUE;
  return TRUE;
}

static char *
join_nonempty (const char *separator,
               const char *first,
               ...)
{
  GString *out = g_string_new (NULL);
  const char *item = first;
  va_list args;

  va_start (args, first);
  while (item != (const char *) 1)
    {
      if (!empty (item))
        g_string_append_printf (out, "%s%s", out->len > 0 ? separator : "", item);
      item = va_arg (args, const char *);
    }
  va_end (args);
  return g_string_free (out, FALSE);
}

/* The sources named in a cell ("Reuters; Al Jazeera"), or the file. */
static void
cite (Table      *table,
      DlEvent    *event,
      const char *names,
      const char *passage)
{
  guint before = event->excerpt_array->len;

  if (!empty (names))
    {
      g_auto(GStrv) parts = g_strsplit (names, ";", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *name = g_strstrip (parts[i]);

          if (*name != '\0')
            dl_importer_add_excerpt (table->importer, event,
                                     dl_importer_get_source (table->importer, name), passage);
        }
    }
  if (event->excerpt_array->len == before)
    dl_importer_add_excerpt (table->importer, event,
                             dl_importer_get_source (table->importer, table->default_source), passage);
}

static char *
day_text (int year,
          int month,
          int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The row's place: at its coordinates when it has them (the wider area
 * they lie in as the place's note); else found by name, the place the
 * row names, else its region, else its country (dl-import-places.c). */
static void
place_row (Table          *table,
           DlEvent        *event,
           const DlLonLat *position,
           const char     *place_name,
           const char     *area,
           double          precision_m,
           const char     *kind,
           const char     *place_column,
           const char     *region_column)
{
  if (position != NULL)
    {
      DlPlace *place = dl_importer_point_place (table->importer, place_name, position->lon, position->lat,
                                                precision_m, kind);

      if (place->note == NULL && !empty (area) && g_strcmp0 (area, place_name) != 0)
        place->note = g_strdup (area);
      g_ptr_array_add (event->places, g_object_ref (place));
    }
  else
    {
      const char *names[] = { cell (table, place_column), cell (table, region_column), cell (table, "country"),
                              (const char *) 1 };
      g_autofree char *p0 = cell_path (table, place_column);
      g_autofree char *p1 = cell_path (table, region_column);
      g_autofree char *p2 = cell_path (table, "country");
      const char *paths[] = { p0, p1, p2 };

      dl_importer_place_by_name (table->importer, event, names, paths, cell (table, "country"), precision_m);
    }
}

/* ACLED */

static void
acled_row (Table   *table,
           DlEvent *event)
{
  const char *date = cell (table, "event_date");
  int time_precision = read_code (cell (table, "time_precision"));
  int geo_precision = read_code (cell (table, "geo_precision"));
  const char *location = cell (table, "location");
  const char *event_type = cell (table, "event_type");
  const char *sub_event_type = cell (table, "sub_event_type");
  const char *notes = cell (table, "notes");
  const char *fatalities = cell (table, "fatalities");
  const char *kind = NULL;
  g_autofree char *actors = join_nonempty ("; ", cell (table, "actor1"), cell (table, "actor2"), (const char *) 1);
  g_autofree char *area = join_nonempty (", ", cell (table, "admin3"), cell (table, "admin2"),
                                         cell (table, "admin1"), cell (table, "country"), (const char *) 1);
  const char *what = !empty (sub_event_type) ? sub_event_type : event_type;
  const char *place_name = !empty (location) ? location : area;
  gboolean has_position;
  DlLonLat position;
  double precision_m = 2000;

  /* When: event_date with time_precision 1 (the day), 2 (the week), 3 (the month). */
  if (!empty (date))
    {
      int year, month, day;
      gboolean has_year;
      g_autofree char *edtf = NULL;
      g_autofree char *iso = NULL;

      if (!dl_import_parse_date (date, &year, &month, &day, &has_year) || !has_year || day == 0)
        {
          g_autofree char *shown = dl_json_shorten (date, 40);

          row_problem (table, "event_date", _("“%s” is not a date (expected 2023-01-31 or 16 May 2025)"), shown);
          table->bad = TRUE;
          return;
        }
      if (time_precision < 0 || time_precision > 3)
        {
          row_problem (table, "time_precision", _("“%s” is not 1, 2 or 3: the month is taken"),
                       cell (table, "time_precision"));
          time_precision = 3;
        }
      iso = day_text (year, month, day);
      if (time_precision == 2)
        {
          /* The week, Monday to Sunday, that holds the date. */
          gint64 days = dl_days_from_civil (year, month, day);
          gint64 monday = days - (((days + 3) % 7) + 7) % 7;
          gint64 y1, y2;
          int m1, d1, m2, d2;
          g_autofree char *first = NULL;
          g_autofree char *last = NULL;

          dl_civil_from_days (monday, &y1, &m1, &d1);
          dl_civil_from_days (monday + 6, &y2, &m2, &d2);
          first = day_text ((int) y1, m1, d1);
          last = day_text ((int) y2, m2, d2);
          edtf = g_strdup_printf ("%s/%s", first, last);
          event->when_basis = g_strdup_printf (_("ACLED event_date %s with time_precision 2: some day in that week"), iso);
        }
      else if (time_precision == 3)
        {
          edtf = g_strdup_printf ("%04d-%02d", year, month);
          event->when_basis = g_strdup_printf (_("ACLED event_date %s with time_precision 3: some day in that month"), iso);
        }
      else
        {
          edtf = g_strdup (iso);
          event->when_basis = g_strdup_printf (_("ACLED event_date %s: the day is reported"), iso);
        }
      dl_import_set_when (event, edtf);
    }

  /* Where: geo_precision 1 (the place), 2 (near it), 3 (the region). */
  if (!read_position (table, &has_position, &position))
    {
      table->bad = TRUE;
      return;
    }
  if (geo_precision < 0 || geo_precision > 3)
    {
      row_problem (table, "geo_precision", _("“%s” is not 1, 2 or 3: the region is taken"),
                   cell (table, "geo_precision"));
      geo_precision = 3;
    }
  switch (geo_precision)
    {
    case 2:
      precision_m = 10000;
      kind = "area";
      break;
    case 3:
      precision_m = 100000;
      kind = "region";
      break;
    default:
      precision_m = 2000;
      kind = "town";
      break;
    }
  place_row (table, event, has_position ? &position : NULL, place_name, area, precision_m, kind, "location", "admin1");

  event->category = dl_importer_category (table->importer, event_type);
  if (!empty (what) && !empty (place_name))
    /* Translators: an imported event's title: what happened, where ("Armed clash in Aleppo") */
    event->title = g_strdup_printf (_("%s in %s"), what, place_name);
  else if (!empty (what))
    event->title = g_strdup (what);
  else
    event->title = g_strdup_printf (_("Row %u"), table->line);

  if (!empty (notes) && !empty (actors))
    /* Translators: an imported event's summary: the notes, then who took part */
    event->summary = g_strdup_printf (_("%s\nActors: %s"), notes, actors);
  else if (!empty (notes))
    event->summary = g_strdup (notes);
  else if (!empty (actors))
    event->summary = g_strdup_printf (_("Actors: %s"), actors);

  cite (table, event, cell (table, "source"), !empty (notes) ? notes : event->title);

  if (!empty (fatalities))
    {
      int count = read_code (fatalities);

      if (g_str_equal (fatalities, "0"))
        count = 0;
      else if (count <= 0)
        {
          double value;
          char *end;

          value = g_ascii_strtod (fatalities, &end);
          count = *end == '\0' && value >= 0 && value < 1e9 && value == floor (value) ? (int) value : -1;
        }
      if (count < 0)
        row_problem (table, "fatalities", _("“%s” is not a count: the fatalities are left out"), fatalities);
      else
        {
          g_autofree char *text = g_strdup_printf ("%d", count);

          dl_importer_add_claim (table->importer, event, "fatalities", _("Fatalities"), text, count, TRUE, NULL);
        }
    }
}

/* UCDP GED */

static gboolean
ucdp_day (Table      *table,
          const char *column,
          char      **iso)
{
  const char *text = cell (table, column);
  int year, month, day;
  gboolean has_year;
  g_autofree char *date = NULL;

  *iso = NULL;
  if (empty (text))
    return TRUE;
  /* "2017-01-05 00:00:00.000" */
  date = g_strndup (text, 10);
  if (!dl_import_parse_date (date, &year, &month, &day, &has_year) || !has_year || day == 0
      || (text[10] != '\0' && text[10] != ' ' && text[10] != 'T'))
    {
      g_autofree char *shown = dl_json_shorten (text, 40);

      row_problem (table, column, _("“%s” is not a date (expected 2017-01-05)"), shown);
      table->bad = TRUE;
      return FALSE;
    }
  *iso = day_text (year, month, day);
  return TRUE;
}

static void
ucdp_row (Table   *table,
          DlEvent *event)
{
  static const char * const date_meaning[] = {
    N_("the day is known"), N_("within 2 to 6 days"), N_("within a week"),
    N_("within a month"), N_("within a year"),
  };
  static const double where_precision_m[] = { 1000, 25000, 50000, 150000, 200000, 500000, 500000 };
  static const char * const where_kind[] = { "town", "area", "district", "region", "region", "country", "sea" };
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  int date_prec = read_code (cell (table, "date_prec"));
  int where_prec = read_code (cell (table, "where_prec"));
  const char *violence = cell (table, "type_of_violence");
  const char *where = cell (table, "where_coordinates");
  const char *headline = cell (table, "source_headline");
  const char *best = cell (table, "best");
  const char *low = cell (table, "low");
  const char *high = cell (table, "high");
  g_autofree char *area = join_nonempty (", ", cell (table, "adm_2"), cell (table, "adm_1"),
                                         cell (table, "country"), (const char *) 1);
  g_autofree char *sides = join_nonempty (" – ", cell (table, "side_a"), cell (table, "side_b"), (const char *) 1);
  const char *dyad = cell (table, "dyad_name");
  const char *who = !empty (dyad) ? dyad : sides;
  const char *place_name = !empty (where) ? where : area;
  gboolean has_position;
  DlLonLat position;

  if (!ucdp_day (table, "date_start", &start) || !ucdp_day (table, "date_end", &end))
    return;
  if (date_prec < 0 || date_prec > 5)
    {
      row_problem (table, "date_prec", _("“%s” is not 1 to 5: the dates are taken as they are"),
                   cell (table, "date_prec"));
      date_prec = 0;
    }
  if (start != NULL || end != NULL)
    {
      g_autofree char *edtf = NULL;

      if (start == NULL || end == NULL || g_str_equal (start, end))
        edtf = g_strdup (start != NULL ? start : end);
      else
        edtf = g_strdup_printf ("%s/%s", start, end);
      if (!dl_import_set_when (event, edtf))
        {
          row_problem (table, "date_end", _("the end %s is before the start %s"), end, start);
          table->bad = TRUE;
          return;
        }
      if (date_prec > 0)
        event->when_basis = g_strdup_printf (_("UCDP date_start %s, date_end %s, date_prec %d: %s"),
                                             start != NULL ? start : "—", end != NULL ? end : "—",
                                             date_prec, _(date_meaning[date_prec - 1]));
    }

  if (!read_position (table, &has_position, &position))
    {
      table->bad = TRUE;
      return;
    }
  if (where_prec < 0 || where_prec > 7)
    {
      row_problem (table, "where_prec", _("“%s” is not 1 to 7: the country is taken"), cell (table, "where_prec"));
      where_prec = 6;
    }
  {
    int code = where_prec > 0 ? where_prec : 1;

    place_row (table, event, has_position ? &position : NULL, place_name, area, where_precision_m[code - 1],
               where_kind[code - 1], "where_coordinates", "adm_1");
  }

  if (g_strcmp0 (violence, "1") == 0)
    event->category = dl_importer_named_category (table->importer, "state-based", "State-based conflict");
  else if (g_strcmp0 (violence, "2") == 0)
    event->category = dl_importer_named_category (table->importer, "non-state", "Non-state conflict");
  else if (g_strcmp0 (violence, "3") == 0)
    event->category = dl_importer_named_category (table->importer, "one-sided", "One-sided violence");
  else
    event->category = dl_importer_category (table->importer, violence);

  if (!empty (who) && !empty (place_name))
    event->title = g_strdup_printf (_("%s in %s"), who, place_name);
  else if (!empty (who))
    event->title = g_strdup (who);
  else
    event->title = g_strdup_printf (_("Row %u"), table->line);
  if (!empty (headline))
    event->summary = g_strdup (headline);

  cite (table, event, cell (table, "source_office"), !empty (headline) ? headline : event->title);

  /* One claim: the best estimate with the range low–high around it. */
  if (!empty (best))
    {
      double b, l = 0, h = 0;

      if (!read_number (table, "best", best, &b))
        {
          table->bad = FALSE;  /* the event stands without the figure */
          return;
        }
      if (!empty (low) && !empty (high) && read_number (table, "low", low, &l) && read_number (table, "high", high, &h)
          && (l != b || h != b))
        {
          g_autofree char *text = g_strdup_printf ("%.15g", b);

          if (dl_importer_add_claim (table->importer, event, "deaths", _("Deaths: best estimate (low–high)"),
                                     text, b, TRUE, NULL))
            {
              if (l <= b && b <= h)
                dl_importer_set_claim_range (event, l, h);
              else
                row_problem (table, "best", _("the best estimate %s is not between low (%s) and high (%s): "
                                              "the range is left out"), best, low, high);
            }
        }
      else
        dl_importer_add_claim (table->importer, event, "deaths", _("Deaths"), best, b, TRUE, NULL);
      table->bad = FALSE;
    }
}

/* Any other table: a date, coordinates, or both. */

static char *
generic_when (Table              *table,
              const char * const *columns)
{
  const char *column = NULL;
  const char *text = first_cell (table, columns, &column);
  int year, month, day;
  gboolean has_year;
  char *edtf;
  char *end;
  double ms;

  if (empty (text))
    return NULL;
  if ((edtf = dl_import_iso_to_edtf (text)) != NULL)
    return edtf;
  if (dl_import_parse_date (text, &year, &month, &day, &has_year) && has_year)
    return day != 0 ? day_text (year, month, day)
                    : month != 0 ? g_strdup_printf ("%04d-%02d", year, month) : g_strdup_printf ("%04d", year);
  ms = g_ascii_strtod (text, &end);
  if (*end == '\0' && ms > 1e11 && (edtf = dl_import_epoch_ms_to_edtf (ms)) != NULL)
    return edtf;

  {
    g_autofree char *shown = dl_json_shorten (text, 40);

    row_problem (table, column, _("“%s” is not a date"), shown);
    table->bad = TRUE;
  }
  return NULL;
}

static void
generic_row (Table   *table,
             DlEvent *event)
{
  g_autofree char *start = generic_when (table, table->role_columns[DL_IMPORT_ROLE_DATE]);
  g_autofree char *end = table->bad ? NULL : generic_when (table, table->role_columns[DL_IMPORT_ROLE_END_DATE]);
  const char *title = first_cell (table, table->role_columns[DL_IMPORT_ROLE_TITLE], NULL);
  const char *notes = first_cell (table, table->role_columns[DL_IMPORT_ROLE_SUMMARY], NULL);
  const char *place_column = NULL;
  const char *place_name = first_cell (table, table->role_columns[DL_IMPORT_ROLE_PLACE], &place_column);
  gboolean has_position;
  DlLonLat position;

  if (table->bad)
    return;
  if (start != NULL || end != NULL)
    {
      g_autofree char *edtf = start != NULL && end != NULL ? g_strdup_printf ("%s/%s", start, end)
                              : start != NULL ? g_strdup (start) : g_strdup_printf ("/%s", end);

      if (!dl_import_set_when (event, edtf))
        {
          row_problem (table, NULL, _("“%s” is not a valid time span"), edtf);
          table->bad = TRUE;
          return;
        }
    }
  if (!read_position (table, &has_position, &position))
    {
      table->bad = TRUE;
      return;
    }
  if (has_position)
    g_ptr_array_add (event->places,
                     g_object_ref (dl_importer_point_place (table->importer, place_name, position.lon, position.lat,
                                                            DL_IMPORT_DEFAULT_PRECISION_M, NULL)));
  else if (!empty (place_name))
    {
      /* Named, without coordinates: by name, in the row's country when
       * a "country" column gives one (dl-import-places.c). */
      const char *country = table->convention_country ? cell (table, "country") : NULL;
      const char *names[] = { place_name, country, (const char *) 1 };
      g_autofree char *p0 = cell_path (table, place_column);
      g_autofree char *p1 = cell_path (table, "country");
      const char *paths[] = { p0, p1 };

      dl_importer_place_by_name (table->importer, event, names, paths, country, 0);
    }

  event->category = dl_importer_category (table->importer, first_cell (table, table->role_columns[DL_IMPORT_ROLE_CATEGORY], NULL));
  event->title = !empty (title) ? g_strdup (title) : g_strdup_printf (_("Row %u"), table->line);
  if (!empty (notes))
    event->summary = g_strdup (notes);
  if (!empty (notes))
    cite (table, event, first_cell (table, table->role_columns[DL_IMPORT_ROLE_SOURCE], NULL), notes);
}

/* The file */

static gboolean
has (Table      *table,
     const char *column)
{
  return g_hash_table_contains (table->columns, column);
}

gboolean
dl_import_csv_is_recognised (GHashTable *columns)
{
#define HAS(name) g_hash_table_contains (columns, name)
  return (HAS ("event_date") && (HAS ("event_id_cnty") || HAS ("time_precision") || HAS ("event_type")))
         || (HAS ("date_start")
             && (HAS ("where_prec") || HAS ("date_prec") || HAS ("best") || HAS ("type_of_violence")));
#undef HAS
}

static gboolean
has_any (Table              *table,
         const char * const *columns)
{
  for (guint i = 0; columns[i] != NULL; i++)
    if (has (table, columns[i]))
      return TRUE;
  return FALSE;
}

gboolean
dl_import_csv (DlImporter *importer,
               const char *data,
               gsize       len)
{
  g_autofree char *converted = NULL;
  Csv csv;
  Table table = { 0 };
  guint n_columns;

  converted = dl_csv_to_utf8 (importer->problems, &data, &len);
  dl_csv_init (&csv, importer->name, data, len);

  table.importer = importer;
  table.csv = &csv;
  table.columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table.names = g_ptr_array_new_with_free_func (g_free);
  table.default_source = g_path_get_basename (importer->name);

  while (dl_csv_next (&csv) && dl_csv_is_blank (&csv))
    ;
  n_columns = dl_csv_n_fields (&csv);
  if (len == 0 || n_columns == 0 || dl_csv_is_blank (&csv))
    {
      g_autofree char *first_line = g_strdup_printf (_("line %u"), 1);

      dl_problems_error (importer->problems, first_line, _("the file is empty: a CSV file needs a header line"));
      goto out;
    }
  for (guint i = 0; i < n_columns; i++)
    {
      char *name = g_strstrip (dl_csv_field (&csv, i));

      g_ptr_array_add (table.names, g_strdup (name));
      g_hash_table_insert (table.columns, g_ascii_strdown (name, -1), GUINT_TO_POINTER (i + 1));
    }

  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    table.role_columns[role] = dl_import_csv_usual_names (role);

  if (dl_import_csv_is_recognised (table.columns))
    table.convention = has (&table, "event_date") ? CONVENTION_ACLED : CONVENTION_UCDP;
  else if (importer->mapping != NULL)
    {
      /* The columns the user chose, and no others. */
      table.convention = CONVENTION_GENERIC;
      for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
        {
          const char *column = dl_import_mapping_get (importer->mapping, role);

          table.role_columns[role] = table.chosen[role];
          if (column == NULL)
            continue;
          table.chosen_lower[role] = g_ascii_strdown (column, -1);
          g_strstrip (table.chosen_lower[role]);
          table.chosen[role][0] = table.chosen_lower[role];
          if (!has (&table, table.chosen_lower[role]))
            {
              g_autofree char *path = g_strdup_printf (_("line %u"), 1);

              /* Translators: the second %s is what the column was chosen for, as “End date” */
              dl_problems_error (importer->problems, path, _("the file has no column “%s” (chosen for “%s”)"),
                                 column, dl_import_role_label (role));
            }
        }
      if (dl_problems_has_errors (importer->problems))
        goto out;
    }
  else if (has_any (&table, date_names) || has (&table, "latitude") || has (&table, "lat")
           || has_any (&table, place_names))
    table.convention = CONVENTION_GENERIC;
  else
    {
      g_autofree char *path = g_strdup_printf (_("line %u"), 1);

      dl_problems_error (importer->problems, path,
                         _("the columns are not recognised: ACLED and UCDP GED exports open as they are; "
                           "other tables need a date column (date, start…), latitude and longitude columns, or "
                           "a place name column (location, place…)"));
      goto out;
    }

  table.convention_country = table.convention == CONVENTION_GENERIC && has (&table, "country");
  if (table.convention == CONVENTION_ACLED)
    importer->title = g_strdup_printf (_("ACLED events from %s"), table.default_source);
  else if (table.convention == CONVENTION_UCDP)
    importer->title = g_strdup_printf (_("UCDP GED events from %s"), table.default_source);

  for (;;)
    {
      g_autoptr(DlEvent) event = NULL;
      const char *id;

      table.line = csv.line;
      if (!dl_csv_next (&csv))
        break;
      if (dl_csv_is_blank (&csv))
        continue;
      if ((importer->n_read + importer->n_skipped) % 1024 == 0)
        {
          if (g_cancellable_is_cancelled (importer->cancellable))
            break;
          dl_importer_progress (importer, csv.p - data, len);
        }

      table.bad = FALSE;
      if (csv.unterminated)
        {
          row_problem (&table, NULL, _("a quoted field is not closed: the rest of the file is this one row"));
          importer->n_skipped++;
          break;
        }
      if (csv.after_quote)
        {
          row_problem (&table, NULL, _("text follows a closing quote: write a quote inside a field as \"\""));
          importer->n_skipped++;
          continue;
        }
      if (dl_csv_n_fields (&csv) != n_columns)
        {
          row_problem (&table, NULL, _("the row has %u fields, the header %u"), dl_csv_n_fields (&csv), n_columns);
          importer->n_skipped++;
          continue;
        }

      event = dl_event_new ();
      switch (table.convention)
        {
        case CONVENTION_ACLED:
          acled_row (&table, event);
          break;
        case CONVENTION_UCDP:
          ucdp_row (&table, event);
          break;
        case CONVENTION_GENERIC:
        default:
          generic_row (&table, event);
          break;
        }

      if (!table.bad && event->when_text == NULL && event->places->len == 0)
        {
          row_problem (&table, NULL, _("the row has neither a date nor a place"));
          table.bad = TRUE;
        }
      if (table.bad)
        {
          importer->n_skipped++;
          continue;
        }

      id = first_cell (&table, table.role_columns[DL_IMPORT_ROLE_ID], NULL);
      {
        /* Without an id column, ids are made from the titles. */
        g_autofree char *fallback = table.convention == CONVENTION_GENERIC && event->title != NULL
                                    ? g_strdup (event->title) : g_strdup_printf ("row-%u", table.line);

        if (!dl_importer_add_event (importer, g_steal_pointer (&event), !empty (id) ? id : fallback)
            && !empty (id))
          row_problem (&table, NULL, _("the id “%s” is used by an earlier row: this one is renamed"), id);
      }
    }

out:
  dl_csv_clear (&csv);
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    g_free (table.chosen_lower[role]);
  g_hash_table_unref (table.columns);
  g_ptr_array_unref (table.names);
  g_free (table.default_source);
  return !dl_problems_has_errors (importer->problems);
}
