/* dl-gazetteer.c: the offline world gazetteer (place search by name)
 *
 * One memory-mapped file made by tools/gazetteer/build-gazetteer: the
 * places (GeoNames cities of 1000 inhabitants or more, first-level regions
 * and countries) sorted by population, and every search key (a name, or a
 * name from one of its words on, folded) sorted bytewise. A prefix query is
 * two binary searches and a scan of the keys between them; nothing is
 * loaded into memory but the pages touched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-gazetteer"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-bisect.h"
#include "dl-gazetteer.h"

/* The file layout: must match tools/gazetteer/build-gazetteer. All numbers
 * little-endian; sections 8-byte aligned. */
#define GAZ_MAGIC "DLGAZ\0\0\1"
#define GAZ_VERSION 1

typedef struct {
  char    magic[8];
  guint32 version;
  guint32 n_entries;
  guint32 n_keys;
  guint32 entries_offset;
  guint32 keys_offset;
  guint32 names_offset;
  guint32 names_size;
  guint32 folded_offset;
  guint32 folded_size;
  guint32 file_size;
} GazHeader;

typedef struct {
  gint32  lon_e5;
  gint32  lat_e5;
  guint32 population;
  guint32 names;         /* "en\0ar\0he\0" in the names blob */
  guint32 parent;        /* region or country, or GAZ_NO_PARENT */
  guint16 precision_hm;  /* hectometres */
  guint8  kind;
  guint8  reserved;
} GazEntry;

typedef struct {
  guint32 folded;        /* offset of the key in the folded blob */
  guint32 entry;         /* index | language << 28 | GAZ_KEY_WORD */
} GazKey;

G_STATIC_ASSERT (sizeof (GazHeader) == 48);
G_STATIC_ASSERT (sizeof (GazEntry) == 24);
G_STATIC_ASSERT (sizeof (GazKey) == 8);

#define GAZ_NO_PARENT     0xFFFFFFFFu
#define GAZ_KEY_WORD      (1u << 30)
#define GAZ_KEY_LANG(e)   (((e) >> 28) & 3u)
#define GAZ_KEY_ENTRY(e)  ((e) & ((1u << 28) - 1))
#define GAZ_N_LANGUAGES   3
#define GAZ_DEFAULT_MAX   20
#define GAZ_MAX_DEPTH     4   /* city → region → country */

static const char * const languages[GAZ_N_LANGUAGES] = { "en", "ar", "he" };

struct _DlGazetteer
{
  GObject         parent_instance;

  char           *path;
  GMappedFile    *mapped;
  const GazEntry *entries;
  const GazKey   *keys;
  const char     *names;
  const char     *folded;
  guint32         n_entries;
  guint32         n_keys;
};

G_DEFINE_FINAL_TYPE (DlGazetteer, dl_gazetteer, G_TYPE_OBJECT)

G_DEFINE_QUARK (dl-gazetteer-error-quark, dl_gazetteer_error)

G_DEFINE_BOXED_TYPE (DlGazetteerMatch, dl_gazetteer_match,
                     dl_gazetteer_match_copy, dl_gazetteer_match_free)

/* A candidate during the scan: which entry, and how it ranks. */
typedef struct {
  guint32 entry;
  guint   language;
  gboolean exact;
  gboolean whole_name;
} Candidate;

/* ------------------------------------------------------------- folding */

static gunichar
merge_arabic_variant (gunichar c)
{
  switch (c)
    {
    case 0x0649: return 0x064A;   /* alef maksura → yeh */
    case 0x0629: return 0x0647;   /* teh marbuta → heh */
    case 0x0671: return 0x0627;   /* alef wasla → alef */
    case 0x06CC: return 0x064A;   /* Farsi yeh → yeh */
    case 0x06A9: return 0x0643;   /* keheh → kaf */
    default:     return c;
    }
}

char *
dl_gazetteer_fold (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* As Python's unicodedata.normalize ('NFKD', s.casefold ()). */
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || c == 0x0640 /* tatweel */)
        continue;

      c = merge_arabic_variant (c);

      switch (type)
        {
        case G_UNICODE_LOWERCASE_LETTER:
        case G_UNICODE_MODIFIER_LETTER:
        case G_UNICODE_OTHER_LETTER:
        case G_UNICODE_TITLECASE_LETTER:
        case G_UNICODE_UPPERCASE_LETTER:
        case G_UNICODE_DECIMAL_NUMBER:
        case G_UNICODE_LETTER_NUMBER:
        case G_UNICODE_OTHER_NUMBER:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_unichar (out, c);
          break;

        default:
          pending_space = TRUE;
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* ----------------------------------------------------------- the file */

static const GazEntry *
get_entry (DlGazetteer *self,
           guint32      index)
{
  g_assert (index < self->n_entries);
  return &self->entries[index];
}

/* The entry's name in language @lang (0 en, 1 ar, 2 he), "" when none. */
static const char *
entry_name (DlGazetteer    *self,
            const GazEntry *entry,
            guint           lang)
{
  const char *name = self->names + GUINT32_FROM_LE (entry->names);

  for (guint i = 0; i < lang; i++)
    name += strlen (name) + 1;

  return name;
}

static char *
dup_name_or_null (const char *name)
{
  /* A damaged file is refused when opened, but its text is not checked:
   * it never reaches the UI as invalid UTF-8. */
  return name[0] != '\0' ? g_utf8_make_valid (name, -1) : NULL;
}

static gboolean
check_file (DlGazetteer  *self,
            const char   *path,
            const guint8 *data,
            gsize         size,
            GError      **error)
{
  GazHeader header;
  guint32 entries_offset, keys_offset, names_offset, names_size, folded_offset, folded_size;

#define INVALID(...) G_STMT_START { \
    g_autofree char *detail = g_strdup_printf (__VA_ARGS__); \
    g_set_error (error, DL_GAZETTEER_ERROR, DL_GAZETTEER_ERROR_INVALID, \
                 _("The place names file %s is damaged: %s"), path, detail); \
    return FALSE; \
  } G_STMT_END

  if (size < sizeof header)
    INVALID ("%s", _("it is too short"));

  memcpy (&header, data, sizeof header);
  if (memcmp (header.magic, GAZ_MAGIC, sizeof header.magic) != 0)
    INVALID ("%s", _("it is not a Dateline gazetteer"));
  if (GUINT32_FROM_LE (header.version) != GAZ_VERSION)
    INVALID (_("its format version %u is not supported"), GUINT32_FROM_LE (header.version));
  if (GUINT32_FROM_LE (header.file_size) != size)
    INVALID ("%s", _("its size does not match its header"));

  self->n_entries = GUINT32_FROM_LE (header.n_entries);
  self->n_keys = GUINT32_FROM_LE (header.n_keys);
  entries_offset = GUINT32_FROM_LE (header.entries_offset);
  keys_offset = GUINT32_FROM_LE (header.keys_offset);
  names_offset = GUINT32_FROM_LE (header.names_offset);
  names_size = GUINT32_FROM_LE (header.names_size);
  folded_offset = GUINT32_FROM_LE (header.folded_offset);
  folded_size = GUINT32_FROM_LE (header.folded_size);

  if (self->n_entries >= (1u << 28) ||
      entries_offset % 8 != 0 || keys_offset % 8 != 0 ||
      (guint64) entries_offset + (guint64) self->n_entries * sizeof (GazEntry) > size ||
      (guint64) keys_offset + (guint64) self->n_keys * sizeof (GazKey) > size ||
      (guint64) names_offset + names_size > size || names_size == 0 ||
      (guint64) folded_offset + folded_size > size || folded_size == 0)
    INVALID ("%s", _("a section lies outside the file"));

  self->entries = (const GazEntry *) (data + entries_offset);
  self->keys = (const GazKey *) (data + keys_offset);
  self->names = (const char *) (data + names_offset);
  self->folded = (const char *) (data + folded_offset);

  /* Every string read later ends inside its blob. */
  if (self->names[names_size - 1] != '\0' || self->folded[folded_size - 1] != '\0')
    INVALID ("%s", _("a string runs past the end of its section"));

  for (guint32 i = 0; i < self->n_entries; i++)
    {
      const GazEntry *entry = &self->entries[i];
      guint32 offset = GUINT32_FROM_LE (entry->names);
      guint32 parent = GUINT32_FROM_LE (entry->parent);

      for (guint lang = 0; lang < GAZ_N_LANGUAGES; lang++)
        {
          if (offset >= names_size)
            INVALID (_("the names of place %u lie outside the file"), i);
          offset += strlen (self->names + offset) + 1;
        }
      if (parent != GAZ_NO_PARENT && parent >= self->n_entries)
        INVALID (_("place %u names a region %u that does not exist"), i, parent);
      if (entry->kind > DL_GAZETTEER_KIND_COUNTRY)
        INVALID (_("place %u is of an unknown kind %u"), i, entry->kind);
    }

  for (guint32 i = 0; i < self->n_keys; i++)
    {
      guint32 entry = GUINT32_FROM_LE (self->keys[i].entry);

      if (GUINT32_FROM_LE (self->keys[i].folded) >= folded_size ||
          GAZ_KEY_ENTRY (entry) >= self->n_entries ||
          GAZ_KEY_LANG (entry) >= GAZ_N_LANGUAGES)
        INVALID (_("search key %u is out of range"), i);
    }

#undef INVALID

  return TRUE;
}

/* ------------------------------------------------------------- search */

static const char *
key_text (DlGazetteer *self,
          guint32      index)
{
  return self->folded + GUINT32_FROM_LE (self->keys[index].folded);
}

/* The first key not less than @query, or (with @past_prefix) the first key
 * that neither starts with @query nor sorts before it. */
static guint32
bound (DlGazetteer *self,
       const char  *query,
       gsize        len,
       gboolean     past_prefix)
{
  guint32 lo = 0, hi = self->n_keys;
  int cmp;

  DL_BISECT (lo, hi, mid,
             (cmp = past_prefix ? strncmp (key_text (self, mid), query, len) : strcmp (key_text (self, mid), query)) < 0
             || (past_prefix && cmp == 0));

  return lo;
}

/* Ranking: exact whole names, then names that start with the query, then
 * names with a word that does; within each, by population (the entries are
 * stored by population, so a lower index ranks higher). */
static int
candidate_rank (const Candidate *c)
{
  return c->exact ? 0 : c->whole_name ? 1 : 2;
}

static gboolean
candidate_better (const Candidate *a,
                  const Candidate *b)
{
  int ra = candidate_rank (a), rb = candidate_rank (b);

  if (ra != rb)
    return ra < rb;
  return a->entry < b->entry;
}

/* Keeps the best @max candidates, sorted, one per entry. */
static void
offer (GArray    *best,
       guint      max,
       Candidate *c)
{
  guint pos;

  for (guint i = 0; i < best->len; i++)
    {
      Candidate *other = &g_array_index (best, Candidate, i);

      if (other->entry == c->entry)
        {
          if (!candidate_better (c, other))
            return;
          g_array_remove_index (best, i);
          break;
        }
    }

  for (pos = best->len; pos > 0; pos--)
    if (!candidate_better (c, &g_array_index (best, Candidate, pos - 1)))
      break;

  if (pos >= max)
    return;

  g_array_insert_val (best, pos, *c);
  if (best->len > max)
    g_array_set_size (best, max);
}

static char *
build_context (DlGazetteer    *self,
               const GazEntry *entry,
               guint           lang)
{
  g_autoptr(GString) context = g_string_new (NULL);
  guint32 parent = GUINT32_FROM_LE (entry->parent);

  for (guint depth = 0; parent != GAZ_NO_PARENT && depth < GAZ_MAX_DEPTH; depth++)
    {
      const GazEntry *p = get_entry (self, parent);
      const char *name = entry_name (self, p, lang);

      if (name[0] == '\0')
        name = entry_name (self, p, 0);
      if (name[0] != '\0')
        {
          if (context->len > 0)
            /* Translators: separates a region from its country in a place's context, "Gaza, State of Palestine" */
            g_string_append (context, C_("place context", ", "));
          g_string_append (context, name);
        }
      parent = GUINT32_FROM_LE (p->parent);
    }

  return context->len > 0 ? g_utf8_make_valid (context->str, -1) : NULL;
}

static DlGazetteerMatch *
match_from_entry (DlGazetteer     *self,
                  const Candidate *c)
{
  const GazEntry *entry = get_entry (self, c->entry);
  DlGazetteerMatch *match = g_new0 (DlGazetteerMatch, 1);
  const char *name = entry_name (self, entry, c->language);

  match->kind = entry->kind;
  match->name_en = dup_name_or_null (entry_name (self, entry, 0));
  match->name_ar = dup_name_or_null (entry_name (self, entry, 1));
  match->name_he = dup_name_or_null (entry_name (self, entry, 2));
  /* The key may have been another spelling in that language: show the
   * place's name in it, else its English name. */
  if (name[0] == '\0')
    name = entry_name (self, entry, 0);
  match->name = g_utf8_make_valid (name, -1);
  match->language = g_strdup (languages[c->language]);
  match->context = build_context (self, entry, c->language);
  match->position.lon = (gint32) GUINT32_FROM_LE ((guint32) entry->lon_e5) / 1e5;
  match->position.lat = (gint32) GUINT32_FROM_LE ((guint32) entry->lat_e5) / 1e5;
  match->precision_m = GUINT16_FROM_LE (entry->precision_hm) * 100.0;
  match->population = GUINT32_FROM_LE (entry->population);
  match->exact = c->exact;
  match->word = !c->whole_name;

  return match;
}

static gboolean
folded_matches (const char             *folded_name,
                const char             *query,
                gsize                   len,
                DlGazetteerSearchFlags  flags,
                gboolean               *exact)
{
  *exact = strcmp (folded_name, query) == 0;
  if (*exact)
    return TRUE;
  if (flags & DL_GAZETTEER_SEARCH_EXACT)
    return FALSE;
  if (strncmp (folded_name, query, len) == 0)
    return TRUE;
  for (const char *p = strchr (folded_name, ' '); p != NULL; p = strchr (p + 1, ' '))
    if (strncmp (p + 1, query, len) == 0)
      return TRUE;
  return FALSE;
}

static DlGazetteerMatch *
match_dataset_place (DlPlace                *place,
                     const char             *query,
                     gsize                   len,
                     DlGazetteerSearchFlags  flags)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) name_languages = g_ptr_array_new ();
  g_auto(GStrv) place_languages = dl_place_dup_languages (place);

  g_ptr_array_add (names, (gpointer) dl_place_get_name (place));
  g_ptr_array_add (name_languages, NULL);
  for (guint i = 0; place_languages[i] != NULL; i++)
    {
      g_ptr_array_add (names, (gpointer) dl_place_get_name_for (place, place_languages[i]));
      g_ptr_array_add (name_languages, place_languages[i]);
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *folded = dl_gazetteer_fold (g_ptr_array_index (names, i));
      gboolean exact;

      if (folded_matches (folded, query, len, flags, &exact))
        {
          DlGazetteerMatch *match = g_new0 (DlGazetteerMatch, 1);
          const char *language = g_ptr_array_index (name_languages, i);

          match->kind = DL_GAZETTEER_KIND_DATASET_PLACE;
          match->name = g_strdup (g_ptr_array_index (names, i));
          match->language = g_strdup (language);
          match->name_en = g_strdup (dl_place_get_name (place));
          match->name_ar = g_strdup (dl_place_get_name_for (place, "ar"));
          match->name_he = g_strdup (dl_place_get_name_for (place, "he"));
          match->position = dl_geometry_get_anchor (dl_place_get_geometry (place));
          match->precision_m = dl_place_get_precision_m (place);
          match->exact = exact;
          match->word = !exact && !g_str_has_prefix (folded, query);
          match->place = g_object_ref (place);
          return match;
        }
    }

  return NULL;
}

/* ------------------------------------------------------------- object */

static void
dl_gazetteer_finalize (GObject *object)
{
  DlGazetteer *self = DL_GAZETTEER (object);

  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_free (self->path);

  G_OBJECT_CLASS (dl_gazetteer_parent_class)->finalize (object);
}

static void
dl_gazetteer_class_init (DlGazetteerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dl_gazetteer_finalize;
}

static void
dl_gazetteer_init (DlGazetteer *self)
{
}

/* --------------------------------------------------------- public API */

const char *
dl_gazetteer_match_get_place_kind (const DlGazetteerMatch *match)
{
  switch (match->kind)
    {
    case DL_GAZETTEER_KIND_COUNTRY:
      return "country";
    case DL_GAZETTEER_KIND_REGION:
      return "region";
    case DL_GAZETTEER_KIND_DATASET_PLACE:
      if (match->place != NULL && dl_place_get_kind (match->place) != NULL)
        return dl_place_get_kind (match->place);
      return "city";
    case DL_GAZETTEER_KIND_CITY:
    case DL_GAZETTEER_KIND_CAPITAL:
    case DL_GAZETTEER_KIND_ADMIN_SEAT:
    default:
      return "city";
    }
}

DlGazetteerMatch *
dl_gazetteer_match_copy (const DlGazetteerMatch *match)
{
  DlGazetteerMatch *copy;

  g_return_val_if_fail (match != NULL, NULL);

  copy = g_memdup2 (match, sizeof *match);
  copy->name = g_strdup (match->name);
  copy->language = g_strdup (match->language);
  copy->name_en = g_strdup (match->name_en);
  copy->name_ar = g_strdup (match->name_ar);
  copy->name_he = g_strdup (match->name_he);
  copy->context = g_strdup (match->context);
  if (copy->place != NULL)
    g_object_ref (copy->place);

  return copy;
}

void
dl_gazetteer_match_free (DlGazetteerMatch *match)
{
  if (match == NULL)
    return;

  g_free (match->name);
  g_free (match->language);
  g_free (match->name_en);
  g_free (match->name_ar);
  g_free (match->name_he);
  g_free (match->context);
  g_clear_object (&match->place);
  g_free (match);
}

DlGazetteer *
dl_gazetteer_new_for_path (const char  *path,
                           GError     **error)
{
  g_autoptr(DlGazetteer) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (DL_TYPE_GAZETTEER, NULL);
  self->path = g_strdup (path);
  self->mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (self->mapped == NULL)
    {
      g_set_error (error, DL_GAZETTEER_ERROR, DL_GAZETTEER_ERROR_NOT_FOUND,
                   _("The place names file %s cannot be read: %s"), path, local_error->message);
      return NULL;
    }

  if (!check_file (self, path,
                   (const guint8 *) g_mapped_file_get_contents (self->mapped),
                   g_mapped_file_get_length (self->mapped), error))
    return NULL;

  return g_steal_pointer (&self);
}

DlGazetteer *
dl_gazetteer_open_default (GError **error)
{
  static GMutex lock;
  static DlGazetteer *shared = NULL;
  g_autoptr(GPtrArray) tried = g_ptr_array_new_with_free_func (g_free);
  const char *env;
  DlGazetteer *result = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&lock);

  if (shared != NULL)
    {
      result = g_object_ref (shared);
      goto out;
    }

  env = g_getenv ("DATELINE_GAZETTEER_DIR");
  if (env != NULL && *env != '\0')
    g_ptr_array_add (tried, g_build_filename (env, DL_GAZETTEER_FILE_NAME, NULL));
  else
    {
      g_ptr_array_add (tried, g_build_filename (PKGDATADIR, "gazetteer", DL_GAZETTEER_FILE_NAME, NULL));
      g_ptr_array_add (tried, g_build_filename (SOURCE_GAZETTEERDIR, DL_GAZETTEER_FILE_NAME, NULL));
    }

  for (guint i = 0; i < tried->len; i++)
    {
      const char *path = g_ptr_array_index (tried, i);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      shared = dl_gazetteer_new_for_path (path, error);
      if (shared != NULL)
        result = g_object_ref (shared);
      goto out;
    }

  g_set_error (error, DL_GAZETTEER_ERROR, DL_GAZETTEER_ERROR_NOT_FOUND,
               _("The place names file was not found (looked for %s)"),
               (const char *) g_ptr_array_index (tried, 0));

out:
  g_mutex_unlock (&lock);
  return result;
}

const char *
dl_gazetteer_get_path (DlGazetteer *self)
{
  g_return_val_if_fail (DL_IS_GAZETTEER (self), NULL);

  return self->path;
}

guint
dl_gazetteer_get_n_entries (DlGazetteer *self)
{
  g_return_val_if_fail (DL_IS_GAZETTEER (self), 0);

  return self->n_entries;
}

GPtrArray *
dl_gazetteer_search (DlGazetteer            *self,
                     const char             *query,
                     DlDataset              *dataset,
                     DlGazetteerSearchFlags  flags,
                     guint                   max_results)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_gazetteer_match_free);
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree char *folded = NULL;
  guint max = max_results > 0 ? max_results : GAZ_DEFAULT_MAX;
  guint32 lo, hi, exact_end;
  gsize len;

  g_return_val_if_fail (DL_IS_GAZETTEER (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (dataset == NULL || DL_IS_DATASET (dataset), NULL);

  folded = dl_gazetteer_fold (query);
  len = strlen (folded);
  if (len == 0)
    return g_steal_pointer (&results);

  if (dataset != NULL)
    {
      GListModel *places = dl_dataset_get_places (dataset);
      guint n = g_list_model_get_n_items (places);

      for (guint i = 0; i < n && (max_results == 0 || results->len < max_results); i++)
        {
          g_autoptr(DlPlace) place = g_list_model_get_item (places, i);
          DlGazetteerMatch *match = match_dataset_place (place, folded, len, flags);

          if (match != NULL)
            g_ptr_array_add (results, match);
        }
    }

  if (results->len >= max)
    return g_steal_pointer (&results);
  max -= results->len;

  /* Keys equal to the query sort first among those starting with it. */
  lo = bound (self, folded, len, FALSE);
  exact_end = lo;
  while (exact_end < self->n_keys && strcmp (key_text (self, exact_end), folded) == 0)
    exact_end++;
  hi = (flags & DL_GAZETTEER_SEARCH_EXACT) ? exact_end : bound (self, folded, len, TRUE);

  for (guint32 i = lo; i < hi; i++)
    {
      guint32 value = GUINT32_FROM_LE (self->keys[i].entry);
      gboolean word = (value & GAZ_KEY_WORD) != 0;
      Candidate c = {
        .entry = GAZ_KEY_ENTRY (value),
        .language = GAZ_KEY_LANG (value),
        .whole_name = !word,
        .exact = !word && i < exact_end,
      };

      if ((flags & DL_GAZETTEER_SEARCH_EXACT) && !c.exact)
        continue;
      /* Most keys of a short prefix rank below every kept one. */
      if (best->len == max && !candidate_better (&c, &g_array_index (best, Candidate, max - 1)))
        continue;

      offer (best, max, &c);
    }

  for (guint i = 0; i < best->len; i++)
    g_ptr_array_add (results, match_from_entry (self, &g_array_index (best, Candidate, i)));

  return g_steal_pointer (&results);
}
