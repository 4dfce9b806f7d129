/* art_board.c -- the board (phases as coloured lanes of spaces, pawns) and the mire chart */
#include <stdio.h>
#include <string.h>
#include "client/art.h"
#include "client/i18n.h"

typedef struct {
    float x, y, w, h;
} box_t;

/* where each space sits: phases are columns, their spaces stacked top to bottom */
static void space_boxes(const pl_ruleset_t *rs, float x, float y, float w, float h, box_t *out,
                        float *col_w, float *head_h)
{
    int np = rs->n_phases ? rs->n_phases : 1;
    float cw = w / np;
    float hh = h * 0.2f;
    *col_w = cw;
    *head_h = hh;
    int count[PL_MAX_PHASES] = {0}, idx[PL_MAX_SPACES];
    for (int s = 0; s < rs->n_spaces; s++) {
        int p = rs->spaces[s].phase < PL_MAX_PHASES ? rs->spaces[s].phase : 0;
        idx[s] = count[p]++;
    }
    for (int s = 0; s < rs->n_spaces; s++) {
        int p = rs->spaces[s].phase < PL_MAX_PHASES ? rs->spaces[s].phase : 0;
        int n = count[p] ? count[p] : 1;
        float avail = h - hh - 8;
        float sh = avail / n;
        if (sh > 46) sh = 46;
        float top = y + hh + 4 + (avail - sh * n) / 2;
        out[s].x = x + p * cw + cw * 0.12f;
        out[s].w = cw * 0.76f;
        out[s].y = top + idx[s] * sh + sh * 0.1f;
        out[s].h = sh * 0.8f;
    }
}

void pc_board_space_box(const pl_ruleset_t *rs, float x, float y, float w, float h, int s, float *bx,
                        float *by, float *bw, float *bh)
{
    static box_t b[PL_MAX_SPACES];
    float cw, hh;
    space_boxes(rs, x, y, w, h, b, &cw, &hh);
    *bx = b[s].x;
    *by = b[s].y;
    *bw = b[s].w;
    *bh = b[s].h;
}

void pc_draw_board(pc_gfx_t *g, const pl_ruleset_t *rs, const pl_state_t *st, int lang, float x,
                   float y, float w, float h)
{
    static box_t b[PL_MAX_SPACES];
    float cw, hh;
    space_boxes(rs, x, y, w, h, b, &cw, &hh);
    int cur_phase = pl_seat_phase(rs, st, st->current);
    /* lanes */
    for (int p = 0; p < rs->n_phases; p++) {
        SDL_Color pc = pc_phase_color(p, rs->n_phases);
        float lx = x + p * cw + 2;
        pc_round(g, lx, y, cw - 4, h, 10, pc_alpha(pc, p == cur_phase ? 70 : 38));
        pc_round(g, lx, y, cw - 4, hh, 10, pc);
        pc_fill(g, lx, y + hh - 10, cw - 4, 10, pc);
        const char *name = pl_text(&rs->phases[p].name, lang);
        float fs = pc_text_fit(g, name, 11, 7.5f, 1, cw - 12, hh - 8);
        if (fs <= 0) fs = 7.5f;
        float th = pc_text_lines(g, name, fs, 1, cw - 12, NULL) * pc_line_height(g, fs, 1);
        pc_text_box(g, lx + 4, y + (hh - th) / 2, cw - 12, fs, pc_rgb(0xFFFFFFu), PC_T_BOLD | PC_T_CENTER, name);
    }
    /* paths between spaces */
    for (int s = 0; s < rs->n_spaces; s++) {
        for (int k = 0; k < rs->spaces[s].n_next; k++) {
            int n = rs->spaces[s].next[k];
            if (n >= rs->n_spaces) continue;
            pc_line(g, b[s].x + b[s].w / 2, b[s].y + b[s].h / 2, b[n].x + b[n].w / 2, b[n].y + b[n].h / 2,
                    rs->spaces[s].n_next > 1 ? 3.0f : 2.0f, pc_alpha(pc_rgb(PC_INK), 70));
        }
    }
    /* spaces */
    for (int s = 0; s < rs->n_spaces; s++) {
        const pl_space_t *sp = &rs->spaces[s];
        SDL_Color pc = pc_phase_color(sp->phase, rs->n_phases);
        float r = b[s].h * 0.22f;
        if (r > 8) r = 8;
        pc_round(g, b[s].x, b[s].y, b[s].w, b[s].h, r, pc_mix(pc_rgb(PC_PAPER), pc, 0.18f));
        if (sp->stop || sp->kind == PL_SPACE_MILESTONE || sp->kind == PL_SPACE_END)
            pc_frame(g, b[s].x, b[s].y, b[s].w, b[s].h, r, 2, pc);
        float ir = b[s].h * 0.3f;
        if (ir > 9) ir = 9;
        pc_draw_space_icon(g, sp->kind, b[s].x + ir + 5, b[s].y + b[s].h / 2, ir, pc_mix(pc, pc_rgb(0x000000u), 0.25f));
    }
    /* pawns: side by side on their space */
    for (int s = 0; s < rs->n_spaces; s++) {
        int here[PL_MAX_SEATS], n = 0;
        for (int t = 0; t < st->n_seats; t++)
            if (st->seat[t].pos == s) here[n++] = t;
        if (!n) continue;
        float pr = b[s].h * 0.28f;
        if (pr > 9) pr = 9;
        if (pr < 4) pr = 4;
        float step = (b[s].w - 2 * (b[s].h * 0.3f + 10)) / (n > 1 ? n : 1);
        if (step > pr * 2.2f) step = pr * 2.2f;
        float px0 = b[s].x + b[s].w - pr - 4 - step * (n - 1);
        for (int i = 0; i < n; i++)
            pc_draw_pawn(g, px0 + step * i, b[s].y + b[s].h / 2, pr, pc_team_color(here[i]),
                         here[i] == st->current && st->wait != PL_WAIT_OVER);
    }
}

void pc_draw_mire(pc_gfx_t *g, const pl_ruleset_t *rs, const pl_state_t *st, int lang, float x,
                  float y, float w, float h, int only_seat)
{
    float lw = 18, bh = 16; /* axis label room */
    float gx = x + lw, gy = y, gw = w - lw, gh = h - bh;
    float cw = gw / 3, ch = gh / 3;
    /* cells: the longer and stronger, the warmer */
    for (int hz = 0; hz < 3; hz++)
        for (int im = 0; im < 3; im++) {
            float t = (float)(hz + im) / 4.0f;
            SDL_Color c = pc_mix(pc_rgb(0x2B4A5Eu), pc_rgb(0x3F7A5Au), t);
            pc_round(g, gx + hz * cw + 1, gy + (2 - im) * ch + 1, cw - 2, ch - 2, 5, c);
        }
    static const char *hz_short[3] = {N_("short"), N_("medium"), N_("long")};
    for (int hz = 0; hz < 3; hz++)
        pc_text(g, gx + hz * cw + cw / 2, gy + gh + 2, 9, pc_rgb(PC_MUTED), PC_T_CENTER, _(hz_short[hz]));
    for (int im = 0; im < 3; im++) {
        char b[24];
        snprintf(b, sizeof b, "%d", im + 1);
        pc_text(g, x + lw / 2, gy + (2 - im) * ch + ch / 2, 10, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE | PC_T_BOLD, b);
    }
    (void)lang;
    /* dots */
    int fill[3][3] = {{0}};
    float dr = ch * 0.09f;
    if (dr > 5) dr = 5;
    if (dr < 2) dr = 2;
    int per_row = (int)((cw - 6) / (dr * 2.4f));
    if (per_row < 1) per_row = 1;
    for (int i = 0; i < st->n_played && i < PL_MAX_PLAYED; i++) {
        const pl_played_t *p = &st->played_log[i];
        if (p->card >= rs->n_cards) continue;
        if (only_seat >= 0 && p->seat != only_seat) continue;
        const pl_card_t *c = &rs->cards[p->card];
        if (c->impact < 1 || c->impact > 3 || c->horizon < 1 || c->horizon > 3) continue;
        int hz = c->horizon - 1, im = c->impact - 1;
        int k = fill[hz][im]++;
        int max_dots = per_row * (int)((ch - 6) / (dr * 2.4f));
        if (k >= max_dots) continue;
        float dx = gx + hz * cw + 4 + dr * 1.2f + (k % per_row) * dr * 2.4f;
        float dy = gy + (2 - im) * ch + 4 + dr * 1.2f + (k / per_row) * dr * 2.4f;
        pc_circle(g, dx, dy, dr, pc_rgb(0xFFFFFFu));
        pc_circle(g, dx, dy, dr * 0.75f, pc_team_color(p->seat));
    }
}
