/* dl-export-pdf.c: a printable handout of a narrative or of every event
 *
 * A small flowing layout: paragraphs are Pango layouts drawn line by line,
 * so a long one continues on the next page; every section starts on a new
 * page, with its map drawn straight into the PDF by dl-map-image.
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
#include "dl-describe.h"
#include "dl-export.h"
#include "dl-export-pdf.h"
#include "dl-map-image.h"

#define MARGIN       56.0   /* points: about 2 cm */
#define FOOTER_SPACE 24.0

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           page_width;
  double           page_height;
  double           width;      /* of the text column */
  double           y;
  int              page;
  const char      *footer;
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

/* A paragraph in @font (Pango markup when @markup), continuing on the next
 * page when it does not fit. */
static void
paragraph (Doc        *doc,
           const char *text,
           const char *font_name,
           gboolean    markup,
           double      indent,
           double      grey,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  PangoLayoutIter *iter;
  double top = doc->y;
  double shift = 0;
  double end = doc->y;

  if (text == NULL || *text == '\0')
    return;

  layout = pango_cairo_create_layout (doc->cr);
  font = pango_font_description_from_string (font_name);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) ((doc->width - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  cairo_set_source_rgb (doc->cr, grey, grey, grey);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double line_top, line_height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_height = (double) logical.height / PANGO_SCALE;

      if (top + line_top - shift + line_height > bottom (doc) && (line_top - shift > 0 || top > MARGIN))
        {
          new_page (doc);
          cairo_set_source_rgb (doc->cr, grey, grey, grey);
          top = doc->y;
          shift = line_top;
        }

      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (doc->cr, MARGIN + indent + (double) logical.x / PANGO_SCALE, top + baseline - shift);
      pango_cairo_show_layout_line (doc->cr, line);
      end = top + line_top - shift + line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  doc->y = end + space_after;
}

static void
heading (Doc        *doc,
         const char *text,
         const char *font)
{
  /* A heading never sits alone at the foot of a page. */
  ensure_space (doc, 60);
  paragraph (doc, text, font, FALSE, 0, 0.1, 6);
}

static void
add_outline (Doc        *doc,
             const char *title)
{
  g_autofree char *link = g_strdup_printf ("page=%d", doc->page);

  cairo_pdf_surface_add_outline (doc->surface, CAIRO_PDF_OUTLINE_ROOT, title, link, 0);
}

static void
draw_map (Doc             *doc,
          DlDataset       *dataset,
          DlEvent         *selected,
          double           height,
          DlMapImageFlags  flags)
{
  DlMapView view;

  if (selected != NULL)
    {
      DlBBox bbox = dl_event_get_bbox (selected);

      dl_map_view_fit (&view, doc->width, height, &bbox, dl_event_get_precision_m (selected));
    }
  else
    dl_map_view_fit_events (&view, doc->width, height, dl_dataset_get_events (dataset));

  cairo_save (doc->cr);
  cairo_translate (doc->cr, MARGIN, doc->y);
  dl_map_image_draw (doc->cr, doc->width, height, &view, dl_dataset_get_events (dataset), selected,
                     flags, 2);
  cairo_rectangle (doc->cr, 0, 0, doc->width, height);
  cairo_set_source_rgba (doc->cr, 0, 0, 0, 0.3);
  cairo_set_line_width (doc->cr, 0.5);
  cairo_stroke (doc->cr);
  cairo_restore (doc->cr);
  doc->y += height + 12;
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

static const char *
describe_date_precision (const DlEdtf *when)
{
  switch (when->precision)
    {
    case DL_EDTF_PRECISION_YEAR:
      return _("known to the year");
    case DL_EDTF_PRECISION_SEASON:
      return _("known to the season");
    case DL_EDTF_PRECISION_MONTH:
      return _("known to the month");
    case DL_EDTF_PRECISION_DAY:
      return _("known to the day");
    case DL_EDTF_PRECISION_SECOND:
    default:
      return _("known to the time of day");
    }
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
               DlDataset  *dataset,
               DlEvent    *event,
               const char *caption,
               guint       index,
               guint       n_sections,
               gboolean    is_narrative)
{
  const DlEdtf *when = dl_event_get_when (event);
  g_autofree char *date = dl_edtf_describe (when);
  g_autofree char *title = NULL;
  g_autofree char *date_line = NULL;
  g_autoptr(GString) places = g_string_new (NULL);
  g_autoptr(GHashTable) topics = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *precision = describe_precision_m (dl_event_get_precision_m (event));
  g_autofree char *place_line = NULL;
  g_autofree char *category_line = NULL;

  new_page (doc);
  title = is_narrative
          ? g_strdup_printf (_("Step %u of %u: %s"), index + 1, n_sections, dl_event_get_title (event))
          : g_strdup_printf (_("%u of %u: %s"), index + 1, n_sections, dl_event_get_title (event));
  add_outline (doc, title);
  heading (doc, title, "Sans Bold 16");

  /* The category is in the text: no legend over a small map. */
  draw_map (doc, dataset, event, doc->width * 0.5, DL_MAP_IMAGE_ATTRIBUTION);

  /* Translators: a date, then the EDTF value as written and how precise it is */
  date_line = g_strdup_printf (_("Date: %s (written “%s”, %s)"), date, dl_event_get_when_text (event),
                               describe_date_precision (when));
  paragraph (doc, date_line, "Sans Bold 10.5", FALSE, 0, 0.1, 2);
  if (dl_event_get_when_basis (event) != NULL)
    {
      /* Citations as the sources' short names (dl-describe.h). */
      g_autofree char *cited = dl_describe_citations (dataset, dl_event_get_when_basis (event), DL_DESCRIBE_PLAIN);
      g_autofree char *basis = g_strdup_printf (_("How it is dated: %s"), cited);

      paragraph (doc, basis, "Sans 9", FALSE, 0, 0.35, 4);
    }

  for (guint p = 0; p < dl_event_get_n_places (event); p++)
    {
      if (p > 0)
        g_string_append (places, ", ");
      g_string_append (places, dl_place_get_name (dl_event_get_place (event, p)));
    }
  /* Translators: place names, then how precisely they are known ("within about 1 km") */
  place_line = g_strdup_printf (_("Place: %s (%s)"), places->str, precision);
  paragraph (doc, place_line, "Sans Bold 10.5", FALSE, 0, 0.1, 2);
  category_line = g_strdup_printf (_("Category: %s"), dl_category_get_label (dl_event_get_category (event)));
  paragraph (doc, category_line, "Sans 10", FALSE, 0, 0.35, 8);

  if (caption != NULL && *caption != '\0')
    {
      g_autofree char *cited = dl_describe_citations (dataset, caption, DL_DESCRIBE_PLAIN);

      paragraph (doc, cited, "Sans Italic 11", FALSE, 0, 0.05, 8);
    }
  {
    g_autofree char *cited = dl_describe_citations (dataset, dl_event_get_summary (event), DL_DESCRIBE_PLAIN);

    paragraph (doc, cited, "Sans 10.5", FALSE, 0, 0.1, 10);
  }

  if (dl_event_get_n_excerpts (event) > 0)
    {
      heading (doc, _("What the articles say"), "Sans Bold 12");
      for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
        {
          const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);
          g_autofree char *quote = g_str_has_prefix (excerpt->exact, "“") || excerpt->exact[0] == '"'
            ? g_strdup (excerpt->exact) : g_strdup_printf ("“%s”", excerpt->exact);
          g_autofree char *cite = g_strdup_printf ("— %s", dl_source_get_title (excerpt->source));

          ensure_space (doc, 40);
          paragraph (doc, quote, "Serif 10.5", FALSE, 12, 0.05, 2);
          paragraph (doc, cite, "Sans Italic 9", FALSE, 24, 0.35, 8);
        }
    }

  for (guint i = 0; i < dl_event_get_n_claims (event); i++)
    {
      const DlClaim *claim = dl_event_get_claim (event, i);
      GArray *claims;

      if (!dl_dataset_topic_disagrees (dataset, claim->topic) || !g_hash_table_add (topics, claim->topic))
        continue;

      if (g_hash_table_size (topics) == 1)
        heading (doc, _("Where the sources disagree"), "Sans Bold 12");

      paragraph (doc, claim->topic, "Sans Bold 10", FALSE, 12, 0.1, 2);
      claims = dl_dataset_get_claims (dataset, claim->topic);
      for (guint c = 0; claims != NULL && c < claims->len; c++)
        {
          const DlClaimRef *ref = &g_array_index (claims, DlClaimRef, c);
          g_autofree char *value = format_claim (ref->claim);
          /* Translators: a claimed value ("at least 12"), then the article's title */
          g_autofree char *line = g_strdup_printf (_("• %s — %s"), value, dl_source_get_title (ref->claim->source));

          paragraph (doc, line, "Sans 10", FALSE, 24, 0.1, 2);
        }
      doc->y += 6;
    }
}

static void
title_page (Doc               *doc,
            DlDataset         *dataset,
            const DlNarrative *narrative,
            guint              n_sections)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *counts = NULL;
  g_autofree char *made = NULL;
  guint n_sources = g_list_model_get_n_items (dl_dataset_get_sources (dataset));

  new_page (doc);
  add_outline (doc, dl_dataset_get_title (dataset));
  doc->y += 24;
  paragraph (doc, dl_dataset_get_title (dataset), "Sans Bold 24", FALSE, 0, 0.05, 10);
  if (narrative != NULL)
    {
      paragraph (doc, narrative->title, "Sans 18", FALSE, 0, 0.2, 8);
      paragraph (doc, narrative->description, "Sans 11", FALSE, 0, 0.15, 10);
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n_sections), n_sections);
    }
  else
    {
      paragraph (doc, _("Every event, in time order"), "Sans 18", FALSE, 0, 0.2, 8);
      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_sections), n_sections);
    }

  draw_map (doc, dataset, NULL, doc->width * 0.55, DL_MAP_IMAGE_DEFAULT);
  paragraph (doc, dl_dataset_get_description (dataset), "Sans 9", FALSE, 0, 0.15, 10);

  /* Translators: "19 steps", then the number of articles */
  made = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s from %u article. Made with Dateline on %s.",
                                       "%s from %u articles. Made with Dateline on %s.", n_sources),
                          counts, n_sources, today);
  paragraph (doc, made, "Sans 9", FALSE, 0, 0.35, 0);
}

static void
sources_page (Doc       *doc,
              DlDataset *dataset)
{
  GListModel *sources = dl_dataset_get_sources (dataset);
  GListModel *events = dl_dataset_get_events (dataset);

  new_page (doc);
  add_outline (doc, _("Sources"));
  heading (doc, _("Sources"), "Sans Bold 18");
  paragraph (doc, _("Every passage quoted in this handout comes from one of these articles."),
             "Sans 10", FALSE, 0, 0.3, 12);

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

      ensure_space (doc, 70);
      entry = g_strdup_printf ("%u. %s", i + 1, dl_source_get_title (source));
      paragraph (doc, entry, "Sans Bold 11", FALSE, 0, 0.05, 2);
      if (dl_source_get_published (source) != NULL)
        {
          g_autofree char *date = dl_edtf_describe (dl_source_get_published (source));
          g_autofree char *line = NULL;

          if (dl_source_get_published_basis (source) != NULL)
            line = g_strdup_printf (_("Published: %s. %s"), date, dl_source_get_published_basis (source));
          else
            line = g_strdup_printf (_("Published: %s"), date);
          paragraph (doc, line, "Sans 9.5", FALSE, 14, 0.2, 2);
        }
      if (dl_source_get_url (source) != NULL)
        paragraph (doc, dl_source_get_url (source), "Sans 9.5", FALSE, 14, 0.2, 2);
      {
        g_autofree char *file = g_strdup_printf (_("File: %s"), dl_source_get_file (source));

        paragraph (doc, file, "Sans 9", FALSE, 14, 0.35, 2);
      }
      cited = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reports %u event in this dataset.",
                                            "Reports %u events in this dataset.", n_events), n_events);
      paragraph (doc, cited, "Sans 9", FALSE, 14, 0.35, 12);
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
      for (guint i = 0; i < dl_dataset_get_n_narratives (dataset) && narrative == NULL; i++)
        if (g_strcmp0 (dl_dataset_get_narrative (dataset, i)->id, narrative_id) == 0)
          narrative = dl_dataset_get_narrative (dataset, i);
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
  doc.footer = dl_dataset_get_title (dataset);
  doc.surface = cairo_pdf_surface_create_for_stream (dl_cairo_append_bytes, pdf, doc.page_width, doc.page_height);
  cairo_pdf_surface_set_metadata (doc.surface, CAIRO_PDF_METADATA_TITLE,
                                  narrative != NULL ? narrative->title : dl_dataset_get_title (dataset));
  cairo_pdf_surface_set_metadata (doc.surface, CAIRO_PDF_METADATA_CREATOR, "Dateline " PACKAGE_VERSION);
  doc.cr = cairo_create (doc.surface);

  title_page (&doc, dataset, narrative, sections->len);
  for (guint i = 0; i < sections->len; i++)
    {
      const Section *section = &g_array_index (sections, Section, i);

      event_section (&doc, dataset, section->event, section->caption, i, sections->len, narrative != NULL);
    }
  sources_page (&doc, dataset);
  draw_footer (&doc);

  cairo_destroy (doc.cr);
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
