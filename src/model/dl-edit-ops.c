/* dl-edit-ops.c: the operations of the edit stack
 *
 * Each checks its input the way the loader would (so that what is edited
 * can be saved and loaded again), makes one edit or a group of them, and
 * commits it (dl-edit-stack.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-edit"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-edit-stack-private.h"

/* ------------------------------------------------------------ helpers */

gboolean
dl_edit_invalid (GError     **error,
                 const char  *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_set_error_literal (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID, "");
  if (error != NULL && *error != NULL)
    {
      g_free ((*error)->message);
      (*error)->message = g_strdup_vprintf (format, args);
    }
  va_end (args);

  return FALSE;
}

/* Empty text is no text. */
const char *
dl_edit_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* What a person calls a member, in messages. */
static const char *
member_label (const char *member)
{
  static const struct { const char *member; const char *label; } labels[] = {
    { "id", N_("Id") },
    { "exact", N_("Passage") },
    { "title", N_("Title") },
    { "file", N_("Article file") },
    { "name", N_("Name") },
    { "kind", N_("Kind") },
    { "category", N_("Category") },
    { "when", N_("Date") },
    { "summary", N_("Summary") },
    { "when_basis", N_("Basis of the date") },
    { "topic", N_("Topic") },
    { "value", N_("Value") },
    { "qualifier", N_("Qualifier") },
    { "unit", N_("Unit") },
    { "caption", N_("Caption") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].member, member))
      return _(labels[i].label);

  return member;
}

/* Checks a text member against the loader's limits; @required refuses none. */
gboolean
dl_edit_check_text (const char  *value,
                    const char  *member,
                    gboolean     required,
                    GError     **error)
{
  if (value == NULL)
    return !required || dl_edit_invalid (error, _("%s: this cannot be empty"), member_label (member));
  if (!g_utf8_validate (value, -1, NULL))
    return dl_edit_invalid (error, _("%s: this is not valid UTF-8 text"), member_label (member));
  if (strlen (value) > dl_field_max_bytes (member))
    return dl_edit_invalid (error, _("%s: this is too long (at most %u bytes)"),
                            member_label (member), (guint) dl_field_max_bytes (member));
  return TRUE;
}

/* An id made of @text: lower-case ASCII letters and digits joined by "-",
 * at most 40 characters, unique among @taken ("-2", "-3"… when not). */
char *
dl_edit_make_id (const char *text,
                 const char *fallback,
                 gboolean  (*taken) (gpointer data, const char *id),
                 gpointer    data)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *id = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *candidate;

  for (const char *p = ascii; *p != '\0' && id->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, fallback);

  base = g_string_free (id, FALSE);
  candidate = g_strdup (base);
  for (guint n = 2; taken (data, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", base, n);
    }

  return candidate;
}

static gboolean
source_taken (gpointer    data,
              const char *id)
{
  return dl_dataset_lookup_source (data, id) != NULL;
}

static gboolean
place_taken (gpointer    data,
             const char *id)
{
  return dl_dataset_lookup_place (data, id) != NULL;
}

static gboolean
event_taken (gpointer    data,
             const char *id)
{
  return dl_dataset_lookup_event (data, id) != NULL;
}

gboolean
dl_edit_narrative_taken (gpointer    data,
                         const char *id)
{
  return dl_dataset_lookup_narrative (data, id) != NULL;
}

/* What the loader takes as a category. */
static gboolean
is_identifier (const char *text)
{
  return *text != '\0' && strspn (text, "abcdefghijklmnopqrstuvwxyz0123456789-_") == strlen (text);
}

gboolean
dl_edit_check_id (const char  *id,
                  gboolean   (*taken) (gpointer data, const char *id),
                  DlDataset   *dataset,
                  GError     **error)
{
  if (!dl_edit_check_text (id, "id", TRUE, error))
    return FALSE;
  if (taken (dataset, id))
    return dl_edit_invalid (error, _("The id “%s” is already taken"), id);
  return TRUE;
}

static guint
position_of (GListModel *list,
             gpointer    item)
{
  guint position = G_MAXUINT;

  dl_object_store_find (DL_OBJECT_STORE (list), item, &position);

  return position;
}

gboolean
dl_edit_check_event (DlDataset  *dataset,
                     DlEvent    *event,
                     GError    **error)
{
  if (!DL_IS_EVENT (event) || dl_dataset_lookup_event (dataset, event->id) != event)
    return dl_edit_invalid (error, _("The event is not in this dataset"));
  return TRUE;
}

gboolean
dl_edit_check_narrative (DlDataset  *dataset,
                         guint       narrative,
                         GError    **error)
{
  if (narrative >= dl_dataset_get_n_narratives (dataset))
    return dl_edit_invalid (error, _("There is no narrative %u"), narrative + 1);
  return TRUE;
}

/* A PASSAGES edit holding copies of the event's excerpts and claims, to
 * change before committing. */
Edit *
dl_edit_passages_edit (DlEvent *event)
{
  Edit *edit = dl_edit_new (EDIT_PASSAGES, event);

  /* A loaded event's are packed: arrays to swap first (dl-strings.h). */
  dl_event_own_arrays (event);
  edit->u.passages.excerpts = dl_edit_copy_excerpts (event->excerpt_array);
  edit->u.passages.claims = dl_edit_copy_claims (event->claim_array);

  return edit;
}

Edit *
dl_edit_steps_edit (DlDataset *dataset,
                    guint      narrative)
{
  Edit *edit = dl_edit_new (EDIT_STEPS, NULL);

  edit->u.steps.index = narrative;
  edit->u.steps.steps = dl_edit_copy_steps (dl_dataset_get_narrative (dataset, narrative)->steps);

  return edit;
}

/* The excerpt of [start, end) in @source, its ends trimmed of spaces. */
gboolean
dl_edit_make_excerpt (DlSource   *source,
                      guint       start,
                      guint       end,
                      DlExcerpt  *out,
                      GError    **error)
{
  const DlText *text = source->text;
  const char *data;
  guint n_chars;
  g_autofree char *exact = NULL;
  DlAnchor anchor;

  if (text == NULL)
    return dl_edit_invalid (error, _("The article “%s” has no text"), source->title);

  n_chars = dl_text_get_n_chars (text);
  data = dl_text_get_data (text);
  if (start >= end || end > n_chars)
    return dl_edit_invalid (error, _("The selection %u–%u is not inside the article (%u characters)"),
                            start, end, n_chars);

  while (start < end && g_unichar_isspace (g_utf8_get_char (data + dl_text_char_to_byte (text, start))))
    start++;
  while (end > start && g_unichar_isspace (g_utf8_get_char (data + dl_text_char_to_byte (text, end - 1))))
    end--;
  if (start == end)
    return dl_edit_invalid (error, _("The selection holds only spaces"));

  exact = dl_text_substring (text, start, end);
  if (!dl_edit_check_text (exact, "exact", TRUE, error))
    return FALSE;

  /* A quote that occurs more than once takes its context along, so that
   * it can be found again without its offsets. */
  anchor = dl_text_anchor (text, exact, NULL, NULL, FALSE, 0);
  out->source = source;
  out->start = start;
  out->end = end;
  out->prefix = NULL;
  out->suffix = NULL;
  if (anchor.n_occurrences > 1)
    {
      if (start > 0)
        out->prefix = dl_text_substring (text, start > DL_EDIT_CONTEXT_CHARS ? start - DL_EDIT_CONTEXT_CHARS : 0, start);
      if (end < n_chars)
        out->suffix = dl_text_substring (text, end, MIN (n_chars, end + DL_EDIT_CONTEXT_CHARS));
    }
  out->exact = g_steal_pointer (&exact);

  return TRUE;
}

/* ------------------------------------------------------------ sources */

DlSource *
dl_edit_stack_add_source (DlEditStack  *self,
                          const char   *id,
                          const char   *file,
                          const char   *title,
                          const char   *published,
                          GBytes       *text,
                          GError      **error)
{
  DlDataset *dataset;
  g_autoptr(DlSource) source = NULL;
  g_auto(GStrv) parts = NULL;
  DlEdtf published_value = { 0 };
  g_autoptr(GError) local = NULL;
  const char *data;
  gsize len = 0;
  gsize bad = 0;
  GListModel *sources;
  char *copy;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  dataset = dl_edit_stack_get_dataset (self);
  sources = dl_dataset_get_sources (dataset);
  title = dl_edit_nonempty (title);
  published = dl_edit_nonempty (published);
  file = dl_edit_nonempty (file);

  if (!dl_edit_check_text (title, "title", TRUE, error) || !dl_edit_check_text (file, "file", TRUE, error))
    return NULL;
  if (id != NULL && !dl_edit_check_id (id, source_taken, dataset, error))
    return NULL;

  parts = g_strsplit_set (file, "/\\", -1);
  if (g_path_is_absolute (file) || g_strv_contains ((const char * const *) parts, ".."))
    {
      dl_edit_invalid (error, _("The article path “%s” must stay inside the dataset’s folder"), file);
      return NULL;
    }
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) other = g_list_model_get_item (sources, i);

      if (g_str_equal (other->file, file))
        {
          dl_edit_invalid (error, _("Another article is already at “%s”"), file);
          return NULL;
        }
    }

  if (published != NULL && !dl_edtf_parse (published, &published_value, &local))
    {
      dl_edit_invalid (error, _("The publication date “%s” is not valid: %s"), published, local->message);
      return NULL;
    }

  data = g_bytes_get_data (text, &len);
  if (len > DL_ARTICLE_MAX_SIZE)
    {
      dl_edit_invalid (error, _("The article is too large"));
      return NULL;
    }
  if (!dl_utf8_check (data != NULL ? data : "", len, &bad))
    {
      dl_edit_invalid (error, _("The article is not UTF-8 text (a bad byte at %u)"), (guint) bad);
      return NULL;
    }

  source = dl_source_new ();
  source->id = id != NULL ? g_strdup (id) : NULL;
  for (guint n = g_list_model_get_n_items (sources); source->id == NULL; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("a%03u", n);

      if (!source_taken (dataset, candidate))
        source->id = g_steal_pointer (&candidate);
    }
  source->file = g_strdup (file);
  source->title = g_strdup (title);
  if (published != NULL)
    {
      source->published_text = g_strdup (published);
      source->published = published_value;
    }
  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, data, len);
  copy[len] = '\0';
  source->text = dl_text_new (copy, len);

  edit = dl_edit_new (EDIT_ITEM, source);
  edit->u.item.position = g_list_model_get_n_items (sources);
  dl_edit_stack_commit (self, edit, _("Add Article"));

  return source;
}

gboolean
dl_edit_stack_remove_source (DlEditStack  *self,
                             DlSource     *source,
                             GError      **error)
{
  DlDataset *dataset;
  guint cited = 0;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!DL_IS_SOURCE (source) || dl_dataset_lookup_source (dataset, source->id) != source)
    return dl_edit_invalid (error, _("The article is not in this dataset"));

  for (guint i = 0; i < dataset->events_by_time->len; i++)
    {
      DlEvent *event = g_ptr_array_index (dataset->events_by_time, i);
      guint n_excerpts;
      const DlExcerpt *excerpts = dl_event_peek_excerpts (event, &n_excerpts);

      for (guint j = 0; j < n_excerpts; j++)
        cited += excerpts[j].source == source;
    }
  if (cited > 0)
    {
      g_set_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE, "“%s” is cited by %u passage: remove it first",
                                "“%s” is cited by %u passages: remove them first", cited),
                   source->title, cited);
      return FALSE;
    }

  edit = dl_edit_new (EDIT_ITEM, source);
  edit->u.item.position = position_of (dl_dataset_get_sources (dataset), source);
  edit->u.item.in = TRUE;
  dl_edit_stack_commit (self, edit, _("Remove Article"));

  return TRUE;
}

/* ------------------------------------------------------------- places */

static gboolean
check_precision (double       precision_m,
                 GError     **error)
{
  if (!isfinite (precision_m) || precision_m < 0 || precision_m > 20037508.0)
    return dl_edit_invalid (error, _("%g is out of range (0 to 20,037,508 metres)"), precision_m);
  return TRUE;
}

DlPlace *
dl_edit_stack_add_place (DlEditStack        *self,
                         const char         *id,
                         const char         *name,
                         const char * const *names,
                         DlGeometry   *geometry,
                         double        precision_m,
                         const char   *kind,
                         GError      **error)
{
  DlDataset *dataset;
  g_autoptr(DlPlace) place = NULL;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), NULL);
  g_return_val_if_fail (geometry != NULL, NULL);

  dataset = dl_edit_stack_get_dataset (self);
  name = dl_edit_nonempty (name);
  kind = dl_edit_nonempty (kind);
  if (!dl_edit_check_text (name, "name", TRUE, error) || !dl_edit_check_text (kind, "kind", FALSE, error)
      || !check_precision (precision_m, error))
    return NULL;
  if (id != NULL && !dl_edit_check_id (id, place_taken, dataset, error))
    return NULL;

  place = dl_place_new ();
  place->id = id != NULL ? g_strdup (id) : dl_edit_make_id (name, "place", place_taken, dataset);
  place->name = g_strdup (name);
  for (guint i = 0; names != NULL && names[i] != NULL && names[i + 1] != NULL; i += 2)
    {
      if (!dl_edit_check_text (names[i + 1], "name", FALSE, error))
        return NULL;
      if (*names[i + 1] == '\0' || g_strcmp0 (names[i + 1], name) == 0)
        continue;
      if (place->names == NULL)
        place->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (place->names, g_strdup (names[i]), g_strdup (names[i + 1]));
    }
  place->kind = g_strdup (kind);
  place->geometry = dl_geometry_ref (geometry);
  place->precision_m = precision_m;

  edit = dl_edit_new (EDIT_ITEM, place);
  edit->u.item.position = g_list_model_get_n_items (dl_dataset_get_places (dataset));
  dl_edit_stack_commit (self, edit, _("Add Place"));

  return place;
}

gboolean
dl_edit_stack_set_place_precision (DlEditStack  *self,
                                   DlPlace      *place,
                                   double        precision_m,
                                   gboolean      merge,
                                   GError      **error)
{
  DlDataset *dataset;
  Edit *edit;
  Edit *top;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!DL_IS_PLACE (place) || dl_dataset_lookup_place (dataset, place->id) != place)
    return dl_edit_invalid (error, _("The place is not in this dataset"));
  if (!check_precision (precision_m, error))
    return FALSE;
  if (precision_m == place->precision_m)
    return TRUE;

  /* Dragging: the place takes the new value, and one undo goes back to
   * what it was before the drag began. */
  top = merge ? dl_edit_stack_get_mergeable (self) : NULL;
  if (top != NULL && top->kind == EDIT_PRECISION && top->object == G_OBJECT (place))
    {
      place->precision_m = precision_m;
      dl_edit_stack_merged (self, top);
      return TRUE;
    }

  edit = dl_edit_new (EDIT_PRECISION, place);
  edit->mergeable = merge;
  edit->u.precision = precision_m;
  dl_edit_stack_commit (self, edit, _("Set Precision"));

  return TRUE;
}

gboolean
dl_edit_stack_set_place_geometry (DlEditStack  *self,
                                  DlPlace      *place,
                                  DlGeometry   *geometry,
                                  GError      **error)
{
  DlDataset *dataset;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!DL_IS_PLACE (place) || dl_dataset_lookup_place (dataset, place->id) != place)
    return dl_edit_invalid (error, _("The place is not in this dataset"));
  if (dl_geometry_equal (geometry, place->geometry))
    return TRUE;

  edit = dl_edit_new (EDIT_GEOMETRY, place);
  edit->u.geometry = dl_geometry_ref (geometry);
  dl_edit_stack_commit (self, edit, _("Move a Corner"));

  return TRUE;
}

gboolean
dl_edit_stack_remove_place (DlEditStack  *self,
                            DlPlace      *place,
                            GError      **error)
{
  DlDataset *dataset;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!DL_IS_PLACE (place) || dl_dataset_lookup_place (dataset, place->id) != place)
    return dl_edit_invalid (error, _("The place is not in this dataset"));
  for (guint i = 0; i < dataset->events_by_time->len; i++)
    {
      DlEvent *event = g_ptr_array_index (dataset->events_by_time, i);

      if (g_ptr_array_find (event->places, place, NULL))
        {
          g_set_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_IN_USE,
                       _("“%s” is where “%s” happens: give that event another place first"),
                       place->name, event->title);
          return FALSE;
        }
    }

  edit = dl_edit_new (EDIT_ITEM, place);
  edit->u.item.position = position_of (dl_dataset_get_places (dataset), place);
  edit->u.item.in = TRUE;
  dl_edit_stack_commit (self, edit, _("Remove Place"));

  return TRUE;
}

/* ------------------------------------------------------------- events */

static gboolean
check_category (const char  *category,
                GError     **error)
{
  if (!dl_edit_check_text (category, "category", TRUE, error))
    return FALSE;
  if (!is_identifier (category))
    return dl_edit_invalid (error, _("“%s” is not a category: use lower-case letters, digits and “-”"), category);
  return TRUE;
}

static gboolean
parse_when (const char  *when,
            DlEdtf      *value,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!dl_edit_check_text (when, "when", TRUE, error))
    return FALSE;
  if (!dl_edtf_parse (when, value, &local))
    return dl_edit_invalid (error, _("“%s” is not a date Dateline reads: %s"), when, local->message);
  return TRUE;
}

DlEvent *
dl_edit_stack_add_event (DlEditStack  *self,
                         const char   *id,
                         const char   *title,
                         const char   *category,
                         const char   *when,
                         GError      **error)
{
  DlDataset *dataset;
  g_autoptr(DlEvent) event = NULL;
  DlEdtf value;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), NULL);

  dataset = dl_edit_stack_get_dataset (self);
  title = dl_edit_nonempty (title);
  if (!dl_edit_check_text (title, "title", TRUE, error) || !check_category (category, error)
      || !parse_when (when, &value, error))
    return NULL;
  if (id != NULL && !dl_edit_check_id (id, event_taken, dataset, error))
    return NULL;

  event = dl_event_new ();
  event->id = id != NULL ? g_strdup (id) : dl_edit_make_id (title, "event", event_taken, dataset);
  event->title = g_strdup (title);
  event->category = g_strdup (category);
  event->when_text = g_strdup (when);
  event->when = value;

  edit = dl_edit_new (EDIT_ITEM, event);
  edit->u.item.position = g_list_model_get_n_items (dl_dataset_get_events (dataset));
  dl_edit_stack_commit (self, edit, _("Add Event"));

  return event;
}

gboolean
dl_edit_stack_remove_event (DlEditStack  *self,
                            DlEvent      *event,
                            GError      **error)
{
  DlDataset *dataset;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!dl_edit_check_event (dataset, event, error))
    return FALSE;

  dl_edit_stack_begin_group (self, _("Remove Event"));

  /* Out of the narratives first, from the last so that indexes hold; a
   * narrative left without steps goes too (a narrative has at least one). */
  for (guint n = dl_dataset_get_n_narratives (dataset); n-- > 0; )
    {
      Edit *steps = dl_edit_steps_edit (dataset, n);
      GArray *array = steps->u.steps.steps;
      guint before = array->len;

      for (guint i = array->len; i-- > 0; )
        if (g_array_index (array, DlNarrativeStep, i).event == event)
          g_array_remove_index (array, i);

      if (array->len == before)
        dl_edit_free (steps);
      else if (array->len == 0)
        {
          dl_edit_free (steps);
          dl_edit_stack_remove_narrative (self, n, NULL);
        }
      else
        dl_edit_stack_commit (self, steps, NULL);
    }

  edit = dl_edit_new (EDIT_ITEM, event);
  edit->u.item.position = position_of (dl_dataset_get_events (dataset), event);
  edit->u.item.in = TRUE;
  dl_edit_stack_commit (self, edit, NULL);

  dl_edit_stack_end_group (self);

  return TRUE;
}

gboolean
dl_edit_stack_set_event_text (DlEditStack   *self,
                              DlEvent       *event,
                              DlEventField   field,
                              const char    *value,
                              gboolean       merge,
                              GError       **error)
{
  static const struct {
    gsize        offset;
    const char  *member;
    gboolean     required;
    const char  *label;
  } fields[] = {
    { G_STRUCT_OFFSET (DlEvent, title), "title", TRUE, N_("Set Title") },
    { G_STRUCT_OFFSET (DlEvent, category), "category", TRUE, N_("Set Category") },
    { G_STRUCT_OFFSET (DlEvent, summary), "summary", FALSE, N_("Set Summary") },
    { G_STRUCT_OFFSET (DlEvent, when_basis), "when_basis", FALSE, N_("Set Date Basis") },
  };
  DlDataset *dataset;
  char **slot;
  Edit *top;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  g_return_val_if_fail (field <= DL_EVENT_FIELD_WHEN_BASIS, FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!dl_edit_check_event (dataset, event, error))
    return FALSE;

  value = dl_edit_nonempty (value);
  if (!dl_edit_check_text (value, fields[field].member, fields[field].required, error))
    return FALSE;
  if (field == DL_EVENT_FIELD_CATEGORY && !check_category (value, error))
    return FALSE;

  slot = G_STRUCT_MEMBER_P (event, fields[field].offset);
  if (g_strcmp0 (*slot, value) == 0)
    return TRUE;

  /* The edit will free what the field held: not a string of the arena. */
  dl_event_own_text (event);

  /* Typing: the field takes the new value, and one undo goes back to what
   * was there before the typing began. */
  top = merge ? dl_edit_stack_get_mergeable (self) : NULL;
  if (top != NULL && top->kind == EDIT_STRING && top->object == G_OBJECT (event)
      && top->u.string.offset == fields[field].offset)
    {
      g_free (*slot);
      *slot = g_strdup (value);
      dl_edit_stack_merged (self, top);
      return TRUE;
    }

  edit = dl_edit_new (EDIT_STRING, event);
  edit->mergeable = merge;
  edit->u.string.offset = fields[field].offset;
  edit->u.string.value = g_strdup (value);
  dl_edit_stack_commit (self, edit, _(fields[field].label));

  return TRUE;
}

gboolean
dl_edit_stack_set_event_when (DlEditStack  *self,
                              DlEvent      *event,
                              const char   *when,
                              GError      **error)
{
  DlDataset *dataset;
  DlEdtf value;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  when = dl_edit_nonempty (when);
  if (!dl_edit_check_event (dataset, event, error) || !parse_when (when, &value, error))
    return FALSE;
  if (g_strcmp0 (event->when_text, when) == 0)
    return TRUE;

  dl_event_own_text (event);
  edit = dl_edit_new (EDIT_WHEN, event);
  edit->u.when.text = g_strdup (when);
  edit->u.when.value = value;
  dl_edit_stack_commit (self, edit, _("Set Date"));

  return TRUE;
}

gboolean
dl_edit_stack_set_event_places (DlEditStack  *self,
                                DlEvent      *event,
                                DlPlace     **places,
                                guint         n_places,
                                GError      **error)
{
  DlDataset *dataset;
  GPtrArray *array;
  gboolean same;
  Edit *edit;

  g_return_val_if_fail (DL_IS_EDIT_STACK (self), FALSE);
  g_return_val_if_fail (places != NULL || n_places == 0, FALSE);

  dataset = dl_edit_stack_get_dataset (self);
  if (!dl_edit_check_event (dataset, event, error))
    return FALSE;
  if (n_places == 0)
    return dl_edit_invalid (error, _("An event needs a place"));

  same = n_places == event->places->len;
  for (guint i = 0; i < n_places; i++)
    {
      if (!DL_IS_PLACE (places[i]) || dl_dataset_lookup_place (dataset, places[i]->id) != places[i])
        return dl_edit_invalid (error, _("The place is not in this dataset"));
      for (guint j = 0; j < i; j++)
        if (places[j] == places[i])
          return dl_edit_invalid (error, _("“%s” is named twice"), places[i]->name);
      same = same && g_ptr_array_index (event->places, i) == places[i];
    }
  if (same)
    return TRUE;

  array = g_ptr_array_new_full (n_places, g_object_unref);
  for (guint i = 0; i < n_places; i++)
    g_ptr_array_add (array, g_object_ref (places[i]));

  edit = dl_edit_new (EDIT_PLACES, event);
  edit->u.places.places = array;
  edit->u.places.role = event->place_role;
  dl_edit_stack_commit (self, edit, _("Set Place"));

  return TRUE;
}
