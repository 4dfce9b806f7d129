/* screen_end.c -- the end of the game: ranking, each team's lens profile, the mire of the table */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/table_util.h"

void pc_screen_end(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_game_t *gm = a->game;
    if (!gm) {
        pc_screen_home(a);
        return;
    }
    const pl_ruleset_t *rs = gm->rs;
    const pl_state_t *st = &gm->st;
    pc_text(g, 640, 46, 30, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("End of the game"));
    pc_text(g, 640, 80, 14, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, pl_text(&rs->title, a->lang));
    /* ranking */
    int order[PL_MAX_SEATS];
    for (int i = 0; i < gm->n_seats; i++) order[i] = i;
    for (int i = 1; i < gm->n_seats; i++)
        for (int j = i; j > 0 && st->score[order[j]] > st->score[order[j - 1]]; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    float x = 40, y = 110, w = 720;
    float rh = 520.0f / (gm->n_seats > 4 ? gm->n_seats : 4);
    int lo = 0, hi = 1;
    for (int s = 0; s < gm->n_seats; s++)
        for (int k = 0; k < gm->n_lens; k++) {
            int c = gm->lens[k];
            if (rs->counters[c].min < lo) lo = rs->counters[c].min;
            if (st->seat[s].counter[c] > hi) hi = st->seat[s].counter[c];
        }
    for (int r = 0; r < gm->n_seats; r++) {
        int s = order[r];
        float ry = y + r * rh;
        int win = (st->winners >> s) & 1;
        pc_round(g, x, ry, w, rh - 10, 14, win ? pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_ACCENT), 0.25f) : pc_rgb(PC_PANEL));
        pc_round(g, x, ry, 8, rh - 10, 4, pc_team_color(s));
        char b[64], team[64];
        snprintf(b, sizeof b, "%d", r + 1);
        pc_text(g, x + 36, ry + (rh - 10) / 2, 30, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
        pc_team_name(a, s, 1, team, sizeof team);
        pc_text(g, x + 66, ry + 26, 17, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, team);
        if (win) pc_text(g, x + 66, ry + 52, 13, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE, _("Winner"));
        snprintf(b, sizeof b, _("%d points"), (int)st->score[s]);
        pc_text(g, x + 300, ry + (rh - 10) / 2, 22, pc_rgb(PC_INK), PC_T_BOLD | PC_T_RIGHT | PC_T_MIDDLE, b);
        /* lens profile: one bar per lens */
        float bx = x + 330, bh = rh - 40, bw = 70;
        for (int k = 0; k < gm->n_lens; k++) {
            int c = gm->lens[k];
            float t = (float)(st->seat[s].counter[c] - lo) / (float)(hi - lo);
            if (t < 0) t = 0;
            float px = bx + k * (bw + 18);
            pc_draw_lens_icon(g, k, px + 10, ry + (rh - 10) / 2, 10);
            pc_draw_gauge(g, px + 24, ry + (rh - 10) / 2 - 5, bw - 10, 10, st->seat[s].counter[c], lo, hi, pc_lens_color(k));
            snprintf(b, sizeof b, "%d", (int)st->seat[s].counter[c]);
            pc_text(g, px + 24 + (bw - 10) / 2, ry + (rh - 10) / 2 + 16, 11, pc_rgb(PC_INK), PC_T_CENTER | PC_T_MIDDLE | PC_T_BOLD, b);
            (void)bh;
        }
    }
    /* lens legend and the mire */
    pc_ui_panel(a, 790, 110, 450, 420, _("The mire of the table"));
    pc_draw_mire(g, gm, st, a->lang, 810, 145, 410, 330, -1);
    for (int k = 0; k < gm->n_lens; k++) {
        float lx = 810 + (k % 2) * 210, ly = 490 + (k / 2) * 22;
        pc_draw_lens_icon(g, k, lx + 8, ly, 8);
        pc_text(g, lx + 22, ly, 11, pc_rgb(PC_INK), PC_T_MIDDLE, pl_text(&rs->counters[gm->lens[k]].name, a->lang));
    }
    pc_ui_button(a, 790, 560, 220, 50, _("Play again"), PC_ACT_NEW_GAME, 0, 0, 1);
    pc_ui_button(a, 1020, 560, 220, 50, _("Menu"), PC_ACT_HOME, 0, 1, 1);
}
