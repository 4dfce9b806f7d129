/* art_card.c -- card faces: phase band, name, impact dots, horizon mark, wrapped text, costs */
#include <stdio.h>
#include <string.h>
#include "client/art.h"
#include "client/i18n.h"
#include "text/text.h"

float pc_card_name_size(float w) { return w * 0.085f; }
float pc_card_text_size(float w) { return w * 0.080f; }
float pc_card_text_min(float w) { return w * 0.062f; }
float pc_card_name_min(float w) { return pc_card_name_size(w) * 0.75f; }

void pc_card_cost_box(float w, float *size, float *max_w)
{
    *size = w * 0.058f;
    *max_w = w * 0.84f;
}

void pc_card_name_box(float w, float *nx, float *ny, float *nw, float *nh)
{
    *nx = w * 0.07f;
    *ny = w * 0.13f;
    *nw = w * 0.86f;
    *nh = w * 0.26f;
}

void pc_card_text_box(float w, float *tx, float *ty, float *tw, float *th)
{
    *tx = w * 0.08f;
    *ty = w * 0.46f;
    *tw = w * 0.84f;
    *th = w * PC_CARD_RATIO - w * 0.46f - w * 0.22f;
}

static SDL_Color kind_color(int kind)
{
    switch (kind) {
    case PL_CARD_EVENT: return pc_rgb(0xC0504Du);
    case PL_CARD_VOTE: return pc_rgb(0x6C5BA8u);
    case PL_CARD_PROMPT: return pc_rgb(0x2F8F9Du);
    case PL_CARD_PROPOSAL: return pc_rgb(0x8A6D3Bu);
    case PL_CARD_SETUP: return pc_rgb(0x52606Du);
    default: return pc_rgb(0x3B7A57u);
    }
}

static const char *horizon_label(int h)
{
    switch (h) {
    case PL_HORIZON_SHORT: return _("Short term");
    case PL_HORIZON_MEDIUM: return _("Medium term");
    case PL_HORIZON_LONG: return _("Long term");
    default: return "";
    }
}

SDL_Color pc_card_band_color(const pl_ruleset_t *rs, int card)
{
    const pl_card_t *c = &rs->cards[card];
    return c->phase >= 0 && c->phase < rs->n_phases ? pc_phase_color(c->phase, rs->n_phases) : kind_color(c->kind);
}

SDL_Color pc_card_kind_color(int kind)
{
    return kind_color(kind);
}

void pc_card_cost_line(const pl_ruleset_t *rs, int card, int lang, char *out, size_t len)
{
    pt_item_t it[8];
    int n = pt_costs(rs, card, lang, it, 8);
    size_t used = 0;
    out[0] = 0;
    for (int i = 0; i < n && i < 8 && used + 1 < len; i++) {
        int w = snprintf(out + used, len - used, "%s%s", i ? " \xC2\xB7 " : "", it[i].text);
        if (w < 0)
            break;
        used += (size_t)w < len - used ? (size_t)w : len - used - 1;
    }
}

void pc_draw_card(pc_gfx_t *g, const pl_ruleset_t *rs, int card, int lang, float x, float y,
                  float w, int dim, int selected)
{
    if (card < 0 || (uint32_t)card >= rs->n_cards) return;
    const pl_card_t *c = &rs->cards[card];
    float h = w * PC_CARD_RATIO, r = w * 0.06f;
    SDL_Color band = pc_card_band_color(rs, card);
    SDL_Color paper = pc_rgb(PC_PAPER), ink = pc_rgb(PC_PAPER_INK);
    if (selected) pc_round(g, x - w * 0.035f, y - w * 0.035f, w * 1.07f, h + w * 0.07f, r * 1.4f, pc_rgb(PC_ACCENT));
    pc_round(g, x + w * 0.02f, y + w * 0.03f, w, h, r, pc_alpha(pc_rgb(0x000000u), 80));
    pc_round(g, x, y, w, h, r, paper);
    /* band with the phase colour */
    pc_round(g, x, y, w, w * 0.42f, r, band);
    pc_fill(g, x, y + w * 0.36f, w, w * 0.06f, band);
    /* phase or kind, small, top left */
    const char *top = c->phase >= 0 && c->phase < rs->n_phases ? pl_text(&rs->phases[c->phase].name, lang)
                                                                 : pl_text(&rs->decks[c->deck].name, lang);
    pc_text_clip(g, x + w * 0.07f, y + w * 0.035f, w * 0.058f, pc_alpha(pc_rgb(0xFFFFFFu), 220), 0, top,
                 c->impact ? w * 0.58f : w * 0.86f);
    /* impact dots, top right */
    for (int i = 0; i < 3 && c->impact; i++) {
        float cx = x + w * (0.88f - 0.075f * (2 - i)), cy = y + w * 0.075f;
        if (i < c->impact) pc_circle(g, cx, cy, w * 0.028f, pc_rgb(0xFFFFFFu));
        else pc_ring(g, cx, cy, w * 0.028f, w * 0.009f, pc_alpha(pc_rgb(0xFFFFFFu), 170));
    }
    /* name */
    float nx, ny, nw, nh;
    pc_card_name_box(w, &nx, &ny, &nw, &nh);
    const char *name = pl_text(&c->name, lang);
    float ns = pc_text_fit(g, name, pc_card_name_size(w), pc_card_name_min(w), 1, nw, nh);
    if (ns <= 0) ns = pc_card_name_min(w);
    pc_text_box(g, x + nx, y + ny, nw, ns, pc_rgb(0xFFFFFFu), PC_T_BOLD, name);
    /* body */
    float tx, ty, tw, th;
    pc_card_text_box(w, &tx, &ty, &tw, &th);
    const char *text = pl_text(&c->text, lang);
    float ts = pc_text_fit(g, text, pc_card_text_size(w), pc_card_text_min(w), 0, tw, th);
    if (ts <= 0) ts = pc_card_text_min(w);
    float used = pc_text_box(g, x + tx, y + ty, tw, ts, ink, 0, text);
    /* what it does, at a glance, where the text leaves room */
    float chip = w * 0.062f, row = chip * 1.6f;
    if (used + row <= th + 0.5f)
        pc_effect_chips(g, rs, c->effects, lang, x + tx, y + ty + th - row / 2, chip, tw, ink, 0);
    /* footer: horizon bar and costs */
    float fy = y + h - w * 0.17f;
    pc_fill(g, x + w * 0.08f, fy - w * 0.03f, w * 0.84f, w * 0.006f, pc_alpha(ink, 60));
    if (c->horizon) {
        for (int i = 0; i < 3; i++) {
            SDL_Color seg = i < c->horizon ? band : pc_alpha(ink, 40);
            pc_round(g, x + w * (0.08f + 0.075f * i), fy + w * 0.02f, w * 0.065f, w * 0.04f, w * 0.015f, seg);
        }
        pc_text(g, x + w * 0.33f, fy + w * 0.04f, w * 0.055f, pc_alpha(ink, 200), PC_T_MIDDLE, horizon_label(c->horizon));
    }
    char cost[160] = "";
    float cs, cw;
    pc_card_cost_line(rs, card, lang, cost, sizeof cost);
    pc_card_cost_box(w, &cs, &cw);
    if (cost[0]) pc_text_clip(g, x + w * 0.08f, fy + w * 0.115f, cs, pc_rgb(0xB23A48u), PC_T_MIDDLE | PC_T_BOLD, cost, cw);
    if (dim) pc_round(g, x, y, w, h, r, pc_alpha(pc_rgb(PC_BG), 120));
}
