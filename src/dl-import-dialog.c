/* dl-import-dialog.c: choosing what the columns of a CSV file hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dl-combo-row-keys.h"
#include "dl-describe.h"
#include "dl-import.h"
#include "dl-import-dialog.h"

/* Rows shown in the sample and read for the preview. */
#define N_SAMPLE_ROWS  5
#define N_PREVIEW_ROWS 8

struct _DlImportDialog {
  AdwWindow            parent_instance;

  GtkLabel            *intro_label;
  GtkLabel            *sample_heading;
  GtkButton           *open_button;
  GtkGrid             *sample_grid;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *preview_group;
  GtkListBox          *preview_list;

  AdwComboRow         *rows[DL_IMPORT_N_ROLES];
  GPtrArray           *preview_rows;  /* GtkWidget (unowned), in preview_list */
  DlImportPeek        *peek;
  char                *name;
  guint                n_preview_events;
  gboolean             responded;
};

G_DEFINE_FINAL_TYPE (DlImportDialog, dl_import_dialog, ADW_TYPE_WINDOW)

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
respond (DlImportDialog *self,
         gboolean        accepted)
{
  if (self->responded)
    return;
  self->responded = TRUE;
  g_signal_emit (self, signals[RESPONSE], 0, accepted);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked (DlImportDialog *self)
{
  respond (self, FALSE);
}

static void
on_open_clicked (DlImportDialog *self)
{
  respond (self, TRUE);
}

static gboolean
on_close_request (GtkWindow *window)
{
  respond (DL_IMPORT_DIALOG (window), FALSE);
  return FALSE;
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  respond (DL_IMPORT_DIALOG (widget), FALSE);
}

DlImportMapping *
dl_import_dialog_get_mapping (DlImportDialog *self)
{
  DlImportMapping *mapping = dl_import_mapping_new ();

  g_return_val_if_fail (DL_IS_IMPORT_DIALOG (self), mapping);

  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    {
      guint selected = self->rows[role] != NULL ? adw_combo_row_get_selected (self->rows[role])
                                                : GTK_INVALID_LIST_POSITION;

      /* Item 0 is “None”; then the header's columns in order. */
      if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
        dl_import_mapping_set (mapping, role, self->peek->header[selected - 1]);
    }
  return mapping;
}

GtkWidget *
dl_import_dialog_get_row (DlImportDialog *self,
                          DlImportRole    role)
{
  g_return_val_if_fail (DL_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (role < DL_IMPORT_N_ROLES, NULL);
  return self->rows[role] != NULL ? GTK_WIDGET (self->rows[role]) : NULL;
}

guint
dl_import_dialog_get_n_preview_events (DlImportDialog *self)
{
  g_return_val_if_fail (DL_IS_IMPORT_DIALOG (self), 0);
  return self->n_preview_events;
}

/* The preview */

static void
add_preview_row (DlImportDialog *self,
                 const char     *title,
                 const char     *subtitle,
                 const char     *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon_name));
  gtk_list_box_append (self->preview_list, row);
  g_ptr_array_add (self->preview_rows, row);
}

/* The first rows read with the columns chosen now: a few rows, so on the
 * main loop. */
static void
update_preview (DlImportDialog *self)
{
  g_autoptr(DlImportMapping) mapping = dl_import_dialog_get_mapping (self);
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autofree char *description = NULL;
  guint n_rows = self->peek->rows->len;
  guint n_events = 0, n_shown_problems = 0;

  for (guint i = 0; i < self->preview_rows->len; i++)
    gtk_list_box_remove (self->preview_list, self->preview_rows->pdata[i]);
  g_ptr_array_set_size (self->preview_rows, 0);

  /* A GeoJSON feature has its geometry: a date is not needed. */
  if (!self->peek->geojson && !dl_import_mapping_is_usable (mapping))
    {
      add_preview_row (self, _("Choose a date column, latitude and longitude columns, or a place name column"),
                       _("Every event needs a time or a place"), "dialog-information-symbolic");
      self->n_preview_events = 0;
      gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), FALSE);
      adw_preferences_group_set_description (self->preview_group, NULL);
      return;
    }

  dataset = dl_import_load_data_with_mapping (self->name, self->peek->data, self->peek->len, mapping,
                                              problems, NULL);
  if (dataset != NULL)
    {
      GListModel *events = dl_dataset_get_events (dataset);

      n_events = g_list_model_get_n_items (events);
      for (guint i = 0; i < n_events; i++)
        {
          g_autoptr(DlEvent) event = g_list_model_get_item (events, i);
          g_autofree char *when = dl_event_get_when (event) != NULL ? dl_describe_when (event) : NULL;
          g_autofree char *where = dl_event_get_n_places (event) > 0 ? dl_describe_places (event, NULL) : NULL;
          g_autofree char *subtitle = NULL;

          /* Translators: a previewed event: its date · its place */
          subtitle = g_strdup_printf (_("%s · %s"), when != NULL ? when : _("No date"),
                                      where != NULL ? where : _("No place"));
          add_preview_row (self, dl_event_get_title (event), subtitle, NULL);
        }
    }
  for (guint i = 0; i < dl_problems_get_length (problems) && n_shown_problems < 3; i++)
    {
      const DlProblem *problem = dl_problems_get (problems, i);

      /* The count of skipped rows says again what the rows say. */
      if (problem->path == NULL || *problem->path == '\0' || g_str_equal (problem->path, "$"))
        continue;
      add_preview_row (self, problem->message, problem->path, "dialog-warning-symbolic");
      n_shown_problems++;
    }

  if (self->peek->geojson)
    /* Translators: under the preview of a GeoJSON file's properties */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of the first %u feature gives an event",
                                                "%u of the first %u features give events", n_rows),
                                   n_events, n_rows);
  else
    /* Translators: under the preview of a CSV file's columns */
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of the first %u row gives an event",
                                                "%u of the first %u rows give events", n_rows),
                                   n_events, n_rows);
  adw_preferences_group_set_description (self->preview_group, description);
  self->n_preview_events = n_events;
  gtk_widget_set_sensitive (GTK_WIDGET (self->open_button), n_events > 0);
}

/* Building */

static void
fill_sample (DlImportDialog *self)
{
  guint n_columns = g_strv_length (self->peek->header);

  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *label = gtk_label_new (self->peek->header[c]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->sample_grid, label, c, 0, 1, 1);
    }
  for (guint r = 0; r < self->peek->rows->len && r < N_SAMPLE_ROWS; r++)
    {
      char **cells = self->peek->rows->pdata[r];

      for (guint c = 0; c < n_columns && cells[c] != NULL; c++)
        {
          GtkWidget *label = gtk_label_new (cells[c]);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
          gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
          /* Short cells whole; long ones cut, but not to nothing. */
          gtk_label_set_width_chars (GTK_LABEL (label), MIN ((int) g_utf8_strlen (cells[c], -1), 14));
          gtk_grid_attach (self->sample_grid, label, c, r + 1, 1, 1);
        }
    }
}

static void
build_rows (DlImportDialog        *self,
            const DlImportMapping *mapping)
{
  g_autoptr(GtkStringList) columns = gtk_string_list_new (NULL);

  /* Translators: the choice of no column for a role */
  gtk_string_list_append (columns, C_("column", "None"));
  for (guint c = 0; self->peek->header[c] != NULL; c++)
    gtk_string_list_append (columns, self->peek->header[c]);

  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    {
      AdwComboRow *row;
      const char *column = mapping != NULL ? dl_import_mapping_get (mapping, role) : NULL;
      guint selected = 0;

      /* A feature's geometry is its place, and GeoJSON names no sources. */
      if (self->peek->geojson
          && (role == DL_IMPORT_ROLE_LATITUDE || role == DL_IMPORT_ROLE_LONGITUDE || role == DL_IMPORT_ROLE_WKT
              || role == DL_IMPORT_ROLE_SOURCE))
        continue;
      row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dl_import_role_label (role));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dl_import_role_description (role));
      adw_combo_row_set_model (row, G_LIST_MODEL (columns));
      for (guint c = 0; column != NULL && self->peek->header[c] != NULL; c++)
        if (g_str_equal (self->peek->header[c], column))
          selected = c + 1;
      adw_combo_row_set_selected (row, selected);
      dl_combo_row_choose_activated (row);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, dl_import_role_label (role),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, dl_import_role_description (role),
                                      -1);
      g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (update_preview), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      self->rows[role] = row;
    }
}

static void
dl_import_dialog_finalize (GObject *object)
{
  DlImportDialog *self = DL_IMPORT_DIALOG (object);

  g_clear_pointer (&self->preview_rows, g_ptr_array_unref);
  g_clear_pointer (&self->peek, dl_import_peek_free);
  g_free (self->name);
  G_OBJECT_CLASS (dl_import_dialog_parent_class)->finalize (object);
}

static void
dl_import_dialog_class_init (DlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = dl_import_dialog_finalize;
  window_class->close_request = on_close_request;

  signals[RESPONSE] = g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlImportDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, DlImportDialog, sample_heading);
  gtk_widget_class_bind_template_child (widget_class, DlImportDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, DlImportDialog, sample_grid);
  gtk_widget_class_bind_template_child (widget_class, DlImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, DlImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, DlImportDialog, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_clicked);

  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
dl_import_dialog_init (DlImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->preview_rows = g_ptr_array_new ();
}

DlImportDialog *
dl_import_dialog_new (GtkWindow             *parent,
                      const char            *file_name,
                      DlImportPeek          *peek,
                      const DlImportMapping *mapping)
{
  DlImportDialog *self;
  g_autofree char *intro = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (peek != NULL, NULL);

  self = g_object_new (DL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->peek = peek;
  self->name = g_strdup (file_name);

  if (peek->geojson)
    {
      /* Translators: %s is a file's name */
      intro = g_strdup_printf (_("No property of the features in “%s” has a usual date name (date, time, "
                                 "start…). Choose what its properties hold; the next time a file with these "
                                 "properties opens, they are read the same way."),
                               file_name);
      gtk_window_set_title (GTK_WINDOW (self), _("Choose Properties"));
      gtk_label_set_text (self->sample_heading, _("First Features of the File"));
      adw_preferences_group_set_title (self->columns_group, _("What the Properties Hold"));
      adw_preferences_group_set_description (self->columns_group,
                                             _("Each feature is placed at its geometry; without a date it is on "
                                               "the map only"));
    }
  else
    /* Translators: %s is a file's name */
    intro = g_strdup_printf (_("“%s” is not an ACLED or UCDP GED export. Choose what its columns hold; "
                               "the next time a file with these columns opens, they are read the same way."),
                             file_name);
  gtk_label_set_text (self->intro_label, intro);
  fill_sample (self);
  build_rows (self, mapping != NULL ? mapping : peek->guess);
  update_preview (self);
  return self;
}

/* Before opening a file */

typedef struct {
  GtkWindow    *parent;
  GFile        *file;
  DlImportPeek *peek;
  DlImportDialog *dialog;
  gulong        cancelled_id;
} Choose;

static void
choose_free (Choose *choose)
{
  g_clear_object (&choose->parent);
  g_clear_object (&choose->file);
  g_clear_pointer (&choose->peek, dl_import_peek_free);
  g_free (choose);
}

static void
peek_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Choose *choose = task_data;
  g_autoptr(DlProblems) problems = dl_problems_new ();

  choose->peek = dl_import_peek_file (choose->file, N_PREVIEW_ROWS, problems, cancellable);
  g_task_return_boolean (task, TRUE);
}

static void
on_cancelled (GCancellable *cancellable,
              Choose       *choose)
{
  /* Another file is being opened, or the window closes. Disconnecting
   * from inside this handler would deadlock: forget the id instead. */
  choose->cancelled_id = 0;
  if (choose->dialog != NULL)
    respond (choose->dialog, FALSE);
}

static void
on_response (DlImportDialog *dialog,
             gboolean        accepted,
             GTask          *task)
{
  Choose *choose = g_task_get_task_data (task);
  DlImportMapping *mapping;

  choose->dialog = NULL;
  g_cancellable_disconnect (g_task_get_cancellable (task), choose->cancelled_id);
  if (!accepted)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
      g_object_unref (task);
      return;
    }
  mapping = dl_import_dialog_get_mapping (dialog);
  dl_import_mapping_remember (NULL, dialog->peek, mapping);
  g_task_return_pointer (task, mapping, (GDestroyNotify) dl_import_mapping_free);
  g_object_unref (task);
}

static void
on_peeked (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Choose *choose = g_task_get_task_data (task);
  g_autofree char *name = g_file_get_basename (choose->file);
  DlImportMapping *mapping;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (choose->peek == NULL || choose->peek->recognised)
    {
      g_task_return_pointer (task, NULL, NULL);
      g_object_unref (task);
      return;
    }
  if ((mapping = dl_import_mapping_lookup (NULL, choose->peek)) != NULL)
    {
      g_task_return_pointer (task, mapping, (GDestroyNotify) dl_import_mapping_free);
      g_object_unref (task);
      return;
    }

  /* The dialog takes the peek over. */
  choose->dialog = dl_import_dialog_new (choose->parent, name, g_steal_pointer (&choose->peek), NULL);
  g_signal_connect (choose->dialog, "response", G_CALLBACK (on_response), task);
  if (g_task_get_cancellable (task) != NULL)
    choose->cancelled_id = g_cancellable_connect (g_task_get_cancellable (task), G_CALLBACK (on_cancelled),
                                                  choose, NULL);
  gtk_window_present (GTK_WINDOW (choose->dialog));
}

void
dl_import_choose_columns_async (GtkWindow           *parent,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;
  Choose *choose;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dl_import_choose_columns_async);
  choose = g_new0 (Choose, 1);
  choose->parent = parent != NULL ? g_object_ref (parent) : NULL;
  choose->file = g_object_ref (file);
  g_task_set_task_data (task, choose, (GDestroyNotify) choose_free);

  name = g_file_get_basename (file);
  /* Only a CSV or GeoJSON file may need a mapping; which it is, its first
   * bytes say (in the thread). */
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  if (lower == NULL
      || (dl_import_detect (lower, NULL, 0) != DL_IMPORT_FORMAT_CSV
          && !g_str_has_suffix (lower, ".json") && !g_str_has_suffix (lower, ".geojson")))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  {
    GTask *peek = g_task_new (NULL, cancellable, on_peeked, g_object_ref (task));

    g_task_set_task_data (peek, choose, NULL);
    g_task_run_in_thread (peek, peek_thread);
    g_object_unref (peek);
  }
}

GFile *
dl_import_choose_columns_get_file (GAsyncResult *result)
{
  Choose *choose;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  choose = g_task_get_task_data (G_TASK (result));
  return choose->file;
}

gboolean
dl_import_choose_columns_finish (GAsyncResult     *result,
                                 DlImportMapping **mapping,
                                 GError          **error)
{
  g_autoptr(GError) local = NULL;
  DlImportMapping *chosen;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  chosen = g_task_propagate_pointer (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (mapping != NULL)
    *mapping = chosen;
  else
    dl_import_mapping_free (chosen);
  return TRUE;
}
