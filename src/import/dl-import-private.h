/* dl-import-private.h: what the importers of each format share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dl-dataset-build.h"
#include "dl-gazetteer.h"
#include "dl-import-mapping.h"
#include "dl-model-private.h"

G_BEGIN_DECLS

/* Places with no stated precision: about a town. */
#define DL_IMPORT_DEFAULT_PRECISION_M 1000.0

typedef struct {
  GFile        *file;         /* what the dataset says it was read from, or NULL */
  GPtrArray    *place_list;   /* DlPlace, in the order made */
  GPtrArray    *event_list;   /* DlEvent, in the file's order */
  GPtrArray    *topic_list;   /* id, label, id, label… (unowned: the claims' topics, static labels) */
  GHashTable   *category_labels; /* category id → the file's name for it, first seen (owned) */
  GPtrArray    *pending_labels; /* of the claims of the event being read (static) */
  GPtrArray    *story;        /* DlEvent (unowned): a narrative in this order, or NULL */
  char         *story_title;  /* the narrative's title */
  char         *title;        /* the dataset's, when the file gives one */
  char         *description;
  DlProblems   *problems;
  GCancellable *cancellable;
  gint         *progress;     /* per mille read, set atomically for another thread, or NULL */
  char         *name;         /* the file's name, for titles and the default source */
  GHashTable   *sources;      /* name → ImportSource */
  GPtrArray    *source_order; /* ImportSource, in the order first seen */
  GHashTable   *source_ids;   /* ids in use (owned by the sources) */
  GHashTable   *places;       /* dedup key → DlPlace (unowned) */
  GHashTable   *place_ids;
  GHashTable   *event_ids;
  guint         n_skipped;    /* rows or features that could not be read */
  guint         n_read;       /* rows or features read */
  const DlImportMapping *mapping; /* a CSV's columns as the user chose them, or NULL: by their usual names */
  DlGazetteer  *gazetteer;    /* for places named without coordinates, opened on first use */
  gboolean      gazetteer_failed;
  guint         n_placed_by_name;
} DlImporter;

/* What the file holds, for the count of what was skipped. */
typedef enum {
  DL_IMPORT_UNIT_ROWS,
  DL_IMPORT_UNIT_FEATURES,
  DL_IMPORT_UNIT_EVENTS,
  DL_IMPORT_UNIT_SLIDES,
} DlImportUnit;

void        dl_importer_init           (DlImporter   *importer,
                                        const char   *name,
                                        DlProblems   *problems,
                                        GCancellable *cancellable);
void        dl_importer_clear          (DlImporter   *importer);
/* How far reading has come, @done of @total (bytes, features…). */
void        dl_importer_progress       (DlImporter   *importer,
                                        guint64       done,
                                        guint64       total);
/* The dataset made, or NULL after errors (the importer keeps nothing). */
DlDataset  *dl_importer_finish         (DlImporter   *importer,
                                        const char   *title,
                                        const char   *description,
                                        DlImportUnit  unit);

/* A unique id in @used made from @wanted ("Gaza City" → "gaza-city",
 * "gaza-city-2" when taken); @fallback when @wanted has no letters. */
char       *dl_importer_unique_id      (GHashTable   *used,
                                        const char   *wanted,
                                        const char   *fallback);
/* "Violence against civilians" → "violence-against-civilians"; "event"
 * when nothing is left. */
char       *dl_import_category         (const char   *text);
/* The same, and the file's @text is the category's label in the dataset's
 * `categories` (the first text seen for an id). */
char       *dl_importer_category       (DlImporter   *importer,
                                        const char   *text);
/* A category the format names with a code: @id, labelled @label. */
char       *dl_importer_named_category (DlImporter   *importer,
                                        const char   *id,
                                        const char   *label);

/* The source of that name, made on first use. */
DlSource   *dl_importer_get_source     (DlImporter   *importer,
                                        const char   *name);
/* Appends @text as a paragraph of @source's article (an imported source's
 * article is what the file says it reported) and cites it in @event. */
void        dl_importer_add_excerpt    (DlImporter   *importer,
                                        DlEvent      *event,
                                        DlSource     *source,
                                        const char   *text);
/* A point place, shared by rows that name the same spot alike. */
DlPlace    *dl_importer_point_place    (DlImporter   *importer,
                                        const char   *name,
                                        double        lon,
                                        double        lat,
                                        double        precision_m,
                                        const char   *kind);
DlPlace    *dl_importer_geometry_place (DlImporter   *importer,
                                        const char   *name,
                                        DlGeometry   *geometry,
                                        double        precision_m);
/* Gives the event a unique id from @wanted and adds it (taking it over);
 * FALSE when that id was taken and another was made. */
gboolean    dl_importer_add_event      (DlImporter   *importer,
                                        DlEvent      *event,
                                        const char   *wanted_id);
/* Sets the event's date from EDTF; FALSE if it is not valid. */
gboolean    dl_import_set_when         (DlEvent      *event,
                                        const char   *edtf);
/* A claim on the event's own topic "<event id>-<suffix>" about excerpt 0;
 * @label must outlive the importer (a translated literal). FALSE (and no
 * claim) when the event has no passage. */
gboolean    dl_importer_add_claim      (DlImporter   *importer,
                                        DlEvent      *event,
                                        const char   *suffix,
                                        const char   *label,
                                        const char   *value_text,
                                        double        value,
                                        gboolean      numeric,
                                        const char   *unit);

/* Gives the claim added last the range low–high around its value. */
void        dl_importer_set_claim_range (DlEvent     *event,
                                         double       low,
                                         double       high);

/* Dates written by people: "2023-01-31", "16 May 2025", "May 16, 2025",
 * "Aug 23", "August 2024", "2024". Sets what was found (0 when not). */
gboolean    dl_import_parse_date       (const char   *text,
                                        int          *year,
                                        int          *month,
                                        int          *day,
                                        gboolean     *has_year);
/* ISO 8601 date or date-time, or epoch milliseconds, as EDTF; NULL if not. */
char       *dl_import_iso_to_edtf      (const char   *text);
char       *dl_import_epoch_ms_to_edtf (double        ms);
/* HTML reduced to plain text: tags dropped (block ends as line breaks),
 * entities decoded, runs of spaces collapsed. */
char       *dl_import_html_to_text     (const char   *html);

/* JSON: a member by name, ignoring case; a node's string; a node's number
 * (a numeric string too: "31.5"). */
JsonNode   *dl_import_json_member      (JsonNode     *object,
                                        const char   *name);
const char *dl_import_json_string      (JsonNode     *node);
gboolean    dl_import_json_number      (JsonNode     *node,
                                        double       *value);
/* A JSON path with an index: "features" 3 → "features[3]". */
char       *dl_import_json_path        (const char   *path,
                                        const char   *member,
                                        int           index);

/* CSV records (dl-csv-reader.c) */
typedef struct {
  const char *p;
  const char *end;
  guint       line;        /* the physical line p is on, from 1 */
  char        delimiter;
  GString    *buf;         /* the record's fields, each ended by NUL */
  GArray     *offsets;     /* guint: where each field starts in buf */
  gboolean    unterminated;
  gboolean    after_quote; /* text after a closing quote */
} Csv;

/* Starts reading @data (UTF-8, without a byte-order mark); clear with
 * dl_csv_clear(). The delimiter is a tab for .tsv, else guessed. */
void        dl_csv_init                (Csv          *csv,
                                        const char   *name,
                                        const char   *data,
                                        gsize         len);
void        dl_csv_clear               (Csv          *csv);
/* The next record; FALSE at the end. */
gboolean    dl_csv_next                (Csv          *csv);
guint       dl_csv_n_fields            (Csv          *csv);
char       *dl_csv_field               (Csv          *csv,
                                        guint         index);
gboolean    dl_csv_is_blank            (Csv          *csv);
char        dl_csv_guess_delimiter     (const char   *data,
                                        const char   *end);
/* The text as UTF-8 without a byte-order mark: @data itself (NULL is
 * returned) or converted from Windows-1252/Latin-1 with a warning. */
char       *dl_csv_to_utf8             (DlProblems   *problems,
                                        const char  **data,
                                        gsize        *len);

/* The columns of a role by their usual names, lower-case ("date", "when"…). */
const char * const *dl_import_csv_usual_names (DlImportRole role);
/* Whether a header (lower-case name → index + 1) is ACLED's or UCDP GED's. */
gboolean    dl_import_csv_is_recognised (GHashTable  *columns);

gboolean    dl_import_csv              (DlImporter   *importer,
                                        const char   *data,
                                        gsize         len);
/* Places named without coordinates (dl-import-places.c) */

/* The offline gazetteer, opened on first use; NULL (with one warning) when
 * it cannot be read. */
DlGazetteer *dl_importer_get_gazetteer (DlImporter *importer);
/* Places @event at the first of @names (ended by (const char *) 1; NULL or
 * "" for a name the row lacks; the most precise first: a town, its region,
 * its country) that the gazetteer knows within @country (NULL: anywhere).
 * @paths say where each name is, for warnings ("line 3, column location").
 * The place's precision is the gazetteer's extent of it, or @at_least_m
 * (what the file says of its own precision) when that is more. FALSE, with
 * a warning, when none is known. */
gboolean    dl_importer_place_by_name  (DlImporter         *importer,
                                        DlEvent            *event,
                                        const char * const *names,
                                        const char * const *paths,
                                        const char         *country,
                                        double              at_least_m);
/* Places @event at the place @text (a headline) names, as an article's
 * sentence would be read (dl_suggest_place()), with a warning at @path
 * when it is placed, and when it is not if @warn_unplaced. */
gboolean    dl_importer_place_from_text (DlImporter        *importer,
                                         DlEvent           *event,
                                         const char        *text,
                                         const char        *path,
                                         gboolean           warn_unplaced);

/* A GeoJSON property's usual names for a role, lower-case (an empty list
 * for roles a feature's geometry gives). */
const char * const *dl_import_geojson_usual_names (DlImportRole role);
gboolean    dl_import_geojson          (DlImporter   *importer,
                                        JsonNode     *root);
gboolean    dl_import_timelinejs       (DlImporter   *importer,
                                        JsonNode     *root);
gboolean    dl_import_storymapjs       (DlImporter   *importer,
                                        JsonNode     *root);

G_END_DECLS
