/* dl-presentation.c: a narrative presented full screen, for a classroom
 *
 * The map takes most of the screen, a caption panel beside it shows the
 * step in text sized from the window's height (readable from the back of a
 * room at 1024×768 as on a 4K projector), and a short timeline strip below
 * shows where the step sits in time. Between steps the map flies; when the
 * two places are far apart it first zooms out to show both, then in.
 *
 * A GtkWindow rather than an AdwWindow: full screen it needs no frame, and
 * AdwWindow's rounded frame would take pixels from the content (a 1920×1080
 * window would show 1910×1070).
 *
 * Text sizes are Pango attributes computed from the window height, not CSS,
 * so each presentation window scales on its own. Colours come from
 * libadwaita's style classes, so dark and high-contrast styles apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-presentation"

#include <glib/gi18n.h>
#include <math.h>

#include "dl-widget-action.h"
#include "dl-category.h"
#include "dl-describe.h"
#include "dl-event-layer.h"
#include "dl-map-flight.h"
#include "dl-map-image.h"
#include "dl-presentation.h"
#include "dl-presentation-strip.h"
#include "dl-text.h"
#include "dl-widget-png.h"
#include "dl-words.h"
#ifdef HAVE_BASEMAP
#include "dl-base-layers.h"
#endif

#include "dl-presentation-private.h"

G_DEFINE_FINAL_TYPE (DlPresentation, dl_presentation, GTK_TYPE_WINDOW)

enum {
  SIGNAL_SCREENSHOT_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->event);
  g_clear_pointer (&step->caption, g_free);
}

const Step *
_dl_presentation_current_step (DlPresentation *self)
{
  if (self->step >= self->steps->len)
    return NULL;
  return &g_array_index (self->steps, Step, self->step);
}

static gboolean
animations_enabled (DlPresentation *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

GtkLabel *
_dl_presentation_add_label (DlPresentation *self,
           GtkBox         *box,
           double          scale,
           gboolean        bold,
           const char     *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);
  ScaledLabel scaled = { GTK_LABEL (label), scale, bold, FALSE };

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Wrapped labels ask for little width: the panel's width decides. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  g_array_append_val (self->scaled, scaled);

  return GTK_LABEL (label);
}

static void
apply_text_size (DlPresentation *self)
{
  for (guint i = 0; i < self->scaled->len; i++)
    {
      ScaledLabel *scaled = &g_array_index (self->scaled, ScaledLabel, i);
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) (self->text_size * scaled->scale * PANGO_SCALE)));
      if (scaled->bold)
        pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      if (scaled->serif)
        {
          pango_attr_list_insert (attrs, pango_attr_family_new ("Serif"));
          pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
        }
      gtk_label_set_attributes (scaled->label, attrs);
      pango_attr_list_unref (attrs);
    }
}

void
_dl_presentation_map_size (DlPresentation *self,
          double         *width,
          double         *height)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self->map));
  int h = gtk_widget_get_height (GTK_WIDGET (self->map));

  /* The panel may have just asked for another width (fit_text()), not yet
   * allocated: the map is framed for the width it is about to have. */
  if (w > 0 && self->panel_width > 0)
    w += gtk_widget_get_width (self->panel) - self->panel_width;

  if (w <= 0 || h <= 0)
    {
      int ww, wh;

      gtk_window_get_default_size (GTK_WINDOW (self), &ww, &wh);
      w = MAX (ww, 1024) * 0.62;
      h = MAX (wh, 768) * 0.8;
    }
  *width = w;
  *height = h;
}

static void
fly_to_step (DlPresentation *self,
             gboolean        animate)
{
  const Step *step = _dl_presentation_current_step (self);
  double width, height;
  DlBBox bbox;

  if (step == NULL || step->event == NULL)
    return;

  _dl_presentation_map_size (self, &width, &height);
  self->fitted_width = gtk_widget_get_width (GTK_WIDGET (self->map));
  self->fitted_height = gtk_widget_get_height (GTK_WIDGET (self->map));
  bbox = dl_event_get_bbox (step->event);
  dl_map_view_fit (&self->target, width, height, &bbox, dl_event_get_precision_m (step->event));

  /* The main window's flight: far apart (Doha → Gaza), the zoom leaves out
   * so both places show on the way, then comes back in. */
  dl_map_fly_to (self->map, self->target.lat, self->target.lon, self->target.zoom,
                 animate && animations_enabled (self) ? FLY_MS : 0);
}

static void
apply_strip_range (gpointer data,
                   gint64   start,
                   gint64   end)
{
  dl_presentation_strip_set_range (DL_PRESENTATION_STRIP (data), start, end);
}

static void
move_timeline (DlPresentation *self,
               gboolean        animate)
{
  const Step *step = _dl_presentation_current_step (self);
  const DlEdtf *when;
  gint64 mid, half;

  if (step == NULL || step->event == NULL)
    return;

  when = dl_event_get_when (step->event);
  mid = dl_edtf_get_midpoint (when);
  half = 4 * DAY;
  if (dl_edtf_is_bounded (when))
    half = MAX (half, (when->latest - when->earliest) * 3 / 4);
  half = MIN (half, (gint64) 5 * 365 * DAY);

  dl_presentation_strip_set_selected (self->timeline, step->event);

  {
    gint64 from_start, from_end;

    /* Glides as the map flies, and as long. */
    dl_presentation_strip_get_range (self->timeline, &from_start, &from_end);
    dl_range_animation_start (&self->timeline_anim, GTK_WIDGET (self->timeline), from_start, from_end,
                              mid - half, mid + half, animate ? FLY_MS : 0, DL_EASE_IN_OUT_CUBIC,
                              apply_strip_range, self->timeline);
  }
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update_caption (DlPresentation *self)
{
  const Step *step = _dl_presentation_current_step (self);
  g_autofree char *progress = NULL;
  DlEvent *event;

  /* Translators: the step shown and how many there are, e.g. "3 / 19" */
  progress = g_strdup_printf (_("%u / %u"), self->step + 1, self->steps->len);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 self->steps->len > 0 ? (double) (self->step + 1) / self->steps->len : 0);
  gtk_label_set_text (self->narrative_label, self->title);
  set_label (self->more_label, NULL);

  if (step == NULL)
    {
      set_label (self->title_label, _("Nothing to present"));
      return;
    }

  event = step->event;
  if (event == NULL)
    {
      g_autofree char *caption = dl_words_cite (self->dataset, step->caption);

      set_label (self->title_label, caption);
      return;
    }

  {
    g_autofree char *date = dl_edtf_describe (dl_event_get_when (event));
    g_autofree char *places = dl_words_places (event);
    const char *category = dl_event_get_category (event);
    /* Captions and summaries cite sources by id in the dataset: never on screen. */
    g_autofree char *caption = dl_words_cite (self->dataset, step->caption != NULL && *step->caption != '\0'
                                                              ? step->caption : dl_event_get_summary (event));

    /* The chip's colour class follows the category. */
    {
      g_auto(GStrv) classes = gtk_widget_get_css_classes (GTK_WIDGET (self->category_label));

      for (guint c = 0; classes[c] != NULL; c++)
        if (g_str_has_prefix (classes[c], "category-") && g_strcmp0 (classes[c], "category-chip") != 0)
          gtk_widget_remove_css_class (GTK_WIDGET (self->category_label), classes[c]);
    }
    gtk_widget_add_css_class (GTK_WIDGET (self->category_label), dl_category_get_css_class (self->dataset, category));
    set_label (self->category_label, dl_category_get_label (self->dataset, category));

    set_label (self->title_label, dl_event_get_title (event));
    set_label (self->date_label, date);
    set_label (self->place_label, places);
    /* A slide holds a paragraph, not pages: a caption or a quote longer
     * than any slide could show is cut after a word (laying out 64 KiB at
     * each size tried would stall the room's screen for seconds). */
    {
      g_autofree char *preview = dl_text_preview (caption, DL_TEXT_PREVIEW_CHARS);

      set_label (self->caption_label, preview != NULL ? preview : caption);
    }

    if (dl_event_get_n_excerpts (event) > 0)
      {
        const DlExcerpt *excerpt = dl_event_get_excerpt (event, 0);
        /* Translators: a quoted passage of an article */
        g_autofree char *quote = g_str_has_prefix (excerpt->exact, "“") || excerpt->exact[0] == '"'
          ? g_strdup (excerpt->exact) : g_strdup_printf (_("“%s”"), excerpt->exact);
        g_autofree char *source = g_strdup_printf ("— %s", dl_source_get_title (excerpt->source));
        g_autofree char *preview = dl_text_preview (quote, DL_TEXT_PREVIEW_CHARS);

        set_label (self->passage_label, preview != NULL ? preview : quote);
        set_label (self->source_label, source);
      }
    else
      {
        set_label (self->passage_label, NULL);
        set_label (self->source_label, NULL);
      }
  }
}

/* A passage too long to fit beside the caption at the smallest size gets
 * its own key press: first the step without it (saying more follows), then
 * the passage in full in place of the caption. Never cut. */
static void
apply_split (DlPresentation *self)
{
  gboolean has_passage = gtk_label_get_text (self->passage_label)[0] != '\0';

  if (!self->split || !has_passage)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->caption_label), self->passage_page);
  gtk_widget_set_visible (GTK_WIDGET (self->passage_label), self->passage_page);
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), self->passage_page);
  if (self->passage_page)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->caption_label), FALSE);
      set_label (self->more_label, NULL);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->caption_label), TRUE);
      set_label (self->more_label, _("Next: what the article says"));
    }
}

static void fit_text (DlPresentation *self);

static void
show_step (DlPresentation *self,
           guint           step,
           gboolean        animate)
{
  const Step *s;

  if (self->steps->len == 0)
    return;

  step = MIN (step, self->steps->len - 1);
  self->step = step;
  self->at_end = FALSE;
  self->split = FALSE;
  self->passage_page = FALSE;
  gtk_stack_set_visible_child (self->stack, self->slide);
  s = _dl_presentation_current_step (self);
  g_assert (s != NULL);

  dl_event_layer_set_selected (self->event_layer, s->event);
  update_caption (self);
  fit_text (self);
  fly_to_step (self, animate);
  move_timeline (self, animate);
  _dl_presentation_update_locator (self);
  _dl_presentation_update_map_labels (self);

  /* Screen readers hear the new step. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->panel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->title_label), -1);
}

/* The largest text, from a size set by the window's height down to three
 * quarters of it, with which the whole caption fits beside the map. */
/* Laid out at @size px, does the caption fit the panel's height? */
static gboolean
caption_fits (DlPresentation *self,
              double          size,
              int             panel_width,
              int             available)
{
  int margin = (int) round (size * 1.1);
  int minimum, natural;

  self->text_size = size;
  apply_text_size (self);
  gtk_widget_set_margin_start (self->panel_box, margin);
  gtk_widget_set_margin_end (self->panel_box, margin);
  gtk_widget_set_margin_top (self->panel_box, margin);
  gtk_widget_set_margin_bottom (self->panel_box, margin);
  gtk_box_set_spacing (GTK_BOX (self->panel_box), (int) round (size * 0.45));
  gtk_widget_measure (self->panel_box, GTK_ORIENTATION_VERTICAL, panel_width, &minimum, &natural, NULL, NULL);

  return natural <= available;
}

/* The largest text, from a size set by the window's height down to the
 * smallest readable one, with which the whole caption fits beside the map;
 * when even that is too big, the passage gets its own key press. */
static void
fit_text (DlPresentation *self)
{
  int width = self->layout_width;
  int height = self->layout_height;
  int panel_width = (int) (width * 0.38);
  double base, smallest;
  int strip_height, available;

  if (width <= 0 || height <= 0)
    return;

  /* About 34 lines of body text fit the height: 22 px at 768, 32 px at
   * 1080, 64 px at 2160; never a label under 20 px at 1080. */
  smallest = MIN_TEXT_AT_1080 / SMALLEST_SCALE * height / 1080.0;
  base = CLAMP (height / 34.0, smallest, MAX_TEXT_PX);
  dl_presentation_strip_set_text_size (self->timeline, base * SMALLEST_SCALE);
  strip_height = (int) ceil (base * SMALLEST_SCALE * 3.2);
  available = height - strip_height - 2;

  apply_split (self);
  for (double size = base; ; size = MAX (size * 0.95, smallest))
    {
      if (caption_fits (self, size, panel_width, available))
        break;
      if (size <= smallest)
        {
          if (!self->split && gtk_label_get_text (self->passage_label)[0] != '\0')
            {
              self->split = TRUE;
              apply_split (self);
              size = base / 0.95;
              continue;
            }
          /* A long summary on a short screen (1024×600: every event in
           * time order) still does not fit: the panel takes more of the
           * map, up to half the screen, rather than cut the text. */
          while (panel_width < width / 2 && !caption_fits (self, smallest, panel_width, available))
            panel_width = MIN (panel_width + width / 50, width / 2);
          break;
        }
    }

  self->panel_width = panel_width;
  gtk_widget_set_size_request (self->panel, panel_width, -1);
}

static gboolean
update_layout (gpointer user_data)
{
  DlPresentation *self = user_data;

  self->layout_idle = 0;
  fit_text (self);

  return G_SOURCE_REMOVE;
}

static gboolean
refit (gpointer user_data)
{
  DlPresentation *self = user_data;

  self->refit_idle = 0;
  if (!dl_map_is_flying (self->map))
    fly_to_step (self, FALSE);
  _dl_presentation_update_locator (self);
  _dl_presentation_update_map_labels (self);  /* the text size follows the window */

  return G_SOURCE_REMOVE;
}

/* Callbacks */

void
_dl_presentation_on_timeline_event_activated (DlPresentation *self,
                             DlEvent        *event)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (g_array_index (self->steps, Step, i).event == event)
      {
        dl_presentation_go_to_step (self, i);
        return;
      }
}

DL_WIDGET_ACTION (next, DlPresentation, dl_presentation_next (self))

DL_WIDGET_ACTION (previous, DlPresentation, dl_presentation_previous (self))

DL_WIDGET_ACTION (first, DlPresentation, dl_presentation_go_to_step (self, 0))

DL_WIDGET_ACTION (last, DlPresentation, dl_presentation_go_to_step (self, self->steps->len > 0 ? self->steps->len - 1 : 0))

DL_WIDGET_ACTION (black, DlPresentation, dl_presentation_set_blacked_out (self, !self->blacked_out))

DL_WIDGET_ACTION (leave, DlPresentation, gtk_window_close (GTK_WINDOW (self)))

#define SCREENSHOT_POLL_MS  100
#define SCREENSHOT_MAX_POLLS 150

/* Still moving to the slide, or still drawing its map's tiles. */
static gboolean
screenshot_busy (DlPresentation *self)
{
  if (self->map != NULL && dl_map_is_flying (self->map))
    return TRUE;
#ifdef HAVE_BASEMAP
  if (self->base != NULL && dl_base_layers_is_drawing (self->base))
    return TRUE;
#endif
  return FALSE;
}

static gboolean
take_screenshot (gpointer user_data)
{
  DlPresentation *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* After the delay, until the slide is there with its tiles (15 s at
   * most: a slow disk still gets its picture). */
  if (screenshot_busy (self) && self->screenshot_polls++ < SCREENSHOT_MAX_POLLS)
    {
      self->screenshot_timeout = g_timeout_add_full (G_PRIORITY_LOW, SCREENSHOT_POLL_MS, take_screenshot, self, NULL);
      return G_SOURCE_REMOVE;
    }
  self->screenshot_timeout = 0;
  ok = dl_widget_save_png (GTK_WIDGET (self), NULL, self->screenshot_path, &error);
  if (!ok)
    g_printerr (_("%s: cannot save the screenshot: %s\n"), self->screenshot_path, error->message);
  g_signal_emit (self, signals[SIGNAL_SCREENSHOT_SAVED], 0, ok);
  gtk_window_destroy (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* Vfuncs */

static void
dl_presentation_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  DlPresentation *self = DL_PRESENTATION (widget);

  GTK_WIDGET_CLASS (dl_presentation_parent_class)->size_allocate (widget, width, height, baseline);

  /* Sizes follow the window; changed after this allocation, never during it. */
  if (width != self->layout_width || height != self->layout_height)
    {
      self->layout_width = width;
      self->layout_height = height;
      if (self->layout_idle == 0)
        self->layout_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_layout, self, NULL);
    }

  if ((gtk_widget_get_width (GTK_WIDGET (self->map)) != self->fitted_width
       || gtk_widget_get_height (GTK_WIDGET (self->map)) != self->fitted_height)
      && self->refit_idle == 0)
    self->refit_idle = g_idle_add (refit, self);
}

static void
dl_presentation_dispose (GObject *object)
{
  DlPresentation *self = DL_PRESENTATION (object);

  g_clear_handle_id (&self->layout_idle, g_source_remove);
  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  g_clear_handle_id (&self->refit_idle, g_source_remove);
  dl_range_animation_stop (&self->timeline_anim);

  G_OBJECT_CLASS (dl_presentation_parent_class)->dispose (object);

  g_clear_object (&self->base);
  g_clear_pointer (&self->locator_surface, cairo_surface_destroy);
  g_clear_object (&self->events);
  g_clear_object (&self->step_events);
  g_clear_object (&self->dataset);
}

static void
dl_presentation_finalize (GObject *object)
{
  DlPresentation *self = DL_PRESENTATION (object);

  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->scaled, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->screenshot_path, g_free);

  G_OBJECT_CLASS (dl_presentation_parent_class)->finalize (object);
}

static void
add_key (GtkShortcutController *controller,
         guint                  keyval,
         const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          gtk_named_action_new (action)));
}

static void
dl_presentation_class_init (DlPresentationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_presentation_dispose;
  object_class->finalize = dl_presentation_finalize;
  widget_class->size_allocate = dl_presentation_size_allocate;

  /* After dl_presentation_save_screenshot(): whether the PNG was written. */
  signals[SIGNAL_SCREENSHOT_SAVED] =
    g_signal_new ("screenshot-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, action_next);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, action_previous);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, action_first);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, action_last);
  gtk_widget_class_install_action (widget_class, "presentation.black", NULL, action_black);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, action_leave);
}

static void
dl_presentation_init (DlPresentation *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
  static const guint next_keys[] = {
    GDK_KEY_Page_Down, GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_space, GDK_KEY_Return, GDK_KEY_KP_Enter,
    GDK_KEY_KP_Page_Down, GDK_KEY_n,
  };
  static const guint previous_keys[] = {
    GDK_KEY_Page_Up, GDK_KEY_Left, GDK_KEY_Up, GDK_KEY_BackSpace, GDK_KEY_KP_Page_Up, GDK_KEY_p,
  };

  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  self->scaled = g_array_new (FALSE, FALSE, sizeof (ScaledLabel));
  self->events = g_list_store_new (DL_TYPE_EVENT);
  self->step_events = g_list_store_new (DL_TYPE_EVENT);
  self->text_size = 22;

  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1024, 768);

  /* Clicker keys: most send Page Up/Page Down, some B or period for black.
   * Captured before any child sees them, so Space never scrolls a pane. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (next_keys); i++)
    add_key (shortcuts, next_keys[i], "presentation.next");
  for (guint i = 0; i < G_N_ELEMENTS (previous_keys); i++)
    add_key (shortcuts, previous_keys[i], "presentation.previous");
  add_key (shortcuts, GDK_KEY_Home, "presentation.first");
  add_key (shortcuts, GDK_KEY_End, "presentation.last");
  /* A keyval trigger matches b and B (Caps Lock, Shift) alike. */
  add_key (shortcuts, GDK_KEY_b, "presentation.black");
  add_key (shortcuts, GDK_KEY_period, "presentation.black");
  add_key (shortcuts, GDK_KEY_Escape, "presentation.leave");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  _dl_presentation_build_ui (self);
}

/* Public API */

DlPresentation *
dl_presentation_new (GtkWindow  *parent,
                     DlDataset  *dataset,
                     const char *narrative_id)
{
  DlPresentation *self;
  const DlNarrative *narrative = NULL;
  guint n_narratives;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);

  self = g_object_new (DL_TYPE_PRESENTATION, NULL);
  self->dataset = g_object_ref (dataset);
  dl_presentation_strip_set_dataset (self->timeline, dataset);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      if (gtk_window_get_application (parent) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }

  {
    GPtrArray *by_time = dl_dataset_get_events_by_time (dataset);

    g_list_store_splice (self->events, 0, 0, by_time->pdata, by_time->len);
  }

  n_narratives = dl_dataset_get_n_narratives (dataset);
  if (g_strcmp0 (narrative_id, DL_PRESENTATION_EVERY_EVENT) == 0)
    n_narratives = 0;  /* every event, in time order */
  else
    narrative = dl_dataset_lookup_narrative (dataset, narrative_id);
  if (narrative == NULL && narrative_id != NULL && n_narratives > 0)
    g_warning ("No narrative “%s”: presenting the first one", narrative_id);
  if (narrative == NULL && n_narratives > 0)
    narrative = dl_dataset_get_narrative (dataset, 0);

  if (narrative != NULL)
    {
      self->title = g_strdup (narrative->title);
      for (guint i = 0; i < narrative->steps->len; i++)
        {
          const DlNarrativeStep *source = &g_array_index (narrative->steps, DlNarrativeStep, i);
          Step step = {
            source->event != NULL ? g_object_ref (source->event) : NULL,
            g_strdup (source->caption),
          };

          g_array_append_val (self->steps, step);
          if (step.event != NULL)
            g_list_store_append (self->step_events, step.event);
        }
    }
  else
    {
      /* No narrative: every event, in time order. */
      self->title = g_strdup (dl_dataset_get_title (dataset));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->events)); i++)
        {
          Step step = { g_list_model_get_item (G_LIST_MODEL (self->events), i), NULL };

          g_array_append_val (self->steps, step);
          g_list_store_append (self->step_events, step.event);
        }
    }

  {
    g_autofree char *window_title = g_strdup_printf (_("Presenting “%s”"), self->title);

    gtk_window_set_title (GTK_WINDOW (self), window_title);
  }

  show_step (self, 0, FALSE);

  return self;
}

void
dl_presentation_present_fullscreen (DlPresentation *self)
{
  g_return_if_fail (DL_IS_PRESENTATION (self));

  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self));
}

guint
dl_presentation_get_step (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), 0);
  return self->step;
}

guint
dl_presentation_get_n_steps (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), 0);
  return self->steps->len;
}

DlEvent *
dl_presentation_get_step_event (DlPresentation *self,
                                guint           step)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), NULL);
  g_return_val_if_fail (step < self->steps->len, NULL);
  return g_array_index (self->steps, Step, step).event;
}

void
dl_presentation_go_to_step (DlPresentation *self,
                            guint           step)
{
  g_return_if_fail (DL_IS_PRESENTATION (self));

  /* Moving on lifts the black screen: the class should see the new step. */
  dl_presentation_set_blacked_out (self, FALSE);
  if (self->steps->len == 0)
    return;
  step = MIN (step, self->steps->len - 1);
  if (step == self->step && !self->at_end)
    return;
  show_step (self, step, !self->at_end);
}

void
dl_presentation_next (DlPresentation *self)
{
  g_return_if_fail (DL_IS_PRESENTATION (self));

  dl_presentation_set_blacked_out (self, FALSE);
  if (self->at_end || self->steps->len == 0)
    return;
  if (self->split && !self->passage_page)
    {
      self->passage_page = TRUE;
      fit_text (self);
    }
  else if (self->step + 1 < self->steps->len)
    dl_presentation_go_to_step (self, self->step + 1);
  else
    _dl_presentation_show_end (self);
}

void
dl_presentation_previous (DlPresentation *self)
{
  g_return_if_fail (DL_IS_PRESENTATION (self));

  dl_presentation_set_blacked_out (self, FALSE);
  if (self->at_end)
    show_step (self, self->step, FALSE);
  else if (self->passage_page)
    {
      self->passage_page = FALSE;
      fit_text (self);
    }
  else if (self->step > 0)
    dl_presentation_go_to_step (self, self->step - 1);
}

gboolean
dl_presentation_is_blacked_out (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), FALSE);
  return self->blacked_out;
}

void
dl_presentation_set_blacked_out (DlPresentation *self,
                                 gboolean        blacked_out)
{
  g_return_if_fail (DL_IS_PRESENTATION (self));

  blacked_out = !!blacked_out;
  if (self->blacked_out == blacked_out)
    return;
  self->blacked_out = blacked_out;
  gtk_widget_set_visible (self->black, blacked_out);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), blacked_out ? "none" : NULL);
}

ShumateMap *
dl_presentation_get_map (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), NULL);
  return self->map;
}

GtkWidget *
dl_presentation_get_timeline (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), NULL);
  return GTK_WIDGET (self->timeline);
}

gboolean
dl_presentation_is_flying (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), FALSE);
  return dl_map_is_flying (self->map);
}

double
dl_presentation_get_text_size (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), 0);
  return self->text_size;
}

gboolean
dl_presentation_is_at_end (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), FALSE);
  return self->at_end;
}

gboolean
dl_presentation_is_passage_split (DlPresentation *self)
{
  g_return_val_if_fail (DL_IS_PRESENTATION (self), FALSE);
  return self->split;
}

void
dl_presentation_show_slide (DlPresentation *self,
                            guint           slide)
{
  g_return_if_fail (DL_IS_PRESENTATION (self));

  if (slide >= self->steps->len && self->steps->len > 0)
    {
      show_step (self, self->steps->len - 1, FALSE);
      _dl_presentation_show_end (self);
    }
  else
    show_step (self, slide, FALSE);
}

void
dl_presentation_save_screenshot (DlPresentation *self,
                                 const char     *path,
                                 guint           delay_ms)
{
  g_return_if_fail (DL_IS_PRESENTATION (self));
  g_return_if_fail (path != NULL);

  g_free (self->screenshot_path);
  self->screenshot_path = g_strdup (path);
  self->screenshot_polls = 0;
  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  self->screenshot_timeout = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, take_screenshot, self, NULL);
}
