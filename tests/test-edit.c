/* test-edit.c: the edit stack: every edit, its undo and redo, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "dl-claims.h"
#include "dl-dataset.h"
#include "dl-edit-stack.h"
#include "dl-test-dataset.h"
#include "dl-writer.h"

/* Equal texts, or a failure that shows where they part. */
#define assert_same(a, b) assert_same_at (__FILE__, __LINE__, a, b)

static void
assert_same_at (const char *file,
                int         line,
                const char *a,
                const char *b)
{
  gsize i = 0;

  if (g_strcmp0 (a, b) == 0)
    return;
  while (a[i] != '\0' && a[i] == b[i])
    i++;
  g_error ("%s:%d: the texts part at byte %" G_GSIZE_FORMAT ": “%.80s” / “%.80s”",
           file, line, i, a + (i > 40 ? i - 40 : 0), b + (i > 40 ? i - 40 : 0));
}

/* The writer's bytes; a snapshot (each item's text as kept since an edit
 * last forgot it, gathered a few items a step) joins to the same. */
static char *
bytes_of (DlDataset *dataset)
{
  char *fresh = dl_writer_to_data (dataset, NULL);
  g_autoptr(DlWriterSnapshot) snapshot = dl_writer_snapshot_new (dataset, NULL);
  g_autofree char *joined = NULL;

  while (!dl_writer_snapshot_step (snapshot, 0))
    ;
  joined = dl_writer_snapshot_join (snapshot, NULL);
  assert_same (fresh, joined);
  return fresh;
}

/* The claim index, kept right by each edit without building it again, is
 * the one building it gives: each topic's claims in time order, each
 * event's in its own order, and no topic without claims. */
static void
assert_claims_indexed (DlDataset *dataset)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          (GDestroyNotify) g_array_unref);
  g_auto(GStrv) topics = dl_dataset_dup_topics (dataset);

  for (guint i = 0; i < by_time->len; i++)
    {
      DlEvent *e = g_ptr_array_index (by_time, i);

      for (guint j = 0; j < dl_event_get_n_claims (e); j++)
        {
          DlClaimRef ref = { e, dl_event_get_claim (e, j) };
          GArray *refs = g_hash_table_lookup (expected, ref.claim->topic);

          if (refs == NULL)
            {
              refs = g_array_new (FALSE, FALSE, sizeof (DlClaimRef));
              g_hash_table_insert (expected, (gpointer) ref.claim->topic, refs);
            }
          g_array_append_val (refs, ref);
        }
    }

  g_assert_cmpuint (g_strv_length (topics), ==, g_hash_table_size (expected));
  for (guint t = 0; topics[t] != NULL; t++)
    {
      GArray *got = dl_dataset_get_claims (dataset, topics[t]);
      GArray *want = g_hash_table_lookup (expected, topics[t]);

      g_assert_nonnull (want);
      g_assert_cmpuint (got->len, ==, want->len);
      g_assert_cmpmem (got->data, got->len * sizeof (DlClaimRef), want->data, want->len * sizeof (DlClaimRef));
    }
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("dateline-test-edit-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

  g_assert_cmpint (system (command), ==, 0);
}

/* One operation on a fresh stack: it changes the bytes; undo gives back
 * the bytes from before; redo those from after; and the stack's state
 * says so at each step. */
typedef gboolean (*Operation) (DlEditStack *stack, DlDataset *dataset);

static void
check_operation (Operation operation)
{
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  g_autofree char *before = bytes_of (dataset);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_false (dl_edit_stack_can_undo (stack));
  g_assert_false (dl_edit_stack_get_modified (stack));

  g_assert_true (operation (stack, dataset));
  after = bytes_of (dataset);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (dl_edit_stack_can_undo (stack));
  g_assert_false (dl_edit_stack_can_redo (stack));
  g_assert_true (dl_edit_stack_get_modified (stack));
  g_assert_nonnull (dl_edit_stack_get_undo_label (stack));

  g_assert_true (dl_edit_stack_undo (stack));
  undone = bytes_of (dataset);
  assert_same (before, undone);
  g_assert_false (dl_edit_stack_can_undo (stack));
  g_assert_true (dl_edit_stack_can_redo (stack));
  g_assert_false (dl_edit_stack_get_modified (stack));

  g_assert_true (dl_edit_stack_redo (stack));
  redone = bytes_of (dataset);
  assert_same (after, redone);
  g_assert_true (dl_edit_stack_get_modified (stack));
}

static DlEvent *
event (DlDataset  *dataset,
       const char *id)
{
  DlEvent *e = dl_dataset_lookup_event (dataset, id);

  g_assert_nonnull (e);
  return e;
}

/* The code-point offset of @needle in @source's text. */
static guint
find_in_article (DlSource   *source,
                 const char *needle)
{
  const DlText *text = dl_source_get_text (source);
  const char *found = strstr (dl_text_get_data (text), needle);

  g_assert_nonnull (found);
  return dl_text_byte_to_char (text, (gsize) (found - dl_text_get_data (text)));
}

/* ------------------------------------------------------------- events */

static gboolean
op_set_title (DlEditStack *stack,
              DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "doha-talks");

  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_TITLE, "Talks in Doha", FALSE, NULL));
  g_assert_cmpstr (dl_event_get_title (e), ==, "Talks in Doha");
  return TRUE;
}

static gboolean
op_set_category (DlEditStack *stack,
                 DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "doha-talks");

  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_CATEGORY, "statement", FALSE, NULL));
  g_assert_cmpstr (dl_event_get_category (e), ==, "statement");
  return TRUE;
}

static gboolean
op_set_summary (DlEditStack *stack,
                DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "doha-talks");

  /* Empty text removes the member. */
  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_SUMMARY, "", FALSE, NULL));
  g_assert_null (dl_event_get_summary (e));
  return TRUE;
}

static gboolean
op_set_when_basis (DlEditStack *stack,
                   DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "doha-talks");

  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_WHEN_BASIS,
                                               "“last week”, article published 2024-08-20", FALSE, NULL));
  g_assert_cmpstr (dl_event_get_when_basis (e), ==, "“last week”, article published 2024-08-20");
  return TRUE;
}

static gboolean
op_set_when (DlEditStack *stack,
             DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "oct7-attack");
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);

  g_assert_true (g_ptr_array_index (by_time, 0) == e || dl_event_get_when (g_ptr_array_index (by_time, 0))->earliest
                 <= dl_event_get_when (e)->earliest);
  /* Moved to the end of time order, with its parsed value. */
  g_assert_true (dl_edit_stack_set_event_when (stack, e, "2024-09~", NULL));
  g_assert_cmpstr (dl_event_get_when_text (e), ==, "2024-09~");
  g_assert_true (dl_event_get_when (e)->flags & DL_EDTF_APPROXIMATE);
  g_assert_true (g_ptr_array_index (by_time, by_time->len - 1) == e);
  for (guint i = 1; i < by_time->len; i++)
    g_assert_cmpint (dl_event_compare_time (&by_time->pdata[i - 1], &by_time->pdata[i]), <, 0);
  return TRUE;
}

static gboolean
op_set_places (DlEditStack *stack,
               DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "doha-talks");
  DlPlace *places[] = { dl_dataset_lookup_place (dataset, "cairo"), dl_dataset_lookup_place (dataset, "doha") };

  g_assert_true (dl_edit_stack_set_event_places (stack, e, places, 2, NULL));
  g_assert_cmpuint (dl_event_get_n_places (e), ==, 2);
  g_assert_true (dl_event_get_place (e, 0) == places[0]);
  return TRUE;
}

static gboolean
op_add_event (DlEditStack *stack,
              DlDataset   *dataset)
{
  GListModel *events = dl_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  DlEvent *e;

  dl_edit_stack_begin_group (stack, "Add Event");
  e = dl_edit_stack_add_event (stack, NULL, "Doha talks", "diplomacy", "2024-08-22", NULL);
  g_assert_nonnull (e);
  g_assert_true (dl_edit_stack_set_event_places (stack, e, (DlPlace *[]) { dl_dataset_lookup_place (dataset, "doha") }, 1, NULL));
  dl_edit_stack_end_group (stack);
  /* The id is made from the title and does not clash with "doha-talks". */
  g_assert_cmpstr (dl_event_get_id (e), ==, "doha-talks-2");
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n + 1);
  g_assert_true (dl_dataset_lookup_event (dataset, "doha-talks-2") == e);
  return TRUE;
}

static gboolean
op_remove_event (DlEditStack *stack,
                 DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "doha-talks");
  const DlNarrative *narrative = dl_dataset_get_narrative (dataset, 0);
  guint steps = narrative->steps->len;

  /* It is a step of "four-days": the step goes with it. */
  g_assert_true (dl_edit_stack_remove_event (stack, e, NULL));
  g_assert_null (dl_dataset_lookup_event (dataset, "doha-talks"));
  g_assert_cmpuint (dl_dataset_get_narrative (dataset, 0)->steps->len, ==, steps - 1);
  for (guint i = 0; i < dl_dataset_get_events_by_time (dataset)->len; i++)
    g_assert_true (g_ptr_array_index (dl_dataset_get_events_by_time (dataset), i) != e);
  return TRUE;
}

/* ------------------------------------------------- sources and places */

static gboolean
op_add_source (DlEditStack *stack,
               DlDataset   *dataset)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("On Tuesday, talks resumed in Cairo.\n", 36);
  DlSource *source = dl_edit_stack_add_source (stack, NULL, "articles/new.txt", "New article", "2024-08-21?", text, NULL);

  g_assert_nonnull (source);
  g_assert_cmpstr (dl_source_get_id (source), ==, "a005");
  g_assert_cmpuint (dl_text_get_n_chars (dl_source_get_text (source)), ==, 36);
  g_assert_true (dl_source_get_published (source)->flags & DL_EDTF_UNCERTAIN);
  return TRUE;
}

static gboolean
op_remove_source (DlEditStack *stack,
                  DlDataset   *dataset)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("Text.", 5);
  g_autoptr(DlGeometry) point = dl_geometry_new_point ((DlLonLat) { 34.0, 31.0 });
  g_autoptr(GError) error = NULL;
  DlSource *cited = dl_dataset_lookup_source (dataset, "a000");
  DlSource *source;

  /* A cited article cannot go; nothing changes. */
  g_assert_false (dl_edit_stack_remove_source (stack, cited, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_IN_USE);
  g_assert_false (dl_edit_stack_can_undo (stack));

  dl_edit_stack_begin_group (stack, "test");
  source = dl_edit_stack_add_source (stack, "extra", "articles/extra.txt", "Extra", NULL, text, NULL);
  g_assert_nonnull (source);
  g_assert_true (dl_edit_stack_remove_source (stack, source, NULL));
  g_assert_null (dl_dataset_lookup_source (dataset, "extra"));
  g_assert_false (dl_edit_stack_remove_source (stack, source, NULL));
  /* Something to see in the bytes. */
  g_assert_nonnull (dl_edit_stack_add_place (stack, NULL, "Somewhere", NULL, point, 100, "site", NULL));
  dl_edit_stack_end_group (stack);

  return TRUE;
}

static gboolean
op_add_place (DlEditStack *stack,
              DlDataset   *dataset)
{
  g_autoptr(DlGeometry) point = dl_geometry_new_point ((DlLonLat) { 34.4667, 31.5016 });
  DlPlace *place = dl_edit_stack_add_place (stack, NULL, "Gaza City", NULL, point, 2500, "city", NULL);

  g_assert_nonnull (place);
  g_assert_cmpstr (dl_place_get_id (place), ==, "gaza-city");
  g_assert_true (dl_dataset_lookup_place (dataset, "gaza-city") == place);
  return TRUE;
}

static gboolean
op_set_precision (DlEditStack *stack,
                  DlDataset   *dataset)
{
  DlPlace *place = dl_dataset_lookup_place (dataset, "doha");
  DlEvent *e = event (dataset, "doha-talks");
  g_autoptr(GError) error = NULL;

  g_assert_false (dl_edit_stack_set_place_precision (stack, place, -1, FALSE, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_assert_true (dl_edit_stack_set_place_precision (stack, place, 123.5, FALSE, NULL));
  g_assert_cmpfloat (dl_event_get_precision_m (e), ==, 123.5);
  return TRUE;
}

/* A corner of a place dragged: its new geometry, written; the same one
 * again is no edit. */
static gboolean
op_set_geometry (DlEditStack *stack,
                 DlDataset   *dataset)
{
  DlPlace *place = dl_dataset_lookup_place (dataset, "doha");
  const DlLonLat corners[] = { { 51.50, 25.25 }, { 51.55, 25.30 }, { 51.60, 25.28 } };
  g_autoptr(DlGeometry) line = dl_geometry_new_line_string (corners, G_N_ELEMENTS (corners));
  g_autoptr(DlGeometry) same = dl_geometry_ref ((DlGeometry *) dl_place_get_geometry (place));

  g_assert_true (dl_edit_stack_set_place_geometry (stack, place, same, NULL));
  g_assert_false (dl_edit_stack_can_undo (stack));
  g_assert_true (dl_edit_stack_set_place_geometry (stack, place, line, NULL));
  g_assert_true (dl_place_get_geometry (place) == line);
  return TRUE;
}

/* A topic's label: written in `topics`, read back for every claim on it;
 * cleared, the label is made from the id again. */
static gboolean
op_set_topic_label (DlEditStack *stack,
                    DlDataset   *dataset)
{
  g_auto(GStrv) topics = dl_dataset_dup_topics (dataset);
  g_autofree char *label = NULL;
  g_autofree char *data = NULL;

  g_assert_nonnull (topics[0]);
  g_assert_true (dl_edit_stack_set_topic_label (stack, topics[0], "Relabelled topic", NULL));
  label = dl_claims_dup_topic_label (dataset, topics[0]);
  g_assert_cmpstr (label, ==, "Relabelled topic");
  data = bytes_of (dataset);
  g_assert_nonnull (strstr (data, "\"label\": \"Relabelled topic\""));
  return TRUE;
}

static gboolean
op_remove_place (DlEditStack *stack,
                 DlDataset   *dataset)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlGeometry) point = dl_geometry_new_point ((DlLonLat) { 1.0, 2.0 });
  GListModel *places = dl_dataset_get_places (dataset);
  guint n = g_list_model_get_n_items (places);
  DlPlace *added;

  /* A place an event is at cannot go. */
  g_assert_false (dl_edit_stack_remove_place (stack, dl_dataset_lookup_place (dataset, "doha"), &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_IN_USE);
  g_assert_false (dl_edit_stack_can_undo (stack));

  /* One no event is at can. */
  dl_edit_stack_begin_group (stack, "test");
  added = dl_edit_stack_add_place (stack, "unused", "Unused", NULL, point, 10, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, n + 1);
  g_assert_true (dl_edit_stack_remove_place (stack, added, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (places), ==, n);
  g_assert_null (dl_dataset_lookup_place (dataset, "unused"));
  g_assert_true (dl_edit_stack_set_place_precision (stack, dl_dataset_lookup_place (dataset, "doha"), 1, FALSE, NULL));
  dl_edit_stack_end_group (stack);

  return TRUE;
}

/* ----------------------------------------------------------- passages */

static gboolean
op_add_excerpt (DlEditStack *stack,
                DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "doha-talks");
  DlSource *source = dl_dataset_lookup_source (dataset, "a000");
  guint n = dl_event_get_n_excerpts (e);
  guint start = find_in_article (source, "Blinken");
  const DlExcerpt *excerpt;
  int index;

  /* A selection with a space on either side: the passage is the word, and
   * as "Blinken" occurs many times it carries its context. */
  index = dl_edit_stack_add_excerpt (stack, e, source, start - 1, start + 8, NULL);
  g_assert_cmpint (index, ==, (int) n);
  excerpt = dl_event_get_excerpt (e, (guint) index);
  g_assert_cmpstr (excerpt->exact, ==, "Blinken");
  g_assert_cmpuint (excerpt->start, ==, start);
  g_assert_cmpuint (excerpt->end, ==, start + 7);
  g_assert_nonnull (excerpt->prefix);
  g_assert_nonnull (excerpt->suffix);
  g_assert_cmpuint (g_utf8_strlen (excerpt->suffix, -1), ==, DL_EDIT_CONTEXT_CHARS);
  g_assert_true (g_str_has_prefix (excerpt->suffix, " "));
  /* The same passage twice is refused. */
  g_assert_cmpint (dl_edit_stack_add_excerpt (stack, e, source, start, start + 7, NULL), ==, -1);
  return TRUE;
}

static gboolean
op_remove_excerpt (DlEditStack *stack,
                   DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "school-strike-gaza-city");
  guint n_excerpts = dl_event_get_n_excerpts (e);
  guint n_claims = dl_event_get_n_claims (e);
  guint citing = 0;
  guint cited = dl_event_get_claim (e, 0)->excerpt;

  for (guint i = 0; i < n_claims; i++)
    citing += dl_event_get_claim (e, i)->excerpt == cited;

  /* The claims citing it go; the others still cite their own passages. */
  g_assert_true (dl_edit_stack_remove_excerpt (stack, e, cited, NULL));
  g_assert_cmpuint (dl_event_get_n_excerpts (e), ==, n_excerpts - 1);
  g_assert_cmpuint (dl_event_get_n_claims (e), ==, n_claims - citing);
  for (guint i = 0; i < dl_event_get_n_claims (e); i++)
    {
      const DlClaim *claim = dl_event_get_claim (e, i);

      g_assert_cmpuint (claim->excerpt, <, dl_event_get_n_excerpts (e));
      g_assert_true (dl_event_get_excerpt (e, claim->excerpt)->source == claim->source);
    }
  return TRUE;
}

static gboolean
op_reanchor_excerpt (DlEditStack *stack,
                     DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "school-strike-gaza-city");
  const DlExcerpt *excerpt = dl_event_get_excerpt (e, 0);
  guint start = excerpt->start;
  guint end = excerpt->end;
  g_autoptr(GError) error = NULL;

  g_assert_false (dl_edit_stack_reanchor_excerpt (stack, e, 0, end, start, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_assert_true (dl_edit_stack_reanchor_excerpt (stack, e, 0, start, end + 12, NULL));
  excerpt = dl_event_get_excerpt (e, 0);
  g_assert_cmpuint (excerpt->start, ==, start);
  g_assert_cmpuint (excerpt->end, >, end);
  return TRUE;
}

static gboolean
op_add_claim (DlEditStack *stack,
              DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "doha-talks");
  GArray *claims;
  int index;

  dl_edit_stack_begin_group (stack, "test");
  index = dl_edit_stack_add_claim (stack, e, "doha-talks-days", "2", "about", "days", 0, NULL);
  g_assert_cmpint (index, >=, 0);
  g_assert_true (dl_event_get_claim (e, (guint) index)->numeric);
  g_assert_cmpfloat (dl_event_get_claim (e, (guint) index)->value, ==, 2.0);
  claims = dl_dataset_get_claims (dataset, "doha-talks-days");
  g_assert_nonnull (claims);
  g_assert_cmpuint (claims->len, ==, 1);
  g_assert_false (dl_dataset_topic_disagrees (dataset, "doha-talks-days"));

  /* A second source saying otherwise: the topic now disagrees. */
  index = dl_edit_stack_add_claim (stack, e, "doha-talks-days", "3", NULL, "days", 1, NULL);
  g_assert_cmpint (index, >=, 0);
  g_assert_cmpuint (dl_dataset_get_claims (dataset, "doha-talks-days")->len, ==, 2);
  g_assert_true (dl_dataset_topic_disagrees (dataset, "doha-talks-days"));
  dl_edit_stack_end_group (stack);
  return TRUE;
}

static gboolean
op_remove_claim (DlEditStack *stack,
                 DlDataset   *dataset)
{
  DlEvent *e = event (dataset, "school-strike-gaza-city");
  guint n = dl_event_get_n_claims (e);

  g_assert_true (dl_edit_stack_remove_claim (stack, e, 0, NULL));
  g_assert_cmpuint (dl_event_get_n_claims (e), ==, n - 1);
  return TRUE;
}

/* --------------------------------------------------------- narratives */

static gboolean
op_add_narrative (DlEditStack *stack,
                  DlDataset   *dataset)
{
  guint n = dl_dataset_get_n_narratives (dataset);

  dl_edit_stack_begin_group (stack, "test");
  g_assert_true (dl_edit_stack_add_narrative (stack, NULL, "Two strikes", NULL));
  g_assert_true (dl_edit_stack_add_step (stack, n, -1, event (dataset, "central-gaza-strike"), "Then", NULL));
  g_assert_true (dl_edit_stack_add_step (stack, n, 0, event (dataset, "school-strike-gaza-city"), "First", NULL));
  dl_edit_stack_end_group (stack);

  g_assert_cmpuint (dl_dataset_get_n_narratives (dataset), ==, n + 1);
  g_assert_cmpstr (dl_dataset_get_narrative (dataset, n)->id, ==, "two-strikes");
  g_assert_cmpstr (g_array_index (dl_dataset_get_narrative (dataset, n)->steps, DlNarrativeStep, 0).caption, ==, "First");
  g_assert_cmpstr (dl_edit_stack_get_undo_label (stack), ==, "test");
  return TRUE;
}

static gboolean
op_remove_narrative (DlEditStack *stack,
                     DlDataset   *dataset)
{
  g_assert_true (dl_edit_stack_remove_narrative (stack, 0, NULL));
  g_assert_cmpuint (dl_dataset_get_n_narratives (dataset), ==, 1);
  g_assert_cmpstr (dl_dataset_get_narrative (dataset, 0)->id, ==, "disputed-terms");
  return TRUE;
}

static gboolean
op_move_step (DlEditStack *stack,
              DlDataset   *dataset)
{
  GArray *steps = dl_dataset_get_narrative (dataset, 0)->steps;
  DlEvent *first = g_array_index (steps, DlNarrativeStep, 0).event;
  DlEvent *second = g_array_index (steps, DlNarrativeStep, 1).event;
  DlEvent *third = g_array_index (steps, DlNarrativeStep, 2).event;

  g_assert_true (dl_edit_stack_move_step (stack, 0, 0, 2, NULL));
  steps = dl_dataset_get_narrative (dataset, 0)->steps;
  g_assert_true (g_array_index (steps, DlNarrativeStep, 0).event == second);
  g_assert_true (g_array_index (steps, DlNarrativeStep, 1).event == third);
  g_assert_true (g_array_index (steps, DlNarrativeStep, 2).event == first);
  return TRUE;
}

static gboolean
op_remove_step (DlEditStack *stack,
                DlDataset   *dataset)
{
  guint n = dl_dataset_get_narrative (dataset, 1)->steps->len;

  g_assert_true (dl_edit_stack_remove_step (stack, 1, 3, NULL));
  g_assert_cmpuint (dl_dataset_get_narrative (dataset, 1)->steps->len, ==, n - 1);
  return TRUE;
}

static gboolean
op_set_caption (DlEditStack *stack,
                DlDataset   *dataset)
{
  g_assert_true (dl_edit_stack_set_step_caption (stack, 0, 1, "A new caption", NULL));
  g_assert_cmpstr (g_array_index (dl_dataset_get_narrative (dataset, 0)->steps, DlNarrativeStep, 1).caption,
                   ==, "A new caption");
  return TRUE;
}

static void
test_operation (gconstpointer data)
{
  check_operation ((Operation) data);
}

/* ------------------------------------------------------------- errors */

static void
test_refused (void)
{
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  g_autofree char *before = bytes_of (dataset);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) bad = g_bytes_new_static ("caf\xe9", 4);
  g_autoptr(GBytes) good = g_bytes_new_static ("text", 4);
  DlEvent *e = event (dataset, "doha-talks");
  GError *error = NULL;

  g_assert_false (dl_edit_stack_set_event_when (stack, e, "2024-13-01", &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024-13-01"));
  g_clear_error (&error);
  g_assert_false (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_CATEGORY, "Air Strike", FALSE, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_TITLE, "", FALSE, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dl_edit_stack_add_source (stack, NULL, "../outside.txt", "Out", NULL, good, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dl_edit_stack_add_source (stack, NULL, "articles/bad.txt", "Bad", NULL, bad, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (dl_edit_stack_add_event (stack, "doha-talks", "Again", "diplomacy", "2024", &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dl_edit_stack_add_excerpt (stack, e, dl_dataset_lookup_source (dataset, "a000"), 10, 10, &error), ==, -1);
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (dl_edit_stack_add_claim (stack, e, "t", "1", NULL, NULL, 99, &error), ==, -1);
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dl_edit_stack_set_event_places (stack, e, NULL, 0, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  /* The same value again is no edit. */
  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_TITLE, dl_event_get_title (e), FALSE, NULL));

  after = bytes_of (dataset);
  assert_same (before, after);
  g_assert_false (dl_edit_stack_can_undo (stack));
  g_assert_false (dl_edit_stack_get_modified (stack));
}

/* ------------------------------------------------------ notifications */

typedef struct {
  guint changed;
  guint event_changed;
  guint items_changed;
  guint narratives_changed;
  guint modified;
  DlEvent *last_event;
} Counts;

static void
on_changed (DlDataset *dataset,
            Counts    *counts)
{
  counts->changed++;
}

static void
on_event_changed (DlDataset *dataset,
                  DlEvent   *e,
                  Counts    *counts)
{
  counts->event_changed++;
  counts->last_event = e;
}

static void
on_narratives_changed (DlDataset *dataset,
                       Counts    *counts)
{
  counts->narratives_changed++;
}

static void
on_items_changed (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Counts     *counts)
{
  DlDataset *dataset = g_object_get_data (G_OBJECT (list), "dataset");
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);

  /* By then the time order already holds the list's events. */
  g_assert_cmpuint (by_time->len, ==, g_list_model_get_n_items (list));
  counts->items_changed++;
}

static void
on_modified (DlEditStack *stack,
             GParamSpec  *pspec,
             Counts      *counts)
{
  counts->modified++;
}

static void
test_notifications (void)
{
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  GListModel *events = dl_dataset_get_events (dataset);
  DlEvent *e = event (dataset, "doha-talks");
  Counts counts = { 0 };
  DlEvent *added;

  g_object_set_data (G_OBJECT (events), "dataset", dataset);
  g_signal_connect (dataset, "changed", G_CALLBACK (on_changed), &counts);
  g_signal_connect (dataset, "event-changed", G_CALLBACK (on_event_changed), &counts);
  g_signal_connect (dataset, "narratives-changed", G_CALLBACK (on_narratives_changed), &counts);
  g_signal_connect (events, "items-changed", G_CALLBACK (on_items_changed), &counts);
  g_signal_connect (stack, "notify::modified", G_CALLBACK (on_modified), &counts);

  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_TITLE, "x", FALSE, NULL));
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.event_changed, ==, 1);
  g_assert_true (counts.last_event == e);
  g_assert_cmpuint (counts.modified, ==, 1);

  /* A group tells "changed" once, at its end. */
  dl_edit_stack_begin_group (stack, "New Event from Passage");
  added = dl_edit_stack_add_event (stack, NULL, "New", "strike", "2024-08-21", NULL);
  g_assert_nonnull (added);
  g_assert_cmpint (dl_edit_stack_add_excerpt (stack, added, dl_dataset_lookup_source (dataset, "a001"), 0, 20, NULL), ==, 0);
  g_assert_false (dl_edit_stack_can_undo (stack));
  g_assert_cmpuint (counts.changed, ==, 1);
  dl_edit_stack_end_group (stack);
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.items_changed, ==, 1);
  g_assert_true (counts.last_event == added);
  g_assert_cmpstr (dl_edit_stack_get_undo_label (stack), ==, "New Event from Passage");

  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_cmpuint (counts.items_changed, ==, 2);
  g_assert_cmpuint (counts.changed, ==, 3);
  g_assert_true (dl_edit_stack_add_step (stack, 0, 0, e, NULL, NULL));
  g_assert_cmpuint (counts.narratives_changed, ==, 1);
  /* The undone event cannot come back now. */
  g_assert_false (dl_edit_stack_can_redo (stack));

  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_false (dl_edit_stack_get_modified (stack));
  g_assert_cmpuint (counts.modified, ==, 2);
}

/* Typing in a field: one undo goes back to before the typing. */
static void
test_merge (void)
{
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  DlEvent *e = event (dataset, "doha-talks");
  g_autofree char *original = g_strdup (dl_event_get_title (e));
  const char *typed[] = { "D", "Do", "Doh", "Doha" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_TITLE, typed[i], TRUE, NULL));
  /* Another field is another edit. */
  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_SUMMARY, "S", TRUE, NULL));
  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_SUMMARY, "Su", TRUE, NULL));

  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_cmpstr (dl_event_get_title (e), ==, "Doha");
  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_cmpstr (dl_event_get_title (e), ==, original);
  g_assert_false (dl_edit_stack_can_undo (stack));
  g_assert_true (dl_edit_stack_redo (stack));
  g_assert_cmpstr (dl_event_get_title (e), ==, "Doha");
}

/* A precision slider dragged: one undo back to where the drag began; another
 * place, or a change that is not a drag, is an edit of its own. */
static void
test_merge_precision (void)
{
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  DlPlace *doha = dl_dataset_lookup_place (dataset, "doha");
  double original = dl_place_get_precision_m (doha);
  const double dragged[] = { 1200, 3400, 56000, 7800 };

  for (guint i = 0; i < G_N_ELEMENTS (dragged); i++)
    g_assert_true (dl_edit_stack_set_place_precision (stack, doha, dragged[i], TRUE, NULL));
  g_assert_cmpfloat (dl_place_get_precision_m (doha), ==, 7800);
  g_assert_true (dl_edit_stack_set_place_precision (stack, doha, 900, FALSE, NULL));

  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_cmpfloat (dl_place_get_precision_m (doha), ==, 7800);
  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_cmpfloat (dl_place_get_precision_m (doha), ==, original);
  g_assert_false (dl_edit_stack_can_undo (stack));
  g_assert_true (dl_edit_stack_redo (stack));
  g_assert_cmpfloat (dl_place_get_precision_m (doha), ==, 7800);
}

/* --------------------------------------------------------------- saving */

static void
test_save_round_trip (void)
{
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "edited.dateline.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *again = NULL;
  DlEvent *nowhere;
  g_autoptr(DlDataset) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("Talks resumed in Cairo on Thursday.\n", 36);
  DlSource *source;
  DlEvent *e;

  g_assert_true (op_add_excerpt (stack, dataset));
  g_assert_true (op_add_claim (stack, dataset));
  g_assert_true (op_set_when (stack, dataset));
  g_assert_true (op_move_step (stack, dataset));
  source = dl_edit_stack_add_source (stack, NULL, "articles/cairo.txt", "Cairo", "2024-08-22", text, NULL);
  e = dl_edit_stack_add_event (stack, NULL, "Talks resume", "diplomacy", "2024-08-22", NULL);
  g_assert_true (dl_edit_stack_set_event_places (stack, e, (DlPlace *[]) { dl_dataset_lookup_place (dataset, "cairo") },
                                                 1, NULL));
  g_assert_cmpint (dl_edit_stack_add_excerpt (stack, e, source, 0, 22, NULL), ==, 0);

  /* Saved elsewhere: the articles go along, the new one too. */
  g_assert_true (dl_edit_stack_save (stack, path, &error));
  g_assert_no_error (error);
  g_assert_false (dl_edit_stack_get_modified (stack));
  {
    g_autofree char *cairo = g_build_filename (dir, "articles", "cairo.txt", NULL);

    g_assert_true (g_file_test (cairo, G_FILE_TEST_EXISTS));
  }

  expected = bytes_of (dataset);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  assert_same (saved, expected);
  reloaded = dl_test_load_path (path);
  again = bytes_of (reloaded);
  assert_same (again, expected);
  g_assert_cmpstr (dl_event_get_excerpt (dl_dataset_lookup_event (reloaded, "talks-resume"), 0)->exact, ==,
                   "Talks resumed in Cairo");

  /* Undo after saving: modified again; saving writes it back. */
  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_true (dl_edit_stack_get_modified (stack));
  g_assert_true (dl_edit_stack_redo (stack));
  g_assert_false (dl_edit_stack_get_modified (stack));

  /* An event without a place is saved (the format allows it since other
   * tools' files have such events: it is on the timeline only). */
  nowhere = dl_edit_stack_add_event (stack, NULL, "Nowhere", "statement", "2024", NULL);
  g_assert_nonnull (nowhere);
  g_assert_true (dl_edit_stack_save (stack, path, &error));
  g_assert_no_error (error);
  g_clear_object (&reloaded);
  reloaded = dl_test_load_path (path);
  g_assert_cmpuint (dl_event_get_n_places (dl_dataset_lookup_event (reloaded, dl_event_get_id (nowhere))), ==, 0);
  g_assert_false (dl_edit_stack_get_modified (stack));

  remove_tree (dir);
}

/* A dataset made from nothing, saved and opened again. */
static void
test_new_dataset (void)
{
  g_autoptr(DlDataset) dataset = dl_dataset_new ("My strikes");
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  g_autoptr(DlDataset) reloaded = NULL;
  g_autoptr(DlGeometry) line = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "mine.dateline.json", NULL);
  g_autofree char *saved = NULL;
  g_autofree char *expected = NULL;
  const char *article = "An air strike on Tuesday killed at least 12 people at a school. "
                        "Officials said 10 people were killed at the school.\n";
  g_autoptr(GBytes) text = g_bytes_new_static (article, strlen (article));
  DlSource *source;
  DlPlace *place;
  DlEvent *e;

  g_assert_null (dl_dataset_get_file (dataset));
  source = dl_edit_stack_add_source (stack, NULL, "articles/one.txt", "One", "2024-08-20", text, &error);
  g_assert_no_error (error);
  node = json_from_string ("{\"type\": \"LineString\", \"coordinates\": [[34.2184, 31.3236], [34.2675, 31.2201]]}", NULL);
  line = dl_geometry_parse (node, "geometry", NULL);
  g_assert_nonnull (line);
  place = dl_edit_stack_add_place (stack, NULL, "Philadelphi corridor", (const char *[]) { "ar", "محور فيلادلفيا", NULL }, line, 500, "corridor", &error);
  g_assert_no_error (error);
  e = dl_edit_stack_add_event (stack, NULL, "School strike", "strike", "2024-08-20", &error);
  g_assert_no_error (error);
  g_assert_true (dl_edit_stack_set_event_places (stack, e, &place, 1, NULL));
  g_assert_cmpint (dl_edit_stack_add_excerpt (stack, e, source, 0, 63, NULL), ==, 0);
  g_assert_cmpint (dl_edit_stack_add_excerpt (stack, e, source, 64, 115, NULL), ==, 1);
  g_assert_cmpint (dl_edit_stack_add_claim (stack, e, "school-killed", "12", "at least", NULL, 0, NULL), ==, 0);
  g_assert_cmpint (dl_edit_stack_add_claim (stack, e, "school-killed", "10", NULL, NULL, 1, NULL), ==, 1);
  g_assert_true (dl_edit_stack_add_narrative (stack, NULL, "The strike", NULL));
  g_assert_true (dl_edit_stack_add_step (stack, 0, -1, e, "It happened.", NULL));
  g_assert_true (dl_edit_stack_set_event_text (stack, e, DL_EVENT_FIELD_WHEN_BASIS,
                                               "“on Tuesday”, article published 2024-08-20", FALSE, NULL));

  g_assert_true (dl_edit_stack_save (stack, path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dl_dataset_get_file (dataset));

  reloaded = dl_test_load_path (path);
  expected = bytes_of (dataset);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  assert_same (saved, expected);
  g_assert_true (dl_dataset_topic_disagrees (reloaded, "school-killed"));
  g_assert_cmpstr (dl_place_get_name_for (dl_dataset_lookup_place (reloaded, "philadelphi-corridor"), "ar"), ==,
                   "محور فيلادلفيا");
  g_assert_nonnull (strstr (saved, "\"geometry\": {\n        \"type\": \"LineString\""));
  g_assert_nonnull (strstr (saved, "\"exact\": \"An air strike on Tuesday killed at least 12 people at a school.\""));
  g_assert_nonnull (strstr (saved, "\"start\": 64,\n"));
  g_assert_cmpstr (dl_event_get_when_basis (dl_dataset_lookup_event (reloaded, "school-strike")), ==,
                   "“on Tuesday”, article published 2024-08-20");

  remove_tree (dir);
}

/* ----------------------------------------------------------------- fuzz */

static DlEvent *
random_event (GRand     *rand,
              DlDataset *dataset)
{
  GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);

  return by_time->len > 0 ? g_ptr_array_index (by_time, g_rand_int_range (rand, 0, (int) by_time->len)) : NULL;
}

static void
random_edit (GRand       *rand,
             DlEditStack *stack,
             DlDataset   *dataset)
{
  static const char * const whens[] = { "2024-08-20", "2024-08~", "2023-10-07/2024-08-20", "2024?", "../2024-08-19" };
  static const char * const categories[] = { "strike", "diplomacy", "statement", "new-kind" };
  DlEvent *e = random_event (rand, dataset);
  GListModel *sources = dl_dataset_get_sources (dataset);
  GListModel *places = dl_dataset_get_places (dataset);
  g_autoptr(DlSource) source = g_list_model_get_item (sources, (guint) g_rand_int_range (rand, 0, (int) g_list_model_get_n_items (sources)));
  g_autoptr(DlPlace) place = g_list_model_get_item (places, (guint) g_rand_int_range (rand, 0, (int) g_list_model_get_n_items (places)));
  guint n_chars = dl_text_get_n_chars (dl_source_get_text (source));
  guint start = (guint) g_rand_int_range (rand, 0, (int) n_chars - 1);
  guint end = MIN (n_chars, start + (guint) g_rand_int_range (rand, 1, 200));
  g_autofree char *text = g_strdup_printf ("text %u", g_rand_int (rand));
  guint n_narratives = dl_dataset_get_n_narratives (dataset);
  guint narrative = n_narratives > 0 ? (guint) g_rand_int_range (rand, 0, (int) n_narratives) : 0;
  guint n_steps = n_narratives > 0 ? dl_dataset_get_narrative (dataset, narrative)->steps->len : 0;

  switch (g_rand_int_range (rand, 0, 20))
    {
    case 0:
      dl_edit_stack_set_event_text (stack, e, (DlEventField) g_rand_int_range (rand, 0, 4),
                                    g_rand_boolean (rand) ? text : categories[g_rand_int_range (rand, 0, 4)],
                                    g_rand_boolean (rand), NULL);
      break;
    case 1:
      dl_edit_stack_set_event_when (stack, e, whens[g_rand_int_range (rand, 0, G_N_ELEMENTS (whens))], NULL);
      break;
    case 2:
      dl_edit_stack_set_event_places (stack, e, &place, 1, NULL);
      break;
    case 3:
      dl_edit_stack_add_excerpt (stack, e, source, start, end, NULL);
      break;
    case 4:
      if (dl_event_get_n_excerpts (e) > 1)
        dl_edit_stack_remove_excerpt (stack, e, (guint) g_rand_int_range (rand, 0, (int) dl_event_get_n_excerpts (e)), NULL);
      break;
    case 5:
      if (dl_event_get_n_excerpts (e) > 0)
        {
          guint index = (guint) g_rand_int_range (rand, 0, (int) dl_event_get_n_excerpts (e));
          DlSource *own = dl_event_get_excerpt (e, index)->source;
          guint own_chars = dl_text_get_n_chars (dl_source_get_text (own));
          guint s = (guint) g_rand_int_range (rand, 0, (int) own_chars - 1);

          dl_edit_stack_reanchor_excerpt (stack, e, index, s, MIN (own_chars, s + 40), NULL);
        }
      break;
    case 6:
      if (dl_event_get_n_excerpts (e) > 0)
        dl_edit_stack_add_claim (stack, e, g_rand_boolean (rand) ? "fuzz-topic" : "school-strike-killed",
                                 g_rand_boolean (rand) ? "12" : "a few", g_rand_boolean (rand) ? "at least" : NULL,
                                 NULL, (guint) g_rand_int_range (rand, 0, (int) dl_event_get_n_excerpts (e)), NULL);
      break;
    case 7:
      if (dl_event_get_n_claims (e) > 0)
        dl_edit_stack_remove_claim (stack, e, (guint) g_rand_int_range (rand, 0, (int) dl_event_get_n_claims (e)), NULL);
      break;
    case 8:
      {
        DlEvent *added;

        dl_edit_stack_begin_group (stack, "New Event from Passage");
        added = dl_edit_stack_add_event (stack, NULL, text, categories[g_rand_int_range (rand, 0, 4)],
                                         whens[g_rand_int_range (rand, 0, G_N_ELEMENTS (whens))], NULL);
        dl_edit_stack_set_event_places (stack, added, &place, 1, NULL);
        dl_edit_stack_add_excerpt (stack, added, source, start, end, NULL);
        dl_edit_stack_end_group (stack);
      }
      break;
    case 9:
      if (dl_dataset_get_events_by_time (dataset)->len > 5)
        dl_edit_stack_remove_event (stack, e, NULL);
      break;
    case 10:
      {
        g_autoptr(DlGeometry) point = dl_geometry_new_point ((DlLonLat) { g_rand_double_range (rand, -180, 180),
                                                                          g_rand_double_range (rand, -85, 85) });

        dl_edit_stack_add_place (stack, NULL, text, NULL, point, g_rand_double_range (rand, 0, 50000), NULL, NULL);
      }
      break;
    case 11:
      dl_edit_stack_set_place_precision (stack, place, (double) g_rand_int_range (rand, 0, 100000),
                                         g_rand_boolean (rand), NULL);
      break;
    case 12:
      dl_edit_stack_remove_place (stack, place, NULL);
      break;
    case 13:
      dl_edit_stack_begin_group (stack, "New Narrative");
      if (dl_edit_stack_add_narrative (stack, NULL, text, NULL))
        dl_edit_stack_add_step (stack, n_narratives, -1, e, text, NULL);
      dl_edit_stack_end_group (stack);
      break;
    case 14:
      if (n_narratives > 0)
        dl_edit_stack_add_step (stack, narrative, g_rand_int_range (rand, -1, (int) n_steps + 1), e,
                                g_rand_boolean (rand) ? text : NULL, NULL);
      break;
    case 15:
      if (n_steps > 1)
        dl_edit_stack_move_step (stack, narrative, (guint) g_rand_int_range (rand, 0, (int) n_steps),
                                 (guint) g_rand_int_range (rand, 0, (int) n_steps), NULL);
      break;
    case 16:
      if (n_steps > 1)
        dl_edit_stack_remove_step (stack, narrative, (guint) g_rand_int_range (rand, 0, (int) n_steps), NULL);
      else if (n_narratives > 1)
        dl_edit_stack_remove_narrative (stack, narrative, NULL);
      break;
    case 18:
      {
        static const char * const names[] = { "Flood relief", "Strike", "New kind", "إغاثة" };

        dl_edit_stack_add_category (stack, g_rand_boolean (rand) ? e : NULL, names[g_rand_int_range (rand, 0, 4)],
                                    (guint32) g_rand_int_range (rand, 0, 0x1000000), NULL, NULL);
      }
      break;
    case 19:
      dl_edit_stack_set_category_color (stack, categories[g_rand_int_range (rand, 0, 4)],
                                        (guint32) g_rand_int_range (rand, 0, 0x1000000), NULL);
      break;
    case 17:
    default:
      if (n_steps > 0)
        dl_edit_stack_set_step_caption (stack, narrative, (guint) g_rand_int_range (rand, 0, (int) n_steps), text, NULL);
      break;
    }
}

/* Random edits, some undone and redone on the way; undone back to the
 * start, the dataset writes the very bytes it was loaded as, and saving it
 * writes the original file byte for byte. */
static void
test_fuzz (void)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  g_autofree char *bundled_path = g_file_get_path (bundled);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "fuzz.dateline.json", NULL);
  g_autofree char *original = bytes_of (dataset);
  g_autofree char *original_file = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GError) error = NULL;
  guint n_undo = 0;

  g_test_message ("seed %u", seed);

  for (guint round = 0; round < 400; round++)
    {
      random_edit (rand, stack, dataset);
      assert_claims_indexed (dataset);
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          guint back = (guint) g_rand_int_range (rand, 1, 4);

          for (guint i = 0; i < back; i++)
            {
              dl_edit_stack_undo (stack);
              assert_claims_indexed (dataset);
            }
          for (guint i = 0; i < back; i++)
            {
              dl_edit_stack_redo (stack);
              assert_claims_indexed (dataset);
            }
        }
    }
  edited = bytes_of (dataset);

  /* What the edits made still saves, and loads back as itself. */
  if (!dl_edit_stack_save (stack, path, &error))
    g_test_message ("the edited dataset does not save (seed %u): %s", seed, error->message);
  g_clear_error (&error);

  while (dl_edit_stack_undo (stack))
    n_undo++;
  g_assert_cmpuint (n_undo, >, 50);
  assert_claims_indexed (dataset);
  {
    g_autofree char *undone = bytes_of (dataset);

    assert_same (undone, original);
  }

  while (dl_edit_stack_redo (stack))
    ;
  redone = bytes_of (dataset);
  assert_same (redone, edited);
  while (dl_edit_stack_undo (stack))
    ;

  g_assert_true (dl_edit_stack_save (stack, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_true (g_file_get_contents (bundled_path, &original_file, NULL, NULL));
  assert_same (saved, original_file);

  remove_tree (dir);
}

/* Edits made, saved where it is, the file reloads to the same. */
static void
test_fuzz_save (void)
{
  guint32 seed = g_test_rand_int ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "fuzz.dateline.json", NULL);
  guint saved = 0;

  g_test_message ("seed %u", seed);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 5; i++)
        random_edit (rand, stack, dataset);
      if (dl_edit_stack_save (stack, path, &error))
        {
          g_autoptr(DlDataset) reloaded = dl_test_load_path (path);
          g_autofree char *expected = bytes_of (dataset);
          g_autofree char *again = bytes_of (reloaded);

          assert_same (again, expected);
          g_assert_false (dl_edit_stack_get_modified (stack));
          saved++;
        }
      else
        {
          /* Only an edit the loader would refuse: a place-less event is
           * never made here, so none. */
          g_error ("not saved (seed %u): %s", seed, error->message);
        }
    }
  g_assert_cmpuint (saved, ==, 40);

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; Operation op; } operations[] = {
    { "set-title", op_set_title },
    { "set-category", op_set_category },
    { "set-summary", op_set_summary },
    { "set-when-basis", op_set_when_basis },
    { "set-when", op_set_when },
    { "set-places", op_set_places },
    { "add-event", op_add_event },
    { "remove-event", op_remove_event },
    { "add-source", op_add_source },
    { "remove-source", op_remove_source },
    { "add-place", op_add_place },
    { "set-precision", op_set_precision },
    { "set-geometry", op_set_geometry },
    { "set-topic-label", op_set_topic_label },
    { "remove-place", op_remove_place },
    { "add-excerpt", op_add_excerpt },
    { "remove-excerpt", op_remove_excerpt },
    { "reanchor-excerpt", op_reanchor_excerpt },
    { "add-claim", op_add_claim },
    { "remove-claim", op_remove_claim },
    { "add-narrative", op_add_narrative },
    { "remove-narrative", op_remove_narrative },
    { "move-step", op_move_step },
    { "remove-step", op_remove_step },
    { "set-caption", op_set_caption },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/edit/undo-redo/%s", operations[i].name);

      g_test_add_data_func (path, operations[i].op, test_operation);
    }
  g_test_add_func ("/edit/refused", test_refused);
  g_test_add_func ("/edit/notifications", test_notifications);
  g_test_add_func ("/edit/merge", test_merge);
  g_test_add_func ("/edit/merge-precision", test_merge_precision);
  g_test_add_func ("/edit/save-round-trip", test_save_round_trip);
  g_test_add_func ("/edit/new-dataset", test_new_dataset);
  g_test_add_func ("/edit/fuzz", test_fuzz);
  g_test_add_func ("/edit/fuzz-save", test_fuzz_save);

  return g_test_run ();
}
