/* test-sketch.c: a line or an area drawn corner by corner (dl-sketch.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dl-sketch.h"

static void
on_changed (DlSketch *sketch,
            guint    *n)
{
  (*n)++;
}

static void
test_line (void)
{
  g_autoptr(DlSketch) sketch = dl_sketch_new ();
  g_autoptr(DlGeometry) line = NULL;
  g_autoptr(GError) error = NULL;
  const DlLonLat *positions;
  double precision = -1;
  guint n_changed = 0;

  g_signal_connect (sketch, "changed", G_CALLBACK (on_changed), &n_changed);

  /* Placing points: no corners are kept. */
  g_assert_false (dl_sketch_is_drawing (sketch));
  g_assert_false (dl_sketch_add_corner (sketch, (DlLonLat) { 34.2, 31.3 }, 100));
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 0);

  dl_sketch_set_shape (sketch, DL_SKETCH_LINE);
  g_assert_true (dl_sketch_is_drawing (sketch));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (dl_sketch_add_corner (sketch, (DlLonLat) { 34.20, 31.30 }, 100));
  g_assert_false (dl_sketch_can_finish (sketch));
  g_assert_null (dl_sketch_dup_geometry (sketch, &precision, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* The same spot twice (the two clicks of a double click) is one corner. */
  g_assert_false (dl_sketch_add_corner (sketch, (DlLonLat) { 34.20, 31.30 }, 100));
  g_assert_true (dl_sketch_add_corner (sketch, (DlLonLat) { 34.30, 31.35 }, 5000));
  g_assert_true (dl_sketch_add_corner (sketch, (DlLonLat) { 34.40, 31.30 }, 200));
  g_assert_cmpuint (n_changed, ==, 4);
  g_clear_pointer (&line, dl_geometry_unref);
  line = dl_sketch_dup_geometry (sketch, &precision, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dl_geometry_get_n_positions (line), ==, 3);
  g_assert_cmpfloat (precision, ==, 5000);
  g_clear_pointer (&line, dl_geometry_unref);
  g_assert_true (dl_sketch_remove_last (sketch));
  g_assert_true (dl_sketch_remove_last (sketch));
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 1);
  g_assert_true (dl_sketch_add_corner (sketch, (DlLonLat) { 34.30, 31.35 }, 150));
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 2);
  g_assert_true (dl_sketch_can_finish (sketch));

  /* A corner dragged: moved, with its new precision; none beyond the last. */
  n_changed = 0;
  g_assert_false (dl_sketch_move_corner (sketch, 2, (DlLonLat) { 34.0, 31.0 }, 100));
  g_assert_true (dl_sketch_move_corner (sketch, 1, (DlLonLat) { 34.31, 31.36 }, 120));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpfloat (dl_sketch_get_corners (sketch, NULL)[1].lon, ==, 34.31);
  g_assert_true (dl_sketch_move_corner (sketch, 1, (DlLonLat) { 34.30, 31.35 }, 150));

  line = dl_sketch_dup_geometry (sketch, &precision, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dl_geometry_get_geometry_type (line), ==, DL_GEOMETRY_LINE_STRING);
  g_assert_cmpuint (dl_geometry_get_n_positions (line), ==, 2);
  positions = dl_geometry_get_positions (line);
  g_assert_cmpfloat (positions[1].lon, ==, 34.30);
  /* The coarsest of the corners drawn: the removed one no longer counts. */
  g_assert_cmpfloat (precision, ==, 150);
  /* Left as it was until reset. */
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 2);

  dl_sketch_reset (sketch);
  g_assert_cmpint (dl_sketch_get_shape (sketch), ==, DL_SKETCH_POINT);
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 0);
  g_assert_false (dl_sketch_remove_last (sketch));
}

static void
test_area (void)
{
  g_autoptr(DlSketch) sketch = dl_sketch_new ();
  g_autoptr(DlGeometry) area = NULL;
  g_autoptr(GError) error = NULL;
  const DlLonLat bow_tie[] = { { 34.2, 31.2 }, { 34.6, 31.6 }, { 34.6, 31.2 }, { 34.2, 31.6 } };
  const DlLonLat *ring;
  double precision;

  dl_sketch_set_shape (sketch, DL_SKETCH_AREA);
  for (guint i = 0; i < G_N_ELEMENTS (bow_tie); i++)
    g_assert_true (dl_sketch_add_corner (sketch, bow_tie[i], 300));

  /* Its edges cross: refused, saying why. */
  g_assert_null (dl_sketch_dup_geometry (sketch, &precision, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Without the last corner it is a triangle, clicked clockwise. */
  g_assert_true (dl_sketch_remove_last (sketch));
  area = dl_sketch_dup_geometry (sketch, &precision, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dl_geometry_get_geometry_type (area), ==, DL_GEOMETRY_POLYGON);
  g_assert_cmpuint (dl_geometry_get_n_positions (area), ==, 4);
  ring = dl_geometry_get_positions (area);
  g_assert_cmpfloat (ring[0].lon, ==, ring[3].lon);
  g_assert_cmpfloat (ring[0].lat, ==, ring[3].lat);
  /* Counter-clockwise: the shoelace sum is positive. */
  g_assert_cmpfloat ((ring[0].lon * ring[1].lat - ring[1].lon * ring[0].lat)
                     + (ring[1].lon * ring[2].lat - ring[2].lon * ring[1].lat)
                     + (ring[2].lon * ring[3].lat - ring[3].lon * ring[2].lat), >, 0);
  g_assert_cmpfloat (precision, ==, 300);

  /* Three corners in a row make no area. */
  dl_sketch_set_shape (sketch, DL_SKETCH_AREA);
  g_assert_cmpuint (dl_sketch_get_n_corners (sketch), ==, 0);
  dl_sketch_add_corner (sketch, (DlLonLat) { 34.0, 31.0 }, 10);
  dl_sketch_add_corner (sketch, (DlLonLat) { 34.1, 31.1 }, 10);
  dl_sketch_add_corner (sketch, (DlLonLat) { 34.2, 31.2 }, 10);
  g_assert_null (dl_sketch_dup_geometry (sketch, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sketch/line", test_line);
  g_test_add_func ("/sketch/area", test_area);

  return g_test_run ();
}
