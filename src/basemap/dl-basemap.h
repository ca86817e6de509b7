/* dl-basemap.h: the bundled offline basemap data and its tile renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  DL_BASEMAP_STYLE_LIGHT,
  DL_BASEMAP_STYLE_DARK,
} DlBasemapStyle;

#define DL_TYPE_BASEMAP_STYLE (dl_basemap_style_get_type ())
GType dl_basemap_style_get_type (void) G_GNUC_CONST;

#define DL_BASEMAP_ERROR (dl_basemap_error_quark ())
GQuark dl_basemap_error_quark (void);

typedef enum {
  DL_BASEMAP_ERROR_NOT_FOUND,
  DL_BASEMAP_ERROR_INVALID,
} DlBasemapError;

/* Zoom levels the data is drawn for. */
#define DL_BASEMAP_MIN_ZOOM 0
#define DL_BASEMAP_MAX_ZOOM 14
#define DL_BASEMAP_TILE_SIZE 256
/* The file name inside the basemap folder. */
#define DL_BASEMAP_FILE_NAME "basemap.dlbm"

#define DL_TYPE_BASEMAP (dl_basemap_get_type ())
G_DECLARE_FINAL_TYPE (DlBasemap, dl_basemap, DL, BASEMAP, GObject)

/* Opens the bundled basemap: $DATELINE_BASEMAP_DIR if set, else
 * PKGDATADIR/basemap, else the source tree's data/basemap (uninstalled runs).
 * Memory-mapped and validated; a shared instance, thread-safe to render from.
 * Returns: (transfer full) */
DlBasemap       *dl_basemap_open_default       (GError         **error);
/* Opens one basemap file (tests, tools). Returns: (transfer full) */
DlBasemap       *dl_basemap_new_for_path       (const char      *path,
                                                GError         **error);
const char      *dl_basemap_get_path           (DlBasemap       *self);

/* Renders one tile synchronously (any thread). A 256 × scale_factor pixel
 * ARGB32 image surface; never NULL for valid arguments.
 * language: "en", "ar", "he"… for labels; NULL means the user's locale.
 * Returns: (transfer full) */
cairo_surface_t *dl_basemap_render_tile        (DlBasemap       *basemap,
                                                DlBasemapStyle   style,
                                                const char      *language,
                                                int              zoom,
                                                int              x,
                                                int              y,
                                                int              scale_factor);

/* The label language actually used for @language ("en", "ar" or "he"). */
const char      *dl_basemap_resolve_language   (const char      *language);

/* "© OpenStreetMap contributors (ODbL), GeoNames (CC BY 4.0), Natural Earth",
 * translated. */
const char      *dl_basemap_get_license_text   (void);
const char      *dl_basemap_get_license_uri    (void);

/* The background colours of a style (sea, land), for tests and for a
 * placeholder before tiles arrive; components 0–1. */
void             dl_basemap_style_get_colors   (DlBasemapStyle   style,
                                                double           sea[3],
                                                double           land[3]);

G_END_DECLS
