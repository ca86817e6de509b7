/* dl-export-pdf.c: a printable handout of a narrative or of every event
 *
 * A small flowing layout: paragraphs are Pango layouts drawn line by line,
 * so a long one continues on the next page (without orphans or widows).
 * Steps follow each other on the page, each heading kept with its map;
 * the map floats at the start of the column with the step's text beside
 * it. Maps are drawn straight into the PDF by dl-map-image.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export-pdf"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dl-category.h"
#include "dl-atomic-file.h"
#include "dl-export-pdf.h"
#include "dl-map-image.h"
#include "dl-words.h"

#define MARGIN       46.0   /* points: about 1.6 cm */
#define FOOTER_SPACE 20.0
#define GUTTER       14.0

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
  DlDataset       *dataset;
  double           page_width;
  double           page_height;
  double           width;         /* of the text column */
  double           y;
  int              page;
  const char      *footer;
  /* A map floating at the start of the column: text beside it until
   * float_bottom, full width below. */
  double           float_width;
  double           float_bottom;
  GHashTable      *quoted;        /* passages already printed */
} Doc;

typedef struct {
  DlEvent    *event;
  const char *caption;
} Section;

/* Helpers */

static void
draw_footer (Doc *doc)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (doc->cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 8");
  g_autofree char *text = g_strdup_printf ("%s — %d", doc->footer, doc->page);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (doc->width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_set_source_rgb (doc->cr, 0.4, 0.4, 0.4);
  cairo_move_to (doc->cr, doc->page_width - MARGIN - w, doc->page_height - MARGIN / 2 - h);
  pango_cairo_show_layout (doc->cr, layout);
}

static void
new_page (Doc *doc)
{
  if (doc->page > 0)
    {
      draw_footer (doc);
      cairo_show_page (doc->cr);
    }
  doc->page++;
  doc->y = MARGIN;
  doc->float_bottom = 0;
}

static double
bottom (Doc *doc)
{
  return doc->page_height - MARGIN - FOOTER_SPACE;
}

/* Starts a new page unless @height fits below. */
static void
ensure_space (Doc    *doc,
              double  height)
{
  if (doc->y + height > bottom (doc) && doc->y > MARGIN)
    new_page (doc);
}

static void
clear_float (Doc *doc)
{
  if (doc->float_bottom > doc->y)
    doc->y = doc->float_bottom;
  doc->float_bottom = 0;
}

static PangoLayout *
paragraph_layout (Doc        *doc,
                  const char *text,
                  const char *font_name,
                  double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (doc->cr);
  PangoFontDescription *font = pango_font_description_from_string (font_name);

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* How many of the first lines of @layout fit above the page's foot from
 * the current position. */
static int
lines_that_fit (Doc         *doc,
                PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n = 0;

  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (doc->y + (double) (logical.y + logical.height) / PANGO_SCALE > bottom (doc))
        break;
      n++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return n;
}

/* A paragraph, flowing around a floating map and across pages: never one
 * line alone at the foot of a page (an orphan) nor at the top of the next
 * (a widow). */
static void
paragraph (Doc        *doc,
           const char *text,
           const char *font_name,
           double      indent,
           double      grey,
           double      space_after)
{
  gsize offset = 0;
  gsize length;

  if (text == NULL || *text == '\0')
    return;
  length = strlen (text);

  while (offset < length)
    {
      gboolean beside = doc->float_bottom > doc->y;
      double x = MARGIN + indent + (beside ? doc->float_width + GUTTER : 0);
      double width = doc->width - indent - (beside ? doc->float_width + GUTTER : 0);
      g_autoptr(PangoLayout) layout = paragraph_layout (doc, text + offset, font_name, width);
      int n_lines = pango_layout_get_line_count (layout);
      int fit = lines_that_fit (doc, layout);
      int drawn = 0;
      PangoLayoutIter *iter;
      gboolean relayout = FALSE;

      /* Break before the paragraph rather than leave an orphan; break a
       * line earlier rather than leave a widow. */
      if (fit < n_lines && doc->y > MARGIN)
        {
          if (fit <= 1 || (fit == 2 && n_lines == 3))
            fit = 0;
          else if (n_lines - fit == 1)
            fit--;
          if (fit == 0)
            {
              new_page (doc);
              continue;
            }
        }
      else if (fit < n_lines && fit == 0)
        fit = 1;  /* a line taller than a page: draw it anyway */

      cairo_set_source_rgb (doc->cr, grey, grey, grey);
      iter = pango_layout_get_iter (layout);
      do
        {
          PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
          PangoRectangle logical;
          double baseline;
          int top;

          if (drawn == fit)
            {
              /* The rest goes on the next page, laid out afresh there. */
              offset += (gsize) line->start_index;
              new_page (doc);
              relayout = TRUE;
              break;
            }

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          top = logical.y;
          baseline = (double) (pango_layout_iter_get_baseline (iter) - top) / PANGO_SCALE;
          cairo_move_to (doc->cr, x + (double) logical.x / PANGO_SCALE, doc->y + baseline);
          pango_cairo_show_layout_line (doc->cr, line);
          doc->y += (double) logical.height / PANGO_SCALE;
          drawn++;

          /* Past the floating map: the rest takes the full width. */
          if (beside && doc->y >= doc->float_bottom && pango_layout_iter_next_line (iter))
            {
              offset += (gsize) pango_layout_iter_get_line_readonly (iter)->start_index;
              relayout = TRUE;
              break;
            }
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);

      if (!relayout)
        break;
    }

  doc->y += space_after;
}

static void
add_outline (Doc        *doc,
             const char *title)
{
  g_autofree char *link = g_strdup_printf ("page=%d pos=[%.0f %.0f]", doc->page, MARGIN, doc->y);

  cairo_pdf_surface_add_outline (doc->surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
}

/* A map of @events at the current position, @width × @height, framed. */
static void
draw_map (Doc             *doc,
          GListModel      *events,
          DlEvent         *selected,
          double           width,
          double           height,
          DlMapImageFlags  flags)
{
  DlMapView view;

  if (selected != NULL && g_list_model_get_n_items (events) == 1)
    {
      DlBBox bbox = dl_event_get_bbox (selected);

      dl_map_view_fit (&view, width, height, &bbox, dl_event_get_precision_m (selected));
    }
  else
    dl_map_image_fit (&view, width, height, events);

  cairo_save (doc->cr);
  cairo_translate (doc->cr, MARGIN, doc->y);
  dl_map_image_draw (doc->cr, width, height, &view, doc->dataset, events, selected, flags, 3);
  cairo_rectangle (doc->cr, 0, 0, width, height);
  cairo_set_source_rgba (doc->cr, 0, 0, 0, 0.3);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
}

static char *
describe_precision_m (double metres)
{
  if (metres <= 0)
    return g_strdup (_("exact"));
  if (metres < 1000)
    return g_strdup_printf (_("within about %.0f m"), metres);
  return g_strdup_printf (_("within about %.0f km"), metres / 1000.0);
}

static char *
format_claim (const DlClaim *claim)
{
  GString *out = g_string_new (NULL);

  if (claim->qualifier != NULL)
    g_string_append_printf (out, "%s ", claim->qualifier);
  g_string_append (out, claim->value_text);
  if (claim->unit != NULL)
    g_string_append_printf (out, " %s", claim->unit);

  return g_string_free (out, FALSE);
}

static void
event_section (Doc        *doc,
               DlEvent    *event,
               const char *caption,
               guint       index,
               guint       n_sections)
{
  g_autoptr(GListStore) own = g_list_store_new (DL_TYPE_EVENT);
  g_autoptr(GHashTable) topics = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *title = NULL;
  g_autofree char *date = dl_edtf_describe (dl_event_get_when (event));
  g_autofree char *places = dl_words_places (event);
  g_autofree char *precision = describe_precision_m (dl_event_get_precision_m (event));
  g_autofree char *place_line = NULL;
  g_autofree char *cited = NULL;
  double map_width = doc->width * 0.32;
  double map_height = map_width * 0.72;
  gboolean has_map = dl_event_get_n_places (event) > 0;

  /* Translators: the step's number, how many there are, and its title */
  title = g_strdup_printf (_("%u/%u · %s"), index + 1, n_sections, dl_event_get_title (event));

  /* The heading stays with its map. */
  doc->y += 8;
  ensure_space (doc, 24 + (has_map ? map_height : 60));
  add_outline (doc, title);
  paragraph (doc, title, "Sans Bold 11.5", 0, 0.05, 4);

  if (has_map)
    {
      /* The step's own event, no badges, with what a reader needs to place
       * it: a scale bar, and past region scale a locator inset. */
      g_list_store_append (own, event);
      draw_map (doc, G_LIST_MODEL (own), event, map_width, map_height,
                DL_MAP_IMAGE_NO_CLUSTERS | DL_MAP_IMAGE_SCALE_BAR | DL_MAP_IMAGE_LOCATOR);
      doc->float_width = map_width;
      doc->float_bottom = doc->y + map_height + 6;
    }

  paragraph (doc, date, "Sans Bold 10", 0, 0.1, 1);
  /* Translators: place names, then how precisely they are known ("within about 1 km") */
  place_line = g_strdup_printf (_("%s (%s)"), places, precision);
  paragraph (doc, place_line, "Sans 9.5", 0, 0.15, 1);
  paragraph (doc, dl_category_get_label (doc->dataset, dl_event_get_category (event)), "Sans 9", 0, 0.4, 5);

  /* A story's step says it in the narrative's words; on its own, an event
   * in its summary's. Both would mostly repeat each other. */
  cited = dl_words_cite (doc->dataset, caption != NULL && *caption != '\0' ? caption : dl_event_get_summary (event));
  paragraph (doc, cited, "Sans 9.5", 0, 0.05, 4);

  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    {
      const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);
      g_autofree char *key = g_strconcat (dl_source_get_id (excerpt->source), ":", excerpt->exact, NULL);
      g_autofree char *quote = NULL;
      g_autofree char *line = NULL;

      /* Events often share a passage: print it once, where it first
       * comes. */
      if (!g_hash_table_add (doc->quoted, g_steal_pointer (&key)))
        continue;
      quote = g_str_has_prefix (excerpt->exact, "“") || excerpt->exact[0] == '"'
        ? g_strdup (excerpt->exact) : g_strdup_printf ("“%s”", excerpt->exact);
      /* Translators: a quoted passage, then the title of its article */
      line = g_strdup_printf (_("%s — %s"), quote, dl_source_get_title (excerpt->source));

      paragraph (doc, line, "Serif 8.5", 8, 0.12, 2);
    }

  for (guint i = 0; i < dl_event_get_n_claims (event); i++)
    {
      const DlClaim *claim = dl_event_get_claim (event, i);
      g_autoptr(GString) line = NULL;
      GArray *claims;

      if (!dl_dataset_topic_disagrees (doc->dataset, claim->topic) || !g_hash_table_add (topics, claim->topic))
        continue;

      line = g_string_new (_("The sources disagree:"));
      claims = dl_dataset_get_claims (doc->dataset, claim->topic);
      for (guint c = 0; claims != NULL && c < claims->len; c++)
        {
          const DlClaimRef *ref = &g_array_index (claims, DlClaimRef, c);
          g_autofree char *value = format_claim (ref->claim);

          /* Translators: a claimed value ("at least 12"), then the article's title */
          g_string_append_printf (line, c == 0 ? _(" %s (%s)") : _("; %s (%s)"), value,
                                  dl_source_get_title (ref->claim->source));
        }
      paragraph (doc, line->str, "Sans Bold 9", 8, 0.45, 3);
    }

  clear_float (doc);
}

static void
title_page (Doc               *doc,
            const DlNarrative *narrative,
            GListModel        *shown,
            guint              n_sections)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: today's date on the handout's title page, see g_date_time_format() */
  g_autofree char *today = g_date_time_format (now, _("%-d %B %Y"));
  g_autofree char *counts = NULL;
  g_autofree char *made = NULL;
  guint n_sources = g_list_model_get_n_items (dl_dataset_get_sources (doc->dataset));

  new_page (doc);
  add_outline (doc, dl_dataset_get_title (doc->dataset));
  paragraph (doc, dl_dataset_get_title (doc->dataset), "Sans Bold 22", 0, 0.05, 8);
  if (narrative != NULL)
    {
      g_autofree char *description = dl_words_cite (doc->dataset, narrative->description);

      paragraph (doc, narrative->title, "Sans 17", 0, 0.2, 6);
      paragraph (doc, description, "Sans 10.5", 0, 0.15, 8);
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n_sections), n_sections);
    }
  else
    {
      paragraph (doc, _("Every event, in time order"), "Sans 18", 0, 0.2, 8);
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_sections), n_sections);
    }

  draw_map (doc, shown, NULL, doc->width, doc->width * 0.55, DL_MAP_IMAGE_DEFAULT | DL_MAP_IMAGE_SCALE_BAR);
  doc->y += doc->width * 0.55 + 12;
  {
    g_autofree char *description = dl_words_cite (doc->dataset, dl_dataset_get_description (doc->dataset));

    paragraph (doc, description, "Sans 8.5", 0, 0.25, 8);
  }

  /* Translators: "19 steps", then the number of articles, then today's date */
  made = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u article. Made with Dateline on %s.",
                                       "%s from %u articles. Made with Dateline on %s.", n_sources),
                          counts, n_sources, today);
  paragraph (doc, made, "Sans 9", 0, 0.35, 0);
}

static void
sources_page (Doc *doc)
{
  GListModel *sources = dl_dataset_get_sources (doc->dataset);
  GListModel *events = dl_dataset_get_events (doc->dataset);

  new_page (doc);
  add_outline (doc, _("Sources"));
  paragraph (doc, _("Sources"), "Sans Bold 18", 0, 0.05, 6);
  paragraph (doc, _("Every passage quoted in this handout comes from one of these articles."),
             "Sans 10", 0, 0.3, 12);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      g_autofree char *entry = NULL;
      g_autofree char *cited = NULL;
      guint n_events = 0;

      for (guint e = 0; e < g_list_model_get_n_items (events); e++)
        {
          g_autoptr(DlEvent) event = g_list_model_get_item (events, e);
          g_autoptr(GPtrArray) ids = dl_event_dup_source_ids (event);

          for (guint k = 0; k < ids->len; k++)
            if (g_strcmp0 (g_ptr_array_index (ids, k), dl_source_get_id (source)) == 0)
              n_events++;
        }

      ensure_space (doc, 50);
      entry = g_strdup_printf ("%u. %s", i + 1, dl_source_get_title (source));
      paragraph (doc, entry, "Sans Bold 11", 0, 0.05, 2);
      if (dl_source_get_published (source) != NULL)
        {
          g_autofree char *date = dl_edtf_describe (dl_source_get_published (source));
          g_autofree char *line = g_strdup_printf (_("Published: %s"), date);

          paragraph (doc, line, "Sans 9.5", 14, 0.2, 2);
        }
      if (dl_source_get_url (source) != NULL)
        paragraph (doc, dl_source_get_url (source), "Sans 9.5", 14, 0.2, 2);
      cited = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reports %u event in this dataset.",
                                            "Reports %u events in this dataset.", n_events), n_events);
      paragraph (doc, cited, "Sans 9", 14, 0.35, 10);
    }
}

/* Public API */

gboolean
dl_paper_size_from_string (const char  *text,
                           DlPaperSize *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = DL_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0 || g_ascii_strcasecmp (text, "us-letter") == 0)
    *paper = DL_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

gboolean
dl_export_pdf_to_file (DlDataset    *dataset,
                       const char   *narrative_id,
                       DlPaperSize   paper,
                       const char   *path,
                       GError      **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GArray) sections = g_array_new (FALSE, FALSE, sizeof (Section));
  const DlNarrative *narrative = NULL;
  cairo_status_t status;
  Doc doc = { 0 };

  g_return_val_if_fail (DL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (narrative_id != NULL)
    {
      narrative = dl_dataset_lookup_narrative (dataset, narrative_id);
      if (narrative == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The dataset has no narrative “%s”"), narrative_id);
          return FALSE;
        }
      for (guint i = 0; i < narrative->steps->len; i++)
        {
          const DlNarrativeStep *step = &g_array_index (narrative->steps, DlNarrativeStep, i);
          Section section = { step->event, step->caption };

          if (step->event != NULL)
            g_array_append_val (sections, section);
        }
    }
  else
    {
      GPtrArray *events = dl_dataset_get_events_by_time (dataset);

      for (guint i = 0; i < events->len; i++)
        {
          Section section = { g_ptr_array_index (events, i), NULL };

          g_array_append_val (sections, section);
        }
    }

  if (paper == DL_PAPER_LETTER)
    {
      doc.page_width = 612;
      doc.page_height = 792;
    }
  else
    {
      doc.page_width = 595.276;
      doc.page_height = 841.89;
    }
  doc.width = doc.page_width - 2 * MARGIN;
  doc.dataset = dataset;
  doc.quoted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc.footer = narrative != NULL ? narrative->title : dl_dataset_get_title (dataset);
  doc.surface = cairo_pdf_surface_create_for_stream (dl_cairo_append_bytes, pdf, doc.page_width, doc.page_height);
  cairo_pdf_surface_set_metadata (doc.surface, CAIRO_PDF_METADATA_TITLE,
                                  narrative != NULL ? narrative->title : dl_dataset_get_title (dataset));
  cairo_pdf_surface_set_metadata (doc.surface, CAIRO_PDF_METADATA_CREATOR, "Dateline " PACKAGE_VERSION);
  doc.cr = cairo_create (doc.surface);

  {
    g_autoptr(GListStore) shown = g_list_store_new (DL_TYPE_EVENT);

    for (guint i = 0; i < sections->len; i++)
      g_list_store_append (shown, g_array_index (sections, Section, i).event);
    title_page (&doc, narrative, G_LIST_MODEL (shown), sections->len);
  }
  /* The steps flow from the second page on. */
  new_page (&doc);
  for (guint i = 0; i < sections->len; i++)
    {
      const Section *section = &g_array_index (sections, Section, i);

      event_section (&doc, section->event, section->caption, i, sections->len);
    }
  sources_page (&doc);
  draw_footer (&doc);

  cairo_destroy (doc.cr);
  g_hash_table_unref (doc.quoted);
  cairo_surface_finish (doc.surface);
  status = cairo_surface_status (doc.surface);
  cairo_surface_destroy (doc.surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the handout: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return dl_write_file_atomically (path, (const char *) pdf->data, pdf->len, error);
}
