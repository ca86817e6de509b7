/* dl-claims.h: comparing claims, and the rows a reader sees
 *
 * Two claims agree when they state the same value with the same kind of
 * qualifier (docs/dataset-format.md, "How claims are compared"):
 * - qualifiers are sorted into kinds: none, approximate ("about", "around",
 *   "approximately", "roughly", "some", "nearly", "almost"), lower bound ("at
 *   least", "over", "more than"), upper bound ("at most", "under", "fewer
 *   than", "less than", "up to"); any other qualifier is its own kind, by its
 *   normalised text;
 * - numbers compare as numbers; text is normalised (case-folded, quotes,
 *   punctuation and extra spaces dropped) and compared as text; fraction
 *   words ("a third", "half", "two thirds", "25%") are numbers;
 * - on a topic whose `total` names another topic, a count is turned into a
 *   fraction of the total its own source states, so "39" of 111 and "a
 *   third" compare (and differ unless round (total / 3) = 39).
 * Claims that agree share one row, listing every source that states it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

/* A claim topic, as the dataset's `topics` map describes it. */
typedef struct {
  char *id;
  char *label;   /* what a person reads: "Killed at the school" */
  char *total;   /* the topic giving the whole a fraction is of, or NULL */
} DlTopic;

void       dl_topic_free            (DlTopic *topic);
/* The dataset's description of a topic, or NULL (in dl-dataset.c). */
const DlTopic *dl_dataset_lookup_topic (DlDataset  *self,
                                        const char *topic);

/* One value on a topic and every claim that states it. */
typedef struct {
  const DlClaim *claim;    /* the first claim stating it (value, qualifier, unit) */
  GPtrArray     *sources;  /* DlSource*, each once, in the order first seen */
  GArray        *refs;     /* DlClaimRef, every claim stating it */
} DlClaimRow;

void       dl_claim_row_free        (DlClaimRow *row);

/* The label of a topic: the dataset's, or one made from the id for files
 * without `topics` ("school-strike-killed" → "School strike killed"). */
char      *dl_claims_dup_topic_label (DlDataset  *dataset,
                                      const char *topic);
/* The claims on a topic grouped into rows of agreeing claims, in the order
 * first seen (a new array of DlClaimRow), or NULL for an unknown topic. */
GPtrArray *dl_claims_dup_rows       (DlDataset  *dataset,
                                     const char *topic);
/* TRUE when the claims on a topic do not all agree. */
gboolean   dl_claims_topic_disagrees (DlDataset *dataset,
                                      const char *topic);
/* Whether two claims on one topic agree; total_a/total_b are the totals
 * their sources state for the topic's `total` (0: none). */
gboolean   dl_claims_agree          (const DlClaim *a,
                                     double         total_a,
                                     const DlClaim *b,
                                     double         total_b);
/* "at least" → "at least"; "Around" → "about": the kind of a qualifier, as
 * a stable key (NULL or "" → ""). Newly allocated. */
char      *dl_claims_qualifier_kind (const char    *qualifier);
/* Text normalised for comparison (see above). Newly allocated. */
char      *dl_claims_normalize_text (const char    *text);
/* "a third" → 1/3, "half" → 0.5, "25%" → 0.25; FALSE when not a fraction. */
gboolean   dl_claims_parse_fraction (const char    *text,
                                     double        *fraction);

G_END_DECLS
