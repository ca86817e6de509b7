/* dl-category-dot.c: a category's colour as a ringed dot
 *
 * Drawn, not a "●" glyph in the category's colour: the ring, in the text's
 * colour, keeps the dark categories (attack, killing, military) visible on
 * a dark background (the map's legend, the dark style), as the timeline's
 * key and the map's marks do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-category.h"
#include "dl-category-dot.h"
#include "dl-snapshot-disc.h"

#define DOT_SIZE 10

struct _DlCategoryDot
{
  GtkWidget  parent_instance;

  char      *category;
  GdkRGBA    color;
};

G_DEFINE_FINAL_TYPE (DlCategoryDot, dl_category_dot, GTK_TYPE_WIDGET)

static void
dl_category_dot_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = *natural = DOT_SIZE;
}

static void
dl_category_dot_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  DlCategoryDot *self = DL_CATEGORY_DOT (widget);
  double size = MIN (gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  double x = (gtk_widget_get_width (widget) - size) / 2;
  double y = (gtk_widget_get_height (widget) - size) / 2;
  GdkRGBA color, ring;

  if (self->category == NULL || size <= 0)
    return;

  color = self->color;
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &ring);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ring);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif
  ring.alpha *= 0.55f;

  dl_snapshot_append_disc (snapshot, x + size / 2, y + size / 2, size / 2, &color, 1, &ring);
}

static void
dl_category_dot_finalize (GObject *object)
{
  g_free (DL_CATEGORY_DOT (object)->category);

  G_OBJECT_CLASS (dl_category_dot_parent_class)->finalize (object);
}

static void
dl_category_dot_class_init (DlCategoryDotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dl_category_dot_finalize;
  widget_class->measure = dl_category_dot_measure;
  widget_class->snapshot = dl_category_dot_snapshot;
  gtk_widget_class_set_css_name (widget_class, "categorydot");
  /* The row's text names the category; the dot is decoration. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
dl_category_dot_init (DlCategoryDot *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
dl_category_dot_new (DlDataset  *dataset,
                     const char *category)
{
  DlCategoryDot *self = g_object_new (DL_TYPE_CATEGORY_DOT, NULL);

  dl_category_dot_set_category (self, dataset, category);
  return GTK_WIDGET (self);
}

void
dl_category_dot_set_category (DlCategoryDot *self,
                              DlDataset     *dataset,
                              const char    *category)
{
  GdkRGBA color;

  g_return_if_fail (DL_IS_CATEGORY_DOT (self));

  dl_category_get_color (dataset, category, &color);
  if (g_strcmp0 (self->category, category) == 0 && gdk_rgba_equal (&color, &self->color))
    return;
  g_free (self->category);
  self->category = g_strdup (category);
  self->color = color;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
dl_category_dot_get_category (DlCategoryDot *self)
{
  g_return_val_if_fail (DL_IS_CATEGORY_DOT (self), NULL);
  return self->category;
}

GtkWidget *
dl_category_label_new (DlDataset  *dataset,
                       const char *category,
                       const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  const char *name = text != NULL ? text : dl_category_get_label (dataset, category);
  GtkWidget *label = gtk_label_new (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), dl_category_dot_new (dataset, category));
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return box;
}

static DlCategoryDot *
find_dot (GtkWidget *widget)
{
  if (DL_IS_CATEGORY_DOT (widget))
    return DL_CATEGORY_DOT (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      DlCategoryDot *dot = find_dot (child);

      if (dot != NULL)
        return dot;
    }

  return NULL;
}

gboolean
dl_category_rows_refresh (GtkWidget          *box,
                          DlDataset          *dataset,
                          const char * const *categories)
{
  guint i = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (box), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (box); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *category = g_object_get_data (G_OBJECT (row), "category");

      if (category == NULL)
        continue;
      if (categories == NULL || categories[i] == NULL || strcmp (categories[i], category) != 0)
        return FALSE;
      i++;
    }
  if (categories != NULL && categories[i] != NULL)
    return FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (box); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *category = g_object_get_data (G_OBJECT (row), "category");
      DlCategoryDot *dot = category != NULL ? find_dot (row) : NULL;
      GtkWidget *label = dot != NULL ? gtk_widget_get_next_sibling (GTK_WIDGET (dot)) : NULL;
      const char *name;

      if (dot == NULL)
        continue;
      dl_category_dot_set_category (dot, dataset, category);

      /* A renamed category (the pencil beside the event's category) is
       * named anew, on screen and for screen readers: the row itself
       * (a filter's check button) and the content it holds. */
      name = dl_category_get_label (dataset, category);
      if (!GTK_IS_LABEL (label) || g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), name) == 0)
        continue;
      gtk_label_set_label (GTK_LABEL (label), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (row != gtk_widget_get_parent (label))
        gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

  return TRUE;
}
