/* dl-malloc-slices.c: GLib 2.74's slices from malloc(), for the whole process
 *
 * GLib before 2.76 gives every GObject instance a slice, and its slice
 * allocator takes each of its pages with posix_memalign(): loading a
 * million events paid about half a second of CPU (page by page, in the
 * loading threads' malloc arenas) and 37 MB more peak for it (HACKING.md,
 * Scale). G_SLICE=always-malloc makes slices plain malloc() (2.76 and
 * later do that anyway), but GLib reads it at its first slice, which its
 * own constructors take before main() runs: setting it in main() came too
 * late. So the process starts itself again with it set, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dateline"

#include <stdlib.h>
#include <unistd.h>

#include "dl-malloc-slices.h"

/* Call first thing in main(): returns at once with GLib 2.76 or later, or
 * when G_SLICE is set (by the user, or by this process before it started
 * itself again), or when the program cannot be started again (then slices
 * stay as GLib made them). */
void
dl_malloc_slices_ensure (char **argv)
{
  if (glib_check_version (2, 76, 0) == NULL || g_getenv ("G_SLICE") != NULL)
    return;

  setenv ("G_SLICE", "always-malloc", 1);
  execv ("/proc/self/exe", argv);
}
