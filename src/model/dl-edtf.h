/* dl-edtf.h: Extended Date/Time Format (ISO 8601-2, EDTF levels 0 and 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define DL_EDTF_ERROR (dl_edtf_error_quark ())
GQuark dl_edtf_error_quark (void);

typedef enum {
  DL_EDTF_ERROR_SYNTAX,        /* not EDTF at all, or a level 2 feature (refused:
                                * seasons 25–41, qualified seasons, unspecified
                                * digits in a year with a month or in an interval) */
  DL_EDTF_ERROR_INVALID_DATE,  /* well formed, but no such day or time */
  DL_EDTF_ERROR_REVERSED,      /* an interval that ends before it starts */
  DL_EDTF_ERROR_RANGE,         /* a year beyond ±DL_EDTF_MAX_YEAR */
} DlEdtfError;

typedef enum {
  DL_EDTF_UNCERTAIN     = 1 << 0,  /* ? or % */
  DL_EDTF_APPROXIMATE   = 1 << 1,  /* ~ or % */
  DL_EDTF_UNSPECIFIED   = 1 << 2,  /* X digits */
  DL_EDTF_OPEN_START    = 1 << 3,  /* "../2024-08-20" */
  DL_EDTF_OPEN_END      = 1 << 4,  /* "2024-08-20/.." */
  DL_EDTF_UNKNOWN_START = 1 << 5,  /* "/2024-08-20" */
  DL_EDTF_UNKNOWN_END   = 1 << 6,  /* "2024-08-20/" */
  DL_EDTF_INTERVAL      = 1 << 7,
} DlEdtfFlags;

/* Ordered from coarsest to finest. Unspecified digits count as not given:
 * "2024-08-XX" has month precision, "2024-XX" and "201X" year precision
 * (together with DL_EDTF_UNSPECIFIED). */
typedef enum {
  DL_EDTF_PRECISION_YEAR,
  DL_EDTF_PRECISION_SEASON,
  DL_EDTF_PRECISION_MONTH,
  DL_EDTF_PRECISION_DAY,
  DL_EDTF_PRECISION_SECOND,
} DlEdtfPrecision;

#define DL_EDTF_UNBOUNDED_START G_MININT64
#define DL_EDTF_UNBOUNDED_END   G_MAXINT64

/* Largest accepted |year| ("Y999999999"): admits the specification's own
 * examples ("Y170000002") and keeps every instant (about 3.2e16 s) far from
 * overflowing a gint64. */
#define DL_EDTF_MAX_YEAR 999999999

typedef struct {
  gint64          earliest;   /* Unix seconds UTC, inclusive; DL_EDTF_UNBOUNDED_START for open/unknown start */
  gint64          latest;     /* Unix seconds UTC, inclusive (a day ends at 23:59:59); DL_EDTF_UNBOUNDED_END for open/unknown end */
  DlEdtfFlags     flags;      /* union of both ends' qualifiers */
  DlEdtfPrecision precision;  /* finest precision among the given endpoints */
} DlEdtf;

/* Parses EDTF level 0 and level 1. Dates without a time zone are UTC.
 * @out may be NULL to only validate; it is left untouched on failure.
 * Does not allocate unless it fails. */
gboolean dl_edtf_parse          (const char   *text,
                                 DlEdtf       *out,
                                 GError      **error);

/* ISO 8601 UTC "2024-08-20T00:00:00Z" for an instant (years outside
 * 0..9999 as "+12345-..." or "-0044-..."). Returns NULL for the
 * unbounded sentinels. */
char    *dl_edtf_format_instant (gint64        instant);

/* A human, localized description for the UI ("Tuesday 20 August 2024",
 * "August 2024 (day unknown)", "until 2024", …). */
char    *dl_edtf_describe       (const DlEdtf *edtf);

/* Helpers for drawing and sorting. */

/* TRUE if both ends are known instants (no open or unknown end). */
gboolean dl_edtf_is_bounded     (const DlEdtf *edtf);
/* The middle of [earliest, latest] (rounded down), without overflow. If one
 * end is unbounded, the other end; if both are, 0. */
gint64   dl_edtf_get_midpoint   (const DlEdtf *edtf);
/* TRUE if [earliest, latest] and [start, end] (both inclusive) meet. */
gboolean dl_edtf_overlaps       (const DlEdtf *edtf,
                                 gint64        start,
                                 gint64        end);
/* Orders by earliest, then latest (strcmp-like result). */
int      dl_edtf_compare        (const DlEdtf *a,
                                 const DlEdtf *b);

/* Proleptic Gregorian calendar arithmetic, in days since 1970-01-01 (UTC);
 * years are astronomical (year 0 is 1 BCE). */
gint64   dl_days_from_civil     (gint64        year,
                                 int           month,
                                 int           day);
void     dl_civil_from_days     (gint64        days,
                                 gint64       *year,
                                 int          *month,
                                 int          *day);
int      dl_days_in_month       (gint64        year,
                                 int           month);

G_END_DECLS
