/* dl-dataset-members.c: reading JSON members with precise problems
 *
 * Its own file because every list of the dataset reads its members the
 * same way: each helper names the JSON path of what is missing or of the
 * wrong kind, ids are checked for uniqueness, and unknown members (usually
 * typos) are warnings. Paths are built without printf, since they are made
 * for every element of every array.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-dataset-load-private.h"

char *
dl_loader_join_path (const char *path,
                     const char *member)
{
  /* Top-level members are named bare: "title", not "$.title". */
  if (g_str_equal (path, "$"))
    return g_strdup (member);

  return g_strconcat (path, ".", member, NULL);
}

/* Made for every element of every array: no printf. */
char *
dl_loader_index_path (const char *path,
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

const char *
dl_loader_node_kind (const DlJsonValue *node)
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

gboolean
dl_loader_node_is_string (const DlJsonValue *node)
{
  return node->type == DL_JSON_STRING;
}

/* What a getter accepts: the kinds of dl_loader_node_kind() it reads. */
typedef enum {
  KIND_STRING,
  KIND_NUMBER,  /* an integer or not */
  KIND_WHOLE,   /* an integer */
  KIND_ARRAY,
} Kind;

static gboolean
is_kind (const DlJsonValue *node,
         Kind               kind)
{
  switch (kind)
    {
    case KIND_STRING:
      return dl_loader_node_is_string (node);
    case KIND_NUMBER:
      return dl_json_is_number (node);
    case KIND_WHOLE:
      return node->type == DL_JSON_INTEGER;
    case KIND_ARRAY:
    default:
      return node->type == DL_JSON_ARRAY;
    }
}

/* Every getter's first steps, one code for all: the member, or NULL when
 * it is absent (an error when @required) or not of @kind (always an
 * error, naming what was found). */
static const DlJsonValue *
get_member (Loader            *loader,
            const DlJsonValue *object,
            const char        *path,
            const char        *member,
            gboolean           required,
            Kind               kind)
{
  const DlJsonValue *node = dl_json_object_get (object, member);
  g_autofree char *member_path = NULL;
  const char *found;

  if (node == NULL)
    {
      if (required)
        dl_problems_error (loader->problems, path, _("the member “%s” is missing"), member);
      return NULL;
    }
  if (is_kind (node, kind))
    return node;

  member_path = dl_loader_join_path (path, member);
  found = dl_loader_node_kind (node);
  /* A whole sentence for each kind, for the translators. */
  switch (kind)
    {
    case KIND_STRING:
      dl_problems_error (loader->problems, member_path, _("expected a string, found %s"), found);
      break;
    case KIND_NUMBER:
      dl_problems_error (loader->problems, member_path, _("expected a number, found %s"), found);
      break;
    case KIND_WHOLE:
      dl_problems_error (loader->problems, member_path, _("expected a whole number, found %s"), found);
      break;
    case KIND_ARRAY:
    default:
      dl_problems_error (loader->problems, member_path, _("expected an array, found %s"), found);
      break;
    }
  return NULL;
}

/* Returns the member's string, NULL when absent (an error when required) or
 * not a string (always an error). */
const char *
dl_loader_get_string (Loader            *loader,
                      const DlJsonValue *object,
                      const char        *path,
                      const char        *member,
                      gboolean           required)
{
  const DlJsonValue *node = get_member (loader, object, path, member, required, KIND_STRING);
  const char *value;

  if (node == NULL)
    return NULL;

  value = node->string;
  /* The length the reader knows is at least strlen() (an escaped NUL ends
   * the C string early): most texts are shorter than any limit, and the
   * limit's name lookup is a good part of reading an event. */
  if (node->length > MIN (DL_FIELD_MAX_SHORT, DL_FIELD_MAX_CONTEXT)
      && strlen (value) > dl_field_max_bytes (member))
    {
      g_autofree char *member_path = dl_loader_join_path (path, member);
      g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, strlen (value));
      g_autofree char *max = g_strdup_printf ("%" G_GSIZE_FORMAT, dl_field_max_bytes (member));

      /* Translators: both are numbers of bytes */
      dl_problems_error (loader->problems, member_path, _("the text is too long: %s bytes, at most %s"),
                         size, max);
      return NULL;
    }
  if (required && *value == '\0')
    {
      g_autofree char *member_path = dl_loader_join_path (path, member);

      dl_problems_error (loader->problems, member_path, _("must not be empty"));
      return NULL;
    }

  return value;
}

gboolean
dl_loader_get_number (Loader            *loader,
                      const DlJsonValue *object,
                      const char        *path,
                      const char        *member,
                      double            *value)
{
  const DlJsonValue *node = get_member (loader, object, path, member, FALSE, KIND_NUMBER);

  if (node == NULL)
    return FALSE;

  *value = dl_json_get_double (node);
  if (!isfinite (*value))
    {
      g_autofree char *member_path = dl_loader_join_path (path, member);

      dl_problems_error (loader->problems, member_path, _("the number is too large"));
      return FALSE;
    }

  return TRUE;
}

/* A non-negative integer index or offset. */
gboolean
dl_loader_get_uint (Loader            *loader,
                    const DlJsonValue *object,
                    const char        *path,
                    const char        *member,
                    guint             *value)
{
  const DlJsonValue *node = get_member (loader, object, path, member, FALSE, KIND_WHOLE);
  gint64 v;

  if (node == NULL)
    return FALSE;

  v = node->integer;
  if (v < 0 || v > G_MAXINT32)
    {
      g_autofree char *member_path = dl_loader_join_path (path, member);
      /* Numbers are formatted apart: xgettext cannot read G_GINT64_FORMAT. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      dl_problems_error (loader->problems, member_path, _("%s is out of range (0 to %d)"), number, G_MAXINT32);
      return FALSE;
    }

  *value = (guint) v;
  return TRUE;
}

const DlJsonValue *
dl_loader_get_array (Loader            *loader,
                     const DlJsonValue *object,
                     const char        *path,
                     const char        *member,
                     gboolean           required)
{
  return get_member (loader, object, path, member, required, KIND_ARRAY);
}

void
dl_loader_walk_init (Walk              *walk,
                     Loader            *loader,
                     const DlJsonValue *array)
{
  walk->array = array;
  walk->index = 0;
  if (array->lazy)
    dl_json_array_iter_init (&walk->iter, loader->reader, array);
}

/* The next element (its index in walk->index - 1), or NULL at the end. */
const DlJsonValue *
dl_loader_walk_next (Walk *walk)
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

gboolean
dl_loader_walk_list (Walk              *walk,
                     Loader            *loader,
                     const DlJsonValue *root,
                     const char        *member,
                     gboolean           required)
{
  const DlJsonValue *array = dl_loader_get_array (loader, root, "$", member, required);

  if (array == NULL)
    return FALSE;

  dl_loader_walk_init (walk, loader, array);
  return TRUE;
}

/* The element as an object, or NULL with an error. */
const DlJsonValue *
dl_loader_element_object (Loader            *loader,
                          const DlJsonValue *node,
                          const char        *path)
{
  if (node->type != DL_JSON_OBJECT)
    {
      dl_problems_error (loader->problems, path, _("expected an object, found %s"), dl_loader_node_kind (node));
      return NULL;
    }

  return node;
}

/* g_strv_contains, without a call per name. */
static gboolean
is_known (const char * const *known,
          const char         *name)
{
  for (; *known != NULL; known++)
    if (dl_json_name_equal (*known, name))
      return TRUE;

  return FALSE;
}

/* Unknown members are most often typos: say so, but load. */
void
dl_loader_check_members (Loader             *loader,
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
          g_autofree char *member_path = dl_loader_join_path (path, shown);

          dl_problems_warning (loader->problems, member_path, _("unknown member “%s” is ignored"), shown);
        }
    }
}

/* Ids: non-empty, no control characters; unique within their list. */
const char *
dl_loader_get_id (Loader            *loader,
                  const DlJsonValue *object,
                  const char        *path,
                  GHashTable        *index,
                  const char        *what)
{
  const char *id = dl_loader_get_string (loader, object, path, "id", TRUE);

  if (id == NULL)
    return NULL;

  if (g_hash_table_contains (index, id))
    {
      g_autofree char *id_path = dl_loader_join_path (path, "id");
      g_autofree char *shown = dl_json_shorten (id, 60);

      dl_problems_error (loader->problems, id_path, _("duplicate %s id “%s”"), what, shown);
      return NULL;
    }

  return id;
}

gboolean
dl_loader_parse_edtf (Loader     *loader,
                      const char *text,
                      const char *path,
                      const char *member,
                      DlEdtf     *out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *member_path = NULL;

  if (dl_edtf_parse (text, out, &error))
    return TRUE;

  member_path = dl_loader_join_path (path, member);
  dl_problems_error (loader->problems, member_path, "%s", error->message);
  return FALSE;
}
