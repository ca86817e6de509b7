/* dl-event-chooser.c: a popover listing events that share one spot, to pick one
 *
 * The map's cluster of events at one place and the timeline's stack of
 * events at one time both open it: zooming cannot pull those apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-chooser"

#include "dl-edtf.h"
#include "dl-event-chooser.h"

typedef struct {
  DlEventChosenFunc chosen;
  gpointer          user_data;
} Chooser;

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  Chooser       *chooser)
{
  DlEvent *event = g_object_get_data (G_OBJECT (row), "dl-event");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (event != NULL)
    chooser->chosen (event, chooser->user_data);
}

void
dl_event_chooser_show (GtkPopover         *popover,
                       GPtrArray          *events,
                       const GdkRectangle *at,
                       const char         *label,
                       DlEventChosenFunc   chosen,
                       gpointer            user_data)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  Chooser *chooser = g_new0 (Chooser, 1);

  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (events != NULL);

  chooser->chosen = chosen;
  chooser->user_data = user_data;

  for (guint k = 0; k < events->len; k++)
    {
      DlEvent *event = g_ptr_array_index (events, k);
      g_autofree char *when = dl_edtf_describe (dl_event_get_when (event));
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (dl_event_get_title (event));
      GtkWidget *date = gtk_label_new (when);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
      gtk_label_set_xalign (GTK_LABEL (date), 0);
      gtk_widget_add_css_class (date, "dim-label");
      gtk_widget_add_css_class (date, "caption");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), date);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 6);
      gtk_widget_set_margin_end (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "dl-event", g_object_ref (event), g_object_unref);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dl_event_get_title (event), -1);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The chooser lives as long as the list that calls it. */
  g_signal_connect_data (list, "row-activated", G_CALLBACK (on_row_activated), chooser,
                         (GClosureNotify) (void (*) (void)) g_free, 0);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  gtk_popover_set_child (popover, scrolled);
  gtk_popover_set_pointing_to (popover, at);
  gtk_popover_popup (popover);
}
