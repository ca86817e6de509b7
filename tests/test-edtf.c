/* test-edtf.c: tests for the EDTF parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "dl-edtf.h"

#define OK (-1)

#define UNC  DL_EDTF_UNCERTAIN
#define APX  DL_EDTF_APPROXIMATE
#define UNS  DL_EDTF_UNSPECIFIED
#define IVL  DL_EDTF_INTERVAL
#define OPS  (DL_EDTF_INTERVAL | DL_EDTF_OPEN_START)
#define OPE  (DL_EDTF_INTERVAL | DL_EDTF_OPEN_END)
#define UKS  (DL_EDTF_INTERVAL | DL_EDTF_UNKNOWN_START)
#define UKE  (DL_EDTF_INTERVAL | DL_EDTF_UNKNOWN_END)

typedef struct {
  const char      *text;
  const char      *earliest;   /* NULL: DL_EDTF_UNBOUNDED_START */
  const char      *latest;     /* NULL: DL_EDTF_UNBOUNDED_END */
  DlEdtfFlags      flags;
  DlEdtfPrecision  precision;
  int              error;      /* a DlEdtfError, or OK */
} ParseCase;

#define GOOD(text, earliest, latest, flags, precision) \
  { text, earliest, latest, flags, DL_EDTF_PRECISION_##precision, OK }
#define BAD(text, code) \
  { text, NULL, NULL, 0, 0, DL_EDTF_ERROR_##code }

static const ParseCase parse_cases[] = {
  /* Level 0 */
  GOOD ("2024", "2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z", 0, YEAR),
  GOOD ("2024-08", "2024-08-01T00:00:00Z", "2024-08-31T23:59:59Z", 0, MONTH),
  GOOD ("2024-08-20", "2024-08-20T00:00:00Z", "2024-08-20T23:59:59Z", 0, DAY),
  GOOD ("1970-01-01", "1970-01-01T00:00:00Z", "1970-01-01T23:59:59Z", 0, DAY),
  GOOD ("1969-12-31", "1969-12-31T00:00:00Z", "1969-12-31T23:59:59Z", 0, DAY),
  GOOD ("0001-01-01", "0001-01-01T00:00:00Z", "0001-01-01T23:59:59Z", 0, DAY),
  GOOD ("9999-12-31", "9999-12-31T00:00:00Z", "9999-12-31T23:59:59Z", 0, DAY),
  GOOD ("2024-04-30", "2024-04-30T00:00:00Z", "2024-04-30T23:59:59Z", 0, DAY),
  GOOD ("2023-12", "2023-12-01T00:00:00Z", "2023-12-31T23:59:59Z", 0, MONTH),

  /* Leap years */
  GOOD ("2024-02", "2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z", 0, MONTH),
  GOOD ("2023-02", "2023-02-01T00:00:00Z", "2023-02-28T23:59:59Z", 0, MONTH),
  GOOD ("1900-02", "1900-02-01T00:00:00Z", "1900-02-28T23:59:59Z", 0, MONTH),
  GOOD ("2000-02", "2000-02-01T00:00:00Z", "2000-02-29T23:59:59Z", 0, MONTH),
  GOOD ("2024-02-29", "2024-02-29T00:00:00Z", "2024-02-29T23:59:59Z", 0, DAY),
  GOOD ("2000-02-29", "2000-02-29T00:00:00Z", "2000-02-29T23:59:59Z", 0, DAY),
  GOOD ("1600-02-29", "1600-02-29T00:00:00Z", "1600-02-29T23:59:59Z", 0, DAY),
  BAD ("2023-02-29", INVALID_DATE),
  BAD ("1900-02-29", INVALID_DATE),
  BAD ("2100-02-29", INVALID_DATE),

  /* Impossible dates and times */
  BAD ("2023-02-30", INVALID_DATE),
  BAD ("2023-13-01", INVALID_DATE),
  BAD ("2023-00-10", INVALID_DATE),
  BAD ("2023-00", INVALID_DATE),
  BAD ("2024-04-31", INVALID_DATE),
  BAD ("2024-08-00", INVALID_DATE),
  BAD ("2024-08-32", INVALID_DATE),
  BAD ("2024-08-20T25:00:00", INVALID_DATE),
  BAD ("2024-08-20T24:00:00", INVALID_DATE),
  BAD ("2024-08-20T23:60:00", INVALID_DATE),
  BAD ("2024-08-20T23:59:60", INVALID_DATE),
  BAD ("2024-08-20T10:00:00+24:00", INVALID_DATE),
  BAD ("2024-08-20T10:00:00+02:60", INVALID_DATE),

  /* Date and time, time zones */
  GOOD ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z", 0, SECOND),
  GOOD ("2024-08-20T10:00:00+02:00", "2024-08-20T08:00:00Z", "2024-08-20T08:00:00Z", 0, SECOND),
  GOOD ("2024-08-20T10:00:00", "2024-08-20T10:00:00Z", "2024-08-20T10:00:00Z", 0, SECOND),
  GOOD ("2024-08-20T10:00:00Z", "2024-08-20T10:00:00Z", "2024-08-20T10:00:00Z", 0, SECOND),
  GOOD ("2024-08-20T01:30:00-05:30", "2024-08-20T07:00:00Z", "2024-08-20T07:00:00Z", 0, SECOND),
  GOOD ("2024-01-01T01:00:00+02:00", "2023-12-31T23:00:00Z", "2023-12-31T23:00:00Z", 0, SECOND),
  GOOD ("2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00Z", "2025-01-01T00:30:00Z", 0, SECOND),
  GOOD ("2024-08-20T10:00:00+02", "2024-08-20T08:00:00Z", "2024-08-20T08:00:00Z", 0, SECOND),
  GOOD ("2024-08-20T23:59:59-00:00", "2024-08-20T23:59:59Z", "2024-08-20T23:59:59Z", 0, SECOND),
  BAD ("2024-08-20T10:00", SYNTAX),
  BAD ("2024-08-20T10:00:00.5Z", SYNTAX),
  BAD ("2024-08-20T10:00:00+0200", SYNTAX),
  BAD ("2024-08-20T10:00:00+", SYNTAX),
  BAD ("2024-08-20t10:00:00", SYNTAX),
  BAD ("2024-08T10:00:00", SYNTAX),
  BAD ("2024-08-XXT10:00:00", SYNTAX),

  /* Level 0 intervals */
  GOOD ("2024-08-15/2024-08-16", "2024-08-15T00:00:00Z", "2024-08-16T23:59:59Z", IVL, DAY),
  GOOD ("2024/2025-06", "2024-01-01T00:00:00Z", "2025-06-30T23:59:59Z", IVL, MONTH),
  GOOD ("2024-08/2024-08-15", "2024-08-01T00:00:00Z", "2024-08-15T23:59:59Z", IVL, DAY),
  GOOD ("2024-08-20/2024-08-20", "2024-08-20T00:00:00Z", "2024-08-20T23:59:59Z", IVL, DAY),
  GOOD ("2024-08-20T10:00:00Z/2024-08-20T12:00:00Z", "2024-08-20T10:00:00Z", "2024-08-20T12:00:00Z", IVL, SECOND),
  GOOD ("2024-08-20T10:00:00+02:00/2024-08-20T09:00:00Z", "2024-08-20T08:00:00Z", "2024-08-20T09:00:00Z", IVL, SECOND),

  /* Reversed intervals */
  BAD ("2024/2023", REVERSED),
  BAD ("2024-08-20/2024-08-19", REVERSED),
  BAD ("2024-09/2024-08-31", REVERSED),
  BAD ("2024-08-20T12:00:00Z/2024-08-20T11:59:59Z", REVERSED),
  BAD ("2024-08-20T10:00:00+02:00/2024-08-20T07:59:59Z", REVERSED),
  BAD ("0001/-0001", REVERSED),

  /* Qualifiers */
  GOOD ("2024-08-20?", "2024-08-20T00:00:00Z", "2024-08-20T23:59:59Z", UNC, DAY),
  GOOD ("2024-08~", "2024-08-01T00:00:00Z", "2024-08-31T23:59:59Z", APX, MONTH),
  GOOD ("2024%", "2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z", UNC | APX, YEAR),
  GOOD ("2024-08-15?/2024-08-16~", "2024-08-15T00:00:00Z", "2024-08-16T23:59:59Z", IVL | UNC | APX, DAY),
  GOOD ("2024-08-15%/2024-08-20", "2024-08-15T00:00:00Z", "2024-08-20T23:59:59Z", IVL | UNC | APX, DAY),
  GOOD ("2024-08-15/2024-08-20?", "2024-08-15T00:00:00Z", "2024-08-20T23:59:59Z", IVL | UNC, DAY),
  GOOD ("2024~/2025-03", "2024-01-01T00:00:00Z", "2025-03-31T23:59:59Z", IVL | APX, MONTH),
  BAD ("2024-08-20T10:00:00Z?", SYNTAX),
  BAD ("2024??", SYNTAX),
  BAD ("2024?~", SYNTAX),
  BAD ("?2024", SYNTAX),
  BAD ("2024-?08", SYNTAX),

  /* Unspecified digits */
  GOOD ("201X", "2010-01-01T00:00:00Z", "2019-12-31T23:59:59Z", UNS, YEAR),
  GOOD ("20XX", "2000-01-01T00:00:00Z", "2099-12-31T23:59:59Z", UNS, YEAR),
  GOOD ("XXXX", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", UNS, YEAR),
  GOOD ("2024-XX", "2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z", UNS, YEAR),
  GOOD ("2024-08-XX", "2024-08-01T00:00:00Z", "2024-08-31T23:59:59Z", UNS, MONTH),
  GOOD ("2024-XX-XX", "2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z", UNS, YEAR),
  GOOD ("2024-02-XX", "2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z", UNS, MONTH),
  GOOD ("2023-02-XX", "2023-02-01T00:00:00Z", "2023-02-28T23:59:59Z", UNS, MONTH),
  /* Level 2: unspecified year digits with a month, unspecified digits in an interval */
  BAD ("201X-XX", SYNTAX),
  BAD ("1XXX-XX", SYNTAX),
  BAD ("2004-06-XX/2004-07-03", SYNTAX),
  BAD ("2004-06-01/2004-07-XX", SYNTAX),
  BAD ("201X/2024", SYNTAX),
  GOOD ("2024-08-XX?", "2024-08-01T00:00:00Z", "2024-08-31T23:59:59Z", UNS | UNC, MONTH),
  BAD ("201x", SYNTAX),
  BAD ("2024-08-xx", SYNTAX),
  BAD ("2024-xX", SYNTAX),
  BAD ("2X24", SYNTAX),
  BAD ("2024-0X", SYNTAX),
  BAD ("2024-XX-20", SYNTAX),
  BAD ("201X-08", SYNTAX),
  BAD ("2024-08-2X", SYNTAX),

  /* Open and unknown ends */
  GOOD ("../2024-08-20", NULL, "2024-08-20T23:59:59Z", OPS, DAY),
  GOOD ("2024-08-20/..", "2024-08-20T00:00:00Z", NULL, OPE, DAY),
  GOOD ("/2024-08-20", NULL, "2024-08-20T23:59:59Z", UKS, DAY),
  GOOD ("2024-08-20/", "2024-08-20T00:00:00Z", NULL, UKE, DAY),
  GOOD ("../2024-08~", NULL, "2024-08-31T23:59:59Z", OPS | APX, MONTH),
  GOOD ("2024?/..", "2024-01-01T00:00:00Z", NULL, OPE | UNC, YEAR),
  BAD ("/2024-08-XX", SYNTAX),
  BAD ("../..", SYNTAX),
  BAD ("/..", SYNTAX),
  BAD ("../", SYNTAX),
  BAD ("/", SYNTAX),
  BAD ("..", SYNTAX),
  BAD ("...", SYNTAX),
  BAD (".../2024", SYNTAX),
  BAD ("2024/...", SYNTAX),
  BAD ("2024//", SYNTAX),
  BAD ("//2024", SYNTAX),

  /* Seasons */
  GOOD ("2001-21", "2001-03-01T00:00:00Z", "2001-05-31T23:59:59Z", 0, SEASON),
  GOOD ("2001-22", "2001-06-01T00:00:00Z", "2001-08-31T23:59:59Z", 0, SEASON),
  GOOD ("2001-23", "2001-09-01T00:00:00Z", "2001-11-30T23:59:59Z", 0, SEASON),
  GOOD ("2001-24", "2001-12-01T00:00:00Z", "2002-02-28T23:59:59Z", 0, SEASON),
  GOOD ("2003-24", "2003-12-01T00:00:00Z", "2004-02-29T23:59:59Z", 0, SEASON),
  /* Level 2: qualified seasons, seasons 25 to 41 */
  BAD ("2001-21?", SYNTAX),
  BAD ("2001-24~", SYNTAX),
  BAD ("2001-22%/2001-23", SYNTAX),
  GOOD ("2001-21/2001-23", "2001-03-01T00:00:00Z", "2001-11-30T23:59:59Z", IVL, SEASON),
  GOOD ("2001/2001-22", "2001-01-01T00:00:00Z", "2001-08-31T23:59:59Z", IVL, SEASON),
  BAD ("2001-25", SYNTAX),
  BAD ("2001-33", SYNTAX),
  BAD ("2001-41", SYNTAX),
  BAD ("2001-42", INVALID_DATE),
  BAD ("2001-20", INVALID_DATE),
  BAD ("2001-21-05", SYNTAX),
  BAD ("201X-21", SYNTAX),

  /* Years beyond four digits, negative years */
  GOOD ("Y17000002", "+17000002-01-01T00:00:00Z", "+17000002-12-31T23:59:59Z", 0, YEAR),
  GOOD ("Y-17000002", "-17000002-01-01T00:00:00Z", "-17000002-12-31T23:59:59Z", 0, YEAR),
  GOOD ("Y12345", "+12345-01-01T00:00:00Z", "+12345-12-31T23:59:59Z", 0, YEAR),
  GOOD ("Y100000000", "+100000000-01-01T00:00:00Z", "+100000000-12-31T23:59:59Z", 0, YEAR),
  /* The specification's own level 1 examples */
  GOOD ("Y170000002", "+170000002-01-01T00:00:00Z", "+170000002-12-31T23:59:59Z", 0, YEAR),
  GOOD ("Y-170000002", "-170000002-01-01T00:00:00Z", "-170000002-12-31T23:59:59Z", 0, YEAR),
  GOOD ("Y999999999", "+999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", 0, YEAR),
  GOOD ("Y-999999999", "-999999999-01-01T00:00:00Z", "-999999999-12-31T23:59:59Z", 0, YEAR),
  GOOD ("Y-100000000", "-100000000-01-01T00:00:00Z", "-100000000-12-31T23:59:59Z", 0, YEAR),
  GOOD ("Y-12345~", "-12345-01-01T00:00:00Z", "-12345-12-31T23:59:59Z", APX, YEAR),
  GOOD ("Y-12345/2024-08", "-12345-01-01T00:00:00Z", "2024-08-31T23:59:59Z", IVL, MONTH),
  GOOD ("-0044", "-0044-01-01T00:00:00Z", "-0044-12-31T23:59:59Z", 0, YEAR),
  GOOD ("-0044-03-15", "-0044-03-15T00:00:00Z", "-0044-03-15T23:59:59Z", 0, DAY),
  GOOD ("-0044/0014", "-0044-01-01T00:00:00Z", "0014-12-31T23:59:59Z", IVL, YEAR),
  GOOD ("-201X", "-2019-01-01T00:00:00Z", "-2010-12-31T23:59:59Z", UNS, YEAR),
  GOOD ("0000", "0000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", 0, YEAR),
  GOOD ("0000-02-29", "0000-02-29T00:00:00Z", "0000-02-29T23:59:59Z", 0, DAY),
  GOOD ("-0004-02-29", "-0004-02-29T00:00:00Z", "-0004-02-29T23:59:59Z", 0, DAY),
  BAD ("-0001-02-29", INVALID_DATE),
  BAD ("Y1000000000", RANGE),
  BAD ("Y-1000000000", RANGE),
  BAD ("Y99999999999999999999999999999999", RANGE),
  BAD ("Y1234", SYNTAX),
  BAD ("Y012345", SYNTAX),
  BAD ("Y12345-01", SYNTAX),
  BAD ("Y1234X", SYNTAX),
  BAD ("Y", SYNTAX),
  BAD ("Y-", SYNTAX),
  BAD ("y12345", SYNTAX),
  BAD ("-0000", SYNTAX),
  BAD ("--2024", SYNTAX),
  BAD ("12345", SYNTAX),

  /* Garbage */
  BAD ("", SYNTAX),
  BAD (" 2024", SYNTAX),
  BAD ("2024 ", SYNTAX),
  BAD ("2024-08-20 ", SYNTAX),
  BAD ("2024-08-20\n", SYNTAX),
  BAD ("2024 / 2025", SYNTAX),
  BAD ("202", SYNTAX),
  BAD ("2024-8-20", SYNTAX),
  BAD ("2024-08-200", SYNTAX),
  BAD ("2024-08-2", SYNTAX),
  BAD ("2024-", SYNTAX),
  BAD ("2024-08-", SYNTAX),
  BAD ("20240820", SYNTAX),
  BAD ("2024/2025/2026", SYNTAX),
  BAD ("hello", SYNTAX),
  BAD ("[2024]", SYNTAX),
  BAD ("{2024,2025}", SYNTAX),
  BAD ("2024-08-20garbage", SYNTAX),
  BAD ("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94", SYNTAX),  /* fullwidth "２０２４" */
  BAD ("2024\xff", SYNTAX),
  BAD ("Y17E7", SYNTAX),
};

static char *
describe_flags (DlEdtfFlags flags)
{
  return g_strdup_printf ("0x%02x", (guint) flags);
}

static void
test_parse_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      g_autoptr(GError) error = NULL;
      DlEdtf edtf = { 0, };
      gboolean ok;

      g_test_message ("“%s”", c->text);
      ok = dl_edtf_parse (c->text, &edtf, &error);

      if (c->error == OK)
        {
          g_autofree char *earliest = NULL;
          g_autofree char *latest = NULL;
          g_autofree char *flags = NULL;
          g_autofree char *expected_flags = NULL;

          g_assert_no_error (error);
          g_assert_true (ok);

          earliest = dl_edtf_format_instant (edtf.earliest);
          latest = dl_edtf_format_instant (edtf.latest);
          g_assert_cmpstr (earliest, ==, c->earliest);
          g_assert_cmpstr (latest, ==, c->latest);
          if (c->earliest == NULL)
            g_assert_cmpint (edtf.earliest, ==, DL_EDTF_UNBOUNDED_START);
          if (c->latest == NULL)
            g_assert_cmpint (edtf.latest, ==, DL_EDTF_UNBOUNDED_END);

          flags = describe_flags (edtf.flags);
          expected_flags = describe_flags (c->flags);
          g_assert_cmpstr (flags, ==, expected_flags);
          g_assert_cmpint (edtf.precision, ==, c->precision);
          g_assert_cmpint (edtf.earliest, <=, edtf.latest);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, DL_EDTF_ERROR, c->error);
        }

      /* Validating only gives the same answer */
      g_assert_cmpint (dl_edtf_parse (c->text, NULL, NULL), ==, c->error == OK);
    }
}

/* A few instants checked as numbers, not only through
 * dl_edtf_format_instant() */
static void
test_parse_instants (void)
{
  DlEdtf edtf;

  g_assert_true (dl_edtf_parse ("1970-01-01", &edtf, NULL));
  g_assert_cmpint (edtf.earliest, ==, 0);
  g_assert_cmpint (edtf.latest, ==, 86399);

  g_assert_true (dl_edtf_parse ("2024-08-20T10:00:00+02:00", &edtf, NULL));
  g_assert_cmpint (edtf.earliest, ==, G_GINT64_CONSTANT (1724140800));
  g_assert_cmpint (edtf.latest, ==, G_GINT64_CONSTANT (1724140800));

  g_assert_true (dl_edtf_parse ("9999-12-31T23:59:59Z", &edtf, NULL));
  g_assert_cmpint (edtf.earliest, ==, G_GINT64_CONSTANT (253402300799));

  g_assert_true (dl_edtf_parse ("0000", &edtf, NULL));
  g_assert_cmpint (edtf.earliest, ==, G_GINT64_CONSTANT (-62167219200));

  g_assert_true (dl_edtf_parse ("1969-12-31T23:59:59Z", &edtf, NULL));
  g_assert_cmpint (edtf.earliest, ==, -1);

  /* The far ends stay far from overflowing */
  g_assert_true (dl_edtf_parse ("Y-999999999/Y999999999", &edtf, NULL));
  g_assert_cmpint (edtf.earliest, <, G_GINT64_CONSTANT (-31550000000000000));
  g_assert_cmpint (edtf.latest, >, G_GINT64_CONSTANT (31550000000000000));
  /* Over a hundred times the whole range still fits. */
  g_assert_cmpint (edtf.earliest, >, G_MININT64 / 200);
  g_assert_cmpint (edtf.latest, <, G_MAXINT64 / 200);
}

/* Every day of years 1 to 9999 GDateTime knows, against GDateTime. */
static void
test_parse_against_gdatetime (void)
{
  for (int i = 0; i < 20000; i++)
    {
      int year = g_test_rand_int_range (1, 10000);
      int month = g_test_rand_int_range (1, 13);
      int day = g_test_rand_int_range (1, 32);
      int hour = g_test_rand_int_range (0, 24);
      int minute = g_test_rand_int_range (0, 60);
      int second = g_test_rand_int_range (0, 60);
      g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, day, hour, minute, second);
      g_autofree char *text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                                               year, month, day, hour, minute, second);
      g_autofree char *day_text = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      g_autoptr(GError) error = NULL;
      DlEdtf edtf;

      if (dt == NULL)
        {
          /* No such day: we must say so too */
          g_assert_false (dl_edtf_parse (text, &edtf, &error));
          g_assert_error (error, DL_EDTF_ERROR, DL_EDTF_ERROR_INVALID_DATE);
          g_assert_false (dl_edtf_parse (day_text, NULL, NULL));
          continue;
        }

      g_assert_true (dl_edtf_parse (text, &edtf, &error));
      g_assert_no_error (error);
      g_assert_cmpint (edtf.earliest, ==, g_date_time_to_unix (dt));

      g_assert_true (dl_edtf_parse (day_text, &edtf, NULL));
      g_assert_cmpint (edtf.earliest, <=, g_date_time_to_unix (dt));
      g_assert_cmpint (edtf.latest, >=, g_date_time_to_unix (dt));
      g_assert_cmpint (edtf.latest - edtf.earliest, ==, 86399);
    }
}

typedef struct {
  gint64      instant;
  const char *text;
} InstantCase;

static void
test_format_instant (void)
{
  static const InstantCase cases[] = {
    { 0, "1970-01-01T00:00:00Z" },
    { -1, "1969-12-31T23:59:59Z" },
    { 86399, "1970-01-01T23:59:59Z" },
    { G_GINT64_CONSTANT (1724140800), "2024-08-20T08:00:00Z" },
    { G_GINT64_CONSTANT (1709164800), "2024-02-29T00:00:00Z" },
    { G_GINT64_CONSTANT (951782400), "2000-02-29T00:00:00Z" },
    { G_GINT64_CONSTANT (253402300799), "9999-12-31T23:59:59Z" },
    { G_GINT64_CONSTANT (253402300800), "+10000-01-01T00:00:00Z" },
    { G_GINT64_CONSTANT (-62135596800), "0001-01-01T00:00:00Z" },
    { G_GINT64_CONSTANT (-62167219200), "0000-01-01T00:00:00Z" },
    { G_GINT64_CONSTANT (-62167219201), "-0001-12-31T23:59:59Z" },
    { G_GINT64_CONSTANT (-63549360000), "-0044-03-15T00:00:00Z" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = dl_edtf_format_instant (cases[i].instant);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  g_assert_null (dl_edtf_format_instant (DL_EDTF_UNBOUNDED_START));
  g_assert_null (dl_edtf_format_instant (DL_EDTF_UNBOUNDED_END));

  /* The extremes just inside the sentinels do not overflow */
  {
    g_autofree char *min = dl_edtf_format_instant (G_MININT64 + 1);
    g_autofree char *max = dl_edtf_format_instant (G_MAXINT64 - 1);

    g_assert_nonnull (min);
    g_assert_nonnull (max);
    g_assert_true (g_str_has_prefix (min, "-"));
    g_assert_true (g_str_has_prefix (max, "+"));
    g_assert_true (g_str_has_suffix (min, "Z"));
    g_assert_true (g_str_has_suffix (max, "Z"));
  }
}

/* format → parse gives the instant back, for every year a date-time can
 * be written in (-9999 to 9999). */
static void
test_format_roundtrip (void)
{
  const gint64 first = G_GINT64_CONSTANT (-377705116800);  /* -9999-01-01 */
  const gint64 last = G_GINT64_CONSTANT (253402300799);    /*  9999-12-31T23:59:59 */

  for (int i = 0; i < 20000; i++)
    {
      gint64 instant = first + (gint64) (g_test_rand_double () * (double) (last - first));
      g_autofree char *text = dl_edtf_format_instant (instant);
      g_autoptr(GError) error = NULL;
      DlEdtf edtf;

      g_assert_true (dl_edtf_parse (text, &edtf, &error));
      g_assert_no_error (error);
      g_assert_cmpint (edtf.earliest, ==, instant);
      g_assert_cmpint (edtf.latest, ==, instant);
    }

  {
    g_autofree char *text = dl_edtf_format_instant (first);

    g_assert_cmpstr (text, ==, "-9999-01-01T00:00:00Z");
  }
}

static void
test_error_messages (void)
{
  static const char * const texts[] = {
    "2023-02-29", "2024/2023", "Y1700000002", "2024-08-20 ", "201x", "../..", "2001-25",
    "2023-13-01", "2024-08-20T25:00:00",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize len;

      g_assert_false (dl_edtf_parse (texts[i], NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      len = strlen (error->message);
      g_assert_cmpuint (len, >, strlen (texts[i]) + 4);
      g_assert_nonnull (strstr (error->message, texts[i]));
      g_assert_cmpint (error->message[len - 1], !=, '.');
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* The message quotes a bounded, valid UTF-8 part of the input */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = g_strnfill (10000, '\xe2');

    g_assert_false (dl_edtf_parse (text, NULL, &error));
    g_assert_error (error, DL_EDTF_ERROR, DL_EDTF_ERROR_SYNTAX);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_assert_cmpuint (strlen (error->message), <, 1000);
  }

  /* Reasons are specific */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (dl_edtf_parse ("2023-02-29", NULL, &error));
    g_assert_nonnull (strstr (error->message, "28"));
  }
}

static void
test_null_and_untouched (void)
{
  DlEdtf edtf = { 1, 2, DL_EDTF_UNCERTAIN, DL_EDTF_PRECISION_MONTH };
  g_autoptr(GError) error = NULL;

  /* Failing leaves @out as it was */
  g_assert_false (dl_edtf_parse ("2024-02-30", &edtf, &error));
  g_assert_error (error, DL_EDTF_ERROR, DL_EDTF_ERROR_INVALID_DATE);
  g_assert_cmpint (edtf.earliest, ==, 1);
  g_assert_cmpint (edtf.latest, ==, 2);
  g_assert_cmpint (edtf.flags, ==, DL_EDTF_UNCERTAIN);
  g_assert_cmpint (edtf.precision, ==, DL_EDTF_PRECISION_MONTH);

  g_test_expect_message ("dl-edtf", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (dl_edtf_parse (NULL, &edtf, NULL));
  g_test_assert_expected_messages ();
  g_assert_cmpint (edtf.earliest, ==, 1);

  g_test_expect_message ("dl-edtf", G_LOG_LEVEL_CRITICAL, "*edtf != NULL*");
  g_assert_null (dl_edtf_describe (NULL));
  g_test_assert_expected_messages ();
}

static gboolean
parse_quickly (const char *text,
               DlEdtfError code)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (dl_edtf_parse (text, NULL, &error));
  g_assert_error (error, DL_EDTF_ERROR, (int) code);
  g_assert_cmpuint (strlen (error->message), <, 1000);

  /* Generous: linear in 10 MB is a few milliseconds */
  return g_get_monotonic_time () - start < 2 * G_USEC_PER_SEC;
}

static void
test_long_input (void)
{
  const gsize size = 10 * 1024 * 1024;
  g_autofree char *digits = g_strnfill (size, '9');
  g_autofree char *xs = g_strnfill (size, 'X');
  g_autofree char *slashes = g_strnfill (size, '/');
  g_autofree char *dots = g_strnfill (size, '.');
  g_autofree char *long_year = g_strnfill (size, '1');
  g_autofree char *trailing = NULL;
  GString *repeated = g_string_new (NULL);
  g_autofree char *repeated_text = NULL;

  long_year[0] = 'Y';
  trailing = g_strconcat ("2024-08-20", digits, NULL);
  while (repeated->len < size)
    g_string_append (repeated, "2024/");
  repeated_text = g_string_free (g_steal_pointer (&repeated), FALSE);

  g_assert_true (parse_quickly (digits, DL_EDTF_ERROR_SYNTAX));
  g_assert_true (parse_quickly (xs, DL_EDTF_ERROR_SYNTAX));
  g_assert_true (parse_quickly (slashes, DL_EDTF_ERROR_SYNTAX));
  g_assert_true (parse_quickly (dots, DL_EDTF_ERROR_SYNTAX));
  g_assert_true (parse_quickly (long_year, DL_EDTF_ERROR_RANGE));
  g_assert_true (parse_quickly (trailing, DL_EDTF_ERROR_SYNTAX));
  g_assert_true (parse_quickly (repeated_text, DL_EDTF_ERROR_SYNTAX));
}

/* Random and mutated input never crashes, and anything accepted is sane. */
static void
check_any (const char *text)
{
  DlEdtf edtf;
  g_autoptr(GError) error = NULL;

  if (dl_edtf_parse (text, &edtf, &error))
    {
      g_autofree char *description = dl_edtf_describe (&edtf);

      g_assert_no_error (error);
      g_assert_cmpint (edtf.earliest, <=, edtf.latest);
      g_assert_cmpint (edtf.precision, >=, DL_EDTF_PRECISION_YEAR);
      g_assert_cmpint (edtf.precision, <=, DL_EDTF_PRECISION_SECOND);
      g_assert_nonnull (description);
      g_assert_cmpstr (description, !=, "");
      g_assert_true (g_utf8_validate (description, -1, NULL));
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == DL_EDTF_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_fuzz (void)
{
  static const char alphabet[] = "0123456789XxY-/.?~%TZ:+ 0123456789-";

  for (int i = 0; i < 50000; i++)
    {
      char text[48];
      int len = g_test_rand_int_range (0, sizeof text);

      for (int j = 0; j < len; j++)
        {
          if (g_test_rand_int_range (0, 20) == 0)
            text[j] = (char) g_test_rand_int_range (1, 256);
          else
            text[j] = alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
        }
      text[len] = '\0';
      check_any (text);
    }

  /* Mutations of every valid case */
  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      gsize len = strlen (parse_cases[i].text);

      for (gsize j = 0; j < len; j++)
        {
          g_autofree char *cut = g_strndup (parse_cases[i].text, j);
          g_autofree char *mutated = g_strdup (parse_cases[i].text);

          check_any (cut);
          for (const char *c = "0915X/-?T:"; *c != '\0'; c++)
            {
              mutated[j] = *c;
              check_any (mutated);
            }
        }
    }
}

static void
test_describe (void)
{
  static const struct {
    const char *text;
    const char *contains;
  } cases[] = {
    { "2024-08-20", "2024" },
    { "2024-08-20", "20" },
    { "2024-08", "2024" },
    { "2024", "2024" },
    { "2024-08-20T10:00:00+02:00", "08:00:00" },
    { "2024-08-XX", "2024" },
    { "201X", "2010" },
    { "201X", "2019" },
    { "2001-24", "2001" },
    { "2024-08-15/2024-08-16", "–" },
    { "2024-08-15/2024-08-16", "2024" },
    { "../2024-08-20", "2024" },
    { "2024-08-20/..", "2024" },
    { "/2024", "2024" },
    { "2024/", "2024" },
    { "Y17000002", "17000002" },
    { "Y-17000002", "17000003" },   /* 17000003 BCE */
    { "-0044-03-15", "45" },        /* 45 BCE */
    { "0000", "1" },                /* 1 BCE */
    { "Y12345/Y23456", "23456" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *description = NULL;
      DlEdtf edtf;

      g_assert_true (dl_edtf_parse (cases[i].text, &edtf, NULL));
      description = dl_edtf_describe (&edtf);
      g_test_message ("“%s” → “%s”", cases[i].text, description);
      g_assert_nonnull (description);
      g_assert_nonnull (strstr (description, cases[i].contains));
    }

  /* Every valid table case gives some valid text */
  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *description = NULL;
      DlEdtf edtf;

      if (parse_cases[i].error != OK)
        continue;
      g_assert_true (dl_edtf_parse (parse_cases[i].text, &edtf, NULL));
      description = dl_edtf_describe (&edtf);
      g_test_message ("“%s” → “%s”", parse_cases[i].text, description);
      g_assert_nonnull (description);
      g_assert_cmpuint (strlen (description), >=, 4);
      g_assert_true (g_utf8_validate (description, -1, NULL));
    }

  /* Qualifiers and open ends change the text */
  {
    static const char * const pairs[][2] = {
      { "2024", "2024?" },
      { "2024", "2024~" },
      { "2024?", "2024%" },
      { "2024-08", "2024-08-XX" },
      { "2024-08-20/..", "2024-08-20/" },
      { "../2024-08-20", "/2024-08-20" },
      { "2024-08-20", "2024-08-20/.." },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
      {
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;
        DlEdtf edtf;

        g_assert_true (dl_edtf_parse (pairs[i][0], &edtf, NULL));
        a = dl_edtf_describe (&edtf);
        g_assert_true (dl_edtf_parse (pairs[i][1], &edtf, NULL));
        b = dl_edtf_describe (&edtf);
        g_assert_cmpstr (a, !=, b);
      }
  }

  /* Hand-made values do not trip it up */
  {
    DlEdtf odd = { DL_EDTF_UNBOUNDED_START, DL_EDTF_UNBOUNDED_END, 0, DL_EDTF_PRECISION_DAY };
    g_autofree char *any = dl_edtf_describe (&odd);
    g_autofree char *far = NULL;
    g_autofree char *weird = NULL;

    g_assert_cmpstr (any, !=, "");
    odd.earliest = odd.latest = G_MAXINT64 - 1;
    far = dl_edtf_describe (&odd);
    g_assert_cmpstr (far, !=, "");
    odd.earliest = odd.latest = 0;
    odd.precision = 42;
    odd.flags = 0xff;
    weird = dl_edtf_describe (&odd);
    g_assert_cmpstr (weird, !=, "");
  }
}

static void
test_helpers (void)
{
  DlEdtf a, b, open_start, open_end;
  DlEdtf both = { DL_EDTF_UNBOUNDED_START, DL_EDTF_UNBOUNDED_END, 0, 0 };
  DlEdtf extreme = { G_MININT64 + 1, G_MAXINT64 - 1, 0, 0 };

  g_assert_true (dl_edtf_parse ("2024-08-20", &a, NULL));
  g_assert_true (dl_edtf_parse ("2024-08-20/2024-08-21", &b, NULL));
  g_assert_true (dl_edtf_parse ("../2024-08-20", &open_start, NULL));
  g_assert_true (dl_edtf_parse ("2024-08-20/", &open_end, NULL));

  g_assert_true (dl_edtf_is_bounded (&a));
  g_assert_true (dl_edtf_is_bounded (&b));
  g_assert_false (dl_edtf_is_bounded (&open_start));
  g_assert_false (dl_edtf_is_bounded (&open_end));
  g_assert_false (dl_edtf_is_bounded (&both));

  g_assert_cmpint (dl_edtf_get_midpoint (&a), ==, a.earliest + 43199);
  g_assert_cmpint (dl_edtf_get_midpoint (&b), ==, a.latest);
  g_assert_cmpint (dl_edtf_get_midpoint (&open_start), ==, a.latest);
  g_assert_cmpint (dl_edtf_get_midpoint (&open_end), ==, a.earliest);
  g_assert_cmpint (dl_edtf_get_midpoint (&both), ==, 0);
  g_assert_cmpint (dl_edtf_get_midpoint (&extreme), ==, -1);

  g_assert_true (dl_edtf_overlaps (&a, a.latest, a.latest + 10));
  g_assert_false (dl_edtf_overlaps (&a, a.latest + 1, a.latest + 10));
  g_assert_true (dl_edtf_overlaps (&open_start, G_MININT64, 0));
  g_assert_false (dl_edtf_overlaps (&open_end, G_MININT64, 0));

  g_assert_cmpint (dl_edtf_compare (&a, &a), ==, 0);
  g_assert_cmpint (dl_edtf_compare (&a, &b), <, 0);
  g_assert_cmpint (dl_edtf_compare (&b, &a), >, 0);
  g_assert_cmpint (dl_edtf_compare (&open_start, &a), <, 0);
  g_assert_cmpint (dl_edtf_compare (&open_end, &a), >, 0);
}

int
main (int    argc,
      char **argv)
{
  /* Descriptions are checked for digits, so use a known locale */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edtf/parse/table", test_parse_table);
  g_test_add_func ("/edtf/parse/instants", test_parse_instants);
  g_test_add_func ("/edtf/parse/gdatetime", test_parse_against_gdatetime);
  g_test_add_func ("/edtf/parse/errors", test_error_messages);
  g_test_add_func ("/edtf/parse/null", test_null_and_untouched);
  g_test_add_func ("/edtf/parse/long-input", test_long_input);
  g_test_add_func ("/edtf/parse/fuzz", test_fuzz);
  g_test_add_func ("/edtf/format-instant", test_format_instant);
  g_test_add_func ("/edtf/format-roundtrip", test_format_roundtrip);
  g_test_add_func ("/edtf/describe", test_describe);
  g_test_add_func ("/edtf/helpers", test_helpers);

  return g_test_run ();
}
