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

/* Zoom levels tiles are drawn for. The data is detailed up to zoom 14;
 * zooms 15 and 16 over-zoom it (the same geometry and labels, drawn larger),
 * so the map can come close to events with precise places. */
#define DL_BASEMAP_MIN_ZOOM 0
#define DL_BASEMAP_MAX_ZOOM 16
#define DL_BASEMAP_MAX_DATA_ZOOM 14
#define DL_BASEMAP_TILE_SIZE 256
/* The file name inside the basemap folder. */
#define DL_BASEMAP_FILE_NAME "basemap.dlbm"

/* Label options: bigger and fewer labels (the presentation, read from the
 * back of a room), and points that labels keep clear of (a marker must never
 * hide the label of its own place).
 *
 * - scale: labels (text and dots) are drawn this many times their normal
 *   size, 1.0–4.0.
 * - density: NORMAL shows every label that fits at the zoom; FEWER shows only
 *   the labels of one zoom level further out, FEWEST of two. Whatever is
 *   asked, the renderer goes out as many levels as the scale needs (a 1.5× or
 *   2× label uses the layout of one level out, where everything is half as
 *   far apart), so labels never overlap each other: a 2× scale alone already
 *   gives FEWER.
 * - avoid: up to DL_BASEMAP_MAX_AVOID discs (WGS84 centre, radius in
 *   logical pixels, e.g. a marker's). A label whose box meets a disc is moved
 *   outwards (away from its dot, on its side) until it clears the disc; its
 *   dot stays under the marker.
 *
 * The layout stays global: every tile computes the same positions, so a
 * label crossing a tile edge is drawn whole by both tiles.
 * Initialise with DL_BASEMAP_LABEL_OPTIONS_INIT or
 * dl_basemap_label_options_init(). */
typedef enum {
  DL_BASEMAP_DENSITY_NORMAL,
  DL_BASEMAP_DENSITY_FEWER,
  DL_BASEMAP_DENSITY_FEWEST,
} DlBasemapDensity;

#define DL_BASEMAP_MAX_AVOID 8

typedef struct {
  double lat, lon;
  double radius;
} DlBasemapAvoid;

typedef struct {
  double           scale;
  DlBasemapDensity density;
  guint            n_avoid;
  DlBasemapAvoid   avoid[DL_BASEMAP_MAX_AVOID];
} DlBasemapLabelOptions;

#define DL_BASEMAP_LABEL_OPTIONS_INIT { 1.0, DL_BASEMAP_DENSITY_NORMAL, 0, { { 0, 0, 0 } } }

void             dl_basemap_label_options_init      (DlBasemapLabelOptions       *options);
/* Adds a disc labels keep clear of; FALSE when DL_BASEMAP_MAX_AVOID are set. */
gboolean         dl_basemap_label_options_add_avoid (DlBasemapLabelOptions       *options,
                                                     double                       lat,
                                                     double                       lon,
                                                     double                       radius);
gboolean         dl_basemap_label_options_equal     (const DlBasemapLabelOptions *a,
                                                     const DlBasemapLabelOptions *b);
/* The zoom level whose label layout a tile at @zoom draws with @options
 * (zoom itself for the defaults; capped at the data's last zoom). */
int              dl_basemap_label_options_layout_zoom (const DlBasemapLabelOptions *options,
                                                       int                          zoom);

/* What a tile drew, for tests and for the presentation's font-size check. */
typedef struct {
  guint      n_labels;      /* labels drawn (whole or in part) on the tile */
  double     min_font_px;   /* smallest label font size drawn, logical px
                             * (after any fitting); 0 when no label */
  guint32    kinds_drawn;   /* a bit (1 << kind) per kind of place labelled
                             * (DL_BM_PLACE_* in dl-basemap-format.h) */
  GPtrArray *names;         /* in: when not NULL, the names drawn are added
                             * (const char *, alive as long as the basemap) */
} DlBasemapTileStats;

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

/* The same with label options (NULL: the defaults) and, when @stats is not
 * NULL, what was drawn. Returns: (transfer full) */
cairo_surface_t *dl_basemap_render_tile_full   (DlBasemap                   *basemap,
                                                DlBasemapStyle               style,
                                                const char                  *language,
                                                const DlBasemapLabelOptions *labels,
                                                int                          zoom,
                                                int                          x,
                                                int                          y,
                                                int                          scale_factor,
                                                DlBasemapTileStats          *stats);

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

/* One colour of a style (tests check label contrast with these). */
typedef enum {
  DL_BASEMAP_COLOR_SEA,
  DL_BASEMAP_COLOR_LAND,
  DL_BASEMAP_COLOR_URBAN,
  DL_BASEMAP_COLOR_TEXT,
  DL_BASEMAP_COLOR_TEXT_COUNTRY,
  DL_BASEMAP_COLOR_TEXT_SEA,
  DL_BASEMAP_COLOR_TEXT_TERRITORY,
  DL_BASEMAP_COLOR_TEXT_WATER,
  DL_BASEMAP_COLOR_TEXT_NEIGHBOURHOOD,
  DL_BASEMAP_COLOR_TEXT_REGION,
  DL_BASEMAP_N_COLORS,
} DlBasemapColor;

void             dl_basemap_style_get_color    (DlBasemapStyle   style,
                                                DlBasemapColor   which,
                                                double           rgb[3]);

G_END_DECLS
