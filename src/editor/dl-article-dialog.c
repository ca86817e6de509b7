/* dl-article-dialog.c: asks an article's title and publication date
 *
 * Each file added to a dataset becomes a source with a title and, usually,
 * the date it was published: relative dates in it ("on Tuesday") are
 * resolved against that date, so it is asked for here, with what it says
 * in words as it is typed (EDTF, so "2024-08-20?" when unsure).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-article-dialog"

#include <glib/gi18n.h>
#include <string.h>

#include "dl-article-dialog.h"
#include "dl-edtf.h"

/* A first line longer than this is a paragraph, not a headline. */
#define MAX_TITLE_CHARS 160

struct _DlArticleDialog
{
  AdwWindow    parent_instance;

  /* Template widgets */
  GtkLabel    *file_label;
  AdwEntryRow *title_row;
  AdwEntryRow *date_row;
  GtkLabel    *date_description;
  GtkWidget   *add_button;
};

G_DEFINE_FINAL_TYPE (DlArticleDialog, dl_article_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The title and the date as they stand; FALSE when they cannot be added. */
static gboolean
check (DlArticleDialog  *self,
       char            **description)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  DlEdtf edtf;

  if (*date == '\0')
    *description = g_strdup (_("No publication date: relative dates in the article (“on Tuesday”) cannot be resolved. EDTF, such as 2024-08-20 or 2024-08-20?"));
  else if (dl_edtf_parse (date, &edtf, &error))
    *description = dl_edtf_describe (&edtf);
  else
    {
      *description = g_strdup (error->message);
      ok = FALSE;
    }

  if (ok && *title == '\0')
    ok = FALSE;
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");

  return ok;
}

static void
update (DlArticleDialog *self)
{
  g_autofree char *description = NULL;
  gboolean ok = check (self, &description);

  gtk_label_set_label (self->date_description, description);
  gtk_widget_set_sensitive (self->add_button, ok);
}

static void
on_add (DlArticleDialog *self)
{
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;
  const char *date;

  if (!check (self, &description))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_ADD], 0, title, *date != '\0' ? date : NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
dl_article_dialog_class_init (DlArticleDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[SIGNAL_ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-article-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlArticleDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, DlArticleDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DlArticleDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DlArticleDialog, date_description);
  gtk_widget_class_bind_template_child (widget_class, DlArticleDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_article_dialog_init (DlArticleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DlArticleDialog *
dl_article_dialog_new (GtkWindow  *parent,
                       const char *file_name,
                       const char *title,
                       const char *published)
{
  DlArticleDialog *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (file_name != NULL, NULL);

  self = g_object_new (DL_TYPE_ARTICLE_DIALOG, "transient-for", parent, NULL);
  /* TRANSLATORS: %s is a file name */
  label = g_strdup_printf (_("From “\u2068%s\u2069”"), file_name);
  gtk_label_set_label (self->file_label, label);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), published != NULL ? published : "");
  update (self);
  /* Typing goes to the title, not to the header bar's first button. */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

char *
dl_article_dialog_suggest_title (const char *text,
                                 gsize       len,
                                 const char *fallback)
{
  const char *end = text + len;
  const char *line_end;
  g_autofree char *line = NULL;

  /* The first line with something on it. */
  while (text < end && g_ascii_isspace (*text))
    text++;
  line_end = memchr (text, '\n', (gsize) (end - text));
  if (line_end == NULL)
    line_end = end;
  line = g_strstrip (g_strndup (text, (gsize) (line_end - text)));

  if (*line == '\0' || g_utf8_strlen (line, -1) > MAX_TITLE_CHARS)
    return g_strdup (fallback);
  return g_steal_pointer (&line);
}
