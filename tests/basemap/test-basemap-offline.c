/* test-basemap-offline.c: the offline map draws with no network at all
 *
 * The test re-runs itself under `unshare -rn` (a new network namespace with
 * no interfaces up: nothing is reachable), checks there that the network is
 * really gone, then opens the basemap and draws tiles at every zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "dl-basemap.h"

static char *self_path;

/* Runs inside the namespace. Returns the exit status. */
static int
child_main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DlBasemap) basemap = NULL;
  struct sockaddr_in addr = { 0 };
  int fd, rc, saved_errno;
  guint drawn = 0;

  /* A UDP connect sends nothing; it only asks for a route. */
  fd = socket (AF_INET, SOCK_DGRAM, 0);
  addr.sin_family = AF_INET;
  addr.sin_port = htons (9);
  inet_pton (AF_INET, "192.0.2.1", &addr.sin_addr);
  rc = fd >= 0 ? connect (fd, (struct sockaddr *) &addr, sizeof addr) : -1;
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  if (rc == 0)
    {
      g_printerr ("network is still reachable inside the namespace\n");
      return 2;
    }
  g_print ("network unavailable (%s)\n", g_strerror (saved_errno));

  basemap = dl_basemap_open_default (&error);
  if (basemap == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  for (int z = 0; z <= 14; z++)
    {
      /* the tile over Gaza City at each zoom */
      int n = 1 << z;
      int x = (int) ((34.4667 + 180.0) / 360.0 * n);
      double s = sin (31.5016 * G_PI / 180.0);
      int y = (int) ((0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI)) * n);
      cairo_surface_t *tile = dl_basemap_render_tile (basemap, DL_BASEMAP_STYLE_LIGHT, "en", z, x, y, 2);
      const guint8 *data;
      guint32 first;
      gboolean uniform = TRUE;

      if (tile == NULL || cairo_surface_status (tile) != CAIRO_STATUS_SUCCESS)
        return 1;

      /* zoom ≥ 3 tiles here hold both land and sea, or labels: never blank */
      data = cairo_image_surface_get_data (tile);
      first = *(const guint32 *) data;
      for (int i = 0; i < 512 * 512 && uniform; i++)
        uniform = ((const guint32 *) data)[i] == first;
      cairo_surface_destroy (tile);

      if (uniform && z >= 3)
        {
          g_printerr ("tile %d/%d/%d is blank\n", z, x, y);
          return 1;
        }
      drawn++;
    }

  g_print ("rendered %u tiles\n", drawn);
  return 0;
}

static void
test_offline (void)
{
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  const char *variants[][2] = { { "-rn", NULL }, { "-n", NULL } };
  g_autoptr(GString) why = g_string_new (NULL);

  if (unshare == NULL)
    {
      g_test_skip ("unshare(1) is not installed: cannot take the network away");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const char *argv[] = { unshare, variants[i][0], self_path, "--child", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, &err, &status, &error))
        g_error ("cannot run %s: %s", unshare, error->message);

      g_test_message ("unshare %s: %s%s", variants[i][0], out, err);

      /* the child ran (it says so first) and judged the result */
      if (strstr (out, "network unavailable") != NULL || strstr (err, "still reachable") != NULL)
        {
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          g_assert_nonnull (strstr (out, "rendered 15 tiles"));
          return;
        }

      g_string_append_printf (why, "unshare %s: %s ", variants[i][0], g_strstrip (err));
    }

  /* unshare exists but may not create namespaces here (no privileges) */
  {
    g_autofree char *msg = g_strdup_printf ("cannot create a network namespace: %s", why->str);

    g_test_skip (msg);
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (argc == 2 && g_str_equal (argv[1], "--child"))
    return child_main ();

  self_path = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/basemap/offline", test_offline);
  ret = g_test_run ();

  g_free (self_path);
  return ret;
}
