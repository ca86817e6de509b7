/* dl-text-reader.c: a long text read whole, in a window of its own
 *
 * The event panel shows the start of a long summary or description (a
 * wrapped label lays out all of its text at every width change, seconds for
 * 64 KiB); "Read All" opens this window, whose text view lays out only what
 * is on screen as it scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-text-reader"

#include "dl-text-reader.h"

struct _DlTextReader
{
  AdwWindow    parent_instance;

  GtkTextView *view;
};

G_DEFINE_FINAL_TYPE (DlTextReader, dl_text_reader, ADW_TYPE_WINDOW)

static void
dl_text_reader_class_init (DlTextReaderClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_text_reader_init (DlTextReader *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->view, FALSE);
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->view, 18);
  gtk_text_view_set_right_margin (self->view, 18);
  gtk_text_view_set_top_margin (self->view, 12);
  gtk_text_view_set_bottom_margin (self->view, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}

GtkWidget *
dl_text_reader_new (GtkWindow  *parent,
                    const char *title,
                    const char *text)
{
  DlTextReader *self = g_object_new (DL_TYPE_TEXT_READER, "title", title, "transient-for", parent, NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text != NULL ? text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  return GTK_WIDGET (self);
}
