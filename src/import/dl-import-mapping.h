/* dl-import-mapping.h: which column of a table says what
 *
 * ACLED and UCDP GED exports are recognised by their header; any other CSV
 * is read through a mapping the user chooses in the column-mapping dialog
 * (src/dl-import-dialog.c): which column holds the title, the date, the
 * coordinates… The dialog remembers it per header (dl_import_header_key()),
 * so the same export opens directly the next time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-problems.h"

G_BEGIN_DECLS

typedef enum {
  DL_IMPORT_ROLE_TITLE,
  DL_IMPORT_ROLE_DATE,
  DL_IMPORT_ROLE_END_DATE,
  DL_IMPORT_ROLE_LATITUDE,
  DL_IMPORT_ROLE_LONGITUDE,
  DL_IMPORT_ROLE_WKT,
  DL_IMPORT_ROLE_PLACE,
  DL_IMPORT_ROLE_CATEGORY,
  DL_IMPORT_ROLE_SUMMARY,
  DL_IMPORT_ROLE_SOURCE,
  DL_IMPORT_ROLE_ID,
  DL_IMPORT_N_ROLES
} DlImportRole;

/* The role's key in a saved mapping ("end-date"), never shown. */
const char      *dl_import_role_key        (DlImportRole           role);
/* What the dialog calls it, translated ("End date"), and a line on it. */
const char      *dl_import_role_label      (DlImportRole           role);
const char      *dl_import_role_description (DlImportRole          role);

/* For each role, the name of the column (as the header writes it) or NULL. */
typedef struct _DlImportMapping DlImportMapping;

DlImportMapping *dl_import_mapping_new     (void);
DlImportMapping *dl_import_mapping_copy    (const DlImportMapping *mapping);
void             dl_import_mapping_free    (DlImportMapping       *mapping);
const char      *dl_import_mapping_get     (const DlImportMapping *mapping,
                                            DlImportRole           role);
void             dl_import_mapping_set     (DlImportMapping       *mapping,
                                            DlImportRole           role,
                                            const char            *column);
/* Enough to read a row: a date, or latitude and longitude, or WKT, or a
 * place name (looked up in the offline gazetteer). */
gboolean         dl_import_mapping_is_usable (const DlImportMapping *mapping);
/* As saved in GSettings: a{ss}, role key → column. Unknown keys are
 * ignored; columns the header no longer has are left out when @header is
 * given. */
GVariant        *dl_import_mapping_to_variant   (const DlImportMapping *mapping);
DlImportMapping *dl_import_mapping_new_from_variant (GVariant          *variant,
                                                     const char * const *header);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlImportMapping, dl_import_mapping_free)

/* The same header gives the same key: the names, trimmed and lower-cased,
 * in order, hashed (SHA-256, hex). */
char            *dl_import_header_key      (const char * const    *header);

/* The start of a CSV file, or a GeoJSON file's properties, for choosing
 * what its columns (or properties) hold. */
typedef struct {
  char            **header;      /* the names, as written (GeoJSON: every property, first seen first) */
  GPtrArray        *rows;        /* char ** each: the first rows' cells (features' property values) */
  gboolean          recognised;  /* ACLED or UCDP GED, or GeoJSON with a usual date property: no mapping needed */
  gboolean          geojson;     /* a GeoJSON file's properties, not a CSV file's columns */
  DlImportMapping  *guess;       /* the columns found by their usual names */
  char             *data;        /* the header and those rows, as UTF-8 text (GeoJSON: a */
  gsize             len;         /*   FeatureCollection of those features), for previewing a mapping */
} DlImportPeek;

/* Reads the header and up to @n_rows rows of @data: a CSV file's bytes
 * (@whole) or its first part (cut at its last line break); NULL with an
 * error in @problems when it has no header. @name gives the suffix. */
DlImportPeek    *dl_import_peek_csv        (const char            *name,
                                            const char            *data,
                                            gsize                  len,
                                            guint                  n_rows,
                                            DlProblems            *problems,
                                            gboolean               whole);
/* The same for a GeoJSON file: the names of its features' properties
 * (every feature's), up to @n_rows features' values, and whether one of
 * them has a usual date name (date, time, start…). NULL with an error in
 * @problems when it is not a FeatureCollection. */
DlImportPeek    *dl_import_peek_geojson    (const char            *name,
                                            const char            *data,
                                            gsize                  len,
                                            guint                  n_rows,
                                            DlProblems            *problems);
/* Either, for @file by its format; NULL (and no problem) for a native
 * dataset, TimelineJS or StoryMapJS, or a file the loader will report on.
 * Blocking: a CSV file's first 256 KB are read, a GeoJSON file whole. */
DlImportPeek    *dl_import_peek_file       (GFile                 *file,
                                            guint                  n_rows,
                                            DlProblems            *problems,
                                            GCancellable          *cancellable);
void             dl_import_peek_free       (DlImportPeek          *peek);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlImportPeek, dl_import_peek_free)

/* Remembered mappings, in GSettings: "csv-mappings" by dl_import_header_key()
 * of a CSV header, "geojson-mappings" by that of a GeoJSON file's property
 * names sorted (features list them in any order). NULL settings: the
 * application's, when its schema is installed (else nothing is remembered). */
GSettings       *dl_import_settings        (void);
/* The mapping remembered for @peek's header, if it is still usable. */
DlImportMapping *dl_import_mapping_lookup  (GSettings             *settings,
                                            const DlImportPeek    *peek);
void             dl_import_mapping_remember (GSettings            *settings,
                                             const DlImportPeek   *peek,
                                             const DlImportMapping *mapping);
/* "date=Day" → the role and the column; FALSE when the role is unknown. */
gboolean         dl_import_mapping_parse_one (DlImportMapping     *mapping,
                                              const char          *spec);

G_END_DECLS
