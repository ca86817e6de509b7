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
struct Block {
  Block *next;
  gsize  size;  /* bytes after the header */
};

struct _DlStrings {
  gatomicrefcount ref_count;
  Block          *blocks;   /* the newest first; strings are cut from its tail */
  char           *free;     /* the newest block's unused part */
  gsize           n_free;
  gsize           size;
  GHashTable     *interned; /* text → the same text (in the arena), while loading */
};

DlStrings *
dl_strings_new (void)
{
  DlStrings *self = g_new0 (DlStrings, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->interned = g_hash_table_new (g_str_hash, g_str_equal);

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
  g_clear_pointer (&self->interned, g_hash_table_unref);
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

const char *
dl_strings_add (DlStrings  *self,
                const char *text)
{
  gsize n;
  char *copy;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;

  n = strlen (text) + 1;
  copy = alloc (self, n);
  memcpy (copy, text, n);

  return copy;
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

const char *
dl_strings_intern (DlStrings  *self,
                   const char *text)
{
  const char *copy;

  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;
  if (self->interned == NULL)
    return dl_strings_add (self, text);

  copy = g_hash_table_lookup (self->interned, text);
  if (copy == NULL)
    {
      copy = dl_strings_add (self, text);
      g_hash_table_add (self->interned, (gpointer) copy);
    }

  return copy;
}

void
dl_strings_done (DlStrings *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->interned, g_hash_table_unref);
}

gsize
dl_strings_get_size (DlStrings *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->size;
}
