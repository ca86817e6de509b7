/* dl-background.h: long jobs in threads yield the cores to the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void dl_background_enter (void);

G_END_DECLS
