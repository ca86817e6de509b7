/* dl-window.c: the main window
 *
 * The window owns one DlSession (the shown events, the selection, the
 * visible time range, the filters and the query). The map layer, the
 * timeline, the event panel, the article view and search only observe and
 * set it: they never talk to each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_BASEMAP
#include "dl-mbtiles-source.h"
#endif
#include "dl-article-view.h"
#include "dl-category.h"
#include "dl-event-layer.h"
#include "dl-event-panel.h"
#include "dl-export-csv.h"
#include "dl-export-pdf.h"
#include "dl-export-png.h"
#include "dl-export.h"
#include "dl-map-flight.h"
#include "dl-map-view.h"
#include "dl-presentation.h"
#include "dl-session.h"
#include "dl-timeline.h"
#include "dl-widget-png.h"
#include "dl-window-private.h"

G_DEFINE_FINAL_TYPE (DlWindow, dl_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers */

void
_dl_window_update_counts (DlWindow *self)
{
  guint total = dl_session_get_n_events (self->session);
  guint shown = g_list_model_get_n_items (dl_session_get_events (self->session));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", total), total);
  else
    /* TRANSLATORS: how many events pass the filters */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u event shown", "%u of %u events shown", total),
                            shown, total);

  adw_window_title_set_subtitle (self->window_title, text);
  gtk_label_set_label (self->shown_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->shown_label), shown != total);
}

void
_dl_window_set_dataset (DlWindow  *self,
                        DlDataset *dataset)
{
  gint64 start, end;
  gboolean restored;

  /* What the previous dataset's view was is kept before it goes. */
  if (self->dataset != NULL)
    _dl_window_save_view (self);

  /* The session clears the filters: that is not the user's choice to save. */
  self->restoring = TRUE;
  g_set_object (&self->dataset, dataset);
  dl_session_set_dataset (self->session, dataset);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  _dl_window_restore_view (self);
  self->restoring = FALSE;

  adw_window_title_set_title (self->window_title, dl_dataset_get_title (dataset));
  gtk_window_set_title (GTK_WINDOW (self), dl_dataset_get_title (dataset));
  _dl_window_update_counts (self);

  gtk_stack_set_visible_child_name (self->sidebar_stack, "details");

  gtk_stack_set_visible_child_name (self->stack, "content");

  /* The visible range was restored above, or starts where most events are. */
  dl_session_get_visible_range (self->session, &start, &end);
  restored = _dl_window_same_dataset_as_last_time (self) && end > start;
  if (!restored)
    {
      if (dl_session_get_focus_range (self->session, &start, &end))
        dl_session_set_visible_range (self->session, start, end);
      else
        dl_timeline_fit_all (self->timeline);
    }

  _dl_window_frame_main_events (self, FALSE);
}

/* Callbacks */

static void
on_selection_changed (DlWindow *self)
{
  DlEvent *event = dl_window_get_selected_event (self);

  /* The event panel and the article view follow the session by themselves
   * (their set_session); the window only chooses the sidebar's page. The
   * article stays while it has a passage of the selected event. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "article")
      && event != NULL)
    {
      DlSource *source = dl_article_view_get_source (self->article_view);
      gboolean found = FALSE;

      for (guint i = 0; i < dl_event_get_n_excerpts (event) && !found; i++)
        found = dl_event_get_excerpt (event, i)->source == source;
      if (!found)
        gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
    }
  else if (event == NULL && gtk_search_bar_get_search_mode (self->search_bar)
           && !g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "editor"))
    /* Esc from a result chosen: back to the results the search still holds. */
    gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
  else if (!g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "search")
           && !g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "editor"))  /* editing goes on */
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");

  if (event != NULL)
    {
      DlBBox bbox = dl_event_get_bbox (event);

      _dl_window_frame_bbox (self, &bbox, dl_event_get_precision_m (event), TRUE);
#if GTK_CHECK_VERSION (4, 14, 0)
      {
        g_autofree char *when = dl_edtf_describe (dl_event_get_when (event));
        g_autofree char *text = g_strdup_printf ("%s, %s", dl_event_get_title (event), when);

        gtk_accessible_announce (GTK_ACCESSIBLE (self), text, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
      }
#endif
    }
}

static void
on_event_activated (DlWindow *self,
                    DlEvent  *event)
{
  if (event != NULL)
    dl_session_select (self->session, event);
}

static void
on_excerpt_activated (DlWindow *self,
                      DlEvent  *event,
                      guint     excerpt_index)
{
  const DlExcerpt *excerpt;

  if (event == NULL || excerpt_index >= dl_event_get_n_excerpts (event))
    return;

  excerpt = dl_event_get_excerpt (event, excerpt_index);
  dl_article_view_show (self->article_view, excerpt->source, event, excerpt_index);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "article");
}

static void
on_filters_changed (DlWindow *self)
{
  _dl_window_save_hidden (self);
  _dl_window_update_counts (self);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         DlWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || (files = g_value_get_boxed (value)) == NULL)
    return FALSE;

  /* Text files dropped on an open dataset are articles to add to it
   * (dl-window-articles.c); anything else is a dataset to open. */
  if (_dl_window_drop_articles (self, files))
    return TRUE;
  dl_window_open (self, files->data);
  return TRUE;
}

static gboolean
on_close_request (DlWindow *self)
{
  /* Unsaved changes: a dialog asks first (dl-window-edit.c). */
  if (_dl_window_confirm_unsaved (self, NULL))
    return TRUE;

  _dl_window_save_view (self);
  /* A load still running stops now, not when its thread would end. */
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* Vfuncs */

/* A legend taller than this share of the map folds under its toggle. */
#define LEGEND_MAX_SHARE 0.45

gboolean
_dl_window_want_compact_legend (DlWindow *self)
{
  int map_height = gtk_widget_get_height (GTK_WIDGET (self->map));

  if (map_height <= 0)
    return dl_legend_get_compact (self->legend);
  return dl_legend_get_rows_height (self->legend) > map_height * LEGEND_MAX_SHARE;
}

static gboolean
update_legend_compact (gpointer user_data)
{
  DlWindow *self = DL_WINDOW (user_data);

  self->legend_idle = 0;
  if (_dl_window_want_compact_legend (self) != dl_legend_get_compact (self->legend))
    {
      dl_legend_set_compact (self->legend, !dl_legend_get_compact (self->legend));
      /* Its new width is known after the next allocation. */
      self->legend_refold_pending = TRUE;
    }
  return G_SOURCE_REMOVE;
}

/* The map's size is known only once allocated: the legend's fold follows
 * it on the next idle (changing a widget while allocating is not allowed). */
static void
dl_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  DlWindow *self = DL_WINDOW (widget);

  GTK_WIDGET_CLASS (dl_window_parent_class)->size_allocate (widget, width, height, baseline);
  self->legend_refold_pending = FALSE;
  if (self->legend_idle == 0 && self->legend != NULL)
    self->legend_idle = g_idle_add (update_legend_compact, self);
}

static void
dl_window_dispose (GObject *object)
{
  DlWindow *self = DL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->legend_idle, g_source_remove);
  g_clear_weak_pointer (&self->focus_before_search);
  g_clear_weak_pointer (&self->warnings_toast);
  g_clear_weak_pointer (&self->toast);
  g_clear_object (&self->open_after_save);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
    }
  if (self->event_layer != NULL)
    dl_event_layer_set_session (self->event_layer, NULL);
  g_clear_object (&self->edit_signals);           /* dl-window-edit.c */
  g_clear_object (&self->edited_dataset_signals);
  g_clear_object (&self->recovery);               /* dl-window-recovery.c */
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_WINDOW);

  G_OBJECT_CLASS (dl_window_parent_class)->dispose (object);
}

static void
dl_window_finalize (GObject *object)
{
  DlWindow *self = DL_WINDOW (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->session);
  g_clear_object (&self->base);
  g_clear_object (&self->settings);
  g_free (self->initial_selection);
  g_free (self->screenshot_path);

  G_OBJECT_CLASS (dl_window_parent_class)->finalize (object);
}

static void
dl_window_class_init (DlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_window_dispose;
  object_class->finalize = dl_window_finalize;
  widget_class->size_allocate = dl_window_size_allocate;

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (DL_TYPE_TIMELINE);
  g_type_ensure (DL_TYPE_EVENT_PANEL);
  g_type_ensure (DL_TYPE_ARTICLE_VIEW);
  g_type_ensure (DL_TYPE_FILTER_BOX);
  g_type_ensure (DL_TYPE_LEGEND);
  g_type_ensure (DL_TYPE_SEARCH_PANEL);
  g_type_ensure (DL_TYPE_EVENT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, header_bar);  /* dl-window-edit.c */
  gtk_widget_class_bind_template_child (widget_class, DlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, load_revealer);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, load_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, load_bar);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, load_cancel);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_load_cancel", G_CALLBACK (_dl_window_cancel_load));
  gtk_widget_class_bind_template_child (widget_class, DlWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, filter_box);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, map);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, legend);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, shown_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, license);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, scale);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, event_panel);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, search_panel);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, vertical_paned);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, event_editor);

  _dl_window_class_actions_init (widget_class);
  _dl_window_class_edit_init (widget_class);  /* undo, redo, save, edit (dl-window-edit.c) */
  _dl_window_class_articles_init (widget_class);  /* new dataset, add articles (dl-window-articles.c) */
}

/* The loading page's spinner spins only while the page shows: a spinner
 * spinning on a hidden page still animates its style, and GTK then lays
 * out and redraws the window several times a second (a tenth of a core
 * with nothing happening). */
static void
on_stack_page_changed (DlWindow *self)
{
  gtk_spinner_set_spinning (self->loading_spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0);
}

static void
dl_window_init (DlWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                                    "/io/github/datelineapp/Dateline/icons");

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (on_stack_page_changed), self);
  on_stack_page_changed (self);

  self->cancellable = g_cancellable_new ();
  /* What every view shares */
  self->session = dl_session_new ();
  dl_session_view_set_session (DL_SESSION_VIEW (self->filter_box), self->session);
  dl_session_view_set_session (DL_SESSION_VIEW (self->legend), self->session);
  g_signal_connect_swapped (self->session, "notify::selected-event", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->session, "filters-changed", G_CALLBACK (on_filters_changed), self);

  dl_session_view_set_session (DL_SESSION_VIEW (self->search_panel), self->session);
  dl_event_panel_set_session (self->event_panel, self->session);
  dl_article_view_set_session (self->article_view, self->session);
  _dl_window_setup_search (self);
  _dl_window_init_keys (self);

  _dl_window_init_state (self);
  _dl_window_setup_map (self);

  dl_timeline_set_session (self->timeline, self->session);

  g_signal_connect_object (self->event_panel, "excerpt-activated", G_CALLBACK (on_excerpt_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_panel, "event-activated", G_CALLBACK (on_event_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "event-activated", G_CALLBACK (on_event_activated), self,
                           G_CONNECT_SWAPPED);
  _dl_window_init_edit (self);  /* editing (dl-window-edit.c) */
  _dl_window_init_articles (self);  /* new dataset, add articles (dl-window-articles.c) */

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);

  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Public API */

DlWindow *
dl_window_new (GtkApplication *application)
{
  return g_object_new (DL_TYPE_WINDOW, "application", application, NULL);
}

DlDataset *
dl_window_get_dataset (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->dataset;
}

DlSession *
dl_window_get_session (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->session;
}

GtkSingleSelection *
dl_window_get_selection (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return dl_session_get_selection (self->session);
}

DlEvent *
dl_window_get_selected_event (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return dl_session_get_selected_event (self->session);
}

gboolean
dl_window_select_event (DlWindow   *self,
                        const char *id)
{
  DlEvent *event;

  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->dataset == NULL || (event = dl_dataset_lookup_event (self->dataset, id)) == NULL)
    return FALSE;

  return dl_session_select (self->session, event);
}

void
dl_window_export (DlWindow *self,
                  GFile    *file,
                  gboolean  ask_options)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->dataset != NULL)
    _dl_window_export_to (self, file, ask_options);
}

void
dl_window_show_excerpt (DlWindow *self,
                        guint     excerpt_index)
{
  g_return_if_fail (DL_IS_WINDOW (self));

  on_excerpt_activated (self, dl_window_get_selected_event (self), excerpt_index);
}

ShumateMap *
dl_window_get_map (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return self->map;
}

GtkWidget *
dl_window_get_timeline (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->timeline);
}

GtkWidget *
dl_window_get_details (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->event_panel);
}

GtkWidget *
dl_window_get_article_view (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->article_view);
}

const char *
dl_window_get_sidebar_page (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->sidebar_stack);
}

void
dl_window_set_initial_selection (DlWindow   *self,
                                 const char *id)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  g_free (self->initial_selection);
  self->initial_selection = g_strdup (id);
}

gboolean
dl_window_set_basemap_file (DlWindow  *self,
                            GFile     *file,
                            GError   **error)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

#ifdef HAVE_BASEMAP
  {
    g_autoptr(ShumateMapSource) source = dl_mbtiles_source_new_sync (file, NULL, error);

    if (source == NULL)
      return FALSE;
    dl_base_layers_set_map_file (self->base, file);
  }
  return TRUE;
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", _("This build has no offline map"));
  return FALSE;
#endif
}

void
dl_window_set_screenshot_path (DlWindow   *self,
                               const char *path)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (path);
}

gboolean
dl_window_get_screenshot_failed (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);
  return self->screenshot_failed;
}

gboolean
dl_window_save_png (DlWindow    *self,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);

  return dl_widget_save_png (GTK_WIDGET (self), NULL, path, error);
}

