/* dl-dataset-events.c: the "events" and "narratives" lists of a dataset
 *
 * Its own file because events are where the lists meet: each event's date,
 * category, places (by id, or one place written inline), its excerpts and
 * claims, and the narratives that step through events by id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-claims.h"
#include "dl-dataset-load-private.h"
#include "dl-dataset-words.h"

/* "%.15g" of a claim's number: printf of a double is a good part of
 * reading a claim, and nearly every value is a whole number, which
 * "%.15g" writes as its digits below 10^15 (-0 is left to printf). */
static const char *
format_value (double value,
              char   digits[24])
{
  char *p = digits + 24;
  guint64 magnitude;

  if (!(fabs (value) < 1e15) || value != (double) (gint64) value || (value == 0 && signbit (value)))
    {
      g_snprintf (digits, 24, "%.15g", value);
      return digits;
    }

  magnitude = value < 0 ? (guint64) -(gint64) value : (guint64) value;
  *--p = '\0';
  do
    *--p = (char) ('0' + magnitude % 10);
  while ((magnitude /= 10) > 0);
  if (value < 0)
    *--p = '-';

  return p;
}

static void
load_claims (Loader     *loader,
             DlEvent    *event,
             const DlJsonValue *object,
             const char *event_path)
{
  static const char * const known[] = { "topic", "value", "low", "high", "qualifier", "unit", "excerpt", NULL };
  g_autofree char *claims_path = dl_loader_join_path (event_path, "claims");
  const DlJsonValue *array = dl_loader_get_array (loader, object, event_path, "claims", FALSE);

  if (array == NULL)
    return;

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = dl_loader_index_path (claims_path, i);
      DlClaim claim = { NULL, NULL, 0.0, FALSE, NULL, NULL, 0, NULL };
      const DlJsonValue *element;
      const DlJsonValue *value;
      const char *topic;
      guint excerpt = 0;
      gboolean ok = TRUE;
      char digits[24];
      const char *value_text = NULL;
      const char *qualifier;
      const char *unit;

      if ((element = dl_loader_element_object (loader, &array->elements[i], path)) == NULL)
        continue;
      dl_loader_check_members (loader, element, path, known);

      topic = dl_loader_get_string (loader, element, path, "topic", TRUE);
      ok = topic != NULL;

      value = dl_json_object_get (element, "value");
      if (value == NULL)
        {
          dl_problems_error (loader->problems, path, _("the member “%s” is missing"), "value");
          ok = FALSE;
        }
      else if (dl_json_is_number (value))
        {
          claim.numeric = TRUE;
          if (dl_loader_get_number (loader, element, path, "value", &claim.value))
            value_text = format_value (claim.value, digits);
          else
            ok = FALSE;
        }
      else if (dl_loader_node_is_string (value) && *value->string != '\0')
        value_text = value->string;
      else
        {
          g_autofree char *value_path = dl_loader_join_path (path, "value");

          dl_problems_error (loader->problems, value_path,
                             _("expected a number or a non-empty string, found %s"), dl_loader_node_kind (value));
          ok = FALSE;
        }

      /* An estimate's range ("12, between 10 and 15"): both ends, numbers,
       * around a numeric value. */
      if (dl_json_object_get (element, "low") != NULL || dl_json_object_get (element, "high") != NULL)
        {
          if (dl_json_object_get (element, "low") == NULL || dl_json_object_get (element, "high") == NULL)
            {
              dl_problems_error (loader->problems, path, _("a range needs both “low” and “high”"));
              ok = FALSE;
            }
          else if (!dl_loader_get_number (loader, element, path, "low", &claim.low)
                   || !dl_loader_get_number (loader, element, path, "high", &claim.high))
            ok = FALSE;
          else if (!claim.numeric)
            {
              dl_problems_error (loader->problems, path, _("a range (“low” and “high”) needs a numeric “value”"));
              ok = FALSE;
            }
          else if (claim.low > claim.value || claim.value > claim.high)
            {
              dl_problems_error (loader->problems, path, _("the range %.15g–%.15g does not hold the value %.15g"),
                                 claim.low, claim.high, claim.value);
              ok = FALSE;
            }
          else
            claim.has_range = TRUE;
        }

      if (dl_json_object_get (element, "excerpt") == NULL)
        {
          dl_problems_error (loader->problems, path, _("the member “%s” is missing"), "excerpt");
          ok = FALSE;
        }
      else if (!dl_loader_get_uint (loader, element, path, "excerpt", &excerpt))
        ok = FALSE;
      else if (excerpt >= event->excerpt_array->len)
        {
          g_autofree char *excerpt_path = dl_loader_join_path (path, "excerpt");

          dl_problems_error (loader->problems, excerpt_path,
                             _("excerpt %u does not exist (the event has %u excerpts)"),
                             excerpt, event->excerpt_array->len);
          ok = FALSE;
        }
      else if ((claim.source = g_array_index (event->excerpt_array, DlExcerpt, excerpt).source) == NULL)
        ok = FALSE;  /* that excerpt's problem has been reported */

      /* Read (and their problems reported) whether or not the claim is kept. */
      qualifier = dl_loader_get_string (loader, element, path, "qualifier", FALSE);
      unit = dl_loader_get_string (loader, element, path, "unit", FALSE);
      if (!ok)
        continue;

      /* Topics, qualifiers, units and values repeat: each once. */
      claim.topic = (char *) dl_strings_intern (loader->strings, topic);
      claim.value_text = (char *) dl_strings_intern (loader->strings, value_text);
      claim.qualifier = (char *) dl_strings_intern (loader->strings, qualifier);
      claim.unit = (char *) dl_strings_intern (loader->strings, unit);
      claim.excerpt = excerpt;

      g_array_append_val (event->claim_array, claim);
    }
}

static gboolean
is_identifier (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      return FALSE;

  return *text != '\0';
}

/* Most events name one place, and many name the same one (a city, a
 * district): those share one array holding that place, where each had
 * its own (80 bytes an event). An array of places is never changed once
 * an event has it: an edit swaps in a new one (dl-edit-ops.c). */
static void
set_one_place (Loader  *loader,
               DlEvent *event,
               DlPlace *place)
{
  GPtrArray *shared;

  if (loader->one_place == NULL)
    loader->one_place = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  shared = g_hash_table_lookup (loader->one_place, place);
  if (shared == NULL)
    {
      shared = g_ptr_array_new_full (1, g_object_unref);
      g_ptr_array_add (shared, g_object_ref (place));
      g_hash_table_insert (loader->one_place, place, shared);
    }
  g_ptr_array_unref (event->places);
  event->places = g_ptr_array_ref (shared);
}

static void
load_event_places (Loader     *loader,
                   DlEvent    *event,
                   const DlJsonValue *object,
                   const char *path)
{
  const DlJsonValue *single = dl_json_object_get (object, "place");
  const DlJsonValue *several = dl_json_object_get (object, "places");

  if (single != NULL && several != NULL)
    {
      dl_problems_error (loader->problems, path, _("give either “place” or “places”, not both"));
      return;
    }

  /* An event without a place is shown on the timeline only (load_events
   * refuses one that has neither a place nor a date). */
  if (single == NULL && several == NULL)
    return;

  if (single != NULL)
    {
      const char *id = dl_loader_get_string (loader, object, path, "place", TRUE);
      g_autofree char *place_path = dl_loader_join_path (path, "place");
      DlPlace *place;

      if (id == NULL)
        return;
      if ((place = g_hash_table_lookup (loader->dataset->place_index, id)) == NULL)
        {
          g_autofree char *shown = dl_json_shorten (id, 60);

          dl_problems_error (loader->problems, place_path, _("no place has the id “%s”"), shown);
        }
      else
        set_one_place (loader, event, place);
    }
  else
    {
      g_autofree char *places_path = dl_loader_join_path (path, "places");
      const DlJsonValue *array = dl_loader_get_array (loader, object, path, "places", TRUE);

      if (array == NULL)
        return;
      if (array->length == 0)
        dl_problems_error (loader->problems, places_path, _("must name at least one place"));

      for (guint i = 0; i < array->length; i++)
        {
          const DlJsonValue *node = &array->elements[i];
          g_autofree char *element_path = dl_loader_index_path (places_path, i);
          DlPlace *place;

          if (!dl_loader_node_is_string (node))
            dl_problems_error (loader->problems, element_path, _("expected a place id, found %s"),
                               dl_loader_node_kind (node));
          else if ((place = g_hash_table_lookup (loader->dataset->place_index,
                                                 node->string)) == NULL)
            {
              g_autofree char *shown = dl_json_shorten (node->string, 60);

              dl_problems_error (loader->problems, element_path, _("no place has the id “%s”"), shown);
            }
          else
            g_ptr_array_add (event->places, g_object_ref (place));
        }
    }
}

/* Reads events[@index]: into @loaded when it has no errors, its id then
 * in @ids (the ids taken so far, for duplicates). @seen, when given, gets
 * the id of an event that has errors (load_events_split() looks for them). */
static void
load_event (Loader            *loader,
            const DlJsonValue *element,
            guint              index,
            GHashTable        *ids,
            GPtrArray         *loaded,
            GPtrArray         *seen)
{
  static const char * const known[] = {
    "id", "title", "category", "when", "when_basis", "place", "places", "summary",
    "excerpts", "claims", DL_WORDS_EVENT_MEMBER, NULL
  };
  g_autofree char *path = dl_loader_index_path ("events", index);
  g_autoptr(DlEvent) event = NULL;
  const DlJsonValue *object;
  const DlJsonValue *id_node;
  const char *id;
  const char *when;
  const char *category;
  guint n_problems;

  if ((object = dl_loader_element_object (loader, element, path)) == NULL)
    return;
  dl_loader_check_members (loader, object, path, known);

  n_problems = dl_problems_count (loader->problems, DL_SEVERITY_ERROR);
  id = dl_loader_get_id (loader, object, path, ids, _("event"));
  category = dl_loader_get_string (loader, object, path, "category", TRUE);
  when = dl_loader_get_string (loader, object, path, "when", FALSE);

  if (category != NULL && !is_identifier (category))
    {
      g_autofree char *shown = dl_json_shorten (category, 60);

      g_autofree char *category_path = dl_loader_join_path (path, "category");

      dl_problems_error (loader->problems, category_path,
                         _("“%s” is not a category: use lower-case letters, digits and “-”"), shown);
    }

  /* Its strings in the arena: ids are unique and titles nearly so, so
   * only copied (looking a million of them up costs more than it saves);
   * categories, dates, bases and summaries repeat, so each once. */
  event = dl_event_new_in_arena (loader->strings);
  event->id = (char *) dl_strings_add (loader->strings, id);
  event->title = (char *) dl_strings_add (loader->strings, dl_loader_get_string (loader, object, path, "title", TRUE));
  event->category = (char *) dl_strings_intern (loader->strings, category);
  event->summary = (char *) dl_strings_intern (loader->strings, dl_loader_get_string (loader, object, path, "summary", FALSE));
  event->when_basis = (char *) dl_strings_intern (loader->strings,
                                                  dl_loader_get_string (loader, object, path, "when_basis", FALSE));
  if (when != NULL && dl_loader_parse_edtf (loader, when, path, "when", &event->when))
    event->when_text = (char *) dl_strings_intern (loader->strings, when);
  /* An event without a date is shown on the map only. */
  if (dl_json_object_get (object, "when") == NULL
      && dl_json_object_get (object, "place") == NULL && dl_json_object_get (object, "places") == NULL)
    dl_problems_error (loader->problems, path,
                       _("an event needs a date (“when”), a place (“place” or “places”), or both"));

  load_event_places (loader, event, object, path);
  event->place_role = dl_words_read_place_role (object, path, loader->problems);
  dl_loader_load_excerpts (loader, event, object, path);
  load_claims (loader, event, object, path);
  dl_event_pack (event);

  if (dl_problems_count (loader->problems, DL_SEVERITY_ERROR) != n_problems)
    {
      if (seen != NULL && (id_node = dl_json_object_get (object, "id")) != NULL && id_node->type == DL_JSON_STRING)
        g_ptr_array_add (seen, g_strdup (id_node->string));
      return;
    }

  g_hash_table_insert (ids, event->id, event);
  g_ptr_array_add (loaded, g_steal_pointer (&event));
}

/* Events at and above this many are read in two halves at once. */
guint dl_loader_split_min_events = 20000;

/* The second half of a split load, read in a thread of its own. */
typedef struct {
  Loader             loader;    /* its own problems and reader */
  const DlJsonValue *array;
  guint              first;
  guint              end;
  GHashTable        *ids;       /* the ids its events took */
  GPtrArray         *loaded;
  GPtrArray         *seen;      /* ids of its events with errors */
} Half;

static gpointer
load_half (gpointer data)
{
  Half *half = data;
  DlJsonArrayIter iter;
  const DlJsonValue *element;

  dl_json_array_iter_init_range (&iter, half->loader.reader, half->array, half->first, half->end);
  while ((element = dl_json_array_iter_next (&iter)) != NULL)
    {
      if (g_cancellable_is_cancelled (half->loader.cancellable))
        break;
      load_event (&half->loader, element, iter.index - 1, half->ids, half->loaded, half->seen);
    }

  return NULL;
}

/* Reads the events in two halves at once, the second in a thread: each
 * half has its own problems, joined in order afterwards, so that they are
 * what reading the events in one go gives. Only a duplicate id across the
 * halves would be said differently (the second half did not know the first
 * half's ids), so then the second half is read again, after the first.
 * FALSE: not split (too few events, or no thread), nothing read. */
static gboolean
load_events_split (Loader            *loader,
                   const DlJsonValue *array,
                   GPtrArray         *loaded)
{
  guint n = dl_json_reader_get_n_elements (loader->reader, array);
  guint middle = n / 2;
  Half half = { *loader, array, middle, n, NULL, NULL, NULL };
  gboolean again = FALSE;
  DlJsonArrayIter iter;
  const DlJsonValue *element;
  GThread *thread;

  if (n == 0 || n < dl_loader_split_min_events)
    return FALSE;

  half.loader.problems = dl_problems_new ();
  half.loader.reader = dl_json_reader_new_sibling (loader->reader);
  half.loader.strings = dl_strings_new ();
  half.loader.one_place = NULL;
  half.ids = g_hash_table_new (g_str_hash, g_str_equal);
  half.loaded = g_ptr_array_new_with_free_func (g_object_unref);
  half.seen = g_ptr_array_new_with_free_func (g_free);
  thread = g_thread_try_new ("dl-load-events", load_half, &half, NULL);
  if (thread == NULL)
    {
      dl_problems_free (half.loader.problems);
      dl_json_reader_free (half.loader.reader);
      dl_strings_unref (half.loader.strings);
      g_hash_table_unref (half.ids);
      g_ptr_array_unref (half.loaded);
      g_ptr_array_unref (half.seen);
      return FALSE;
    }

  dl_json_array_iter_init_range (&iter, loader->reader, array, 0, middle);
  while ((element = dl_json_array_iter_next (&iter)) != NULL)
    {
      if (g_cancellable_is_cancelled (loader->cancellable))
        break;
      load_event (loader, element, iter.index - 1, loader->dataset->event_index, loaded, NULL);
    }
  g_thread_join (thread);

  for (guint i = 0; i < half.seen->len && !again; i++)
    again = g_hash_table_contains (loader->dataset->event_index, g_ptr_array_index (half.seen, i));
  /* Each id looked up once, by its insertion (serial work, half a million
   * of them): one the first half took means a broken file, whose index
   * is then made again from the first half's events alone. */
  for (guint i = 0; i < half.loaded->len && !again; i++)
    {
      DlEvent *event = g_ptr_array_index (half.loaded, i);

      again = !g_hash_table_insert (loader->dataset->event_index, event->id, event);
    }
  if (again && half.loaded->len > 0)
    {
      g_hash_table_remove_all (loader->dataset->event_index);
      for (guint i = 0; i < loaded->len; i++)
        {
          DlEvent *event = g_ptr_array_index (loaded, i);

          g_hash_table_insert (loader->dataset->event_index, event->id, event);
        }
    }

  if (!again)
    {
      dl_problems_take (loader->problems, half.loader.problems);
      g_ptr_array_extend_and_steal (loaded, g_steal_pointer (&half.loaded));
    }
  else
    {
      dl_json_array_iter_init_range (&iter, loader->reader, array, middle, n);
      while ((element = dl_json_array_iter_next (&iter)) != NULL)
        {
          if (g_cancellable_is_cancelled (loader->cancellable))
            break;
          load_event (loader, element, iter.index - 1, loader->dataset->event_index, loaded, NULL);
        }
      g_ptr_array_unref (half.loaded);
    }

  dl_problems_free (half.loader.problems);
  dl_json_reader_free (half.loader.reader);
  dl_strings_done (half.loader.strings);
  dl_strings_unref (half.loader.strings);
  g_clear_pointer (&half.loader.one_place, g_hash_table_unref);
  g_hash_table_unref (half.ids);
  g_ptr_array_unref (half.seen);

  return TRUE;
}

void
dl_loader_load_events (Loader     *loader,
                       const DlJsonValue *root)
{
  g_autoptr(GPtrArray) loaded = NULL;
  const DlJsonValue *element;
  Walk walk;

  if (!dl_loader_walk_list (&walk, loader, root, "events", TRUE))
    return;

  /* Into the list in one splice at the end: an append each emits
   * items-changed and costs a tree insertion. */
  loaded = g_ptr_array_new_with_free_func (g_object_unref);
  if (!walk.array->lazy || !load_events_split (loader, walk.array, loaded))
    while ((element = dl_loader_walk_next (&walk)) != NULL)
      {
        if (g_cancellable_is_cancelled (loader->cancellable))
          return;
        load_event (loader, element, walk.index - 1, loader->dataset->event_index, loaded, NULL);
      }

  if (g_cancellable_is_cancelled (loader->cancellable))
    return;
  dl_object_store_splice (loader->dataset->events, g_list_model_get_n_items (G_LIST_MODEL (loader->dataset->events)),
                       0, loaded->pdata, loaded->len);
  /* The time order starts as the list's (load_from_data() sorts it): the
   * references `loaded` holds go there, where dropping them here and
   * taking new ones there cost two passes over every event (a tenth of a
   * second each at a million, on one core). */
  if (loader->dataset->events_by_time->len == 0
      && loaded->len == g_list_model_get_n_items (G_LIST_MODEL (loader->dataset->events)))
    g_ptr_array_extend_and_steal (loader->dataset->events_by_time, g_steal_pointer (&loaded));
}

void
dl_narrative_clear (gpointer data)
{
  DlNarrative *narrative = data;

  g_free (narrative->id);
  g_free (narrative->title);
  g_free (narrative->description);
  g_clear_pointer (&narrative->steps, g_array_unref);
}

void
dl_narrative_step_clear (gpointer data)
{
  DlNarrativeStep *step = data;

  g_free (step->caption);
}

void
dl_loader_load_narratives (Loader     *loader,
                           const DlJsonValue *root)
{
  static const char * const known[] = { "id", "title", "description", "steps", NULL };
  static const char * const step_known[] = { "event", "caption", NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const DlJsonValue *element;
  Walk walk;

  if (!dl_loader_walk_list (&walk, loader, root, "narratives", FALSE))
    return;

  while ((element = dl_loader_walk_next (&walk)) != NULL)
    {
      g_autofree char *path = dl_loader_index_path ("narratives", walk.index - 1);
      g_autofree char *steps_path = dl_loader_join_path (path, "steps");
      DlNarrative narrative = { NULL, NULL, NULL, NULL };
      const DlJsonValue *object;
      const DlJsonValue *steps;
      const char *id;

      if ((object = dl_loader_element_object (loader, element, path)) == NULL)
        continue;
      dl_loader_check_members (loader, object, path, known);

      id = dl_loader_get_id (loader, object, path, ids, _("narrative"));
      narrative.id = g_strdup (id);
      narrative.title = g_strdup (dl_loader_get_string (loader, object, path, "title", TRUE));
      narrative.description = g_strdup (dl_loader_get_string (loader, object, path, "description", FALSE));
      narrative.steps = g_array_new (FALSE, TRUE, sizeof (DlNarrativeStep));
      g_array_set_clear_func (narrative.steps, dl_narrative_step_clear);

      if ((steps = dl_loader_get_array (loader, object, path, "steps", TRUE)) != NULL)
        {
          if (steps->length == 0)
            dl_problems_error (loader->problems, steps_path, _("a narrative needs at least one step"));

          for (guint j = 0; j < steps->length; j++)
            {
              g_autofree char *step_path = dl_loader_index_path (steps_path, j);
              g_autofree char *event_path = dl_loader_join_path (step_path, "event");
              DlNarrativeStep step = { NULL, NULL };
              const DlJsonValue *step_object;
              const char *event_id;

              if ((step_object = dl_loader_element_object (loader, &steps->elements[j], step_path)) == NULL)
                continue;
              dl_loader_check_members (loader, step_object, step_path, step_known);

              event_id = dl_loader_get_string (loader, step_object, step_path, "event", TRUE);
              if (event_id != NULL
                  && (step.event = g_hash_table_lookup (loader->dataset->event_index, event_id)) == NULL)
                {
                  g_autofree char *shown = dl_json_shorten (event_id, 60);

                  dl_problems_error (loader->problems, event_path, _("no event has the id “%s”"), shown);
                  continue;
                }
              if (step.event == NULL)
                continue;

              step.caption = g_strdup (dl_loader_get_string (loader, step_object, step_path, "caption", FALSE));
              g_array_append_val (narrative.steps, step);
            }
        }

      if (id == NULL)
        {
          dl_narrative_clear (&narrative);
          continue;
        }

      g_array_append_val (loader->dataset->narratives, narrative);
      g_hash_table_add (ids, g_array_index (loader->dataset->narratives, DlNarrative,
                                            loader->dataset->narratives->len - 1).id);
    }
}
