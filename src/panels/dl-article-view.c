/* dl-article-view.c: one article's full text with the passages of events marked
 *
 * The current event's passages are highlighted, the one the reader came for
 * more strongly; passages of other events are underlined, and clicking one
 * (or pressing Enter with the cursor in it) selects that event. Excerpt
 * offsets are Unicode code points, as are GtkTextIter offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-article-view"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dl-article-view.h"
#include "dl-session.h"

/* One event's passage in a source. */
typedef struct {
  DlEvent *event;   /* owned by the dataset */
  guint    excerpt;
  guint    start;
  guint    end;
} Passage;

struct _DlArticleView
{
  GtkWidget          parent_instance;

  GtkWidget         *header;
  GtkLabel          *title_label;
  GtkLabel          *date_label;
  GtkLabel          *legend_label;
  GtkScrolledWindow *scroller;
  GtkTextView       *text_view;
  GtkTextBuffer     *buffer;
  GtkTextTag        *other_tag;
  GtkTextTag        *current_tag;
  GtkTextTag        *focus_tag;
  GtkTextMark       *scroll_mark;

  DlDataset         *dataset;
  GHashTable        *index;      /* DlSource → GArray of Passage, in text order */
  DlSource          *source;
  DlEvent           *event;
  DlEvent           *hovered;
  guint              scroll_idle;
  gboolean           scroll_pending;

  DlSession         *session;
  GSignalGroup      *session_signals;
};

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_EVENT,
  N_PROPS
};

enum {
  SIGNAL_EVENT_ACTIVATED,
  SIGNAL_PASSAGE_CHOSEN,
  SIGNAL_CLAIM_CHOSEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (DlArticleView, dl_article_view, GTK_TYPE_WIDGET)

/* Helpers */

static int
compare_passages (gconstpointer a,
                  gconstpointer b)
{
  const Passage *pa = a;
  const Passage *pb = b;

  if (pa->start != pb->start)
    return pa->start < pb->start ? -1 : 1;
  if (pa->end != pb->end)
    return pa->end < pb->end ? -1 : 1;

  return 0;
}

static void build_index (DlArticleView *self);

/* The index is built when an article is first shown, not when a dataset
 * opens: at a million events it takes a second of the main loop, which
 * most sessions that never open an article would wait for. */
static GArray *
passages_of (DlArticleView *self,
             DlSource      *source)
{
  if (self->dataset == NULL || source == NULL)
    return NULL;
  if (self->index == NULL)
    build_index (self);

  return g_hash_table_lookup (self->index, source);
}

/* The passage of another event at a character offset (the shortest one when
 * several overlap), or NULL; passages of the current event win. */
static const Passage *
other_passage_at (DlArticleView *self,
                  guint          offset)
{
  GArray *passages = passages_of (self, self->source);
  const Passage *best = NULL;

  for (guint i = 0; passages != NULL && i < passages->len; i++)
    {
      const Passage *p = &g_array_index (passages, Passage, i);

      if (p->start > offset)
        break;
      if (offset >= p->end)
        continue;
      if (p->event == self->event)
        return NULL;
      if (best == NULL || p->end - p->start < best->end - best->start)
        best = p;
    }

  return best;
}

static const Passage *
other_passage_at_coords (DlArticleView *self,
                         double         x,
                         double         y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return NULL;

  return other_passage_at (self, gtk_text_iter_get_offset (&iter));
}

static void
apply_tag (DlArticleView *self,
           GtkTextTag    *tag,
           guint          start,
           guint          end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end);
  gtk_text_buffer_apply_tag (self->buffer, tag, &a, &b);
}

static void
update_tag_colors (DlArticleView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA current, focus, focus_line, other_line;

  /* GNOME palette yellows, see-through so the text keeps its contrast. */
  gdk_rgba_parse (&current, dark ? "rgba(229, 165, 10, 0.32)" : "rgba(248, 228, 92, 0.55)");
  gdk_rgba_parse (&focus, dark ? "rgba(229, 165, 10, 0.50)" : "rgba(246, 211, 45, 0.85)");
  gdk_rgba_parse (&focus_line, dark ? "#f6d32d" : "#c64600");
  gdk_rgba_parse (&other_line, dark ? "rgba(153, 193, 241, 0.35)" : "rgba(28, 113, 216, 0.4)");

  g_object_set (self->current_tag, "background-rgba", &current, NULL);
  g_object_set (self->focus_tag,
                "background-rgba", &focus,
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &focus_line,
                NULL);
  g_object_set (self->other_tag,
                "underline", PANGO_UNDERLINE_SINGLE,
                "underline-rgba", &other_line,
                NULL);
}

static void
update_header (DlArticleView *self)
{
  GArray *passages = passages_of (self, self->source);
  guint n_current = 0;
  guint n_other = 0;
  g_autoptr(GString) legend = g_string_new (NULL);
  g_autofree char *accessible = NULL;

  if (self->source == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->date_label, "");
      gtk_label_set_text (self->legend_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->legend_label), FALSE);
      return;
    }

  gtk_label_set_text (self->title_label, dl_source_get_title (self->source));
  if (dl_source_get_published (self->source) != NULL)
    {
      g_autofree char *published = dl_edtf_describe (dl_source_get_published (self->source));
      /* Translators: when an article was published */
      g_autofree char *text = g_strdup_printf (_("Published %s"), published);

      gtk_label_set_text (self->date_label, text);
    }

  for (guint i = 0; passages != NULL && i < passages->len; i++)
    {
      if (g_array_index (passages, Passage, i).event == self->event)
        n_current++;
      else
        n_other++;
    }

  if (n_current > 0)
    g_string_append_printf (legend,
                            /* Translators: %u passages, %s the event's title */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u passage about “%s” highlighted",
                                         "%u passages about “%s” highlighted",
                                         n_current),
                            n_current, dl_event_get_title (self->event));
  if (n_other > 0)
    {
      if (legend->len > 0)
        g_string_append (legend, _(" · "));
      g_string_append (legend, _("underlined passages belong to other events: click one to select it"));
    }
  gtk_label_set_text (self->legend_label, legend->str);
  gtk_widget_set_visible (GTK_WIDGET (self->legend_label), legend->len > 0);

  /* Translators: the accessible name of the article text */
  accessible = g_strdup_printf (_("Article: %s"), dl_source_get_title (self->source));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, legend->str,
                                  -1);
}

static void
scroll_to_target (DlArticleView *self)
{
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.2, TRUE, 0.0, 0.3);
}

/* GtkTextView measures lines in idles after the first frame; until it is
 * done, the lines above the passage have estimated heights and scrolling
 * lands in the wrong place. Scroll once more when the view is idle, after
 * its validation (which runs at a higher priority). */
static gboolean
scroll_idle_cb (gpointer user_data)
{
  DlArticleView *self = DL_ARTICLE_VIEW (user_data);

  self->scroll_idle = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->text_view)))
    {
      /* Not shown yet: try again when it is. */
      return G_SOURCE_REMOVE;
    }

  if (self->scroll_pending)
    {
      self->scroll_pending = FALSE;
      scroll_to_target (self);
    }

  return G_SOURCE_REMOVE;
}

static void
queue_scroll (DlArticleView *self)
{
  scroll_to_target (self);
  self->scroll_pending = TRUE;
  if (self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, self, NULL);
}

static void
on_text_view_map (GtkWidget     *widget G_GNUC_UNUSED,
                  DlArticleView *self)
{
  if (self->scroll_pending && self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (G_PRIORITY_LOW, scroll_idle_cb, self, NULL);
}

static gboolean
activate_at_offset (DlArticleView *self,
                    guint          offset)
{
  const Passage *passage = other_passage_at (self, offset);

  if (passage == NULL)
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, passage->event);
  return TRUE;
}

static gboolean
activate_at_cursor (DlArticleView *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  return activate_at_offset (self, gtk_text_iter_get_offset (&iter));
}

/* Callbacks */

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   DlArticleView   *self)
{
  const Passage *passage;

  /* A drag that selected text is not a click. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (self->buffer))
    return;

  if ((passage = other_passage_at_coords (self, x, y)) != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, passage->event);
    }
}

static void
on_motion (GtkEventControllerMotion *controller G_GNUC_UNUSED,
           double                    x,
           double                    y,
           DlArticleView            *self)
{
  const Passage *passage = other_passage_at_coords (self, x, y);
  DlEvent *hovered = passage != NULL ? passage->event : NULL;

  if (hovered == self->hovered)
    return;

  self->hovered = hovered;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), hovered != NULL ? "pointer" : "text");
}

static void
on_leave (GtkEventControllerMotion *controller G_GNUC_UNUSED,
          DlArticleView            *self)
{
  self->hovered = NULL;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), "text");
}

static gboolean
on_query_tooltip (GtkWidget     *widget G_GNUC_UNUSED,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip,
                  DlArticleView *self)
{
  const Passage *passage;
  g_autofree char *text = NULL;

  if (keyboard)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      passage = other_passage_at (self, gtk_text_iter_get_offset (&iter));
    }
  else
    {
      passage = other_passage_at_coords (self, x, y);
    }

  if (passage == NULL)
    return FALSE;

  /* Translators: the tooltip of a passage that belongs to another event */
  text = g_strdup_printf (_("About “%s”: click to select this event"), dl_event_get_title (passage->event));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller G_GNUC_UNUSED,
                guint                  keyval,
                guint                  keycode G_GNUC_UNUSED,
                GdkModifierType        state,
                DlArticleView         *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    return activate_at_cursor (self);

  return FALSE;
}

/* Where each event's passages are, by source, in text order. */
static void
build_index (DlArticleView *self)
{
  GListModel *events;

  g_clear_pointer (&self->index, g_hash_table_unref);
  self->index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  events = dl_dataset_get_events (self->dataset);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      for (guint j = 0; j < dl_event_get_n_excerpts (event); j++)
        {
          const DlExcerpt *excerpt = dl_event_get_excerpt (event, j);
          Passage passage = { event, j, excerpt->start, excerpt->end };
          GArray *passages = g_hash_table_lookup (self->index, excerpt->source);

          if (passages == NULL)
            {
              passages = g_array_new (FALSE, FALSE, sizeof (Passage));
              g_hash_table_insert (self->index, excerpt->source, passages);
            }
          g_array_append_val (passages, passage);
        }
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, self->index);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_array_sort (value, compare_passages);
  }
}

static void show_passages (DlArticleView *self,
                           DlSource      *source,
                           DlEvent       *event,
                           guint          excerpt_index,
                           gboolean       keep_place);

/* After an edit: the passages are indexed again and shown, the scroll
 * position kept when the text is the same: the user who just added a
 * passage or a claim reads on from there, where going back to the event's
 * first passage lost their place after every edit. */
static void
on_dataset_changed (DlArticleView *self)
{
  g_autoptr(DlSource) source = self->source != NULL ? g_object_ref (self->source) : NULL;
  g_autoptr(DlEvent) event = self->event != NULL ? g_object_ref (self->event) : NULL;

  g_clear_pointer (&self->index, g_hash_table_unref);
  if (event != NULL && dl_dataset_lookup_event (self->dataset, dl_event_get_id (event)) != event)
    g_clear_object (&event);
  if (source != NULL && dl_dataset_lookup_source (self->dataset, dl_source_get_id (source)) != source)
    g_clear_object (&source);
  show_passages (self, source, event, G_MAXUINT, TRUE);
}

/* "New Event from Passage" and "Add Passage to Event": the selection, in
 * code points of the article (the buffer holds its text as it is). */
static void
choose_passage (DlArticleView *self,
                gboolean       new_event)
{
  GtkTextIter start, end;

  if (self->source == NULL || !gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;

  g_signal_emit (self, signals[SIGNAL_PASSAGE_CHOSEN], 0, self->source,
                 (guint) gtk_text_iter_get_offset (&start), (guint) gtk_text_iter_get_offset (&end), new_event);
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *parameter G_GNUC_UNUSED)
{
  choose_passage (DL_ARTICLE_VIEW (widget), TRUE);
}

static void
add_passage_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter G_GNUC_UNUSED)
{
  choose_passage (DL_ARTICLE_VIEW (widget), FALSE);
}

/* Make Claim: the selection (a number, a phrase) is a claim of the passage
 * it lies in; the window asks what it claims. */
static void
make_claim_action (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *parameter G_GNUC_UNUSED)
{
  DlArticleView *self = DL_ARTICLE_VIEW (widget);
  GtkTextIter start, end;

  if (self->source == NULL || !gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    return;
  g_signal_emit (self, signals[SIGNAL_CLAIM_CHOSEN], 0, self->source,
                 (guint) gtk_text_iter_get_offset (&start), (guint) gtk_text_iter_get_offset (&end));
}

static void
update_passage_actions (DlArticleView *self)
{
  gboolean selected = self->source != NULL && gtk_text_buffer_get_has_selection (self->buffer);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.new-event", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.add-passage", selected && self->event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.make-claim", selected && self->event != NULL);
}

static void
activate_passage_action (GtkWidget  *widget,
                         const char *action_name G_GNUC_UNUSED,
                         GVariant   *parameter G_GNUC_UNUSED)
{
  activate_at_cursor (DL_ARTICLE_VIEW (widget));
}

/* GObject */

static void
dl_article_view_dispose (GObject *object)
{
  DlArticleView *self = DL_ARTICLE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->scroll_idle, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  self->hovered = NULL;
  g_clear_object (&self->event);
  g_clear_object (&self->source);
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_object (&self->dataset);
  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (dl_article_view_parent_class)->dispose (object);
}

static void
dl_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DlArticleView *self = DL_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dl_article_view_class_init (DlArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_article_view_dispose;
  object_class->get_property = dl_article_view_get_property;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         DL_TYPE_SOURCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         DL_TYPE_EVENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DL_TYPE_EVENT);

  /* A selection of the article was chosen as a passage: of a new event
   * (new_event) or of the event shown. Offsets in code points, end
   * exclusive; the window makes the edit. */
  signals[SIGNAL_PASSAGE_CHOSEN] =
    g_signal_new ("passage-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, DL_TYPE_SOURCE, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_BOOLEAN);

  signals[SIGNAL_CLAIM_CHOSEN] =
    g_signal_new ("claim-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, DL_TYPE_SOURCE, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "article.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "article.make-claim", NULL, make_claim_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "article.make-claim", NULL);
  gtk_widget_class_install_action (widget_class, "article.add-passage", NULL, add_passage_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "article.new-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "article.add-passage", NULL);

  /* Selects the event whose passage holds the cursor. */
  gtk_widget_class_install_action (widget_class, "article.activate-passage", NULL,
                                   activate_passage_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dl-article-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkLabel *
new_header_label (GtkWidget  *box,
                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);

  return GTK_LABEL (label);
}

static void
dl_article_view_init (DlArticleView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkEventController *controller;
  GtkGesture *click;
  GtkTextIter start;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);

  self->header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->header, "article-header");
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  self->title_label = new_header_label (self->header, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  self->date_label = new_header_label (self->header, "dim-label");
  self->legend_label = new_header_label (self->header, "article-legend");
  gtk_widget_add_css_class (GTK_WIDGET (self->legend_label), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->legend_label), FALSE);

  gtk_widget_insert_before (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), GTK_WIDGET (self), NULL);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_insert_before (GTK_WIDGET (self->scroller), GTK_WIDGET (self), NULL);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_cursor_visible (self->text_view, TRUE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 24);
  gtk_text_view_set_right_margin (self->text_view, 24);
  gtk_text_view_set_top_margin (self->text_view, 18);
  gtk_text_view_set_bottom_margin (self->text_view, 24);
  gtk_text_view_set_pixels_below_lines (self->text_view, 12);
  gtk_text_view_set_pixels_inside_wrap (self->text_view, 4);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "article-text");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->text_view));

  /* Lowest priority first: the focus tag wins over the others. */
  self->other_tag = gtk_text_buffer_create_tag (self->buffer, "other-event", NULL);
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, "current-event", NULL);
  self->focus_tag = gtk_text_buffer_create_tag (self->buffer, "activated-passage", NULL);
  update_tag_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colors), self, G_CONNECT_SWAPPED);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, "scroll-target", &start, TRUE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  /* Editing: the selection becomes a passage, from the text's context menu
   * (Menu or Shift+F10 from the keyboard) or a shortcut. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("New _Event from Passage"), "article.new-event");
    g_menu_append (menu, _("Add _Passage to Event"), "article.add-passage");
    g_menu_append (menu, _("Make _Claim…"), "article.make-claim");
    gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (menu));
  }
  g_signal_connect_swapped (self->buffer, "notify::has-selection", G_CALLBACK (update_passage_actions), self);
  g_signal_connect_swapped (self, "notify::event", G_CALLBACK (update_passage_actions), self);
  update_passage_actions (self);
  g_signal_connect (self->text_view, "map", G_CALLBACK (on_text_view_map), self);
}

/* The session */

/* A newly selected event with a passage in the article shown: its
 * passages are marked and the first one scrolled to. One without stays
 * unmarked here; the window shows its details instead. */
static void
on_session_selection (DlArticleView *self)
{
  DlEvent *event = dl_session_get_selected_event (self->session);

  if (self->source == NULL || event == NULL || event == self->event)
    return;
  for (guint i = 0; i < dl_event_get_n_excerpts (event); i++)
    if (dl_event_get_excerpt (event, i)->source == self->source)
      {
        dl_article_view_show (self, self->source, event, i);
        return;
      }
}

static void
on_session_dataset (DlArticleView *self)
{
  dl_article_view_set_dataset (self, dl_session_get_dataset (self->session));
}

/* Public API */

void
dl_article_view_set_session (DlArticleView *self,
                             DlSession     *session)
{
  g_return_if_fail (DL_IS_ARTICLE_VIEW (self));

  dl_session_observe (session, &self->session, &self->session_signals,
                      G_CALLBACK (on_session_dataset), G_CALLBACK (on_session_selection), self);
}

DlArticleView *
dl_article_view_new (void)
{
  return g_object_new (DL_TYPE_ARTICLE_VIEW, NULL);
}

void
dl_article_view_set_dataset (DlArticleView *self,
                             DlDataset     *dataset)
{
  g_return_if_fail (DL_IS_ARTICLE_VIEW (self));
  g_return_if_fail (dataset == NULL || DL_IS_DATASET (dataset));

  if (self->dataset == dataset)
    return;

  dl_article_view_show (self, NULL, NULL, 0);
  g_clear_pointer (&self->index, g_hash_table_unref);
  if (self->dataset != NULL)
    g_signal_handlers_disconnect_by_data (self->dataset, self);
  g_set_object (&self->dataset, dataset);
  if (dataset == NULL)
    return;

  g_signal_connect_object (dataset, "changed", G_CALLBACK (on_dataset_changed), self, G_CONNECT_SWAPPED);
}

void
dl_article_view_show (DlArticleView *self,
                      DlSource      *source,
                      DlEvent       *event,
                      guint          excerpt_index)
{
  g_return_if_fail (DL_IS_ARTICLE_VIEW (self));
  g_return_if_fail (source == NULL || DL_IS_SOURCE (source));
  g_return_if_fail (event == NULL || DL_IS_EVENT (event));

  show_passages (self, source, event, excerpt_index, FALSE);
}

/* @keep_place: the same text stays where it is scrolled, its cursor where
 * the selection ended; another text is scrolled to the passage all the
 * same. The selection goes either way: it was made a passage or a claim,
 * and a drag starting inside a selection would move its text instead of
 * selecting words of the passage (for a claim of it). */
static void
show_passages (DlArticleView *self,
               DlSource      *source,
               DlEvent       *event,
               guint          excerpt_index,
               gboolean       keep_place)
{
  GArray *passages;
  GtkTextIter start, end;
  gboolean have_target = FALSE;
  gboolean have_first = FALSE;
  guint target = 0;
  gboolean source_changed;
  gboolean event_changed;

  source_changed = g_set_object (&self->source, source);
  event_changed = g_set_object (&self->event, event);
  self->hovered = NULL;

  if (source_changed)
    {
      const DlText *text = source != NULL ? dl_source_get_text (source) : NULL;

      if (text != NULL)
        gtk_text_buffer_set_text (self->buffer, dl_text_get_data (text), dl_text_get_size (text));
      else
        gtk_text_buffer_set_text (self->buffer, "", 0);
    }

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, &end);

  passages = passages_of (self, source);
  for (guint i = 0; passages != NULL && i < passages->len; i++)
    {
      const Passage *p = &g_array_index (passages, Passage, i);

      if (p->event != event)
        {
          apply_tag (self, self->other_tag, p->start, p->end);
          continue;
        }

      apply_tag (self, self->current_tag, p->start, p->end);
      if (p->excerpt == excerpt_index)
        {
          apply_tag (self, self->focus_tag, p->start, p->end);
          target = p->start;
          have_target = TRUE;
        }
      else if (!have_target && !have_first)
        {
          /* Passages are in text order: this is the first one. */
          target = p->start;
          have_first = TRUE;
        }
    }

  update_header (self);

  if (keep_place && !source_changed)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, gtk_text_buffer_get_insert (self->buffer));
      gtk_text_buffer_place_cursor (self->buffer, &start);
    }
  else
    {
      /* Scrolling waits for the layout: the mark is scrolled to once the lines
       * are measured. */
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, target);
      gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &start);
      gtk_text_buffer_place_cursor (self->buffer, &start);
      if (have_target || have_first)
        {
          queue_scroll (self);
        }
      else
        {
          self->scroll_pending = FALSE;
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
        }
    }

  if (source_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  if (event_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

DlSource *
dl_article_view_get_source (DlArticleView *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE_VIEW (self), NULL);
  return self->source;
}

DlEvent *
dl_article_view_get_event (DlArticleView *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE_VIEW (self), NULL);
  return self->event;
}

GArray *
dl_article_view_get_highlights (DlArticleView *self)
{
  GArray *highlights;
  GArray *passages;

  g_return_val_if_fail (DL_IS_ARTICLE_VIEW (self), NULL);

  highlights = g_array_new (FALSE, FALSE, sizeof (guint));
  passages = passages_of (self, self->source);
  for (guint i = 0; self->event != NULL && passages != NULL && i < passages->len; i++)
    {
      const Passage *p = &g_array_index (passages, Passage, i);

      if (p->event != self->event)
        continue;
      g_array_append_val (highlights, p->start);
      g_array_append_val (highlights, p->end);
    }

  return highlights;
}

GtkTextView *
dl_article_view_get_text_view (DlArticleView *self)
{
  g_return_val_if_fail (DL_IS_ARTICLE_VIEW (self), NULL);
  return self->text_view;
}
