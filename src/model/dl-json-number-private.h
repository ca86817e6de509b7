/* dl-json-number-private.h: the grammar of a JSON number and of a \u
 * escape's digits, shared by the text pre-scan (dl-text.c) and the reader
 * (dl-json-reader.c, -check.c), and a number's shortest form, shared by
 * the writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? at data[start], which
 * is '-' or a digit, to its end (*end; what is glued on after it is the
 * caller's to judge). FALSE when it breaks the grammar. *too_large: an
 * integer that does not fit in 64 bits (json-glib would wrap it). Inline:
 * the check runs it for every number of a big file. */
static inline gboolean
dl_json_scan_number (const char *data,
                     gsize       len,
                     gsize       start,
                     gsize      *end,
                     gboolean   *too_large)
{
  gsize i = start;
  gsize int_start;
  gsize digits;
  gboolean integer = TRUE;
  gboolean valid = TRUE;

  if (data[i] == '-')
    i++;
  int_start = i;
  while (i < len && g_ascii_isdigit (data[i]))
    i++;
  digits = i - int_start;
  if (digits == 0 || (digits > 1 && data[int_start] == '0'))
    valid = FALSE;
  if (i < len && data[i] == '.')
    {
      integer = FALSE;
      if (++i >= len || !g_ascii_isdigit (data[i]))
        valid = FALSE;
      while (i < len && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < len && (data[i] == 'e' || data[i] == 'E'))
    {
      integer = FALSE;
      if (++i < len && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= len || !g_ascii_isdigit (data[i]))
        valid = FALSE;
      while (i < len && g_ascii_isdigit (data[i]))
        i++;
    }

  *end = i;
  *too_large = integer && (digits > 19
                           || (digits == 19 && memcmp (data + i - 19, "9223372036854775807", 19) > 0));
  return valid;
}

/* The value of the four hex digits at @p, or -1. */
static inline int
dl_json_hex4 (const char *p)
{
  int value = 0;

  for (int k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* @value in its shortest exact form: the fewest of 15 to 17 significant
 * digits that read back as @value ("31.5225", not "31.522500000000001"),
 * in the C locale; zero is "0". */
static inline void
dl_json_format_number (double value,
                       char   buffer[G_ASCII_DTOSTR_BUF_SIZE])
{
  if (value == 0)
    {
      g_strlcpy (buffer, "0", G_ASCII_DTOSTR_BUF_SIZE);
      return;
    }

  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g",
                       value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
}

G_END_DECLS
