/* dl-dataset-categories.h: the categories a dataset defines
 *
 * The root's optional `categories` array gives a category a colour and a
 * label of the dataset's own (an import's "battles", a researcher's
 * "flood-relief"), overriding the built-in ones of the same id
 * (src/dl-category.c). Colours are 0xRRGGBB here: the model has no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_CATEGORIES_ROOT_MEMBER "categories"

typedef struct {
  char    *id;
  char    *label;   /* for people, or NULL: the built-in or derived one */
  guint32  color;   /* 0xRRGGBB */
} DlCategoryDef;

DlCategoryDef *dl_category_def_new        (const char          *id,
                                           const char          *label,
                                           guint32              color);
void           dl_category_def_free       (DlCategoryDef       *def);

/* "#rrggbb" (either case) → 0xRRGGBB; FALSE for anything else. */
gboolean       dl_category_color_parse    (const char          *text,
                                           guint32             *color);
/* 0xRRGGBB → "#rrggbb" into @out (8 bytes). */
void           dl_category_color_format   (guint32              color,
                                           char                *out);
/* The rule for an event's `category`: lower-case ASCII letters, digits,
 * "-" and "_", not empty. */
gboolean       dl_category_id_is_valid    (const char          *id);
/* An id for a name a person typed ("Flood relief" → "flood-relief"),
 * never empty ("category" when nothing is left). */
char          *dl_category_id_from_name   (const char          *name);

/* The ids the app colours and names itself (src/dl-category.c), in its
 * order: the model does not draw, but importers leave them be. */
gboolean       dl_category_id_is_builtin  (const char          *id);

/* Colours for new categories (imports, the editor), clearly apart from the
 * built-in ones, from each other and from both basemaps' land and sea
 * (tests/test-category.c): 0xRRGGBB, and a translated name for each. */
guint          dl_category_palette_get_n    (void);
guint32        dl_category_palette_get      (guint               index);
const char    *dl_category_palette_get_name (guint               index);

/* The dataset's definition of @id, or NULL. */
const DlCategoryDef *dl_dataset_lookup_category (DlDataset     *self,
                                                 const char    *id);
/* The definitions in the dataset's order (the file's, then added ones). */
guint                dl_dataset_get_n_categories (DlDataset    *self);
const DlCategoryDef *dl_dataset_get_category     (DlDataset    *self,
                                                  guint         index);
/* An id made from @name that no definition, no event and none of @taken
 * (the built-in ids, which the model does not know) uses yet. */
char                *dl_dataset_make_category_id (DlDataset          *self,
                                                  const char         *name,
                                                  const char * const *taken);
/* For importers and the edit stack: adds @def (taken) at the end, or at
 * @index; takes the definition at @index out and returns it. */
void                 dl_dataset_add_category     (DlDataset     *self,
                                                  DlCategoryDef *def);
void                 dl_dataset_insert_category  (DlDataset     *self,
                                                  guint          index,
                                                  DlCategoryDef *def);
DlCategoryDef       *dl_dataset_steal_category   (DlDataset     *self,
                                                  guint          index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlCategoryDef, dl_category_def_free)

G_END_DECLS
