/* dl-describe.c: every sentence Dateline writes about an event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-describe"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-describe.h"

#define FSI "\xE2\x81\xA8"  /* U+2068 FIRST STRONG ISOLATE */
#define PDI "\xE2\x81\xA9"  /* U+2069 POP DIRECTIONAL ISOLATE */

char *
dl_describe_isolate (const char *text)
{
  return g_strconcat (FSI, text != NULL ? text : "", PDI, NULL);
}

static char *
capitalize (const char *text)
{
  g_autofree char *first = NULL;

  if (text == NULL || *text == '\0')
    return g_strdup (text);

  first = g_utf8_strup (text, g_utf8_next_char (text) - text);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

char *
dl_describe_when (DlEvent *event)
{
  const DlEdtf *when;
  DlEdtf plain;
  g_autofree char *date = NULL;
  const char *note = NULL;

  g_return_val_if_fail (DL_IS_EVENT (event), NULL);

  /* An imported event may have no date: it is on the map only. */
  if (dl_event_get_when_text (event) == NULL)
    return g_strdup (_("No date"));

  when = dl_event_get_when (event);
  plain = *when;
  plain.flags &= ~(DL_EDTF_UNCERTAIN | DL_EDTF_APPROXIMATE);
  date = dl_edtf_describe (&plain);

  if ((when->flags & DL_EDTF_UNCERTAIN) && (when->flags & DL_EDTF_APPROXIMATE))
    note = _("uncertain, approximate");
  else if (when->flags & DL_EDTF_UNCERTAIN)
    note = _("uncertain");
  else if (when->flags & DL_EDTF_APPROXIMATE)
    note = _("approximate");

  if (note == NULL)
    return g_steal_pointer (&date);

  /* Translators: a date and how sure it is: "Tuesday 20 August 2024, uncertain" */
  return g_strdup_printf (_("%s, %s"), date, note);
}

char *
dl_describe_when_precision (DlEvent *event)
{
  const DlEdtf *when;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  g_return_val_if_fail (DL_IS_EVENT (event), NULL);
  when = dl_event_get_when (event);

  if (dl_event_get_when_text (event) == NULL)
    return g_strdup (_("Shown on the map only"));

  if (when->flags & DL_EDTF_INTERVAL)
    g_ptr_array_add (parts, (gpointer) _("a span of time"));

  switch (when->precision)
    {
    case DL_EDTF_PRECISION_YEAR:
      g_ptr_array_add (parts, (gpointer) _("to the year"));
      break;
    case DL_EDTF_PRECISION_SEASON:
      g_ptr_array_add (parts, (gpointer) _("to the season"));
      break;
    case DL_EDTF_PRECISION_MONTH:
      g_ptr_array_add (parts, (gpointer) _("to the month"));
      break;
    case DL_EDTF_PRECISION_DAY:
      g_ptr_array_add (parts, (gpointer) _("to the day"));
      break;
    case DL_EDTF_PRECISION_SECOND:
    default:
      g_ptr_array_add (parts, (gpointer) _("to the time of day"));
      break;
    }

  if (when->flags & DL_EDTF_UNCERTAIN)
    g_ptr_array_add (parts, (gpointer) _("uncertain"));
  if (when->flags & DL_EDTF_APPROXIMATE)
    g_ptr_array_add (parts, (gpointer) _("approximate"));
  if (when->flags & DL_EDTF_OPEN_START)
    g_ptr_array_add (parts, (gpointer) _("no known start"));
  if (when->flags & DL_EDTF_OPEN_END)
    g_ptr_array_add (parts, (gpointer) _("no known end"));
  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a date's precision: "to the day · uncertain" */
  joined = g_strjoinv (_(" · "), (char **) parts->pdata);
  return capitalize (joined);
}

char *
dl_describe_when_basis (DlDataset        *dataset,
                        DlEvent          *event,
                        DlDescribeFormat  format)
{
  const char *basis;
  g_autofree char *rendered = NULL;
  g_autofree char *isolated = NULL;

  g_return_val_if_fail (DL_IS_EVENT (event), NULL);

  basis = dl_event_get_when_basis (event);
  if (basis == NULL || *basis == '\0')
    return NULL;

  rendered = dl_describe_citations (dataset, basis, format);
  isolated = dl_describe_isolate (rendered);
  /* Translators: how a date was derived; %s is the dataset's own words */
  return g_strdup_printf (_("Dated from: %s"), isolated);
}

char *
dl_describe_precision_m (double metres)
{
  if (metres <= 0)
    return g_strdup (_("exact position"));
  if (metres < 1000)
    return g_strdup_printf (_("within about %.0f m"), metres);
  if (metres < 10000 && fmod (metres, 1000) != 0)
    return g_strdup_printf (_("within about %.1f km"), metres / 1000.0);

  return g_strdup_printf (_("within about %.0f km"), metres / 1000.0);
}

char *
dl_describe_place_name (DlEvent    *event,
                        guint       index,
                        const char *language)
{
  DlPlace *place;
  const char *name;

  g_return_val_if_fail (DL_IS_EVENT (event), NULL);
  g_return_val_if_fail (index < dl_event_get_n_places (event), NULL);

  place = dl_event_get_place (event, index);
  name = language != NULL ? dl_place_get_name_for (place, language) : dl_place_get_name (place);

  if (dl_event_get_place_role (event) == DL_PLACE_ROLE_CONCERNS)
    {
      g_autofree char *isolated = dl_describe_isolate (name);

      /* Translators: a statement mapped to the place it is about, not where
       * it was made: "About: Gaza Strip" */
      return g_strdup_printf (_("About: %s"), isolated);
    }

  return g_strdup (name);
}

char *
dl_describe_places (DlEvent    *event,
                    const char *language)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (DL_IS_EVENT (event), NULL);

  for (guint i = 0; i < dl_event_get_n_places (event); i++)
    {
      g_autofree char *name = dl_describe_place_name (event, i, language);
      g_autofree char *within = dl_describe_precision_m (dl_place_get_precision_m (dl_event_get_place (event, i)));
      g_autofree char *isolated = dl_describe_isolate (name);

      if (out->len > 0)
        g_string_append (out, "; ");
      /* Translators: a place and its precision, "Gaza City · within about 300 m" */
      g_string_append_printf (out, _("%s · %s"), isolated, within);
    }

  return g_string_free (out, FALSE);
}

char *
dl_describe_claim_value (const DlClaim *claim)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (claim != NULL, NULL);

  if (claim->qualifier != NULL)
    g_string_append_printf (text, "%s ", claim->qualifier);
  if (claim->has_range)
    {
      g_autofree char *low = g_strdup_printf ("%.15g", claim->low);
      g_autofree char *high = g_strdup_printf ("%.15g", claim->high);

      /* Translators: an estimate with its range: best (low–high) */
      g_string_append_printf (text, _("%s (%s–%s)"), claim->value_text, low, high);
    }
  else
    g_string_append (text, claim->value_text);
  if (claim->unit != NULL)
    g_string_append_printf (text, " %s", claim->unit);

  return g_string_free (text, FALSE);
}

static void
append_source (GString          *out,
               DlSource         *source,
               DlDescribeFormat  format)
{
  if (format == DL_DESCRIBE_MARKUP)
    {
      g_autofree char *id = g_markup_escape_text (dl_source_get_id (source), -1);
      g_autofree char *title = g_markup_escape_text (dl_source_get_title (source), -1);
      g_autofree char *name = g_markup_escape_text (dl_source_get_short_name (source), -1);

      g_string_append_printf (out, "<a href=\"source:%s\" title=\"%s\">%s</a>", id, title, name);
    }
  else
    g_string_append (out, dl_source_get_short_name (source));
}

char *
dl_describe_sources (GPtrArray        *sources,
                     DlDescribeFormat  format)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      if (i > 0)
        /* Translators: separates the short names of sources: "AP, 20 Aug; Reuters, 20 Aug" */
        g_string_append (out, _("; "));
      append_source (out, g_ptr_array_index (sources, i), format);
    }

  return g_string_free (out, FALSE);
}

char *
dl_describe_disagreement (DlDataset        *dataset,
                          const char       *topic,
                          DlDescribeFormat  format)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) values = g_string_new (NULL);

  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);

  rows = dl_claims_dup_rows (dataset, topic);
  if (rows == NULL || rows->len < 2)
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      DlClaimRow *row = g_ptr_array_index (rows, i);
      g_autofree char *value = dl_describe_claim_value (row->claim);
      g_autofree char *escaped = format == DL_DESCRIBE_MARKUP ? g_markup_escape_text (value, -1)
                                                              : g_strdup (value);
      g_autofree char *sources = dl_describe_sources (row->sources, format);
      g_autofree char *isolated = dl_describe_isolate (escaped);

      if (i > 0)
        /* Translators: separates the different values sources give */
        g_string_append (values, _(" / "));
      /* Translators: a value and the sources that give it: "at least 12 people (AP, 20 Aug)" */
      g_string_append_printf (values, _("%s (%s)"), isolated, sources);
    }

  /* Translators: %s lists the values, "at least 10 / at least 12" */
  return g_strdup_printf (_("Sources disagree: %s"), values->str);
}

/* "[a000, a001]" at p: the sources, or NULL when it is not a citation of
 * known sources; *end is set after the "]". */
static GPtrArray *
parse_citation (DlDataset   *dataset,
                const char  *p,
                const char **end)
{
  const char *close = strchr (p + 1, ']');
  g_autofree char *inner = NULL;
  g_auto(GStrv) ids = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  if (close == NULL || close == p + 1 || dataset == NULL)
    return NULL;

  inner = g_strndup (p + 1, close - p - 1);
  if (strchr (inner, '[') != NULL)
    return NULL;

  ids = g_strsplit (inner, ",", -1);
  sources = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    {
      DlSource *source = dl_dataset_lookup_source (dataset, g_strstrip (ids[i]));

      if (source == NULL)
        return NULL;
      g_ptr_array_add (sources, source);
    }

  *end = close + 1;
  return g_steal_pointer (&sources);
}

char *
dl_describe_citations (DlDataset        *dataset,
                       const char       *text,
                       DlDescribeFormat  format)
{
  GString *out;
  const char *p;
  const char *plain;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  p = plain = text;
  while ((p = strchr (p, '[')) != NULL)
    {
      const char *end = NULL;
      g_autoptr(GPtrArray) sources = parse_citation (dataset, p, &end);

      if (sources == NULL)
        {
          p++;
          continue;
        }

      if (format == DL_DESCRIBE_MARKUP)
        {
          g_autofree char *escaped = g_markup_escape_text (plain, p - plain);

          g_string_append (out, escaped);
        }
      else
        g_string_append_len (out, plain, p - plain);

      {
        g_autofree char *names = dl_describe_sources (sources, format);

        g_string_append (out, names);
      }
      p = plain = end;
    }

  if (format == DL_DESCRIBE_MARKUP)
    {
      g_autofree char *escaped = g_markup_escape_text (plain, -1);

      g_string_append (out, escaped);
    }
  else
    g_string_append (out, plain);

  return g_string_free (out, FALSE);
}
