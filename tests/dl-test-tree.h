/* dl-test-tree.h: copying a folder for a test to change, removing what a
 * test wrote (GLib only, for model and window tests alike)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and, for a folder, everything in it; asserts it could. */
void dl_test_remove_tree (const char *path);
/* A new temporary folder (named from @prefix, "dateline-test-XXXXXX" style)
 * holding a copy of everything in @from; asserts it could. */
char *dl_test_copy_tree  (const char *from,
                          const char *prefix);

G_END_DECLS
