/* print_text.c -- words and shapes of the printed pages: pango layouts (DejaVu Sans) and cairo paths in millimetres */
#include <math.h>
#include <string.h>
#include "print.h"

#define MM_PER_PT (25.4 / 72.0)

static PangoLayout *layout(pr_doc_t *d, const char *s, double w, double pt, int flags)
{
    PangoLayout *l = pango_cairo_create_layout(d->cr);
    /* the same breaks at any zoom: no hinting of the metrics */
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    PangoContext *ctx = pango_layout_get_context(l);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    /* positions in millimetres: rounded to whole units they would be a millimetre off */
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_layout_context_changed(l);
    PangoFontDescription *fd = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(fd, pt * MM_PER_PT * PANGO_SCALE);
    if (flags & PR_BOLD)
        pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    if (flags & PR_ITALIC)
        pango_font_description_set_style(fd, PANGO_STYLE_OBLIQUE);
    pango_layout_set_font_description(l, fd);
    pango_font_description_free(fd);
    if (w > 0) {
        pango_layout_set_width(l, (int)(w * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    if (flags & PR_CENTER)
        pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
    pango_layout_set_text(l, s, -1); /* plain text: a package's words are never markup */
    return l;
}

double pr_text_height(pr_doc_t *d, const char *s, double w, double pt, int flags)
{
    if (!s || !*s)
        return 0;
    PangoLayout *l = layout(d, s, w, pt, flags);
    int lw, lh;
    pango_layout_get_size(l, &lw, &lh);
    g_object_unref(l);
    return (double)lh / PANGO_SCALE;
}

double pr_text_width(pr_doc_t *d, const char *s, double pt, int flags)
{
    if (!s || !*s)
        return 0;
    PangoLayout *l = layout(d, s, -1, pt, flags);
    int lw, lh;
    pango_layout_get_size(l, &lw, &lh);
    g_object_unref(l);
    return (double)lw / PANGO_SCALE;
}

double pr_text(pr_doc_t *d, const char *s, double x, double y, double w, double pt, int flags, pr_rgb_t c)
{
    if (!s || !*s)
        return 0;
    PangoLayout *l = layout(d, s, w, pt, flags);
    int lw, lh;
    pango_layout_get_size(l, &lw, &lh);
    pr_set(d->cr, c);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
    cairo_new_path(d->cr); /* no current point left for the next shape to join */
    g_object_unref(l);
    return (double)lh / PANGO_SCALE;
}

void pr_round_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

void pr_set(cairo_t *cr, pr_rgb_t c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

pr_rgb_t pr_hex(unsigned hex)
{
    pr_rgb_t c = { ((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0, (hex & 0xFF) / 255.0 };
    return c;
}

pr_rgb_t pr_mix(pr_rgb_t a, pr_rgb_t b, double t)
{
    pr_rgb_t c = { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t };
    return c;
}

void pr_page(pr_doc_t *d, double w, double h)
{
    if (d->pages)
        cairo_show_page(d->cr);
    cairo_pdf_surface_set_size(d->surface, w / MM_PER_PT, h / MM_PER_PT);
    cairo_identity_matrix(d->cr);
    cairo_scale(d->cr, 1 / MM_PER_PT, 1 / MM_PER_PT);
    d->pages++;
}
