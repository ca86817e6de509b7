/* dl-timeline-input.c: the timeline under the pointer and keys: clicks, the brush, zoom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-timeline"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-timeline-private.h"

/* Callbacks */

void
dl_timeline_on_items_changed (DlTimeline *self)
{
  dl_timeline_rebuild_index (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Whether the last frame's stacks and labels are where they are drawn now:
 * it showed the current range at the current width. */
static gboolean
last_frame_current (DlTimeline     *self,
                    const Geometry *g)
{
  return self->stacks_range[0] == self->visible_start && self->stacks_range[1] == self->visible_end
         && self->stacks_width == (int) g->width;
}

/* The event whose title the last frame wrote at (x, y): a click on the
 * words beside a dot is a click on the dot. */
DlEvent *
dl_timeline_label_at (DlTimeline *self,
                      double      x,
                      double      y)
{
  Geometry g;

  dl_timeline_get_geometry (self, &g);
  if (!last_frame_current (self, &g))
    return NULL;
  for (guint i = 0; i < self->placed->len && i < self->label_rects->len; i++)
    if (graphene_rect_contains_point (&g_array_index (self->label_rects, graphene_rect_t, i),
                                      &GRAPHENE_POINT_INIT (x, y)))
      return g_array_index (self->items, Item, g_array_index (self->placed, PlacedLabel, i).item).event;
  return NULL;
}

/* The stack drawn at (x, y) in the last frame, if that frame showed the
 * current range; @on_badge tells whether its "+N" badge is there. */
const Stack *
dl_timeline_stack_at (DlTimeline *self,
          double      x,
          double      y,
          gboolean   *on_badge)
{
  Geometry g;
  double r;

  dl_timeline_get_geometry (self, &g);
  if (!last_frame_current (self, &g))
    return NULL;

  r = dl_timeline_dot_radius (&g) + 3;
  for (guint s = self->stacks->len; s-- > 0;)
    {
      const Stack *stack = &g_array_index (self->stacks, Stack, s);

      if (fabs (y - stack->cy) > g.lane_h / 2)
        continue;
      if (stack->n > 1
          && x >= stack->badge.origin.x - 2 && x <= stack->badge.origin.x + stack->badge.size.width + 2)
        {
          *on_badge = TRUE;
          return stack;
        }
      if (fabs (x - stack->x) <= r)
        {
          *on_badge = FALSE;
          return stack;
        }
    }

  return NULL;
}

/* The user chose @event here: tell listeners, and select it in the session. */
static void
activate_event (DlTimeline *self,
                DlEvent    *event)
{
  g_signal_emit (self, dl_timeline_signals[SIGNAL_EVENT_ACTIVATED], 0, event);
  if (self->session != NULL)
    dl_session_select (self->session, event);
}

static void
on_stack_event_chosen (DlEvent  *event,
                       gpointer  user_data)
{
  activate_event (user_data, event);
}

/* Lists a stack's events in time order in a popover at its badge. */
static void
show_stack_list (DlTimeline  *self,
                 const Stack *stack)
{
  const Visible *vis = (const Visible *) (gpointer) self->visible->data;
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  const graphene_rect_t *b = &stack->badge;

  for (guint i = stack->first; i < stack->first + stack->n; i++)
    g_ptr_array_add (members, g_array_index (self->items, Item, vis[i].item).event);

  dl_event_chooser_show (self->stack_list, members,
                         &(GdkRectangle) { (int) b->origin.x, (int) b->origin.y,
                                           (int) ceil (b->size.width), (int) ceil (b->size.height) },
                         _("Events at this time"), on_stack_event_chosen, self);
}

void
dl_timeline_on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DlTimeline      *self)
{
  DlEvent *event;
  const Stack *stack;
  gboolean on_badge = FALSE;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  stack = dl_timeline_stack_at (self, x, y, &on_badge);
  if (stack != NULL && on_badge)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      show_stack_list (self, stack);
      return;
    }

  event = dl_timeline_pick (self, x, y);

  if (event != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      activate_event (self, event);
    }
}

/* Moves or resizes the brush from the range it had when the drag began;
 * dl_timeline_apply_range() keeps it inside the dataset's span. */
static void
drag_brush (DlTimeline *self,
            double      x,
            double      dx)
{
  Geometry g;
  gint64 os, oe;
  gint64 start = self->drag_start_range[0], end = self->drag_start_range[1];
  double seconds_per_px;

  dl_timeline_get_geometry (self, &g);
  dl_timeline_get_overview_range (self, &os, &oe);
  seconds_per_px = (double) (oe - os) / (g.plot_x1 - g.plot_x0);
  if (g.rtl)
    dx = -dx;

  dl_timeline_stop_animation (self);
  self->range_set = TRUE;

  switch ((BrushDrag) self->brush_drag)
    {
    case BRUSH_START:
      start = MIN ((gint64) dl_timeline_overview_x_to_time (self, &g, x), end - MIN_SPAN);
      start = MAX (start, os);
      break;
    case BRUSH_END:
      end = MAX ((gint64) dl_timeline_overview_x_to_time (self, &g, x), start + MIN_SPAN);
      end = MIN (end, oe);
      break;
    case BRUSH_MOVE:
    default:
      {
        gint64 shift = (gint64) (dx * seconds_per_px);

        shift = CLAMP (shift, os - start, oe - end);
        start += shift;
        end += shift;
      }
      break;
    }

  dl_timeline_apply_range (self, start, end);
}

void
dl_timeline_on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               DlTimeline     *self)
{
  Geometry g;

  dl_timeline_get_geometry (self, &g);
  dl_timeline_stop_animation (self);
  self->drag_in_overview = y >= g.overview_y0 - OVERVIEW_GAP / 2;
  self->drag_start_range[0] = self->visible_start;
  self->drag_start_range[1] = self->visible_end;

  if (self->drag_in_overview)
    {
      double bx0, bx1;

      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      dl_timeline_get_brush_x (self, &g, &bx0, &bx1);

      /* The edges resize (when the brush is wide enough to tell them from
       * its middle), the middle moves; elsewhere the brush jumps to centre
       * on the press and then follows the pointer. */
      if (bx1 - bx0 >= 3 * BRUSH_EDGE_GRAB && fabs (x - bx0) <= BRUSH_EDGE_GRAB)
        self->brush_drag = g.rtl ? BRUSH_END : BRUSH_START;
      else if (bx1 - bx0 >= 3 * BRUSH_EDGE_GRAB && fabs (x - bx1) <= BRUSH_EDGE_GRAB)
        self->brush_drag = g.rtl ? BRUSH_START : BRUSH_END;
      else
        {
          self->brush_drag = BRUSH_MOVE;
          if (x < bx0 - BRUSH_EDGE_GRAB || x > bx1 + BRUSH_EDGE_GRAB)
            {
              gint64 span = self->visible_end - self->visible_start;
              gint64 t = (gint64) dl_timeline_overview_x_to_time (self, &g, x);

              self->range_set = TRUE;
              dl_timeline_apply_range (self, t - span / 2, t - span / 2 + span);
              self->drag_start_range[0] = self->visible_start;
              self->drag_start_range[1] = self->visible_end;
            }
        }
    }
}

void
dl_timeline_on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                DlTimeline     *self)
{
  Geometry g;
  double sx, sy;

  dl_timeline_get_geometry (self, &g);
  gtk_gesture_drag_get_start_point (gesture, &sx, &sy);

  if (self->drag_in_overview)
    {
      drag_brush (self, sx + dx, dx);
    }
  else
    {
      double span = (double) (self->drag_start_range[1] - self->drag_start_range[0]);
      double shift = -dx / (g.plot_x1 - g.plot_x0) * span;

      if (g.rtl)
        shift = -shift;
      if (fabs (dx) > 3)
        gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      self->range_set = TRUE;
      dl_timeline_apply_range (self, self->drag_start_range[0] + (gint64) shift, self->drag_start_range[1] + (gint64) shift);
    }
}

void
dl_timeline_on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           DlTimeline               *self)
{
  self->pointer_x = x;
  self->pointer_inside = TRUE;
}

void
dl_timeline_on_leave (GtkEventControllerMotion *motion,
          DlTimeline               *self)
{
  self->pointer_inside = FALSE;
}

gboolean
dl_timeline_on_scroll (GtkEventControllerScroll *scroll,
           double                    dx,
           double                    dy,
           DlTimeline               *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));
  gboolean wheel = gtk_event_controller_scroll_get_unit (scroll) == GDK_SCROLL_UNIT_WHEEL;
  double span = (double) (self->visible_end - self->visible_start);
  Geometry g;

  dl_timeline_get_geometry (self, &g);

  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (1.25, -dy) : exp (-dy * 0.01);
      double anchor = dl_timeline_x_to_time (self, &g, CLAMP (self->pointer_x, g.plot_x0, g.plot_x1));

      dl_timeline_zoom_at (self, factor, anchor, FALSE);
      return GDK_EVENT_STOP;
    }

  /* Vertical scrolling pans too: most mice have no horizontal wheel. */
  {
    double delta = dx != 0 ? dx : dy;
    double seconds = wheel ? delta * 0.1 * span : delta / (g.plot_x1 - g.plot_x0) * span;

    if (g.rtl && dx != 0)
      seconds = -seconds;
    dl_timeline_pan_by (self, seconds);
  }

  return GDK_EVENT_STOP;
}

void
dl_timeline_on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               DlTimeline       *self)
{
  Geometry g;
  double cx, cy;

  dl_timeline_get_geometry (self, &g);
  dl_timeline_stop_animation (self);
  self->zoom_start_range[0] = self->visible_start;
  self->zoom_start_range[1] = self->visible_end;
  if (!gtk_gesture_get_bounding_box_center (gesture, &cx, &cy))
    cx = (g.plot_x0 + g.plot_x1) / 2;
  self->zoom_anchor_x = dl_timeline_x_to_time (self, &g, cx);
}

void
dl_timeline_on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       DlTimeline     *self)
{
  double span = (double) (self->zoom_start_range[1] - self->zoom_start_range[0]);
  double new_span = CLAMP (span / MAX (scale, 0.01), (double) MIN_SPAN, (double) MAX_SPAN);
  double f = (self->zoom_anchor_x - self->zoom_start_range[0]) / span;
  gint64 start = (gint64) (self->zoom_anchor_x - f * new_span);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->range_set = TRUE;
  dl_timeline_apply_range (self, start, start + (gint64) new_span);
}

gboolean
dl_timeline_on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  DlTimeline *self)
{
  DlEvent *event = keyboard ? self->selected : dl_timeline_pick (self, x, y);
  g_autofree char *when = NULL;
  g_autofree char *markup = NULL;

  if (event == NULL)
    return FALSE;

  when = dl_edtf_describe (dl_event_get_when (event));
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", dl_event_get_title (event), when);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

void
dl_timeline_zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dl_timeline_zoom (DL_TIMELINE (widget), 1.5);
}

void
dl_timeline_zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  dl_timeline_zoom (DL_TIMELINE (widget), 1 / 1.5);
}

void
dl_timeline_fit_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  dl_timeline_fit_all (DL_TIMELINE (widget));
}
