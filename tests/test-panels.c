/* test-panels.c: the event panel and the article view, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-panels"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "dl-article-view.h"
#include "dl-dataset.h"
#include "dl-describe.h"
#include "dl-event-panel.h"
#include "dl-session.h"
#include "dl-test-dataset.h"
#include "dl-test-util.h"

static DlDataset *dataset;

/* Helpers */

static void
collect_with_class (GtkWidget  *widget,
                    const char *css_class,
                    GPtrArray  *out)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (out, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_with_class (child, css_class, out);
}

static GtkWindow *
new_window (GtkWidget *child,
            int        width,
            int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  dl_test_wait_ms (300);

  return window;
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  /* The window's background, as on screen. */
  GdkRGBA background = adw_style_manager_get_dark (adw_style_manager_get_default ())
                       ? (GdkRGBA) { 0.14, 0.14, 0.14, 1.0 } : (GdkRGBA) { 0.98, 0.98, 0.98, 1.0 };

  dl_test_save_png (widget, &background, name);
}

/* The label below @widget that shows exactly @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0
      && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* WCAG relative luminance of an 8-bit sRGB pixel. */
static double
luminance (guint32 pixel)
{
  double rgb[3] = { (pixel >> 16 & 0xff) / 255.0, (pixel >> 8 & 0xff) / 255.0, (pixel & 0xff) / 255.0 };

  for (guint i = 0; i < 3; i++)
    rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

static double
contrast (double a,
          double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* Saves @widget as @name, reads the PNG back and checks what it shows: the
 * widget's size, something drawn, and @text drawn where its label is,
 * readable (4.5:1) against the background around it, which is dark or light
 * as @dark says. */
static void
save_and_check_png (GtkWidget  *widget,
                    const char *name,
                    const char *text,
                    gboolean    dark)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  cairo_surface_t *png;
  GtkWidget *label = find_label (widget, text);
  graphene_rect_t bounds;
  const guint8 *data;
  int width, height, stride, scale;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint32 background = 0, first;
  guint best = 0, n_differ = 0, n_text = 0, n_area = 0;
  double background_luminance, best_contrast = 1;

  g_assert_nonnull (label);
  save_png (widget, name);

  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (png);
  height = cairo_image_surface_get_height (png);
  stride = cairo_image_surface_get_stride (png);
  data = cairo_image_surface_get_data (png);

  /* The whole widget, at a whole scale factor. */
  scale = width / gtk_widget_get_width (widget);
  g_assert_cmpint (scale, >=, 1);
  g_assert_cmpint (width, ==, gtk_widget_get_width (widget) * scale);
  g_assert_cmpint (height, ==, gtk_widget_get_height (widget) * scale);

  /* Not one flat colour. */
  first = *(const guint32 *) (gconstpointer) data & 0xffffff;
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      if ((*(const guint32 *) (gconstpointer) (data + y * stride + 4 * x) & 0xffffff) != first)
        n_differ++;
  g_assert_cmpuint (n_differ, >, (guint) (width / 2) * (guint) (height / 2) / 100);

  /* The label's area: its background is its most common colour; the text
   * is what differs from it, and there must be enough of it, readable. */
  g_assert_true (gtk_widget_compute_bounds (label, widget, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  for (int y = (int) (bounds.origin.y * scale); y < (int) ((bounds.origin.y + bounds.size.height) * scale); y++)
    for (int x = (int) (bounds.origin.x * scale); x < (int) ((bounds.origin.x + bounds.size.width) * scale); x++)
      {
        guint32 pixel;
        guint count;

        if (x < 0 || y < 0 || x >= width || y >= height)
          continue;
        pixel = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x) & 0xffffff;
        count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (count));
        if (count > best)
          {
            best = count;
            background = pixel;
          }
        n_area++;
      }
  g_assert_cmpuint (n_area, >, 0);

  background_luminance = luminance (background);
  if (dark)
    g_assert_cmpfloat (background_luminance, <, 0.05);
  else
    g_assert_cmpfloat (background_luminance, >, 0.8);

  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        double c = contrast (luminance (GPOINTER_TO_UINT (key)), background_luminance);

        if (c > 1.5)
          n_text += GPOINTER_TO_UINT (value);
        best_contrast = MAX (best_contrast, c);
      }
  }
  g_test_message ("%s: “%s” covers %.1f %% of its label, contrast %.1f:1", name, text,
                  100.0 * n_text / n_area, best_contrast);
  g_assert_cmpfloat ((double) n_text / n_area, >, 0.03);
  g_assert_cmpfloat (best_contrast, >=, 4.5);

  cairo_surface_destroy (png);
}

static DlEvent *
lookup_event (const char *id)
{
  DlEvent *event = dl_dataset_lookup_event (dataset, id);

  g_assert_nonnull (event);
  return event;
}

/* An event with passages in several sources and a disagreeing claim. */
static DlEvent *
school_strike (void)
{
  return lookup_event ("school-strike-gaza-city");
}

typedef struct {
  DlEvent *event;
  guint    index;
  guint    count;
} Activation;

static gboolean
was_activated (gpointer data)
{
  return ((Activation *) data)->count > 0;
}

static void
on_excerpt_activated (DlEventPanel *panel G_GNUC_UNUSED,
                      DlEvent      *event,
                      guint         index,
                      Activation   *activation)
{
  activation->event = event;
  activation->index = index;
  activation->count++;
}

static void
on_event_activated (GtkWidget  *widget G_GNUC_UNUSED,
                    DlEvent    *event,
                    Activation *activation)
{
  activation->event = event;
  activation->count++;
}

/* Tests */

static void
test_panel_shows_excerpts (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = new_window (GTK_WIDGET (panel), 420, 900);
  GListModel *events = dl_dataset_get_events (dataset);

  dl_event_panel_set_dataset (panel, dataset);

  /* Every event shows every one of its passages. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      g_autofree char *text = NULL;

      dl_event_panel_set_event (panel, event);
      text = dl_test_widget_text (GTK_WIDGET (panel));
      g_assert_nonnull (strstr (text, dl_event_get_title (event)));
      for (guint j = 0; j < dl_event_get_n_excerpts (event); j++)
        {
          g_autofree char *exact = g_strstrip (g_strdup (dl_event_get_excerpt (event, j)->exact));

          if (strstr (text, exact) == NULL)
            g_error ("%s: passage %u not shown: %s", dl_event_get_id (event), j, exact);
        }
    }

  gtk_window_destroy (window);
}

static void
test_panel_date_and_place (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = new_window (GTK_WIDGET (panel), 420, 900);
  g_autofree char *text = NULL;

  dl_event_panel_set_dataset (panel, dataset);
  dl_event_panel_set_event (panel, school_strike ());
  text = dl_test_widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Tuesday 20 August 2024"));
  g_assert_nonnull (strstr (text, "To the day"));
  {
    /* The basis as a person reads it: citations as short names, isolated. */
    g_autofree char *basis = dl_describe_when_basis (dataset, school_strike (), DL_DESCRIBE_PLAIN);

    g_assert_nonnull (strstr (text, basis));
    g_assert_nonnull (strstr (basis, "in “Far apart”, 20 Aug and Cairo report, 20 Aug"));
  }
  g_assert_nonnull (strstr (text, "within about"));
  g_clear_pointer (&text, g_free);

  /* "2024-08-20?" says it is uncertain, once. */
  dl_event_panel_set_event (panel, lookup_event ("central-gaza-strike"));
  text = dl_test_widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "To the day · uncertain"));
  g_assert_nonnull (strstr (text, "Tuesday 20 August 2024, uncertain"));
  g_assert_null (strstr (text, "(uncertain)"));
  g_clear_pointer (&text, g_free);

  /* A statement mapped to what it concerns says so; a place's note shows. */
  dl_event_panel_set_event (panel, lookup_event ("us-official-totally-untrue"));
  text = dl_test_widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "About: \xE2\x81\xA8Philadelphi corridor"));
  g_clear_pointer (&text, g_free);
  dl_event_panel_set_event (panel, lookup_event ("alaa-abu-zeid-detention"));
  text = dl_test_widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Golan Heights"));

  gtk_window_destroy (window);
}

static void
test_panel_overview (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = new_window (GTK_WIDGET (panel), 420, 900);
  GListModel *sources = dl_dataset_get_sources (dataset);
  g_autofree char *text = NULL;

  dl_event_panel_set_dataset (panel, dataset);
  g_assert_null (dl_event_panel_get_event (panel));
  text = dl_test_widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, dl_dataset_get_title (dataset)));
  g_assert_nonnull (strstr (text, dl_dataset_get_description (dataset)));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      g_assert_nonnull (strstr (text, dl_source_get_title (source)));
    }
  g_assert_nonnull (strstr (text, "Strike"));
  g_assert_nonnull (strstr (text, "Diplomacy"));

  /* Back from an event to the overview. */
  dl_event_panel_set_event (panel, school_strike ());
  dl_event_panel_set_event (panel, NULL);
  g_clear_pointer (&text, g_free);
  text = dl_test_widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, dl_dataset_get_title (dataset)));

  gtk_window_destroy (window);
}

static void
test_panel_disagreement (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = new_window (GTK_WIDGET (panel), 420, 900);
  g_autofree char *text = NULL;

  g_assert_true (dl_dataset_topic_disagrees (dataset, "school-strike-killed"));

  dl_event_panel_set_dataset (panel, dataset);
  dl_event_panel_set_event (panel, school_strike ());
  text = dl_test_widget_text (GTK_WIDGET (panel));
  /* The topic's label, the flag, each value with its source's short name. */
  g_assert_nonnull (strstr (text, "Killed at the school"));
  g_assert_nonnull (strstr (text, "Sources disagree"));
  g_assert_nonnull (strstr (text, "at least 12 people"));
  g_assert_nonnull (strstr (text, "at least 10 people"));
  g_assert_nonnull (strstr (text, "“Far apart”, 20 Aug"));
  g_assert_nonnull (strstr (text, "Cairo report, 20 Aug"));
  /* Agreeing topics are not flagged. */
  g_assert_false (dl_dataset_topic_disagrees (dataset, "school-strike-sheltering"));
  g_assert_nonnull (strstr (text, "Sheltering at the school when it was hit"));
  g_assert_null (strstr (strstr (text, "Sources disagree") + 1, "Sources disagree"));
  /* No source id anywhere a person reads. */
  g_assert_null (strstr (text, "a000"));
  g_assert_null (strstr (text, "a001"));

  gtk_window_destroy (window);
}

static void
test_panel_card_activation (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = new_window (GTK_WIDGET (panel), 420, 900);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  Activation activation = { 0 };
  DlEvent *event = school_strike ();

  dl_event_panel_set_dataset (panel, dataset);
  dl_event_panel_set_event (panel, event);
  g_signal_connect (panel, "excerpt-activated", G_CALLBACK (on_excerpt_activated), &activation);

  collect_with_class (GTK_WIDGET (panel), "passage-card", cards);
  g_assert_cmpuint (cards->len, ==, dl_event_get_n_excerpts (event));

  for (guint i = 0; i < cards->len; i++)
    {
      GtkWidget *card = g_ptr_array_index (cards, i);

      g_autoptr(GPtrArray) heads = g_ptr_array_new ();
      const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);

      /* Keyboard reachable, and named for screen readers. */
      g_assert_true (gtk_widget_get_focusable (card));
      g_assert_true (GTK_IS_BUTTON (card));

      /* Headed by the name the summary cites it by ("Cairo report, 20
       * Aug"), not the article's long title. */
      collect_with_class (card, "passage-article", heads);
      g_assert_cmpuint (heads->len, ==, 1);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (g_ptr_array_index (heads, 0))), ==,
                       dl_source_get_short_name (excerpt->source));
      g_assert_cmpstr (dl_source_get_short_name (excerpt->source), !=, dl_source_get_title (excerpt->source));

      activation = (Activation) { 0 };
      /* As Enter or Space does: "clicked" follows a short press animation,
       * which a loaded machine can stretch well past its nominal length. */
      g_assert_true (gtk_widget_activate (card));
      g_assert_true (dl_test_wait_until (was_activated, &activation, 10000));
      g_assert_cmpuint (activation.count, ==, 1);
      g_assert_true (activation.event == event);
      g_assert_cmpuint (activation.index, ==, i);
    }

  gtk_window_destroy (window);
}

/* Two events with claims on one topic: each lists the other's claim with a
 * button that selects it. */
static const char two_events[] =
  "{ \"dateline\": 1, \"title\": \"Two events\","
  "  \"sources\": [ { \"id\": \"a000\", \"file\": \"articles/000_f390b9095673a8dc.txt\","
  "                   \"title\": \"Article A\", \"published\": \"2024-08-20\" } ],"
  "  \"places\": [ { \"id\": \"gaza\", \"name\": \"Gaza City\","
  "                  \"geometry\": { \"type\": \"Point\", \"coordinates\": [34.4667, 31.5016] },"
  "                  \"precision_m\": 2000 } ],"
  "  \"events\": ["
  "    { \"id\": \"first\", \"title\": \"First\", \"category\": \"diplomacy\", \"when\": \"2024-08-20\","
  "      \"place\": \"gaza\", \"excerpts\": [ { \"source\": \"a000\", \"exact\": \"visiting Egypt and Qatar\" } ],"
  "      \"claims\": [ { \"topic\": \"shared-topic\", \"value\": 2, \"excerpt\": 0 } ] },"
  "    { \"id\": \"second\", \"title\": \"Second\", \"category\": \"diplomacy\", \"when\": \"2024-08-19\","
  "      \"place\": \"gaza\", \"excerpts\": [ { \"source\": \"a000\", \"exact\": \"two strategic corridors\" } ],"
  "      \"claims\": [ { \"topic\": \"shared-topic\", \"value\": 3, \"qualifier\": \"about\", \"excerpt\": 0 } ] }"
  "  ] }";

static void
test_panel_event_link (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = new_window (GTK_WIDGET (panel), 420, 900);
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) small = NULL;
  g_autofree char *text = NULL;
  Activation activation = { 0 };

  small = dl_dataset_load_from_data (two_events, strlen (two_events),
                                     SOURCE_DATASETDIR "/gaza-august-2024", problems);
  g_assert_nonnull (small);

  dl_event_panel_set_dataset (panel, small);
  dl_event_panel_set_event (panel, dl_dataset_lookup_event (small, "first"));
  g_signal_connect (panel, "event-activated", G_CALLBACK (on_event_activated), &activation);

  text = dl_test_widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, "Sources disagree"));
  g_assert_nonnull (strstr (text, "about 3"));

  collect_with_class (GTK_WIDGET (panel), "claim-event-link", links);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (gtk_widget_activate (g_ptr_array_index (links, 0)));
  g_assert_true (dl_test_wait_until (was_activated, &activation, 10000));
  g_assert_cmpuint (activation.count, ==, 1);
  g_assert_true (activation.event == dl_dataset_lookup_event (small, "second"));

  gtk_window_destroy (window);
}

static void
test_panel_accessible (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = new_window (GTK_WIDGET (panel), 420, 900);

  dl_event_panel_set_dataset (panel, dataset);
  dl_event_panel_set_event (panel, school_strike ());
  gtk_test_accessible_assert_property (panel, GTK_ACCESSIBLE_PROPERTY_LABEL, dl_event_get_title (school_strike ()));

  gtk_window_destroy (window);
}

/* Passages of other events in the source that do not overlap the event's. */
static const DlExcerpt *
other_passage (DlSource  *source,
               DlEvent   *event,
               DlEvent  **other_event)
{
  GListModel *events = dl_dataset_get_events (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) other = g_list_model_get_item (events, i);

      if (other == event)
        continue;

      for (guint j = 0; j < dl_event_get_n_excerpts (other); j++)
        {
          const DlExcerpt *candidate = dl_event_get_excerpt (other, j);
          gboolean overlaps = FALSE;

          if (candidate->source != source)
            continue;

          /* Overlapping none of the event's passages, nor any other event's. */
          for (guint k = 0; k < g_list_model_get_n_items (events) && !overlaps; k++)
            {
              g_autoptr(DlEvent) e = g_list_model_get_item (events, k);

              for (guint l = 0; l < dl_event_get_n_excerpts (e) && !overlaps; l++)
                {
                  const DlExcerpt *x = dl_event_get_excerpt (e, l);

                  if (e == other && l == j)
                    continue;
                  overlaps = x->source == source && x->start < candidate->end && candidate->start < x->end;
                }
            }

          if (!overlaps)
            {
              *other_event = other;
              return candidate;
            }
        }
    }

  return NULL;
}

static void
test_article_highlights (void)
{
  DlArticleView *view = dl_article_view_new ();
  GtkWindow *window = new_window (GTK_WIDGET (view), 700, 800);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dl_article_view_get_text_view (view));
  GtkTextTag *current = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "current-event");
  GListModel *events = dl_dataset_get_events (dataset);
  gboolean offsets_differ_from_bytes = FALSE;

  dl_article_view_set_dataset (view, dataset);
  g_assert_nonnull (current);

  for (guint e = 0; e < g_list_model_get_n_items (events); e++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, e);

      for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
        {
          const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);
          g_autoptr(GArray) highlights = NULL;
          guint expected = 0;

          dl_article_view_show (view, excerpt->source, event, i);
          g_assert_true (dl_article_view_get_source (view) == excerpt->source);
          highlights = dl_article_view_get_highlights (view);

          /* Exactly the event's passages in this source… */
          for (guint j = 0; j < dl_event_get_n_excerpts (event); j++)
            expected += dl_event_get_excerpt (event, j)->source == excerpt->source;
          g_assert_cmpuint (highlights->len, ==, 2 * expected);

          for (guint h = 0; h < highlights->len; h += 2)
            {
              guint start = g_array_index (highlights, guint, h);
              guint end = g_array_index (highlights, guint, h + 1);
              gboolean found = FALSE;

              for (guint j = 0; j < dl_event_get_n_excerpts (event) && !found; j++)
                {
                  const DlExcerpt *x = dl_event_get_excerpt (event, j);

                  if (x->source == excerpt->source && x->start == start && x->end == end)
                    {
                      GtkTextIter a, b;
                      g_autofree char *shown = NULL;

                      /* …at code-point offsets: the buffer's text there is the quote. */
                      gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
                      gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
                      shown = gtk_text_buffer_get_text (buffer, &a, &b, TRUE);
                      g_assert_cmpstr (shown, ==, x->exact);
                      g_assert_true (gtk_text_iter_has_tag (&a, current));
                      gtk_text_iter_backward_char (&b);
                      g_assert_true (gtk_text_iter_has_tag (&b, current));

                      if (dl_text_char_to_byte (dl_source_get_text (x->source), start) != start)
                        offsets_differ_from_bytes = TRUE;
                      found = TRUE;
                    }
                }
              g_assert_true (found);
            }
        }
    }

  /* The curly quotes make byte and code-point offsets differ. */
  g_assert_true (offsets_differ_from_bytes);

  gtk_window_destroy (window);
}

static void
test_article_scrolls_to_passage (void)
{
  DlArticleView *view = dl_article_view_new ();
  GtkWindow *window = new_window (GTK_WIDGET (view), 600, 400);
  GtkTextView *text_view = dl_article_view_get_text_view (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  DlEvent *event = lookup_event ("hostage-bodies-recovered");
  const DlExcerpt *last = NULL;
  guint last_index = 0;
  GdkRectangle visible, location;
  GtkTextIter iter;

  dl_article_view_set_dataset (view, dataset);

  /* The passage furthest into its article. */
  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    if (last == NULL || dl_event_get_excerpt (event, i)->start > last->start)
      {
        last = dl_event_get_excerpt (event, i);
        last_index = i;
      }

  dl_article_view_show (view, last->source, event, last_index);
  dl_test_wait_ms (500);

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, last->start);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  g_test_message ("visible %d+%d, passage %d+%d", visible.y, visible.height, location.y, location.height);
  g_assert_cmpint (location.y, >=, visible.y);
  g_assert_cmpint (location.y + location.height, <=, visible.y + visible.height);

  gtk_window_destroy (window);
}

static void
test_article_other_event (void)
{
  DlArticleView *view = dl_article_view_new ();
  GtkWindow *window = new_window (GTK_WIDGET (view), 700, 800);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (dl_article_view_get_text_view (view));
  DlEvent *event = school_strike ();
  const DlExcerpt *excerpt = dl_event_get_excerpt (event, 0);
  const DlExcerpt *other;
  DlEvent *other_event = NULL;
  Activation activation = { 0 };
  GtkTextIter iter;

  dl_article_view_set_dataset (view, dataset);
  dl_article_view_show (view, excerpt->source, event, 0);
  g_signal_connect (view, "event-activated", G_CALLBACK (on_event_activated), &activation);

  other = other_passage (excerpt->source, event, &other_event);
  g_assert_nonnull (other);

  /* Enter with the cursor in the event's own passage does nothing… */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, excerpt->start + 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "article.activate-passage", NULL));
  g_assert_cmpuint (activation.count, ==, 0);

  /* …in another event's passage it selects that event. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (other->start + other->end) / 2);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "article.activate-passage", NULL));
  g_assert_cmpuint (activation.count, ==, 1);
  g_assert_true (activation.event == other_event);

  /* Outside every passage: nothing. */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "article.activate-passage", NULL));
  g_assert_cmpuint (activation.count, ==, 1);

  gtk_window_destroy (window);
}

/* The panels as drawn, in light and dark: written as PNGs to look at, and
 * checked for what they must show. */
static void
test_render (void)
{
  DlEventPanel *panel = dl_event_panel_new ();
  DlArticleView *view = dl_article_view_new ();
  GtkWindow *window;
  DlEvent *event = school_strike ();
  DlSource *source = dl_event_get_excerpt (event, 1)->source;

  dl_event_panel_set_dataset (panel, dataset);
  window = new_window (GTK_WIDGET (panel), 420, 1900);
  dl_test_wait_ms (300);
  save_and_check_png (GTK_WIDGET (panel), "panel-overview.png", dl_dataset_get_title (dataset), FALSE);

  dl_event_panel_set_event (panel, event);
  dl_test_wait_ms (300);
  save_and_check_png (GTK_WIDGET (panel), "panel-event.png", dl_event_get_title (event), FALSE);
  gtk_window_destroy (window);

  dl_article_view_set_dataset (view, dataset);
  dl_article_view_show (view, source, event, 1);
  window = new_window (GTK_WIDGET (view), 640, 900);
  dl_test_wait_ms (500);
  save_and_check_png (GTK_WIDGET (view), "article-view.png", dl_source_get_title (source), FALSE);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  dl_test_wait_ms (500);
  save_and_check_png (GTK_WIDGET (view), "article-view-dark.png", dl_source_get_title (source), TRUE);
  gtk_window_destroy (window);

  panel = dl_event_panel_new ();
  dl_event_panel_set_dataset (panel, dataset);
  dl_event_panel_set_event (panel, event);
  window = new_window (GTK_WIDGET (panel), 420, 1900);
  dl_test_wait_ms (300);
  save_and_check_png (GTK_WIDGET (panel), "panel-event-dark.png", dl_event_get_title (event), TRUE);
  gtk_window_destroy (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* With a session, the panel follows it alone: no window tells it what to show. */
static void
test_panel_follows_session (void)
{
  g_autoptr(DlSession) session = dl_session_new ();
  DlEventPanel *panel = dl_event_panel_new ();
  GtkWindow *window = new_window (GTK_WIDGET (panel), 420, 700);
  DlEvent *event = lookup_event ("school-strike-gaza-city");
  g_autofree char *text = NULL;

  dl_event_panel_set_session (panel, session);
  g_assert_null (dl_event_panel_get_dataset (panel));

  dl_session_set_dataset (session, dataset);
  g_assert_true (dl_event_panel_get_dataset (panel) == dataset);
  g_assert_null (dl_event_panel_get_event (panel));

  g_assert_true (dl_session_select (session, event));
  g_assert_true (dl_event_panel_get_event (panel) == event);
  dl_test_wait_ms (100);
  text = dl_test_widget_text (GTK_WIDGET (panel));
  g_assert_nonnull (strstr (text, dl_event_get_title (event)));

  dl_session_select (session, NULL);
  g_assert_null (dl_event_panel_get_event (panel));

  /* A new dataset: the overview of it, nothing selected. */
  g_assert_true (dl_session_select (session, event));
  dl_session_set_dataset (session, NULL);
  g_assert_null (dl_event_panel_get_event (panel));
  g_assert_null (dl_event_panel_get_dataset (panel));

  gtk_window_destroy (window);
}

/* The article view follows the session's selection while the article it
 * shows has a passage of the selected event, and its dataset always. */
static void
test_article_follows_session (void)
{
  g_autoptr(DlSession) session = dl_session_new ();
  DlArticleView *view = dl_article_view_new ();
  GtkWindow *window = new_window (GTK_WIDGET (view), 420, 700);
  DlEvent *school = lookup_event ("school-strike-gaza-city");
  DlSource *source = dl_event_get_excerpt (school, 0)->source;
  GListModel *events;
  DlEvent *same_article = NULL, *elsewhere = NULL;
  g_autoptr(GArray) marked = NULL;

  dl_article_view_set_session (view, session);
  dl_session_set_dataset (session, dataset);
  events = dl_dataset_get_events (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
      gboolean in_source = FALSE;

      for (guint j = 0; j < dl_event_get_n_excerpts (event); j++)
        in_source |= dl_event_get_excerpt (event, j)->source == source;
      if (event == school)
        continue;
      if (in_source && same_article == NULL)
        same_article = event;
      else if (!in_source && elsewhere == NULL)
        elsewhere = event;
    }
  g_assert_nonnull (same_article);
  g_assert_nonnull (elsewhere);

  /* Nothing is shown until a passage is opened: selecting shows nothing. */
  g_assert_true (dl_session_select (session, school));
  g_assert_null (dl_article_view_get_source (view));

  dl_article_view_show (view, source, school, 0);
  g_assert_true (dl_session_select (session, same_article));
  g_assert_true (dl_article_view_get_source (view) == source);
  g_assert_true (dl_article_view_get_event (view) == same_article);
  marked = dl_article_view_get_highlights (view);
  g_assert_cmpuint (marked->len, >=, 2);

  /* An event told elsewhere leaves the article as it was. */
  g_assert_true (dl_session_select (session, elsewhere));
  g_assert_true (dl_article_view_get_event (view) == same_article);

  dl_session_set_dataset (session, NULL);
  g_assert_null (dl_article_view_get_source (view));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);
  dataset = dl_test_load_path (SOURCE_DATASETDIR "/gaza-august-2024/gaza-august-2024.dateline.json");

  g_test_add_func ("/panels/event/excerpts", test_panel_shows_excerpts);
  g_test_add_func ("/panels/event/follows-session", test_panel_follows_session);
  g_test_add_func ("/panels/article/follows-session", test_article_follows_session);
  g_test_add_func ("/panels/event/date-and-place", test_panel_date_and_place);
  g_test_add_func ("/panels/event/disagreement", test_panel_disagreement);
  g_test_add_func ("/panels/event/card-activation", test_panel_card_activation);
  g_test_add_func ("/panels/event/event-link", test_panel_event_link);
  g_test_add_func ("/panels/event/accessible", test_panel_accessible);
  g_test_add_func ("/panels/overview", test_panel_overview);
  g_test_add_func ("/panels/article/highlights", test_article_highlights);
  g_test_add_func ("/panels/article/scrolls-to-passage", test_article_scrolls_to_passage);
  g_test_add_func ("/panels/article/other-event", test_article_other_event);
  g_test_add_func ("/panels/render", test_render);

  status = g_test_run ();
  g_clear_object (&dataset);

  return status;
}
