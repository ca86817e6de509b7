/* dl-geo-anchor.c: where a geometry's marker and label go
 *
 * Its own file because it is geometry, not parsing or bookkeeping: the
 * nearest point to the mean, half-way along lines, and a polygon's centroid
 * or a point surely inside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-geo"

#include <math.h>

#include "dl-geo-private.h"
#include "dl-stats.h"

static DlLonLat
lerp (DlLonLat a,
      DlLonLat b,
      double   t)
{
  DlLonLat p = { a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t };

  return p;
}

/* The position nearest to the mean of all positions. */
static DlLonLat
anchor_points (const DlGeometry *self)
{
  double lon = 0.0, lat = 0.0;
  double best = G_MAXDOUBLE;
  guint best_index = 0;

  for (guint i = 0; i < self->n_positions; i++)
    {
      lon += self->positions[i].lon;
      lat += self->positions[i].lat;
    }
  lon /= self->n_positions;
  lat /= self->n_positions;

  for (guint i = 0; i < self->n_positions; i++)
    {
      double dx = self->positions[i].lon - lon;
      double dy = self->positions[i].lat - lat;

      if (dx * dx + dy * dy < best)
        {
          best = dx * dx + dy * dy;
          best_index = i;
        }
    }

  return self->positions[best_index];
}

/* Half-way along all lines, measured on the sphere; interpolated linearly
 * within the segment where that falls. */
static DlLonLat
anchor_lines (const DlGeometry *self)
{
  double total = 0.0;
  double walked = 0.0;
  double half;

  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlLonLat *p = self->positions + self->parts[i].first;

      for (guint j = 1; j < self->parts[i].n_positions; j++)
        total += dl_geo_distance_m (p[j - 1], p[j]);
    }

  if (!(total > 0.0))
    return self->positions[0];

  half = total / 2.0;
  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlLonLat *p = self->positions + self->parts[i].first;

      for (guint j = 1; j < self->parts[i].n_positions; j++)
        {
          double d = dl_geo_distance_m (p[j - 1], p[j]);

          if (d > 0.0 && walked + d >= half)
            return lerp (p[j - 1], p[j], CLAMP ((half - walked) / d, 0.0, 1.0));
          walked += d;
        }
    }

  return self->positions[self->n_positions - 1];
}

/* Even–odd rule over every ring: inside a polygon and outside its holes. */
static gboolean
contains_point (const DlGeometry *self,
                DlLonLat          q)
{
  gboolean inside = FALSE;

  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlLonLat *p = self->positions + self->parts[i].first;
      guint n = self->parts[i].n_positions;

      for (guint j = 0, k = n - 1; j < n; k = j++)
        {
          if ((p[j].lat > q.lat) != (p[k].lat > q.lat) &&
              q.lon < p[j].lon + (q.lat - p[j].lat) * (p[k].lon - p[j].lon) / (p[k].lat - p[j].lat))
            inside = !inside;
        }
    }

  return inside;
}

/* A point inside polygon @member (JTS's interior point): cut it with a
 * horizontal line that passes through no vertex, near the middle of its
 * height, and take the middle of the widest stretch inside. */
static DlLonLat
point_on_surface (const DlGeometry *self,
                  guint             member)
{
  g_autoptr(GArray) crossings = g_array_new (FALSE, FALSE, sizeof (double));
  const DlGeometryPart *outer = NULL;
  double south = G_MAXDOUBLE, north = -G_MAXDOUBLE;
  double middle, below, above, y;
  double best_width = -1.0;
  DlLonLat best;

  for (guint i = 0; i < self->n_parts; i++)
    {
      if (self->parts[i].member == member && self->parts[i].ring == 0)
        {
          outer = &self->parts[i];
          break;
        }
    }
  g_assert (outer != NULL);
  best = self->positions[outer->first];

  for (guint j = 0; j < outer->n_positions; j++)
    {
      south = MIN (south, self->positions[outer->first + j].lat);
      north = MAX (north, self->positions[outer->first + j].lat);
    }
  middle = (south + north) / 2.0;

  below = south;
  above = north;
  for (guint i = 0; i < self->n_parts; i++)
    {
      if (self->parts[i].member != member)
        continue;
      for (guint j = 0; j < self->parts[i].n_positions; j++)
        {
          double lat = self->positions[self->parts[i].first + j].lat;

          if (lat <= middle && lat > below)
            below = lat;
          if (lat > middle && lat < above)
            above = lat;
        }
    }
  y = (below + above) / 2.0;

  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlLonLat *p = self->positions + self->parts[i].first;
      guint n = self->parts[i].n_positions;

      if (self->parts[i].member != member)
        continue;
      for (guint j = 0, k = n - 1; j < n; k = j++)
        {
          if ((p[j].lat > y) != (p[k].lat > y))
            {
              double x = p[j].lon + (y - p[j].lat) * (p[k].lon - p[j].lon) / (p[k].lat - p[j].lat);

              g_array_append_val (crossings, x);
            }
        }
    }

  g_array_sort (crossings, dl_compare_doubles);
  for (guint i = 0; i + 1 < crossings->len; i += 2)
    {
      double west = g_array_index (crossings, double, i);
      double east = g_array_index (crossings, double, i + 1);

      if (east - west > best_width)
        {
          best_width = east - west;
          best.lon = (west + east) / 2.0;
          best.lat = y;
        }
    }

  return best;
}

/* The area-weighted centroid if it lies inside, else a point inside the
 * largest polygon. Areas are planar in degrees, which is fine for choosing
 * a label position. */
static DlLonLat
anchor_polygons (const DlGeometry *self)
{
  DlLonLat origin = self->positions[0];
  double area = 0.0, moment_lon = 0.0, moment_lat = 0.0;
  double member_area = 0.0, largest_area = -1.0;
  guint largest = 0;

  for (guint i = 0; i < self->n_parts; i++)
    {
      const DlGeometryPart *part = &self->parts[i];
      const DlLonLat *p = self->positions + part->first;
      double a = 0.0, mx = 0.0, my = 0.0;
      double sign;

      /* Twice the signed area, and three times that times the centroid,
       * relative to @origin to keep precision. */
      for (guint j = 0; j + 1 < part->n_positions; j++)
        {
          double x0 = p[j].lon - origin.lon, y0 = p[j].lat - origin.lat;
          double x1 = p[j + 1].lon - origin.lon, y1 = p[j + 1].lat - origin.lat;
          double cross = x0 * y1 - x1 * y0;

          a += cross;
          mx += (x0 + x1) * cross;
          my += (y0 + y1) * cross;
        }

      /* Whatever the winding, outer rings add and holes subtract. */
      sign = (a >= 0.0) == (part->ring == 0) ? 1.0 : -1.0;
      area += sign * a;
      moment_lon += sign * mx;
      moment_lat += sign * my;

      if (part->ring == 0)
        member_area = 0.0;
      member_area += sign * a;
      if (i + 1 == self->n_parts || self->parts[i + 1].member != part->member)
        {
          if (member_area > largest_area)
            {
              largest_area = member_area;
              largest = part->member;
            }
        }
    }

  if (area > 0.0)
    {
      DlLonLat centroid = {
        origin.lon + moment_lon / (3.0 * area),
        origin.lat + moment_lat / (3.0 * area),
      };

      if (isfinite (centroid.lon) && isfinite (centroid.lat) && contains_point (self, centroid))
        return centroid;
    }

  return point_on_surface (self, largest);
}

DlLonLat
dl_geometry_compute_anchor (const DlGeometry *self)
{
  switch (self->type)
    {
    case DL_GEOMETRY_POINT:
      return self->positions[0];
    case DL_GEOMETRY_MULTI_POINT:
      return anchor_points (self);
    case DL_GEOMETRY_LINE_STRING:
    case DL_GEOMETRY_MULTI_LINE_STRING:
      return anchor_lines (self);
    case DL_GEOMETRY_POLYGON:
    case DL_GEOMETRY_MULTI_POLYGON:
    default:
      return anchor_polygons (self);
    }
}
