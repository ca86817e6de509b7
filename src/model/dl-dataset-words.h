/* dl-dataset-words.h: reading the dataset members written for people
 *
 * The words a person reads about claims, sources and places: the top-level
 * `topics` map (a label per claim topic), a source's `short` name, a place's
 * `note`, an event's `place_role`. Kept apart from the loader's structure so
 * either can change without the other; the loader calls these once per
 * object. Every member is optional: datasets without them still load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-claims.h"
#include "dl-event.h"
#include "dl-json-reader.h"
#include "dl-problems.h"

G_BEGIN_DECLS

/* The members these helpers read, for the loader's lists of known members. */
#define DL_WORDS_ROOT_MEMBER   "topics"
#define DL_WORDS_SOURCE_MEMBER "short"
#define DL_WORDS_PLACE_MEMBER  "note"
#define DL_WORDS_EVENT_MEMBER  "place_role"

/* The root's `topics`: topic id → DlTopic (owned), or NULL when absent. */
GHashTable  *dl_words_read_topics       (DlJsonReader *reader,
                                         const DlJsonValue *root,
                                         DlProblems  *problems);
/* A warning for each topic named by a claim but not in `topics` is not
 * given: old files have no labels, and a label is derived instead. A total
 * that names no topic is an error. */
void         dl_words_check_topics      (GHashTable  *topics,
                                         DlProblems  *problems);
/* `short` of a source, `note` of a place (a new string, or NULL). */
char        *dl_words_read_string       (const DlJsonValue *object,
                                         const char  *path,
                                         const char  *member,
                                         DlProblems  *problems);
/* `place_role` of an event: "at" (the default) or "concerns". */
DlPlaceRole  dl_words_read_place_role   (const DlJsonValue *object,
                                         const char  *path,
                                         DlProblems  *problems);

G_END_DECLS
