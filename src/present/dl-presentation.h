/* dl-presentation.h: a narrative presented full screen, for a classroom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <shumate/shumate.h>

#include "dl-dataset.h"

G_BEGIN_DECLS

#define DL_TYPE_PRESENTATION (dl_presentation_get_type ())

G_DECLARE_FINAL_TYPE (DlPresentation, dl_presentation, DL, PRESENTATION, GtkWindow)

/* The id standing for "every event in time order". */
#define DL_PRESENTATION_EVERY_EVENT "*"

/* Presents @narrative_id of @dataset (NULL, or an unknown id: the first
 * narrative; DL_PRESENTATION_EVERY_EVENT or without narratives, every event
 * in time order), starting at the first step. After the last step comes an
 * end slide (the title, the sources, how to leave). Keys: next Page Down, Right, Down, Space, Return, KP_Enter,
 * N; previous Page Up, Left, Up, BackSpace, P; Home/End; B or period blacks
 * the screen; Escape leaves. The same as the widget actions
 * "presentation.next", "presentation.previous", "presentation.first",
 * "presentation.last", "presentation.black" and "presentation.leave". */
DlPresentation *dl_presentation_new                (GtkWindow      *parent,
                                                    DlDataset      *dataset,
                                                    const char     *narrative_id);
/* Full screen, on the parent's monitor. */
void            dl_presentation_present_fullscreen (DlPresentation *self);

/* The step shown, from 0, and how many there are. */
guint           dl_presentation_get_step           (DlPresentation *self);
guint           dl_presentation_get_n_steps        (DlPresentation *self);
/* The event of a step (NULL for a step without one). */
DlEvent        *dl_presentation_get_step_event     (DlPresentation *self,
                                                    guint           step);
void            dl_presentation_go_to_step         (DlPresentation *self,
                                                    guint           step);
void            dl_presentation_next               (DlPresentation *self);
void            dl_presentation_previous           (DlPresentation *self);

gboolean        dl_presentation_is_blacked_out     (DlPresentation *self);
void            dl_presentation_set_blacked_out    (DlPresentation *self,
                                                    gboolean        blacked_out);

/* For tests. */
ShumateMap     *dl_presentation_get_map            (DlPresentation *self);
GtkWidget      *dl_presentation_get_timeline       (DlPresentation *self);
/* Every line of the caption panel (progress, title, date, place, caption,
 * passage), newline-separated. */
char           *dl_presentation_get_caption_text   (DlPresentation *self);
/* TRUE while the map is flying between two steps. */
gboolean        dl_presentation_is_flying          (DlPresentation *self);
/* The body text size in pixels, which follows the window's height. */
double          dl_presentation_get_text_size      (DlPresentation *self);
/* Shows @slide at once (0 the first step; n_steps the end slide). */
void            dl_presentation_show_slide         (DlPresentation *self,
                                                    guint           slide);
/* After @delay_ms, once the map has flown to the slide and drawn its
 * tiles, saves the window as a PNG, emits "screenshot-saved" (gboolean:
 * written) and closes. */
void            dl_presentation_save_screenshot    (DlPresentation *self,
                                                    const char     *path,
                                                    guint           delay_ms);
/* TRUE on the end slide. */
gboolean        dl_presentation_is_at_end          (DlPresentation *self);
/* TRUE when the step's passage did not fit beside its caption and shows on
 * the next key press. */
gboolean        dl_presentation_is_passage_split   (DlPresentation *self);
/* The smallest font size, in pixels, Pango laid out for the text shown
 * (caption panel, end slide, timeline strip). */
double          dl_presentation_get_smallest_text  (DlPresentation *self);
/* TRUE when any text shown is ellipsized or runs past the panel. */
gboolean        dl_presentation_is_text_cut        (DlPresentation *self);

G_END_DECLS
