/* dl-export-png.c: a map view with its events as a PNG image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export-png"

#include <glib/gi18n.h>
#include <math.h>

#include "dl-atomic-file.h"
#include "dl-export-png.h"
#include "dl-map-image.h"

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
  cairo_status_t status;
  DlMapView map_view;

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

  if (view != NULL && !dl_bbox_is_empty (view))
    dl_map_view_fit (&map_view, width, height, view, 0);
  else
    dl_map_view_fit_events (&map_view, width, height, events);
  /* The box is what the user looked at: show all of it, not a margin more. */
  if (view != NULL && !dl_bbox_is_empty (view))
    map_view.zoom = MIN (map_view.zoom + log2 (1 / 0.8), 14);

  surface = dl_map_image_render (width, height, &map_view, events, NULL, DL_MAP_IMAGE_DEFAULT);
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
