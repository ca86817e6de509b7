/* test-search-index.c: the search index finds exactly what dl_event_matches()
 * finds, in the same order, on the bundled dataset and a synthetic one, as
 * a user types and deletes, and after edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dl-dataset.h"
#include "dl-edit-stack.h"
#include "dl-search-index.h"
#include "dl-synthetic.h"

static DlDataset *
load (GFile *file)
{
  g_autoptr(DlProblems) problems = dl_problems_new ();
  DlDataset *dataset = dl_dataset_load (file, problems, NULL);

  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, "dataset"));

  return dataset;
}

static DlDataset *
load_bundled (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();

  return load (file);
}

/* Asserts dl_search_index_filter_positions() keeps, of some positions,
 * those of the events in @found (the matching events, in @events' order):
 * every position, written over themselves; every other one; and every
 * position of another array of the same events, backwards, where the
 * index finds each event's slot from the event. */
static void
check_positions (DlSearchIndex *index,
                 GPtrArray     *events,
                 GPtrArray     *found)
{
  g_autofree guint *positions = g_new (guint, events->len + 1);
  g_autofree guint *out = g_new (guint, events->len + 1);
  g_autoptr(GPtrArray) backwards = g_ptr_array_new ();
  guint n, k;

  for (guint i = 0; i < events->len; i++)
    positions[i] = i;
  n = dl_search_index_filter_positions (index, events, positions, events->len, positions);
  g_assert_cmpuint (n, ==, found->len);
  for (guint i = 0; i < n; i++)
    g_assert_true (events->pdata[positions[i]] == found->pdata[i]);

  for (guint i = 0; i < events->len / 2; i++)
    positions[i] = 2 * i + 1;
  n = dl_search_index_filter_positions (index, events, positions, events->len / 2, out);
  /* @found is in @events' order: walked beside it. */
  k = 0;
  for (guint i = 0, f = 0; i < events->len && f < found->len; i++)
    {
      if (events->pdata[i] != found->pdata[f])
        continue;
      f++;
      if (i % 2 == 1)
        g_assert_true (k < n && out[k++] == i);
    }
  g_assert_cmpuint (k, ==, n);

  for (guint i = events->len; i > 0; i--)
    g_ptr_array_add (backwards, events->pdata[i - 1]);
  for (guint i = 0; i < events->len; i++)
    positions[i] = i;
  n = dl_search_index_filter_positions (index, backwards, positions, events->len, out);
  g_assert_cmpuint (n, ==, found->len);
  for (guint i = 0; i < n; i++)
    g_assert_true (backwards->pdata[out[i]] == found->pdata[found->len - 1 - i]);
}

/* Asserts the index gives the events dl_event_matches() gives, in the same
 * order; returns how many. */
static guint
check_query (DlDataset  *dataset,
             const char *query)
{
  GPtrArray *events = dl_dataset_get_events_by_time (dataset);
  DlSearchIndex *index = dl_dataset_get_search_index (dataset);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  for (guint i = 0; i < events->len; i++)
    if (dl_event_matches (g_ptr_array_index (events, i), query))
      g_ptr_array_add (expected, g_ptr_array_index (events, i));

  dl_search_index_set_query (index, query);
  dl_search_index_filter (index, events, found);
  /* By position in the array it was built from, the same. */
  for (guint i = 0, k = 0; i < events->len; i++)
    if (dl_search_index_matches_at (index, events, i))
      g_assert_true (k < found->len && found->pdata[k++] == events->pdata[i]);
  check_positions (index, events, found);

  if (found->len != expected->len)
    g_error ("“%s”: the index finds %u events, dl_event_matches() %u", query, found->len, expected->len);
  for (guint i = 0; i < found->len; i++)
    if (found->pdata[i] != expected->pdata[i])
      g_error ("“%s”: result %u is %s, not %s", query, i, dl_event_get_id (found->pdata[i]),
               dl_event_get_id (expected->pdata[i]));

  return found->len;
}

/* Types @text a character at a time, then deletes it the same way. */
static void
check_typing (DlDataset  *dataset,
              const char *text)
{
  g_autoptr(GString) typed = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);

      g_string_append_len (typed, p, next - p);
      check_query (dataset, typed->str);
      p = next;
    }
  while (typed->len > 0)
    {
      const char *last = g_utf8_prev_char (typed->str + typed->len);

      g_string_truncate (typed, last - typed->str);
      check_query (dataset, typed->str);
    }
}

static const char *fixed_queries[] = {
  "", " ", "\t", "  \n ", "school", "SCHOOL", "School teacher", "gaza  city", "GAZA\tCITY",
  "ceasefire gaza", "hostages rafah", "négociation", "NÉGOCIATION", "“agreement”", "khan younis",
  "e", "a", "z", "q", "x", "ß", "ss", "İ", "i̇", ".", ",", "-", "'s", "’", ":", "0", "1", "2024",
  "no such words anywhere", "a a a a", "report 3.", "event 1", "place 9",
};

static void
check_every_ascii (DlDataset *dataset)
{
  /* Each character on its own: the index folds plain ASCII itself. */
  for (char c = 1; c < 127; c++)
    {
      char query[3] = { c, '\0', '\0' };

      check_query (dataset, query);
      query[1] = g_ascii_isalpha (c) ? 'a' : 'e';
      check_query (dataset, query);
    }
}

static void
test_bundled (void)
{
  g_autoptr(DlDataset) dataset = load_bundled ();
  GPtrArray *events = dl_dataset_get_events_by_time (dataset);
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (fixed_queries); i++)
    check_query (dataset, fixed_queries[i]);
  check_every_ascii (dataset);

  /* The test is about something: a word finds some events, not all. */
  n = check_query (dataset, "school");
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, events->len);

  /* Every event's words, title and place names in other scripts typed as a
   * user would (marks looked up within shorter words', and more words than
   * the index keeps marks for). */
  for (guint i = 0; i < events->len; i += 7)
    {
      DlEvent *event = g_ptr_array_index (events, i);

      check_typing (dataset, dl_event_get_title (event));
      for (guint p = 0; p < dl_event_get_n_places (event); p++)
        {
          DlPlace *place = dl_event_get_place (event, p);
          g_auto(GStrv) languages = dl_place_dup_languages (place);

          check_typing (dataset, dl_place_get_name (place));
          for (guint l = 0; languages[l] != NULL; l++)
            check_typing (dataset, dl_place_get_name_for (place, languages[l]));
        }
      if (dl_event_get_n_excerpts (event) > 0)
        {
          g_autofree char *start = g_utf8_substring (dl_event_get_excerpt (event, 0)->exact, 0, 40);

          check_typing (dataset, start);
        }
    }
}

static void
test_synthetic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dateline-search-XXXXXX", NULL);
  g_autofree char *cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = dl_synthetic_write (dir, 3000, 42, &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(DlDataset) dataset = NULL;

  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  dataset = load (file);
  g_assert_cmpuint (dl_search_index_get_n_slots (dl_dataset_get_search_index (dataset)), ==, 3000);

  for (guint i = 0; i < G_N_ELEMENTS (fixed_queries); i++)
    check_query (dataset, fixed_queries[i]);
  check_every_ascii (dataset);
  check_typing (dataset, "negotiations hostages");
  check_typing (dataset, "négociation Mediators");
  check_typing (dataset, "מש ומתן מפ");
  check_typing (dataset, "مفاوضات");
  check_typing (dataset, "Event 12");
  g_assert_cmpuint (check_query (dataset, "rafah"), >, 0);
  g_assert_cmpuint (check_query (dataset, "event 12"), <, 3000);
  /* Every event had its place: none was indexed again on the way. */
  g_assert_cmpuint (dl_search_index_get_n_slots (dl_dataset_get_search_index (dataset)), ==, 3000);

  g_assert_cmpint (system (cleanup), ==, 0);
}

/* Edits change what an event matches: the index follows them. */
static void
test_edits (void)
{
  g_autoptr(DlDataset) dataset = load_bundled ();
  g_autoptr(DlEditStack) edits = dl_edit_stack_new (dataset);
  GPtrArray *events = dl_dataset_get_events_by_time (dataset);
  DlEvent *event = g_ptr_array_index (events, events->len / 2);
  g_autoptr(GError) error = NULL;
  DlEvent *added;

  g_assert_cmpuint (check_query (dataset, "zanzibar"), ==, 0);
  g_assert_true (dl_edit_stack_set_event_text (edits, event, DL_EVENT_FIELD_TITLE, "Talks in Zanzibar", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check_query (dataset, "zanzibar"), ==, 1);
  g_assert_cmpuint (check_query (dataset, "zanz"), ==, 1);

  added = dl_edit_stack_add_event (edits, NULL, "A Zanzibar meeting", "diplomacy", "2024-08-21", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_assert_cmpuint (check_query (dataset, "zanzibar"), ==, 2);
  g_assert_cmpuint (check_query (dataset, "zanzibar meeting"), ==, 1);

  g_assert_true (dl_edit_stack_undo (edits));
  g_assert_cmpuint (check_query (dataset, "zanzibar"), ==, 1);
  g_assert_true (dl_edit_stack_undo (edits));
  g_assert_cmpuint (check_query (dataset, "zanzibar"), ==, 0);
  g_assert_true (dl_edit_stack_redo (edits));
  g_assert_cmpuint (check_query (dataset, "zanzibar"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search-index/bundled", test_bundled);
  g_test_add_func ("/search-index/synthetic", test_synthetic);
  g_test_add_func ("/search-index/edits", test_edits);

  return g_test_run ();
}
