/* dl-category.c: colours and names of event categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <math.h>

#include "dl-category.h"
#include "dl-dataset-categories.h"

typedef struct {
  const char *id;
  /* Every pair differs by CIEDE2000 ΔE ≥ 20 and each stands out from the
   * land and the sea of both basemap styles: tests/test-category.c. */
  const char *color;
  const char *label;
  const char *css_class;
} Category;

static const Category categories[] = {
  { "strike",       "#df0822", N_("Strike"), "category-strike" },
  { "attack",       "#88002b", N_("Attack"), "category-attack" },
  { "killing",      "#63452c", N_("Killing"), "category-killing" },
  { "military",     "#694966", N_("Military"), "category-military" },
  { "hostages",     "#ba6113", N_("Hostages"), "category-hostages" },
  { "diplomacy",    "#1c71d8", N_("Diplomacy"), "category-diplomacy" },
  { "statement",    "#993dca", N_("Statement"), "category-statement" },
  { "truce",        "#26a269", N_("Truce"), "category-truce" },
  { "humanitarian", "#b68f19", N_("Humanitarian"), "category-humanitarian" },
};

static const Category *
lookup (const char *category)
{
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (categories[i].id, category) == 0)
      return &categories[i];

  return NULL;
}

static void
rgba_from_rgb (guint32  rgb,
               GdkRGBA *color)
{
  color->red = (float) ((rgb >> 16) & 0xff) / 255.f;
  color->green = (float) ((rgb >> 8) & 0xff) / 255.f;
  color->blue = (float) (rgb & 0xff) / 255.f;
  color->alpha = 1.f;
}

guint32
dl_category_get_rgb (DlDataset  *dataset,
                     const char *category)
{
  const DlCategoryDef *def = dataset != NULL ? dl_dataset_lookup_category (dataset, category) : NULL;
  const Category *known;
  guint32 rgb = 0x77767b;   /* unknown: a neutral grey */

  if (def != NULL)
    return def->color;
  known = lookup (category);
  if (known != NULL)
    dl_category_color_parse (known->color, &rgb);
  return rgb;
}

void
dl_category_get_color (DlDataset  *dataset,
                       const char *category,
                       GdkRGBA    *color)
{
  rgba_from_rgb (dl_category_get_rgb (dataset, category), color);
}

int
dl_category_compare (const char *a,
                     const char *b)
{
  const Category *ka = lookup (a);
  const Category *kb = lookup (b);

  /* Known categories in the table's order, then the others by name. */
  if (ka != NULL && kb != NULL)
    return (int) (ka - kb);
  if (ka != NULL || kb != NULL)
    return ka != NULL ? -1 : 1;

  return g_strcmp0 (a, b);
}

/* The rules for the dataset colours seen so far, one provider for the
 * process: a handful of colours, each given a class once. */
const char *
dl_category_get_css_class_for_color (guint32 rgb)
{
  static GtkCssProvider *provider;
  static GString *rules;
  static GHashTable *classes;   /* interned class names, seen */
  char hex[8];
  g_autofree char *name = NULL;
  const char *interned;
  double luminance;

  dl_category_color_format (rgb, hex);
  name = g_strconcat ("category-rgb-", hex + 1, NULL);
  interned = g_intern_string (name);
  if (classes != NULL && g_hash_table_contains (classes, interned))
    return interned;

  if (classes == NULL)
    {
      classes = g_hash_table_new (NULL, NULL);
      rules = g_string_new (NULL);
      provider = gtk_css_provider_new ();
      if (gdk_display_get_default () != NULL)
        gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  g_hash_table_add (classes, (gpointer) interned);

  /* Black text on a light chip, white on a dark one: the threshold is
   * where both give about the same contrast (relative luminance 0.18). */
  luminance = 0.2126 * pow (((rgb >> 16) & 0xff) / 255.0, 2.2)
              + 0.7152 * pow (((rgb >> 8) & 0xff) / 255.0, 2.2)
              + 0.0722 * pow ((rgb & 0xff) / 255.0, 2.2);
  g_string_append_printf (rules, ".%s { background: %s; }\n.category-chip.%s { color: %s; }\n",
                          interned, hex, interned, luminance > 0.18 ? "black" : "white");
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (provider, rules->str);
#else
  gtk_css_provider_load_from_data (provider, rules->str, (gssize) rules->len);
#endif

  return interned;
}

const char *
dl_category_get_css_class (DlDataset  *dataset,
                           const char *category)
{
  const DlCategoryDef *def = dataset != NULL ? dl_dataset_lookup_category (dataset, category) : NULL;
  const Category *known;

  if (def != NULL)
    return dl_category_get_css_class_for_color (def->color);
  known = lookup (category);
  return known != NULL ? known->css_class : "category-other";
}

/* An unknown category's id written for people: "flood-relief" and
 * "flood_relief" read "Flood relief". */
static char *
humanize (const char *category)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = category; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == '_' || g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, out->len == 0 ? g_unichar_totitle (c) : c);
    }

  if (out->len == 0)
    g_string_append (out, category);

  return g_string_free (out, FALSE);
}

const char *
dl_category_get_label (DlDataset  *dataset,
                       const char *category)
{
  static GHashTable *unknown_labels;   /* id → label, kept for the process */
  G_LOCK_DEFINE_STATIC (unknown_labels);
  const DlCategoryDef *def = dataset != NULL ? dl_dataset_lookup_category (dataset, category) : NULL;
  const Category *known = lookup (category);
  const char *label;

  if (def != NULL && def->label != NULL)
    return def->label;

  if (known != NULL)
    return _(known->label);
  if (category == NULL || !g_utf8_validate (category, -1, NULL))
    return category;

  /* Labels are kept by callers (lanes, legends) and made from any thread
   * that exports: one copy per id, made once. */
  G_LOCK (unknown_labels);
  if (unknown_labels == NULL)
    unknown_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  label = g_hash_table_lookup (unknown_labels, category);
  if (label == NULL)
    {
      char *made = humanize (category);

      g_hash_table_insert (unknown_labels, g_strdup (category), made);
      label = made;
    }
  G_UNLOCK (unknown_labels);

  return label;
}

GStrv
dl_category_dup_known (void)
{
  GStrv known = g_new0 (char *, G_N_ELEMENTS (categories) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    known[i] = g_strdup (categories[i].id);

  return known;
}
