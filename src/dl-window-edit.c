/* dl-window-edit.c: editing in the window: undo, redo, save, the event
 * editor page, passages from the article view, unsaved changes
 *
 * The edits themselves are the session's edit stack's (dl-edit-stack.h);
 * this file only connects the window's actions and dialogs to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>

#include "dl-widget-action.h"
#include "dl-claim-dialog.h"
#include "dl-claims.h"
#include "dl-narrative-editor.h"
#include "dl-window-private.h"

/* A title made of a passage: its first words, cut at a word. */
#define PASSAGE_TITLE_CHARS 60

/* Helpers */

static DlEditStack *
get_edits (DlWindow *self)
{
  return dl_session_get_edit_stack (self->session);
}

static void
on_toast_dismissed (AdwToast *toast,
                    DlWindow *self)
{
  if (self->toast == toast)
    g_clear_weak_pointer (&self->toast);
}

/* A toast says what the last action did. AdwToastOverlay queues a new
 * toast behind the one shown for its whole timeout, so after three quick
 * undos the window said "Undone: …" of the first for four seconds, then
 * of the others one after another, each about a state long gone. So the
 * note on screen (or waiting) takes the new text, and adding it again
 * starts its timeout again. (Dismissing it for a new one instead crashed
 * libadwaita 1.2 when toasts came faster than its animations.) */
void
_dl_window_toast (DlWindow   *self,
                  const char *text)
{
  AdwToast *t;

  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, text);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->toast));
      return;
    }

  t = adw_toast_new (text);
  adw_toast_set_timeout (t, 4);
  g_set_weak_pointer (&self->toast, t);
  g_signal_connect_object (t, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

GtkWidget *
_dl_window_new_changes_dialog (DlWindow   *self,
                               const char *heading,
                               const char *body,
                               const char *keep_id,
                               const char *keep_label,
                               const char *act_id,
                               const char *act_label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    keep_id, keep_label,
                                    "discard", _("_Discard"),
                                    act_id, act_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), act_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), act_id);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), keep_id);
  return dialog;
}

void
_dl_window_show_error (DlWindow   *self,
                       const char *heading,
                       const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (DlWindow *self)
{
  DlEditStack *edits = get_edits (self);
  gboolean modified = edits != NULL && dl_edit_stack_get_modified (edits);
  DlDataset *dataset = dl_session_get_dataset (self->session);
  g_autofree char *title = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", edits != NULL && dl_edit_stack_can_undo (edits));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", edits != NULL && dl_edit_stack_can_redo (edits));
  /* One save at a time. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", edits != NULL && !dl_edit_stack_is_saving (edits));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", edits != NULL && !dl_edit_stack_is_saving (edits));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-narratives", edits != NULL);

  if (dataset == NULL)
    return;
  /* TRANSLATORS: the window title of a dataset with unsaved changes */
  title = modified ? g_strdup_printf (_("• %s"), dl_dataset_get_title (dataset)) : g_strdup (dl_dataset_get_title (dataset));
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The event panel shows the selected event as it now is. */
static void
on_event_edited (DlWindow *self,
                 DlEvent  *event)
{
  if (event == dl_session_get_selected_event (self->session))
    {
      dl_event_panel_set_event (self->event_panel, NULL);
      dl_event_panel_set_event (self->event_panel, event);
    }
}

static void
on_dataset_changed (DlWindow *self)
{
  DlDataset *dataset = dl_session_get_dataset (self->session);

  g_signal_group_set_target (self->edit_signals, get_edits (self));
  g_signal_group_set_target (self->edited_dataset_signals, dataset);
  update_actions (self);
}

/* Saving */

/* The bundled dataset is the app's: saving it asks for a new file. */
static gboolean
needs_new_file (DlWindow *self)
{
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  GFile *file = dl_dataset_get_file (dl_session_get_dataset (self->session));

  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  /* Not a local file (no path) or the app's own: Save As. */
  return path == NULL || g_file_equal (file, bundled);
}

/* What was to follow the save (closing, another file, New Dataset…)
 * happens once it is written, or not at all. */
static void
clear_after_save (DlWindow *self)
{
  self->close_after_save = FALSE;
  self->then_after_save = NULL;
  g_clear_object (&self->open_after_save);
}

static void save (DlWindow *self);

typedef struct
{
  DlWindow     *window;
  GFile        *file;
  GApplication *app;   /* held: quitting waits for the file */
} Saving;

static void
saving_free (Saving *saving)
{
  if (saving->app != NULL)
    {
      g_application_release (saving->app);
      g_object_unref (saving->app);
    }
  g_object_unref (saving->window);
  g_object_unref (saving->file);
  g_free (saving);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Saving, saving_free)

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Saving) saving = user_data;
  DlWindow *self = saving->window;
  g_autoptr(GFile) then_open = NULL;
  g_autoptr(GError) error = NULL;
  DlWindowThen then = self->then_after_save;
  gboolean close = self->close_after_save;
  gboolean again = self->save_again;

  self->save_again = FALSE;
  update_actions (self);
  if (!dl_edit_stack_save_finish (DL_EDIT_STACK (source), result, &error))
    {
      clear_after_save (self);
      _dl_window_show_error (self, _("Cannot Save Dataset"), error->message);
      return;
    }

  _dl_window_remember_recent (self, saving->file);
  _dl_window_toast (self, _("Saved"));
  /* The window may have another dataset by now. */
  if (DL_EDIT_STACK (source) != get_edits (self))
    {
      clear_after_save (self);
      return;
    }
  /* "Save" in the unsaved-changes dialog while this save ran: the edits
   * made since are saved too, and then what was to follow happens. */
  if (again && dl_edit_stack_get_modified (DL_EDIT_STACK (source)))
    {
      save (self);
      return;
    }
  then_open = g_steal_pointer (&self->open_after_save);
  clear_after_save (self);
  if (then != NULL)
    then (self);
  else if (then_open != NULL)
    dl_window_open (self, then_open);
  else if (close)
    gtk_window_close (GTK_WINDOW (self));
}

/* Checked and written in a thread (seconds at 100,000 events); the file
 * holds the dataset as it is now, and edits made meanwhile stay unsaved. */
static void
save_to (DlWindow *self,
         GFile    *file)
{
  DlEditStack *edits = get_edits (self);
  g_autofree char *path = g_file_get_path (file);
  Saving *saving;

  if (path != NULL && edits != NULL && dl_edit_stack_is_saving (edits))
    {
      self->save_again = TRUE;
      return;
    }
  if (path == NULL || edits == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      clear_after_save (self);
      if (path == NULL)
        _dl_window_show_error (self, _("Cannot Save Dataset"), name);
      return;
    }

  saving = g_new0 (Saving, 1);
  saving->window = g_object_ref (self);
  saving->file = g_object_ref (file);
  if ((saving->app = g_application_get_default ()) != NULL)
    g_application_hold (g_object_ref (saving->app));
  dl_edit_stack_save_async (edits, path, NULL, on_saved, saving);
  update_actions (self);
}

static void save_as (DlWindow *self);

static void
save (DlWindow *self)
{
  g_autoptr(GFile) file = NULL;

  if (get_edits (self) == NULL)
    {
      clear_after_save (self);
      return;
    }
  if (needs_new_file (self))
    {
      save_as (self);
      return;
    }

  /* A reference: saving gives the dataset a new GFile for its path. */
  file = g_object_ref (dl_dataset_get_file (dl_session_get_dataset (self->session)));
  save_to (self, file);
}

static void
after_save_as (DlWindow *self,
               GFile    *file)
{
  if (file == NULL)
    clear_after_save (self);
  else
    save_to (self, file);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_response (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  after_save_as (self, file);
}
#else
static void
on_native_save_response (GtkNativeDialog *native,
                         int              response,
                         DlWindow        *self)
{
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)) : NULL;

  after_save_as (self, file);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

static void
save_as (DlWindow *self)
{
  DlDataset *dataset = dl_session_get_dataset (self->session);
  g_autofree char *name = NULL;

  if (dataset == NULL)
    return;
  name = g_strdup_printf ("%s.dateline.json", dl_dataset_get_title (dataset));
  g_strdelimit (name, "/\\:", '-');

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Save Dataset"));
    gtk_file_dialog_set_initial_name (dialog, name);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_save_response, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Save Dataset"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    g_signal_connect (native, "response", G_CALLBACK (on_native_save_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/* Unsaved changes */

static gboolean
close_now (gpointer user_data)
{
  DlWindow *self = user_data;

  gtk_window_close (GTK_WINDOW (self));
  self->discard_confirmed = FALSE;
  return G_SOURCE_REMOVE;
}

/* Closed once the dialog asking is gone: closing the window from its
 * response would leave the dialog, still being unreferenced, transient
 * for a window that no longer exists. */
static void
close_after_dialog (DlWindow *self,
                    gboolean  discard)
{
  self->discard_confirmed = discard;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_now, g_object_ref (self), g_object_unref);
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     DlWindow         *self)
{
  g_autoptr(GFile) then_open = g_object_steal_data (G_OBJECT (dialog), "then-open");
  DlWindowThen then = (DlWindowThen) g_object_get_data (G_OBJECT (dialog), "then");

  if (g_str_equal (response, "discard"))
    {
      /* Nor kept for after a crash. */
      _dl_window_discard_recovery (self);
      if (then == NULL && then_open == NULL)
        {
          close_after_dialog (self, TRUE);
          return;
        }
      self->discard_confirmed = TRUE;
      if (then != NULL)
        then (self);
      else
        dl_window_open (self, then_open);
      self->discard_confirmed = FALSE;
    }
  else if (g_str_equal (response, "save"))
    {
      /* Closed once written: by then the dialog is gone. */
      clear_after_save (self);
      self->close_after_save = then_open == NULL && then == NULL;
      self->then_after_save = then;
      self->open_after_save = g_steal_pointer (&then_open);
      save (self);
    }
}

static GtkWidget *ask_unsaved (DlWindow *self);

gboolean
_dl_window_confirm_unsaved (DlWindow *self,
                            GFile    *then_open)
{
  GtkWidget *dialog = ask_unsaved (self);

  if (dialog != NULL && then_open != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "then-open", g_object_ref (then_open), g_object_unref);
  return dialog != NULL;
}

gboolean
_dl_window_confirm_unsaved_then (DlWindow     *self,
                                 DlWindowThen  then)
{
  GtkWidget *dialog = ask_unsaved (self);

  if (dialog != NULL)
    g_object_set_data (G_OBJECT (dialog), "then", (gpointer) then);
  return dialog != NULL;
}

/* The dialog, asking (NULL: nothing unsaved). */
static GtkWidget *
ask_unsaved (DlWindow *self)
{
  DlEditStack *edits = get_edits (self);
  DlDataset *dataset = dl_session_get_dataset (self->session);
  g_autofree char *isolated = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (edits == NULL || !dl_edit_stack_get_modified (edits) || self->discard_confirmed)
    return NULL;

  isolated = g_strdup_printf ("\u2068%s\u2069", dl_dataset_get_title (dataset));
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be lost."), isolated);
  dialog = _dl_window_new_changes_dialog (self, _("Save Changes?"), body, "cancel", _("_Cancel"), "save", _("_Save"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* Passages */

static char *
title_from_passage (DlSource *source,
                    guint     start,
                    guint     end)
{
  const DlText *text = dl_source_get_text (source);
  g_autofree char *passage = dl_text_substring (text, start, MIN (end, start + PASSAGE_TITLE_CHARS + 1));
  char *cut;

  g_strstrip (g_strdelimit (passage, "\n\t", ' '));
  if (end - start <= PASSAGE_TITLE_CHARS)
    return g_steal_pointer (&passage);

  /* At the last space, with an ellipsis. */
  if ((cut = strrchr (passage, ' ')) != NULL && cut != passage)
    *cut = '\0';
  return g_strconcat (passage, "…", NULL);
}

static void
on_passage_chosen (DlWindow *self,
                   DlSource *source,
                   guint     start,
                   guint     end,
                   gboolean  new_event)
{
  DlEditStack *edits = get_edits (self);
  DlEvent *shown = dl_article_view_get_event (self->article_view);
  g_autoptr(GError) error = NULL;

  if (edits == NULL)
    return;

  if (!new_event)
    {
      DlEvent *event = dl_session_get_selected_event (self->session);

      if (event == NULL)
        event = shown;
      if (event != NULL && dl_edit_stack_add_excerpt (edits, event, source, start, end, &error) >= 0)
        _dl_window_toast (self, _("Passage added to the event"));
    }
  else
    {
      g_autofree char *title = title_from_passage (source, start, end);
      const char *published = dl_source_get_published_text (source);
      DlEvent *event;

      /* Dated as published until the date is set: the editor shows it. */
      dl_edit_stack_begin_group (edits, _("New Event from Passage"));
      event = dl_edit_stack_add_event (edits, NULL, title,
                                       shown != NULL ? dl_event_get_category (shown) : "statement",
                                       published != NULL ? published : dl_event_get_when_text (shown),
                                       &error);
      if (event != NULL && dl_edit_stack_add_excerpt (edits, event, source, start, end, &error) < 0)
        event = NULL;
      dl_edit_stack_end_group (edits);

      if (event == NULL && dl_edit_stack_can_undo (edits) && error != NULL)
        dl_edit_stack_undo (edits);  /* not half an event */
      if (event != NULL)
        {
          dl_session_select (self->session, event);
          gtk_stack_set_visible_child_name (self->sidebar_stack, "editor");
          dl_event_editor_focus_title (self->event_editor);
        }
    }

  if (error != NULL)
    _dl_window_show_error (self, new_event ? _("Cannot Make an Event of This Passage") : _("Cannot Add the Passage"),
                error->message);
}

/* Claims */

static void
on_claim_add (DlClaimDialog *dialog,
              const char    *topic,
              const char    *value,
              const char    *qualifier,
              const char    *label,
              DlWindow      *self)
{
  DlEvent *event = g_object_get_data (G_OBJECT (dialog), "dl-event");
  guint excerpt = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "dl-excerpt"));
  DlEditStack *edits = get_edits (self);
  g_autoptr(GError) error = NULL;

  if (edits == NULL || event == NULL)
    return;

  /* The claim, and the label as typed kept in the dataset's topics (a new
   * topic's, or one corrected for every claim on it): one undo. */
  dl_edit_stack_begin_group (edits, _("Add Claim"));
  if (dl_edit_stack_add_claim (edits, event, topic, value, qualifier, NULL, excerpt, &error) >= 0 && label != NULL)
    {
      DlDataset *dataset = dl_session_get_dataset (self->session);
      g_autofree char *current = dl_claims_dup_topic_label (dataset, topic);

      if (!g_str_equal (current, label) || dl_dataset_lookup_topic (dataset, topic) == NULL)
        dl_edit_stack_set_topic_label (edits, topic, label, &error);
    }
  dl_edit_stack_end_group (edits);

  if (error != NULL)
    {
      _dl_window_show_error (self, _("Cannot Make the Claim"), error->message);
    }
  else if (dl_session_get_dataset (self->session) != NULL
           && dl_dataset_topic_disagrees (dl_session_get_dataset (self->session), topic))
    _dl_window_toast (self, _("Claim added: the sources disagree on it"));
  else
    _dl_window_toast (self, _("Claim added"));
}

/* A number or phrase selected inside one of the event's passages: a claim
 * of that passage, once the dialog has asked what it claims. */
static void
on_claim_chosen (DlWindow *self,
                 DlSource *source,
                 guint     start,
                 guint     end)
{
  DlEvent *event = dl_session_get_selected_event (self->session);
  DlClaimDialog *dialog;
  g_autofree char *selection = NULL;
  const char *topic = NULL;
  int excerpt = -1;

  if (event == NULL)
    event = dl_article_view_get_event (self->article_view);
  if (event == NULL || get_edits (self) == NULL)
    return;

  for (guint i = 0; i < dl_event_get_n_excerpts (event) && excerpt < 0; i++)
    {
      const DlExcerpt *e = dl_event_get_excerpt (event, i);

      if (e->source == source && e->start <= start && end <= e->end)
        excerpt = (int) i;
    }
  if (excerpt < 0)
    {
      _dl_window_show_error (self, _("Cannot Make a Claim of This"),
                             _("A claim is part of one of the event’s passages, which are highlighted: select the number or the words inside one of them, or add the passage to the event first."));
      return;
    }

  /* The event's own topic first: a second source on it is what is compared. */
  if (dl_event_get_n_claims (event) > 0)
    topic = dl_event_get_claim (event, 0)->topic;
  selection = dl_text_substring (dl_source_get_text (source), start, end);
  dialog = dl_claim_dialog_new (GTK_WINDOW (self), dl_session_get_dataset (self->session), selection, topic);
  g_object_set_data_full (G_OBJECT (dialog), "dl-event", g_object_ref (event), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "dl-excerpt", GUINT_TO_POINTER ((guint) excerpt));
  g_signal_connect_object (dialog, "add", G_CALLBACK (on_claim_add), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The live problems list: a row shows its event, and the field. */
static void
on_problem_activated (DlWindow   *self,
                      DlEvent    *event,
                      const char *member)
{
  if (event == NULL)
    return;
  dl_session_select (self->session, event);
  if (dl_session_get_selected_event (self->session) != event)
    {
      /* Hidden by a filter or the search: shown again to be mended. */
      dl_session_show_all (self->session);
      dl_session_select (self->session, event);
    }
  gtk_stack_set_visible_child_name (self->sidebar_stack, "editor");
  /* Passages and claims are listed with the event's details. */
  if (!dl_event_editor_focus_field (self->event_editor, member))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
}

static void
action_show_problems (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  if (!dl_problems_button_popup (self->problems_button))
    _dl_window_toast (self, _("No problems found"));
}

static void
on_editor_error (DlWindow   *self,
                 const char *message)
{
  _dl_window_toast (self, message);
}

/* Actions */

static void
action_undo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
  DlEditStack *edits = get_edits (self);
  g_autofree char *label = NULL;

  if (edits == NULL || !dl_edit_stack_can_undo (edits))
    return;
  label = g_strdup (dl_edit_stack_get_undo_label (edits));
  dl_edit_stack_undo (edits);
  if (label != NULL)
    {
      /* TRANSLATORS: a toast after undoing; %s is what was undone ("Set Title") */
      g_autofree char *text = g_strdup_printf (_("Undone: %s"), label);

      _dl_window_toast (self, text);
    }
}

static void
action_redo (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DlEditStack *edits = get_edits (DL_WINDOW (widget));

  if (edits != NULL)
    dl_edit_stack_redo (edits);
}

DL_WIDGET_ACTION (save, DlWindow, save (self))

DL_WIDGET_ACTION (save_as, DlWindow, save_as (self))

static void
action_edit_event (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "editor"))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
  else if (dl_session_get_selected_event (self->session) != NULL)
    {
      gtk_stack_set_visible_child_name (self->sidebar_stack, "editor");
      dl_event_editor_focus_title (self->event_editor);
    }
}

static void
on_narrative_editor_destroy (DlWindow *self)
{
  g_object_set_data (G_OBJECT (self), "dl-narrative-editor", NULL);
}

/* The narratives window, one per window, beside it. */
static void
action_edit_narratives (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
  GtkWindow *editor = g_object_get_data (G_OBJECT (self), "dl-narrative-editor");

  if (get_edits (self) == NULL)
    return;
  if (editor == NULL)
    {
      editor = GTK_WINDOW (dl_narrative_editor_new (GTK_WINDOW (self), self->session));
      g_object_set_data (G_OBJECT (self), "dl-narrative-editor", editor);
      g_signal_connect_object (editor, "destroy", G_CALLBACK (on_narrative_editor_destroy), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (editor);
}

/* Hooks, called by dl-window.c */

void
_dl_window_class_edit_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, action_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, action_redo);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, action_save_as);
  gtk_widget_class_install_action (widget_class, "win.edit-event", NULL, action_edit_event);
  gtk_widget_class_install_action (widget_class, "win.edit-narratives", NULL, action_edit_narratives);
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, action_show_problems);
  /* Ctrl+Shift+V, "validate" (F8, as elsewhere, is GtkPaned's). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-problems", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-problems", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.edit-narratives", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.edit-narratives", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  /* GtkWindow's own action: it asks about unsaved changes (close-request). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.edit-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.edit-event", NULL);

  _dl_window_class_place_init (widget_class);  /* drawing on the map (dl-window-place.c) */
}

void
_dl_window_init_edit (DlWindow *self)
{
  self->edit_signals = g_signal_group_new (DL_TYPE_EDIT_STACK);
  g_signal_group_connect_swapped (self->edit_signals, "notify::can-undo", G_CALLBACK (update_actions), self);
  g_signal_group_connect_swapped (self->edit_signals, "notify::can-redo", G_CALLBACK (update_actions), self);
  g_signal_group_connect_swapped (self->edit_signals, "notify::modified", G_CALLBACK (update_actions), self);

  self->edited_dataset_signals = g_signal_group_new (DL_TYPE_DATASET);
  g_signal_group_connect_swapped (self->edited_dataset_signals, "event-changed", G_CALLBACK (on_event_edited), self);

  g_signal_connect_object (self->session, "notify::dataset", G_CALLBACK (on_dataset_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "passage-chosen", G_CALLBACK (on_passage_chosen), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "claim-chosen", G_CALLBACK (on_claim_chosen), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_editor, "error", G_CALLBACK (on_editor_error), self, G_CONNECT_SWAPPED);
  dl_event_editor_set_session (self->event_editor, self->session);
  on_dataset_changed (self);
  _dl_window_init_recovery (self);
  _dl_window_init_place (self);

  /* The live problems list, at the end of the header bar. */
  self->problems_button = dl_problems_button_new ();
  adw_header_bar_pack_end (self->header_bar, GTK_WIDGET (self->problems_button));
  dl_problems_button_set_session (self->problems_button, self->session);
  g_signal_connect_object (self->problems_button, "problem-activated", G_CALLBACK (on_problem_activated), self,
                           G_CONNECT_SWAPPED);
}
