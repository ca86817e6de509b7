/* dl-timeline-draw.c: the timeline's detail view, drawn in one snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-timeline"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "dl-snapshot-disc.h"
#include "dl-timeline-private.h"

/* Helpers: drawing */

void
dl_timeline_append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         w,
             double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

void
dl_timeline_append_rounded (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius)
{
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, color, &rr.bounds);
  gtk_snapshot_pop (snapshot);
}

void
dl_timeline_append_outline (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         w,
                double         h,
                double         radius,
                double         line)
{
  GskRoundedRect rr;
  const float widths[4] = { line, line, line, line };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

void
dl_timeline_append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  const GdkRGBA *color,
                  double         x,
                  double         y)
{
  PangoRectangle logical;

  /* A layout with a width may align its text away from its left edge (in
   * right-to-left text); place the text itself at x. */
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - logical.x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_axis (DlTimeline     *self,
           GtkSnapshot    *snapshot,
           const Geometry *g,
           const GdkRGBA  *fg)
{
  TickStep fine = dl_timeline_choose_tick_step (self, g);
  const TickStep *step = &fine;
  double span = (double) (self->visible_end - self->visible_start);
  double px_per_step = step->seconds / span * (g->plot_x1 - g->plot_x0);
  GdkRGBA grid = dl_timeline_with_alpha (fg, 0.07);
  GdkRGBA major = dl_timeline_with_alpha (fg, 0.18);
  GdkRGBA text = dl_timeline_with_alpha (fg, 0.72);
  GdkRGBA strong = dl_timeline_with_alpha (fg, 0.9);
  LabelFormat fine_format, coarse_format;
  TickUnit coarse_unit;
  double sticky_end;

  switch (step->unit)
    {
    case DL_TIME_UNIT_HOUR:
      fine_format = FORMAT_HOUR;
      coarse_unit = DL_TIME_UNIT_DAY;
      coarse_format = FORMAT_COARSE_DAY;
      break;
    case DL_TIME_UNIT_DAY:
      fine_format = px_per_step / step->step >= 56 ? FORMAT_DAY_LONG : FORMAT_DAY;
      coarse_unit = DL_TIME_UNIT_MONTH;
      coarse_format = FORMAT_COARSE_MONTH;
      break;
    case DL_TIME_UNIT_MONTH:
      fine_format = px_per_step / step->step >= 84 ? FORMAT_MONTH_LONG : FORMAT_MONTH;
      coarse_unit = DL_TIME_UNIT_YEAR;
      coarse_format = FORMAT_COARSE_YEAR;
      break;
    case DL_TIME_UNIT_YEAR:
    case DL_TIME_UNIT_NONE:
    default:
      fine_format = FORMAT_YEAR;
      coarse_unit = DL_TIME_UNIT_NONE;
      coarse_format = FORMAT_COARSE_YEAR;
      break;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (MIN (g->plot_x0, g->plot_x1), 0,
                                                         g->plot_x1 - g->plot_x0, g->lanes_y1));

  /* Fine ticks: a grid line through the lanes, the label after it. */
  dl_time_axis_ticks (self->visible_start - step->seconds, self->visible_end, step->unit, step->step, self->ticks);
  for (guint i = 0; i < self->ticks->len; i++)
    {
      gint64 t = g_array_index (self->ticks, gint64, i);
      double x = round (dl_timeline_time_to_x (self, g, t));
      PangoLayout *layout = dl_timeline_get_tick_layout (self, t, fine_format);
      double lx;
      int w, h;

      dl_timeline_append_rect (snapshot, &grid, x, ROW_HEIGHT + 2, 1, g->lanes_y1 - ROW_HEIGHT - 2);
      pango_layout_get_pixel_size (layout, &w, &h);
      lx = g->rtl ? x - 4 - w : x + 4;
      /* Whole labels only. */
      if (lx < MIN (g->plot_x0, g->plot_x1) || lx + w > MAX (g->plot_x0, g->plot_x1))
        continue;
      dl_timeline_append_layout_at (snapshot, layout, &text, lx, ROW_HEIGHT + 2 + (ROW_HEIGHT - h) / 2);
    }

  /* Coarse periods: a stronger line, the label sticking to the start of
   * the axis until the next period pushes it away. */
  dl_time_axis_ticks (self->visible_start - 400 * SECONDS_PER_DAY, self->visible_end, coarse_unit, 1, self->coarse_ticks);
  sticky_end = G_MAXDOUBLE;
  for (guint i = self->coarse_ticks->len; i-- > 0;)
    {
      gint64 t = g_array_index (self->coarse_ticks, gint64, i);
      double x = round (dl_timeline_time_to_x (self, g, t));
      double fx = g->rtl ? g->width - x : x;
      double fplot0 = g->rtl ? g->width - g->plot_x1 : g->plot_x0;
      PangoLayout *layout = dl_timeline_get_tick_layout (self, t, coarse_format);
      double lx;
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      lx = MAX (fx + 4, fplot0 + 4);
      if (lx + w + 12 > sticky_end)
        lx = sticky_end - 12 - w;
      if (fx >= fplot0 - 1)
        dl_timeline_append_rect (snapshot, &major, x, 2, 1, g->lanes_y1 - 2);
      if (lx + w > fplot0 && fx < fplot0 + (g->plot_x1 - g->plot_x0))
        dl_timeline_append_layout_at (snapshot, layout, &strong, g->rtl ? g->width - lx - w : lx,
                          2 + (ROW_HEIGHT - h) / 2);
      sticky_end = MIN (sticky_end, fx);
      if (fx < fplot0)
        break;
    }

  gtk_snapshot_pop (snapshot);

  /* The baseline under the labels. */
  dl_timeline_append_rect (snapshot, &major, MIN (g->plot_x0, g->plot_x1), g->lanes_y0 - 1, g->plot_x1 - g->plot_x0, 1);
}

static void
draw_lane_backgrounds (DlTimeline     *self,
                       GtkSnapshot    *snapshot,
                       const Geometry *g,
                       const GdkRGBA  *fg)
{
  GdkRGBA stripe = dl_timeline_with_alpha (fg, 0.035);
  GdkRGBA text = dl_timeline_with_alpha (fg, 0.8);
  GdkRGBA key_ring = dl_timeline_with_alpha (fg, 0.55);

  for (guint i = 0; i < self->lanes->len; i++)
    {
      Lane *lane = g_ptr_array_index (self->lanes, i);
      double y = g->lanes_y0 + i * g->lane_h;
      int w, h;

      if (i % 2 == 1)
        dl_timeline_append_rect (snapshot, &stripe, 0, y, g->width, g->lane_h);

      if (g->gutter_x1 - g->gutter_x0 <= 0 || g->lane_h < 9)
        continue;

      pango_layout_get_pixel_size (lane->label, &w, &h);
      pango_layout_set_width (lane->label, (int) (g->gutter_x1 - g->gutter_x0 - 28) * PANGO_SCALE);
      pango_layout_set_ellipsize (lane->label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (lane->label, &w, &h);
      {
        double kx = g->rtl ? g->gutter_x1 - 14 : g->gutter_x0 + 8;
        double ky = y + g->lane_h / 2 - 3;

        /* The key's dot, ringed in the text's colour: a dark category
         * (attack, killing) still stands out from a dark background. */
        dl_timeline_append_rounded (snapshot, &lane->color, kx, ky, 6, 6, 3);
        dl_timeline_append_outline (snapshot, &key_ring, kx - 1, ky - 1, 8, 8, 4, 1);
        dl_timeline_append_layout_at (snapshot, lane->label, &text,
                                      g->rtl ? g->gutter_x1 - 20 - w : g->gutter_x0 + 20, y + (g->lane_h - h) / 2);
      }
    }
}

static void
draw_span (DlTimeline     *self,
           GtkSnapshot    *snapshot,
           const Geometry *g,
           const Item     *item,
           const Lane     *lane,
           double          x0,
           double          x1,
           double          y)
{
  double h = dl_timeline_span_height (g);
  double w = MAX (x1 - x0, 3.0);
  gboolean fuzzy = (item->flags & (DL_EDTF_UNCERTAIN | DL_EDTF_APPROXIMATE)) != 0;
  gboolean open_left, open_right;
  GdkRGBA fill = dl_timeline_with_alpha (&lane->color, 0.3);
  GdkRGBA edge = dl_timeline_with_alpha (&lane->color, 0.9);
  GdkRGBA clear = dl_timeline_with_alpha (&lane->color, 0.0);
  double fade_l = 0, fade_r = 0;
  GskRoundedRect rr;

  open_left = g->rtl ? item->end == DL_EDTF_UNBOUNDED_END : item->start == DL_EDTF_UNBOUNDED_START;
  open_right = g->rtl ? item->start == DL_EDTF_UNBOUNDED_START : item->end == DL_EDTF_UNBOUNDED_END;

  if (open_left)
    fade_l = MIN (w * 0.4, 160);
  else if (fuzzy)
    fade_l = MIN (w * 0.2, 40);
  if (open_right)
    fade_r = MIN (w * 0.4, 160);
  else if (fuzzy)
    fade_r = MIN (w * 0.2, 40);

  gsk_rounded_rect_init_from_rect (&rr, &GRAPHENE_RECT_INIT (x0, y, w, h), MIN (h / 2, 4));
  gtk_snapshot_push_rounded_clip (snapshot, &rr);

  if (fade_l < 1 && fade_r < 1)
    {
      gtk_snapshot_append_color (snapshot, &fill, &rr.bounds);
    }
  else
    {
      GskColorStop stops[4] = {
        { 0, open_left || fuzzy ? clear : fill },
        { fade_l / w, fill },
        { 1 - fade_r / w, fill },
        { 1, open_right || fuzzy ? clear : fill },
      };

      gtk_snapshot_append_linear_gradient (snapshot, &rr.bounds,
                                           &GRAPHENE_POINT_INIT (x0, y),
                                           &GRAPHENE_POINT_INIT (x0 + w, y),
                                           stops, G_N_ELEMENTS (stops));
    }

  /* A solid edge where the span is known to start or end. */
  if (!open_left && !fuzzy)
    gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x0, y, 2, h));
  if (!open_right && !fuzzy)
    gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x0 + w - 2, y, 2, h));

  /* Unspecified digits ("2024-08-XX"): a dashed line along the bottom. */
  if (item->flags & DL_EDTF_UNSPECIFIED)
    {
      double first = MAX (x0, g->plot_x0 - 6);
      double last = MIN (x0 + w, g->plot_x1 + 6);

      for (double dx = first; dx < last; dx += 6)
        gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (dx, y + h - 2, 3, 2));
    }

  gtk_snapshot_pop (snapshot);
}

/* A dot drawn once per colour, radius and kind, then placed as a texture:
 * each dot was a rounded clip, which GSK's cairo renderer (the one without
 * a GPU) draws by rasterising a clip path, about 60 µs a dot, a thousand
 * dots at the timeline's widest. The sprite is what those nodes drew: a
 * disc, or for an uncertain date a halo, a faint disc and a ring. Kept
 * as straight RGBA, for which GTK 4.8 has a direct conversion to cairo's
 * format (it converts a texture on every frame it draws it). */
static GdkTexture *
dot_sprite (DlTimeline    *self,
            const GdkRGBA *color,
            double         r,
            gboolean       fuzzy,
            double        *extent)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  guint32 rgba = ((guint32) (CLAMP (color->red, 0, 1) * 255 + 0.5) << 24)
                 | ((guint32) (CLAMP (color->green, 0, 1) * 255 + 0.5) << 16)
                 | ((guint32) (CLAMP (color->blue, 0, 1) * 255 + 0.5) << 8)
                 | (guint32) (CLAMP (color->alpha, 0, 1) * 255 + 0.5);
  /* Unsigned: the colour fills the top 32 bits (a signed shift of it
   * overflows); the table compares the 64 bits as they are. */
  guint64 key = ((guint64) rgba << 32) | ((guint64) (r * 16) << 8) | ((guint64) scale << 1) | (fuzzy ? 1 : 0);
  GdkTexture *texture;
  cairo_surface_t *surface;
  cairo_t *cr;
  int size;
  double c;

  *extent = fuzzy ? 2 * r + 5 : 2 * r;
  if (self->dot_sprites == NULL)
    self->dot_sprites = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  texture = g_hash_table_lookup (self->dot_sprites, &key);
  if (texture != NULL)
    return texture;

  size = (int) ceil (*extent * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (surface);
  cairo_scale (cr, (double) size / *extent, (double) size / *extent);
  c = *extent / 2;
  if (fuzzy)
    {
      cairo_arc (cr, c, c, r + 2.5, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.22);
      cairo_fill (cr);
      cairo_arc (cr, c, c, r, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.35);
      cairo_fill (cr);
      cairo_arc (cr, c, c, r - 0.75, 0, 2 * G_PI);
      cairo_set_line_width (cr, 1.5);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.95);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, c, c, r, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, color);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  texture = dl_texture_new_for_sprite (surface);
  cairo_surface_destroy (surface);
  g_hash_table_insert (self->dot_sprites, g_memdup2 (&key, sizeof key), texture);

  return texture;
}

static void
draw_dot (DlTimeline     *self,
          GtkSnapshot    *snapshot,
          const Geometry *g,
          const Item     *item,
          const Lane     *lane,
          double          x,
          double          day_x0,
          double          day_x1,
          double          cy)
{
  double r = dl_timeline_dot_radius (g);
  gboolean fuzzy = (item->flags & (DL_EDTF_UNCERTAIN | DL_EDTF_APPROXIMATE)) != 0;
  GdkTexture *sprite;
  double extent;

  /* Zoomed in far enough that the day has a width: show it faintly. */
  if (fabs (day_x1 - day_x0) > 2 * r + 6)
    {
      GdkRGBA band = dl_timeline_with_alpha (&lane->color, 0.25);
      double h = MAX (2, 2 * r - 4);

      dl_timeline_append_rounded (snapshot, &band, MIN (day_x0, day_x1), cy - h / 2, fabs (day_x1 - day_x0), h, h / 2);
    }

  sprite = dot_sprite (self, &lane->color, r, fuzzy, &extent);
  gtk_snapshot_append_texture (snapshot, sprite, &GRAPHENE_RECT_INIT (x - extent / 2, cy - extent / 2, extent, extent));
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *x = a;
  const LabelCandidate *y = b;

  if (x->priority != y->priority)
    return y->priority - x->priority;
  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  return x->fstart < y->fstart ? -1 : x->fstart > y->fstart;
}

static int
compare_visible (gconstpointer a,
                 gconstpointer b)
{
  const Visible *x = a;
  const Visible *y = b;

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  return x->f0 < y->f0 ? -1 : x->f0 > y->f0;
}

/* Groups the drawn dots of each lane that sit within a dot's width of the
 * group's first one (`visible` is in lane, then time order), and marks each
 * dot with its stack, so that labelling asks no more than that. */
static void
build_stacks (DlTimeline     *self,
              const Geometry *g,
              guint           selected_index)
{
  const Item *items = (const Item *) (gpointer) self->items->data;
  Visible *vis = (Visible *) (gpointer) self->visible->data;
  double r = dl_timeline_dot_radius (g);

  g_array_set_size (self->stacks, 0);
  self->stacks_range[0] = self->visible_start;
  self->stacks_range[1] = self->visible_end;
  self->stacks_width = (int) g->width;

  for (guint i = 0; i < self->visible->len; i++)
    {
      const Item *item = &items[vis[i].item];
      Stack *last = self->stacks->len > 0 ? &g_array_index (self->stacks, Stack, self->stacks->len - 1) : NULL;

      if (item->kind != ITEM_DOT || self->lane_crowded[vis[i].lane * 2 + ITEM_DOT])
        continue;

      if (last != NULL && last->lane == vis[i].lane && vis[i].f0 - vis[last->first].f0 <= r)
        {
          vis[i].stack = self->stacks->len - 1;
          last->n++;
          /* Later dots are drawn over earlier ones; the selection over all. */
          if (last->top + 1 != selected_index)
            last->top = vis[i].item;
        }
      else
        {
          Stack stack = { 0 };

          stack.lane = vis[i].lane;
          stack.first = i;
          stack.n = 1;
          stack.top = vis[i].item;
          stack.x = vis[i].x0;
          stack.cy = g->lanes_y0 + vis[i].lane * g->lane_h + g->lane_h / 2;
          vis[i].stack = self->stacks->len;
          g_array_append_val (self->stacks, stack);
        }
    }

  for (guint s = 0; s < self->stacks->len; s++)
    {
      Stack *stack = &g_array_index (self->stacks, Stack, s);
      int w, h;
      double bw, bh;

      if (stack->n == 1)
        continue;

      stack->badge_text = dl_timeline_get_badge_layout (self, stack->n - 1);
      pango_layout_get_pixel_size (stack->badge_text, &w, &h);
      bw = w + 8;
      bh = MIN (h + 2, g->lane_h - 2);
      graphene_rect_init (&stack->badge,
                          g->rtl ? stack->x - r - 2 - bw : stack->x + r + 2,
                          stack->cy - bh / 2, bw, bh);
    }
}

/* Whether the visible dot @i is the one its stack shows; if so, where its
 * label may start (forward coordinates, past the badge). */
static gboolean
stack_top_of (DlTimeline *self,
              guint       i,
              double     *fstart)
{
  const Visible *vis = (const Visible *) (gpointer) self->visible->data;
  double width = self->stacks_width;
  const Stack *stack;

  /* Each dot knows its stack (build_stacks()): no search per label, which
   * made a frame quadratic in the dots shown. */
  if (vis[i].stack >= self->stacks->len)
    return FALSE;
  stack = &g_array_index (self->stacks, Stack, vis[i].stack);
  if (i < stack->first || i >= stack->first + stack->n)
    return FALSE;
  if (stack->top != vis[i].item)
    return FALSE;
  if (stack->n > 1)
    {
      gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
      double b0 = stack->badge.origin.x, b1 = b0 + stack->badge.size.width;

      *fstart = (rtl ? width - b0 : b1) + 4;
    }
  else
    *fstart = -G_MAXDOUBLE;
  return TRUE;
}

/* Where the visible dot @i and its stack's badge, if any, are drawn,
 * in forward coordinates. */
static void
dot_forward_extent (DlTimeline *self,
                    guint       i,
                    double      r,
                    double     *f0,
                    double     *f1)
{
  const Visible *vis = (const Visible *) (gpointer) self->visible->data;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  guint lo = 0, hi = self->stacks->len;

  *f0 = vis[i].f0 - r;
  *f1 = vis[i].f0 + r;

  /* Stacks are built in `visible` order: find the one holding @i. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const Stack *stack = &g_array_index (self->stacks, Stack, mid);

      if (i < stack->first)
        hi = mid;
      else if (i >= stack->first + stack->n)
        lo = mid + 1;
      else
        {
          if (stack->n > 1)
            {
              double b0 = stack->badge.origin.x;
              double b1 = b0 + stack->badge.size.width;

              *f1 = MAX (*f1, rtl ? self->stacks_width - b0 : b1);
            }
          return;
        }
    }
}

/* Narrows the label room [@fstart, @fend) of the span visible at @i
 * (forward coordinates) to keep it clear of the lane's dots and badges:
 * text under a dot or a "+N" reads as neither. A dot at the start pushes
 * the label past it; the first one after the start ends it. */
static void
clip_label_to_dots (DlTimeline *self,
                    guint       i,
                    double      r,
                    double     *fstart,
                    double     *fend)
{
  const Item *items = (const Item *) (gpointer) self->items->data;
  const Visible *vis = (const Visible *) (gpointer) self->visible->data;
  guint j0 = i;

  /* `visible` is in lane, then time order: start from the lane's dots
   * just before the label (a badge reaches right of its dot). */
  while (j0 > 0 && vis[j0 - 1].lane == vis[i].lane && vis[j0 - 1].f0 + r + MAX_BADGE_WIDTH > *fstart)
    j0--;
  for (guint j = j0; j < self->visible->len && vis[j].lane == vis[i].lane; j++)
    {
      double d0, d1;

      if (vis[j].f0 - r >= *fend)
        break;
      if (items[vis[j].item].kind != ITEM_DOT)
        continue;
      dot_forward_extent (self, j, r, &d0, &d1);
      if (d1 + 4 <= *fstart || d0 >= *fend)
        continue;
      if (d0 <= *fstart)
        *fstart = d1 + 4;
      else
        *fend = MIN (*fend, d0 - LABEL_GAP);
    }
}

static void
draw_stack_badge (DlTimeline     *self,
                  GtkSnapshot    *snapshot,
                  const Stack    *stack,
                  const Lane     *lane,
                  const GdkRGBA  *fg)
{
  PangoLayout *layout = stack->badge_text;
  GdkRGBA fill = dl_timeline_with_alpha (&lane->color, 0.18);
  GdkRGBA edge = dl_timeline_with_alpha (&lane->color, 0.8);
  GdkRGBA ink = dl_timeline_with_alpha (fg, 0.9);
  const graphene_rect_t *b = &stack->badge;
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  dl_timeline_append_rounded (snapshot, &fill, b->origin.x, b->origin.y, b->size.width, b->size.height, b->size.height / 2);
  dl_timeline_append_outline (snapshot, &edge, b->origin.x, b->origin.y, b->size.width, b->size.height, b->size.height / 2, 1);
  dl_timeline_append_layout_at (snapshot, layout, &ink, b->origin.x + (b->size.width - w) / 2, b->origin.y + (b->size.height - h) / 2);
}

/* Vfuncs */

void
dl_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  DlTimeline *self = DL_TIMELINE (widget);
  const Item *items = (const Item *) (gpointer) self->items->data;
  guint n_lanes = self->lanes->len;
  Geometry g;
  GdkRGBA fg;
  double r;
  guint selected_index = 0;

  dl_timeline_get_geometry (self, &g);
  if (g.width <= 0 || g.height <= 0)
    return;

  dl_timeline_get_color (self, &fg);
  r = dl_timeline_dot_radius (&g);
  g_array_set_size (self->label_rects, 0);

  draw_lane_backgrounds (self, snapshot, &g, &fg);
  draw_axis (self, snapshot, &g, &fg);

  /* A large dataset's events are being arranged in a thread. */
  if (n_lanes == 0 && !dl_timeline_is_ready (self))
    {
      /* Translators: on the timeline while a large dataset's events are being arranged */
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, _("Arranging events…"));
      GdkRGBA dim = dl_timeline_with_alpha (&fg, 0.6);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      dl_timeline_append_layout_at (snapshot, layout, &dim, (g.width - w) / 2, g.lanes_y0 + (g.lanes_y1 - g.lanes_y0 - h) / 2);
      g_object_unref (layout);
    }

  if (self->selected != NULL)
    selected_index = dl_timeline_find_item (self, self->selected);

  if (n_lanes > 0)
    {
      const Visible *vis;

      /* Pass 1: what is visible, counted per lane and binned. */
      dl_timeline_gather (self, &g, r);

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (MIN (g.plot_x0, g.plot_x1) - r - 2, g.lanes_y0,
                                                             g.plot_x1 - g.plot_x0 + 2 * r + 4,
                                                             g.lanes_y1 - g.lanes_y0));

      /* Crowded lanes as densities. */
      for (guint l = 0; l < n_lanes; l++)
        {
          float max_cover = dl_timeline_prepare_density (self, l);

          /* Many spans overlapping would only stack up into a solid bar. */
          self->lane_crowded[l * 2 + ITEM_SPAN] = self->lane_counts[l * 2 + ITEM_SPAN] > MAX_ITEMS_PER_LANE
                                                  || (max_cover > MAX_OVERLAPPING_SPANS
                                                      && self->lane_counts[l * 2 + ITEM_SPAN] > 3 * MAX_OVERLAPPING_SPANS);
          self->lane_crowded[l * 2 + ITEM_DOT] = self->lane_counts[l * 2 + ITEM_DOT] > MAX_ITEMS_PER_LANE;
          dl_timeline_draw_density (self, snapshot, &g, l,
                        self->lane_crowded[l * 2 + ITEM_SPAN],
                        self->lane_crowded[l * 2 + ITEM_DOT]);
        }

      /* The others event by event: spans, then dots, stacked. */
      g_array_sort (self->visible, compare_visible);
      vis = (const Visible *) (gpointer) self->visible->data;
      for (guint i = 0; i < self->visible->len; i++)
        {
          const Item *item = &items[vis[i].item];
          const Lane *lane = g_ptr_array_index (self->lanes, vis[i].lane);
          double ly = g.lanes_y0 + vis[i].lane * g.lane_h;

          if (self->lane_crowded[vis[i].lane * 2 + item->kind] || item->kind != ITEM_SPAN)
            continue;
          draw_span (self, snapshot, &g, item, lane, vis[i].x0, vis[i].x1, ly + (g.lane_h - dl_timeline_span_height (&g)) / 2);
        }

      build_stacks (self, &g, selected_index);
      for (guint s = 0; s < self->stacks->len; s++)
        {
          const Stack *stack = &g_array_index (self->stacks, Stack, s);
          const Item *item = &items[stack->top];
          const Lane *lane = g_ptr_array_index (self->lanes, stack->lane);

          draw_dot (self, snapshot, &g, item, lane, stack->x,
                    dl_timeline_time_to_x (self, &g, item->start), dl_timeline_time_to_x (self, &g, item->end + 1.0), stack->cy);
          if (stack->n > 1)
            draw_stack_badge (self, snapshot, stack, lane, &fg);
        }

      /* Labels: the selected event's first, then greedily in time order
       * per lane, each ending before the next dot, none overlapping. */
      g_array_set_size (self->candidates, 0);
      if (g.lane_h >= 11)
        for (guint i = 0; i < self->visible->len; i++)
          {
            const Item *item = &items[vis[i].item];
            double fplot1 = g.rtl ? g.width - g.plot_x0 : g.plot_x1;
            double fplot0 = g.rtl ? g.width - g.plot_x1 : g.plot_x0;
            double after;
            LabelCandidate c;

            if (self->lane_crowded[vis[i].lane * 2 + item->kind])
              continue;
            /* A stack is labelled by the dot it shows, after its badge. */
            if (item->kind == ITEM_DOT && !stack_top_of (self, i, &c.fstart))
              continue;

            c.item = vis[i].item;
            c.lane = vis[i].lane;
            c.priority = vis[i].item + 1 == selected_index ? 1 : 0;

            if (item->kind == ITEM_DOT)
              {
                after = vis[i].f0;
                c.fstart = MAX (c.fstart, vis[i].f0 + r + 4);
              }
            else if (MIN (vis[i].f1, fplot1) - MAX (vis[i].f0, fplot0) >= 90 || vis[i].f1 > fplot1)
              {
                /* Inside a long enough span, from its (visible) start. */
                c.fstart = MAX (vis[i].f0, fplot0) + 6;
                c.fend = MIN (vis[i].f1, fplot1) - 4;
                clip_label_to_dots (self, i, r, &c.fstart, &c.fend);
                if (c.fend - c.fstart >= MIN_LABEL_WIDTH)
                  g_array_append_val (self->candidates, c);
                continue;
              }
            else
              {
                /* After a short span, like a dot's. */
                after = vis[i].f1;
                c.fstart = vis[i].f1 + 4;
              }

            /* Up to the next dot in the lane. */
            c.fend = fplot1;
            for (guint j = i + 1; j < self->visible->len && vis[j].lane == vis[i].lane; j++)
              if (items[vis[j].item].kind == ITEM_DOT && vis[j].f0 > after + 0.5)
                {
                  c.fend = vis[j].f0 - r - LABEL_GAP;
                  break;
                }
            /* After a short span, clear of a dot drawn over its end. */
            if (item->kind == ITEM_SPAN)
              clip_label_to_dots (self, i, r, &c.fstart, &c.fend);

            if (c.fend - c.fstart >= MIN_LABEL_WIDTH)
              g_array_append_val (self->candidates, c);
          }

      g_array_sort (self->candidates, compare_candidates);
      {
        g_autofree double *occupied = g_new (double, n_lanes);
        GdkRGBA text = dl_timeline_with_alpha (&fg, 0.85);
        gboolean have_selected_rect = FALSE;
        graphene_rect_t selected_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);

        for (guint l = 0; l < n_lanes; l++)
          occupied[l] = -G_MAXDOUBLE;

        g_array_set_size (self->placed, 0);
        for (guint i = 0; i < self->candidates->len; i++)
          {
            const LabelCandidate *c = &g_array_index (self->candidates, LabelCandidate, i);
            PangoLayout *layout;
            double avail, fx;
            int w, h;
            PlacedLabel p;
            graphene_rect_t rect;

            if (c->fstart < occupied[c->lane] && c->priority == 0)
              continue;

            avail = MIN (c->fend - c->fstart, MAX_LABEL_WIDTH);
            layout = dl_timeline_get_event_layout (self, items[c->item].event);
            pango_layout_set_width (layout, (int) (avail * PANGO_SCALE));
            pango_layout_get_pixel_size (layout, &w, &h);
            fx = c->fstart;

            p.layout = layout;
            p.item = c->item;
            p.x = g.rtl ? g.width - fx - w : fx;
            p.y = g.lanes_y0 + c->lane * g.lane_h + (g.lane_h - h) / 2;
            /* Drawn clipped to its lane: the small type's ink fits even
             * where its line height does not. */
            rect = GRAPHENE_RECT_INIT (p.x, MAX (p.y, g.lanes_y0 + c->lane * g.lane_h), w, MIN (h, g.lane_h));

            if (c->priority == 0 && have_selected_rect && graphene_rect_intersection (&rect, &selected_rect, NULL))
              continue;
            if (c->priority > 0)
              {
                have_selected_rect = TRUE;
                selected_rect = rect;
              }
            else
              {
                occupied[c->lane] = fx + w + LABEL_GAP;
              }

            /* The layout's width is set again before drawing. */
            g_array_append_val (self->placed, p);
            g_array_append_val (self->label_rects, rect);
          }

        for (guint i = 0; i < self->placed->len; i++)
          {
            const PlacedLabel *p = &g_array_index (self->placed, PlacedLabel, i);
            const graphene_rect_t *rect = &g_array_index (self->label_rects, graphene_rect_t, i);

            pango_layout_set_width (p->layout, (int) ceil (rect->size.width) * PANGO_SCALE);
            gtk_snapshot_push_clip (snapshot, rect);
            dl_timeline_append_layout_at (snapshot, p->layout, &text, p->x, p->y);
            gtk_snapshot_pop (snapshot);
          }
      }

      /* The selection: a ring around it. */
      if (selected_index > 0)
        {
          const Item *item = &items[selected_index - 1];
          double x0, x1;
          double ly = g.lanes_y0 + item->lane * g.lane_h;

          dl_timeline_item_extent (self, &g, item, &x0, &x1);
          if (item->kind == ITEM_DOT)
            {
              dl_timeline_append_outline (snapshot, &fg, x0 - r - 3, ly + g.lane_h / 2 - r - 3, 2 * r + 6, 2 * r + 6, r + 3, 2);
            }
          else
            {
              double h = dl_timeline_span_height (&g);

              dl_timeline_append_outline (snapshot, &fg, x0 - 2, ly + (g.lane_h - h) / 2 - 2, MAX (x1 - x0, 3) + 4, h + 4, 5, 2);
            }
        }

      gtk_snapshot_pop (snapshot);
    }

  dl_timeline_draw_overview (self, snapshot, &g, &fg);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA ring = dl_timeline_with_alpha (&fg, 0.5);

      dl_timeline_append_outline (snapshot, &ring, 1, 1, g.width - 2, g.height - 2, 6, 2);
    }
}
