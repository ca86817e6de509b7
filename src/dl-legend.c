/* dl-legend.c: the map's legend of the shown categories
 *
 * It observes the session: a new dataset rebuilds the rows, a filter change
 * shows and hides them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-legend"

#include <glib/gi18n.h>

#include "dl-category.h"
#include "dl-category-dot.h"
#include "dl-legend.h"
#include "dl-event-facets.h"

struct _DlLegend
{
  DlSessionView parent_instance;

  GtkWidget    *outer;    /* the toggle above the rows */
  GtkWidget    *toggle;   /* "Legend", shown when compact */
  GtkWidget    *revealer; /* shows the rows (always, unless compact) */
  GtkWidget    *box;      /* the rows */
  gboolean      compact;
};

G_DEFINE_FINAL_TYPE (DlLegend, dl_legend, DL_TYPE_SESSION_VIEW)


/* Compact: the toggle, and the rows only while it is down. */
static void
sync_compact (DlLegend *self)
{
  gboolean open = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->toggle));

  gtk_widget_set_visible (self->toggle, self->compact);
  /* Hidden, not just unrevealed: a revealer keeps its child's width. */
  gtk_widget_set_visible (self->revealer, !self->compact || open);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), !self->compact || open);
}

static void
sync_rows (DlLegend *self)
{
  guint shown = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (self->box); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *category = g_object_get_data (G_OBJECT (row), "category");
      /* The place-role row explains a mark style, not a category. */
      gboolean visible = category == NULL || dl_session_get_category_visible (DL_SESSION_OF (self), category);

      gtk_widget_set_visible (row, visible);
      shown += visible;
    }

  /* Nothing shown: no empty box over the map. */
  gtk_widget_set_visible (GTK_WIDGET (self), shown > 0);
}

/* The hollow mark of statements mapped to the place they concern (the event
 * layer draws them so), explained when the dataset has any. */
static void
add_place_role_row (DlLegend *self)
{
  GListModel *events = dl_session_get_events (DL_SESSION_OF (self));
  DlDataset *dataset = dl_session_get_dataset (DL_SESSION_OF (self));

  /* The loading thread counted them: most datasets have none, and a
   * million events are not looked at to find that out. */
  if (dataset == NULL || dl_dataset_get_facets (dataset)->n_concerning == 0)
    return;

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
          gtk_box_append (GTK_BOX (self->box), row);
          return;
        }
    }
}

static void
rebuild_rows (DlLegend *self)
{
  g_auto(GStrv) categories = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);

  if (DL_SESSION_OF (self) == NULL)
    return;

  categories = dl_session_dup_categories (DL_SESSION_OF (self));
  for (guint i = 0; categories[i] != NULL; i++)
    {
      GtkWidget *row = dl_category_label_new (dl_session_get_dataset (DL_SESSION_OF (self)), categories[i], NULL);

      g_object_set_data_full (G_OBJECT (row), "category", g_strdup (categories[i]), g_free);
      gtk_box_append (GTK_BOX (self->box), row);
    }
  add_place_role_row (self);
  sync_rows (self);
}

/* Filters toggled, or an edit: a category made or dropped by an edit gets
 * or loses its row, a recoloured one its colour. */
static void
on_filters_changed (DlLegend *self)
{
  g_auto(GStrv) categories = dl_session_dup_categories (DL_SESSION_OF (self));

  if (dl_category_rows_refresh (self->box, dl_session_get_dataset (DL_SESSION_OF (self)),
                                (const char * const *) categories))
    sync_rows (self);
  else
    rebuild_rows (self);
}

static void
dl_legend_dispose (GObject *object)
{
  DlLegend *self = DL_LEGEND (object);

  g_clear_pointer (&self->outer, gtk_widget_unparent);
  self->box = NULL;
  self->revealer = NULL;
  self->toggle = NULL;

  G_OBJECT_CLASS (dl_legend_parent_class)->dispose (object);
}

static void
dl_legend_class_init (DlLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_legend_dispose;
  DL_SESSION_VIEW_CLASS (klass)->session_changed = (void (*) (DlSessionView *)) rebuild_rows;


  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
dl_legend_init (DlLegend *self)
{
  self->outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->outer, GTK_WIDGET (self));

  /* On a small map the rows would cover much of it: they fold under a
   * toggle (dl_legend_set_compact). */
  self->toggle = gtk_toggle_button_new ();
  {
    GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");

    gtk_box_append (GTK_BOX (content), gtk_label_new_with_mnemonic (_("_Legend")));
    gtk_box_append (GTK_BOX (content), arrow);
    gtk_button_set_child (GTK_BUTTON (self->toggle), content);
  }
  gtk_widget_add_css_class (self->toggle, "flat");
  gtk_widget_set_halign (self->toggle, GTK_ALIGN_START);
  gtk_widget_set_visible (self->toggle, FALSE);
  gtk_widget_set_tooltip_text (self->toggle, _("Show the map's legend"));
  gtk_box_append (GTK_BOX (self->outer), self->toggle);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), self->box);
  gtk_box_append (GTK_BOX (self->outer), self->revealer);
  g_signal_connect_swapped (self->toggle, "toggled", G_CALLBACK (sync_compact), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);

  g_signal_group_connect_swapped (dl_session_view_get_signals (DL_SESSION_VIEW (self)), "notify::dataset", G_CALLBACK (rebuild_rows), self);
  g_signal_group_connect_swapped (dl_session_view_get_signals (DL_SESSION_VIEW (self)), "filters-changed", G_CALLBACK (on_filters_changed), self);
}

GStrv
dl_legend_dup_shown (DlLegend *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (DL_IS_LEGEND (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (self->box); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_visible (row) && g_object_get_data (G_OBJECT (row), "category") != NULL)
      g_strv_builder_add (builder, g_object_get_data (G_OBJECT (row), "category"));

  return g_strv_builder_end (builder);
}

void
dl_legend_set_compact (DlLegend *self,
                       gboolean  compact)
{
  g_return_if_fail (DL_IS_LEGEND (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  /* Whole, the legend lets clicks through to the map (the window makes it
   * untargetable); folded, its toggle takes them. */
  gtk_widget_set_can_target (GTK_WIDGET (self), compact);
  if (!compact)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggle), FALSE);
  sync_compact (self);
}

gboolean
dl_legend_get_compact (DlLegend *self)
{
  g_return_val_if_fail (DL_IS_LEGEND (self), FALSE);

  return self->compact;
}

int
dl_legend_get_rows_height (DlLegend *self)
{
  int natural = 0;

  g_return_val_if_fail (DL_IS_LEGEND (self), 0);

  gtk_widget_measure (self->box, GTK_ORIENTATION_VERTICAL, -1, NULL, &natural, NULL, NULL);
  return natural;
}
