/* dl-json-reader-private.h: the reader's insides, shared by the check
 * (dl-json-reader-check.c) and the parse (dl-json-reader.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
  GArray      *value_stack;   /* of DlJsonValue */
  GArray      *member_stack;  /* of DlJsonMember */
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

/* A key or string of the checked text, unescaped if @escaped, NUL-ended. */
char *dl_json_dup_unescaped         (const char   *src,
                                     gsize         len,
                                     gboolean      escaped);
void  dl_json_split_free            (DlJsonSplit  *split);
/* Gives the mapped pages before @position back to the system. */
void  dl_json_reader_release_behind (DlJsonReader *self,
                                     gsize         position);

G_END_DECLS
