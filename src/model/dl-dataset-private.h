/* dl-dataset-private.h: the loader's settings, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much article text one dataset may hold (DL_ARTICLES_MAX_TOTAL); a test
 * lowers it rather than writing hundreds of megabytes. */
extern guint64 dl_articles_max_total;

G_END_DECLS
