/* fuzz-dataset.c: libFuzzer target: the dataset loader on arbitrary bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Articles are read relative to FUZZ_BASE_DIR (the bad corpus, with its
 * articles: valid, invalid UTF-8, a NUL byte, a symbolic link leading out),
 * or to $DL_FUZZ_BASE_DIR. Built with libFuzzer (-Dfuzzing=true, clang) as
 * fuzz-dataset, and with fuzz-main.c as fuzz-replay in every build.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "dl-dataset.h"
#include "dl-export-geojson.h"
#include "dl-writer.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static const char *base_dir;

/* What the application does with a dataset that loaded. */
static void
exercise (DlDataset *dataset)
{
  g_auto(GStrv) topics = dl_dataset_dup_topics (dataset);
  g_autofree char *geojson = dl_export_geojson_to_data (dataset);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  gint64 earliest;
  gint64 latest;
  DlBBox bbox;

  /* The export of whatever loaded is JSON. */
  if (!json_parser_load_from_data (parser, geojson, -1, NULL))
    abort ();

  dl_dataset_get_time_range (dataset, &earliest, &latest);
  bbox = dl_dataset_get_bbox (dataset);
  (void) bbox;

  for (guint i = 0; topics[i] != NULL; i++)
    dl_dataset_topic_disagrees (dataset, topics[i]);

  for (guint i = 0; i < by_time->len; i++)
    {
      DlEvent *event = g_ptr_array_index (by_time, i);
      GPtrArray *source_ids = dl_event_dup_source_ids (event);
      char *when = dl_edtf_describe (dl_event_get_when (event));

      g_ptr_array_unref (source_ids);
      g_free (when);
      dl_event_get_anchor (event);
      dl_event_matches (event, "school strike");
    }
}

/* What the writer writes of a dataset that loaded loads again, and writes
 * the same bytes: the promise Save checks before it replaces a file. */
static void
assert_writes_back (DlDataset *dataset)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize len = 0, len_again = 0;

  text = dl_writer_to_data (dataset, &len);
  again = dl_dataset_load_from_data (text, len, base_dir, problems);
  if (again == NULL)
    abort ();
  text_again = dl_writer_to_data (again, &len_again);
  if (len != len_again || memcmp (text, text_again, len) != 0)
    abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  base_dir = g_getenv ("DL_FUZZ_BASE_DIR");
  if (base_dir == NULL)
    base_dir = FUZZ_BASE_DIR;

  /* A critical or warning from GLib is a bug the fuzzer must report. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autofree char *report = NULL;

  dataset = dl_dataset_load_from_data ((const char *) data, size, base_dir, problems);

  /* A dataset comes back exactly when there is no error. */
  if ((dataset != NULL) == dl_problems_has_errors (problems))
    abort ();

  for (guint i = 0; i < dl_problems_get_length (problems); i++)
    {
      const DlProblem *problem = dl_problems_get (problems, i);

      if (!g_utf8_validate (problem->message, -1, NULL) || !g_utf8_validate (problem->path, -1, NULL))
        abort ();
    }
  report = dl_problems_to_string (problems, "fuzz");

  if (dataset != NULL)
    {
      exercise (dataset);
      assert_writes_back (dataset);
    }

  return 0;
}
