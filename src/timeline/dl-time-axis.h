/* dl-time-axis.h: calendar ticks for a time axis, chosen from the span shown
 *
 * No GTK: the timeline's axes and overview use it, and it is tested
 * without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  DL_TIME_UNIT_HOUR,
  DL_TIME_UNIT_DAY,
  DL_TIME_UNIT_MONTH,
  DL_TIME_UNIT_YEAR,
  DL_TIME_UNIT_NONE,
} DlTimeUnit;

typedef struct {
  DlTimeUnit unit;
  gint64     step;      /* so many units a tick */
  gint64     seconds;   /* nominal length of a step */
  double     min_px;    /* the least room its labels need */
} DlTimeStep;

/* Floor division (rounds towards minus infinity). */
gint64     dl_time_floor_div          (gint64      a,
                                       gint64      b);

/* The finest step (hours, days, months, years; years in 1-2-5 steps up to
 * 10^11, past the ±2.9 × 10^11 years a gint64 of seconds holds) whose ticks
 * stand at least max (its labels' room, @min_px) apart when @span_seconds
 * are drawn over @width_px. Any span so gets at most about
 * width_px / min_px ticks. */
DlTimeStep dl_time_axis_step_for_span (double      span_seconds,
                                       double      width_px,
                                       double      min_px);

/* The calendar ticks (Unix seconds, proleptic Gregorian, UTC) of @unit ×
 * @step from the first at or before @start up to @end, into @ticks
 * (a GArray of gint64, emptied first). Day steps restart each month; month
 * and year steps are aligned to multiples of @step. */
void       dl_time_axis_ticks         (gint64      start,
                                       gint64      end,
                                       DlTimeUnit  unit,
                                       gint64      step,
                                       GArray     *ticks);

/* @t (Unix seconds) written with @format (a g_date_time_format() format,
 * already translated), stripped of padding; outside the years 1–9999 that
 * GDateTime knows, the proleptic Gregorian year's number. Timeline and
 * presentation strip label their ticks with it. */
char      *dl_time_axis_format        (gint64      t,
                                       const char *format);

G_END_DECLS
