/* dl-suggest.h: candidate events read from an article (rules, not a model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dl-dataset.h"
#include "dl-gazetteer.h"

G_BEGIN_DECLS

/* A number a passage states: "at least 12 people". */
typedef struct {
  double  value;
  char   *qualifier;  /* "at least", or NULL */
  char   *unit;       /* "people", or NULL */
  char   *text;       /* as written: "at least 12 people" */
} DlSuggestedClaim;

/* One sentence that says something happened somewhere. */
typedef struct {
  guint      start;        /* code points in the article, end exclusive */
  guint      end;
  char      *exact;
  char      *when;         /* EDTF */
  char      *when_basis;
  char      *place_name;   /* as the gazetteer or the dataset names it */
  char      *place_text;   /* as the passage writes it: "southern Gaza" */
  DlPlace   *place;        /* the dataset's place, or NULL */
  DlLonLat   position;
  double     precision_m;
  GPtrArray *claims;       /* of DlSuggestedClaim */
} DlSuggestion;

void       dl_suggestion_free (DlSuggestion *suggestion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlSuggestion, dl_suggestion_free)

/* Every sentence of @text that names a place the gazetteer (or @dataset,
 * first) knows, with the date its words give against @published (EDTF, one
 * day), or "not dated" at the publication day, and its numbers. Returns a
 * GPtrArray of DlSuggestion in text order, or NULL with an error for a bad
 * publication date. Nothing is accepted: these are candidates. */
GPtrArray *dl_suggest         (const char   *text,
                               const char   *published,
                               DlGazetteer  *gazetteer,
                               DlDataset    *dataset,
                               GError      **error);

/* The place @text names (a headline, a sentence), read as dl_suggest()
 * reads an article's sentences (@dataset's places first); the most precise
 * when it names several. Only the place's fields are set (place_name,
 * place_text, place, position, precision_m); NULL when it names none. */
DlSuggestion *dl_suggest_place (const char  *text,
                                DlGazetteer *gazetteer,
                                DlDataset   *dataset);

/* One line of JSON for scripts: start, end, exact, when, when_basis,
 * place, lon, lat, precision_m, claims. */
char      *dl_suggestion_to_json (const DlSuggestion *suggestion);

G_END_DECLS
