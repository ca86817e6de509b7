/* dl-model-private.h: the model objects' insides, for the loader only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-event.h"
#include "dl-place.h"
#include "dl-source.h"
#include "dl-strings.h"

G_BEGIN_DECLS

struct _DlSource
{
  GObject  parent_instance;

  char    *id;
  char    *file;
  char    *title;
  char    *published_text;
  DlEdtf   published;
  char    *published_basis;
  char    *url;
  DlText  *text;
  char    *short_name;  /* "short": what citations show, or NULL */
};

struct _DlPlace
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  GHashTable *names;      /* language → name, or NULL */
  char       *kind;
  DlGeometry *geometry;
  double      precision_m;
  char       *note;       /* outside facts and boundary choices, or NULL */
};

/* The text fields of an event (id to when_basis) are its own (g_free'd
 * with it) unless text_in_arena: then they, and the strings of its excerpt
 * and claim arrays when those have no clear function, lie in its arena
 * (dl-strings.h), which it keeps alive. dl_event_own_text() copies the
 * fields out before an edit changes one of them. */
/* A loaded event's excerpts, then its claims, in one block of its arena:
 * two GArrays cost 320 bytes of heap a synthetic event (their headers,
 * their data rounded up to a power of two, malloc's headers), the block
 * 144 in the arena. */
typedef struct {
  guint     n_excerpts;
  guint     n_claims;
  DlExcerpt excerpts[];  /* n_excerpts of them, then n_claims DlClaim */
} DlEventPacked;

struct _DlEvent
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *category;
  char      *summary;
  char      *when_text;
  DlEdtf     when;
  char      *when_basis;
  GPtrArray *places;     /* of DlPlace (owned) */
  /* A loaded event's excerpts and claims are packed in its arena
   * (`packed`, NULL when it has neither) with `excerpt_array` NULL, until
   * an edit of its passages asks for arrays (dl_event_own_arrays()). Read
   * them with dl_event_peek_excerpts() and dl_event_peek_claims(). */
  GArray    *excerpt_array; /* of DlExcerpt, or NULL while packed */
  union {
    GArray        *claim_array; /* of DlClaim, when excerpt_array is set */
    DlEventPacked *packed;      /* when it is not (one field: a million
                                 * events stay in 144-byte chunks) */
  };
  DlStrings *arena;      /* where a loaded event's strings are, or NULL */
  DlPlaceRole place_role;
  /* Bits, so that a million events stay in malloc's 144-byte chunks. */
  guint      search_slot : 31; /* its place in its dataset's DlSearchIndex + 1, or 0 */
  guint      text_in_arena : 1;
};

DlSource *dl_source_new (void);
DlPlace  *dl_place_new  (void);
DlEvent  *dl_event_new  (void);
/* An event whose strings the loader puts in @arena: its text fields and
 * its excerpts' and claims' strings are not freed one by one (the arrays
 * have no clear function). */
DlEvent  *dl_event_new_in_arena (DlStrings *arena);
/* Copies a loaded event's text fields out of its arena, so that an edit
 * may free and swap them as it does any other event's (dl-edit-ops.c). */
void      dl_event_own_text     (DlEvent   *self);
/* Moves the excerpts and claims the loader appended to its arrays into
 * one block of its arena (the loader calls it once, last). */
void      dl_event_pack         (DlEvent   *self);
/* Gives a packed event its arrays back (without clear functions: their
 * strings stay in the arena), so that an edit of its passages may copy
 * and swap them as it does any other event's; nothing when it has them. */
void      dl_event_own_arrays   (DlEvent   *self);

static inline const DlExcerpt *
dl_event_peek_excerpts (DlEvent *self,
                        guint   *n)
{
  if (self->excerpt_array != NULL)
    {
      *n = self->excerpt_array->len;
      return (const DlExcerpt *) (gconstpointer) self->excerpt_array->data;
    }
  *n = self->packed != NULL ? self->packed->n_excerpts : 0;
  return self->packed != NULL ? self->packed->excerpts : NULL;
}

static inline const DlClaim *
dl_event_peek_claims (DlEvent *self,
                      guint   *n)
{
  if (self->excerpt_array != NULL)
    {
      *n = self->claim_array->len;
      return (const DlClaim *) (gconstpointer) self->claim_array->data;
    }
  *n = self->packed != NULL ? self->packed->n_claims : 0;
  return self->packed != NULL ? (const DlClaim *) (gconstpointer) (self->packed->excerpts + self->packed->n_excerpts) : NULL;
}
/* The case-folded haystack dl_event_matches() searches, built on first
 * use and dropped when the event's text changes. */
void      dl_event_forget_search_text (DlEvent *self);
/* A query's words as every search reads them: case-folded, split at
 * white space, without empty ones. One split for dl_event_matches() and
 * the search index, so both find the same events. */
GStrv     dl_event_query_words (const char *query);

/* Frees what a DlExcerpt or DlClaim holds (GArray clear functions). */
void      dl_excerpt_clear (gpointer data);
void      dl_claim_clear   (gpointer data);
/* Frees what a DlNarrative or DlNarrativeStep holds (GArray clear
 * functions): for the loaded dataset's narratives and the edits' alike. */
void      dl_narrative_clear      (gpointer data);
void      dl_narrative_step_clear (gpointer data);

G_END_DECLS
