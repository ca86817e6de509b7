/* dl-search-index.c: searching a million events as the user types
 *
 * Why this shape: dl_event_matches() looks for each word in a haystack of
 * the event's case-folded texts joined by newlines. A word holds no newline
 * (the query is split at whitespace), so it is in the haystack exactly when
 * it is in one of the texts. Datasets repeat their texts: a passage quoted
 * by many events, a place, a category, a summary. So the index keeps every
 * distinct case-folded text once, in one arena (NUL-separated, so one
 * memmem() over the whole arena finds a word in every text at the speed of
 * the C library), and each event as the list of its texts' numbers. A word
 * becomes a bit per text ("marks"); an event matches when, for every word,
 * one of its texts is marked. Marks are kept for recent words, and a word
 * that contains a word already marked (the user typed one more letter) is
 * only looked for in the texts marked for that one.
 *
 * Memory is that of the distinct text (less than the per-event haystacks
 * it replaces) plus 4 bytes per text of each event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem() */
#include "config.h"

#define G_LOG_DOMAIN "dl-search-index"

#include <string.h>

#include "dl-model-private.h"
#include "dl-search-index.h"

/* Marks kept for this many recent words. */
#define MAX_MARKS 24
/* Texts shorter than this are searched without memmem(). */
#define SHORT_TEXT 256

typedef struct {
  char    *word;
  gsize    len;
  guint64 *bits;        /* one per text, for the first n_checked texts */
  guint    n_checked;
  guint    n_marked;
  guint64  used;        /* when last asked for, to drop the oldest */
} Marks;

struct _DlSearchIndex
{
  /* Distinct case-folded texts, each followed by a NUL. */
  char      *text;
  gsize      text_len;
  gsize      text_alloc;
  GArray    *offsets;       /* gsize per text, and text_len after the last */
  GArray    *hashes;        /* guint per text */
  guint32   *table;         /* open addressing: text number + 1, or 0 */
  guint      table_size;    /* a power of two */

  /* Events by slot: their texts are fields[first[slot]…+count[slot]]. */
  GPtrArray *events;        /* DlEvent (a reference each) */
  GArray    *first;         /* guint32 */
  GArray    *count;         /* guint32 */
  GArray    *fields;        /* guint32 text numbers */

  GPtrArray *marks;         /* Marks, recent words */
  guint64    clock;
  char      *query_text;    /* as set */
  Marks    **query;         /* the query's words' marks, NULL-terminated */
  guint64    query_clock;   /* the clock when the query was set */
  GString   *scratch;
  GHashTable *raw;          /* while building: text as written → number, when not ASCII */
};

static void
marks_free (gpointer data)
{
  Marks *marks = data;

  g_free (marks->word);
  g_free (marks->bits);
  g_free (marks);
}

static inline guint
n_texts (DlSearchIndex *self)
{
  return self->offsets->len - 1;
}

static inline const char *
text_at (DlSearchIndex *self,
         guint          id,
         gsize         *len)
{
  gsize start = g_array_index (self->offsets, gsize, id);

  *len = g_array_index (self->offsets, gsize, id + 1) - start - 1;
  return self->text + start;
}

/* g_utf8_casefold(), without its allocation for plain ASCII (most text):
 * there it only lowers A–Z, as the unit test checks for every character. */
static const char *
fold (DlSearchIndex *self,
      const char    *text,
      gsize         *len,
      char         **allocated)
{
  const guchar *p = (const guchar *) text;
  gsize n = 0;

  *allocated = NULL;
  while (p[n] != '\0' && p[n] < 0x80)
    n++;
  if (p[n] != '\0')
    {
      *allocated = g_utf8_casefold (text, -1);
      *len = strlen (*allocated);
      return *allocated;
    }

  g_string_set_size (self->scratch, n);
  for (gsize i = 0; i < n; i++)
    self->scratch->str[i] = g_ascii_tolower (text[i]);
  *len = n;
  return self->scratch->str;
}

static guint
hash_bytes (const char *text,
            gsize       len)
{
  guint h = 5381;

  for (gsize i = 0; i < len; i++)
    h = (h << 5) + h + (guchar) text[i];

  return h;
}

static void
table_insert (DlSearchIndex *self,
              guint          id,
              guint          hash)
{
  guint mask = self->table_size - 1;
  guint i = hash & mask;

  while (self->table[i] != 0)
    i = (i + 1) & mask;
  self->table[i] = id + 1;
}

static void
table_grow (DlSearchIndex *self)
{
  g_free (self->table);
  self->table_size *= 2;
  self->table = g_new0 (guint32, self->table_size);
  for (guint id = 0; id < n_texts (self); id++)
    table_insert (self, id, g_array_index (self->hashes, guint, id));
}

/* The number of @text (already folded), added when new. */
static guint
intern (DlSearchIndex *self,
        const char    *text,
        gsize          len)
{
  guint hash = hash_bytes (text, len);
  guint mask = self->table_size - 1;
  guint id;

  for (guint i = hash & mask; self->table[i] != 0; i = (i + 1) & mask)
    {
      gsize other_len;
      const char *other;

      id = self->table[i] - 1;
      if (g_array_index (self->hashes, guint, id) != hash)
        continue;
      other = text_at (self, id, &other_len);
      if (other_len == len && memcmp (other, text, len) == 0)
        return id;
    }

  if (self->text_len + len + 1 > self->text_alloc)
    {
      self->text_alloc = MAX (self->text_alloc * 2, self->text_len + len + 1);
      self->text = g_realloc (self->text, self->text_alloc);
    }
  memcpy (self->text + self->text_len, text, len);
  self->text[self->text_len + len] = '\0';
  self->text_len += len + 1;

  id = n_texts (self);
  g_array_append_val (self->offsets, self->text_len);
  g_array_append_val (self->hashes, hash);
  if (2 * n_texts (self) > self->table_size)
    table_grow (self);
  else
    table_insert (self, id, hash);

  return id;
}

static void
add_field (DlSearchIndex *self,
           const char    *text)
{
  g_autofree char *allocated = NULL;
  const char *folded;
  gpointer known;
  gsize len;
  guint32 id;

  if (text == NULL)
    return;

  /* Case-folding Unicode text costs far more than looking it up: a
   * passage quoted by a thousand events is folded once. */
  if (self->raw != NULL && g_hash_table_lookup_extended (self->raw, text, NULL, &known))
    {
      id = GPOINTER_TO_UINT (known);
      g_array_append_val (self->fields, id);
      return;
    }

  folded = fold (self, text, &len, &allocated);
  id = intern (self, folded, len);
  g_array_append_val (self->fields, id);
  if (self->raw != NULL && allocated != NULL)
    g_hash_table_insert (self->raw, (gpointer) text, GUINT_TO_POINTER (id));
}

/* Indexes @event in @slot: its texts, as get_search_text() in dl-event.c
 * takes them. */
static void
index_event (DlSearchIndex *self,
             DlEvent       *event,
             guint          slot)
{
  guint32 first = self->fields->len;
  guint32 count;
  const DlExcerpt *excerpts;
  guint n_excerpts;

  add_field (self, event->title);
  add_field (self, event->summary);
  add_field (self, event->category);
  for (guint i = 0; i < event->places->len; i++)
    {
      DlPlace *place = g_ptr_array_index (event->places, i);

      add_field (self, place->name);
      if (place->names != NULL)
        {
          GHashTableIter iter;
          gpointer value;

          g_hash_table_iter_init (&iter, place->names);
          while (g_hash_table_iter_next (&iter, NULL, &value))
            add_field (self, value);
        }
    }
  excerpts = dl_event_peek_excerpts (event, &n_excerpts);
  for (guint i = 0; i < n_excerpts; i++)
    add_field (self, excerpts[i].exact);

  count = self->fields->len - first;
  if (slot == self->events->len)
    {
      g_ptr_array_add (self->events, g_object_ref (event));
      g_array_append_val (self->first, first);
      g_array_append_val (self->count, count);
    }
  else
    {
      /* Its old texts stay in the arena, unreferenced: edits are few. */
      g_array_index (self->first, guint32, slot) = first;
      g_array_index (self->count, guint32, slot) = count;
    }
  event->search_slot = slot + 1;
}

DlSearchIndex *
dl_search_index_new (GPtrArray *events)
{
  DlSearchIndex *self = g_new0 (DlSearchIndex, 1);
  gsize zero = 0;

  g_return_val_if_fail (events != NULL, NULL);

  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_append_val (self->offsets, zero);
  self->hashes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->table_size = 1024;
  self->table = g_new0 (guint32, self->table_size);
  self->events = g_ptr_array_new_full (events->len, g_object_unref);
  self->first = g_array_sized_new (FALSE, FALSE, sizeof (guint32), events->len);
  self->count = g_array_sized_new (FALSE, FALSE, sizeof (guint32), events->len);
  self->fields = g_array_sized_new (FALSE, FALSE, sizeof (guint32), events->len * 5);
  self->marks = g_ptr_array_new_with_free_func (marks_free);
  self->query = g_new0 (Marks *, 1);
  self->scratch = g_string_new (NULL);

  /* The events' strings stay as they are while it is built. */
  self->raw = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < events->len; i++)
    index_event (self, g_ptr_array_index (events, i), i);
  g_clear_pointer (&self->raw, g_hash_table_unref);

  return self;
}

void
dl_search_index_free (DlSearchIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_array_unref (self->offsets);
  g_array_unref (self->hashes);
  g_free (self->table);
  g_ptr_array_unref (self->events);
  g_array_unref (self->first);
  g_array_unref (self->count);
  g_array_unref (self->fields);
  g_ptr_array_unref (self->marks);
  g_free (self->query);
  g_free (self->query_text);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}

/* The event's slot, indexing it first when the index has not seen it. */
static guint
slot_of (DlSearchIndex *self,
         DlEvent       *event)
{
  guint slot = event->search_slot - 1;

  /* Another index (of another dataset, or an earlier one) may have set it. */
  if (event->search_slot == 0 || slot >= self->events->len || g_ptr_array_index (self->events, slot) != event)
    {
      slot = self->events->len;
      index_event (self, event, slot);
    }

  return slot;
}

void
dl_search_index_update (DlSearchIndex *self,
                        DlEvent       *event)
{
  guint slot;

  g_return_if_fail (self != NULL);
  g_return_if_fail (DL_IS_EVENT (event));

  slot = event->search_slot - 1;
  if (event->search_slot != 0 && slot < self->events->len && g_ptr_array_index (self->events, slot) == event)
    index_event (self, event, slot);
}

static inline void
mark (Marks *marks,
      guint  id)
{
  marks->bits[id / 64] |= G_GUINT64_CONSTANT (1) << (id % 64);
  marks->n_marked++;
}

/* The first text at or after @id that holds byte @offset of the arena:
 * galloping, as the hits of one scan come in order. */
static guint
text_holding (DlSearchIndex *self,
              gsize          offset,
              guint          id)
{
  const gsize *offsets = (const gsize *) (gpointer) self->offsets->data;
  guint n = n_texts (self);
  guint step = 1;
  guint lo = id, hi;

  while (lo + step < n && offsets[lo + step] <= offset)
    {
      lo += step;
      step *= 2;
    }
  hi = MIN (lo + step, n);
  /* offsets[lo] <= offset < offsets[hi]: the text is the last start <= offset. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (offsets[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

/* Whether @text holds @word (not empty). glibc's memmem() first builds a
 * table for the word (tens of nanoseconds), longer than reading a short
 * text takes: narrowing "ev" to "eve" over a million titles took 36 ms of
 * CPU that way. A short text is read from each place its first byte is. */
static inline gboolean
text_holds (const char *text,
            gsize       len,
            const char *word,
            gsize       word_len)
{
  const char *p, *last;

  if (len >= SHORT_TEXT)
    return memmem (text, len, word, word_len) != NULL;
  if (word_len > len)
    return FALSE;

  last = text + len - word_len;
  for (p = text; p <= last && (p = memchr (p, word[0], last - p + 1)) != NULL; p++)
    if (memcmp (p + 1, word + 1, word_len - 1) == 0)
      return TRUE;

  return FALSE;
}

/* Looks for the word in texts n_checked… (every text, the first time). */
static void
marks_extend (DlSearchIndex *self,
              Marks         *marks,
              const Marks   *within)
{
  guint n = n_texts (self);
  guint from = marks->n_checked;

  if (from == n)
    return;

  marks->bits = g_renew (guint64, marks->bits, (n + 63) / 64);
  memset (marks->bits + (from + 63) / 64, 0, ((n + 63) / 64 - (from + 63) / 64) * sizeof (guint64));
  if (from % 64 != 0)
    marks->bits[from / 64] &= (G_GUINT64_CONSTANT (1) << (from % 64)) - 1;

  if (within != NULL)
    {
      /* Only where the shorter word is: the rest cannot hold this one. */
      for (guint w = from / 64; w < (n + 63) / 64; w++)
        {
          guint64 bits = within->bits[w];

          while (bits != 0)
            {
              guint id = w * 64 + (guint) __builtin_ctzll (bits);
              gsize len;
              const char *text = text_at (self, id, &len);

              bits &= bits - 1;
              if (id >= from && text_holds (text, len, marks->word, marks->len))
                mark (marks, id);
            }
        }
    }
  else
    {
      gsize pos = g_array_index (self->offsets, gsize, from);
      guint id = from;
      const char *hit;

      /* The word holds no NUL, so a hit never spans two texts. */
      while ((hit = memmem (self->text + pos, self->text_len - pos, marks->word, marks->len)) != NULL)
        {
          id = text_holding (self, (gsize) (hit - self->text), id);
          mark (marks, id);
          /* Texts holding a word often come in runs (every "Event N" title
           * holds "event"): the next texts are read one at a time while
           * they hold it, as each memmem() call costs more than a short
           * text (a word in a million titles took 36 ms of CPU). */
          for (id++; id < n; id++)
            {
              gsize len;
              const char *text = text_at (self, id, &len);

              if (!text_holds (text, len, marks->word, marks->len))
                break;
              mark (marks, id);
            }
          if (id == n)
            break;
          /* Text `id` does not hold it. */
          pos = g_array_index (self->offsets, gsize, id + 1);
        }
    }

  marks->n_checked = n;
}

static Marks *
get_marks (DlSearchIndex *self,
           const char    *word)
{
  Marks *marks = NULL;
  Marks *within = NULL;

  for (guint i = 0; i < self->marks->len; i++)
    {
      Marks *m = g_ptr_array_index (self->marks, i);

      if (g_str_equal (m->word, word))
        {
          marks = m;
          break;
        }
      /* A shorter word inside this one, checked over every text. */
      if (m->n_checked == n_texts (self) && strstr (word, m->word) != NULL
          && (within == NULL || m->n_marked < within->n_marked))
        within = m;
    }

  if (marks == NULL)
    {
      marks = g_new0 (Marks, 1);
      marks->word = g_strdup (word);
      marks->len = strlen (word);
      marks_extend (self, marks, within);
      g_ptr_array_add (self->marks, marks);
    }
  marks->used = ++self->clock;

  /* Only now (`within` was needed until here) the oldest goes, never one
   * of the query being set (used since it was set). */
  if (self->marks->len > MAX_MARKS)
    {
      guint oldest = G_MAXUINT;

      for (guint i = 0; i < self->marks->len; i++)
        {
          Marks *m = g_ptr_array_index (self->marks, i);

          if (m->used <= self->query_clock
              && (oldest == G_MAXUINT || m->used < ((Marks *) g_ptr_array_index (self->marks, oldest))->used))
            oldest = i;
        }
      if (oldest != G_MAXUINT)
        g_ptr_array_remove_index_fast (self->marks, oldest);
    }

  return marks;
}

void
dl_search_index_set_query (DlSearchIndex *self,
                           const char    *query)
{
  g_auto(GStrv) words = NULL;

  g_return_if_fail (self != NULL);

  if (g_strcmp0 (query, self->query_text) == 0 && self->query != NULL)
    return;

  g_free (self->query_text);
  self->query_text = g_strdup (query);
  g_clear_pointer (&self->query, g_free);
  self->query_clock = self->clock;
  if (query == NULL || *query == '\0')
    {
      self->query = g_new0 (Marks *, 1);
      return;
    }

  words = dl_event_query_words (query);
  self->query = g_new0 (Marks *, g_strv_length (words) + 1);
  for (guint i = 0; words[i] != NULL; i++)
    self->query[i] = get_marks (self, words[i]);
}

/* Texts added since the words were looked up (edits, new events). */
static void
extend_query (DlSearchIndex *self)
{
  for (Marks **m = self->query; *m != NULL; m++)
    marks_extend (self, *m, NULL);
}

/* The index's arrays as a scan reads them: read again only when an event
 * is indexed anew (which may move them). */
typedef struct {
  const guint32 *fields;
  const guint32 *first;
  const guint32 *count;
  gpointer      *indexed;   /* events by slot */
  guint          n_indexed;
} Slots;

static inline void
slots_read (DlSearchIndex *self,
            Slots         *slots)
{
  slots->fields = (const guint32 *) (gpointer) self->fields->data;
  slots->first = (const guint32 *) (gpointer) self->first->data;
  slots->count = (const guint32 *) (gpointer) self->count->data;
  slots->indexed = self->events->pdata;
  slots->n_indexed = self->events->len;
}

/* Whether, for every word, one of the slot's texts is marked. The texts'
 * bits are ORed without stopping at the first marked one: an event's few
 * texts cost a few loads, where a branch on each bit was mispredicted
 * about once an event (most of a million-event scan). */
static inline gboolean
slot_matches (Marks * const *query,
              const Slots   *slots,
              guint          slot)
{
  const guint32 *ids = slots->fields + slots->first[slot];
  guint32 n = slots->count[slot];

  for (Marks * const *m = query; *m != NULL; m++)
    {
      const guint64 *bits = (*m)->bits;
      guint64 any = 0;

      for (guint32 i = 0; i < n; i++)
        any |= bits[ids[i] / 64] >> (ids[i] % 64);
      if ((any & 1) == 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
dl_search_index_matches (DlSearchIndex *self,
                         DlEvent       *event)
{
  Slots slots;
  guint slot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (DL_IS_EVENT (event), FALSE);

  if (self->query[0] == NULL)
    return TRUE;

  slot = slot_of (self, event);
  extend_query (self);
  slots_read (self, &slots);

  return slot_matches (self->query, &slots, slot);
}

gboolean
dl_search_index_matches_at (DlSearchIndex *self,
                            GPtrArray     *events,
                            guint          position)
{
  guint out;

  g_return_val_if_fail (self != NULL && events != NULL, FALSE);
  g_return_val_if_fail (position < events->len, FALSE);

  return dl_search_index_filter_positions (self, events, &position, 1, &out) == 1;
}

guint
dl_search_index_filter_positions (DlSearchIndex *self,
                                  GPtrArray     *events,
                                  const guint   *positions,
                                  guint          n,
                                  guint         *out)
{
  Slots slots;
  guint n_out = 0;

  g_return_val_if_fail (self != NULL && events != NULL, 0);
  g_return_val_if_fail (n == 0 || (positions != NULL && out != NULL), 0);

  if (self->query[0] == NULL)
    {
      if (out != positions && n > 0)
        memmove (out, positions, n * sizeof (guint));
      return n;
    }

  extend_query (self);
  slots_read (self, &slots);

  for (guint i = 0; i < n; i++)
    {
      guint p = positions[i];
      gpointer event = events->pdata[p];
      guint slot = p;

      /* Where @events is (there) the array the index was built from, the
       * slot is the position: no event is looked at. */
      if (G_UNLIKELY (p >= slots.n_indexed || slots.indexed[p] != event))
        {
          slot = slot_of (self, event);
          extend_query (self);
          slots_read (self, &slots);
        }

      /* Written always, kept when it matches: no branch to mispredict
       * (out may be positions: n_out <= i). */
      out[n_out] = p;
      n_out += slot_matches (self->query, &slots, slot);
    }

  return n_out;
}

void
dl_search_index_filter (DlSearchIndex *self,
                        GPtrArray     *events,
                        GPtrArray     *out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (events != NULL && out != NULL);

  for (guint i = 0; i < events->len; i++)
    if (dl_search_index_matches (self, g_ptr_array_index (events, i)))
      g_ptr_array_add (out, g_ptr_array_index (events, i));
}

gsize
dl_search_index_get_size (DlSearchIndex *self)
{
  gsize size;

  g_return_val_if_fail (self != NULL, 0);

  size = self->text_alloc + self->offsets->len * sizeof (gsize) + self->hashes->len * sizeof (guint)
         + self->table_size * sizeof (guint32) + self->events->len * (sizeof (gpointer) + 2 * sizeof (guint32))
         + self->fields->len * sizeof (guint32);
  for (guint i = 0; i < self->marks->len; i++)
    size += (((Marks *) g_ptr_array_index (self->marks, i))->n_checked + 63) / 64 * sizeof (guint64);

  return size;
}

guint
dl_search_index_get_n_texts (DlSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return n_texts (self);
}

guint
dl_search_index_get_n_slots (DlSearchIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len;
}
