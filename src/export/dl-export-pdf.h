/* dl-export-pdf.h: a printable handout of a narrative or of every event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"

G_BEGIN_DECLS

typedef enum {
  DL_PAPER_A4,
  DL_PAPER_LETTER,
} DlPaperSize;

/* "a4" or "letter" (any case); FALSE for anything else. */
gboolean dl_paper_size_from_string (const char   *text,
                                    DlPaperSize  *paper);

/* A PDF handout: a title page; one section per step of the narrative
 * @narrative_id (NULL: one per event, in time order) with a map, the date
 * with its precision, the place, the summary, the passages with their
 * articles' titles and the claims that disagree; and a page listing every
 * article. Real text (selectable, searchable), drawn with Cairo and Pango;
 * needs no display. Written atomically. Blocking: run it in a thread from a
 * UI. Fails with G_IO_ERROR_NOT_FOUND for an unknown narrative. */
gboolean dl_export_pdf_to_file     (DlDataset    *dataset,
                                    const char   *narrative_id,
                                    DlPaperSize   paper,
                                    const char   *path,
                                    GError      **error);

G_END_DECLS
