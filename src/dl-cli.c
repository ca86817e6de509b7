/* dl-cli.c: the command line work that needs no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-cli"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dl-cli.h"
#include "dl-dataset.h"
#include "dl-export.h"
#include "dl-gazetteer.h"
#include "dl-import.h"
#include "dl-import-mapping.h"
#include "dl-suggest.h"

/* --mapping ROLE=COLUMN…, or NULL: the mapping remembered for the file's
 * header, if any. */
static DlImportMapping *cli_mapping;

int
dl_cli_set_mapping (const char * const *specs)
{
  g_autoptr(DlImportMapping) mapping = dl_import_mapping_new ();

  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    if (!dl_import_mapping_parse_one (mapping, specs[i]))
      {
        g_autoptr(GString) roles = g_string_new (NULL);

        for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
          g_string_append_printf (roles, "%s%s", role > 0 ? ", " : "", dl_import_role_key (role));
        /* Translators: %s is what was given; the list of roles follows the colon (they are not translated) */
        fprintf (stderr, _("--mapping: “%s” is not ROLE=COLUMN with a role of: %s\n"), specs[i], roles->str);
        return DL_EXIT_USAGE;
      }
  g_clear_pointer (&cli_mapping, dl_import_mapping_free);
  cli_mapping = g_steal_pointer (&mapping);
  return DL_EXIT_OK;
}

/* How the file's columns (or a GeoJSON file's properties) are read: as
 * --mapping says, as remembered for its header (the window's column-mapping
 * dialog remembers them), or by their usual names. Sets @unmapped when a
 * CSV file needs a mapping and has none (it may still read by usual names). */
static DlImportMapping *
choose_mapping (GFile      *file,
                const char *display_name,
                DlProblems *problems,
                gboolean   *unmapped)
{
  g_autoptr(DlProblems) ignored = dl_problems_new ();
  g_autoptr(DlImportPeek) peek = dl_import_peek_file (file, 0, ignored, NULL);
  DlImportMapping *mapping = NULL;

  *unmapped = FALSE;
  if (cli_mapping != NULL)
    {
      if (peek != NULL && !peek->recognised)
        return dl_import_mapping_copy (cli_mapping);
      /* Translators: --mapping is an option, not translated */
      fprintf (stderr, _("%s: --mapping only applies to CSV files that are not ACLED or UCDP GED exports and to "
                         "GeoJSON files without a usual date property: ignored\n"), display_name);
      return NULL;
    }
  if (peek == NULL || peek->recognised)
    return NULL;
  if ((mapping = dl_import_mapping_lookup (NULL, peek)) != NULL)
    return mapping;

  if (peek->geojson)
    dl_problems_warning (problems, "$",
                         _("no property has a usual date name (date, time, start…) and none was chosen for these "
                           "properties: the features are on the map only; open the file once in Dateline to "
                           "choose them (they are remembered), or name them with --mapping date=PROPERTY"));
  else
    *unmapped = TRUE;
  return NULL;
}

/* Loads FILE (or the bundled dataset) in any format it opens, printing every problem to stderr as
 * "FILE: PATH: error: MESSAGE". */
static DlDataset *
load_reporting (const char  *file_arg,
                char       **display_name,
                DlProblems **problems_out)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlImportMapping) mapping = NULL;
  g_autofree char *report = NULL;
  gboolean unmapped = FALSE;
  DlDataset *dataset;

  if (file_arg != NULL)
    file = g_file_new_for_commandline_arg (file_arg);
  else
    file = dl_dataset_get_bundled_file ();

  *display_name = file_arg != NULL ? g_strdup (file_arg) : g_file_get_path (file);
  mapping = choose_mapping (file, *display_name, problems, &unmapped);
  /* Any format Dateline opens: native, CSV, GeoJSON, TimelineJS, StoryMapJS. */
  dataset = dl_import_load_full (file, mapping, problems, NULL);

  report = dl_problems_to_string (problems, *display_name);
  fputs (report, stderr);
  if (dataset == NULL && unmapped)
    /* Translators: --mapping is an option and ROLE=COLUMN its value, not translated */
    fprintf (stderr, _("%s: no columns were chosen for this header: open the file once in Dateline and choose "
                       "them (they are remembered for files with the same header), or name them with --mapping "
                       "ROLE=COLUMN, once for each: --mapping date=COLUMN --mapping latitude=COLUMN "
                       "--mapping longitude=COLUMN\n"), *display_name);

  if (problems_out != NULL)
    *problems_out = g_steal_pointer (&problems);

  return dataset;
}

/* The command's dataset, left to the end of the process instead of freed:
 * freeing a million events one object at a time is a tenth of `--validate`
 * (HACKING.md, Scale), and the process exits right after the command. The
 * array keeps it reachable, so leak checkers do not count it. */
static void
keep_until_exit (DlDataset *dataset)
{
  static GPtrArray *kept;

  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, dataset);
}

int
dl_cli_validate (const char *file_arg)
{
  DlDataset *dataset = NULL;
  g_autoptr(DlProblems) problems = NULL;
  g_autofree char *name = NULL;
  guint n_excerpts = 0;
  guint n_claims = 0;
  GListModel *events;

  dataset = load_reporting (file_arg, &name, &problems);
  if (dataset == NULL)
    {
      guint n_errors = dl_problems_count (problems, DL_SEVERITY_ERROR);

      printf (g_dngettext (GETTEXT_PACKAGE, "%s: invalid: %u error\n", "%s: invalid: %u errors\n", n_errors),
              name, n_errors);
      return DL_EXIT_INVALID;
    }

  events = dl_dataset_get_events (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      n_excerpts += dl_event_get_n_excerpts (event);
      n_claims += dl_event_get_n_claims (event);
    }

  printf (_("%s: valid: %u sources, %u places, %u events, %u excerpts, %u claims, %u narratives, %u warnings\n"),
          name,
          g_list_model_get_n_items (dl_dataset_get_sources (dataset)),
          g_list_model_get_n_items (dl_dataset_get_places (dataset)),
          g_list_model_get_n_items (events),
          n_excerpts, n_claims,
          dl_dataset_get_n_narratives (dataset),
          dl_problems_count (problems, DL_SEVERITY_WARNING));
  keep_until_exit (dataset);

  return DL_EXIT_OK;
}

int
dl_cli_export_full (const char *out_path,
                    const char *file_arg,
                    const char *narrative,
                    const char *paper,
                    int         width,
                    int         height)
{
  DlDataset *dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  DlExportFormat format = DL_EXPORT_FORMAT_NONE;
  DlExportOptions options = { 0 };
  gboolean ok = FALSE;

  /* The format before loading anything: a wrong name fails at once. */
  if (!dl_export_check (NULL, out_path, &format, &error))
    {
      fprintf (stderr, _("%s: cannot export: %s\n"), out_path, error->message);
      return DL_EXIT_USAGE;
    }

  if (paper != NULL && !dl_paper_size_from_string (paper, &options.paper))
    {
      fprintf (stderr, _("--paper: “%s” is not a paper size (use a4 or letter)\n"), paper);
      return DL_EXIT_USAGE;
    }

  if (narrative != NULL && format != DL_EXPORT_FORMAT_PDF)
    fprintf (stderr, _("%s: --narrative only applies to PDF handouts: ignored\n"), out_path);
  if (width > 0 && format != DL_EXPORT_FORMAT_PNG)
    fprintf (stderr, _("%s: --size only applies to PNG images: ignored\n"), out_path);

  dataset = load_reporting (file_arg, &name, NULL);
  if (dataset == NULL)
    {
      fprintf (stderr, _("%s: not exported: the dataset has errors\n"), name);
      return DL_EXIT_INVALID;
    }

  /* Every format draws with Cairo and Pango only: no display is needed. */
  options.narrative = narrative;
  options.width = width;
  options.height = height;
  ok = dl_export_to_file (dataset, &options, out_path, &error);
  keep_until_exit (dataset);

  if (!ok)
    {
      fprintf (stderr, _("%s: cannot export: %s\n"), out_path, error->message);
      return DL_EXIT_INVALID;
    }

  return DL_EXIT_OK;
}

int
dl_cli_export (const char *out_path,
               const char *file_arg)
{
  return dl_cli_export_full (out_path, file_arg, NULL, NULL, 0, 0);
}

int
dl_cli_suggest (const char *article_path,
                const char *published,
                gboolean    json,
                const char *file_arg)
{
  g_autoptr(DlDataset) dataset = NULL;
  g_autoptr(DlGazetteer) gazetteer = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gsize len = 0;
  gsize bad = 0;

  if (published == NULL)
    {
      fprintf (stderr, "%s", _("--suggest needs --published with the article’s publication day, such as 2024-08-20\n"));
      return DL_EXIT_USAGE;
    }

  if (!g_file_get_contents (article_path, &text, &len, &error))
    {
      fprintf (stderr, _("%s: cannot read the article: %s\n"), article_path, error->message);
      return DL_EXIT_INVALID;
    }
  if (!dl_utf8_check (text, len, &bad))
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, bad);

      fprintf (stderr, _("%s: the article is not UTF-8 text (at byte %s)\n"), article_path, offset);
      return DL_EXIT_INVALID;
    }

  if (file_arg != NULL)
    {
      dataset = load_reporting (file_arg, &name, NULL);
      if (dataset == NULL)
        return DL_EXIT_INVALID;
    }

  if ((gazetteer = dl_gazetteer_open_default (&error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return DL_EXIT_INVALID;
    }

  suggestions = dl_suggest (text, published, gazetteer, dataset, &error);
  if (suggestions == NULL)
    {
      fprintf (stderr, "--published: %s\n", error->message);
      return DL_EXIT_USAGE;
    }

  for (guint i = 0; i < suggestions->len; i++)
    {
      const DlSuggestion *s = g_ptr_array_index (suggestions, i);

      if (json)
        {
          g_autofree char *line = dl_suggestion_to_json (s);
          printf ("%s\n", line);
        }
      else
        /* Translators: a suggested event: its offsets, date, place, the place's precision in metres, the passage */
        printf (_("%u–%u  %s  %s (±%.0f m)  “%s”\n"), s->start, s->end, s->when,
                s->place_text, s->precision_m, s->exact);
    }

  return DL_EXIT_OK;
}
