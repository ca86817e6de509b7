/* dl-cli.h: the command line work that needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Exit statuses */
#define DL_EXIT_OK      0
#define DL_EXIT_INVALID 1
#define DL_EXIT_USAGE   2

/* --mapping ROLE=COLUMN (each of @specs): how --validate and --export read
 * a CSV that is not an ACLED or UCDP GED export, or a GeoJSON file's
 * properties, instead of the mapping remembered for its header.
 * DL_EXIT_USAGE (with the message printed) when a role is unknown. */
int dl_cli_set_mapping (const char * const *specs);

/* dateline --validate [FILE]: problems to stderr, a summary to stdout. */
int dl_cli_validate (const char *file_arg);
/* dateline --export OUT [FILE]: GeoJSON */
int dl_cli_export      (const char *out_path,
                        const char *file_arg);
/* dateline --export OUT.{geojson,json,csv,pdf,png} [--narrative ID]
 * [--paper a4|letter] [--size WxH] [FILE]: the format by the extension (any
 * case); @narrative and @paper for PDF (NULL: every event, A4), @width and
 * @height for PNG (0: 1920×1080). Needs no display. */
int dl_cli_export_full (const char *out_path,
                        const char *file_arg,
                        const char *narrative,
                        const char *paper,
                        int         width,
                        int         height);

/* dateline --suggest ARTICLE.txt --published EDTF [--json] [FILE]: the
 * candidate events of an article (FILE's places matched first). */
int dl_cli_suggest     (const char *article_path,
                        const char *published,
                        gboolean    json,
                        const char *file_arg);

G_END_DECLS
