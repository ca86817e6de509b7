/* dl-map-image.c: a map view with its events drawn with Cairo, headless
 *
 * The same picture as the window's map (basemap, precision halos, corridors
 * and areas, points in their category colours, clusters with a count), drawn
 * straight into any Cairo context: an image surface for PNG export, a PDF
 * surface for the handout. Nothing here needs a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-map-image"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#ifdef HAVE_BASEMAP
#include "dl-basemap.h"
#endif
#include "dl-category.h"
#include "dl-map-image.h"

#define POINT_RADIUS  6.5
#define CLUSTER_DIST  16.0

typedef struct {
  double   x, y;       /* pixels */
  double   sx, sy;     /* sums, for the cluster's centre */
  guint    n;
  DlEvent *event;      /* the first member */
} Mark;

typedef struct {
  double width, height;
  double world;        /* pixels per normalized Mercator unit */
  double cx, cy;       /* the centre, normalized */
} Frame;

/* Helpers */

static void
to_pixels (const Frame *frame,
           DlLonLat     p,
           double      *x,
           double      *y)
{
  double mx, my;

  dl_geo_project (p, &mx, &my);
  *x = frame->width / 2.0 + (mx - frame->cx) * frame->world;
  *y = frame->height / 2.0 + (my - frame->cy) * frame->world;
}

static void
draw_basemap (cairo_t     *cr,
              const Frame *frame,
              double       zoom,
              gboolean     dark,
              int          tile_scale,
              gboolean    *drawn)
{
#ifdef HAVE_BASEMAP
  g_autoptr(GError) error = NULL;
  g_autoptr(DlBasemap) basemap = dl_basemap_open_default (&error);
  DlBasemapStyle style = dark ? DL_BASEMAP_STYLE_DARK : DL_BASEMAP_STYLE_LIGHT;
  double sea[3], land[3];
  int tz;
  int n;
  double tile_px;   /* the size a tile is drawn at */
  double left, top;
  int tx0, ty0, tx1, ty1;

  dl_basemap_style_get_colors (style, sea, land);
  cairo_set_source_rgb (cr, sea[0], sea[1], sea[2]);
  cairo_paint (cr);

  *drawn = FALSE;
  if (basemap == NULL)
    {
      g_debug ("No basemap: %s", error->message);
      return;
    }

  /* Tiles of the next zoom level up, drawn a little smaller: sharp. */
  tz = (int) CLAMP (ceil (zoom - 0.2), DL_BASEMAP_MIN_ZOOM, DL_BASEMAP_MAX_ZOOM);
  n = 1 << tz;
  tile_px = frame->world / n;
  left = frame->width / 2.0 - frame->cx * frame->world;
  top = frame->height / 2.0 - frame->cy * frame->world;
  tx0 = (int) floor (-left / tile_px);
  tx1 = (int) floor ((frame->width - left) / tile_px);
  ty0 = MAX ((int) floor (-top / tile_px), 0);
  ty1 = MIN ((int) floor ((frame->height - top) / tile_px), n - 1);

  for (int ty = ty0; ty <= ty1; ty++)
    for (int tx = tx0; tx <= tx1; tx++)
      {
        int wrapped = ((tx % n) + n) % n;
        cairo_surface_t *tile = dl_basemap_render_tile (basemap, style, NULL, tz, wrapped, ty, tile_scale);
        double scale = tile_px / (DL_BASEMAP_TILE_SIZE * tile_scale);

        cairo_save (cr);
        /* Whole device pixels at the edges: no hairline seams between tiles. */
        cairo_rectangle (cr, floor (left + tx * tile_px), floor (top + ty * tile_px),
                         ceil (left + (tx + 1) * tile_px) - floor (left + tx * tile_px),
                         ceil (top + (ty + 1) * tile_px) - floor (top + ty * tile_px));
        cairo_clip (cr);
        cairo_translate (cr, left + tx * tile_px, top + ty * tile_px);
        cairo_scale (cr, scale, scale);
        cairo_set_source_surface (cr, tile, 0, 0);
        cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
        cairo_paint (cr);
        cairo_restore (cr);
        cairo_surface_destroy (tile);
      }
  *drawn = TRUE;
#else
  cairo_set_source_rgb (cr, dark ? 0.12 : 0.78, dark ? 0.16 : 0.86, dark ? 0.22 : 0.92);
  cairo_paint (cr);
  *drawn = FALSE;
#endif
}

static void
trace_part (cairo_t          *cr,
            const Frame      *frame,
            const DlGeometry *geometry,
            guint             part)
{
  const DlLonLat *positions = dl_geometry_get_positions (geometry);
  guint first, n;

  dl_geometry_get_part (geometry, part, &first, &n);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      to_pixels (frame, positions[first + i], &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

/* Corridors as lines, areas as dashed outlines; TRUE if the event has one. */
static gboolean
draw_shapes (cairo_t     *cr,
             const Frame *frame,
             DlEvent     *event,
             gboolean     selected,
             double       unit)
{
  GdkRGBA c;
  gboolean any = FALSE;

  dl_category_get_color (dl_event_get_category (event), &c);
  for (guint p = 0; p < dl_event_get_n_places (event); p++)
    {
      const DlGeometry *geometry = dl_place_get_geometry (dl_event_get_place (event, p));
      DlGeometryType type = dl_geometry_get_geometry_type (geometry);
      guint n_parts = dl_geometry_get_n_parts (geometry);

      cairo_new_path (cr);
      if (type == DL_GEOMETRY_POLYGON || type == DL_GEOMETRY_MULTI_POLYGON)
        {
          for (guint i = 0; i < n_parts; i++)
            {
              trace_part (cr, frame, geometry, i);
              cairo_close_path (cr);
            }
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          cairo_set_source_rgba (cr, c.red, c.green, c.blue, selected ? 0.22 : 0.08);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, c.red, c.green, c.blue, 0.9);
          cairo_set_line_width (cr, (selected ? 3.0 : 1.5) * unit);
          cairo_set_dash (cr, (double[]) { 6.0 * unit, 3.0 * unit }, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          any = TRUE;
        }
      else if (type == DL_GEOMETRY_LINE_STRING || type == DL_GEOMETRY_MULTI_LINE_STRING)
        {
          double width = (selected ? 7.0 : 5.0) * unit;

          for (guint i = 0; i < n_parts; i++)
            trace_part (cr, frame, geometry, i);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
          cairo_set_line_width (cr, width + 3.0 * unit);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgba (cr, c.red, c.green, c.blue, 1);
          cairo_set_line_width (cr, width);
          cairo_stroke (cr);
          any = TRUE;
        }
    }

  return any;
}

static void
draw_point (cairo_t     *cr,
            const Frame *frame,
            DlEvent     *event,
            double       x,
            double       y,
            gboolean     selected,
            double       zoom,
            double       unit)
{
  DlLonLat anchor = dl_event_get_anchor (event);
  double halo = dl_event_get_precision_m (event) / dl_geo_metres_per_pixel (anchor.lat, zoom);
  double radius = (selected ? POINT_RADIUS + 2.5 : POINT_RADIUS) * unit;
  GdkRGBA c;

  dl_category_get_color (dl_event_get_category (event), &c);

  /* The precision halo: how far the real spot may be. */
  if (halo > radius + 2 * unit)
    {
      halo = MIN (halo, MAX (frame->width, frame->height));
      cairo_new_path (cr);
      cairo_arc (cr, x, y, halo, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, c.red, c.green, c.blue, selected ? 0.16 : 0.07);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, c.red, c.green, c.blue, selected ? 0.55 : 0.22);
      cairo_set_line_width (cr, unit);
      cairo_stroke (cr);
    }

  if (selected)
    {
      cairo_new_path (cr);
      cairo_arc (cr, x, y, radius + 4 * unit, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.9);
      cairo_set_line_width (cr, 2.5 * unit);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, c.red, c.green, c.blue, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2 * unit);
  cairo_stroke (cr);
}

static PangoLayout *
new_layout (cairo_t    *cr,
            double      size_px,
            gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  return layout;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_badge (cairo_t    *cr,
            const Mark *mark,
            double      unit)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, 11.5 * unit, TRUE);
  g_autofree char *count = g_strdup_printf ("%u", mark->n);
  double radius = (10.0 + 2.0 * log2 (mark->n)) * unit;
  int w, h;

  cairo_new_path (cr);
  cairo_arc (cr, mark->x, mark->y, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, 0.24, 0.22, 0.27, 0.92);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2 * unit);
  cairo_stroke (cr);

  pango_layout_set_text (layout, count, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, mark->x - w / 2.0, mark->y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (cairo_t    *cr,
             double      width,
             GHashTable *categories,
             double      unit)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, 12.5 * unit, FALSE);
  g_autofree gpointer *keys = NULL;
  guint n = 0;
  double pad = 10 * unit;
  double row = 20 * unit;
  double text_width = 0;
  double x, y;

  keys = g_hash_table_get_keys_as_array (categories, &n);
  if (n == 0)
    return;
  /* A handful of categories: sort by their shown names. */
  for (guint i = 0; i + 1 < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (g_strcmp0 (dl_category_get_label (keys[i]), dl_category_get_label (keys[j])) > 0)
        {
          gpointer t = keys[i];
          keys[i] = keys[j];
          keys[j] = t;
        }

  for (guint i = 0; i < n; i++)
    {
      int w, h;

      pango_layout_set_text (layout, dl_category_get_label (keys[i]), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      text_width = MAX (text_width, w);
    }

  /* Top right: the attribution is at the bottom, events mostly in the middle. */
  x = width - pad - (text_width + 3 * pad + 12 * unit);
  y = pad;
  cairo_new_path (cr);
  rounded_rect (cr, x, y, text_width + 3 * pad + 12 * unit, n * row + 2 * pad, 8 * unit);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.88);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, unit);
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      GdkRGBA c;
      int w, h;
      double ry = y + pad + i * row;

      dl_category_get_color (keys[i], &c);
      cairo_new_path (cr);
      cairo_arc (cr, x + pad + 6 * unit, ry + row / 2, 6 * unit, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, c.red, c.green, c.blue);
      cairo_fill (cr);

      pango_layout_set_text (layout, dl_category_get_label (keys[i]), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, x + 2 * pad + 12 * unit, ry + (row - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

#ifdef HAVE_BASEMAP
static void
draw_attribution (cairo_t    *cr,
                  double      width,
                  double      height,
                  const char *text,
                  double      unit)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, 10.5 * unit, FALSE);
  int w, h;
  double pad = 4 * unit;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) ((width * 0.7) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &w, &h);

  cairo_rectangle (cr, width - w - 2 * pad, height - h - 2 * pad, w + 2 * pad, h + 2 * pad);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  cairo_move_to (cr, width - w - pad, height - h - pad);
  pango_cairo_show_layout (cr, layout);
}
#endif

/* Public API */

cairo_status_t
dl_cairo_append_bytes (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}


void
dl_map_image_draw (cairo_t         *cr,
                   double           width,
                   double           height,
                   const DlMapView *view,
                   GListModel      *events,
                   DlEvent         *selected,
                   DlMapImageFlags  flags,
                   int              tile_scale)
{
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shapes_drawn = g_hash_table_new (NULL, NULL);
  /* Points, lines and text grow with big images, as on a big screen. */
  double unit = CLAMP (MIN (width, height) / 720.0, 0.6, 6.0);
  double mx, my;
  gboolean basemap_drawn = FALSE;
  Frame frame;
  guint n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));
  g_return_if_fail (width > 0 && height > 0);

  dl_geo_project ((DlLonLat) { view->lon, view->lat }, &mx, &my);
  frame.width = width;
  frame.height = height;
  frame.world = 256.0 * exp2 (view->zoom);
  frame.cx = mx;
  frame.cy = my;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  draw_basemap (cr, &frame, view->zoom, (flags & DL_MAP_IMAGE_DARK) != 0, CLAMP (tile_scale, 1, 4),
                &basemap_drawn);

  n = events != NULL ? g_list_model_get_n_items (events) : 0;

  /* Corridors and areas under the points; each place once. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      gboolean has_shape = FALSE;

      g_hash_table_add (categories, (gpointer) dl_event_get_category (event));
      for (guint p = 0; p < dl_event_get_n_places (event); p++)
        if (dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (event, p))) >= DL_GEOMETRY_LINE_STRING)
          has_shape = TRUE;
      if (has_shape && event != selected
          && g_hash_table_add (shapes_drawn, (gpointer) dl_place_get_geometry (dl_event_get_place (event, 0))))
        draw_shapes (cr, &frame, event, FALSE, unit);
    }
  if (selected != NULL)
    draw_shapes (cr, &frame, selected, TRUE, unit);

  /* Points: those closer than a few pixels share one mark, with a count. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      double x, y;
      gboolean merged = FALSE;

      if (event == selected)
        continue;
      to_pixels (&frame, dl_event_get_anchor (event), &x, &y);
      if (x < -50 || y < -50 || x > width + 50 || y > height + 50)
        continue;

      for (guint m = 0; m < marks->len && !merged; m++)
        {
          Mark *mark = &g_array_index (marks, Mark, m);

          if (hypot (mark->x - x, mark->y - y) < CLUSTER_DIST * unit)
            {
              mark->sx += x;
              mark->sy += y;
              mark->n++;
              merged = TRUE;
            }
        }
      if (!merged)
        {
          Mark mark = { x, y, x, y, 1, event };

          g_array_append_val (marks, mark);
        }
    }

  for (guint m = 0; m < marks->len; m++)
    {
      Mark *mark = &g_array_index (marks, Mark, m);

      if (mark->n > 1)
        {
          mark->x = mark->sx / mark->n;
          mark->y = mark->sy / mark->n;
          draw_badge (cr, mark, unit);
        }
      else
        draw_point (cr, &frame, mark->event, mark->x, mark->y, FALSE, view->zoom, unit);
    }

  if (selected != NULL)
    {
      double x, y;

      to_pixels (&frame, dl_event_get_anchor (selected), &x, &y);
      draw_point (cr, &frame, selected, x, y, TRUE, view->zoom, unit);
      g_hash_table_add (categories, (gpointer) dl_event_get_category (selected));
    }

  if (flags & DL_MAP_IMAGE_LEGEND)
    draw_legend (cr, width, categories, unit);

#ifdef HAVE_BASEMAP
  if ((flags & DL_MAP_IMAGE_ATTRIBUTION) && basemap_drawn)
    draw_attribution (cr, width, height, dl_basemap_get_license_text (), unit);
#endif

  cairo_restore (cr);
}

cairo_surface_t *
dl_map_image_render (int              width,
                     int              height,
                     const DlMapView *view,
                     GListModel      *events,
                     DlEvent         *selected,
                     DlMapImageFlags  flags)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (view != NULL, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  dl_map_image_draw (cr, width, height, view, events, selected, flags, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}
