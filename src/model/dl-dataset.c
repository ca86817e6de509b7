/* dl-dataset.c: a Dateline dataset: load, validate, own the lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dl-claims.h"
#include "dl-dataset.h"
#include "dl-dataset-build.h"
#include "dl-dataset-private.h"
#include "dl-dataset-words.h"
#include "dl-json-reader.h"
#include "dl-model-private.h"

struct _DlDataset
{
  GObject     parent_instance;

  GFile      *file;
  char       *title;
  char       *description;
  GListStore *sources;
  GListStore *places;
  GListStore *events;
  GPtrArray  *events_by_time;
  GHashTable *source_index;   /* id → DlSource (unowned) */
  GHashTable *place_index;
  GHashTable *event_index;
  GArray     *narratives;     /* of DlNarrative */
  GHashTable *claims;         /* topic → GArray of DlClaimRef */
  GHashTable *topics;         /* topic → DlTopic, or NULL (dl-dataset-words.c) */
  gboolean    imported;       /* built by an importer (dl-dataset-build.h), not loaded */
};

G_DEFINE_FINAL_TYPE (DlDataset, dl_dataset, G_TYPE_OBJECT)

G_DEFINE_QUARK (dl-dataset-error-quark, dl_dataset_error)

guint64 dl_articles_max_total = DL_ARTICLES_MAX_TOTAL;

/* What the loader carries around while reading one file. */
typedef struct {
  DlDataset  *dataset;
  DlProblems   *problems;
  DlJsonReader *reader;
  char         *base_dir;     /* real path of the dataset's folder, or NULL */
  GHashTable   *articles;     /* real path → DlText: one copy of each article */
  guint64       article_bytes;
  GCancellable *cancellable;  /* a window closed while loading stops it */
} Loader;

/* Helpers: reading JSON members with precise problems */

static char *
join_path (const char *path,
           const char *member)
{
  /* Top-level members are named bare: "title", not "$.title". */
  if (g_str_equal (path, "$"))
    return g_strdup (member);

  return g_strconcat (path, ".", member, NULL);
}

/* Made for every element of every array: no printf. */
static char *
index_path (const char *path,
            guint       index)
{
  char digits[16];
  char *p = digits + sizeof digits;
  gsize len = strlen (path);
  char *result;

  *--p = '\0';
  do
    *--p = (char) ('0' + index % 10);
  while ((index /= 10) > 0);

  result = g_malloc (len + (gsize) (digits + sizeof digits - p) + 2);
  memcpy (result, path, len);
  result[len] = '[';
  strcpy (result + len + 1, p);
  strcat (result + len, "]");

  return result;
}

static const char *
node_kind (const DlJsonValue *node)
{
  switch (node->type)
    {
    case DL_JSON_OBJECT:
      return _("an object");
    case DL_JSON_ARRAY:
      return _("an array");
    case DL_JSON_NULL:
      return _("null");
    case DL_JSON_STRING:
      return _("a string");
    case DL_JSON_BOOLEAN:
      return _("a boolean");
    case DL_JSON_INTEGER:
    case DL_JSON_DOUBLE:
    default:
      return _("a number");
    }
}

static gboolean
node_is_string (const DlJsonValue *node)
{
  return node->type == DL_JSON_STRING;
}

/* Returns the member's string, NULL when absent (an error when required) or
 * not a string (always an error). */
static const char *
get_string (Loader            *loader,
            const DlJsonValue *object,
            const char        *path,
            const char        *member,
            gboolean           required)
{
  const DlJsonValue *node = dl_json_object_get (object, member);
  const char *value;

  if (node == NULL)
    {
      if (required)
        dl_problems_error (loader->problems, path, _("the member “%s” is missing"), member);
      return NULL;
    }

  if (!node_is_string (node))
    {
      g_autofree char *member_path = join_path (path, member);

      dl_problems_error (loader->problems, member_path, _("expected a string, found %s"),
                         node_kind (node));
      return NULL;
    }

  value = node->string;
  if (strlen (value) > dl_field_max_bytes (member))
    {
      g_autofree char *member_path = join_path (path, member);
      g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, strlen (value));
      g_autofree char *max = g_strdup_printf ("%" G_GSIZE_FORMAT, dl_field_max_bytes (member));

      /* Translators: both are numbers of bytes */
      dl_problems_error (loader->problems, member_path, _("the text is too long: %s bytes, at most %s"),
                         size, max);
      return NULL;
    }
  if (required && *value == '\0')
    {
      g_autofree char *member_path = join_path (path, member);

      dl_problems_error (loader->problems, member_path, _("must not be empty"));
      return NULL;
    }

  return value;
}

static gboolean
get_number (Loader            *loader,
            const DlJsonValue *object,
            const char        *path,
            const char        *member,
            double            *value)
{
  const DlJsonValue *node = dl_json_object_get (object, member);
  g_autofree char *member_path = NULL;

  if (node == NULL)
    return FALSE;

  member_path = join_path (path, member);
  if (!dl_json_is_number (node))
    {
      dl_problems_error (loader->problems, member_path, _("expected a number, found %s"),
                         node_kind (node));
      return FALSE;
    }

  *value = dl_json_get_double (node);
  if (!isfinite (*value))
    {
      dl_problems_error (loader->problems, member_path, _("the number is too large"));
      return FALSE;
    }

  return TRUE;
}

/* A non-negative integer index or offset. */
static gboolean
get_uint (Loader            *loader,
          const DlJsonValue *object,
          const char        *path,
          const char        *member,
          guint             *value)
{
  const DlJsonValue *node = dl_json_object_get (object, member);
  gint64 v;

  if (node == NULL)
    return FALSE;

  if (node->type != DL_JSON_INTEGER)
    {
      g_autofree char *member_path = join_path (path, member);

      dl_problems_error (loader->problems, member_path, _("expected a whole number, found %s"),
                         node_kind (node));
      return FALSE;
    }

  v = node->integer;
  if (v < 0 || v > G_MAXINT32)
    {
      g_autofree char *member_path = join_path (path, member);
      /* Numbers are formatted apart: xgettext cannot read G_GINT64_FORMAT. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      dl_problems_error (loader->problems, member_path, _("%s is out of range (0 to %d)"), number, G_MAXINT32);
      return FALSE;
    }

  *value = (guint) v;
  return TRUE;
}

static const DlJsonValue *
get_array (Loader            *loader,
           const DlJsonValue *object,
           const char        *path,
           const char        *member,
           gboolean           required)
{
  const DlJsonValue *node = dl_json_object_get (object, member);

  if (node == NULL)
    {
      if (required)
        dl_problems_error (loader->problems, path, _("the member “%s” is missing"), member);
      return NULL;
    }

  if (node->type != DL_JSON_ARRAY)
    {
      g_autofree char *member_path = join_path (path, member);

      dl_problems_error (loader->problems, member_path, _("expected an array, found %s"),
                         node_kind (node));
      return NULL;
    }

  return node;
}

/* Walks an array: the root's big ones one element at a time from the
 * reader, nested ones from their parsed elements. */
typedef struct {
  const DlJsonValue *array;
  DlJsonArrayIter    iter;
  guint              index;
} Walk;

static void
walk_init (Walk              *walk,
           Loader            *loader,
           const DlJsonValue *array)
{
  walk->array = array;
  walk->index = 0;
  if (array->lazy)
    dl_json_array_iter_init (&walk->iter, loader->reader, array);
}

/* The next element (its index in walk->index - 1), or NULL at the end. */
static const DlJsonValue *
walk_next (Walk *walk)
{
  if (walk->array->lazy)
    {
      const DlJsonValue *element = dl_json_array_iter_next (&walk->iter);

      if (element != NULL)
        walk->index++;
      return element;
    }

  if (walk->index >= walk->array->length)
    return NULL;

  return &walk->array->elements[walk->index++];
}

/* The element as an object, or NULL with an error. */
static const DlJsonValue *
element_object (Loader            *loader,
                const DlJsonValue *node,
                const char        *path)
{
  if (node->type != DL_JSON_OBJECT)
    {
      dl_problems_error (loader->problems, path, _("expected an object, found %s"), node_kind (node));
      return NULL;
    }

  return node;
}

/* g_strv_contains, but most names differ at the first byte. */
static gboolean
is_known (const char * const *known,
          const char         *name)
{
  for (; *known != NULL; known++)
    if ((*known)[0] == name[0] && strcmp (*known, name) == 0)
      return TRUE;

  return FALSE;
}

/* Unknown members are most often typos: say so, but load. */
static void
check_members (Loader             *loader,
               const DlJsonValue  *object,
               const char         *path,
               const char * const *known)
{
  for (guint i = 0; i < object->length; i++)
    {
      const char *name = object->members[i].name;

      if (!is_known (known, name))
        {
          g_autofree char *shown = dl_json_shorten (name, 60);
          g_autofree char *member_path = join_path (path, shown);

          dl_problems_warning (loader->problems, member_path, _("unknown member “%s” is ignored"), shown);
        }
    }
}

/* Ids: non-empty, no control characters; unique within their list. */
static const char *
get_id (Loader            *loader,
        const DlJsonValue *object,
        const char        *path,
        GHashTable        *index,
        const char        *what)
{
  const char *id = get_string (loader, object, path, "id", TRUE);

  if (id == NULL)
    return NULL;

  if (g_hash_table_contains (index, id))
    {
      g_autofree char *id_path = join_path (path, "id");
      g_autofree char *shown = dl_json_shorten (id, 60);

      dl_problems_error (loader->problems, id_path, _("duplicate %s id “%s”"), what, shown);
      return NULL;
    }

  return id;
}

static gboolean
parse_edtf (Loader     *loader,
            const char *text,
            const char *path,
            const char *member,
            DlEdtf     *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *member_path = NULL;

  if (dl_edtf_parse (text, out, &error))
    return TRUE;

  member_path = join_path (path, member);
  dl_problems_error (loader->problems, member_path, "%s", error->message);
  return FALSE;
}

/* Article files */

/* Reads an article named relative to the dataset, refusing anything that
 * leaves the dataset's folder. */
static DlText *
read_article (Loader     *loader,
              const char *relative,
              const char *path)
{
  g_autofree char *shown = dl_json_shorten (relative, 100);
  g_auto(GStrv) parts = NULL;
  g_autofree char *forward = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real = NULL;
  g_autofree char *inside = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  DlText *text;
  char *contents = NULL;
  gsize len = 0;
  gsize bad = 0;

  if (g_path_is_absolute (relative) || relative[0] == '\\' || strchr (relative, ':') != NULL)
    {
      dl_problems_error (loader->problems, path,
                         _("“%s” is an absolute path; article paths must be relative to the dataset's folder"),
                         shown);
      return NULL;
    }

  parts = g_strsplit_set (relative, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      {
        dl_problems_error (loader->problems, path,
                           _("“%s” uses “..”; article paths must stay inside the dataset's folder"),
                           shown);
        return NULL;
      }

  if (loader->base_dir == NULL)
    {
      dl_problems_error (loader->problems, path, _("cannot read “%s”: the dataset has no folder"), shown);
      return NULL;
    }

  /* "\\" separates folders as "/" does (as the format says), on any system. */
  forward = g_strdelimit (g_strdup (relative), "\\", '/');
  joined = g_build_filename (loader->base_dir, forward, NULL);
  real = realpath (joined, NULL);
  if (real == NULL)
    {
      int saved_errno = errno;

      dl_problems_error (loader->problems, path, _("cannot read “%s”: %s"), shown,
                         g_strerror (saved_errno));
      return NULL;
    }

  /* A dataset stored in "/" has everything inside its folder. */
  inside = g_str_has_suffix (loader->base_dir, G_DIR_SEPARATOR_S)
           ? g_strdup (loader->base_dir) : g_strconcat (loader->base_dir, G_DIR_SEPARATOR_S, NULL);
  if (!g_str_has_prefix (real, inside))
    {
      dl_problems_error (loader->problems, path,
                         _("“%s” leads outside the dataset's folder (through a symbolic link)"),
                         shown);
      return NULL;
    }

  if (g_stat (real, &st) != 0 || !S_ISREG (st.st_mode))
    {
      dl_problems_error (loader->problems, path, _("“%s” is not a regular file"), shown);
      return NULL;
    }

  if (st.st_size > DL_ARTICLE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *max = g_format_size (DL_ARTICLE_MAX_SIZE);

      dl_problems_error (loader->problems, path, _("“%s” is too large (%s; at most %s)"),
                         shown, size, max);
      return NULL;
    }

  /* Sources often share an article: read each file once. */
  if ((text = g_hash_table_lookup (loader->articles, real)) != NULL)
    return dl_text_ref (text);

  if (loader->article_bytes + (guint64) st.st_size > dl_articles_max_total)
    {
      g_autofree char *max = g_format_size (dl_articles_max_total);

      dl_problems_error (loader->problems, path,
                         _("cannot read “%s”: the dataset's articles together would exceed %s, "
                           "the most Dateline holds in memory for one dataset"),
                         shown, max);
      return NULL;
    }

  if (!g_file_get_contents (real, &contents, &len, &error))
    {
      dl_problems_error (loader->problems, path, _("cannot read “%s”: %s"), shown, error->message);
      return NULL;
    }

  if (!dl_utf8_check (contents, len, &bad))
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, bad);

      if (contents[bad] == '\0')
        dl_problems_error (loader->problems, path,
                           _("“%s” contains a NUL byte at offset %s: an article must be plain UTF-8 text"),
                           shown, offset);
      else
        dl_problems_error (loader->problems, path,
                           _("“%s” is not valid UTF-8: bad byte at offset %s"), shown, offset);
      g_free (contents);
      return NULL;
    }

  loader->article_bytes += len;
  text = dl_text_new (contents, len);
  g_hash_table_insert (loader->articles, g_steal_pointer (&real), dl_text_ref (text));

  return text;
}

/* The parts of a dataset */

static void
load_sources (Loader            *loader,
              const DlJsonValue *root)
{
  static const char * const known[] = {
    "id", "file", "title", "published", "published_basis", "url", DL_WORDS_SOURCE_MEMBER, NULL
  };
  const DlJsonValue *array = get_array (loader, root, "$", "sources", TRUE);
  const DlJsonValue *element;
  Walk walk;

  if (array == NULL)
    return;

  walk_init (&walk, loader, array);
  while ((element = walk_next (&walk)) != NULL)
    {
      g_autofree char *path = index_path ("sources", walk.index - 1);
      g_autoptr(DlSource) source = NULL;
      const DlJsonValue *object;
      const char *id;
      const char *file;
      const char *title;
      const char *published;

      if (g_cancellable_is_cancelled (loader->cancellable))
        return;
      if ((object = element_object (loader, element, path)) == NULL)
        continue;
      check_members (loader, object, path, known);

      id = get_id (loader, object, path, loader->dataset->source_index, _("source"));
      file = get_string (loader, object, path, "file", TRUE);
      title = get_string (loader, object, path, "title", TRUE);
      published = get_string (loader, object, path, "published", FALSE);

      source = dl_source_new ();
      source->id = g_strdup (id);
      source->file = g_strdup (file);
      source->title = g_strdup (title);
      source->published_basis = g_strdup (get_string (loader, object, path, "published_basis", FALSE));
      source->url = g_strdup (get_string (loader, object, path, "url", FALSE));
      source->short_name = dl_words_read_string (object, path, DL_WORDS_SOURCE_MEMBER, loader->problems);

      if (published != NULL)
        {
          if (parse_edtf (loader, published, path, "published", &source->published))
            source->published_text = g_strdup (published);
        }

      if (file != NULL)
        {
          g_autofree char *file_path = join_path (path, "file");

          source->text = read_article (loader, file, file_path);
        }

      if (id == NULL)
        continue;

      g_hash_table_insert (loader->dataset->source_index, source->id, source);
      g_list_store_append (loader->dataset->sources, source);
    }
}

/* dl_geometry_parse reads json-glib nodes: geometries are small. */
static JsonNode *
to_json_node (const DlJsonValue *value)
{
  JsonNode *node;

  switch (value->type)
    {
    case DL_JSON_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (guint i = 0; i < value->length; i++)
          json_object_set_member (object, value->members[i].name, to_json_node (&value->members[i].value));
        node = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return node;
      }
    case DL_JSON_ARRAY:
      {
        JsonArray *array = json_array_sized_new (value->length);

        for (guint i = 0; i < value->length; i++)
          json_array_add_element (array, to_json_node (&value->elements[i]));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    case DL_JSON_STRING:
      return json_node_init_string (json_node_alloc (), value->string);
    case DL_JSON_INTEGER:
      return json_node_init_int (json_node_alloc (), value->integer);
    case DL_JSON_DOUBLE:
      return json_node_init_double (json_node_alloc (), value->number);
    case DL_JSON_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), value->boolean);
    case DL_JSON_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}

static void
load_places (Loader            *loader,
             const DlJsonValue *root)
{
  static const char * const known[] = {
    "id", "name", "names", "geometry", "precision_m", "kind", DL_WORDS_PLACE_MEMBER, NULL
  };
  const DlJsonValue *array = get_array (loader, root, "$", "places", TRUE);
  const DlJsonValue *element;
  Walk walk;

  if (array == NULL)
    return;

  walk_init (&walk, loader, array);
  while ((element = walk_next (&walk)) != NULL)
    {
      g_autofree char *path = index_path ("places", walk.index - 1);
      g_autofree char *geometry_path = join_path (path, "geometry");
      g_autofree char *precision_path = join_path (path, "precision_m");
      g_autoptr(DlPlace) place = NULL;
      const DlJsonValue *object;
      const DlJsonValue *names;
      const DlJsonValue *geometry;
      const char *id;
      const char *name;
      double precision = 0.0;

      if ((object = element_object (loader, element, path)) == NULL)
        continue;
      check_members (loader, object, path, known);

      id = get_id (loader, object, path, loader->dataset->place_index, _("place"));
      name = get_string (loader, object, path, "name", TRUE);

      place = dl_place_new ();
      place->id = g_strdup (id);
      place->name = g_strdup (name);
      place->kind = g_strdup (get_string (loader, object, path, "kind", FALSE));
      place->note = dl_words_read_string (object, path, DL_WORDS_PLACE_MEMBER, loader->problems);

      if (dl_json_object_get (object, "precision_m") == NULL)
        dl_problems_error (loader->problems, path, _("the member “%s” is missing"), "precision_m");
      else if (get_number (loader, object, path, "precision_m", &precision))
        {
          if (precision < 0 || precision > 20037508.0)
            dl_problems_error (loader->problems, precision_path,
                               _("%g is out of range (0 to 20,037,508 metres)"), precision);
          place->precision_m = precision;
        }

      if ((names = dl_json_object_get (object, "names")) != NULL)
        {
          g_autofree char *names_path = join_path (path, "names");

          if (names->type != DL_JSON_OBJECT)
            dl_problems_error (loader->problems, names_path, _("expected an object, found %s"),
                               node_kind (names));
          else
            {
              place->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              for (guint m = 0; m < names->length; m++)
                {
                  const char *language = names->members[m].name;
                  const DlJsonValue *value = &names->members[m].value;

                  if (!node_is_string (value))
                    {
                      g_autofree char *shown = dl_json_shorten (language, 60);
                      g_autofree char *language_path = join_path (names_path, shown);

                      dl_problems_error (loader->problems, language_path,
                                         _("expected a string, found %s"), node_kind (value));
                      continue;
                    }
                  g_hash_table_insert (place->names, g_strdup (language), g_strdup (value->string));
                }
            }
        }

      if ((geometry = dl_json_object_get (object, "geometry")) == NULL)
        dl_problems_error (loader->problems, path, _("the member “%s” is missing"), "geometry");
      else
        {
          g_autoptr(JsonNode) node = to_json_node (geometry);

          place->geometry = dl_geometry_parse (node, geometry_path, loader->problems);
        }

      if (id == NULL || place->geometry == NULL)
        continue;

      g_hash_table_insert (loader->dataset->place_index, place->id, place);
      g_list_store_append (loader->dataset->places, place);
    }
}

/* Finds the excerpt in its article; the quote wins over the offsets. */
static gboolean
verify_excerpt (Loader     *loader,
                DlExcerpt  *excerpt,
                gboolean    has_start,
                guint       start,
                gboolean    has_end,
                guint       end,
                const char *path)
{
  const DlText *text = excerpt->source->text;
  g_autofree char *exact_path = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *source_file = NULL;
  DlAnchor anchor;

  anchor = dl_text_anchor (text, excerpt->exact, excerpt->prefix, excerpt->suffix, has_start, start);

  /* What messages name, made only when there is one to give. */
  if (anchor.status != DL_ANCHOR_OK && anchor.status != DL_ANCHOR_OFFSETS_DISAGREE)
    {
      exact_path = join_path (path, "exact");
      quote = dl_json_shorten (excerpt->exact, 60);
      source_id = dl_json_shorten (excerpt->source->id, 60);
      source_file = dl_json_shorten (excerpt->source->file, 100);
    }

  switch (anchor.status)
    {
    case DL_ANCHOR_NOT_FOUND:
      dl_problems_error (loader->problems, exact_path, _("the quote “%s” does not occur in %s (%s)"),
                         quote, source_id, source_file);
      return FALSE;

    case DL_ANCHOR_AMBIGUOUS:
      if (anchor.n_occurrences > DL_ANCHOR_MAX_OCCURRENCES)
        dl_problems_warning (loader->problems, exact_path,
                             _("the quote occurs more than %u times in %s; add prefix/suffix or "
                               "start/end to choose one (using the first)"),
                             DL_ANCHOR_MAX_OCCURRENCES, source_id);
      else
        dl_problems_warning (loader->problems, exact_path,
                             _("the quote occurs %u times in %s; add prefix/suffix or start/end to "
                               "choose one (using the first)"),
                             anchor.n_occurrences, source_id);
      break;

    case DL_ANCHOR_CONTEXT_MISMATCH:
      if (anchor.n_occurrences > DL_ANCHOR_MAX_OCCURRENCES)
        dl_problems_warning (loader->problems, path,
                             _("prefix/suffix match none of the quote's more than %u occurrences in %s "
                               "(using the one at %u)"),
                             DL_ANCHOR_MAX_OCCURRENCES, source_id, anchor.start);
      else
        dl_problems_warning (loader->problems, path,
                             _("prefix/suffix match none of the quote's %u occurrences in %s "
                               "(using the one at %u)"),
                             anchor.n_occurrences, source_id, anchor.start);
      break;

    case DL_ANCHOR_OFFSETS_DISAGREE:
    case DL_ANCHOR_OK:
    default:
      break;
    }

  if (has_start && has_end && (anchor.start != start || anchor.end != end))
    {
      g_autofree char *start_path = join_path (path, "start");

      dl_problems_warning (loader->problems, start_path,
                           _("start/end %u–%u disagree with where the quote is (%u–%u); "
                             "using the quote's position"),
                           start, end, anchor.start, anchor.end);
    }
  else if (has_start && !has_end && anchor.start != start)
    {
      g_autofree char *start_path = join_path (path, "start");

      dl_problems_warning (loader->problems, start_path,
                           _("start %u disagrees with where the quote starts (%u); using the quote's position"),
                           start, anchor.start);
    }
  else if (!has_start && has_end && anchor.end != end)
    {
      g_autofree char *end_path = join_path (path, "end");

      dl_problems_warning (loader->problems, end_path,
                           _("end %u disagrees with where the quote ends (%u); using the quote's position"),
                           end, anchor.end);
    }

  excerpt->start = anchor.start;
  excerpt->end = anchor.end;

  return TRUE;
}

static void
load_excerpts (Loader     *loader,
               DlEvent    *event,
               const DlJsonValue *object,
               const char *event_path)
{
  static const char * const known[] = { "source", "exact", "prefix", "suffix", "start", "end", NULL };
  g_autofree char *excerpts_path = join_path (event_path, "excerpts");
  const DlJsonValue *array = get_array (loader, object, event_path, "excerpts", FALSE);

  if (array == NULL)
    {
      if (dl_json_object_get (object, "excerpts") == NULL)
        dl_problems_warning (loader->problems, event_path,
                             _("the event has no excerpts: no passage supports it"));
      return;
    }

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = index_path (excerpts_path, i);
      DlExcerpt excerpt = { NULL, NULL, NULL, NULL, 0, 0 };
      const DlJsonValue *element;
      const char *source_id;
      const char *exact;
      gboolean has_start;
      gboolean has_end;
      guint start = 0;
      guint end = 0;
      gboolean ok = TRUE;

      if (g_cancellable_is_cancelled (loader->cancellable))
        return;
      /* Keep indices stable for claims: a bad excerpt still takes its slot. */
      if ((element = element_object (loader, &array->elements[i], path)) == NULL)
        {
          g_array_append_val (event->excerpts, excerpt);
          continue;
        }
      check_members (loader, element, path, known);

      source_id = get_string (loader, element, path, "source", TRUE);
      exact = get_string (loader, element, path, "exact", TRUE);
      has_start = get_uint (loader, element, path, "start", &start);
      has_end = get_uint (loader, element, path, "end", &end);

      if (has_start && has_end && end <= start)
        {
          g_autofree char *end_path = join_path (path, "end");

          dl_problems_error (loader->problems, end_path, _("end (%u) must be greater than start (%u)"),
                             end, start);
          ok = FALSE;
        }

      if (source_id != NULL)
        {
          excerpt.source = g_hash_table_lookup (loader->dataset->source_index, source_id);
          if (excerpt.source == NULL)
            {
              g_autofree char *shown = dl_json_shorten (source_id, 60);

              g_autofree char *source_path = join_path (path, "source");

              dl_problems_error (loader->problems, source_path, _("no source has the id “%s”"), shown);
              ok = FALSE;
            }
        }

      excerpt.exact = g_strdup (exact);
      excerpt.prefix = g_strdup (get_string (loader, element, path, "prefix", FALSE));
      excerpt.suffix = g_strdup (get_string (loader, element, path, "suffix", FALSE));

      /* A source whose article could not be read has been reported already. */
      if (ok && exact != NULL && excerpt.source != NULL && excerpt.source->text != NULL)
        ok = verify_excerpt (loader, &excerpt, has_start, start, has_end, end, path);
      else
        ok = FALSE;

      if (!ok)
        excerpt.source = NULL;

      g_array_append_val (event->excerpts, excerpt);
    }
}

static void
load_claims (Loader     *loader,
             DlEvent    *event,
             const DlJsonValue *object,
             const char *event_path)
{
  static const char * const known[] = { "topic", "value", "qualifier", "unit", "excerpt", NULL };
  g_autofree char *claims_path = join_path (event_path, "claims");
  const DlJsonValue *array = get_array (loader, object, event_path, "claims", FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = index_path (claims_path, i);
      DlClaim claim = { NULL, NULL, 0.0, FALSE, NULL, NULL, 0, NULL };
      const DlJsonValue *element;
      const DlJsonValue *value;
      const char *topic;
      guint excerpt = 0;
      gboolean ok = TRUE;

      if ((element = element_object (loader, &array->elements[i], path)) == NULL)
        continue;
      check_members (loader, element, path, known);

      topic = get_string (loader, element, path, "topic", TRUE);
      ok = topic != NULL;

      value = dl_json_object_get (element, "value");
      if (value == NULL)
        {
          dl_problems_error (loader->problems, path, _("the member “%s” is missing"), "value");
          ok = FALSE;
        }
      else if (dl_json_is_number (value))
        {
          claim.numeric = TRUE;
          if (get_number (loader, element, path, "value", &claim.value))
            claim.value_text = g_strdup_printf ("%.15g", claim.value);
          else
            ok = FALSE;
        }
      else if (node_is_string (value) && *value->string != '\0')
        claim.value_text = g_strdup (value->string);
      else
        {
          g_autofree char *value_path = join_path (path, "value");

          dl_problems_error (loader->problems, value_path,
                             _("expected a number or a non-empty string, found %s"), node_kind (value));
          ok = FALSE;
        }

      if (dl_json_object_get (element, "excerpt") == NULL)
        {
          dl_problems_error (loader->problems, path, _("the member “%s” is missing"), "excerpt");
          ok = FALSE;
        }
      else if (!get_uint (loader, element, path, "excerpt", &excerpt))
        ok = FALSE;
      else if (excerpt >= event->excerpts->len)
        {
          g_autofree char *excerpt_path = join_path (path, "excerpt");

          dl_problems_error (loader->problems, excerpt_path,
                             _("excerpt %u does not exist (the event has %u excerpts)"),
                             excerpt, event->excerpts->len);
          ok = FALSE;
        }
      else if ((claim.source = g_array_index (event->excerpts, DlExcerpt, excerpt).source) == NULL)
        ok = FALSE;  /* that excerpt's problem has been reported */

      claim.topic = g_strdup (topic);
      claim.qualifier = g_strdup (get_string (loader, element, path, "qualifier", FALSE));
      claim.unit = g_strdup (get_string (loader, element, path, "unit", FALSE));
      claim.excerpt = excerpt;

      if (!ok)
        {
          g_free (claim.topic);
          g_free (claim.value_text);
          g_free (claim.qualifier);
          g_free (claim.unit);
          continue;
        }

      g_array_append_val (event->claims, claim);
    }
}

static gboolean
is_identifier (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      return FALSE;

  return *text != '\0';
}

static void
load_event_places (Loader     *loader,
                   DlEvent    *event,
                   const DlJsonValue *object,
                   const char *path)
{
  const DlJsonValue *single = dl_json_object_get (object, "place");
  const DlJsonValue *several = dl_json_object_get (object, "places");

  if (single != NULL && several != NULL)
    {
      dl_problems_error (loader->problems, path, _("give either “place” or “places”, not both"));
      return;
    }

  /* An event without a place is shown on the timeline only (load_events
   * refuses one that has neither a place nor a date). */
  if (single == NULL && several == NULL)
    return;

  if (single != NULL)
    {
      const char *id = get_string (loader, object, path, "place", TRUE);
      g_autofree char *place_path = join_path (path, "place");
      DlPlace *place;

      if (id == NULL)
        return;
      if ((place = g_hash_table_lookup (loader->dataset->place_index, id)) == NULL)
        {
          g_autofree char *shown = dl_json_shorten (id, 60);

          dl_problems_error (loader->problems, place_path, _("no place has the id “%s”"), shown);
        }
      else
        g_ptr_array_add (event->places, g_object_ref (place));
    }
  else
    {
      g_autofree char *places_path = join_path (path, "places");
      const DlJsonValue *array = get_array (loader, object, path, "places", TRUE);

      if (array == NULL)
        return;
      if (array->length == 0)
        dl_problems_error (loader->problems, places_path, _("must name at least one place"));

      for (guint i = 0; i < array->length; i++)
        {
          const DlJsonValue *node = &array->elements[i];
          g_autofree char *element_path = index_path (places_path, i);
          DlPlace *place;

          if (!node_is_string (node))
            dl_problems_error (loader->problems, element_path, _("expected a place id, found %s"),
                               node_kind (node));
          else if ((place = g_hash_table_lookup (loader->dataset->place_index,
                                                 node->string)) == NULL)
            {
              g_autofree char *shown = dl_json_shorten (node->string, 60);

              dl_problems_error (loader->problems, element_path, _("no place has the id “%s”"), shown);
            }
          else
            g_ptr_array_add (event->places, g_object_ref (place));
        }
    }
}

static void
load_events (Loader     *loader,
             const DlJsonValue *root)
{
  static const char * const known[] = {
    "id", "title", "category", "when", "when_basis", "place", "places", "summary",
    "excerpts", "claims", DL_WORDS_EVENT_MEMBER, NULL
  };
  const DlJsonValue *array = get_array (loader, root, "$", "events", TRUE);
  const DlJsonValue *element;
  Walk walk;

  if (array == NULL)
    return;

  walk_init (&walk, loader, array);
  while ((element = walk_next (&walk)) != NULL)
    {
      g_autofree char *path = index_path ("events", walk.index - 1);
      g_autoptr(DlEvent) event = NULL;
      const DlJsonValue *object;
      const char *id;
      const char *when;
      const char *category;
      guint n_problems;

      if (g_cancellable_is_cancelled (loader->cancellable))
        return;
      if ((object = element_object (loader, element, path)) == NULL)
        continue;
      check_members (loader, object, path, known);

      n_problems = dl_problems_count (loader->problems, DL_SEVERITY_ERROR);
      id = get_id (loader, object, path, loader->dataset->event_index, _("event"));
      category = get_string (loader, object, path, "category", TRUE);
      when = get_string (loader, object, path, "when", FALSE);

      if (category != NULL && !is_identifier (category))
        {
          g_autofree char *shown = dl_json_shorten (category, 60);

          g_autofree char *category_path = join_path (path, "category");

          dl_problems_error (loader->problems, category_path,
                             _("“%s” is not a category: use lower-case letters, digits and “-”"), shown);
        }

      event = dl_event_new ();
      event->id = g_strdup (id);
      event->title = g_strdup (get_string (loader, object, path, "title", TRUE));
      event->category = g_strdup (category);
      event->summary = g_strdup (get_string (loader, object, path, "summary", FALSE));
      event->when_basis = g_strdup (get_string (loader, object, path, "when_basis", FALSE));
      if (when != NULL && parse_edtf (loader, when, path, "when", &event->when))
        event->when_text = g_strdup (when);
      /* An event without a date is shown on the map only. */
      if (dl_json_object_get (object, "when") == NULL
          && dl_json_object_get (object, "place") == NULL && dl_json_object_get (object, "places") == NULL)
        dl_problems_error (loader->problems, path,
                           _("an event needs a date (“when”), a place (“place” or “places”), or both"));

      load_event_places (loader, event, object, path);
      event->place_role = dl_words_read_place_role (object, path, loader->problems);
      load_excerpts (loader, event, object, path);
      load_claims (loader, event, object, path);

      if (dl_problems_count (loader->problems, DL_SEVERITY_ERROR) != n_problems)
        continue;

      g_hash_table_insert (loader->dataset->event_index, event->id, event);
      g_list_store_append (loader->dataset->events, event);
    }
}

static void
narrative_clear (gpointer data)
{
  DlNarrative *narrative = data;

  g_free (narrative->id);
  g_free (narrative->title);
  g_free (narrative->description);
  g_array_unref (narrative->steps);
}

static void
step_clear (gpointer data)
{
  DlNarrativeStep *step = data;

  g_free (step->caption);
}

static void
load_narratives (Loader     *loader,
                 const DlJsonValue *root)
{
  static const char * const known[] = { "id", "title", "description", "steps", NULL };
  static const char * const step_known[] = { "event", "caption", NULL };
  const DlJsonValue *array = get_array (loader, root, "$", "narratives", FALSE);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const DlJsonValue *element;
  Walk walk;

  if (array == NULL)
    return;

  walk_init (&walk, loader, array);
  while ((element = walk_next (&walk)) != NULL)
    {
      g_autofree char *path = index_path ("narratives", walk.index - 1);
      g_autofree char *steps_path = join_path (path, "steps");
      DlNarrative narrative = { NULL, NULL, NULL, NULL };
      const DlJsonValue *object;
      const DlJsonValue *steps;
      const char *id;

      if ((object = element_object (loader, element, path)) == NULL)
        continue;
      check_members (loader, object, path, known);

      id = get_id (loader, object, path, ids, _("narrative"));
      narrative.id = g_strdup (id);
      narrative.title = g_strdup (get_string (loader, object, path, "title", TRUE));
      narrative.description = g_strdup (get_string (loader, object, path, "description", FALSE));
      narrative.steps = g_array_new (FALSE, TRUE, sizeof (DlNarrativeStep));
      g_array_set_clear_func (narrative.steps, step_clear);

      if ((steps = get_array (loader, object, path, "steps", TRUE)) != NULL)
        {
          if (steps->length == 0)
            dl_problems_error (loader->problems, steps_path, _("a narrative needs at least one step"));

          for (guint j = 0; j < steps->length; j++)
            {
              g_autofree char *step_path = index_path (steps_path, j);
              g_autofree char *event_path = join_path (step_path, "event");
              DlNarrativeStep step = { NULL, NULL };
              const DlJsonValue *step_object;
              const char *event_id;

              if ((step_object = element_object (loader, &steps->elements[j], step_path)) == NULL)
                continue;
              check_members (loader, step_object, step_path, step_known);

              event_id = get_string (loader, step_object, step_path, "event", TRUE);
              if (event_id != NULL
                  && (step.event = g_hash_table_lookup (loader->dataset->event_index, event_id)) == NULL)
                {
                  g_autofree char *shown = dl_json_shorten (event_id, 60);

                  dl_problems_error (loader->problems, event_path, _("no event has the id “%s”"), shown);
                  continue;
                }
              if (step.event == NULL)
                continue;

              step.caption = g_strdup (get_string (loader, step_object, step_path, "caption", FALSE));
              g_array_append_val (narrative.steps, step);
            }
        }

      if (id == NULL)
        {
          narrative_clear (&narrative);
          continue;
        }

      g_array_append_val (loader->dataset->narratives, narrative);
      g_hash_table_add (ids, g_array_index (loader->dataset->narratives, DlNarrative,
                                            loader->dataset->narratives->len - 1).id);
    }
}

static void
index_claims (DlDataset *self)
{
  for (guint i = 0; i < self->events_by_time->len; i++)
    {
      DlEvent *event = g_ptr_array_index (self->events_by_time, i);

      for (guint j = 0; j < event->claims->len; j++)
        {
          const DlClaim *claim = &g_array_index (event->claims, DlClaim, j);
          DlClaimRef ref = { event, claim };
          GArray *refs = g_hash_table_lookup (self->claims, claim->topic);

          if (refs == NULL)
            {
              refs = g_array_new (FALSE, FALSE, sizeof (DlClaimRef));
              g_hash_table_insert (self->claims, claim->topic, refs);
            }
          g_array_append_val (refs, ref);
        }
    }
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
                GCancellable *cancellable)
{
  g_autoptr(DlDataset) self = g_object_new (DL_TYPE_DATASET, NULL);
  Loader loader = { self, problems, NULL, NULL, NULL, 0, cancellable };
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
      dl_problems_error (problems, "$", _("a dataset is a JSON object, this file holds %s"), node_kind (root));
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
      DL_WORDS_ROOT_MEMBER, NULL
    };

    check_members (&loader, root, "$", known);
  }

  if (base_dir != NULL)
    loader.base_dir = realpath (base_dir, NULL);
  loader.articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) dl_text_free);

  self->title = g_strdup (get_string (&loader, root, "$", "title", TRUE));
  self->description = g_strdup (get_string (&loader, root, "$", "description", FALSE));

  self->topics = dl_words_read_topics (loader.reader, root, problems);
  dl_words_check_topics (self->topics, problems);
  load_sources (&loader, root);
  load_places (&loader, root);
  load_events (&loader, root);
  load_narratives (&loader, root);

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

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->events)); i++)
    g_ptr_array_add (self->events_by_time, g_list_model_get_item (G_LIST_MODEL (self->events), i));
  g_ptr_array_sort (self->events_by_time, dl_event_compare_time);
  index_claims (self);

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

  g_object_set_data_full (G_OBJECT (task), "problems", problems, (GDestroyNotify) dl_problems_free);

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
  g_hash_table_unref (self->source_index);
  g_hash_table_unref (self->place_index);
  g_hash_table_unref (self->event_index);
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
}

static void
dl_dataset_init (DlDataset *self)
{
  self->sources = g_list_store_new (DL_TYPE_SOURCE);
  self->places = g_list_store_new (DL_TYPE_PLACE);
  self->events = g_list_store_new (DL_TYPE_EVENT);
  self->events_by_time = g_ptr_array_new_with_free_func (g_object_unref);
  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->place_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->narratives = g_array_new (FALSE, TRUE, sizeof (DlNarrative));
  g_array_set_clear_func (self->narratives, narrative_clear);
  self->claims = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
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

  return load_from_data (data != NULL ? data : "", len, FALSE, base_dir, problems, NULL);
}

DlDataset *
dl_dataset_load (GFile        *file,
                 DlProblems   *problems,
                 GCancellable *cancellable)
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
                              g_mapped_file_get_length (mapped), TRUE, base_dir, problems, cancellable);
  else
    dataset = load_from_data (contents, len, FALSE, base_dir, problems, cancellable);
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
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_dataset_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
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

gboolean
dl_dataset_get_time_range (DlDataset *self,
                           gint64    *earliest,
                           gint64    *latest)
{
  gint64 lo = G_MAXINT64;
  gint64 hi = G_MININT64;

  g_return_val_if_fail (DL_IS_DATASET (self), FALSE);

  for (guint i = 0; i < self->events_by_time->len; i++)
    {
      const DlEdtf *when = &DL_EVENT (g_ptr_array_index (self->events_by_time, i))->when;

      if (when->earliest != DL_EDTF_UNBOUNDED_START)
        lo = MIN (lo, when->earliest);
      if (when->latest != DL_EDTF_UNBOUNDED_END)
        hi = MAX (hi, when->latest);
      if (when->earliest != DL_EDTF_UNBOUNDED_START && when->latest == DL_EDTF_UNBOUNDED_END)
        hi = MAX (hi, when->earliest);
      if (when->latest != DL_EDTF_UNBOUNDED_END && when->earliest == DL_EDTF_UNBOUNDED_START)
        lo = MIN (lo, when->latest);
    }

  if (lo > hi)
    return FALSE;

  if (earliest != NULL)
    *earliest = lo;
  if (latest != NULL)
    *latest = hi;

  return TRUE;
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

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

GStrv
dl_dataset_dup_topics (DlDataset *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree const char **keys = NULL;
  guint n = 0;

  g_return_val_if_fail (DL_IS_DATASET (self), NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->claims, &n);
  for (guint i = 0; i < n; i++)
    g_strv_builder_add (builder, keys[i]);

  {
    GStrv topics = g_strv_builder_end (builder);

    qsort (topics, n, sizeof (char *), compare_strings);
    return topics;
  }
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

/* Building a dataset in memory (dl-dataset-build.h): the importers of other
 * formats (src/import/) hand over objects they made, so that what they read
 * is the same DlDataset every view, search, filter and export works on. */

DlDataset *
dl_dataset_new_for_import (GFile      *file,
                           const char *title,
                           const char *description)
{
  DlDataset *self = g_object_new (DL_TYPE_DATASET, NULL);

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->imported = TRUE;
  return self;
}

gboolean
dl_dataset_is_imported (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), FALSE);
  return self->imported;
}

void
dl_dataset_add_source (DlDataset *self,
                       DlSource  *source)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (!g_hash_table_contains (self->source_index, source->id));

  g_list_store_append (self->sources, source);
  g_hash_table_insert (self->source_index, source->id, source);
}

void
dl_dataset_add_place (DlDataset *self,
                      DlPlace   *place)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (!g_hash_table_contains (self->place_index, place->id));

  g_list_store_append (self->places, place);
  g_hash_table_insert (self->place_index, place->id, place);
}

void
dl_dataset_add_event (DlDataset *self,
                      DlEvent   *event)
{
  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (!g_hash_table_contains (self->event_index, event->id));

  g_list_store_append (self->events, event);
  g_hash_table_insert (self->event_index, event->id, event);
}

void
dl_dataset_add_topic (DlDataset  *self,
                      const char *id,
                      const char *label)
{
  DlTopic *topic;

  g_return_if_fail (DL_IS_DATASET (self) && self->imported);

  if (self->topics == NULL)
    self->topics = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) dl_topic_free);
  topic = g_new0 (DlTopic, 1);
  topic->id = g_strdup (id);
  topic->label = g_strdup (label);
  g_hash_table_replace (self->topics, topic->id, topic);
}

void
dl_dataset_add_narrative (DlDataset  *self,
                          const char *id,
                          const char *title,
                          const char *description,
                          GPtrArray  *events)
{
  DlNarrative narrative = { g_strdup (id), g_strdup (title), g_strdup (description), NULL };

  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (events != NULL && events->len > 0);

  narrative.steps = g_array_new (FALSE, TRUE, sizeof (DlNarrativeStep));
  g_array_set_clear_func (narrative.steps, step_clear);
  for (guint i = 0; i < events->len; i++)
    {
      DlNarrativeStep step = { g_ptr_array_index (events, i), NULL };

      g_array_append_val (narrative.steps, step);
    }
  g_array_append_val (self->narratives, narrative);
}

void
dl_dataset_finish_import (DlDataset *self)
{
  GListModel *events;

  g_return_if_fail (DL_IS_DATASET (self) && self->imported);
  g_return_if_fail (self->events_by_time->len == 0);

  events = G_LIST_MODEL (self->events);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    g_ptr_array_add (self->events_by_time, g_list_model_get_item (events, i));
  g_ptr_array_sort (self->events_by_time, dl_event_compare_time);
  index_claims (self);
}
