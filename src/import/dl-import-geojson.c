/* dl-import-geojson.c: GeoJSON FeatureCollections (kepler.gl, uMap, QGIS…)
 *
 * Each feature is an event at its geometry (any type but
 * GeometryCollection); a feature without geometry is on the timeline only.
 * Its date comes from the first property with a common name (date, time,
 * start/end, timestamp…) holding an ISO 8601 string or epoch milliseconds;
 * its title, category and summary from name/title, category/type and
 * description; every other property is kept as a "name: value" line of the
 * summary, so that it shows in the sidebar and is searched. When no
 * property has a usual date name, the user chooses which properties hold
 * what in the column-mapping dialog (importer->mapping): then those, and
 * no others, are read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-import"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dl-import-private.h"

static const char * const title_names[] = { "name", "title", "label", "headline", NULL };
static const char * const date_names[] = { "date", "time", "datetime", "timestamp", "when", "start", "start_date",
                                           "startdate", "start_time", "begin", NULL };
static const char * const end_names[] = { "end", "end_date", "enddate", "end_time", "until", NULL };
static const char * const category_names[] = { "category", "type", "group", "event_type", "kind", "class", NULL };
static const char * const summary_names[] = { "description", "notes", "summary", "text", "popup", NULL };
static const char * const precision_names[] = { "precision_m", "accuracy", NULL };
static const char * const id_names[] = { "id", NULL };
static const char * const no_names[] = { NULL };

const char * const *
dl_import_geojson_usual_names (DlImportRole role)
{
  switch (role)
    {
    case DL_IMPORT_ROLE_TITLE:
      return title_names;
    case DL_IMPORT_ROLE_DATE:
      return date_names;
    case DL_IMPORT_ROLE_END_DATE:
      return end_names;
    case DL_IMPORT_ROLE_CATEGORY:
      return category_names;
    case DL_IMPORT_ROLE_SUMMARY:
      return summary_names;
    case DL_IMPORT_ROLE_ID:
      return id_names;
    case DL_IMPORT_ROLE_PLACE:
    case DL_IMPORT_ROLE_LATITUDE:
    case DL_IMPORT_ROLE_LONGITUDE:
    case DL_IMPORT_ROLE_WKT:
    case DL_IMPORT_ROLE_SOURCE:
    case DL_IMPORT_N_ROLES:
    default:
      return no_names;
    }
}

/* The properties to read a role from: the usual names, or the one the
 * user chose (held in @chosen), or none. */
typedef struct {
  const char *names[DL_IMPORT_N_ROLES][2];
  const char * const *roles[DL_IMPORT_N_ROLES];
} Roles;

static void
roles_init (Roles      *roles,
            DlImporter *importer)
{
  for (guint role = 0; role < DL_IMPORT_N_ROLES; role++)
    {
      if (importer->mapping == NULL)
        {
          roles->roles[role] = dl_import_geojson_usual_names (role);
          continue;
        }
      roles->names[role][0] = dl_import_mapping_get (importer->mapping, role);
      roles->names[role][1] = NULL;
      roles->roles[role] = roles->names[role];
    }
}

static JsonNode *
first_member (JsonNode           *properties,
              const char * const *names,
              const char        **used)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      JsonNode *node = dl_import_json_member (properties, names[i]);

      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          *used = names[i];
          return node;
        }
    }
  return NULL;
}

static gboolean
is_one_of (const char         *name,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A date property as EDTF: ISO text, a written date, epoch milliseconds,
 * or a bare year. NULL when it is none of these. */
static char *
when_of (JsonNode *node)
{
  const char *text = dl_import_json_string (node);
  double number;

  if (text != NULL)
    {
      int year, month, day;
      gboolean has_year;
      char *edtf;

      if ((edtf = dl_import_iso_to_edtf (text)) != NULL)
        return edtf;
      if (dl_import_parse_date (text, &year, &month, &day, &has_year) && has_year)
        return day != 0 ? g_strdup_printf ("%04d-%02d-%02d", year, month, day)
               : month != 0 ? g_strdup_printf ("%04d-%02d", year, month) : g_strdup_printf ("%04d", year);
      return NULL;
    }
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
      && json_node_get_value_type (node) != G_TYPE_STRING && dl_import_json_number (node, &number))
    {
      if (number == floor (number) && number >= 1000 && number <= 9999)
        return g_strdup_printf ("%04d", (int) number);
      return dl_import_epoch_ms_to_edtf (number);
    }
  return NULL;
}

static char *
value_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static char *
read_when (DlImporter *importer,
           JsonNode   *properties,
           const char *path,
           const char * const *names)
{
  const char *name = NULL;
  JsonNode *node = first_member (properties, names, &name);
  char *edtf;

  if (node == NULL)
    return NULL;
  if ((edtf = when_of (node)) == NULL)
    {
      g_autofree char *where = dl_import_json_path (path, name, -1);
      g_autofree char *shown = value_text (node);

      dl_problems_warning (importer->problems, where, _("“%s” is not a date: the feature is placed on the map only"),
                           shown);
    }
  return edtf;
}

static void
import_feature (DlImporter  *importer,
                const Roles *roles,
                JsonNode    *feature,
                const char  *path)
{
  g_autoptr(DlEvent) event = dl_event_new ();
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *properties_path = dl_import_json_path (path, "properties", -1);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *id = NULL;
  JsonNode *properties = dl_import_json_member (feature, "properties");
  JsonNode *geometry = dl_import_json_member (feature, "geometry");
  JsonNode *node;
  const char *name = NULL;
  const char *title = NULL;
  const char *place_name = NULL;
  double precision_m = DL_IMPORT_DEFAULT_PRECISION_M;

  if (feature == NULL || !JSON_NODE_HOLDS_OBJECT (feature))
    {
      dl_problems_warning (importer->problems, path, _("a feature is a JSON object: skipped"));
      importer->n_skipped++;
      return;
    }
  if (properties != NULL && !JSON_NODE_HOLDS_OBJECT (properties))
    properties = NULL;

  if ((node = first_member (properties, roles->roles[DL_IMPORT_ROLE_TITLE], &name)) != NULL)
    title = dl_import_json_string (node);
  if ((node = first_member (properties, roles->roles[DL_IMPORT_ROLE_PLACE], &name)) != NULL)
    place_name = dl_import_json_string (node);
  if ((node = first_member (properties, precision_names, &name)) != NULL)
    {
      double value;

      if (dl_import_json_number (node, &value) && value >= 0 && value <= 20037508)
        precision_m = value;
    }

  if (geometry != NULL && !JSON_NODE_HOLDS_NULL (geometry))
    {
      g_autoptr(DlProblems) problems = dl_problems_new ();
      g_autofree char *geometry_path = dl_import_json_path (path, "geometry", -1);
      DlGeometry *parsed = dl_geometry_parse (geometry, geometry_path, problems);

      if (parsed == NULL)
        {
          for (guint i = 0; i < dl_problems_get_length (problems); i++)
            {
              const DlProblem *problem = dl_problems_get (problems, i);

              dl_problems_warning (importer->problems, problem->path, "%s", problem->message);
            }
          dl_problems_warning (importer->problems, path, _("the feature's geometry cannot be read: skipped"));
          importer->n_skipped++;
          return;
        }
      g_ptr_array_add (event->places,
                       g_object_ref (dl_importer_geometry_place (importer,
                                                                 place_name != NULL && *place_name != '\0'
                                                                 ? place_name : title,
                                                                 parsed, precision_m)));
    }

  start = read_when (importer, properties, properties_path, roles->roles[DL_IMPORT_ROLE_DATE]);
  end = read_when (importer, properties, properties_path, roles->roles[DL_IMPORT_ROLE_END_DATE]);
  if (start != NULL || end != NULL)
    {
      g_autofree char *edtf = start != NULL && end != NULL ? g_strdup_printf ("%s/%s", start, end)
                              : start != NULL ? g_strdup (start) : g_strdup_printf ("/%s", end);

      if (!dl_import_set_when (event, edtf))
        dl_problems_warning (importer->problems, properties_path,
                             _("the end is before the start: the feature is placed on the map only"));
    }

  if (event->places->len == 0 && event->when_text == NULL)
    {
      dl_problems_warning (importer->problems, path, _("the feature has neither a geometry nor a date: skipped"));
      importer->n_skipped++;
      return;
    }

  event->title = title != NULL && *title != '\0'
                 ? g_strdup (title)
                 /* Translators: the title of a feature without a name; %d counts from 1 */
                 : g_strdup_printf (_("Feature %d"), importer->n_read + importer->n_skipped + 1);
  node = first_member (properties, roles->roles[DL_IMPORT_ROLE_CATEGORY], &name);
  event->category = dl_importer_category (importer, node != NULL ? dl_import_json_string (node) : NULL);
  if ((node = first_member (properties, roles->roles[DL_IMPORT_ROLE_SUMMARY], &name)) != NULL
      && dl_import_json_string (node) != NULL)
    {
      g_autofree char *text = dl_import_html_to_text (dl_import_json_string (node));

      g_string_append (summary, text);
    }

  /* Every other property, kept as a line of the summary. */
  if (properties != NULL)
    {
      /* In the order the file writes them (an iterator's is the hash's). */
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (properties));
      gboolean used;

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *member = l->data;
          g_autofree char *text = NULL;

          node = json_object_get_member (json_node_get_object (properties), member);

          used = is_one_of (member, precision_names) || JSON_NODE_HOLDS_NULL (node);
          for (guint role = 0; role < DL_IMPORT_N_ROLES && !used; role++)
            /* A usual "id" stays in the summary as it did; a chosen one
             * is the event's id. */
            used = (role != DL_IMPORT_ROLE_ID || importer->mapping != NULL) && is_one_of (member, roles->roles[role]);
          if (used)
            continue;
          text = value_text (node);
          g_string_append_printf (summary, "%s%s: %s", summary->len > 0 ? "\n" : "", member, text);
        }
    }
  if (summary->len > 0)
    event->summary = g_strdup (summary->str);

  node = importer->mapping == NULL ? dl_import_json_member (feature, "id") : NULL;
  if (node == NULL)
    node = first_member (properties, roles->roles[DL_IMPORT_ROLE_ID], &name);
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    id = value_text (node);
  dl_importer_add_event (importer, event, id != NULL ? id : event->title);
  event = NULL;
}

gboolean
dl_import_geojson (DlImporter *importer,
                   JsonNode   *root)
{
  const char *type = dl_import_json_string (dl_import_json_member (root, "type"));
  const char *name = dl_import_json_string (dl_import_json_member (root, "name"));
  JsonNode *features = dl_import_json_member (root, "features");
  JsonArray *array;
  Roles roles;

  roles_init (&roles, importer);
  if (g_strcmp0 (type, "Feature") == 0)
    {
      import_feature (importer, &roles, root, "$");
      return TRUE;
    }
  if (g_strcmp0 (type, "FeatureCollection") != 0 || features == NULL || !JSON_NODE_HOLDS_ARRAY (features))
    {
      dl_problems_error (importer->problems, "$",
                         _("not a GeoJSON FeatureCollection (an object with “type”: “FeatureCollection” "
                           "and an array of “features”)"));
      return FALSE;
    }
  if (name != NULL)
    importer->title = g_strdup (name);

  array = json_node_get_array (features);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = dl_import_json_path (NULL, "features", (int) i);

      if (g_cancellable_is_cancelled (importer->cancellable))
        return FALSE;
      dl_importer_progress (importer, i, json_array_get_length (array));
      import_feature (importer, &roles, json_array_get_element (array, i), path);
    }
  return TRUE;
}
