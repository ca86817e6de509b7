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


char *
dl_words_read_string (const DlJsonValue *object,
                      const char        *path,
                      const char        *member,
                      DlProblems        *problems)
{
  const DlJsonValue *node = dl_json_object_get (object, member);
  g_autofree char *where = NULL;

  if (node == NULL)
    return NULL;

  where = member_path (path, member);
  if (node->type != DL_JSON_STRING)
    {
      dl_problems_error (problems, where, _("expected a string"));
      return NULL;
    }
  if (*node->string == '\0')
    {
      dl_problems_error (problems, where, _("must not be empty"));
      return NULL;
    }

  return g_strdup (node->string);
}

DlPlaceRole
dl_words_read_place_role (const DlJsonValue *object,
                          const char        *path,
                          DlProblems        *problems)
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
dl_words_read_topics (DlJsonReader      *reader,
                      const DlJsonValue *root,
                      DlProblems        *problems)
{
  static const char * const known[] = { "label", "total", NULL };
  const DlJsonValue *node = dl_json_object_get (root, DL_WORDS_ROOT_MEMBER);
  GHashTable *topics;

  if (node == NULL)
    return NULL;
  /* The root's objects are read on demand. */
  node = dl_json_reader_load (reader, node);
  if (node->type != DL_JSON_OBJECT)
    {
      dl_problems_error (problems, DL_WORDS_ROOT_MEMBER,
                         _("expected an object mapping each claim topic to its label"));
      return NULL;
    }

  topics = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) dl_topic_free);
  for (guint i = 0; i < node->length; i++)
    {
      const char *id = node->members[i].name;
      const DlJsonValue *object = &node->members[i].value;
      g_autofree char *path = member_path (DL_WORDS_ROOT_MEMBER, id);
      DlTopic *topic;

      if (object->type != DL_JSON_OBJECT)
        {
          dl_problems_error (problems, path, _("expected an object with a “label”"));
          continue;
        }

      for (guint m = 0; m < object->length; m++)
        if (!g_strv_contains (known, object->members[m].name))
          {
            g_autofree char *where = member_path (path, object->members[m].name);

            dl_problems_warning (problems, where, _("unknown member “%s” is ignored"),
                                 object->members[m].name);
          }

      topic = g_new0 (DlTopic, 1);
      topic->id = g_strdup (id);
      topic->label = dl_words_read_string (object, path, "label", problems);
      topic->total = dl_words_read_string (object, path, "total", problems);
      if (topic->label == NULL && dl_json_object_get (object, "label") == NULL)
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
