/* dl-basemap-private.h: DlBasemap's fields, shared by the reader
 * (dl-basemap.c) and the tile renderer (dl-basemap-render.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dl-basemap.h"
#include "dl-basemap-format.h"

G_BEGIN_DECLS

struct _DlBasemap
{
  GObject          parent_instance;

  char            *path;
  GMappedFile     *mapped;
  const guint8    *data;
  gsize            size;

  const DlBmHeader *header;
  const DlBmLod   *lods;
  const DlBmNode  *nodes;
  const DlBmGeom  *geoms;
  const guint8    *points;
  const DlBmPlace *places;
  const char      *strings;
};

/* Label size classes in the file (size_class < this). */
#define DL_BASEMAP_N_SIZE_CLASSES 10

/* Label languages, in the order of DlBmPlace.name */
enum {
  LANG_EN,
  LANG_AR,
  LANG_HE,
};

static const char *const lang_codes[] = { "en", "ar", "he" };

G_END_DECLS
