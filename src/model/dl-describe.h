/* dl-describe.h: every sentence Dateline writes about an event
 *
 * One place for the words a person reads about an event, so the event
 * panel, the presentation, the PDF handout and the CSV export say the same
 * thing the same way (GTK-free, so exports and tests run without a display):
 *
 *   date        "Tuesday 20 August 2024, uncertain" (dl_describe_when) and
 *               its precision, "To the day · uncertain" (…_when_precision)
 *   basis       "Dated from: ⁨…⁩" with citations rendered (…_when_basis)
 *   place       "Gaza City · within about 1 km", or, for a statement mapped
 *               to what it concerns, "About: Gaza Strip · …" (…_place)
 *   claims      "at least 12 people" (…_claim_value), the sources that state
 *               it (…_sources), "Sources disagree: …" (…_disagreement)
 *   prose       summaries, captions, bases: "[a000]" → the source's short
 *               name, never its id (…_citations)
 *
 * Formats: DL_DESCRIBE_PLAIN for CSV, PDF and accessible names;
 * DL_DESCRIBE_MARKUP for GtkLabel markup, where a cited source is a link
 * "source:ID" (connect GtkLabel::activate-link and open that article) and
 * the rest is escaped.
 *
 * Mixed-direction text (an English quote inside an Arabic sentence, a
 * Hebrew place name inside "Dated from: …") is wrapped in FSI…PDI
 * (U+2068…U+2069) wherever a translated frame holds dataset text, so RTL
 * layouts keep the frame's punctuation in place.
 *
 * For the present helper: use these for the presentation's date and place
 * lines, the PDF's claims and citations, and the CSV's date and sources
 * columns, rather than formatting again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-claims.h"
#include "dl-dataset.h"

G_BEGIN_DECLS

typedef enum {
  DL_DESCRIBE_PLAIN,
  DL_DESCRIBE_MARKUP,
} DlDescribeFormat;

/* Wraps text in FSI…PDI (first-strong isolate). Newly allocated. */
char *dl_describe_isolate           (const char       *text);
/* "Tuesday 20 August 2024", "19 – 20 August 2024, uncertain" */
char *dl_describe_when              (DlEvent          *event);
/* "To the day · uncertain": how precise the date is. */
char *dl_describe_when_precision    (DlEvent          *event);
/* "Dated from: …" with citations rendered, or NULL without a basis. */
char *dl_describe_when_basis        (DlDataset        *dataset,
                                     DlEvent          *event,
                                     DlDescribeFormat  format);
/* "within about 1 km" */
char *dl_describe_precision_m       (double            metres);
/* A place's name in the language (NULL: the dataset's), with "About: "
 * when the event only concerns it. */
char *dl_describe_place_name        (DlEvent          *event,
                                     guint             index,
                                     const char       *language);
/* "Gaza City · within about 1 km", every place of the event, "; "-joined. */
char *dl_describe_places            (DlEvent          *event,
                                     const char       *language);
/* "at least 12 people" */
char *dl_describe_claim_value       (const DlClaim    *claim);
/* "“Far apart”, 20 Aug; Cairo report, 20 Aug": short names, linked in markup. */
char *dl_describe_sources           (GPtrArray        *sources,
                                     DlDescribeFormat  format);
/* "Sources disagree: at least 12 people (“Far apart”, 20 Aug) / at least
 * 10 people (Cairo report, 20 Aug)", or NULL when they agree. */
char *dl_describe_disagreement      (DlDataset        *dataset,
                                     const char       *topic,
                                     DlDescribeFormat  format);
/* Prose with its citations, "[a000]" or "[a000, a001]", rendered as the
 * sources' short names ("; "-joined); unknown ids are left as written. */
char *dl_describe_citations         (DlDataset        *dataset,
                                     const char       *text,
                                     DlDescribeFormat  format);

G_END_DECLS
