/* dl-dataset-excerpts.c: article files, and finding each excerpt in them
 *
 * Its own file because it is where a dataset touches the disk beyond its
 * own file, and where quotes are checked: an article must lie inside the
 * dataset's folder (no "..", symlinks resolved), is read once and shared by
 * real path, and counts against DL_ARTICLES_MAX_TOTAL; an excerpt's quote
 * must be found in its article, and wins over its offsets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "dl-dataset-load-private.h"
#include "dl-dataset-private.h"

guint64 dl_articles_max_total = DL_ARTICLES_MAX_TOTAL;

/* Reads an article named relative to the dataset, refusing anything that
 * leaves the dataset's folder. */
DlText *
dl_loader_read_article (Loader     *loader,
                        const char *relative,
                        const char *path)
{
  g_autofree char *shown = dl_json_shorten (relative, 100);
  g_auto(GStrv) parts = NULL;
  g_autofree char *forward = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real = NULL;
  g_autofree char *inside = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  DlText *text;
  char *contents = NULL;
  gsize len = 0;
  gsize bad = 0;

  if (g_path_is_absolute (relative) || relative[0] == '\\' || strchr (relative, ':') != NULL)
    {
      dl_problems_error (loader->problems, path,
                         _("“%s” is an absolute path; article paths must be relative to the dataset's folder"),
                         shown);
      return NULL;
    }

  parts = g_strsplit_set (relative, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      {
        dl_problems_error (loader->problems, path,
                           _("“%s” uses “..”; article paths must stay inside the dataset's folder"),
                           shown);
        return NULL;
      }

  /* A dataset being edited: its articles are in memory. */
  if (loader->given != NULL)
    {
      forward = g_strdelimit (g_strdup (relative), "\\", '/');
      if ((text = g_hash_table_lookup (loader->given, forward)) != NULL)
        return dl_text_ref (text);
      dl_problems_error (loader->problems, path, _("cannot read “%s”: %s"), shown, g_strerror (ENOENT));
      return NULL;
    }

  if (loader->base_dir == NULL)
    {
      dl_problems_error (loader->problems, path, _("cannot read “%s”: the dataset has no folder"), shown);
      return NULL;
    }

  /* "\\" separates folders as "/" does (as the format says), on any system. */
  forward = g_strdelimit (g_strdup (relative), "\\", '/');
  joined = g_build_filename (loader->base_dir, forward, NULL);
  real = realpath (joined, NULL);
  if (real == NULL)
    {
      int saved_errno = errno;

      dl_problems_error (loader->problems, path, _("cannot read “%s”: %s"), shown,
                         g_strerror (saved_errno));
      return NULL;
    }

  /* A dataset stored in "/" has everything inside its folder. */
  inside = g_str_has_suffix (loader->base_dir, G_DIR_SEPARATOR_S)
           ? g_strdup (loader->base_dir) : g_strconcat (loader->base_dir, G_DIR_SEPARATOR_S, NULL);
  if (!g_str_has_prefix (real, inside))
    {
      dl_problems_error (loader->problems, path,
                         _("“%s” leads outside the dataset's folder (through a symbolic link)"),
                         shown);
      return NULL;
    }

  if (g_stat (real, &st) != 0 || !S_ISREG (st.st_mode))
    {
      dl_problems_error (loader->problems, path, _("“%s” is not a regular file"), shown);
      return NULL;
    }

  if (st.st_size > DL_ARTICLE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);
      g_autofree char *max = g_format_size (DL_ARTICLE_MAX_SIZE);

      dl_problems_error (loader->problems, path, _("“%s” is too large (%s; at most %s)"),
                         shown, size, max);
      return NULL;
    }

  /* Sources often share an article: read each file once. */
  if ((text = g_hash_table_lookup (loader->articles, real)) != NULL)
    return dl_text_ref (text);

  if (loader->article_bytes + (guint64) st.st_size > dl_articles_max_total)
    {
      g_autofree char *max = g_format_size (dl_articles_max_total);

      dl_problems_error (loader->problems, path,
                         _("cannot read “%s”: the dataset's articles together would exceed %s, "
                           "the most Dateline holds in memory for one dataset"),
                         shown, max);
      return NULL;
    }

  if (!g_file_get_contents (real, &contents, &len, &error))
    {
      dl_problems_error (loader->problems, path, _("cannot read “%s”: %s"), shown, error->message);
      return NULL;
    }

  if (!dl_utf8_check (contents, len, &bad))
    {
      g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, bad);

      if (contents[bad] == '\0')
        dl_problems_error (loader->problems, path,
                           _("“%s” contains a NUL byte at offset %s: an article must be plain UTF-8 text"),
                           shown, offset);
      else
        dl_problems_error (loader->problems, path,
                           _("“%s” is not valid UTF-8: bad byte at offset %s"), shown, offset);
      g_free (contents);
      return NULL;
    }

  loader->article_bytes += len;
  text = dl_text_new (contents, len);
  g_hash_table_insert (loader->articles, g_steal_pointer (&real), dl_text_ref (text));

  return text;
}

/* Finds the excerpt in its article; the quote wins over the offsets. */
static gboolean
verify_excerpt (Loader     *loader,
                DlExcerpt  *excerpt,
                gboolean    has_start,
                guint       start,
                gboolean    has_end,
                guint       end,
                const char *path)
{
  const DlText *text = excerpt->source->text;
  g_autofree char *exact_path = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *source_file = NULL;
  DlAnchor anchor;

  anchor = dl_text_anchor (text, excerpt->exact, excerpt->prefix, excerpt->suffix, has_start, start);

  /* What messages name, made only when there is one to give. */
  if (anchor.status != DL_ANCHOR_OK && anchor.status != DL_ANCHOR_OFFSETS_DISAGREE)
    {
      exact_path = dl_loader_join_path (path, "exact");
      quote = dl_json_shorten (excerpt->exact, 60);
      source_id = dl_json_shorten (excerpt->source->id, 60);
      source_file = dl_json_shorten (excerpt->source->file, 100);
    }

  switch (anchor.status)
    {
    case DL_ANCHOR_NOT_FOUND:
      dl_problems_error (loader->problems, exact_path, _("the quote “%s” does not occur in %s (%s)"),
                         quote, source_id, source_file);
      return FALSE;

    case DL_ANCHOR_AMBIGUOUS:
      if (anchor.n_occurrences > DL_ANCHOR_MAX_OCCURRENCES)
        dl_problems_warning (loader->problems, exact_path,
                             _("the quote occurs more than %u times in %s; add prefix/suffix or "
                               "start/end to choose one (using the first)"),
                             DL_ANCHOR_MAX_OCCURRENCES, source_id);
      else
        dl_problems_warning (loader->problems, exact_path,
                             _("the quote occurs %u times in %s; add prefix/suffix or start/end to "
                               "choose one (using the first)"),
                             anchor.n_occurrences, source_id);
      break;

    case DL_ANCHOR_CONTEXT_MISMATCH:
      if (anchor.n_occurrences > DL_ANCHOR_MAX_OCCURRENCES)
        dl_problems_warning (loader->problems, path,
                             _("prefix/suffix match none of the quote's more than %u occurrences in %s "
                               "(using the one at %u)"),
                             DL_ANCHOR_MAX_OCCURRENCES, source_id, anchor.start);
      else
        dl_problems_warning (loader->problems, path,
                             _("prefix/suffix match none of the quote's %u occurrences in %s "
                               "(using the one at %u)"),
                             anchor.n_occurrences, source_id, anchor.start);
      break;

    case DL_ANCHOR_OFFSETS_DISAGREE:
    case DL_ANCHOR_OK:
    default:
      break;
    }

  if (has_start && has_end && (anchor.start != start || anchor.end != end))
    {
      g_autofree char *start_path = dl_loader_join_path (path, "start");

      dl_problems_warning (loader->problems, start_path,
                           _("start/end %u–%u disagree with where the quote is (%u–%u); "
                             "using the quote's position"),
                           start, end, anchor.start, anchor.end);
    }
  else if (has_start && !has_end && anchor.start != start)
    {
      g_autofree char *start_path = dl_loader_join_path (path, "start");

      dl_problems_warning (loader->problems, start_path,
                           _("start %u disagrees with where the quote starts (%u); using the quote's position"),
                           start, anchor.start);
    }
  else if (!has_start && has_end && anchor.end != end)
    {
      g_autofree char *end_path = dl_loader_join_path (path, "end");

      dl_problems_warning (loader->problems, end_path,
                           _("end %u disagrees with where the quote ends (%u); using the quote's position"),
                           end, anchor.end);
    }

  excerpt->start = anchor.start;
  excerpt->end = anchor.end;

  return TRUE;
}

void
dl_loader_load_excerpts (Loader     *loader,
                         DlEvent    *event,
                         const DlJsonValue *object,
                         const char *event_path)
{
  static const char * const known[] = { "source", "exact", "prefix", "suffix", "start", "end", NULL };
  g_autofree char *excerpts_path = dl_loader_join_path (event_path, "excerpts");
  const DlJsonValue *array = dl_loader_get_array (loader, object, event_path, "excerpts", FALSE);

  if (array == NULL)
    {
      if (dl_json_object_get (object, "excerpts") == NULL)
        dl_problems_warning (loader->problems, event_path,
                             _("the event has no excerpts: no passage supports it"));
      return;
    }

  for (guint i = 0; i < array->length; i++)
    {
      g_autofree char *path = dl_loader_index_path (excerpts_path, i);
      DlExcerpt excerpt = { NULL, NULL, NULL, NULL, 0, 0 };
      const DlJsonValue *element;
      const char *source_id;
      const char *exact;
      gboolean has_start;
      gboolean has_end;
      guint start = 0;
      guint end = 0;
      gboolean ok = TRUE;

      if (g_cancellable_is_cancelled (loader->cancellable))
        return;
      /* Keep indices stable for claims: a bad excerpt still takes its slot. */
      if ((element = dl_loader_element_object (loader, &array->elements[i], path)) == NULL)
        {
          g_array_append_val (event->excerpt_array, excerpt);
          continue;
        }
      dl_loader_check_members (loader, element, path, known);

      source_id = dl_loader_get_string (loader, element, path, "source", TRUE);
      exact = dl_loader_get_string (loader, element, path, "exact", TRUE);
      has_start = dl_loader_get_uint (loader, element, path, "start", &start);
      has_end = dl_loader_get_uint (loader, element, path, "end", &end);

      if (has_start && has_end && end <= start)
        {
          g_autofree char *end_path = dl_loader_join_path (path, "end");

          dl_problems_error (loader->problems, end_path, _("end (%u) must be greater than start (%u)"),
                             end, start);
          ok = FALSE;
        }

      if (source_id != NULL)
        {
          excerpt.source = g_hash_table_lookup (loader->dataset->source_index, source_id);
          if (excerpt.source == NULL)
            {
              g_autofree char *shown = dl_json_shorten (source_id, 60);

              g_autofree char *source_path = dl_loader_join_path (path, "source");

              dl_problems_error (loader->problems, source_path, _("no source has the id “%s”"), shown);
              ok = FALSE;
            }
        }

      /* Into the event's arena (dl-strings.h); a passage is often quoted
       * by several events, so each distinct text once. */
      excerpt.exact = (char *) dl_strings_intern (loader->strings, exact);
      excerpt.prefix = (char *) dl_strings_intern (loader->strings,
                                                   dl_loader_get_string (loader, element, path, "prefix", FALSE));
      excerpt.suffix = (char *) dl_strings_intern (loader->strings,
                                                   dl_loader_get_string (loader, element, path, "suffix", FALSE));

      /* A source whose article could not be read has been reported already. */
      if (ok && exact != NULL && excerpt.source != NULL && excerpt.source->text != NULL)
        ok = verify_excerpt (loader, &excerpt, has_start, start, has_end, end, path);
      else
        ok = FALSE;

      if (!ok)
        excerpt.source = NULL;

      g_array_append_val (event->excerpt_array, excerpt);
    }
}
