/* dl-claims.c: comparing claims, and the rows a reader sees
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-claims"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dl-claims.h"

void
dl_topic_free (DlTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->id);
  g_free (topic->label);
  g_free (topic->total);
  g_free (topic);
}

void
dl_claim_row_free (DlClaimRow *row)
{
  if (row == NULL)
    return;
  g_ptr_array_unref (row->sources);
  g_array_unref (row->refs);
  g_free (row);
}

char *
dl_claims_normalize_text (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Quotes, dashes and stops do not change what is claimed. */
      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
dl_claims_qualifier_kind (const char *qualifier)
{
  static const char * const approximate[] = {
    "about", "around", "approximately", "roughly", "some", "nearly", "almost", "an estimated", NULL
  };
  static const char * const lower[] = { "at least", "over", "more than", "upwards of", NULL };
  static const char * const upper[] = { "at most", "under", "fewer than", "less than", "up to", NULL };
  g_autofree char *text = dl_claims_normalize_text (qualifier);

  if (g_strv_contains (approximate, text))
    return g_strdup ("about");
  if (g_strv_contains (lower, text))
    return g_strdup ("at least");
  if (g_strv_contains (upper, text))
    return g_strdup ("at most");

  return g_steal_pointer (&text);
}

gboolean
dl_claims_parse_fraction (const char *text,
                          double     *fraction)
{
  static const struct { const char *words; double value; } words[] = {
    { "half", 1.0 / 2 }, { "a half", 1.0 / 2 }, { "one half", 1.0 / 2 },
    { "a third", 1.0 / 3 }, { "one third", 1.0 / 3 }, { "two thirds", 2.0 / 3 },
    { "a quarter", 1.0 / 4 }, { "one quarter", 1.0 / 4 }, { "three quarters", 3.0 / 4 },
    { "a fifth", 1.0 / 5 }, { "one fifth", 1.0 / 5 }, { "a tenth", 1.0 / 10 },
    { "one tenth", 1.0 / 10 }, { "all", 1.0 }, { "none", 0.0 },
  };
  g_autofree char *norm = dl_claims_normalize_text (text);
  const char *t = text;
  char *end = NULL;
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (norm, words[i].words))
      {
        *fraction = words[i].value;
        return TRUE;
      }

  /* "25%", "1/3" */
  while (t != NULL && g_ascii_isspace (*t))
    t++;
  value = g_ascii_strtod (t, &end);
  if (end == t)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (g_str_equal (end, "%"))
    {
      *fraction = value / 100.0;
      return TRUE;
    }
  if (*end == '/')
    {
      const char *d = end + 1;
      double denominator = g_ascii_strtod (d, &end);

      while (g_ascii_isspace (*end))
        end++;
      if (end != d && *end == '\0' && denominator != 0)
        {
          *fraction = value / denominator;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
numbers_equal (double a,
               double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

gboolean
dl_claims_agree (const DlClaim *a,
                 double         total_a,
                 const DlClaim *b,
                 double         total_b)
{
  g_autofree char *kind_a = dl_claims_qualifier_kind (a->qualifier);
  g_autofree char *kind_b = dl_claims_qualifier_kind (b->qualifier);
  double fa, fb;
  gboolean frac_a, frac_b;

  if (!g_str_equal (kind_a, kind_b))
    return FALSE;

  frac_a = !a->numeric && dl_claims_parse_fraction (a->value_text, &fa);
  frac_b = !b->numeric && dl_claims_parse_fraction (b->value_text, &fb);

  if (a->numeric && b->numeric)
    return numbers_equal (a->value, b->value);
  if (frac_a && frac_b)
    return numbers_equal (fa, fb);
  /* A count and a fraction: only with the total the count's source gives. */
  if (frac_a && b->numeric)
    return total_b > 0 && numbers_equal (round (fa * total_b), b->value);
  if (frac_b && a->numeric)
    return total_a > 0 && numbers_equal (round (fb * total_a), a->value);
  if (!a->numeric && !b->numeric && !frac_a && !frac_b)
    {
      g_autofree char *ta = dl_claims_normalize_text (a->value_text);
      g_autofree char *tb = dl_claims_normalize_text (b->value_text);

      return g_str_equal (ta, tb);
    }

  return FALSE;
}

/* The total a claim's own source states on the topic's total topic. */
static double
total_for (DlDataset     *dataset,
           const DlTopic *topic,
           const DlClaim *claim)
{
  GArray *refs;

  if (topic == NULL || topic->total == NULL)
    return 0;
  if ((refs = dl_dataset_get_claims (dataset, topic->total)) == NULL)
    return 0;

  for (guint i = 0; i < refs->len; i++)
    {
      const DlClaim *t = g_array_index (refs, DlClaimRef, i).claim;

      if (t->source == claim->source && t->numeric)
        return t->value;
    }

  return 0;
}

GPtrArray *
dl_claims_dup_rows (DlDataset  *dataset,
                    const char *topic_id)
{
  const DlTopic *topic;
  GPtrArray *rows;
  GArray *refs;

  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (topic_id != NULL, NULL);

  if ((refs = dl_dataset_get_claims (dataset, topic_id)) == NULL)
    return NULL;
  topic = dl_dataset_lookup_topic (dataset, topic_id);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dl_claim_row_free);
  for (guint i = 0; i < refs->len; i++)
    {
      const DlClaimRef *ref = &g_array_index (refs, DlClaimRef, i);
      double total = total_for (dataset, topic, ref->claim);
      DlClaimRow *row = NULL;

      for (guint j = 0; j < rows->len && row == NULL; j++)
        {
          DlClaimRow *candidate = g_ptr_array_index (rows, j);

          if (dl_claims_agree (candidate->claim, total_for (dataset, topic, candidate->claim),
                               ref->claim, total))
            row = candidate;
        }

      if (row == NULL)
        {
          row = g_new0 (DlClaimRow, 1);
          row->claim = ref->claim;
          row->sources = g_ptr_array_new ();
          row->refs = g_array_new (FALSE, FALSE, sizeof (DlClaimRef));
          g_ptr_array_add (rows, row);
        }
      g_array_append_val (row->refs, *ref);
      if (ref->claim->source != NULL && !g_ptr_array_find (row->sources, ref->claim->source, NULL))
        g_ptr_array_add (row->sources, ref->claim->source);
    }

  return rows;
}

gboolean
dl_claims_topic_disagrees (DlDataset  *dataset,
                           const char *topic)
{
  g_autoptr(GPtrArray) rows = dl_claims_dup_rows (dataset, topic);

  return rows != NULL && rows->len > 1;
}

char *
dl_claims_dup_topic_label (DlDataset  *dataset,
                           const char *topic_id)
{
  const DlTopic *topic = dl_dataset_lookup_topic (dataset, topic_id);
  GString *label;

  if (topic != NULL && topic->label != NULL)
    return g_strdup (topic->label);

  /* Files without `topics`: the id made readable. */
  label = g_string_new (topic_id);
  g_strdelimit (label->str, "-_", ' ');
  if (label->len > 0)
    label->str[0] = g_ascii_toupper (label->str[0]);

  return g_string_free (label, FALSE);
}
