/* dl-edit-stack.h: every change to a dataset, undoable and redoable
 *
 * A DlEditStack is the one way a dataset changes once loaded. Each
 * operation checks its input (a GError says what is wrong, and nothing
 * changes), applies itself, and goes onto the undo stack; the dataset then
 * tells its observers (dl-dataset.h). Several operations made between
 * dl_edit_stack_begin_group() and _end_group() undo as one.
 *
 * Offsets into articles are Unicode code points, as in the dataset format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_EDIT_ERROR (dl_edit_error_quark ())
GQuark dl_edit_error_quark (void);

typedef enum {
  DL_EDIT_ERROR_INVALID,  /* the value cannot be in a dataset */
  DL_EDIT_ERROR_IN_USE,   /* something else still refers to it */
} DlEditError;

/* The free-text fields of an event. */
typedef enum {
  DL_EVENT_FIELD_TITLE,
  DL_EVENT_FIELD_CATEGORY,    /* lower-case letters, digits, "-" and "_" */
  DL_EVENT_FIELD_SUMMARY,     /* NULL or "": none */
  DL_EVENT_FIELD_WHEN_BASIS,  /* NULL or "": none */
} DlEventField;

/* How much context a passage carries when its quote occurs more than once
 * (code points each side), as tools/build-gaza-dataset.py does. */
#define DL_EDIT_CONTEXT_CHARS 32

#define DL_TYPE_EDIT_STACK (dl_edit_stack_get_type ())

G_DECLARE_FINAL_TYPE (DlEditStack, dl_edit_stack, DL, EDIT_STACK, GObject)

DlEditStack *dl_edit_stack_new               (DlDataset     *dataset);
DlDataset   *dl_edit_stack_get_dataset       (DlEditStack   *self);

/* "can-undo", "can-redo", "modified" (changed since loaded or saved). */
gboolean     dl_edit_stack_can_undo          (DlEditStack   *self);
gboolean     dl_edit_stack_can_redo          (DlEditStack   *self);
gboolean     dl_edit_stack_get_modified      (DlEditStack   *self);
/* What undo or redo would do, translated ("Set Title"), or NULL. */
const char  *dl_edit_stack_get_undo_label    (DlEditStack   *self);
const char  *dl_edit_stack_get_redo_label    (DlEditStack   *self);
gboolean     dl_edit_stack_undo              (DlEditStack   *self);
gboolean     dl_edit_stack_redo              (DlEditStack   *self);
/* Groups nest; only the outermost label is shown. */
void         dl_edit_stack_begin_group       (DlEditStack   *self,
                                              const char    *label);
void         dl_edit_stack_end_group         (DlEditStack   *self);
/* The bytes the undo and redo stacks hold (the edits, not the dataset). */
gsize        dl_edit_stack_get_memory_size   (DlEditStack   *self);

/* Writes the dataset to @path (dl_writer_write_file: atomic, checked by
 * loading it back), writing any article not yet beside it first; the
 * dataset is then that file and no longer "modified". Blocking. */
gboolean     dl_edit_stack_save              (DlEditStack   *self,
                                              const char    *path,
                                              GError       **error);

/* The same without stalling the main loop (seconds at 100,000 events):
 * the dataset is gathered a slice at a time on the main loop, then
 * checked and written in a thread. The file holds the dataset as it was
 * when this was called, and the stack is marked saved at that state;
 * edits made meanwhile stay unsaved. One save at a time
 * (G_IO_ERROR_BUSY). */
void         dl_edit_stack_save_async        (DlEditStack          *self,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean     dl_edit_stack_save_finish       (DlEditStack          *self,
                                              GAsyncResult         *result,
                                              GError              **error);
gboolean     dl_edit_stack_is_saving         (DlEditStack          *self);

/* Changes no file holds yet (a dataset restored from a recovery folder,
 * dl-recovery.h): "modified" until saved, whatever is undone. */
void         dl_edit_stack_set_unsaved       (DlEditStack   *self);

/* Sources. @file is the path to write the article at, relative to the
 * dataset; @text its UTF-8 contents. @id may be NULL: one is made up. */
DlSource    *dl_edit_stack_add_source        (DlEditStack   *self,
                                              const char    *id,
                                              const char    *file,
                                              const char    *title,
                                              const char    *published,
                                              GBytes        *text,
                                              GError       **error);
/* Refused while an excerpt cites it. */
gboolean     dl_edit_stack_remove_source     (DlEditStack   *self,
                                              DlSource      *source,
                                              GError       **error);

/* Places. @geometry is kept (a reference is taken). @id may be NULL;
 * @names, the name in other languages ("ar", "he"…), may be NULL
 * (language, name, …, NULL). */
DlPlace     *dl_edit_stack_add_place         (DlEditStack   *self,
                                              const char    *id,
                                              const char    *name,
                                              const char * const *names,
                                              DlGeometry    *geometry,
                                              double         precision_m,
                                              const char    *kind,
                                              GError       **error);
/* @merge: dragging a slider, so consecutive changes of the same place's
 * precision undo as one. */
gboolean     dl_edit_stack_set_place_precision (DlEditStack *self,
                                              DlPlace       *place,
                                              double         precision_m,
                                              gboolean       merge,
                                              GError       **error);
/* The place's geometry (a reference is taken): a corner of a drawn line
 * or area dragged. */
gboolean     dl_edit_stack_set_place_geometry (DlEditStack *self,
                                              DlPlace       *place,
                                              DlGeometry    *geometry,
                                              GError       **error);
/* Refused while an event is at it. */
gboolean     dl_edit_stack_remove_place      (DlEditStack   *self,
                                              DlPlace       *place,
                                              GError       **error);

/* Events. A new event goes last in the file's order; @id may be NULL (made
 * from the title). */
DlEvent     *dl_edit_stack_add_event         (DlEditStack   *self,
                                              const char    *id,
                                              const char    *title,
                                              const char    *category,
                                              const char    *when,
                                              GError       **error);
/* Also takes it out of the narratives' steps (undo puts it back). */
gboolean     dl_edit_stack_remove_event      (DlEditStack   *self,
                                              DlEvent       *event,
                                              GError       **error);
/* @merge: typing in a field, so consecutive changes of the same field
 * undo as one. */
gboolean     dl_edit_stack_set_event_text    (DlEditStack   *self,
                                              DlEvent       *event,
                                              DlEventField   field,
                                              const char    *value,
                                              gboolean       merge,
                                              GError       **error);
/* EDTF; refused, with the parser's message, when it does not parse. */
gboolean     dl_edit_stack_set_event_when    (DlEditStack   *self,
                                              DlEvent       *event,
                                              const char    *when,
                                              GError       **error);
/* The places (of this dataset) the event is at, in order; at least one. */
gboolean     dl_edit_stack_set_event_places  (DlEditStack   *self,
                                              DlEvent       *event,
                                              DlPlace      **places,
                                              guint          n_places,
                                              GError       **error);

/* Passages. [start, end) is a selection in @source's text; spaces at its
 * ends are left out. The quote, and a prefix and suffix when it occurs more
 * than once, are computed. Returns the new excerpt's index, or -1. */
int          dl_edit_stack_add_excerpt       (DlEditStack   *self,
                                              DlEvent       *event,
                                              DlSource      *source,
                                              guint          start,
                                              guint          end,
                                              GError       **error);
/* Also removes the claims that cite it (undo puts them back). */
gboolean     dl_edit_stack_remove_excerpt    (DlEditStack   *self,
                                              DlEvent       *event,
                                              guint          index,
                                              GError       **error);
/* The same excerpt on another selection of its article. */
gboolean     dl_edit_stack_reanchor_excerpt  (DlEditStack   *self,
                                              DlEvent       *event,
                                              guint          index,
                                              guint          start,
                                              guint          end,
                                              GError       **error);

/* Claims. @value is a number ("12") or a short text; @qualifier and @unit
 * may be NULL. Returns the new claim's index, or -1. */
int          dl_edit_stack_add_claim         (DlEditStack   *self,
                                              DlEvent       *event,
                                              const char    *topic,
                                              const char    *value,
                                              const char    *qualifier,
                                              const char    *unit,
                                              guint          excerpt,
                                              GError       **error);
/* The label a person reads for a claim topic ("Killed at the school"),
 * kept in the dataset's `topics` (written for topics that have claims);
 * NULL or "": none, one is made from the id. */
/* A category of the dataset's own (dl-dataset-categories.h): its id made
 * from @label ("Flood relief" → "flood-relief"), unique among the
 * dataset's and @taken (the built-in ids), with @color (0xRRGGBB); and
 * @event (may be NULL) set to it. One edit. Returns the new id (the
 * dataset's), or NULL with @error. */
const char  *dl_edit_stack_add_category      (DlEditStack   *self,
                                              DlEvent       *event,
                                              const char    *label,
                                              guint32        color,
                                              const char * const *taken,
                                              GError       **error);
/* Names @id @label (NULL keeps its name) and gives it @color, defining it
 * in the dataset if it was not (a built-in category given a colour). */
gboolean     dl_edit_stack_edit_category     (DlEditStack   *self,
                                              const char    *id,
                                              const char    *label,
                                              guint32        color,
                                              GError       **error);
/* Defines @id's colour (or changes it), keeping its label. */
gboolean     dl_edit_stack_set_category_color (DlEditStack  *self,
                                              const char    *id,
                                              guint32        color,
                                              GError       **error);
gboolean     dl_edit_stack_set_topic_label   (DlEditStack   *self,
                                              const char    *topic,
                                              const char    *label,
                                              GError       **error);
gboolean     dl_edit_stack_remove_claim      (DlEditStack   *self,
                                              DlEvent       *event,
                                              guint          index,
                                              GError       **error);

/* Narratives and their steps. @id may be NULL. */
gboolean     dl_edit_stack_add_narrative     (DlEditStack   *self,
                                              const char    *id,
                                              const char    *title,
                                              GError       **error);
gboolean     dl_edit_stack_remove_narrative  (DlEditStack   *self,
                                              guint          narrative,
                                              GError       **error);
/* @position: where among the steps (-1: last). */
gboolean     dl_edit_stack_add_step          (DlEditStack   *self,
                                              guint          narrative,
                                              int            position,
                                              DlEvent       *event,
                                              const char    *caption,
                                              GError       **error);
gboolean     dl_edit_stack_remove_step       (DlEditStack   *self,
                                              guint          narrative,
                                              guint          step,
                                              GError       **error);
gboolean     dl_edit_stack_move_step         (DlEditStack   *self,
                                              guint          narrative,
                                              guint          from,
                                              guint          to,
                                              GError       **error);
gboolean     dl_edit_stack_set_step_caption  (DlEditStack   *self,
                                              guint          narrative,
                                              guint          step,
                                              const char    *caption,
                                              GError       **error);

G_END_DECLS
