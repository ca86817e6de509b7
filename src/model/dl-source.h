/* dl-source.h: an article a dataset cites
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "dl-edtf.h"
#include "dl-text.h"

G_BEGIN_DECLS

#define DL_TYPE_SOURCE (dl_source_get_type ())

G_DECLARE_FINAL_TYPE (DlSource, dl_source, DL, SOURCE, GObject)

const char   *dl_source_get_id              (DlSource *self);
/* The path as written in the dataset, relative to the dataset file. */
const char   *dl_source_get_file            (DlSource *self);
const char   *dl_source_get_title           (DlSource *self);
const char   *dl_source_get_published_text  (DlSource *self);
const DlEdtf *dl_source_get_published       (DlSource *self);
const char   *dl_source_get_published_basis (DlSource *self);
const char   *dl_source_get_url             (DlSource *self);
/* What a citation of it shows ("AP, 20 Aug"): the dataset's `short`, or the
 * title when there is none. Never the id. */
const char   *dl_source_get_short_name      (DlSource *self);
/* The article's full text (UTF-8). */
const DlText *dl_source_get_text            (DlSource *self);

G_END_DECLS
