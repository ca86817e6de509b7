/* dl-article-view.h: one article's full text with the passages of events marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-dataset.h"
#include "dl-session.h"

G_BEGIN_DECLS

#define DL_TYPE_ARTICLE_VIEW (dl_article_view_get_type ())

G_DECLARE_FINAL_TYPE (DlArticleView, dl_article_view, DL, ARTICLE_VIEW, GtkWidget)

/* Signals:
 *   "event-activated" (DlEvent *event): a passage of another event was
 *     clicked, or Enter was pressed with the cursor in it.
 *   "claim-chosen" (DlSource *source, guint start, guint end): Make Claim
 *     (Ctrl+Shift+L) with that selection, code points, end exclusive. */
DlArticleView *dl_article_view_new            (void);
/* Follows the session: its dataset, and its selection while the article
 * shown has a passage of the selected event. */
void           dl_article_view_set_session    (DlArticleView *self,
                                               DlSession     *session);
/* Indexes the passages of every event by source, once. */
void           dl_article_view_set_dataset    (DlArticleView *self,
                                               DlDataset     *dataset);
/* Shows a source's text with the event's passages in it highlighted (event
 * may be NULL) and scrolls to the event's excerpt `excerpt_index` if it is
 * in this source, otherwise to the event's first passage in it. */
void           dl_article_view_show           (DlArticleView *self,
                                               DlSource      *source,
                                               DlEvent       *event,
                                               guint          excerpt_index);
DlSource      *dl_article_view_get_source     (DlArticleView *self);
DlEvent       *dl_article_view_get_event      (DlArticleView *self);
/* The code-point ranges of the current event's passages: guint pairs start,
 * end (exclusive), in text order. (transfer container) */
GArray        *dl_article_view_get_highlights (DlArticleView *self);
GtkTextView   *dl_article_view_get_text_view  (DlArticleView *self);

G_END_DECLS
