/* dl-test-tree.h: removing what a test wrote (GLib only, for model and
 * window tests alike)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and, for a folder, everything in it; asserts it could. */
void dl_test_remove_tree (const char *path);

G_END_DECLS
