/* dl-test-util.h: what the window tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dl-event-layer.h"
#include "dl-window.h"

G_BEGIN_DECLS

/* g_test_init(), GTK and libadwaita, and the app's style sheet as
 * AdwApplication would load it. */
void  dl_test_init           (int           *argc,
                              char        ***argv);
/* Runs the main loop for a while. */
void  dl_test_wait_ms        (guint          ms);
/* Runs the main loop until condition() holds; FALSE on timeout. */
gboolean dl_test_wait_until  (gboolean     (*condition) (gpointer data),
                              gpointer       data,
                              guint          timeout_ms);
/* Runs the main loop until a pointer at @widget's centre would reach
 * @widget (or a child of it), and has for 150 ms: mapped, laid out,
 * scrolled into view, not covered, done moving. FALSE if it is not so
 * within @timeout_ms. */
gboolean dl_test_wait_pickable (GtkWidget   *widget,
                                guint        timeout_ms);
/* Writes the widget as drawn into G_TEST_BUILDDIR/name (asserting it worked). */
void  dl_test_save_png       (GtkWidget     *widget,
                              const GdkRGBA *background,
                              const char    *name);
/* The first widget at or below @widget (depth first) that @match says
 * yes to, or NULL; the finders below are this walk with their test. */
typedef gboolean (*DlTestMatch) (GtkWidget     *widget,
                                 gconstpointer  data);
GtkWidget *dl_test_find        (GtkWidget    *widget,
                                DlTestMatch   match,
                                gconstpointer data);
/* The first widget of @type at or below @widget (depth first), or NULL. */
GtkWidget *dl_test_find_widget (GtkWidget    *widget,
                                GType         type);
/* The first row (AdwPreferencesRow) of @type at or below @widget titled
 * @title, or NULL; @title NULL: the first of @type. */
GtkWidget *dl_test_find_row    (GtkWidget    *widget,
                                GType         type,
                                const char   *title);
/* The first button at or below @widget whose label is @label (with its
 * mnemonic underscore, as given to it), or NULL. */
GtkWidget *dl_test_find_button (GtkWidget    *widget,
                                const char   *label);
/* The first menu button at or below @widget showing @icon_name, or NULL. */
GtkWidget *dl_test_find_menu_button (GtkWidget  *widget,
                                     const char *icon_name);
/* The first widget at or below @widget whose tooltip is @text, or NULL. */
GtkWidget *dl_test_find_by_tooltip (GtkWidget  *widget,
                                    const char *text);
/* The first event of @window's dataset, in time order, that
 * dl_event_matches() @words; none fails the test, naming the words. */
DlEvent   *dl_test_find_event  (DlWindow     *window,
                                const char   *words);
/* The event layer of @window's map. */
DlEventLayer *dl_test_event_layer (DlWindow  *window);
/* The shown (mapped) toplevel window of @type, or NULL. */
gpointer   dl_test_find_toplevel (GType       type);
/* For dl_test_wait_until(): @edits (a DlEditStack) is saved and not
 * modified since. Ctrl+S saves in a thread, so the file is written only
 * once this holds. */
gboolean   dl_test_stack_saved (gpointer      edits);
/* A main window presented at 1280 × 800, the size the window tests lay
 * their clicks out for. */
DlWindow  *dl_test_window_new  (void);
/* Opens @file (NULL: the bundled dataset) in @window and waits until it is
 * loaded (asserting it is, within 20 s), then half a second for the views
 * to lay it out. */
void       dl_test_window_open (DlWindow     *window,
                                GFile        *file);
/* A copy of the bundled dataset's folder in a new temporary folder named
 * from @prefix, for a test that edits and saves (the installed one stays
 * as it is); *@dir: that folder, for dl_test_remove_tree(). Returns the
 * dataset's file in the copy. */
GFile     *dl_test_copy_bundled (const char  *prefix,
                                 char       **dir);
/* The two above: a presented window on a loaded copy of the bundled
 * dataset, for the tests that edit it. */
DlWindow  *dl_test_window_new_on_copy (const char  *prefix,
                                       char       **dir);
/* The text of every label (and row title/subtitle) below a widget, a line each. */
char *dl_test_widget_text    (GtkWidget     *widget);

G_END_DECLS
