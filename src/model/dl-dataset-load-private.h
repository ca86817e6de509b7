/* dl-dataset-load-private.h: the loader's insides, shared by its parts
 *
 * dl-dataset.c           the object, the public API, and one load from start
 *                        to end (syntax errors, faults, then the lists)
 * dl-dataset-members.c   reading JSON members with precise problems
 * dl-dataset-places.c    the "sources" and "places" lists
 * dl-dataset-excerpts.c  article files, and finding each excerpt in them
 * dl-dataset-events.c    the "events" (with claims) and "narratives" lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dl-dataset.h"
#include "dl-json-reader.h"
#include "dl-object-store.h"
#include "dl-model-private.h"

G_BEGIN_DECLS

struct _DlDataset
{
  GObject     parent_instance;

  GFile      *file;
  char       *title;
  char       *description;
  DlObjectStore *sources;
  DlObjectStore *places;
  DlObjectStore *events;
  GPtrArray  *events_by_time;
  GHashTable *source_index;   /* id → DlSource (unowned) */
  GHashTable *place_index;
  GHashTable *event_index;
  GArray     *narratives;     /* of DlNarrative */
  GHashTable *claims;         /* topic → GArray of DlClaimRef */
  GHashTable *topics;         /* topic → DlTopic, or NULL (dl-dataset-words.c) */
  GPtrArray  *categories;     /* of DlCategoryDef, or NULL (dl-dataset-categories.c) */
  gboolean    imported;       /* built by an importer (dl-dataset-build.c), not loaded */
  DlSearchIndex *search_index; /* built in the loading thread, or when first asked for */
  DlEventFacets *facets;      /* likewise; dropped by edits */
};

/* What the loader carries around while reading one file. */
typedef struct {
  DlDataset  *dataset;
  DlProblems   *problems;
  DlJsonReader *reader;
  char         *base_dir;     /* real path of the dataset's folder, or NULL */
  GHashTable   *articles;     /* real path → DlText: one copy of each article */
  guint64       article_bytes;
  GCancellable *cancellable;  /* a window closed while loading stops it */
  GHashTable   *given;        /* relative path ("/"-separated) → DlText: the articles of a dataset
                               * being edited, read from memory instead (dl-edit-check.c), or NULL */
  DlStrings    *strings;      /* the events' strings (dl-strings.h): one arena per thread */
  GHashTable   *one_place;    /* DlPlace → the array of it alone that events share, or NULL */
} Loader;

/* Walks an array: the root's big ones one element at a time from the
 * reader, nested ones from their parsed elements. */
typedef struct {
  const DlJsonValue *array;
  DlJsonArrayIter    iter;
  guint              index;
} Walk;

/* dl-dataset-members.c: each names the JSON path of what is wrong. */
char              *dl_loader_join_path       (const char         *path,
                                              const char         *member);
char              *dl_loader_index_path      (const char         *path,
                                              guint               index);
/* "a string", "an object", … for messages. */
const char        *dl_loader_node_kind       (const DlJsonValue  *node);
gboolean           dl_loader_node_is_string  (const DlJsonValue  *node);
const char        *dl_loader_get_string      (Loader             *loader,
                                              const DlJsonValue  *object,
                                              const char         *path,
                                              const char         *member,
                                              gboolean            required);
gboolean           dl_loader_get_number      (Loader             *loader,
                                              const DlJsonValue  *object,
                                              const char         *path,
                                              const char         *member,
                                              double             *value);
gboolean           dl_loader_get_uint        (Loader             *loader,
                                              const DlJsonValue  *object,
                                              const char         *path,
                                              const char         *member,
                                              guint              *value);
const DlJsonValue *dl_loader_get_array       (Loader             *loader,
                                              const DlJsonValue  *object,
                                              const char         *path,
                                              const char         *member,
                                              gboolean            required);
void               dl_loader_walk_init       (Walk               *walk,
                                              Loader             *loader,
                                              const DlJsonValue  *array);
const DlJsonValue *dl_loader_walk_next       (Walk               *walk);
/* Starts @walk over the top-level array @member ("sources", "events"…);
 * FALSE when it is absent (an error when @required) or not an array. */
gboolean           dl_loader_walk_list       (Walk               *walk,
                                              Loader             *loader,
                                              const DlJsonValue  *root,
                                              const char         *member,
                                              gboolean            required);
const DlJsonValue *dl_loader_element_object  (Loader             *loader,
                                              const DlJsonValue  *node,
                                              const char         *path);
void               dl_loader_check_members   (Loader             *loader,
                                              const DlJsonValue  *object,
                                              const char         *path,
                                              const char * const *known);
const char        *dl_loader_get_id          (Loader             *loader,
                                              const DlJsonValue  *object,
                                              const char         *path,
                                              GHashTable         *index,
                                              const char         *what);
gboolean           dl_loader_parse_edtf      (Loader             *loader,
                                              const char         *text,
                                              const char         *path,
                                              const char         *member,
                                              DlEdtf             *out);

/* dl-dataset-excerpts.c */
DlText            *dl_loader_read_article    (Loader             *loader,
                                              const char         *relative,
                                              const char         *path);
/* Reads an event's "excerpts", each checked against its article. */
void               dl_loader_load_excerpts   (Loader             *loader,
                                              DlEvent            *event,
                                              const DlJsonValue  *object,
                                              const char         *event_path);

/* dl-dataset-places.c */
void               dl_loader_load_sources    (Loader             *loader,
                                              const DlJsonValue  *root);
void               dl_loader_load_places     (Loader             *loader,
                                              const DlJsonValue  *root);

/* dl-dataset-events.c */
void               dl_loader_load_events     (Loader             *loader,
                                              const DlJsonValue  *root);
void               dl_loader_load_narratives (Loader             *loader,
                                              const DlJsonValue  *root);
/* dl-dataset-categories.c: the root's "categories". */
void               dl_loader_load_categories (Loader             *loader,
                                              const DlJsonValue  *root);


G_END_DECLS
