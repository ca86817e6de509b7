/* dl-category.c: colours and names of event categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "dl-category.h"

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

void
dl_category_get_color (const char *category,
                       GdkRGBA    *color)
{
  const Category *known = lookup (category);

  gdk_rgba_parse (color, known != NULL ? known->color : "#77767b");
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

const char *
dl_category_get_css_class (const char *category)
{
  const Category *known = lookup (category);

  return known != NULL ? known->css_class : "category-other";
}

const char *
dl_category_get_label (const char *category)
{
  const Category *known = lookup (category);
  g_autofree char *readable = NULL;

  if (known != NULL)
    return _(known->label);
  if (category == NULL || *category == '\0')
    return category;

  /* Others made readable, as an imported file's event types are:
   * "explosions-remote-violence" → "Explosions remote violence". Interned:
   * there are only as many as the dataset has categories. */
  readable = g_strdelimit (g_strdup (category), "-_", ' ');
  if (g_ascii_islower (readable[0]))
    readable[0] = g_ascii_toupper (readable[0]);
  return g_intern_string (readable);
}

char *
dl_category_dup_dot_markup (const char *category)
{
  GdkRGBA color;

  dl_category_get_color (category, &color);
  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                          (int) (color.red * 255), (int) (color.green * 255), (int) (color.blue * 255));
}
