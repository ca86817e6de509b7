/* dl-import-places.c: places named without coordinates, found in the
 * offline gazetteer
 *
 * A CSV row that names its place (ACLED's location, admin1 and country;
 * UCDP's where_coordinates, adm_1 and country; another table's place
 * column) but gives no coordinates, and a StoryMapJS slide without a
 * location whose headline names a place, are placed where the offline
 * gazetteer (dl-gazetteer.c, the one the editor's place search uses) puts
 * that name. Its own file: the lookup and what it promises are the same
 * for every format.
 *
 * Honest precision: the gazetteer's extent of the place found (a town's
 * few kilometres, a region's or a country's hundreds), never finer, and
 * the place's note says where it came from. The most precise name the
 * gazetteer knows is taken: a town, else its region, else its country
 * (with a warning that the town was not found). A name several places
 * share is read within the row's country when one is given, the most
 * populous taken, with a warning. A row no name of which is known stays
 * on the timeline only, with a warning naming its line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-import"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-gazetteer.h"
#include "dl-import-private.h"
#include "dl-suggest.h"

/* Search results read for one name: enough to find one in the row's
 * country among the places that share it. */
#define MAX_MATCHES 40

DlGazetteer *
dl_importer_get_gazetteer (DlImporter *importer)
{
  g_autoptr(GError) error = NULL;

  if (importer->gazetteer != NULL || importer->gazetteer_failed)
    return importer->gazetteer;
  importer->gazetteer = dl_gazetteer_open_default (&error);
  if (importer->gazetteer == NULL)
    {
      importer->gazetteer_failed = TRUE;
      dl_problems_warning (importer->problems, "$",
                           _("the offline gazetteer cannot be read (%s): places named without coordinates are "
                             "left out"), error->message);
    }
  return importer->gazetteer;
}

/* The name without a last word that says what the place is, or NULL. */
static char *
without_descriptor (const char *name)
{
  static const char * const descriptors[] = { "town", "city", "village", "camp", "district", "governorate",
                                              "province", "region", "area", NULL };
  const char *space = strrchr (name, ' ');

  if (space == NULL || space == name)
    return NULL;
  for (guint i = 0; descriptors[i] != NULL; i++)
    if (g_ascii_strcasecmp (space + 1, descriptors[i]) == 0)
      return g_strstrip (g_strndup (name, space - name));
  return NULL;
}

static gboolean
empty (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Whether the match lies in @country (folded), by its context ("Gaza,
 * State of Palestine") or, for a country, its own name. */
static gboolean
in_country (const DlGazetteerMatch *match,
            const char             *country)
{
  g_autofree char *context = NULL;
  g_autofree char *name = NULL;

  if (country == NULL)
    return TRUE;
  if (match->kind == DL_GAZETTEER_KIND_COUNTRY)
    {
      /* "Palestine" is "State of Palestine". */
      name = dl_gazetteer_fold (match->name_en != NULL ? match->name_en : match->name);
      return strstr (name, country) != NULL || strstr (country, name) != NULL;
    }
  context = match->context != NULL ? dl_gazetteer_fold (match->context) : NULL;
  return context != NULL && strstr (context, country) != NULL;
}

static DlPlace *
add_found_place (DlImporter             *importer,
                 const char             *written,
                 const DlGazetteerMatch *match,
                 double                  precision_m)
{
  DlPlace *place = dl_importer_point_place (importer, written, match->position.lon, match->position.lat,
                                            precision_m, dl_gazetteer_match_get_place_kind (match));

  if (place->note == NULL)
    {
      const char *found = match->name_en != NULL ? match->name_en : match->name;

      if (match->context != NULL)
        /* Translators: a place's note; the first %s is the place found, the second its region and country */
        place->note = g_strdup_printf (_("Placed by name: the file gives no coordinates; the offline gazetteer "
                                         "puts %s (%s) here"), found, match->context);
      else
        place->note = g_strdup_printf (_("Placed by name: the file gives no coordinates; the offline gazetteer "
                                         "puts %s here"), found);
    }
  importer->n_placed_by_name++;
  return place;
}

gboolean
dl_importer_place_by_name (DlImporter         *importer,
                           DlEvent            *event,
                           const char * const *names,
                           const char * const *paths,
                           const char         *country,
                           double              at_least_m)
{
  DlGazetteer *gazetteer;
  g_autofree char *folded_country = NULL;
  const char *first = NULL;
  const char *first_path = NULL;

  for (guint i = 0; names[i] != (const char *) 1; i++)
    if (!empty (names[i]) && first == NULL)
      {
        first = names[i];
        first_path = paths[i];
      }
  if (first == NULL || (gazetteer = dl_importer_get_gazetteer (importer)) == NULL)
    return FALSE;
  if (!empty (country))
    folded_country = dl_gazetteer_fold (country);

  for (guint i = 0; names[i] != (const char *) 1; i++)
    {
      g_autoptr(GPtrArray) matches = NULL;
      g_autoptr(GPtrArray) here = g_ptr_array_new ();
      g_autofree char *bare = NULL;
      const DlGazetteerMatch *match;
      gboolean is_country;
      DlPlace *place;

      if (empty (names[i]))
        continue;
      is_country = g_strcmp0 (names[i], country) == 0;
      /* A country by a word of its name too: "Palestine" is "State of
       * Palestine" (in_country() checks the name holds it). */
      matches = dl_gazetteer_search (gazetteer, names[i], NULL,
                                     is_country ? DL_GAZETTEER_SEARCH_PREFIX : DL_GAZETTEER_SEARCH_EXACT,
                                     MAX_MATCHES);
      for (guint k = 0; k < matches->len; k++)
        {
          const DlGazetteerMatch *m = g_ptr_array_index (matches, k);

          /* The country column names a country, not a town of that name
           * (Palestine, Texas). */
          if (is_country ? m->kind == DL_GAZETTEER_KIND_COUNTRY && in_country (m, folded_country)
                         : in_country (m, folded_country))
            g_ptr_array_add (here, (gpointer) m);
        }
      /* "Rafah town", "Jabalia camp": UCDP and others add what a place
       * is; the gazetteer has the name alone. */
      if (here->len == 0 && !is_country && (bare = without_descriptor (names[i])) != NULL)
        {
          g_ptr_array_unref (matches);
          matches = dl_gazetteer_search (gazetteer, bare, NULL, DL_GAZETTEER_SEARCH_EXACT, MAX_MATCHES);
          for (guint k = 0; k < matches->len; k++)
            if (in_country (g_ptr_array_index (matches, k), folded_country))
              g_ptr_array_add (here, g_ptr_array_index (matches, k));
        }
      if (here->len == 0)
        continue;

      /* The gazetteer gives whole-name matches by population; a region's
       * column names the region, not its seat ("Hebron"). */
      match = g_ptr_array_index (here, 0);
      for (guint k = 0; i > 0 && !is_country && k < here->len; k++)
        if (((DlGazetteerMatch *) g_ptr_array_index (here, k))->kind == DL_GAZETTEER_KIND_REGION)
          {
            match = g_ptr_array_index (here, k);
            break;
          }
      place = add_found_place (importer, names[i], match, MAX (match->precision_m, at_least_m));
      g_ptr_array_add (event->places, g_object_ref (place));

      if (names[i] != first)
        {
          g_autofree char *km = g_strdup_printf ("%.0f", MAX (match->precision_m, at_least_m) / 1000.0);

          /* Translators: the first %s is a place's name, the second a larger place's, the third kilometres */
          dl_problems_warning (importer->problems, first_path,
                               _("“%s” is not in the offline gazetteer: placed in “%s” instead (within %s km)"),
                               first, names[i], km);
        }
      else if (here->len > 1)
        {
          const DlGazetteerMatch *other = g_ptr_array_index (here, 1);

          /* Two entries of one place (a town and its region's seat) are
           * not a choice. */
          if (dl_geo_distance_m (match->position, other->position) > match->precision_m + other->precision_m)
            dl_problems_warning (importer->problems, paths[i],
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” names %u place in the offline gazetteer: the most populous, "
                                              "in %s, is taken",
                                              "“%s” names %u places in the offline gazetteer: the most populous, "
                                              "in %s, is taken", here->len),
                                 names[i], here->len, match->context != NULL ? match->context : match->name);
        }
      return TRUE;
    }

  dl_problems_warning (importer->problems, first_path,
                       _("“%s” is not in the offline gazetteer and the row gives no coordinates: the event is on "
                         "the timeline only"), first);
  return FALSE;
}

gboolean
dl_importer_place_from_text (DlImporter *importer,
                             DlEvent    *event,
                             const char *text,
                             const char *path,
                             gboolean    warn_unplaced)
{
  g_autoptr(DlSuggestion) found = NULL;
  DlGazetteer *gazetteer;
  DlGazetteerMatch match = { 0 };
  DlPlace *place;

  if (empty (text) || (gazetteer = dl_importer_get_gazetteer (importer)) == NULL)
    return FALSE;
  /* Read as an article's sentence is: its capitalized names, whole. */
  if ((found = dl_suggest_place (text, gazetteer, NULL)) == NULL)
    {
      if (warn_unplaced)
        dl_problems_warning (importer->problems, path,
                           _("the slide has no location, and its headline names no place the offline gazetteer "
                             "knows: it is on the timeline only"));
      return FALSE;
    }
  match.name = found->place_name;
  match.name_en = found->place_name;
  match.position = found->position;
  match.kind = DL_GAZETTEER_KIND_CITY;
  place = add_found_place (importer, found->place_text, &match, found->precision_m);
  g_ptr_array_add (event->places, g_object_ref (place));
  dl_problems_warning (importer->problems, path,
                       _("the slide has no location: placed at “%s”, which its headline names (within %.0f km)"),
                       found->place_name, found->precision_m / 1000.0);
  return TRUE;
}
