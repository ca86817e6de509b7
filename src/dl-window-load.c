/* dl-window-load.c: opening a file in the window
 *
 * dl_window_open() reads a dataset, or a CSV, GeoJSON, TimelineJS or
 * StoryMapJS file, in a thread (dl-import), with a progress bar and Cancel;
 * a CSV of unknown columns first asks what they hold (dl-import-dialog). A
 * file that cannot be opened is reported with its problems, and what was
 * open stays. With --screenshot, the window is drawn once loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dl-import.h"
#include "dl-import-dialog.h"
#include "dl-window-private.h"

/* A --screenshot is taken once the map has settled (at least this long
 * after loading) and has drawn every tile it asked for, checked this often
 * and twice in a row (a drawn tile can make the map ask for the next zoom's);
 * past the longest wait it is taken as it is. */
#define SCREENSHOT_SETTLE_MS 700
#define SCREENSHOT_POLL_MS   100
#define SCREENSHOT_MAX_MS    15000

/* A message dialog over the window whose extra child is @report (one
 * problem a line, as --validate prints them), selectable, scrolled when
 * long. */
static void
present_report (DlWindow   *self,
                const char *heading,
                const char *body,
                const char *report)
{
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  if (report != NULL && *report != '\0')
    {
      label = gtk_label_new (report);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "monospace");
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_widget_set_size_request (scroller, 520, -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_problems (DlWindow   *self,
               GFile      *file,
               DlProblems *problems,
               GError     *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *basename = g_file_get_basename (file);
  /* The body names the whole path; each line of the report its file. */
  g_autofree char *report = problems != NULL ? dl_problems_to_string (problems, basename) : NULL;
  g_autofree char *body = g_strdup_printf (_("“%s”: %s"), name, error->message);

  present_report (self, _("Cannot Open Dataset"), body, report);
}

/* The toast's Show button: what the file's warnings were, each with its
 * place in the file, as a toast only counts them. */
static void
on_warnings_toast_show (AdwToast *toast,
                        DlWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (toast), "dl-file-name");
  g_autofree char *body = g_strdup_printf (_("“%s” is open. Some of it was guessed or left out:"), name);

  present_report (self, _("Opened with Warnings"), body, g_object_get_data (G_OBJECT (toast), "dl-report"));
}

static void
toast_warnings (DlWindow   *self,
                GFile      *file,
                DlProblems *problems)
{
  guint n = dl_problems_count (problems, DL_SEVERITY_WARNING);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Opened with %u warning",
                                                        "Opened with %u warnings", n),
                                           n);
  char *name = g_file_get_parse_name (file);
  g_autofree char *basename = g_file_get_basename (file);
  AdwToast *toast = adw_toast_new (text);

  g_object_set_data_full (G_OBJECT (toast), "dl-report", dl_problems_to_string (problems, basename), g_free);
  g_object_set_data_full (G_OBJECT (toast), "dl-file-name", name, g_free);
  /* Translators: the button of "Opened with 3 warnings", which lists them */
  adw_toast_set_button_label (toast, _("_Show"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_warnings_toast_show), self, 0);
  g_set_weak_pointer (&self->warnings_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
take_screenshot (gpointer user_data)
{
  DlWindow *self = DL_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  self->screenshot_waited_ms += SCREENSHOT_POLL_MS;
  if (self->base != NULL && dl_base_layers_is_drawing (self->base))
    self->screenshot_idle_polls = 0;
  else
    self->screenshot_idle_polls++;
  if (self->screenshot_idle_polls < 2 && self->screenshot_waited_ms < SCREENSHOT_MAX_MS)
    return G_SOURCE_CONTINUE;

  if (!dl_window_save_png (self, self->screenshot_path, &error))
    {
      g_printerr (_("%s: cannot save the screenshot: %s\n"), self->screenshot_path, error->message);
      self->screenshot_failed = TRUE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static gboolean
start_screenshot_polls (gpointer user_data)
{
  DlWindow *self = DL_WINDOW (user_data);

  g_timeout_add_full (G_PRIORITY_LOW, SCREENSHOT_POLL_MS, take_screenshot, g_object_ref (self), g_object_unref);
  return G_SOURCE_REMOVE;
}

static void
after_load (DlWindow *self)
{
  if (self->initial_selection != NULL)
    {
      if (!dl_window_select_event (self, self->initial_selection) && self->screenshot_path != NULL)
        g_printerr (_("No event has the id “%s”\n"), self->initial_selection);
      g_clear_pointer (&self->initial_selection, g_free);
    }

  if (self->screenshot_path != NULL)
    {
      self->screenshot_waited_ms = SCREENSHOT_SETTLE_MS;
      self->screenshot_idle_polls = 0;
      g_timeout_add_full (G_PRIORITY_LOW, SCREENSHOT_SETTLE_MS, start_screenshot_polls, g_object_ref (self),
                          g_object_unref);
    }
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(DlProblems) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlDataset) dataset = NULL;
  GFile *file = g_task_get_task_data (G_TASK (result));

  dataset = dl_import_load_finish (result, &problems, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Cancelled by the user (not by a newer open, nor by closing the
       * window): what was open stays. */
      if (self->cancellable != NULL && g_cancellable_is_cancelled (self->cancellable))
        {
          gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
          if (self->dataset == NULL)
            gtk_stack_set_visible_child_name (self->stack, "empty");
        }
      return;
    }
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);

  if (dataset == NULL)
    {
      if (self->dataset == NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      show_problems (self, file, problems, error);
      if (self->screenshot_path != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *report = dl_problems_to_string (problems, name);

          g_printerr ("%s", report);
          self->screenshot_failed = TRUE;
          gtk_window_destroy (GTK_WINDOW (self));
        }
      return;
    }

  _dl_window_set_dataset (self, dataset);
  _dl_window_remember_recent (self, file);

  /* The warnings of what was open before are no longer news. */
  if (self->warnings_toast != NULL)
    adw_toast_dismiss (self->warnings_toast);
  if (dl_problems_count (problems, DL_SEVERITY_WARNING) > 0)
    toast_warnings (self, file, problems);

  after_load (self);
}

/* New Dataset (dl-window-articles.c): a dataset made here, shown as if opened. */
void
_dl_window_show_dataset (DlWindow  *self,
                         DlDataset *dataset)
{
  g_cancellable_cancel (self->cancellable);
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
  _dl_window_set_dataset (self, dataset);
}

/* dl-import: how far the file being opened has been read. */
static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  DlWindow *self = user_data;

  if (fraction < 0)
    gtk_progress_bar_pulse (self->load_bar);
  else
    gtk_progress_bar_set_fraction (self->load_bar, fraction);
}

/* dl-import-dialog: the columns are chosen (or none were needed): load. */
static void
on_columns_chosen (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(DlImportMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;

  if (!dl_import_choose_columns_finish (result, &mapping, &error))
    {
      /* The dialog or the bar's Cancel: what was open stays. A newer open
       * (which made a new cancellable) keeps its own bar. */
      if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
        return;
      gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
      if (self->dataset == NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  dl_import_load_async_full (dl_import_choose_columns_get_file (result), mapping, self->cancellable,
                             on_load_progress, g_object_ref (self), g_object_unref, on_loaded, g_object_ref (self));
}

void
_dl_window_cancel_load (DlWindow *self)
{
  g_cancellable_cancel (self->cancellable);
}

void
dl_window_open (DlWindow *self,
                GFile    *file)
{
  g_autoptr(GFile) bundled = NULL;

  g_return_if_fail (DL_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (file == NULL)
    file = bundled = dl_dataset_get_bundled_file ();

  /* Unsaved changes: a dialog asks first, then opens it (dl-window-edit.c). */
  if (_dl_window_confirm_unsaved (self, file))
    return;

  if (self->dataset == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  /* The file opened last wins: a load still running for another stops. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  /* dl-import: a dataset, or a CSV, GeoJSON, TimelineJS or StoryMapJS
   * file, read in a thread, with how far it has come and Cancel. */
  {
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: shown while a file is read, with a progress bar */
    g_autofree char *text = g_strdup_printf (_("Opening %s…"), name);

    gtk_label_set_text (self->load_label, text);
    gtk_progress_bar_set_fraction (self->load_bar, 0);
    gtk_revealer_set_reveal_child (self->load_revealer, TRUE);
  }
  /* dl-import-dialog: a CSV that is neither ACLED nor UCDP GED first asks
   * what its columns hold (or takes what was chosen for its header before). */
  dl_import_choose_columns_async (GTK_WINDOW (self), file, self->cancellable, on_columns_chosen, g_object_ref (self));
}
