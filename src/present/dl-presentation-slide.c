/* dl-presentation-slide.c: what a presentation shows, and what it measures
 *
 * The widgets of a slide and of the end slide, the locator inset, and the
 * figures the tests read (the smallest text laid out, text cut off).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-presentation"

#include <glib/gi18n.h>
#include <math.h>

#ifdef HAVE_BASEMAP
#include "dl-base-layers.h"
#include "dl-basemap.h"
#endif
#include "dl-event-layer.h"
#include "dl-map-image.h"
#include "dl-mark-painter.h"
#include "dl-presentation-private.h"

/* The inset's picture is drawn once per step and size (it draws basemap
 * tiles), not on every frame. */
static void
locator_draw (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  DlPresentation *self = user_data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));

  if (self->locator_surface == NULL
      || cairo_image_surface_get_width (self->locator_surface) != width * scale
      || cairo_image_surface_get_height (self->locator_surface) != height * scale)
    {
      cairo_t *surface_cr;
      double map_width, map_height;

      g_clear_pointer (&self->locator_surface, cairo_surface_destroy);
      self->locator_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
      cairo_surface_set_device_scale (self->locator_surface, scale, scale);
      surface_cr = cairo_create (self->locator_surface);
      _dl_presentation_map_size (self, &map_width, &map_height);
      dl_map_image_draw_locator (surface_cr, width, height, &self->target, map_width, map_height,
                                 adw_style_manager_get_dark (adw_style_manager_get_default ()), scale,
                                 MAX (1.0, self->text_size / 22.0), self->text_size * SMALLEST_SCALE);
      cairo_destroy (surface_cr);
    }
  cairo_set_source_surface (cr, self->locator_surface, 0, 0);
  cairo_paint (cr);
}


/* Zoomed in past region scale (a school, a town), a small map of the
 * region shows where the step is. */
/* Room a label leaves around the step's marker (its selected radius plus a gap). */
#define MARKER_CLEARANCE_PX   (DL_MARK_SELECTED_RADIUS + 8.0)

/* The attribution of every map shown (the built-in map, the online one,
 * the user's map file), as the window's license widget would say it. */
static void
update_attribution (DlPresentation *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  if (self->attribution_label == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SHUMATE_IS_MAP_LAYER (child) && gtk_widget_get_visible (child))
      {
        g_autoptr(ShumateMapSource) source = NULL;
        const char *license;

        g_object_get (child, "map-source", &source, NULL);
        license = source != NULL ? shumate_map_source_get_license (source) : NULL;
        if (license != NULL && *license != '\0'
            && !g_ptr_array_find_with_equal_func (parts, license, g_str_equal, NULL))
          g_ptr_array_add (parts, g_strdup (license));
      }
  if (parts->len == 0)
    return;
  g_ptr_array_add (parts, NULL);
  text = g_strjoinv (" · ", (char **) parts->pdata);
  if (g_strcmp0 (gtk_label_get_text (self->attribution_label), text) != 0)
    gtk_label_set_text (self->attribution_label, text);
}

/* From the back of a room: the map's labels as large as the slide's
 * smallest text, fewer of them, and none under the step's markers. */
void
_dl_presentation_update_map_labels (DlPresentation *self)
{
#ifdef HAVE_BASEMAP
  const Step *step = _dl_presentation_current_step (self);
  DlBasemapLabelOptions options = DL_BASEMAP_LABEL_OPTIONS_INIT;

  if (self->base == NULL)
    return;

  options.scale = CLAMP (self->text_size * SMALLEST_SCALE / DL_MAP_IMAGE_SMALLEST_LABEL_PX, 1.5, 4.0);
  options.density = DL_BASEMAP_DENSITY_FEWER;
  if (step != NULL && step->event != NULL)
    for (guint i = 0; i < dl_event_get_n_places (step->event); i++)
      {
        const DlGeometry *geometry = dl_place_get_geometry (dl_event_get_place (step->event, i));
        DlLonLat anchor;

        if (geometry == NULL)
          continue;
        anchor = dl_geometry_get_anchor (geometry);
        if (!dl_basemap_label_options_add_avoid (&options, anchor.lat, anchor.lon,
                                                 MARKER_CLEARANCE_PX * options.scale / 1.5))
          break;
      }
  dl_base_layers_set_label_options (self->base, &options);
  update_attribution (self);
#endif
}

void
_dl_presentation_update_locator (DlPresentation *self)
{
  double width, height;
  gboolean show = !self->at_end && _dl_presentation_current_step (self) != NULL && _dl_presentation_current_step (self)->event != NULL
                  && self->target.zoom >= DL_MAP_IMAGE_LOCATOR_MIN_ZOOM;

  _dl_presentation_map_size (self, &width, &height);
  g_clear_pointer (&self->locator_surface, cairo_surface_destroy);
  gtk_widget_set_size_request (self->locator, (int) (height * 0.34), (int) (height * 0.27));
  gtk_widget_set_margin_start (self->locator, (int) (self->text_size * 0.6));
  gtk_widget_set_margin_top (self->locator, (int) (self->text_size * 0.6));
  gtk_widget_set_visible (self->locator, show);
  gtk_widget_queue_draw (self->locator);
}


/* The last slide: the story's title, its sources, and how to leave. */
void
_dl_presentation_show_end (DlPresentation *self)
{
  GListModel *sources = dl_dataset_get_sources (self->dataset);
  g_autoptr(GHashTable) cited = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) list = g_string_new (NULL);

  self->at_end = TRUE;
  for (guint i = 0; i < self->steps->len; i++)
    {
      DlEvent *event = g_array_index (self->steps, Step, i).event;

      for (guint e = 0; event != NULL && e < dl_event_get_n_excerpts (event); e++)
        g_hash_table_add (cited, dl_event_get_excerpt (event, e)->source);
    }
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      if (g_hash_table_size (cited) > 0 && !g_hash_table_contains (cited, source))
        continue;
      if (list->len > 0)
        g_string_append_c (list, '\n');
      g_string_append_printf (list, "%u. %s", i + 1, dl_source_get_title (source));
    }

  gtk_label_set_text (self->end_title, self->title);
  gtk_label_set_text (self->end_sources, list->str);
  gtk_stack_set_visible_child_name (self->stack, "end");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stack), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("End of the presentation"), -1);
}


static void
black_draw (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
}


/* The window opens under a pointer resting where the teacher clicked
 * Present or a story: GTK would show the mark under it as a tooltip over
 * the first slide until a key is pressed. Marks tell their titles once the
 * pointer has really moved. */
static void
on_pointer_motion (GtkEventControllerMotion *motion,
                   double                    x,
                   double                    y,
                   DlPresentation           *self)
{
  if (!self->pointer_seen)
    {
      self->pointer_seen = TRUE;
      self->pointer_x = x;
      self->pointer_y = y;
      return;
    }
  if (fabs (x - self->pointer_x) + fabs (y - self->pointer_y) < 4)
    return;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->event_layer), TRUE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (motion), GTK_PHASE_NONE);
}

void
_dl_presentation_build_ui (DlPresentation *self)
{
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *hbox = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *map_overlay = gtk_overlay_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  const char *attribution = NULL;
  ShumateViewport *viewport;

  /* The map */
  self->map = shumate_map_new ();
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->map), FALSE);
  viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_max_zoom_level (viewport, 14);
  gtk_overlay_set_child (GTK_OVERLAY (map_overlay), GTK_WIDGET (self->map));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"), -1);

#ifdef HAVE_BASEMAP
  /* The window's base map: online choice, dark mode, scale, offline map file */
  {
    ShumateLicense *license = shumate_license_new ();

    self->base = dl_base_layers_new (self->map, license);
    /* The window's choices: online map, the user's offline map file. */
    {
      GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (schemas != NULL && (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) != NULL)
        {
          g_autoptr(GSettings) settings = g_settings_new (APP_ID);

          dl_base_layers_set_settings (self->base, settings);
        }
    }
    /* Shown below in text as big as the rest, not in the license's small print. */
    gtk_widget_set_visible (GTK_WIDGET (license), FALSE);
    gtk_overlay_add_overlay (GTK_OVERLAY (map_overlay), GTK_WIDGET (license));
    attribution = dl_basemap_get_license_text ();
  }
#endif

  self->event_layer = dl_event_layer_new (viewport);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->event_layer));
  dl_event_layer_set_model (self->event_layer, G_LIST_MODEL (self->events));
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->event_layer), FALSE);
  {
    GtkEventController *motion = gtk_event_controller_motion_new ();

    gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
    g_signal_connect (motion, "enter", G_CALLBACK (on_pointer_motion), self);
    g_signal_connect (motion, "motion", G_CALLBACK (on_pointer_motion), self);
    gtk_widget_add_controller (GTK_WIDGET (self), motion);
  }

  self->locator = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->locator), locator_draw, self, NULL);
  gtk_widget_set_halign (self->locator, GTK_ALIGN_START);
  gtk_widget_set_valign (self->locator, GTK_ALIGN_START);
  gtk_widget_set_can_target (self->locator, FALSE);
  gtk_widget_set_visible (self->locator, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->locator), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Where the map is, in the region"), -1);
  gtk_overlay_add_overlay (GTK_OVERLAY (map_overlay), self->locator);

  if (attribution != NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkLabel *label = _dl_presentation_add_label (self, GTK_BOX (box), SMALLEST_SCALE, FALSE, NULL);

      gtk_label_set_text (label, attribution);
      gtk_label_set_max_width_chars (label, 70);
      self->attribution_label = label;
      gtk_widget_add_css_class (box, "presentation-attribution");
      gtk_widget_set_halign (box, GTK_ALIGN_END);
      gtk_widget_set_valign (box, GTK_ALIGN_END);
      gtk_widget_set_can_target (box, FALSE);
      gtk_overlay_add_overlay (GTK_OVERLAY (map_overlay), box);
    }
  gtk_box_append (GTK_BOX (hbox), map_overlay);
  gtk_box_append (GTK_BOX (hbox), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  /* The caption panel */
  self->panel_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self->panel_box), header);
  self->narrative_label = _dl_presentation_add_label (self, GTK_BOX (header), SMALLEST_SCALE, FALSE, "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->narrative_label), TRUE);
  self->progress_label = _dl_presentation_add_label (self, GTK_BOX (header), 0.9, TRUE, "numeric");
  gtk_label_set_wrap (self->progress_label, FALSE);
  gtk_label_set_max_width_chars (self->progress_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Step of the narrative"), -1);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress through the narrative"), -1);
  gtk_box_append (GTK_BOX (self->panel_box), GTK_WIDGET (self->progress_bar));

  self->category_label = _dl_presentation_add_label (self, GTK_BOX (self->panel_box), SMALLEST_SCALE, TRUE, "category-chip");
  gtk_label_set_wrap (self->category_label, FALSE);
  gtk_label_set_max_width_chars (self->category_label, -1);
  gtk_widget_set_halign (GTK_WIDGET (self->category_label), GTK_ALIGN_START);
  gtk_widget_set_margin_top (GTK_WIDGET (self->category_label), 6);
  self->title_label = _dl_presentation_add_label (self, GTK_BOX (self->panel_box), 1.5, TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event"), -1);
  self->date_label = _dl_presentation_add_label (self, GTK_BOX (self->panel_box), 0.95, TRUE, "accent");
  self->place_label = _dl_presentation_add_label (self, GTK_BOX (self->panel_box), 0.95, FALSE, NULL);
  self->caption_label = _dl_presentation_add_label (self, GTK_BOX (self->panel_box), 1.0, FALSE, NULL);
  gtk_widget_set_margin_top (GTK_WIDGET (self->caption_label), 8);
  self->passage_label = _dl_presentation_add_label (self, GTK_BOX (self->panel_box), 0.9, FALSE, NULL);
  g_array_index (self->scaled, ScaledLabel, self->scaled->len - 1).serif = TRUE;
  gtk_widget_set_margin_top (GTK_WIDGET (self->passage_label), 8);
  self->source_label = _dl_presentation_add_label (self, GTK_BOX (self->panel_box), SMALLEST_SCALE, FALSE, "dim-label");
  self->more_label = _dl_presentation_add_label (self, GTK_BOX (self->panel_box), SMALLEST_SCALE, TRUE, "accent");

  /* Long passages scroll rather than push the strip off screen. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->panel_box);
  gtk_widget_set_focusable (scroller, FALSE);
  self->panel = scroller;
  gtk_widget_set_hexpand (self->panel, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->panel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Caption"), -1);
  gtk_box_append (GTK_BOX (hbox), self->panel);

  gtk_widget_set_vexpand (hbox, TRUE);
  gtk_box_append (GTK_BOX (vbox), hbox);
  gtk_box_append (GTK_BOX (vbox), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* The timeline strip */
  self->timeline = DL_PRESENTATION_STRIP (dl_presentation_strip_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self->timeline), FALSE);
  dl_presentation_strip_set_events (self->timeline, G_LIST_MODEL (self->step_events));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("When the steps happened"), -1);
  g_signal_connect_object (self->timeline, "event-activated", G_CALLBACK (_dl_presentation_on_timeline_event_activated), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (vbox), GTK_WIDGET (self->timeline));

  /* The end slide */
  {
    GtkWidget *end = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    GtkLabel *heading;

    gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
    gtk_widget_set_halign (end, GTK_ALIGN_CENTER);
    gtk_widget_set_size_request (end, 0, -1);
    self->end_title = _dl_presentation_add_label (self, GTK_BOX (end), 2.0, TRUE, NULL);
    gtk_label_set_justify (self->end_title, GTK_JUSTIFY_CENTER);
    gtk_label_set_xalign (self->end_title, 0.5);
    gtk_label_set_max_width_chars (self->end_title, 40);
    heading = _dl_presentation_add_label (self, GTK_BOX (end), 1.0, TRUE, "dim-label");
    gtk_label_set_text (heading, _("Sources"));
    gtk_widget_set_margin_top (GTK_WIDGET (heading), 24);
    self->end_sources = _dl_presentation_add_label (self, GTK_BOX (end), 0.9, FALSE, NULL);
    gtk_label_set_max_width_chars (self->end_sources, 60);
    self->end_hint = _dl_presentation_add_label (self, GTK_BOX (end), 0.8, FALSE, "dim-label");
    gtk_label_set_text (self->end_hint, _("Press Esc to leave, Page Up to go back"));
    gtk_label_set_xalign (self->end_hint, 0.5);
    gtk_widget_set_margin_top (GTK_WIDGET (self->end_hint), 36);
    gtk_widget_set_margin_start (end, 48);
    gtk_widget_set_margin_end (end, 48);

    self->stack = GTK_STACK (gtk_stack_new ());
    gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
    self->slide = vbox;
    gtk_stack_add_named (self->stack, vbox, "slide");
    gtk_stack_add_named (self->stack, end, "end");
  }

  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->stack));

  /* The black screen covers everything, mouse included. */
  self->black = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->black), black_draw, NULL, NULL);
  gtk_widget_set_visible (self->black, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->black);

  gtk_window_set_child (GTK_WINDOW (self), overlay);
}


char *
dl_presentation_get_caption_text (DlPresentation *self)
{
  GtkLabel *slide_labels[] = {
    self->narrative_label, self->progress_label, self->category_label, self->title_label, self->date_label,
    self->place_label, self->caption_label, self->passage_label, self->source_label, self->more_label,
  };
  GtkLabel *end_labels[] = { self->end_title, self->end_sources, self->end_hint };
  GtkLabel **labels = self->at_end ? end_labels : slide_labels;
  guint n = self->at_end ? G_N_ELEMENTS (end_labels) : G_N_ELEMENTS (slide_labels);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (DL_IS_PRESENTATION (self), NULL);

  for (guint i = 0; i < n; i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])))
      {
        g_string_append (out, gtk_label_get_text (labels[i]));
        g_string_append_c (out, '\n');
      }

  return g_string_free (out, FALSE);
}


/* The labels shown now, on the slide or the end slide. */
static GPtrArray *
shown_labels (DlPresentation *self)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (guint i = 0; i < self->scaled->len; i++)
    {
      GtkWidget *label = GTK_WIDGET (g_array_index (self->scaled, ScaledLabel, i).label);

      if (gtk_widget_is_drawable (label) && gtk_label_get_text (GTK_LABEL (label))[0] != '\0')
        g_ptr_array_add (labels, label);
    }

  return labels;
}


double
dl_presentation_get_smallest_text (DlPresentation *self)
{
  g_autoptr(GPtrArray) labels = NULL;
  double smallest = 0;

  g_return_val_if_fail (DL_IS_PRESENTATION (self), 0);

  labels = shown_labels (self);
  for (guint i = 0; i < labels->len; i++)
    {
      PangoLayoutIter *iter = pango_layout_get_iter (gtk_label_get_layout (g_ptr_array_index (labels, i)));

      /* Every run Pango laid out, at the size it was shaped at. */
      do
        {
          PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

          if (run != NULL)
            {
              PangoFontDescription *font = pango_font_describe_with_absolute_size (run->item->analysis.font);
              double px = (double) pango_font_description_get_size (font) / PANGO_SCALE;

              if (smallest == 0 || px < smallest)
                smallest = px;
              pango_font_description_free (font);
            }
        }
      while (pango_layout_iter_next_run (iter));
      pango_layout_iter_free (iter);
    }

  if (gtk_widget_is_drawable (GTK_WIDGET (self->timeline)))
    {
      double strip = dl_presentation_strip_get_smallest_text (self->timeline);

      if (strip > 0 && (smallest == 0 || strip < smallest))
        smallest = strip;
    }

  return smallest;
}


gboolean
dl_presentation_is_text_cut (DlPresentation *self)
{
  g_autoptr(GPtrArray) labels = NULL;

  g_return_val_if_fail (DL_IS_PRESENTATION (self), FALSE);

  labels = shown_labels (self);
  for (guint i = 0; i < labels->len; i++)
    if (pango_layout_is_ellipsized (gtk_label_get_layout (g_ptr_array_index (labels, i))))
      return TRUE;

  /* The caption panel scrolls rather than push the strip off: text below
   * its fold is cut too. */
  {
    int minimum, natural;

    gtk_widget_measure (self->panel_box, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (self->panel),
                        &minimum, &natural, NULL, NULL);
    if (gtk_widget_is_drawable (self->panel) && natural > gtk_widget_get_height (self->panel) + 1)
      return TRUE;
  }

  return FALSE;
}

