/* screen_end.c -- the end of the game: ranking, each team's score rule by rule and its lens profile, the mire */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/look.h"
#include "client/table_util.h"

/* "Environnement 12 · Équilibre +14 · Écart −6 ...": every scoring rule of a seat */
static void breakdown(const pc_app_t *a, int seat, char *buf, size_t len)
{
    const pc_session_t *s = a->session;
    const pl_ruleset_t *rs = s->rs;
    size_t used = 0;
    buf[0] = 0;
    for (uint32_t r = 0; r < rs->n_scoring && used + 1 < len; r++) {
        int pts = (int)pl_score_rule(rs, &s->st, seat, r);
        char num[24];
        if (pts < 0)
            snprintf(num, sizeof num, "\xE2\x88\x92%d", -pts);
        else
            snprintf(num, sizeof num, "%s%d", rs->scoring[r].kind == PL_SCORE_COUNTER ? "" : "+", pts);
        int w = snprintf(buf + used, len - used, "%s%s %s", r ? "  \xC2\xB7  " : "", pl_text(&rs->scoring[r].name, a->lang), num);
        if (w < 0)
            break;
        used += (size_t)w < len - used ? (size_t)w : len - used - 1;
    }
}

void pc_screen_end(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_session_t *s = a->session;
    if (!s) {
        pc_screen_home(a);
        return;
    }
    const pl_ruleset_t *rs = s->rs;
    const pl_state_t *st = &s->st;
    pc_text(g, 640, 40, 28, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("End of the game"));
    pc_text(g, 640, 72, 14, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, pl_text(&rs->title, a->lang));
    int order[PL_MAX_SEATS];
    for (int i = 0; i < st->n_seats; i++)
        order[i] = i;
    for (int i = 1; i < st->n_seats; i++)
        for (int j = i; j > 0 && st->score[order[j]] > st->score[order[j - 1]]; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    int lens[PL_MAX_COUNTERS];
    int nl = pc_look_counters(rs, PL_ROLE_LENS, lens, PL_MAX_COUNTERS);
    float x = 30, y = 96, w = 760;
    float rh = 540.0f / (st->n_seats > 4 ? st->n_seats : 4);
    int lo = 0, hi = 1;
    for (int t = 0; t < st->n_seats; t++)
        for (int k = 0; k < nl; k++) {
            int c = lens[k];
            if (rs->counters[c].min < lo)
                lo = rs->counters[c].min;
            if (st->seat[t].counter[c] > hi)
                hi = st->seat[t].counter[c];
        }
    for (int r = 0; r < st->n_seats; r++) {
        int t = order[r];
        float ry = y + r * rh, bh = rh - 8;
        int win = (st->winners >> t) & 1;
        pc_round(g, x, ry, w, bh, 14, win ? pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_ACCENT), 0.25f) : pc_rgb(PC_PANEL));
        pc_round(g, x, ry, 8, bh, 4, pc_team_color(t));
        char b[96], team[80], rules[1024];
        snprintf(b, sizeof b, "%d", r + 1);
        pc_text(g, x + 34, ry + 28, 26, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
        pc_team_name(a, t, 1, team, sizeof team);
        pc_text_clip(g, x + 62, ry + 20, 16, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, team, 200);
        if (win)
            pc_text(g, x + 62, ry + 40, 12, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE, _("Winner"));
        snprintf(b, sizeof b, _("%d points"), (int)st->score[t]);
        pc_text(g, x + 340, ry + 28, 20, pc_rgb(PC_INK), PC_T_BOLD | PC_T_RIGHT | PC_T_MIDDLE, b);
        float bx = x + 356, bw = (w - 370) / (nl ? nl : 1);
        for (int k = 0; k < nl; k++) {
            int c = lens[k];
            float px = bx + k * bw;
            pc_look_icon(g, rs, PC_LOOK_COUNTER, c, px + 10, ry + 22, 9);
            pc_draw_gauge(g, px + 24, ry + 17, bw - 56, 10, st->seat[t].counter[c], lo, hi, pc_look_color(rs, PC_LOOK_COUNTER, c));
            snprintf(b, sizeof b, "%d", (int)st->seat[t].counter[c]);
            pc_text(g, px + bw - 8, ry + 22, 11, pc_rgb(PC_INK), PC_T_RIGHT | PC_T_MIDDLE | PC_T_BOLD, b);
        }
        breakdown(a, t, rules, sizeof rules);
        if (bh > 56)
            pc_text_box(g, x + 62, ry + 48, w - 80, 10.5f, pc_rgb(PC_MUTED), 0, rules);
    }
    pc_ui_panel(&a->ui, 810, 96, 440, 420, _("The mire of the table"));
    pc_draw_mire(g, rs, st, a->lang, 826, 128, 408, 320, -1);
    for (int k = 0; k < nl && k < 6; k++) {
        float lx = 826 + (k % 2) * 204, ly = 470 + (k / 2) * 20;
        pc_look_icon(g, rs, PC_LOOK_COUNTER, lens[k], lx + 8, ly, 8);
        pc_text_clip(g, lx + 22, ly, 11, pc_rgb(PC_INK), PC_T_MIDDLE, pl_text(&rs->counters[lens[k]].name, a->lang), 176);
    }
    pc_ui_button(&a->ui, 810, 530, 440, 44, _("Debrief: curves, mire, votes, turning points"), PC_ACT_DEBRIEF, 0, 0, 1);
    pc_ui_button(&a->ui, 810, 584, 215, 40, s->kind == PC_SESSION_REMOTE ? _("Back to the lobby") : _("Play again"),
                 PC_ACT_NEW_GAME, 0, 1, 1);
    pc_ui_button(&a->ui, 1035, 584, 215, 40, _("Menu"), PC_ACT_HOME, 0, 1, 1);
    if (a->scr.flash[0])
        pc_text_clip(g, 810, 644, 12, pc_rgb(PC_MUTED), PC_T_MIDDLE, a->scr.flash, 440);
}
