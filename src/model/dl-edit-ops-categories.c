/* dl-edit-ops-categories.c: the dataset's own categories, defined and recoloured
 *
 * One feature's operations of the edit stack (dl-edit-ops.c has the
 * shared checks). A definition is swapped in and out of the dataset's
 * `categories` like a topic's label (EDIT_CATEGORY in dl-edit-stack.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edit"

#include <glib/gi18n-lib.h>

#include "dl-dataset-categories.h"
#include "dl-edit-stack-private.h"

static void
commit_definition (DlEditStack   *self,
                   DlCategoryDef *def,
                   const char    *label)
{
  Edit *edit = dl_edit_new (EDIT_CATEGORY, NULL);

  edit->u.category.id = g_strdup (def->id);
  edit->u.category.value = def;
  dl_edit_stack_commit (self, edit, label);
}

const char *
dl_edit_stack_add_category (DlEditStack        *self,
                            DlEvent            *event,
                            const char         *label,
                            guint32             color,
                            const char * const *taken,
                            GError            **error)
{
  DlDataset *dataset;
  g_autofree char *id = NULL;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), NULL);

  dataset = dl_edit_stack_get_dataset (self);
  if (event != NULL && !dl_edit_check_event (dataset, event, error))
    return NULL;
  label = dl_edit_nonempty (label);
  if (label != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (label));

      if (*stripped == '\0')
        label = NULL;
    }
  if (label == NULL)
    {
      dl_edit_invalid (error, _("A category needs a name"));
      return NULL;
    }
  if (!dl_edit_check_text (label, "label", TRUE, error))
    return NULL;

  id = dl_dataset_make_category_id (dataset, label, taken);
  /* The definition first, so that whoever hears of the event's change
   * finds its colour; undone, the event lets go of it first. */
  dl_edit_stack_begin_group (self, _("New Category"));
  commit_definition (self, dl_category_def_new (id, label, color), _("New Category"));
  if (event != NULL)
    dl_edit_stack_set_event_text (self, event, DL_EVENT_FIELD_CATEGORY, id, FALSE, NULL);
  dl_edit_stack_end_group (self);

  return dl_dataset_lookup_category (dataset, id)->id;
}

gboolean
dl_edit_stack_edit_category (DlEditStack  *self,
                             const char   *id,
                             const char   *label,
                             guint32       color,
                             GError      **error)
{
  DlDataset *dataset;
  const DlCategoryDef *current;
  g_autofree char *name = NULL;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!dl_category_id_is_valid (id))
    return dl_edit_invalid (error, _("“%s” is not a category: use lower-case letters, digits and “-”"),
                            id != NULL ? id : "");
  current = dl_dataset_lookup_category (dataset, id);
  if (label != NULL)
    {
      name = g_strstrip (g_strdup (label));
      if (*name == '\0')
        return dl_edit_invalid (error, _("A category needs a name"));
    }
  color &= 0xffffff;
  if (current != NULL && current->color == color && (name == NULL || g_strcmp0 (current->label, name) == 0))
    return TRUE;

  /* One edit for both, so one undo gives the old name and colour back. */
  commit_definition (self,
                     dl_category_def_new (id, name != NULL ? name : current != NULL ? current->label : NULL, color),
                     name != NULL ? _("Edit Category") : _("Set Category Colour"));
  return TRUE;
}

gboolean
dl_edit_stack_set_category_color (DlEditStack  *self,
                                  const char   *id,
                                  guint32       color,
                                  GError      **error)
{
  return dl_edit_stack_edit_category (self, id, NULL, color, error);
}
