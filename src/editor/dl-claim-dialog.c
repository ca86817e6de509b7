/* dl-claim-dialog.c: asks what a selected number or phrase claims
 *
 * A claim is a value a passage states on a topic ("at least 12" killed at
 * the school); claims on one topic that differ are what the event panel
 * shows as a disagreement. The selection is split into a qualifier and a
 * value for the user to check; the topic is one of the dataset's, shown by
 * its label, or a new one named as a reader would say it (its id is made
 * from that, and the label read back from the id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-claim-dialog"

#include <glib/gi18n.h>
#include <string.h>

#include "dl-combo-row-keys.h"
#include "dl-claim-dialog.h"
#include "dl-claims.h"

/* A qualifier longer than this many words is a sentence, not a qualifier. */
#define MAX_QUALIFIER_WORDS 3

struct _DlClaimDialog
{
  AdwWindow    parent_instance;

  /* Template widgets */
  GtkLabel    *quote_label;
  AdwComboRow *topic_row;
  AdwEntryRow *new_topic_row;
  AdwEntryRow *label_row;     /* an existing topic's label, to change */
  AdwEntryRow *qualifier_row;
  AdwEntryRow *value_row;
  GtkLabel    *hint_label;
  GtkWidget   *add_button;

  GStrv        topics;   /* the combo row's, in order; "New topic" follows */
  GStrv        labels;   /* their labels, in the same order */
  guint        shown;    /* the topic whose label the label row shows */
};

G_DEFINE_FINAL_TYPE (DlClaimDialog, dl_claim_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ADD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
new_topic_chosen (DlClaimDialog *self)
{
  return adw_combo_row_get_selected (self->topic_row) >= g_strv_length (self->topics);
}

/* The topic id, or NULL when none is given yet. */
static char *
chosen_topic (DlClaimDialog *self)
{
  if (!new_topic_chosen (self))
    return g_strdup (self->topics[adw_combo_row_get_selected (self->topic_row)]);
  return dl_claim_dialog_topic_id (gtk_editable_get_text (GTK_EDITABLE (self->new_topic_row)));
}

static void
update (DlClaimDialog *self)
{
  g_autofree char *topic = NULL;
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_row))));
  const char *hint = NULL;

  if (self->topics == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->new_topic_row), new_topic_chosen (self));
  /* An existing topic's label, to correct for every claim on it. */
  gtk_widget_set_visible (GTK_WIDGET (self->label_row), !new_topic_chosen (self));
  if (!new_topic_chosen (self) && adw_combo_row_get_selected (self->topic_row) != self->shown)
    {
      self->shown = adw_combo_row_get_selected (self->topic_row);
      gtk_editable_set_text (GTK_EDITABLE (self->label_row), self->labels[self->shown]);
    }
  topic = chosen_topic (self);
  if (topic == NULL)
    hint = _("Name the new topic, in letters or digits: “Killed at the school”");
  else if (*value == '\0')
    hint = _("A claim needs a value: a number, or a few words");
  else
    hint = _("Claims on one topic that differ are shown as a disagreement");

  gtk_label_set_label (self->hint_label, hint);
  gtk_widget_set_sensitive (self->add_button, topic != NULL && *value != '\0');
}

static void
on_add (DlClaimDialog *self)
{
  g_autofree char *topic = chosen_topic (self);
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_row))));
  g_autofree char *qualifier = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->qualifier_row))));
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (new_topic_chosen (self)
                                                                                      ? self->new_topic_row
                                                                                      : self->label_row))));

  if (topic == NULL || *value == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  g_object_ref (self);
  g_signal_emit (self, signals[SIGNAL_ADD], 0, topic, value, *qualifier != '\0' ? qualifier : NULL,
                 *label != '\0' ? label : NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
dl_claim_dialog_finalize (GObject *object)
{
  DlClaimDialog *self = DL_CLAIM_DIALOG (object);

  g_strfreev (self->topics);
  g_strfreev (self->labels);

  G_OBJECT_CLASS (dl_claim_dialog_parent_class)->finalize (object);
}

static void
dl_claim_dialog_class_init (DlClaimDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dl_claim_dialog_finalize;

  signals[SIGNAL_ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                      G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-claim-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DlClaimDialog, quote_label);
  gtk_widget_class_bind_template_child (widget_class, DlClaimDialog, topic_row);
  gtk_widget_class_bind_template_child (widget_class, DlClaimDialog, new_topic_row);
  gtk_widget_class_bind_template_child (widget_class, DlClaimDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, DlClaimDialog, qualifier_row);
  gtk_widget_class_bind_template_child (widget_class, DlClaimDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, DlClaimDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, DlClaimDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, on_add);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_claim_dialog_init (DlClaimDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dl_combo_row_choose_activated (self->topic_row);
}

DlClaimDialog *
dl_claim_dialog_new (GtkWindow  *parent,
                     DlDataset  *dataset,
                     const char *selection,
                     const char *topic)
{
  DlClaimDialog *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *quote = NULL;
  g_autofree char *value = NULL;
  g_autofree char *qualifier = NULL;
  guint selected;

  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (selection != NULL, NULL);

  self = g_object_new (DL_TYPE_CLAIM_DIALOG, "transient-for", parent, NULL);

  /* The dataset's topics by their labels, then a new one. */
  self->topics = dl_dataset_dup_topics (dataset);
  self->labels = g_new0 (char *, g_strv_length (self->topics) + 1);
  self->shown = G_MAXUINT;
  selected = g_strv_length (self->topics);
  for (guint i = 0; self->topics[i] != NULL; i++)
    {
      self->labels[i] = dl_claims_dup_topic_label (dataset, self->topics[i]);
      gtk_string_list_append (labels, self->labels[i]);
      if (g_strcmp0 (self->topics[i], topic) == 0)
        selected = i;
    }
  gtk_string_list_append (labels, _("New Topic"));
  adw_combo_row_set_model (self->topic_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->topic_row, selected);

  /* TRANSLATORS: %s is the words selected in a passage */
  quote = g_strdup_printf (_("The passage says “\u2068%s\u2069”"), selection);
  gtk_label_set_label (self->quote_label, quote);
  dl_claim_dialog_split (selection, &value, &qualifier);
  gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (self->qualifier_row), qualifier != NULL ? qualifier : "");
  update (self);

  /* Typing goes where a choice is still to make. */
  gtk_widget_grab_focus (GTK_WIDGET (new_topic_chosen (self) ? self->new_topic_row : self->value_row));

  return self;
}

void
dl_claim_dialog_split (const char  *selection,
                       char       **value,
                       char       **qualifier)
{
  g_autofree char *text = g_strstrip (g_strdup (selection));
  const char *p = text;
  const char *number_end;
  GString *digits = g_string_new (NULL);

  g_return_if_fail (value != NULL && qualifier != NULL);

  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    {
      *value = g_steal_pointer (&text);
      *qualifier = NULL;
      g_string_free (digits, TRUE);
      return;
    }

  /* Digits with thousands separators and a decimal point: "1,200.5". */
  for (number_end = p; *number_end != '\0'; number_end++)
    {
      if (g_ascii_isdigit (*number_end))
        g_string_append_c (digits, *number_end);
      else if (*number_end == '.' && g_ascii_isdigit (number_end[1]))
        g_string_append_c (digits, '.');
      else if (*number_end == ',' && g_ascii_isdigit (number_end[1]))
        continue;
      else
        break;
    }

  *value = g_string_free (digits, FALSE);
  {
    g_autofree char *before = g_strstrip (g_strndup (text, (gsize) (p - text)));
    g_auto(GStrv) words = g_strsplit (before, " ", -1);

    *qualifier = *before != '\0' && g_strv_length (words) <= MAX_QUALIFIER_WORDS ? g_steal_pointer (&before) : NULL;
  }
}

char *
dl_claim_dialog_topic_id (const char *label)
{
  g_autofree char *ascii = NULL;
  GString *id;
  gboolean dash = FALSE;

  if (label == NULL)
    return NULL;

  ascii = g_str_to_ascii (label, "C");
  id = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && id->len > 0)
            g_string_append_c (id, '-');
          g_string_append_c (id, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  if (id->len == 0)
    {
      g_string_free (id, TRUE);
      return NULL;
    }
  return g_string_free (id, FALSE);
}
