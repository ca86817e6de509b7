/* test-strings.c: loaded events' strings in an arena, and edits of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-claims.h"
#include "dl-dataset.h"
#include "dl-dataset-private.h"
#include "dl-edit-stack.h"
#include "dl-strings.h"

static void
test_intern (void)
{
  DlStrings *strings = dl_strings_new ();
  g_autofree char *long_text = g_strnfill (200000, 'x');
  const char *a = dl_strings_intern (strings, "attack");
  const char *b = dl_strings_intern (strings, "attack");
  const char *c = dl_strings_add (strings, "attack");
  const char *big;

  g_assert_null (dl_strings_intern (strings, NULL));
  g_assert_null (dl_strings_add (strings, NULL));
  g_assert_cmpstr (a, ==, "attack");
  g_assert_true (a == b);
  g_assert_true (c != a);
  g_assert_cmpstr (c, ==, "attack");

  /* Longer than a quarter block: a block of its own, and the current
   * block goes on being filled. */
  big = dl_strings_add (strings, long_text);
  g_assert_cmpstr (big, ==, long_text);
  g_assert_true (dl_strings_intern (strings, "siege") == dl_strings_intern (strings, "siege"));
  g_assert_cmpstr (a, ==, "attack");

  /* Enough distinct texts to grow the table several times, of every
   * length up to past two words, most sharing a prefix: each keeps its
   * one copy, and no two share one. */
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GHashTable) copies = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < 20000; i++)
      g_ptr_array_add (texts, g_strdup_printf ("%.*s%u", (int) (i % 20), "Report 18.129: casualties", i));
    for (guint i = 0; i < texts->len; i++)
      g_hash_table_add (copies, (gpointer) dl_strings_intern (strings, texts->pdata[i]));
    g_assert_cmpuint (g_hash_table_size (copies), ==, texts->len);
    for (guint i = 0; i < texts->len; i++)
      {
        const char *copy = dl_strings_intern (strings, texts->pdata[i]);

        g_assert_cmpstr (copy, ==, texts->pdata[i]);
        g_assert_true (g_hash_table_contains (copies, copy));
      }
    g_assert_true (dl_strings_intern (strings, "attack") == a);
    g_assert_true (dl_strings_intern (strings, "") == dl_strings_intern (strings, ""));
  }

  /* Done loading: texts are copied, the old ones stay. */
  dl_strings_done (strings);
  g_assert_true (dl_strings_intern (strings, "attack") != a);
  g_assert_cmpstr (a, ==, "attack");
  g_assert_cmpuint (dl_strings_get_size (strings), >=, 200000);

  dl_strings_unref (strings);
}

static DlDataset *
load_bundled (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  DlDataset *dataset = dl_dataset_load (file, problems, NULL);

  g_assert_nonnull (dataset);
  return dataset;
}

/* Equal texts of loaded events are one copy; events at the same one place
 * share its array. */
static void
test_loaded_shared (void)
{
  g_autoptr(DlDataset) dataset = load_bundled ();
  GListModel *events = dl_dataset_get_events (dataset);
  guint n = g_list_model_get_n_items (events);
  guint shared_categories = 0;
  guint shared_places = 0;

  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        g_autoptr(DlEvent) a = g_list_model_get_item (events, i);
        g_autoptr(DlEvent) b = g_list_model_get_item (events, j);

        if (g_strcmp0 (dl_event_get_category (a), dl_event_get_category (b)) == 0)
          {
            g_assert_true (dl_event_get_category (a) == dl_event_get_category (b));
            shared_categories++;
          }
        if (dl_event_get_n_places (a) == 1 && dl_event_get_n_places (b) == 1
            && dl_event_get_place (a, 0) == dl_event_get_place (b, 0))
          shared_places++;
      }
  g_assert_cmpuint (shared_categories, >, 0);
  g_assert_cmpuint (shared_places, >, 0);
}

/* An edit of a loaded event's text, date, places and passages, undone and
 * redone, then the stack and the dataset freed: nothing of the arena is
 * freed alone (AddressSanitizer would say), and the getters follow. */
static void
test_edit_loaded (void)
{
  g_autoptr(DlDataset) dataset = load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  GListModel *events = dl_dataset_get_events (dataset);
  g_autoptr(DlEvent) event = g_list_model_get_item (events, 0);
  g_autoptr(DlEvent) other = g_list_model_get_item (events, 1);
  g_autofree char *title = g_strdup (dl_event_get_title (event));
  g_autofree char *when = g_strdup (dl_event_get_when_text (event));
  g_autofree char *category = g_strdup (dl_event_get_category (event));
  g_autoptr(GError) error = NULL;
  DlPlace *place = NULL;

  g_assert_true (dl_edit_stack_set_event_text (stack, event, DL_EVENT_FIELD_TITLE, "A new title", TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (dl_edit_stack_set_event_text (stack, event, DL_EVENT_FIELD_TITLE, "A new title, typed on", TRUE, &error));
  g_assert_true (dl_edit_stack_set_event_when (stack, event, "2001-02-03", &error));
  g_assert_no_error (error);
  if (dl_event_get_n_places (other) > 0)
    {
      place = dl_event_get_place (other, 0);
      g_assert_true (dl_edit_stack_set_event_places (stack, event, &place, 1, &error));
      g_assert_no_error (error);
    }
  if (dl_event_get_n_claims (event) > 0)
    {
      g_assert_true (dl_edit_stack_remove_claim (stack, event, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (dl_event_get_title (event), ==, "A new title, typed on");
  g_assert_cmpstr (dl_event_get_when_text (event), ==, "2001-02-03");
  g_assert_cmpstr (dl_event_get_category (event), ==, category);

  while (dl_edit_stack_undo (stack))
    ;
  g_assert_cmpstr (dl_event_get_title (event), ==, title);
  g_assert_cmpstr (dl_event_get_when_text (event), ==, when);
  while (dl_edit_stack_redo (stack))
    ;
  g_assert_cmpstr (dl_event_get_title (event), ==, "A new title, typed on");
  if (place != NULL)
    g_assert_true (dl_event_get_place (event, 0) == place);
}

/* What a reader sees of an event's passages and claims, as one text. */
static char *
describe_passages (DlEvent *event)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    {
      const DlExcerpt *e = dl_event_get_excerpt (event, i);

      g_string_append_printf (text, "%s %u-%u %s|%s|%s\n", dl_source_get_id (e->source), e->start, e->end,
                              e->exact, e->prefix, e->suffix);
    }
  for (guint i = 0; i < dl_event_get_n_claims (event); i++)
    {
      const DlClaim *c = dl_event_get_claim (event, i);

      g_string_append_printf (text, "%s %s %g %d %s %s %u %s %d %g %g\n", c->topic, c->value_text, c->value,
                              c->numeric, c->qualifier, c->unit, c->excerpt, dl_source_get_id (c->source),
                              c->has_range, c->low, c->high);
    }

  return g_string_free (text, FALSE);
}

/* A loaded event's excerpts and claims are packed in the arena until an
 * edit of its passages: they read the same before, through the edit and
 * its undo, and the dataset's claims on the topic still list the event's. */
static void
test_edit_packed (void)
{
  g_autoptr(DlDataset) dataset = load_bundled ();
  g_autoptr(DlEditStack) stack = dl_edit_stack_new (dataset);
  GListModel *events = dl_dataset_get_events (dataset);
  g_autoptr(DlEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *topic = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n_claims;
  guint n_refs = 0;

  for (guint i = 0; event == NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) candidate = g_list_model_get_item (events, i);

      if (dl_event_get_n_excerpts (candidate) > 1 && dl_event_get_n_claims (candidate) > 0)
        event = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (event);
  before = describe_passages (event);
  n_claims = dl_event_get_n_claims (event);
  topic = g_strdup (dl_event_get_claim (event, 0)->topic);

  g_assert_cmpint (dl_edit_stack_add_claim (stack, event, "packed-test", "7", NULL, NULL, 1, &error), ==, (int) n_claims);
  g_assert_no_error (error);
  g_assert_cmpuint (dl_event_get_n_claims (event), ==, n_claims + 1);
  g_assert_cmpstr (dl_event_get_claim (event, n_claims)->value_text, ==, "7");
  g_assert_true (dl_edit_stack_remove_excerpt (stack, event, 0, &error));
  g_assert_no_error (error);
  while (dl_edit_stack_undo (stack))
    ;
  after = describe_passages (event);
  g_assert_cmpstr (after, ==, before);

  rows = dl_claims_dup_rows (dataset, topic);
  g_assert_nonnull (rows);
  for (guint r = 0; r < rows->len; r++)
    {
      const DlClaimRow *row = g_ptr_array_index (rows, r);

      for (guint k = 0; k < row->refs->len; k++)
        n_refs += g_array_index (row->refs, DlClaimRef, k).event == event;
    }
  g_assert_cmpuint (n_refs, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/strings/intern", test_intern);
  g_test_add_func ("/strings/loaded-shared", test_loaded_shared);
  g_test_add_func ("/strings/edit-loaded", test_edit_loaded);
  g_test_add_func ("/strings/edit-packed", test_edit_packed);

  return g_test_run ();
}
