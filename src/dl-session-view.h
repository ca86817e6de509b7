/* dl-session-view.h: a widget that shows part of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-session.h"

G_BEGIN_DECLS

#define DL_TYPE_SESSION_VIEW (dl_session_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (DlSessionView, dl_session_view, DL, SESSION_VIEW, GtkWidget)

/* The base of the small views (filters, legend, search results) that hold
 * only a "session" and follow it: the property, its signal group and their
 * lifetime are written once here. */
struct _DlSessionViewClass
{
  GtkWidgetClass parent_class;

  /* After "session" changed: the signal group already points at the new
   * one (which may be NULL); the view rebuilds what it shows. */
  void (*session_changed) (DlSessionView *self);

  gpointer padding[4];
};

void          dl_session_view_set_session (DlSessionView *self,
                                           DlSession     *session);
DlSession    *dl_session_view_get_session (DlSessionView *self);
/* Connect to the session's signals here, once, at init: they follow
 * whichever session the view holds. */
GSignalGroup *dl_session_view_get_signals (DlSessionView *self);

/* The session a view (of any subclass) shows. */
#define DL_SESSION_OF(view) dl_session_view_get_session (DL_SESSION_VIEW (view))

G_END_DECLS
