/* fuzz-dataset-dir.c: libFuzzer target: a dataset and its article, from files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is an article, a NUL byte, then a dataset. Both are written into
 * a fresh folder (the article as articles/a.txt, and as b.txt beside the
 * dataset) and loaded through the file-based loader, as the window and the
 * command line do: path checks, realpath, article reading and anchoring.
 * Inputs without a NUL byte are a dataset alone.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "dl-dataset.h"
#include "dl-export-geojson.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static char *folder;
static char *articles;
static char *dataset_path;
static char *article_path;
static char *beside_path;

static void
remove_folder (void)
{
  g_unlink (article_path);
  g_unlink (beside_path);
  g_unlink (dataset_path);
  g_rmdir (articles);
  g_rmdir (folder);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  folder = g_dir_make_tmp ("dateline-fuzz-XXXXXX", NULL);
  if (folder == NULL)
    abort ();
  articles = g_build_filename (folder, "articles", NULL);
  g_mkdir (articles, 0700);
  dataset_path = g_build_filename (folder, "d.dateline.json", NULL);
  article_path = g_build_filename (articles, "a.txt", NULL);
  beside_path = g_build_filename (folder, "b.txt", NULL);
  atexit (remove_folder);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *bytes = (const char *) data;
  const char *nul = memchr (bytes, '\0', size);
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autofree char *report = NULL;
  gsize article_len = nul != NULL ? (gsize) (nul - bytes) : 0;
  const char *json = nul != NULL ? nul + 1 : bytes;
  gsize json_len = size - (gsize) (json - bytes);

  /* No fsync: a fuzzer writes thousands of these a second. */
  if (!g_file_set_contents_full (article_path, bytes, (gssize) article_len, G_FILE_SET_CONTENTS_NONE, 0600, NULL)
      || !g_file_set_contents_full (beside_path, bytes, (gssize) article_len, G_FILE_SET_CONTENTS_NONE, 0600, NULL)
      || !g_file_set_contents_full (dataset_path, json, (gssize) json_len, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    abort ();

  file = g_file_new_for_path (dataset_path);
  dataset = dl_dataset_load (file, problems, NULL);

  /* A dataset comes back exactly when there is no error. */
  if ((dataset != NULL) == dl_problems_has_errors (problems))
    abort ();
  report = dl_problems_to_string (problems, "fuzz");
  if (!g_utf8_validate (report, -1, NULL))
    abort ();

  if (dataset != NULL)
    {
      GListModel *events = dl_dataset_get_events (dataset);
      g_autofree char *geojson = dl_export_geojson_to_data (dataset);
      g_autoptr(JsonParser) parser = json_parser_new ();

      /* The export of whatever loaded is JSON. */
      if (!json_parser_load_from_data (parser, geojson, -1, NULL))
        abort ();

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

          for (guint j = 0; j < dl_event_get_n_excerpts (event); j++)
            {
              const DlExcerpt *excerpt = dl_event_get_excerpt (event, j);
              g_autofree char *at = dl_text_substring (dl_source_get_text (excerpt->source),
                                                       excerpt->start, excerpt->end);

              /* Every excerpt that loaded is exactly where it says. */
              if (strcmp (at, excerpt->exact) != 0)
                abort ();
            }
        }
      if (!g_utf8_validate (geojson, -1, NULL))
        abort ();
    }

  return 0;
}
