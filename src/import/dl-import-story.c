/* dl-import-story.c: Knight Lab's TimelineJS and StoryMapJS JSON
 *
 * TimelineJS: "events" (and "eras", as events of the category "era") with
 * start_date/end_date objects of year, month, day, hour…; text.headline and
 * text.text in HTML; "group" as the category. No places: the events are on
 * the timeline only.
 *
 * StoryMapJS: storymap.slides, the first of type "overview" naming the
 * story; each other slide an event at location.lat/lon (numbers or numeric
 * strings), dated by its free-text "date", in the slides' order as a
 * narrative; a slide without a location is placed where its headline's
 * place name is (dl-import-places.c). A date without a year ("Aug 23") takes the year of the
 * nearest slide before it that has one (else after it) and is marked
 * uncertain ("?"), with a warning for each such guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-import"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-import-private.h"
#include "dl-json-reader.h"

static char *
html_member (JsonNode   *object,
             const char *first,
             const char *second)
{
  JsonNode *node = dl_import_json_member (object, first);
  const char *html;

  if (second != NULL)
    node = dl_import_json_member (node, second);
  html = dl_import_json_string (node);
  return html != NULL ? dl_import_html_to_text (html) : NULL;
}

static gboolean
empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* The story's text is what reports its events: the file is their source. */
static void
cite_file (DlImporter *importer,
           DlEvent    *event,
           const char *text)
{
  g_autofree char *name = NULL;

  if (empty (text))
    return;
  name = g_path_get_basename (importer->name);
  dl_importer_add_excerpt (importer, event, dl_importer_get_source (importer, name), text);
}

static char *
year_text (gint64 year)
{
  if (year >= 0 && year <= 9999)
    return g_strdup_printf ("%04" G_GINT64_FORMAT, year);
  if (year < 0 && year >= -9999)
    return g_strdup_printf ("-%04" G_GINT64_FORMAT, -year);
  return g_strdup_printf ("Y%" G_GINT64_FORMAT, year);
}

/* A TimelineJS date object as EDTF; NULL when absent, "" when unreadable. */
static char *
timeline_date (DlImporter *importer,
               JsonNode   *date,
               const char *path)
{
  static const char * const parts[] = { "year", "month", "day", "hour", "minute", "second" };
  double values[G_N_ELEMENTS (parts)];
  gboolean given[G_N_ELEMENTS (parts)];
  g_autofree char *year = NULL;

  if (date == NULL || JSON_NODE_HOLDS_NULL (date))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      JsonNode *node = dl_import_json_member (date, parts[i]);
      const char *text = dl_import_json_string (node);

      given[i] = node != NULL && !JSON_NODE_HOLDS_NULL (node) && !(text != NULL && *text == '\0');
      if (given[i] && (!dl_import_json_number (node, &values[i]) || values[i] != floor (values[i])))
        {
          g_autofree char *where = dl_import_json_path (path, parts[i], -1);

          dl_problems_warning (importer->problems, where, _("not a whole number: the date is left out"));
          return g_strdup ("");
        }
    }
  if (!given[0])
    {
      g_autofree char *where = dl_import_json_path (path, "year", -1);

      dl_problems_warning (importer->problems, where, _("a date needs a year: the date is left out"));
      return g_strdup ("");
    }

  year = year_text ((gint64) values[0]);
  if (!given[1])
    return g_steal_pointer (&year);
  if (!given[2])
    return g_strdup_printf ("%s-%02d", year, (int) values[1]);
  if (!given[3])
    return g_strdup_printf ("%s-%02d-%02d", year, (int) values[1], (int) values[2]);
  return g_strdup_printf ("%s-%02d-%02dT%02d:%02d:%02dZ", year, (int) values[1], (int) values[2], (int) values[3],
                          given[4] ? (int) values[4] : 0, given[5] ? (int) values[5] : 0);
}

static void
timeline_event (DlImporter *importer,
                JsonNode   *object,
                const char *path,
                const char *category)
{
  g_autoptr(DlEvent) event = dl_event_new ();
  g_autofree char *start_path = dl_import_json_path (path, "start_date", -1);
  g_autofree char *end_path = dl_import_json_path (path, "end_date", -1);
  g_autofree char *start = timeline_date (importer, dl_import_json_member (object, "start_date"), start_path);
  g_autofree char *end = timeline_date (importer, dl_import_json_member (object, "end_date"), end_path);
  g_autofree char *headline = html_member (object, "text", "headline");
  g_autofree char *text = html_member (object, "text", "text");
  const char *group = dl_import_json_string (dl_import_json_member (object, "group"));
  const char *id = dl_import_json_string (dl_import_json_member (object, "unique_id"));

  if (object == NULL || !JSON_NODE_HOLDS_OBJECT (object))
    {
      dl_problems_warning (importer->problems, path, _("expected an object: skipped"));
      importer->n_skipped++;
      return;
    }
  if (!empty (start))
    {
      g_autofree char *edtf = !empty (end) ? g_strdup_printf ("%s/%s", start, end) : g_strdup (start);

      if (!dl_import_set_when (event, edtf) && !dl_import_set_when (event, start))
        dl_problems_warning (importer->problems, start_path, _("“%s” is not a valid date"), edtf);
    }
  if (event->when_text == NULL)
    {
      if (start == NULL)
        dl_problems_warning (importer->problems, path, _("the event has no start_date: skipped"));
      else
        dl_problems_warning (importer->problems, path, _("the event has no date that can be read: skipped"));
      importer->n_skipped++;
      return;
    }

  event->title = !empty (headline) ? g_strdup (headline) : g_strdup (_("Untitled event"));
  event->summary = !empty (text) ? g_strdup (text) : NULL;
  cite_file (importer, event, text);
  event->category = category != NULL ? g_strdup (category) : dl_importer_category (importer, group);
  dl_importer_add_event (importer, g_steal_pointer (&event), id != NULL ? id : headline);
}

gboolean
dl_import_timelinejs (DlImporter *importer,
                      JsonNode   *root)
{
  JsonNode *events = dl_import_json_member (root, "events");
  JsonNode *eras = dl_import_json_member (root, "eras");
  JsonNode *title = dl_import_json_member (root, "title");

  if (events == NULL || !JSON_NODE_HOLDS_ARRAY (events))
    {
      dl_problems_error (importer->problems, "$", _("not a TimelineJS file: it has no array of “events”"));
      return FALSE;
    }
  if (title != NULL)
    {
      importer->title = html_member (title, "text", "headline");
      importer->description = html_member (title, "text", "text");
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (events)); i++)
    {
      g_autofree char *path = dl_import_json_path (NULL, "events", (int) i);

      timeline_event (importer, json_array_get_element (json_node_get_array (events), i), path, NULL);
    }
  if (eras != NULL && JSON_NODE_HOLDS_ARRAY (eras))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (eras)); i++)
      {
        g_autofree char *path = dl_import_json_path (NULL, "eras", (int) i);

        timeline_event (importer, json_array_get_element (json_node_get_array (eras), i), path, "era");
      }
  return TRUE;
}

/* StoryMapJS */

typedef struct {
  DlEvent  *event;       /* owned until added */
  char     *path;
  char     *date_text;
  int       month, day;  /* a date without its year */
  int       year;        /* 0: none */
  gboolean  bad_location; /* a location that is not a position (warned about) */
  gboolean  has_headline;
} Slide;

static void
slide_clear (Slide *slide)
{
  g_clear_object (&slide->event);
  g_free (slide->path);
  g_free (slide->date_text);
}

static void
slide_place (DlImporter *importer,
             Slide      *slide,
             JsonNode   *location,
             const char *name)
{
  g_autofree char *path = dl_import_json_path (slide->path, "location", -1);
  JsonNode *lat_node = dl_import_json_member (location, "lat");
  JsonNode *lon_node = dl_import_json_member (location, "lon");
  double lat, lon, zoom, precision_m = DL_IMPORT_DEFAULT_PRECISION_M;

  if (location == NULL || JSON_NODE_HOLDS_NULL (location) || (lat_node == NULL && lon_node == NULL))
    return;
  if (!dl_import_json_number (lat_node, &lat) || !dl_import_json_number (lon_node, &lon)
      || lat < -90 || lat > 90 || lon < -180 || lon > 180)
    {
      dl_problems_warning (importer->problems, path,
                           _("lat and lon are not a position (numbers from −90 to 90 and −180 to 180): "
                             "the slide is on the timeline only"));
      slide->bad_location = TRUE;
      return;
    }
  /* The zoom the story shows the place at says how precise it is: about
   * 32 pixels of the map at that zoom. */
  if (dl_import_json_number (dl_import_json_member (location, "zoom"), &zoom) && zoom >= 0 && zoom <= 22)
    precision_m = CLAMP (dl_geo_metres_per_pixel (lat, zoom) * 32, 10, 20037508);
  g_ptr_array_add (slide->event->places,
                   g_object_ref (dl_importer_point_place (importer, name, lon, lat, precision_m, NULL)));
}

gboolean
dl_import_storymapjs (DlImporter *importer,
                      JsonNode   *root)
{
  JsonNode *storymap = dl_import_json_member (root, "storymap");
  JsonNode *slides = dl_import_json_member (storymap, "slides");
  g_autoptr(GArray) list = NULL;
  JsonArray *array;

  if (slides == NULL || !JSON_NODE_HOLDS_ARRAY (slides))
    {
      dl_problems_error (importer->problems, "$", _("not a StoryMapJS file: it has no array “storymap.slides”"));
      return FALSE;
    }
  array = json_node_get_array (slides);
  list = g_array_new (FALSE, TRUE, sizeof (Slide));
  g_array_set_clear_func (list, (GDestroyNotify) slide_clear);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *type = dl_import_json_string (dl_import_json_member (node, "type"));
      g_autofree char *headline = html_member (node, "text", "headline");
      g_autofree char *text = html_member (node, "text", "text");
      const char *date = dl_import_json_string (dl_import_json_member (node, "date"));
      JsonNode *location = dl_import_json_member (node, "location");
      const char *place_name = dl_import_json_string (dl_import_json_member (location, "name"));
      Slide slide = { 0 };

      if (g_strcmp0 (type, "overview") == 0)
        {
          if (importer->title == NULL && !empty (headline))
            importer->title = g_strdup (headline);
          if (importer->description == NULL && !empty (text))
            importer->description = g_strdup (text);
          continue;
        }

      slide.path = g_strdup_printf ("storymap.slides[%u]", i);
      slide.event = dl_event_new ();
      slide.event->title = !empty (headline) ? g_strdup (headline)
                           /* Translators: a slide without a headline; %u counts from 1 */
                           : g_strdup_printf (_("Slide %u"), i + 1);
      slide.event->summary = !empty (text) ? g_strdup (text) : NULL;
      cite_file (importer, slide.event, text);
      slide.event->category = g_strdup ("event");
      slide_place (importer, &slide, location, !empty (place_name) ? place_name : slide.event->title);
      slide.has_headline = !empty (headline);

      if (!empty (date))
        {
          int year, month, day;
          gboolean has_year;

          slide.date_text = g_strdup (date);
          if (!dl_import_parse_date (date, &year, &month, &day, &has_year))
            {
              g_autofree char *where = dl_import_json_path (slide.path, "date", -1);
              g_autofree char *shown = dl_json_shorten (date, 40);

              dl_problems_warning (importer->problems, where,
                                   _("“%s” is not a date: the slide is on the map only"), shown);
            }
          else if (has_year)
            {
              g_autofree char *edtf = day != 0 ? g_strdup_printf ("%04d-%02d-%02d", year, month, day)
                                      : month != 0 ? g_strdup_printf ("%04d-%02d", year, month)
                                      : g_strdup_printf ("%04d", year);

              dl_import_set_when (slide.event, edtf);
              slide.year = year;
            }
          else
            {
              slide.month = month;
              slide.day = day;
            }
        }
      g_array_append_val (list, slide);
    }

  /* Dates without a year take the nearest slide's year, before or after. */
  for (guint i = 0; i < list->len; i++)
    {
      Slide *slide = &g_array_index (list, Slide, i);
      g_autofree char *where = NULL;
      int year = 0;

      if (slide->month == 0)
        continue;
      for (guint j = i; j-- > 0 && year == 0;)
        year = g_array_index (list, Slide, j).year;
      for (guint j = i + 1; j < list->len && year == 0; j++)
        year = g_array_index (list, Slide, j).year;

      where = dl_import_json_path (slide->path, "date", -1);
      if (year == 0 || slide->day > dl_days_in_month (year, slide->month))
        dl_problems_warning (importer->problems, where,
                             _("“%s” has no year, and no other slide gives one: the slide is on the map only"),
                             slide->date_text);
      else
        {
          g_autofree char *edtf = g_strdup_printf ("%04d-%02d-%02d?", year, slide->month, slide->day);

          dl_import_set_when (slide->event, edtf);
          slide->event->when_basis = g_strdup_printf (_("“%s” in the story, without a year: %d is taken from "
                                                        "the story’s other dates"), slide->date_text, year);
          dl_problems_warning (importer->problems, where,
                               _("“%s” has no year: %d is taken from the story’s other dates, and the date "
                                 "is marked uncertain"), slide->date_text, year);
        }
    }

  importer->story = g_ptr_array_new ();
  for (guint i = 0; i < list->len; i++)
    {
      Slide *slide = &g_array_index (list, Slide, i);
      DlEvent *event;

      /* No location: the place its headline names, if the gazetteer knows
       * it (dl-import-places.c); a slide that has no date either is
       * warned about once, below. */
      if (slide->event->places->len == 0 && slide->has_headline && !slide->bad_location)
        {
          g_autofree char *where = dl_import_json_path (slide->path, "text.headline", -1);

          dl_importer_place_from_text (importer, slide->event, slide->event->title, where,
                                       slide->event->when_text != NULL);
        }
      if (slide->event->when_text == NULL && slide->event->places->len == 0)
        {
          dl_problems_warning (importer->problems, slide->path,
                               _("the slide has neither a location nor a date: skipped"));
          importer->n_skipped++;
          continue;
        }
      event = g_steal_pointer (&slide->event);
      dl_importer_add_event (importer, event, event->title);
      g_ptr_array_add (importer->story, event);
    }
  importer->story_title = g_strdup (importer->title != NULL ? importer->title : _("The story"));
  return TRUE;
}
