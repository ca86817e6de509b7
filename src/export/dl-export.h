/* dl-export.h: one export entry point, the format chosen by the file's suffix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"
#include "dl-export-pdf.h"

G_BEGIN_DECLS

#define DL_EXPORT_ERROR (dl_export_error_quark ())
GQuark dl_export_error_quark (void);

typedef enum {
  DL_EXPORT_ERROR_UNSUPPORTED,      /* no format has this suffix */
  DL_EXPORT_ERROR_OVERWRITES_INPUT, /* the file is one the dataset was read from */
} DlExportError;

typedef enum {
  DL_EXPORT_FORMAT_NONE,
  DL_EXPORT_FORMAT_GEOJSON,   /* .geojson */
  DL_EXPORT_FORMAT_CSV,       /* .csv */
  DL_EXPORT_FORMAT_PDF,       /* .pdf */
  DL_EXPORT_FORMAT_PNG,       /* .png */
  DL_EXPORT_FORMAT_NATIVE,    /* .dateline.json: the dataset itself (dl-writer.h) */
} DlExportFormat;

/* What to export besides the dataset; zeroes mean the defaults. */
typedef struct {
  GListModel    *events;     /* CSV, PNG: the events shown (NULL: all) */
  const DlBBox  *view;       /* PNG: the map's view (NULL: fit the events) */
  int            width;      /* PNG: 0 for DL_EXPORT_PNG_DEFAULT_WIDTH */
  int            height;
  DlPaperSize    paper;      /* PDF */
  const char    *narrative;  /* PDF: a narrative's id (NULL: every event) */
} DlExportOptions;

/* By suffix, any case. */
DlExportFormat dl_export_format_for_path (const char             *path);
/* Whether @path may be written with @dataset: a supported format, and not a
 * file the dataset was read from (the dataset itself or an article, also
 * through a link). Cheap: call it before computing anything. */
gboolean       dl_export_check           (DlDataset              *dataset,
                                          const char             *path,
                                          DlExportFormat         *format,
                                          GError                **error);
/* Checks, then writes @path atomically in the format its suffix names.
 * Blocking: run it in a thread from a UI. */
gboolean       dl_export_to_file         (DlDataset              *dataset,
                                          const DlExportOptions  *options,
                                          const char             *path,
                                          GError                **error);

G_END_DECLS
