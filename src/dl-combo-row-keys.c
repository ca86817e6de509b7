/* dl-combo-row-keys.c: a combo row chooses the row Enter was pressed on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "dl-combo-row-keys.h"

static void
on_list_activate (GtkListView *list,
                  guint        position,
                  AdwComboRow *row)
{
  /* Runs after the row's own handler, which chose the list's selected
   * item: the position activated is the one the user meant. */
  if (adw_combo_row_get_selected (row) != position)
    adw_combo_row_set_selected (row, position);
}

/* The list view inside the row's popover (not the one showing the choice
 * in the row itself), found by walking the row's widgets: the row keeps it
 * private. */
static GtkWidget *
find_popup_list (GtkWidget *widget,
                 gboolean   in_popover)
{
  if (in_popover && GTK_IS_LIST_VIEW (widget))
    return widget;
  in_popover = in_popover || GTK_IS_POPOVER (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_popup_list (child, in_popover);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
dl_combo_row_choose_activated (AdwComboRow *row)
{
  GtkWidget *list;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  list = find_popup_list (GTK_WIDGET (row), FALSE);
  if (list != NULL)
    g_signal_connect_object (list, "activate", G_CALLBACK (on_list_activate), row, G_CONNECT_AFTER);
}
