/* dl-edit-ops-narratives.c: narratives and their steps
 *
 * One feature's operations of the edit stack; they check their input as
 * the loader would and commit one edit or a group (dl-edit-ops.c has the
 * shared checks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edit"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-edit-stack-private.h"

/* --------------------------------------------------------- narratives */

gboolean
dl_edit_stack_add_narrative (DlEditStack  *self,
                             const char   *id,
                             const char   *title,
                             GError      **error)
{
  DlDataset *dataset;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  title = dl_edit_nonempty (title);
  if (!dl_edit_check_text (title, "title", TRUE, error))
    return FALSE;
  if (id != NULL && !dl_edit_check_id (id, dl_edit_narrative_taken, dataset, error))
    return FALSE;

  edit = dl_edit_new (EDIT_NARRATIVE, NULL);
  edit->u.narrative.index = dl_dataset_get_n_narratives (dataset);
  edit->u.narrative.value.id = id != NULL ? g_strdup (id) : dl_edit_make_id (title, "narrative", dl_edit_narrative_taken, dataset);
  edit->u.narrative.value.title = g_strdup (title);
  edit->u.narrative.value.steps = dl_edit_new_steps ();
  dl_edit_stack_commit (self, edit, _("Add Narrative"));

  return TRUE;
}

gboolean
dl_edit_stack_remove_narrative (DlEditStack  *self,
                                guint         narrative,
                                GError      **error)
{
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  if (!dl_edit_check_narrative (dl_edit_stack_get_dataset (self), narrative, error))
    return FALSE;

  edit = dl_edit_new (EDIT_NARRATIVE, NULL);
  edit->u.narrative.index = narrative;
  edit->u.narrative.in = TRUE;
  dl_edit_stack_commit (self, edit, _("Remove Narrative"));

  return TRUE;
}

gboolean
dl_edit_stack_add_step (DlEditStack  *self,
                        guint         narrative,
                        int           position,
                        DlEvent      *event,
                        const char   *caption,
                        GError      **error)
{
  DlDataset *dataset;
  DlNarrativeStep step;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  caption = dl_edit_nonempty (caption);
  if (!dl_edit_check_narrative (dataset, narrative, error) || !dl_edit_check_event (dataset, event, error)
      || !dl_edit_check_text (caption, "caption", FALSE, error))
    return FALSE;

  edit = dl_edit_steps_edit (dataset, narrative);
  if (position < 0 || (guint) position > edit->u.steps.steps->len)
    position = (int) edit->u.steps.steps->len;
  step.event = event;
  step.caption = g_strdup (caption);
  g_array_insert_val (edit->u.steps.steps, (guint) position, step);
  dl_edit_stack_commit (self, edit, _("Add Step"));

  return TRUE;
}

static gboolean
check_step (DlDataset  *dataset,
            guint       narrative,
            guint       step,
            GError    **error)
{
  if (!dl_edit_check_narrative (dataset, narrative, error))
    return FALSE;
  if (step >= dl_dataset_get_narrative (dataset, narrative)->steps->len)
    return dl_edit_invalid (error, _("The narrative has no step %u"), step + 1);
  return TRUE;
}

gboolean
dl_edit_stack_remove_step (DlEditStack  *self,
                           guint         narrative,
                           guint         step,
                           GError      **error)
{
  DlDataset *dataset;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!check_step (dataset, narrative, step, error))
    return FALSE;

  edit = dl_edit_steps_edit (dataset, narrative);
  g_array_remove_index (edit->u.steps.steps, step);
  dl_edit_stack_commit (self, edit, _("Remove Step"));

  return TRUE;
}

gboolean
dl_edit_stack_move_step (DlEditStack  *self,
                         guint         narrative,
                         guint         from,
                         guint         to,
                         GError      **error)
{
  DlDataset *dataset;
  GArray *steps;
  GArray *moved;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!check_step (dataset, narrative, from, error) || !check_step (dataset, narrative, to, error))
    return FALSE;
  if (from == to)
    return TRUE;

  /* The steps in their new order, each taken once. */
  steps = dl_dataset_get_narrative (dataset, narrative)->steps;
  moved = dl_edit_new_steps ();
  for (guint i = 0; i < steps->len; i++)
    {
      guint take = i;
      DlNarrativeStep step;

      if (i == to)
        take = from;
      else if (from < to && i >= from && i < to)
        take = i + 1;
      else if (from > to && i > to && i <= from)
        take = i - 1;
      step = g_array_index (steps, DlNarrativeStep, take);
      step.caption = g_strdup (step.caption);
      g_array_append_val (moved, step);
    }

  edit = dl_edit_new (EDIT_STEPS, NULL);
  edit->u.steps.index = narrative;
  edit->u.steps.steps = moved;
  dl_edit_stack_commit (self, edit, _("Move Step"));

  return TRUE;
}

gboolean
dl_edit_stack_set_step_caption (DlEditStack  *self,
                                guint         narrative,
                                guint         step,
                                const char   *caption,
                                GError      **error)
{
  DlDataset *dataset;
  DlNarrativeStep *slot;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  caption = dl_edit_nonempty (caption);
  if (!check_step (dataset, narrative, step, error) || !dl_edit_check_text (caption, "caption", FALSE, error))
    return FALSE;
  if (g_strcmp0 (g_array_index (dl_dataset_get_narrative (dataset, narrative)->steps, DlNarrativeStep, step).caption,
                 caption) == 0)
    return TRUE;

  edit = dl_edit_steps_edit (dataset, narrative);
  slot = &g_array_index (edit->u.steps.steps, DlNarrativeStep, step);
  g_free (slot->caption);
  slot->caption = g_strdup (caption);
  dl_edit_stack_commit (self, edit, _("Set Caption"));

  return TRUE;
}
