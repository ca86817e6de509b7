/* dl-map-file-row.c: Preferences → Map: "Offline Map File"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-map-file-row"

#include <glib/gi18n-lib.h>

#include "dl-map-file-row.h"
#include "dl-mbtiles-source.h"

struct _DlMapFileRow
{
  AdwActionRow  parent_instance;

  GSettings    *settings;
  GtkWidget    *choose;
  GtkWidget    *remove;
  GtkWidget    *spinner;
  GCancellable *cancellable;
  char         *error;
};

G_DEFINE_FINAL_TYPE (DlMapFileRow, dl_map_file_row, ADW_TYPE_ACTION_ROW)

/* ------------------------------------------------------------------ helpers */

static void
update (DlMapFileRow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "offline-map-file");
  gboolean has_file = path != NULL && *path != '\0';

  if (has_file)
    {
      g_autofree char *name = g_path_get_basename (path);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), name);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                                 _("None. An MBTiles file (PNG, JPEG or WebP tiles) adds detail "
                                   "where it has tiles; the built-in map fills the rest."));
  gtk_widget_set_visible (self->remove, has_file);
}

static void
show_error (DlMapFileRow *self,
            const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_free (self->error);
  self->error = g_strdup (message);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("This Map File Cannot Be Used"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ callbacks */

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DlMapFileRow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShumateMapSource) source = dl_mbtiles_source_new_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_sensitive (self->choose, TRUE);

  if (source == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_clear_pointer (&self->error, g_free);
  {
    g_autofree char *path = g_file_get_path (dl_mbtiles_source_get_file (DL_MBTILES_SOURCE (source)));

    g_settings_set_string (self->settings, "offline-map-file", path);
  }
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_response (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DlMapFileRow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    dl_map_file_row_set_file (self, file);
}
#else
static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    DlMapFileRow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        dl_map_file_row_set_file (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}
#endif

static void
on_choose_clicked (DlMapFileRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("MBTiles Map Files"));
  gtk_file_filter_add_pattern (filter, "*.mbtiles");
  gtk_file_filter_add_mime_type (filter, "application/vnd.mapbox-vector-tile");
  gtk_file_filter_add_mime_type (filter, "application/x-sqlite3");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Choose an Offline Map File"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, parent, NULL, on_open_response, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Choose an Offline Map File"), parent,
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    g_signal_connect (native, "response", G_CALLBACK (on_native_response), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

static void
on_remove_clicked (DlMapFileRow *self)
{
  g_settings_set_string (self->settings, "offline-map-file", "");
}

/* ------------------------------------------------------------------ vfuncs */

static void
dl_map_file_row_dispose (GObject *object)
{
  DlMapFileRow *self = DL_MAP_FILE_ROW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dl_map_file_row_parent_class)->dispose (object);
}

static void
dl_map_file_row_finalize (GObject *object)
{
  DlMapFileRow *self = DL_MAP_FILE_ROW (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (dl_map_file_row_parent_class)->finalize (object);
}

static void
dl_map_file_row_class_init (DlMapFileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_map_file_row_dispose;
  object_class->finalize = dl_map_file_row_finalize;
}

static void
dl_map_file_row_init (DlMapFileRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Offline Map File"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);

  self->choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (self->choose, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->choose, _("Choose an MBTiles map file"));
  g_signal_connect_swapped (self->choose, "clicked", G_CALLBACK (on_choose_clicked), self);

  self->remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_set_valign (self->remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->remove, "flat");
  gtk_widget_set_tooltip_text (self->remove, _("Stop using this map file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stop using this map file"), -1);
  g_signal_connect_swapped (self->remove, "clicked", G_CALLBACK (on_remove_clicked), self);

  gtk_box_append (GTK_BOX (box), self->spinner);
  gtk_box_append (GTK_BOX (box), self->remove);
  gtk_box_append (GTK_BOX (box), self->choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), self->choose);
}

/* ------------------------------------------------------------------ public API */

GtkWidget *
dl_map_file_row_new (GSettings *settings)
{
  DlMapFileRow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DL_TYPE_MAP_FILE_ROW, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::offline-map-file", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

void
dl_map_file_row_set_file (DlMapFileRow *self,
                          GFile        *file)
{
  g_return_if_fail (DL_IS_MAP_FILE_ROW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  gtk_widget_set_sensitive (self->choose, FALSE);
  dl_mbtiles_source_new_async (file, self->cancellable, on_checked, g_object_ref (self));
}

const char *
dl_map_file_row_get_error (DlMapFileRow *self)
{
  g_return_val_if_fail (DL_IS_MAP_FILE_ROW (self), NULL);

  return self->error;
}
