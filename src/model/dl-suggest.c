/* dl-suggest.c: candidate events read from an article (rules, not a model)
 *
 * The article is cut into sentences; in each, runs of capitalized words
 * (with the small words inside names: "Deir al-Balah", "Bay of Biscay")
 * are looked up as whole names, the dataset's places first, then the
 * gazetteer's; "southern Gaza" is the dataset's place that calls itself so
 * ("Khan Younis area, southern Gaza"), or Gaza with a wider precision. A sentence that
 * names a known place becomes a candidate, with the most precise date its
 * words give (dl-reldate) and the numbers it states with their hedges.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-suggest"

#include <math.h>
#include <string.h>

#include "dl-edtf.h"
#include "dl-json-writer.h"
#include "dl-reldate.h"
#include "dl-suggest.h"

#define MAX_NAME_WORDS 4
/* A single word that is a town somewhere is too often something else:
 * only bigger places, regions and countries are taken from one word. */
#define MIN_ONE_WORD_POPULATION 50000
#define AREA_PRECISION_M 15000.0

typedef struct {
  const char *start;  /* in the sentence (bytes) */
  const char *end;
  guint       char_start;
  guint       char_end;
  gboolean    capitalized;
  char       *lower;
} Word;

/* Words that start sentences or name things other than places. */
static const char * const not_places[] = {
  "the", "a", "an", "he", "she", "it", "they", "we", "in", "on", "at", "but", "and", "this",
  "that", "after", "before", "meanwhile", "however", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may",
  "june", "july", "august", "september", "october", "november", "december", "president",
  "prime", "minister", "secretary", "state", "hamas", "hezbollah", "un", "us", "u", "s",
  "civil", "defence", "defense", "military", "army", "israeli", "palestinian", "american",
  "egyptian", "qatari", "iranian", "biden", "blinken", "netanyahu", "herzog", "gallant",
  NULL
};

/* Small words that may sit inside a name. */
static const char * const name_joiners[] = { "al", "el", "of", "de", "la", "le", "bin", "ibn", NULL };

static const char * const area_words[] = {
  "northern", "southern", "central", "eastern", "western", "north", "south", "east", "west", NULL
};

static const struct { const char *word; const char *normal; } qualifiers[] = {
  { "at least", "at least" }, { "more than", "more than" }, { "up to", "up to" },
  { "around", "around" }, { "about", "about" }, { "over", "over" }, { "nearly", "nearly" },
  { "almost", "almost" }, { "some", "some" }, { "approximately", "approximately" },
  { "roughly", "roughly" }, { "fewer than", "fewer than" }, { "less than", "less than" },
};

static const struct { const char *word; int value; } number_words[] = {
  { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 }, { "seven", 7 },
  { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 },
  { "dozens", 24 }, { "hundreds", 200 },
};

void
dl_suggestion_free (DlSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->exact);
  g_free (suggestion->when);
  g_free (suggestion->when_basis);
  g_free (suggestion->place_name);
  g_free (suggestion->place_text);
  g_clear_object (&suggestion->place);
  g_clear_pointer (&suggestion->claims, g_ptr_array_unref);
  g_free (suggestion);
}

static void
claim_free (DlSuggestedClaim *claim)
{
  g_free (claim->qualifier);
  g_free (claim->unit);
  g_free (claim->text);
  g_free (claim);
}

static void
word_clear (Word *word)
{
  g_free (word->lower);
}

/* Words: runs of letters and digits (a comma inside a number, "2,300",
 * stays in it). */
static GArray *
split_words (const char *sentence,
             guint       first_char)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  const char *p = sentence;
  guint index = first_char;

  g_array_set_clear_func (words, (GDestroyNotify) word_clear);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          Word w = { .start = p, .char_start = index, .capitalized = g_unichar_isupper (c) };

          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);
              const char *next = g_utf8_next_char (p);

              if (g_unichar_isalnum (d) ||
                  (d == ',' && g_ascii_isdigit (*next) && p > w.start && g_ascii_isdigit (p[-1])))
                {
                  p = next;
                  index++;
                }
              else
                break;
            }
          w.end = p;
          w.char_end = index;
          {
            g_autofree char *raw = g_strndup (w.start, w.end - w.start);
            w.lower = g_utf8_strdown (raw, -1);
          }
          g_array_append_val (words, w);
        }
      else
        {
          p = g_utf8_next_char (p);
          index++;
        }
    }

  return words;
}

static gboolean
acceptable (const DlGazetteerMatch *m,
            guint                   n_words)
{
  if (m->kind == DL_GAZETTEER_KIND_DATASET_PLACE || n_words > 1)
    return TRUE;
  return m->kind == DL_GAZETTEER_KIND_COUNTRY || m->kind == DL_GAZETTEER_KIND_REGION ||
         m->kind == DL_GAZETTEER_KIND_CAPITAL || m->population >= MIN_ONE_WORD_POPULATION;
}

/* The dataset's place that calls itself @phrase ("southern Gaza") in one
 * part of its name: "Khan Younis area, southern Gaza", "Central Gaza
 * (around Deir al-Balah)". The dataset's names come before any guess. */
static DlPlace *
dataset_area (DlDataset  *dataset,
              const char *phrase)
{
  GListModel *places;
  g_autofree char *wanted = NULL;

  if (dataset == NULL)
    return NULL;
  wanted = dl_gazetteer_fold (phrase);
  places = dl_dataset_get_places (dataset);
  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(DlPlace) place = g_list_model_get_item (places, i);
      g_auto(GStrv) parts = g_strsplit_set (dl_place_get_name (place), "(),", -1);

      for (guint k = 0; parts[k] != NULL; k++)
        {
          g_autofree char *folded = dl_gazetteer_fold (g_strstrip (parts[k]));

          if (g_str_equal (folded, wanted))
            return place;
        }
    }
  return NULL;
}

/* How far a dataset's place extends from its anchor: its own precision
 * (how well its outline is known), or half its box's diagonal when that is
 * more ("Israel", a polygon, is somewhere in Israel, not at its centre). */
static double
place_extent_m (DlPlace *place)
{
  const DlGeometry *geometry = dl_place_get_geometry (place);
  double extent = dl_place_get_precision_m (place);
  DlBBox box;

  if (geometry == NULL)
    return extent;
  box = dl_geometry_get_bbox (geometry);
  if (box.west > box.east || box.south > box.north)
    return extent;
  return MAX (extent, dl_geo_distance_m ((DlLonLat) { box.west, box.south },
                                         (DlLonLat) { box.east, box.north }) / 2);
}

/* The places the sentence names, each once, in text order. */
static gboolean
find_places (GArray            *words,
             DlGazetteer       *gazetteer,
             DlDataset         *dataset,
             GPtrArray         *places)
{
  gboolean found = FALSE;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *first = &g_array_index (words, Word, i);

      if (!first->capitalized || g_strv_contains (not_places, first->lower))
        continue;

      for (guint n = MIN (MAX_NAME_WORDS, words->len - i); n >= 1; n--)
        {
          const Word *last = &g_array_index (words, Word, i + n - 1);
          g_autofree char *name = NULL;
          g_autoptr(GPtrArray) matches = NULL;
          gboolean names_only = TRUE;
          const DlGazetteerMatch *m;

          /* Capitalized words, and joiners only inside. */
          for (guint k = i; k < i + n; k++)
            {
              const Word *w = &g_array_index (words, Word, k);

              if (!w->capitalized && (k == i + n - 1 || !g_strv_contains (name_joiners, w->lower)))
                names_only = FALSE;
            }
          if (!names_only || !last->capitalized)
            continue;

          name = g_strndup (first->start, last->end - first->start);
          matches = dl_gazetteer_search (gazetteer, name, dataset, DL_GAZETTEER_SEARCH_EXACT, 1);
          /* "Gaza City" is "Gaza" in GeoNames. */
          if (matches->len == 0 && n > 1 && g_str_equal (last->lower, "city"))
            {
              const Word *before_city = &g_array_index (words, Word, i + n - 2);
              g_autofree char *town = g_strndup (first->start, before_city->end - first->start);

              g_ptr_array_unref (matches);
              matches = dl_gazetteer_search (gazetteer, town, dataset, DL_GAZETTEER_SEARCH_EXACT, 1);
              if (matches->len > 0 &&
                  ((DlGazetteerMatch *) g_ptr_array_index (matches, 0))->kind > DL_GAZETTEER_KIND_ADMIN_SEAT)
                g_ptr_array_set_size (matches, 0);
            }
          if (matches->len == 0)
            continue;
          m = g_ptr_array_index (matches, 0);
          if (!acceptable (m, n))
            continue;
          /* One word inside a longer name ("Antony Blinken", "Secretary
           * of State Antony") is that name's, not a town's. */
          if (n == 1 && m->kind != DL_GAZETTEER_KIND_COUNTRY && m->kind != DL_GAZETTEER_KIND_CAPITAL &&
              m->kind != DL_GAZETTEER_KIND_DATASET_PLACE &&
              ((i + 1 < words->len && g_array_index (words, Word, i + 1).capitalized) ||
               (i > 0 && g_array_index (words, Word, i - 1).capitalized)))
            continue;

          {
            double precision = m->precision_m;
            g_autofree char *area = NULL;
            DlPlace *area_place = NULL;

            /* "southern Gaza": the dataset's place of that name, or
             * somewhere in that part of it. */
            if (i > 0 && g_strv_contains (area_words, g_array_index (words, Word, i - 1).lower))
              {
                const Word *before = &g_array_index (words, Word, i - 1);

                area = g_strndup (before->start, last->end - before->start);
                precision = MAX (precision, AREA_PRECISION_M);
                area_place = dataset_area (dataset, area);
              }

            {
              DlSuggestion *out = g_new0 (DlSuggestion, 1);
              gboolean seen = FALSE;

              out->place_text = area != NULL ? g_steal_pointer (&area) : g_strdup (name);
              if (area_place != NULL)
                {
                  const DlGeometry *geometry = dl_place_get_geometry (area_place);

                  out->place_name = g_strdup (dl_place_get_name (area_place));
                  out->place = g_object_ref (area_place);
                  out->position = dl_geometry_get_anchor (geometry);
                  out->precision_m = place_extent_m (area_place);
                }
              else
                {
                  out->place_name = g_strdup (m->name_en != NULL ? m->name_en : m->name);
                  out->place = m->place != NULL ? g_object_ref (m->place) : NULL;
                  out->position = m->position;
                  out->precision_m = m->place != NULL ? MAX (precision, place_extent_m (m->place)) : precision;
                }
              for (guint k = 0; k < places->len; k++)
                if (g_str_equal (((DlSuggestion *) g_ptr_array_index (places, k))->place_name, out->place_name))
                  seen = TRUE;
              if (seen)
                dl_suggestion_free (out);
              else
                g_ptr_array_add (places, out);
              found = TRUE;
            }
          }
          i += n - 1;
          break;
        }
    }

  return found;
}

static gboolean
parse_count (const Word *w,
             double     *value)
{
  if (g_ascii_isdigit (w->lower[0]))
    {
      /* "2300" from "2,300": the thousands separators dropped. */
      g_autoptr(GString) plain = g_string_new (NULL);
      char *end = NULL;

      for (const char *p = w->lower; *p != '\0'; p++)
        if (*p != ',')
          g_string_append_c (plain, *p);
      *value = g_ascii_strtod (plain->str, &end);
      /* Read while `plain` still owns the text `end` points into. */
      return end != NULL && *end == '\0';
    }
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    if (g_str_equal (w->lower, number_words[i].word))
      {
        *value = number_words[i].value;
        return TRUE;
      }
  return FALSE;
}

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr",
  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL
};

static const struct { const char *word; double value; } scales[] = {
  { "hundred", 1e2 }, { "thousand", 1e3 }, { "million", 1e6 }, { "billion", 1e9 },
};

/* English endings of adjectives and participles ("strategic", "presumed",
 * "armed", "regional", "missing"): such a word before another describes
 * what the number counts rather than naming it. */
static gboolean
looks_like_modifier (const char *lower)
{
  static const char * const endings[] = { "ic", "ed", "al", "ing", "ive", "ous", "ful", "ian", NULL };

  for (guint k = 0; endings[k] != NULL; k++)
    if (g_str_has_suffix (lower, endings[k]) && strlen (lower) > strlen (endings[k]) + 2)
      return TRUE;
  return FALSE;
}

static void
find_claims (GArray    *words,
             GPtrArray *claims)
{
  for (guint i = 0; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      DlSuggestedClaim *claim;
      const char *qualifier = NULL;
      const Word *first = w;
      double value;

      if (!parse_count (w, &value))
        continue;
      /* Years and days of the month are dates, not claims. */
      if (g_ascii_isdigit (w->lower[0]) && (value >= 1900 && value <= 2100) && strchr (w->lower, ',') == NULL)
        continue;
      if (i + 1 >= words->len)
        continue;

      for (guint q = 0; q < G_N_ELEMENTS (qualifiers) && qualifier == NULL; q++)
        {
          g_auto(GStrv) parts = g_strsplit (qualifiers[q].word, " ", -1);
          guint n = g_strv_length (parts);
          gboolean match = i >= n;

          for (guint k = 0; match && k < n; k++)
            match = g_str_equal (g_array_index (words, Word, i - n + k).lower, parts[k]);
          if (match)
            {
              qualifier = qualifiers[q].normal;
              first = &g_array_index (words, Word, i - n);
            }
        }

      /* "October 7 attack": a day of a month is a date. */
      if (i > 0 && g_ascii_isdigit (w->lower[0]) &&
          g_strv_contains (month_names, g_array_index (words, Word, i - 1).lower))
        continue;
      /* "a three-phase plan", "a six-week truce": a number joined to the
       * next word describes a thing; it counts nothing. */
      if (w->end[0] == '-')
        continue;

      {
        guint u = i + 1;
        const Word *unit = &g_array_index (words, Word, u);
        const Word *last;

        /* "3 million people": the scale multiplies, the noun after it is
         * what is counted. */
        for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
          if (g_str_equal (unit->lower, scales[k].word) && u + 1 < words->len)
            {
              value *= scales[k].value;
              unit = &g_array_index (words, Word, ++u);
              break;
            }

        /* A count of something: the next word is a plain lower-case noun,
         * and not one that counts no one ("the two sides", "three times"). */
        if (unit->capitalized || g_ascii_isdigit (unit->lower[0]) ||
            g_strv_contains ((const char * const[]) { "of", "and", "or", "to", "the", "a", "in", "on",
                                                      "days", "day", "weeks", "months", "years",
                                                      "hours", "minutes", "percent", "sides", "times",
                                                      "ways", "million", "billion", "thousand",
                                                      "hundred", NULL },
                             unit->lower))
          continue;

        /* "two strategic corridors", "39 presumed dead": a word shaped like
         * an adjective or a participle goes with the word after it, which
         * says what is counted. */
        last = unit;
        if (u + 1 < words->len && looks_like_modifier (unit->lower))
          {
            const Word *next = &g_array_index (words, Word, u + 1);

            if (!next->capitalized && !g_ascii_isdigit (next->lower[0]) && unit->end[0] == ' ' &&
                next->start == unit->end + 1)
              {
                last = next;
                u++;
              }
          }

        claim = g_new0 (DlSuggestedClaim, 1);
        claim->value = value;
        claim->qualifier = g_strdup (qualifier);
        claim->unit = last == unit ? g_strdup (unit->lower)
                                   : g_strdup_printf ("%s %s", unit->lower, last->lower);
        claim->text = g_strndup (first->start, last->end - first->start);
        g_ptr_array_add (claims, claim);
        i = u;
      }
    }
}

/* Where a sentence that has a mark at @p ends (after any closing quotes
 * or brackets), or NULL: ". ", "! ", "? ", ".” "; @p itself for a line
 * break; not after an initial or a short abbreviation ("U.S.", "Oct. 7",
 * "Mr. Blinken"). */
static const char *
sentence_end (const char *text,
              const char *p)
{
  gunichar c = g_utf8_get_char (p);
  const char *next = g_utf8_next_char (p);

  if (c == '\n')
    return p;
  if (c != '.' && c != '!' && c != '?')
    return NULL;

  for (;;)
    {
      gunichar d = g_utf8_get_char (next);

      if (d == 0x201D || d == 0x2019 || d == '"' || d == '\'' || d == ')')
        next = g_utf8_next_char (next);
      else
        break;
    }
  if (*next != '\0' && !g_unichar_isspace (g_utf8_get_char (next)))
    return NULL;

  if (c == '.')
    {
      const char *w = p;
      guint letters = 0;

      while (w > text)
        {
          const char *prev = g_utf8_prev_char (w);

          if (!g_unichar_isalpha (g_utf8_get_char (prev)))
            break;
          w = prev;
          letters++;
        }
      /* "U.S.", "Oct.", "Mr.": short and capitalized. */
      if (letters >= 1 && letters <= 3 && g_unichar_isupper (g_utf8_get_char (w)))
        return NULL;
    }

  return next;
}

static int
compare_precision (gconstpointer a,
                   gconstpointer b)
{
  const DlSuggestion *sa = *(DlSuggestion * const *) a;
  const DlSuggestion *sb = *(DlSuggestion * const *) b;

  return (sa->precision_m > sb->precision_m) - (sa->precision_m < sb->precision_m);
}

/* A sentence that names several places ("in Egypt and Qatar") is one
 * candidate per place, the most precise first, at most this many. */
#define MAX_PLACES_PER_SENTENCE 3

static void
add_suggestions (GPtrArray   *results,
                 const char  *sentence,
                 guint        start_char,
                 const char  *published,
                 DlGazetteer *gazetteer,
                 DlDataset   *dataset)
{
  g_autoptr(GArray) words = split_words (sentence, start_char);
  g_autoptr(GPtrArray) places = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_suggestion_free);
  g_autoptr(DlReldate) r = NULL;

  if (!find_places (words, gazetteer, dataset, places))
    return;
  g_ptr_array_sort (places, compare_precision);

  r = dl_reldate_resolve (sentence, published, NULL, NULL, NULL);
  for (guint i = 0; i < places->len && i < MAX_PLACES_PER_SENTENCE; i++)
    {
      DlSuggestion *s = g_ptr_array_index (places, i);

      s->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
      s->start = start_char;
      s->end = start_char + g_utf8_strlen (sentence, -1);
      s->exact = g_strdup (sentence);
      if (r != NULL)
        {
          s->when = g_strdup (r->when);
          s->when_basis = g_strdup (r->when_basis);
        }
      else
        {
          /* Not dated: as the bundled dataset does, reported at about the
           * day of writing (a publication date already marked stays so). */
          s->when = strpbrk (published, "?~%") != NULL ? g_strdup (published)
                                                       : g_strdup_printf ("%s~", published);
          s->when_basis = g_strdup_printf ("Not dated: reported in an article published on %s.", published);
        }
      find_claims (words, s->claims);
      g_ptr_array_add (results, g_ptr_array_steal_index (places, i));
      g_ptr_array_insert (places, i, NULL);
    }
}

DlSuggestion *
dl_suggest_place (const char  *text,
                  DlGazetteer *gazetteer,
                  DlDataset   *dataset)
{
  g_autoptr(GArray) words = NULL;
  g_autoptr(GPtrArray) places = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (DL_IS_GAZETTEER (gazetteer), NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  words = split_words (text, 0);
  places = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_suggestion_free);
  if (!find_places (words, gazetteer, dataset, places))
    return NULL;
  g_ptr_array_sort (places, compare_precision);
  return g_ptr_array_steal_index (places, 0);
}

GPtrArray *
dl_suggest (const char   *text,
            const char   *published,
            DlGazetteer  *gazetteer,
            DlDataset    *dataset,
            GError      **error)
{
  g_autoptr(GPtrArray) results = NULL;
  const char *start;
  guint char_index = 0, start_char = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (DL_IS_GAZETTEER (gazetteer), NULL);

  /* The publication date is checked once, here. */
  {
    g_autoptr(GPtrArray) check = dl_reldate_find_all ("", published, NULL, NULL, error);
    if (check == NULL)
      return NULL;
  }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_suggestion_free);
  if (!g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&results);

  start = text;
  for (const char *p = text; ; )
    {
      gboolean at_end = *p == '\0';
      const char *end = at_end ? p : sentence_end (text, p);

      if (end != NULL)
        {
          guint end_char = char_index + (guint) g_utf8_strlen (p, end - p);
          g_autofree char *raw = g_strndup (start, end - start);
          const char *trimmed = raw;
          guint lead = 0;

          /* Trim the spaces around it, keeping the offsets right. */
          while (*trimmed != '\0' && g_unichar_isspace (g_utf8_get_char (trimmed)))
            {
              trimmed = g_utf8_next_char (trimmed);
              lead++;
            }
          g_strchomp ((char *) trimmed);
          if (trimmed[0] != '\0')
            add_suggestions (results, trimmed, start_char + lead, published, gazetteer, dataset);

          if (at_end)
            break;
          if (end == p)   /* a line break: step over it */
            {
              end = g_utf8_next_char (p);
              end_char++;
            }
          start = p = end;
          start_char = char_index = end_char;
        }
      else
        {
          p = g_utf8_next_char (p);
          char_index++;
        }
    }

  return g_steal_pointer (&results);
}

char *
dl_suggestion_to_json (const DlSuggestion *s)
{
  GString *out = g_string_new (NULL);
  DlJsonWriter w;

  g_return_val_if_fail (s != NULL, NULL);

  /* Positions to a micrometre of a degree and precisions to a centimetre:
   * what a gazetteer's point and extent mean, not the last bits of the
   * arithmetic that got them ("31.439999999999998"). */
  dl_json_writer_init_line (&w, out);
  dl_json_writer_open (&w, '{');
  dl_json_writer_int (&w, "start", s->start);
  dl_json_writer_int (&w, "end", s->end);
  dl_json_writer_string (&w, "exact", s->exact);
  dl_json_writer_string (&w, "when", s->when);
  dl_json_writer_string (&w, "when_basis", s->when_basis);
  dl_json_writer_string (&w, "place", s->place_name);
  dl_json_writer_string (&w, "place_text", s->place_text);
  dl_json_writer_string (&w, "place_id", s->place != NULL ? dl_place_get_id (s->place) : NULL);
  dl_json_writer_number (&w, "lon", round (s->position.lon * 1e6) / 1e6);
  dl_json_writer_number (&w, "lat", round (s->position.lat * 1e6) / 1e6);
  dl_json_writer_number (&w, "precision_m", round (s->precision_m * 100) / 100);
  dl_json_writer_item (&w, "claims");
  dl_json_writer_open (&w, '[');
  for (guint i = 0; i < s->claims->len; i++)
    {
      const DlSuggestedClaim *c = g_ptr_array_index (s->claims, i);

      dl_json_writer_item (&w, NULL);
      dl_json_writer_open (&w, '{');
      dl_json_writer_number (&w, "value", c->value);
      dl_json_writer_string (&w, "qualifier", c->qualifier);
      dl_json_writer_string (&w, "unit", c->unit);
      dl_json_writer_string (&w, "text", c->text);
      dl_json_writer_close (&w, '}');
    }
  dl_json_writer_close (&w, ']');
  dl_json_writer_close (&w, '}');
  return g_string_free (out, FALSE);
}
