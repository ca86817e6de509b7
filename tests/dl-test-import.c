/* dl-test-import.c: the import tests' fixtures and problem lists
 *
 * Built into each import test, whose TEST_DATADIR names tests/data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-import.h"
#include "dl-test-import.h"

DlDataset *
dl_test_import (const char  *name,
                DlProblems **problems_out)
{
  g_autofree char *path = g_build_filename (TEST_DATADIR, "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  DlDataset *dataset = dl_import_load (file, problems, NULL);

  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);
  else if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, name));
  return dataset;
}

char *
dl_test_problem_list (DlProblems *problems)
{
  g_autofree char *text = dl_problems_to_string (problems, "F");
  GString *out = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "F: "))
      g_string_append_printf (out, "%s\n", lines[i] + 3);
  return g_string_free (out, FALSE);
}

DlEvent *
dl_test_event (DlDataset  *dataset,
               const char *id)
{
  DlEvent *event = dl_dataset_lookup_event (dataset, id);

  if (event == NULL)
    g_error ("no event %s", id);
  return event;
}
