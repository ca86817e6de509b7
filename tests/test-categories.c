/* test-categories.c: the categories a dataset defines (dl-dataset-categories.h)
 *
 * Read with their problems, written back byte for byte, left out when
 * there are none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "dl-dataset.h"
#include "dl-dataset-categories.h"
#include "dl-edit-stack.h"
#include "dl-writer.h"

/* A dataset without articles, its categories member in between. */
static char *
dataset_text (const char *categories)
{
  return g_strconcat ("{\n"
                      "  \"dateline\": 1,\n"
                      "  \"title\": \"Categories\",\n",
                      categories != NULL ? categories : "",
                      "  \"sources\": [],\n"
                      "  \"places\": [\n"
                      "    {\n"
                      "      \"id\": \"here\",\n"
                      "      \"name\": \"Here\",\n"
                      "      \"precision_m\": 1000,\n"
                      "      \"geometry\": {\n"
                      "        \"type\": \"Point\",\n"
                      "        \"coordinates\": [34.45, 31.51]\n"
                      "      }\n"
                      "    }\n"
                      "  ],\n"
                      "  \"events\": [\n"
                      "    {\n"
                      "      \"id\": \"one\",\n"
                      "      \"title\": \"One\",\n"
                      "      \"category\": \"flood-relief\",\n"
                      "      \"when\": \"2024-08-20\",\n"
                      "      \"place\": \"here\"\n"
                      "    }\n"
                      "  ]\n"
                      "}\n", NULL);
}

static DlDataset *
load_text (const char *text,
           DlProblems *problems)
{
  return dl_dataset_load_from_data (text, strlen (text), NULL, problems);
}

static void
test_color_parse (void)
{
  guint32 color = 0;
  char out[8];

  g_assert_true (dl_category_color_parse ("#e66100", &color));
  g_assert_cmphex (color, ==, 0xe66100);
  g_assert_true (dl_category_color_parse ("#0A0B0C", &color));
  g_assert_cmphex (color, ==, 0x0a0b0c);
  dl_category_color_format (color, out);
  g_assert_cmpstr (out, ==, "#0a0b0c");
  g_assert_false (dl_category_color_parse ("e66100", &color));
  g_assert_false (dl_category_color_parse ("#e6610", &color));
  g_assert_false (dl_category_color_parse ("#e661000", &color));
  g_assert_false (dl_category_color_parse ("#e6610g", &color));
  g_assert_false (dl_category_color_parse ("orange", &color));
}

static void
test_id_from_name (void)
{
  static const struct { const char *name, *id; } cases[] = {
    { "Flood relief", "flood-relief" },
    { "  Explosions/Remote violence ", "explosions-remote-violence" },
    { "UN Talks 2024", "un-talks-2024" },
    { "إغاثة", "category" },
    { "", "category" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = dl_category_id_from_name (cases[i].name);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_true (dl_category_id_is_valid (id));
    }
}

/* Definitions load, are found by id, and the writer gives the same bytes
 * back; a file without them is written without them. */
static void
test_round_trip (void)
{
  g_autofree char *text = dataset_text ("  \"categories\": [\n"
                                        "    {\n"
                                        "      \"id\": \"flood-relief\",\n"
                                        "      \"label\": \"Flood relief\",\n"
                                        "      \"color\": \"#e66100\"\n"
                                        "    },\n"
                                        "    {\n"
                                        "      \"id\": \"strike\",\n"
                                        "      \"color\": \"#123456\"\n"
                                        "    }\n"
                                        "  ],\n");
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_text (text, problems);
  g_autoptr(DlDataset) reloaded = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  const DlCategoryDef *def;

  if (dataset == NULL)
    g_error ("%s", dl_problems_to_string (problems, NULL));
  {
    g_autofree char *all = dl_problems_to_string (problems, NULL);

    /* The event without passages is warned of; the categories are not. */
    g_assert_null (strstr (all, "categories"));
  }
  g_assert_cmpuint (dl_dataset_get_n_categories (dataset), ==, 2);
  def = dl_dataset_lookup_category (dataset, "flood-relief");
  g_assert_nonnull (def);
  g_assert_cmpstr (def->label, ==, "Flood relief");
  g_assert_cmphex (def->color, ==, 0xe66100);
  def = dl_dataset_lookup_category (dataset, "strike");
  g_assert_nonnull (def);
  g_assert_null (def->label);
  g_assert_cmphex (def->color, ==, 0x123456);
  g_assert_null (dl_dataset_lookup_category (dataset, "truce"));

  written = dl_writer_to_data (dataset, NULL);
  g_assert_nonnull (strstr (written, "  \"categories\": [\n"
                                     "    {\n"
                                     "      \"id\": \"flood-relief\",\n"
                                     "      \"label\": \"Flood relief\",\n"
                                     "      \"color\": \"#e66100\"\n"
                                     "    },\n"));
  reloaded = load_text (written, problems);
  g_assert_nonnull (reloaded);
  again = dl_writer_to_data (reloaded, NULL);
  g_assert_cmpstr (written, ==, again);

  {
    g_autofree char *plain = dataset_text (NULL);
    g_autoptr(DlDataset) without = load_text (plain, problems);
    g_autofree char *out = dl_writer_to_data (without, NULL);

    g_assert_cmpuint (dl_dataset_get_n_categories (without), ==, 0);
    g_assert_null (strstr (out, "categories"));
  }
}

static void
test_bundled_unchanged (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (file, problems, NULL);
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;

  g_assert_nonnull (dataset);
  g_assert_true (g_file_load_contents (file, NULL, &original, NULL, NULL, NULL));
  written = dl_writer_to_data (dataset, NULL);
  g_assert_cmpstr (written, ==, original);
}

/* Each bad definition gives its problem at its path, and the file is
 * refused (or, for an unknown member, warned about). */
static void
test_problems (void)
{
  static const struct {
    const char *categories;
    const char *expected;
  } cases[] = {
    { "\"categories\": {},\n", "categories: error: expected an array, found an object" },
    { "\"categories\": [1],\n", "categories[0]: error: expected an object, found a number" },
    { "\"categories\": [{ \"label\": \"X\", \"color\": \"#000000\" }],\n",
      "categories[0]: error: the member “id” is missing" },
    { "\"categories\": [{ \"id\": \"Flood\", \"color\": \"#000000\" }],\n",
      "categories[0].id: error: “Flood” is not a category: use lower-case letters, digits and “-”" },
    { "\"categories\": [{ \"id\": \"a\", \"color\": \"#000000\" }, { \"id\": \"a\", \"color\": \"#111111\" }],\n",
      "categories[1].id: error: duplicate category id “a”" },
    { "\"categories\": [{ \"id\": \"a\" }],\n", "categories[0]: error: the member “color” is missing" },
    { "\"categories\": [{ \"id\": \"a\", \"color\": \"red\" }],\n",
      "categories[0].color: error: “red” is not a colour: write it as “#rrggbb”, e.g. “#e66100”" },
    { "\"categories\": [{ \"id\": \"a\", \"color\": 16711680 }],\n",
      "categories[0].color: error: expected a string, found a number" },
    { "\"categories\": [{ \"id\": \"a\", \"label\": \"\", \"color\": \"#000000\" }],\n",
      "categories[0].label: error: must not be empty" },
    { "\"categories\": [{ \"id\": \"a\", \"colour\": \"#000000\", \"color\": \"#000000\" }],\n",
      "categories[0].colour: warning: unknown member “colour” is ignored" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dataset_text (cases[i].categories);
      g_autoptr(DlProblems) problems = dl_problems_new ();
      g_autoptr(DlDataset) dataset = load_text (text, problems);
      g_autofree char *all = dl_problems_to_string (problems, NULL);

      g_test_message ("%s→ %s", cases[i].categories, all);
      g_assert_nonnull (strstr (all, cases[i].expected));
      if (strstr (cases[i].expected, ": error: ") != NULL)
        g_assert_null (dataset);
      else
        g_assert_nonnull (dataset);
    }

  {
    g_autofree char *long_label = g_strnfill (4097, 'x');
    g_autofree char *member = g_strdup_printf ("\"categories\": [{ \"id\": \"a\", \"label\": \"%s\", "
                                               "\"color\": \"#000000\" }],\n", long_label);
    g_autofree char *text = dataset_text (member);
    g_autoptr(DlProblems) problems = dl_problems_new ();
    g_autoptr(DlDataset) dataset = load_text (text, problems);
    g_autofree char *all = dl_problems_to_string (problems, NULL);

    g_assert_null (dataset);
    g_assert_nonnull (strstr (all, "categories[0].label: error: the text is too long: 4097 bytes, at most 4096"));
  }
}

/* A new id is made from the name and is unique among definitions, the
 * events' categories and the ids given as taken. */
static void
test_make_id (void)
{
  g_autofree char *text = dataset_text ("\"categories\": [{ \"id\": \"rain\", \"color\": \"#000000\" }],\n");
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = load_text (text, problems);
  const char * const taken[] = { "strike", NULL };
  g_autofree char *fresh = NULL;
  g_autofree char *rain = NULL;
  g_autofree char *flood = NULL;
  g_autofree char *strike = NULL;

  g_assert_nonnull (dataset);
  fresh = dl_dataset_make_category_id (dataset, "Snow storm", taken);
  rain = dl_dataset_make_category_id (dataset, "Rain", taken);
  flood = dl_dataset_make_category_id (dataset, "Flood Relief", taken);
  strike = dl_dataset_make_category_id (dataset, "Strike", taken);
  g_assert_cmpstr (fresh, ==, "snow-storm");
  g_assert_cmpstr (rain, ==, "rain-2");
  g_assert_cmpstr (flood, ==, "flood-relief-2");
  g_assert_cmpstr (strike, ==, "strike-2");
}

/* A new category with its colour and the event set to it is one edit;
 * undone, the dataset writes what it was loaded as; redone, the same as
 * before the undo. Recolouring keeps the definition's place and label. */
static void
test_edit (void)
{
  g_autoptr(GFile) file = dl_dataset_get_bundled_file ();
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = dl_dataset_load (file, problems, NULL);
  g_autoptr(DlEditStack) stack = NULL;
  g_autoptr(GError) error = NULL;
  const char * const taken[] = { "strike", NULL };
  g_autofree char *original = NULL;
  g_autofree char *added = NULL;
  g_autofree char *redone = NULL;
  DlEvent *event;
  const char *id;

  g_assert_nonnull (dataset);
  stack = dl_edit_stack_new (dataset);
  event = dl_dataset_lookup_event (dataset, "school-strike-gaza-city");
  g_assert_nonnull (event);
  original = dl_writer_to_data (dataset, NULL);

  g_assert_null (dl_edit_stack_add_category (stack, event, "  ", 0xe66100, taken, &error));
  g_assert_error (error, DL_EDIT_ERROR, DL_EDIT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (dl_edit_stack_can_undo (stack));

  id = dl_edit_stack_add_category (stack, event, "Strike", 0xe66100, taken, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "strike-2");
  g_assert_cmpstr (dl_event_get_category (event), ==, "strike-2");
  g_assert_cmpuint (dl_dataset_get_n_categories (dataset), ==, 1);
  g_assert_cmpstr (dl_dataset_get_category (dataset, 0)->label, ==, "Strike");
  g_assert_cmphex (dl_dataset_get_category (dataset, 0)->color, ==, 0xe66100);
  g_assert_cmpstr (dl_edit_stack_get_undo_label (stack), ==, "New Category");
  added = dl_writer_to_data (dataset, NULL);
  g_assert_nonnull (strstr (added, "\"categories\": [\n    {\n      \"id\": \"strike-2\",\n"
                                   "      \"label\": \"Strike\",\n      \"color\": \"#e66100\"\n    }\n  ],\n"));

  /* One undo takes both back. */
  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_cmpstr (dl_event_get_category (event), ==, "strike");
  g_assert_cmpuint (dl_dataset_get_n_categories (dataset), ==, 0);
  {
    g_autofree char *undone = dl_writer_to_data (dataset, NULL);

    g_assert_cmpstr (undone, ==, original);
  }
  g_assert_true (dl_edit_stack_redo (stack));
  redone = dl_writer_to_data (dataset, NULL);
  g_assert_cmpstr (redone, ==, added);

  /* Another colour: in place, label kept; undone, the first again. */
  g_assert_true (dl_edit_stack_set_category_color (stack, "flood", 0x123456, NULL));
  g_assert_true (dl_edit_stack_set_category_color (stack, "strike-2", 0x00ff00, NULL));
  g_assert_cmpuint (dl_dataset_get_n_categories (dataset), ==, 2);
  g_assert_cmpstr (dl_dataset_get_category (dataset, 0)->id, ==, "strike-2");
  g_assert_cmpstr (dl_dataset_get_category (dataset, 0)->label, ==, "Strike");
  g_assert_cmphex (dl_dataset_get_category (dataset, 0)->color, ==, 0x00ff00);
  g_assert_false (dl_edit_stack_set_category_color (stack, "Bad Id", 0, NULL));
  g_assert_true (dl_edit_stack_undo (stack));
  g_assert_true (dl_edit_stack_undo (stack));
  {
    g_autofree char *back = dl_writer_to_data (dataset, NULL);

    g_assert_cmpstr (back, ==, added);
  }
  while (dl_edit_stack_undo (stack))
    ;
  {
    g_autofree char *start = dl_writer_to_data (dataset, NULL);

    g_assert_cmpstr (start, ==, original);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/categories/color-parse", test_color_parse);
  g_test_add_func ("/categories/id-from-name", test_id_from_name);
  g_test_add_func ("/categories/round-trip", test_round_trip);
  g_test_add_func ("/categories/bundled-unchanged", test_bundled_unchanged);
  g_test_add_func ("/categories/problems", test_problems);
  g_test_add_func ("/categories/make-id", test_make_id);
  g_test_add_func ("/categories/edit", test_edit);

  return g_test_run ();
}
