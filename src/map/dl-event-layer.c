/* dl-event-layer.c: all events of a dataset drawn on the map in one snapshot
 *
 * One layer draws every event: no widget per event. Each frame, events are
 * placed by a linear Web Mercator transform of anchors projected once, points
 * that fall in the same screen cell are clustered (a count badge), events
 * sharing one place fan out around it, and corridors and areas are drawn as
 * such once they are big enough to see.
 *
 * This file holds the lifecycle and what the layer observes (the session,
 * the model, the viewport); the layout, the drawing and the input are in
 * dl-event-layer-layout.c, -draw.c and -input.c (see
 * dl-event-layer-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-layer"

#include "dl-event-layer-private.h"

guint dl_event_layer_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DlEventLayer, dl_event_layer, SHUMATE_TYPE_LAYER)

/* Callbacks */

static void
on_viewport_changed (DlEventLayer *self)
{
  self->layout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_items_changed (DlEventLayer *self)
{
  dl_event_layer_rebuild_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_session_selected_changed (DlEventLayer *self)
{
  dl_event_layer_set_selected (self, dl_session_get_selected_event (self->session));
}

static void
on_session_range_changed (DlEventLayer *self)
{
  gint64 start, end;

  dl_session_get_visible_range (self->session, &start, &end);
  if (end > start)
    dl_event_layer_set_time_range (self, start, end);
}

/* Vfuncs */

static void
dl_event_layer_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dl_event_layer_parent_class)->css_changed (widget, change);
  g_hash_table_remove_all (DL_EVENT_LAYER (widget)->badges);
  g_hash_table_remove_all (DL_EVENT_LAYER (widget)->dots);
  g_hash_table_remove_all (DL_EVENT_LAYER (widget)->discs);
}

static void
dl_event_layer_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  DlEventLayer *self = DL_EVENT_LAYER (widget);

  self->layout_valid = FALSE;
  if (self->cluster_list != NULL)
    gtk_popover_present (self->cluster_list);
}

static void
dl_event_layer_constructed (GObject *object)
{
  DlEventLayer *self = DL_EVENT_LAYER (object);
  ShumateViewport *viewport;

  G_OBJECT_CLASS (dl_event_layer_parent_class)->constructed (object);

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  g_signal_connect_object (viewport, "notify", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
}

static void
dl_event_layer_dispose (GObject *object)
{
  DlEventLayer *self = DL_EVENT_LAYER (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  dl_event_layer_set_model (self, NULL);
  dl_event_layer_stop_lod (self);
  g_clear_object (&self->selected);
  if (self->cluster_list != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->cluster_list));
      self->cluster_list = NULL;
    }

  G_OBJECT_CLASS (dl_event_layer_parent_class)->dispose (object);
}

static void
dl_event_layer_finalize (GObject *object)
{
  DlEventLayer *self = DL_EVENT_LAYER (object);

  g_array_unref (self->items);
  g_array_unref (self->points);
  g_array_unref (self->shape_items);
  g_array_unref (self->boxes);
  g_array_unref (self->grid_start);
  g_array_unref (self->grid_items);
  g_clear_pointer (&self->items_source, g_ptr_array_unref);
  g_hash_table_unref (self->badges);
  g_hash_table_unref (self->dots);
  g_hash_table_unref (self->discs);
  g_hash_table_unref (self->projected);
  g_array_unref (self->marks);
  g_array_unref (self->shapes);
  g_array_unref (self->cells);
  g_array_unref (self->next);
  g_array_unref (self->lod_next);
  g_array_unref (self->lod_heads);

  G_OBJECT_CLASS (dl_event_layer_parent_class)->finalize (object);
}

static void
dl_event_layer_class_init (DlEventLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dl_event_layer_constructed;
  object_class->dispose = dl_event_layer_dispose;
  object_class->finalize = dl_event_layer_finalize;
  widget_class->snapshot = dl_event_layer_snapshot;
  widget_class->size_allocate = dl_event_layer_size_allocate;
  widget_class->css_changed = dl_event_layer_css_changed;
  widget_class->contains = dl_event_layer_contains;

  /**
   * DlEventLayer::event-activated:
   * @event: the event clicked on
   */
  dl_event_layer_signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DL_TYPE_EVENT);

  /**
   * DlEventLayer::cluster-activated:
   * @west, @south, @east, @north: the bounding box of the cluster's events
   */
  dl_event_layer_signals[SIGNAL_CLUSTER_ACTIVATED] =
    g_signal_new ("cluster-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
}

static void
dl_event_layer_init (DlEventLayer *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));
  self->shape_items = g_array_new (FALSE, FALSE, sizeof (guint));
  self->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  self->grid_start = g_array_new (FALSE, FALSE, sizeof (guint));
  self->grid_items = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected_index = -1;
  self->badges = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->dots = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->discs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->projected = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->marks = g_array_new (FALSE, TRUE, sizeof (DlEventMark));
  self->shapes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->next = g_array_new (FALSE, FALSE, sizeof (int));
  self->lod_next = g_array_new (FALSE, FALSE, sizeof (int));
  self->lod_heads = g_array_new (FALSE, FALSE, sizeof (int));
  self->lod_level = -1;
  self->range_start = G_MININT64;
  self->range_end = G_MAXINT64;

  dl_event_layer_setup_input (self);

  self->session_signals = dl_session_range_signals_new (G_CALLBACK (on_session_selected_changed),
                                                        G_CALLBACK (on_session_range_changed), self);

  self->cluster_list = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->cluster_list), GTK_WIDGET (self));
}

/* Public API */

DlEventLayer *
dl_event_layer_new (ShumateViewport *viewport)
{
  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  return g_object_new (DL_TYPE_EVENT_LAYER, "viewport", viewport, NULL);
}

void
dl_event_layer_set_session (DlEventLayer *self,
                            DlSession    *session)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));
  g_return_if_fail (session == NULL || DL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  dl_event_layer_set_model (self, session != NULL ? dl_session_get_events (session) : NULL);
  if (session != NULL)
    {
      on_session_selected_changed (self);
      on_session_range_changed (self);
    }
}

void
dl_event_layer_set_model (DlEventLayer *self,
                          GListModel   *model)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, model);
  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_items_changed), self);

  dl_event_layer_rebuild_items (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dl_event_layer_set_selected (DlEventLayer *self,
                             DlEvent      *event)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));

  if (g_set_object (&self->selected, event))
    {
      dl_event_layer_update_selected_index (self);
      self->layout_valid = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
dl_event_layer_set_time_range (DlEventLayer *self,
                               gint64        start,
                               gint64        end)
{
  g_return_if_fail (DL_IS_EVENT_LAYER (self));

  if (self->range_start == start && self->range_end == end)
    return;

  self->range_start = start;
  self->range_end = end;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const DlEventMark *
dl_event_layer_get_marks (DlEventLayer *self,
                          guint        *n_marks)
{
  g_return_val_if_fail (DL_IS_EVENT_LAYER (self), NULL);

  dl_event_layer_compute_layout (self);
  *n_marks = self->marks->len;

  return (const DlEventMark *) (gpointer) self->marks->data;
}

gboolean
dl_event_layer_get_event_mark (DlEventLayer *self,
                               DlEvent      *event,
                               DlEventMark  *mark)
{
  guint n_marks;
  const DlEventMark *marks = dl_event_layer_get_marks (self, &n_marks);

  g_return_val_if_fail (DL_IS_EVENT_LAYER (self), FALSE);

  for (guint i = 0; i < n_marks; i++)
    if (marks[i].event == event && marks[i].n_events == 1)
      {
        *mark = marks[i];
        return TRUE;
      }

  /* Inside a cluster? */
  for (guint i = 0; i < n_marks; i++)
    if (marks[i].n_events > 1 && dl_event_layer_mark_holds (self, &marks[i], event))
      {
        *mark = marks[i];
        mark->bbox = dl_event_layer_mark_bbox (self, &marks[i]);
        return TRUE;
      }

  return FALSE;
}
