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
#include "dl-legend.h"

struct _DlLegend
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GSignalGroup *session_signals;
  DlSession    *session;
};

G_DEFINE_FINAL_TYPE (DlLegend, dl_legend, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sync_rows (DlLegend *self)
{
  guint shown = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (self->box); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *category = g_object_get_data (G_OBJECT (row), "category");
      /* The place-role row explains a mark style, not a category. */
      gboolean visible = category == NULL || dl_session_get_category_visible (self->session, category);

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
  GListModel *events = dl_session_get_events (self->session);

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

  if (self->session == NULL)
    return;

  categories = dl_session_dup_categories (self->session);
  for (guint i = 0; categories[i] != NULL; i++)
    {
      g_autofree char *dot = dl_category_dup_dot_markup (categories[i]);
      g_autofree char *escaped = g_markup_escape_text (dl_category_get_label (categories[i]), -1);
      g_autofree char *markup = g_strdup_printf ("%s  %s", dot, escaped);
      GtkWidget *row = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (row), markup);
      gtk_label_set_xalign (GTK_LABEL (row), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dl_category_get_label (categories[i]), -1);
      g_object_set_data_full (G_OBJECT (row), "category", g_strdup (categories[i]), g_free);
      gtk_box_append (GTK_BOX (self->box), row);
    }
  add_place_role_row (self);
  sync_rows (self);
}

static void
dl_legend_dispose (GObject *object)
{
  DlLegend *self = DL_LEGEND (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (dl_legend_parent_class)->dispose (object);
}

static void
dl_legend_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, DL_LEGEND (object)->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_legend_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      dl_legend_set_session (DL_LEGEND (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_legend_class_init (DlLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_legend_dispose;
  object_class->get_property = dl_legend_get_property;
  object_class->set_property = dl_legend_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, DL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "legend");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
dl_legend_init (DlLegend *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);

  self->session_signals = g_signal_group_new (DL_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset", G_CALLBACK (rebuild_rows), self);
  g_signal_group_connect_swapped (self->session_signals, "filters-changed", G_CALLBACK (sync_rows), self);
}

void
dl_legend_set_session (DlLegend  *self,
                       DlSession *session)
{
  g_return_if_fail (DL_IS_LEGEND (self));
  g_return_if_fail (session == NULL || DL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  rebuild_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

DlSession *
dl_legend_get_session (DlLegend *self)
{
  g_return_val_if_fail (DL_IS_LEGEND (self), NULL);
  return self->session;
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
