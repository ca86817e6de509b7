/* dl-widget-png.h: a widget as it is drawn now, as a PNG file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Waits for GTK to lay out and paint a frame (a widget paintable draws
 * nothing while a relayout is pending), renders `widget` over `background`
 * (or nothing) and writes the PNG atomically. */
gboolean dl_widget_save_png (GtkWidget      *widget,
                             const GdkRGBA  *background,
                             const char     *path,
                             GError        **error);

G_END_DECLS
