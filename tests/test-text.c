/* test-text.c: code-point offsets and quote anchoring on multibyte text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-text.h"

/* Curly quotes (3 bytes), Arabic (2 bytes), an emoji (4 bytes). */
static const char *sample =
  "Blinken said “this is probably the best” — غزة — 🙂 and then “this is probably the best” again.";

static DlText *
new_sample (void)
{
  return dl_text_new (g_strdup (sample), strlen (sample));
}

static void
test_offsets (void)
{
  g_autoptr(DlText) text = new_sample ();
  const char *ghaza = strstr (sample, "غزة");
  guint chars = (guint) g_utf8_pointer_to_offset (sample, ghaza);

  g_assert_cmpuint (dl_text_get_n_chars (text), ==, (guint) g_utf8_strlen (sample, -1));
  g_assert_cmpuint (dl_text_byte_to_char (text, (gsize) (ghaza - sample)), ==, chars);
  g_assert_cmpuint (dl_text_char_to_byte (text, chars), ==, (gsize) (ghaza - sample));
  /* Bytes and code points differ here: that is the point. */
  g_assert_cmpuint (chars, <, (guint) (ghaza - sample));

  /* Every code point round-trips. */
  for (guint i = 0; i <= dl_text_get_n_chars (text); i++)
    g_assert_cmpuint (dl_text_byte_to_char (text, dl_text_char_to_byte (text, i)), ==, i);
}

static void
test_long_text_offsets (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(DlText) text = NULL;
  gsize len;

  /* Longer than many checkpoint strides, mixing widths. */
  for (guint i = 0; i < 500; i++)
    g_string_append (long_text, i % 3 == 0 ? "a" : i % 3 == 1 ? "é" : "🙂");
  len = long_text->len;
  text = dl_text_new (g_string_free (g_steal_pointer (&long_text), FALSE), len);

  g_assert_cmpuint (dl_text_get_n_chars (text), ==, 500);
  for (guint i = 0; i <= 500; i++)
    {
      gsize byte = dl_text_char_to_byte (text, i);

      g_assert_cmpuint (byte, ==, (gsize) (g_utf8_offset_to_pointer (dl_text_get_data (text), i) - dl_text_get_data (text)));
      g_assert_cmpuint (dl_text_byte_to_char (text, byte), ==, i);
    }
}

static void
test_anchor_found (void)
{
  g_autoptr(DlText) text = new_sample ();
  g_autofree char *sub = NULL;
  DlAnchor anchor;

  anchor = dl_text_anchor (text, "غزة", NULL, NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_OK);
  g_assert_cmpuint (anchor.end - anchor.start, ==, 3);
  sub = dl_text_substring (text, anchor.start, anchor.end);
  g_assert_cmpstr (sub, ==, "غزة");
}

static void
test_anchor_not_found (void)
{
  g_autoptr(DlText) text = new_sample ();
  DlAnchor anchor;

  anchor = dl_text_anchor (text, "this is probably the worst", NULL, NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_NOT_FOUND);
  /* Straight quotes are not curly quotes. */
  anchor = dl_text_anchor (text, "\"this is probably", NULL, NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_NOT_FOUND);
  anchor = dl_text_anchor (text, "", NULL, NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_NOT_FOUND);
}

static void
test_anchor_ambiguous_and_context (void)
{
  g_autoptr(DlText) text = new_sample ();
  const char *quote = "this is probably the best";
  guint first = (guint) g_utf8_pointer_to_offset (sample, strstr (sample, quote));
  guint second = (guint) g_utf8_pointer_to_offset (sample, strstr (strstr (sample, quote) + 1, quote));
  DlAnchor anchor;

  anchor = dl_text_anchor (text, quote, NULL, NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_AMBIGUOUS);
  g_assert_cmpuint (anchor.n_occurrences, ==, 2);
  g_assert_cmpuint (anchor.start, ==, first);

  /* The suffix picks the second occurrence. */
  anchor = dl_text_anchor (text, quote, NULL, "” again", FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_OK);
  g_assert_cmpuint (anchor.start, ==, second);

  /* So does the prefix. */
  anchor = dl_text_anchor (text, quote, "and then “", NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_OK);
  g_assert_cmpuint (anchor.start, ==, second);

  /* A context that matches nothing falls back, and says so. */
  anchor = dl_text_anchor (text, quote, "nowhere ", NULL, TRUE, second);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_CONTEXT_MISMATCH);
  g_assert_cmpuint (anchor.start, ==, second);
}

/* A naive search takes text × quote steps here (4 MiB × 64 KiB: hours); the
 * search must be linear, and counting must stop at "more than 10,000". */
static void
test_anchor_linear (void)
{
  const gsize text_len = 4 * 1024 * 1024;
  const gsize quote_len = 64 * 1024;
  char *data = g_malloc (text_len + 1);
  g_autofree char *quote = g_malloc (quote_len + 2);
  g_autoptr(DlText) text = NULL;
  DlAnchor anchor;

  memset (data, 'a', text_len);
  data[text_len] = '\0';
  text = dl_text_new (data, text_len);
  memset (quote, 'a', quote_len);
  quote[quote_len] = 'b';
  quote[quote_len + 1] = '\0';

  /* Almost everywhere, never quite. */
  anchor = dl_text_anchor (text, quote, NULL, NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_NOT_FOUND);

  /* Everywhere: millions of overlapping occurrences. */
  quote[quote_len] = '\0';
  anchor = dl_text_anchor (text, quote, NULL, NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_AMBIGUOUS);
  g_assert_cmpuint (anchor.n_occurrences, ==, DL_ANCHOR_MAX_OCCURRENCES + 1);
  g_assert_cmpuint (anchor.start, ==, 0);
  g_assert_cmpuint (anchor.end, ==, quote_len);

  /* Offsets far into the text: the nearest occurrence, found without
   * stopping at the counting limit. */
  anchor = dl_text_anchor (text, quote, "b", NULL, TRUE, 3000000);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_CONTEXT_MISMATCH);
  g_assert_cmpuint (anchor.start, ==, 3000000);
  anchor = dl_text_anchor (text, quote, NULL, NULL, TRUE, text_len - 10);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_OFFSETS_DISAGREE);
  g_assert_cmpuint (anchor.start, ==, text_len - quote_len);

  /* A context long and almost matching everywhere. */
  anchor = dl_text_anchor (text, "a", quote, quote, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_AMBIGUOUS);
  g_assert_cmpuint (anchor.start, ==, quote_len);
}

/* Overlapping occurrences count: "aa" occurs three times in "aaaa". */
static void
test_anchor_overlapping (void)
{
  g_autoptr(DlText) text = dl_text_new (g_strdup ("xaaaax abab abababa"), 19);
  DlAnchor anchor;

  anchor = dl_text_anchor (text, "aa", NULL, NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_AMBIGUOUS);
  g_assert_cmpuint (anchor.n_occurrences, ==, 3);
  g_assert_cmpuint (anchor.start, ==, 1);

  anchor = dl_text_anchor (text, "aba", NULL, NULL, FALSE, 0);
  g_assert_cmpuint (anchor.n_occurrences, ==, 4);
  g_assert_cmpuint (anchor.start, ==, 7);

  /* The context picks the one after "abab". */
  anchor = dl_text_anchor (text, "aba", "abab", NULL, FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_OK);
  g_assert_cmpuint (anchor.start, ==, 16);
  anchor = dl_text_anchor (text, "aba", "abab", "\n", FALSE, 0);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_CONTEXT_MISMATCH);
  anchor = dl_text_anchor (text, "aba", "abab", "", TRUE, 17);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_OFFSETS_DISAGREE);
  g_assert_cmpuint (anchor.start, ==, 16);
}

static void
test_anchor_offsets (void)
{
  g_autoptr(DlText) text = new_sample ();
  const char *quote = "this is probably the best";
  guint second = (guint) g_utf8_pointer_to_offset (sample, strstr (strstr (sample, quote) + 1, quote));
  DlAnchor anchor;

  /* Correct offsets choose among occurrences. */
  anchor = dl_text_anchor (text, quote, NULL, NULL, TRUE, second);
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_OK);
  g_assert_cmpuint (anchor.start, ==, second);

  /* Byte offsets (a common mistake) disagree: the quote wins, nearest occurrence. */
  anchor = dl_text_anchor (text, quote, NULL, NULL, TRUE,
                           (guint) (strstr (strstr (sample, quote) + 1, quote) - sample));
  g_assert_cmpint (anchor.status, ==, DL_ANCHOR_OFFSETS_DISAGREE);
  g_assert_cmpuint (anchor.start, ==, second);
}

static void
test_utf8_check (void)
{
  gsize bad = 0;
  static const char invalid[] = "ok \xC3\x28 no";
  static const char with_nul[] = "ok\0no";

  g_assert_true (dl_utf8_check (sample, strlen (sample), &bad));
  g_assert_false (dl_utf8_check (invalid, sizeof invalid - 1, &bad));
  g_assert_cmpuint (bad, ==, 3);
  g_assert_false (dl_utf8_check (with_nul, sizeof with_nul - 1, &bad));
  g_assert_cmpuint (bad, ==, 2);
}

static void
test_json_prescan (void)
{
  gsize bad = 0;
  g_autofree char *message = NULL;
  g_autofree char *deep = NULL;
  const char *ok = "{\"a\": [1, -2.5e10, 9223372036854775807, \"[[[[\\\"]]\"]}";
  const char *big = "{\"a\": 99999999999999999999}";
  const char *just_over = "[9223372036854775808]";

  g_assert_true (dl_json_prescan (ok, strlen (ok), 8, &bad, &message));

  g_assert_false (dl_json_prescan (big, strlen (big), 8, &bad, &message));
  g_assert_cmpuint (bad, ==, 6);
  g_assert_nonnull (strstr (message, "too large"));
  g_clear_pointer (&message, g_free);

  g_assert_false (dl_json_prescan (just_over, strlen (just_over), 8, &bad, &message));
  g_clear_pointer (&message, g_free);

  deep = g_strnfill (100000, '[');
  g_assert_false (dl_json_prescan (deep, 100000, 64, &bad, &message));
  g_assert_cmpuint (bad, ==, 64);
}

static void
test_line_column (void)
{
  const char *text = "{\n  “x”: 1,\n  oops\n}";
  guint line, column;

  dl_text_line_column (text, strlen (text), (gsize) (strstr (text, "oops") - text), &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 3);
  dl_text_line_column (text, strlen (text), (gsize) (strstr (text, ": 1") - text), &line, &column);
  g_assert_cmpuint (line, ==, 2);
  /* Columns count code points, not bytes: “x” is 3 characters. */
  g_assert_cmpuint (column, ==, 6);
}

/* A long text is cut after a whole word, with "…"; a short one is not. */
static void
test_preview (void)
{
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autofree char *preview = NULL;
  g_autofree char *arabic = NULL;

  g_assert_null (dl_text_preview ("short text", 100));
  g_assert_null (dl_text_preview ("exactly ten", 11));
  g_assert_null (dl_text_preview (NULL, 10));

  while (long_text->len < 10000)
    g_string_append (long_text, "strike shelter Rimal ");
  preview = dl_text_preview (long_text->str, 100);
  g_assert_nonnull (preview);
  g_assert_true (g_str_has_suffix (preview, "…"));
  g_assert_cmpuint (g_utf8_strlen (preview, -1), <=, 101);
  g_assert_cmpuint (g_utf8_strlen (preview, -1), >=, 80);
  /* Whole words only: what precedes "…" ends a word of the text. */
  preview[strlen (preview) - strlen ("…")] = '\0';
  g_assert_true (g_str_has_suffix (preview, "strike") || g_str_has_suffix (preview, "shelter")
                 || g_str_has_suffix (preview, "Rimal"));
  g_assert_true (g_str_has_prefix (long_text->str, preview));

  /* Characters, not bytes; a text without spaces is cut where it must be. */
  arabic = dl_text_preview ("غزةغزةغزةغزةغزةغزةغزة", 9);
  g_assert_cmpstr (arabic, ==, "غزةغزةغزة…");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/offsets", test_offsets);
  g_test_add_func ("/text/long-offsets", test_long_text_offsets);
  g_test_add_func ("/text/anchor/found", test_anchor_found);
  g_test_add_func ("/text/anchor/not-found", test_anchor_not_found);
  g_test_add_func ("/text/anchor/ambiguous-and-context", test_anchor_ambiguous_and_context);
  g_test_add_func ("/text/anchor/offsets", test_anchor_offsets);
  g_test_add_func ("/text/anchor/linear", test_anchor_linear);
  g_test_add_func ("/text/anchor/overlapping", test_anchor_overlapping);
  g_test_add_func ("/text/utf8-check", test_utf8_check);
  g_test_add_func ("/text/json-prescan", test_json_prescan);
  g_test_add_func ("/text/line-column", test_line_column);
  g_test_add_func ("/text/preview", test_preview);

  return g_test_run ();
}
