/* dl-widget-action.h: widget actions that are one statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* Most actions a widget installs (gtk_widget_class_install_action) only
 * call one of its functions: DL_WIDGET_ACTION writes the handler, named
 * action_NAME like the longer ones, with `self` the widget as a TYPE *:
 *
 *   DL_WIDGET_ACTION (save, DlWindow, save (self))
 */
#define DL_WIDGET_ACTION(name, Type, statement) \
  static void \
  action_##name (GtkWidget  *widget, \
                 const char *action_name, \
                 GVariant   *parameter) \
  { \
    Type *self = (Type *) widget; \
    statement; \
  }
