/* dl-session-view.c: a widget that shows part of a session
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-session-view.h"

typedef struct
{
  DlSession    *session;
  GSignalGroup *signals;
} DlSessionViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (DlSessionView, dl_session_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dl_session_view_dispose (GObject *object)
{
  DlSessionViewPrivate *priv = dl_session_view_get_instance_private (DL_SESSION_VIEW (object));

  g_clear_object (&priv->signals);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (dl_session_view_parent_class)->dispose (object);
}

static void
dl_session_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, dl_session_view_get_session (DL_SESSION_VIEW (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_session_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SESSION:
      dl_session_view_set_session (DL_SESSION_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_session_view_class_init (DlSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dl_session_view_dispose;
  object_class->get_property = dl_session_view_get_property;
  object_class->set_property = dl_session_view_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, DL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
dl_session_view_init (DlSessionView *self)
{
  DlSessionViewPrivate *priv = dl_session_view_get_instance_private (self);

  priv->signals = g_signal_group_new (DL_TYPE_SESSION);
}

void
dl_session_view_set_session (DlSessionView *self,
                             DlSession     *session)
{
  DlSessionViewPrivate *priv;

  g_return_if_fail (DL_IS_SESSION_VIEW (self));
  g_return_if_fail (session == NULL || DL_IS_SESSION (session));

  priv = dl_session_view_get_instance_private (self);
  if (!g_set_object (&priv->session, session))
    return;

  g_signal_group_set_target (priv->signals, session);
  if (DL_SESSION_VIEW_GET_CLASS (self)->session_changed != NULL)
    DL_SESSION_VIEW_GET_CLASS (self)->session_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

DlSession *
dl_session_view_get_session (DlSessionView *self)
{
  DlSessionViewPrivate *priv;

  g_return_val_if_fail (DL_IS_SESSION_VIEW (self), NULL);
  priv = dl_session_view_get_instance_private (self);
  return priv->session;
}

GSignalGroup *
dl_session_view_get_signals (DlSessionView *self)
{
  DlSessionViewPrivate *priv;

  g_return_val_if_fail (DL_IS_SESSION_VIEW (self), NULL);
  priv = dl_session_view_get_instance_private (self);
  return priv->signals;
}
