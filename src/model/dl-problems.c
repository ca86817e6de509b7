/* dl-problems.c: problems found while reading a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-problems"

#include "dl-problems.h"
#include "dl-text.h"

struct _DlProblems
{
  GArray *items;   /* of DlProblem */
  guint   n_errors;
  guint   n_warnings;
  guint   n_dropped;
};

static void
problem_clear (gpointer data)
{
  DlProblem *problem = data;

  g_clear_pointer (&problem->path, g_free);
  g_clear_pointer (&problem->message, g_free);
}

DlProblems *
dl_problems_new (void)
{
  DlProblems *self = g_new0 (DlProblems, 1);

  self->items = g_array_new (FALSE, TRUE, sizeof (DlProblem));
  g_array_set_clear_func (self->items, problem_clear);

  return self;
}

void
dl_problems_free (DlProblems *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->items);
  g_free (self);
}

void
dl_problems_add_valist (DlProblems *self,
                        DlSeverity  severity,
                        const char *path,
                        const char *format,
                        va_list     args)
{
  DlProblem problem;
  g_autofree char *message = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  if (severity == DL_SEVERITY_ERROR)
    self->n_errors++;
  else
    self->n_warnings++;

  if (self->items->len >= DL_PROBLEMS_MAX)
    {
      self->n_dropped++;
      return;
    }

  problem.severity = severity;
  /* Paths are made of the dataset's own keys, and messages quote it: a
   * control character or a bidi override from a file must not reach a
   * terminal or reorder what the window shows. */
  problem.path = dl_text_escape_for_message (path != NULL && *path != '\0' ? path : "$", -1, 0);
  message = g_strdup_vprintf (format, args);
  problem.message = dl_text_escape_message (message);
  g_array_append_val (self->items, problem);
}

void
dl_problems_add (DlProblems *self,
                 DlSeverity  severity,
                 const char *path,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  dl_problems_add_valist (self, severity, path, format, args);
  va_end (args);
}

void
dl_problems_take (DlProblems *self,
                  DlProblems *other)
{
  g_return_if_fail (self != NULL && other != NULL);

  /* As if each had been added here: past DL_PROBLEMS_MAX, counted only. */
  for (guint i = 0; i < other->items->len; i++)
    {
      DlProblem *problem = &g_array_index (other->items, DlProblem, i);

      if (self->items->len >= DL_PROBLEMS_MAX)
        {
          self->n_dropped++;
          continue;
        }
      g_array_append_val (self->items, *problem);
      problem->path = NULL;
      problem->message = NULL;
    }
  self->n_errors += other->n_errors;
  self->n_warnings += other->n_warnings;
  self->n_dropped += other->n_dropped;
  g_array_set_size (other->items, 0);
  other->n_errors = other->n_warnings = other->n_dropped = 0;
}

guint
dl_problems_get_length (const DlProblems *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

const DlProblem *
dl_problems_get (const DlProblems *self,
                 guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, DlProblem, index);
}

guint
dl_problems_count (const DlProblems *self,
                   DlSeverity        severity)
{
  g_return_val_if_fail (self != NULL, 0);

  return severity == DL_SEVERITY_ERROR ? self->n_errors : self->n_warnings;
}

gboolean
dl_problems_has_errors (const DlProblems *self)
{
  return dl_problems_count (self, DL_SEVERITY_ERROR) > 0;
}

char *
dl_problem_format (const DlProblem *problem,
                   const char      *file)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return g_strdup_printf ("%s: %s: %s: %s",
                          file != NULL ? file : "-",
                          problem->path,
                          problem->severity == DL_SEVERITY_ERROR ? "error" : "warning",
                          problem->message);
}

char *
dl_problems_to_string (const DlProblems *self,
                       const char       *file)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      g_autofree char *line = dl_problem_format (&g_array_index (self->items, DlProblem, i), file);

      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
  if (self->n_dropped > 0)
    g_string_append_printf (out, "%s: $: error: %u more problems not shown\n",
                            file != NULL ? file : "-", self->n_dropped);

  return g_string_free (out, FALSE);
}
