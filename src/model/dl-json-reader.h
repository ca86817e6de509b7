/* dl-json-reader.h: a strict JSON reader for big datasets, without a tree of
 * the whole file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DL_JSON_NULL,
  DL_JSON_BOOLEAN,
  DL_JSON_INTEGER,
  DL_JSON_DOUBLE,
  DL_JSON_STRING,
  DL_JSON_ARRAY,
  DL_JSON_OBJECT,
} DlJsonType;

typedef struct _DlJsonValue  DlJsonValue;
typedef struct _DlJsonMember DlJsonMember;

/* One value, parsed into the reader's arena. A container that has not been
 * parsed (the root's big arrays) has `lazy` set and no elements. */
struct _DlJsonValue
{
  DlJsonType type;
  guint      length;    /* elements or members; bytes of a string */
  gboolean   lazy;
  gsize      offset;    /* where the value starts in the text */
  union {
    gboolean      boolean;
    gint64        integer;
    double        number;
    const char   *string;     /* NUL-terminated */
    DlJsonValue  *elements;
    DlJsonMember *members;
  };
};

struct _DlJsonMember
{
  const char  *name;
  gsize        offset;    /* of the name */
  DlJsonValue  value;
};

/* What is wrong with a text that is otherwise well-formed JSON. */
typedef enum {
  DL_JSON_FAULT_DUPLICATE_KEY,  /* path names the second one; offsets: both names */
  DL_JSON_FAULT_CONTROL_CHAR,   /* offset: the raw character inside a string */
} DlJsonFaultKind;

typedef struct {
  DlJsonFaultKind  kind;
  char            *path;         /* JSON path, as the loader writes them */
  char            *name;         /* the duplicate key, shortened for a message */
  gsize            offset;
  gsize            first_offset; /* the first of two duplicate keys */
  guint            character;
} DlJsonFault;

typedef struct _DlJsonReader DlJsonReader;

/* Reads `data` (not copied: it must outlive the reader). */
DlJsonReader       *dl_json_reader_new          (const char   *data,
                                                 gsize         len);
void                dl_json_reader_free         (DlJsonReader *self);
/* After a successful check: a reader of the same text that shares the
 * check's findings and parses into its own arena, so that another thread
 * can walk part of a big array (dl_json_array_iter_init_range()) while
 * this one walks the rest. Free it before @self. */
DlJsonReader       *dl_json_reader_new_sibling  (DlJsonReader *self);
/* The text is a mapped file: give its pages back to the system once read,
 * so that a big file never sits in memory whole. */
void                dl_json_reader_set_release_behind (DlJsonReader *self,
                                                       gboolean      release);
/* How far the text has been gone through, in per mille, stored atomically
 * in @permille for another thread to read: the check's pass gives the first
 * half, the walk over the root's arrays the second. NULL: not told. */
void                dl_json_reader_set_progress (DlJsonReader *self,
                                                 gint         *permille);

/* One pass over the whole text: a single strict JSON value (RFC 8259),
 * nesting at most max_depth deep. Returns FALSE at the first fault of
 * syntax, encoding or range, with its offset. Duplicate keys and raw control
 * characters in strings do not stop it: they are collected as faults (at
 * most max_faults). On success, the root's members are known. */
gboolean            dl_json_reader_check        (DlJsonReader *self,
                                                 guint         max_depth,
                                                 guint         max_faults,
                                                 gsize        *bad_offset);
guint               dl_json_reader_get_n_faults (DlJsonReader *self);
const DlJsonFault  *dl_json_reader_get_fault    (DlJsonReader *self,
                                                 guint         index);
/* After a successful check: the root value, with the root object's array and
 * object members lazy. Lives until the reader is freed. */
const DlJsonValue  *dl_json_reader_get_root     (DlJsonReader *self);

/* A lazy member of the root (a small object such as `topics`) parsed whole;
 * lives until the reader is freed. Any other value is returned as it is. */
const DlJsonValue  *dl_json_reader_load         (DlJsonReader      *self,
                                                 const DlJsonValue *value);

/* Iterates a lazy array one element at a time: each element is valid until
 * the next call (the arena is reused), so memory stays that of one element. */
typedef struct {
  DlJsonReader *reader;
  gsize         position;
  guint         index;
  guint         end;       /* stops before this element */
  gboolean      done;
} DlJsonArrayIter;

void                dl_json_array_iter_init     (DlJsonArrayIter   *iter,
                                                 DlJsonReader      *reader,
                                                 const DlJsonValue *array);
/* A lazy array of the root (an object): how many elements it holds, and an
 * iterator over its elements [first, end) alone (the check noted where each
 * starts). */
guint               dl_json_reader_get_n_elements (DlJsonReader      *self,
                                                   const DlJsonValue *array);
void                dl_json_array_iter_init_range (DlJsonArrayIter   *iter,
                                                   DlJsonReader      *reader,
                                                   const DlJsonValue *array,
                                                   guint              first,
                                                   guint              end);
const DlJsonValue  *dl_json_array_iter_next     (DlJsonArrayIter   *iter);

/* A member of an object, or NULL. */
const DlJsonValue  *dl_json_object_get          (const DlJsonValue *object,
                                                 const char        *name);

/* Whether two member names are the same. Inline, byte by byte: names are
 * a few bytes, and the loader compares tens of them for every event,
 * where a call to strcmp() cost more than the comparing. */
static inline gboolean
dl_json_name_equal (const char *a,
                    const char *b)
{
  while (*a != '\0' && *a == *b)
    {
      a++;
      b++;
    }

  return *a == *b;
}

gboolean            dl_json_is_number           (const DlJsonValue *value);
double              dl_json_get_double          (const DlJsonValue *value);

/* Text from a dataset, fit for a one-line message: at most max_chars
 * characters, no control characters. */
char               *dl_json_shorten             (const char *text,
                                                 guint       max_chars);

G_END_DECLS
