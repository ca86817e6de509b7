/* dl-preferences-window.c: the app's preferences
 *
 * The choices are GSettings actions ("prefs.basemap") of the preferences
 * window itself, so the radio buttons show the current value however it
 * was set, and setting them writes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-preferences"

#ifdef HAVE_BASEMAP
#include "dl-map-file-row.h"
#endif
#include "dl-preferences-window.h"

struct _DlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *basemap_group;
  GSimpleActionGroup   *actions;
};

G_DEFINE_FINAL_TYPE (DlPreferencesWindow, dl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
dl_preferences_window_dispose (GObject *object)
{
  DlPreferencesWindow *self = DL_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (dl_preferences_window_parent_class)->dispose (object);
}

static void
dl_preferences_window_class_init (DlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/datelineapp/Dateline/dl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DlPreferencesWindow, basemap_group);
}

static void
dl_preferences_window_init (DlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "prefs", G_ACTION_GROUP (self->actions));
}

GtkWidget *
dl_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  DlPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);

  if (settings != NULL)
    {
      g_autoptr(GAction) basemap = g_settings_create_action (settings, "basemap");

      g_action_map_add_action (G_ACTION_MAP (self->actions), basemap);
#ifdef HAVE_BASEMAP
      adw_preferences_group_add (self->basemap_group, dl_map_file_row_new (settings));
#endif
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->basemap_group), FALSE);

  return GTK_WIDGET (self);
}
