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

#include "dl-json-reader.h"
#include "dl-text.h"

#define CHUNK_SIZE (64 * 1024)
/* Give mapped pages back in steps this big. */
#define RELEASE_STEP (16 * 1024 * 1024)

typedef struct {
  GPtrArray *chunks;      /* of char[]: the first is reused after a reset */
  gsize      first_size;
  char      *cursor;
  gsize      left;
} Arena;

typedef struct {
  gsize    start;      /* of a key's text, after the quote */
  guint    len;        /* raw bytes, escapes as written */
  gboolean escaped;
} KeyRef;

/* One per open container: where the check is inside it. */
typedef struct {
  gboolean object;
  guint    index;      /* arrays */
  KeyRef   key;        /* objects: the current member's name */
  guint    first_key;  /* objects: its keys in `keys` start here */
} PathEntry;

typedef struct {
  char  *name;
  gsize  name_offset;
  gsize  offset;
} RootMember;

struct _DlJsonReader
{
  const char  *data;
  gsize        len;
  gboolean     release;
  gsize        released;

  /* The check */
  guint        max_depth;
  guint        max_faults;
  gsize        bad;
  GArray      *faults;     /* of DlJsonFault */
  GArray      *keys;       /* of KeyRef, for every open object */
  GArray      *path;       /* of PathEntry */
  GArray      *root_members;
  gsize        root_offset;
  gboolean     checked;

  /* Parsing */
  Arena        root_arena;
  Arena        arena;
  GArray      *value_stack;   /* of DlJsonValue */
  GArray      *member_stack;  /* of DlJsonMember */
  DlJsonValue  root;
  gboolean     have_root;
};

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

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline gsize
skip_space (const char *data,
            gsize       len,
            gsize       i)
{
  while (i < len && is_space (data[i]))
    i++;
  return i;
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (int k = 0; k < 4; k++)
    {
      int digit = g_ascii_xdigit_value (p[k]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

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

      c = (gunichar) hex4 (src + i + 1);
      i += 4;
      if (c >= 0xD800 && c <= 0xDBFF)
        {
          gunichar low = (gunichar) hex4 (src + i + 3);

          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
      out += g_unichar_to_utf8 (c, out);
    }

  *out = '\0';
  return (gsize) (out - dst);
}

static char *
dup_unescaped (const char *src,
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
static void
release_behind (DlJsonReader *self,
                gsize         position)
{
  static gsize page_size;
  gsize from;
  gsize to;

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

/* The check */

static char *
format_path (DlJsonReader *self,
             guint         depth,
             const KeyRef *last)
{
  GString *path = g_string_new (NULL);

  for (guint d = 0; d <= depth; d++)
    {
      const KeyRef *key;
      const PathEntry *entry;

      if (d == depth && last == NULL)
        break;
      entry = d < depth ? &g_array_index (self->path, PathEntry, d) : NULL;

      if (entry != NULL && !entry->object)
        {
          if (path->len == 0)
            g_string_append_c (path, '$');
          g_string_append_printf (path, "[%u]", entry->index);
          continue;
        }

      key = entry != NULL ? &entry->key : last;
      {
        g_autofree char *name = dup_unescaped (self->data + key->start, key->len, key->escaped);
        g_autofree char *shown = dl_json_shorten (name, 60);

        if (path->len > 0)
          g_string_append_c (path, '.');
        g_string_append (path, shown);
      }
    }

  if (path->len == 0)
    g_string_append_c (path, '$');

  return g_string_free (path, FALSE);
}

static void
add_fault (DlJsonReader    *self,
           DlJsonFaultKind  kind,
           char            *path,
           const KeyRef    *key,
           gsize            offset,
           gsize            first_offset,
           guint            character)
{
  DlJsonFault fault = { kind, path, NULL, offset, first_offset, character };

  if (self->faults->len >= self->max_faults)
    {
      g_free (path);
      return;
    }
  if (key != NULL)
    {
      g_autofree char *name = dup_unescaped (self->data + key->start, key->len, key->escaped);

      fault.name = dl_json_shorten (name, 60);
    }
  g_array_append_val (self->faults, fault);
}

static gboolean
fail (DlJsonReader *self,
      gsize         offset)
{
  self->bad = MIN (offset, self->len);
  return FALSE;
}

static gboolean
keys_equal (DlJsonReader *self,
            const KeyRef *a,
            const KeyRef *b)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;

  if (!a->escaped && !b->escaped)
    return a->len == b->len && memcmp (self->data + a->start, self->data + b->start, a->len) == 0;

  x = dup_unescaped (self->data + a->start, a->len, a->escaped);
  y = dup_unescaped (self->data + b->start, b->len, b->escaped);
  return g_str_equal (x, y);
}

/* Reports each key that repeats an earlier one of the same object. */
static void
check_duplicate_keys (DlJsonReader *self,
                      guint         depth,
                      guint         first)
{
  guint n = self->keys->len - first;
  KeyRef *keys;

  /* Before the test: an empty array has no storage to index into. */
  if (n < 2)
    return;
  keys = &g_array_index (self->keys, KeyRef, first);

  if (n <= 16)
    {
      for (guint j = 1; j < n; j++)
        for (guint i = 0; i < j; i++)
          if (keys_equal (self, &keys[i], &keys[j]))
            {
              add_fault (self, DL_JSON_FAULT_DUPLICATE_KEY, format_path (self, depth, &keys[j]),
                         &keys[j], keys[j].start - 1, keys[i].start - 1, 0);
              break;
            }
      return;
    }

  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint j = 0; j < n; j++)
      {
        char *name = dup_unescaped (self->data + keys[j].start, keys[j].len, keys[j].escaped);
        gpointer first_index;

        if (g_hash_table_lookup_extended (seen, name, NULL, &first_index))
          {
            add_fault (self, DL_JSON_FAULT_DUPLICATE_KEY, format_path (self, depth, &keys[j]),
                       &keys[j], keys[j].start - 1, keys[GPOINTER_TO_UINT (first_index)].start - 1, 0);
            g_free (name);
          }
        else
          g_hash_table_insert (seen, name, GUINT_TO_POINTER (j));
      }
  }
}

/* A string at data[*pos] == '"'; leaves *pos after the closing quote. */
static gboolean
check_string (DlJsonReader *self,
              gsize        *pos,
              guint         depth,
              gboolean     *escaped)
{
  const char *data = self->data;
  gsize len = self->len;
  gsize i = *pos + 1;

  *escaped = FALSE;

  for (;;)
    {
      guchar c;

      /* The common case: a run of plain ASCII. */
      while (i < len && (c = (guchar) data[i]) >= 0x20 && c < 0x80 && c != '"' && c != '\\')
        i++;
      if (i >= len)
        return fail (self, len);

      c = (guchar) data[i];
      if (c == '"')
        break;

      if (c == '\\')
        {
          int unit;

          *escaped = TRUE;
          if (i + 1 >= len)
            return fail (self, i);
          if (data[i + 1] != 'u')
            {
              if (strchr ("\"\\/bfnrt", data[i + 1]) == NULL || data[i + 1] == '\0')
                return fail (self, i);
              i += 2;
              continue;
            }
          if (len - i < 6 || (unit = hex4 (data + i + 2)) <= 0)
            return fail (self, i);
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low;

              if (len - i < 12 || data[i + 6] != '\\' || data[i + 7] != 'u')
                return fail (self, i);
              low = hex4 (data + i + 8);
              if (low < 0xDC00 || low > 0xDFFF)
                return fail (self, i);
              i += 6;
            }
          else if (unit >= 0xDC00 && unit <= 0xDFFF)
            return fail (self, i);
          i += 6;
          continue;
        }

      if (c < 0x20)
        {
          if (c == 0)
            return fail (self, i);
          add_fault (self, DL_JSON_FAULT_CONTROL_CHAR, format_path (self, depth, NULL), NULL, i, 0, c);
          i++;
          continue;
        }

      /* c >= 0x80: one UTF-8 sequence. */
      {
        gunichar uc = g_utf8_get_char_validated (data + i, (gssize) MIN (len - i, 4));

        if (uc == (gunichar) -1 || uc == (gunichar) -2)
          return fail (self, i);
        i += g_utf8_skip[c];
      }
    }

  *pos = i + 1;
  return TRUE;
}

static gboolean
check_number (DlJsonReader *self,
              gsize        *pos)
{
  const char *data = self->data;
  gsize len = self->len;
  gsize start = *pos;
  gsize i = start;
  gsize int_start;
  gsize digits;
  gboolean integer = TRUE;

  if (data[i] == '-')
    i++;
  int_start = i;
  while (i < len && g_ascii_isdigit (data[i]))
    i++;
  digits = i - int_start;
  if (digits == 0 || (digits > 1 && data[int_start] == '0'))
    return fail (self, start);
  if (i < len && data[i] == '.')
    {
      integer = FALSE;
      if (++i >= len || !g_ascii_isdigit (data[i]))
        return fail (self, start);
      while (i < len && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < len && (data[i] == 'e' || data[i] == 'E'))
    {
      integer = FALSE;
      if (++i < len && (data[i] == '+' || data[i] == '-'))
        i++;
      if (i >= len || !g_ascii_isdigit (data[i]))
        return fail (self, start);
      while (i < len && g_ascii_isdigit (data[i]))
        i++;
    }
  if (i < len && (g_ascii_isalnum (data[i]) || data[i] == '.' || data[i] == '_'))
    return fail (self, start);

  /* Integers must fit in 64 bits; json-glib would wrap them. */
  if (integer && (digits > 19
                  || (digits == 19 && memcmp (data + i - 19, "9223372036854775807", 19) > 0)))
    return fail (self, start);

  *pos = i;
  return TRUE;
}

static gboolean
check_literal (DlJsonReader *self,
               gsize        *pos,
               const char   *word)
{
  gsize n = strlen (word);
  gsize i = *pos;

  if (self->len - i < n || memcmp (self->data + i, word, n) != 0
      || (i + n < self->len && (g_ascii_isalnum (self->data[i + n]) || self->data[i + n] == '_')))
    return fail (self, i);

  *pos = i + n;
  return TRUE;
}

static gboolean check_value (DlJsonReader *self,
                             gsize        *pos,
                             guint         depth);

static gboolean
check_object (DlJsonReader *self,
              gsize        *pos,
              guint         depth)
{
  const char *data = self->data;
  gsize len = self->len;
  gsize i = skip_space (data, len, *pos + 1);
  PathEntry entry = { TRUE, 0, { 0, 0, FALSE }, self->keys->len };

  g_array_append_val (self->path, entry);

  if (i < len && data[i] == '}')
    goto done;

  for (;;)
    {
      KeyRef key;
      gboolean escaped;
      gsize key_start = i;

      if (i >= len || data[i] != '"')
        return fail (self, i);
      if (!check_string (self, &i, depth, &escaped))
        return FALSE;
      key.start = key_start + 1;
      key.len = (guint) (i - 1 - key.start);
      key.escaped = escaped;
      g_array_append_val (self->keys, key);
      g_array_index (self->path, PathEntry, depth).key = key;

      i = skip_space (data, len, i);
      if (i >= len || data[i] != ':')
        return fail (self, i);
      i = skip_space (data, len, i + 1);

      if (depth == 0)
        {
          RootMember member = {
            dup_unescaped (data + key.start, key.len, escaped), key_start, i
          };

          g_array_append_val (self->root_members, member);
        }

      if (!check_value (self, &i, depth + 1))
        return FALSE;

      i = skip_space (data, len, i);
      if (i < len && data[i] == ',')
        {
          i = skip_space (data, len, i + 1);
          continue;
        }
      if (i < len && data[i] == '}')
        break;
      return fail (self, i);
    }

done:
  check_duplicate_keys (self, depth, entry.first_key);
  g_array_set_size (self->keys, entry.first_key);
  g_array_set_size (self->path, depth);
  *pos = i + 1;
  return TRUE;
}

static gboolean
check_array (DlJsonReader *self,
             gsize        *pos,
             guint         depth)
{
  const char *data = self->data;
  gsize len = self->len;
  gsize i = skip_space (data, len, *pos + 1);
  PathEntry entry = { FALSE, 0, { 0, 0, FALSE }, 0 };

  g_array_append_val (self->path, entry);

  if (i < len && data[i] == ']')
    goto done;

  for (guint index = 0;; index++)
    {
      g_array_index (self->path, PathEntry, depth).index = index;
      if (!check_value (self, &i, depth + 1))
        return FALSE;
      if (depth < 2)
        release_behind (self, i);

      i = skip_space (data, len, i);
      if (i < len && data[i] == ',')
        {
          i = skip_space (data, len, i + 1);
          continue;
        }
      if (i < len && data[i] == ']')
        break;
      return fail (self, i);
    }

done:
  g_array_set_size (self->path, depth);
  *pos = i + 1;
  return TRUE;
}

/* depth: how many containers enclose the value. */
static gboolean
check_value (DlJsonReader *self,
             gsize        *pos,
             guint         depth)
{
  gsize i = *pos;
  gboolean escaped;

  if (i >= self->len)
    return fail (self, i);

  switch (self->data[i])
    {
    case '{':
      if (depth >= self->max_depth)
        return fail (self, i);
      return check_object (self, pos, depth);
    case '[':
      if (depth >= self->max_depth)
        return fail (self, i);
      return check_array (self, pos, depth);
    case '"':
      return check_string (self, pos, depth, &escaped);
    case 't':
      return check_literal (self, pos, "true");
    case 'f':
      return check_literal (self, pos, "false");
    case 'n':
      return check_literal (self, pos, "null");
    default:
      if (self->data[i] == '-' || g_ascii_isdigit (self->data[i]))
        return check_number (self, pos);
      return fail (self, i);
    }
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

  for (;;)
    {
      const char *quote = memchr (data + i, '"', parse->self->len - i);
      const char *backslash = memchr (data + i, '\\', (gsize) (quote - (data + i)));

      if (backslash == NULL)
        {
          i = (gsize) (quote - data);
          break;
        }
      escaped = TRUE;
      i = (gsize) (backslash - data) + 2;
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

  /* The text is not NUL-terminated (a mapped file): copy the number out. */
  {
    char small[64];
    g_autofree char *big = NULL;
    char *text = small;

    if (i - start >= sizeof small)
      text = big = g_malloc (i - start + 1);
    memcpy (text, data + start, i - start);
    text[i - start] = '\0';

    if (integer)
      {
        out->type = DL_JSON_INTEGER;
        out->integer = g_ascii_strtoll (text, NULL, 10);
      }
    else
      {
        out->type = DL_JSON_DOUBLE;
        out->number = g_ascii_strtod (text, NULL);
      }
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
  GArray *stack = object ? self->member_stack : self->value_stack;
  guint base = stack->len;
  gsize i = skip_space (data, self->len, *pos + 1);
  guint n;

  while (data[i] != close)
    {
      if (object)
        {
          DlJsonMember member;
          DlJsonValue name;

          member.offset = i;
          parse_string (parse, &i, &name);
          member.name = name.string;
          i = skip_space (data, self->len, i);
          i = skip_space (data, self->len, i + 1);  /* the colon */
          parse_value (parse, &i, &member.value);
          g_array_append_val (stack, member);
        }
      else
        {
          DlJsonValue element;

          parse_value (parse, &i, &element);
          g_array_append_val (stack, element);
        }

      i = skip_space (data, self->len, i);
      if (data[i] == ',')
        i = skip_space (data, self->len, i + 1);
    }

  n = stack->len - base;
  out->type = object ? DL_JSON_OBJECT : DL_JSON_ARRAY;
  out->length = n;
  if (object)
    {
      out->members = arena_alloc (parse->arena, MAX (n, 1) * sizeof (DlJsonMember));
      if (n > 0)
        memcpy (out->members, &g_array_index (stack, DlJsonMember, base), n * sizeof (DlJsonMember));
    }
  else
    {
      out->elements = arena_alloc (parse->arena, MAX (n, 1) * sizeof (DlJsonValue));
      if (n > 0)
        memcpy (out->elements, &g_array_index (stack, DlJsonValue, base), n * sizeof (DlJsonValue));
    }
  g_array_set_size (stack, base);
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
  self->value_stack = g_array_new (FALSE, FALSE, sizeof (DlJsonValue));
  self->member_stack = g_array_new (FALSE, FALSE, sizeof (DlJsonMember));
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
    g_free (g_array_index (self->root_members, RootMember, i).name);
  g_array_unref (self->faults);
  g_array_unref (self->keys);
  g_array_unref (self->path);
  g_array_unref (self->root_members);
  g_array_unref (self->value_stack);
  g_array_unref (self->member_stack);
  arena_clear (&self->root_arena);
  arena_clear (&self->arena);
  g_free (self);
}

void
dl_json_reader_set_release_behind (DlJsonReader *self,
                                   gboolean      release)
{
  self->release = release;
}

gboolean
dl_json_reader_check (DlJsonReader *self,
                      guint         max_depth,
                      guint         max_faults,
                      gsize        *bad_offset)
{
  gsize i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->checked, FALSE);

  self->max_depth = max_depth;
  self->max_faults = max_faults;
  self->checked = TRUE;
  self->released = 0;

  i = skip_space (self->data, self->len, 0);
  self->root_offset = i;
  if (!check_value (self, &i, 0))
    {
      *bad_offset = self->bad;
      return FALSE;
    }

  i = skip_space (self->data, self->len, i);
  if (i < self->len)
    {
      *bad_offset = i;
      return FALSE;
    }

  self->released = 0;
  return TRUE;
}

guint
dl_json_reader_get_n_faults (DlJsonReader *self)
{
  return self->faults->len;
}

const DlJsonFault *
dl_json_reader_get_fault (DlJsonReader *self,
                          guint         index)
{
  g_return_val_if_fail (index < self->faults->len, NULL);
  return &g_array_index (self->faults, DlJsonFault, index);
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
  iter->done = FALSE;
  reader->released = array->offset;
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

  arena_reset (&self->arena);
  i = skip_space (self->data, self->len, iter->position);
  if (self->data[i] == ',')
    i = skip_space (self->data, self->len, i + 1);
  if (self->data[i] == ']')
    {
      iter->done = TRUE;
      release_behind (self, i);
      return NULL;
    }

  value = arena_alloc (&self->arena, sizeof (DlJsonValue));
  parse_value (&parse, &i, value);
  iter->position = i;
  iter->index++;
  release_behind (self, i);

  return value;
}

const DlJsonValue *
dl_json_object_get (const DlJsonValue *object,
                    const char        *name)
{
  g_return_val_if_fail (object->type == DL_JSON_OBJECT, NULL);

  for (guint i = 0; i < object->length; i++)
    if (strcmp (object->members[i].name, name) == 0)
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
