/* dl-window-export.c: exporting what the window shows, off the main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>

#include "dl-window-private.h"

#include "dl-export.h"

typedef struct {
  DlDataset   *dataset;
  GListStore  *events;
  DlBBox       view;
  char        *path;
  int          width;      /* PNG */
  int          height;
  DlPaperSize  paper;      /* PDF */
  char        *narrative;  /* PDF: NULL for every event */
} ExportJob;

static const struct {
  int         width;
  int         height;
  const char *label;
} export_sizes[] = {
  { 1280, 720, N_("1280 × 720") },
  { 1920, 1080, N_("1920 × 1080 (Full HD)") },
  { 2560, 1440, N_("2560 × 1440") },
  { 3840, 2160, N_("3840 × 2160 (4K)") },
};

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_object_unref (job->dataset);
  g_object_unref (job->events);
  g_free (job->path);
  g_free (job->narrative);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  DlExportOptions options = {
    .events = G_LIST_MODEL (job->events), .view = &job->view, .width = job->width,
    .height = job->height, .paper = job->paper, .narrative = job->narrative,
  };
  gboolean ok;

  /* The one dispatcher the command line uses too: same suffixes, same refusals. */
  ok = dl_export_to_file (job->dataset, &options, job->path, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  DlWindow *self = DL_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *text = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    text = g_strdup_printf (_("Exported “%s”"), name);
  else
    text = g_strdup_printf (_("Could not export “%s”: %s"), name, error->message);

  _dl_window_toast (self, text);
}

static void
run_export (DlWindow  *self,
            ExportJob *job)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_exported, NULL);

  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_options (AdwMessageDialog *dialog,
                   const char       *response,
                   ExportJob        *job)
{
  DlWindow *self = DL_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));
  GtkDropDown *first = g_object_get_data (G_OBJECT (dialog), "first");
  GtkDropDown *second = g_object_get_data (G_OBJECT (dialog), "second");

  if (!g_str_equal (response, "export"))
    {
      export_job_free (job);
      return;
    }

  if (g_str_has_suffix (job->path, ".pdf") || g_str_has_suffix (job->path, ".PDF"))
    {
      guint narrative = gtk_drop_down_get_selected (first);

      g_clear_pointer (&job->narrative, g_free);
      if (narrative < dl_dataset_get_n_narratives (job->dataset))
        job->narrative = g_strdup (dl_dataset_get_narrative (job->dataset, narrative)->id);
      job->paper = gtk_drop_down_get_selected (second) == 1 ? DL_PAPER_LETTER : DL_PAPER_A4;
    }
  else
    {
      guint size = MIN (gtk_drop_down_get_selected (first), G_N_ELEMENTS (export_sizes) - 1);

      job->width = export_sizes[size].width;
      job->height = export_sizes[size].height;
    }

  run_export (self, job);
}

static GtkWidget *
option_row (GtkWidget   *box,
            const char  *title,
            GtkDropDown *drop_down)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (drop_down));
  gtk_box_append (GTK_BOX (box), row);

  return row;
}

/* PNG asks for a size, PDF for the story and the paper; the others go. */
static void
ask_export_options (DlWindow  *self,
                    ExportJob *job)
{
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *lower = g_ascii_strdown (job->path, -1);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export"), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkDropDown *first;
  GtkDropDown *second = NULL;

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s", name);

  if (g_str_has_suffix (lower, ".pdf"))
    {
      g_autoptr(GtkStringList) stories = gtk_string_list_new (NULL);
      g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);

      for (guint i = 0; i < dl_dataset_get_n_narratives (job->dataset); i++)
        gtk_string_list_append (stories, dl_dataset_get_narrative (job->dataset, i)->title);
      gtk_string_list_append (stories, _("Every event, in time order"));
      gtk_string_list_append (papers, _("A4"));
      gtk_string_list_append (papers, _("US Letter"));

      first = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (stories)), NULL));
      second = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (papers)), NULL));
      gtk_drop_down_set_selected (second, job->paper == DL_PAPER_LETTER ? 1 : 0);
      option_row (box, _("Handout of"), first);
      option_row (box, _("Paper"), second);
    }
  else
    {
      g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (export_sizes); i++)
        gtk_string_list_append (sizes, _(export_sizes[i].label));
      first = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (sizes)), NULL));
      gtk_drop_down_set_selected (first, 1);
      option_row (box, _("Image size"), first);
    }

  g_object_set_data (G_OBJECT (dialog), "first", first);
  g_object_set_data (G_OBJECT (dialog), "second", second);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_options), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Exports what is shown now; `ask` offers the format's options first. */
void
_dl_window_export_to (DlWindow *self,
                      GFile    *file,
                      gboolean  ask)
{
  GListModel *shown = dl_session_get_events (self->session);
  g_autoptr(GtkPaperSize) local = gtk_paper_size_new (NULL);
  g_autofree char *lower = NULL;
  ExportJob *job;

  job = g_new0 (ExportJob, 1);
  job->dataset = g_object_ref (self->dataset);
  job->events = g_list_store_new (DL_TYPE_EVENT);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (shown, i);

      g_list_store_append (job->events, event);
    }
  job->view = _dl_window_get_visible_bbox (self);
  job->path = g_file_get_path (file);
  job->width = 1920;
  job->height = 1080;
  /* A handout follows the story when there is one, on the locale's paper. */
  job->paper = g_str_equal (gtk_paper_size_get_name (local), GTK_PAPER_NAME_LETTER) ? DL_PAPER_LETTER : DL_PAPER_A4;
  if (dl_dataset_get_n_narratives (self->dataset) > 0)
    job->narrative = g_strdup (dl_dataset_get_narrative (self->dataset, 0)->id);

  lower = g_ascii_strdown (job->path, -1);
  if (ask && (g_str_has_suffix (lower, ".png") || g_str_has_suffix (lower, ".pdf")))
    ask_export_options (self, job);
  else
    run_export (self, job);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_export_response (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL && self->dataset != NULL)
    _dl_window_export_to (self, file, TRUE);
}
#else
static void
on_export_native_response (GtkNativeDialog *native,
                           int              response,
                           DlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->dataset != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      _dl_window_export_to (self, file, TRUE);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

void
_dl_window_choose_export_file (DlWindow *self)
{
  static const struct {
    const char *name;
    const char *pattern;
  } formats[] = {
    { N_("PDF Handout"), "*.pdf" },
    { N_("PNG Image of the Map (1920×1080)"), "*.png" },
    { N_("CSV Table of the Shown Events"), "*.csv" },
    { N_("GeoJSON"), "*.geojson" },
  };
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autofree char *suggested = NULL;

  if (self->dataset == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      g_list_store_append (filters, filter);
    }
  suggested = g_strdup_printf ("%s.pdf", dl_dataset_get_title (self->dataset));
  g_strdelimit (suggested, "/\\:", '-');

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Export"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_set_initial_name (dialog, suggested);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_export_response, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                                                GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                _("_Export"), _("_Cancel"));

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
      {
        g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      }
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    g_signal_connect (native, "response", G_CALLBACK (on_export_native_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

