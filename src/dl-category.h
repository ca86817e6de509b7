/* dl-category.h: colours and names of event categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

/* Each takes the dataset the category is of (NULL: the built-in ones
 * alone): a dataset's `categories` (dl-dataset-categories.h) override the
 * built-in colour and label of the same id. Views get the dataset from
 * their session; exports from what they export. Built-in answers are
 * safe from any thread; a dataset's only where it is not being edited. */

/* The colour an event category is drawn in (unknown ones get a neutral grey). */
void        dl_category_get_color (DlDataset  *dataset,
                                   const char *category,
                                   GdkRGBA    *color);
/* The same as 0xRRGGBB. */
guint32     dl_category_get_rgb   (DlDataset  *dataset,
                                   const char *category);
/* A translated, human name ("Strike", "Diplomacy"…); the dataset's label;
 * an unknown one is its id written for people ("flood-relief": "Flood
 * relief"), never the raw id. Valid while the dataset's definition is. */
const char *dl_category_get_label (DlDataset  *dataset,
                                   const char *category);

/* A style class ("category-strike") that gives a chip its colour; for a
 * dataset's own colour, a class made for that colour ("category-rgb-e66100"),
 * whose rule is added to the default display's style (main thread only). */
const char *dl_category_get_css_class (DlDataset  *dataset,
                                       const char *category);

/* The style class that gives a chip or a swatch the colour 0xRRGGBB. */
const char *dl_category_get_css_class_for_color (guint32 color);

/* The order categories are listed in: by kind, known ones first. */
int         dl_category_compare       (const char *a,
                                       const char *b);


/* The categories Dateline knows (colours and names), in legend order. */
GStrv       dl_category_dup_known     (void);

G_END_DECLS
