/* dl-test-dataset.h: a dataset loaded for a test (model and window tests)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"

G_BEGIN_DECLS

/* The bundled dataset (DATELINE_DATASET_DIR in the tests' environment),
 * loaded; a load that fails ends the test with its problems. */
DlDataset *dl_test_load_bundled (void);
/* The dataset file at @path, loaded; likewise. */
DlDataset *dl_test_load_path    (const char *path);

G_END_DECLS
