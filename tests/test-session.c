/* test-session.c: the session every view observes (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-session"

#include <string.h>

#include "dl-category.h"
#include "dl-session.h"
#include "dl-test-dataset.h"

#define DAY (24 * 3600)

static DlDataset *bundled;

/* Helpers */

/* A dataset without sources: one event a day on each of `days`
 * ("2024-03-01"…), alternating categories. */
static DlDataset *
dataset_of_days (const char * const *days)
{
  g_autoptr(GString) json = g_string_new ("{\"dateline\": 1, \"title\": \"Days\", \"sources\": [], "
                                          "\"places\": [{\"id\": \"p\", \"name\": \"P\", \"precision_m\": 100, "
                                          "\"geometry\": {\"type\": \"Point\", \"coordinates\": [34.4, 31.5]}}], "
                                          "\"events\": [");
  g_autoptr(DlProblems) problems = dl_problems_new ();
  DlDataset *dataset;

  for (guint i = 0; days[i] != NULL; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%03u\", \"title\": \"Event %u\", \"category\": \"%s\", "
                            "\"when\": \"%s\", \"place\": \"p\", \"summary\": \"s\"}",
                            i > 0 ? ", " : "", i, i, i % 2 == 0 ? "strike" : "diplomacy", days[i]);
  g_string_append (json, "]}");

  dataset = dl_dataset_load_from_data (json->str, json->len, NULL, problems);
  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, "generated"));

  return dataset;
}

static DlEvent *
item (GListModel *model,
      guint       position)
{
  DlEvent *event = g_list_model_get_item (model, position);

  /* The dataset keeps its events alive. */
  g_object_unref (event);
  return event;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static gint64
parse_day (const char *day)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", day);

  time = g_date_time_new_from_iso8601 (iso, NULL);
  g_assert_nonnull (time);
  return g_date_time_to_unix (time);
}

/* Tests */

/* "events" is every event in time order, one object for the session's
 * life; a new dataset replaces its content and drops the selection. */
static void
test_events_in_time_order (void)
{
  g_autoptr(DlSession) session = dl_session_new ();
  GListModel *events = dl_session_get_events (session);
  const char *days[] = { "2024-03-01", "2024-03-02", NULL };
  g_autoptr(DlDataset) small = dataset_of_days (days);
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);
  dl_session_set_dataset (session, bundled);
  g_assert_true (dl_session_get_dataset (session) == bundled);

  n = g_list_model_get_n_items (events);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (dl_dataset_get_events (bundled)));
  g_assert_cmpuint (dl_session_get_n_events (session), ==, n);
  for (guint i = 1; i < n; i++)
    {
      DlEvent *a = item (events, i - 1);
      DlEvent *b = item (events, i);

      g_assert_cmpint (dl_event_compare_time (&a, &b), <, 0);
    }

  g_assert_true (dl_session_select (session, item (events, 3)));
  dl_session_set_dataset (session, small);
  g_assert_true (dl_session_get_events (session) == events);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  g_assert_null (dl_session_get_selected_event (session));

  dl_session_set_dataset (session, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 0);
}

static void
test_select_and_step (void)
{
  g_autoptr(DlSession) session = dl_session_new ();
  GListModel *events = dl_session_get_events (session);
  guint notified = 0;
  guint n;

  dl_session_set_dataset (session, bundled);
  n = g_list_model_get_n_items (events);
  g_signal_connect (session, "notify::selected-event", G_CALLBACK (count_notify), &notified);

  /* Nothing selected: forward starts at the first, backward at the last. */
  dl_session_step (session, 1);
  g_assert_true (dl_session_get_selected_event (session) == item (events, 0));
  g_assert_cmpuint (notified, ==, 1);
  dl_session_select (session, NULL);
  dl_session_step (session, -1);
  g_assert_true (dl_session_get_selected_event (session) == item (events, n - 1));

  /* Steps stop at the ends. */
  dl_session_step (session, 1);
  g_assert_true (dl_session_get_selected_event (session) == item (events, n - 1));
  dl_session_select_first (session);
  dl_session_step (session, -1);
  g_assert_true (dl_session_get_selected_event (session) == item (events, 0));
  dl_session_step (session, 2);
  g_assert_true (dl_session_get_selected_event (session) == item (events, 2));
  dl_session_step (session, 1000);
  g_assert_true (dl_session_get_selected_event (session) == item (events, n - 1));
  dl_session_select_first (session);
  g_assert_true (dl_session_get_selected_event (session) == item (events, 0));
  dl_session_select_last (session);
  g_assert_true (dl_session_get_selected_event (session) == item (events, n - 1));

  /* Selecting by object finds it wherever it is; the same again notifies
   * nothing. */
  notified = 0;
  g_assert_true (dl_session_select (session, item (events, n / 2)));
  g_assert_true (dl_session_select (session, item (events, n / 2)));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (gtk_single_selection_get_selected (dl_session_get_selection (session)) == n / 2);

  /* The property is the same selection. */
  {
    g_autoptr(DlEvent) selected = NULL;

    g_object_get (session, "selected-event", &selected, NULL);
    g_assert_true (selected == item (events, n / 2));
  }
  g_object_set (session, "selected-event", NULL, NULL);
  g_assert_null (dl_session_get_selected_event (session));
}

static void
test_filters (void)
{
  g_autoptr(DlSession) session = dl_session_new ();
  GListModel *events = dl_session_get_events (session);
  DlEvent *school = dl_dataset_lookup_event (bundled, "school-strike-gaza-city");
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) hidden = NULL;
  guint filters_changed = 0;
  guint selection_notified = 0;
  guint total, strikes = 0;

  g_assert_nonnull (school);
  dl_session_set_dataset (session, bundled);
  total = g_list_model_get_n_items (events);
  for (guint i = 0; i < total; i++)
    strikes += g_str_equal (dl_event_get_category (item (events, i)), "strike");
  g_assert_cmpuint (strikes, >, 0);
  g_assert_cmpuint (strikes, <, total);

  categories = dl_session_dup_categories (session);
  g_assert_true (g_strv_contains ((const char * const *) categories, "strike"));
  for (guint i = 1; categories[i] != NULL; i++)
    g_assert_cmpint (dl_category_compare (categories[i - 1], categories[i]), <, 0);

  g_signal_connect (session, "filters-changed", G_CALLBACK (count_signal), &filters_changed);
  g_signal_connect (session, "notify::selected-event", G_CALLBACK (count_notify), &selection_notified);
  g_assert_true (dl_session_select (session, school));

  /* Hiding a category hides its events and drops a selection among them. */
  dl_session_set_category_visible (session, "strike", FALSE);
  g_assert_cmpuint (filters_changed, ==, 1);
  g_assert_false (dl_session_get_category_visible (session, "strike"));
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, total - strikes);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    g_assert_cmpstr (dl_event_get_category (item (events, i)), !=, "strike");
  g_assert_null (dl_session_get_selected_event (session));
  g_assert_cmpuint (selection_notified, ==, 2);
  g_assert_false (dl_session_select (session, school));
  g_assert_cmpuint (dl_session_get_n_events (session), ==, total);

  /* Hiding it again changes nothing. */
  dl_session_set_category_visible (session, "strike", FALSE);
  g_assert_cmpuint (filters_changed, ==, 1);
  hidden = dl_session_dup_hidden_categories (session);
  g_assert_cmpuint (g_strv_length (hidden), ==, 1);
  g_assert_cmpstr (hidden[0], ==, "strike");

  dl_session_show_all (session);
  g_assert_cmpuint (filters_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, total);
  g_assert_true (dl_session_select (session, school));

  /* An event stays while one of its passages comes from a shown source. */
  {
    g_autoptr(GPtrArray) ids = dl_event_dup_source_ids (school);
    g_auto(GStrv) hidden_sources = NULL;

    g_assert_cmpuint (ids->len, >=, 2);
    dl_session_set_source_visible (session, g_ptr_array_index (ids, 0), FALSE);
    g_assert_true (dl_session_get_selected_event (session) == school);
    for (guint i = 1; i < ids->len; i++)
      dl_session_set_source_visible (session, g_ptr_array_index (ids, i), FALSE);
    g_assert_null (dl_session_get_selected_event (session));
    g_assert_false (dl_session_get_source_visible (session, g_ptr_array_index (ids, 0)));
    hidden_sources = dl_session_dup_hidden_sources (session);
    g_assert_cmpuint (g_strv_length (hidden_sources), ==, ids->len);
    for (guint i = 1; hidden_sources[i] != NULL; i++)
      g_assert_cmpint (strcmp (hidden_sources[i - 1], hidden_sources[i]), <, 0);
  }

  /* A restored view sets both at once. */
  filters_changed = 0;
  {
    const char *restore_categories[] = { "strike", NULL };

    dl_session_set_hidden (session, restore_categories, NULL);
    g_assert_cmpuint (filters_changed, ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (events), ==, total - strikes);
  }

  /* A new dataset starts with everything shown. */
  dl_session_set_dataset (session, NULL);
  dl_session_set_dataset (session, bundled);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, total);
  g_assert_true (dl_session_get_category_visible (session, "strike"));
}

static void
test_search (void)
{
  g_autoptr(DlSession) session = dl_session_new ();
  GListModel *events = dl_session_get_events (session);
  GListModel *results = dl_session_get_results (session);
  guint notified = 0;
  guint n;

  dl_session_set_dataset (session, bundled);
  g_signal_connect (session, "notify::query", G_CALLBACK (count_notify), &notified);

  /* No query: every shown event, to browse. */
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, g_list_model_get_n_items (events));

  dl_session_set_query (session, "school");
  g_assert_cmpstr (dl_session_get_query (session), ==, "school");
  g_assert_cmpuint (notified, ==, 1);
  n = g_list_model_get_n_items (results);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, g_list_model_get_n_items (events));
  for (guint i = 0; i < n; i++)
    g_assert_true (dl_event_matches (item (results, i), "school"));

  /* Results are among the shown events. */
  dl_session_set_category_visible (session, "strike", FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    g_assert_cmpstr (dl_event_get_category (item (results, i)), !=, "strike");
  g_assert_cmpuint (g_list_model_get_n_items (results), <, n);

  dl_session_set_query (session, "school");
  g_assert_cmpuint (notified, ==, 1);
  dl_session_set_query (session, "no such words anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
  g_assert_true (dl_session_get_results (session) == results);
}

/* The results are exactly the shown events that dl_event_matches() finds,
 * in time order, however the query is reached: typing (where the session
 * only looks among the last results), deleting, with filters changing,
 * and after an edit that changes what an event says or its category. */
static void
check_results (DlSession *session)
{
  GListModel *events = dl_session_get_events (session);
  GListModel *results = dl_session_get_results (session);
  const char *query = dl_session_get_query (session);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      DlEvent *event = item (events, i);

      if (dl_event_matches (event, query))
        {
          g_assert_cmpuint (n, <, g_list_model_get_n_items (results));
          g_assert_true (item (results, n) == event);
          n++;
        }
    }
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (results));
}

static void
test_search_as_typed (void)
{
  g_autoptr(DlDataset) dataset = dl_test_load_bundled ();
  g_autoptr(DlSession) session = dl_session_new ();
  static const char *typed = "Israeli strike";
  g_autoptr(GError) error = NULL;
  g_autoptr(DlSource) source = NULL;
  DlEvent *event;
  guint before;

  dl_session_set_dataset (session, dataset);
  for (guint len = 1; len <= strlen (typed); len++)
    {
      g_autofree char *query = g_strndup (typed, len);

      dl_session_set_query (session, query);
      check_results (session);
    }
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_results (session)), >, 0);
  for (guint len = strlen (typed); len > 0; len--)
    {
      g_autofree char *query = g_strndup (typed, len - 1);

      dl_session_set_query (session, query);
      check_results (session);
    }

  dl_session_set_query (session, "gaza");
  check_results (session);
  before = g_list_model_get_n_items (dl_session_get_results (session));
  dl_session_set_category_visible (session, "strike", FALSE);
  check_results (session);
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_results (session)), <, before);
  dl_session_set_query (session, "gaza city");
  check_results (session);
  source = g_list_model_get_item (dl_dataset_get_sources (dataset), 0);
  dl_session_set_source_visible (session, dl_source_get_id (source), FALSE);
  check_results (session);
  dl_session_show_all (session);
  check_results (session);
  /* A query found before the filters changed is looked for again. */
  dl_session_set_query (session, "gaza");
  check_results (session);

  /* An edit: an event says a new word, then changes category. */
  event = item (dl_session_get_events (session), 3);
  dl_session_set_query (session, "zanzibar");
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_results (session)), ==, 0);
  g_assert_true (dl_edit_stack_set_event_text (dl_session_get_edit_stack (session), event, DL_EVENT_FIELD_TITLE,
                                               "Talks in Zanzibar", FALSE, &error));
  g_assert_no_error (error);
  check_results (session);
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_results (session)), ==, 1);
  dl_session_set_category_visible (session, "zanzibar-talks", FALSE);
  g_assert_true (dl_edit_stack_set_event_text (dl_session_get_edit_stack (session), event, DL_EVENT_FIELD_CATEGORY,
                                               "zanzibar-talks", FALSE, &error));
  g_assert_no_error (error);
  check_results (session);
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_results (session)), ==, 0);
  g_assert_true (dl_edit_stack_undo (dl_session_get_edit_stack (session)));
  check_results (session);
  g_assert_cmpuint (g_list_model_get_n_items (dl_session_get_results (session)), ==, 1);
}

static void
test_visible_range (void)
{
  g_autoptr(DlSession) session = dl_session_new ();
  guint starts = 0, ends = 0;
  gint64 start, end;

  g_signal_connect (session, "notify::visible-start", G_CALLBACK (count_notify), &starts);
  g_signal_connect (session, "notify::visible-end", G_CALLBACK (count_notify), &ends);

  dl_session_set_visible_range (session, 1000, 2000);
  dl_session_get_visible_range (session, &start, &end);
  g_assert_cmpint (start, ==, 1000);
  g_assert_cmpint (end, ==, 2000);
  g_assert_cmpuint (starts, ==, 1);
  g_assert_cmpuint (ends, ==, 1);

  /* Only what changed is notified. */
  dl_session_set_visible_range (session, 1000, 2000);
  dl_session_set_visible_range (session, 1000, 3000);
  g_assert_cmpuint (starts, ==, 1);
  g_assert_cmpuint (ends, ==, 2);

  g_object_set (session, "visible-start", (gint64) 5000, NULL);
  dl_session_get_visible_range (session, &start, &end);
  g_assert_cmpint (start, ==, 5000);
  g_assert_cmpint (end, >, start);
}

/* The bundled dataset spans ten months but most of it is 15–20 August
 * 2024: the first window is that week, not the whole span. */
static void
test_focus_bundled (void)
{
  g_autoptr(DlSession) session = dl_session_new ();
  gint64 start, end;

  g_assert_false (dl_session_get_focus_range (session, &start, &end));

  dl_session_set_dataset (session, bundled);
  g_assert_true (dl_session_get_focus_range (session, &start, &end));
  g_assert_cmpint (start, <=, parse_day ("2024-08-18"));
  g_assert_cmpint (end, >=, parse_day ("2024-08-21"));
  g_assert_cmpint (end - start, >=, 7 * DAY);
  g_assert_cmpint (end - start, <=, 12 * DAY);

  /* Without the August strikes and aid events the focus moves. */
  dl_session_set_category_visible (session, "strike", FALSE);
  g_assert_true (dl_session_get_focus_range (session, &start, &end));
  g_assert_cmpint (end - start, >=, 7 * DAY);
}

static void
test_focus_spread_and_few (void)
{
  const char *few[] = { "2020-01-01", "2020-06-01", "2021-01-01", NULL };
  const char *month[] = { "2024-03-01", "2024-03-04", "2024-03-07", "2024-03-10", "2024-03-13", "2024-03-16",
                          "2024-03-19", "2024-03-22", "2024-03-25", "2024-03-28", NULL };
  const char *busy_day[] = { "1999", "2024-05-05", "2024-05-05", "2024-05-05", "2024-05-05", "2024-05-05",
                             "2030-01-01", NULL };
  const char *undated[] = { "../2024-08", "2024-08/..", NULL };
  g_autoptr(DlSession) session = dl_session_new ();
  g_autoptr(DlDataset) few_dataset = dataset_of_days (few);
  g_autoptr(DlDataset) month_dataset = dataset_of_days (month);
  g_autoptr(DlDataset) busy_dataset = dataset_of_days (busy_day);
  g_autoptr(DlDataset) undated_dataset = dataset_of_days (undated);
  gint64 start, end;

  /* Few events: all of them. */
  dl_session_set_dataset (session, few_dataset);
  g_assert_true (dl_session_get_focus_range (session, &start, &end));
  g_assert_cmpint (start, <=, parse_day ("2020-01-01"));
  g_assert_cmpint (end, >=, parse_day ("2021-01-01"));

  /* Spread evenly: most of the span, not one week of it. */
  dl_session_set_dataset (session, month_dataset);
  g_assert_true (dl_session_get_focus_range (session, &start, &end));
  g_assert_cmpint (end - start, >=, 20 * DAY);
  g_assert_cmpint (start, >=, parse_day ("2024-02-27"));
  g_assert_cmpint (end, <=, parse_day ("2024-04-01"));

  /* One busy day among outliers: a week around it. */
  dl_session_set_dataset (session, busy_dataset);
  g_assert_true (dl_session_get_focus_range (session, &start, &end));
  g_assert_cmpint (start, <, parse_day ("2024-05-05"));
  g_assert_cmpint (end, >, parse_day ("2024-05-06"));
  g_assert_cmpint (end - start, <=, 10 * DAY);

  /* Nothing with a bounded time: no focus. */
  dl_session_set_dataset (session, undated_dataset);
  g_assert_false (dl_session_get_focus_range (session, &start, &end));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  bundled = dl_test_load_bundled ();

  g_test_add_func ("/session/events-in-time-order", test_events_in_time_order);
  g_test_add_func ("/session/select-and-step", test_select_and_step);
  g_test_add_func ("/session/filters", test_filters);
  g_test_add_func ("/session/search", test_search);
  g_test_add_func ("/session/search-as-typed", test_search_as_typed);
  g_test_add_func ("/session/visible-range", test_visible_range);
  g_test_add_func ("/session/focus-bundled", test_focus_bundled);
  g_test_add_func ("/session/focus-spread-and-few", test_focus_spread_and_few);

  status = g_test_run ();
  g_object_unref (bundled);
  return status;
}
