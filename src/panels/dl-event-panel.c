/* dl-event-panel.c: the sidebar: the selected event, or the dataset overview
 *
 * The selected event: title, category, date with its precision and basis,
 * places with their precision, summary, every claim on its topics across the
 * dataset (disagreements flagged) and every passage as an activatable card.
 * With no event: the dataset's overview (dl-event-panel-overview.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-event-panel"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-category.h"
#include "dl-claims.h"
#include "dl-describe.h"
#include "dl-event-panel-private.h"
#include "dl-text.h"
#include "dl-text-reader.h"

/* How much of the article to show around a passage, in code points. */
#define CONTEXT_CHARS 90


enum {
  PROP_0,
  PROP_DATASET,
  PROP_EVENT,
  N_PROPS
};

enum {
  SIGNAL_EXCERPT_ACTIVATED,
  SIGNAL_EVENT_ACTIVATED,
  SIGNAL_SOURCE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DlEventPanel, dl_event_panel, GTK_TYPE_WIDGET)

/* Helpers */

const char *
_dl_event_panel_ui_language (void)
{
  return pango_language_to_string (gtk_get_default_language ());
}

GtkWidget *
_dl_event_panel_add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return label;
}

GtkWidget *
_dl_event_panel_add_section (GtkWidget  *content,
             const char *heading)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label;

  label = _dl_event_panel_add_label (section, heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (content), section);

  return section;
}

GtkWidget *
_dl_event_panel_new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return list;
}

/* An action row; `title` and `subtitle` are plain text. */
GtkWidget *
_dl_event_panel_new_row (const char *title,
         const char *subtitle,
         const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_escaped);
  if (subtitle != NULL)
    {
      g_autofree char *subtitle_escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_escaped);
    }
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);

  return row;
}

static GtkWidget *
new_category_chip (DlDataset  *dataset,
                   const char *category)
{
  GtkWidget *chip = gtk_label_new (dl_category_get_label (dataset, category));

  gtk_widget_add_css_class (chip, "category-chip");
  gtk_widget_add_css_class (chip, dl_category_get_css_class (dataset, category));
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);

  return chip;
}

static void
clear_content (DlEventPanel *self)
{
  GtkWidget *child;

  _dl_event_panel_reveal_stop (self);

  while ((child = gtk_widget_get_first_child (self->content)) != NULL)
    gtk_box_remove (GTK_BOX (self->content), child);
}

/* The passage with a little of the article around it, the passage in bold.
 * The context stops at paragraph ends and is cut at word boundaries. */
static char *
excerpt_markup (const DlExcerpt *excerpt,
                char           **plain_passage)
{
  const DlText *text = dl_source_get_text (excerpt->source);
  guint n_chars = dl_text_get_n_chars (text);
  guint from = excerpt->start > CONTEXT_CHARS ? excerpt->start - CONTEXT_CHARS : 0;
  guint to = MIN (n_chars, excerpt->end + CONTEXT_CHARS);
  g_autofree char *before = dl_text_substring (text, from, excerpt->start);
  g_autofree char *passage = dl_text_substring (text, excerpt->start, excerpt->end);
  g_autofree char *after = dl_text_substring (text, excerpt->end, to);
  g_autofree char *before_escaped = NULL;
  g_autofree char *passage_escaped = NULL;
  g_autofree char *after_escaped = NULL;
  g_autofree char *stripped = NULL;
  const char *before_start = before;
  gboolean cut_before = from > 0;
  gboolean cut_after = to < n_chars;
  char *p;

  if ((p = strrchr (before, '\n')) != NULL)
    {
      before_start = p + 1;
      cut_before = FALSE;
    }
  else if (cut_before && (p = strchr (before, ' ')) != NULL)
    {
      before_start = p + 1;
    }

  if ((p = strchr (after, '\n')) != NULL)
    {
      *p = '\0';
      cut_after = FALSE;
    }
  else if (cut_after && (p = strrchr (after, ' ')) != NULL && p != after)
    {
      *p = '\0';
    }

  stripped = g_strstrip (g_strdup (passage));
  /* A long quote shows its start: the card opens the article at all of it. */
  {
    char *preview = dl_text_preview (stripped, DL_TEXT_PREVIEW_CHARS);

    if (preview != NULL)
      {
        g_free (stripped);
        stripped = preview;
        cut_after = FALSE;
        after[0] = '\0';
      }
  }
  passage_escaped = g_markup_escape_text (stripped, -1);
  before_escaped = g_markup_escape_text (before_start, -1);
  after_escaped = g_markup_escape_text (after, -1);

  if (plain_passage != NULL)
    *plain_passage = g_steal_pointer (&passage);

  return g_strdup_printf ("<span alpha=\"62%%\">%s%s</span><b>%s</b><span alpha=\"62%%\">%s%s</span>",
                          cut_before ? "…" : "", before_escaped, passage_escaped, after_escaped,
                          cut_after ? "…" : "");
}

/* Callbacks */

static void
on_card_clicked (GtkButton    *button,
                 DlEventPanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "excerpt-index"));

  if (self->event == NULL)
    return;

  g_signal_emit (self, signals[SIGNAL_EXCERPT_ACTIVATED], 0, self->event, index);
}

static void
on_event_link_clicked (GtkButton    *button,
                       DlEventPanel *self)
{
  DlEvent *event = g_object_get_data (G_OBJECT (button), "event");

  if (event != NULL)
    g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, event);
}

/* Building the views */

/* A cited source's link in a label: open that article at this event's
 * passage from it (or its first passage when the event quotes it nowhere). */
static gboolean
on_source_link (GtkLabel     *label,
                const char   *uri,
                DlEventPanel *self)
{
  DlSource *source;

  if (!g_str_has_prefix (uri, "source:") || self->dataset == NULL || self->event == NULL)
    return FALSE;
  if ((source = dl_dataset_lookup_source (self->dataset, uri + strlen ("source:"))) == NULL)
    return TRUE;

  for (guint i = 0; i < dl_event_get_n_excerpts (self->event); i++)
    if (dl_event_get_excerpt (self->event, i)->source == source)
      {
        g_signal_emit (self, signals[SIGNAL_EXCERPT_ACTIVATED], 0, self->event, i);
        return TRUE;
      }

  return TRUE;
}

static GtkWidget *
add_markup_label (DlEventPanel *self,
                  GtkWidget    *box,
                  const char   *markup,
                  const char   *css_class)
{
  GtkWidget *label = _dl_event_panel_add_label (box, NULL, css_class);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  g_signal_connect (label, "activate-link", G_CALLBACK (on_source_link), self);
  return label;
}

/* The whole of a long text in a window of its own (dl-text-reader.h). */
static void
on_read_all_clicked (GtkButton *button,
                     gpointer   user_data)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_window_present (GTK_WINDOW (dl_text_reader_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                      g_object_get_data (G_OBJECT (button), "full-title"),
                                                      g_object_get_data (G_OBJECT (button), "full-text"))));
}

/* @text (with its citations, for a summary) as a label; a long one shows
 * its start and a "Read All" button that opens the whole of it. */
void
_dl_event_panel_add_long_text (DlEventPanel *self,
               GtkWidget    *box,
               const char   *text,
               const char   *title,
               gboolean      citations,
               const char   *css_class)
{
  g_autofree char *preview = dl_text_preview (text, DL_TEXT_PREVIEW_CHARS);
  const char *shown = preview != NULL ? preview : text;
  GtkWidget *button;

  if (citations)
    {
      g_autofree char *markup = dl_describe_citations (self->dataset, shown, DL_DESCRIBE_MARKUP);

      add_markup_label (self, box, markup, css_class);
    }
  else
    _dl_event_panel_add_label (box, shown, css_class);

  if (preview == NULL)
    return;

  button = gtk_button_new_with_mnemonic (_("_Read All"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show the whole text in a window of its own"));
  g_object_set_data_full (G_OBJECT (button), "full-text",
                          citations ? dl_describe_citations (self->dataset, text, DL_DESCRIBE_PLAIN)
                                    : g_strdup (text),
                          g_free);
  g_object_set_data_full (G_OBJECT (button), "full-title", g_strdup (title), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_read_all_clicked), NULL);
  gtk_box_append (GTK_BOX (box), button);
}

static GtkWidget *
new_topic_row (DlEventPanel *self,
               const char   *topic)
{
  g_autoptr(GPtrArray) rows = dl_claims_dup_rows (self->dataset, topic);
  g_autofree char *title = dl_claims_dup_topic_label (self->dataset, topic);
  g_autoptr(GString) accessible = g_string_new (title);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (box, "claim-topic");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  label = _dl_event_panel_add_label (box, title, "claim-topic-title");

  if (rows != NULL && rows->len > 1)
    {
      g_autofree char *text = dl_describe_disagreement (self->dataset, topic, DL_DESCRIBE_PLAIN);
      GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (flag, "claim-disagreement");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (flag), icon);
      /* The rows below name the sources; the flag says that they differ. */
      label = _dl_event_panel_add_label (flag, _("Sources disagree"), NULL);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), flag);
      g_string_append_printf (accessible, ". %s", text);
    }

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_add_css_class (grid, "claim-values");
  gtk_box_append (GTK_BOX (box), grid);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      DlClaimRow *claim_row = g_ptr_array_index (rows, i);
      g_autofree char *value = dl_describe_claim_value (claim_row->claim);
      g_autofree char *sources = dl_describe_sources (claim_row->sources, DL_DESCRIBE_MARKUP);
      g_autofree char *sources_plain = dl_describe_sources (claim_row->sources, DL_DESCRIBE_PLAIN);
      g_autoptr(GPtrArray) others = g_ptr_array_new ();
      GtkWidget *value_label = gtk_label_new (value);
      GtkWidget *source_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

      gtk_label_set_xalign (GTK_LABEL (value_label), 1.0);
      gtk_label_set_yalign (GTK_LABEL (value_label), 0.0);
      gtk_widget_set_valign (value_label, GTK_ALIGN_START);
      gtk_widget_add_css_class (value_label, "claim-value");
      gtk_widget_add_css_class (value_label, "numeric");
      gtk_grid_attach (GTK_GRID (grid), value_label, 0, i, 1, 1);

      label = add_markup_label (self, source_box, sources, "claim-source");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), source_box, 1, i, 1, 1);

      /* TRANSLATORS: a claim and the article it comes from */
      g_string_append_printf (accessible, _(". %s, in “%s”"), value, sources_plain);

      /* Other events stating the same value: a link to each, once. */
      for (guint k = 0; k < claim_row->refs->len; k++)
        {
          DlEvent *event = g_array_index (claim_row->refs, DlClaimRef, k).event;

          if (event != self->event && !g_ptr_array_find (others, event, NULL))
            g_ptr_array_add (others, event);
        }
      for (guint k = 0; k < others->len; k++)
        {
          DlEvent *event = g_ptr_array_index (others, k);
          GtkWidget *link = gtk_button_new ();
          GtkWidget *link_label = gtk_label_new (dl_event_get_title (event));
          /* Translators: a button selecting the event a claim belongs to */
          g_autofree char *tooltip = g_strdup_printf (_("Show “%s”"), dl_event_get_title (event));

          gtk_label_set_ellipsize (GTK_LABEL (link_label), PANGO_ELLIPSIZE_END);
          gtk_label_set_xalign (GTK_LABEL (link_label), 0.0);
          gtk_button_set_child (GTK_BUTTON (link), link_label);
          gtk_widget_add_css_class (link, "flat");
          gtk_widget_add_css_class (link, "claim-event-link");
          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (link, tooltip);
          g_object_set_data (G_OBJECT (link), "event", event);
          g_signal_connect (link, "clicked", G_CALLBACK (on_event_link_clicked), self);
          gtk_box_append (GTK_BOX (source_box), link);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
  return row;
}

static void
add_claims (DlEventPanel *self)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *section;
  GtkWidget *list;

  if (dl_event_get_n_claims (self->event) == 0)
    return;

  section = _dl_event_panel_add_section (self->content, _("Claims"));
  list = _dl_event_panel_new_boxed_list ();
  gtk_widget_add_css_class (list, "claims-list");
  gtk_box_append (GTK_BOX (section), list);

  for (guint i = 0; i < dl_event_get_n_claims (self->event); i++)
    {
      const DlClaim *claim = dl_event_get_claim (self->event, i);

      if (g_hash_table_add (shown, claim->topic))
        gtk_list_box_append (GTK_LIST_BOX (list), new_topic_row (self, claim->topic));
    }
}

static GtkWidget *
new_passage_card (DlEventPanel    *self,
                  const DlExcerpt *excerpt,
                  guint            index)
{
  /* The card is headed by the name the summary's citations use ("Cairo
   * report, 20 Aug"), so a reader matches a citation to its passage; the
   * full title is in the tooltip and the article view. */
  const char *cited = dl_source_get_short_name (excerpt->source);
  const char *article = dl_source_get_title (excerpt->source);
  g_autofree char *passage = NULL;
  g_autofree char *markup = excerpt_markup (excerpt, &passage);
  /* Translators: what a screen reader says for a passage card */
  g_autofree char *accessible = g_strdup_printf (_("Passage from %s: %s"), cited, passage);
  /* Translators: the tooltip of a passage card */
  g_autofree char *tooltip = g_strdup_printf (_("Read it in “%s”"), article);
  GtkWidget *card = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *icon;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "passage-card");
  gtk_button_set_child (GTK_BUTTON (card), box);
  gtk_widget_set_tooltip_text (card, tooltip);
  g_object_set_data (G_OBJECT (card), "excerpt-index", GUINT_TO_POINTER (index));
  g_signal_connect (card, "clicked", G_CALLBACK (on_card_clicked), self);

  icon = gtk_image_new_from_icon_name ("text-x-generic-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (header), icon);
  label = _dl_event_panel_add_label (header, cited, "passage-article");
  gtk_widget_set_hexpand (label, TRUE);
  icon = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (box), header);

  label = _dl_event_panel_add_label (box, NULL, "passage-text");
  gtk_label_set_markup (GTK_LABEL (label), markup);

  gtk_accessible_update_property (GTK_ACCESSIBLE (card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return card;
}

static void
show_event (DlEventPanel *self)
{
  DlEvent *event = self->event;
  g_autofree char *date = dl_describe_when (event);
  g_autofree char *precision = dl_describe_when_precision (event);
  g_autofree char *basis = dl_describe_when_basis (self->dataset, event, DL_DESCRIBE_PLAIN);
  g_autofree char *date_subtitle = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GString) places = g_string_new (NULL);
  const char *summary = dl_event_get_summary (event);
  guint n_excerpts = dl_event_get_n_excerpts (event);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *facts;
  GtkWidget *label;
  GtkWidget *row;

  /* Title and category */
  gtk_box_append (GTK_BOX (header), new_category_chip (self->dataset, dl_event_get_category (event)));
  label = _dl_event_panel_add_label (header, dl_event_get_title (event), "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (self->content), header);

  /* When and where */
  facts = _dl_event_panel_new_boxed_list ();
  gtk_widget_add_css_class (facts, "event-facts");
  gtk_box_append (GTK_BOX (self->content), facts);

  if (basis != NULL)
    date_subtitle = g_strdup_printf ("%s\n%s", precision, basis);
  else
    date_subtitle = g_strdup (precision);
  row = _dl_event_panel_new_row (date, date_subtitle, "x-office-calendar-symbolic");
  gtk_widget_add_css_class (row, "event-date");
  gtk_list_box_append (GTK_LIST_BOX (facts), row);

  for (guint i = 0; i < dl_event_get_n_places (event); i++)
    {
      DlPlace *place = dl_event_get_place (event, i);
      g_autofree char *name = dl_describe_place_name (event, i, _dl_event_panel_ui_language ());
      g_autofree char *within = dl_describe_precision_m (dl_place_get_precision_m (place));
      g_autofree char *subtitle = dl_place_get_note (place) != NULL
                                  ? g_strdup_printf ("%s\n%s", within, dl_place_get_note (place))
                                  : g_strdup (within);

      row = _dl_event_panel_new_row (name, subtitle, "mark-location-symbolic");
      gtk_widget_add_css_class (row, "event-place");
      gtk_list_box_append (GTK_LIST_BOX (facts), row);
    }
  /* An imported event may have no place: it is on the timeline only. */
  if (dl_event_get_n_places (event) == 0)
    {
      row = _dl_event_panel_new_row (_("No place"), _("Shown on the timeline only"), "mark-location-symbolic");
      gtk_widget_add_css_class (row, "event-place");
      gtk_list_box_append (GTK_LIST_BOX (facts), row);
    }
  {
    g_autofree char *described = dl_describe_places (event, _dl_event_panel_ui_language ());

    g_string_append (places, described);
  }

  if (summary != NULL && *summary != '\0')
    _dl_event_panel_add_long_text (self, self->content, summary, dl_event_get_title (event), TRUE, "event-summary");

  add_claims (self);

  if (n_excerpts > 0)
    {
      g_autofree char *heading =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Passage", "%u Passages", n_excerpts), n_excerpts);
      GtkWidget *section = _dl_event_panel_add_section (self->content, heading);
      GtkWidget *cards = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);

      gtk_widget_add_css_class (cards, "passage-cards");
      gtk_box_append (GTK_BOX (section), cards);
      for (guint i = 0; i < n_excerpts; i++)
        gtk_box_append (GTK_BOX (cards), new_passage_card (self, dl_event_get_excerpt (event, i), i));
    }

  /* What a screen reader says about the selection. */
  /* Translators: the selected event's date and place, for screen readers */
  accessible = g_strdup_printf (_("%s. %s"), date, places->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, dl_event_get_title (event),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                  -1);
#if GTK_CHECK_VERSION(4, 14, 0)
  {
    g_autofree char *announcement = g_strdup_printf ("%s. %s", dl_event_get_title (event), accessible);

    gtk_accessible_announce (GTK_ACCESSIBLE (self), announcement,
                             GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
  }
#endif
}

static void
rebuild (DlEventPanel *self)
{
  clear_content (self);

  if (self->dataset != NULL && self->event != NULL)
    show_event (self);
  else if (self->dataset != NULL)
    _dl_event_panel_show_overview (self);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* GObject */

static void
dl_event_panel_dispose (GObject *object)
{
  DlEventPanel *self = DL_EVENT_PANEL (object);
  GtkWidget *child;

  if (self->reveal_pending != NULL)
    _dl_event_panel_reveal_stop (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->event);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->reveal_pending, g_ptr_array_unref);
  g_clear_pointer (&self->reveal_weights, g_array_unref);

  G_OBJECT_CLASS (dl_event_panel_parent_class)->dispose (object);
}

static void
dl_event_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DlEventPanel *self = DL_EVENT_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_event_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DlEventPanel *self = DL_EVENT_PANEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      dl_event_panel_set_dataset (self, g_value_get_object (value));
      break;

    case PROP_EVENT:
      dl_event_panel_set_event (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_event_panel_class_init (DlEventPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_event_panel_dispose;
  object_class->get_property = dl_event_panel_get_property;
  object_class->set_property = dl_event_panel_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         DL_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         DL_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EXCERPT_ACTIVATED] =
    g_signal_new ("excerpt-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, DL_TYPE_EVENT, G_TYPE_UINT);
  signals[SIGNAL_SOURCE_ACTIVATED] =
    g_signal_new ("source-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DL_TYPE_SOURCE);
  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DL_TYPE_EVENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dl-event-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dl_event_panel_init (DlEventPanel *self)
{
  GtkWidget *clamp = adw_clamp_new ();

  self->reveal_pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->reveal_weights = g_array_new (FALSE, FALSE, sizeof (guint));
  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 400);
  gtk_scrolled_window_set_child (self->scroller, clamp);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_add_css_class (self->content, "event-panel-content");
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
}

/* Public API */

DlEventPanel *
dl_event_panel_new (void)
{
  return g_object_new (DL_TYPE_EVENT_PANEL, NULL);
}

static void
on_dataset_edited (DlEventPanel *self)
{
  if (self->event == NULL)
    rebuild (self);
}

/* The overview's article rows (dl-event-panel-overview.c). */
void
_dl_event_panel_source_activated (DlEventPanel *self,
                                  DlSource     *source)
{
  g_signal_emit (self, signals[SIGNAL_SOURCE_ACTIVATED], 0, source);
}

void
_dl_event_panel_event_activated (DlEventPanel *self,
                                 DlEvent      *event)
{
  g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, event);
}

void
dl_event_panel_set_dataset (DlEventPanel *self,
                            DlDataset    *dataset)
{
  g_return_if_fail (DL_IS_EVENT_PANEL (self));
  g_return_if_fail (dataset == NULL || DL_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_func (self->dataset, on_dataset_edited, self);
  g_set_object (&self->dataset, dataset);
  /* Edited: the overview counts and lists what is there now. */
  if (dataset != NULL)
    g_signal_connect_object (dataset, "changed", G_CALLBACK (on_dataset_edited), self, G_CONNECT_SWAPPED);
  if (self->event != NULL)
    {
      g_clear_object (&self->event);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
    }
  rebuild (self);
  /* A dataset just opened: the window draws everything anew in its next
   * frame, so the overview comes a few rows a frame after its head. */
  if (dataset != NULL)
    _dl_event_panel_reveal_gradually (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

DlDataset *
dl_event_panel_get_dataset (DlEventPanel *self)
{
  g_return_val_if_fail (DL_IS_EVENT_PANEL (self), NULL);
  return self->dataset;
}

void
dl_event_panel_set_event (DlEventPanel *self,
                          DlEvent      *event)
{
  g_return_if_fail (DL_IS_EVENT_PANEL (self));
  g_return_if_fail (event == NULL || DL_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

DlEvent *
dl_event_panel_get_event (DlEventPanel *self)
{
  g_return_val_if_fail (DL_IS_EVENT_PANEL (self), NULL);
  return self->event;
}

/* The session: the panel shows its dataset and its selected event. */
static void
on_session_selection (DlEventPanel *self)
{
  dl_event_panel_set_event (self, dl_session_get_selected_event (self->session));
}

static void
on_session_dataset (DlEventPanel *self)
{
  dl_event_panel_set_dataset (self, dl_session_get_dataset (self->session));
  on_session_selection (self);
}

void
dl_event_panel_set_session (DlEventPanel *self,
                            DlSession    *session)
{
  g_return_if_fail (DL_IS_EVENT_PANEL (self));

  dl_session_observe (session, &self->session, &self->session_signals,
                      G_CALLBACK (on_session_dataset), G_CALLBACK (on_session_selection), self);
}
