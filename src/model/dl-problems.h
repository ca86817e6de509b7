/* dl-problems.h: problems found while reading a dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DL_SEVERITY_WARNING,
  DL_SEVERITY_ERROR,
} DlSeverity;

typedef struct {
  DlSeverity  severity;
  char       *path;     /* JSON path ("events[3].when") or "line:column" */
  char       *message;  /* already translated, no trailing period */
} DlProblem;

typedef struct _DlProblems DlProblems;

/* At most this many problems are kept; one more says the rest were dropped. */
#define DL_PROBLEMS_MAX 500

DlProblems      *dl_problems_new          (void);
void             dl_problems_free         (DlProblems  *self);
void             dl_problems_add          (DlProblems  *self,
                                           DlSeverity   severity,
                                           const char  *path,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (4, 5);
void             dl_problems_add_valist   (DlProblems  *self,
                                           DlSeverity   severity,
                                           const char  *path,
                                           const char  *format,
                                           va_list      args) G_GNUC_PRINTF (4, 0);
/* dl_problems_error (self, path, format, ...) and dl_problems_warning ():
 * dl_problems_add() at that severity. Macros, as g_warning() is, so one
 * function formats every problem. */
#define dl_problems_error(self, path, ...) \
  dl_problems_add ((self), DL_SEVERITY_ERROR, (path), __VA_ARGS__)
#define dl_problems_warning(self, path, ...) \
  dl_problems_add ((self), DL_SEVERITY_WARNING, (path), __VA_ARGS__)
/* Moves @other's problems after @self's, as if they had been added to @self. */
void             dl_problems_take         (DlProblems  *self,
                                           DlProblems  *other);
guint            dl_problems_get_length   (const DlProblems *self);
const DlProblem *dl_problems_get          (const DlProblems *self,
                                           guint             index);
guint            dl_problems_count        (const DlProblems *self,
                                           DlSeverity        severity);
gboolean         dl_problems_has_errors   (const DlProblems *self);
/* "FILE: PATH: error: MESSAGE" */
char            *dl_problem_format        (const DlProblem  *problem,
                                           const char       *file);
/* All problems, one per line, formatted as above. */
char            *dl_problems_to_string    (const DlProblems *self,
                                           const char       *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlProblems, dl_problems_free)

G_END_DECLS
