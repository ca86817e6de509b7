/* dl-timeline.c: a zoomable time axis with the events in category lanes
 *
 * One widget draws everything in one snapshot: two rows of tick labels
 * (fine ticks, and the coarser period above them), one lane per category
 * with events as dots (a day or finer) or spans (intervals, months, years),
 * and an overview strip of the whole dataset with a brush for the visible
 * range. Events are kept in an index sorted by duration class and start, so
 * a frame only visits the events it can see; where a lane holds more events
 * than it has room for, it is drawn as a density histogram instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-timeline"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-timeline-private.h"

guint dl_timeline_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DlTimeline, dl_timeline, GTK_TYPE_WIDGET)

/* Helpers: the visible range */

static void
update_description (DlTimeline *self)
{
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (self->visible_start);
  g_autoptr(GDateTime) to = g_date_time_new_from_unix_utc (self->visible_end);
  /* Translators: a date in the timeline's accessible description */
  const char *format = self->visible_end - self->visible_start < 3 * SECONDS_PER_DAY
                       ? _("%-d %B %Y %H:%M") : _("%-d %B %Y");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;

  if (from == NULL || to == NULL)
    return;

  a = g_date_time_format (from, format);
  b = g_date_time_format (to, format);
  /* Translators: the timeline's accessible description, from one date to another */
  text = g_strdup_printf (_("Showing %s to %s"), a, b);

  if (g_strcmp0 (text, self->description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
      g_free (self->description);
      self->description = g_steal_pointer (&text);
    }
}

void
dl_timeline_apply_range (DlTimeline *self,
             gint64      start,
             gint64      end)
{
  gint64 span = end - start;
  gint64 center;

  if (span < MIN_SPAN || span > MAX_SPAN)
    {
      center = start + span / 2;
      span = CLAMP (span, MIN_SPAN, MAX_SPAN);
      start = center - span / 2;
      end = start + span;
    }
  /* The view stays within the dataset's span (what the overview shows). */
  if (self->have_extent)
    {
      gint64 os, oe;

      dl_timeline_get_overview_range (self, &os, &oe);
      if (span >= oe - os)
        {
          start = os;
          end = oe;
          span = end - start;
        }
      else if (start < os)
        {
          start = os;
          end = start + span;
        }
      else if (end > oe)
        {
          end = oe;
          start = end - span;
        }
    }
  if (start < MIN_TIME)
    {
      start = MIN_TIME;
      end = start + span;
    }
  if (end > MAX_TIME)
    {
      end = MAX_TIME;
      start = end - span;
    }

  if (start == self->visible_start && end == self->visible_end)
    return;

  self->visible_start = start;
  self->visible_end = end;

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Scrolled, zoomed or animated here: the session (and the map) follow. */
  if (self->session != NULL && !self->range_from_session)
    dl_session_set_visible_range (self->session, start, end);
}

void
dl_timeline_stop_animation (DlTimeline *self)
{
  dl_range_animation_stop (&self->anim);
}

static void
apply_animated_range (gpointer data,
                      gint64   start,
                      gint64   end)
{
  dl_timeline_apply_range (DL_TIMELINE (data), start, end);
}

static void
animate_to (DlTimeline *self,
            gint64      start,
            gint64      end)
{
  self->range_set = TRUE;
  dl_range_animation_start (&self->anim, GTK_WIDGET (self), self->visible_start, self->visible_end,
                            start, end, ANIMATION_USEC / 1000, DL_EASE_OUT_CUBIC,
                            apply_animated_range, self);
}

/* The range to aim for when animating, or the current one. */
static void
get_target_range (DlTimeline *self,
                  gint64     *start,
                  gint64     *end)
{
  if (!dl_range_animation_get_target (&self->anim, start, end))
    {
      *start = self->visible_start;
      *end = self->visible_end;
    }
}

void
dl_timeline_zoom_at (DlTimeline *self,
         double      factor,
         double      anchor,     /* a time that stays where it is */
         gboolean    animate)
{
  gint64 start, end;
  double span, new_span, f;

  get_target_range (self, &start, &end);
  span = (double) (end - start);
  new_span = CLAMP (span / factor, (double) MIN_SPAN, (double) MAX_SPAN);
  f = (anchor - start) / span;
  start = (gint64) (anchor - f * new_span);
  end = start + (gint64) new_span;

  if (animate)
    {
      animate_to (self, start, end);
    }
  else
    {
      dl_timeline_stop_animation (self);
      self->range_set = TRUE;
      dl_timeline_apply_range (self, start, end);
    }
}

void
dl_timeline_pan_by (DlTimeline *self,
        double      seconds)
{
  gint64 start, end;

  get_target_range (self, &start, &end);
  dl_timeline_stop_animation (self);
  self->range_set = TRUE;
  dl_timeline_apply_range (self, start + (gint64) seconds, end + (gint64) seconds);
}

void
dl_timeline_get_fit_range (DlTimeline *self,
               gint64      start,
               gint64      end,
               gint64     *out_start,
               gint64     *out_end)
{
  gint64 span = MAX (end - start, MIN_SPAN);
  gint64 margin = MAX (span / 20, SECONDS_PER_HOUR);
  gint64 center = start + (end - start) / 2;

  span += 2 * margin;
  *out_start = center - span / 2;
  *out_end = *out_start + span;
}

/* The session */

static void
on_session_selected_changed (DlTimeline *self)
{
  dl_timeline_set_selected (self, dl_session_get_selected_event (self->session));
}

static void
on_session_range_changed (DlTimeline *self)
{
  gint64 start, end;

  dl_session_get_visible_range (self->session, &start, &end);
  if (end <= start || (start == self->visible_start && end == self->visible_end))
    return;
  /* Our own range, echoed while an animation runs, must not stop it. */
  if (dl_range_animation_is_running (&self->anim))
    return;

  self->range_from_session = TRUE;
  dl_timeline_set_visible_range (self, start, end);
  self->range_from_session = FALSE;
}

static void
dl_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  DlTimeline *self = DL_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 800;
    }
  else
    {
      guint n_lanes = MAX (self->lanes->len, 1);
      double chrome = HEADER_HEIGHT + OVERVIEW_GAP + OVERVIEW_HEIGHT + 4;

      *minimum = (int) (chrome + n_lanes * 6);
      *natural = (int) CLAMP (chrome + n_lanes * 18, 160, 220);
      *natural = MAX (*natural, *minimum);
    }
}

static void
dl_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  DlTimeline *self = DL_TIMELINE (widget);

  self->overview_valid = FALSE;
  if (self->stack_list != NULL)
    gtk_popover_present (self->stack_list);
}

static void
dl_timeline_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  dl_timeline_clear_caches (DL_TIMELINE (widget));
}

static void
dl_timeline_system_setting_changed (GtkWidget         *widget,
                                    GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (dl_timeline_parent_class)->system_setting_changed (widget, setting);

  if (setting == GTK_SYSTEM_SETTING_FONT_NAME || setting == GTK_SYSTEM_SETTING_FONT_CONFIG
      || setting == GTK_SYSTEM_SETTING_DPI)
    dl_timeline_clear_caches (DL_TIMELINE (widget));
}

static void
dl_timeline_dispose (GObject *object)
{
  DlTimeline *self = DL_TIMELINE (object);

  dl_timeline_stop_animation (self);
  dl_timeline_cancel_index (self);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  dl_timeline_set_model (self, NULL);
  g_clear_object (&self->selected);
  if (self->stack_list != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack_list));
      self->stack_list = NULL;
    }

  G_OBJECT_CLASS (dl_timeline_parent_class)->dispose (object);
}

static void
dl_timeline_finalize (GObject *object)
{
  DlTimeline *self = DL_TIMELINE (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->index_source, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->stacks, g_array_unref);
  g_clear_pointer (&self->candidates, g_array_unref);
  g_clear_pointer (&self->label_rects, g_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->coarse_ticks, g_array_unref);
  g_clear_pointer (&self->tick_layouts, g_hash_table_unref);
  g_clear_pointer (&self->event_layouts, g_hash_table_unref);
  g_clear_pointer (&self->badge_layouts, g_hash_table_unref);
  g_clear_pointer (&self->dot_sprites, g_hash_table_unref);
  g_free (self->dot_bins);
  g_free (self->span_bins);
  g_free (self->lane_counts);
  g_free (self->lane_crowded);
  g_free (self->overview_bins);
  g_free (self->overview_fine);
  g_free (self->description);

  G_OBJECT_CLASS (dl_timeline_parent_class)->finalize (object);
}

/* The focus ring is drawn by the snapshot, not by CSS: GTK redraws a
 * widget whose focus changed only when its style changes, so the ring
 * would show (or linger) only at the next redraw for another reason. */
static void
dl_timeline_state_flags_changed (GtkWidget     *widget,
                                 GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (dl_timeline_parent_class)->state_flags_changed (widget, previous);
  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
dl_timeline_class_init (DlTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_timeline_dispose;
  object_class->finalize = dl_timeline_finalize;

  widget_class->snapshot = dl_timeline_snapshot;
  widget_class->measure = dl_timeline_measure;
  widget_class->size_allocate = dl_timeline_size_allocate;
  widget_class->direction_changed = dl_timeline_direction_changed;
  widget_class->system_setting_changed = dl_timeline_system_setting_changed;
  widget_class->state_flags_changed = dl_timeline_state_flags_changed;

  /**
   * DlTimeline::event-activated:
   * @event: the event clicked on
   */
  dl_timeline_signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, DL_TYPE_EVENT);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, dl_timeline_zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, dl_timeline_zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, dl_timeline_fit_all_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  /* F fits the timeline alone; Ctrl+0 is the window's (map and timeline
   * alike), which a binding here would take from it whenever the timeline
   * has the focus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "timeline.fit-all", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dl_timeline_init (DlTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click;
  GtkGesture *drag;
  GtkGesture *zoom;
  GtkEventController *scroll;
  GtkEventController *motion;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->lanes = g_ptr_array_new_with_free_func (dl_timeline_lane_free);
  self->visible = g_array_new (FALSE, FALSE, sizeof (Visible));
  self->candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));
  self->label_rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  self->placed = g_array_new (FALSE, FALSE, sizeof (PlacedLabel));
  self->stacks = g_array_new (FALSE, FALSE, sizeof (Stack));
  self->session_signals = dl_session_range_signals_new (G_CALLBACK (on_session_selected_changed),
                                                        G_CALLBACK (on_session_range_changed), self);
  self->stack_list = GTK_POPOVER (gtk_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack_list), widget);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coarse_ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tick_layouts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->event_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->badge_layouts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->lane_counts = g_new0 (guint, 2);
  self->lane_crowded = g_new0 (gboolean, 2);

  self->visible_end = now - now % SECONDS_PER_DAY + SECONDS_PER_DAY;
  self->visible_start = self->visible_end - 30 * SECONDS_PER_DAY;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (dl_timeline_on_query_tooltip), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (dl_timeline_on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (dl_timeline_on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (dl_timeline_on_drag_update), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (dl_timeline_on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (dl_timeline_on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (dl_timeline_on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (dl_timeline_on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (dl_timeline_on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (dl_timeline_on_leave), self);
  gtk_widget_add_controller (widget, motion);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_description (self);
}

/* Public API */

void
dl_timeline_set_session (DlTimeline *self,
                         DlSession  *session)
{
  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (session == NULL || DL_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);
  dl_timeline_set_model (self, session != NULL ? dl_session_get_events (session) : NULL);
  if (session != NULL)
    {
      gint64 start, end;

      dl_timeline_set_selected (self, dl_session_get_selected_event (session));
      dl_session_get_visible_range (session, &start, &end);
      if (end > start && self->range_set)
        on_session_range_changed (self);
      else
        dl_session_set_visible_range (session, self->visible_start, self->visible_end);
    }
}

DlTimeline *
dl_timeline_new (void)
{
  return g_object_new (DL_TYPE_TIMELINE, NULL);
}

void
dl_timeline_set_model (DlTimeline *self,
                       GListModel *events)
{
  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (self->model == events)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, dl_timeline_on_items_changed, self);

  g_set_object (&self->model, events);

  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (dl_timeline_on_items_changed), self);

  /* Until told otherwise, show where most of the events are, once they
   * are indexed (dl-timeline-index.c). */
  self->focus_pending = TRUE;
  dl_timeline_rebuild_index (self);
}

DlEvent *
dl_timeline_get_selected (DlTimeline *self)
{
  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);

  return self->selected;
}

void
dl_timeline_set_selected (DlTimeline *self,
                          DlEvent    *event)
{
  guint index;
  const Item *item;
  gint64 start, end, span, s, e;
  gint64 margin;

  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (event == NULL || DL_IS_EVENT (event));

  if (!g_set_object (&self->selected, event))
    return;

  gtk_widget_queue_draw (GTK_WIDGET (self));

  index = event != NULL ? dl_timeline_find_item (self, event) : 0;
  if (index == 0)
    return;

  item = &g_array_index (self->items, Item, index - 1);
  get_target_range (self, &start, &end);
  span = end - start;

  if (item->kind == ITEM_DOT)
    {
      s = e = item->mid;
    }
  else
    {
      s = item->start != DL_EDTF_UNBOUNDED_START ? item->start : item->mid;
      e = item->end != DL_EDTF_UNBOUNDED_END ? item->end : item->mid;
    }

  /* Already comfortably in view: leave the view alone. */
  margin = span / 20;
  if (s >= start + margin && e <= end - margin)
    return;

  /* Too long to fit: zoom out to show all of it. */
  if (e - s > span - 2 * margin)
    {
      dl_timeline_get_fit_range (self, s, e, &start, &end);
      animate_to (self, start, end);
      return;
    }

  start = s + (e - s) / 2 - span / 2;
  animate_to (self, start, start + span);
}

void
dl_timeline_set_visible_range (DlTimeline *self,
                               gint64      start,
                               gint64      end)
{
  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (start < end);

  dl_timeline_stop_animation (self);
  self->range_set = TRUE;
  dl_timeline_apply_range (self, start, end);
}

void
dl_timeline_get_visible_range (DlTimeline *self,
                               gint64     *start,
                               gint64     *end)
{
  g_return_if_fail (DL_IS_TIMELINE (self));

  if (start != NULL)
    *start = self->visible_start;
  if (end != NULL)
    *end = self->visible_end;
}

void
dl_timeline_fit_all (DlTimeline *self)
{
  gint64 start, end;

  g_return_if_fail (DL_IS_TIMELINE (self));

  if (!self->have_extent)
    return;

  dl_timeline_get_fit_range (self, self->extent_start, self->extent_end, &start, &end);
  animate_to (self, start, end);
}

void
dl_timeline_zoom (DlTimeline *self,
                  double      factor)
{
  gint64 start, end;
  double anchor;

  g_return_if_fail (DL_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  get_target_range (self, &start, &end);
  anchor = start + (end - start) / 2.0;

  /* Around the pointer when it is over the axis (the time under it stays
   * under it), else around the selection when it shows, else the centre. */
  if (self->pointer_inside)
    {
      Geometry g;

      dl_timeline_get_geometry (self, &g);
      if (self->pointer_x >= MIN (g.plot_x0, g.plot_x1) && self->pointer_x <= MAX (g.plot_x0, g.plot_x1))
        {
          /* dl_timeline_x_to_time() reads the current range; an animation aims elsewhere. */
          double f = g.rtl ? (g.plot_x1 - self->pointer_x) / (g.plot_x1 - g.plot_x0)
                           : (self->pointer_x - g.plot_x0) / (g.plot_x1 - g.plot_x0);

          dl_timeline_zoom_at (self, factor, start + f * (double) (end - start), TRUE);
          return;
        }
    }

  if (self->selected != NULL)
    {
      guint index = dl_timeline_find_item (self, self->selected);

      if (index > 0)
        {
          const Item *item = &g_array_index (self->items, Item, index - 1);

          if (item->mid >= start && item->mid <= end)
            anchor = item->mid;
        }
    }

  dl_timeline_zoom_at (self, factor, anchor, TRUE);
}

DlEvent *
dl_timeline_pick (DlTimeline *self,
                  double      x,
                  double      y)
{
  const Item *items;
  guint ranges[N_CLASSES][2];
  guint n_ranges;
  Geometry g;
  DlEvent *best = NULL;
  double best_distance = G_MAXDOUBLE;
  gboolean best_is_dot = FALSE;
  double r, t0, t1;
  guint lane;

  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);

  /* What the last frame drew on top there. */
  {
    gboolean on_badge;
    const Stack *stack = dl_timeline_stack_at (self, x, y, &on_badge);

    if (stack != NULL)
      return g_array_index (self->items, Item, stack->top).event;
  }
  {
    DlEvent *labelled = dl_timeline_label_at (self, x, y);

    if (labelled != NULL)
      return labelled;
  }

  dl_timeline_get_geometry (self, &g);
  if (self->lanes->len == 0 || y < g.lanes_y0 || y >= g.lanes_y1)
    return NULL;
  if (x < MIN (g.plot_x0, g.plot_x1) - 4 || x > MAX (g.plot_x0, g.plot_x1) + 4)
    return NULL;

  lane = (guint) ((y - g.lanes_y0) / g.lane_h);
  r = dl_timeline_dot_radius (&g) + 3;
  t0 = dl_timeline_x_to_time (self, &g, g.rtl ? x + r : x - r);
  t1 = dl_timeline_x_to_time (self, &g, g.rtl ? x - r : x + r);
  items = (const Item *) (gpointer) self->items->data;

  if (lane >= self->lanes->len)
    return NULL;
  for (guint kind = 0; kind < 2; kind++)
    {
      n_ranges = dl_timeline_cull (self, lane, kind, t0, t1, ranges);
      for (guint k = 0; k < n_ranges; k++)
        for (guint i = ranges[k][0]; i < ranges[k][1]; i++)
          {
            const Item *item = &items[i];
            double x0, x1, d;

            if (item->end < t0)
              continue;

            dl_timeline_item_extent (self, &g, item, &x0, &x1);
            if (item->kind == ITEM_DOT)
              {
                d = fabs (x - x0);
                if (d > r)
                  continue;
                /* Dots sit on top of spans. */
                if (!best_is_dot || d < best_distance)
                  {
                    best = item->event;
                    best_distance = d;
                    best_is_dot = TRUE;
                  }
              }
            else if (!best_is_dot && x >= x0 - 2 && x <= MAX (x1, x0 + 3) + 2)
              {
                /* Among overlapping spans, the shortest. */
                d = x1 - x0;
                if (d < best_distance)
                  {
                    best = item->event;
                    best_distance = d;
                  }
              }
          }
    }

  return best;
}

gboolean
dl_timeline_get_event_bounds (DlTimeline      *self,
                              DlEvent         *event,
                              graphene_rect_t *bounds)
{
  const Item *item;
  guint index;
  Geometry g;
  double x0, x1;
  double ly;

  g_return_val_if_fail (DL_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (DL_IS_EVENT (event), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  index = dl_timeline_find_item (self, event);
  dl_timeline_get_geometry (self, &g);
  if (index == 0 || g.width <= 0 || g.height <= 0)
    return FALSE;

  item = &g_array_index (self->items, Item, index - 1);
  dl_timeline_item_extent (self, &g, item, &x0, &x1);
  ly = g.lanes_y0 + item->lane * g.lane_h;

  if (item->kind == ITEM_DOT)
    {
      double r = dl_timeline_dot_radius (&g);

      graphene_rect_init (bounds, x0 - r, ly + g.lane_h / 2 - r, 2 * r, 2 * r);
    }
  else
    {
      double h = dl_timeline_span_height (&g);

      graphene_rect_init (bounds, x0, ly + (g.lane_h - h) / 2, MAX (x1 - x0, 3), h);
    }

  return TRUE;
}

gboolean
dl_timeline_get_stack (DlTimeline      *self,
                       guint            index,
                       graphene_rect_t *dot,
                       graphene_rect_t *badge,
                       guint           *n_events,
                       DlEvent        **top)
{
  const Stack *stack;
  Geometry g;
  double r;

  g_return_val_if_fail (DL_IS_TIMELINE (self), FALSE);

  if (index >= self->stacks->len)
    return FALSE;

  dl_timeline_get_geometry (self, &g);
  r = dl_timeline_dot_radius (&g);
  stack = &g_array_index (self->stacks, Stack, index);
  if (dot != NULL)
    graphene_rect_init (dot, stack->x - r, stack->cy - r, 2 * r, 2 * r);
  if (badge != NULL)
    *badge = stack->n > 1 ? stack->badge : GRAPHENE_RECT_INIT (0, 0, 0, 0);
  if (n_events != NULL)
    *n_events = stack->n;
  if (top != NULL)
    *top = g_array_index (self->items, Item, stack->top).event;
  return TRUE;
}

void
dl_timeline_get_overview_bounds (DlTimeline      *self,
                                 graphene_rect_t *strip,
                                 graphene_rect_t *brush)
{
  Geometry g;
  double bx0, bx1;

  g_return_if_fail (DL_IS_TIMELINE (self));

  dl_timeline_get_geometry (self, &g);
  dl_timeline_get_brush_x (self, &g, &bx0, &bx1);
  if (strip != NULL)
    graphene_rect_init (strip, MIN (g.plot_x0, g.plot_x1), g.overview_y0,
                        fabs (g.plot_x1 - g.plot_x0), g.overview_y1 - g.overview_y0);
  if (brush != NULL)
    graphene_rect_init (brush, bx0, g.overview_y0, bx1 - bx0, g.overview_y1 - g.overview_y0);
}

const graphene_rect_t *
dl_timeline_get_label_rects (DlTimeline *self,
                             guint      *n_rects)
{
  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (n_rects != NULL, NULL);

  *n_rects = self->label_rects->len;
  return (const graphene_rect_t *) (gpointer) self->label_rects->data;
}

const char *
dl_timeline_get_tick_unit (DlTimeline *self)
{
  static const char * const names[] = { "hour", "day", "month", "year", "none" };
  Geometry g;

  g_return_val_if_fail (DL_IS_TIMELINE (self), NULL);

  dl_timeline_get_geometry (self, &g);
  return names[dl_timeline_choose_tick_step (self, &g).unit];
}
