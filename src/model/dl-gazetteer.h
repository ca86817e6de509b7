/* dl-gazetteer.h: the offline world gazetteer (place search by name)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "dl-dataset.h"
#include "dl-geo.h"

G_BEGIN_DECLS

#define DL_GAZETTEER_FILE_NAME "gazetteer.dlgz"

#define DL_GAZETTEER_ERROR (dl_gazetteer_error_quark ())

typedef enum {
  DL_GAZETTEER_ERROR_NOT_FOUND,
  DL_GAZETTEER_ERROR_INVALID,
} DlGazetteerError;

GQuark dl_gazetteer_error_quark (void);

/* The values stored in the file (tools/gazetteer/README.md). */
typedef enum {
  DL_GAZETTEER_KIND_CITY,
  DL_GAZETTEER_KIND_CAPITAL,
  DL_GAZETTEER_KIND_ADMIN_SEAT,     /* seat of a first-level region */
  DL_GAZETTEER_KIND_REGION,         /* a first-level region */
  DL_GAZETTEER_KIND_COUNTRY,
  DL_GAZETTEER_KIND_DATASET_PLACE,  /* one of the open dataset's places */
} DlGazetteerKind;

typedef enum {
  DL_GAZETTEER_SEARCH_PREFIX = 0,      /* names, or words of names, starting with the query */
  DL_GAZETTEER_SEARCH_EXACT  = 1 << 0, /* whole names equal to the query (folded) */
} DlGazetteerSearchFlags;

/* One place found. Names are NULL when the gazetteer has none in that
 * language. */
typedef struct {
  DlGazetteerKind  kind;
  char            *name;        /* the name that matched, as written */
  char            *language;    /* its language: "en", "ar", "he", or a dataset's key */
  char            *name_en;
  char            *name_ar;
  char            *name_he;
  char            *context;     /* region and country, in the matched language: "Gaza, State of Palestine" */
  DlLonLat         position;
  double           precision_m; /* how far the place extends from position */
  guint64          population;  /* regions and countries: their cities' inhabitants */
  gboolean         exact;       /* the whole name equals the query (folded) */
  gboolean         word;        /* only a word inside the name starts with the query */
  DlPlace         *place;       /* a dataset place, or NULL */
} DlGazetteerMatch;

#define DL_TYPE_GAZETTEER_MATCH (dl_gazetteer_match_get_type ())
GType             dl_gazetteer_match_get_type (void) G_GNUC_CONST;
DlGazetteerMatch *dl_gazetteer_match_copy     (const DlGazetteerMatch *match);
void              dl_gazetteer_match_free     (DlGazetteerMatch       *match);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DlGazetteerMatch, dl_gazetteer_match_free)
/* The place "kind" (docs/dataset-format.md) of an event placed at the
 * match: a dataset place's own, else "country", "region" or "city". */
const char       *dl_gazetteer_match_get_place_kind (const DlGazetteerMatch *match);

#define DL_TYPE_GAZETTEER (dl_gazetteer_get_type ())

G_DECLARE_FINAL_TYPE (DlGazetteer, dl_gazetteer, DL, GAZETTEER, GObject)

/* Maps and checks a gazetteer file; a damaged file is refused with
 * DL_GAZETTEER_ERROR_INVALID naming what is wrong. */
DlGazetteer *dl_gazetteer_new_for_path (const char   *path,
                                        GError      **error);
/* The bundled gazetteer, shared: $DATELINE_GAZETTEER_DIR if set, else
 * PKGDATADIR/gazetteer, else the source tree's data/gazetteer. */
DlGazetteer *dl_gazetteer_open_default (GError      **error);

const char  *dl_gazetteer_get_path      (DlGazetteer *self);
guint        dl_gazetteer_get_n_entries (DlGazetteer *self);

/* Places whose name in English, Arabic or Hebrew (or one of its words)
 * starts with @query, compared case-, accent- and vowel-mark-insensitively:
 * first @dataset's own places (may be NULL) in the dataset's order, then the
 * gazetteer's, whole-name matches before others, each by population.
 * At most @max_results (0: no limit for the dataset, 20 for the rest).
 * Returns a GPtrArray of DlGazetteerMatch. */
GPtrArray   *dl_gazetteer_search        (DlGazetteer            *self,
                                         const char             *query,
                                         DlDataset              *dataset,
                                         DlGazetteerSearchFlags  flags,
                                         guint                   max_results);

/* The search key of a name: case-folded, accents and Arabic and Hebrew
 * vowel marks removed, Arabic letter variants merged, punctuation as
 * single spaces. Matches tools/gazetteer/build-gazetteer's fold(). */
char        *dl_gazetteer_fold          (const char *text);

G_END_DECLS
