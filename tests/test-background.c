/* test-background.c: a long job's thread yields to the main loop
 *
 * dl_background_enter() lowers the calling thread's priority and no
 * other's: the main thread (the main loop's) keeps its own, and a thread
 * the job starts afterwards inherits the lower one, as the loader's
 * second reader and its facets thread do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "dl-background.h"

#ifdef __linux__
static int
own_priority (void)
{
  int priority;

  errno = 0;
  priority = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
  g_assert_cmpint (errno, ==, 0);
  return priority;
}

static gpointer
started_by_job (gpointer data)
{
  return GINT_TO_POINTER (own_priority ());
}

static gpointer
job (gpointer data)
{
  GThread *child;
  int *priorities = data;

  dl_background_enter ();
  priorities[0] = own_priority ();
  child = g_thread_new ("started-by-job", started_by_job, NULL);
  priorities[1] = GPOINTER_TO_INT (g_thread_join (child));
  /* Twice is once: the priority is not lowered further. */
  dl_background_enter ();
  priorities[2] = own_priority ();
  return NULL;
}
#endif

static void
test_enter (void)
{
#ifdef __linux__
  int main_before = own_priority ();
  int priorities[3] = { 0 };

  g_thread_join (g_thread_new ("job", job, priorities));
  g_assert_cmpint (priorities[0], ==, MAX (main_before, 10));
  g_assert_cmpint (priorities[1], ==, priorities[0]);
  g_assert_cmpint (priorities[2], ==, priorities[0]);
  g_assert_cmpint (own_priority (), ==, main_before);
#else
  g_test_skip ("thread priorities are set on Linux only");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/background/enter", test_enter);
  return g_test_run ();
}
