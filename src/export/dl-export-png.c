/* dl-export-png.c: a map of the shown events as a PNG image
 *
 * The image stands on its own: a header with the dataset's title and the
 * dates it spans, the map fitted so every shown event lies inside a margin
 * (with a scale bar and the attribution), and a legend in a band below, so
 * no label covers an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export-png"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "dl-atomic-file.h"
#include "dl-category.h"
#include "dl-export-png.h"
#include "dl-map-image.h"

static PangoLayout *
text_layout (cairo_t    *cr,
             const char *text,
             double      size_px,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (bold ? "Sans Bold" : "Sans");

  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* "20 August 2024 – 1 September 2024": the earliest and the latest date of
 * the events (open ends left out), in words. */
static char *
describe_span (GListModel *events)
{
  const DlEdtf *first = NULL, *last = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      const DlEdtf *when = dl_event_get_when (event);

      if (!dl_edtf_is_bounded (when))
        continue;
      if (first == NULL || when->earliest < first->earliest)
        first = when;
      if (last == NULL || when->latest > last->latest)
        last = when;
    }
  if (first == NULL)
    return g_strdup ("");

  from = dl_edtf_describe (first);
  to = dl_edtf_describe (last);
  if (first == last || g_strcmp0 (from, to) == 0)
    return g_steal_pointer (&from);
  /* Translators: the first and the last date of the events shown */
  return g_strdup_printf (_("%s – %s"), from, to);
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b)
{
  return dl_category_compare (*(const char * const *) a, *(const char * const *) b);
}

/* The categories shown, each a dot and its name, in rows. Returns the
 * height it took (or would take, with @draw FALSE). */
static double
legend_band (cairo_t    *cr,
             DlDataset  *dataset,
             GListModel *events,
             double      x,
             double      y,
             double      width,
             double      unit,
             gboolean    draw)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) categories = g_ptr_array_new ();
  double row = 24 * unit;
  double cx = 0, cy = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      const char *category = dl_event_get_category (event);

      if (g_hash_table_add (seen, (gpointer) category))
        g_ptr_array_add (categories, (gpointer) category);
    }
  g_ptr_array_sort (categories, compare_categories);

  for (guint i = 0; i < categories->len; i++)
    {
      const char *category = g_ptr_array_index (categories, i);
      g_autoptr(PangoLayout) layout = text_layout (cr, dl_category_get_label (dataset, category), 15 * unit, FALSE, -1);
      double item;
      int w, h;
      GdkRGBA c;

      pango_layout_get_pixel_size (layout, &w, &h);
      item = 20 * unit + w + 22 * unit;
      if (cx > 0 && cx + item > width)
        {
          cx = 0;
          cy += row;
        }
      if (draw)
        {
          dl_category_get_color (dataset, category, &c);
          cairo_new_path (cr);
          cairo_arc (cr, x + cx + 7 * unit, y + cy + row / 2, 7 * unit, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, c.red, c.green, c.blue);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 1.5 * unit);
          cairo_stroke (cr);
          cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
          cairo_move_to (cr, x + cx + 20 * unit, y + cy + (row - h) / 2);
          pango_cairo_show_layout (cr, layout);
        }
      cx += item;
    }

  return categories->len > 0 ? cy + row : 0;
}

static void
draw_image (cairo_t    *cr,
            DlDataset  *dataset,
            GListModel *events,
            int         width,
            int         height)
{
  double unit = dl_map_image_get_unit (width, height);
  double pad = 14 * unit;
  g_autofree char *span = describe_span (events);
  guint n = g_list_model_get_n_items (events);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
  /* Translators: the dates the events span, then how many there are */
  g_autofree char *subtitle = *span != '\0' ? g_strdup_printf (_("%s · %s"), span, count) : g_strdup (count);
  g_autoptr(PangoLayout) title = text_layout (cr, dl_dataset_get_title (dataset), 24 * unit, TRUE, width - 2 * pad);
  g_autoptr(PangoLayout) sub = text_layout (cr, subtitle, 16 * unit, FALSE, width - 2 * pad);
  PangoRectangle tr, sr;
  double header, footer, map_height;
  DlMapView view;

  pango_layout_get_pixel_extents (title, NULL, &tr);
  pango_layout_get_pixel_extents (sub, NULL, &sr);
  header = pad + tr.height + 2 * unit + sr.height + pad * 0.8;
  footer = legend_band (cr, dataset, events, pad, 0, width - 2 * pad, unit, FALSE) + pad;
  /* A tiny image keeps its map: the bands give way first. */
  if (header + footer > height * 0.5)
    header = footer = 0;
  map_height = height - header - footer;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (header > 0)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_move_to (cr, pad, pad);
      pango_cairo_show_layout (cr, title);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      cairo_move_to (cr, pad, pad + tr.height + 2 * unit);
      pango_cairo_show_layout (cr, sub);
    }

  dl_map_image_fit (&view, width, map_height, events);
  cairo_save (cr);
  cairo_translate (cr, 0, header);
  dl_map_image_draw (cr, width, map_height, &view, dataset, events, NULL,
                     DL_MAP_IMAGE_ATTRIBUTION | DL_MAP_IMAGE_SCALE_BAR | (header > 0 ? 0 : DL_MAP_IMAGE_LEGEND), 1);
  cairo_restore (cr);

  if (footer > 0)
    legend_band (cr, dataset, events, pad, header + map_height + pad / 2, width - 2 * pad, unit, TRUE);
}

gboolean
dl_export_png_to_file (DlDataset     *dataset,
                       GListModel    *events,
                       const DlBBox  *view,
                       int            width,
                       int            height,
                       const char    *path,
                       GError       **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (DL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (events == NULL || G_IS_LIST_MODEL (events), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width < 1 || height < 1 || width > DL_EXPORT_PNG_MAX_SIZE || height > DL_EXPORT_PNG_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The image size %d×%d is not between 1×1 and %d×%d"),
                   width, height, DL_EXPORT_PNG_MAX_SIZE, DL_EXPORT_PNG_MAX_SIZE);
      return FALSE;
    }

  if (events == NULL)
    events = dl_dataset_get_events (dataset);
  /* The view the user looked at is not used to crop: the image shows every
   * shown event (filter to show fewer). */
  (void) view;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  draw_image (cr, dataset, events, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, dl_cairo_append_bytes, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the image: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return dl_write_file_atomically (path, (const char *) png->data, png->len, error);
}
