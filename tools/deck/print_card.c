/* print_card.c -- a printed card (63 x 88 mm): its face in the describer's words, as the screen says it, and its deck's back */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "client/art.h"
#include "client/look.h"
#include "text/text.h"
#include "print.h"

#define PAD 4.0           /* the margin inside the card */
#define BAND_H 23.0       /* the coloured band with the name */
#define FOOT_H 13.0       /* horizon and costs */
#define MAX_ITEMS 48

static pr_rgb_t sdl_rgb(SDL_Color c)
{
    pr_rgb_t r = { c.r / 255.0, c.g / 255.0, c.b / 255.0 };
    return r;
}

static const pr_rgb_t white = { 1, 1, 1 };

static const char *horizon_word(int h, int lang)
{
    switch (h) {
    case PL_HORIZON_SHORT: return pt_tr(lang, "Short term");
    case PL_HORIZON_MEDIUM: return pt_tr(lang, "Medium term");
    case PL_HORIZON_LONG: return pt_tr(lang, "Long term");
    default: return "";
    }
}

/* What the card says below its band, at scale k of the base sizes; draws only when draw is set. Returns the
 * height it takes. */
static double body(pr_doc_t *d, int card, double x, double y, double w, double k, int draw)
{
    const pl_ruleset_t *rs = d->rs;
    const pl_card_t *c = &rs->cards[card];
    int lang = d->lang;
    pr_rgb_t ink = pr_hex(PC_PAPER_INK), muted = pr_mix(ink, white, 0.4), accent = pr_hex(0x9A6A00u);
    double y0 = y;
#define PUT(s, dx, pt, fl, col)                                                                                       \
    (draw ? pr_text(d, (s), x + (dx), y, w - (dx), (pt) * k, (fl), (col)) : pr_text_height(d, (s), w - (dx), (pt) * k, (fl)))
    const char *tag = pl_tag_label(rs, c->tag, lang);
    if (tag)
        y += PUT(tag, 0, 6.8, PR_ITALIC, muted) + 1.0 * k;
    const char *text = pl_text(&c->text, lang);
    if (*text)
        y += PUT(text, 0, 8.2, 0, ink) + 1.8 * k;
    char b[600];
    if (c->requires.count) {
        char cond[400];
        pt_conds(rs, c->requires, lang, cond, sizeof cond);
        snprintf(b, sizeof b, pt_tr(lang, "Needs: %s"), cond);
        y += PUT(b, 0, 6.8, PR_BOLD, accent) + 1.2 * k;
    }
    for (uint32_t i = 0; i < c->priorities.count; i++) {
        const pl_priority_t *p = &rs->priorities[c->priorities.first + i];
        if (p->counter >= rs->n_counters)
            continue;
        char what[200];
        snprintf(what, sizeof what, "%s (\xC3\x97%d)", pl_text(&rs->counters[p->counter].name, lang), p->weight);
        snprintf(b, sizeof b, pt_tr(lang, "Priority of the dossier: %s"), what);
        y += PUT(b, 0, 6.8, PR_BOLD, ink) + 0.8 * k;
    }
    pt_item_t it[MAX_ITEMS];
    int n = pt_effects(rs, c->effects, lang, it, MAX_ITEMS);
    if (n > MAX_ITEMS)
        n = MAX_ITEMS;
    if (n > 0) {
        y += 0.6 * k;
        y += PUT(pt_tr(lang, "Effects"), 0, 6.2, PR_BOLD, muted) + 0.4 * k;
        for (int i = 0; i < n; i++) {
            double dx = it[i].depth * 3.0 * k;
            int icon = it[i].kind == PT_IT_COUNTER || it[i].kind == PT_IT_TABLE || it[i].kind == PT_IT_TOKEN;
            double tx = icon ? dx + 2.6 * k : dx;
            pr_rgb_t col = ink;
            if (icon && it[i].amount < 0)
                col = pr_mix(ink, pr_hex(PC_DANGER), 0.6);
            double h = PUT(it[i].text, tx, 7.0, it[i].kind == PT_IT_HEADER ? PR_BOLD : 0, col);
            if (draw && icon) { /* the counter's colour, ringed for the table's */
                int kind = it[i].kind == PT_IT_COUNTER ? PC_LOOK_COUNTER
                         : it[i].kind == PT_IT_TABLE   ? PC_LOOK_TABLE
                                                       : PC_LOOK_TOKEN;
                double cx = x + dx + 1.1 * k, cy = y + 1.45 * k;
                pr_set(d->cr, sdl_rgb(pc_look_color(rs, kind, it[i].ref)));
                cairo_arc(d->cr, cx, cy, (kind == PC_LOOK_TABLE ? 0.7 : 0.95) * k, 0, 2 * M_PI);
                cairo_fill(d->cr);
                if (kind == PC_LOOK_TABLE) {
                    pr_set(d->cr, muted);
                    cairo_set_line_width(d->cr, 0.22 * k);
                    cairo_arc(d->cr, cx, cy, 1.05 * k, 0, 2 * M_PI);
                    cairo_stroke(d->cr);
                }
            }
            y += h + 0.3 * k;
        }
    }
#undef PUT
    return y - y0;
}

int pr_card_face(pr_doc_t *d, int card, double x, double y)
{
    const pl_ruleset_t *rs = d->rs;
    const pl_card_t *c = &rs->cards[card];
    cairo_t *cr = d->cr;
    int lang = d->lang;
    pr_rgb_t band = sdl_rgb(pc_card_band_color(rs, card)), ink = pr_hex(PC_PAPER_INK);
    cairo_save(cr);
    cairo_rectangle(cr, x, y, PR_CARD_W, PR_CARD_H);
    cairo_clip(cr);
    pr_set(cr, pr_hex(0xFFFFFFu));
    cairo_paint(cr);
    pr_set(cr, band);
    cairo_rectangle(cr, x, y, PR_CARD_W, BAND_H);
    cairo_fill(cr);
    /* phase or deck, small, and the impact dots */
    const char *top = c->phase >= 0 && c->phase < rs->n_phases ? pl_text(&rs->phases[c->phase].name, lang)
                                                                 : pl_text(&rs->decks[c->deck].name, lang);
    pr_text(d, top, x + PAD, y + 2.6, c->impact ? PR_CARD_W - 2 * PAD - 12 : PR_CARD_W - 2 * PAD, 6.3, 0,
            pr_mix(band, white, 0.85));
    for (int i = 0; i < 3 && c->impact; i++) {
        double cx = x + PR_CARD_W - PAD - 1.2 - 3.4 * (2 - i), cy = y + 4.6;
        pr_set(cr, white);
        cairo_arc(cr, cx, cy, 1.2, 0, 2 * M_PI);
        if (i < c->impact) {
            cairo_fill(cr);
        } else {
            cairo_set_line_width(cr, 0.35);
            cairo_stroke(cr);
        }
    }
    /* the name: as large as the band lets it be */
    const char *name = pl_text(&c->name, lang);
    double ns = 11.0, nw = PR_CARD_W - 2 * PAD, room = BAND_H - 9.2 - 1.5;
    while (ns > 7.0 && pr_text_height(d, name, nw, ns, PR_BOLD) > room)
        ns -= 0.25;
    pr_text(d, name, x + PAD, y + 9.2, nw, ns, PR_BOLD, white);
    /* what it says and does, smaller when there is much of it */
    double bx = x + PAD, by = y + BAND_H + 2.6, bw = PR_CARD_W - 2 * PAD, bh = PR_CARD_H - BAND_H - 2.6 - FOOT_H - 1;
    double k = 1.0;
    while (k > 0.62 && body(d, card, bx, by, bw, k, 0) > bh)
        k -= 0.02;
    int cut = body(d, card, bx, by, bw, k, 0) > bh;
    cairo_save(cr);
    cairo_rectangle(cr, bx - 1, by - 1, bw + 2, bh + 1);
    cairo_clip(cr);
    body(d, card, bx, by, bw, k, 1);
    cairo_restore(cr);
    /* footer: the horizon and what playing it costs */
    double fy = y + PR_CARD_H - FOOT_H;
    pr_set(cr, pr_mix(ink, white, 0.75));
    cairo_rectangle(cr, x + PAD, fy, PR_CARD_W - 2 * PAD, 0.25);
    cairo_fill(cr);
    if (c->horizon) {
        for (int i = 0; i < 3; i++) {
            pr_set(cr, i < c->horizon ? band : pr_mix(ink, white, 0.8));
            pr_round_rect(cr, x + PAD + 4.2 * i, fy + 2.2, 3.6, 2.2, 0.7);
            cairo_fill(cr);
        }
        pr_text(d, horizon_word(c->horizon, lang), x + PAD + 13.6, fy + 1.55, 30, 6.8, 0, pr_mix(ink, white, 0.25));
    }
    char cost[160];
    pc_card_cost_line(rs, card, lang, cost, sizeof cost);
    if (cost[0]) {
        char line[220];
        snprintf(line, sizeof line, pt_tr(lang, "Cost: %s"), cost);
        pr_text(d, line, x + PAD, fy + 6.3, PR_CARD_W - 2 * PAD - 12, 7.2, PR_BOLD, pr_hex(0xB23A48u));
    }
    /* the card's id, small, bottom right: to sort the cards back into their decks */
    double iw = pr_text_width(d, c->id, 4.6, 0);
    pr_text(d, c->id, x + PR_CARD_W - PAD - iw, fy + 8.2, -1, 4.6, 0, pr_mix(ink, white, 0.55));
    cairo_restore(cr);
    return cut;
}

void pr_card_back(pr_doc_t *d, int deck, double x, double y)
{
    const pl_ruleset_t *rs = d->rs;
    const pl_deck_t *dk = &rs->decks[deck];
    cairo_t *cr = d->cr;
    pr_rgb_t base = sdl_rgb(pc_card_kind_color(dk->kind));
    cairo_save(cr);
    cairo_rectangle(cr, x, y, PR_CARD_W, PR_CARD_H);
    cairo_clip(cr);
    pr_set(cr, base);
    cairo_paint(cr);
    /* rings round the middle, and a frame inside the cut */
    double cx = x + PR_CARD_W / 2, cy = y + PR_CARD_H / 2;
    for (int i = 0; i < 7; i++) {
        pr_set(cr, pr_mix(base, white, 0.06 + 0.03 * i));
        cairo_arc(cr, cx, cy, 40 - i * 5.0, 0, 2 * M_PI);
        cairo_fill(cr);
    }
    pr_set(cr, pr_mix(base, white, 0.55));
    cairo_set_line_width(cr, 0.5);
    pr_round_rect(cr, x + 3.5, y + 3.5, PR_CARD_W - 7, PR_CARD_H - 7, 3);
    cairo_stroke(cr);
    const char *name = pl_text(&dk->name, d->lang);
    double ns = 17;
    while (ns > 9 && (pr_text_height(d, name, PR_CARD_W - 14, ns, PR_BOLD | PR_CENTER) > 26 ||
                      pr_text_width(d, name, ns, PR_BOLD) > (PR_CARD_W - 14) * 3))
        ns -= 0.5;
    double nh = pr_text_height(d, name, PR_CARD_W - 14, ns, PR_BOLD | PR_CENTER);
    pr_text(d, name, x + 7, cy - nh / 2 - 3, PR_CARD_W - 14, ns, PR_BOLD | PR_CENTER, white);
    const char *title = pl_text(&rs->title, d->lang);
    pr_text(d, title, x + 7, cy + nh / 2 + 1, PR_CARD_W - 14, 7.5, PR_CENTER, pr_mix(base, white, 0.8));
    cairo_restore(cr);
}
