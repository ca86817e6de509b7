/* dl-synthetic.c: synthetic datasets of any size, for benchmarks and scale tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dl-synthetic.h"

#define N_ARTICLES 20
#define N_PLACES   1000
#define SENTENCES_PER_ARTICLE 400

static const char *words[] = {
  "talks", "ceasefire", "strike", "border", "corridor", "hostages", "prisoners", "officials",
  "mediators", "proposal", "delegation", "shelter", "school", "hospital", "casualties", "statement",
  "Gaza", "Cairo", "Doha", "Rafah", "Khan Younis", "“agreement”", "négociation", "مفاوضات", "משא ומתן",
};

static const char *categories[] = {
  "strike", "attack", "diplomacy", "statement", "hostages", "truce", "killing", "military", "humanitarian",
};

/* One sentence per index, the same every time, so excerpts can quote them. */
static char *
sentence (GRand *rand,
          guint  article,
          guint  index)
{
  GString *s = g_string_new (NULL);
  guint n = 6 + g_rand_int_range (rand, 0, 10);

  g_string_append_printf (s, "Report %u.%u: ", article, index);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? " " : "", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append (s, ".");

  return g_string_free (s, FALSE);
}

/* JSON string contents: only quotes, backslashes and controls need escaping. */
static char *
json_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static char *
random_when (GRand *rand)
{
  GDateTime *base = g_date_time_new_utc (2023, 10, 1, 0, 0, 0);
  g_autoptr(GDateTime) day = g_date_time_add_days (base, g_rand_int_range (rand, 0, 330));
  g_autoptr(GDateTime) later = g_date_time_add_days (day, g_rand_int_range (rand, 1, 20));
  int form = g_rand_int_range (rand, 0, 10);
  char *when;

  g_date_time_unref (base);

  switch (form)
    {
    case 0:
      when = g_date_time_format (day, "%Y-%m");
      break;
    case 1:
      {
        g_autofree char *from = g_date_time_format (day, "%Y-%m-%d");
        g_autofree char *to = g_date_time_format (later, "%Y-%m-%d");

        when = g_strdup_printf ("%s/%s", from, to);
      }
      break;
    case 2:
      when = g_date_time_format (day, "%Y-%m-%d?");
      break;
    case 3:
      when = g_date_time_format (day, "%Y-%m~");
      break;
    case 4:
      when = g_date_time_format (day, "%Y-%m-XX");
      break;
    case 5:
      when = g_date_time_format (day, "%Y-%m-%dT%H:00:00Z");
      break;
    default:
      when = g_date_time_format (day, "%Y-%m-%d");
      break;
    }

  return when;
}

char *
dl_synthetic_write (const char  *dir,
                    guint        n_events,
                    guint32      seed,
                    GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *articles_dir = g_build_filename (dir, "articles", NULL);
  g_autofree char *path = g_build_filename (dir, "synthetic.dateline.json", NULL);
  GPtrArray *sentences[N_ARTICLES];   /* per article */
  GArray *offsets[N_ARTICLES];        /* code-point start of each sentence */
  g_autoptr(GString) json = g_string_new (NULL);

  if (g_mkdir_with_parents (articles_dir, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot create %s", articles_dir);
      return NULL;
    }

  /* Articles */
  for (guint a = 0; a < N_ARTICLES; a++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("%03u.txt", a);
      g_autofree char *article_path = g_build_filename (articles_dir, name, NULL);
      guint chars = 0;

      sentences[a] = g_ptr_array_new_with_free_func (g_free);
      offsets[a] = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < SENTENCES_PER_ARTICLE; i++)
        {
          char *s = sentence (rand, a, i);

          g_array_append_val (offsets[a], chars);
          g_ptr_array_add (sentences[a], s);
          g_string_append (text, s);
          g_string_append_c (text, i % 5 == 4 ? '\n' : ' ');
          chars += (guint) g_utf8_strlen (s, -1) + 1;
        }
      if (!g_file_set_contents (article_path, text->str, (gssize) text->len, error))
        return NULL;
    }

  g_string_append (json, "{\n\"dateline\": 1,\n\"title\": \"Synthetic dataset\",\n"
                         "\"description\": \"Generated for benchmarks\",\n\"sources\": [\n");
  for (guint a = 0; a < N_ARTICLES; a++)
    g_string_append_printf (json, "%s{\"id\": \"s%u\", \"file\": \"articles/%03u.txt\", \"title\": \"Article %u\", "
                                  "\"published\": \"2024-08-20\"}\n",
                            a > 0 ? "," : "", a, a, a);

  g_string_append (json, "],\n\"places\": [\n");
  for (guint p = 0; p < N_PLACES; p++)
    {
      double lon = 29.0 + g_rand_double_range (rand, 0, 24.0);
      double lat = 24.0 + g_rand_double_range (rand, 0, 14.0);
      int kind = g_rand_int_range (rand, 0, 10);

      g_string_append_printf (json, "%s{\"id\": \"p%u\", \"name\": \"Place %u\", \"precision_m\": %u, "
                                    "\"geometry\": ",
                              p > 0 ? "," : "", p, p, 100 * (1 + g_rand_int_range (rand, 0, 100)));
      if (kind == 0)
        g_string_append_printf (json, "{\"type\": \"LineString\", \"coordinates\": [[%.5f, %.5f], [%.5f, %.5f], [%.5f, %.5f]]}",
                                lon, lat, lon + 0.05, lat + 0.02, lon + 0.1, lat + 0.01);
      else if (kind == 1)
        g_string_append_printf (json, "{\"type\": \"Polygon\", \"coordinates\": [[[%.5f, %.5f], [%.5f, %.5f], "
                                      "[%.5f, %.5f], [%.5f, %.5f], [%.5f, %.5f]]]}",
                                lon, lat, lon + 0.2, lat, lon + 0.2, lat + 0.1, lon, lat + 0.1, lon, lat);
      else
        g_string_append_printf (json, "{\"type\": \"Point\", \"coordinates\": [%.5f, %.5f]}", lon, lat);
      g_string_append (json, "}\n");
    }

  g_string_append (json, "],\n\"events\": [\n");
  for (guint e = 0; e < n_events; e++)
    {
      g_autofree char *when = random_when (rand);
      guint a = g_rand_int_range (rand, 0, N_ARTICLES);
      guint s = g_rand_int_range (rand, 0, SENTENCES_PER_ARTICLE);
      const char *exact = g_ptr_array_index (sentences[a], s);
      guint start = g_array_index (offsets[a], guint, s);
      g_autofree char *escaped = json_escape (exact);

      g_string_append_printf (json,
                              "%s{\"id\": \"e%u\", \"title\": \"Event %u\", \"category\": \"%s\", "
                              "\"when\": \"%s\", \"when_basis\": \"generated\", \"place\": \"p%u\", "
                              "\"summary\": \"A generated event.\", "
                              "\"excerpts\": [{\"source\": \"s%u\", \"exact\": \"%s\", \"start\": %u, \"end\": %u}], "
                              "\"claims\": [{\"topic\": \"t%u\", \"value\": %u, \"qualifier\": \"at least\", \"excerpt\": 0}]}\n",
                              e > 0 ? "," : "", e, e, categories[e % G_N_ELEMENTS (categories)], when,
                              g_rand_int_range (rand, 0, N_PLACES), a, escaped, start,
                              start + (guint) g_utf8_strlen (exact, -1), e % 5000, g_rand_int_range (rand, 1, 100));
    }
  g_string_append (json, "]\n}\n");

  for (guint a = 0; a < N_ARTICLES; a++)
    {
      g_ptr_array_unref (sentences[a]);
      g_array_unref (offsets[a]);
    }

  if (!g_file_set_contents (path, json->str, (gssize) json->len, error))
    return NULL;

  return g_steal_pointer (&path);
}
