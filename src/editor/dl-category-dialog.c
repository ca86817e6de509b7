/* dl-category-dialog.c: asks a category's name and colour
 *
 * The event editor's "New Category…" and its category's edit button: a
 * name as a reader would say it (a new category's id is made from it by
 * the edit stack) and one of the palette's colours, each a toggle button
 * in a group, named for screen readers ("Cyan"), so the choice is made by
 * keyboard as well as by pointer. The palette is the one imports take
 * their colours from, apart from the built-in categories' and from the
 * maps' land and sea; a category being edited keeps its own colour as
 * the first choice when the palette lacks it (a built-in one's red).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-category-dialog"

#include <glib/gi18n.h>

#include "dl-category-dialog.h"
#include "dl-category.h"
#include "dl-dataset-categories.h"

struct _DlCategoryDialog
{
  AdwWindow   parent_instance;

  /* Template widgets */
  AdwEntryRow *name_row;
  GtkWidget   *swatches;
  GtkWidget   *add_button;

  GArray      *colors;    /* guint32 0xRRGGBB, one per swatch */
  gboolean     editing;   /* Save, not Add */
};

G_DEFINE_FINAL_TYPE (DlCategoryDialog, dl_category_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADD,
  SIGNAL_SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
chosen_name (DlCategoryDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static guint
chosen_index (DlCategoryDialog *self)
{
  guint index = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->swatches); child != NULL;
       child = gtk_widget_get_next_sibling (child), index++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      return index;

  return 0;
}

static void
update (DlCategoryDialog *self)
{
  g_autofree char *name = chosen_name (self);

  gtk_widget_set_sensitive (self->add_button, *name != '\0');
}

static void
on_add (DlCategoryDialog *self)
{
  g_autofree char *name = chosen_name (self);

  if (*name == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[self->editing ? SIGNAL_SAVE : SIGNAL_ADD], 0, name,
                 g_array_index (self->colors, guint32, chosen_index (self)));
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
dl_category_dialog_finalize (GObject *object)
{
  DlCategoryDialog *self = DL_CATEGORY_DIALOG (object);

  g_array_unref (self->colors);

  G_OBJECT_CLASS (dl_category_dialog_parent_class)->finalize (object);
}

static void
dl_category_dialog_class_init (DlCategoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dl_category_dialog_finalize;

  signals[SIGNAL_ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);
  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-category-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlCategoryDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, DlCategoryDialog, swatches);
  gtk_widget_class_bind_template_child (widget_class, DlCategoryDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* One toggle for @color, named @name, in the swatches' group. */
static void
add_swatch (DlCategoryDialog *self,
            guint32           color,
            const char       *name)
{
  GtkWidget *first = gtk_widget_get_first_child (self->swatches);
  GtkWidget *swatch = gtk_toggle_button_new ();
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (dot, "category-swatch");
  gtk_widget_add_css_class (dot, dl_category_get_css_class_for_color (color));
  gtk_button_set_child (GTK_BUTTON (swatch), dot);
  gtk_widget_set_tooltip_text (swatch, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_add_css_class (swatch, "circular");
  gtk_widget_add_css_class (swatch, "category-swatch-button");
  if (first != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (swatch), GTK_TOGGLE_BUTTON (first));
  gtk_box_append (GTK_BOX (self->swatches), swatch);
  g_array_append_val (self->colors, color);
}

static void
dl_category_dialog_init (DlCategoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->colors = g_array_new (FALSE, FALSE, sizeof (guint32));
  /* The name first: typing starts there. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

/* The palette's swatches, after @current's own where the palette lacks
 * it; the one of @current (or the first) chosen. */
static void
add_swatches (DlCategoryDialog *self,
              gboolean          has_current,
              guint32           current)
{
  guint chosen = 0;
  gboolean in_palette = FALSE;

  for (guint i = 0; i < dl_category_palette_get_n (); i++)
    in_palette |= dl_category_palette_get (i) == current;
  if (has_current && !in_palette)
    add_swatch (self, current, _("Current colour"));
  for (guint i = 0; i < dl_category_palette_get_n (); i++)
    {
      if (has_current && dl_category_palette_get (i) == current)
        chosen = self->colors->len;
      add_swatch (self, dl_category_palette_get (i), dl_category_palette_get_name (i));
    }
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dl_category_dialog_get_swatch (self, chosen)), TRUE);
}

DlCategoryDialog *
dl_category_dialog_new (GtkWindow *parent)
{
  DlCategoryDialog *self = g_object_new (DL_TYPE_CATEGORY_DIALOG, "transient-for", parent, NULL);

  add_swatches (self, FALSE, 0);
  return self;
}

DlCategoryDialog *
dl_category_dialog_new_for_category (GtkWindow  *parent,
                                     const char *name,
                                     guint32     color)
{
  DlCategoryDialog *self = g_object_new (DL_TYPE_CATEGORY_DIALOG, "transient-for", parent,
                                         "title", _("Edit Category"), NULL);

  self->editing = TRUE;
  gtk_button_set_label (GTK_BUTTON (self->add_button), _("_Save"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  add_swatches (self, TRUE, color & 0xffffff);
  update (self);
  return self;
}

GtkWidget *
dl_category_dialog_get_swatch (DlCategoryDialog *self,
                               guint             index)
{
  GtkWidget *child;

  g_return_val_if_fail (DL_IS_CATEGORY_DIALOG (self), NULL);

  child = gtk_widget_get_first_child (self->swatches);
  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}
