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
  GArray    *excerpts;   /* of DlExcerpt */
  GArray    *claims;     /* of DlClaim */
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
/* The case-folded haystack dl_event_matches() searches, built on first
 * use and dropped when the event's text changes. */
void      dl_event_forget_search_text (DlEvent *self);

/* Frees what a DlExcerpt or DlClaim holds (GArray clear functions). */
void      dl_excerpt_clear (gpointer data);
void      dl_claim_clear   (gpointer data);

G_END_DECLS
