/* fuzz-edtf.c: libFuzzer target: EDTF parsing and describing on arbitrary text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every accepted date must be well ordered, describable and formattable;
 * every refusal must come with a valid UTF-8 message.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "dl-edtf.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);  /* cut at a NUL */
  g_autoptr(GError) error = NULL;
  DlEdtf edtf;

  if (!dl_edtf_parse (text, &edtf, &error))
    {
      if (error == NULL || !g_utf8_validate (error->message, -1, NULL))
        abort ();
      return 0;
    }
  if (error != NULL || edtf.earliest > edtf.latest)
    abort ();

  {
    g_autofree char *described = dl_edtf_describe (&edtf);
    g_autofree char *earliest = dl_edtf_format_instant (edtf.earliest);
    g_autofree char *latest = dl_edtf_format_instant (edtf.latest);
    gint64 middle = dl_edtf_get_midpoint (&edtf);

    if (described == NULL || !g_utf8_validate (described, -1, NULL))
      abort ();
    if (dl_edtf_is_bounded (&edtf) && (middle < edtf.earliest || middle > edtf.latest))
      abort ();

    /* A bounded instant of years 0 to 9999 ("2024-08-20T00:00:00Z": longer
     * years take a sign EDTF does not) formats back to itself. */
    if (earliest != NULL && dl_edtf_is_bounded (&edtf) && strlen (earliest) == 20)
      {
        DlEdtf again;

        if (!dl_edtf_parse (earliest, &again, NULL) || again.earliest != edtf.earliest)
          abort ();
      }
    (void) latest;
  }

  return 0;
}
