/* dl-widget-png.c: a widget as it is drawn now, as a PNG file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-widget-png"

#include <glib/gi18n.h>

#include "dl-atomic-file.h"
#include "dl-widget-png.h"

static void
mark_painted (gboolean *painted)
{
  *painted = TRUE;
}

static void
wait_for_painted_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  gboolean painted = FALSE;
  gulong handler;

  if (clock == NULL)
    return;

  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (mark_painted), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

gboolean
dl_widget_save_png (GtkWidget      *widget,
                    const GdkRGBA  *background,
                    const char     *path,
                    GError        **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  GtkNative *native;
  GskRenderer *renderer;
  graphene_rect_t bounds;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  wait_for_painted_frame (widget);

  native = gtk_widget_get_native (widget);
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the window is not shown"));
      return FALSE;
    }

  bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  if (background != NULL)
    gtk_snapshot_append_color (snapshot, background, &bounds);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("nothing was drawn"));
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  png = gdk_texture_save_to_png_bytes (texture);

  return dl_write_file_atomically (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), error);
}
