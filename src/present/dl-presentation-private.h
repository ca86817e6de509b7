/* dl-presentation-private.h: the presentation, split across files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-range-animation.h"
#include "dl-presentation.h"
#include "dl-presentation-strip.h"

G_BEGIN_DECLS

#define FLY_MS        1600
#define DAY           (24 * 3600)
#define MAX_TEXT_PX   160.0
/* No text smaller than 20 px on a 1080-line screen (15 pt at 96 dpi),
 * in proportion on others: readable from the back of a room. */
#define MIN_TEXT_AT_1080  20.0
/* The smallest label's share of the body text size. */
#define SMALLEST_SCALE    0.75


typedef struct {
  DlEvent *event;    /* owned, or NULL */
  char    *caption;  /* or NULL */
} Step;

typedef struct {
  GtkLabel *label;
  double    scale;
  gboolean  bold;
  gboolean  serif;
} ScaledLabel;

struct _DlPresentation
{
  GtkWindow          parent_instance;

  DlDataset         *dataset;
  char              *title;
  GArray            *steps;        /* of Step */
  guint              step;
  GListStore        *events;       /* every event, in time order: the map */
  GListStore        *step_events;  /* the steps' events: the timeline */

  GtkWidget         *black;
  ShumateMap        *map;
  gpointer           base;         /* DlBaseLayers: the window's base map setup */
  DlEventLayer      *event_layer;
  GtkWidget         *panel;
  GtkWidget         *panel_box;
  GtkLabel          *narrative_label;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkLabel          *category_label;
  GtkLabel          *title_label;
  GtkLabel          *date_label;
  GtkLabel          *place_label;
  GtkLabel          *caption_label;
  GtkLabel          *passage_label;
  GtkLabel          *source_label;
  GtkLabel          *attribution_label; /* the map's sources, or NULL without a base map */
  GtkLabel          *more_label;
  DlPresentationStrip *timeline;
  GtkWidget         *locator;
  cairo_surface_t   *locator_surface;
  GtkStack          *stack;
  GtkWidget         *slide;
  GtkLabel          *end_title;
  GtkLabel          *end_sources;
  GtkLabel          *end_hint;
  GArray            *scaled;       /* of ScaledLabel */

  char              *screenshot_path;
  guint              screenshot_timeout;
  guint              screenshot_polls;   /* while the map was busy */

  gboolean           at_end;       /* the end slide shows */
  gboolean           split;        /* the passage does not fit: it gets its own key press */
  gboolean           passage_page; /* showing that second part */

  double             text_size;
  int                panel_width;  /* the caption panel's width, as fit_text() asked */
  int                layout_width;
  int                layout_height;
  int                fitted_width;
  int                fitted_height;
  guint              layout_idle;
  guint              refit_idle;
  DlMapView          target;
  gboolean           blacked_out;
  gboolean           pointer_seen;   /* where it rested when the window came */
  double             pointer_x, pointer_y;

  /* The timeline strip's own glide */
  DlRangeAnimation   timeline_anim;
};


/* dl-presentation.c */
const Step *_dl_presentation_current_step                (DlPresentation *self);
GtkLabel   *_dl_presentation_add_label                   (DlPresentation *self,
                                         GtkBox         *box,
                                         double          scale,
                                         gboolean        bold,
                                         const char     *css_class);
void        _dl_presentation_map_size                    (DlPresentation *self,
                                         double         *width,
                                         double         *height);
void        _dl_presentation_on_timeline_event_activated (DlPresentation *self,
                                         DlEvent        *event);

/* dl-presentation-slide.c */
void        _dl_presentation_build_ui                    (DlPresentation *self);
void        _dl_presentation_update_locator              (DlPresentation *self);
void        _dl_presentation_update_map_labels           (DlPresentation *self);
void        _dl_presentation_show_end                    (DlPresentation *self);

G_END_DECLS
