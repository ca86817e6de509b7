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
