/* dl-snapshot-disc.c: a filled, optionally ringed disc in a GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-snapshot-disc.h"

void
dl_snapshot_append_disc (GtkSnapshot   *snapshot,
                         double         x,
                         double         y,
                         double         radius,
                         const GdkRGBA *fill,
                         double         border,
                         const GdkRGBA *border_color)
{
  GskRoundedRect outline;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius);

  /* A clipped colour, not a cairo node: GSK draws it the same on every
   * renderer and caches it. */
  gsk_rounded_rect_init_from_rect (&outline, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, fill, &bounds);
  gtk_snapshot_pop (snapshot);

  if (border > 0 && border_color != NULL)
    {
      float widths[4] = { border, border, border, border };
      GdkRGBA colors[4] = { *border_color, *border_color, *border_color, *border_color };

      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

GdkTexture *
dl_texture_new_for_sprite (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  const guchar *data;
  guchar *pixels;
  int width, height, stride;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  pixels = g_malloc ((gsize) width * height * 4);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 p = row[x];
          guint a = p >> 24;
          guchar *out = pixels + ((gsize) y * width + x) * 4;

          out[0] = a > 0 ? (((p >> 16) & 0xff) * 255 + a / 2) / a : 0;
          out[1] = a > 0 ? (((p >> 8) & 0xff) * 255 + a / 2) / a : 0;
          out[2] = a > 0 ? ((p & 0xff) * 255 + a / 2) / a : 0;
          out[3] = a;
        }
    }
  bytes = g_bytes_new_take (pixels, (gsize) width * height * 4);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, bytes, (gsize) width * 4);
}
