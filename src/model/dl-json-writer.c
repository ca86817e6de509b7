/* dl-json-writer.c: the one JSON emitter, for the dataset writer and the
 * GeoJSON export
 *
 * Both used to carry their own: the writer appended a character at a time,
 * the export copied json-glib's layout with a faster escape. The layouts
 * differ in three details (the colon, an empty object, which bytes are
 * escaped) and in how numbers are printed; the rest, separators,
 * indentation and escapes, is one piece of code here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "dl-json-number-private.h"
#include "dl-json-writer.h"

void
dl_json_writer_init (DlJsonWriter *self,
                     GString      *out,
                     DlJsonStyle   style,
                     guint         depth)
{
  *self = (DlJsonWriter) { out, style, depth, TRUE };
}

static void
put_indent (DlJsonWriter *self)
{
  static const char spaces[] = "                                ";

  for (guint n = self->depth * 2; n > 0; )
    {
      guint step = MIN (n, sizeof spaces - 1);

      dl_json_writer_put (self, spaces, step);
      n -= step;
    }
}

/* Which bytes each style escapes: Python's json.dumps every one below
 * 0x20; json-glib 1.6's layout 0x01–0x1f and 0x7f. Both the quote and
 * backslash. (json-glib's generator leaves 0x1f raw, which no JSON parser,
 * json-glib's included, accepts: a GeoJSON export with it was unreadable.) */
static const gboolean *
escape_table (DlJsonStyle style)
{
  static gboolean tables[2][256];
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      for (guint c = 0; c < 256; c++)
        {
          gboolean always = c == '"' || c == '\\';

          tables[DL_JSON_STYLE_DATELINE][c] = always || c < 0x20;
          tables[DL_JSON_STYLE_JSON_GLIB][c] = always || (c > 0 && c < 0x20) || c == 0x7f;
        }
      g_once_init_leave (&ready, 1);
    }
  return tables[style];
}

static void
put_escaped (DlJsonWriter *self,
             const char   *text)
{
  const gboolean *table = escape_table (self->style);
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (!table[c])
        continue;

      dl_json_writer_put (self, run, (gsize) (p - run));
      run = p + 1;
      switch (c)
        {
        case '"':  DL_JSON_WRITER_PUT_LITERAL (self, "\\\""); break;
        case '\\': DL_JSON_WRITER_PUT_LITERAL (self, "\\\\"); break;
        case '\b': DL_JSON_WRITER_PUT_LITERAL (self, "\\b"); break;
        case '\f': DL_JSON_WRITER_PUT_LITERAL (self, "\\f"); break;
        case '\n': DL_JSON_WRITER_PUT_LITERAL (self, "\\n"); break;
        case '\r': DL_JSON_WRITER_PUT_LITERAL (self, "\\r"); break;
        case '\t': DL_JSON_WRITER_PUT_LITERAL (self, "\\t"); break;
        default:   g_string_append_printf (self->out, "\\u%04x", c); break;
        }
    }
  dl_json_writer_put (self, run, (gsize) (p - run));
}

void
dl_json_writer_init_line (DlJsonWriter *self,
                          GString      *out)
{
  dl_json_writer_init (self, out, DL_JSON_STYLE_DATELINE, 0);
  self->one_line = TRUE;
}

void
dl_json_writer_item (DlJsonWriter *self,
                     const char   *name)
{
  if (self->one_line)
    {
      if (!self->first)
        DL_JSON_WRITER_PUT_LITERAL (self, ",");
      self->first = FALSE;
      if (name != NULL)
        {
          dl_json_writer_put_string (self, name);
          DL_JSON_WRITER_PUT_LITERAL (self, ":");
        }
      return;
    }
  if (self->first)
    DL_JSON_WRITER_PUT_LITERAL (self, "\n");
  else
    DL_JSON_WRITER_PUT_LITERAL (self, ",\n");
  self->first = FALSE;
  put_indent (self);
  if (name != NULL)
    {
      dl_json_writer_put_string (self, name);
      if (self->style == DL_JSON_STYLE_JSON_GLIB)
        DL_JSON_WRITER_PUT_LITERAL (self, " : ");
      else
        DL_JSON_WRITER_PUT_LITERAL (self, ": ");
    }
}

void
dl_json_writer_open (DlJsonWriter *self,
                     char          bracket)
{
  g_string_append_c (self->out, bracket);
  self->depth++;
  self->first = TRUE;
}

/* A container's items leave it not empty, so one flag is enough: after
 * a close, its parent has an item. */
void
dl_json_writer_close (DlJsonWriter *self,
                      char          bracket)
{
  gboolean empty = self->first;

  g_return_if_fail (self->depth > 0);

  self->depth--;
  if (!empty && !self->one_line)
    {
      DL_JSON_WRITER_PUT_LITERAL (self, "\n");
      put_indent (self);
    }
  else if (bracket == '}' && self->style == DL_JSON_STYLE_JSON_GLIB)
    put_indent (self);
  g_string_append_c (self->out, bracket);
  self->first = FALSE;
}

void
dl_json_writer_put_string (DlJsonWriter *self,
                           const char   *value)
{
  if (value == NULL)
    {
      DL_JSON_WRITER_PUT_LITERAL (self, "null");
      return;
    }
  DL_JSON_WRITER_PUT_LITERAL (self, "\"");
  put_escaped (self, value);
  DL_JSON_WRITER_PUT_LITERAL (self, "\"");
}

/* "%" G_GINT64_FORMAT without printf. */
void
dl_json_writer_put_int (DlJsonWriter *self,
                        gint64        value)
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

  dl_json_writer_put (self, p, (gsize) (digits + sizeof digits - p));
}

static void
put_double (DlJsonWriter *self,
            double        value,
            gboolean      decimal)
{
  gboolean glib = self->style == DL_JSON_STYLE_JSON_GLIB;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* A whole number below 10^15 reads the same in "%.15g" or "%.17g" as in
   * "%lld", and printf of a double is the slow part of an export. -0 is
   * "0" in the shortest form, "-0" in json-glib's: left to printf there. */
  if (fabs (value) < 1e15 && value == (double) (gint64) value && !(glib && value == 0 && signbit (value)))
    {
      dl_json_writer_put_int (self, (gint64) value);
      if (glib || decimal)
        DL_JSON_WRITER_PUT_LITERAL (self, ".0");
      return;
    }

  if (glib)
    {
      /* json-glib 1.6 adds ".0" after an exponent too ("1e+20.0"), which
       * is not JSON: not here. */
      g_ascii_dtostr (buffer, sizeof buffer, value);
      decimal = strpbrk (buffer, ".e") == NULL;
    }
  else
    {
      dl_json_format_number (value, buffer);
      decimal = decimal && strpbrk (buffer, ".e") == NULL;
    }
  g_string_append (self->out, buffer);
  if (decimal)
    DL_JSON_WRITER_PUT_LITERAL (self, ".0");
}

void
dl_json_writer_put_number (DlJsonWriter *self,
                           double        value)
{
  put_double (self, value, FALSE);
}

void
dl_json_writer_put_decimal (DlJsonWriter *self,
                            double        value)
{
  put_double (self, value, TRUE);
}

/* ------------------------------------------------------------ geometry */

static void
put_position (DlJsonWriter   *self,
              const DlLonLat *p)
{
  if (self->style == DL_JSON_STYLE_JSON_GLIB)
    {
      dl_json_writer_open (self, '[');
      dl_json_writer_item (self, NULL);
      dl_json_writer_put_number (self, p->lon);
      dl_json_writer_item (self, NULL);
      dl_json_writer_put_number (self, p->lat);
      dl_json_writer_close (self, ']');
      return;
    }

  /* Degrees are written as decimals, "35.0" rather than "35", as most
   * tools (Python's json, QGIS) write them. */
  DL_JSON_WRITER_PUT_LITERAL (self, "[");
  dl_json_writer_put_decimal (self, p->lon);
  DL_JSON_WRITER_PUT_LITERAL (self, ", ");
  dl_json_writer_put_decimal (self, p->lat);
  DL_JSON_WRITER_PUT_LITERAL (self, "]");
}

/* An array of the positions of one part. */
static void
put_run (DlJsonWriter         *self,
         const DlLonLat       *positions,
         const DlGeometryPart *part)
{
  dl_json_writer_open (self, '[');
  for (guint i = 0; i < part->n_positions; i++)
    {
      dl_json_writer_item (self, NULL);
      put_position (self, &positions[part->first + i]);
    }
  dl_json_writer_close (self, ']');
}

/* The parts from @first on that share its member (a polygon's rings), as
 * an array of runs; returns the next part. */
static guint
put_rings (DlJsonWriter         *self,
           const DlLonLat       *positions,
           const DlGeometryPart *parts,
           guint                 n_parts,
           guint                 first)
{
  guint i = first;

  dl_json_writer_open (self, '[');
  for (; i < n_parts && parts[i].member == parts[first].member; i++)
    {
      dl_json_writer_item (self, NULL);
      put_run (self, positions, &parts[i]);
    }
  dl_json_writer_close (self, ']');

  return i;
}

void
dl_json_writer_put_geometry (DlJsonWriter     *self,
                             const DlGeometry *geometry)
{
  DlGeometryType type = dl_geometry_get_geometry_type (geometry);
  const DlLonLat *positions = dl_geometry_get_positions (geometry);
  guint n_parts = 0;
  const DlGeometryPart *parts = dl_geometry_get_parts (geometry, &n_parts);

  dl_json_writer_open (self, '{');
  dl_json_writer_string (self, "type", dl_geometry_type_to_string (type));
  dl_json_writer_item (self, "coordinates");

  switch (type)
    {
    case DL_GEOMETRY_POINT:
      put_position (self, &positions[0]);
      break;

    case DL_GEOMETRY_LINE_STRING:
      put_run (self, positions, &parts[0]);
      break;

    case DL_GEOMETRY_POLYGON:
      put_rings (self, positions, parts, n_parts, 0);
      break;

    case DL_GEOMETRY_MULTI_POINT:
    case DL_GEOMETRY_MULTI_LINE_STRING:
      dl_json_writer_open (self, '[');
      for (guint i = 0; i < n_parts; i++)
        {
          dl_json_writer_item (self, NULL);
          if (type == DL_GEOMETRY_MULTI_POINT)
            put_position (self, &positions[parts[i].first]);
          else
            put_run (self, positions, &parts[i]);
        }
      dl_json_writer_close (self, ']');
      break;

    case DL_GEOMETRY_MULTI_POLYGON:
    default:
      dl_json_writer_open (self, '[');
      for (guint i = 0; i < n_parts; )
        {
          dl_json_writer_item (self, NULL);
          i = put_rings (self, positions, parts, n_parts, i);
        }
      dl_json_writer_close (self, ']');
      break;
    }

  dl_json_writer_close (self, '}');
}

/* ---------------------------------------------------------------- items */

void
dl_json_writer_string (DlJsonWriter *self,
                       const char   *name,
                       const char   *value)
{
  dl_json_writer_item (self, name);
  dl_json_writer_put_string (self, value);
}

void
dl_json_writer_int (DlJsonWriter *self,
                    const char   *name,
                    gint64        value)
{
  dl_json_writer_item (self, name);
  dl_json_writer_put_int (self, value);
}

void
dl_json_writer_number (DlJsonWriter *self,
                       const char   *name,
                       double        value)
{
  dl_json_writer_item (self, name);
  dl_json_writer_put_number (self, value);
}
