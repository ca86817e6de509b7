/* fuzz-text.c: libFuzzer target: quote anchoring, offsets and substrings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is split at the first two NUL bytes into a text, a quote and a
 * context (its first half the prefix, its second the suffix); the first
 * bytes of the quote choose the given start offset. Anchoring must find the
 * quote where it says, and offsets must convert back and forth.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "dl-text.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static char *
next_part (const char **p,
           const char  *end)
{
  const char *nul = memchr (*p, '\0', (size_t) (end - *p));
  const char *stop = nul != NULL ? nul : end;
  char *part = g_utf8_make_valid (*p, stop - *p);

  *p = nul != NULL ? nul + 1 : end;
  return part;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *p = (const char *) data;
  const char *end = p + size;
  char *body = next_part (&p, end);
  g_autofree char *quote = next_part (&p, end);
  g_autofree char *context = next_part (&p, end);
  g_autofree char *prefix = NULL;
  g_autofree char *escaped = NULL;
  g_autoptr(DlText) text = NULL;
  gsize len = strlen (body);
  gboolean has_start = quote[0] != '\0' && (quote[0] & 1);
  guint start = (guint) (guchar) quote[0] * 3;
  const char *suffix;
  DlAnchor anchor;
  guint n_chars;

  /* The context's halves, cut on a character boundary. */
  suffix = g_utf8_offset_to_pointer (context, g_utf8_strlen (context, -1) / 2);
  prefix = g_strndup (context, suffix - context);

  if (!dl_utf8_check (body, len, NULL))
    abort ();
  text = dl_text_new (body, len);
  n_chars = dl_text_get_n_chars (text);
  if (n_chars != (guint) g_utf8_strlen (body, (gssize) len))
    abort ();

  /* Offsets convert back and forth. */
  for (guint i = 0; i <= n_chars; i += 1 + n_chars / 64)
    if (dl_text_byte_to_char (text, dl_text_char_to_byte (text, i)) != i)
      abort ();

  anchor = dl_text_anchor (text, quote, prefix, suffix, has_start, start);
  if (anchor.status != DL_ANCHOR_NOT_FOUND)
    {
      g_autofree char *found = dl_text_substring (text, anchor.start, anchor.end);

      if (strcmp (found, quote) != 0 || anchor.n_occurrences == 0)
        abort ();
      if (anchor.n_occurrences > DL_ANCHOR_MAX_OCCURRENCES + 1)
        abort ();
    }
  else if (quote[0] != '\0' && strstr (dl_text_get_data (text), quote) != NULL)
    abort ();

  escaped = dl_text_escape_for_message (quote, -1, 60);
  if (!g_utf8_validate (escaped, -1, NULL))
    abort ();

  return 0;
}
