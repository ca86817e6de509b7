/* dl-window-recovery.c: the window's unsaved changes kept for after a crash
 *
 * A DlRecovery (src/model/dl-recovery.h) follows the session's edit stack
 * and keeps its unsaved changes in a recovery folder a few seconds after an
 * edit; Save, undoing back to the saved state and Discard remove it. At
 * start, dl_window_offer_recovery() asks about each folder a crash left:
 * Restore brings the dataset back as it was, its changes unsaved, to be
 * saved where it came from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>

#include "dl-recovery.h"
#include "dl-window-private.h"

static void offer_next (DlWindow  *self,
                        GPtrArray *entries,
                        guint      index);

static void
on_dataset_changed (DlWindow *self)
{
  dl_recovery_set_edit_stack (self->recovery, dl_session_get_edit_stack (self->session));
}

static void
on_delay_changed (DlWindow *self)
{
  dl_recovery_set_delay (self->recovery, g_settings_get_uint (self->settings, "autosave-delay") * 1000);
}

void
_dl_window_init_recovery (DlWindow *self)
{
  self->recovery = dl_recovery_new ();
  /* Without the schema (an uninstalled run) the recovery keeps its default delay. */
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::autosave-delay", G_CALLBACK (on_delay_changed), self,
                               G_CONNECT_SWAPPED);
      on_delay_changed (self);
    }
  g_signal_connect_object (self->session, "notify::dataset", G_CALLBACK (on_dataset_changed), self,
                           G_CONNECT_SWAPPED);
  on_dataset_changed (self);
}

void
_dl_window_discard_recovery (DlWindow *self)
{
  dl_recovery_discard (self->recovery);
}

/* Restoring */

typedef struct
{
  DlWindow        *window;
  DlRecoveryEntry *entry;
} Restore;

static void
on_restored (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Restore *restore = user_data;
  g_autoptr(DlWindow) self = restore->window;
  g_autoptr(DlRecoveryEntry) entry = restore->entry;
  g_autoptr(GError) error = NULL;
  g_autoptr(DlDataset) dataset = dl_recovery_entry_load_finish (result, NULL, &error);

  g_free (restore);
  if (dataset == NULL)
    {
      g_autofree char *isolated = g_strdup_printf ("\u2068%s\u2069", entry->title);
      /* TRANSLATORS: %s is the dataset's title, then why */
      g_autofree char *message = g_strdup_printf (_("The changes to “%s” cannot be read: %s"),
                                                  isolated, error->message);

      _dl_window_show_error (self, _("Cannot Restore the Changes"), message);
      return;
    }

  _dl_window_show_dataset (self, dataset);
  dl_edit_stack_set_unsaved (dl_session_get_edit_stack (self->session));
  /* The folder is this window's now: replaced by its next changes, gone
   * once they are saved or discarded. */
  dl_recovery_take_over (self->recovery, entry->dir);
  _dl_window_toast (self, _("Changes restored: save them to keep them"));
}

static void
restore (DlWindow        *self,
         DlRecoveryEntry *entry)
{
  Restore *data = g_new0 (Restore, 1);

  data->window = g_object_ref (self);
  data->entry = entry;
  dl_recovery_entry_load_async (entry, NULL, on_restored, data);
}

/* Asking */

static void
on_offer_response (AdwMessageDialog *dialog,
                   const char       *response,
                   DlWindow         *self)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (dialog), "dl-entries");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "dl-index"));
  DlRecoveryEntry *entry = g_ptr_array_index (entries, index);
  gboolean restoring = FALSE;

  if (g_str_equal (response, "restore"))
    {
      restoring = TRUE;
      /* Taken out of the list: the restore owns it now. */
      g_ptr_array_index (entries, index) = NULL;
      restore (self, entry);
    }
  else if (g_str_equal (response, "discard"))
    {
      g_autoptr(GError) error = NULL;

      if (!dl_recovery_entry_remove (entry, &error))
        _dl_window_toast (self, error->message);
    }
  /* "later": it stays, offered again at the next start. */

  /* One dataset a window: the next is offered in a window of its own. */
  if (index + 1 < entries->len)
    {
      DlWindow *next = self;

      if (restoring)
        {
          next = dl_window_new (gtk_window_get_application (GTK_WINDOW (self)));
          gtk_window_present (GTK_WINDOW (next));
        }
      offer_next (next, g_ptr_array_ref (entries), index + 1);
    }
}

static void
offer_next (DlWindow  *self,
            GPtrArray *entries,
            guint      index)
{
  DlRecoveryEntry *entry = g_ptr_array_index (entries, index);
  g_autofree char *isolated = g_strdup_printf ("\u2068%s\u2069", entry->title);
  g_autofree char *when = g_date_time_format (entry->saved, _("%-d %B %Y %H:%M"));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: the first %s is the dataset's title, the second when its changes were kept */
  body = g_strdup_printf (_("Dateline stopped before the changes to “%s” were saved. They were kept on %s."),
                          isolated, when);
  dialog = _dl_window_new_changes_dialog (self, _("Restore Unsaved Changes?"), body,
                                          "later", _("_Not Now"), "restore", _("_Restore"));
  g_object_set_data_full (G_OBJECT (dialog), "dl-entries", entries, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data (G_OBJECT (dialog), "dl-index", GUINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
dl_window_offer_recovery (DlWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);

  /* A screenshot run draws the window and quits: nothing to ask. */
  if (self->screenshot_path != NULL)
    return FALSE;

  entries = dl_recovery_list ();
  if (entries->len == 0)
    return FALSE;

  offer_next (self, g_steal_pointer (&entries), 0);
  return TRUE;
}
