/* dl-window-articles.c: New Dataset and Add Articles
 *
 * A researcher starts from their own articles: New Dataset (Ctrl+N) makes
 * an empty dataset in a folder of its own and opens it; Add Articles
 * (Ctrl+Shift+O, or text files dropped on the window) reads each file in a
 * thread, refuses what is not UTF-8 text with the file, the line and the
 * column, asks each one's title and publication date, and adds it through
 * the edit stack (so Undo takes it away), showing it in the article view.
 * The text is written into the dataset's articles/ folder when it is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>
#include <string.h>

#include "dl-article-dialog.h"
#include "dl-new-dataset-dialog.h"
#include "dl-suggest-dialog.h"
#include "dl-text.h"
#include "dl-window-private.h"

#define ARTICLES_DIR "articles"

/* One Add Articles: the files, read one after the other, then asked about
 * one after the other. */
typedef struct {
  DlWindow  *window;     /* a reference */
  DlDataset *dataset;    /* the one they go into: another opened, they stop */
  GPtrArray *files;      /* of GFile, to read */
  guint      next;
  GPtrArray *read;       /* of GFile, read and good, with "text" (GBytes) */
  GString   *errors;     /* a line for each file refused */
  char      *published;  /* the date given last: articles of a day come together */
} AddJob;

static void
add_job_free (AddJob *job)
{
  g_object_unref (job->window);
  g_object_unref (job->dataset);
  g_ptr_array_unref (job->files);
  g_ptr_array_unref (job->read);
  g_string_free (job->errors, TRUE);
  g_free (job->published);
  g_free (job);
}

/* Reading, in a thread */

static void
read_article (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = source_object;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0, bad = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "“%s”: %s", name, error->message);
      return;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” is not a file"), name);
      return;
    }
  if (g_file_info_get_size (info) > DL_ARTICLE_MAX_SIZE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("“%s” is larger than %u MB, the most an article may be"),
                               name, DL_ARTICLE_MAX_SIZE / (1024 * 1024));
      return;
    }
  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, &error))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "“%s”: %s", name, error->message);
      return;
    }
  if (!dl_utf8_check (data, len, &bad))
    {
      guint line = 1, column = 1;

      dl_text_line_column (data, len, bad, &line, &column);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               /* TRANSLATORS: a file added as an article, the place in it, and the byte */
                               _("“%s”, line %u, column %u: not UTF-8 text (byte 0x%02X); save it as UTF-8 and add it again"),
                               name, line, column, (guint) (guchar) data[bad]);
      return;
    }
  if (len == 0 || strspn (data, " \t\r\n") == len)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("“%s” is empty"), name);
      return;
    }

  g_task_return_pointer (task, g_bytes_new_take (g_steal_pointer (&data), len), (GDestroyNotify) g_bytes_unref);
}

static void read_next (AddJob *job);
static void ask_next (AddJob *job);

static void
on_article_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AddJob *job = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) text = g_task_propagate_pointer (G_TASK (result), &error);

  if (text != NULL)
    {
      g_object_set_data_full (object, "dl-article-text", g_steal_pointer (&text), (GDestroyNotify) g_bytes_unref);
      g_ptr_array_add (job->read, g_object_ref (object));
    }
  else
    g_string_append_printf (job->errors, "%s\n", error->message);

  read_next (job);
}

static void
on_errors_shown (AdwMessageDialog *dialog,
                 const char       *response,
                 AddJob           *job)
{
  ask_next (job);
}

static void
read_next (AddJob *job)
{
  if (job->next < job->files->len)
    {
      g_autoptr(GTask) task = g_task_new (g_ptr_array_index (job->files, job->next++), NULL, on_article_read, job);

      g_task_run_in_thread (task, read_article);
      return;
    }

  /* All read: what was refused is told first, all at once. */
  if (job->errors->len > 0)
    {
      GtkWidget *dialog;

      g_strchomp (job->errors->str);
      dialog = adw_message_dialog_new (GTK_WINDOW (job->window),
                                       g_dngettext (GETTEXT_PACKAGE, "Cannot Add an Article", "Cannot Add Some Articles",
                                                    job->files->len - job->read->len),
                                       job->errors->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      g_signal_connect (dialog, "response", G_CALLBACK (on_errors_shown), job);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  ask_next (job);
}

/* Asking and adding */

/* Where in the dataset's folder a file goes: articles/NAME, or NAME-2…
 * when another article, or another file, is already there. */
static char *
article_path_for (DlDataset *dataset,
                  GFile     *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *stem = g_strdup (name);
  const char *suffix = "";
  char *dot = strrchr (stem, '.');
  GFile *dataset_file = dl_dataset_get_file (dataset);
  g_autoptr(GFile) dir = dataset_file != NULL ? g_file_get_parent (dataset_file) : NULL;
  GListModel *sources = dl_dataset_get_sources (dataset);

  if (dot != NULL && dot != stem)
    {
      suffix = name + (dot - stem);
      *dot = '\0';
    }
  g_strdelimit (stem, "\\:", '-');

  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf (ARTICLES_DIR "/%s%s", stem, suffix)
                                          : g_strdup_printf (ARTICLES_DIR "/%s-%u%s", stem, n, suffix);
      g_autoptr(GFile) on_disk = dir != NULL ? g_file_resolve_relative_path (dir, candidate) : NULL;
      gboolean taken = on_disk != NULL && g_file_query_exists (on_disk, NULL);

      for (guint i = 0; i < g_list_model_get_n_items (sources) && !taken; i++)
        {
          g_autoptr(DlSource) other = g_list_model_get_item (sources, i);

          taken = g_str_equal (dl_source_get_file (other), candidate);
        }
      if (!taken)
        return g_steal_pointer (&candidate);
    }
}

static void
on_article_add (DlArticleDialog *dialog,
                const char      *title,
                const char      *published,
                AddJob          *job)
{
  DlWindow *self = job->window;
  GFile *file = g_object_get_data (G_OBJECT (dialog), "dl-article-file");
  GBytes *text = g_object_get_data (G_OBJECT (file), "dl-article-text");
  DlEditStack *edits = dl_session_get_edit_stack (self->session);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  DlSource *source;

  if (edits == NULL || dl_session_get_dataset (self->session) != job->dataset)
    return;

  g_free (job->published);
  job->published = g_strdup (published);
  path = article_path_for (job->dataset, file);
  source = dl_edit_stack_add_source (edits, NULL, path, title, published, text, &error);
  if (source == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf ("“%s”: %s", name, error->message);

      _dl_window_show_error (self, _("Cannot Add the Article"), message);
      return;
    }

  /* With the selected event, so that a passage of it can be added here. */
  dl_article_view_show (self->article_view, source, dl_session_get_selected_event (self->session), 0);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "article");
}

static void
on_article_dialog_destroy (DlArticleDialog *dialog,
                           AddJob          *job)
{
  ask_next (job);
}

static void
ask_next (AddJob *job)
{
  DlWindow *self = job->window;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fallback = NULL;
  g_autofree char *title = NULL;
  DlArticleDialog *dialog;
  GBytes *text;
  gsize len;
  const char *data;

  /* Done, or the dataset is no longer the one open. */
  if (job->read->len == 0 || dl_session_get_dataset (self->session) != job->dataset
      || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      add_job_free (job);
      return;
    }

  file = g_ptr_array_steal_index (job->read, 0);
  text = g_object_get_data (G_OBJECT (file), "dl-article-text");
  data = g_bytes_get_data (text, &len);
  name = g_file_get_basename (file);
  fallback = g_strdup (name);
  if (strrchr (fallback, '.') != NULL && strrchr (fallback, '.') != fallback)
    *strrchr (fallback, '.') = '\0';
  title = dl_article_dialog_suggest_title (data, len, fallback);

  dialog = dl_article_dialog_new (GTK_WINDOW (self), name, title, job->published);
  g_object_set_data_full (G_OBJECT (dialog), "dl-article-file", g_steal_pointer (&file), g_object_unref);
  g_signal_connect (dialog, "add", G_CALLBACK (on_article_add), job);
  g_signal_connect (dialog, "destroy", G_CALLBACK (on_article_dialog_destroy), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_files (DlWindow  *self,
           GPtrArray *files)
{
  AddJob *job;
  DlDataset *dataset = dl_session_get_dataset (self->session);

  if (dataset == NULL || dl_session_get_edit_stack (self->session) == NULL || files->len == 0)
    return;

  job = g_new0 (AddJob, 1);
  job->window = g_object_ref (self);
  job->dataset = g_object_ref (dataset);
  job->files = g_ptr_array_ref (files);
  job->read = g_ptr_array_new_with_free_func (g_object_unref);
  job->errors = g_string_new (NULL);
  read_next (job);
}

/* Choosing files */

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_files_chosen (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GListModel) list = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (files, g_list_model_get_item (list, i));
  add_files (self, files);
}
#else
static void
on_native_files_response (GtkNativeDialog *native,
                          int              response,
                          DlWindow        *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
    }
  add_files (self, files);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

static GtkFileFilter *
text_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text Files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  return filter;
}

static void
action_add_articles (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = text_filter ();

  if (dl_session_get_edit_stack (self->session) == NULL)
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Add Articles"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, on_files_chosen, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Add Articles"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    g_signal_connect (native, "response", G_CALLBACK (on_native_files_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/* Text, not a dataset or a table to import: .txt and .md, or text/plain itself. */
static gboolean
is_article_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *type = NULL;

  if (name == NULL)
    return FALSE;
  if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".text"))
    return TRUE;
  type = g_content_type_guess (name, NULL, 0, NULL);
  return g_content_type_equals (type, "text/plain");
}

gboolean
_dl_window_drop_articles (DlWindow *self,
                          GSList   *files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  if (dl_session_get_edit_stack (self->session) == NULL)
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (!is_article_file (l->data))
        return FALSE;
      g_ptr_array_add (array, g_object_ref (l->data));
    }

  add_files (self, array);
  return array->len > 0;
}

/* New Dataset */

static void
on_create (DlNewDatasetDialog *dialog,
           const char         *title,
           GFile              *file,
           DlWindow           *self)
{
  g_autoptr(DlDataset) dataset = dl_dataset_new (title);
  g_autoptr(DlEditStack) edits = dl_edit_stack_new (dataset);
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (g_file_query_exists (file, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("A dataset is already at “%s”: open it, or choose another title or folder"), name);

      _dl_window_show_error (self, _("Cannot Create the Dataset"), message);
      return;
    }
  if (path == NULL || !g_file_make_directory_with_parents (dir, NULL, &error))
    {
      if (error == NULL || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_autofree char *message = g_strdup_printf ("“%s”: %s", name, error != NULL ? error->message : _("not a local folder"));

          _dl_window_show_error (self, _("Cannot Create the Dataset"), message);
          return;
        }
      g_clear_error (&error);
    }

  /* Written at once, so Save knows where it goes and the file is there to
   * open again even before the first article. */
  if (!dl_edit_stack_save (edits, path, &error))
    {
      _dl_window_show_error (self, _("Cannot Create the Dataset"), error->message);
      return;
    }

  _dl_window_show_dataset (self, dataset);
  _dl_window_remember_recent (self, file);

  toast = adw_toast_new (_("Dataset created: add the articles it is made from"));
  adw_toast_set_button_label (toast, _("_Add Articles…"));
  adw_toast_set_action_name (toast, "win.add-articles");
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_new_dataset_dialog (DlWindow *self)
{
  DlNewDatasetDialog *dialog = dl_new_dataset_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "create", G_CALLBACK (on_create), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_new_dataset (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  /* Unsaved changes: a dialog asks first (dl-window-edit.c). */
  if (_dl_window_confirm_unsaved_then (self, show_new_dataset_dialog))
    return;
  show_new_dataset_dialog (self);
}

/* Suggest Events… (issue 13): the dialog reads the article shown (else the
 * first dated one) and makes the events the user accepts, through the
 * session's edit stack (src/dl-suggest-dialog.c). */
static void
action_suggest_events (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
  DlSource *shown = g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "article")
                    ? dl_article_view_get_source (self->article_view) : NULL;

  if (dl_session_get_edit_stack (self->session) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (dl_suggest_dialog_new (GTK_WINDOW (self), self->session, shown)));
}

/* The article shown is no longer in the dataset (its adding undone). */
static void
on_sources_changed (DlWindow *self)
{
  DlDataset *dataset = dl_session_get_dataset (self->session);
  DlSource *shown = dl_article_view_get_source (self->article_view);

  if (shown != NULL && dataset != NULL && dl_dataset_lookup_source (dataset, dl_source_get_id (shown)) != shown
      && g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "article"))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
}

static void
on_dataset_changed (DlWindow *self)
{
  DlDataset *dataset = dl_session_get_dataset (self->session);
  GSignalGroup *group = g_object_get_data (G_OBJECT (self), "dl-sources-signals");

  g_signal_group_set_target (group, dataset != NULL ? dl_dataset_get_sources (dataset) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-articles",
                                 dl_session_get_edit_stack (self->session) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.suggest-events",
                                 dl_session_get_edit_stack (self->session) != NULL);
}

/* An article chosen in the overview: read, with the selected event's
 * passages in it marked (there may be none yet). */
static void
on_source_activated (DlWindow *self,
                     DlSource *source)
{
  dl_article_view_show (self->article_view, source, dl_session_get_selected_event (self->session), 0);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "article");
}

/* Hooks, called by dl-window.c */

void
_dl_window_class_articles_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-dataset", NULL, action_new_dataset);
  gtk_widget_class_install_action (widget_class, "win.add-articles", NULL, action_add_articles);
  gtk_widget_class_install_action (widget_class, "win.suggest-events", NULL, action_suggest_events);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.suggest-events", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.suggest-events", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-dataset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-articles", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-articles", NULL);
}

void
_dl_window_init_articles (DlWindow *self)
{
  GSignalGroup *group = g_signal_group_new (G_TYPE_LIST_MODEL);

  g_signal_group_connect_swapped (group, "items-changed", G_CALLBACK (on_sources_changed), self);
  g_object_set_data_full (G_OBJECT (self), "dl-sources-signals", group, g_object_unref);
  g_signal_connect_object (self->session, "notify::dataset", G_CALLBACK (on_dataset_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_panel, "source-activated", G_CALLBACK (on_source_activated), self,
                           G_CONNECT_SWAPPED);
  on_dataset_changed (self);
}
