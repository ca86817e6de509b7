/* test-suggest.c: candidate events read from the bundled articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dl-dataset.h"
#include "dl-edtf.h"
#include "dl-gazetteer.h"
#include "dl-suggest.h"

/* A suggestion is right for an event when its passage overlaps one of the
 * event's passages in the same article, its point lies within the event's
 * place (its precision, or the suggestion's, whichever is larger), and its
 * date overlaps the event's. */
static gboolean
suggestion_matches (const DlSuggestion *s,
                    DlSource           *source,
                    DlEvent            *event)
{
  DlEdtf when;
  const DlEdtf *event_when = dl_event_get_when (event);
  gboolean passage = FALSE;
  double distance = G_MAXDOUBLE;

  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    {
      const DlExcerpt *e = dl_event_get_excerpt (event, i);

      if (e->source == source && e->start < s->end && s->start < e->end)
        passage = TRUE;
    }
  if (!passage || !dl_edtf_parse (s->when, &when, NULL))
    return FALSE;

  for (guint i = 0; i < dl_event_get_n_places (event); i++)
    {
      DlPlace *place = dl_event_get_place (event, i);
      DlBBox box = dl_geometry_get_bbox (dl_place_get_geometry (place));
      double d = dl_geo_distance_m (s->position, dl_geometry_get_anchor (dl_place_get_geometry (place)));

      if (dl_bbox_contains (&box, s->position))
        d = 0;
      distance = MIN (distance, d - MAX (dl_place_get_precision_m (place), s->precision_m));
    }

  return distance <= 0 && dl_edtf_overlaps (event_when, when.earliest, when.latest);
}

static void
test_bundled_articles (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (file, problems, NULL);
  g_autoptr(DlGazetteer) gazetteer = dl_gazetteer_open_default (NULL);
  g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);
  GListModel *sources, *events;
  guint n_suggestions = 0, n_right = 0, n_events = 0;

  g_assert_nonnull (dataset);
  g_assert_nonnull (gazetteer);
  sources = dl_dataset_get_sources (dataset);
  events = dl_dataset_get_events (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      const DlText *text = dl_source_get_text (source);
      g_autoptr(GPtrArray) suggestions = NULL;
      const char *published = dl_source_get_published_text (source);

      suggestions = dl_suggest (dl_text_get_data (text), published, gazetteer, dataset, NULL);
      g_assert_nonnull (suggestions);

      for (guint k = 0; k < suggestions->len; k++)
        {
          const DlSuggestion *s = g_ptr_array_index (suggestions, k);
          g_autofree char *exact = dl_text_substring (text, s->start, s->end);
          gboolean right = FALSE;

          /* Offsets in code points that give back the passage. */
          g_assert_cmpstr (exact, ==, s->exact);
          g_assert_true (dl_edtf_parse (s->when, NULL, NULL));

          for (guint e = 0; e < g_list_model_get_n_items (events); e++)
            {
              g_autoptr(DlEvent) event = g_list_model_get_item (events, e);

              if (suggestion_matches (s, source, event))
                {
                  right = TRUE;
                  g_hash_table_add (found, event);
                }
            }
          n_suggestions++;
          n_right += right;
        }
    }

  for (guint e = 0; e < g_list_model_get_n_items (events); e++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, e);

      /* What the issue measures: the dated, placed events. */
      if (dl_event_get_when (event) == NULL || dl_event_get_n_places (event) == 0)
        continue;
      n_events++;
      if (!g_hash_table_contains (found, event))
        g_test_message ("no right suggestion for %s", dl_event_get_id (event));
    }

  g_test_message ("suggestions: %u, right: %u (precision %.0f %%); events found: %u of %u (recall %.0f %%)",
                  n_suggestions, n_right, 100.0 * n_right / MAX (n_suggestions, 1),
                  g_hash_table_size (found), n_events, 100.0 * g_hash_table_size (found) / MAX (n_events, 1));
  /* Issue 13's floors: a recall of 60 % of the bundled dataset's dated,
   * placed events (all 50 are) and a precision of 50 %. The rules reach
   * 72 % (36 of 50) and 84 % (73 of 87 suggestions); most of what is missed
   * are statements whose sentence names no place, or dates that are facts
   * from outside the articles (tests/test-reldate.c lists them). */
  g_assert_cmpfloat (100.0 * n_right / MAX (n_suggestions, 1), >=, 50.0);
  g_assert_cmpfloat (100.0 * g_hash_table_size (found) / MAX (n_events, 1), >=, 60.0);
}

/* The numbers a sentence states, read as counts of what the words after
 * them name, and nothing that only looks like a number of things. */
static void
test_claims (void)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(DlGazetteer) gazetteer = dl_gazetteer_open_default (NULL);
  const char *text =
    "On Tuesday at least 12 people were killed in Rafah. "
    "They will not leave two strategic corridors, and 39 presumed dead hostages remain in Gaza. "
    "Since the October 7 attack, a three-phase plan and a six-week truce were talked about in Cairo. "
    "The war displaced 2 million residents, and about 1,200 people were killed in Beirut.";

  g_assert_nonnull (gazetteer);
  suggestions = dl_suggest (text, "2024-08-20", gazetteer, NULL, NULL);
  g_assert_nonnull (suggestions);
  /* One suggestion a sentence: each names one place. */
  g_assert_cmpuint (suggestions->len, ==, 4);
  for (guint k = 0; k < suggestions->len; k++)
    {
      const DlSuggestion *s = g_ptr_array_index (suggestions, k);

      for (guint c = 0; c < s->claims->len; c++)
        {
          const DlSuggestedClaim *claim = g_ptr_array_index (s->claims, c);

          g_string_append_printf (joined, "%s%g|%s|%s|%s", joined->len > 0 ? "; " : "",
                                  claim->value, claim->qualifier ? claim->qualifier : "",
                                  claim->unit, claim->text);
        }
    }
  g_assert_cmpstr (joined->str, ==,
                   "12|at least|people|at least 12 people; "
                   "2||strategic corridors|two strategic corridors; "
                   "39||presumed dead|39 presumed dead; "
                   "2e+06||residents|2 million residents; "
                   "1200|about|people|about 1,200 people");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest/bundled-articles", test_bundled_articles);
  g_test_add_func ("/suggest/claims", test_claims);

  return g_test_run ();
}
