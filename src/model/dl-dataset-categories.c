/* dl-dataset-categories.c: the categories a dataset defines
 *
 * Its own file, apart from the lists of dl-dataset-*.c: a short root
 * member read once, and the dataset's few accessors for it, which the
 * views, the importers and the edit stack use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-dataset"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dl-dataset-categories.h"
#include "dl-dataset-load-private.h"

DlCategoryDef *
dl_category_def_new (const char *id,
                     const char *label,
                     guint32     color)
{
  DlCategoryDef *def = g_new0 (DlCategoryDef, 1);

  def->id = g_strdup (id);
  def->label = g_strdup (label);
  def->color = color & 0xffffff;
  return def;
}

void
dl_category_def_free (DlCategoryDef *def)
{
  if (def == NULL)
    return;
  g_free (def->id);
  g_free (def->label);
  g_free (def);
}

gboolean
dl_category_color_parse (const char *text,
                         guint32    *color)
{
  guint32 value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return FALSE;
      value = value << 4 | (guint32) digit;
    }

  *color = value;
  return TRUE;
}

void
dl_category_color_format (guint32  color,
                          char    *out)
{
  static const char hex[] = "0123456789abcdef";

  out[0] = '#';
  for (guint i = 0; i < 6; i++)
    out[1 + i] = hex[(color >> (20 - 4 * i)) & 0xf];
  out[7] = '\0';
}

gboolean
dl_category_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

char *
dl_category_id_from_name (const char *name)
{
  GString *id = g_string_new (NULL);
  gboolean dash = FALSE;

  /* Only ASCII letters and digits survive the id rule: "Flüchtlinge" is
   * "fl-chtlinge", and a name in Arabic or Hebrew alone is "category"; the
   * label keeps the name as typed. */
  for (const char *p = name != NULL ? name : ""; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && id->len > 0)
            g_string_append_c (id, '-');
          dash = FALSE;
          g_string_append_c (id, g_ascii_tolower (*p));
        }
      else
        dash = TRUE;
      if (id->len >= 48)
        break;
    }
  if (id->len == 0)
    g_string_append (id, "category");

  return g_string_free (id, FALSE);
}

static const char * const builtin_ids[] = {
  "strike", "attack", "killing", "military", "hostages", "diplomacy", "statement", "truce", "humanitarian",
};

gboolean
dl_category_id_is_builtin (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    if (g_strcmp0 (builtin_ids[i], id) == 0)
      return TRUE;

  return FALSE;
}

/* Chosen greedily for the largest smallest CIEDE2000 difference from the
 * built-in colours and each other (each ≥ 20), saturated and of middle
 * lightness so that they read on the light and the dark map alike; more
 * than eight categories repeat them. */
static const struct {
  guint32     color;
  const char *name;
} palette[] = {
  { 0x11bbcc, N_("Cyan") },
  { 0xee0088, N_("Magenta") },
  { 0x99cc00, N_("Lime") },
  { 0x667722, N_("Olive") },
  { 0xff99cc, N_("Pink") },
  { 0x006666, N_("Dark teal") },
  { 0x9988cc, N_("Lavender") },
  { 0xffaa88, N_("Salmon") },
};

guint
dl_category_palette_get_n (void)
{
  return G_N_ELEMENTS (palette);
}

guint32
dl_category_palette_get (guint index)
{
  return palette[index % G_N_ELEMENTS (palette)].color;
}

const char *
dl_category_palette_get_name (guint index)
{
  return _(palette[index % G_N_ELEMENTS (palette)].name);
}

/* ---------------------------------------------------------- the loader */

void
dl_loader_load_categories (Loader            *loader,
                           const DlJsonValue *root)
{
  static const char * const known[] = { "id", "label", "color", NULL };
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const DlJsonValue *element;
  Walk walk;

  if (!dl_loader_walk_list (&walk, loader, root, DL_CATEGORIES_ROOT_MEMBER, FALSE))
    return;

  while ((element = dl_loader_walk_next (&walk)) != NULL)
    {
      g_autofree char *path = dl_loader_index_path (DL_CATEGORIES_ROOT_MEMBER, walk.index - 1);
      const DlJsonValue *object;
      const char *id;
      const char *label;
      const char *color_text;
      guint32 color = 0;
      gboolean ok = TRUE;

      if ((object = dl_loader_element_object (loader, element, path)) == NULL)
        continue;
      dl_loader_check_members (loader, object, path, known);

      id = dl_loader_get_id (loader, object, path, ids, _("category"));
      if (id != NULL && !dl_category_id_is_valid (id))
        {
          g_autofree char *shown = dl_json_shorten (id, 60);
          g_autofree char *id_path = dl_loader_join_path (path, "id");

          dl_problems_error (loader->problems, id_path,
                             _("“%s” is not a category: use lower-case letters, digits and “-”"), shown);
          ok = FALSE;
        }
      label = dl_loader_get_string (loader, object, path, "label", FALSE);
      if (label != NULL && *label == '\0')
        {
          g_autofree char *label_path = dl_loader_join_path (path, "label");

          dl_problems_error (loader->problems, label_path, _("must not be empty"));
          label = NULL;
        }
      color_text = dl_loader_get_string (loader, object, path, "color", TRUE);
      if (color_text != NULL && !dl_category_color_parse (color_text, &color))
        {
          g_autofree char *shown = dl_json_shorten (color_text, 60);
          g_autofree char *color_path = dl_loader_join_path (path, "color");

          dl_problems_error (loader->problems, color_path,
                             _("“%s” is not a colour: write it as “#rrggbb”, e.g. “#e66100”"), shown);
          ok = FALSE;
        }

      if (id == NULL || color_text == NULL || !ok)
        continue;
      g_hash_table_add (ids, g_strdup (id));
      dl_dataset_add_category (loader->dataset, dl_category_def_new (id, label, color));
    }
}

/* ---------------------------------------------------- the dataset's part */

const DlCategoryDef *
dl_dataset_lookup_category (DlDataset  *self,
                            const char *id)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);

  /* A dataset defines a handful: a walk is cheaper than keeping a table
   * right through edits, and a view asks once per category, not event. */
  if (self->categories == NULL || id == NULL)
    return NULL;
  for (guint i = 0; i < self->categories->len; i++)
    {
      const DlCategoryDef *def = g_ptr_array_index (self->categories, i);

      if (strcmp (def->id, id) == 0)
        return def;
    }

  return NULL;
}

guint
dl_dataset_get_n_categories (DlDataset *self)
{
  g_return_val_if_fail (DL_IS_DATASET (self), 0);
  return self->categories != NULL ? self->categories->len : 0;
}

const DlCategoryDef *
dl_dataset_get_category (DlDataset *self,
                         guint      index)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < dl_dataset_get_n_categories (self), NULL);
  return g_ptr_array_index (self->categories, index);
}

static gboolean
id_is_taken (DlDataset          *self,
             const char         *id,
             const char * const *taken)
{
  GListModel *events = G_LIST_MODEL (self->events);
  guint n = g_list_model_get_n_items (events);

  if (dl_dataset_lookup_category (self, id) != NULL)
    return TRUE;
  if (taken != NULL && g_strv_contains (taken, id))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DlEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (dl_event_get_category (event), id) == 0)
        return TRUE;
    }

  return FALSE;
}

char *
dl_dataset_make_category_id (DlDataset          *self,
                             const char         *name,
                             const char * const *taken)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (DL_IS_DATASET (self), NULL);

  base = dl_category_id_from_name (name);
  if (!id_is_taken (self, base, taken))
    return g_steal_pointer (&base);
  for (guint n = 2;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", base, n);

      if (!id_is_taken (self, id, taken))
        return g_steal_pointer (&id);
    }
}

void
dl_dataset_insert_category (DlDataset     *self,
                            guint          index,
                            DlCategoryDef *def)
{
  g_return_if_fail (DL_IS_DATASET (self));
  g_return_if_fail (def != NULL);

  if (self->categories == NULL)
    self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_category_def_free);
  g_ptr_array_insert (self->categories, (int) MIN (index, self->categories->len), def);
}

void
dl_dataset_add_category (DlDataset     *self,
                         DlCategoryDef *def)
{
  dl_dataset_insert_category (self, G_MAXUINT, def);
}

DlCategoryDef *
dl_dataset_steal_category (DlDataset *self,
                           guint      index)
{
  g_return_val_if_fail (DL_IS_DATASET (self), NULL);
  g_return_val_if_fail (index < dl_dataset_get_n_categories (self), NULL);
  return g_ptr_array_steal_index (self->categories, index);
}
