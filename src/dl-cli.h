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

/* dateline --validate [FILE]: problems to stderr, a summary to stdout. */
int dl_cli_validate (const char *file_arg);
/* dateline --export OUT [FILE] */
int dl_cli_export   (const char *out_path,
                     const char *file_arg);

G_END_DECLS
