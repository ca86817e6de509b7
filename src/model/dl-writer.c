/* dl-writer.c: the dataset in Dateline's own format (.dateline.json)
 *
 * Written by hand rather than with JsonGenerator, for a diff-friendly file:
 * members always in the documented order, positions on one line, numbers
 * in their shortest form that reads back exactly (JsonGenerator writes
 * 0.1 as 0.10000000000000001), and only what the model holds, read through
 * the public API. The layout is that of Python's json.dumps (indent=2,
 * ensure_ascii=False) with positions inline, so the bundled dataset, which
 * tools/build-gaza-dataset.py writes that way, is already in this form;
 * DlJsonWriter's dateline style writes it (dl-json-writer.h), this file
 * says what goes where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-writer"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "dl-atomic-file.h"
#include "dl-claims.h"
#include "dl-writer.h"
#include "dl-dataset-build.h"
#include "dl-dataset-categories.h"
#include "dl-json-writer.h"

G_DEFINE_QUARK (dl-writer-error-quark, dl_writer_error)

/* Members without a value are left out. */
static void
string_member (DlJsonWriter *w,
               const char   *name,
               const char   *value)
{
  if (value != NULL)
    dl_json_writer_string (w, name, value);
}

/* A writer of this format's layout into a new string, at @depth; @first:
 * nothing written yet in the innermost container. */
/* Writes element @i of @owner's list (an event's excerpts, a dataset's
 * narratives…). */
typedef void (*WriteElement) (DlJsonWriter *w,
                              gpointer      owner,
                              guint         i);

/* A list of @n elements as an array member, or nothing when it is empty:
 * the native format leaves empty lists out. */
static void
array_member (DlJsonWriter *w,
              const char   *name,
              guint         n,
              WriteElement  write,
              gpointer      owner)
{
  if (n == 0)
    return;

  dl_json_writer_item (w, name);
  dl_json_writer_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      dl_json_writer_item (w, NULL);
      write (w, owner, i);
    }
  dl_json_writer_close (w, ']');
}

static DlJsonWriter
writer_new (gsize    size,
            guint    depth,
            gboolean first)
{
  DlJsonWriter w;

  dl_json_writer_init (&w, g_string_sized_new (size), DL_JSON_STYLE_DATELINE, depth);
  w.first = first;
  return w;
}

/* ------------------------------------------------------------- objects */

static void
write_source (DlJsonWriter *w,
              DlSource     *source)
{
  dl_json_writer_open (w, '{');
  string_member (w, "id", dl_source_get_id (source));
  string_member (w, "file", dl_source_get_file (source));
  string_member (w, "title", dl_source_get_title (source));
  string_member (w, "published", dl_source_get_published_text (source));
  string_member (w, "published_basis", dl_source_get_published_basis (source));
  string_member (w, "url", dl_source_get_url (source));
  /* The short name falls back to the title: write only one the file gave. */
  if (dl_source_get_short_name (source) != dl_source_get_title (source))
    string_member (w, "short", dl_source_get_short_name (source));
  dl_json_writer_close (w, '}');
}

static void
write_place (DlJsonWriter *w,
             DlPlace      *place)
{
  g_auto(GStrv) languages = dl_place_dup_languages (place);

  dl_json_writer_open (w, '{');
  string_member (w, "id", dl_place_get_id (place));
  string_member (w, "name", dl_place_get_name (place));
  if (languages[0] != NULL)
    {
      dl_json_writer_item (w, "names");
      dl_json_writer_open (w, '{');
      for (guint i = 0; languages[i] != NULL; i++)
        string_member (w, languages[i], dl_place_get_name_for (place, languages[i]));
      dl_json_writer_close (w, '}');
    }
  dl_json_writer_item (w, "geometry");
  dl_json_writer_put_geometry (w, dl_place_get_geometry (place));
  dl_json_writer_number (w, "precision_m", dl_place_get_precision_m (place));
  string_member (w, "kind", dl_place_get_kind (place));
  string_member (w, "note", dl_place_get_note (place));
  dl_json_writer_close (w, '}');
}

static void
write_excerpt (DlJsonWriter *w,
               gpointer      event,
               guint         i)
{
  const DlExcerpt *excerpt = dl_event_get_excerpt (event, i);

  dl_json_writer_open (w, '{');
  string_member (w, "source", dl_source_get_id (excerpt->source));
  string_member (w, "exact", excerpt->exact);
  string_member (w, "prefix", excerpt->prefix);
  string_member (w, "suffix", excerpt->suffix);
  dl_json_writer_number (w, "start", excerpt->start);
  dl_json_writer_number (w, "end", excerpt->end);
  dl_json_writer_close (w, '}');
}

static void
write_claim (DlJsonWriter *w,
             gpointer      event,
             guint         i)
{
  const DlClaim *claim = dl_event_get_claim (event, i);

  dl_json_writer_open (w, '{');
  string_member (w, "topic", claim->topic);
  if (claim->numeric)
    dl_json_writer_number (w, "value", claim->value);
  else
    string_member (w, "value", claim->value_text);
  if (claim->has_range)
    {
      dl_json_writer_number (w, "low", claim->low);
      dl_json_writer_number (w, "high", claim->high);
    }
  string_member (w, "qualifier", claim->qualifier);
  string_member (w, "unit", claim->unit);
  dl_json_writer_number (w, "excerpt", claim->excerpt);
  dl_json_writer_close (w, '}');
}

static void
write_place_id (DlJsonWriter *w,
                gpointer      event,
                guint         i)
{
  dl_json_writer_put_string (w, dl_place_get_id (dl_event_get_place (event, i)));
}

static void
write_event (DlJsonWriter *w,
             DlEvent      *event)
{
  guint n_places = dl_event_get_n_places (event);

  dl_json_writer_open (w, '{');
  string_member (w, "id", dl_event_get_id (event));
  string_member (w, "title", dl_event_get_title (event));
  string_member (w, "category", dl_event_get_category (event));
  string_member (w, "when", dl_event_get_when_text (event));
  string_member (w, "when_basis", dl_event_get_when_basis (event));
  /* One place as "place", several as "places": the same to the loader. */
  if (n_places == 1)
    string_member (w, "place", dl_place_get_id (dl_event_get_place (event, 0)));
  else
    array_member (w, "places", n_places, write_place_id, event);
  if (dl_event_get_place_role (event) == DL_PLACE_ROLE_CONCERNS)
    string_member (w, "place_role", "concerns");
  string_member (w, "summary", dl_event_get_summary (event));
  array_member (w, "excerpts", dl_event_get_n_excerpts (event), write_excerpt, event);
  array_member (w, "claims", dl_event_get_n_claims (event), write_claim, event);
  dl_json_writer_close (w, '}');
}

static void
write_narrative (DlJsonWriter *w,
                 gpointer      dataset,
                 guint         index)
{
  const DlNarrative *narrative = dl_dataset_get_narrative (dataset, index);

  dl_json_writer_open (w, '{');
  string_member (w, "id", narrative->id);
  string_member (w, "title", narrative->title);
  string_member (w, "description", narrative->description);
  dl_json_writer_item (w, "steps");
  dl_json_writer_open (w, '[');
  for (guint i = 0; i < narrative->steps->len; i++)
    {
      const DlNarrativeStep *step = &g_array_index (narrative->steps, DlNarrativeStep, i);

      dl_json_writer_item (w, NULL);
      dl_json_writer_open (w, '{');
      /* A step whose event failed to load cannot be in a loaded dataset. */
      if (step->event != NULL)
        string_member (w, "event", dl_event_get_id (step->event));
      string_member (w, "caption", step->caption);
      dl_json_writer_close (w, '}');
    }
  dl_json_writer_close (w, ']');
  dl_json_writer_close (w, '}');
}

static void
write_item (DlJsonWriter *w,
            GObject      *item)
{
  if (DL_IS_SOURCE (item))
    write_source (w, DL_SOURCE (item));
  else if (DL_IS_PLACE (item))
    write_place (w, DL_PLACE (item));
  else
    write_event (w, DL_EVENT (item));
}

static void
write_list (DlJsonWriter *w,
            const char   *name,
            GListModel   *list)
{
  guint n = g_list_model_get_n_items (list);

  dl_json_writer_item (w, name);
  dl_json_writer_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      dl_json_writer_item (w, NULL);
      write_item (w, item);
    }
  dl_json_writer_close (w, ']');
}

/* The labels of the claim topics (dl-claims.h), in topic order. */
static void
write_topics (DlJsonWriter *w,
              DlDataset    *dataset)
{
  g_auto(GStrv) ids = dl_dataset_dup_topics (dataset);
  gboolean open = FALSE;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const DlTopic *topic = dl_dataset_lookup_topic (dataset, ids[i]);

      if (topic == NULL)
        continue;
      if (!open)
        {
          dl_json_writer_item (w, "topics");
          dl_json_writer_open (w, '{');
          open = TRUE;
        }
      dl_json_writer_item (w, topic->id);
      dl_json_writer_open (w, '{');
      string_member (w, "label", topic->label);
      string_member (w, "total", topic->total);
      dl_json_writer_close (w, '}');
    }
  if (open)
    dl_json_writer_close (w, '}');
}

/* The dataset's own categories, in its order; nothing when it has none,
 * so files without them are written as before. */
static void
write_categories (DlJsonWriter *w,
                  DlDataset    *dataset)
{
  guint n = dl_dataset_get_n_categories (dataset);

  if (n == 0)
    return;
  dl_json_writer_item (w, DL_CATEGORIES_ROOT_MEMBER);
  dl_json_writer_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      const DlCategoryDef *def = dl_dataset_get_category (dataset, i);
      char color[8];

      dl_category_color_format (def->color, color);
      dl_json_writer_item (w, NULL);
      dl_json_writer_open (w, '{');
      dl_json_writer_string (w, "id", def->id);
      string_member (w, "label", def->label);
      dl_json_writer_string (w, "color", color);
      dl_json_writer_close (w, '}');
    }
  dl_json_writer_close (w, ']');
}

/* Everything before the lists: the format version, title, description,
 * topics and categories. */
static void
write_head (DlJsonWriter *w,
            DlDataset    *dataset)
{
  dl_json_writer_open (w, '{');
  dl_json_writer_number (w, "dateline", DL_DATASET_FORMAT_VERSION);
  string_member (w, "title", dl_dataset_get_title (dataset));
  string_member (w, "description", dl_dataset_get_description (dataset));
  write_topics (w, dataset);
  write_categories (w, dataset);
}

/* Everything after the lists: the narratives, the end. */
static void
write_tail (DlJsonWriter *w,
            DlDataset    *dataset)
{
  array_member (w, "narratives", dl_dataset_get_n_narratives (dataset), write_narrative, dataset);
  dl_json_writer_close (w, '}');
  g_string_append_c (w->out, '\n');
}

static const char * const list_names[] = { "sources", "places", "events" };

static GListModel *
get_list (DlDataset *dataset,
          guint      list)
{
  switch (list)
    {
    case 0: return dl_dataset_get_sources (dataset);
    case 1: return dl_dataset_get_places (dataset);
    default: return dl_dataset_get_events (dataset);
    }
}

/* ---------------------------------------------------------- public API */

char *
dl_writer_to_data (DlDataset *dataset,
                   gsize     *length)
{
  DlJsonWriter w = writer_new (64 * 1024, 0, TRUE);

  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);

  write_head (&w, dataset);
  for (guint list = 0; list < G_N_ELEMENTS (list_names); list++)
    write_list (&w, list_names[list], get_list (dataset, list));
  write_tail (&w, dataset);

  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/* ------------------------------------------------------------ snapshots
 *
 * An autosave or a check must not write a large dataset on the main loop
 * (478 ms at 100,000 events), and the dataset is not to be read from
 * another thread while edits change it. So each item's text (at the depth
 * it has in the file) is kept on the item once written, and the edit
 * stack forgets it when the item changes (dl_writer_forget()); a
 * snapshot gathers, on the main loop and a slice at a time, references to
 * those texts and the few framing strings between them, and any thread
 * joins them. The text of an item is written by write_item() at depth 2,
 * as write_list() writes it, and the framing by the same functions, so
 * the joined bytes are dl_writer_to_data()'s. */

typedef struct
{
  const char *data;
  gsize       len;
} Span;

struct _DlWriterSnapshot
{
  DlDataset *dataset;
  GPtrArray *only_events;  /* of DlEvent: the events to write, or NULL: all */
  GArray    *spans;        /* of Span, in order */
  GPtrArray *owned;        /* of GBytes: what the spans point into */
  gsize      total;
  guint      list;         /* the list being gathered; 3: done */
  guint      index;        /* its next item */
  guint      n_written;    /* items written (not found on the item) */
};

static GQuark
text_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("dl-writer-text");
  return quark;
}

static void
add_span (DlWriterSnapshot *self,
          const char       *data,
          gsize             len)
{
  Span span = { data, len };

  g_array_append_val (self->spans, span);
  self->total += len;
}

static void
add_bytes (DlWriterSnapshot *self,
           GBytes           *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  g_ptr_array_add (self->owned, bytes);
  add_span (self, data, len);
}

/* Takes @out's text as the next piece. */
static void
add_string (DlWriterSnapshot *self,
            GString          *out)
{
  add_bytes (self, g_string_free_to_bytes (out));
}

static GBytes *
item_text (DlWriterSnapshot *self,
           GObject          *item)
{
  GBytes *text = g_object_get_qdata (item, text_quark ());
  DlJsonWriter w;

  if (text != NULL)
    return g_bytes_ref (text);

  w = writer_new (512, 2, TRUE);
  write_item (&w, item);
  text = g_string_free_to_bytes (w.out);
  g_object_set_qdata_full (item, text_quark (), g_bytes_ref (text), (GDestroyNotify) g_bytes_unref);
  self->n_written++;
  return text;
}

DlWriterSnapshot *
dl_writer_snapshot_new (DlDataset *dataset,
                        GPtrArray *only_events)
{
  DlWriterSnapshot *self;
  DlJsonWriter w = writer_new (0, 0, TRUE);
  guint n_items;

  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);

  self = g_new0 (DlWriterSnapshot, 1);
  self->dataset = g_object_ref (dataset);
  self->only_events = only_events != NULL ? g_ptr_array_ref (only_events) : NULL;
  /* Sized once: growing arrays of a million pieces is a copy of tens of
   * megabytes in one turn of the main loop. */
  n_items = g_list_model_get_n_items (dl_dataset_get_sources (dataset))
            + g_list_model_get_n_items (dl_dataset_get_places (dataset))
            + (only_events != NULL ? only_events->len
                                   : g_list_model_get_n_items (dl_dataset_get_events (dataset)));
  self->spans = g_array_sized_new (FALSE, FALSE, sizeof (Span), 2 * n_items + 16);
  self->owned = g_ptr_array_new_full (n_items + 16, (GDestroyNotify) g_bytes_unref);

  write_head (&w, dataset);
  add_string (self, w.out);
  return self;
}

static guint
list_length (DlWriterSnapshot *self)
{
  if (self->list == 2 && self->only_events != NULL)
    return self->only_events->len;
  return g_list_model_get_n_items (get_list (self->dataset, self->list));
}

/* Opens list @self->list: its member name and bracket. */
static void
open_list (DlWriterSnapshot *self)
{
  DlJsonWriter w = writer_new (0, 1, FALSE);

  dl_json_writer_item (&w, list_names[self->list]);
  dl_json_writer_open (&w, '[');
  add_string (self, w.out);
}

/* Closes it: what close_container() writes after items or none. */
static void
close_list (DlWriterSnapshot *self,
            gboolean          empty)
{
  add_span (self, empty ? "]" : "\n  ]", empty ? 1 : 4);
}

gboolean
dl_writer_snapshot_step (DlWriterSnapshot *self,
                         gint64            budget_us)
{
  gint64 deadline = budget_us < 0 ? G_MAXINT64 : g_get_monotonic_time () + budget_us;
  guint n_this_step = 0;

  g_return_val_if_fail (self != NULL, TRUE);

  while (self->list < G_N_ELEMENTS (list_names))
    {
      GListModel *model = get_list (self->dataset, self->list);
      guint n = list_length (self);

      if (self->index == 0)
        open_list (self);
      for (; self->index < n; self->index++)
        {
          GObject *item;
          GBytes *text;

          /* The clock is read now and then: it costs more than a text found. */
          if ((++n_this_step & 63) == 0 && g_get_monotonic_time () >= deadline)
            return FALSE;

          if (self->list == 2 && self->only_events != NULL)
            item = g_object_ref (g_ptr_array_index (self->only_events, self->index));
          else
            item = g_list_model_get_item (model, self->index);
          text = item_text (self, item);
          g_object_unref (item);
          /* next_item() at depth 2 */
          if (self->index == 0)
            add_span (self, "\n    ", 5);
          else
            add_span (self, ",\n    ", 6);
          add_bytes (self, text);
        }
      close_list (self, n == 0);
      self->list++;
      self->index = 0;
      if (self->list == G_N_ELEMENTS (list_names))
        {
          DlJsonWriter w = writer_new (0, 1, FALSE);

          write_tail (&w, self->dataset);
          add_string (self, w.out);
        }
    }

  return TRUE;
}

gboolean
dl_writer_snapshot_is_complete (DlWriterSnapshot *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->list >= G_N_ELEMENTS (list_names);
}

guint
dl_writer_snapshot_get_n_written (DlWriterSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_written;
}

/* No dataset, only texts: what another thread may hold. */
void
dl_writer_snapshot_detach (DlWriterSnapshot *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (dl_writer_snapshot_is_complete (self));
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->only_events, g_ptr_array_unref);
}

char *
dl_writer_snapshot_join (DlWriterSnapshot *self,
                         gsize            *length)
{
  char *data, *p;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->list >= G_N_ELEMENTS (list_names), NULL);

  p = data = g_malloc (self->total + 1);
  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      memcpy (p, span->data, span->len);
      p += span->len;
    }
  *p = '\0';
  if (length != NULL)
    *length = self->total;
  return data;
}

void
dl_writer_snapshot_free (DlWriterSnapshot *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->only_events, g_ptr_array_unref);
  g_array_unref (self->spans);
  g_ptr_array_unref (self->owned);
  g_free (self);
}

void
dl_writer_forget (GObject *item)
{
  g_return_if_fail (G_IS_OBJECT (item));
  g_object_set_qdata (item, text_quark (), NULL);
}

gboolean
dl_writer_copy_articles (DlDataset   *dataset,
                         const char  *to_dir,
                         GError     **error)
{
  GListModel *sources = dl_dataset_get_sources (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      const DlText *text = dl_source_get_text (source);
      g_autofree char *relative = g_strdelimit (g_strdup (dl_source_get_file (source)), "\\", '/');
      g_autofree char *target = g_build_filename (to_dir, relative, NULL);
      g_autofree char *target_dir = g_path_get_dirname (target);
      g_autofree char *existing = NULL;
      gsize existing_len = 0;

      if (g_file_get_contents (target, &existing, &existing_len, NULL))
        {
          if (existing_len == dl_text_get_size (text) &&
              memcmp (existing, dl_text_get_data (text), existing_len) == 0)
            continue;
          g_set_error (error, DL_WRITER_ERROR, DL_WRITER_ERROR_ARTICLE,
                       _("%s already exists and is not the article “%s”: it is not replaced"),
                       target, dl_source_get_id (source));
          return FALSE;
        }

      if (g_mkdir_with_parents (target_dir, 0755) != 0 ||
          !g_file_set_contents_full (target, dl_text_get_data (text), (gssize) dl_text_get_size (text),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, DL_WRITER_ERROR, DL_WRITER_ERROR_ARTICLE,
                         _("The folder %s cannot be made"), target_dir);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
dl_writer_write_file (DlDataset   *dataset,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *from_dir = NULL;
  g_autofree char *to_dir = NULL;
  char *from_real = NULL;
  char *to_real = NULL;
  gboolean copied = TRUE;
  GFile *file;
  gsize len = 0;

  g_return_val_if_fail (DL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = dl_writer_to_data (dataset, &len);

  /* What is written must load, and hold what the dataset holds: loaded
   * against the articles where they are now, it writes the same bytes. */
  file = dl_dataset_get_file (dataset);
  to_dir = g_path_get_dirname (path);
  if (dl_dataset_is_imported (dataset))
    {
      /* An imported dataset's articles exist only in memory (the notes of
       * a CSV, say): they are written beside the new file first, and what
       * is written is checked against them there. */
      if (!dl_writer_copy_articles (dataset, to_dir, error))
        return FALSE;
      from_dir = g_strdup (to_dir);
    }
  else if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      from_dir = parent != NULL ? g_file_get_path (parent) : NULL;
    }
  if (!dl_writer_check_data (data, len, from_dir, path, error))
    return FALSE;

  /* Saved elsewhere, it takes its articles along. */
  from_real = from_dir != NULL ? realpath (from_dir, NULL) : NULL;
  to_real = realpath (to_dir, NULL);
  if (from_real != NULL && (to_real == NULL || !g_str_equal (from_real, to_real)))
    copied = dl_writer_copy_articles (dataset, to_dir, error);
  free (from_real);
  free (to_real);
  if (!copied)
    return FALSE;

  /* Complete or not at all, keeping the old file's mode and link. */
  return dl_write_file_atomically (path, data, len, error);
}

gboolean
dl_writer_check_data (const char  *data,
                      gsize        len,
                      const char  *from_dir,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) reloaded = NULL;
  g_autofree char *again = NULL;
  gsize again_len = 0;

  reloaded = dl_dataset_load_from_data (data, len, from_dir, problems);
  if (reloaded != NULL)
    again = dl_writer_to_data (reloaded, &again_len);
  if (reloaded == NULL || again_len != len || memcmp (again, data, len) != 0)
    {
      g_autofree char *report = dl_problems_to_string (problems, path);

      g_set_error (error, DL_WRITER_ERROR, DL_WRITER_ERROR_INVALID,
                   _("%s was not written: it would not load back as the same dataset\n%s"),
                   path, report);
      return FALSE;
    }

  return TRUE;
}
