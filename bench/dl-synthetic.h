/* dl-synthetic.h: synthetic datasets of any size, for benchmarks and scale tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes DIR/synthetic.dateline.json and DIR/articles/NNN.txt: n_events events
 * at 1,000 places (points, corridors, areas) around the eastern Mediterranean,
 * dated with every EDTF form, each with excerpts (exact offsets) and claims.
 * Deterministic for a given seed. Returns the dataset's path. */
char *dl_synthetic_write (const char  *dir,
                          guint        n_events,
                          guint32      seed,
                          GError     **error);

G_END_DECLS
