/* dl-text.c: UTF-8 text helpers: code-point offsets, quote anchoring, JSON pre-scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* memmem */
#define _GNU_SOURCE

#include "config.h"

#define G_LOG_DOMAIN "dl-text"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-json-number-private.h"
#include "dl-text.h"

/* Byte offset of every 64th code point, so conversions walk at most 64 characters. */
#define STRIDE 64

struct _DlText
{
  gint    ref_count;
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

  self->ref_count = 1;
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
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;

  g_free (self->data);
  g_free (self->checkpoints);
  g_free (self);
}

/* Sources that name the same article share one DlText. */
DlText *
dl_text_ref (DlText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);
  return self;
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

  /* A stretch of STRIDE code points in as many bytes is ASCII: no walk.
   * Every excerpt of a dataset is looked up here when it loads. */
  {
    guint k = char_offset / STRIDE;
    gsize next = k + 1 < self->n_checkpoints ? self->checkpoints[k + 1] : self->len;
    guint chars = k + 1 < self->n_checkpoints ? STRIDE : self->n_chars - k * STRIDE;

    if (next - self->checkpoints[k] == chars)
      return self->checkpoints[k] + char_offset % STRIDE;
  }

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

/* Knuth–Morris–Pratt: every occurrence of a pattern, overlapping ones too,
 * in time linear in the text and the pattern whatever they hold (a naive
 * search takes text × pattern steps on "aaaa…"). */
typedef struct {
  const char *pattern;
  gsize       len;
  gsize      *fail;   /* length of the longest proper border of pattern[0..i] */
} Matcher;

static void
matcher_init (Matcher    *m,
              const char *pattern,
              gsize       len)
{
  gsize k = 0;

  m->pattern = pattern;
  m->len = len;
  m->fail = g_new (gsize, len);
  m->fail[0] = 0;
  for (gsize i = 1; i < len; i++)
    {
      while (k > 0 && pattern[i] != pattern[k])
        k = m->fail[k - 1];
      if (pattern[i] == pattern[k])
        k++;
      m->fail[i] = k;
    }
}

static void
matcher_clear (Matcher *m)
{
  g_clear_pointer (&m->fail, g_free);
}

/* A scan of data[0..len) for m's pattern: next() returns the start of each
 * occurrence in turn. glibc's memmem (two-way, linear) finds the first one
 * quickly; KMP takes over from there. */
typedef struct {
  const Matcher *m;
  const char    *data;
  gsize          len;
  gsize          pos;     /* next byte to read */
  gsize          k;       /* bytes of the pattern matched so far */
  gboolean       started;
} Scan;

static void
scan_init (Scan          *scan,
           const Matcher *m,
           const char    *data,
           gsize          len)
{
  scan->m = m;
  scan->data = data;
  scan->len = len;
  scan->pos = 0;
  scan->k = 0;
  scan->started = FALSE;
}

static gboolean
scan_next (Scan  *scan,
           gsize *match)
{
  const Matcher *m = scan->m;

  if (!scan->started)
    {
      const char *first = memmem (scan->data, scan->len, m->pattern, m->len);

      scan->started = TRUE;
      if (first == NULL)
        {
          scan->pos = scan->len;
          return FALSE;
        }
      *match = (gsize) (first - scan->data);
      scan->pos = *match + m->len;
      scan->k = m->fail[m->len - 1];
      return TRUE;
    }

  while (scan->pos < scan->len)
    {
      char c = scan->data[scan->pos++];

      while (scan->k > 0 && c != m->pattern[scan->k])
        scan->k = m->fail[scan->k - 1];
      if (c == m->pattern[scan->k])
        scan->k++;
      if (scan->k == m->len)
        {
          *match = scan->pos - m->len;
          scan->k = m->fail[scan->k - 1];
          return TRUE;
        }
    }

  return FALSE;
}

/* Occurrences of exact, overlapping ones counted, up to one more than
 * DL_ANCHOR_MAX_OCCURRENCES ("more than 10,000"). */
static guint
count_occurrences (const DlText *self,
                   const char   *exact,
                   gsize         exact_len)
{
  Matcher m;
  Scan scan;
  gsize match;
  guint n = 0;

  matcher_init (&m, exact, exact_len);
  scan_init (&scan, &m, self->data, self->len);
  while (n <= DL_ANCHOR_MAX_OCCURRENCES && scan_next (&scan, &match))
    n++;
  matcher_clear (&m);

  return n;
}

static guint
char_distance (guint a,
               guint b)
{
  return a > b ? a - b : b - a;
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
  gsize prefix_len = prefix != NULL ? strlen (prefix) : 0;
  gsize suffix_len = suffix != NULL ? strlen (suffix) : 0;
  g_autofree char *target = NULL;
  gsize target_len;
  gsize start_byte = 0;
  guint n_context_matches = 0;
  gboolean have_before = FALSE;
  gboolean have_after = FALSE;
  gsize before = 0;
  gsize after = 0;
  guint best_start;
  Matcher m;
  Scan scan;
  gsize match;

  g_return_val_if_fail (self != NULL, anchor);
  g_return_val_if_fail (exact != NULL, anchor);

  exact_len = strlen (exact);
  if (exact_len == 0 || exact_len > self->len)
    return anchor;
  /* Valid UTF-8: the code points are the bytes that do not continue one
   * (a loop the compiler can vectorise, where g_utf8_strlen() steps). */
  exact_chars = 0;
  for (gsize k = 0; k < exact_len; k++)
    exact_chars += ((guchar) exact[k] & 0xC0) != 0x80;

  /* The common case: the quote is where the offsets say (and the context
   * agrees). The position selector then settles it without a search. */
  if (has_start && start < self->n_chars)
    {
      gsize byte_start = dl_text_char_to_byte (self, start);

      if (byte_start + exact_len <= self->len
          && memcmp (self->data + byte_start, exact, exact_len) == 0
          && (prefix_len == 0 || (prefix_len <= byte_start
                                  && memcmp (self->data + byte_start - prefix_len, prefix, prefix_len) == 0))
          && (suffix_len == 0 || (byte_start + exact_len + suffix_len <= self->len
                                  && memcmp (self->data + byte_start + exact_len, suffix, suffix_len) == 0)))
        {
          anchor.status = DL_ANCHOR_OK;
          anchor.start = start;
          anchor.end = start + exact_chars;
          anchor.n_occurrences = 1;
          return anchor;
        }
    }

  anchor.n_occurrences = count_occurrences (self, exact, exact_len);
  if (anchor.n_occurrences == 0)
    return anchor;

  /* An occurrence with its context is an occurrence of prefix + exact +
   * suffix: one linear search finds them all. */
  target_len = prefix_len + exact_len + suffix_len;
  target = g_malloc (target_len);
  if (prefix_len > 0)
    memcpy (target, prefix, prefix_len);
  memcpy (target + prefix_len, exact, exact_len);
  if (suffix_len > 0)
    memcpy (target + prefix_len + exact_len, suffix, suffix_len);
  if (has_start)
    start_byte = dl_text_char_to_byte (self, start);

  matcher_init (&m, target, target_len);
  scan_init (&scan, &m, self->data, self->len);
  while (scan_next (&scan, &match))
    {
      gsize at = match + prefix_len;

      n_context_matches++;
      if (has_start)
        {
          /* Occurrences come in text order: the nearest one to the given
           * start is the last at or before it or the first after it. */
          if (at <= start_byte)
            {
              have_before = TRUE;
              before = at;
              continue;
            }
          have_after = TRUE;
          after = at;
          break;
        }
      if (n_context_matches == 1)
        {
          have_before = TRUE;
          before = at;
        }
      else
        break;  /* two are enough to call it ambiguous */
    }
  matcher_clear (&m);

  if (!have_before && !have_after)
    {
      /* The context matches nothing: fall back to the quote alone. */
      DlAnchor fallback = dl_text_anchor (self, exact, NULL, NULL, has_start, start);

      fallback.status = DL_ANCHOR_CONTEXT_MISMATCH;
      fallback.n_occurrences = anchor.n_occurrences;
      return fallback;
    }

  if (have_before && have_after)
    {
      guint before_start = dl_text_byte_to_char (self, before);
      guint after_start = dl_text_byte_to_char (self, after);

      /* On a tie, the earlier one. */
      best_start = char_distance (after_start, start) < char_distance (before_start, start)
                   ? after_start : before_start;
    }
  else
    best_start = dl_text_byte_to_char (self, have_before ? before : after);

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

/* Bidirectional controls: marks, embeddings, overrides, isolates. */
static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x061C || c == 0x200E || c == 0x200F
         || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069);
}

static void
append_escaped (GString  *out,
                gunichar  c)
{
  g_string_append_printf (out, "\\u%04X", c);
}

char *
dl_text_escape_for_message (const char *text,
                            gssize      len,
                            guint       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, len);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (out, ' ');
      else if (g_unichar_iscntrl (c) || is_bidi_control (c) || c == 0x2028 || c == 0x2029)
        append_escaped (out, c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
dl_text_escape_message (const char *message)
{
  g_autofree char *valid = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (message != NULL, NULL);

  valid = g_utf8_make_valid (message, -1);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || c == 0x2066 || c == 0x2067
          || c == 0x2028 || c == 0x2029)
        append_escaped (out, c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gsize
dl_field_max_bytes (const char *member)
{
  static const char * const long_members[] = {
    "description", "summary", "caption", "when_basis", "published_basis", NULL
  };

  g_return_val_if_fail (member != NULL, DL_FIELD_MAX_SHORT);

  if (g_strv_contains (long_members, member))
    return DL_FIELD_MAX_LONG;
  if (g_str_equal (member, "exact"))
    return DL_FIELD_MAX_QUOTE;
  if (g_str_equal (member, "prefix") || g_str_equal (member, "suffix"))
    return DL_FIELD_MAX_CONTEXT;

  return DL_FIELD_MAX_SHORT;
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

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}


static gboolean prescan_fail (gsize      *bad_offset,
                              char      **message,
                              gsize       offset,
                              const char *format,
                              ...) G_GNUC_PRINTF (4, 5);

static gboolean
prescan_fail (gsize      *bad_offset,
              char      **message,
              gsize       offset,
              const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  *bad_offset = offset;
  *message = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

/* json-glib is lenient where JSON is not, and some of that leniency changes
 * values silently or hides text from the checks here: single-quoted strings
 * and comments (which can hide brackets: json-glib recurses without a limit),
 * hexadecimal, octal and binary numbers (which wrap), "\u0000" (which cuts a
 * string short), lone surrogates (which make invalid UTF-8) and a second
 * value after the first (which is dropped). All are refused here. */
gboolean
dl_json_prescan (const char  *data,
                 gsize        len,
                 guint        max_depth,
                 gsize       *bad_offset,
                 char       **message)
{
  g_autofree char *open = g_malloc (max_depth + 1);  /* open brackets, innermost last */
  gboolean balanced = TRUE;  /* every closing bracket so far matched its opening one */
  gboolean done = FALSE;     /* the top-level object or array is closed */
  guint depth = 0;
  gsize end = len;
  gsize i = 0;

  /* Where the text ends, for "truncated" messages. */
  while (end > 0 && is_json_space (data[end - 1]))
    end--;

  while (i < len)
    {
      char c = data[i];

      if (is_json_space (c) || c == ':' || c == ',')
        {
          i++;
          continue;
        }

      if (done)
        return prescan_fail (bad_offset, message, i,
                             _("JSON syntax error: unexpected text after the end of the JSON value"));

      if (c == '"')
        {
          /* Skip the string, honouring escapes. */
          for (i++; i < len && data[i] != '"'; i++)
            {
              int unit;

              if (data[i] != '\\')
                continue;

              /* The file ends inside the escape. */
              if (len - i < 2 || (data[i + 1] == 'u' && len - i < 6))
                {
                  i = len;
                  break;
                }

              if (data[i + 1] != 'u')
                {
                  if ((guchar) data[i + 1] < 0x20 || data[i + 1] == 0x7F)
                    return prescan_fail (bad_offset, message, i,
                                         _("JSON syntax error: a backslash followed by U+%04X is not "
                                           "a JSON escape"), (guint) (guchar) data[i + 1]);
                  if (strchr ("\"\\/bfnrt", data[i + 1]) == NULL)
                    return prescan_fail (bad_offset, message, i,
                                         _("JSON syntax error: “%.*s” is not a JSON escape"),
                                         (int) MIN ((gsize) g_utf8_skip[(guchar) data[i + 1]] + 1, len - i),
                                         data + i);
                  i++;
                  continue;
                }

              if ((unit = len - i >= 6 ? dl_json_hex4 (data + i + 2) : -1) < 0)
                {
                  int n = 2;

                  while (n < 6 && g_ascii_isgraph (data[i + n]) && data[i + n] != '"')
                    n++;
                  return prescan_fail (bad_offset, message, i,
                                       _("JSON syntax error: “%.*s” is not a JSON escape: “\\u” takes "
                                         "four hexadecimal digits"), n, data + i);
                }
              if (unit == 0)
                return prescan_fail (bad_offset, message, i,
                                     _("the escape “\\u0000” (a NUL character) is not allowed"));
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  int low = -1;

                  if (len - i >= 12 && data[i + 6] == '\\' && data[i + 7] == 'u')
                    low = dl_json_hex4 (data + i + 8);
                  if (low < 0xDC00 || low > 0xDFFF)
                    unit = -1;
                  else
                    i += 6;  /* the second half is checked */
                }
              if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
                return prescan_fail (bad_offset, message, i,
                                     _("the escape “%.6s” is half of a UTF-16 surrogate pair, "
                                       "without the other half"), data + i);
              i++;
            }
          if (i >= len)
            return prescan_fail (bad_offset, message, end,
                                 _("JSON syntax error: the file ends inside a string: is it truncated?"));
          i++;
          continue;
        }

      if (c == '[' || c == '{')
        {
          if (depth >= max_depth)
            return prescan_fail (bad_offset, message, i, _("nesting deeper than %u levels"), max_depth);
          open[depth++] = c;
        }
      else if (c == ']' || c == '}')
        {
          /* Mismatched brackets: json-glib says where, better than we could. */
          if (depth == 0 || open[depth - 1] != (c == ']' ? '[' : '{'))
            balanced = FALSE;
          if (depth > 0)
            depth--;
          if (depth == 0 && balanced)
            done = TRUE;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          /* A JSON number, and nothing glued on */
          gsize start = i;
          gboolean too_large;
          gboolean valid = dl_json_scan_number (data, len, start, &i, &too_large);

          while (i < len && (g_ascii_isalnum (data[i]) || data[i] == '.' || data[i] == '_'
                             || data[i] == '$' || data[i] == '+' || data[i] == '-'))
            {
              valid = FALSE;
              i++;
            }

          if (!valid)
            return prescan_fail (bad_offset, message, start,
                                 _("JSON syntax error: “%.*s%s” is not a JSON number"),
                                 (int) MIN (i - start, 24), data + start, i - start > 24 ? "…" : "");

          /* json-glib silently wraps integers that do not fit in a gint64. */
          if (too_large)
            return prescan_fail (bad_offset, message, start,
                                 _("the number %.*s%s is too large"),
                                 (int) MIN (i - start, 24), data + start, i - start > 24 ? "…" : "");
          continue;
        }
      else if (g_ascii_isalpha (c))
        {
          /* true, false, null; json-glib reports anything else. */
          while (i < len && (g_ascii_isalnum (data[i]) || data[i] == '_'))
            i++;
          continue;
        }
      else if (c == '\'')
        return prescan_fail (bad_offset, message, i,
                             _("JSON syntax error: strings need double quotes (\"), not single ones"));
      else if (c == '/')
        return prescan_fail (bad_offset, message, i, _("JSON syntax error: JSON has no comments"));
      else
        {
          gunichar uc = g_utf8_get_char_validated (data + i, (gssize) MIN (len - i, 6));

          if (g_ascii_isgraph (c))
            return prescan_fail (bad_offset, message, i,
                                 _("JSON syntax error: unexpected character “%c”"), c);
          return prescan_fail (bad_offset, message, i, _("JSON syntax error: unexpected character U+%04X"),
                               uc < 0x110000 ? uc : (guchar) c);
        }
      i++;
    }

  if (depth > 0 && balanced)
    return prescan_fail (bad_offset, message, end,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "JSON syntax error: the file ends with %u bracket still open: is it truncated?",
                                      "JSON syntax error: the file ends with %u brackets still open: is it truncated?",
                                      depth),
                         depth);

  return TRUE;
}

char *
dl_text_preview (const char *text,
                 guint       max_chars)
{
  const char *end;
  const char *cut;

  if (text == NULL || max_chars == 0 || g_utf8_strlen (text, -1) <= max_chars)
    return NULL;

  end = g_utf8_offset_to_pointer (text, max_chars);
  /* Back to the last space, unless that would drop more than a fifth. */
  cut = end;
  {
    const char *p = end;

    for (guint back = 0; back < max_chars / 5 && p > text; back++)
      {
        if (g_unichar_isspace (g_utf8_get_char (p)))
          {
            cut = p;
            break;
          }
        p = g_utf8_prev_char (p);
      }
  }
  while (cut > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (cut))))
    cut = g_utf8_prev_char (cut);

  {
    GString *out = g_string_new_len (text, cut - text);

    g_string_append (out, "…");
    return g_string_free (out, FALSE);
  }
}
