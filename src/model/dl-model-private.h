/* dl-model-private.h: the model objects' insides, for the loader only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-event.h"
#include "dl-place.h"
#include "dl-source.h"

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
  char      *search_text; /* case-folded haystack, built lazily */
  DlPlaceRole place_role;
  guint      search_slot; /* its place in its dataset's DlSearchIndex + 1, or 0 */
};

DlSource *dl_source_new (void);
DlPlace  *dl_place_new  (void);
DlEvent  *dl_event_new  (void);

/* Frees what a DlExcerpt or DlClaim holds (GArray clear functions). */
void      dl_excerpt_clear (gpointer data);
void      dl_claim_clear   (gpointer data);

G_END_DECLS
