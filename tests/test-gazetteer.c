/* test-gazetteer.c: the offline world gazetteer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "dl-dataset.h"
#include "dl-gazetteer.h"

#define GAZETTEER_BUDGET (10 * 1000 * 1000)

static DlGazetteer *
open_gazetteer (void)
{
  g_autoptr(GError) error = NULL;
  DlGazetteer *gazetteer = dl_gazetteer_open_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (gazetteer);
  return gazetteer;
}

static GPtrArray *
search (const char             *query,
        DlDataset              *dataset,
        DlGazetteerSearchFlags  flags,
        guint                   max)
{
  g_autoptr(DlGazetteer) gazetteer = open_gazetteer ();

  return dl_gazetteer_search (gazetteer, query, dataset, flags, max);
}

/* The first match of @kind (DL_GAZETTEER_KIND_CITY: any city, capital or
 * regional seat) within @km of (lon, lat), or NULL. */
static const DlGazetteerMatch *
find_near (GPtrArray       *matches,
           DlGazetteerKind  kind,
           double           lon,
           double           lat,
           double           km)
{
  DlLonLat want = { lon, lat };

  for (guint i = 0; i < matches->len; i++)
    {
      const DlGazetteerMatch *m = g_ptr_array_index (matches, i);

      gboolean settlement = m->kind == DL_GAZETTEER_KIND_CITY ||
                            m->kind == DL_GAZETTEER_KIND_CAPITAL ||
                            m->kind == DL_GAZETTEER_KIND_ADMIN_SEAT;

      if ((m->kind == kind || (kind == DL_GAZETTEER_KIND_CITY && settlement)) &&
          dl_geo_distance_m (m->position, want) <= km * 1000)
        return m;
    }
  return NULL;
}

/* The same, failing the test when there is none. */
static const DlGazetteerMatch *
require_near (GPtrArray       *matches,
              DlGazetteerKind  kind,
              double           lon,
              double           lat,
              double           km)
{
  const DlGazetteerMatch *m = find_near (matches, kind, lon, lat, km);

  if (m == NULL)
    g_error ("no place of kind %d within %g km of %g, %g among %u matches", kind, km, lon, lat, matches->len);
  return m;
}

static void
test_fold (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Khān Yūnis", "khan yunis" },
    { "  Tel-Aviv  Yafo ", "tel aviv yafo" },
    { "ZÜRICH", "zurich" },
    { "São Paulo", "sao paulo" },
    { "Straße", "strasse" },
    { "İstanbul", "istanbul" },
    /* Harakat and the hamza on alef go; teh marbuta and alef maksura merge. */
    { "غَزَّة", "غزه" },
    { "أريحا", "اريحا" },
    { "إسرائيل", "اسراييل" },
    { "مصطفى", "مصطفي" },
    /* Niqqud goes. */
    { "יְרוּשָׁלַיִם", "ירושלים" },
    { "...", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = dl_gazetteer_fold (cases[i].in);
      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_file_size (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("DATELINE_GAZETTEER_DIR"), DL_GAZETTEER_FILE_NAME, NULL);
  GStatBuf st;
  g_autoptr(DlGazetteer) gazetteer = open_gazetteer ();

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("%s: %" G_GINT64_FORMAT " bytes, %u places", path, (gint64) st.st_size,
                  dl_gazetteer_get_n_entries (gazetteer));
  g_assert_cmpint (st.st_size, <=, GAZETTEER_BUDGET);
  /* Every GeoNames city of 1000 inhabitants or more: over 100,000. */
  g_assert_cmpuint (dl_gazetteer_get_n_entries (gazetteer), >, 100000);
}

static void
test_english (void)
{
  g_autoptr(GPtrArray) gaza = search ("Gaza", NULL, 0, 10);
  g_autoptr(GPtrArray) khan = search ("khan yu", NULL, 0, 10);
  g_autoptr(GPtrArray) word = search ("Yunis", NULL, 0, 10);
  g_autoptr(GPtrArray) sao = search ("sao paulo", NULL, 0, 5);
  const DlGazetteerMatch *m;

  m = require_near (gaza, DL_GAZETTEER_KIND_CITY, 34.4667, 31.5016, 5);
  g_assert_true (m->exact);
  g_assert_cmpstr (m->language, ==, "en");
  g_assert_nonnull (m->name_ar);
  g_assert_nonnull (m->context);
  g_assert_nonnull (strstr (m->context, "Palestine"));

  /* A prefix, and a word inside the name. */
  g_assert_nonnull (find_near (khan, DL_GAZETTEER_KIND_CITY, 34.3063, 31.3402, 5));
  g_assert_nonnull (find_near (word, DL_GAZETTEER_KIND_CITY, 34.3063, 31.3402, 5));

  /* Accents do not matter; the biggest city comes first. */
  g_assert_cmpuint (sao->len, >, 0);
  m = g_ptr_array_index (sao, 0);
  g_assert_cmpstr (m->name, ==, "São Paulo");
  g_assert_cmpuint (m->population, >, 10000000);
}

static void
test_arabic (void)
{
  g_autoptr(GPtrArray) gaza = search ("غزة", NULL, 0, 10);
  g_autoptr(GPtrArray) khan = search ("خان يونس", NULL, 0, 10);
  g_autoptr(GPtrArray) with_hamza = search ("أريحا", NULL, 0, 10);
  g_autoptr(GPtrArray) without_hamza = search ("اريحا", NULL, 0, 10);
  g_autoptr(GPtrArray) egypt = search ("مصر", NULL, 0, 10);
  const DlGazetteerMatch *m;

  m = require_near (gaza, DL_GAZETTEER_KIND_CITY, 34.4667, 31.5016, 5);
  g_assert_cmpstr (m->language, ==, "ar");
  g_assert_nonnull (m->name_en);
  g_assert_nonnull (find_near (khan, DL_GAZETTEER_KIND_CITY, 34.3063, 31.3402, 5));
  /* Jericho, written with or without the hamza. */
  g_assert_nonnull (find_near (with_hamza, DL_GAZETTEER_KIND_CITY, 35.44, 31.86, 5));
  g_assert_nonnull (find_near (without_hamza, DL_GAZETTEER_KIND_CITY, 35.44, 31.86, 5));
  m = require_near (egypt, DL_GAZETTEER_KIND_COUNTRY, 30.8, 26.8, 600);
  g_assert_cmpstr (m->name_en, ==, "Egypt");
}

static void
test_hebrew (void)
{
  g_autoptr(GPtrArray) jerusalem = search ("ירושלים", NULL, 0, 10);
  g_autoptr(GPtrArray) egypt = search ("מצרים", NULL, 0, 10);
  const DlGazetteerMatch *m;

  m = require_near (jerusalem, DL_GAZETTEER_KIND_CITY, 35.2163, 31.769, 5);
  g_assert_cmpstr (m->language, ==, "he");
  g_assert_cmpstr (m->name, ==, "ירושלים");
  g_assert_nonnull (find_near (egypt, DL_GAZETTEER_KIND_COUNTRY, 30.8, 26.8, 600));
}

static void
test_regions_and_countries (void)
{
  g_autoptr(GPtrArray) bavaria = search ("Bavaria", NULL, 0, 5);
  g_autoptr(GPtrArray) egypt = search ("Egypt", NULL, 0, 5);
  const DlGazetteerMatch *m;

  m = require_near (bavaria, DL_GAZETTEER_KIND_REGION, 11.4, 48.9, 150);
  g_assert_cmpstr (m->context, ==, "Germany");
  g_assert_cmpfloat (m->precision_m, >, 100000);

  m = g_ptr_array_index (egypt, 0);
  g_assert_cmpint (m->kind, ==, DL_GAZETTEER_KIND_COUNTRY);
  g_assert_null (m->context);
  /* Ranked by its cities' inhabitants. */
  g_assert_cmpuint (m->population, >, 20000000);
}

static int
tier (const DlGazetteerMatch *m)
{
  return m->exact ? 0 : m->word ? 2 : 1;
}

static void
test_ranking (void)
{
  g_autoptr(GPtrArray) spring = search ("spring", NULL, 0, 2000);
  g_autoptr(GPtrArray) paris = search ("Paris", NULL, 0, 5);
  guint tiers_seen = 0;

  g_assert_cmpuint (spring->len, >, 50);
  g_assert_cmpuint (spring->len, <, 2000);
  for (guint i = 0; i < spring->len; i++)
    {
      const DlGazetteerMatch *m = g_ptr_array_index (spring, i);

      tiers_seen |= 1u << tier (m);
      if (i > 0)
        {
          const DlGazetteerMatch *before = g_ptr_array_index (spring, i - 1);

          /* Whole names equal to the query, then names that start with it,
           * then names with a word that does; each by population (a region
           * ranks as its largest city). */
          g_assert_cmpint (tier (before), <=, tier (m));
          if (tier (before) == tier (m) &&
              before->kind != DL_GAZETTEER_KIND_REGION && m->kind != DL_GAZETTEER_KIND_REGION)
            g_assert_cmpuint (before->population, >=, m->population);
        }
      /* One result per place. */
      for (guint j = 0; j < i; j++)
        {
          const DlGazetteerMatch *other = g_ptr_array_index (spring, j);

          g_assert_false (other->position.lon == m->position.lon &&
                          other->position.lat == m->position.lat &&
                          g_strcmp0 (other->name_en, m->name_en) == 0);
        }
    }
  /* "Spring", "Springfield", "Palm Springs". */
  g_assert_cmpuint (tiers_seen, ==, 7);

  g_assert_nonnull (find_near (paris, DL_GAZETTEER_KIND_CAPITAL, 2.35, 48.86, 10));
  g_assert_true (find_near (paris, DL_GAZETTEER_KIND_CAPITAL, 2.35, 48.86, 10) == g_ptr_array_index (paris, 0));
}

static void
test_exact (void)
{
  g_autoptr(GPtrArray) york = search ("York", NULL, DL_GAZETTEER_SEARCH_EXACT, 50);
  g_autoptr(GPtrArray) prefix = search ("York", NULL, 0, 50);
  gboolean new_york = FALSE;

  g_assert_cmpuint (york->len, >, 0);
  for (guint i = 0; i < york->len; i++)
    {
      const DlGazetteerMatch *m = g_ptr_array_index (york, i);

      g_assert_true (m->exact);
      g_assert_cmpstr (m->name, ==, "York");
    }
  for (guint i = 0; i < prefix->len; i++)
    {
      const DlGazetteerMatch *m = g_ptr_array_index (prefix, i);

      /* Found by a word inside its name. */
      if (g_strcmp0 (m->name, "New York") == 0 && m->population > 8000000)
        {
          g_assert_true (m->word);
          new_york = TRUE;
        }
    }
  g_assert_true (new_york);
}

static void
test_nothing (void)
{
  g_autoptr(GPtrArray) empty = search ("", NULL, 0, 10);
  g_autoptr(GPtrArray) punct = search (" -.,", NULL, 0, 10);
  g_autoptr(GPtrArray) nonsense = search ("qqqxqzzq", NULL, 0, 10);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (punct->len, ==, 0);
  g_assert_cmpuint (nonsense->len, ==, 0);
}

static void
test_dataset_first (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (file, problems, NULL);
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) arabic = NULL;
  guint n_dataset = 0;

  g_assert_nonnull (dataset);
  matches = search ("Gaza", dataset, 0, 30);
  arabic = search ("مدرسة مصطفى", dataset, 0, 10);

  for (guint i = 0; i < matches->len; i++)
    {
      const DlGazetteerMatch *m = g_ptr_array_index (matches, i);

      if (m->kind == DL_GAZETTEER_KIND_DATASET_PLACE)
        {
          /* Before every gazetteer place. */
          g_assert_cmpuint (i, ==, n_dataset);
          g_assert_nonnull (m->place);
          n_dataset++;
        }
    }
  g_assert_cmpuint (n_dataset, >, 0);
  g_assert_nonnull (find_near (matches, DL_GAZETTEER_KIND_CITY, 34.4667, 31.5016, 5));

  /* The dataset's own Arabic names are searched too. */
  g_assert_cmpuint (arabic->len, >, 0);
  g_assert_cmpstr (dl_place_get_id (((DlGazetteerMatch *) g_ptr_array_index (arabic, 0))->place), ==,
                   "mustafa-hafez-school");
  g_assert_cmpstr (((DlGazetteerMatch *) g_ptr_array_index (arabic, 0))->language, ==, "ar");
}

static void
check_refused (const char   *path,
               const guint8 *data,
               gsize         len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlGazetteer) gazetteer = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, len, NULL));
  gazetteer = dl_gazetteer_new_for_path (path, &error);
  g_assert_null (gazetteer);
  g_assert_error (error, DL_GAZETTEER_ERROR, DL_GAZETTEER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_damaged (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("DATELINE_GAZETTEER_DIR"), DL_GAZETTEER_FILE_NAME, NULL);
  g_autofree char *dir = g_dir_make_tmp ("dateline-gazetteer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "damaged.dlgz", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.dlgz", NULL);
  g_autofree guint8 *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);
  gsize len;

  g_assert_true (g_file_get_contents (source, (char **) &data, &len, NULL));

  /* Not there. */
  g_assert_null (dl_gazetteer_new_for_path (missing, &error));
  g_assert_error (error, DL_GAZETTEER_ERROR, DL_GAZETTEER_ERROR_NOT_FOUND);

  /* Cut short, a wrong magic number, a newer version. */
  check_refused (path, data, 20);
  check_refused (path, data, len / 2);
  {
    g_autofree guint8 *copy = g_memdup2 (data, len);
    copy[0] = 'X';
    check_refused (path, copy, len);
    copy[0] = data[0];
    copy[8] = 99;
    check_refused (path, copy, len);
  }

  /* Random damage to the header and tables: refused or readable, never a
   * crash (searching what was accepted must stay inside the file). */
  for (guint round = 0; round < 40; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      g_autoptr(DlGazetteer) gazetteer = NULL;
      g_autoptr(GError) local_error = NULL;

      for (guint k = 0; k < 8; k++)
        {
          gsize at = round < 20 ? (gsize) g_rand_int_range (rand, 8, 48)
                                : (gsize) g_rand_int_range (rand, 48, (gint32) MIN (len, G_MAXINT32));
          copy[at] = (guint8) g_rand_int (rand);
        }
      g_assert_true (g_file_set_contents (path, (const char *) copy, len, NULL));
      gazetteer = dl_gazetteer_new_for_path (path, &local_error);
      if (gazetteer != NULL)
        {
          g_autoptr(GPtrArray) found = dl_gazetteer_search (gazetteer, "a", NULL, 0, 10);
          g_assert_nonnull (found);
        }
      else
        g_assert_error (local_error, DL_GAZETTEER_ERROR, DL_GAZETTEER_ERROR_INVALID);
    }

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gazetteer/fold", test_fold);
  g_test_add_func ("/gazetteer/file-size", test_file_size);
  g_test_add_func ("/gazetteer/english", test_english);
  g_test_add_func ("/gazetteer/arabic", test_arabic);
  g_test_add_func ("/gazetteer/hebrew", test_hebrew);
  g_test_add_func ("/gazetteer/regions-and-countries", test_regions_and_countries);
  g_test_add_func ("/gazetteer/ranking", test_ranking);
  g_test_add_func ("/gazetteer/exact", test_exact);
  g_test_add_func ("/gazetteer/nothing", test_nothing);
  g_test_add_func ("/gazetteer/dataset-first", test_dataset_first);
  g_test_add_func ("/gazetteer/damaged", test_damaged);

  return g_test_run ();
}
