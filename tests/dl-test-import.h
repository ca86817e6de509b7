/* dl-test-import.h: the import tests' fixtures and problem lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-dataset.h"
#include "dl-problems.h"

G_BEGIN_DECLS

/* tests/data/import/@name opened by the importer. With @problems_out, its
 * problems (and NULL when it cannot be read); without, a dataset that
 * cannot be read fails the test, naming its problems. */
DlDataset *dl_test_import       (const char  *name,
                                 DlProblems **problems_out);
/* The problems, one "PATH: severity: MESSAGE" a line, to compare whole. */
char      *dl_test_problem_list (DlProblems  *problems);
/* The event @id of @dataset; one it lacks fails the test, naming it. */
DlEvent   *dl_test_event        (DlDataset   *dataset,
                                 const char  *id);

G_END_DECLS
