/* test-suggest-window.c: the events an article suggests, accepted, edited
 * and rejected with real input
 *
 * A copy of the bundled dataset is opened; Ctrl+Shift+G opens Suggest
 * Events on its first dated article. The dialog lists what dl_suggest()
 * finds in that article (compared, not hard-coded); one candidate is
 * accepted by a click, the next by Enter (the keyboard moves on to it),
 * one rejected by a click, one edited (a new title typed) and accepted
 * with Enter. Each accepted one is an event with its passage, date, place
 * and claims; nothing else is added; Ctrl+Z takes the last one back whole.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "dl-gazetteer.h"
#include "dl-suggest.h"
#include "dl-suggest-dialog.h"
#include "dl-test-tree.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

static DlWindow *window;
static char *dir;

static DlSuggestDialog *
suggest_dialog (void)
{
  return dl_test_find_toplevel (DL_TYPE_SUGGEST_DIALOG);
}

static gboolean
dialog_read (gpointer data)
{
  return suggest_dialog () != NULL && dl_suggest_dialog_get_n_suggestions (suggest_dialog ()) >= 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return suggest_dialog () == NULL;
}

static guint
n_events (void)
{
  return g_list_model_get_n_items (dl_dataset_get_events (dl_window_get_dataset (window)));
}

static void
click (GtkWidget *widget)
{
  graphene_rect_t bounds;

  g_assert_nonnull (widget);
  /* Below the fold, as a person would scroll to it. */
  gtk_widget_grab_focus (widget);
  dl_test_wait_ms (200);
  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  dl_xtest_click (widget, bounds.size.width / 2, bounds.size.height / 2);
  dl_test_wait_ms (300);
}

/* The event the dialog made last, checked against its suggestion. */
static DlEvent *
check_event (const DlSuggestion *s,
             DlSource           *source,
             const char         *title)
{
  DlDataset *dataset = dl_window_get_dataset (window);
  /* The window shows the event just made (the user's choice). */
  DlEvent *event = dl_session_get_selected_event (dl_window_get_session (window));
  const DlExcerpt *excerpt;
  DlLonLat at;

  g_assert_nonnull (event);
  g_assert_true (dl_dataset_lookup_event (dataset, dl_event_get_id (event)) == event);

  if (title != NULL)
    g_assert_cmpstr (dl_event_get_title (event), ==, title);
  g_assert_cmpstr (dl_event_get_when_text (event), ==, s->when);
  g_assert_cmpstr (dl_event_get_when_basis (event), ==, s->when_basis);
  g_assert_cmpuint (dl_event_get_n_excerpts (event), ==, 1);
  excerpt = dl_event_get_excerpt (event, 0);
  g_assert_true (excerpt->source == source);
  g_assert_cmpuint (excerpt->start, ==, s->start);
  g_assert_cmpuint (excerpt->end, ==, s->end);
  g_assert_cmpstr (excerpt->exact, ==, s->exact);
  g_assert_cmpuint (dl_event_get_n_places (event), ==, 1);
  g_assert_cmpstr (dl_place_get_name (dl_event_get_place (event, 0)), ==,
                   s->place != NULL ? dl_place_get_name (s->place) : s->place_name);
  at = dl_event_get_anchor (event);
  g_assert_cmpfloat_with_epsilon (at.lon, s->position.lon, 1e-6);
  g_assert_cmpfloat_with_epsilon (at.lat, s->position.lat, 1e-6);
  g_assert_cmpuint (dl_event_get_n_claims (event), ==, s->claims->len);
  for (guint i = 0; i < s->claims->len; i++)
    g_assert_cmpfloat (dl_event_get_claim (event, i)->value, ==,
                       ((DlSuggestedClaim *) g_ptr_array_index (s->claims, i))->value);
  return event;
}

static void
test_accept_edit_reject (void)
{
  DlDataset *dataset = dl_window_get_dataset (window);
  g_autoptr(DlGazetteer) gazetteer = dl_gazetteer_open_default (NULL);
  g_autoptr(GPtrArray) expected = NULL;
  DlSuggestDialog *dialog;
  DlSource *source;
  guint before = n_events (), n;
  GtkWidget *edit_row;
  DlEvent *edited;

  g_assert_nonnull (gazetteer);
  dl_xtest_key (GTK_WIDGET (window), GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_true (dl_test_wait_until (dialog_read, NULL, 20000));
  dl_test_wait_ms (300);
  dialog = suggest_dialog ();
  source = dl_suggest_dialog_get_source (dialog);
  g_assert_nonnull (dl_source_get_published_text (source));

  /* What the rules find in that article, and nothing accepted yet. */
  expected = dl_suggest (dl_text_get_data (dl_source_get_text (source)), dl_source_get_published_text (source),
                         gazetteer, dataset, NULL);
  g_assert_nonnull (expected);
  n = expected->len;
  g_test_message ("%u suggestions in “%s”", n, dl_source_get_title (source));
  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpint (dl_suggest_dialog_get_n_suggestions (dialog), ==, (int) n);
  g_assert_cmpuint (dl_suggest_dialog_get_n_waiting (dialog), ==, n);
  g_assert_cmpuint (n_events (), ==, before);
  {
    g_autofree char *text = dl_test_widget_text (GTK_WIDGET (dialog));
    const DlSuggestion *first = g_ptr_array_index (expected, 0);

    g_assert_nonnull (strstr (text, first->place_name));
    g_assert_nonnull (strstr (text, "Nothing is added until you accept it."));
  }
  dl_test_save_png (GTK_WIDGET (dialog), NULL, "suggest-dialog.png");

  /* Accepted by a click. */
  click (dl_test_find_button (dl_suggest_dialog_get_row (dialog, 0), "_Accept"));
  g_assert_cmpuint (n_events (), ==, before + 1);
  check_event (g_ptr_array_index (expected, 0), source, NULL);

  /* The keyboard is on the next one's Accept: Enter. */
  g_assert_true (gtk_widget_has_focus (dl_test_find_button (dl_suggest_dialog_get_row (dialog, 1), "_Accept")));
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  dl_test_wait_ms (300);
  g_assert_cmpuint (n_events (), ==, before + 2);
  check_event (g_ptr_array_index (expected, 1), source, NULL);

  /* Rejected: nothing added. */
  click (dl_test_find_button (dl_suggest_dialog_get_row (dialog, 2), "_Reject"));
  g_assert_cmpuint (n_events (), ==, before + 2);
  g_assert_cmpuint (dl_suggest_dialog_get_n_waiting (dialog), ==, n - 3);

  /* Edited: a title typed over the proposed one, Enter accepts. */
  edit_row = dl_suggest_dialog_get_row (dialog, 3);
  click (dl_test_find_button (edit_row, "_Edit"));
  g_assert_true (GTK_IS_TEXT (gtk_root_get_focus (GTK_ROOT (dialog))));
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_a, GDK_CONTROL_MASK);
  dl_xtest_type (GTK_WIDGET (dialog), "Edited by hand");
  dl_test_wait_ms (200);
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Return, 0);
  dl_test_wait_ms (300);
  g_assert_cmpuint (n_events (), ==, before + 3);
  edited = check_event (g_ptr_array_index (expected, 3), source, "Edited by hand");
  g_assert_nonnull (edited);
  g_assert_cmpuint (dl_suggest_dialog_get_n_waiting (dialog), ==, n - 4);

  /* Escape closes; Ctrl+Z takes the last one back, whole. */
  dl_xtest_key (GTK_WIDGET (dialog), GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (dialog_gone, NULL, 5000));
  dl_test_wait_ms (200);
  dl_xtest_key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  dl_test_wait_ms (300);
  g_assert_cmpuint (n_events (), ==, before + 2);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);
  window = dl_test_window_new_on_copy ("dateline-test-suggest-window", &dir);

  g_test_add_func ("/suggest-window/accept-edit-reject", test_accept_edit_reject);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));

  dl_test_remove_tree (dir);
  g_free (dir);
  return status;
}
