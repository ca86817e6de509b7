/* test-export.c: CSV, PNG and PDF exports, and exports that fail
 *
 * The PDF is checked with poppler's command line tools: pdftotext for its
 * text, pdfinfo for the paper size, and pdftoppm renders every page to PNG
 * in the build folder (export-four-days-a4-N.png) to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "dl-dataset.h"
#include "dl-export-csv.h"
#include "dl-export-pdf.h"
#include "dl-export-png.h"
#include "dl-words.h"

static DlDataset *dataset;

/* Helpers */

static char *
build_path (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("cannot run %s (install poppler-utils): %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

/* All runs of white space as one space, and no hyphens: pdftotext breaks
 * lines where the PDF does, and joins "last-|ditch" into "lastditch". */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else if (*p == '-')
        continue;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/* Drops the page footers ("TITLE — 12"), which interrupt a paragraph that
 * runs over a page break; keeps the form feeds. Takes @text. */
static char *
strip_footers (char *text)
{
  g_autofree char *prefix = g_strdup_printf ("%s — ", dl_dataset_get_title (dataset));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  /* A story's handout is footed with the story's title. */
  g_ptr_array_add (prefixes, g_strdup (prefix));
  for (guint n = 0; n < dl_dataset_get_n_narratives (dataset); n++)
    g_ptr_array_add (prefixes, g_strdup_printf ("%s — ", dl_dataset_get_narrative (dataset, n)->title));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line == '\f')
        {
          g_string_append_c (out, '\f');
          line++;
        }
      {
        gboolean footer = FALSE;

        for (guint k = 0; k < prefixes->len && !footer; k++)
          {
            const char *foot = g_ptr_array_index (prefixes, k);

            footer = g_str_has_prefix (line, foot) && g_ascii_isdigit (line[strlen (foot)]);
          }
        if (footer)
          continue;
      }
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  g_free (text);

  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *squeezed_text,
                 const char *needle)
{
  g_autofree char *squeezed = squeeze (needle);

  if (strstr (squeezed_text, squeezed) == NULL)
    g_error ("the PDF's text lacks “%s”", needle);
}

/* RFC 4180: fields separated by commas, rows by CRLF, quoted fields may hold
 * commas, quotes (doubled) and line breaks. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          /* A bare line break outside quotes would break RFC 4180. */
          g_assert_true (*p != '\n' && *p != '\r');
          g_string_append_c (field, *p++);
        }
    }
  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);

  return rows;
}

/* Tests */

static void
test_csv (void)
{
  g_autofree char *path = build_path ("export-events.csv");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GListModel *events = dl_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  GPtrArray *header;

  g_assert_true (dl_export_csv_to_file (dataset, NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_utf8_validate (text, -1, NULL));

  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, n + 1);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (header->len, ==, 16);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "id");
  g_assert_cmpstr (g_ptr_array_index (header, 6), ==, "lat");
  g_assert_cmpstr (g_ptr_array_index (header, 10), ==, "excerpts");
  g_assert_cmpstr (g_ptr_array_index (header, 12), ==, "place");
  g_assert_cmpstr (g_ptr_array_index (header, 15), ==, "passage_source");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      GPtrArray *row = g_ptr_array_index (rows, i + 1);
      DlLonLat anchor = dl_event_get_anchor (event);
      g_autoptr(GPtrArray) sources = dl_event_dup_source_ids (event);
      g_auto(GStrv) row_sources = NULL;

      g_assert_cmpuint (row->len, ==, 16);
      g_assert_cmpstr (g_ptr_array_index (row, 0), ==, dl_event_get_id (event));
      g_assert_cmpstr (g_ptr_array_index (row, 1), ==, dl_event_get_title (event));
      g_assert_cmpstr (g_ptr_array_index (row, 2), ==, dl_event_get_category (event));
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, dl_event_get_when_text (event));
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (g_ptr_array_index (row, 6), NULL), anchor.lat, 1e-6);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (g_ptr_array_index (row, 7), NULL), anchor.lon, 1e-6);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (g_ptr_array_index (row, 8), NULL),
                                      dl_event_get_precision_m (event), 0.5);
      g_assert_cmpuint (g_ascii_strtoull (g_ptr_array_index (row, 10), NULL, 10), ==, dl_event_get_n_excerpts (event));
      row_sources = g_strsplit (g_ptr_array_index (row, 9), ";", -1);
      if (sources->len > 0)
        g_assert_cmpuint (g_strv_length (row_sources), ==, sources->len);
      for (guint s = 0; s < sources->len; s++)
        g_assert_cmpstr (row_sources[s], ==, g_ptr_array_index (sources, s));

      /* A student reads the row without the app: when in words, where by
       * name, what happened, and the first passage with its article. */
      {
        g_autofree char *date = dl_edtf_describe (dl_event_get_when (event));
        g_autofree char *places = dl_words_places (event);

        g_assert_cmpstr (g_ptr_array_index (row, 11), ==, date);
        g_assert_cmpstr (g_ptr_array_index (row, 12), ==, places);
        g_assert_cmpstr (g_ptr_array_index (row, 12), !=, "");
        g_assert_cmpstr (g_ptr_array_index (row, 13), !=, "");
        g_assert_null (strstr (g_ptr_array_index (row, 13), "(a00"));
        if (dl_event_get_n_excerpts (event) > 0)
          {
            const DlExcerpt *excerpt = dl_event_get_excerpt (event, 0);

            g_assert_cmpstr (g_ptr_array_index (row, 14), ==, excerpt->exact);
            g_assert_cmpstr (g_ptr_array_index (row, 15), ==, dl_source_get_title (excerpt->source));
          }
      }
    }

  /* No mark unless asked; with it, the file starts with one. */
  g_assert_false (g_str_has_prefix (text, "\xef\xbb\xbf"));
  {
    g_autofree char *with_bom = dl_export_csv_full (dataset, NULL, DL_EXPORT_CSV_BOM, NULL);

    g_assert_true (g_str_has_prefix (with_bom, "\xef\xbb\xbfid,title,"));
    g_assert_cmpstr (with_bom + 3, ==, text);
  }
}

static void
test_csv_subset (void)
{
  g_autoptr(GListStore) some = g_list_store_new (DL_TYPE_EVENT);
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);

  g_list_store_append (some, g_ptr_array_index (by_time, 3));
  g_list_store_append (some, g_ptr_array_index (by_time, 0));
  csv = dl_export_csv (dataset, G_LIST_MODEL (some), NULL);
  rows = parse_csv (csv);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), 0), ==,
                   dl_event_get_id (g_ptr_array_index (by_time, 3)));
}

/* Written row by row into the file, the CSV is what the whole text in
 * memory is, past several flushes of the buffer (1 MB) too. */
static void
test_csv_streams (void)
{
  g_autoptr(GListStore) many = g_list_store_new (DL_TYPE_EVENT);
  g_autofree char *path = build_path ("export-streamed.csv");
  g_autofree char *whole = NULL;
  g_autofree char *streamed = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *events = dl_dataset_get_events (dataset);
  gsize whole_len = 0;
  gsize streamed_len = 0;

  for (guint copy = 0; copy < 60; copy++)
    for (guint i = 0; i < g_list_model_get_n_items (events); i++)
      {
        g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

        g_list_store_append (many, event);
      }

  whole = dl_export_csv_full (dataset, G_LIST_MODEL (many), DL_EXPORT_CSV_BOM, &whole_len);
  g_assert_cmpuint (whole_len, >, 2 * 1024 * 1024);
  g_assert_true (dl_export_csv_to_file_full (dataset, G_LIST_MODEL (many), DL_EXPORT_CSV_BOM, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &streamed, &streamed_len, NULL));
  g_assert_cmpuint (streamed_len, ==, whole_len);
  g_assert_true (memcmp (streamed, whole, whole_len) == 0);
  g_unlink (path);
}

static guint
count_colours (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height; y += 3)
    for (int x = 0; x < width; x += 3)
      g_hash_table_add (colours, GUINT_TO_POINTER (*(const guint32 *) (data + y * stride + x * 4)));

  return g_hash_table_size (colours);
}

static void
test_png (void)
{
  g_autofree char *path = build_path ("export-map-1920x1080.png");
  g_autofree char *small = build_path ("export-map-800x600.png");
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_assert_true (dl_export_png_to_file (dataset, NULL, NULL, DL_EXPORT_PNG_DEFAULT_WIDTH,
                                        DL_EXPORT_PNG_DEFAULT_HEIGHT, path, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1920);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1080);
  /* A map, not a blank: land, sea, labels, events. */
  g_assert_cmpuint (count_colours (surface), >, 200);
  cairo_surface_destroy (surface);

  /* A chosen view: Gaza. */
  {
    DlBBox gaza = { 34.2, 31.2, 34.6, 31.6 };

    g_assert_true (dl_export_png_to_file (dataset, NULL, &gaza, 800, 600, small, &error));
    g_assert_no_error (error);
    surface = cairo_image_surface_create_from_png (small);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);
    g_assert_cmpuint (count_colours (surface), >, 100);
    cairo_surface_destroy (surface);
  }

  /* Sizes out of range are refused. */
  g_assert_false (dl_export_png_to_file (dataset, NULL, NULL, 0, 10, small, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
check_pdf_pages (const char *pdf,
                 const char *prefix,
                 guint       n_pages)
{
  const char *ppm[] = { "pdftoppm", "-r", "50", "-png", pdf, NULL, NULL };
  g_autofree char *root = build_path (prefix);
  g_autofree char *out = NULL;

  ppm[5] = root;
  out = run_tool (ppm);
  /* pdftoppm numbers pages with as many digits as the last one needs. */
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *page = g_strdup_printf ("%s-%0*u.png", root, n_pages >= 10 ? 2 : 1, i);

      if (!g_file_test (page, G_FILE_TEST_EXISTS))
        g_error ("pdftoppm wrote no %s", page);
    }
  g_test_message ("pages rendered to %s-N.png", root);
}

/* A handout speaks to people: no source, event or topic id, and dates in
 * words, never as the dataset writes them ("2024-08-20?"). */
static void
assert_no_ids_or_edtf (const char *text)
{
  GListModel *sources = dl_dataset_get_sources (dataset);
  GListModel *events = dl_dataset_get_events (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      g_autofree char *pattern = g_strdup_printf ("\\b%s\\b", dl_source_get_id (source));
      g_autoptr(GRegex) word = g_regex_new (pattern, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);

      if (g_regex_match (word, text, G_REGEX_MATCH_DEFAULT, NULL))
        g_error ("The handout shows the source id “%s”", dl_source_get_id (source));
    }
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      if (strstr (text, dl_event_get_when_text (event)) != NULL)
        g_error ("The handout shows the raw date “%s”", dl_event_get_when_text (event));
      for (guint c = 0; c < dl_event_get_n_claims (event); c++)
        if (strstr (text, dl_event_get_claim (event, c)->topic) != NULL)
          g_error ("The handout shows the topic id “%s”", dl_event_get_claim (event, c)->topic);
    }
}

static guint
count_pdf_pages (const char *path)
{
  const char *pdfinfo[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (pdfinfo);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The page budgets of a handout worth photocopying, A4 and Letter. */
static void
test_pdf_page_counts (void)
{
  static const struct {
    const char *narrative;
    DlPaperSize paper;
    guint       max_pages;
  } cases[] = {
    { "four-days", DL_PAPER_A4, 12 },
    { "disputed-terms", DL_PAPER_A4, 8 },
    { NULL, DL_PAPER_A4, 30 },
    { "four-days", DL_PAPER_LETTER, 13 },
    { NULL, DL_PAPER_LETTER, 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("export-pages-%s-%s.pdf", cases[i].narrative ? cases[i].narrative : "every-event",
                                               cases[i].paper == DL_PAPER_A4 ? "a4" : "letter");
      g_autofree char *path = build_path (name);
      g_autoptr(GError) error = NULL;
      guint n_pages;

      g_assert_true (dl_export_pdf_to_file (dataset, cases[i].narrative, cases[i].paper, path, &error));
      g_assert_no_error (error);
      n_pages = count_pdf_pages (path);
      g_test_message ("%s: %u pages", name, n_pages);
      g_assert_cmpuint (n_pages, <=, cases[i].max_pages);
      g_assert_cmpuint (n_pages, >=, 3);
    }
}

static void
test_pdf_narrative (void)
{
  const DlNarrative *narrative = dl_dataset_lookup_narrative (dataset, "four-days");
  g_autofree char *path = build_path ("export-four-days-a4.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;
  GListModel *sources = dl_dataset_get_sources (dataset);
  const char *to_text[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *pdfinfo[] = { "pdfinfo", path, NULL };
  guint n_pages;

  g_assert_true (dl_export_pdf_to_file (dataset, "four-days", DL_PAPER_A4, path, &error));
  g_assert_no_error (error);

  info = run_tool (pdfinfo);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));

  text = strip_footers (run_tool (to_text));
  squeezed = squeeze (text);
  assert_contains (squeezed, dl_dataset_get_title (dataset));
  assert_contains (squeezed, narrative->title);

  /* Pages end with a form feed. The steps flow: a title page, the 19
   * steps and a sources page fit in 12 pages a teacher can photocopy. */
  pages = g_strsplit (text, "\f", -1);
  n_pages = g_strv_length (pages) - 1;
  g_test_message ("%u pages", n_pages);
  g_assert_cmpuint (narrative->steps->len, ==, 19);
  g_assert_cmpuint (n_pages, <=, 12);
  g_assert_cmpuint (n_pages, >=, 4);
  assert_no_ids_or_edtf (text);

  for (guint i = 0; i < narrative->steps->len; i++)
    {
      const DlNarrativeStep *step = &g_array_index (narrative->steps, DlNarrativeStep, i);
      g_autofree char *heading = g_strdup_printf ("%u/%u · %s", i + 1, narrative->steps->len,
                                                  dl_event_get_title (step->event));
      g_autofree char *caption = dl_words_cite (dataset, step->caption);

      assert_contains (squeezed, heading);
      assert_contains (squeezed, caption);
      /* Its passages, as real text. */
      for (guint e = 0; e < dl_event_get_n_excerpts (step->event); e++)
        assert_contains (squeezed, dl_event_get_excerpt (step->event, e)->exact);
    }

  /* The sources pages, at the end, name every article. */
  {
    const char *sources_text = strstr (squeezed, "Every passage quoted in this handout comes from");

    g_assert_nonnull (sources_text);
    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

        assert_contains (sources_text, dl_source_get_title (source));
      }
  }

  /* The claims that disagree: the school strike's death toll. */
  assert_contains (squeezed, "The sources disagree: at least 12 people");

  check_pdf_pages (path, "export-four-days-a4", n_pages);
}

static void
test_pdf_every_event_letter (void)
{
  g_autofree char *path = build_path ("export-events-letter.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *info = NULL;
  const char *to_text[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *pdfinfo[] = { "pdfinfo", path, NULL };
  GPtrArray *events = dl_dataset_get_events_by_time (dataset);

  g_assert_true (dl_export_pdf_to_file (dataset, NULL, DL_PAPER_LETTER, path, &error));
  g_assert_no_error (error);

  info = run_tool (pdfinfo);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));

  text = strip_footers (run_tool (to_text));
  squeezed = squeeze (text);
  for (guint i = 0; i < events->len; i++)
    assert_contains (squeezed, dl_event_get_title (g_ptr_array_index (events, i)));
  assert_no_ids_or_edtf (text);

  /* An unknown narrative is an error, and writes nothing. */
  {
    g_autofree char *none = build_path ("export-no-such-narrative.pdf");

    g_remove (none);
    g_assert_false (dl_export_pdf_to_file (dataset, "no-such-narrative", DL_PAPER_A4, none, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }
}

static void
assert_old_file_kept (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents\n");
}

static void
test_failures_keep_old_file (void)
{
  g_autofree char *dir = build_path ("export-failures");
  g_autofree char *old = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.csv", NULL);
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limit;
  void (*saved_handler) (int);

  g_mkdir_with_parents (dir, 0755);
  g_assert_true (g_file_set_contents (old, "old contents\n", -1, NULL));

  /* A folder that does not exist. */
  g_assert_false (dl_export_csv_to_file (dataset, NULL, missing, &error));
  g_assert_nonnull (error);
  g_test_message ("missing folder: %s", error->message);
  g_clear_error (&error);

  /* A path that is a folder. */
  g_assert_false (dl_export_png_to_file (dataset, NULL, NULL, 320, 240, dir, &error));
  g_assert_nonnull (error);
  g_test_message ("a folder: %s", error->message);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  /* The disk fills up half way: as root (CI) permissions stop nothing, but
   * a file size limit does. The old file must stay as it was. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_false (dl_export_pdf_to_file (dataset, "four-days", DL_PAPER_A4, old, &error));
  g_assert_nonnull (error);
  g_test_message ("disk full: %s", error->message);
  g_clear_error (&error);
  g_assert_false (dl_export_png_to_file (dataset, NULL, NULL, 640, 480, old, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);
  assert_old_file_kept (old);

  /* No temporary file is left behind. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_cmpstr (name, ==, "handout.pdf");
  }

  /* And a working export replaces it. */
  g_assert_true (dl_export_csv_to_file (dataset, NULL, old, &error));
  g_assert_no_error (error);
}

static void
test_csv_formula_guard (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-csv-XXXXXX", NULL);
  g_autofree char *article = g_build_filename (dir, "a.txt", NULL);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) guarded = NULL;
  g_autofree char *csv = NULL;
  const char *json =
    "{\"dateline\":1,\"title\":\"T\",\"sources\":[{\"id\":\"a\",\"file\":\"a.txt\",\"title\":\"A\"}],"
    "\"places\":[{\"id\":\"p\",\"name\":\"P\",\"precision_m\":10,"
    "\"geometry\":{\"type\":\"Point\",\"coordinates\":[34.4,31.5]}}],"
    "\"events\":[{\"id\":\"e\",\"title\":\"=HYPERLINK(1)\",\"category\":\"strike\",\"when\":\"-0044-03-15\","
    "\"place\":\"p\",\"excerpts\":[{\"source\":\"a\",\"exact\":\"hello\"}]}]}";

  g_assert_true (g_file_set_contents (article, "hello", -1, NULL));
  guarded = dl_dataset_load_from_data (json, strlen (json), dir, problems);
  g_assert_nonnull (guarded);
  csv = dl_export_csv (guarded, NULL, NULL);

  /* A title a spreadsheet would run is kept as text... */
  g_assert_nonnull (strstr (csv, ",'=HYPERLINK(1),"));
  /* ...while a date that starts with a minus sign stays a date. */
  g_assert_nonnull (strstr (csv, ",-0044-03-15,"));

  g_unlink (article);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Headless: no display is opened. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  file = dl_dataset_get_bundled_file ();
  dataset = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (dataset);

  g_test_add_func ("/export/csv-formula-guard", test_csv_formula_guard);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/csv-subset", test_csv_subset);
  g_test_add_func ("/export/csv-streams", test_csv_streams);
  g_test_add_func ("/export/png", test_png);
  g_test_add_func ("/export/pdf-narrative", test_pdf_narrative);
  g_test_add_func ("/export/pdf-page-counts", test_pdf_page_counts);
  g_test_add_func ("/export/pdf-every-event-letter", test_pdf_every_event_letter);
  g_test_add_func ("/export/failures-keep-old-file", test_failures_keep_old_file);

  status = g_test_run ();
  g_object_unref (dataset);

  return status;
}
