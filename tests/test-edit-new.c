/* test-edit-new.c: a dataset made from nothing, with real input
 *
 * Ctrl+N makes a dataset in a folder of its own; Ctrl+Shift+O adds two of
 * the bundled articles through the file chooser (its location typed, as a
 * person would), each given a title and a publication date in the dialog
 * that asks; a file that is not UTF-8 is refused with its name and the
 * place in it; adding is undone and redone; Ctrl+S writes the articles
 * beside the dataset, which loads again. Every press and click is an X event
 * sent with XTest (tests/dl-xtest.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "dl-article-dialog.h"
#include "dl-article-view.h"
#include "dl-claim-dialog.h"
#include "dl-claims.h"
#include "dl-event-editor.h"
#include "dl-event-panel.h"
#include "dl-narrative-editor.h"
#include "dl-new-dataset-dialog.h"
#include "dl-sketch.h"
#include "dl-test-util.h"
#include "dl-window.h"
#include "dl-xtest.h"

static DlWindow *window;
static char *home;   /* the test's $HOME: where New Dataset makes it */
static char *in_dir; /* the files to add */
/* What the school strike took a person: keys (a chord is one), clicks, drags. */
static guint n_keys, n_clicks, n_drags;
static guint strike_keys, strike_clicks, strike_drags;

/* Helpers */

static void
key (GtkWidget      *widget,
     guint           keyval,
     GdkModifierType mods)
{
  dl_xtest_key (widget, keyval, mods);  /* holds @widget should the key close it */
  n_keys++;
  dl_test_wait_ms (150);
}

static void
type (GtkWidget  *widget,
      const char *text)
{
  dl_xtest_type (widget, text);
  n_keys += (guint) g_utf8_strlen (text, -1);
  dl_test_wait_ms (150);
}

static gboolean
toplevel_shown (gpointer data)
{
  return dl_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static GtkWidget *
wait_for_toplevel (GType type)
{
  g_assert_true (dl_test_wait_until (toplevel_shown, GSIZE_TO_POINTER (type), 10000));
  dl_test_wait_ms (300);  /* mapped and focused */
  return dl_test_find_toplevel (type);
}

static gboolean
toplevel_gone (gpointer data)
{
  return dl_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
click_center (GtkWidget *widget)
{
  /* Where the pointer will go: a form still being laid out, or scrolled,
   * would take the click elsewhere. */
  g_assert_true (dl_test_wait_pickable (widget, 3000));
  dl_xtest_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
  n_clicks++;
  dl_test_wait_ms (150);
}

/* Ctrl+Shift+O, then the file's location typed into the file chooser. */
static void
choose_file (const char *name)
{
  g_autofree char *path = g_build_filename (in_dir, name, NULL);
  GtkWidget *chooser;

  key (GTK_WIDGET (window), GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  key (chooser, GDK_KEY_l, GDK_CONTROL_MASK);
  type (chooser, path);
  key (chooser, GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 5000));
}

/* The dialog that asks: a title typed over the one suggested, a date. */
static void
answer_article_dialog (const char *title,
                       const char *published)
{
  GtkWidget *dialog = wait_for_toplevel (DL_TYPE_ARTICLE_DIALOG);
  GtkWidget *title_row = dl_test_find_row (dialog, ADW_TYPE_ENTRY_ROW, "Title");
  GtkWidget *date_row = dl_test_find_row (dialog, ADW_TYPE_ENTRY_ROW, "Published (EDTF)");

  g_assert_nonnull (title_row);
  g_assert_nonnull (date_row);
  click_center (title_row);
  key (dialog, GDK_KEY_a, GDK_CONTROL_MASK);
  type (dialog, title);
  click_center (date_row);
  key (dialog, GDK_KEY_a, GDK_CONTROL_MASK);
  type (dialog, published);
  dl_test_save_png (dialog, NULL, "edit-new-article-dialog.png");
  key (dialog, GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (DL_TYPE_ARTICLE_DIALOG), 5000));
  dl_test_wait_ms (200);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (from, &data, &len, NULL));
  g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
}

static char *
bundled_article (const char *name)
{
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  g_autoptr(GFile) parent = g_file_get_parent (bundled);
  g_autofree char *dir = g_file_get_path (parent);

  return g_build_filename (dir, "articles", name, NULL);
}

static DlDataset *
dataset (void)
{
  return dl_window_get_dataset (window);
}

static guint
n_sources (void)
{
  return g_list_model_get_n_items (dl_dataset_get_sources (dataset ()));
}

/* Tests */

static void
test_new_dataset (void)
{
  g_autofree char *path = g_build_filename (home, "My strikes", "My strikes.dateline.json", NULL);
  GtkWidget *dialog;
  GtkWidget *add;
  GtkWidget *chooser;

  g_assert_true (dl_xtest_available ());
  g_assert_null (dataset ());

  key (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK);
  dialog = wait_for_toplevel (DL_TYPE_NEW_DATASET_DIALOG);
  g_assert_nonnull (dialog);
  type (dialog, "My strikes");
  dl_test_save_png (dialog, NULL, "edit-new-dataset-dialog.png");
  key (dialog, GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (DL_TYPE_NEW_DATASET_DIALOG), 5000));
  dl_test_wait_ms (300);

  g_assert_nonnull (dataset ());
  g_assert_cmpstr (dl_dataset_get_title (dataset ()), ==, "My strikes");
  g_assert_cmpuint (n_sources (), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (dl_edit_stack_get_modified (dl_session_get_edit_stack (dl_window_get_session (window))));
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-new-empty.png");

  /* The overview says what comes next, with the button that does it (it
   * said to select an event, and only a toast offered Add Articles). */
  add = dl_test_find_button (dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_PANEL), "_Add Articles…");
  g_assert_nonnull (add);
  click_center (add);
  chooser = wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  key (chooser, GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 5000));
  g_assert_cmpuint (n_sources (), ==, 0);
}

static void
test_add_article (void)
{
  GtkWidget *article = dl_window_get_article_view (window);
  g_autofree char *one = g_build_filename (in_dir, "strike.txt", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  DlSource *source;
  const DlText *text;

  /* Its title typed over the suggested one, a date. */
  choose_file ("strike.txt");
  answer_article_dialog ("Strike on a school", "2024-08-20");
  g_assert_cmpuint (n_sources (), ==, 1);
  source = dl_article_view_get_source (DL_ARTICLE_VIEW (article));
  g_assert_nonnull (source);
  g_assert_cmpstr (dl_source_get_title (source), ==, "Strike on a school");
  g_assert_cmpstr (dl_source_get_published_text (source), ==, "2024-08-20");
  g_assert_cmpstr (dl_source_get_file (source), ==, "articles/strike.txt");
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "article");
  g_assert_true (g_file_get_contents (one, &data, &len, NULL));
  text = dl_source_get_text (source);
  g_assert_cmpuint (dl_text_get_size (text), ==, len);
  g_assert_true (memcmp (dl_text_get_data (text), data, len) == 0);
}

/* Drags over @words inside @passage (which the article view shows). */
static void
select_words (const char *passage,
              const char *words)
{
  GtkWidget *article = dl_window_get_article_view (window);
  GtkTextView *view = dl_article_view_get_text_view (DL_ARTICLE_VIEW (article));
  const DlText *text = dl_source_get_text (dl_article_view_get_source (DL_ARTICLE_VIEW (article)));
  const char *found = strstr (dl_text_get_data (text), passage);
  GtkTextIter a, b;
  guint start, end;

  g_assert_nonnull (found);
  found = strstr (found, words);
  g_assert_nonnull (found);
  start = dl_text_byte_to_char (text, (gsize) (found - dl_text_get_data (text)));
  end = start + (guint) g_utf8_strlen (words, -1);
  dl_xtest_select_text (view, start, end);
  n_drags++;
  dl_test_wait_ms (200);
  g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (view), &a, &b));
  g_assert_cmpint (gtk_text_iter_get_offset (&a), ==, start);
  g_assert_cmpint (gtk_text_iter_get_offset (&b), ==, end);
}

#define PASSAGE_12 "an Israeli air strike on Tuesday killed at least 12 people at a school-turned-shelter in Gaza City"
#define PASSAGE_10 "An Israeli airstrike on Tuesday killed at least 10 people at a school-turned-shelter in Gaza City"

/* An event from a passage; "at least 12" in it made a claim on a new topic. */
static void
test_claim (void)
{
  GtkWidget *dialog;
  DlEvent *event;
  const DlClaim *claim;
  guint keys = n_keys, clicks = n_clicks, drags = n_drags;

  select_words (PASSAGE_12, PASSAGE_12);
  key (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  event = dl_window_get_selected_event (window);
  g_assert_nonnull (event);
  key (GTK_WIDGET (window), GDK_KEY_a, GDK_CONTROL_MASK);
  type (GTK_WIDGET (window), "School strike");
  g_assert_cmpstr (dl_event_get_title (event), ==, "School strike");

  /* Back to the passage in its article. */
  dl_window_show_excerpt (window, 0);
  dl_test_wait_ms (300);
  select_words (PASSAGE_12, "at least 12");
  key (GTK_WIDGET (window), GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = wait_for_toplevel (DL_TYPE_CLAIM_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dl_test_find_row (dialog, ADW_TYPE_ENTRY_ROW, "Value"))), ==, "12");
  /* The dataset has no topic yet: a new one, named as a reader would. */
  type (dialog, "Killed at the school");
  dl_test_save_png (dialog, NULL, "edit-new-claim-dialog.png");
  key (dialog, GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (DL_TYPE_CLAIM_DIALOG), 5000));

  g_assert_cmpuint (dl_event_get_n_claims (event), ==, 1);
  claim = dl_event_get_claim (event, 0);
  g_assert_cmpstr (claim->topic, ==, "killed-at-the-school");
  g_assert_cmpstr (claim->value_text, ==, "12");
  g_assert_true (claim->numeric);
  g_assert_cmpstr (claim->qualifier, ==, "at least");
  g_assert_cmpuint (claim->excerpt, ==, 0);
  g_assert_false (dl_dataset_topic_disagrees (dataset (), "killed-at-the-school"));
  /* Its label as typed, kept in the dataset's topics. */
  g_assert_nonnull (dl_dataset_lookup_topic (dataset (), "killed-at-the-school"));
  g_assert_cmpstr (dl_dataset_lookup_topic (dataset (), "killed-at-the-school")->label, ==, "Killed at the school");
  strike_keys += n_keys - keys;
  strike_clicks += n_clicks - clicks;
  strike_drags += n_drags - drags;
}

static void
test_add_second_article (void)
{
  GtkWidget *article = dl_window_get_article_view (window);
  DlSource *source;

  /* Published on an uncertain date. */
  choose_file ("talks.txt");
  answer_article_dialog ("Ceasefire talks", "2024-08-21?");
  g_assert_cmpuint (n_sources (), ==, 2);
  source = dl_article_view_get_source (DL_ARTICLE_VIEW (article));
  g_assert_cmpstr (dl_source_get_title (source), ==, "Ceasefire talks");
  g_assert_cmpstr (dl_source_get_published_text (source), ==, "2024-08-21?");
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-new-articles.png");
}

/* The other article's passage added to the event; its "at least 10" on the
 * same topic: the sources disagree, and the event panel says so at once. */
static void
test_disagreement (void)
{
  DlEvent *event = dl_window_get_selected_event (window);
  GtkWidget *dialog;
  GtkWidget *label_row;
  g_autofree char *panel = NULL;
  guint keys = n_keys, clicks = n_clicks, drags = n_drags;

  g_assert_cmpstr (dl_event_get_title (event), ==, "School strike");
  select_words (PASSAGE_10, PASSAGE_10);
  key (GTK_WIDGET (window), GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (dl_event_get_n_excerpts (event), ==, 2);

  select_words (PASSAGE_10, "at least 10");
  key (GTK_WIDGET (window), GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  dialog = wait_for_toplevel (DL_TYPE_CLAIM_DIALOG);
  /* The event's topic is chosen, the value and qualifier read; its label
   * corrected, for every claim on it, then Enter. */
  label_row = dl_test_find_row (dialog, ADW_TYPE_ENTRY_ROW, "Topic label, as a reader would say it");
  g_assert_nonnull (label_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label_row)), ==, "Killed at the school");
  click_center (label_row);
  key (dialog, GDK_KEY_a, GDK_CONTROL_MASK);
  type (dialog, "Killed at the Mustafa Hafez school");
  key (dialog, GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (DL_TYPE_CLAIM_DIALOG), 5000));

  g_assert_cmpuint (dl_event_get_n_claims (event), ==, 2);
  g_assert_cmpstr (dl_event_get_claim (event, 1)->topic, ==, "killed-at-the-school");
  g_assert_cmpstr (dl_event_get_claim (event, 1)->value_text, ==, "10");
  g_assert_cmpuint (dl_event_get_claim (event, 1)->excerpt, ==, 1);
  g_assert_true (dl_dataset_topic_disagrees (dataset (), "killed-at-the-school"));
  g_assert_cmpstr (dl_dataset_lookup_topic (dataset (), "killed-at-the-school")->label, ==,
                   "Killed at the Mustafa Hafez school");
  panel = dl_test_widget_text (dl_window_get_details (window));
  g_assert_nonnull (strstr (panel, "Sources disagree"));
  /* The disagreement is shown under the label as corrected. */
  g_assert_nonnull (strstr (panel, "Killed at the Mustafa Hafez school"));

  strike_keys += n_keys - keys;
  strike_clicks += n_clicks - clicks;
  strike_drags += n_drags - drags;
  key (GTK_WIDGET (window), GDK_KEY_Left, GDK_ALT_MASK);
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-new-disagreement.png");
}

/* An event from a passage of the article published "2024-08-21?" that says
 * "on Tuesday": the editor proposes the date, one click uses it. */
static void
test_date_from_passage (void)
{
  const char *passage = "Blinken continued his diplomatic push for a Gaza cease-fire on Tuesday";
  GtkWidget *editor;
  GtkWidget *use;
  DlEvent *event;

  /* The second article again, through the school strike's passage in it. */
  dl_window_show_excerpt (window, 1);
  dl_test_wait_ms (300);
  select_words (passage, passage);

  key (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  event = dl_window_get_selected_event (window);
  g_assert_nonnull (event);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  /* Dated as published until the date is set. */
  g_assert_cmpstr (dl_event_get_when_text (event), ==, "2024-08-21?");

  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  use = dl_test_find_button (editor, "_Use");
  g_assert_nonnull (use);
  g_assert_true (gtk_widget_get_mapped (use));
  g_assert_true (gtk_widget_get_sensitive (use));
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-new-date-helper.png");
  click_center (use);

  /* The Tuesday before, as unsure as the publication date; the basis says so. */
  g_assert_cmpstr (dl_event_get_when_text (event), ==, "2024-08-20?");
  g_test_message ("when_basis: %s", dl_event_get_when_basis (event));
  g_assert_nonnull (strstr (dl_event_get_when_basis (event), "“on Tuesday”"));
  g_assert_nonnull (strstr (dl_event_get_when_basis (event), "[a001]"));
  g_assert_false (gtk_widget_get_sensitive (use));

  /* One undo takes both back. */
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (dl_event_get_when_text (event), ==, "2024-08-21?");
  g_assert_null (dl_event_get_when_basis (event));
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_event_get_when_text (event), ==, "2024-08-20?");
}

/* Undone step by step back to one article; redone, all is back. */
static void
test_undo (void)
{
  GListModel *events = dl_dataset_get_events (dataset ());

  /* The date, then the event made for it. */
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  /* The second claim: no disagreement left. */
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_false (dl_dataset_topic_disagrees (dataset (), "killed-at-the-school"));
  /* Its passage, then the article (and the view with it). */
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_sources (), ==, 2);
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_sources (), ==, 1);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), !=, "article");

  for (guint i = 0; i < 5; i++)
    key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpuint (n_sources (), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  g_assert_true (dl_dataset_topic_disagrees (dataset (), "killed-at-the-school"));
}

static DlEvent *
event_titled (const char *prefix)
{
  GListModel *events = dl_dataset_get_events (dataset ());

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      if (g_str_has_prefix (dl_event_get_title (event), prefix))
        return event;
    }
  g_assert_not_reached ();
}

/* The drag handle of the @index-th step row below @widget, or NULL. */
static GtkWidget *
find_drag_handle (GtkWidget *widget,
                  guint     *index)
{
  if (GTK_IS_IMAGE (widget) && g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "list-drag-handle-symbolic") == 0)
    {
      if (*index == 0)
        return widget;
      (*index)--;
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drag_handle (child, index);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
drag_handle (GtkWidget *editor,
             guint      index)
{
  GtkWidget *handle = find_drag_handle (editor, &index);

  g_assert_nonnull (handle);
  return handle;
}

static void
assert_steps (DlEvent *first,
              DlEvent *second)
{
  const DlNarrative *narrative = dl_dataset_get_narrative (dataset (), 0);

  g_assert_cmpuint (narrative->steps->len, ==, 2);
  g_assert_true (g_array_index (narrative->steps, DlNarrativeStep, 0).event == first);
  g_assert_true (g_array_index (narrative->steps, DlNarrativeStep, 1).event == second);
}

/* A two-step narrative: made from the selected event, the other added with
 * its button, moved first with Alt+Up, given a caption with Enter, and
 * dragged back by its handle. */
static void
test_narrative (void)
{
  DlEvent *strike = event_titled ("School strike");
  DlEvent *talks = event_titled ("Blinken");
  const DlNarrative *narrative;
  GtkWidget *editor;
  GtkWidget *row;

  g_assert_true (dl_window_select_event (window, dl_event_get_id (strike)));
  key (GTK_WIDGET (window), GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  editor = wait_for_toplevel (DL_TYPE_NARRATIVE_EDITOR);
  row = dl_test_find_row (editor, ADW_TYPE_ENTRY_ROW, "New narrative, starting with the selected event");
  g_assert_nonnull (row);
  click_center (row);
  type (editor, "The strike and the talks");
  key (editor, GDK_KEY_Return, 0);
  g_assert_cmpuint (dl_dataset_get_n_narratives (dataset ()), ==, 1);
  narrative = dl_dataset_get_narrative (dataset (), 0);
  g_assert_cmpstr (narrative->title, ==, "The strike and the talks");
  g_assert_cmpuint (narrative->steps->len, ==, 1);
  g_assert_true (g_array_index (narrative->steps, DlNarrativeStep, 0).event == strike);

  g_assert_true (dl_window_select_event (window, dl_event_get_id (talks)));
  dl_test_wait_ms (300);
  click_center (dl_test_find_button (editor, "_Add the Selected Event"));
  g_assert_cmpuint (narrative->steps->len, ==, 2);
  g_assert_true (g_array_index (narrative->steps, DlNarrativeStep, 1).event == talks);

  /* The new step has the focus: Alt+Up moves it first, the focus with it. */
  key (editor, GDK_KEY_Up, GDK_ALT_MASK);
  narrative = dl_dataset_get_narrative (dataset (), 0);
  g_assert_true (g_array_index (narrative->steps, DlNarrativeStep, 0).event == talks);
  g_assert_true (g_array_index (narrative->steps, DlNarrativeStep, 1).event == strike);

  /* Its caption, typed where the focus is, applied with Enter. */
  type (editor, "Talks went on.");
  key (editor, GDK_KEY_Return, 0);
  narrative = dl_dataset_get_narrative (dataset (), 0);
  g_assert_cmpstr (g_array_index (narrative->steps, DlNarrativeStep, 0).caption, ==, "Talks went on.");
  dl_test_save_png (editor, NULL, "edit-new-narrative.png");

  /* Undone from the main window, and redone. */
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  narrative = dl_dataset_get_narrative (dataset (), 0);
  g_assert_null (g_array_index (narrative->steps, DlNarrativeStep, 0).caption);
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  narrative = dl_dataset_get_narrative (dataset (), 0);
  g_assert_cmpstr (g_array_index (narrative->steps, DlNarrativeStep, 0).caption, ==, "Talks went on.");

  /* The second step dragged by its handle onto the first row, in steps as a
   * hand moves: the strike first again, the caption with its step. The
   * editor raised first: Ctrl+Z went to the main window, which covers it. */
  gtk_window_present (GTK_WINDOW (editor));
  dl_test_wait_ms (300);
  {
    GtkWidget *handle = drag_handle (editor, 1);
    GtkWidget *first_row = gtk_widget_get_ancestor (drag_handle (editor, 0), ADW_TYPE_ENTRY_ROW);
    graphene_point_t from, to;

    g_assert_true (gtk_widget_compute_point (handle, editor,
                                             &GRAPHENE_POINT_INIT (gtk_widget_get_width (handle) / 2.0,
                                                                   gtk_widget_get_height (handle) / 2.0), &from));
    g_assert_true (gtk_widget_compute_point (first_row, editor,
                                             &GRAPHENE_POINT_INIT (gtk_widget_get_width (first_row) / 2.0,
                                                                   gtk_widget_get_height (first_row) / 3.0), &to));
    g_assert_cmpfloat (to.y, <, from.y);
    dl_xtest_drag (editor, from.x, from.y, to.x, to.y, 16);
    dl_test_wait_ms (300);
  }
  assert_steps (strike, talks);
  narrative = dl_dataset_get_narrative (dataset (), 0);
  g_assert_cmpstr (g_array_index (narrative->steps, DlNarrativeStep, 1).caption, ==, "Talks went on.");
  dl_test_save_png (editor, NULL, "edit-new-narrative-dragged.png");

  /* One edit: one undo puts it back. */
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_steps (talks, strike);
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  assert_steps (strike, talks);
  key (GTK_WIDGET (window), GDK_KEY_z, GDK_CONTROL_MASK);
  assert_steps (talks, strike);

  gtk_window_close (GTK_WINDOW (editor));
  dl_test_wait_ms (200);
}

/* A Latin-1 file: refused, naming the file and the place in it. */
static gboolean
sketch_is_line (gpointer sketch)
{
  return dl_sketch_get_shape (sketch) == DL_SKETCH_LINE;
}

static void
click_map_at (ShumateMap *map,
              DlLonLat    p)
{
  double x, y;

  shumate_viewport_location_to_widget_coords (shumate_map_get_viewport (map), GTK_WIDGET (map), p.lat, p.lon, &x, &y);
  g_assert_cmpfloat (x, >, 10);
  g_assert_cmpfloat (y, >, 10);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (map)) - 10);
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (map)) - 10);
  dl_xtest_click (GTK_WIDGET (map), x, y);
  n_clicks++;
  /* Apart by more than the double-click time, as a hand's would be. */
  dl_test_wait_ms (500);
}

/* The strike placed by a search typed in Arabic; a third event, from the
 * passage on the Philadelphi corridor, placed by a line drawn on the map
 * along it; saved and read back. */
static void
test_place_and_corridor (void)
{
  const char *passage = "a narrow buffer zone along the Gaza-Egypt border, known as the Philadelphi corridor";
  /* The corridor's ends: Kerem Shalom, and the sea. */
  const DlLonLat from = { 34.267, 31.222 }, to = { 34.218, 31.318 };
  DlEvent *strike = event_titled ("School strike");
  ShumateMap *map = dl_window_get_map (window);
  guint n_events = g_list_model_get_n_items (dl_dataset_get_events (dataset ()));
  const DlLonLat *p;
  GtkWidget *editor;
  DlSketch *sketch;
  DlEvent *corridor;
  DlPlace *place;
  guint keys = n_keys, clicks = n_clicks, drags = n_drags;

  g_assert_true (dl_window_select_event (window, dl_event_get_id (strike)));
  if (!g_str_equal (dl_window_get_sidebar_page (window), "editor"))
    key (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");
  key (GTK_WIDGET (window), GDK_KEY_w, GDK_ALT_MASK);
  type (GTK_WIDGET (window), "غزة");
  dl_test_wait_ms (400);  /* the search waits a little */
  key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  g_assert_cmpuint (dl_event_get_n_places (strike), ==, 1);
  place = dl_event_get_place (strike, 0);
  g_test_message ("placed at %s", dl_place_get_name (place));
  g_assert_cmpstr (dl_place_get_name_for (place, "ar"), ==, "غزة");
  g_assert_cmpfloat (dl_geo_distance_m (dl_geometry_get_anchor (dl_place_get_geometry (place)),
                                        (DlLonLat) { 34.45, 31.50 }), <, 10000);
  /* Issue 12's figure: the event with both passages, both death tolls
   * (a disagreement) and its place; its date is its article's. */
  strike_keys += n_keys - keys;
  strike_clicks += n_clicks - clicks;
  strike_drags += n_drags - drags;
  g_test_message ("making the school strike took %u key presses, %u clicks and %u drags",
                  strike_keys, strike_clicks, strike_drags);

  /* The talks article, through the strike's passage in it. */
  dl_window_show_excerpt (window, 1);
  dl_test_wait_ms (300);
  select_words (passage, passage);
  key (GTK_WIDGET (window), GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  corridor = dl_window_get_selected_event (window);
  g_assert_true (corridor != strike);
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (dataset ())), ==, n_events + 1);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "editor");

  editor = dl_test_find_widget (GTK_WIDGET (window), DL_TYPE_EVENT_EDITOR);
  sketch = dl_event_editor_get_sketch (DL_EVENT_EDITOR (editor));
  /* Where, below: Alt+W goes to its search, which brings the shape
   * buttons into view. */
  key (GTK_WIDGET (window), GDK_KEY_w, GDK_ALT_MASK);
  dl_test_wait_ms (300);
  click_center (dl_test_find_button (editor, "Line"));
  g_assert_true (dl_test_wait_until (sketch_is_line, sketch, 2000));
  shumate_map_go_to_full_with_duration (map, 31.27, 34.24, 11, 0);
  dl_test_wait_ms (500);
  click_map_at (map, from);
  click_map_at (map, to);
  key (GTK_WIDGET (window), GDK_KEY_Return, 0);
  g_assert_cmpuint (dl_event_get_n_places (corridor), ==, 1);
  place = dl_event_get_place (corridor, 0);
  g_assert_cmpstr (dl_place_get_kind (place), ==, "corridor");
  g_assert_cmpint (dl_geometry_get_geometry_type (dl_place_get_geometry (place)), ==, DL_GEOMETRY_LINE_STRING);
  p = dl_geometry_get_positions (dl_place_get_geometry (place));
  g_assert_cmpfloat (dl_geo_distance_m (p[0], from), <, 3 * dl_geo_metres_per_pixel (from.lat, 11));
  g_assert_cmpfloat (dl_geo_distance_m (p[1], to), <, 3 * dl_geo_metres_per_pixel (to.lat, 11));
  dl_test_save_png (GTK_WIDGET (window), NULL, "edit-new-corridor.png");

  /* Saved, and read back: three events, the places with them. */
  key (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dl_test_stack_saved, dl_session_get_edit_stack (dl_window_get_session (window)), 10000));
  {
    g_autofree char *path = g_build_filename (home, "My strikes", "My strikes.dateline.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(DlProblems) problems = dl_problems_new ();
    g_autoptr(DlDataset) saved = dl_dataset_load (file, problems, NULL);
    DlEvent *e;

    g_assert_nonnull (saved);
    g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (saved)), ==, 3);
    e = dl_dataset_lookup_event (saved, dl_event_get_id (strike));
    g_assert_cmpstr (dl_place_get_name_for (dl_event_get_place (e, 0), "ar"), ==, "غزة");
    e = dl_dataset_lookup_event (saved, dl_event_get_id (corridor));
    g_assert_cmpstr (dl_place_get_kind (dl_event_get_place (e, 0)), ==, "corridor");
    g_assert_true (dl_geometry_equal (dl_place_get_geometry (dl_event_get_place (e, 0)), dl_place_get_geometry (place)));
    g_assert_cmpuint (dl_event_get_n_excerpts (e), ==, 1);
    g_assert_cmpstr (dl_event_get_excerpt (e, 0)->exact, ==, passage);
  }
}

static void
test_not_utf8 (void)
{
  GtkWidget *dialog;
  const char *body;

  choose_file ("latin1.txt");
  dialog = wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "latin1.txt"));
  g_assert_nonnull (strstr (body, "line 2, column 4"));
  g_assert_nonnull (strstr (body, "UTF-8"));
  g_assert_null (dl_test_find_toplevel (DL_TYPE_ARTICLE_DIALOG));
  key (dialog, GDK_KEY_Escape, 0);
  g_assert_true (dl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), 5000));
  g_assert_cmpuint (n_sources (), ==, 2);
}

/* Ctrl+S: the articles are copied beside it, and it loads again. */
static void
test_save (void)
{
  g_autofree char *path = g_build_filename (home, "My strikes", "My strikes.dateline.json", NULL);
  g_autofree char *copy = g_build_filename (home, "My strikes", "articles", "talks.txt", NULL);
  g_autofree char *original = g_build_filename (in_dir, "talks.txt", NULL);
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) saved = NULL;
  g_autoptr(DlSource) second = NULL;

  key (GTK_WIDGET (window), GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_true (dl_test_wait_until (dl_test_stack_saved, dl_session_get_edit_stack (dl_window_get_session (window)), 10000));

  g_assert_true (g_file_get_contents (copy, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (original, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);

  saved = dl_dataset_load (file, problems, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (dl_dataset_get_title (saved), ==, "My strikes");
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_sources (saved)), ==, 2);
  second = g_list_model_get_item (dl_dataset_get_sources (saved), 1);
  g_assert_cmpstr (dl_source_get_title (second), ==, "Ceasefire talks");
  g_assert_cmpstr (dl_source_get_published_text (second), ==, "2024-08-21?");
  g_assert_cmpuint (g_list_model_get_n_items (dl_dataset_get_events (saved)), ==, 2);
  g_assert_true (dl_dataset_topic_disagrees (saved, "killed-at-the-school"));
  g_assert_cmpuint (dl_dataset_get_n_narratives (saved), ==, 1);
  g_assert_cmpuint (dl_dataset_get_narrative (saved, 0)->steps->len, ==, 2);
  g_assert_cmpstr (g_array_index (dl_dataset_get_narrative (saved, 0)->steps, DlNarrativeStep, 0).caption, ==,
                   "Talks went on.");
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GFile         *file)
{
  GSList list = { file, NULL };
  GValue value = G_VALUE_INIT;
  GdkContentProvider *content;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, &list);
  content = gdk_content_provider_new_for_value (&value);
  g_value_unset (&value);
  return content;
}

/* A text file dragged from another window onto the main one (X drag and
 * drop, the pointer moved by XTest) is asked about and added. */
static void
test_drop_article (void)
{
  g_autofree char *path = g_build_filename (in_dir, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *source_window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("notes.txt");
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkWidget *dialog;
  g_autoptr(DlSource) added = NULL;
  double x, y;

  g_assert_true (g_file_set_contents (path, "Notes from the briefing\nOn Monday the talks resumed in Cairo.\n", -1, NULL));
  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), file);
  gtk_widget_add_controller (label, GTK_EVENT_CONTROLLER (drag));
  gtk_window_set_child (GTK_WINDOW (source_window), label);
  gtk_window_set_default_size (GTK_WINDOW (source_window), 200, 100);
  gtk_window_present (GTK_WINDOW (source_window));
  dl_test_wait_ms (500);

  /* From the label to the middle of the map, in the main window. */
  {
    int lx, ly, mx, my;

    dl_xtest_to_root (label, gtk_widget_get_width (label) / 2.0, gtk_widget_get_height (label) / 2.0, &lx, &ly);
    dl_xtest_to_root (GTK_WIDGET (dl_window_get_map (window)), gtk_widget_get_width (GTK_WIDGET (dl_window_get_map (window))) / 2.0,
                      gtk_widget_get_height (GTK_WIDGET (dl_window_get_map (window))) / 2.0, &mx, &my);
    x = gtk_widget_get_width (label) / 2.0 + (mx - lx);
    y = gtk_widget_get_height (label) / 2.0 + (my - ly);
  }
  dl_xtest_drag (label, gtk_widget_get_width (label) / 2.0, gtk_widget_get_height (label) / 2.0, x, y, 30);

  dialog = wait_for_toplevel (DL_TYPE_ARTICLE_DIALOG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dl_test_find_row (dialog, ADW_TYPE_ENTRY_ROW, "Title"))), ==, "Notes from the briefing");
  /* A new drop: no date yet. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dl_test_find_row (dialog, ADW_TYPE_ENTRY_ROW, "Published (EDTF)"))), ==, "");
  click_center (dl_test_find_row (dialog, ADW_TYPE_ENTRY_ROW, "Published (EDTF)"));
  type (dialog, "2024-08-19");
  key (dialog, GDK_KEY_Return, 0);
  g_assert_true (dl_test_wait_until (toplevel_gone, GSIZE_TO_POINTER (DL_TYPE_ARTICLE_DIALOG), 5000));

  g_assert_cmpuint (n_sources (), ==, 3);
  added = g_list_model_get_item (dl_dataset_get_sources (dataset ()), 2);
  g_assert_cmpstr (dl_source_get_title (added), ==, "Notes from the briefing");
  g_assert_cmpstr (dl_source_get_file (added), ==, "articles/notes.txt");
  g_assert_cmpstr (dl_source_get_published_text (added), ==, "2024-08-19");

  gtk_window_destroy (GTK_WINDOW (source_window));
  dl_test_wait_ms (200);
}

static GtkWidget *
find_action_row (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* With nothing selected, the overview lists the articles as they are now;
 * a click on one opens it in the article view. */
static void
test_open_article (void)
{
  GtkWidget *details = dl_window_get_details (window);
  GtkWidget *article = dl_window_get_article_view (window);
  g_autofree char *text = NULL;
  GtkWidget *row;

  key (GTK_WIDGET (window), GDK_KEY_Escape, 0);
  key (GTK_WIDGET (window), GDK_KEY_Escape, 0);
  g_assert_null (dl_window_get_selected_event (window));
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "details");
  text = dl_test_widget_text (details);
  g_assert_nonnull (strstr (text, "3 articles"));

  row = find_action_row (details, "Strike on a school");
  g_assert_nonnull (row);
  click_center (row);
  g_assert_cmpstr (dl_window_get_sidebar_page (window), ==, "article");
  g_assert_cmpstr (dl_source_get_title (dl_article_view_get_source (DL_ARTICLE_VIEW (article))), ==,
                   "Strike on a school");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int status;

  /* New Dataset makes it in Documents, else in the home folder: the test's. */
  home = g_dir_make_tmp ("dateline-test-edit-new-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  dl_test_init (&argc, &argv);

  in_dir = g_build_filename (home, "in", NULL);
  g_assert_cmpint (g_mkdir (in_dir, 0755), ==, 0);
  from = bundled_article ("000_f390b9095673a8dc.txt");
  to = g_build_filename (in_dir, "strike.txt", NULL);
  copy_file (from, to);
  g_free (from);
  g_free (to);
  from = bundled_article ("001_1df6439198d76cc7.txt");
  to = g_build_filename (in_dir, "talks.txt", NULL);
  copy_file (from, to);
  g_free (to);
  to = g_build_filename (in_dir, "latin1.txt", NULL);
  g_assert_true (g_file_set_contents (to, "A first line\nCaf\xe9 au lait\n", -1, NULL));

  window = dl_test_window_new ();
  dl_test_wait_ms (500);

  g_test_add_func ("/edit-new/new-dataset", test_new_dataset);
  g_test_add_func ("/edit-new/add-article", test_add_article);
  g_test_add_func ("/edit-new/claim", test_claim);
  g_test_add_func ("/edit-new/add-second-article", test_add_second_article);
  g_test_add_func ("/edit-new/disagreement", test_disagreement);
  g_test_add_func ("/edit-new/date-from-passage", test_date_from_passage);
  g_test_add_func ("/edit-new/undo", test_undo);
  g_test_add_func ("/edit-new/narrative", test_narrative);
  g_test_add_func ("/edit-new/not-utf8", test_not_utf8);
  g_test_add_func ("/edit-new/save", test_save);
  g_test_add_func ("/edit-new/drop-article", test_drop_article);
  g_test_add_func ("/edit-new/open-article", test_open_article);
  g_test_add_func ("/edit-new/place-and-corridor", test_place_and_corridor);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  dl_test_wait_ms (200);

  command = g_strdup_printf ("rm -rf '%s'", home);
  if (system (command) != 0)
    g_printerr ("could not remove %s\n", home);
  g_free (in_dir);
  g_free (home);

  return status;
}
