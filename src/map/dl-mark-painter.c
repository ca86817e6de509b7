/* dl-mark-painter.c: how events look on a map, on screen and in exports
 *
 * Clustering buckets points into squares of a grid laid over the frame and
 * keeps each square's totals as points arrive, so a frame of 100,000 events
 * needs one pass and no allocation once the arrays have grown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-mark-painter"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dl-mark-painter.h"

/* A square of the frame and the points in it. */
typedef struct {
  int      head;        /* last point added, linked through `next` */
  guint    n;
  double   sx, sy;      /* sums of the members' positions */
  double   first_x, first_y;
  gboolean same_place;  /* every member at the first one's position */
  int      mark;        /* its one mark (a cluster or a lone point), or -1 */
} Cell;

struct _DlMarkClusterer
{
  GArray  *cells;      /* of Cell */
  GArray  *next;       /* of int, by index */
  GArray  *xy;         /* of double pairs, by index */
  GArray  *marks;      /* of DlMark */
  double   width;
  double   height;
  double   zoom;
  double   unit;
  double   cell;
  int      columns;
  int      rows;
  gboolean cluster;
};

/* Clustering */

DlMarkClusterer *
dl_mark_clusterer_new (void)
{
  DlMarkClusterer *self = g_new0 (DlMarkClusterer, 1);

  self->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  self->next = g_array_new (FALSE, FALSE, sizeof (int));
  self->xy = g_array_new (FALSE, FALSE, 2 * sizeof (double));
  self->marks = g_array_new (FALSE, FALSE, sizeof (DlMark));

  return self;
}

void
dl_mark_clusterer_free (DlMarkClusterer *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->cells);
  g_array_unref (self->next);
  g_array_unref (self->xy);
  g_array_unref (self->marks);
  g_free (self);
}

void
dl_mark_clusterer_begin (DlMarkClusterer *self,
                         double           width,
                         double           height,
                         double           zoom,
                         double           unit,
                         guint            n_indices,
                         gboolean         cluster)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (unit > 0);

  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->zoom = zoom;
  self->unit = unit;
  self->cell = DL_MARK_CELL_SIZE * unit;
  self->cluster = cluster;
  self->columns = MAX (1, (int) ceil ((self->width + 2 * self->cell) / self->cell));
  self->rows = MAX (1, (int) ceil ((self->height + 2 * self->cell) / self->cell));

  g_array_set_size (self->cells, (guint) (self->columns * self->rows));
  memset (self->cells->data, 0, sizeof (Cell) * self->columns * self->rows);
  g_array_set_size (self->next, n_indices);
  g_array_set_size (self->xy, n_indices);
  g_array_set_size (self->marks, 0);
}

void
dl_mark_clusterer_add (DlMarkClusterer *self,
                       guint            index,
                       double           x,
                       double           y)
{
  Cell *cell;
  double *xy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->next->len);

  if (!(x >= -self->cell && y >= -self->cell && x < self->width + self->cell && y < self->height + self->cell))
    return;

  cell = &g_array_index (self->cells, Cell,
                         MIN ((int) ((y + self->cell) / self->cell), self->rows - 1) * self->columns
                         + MIN ((int) ((x + self->cell) / self->cell), self->columns - 1));
  if (cell->n == 0)
    {
      cell->same_place = TRUE;
      cell->first_x = x;
      cell->first_y = y;
    }
  else if (x != cell->first_x || y != cell->first_y)
    cell->same_place = FALSE;

  g_array_index (self->next, int, index) = cell->n > 0 ? cell->head : -1;
  cell->head = (int) index;
  cell->n++;
  cell->sx += x;
  cell->sy += y;

  xy = (double *) (gpointer) (self->xy->data + (gsize) index * 2 * sizeof (double));
  xy[0] = x;
  xy[1] = y;
}

static const double *
position_of (DlMarkClusterer *self,
             int              index)
{
  return (const double *) (gpointer) (self->xy->data + (gsize) index * 2 * sizeof (double));
}

/* Events at one place spread on a small circle around it, so each can be
 * seen and clicked. */
static void
append_fanned (DlMarkClusterer *self,
               int              index,
               double           x,
               double           y,
               guint            k,
               guint            n)
{
  double fan = n > 1 ? (10.0 + 2.0 * n) * self->unit : 0.0;
  double angle = 2 * G_PI * k / n - G_PI / 2;
  DlMark mark = { x + fan * cos (angle), y + fan * sin (angle), DL_MARK_POINT_RADIUS * self->unit, (guint) index, 1 };

  g_array_append_val (self->marks, mark);
}

/* Two badges of neighbouring squares can overlap (their centres sit near
 * the shared edge): the later one joins the earlier, so no count hides
 * another. A lone point under a badge joins it too. */
static void
merge_overlapping (DlMarkClusterer *self)
{
  static const int neighbours[][2] = { { 1, 0 }, { -1, 1 }, { 0, 1 }, { 1, 1 } };

  for (int row = 0; row < self->rows; row++)
    for (int column = 0; column < self->columns; column++)
      {
        Cell *cell = &g_array_index (self->cells, Cell, row * self->columns + column);
        DlMark *mark;

        if (cell->mark < 0)
          continue;
        mark = &g_array_index (self->marks, DlMark, cell->mark);
        if (mark->n == 0)
          continue;

        for (guint k = 0; k < G_N_ELEMENTS (neighbours); k++)
          {
            int c = column + neighbours[k][0];
            int r = row + neighbours[k][1];
            Cell *other;
            DlMark *other_mark;
            int tail;

            if (c < 0 || c >= self->columns || r >= self->rows)
              continue;
            other = &g_array_index (self->cells, Cell, r * self->columns + c);
            if (other->mark < 0)
              continue;
            other_mark = &g_array_index (self->marks, DlMark, other->mark);
            if (other_mark->n == 0 || (mark->n == 1 && other_mark->n == 1)
                || hypot (mark->x - other_mark->x, mark->y - other_mark->y) >= mark->radius + other_mark->radius)
              continue;

            /* Chain the other's members in front of this one's. */
            tail = (int) other_mark->first;
            while (g_array_index (self->next, int, tail) >= 0)
              tail = g_array_index (self->next, int, tail);
            g_array_index (self->next, int, tail) = (int) mark->first;
            mark->first = other_mark->first;

            cell->sx += other->sx;
            cell->sy += other->sy;
            cell->n += other->n;
            mark->n = cell->n;
            mark->x = cell->sx / cell->n;
            mark->y = cell->sy / cell->n;
            mark->radius = dl_mark_cluster_radius (mark->n, self->unit);
            other_mark->n = 0;
            other->mark = -1;
          }
      }

  /* Drop the marks that joined another. */
  for (guint i = self->marks->len; i-- > 0;)
    if (g_array_index (self->marks, DlMark, i).n == 0)
      g_array_remove_index (self->marks, i);
}

const DlMark *
dl_mark_clusterer_finish (DlMarkClusterer *self,
                          guint           *n_marks)
{
  gboolean merge = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_marks != NULL, NULL);

  for (int c = 0; c < self->columns * self->rows; c++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, c);

      cell->mark = -1;
      if (cell->n == 0)
        continue;

      if (cell->n == 1 || (cell->same_place && cell->n <= DL_MARK_MAX_FAN && self->zoom >= DL_MARK_FAN_MIN_ZOOM)
          || (cell->same_place && !self->cluster))
        {
          guint k = 0;

          if (cell->n == 1)
            cell->mark = (int) self->marks->len;
          for (int i = cell->head; i >= 0; i = g_array_index (self->next, int, i), k++)
            append_fanned (self, i, cell->first_x, cell->first_y, k, cell->n);
          continue;
        }

      if (!self->cluster)
        {
          /* Every event on its own; those sharing a spot fan out around it.
           * Only small sets come here (a step's events), so counting the
           * neighbours of each is cheap enough. */
          for (int i = cell->head; i >= 0; i = g_array_index (self->next, int, i))
            {
              const double *p = position_of (self, i);
              guint k = 0, n = 0;

              for (int j = cell->head; j >= 0; j = g_array_index (self->next, int, j))
                {
                  const double *q = position_of (self, j);

                  if (q[0] == p[0] && q[1] == p[1])
                    {
                      if (j == i)
                        k = n;
                      n++;
                    }
                }
              append_fanned (self, i, p[0], p[1], k, n);
            }
          continue;
        }

      {
        DlMark mark = {
          cell->sx / cell->n, cell->sy / cell->n, dl_mark_cluster_radius (cell->n, self->unit),
          (guint) cell->head, cell->n,
        };

        cell->mark = (int) self->marks->len;
        g_array_append_val (self->marks, mark);
        merge = TRUE;
      }
    }

  if (merge)
    merge_overlapping (self);

  *n_marks = self->marks->len;
  return (const DlMark *) (gpointer) self->marks->data;
}

int
dl_mark_clusterer_next (DlMarkClusterer *self,
                        guint            index)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (index < self->next->len, -1);

  return g_array_index (self->next, int, index);
}

/* Painting */

static double
alpha_of (DlMarkState state)
{
  return (state & DL_MARK_DIMMED) ? DL_MARK_DIMMED_ALPHA : 1.0;
}

double
dl_mark_cluster_radius (guint  n,
                        double unit)
{
  return MIN (11.0 + 2.5 * log2 (MAX (n, 1)), DL_MARK_CELL_SIZE * 0.42) * unit;
}

/* A colour in doubles, as cairo takes it: every mark is made of a filled
 * shape with an edge of another colour. */
typedef struct {
  double r, g, b, a;
} Rgba;

/* Fills the current path and strokes its edge. */
static void
fill_and_edge (cairo_t    *cr,
               const Rgba *fill,
               const Rgba *edge,
               double      line_width)
{
  cairo_set_source_rgba (cr, fill->r, fill->g, fill->b, fill->a);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, edge->r, edge->g, edge->b, edge->a);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static void
disc (cairo_t    *cr,
      double      x,
      double      y,
      double      radius,
      const Rgba *fill,
      const Rgba *edge,
      double      line_width)
{
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  fill_and_edge (cr, fill, edge, line_width);
}

void
dl_mark_paint_point (cairo_t       *cr,
                     double         x,
                     double         y,
                     const GdkRGBA *color,
                     DlMarkState    state,
                     double         unit)
{
  double alpha = alpha_of (state);
  gboolean selected = (state & DL_MARK_SELECTED) != 0;
  double radius = (selected ? DL_MARK_SELECTED_RADIUS : DL_MARK_POINT_RADIUS) * unit;

  g_return_if_fail (cr != NULL && color != NULL);

  cairo_save (cr);
  if (selected)
    {
      /* A white disc with a dark edge: the selection shows on any map. */
      disc (cr, x, y, radius + 4 * unit, &(Rgba) { 1, 1, 1, alpha }, &(Rgba) { 0.1, 0.1, 0.1, 0.9 * alpha },
            2.5 * unit);
    }
  disc (cr, x, y, radius, &(Rgba) { color->red, color->green, color->blue, color->alpha * alpha },
        &(Rgba) { 1, 1, 1, alpha }, 2 * unit);
  cairo_restore (cr);
}

void
dl_mark_paint_halo (cairo_t       *cr,
                    double         x,
                    double         y,
                    double         radius,
                    const GdkRGBA *color,
                    DlMarkState    state,
                    double         unit)
{
  double alpha = alpha_of (state);
  gboolean selected = (state & DL_MARK_SELECTED) != 0;

  g_return_if_fail (cr != NULL && color != NULL);

  if (radius <= (DL_MARK_POINT_RADIUS + 2.0) * unit)
    return;

  cairo_save (cr);
  disc (cr, x, y, radius, &(Rgba) { color->red, color->green, color->blue, (selected ? 0.16 : 0.07) * alpha },
        &(Rgba) { color->red, color->green, color->blue, (selected ? 0.55 : 0.22) * alpha }, unit);
  cairo_restore (cr);
}

void
dl_mark_paint_cluster (cairo_t     *cr,
                       double       x,
                       double       y,
                       double       radius,
                       guint        n,
                       DlMarkState  state,
                       double       unit)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *font;
  char count[16];
  int w, h;

  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  disc (cr, x, y, radius, &(Rgba) { 0.24, 0.22, 0.27, (state & DL_MARK_DIMMED) ? 0.45 : 0.92 },
        &(Rgba) { 1, 1, 1, 1 }, 2 * unit);

  layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans Bold");
  pango_font_description_set_absolute_size (font, 12 * unit * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  g_snprintf (count, sizeof count, "%u", n);
  pango_layout_set_text (layout, count, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
dl_mark_paint_area (cairo_t       *cr,
                    const GdkRGBA *color,
                    DlMarkState    state,
                    double         unit)
{
  double alpha = alpha_of (state);
  gboolean selected = (state & DL_MARK_SELECTED) != 0;

  g_return_if_fail (cr != NULL && color != NULL);

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  /* The dash is the edge's alone: a fill ignores it. */
  cairo_set_dash (cr, (double[]) { 6.0 * unit, 3.0 * unit }, 2, 0);
  fill_and_edge (cr, &(Rgba) { color->red, color->green, color->blue, (selected ? 0.22 : 0.08) * alpha },
                 &(Rgba) { color->red, color->green, color->blue, 0.9 * alpha }, (selected ? 3.0 : 1.5) * unit);
  cairo_restore (cr);
}

void
dl_mark_paint_corridor (cairo_t       *cr,
                        const GdkRGBA *color,
                        DlMarkState    state,
                        double         unit)
{
  double alpha = alpha_of (state);
  double width = ((state & DL_MARK_SELECTED) ? 7.0 : 5.0) * unit;

  g_return_if_fail (cr != NULL && color != NULL);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* A light casing keeps the line readable over any basemap. */
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85 * alpha);
  cairo_set_line_width (cr, width + 3.0 * unit);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}
