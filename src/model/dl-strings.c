/* dl-strings.c: the strings of loaded events, in one arena per load
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-strings"

#include <string.h>

#include "dl-strings.h"

/* Blocks of 256 KiB: a million events' strings in some hundreds of
 * allocations, and a small dataset wastes at most one block's tail. */
#define BLOCK_SIZE (256 * 1024)

typedef struct Block Block;
typedef struct Slot Slot;
struct Block {
  Block *next;
  gsize  size;  /* bytes after the header */
};

struct Slot {
  const char *text;  /* in the arena; NULL: free */
  guint32     hash;
  guint32     len;   /* strlen (text) */
};

/* Enough for the bundled dataset's distinct texts without growing. */
#define FIRST_SLOTS 1024

struct _DlStrings {
  gatomicrefcount ref_count;
  Block          *blocks;   /* the newest first; strings are cut from its tail */
  char           *free;     /* the newest block's unused part */
  gsize           n_free;
  gsize           size;
  /* The interned texts, while loading (see dl_strings_intern()): open
   * addressing, a power of two of slots, at most half of them used;
   * NULL once done. */
  Slot           *slots;
  gsize           n_slots;
  gsize           n_used;
};

DlStrings *
dl_strings_new (void)
{
  DlStrings *self = g_new0 (DlStrings, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->slots = g_new0 (Slot, FIRST_SLOTS);
  self->n_slots = FIRST_SLOTS;

  return self;
}

DlStrings *
dl_strings_ref (DlStrings *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
dl_strings_unref (DlStrings *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  while (self->blocks != NULL)
    {
      Block *next = self->blocks->next;

      g_free (self->blocks);
      self->blocks = next;
    }
  g_free (self->slots);
  g_free (self);
}

static char *
alloc (DlStrings *self,
       gsize      n)
{
  Block *block;
  char *p;

  if (n > self->n_free)
    {
      /* A text longer than a quarter block gets a block of its own, behind
       * the newest, so the newest's tail is not wasted. */
      gsize size = n > BLOCK_SIZE / 4 ? n : BLOCK_SIZE - sizeof (Block);

      block = g_malloc (sizeof (Block) + size);
      block->size = size;
      self->size += sizeof (Block) + size;
      if (size == n && self->blocks != NULL)
        {
          block->next = self->blocks->next;
          self->blocks->next = block;
          return (char *) (block + 1);
        }
      block->next = self->blocks;
      self->blocks = block;
      self->free = (char *) (block + 1);
      self->n_free = size;
    }

  p = self->free;
  self->free += n;
  self->n_free -= n;

  return p;
}

static const char *
add_len (DlStrings  *self,
         const char *text,
         gsize       len)
{
  char *copy = alloc (self, len + 1);

  memcpy (copy, text, len + 1);

  return copy;
}

const char *
dl_strings_add (DlStrings  *self,
                const char *text)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;

  return add_len (self, text, strlen (text));
}

gpointer
dl_strings_alloc (DlStrings *self,
                  gsize      size)
{
  /* A new block's space starts 16-aligned (after g_malloc()'s and the
   * header's 16 bytes); strings only move the newest's tail off 8. */
  gsize pad;

  g_return_val_if_fail (self != NULL, NULL);

  pad = MIN ((gsize) (-(guintptr) self->free) & 7, self->n_free);
  self->free += pad;
  self->n_free -= pad;

  return alloc (self, size);
}

/* Interning is on the loader's path for every category, date, basis,
 * summary, quote, topic, value, qualifier and unit of a million events,
 * nearly all of them found (8 million texts: 345 ms of CPU through a
 * GHashTable of g_str_hash() and g_str_equal(), 177 ms here). So: the length first
 * (strlen() reads 32 bytes a step), a hash eight bytes a step where
 * g_str_hash() takes one byte a multiply, and each slot keeps the hash and
 * the length beside the text, so a probe reads only the slot until both
 * match and then compares the bytes once, with memcmp(). Equal texts still
 * always give the same copy: the bytes decide, the hash only skips. */
static guint32
hash_bytes (const char *text,
            gsize       len)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  const char *end = text + len;
  guint64 h = len;
  guint64 word;

  /* Whole loads only: a tail copied byte by byte into a word stalls the
   * load that reads it back, so the last word overlaps the one before,
   * and a text under eight bytes is read in two overlapping halves. */
  if (len > 8)
    {
      for (; end - text > 8; text += 8)
        {
          memcpy (&word, text, 8);
          h = (h ^ word) * k;
          h ^= h >> 32;  /* a multiply only carries upwards: bring the top down */
        }
      memcpy (&word, end - 8, 8);
    }
  else if (len >= 4)
    {
      guint32 first;
      guint32 last;

      memcpy (&first, text, 4);
      memcpy (&last, end - 4, 4);
      word = ((guint64) first << 32) | last;
    }
  else if (len > 0)
    word = (guint64) (guchar) text[0] | (guint64) (guchar) text[len / 2] << 8 | (guint64) (guchar) end[-1] << 16;
  else
    word = 0;
  h = (h ^ word) * k;

  /* The top half of a last multiply depends on every bit. */
  return (guint32) (((h ^ (h >> 29)) * k) >> 32);
}

static void
grow (DlStrings *self)
{
  gsize n_slots = self->n_slots * 2;
  Slot *slots = g_new0 (Slot, n_slots);

  for (gsize i = 0; i < self->n_slots; i++)
    {
      const Slot *old = &self->slots[i];
      gsize j;

      if (old->text == NULL)
        continue;
      for (j = old->hash & (n_slots - 1); slots[j].text != NULL; j = (j + 1) & (n_slots - 1))
        ;
      slots[j] = *old;
    }
  g_free (self->slots);
  self->slots = slots;
  self->n_slots = n_slots;
}

const char *
dl_strings_intern (DlStrings  *self,
                   const char *text)
{
  gsize len;
  guint32 hash;
  gsize mask;
  gsize i;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;
  len = strlen (text);
  /* Past loading, or a text over 4 GiB (a file is at most 1 GiB): copied. */
  if (self->slots == NULL || len > G_MAXUINT32)
    return add_len (self, text, len);

  hash = hash_bytes (text, len);
  mask = self->n_slots - 1;
  for (i = hash & mask; self->slots[i].text != NULL; i = (i + 1) & mask)
    {
      const Slot *slot = &self->slots[i];

      if (slot->hash == hash && slot->len == len && memcmp (slot->text, text, len) == 0)
        return slot->text;
    }

  self->slots[i].text = add_len (self, text, len);
  self->slots[i].hash = hash;
  self->slots[i].len = (guint32) len;
  if (++self->n_used > self->n_slots / 2)
    {
      const char *copy = self->slots[i].text;

      grow (self);
      return copy;
    }

  return self->slots[i].text;
}

void
dl_strings_done (DlStrings *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->slots, g_free);
  self->n_slots = 0;
  self->n_used = 0;
}

gsize
dl_strings_get_size (DlStrings *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}
