/* dl-json-reader-private.h: the reader's insides, shared by the check
 * (dl-json-reader-check.c) and the parse (dl-json-reader.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "dl-json-reader.h"

G_BEGIN_DECLS

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
  char   *name;
  gsize   name_offset;
  gsize   offset;
  GArray *starts;       /* an array's: where each element starts (gsize), so that
                         * another thread can parse part of it; else NULL */
} RootMember;

/* The second half of a big array, checked in a thread of its own
 * (dl-json-reader-check.c). */
typedef struct {
  GThread      *thread;
  DlJsonReader *reader;    /* its own path, keys and faults */
  gsize         root_offset;
  gsize         middle;    /* it starts at the first element after this */
  gint          ready;     /* atomic: 1 once the next three are known, -1 never */
  KeyRef        key;       /* the root member whose array it is */
  gsize         start;     /* the element it starts at */
  guint         index;     /* and that element's index */
  GArray       *starts;    /* of gsize: where its elements start */
  gint          stop;      /* atomic: the check ended before it */
  gboolean      ok;
  gsize         end;       /* at the array's ']' */
} DlJsonSplit;

/* Texts at least this long are checked in two threads (a test lowers it). */
extern guint64 dl_json_check_split_min;

struct _DlJsonReader
{
  const char  *data;
  gsize        len;
  gboolean     release;
  gsize        released;
  gint        *progress;     /* per mille, atomic, or NULL (dl_json_reader_set_progress) */
  DlJsonReader *parent;      /* a sibling's (dl_json_reader_new_sibling): whose check it shares */

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
  DlJsonSplit *split;      /* while a second thread checks part of the text */
  gint        *stop;       /* that thread's: set when it is no longer needed */

  /* Parsing */
  Arena        root_arena;
  Arena        arena;
  /* The elements and members of the containers being parsed, stacked:
   * pushed by hand, since g_array_append_val() is a call with a memcpy()
   * for each of the tens of values of every event. */
  DlJsonValue  *value_stack;
  guint         n_values;
  guint         values_size;
  DlJsonMember *member_stack;
  guint         n_members;
  guint         members_size;
  DlJsonValue  root;
  gboolean     have_root;
};

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

/* The first '"' or '\\' at or after data[i], or @len. Eight bytes at a
 * time: a string's text is mostly neither, and most strings are short, so
 * this beats two memchr() calls (the parse and the check's scan ask it of
 * every string). The lowest flagged byte of each test is exact (a borrow
 * only runs upwards from a byte that matched). */
static inline gsize
find_quote_or_backslash (const char *data,
                         gsize       len,
                         gsize       i)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);

  while (len - i >= 8)
    {
      guint64 x;
      guint64 quote;
      guint64 backslash;
      guint64 found;

      memcpy (&x, data + i, 8);
      x = GUINT64_FROM_LE (x);
      quote = x ^ (ones * '"');
      backslash = x ^ (ones * '\\');
      found = (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & high;
      if (found != 0)
        return i + (gsize) (__builtin_ctzll (found) / 8);
      i += 8;
    }
  while (i < len && data[i] != '"' && data[i] != '\\')
    i++;

  return i;
}

/* A key or string of the checked text, unescaped if @escaped, NUL-ended. */
char *dl_json_dup_unescaped         (const char   *src,
                                     gsize         len,
                                     gboolean      escaped);
void  dl_json_split_free            (DlJsonSplit  *split);
/* Gives the mapped pages before @position back to the system. */
void  dl_json_reader_release_behind (DlJsonReader *self,
                                     gsize         position);

G_END_DECLS
