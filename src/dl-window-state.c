/* dl-window-state.c: what the window remembers between runs
 *
 * The window's size, the panes, the recent datasets, and for the dataset
 * open last its filters, visible range and selection (GSettings; optional,
 * since an uninstalled run may lack the schema).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>

#include "dl-window-private.h"

#define MAX_RECENT 8

void
_dl_window_save_hidden (DlWindow *self)
{
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) sources = NULL;

  if (self->settings == NULL || self->restoring || self->dataset == NULL)
    return;

  categories = dl_session_dup_hidden_categories (self->session);
  sources = dl_session_dup_hidden_sources (self->session);
  g_settings_set_strv (self->settings, "hidden-categories", (const char * const *) categories);
  g_settings_set_strv (self->settings, "hidden-sources", (const char * const *) sources);
}

void
_dl_window_rebuild_recent_menu (DlWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_section);
  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-datasets");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recent[i]);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);
    }
}

void
_dl_window_remember_recent (DlWindow *self,
                            GFile    *file)
{
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) recent = NULL;
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (self->settings == NULL || g_file_equal (file, bundled))
    return;

  recent = g_settings_get_strv (self->settings, "recent-datasets");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], uri))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-datasets", (const char * const *) updated);
  _dl_window_rebuild_recent_menu (self);
}

gboolean
_dl_window_same_dataset_as_last_time (DlWindow *self)
{
  g_autofree char *last = NULL;
  g_autofree char *uri = NULL;

  if (self->settings == NULL || dl_dataset_get_file (self->dataset) == NULL)
    return FALSE;

  last = g_settings_get_string (self->settings, "last-dataset");
  uri = g_file_get_uri (dl_dataset_get_file (self->dataset));

  return g_str_equal (last, uri);
}

/* Restores filters, visible range and selection saved for this dataset. */
void
_dl_window_restore_view (DlWindow *self)
{
  g_auto(GStrv) hidden_categories = NULL;
  g_auto(GStrv) hidden_sources = NULL;
  g_autofree char *selected = NULL;
  gint64 start = 0;
  gint64 end = 0;

  if (!_dl_window_same_dataset_as_last_time (self))
    return;

  hidden_categories = g_settings_get_strv (self->settings, "hidden-categories");
  hidden_sources = g_settings_get_strv (self->settings, "hidden-sources");
  dl_session_set_hidden (self->session, (const char * const *) hidden_categories,
                         (const char * const *) hidden_sources);

  g_settings_get (self->settings, "visible-range", "(xx)", &start, &end);
  if (end > start)
    dl_session_set_visible_range (self->session, start, end);

  selected = g_settings_get_string (self->settings, "selected-event");
  if (self->initial_selection == NULL && *selected != '\0')
    self->initial_selection = g_steal_pointer (&selected);
  self->restoring = FALSE;
}

void
_dl_window_save_view (DlWindow *self)
{
  DlEvent *event = dl_window_get_selected_event (self);
  g_autofree char *uri = NULL;
  gint64 start, end;
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));

  if (self->panes_placed)
    {
      int sidebar = gtk_widget_get_width (GTK_WIDGET (self->main_paned)) - gtk_paned_get_position (self->main_paned);
      int timeline = gtk_widget_get_height (GTK_WIDGET (self->vertical_paned))
                     - gtk_paned_get_position (self->vertical_paned);

      g_settings_set_int (self->settings, "sidebar-width", CLAMP (sidebar, 160, 800));
      g_settings_set_int (self->settings, "timeline-height", CLAMP (timeline, 80, 600));
    }

  if (self->dataset == NULL || dl_dataset_get_file (self->dataset) == NULL)
    return;

  uri = g_file_get_uri (dl_dataset_get_file (self->dataset));
  g_settings_set_string (self->settings, "last-dataset", uri);
  g_settings_set_string (self->settings, "selected-event", event != NULL ? dl_event_get_id (event) : "");
  dl_session_get_visible_range (self->session, &start, &end);
  g_settings_set (self->settings, "visible-range", "(xx)", start, end);
  _dl_window_save_hidden (self);
}

static gboolean
has_user_value (GSettings  *settings,
                const char *key)
{
  g_autoptr(GVariant) value = settings != NULL ? g_settings_get_user_value (settings, key) : NULL;

  return value != NULL;
}

static gboolean
place_panes (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  DlWindow *self = DL_WINDOW (widget);
  int width = gtk_widget_get_width (GTK_WIDGET (self->main_paned));
  int height = gtk_widget_get_height (GTK_WIDGET (self->vertical_paned));
  int sidebar = self->settings != NULL ? g_settings_get_int (self->settings, "sidebar-width") : 300;
  int timeline = self->settings != NULL ? g_settings_get_int (self->settings, "timeline-height") : 220;

  if (width <= 0 || height <= 0)
    return G_SOURCE_CONTINUE;

  /* Until the user drags them, the panes grow with a large screen (a 4K
   * projector): the defaults suit 1080p, where they stay as they are. */
  if (!has_user_value (self->settings, "sidebar-width"))
    sidebar = MAX (sidebar, width / 7);
  if (!has_user_value (self->settings, "timeline-height"))
    timeline = MAX (timeline, height / 5);

  gtk_paned_set_position (self->main_paned, MAX (width - sidebar, width / 3));
  gtk_paned_set_position (self->vertical_paned, MAX (height - timeline, height / 2));
  self->panes_placed = TRUE;

  return G_SOURCE_REMOVE;
}

void
_dl_window_init_state (DlWindow *self)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Settings are optional: an uninstalled run may lack the schema. */
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) != NULL)
    {
      int width, height;

      self->settings = g_settings_new (APP_ID);
      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  _dl_window_rebuild_recent_menu (self);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), place_panes, NULL, NULL);
}
