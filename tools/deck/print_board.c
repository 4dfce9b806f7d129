/* print_board.c -- the printed board: the phases side by side on landscape pages, each space with what it does */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "client/art.h"
#include "text/text.h"
#include "print.h"

#define MARGIN 12.0
#define MAX_COLS 5   /* phases on one page */
#define GAP 4.0      /* between columns, and between spaces */
#define MAX_ITEMS 32

static const pr_rgb_t white = { 1, 1, 1 };

static pr_rgb_t phase_rgb(const pl_ruleset_t *rs, int p)
{
    SDL_Color c = pc_phase_color(p, rs->n_phases);
    pr_rgb_t r = { c.r / 255.0, c.g / 255.0, c.b / 255.0 };
    return r;
}

static const char *kind_word(int kind, int lang)
{
    switch (kind) {
    case PL_SPACE_START: return pt_tr(lang, "Start");
    case PL_SPACE_ACTION: return pt_tr(lang, "Action");
    case PL_SPACE_EVENT: return pt_tr(lang, "Event");
    case PL_SPACE_VOTE: return pt_tr(lang, "Vote");
    case PL_SPACE_FICTION: return pt_tr(lang, "Fiction");
    case PL_SPACE_CHECK: return pt_tr(lang, "Check");
    case PL_SPACE_MILESTONE: return pt_tr(lang, "Milestone");
    case PL_SPACE_BRANCH: return pt_tr(lang, "Fork");
    case PL_SPACE_END: return pt_tr(lang, "Finish");
    default: return "";
    }
}

/* Where a space leads when it is not simply the space below it (col_end: the last of its column):
 * "Then: “X”", "Ways: “X” or “Y”". */
static void next_words(const pl_ruleset_t *rs, int s, int col_end, int lang, char *out, size_t len)
{
    const pl_space_t *sp = &rs->spaces[s];
    out[0] = 0;
    if (sp->n_next == 0)
        return;
    if (!col_end && sp->n_next == 1 && sp->next[0] == s + 1 && s + 1 < rs->n_spaces &&
        rs->spaces[s + 1].phase == sp->phase)
        return;
    char list[600] = "";
    size_t used = 0;
    for (int i = 0; i < sp->n_next && sp->next[i] < rs->n_spaces; i++) {
        char one[200];
        snprintf(one, sizeof one, pt_tr(lang, "“%s” (%d)"), pl_text(&rs->spaces[sp->next[i]].name, lang), sp->next[i] + 1);
        int w = snprintf(list + used, sizeof list - used, "%s%s", i ? pt_tr(lang, " or ") : "", one);
        if (w < 0 || (size_t)w >= sizeof list - used)
            break;
        used += (size_t)w;
    }
    snprintf(out, len, sp->n_next > 1 ? pt_tr(lang, "Ways: %s") : pt_tr(lang, "Then: %s"), list);
}

/* A space's words at scale k from (x, y) in width w (col_end: the last of its column); drawn when draw is set;
 * returns their height. */
static double space_words(pr_doc_t *d, int s, int col_end, double x, double y, double w, double k, int draw,
                          pr_rgb_t ink)
{
    const pl_ruleset_t *rs = d->rs;
    const pl_space_t *sp = &rs->spaces[s];
    int lang = d->lang;
    pr_rgb_t muted = pr_mix(ink, white, 0.35);
    double y0 = y;
#define PUT(str, dx, pt, fl, col)                                                                                      \
    (draw ? pr_text(d, (str), x + (dx), y, w - (dx), (pt) * k, (fl), (col)) : pr_text_height(d, (str), w - (dx), (pt) * k, (fl)))
    y += PUT(pl_text(&sp->name, lang), 6.0 * k, 8.0, PR_BOLD, ink) + 0.2 * k;
    char b[400];
    const char *kind = kind_word(sp->kind, lang);
    if (sp->stop)
        snprintf(b, sizeof b, pt_tr(lang, "%s · the pawn stops here"), kind);
    else if ((int)s == rs->start_space)
        snprintf(b, sizeof b, pt_tr(lang, "%s · every pawn begins here"), kind);
    else
        snprintf(b, sizeof b, "%s", kind);
    if (b[0])
        y += PUT(b, 6.0 * k, 6.0, PR_BOLD, muted) + 0.6 * k; /* beside the number, as the name */
    if (y - y0 < 5.4) /* the rest below the number's disc */
        y = y0 + 5.4;
    const char *text = pl_text(&sp->text, lang);
    if (*text)
        y += PUT(text, 0, 6.6, 0, ink) + 0.8 * k;
    pt_item_t it[MAX_ITEMS];
    int n = pt_effects(rs, sp->on_land, lang, it, MAX_ITEMS);
    for (int i = 0; i < n && i < MAX_ITEMS; i++) {
        pr_rgb_t col = it[i].kind != PT_IT_HEADER && it[i].amount < 0 ? pr_mix(ink, pr_hex(PC_DANGER), 0.6) : ink;
        y += PUT(it[i].text, it[i].depth * 2.6 * k, 6.4, it[i].kind == PT_IT_HEADER ? PR_BOLD : 0, col) + 0.2 * k;
    }
    next_words(rs, s, col_end, lang, b, sizeof b);
    if (b[0])
        y += 0.4 * k + PUT(b, 0, 6.4, PR_BOLD | PR_ITALIC, muted);
#undef PUT
    return y - y0;
}

static void arrow_down(cairo_t *cr, double cx, double y0, double y1, pr_rgb_t c)
{
    pr_set(cr, c);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, cx, y0);
    cairo_line_to(cr, cx, y1 - 1.2);
    cairo_stroke(cr);
    cairo_move_to(cr, cx - 1.2, y1 - 1.4);
    cairo_line_to(cr, cx + 1.2, y1 - 1.4);
    cairo_line_to(cr, cx, y1);
    cairo_close_path(cr);
    cairo_fill(cr);
}

/* A column of the board: spaces first..first+n-1 of one phase (a long phase takes several columns). */
typedef struct {
    int phase, first, n, cont;
} column_t;

static double header_height(pr_doc_t *d, int p, double cw)
{
    const pl_ruleset_t *rs = d->rs;
    double h = 3 + pr_text_height(d, pl_text(&rs->phases[p].name, d->lang), cw - 6, 9, PR_BOLD) + 3;
    const char *t = pl_text(&rs->phases[p].text, d->lang);
    if (*t)
        h += pr_text_height(d, t, cw - 6, 6.3, 0) + 1;
    return h;
}

/* The phases cut into columns that hold their spaces at a readable size in the narrowest layout (five columns a
 * page); returns how many (at most cap). */
static int columns(pr_doc_t *d, double pw, double ph, column_t *out, int cap)
{
    const pl_ruleset_t *rs = d->rs;
    double cw = (pw - 2 * MARGIN - GAP * (MAX_COLS - 1)) / MAX_COLS, hh = 0;
    for (int p = 0; p < rs->n_phases; p++) {
        double h = header_height(d, p, cw);
        if (h > hh)
            hh = h;
    }
    double avail = ph - MARGIN - (MARGIN + 8 + hh + GAP);
    pr_rgb_t ink = pr_hex(PC_PAPER_INK);
    int n = 0;
    for (int p = 0; p < rs->n_phases && n < cap; p++) {
        const pl_phase_t *f = &rs->phases[p];
        int i = 0;
        do {
            column_t c = { p, f->first_space + i, 0, i > 0 };
            double used = 0;
            while (i < f->n_spaces) {
                double h = space_words(d, f->first_space + i, 1, 0, 0, cw - 5, 0.8, 0, ink) + 4.4 + (c.n ? GAP : 0);
                if (c.n && used + h > avail)
                    break;
                used += h;
                c.n++;
                i++;
            }
            out[n++] = c;
        } while (i < f->n_spaces && n < cap);
    }
    return n;
}

int pr_board(pr_doc_t *d)
{
    const pl_ruleset_t *rs = d->rs;
    double pw = d->paper_h, ph = d->paper_w; /* landscape */
    column_t cols[PL_MAX_SPACES + PL_MAX_PHASES];
    int n_cols = columns(d, pw, ph, cols, (int)(sizeof cols / sizeof *cols));
    if (!n_cols)
        return 0;
    int pages = (n_cols + MAX_COLS - 1) / MAX_COLS, per = (n_cols + pages - 1) / pages, lang = d->lang;
    pr_rgb_t ink = pr_hex(PC_PAPER_INK);
    for (int pg = 0; pg < pages; pg++) {
        pr_page(d, pw, ph);
        cairo_t *cr = d->cr;
        char b[400];
        snprintf(b, sizeof b, pt_tr(lang, "%s: the board"), pl_text(&rs->title, lang));
        pr_text(d, b, MARGIN, MARGIN - 4, pw - 2 * MARGIN - 40, 12, PR_BOLD, ink);
        snprintf(b, sizeof b, pt_tr(lang, "page %d of %d"), pg + 1, pages);
        double bw = pr_text_width(d, b, 8, 0);
        pr_text(d, b, pw - MARGIN - bw, MARGIN - 2.5, -1, 8, 0, pr_mix(ink, white, 0.4));
        int first = pg * per, last = first + per < n_cols ? first + per : n_cols;
        double top = MARGIN + 8, cw = (pw - 2 * MARGIN - GAP * (per - 1)) / per;
        /* the phase headers, all as high as the highest */
        double hh = 0;
        for (int c = first; c < last; c++) {
            double h = header_height(d, cols[c].phase, cw);
            if (h > hh)
                hh = h;
        }
        for (int c = first; c < last; c++) {
            const column_t *co = &cols[c];
            int p = co->phase;
            const pl_phase_t *ph_ = &rs->phases[p];
            pr_rgb_t col = phase_rgb(rs, p);
            double x = MARGIN + (c - first) * (cw + GAP);
            pr_set(cr, col);
            pr_round_rect(cr, x, top, cw, hh, 2.5);
            cairo_fill(cr);
            double y = top + 3;
            char name[300];
            if (co->cont)
                snprintf(name, sizeof name, pt_tr(lang, "%s (continued)"), pl_text(&ph_->name, lang));
            else
                snprintf(name, sizeof name, "%s", pl_text(&ph_->name, lang));
            y += pr_text(d, name, x + 3, y, cw - 6, 9, PR_BOLD, white);
            if (!co->cont)
                pr_text(d, pl_text(&ph_->text, lang), x + 3, y + 0.5, cw - 6, 6.3, 0, pr_mix(col, white, 0.85));
            int n = co->n;
            if (!n)
                continue;
            /* each space as high as its words need, all of them smaller when the column is full; what is left
             * shared out */
            double sy = top + hh + GAP, avail = ph - MARGIN - sy - GAP * (n - 1), ww = cw - 5, k = 1.0, need = 0;
            double hs[PL_MAX_SPACES];
            for (;;) {
                need = 0;
                for (int i = 0; i < n; i++)
                    need += hs[i] = space_words(d, co->first + i, i == n - 1, 0, 0, ww, k, 0, ink) + 4.4;
                if (need <= avail || k <= 0.5)
                    break;
                k -= 0.03;
            }
            double extra = need < avail ? (avail - need) / n : 0;
            if (extra > 30)
                extra = 30;
            double by = sy;
            for (int i = 0; i < n; i++) {
                int s = co->first + i;
                double box = hs[i] + extra;
                pr_set(cr, pr_mix(col, white, 0.86));
                pr_round_rect(cr, x, by, cw, box, 2);
                cairo_fill_preserve(cr);
                pr_set(cr, col);
                cairo_set_line_width(cr, rs->spaces[s].stop || rs->spaces[s].kind == PL_SPACE_END ? 0.8 : 0.35);
                cairo_stroke(cr);
                /* its number on the path, for "Then:" and the pawns */
                char num[16];
                snprintf(num, sizeof num, "%d", s + 1);
                pr_set(cr, col);
                cairo_arc(cr, x + 4.4, by + 4.6, 2.4, 0, 2 * M_PI);
                cairo_fill(cr);
                double nw = pr_text_width(d, num, 6.2, PR_BOLD);
                pr_text(d, num, x + 4.4 - nw / 2, by + 3.2, -1, 6.2, PR_BOLD, white);
                if (need > avail)
                    fprintf(stderr, pt_tr(lang, "plateau-deck print: space '%s': its words are cut to fit the board\n"),
                            rs->spaces[s].id);
                cairo_save(cr);
                pr_round_rect(cr, x, by, cw, box, 2);
                cairo_clip(cr);
                space_words(d, s, i == n - 1, x + 2.5, by + 2.2, ww, k, 1, ink);
                cairo_restore(cr);
                if (i + 1 < n && rs->spaces[s].n_next >= 1 && rs->spaces[s].next[0] == s + 1)
                    arrow_down(cr, x + cw / 2, by + box + 0.6, by + box + GAP - 0.6, col);
                by += box + GAP;
            }
        }
    }
    d->board_pages = pages;
    return pages;
}
