/* dl-place.h: a place events happen at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dl-geo.h"

G_BEGIN_DECLS

#define DL_TYPE_PLACE (dl_place_get_type ())

G_DECLARE_FINAL_TYPE (DlPlace, dl_place, DL, PLACE, GObject)

const char       *dl_place_get_id          (DlPlace    *self);
const char       *dl_place_get_name        (DlPlace    *self);
/* The name in a language ("ar", "he", "fr_FR"…), falling back to the base
 * language and then to the default name. */
const char       *dl_place_get_name_for    (DlPlace    *self,
                                            const char *language);
/* The languages of its other names ("ar", "he"…), sorted; never NULL. */
GStrv             dl_place_dup_languages   (DlPlace    *self);
const char       *dl_place_get_kind        (DlPlace    *self);
const DlGeometry *dl_place_get_geometry    (DlPlace    *self);
double            dl_place_get_precision_m (DlPlace    *self);
/* What the dataset says about the place beyond its name: facts from outside
 * the articles, boundary choices. NULL when none. */
const char       *dl_place_get_note        (DlPlace    *self);

G_END_DECLS
