/* dl-event.c: an event the articles report, with its passages and claims
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event"

#include <stdlib.h>
#include <string.h>

#include "dl-model-private.h"

G_DEFINE_FINAL_TYPE (DlEvent, dl_event, G_TYPE_OBJECT)

/* The haystack of dl_event_matches() hangs off the event rather than
 * taking a field: the search index answers the window's queries, so
 * nearly every event never builds one. */
static GQuark
search_text_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("dl-event-search-text"));

  return (GQuark) quark;
}

void
dl_excerpt_clear (gpointer data)
{
  DlExcerpt *excerpt = data;

  g_free (excerpt->exact);
  g_free (excerpt->prefix);
  g_free (excerpt->suffix);
}

void
dl_claim_clear (gpointer data)
{
  DlClaim *claim = data;

  g_free (claim->topic);
  g_free (claim->value_text);
  g_free (claim->qualifier);
  g_free (claim->unit);
}

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;

  folded = g_utf8_casefold (text, -1);
  g_string_append (haystack, folded);
  g_string_append_c (haystack, '\n');
}

static const char *
get_search_text (DlEvent *self)
{
  GString *haystack;
  const DlExcerpt *excerpts;
  guint n_excerpts;
  char *text = g_object_get_qdata (G_OBJECT (self), search_text_quark ());

  if (text != NULL)
    return text;

  haystack = g_string_new (NULL);
  append_folded (haystack, self->title);
  append_folded (haystack, self->summary);
  append_folded (haystack, self->category);
  for (guint i = 0; i < self->places->len; i++)
    {
      DlPlace *place = g_ptr_array_index (self->places, i);
      GHashTableIter iter;
      gpointer value;

      append_folded (haystack, place->name);
      if (place->names != NULL)
        {
          g_hash_table_iter_init (&iter, place->names);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            append_folded (haystack, value);
        }
    }
  excerpts = dl_event_peek_excerpts (self, &n_excerpts);
  for (guint i = 0; i < n_excerpts; i++)
    append_folded (haystack, excerpts[i].exact);

  text = g_string_free (haystack, FALSE);
  g_object_set_qdata_full (G_OBJECT (self), search_text_quark (), text, g_free);

  return text;
}

void
dl_event_forget_search_text (DlEvent *self)
{
  g_object_set_qdata (G_OBJECT (self), search_text_quark (), NULL);
}

static void
dl_event_finalize (GObject *object)
{
  DlEvent *self = DL_EVENT (object);

  if (!self->text_in_arena)
    {
      g_free (self->id);
      g_free (self->title);
      g_free (self->category);
      g_free (self->summary);
      g_free (self->when_text);
      g_free (self->when_basis);
    }
  g_ptr_array_unref (self->places);
  /* Their clear functions, or none, say whether their strings are ours;
   * packed ones are in the arena. */
  if (self->excerpt_array != NULL)
    {
      g_array_unref (self->excerpt_array);
      g_array_unref (self->claim_array);
    }
  g_clear_pointer (&self->arena, dl_strings_unref);

  G_OBJECT_CLASS (dl_event_parent_class)->finalize (object);
}

static void
dl_event_class_init (DlEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_event_finalize;
}

static void
dl_event_init (DlEvent *self)
{
  /* Until a date is given: none (an event without one is on the map only). */
  self->when.earliest = DL_EDTF_UNBOUNDED_START;
  self->when.latest = DL_EDTF_UNBOUNDED_END;
  self->places = g_ptr_array_new_with_free_func (g_object_unref);
  self->excerpt_array = g_array_new (FALSE, TRUE, sizeof (DlExcerpt));
  g_array_set_clear_func (self->excerpt_array, dl_excerpt_clear);
  self->claim_array = g_array_new (FALSE, TRUE, sizeof (DlClaim));
  g_array_set_clear_func (self->claim_array, dl_claim_clear);
}

DlEvent *
dl_event_new (void)
{
  return g_object_new (DL_TYPE_EVENT, NULL);
}

DlEvent *
dl_event_new_in_arena (DlStrings *arena)
{
  DlEvent *self = g_object_new (DL_TYPE_EVENT, NULL);

  self->arena = dl_strings_ref (arena);
  self->text_in_arena = TRUE;
  g_array_set_clear_func (self->excerpt_array, NULL);
  g_array_set_clear_func (self->claim_array, NULL);

  return self;
}

void
dl_event_pack (DlEvent *self)
{
  GArray *excerpts = self->excerpt_array;
  GArray *claims = self->claim_array;
  gsize excerpts_size = excerpts->len * sizeof (DlExcerpt);
  DlEventPacked *packed = NULL;

  /* Only a loaded event's arrays: their strings are the arena's (the
   * arrays have no clear function), so nothing frees them one by one. */
  g_return_if_fail (self->text_in_arena && excerpts != NULL);

  if (excerpts->len + claims->len > 0)
    {
      packed = dl_strings_alloc (self->arena, sizeof (DlEventPacked) + excerpts_size
                                              + claims->len * sizeof (DlClaim));
      packed->n_excerpts = excerpts->len;
      packed->n_claims = claims->len;
      /* An empty GArray's data may be NULL, which memcpy() must not get. */
      if (excerpts->len > 0)
        memcpy (packed->excerpts, excerpts->data, excerpts_size);
      if (claims->len > 0)
        memcpy ((char *) packed->excerpts + excerpts_size, claims->data, claims->len * sizeof (DlClaim));
    }
  g_array_unref (excerpts);
  g_array_unref (claims);
  self->excerpt_array = NULL;
  self->packed = packed;
}

void
dl_event_own_arrays (DlEvent *self)
{
  const DlExcerpt *excerpts;
  const DlClaim *claims;
  guint n_excerpts, n_claims;
  GArray *excerpt_array, *claim_array;

  g_return_if_fail (DL_IS_EVENT (self));

  if (self->excerpt_array != NULL)
    return;

  /* No clear functions: the strings stay in the arena, which the event
   * keeps, as a loaded event's arrays were before they were packed. */
  excerpts = dl_event_peek_excerpts (self, &n_excerpts);
  claims = dl_event_peek_claims (self, &n_claims);
  excerpt_array = g_array_sized_new (FALSE, TRUE, sizeof (DlExcerpt), n_excerpts);
  claim_array = g_array_sized_new (FALSE, TRUE, sizeof (DlClaim), n_claims);
  if (n_excerpts > 0)
    g_array_append_vals (excerpt_array, excerpts, n_excerpts);
  if (n_claims > 0)
    g_array_append_vals (claim_array, claims, n_claims);
  self->excerpt_array = excerpt_array;
  self->claim_array = claim_array;
}

void
dl_event_own_text (DlEvent *self)
{
  g_return_if_fail (DL_IS_EVENT (self));

  if (!self->text_in_arena)
    return;

  /* The arena copies stay where they are (an arena only grows); the event
   * keeps its reference while its arrays may still point into it. */
  self->id = g_strdup (self->id);
  self->title = g_strdup (self->title);
  self->category = g_strdup (self->category);
  self->summary = g_strdup (self->summary);
  self->when_text = g_strdup (self->when_text);
  self->when_basis = g_strdup (self->when_basis);
  self->text_in_arena = FALSE;
}

const char *
dl_event_get_id (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  return self->id;
}

const char *
dl_event_get_title (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  return self->title;
}

const char *
dl_event_get_category (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  return self->category;
}

const char *
dl_event_get_summary (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  return self->summary;
}

const char *
dl_event_get_when_text (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  return self->when_text;
}

const DlEdtf *
dl_event_get_when (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  return &self->when;
}

const char *
dl_event_get_when_basis (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  return self->when_basis;
}

DlPlaceRole
dl_event_get_place_role (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), DL_PLACE_ROLE_AT);
  return self->place_role;
}

guint
dl_event_get_n_places (DlEvent *self)
{
  g_return_val_if_fail (DL_IS_EVENT (self), 0);
  return self->places->len;
}

DlPlace *
dl_event_get_place (DlEvent *self,
                    guint    index)
{
  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  g_return_val_if_fail (index < self->places->len, NULL);
  return g_ptr_array_index (self->places, index);
}

double
dl_event_get_precision_m (DlEvent *self)
{
  double precision = G_MAXDOUBLE;

  g_return_val_if_fail (DL_IS_EVENT (self), 0.0);

  for (guint i = 0; i < self->places->len; i++)
    precision = MIN (precision, DL_PLACE (g_ptr_array_index (self->places, i))->precision_m);

  return self->places->len > 0 ? precision : 0.0;
}

DlLonLat
dl_event_get_anchor (DlEvent *self)
{
  DlLonLat none = { 0.0, 0.0 };

  g_return_val_if_fail (DL_IS_EVENT (self), none);

  if (self->places->len == 0)
    return none;

  return dl_geometry_get_anchor (DL_PLACE (g_ptr_array_index (self->places, 0))->geometry);
}

DlBBox
dl_event_get_bbox (DlEvent *self)
{
  DlBBox bbox;

  dl_bbox_init_empty (&bbox);
  g_return_val_if_fail (DL_IS_EVENT (self), bbox);

  for (guint i = 0; i < self->places->len; i++)
    {
      DlBBox place_bbox = dl_geometry_get_bbox (DL_PLACE (g_ptr_array_index (self->places, i))->geometry);

      dl_bbox_union (&bbox, &place_bbox);
    }

  return bbox;
}

guint
dl_event_get_n_excerpts (DlEvent *self)
{
  guint n;

  g_return_val_if_fail (DL_IS_EVENT (self), 0);
  dl_event_peek_excerpts (self, &n);
  return n;
}

const DlExcerpt *
dl_event_get_excerpt (DlEvent *self,
                      guint    index)
{
  const DlExcerpt *excerpts;
  guint n = 0;

  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  excerpts = dl_event_peek_excerpts (self, &n);
  g_return_val_if_fail (index < n, NULL);
  return &excerpts[index];
}

guint
dl_event_get_n_claims (DlEvent *self)
{
  guint n;

  g_return_val_if_fail (DL_IS_EVENT (self), 0);
  dl_event_peek_claims (self, &n);
  return n;
}

const DlClaim *
dl_event_get_claim (DlEvent *self,
                    guint    index)
{
  const DlClaim *claims;
  guint n = 0;

  g_return_val_if_fail (DL_IS_EVENT (self), NULL);
  claims = dl_event_peek_claims (self, &n);
  g_return_val_if_fail (index < n, NULL);
  return &claims[index];
}

GPtrArray *
dl_event_dup_source_ids (DlEvent *self)
{
  GPtrArray *ids;
  const DlExcerpt *excerpts;
  guint n;

  g_return_val_if_fail (DL_IS_EVENT (self), NULL);

  ids = g_ptr_array_new_with_free_func (g_free);
  excerpts = dl_event_peek_excerpts (self, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *id = excerpts[i].source->id;

      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (id));
    }

  return ids;
}

GStrv
dl_event_query_words (const char *query)
{
  g_autofree char *folded = g_utf8_casefold (query, -1);
  GStrv words = g_strsplit_set (folded, " \t\n", -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      words[n++] = words[i];
    else
      g_free (words[i]);
  words[n] = NULL;

  return words;
}

gboolean
dl_event_matches (DlEvent    *self,
                  const char *query)
{
  g_auto(GStrv) words = NULL;
  const char *haystack;

  g_return_val_if_fail (DL_IS_EVENT (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;

  words = dl_event_query_words (query);
  haystack = get_search_text (self);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (haystack, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

int
dl_event_compare_time (gconstpointer a,
                       gconstpointer b)
{
  const DlEvent *ea = *(DlEvent * const *) a;
  const DlEvent *eb = *(DlEvent * const *) b;

  /* Events without a date (imported, map only) come after every dated one. */
  if ((ea->when_text == NULL) != (eb->when_text == NULL))
    return ea->when_text == NULL ? 1 : -1;
  if (ea->when.earliest != eb->when.earliest)
    return ea->when.earliest < eb->when.earliest ? -1 : 1;
  if (ea->when.latest != eb->when.latest)
    return ea->when.latest < eb->when.latest ? -1 : 1;

  return strcmp (ea->id, eb->id);
}

/* What dl_event_compare_time() reads, side by side in one array: sorting
 * a million events through their pointers spends its time waiting for
 * memory (each comparison reads two events from anywhere in the heap). */
typedef struct {
  gboolean undated;
  gint64   earliest;
  gint64   latest;
  guint64  id_prefix;  /* the id's first 8 bytes, big-endian, NUL-padded */
  DlEvent *event;
} TimeKey;

static int
compare_time_keys (gconstpointer a,
                   gconstpointer b)
{
  const TimeKey *ka = a;
  const TimeKey *kb = b;

  if (ka->undated != kb->undated)
    return ka->undated ? 1 : -1;
  if (ka->earliest != kb->earliest)
    return ka->earliest < kb->earliest ? -1 : 1;
  if (ka->latest != kb->latest)
    return ka->latest < kb->latest ? -1 : 1;
  /* strcmp() compares bytes as unsigned: so do these, in order. */
  if (ka->id_prefix != kb->id_prefix)
    return ka->id_prefix < kb->id_prefix ? -1 : 1;

  return strcmp (ka->event->id, kb->event->id);
}

/* One half of a sort in two threads: its keys made and sorted. */
typedef struct {
  DlEvent **events;
  TimeKey  *keys;
  guint     n;
} SortHalf;

static gpointer
sort_half (gpointer data)
{
  SortHalf *half = data;

  for (guint i = 0; i < half->n; i++)
    {
      DlEvent *event = half->events[i];
      guint64 prefix = 0;
      guint k;

      for (k = 0; k < 8 && event->id[k] != '\0'; k++)
        prefix = (prefix << 8) | (guchar) event->id[k];
      if (k > 0 && k < 8)
        prefix <<= 8 * (8 - k);

      half->keys[i] = (TimeKey) { event->when_text == NULL, event->when.earliest, event->when.latest, prefix, event };
    }

  /* Ids are unique, so the order is the same whatever the algorithm. */
  qsort (half->keys, half->n, sizeof (TimeKey), compare_time_keys);

  return NULL;
}

/* Below this many events, a second thread costs more than it saves. */
#define SORT_SPLIT_MIN 20000

void
dl_event_sort_by_time (GPtrArray *events)
{
  TimeKey *keys;
  SortHalf halves[2];
  GThread *thread = NULL;
  guint n;
  guint a = 0;
  guint b = 0;

  g_return_if_fail (events != NULL);

  /* Nothing to order; and an empty array's pdata may be NULL, which the
   * halves below may not point into. */
  n = events->len;
  if (n < 2)
    return;
  keys = g_new (TimeKey, n);
  /* A million events: each half made and sorted on its own core, then
   * merged (the order is total, so it is the one qsort() of the whole gives). */
  halves[0] = (SortHalf) { (DlEvent **) events->pdata, keys, n >= SORT_SPLIT_MIN ? n / 2 : n };
  halves[1] = (SortHalf) { (DlEvent **) events->pdata + halves[0].n, keys + halves[0].n, n - halves[0].n };
  if (halves[1].n > 0)
    thread = g_thread_try_new ("dl-sort", sort_half, &halves[1], NULL);
  if (thread == NULL && halves[1].n > 0)
    sort_half (&halves[1]);
  sort_half (&halves[0]);
  if (thread != NULL)
    g_thread_join (thread);

  for (guint i = 0; i < n; i++)
    {
      if (b >= halves[1].n || (a < halves[0].n && compare_time_keys (&halves[0].keys[a], &halves[1].keys[b]) < 0))
        events->pdata[i] = halves[0].keys[a++].event;
      else
        events->pdata[i] = halves[1].keys[b++].event;
    }

  g_free (keys);
}
