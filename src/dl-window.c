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
#include "dl-base-layers.h"
#include "dl-map-file-row.h"
#include "dl-mbtiles-source.h"
#endif
#include "dl-article-view.h"
#include "dl-category.h"
#include "dl-event-layer.h"
#include "dl-event-panel.h"
#include "dl-export.h"
#include "dl-map-flight.h"
#include "dl-map-view.h"
#include "dl-presentation.h"
#include "dl-session.h"
#include "dl-timeline.h"
#include "dl-widget-png.h"
#include "dl-window.h"

/* Wait this long for tiles before a --screenshot is taken. */
#define SCREENSHOT_DELAY_MS 1500
#define MAX_RECENT          8
#define DAY                 (24 * 3600)

struct _DlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *filter_box;
  ShumateMap           *map;
  GtkWidget            *legend;
  GtkLabel             *shown_label;
  ShumateLicense       *license;
  ShumateScale         *scale;
  GtkStack             *sidebar_stack;
  DlEventPanel         *event_panel;
  DlArticleView        *article_view;
  GtkLabel             *results_label;
  GtkListView          *results_list;
  DlTimeline           *timeline;
  GtkPaned             *main_paned;
  GtkPaned             *vertical_paned;
  GMenu                *recent_section;

  DlSession            *session;
  DlDataset            *dataset;      /* the session's, while it is shown */

  DlEventLayer         *event_layer;
  DlBaseLayers         *base;
  GCancellable         *cancellable;
  GSettings            *settings;
  char                 *initial_selection;
  char                 *screenshot_path;
  gboolean              restoring;
  gboolean              panes_placed;
};

G_DEFINE_FINAL_TYPE (DlWindow, dl_window, ADW_TYPE_APPLICATION_WINDOW)

/* Helpers */

static void
fly_to_view (DlWindow        *self,
             const DlMapView *view,
             gboolean         animate)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double zoom = CLAMP (view->zoom, shumate_viewport_get_min_zoom_level (viewport),
                       shumate_viewport_get_max_zoom_level (viewport));

  /* Far away, the flight zooms out and in again, keeping the wider context. */
  dl_map_fly_to (self->map, view->lat, view->lon, zoom, animate ? 1000 : 0);
}

static void
frame_bbox (DlWindow     *self,
            const DlBBox *bbox,
            double        min_extent_m,
            gboolean      animate)
{
  DlMapView view;

  dl_map_view_fit (&view, gtk_widget_get_width (GTK_WIDGET (self->map)),
                   gtk_widget_get_height (GTK_WIDGET (self->map)), bbox, min_extent_m);
  fly_to_view (self, &view, animate);
}

static void
frame_main_events (DlWindow *self,
                   gboolean  animate)
{
  DlMapView view;

  GListModel *events = dl_session_get_events (self->session);

  if (g_list_model_get_n_items (events) == 0)
    return;

  dl_map_view_fit_events (&view, gtk_widget_get_width (GTK_WIDGET (self->map)),
                          gtk_widget_get_height (GTK_WIDGET (self->map)), events);
  fly_to_view (self, &view, animate);
}

static void
update_counts (DlWindow *self)
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

static void
update_results_label (DlWindow *self)
{
  guint n = g_list_model_get_n_items (dl_session_get_results (self->session));
  const char *query = dl_session_get_query (self->session);
  g_autofree char *text = NULL;

  if (query == NULL || *query == '\0')
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event, in time order", "%u events, in time order", n), n);
  else if (n == 0)
    text = g_strdup (_("No events match"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event matches", "%u events match", n), n);

  gtk_label_set_label (self->results_label, text);
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static char *
category_dot_markup (const char *category)
{
  GdkRGBA color;

  dl_category_get_color (category, &color);
  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                          (int) (color.red * 255), (int) (color.green * 255), (int) (color.blue * 255));
}

/* The hollow mark of statements mapped to the place they concern (the event
 * layer draws them so), explained when the dataset has any. */
static void
add_place_role_legend (DlWindow *self)
{
  GListModel *events = dl_dataset_get_events (self->dataset);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      if (dl_event_get_place_role (event) == DL_PLACE_ROLE_CONCERNS)
        {
          g_autofree char *escaped = g_markup_escape_text (_("Statement, at the place it concerns"), -1);
          g_autofree char *markup = g_strdup_printf ("○  %s", escaped);
          GtkWidget *row = gtk_label_new (NULL);

          gtk_label_set_markup (GTK_LABEL (row), markup);
          gtk_label_set_xalign (GTK_LABEL (row), 0);
          gtk_widget_add_css_class (row, "legend-place-role");
          gtk_box_append (GTK_BOX (self->legend), row);
          return;
        }
    }
}

static void
on_category_toggled (GtkCheckButton *button,
                     DlWindow       *self)
{
  dl_session_set_category_visible (self->session, g_object_get_data (G_OBJECT (button), "category"),
                                  gtk_check_button_get_active (button));
}

static void
on_source_toggled (GtkCheckButton *button,
                   DlWindow       *self)
{
  dl_session_set_source_visible (self->session, g_object_get_data (G_OBJECT (button), "source"),
                                gtk_check_button_get_active (button));
}

static void
on_show_all_clicked (DlWindow *self)
{
  dl_session_show_all (self->session);
}

static GtkWidget *
add_filter_heading (GtkWidget  *box,
                    const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

static void
rebuild_filters_and_legend (DlWindow *self)
{
  g_auto(GStrv) categories = dl_session_dup_categories (self->session);
  GListModel *sources = dl_dataset_get_sources (self->dataset);
  GtkWidget *show_all;

  clear_box (self->filter_box);
  clear_box (self->legend);

  add_filter_heading (self->filter_box, _("Categories"));
  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_autofree char *dot = category_dot_markup (categories[i]);
      g_autofree char *markup = NULL;
      g_autofree char *escaped = g_markup_escape_text (dl_category_get_label (categories[i]), -1);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *legend_row = gtk_label_new (NULL);

      markup = g_strdup_printf ("%s  %s", dot, escaped);
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   dl_session_get_category_visible (self->session, categories[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dl_category_get_label (categories[i]), -1);
      g_object_set_data_full (G_OBJECT (check), "category", g_strdup (categories[i]), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_category_toggled), self);
      gtk_box_append (GTK_BOX (self->filter_box), check);

      gtk_label_set_markup (GTK_LABEL (legend_row), markup);
      gtk_label_set_xalign (GTK_LABEL (legend_row), 0);
      gtk_widget_set_visible (legend_row, dl_session_get_category_visible (self->session, categories[i]));
      g_object_set_data_full (G_OBJECT (legend_row), "category", g_strdup (categories[i]), g_free);
      gtk_box_append (GTK_BOX (self->legend), legend_row);
    }
  add_place_role_legend (self);

  add_filter_heading (self->filter_box, _("Sources"));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      GtkWidget *check = gtk_check_button_new_with_label (dl_source_get_title (source));
      GtkWidget *label = gtk_widget_get_first_child (check);

      while (label != NULL && !GTK_IS_LABEL (label))
        label = gtk_widget_get_next_sibling (label);
      if (label != NULL)
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   dl_session_get_source_visible (self->session, dl_source_get_id (source)));
      g_object_set_data_full (G_OBJECT (check), "source", g_strdup (dl_source_get_id (source)), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_source_toggled), self);
      gtk_box_append (GTK_BOX (self->filter_box), check);
    }

  show_all = gtk_button_new_with_mnemonic (_("Show _All"));
  gtk_widget_set_margin_top (show_all, 6);
  g_signal_connect_swapped (show_all, "clicked", G_CALLBACK (on_show_all_clicked), self);
  gtk_box_append (GTK_BOX (self->filter_box), show_all);
}

/* The check buttons and the legend follow the session's filters. */
static void
sync_filters_and_legend (DlWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->filter_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *category = g_object_get_data (G_OBJECT (child), "category");
      const char *source = g_object_get_data (G_OBJECT (child), "source");

      if (category != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                     dl_session_get_category_visible (self->session, category));
      else if (source != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child), dl_session_get_source_visible (self->session, source));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (self->legend); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *category = g_object_get_data (G_OBJECT (child), "category");

      /* The place-role row explains a mark style, not a category. */
      if (category != NULL)
        gtk_widget_set_visible (child, dl_session_get_category_visible (self->session, category));
    }
}

static void
save_hidden (DlWindow *self)
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

static void
rebuild_recent_menu (DlWindow *self)
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

static void
remember_recent (DlWindow *self,
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
  rebuild_recent_menu (self);
}

static gboolean
same_dataset_as_last_time (DlWindow *self)
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
static void
restore_view (DlWindow *self)
{
  g_auto(GStrv) hidden_categories = NULL;
  g_auto(GStrv) hidden_sources = NULL;
  g_autofree char *selected = NULL;
  gint64 start = 0;
  gint64 end = 0;

  if (!same_dataset_as_last_time (self))
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

static void
save_view (DlWindow *self)
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
  save_hidden (self);
}

static void
set_dataset (DlWindow  *self,
             DlDataset *dataset)
{
  gint64 start, end;
  gboolean restored;

  /* What the previous dataset's view was is kept before it goes. */
  if (self->dataset != NULL)
    save_view (self);

  /* The session clears the filters: that is not the user's choice to save. */
  self->restoring = TRUE;
  g_set_object (&self->dataset, dataset);
  dl_session_set_dataset (self->session, dataset);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  restore_view (self);
  self->restoring = FALSE;

  adw_window_title_set_title (self->window_title, dl_dataset_get_title (dataset));
  gtk_window_set_title (GTK_WINDOW (self), dl_dataset_get_title (dataset));
  update_counts (self);
  rebuild_filters_and_legend (self);

  dl_event_panel_set_dataset (self->event_panel, dataset);
  dl_event_panel_set_event (self->event_panel, NULL);
  dl_article_view_set_dataset (self->article_view, dataset);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "details");

  gtk_stack_set_visible_child_name (self->stack, "content");

  /* The visible range was restored above, or starts where most events are. */
  dl_session_get_visible_range (self->session, &start, &end);
  restored = same_dataset_as_last_time (self) && end > start;
  if (!restored)
    {
      if (dl_session_get_focus_range (self->session, &start, &end))
        dl_session_set_visible_range (self->session, start, end);
      else
        dl_timeline_fit_all (self->timeline);
    }

  frame_main_events (self, FALSE);
}

static void
show_problems (DlWindow   *self,
               GFile      *file,
               DlProblems *problems,
               GError     *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *report = problems != NULL ? dl_problems_to_string (problems, name) : NULL;
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open Dataset"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("“%s”: %s"), name, error->message);
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

static gboolean
take_screenshot (gpointer user_data)
{
  DlWindow *self = DL_WINDOW (user_data);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (!dl_window_save_png (self, self->screenshot_path, &error))
    {
      g_printerr (_("%s: cannot save the screenshot: %s\n"), self->screenshot_path, error->message);
      if (app != NULL)
        dl_application_set_exit_status (DL_APPLICATION (app), 1);
    }

  gtk_window_destroy (GTK_WINDOW (self));
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
    g_timeout_add_full (G_PRIORITY_LOW, SCREENSHOT_DELAY_MS, take_screenshot, g_object_ref (self), g_object_unref);
}

/* Callbacks */

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

  dataset = dl_dataset_load_finish (result, &problems, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (dataset == NULL)
    {
      if (self->dataset == NULL)
        gtk_stack_set_visible_child_name (self->stack, "empty");
      show_problems (self, file, problems, error);
      if (self->screenshot_path != NULL)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *report = dl_problems_to_string (problems, name);
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

          g_printerr ("%s", report);
          if (app != NULL)
            dl_application_set_exit_status (DL_APPLICATION (app), 1);
          gtk_window_destroy (GTK_WINDOW (self));
        }
      return;
    }

  set_dataset (self, dataset);
  remember_recent (self, file);

  if (dl_problems_count (problems, DL_SEVERITY_WARNING) > 0)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Opened with %u warning",
                                                            "Opened with %u warnings",
                                                            dl_problems_count (problems, DL_SEVERITY_WARNING)),
                                               dl_problems_count (problems, DL_SEVERITY_WARNING));

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }

  after_load (self);
}

static void
on_selection_changed (DlWindow *self)
{
  DlEvent *event = dl_window_get_selected_event (self);

  dl_event_panel_set_event (self->event_panel, event);

  /* The article view follows the selection when it shows a passage of it. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "article")
      && event != NULL && event != dl_article_view_get_event (self->article_view))
    {
      DlSource *source = dl_article_view_get_source (self->article_view);
      gboolean found = FALSE;

      for (guint i = 0; i < dl_event_get_n_excerpts (event) && !found; i++)
        if (dl_event_get_excerpt (event, i)->source == source)
          {
            dl_article_view_show (self->article_view, source, event, i);
            found = TRUE;
          }
      if (!found)
        gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
    }
  else if (!g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "search"))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");

  if (event != NULL)
    {
      DlBBox bbox = dl_event_get_bbox (event);

      frame_bbox (self, &bbox, dl_event_get_precision_m (event), TRUE);
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
on_cluster_activated (DlWindow *self,
                      double    west,
                      double    south,
                      double    east,
                      double    north)
{
  DlBBox bbox = { west, south, east, north };

  frame_bbox (self, &bbox, 500, TRUE);
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
  save_hidden (self);
  update_counts (self);
  sync_filters_and_legend (self);
}

static void
on_search_changed (DlWindow *self)
{
  dl_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
}

static void
on_search_mode_changed (DlWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "search"))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
}

static void
on_result_activated (DlWindow *self,
                     guint     position)
{
  g_autoptr(DlEvent) event = g_list_model_get_item (dl_session_get_results (self->session), position);

  on_event_activated (self, event);
  /* Show what was found; typing again brings the results back. */
  gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *dot = gtk_label_new ("●");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);

  gtk_widget_set_valign (dot, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_widget_add_css_class (when, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), when);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  DlEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (dot);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *when = gtk_widget_get_next_sibling (title);
  g_autofree char *date = dl_edtf_describe (dl_event_get_when (event));
  g_autofree char *markup = category_dot_markup (dl_event_get_category (event));
  g_autofree char *accessible = NULL;

  gtk_label_set_markup (GTK_LABEL (dot), markup);
  gtk_label_set_label (GTK_LABEL (title), dl_event_get_title (event));
  gtk_label_set_label (GTK_LABEL (when), date);

  accessible = g_strdup_printf ("%s, %s, %s", dl_event_get_title (event), date,
                                dl_category_get_label (dl_event_get_category (event)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static gboolean
place_panes (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  DlWindow *self = DL_WINDOW (widget);
  int width = gtk_widget_get_width (GTK_WIDGET (self->main_paned));
  int height = gtk_widget_get_height (GTK_WIDGET (self->vertical_paned));
  int sidebar = self->settings != NULL ? g_settings_get_int (self->settings, "sidebar-width") : 360;
  int timeline = self->settings != NULL ? g_settings_get_int (self->settings, "timeline-height") : 220;

  if (width <= 0 || height <= 0)
    return G_SOURCE_CONTINUE;

  gtk_paned_set_position (self->main_paned, MAX (width - sidebar, width / 3));
  gtk_paned_set_position (self->vertical_paned, MAX (height - timeline, height / 2));
  self->panes_placed = TRUE;

  return G_SOURCE_REMOVE;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_open_response (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DlWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    dl_window_open (self, file);
}
#else
static void
on_native_response (GtkNativeDialog *native,
                    int              response,
                    DlWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      dl_window_open (self, file);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

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

  dl_window_open (self, files->data);
  return TRUE;
}

static gboolean
on_close_request (DlWindow *self)
{
  save_view (self);
  /* A load still running stops now, not when its thread would end. */
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

/* Actions */

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Dateline Datasets"));
  gtk_file_filter_add_pattern (filter, "*.dateline.json");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/x-dateline+json");

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Open Dataset"));
    gtk_file_dialog_set_default_filter (dialog, filter);
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_open_response, g_object_ref (self));
  }
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Open Dataset"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    g_signal_connect (native, "response", G_CALLBACK (on_native_response), self);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

static void
open_bundled_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  dl_window_open (DL_WINDOW (widget), NULL);
}

static void
open_recent_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  dl_window_open (DL_WINDOW (widget), file);
}

static void
step_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  if (g_str_equal (action_name, "win.previous-event"))
    dl_session_step (self->session, -1);
  else if (g_str_equal (action_name, "win.next-event"))
    dl_session_step (self->session, 1);
  else if (g_str_equal (action_name, "win.first-event"))
    dl_session_select_first (self->session);
  else
    dl_session_select_last (self->session);
}

static void
unselect_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->sidebar_stack), "article"))
    gtk_stack_set_visible_child_name (self->sidebar_stack, "details");
  else
    dl_session_select (self->session, NULL);
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  gtk_stack_set_visible_child_name (DL_WINDOW (widget)->sidebar_stack, "details");
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  /* Ctrl+F opens the search, and closes it when it is open. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
fit_all_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  dl_timeline_fit_all (self->timeline);
  frame_main_events (self, TRUE);
}

static void
setup_map (DlWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  shumate_scale_set_viewport (self->scale, viewport);

  self->event_layer = dl_event_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->event_layer));
  dl_event_layer_set_session (self->event_layer, self->session);
  g_signal_connect_object (self->event_layer, "event-activated", G_CALLBACK (on_event_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_layer, "cluster-activated", G_CALLBACK (on_cluster_activated), self,
                           G_CONNECT_SWAPPED);

#ifdef HAVE_BASEMAP
  self->base = dl_base_layers_new (self->map, self->license);
#endif
}

static void
preferences_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
  AdwPreferencesWindow *preferences = ADW_PREFERENCES_WINDOW (adw_preferences_window_new ());
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  static const struct {
    const char *value;
    const char *title;
    const char *subtitle;
  } choices[] = {
    { "offline", N_("Built-in Offline Map"),
      N_("Drawn from map data that comes with Dateline. Never uses the network.") },
    { "openstreetmap", N_("OpenStreetMap (Online)"),
      N_("Detailed tiles downloaded from openstreetmap.org while you browse. Needs the network; "
         "map data © OpenStreetMap contributors.") },
  };
  GtkWidget *first = NULL;

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (preferences), TRUE);
  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");
  adw_preferences_group_set_title (group, _("Basemap"));
  adw_preferences_group_set_description (group, _("The map drawn under the events"));

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(choices[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(choices[i].subtitle));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check), "win.basemap");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (check), "s", choices[i].value);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _(choices[i].title), -1);
      if (first == NULL)
        first = check;
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), GTK_CHECK_BUTTON (first));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
    }
#ifdef HAVE_BASEMAP
  if (self->settings != NULL)
    adw_preferences_group_add (group, dl_map_file_row_new (self->settings));
#endif

  adw_preferences_page_add (page, group);
  adw_preferences_window_add (preferences, page);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
present_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);

  if (self->dataset == NULL)
    return;

  /* The first narrative, or every shown event in time order without one. */
  dl_presentation_present_fullscreen (dl_presentation_new (GTK_WINDOW (self), self->dataset, NULL));
}

/* What an export needs, copied on the main loop so the thread touches
 * nothing the window may change meanwhile. */
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

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static DlBBox
visible_bbox (DlWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double scale = 256.0 * exp2 (shumate_viewport_get_zoom_level (viewport));
  DlLonLat centre = { shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                      shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) };
  double cx, cy;
  double half_w = gtk_widget_get_width (GTK_WIDGET (self->map)) / 2.0 / scale;
  double half_h = gtk_widget_get_height (GTK_WIDGET (self->map)) / 2.0 / scale;
  DlLonLat nw, se;
  DlBBox bbox;

  dl_geo_project (centre, &cx, &cy);
  nw = dl_geo_unproject (cx - half_w, cy - half_h);
  se = dl_geo_unproject (cx + half_w, cy + half_h);
  bbox.west = nw.lon;
  bbox.north = nw.lat;
  bbox.east = se.lon;
  bbox.south = se.lat;

  return bbox;
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
static void
export_to (DlWindow *self,
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
  job->view = visible_bbox (self);
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
    export_to (self, file, TRUE);
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

      export_to (self, file, TRUE);
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}
#endif

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DlWindow *self = DL_WINDOW (widget);
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

/* Vfuncs */

static void
dl_window_dispose (GObject *object)
{
  DlWindow *self = DL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (dl_session_get_results (self->session), self);
    }
  if (self->event_layer != NULL)
    dl_event_layer_set_session (self->event_layer, NULL);
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

  g_type_ensure (SHUMATE_TYPE_MAP);
  g_type_ensure (SHUMATE_TYPE_LICENSE);
  g_type_ensure (SHUMATE_TYPE_SCALE);
  g_type_ensure (DL_TYPE_TIMELINE);
  g_type_ensure (DL_TYPE_EVENT_PANEL);
  g_type_ensure (DL_TYPE_ARTICLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, stack);
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
  gtk_widget_class_bind_template_child (widget_class, DlWindow, results_label);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, main_paned);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, vertical_paned);
  gtk_widget_class_bind_template_child (widget_class, DlWindow, recent_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.open-bundled", NULL, open_bundled_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "win.first-event", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "win.last-event", NULL, step_activated);
  gtk_widget_class_install_action (widget_class, "win.unselect", NULL, unselect_activated);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.fit-all", NULL, fit_all_activated);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);

  /* Class shortcuts run in the bubble phase: a focused entry or text view
   * gets its arrow keys first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.fit-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "win.previous-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "win.next-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "win.first-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "win.last-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.unselect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
dl_window_init (DlWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GtkSingleSelection) results_selection = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                                    "/io/github/datelineapp/Dateline/icons");

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->cancellable = g_cancellable_new ();
  /* What every view shares */
  self->session = dl_session_new ();
  g_signal_connect_swapped (self->session, "notify::selected-event", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->session, "filters-changed", G_CALLBACK (on_filters_changed), self);
  g_signal_connect_swapped (self->session, "notify::query", G_CALLBACK (update_results_label), self);
  g_signal_connect_swapped (dl_session_get_results (self->session), "items-changed",
                            G_CALLBACK (update_results_label), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->results_list, factory);
  results_selection = gtk_single_selection_new (g_object_ref (dl_session_get_results (self->session)));
  gtk_single_selection_set_autoselect (results_selection, FALSE);
  gtk_single_selection_set_can_unselect (results_selection, TRUE);
  gtk_list_view_set_model (self->results_list, GTK_SELECTION_MODEL (results_selection));
  g_signal_connect_swapped (self->results_list, "activate", G_CALLBACK (on_result_activated), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->results_list));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_changed), self);
  update_results_label (self);

  setup_map (self);

  dl_timeline_set_session (self->timeline, self->session);

  g_signal_connect_object (self->event_panel, "excerpt-activated", G_CALLBACK (on_excerpt_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_panel, "event-activated", G_CALLBACK (on_event_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "event-activated", G_CALLBACK (on_event_activated), self,
                           G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* Settings are optional: an uninstalled run may lack the schema. */
  if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) != NULL)
    {
      int width, height;

      self->settings = g_settings_new (APP_ID);
      g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));

      {
        g_autoptr(GAction) basemap = g_settings_create_action (self->settings, "basemap");

        g_action_map_add_action (G_ACTION_MAP (self), basemap);
      }
#ifdef HAVE_BASEMAP
      dl_base_layers_set_settings (self->base, self->settings);
#endif
    }
  rebuild_recent_menu (self);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), place_panes, NULL, NULL);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);

  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Public API */

DlWindow *
dl_window_new (DlApplication *application)
{
  return g_object_new (DL_TYPE_WINDOW, "application", application, NULL);
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

  if (self->dataset == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  /* The file opened last wins: a load still running for another stops. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  dl_dataset_load_async (file, self->cancellable, on_loaded, g_object_ref (self));
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
dl_window_set_category_visible (DlWindow   *self,
                                const char *category,
                                gboolean    visible)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  dl_session_set_category_visible (self->session, category, visible);
}

void
dl_window_set_source_visible (DlWindow   *self,
                              const char *source_id,
                              gboolean    visible)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  dl_session_set_source_visible (self->session, source_id, visible);
}

void
dl_window_search (DlWindow   *self,
                  const char *query)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  dl_session_set_query (self->session, query);
}

GListModel *
dl_window_get_search_results (DlWindow *self)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), NULL);
  return dl_session_get_results (self->session);
}

void
dl_window_export (DlWindow *self,
                  GFile    *file,
                  gboolean  ask_options)
{
  g_return_if_fail (DL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->dataset != NULL)
    export_to (self, file, ask_options);
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
dl_window_save_png (DlWindow    *self,
                    const char  *path,
                    GError     **error)
{
  g_return_val_if_fail (DL_IS_WINDOW (self), FALSE);

  return dl_widget_save_png (GTK_WIDGET (self), NULL, path, error);
}
