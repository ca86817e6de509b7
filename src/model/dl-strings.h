/* dl-strings.h: the strings of loaded events, in one arena per load
 *
 * A million events held about fifteen strings each, every one its own
 * allocation (16 bytes of malloc's header, rounded up to 16, most under
 * 32 bytes) and most of them repeated: the same category, date, basis,
 * qualifier, topic, unit or quote on thousands of events. The loader puts
 * them here instead: each distinct text once, packed one after another in
 * large blocks. The arena only grows and is freed whole when the last
 * event that points into it goes (events hold a reference).
 *
 * Ownership (HACKING.md, "Scale"): a loaded event's text fields and the
 * strings of its excerpt and claim arrays point into its arena and are
 * never freed one by one. Edits never change an arena string: the first
 * edit of a loaded event's text copies its fields out (dl_event_own_text()),
 * and an edit of its passages copies the arrays (dl_edit_copy_excerpts()),
 * so everything an edit frees or swaps was allocated on its own. The
 * arrays themselves are packed here too (dl_event_pack()) until that edit
 * asks for them (dl_event_own_arrays()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _DlStrings DlStrings;

DlStrings  *dl_strings_new    (void);
DlStrings  *dl_strings_ref    (DlStrings  *self);
void        dl_strings_unref  (DlStrings  *self);

/* A copy of @text (NULL: NULL) in the arena, alive as long as the arena.
 * Not thread-safe: one arena per loading thread. */
const char *dl_strings_add    (DlStrings  *self,
                               const char *text);
/* The same, but every equal text added this way gives the same copy. */
const char *dl_strings_intern (DlStrings  *self,
                               const char *text);
/* @size bytes in the arena, aligned for any of the model's structs
 * (pointers, doubles), alive as long as the arena. */
gpointer    dl_strings_alloc  (DlStrings  *self,
                               gsize       size);
/* No more interning: the table that finds equal texts is freed (it is
 * only needed while loading). dl_strings_intern() then copies. */
void        dl_strings_done   (DlStrings  *self);

/* Bytes held (the blocks), for benchmarks. */
gsize       dl_strings_get_size (DlStrings *self);

G_END_DECLS
