/* dl-text.c: UTF-8 text helpers: code-point offsets, quote anchoring, JSON pre-scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-text"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-text.h"

/* Byte offset of every 64th code point, so conversions walk at most 64 characters. */
#define STRIDE 64

/* Beyond this many occurrences of a quote we stop counting. */
#define MAX_OCCURRENCES 10000

struct _DlText
{
  char   *data;
  gsize   len;
  guint   n_chars;
  gsize  *checkpoints;   /* byte offset of code point i * STRIDE */
  guint   n_checkpoints;
};

DlText *
dl_text_new (char  *utf8,
             gsize  len)
{
  DlText *self = g_new0 (DlText, 1);
  const char *p;
  const char *end;
  guint i = 0;

  g_assert (utf8 != NULL);

  self->data = utf8;
  self->len = len;
  self->n_chars = (guint) g_utf8_strlen (utf8, (gssize) len);
  self->n_checkpoints = self->n_chars / STRIDE + 1;
  self->checkpoints = g_new (gsize, self->n_checkpoints);

  end = utf8 + len;
  for (p = utf8; p < end; p = g_utf8_next_char (p), i++)
    if (i % STRIDE == 0)
      self->checkpoints[i / STRIDE] = (gsize) (p - utf8);
  if (i % STRIDE == 0)
    self->checkpoints[i / STRIDE] = len;

  return self;
}

void
dl_text_free (DlText *self)
{
  if (self == NULL)
    return;

  g_free (self->data);
  g_free (self->checkpoints);
  g_free (self);
}

const char *
dl_text_get_data (const DlText *self)
{
  return self->data;
}

gsize
dl_text_get_size (const DlText *self)
{
  return self->len;
}

guint
dl_text_get_n_chars (const DlText *self)
{
  return self->n_chars;
}

guint
dl_text_byte_to_char (const DlText *self,
                      gsize         byte_offset)
{
  guint lo = 0;
  guint hi;
  const char *p;
  guint chars;

  g_return_val_if_fail (self != NULL, 0);

  byte_offset = MIN (byte_offset, self->len);

  /* Last checkpoint at or before byte_offset. */
  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->checkpoints[mid] <= byte_offset)
        lo = mid;
      else
        hi = mid;
    }

  chars = lo * STRIDE;
  for (p = self->data + self->checkpoints[lo]; p < self->data + byte_offset; p = g_utf8_next_char (p))
    chars++;

  return chars;
}

gsize
dl_text_char_to_byte (const DlText *self,
                      guint         char_offset)
{
  const char *p;
  guint i;

  g_return_val_if_fail (self != NULL, 0);

  if (char_offset >= self->n_chars)
    return self->len;

  p = self->data + self->checkpoints[char_offset / STRIDE];
  for (i = char_offset - char_offset % STRIDE; i < char_offset; i++)
    p = g_utf8_next_char (p);

  return (gsize) (p - self->data);
}

char *
dl_text_substring (const DlText *self,
                   guint         start,
                   guint         end)
{
  gsize from;
  gsize to;

  g_return_val_if_fail (self != NULL, NULL);

  from = dl_text_char_to_byte (self, start);
  to = dl_text_char_to_byte (self, MAX (start, end));

  return g_strndup (self->data + from, to - from);
}

static gboolean
context_matches (const DlText *self,
                 gsize         byte_start,
                 gsize         byte_end,
                 const char   *prefix,
                 const char   *suffix)
{
  if (prefix != NULL && *prefix != '\0')
    {
      gsize plen = strlen (prefix);

      if (plen > byte_start || memcmp (self->data + byte_start - plen, prefix, plen) != 0)
        return FALSE;
    }

  if (suffix != NULL && *suffix != '\0')
    {
      gsize slen = strlen (suffix);

      if (byte_end + slen > self->len || memcmp (self->data + byte_end, suffix, slen) != 0)
        return FALSE;
    }

  return TRUE;
}

DlAnchor
dl_text_anchor (const DlText *self,
                const char   *exact,
                const char   *prefix,
                const char   *suffix,
                gboolean      has_start,
                guint         start)
{
  DlAnchor anchor = { DL_ANCHOR_NOT_FOUND, 0, 0, 0 };
  gsize exact_len;
  guint exact_chars;
  gboolean have_context = (prefix != NULL && *prefix != '\0') || (suffix != NULL && *suffix != '\0');
  guint n_context_matches = 0;
  gboolean have_best = FALSE;
  guint best_start = 0;
  guint best_distance = G_MAXUINT;
  const char *hay;
  const char *hay_end;

  g_return_val_if_fail (self != NULL, anchor);
  g_return_val_if_fail (exact != NULL, anchor);

  exact_len = strlen (exact);
  if (exact_len == 0 || exact_len > self->len)
    return anchor;
  exact_chars = (guint) g_utf8_strlen (exact, (gssize) exact_len);

  hay = self->data;
  hay_end = self->data + self->len;
  while (hay + exact_len <= hay_end && anchor.n_occurrences < MAX_OCCURRENCES)
    {
      const char *hit = memchr (hay, exact[0], (gsize) (hay_end - hay) - exact_len + 1);
      gsize byte_start;
      guint char_start;
      guint distance;

      if (hit == NULL)
        break;
      if (memcmp (hit, exact, exact_len) != 0)
        {
          hay = hit + 1;
          continue;
        }

      anchor.n_occurrences++;
      hay = hit + 1;
      byte_start = (gsize) (hit - self->data);

      if (have_context && !context_matches (self, byte_start, byte_start + exact_len, prefix, suffix))
        continue;
      n_context_matches++;

      char_start = dl_text_byte_to_char (self, byte_start);
      distance = has_start ? (char_start > start ? char_start - start : start - char_start) : 0;
      if (!have_best || distance < best_distance)
        {
          have_best = TRUE;
          best_start = char_start;
          best_distance = distance;
        }
    }

  if (anchor.n_occurrences == 0)
    return anchor;

  if (!have_best)
    {
      /* The context matches nothing: fall back to the quote alone. */
      DlAnchor fallback = dl_text_anchor (self, exact, NULL, NULL, has_start, start);

      fallback.status = DL_ANCHOR_CONTEXT_MISMATCH;
      return fallback;
    }

  anchor.start = best_start;
  anchor.end = best_start + exact_chars;

  if (has_start && best_start != start)
    anchor.status = DL_ANCHOR_OFFSETS_DISAGREE;
  else if (!has_start && n_context_matches > 1)
    anchor.status = DL_ANCHOR_AMBIGUOUS;
  else
    anchor.status = DL_ANCHOR_OK;

  return anchor;
}

gboolean
dl_utf8_check (const char *data,
               gsize       len,
               gsize      *bad_offset)
{
  const char *end = NULL;

  if (g_utf8_validate_len (data, len, &end))
    return TRUE;

  if (bad_offset != NULL)
    *bad_offset = (gsize) (end - data);

  return FALSE;
}

void
dl_text_line_column (const char *data,
                     gsize       len,
                     gsize       offset,
                     guint      *line,
                     guint      *column)
{
  guint l = 1;
  guint c = 1;
  gsize i;

  offset = MIN (offset, len);
  for (i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        c++;
    }

  *line = l;
  *column = c;
}

gboolean
dl_json_prescan (const char  *data,
                 gsize        len,
                 guint        max_depth,
                 gsize       *bad_offset,
                 char       **message)
{
  guint depth = 0;
  gsize i = 0;

  while (i < len)
    {
      char c = data[i];

      if (c == '"')
        {
          /* Skip the string, honouring escapes. */
          for (i++; i < len && data[i] != '"'; i++)
            if (data[i] == '\\')
              i++;
          i++;
          continue;
        }

      if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              *bad_offset = i;
              *message = g_strdup_printf (_("nesting deeper than %u levels"), max_depth);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0)
            depth--;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i;
          gsize digits = 0;
          gboolean integer = TRUE;

          if (c == '-')
            i++;
          while (i < len && g_ascii_isdigit (data[i]))
            {
              i++;
              digits++;
            }
          while (i < len && (g_ascii_isdigit (data[i]) || data[i] == '.' || data[i] == 'e'
                             || data[i] == 'E' || data[i] == '+' || data[i] == '-'))
            {
              integer = FALSE;
              i++;
            }
          /* json-glib silently wraps integers that do not fit in a gint64. */
          if (integer && (digits > 19
                          || (digits == 19 && memcmp (data + i - 19, "9223372036854775807", 19) > 0)))
            {
              *bad_offset = start;
              *message = g_strdup_printf (_("the number %.*s%s is too large"),
                                          (int) MIN (i - start, 24), data + start,
                                          i - start > 24 ? "…" : "");
              return FALSE;
            }
          continue;
        }
      i++;
    }

  return TRUE;
}
