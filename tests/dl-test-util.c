/* dl-test-util.c: what the window tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "dl-dataset.h"
#include "dl-edit-stack.h"
#include "dl-test-tree.h"
#include "dl-test-util.h"
#include "dl-widget-png.h"

void
dl_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();

  gtk_css_provider_load_from_resource (css, "/io/github/datelineapp/Dateline/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
dl_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
dl_test_wait_until (gboolean (*condition) (gpointer data),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

void
dl_test_save_png (GtkWidget     *widget,
                  const GdkRGBA *background,
                  const char    *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", name, NULL);
  g_autoptr(GError) error = NULL;
  gboolean saved = dl_widget_save_png (widget, background, path, &error);

  g_assert_no_error (error);
  g_assert_true (saved);
  g_test_message ("wrote %s", path);
}

static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (ADW_IS_ACTION_ROW (widget))
    g_string_append_printf (out, "%s\n%s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                            adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

char *
dl_test_widget_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

/* Where a pointer at @widget's centre lands in its native, if it would
 * reach @widget (or a child of it) there. */
static gboolean
centre_pickable (GtkWidget        *widget,
                 graphene_point_t *centre)
{
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));
  GtkWidget *picked;

  if (native == NULL || !gtk_widget_get_mapped (widget)
      || !gtk_widget_compute_point (widget, native,
                                    &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                          gtk_widget_get_height (widget) / 2.0),
                                    centre))
    return FALSE;
  picked = gtk_widget_pick (native, centre->x, centre->y, GTK_PICK_DEFAULT);
  return picked != NULL && (picked == widget || gtk_widget_is_ancestor (picked, widget));
}

gboolean
dl_test_wait_pickable (GtkWidget *widget,
                       guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;
  gint64 still_since = 0;
  graphene_point_t last = GRAPHENE_POINT_INIT (-1e9, -1e9);

  /* Pickable where it was 150 ms ago: a toast or popover sliding in, or
   * a form being laid out, has stopped moving. */
  while (g_get_monotonic_time () < end)
    {
      graphene_point_t centre;
      gint64 now = g_get_monotonic_time ();

      if (!centre_pickable (widget, &centre))
        still_since = 0;
      else if (still_since == 0 || !graphene_point_equal (&centre, &last))
        {
          still_since = now;
          last = centre;
        }
      else if (now - still_since >= 150 * 1000)
        return TRUE;
      dl_test_wait_ms (20);
    }
  return FALSE;
}

GtkWidget *
dl_test_find (GtkWidget     *widget,
              DlTestMatch    match,
              gconstpointer  data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dl_test_find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
dl_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  return dl_test_find (widget, is_of_type, GSIZE_TO_POINTER (type));
}

typedef struct {
  GType       type;
  const char *title;
} RowQuery;

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  data)
{
  const RowQuery *query = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, query->type)
         && (query->title == NULL
             || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), query->title) == 0);
}

GtkWidget *
dl_test_find_row (GtkWidget  *widget,
                  GType       type,
                  const char *title)
{
  RowQuery query = { type, title };

  return dl_test_find (widget, is_row, &query);
}

static gboolean
is_labelled_button (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
dl_test_find_button (GtkWidget  *widget,
                     const char *label)
{
  return dl_test_find (widget, is_labelled_button, label);
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  icon_name)
{
  return GTK_IS_MENU_BUTTON (widget)
         && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0;
}

GtkWidget *
dl_test_find_menu_button (GtkWidget  *widget,
                          const char *icon_name)
{
  return dl_test_find (widget, is_menu_button, icon_name);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

GtkWidget *
dl_test_find_by_tooltip (GtkWidget  *widget,
                         const char *text)
{
  return dl_test_find (widget, has_tooltip, text);
}

DlWindow *
dl_test_window_new (void)
{
  DlWindow *window = dl_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
dataset_loaded (gpointer window)
{
  return dl_window_get_dataset (window) != NULL;
}

void
dl_test_window_open (DlWindow *window,
                     GFile    *file)
{
  dl_window_open (window, file);
  g_assert_true (dl_test_wait_until (dataset_loaded, window, 20000));
  dl_test_wait_ms (500);
}

GFile *
dl_test_copy_bundled (const char  *prefix,
                      char       **dir)
{
  g_autoptr(GFile) bundled = dl_dataset_get_bundled_file ();
  g_autoptr(GFile) parent = g_file_get_parent (bundled);
  g_autofree char *from = g_file_get_path (parent);
  g_autofree char *name = g_file_get_basename (bundled);
  g_autofree char *path = NULL;

  *dir = dl_test_copy_tree (from, prefix);
  path = g_build_filename (*dir, name, NULL);
  return g_file_new_for_path (path);
}

DlWindow *
dl_test_window_new_on_copy (const char  *prefix,
                            char       **dir)
{
  g_autoptr(GFile) file = dl_test_copy_bundled (prefix, dir);
  DlWindow *window = dl_test_window_new ();

  dl_test_window_open (window, file);
  return window;
}

gboolean
dl_test_stack_saved (gpointer edits)
{
  return !dl_edit_stack_is_saving (edits) && !dl_edit_stack_get_modified (edits);
}

DlEvent *
dl_test_find_event (DlWindow   *window,
                    const char *words)
{
  GPtrArray *events = dl_dataset_get_events_by_time (dl_window_get_dataset (window));

  for (guint i = 0; i < events->len; i++)
    if (dl_event_matches (g_ptr_array_index (events, i), words))
      return g_ptr_array_index (events, i);

  g_error ("no event matches “%s”", words);
  return NULL;
}

DlEventLayer *
dl_test_event_layer (DlWindow *window)
{
  GtkWidget *map = GTK_WIDGET (dl_window_get_map (window));

  for (GtkWidget *child = gtk_widget_get_first_child (map); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (DL_IS_EVENT_LAYER (child))
      return DL_EVENT_LAYER (child);

  g_assert_not_reached ();
  return NULL;
}

gpointer
dl_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) && gtk_widget_get_mapped (toplevel))
        return toplevel;  /* GTK's list keeps it */
    }
  return NULL;
}
