/* dl-search-row.c: one event in the search results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-search-row"

#include "dl-category.h"
#include "dl-category-dot.h"
#include "dl-search-row.h"

struct _DlSearchRow
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  DlCategoryDot *dot;
  GtkLabel  *title;
  GtkLabel  *when;
};

G_DEFINE_FINAL_TYPE (DlSearchRow, dl_search_row, GTK_TYPE_WIDGET)

static void
dl_search_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DL_TYPE_SEARCH_ROW);

  G_OBJECT_CLASS (dl_search_row_parent_class)->dispose (object);
}

static void
dl_search_row_class_init (DlSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_search_row_dispose;

  g_type_ensure (DL_TYPE_CATEGORY_DOT);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-search-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DlSearchRow, box);
  gtk_widget_class_bind_template_child (widget_class, DlSearchRow, dot);
  gtk_widget_class_bind_template_child (widget_class, DlSearchRow, title);
  gtk_widget_class_bind_template_child (widget_class, DlSearchRow, when);
}

static void
dl_search_row_init (DlSearchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dl_search_row_new (void)
{
  return g_object_new (DL_TYPE_SEARCH_ROW, NULL);
}

void
dl_search_row_set_event (DlSearchRow *self,
                         DlDataset   *dataset,
                         DlEvent     *event)
{
  g_autofree char *date = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (DL_IS_SEARCH_ROW (self));

  if (event == NULL)
    {
      dl_category_dot_set_category (self->dot, NULL, NULL);
      gtk_label_set_label (self->title, "");
      gtk_label_set_label (self->when, "");
      return;
    }

  date = dl_edtf_describe (dl_event_get_when (event));
  dl_category_dot_set_category (self->dot, dataset, dl_event_get_category (event));
  gtk_label_set_label (self->title, dl_event_get_title (event));
  gtk_label_set_label (self->when, date);

  /* A screen reader reads the row as one: what, when, what kind. */
  accessible = g_strdup_printf ("%s, %s, %s", dl_event_get_title (event), date,
                                dl_category_get_label (dataset, dl_event_get_category (event)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}
