/* dl-edit-stack.c: every change to a dataset, undoable and redoable
 *
 * The core: edits, applying them, the undo and redo stacks, groups and
 * saving. The operations that make edits are in dl-edit-ops.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edit"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-edit-stack-private.h"
#include "dl-writer.h"

struct _DlEditStack
{
  GObject    parent_instance;

  DlDataset *dataset;
  GPtrArray *undo;          /* of Edit, oldest first */
  GPtrArray *redo;          /* of Edit, next to redo last */
  GPtrArray *groups;        /* of Edit (EDIT_GROUP): the open groups, outermost first */
  guint      saved_depth;   /* undo->len when last saved; G_MAXUINT: not reachable */
  DlEditSave *save;         /* a save under way (dl-edit-save.c), or NULL */
};

G_DEFINE_FINAL_TYPE (DlEditStack, dl_edit_stack, G_TYPE_OBJECT)

G_DEFINE_QUARK (dl-edit-error-quark, dl_edit_error)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------- edits */

GArray *
dl_edit_copy_excerpts (GArray *excerpts)
{
  GArray *copy = g_array_sized_new (FALSE, TRUE, sizeof (DlExcerpt), excerpts->len);

  g_array_set_clear_func (copy, dl_excerpt_clear);
  for (guint i = 0; i < excerpts->len; i++)
    {
      DlExcerpt excerpt = g_array_index (excerpts, DlExcerpt, i);

      excerpt.exact = g_strdup (excerpt.exact);
      excerpt.prefix = g_strdup (excerpt.prefix);
      excerpt.suffix = g_strdup (excerpt.suffix);
      g_array_append_val (copy, excerpt);
    }

  return copy;
}

GArray *
dl_edit_copy_claims (GArray *claims)
{
  GArray *copy = g_array_sized_new (FALSE, TRUE, sizeof (DlClaim), claims->len);

  g_array_set_clear_func (copy, dl_claim_clear);
  for (guint i = 0; i < claims->len; i++)
    {
      DlClaim claim = g_array_index (claims, DlClaim, i);

      claim.topic = g_strdup (claim.topic);
      claim.value_text = g_strdup (claim.value_text);
      claim.qualifier = g_strdup (claim.qualifier);
      claim.unit = g_strdup (claim.unit);
      g_array_append_val (copy, claim);
    }

  return copy;
}

GArray *
dl_edit_new_steps (void)
{
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (DlNarrativeStep));

  g_array_set_clear_func (steps, dl_narrative_step_clear);

  return steps;
}

GArray *
dl_edit_copy_steps (GArray *steps)
{
  GArray *copy = dl_edit_new_steps ();

  for (guint i = 0; i < steps->len; i++)
    {
      DlNarrativeStep step = g_array_index (steps, DlNarrativeStep, i);

      step.caption = g_strdup (step.caption);
      g_array_append_val (copy, step);
    }

  return copy;
}

Edit *
dl_edit_new (EditKind kind,
             gpointer object)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->object = object != NULL ? g_object_ref (object) : NULL;
  if (kind == EDIT_GROUP)
    edit->u.group.children = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_edit_free);

  return edit;
}

void
dl_edit_free (Edit *edit)
{
  switch (edit->kind)
    {
    case EDIT_GROUP:
      /* Later edits may hold what earlier ones brought in: free them first. */
      while (edit->u.group.children->len > 0)
        g_ptr_array_remove_index (edit->u.group.children, edit->u.group.children->len - 1);
      g_ptr_array_unref (edit->u.group.children);
      g_free (edit->u.group.label);
      break;
    case EDIT_STRING:
      g_free (edit->u.string.value);
      break;
    case EDIT_WHEN:
      g_free (edit->u.when.text);
      break;
    case EDIT_PLACES:
      g_ptr_array_unref (edit->u.places.places);
      break;
    case EDIT_PASSAGES:
      g_array_unref (edit->u.passages.excerpts);
      g_array_unref (edit->u.passages.claims);
      break;
    case EDIT_NARRATIVE:
      if (!edit->u.narrative.in)
        dl_narrative_clear (&edit->u.narrative.value);
      break;
    case EDIT_STEPS:
      g_array_unref (edit->u.steps.steps);
      break;
    case EDIT_TOPIC:
      g_free (edit->u.topic.id);
      g_clear_pointer (&edit->u.topic.value, dl_topic_free);
      break;
    case EDIT_CATEGORY:
      g_free (edit->u.category.id);
      g_clear_pointer (&edit->u.category.value, dl_category_def_free);
      break;
    case EDIT_GEOMETRY:
      dl_geometry_unref (edit->u.geometry);
      break;
    case EDIT_PRECISION:
    case EDIT_ITEM:
    default:
      break;
    }
  g_clear_object (&edit->object);
  g_free (edit);
}

static gsize
string_size (const char *s)
{
  return s != NULL ? strlen (s) + 1 : 0;
}

static gsize
edit_size (const Edit *edit)
{
  gsize size = sizeof (Edit);

  switch (edit->kind)
    {
    case EDIT_GROUP:
      size += sizeof (GPtrArray) + edit->u.group.children->len * sizeof (gpointer)
              + string_size (edit->u.group.label);
      for (guint i = 0; i < edit->u.group.children->len; i++)
        size += edit_size (g_ptr_array_index (edit->u.group.children, i));
      break;
    case EDIT_STRING:
      size += string_size (edit->u.string.value);
      break;
    case EDIT_WHEN:
      size += string_size (edit->u.when.text);
      break;
    case EDIT_PLACES:
      size += sizeof (GPtrArray) + edit->u.places.places->len * sizeof (gpointer);
      break;
    case EDIT_PASSAGES:
      size += sizeof (GArray) * 2;
      for (guint i = 0; i < edit->u.passages.excerpts->len; i++)
        {
          const DlExcerpt *e = &g_array_index (edit->u.passages.excerpts, DlExcerpt, i);

          size += sizeof *e + string_size (e->exact) + string_size (e->prefix) + string_size (e->suffix);
        }
      for (guint i = 0; i < edit->u.passages.claims->len; i++)
        {
          const DlClaim *c = &g_array_index (edit->u.passages.claims, DlClaim, i);

          size += sizeof *c + string_size (c->topic) + string_size (c->value_text)
                  + string_size (c->qualifier) + string_size (c->unit);
        }
      break;
    case EDIT_NARRATIVE:
      if (!edit->u.narrative.in)
        size += string_size (edit->u.narrative.value.id) + string_size (edit->u.narrative.value.title)
                + string_size (edit->u.narrative.value.description) + sizeof (GArray)
                + edit->u.narrative.value.steps->len * sizeof (DlNarrativeStep);
      break;
    case EDIT_STEPS:
      size += sizeof (GArray);
      for (guint i = 0; i < edit->u.steps.steps->len; i++)
        size += sizeof (DlNarrativeStep)
                + string_size (g_array_index (edit->u.steps.steps, DlNarrativeStep, i).caption);
      break;
    case EDIT_TOPIC:
      size += string_size (edit->u.topic.id);
      if (edit->u.topic.value != NULL)
        size += sizeof (DlTopic) + string_size (edit->u.topic.value->id)
                + string_size (edit->u.topic.value->label) + string_size (edit->u.topic.value->total);
      break;
    case EDIT_CATEGORY:
      size += string_size (edit->u.category.id);
      if (edit->u.category.value != NULL)
        size += sizeof (DlCategoryDef) + string_size (edit->u.category.value->id)
                + string_size (edit->u.category.value->label);
      break;
    case EDIT_GEOMETRY:
      size += 64 + dl_geometry_get_n_positions (edit->u.geometry) * sizeof (DlLonLat);
      break;
    case EDIT_PRECISION:
    case EDIT_ITEM:
    default:
      break;
    }

  return size;
}

DlObjectStore *
dl_edit_list_of (DlDataset *dataset,
                 GObject   *item)
{
  if (DL_IS_SOURCE (item))
    return dataset->sources;
  if (DL_IS_PLACE (item))
    return dataset->places;
  return dataset->events;
}

void
dl_edit_notify (DlDataset *dataset,
                Edit      *edit)
{
  /* Its text, kept for autosaves and checks, is written again. */
  if (edit->object != NULL)
    dl_writer_forget (edit->object);

  switch (edit->kind)
    {
    case EDIT_STRING:
      if (DL_IS_EVENT (edit->object))
        dl_dataset_edit_event_changed (dataset, DL_EVENT (edit->object), DL_EVENT_CHANGE_TEXT);
      break;
    case EDIT_WHEN:
      dl_dataset_edit_event_changed (dataset, DL_EVENT (edit->object), DL_EVENT_CHANGE_TIME);
      break;
    case EDIT_PLACES:
      dl_dataset_edit_event_changed (dataset, DL_EVENT (edit->object), DL_EVENT_CHANGE_TEXT);
      break;
    case EDIT_PASSAGES:
      /* The edit holds what the event had: the claims the index drops. */
      dl_dataset_edit_passages_changed (dataset, DL_EVENT (edit->object), edit->u.passages.claims);
      break;
    case EDIT_PRECISION:
    case EDIT_GEOMETRY:
      /* Every event at the place is drawn differently. */
      for (guint i = 0; i < dataset->events_by_time->len; i++)
        {
          DlEvent *event = g_ptr_array_index (dataset->events_by_time, i);

          if (g_ptr_array_find (event->places, edit->object, NULL))
            dl_dataset_edit_event_changed (dataset, event, DL_EVENT_CHANGE_TEXT);
        }
      break;
    case EDIT_NARRATIVE:
    case EDIT_STEPS:
      dl_dataset_edit_narratives_changed (dataset);
      break;
    case EDIT_TOPIC:
      /* Every event with a claim on it reads it differently. */
      for (guint i = 0; i < dataset->events_by_time->len; i++)
        {
          DlEvent *event = g_ptr_array_index (dataset->events_by_time, i);
          guint n_claims;
          const DlClaim *claims = dl_event_peek_claims (event, &n_claims);

          for (guint j = 0; j < n_claims; j++)
            if (g_strcmp0 (claims[j].topic, edit->u.topic.id) == 0)
              {
                dl_dataset_edit_event_changed (dataset, event, DL_EVENT_CHANGE_CLAIMS);
                break;
              }
        }
      break;
    case EDIT_CATEGORY:
      /* Its events are drawn in another colour now. */
      for (guint i = 0; i < dataset->events_by_time->len; i++)
        {
          DlEvent *event = g_ptr_array_index (dataset->events_by_time, i);

          if (g_strcmp0 (event->category, edit->u.category.id) == 0)
            dl_dataset_edit_event_changed (dataset, event, DL_EVENT_CHANGE_TEXT);
        }
      break;
    case EDIT_GROUP:
    case EDIT_ITEM:
    default:
      break;
    }
}

/* Every edit is a swap (dl-edit-stack-private.h): @a and @b, two places
 * of the same type, exchange their values. */
#define SWAP(a, b) \
  G_STMT_START { \
    __typeof__ (a) swap_tmp_ = (a); \
    (a) = (b); \
    (b) = swap_tmp_; \
  } G_STMT_END

static void
apply (DlDataset *dataset,
       Edit      *edit,
       gboolean   backwards)
{
  switch (edit->kind)
    {
    case EDIT_GROUP:
      {
        GPtrArray *children = edit->u.group.children;

        for (guint i = 0; i < children->len; i++)
          apply (dataset, g_ptr_array_index (children, backwards ? children->len - 1 - i : i), backwards);
      }
      return;

    case EDIT_STRING:
      SWAP (*(char **) G_STRUCT_MEMBER_P (edit->object, edit->u.string.offset), edit->u.string.value);
      break;

    case EDIT_WHEN:
      SWAP (DL_EVENT (edit->object)->when_text, edit->u.when.text);
      SWAP (DL_EVENT (edit->object)->when, edit->u.when.value);
      break;

    case EDIT_PLACES:
      SWAP (DL_EVENT (edit->object)->places, edit->u.places.places);
      SWAP (DL_EVENT (edit->object)->place_role, edit->u.places.role);
      break;

    case EDIT_PASSAGES:
      /* Made by dl_edit_passages_edit(), which gave it its arrays. */
      g_assert (DL_EVENT (edit->object)->excerpt_array != NULL);
      SWAP (DL_EVENT (edit->object)->excerpt_array, edit->u.passages.excerpts);
      SWAP (DL_EVENT (edit->object)->claim_array, edit->u.passages.claims);
      break;

    case EDIT_TOPIC:
      {
        DlTopic *old = NULL;

        /* The map's keys are its values' ids. */
        if (dataset->topics == NULL)
          dataset->topics = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) dl_topic_free);
        g_hash_table_steal_extended (dataset->topics, edit->u.topic.id, NULL, (gpointer *) &old);
        if (edit->u.topic.value != NULL)
          g_hash_table_insert (dataset->topics, edit->u.topic.value->id, edit->u.topic.value);
        edit->u.topic.value = old;
      }
      break;

    case EDIT_CATEGORY:
      {
        DlCategoryDef *old = NULL;
        guint n = dl_dataset_get_n_categories (dataset);
        guint index = n;

        /* In its place: a recoloured definition keeps its order in the file. */
        for (guint i = 0; i < n; i++)
          if (g_strcmp0 (dl_dataset_get_category (dataset, i)->id, edit->u.category.id) == 0)
            index = i;
        if (index < n)
          old = dl_dataset_steal_category (dataset, index);
        if (edit->u.category.value != NULL)
          dl_dataset_insert_category (dataset, index, edit->u.category.value);
        edit->u.category.value = old;
      }
      break;

    case EDIT_GEOMETRY:
      SWAP (DL_PLACE (edit->object)->geometry, edit->u.geometry);
      break;

    case EDIT_PRECISION:
      SWAP (DL_PLACE (edit->object)->precision_m, edit->u.precision);
      break;

    case EDIT_ITEM:
      if (edit->u.item.in)
        dl_dataset_edit_remove (dataset, edit->object, edit->u.item.position);
      else
        dl_dataset_edit_insert (dataset, edit->object, edit->u.item.position);
      edit->u.item.in = !edit->u.item.in;
      /* The list said so itself. */
      return;

    case EDIT_NARRATIVE:
      {
        guint index = edit->u.narrative.index;

        if (edit->u.narrative.in)
          {
            DlNarrative *slot = &g_array_index (dataset->narratives, DlNarrative, index);

            /* The array clears what it removes: give it an empty narrative
             * to clear, and keep the real one. */
            edit->u.narrative.value = *slot;
            memset (slot, 0, sizeof *slot);
            slot->steps = dl_edit_new_steps ();
            g_array_remove_index (dataset->narratives, index);
          }
        else
          {
            g_array_insert_val (dataset->narratives, index, edit->u.narrative.value);
            memset (&edit->u.narrative.value, 0, sizeof edit->u.narrative.value);
          }
        edit->u.narrative.in = !edit->u.narrative.in;
      }
      break;

    case EDIT_STEPS:
      SWAP (g_array_index (dataset->narratives, DlNarrative, edit->u.steps.index).steps, edit->u.steps.steps);
      break;

    default:
      g_assert_not_reached ();
    }

  dl_edit_notify (dataset, edit);
}

/* ------------------------------------------------------------- stacks */

static void
notify_state (DlEditStack *self,
              gboolean     could_undo,
              gboolean     could_redo,
              gboolean     was_modified)
{
  if (could_undo != dl_edit_stack_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != dl_edit_stack_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (was_modified != dl_edit_stack_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
push (DlEditStack *self,
      Edit        *edit)
{
  gboolean could_undo = dl_edit_stack_can_undo (self);
  gboolean could_redo = dl_edit_stack_can_redo (self);
  gboolean was_modified = dl_edit_stack_get_modified (self);

  /* A new edit after undoing: what was undone can no longer be redone,
   * and the saved state, if it was there, cannot be reached again. */
  if (self->saved_depth > self->undo->len && self->saved_depth != G_MAXUINT)
    self->saved_depth = G_MAXUINT;
  dl_edit_save_pushed (self->save, self->undo->len);
  while (self->redo->len > 0)
    g_ptr_array_remove_index (self->redo, self->redo->len - 1);

  g_ptr_array_add (self->undo, edit);
  dl_dataset_edit_changed (self->dataset);
  notify_state (self, could_undo, could_redo, was_modified);
}

void
dl_edit_stack_commit (DlEditStack *self,
                      Edit        *edit,
                      const char  *label)
{
  dl_edit_save_before_change (self->save);
  apply (self->dataset, edit, FALSE);

  if (self->groups->len > 0)
    {
      Edit *group = g_ptr_array_index (self->groups, self->groups->len - 1);

      g_ptr_array_add (group->u.group.children, edit);
      return;
    }

  /* A lone edit is a group of one, for its label. */
  if (label != NULL)
    {
      Edit *group = dl_edit_new (EDIT_GROUP, NULL);

      group->u.group.label = g_strdup (label);
      group->mergeable = edit->mergeable;
      g_ptr_array_add (group->u.group.children, edit);
      edit = group;
    }
  push (self, edit);
}

Edit *
dl_edit_stack_get_mergeable (DlEditStack *self)
{
  Edit *top;

  /* The caller changes the dataset next, merged or not. */
  dl_edit_save_before_change (self->save);
  /* Nor into a state saved or being saved. */
  if (self->groups->len > 0 || self->undo->len == 0 || self->undo->len == self->saved_depth
      || dl_edit_save_holds_depth (self->save, self->undo->len))
    return NULL;

  top = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (!top->mergeable || top->kind != EDIT_GROUP || top->u.group.children->len != 1)
    return NULL;

  return g_ptr_array_index (top->u.group.children, 0);
}

void
dl_edit_stack_merged (DlEditStack *self,
                      Edit        *edit)
{
  gboolean could_redo = dl_edit_stack_can_redo (self);

  while (self->redo->len > 0)
    g_ptr_array_remove_index (self->redo, self->redo->len - 1);
  dl_edit_notify (self->dataset, edit);
  dl_dataset_edit_changed (self->dataset);
  notify_state (self, TRUE, could_redo, dl_edit_stack_get_modified (self));
}

static const char *
label_of (GPtrArray *stack)
{
  Edit *edit;

  if (stack->len == 0)
    return NULL;

  edit = g_ptr_array_index (stack, stack->len - 1);
  return edit->kind == EDIT_GROUP ? edit->u.group.label : NULL;
}

/* ------------------------------------------------------------- GObject */

static void
dl_edit_stack_dispose (GObject *object)
{
  DlEditStack *self = DL_EDIT_STACK (object);

  /* Newest first: a later edit may hold what an earlier one brought in. */
  if (self->redo != NULL)
    while (self->redo->len > 0)
      g_ptr_array_remove_index (self->redo, 0);
  if (self->undo != NULL)
    while (self->undo->len > 0)
      g_ptr_array_remove_index (self->undo, self->undo->len - 1);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (dl_edit_stack_parent_class)->dispose (object);
}

static void
dl_edit_stack_finalize (GObject *object)
{
  DlEditStack *self = DL_EDIT_STACK (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_ptr_array_unref (self->groups);

  G_OBJECT_CLASS (dl_edit_stack_parent_class)->finalize (object);
}

static void
dl_edit_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DlEditStack *self = DL_EDIT_STACK (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, dl_edit_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, dl_edit_stack_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, dl_edit_stack_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_edit_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DlEditStack *self = DL_EDIT_STACK (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_edit_stack_class_init (DlEditStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_edit_stack_dispose;
  object_class->finalize = dl_edit_stack_finalize;
  object_class->get_property = dl_edit_stack_get_property;
  object_class->set_property = dl_edit_stack_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, DL_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dl_edit_stack_init (DlEditStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_edit_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_edit_free);
  self->groups = g_ptr_array_new ();
}

/* ---------------------------------------------------------- public API */

DlEditStack *
dl_edit_stack_new (DlDataset *dataset)
{
  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);

  return g_object_new (DL_TYPE_EDIT_STACK, "dataset", dataset, NULL);
}

DlDataset *
dl_edit_stack_get_dataset (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), NULL);
  return self->dataset;
}

gboolean
dl_edit_stack_can_undo (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  return self->undo->len > 0 && self->groups->len == 0;
}

gboolean
dl_edit_stack_can_redo (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  return self->redo->len > 0 && self->groups->len == 0;
}

gboolean
dl_edit_stack_get_modified (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  return self->undo->len != self->saved_depth;
}

const char *
dl_edit_stack_get_undo_label (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), NULL);
  return label_of (self->undo);
}

const char *
dl_edit_stack_get_redo_label (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), NULL);
  return label_of (self->redo);
}

static gboolean
move_top (DlEditStack *self,
          GPtrArray   *from,
          GPtrArray   *to,
          gboolean     backwards)
{
  gboolean could_undo = dl_edit_stack_can_undo (self);
  gboolean could_redo = dl_edit_stack_can_redo (self);
  gboolean was_modified = dl_edit_stack_get_modified (self);
  Edit *edit;

  if (from->len == 0 || self->groups->len > 0)
    return FALSE;

  dl_edit_save_before_change (self->save);
  edit = g_ptr_array_steal_index (from, from->len - 1);
  apply (self->dataset, edit, backwards);
  g_ptr_array_add (to, edit);
  dl_dataset_edit_changed (self->dataset);
  notify_state (self, could_undo, could_redo, was_modified);

  return TRUE;
}

gboolean
dl_edit_stack_undo (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  return move_top (self, self->undo, self->redo, TRUE);
}

gboolean
dl_edit_stack_redo (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  return move_top (self, self->redo, self->undo, FALSE);
}

void
dl_edit_stack_begin_group (DlEditStack *self,
                           const char  *label)
{
  Edit *group;

  g_return_if_fail (DL_IS_EDIT_STACK (self));

  group = dl_edit_new (EDIT_GROUP, NULL);
  group->u.group.label = g_strdup (label);
  g_ptr_array_add (self->groups, group);
}

void
dl_edit_stack_end_group (DlEditStack *self)
{
  Edit *group;

  g_return_if_fail (DL_IS_EDIT_STACK (self));
  g_return_if_fail (self->groups->len > 0);

  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);

  if (group->u.group.children->len == 0)
    dl_edit_free (group);
  else if (self->groups->len > 0)
    {
      Edit *outer = g_ptr_array_index (self->groups, self->groups->len - 1);

      g_ptr_array_add (outer->u.group.children, group);
    }
  else
    push (self, group);
}

gsize
dl_edit_stack_get_memory_size (DlEditStack *self)
{
  gsize size = sizeof (DlEditStack);

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), 0);

  size += (self->undo->len + self->redo->len) * sizeof (gpointer);
  for (guint i = 0; i < self->undo->len; i++)
    size += edit_size (g_ptr_array_index (self->undo, i));
  for (guint i = 0; i < self->redo->len; i++)
    size += edit_size (g_ptr_array_index (self->redo, i));

  return size;
}

void
dl_edit_stack_set_unsaved (DlEditStack *self)
{
  gboolean was_modified;

  g_return_if_fail (DL_IS_EDIT_STACK (self));

  was_modified = dl_edit_stack_get_modified (self);
  self->saved_depth = G_MAXUINT;
  notify_state (self, dl_edit_stack_can_undo (self), dl_edit_stack_can_redo (self), was_modified);
}

gboolean
dl_edit_stack_save (DlEditStack  *self,
                    const char   *path,
                    GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) old_file = NULL;
  g_autofree char *dir = NULL;
  gboolean was_modified;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);
  g_return_val_if_fail (self->save == NULL, FALSE);

  /* The articles first, so that the file, checked by loading it, finds
   * them beside it: those added since it was opened, or all of them in
   * another folder. */
  dir = g_path_get_dirname (path);
  if (!dl_writer_copy_articles (self->dataset, dir, error))
    return FALSE;

  file = g_file_new_for_path (path);
  old_file = self->dataset->file != NULL ? g_object_ref (self->dataset->file) : NULL;
  dl_dataset_edit_set_file (self->dataset, file);
  if (!dl_writer_write_file (self->dataset, path, error))
    {
      dl_dataset_edit_set_file (self->dataset, old_file);
      return FALSE;
    }

  was_modified = dl_edit_stack_get_modified (self);
  self->saved_depth = self->undo->len;
  notify_state (self, dl_edit_stack_can_undo (self), dl_edit_stack_can_redo (self), was_modified);

  return TRUE;
}

/* For dl-edit-save.c */

guint
dl_edit_stack_get_depth (DlEditStack *self)
{
  return self->undo->len;
}

DlEditSave *
dl_edit_stack_get_save (DlEditStack *self)
{
  return self->save;
}

void
dl_edit_stack_set_save (DlEditStack *self,
                        DlEditSave  *save)
{
  self->save = save;
}

void
dl_edit_stack_set_saved_depth (DlEditStack *self,
                               guint        depth)
{
  gboolean was_modified = dl_edit_stack_get_modified (self);

  self->saved_depth = depth;
  notify_state (self, dl_edit_stack_can_undo (self), dl_edit_stack_can_redo (self), was_modified);
}

gboolean
dl_edit_stack_is_saving (DlEditStack *self)
{
  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  return self->save != NULL;
}
