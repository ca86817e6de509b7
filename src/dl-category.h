/* dl-category.h: colours and names of event categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gdk/gdk.h>

G_BEGIN_DECLS

/* The colour an event category is drawn in (unknown ones get a neutral grey). */
void        dl_category_get_color (const char *category,
                                   GdkRGBA    *color);
/* A translated, human name ("Strike", "Diplomacy"…); an unknown one is its
 * id written for people ("flood-relief": "Flood relief"), never the raw id. */
const char *dl_category_get_label (const char *category);

/* A style class ("category-strike") that gives a chip its colour. */
const char *dl_category_get_css_class (const char *category);

/* The order categories are listed in: by kind, known ones first. */
int         dl_category_compare       (const char *a,
                                       const char *b);


/* The categories Dateline knows (colours and names), in legend order. */
GStrv       dl_category_dup_known     (void);

G_END_DECLS
