/* dl-import.c: opening files of other tools as Dateline datasets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-import"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-background.h"
#include "dl-file-task.h"
#include "dl-import.h"
#include "dl-import-private.h"
#include "dl-dataset-categories.h"

typedef struct {
  DlSource *source;
  GString  *text;
  guint     n_chars;
} ImportSource;

static void
import_source_free (ImportSource *s)
{
  g_object_unref (s->source);
  if (s->text != NULL)
    g_string_free (s->text, TRUE);
  g_free (s);
}

void
dl_importer_init (DlImporter   *importer,
                  const char   *name,
                  DlProblems   *problems,
                  GCancellable *cancellable)
{
  memset (importer, 0, sizeof *importer);
  importer->name = g_strdup (name);
  importer->problems = problems;
  importer->cancellable = cancellable;
  importer->place_list = g_ptr_array_new_with_free_func (g_object_unref);
  importer->event_list = g_ptr_array_new_with_free_func (g_object_unref);
  importer->topic_list = g_ptr_array_new ();
  importer->category_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  importer->pending_labels = g_ptr_array_new ();
  importer->sources = g_hash_table_new (g_str_hash, g_str_equal);
  importer->source_order = g_ptr_array_new_with_free_func ((GDestroyNotify) import_source_free);
  importer->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  importer->places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  importer->place_ids = g_hash_table_new (g_str_hash, g_str_equal);
  importer->event_ids = g_hash_table_new (g_str_hash, g_str_equal);
}

void
dl_importer_clear (DlImporter *importer)
{
  g_clear_pointer (&importer->name, g_free);
  g_clear_object (&importer->file);
  g_clear_pointer (&importer->place_list, g_ptr_array_unref);
  g_clear_pointer (&importer->event_list, g_ptr_array_unref);
  g_clear_pointer (&importer->topic_list, g_ptr_array_unref);
  g_clear_pointer (&importer->category_labels, g_hash_table_unref);
  g_clear_pointer (&importer->pending_labels, g_ptr_array_unref);
  g_clear_pointer (&importer->story, g_ptr_array_unref);
  g_clear_pointer (&importer->story_title, g_free);
  g_clear_pointer (&importer->title, g_free);
  g_clear_pointer (&importer->description, g_free);
  g_clear_pointer (&importer->sources, g_hash_table_unref);
  g_clear_pointer (&importer->source_order, g_ptr_array_unref);
  g_clear_pointer (&importer->source_ids, g_hash_table_unref);
  g_clear_pointer (&importer->places, g_hash_table_unref);
  g_clear_pointer (&importer->place_ids, g_hash_table_unref);
  g_clear_pointer (&importer->event_ids, g_hash_table_unref);
  g_clear_object (&importer->gazetteer);
}

void
dl_importer_progress (DlImporter *importer,
                      guint64     done,
                      guint64     total)
{
  if (importer->progress != NULL && total > 0)
    g_atomic_int_set (importer->progress, (gint) MIN (1000, done * 1000 / total));
}

static void add_categories (DlImporter *importer,
                            DlDataset  *dataset);

DlDataset *
dl_importer_finish (DlImporter *importer,
                    const char *title,
                    const char *description,
                    DlImportUnit unit)
{
  DlDataset *dataset;

  if (importer->n_skipped > 0)
    {
      guint skipped = importer->n_skipped, total = importer->n_skipped + importer->n_read;
      g_autofree char *text = NULL;

      /* A whole sentence for each unit, for the translators; one warning. */
      switch (unit)
        {
        case DL_IMPORT_UNIT_FEATURES:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u of %u features could not be read and was skipped",
                                               "%u of %u features could not be read and were skipped", skipped),
                                  skipped, total);
          break;
        case DL_IMPORT_UNIT_EVENTS:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u of %u events could not be read and was skipped",
                                               "%u of %u events could not be read and were skipped", skipped),
                                  skipped, total);
          break;
        case DL_IMPORT_UNIT_SLIDES:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u of %u slides could not be read and was skipped",
                                               "%u of %u slides could not be read and were skipped", skipped),
                                  skipped, total);
          break;
        case DL_IMPORT_UNIT_ROWS:
        default:
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u of %u rows could not be read and was skipped",
                                               "%u of %u rows could not be read and were skipped", skipped),
                                  skipped, total);
          break;
        }
      dl_problems_warning (importer->problems, "$", "%s", text);
    }
  if (importer->n_placed_by_name > 0)
    dl_problems_warning (importer->problems, "$",
                         g_dngettext (GETTEXT_PACKAGE,
                                      "%u event has no coordinates in the file and was placed by its place name in "
                                      "the offline gazetteer",
                                      "%u events have no coordinates in the file and were placed by their place "
                                      "names in the offline gazetteer", importer->n_placed_by_name),
                         importer->n_placed_by_name);
  if (importer->n_read == 0 && !dl_problems_has_errors (importer->problems))
    dl_problems_error (importer->problems, "$", _("nothing in the file could be read as an event"));
  if (g_cancellable_is_cancelled (importer->cancellable))
    dl_problems_error (importer->problems, "$", _("loading was cancelled"));
  if (dl_problems_has_errors (importer->problems))
    return NULL;

  /* The articles are complete now. */
  for (guint i = 0; i < importer->source_order->len; i++)
    {
      ImportSource *s = g_ptr_array_index (importer->source_order, i);
      gsize len = s->text->len;

      s->source->text = dl_text_new (g_string_free (s->text, FALSE), len);
      s->text = NULL;
    }

  dataset = dl_dataset_new_for_import (importer->file, title, description);
  dl_dataset_add_places (dataset, (DlPlace **) importer->place_list->pdata, importer->place_list->len);
  dl_dataset_add_events (dataset, (DlEvent **) importer->event_list->pdata, importer->event_list->len);
  {
    g_autoptr(GPtrArray) sources = g_ptr_array_new ();

    for (guint i = 0; i < importer->source_order->len; i++)
      g_ptr_array_add (sources, ((ImportSource *) g_ptr_array_index (importer->source_order, i))->source);
    dl_dataset_add_sources (dataset, (DlSource **) sources->pdata, sources->len);
  }
  for (guint i = 0; i < importer->topic_list->len; i += 2)
    dl_dataset_add_topic (dataset, g_ptr_array_index (importer->topic_list, i),
                          g_ptr_array_index (importer->topic_list, i + 1));
  add_categories (importer, dataset);
  if (importer->story != NULL && importer->story->len > 0)
    dl_dataset_add_narrative (dataset, "story", importer->story_title, NULL, importer->story);
  dl_dataset_finish_import (dataset);
  return dataset;
}

/* Categories */

/* Each category the file gave, but the built-in ones, gets a colour of its
 * own from the palette in the order it first appears, and the file's
 * name for it: the legend, the map and the timeline tell them apart. */
static void
add_categories (DlImporter *importer,
                DlDataset  *dataset)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint next = 0;

  for (guint i = 0; i < importer->event_list->len; i++)
    {
      const char *id = dl_event_get_category (g_ptr_array_index (importer->event_list, i));

      if (id == NULL || dl_category_id_is_builtin (id) || !dl_category_id_is_valid (id)
          || !g_hash_table_add (seen, (gpointer) id))
        continue;
      dl_dataset_add_category (dataset, dl_category_def_new (id, g_hash_table_lookup (importer->category_labels, id),
                                                             dl_category_palette_get (next++)));
    }
}

char *
dl_importer_named_category (DlImporter *importer,
                            const char *id,
                            const char *label)
{
  if (label != NULL && !g_hash_table_contains (importer->category_labels, id))
    g_hash_table_insert (importer->category_labels, g_strdup (id), g_strdup (label));
  return g_strdup (id);
}

char *
dl_importer_category (DlImporter *importer,
                      const char *text)
{
  char *id = dl_import_category (text);
  g_autofree char *label = NULL;

  if (text == NULL || g_hash_table_contains (importer->category_labels, id))
    return id;
  /* The file's words, trimmed and kept short: a label is at most a line. */
  label = g_strstrip (g_strdup (text));
  if (*label == '\0' || strlen (label) > 200 || !g_utf8_validate (label, -1, NULL))
    return id;
  g_hash_table_insert (importer->category_labels, g_strdup (id), g_steal_pointer (&label));
  return id;
}

/* Ids */

static char *
slug (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *plain = g_str_to_ascii (folded, "C");

  for (const char *p = plain; *p != '\0' && out->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

char *
dl_importer_unique_id (GHashTable *used,
                       const char *wanted,
                       const char *fallback)
{
  g_autofree char *base = wanted != NULL ? slug (wanted) : g_strdup ("");
  char *id;

  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup (fallback);
    }

  id = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (used, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

char *
dl_import_category (const char *text)
{
  char *category = text != NULL ? slug (text) : g_strdup ("");

  if (*category == '\0')
    {
      g_free (category);
      category = g_strdup ("event");
    }
  return category;
}

/* Sources: an imported source's article is what the file says it reported,
 * one paragraph per event, so that its passages can be shown and cited. */

DlSource *
dl_importer_get_source (DlImporter *importer,
                        const char *name)
{
  ImportSource *s = g_hash_table_lookup (importer->sources, name);
  DlSource *source;

  if (s != NULL)
    return s->source;

  source = dl_source_new ();
  source->id = dl_importer_unique_id (importer->source_ids, name, "source");
  source->file = g_strdup_printf ("articles/%s.txt", source->id);
  source->title = g_strdup (name);
  source->short_name = g_strdup (name);
  s = g_new0 (ImportSource, 1);
  s->source = source;
  s->text = g_string_new (NULL);
  g_ptr_array_add (importer->source_order, s);
  g_hash_table_add (importer->source_ids, source->id);
  g_hash_table_insert (importer->sources, source->title, s);

  return source;
}

void
dl_importer_add_excerpt (DlImporter *importer,
                         DlEvent    *event,
                         DlSource   *source,
                         const char *text)
{
  ImportSource *s = g_hash_table_lookup (importer->sources, source->title);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autofree char *line = NULL;
  DlExcerpt excerpt = { 0 };
  glong n_chars;

  g_return_if_fail (s != NULL);

  /* One paragraph each, its spaces and line breaks made single spaces, so
   * that a passage never runs into the next. */
  for (const char *p = text; *p != '\0';)
    {
      gsize run = strcspn (p, " \t\r\n\v\f");

      if (run > 0)
        {
          g_string_append_len (paragraph, p, run);
          p += run;
        }
      else
        {
          if (paragraph->len > 0 && paragraph->str[paragraph->len - 1] != ' ')
            g_string_append_c (paragraph, ' ');
          p++;
        }
    }
  line = g_strchomp (g_string_free (g_steal_pointer (&paragraph), FALSE));
  if (*line == '\0')
    return;
  n_chars = g_utf8_strlen (line, -1);

  if (s->text->len > 0)
    {
      g_string_append (s->text, "\n\n");
      s->n_chars += 2;
    }
  excerpt.source = source;
  excerpt.exact = g_strdup (line);
  excerpt.start = s->n_chars;
  excerpt.end = s->n_chars + (guint) n_chars;
  g_string_append (s->text, line);
  s->n_chars += (guint) n_chars;
  g_array_append_val (event->excerpt_array, excerpt);
}

/* Places */

static DlPlace *
add_place (DlImporter *importer,
           const char *name,
           DlGeometry *geometry,
           double      precision_m,
           const char *kind)
{
  DlPlace *place = dl_place_new ();

  place->id = dl_importer_unique_id (importer->place_ids, name, "place");
  place->name = g_strdup (name != NULL && *name != '\0' ? name : _("Unnamed place"));
  place->geometry = geometry;
  place->precision_m = precision_m;
  place->kind = g_strdup (kind);
  g_hash_table_add (importer->place_ids, place->id);
  g_ptr_array_add (importer->place_list, place);

  return place;
}

DlPlace *
dl_importer_point_place (DlImporter *importer,
                         const char *name,
                         double      lon,
                         double      lat,
                         double      precision_m,
                         const char *kind)
{
  char key[128];
  g_autofree char *full_key = NULL;
  DlPlace *place;
  DlLonLat position = { lon, lat };

  g_snprintf (key, sizeof key, "%.7f %.7f %.1f %s ", lon, lat, precision_m, kind != NULL ? kind : "");
  full_key = g_strconcat (key, name != NULL ? name : "", NULL);
  if ((place = g_hash_table_lookup (importer->places, full_key)) != NULL)
    return place;

  place = add_place (importer, name, dl_geometry_new_point (position), precision_m, kind);
  g_hash_table_insert (importer->places, g_steal_pointer (&full_key), place);
  return place;
}

DlPlace *
dl_importer_geometry_place (DlImporter *importer,
                            const char *name,
                            DlGeometry *geometry,
                            double      precision_m)
{
  return add_place (importer, name, geometry, precision_m, NULL);
}

/* Events */

gboolean
dl_importer_add_event (DlImporter *importer,
                       DlEvent    *event,
                       const char *wanted_id)
{
  g_autofree char *wanted = slug (wanted_id);

  event->id = dl_importer_unique_id (importer->event_ids, wanted_id, "event");
  g_hash_table_add (importer->event_ids, event->id);
  /* Each claim gets its own topic, named after the event (see add_claim). */
  for (guint i = 0; i < event->claim_array->len; i++)
    {
      DlClaim *claim = &g_array_index (event->claim_array, DlClaim, i);
      char *topic = g_strdup_printf ("%s-%s", event->id, claim->topic);

      g_free (claim->topic);
      claim->topic = topic;
      g_ptr_array_add (importer->topic_list, topic);
      g_ptr_array_add (importer->topic_list, g_ptr_array_steal_index (importer->pending_labels, 0));
    }
  g_ptr_array_add (importer->event_list, event);
  importer->n_read++;
  return *wanted == '\0' || g_str_equal (wanted, event->id);
}

gboolean
dl_import_set_when (DlEvent    *event,
                    const char *edtf)
{
  if (!dl_edtf_parse (edtf, &event->when, NULL))
    return FALSE;
  g_free (event->when_text);
  event->when_text = g_strdup (edtf);
  return TRUE;
}

gboolean
dl_importer_add_claim (DlImporter *importer,
                       DlEvent    *event,
                       const char *suffix,
                       const char *label,
                       const char *value_text,
                       double      value,
                       gboolean    numeric,
                       const char *unit)
{
  DlClaim claim = { 0 };

  /* A claim needs the passage that states it. */
  if (event->excerpt_array->len == 0)
    return FALSE;

  /* Its own topic: the figures of different events are not compared. The
   * event id is put in front when the event is added. */
  claim.topic = g_strdup (suffix);
  claim.value_text = g_strdup (value_text);
  claim.value = value;
  claim.numeric = numeric;
  claim.unit = g_strdup (unit);
  claim.excerpt = 0;
  claim.source = g_array_index (event->excerpt_array, DlExcerpt, 0).source;
  g_array_append_val (event->claim_array, claim);
  g_ptr_array_add (importer->pending_labels, (gpointer) label);
  return TRUE;
}

void
dl_importer_set_claim_range (DlEvent *event,
                             double   low,
                             double   high)
{
  DlClaim *claim;

  g_return_if_fail (event->claim_array->len > 0);
  claim = &g_array_index (event->claim_array, DlClaim, event->claim_array->len - 1);
  claim->has_range = TRUE;
  claim->low = low;
  claim->high = high;
}

/* Formats */

DlImportFormat
dl_import_detect (const char *name,
                  const char *data,
                  gsize       len)
{
  g_autofree char *lower = g_ascii_strdown (name != NULL ? name : "", -1);
  gsize n = MIN (len, 65536);
  const char *p = data;

  if (g_str_has_suffix (lower, ".dateline.json"))
    return DL_IMPORT_FORMAT_NATIVE;

  /* JSON names its kind early, whatever the file is called (a dataset
   * saved as .csv is still a dataset). */
  if (p != NULL)
    {
      if (n >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
      while (p < data + n && g_ascii_isspace (*p))
        p++;
    }
  if (p != NULL && p < data + n && (*p == '{' || *p == '['))
    {
      if (g_strstr_len (data, n, "\"dateline\"") != NULL)
        return DL_IMPORT_FORMAT_NATIVE;
      if (g_strstr_len (data, n, "\"storymap\"") != NULL)
        return DL_IMPORT_FORMAT_STORYMAPJS;
      if (g_strstr_len (data, n, "\"FeatureCollection\"") != NULL || g_str_has_suffix (lower, ".geojson"))
        return DL_IMPORT_FORMAT_GEOJSON;
      if (g_strstr_len (data, n, "\"start_date\"") != NULL)
        return DL_IMPORT_FORMAT_TIMELINEJS;
      return DL_IMPORT_FORMAT_NATIVE;
    }

  if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv"))
    return DL_IMPORT_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".geojson"))
    return DL_IMPORT_FORMAT_GEOJSON;
  if (p != NULL && p < data + n && memchr (p, ',', MIN ((gsize) (data + n - p), 4096)) != NULL)
    return DL_IMPORT_FORMAT_CSV;
  return DL_IMPORT_FORMAT_NATIVE;
}

static char *
title_from_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static DlDataset *
import_data (GFile        *file,
             const char   *name,
             const char   *data,
             gsize         len,
             DlProblems   *problems,
             GCancellable *cancellable,
             gint         *progress,
             const DlImportMapping *mapping)
{
  DlImportFormat format = dl_import_detect (name, data, len);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  DlImporter importer;
  DlDataset *dataset = NULL;
  DlImportUnit what = DL_IMPORT_UNIT_ROWS;
  JsonNode *root = NULL;

  if (format == DL_IMPORT_FORMAT_NATIVE)
    {
      g_autofree char *dir = g_path_get_dirname (name);

      return dl_dataset_load_from_data (data, len, dir, problems);
    }

  dl_importer_init (&importer, name, problems, cancellable);
  importer.file = file != NULL ? g_object_ref (file) : NULL;
  importer.progress = progress;
  importer.mapping = mapping;

  if (format != DL_IMPORT_FORMAT_CSV)
    {
      if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        data += 3, len -= 3;
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, data, (gssize) len, &error))
        {
          dl_problems_error (problems, "$", _("not valid JSON: %s"), error->message);
          dl_importer_clear (&importer);
          return NULL;
        }
      root = json_parser_get_root (parser);
    }

  switch (format)
    {
    case DL_IMPORT_FORMAT_CSV:
      dl_import_csv (&importer, data, len);
      break;
    case DL_IMPORT_FORMAT_GEOJSON:
      what = DL_IMPORT_UNIT_FEATURES;
      dl_import_geojson (&importer, root);
      break;
    case DL_IMPORT_FORMAT_TIMELINEJS:
      what = DL_IMPORT_UNIT_EVENTS;
      dl_import_timelinejs (&importer, root);
      break;
    case DL_IMPORT_FORMAT_STORYMAPJS:
      what = DL_IMPORT_UNIT_SLIDES;
      dl_import_storymapjs (&importer, root);
      break;
    case DL_IMPORT_FORMAT_NATIVE:
    default:
      g_assert_not_reached ();
    }

  if (importer.title == NULL || *importer.title == '\0')
    {
      g_free (importer.title);
      importer.title = title_from_name (name);
    }
  if (importer.description == NULL)
    {
      g_autofree char *base = g_path_get_basename (name);

      /* Translators: the description of a dataset opened from another format */
      importer.description = g_strdup_printf (_("Imported from %s."), base);
    }
  dataset = dl_importer_finish (&importer, importer.title, importer.description, what);
  dl_importer_clear (&importer);
  return dataset;
}

DlDataset *
dl_import_load_data (const char   *name,
                     const char   *data,
                     gsize         len,
                     DlProblems   *problems,
                     GCancellable *cancellable)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return import_data (NULL, name, data != NULL ? data : "", len, problems, cancellable, NULL, NULL);
}

DlDataset *
dl_import_load_data_with_mapping (const char            *name,
                                  const char            *data,
                                  gsize                  len,
                                  const DlImportMapping *mapping,
                                  DlProblems            *problems,
                                  GCancellable          *cancellable)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return import_data (NULL, name, data != NULL ? data : "", len, problems, cancellable, NULL, mapping);
}

static DlDataset *
load_file (GFile                 *file,
           DlProblems            *problems,
           GCancellable          *cancellable,
           gint                  *progress,
           const DlImportMapping *mapping)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) error = NULL;
  char head[4096];
  gsize head_len = 0;

  /* A native dataset by its name, or by its first bytes: the loader's own
   * way, which maps the file and reads it in pieces. */
  if (!g_str_has_suffix (name, ".dateline.json"))
    {
      g_autoptr(GFileInputStream) in = path != NULL ? g_file_read (file, cancellable, NULL) : NULL;

      if (in != NULL)
        g_input_stream_read_all (G_INPUT_STREAM (in), head, sizeof head, &head_len, cancellable, NULL);
    }
  if (path == NULL || dl_import_detect (name, head_len > 0 ? head : NULL, head_len) == DL_IMPORT_FORMAT_NATIVE)
    return dl_dataset_load_with_progress (file, problems, cancellable, progress);

  if (path == NULL || (mapped = g_mapped_file_new (path, FALSE, &error)) == NULL)
    {
      if (error == NULL)
        dl_problems_error (problems, "$", _("cannot read the file: not a local file"));
      else
        dl_problems_error (problems, "$", _("cannot read the file: %s"), error->message);
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) > DL_DATASET_MAX_SIZE)
    {
      g_autofree char *max = g_format_size (DL_DATASET_MAX_SIZE);

      dl_problems_error (problems, "$", _("the file is too large (at most %s)"), max);
      return NULL;
    }

  return import_data (file, path,
                      g_mapped_file_get_contents (mapped) != NULL ? g_mapped_file_get_contents (mapped) : "",
                      g_mapped_file_get_length (mapped), problems, cancellable, progress, mapping);
}

DlDataset *
dl_import_load (GFile        *file,
                DlProblems   *problems,
                GCancellable *cancellable)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return load_file (file, problems, cancellable, NULL, NULL);
}

DlDataset *
dl_import_load_full (GFile                 *file,
                     const DlImportMapping *mapping,
                     DlProblems            *problems,
                     GCancellable          *cancellable)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return load_file (file, problems, cancellable, NULL, mapping);
}

/* Progress of a load in a thread, read by a timeout in the caller's
 * context. */
typedef struct {
  gint                  permille;     /* atomic; -1 until something is known */
  DlImportProgressFunc  func;
  gpointer              data;
  GDestroyNotify        destroy;
  GSource              *poll;
  GAsyncReadyCallback   callback;
  gpointer              user_data;
} Progress;

static void
progress_free (Progress *progress)
{
  if (progress->poll != NULL)
    {
      g_source_destroy (progress->poll);
      g_source_unref (progress->poll);
    }
  g_free (progress);
}

static gboolean
progress_poll (gpointer data)
{
  Progress *progress = data;
  gint permille = g_atomic_int_get (&progress->permille);

  progress->func (permille < 0 ? -1.0 : permille / 1000.0, progress->data);
  return G_SOURCE_CONTINUE;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  Progress *progress = g_object_get_data (G_OBJECT (task), "progress");
  DlProblems *problems = dl_problems_new ();
  DlImportMapping *mapping = g_object_get_data (G_OBJECT (task), "mapping");
  DlDataset *dataset;

  dl_background_enter ();
  dataset = load_file (file, problems, cancellable, progress != NULL ? &progress->permille : NULL,
                                  mapping);

  dl_dataset_return_loaded (task, dataset, problems, cancellable);
}

/* The load is over: no more progress, then the caller's callback. */
static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Progress *progress = g_object_get_data (G_OBJECT (result), "progress");

  g_source_destroy (progress->poll);
  /* Here, in the caller's context, not wherever the task is freed. */
  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  progress->destroy = NULL;
  progress->callback (object, result, progress->user_data);
}

void
dl_import_load_async (GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  dl_file_task_run (file, cancellable, callback, user_data, dl_import_load_async, load_thread);
}

void
dl_import_load_async_with_progress (GFile                *file,
                                    GCancellable         *cancellable,
                                    DlImportProgressFunc  progress_func,
                                    gpointer              progress_data,
                                    GDestroyNotify        progress_destroy,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  dl_import_load_async_full (file, NULL, cancellable, progress_func, progress_data, progress_destroy,
                             callback, user_data);
}

void
dl_import_load_async_full (GFile                 *file,
                           const DlImportMapping *mapping,
                           GCancellable          *cancellable,
                           DlImportProgressFunc   progress_func,
                           gpointer               progress_data,
                           GDestroyNotify         progress_destroy,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  Progress *progress;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (progress_func != NULL);

  progress = g_new0 (Progress, 1);
  progress->permille = -1;
  progress->func = progress_func;
  progress->data = progress_data;
  progress->destroy = progress_destroy;
  progress->callback = callback;
  progress->user_data = user_data;
  progress->poll = g_timeout_source_new (100);
  g_source_set_callback (progress->poll, progress_poll, progress, NULL);
  g_source_attach (progress->poll, g_main_context_get_thread_default ());

  task = g_task_new (NULL, cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, dl_import_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "progress", progress, (GDestroyNotify) progress_free);
  if (mapping != NULL)
    g_object_set_data_full (G_OBJECT (task), "mapping", dl_import_mapping_copy (mapping),
                            (GDestroyNotify) dl_import_mapping_free);
  g_task_run_in_thread (task, load_thread);
}

DlDataset *
dl_import_load_finish (GAsyncResult  *result,
                       DlProblems   **problems,
                       GError       **error)
{
  /* The thread returned through dl_dataset_return_loaded(). */
  return dl_dataset_load_finish (result, problems, error);
}

/* JSON helpers */

JsonNode *
dl_import_json_member (JsonNode   *object,
                       const char *name)
{
  JsonObject *o;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (object == NULL || !JSON_NODE_HOLDS_OBJECT (object))
    return NULL;
  o = json_node_get_object (object);
  if ((node = json_object_get_member (o, name)) != NULL)
    return node;
  json_object_iter_init (&iter, o);
  while (json_object_iter_next (&iter, &member, &node))
    if (g_ascii_strcasecmp (member, name) == 0)
      return node;
  return NULL;
}

const char *
dl_import_json_string (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
dl_import_json_number (JsonNode *node,
                       double   *value)
{
  const char *text;
  char *end;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      *value = json_node_get_double (node);
      return isfinite (*value);
    }
  if ((text = dl_import_json_string (node)) == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  *value = g_ascii_strtod (text, &end);
  while (g_ascii_isspace (*end))
    end++;
  return end != text && *end == '\0' && isfinite (*value);
}

char *
dl_import_json_path (const char *path,
                     const char *member,
                     int         index)
{
  if (index < 0)
    return path != NULL && *path != '\0' ? g_strdup_printf ("%s.%s", path, member) : g_strdup (member);
  return path != NULL && *path != '\0' ? g_strdup_printf ("%s.%s[%d]", path, member, index)
                                       : g_strdup_printf ("%s[%d]", member, index);
}
