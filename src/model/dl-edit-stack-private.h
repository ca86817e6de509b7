/* dl-edit-stack-private.h: the edits the stack holds, shared by its core
 * (dl-edit-stack.c) and its operations (dl-edit-ops.c)
 *
 * Every edit is a swap: it holds the value the dataset does not, and
 * applying it exchanges the two. Applying it again exchanges them back, so
 * undo and redo are the same code and an edit costs only the one value it
 * holds. Items and narratives go in or out of their lists the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-claims.h"
#include "dl-dataset-categories.h"
#include "dl-dataset-private.h"
#include "dl-edit-stack.h"
#include "dl-model-private.h"

G_BEGIN_DECLS

typedef enum {
  EDIT_GROUP,       /* several edits as one */
  EDIT_STRING,      /* a char * member of an event or source (by offset) */
  EDIT_WHEN,        /* an event's when text and its parsed value */
  EDIT_PLACES,      /* an event's places and place role */
  EDIT_PASSAGES,    /* an event's excerpts and claims (claims cite excerpts) */
  EDIT_PRECISION,   /* a place's precision */
  EDIT_GEOMETRY,    /* a place's geometry */
  EDIT_ITEM,        /* a source, place or event into or out of its list */
  EDIT_NARRATIVE,   /* a narrative into or out of the list */
  EDIT_STEPS,       /* a narrative's steps */
  EDIT_TOPIC,       /* a claim topic's description (label, total) in the dataset's `topics` */
  EDIT_CATEGORY,    /* a category's definition in the dataset's `categories` */
} EditKind;

typedef struct _Edit Edit;

struct _Edit
{
  EditKind  kind;
  GObject  *object;     /* the event, source or place (a reference), or NULL */
  gboolean  mergeable;  /* typing: the next change of the same field joins it */
  union {
    struct { GPtrArray *children; char *label; } group;
    struct { gsize offset; char *value; } string;
    struct { char *text; DlEdtf value; } when;
    struct { GPtrArray *places; DlPlaceRole role; } places;
    struct { GArray *excerpts; GArray *claims; } passages;
    double precision;
    DlGeometry *geometry;
    struct { guint position; gboolean in; } item;          /* in: now in the list */
    struct { guint index; DlNarrative value; gboolean in; } narrative;
    struct { guint index; GArray *steps; } steps;
    struct { char *id; DlTopic *value; } topic;             /* value NULL: not described */
    struct { char *id; DlCategoryDef *value; } category;    /* value NULL: not defined */
  } u;
};

Edit   *dl_edit_new            (EditKind     kind,
                                gpointer     object);
void    dl_edit_free           (Edit        *edit);
/* Applies @edit to the dataset (the first time, or to undo or redo) and adds
 * it to the open group or the undo stack. */
void    dl_edit_stack_commit   (DlEditStack *self,
                                Edit        *edit,
                                const char  *label);
/* The last edit committed outside any group, when it may take another
 * change of the same field (typing), else NULL. */
Edit   *dl_edit_stack_get_mergeable (DlEditStack *self);
/* After changing a merged edit's value in place. */
void    dl_edit_stack_merged   (DlEditStack *self,
                                Edit        *edit);

/* Copies, with their strings. */
GArray *dl_edit_copy_excerpts  (GArray      *excerpts);
GArray *dl_edit_copy_claims    (GArray      *claims);
GArray *dl_edit_copy_steps     (GArray      *steps);
GArray *dl_edit_new_steps      (void);
/* The dataset's list @item belongs in. */
DlObjectStore *dl_edit_list_of (DlDataset   *dataset,
                                GObject     *item);
/* What a change of @edit's object tells the dataset. */
void    dl_edit_notify         (DlDataset   *dataset,
                                Edit        *edit);

/* dl-edit-ops.c: the checks and helpers its feature files share */
gboolean     dl_edit_invalid (GError     **error,
                              const char  *format,
                              ...) G_GNUC_PRINTF (2, 3);
const char * dl_edit_nonempty (const char *text);
gboolean     dl_edit_check_text (const char  *value,
                                 const char  *member,
                                 gboolean     required,
                                 GError     **error);
char *       dl_edit_make_id (const char *text,
                              const char *fallback,
                              gboolean  (*taken) (gpointer data, const char *id),
                              gpointer    data);
gboolean     dl_edit_check_id (const char  *id,
                               gboolean   (*taken) (gpointer data, const char *id),
                               DlDataset   *dataset,
                               GError     **error);
gboolean     dl_edit_narrative_taken (gpointer    data,
                                      const char *id);
gboolean     dl_edit_check_event (DlDataset  *dataset,
                                  DlEvent    *event,
                                  GError    **error);
gboolean     dl_edit_check_narrative (DlDataset  *dataset,
                                      guint       narrative,
                                      GError    **error);
Edit *       dl_edit_passages_edit (DlEvent *event);
Edit *       dl_edit_steps_edit (DlDataset *dataset,
                                 guint      narrative);
gboolean     dl_edit_make_excerpt (DlSource   *source,
                                   guint       start,
                                   guint       end,
                                   DlExcerpt  *out,
                                   GError    **error);

/* A save under way (dl-edit-save.c). The stack tells it before each
 * change (commit, undo, redo, a merge): it gathers the rest of the
 * dataset first; and at each new edit, at which depth. */
typedef struct _DlEditSave DlEditSave;

void        dl_edit_save_before_change (DlEditSave *save);
void        dl_edit_save_pushed        (DlEditSave *save,
                                        guint       depth);
/* TRUE when @depth is the state being saved: nothing merges into it. */
gboolean    dl_edit_save_holds_depth   (DlEditSave *save,
                                        guint       depth);

/* The stack's side, for dl-edit-save.c. */
guint       dl_edit_stack_get_depth    (DlEditStack *self);
DlEditSave *dl_edit_stack_get_save     (DlEditStack *self);
void        dl_edit_stack_set_save     (DlEditStack *self,
                                        DlEditSave  *save);
void        dl_edit_stack_set_saved_depth (DlEditStack *self,
                                           guint        depth);

G_END_DECLS
