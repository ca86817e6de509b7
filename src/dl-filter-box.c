/* dl-filter-box.c: check buttons for the session's category and source filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-filter-box"

#include <glib/gi18n.h>

#include "dl-category.h"
#include "dl-category-dot.h"
#include "dl-filter-box.h"

struct _DlFilterBox
{
  DlSessionView parent_instance;

  GtkWidget    *box;
};

G_DEFINE_FINAL_TYPE (DlFilterBox, dl_filter_box, DL_TYPE_SESSION_VIEW)


static void
on_category_toggled (GtkCheckButton *button,
                     DlFilterBox    *self)
{
  dl_session_set_category_visible (DL_SESSION_OF (self), g_object_get_data (G_OBJECT (button), "category"),
                                   gtk_check_button_get_active (button));
}

static void
on_source_toggled (GtkCheckButton *button,
                   DlFilterBox    *self)
{
  dl_session_set_source_visible (DL_SESSION_OF (self), g_object_get_data (G_OBJECT (button), "source"),
                                 gtk_check_button_get_active (button));
}

static void
on_show_all_clicked (DlFilterBox *self)
{
  dl_session_show_all (DL_SESSION_OF (self));
}

/* Toggling a button sets the session, whose "filters-changed" comes back
 * here: setting a button to the state it has does nothing. */
static void
sync_buttons (DlFilterBox *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *category = g_object_get_data (G_OBJECT (child), "category");
      const char *source = g_object_get_data (G_OBJECT (child), "source");

      if (category != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                     dl_session_get_category_visible (DL_SESSION_OF (self), category));
      else if (source != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (child), dl_session_get_source_visible (DL_SESSION_OF (self), source));
    }
}

static void
add_heading (DlFilterBox *self,
             const char  *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (self->box), label);
}

static void
rebuild_buttons (DlFilterBox *self)
{
  DlDataset *dataset = DL_SESSION_OF (self) != NULL ? dl_session_get_dataset (DL_SESSION_OF (self)) : NULL;
  g_auto(GStrv) categories = NULL;
  GListModel *sources;
  GtkWidget *child;
  GtkWidget *show_all;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);

  if (dataset == NULL)
    return;

  categories = dl_session_dup_categories (DL_SESSION_OF (self));
  add_heading (self, _("Categories"));
  for (guint i = 0; categories[i] != NULL; i++)
    {
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), dl_category_label_new (dataset, categories[i], NULL));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dl_category_get_label (dataset, categories[i]), -1);
      g_object_set_data_full (G_OBJECT (check), "category", g_strdup (categories[i]), g_free);
      gtk_box_append (GTK_BOX (self->box), check);
    }

  sources = dl_dataset_get_sources (dataset);
  add_heading (self, _("Sources"));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (dl_source_get_title (source));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dl_source_get_title (source), -1);
      g_object_set_data_full (G_OBJECT (check), "source", g_strdup (dl_source_get_id (source)), g_free);
      gtk_box_append (GTK_BOX (self->box), check);
    }

  /* The states first, the handlers after: building sets nothing. */
  sync_buttons (self);
  for (child = gtk_widget_get_first_child (self->box); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_object_get_data (G_OBJECT (child), "category") != NULL)
        g_signal_connect (child, "toggled", G_CALLBACK (on_category_toggled), self);
      else if (g_object_get_data (G_OBJECT (child), "source") != NULL)
        g_signal_connect (child, "toggled", G_CALLBACK (on_source_toggled), self);
    }

  show_all = gtk_button_new_with_mnemonic (_("Show _All"));
  gtk_widget_set_margin_top (show_all, 6);
  g_signal_connect_swapped (show_all, "clicked", G_CALLBACK (on_show_all_clicked), self);
  gtk_box_append (GTK_BOX (self->box), show_all);
}

/* As the legend: a category an edit made or dropped gets or loses its
 * toggle, a recoloured one its colour. */
static void
on_filters_changed (DlFilterBox *self)
{
  g_auto(GStrv) categories = dl_session_dup_categories (DL_SESSION_OF (self));

  if (dl_category_rows_refresh (self->box, dl_session_get_dataset (DL_SESSION_OF (self)),
                                (const char * const *) categories))
    sync_buttons (self);
  else
    rebuild_buttons (self);
}

static void
dl_filter_box_dispose (GObject *object)
{
  DlFilterBox *self = DL_FILTER_BOX (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (dl_filter_box_parent_class)->dispose (object);
}

static void
dl_filter_box_class_init (DlFilterBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_filter_box_dispose;
  DL_SESSION_VIEW_CLASS (klass)->session_changed = (void (*) (DlSessionView *)) rebuild_buttons;


  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
dl_filter_box_init (DlFilterBox *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  g_signal_group_connect_swapped (dl_session_view_get_signals (DL_SESSION_VIEW (self)), "notify::dataset", G_CALLBACK (rebuild_buttons), self);
  g_signal_group_connect_swapped (dl_session_view_get_signals (DL_SESSION_VIEW (self)), "filters-changed", G_CALLBACK (on_filters_changed), self);
}

