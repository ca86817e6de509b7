/* dl-snapshot-disc.h: a filled, optionally ringed disc in a GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A disc of @radius centred on @x, @y, filled with @fill; with @border > 0,
 * a ring of that width inside its edge in @border_color. The map's marks,
 * the presentation strip's events and the category dots draw with it. */
void dl_snapshot_append_disc (GtkSnapshot   *snapshot,
                              double         x,
                              double         y,
                              double         radius,
                              const GdkRGBA *fill,
                              double         border,
                              const GdkRGBA *border_color);

G_END_DECLS
