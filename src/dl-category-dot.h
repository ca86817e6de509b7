/* dl-category-dot.h: a category's colour as a ringed dot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_TYPE_CATEGORY_DOT (dl_category_dot_get_type ())

G_DECLARE_FINAL_TYPE (DlCategoryDot, dl_category_dot, DL, CATEGORY_DOT, GtkWidget)

/* @dataset: whose colour the category has (dl-category.h), or NULL; the
 * colour is looked up when set: set it again after the dataset changed. */
GtkWidget  *dl_category_dot_new          (DlDataset     *dataset,
                                          const char    *category);
void        dl_category_dot_set_category (DlCategoryDot *self,
                                          DlDataset     *dataset,
                                          const char    *category);
const char *dl_category_dot_get_category (DlCategoryDot *self);

/* A row's content: the category's dot, then its label (or @text when not
 * NULL), named for screen readers by the label alone. */
GtkWidget  *dl_category_label_new        (DlDataset     *dataset,
                                          const char    *category,
                                          const char    *text);

/* Whether the children of @box that carry a "category" (object data)
 * name @categories, in that order; when they do, their dots take
 * @dataset's colours again and their labels (from dl_category_label_new()
 * without @text) its names (an edit may have recoloured or renamed one).
 * FALSE: the caller builds its rows anew (an edit made or dropped a
 * category). */
gboolean    dl_category_rows_refresh     (GtkWidget          *box,
                                          DlDataset          *dataset,
                                          const char * const *categories);

G_END_DECLS
