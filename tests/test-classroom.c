/* test-classroom.c: presentation mode, under Xvfb
 *
 * Keys are real: XTest key events (tests/dl-xtest) that the X server sends
 * to the presentation window, through GTK's whole input path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "dl-basemap-source.h"
#include "dl-describe.h"
#include "dl-event-layer.h"
#include "dl-map-flight.h"
#include "dl-presentation.h"
#include "dl-presentation-chooser.h"
#include "dl-presentation-strip.h"
#include "dl-test-dataset.h"
#include "dl-test-util.h"
#include "dl-words.h"
#include "dl-xtest.h"

static DlDataset *dataset;
static GtkWindow *parent;
static DlPresentation *presentation;

/* Helpers */

static gboolean
presentation_ready (void)
{
  return gtk_widget_get_mapped (GTK_WIDGET (presentation))
         && gtk_widget_get_width (GTK_WIDGET (dl_presentation_get_map (presentation))) > 0;
}

static void
wait_ready (void)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!presentation_ready ())
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
  dl_test_wait_ms (1500);  /* layout settles, tiles are drawn */
}

/* Waits for the flight to end; returns the lowest zoom seen on the way. */
static double
wait_landed (void)
{
  ShumateMap *map = dl_presentation_get_map (presentation);
  ShumateViewport *viewport = shumate_map_get_viewport (map);
  double lowest = shumate_viewport_get_zoom_level (viewport);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (dl_presentation_is_flying (presentation))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      lowest = MIN (lowest, shumate_viewport_get_zoom_level (viewport));
    }
  dl_test_wait_ms (150);
  lowest = MIN (lowest, shumate_viewport_get_zoom_level (viewport));

  return lowest;
}

/* A real key press, sent by the X server to the presentation. */
static void
press_key (guint keyval)
{
  dl_xtest_key (GTK_WIDGET (presentation), keyval, 0);
}

/* Next until the step changes: a step whose passage did not fit takes a
 * second press (the passage in full). */
static void
press_next (guint keyval)
{
  guint step = dl_presentation_get_step (presentation);

  press_key (keyval);
  if (dl_presentation_get_step (presentation) == step && dl_presentation_is_passage_split (presentation)
      && !dl_presentation_is_at_end (presentation))
    press_key (keyval);
}

static void
save_png (const char *name)
{
  dl_test_save_png (GTK_WIDGET (presentation), NULL, name);
}

static void
open_presentation (const char *narrative_id,
                   int         width,
                   int         height)
{
  presentation = dl_presentation_new (parent, dataset, narrative_id);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  /* As full screen: no frame around the content. */
  gtk_window_set_decorated (GTK_WINDOW (presentation), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (presentation), width, height);
  gtk_window_present (GTK_WINDOW (presentation));
  wait_ready ();

  /* Not full screen, the window's frame (client-side decorations) takes
   * a few pixels: grow the window so its content has the screen's size. */
  if (gtk_widget_get_width (GTK_WIDGET (presentation)) != width
      || gtk_widget_get_height (GTK_WIDGET (presentation)) != height)
    {
      gtk_window_set_default_size (GTK_WINDOW (presentation),
                                   2 * width - gtk_widget_get_width (GTK_WIDGET (presentation)),
                                   2 * height - gtk_widget_get_height (GTK_WIDGET (presentation)));
      dl_test_wait_ms (1000);
    }
  g_test_message ("presentation content %d×%d", gtk_widget_get_width (GTK_WIDGET (presentation)),
                  gtk_widget_get_height (GTK_WIDGET (presentation)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (presentation)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (presentation)), ==, height);
}

static void
close_presentation (void)
{
  if (presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (presentation));
  dl_test_wait_ms (50);
  g_assert_null (presentation);
}

/* The map shows the step: centred on its event (±0.01°) at a zoom that
 * shows the place with some context, and the caption says what the step
 * says. */
static void
assert_step (const DlNarrative *narrative,
             guint              index)
{
  const DlNarrativeStep *step = &g_array_index (narrative->steps, DlNarrativeStep, index);
  ShumateViewport *viewport = shumate_map_get_viewport (dl_presentation_get_map (presentation));
  DlBBox bbox = dl_event_get_bbox (step->event);
  DlLonLat centre = dl_bbox_get_map_center (&bbox);
  double zoom = shumate_viewport_get_zoom_level (viewport);
  g_autofree char *text = dl_presentation_get_caption_text (presentation);
  g_autofree char *progress = g_strdup_printf ("%u / %u", index + 1, narrative->steps->len);

  g_assert_cmpuint (dl_presentation_get_step (presentation), ==, index);
  g_assert_true (dl_presentation_get_step_event (presentation, index) == step->event);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), centre.lat, 0.01);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), centre.lon, 0.01);

  /* Sensible: never the whole world nor a street; the whole place is on
   * screen, and a small one is not a dot lost in a country. */
  g_assert_cmpfloat (zoom, >=, 4.0);
  g_assert_cmpfloat (zoom, <=, 14.0);
  {
    GtkWidget *map = GTK_WIDGET (dl_presentation_get_map (presentation));
    double x0, y0, x1, y1;

    shumate_viewport_location_to_widget_coords (viewport, map, bbox.north, bbox.west, &x0, &y0);
    shumate_viewport_location_to_widget_coords (viewport, map, bbox.south, bbox.east, &x1, &y1);
    g_assert_cmpfloat (x0, >=, 0);
    g_assert_cmpfloat (y0, >=, 0);
    g_assert_cmpfloat (x1, <=, gtk_widget_get_width (map));
    g_assert_cmpfloat (y1, <=, gtk_widget_get_height (map));
    /* Framed, not lost: the place (or its precision halo) spans a good part of the map. */
    if (dl_event_get_n_places (step->event) == 1)
      {
        double metres = MAX (dl_event_get_precision_m (step->event), dl_geo_distance_m (
                               (DlLonLat) { bbox.west, bbox.south }, (DlLonLat) { bbox.east, bbox.north }));
        double pixels = metres / dl_geo_metres_per_pixel (centre.lat, zoom);

        g_assert_cmpfloat (pixels, >=, 0.05 * gtk_widget_get_width (map));
      }
  }

  g_assert_nonnull (strstr (text, dl_event_get_title (step->event)));
  g_assert_nonnull (strstr (text, progress));
  if (!dl_presentation_is_passage_split (presentation))
    {
      g_autofree char *caption = dl_words_cite (dataset, step->caption);

      g_assert_nonnull (strstr (text, caption));
      if (dl_event_get_n_excerpts (step->event) > 0)
        g_assert_nonnull (strstr (text, dl_event_get_excerpt (step->event, 0)->exact));
    }
  /* No source id on screen: "(a000)" reads "(article 1)". */
  g_assert_null (strstr (text, "a000"));
  g_assert_null (strstr (text, "a001"));

  /* The strip shows the step's date. */
  {
    DlPresentationStrip *strip = DL_PRESENTATION_STRIP (dl_presentation_get_timeline (presentation));
    const DlEdtf *when = dl_event_get_when (step->event);
    gint64 start, end;

    dl_presentation_strip_get_range (strip, &start, &end);
    g_assert_cmpint (dl_edtf_get_midpoint (when), >=, start);
    g_assert_cmpint (dl_edtf_get_midpoint (when), <=, end);
  }
}

/* Tests */

static void
test_steps_by_keys (void)
{
  const DlNarrative *narrative = dl_dataset_lookup_narrative (dataset, "four-days");
  static const guint next_keys[] = { GDK_KEY_Page_Down, GDK_KEY_Right, GDK_KEY_space, GDK_KEY_Return, GDK_KEY_KP_Enter };
  guint n = narrative->steps->len;
  gboolean saw_far_flight = FALSE;

  open_presentation ("four-days", 1024, 768);
  g_assert_cmpuint (dl_presentation_get_n_steps (presentation), ==, n);
  g_assert_cmpuint (n, ==, 19);
  assert_step (narrative, 0);
  save_png ("presentation-step-1-1024x768.png");

  for (guint i = 1; i < n; i++)
    {
      ShumateViewport *viewport = shumate_map_get_viewport (dl_presentation_get_map (presentation));
      double from_zoom = shumate_viewport_get_zoom_level (viewport);
      DlLonLat from = { shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                        shumate_location_get_latitude (SHUMATE_LOCATION (viewport)) };
      DlEvent *event = g_array_index (narrative->steps, DlNarrativeStep, i).event;
      DlBBox bbox = dl_event_get_bbox (event);
      double lowest;

      press_next (next_keys[i % G_N_ELEMENTS (next_keys)]);
      g_assert_cmpuint (dl_presentation_get_step (presentation), ==, i);
      lowest = wait_landed ();
      assert_step (narrative, i);

      /* Far apart (Doha → Gaza, 1800 km: neither view shows the other
       * place): the zoom went out on the way, then in. */
      {
        GtkWidget *map = GTK_WIDGET (dl_presentation_get_map (presentation));
        double to_zoom = shumate_viewport_get_zoom_level (viewport);
        double x0, y0, x1, y1, distance_px;

        dl_geo_project (from, &x0, &y0);
        dl_geo_project (dl_bbox_get_center (&bbox), &x1, &y1);
        distance_px = hypot (x1 - x0, y1 - y0) * 256.0 * exp2 (MIN (from_zoom, to_zoom));
        if (distance_px > 1.5 * MAX (gtk_widget_get_width (map), gtk_widget_get_height (map)))
          {
          g_test_message ("step %u: %.0f km, zoom %.1f → %.1f via %.1f", i + 1,
                          dl_geo_distance_m (from, dl_bbox_get_center (&bbox)) / 1000, from_zoom, to_zoom, lowest);
          /* The path's apex (frames under Xvfb are too sparse to sample it reliably). */
          g_assert_cmpfloat (dl_map_flight_apex (dl_presentation_get_map (presentation),
                                                 from.lat, from.lon, from_zoom,
                                                 dl_bbox_get_center (&bbox).lat, dl_bbox_get_center (&bbox).lon,
                                                 to_zoom),
                             <, MIN (from_zoom, to_zoom) - 0.2);
          /* Real keys wait for frames, so the dip may be over before
           * sampling starts: the apex above is the check. */
          saw_far_flight = TRUE;
        }
      }

      if (i == 2)
        save_png ("presentation-step-3-1024x768.png");
      if (i == 12)
        save_png ("presentation-step-13-1024x768.png");
    }
  g_assert_true (saw_far_flight);

  /* After the last step, the end slide: the title, the sources, how to
   * leave; next stays there, back returns to the last step. */
  press_next (GDK_KEY_Page_Down);
  g_assert_true (dl_presentation_is_at_end (presentation));
  dl_test_wait_ms (400);
  save_png ("presentation-end-1024x768.png");
  press_key (GDK_KEY_Page_Down);
  g_assert_true (dl_presentation_is_at_end (presentation));
  press_key (GDK_KEY_Page_Up);
  g_assert_false (dl_presentation_is_at_end (presentation));
  g_assert_cmpuint (dl_presentation_get_step (presentation), ==, n - 1);

  /* Back */
  press_key (GDK_KEY_Page_Up);
  if (dl_presentation_get_step (presentation) == n - 1)
    press_key (GDK_KEY_Page_Up);
  wait_landed ();
  assert_step (narrative, n - 2);
  press_key (GDK_KEY_Left);
  if (dl_presentation_get_step (presentation) == n - 2)
    press_key (GDK_KEY_Left);
  wait_landed ();
  assert_step (narrative, n - 3);
  press_key (GDK_KEY_BackSpace);
  if (dl_presentation_get_step (presentation) == n - 3)
    press_key (GDK_KEY_BackSpace);
  wait_landed ();
  assert_step (narrative, n - 4);

  /* First and last */
  press_key (GDK_KEY_Home);
  wait_landed ();
  assert_step (narrative, 0);
  press_key (GDK_KEY_Page_Up);
  g_assert_cmpuint (dl_presentation_get_step (presentation), ==, 0);
  press_key (GDK_KEY_End);
  wait_landed ();
  assert_step (narrative, n - 1);
  press_key (GDK_KEY_Home);
  wait_landed ();
}

static void
test_black_screen (void)
{
  g_assert_nonnull (presentation);
  g_assert_false (dl_presentation_is_blacked_out (presentation));

  press_key (GDK_KEY_b);
  g_assert_true (dl_presentation_is_blacked_out (presentation));
  dl_test_wait_ms (100);
  save_png ("presentation-black-1024x768.png");
  press_key (GDK_KEY_b);
  g_assert_false (dl_presentation_is_blacked_out (presentation));

  /* Clickers that send period for black */
  press_key (GDK_KEY_period);
  g_assert_true (dl_presentation_is_blacked_out (presentation));
  press_key (GDK_KEY_period);
  g_assert_false (dl_presentation_is_blacked_out (presentation));

  /* Moving on lifts the black screen and shows the next step. */
  press_key (GDK_KEY_b);
  g_assert_true (dl_presentation_is_blacked_out (presentation));
  press_next (GDK_KEY_Page_Down);
  g_assert_false (dl_presentation_is_blacked_out (presentation));
  g_assert_cmpuint (dl_presentation_get_step (presentation), ==, 1);
  wait_landed ();
}

static void
test_escape_leaves (void)
{
  g_assert_nonnull (presentation);

  press_key (GDK_KEY_Escape);
  dl_test_wait_ms (100);
  g_assert_null (presentation);
  /* The main window is still there. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (parent)));
}

static void
test_large_screen (void)
{
  const DlNarrative *narrative = dl_dataset_lookup_narrative (dataset, "four-days");
  double small_text;

  open_presentation ("four-days", 1024, 768);
  small_text = dl_presentation_get_text_size (presentation);
  close_presentation ();

  open_presentation ("four-days", 1920, 1080);
  /* Text grows with the screen: readable from the back of the room. */
  g_assert_cmpfloat (dl_presentation_get_text_size (presentation), >, small_text * 1.3);
  g_assert_cmpfloat (small_text, >=, 18);

  dl_presentation_go_to_step (presentation, 4);
  wait_landed ();
  dl_test_wait_ms (1000);
  assert_step (narrative, 4);
  save_png ("presentation-step-5-1920x1080.png");

  dl_presentation_go_to_step (presentation, 12);
  wait_landed ();
  dl_test_wait_ms (1000);
  assert_step (narrative, 12);
  save_png ("presentation-step-13-1920x1080.png");
  close_presentation ();
}

static void
test_other_narrative (void)
{
  const DlNarrative *narrative = dl_dataset_lookup_narrative (dataset, "disputed-terms");

  open_presentation ("disputed-terms", 1024, 768);
  g_assert_cmpuint (dl_presentation_get_n_steps (presentation), ==, narrative->steps->len);
  assert_step (narrative, 0);
  dl_presentation_go_to_step (presentation, 1);
  wait_landed ();
  dl_test_wait_ms (800);
  assert_step (narrative, 1);
  save_png ("presentation-disputed-step-2-1024x768.png");
  close_presentation ();

  /* NULL: the first narrative. */
  presentation = dl_presentation_new (parent, dataset, NULL);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  g_assert_cmpuint (dl_presentation_get_n_steps (presentation), ==,
                    dl_dataset_get_narrative (dataset, 0)->steps->len);
  close_presentation ();
}

static void
test_without_narratives (void)
{
  static const char json[] =
    "{ \"dateline\": 1, \"title\": \"Two events\", \"sources\": [],"
    "  \"places\": [ { \"id\": \"a\", \"name\": \"Alpha\", \"precision_m\": 1000,"
    "                  \"geometry\": { \"type\": \"Point\", \"coordinates\": [34.46, 31.50] } },"
    "                { \"id\": \"b\", \"name\": \"Beta\", \"precision_m\": 1000,"
    "                  \"geometry\": { \"type\": \"Point\", \"coordinates\": [35.21, 31.77] } } ],"
    "  \"events\": [ { \"id\": \"later\", \"title\": \"Later\", \"category\": \"statement\","
    "                  \"when\": \"2024-08-21\", \"place\": \"b\", \"summary\": \"The second.\" },"
    "                { \"id\": \"sooner\", \"title\": \"Sooner\", \"category\": \"strike\","
    "                  \"when\": \"2024-08-20\", \"place\": \"a\", \"summary\": \"The first.\" } ] }";
  g_autoptr(DlProblems) problems = dl_problems_new ();
  g_autoptr(DlDataset) small = dl_dataset_load_from_data (json, strlen (json), NULL, problems);
  g_autofree char *text = NULL;

  g_assert_nonnull (small);
  presentation = dl_presentation_new (parent, small, NULL);
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  g_assert_cmpuint (dl_presentation_get_n_steps (presentation), ==, 2);
  /* In time order, each with its summary as the caption. */
  g_assert_cmpstr (dl_event_get_id (dl_presentation_get_step_event (presentation, 0)), ==, "sooner");
  text = dl_presentation_get_caption_text (presentation);
  g_assert_nonnull (strstr (text, "The first."));
  dl_presentation_next (presentation);
  g_assert_cmpuint (dl_presentation_get_step (presentation), ==, 1);
  close_presentation ();
}


/* A teacher with a clicker: Present opens the chooser, the arrow keys pick
 * the second narrative, Return presents it; End and Page Down reach its
 * end slide; B blacks the screen and back; Esc leaves. All real keys. */
static void
test_chooser_by_keys (void)
{
  const DlNarrative *second = dl_dataset_get_narrative (dataset, 1);
  DlPresentationChooser *chooser;
  gint64 end;

  g_assert_true (dl_xtest_available ());
  chooser = dl_presentation_chooser_new (parent, dataset);
  gtk_window_present (GTK_WINDOW (chooser));
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!gtk_widget_get_mapped (GTK_WIDGET (chooser)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
    }
  dl_test_wait_ms (800);  /* the first maps are drawn in a thread */
  dl_test_save_png (GTK_WIDGET (chooser), NULL, "presentation-chooser.png");

  /* One row per narrative and one for every event. */
  g_assert_nonnull (dl_presentation_chooser_get_row (chooser, dl_dataset_get_n_narratives (dataset)));
  g_assert_null (dl_presentation_chooser_get_row (chooser, dl_dataset_get_n_narratives (dataset) + 1));

  /* Tab into the list, Down to the second row, Return. */
  dl_xtest_key (GTK_WIDGET (chooser), GDK_KEY_Tab, 0);
  if (!gtk_widget_has_focus (GTK_WIDGET (dl_presentation_chooser_get_row (chooser, 0))))
    gtk_widget_grab_focus (GTK_WIDGET (dl_presentation_chooser_get_row (chooser, 0)));
  dl_xtest_key (GTK_WIDGET (chooser), GDK_KEY_Down, 0);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (dl_presentation_chooser_get_row (chooser, 1))));
  g_object_add_weak_pointer (G_OBJECT (chooser), (gpointer *) &chooser);
  dl_xtest_key (GTK_WIDGET (chooser), GDK_KEY_Return, 0);
  dl_test_wait_ms (300);
  /* The chooser closed. */
  g_assert_null (chooser);

  /* The presentation of the second narrative opened. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's own list */

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && presentation == NULL; i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (DL_IS_PRESENTATION (window))
          {
            presentation = DL_PRESENTATION (window);
            g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
          }
      }
  }
  g_assert_nonnull (presentation);
  wait_ready ();
  g_assert_cmpuint (dl_presentation_get_n_steps (presentation), ==, second->steps->len);
  g_assert_true (dl_presentation_get_step_event (presentation, 0) == g_array_index (second->steps, DlNarrativeStep, 0).event);

  /* To its end slide. */
  press_key (GDK_KEY_End);
  wait_landed ();
  g_assert_cmpuint (dl_presentation_get_step (presentation), ==, second->steps->len - 1);
  for (guint i = 0; i < 3 && !dl_presentation_is_at_end (presentation); i++)
    press_key (GDK_KEY_Page_Down);
  g_assert_true (dl_presentation_is_at_end (presentation));
  {
    g_autofree char *text = dl_presentation_get_caption_text (presentation);

    g_assert_nonnull (strstr (text, second->title));
  }

  /* Black screen, and back. */
  press_key (GDK_KEY_b);
  g_assert_true (dl_presentation_is_blacked_out (presentation));
  press_key (GDK_KEY_b);
  g_assert_false (dl_presentation_is_blacked_out (presentation));

  /* Leave; F5 would present the same narrative again. */
  press_key (GDK_KEY_Escape);
  dl_test_wait_ms (200);
  g_assert_null (presentation);
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *last = g_settings_get_string (settings, "last-narrative");

    g_assert_cmpstr (last, ==, second->id);
  }
}

/* Every step of every story, at 1920×1080 and 1024×768: no text laid out
 * under 20 px at 1080 lines (in proportion at 768), nothing ellipsized or
 * cut off below the panel. */
static void
check_readable (int width,
                int height)
{
  double floor_px = 20.0 * height / 1080.0 - 0.01;
  double smallest_seen = G_MAXDOUBLE;

  for (guint k = 0; k < dl_dataset_get_n_narratives (dataset); k++)
    {
      const DlNarrative *narrative = dl_dataset_get_narrative (dataset, k);

      open_presentation (narrative->id, width, height);
      for (guint i = 0; i <= narrative->steps->len; i++)
        for (guint part = 0; part < 2; part++)
          {
            double smallest;

            if (part == 0)
              dl_presentation_show_slide (presentation, i);
            else if (dl_presentation_is_passage_split (presentation) && !dl_presentation_is_at_end (presentation))
              dl_presentation_next (presentation);
            else
              continue;
            dl_test_wait_ms (60);

            smallest = dl_presentation_get_smallest_text (presentation);
            if (smallest < floor_px || dl_presentation_is_text_cut (presentation))
              {
                g_autofree char *text = dl_presentation_get_caption_text (presentation);

                g_error ("%s, slide %u.%u at %d×%d: smallest text %.1f px (floor %.1f), cut: %d\n%s",
                         narrative->id, i + 1, part, width, height, smallest, floor_px,
                         dl_presentation_is_text_cut (presentation), text);
              }
            smallest_seen = MIN (smallest_seen, smallest);
          }
      close_presentation ();
    }
  g_test_message ("%d×%d: the smallest text laid out is %.1f px", width, height, smallest_seen);
}

static void
test_readable_1080 (void)
{
  check_readable (1920, 1080);
}

static void
test_readable_768 (void)
{
  check_readable (1024, 768);
}

/* An old projector's 1024×600, every event in time order (each slide an
 * event's whole summary, longer than a narrative's captions), stepped
 * through with a clicker's Page Down to the end slide: no slide's text is
 * cut off below the caption panel or laid out under the readable floor,
 * and the map is centred on each step's event for the map it has. */
static void
test_readable_600_every_event (void)
{
  double floor_px = 20.0 * 600 / 1080.0 - 0.01;
  guint presses = 0;

  open_presentation (DL_PRESENTATION_EVERY_EVENT, 1024, 600);
  while (!dl_presentation_is_at_end (presentation))
    {
      guint step = dl_presentation_get_step (presentation);
      double smallest;

      dl_test_wait_ms (60);
      smallest = dl_presentation_get_smallest_text (presentation);
      if (smallest < floor_px || dl_presentation_is_text_cut (presentation))
        {
          g_autofree char *text = dl_presentation_get_caption_text (presentation);

          g_error ("slide %u (press %u) at 1024×600: smallest text %.1f px (floor %.1f), cut: %d\n%s", step + 1,
                   presses, smallest, floor_px, dl_presentation_is_text_cut (presentation), text);
        }

      /* Once a step's map has landed (a wider panel narrows the map):
       * its event is in the middle of the map. */
      if (step % 10 == 9 && !dl_presentation_is_passage_split (presentation))
        {
          GtkWidget *map = GTK_WIDGET (dl_presentation_get_map (presentation));
          ShumateViewport *viewport = shumate_map_get_viewport (dl_presentation_get_map (presentation));
          DlBBox bbox = dl_event_get_bbox (dl_presentation_get_step_event (presentation, step));
          DlLonLat centre = dl_bbox_get_map_center (&bbox);
          double x, y;

          wait_landed ();
          shumate_viewport_location_to_widget_coords (viewport, map, centre.lat, centre.lon, &x, &y);
          g_assert_cmpfloat (fabs (x - gtk_widget_get_width (map) / 2.0), <, 2);
        }

      press_key (GDK_KEY_Page_Down);
      g_assert_cmpuint (++presses, <, 2 * dl_presentation_get_n_steps (presentation) + 1);
    }
  close_presentation ();
}

static GtkWidget *
event_layer (void)
{
  GtkWidget *map = GTK_WIDGET (dl_presentation_get_map (presentation));

  for (GtkWidget *child = gtk_widget_get_first_child (map); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (DL_IS_EVENT_LAYER (child))
      return child;
  g_assert_not_reached ();
}

/* The presentation opens under the pointer that chose it: no mark's
 * tooltip pops up over the first slide, nor after a clicker's key; once
 * the teacher moves the mouse, a mark pointed at tells its title. */
static void
test_no_tooltip_under_resting_pointer (void)
{
  GtkWidget *map;

  /* Where a story was chosen, in the middle of the screen. */
  dl_xtest_move (GTK_WIDGET (parent), 320, 240);
  open_presentation (NULL, 1024, 768);
  map = GTK_WIDGET (dl_presentation_get_map (presentation));
  g_assert_false (gtk_widget_get_has_tooltip (event_layer ()));

  press_key (GDK_KEY_Page_Down);
  wait_landed ();
  g_assert_false (gtk_widget_get_has_tooltip (event_layer ()));

  dl_xtest_move (map, gtk_widget_get_width (map) / 2.0 + 40, gtk_widget_get_height (map) / 2.0 + 40);
  dl_xtest_move (map, gtk_widget_get_width (map) / 2.0, gtk_widget_get_height (map) / 2.0);
  g_assert_true (gtk_widget_get_has_tooltip (event_layer ()));
  close_presentation ();
}

/* The built-in map's layer source on @map, or NULL. */
static DlBasemapSource *
builtin_source (ShumateMap *map)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SHUMATE_IS_MAP_LAYER (child))
      {
        g_autoptr(ShumateMapSource) source = NULL;

        g_object_get (child, "map-source", &source, NULL);
        if (DL_IS_BASEMAP_SOURCE (source))
          return DL_BASEMAP_SOURCE (source);  /* the layer keeps it */
      }

  return NULL;
}

static gboolean
labels_drawn (gpointer data)
{
  return dl_basemap_source_get_min_label_size (data) > 0;
}

/* From the back of a room the map's labels read like the slide's text:
 * the smallest label the basemap drew for the Tel Aviv and the school
 * slides is at least 20 px at 1080 lines (the basemap's own record of the
 * labels it drew, after the presentation asked for larger ones). */
static void
test_map_labels_readable (void)
{
  const DlNarrative *narrative = dl_dataset_get_narrative (dataset, 0);
  DlBasemapSource *source;
  guint tel_aviv = G_MAXUINT, school = G_MAXUINT;

  for (guint i = 0; i < narrative->steps->len; i++)
    {
      DlEvent *event = g_array_index (narrative->steps, DlNarrativeStep, i).event;

      if (event != NULL && strstr (dl_event_get_title (event), "Herzog") != NULL)
        tel_aviv = i;
      if (event != NULL && strstr (dl_event_get_title (event), "Mustafa Hafez") != NULL)
        school = i;
    }
  g_assert_cmpuint (tel_aviv, !=, G_MAXUINT);
  g_assert_cmpuint (school, !=, G_MAXUINT);

  open_presentation (narrative->id, 1920, 1080);
  source = builtin_source (dl_presentation_get_map (presentation));
  g_assert_nonnull (source);

  for (guint k = 0; k < 2; k++)
    {
      dl_presentation_show_slide (presentation, k == 0 ? tel_aviv : school);
      wait_landed ();
      g_assert_true (dl_test_wait_until (labels_drawn, source, 10000));
      dl_test_wait_ms (500);  /* every tile of the view drawn */
      g_test_message ("step %u: smallest map label %.1f px", (k == 0 ? tel_aviv : school) + 1,
                      dl_basemap_source_get_min_label_size (source));
      g_assert_cmpfloat (dl_basemap_source_get_min_label_size (source), >=, 20.0);
    }
  close_presentation ();
}

/* The strip's ticks, from the timeline's time axis (test-time-axis tests
 * the choice at every span), stay few and large: a hundred million years on
 * a 1200 px strip at projector size. */
static void
test_time_ticks (void)
{
  /* The strip draws them: a hundred million years on a 1200 px strip. */
  {
    GtkWindow *window = GTK_WINDOW (gtk_window_new ());
    GtkWidget *strip = dl_presentation_strip_new ();
    gint64 year = 31556952;

    gtk_window_set_child (window, strip);
    gtk_window_set_default_size (window, 1200, 100);
    dl_presentation_strip_set_text_size (DL_PRESENTATION_STRIP (strip), 24);
    gtk_window_present (window);
    dl_presentation_strip_set_range (DL_PRESENTATION_STRIP (strip), -50000000 * year, 50000000 * year);
    dl_test_wait_ms (300);
    g_assert_cmpuint (dl_presentation_strip_get_n_ticks (DL_PRESENTATION_STRIP (strip)), >=, 2);
    g_assert_cmpuint (dl_presentation_strip_get_n_ticks (DL_PRESENTATION_STRIP (strip)), <=, 1200 / (24 * 7.5) + 1);
    g_assert_cmpfloat (dl_presentation_strip_get_smallest_text (DL_PRESENTATION_STRIP (strip)), >=, 24 - 0.01);
    gtk_window_destroy (window);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  dl_test_init (&argc, &argv);
  dataset = dl_test_load_bundled ();

  /* Stands in for the main window the presentation returns to. */
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (parent, 640, 480);
  gtk_window_present (parent);

  g_test_add_func ("/classroom/time-ticks", test_time_ticks);
  g_test_add_func ("/classroom/chooser-by-keys", test_chooser_by_keys);
  g_test_add_func ("/classroom/readable-1080", test_readable_1080);
  g_test_add_func ("/classroom/readable-768", test_readable_768);
  g_test_add_func ("/classroom/readable-600-every-event", test_readable_600_every_event);
  g_test_add_func ("/classroom/no-tooltip-under-resting-pointer", test_no_tooltip_under_resting_pointer);
  g_test_add_func ("/classroom/map-labels-readable", test_map_labels_readable);
  g_test_add_func ("/classroom/steps-by-keys", test_steps_by_keys);
  g_test_add_func ("/classroom/black-screen", test_black_screen);
  g_test_add_func ("/classroom/escape-leaves", test_escape_leaves);
  g_test_add_func ("/classroom/large-screen", test_large_screen);
  g_test_add_func ("/classroom/other-narrative", test_other_narrative);
  g_test_add_func ("/classroom/without-narratives", test_without_narratives);

  status = g_test_run ();

  if (presentation != NULL)
    gtk_window_destroy (GTK_WINDOW (presentation));
  gtk_window_destroy (parent);
  g_object_unref (dataset);

  return status;
}
