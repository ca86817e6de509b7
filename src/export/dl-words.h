/* dl-words.h: the few sentences the presentation and the exports write
 * about an event, with no internal id in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"

G_BEGIN_DECLS

/* How a reader names a source: "article 2" (its place in the dataset's
 * list of sources, as the handout's sources page numbers them). */
char *dl_words_source_name (DlDataset  *dataset,
                            DlSource   *source);
/* @text with its citations ("[a000]") rendered as the sources' short names
 * (dl_describe_citations) and any bare source id of an older file ("(a000)",
 * "a001 has") replaced by the source's name. */
char *dl_words_cite        (DlDataset  *dataset,
                            const char *text);
/* dl_words_cite() for many texts of one dataset (an export's rows): the
 * sources are read once. */
typedef struct _DlWordsCiter DlWordsCiter;

DlWordsCiter *dl_words_citer_new  (DlDataset    *dataset);
char         *dl_words_citer_cite (DlWordsCiter *self,
                                   const char   *text);
void          dl_words_citer_free (DlWordsCiter *self);

/* The event's places, "Tel Aviv · Jerusalem". */
char *dl_words_places      (DlEvent    *event);

G_END_DECLS
