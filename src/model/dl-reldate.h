/* dl-reldate.h: relative date expressions ("on Tuesday", "last week") to EDTF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DL_RELDATE_ERROR (dl_reldate_error_quark ())
GQuark dl_reldate_error_quark (void);

typedef enum {
  DL_RELDATE_ERROR_PUBLISHED,     /* the publication date is not one day */
  DL_RELDATE_ERROR_NO_EXPRESSION, /* nothing in the phrase says when */
  DL_RELDATE_ERROR_LANGUAGE,      /* no grammar for that language */
} DlReldateError;

/* A date expression found in a passage, resolved against the article's
 * publication date. */
typedef struct {
  char  *expression;  /* as written in the passage: "on Tuesday" */
  guint  start;       /* its code-point offsets in the passage, end exclusive */
  guint  end;
  char  *when;        /* EDTF: "2024-08-20", "2024-08-12/2024-08-18", "2023-11~/2024-08-20" */
  char  *when_basis;  /* "“on Tuesday”, in an article published on Tuesday 20 August 2024: …" */
} DlReldate;

void       dl_reldate_free     (DlReldate  *reldate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlReldate, dl_reldate_free)

/* The languages with a grammar ("en"), NULL-terminated. */
const char * const *dl_reldate_get_languages (void);

/* Every date expression in @text (a sentence or a whole article), in text
 * order, resolved against @published (EDTF naming one day, possibly
 * uncertain or approximate: the result carries that qualifier too).
 * @source_label (may be NULL) names the article in the basis ("a001").
 * @language: "en" (NULL: English). Returns a GPtrArray of DlReldate, empty
 * when nothing is found; NULL with an error for a bad publication date or
 * language. */
GPtrArray *dl_reldate_find_all (const char  *text,
                                const char  *published,
                                const char  *source_label,
                                const char  *language,
                                GError     **error);

/* The date a passage gives: its most precise expression (the first of
 * those), with "overnight" combined with the day it is told of. NULL with
 * DL_RELDATE_ERROR_NO_EXPRESSION when it names no date. */
DlReldate *dl_reldate_resolve  (const char  *phrase,
                                const char  *published,
                                const char  *source_label,
                                const char  *language,
                                GError     **error);

G_END_DECLS
