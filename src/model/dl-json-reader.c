/* dl-json-reader.c: a strict JSON reader for big datasets, without a tree of
 * the whole file
 *
 * Two passes. The check walks the whole text once, allocating nothing per
 * value: strict RFC 8259 grammar, UTF-8, nesting depth, integer range,
 * duplicate keys and raw control characters. Then the loader parses one
 * element of a big array at a time into an arena that is reused, so what is
 * held is the model being built, never a tree of the file (json-glib's tree
 * costs 40–48 times the file's size). Because the text is known to be valid
 * by then, the second pass does not check again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-json-reader"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "dl-json-number-private.h"
#include "dl-json-reader-private.h"
#include "dl-text.h"

#define CHUNK_SIZE (64 * 1024)
/* Give mapped pages back in steps this big. */
#define RELEASE_STEP (16 * 1024 * 1024)

/* Arena */

static void
arena_init (Arena *arena)
{
  arena->chunks = g_ptr_array_new_with_free_func (g_free);
  arena->cursor = NULL;
  arena->left = 0;
}

static void
arena_clear (Arena *arena)
{
  g_ptr_array_unref (arena->chunks);
}

static gpointer
arena_alloc (Arena *arena,
             gsize  size)
{
  gpointer result;

  size = (size + 7) & ~(gsize) 7;
  if (size > arena->left)
    {
      gsize chunk = MAX (CHUNK_SIZE, size);
      char *memory = g_malloc (chunk);

      g_ptr_array_add (arena->chunks, memory);
      if (arena->chunks->len == 1)
        arena->first_size = chunk;
      /* A big one-off block leaves the current chunk in use. */
      if (chunk > CHUNK_SIZE && arena->left > 0)
        return memory;
      arena->cursor = memory;
      arena->left = chunk;
    }

  result = arena->cursor;
  arena->cursor += size;
  arena->left -= size;

  return result;
}

static void
arena_reset (Arena *arena)
{
  if (arena->chunks->len == 0)
    return;

  /* Keep the first chunk: most elements fit in it. */
  g_ptr_array_set_size (arena->chunks, 1);
  arena->cursor = g_ptr_array_index (arena->chunks, 0);
  arena->left = arena->first_size;
}

/* Helpers */

/* Unescapes a string that the check has accepted; returns its length. */
static gsize
unescape (const char *src,
          gsize       len,
          char       *dst)
{
  char *out = dst;

  for (gsize i = 0; i < len; i++)
    {
      gunichar c;

      if (src[i] != '\\')
        {
          *out++ = src[i];
          continue;
        }

      switch (src[++i])
        {
        case 'b': *out++ = '\b'; continue;
        case 'f': *out++ = '\f'; continue;
        case 'n': *out++ = '\n'; continue;
        case 'r': *out++ = '\r'; continue;
        case 't': *out++ = '\t'; continue;
        case 'u':
          break;
        default:
          *out++ = src[i];
          continue;
        }

      c = (gunichar) dl_json_hex4 (src + i + 1);
      i += 4;
      if (c >= 0xD800 && c <= 0xDBFF)
        {
          gunichar low = (gunichar) dl_json_hex4 (src + i + 3);

          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
      out += g_unichar_to_utf8 (c, out);
    }

  *out = '\0';
  return (gsize) (out - dst);
}

char *
dl_json_dup_unescaped (const char *src,
                       gsize       len,
                       gboolean    escaped)
{
  char *copy = g_malloc (len + 1);

  if (escaped)
    unescape (src, len, copy);
  else
    {
      memcpy (copy, src, len);
      copy[len] = '\0';
    }

  return copy;
}

char *
dl_json_shorten (const char *text,
                 guint       max_chars)
{
  /* Controls and bidi overrides escaped, so a file cannot reorder a message. */
  return dl_text_escape_for_message (text, -1, max_chars);
}

/* Gives the mapped pages before `position` back to the system. */
void
dl_json_reader_release_behind (DlJsonReader *self,
                               gsize         position)
{
  static gsize page_size;
  gsize from;
  gsize to;

  /* Called as each element of the root's arrays is passed: where the
   * progress of a load is known. The check (self->have_root still FALSE)
   * is the first half. */
  if (self->progress != NULL && self->len > 0)
    {
      gint permille = (gint) ((self->have_root ? 500 : 0) + (guint64) position * 500 / self->len);

      /* The root's arrays may come in any order: never backwards. */
      if (permille > g_atomic_int_get (self->progress))
        g_atomic_int_set (self->progress, permille);
    }

  if (!self->release || position < self->released + RELEASE_STEP)
    return;

  if (page_size == 0)
    page_size = (gsize) sysconf (_SC_PAGESIZE);

  /* A mapped file starts on a page boundary, so offsets align as addresses do. */
  from = self->released & ~(page_size - 1);
  to = position & ~(page_size - 1);
  if (to > from)
    madvise ((char *) self->data + from, to - from, MADV_DONTNEED);
  self->released = to;
}

/* Parsing text the check has accepted */

typedef struct {
  DlJsonReader *self;
  Arena        *arena;
} Parse;

static void parse_value (Parse       *parse,
                         gsize       *pos,
                         DlJsonValue *out);

static void
parse_string (Parse       *parse,
              gsize       *pos,
              DlJsonValue *out)
{
  const char *data = parse->self->data;
  gsize start = *pos + 1;
  gsize i = start;
  gboolean escaped = FALSE;
  char *copy;

  /* The check found the closing quote: it is there. */
  while (data[i = find_quote_or_backslash (data, parse->self->len, i)] == '\\')
    {
      escaped = TRUE;
      i += 2;
    }

  copy = arena_alloc (parse->arena, i - start + 1);
  out->type = DL_JSON_STRING;
  out->string = copy;
  if (escaped)
    out->length = (guint) unescape (data + start, i - start, copy);
  else
    {
      memcpy (copy, data + start, i - start);
      copy[i - start] = '\0';
      out->length = (guint) (i - start);
    }
  *pos = i + 1;
}

static void
parse_number (Parse       *parse,
              gsize       *pos,
              DlJsonValue *out)
{
  const char *data = parse->self->data;
  gsize len = parse->self->len;
  gsize start = *pos;
  gsize i = start;
  gboolean integer = TRUE;

  if (data[i] == '-')
    i++;
  while (i < len && (g_ascii_isdigit (data[i]) || data[i] == '.' || data[i] == 'e' || data[i] == 'E'
                     || data[i] == '+' || data[i] == '-'))
    {
      if (!g_ascii_isdigit (data[i]))
        integer = FALSE;
      i++;
    }

  /* Most numbers are integers the check found to fit: no copy, no call. */
  if (integer)
    {
      gboolean negative = data[start] == '-';
      guint64 magnitude = 0;

      for (gsize k = start + negative; k < i; k++)
        magnitude = magnitude * 10 + (guint64) (data[k] - '0');
      out->type = DL_JSON_INTEGER;
      out->integer = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
      *pos = i;
      return;
    }

  /* The text is not NUL-terminated (a mapped file): copy the number out. */
  {
    char small[64];
    g_autofree char *big = NULL;
    char *text = small;

    if (i - start >= sizeof small)
      text = big = g_malloc (i - start + 1);
    memcpy (text, data + start, i - start);
    text[i - start] = '\0';

    out->type = DL_JSON_DOUBLE;
    out->number = g_ascii_strtod (text, NULL);
  }
  *pos = i;
}

static void
parse_container (Parse       *parse,
                 gsize       *pos,
                 DlJsonValue *out)
{
  DlJsonReader *self = parse->self;
  const char *data = self->data;
  gboolean object = data[*pos] == '{';
  char close = object ? '}' : ']';
  guint base = object ? self->n_members : self->n_values;
  gsize i = skip_space (data, self->len, *pos + 1);
  guint n;

  /* Each member or element is parsed in its place on the stack (by
   * index: a nested container may move the stack), not into a copy on the
   * C stack moved afterwards, whose reads waited for its writes. */
  while (data[i] != close)
    {
      if (object)
        {
          DlJsonValue name;
          guint k;

          if (self->n_members == self->members_size)
            {
              self->members_size = MAX (64, self->members_size * 2);
              self->member_stack = g_renew (DlJsonMember, self->member_stack, self->members_size);
            }
          k = self->n_members++;
          self->member_stack[k].offset = i;
          parse_string (parse, &i, &name);
          self->member_stack[k].name = name.string;
          i = skip_space (data, self->len, i);
          i = skip_space (data, self->len, i + 1);  /* the colon */
          if (data[i] == '{' || data[i] == '[')
            {
              DlJsonValue value;

              parse_value (parse, &i, &value);
              self->member_stack[k].value = value;
            }
          else
            parse_value (parse, &i, &self->member_stack[k].value);
        }
      else
        {
          guint k;

          if (self->n_values == self->values_size)
            {
              self->values_size = MAX (64, self->values_size * 2);
              self->value_stack = g_renew (DlJsonValue, self->value_stack, self->values_size);
            }
          k = self->n_values++;
          if (data[i] == '{' || data[i] == '[')
            {
              DlJsonValue element;

              parse_value (parse, &i, &element);
              self->value_stack[k] = element;
            }
          else
            parse_value (parse, &i, &self->value_stack[k]);
        }

      i = skip_space (data, self->len, i);
      if (data[i] == ',')
        i = skip_space (data, self->len, i + 1);
    }

  n = (object ? self->n_members : self->n_values) - base;
  out->type = object ? DL_JSON_OBJECT : DL_JSON_ARRAY;
  out->length = n;
  if (object)
    {
      out->members = arena_alloc (parse->arena, MAX (n, 1) * sizeof (DlJsonMember));
      if (n > 0)
        memcpy (out->members, self->member_stack + base, n * sizeof (DlJsonMember));
      self->n_members = base;
    }
  else
    {
      out->elements = arena_alloc (parse->arena, MAX (n, 1) * sizeof (DlJsonValue));
      if (n > 0)
        memcpy (out->elements, self->value_stack + base, n * sizeof (DlJsonValue));
      self->n_values = base;
    }
  *pos = i + 1;
}

static void
parse_value (Parse       *parse,
             gsize       *pos,
             DlJsonValue *out)
{
  const char *data = parse->self->data;
  gsize i = skip_space (data, parse->self->len, *pos);

  memset (out, 0, sizeof *out);
  out->offset = i;
  *pos = i;

  switch (data[i])
    {
    case '{':
    case '[':
      parse_container (parse, pos, out);
      break;
    case '"':
      parse_string (parse, pos, out);
      break;
    case 't':
      out->type = DL_JSON_BOOLEAN;
      out->boolean = TRUE;
      *pos = i + 4;
      break;
    case 'f':
      out->type = DL_JSON_BOOLEAN;
      *pos = i + 5;
      break;
    case 'n':
      out->type = DL_JSON_NULL;
      *pos = i + 4;
      break;
    default:
      parse_number (parse, pos, out);
      break;
    }
}

/* Public API */

DlJsonReader *
dl_json_reader_new (const char *data,
                    gsize       len)
{
  DlJsonReader *self = g_new0 (DlJsonReader, 1);

  self->data = data;
  self->len = len;
  self->faults = g_array_new (FALSE, FALSE, sizeof (DlJsonFault));
  self->keys = g_array_new (FALSE, FALSE, sizeof (KeyRef));
  self->path = g_array_new (FALSE, FALSE, sizeof (PathEntry));
  self->root_members = g_array_new (FALSE, FALSE, sizeof (RootMember));
  arena_init (&self->root_arena);
  arena_init (&self->arena);

  return self;
}

void
dl_json_reader_free (DlJsonReader *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->faults->len; i++)
    {
      g_free (g_array_index (self->faults, DlJsonFault, i).path);
      g_free (g_array_index (self->faults, DlJsonFault, i).name);
    }
  for (guint i = 0; i < self->root_members->len; i++)
    {
      g_free (g_array_index (self->root_members, RootMember, i).name);
      g_clear_pointer (&g_array_index (self->root_members, RootMember, i).starts, g_array_unref);
    }
  g_array_unref (self->faults);
  g_array_unref (self->keys);
  g_array_unref (self->path);
  g_array_unref (self->root_members);
  g_free (self->value_stack);
  g_free (self->member_stack);
  arena_clear (&self->root_arena);
  arena_clear (&self->arena);
  g_free (self);
}

DlJsonReader *
dl_json_reader_new_sibling (DlJsonReader *self)
{
  DlJsonReader *sibling;

  g_return_val_if_fail (self->checked && self->parent == NULL, NULL);

  sibling = dl_json_reader_new (self->data, self->len);
  sibling->parent = self;
  sibling->release = self->release;
  sibling->checked = TRUE;

  return sibling;
}

void
dl_json_reader_set_release_behind (DlJsonReader *self,
                                   gboolean      release)
{
  self->release = release;
}

void
dl_json_reader_set_progress (DlJsonReader *self,
                             gint         *permille)
{
  self->progress = permille;
}
static DlJsonType
type_at (const char *data,
         gsize       offset)
{
  switch (data[offset])
    {
    case '{': return DL_JSON_OBJECT;
    case '[': return DL_JSON_ARRAY;
    case '"': return DL_JSON_STRING;
    case 't': case 'f': return DL_JSON_BOOLEAN;
    case 'n': return DL_JSON_NULL;
    default: return DL_JSON_INTEGER;
    }
}

const DlJsonValue *
dl_json_reader_get_root (DlJsonReader *self)
{
  Parse parse = { self, &self->root_arena };

  g_return_val_if_fail (self->checked, NULL);

  if (self->have_root)
    return &self->root;
  self->have_root = TRUE;

  self->root.offset = self->root_offset;
  self->root.type = type_at (self->data, self->root_offset);
  if (self->root.type != DL_JSON_OBJECT)
    {
      /* Not a dataset: its kind is all the loader says about it. */
      if (self->root.type == DL_JSON_ARRAY)
        self->root.lazy = TRUE;
      else
        {
          gsize i = self->root_offset;

          parse_value (&parse, &i, &self->root);
        }
      return &self->root;
    }

  self->root.length = self->root_members->len;
  self->root.members = arena_alloc (&self->root_arena, MAX (self->root.length, 1) * sizeof (DlJsonMember));
  for (guint m = 0; m < self->root_members->len; m++)
    {
      const RootMember *root_member = &g_array_index (self->root_members, RootMember, m);
      DlJsonMember *member = &self->root.members[m];
      gsize i = root_member->offset;

      member->name = root_member->name;
      member->offset = root_member->name_offset;
      memset (&member->value, 0, sizeof member->value);
      member->value.offset = i;
      member->value.type = type_at (self->data, i);
      if (member->value.type == DL_JSON_ARRAY || member->value.type == DL_JSON_OBJECT)
        member->value.lazy = TRUE;
      else
        parse_value (&parse, &i, &member->value);
    }

  return &self->root;
}

const DlJsonValue *
dl_json_reader_load (DlJsonReader      *self,
                     const DlJsonValue *value)
{
  Parse parse = { self, &self->root_arena };
  DlJsonValue *out;
  gsize i;

  g_return_val_if_fail (value != NULL, NULL);

  if (!value->lazy)
    return value;

  i = value->offset;
  out = arena_alloc (&self->root_arena, sizeof (DlJsonValue));
  parse_value (&parse, &i, out);
  return out;
}

void
dl_json_array_iter_init (DlJsonArrayIter   *iter,
                         DlJsonReader      *reader,
                         const DlJsonValue *array)
{
  g_return_if_fail (array->type == DL_JSON_ARRAY && array->lazy);

  iter->reader = reader;
  iter->position = array->offset + 1;
  iter->index = 0;
  iter->end = G_MAXUINT;
  iter->done = FALSE;
  reader->released = array->offset;
}

/* The element starts the check noted for a lazy array of the root. */
static GArray *
find_starts (DlJsonReader      *self,
             const DlJsonValue *array)
{
  DlJsonReader *checked = self->parent != NULL ? self->parent : self;

  for (guint m = 0; m < checked->root_members->len; m++)
    {
      const RootMember *member = &g_array_index (checked->root_members, RootMember, m);

      if (member->offset == array->offset)
        return member->starts;
    }

  return NULL;
}

guint
dl_json_reader_get_n_elements (DlJsonReader      *self,
                               const DlJsonValue *array)
{
  GArray *starts;

  g_return_val_if_fail (array->type == DL_JSON_ARRAY && array->lazy, 0);

  starts = find_starts (self, array);
  return starts != NULL ? starts->len : 0;
}

void
dl_json_array_iter_init_range (DlJsonArrayIter   *iter,
                               DlJsonReader      *reader,
                               const DlJsonValue *array,
                               guint              first,
                               guint              end)
{
  GArray *starts = find_starts (reader, array);

  dl_json_array_iter_init (iter, reader, array);
  if (starts == NULL || first >= starts->len)
    {
      iter->done = TRUE;
      return;
    }
  /* Just before the element: iter_next skips a comma and spaces there. */
  iter->position = g_array_index (starts, gsize, first);
  iter->index = first;
  iter->end = end;
  reader->released = iter->position;
}

const DlJsonValue *
dl_json_array_iter_next (DlJsonArrayIter *iter)
{
  DlJsonReader *self = iter->reader;
  Parse parse = { self, &self->arena };
  DlJsonValue *value;
  gsize i;

  if (iter->done)
    return NULL;
  if (iter->index >= iter->end)
    {
      iter->done = TRUE;
      return NULL;
    }

  arena_reset (&self->arena);
  i = skip_space (self->data, self->len, iter->position);
  if (self->data[i] == ',')
    i = skip_space (self->data, self->len, i + 1);
  if (self->data[i] == ']')
    {
      iter->done = TRUE;
      dl_json_reader_release_behind (self, i);
      return NULL;
    }

  value = arena_alloc (&self->arena, sizeof (DlJsonValue));
  parse_value (&parse, &i, value);
  iter->position = i;
  iter->index++;
  dl_json_reader_release_behind (self, i);

  return value;
}

const DlJsonValue *
dl_json_object_get (const DlJsonValue *object,
                    const char        *name)
{
  g_return_val_if_fail (object->type == DL_JSON_OBJECT, NULL);

  for (guint i = 0; i < object->length; i++)
    if (dl_json_name_equal (object->members[i].name, name))
      return &object->members[i].value;

  return NULL;
}

gboolean
dl_json_is_number (const DlJsonValue *value)
{
  return value->type == DL_JSON_INTEGER || value->type == DL_JSON_DOUBLE;
}

double
dl_json_get_double (const DlJsonValue *value)
{
  return value->type == DL_JSON_INTEGER ? (double) value->integer : value->number;
}
