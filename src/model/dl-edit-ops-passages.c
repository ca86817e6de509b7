/* dl-edit-ops-passages.c: passages and claims: added, removed, re-anchored
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
#include <math.h>
#include <string.h>

#include "dl-edit-stack-private.h"

/* ----------------------------------------------------------- passages */

int
dl_edit_stack_add_excerpt (DlEditStack  *self,
                           DlEvent      *event,
                           DlSource     *source,
                           guint         start,
                           guint         end,
                           GError      **error)
{
  DlDataset *dataset;
  DlExcerpt excerpt;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), -1);

  dataset = dl_edit_stack_get_dataset (self);
  if (!dl_edit_check_event (dataset, event, error))
    return -1;
  if (!DL_IS_SOURCE (source) || dl_dataset_lookup_source (dataset, source->id) != source)
    return dl_edit_invalid (error, _("The article is not in this dataset")) - 1;
  if (!dl_edit_make_excerpt (source, start, end, &excerpt, error))
    return -1;

  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    {
      const DlExcerpt *other = dl_event_get_excerpt (event, i);

      if (other->source == source && other->start == excerpt.start && other->end == excerpt.end)
        {
          g_free (excerpt.exact);
          g_free (excerpt.prefix);
          g_free (excerpt.suffix);
          return dl_edit_invalid (error, _("The event already has this passage")) - 1;
        }
    }

  edit = dl_edit_passages_edit (event);
  g_array_append_val (edit->u.passages.excerpts, excerpt);
  dl_edit_stack_commit (self, edit, _("Add Passage"));

  return (int) dl_event_get_n_excerpts (event) - 1;
}

gboolean
dl_edit_stack_remove_excerpt (DlEditStack  *self,
                              DlEvent      *event,
                              guint         index,
                              GError      **error)
{
  Edit *edit;
  GArray *claims;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  if (!dl_edit_check_event (dl_edit_stack_get_dataset (self), event, error))
    return FALSE;
  if (index >= dl_event_get_n_excerpts (event))
    return dl_edit_invalid (error, _("The event has no passage %u"), index + 1);

  edit = dl_edit_passages_edit (event);
  g_array_remove_index (edit->u.passages.excerpts, index);

  /* Claims cite passages by index: those citing this one go, later ones
   * move down. */
  claims = edit->u.passages.claims;
  for (guint i = claims->len; i-- > 0; )
    {
      DlClaim *claim = &g_array_index (claims, DlClaim, i);

      if (claim->excerpt == index)
        g_array_remove_index (claims, i);
      else if (claim->excerpt > index)
        claim->excerpt--;
    }
  dl_edit_stack_commit (self, edit, _("Remove Passage"));

  return TRUE;
}

gboolean
dl_edit_stack_reanchor_excerpt (DlEditStack  *self,
                                DlEvent      *event,
                                guint         index,
                                guint         start,
                                guint         end,
                                GError      **error)
{
  DlExcerpt excerpt;
  DlExcerpt *slot;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  if (!dl_edit_check_event (dl_edit_stack_get_dataset (self), event, error))
    return FALSE;
  if (index >= dl_event_get_n_excerpts (event))
    return dl_edit_invalid (error, _("The event has no passage %u"), index + 1);
  if (!dl_edit_make_excerpt (dl_event_get_excerpt (event, index)->source, start, end, &excerpt, error))
    return FALSE;

  edit = dl_edit_passages_edit (event);
  slot = &g_array_index (edit->u.passages.excerpts, DlExcerpt, index);
  g_free (slot->exact);
  g_free (slot->prefix);
  g_free (slot->suffix);
  *slot = excerpt;
  dl_edit_stack_commit (self, edit, _("Move Passage"));

  return TRUE;
}

int
dl_edit_stack_add_claim (DlEditStack  *self,
                         DlEvent      *event,
                         const char   *topic,
                         const char   *value,
                         const char   *qualifier,
                         const char   *unit,
                         guint         excerpt,
                         GError      **error)
{
  DlClaim claim = { NULL, NULL, 0.0, FALSE, NULL, NULL, 0, NULL };
  char *end = NULL;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), -1);

  topic = dl_edit_nonempty (topic);
  value = dl_edit_nonempty (value);
  qualifier = dl_edit_nonempty (qualifier);
  unit = dl_edit_nonempty (unit);
  if (!dl_edit_check_event (dl_edit_stack_get_dataset (self), event, error)
      || !dl_edit_check_text (topic, "topic", TRUE, error) || !dl_edit_check_text (value, "value", TRUE, error)
      || !dl_edit_check_text (qualifier, "qualifier", FALSE, error) || !dl_edit_check_text (unit, "unit", FALSE, error))
    return -1;
  if (excerpt >= dl_event_get_n_excerpts (event))
    return dl_edit_invalid (error, _("The event has no passage %u"), excerpt + 1) - 1;

  /* "12" is a number, as the file would hold it; "a third" stays text. */
  claim.value = g_ascii_strtod (value, &end);
  claim.numeric = end != value && *end == '\0' && isfinite (claim.value) && !g_ascii_isspace (*value);
  claim.value_text = claim.numeric ? g_strdup_printf ("%.15g", claim.value) : g_strdup (value);
  if (!claim.numeric)
    claim.value = 0.0;
  claim.topic = g_strdup (topic);
  claim.qualifier = g_strdup (qualifier);
  claim.unit = g_strdup (unit);
  claim.excerpt = excerpt;
  claim.source = dl_event_get_excerpt (event, excerpt)->source;

  edit = dl_edit_passages_edit (event);
  g_array_append_val (edit->u.passages.claims, claim);
  dl_edit_stack_commit (self, edit, _("Add Claim"));

  return (int) dl_event_get_n_claims (event) - 1;
}

gboolean
dl_edit_stack_set_topic_label (DlEditStack  *self,
                               const char   *topic,
                               const char   *label,
                               GError      **error)
{
  const DlTopic *current;
  DlTopic *value = NULL;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  topic = dl_edit_nonempty (topic);
  label = dl_edit_nonempty (label);
  if (!dl_edit_check_text (topic, "topic", TRUE, error) || !dl_edit_check_text (label, "label", FALSE, error))
    return FALSE;

  current = dl_dataset_lookup_topic (dl_edit_stack_get_dataset (self), topic);
  if (g_strcmp0 (current != NULL ? current->label : NULL, label) == 0)
    return TRUE;

  /* Its total stays, and needs a label; a topic with neither goes from
   * the map (its label is then made from its id). */
  if (label == NULL && current != NULL && current->total != NULL)
    return dl_edit_invalid (error, _("The topic “%s” has a total, so it needs a label"), topic);
  if (label != NULL)
    {
      value = g_new0 (DlTopic, 1);
      value->id = g_strdup (topic);
      value->label = g_strdup (label);
      value->total = current != NULL ? g_strdup (current->total) : NULL;
    }

  edit = dl_edit_new (EDIT_TOPIC, NULL);
  edit->u.topic.id = g_strdup (topic);
  edit->u.topic.value = value;
  dl_edit_stack_commit (self, edit, _("Set Topic Label"));

  return TRUE;
}

gboolean
dl_edit_stack_remove_claim (DlEditStack  *self,
                            DlEvent      *event,
                            guint         index,
                            GError      **error)
{
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  if (!dl_edit_check_event (dl_edit_stack_get_dataset (self), event, error))
    return FALSE;
  if (index >= dl_event_get_n_claims (event))
    return dl_edit_invalid (error, _("The event has no claim %u"), index + 1);

  edit = dl_edit_passages_edit (event);
  g_array_remove_index (edit->u.passages.claims, index);
  dl_edit_stack_commit (self, edit, _("Remove Claim"));

  return TRUE;
}
