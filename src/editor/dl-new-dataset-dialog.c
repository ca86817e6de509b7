/* dl-new-dataset-dialog.c: asks a new dataset's title and where it goes
 *
 * A dataset is a folder: its file and, beside it, articles/. So a new one
 * gets a folder of its own, named after its title, inside the folder the
 * user picks (Documents unless they choose another), and the dialog says
 * where that will be before anything is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-new-dataset-dialog"

#include <glib/gi18n.h>

#include "dl-new-dataset-dialog.h"

struct _DlNewDatasetDialog
{
  AdwWindow     parent_instance;

  /* Template widgets */
  AdwEntryRow  *title_row;
  AdwActionRow *folder_row;
  GtkLabel     *path_label;
  GtkWidget    *create_button;

  GFile        *folder;
};

G_DEFINE_FINAL_TYPE (DlNewDatasetDialog, dl_new_dataset_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CREATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
current_title (DlNewDatasetDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
}

static void
update (DlNewDatasetDialog *self)
{
  g_autofree char *title = current_title (self);
  g_autofree char *folder = g_file_get_parse_name (self->folder);
  g_autofree char *where = NULL;

  adw_action_row_set_subtitle (self->folder_row, folder);
  if (*title != '\0')
    {
      g_autoptr(GFile) file = dl_new_dataset_dialog_file_for (self->folder, title);
      g_autofree char *path = g_file_get_parse_name (file);

      /* TRANSLATORS: %s is the path of the dataset file to be made */
      where = g_strdup_printf (_("Makes “\u2068%s\u2069” and an articles folder beside it"), path);
    }
  else
    where = g_strdup (_("A dataset needs a title"));

  gtk_label_set_label (self->path_label, where);
  gtk_widget_set_sensitive (self->create_button, *title != '\0');
}

static void
on_create (DlNewDatasetDialog *self)
{
  g_autofree char *title = current_title (self);
  g_autoptr(GFile) file = NULL;

  if (*title == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  file = dl_new_dataset_dialog_file_for (self->folder, title);
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_CREATE], 0, title, file);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
set_folder (DlNewDatasetDialog *self,
            GFile              *folder)
{
  if (folder != NULL)
    g_set_object (&self->folder, folder);
  update (self);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_folder_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DlNewDatasetDialog) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, NULL);

  set_folder (self, folder);
}
#else
static void
on_native_folder_response (GtkNativeDialog    *native,
                           int                 response,
                           DlNewDatasetDialog *self)
{
  g_autoptr(GFile) folder = response == GTK_RESPONSE_ACCEPT ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native)) : NULL;

  set_folder (self, folder);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}
#endif

static void
on_choose_folder (DlNewDatasetDialog *self)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Create the Dataset In"));
  gtk_file_dialog_set_initial_folder (dialog, self->folder);
  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, on_folder_chosen, g_object_ref (self));
#else
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Create the Dataset In"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), self->folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_native_folder_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
#endif
}

static void
dl_new_dataset_dialog_dispose (GObject *object)
{
  DlNewDatasetDialog *self = DL_NEW_DATASET_DIALOG (object);

  g_clear_object (&self->folder);

  G_OBJECT_CLASS (dl_new_dataset_dialog_parent_class)->dispose (object);
}

static void
dl_new_dataset_dialog_class_init (DlNewDatasetDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_new_dataset_dialog_dispose;

  signals[SIGNAL_CREATE] = g_signal_new ("create", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-new-dataset-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlNewDatasetDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DlNewDatasetDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, DlNewDatasetDialog, path_label);
  gtk_widget_class_bind_template_child (widget_class, DlNewDatasetDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, on_create);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_folder);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_new_dataset_dialog_init (DlNewDatasetDialog *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
  update (self);
  /* Typing goes to the title, not to the header bar's first button. */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

DlNewDatasetDialog *
dl_new_dataset_dialog_new (GtkWindow *parent)
{
  return g_object_new (DL_TYPE_NEW_DATASET_DIALOG, "transient-for", parent, NULL);
}

GFile *
dl_new_dataset_dialog_file_for (GFile      *folder,
                                const char *title)
{
  g_autofree char *name = g_strdup (title);
  g_autofree char *file_name = NULL;
  g_autoptr(GFile) dir = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  /* Not a path: no separators, no leading dot (hidden). */
  g_strdelimit (name, "/\\:\n\t", '-');
  if (name[0] == '.')
    name[0] = '_';
  dir = g_file_get_child (folder, name);
  file_name = g_strconcat (name, ".dateline.json", NULL);
  return g_file_get_child (dir, file_name);
}
