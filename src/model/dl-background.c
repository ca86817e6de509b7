/* dl-background.c: long jobs in threads yield the cores to the main loop
 *
 * On a machine of two cores, opening a million events keeps both busy (two
 * readers, then the search index and the facets, then the map's and the
 * timeline's indexes), and the main loop, at the same priority, waited for
 * a core: turns of 5 to 25 ms of CPU took 100 to 250 ms while a dataset
 * opened. Linux schedules each thread by its own nice value, so a thread
 * about to run such a job lowers its own; the main loop then takes a core
 * whenever it has work, and the job has the rest. Threads the job starts
 * inherit the value.
 *
 * A thread of GLib's pool keeps the lower priority for its later jobs:
 * raising it again needs a right most users lack (RLIMIT_NICE), and the
 * pool's other jobs (tiles, saving, exports) are background work as well,
 * so every run behaves alike whoever runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-background.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

/* Enough for the main loop to win a core at once (a nice-10 thread weighs
 * a tenth of a nice-0 one), not so much that a job starves behind other
 * programs' ordinary work. */
#define BACKGROUND_NICE 10

/* Lowers the calling thread's scheduling priority, for good. */
void
dl_background_enter (void)
{
#ifdef __linux__
  id_t tid = (id_t) syscall (SYS_gettid);

  if (getpriority (PRIO_PROCESS, tid) < BACKGROUND_NICE)
    setpriority (PRIO_PROCESS, tid, BACKGROUND_NICE);
#endif
}
