/* dl-malloc-slices.h: GLib 2.74's slices from malloc(), for the whole process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void dl_malloc_slices_ensure (char **argv);

G_END_DECLS
