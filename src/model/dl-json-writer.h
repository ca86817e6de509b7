/* dl-json-writer.h: the one JSON emitter, for the dataset writer and the
 * GeoJSON export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "dl-geo.h"

G_BEGIN_DECLS

/* The two layouts Dateline writes, each kept byte for byte as it was:
 *
 * DL_JSON_STYLE_DATELINE: Python's json.dumps (indent=2, ensure_ascii=False),
 * as tools/build-gaza-dataset.py wrote the bundled dataset: `"name": value`,
 * empty containers "[]" and "{}", control characters below 0x20 escaped,
 * numbers in their shortest exact form (dl_json_format_number()), and a
 * geometry's positions on one line each, "[34.45, 31.0]", for a short
 * diff-friendly file.
 *
 * DL_JSON_STYLE_JSON_GLIB: json-glib 1.6's generator (pretty, indent 2), as
 * the GeoJSON export wrote it when it built a JsonNode tree: `"name" : value`,
 * an empty object at depth n is "{", 2n spaces and "}", 0x01–0x1f and 0x7f
 * escaped, every double printed with "%.17g" and given a ".0" when it has
 * neither point nor exponent, a position's numbers a line each. (json-glib
 * itself leaves 0x1f raw and writes "1e+20.0", neither of them JSON.) */
typedef enum {
  DL_JSON_STYLE_DATELINE,
  DL_JSON_STYLE_JSON_GLIB,
} DlJsonStyle;

/* Appends to @out, which the caller owns (a streaming export empties it
 * between items). Stack-allocated; the fields are read by writers that
 * keep pieces of text apart (dl-writer.c's snapshots). */
typedef struct {
  GString     *out;
  DlJsonStyle  style;
  guint        depth;   /* open containers, the indentation of the next item */
  gboolean     first;   /* no item yet in the innermost container */
  gboolean     one_line; /* no line breaks or indentation: "{"a":1,"b":[]}" */
} DlJsonWriter;

/* Starts writing at @depth, as the first item of its container. */
void dl_json_writer_init        (DlJsonWriter *self,
                                 GString      *out,
                                 DlJsonStyle   style,
                                 guint         depth);

/* A document on one line, for a line-per-record stream (JSON Lines), in
 * the Dateline style's escapes and numbers. */
void dl_json_writer_init_line   (DlJsonWriter *self,
                                 GString      *out);

/* Before an item of the innermost container: the separator, the line
 * break, the indentation and, in an object, "name" and its colon. */
void dl_json_writer_item        (DlJsonWriter *self,
                                 const char   *name);
/* '{' or '[' and its matching close. */
void dl_json_writer_open        (DlJsonWriter *self,
                                 char          bracket);
void dl_json_writer_close       (DlJsonWriter *self,
                                 char          bracket);

/* Values alone, without item: in an item, or inline ("[lon, lat]"). */
void dl_json_writer_put_string  (DlJsonWriter *self,
                                 const char   *value);   /* NULL: null */
void dl_json_writer_put_int     (DlJsonWriter *self,
                                 gint64        value);
void dl_json_writer_put_number  (DlJsonWriter *self,
                                 double        value);
/* A number that always reads as a decimal: "35.0", not "35" (in the
 * json-glib style every double is one already). */
void dl_json_writer_put_decimal (DlJsonWriter *self,
                                 double        value);

/* A GeoJSON geometry object, as dl_geometry_to_json() has it; its
 * positions laid out as the style says. */
void dl_json_writer_put_geometry (DlJsonWriter     *self,
                                  const DlGeometry *geometry);

/* An item with its value. */
void dl_json_writer_string      (DlJsonWriter *self,
                                 const char   *name,
                                 const char   *value);   /* NULL: null */
void dl_json_writer_int         (DlJsonWriter *self,
                                 const char   *name,
                                 gint64        value);
void dl_json_writer_number      (DlJsonWriter *self,
                                 const char   *name,
                                 double        value);

/* Text as it is: g_string_append_len() without its checks, since an
 * export appends a few bytes millions of times to a buffer that seldom
 * grows. */
static inline void
dl_json_writer_put (DlJsonWriter *self,
                    const char   *data,
                    gsize         len)
{
  GString *out = self->out;

  if (G_UNLIKELY (out->len + len >= out->allocated_len))
    {
      g_string_append_len (out, data, (gssize) len);
      return;
    }
  memcpy (out->str + out->len, data, len);
  out->len += len;
  out->str[out->len] = '\0';
}

#define DL_JSON_WRITER_PUT_LITERAL(self, literal) dl_json_writer_put ((self), (literal), sizeof (literal) - 1)

G_END_DECLS
