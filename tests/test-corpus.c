/* test-corpus.c: every dataset of tests/data/bad and tests/data/good, loaded
 * and checked against the problems its .expect file lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Beside each NN-name.dateline.json lies NN-name.expect, one line each:
 *
 *   PATH: error: SUBSTRING      some problem has exactly this path and severity,
 *   PATH: warning: SUBSTRING    and its message contains SUBSTRING
 *   = events[N].excerpts[M] START END
 *                               that excerpt was anchored at these code points
 *   # a comment
 *
 * Bad datasets must fail to load, with at least the errors listed. Good
 * datasets must load, and every problem they have must be listed (an empty
 * .expect: no warnings at all).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "dl-dataset.h"

/* The corpus must cover at least this many bad datasets. */
#define MIN_BAD_DATASETS 35

/* A message longer than this echoes too much of the dataset. */
#define MAX_MESSAGE_LENGTH 1000

typedef struct {
  char     *path;   /* the .dateline.json */
  gboolean  good;
} CorpusCase;

static void
corpus_case_free (gpointer data)
{
  CorpusCase *corpus_case = data;

  g_free (corpus_case->path);
  g_free (corpus_case);
}

static const char *
severity_name (DlSeverity severity)
{
  return severity == DL_SEVERITY_ERROR ? "error" : "warning";
}

static char *
expect_path_for (const char *dataset_path)
{
  g_autofree char *stem = g_strndup (dataset_path, strlen (dataset_path) - strlen (".dateline.json"));

  return g_strconcat (stem, ".expect", NULL);
}

/* "PATH: error: SUBSTRING" → path, severity, substring (pointing into line). */
static gboolean
parse_expect_line (char        *line,
                   const char **path,
                   DlSeverity  *severity,
                   const char **substring)
{
  char *colon = strstr (line, ": ");

  if (colon == NULL)
    return FALSE;
  *colon = '\0';
  *path = line;

  if (g_str_has_prefix (colon + 2, "error: "))
    {
      *severity = DL_SEVERITY_ERROR;
      *substring = colon + 2 + strlen ("error: ");
    }
  else if (g_str_has_prefix (colon + 2, "warning: "))
    {
      *severity = DL_SEVERITY_WARNING;
      *substring = colon + 2 + strlen ("warning: ");
    }
  else
    return FALSE;

  return **path != '\0';
}

static gboolean
problem_matches (const DlProblem *problem,
                 const char      *path,
                 DlSeverity       severity,
                 const char      *substring)
{
  return problem->severity == severity
         && g_str_equal (problem->path, path)
         && strstr (problem->message, substring) != NULL;
}

static void
check_excerpt_offsets (CorpusCase  *corpus_case,
                       DlDataset   *dataset,
                       const char  *line)
{
  g_auto(GStrv) tokens = g_strsplit (line, " ", -1);
  g_autoptr(DlEvent) event = NULL;
  const DlExcerpt *excerpt;
  guint event_index;
  guint excerpt_index;
  guint64 start;
  guint64 end;
  char tail;

  if (g_strv_length (tokens) != 4
      || sscanf (tokens[1], "events[%u].excerpts[%u]%c", &event_index, &excerpt_index, &tail) != 2
      || !g_ascii_string_to_unsigned (tokens[2], 10, 0, G_MAXUINT, &start, NULL)
      || !g_ascii_string_to_unsigned (tokens[3], 10, 0, G_MAXUINT, &end, NULL))
    {
      g_test_fail_printf ("%s: malformed .expect line “%s”", corpus_case->path, line);
      return;
    }

  if (dataset == NULL)
    {
      g_test_fail_printf ("%s: “%s” needs a dataset that loads", corpus_case->path, line);
      return;
    }

  if (event_index >= g_list_model_get_n_items (dl_dataset_get_events (dataset)))
    {
      g_test_fail_printf ("%s: no events[%u]", corpus_case->path, event_index);
      return;
    }
  event = g_list_model_get_item (dl_dataset_get_events (dataset), event_index);

  if (excerpt_index >= dl_event_get_n_excerpts (event))
    {
      g_test_fail_printf ("%s: no events[%u].excerpts[%u]", corpus_case->path, event_index, excerpt_index);
      return;
    }
  excerpt = dl_event_get_excerpt (event, excerpt_index);

  if (excerpt->start != start || excerpt->end != end)
    g_test_fail_printf ("%s: %s anchored at %u–%u, expected %" G_GUINT64_FORMAT "–%" G_GUINT64_FORMAT,
                        corpus_case->path, tokens[1], excerpt->start, excerpt->end, start, end);
}

static void
test_corpus_case (gconstpointer data)
{
  CorpusCase *corpus_case = (CorpusCase *) data;
  g_autoptr(GFile) file = g_file_new_for_path (corpus_case->path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expect_path = expect_path_for (corpus_case->path);
  g_autofree char *expect = NULL;
  g_autofree char *report = NULL;
  g_autofree gboolean *listed = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_problems;
  guint n_expected_errors = 0;

  dataset = dl_dataset_load (file, problems, NULL);
  n_problems = dl_problems_get_length (problems);
  listed = g_new0 (gboolean, n_problems);

  report = dl_problems_to_string (problems, NULL);
  g_test_message ("%s:\n%s", corpus_case->path, report);

  if (corpus_case->good)
    {
      if (dataset == NULL)
        g_test_fail_printf ("%s: a good dataset failed to load", corpus_case->path);
      g_assert_cmpuint (dl_problems_count (problems, DL_SEVERITY_ERROR), ==, 0);
    }
  else
    {
      if (dataset != NULL)
        g_test_fail_printf ("%s: a bad dataset loaded", corpus_case->path);
      g_assert_cmpuint (dl_problems_count (problems, DL_SEVERITY_ERROR), >, 0);
    }

  /* Every message is one clear line: UTF-8, no control characters, short. */
  for (guint i = 0; i < n_problems; i++)
    {
      const DlProblem *problem = dl_problems_get (problems, i);

      g_assert_true (g_utf8_validate (problem->path, -1, NULL));
      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
      g_assert_cmpuint (strlen (problem->path), >, 0);
      g_assert_cmpuint (strlen (problem->message), >, 0);
      g_assert_cmpuint (strlen (problem->message), <, MAX_MESSAGE_LENGTH);
      g_assert_null (strpbrk (problem->path, "\n\r\t"));
      g_assert_null (strpbrk (problem->message, "\n\r\t"));
    }

  if (!g_file_get_contents (expect_path, &expect, NULL, &error))
    {
      g_test_fail_printf ("%s: %s", corpus_case->path, error->message);
      return;
    }

  lines = g_strsplit (expect, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_autofree char *line = g_strdup (lines[l]);
      const char *path;
      const char *substring;
      DlSeverity severity;
      gboolean found = FALSE;

      g_strchomp (line);
      if (*line == '\0' || *line == '#')
        continue;

      if (g_str_has_prefix (line, "= "))
        {
          check_excerpt_offsets (corpus_case, dataset, line);
          continue;
        }

      if (!parse_expect_line (line, &path, &severity, &substring))
        {
          g_test_fail_printf ("%s:%u: malformed line “%s”", expect_path, l + 1, lines[l]);
          continue;
        }
      if (severity == DL_SEVERITY_ERROR)
        n_expected_errors++;

      for (guint i = 0; i < n_problems; i++)
        if (problem_matches (dl_problems_get (problems, i), path, severity, substring))
          {
            listed[i] = TRUE;
            found = TRUE;
          }

      if (!found)
        g_test_fail_printf ("%s: no problem “%s: %s: …%s…”; the problems were:\n%s",
                            corpus_case->path, path, severity_name (severity), substring, report);
    }

  if (!corpus_case->good && n_expected_errors == 0)
    g_test_fail_printf ("%s: the .expect file lists no error", expect_path);

  /* Good datasets: nothing unexpected, not even a warning. */
  if (corpus_case->good)
    for (guint i = 0; i < n_problems; i++)
      if (!listed[i])
        {
          const DlProblem *problem = dl_problems_get (problems, i);

          g_test_fail_printf ("%s: unexpected problem “%s: %s: %s”", corpus_case->path,
                              problem->path, severity_name (problem->severity), problem->message);
        }
}

/* The datasets of one corpus folder, sorted; adds one test per dataset. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static guint
add_corpus_tests (GPtrArray  *cases,
                  const char *kind)
{
  g_autofree char *dir_path = g_build_filename (TEST_DATADIR, kind, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".dateline.json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file_name = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (file_name, strlen (file_name) - strlen (".dateline.json"));
      g_autofree char *test_path = g_strdup_printf ("/corpus/%s/%s", kind, stem);
      CorpusCase *corpus_case = g_new0 (CorpusCase, 1);

      corpus_case->path = g_build_filename (dir_path, file_name, NULL);
      corpus_case->good = g_str_equal (kind, "good");
      g_ptr_array_add (cases, corpus_case);
      g_test_add_data_func (test_path, corpus_case, test_corpus_case);
    }

  return names->len;
}

static guint n_bad_datasets;
static guint n_good_datasets;

static void
test_corpus_size (void)
{
  g_assert_cmpuint (n_bad_datasets, >=, MIN_BAD_DATASETS);
  g_assert_cmpuint (n_good_datasets, >=, 1);
}

/* Every .expect file belongs to a dataset (a renamed dataset leaves none behind). */
static void
test_expect_files (void)
{
  static const char * const kinds[] = { "bad", "good" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *dir_path = g_build_filename (TEST_DATADIR, kinds[k], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".expect"))
          {
            g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".expect"));
            g_autofree char *dataset = g_strconcat (dir_path, G_DIR_SEPARATOR_S, stem, ".dateline.json", NULL);

            if (!g_file_test (dataset, G_FILE_TEST_IS_REGULAR))
              g_test_fail_printf ("%s/%s has no dataset", dir_path, name);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (corpus_case_free);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus/size", test_corpus_size);
  g_test_add_func ("/corpus/expect-files", test_expect_files);
  n_bad_datasets = add_corpus_tests (cases, "bad");
  n_good_datasets = add_corpus_tests (cases, "good");

  return g_test_run ();
}
