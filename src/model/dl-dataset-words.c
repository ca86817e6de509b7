/* dl-dataset-words.c: reading the dataset members written for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include <glib/gi18n-lib.h>

#include "dl-dataset-words.h"

static char *
member_path (const char *path,
             const char *member)
{
  return g_strdup_printf ("%s.%s", path, member);
}

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

char *
dl_words_read_string (JsonObject *object,
                      const char *path,
                      const char *member,
                      DlProblems *problems)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *where = NULL;

  if (node == NULL)
    return NULL;

  where = member_path (path, member);
  if (!holds_string (node))
    {
      dl_problems_error (problems, where, _("expected a string"));
      return NULL;
    }
  if (*json_node_get_string (node) == '\0')
    {
      dl_problems_error (problems, where, _("must not be empty"));
      return NULL;
    }

  return g_strdup (json_node_get_string (node));
}

DlPlaceRole
dl_words_read_place_role (JsonObject *object,
                          const char *path,
                          DlProblems *problems)
{
  g_autofree char *role = dl_words_read_string (object, path, DL_WORDS_EVENT_MEMBER, problems);

  if (role == NULL || g_str_equal (role, "at"))
    return DL_PLACE_ROLE_AT;
  if (g_str_equal (role, "concerns"))
    return DL_PLACE_ROLE_CONCERNS;

  {
    g_autofree char *where = member_path (path, DL_WORDS_EVENT_MEMBER);

    dl_problems_error (problems, where,
                       _("“%s” is not a place role: use “at” (where it happened) or “concerns” "
                         "(the place a statement is about)"),
                       role);
  }
  return DL_PLACE_ROLE_AT;
}

GHashTable *
dl_words_read_topics (JsonObject *root,
                      DlProblems *problems)
{
  static const char * const known[] = { "label", "total", NULL };
  JsonNode *node = json_object_get_member (root, DL_WORDS_ROOT_MEMBER);
  GHashTable *topics;
  JsonObjectIter iter;
  const char *id;
  JsonNode *value;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      dl_problems_error (problems, DL_WORDS_ROOT_MEMBER,
                         _("expected an object mapping each claim topic to its label"));
      return NULL;
    }

  topics = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) dl_topic_free);
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &id, &value))
    {
      g_autofree char *path = member_path (DL_WORDS_ROOT_MEMBER, id);
      JsonObject *object;
      DlTopic *topic;
      GList *members;

      if (!JSON_NODE_HOLDS_OBJECT (value))
        {
          dl_problems_error (problems, path, _("expected an object with a “label”"));
          continue;
        }
      object = json_node_get_object (value);

      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        if (!g_strv_contains (known, l->data))
          {
            g_autofree char *where = member_path (path, l->data);

            dl_problems_warning (problems, where, _("unknown member “%s” is ignored"),
                                 (const char *) l->data);
          }
      g_list_free (members);

      topic = g_new0 (DlTopic, 1);
      topic->id = g_strdup (id);
      topic->label = dl_words_read_string (object, path, "label", problems);
      topic->total = dl_words_read_string (object, path, "total", problems);
      if (topic->label == NULL && !json_object_has_member (object, "label"))
        dl_problems_error (problems, path, _("the member “%s” is missing"), "label");
      g_hash_table_replace (topics, topic->id, topic);
    }

  return topics;
}

void
dl_words_check_topics (GHashTable *topics,
                       DlProblems *problems)
{
  GHashTableIter iter;
  DlTopic *topic;

  if (topics == NULL)
    return;

  g_hash_table_iter_init (&iter, topics);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &topic))
    if (topic->total != NULL && !g_hash_table_contains (topics, topic->total))
      {
        g_autofree char *path = g_strdup_printf ("%s.%s.total", DL_WORDS_ROOT_MEMBER, topic->id);

        dl_problems_error (problems, path, _("no topic has the id “%s”"), topic->total);
      }
}
