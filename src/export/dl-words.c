/* dl-words.c: the few sentences the presentation and the exports write
 * about an event, with no internal id in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-words"

#include <glib/gi18n.h>
#include <string.h>

#include "dl-describe.h"
#include "dl-words.h"

char *
dl_words_source_name (DlDataset *dataset,
                      DlSource  *source)
{
  GListModel *sources = dl_dataset_get_sources (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) other = g_list_model_get_item (sources, i);

      if (other == source)
        /* Translators: how a source is named in a caption, by its number on the sources page */
        return g_strdup_printf (_("article %u"), i + 1);
    }

  return g_strdup (dl_source_get_title (source));
}

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isalnum (c) || c == '_' || c == '-';
}

/* The dataset's sources as dl_words_cite() looks for them, read once. */
struct _DlWordsCiter
{
  DlDataset *dataset;
  guint      n_sources;
  char     **ids;
  gsize     *lengths;
  char     **names;      /* dl_words_source_name() of each */
  gboolean   first[256]; /* whether some id starts with this byte */
};

DlWordsCiter *
dl_words_citer_new (DlDataset *dataset)
{
  GListModel *sources = dl_dataset_get_sources (dataset);
  DlWordsCiter *self = g_new0 (DlWordsCiter, 1);

  self->dataset = g_object_ref (dataset);
  self->n_sources = g_list_model_get_n_items (sources);
  self->ids = g_new0 (char *, self->n_sources + 1);
  self->lengths = g_new0 (gsize, self->n_sources);
  self->names = g_new0 (char *, self->n_sources + 1);
  for (guint i = 0; i < self->n_sources; i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);

      self->ids[i] = g_strdup (dl_source_get_id (source));
      self->lengths[i] = strlen (self->ids[i]);
      self->names[i] = dl_words_source_name (dataset, source);
      self->first[(guchar) self->ids[i][0]] = self->lengths[i] > 0;
    }

  return self;
}

void
dl_words_citer_free (DlWordsCiter *self)
{
  g_object_unref (self->dataset);
  g_strfreev (self->ids);
  g_free (self->lengths);
  g_strfreev (self->names);
  g_free (self);
}

char *
dl_words_citer_cite (DlWordsCiter *self,
                     const char   *text)
{
  g_autofree char *cited = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;

  /* Citations, "[a000]", become the sources' short names (dl-describe.h);
   * what is left are bare ids of older files. */
  cited = dl_describe_citations (self->dataset, text, DL_DESCRIBE_PLAIN);
  text = cited;
  out = g_string_new (NULL);
  p = text;
  while (*p != '\0')
    {
      gboolean replaced = FALSE;

      /* A source id only counts as a whole word. */
      if (self->first[(guchar) *p] && (p == text || !is_word_char (g_utf8_prev_char (p))))
        for (guint i = 0; i < self->n_sources && !replaced; i++)
          {
            gsize len = self->lengths[i];

            if (len > 0 && strncmp (p, self->ids[i], len) == 0 && (p[len] == '\0' || !is_word_char (p + len)))
              {
                g_string_append (out, self->names[i]);
                p += len;
                replaced = TRUE;
              }
          }
      if (!replaced)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (out, FALSE);
}

char *
dl_words_cite (DlDataset  *dataset,
               const char *text)
{
  DlWordsCiter *citer;
  char *cited;

  if (text == NULL)
    return NULL;

  citer = dl_words_citer_new (dataset);
  cited = dl_words_citer_cite (citer, text);
  dl_words_citer_free (citer);

  return cited;
}

char *
dl_words_places (DlEvent *event)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < dl_event_get_n_places (event); p++)
    {
      if (p > 0)
        g_string_append (out, " · ");
      g_string_append (out, dl_place_get_name (dl_event_get_place (event, p)));
    }

  return g_string_free (out, FALSE);
}
