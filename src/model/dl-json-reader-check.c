/* dl-json-reader-check.c: the first pass, which proves the whole text valid
 *
 * Its own file because it is the grammar and every fault it reports (with
 * a JSON path), while dl-json-reader.c only walks text already accepted:
 * strict RFC 8259, UTF-8, nesting depth, integer range, duplicate keys and
 * raw control characters, allocating nothing per value.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-json-reader"

#include <string.h>

#include "dl-json-number-private.h"
#include "dl-json-reader-private.h"

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
        g_autofree char *name = dl_json_dup_unescaped (self->data + key->start, key->len, key->escaped);
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
      g_autofree char *name = dl_json_dup_unescaped (self->data + key->start, key->len, key->escaped);

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

static G_GNUC_NO_INLINE gboolean
keys_equal_unescaped (DlJsonReader *self,
                      const KeyRef *a,
                      const KeyRef *b)
{
  g_autofree char *x = dl_json_dup_unescaped (self->data + a->start, a->len, a->escaped);
  g_autofree char *y = dl_json_dup_unescaped (self->data + b->start, b->len, b->escaped);

  return g_str_equal (x, y);
}

/* Every pair of an object's keys is compared: the plain case calls nothing
 * (the two frees of the escaped case were most of the check's time here). */
static inline gboolean
keys_equal (DlJsonReader *self,
            const KeyRef *a,
            const KeyRef *b)
{
  if (!a->escaped && !b->escaped)
    return a->len == b->len && self->data[a->start] == self->data[b->start]
           && memcmp (self->data + a->start, self->data + b->start, a->len) == 0;

  return keys_equal_unescaped (self, a, b);
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
        char *name = dl_json_dup_unescaped (self->data + keys[j].start, keys[j].len, keys[j].escaped);
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

      /* The common case: a run of plain ASCII, eight bytes at a time while
       * none of them is a quote, a backslash, a control or not ASCII (a
       * word with one of them may be flagged for a byte after it too: the
       * loop below then finds which). */
      while (len - i >= 8)
        {
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
          const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
          guint64 x;
          guint64 quote;
          guint64 backslash;

          memcpy (&x, data + i, 8);
          quote = x ^ (ones * '"');
          backslash = x ^ (ones * '\\');
          /* With every byte below 0x80, a byte's top bit after subtracting
           * says it was below 0x20, or zero after the XOR. */
          if ((x & high) != 0 || (((x - ones * 0x20) | (quote - ones) | (backslash - ones)) & high) != 0)
            break;
          i += 8;
        }
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
          if (len - i < 6 || (unit = dl_json_hex4 (data + i + 2)) <= 0)
            return fail (self, i);
          if (unit >= 0xD800 && unit <= 0xDBFF)
            {
              int low;

              if (len - i < 12 || data[i + 6] != '\\' || data[i + 7] != 'u')
                return fail (self, i);
              low = dl_json_hex4 (data + i + 8);
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
  gsize i;
  gboolean too_large;

  if (!dl_json_scan_number (data, len, start, &i, &too_large))
    return fail (self, start);
  if (i < len && (g_ascii_isalnum (data[i]) || data[i] == '.' || data[i] == '_'))
    return fail (self, start);

  /* Integers must fit in 64 bits; json-glib would wrap them. */
  if (too_large)
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
            dl_json_dup_unescaped (data + key.start, key.len, escaped), key_start, i
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

static gboolean check_elements (DlJsonReader *self,
                                gsize        *pos,
                                guint         depth,
                                guint         first,
                                GArray       *starts);

static gboolean
check_array (DlJsonReader *self,
             gsize        *pos,
             guint         depth)
{
  const char *data = self->data;
  gsize len = self->len;
  gsize i = skip_space (data, len, *pos + 1);
  PathEntry entry = { FALSE, 0, { 0, 0, FALSE }, 0 };
  GArray *starts = NULL;

  g_array_append_val (self->path, entry);

  if (i < len && data[i] == ']')
    goto done;

  /* The element starts of the root's arrays (dl_json_array_iter_init_range()):
   * the root is an object, and this array is its last member so far. */
  if (depth == 1 && g_array_index (self->path, PathEntry, 0).object && self->root_members->len > 0)
    {
      RootMember *member = &g_array_index (self->root_members, RootMember, self->root_members->len - 1);

      if (member->starts == NULL)
        member->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      starts = member->starts;
    }

  if (!check_elements (self, &i, depth, 0, starts))
    return FALSE;

done:
  g_array_set_size (self->path, depth);
  *pos = i + 1;
  return TRUE;
}

/* Takes over what the second thread found (split_thread()) when this
 * check has come to the very element it started at, in the same state: the
 * root's member of the same name, the same index. TRUE: *pos is then at the
 * array's ']', or the second half's first fault is the check's. */
static gboolean
take_split (DlJsonReader *self,
            gsize         i,
            guint         depth,
            guint         index,
            GArray       *starts,
            gsize        *pos,
            gboolean     *ok)
{
  DlJsonSplit *split = self->split;
  const PathEntry *root;

  if (split == NULL || split->thread == NULL || depth != 1)
    return FALSE;
  /* Past where the scan was going, wait for it (it is the faster). */
  if (i >= split->middle)
    while (g_atomic_int_get (&split->ready) == 0)
      g_thread_yield ();
  if (g_atomic_int_get (&split->ready) != 1 || i != split->start || index != split->index)
    return FALSE;
  root = &g_array_index (self->path, PathEntry, 0);
  if (!root->object || root->key.start != split->key.start || root->key.len != split->key.len)
    return FALSE;

  /* Freed with the check (dl_json_split_free()). */
  g_thread_join (split->thread);
  split->thread = NULL;

  if (!split->ok)
    {
      *ok = fail (self, split->reader->bad);
      return TRUE;
    }

  /* Its faults come after every fault so far, in the text's order. */
  for (guint f = 0; f < split->reader->faults->len; f++)
    {
      DlJsonFault *fault = &g_array_index (split->reader->faults, DlJsonFault, f);

      if (self->faults->len < self->max_faults)
        g_array_append_val (self->faults, *fault);
      else
        {
          g_free (fault->path);
          g_free (fault->name);
        }
    }
  g_array_set_size (split->reader->faults, 0);
  if (starts != NULL)
    g_array_append_vals (starts, split->starts->data, split->starts->len);
  *pos = split->end;
  *ok = TRUE;
  return TRUE;
}

/* The elements of an array from element @first at *pos, to its ']'. */
static gboolean
check_elements (DlJsonReader *self,
                gsize        *pos,
                guint         depth,
                guint         first,
                GArray       *starts)
{
  const char *data = self->data;
  gsize len = self->len;
  gsize i = *pos;

  for (guint index = first;; index++)
    {
      gboolean ok;

      if (take_split (self, i, depth, index, starts, &i, &ok))
        {
          if (!ok)
            return FALSE;
          break;
        }
      if (self->stop != NULL && g_atomic_int_get (self->stop))
        return fail (self, i);
      if (starts != NULL)
        g_array_append_val (starts, i);
      g_array_index (self->path, PathEntry, depth).index = index;
      if (!check_value (self, &i, depth + 1))
        return FALSE;
      if (depth < 2)
        dl_json_reader_release_behind (self, i);

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

  *pos = i;
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
/* Checking in two threads
 *
 * A big file is mostly one array of the root (the events). While the
 * check starts, a second thread scans roughly (find_split()) three fifths
 * into the text, following only strings and brackets, notes the first
 * element of a root array that starts after that, and checks from there
 * to the array's end, with the path the check would have there. The check
 * itself goes on from the start, and takes the second thread's findings
 * only when it reaches that very element in the same state (take_split());
 * otherwise (the scan was misled by a broken text) it checks everything
 * itself. Either way the faults, the first error and the element starts
 * are those of one pass. */

guint64 dl_json_check_split_min = 16 * 1024 * 1024;

static gboolean
find_split (const char *data,
            gsize       len,
            gsize       i,
            gsize       middle,
            gint       *stop,
            KeyRef     *key,
            gsize      *start,
            guint      *index)
{
  guint depth = 0;
  gboolean expect_key = FALSE;
  gboolean in_array = FALSE;
  guint elements = 0;

  /* Only a dataset's root, an object, has arrays worth splitting. */
  if (i >= len || data[i] != '{')
    return FALSE;

  for (; i < len; i++)
    {
      switch (data[i])
        {
        case '"':
          {
            gsize from = i + 1;
            gboolean escaped = FALSE;

            /* Not yet checked: the text may end inside the string. */
            for (i = from;; i += 2)
              {
                i = find_quote_or_backslash (data, len, i);
                if (i >= len)
                  return FALSE;
                if (data[i] == '"')
                  break;
                escaped = TRUE;
                if (i + 2 >= len)
                  return FALSE;
              }
            if (depth == 1 && expect_key)
              {
                *key = (KeyRef) { from, (guint) (i - from), escaped };
                expect_key = FALSE;
              }
          }
          break;
        case '{':
        case '[':
          depth++;
          if (depth == 1)
            expect_key = TRUE;
          else if (depth == 2)
            {
              in_array = data[i] == '[';
              elements = 0;
            }
          break;
        case '}':
        case ']':
          if (depth == 0 || --depth == 0)
            return FALSE;
          if (depth == 1)
            in_array = FALSE;
          break;
        case ',':
          if (depth == 1)
            expect_key = TRUE;
          else if (depth == 2 && in_array)
            {
              if (g_atomic_int_get (stop))
                return FALSE;
              elements++;
              if (i >= middle)
                {
                  *start = skip_space (data, len, i + 1);
                  *index = elements;
                  return *start < len && !key->escaped;
                }
            }
          break;
        default:
          break;
        }
    }

  return FALSE;
}

/* Scans to where it starts, says so (ready), then checks from there. */
static gpointer
split_thread (gpointer data)
{
  DlJsonSplit *split = data;
  DlJsonReader *reader = split->reader;
  PathEntry root = { TRUE, 0, { 0, 0, FALSE }, 0 };
  PathEntry array = { FALSE, 0, { 0, 0, FALSE }, 0 };
  gsize i;

  if (!find_split (reader->data, reader->len, split->root_offset, split->middle, &split->stop,
                   &split->key, &split->start, &split->index))
    {
      g_atomic_int_set (&split->ready, -1);
      return NULL;
    }
  g_atomic_int_set (&split->ready, 1);

  root.key = split->key;
  g_array_append_val (reader->path, root);
  g_array_append_val (reader->path, array);
  reader->released = split->start;
  i = split->start;
  split->ok = check_elements (reader, &i, 1, split->index, split->starts);
  split->end = i;

  return NULL;
}

static void
split_start (DlJsonReader *self)
{
  DlJsonSplit *split;

  if (self->len < dl_json_check_split_min)
    return;

  split = g_new0 (DlJsonSplit, 1);
  split->root_offset = self->root_offset;
  /* The scan is about three times as fast as the check: the second thread
   * scans to here, then checks the rest, while the first checks up to here. */
  split->middle = self->root_offset + (self->len - self->root_offset) / 5 * 3;
  split->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  split->reader = dl_json_reader_new (self->data, self->len);
  split->reader->max_depth = self->max_depth;
  split->reader->max_faults = self->max_faults;
  split->reader->release = self->release;
  split->reader->stop = &split->stop;

  split->thread = g_thread_try_new ("dl-check", split_thread, split, NULL);
  if (split->thread == NULL)
    {
      dl_json_split_free (split);
      return;
    }
  self->split = split;
}

void
dl_json_split_free (DlJsonSplit *split)
{
  if (split == NULL)
    return;

  /* The check ended before it came to the second thread's part. */
  if (split->thread != NULL)
    {
      g_atomic_int_set (&split->stop, TRUE);
      g_thread_join (split->thread);
    }
  g_array_unref (split->starts);
  dl_json_reader_free (split->reader);
  g_free (split);
}

/* Public API */

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
  split_start (self);
  if (!check_value (self, &i, 0))
    {
      g_clear_pointer (&self->split, dl_json_split_free);
      *bad_offset = self->bad;
      return FALSE;
    }
  g_clear_pointer (&self->split, dl_json_split_free);

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
