/* dl-export.c: one export entry point, the format chosen by the file's suffix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line and the window both export through here, so a suffix
 * means the same everywhere and both refuse the same things.
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-export"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "dl-export.h"
#include "dl-export-csv.h"
#include "dl-export-geojson.h"
#include "dl-export-png.h"
#include "dl-writer.h"

G_DEFINE_QUARK (dl-export-error-quark, dl_export_error)

DlExportFormat
dl_export_format_for_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, DL_EXPORT_FORMAT_NONE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".dateline.json"))
    return DL_EXPORT_FORMAT_NATIVE;
  if (g_str_has_suffix (lower, ".geojson"))
    return DL_EXPORT_FORMAT_GEOJSON;
  if (g_str_has_suffix (lower, ".csv"))
    return DL_EXPORT_FORMAT_CSV;
  if (g_str_has_suffix (lower, ".pdf"))
    return DL_EXPORT_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".png"))
    return DL_EXPORT_FORMAT_PNG;

  return DL_EXPORT_FORMAT_NONE;
}

static gboolean
same_file (const GStatBuf *a,
           const char     *path)
{
  GStatBuf b;

  return path != NULL && g_stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Whether writing @path would replace a file @dataset was read from. */
static gboolean
is_input (DlDataset  *dataset,
          const char *path)
{
  GFile *file = dl_dataset_get_file (dataset);
  g_autofree char *dataset_path = file != NULL ? g_file_get_path (file) : NULL;
  g_autofree char *dir = dataset_path != NULL ? g_path_get_dirname (dataset_path) : NULL;
  GListModel *sources = dl_dataset_get_sources (dataset);
  GStatBuf target;

  /* A file that does not exist yet is nobody's input. */
  if (g_stat (path, &target) != 0)
    return FALSE;

  if (same_file (&target, dataset_path))
    return TRUE;

  for (guint i = 0; dir != NULL && i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(DlSource) source = g_list_model_get_item (sources, i);
      g_autofree char *relative = g_strdup (dl_source_get_file (source));
      g_autofree char *article = NULL;

      g_strdelimit (relative, "\\", '/');
      article = g_build_filename (dir, relative, NULL);
      if (same_file (&target, article))
        return TRUE;
    }

  return FALSE;
}

gboolean
dl_export_check (DlDataset       *dataset,
                 const char      *path,
                 DlExportFormat  *format_out,
                 GError         **error)
{
  DlExportFormat format;

  g_return_val_if_fail (dataset == NULL || DL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  format = dl_export_format_for_path (path);
  if (format_out != NULL)
    *format_out = format;

  switch (format)
    {
    case DL_EXPORT_FORMAT_NONE:
      g_set_error (error, DL_EXPORT_ERROR, DL_EXPORT_ERROR_UNSUPPORTED,
                   _("unsupported format (use a .dateline.json, .geojson, .csv, .pdf or .png file name)"));
      return FALSE;

    case DL_EXPORT_FORMAT_NATIVE:
    case DL_EXPORT_FORMAT_GEOJSON:
    case DL_EXPORT_FORMAT_CSV:
    case DL_EXPORT_FORMAT_PDF:
    case DL_EXPORT_FORMAT_PNG:
    default:
      break;
    }

  if (dataset != NULL && is_input (dataset, path))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, DL_EXPORT_ERROR, DL_EXPORT_ERROR_OVERWRITES_INPUT,
                   _("“%s” is a file the dataset was read from; choose another name"), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
dl_export_to_file (DlDataset              *dataset,
                   const DlExportOptions  *options,
                   const char             *path,
                   GError                **error)
{
  static const DlExportOptions defaults = { 0 };
  DlExportFormat format;

  g_return_val_if_fail (DL_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    options = &defaults;

  if (!dl_export_check (dataset, path, &format, error))
    return FALSE;

  switch (format)
    {
    case DL_EXPORT_FORMAT_NATIVE:
      return dl_writer_write_file (dataset, path, error);
    case DL_EXPORT_FORMAT_GEOJSON:
      return dl_export_geojson_to_file (dataset, path, error);
    case DL_EXPORT_FORMAT_CSV:
      return dl_export_csv_to_file (dataset, options->events, path, error);
    case DL_EXPORT_FORMAT_PDF:
      return dl_export_pdf_to_file (dataset, options->narrative, options->paper, path, error);
    case DL_EXPORT_FORMAT_PNG:
      return dl_export_png_to_file (dataset, options->events, options->view,
                                    options->width > 0 ? options->width : DL_EXPORT_PNG_DEFAULT_WIDTH,
                                    options->height > 0 ? options->height : DL_EXPORT_PNG_DEFAULT_HEIGHT,
                                    path, error);
    case DL_EXPORT_FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }
}
