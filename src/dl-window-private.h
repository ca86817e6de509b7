/* dl-window-private.h: the window's instance, shared by its files
 *
 * dl-window.c holds the lifecycle and the layout; dl-window-actions.c the
 * actions and shortcuts; dl-window-export.c exporting; dl-window-state.c
 * what is remembered between runs; dl-window-map.c the map's layers and
 * framing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#ifdef HAVE_BASEMAP
#include "dl-base-layers.h"
#endif
#include "dl-article-view.h"
#include "dl-event-editor.h"
#include "dl-event-layer.h"
#include "dl-event-panel.h"
#include "dl-filter-box.h"
#include "dl-legend.h"
#include "dl-problems-button.h"
#include "dl-recovery.h"
#include "dl-search-panel.h"
#include "dl-sketch-layer.h"
#include "dl-timeline.h"
#include "dl-window.h"

G_BEGIN_DECLS


struct _DlWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  GtkToggleButton      *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  DlFilterBox          *filter_box;
  ShumateMap           *map;
  DlLegend             *legend;
  GtkLabel             *shown_label;
  ShumateLicense       *license;
  ShumateScale         *scale;
  GtkStack             *sidebar_stack;
  DlEventPanel         *event_panel;
  DlArticleView        *article_view;
  DlSearchPanel        *search_panel;
  DlTimeline           *timeline;
  GtkPaned             *main_paned;
  GtkPaned             *vertical_paned;
  GMenu                *recent_section;

  DlSession            *session;
  DlDataset            *dataset;      /* the session's, while it is shown */

  DlEventLayer         *event_layer;
  DlBaseLayers         *base;
  GCancellable         *cancellable;
  /* dl-import: the file being opened, how far, and Cancel */
  GtkRevealer          *load_revealer;
  GtkLabel             *load_label;
  GtkProgressBar       *load_bar;
  GtkWidget            *load_cancel;
  GSettings            *settings;
  char                 *initial_selection;
  char                 *screenshot_path;
  gboolean              restoring;
  gboolean              panes_placed;
  gboolean              screenshot_failed;
  guint                 screenshot_waited_ms;  /* since loading */
  guint                 screenshot_idle_polls; /* in a row with every tile drawn */
  AdwToast             *warnings_toast;  /* weak: the last file's "Opened with N warnings" */
  AdwToast             *toast;           /* weak: _dl_window_toast()'s, until dismissed */
  guint                 frame_tick;
  int                   frame_width;   /* the map's size at frame_tick's last look */
  int                   frame_height;
  guint                 legend_idle;   /* the legend's compact state, after allocation */
  gboolean              legend_refold_pending;  /* folded or unfolded, not yet allocated */
  GtkWidget            *focus_before_search;  /* weak */

  /* Editing (dl-window-edit.c) */
  DlEventEditor        *event_editor;
  GSignalGroup         *edit_signals;            /* the session's edit stack */
  GSignalGroup         *edited_dataset_signals;  /* its dataset */
  gboolean              discard_confirmed;       /* closing without saving */
  gboolean              close_after_save;        /* Save (As), then close */
  void                (*then_after_save) (DlWindow *self);  /* or then this, once saved */
  GFile                *open_after_save;         /* or then open this */
  gboolean              save_again;              /* asked to save during a save */
  DlRecovery           *recovery;                /* dl-window-recovery.c */
  AdwHeaderBar         *header_bar;
  DlProblemsButton     *problems_button;         /* the live problems list */
  /* Drawing a line or area on the map (dl-window-place.c) */
  DlSketchLayer        *sketch_layer;
  guint                 sketch_n_corners;        /* before its last change */
  guint32               sketch_added_time;       /* of the click that added the last corner */
  int                   drag_corner;             /* the corner being dragged, or -1 */
  DlLonLat              drag_corner_from;        /* where it was */
};


/* dl-window-actions.c */
void    _dl_window_class_actions_init        (GtkWidgetClass *widget_class);
void    _dl_window_init_keys                 (DlWindow       *self);

/* dl-window.c */
void    _dl_window_close_search              (DlWindow       *self);
/* dl-window.c: shows @dataset in every view, its saved view restored. */
void    _dl_window_set_dataset               (DlWindow       *self,
                                              DlDataset      *dataset);
/* The header bar's "N events" and the map's "N of M shown". */
void    _dl_window_update_counts             (DlWindow       *self);
/* dl-window-load.c: the load bar's Cancel. */
void    _dl_window_cancel_load               (DlWindow       *self);
/* dl-window-search.c: connects the search bar, entry and results. */
void    _dl_window_setup_search              (DlWindow       *self);
/* Shows a dataset made in the window (New Dataset), as if opened. */
void    _dl_window_show_dataset              (DlWindow       *self,
                                              DlDataset      *dataset);

/* dl-window-export.c */
void    _dl_window_export_to                 (DlWindow       *self,
                                              GFile          *file,
                                              gboolean        ask);
void    _dl_window_choose_export_file        (DlWindow       *self);

/* dl-window-edit.c */
void     _dl_window_class_edit_init          (GtkWidgetClass *widget_class);
void     _dl_window_init_edit                (DlWindow       *self);
/* TRUE when there are unsaved changes: a dialog asks first, and then
 * closes the window (@then_open NULL) or opens @then_open. */
gboolean _dl_window_confirm_unsaved          (DlWindow       *self,
                                              GFile          *then_open);
/* A short note at the bottom; an error dialog with its heading. */
void     _dl_window_toast                    (DlWindow       *self,
                                              const char     *text);
void     _dl_window_show_error               (DlWindow       *self,
                                              const char     *heading,
                                              const char     *message);
/* A dialog about changes not saved: @keep_id (also Escape) keeps them for
 * later, "discard" loses them, @act_id (the default) saves or restores. */
GtkWidget *_dl_window_new_changes_dialog     (DlWindow       *self,
                                              const char     *heading,
                                              const char     *body,
                                              const char     *keep_id,
                                              const char     *keep_label,
                                              const char     *act_id,
                                              const char     *act_label);
/* The same, then calling @then instead (after Save or Discard). */
typedef void (*DlWindowThen) (DlWindow *self);
gboolean _dl_window_confirm_unsaved_then     (DlWindow       *self,
                                              DlWindowThen    then);

/* dl-window-recovery.c: unsaved changes kept for after a crash; Discard
 * removes them. */
void     _dl_window_init_recovery            (DlWindow       *self);
void     _dl_window_discard_recovery         (DlWindow       *self);
/* dl-window-place.c: a click on the map places the event being edited,
 * or adds a corner of the line or area drawn for it. */
void     _dl_window_class_place_init         (GtkWidgetClass *widget_class);
void     _dl_window_init_place               (DlWindow       *self);

/* dl-window-articles.c: New Dataset, Add Articles (files chosen or dropped) */
void     _dl_window_class_articles_init      (GtkWidgetClass *widget_class);
void     _dl_window_init_articles            (DlWindow       *self);
/* TRUE when the files are articles to add to the open dataset (text
 * files, and a dataset open to edit); they are then added. */
gboolean _dl_window_drop_articles            (DlWindow       *self,
                                              GSList         *files);

/* dl-window-map.c */
void    _dl_window_setup_map                 (DlWindow       *self);
/* Whether the legend should fold under its toggle at the map's size. */
gboolean _dl_window_want_compact_legend (DlWindow *self);
void    _dl_window_frame_bbox                (DlWindow       *self,
                                              const DlBBox   *bbox,
                                              double          min_extent_m,
                                              gboolean        animate);
void    _dl_window_frame_main_events         (DlWindow       *self,
                                              gboolean        animate);
DlBBox  _dl_window_get_visible_bbox          (DlWindow       *self);

/* dl-window-state.c */
void     _dl_window_init_state               (DlWindow       *self);
void     _dl_window_save_hidden              (DlWindow       *self);
void     _dl_window_rebuild_recent_menu      (DlWindow       *self);
void     _dl_window_remember_recent          (DlWindow       *self,
                                              GFile          *file);
gboolean _dl_window_same_dataset_as_last_time (DlWindow      *self);
void     _dl_window_restore_view             (DlWindow       *self);
void     _dl_window_save_view                (DlWindow       *self);

G_END_DECLS
