/* dl-narrative-editor.c: the dataset's narratives, their steps and captions
 *
 * A narrative is the order a presenter walks through events, each with a
 * caption. This window sits beside the main one so that events can be
 * chosen there (on the map, the timeline, in search) and added here as
 * steps; steps move by dragging their handle onto another step, with
 * Alt+Up and Alt+Down (or their buttons), and a
 * caption is applied with Enter, each one edit that Ctrl+Z undoes. The
 * rows are rebuilt whenever the dataset says its narratives changed (undo
 * and redo too), keeping the focus on the step that moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-narrative-editor"

#include <glib/gi18n.h>

#include "dl-combo-row-keys.h"
#include "dl-narrative-editor.h"

struct _DlNarrativeEditor
{
  AdwWindow     parent_instance;

  /* Template widgets */
  AdwComboRow  *narrative_row;
  AdwEntryRow  *new_row;
  GtkLabel     *hint_label;
  GtkListBox   *steps_list;
  GtkWidget    *add_button;

  DlSession    *session;
  DlDataset    *dataset;      /* whose "narratives-changed" is followed */
  GSignalGroup *dataset_signals;  /* on it, following it as the session changes it */
  guint         narrative;    /* the one shown */
  int           focus_step;   /* after a rebuild, the row to focus, or -1 */
  gboolean      updating;
};

G_DEFINE_FINAL_TYPE (DlNarrativeEditor, dl_narrative_editor, ADW_TYPE_WINDOW)

static DlEditStack *
edits (DlNarrativeEditor *self)
{
  return self->session != NULL ? dl_session_get_edit_stack (self->session) : NULL;
}

static const DlNarrative *
current (DlNarrativeEditor *self)
{
  if (self->dataset == NULL || self->narrative >= dl_dataset_get_n_narratives (self->dataset))
    return NULL;
  return dl_dataset_get_narrative (self->dataset, self->narrative);
}

static void
report (DlNarrativeEditor *self,
        GError            *error)
{
  if (error == NULL)
    return;
  gtk_label_set_label (self->hint_label, error->message);
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
update_hint (DlNarrativeEditor *self)
{
  DlEvent *selected = self->session != NULL ? dl_session_get_selected_event (self->session) : NULL;
  const char *hint;

  if (self->dataset == NULL)
    hint = _("Open a dataset first");
  else if (current (self) == NULL)
    hint = selected != NULL ? _("Name a new narrative above: it starts with the event selected in the main window")
                            : _("Select an event in the main window, then name a new narrative above");
  else if (selected == NULL)
    hint = _("Select an event in the main window to add it as a step. Drag a step by its handle, or press Alt+Up or Alt+Down, to move it; Enter applies a caption.");
  else
    hint = _("Drag a step by its handle, or press Alt+Up or Alt+Down, to move it; Enter applies a caption.");

  gtk_label_set_label (self->hint_label, hint);
  gtk_widget_set_sensitive (self->add_button, selected != NULL && current (self) != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_row), selected != NULL);
}

/* Steps */

static guint
step_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW);

  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "dl-step"));
}

/* @step to the place of step @to (the others make room), one undoable
 * edit; the focus follows it. */
static void
move_step_to (DlNarrativeEditor *self,
              guint              step,
              int                to)
{
  const DlNarrative *narrative = current (self);
  g_autoptr(GError) error = NULL;

  if (narrative == NULL || edits (self) == NULL || to < 0 || (guint) to >= narrative->steps->len
      || step >= narrative->steps->len)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if ((guint) to == step)
    return;
  self->focus_step = to;
  if (!dl_edit_stack_move_step (edits (self), self->narrative, step, (guint) to, &error))
    self->focus_step = -1;
  report (self, error);
}

static void
move_step (DlNarrativeEditor *self,
           guint              step,
           int                delta)
{
  move_step_to (self, step, (int) step + delta);
}

/* Dragging a step by its handle: the row, as it looks, follows the pointer;
 * what is dragged is the step's number, within this window only. */
static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *handle)
{
  GtkWidget *row = gtk_widget_get_ancestor (handle, ADW_TYPE_ENTRY_ROW);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);
  graphene_point_t at;

  if (!gtk_widget_compute_point (handle, row, &GRAPHENE_POINT_INIT (x, y), &at))
    at = GRAPHENE_POINT_INIT (x, y);
  gtk_drag_source_set_icon (source, paintable, (int) at.x, (int) at.y);
  return gdk_content_provider_new_typed (G_TYPE_UINT, step_of (handle));
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *handle)
{
  GtkWidget *row = gtk_widget_get_ancestor (handle, ADW_TYPE_ENTRY_ROW);

  /* Where it was, faded, while it is carried. */
  gtk_widget_set_opacity (row, 0.4);
}

static void
on_drag_end (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             GtkWidget     *handle)
{
  GtkWidget *row = gtk_widget_get_ancestor (handle, ADW_TYPE_ENTRY_ROW);

  if (row != NULL)
    gtk_widget_set_opacity (row, 1.0);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWidget     *row)
{
  DlNarrativeEditor *self = DL_NARRATIVE_EDITOR (gtk_widget_get_root (row));

  if (!G_VALUE_HOLDS_UINT (value))
    return FALSE;
  move_step_to (self, g_value_get_uint (value), (int) step_of (row));
  return TRUE;
}

static void
on_move_up (GtkWidget         *button,
            DlNarrativeEditor *self)
{
  move_step (self, step_of (button), -1);
}

static void
on_move_down (GtkWidget         *button,
              DlNarrativeEditor *self)
{
  move_step (self, step_of (button), +1);
}

static gboolean
on_move_shortcut (GtkWidget *row,
                  GVariant  *args,
                  gpointer   user_data)
{
  DlNarrativeEditor *self = DL_NARRATIVE_EDITOR (gtk_widget_get_root (row));

  move_step (self, step_of (row), g_variant_get_int32 (args));
  return TRUE;
}

static void
on_remove (GtkWidget         *button,
           DlNarrativeEditor *self)
{
  g_autoptr(GError) error = NULL;
  const DlNarrative *narrative = current (self);

  if (narrative == NULL || edits (self) == NULL)
    return;
  /* The last step takes its narrative with it: a narrative needs one. */
  if (narrative->steps->len == 1)
    dl_edit_stack_remove_narrative (edits (self), self->narrative, &error);
  else
    dl_edit_stack_remove_step (edits (self), self->narrative, step_of (button), &error);
  report (self, error);
}

static void
on_caption_apply (AdwEntryRow       *row,
                  DlNarrativeEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || edits (self) == NULL || current (self) == NULL)
    return;
  self->focus_step = (int) step_of (GTK_WIDGET (row));
  if (!dl_edit_stack_set_step_caption (edits (self), self->narrative, step_of (GTK_WIDGET (row)),
                                       gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    self->focus_step = -1;
  report (self, error);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             GCallback   callback,
             gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", callback, user_data);
  return button;
}

static GtkWidget *
new_step_row (DlNarrativeEditor     *self,
              guint                  index,
              guint                  n_steps,
              const DlNarrativeStep *step)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  g_autofree char *title = NULL;
  GtkDragSource *drag;
  GtkDropTarget *drop;
  GtkWidget *handle;
  GtkWidget *button;

  /* TRANSLATORS: a step of a narrative: its number and its event's title */
  title = g_strdup_printf (_("%u. %s"), index + 1,
                           step->event != NULL ? dl_event_get_title (step->event) : _("(no event)"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), step->caption != NULL ? step->caption : "");
  g_object_set_data (G_OBJECT (row), "dl-step", GUINT_TO_POINTER (index));
  g_signal_connect (row, "apply", G_CALLBACK (on_caption_apply), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_caption_apply), self);

  /* The handle to drag it by (the rest of the row is its caption's text,
   * where a drag selects), and the whole row a place to drop another. */
  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_widget_set_tooltip_text (handle, _("Drag to move the step"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drag to move the step (or Alt+Up and Alt+Down)"), -1);
  gtk_widget_set_cursor_from_name (handle, "grab");
  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), handle);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), handle);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), handle);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag));
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), handle);
  drop = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  button = icon_button ("go-up-symbolic", _("Move Step Up"), G_CALLBACK (on_move_up), self);
  gtk_widget_set_sensitive (button, index > 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  button = icon_button ("go-down-symbolic", _("Move Step Down"), G_CALLBACK (on_move_down), self);
  gtk_widget_set_sensitive (button, index + 1 < n_steps);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row),
                            icon_button ("user-trash-symbolic", _("Remove Step"), G_CALLBACK (on_remove), self));

  /* Alt+Up, Alt+Down: the step with the focus moves (captured: before the
   * text's own keys). */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                                                                         gtk_callback_action_new (on_move_shortcut, NULL, NULL),
                                                                         "i", -1));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new_with_arguments (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                                                                         gtk_callback_action_new (on_move_shortcut, NULL, NULL),
                                                                         "i", 1));
  gtk_widget_add_controller (row, shortcuts);

  return row;
}

static void
rebuild (DlNarrativeEditor *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = self->dataset != NULL ? dl_dataset_get_n_narratives (self->dataset) : 0;
  const DlNarrative *narrative;
  GtkWidget *child;
  GtkWidget *focus = NULL;

  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (titles, dl_dataset_get_narrative (self->dataset, i)->title);
  if (self->narrative >= n && n > 0)
    self->narrative = n - 1;
  adw_combo_row_set_model (self->narrative_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->narrative_row, n > 0 ? self->narrative : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_sensitive (GTK_WIDGET (self->narrative_row), n > 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  narrative = current (self);
  for (guint i = 0; narrative != NULL && i < narrative->steps->len; i++)
    {
      GtkWidget *row = new_step_row (self, i, narrative->steps->len,
                                     &g_array_index (narrative->steps, DlNarrativeStep, i));

      gtk_list_box_append (self->steps_list, row);
      if ((int) i == self->focus_step)
        focus = row;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), narrative != NULL && narrative->steps->len > 0);
  self->updating = FALSE;

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  self->focus_step = -1;
  update_hint (self);
}

/* Callbacks */

static void
on_narrative_selected (DlNarrativeEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->narrative_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected == self->narrative)
    return;
  self->narrative = selected;
  rebuild (self);
}

static void
on_new_narrative (DlNarrativeEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_row))));
  DlEvent *event = self->session != NULL ? dl_session_get_selected_event (self->session) : NULL;
  DlEditStack *stack = edits (self);
  g_autoptr(GError) error = NULL;
  guint n;

  if (stack == NULL || event == NULL || *title == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* With its first step: a narrative has at least one. */
  n = dl_dataset_get_n_narratives (self->dataset);
  dl_edit_stack_begin_group (stack, _("New Narrative"));
  if (dl_edit_stack_add_narrative (stack, NULL, title, &error))
    dl_edit_stack_add_step (stack, n, -1, event, NULL, &error);
  dl_edit_stack_end_group (stack);
  if (error != NULL)
    {
      if (dl_dataset_get_n_narratives (self->dataset) > n)
        dl_edit_stack_undo (stack);  /* not half a narrative */
      report (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  self->narrative = n;
  self->focus_step = 0;
  rebuild (self);
}

static void
on_add_step (DlNarrativeEditor *self)
{
  DlEvent *event = self->session != NULL ? dl_session_get_selected_event (self->session) : NULL;
  const DlNarrative *narrative = current (self);
  g_autoptr(GError) error = NULL;

  if (edits (self) == NULL || event == NULL || narrative == NULL)
    return;
  self->focus_step = (int) narrative->steps->len;
  if (!dl_edit_stack_add_step (edits (self), self->narrative, -1, event, NULL, &error))
    self->focus_step = -1;
  report (self, error);
}

static void
on_dataset (DlNarrativeEditor *self)
{
  DlDataset *dataset = dl_session_get_dataset (self->session);

  if (dataset != self->dataset)
    {
      g_set_object (&self->dataset, dataset);
      g_signal_group_set_target (self->dataset_signals, dataset);
      self->narrative = 0;
    }
  rebuild (self);
}

/* GObject */

static void
dl_narrative_editor_dispose (GObject *object)
{
  DlNarrativeEditor *self = DL_NARRATIVE_EDITOR (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->dataset_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (dl_narrative_editor_parent_class)->dispose (object);
}

static void
dl_narrative_editor_class_init (DlNarrativeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_narrative_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-narrative-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DlNarrativeEditor, narrative_row);
  gtk_widget_class_bind_template_child (widget_class, DlNarrativeEditor, new_row);
  gtk_widget_class_bind_template_child (widget_class, DlNarrativeEditor, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DlNarrativeEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, DlNarrativeEditor, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_narrative_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_new_narrative);
  gtk_widget_class_bind_template_callback (widget_class, on_add_step);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_narrative_editor_init (DlNarrativeEditor *self)
{
  self->focus_step = -1;
  /* A signal group rather than connecting by hand at each dataset: the
   * handlers move with the target (as the event editor's do). */
  self->dataset_signals = g_signal_group_new (DL_TYPE_DATASET);
  g_signal_group_connect_swapped (self->dataset_signals, "narratives-changed", G_CALLBACK (rebuild), self);
  gtk_widget_init_template (GTK_WIDGET (self));
  dl_combo_row_choose_activated (self->narrative_row);
}

DlNarrativeEditor *
dl_narrative_editor_new (GtkWindow *parent,
                         DlSession *session)
{
  DlNarrativeEditor *self;

  g_return_val_if_fail (DL_IS_SESSION (session), NULL);

  self = g_object_new (DL_TYPE_NARRATIVE_EDITOR, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::dataset", G_CALLBACK (on_dataset), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::selected-event", G_CALLBACK (update_hint), self, G_CONNECT_SWAPPED);
  on_dataset (self);

  return self;
}
