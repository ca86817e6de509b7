/* dl-event-panel-reveal.c: showing a new overview a few rows a frame
 *
 * Why: when a dataset opens, the window's first frame lays out and draws
 * everything anew, and GTK 4.8 lays out every label of the new overview
 * in that frame (Pango shapes a wrapping label three or four times while
 * it is measured and allocated). With twenty articles that was 70–90 ms
 * of the main loop on top of drawing the whole window (`dl-bench --only
 * open`). So the overview is built at once, as before (its text is all
 * there for whoever reads it), but hidden, and shown again in order, a
 * budget of labels per frame, from a tick callback: each frame lays out
 * only what it shows. A wrapping label weighs more than a plain one, as
 * it is shaped more often. Only a newly opened dataset's overview comes
 * so: after an edit or a selection it is built and shown at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-event-panel-private.h"

/* Label weights shown in each frame: about one article's row (two
 * wrapping labels), some 7 ms of layout here. The frame that shows the
 * new dataset draws the whole window (some 40 ms with GSK's cairo
 * renderer), so the overview starts in the frame after it. */
#define FRAME_BUDGET 6

static guint
label_weight (GtkWidget *widget)
{
  guint weight = 0;

  if (!gtk_widget_get_visible (widget))
    return 0;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (text == NULL || *text == '\0')
        return 0;
      return gtk_label_get_wrap (GTK_LABEL (widget)) ? 3 : 1;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    weight += label_weight (child);

  return weight;
}

/* Only the panel's own containers are split (boxes and lists it made), a
 * row or a composite widget is shown whole. */
static gboolean
is_splittable (GtkWidget *widget)
{
  return (GTK_IS_BOX (widget) || GTK_IS_LIST_BOX (widget)) && gtk_widget_get_first_child (widget) != NULL;
}

/* Hides @widget, or its parts when it weighs more than a frame's budget,
 * and queues them in the order they are shown. A split container is hidden
 * too and queued before its parts, so it is never shown empty. */
static void
queue_widget (DlEventPanel *self,
              GtkWidget    *widget,
              guint         weight)
{
  if (!gtk_widget_get_visible (widget))
    return;

  gtk_widget_set_visible (widget, FALSE);
  g_ptr_array_add (self->reveal_pending, g_object_ref (widget));
  g_array_append_val (self->reveal_weights, weight);
}

static void
queue_parts (DlEventPanel *self,
             GtkWidget    *widget)
{
  guint weight = label_weight (widget);

  if (weight <= FRAME_BUDGET || !is_splittable (widget))
    {
      queue_widget (self, widget, weight);
      return;
    }

  queue_widget (self, widget, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_parts (self, child);
}

/* Shows what is queued up to a frame's budget (at least one). */
static void
reveal_some (DlEventPanel *self,
             guint         budget)
{
  guint spent = 0;

  while (self->reveal_next < self->reveal_pending->len)
    {
      guint weight = g_array_index (self->reveal_weights, guint, self->reveal_next);

      if (spent > 0 && spent + weight > budget)
        break;
      spent += weight;
      gtk_widget_set_visible (g_ptr_array_index (self->reveal_pending, self->reveal_next), TRUE);
      self->reveal_next++;
    }
}

static gboolean
on_reveal_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  DlEventPanel *self = DL_EVENT_PANEL (widget);

  reveal_some (self, FRAME_BUDGET);
  if (self->reveal_next < self->reveal_pending->len)
    return G_SOURCE_CONTINUE;

  self->reveal_tick = 0;
  _dl_event_panel_reveal_stop (self);
  return G_SOURCE_REMOVE;
}

void
_dl_event_panel_reveal_gradually (DlEventPanel *self)
{
  _dl_event_panel_reveal_stop (self);

  for (GtkWidget *child = gtk_widget_get_first_child (self->content); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_parts (self, child);

  if (self->reveal_pending->len > 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_reveal_tick, NULL, NULL);
}

void
_dl_event_panel_reveal_stop (DlEventPanel *self)
{
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_ptr_array_set_size (self->reveal_pending, 0);
  g_array_set_size (self->reveal_weights, 0);
  self->reveal_next = 0;
}
