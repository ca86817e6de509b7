/* dl-event-layer-draw.c: drawing a frame of the event layer
 *
 * Its own file because it is the one place that paints: corridors and
 * areas in Cairo under the points, precision halos, ringed dots kept as
 * textures per colour, count badges kept as textures per count and size,
 * and the selected mark on top. Where things go was decided by
 * dl-event-layer-layout.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-layer"

#include <math.h>

#include "dl-event-layer-private.h"
#include "dl-snapshot-disc.h"

/* Helpers */

static void
trace_part (DlEventLayer     *self,
            cairo_t          *cr,
            const DlGeometry *geometry,
            guint             part)
{
  const double *xy = dl_event_layer_project_geometry (self, geometry);
  guint first;
  guint n;

  dl_geometry_get_part (geometry, part, &first, &n);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      dl_event_layer_to_screen (self, xy[2 * (first + i)], xy[2 * (first + i) + 1], &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
draw_shape (DlEventLayer *self,
            cairo_t      *cr,
            const Item   *item,
            gboolean      selected,
            GHashTable   *drawn)
{
  double alpha = dl_event_layer_item_in_range (self, item) ? 1.0 : DIMMED_ALPHA;
  const GdkRGBA *c = &item->color;

  for (guint p = 0; p < dl_event_get_n_places (item->event); p++)
    {
      const DlGeometry *geometry = dl_place_get_geometry (dl_event_get_place (item->event, p));
      DlGeometryType type = dl_geometry_get_geometry_type (geometry);
      guint n_parts = dl_geometry_get_n_parts (geometry);

      /* Several events at one area or corridor: draw it once, not stacked opaque. */
      if (drawn != NULL && !g_hash_table_add (drawn, (gpointer) geometry))
        continue;

      cairo_new_path (cr);
      if (type == DL_GEOMETRY_POLYGON || type == DL_GEOMETRY_MULTI_POLYGON)
        {
          for (guint i = 0; i < n_parts; i++)
            {
              trace_part (self, cr, geometry, i);
              cairo_close_path (cr);
            }
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, (selected ? 0.22 : 0.08) * alpha);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.9 * alpha);
          cairo_set_line_width (cr, selected ? 3.0 : 1.5);
          cairo_set_dash (cr, (double[]) { 6.0, 3.0 }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else if (type == DL_GEOMETRY_LINE_STRING || type == DL_GEOMETRY_MULTI_LINE_STRING)
        {
          double width = selected ? 7.0 : 5.0;

          for (guint i = 0; i < n_parts; i++)
            trace_part (self, cr, geometry, i);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          /* A light casing keeps the line readable over any basemap. */
          cairo_set_source_rgba (cr, 1, 1, 1, 0.85 * alpha);
          cairo_set_line_width (cr, width + 3.0);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgba (cr, c->red, c->green, c->blue, alpha);
          cairo_set_line_width (cr, width);
          cairo_stroke (cr);
        }
    }
}

static void
draw_halo (DlEventLayer *self,
           GtkSnapshot  *snapshot,
           const Item   *item,
           double        x,
           double        y,
           gboolean      selected)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double metres_per_pixel = dl_geo_metres_per_pixel (dl_event_get_anchor (item->event).lat,
                                                     shumate_viewport_get_zoom_level (viewport));
  double radius = MIN (dl_event_get_precision_m (item->event) / metres_per_pixel, MAX_HALO_RADIUS);
  GdkRGBA fill = item->color;
  GdkRGBA edge = item->color;

  if (radius <= POINT_RADIUS + 2.0)
    return;

  fill.alpha = selected ? 0.16 : 0.07;
  edge.alpha = selected ? 0.55 : 0.22;
  dl_snapshot_append_disc (snapshot, x, y, radius, &fill, 1.0, &edge);
}

/* A point mark (a coloured dot in a white ring, or for a statement mapped
 * to what it concerns a white dot in a coloured ring) drawn once per colour
 * and then placed as a texture: one render node per event. */
static GdkTexture *
dot_texture (DlEventLayer  *self,
             const GdkRGBA *fill,
             const GdkRGBA *ring,
             gboolean       hollow)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  const GdkRGBA *colour = hollow ? ring : fill;
  /* The colour, and whether hollow in the lowest bit (alphas are 255 or 76). */
  guint key = (((guint) (colour->red * 255) << 24) | ((guint) (colour->green * 255) << 16)
               | ((guint) (colour->blue * 255) << 8) | (guint) (colour->alpha * 255)) ^ (hollow ? 1u : 0u);
  GdkTexture *texture = g_hash_table_lookup (self->dots, GUINT_TO_POINTER (key));
  double half = POINT_RADIUS + 1.0;
  int size = (int) ceil (2 * half * scale);
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;

  if (texture != NULL)
    return texture;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_arc (cr, half, half, POINT_RADIUS, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, fill->red, fill->green, fill->blue, fill->alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, ring->red, ring->green, ring->blue, ring->alpha);
  cairo_set_line_width (cr, hollow ? 2.5 : 2.0);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  g_hash_table_insert (self->dots, GUINT_TO_POINTER (key), texture);

  return texture;
}

/* The count's text, shaped once and kept: shaping is the costly part. */
static PangoLayout *
badge_layout (DlEventLayer *self,
              guint         count)
{
  PangoLayout *layout = g_hash_table_lookup (self->badges, GUINT_TO_POINTER (count));
  PangoAttrList *attrs;
  g_autofree char *text = NULL;

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->badges) > 1024)
    g_hash_table_remove_all (self->badges);

  text = g_strdup_printf ("%u", count);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  g_hash_table_insert (self->badges, GUINT_TO_POINTER (count), layout);

  return layout;
}

/* A cluster's badge, its disc, ring and count, drawn once per count,
 * radius (to a quarter pixel) and dimming, then placed as a texture. As a
 * rounded clip and a border, GSK's cairo renderer (the one without a GPU)
 * rasterised clip paths for every badge on every frame, half the window's
 * frame at a region's zoom; and as a text node it drew every count's
 * glyphs again on every frame (a tenth of a region's frame at a million
 * events). Straight RGBA: GTK 4.8 converts it to cairo's format by a
 * direct path on each frame it draws it. The count is drawn in the
 * texture's own coordinates (the disc's, stretched to whole pixels), so
 * on screen it has the size and place the text node gave it. */
static GdkTexture *
badge_texture (DlEventLayer  *self,
               guint          count,
               const GdkRGBA *fill,
               const GdkRGBA *ring,
               const GdkRGBA *ink,
               double         radius,
               gboolean       in_range,
               double        *radius_out)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  guint quarters = (guint) (radius * 4 + 0.5);
  guint64 key = ((guint64) count << 32) | (quarters << 1) | (in_range ? 1u : 0u);
  GdkTexture *texture = g_hash_table_lookup (self->discs, &key);
  PangoLayout *layout;
  cairo_surface_t *surface;
  cairo_t *cr;
  int size, width, height;

  radius = quarters / 4.0;
  *radius_out = radius;
  if (texture != NULL)
    return texture;

  /* A few hundred are on screen at once; counts change as one zooms. */
  if (g_hash_table_size (self->discs) > 4096)
    g_hash_table_remove_all (self->discs);

  size = (int) ceil (2 * radius * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  cairo_scale (cr, size / (2 * radius), size / (2 * radius));
  /* As the rounded clip and its 2 px border drew it: the border inside. */
  cairo_arc (cr, radius, radius, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, fill);
  cairo_fill (cr);
  cairo_arc (cr, radius, radius, radius - 1.0, 0, 2 * G_PI);
  cairo_set_line_width (cr, 2.0);
  gdk_cairo_set_source_rgba (cr, ring);
  cairo_stroke (cr);

  /* Where draw_badge() placed the layout: centred on the mark. */
  layout = badge_layout (self, count);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, radius - width / 2.0, radius - height / 2.0);
  gdk_cairo_set_source_rgba (cr, ink);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);

  texture = dl_texture_new_for_sprite (surface);
  cairo_surface_destroy (surface);
  g_hash_table_insert (self->discs, g_memdup2 (&key, sizeof key), texture);

  return texture;
}

static void
draw_badge (DlEventLayer      *self,
            GtkSnapshot       *snapshot,
            const DlEventMark *mark,
            gboolean           in_range)
{
  GdkRGBA fill = { 0.24, 0.22, 0.27, in_range ? 0.92 : 0.45 };
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkTexture *badge;
  double radius;

  badge = badge_texture (self, mark->n_events, &fill, &white, &white, mark->radius, in_range, &radius);
  gtk_snapshot_append_texture (snapshot, badge,
                               &GRAPHENE_RECT_INIT (mark->x - radius, mark->y - radius, 2 * radius, 2 * radius));
}

/* Vfuncs */

void
dl_event_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DlEventLayer *self = DL_EVENT_LAYER (widget);
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA dark = { 0.1, 0.1, 0.1, 0.9 };
  const Item *selected = NULL;

  if (self->items->len == 0 || gtk_widget_get_width (widget) <= 0)
    return;

  dl_event_layer_compute_layout (self);

  /* Corridors and areas, under the points; the selected one drawn last,
   * stronger (looked up first: it must not depend on other shapes being
   * on screen). */
  if (self->selected_index >= 0 && g_array_index (self->items, Item, self->selected_index).is_shape)
    selected = &g_array_index (self->items, Item, self->selected_index);
  if (self->shapes->len > 0 || selected != NULL)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->width, self->height));
      g_autoptr(GHashTable) drawn = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < self->shapes->len; i++)
        draw_shape (self, cr, &g_array_index (self->items, Item, g_array_index (self->shapes, guint, i)), FALSE, drawn);
      if (selected != NULL)
        draw_shape (self, cr, selected, TRUE, NULL);
      cairo_destroy (cr);
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const DlEventMark *mark = &g_array_index (self->marks, DlEventMark, i);
      const Item *item;
      gboolean is_selected = mark->event == self->selected && mark->n_events == 1;
      GdkRGBA fill;
      GdkRGBA ring = white;

      if (mark->n_events > 1)
        {
          draw_badge (self, snapshot, mark, dl_event_layer_cluster_in_range (self, mark));
          continue;
        }

      item = &g_array_index (self->items, Item, mark->item);
      fill = item->color;
      if (!dl_event_layer_item_in_range (self, item))
        {
          fill.alpha = DIMMED_ALPHA;
          ring.alpha = DIMMED_ALPHA;
        }

      if (!item->is_shape || is_selected)
        draw_halo (self, snapshot, item, mark->x, mark->y, is_selected);
      /* An area or corridor is drawn as its shape; a statement about it
       * still gets its hollow mark at the anchor. */
      if (item->is_shape && !is_selected && !item->concerns)
        continue;
      if (item->concerns)
        {
          GdkRGBA paper = { 1, 1, 1, fill.alpha };

          ring = fill;
          fill = paper;
        }

      if (is_selected)
        {
          dl_snapshot_append_disc (snapshot, mark->x, mark->y, mark->radius + 4, &white, 2.5, &dark);
          dl_snapshot_append_disc (snapshot, mark->x, mark->y, mark->radius, &fill, 2.0, &ring);
        }
      else
        {
          double half = POINT_RADIUS + 1.0;

          gtk_snapshot_append_texture (snapshot, dot_texture (self, &fill, &ring, item->concerns),
                                       &GRAPHENE_RECT_INIT (mark->x - half, mark->y - half, 2 * half, 2 * half));
        }
    }
}
