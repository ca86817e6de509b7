/* dl-presentation-chooser.c: what to present, chosen before presenting
 *
 * The first maps are drawn in a thread (they draw basemap tiles) and shown
 * when ready; the list is usable at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "dl-presentation-chooser"

#include <glib/gi18n.h>

#include "dl-map-image.h"
#include "dl-presentation.h"
#include "dl-presentation-chooser.h"

#define THUMB_WIDTH  176
#define THUMB_HEIGHT 110

struct _DlPresentationChooser
{
  AdwWindow     parent_instance;

  GtkListBox   *list;

  DlDataset    *dataset;
  GPtrArray    *ids;        /* of char*, by row */
  GPtrArray    *pictures;   /* of GtkPicture, by row */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (DlPresentationChooser, dl_presentation_chooser, ADW_TYPE_WINDOW)

typedef struct {
  DlDataset *dataset;
  GPtrArray *events;     /* of DlEvent (or NULL for every event), by row */
  gboolean   dark;
  int        scale;
} ThumbJob;

static void
thumb_job_free (gpointer data)
{
  ThumbJob *job = data;

  g_object_unref (job->dataset);
  g_ptr_array_unref (job->events);
  g_free (job);
}

/* Helpers */

/* Settings are optional (an uninstalled run may lack the schema): then
 * the choice lasts as long as the process. */
static char *last_chosen;

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *schemas = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (schemas == NULL || (schema = g_settings_schema_source_lookup (schemas, APP_ID, TRUE)) == NULL
      || !g_settings_schema_has_key (schema, "last-narrative"))
    return NULL;
  return g_settings_new (APP_ID);
}

static void
unref_or_null (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
present (GtkWindow  *parent,
         DlDataset  *dataset,
         const char *id)
{
  g_autoptr(GSettings) settings = new_settings ();
  DlPresentation *presentation;

  g_free (last_chosen);
  last_chosen = g_strdup (id);
  if (settings != NULL)
    g_settings_set_string (settings, "last-narrative", id);
  presentation = dl_presentation_new (parent, dataset, id);
  dl_presentation_present_fullscreen (presentation);
}

static GtkWidget *
new_row (DlPresentationChooser *self,
         const char            *title,
         const char            *subtitle)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_size_request (picture, THUMB_WIDTH, THUMB_HEIGHT);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of the first step"), -1);

  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_box_append (GTK_BOX (text), title_label);
  gtk_box_append (GTK_BOX (text), subtitle_label);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  {
    g_autofree char *name = g_strdup_printf ("%s, %s", title, subtitle);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
  g_ptr_array_add (self->pictures, picture);
  gtk_list_box_append (self->list, row);

  return row;
}

static void
render_thumbs (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ThumbJob *job = task_data;
  GPtrArray *textures = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < job->events->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      DlEvent *event = g_ptr_array_index (job->events, i);
      g_autoptr(GListStore) store = g_list_store_new (DL_TYPE_EVENT);
      int w = THUMB_WIDTH * job->scale, h = THUMB_HEIGHT * job->scale;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GBytes) bytes = NULL;
      DlMapView view;

      if (event != NULL)
        {
          DlBBox bbox = dl_event_get_bbox (event);

          g_list_store_append (store, event);
          dl_map_view_fit (&view, w, h, &bbox, dl_event_get_precision_m (event));
        }
      else
        {
          GPtrArray *all = dl_dataset_get_events_by_time (job->dataset);

          g_list_store_splice (store, 0, 0, all->pdata, all->len);
          dl_map_image_fit (&view, w, h, G_LIST_MODEL (store));
        }
      dl_map_image_draw (cr, w, h, &view, job->dataset, G_LIST_MODEL (store), event,
                         job->dark ? DL_MAP_IMAGE_DARK : DL_MAP_IMAGE_NONE, job->scale);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface) * h);
      g_ptr_array_add (textures, gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes,
                                                         (gsize) cairo_image_surface_get_stride (surface)));
      cairo_surface_destroy (surface);
    }

  g_task_return_pointer (task, textures, (GDestroyNotify) g_ptr_array_unref);
}

/* Callbacks */

static void
on_thumbs_ready (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GPtrArray) textures = g_task_propagate_pointer (G_TASK (result), NULL);
  DlPresentationChooser *self;

  if (textures == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  self = DL_PRESENTATION_CHOOSER (object);
  for (guint i = 0; i < textures->len && i < self->pictures->len; i++)
    gtk_picture_set_paintable (g_ptr_array_index (self->pictures, i), g_ptr_array_index (textures, i));
}

static void
on_row_activated (DlPresentationChooser *self,
                  GtkListBoxRow         *row)
{
  g_autofree char *id = g_strdup (g_ptr_array_index (self->ids, gtk_list_box_row_get_index (row)));
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(DlDataset) dataset = g_object_ref (self->dataset);

  gtk_window_close (GTK_WINDOW (self));
  present (parent, dataset, id);
}

/* Vfuncs */

static void
dl_presentation_chooser_dispose (GObject *object)
{
  DlPresentationChooser *self = DL_PRESENTATION_CHOOSER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), DL_TYPE_PRESENTATION_CHOOSER);

  G_OBJECT_CLASS (dl_presentation_chooser_parent_class)->dispose (object);
}

static void
dl_presentation_chooser_finalize (GObject *object)
{
  DlPresentationChooser *self = DL_PRESENTATION_CHOOSER (object);

  g_clear_object (&self->dataset);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->ids, g_ptr_array_unref);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);

  G_OBJECT_CLASS (dl_presentation_chooser_parent_class)->finalize (object);
}

static void
dl_presentation_chooser_class_init (DlPresentationChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dl_presentation_chooser_dispose;
  object_class->finalize = dl_presentation_chooser_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/datelineapp/Dateline/dl-presentation-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, DlPresentationChooser, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dl_presentation_chooser_init (DlPresentationChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->pictures = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

/* Public API */

DlPresentationChooser *
dl_presentation_chooser_new (GtkWindow *parent,
                             DlDataset *dataset)
{
  DlPresentationChooser *self;
  g_autoptr(GTask) task = NULL;
  ThumbJob *job;
  GPtrArray *by_time;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DL_IS_DATASET (dataset), NULL);

  self = g_object_new (DL_TYPE_PRESENTATION_CHOOSER, "transient-for", parent, NULL);
  self->dataset = g_object_ref (dataset);
  job = g_new0 (ThumbJob, 1);
  job->dataset = g_object_ref (dataset);
  job->events = g_ptr_array_new_with_free_func (unref_or_null);
  job->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  job->scale = parent != NULL ? gtk_widget_get_scale_factor (GTK_WIDGET (parent)) : 1;

  for (guint i = 0; i < dl_dataset_get_n_narratives (dataset); i++)
    {
      const DlNarrative *narrative = dl_dataset_get_narrative (dataset, i);
      guint n = narrative->steps->len;
      g_autofree char *steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n), n);
      DlEvent *first = NULL;

      for (guint s = 0; s < n && first == NULL; s++)
        first = g_array_index (narrative->steps, DlNarrativeStep, s).event;
      new_row (self, narrative->title, steps);
      g_ptr_array_add (self->ids, g_strdup (narrative->id));
      g_ptr_array_add (job->events, first != NULL ? g_object_ref (first) : NULL);
    }

  by_time = dl_dataset_get_events_by_time (dataset);
  {
    g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", by_time->len),
                                               by_time->len);

    new_row (self, _("Every event in time order"), events);
    g_ptr_array_add (self->ids, g_strdup (DL_PRESENTATION_EVERY_EVENT));
    g_ptr_array_add (job->events, NULL);
  }

  task = g_task_new (self, self->cancellable, on_thumbs_ready, NULL);
  g_task_set_task_data (task, job, thumb_job_free);
  g_task_run_in_thread (task, render_thumbs);

  return self;
}

void
dl_presentation_present_last (GtkWindow *parent,
                              DlDataset *dataset)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (DL_IS_DATASET (dataset));

  settings = new_settings ();
  id = settings != NULL ? g_settings_get_string (settings, "last-narrative") : g_strdup (last_chosen);
  if (g_strcmp0 (id, DL_PRESENTATION_EVERY_EVENT) == 0)
    {
      present (parent, dataset, id);
      return;
    }
  if (dl_dataset_lookup_narrative (dataset, id) != NULL)
    {
      present (parent, dataset, id);
      return;
    }

  /* Nothing chosen yet for this dataset: ask. */
  gtk_window_present (GTK_WINDOW (dl_presentation_chooser_new (parent, dataset)));
}

GtkListBoxRow *
dl_presentation_chooser_get_row (DlPresentationChooser *self,
                                 guint                  index)
{
  g_return_val_if_fail (DL_IS_PRESENTATION_CHOOSER (self), NULL);
  return gtk_list_box_get_row_at_index (self->list, (int) index);
}
