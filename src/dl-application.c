/* dl-application.c: actions and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-application"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dl-application.h"
#include "dl-import.h"
#include "dl-cli.h"
#include "dl-presentation.h"
#include "dl-window.h"

struct _DlApplication
{
  AdwApplication parent_instance;

  int            exit_status;
  gboolean       recovery_offered;  /* once a run, in its first window */
};

G_DEFINE_FINAL_TYPE (DlApplication, dl_application, ADW_TYPE_APPLICATION)

#define SIZE_ERROR N_("--size: “%s” is not a size like 1920x1080 (320x240 to 8192x8192)\n")

static const GOptionEntry option_entries[] = {
  { "validate", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check a dataset and print its problems (no window)"), NULL },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export to a Dateline dataset, a GeoJSON, CSV, PDF handout or PNG map file, chosen by its extension (no window)"),
    N_("OUT.{dateline.json,geojson,csv,pdf,png}") },
  { "narrative", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: the narrative to make a handout of (default: every event)"), N_("ID") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export to PDF: the paper size, a4 or letter (default: a4)"), N_("a4|letter") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the window, save it as a PNG image and quit"), N_("OUT.png") },
  { "present", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Present a narrative full screen (“*”: every event in time order); with --screenshot, save one slide"),
    N_("NARRATIVE") },
  { "step", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --present: the step to show first, from 1 (one more than the steps: the end slide)"), N_("N") },
  { "basemap", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draw this MBTiles map file above the built-in map (for this run only)"), N_("FILE.mbtiles") },
  { "select", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Select an event by its id"), N_("EVENT_ID") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Window size for --screenshot, image size for --export to PNG (default 1920x1080)"), N_("WxH") },
  { "suggest", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Print candidate events found in an article, one a line (no window); with FILE, its places first"),
    N_("ARTICLE.txt") },
  { "published", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --suggest: the article’s publication day, to read “on Tuesday” against"), N_("EDTF") },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --suggest: one JSON object a line, for scripts"), NULL },
  { "mapping", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --validate or --export: what a column of a CSV file (or a GeoJSON property) holds, such as "
       "date=Day; once for each role (title, date, end-date, latitude, longitude, wkt, place, category, summary, "
       "source, id)"),
    N_("ROLE=COLUMN") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/* Helpers */

static const char *
first_file_arg (GVariantDict *options)
{
  g_autofree const char **files = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) || files[0] == NULL)
    return NULL;

  if (files[1] != NULL)
    g_printerr (_("Only one dataset at a time: ignoring “%s” and what follows\n"), files[1]);

  return files[0];
}

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  if (text == NULL || sscanf (text, "%dx%d", width, height) != 2)
    return FALSE;

  return *width >= 320 && *height >= 240 && *width <= 8192 && *height <= 8192;
}

static void
on_window_destroy (DlWindow      *window,
                   DlApplication *self)
{
  if (dl_window_get_screenshot_failed (window))
    self->exit_status = 1;
}

static DlWindow *
new_window (DlApplication *self)
{
  DlWindow *window = dl_window_new (GTK_APPLICATION (self));

  g_signal_connect_object (window, "destroy", G_CALLBACK (on_window_destroy), self, 0);
  return window;
}

/* After a crash: the first window shown asks about the changes it left. */
static void
offer_recovery (DlApplication *self,
                DlWindow      *window)
{
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  dl_window_offer_recovery (window);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window closes as Ctrl+W would: one with unsaved changes asks
   * first (Save, Discard, Cancel), and stays if cancelled. The last one
   * closed ends the application. */
  g_list_foreach (windows, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Dateline developers", NULL };
  static const char *map_credits[] = {
    "OpenStreetMap https://www.openstreetmap.org/copyright",
    "GeoNames https://www.geonames.org/",
    "Natural Earth https://www.naturalearthdata.com/",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Dateline"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Dateline developers"),
                        "developers", developers,
                        /* Translators: your names, one per line, as "Name <email>" or "Name https://…" */
                        "translator-credits", _("translator-credits"),
                        "copyright", "© 2026 The Dateline developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Places the events reported in news articles on a map and a "
                                      "timeline, linked to the passages that report them."),
                        "website", "https://github.com/datelineapp/dateline",
                        "issue-url", "https://github.com/datelineapp/dateline/issues",
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Map data"), map_credits);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Coastlines and borders"),
                                      _("© OpenStreetMap contributors, available under the Open "
                                        "Database License (ODbL) 1.0."),
                                      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Place names"),
                                      _("GeoNames, licensed under Creative Commons Attribution "
                                        "4.0 (CC BY 4.0); cut to the region, some names adapted."),
                                      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("The world at small scales"),
                                      _("Natural Earth, in the public domain."),
                                      GTK_LICENSE_CUSTOM, NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Bundled articles"),
                                      _("The five articles of the bundled dataset are quoted for "
                                        "research and teaching; they carry no outlet or date, which "
                                        "the dataset derives from the events they report."),
                                      GTK_LICENSE_CUSTOM, NULL);
  /* The bundled dataset's data notes: places' notes say the same in the sidebar. */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Boundaries"),
                                      _("In the bundled dataset the outline of Israel, simplified from "
                                        "OpenStreetMap data, includes the Golan Heights and East "
                                        "Jerusalem, whose status is disputed: a boundary choice of the "
                                        "dataset, not a statement of the articles."),
                                      GTK_LICENSE_CUSTOM, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

/* Vfuncs */

static int
dl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  const char *export_path = NULL;
  const char *suggest_path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("dateline %s\n", PACKAGE_VERSION);
      return DL_EXIT_OK;
    }

  /* Headless work: no display, no D-Bus, no window. */
  {
    g_autofree const char **specs = NULL;

    if (g_variant_dict_lookup (options, "mapping", "^a&s", &specs) && dl_cli_set_mapping (specs) != DL_EXIT_OK)
      return DL_EXIT_USAGE;
  }
  if (g_variant_dict_contains (options, "validate"))
    return dl_cli_validate (first_file_arg (options));

  if (g_variant_dict_lookup (options, "suggest", "^&ay", &suggest_path))
    {
      const char *published = NULL;

      g_variant_dict_lookup (options, "published", "&s", &published);
      return dl_cli_suggest (suggest_path, published, g_variant_dict_contains (options, "json"),
                             first_file_arg (options));
    }

  /* A screenshot is this process's own job: a running instance must not
   * take it over (it would answer at once, print the errors itself and
   * write a relative path into its own folder). Opening a file without it
   * still goes to the running instance. */
  if (g_variant_dict_contains (options, "screenshot"))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  if (g_variant_dict_lookup (options, "export", "^&ay", &export_path))
    {
      const char *narrative = NULL;
      const char *paper = NULL;
      const char *size = NULL;
      int width = 0;
      int height = 0;

      g_variant_dict_lookup (options, "narrative", "&s", &narrative);
      g_variant_dict_lookup (options, "paper", "&s", &paper);
      g_variant_dict_lookup (options, "size", "&s", &size);
      if (size != NULL && !parse_size (size, &width, &height))
        {
          g_printerr (_(SIZE_ERROR), size);
          return DL_EXIT_USAGE;
        }

      return dl_cli_export_full (export_path, first_file_arg (options), narrative, paper, width, height);
    }

  return -1;
}

static void
on_presentation_screenshot_saved (DlApplication *self,
                                  gboolean       ok)
{
  if (!ok)
    dl_application_set_exit_status (self, 1);
}

/* dateline --present NARRATIVE [--step N] [--screenshot OUT.png] [--size WxH] [FILE] */
static int
present_from_command_line (DlApplication           *self,
                           GApplicationCommandLine *command_line,
                           GFile                   *file,
                           const char              *narrative_id,
                           int                      step,
                           const char              *screenshot,
                           int                      width,
                           int                      height)
{
  g_autoptr(GFile) bundled = file == NULL ? dl_dataset_get_bundled_file () : NULL;
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) dataset = NULL;
  g_autofree char *name = g_file_get_parse_name (file != NULL ? file : bundled);
  DlPresentation *presentation;
  gboolean known = g_strcmp0 (narrative_id, DL_PRESENTATION_EVERY_EVENT) == 0;

  dataset = dl_import_load (file != NULL ? file : bundled, problems, NULL);
  if (dataset == NULL)
    {
      g_autofree char *report = dl_problems_to_string (problems, name);

      g_application_command_line_printerr (command_line, "%s", report);
      return DL_EXIT_INVALID;
    }

  if (!known && dl_dataset_lookup_narrative (dataset, narrative_id) == NULL)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < dl_dataset_get_n_narratives (dataset); i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", dl_dataset_get_narrative (dataset, i)->id);
      g_application_command_line_printerr (command_line,
                                           _("%s: no narrative “%s” (it has: %s; or “*” for every event)\n"),
                                           name, narrative_id, ids->len > 0 ? ids->str : "—");
      return DL_EXIT_USAGE;
    }

  presentation = dl_presentation_new (NULL, dataset, narrative_id);
  gtk_window_set_application (GTK_WINDOW (presentation), GTK_APPLICATION (self));
  if (step < 1 || (guint) step > dl_presentation_get_n_steps (presentation) + 1)
    {
      g_application_command_line_printerr (command_line, _("--step: %d is not between 1 and %u\n"), step,
                                           dl_presentation_get_n_steps (presentation) + 1);
      gtk_window_destroy (GTK_WINDOW (presentation));
      return DL_EXIT_USAGE;
    }
  dl_presentation_show_slide (presentation, (guint) step - 1);

  if (screenshot != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (presentation), width > 0 ? width : 1920, height > 0 ? height : 1080);
      g_signal_connect_object (presentation, "screenshot-saved", G_CALLBACK (on_presentation_screenshot_saved),
                               self, G_CONNECT_SWAPPED);
      dl_presentation_save_screenshot (presentation, screenshot, 2500);
      gtk_window_present (GTK_WINDOW (presentation));
    }
  else
    dl_presentation_present_fullscreen (presentation);

  return DL_EXIT_OK;
}

static int
dl_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  DlApplication *self = DL_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *file_arg = first_file_arg (options);
  const char *screenshot = NULL;
  const char *basemap = NULL;
  const char *select = NULL;
  const char *size = NULL;
  const char *present = NULL;
  int step = 1;
  g_autoptr(GFile) file = NULL;
  DlWindow *window;
  int width = 0;
  int height = 0;

  g_variant_dict_lookup (options, "screenshot", "^&ay", &screenshot);
  g_variant_dict_lookup (options, "select", "&s", &select);
  g_variant_dict_lookup (options, "basemap", "^&ay", &basemap);
  g_variant_dict_lookup (options, "size", "&s", &size);
  g_variant_dict_lookup (options, "present", "&s", &present);
  g_variant_dict_lookup (options, "step", "i", &step);

  if (size != NULL && !parse_size (size, &width, &height))
    {
      g_application_command_line_printerr (command_line, _(SIZE_ERROR), size);
      return DL_EXIT_USAGE;
    }

  if (file_arg != NULL)
    file = g_application_command_line_create_file_for_arg (command_line, file_arg);

  if (present != NULL)
    return present_from_command_line (self, command_line, file, present, step, screenshot, width, height);

  window = new_window (self);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (select != NULL)
    dl_window_set_initial_selection (window, select);
  if (screenshot != NULL)
    {
      /* Relative to the folder the command was run in. */
      g_autoptr(GFile) out = g_application_command_line_create_file_for_arg (command_line, screenshot);
      g_autofree char *out_path = g_file_get_path (out);

      dl_window_set_screenshot_path (window, out_path != NULL ? out_path : screenshot);
    }
  if (basemap != NULL)
    {
      g_autoptr(GFile) map_file = g_application_command_line_create_file_for_arg (command_line, basemap);
      g_autoptr(GError) error = NULL;

      if (!dl_window_set_basemap_file (window, map_file, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          gtk_window_destroy (GTK_WINDOW (window));
          return DL_EXIT_INVALID;
        }
    }

  dl_window_open (window, file);
  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (DL_APPLICATION (app), window);

  return DL_EXIT_OK;
}

static void
dl_application_activate (GApplication *app)
{
  DlWindow *window = new_window (DL_APPLICATION (app));

  dl_window_open (window, NULL);
  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (DL_APPLICATION (app), window);
}

static void
dl_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      DlWindow *window = new_window (DL_APPLICATION (app));

      dl_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
      offer_recovery (DL_APPLICATION (app), window);
    }
}

static void
dl_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };

  G_APPLICATION_CLASS (dl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
}

static void
dl_application_class_init (DlApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = dl_application_handle_local_options;
  app_class->command_line = dl_application_command_line;
  app_class->activate = dl_application_activate;
  app_class->open = dl_application_open;
  app_class->startup = dl_application_startup;
}

static void
dl_application_init (DlApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Explore the events reported in news articles on a map "
                                              "and a timeline, linked to their passages."));
}

/* Public API */

DlApplication *
dl_application_new (void)
{
  return g_object_new (DL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/datelineapp/Dateline",
                       NULL);
}

int
dl_application_get_exit_status (DlApplication *self)
{
  g_return_val_if_fail (DL_IS_APPLICATION (self), DL_EXIT_INVALID);
  return self->exit_status;
}

void
dl_application_set_exit_status (DlApplication *self,
                                int            status)
{
  g_return_if_fail (DL_IS_APPLICATION (self));
  self->exit_status = status;
}
