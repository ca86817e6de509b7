/* dl-category-dialog.h: asks a new category's name and colour
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
 *     Cancel closes it without a word. */
DlCategoryDialog *dl_category_dialog_new          (GtkWindow        *parent);
/* The swatch of palette colour @index (for tests: where to click). */
GtkWidget        *dl_category_dialog_get_swatch   (DlCategoryDialog *self,
                                                   guint             index);

G_END_DECLS
