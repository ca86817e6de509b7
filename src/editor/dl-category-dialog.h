/* dl-category-dialog.h: asks a category's name and colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DL_TYPE_CATEGORY_DIALOG (dl_category_dialog_get_type ())

G_DECLARE_FINAL_TYPE (DlCategoryDialog, dl_category_dialog, DL, CATEGORY_DIALOG, AdwWindow)

/* Signals:
 *   "add" (const char *name, guint color): the user chose Add (or Enter)
 *     with a name and one of the palette's colours (0xRRGGBB,
 *     dl-dataset-categories.h); the dialog then closes itself. Escape or
 *     Cancel closes it without a word.
 *   "save" (const char *name, guint color): the same for a dialog made by
 *     dl_category_dialog_new_for_category(), with its Save button. */
DlCategoryDialog *dl_category_dialog_new          (GtkWindow        *parent);
/* For a category that is: its name and colour filled in (the colour first
 * among the swatches, as "Current colour", if the palette lacks it). */
DlCategoryDialog *dl_category_dialog_new_for_category (GtkWindow  *parent,
                                                       const char *name,
                                                       guint32     color);
/* The swatch @index, left to right (for tests: where to click): the
 * palette's colours, after the current one where it is shown. */
GtkWidget        *dl_category_dialog_get_swatch   (DlCategoryDialog *self,
                                                   guint             index);

G_END_DECLS
