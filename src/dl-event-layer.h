/* dl-event-layer.h: all events of a dataset drawn on the map in one snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "dl-event.h"

G_BEGIN_DECLS

#define DL_TYPE_EVENT_LAYER (dl_event_layer_get_type ())

G_DECLARE_FINAL_TYPE (DlEventLayer, dl_event_layer, DL, EVENT_LAYER, ShumateLayer)

DlEventLayer *dl_event_layer_new          (ShumateViewport *viewport);
/* The events to draw (a GListModel of DlEvent), or NULL. */
void          dl_event_layer_set_model    (DlEventLayer    *self,
                                           GListModel      *model);
void          dl_event_layer_set_selected (DlEventLayer    *self,
                                           DlEvent         *event);
/* The topmost event drawn at widget coordinates, or NULL. */
DlEvent      *dl_event_layer_pick         (DlEventLayer    *self,
                                           double           x,
                                           double           y);

G_END_DECLS
