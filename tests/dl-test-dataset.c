/* dl-test-dataset.c: the bundled dataset, loaded for a test
 *
 * Many tests start from the bundled dataset; one loader here, so a
 * failure says the same thing (the problems, not just NULL) in each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-test-dataset.h"

DlDataset *
dl_test_load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  DlDataset *dataset = dl_dataset_load (file, problems, NULL);

  if (dataset == NULL)
    {
      g_autofree char *text = dl_problems_to_string (problems, path);

      g_error ("%s", text);
    }
  return dataset;
}

DlDataset *
dl_test_load_bundled (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autofree char *path = g_file_get_path (file);

  return dl_test_load_path (path);
}
