/* dl-dataset.c: a Dateline dataset: load, validate, own the lists
 *
 * The object, its public API, and a load from start to end: the text is
 * checked as JSON first (syntax errors and faults), then each list is read
 * by its own file (see dl-dataset-load-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dl-file-task.h"
#include "dl-claims.h"
#include "dl-dataset.h"
#include "dl-dataset-load-private.h"
#include "dl-dataset-words.h"
#include "dl-dataset-categories.h"
#include "dl-dataset-private.h"
#include "dl-stats.h"

G_DEFINE_FINAL_TYPE (DlDataset, dl_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (dl-dataset-error-quark, dl_dataset_error)

/* Loading */

/* The claims of the events [start, end) of the time order, topic by topic. */
typedef struct {
  GPtrArray  *events;
  guint       start;
  guint       end;
  GHashTable *claims;   /* topic → GArray of DlClaimRef */
} ClaimsPart;

static gpointer
index_claims_part (gpointer data)
{
  ClaimsPart *part = data;
  GPtrArray *events = part->events;
  guint n = part->end;

  for (guint i = part->start; i < n; i++)
    {
      DlEvent *event = g_ptr_array_index (events, i);
      guint n_claims;
      const DlClaim *claims = dl_event_peek_claims (event, &n_claims);

      /* In time order the events lie anywhere in memory: ask for the
       * next ones' event and claims a few steps ahead, or a million
       * events wait for memory twice each. */
      if (i + 8 < n)
        __builtin_prefetch (g_ptr_array_index (events, i + 8));
      if (i + 4 < n)
        {
          guint n_ahead;

          __builtin_prefetch (dl_event_peek_claims (g_ptr_array_index (events, i + 4), &n_ahead));
        }

      for (guint j = 0; j < n_claims; j++)
        {
          const DlClaim *claim = &claims[j];
          DlClaimRef ref = { event, claim };
          GArray *refs = g_hash_table_lookup (part->claims, claim->topic);

          if (refs == NULL)
            {
              refs = g_array_new (FALSE, FALSE, sizeof (DlClaimRef));
              /* The index owns its topics: an edit frees claims, and
               * dl-dataset-edit.c keeps the index right without building
               * it again. */
              g_hash_table_insert (part->claims, g_strdup (claim->topic), refs);
            }
          g_array_append_val (refs, ref);
        }
    }

  return NULL;
}

void
dl_dataset_index_claims (DlDataset *self)
{
  guint n = self->events_by_time->len;
  ClaimsPart first = { self->events_by_time, 0, n, self->claims };
  ClaimsPart second = { self->events_by_time, n, n, NULL };
  GThread *thread = NULL;
  GHashTableIter iter;
  gpointer topic;
  gpointer refs;

  /* A million events: the later half of the time order indexed in a
   * thread of its own, then each topic's claims put after the earlier
   * half's, so each list is in time order as one pass gives it. */
  if (n >= 20000)
    {
      first.end = second.start = n / 2;
      second.claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
      thread = g_thread_try_new ("dl-claims", index_claims_part, &second, NULL);
      if (thread == NULL)
        first.end = n;
    }
  index_claims_part (&first);
  if (thread == NULL)
    {
      g_clear_pointer (&second.claims, g_hash_table_unref);
      return;
    }
  g_thread_join (thread);

  g_hash_table_iter_init (&iter, second.claims);
  while (g_hash_table_iter_next (&iter, &topic, &refs))
    {
      GArray *earlier = g_hash_table_lookup (self->claims, topic);

      if (earlier != NULL)
        g_array_append_vals (earlier, ((GArray *) refs)->data, ((GArray *) refs)->len);
      else
        {
          g_hash_table_insert (self->claims, topic, refs);
          g_hash_table_iter_steal (&iter);
        }
    }
  g_hash_table_unref (second.claims);
}

/* Where json-glib says "<data>:3:14: Parse error: …", say "3:14". */
static void
report_syntax_error (DlProblems *problems,
                     GError     *error)
{
  /* json-glib quotes the text it stopped at, cut at any byte: make it valid. */
  g_autofree char *valid = g_utf8_make_valid (error->message, -1);
  g_autofree char *message = dl_json_shorten (valid, 200);
  guint line = 0;
  guint column = 0;
  const char *rest;

  if (g_str_has_prefix (message, "<data>:")
      && sscanf (message + strlen ("<data>:"), "%u:%u:", &line, &column) == 2
      && (rest = strstr (message, ": Parse error: ")) != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%u:%u", MAX (line, 1), MAX (column, 1));

      dl_problems_error (problems, where, _("JSON syntax error: %s"), rest + strlen (": Parse error: "));
    }
  else
    dl_problems_error (problems, "1:1", _("JSON syntax error: %s"), message);
}

static void
report_at_offset (DlProblems *problems,
                  const char *data,
                  gsize       len,
                  gsize       offset,
                  const char *message)
{
  g_autofree char *where = NULL;
  guint line;
  guint column;

  dl_text_line_column (data, len, offset, &line, &column);
  where = g_strdup_printf ("%u:%u", line, column);
  dl_problems_error (problems, where, "%s", message);
}

/* The text is not strict JSON: say what is wrong as json-glib and the
 * pre-scan always have, so that messages stay as they were. Only a text
 * they accept but RFC 8259 does not gets a message of the reader's own. */
static void
report_bad_json (DlProblems *problems,
                 const char *data,
                 gsize       len,
                 gsize       reader_offset)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gsize bad = 0;

  if (!dl_utf8_check (data, len, &bad))
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, bad);
      g_autofree char *what = g_strdup_printf (data[bad] == '\0'
                                               ? _("NUL byte at byte offset %s")
                                               : _("invalid UTF-8 at byte offset %s"),
                                               offset);
      report_at_offset (problems, data, len, bad, what);
      return;
    }

  if (!dl_json_prescan (data, len, DL_JSON_MAX_DEPTH, &bad, &message))
    {
      report_at_offset (problems, data, len, bad, message);
      return;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &error))
    {
      report_syntax_error (problems, error);
      return;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      dl_problems_error (problems, "$", _("a dataset is a JSON object, this file holds %s"), _("nothing"));
      return;
    }

  report_at_offset (problems, data, len, reader_offset,
                    _("JSON syntax error: this is not strict JSON (RFC 8259)"));
}

/* Duplicate keys and raw control characters: json-glib lets them through
 * (the last key silently wins), the reader does not. */
static void
report_faults (DlProblems   *problems,
               DlJsonReader *reader,
               const char   *data,
               gsize         len)
{
  for (guint i = 0; i < dl_json_reader_get_n_faults (reader); i++)
    {
      const DlJsonFault *fault = dl_json_reader_get_fault (reader, i);
      guint line;
      guint column;

      dl_text_line_column (data, len, fault->offset, &line, &column);
      if (fault->kind == DL_JSON_FAULT_DUPLICATE_KEY)
        {
          guint first_line;
          guint first_column;

          dl_text_line_column (data, len, fault->first_offset, &first_line, &first_column);
          dl_problems_error (problems, fault->path,
                             _("the member “%s” is given twice, at %u:%u and again at %u:%u: "
                               "each name may appear once in an object"),
                             fault->name, first_line, first_column, line, column);
        }
      else
        dl_problems_error (problems, fault->path,
                           _("a raw control character (U+%04X) inside a string at %u:%u: "
                             "JSON strings must write it as an escape, such as \\n or \\u%04X"),
                           fault->character, line, column, fault->character);
    }
}

static DlDataset *
load_from_data (const char   *data,
                gsize         len,
                gboolean      mapped,
                const char   *base_dir,
                DlProblems   *problems,
                GCancellable *cancellable,
                gint         *progress,
                GHashTable   *given)
{
  g_autoptr(DlDataset) self = g_object_new (DL_TYPE_DATASET, NULL);
  Loader loader = { self, problems, NULL, NULL, NULL, 0, cancellable, given, NULL, NULL };
  const DlJsonValue *root;
  const DlJsonValue *version;
  gsize bad = 0;

  /* An optional UTF-8 byte order mark. */
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
      mapped = FALSE;  /* no longer page-aligned */
    }

  if (len > DL_DATASET_MAX_SIZE)
    {
      g_autofree char *max = g_format_size (DL_DATASET_MAX_SIZE);

      dl_problems_error (problems, "$", _("the file is too large (at most %s)"), max);
      return NULL;
    }

  loader.reader = dl_json_reader_new (data, len);
  dl_json_reader_set_release_behind (loader.reader, mapped);
  dl_json_reader_set_progress (loader.reader, progress);
  if (!dl_json_reader_check (loader.reader, DL_JSON_MAX_DEPTH, DL_PROBLEMS_MAX, &bad))
    {
      report_bad_json (problems, data, len, bad);
      dl_json_reader_free (loader.reader);
      return NULL;
    }
  if (dl_json_reader_get_n_faults (loader.reader) > 0)
    {
      report_faults (problems, loader.reader, data, len);
      dl_json_reader_free (loader.reader);
      return NULL;
    }

  root = dl_json_reader_get_root (loader.reader);
  if (root->type != DL_JSON_OBJECT)
    {
      dl_problems_error (problems, "$", _("a dataset is a JSON object, this file holds %s"), dl_loader_node_kind (root));
      dl_json_reader_free (loader.reader);
      return NULL;
    }

  version = dl_json_object_get (root, "dateline");
  if (version == NULL)
    {
      dl_problems_error (problems, "$", _("the member “dateline” (the format version, 1) is missing: "
                                          "is this a Dateline dataset?"));
      dl_json_reader_free (loader.reader);
      return NULL;
    }
  if (version->type != DL_JSON_INTEGER || version->integer != DL_DATASET_FORMAT_VERSION)
    {
      dl_problems_error (problems, "dateline", _("unsupported format version (this Dateline reads version %d)"),
                         DL_DATASET_FORMAT_VERSION);
      dl_json_reader_free (loader.reader);
      return NULL;
    }

  {
    static const char * const known[] = {
      "dateline", "title", "description", "sources", "places", "events", "narratives",
      DL_WORDS_ROOT_MEMBER, DL_CATEGORIES_ROOT_MEMBER, NULL
    };

    dl_loader_check_members (&loader, root, "$", known);
  }

  if (base_dir != NULL)
    loader.base_dir = realpath (base_dir, NULL);
  loader.articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) dl_text_free);

  self->title = g_strdup (dl_loader_get_string (&loader, root, "$", "title", TRUE));
  self->description = g_strdup (dl_loader_get_string (&loader, root, "$", "description", FALSE));

  self->topics = dl_words_read_topics (loader.reader, root, problems);
  dl_words_check_topics (self->topics, problems);
  dl_loader_load_categories (&loader, root);
  dl_loader_load_sources (&loader, root);
  dl_loader_load_places (&loader, root);
  loader.strings = dl_strings_new ();
  dl_loader_load_events (&loader, root);
  /* The events hold the arena; the table of its texts was for loading. */
  dl_strings_done (loader.strings);
  g_clear_pointer (&loader.strings, dl_strings_unref);
  g_clear_pointer (&loader.one_place, g_hash_table_unref);
  dl_loader_load_narratives (&loader, root);

  free (loader.base_dir);
  g_hash_table_unref (loader.articles);
  dl_json_reader_free (loader.reader);

  /* Stopped part-way: what was read is not the dataset. */
  if (g_cancellable_is_cancelled (cancellable))
    {
      dl_problems_error (problems, "$", _("loading was cancelled"));
      return NULL;
    }

  if (dl_problems_has_errors (problems))
    return NULL;

  /* dl_loader_load_events() handed its events over in the list's order. */
  if (self->events_by_time->len != g_list_model_get_n_items (G_LIST_MODEL (self->events)))
    {
      g_ptr_array_set_size (self->events_by_time, 0);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->events)); i++)
        g_ptr_array_add (self->events_by_time, g_list_model_get_item (G_LIST_MODEL (self->events), i));
    }
  dl_event_sort_by_time (self->events_by_time);
  dl_dataset_index_claims (self);

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  DlProblems *problems = dl_problems_new ();
  DlDataset *dataset = dl_dataset_load (file, problems, cancellable);

  dl_dataset_return_loaded (task, dataset, problems, cancellable);
}

static gpointer
make_facets (gpointer data)
{
  dl_dataset_get_facets (data);
  return NULL;
}

void
dl_dataset_return_loaded (GTask        *task,
                          DlDataset    *dataset,
                          DlProblems   *problems,
                          GCancellable *cancellable)
{
  g_object_set_data_full (G_OBJECT (task), "problems", problems, (GDestroyNotify) dl_problems_free);
  /* Here, while nobody else sees the dataset, rather than on the main loop
   * when the user first types a query (a second at a million events);
   * likewise what the session's filters and the window's first views read
   * (the facets). Both only read the events, so the facets are made in a
   * thread of their own meanwhile: the second core. */
  if (dataset != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      GThread *facets = g_thread_try_new ("dl-facets", make_facets, dataset, NULL);

      dl_dataset_get_search_index (dataset);
      if (facets != NULL)
        g_thread_join (facets);
      else
        dl_dataset_get_facets (dataset);
    }

#ifdef __GLIBC__
  /* What loading freed (the reader's arenas, the halves' and the string
   * arenas' tables, the indexes' scratch) lies in free chunks among the
   * events; glibc keeps such pages resident until asked to give them back.
   * Here in the loading thread, not on the main loop. */
  malloc_trim (0);
#endif

  if (g_cancellable_set_error_if_cancelled (cancellable, NULL))
    {
      g_clear_object (&dataset);
      g_task_return_error_if_cancelled (task);
      return;
    }

  if (dataset == NULL)
    g_task_return_new_error (task, DL_DATASET_ERROR, DL_DATASET_ERROR_INVALID,
                             g_dngettext (GETTEXT_PACKAGE, "The dataset has %u error",
                                          "The dataset has %u errors",
                                          dl_problems_count (problems, DL_SEVERITY_ERROR)),
                             dl_problems_count (problems, DL_SEVERITY_ERROR));
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/* GObject */

static void
dl_dataset_finalize (GObject *object)
{
  DlDataset *self = DL_DATASET (object);

  g_clear_object (&self->file);
  g_free (self->title);
  g_free (self->description);
  g_hash_table_unref (self->claims);
  g_clear_pointer (&self->topics, g_hash_table_unref);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_hash_table_unref (self->source_index);
  g_hash_table_unref (self->place_index);
  g_hash_table_unref (self->event_index);
  g_clear_pointer (&self->search_index, dl_search_index_free);
  g_clear_pointer (&self->facets, dl_event_facets_unref);
  g_ptr_array_unref (self->events_by_time);
  g_array_unref (self->narratives);
  g_object_unref (self->events);
  g_object_unref (self->places);
  g_object_unref (self->sources);

  G_OBJECT_CLASS (dl_dataset_parent_class)->finalize (object);
}

static void
dl_dataset_class_init (DlDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_dataset_finalize;
  dl_dataset_class_init_edits (G_OBJECT_CLASS (klass));  /* dl-dataset-edit.c */
}

static void
dl_dataset_init (DlDataset *self)
{
  self->sources = dl_object_store_new (DL_TYPE_SOURCE);
  self->places = dl_object_store_new (DL_TYPE_PLACE);
  self->events = dl_object_store_new (DL_TYPE_EVENT);
  self->events_by_time = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->place_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->narratives = g_array_new (FALSE, TRUE, sizeof (DlNarrative));
  g_array_set_clear_func (self->narratives, dl_narrative_clear);
  self->claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

/* Public API */

DlDataset *
dl_dataset_load_from_data (const char *data,
                           gsize       len,
                           const char *base_dir,
                           DlProblems *problems)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return load_from_data (data != NULL ? data : "", len, FALSE, base_dir, problems, NULL, NULL, NULL);
}

DlDataset *
dl_dataset_load_from_data_with_articles (const char *data,
                                         gsize       len,
                                         GHashTable *articles,
                                         DlProblems *problems)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (articles != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  return load_from_data (data != NULL ? data : "", len, FALSE, NULL, problems, NULL, NULL, articles);
}

DlDataset *
dl_dataset_load (GFile        *file,
                 DlProblems   *problems,
                 GCancellable *cancellable)
{
  return dl_dataset_load_with_progress (file, problems, cancellable, NULL);
}

DlDataset *
dl_dataset_load_with_progress (GFile        *file,
                               DlProblems   *problems,
                               GCancellable *cancellable,
                               gint         *progress)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base_dir = NULL;
  g_autofree char *local = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  DlDataset *dataset;
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      dl_problems_error (problems, "$", _("cannot read the file: %s"), error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      dl_problems_error (problems, "$", _("not a regular file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > DL_DATASET_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *max = g_format_size (DL_DATASET_MAX_SIZE);

      dl_problems_error (problems, "$", _("the file is too large (%s; at most %s)"), size, max);
      return NULL;
    }

  /* A local file is mapped, not copied: the reader gives its pages back as
   * it goes, so the text of a big dataset is never in memory whole. */
  if ((local = g_file_get_path (file)) != NULL)
    mapped = g_mapped_file_new (local, FALSE, NULL);
  if (mapped == NULL
      && !g_file_load_contents (file, cancellable, &contents, &len, NULL, &error))
    {
      dl_problems_error (problems, "$", _("cannot read the file: %s"), error->message);
      return NULL;
    }

  parent = g_file_get_parent (file);
  base_dir = parent != NULL ? g_file_get_path (parent) : NULL;

  if (mapped != NULL)
    dataset = load_from_data (g_mapped_file_get_contents (mapped) != NULL
                              ? g_mapped_file_get_contents (mapped) : "",
                              g_mapped_file_get_length (mapped), TRUE, base_dir, problems, cancellable, progress, NULL);
  else
    dataset = load_from_data (contents, len, FALSE, base_dir, problems, cancellable, progress, NULL);
  if (dataset != NULL && progress != NULL)
    g_atomic_int_set (progress, 1000);
  if (dataset != NULL)
    dataset->file = g_object_ref (file);

  return dataset;
}

void
dl_dataset_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  dl_file_task_run (file, cancellable, callback, user_data, dl_dataset_load_async, load_thread);
}

DlDataset *
dl_dataset_load_finish (GAsyncResult  *result,
                        DlProblems   **problems,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  if (problems != NULL)
    *problems = g_object_steal_data (G_OBJECT (result), "problems");

  return g_task_propagate_pointer (G_TASK (result), error);
}

GFile *
dl_dataset_get_bundled_file (void)
{
  static const char *relative = "gaza-august-2024/gaza-august-2024.dateline.json";
  const char *env = g_getenv ("DATELINE_DATASET_DIR");
  g_autofree char *path = NULL;

  if (env != NULL)
    return g_file_new_build_filename (env, relative, NULL);

  path = g_build_filename (DATASETDIR, relative, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (path);

  /* Running uninstalled, from the build folder. */
  return g_file_new_build_filename (SOURCE_DATASETDIR, relative, NULL);
}

GFile *
dl_dataset_get_file (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  return self->file;
}

const char *
dl_dataset_get_title (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  return self->title;
}

const char *
dl_dataset_get_description (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  return self->description;
}

GListModel *
dl_dataset_get_sources (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->sources);
}

GListModel *
dl_dataset_get_places (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->places);
}

GListModel *
dl_dataset_get_events (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  return G_LIST_MODEL (self->events);
}

GPtrArray *
dl_dataset_get_events_by_time (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  return self->events_by_time;
}

DlSource *
dl_dataset_lookup_source (DlDataset  *self,
                          const char *id)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->source_index, id);
}

DlPlace *
dl_dataset_lookup_place (DlDataset  *self,
                         const char *id)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->place_index, id);
}

DlEvent *
dl_dataset_lookup_event (DlDataset  *self,
                         const char *id)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  return g_hash_table_lookup (self->event_index, id);
}

guint
dl_dataset_get_n_narratives (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), 0);
  return self->narratives->len;
}

const DlNarrative *
dl_dataset_get_narrative (DlDataset *self,
                          guint      index)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < self->narratives->len, NULL);
  return &g_array_index (self->narratives, DlNarrative, index);
}

const DlNarrative *
dl_dataset_lookup_narrative (DlDataset  *self,
                             const char *id)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);

  /* A few narratives at most: no index. */
  for (guint i = 0; id != NULL && i < self->narratives->len; i++)
    if (g_str_equal (g_array_index (self->narratives, DlNarrative, i).id, id))
      return &g_array_index (self->narratives, DlNarrative, i);
  return NULL;
}

DlEventFacets *
dl_dataset_get_facets (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);

  if (self->facets == NULL)
    self->facets = dl_event_facets_new (self->events_by_time, G_LIST_MODEL (self->events));

  return self->facets;
}

DlSearchIndex *
dl_dataset_get_search_index (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);

  if (self->search_index == NULL)
    self->search_index = dl_search_index_new (self->events_by_time);

  return self->search_index;
}

gboolean
dl_dataset_get_time_range (DlDataset *self,
                           gint64    *earliest,
                           gint64    *latest)
{
  g_return_val_if_fail (DL_IS_DATASET (self), FALSE);

  /* The loading thread found it (dl_dataset_get_facets()): at a million
   * events the loop below is a tenth of a second of cache misses. */
  if (self->facets != NULL)
    {
      if (!self->facets->have_time_range)
        return FALSE;
      if (earliest != NULL)
        *earliest = self->facets->time_range_start;
      if (latest != NULL)
        *latest = self->facets->time_range_end;
      return TRUE;
    }

  return dl_time_range_compute (self->events_by_time, earliest, latest);
}

DlBBox
dl_dataset_get_bbox (DlDataset *self)
{
  DlBBox bbox;

  dl_bbox_init_empty (&bbox);
  g_return_val_if_fail (DL_IS_DATASET (self), bbox);

  for (guint i = 0; i < self->events_by_time->len; i++)
    {
      DlBBox event_bbox = dl_event_get_bbox (g_ptr_array_index (self->events_by_time, i));

      dl_bbox_union (&bbox, &event_bbox);
    }

  return bbox;
}

GStrv
dl_dataset_dup_topics (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);

  return dl_dup_sorted_keys (self->claims);
}

GArray *
dl_dataset_get_claims (DlDataset  *self,
                       const char *topic)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  g_return_val_if_fail (topic != NULL, NULL);
  return g_hash_table_lookup (self->claims, topic);
}

const DlTopic *
dl_dataset_lookup_topic (DlDataset  *self,
                         const char *topic)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  g_return_val_if_fail (topic != NULL, NULL);
  return self->topics != NULL ? g_hash_table_lookup (self->topics, topic) : NULL;
}

/* The comparison is dl-claims.c's: values with their qualifiers. */
gboolean
dl_dataset_topic_disagrees (DlDataset  *self,
                            const char *topic)
{
  g_return_val_if_fail (DL_IS_DATASET (self), FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);
  return dl_claims_topic_disagrees (self, topic);
}
