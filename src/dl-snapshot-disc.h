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

/* A sprite drawn with cairo (an ARGB32 image surface, premultiplied) as a
 * texture of straight RGBA bytes: GTK 4.8's cairo renderer draws that
 * format without converting it through floats on every frame. The map's
 * cluster discs and the timeline's dots are such sprites. */
GdkTexture *dl_texture_new_for_sprite (cairo_surface_t *surface);

G_END_DECLS
