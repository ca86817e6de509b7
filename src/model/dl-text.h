/* dl-text.h: UTF-8 text helpers: code-point offsets, quote anchoring, JSON pre-scan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a quote (W3C TextQuoteSelector + TextPositionSelector) sits in a text. */
typedef enum {
  DL_ANCHOR_OK,                /* found, and the given offsets (if any) agree */
  DL_ANCHOR_NOT_FOUND,         /* the quote does not occur */
  DL_ANCHOR_OFFSETS_DISAGREE,  /* found, but not at the given offsets: the quote wins */
  DL_ANCHOR_AMBIGUOUS,         /* several occurrences and nothing to choose between them */
  DL_ANCHOR_CONTEXT_MISMATCH,  /* prefix/suffix match no occurrence */
} DlAnchorStatus;

/* Counting stops beyond this many occurrences: n_occurrences is then one
 * more ("more than 10,000"). */
#define DL_ANCHOR_MAX_OCCURRENCES 10000

typedef struct {
  DlAnchorStatus status;
  guint          start;          /* code points, inclusive */
  guint          end;            /* code points, exclusive */
  guint          n_occurrences;  /* of the quote alone, overlapping ones too */
} DlAnchor;

/* A text with a table to turn byte offsets into code-point offsets quickly. */
typedef struct _DlText DlText;

DlText     *dl_text_new              (char        *utf8,   /* (transfer full), valid UTF-8 */
                                      gsize        len);
/* Drops one reference (dl_text_new gives the first). */
void        dl_text_free             (DlText      *self);
DlText     *dl_text_ref              (DlText      *self);
const char *dl_text_get_data         (const DlText *self);
gsize       dl_text_get_size         (const DlText *self);
guint       dl_text_get_n_chars      (const DlText *self);
guint       dl_text_byte_to_char     (const DlText *self,
                                      gsize         byte_offset);
gsize       dl_text_char_to_byte     (const DlText *self,
                                      guint         char_offset);
/* A newly allocated copy of the code points [start, end). */
char       *dl_text_substring        (const DlText *self,
                                      guint         start,
                                      guint         end);
/* Anchors `exact`; prefix/suffix may be NULL; has_start/start the given start offset. */
DlAnchor    dl_text_anchor           (const DlText *self,
                                      const char   *exact,
                                      const char   *prefix,
                                      const char   *suffix,
                                      gboolean      has_start,
                                      guint         start);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlText, dl_text_free)

/* Text from a dataset, fit for a one-line message: at most max_chars
 * characters (0: no limit; "…" marks a cut), line breaks and tabs as spaces,
 * other control characters and every bidirectional control (which could
 * reorder the message around it) escaped as \uXXXX. Invalid UTF-8 is made
 * valid. */
char       *dl_text_escape_for_message (const char *text,
                                        gssize      len,
                                        guint       max_chars);
/* The same escapes in a whole message, but only of the characters no
 * translation uses: control characters, embeddings, overrides, LRI and RLI. */
char       *dl_text_escape_message     (const char *message);

/* The most bytes a text member of a dataset may hold (docs/dataset-format.md,
 * "Limits"): beyond them a file is refused with an error, so no text can
 * swell the window's layout or the loader's searches. */
#define DL_FIELD_MAX_LONG    (64 * 1024)  /* description, summary, caption, *_basis */
#define DL_FIELD_MAX_QUOTE   (64 * 1024)  /* exact */
#define DL_FIELD_MAX_CONTEXT (4 * 1024)   /* prefix, suffix */
#define DL_FIELD_MAX_SHORT   (4 * 1024)   /* ids, titles, names, paths, dates, … */
gsize       dl_field_max_bytes       (const char *member);

/* How much of a long text a view lays out at once: a label wraps its whole
 * text on every width change, and 64 KiB of it stalls the window for
 * seconds; longer texts are shown cut (dl_text_preview) with a way to read
 * them all in a text view, which lays out only what is on screen. */
#define DL_TEXT_PREVIEW_CHARS 1200
/* The first max_chars characters of text, cut after a whole word where
 * there is one in the last fifth, "…" appended; NULL when text is no
 * longer than that (show it whole). */
char       *dl_text_preview          (const char *text,
                                      guint       max_chars);

/* Checks that data is UTF-8 without NUL bytes. On failure returns FALSE and
 * sets *bad_offset to the byte offset of the first bad byte. */
gboolean    dl_utf8_check            (const char *data,
                                      gsize       len,
                                      gsize      *bad_offset);
/* 1-based line and column (in code points) of a byte offset. */
void        dl_text_line_column      (const char *data,
                                      gsize       len,
                                      gsize       offset,
                                      guint      *line,
                                      guint      *column);

/* Checks what json-glib does not: nesting depth and integer literals that do
 * not fit in 64 bits. Returns FALSE with *bad_offset and a message. */
gboolean    dl_json_prescan          (const char *data,
                                      gsize       len,
                                      guint       max_depth,
                                      gsize      *bad_offset,
                                      char      **message);

G_END_DECLS
