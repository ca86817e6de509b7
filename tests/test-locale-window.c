/* test-locale-window.c: the real window in another language (TAP)
 *
 *   test-locale-window LANGUAGE LOCALE DIRECTION OUT.png
 *
 * Runs Dateline as main.c does, but with the catalogues the build made
 * (po/LANG/LC_MESSAGES/dateline.mo in the build folder), on the bundled
 * dataset with one event selected, and saves the window as OUT.png through
 * --screenshot. Checks that the locale exists, that Dateline's own strings
 * are translated, that the window takes the direction the language wants
 * ("rtl" for Arabic and Hebrew, "ltr" otherwise) and that the PNG was written.
 * Look at the PNG after any visual change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "dl-application.h"

static const char *language;
static const char *locale_name;
static const char *direction;
static const char *out_path;
static GtkTextDirection window_direction = GTK_TEXT_DIR_NONE;
static GtkTextDirection child_direction = GTK_TEXT_DIR_NONE;

static void
window_added (GtkApplication *app,
              GtkWindow      *window,
              gpointer        user_data)
{
  GtkWidget *child = gtk_window_get_child (window);

  window_direction = gtk_widget_get_direction (GTK_WIDGET (window));
  if (child != NULL)
    child_direction = gtk_widget_get_direction (child);
}

static void
test_locale (void)
{
  const char *set = setlocale (LC_ALL, NULL);

  if (set == NULL || g_str_equal (set, "C") || g_str_equal (set, "C.UTF-8"))
    {
      g_test_message ("the locale %s is not available: run build-aux/install-deps "
                      "(it generates ar_EG, he_IL, de_DE and fr_FR with locale-gen)",
                      locale_name);
      g_test_fail ();
    }
}

static void
test_translated (void)
{
  /* A string every catalogue translates, and differently from English. */
  const char *open = _("Open Dataset");

  g_test_message ("“Open Dataset” in %s: “%s”", language, open);
  g_assert_cmpstr (open, !=, "Open Dataset");
}

/* Weekdays on the timeline's day ticks read as words: glibc abbreviates
 * Arabic and Hebrew weekdays to one letter, so those catalogues ask for the
 * full name. */
static void
test_weekdays (void)
{
  for (int day = 19; day <= 25; day++)   /* Monday 19 to Sunday 25 August 2024 */
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2024, 8, day, 12, 0, 0);
      g_autofree char *tick = g_date_time_format (dt, _("%a %-d"));
      g_autoptr(GString) letters = g_string_new (NULL);

      for (const char *p = tick; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalpha (g_utf8_get_char (p)))
          g_string_append_unichar (letters, g_utf8_get_char (p));
      g_test_message ("day tick in %s: “%s”", language, tick);
      g_assert_cmpuint (g_utf8_strlen (letters->str, -1), >=, 2);
    }
}

static void
test_window (void)
{
  g_autoptr(DlApplication) app = dl_application_new ();
  g_autofree char *dataset = g_build_filename (g_getenv ("DATELINE_DATASET_DIR"),
                                               "gaza-august-2024",
                                               "gaza-august-2024.dateline.json", NULL);
  const char *argv[] = {
    "dateline", "--screenshot", out_path, "--select", "school-strike-gaza-city",
    "--size", "1280x800", dataset, NULL
  };
  GtkTextDirection want = g_str_equal (direction, "rtl") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  int status;

  g_unlink (out_path);
  /* Never hand the command line to another running instance. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);

  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, (char **) argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpint (dl_application_get_exit_status (app), ==, 0);

  g_test_message ("default direction %d, window %d, its content %d (want %d)",
                  gtk_widget_get_default_direction (), window_direction, child_direction, want);
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, want);
  g_assert_cmpint (window_direction, ==, want);
  g_assert_cmpint (child_direction, ==, want);

  g_assert_true (g_file_test (out_path, G_FILE_TEST_IS_REGULAR));
  g_test_message ("wrote %s: look at it", out_path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;

  g_test_init (&argc, &argv, NULL);
  /* Criticals stay fatal; warnings from GTK about the app's UI files are
   * reported, not fatal: this test is about the language. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  if (argc != 5)
    {
      g_printerr ("usage: test-locale-window LANGUAGE LOCALE DIRECTION OUT.png\n");
      return 2;
    }
  language = argv[1];
  locale_name = argv[2];
  direction = argv[3];
  out_path = argv[4];

  /* As main.c, with the build folder's catalogues. */
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("LC_ALL", locale_name, TRUE);
  setlocale (LC_ALL, "");
  localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/locale-window/locale", test_locale);
  g_test_add_func ("/locale-window/translated", test_translated);
  g_test_add_func ("/locale-window/weekdays", test_weekdays);
  g_test_add_func ("/locale-window/window", test_window);

  return g_test_run ();
}
