/* dl-window-map.c: the window's map: base layer, event layer, framing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-window"

#include <glib/gi18n.h>
#include <math.h>

#include "dl-window-private.h"

#include "dl-map-flight.h"
#include "dl-map-view.h"

static void
fly_to_view (DlWindow        *self,
             const DlMapView *view,
             gboolean         animate)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double zoom = CLAMP (view->zoom, shumate_viewport_get_min_zoom_level (viewport),
                       shumate_viewport_get_max_zoom_level (viewport));

  /* Far away, the flight zooms out and in again, keeping the wider context. */
  dl_map_fly_to (self->map, view->lat, view->lon, zoom, animate ? 1000 : 0);
}

/* What the overlays cover at the map's edges: the legend at the start
 * (the right, right to left), the count chip on top, the scale bar and the
 * attribution at the bottom. */
static void
get_insets (DlWindow *self,
            double   *top,
            double   *right,
            double   *bottom,
            double   *left)
{
  GtkWidget *legend = GTK_WIDGET (self->legend);
  GtkWidget *chip = GTK_WIDGET (self->shown_label);
  int bottom_left = gtk_widget_get_height (GTK_WIDGET (self->scale));
  int bottom_right = gtk_widget_get_height (GTK_WIDGET (self->license));

  double start = gtk_widget_get_visible (legend) ? gtk_widget_get_width (legend) + 2 * gtk_widget_get_margin_start (legend) : 0;

  *top = gtk_widget_get_visible (chip) ? gtk_widget_get_height (chip) + 2 * gtk_widget_get_margin_top (chip) : 0;
  *bottom = MAX (bottom_left, bottom_right);
  if (gtk_widget_get_direction (legend) == GTK_TEXT_DIR_RTL)
    {
      *left = 0;
      *right = start;
    }
  else
    {
      *left = start;
      *right = 0;
    }
}

/* Fits into the part of the map the overlays leave free, centred there. */
static void
fit_and_fly (DlWindow     *self,
             const DlBBox *bbox,
             double        min_extent_m,
             gboolean      animate)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self->map));
  double height = gtk_widget_get_height (GTK_WIDGET (self->map));
  double top, right, bottom, left;
  DlMapView view;

  get_insets (self, &top, &right, &bottom, &left);
  /* A small window keeps most of its map, even under a tall legend. */
  left = MIN (left, width / 3);
  right = MIN (right, width / 3);
  top = MIN (top, height / 4);
  bottom = MIN (bottom, height / 4);

  if (bbox != NULL)
    dl_map_view_fit (&view, width - left - right, height - top - bottom, bbox, min_extent_m);
  else
    {
      DlBBox main_part, all;

      /* Computed by the loading thread when every event is shown. */
      dl_session_get_events_extent (self->session, &main_part, &all);
      dl_map_view_fit_extent (&view, width - left - right, height - top - bottom, &main_part, &all);
    }
  dl_map_view_offset (&view, (right - left) / 2, (bottom - top) / 2);
  fly_to_view (self, &view, animate);
}

void
_dl_window_frame_bbox (DlWindow     *self,
                       const DlBBox *bbox,
                       double        min_extent_m,
                       gboolean      animate)
{
  fit_and_fly (self, bbox, min_extent_m, animate);
}

static gboolean
frame_when_laid_out (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  DlWindow *self = DL_WINDOW (user_data);
  GtkWidget *legend = GTK_WIDGET (self->legend);
  DlEvent *event;

  /* The map and the legend rebuilt for the dataset need their sizes first,
   * and the legend its fold for this size (a small map folds it, which
   * frees its width): framed earlier, the first view would leave room for
   * a legend that is no longer there, and differ from what Fit shows. */
  if (gtk_widget_get_width (widget) <= 0
      || (gtk_widget_get_visible (legend) && gtk_widget_get_width (legend) <= 0))
    return G_SOURCE_CONTINUE;
  if (self->legend_idle != 0 || self->legend_refold_pending
      || _dl_window_want_compact_legend (self) != dl_legend_get_compact (self->legend))
    return G_SOURCE_CONTINUE;
  /* The panes' first positions (dl-window-state.c) change the map's size
   * in the frame after they are set: the map's size must have held for a
   * frame, or the first view is framed for a map taller than Fit sees. */
  if (!self->panes_placed || gtk_widget_get_width (widget) != self->frame_width
      || gtk_widget_get_height (widget) != self->frame_height)
    {
      self->frame_width = gtk_widget_get_width (widget);
      self->frame_height = gtk_widget_get_height (widget);
      return G_SOURCE_CONTINUE;
    }

  self->frame_tick = 0;
  /* An event selected meanwhile (--select, the selection restored from the
   * last run) is what the first view shows: its flight started before the
   * map had a size. */
  event = dl_session_get_selected_event (self->session);
  if (event != NULL)
    {
      DlBBox bbox = dl_event_get_bbox (event);

      fit_and_fly (self, &bbox, dl_event_get_precision_m (event), FALSE);
    }
  else
    fit_and_fly (self, NULL, 0, FALSE);
  return G_SOURCE_REMOVE;
}

void
_dl_window_frame_main_events (DlWindow *self,
                              gboolean  animate)
{
  if (g_list_model_get_n_items (dl_session_get_events (self->session)) == 0)
    return;

  if (animate || gtk_widget_get_width (GTK_WIDGET (self->map)) > 0)
    {
      fit_and_fly (self, NULL, 0, animate);
      if (animate)
        return;
    }

  /* Without animation this is a first view: framed again once laid out,
   * as Fit frames it. */
  if (self->frame_tick == 0)
    self->frame_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->map), frame_when_laid_out, self, NULL);
}

static void
on_cluster_activated (DlWindow *self,
                      double    west,
                      double    south,
                      double    east,
                      double    north)
{
  DlBBox bbox = { west, south, east, north };

  _dl_window_frame_bbox (self, &bbox, 500, TRUE);
}

void
_dl_window_setup_map (DlWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);

  shumate_scale_set_viewport (self->scale, viewport);
  if (self->settings != NULL)
    {
      g_autoptr(GAction) basemap = g_settings_create_action (self->settings, "basemap");

      g_action_map_add_action (G_ACTION_MAP (self), basemap);
    }

  self->event_layer = dl_event_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->event_layer));
  dl_event_layer_set_session (self->event_layer, self->session);
  g_signal_connect_object (self->event_layer, "event-activated", G_CALLBACK (dl_session_select), self->session,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_layer, "cluster-activated", G_CALLBACK (on_cluster_activated), self,
                           G_CONNECT_SWAPPED);

#ifdef HAVE_BASEMAP
  /* The one base-map setup the presentation shares. */
  self->base = dl_base_layers_new (self->map, self->license);
  if (self->settings != NULL)
    dl_base_layers_set_settings (self->base, self->settings);
#endif
}

DlBBox
_dl_window_get_visible_bbox (DlWindow *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (self->map);
  double scale = 256.0 * exp2 (shumate_viewport_get_zoom_level (viewport));
  DlLonLat centre = { shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                      shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) };
  double cx, cy;
  double half_w = gtk_widget_get_width (GTK_WIDGET (self->map)) / 2.0 / scale;
  double half_h = gtk_widget_get_height (GTK_WIDGET (self->map)) / 2.0 / scale;
  DlLonLat nw, se;
  DlBBox bbox;

  dl_geo_project (centre, &cx, &cy);
  nw = dl_geo_unproject (cx - half_w, cy - half_h);
  se = dl_geo_unproject (cx + half_w, cy + half_h);
  bbox.west = nw.lon;
  bbox.north = nw.lat;
  bbox.east = se.lon;
  bbox.south = se.lat;

  return bbox;
}
