/* dl-map-image.c: a map view with its events drawn with Cairo, headless
 *
 * The same picture as the window's map (basemap, precision halos, corridors
 * and areas, points in their category colours, clusters with a count: the
 * marks come from dl-mark-painter, as the map layer's do), drawn straight
 * into any Cairo context: an image surface for PNG export, a PDF surface
 * for the handout. A scale bar and a locator inset say how big and where.
 * Nothing here needs a display.
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
#include "dl-mark-painter.h"


typedef struct {
  double width, height;
  double world;        /* pixels per normalized Mercator unit */
  double cx, cy;       /* the centre, normalized */
  DlDataset *dataset;  /* whose categories colour the marks, or NULL */
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
              double       label_px,
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
  DlBasemapLabelOptions labels = DL_BASEMAP_LABEL_OPTIONS_INIT;
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
  /* Labels at least @label_px as drawn (tiles are drawn smaller than their
   * size), fewer of them, when the caller asks. */
  if (label_px > 0)
    {
      labels.scale = CLAMP (label_px / (DL_MAP_IMAGE_SMALLEST_LABEL_PX * tile_px / DL_BASEMAP_TILE_SIZE), 1.0, 4.0);
      labels.density = DL_BASEMAP_DENSITY_FEWEST;
    }
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
        cairo_surface_t *tile = dl_basemap_render_tile_full (basemap, style, NULL, &labels, tz, wrapped, ty,
                                                              tile_scale, NULL);
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

/* Corridors and areas of an event, as the map layer draws them. */
static void
draw_shapes (cairo_t     *cr,
             const Frame *frame,
             DlEvent     *event,
             gboolean     selected,
             double       unit)
{
  GdkRGBA c;

  dl_category_get_color (frame->dataset, dl_event_get_category (event), &c);
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
          dl_mark_paint_area (cr, &c, selected ? DL_MARK_SELECTED : DL_MARK_NORMAL, unit);
        }
      else if (type == DL_GEOMETRY_LINE_STRING || type == DL_GEOMETRY_MULTI_LINE_STRING)
        {
          for (guint i = 0; i < n_parts; i++)
            trace_part (cr, frame, geometry, i);
          dl_mark_paint_corridor (cr, &c, selected ? DL_MARK_SELECTED : DL_MARK_NORMAL, unit);
        }
      cairo_new_path (cr);
    }
}

static gboolean
has_shape (DlEvent *event)
{
  for (guint p = 0; p < dl_event_get_n_places (event); p++)
    if (dl_geometry_get_geometry_type (dl_place_get_geometry (dl_event_get_place (event, p))) >= DL_GEOMETRY_LINE_STRING)
      return TRUE;

  return FALSE;
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
  DlMarkState state = selected ? DL_MARK_SELECTED : DL_MARK_NORMAL;
  GdkRGBA c;

  dl_category_get_color (frame->dataset, dl_event_get_category (event), &c);
  dl_mark_paint_halo (cr, x, y, MIN (halo, MAX (frame->width, frame->height)), &c, state, unit);
  dl_mark_paint_point (cr, x, y, &c, state, unit);
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
draw_legend (cairo_t    *cr,
             DlDataset  *dataset,
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
      if (g_strcmp0 (dl_category_get_label (dataset, keys[i]), dl_category_get_label (dataset, keys[j])) > 0)
        {
          gpointer t = keys[i];
          keys[i] = keys[j];
          keys[j] = t;
        }

  for (guint i = 0; i < n; i++)
    {
      int w, h;

      pango_layout_set_text (layout, dl_category_get_label (dataset, keys[i]), -1);
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

      dl_category_get_color (dataset, keys[i], &c);
      cairo_new_path (cr);
      cairo_arc (cr, x + pad + 6 * unit, ry + row / 2, 6 * unit, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, c.red, c.green, c.blue);
      cairo_fill (cr);

      pango_layout_set_text (layout, dl_category_get_label (dataset, keys[i]), -1);
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

/* A bar of a round length (1, 2 or 5 × 10ⁿ m) about a sixth of the
 * width, bottom left, with its length in words. */
static void
draw_scale_bar (cairo_t         *cr,
                double           width,
                double           height,
                const DlMapView *view,
                double           unit)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, 11.5 * unit, TRUE);
  g_autofree char *text = NULL;
  double metres_per_px = dl_geo_metres_per_pixel (view->lat, view->zoom);
  double target = MIN (width / 6.0, 160 * unit) * metres_per_px;
  double step = pow (10, floor (log10 (MAX (target, 1))));
  double metres = step;
  double bar, pad = 6 * unit;
  int w, h;

  if (target >= 5 * step)
    metres = 5 * step;
  else if (target >= 2 * step)
    metres = 2 * step;
  bar = metres / metres_per_px;

  if (metres >= 1000)
    /* Translators: a distance on the map's scale bar */
    text = g_strdup_printf (_("%g km"), metres / 1000);
  else
    /* Translators: a distance on the map's scale bar */
    text = g_strdup_printf (_("%g m"), metres);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);

  cairo_save (cr);
  cairo_translate (cr, 10 * unit, height - 10 * unit - h - 3 * pad);
  cairo_new_path (cr);
  rounded_rect (cr, 0, 0, MAX (bar, w) + 2 * pad, h + 3 * pad, 4 * unit);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_move_to (cr, pad, pad / 2);
  pango_cairo_show_layout (cr, layout);
  /* The bar, with end ticks, under its length. */
  cairo_set_line_width (cr, 2 * unit);
  cairo_move_to (cr, pad, h + pad);
  cairo_line_to (cr, pad, h + 2.4 * pad);
  cairo_line_to (cr, pad + bar, h + 2.4 * pad);
  cairo_line_to (cr, pad + bar, h + pad);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Public API */

cairo_status_t
dl_cairo_append_bytes (void                *closure,
                       const unsigned char *data,
                       unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

double
dl_map_image_get_unit (double width,
                       double height)
{
  /* Points, lines and text grow with big images, as on a big screen. */
  return CLAMP (MIN (width, height) / 720.0, 0.6, 6.0);
}

void
dl_map_image_fit (DlMapView  *view,
                  double      width,
                  double      height,
                  GListModel *events)
{
  double unit = dl_map_image_get_unit (width, height);
  /* Wide enough for the biggest badge, drawn around its members' centre. */
  double margin = (DL_MARK_CELL_SIZE * 0.5 + 12) * unit;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double zoom;
  DlLonLat centre;
  guint n;

  g_return_if_fail (view != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (events));

  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      DlBBox bbox = dl_event_get_bbox (event);
      double ax, ay, bx, by;

      if (dl_bbox_is_empty (&bbox))
        continue;
      dl_geo_project ((DlLonLat) { bbox.west, bbox.north }, &ax, &ay);
      dl_geo_project ((DlLonLat) { bbox.east, bbox.south }, &bx, &by);
      x0 = MIN (x0, ax);
      y0 = MIN (y0, ay);
      x1 = MAX (x1, bx);
      y1 = MAX (y1, by);
    }

  if (x0 > x1)
    {
      DlBBox empty;

      dl_bbox_init_empty (&empty);
      dl_map_view_fit (view, width, height, &empty, 0);
      return;
    }

  /* Every event inside the margin; one event, or events at one spot, get
   * the context of a town around them. */
  zoom = MIN (log2 (MAX (width - 2 * margin, 1) / MAX ((x1 - x0) * 256.0, 1e-12)),
              log2 (MAX (height - 2 * margin, 1) / MAX ((y1 - y0) * 256.0, 1e-12)));
  zoom = MIN (zoom, 12.0);
  centre = dl_geo_unproject ((x0 + x1) / 2, (y0 + y1) / 2);
  view->lat = centre.lat;
  view->lon = centre.lon;
  view->zoom = CLAMP (zoom, DL_MAP_VIEW_MIN_ZOOM, DL_MAP_VIEW_MAX_ZOOM);
}

void
dl_map_image_draw (cairo_t         *cr,
                   double           width,
                   double           height,
                   const DlMapView *view,
                   DlDataset       *dataset,
                   GListModel      *events,
                   DlEvent         *selected,
                   DlMapImageFlags  flags,
                   int              tile_scale)
{
  g_autoptr(DlMarkClusterer) clusterer = dl_mark_clusterer_new ();
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) categories = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shapes_drawn = g_hash_table_new (NULL, NULL);
  double unit = dl_map_image_get_unit (width, height);
  const DlMark *marks;
  guint n_marks = 0;
  double mx, my;
  gboolean basemap_drawn = FALSE;
  gboolean dark = (flags & DL_MAP_IMAGE_DARK) != 0;
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
  frame.dataset = dataset;
  tile_scale = CLAMP (tile_scale, 1, 4);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  draw_basemap (cr, &frame, view->zoom, dark, tile_scale, 0, &basemap_drawn);

  n = events != NULL ? g_list_model_get_n_items (events) : 0;

  /* Corridors and areas under the points; each place once. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      g_hash_table_add (categories, (gpointer) dl_event_get_category (event));
      if (event == selected || dl_event_get_n_places (event) == 0)
        continue;
      if (has_shape (event))
        {
          if (g_hash_table_add (shapes_drawn, (gpointer) dl_place_get_geometry (dl_event_get_place (event, 0))))
            draw_shapes (cr, &frame, event, FALSE, unit);
        }
      else
        g_ptr_array_add (points, g_steal_pointer (&event));
    }
  if (selected != NULL)
    draw_shapes (cr, &frame, selected, TRUE, unit);

  /* Points share marks as on the map: same grid, same fan-out. */
  dl_mark_clusterer_begin (clusterer, width, height, view->zoom, unit, points->len,
                           (flags & DL_MAP_IMAGE_NO_CLUSTERS) == 0);
  for (guint i = 0; i < points->len; i++)
    {
      double x, y;

      to_pixels (&frame, dl_event_get_anchor (g_ptr_array_index (points, i)), &x, &y);
      dl_mark_clusterer_add (clusterer, i, x, y);
    }
  marks = dl_mark_clusterer_finish (clusterer, &n_marks);
  for (guint m = 0; m < n_marks; m++)
    {
      if (marks[m].n > 1)
        dl_mark_paint_cluster (cr, marks[m].x, marks[m].y, marks[m].radius, marks[m].n, DL_MARK_NORMAL, unit);
      else
        draw_point (cr, &frame, g_ptr_array_index (points, marks[m].first), marks[m].x, marks[m].y, FALSE,
                    view->zoom, unit);
    }

  if (selected != NULL)
    {
      double x, y;

      to_pixels (&frame, dl_event_get_anchor (selected), &x, &y);
      draw_point (cr, &frame, selected, x, y, TRUE, view->zoom, unit);
      g_hash_table_add (categories, (gpointer) dl_event_get_category (selected));
    }

  if ((flags & DL_MAP_IMAGE_LOCATOR) && view->zoom >= DL_MAP_IMAGE_LOCATOR_MIN_ZOOM)
    {
      double size = MIN (MAX (width, height) * 0.24, MIN (width, height) * 0.4);

      cairo_save (cr);
      cairo_translate (cr, 10 * unit, 10 * unit);
      dl_map_image_draw_locator (cr, size, size * 0.8, view, width, height, dark, tile_scale, unit, 0);
      cairo_restore (cr);
    }

  if (flags & DL_MAP_IMAGE_LEGEND)
    draw_legend (cr, dataset, width, categories, unit);

  if (flags & DL_MAP_IMAGE_SCALE_BAR)
    draw_scale_bar (cr, width, height, view, unit);

#ifdef HAVE_BASEMAP
  if ((flags & DL_MAP_IMAGE_ATTRIBUTION) && basemap_drawn)
    draw_attribution (cr, width, height, dl_basemap_get_license_text (), unit);
#endif

  cairo_restore (cr);
}

void
dl_map_image_draw_locator (cairo_t         *cr,
                           double           width,
                           double           height,
                           const DlMapView *view,
                           double           main_width,
                           double           main_height,
                           gboolean         dark,
                           int              tile_scale,
                           double           unit,
                           double           label_px)
{
  double zoom = CLAMP (view->zoom - 5, 3.0, 7.0);
  double scale = exp2 (zoom - view->zoom);   /* inset pixels per main pixel */
  Frame frame;
  double rw = main_width * scale, rh = main_height * scale;
  gboolean drawn = FALSE;

  g_return_if_fail (cr != NULL && view != NULL);

  dl_geo_project ((DlLonLat) { view->lon, view->lat }, &frame.cx, &frame.cy);
  frame.width = width;
  frame.height = height;
  frame.world = 256.0 * exp2 (zoom);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  draw_basemap (cr, &frame, zoom, dark, CLAMP (tile_scale, 1, 4), label_px, &drawn);

  /* Where the main map is: its outline, or a ring when too small to see. */
  cairo_set_source_rgb (cr, 0.85, 0.1, 0.1);
  cairo_set_line_width (cr, 2 * unit);
  cairo_new_path (cr);
  if (rw < 10 * unit || rh < 10 * unit)
    cairo_arc (cr, width / 2, height / 2, 6 * unit, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, (width - rw) / 2, (height - rh) / 2, rw, rh);
  cairo_stroke (cr);
  cairo_reset_clip (cr);

  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_set_line_width (cr, 3 * unit);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.45);
  cairo_set_line_width (cr, unit);
  cairo_stroke (cr);
  cairo_restore (cr);
}

cairo_surface_t *
dl_map_image_render (int              width,
                     int              height,
                     const DlMapView *view,
                     DlDataset       *dataset,
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
  dl_map_image_draw (cr, width, height, view, dataset, events, selected, flags, 1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}
