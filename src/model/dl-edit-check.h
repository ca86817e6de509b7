/* dl-edit-check.h: the problems of a dataset being edited, kept current
 *
 * A DlEditCheck follows an edit stack: after each edit (a moment later, in
 * a thread) it checks the dataset as it now is the way `dateline
 * --validate` checks a file, so the problems are the same messages with
 * the same JSON paths; the articles are read from memory, so those not yet
 * saved count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-edit-stack.h"
#include "dl-problems.h"

G_BEGIN_DECLS

/* How long after an edit the check starts (typing goes on meanwhile). */
#define DL_EDIT_CHECK_DELAY_MS 300
/* Larger datasets are checked a part at a time: the events edited since
 * the last check, with the sources, places, topics and narratives whole
 * (dl-edit-check.c says why). */
#define DL_EDIT_CHECK_MAX_EVENTS 20000

#define DL_TYPE_EDIT_CHECK (dl_edit_check_get_type ())

G_DECLARE_FINAL_TYPE (DlEditCheck, dl_edit_check, DL, EDIT_CHECK, GObject)

DlEditCheck      *dl_edit_check_new            (void);
/* The stack to follow (NULL: none); its dataset is checked at once. */
void              dl_edit_check_set_edit_stack (DlEditCheck *self,
                                                DlEditStack *edits);
/* Above @max_events events, checks are partial (DL_EDIT_CHECK_MAX_EVENTS
 * unless set; for tests). */
void              dl_edit_check_set_max_full   (DlEditCheck *self,
                                                guint        max_events);
/* The problems found by the last check ("updated" says a check ended);
 * empty before the first. */
const DlProblems *dl_edit_check_get_problems   (DlEditCheck *self);

/* Where a problem's JSON path points: the event at @index in the file's
 * order (dl_dataset_get_events ()), and the member of it ("title", "when",
 * "place", "excerpts"…, or "" for the event itself). FALSE when the path
 * is not inside an event. */
gboolean          dl_problem_path_get_event    (const char  *path,
                                                guint       *index,
                                                char       **member);

G_END_DECLS
