/* screen_debrief.c -- the debrief on screen: a table's lens curves, mire with card names, votes and fictions, score
 * rule by rule and turning points; for the day, the tables side by side and the collective opinion */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/look.h"

static float top_y = 112; /* the pages start below the title, the table chips and the tabs (set each frame) */
#define TOP top_y
#define BOTTOM 660.0f  /* and end above the buttons */

enum { PG_LENSES = 0, PG_MIRE, PG_VOTES, PG_SCORE, PG_TURNS, PG__TABLE };
enum { PG_TABLES = 0, PG_OPINION, PG__DAY };

static void signed_num(int v, char *b, size_t len)
{
    if (v < 0)
        snprintf(b, len, "\xE2\x88\x92%d", -v);
    else
        snprintf(b, len, "%d", v);
}

static void team(const pc_app_t *a, const pd_table_t *t, int seat, char *b, size_t len)
{
    pd_team(t, seat, a->lang, b, len);
}

static const char *table_title(const pc_app_t *a, const pd_table_t *t, char *b, size_t len)
{
    if (t->id)
        snprintf(b, len, _("Table %u"), t->id);
    else
        snprintf(b, len, "%s", _("The game played on this screen"));
    return b;
}

/* ---- one table ------------------------------------------------------------------------------ */

/* one lens: a line per team over the rounds */
static void lens_chart(pc_app_t *a, const pd_table_t *t, int counter, float x, float y, float w, float h)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = t->rs;
    pc_round(g, x, y, w, h, 10, pc_rgb(PC_PANEL));
    pc_look_icon(g, rs, PC_LOOK_COUNTER, counter, x + 18, y + 18, 9);
    pc_text_clip(g, x + 34, y + 18, 13, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, pl_text(&rs->counters[counter].name, a->lang),
                 w - 50);
    int lo = 0, hi = 1;
    for (uint32_t r = 0; r < t->n_rounds; r++)
        for (int s = 0; s < t->n_seats; s++) {
            int v = t->rounds[r].seat[s].counter[counter];
            if (v < lo)
                lo = v;
            if (v > hi)
                hi = v;
        }
    float gx = x + 40, gy = y + 36, gw = w - 110, gh = h - 60;
    /* the value axis: its ends and zero */
    char b[32];
    for (int k = 0; k < 2; k++) {
        int v = k ? lo : hi;
        float py = gy + gh * (float)(hi - v) / (float)(hi - lo);
        signed_num(v, b, sizeof b);
        pc_text(g, gx - 6, py, 10, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, b);
        pc_line(g, gx, py, gx + gw, py, 1, pc_alpha(pc_rgb(PC_MUTED), 70));
    }
    if (lo < 0) {
        float zy = gy + gh * (float)hi / (float)(hi - lo);
        pc_line(g, gx, zy, gx + gw, zy, 1.5f, pc_alpha(pc_rgb(PC_INK), 120));
        pc_text(g, gx - 6, zy, 10, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, "0");
    }
    pc_text(g, x + w - 12, gy + gh + 8, 9.5f, pc_rgb(PC_MUTED), PC_T_RIGHT, _("rounds"));
    int rounds = t->n_rounds > 1 ? (int)t->n_rounds - 1 : 1;
    int step = rounds > 12 ? (rounds + 5) / 6 : rounds > 6 ? 2 : 1;
    for (int r = 0; r <= rounds; r += step) {
        snprintf(b, sizeof b, "%d", r);
        pc_text(g, gx + gw * (float)r / (float)rounds, gy + gh + 4, 9.5f, pc_rgb(PC_MUTED), PC_T_CENTER, b);
    }
    /* the lines, and where each team ended */
    float last_y[PL_MAX_SEATS];
    for (int s = 0; s < t->n_seats; s++) {
        SDL_Color c = pc_team_color(s);
        float px = gx, py = gy + gh * (float)(hi - t->rounds[0].seat[s].counter[counter]) / (float)(hi - lo);
        for (uint32_t r = 1; r < t->n_rounds; r++) {
            float nx = gx + gw * (float)r / (float)rounds;
            float ny = gy + gh * (float)(hi - t->rounds[r].seat[s].counter[counter]) / (float)(hi - lo);
            pc_line(g, px, py, nx, ny, 3, c);
            px = nx;
            py = ny;
        }
        pc_circle(g, px, py, 4.5f, c);
        last_y[s] = py;
    }
    /* the end values beside the lines, pushed apart so that none hides another */
    int order[PL_MAX_SEATS];
    for (int s = 0; s < t->n_seats; s++)
        order[s] = s;
    for (int i = 1; i < t->n_seats; i++)
        for (int j = i; j > 0 && last_y[order[j]] < last_y[order[j - 1]]; j--) {
            int k = order[j];
            order[j] = order[j - 1];
            order[j - 1] = k;
        }
    float prev = -1e9f;
    for (int i = 0; i < t->n_seats; i++) {
        int s = order[i];
        float ly = last_y[s] < prev + 12 ? prev + 12 : last_y[s];
        prev = ly;
        signed_num(t->rounds[t->n_rounds - 1].seat[s].counter[counter], b, sizeof b);
        pc_text(g, gx + gw + 10, ly, 11, pc_team_color(s), PC_T_BOLD | PC_T_MIDDLE, b);
    }
}

static void legend(pc_app_t *a, const pd_table_t *t, float x, float y, float w)
{
    pc_gfx_t *g = &a->gfx;
    float cw = w / (float)(t->n_seats > 0 ? t->n_seats : 1);
    for (int s = 0; s < t->n_seats; s++) {
        char b[96];
        team(a, t, s, b, sizeof b);
        pc_round(g, x + s * cw, y - 5, 18, 10, 4, pc_team_color(s));
        pc_text_clip(g, x + s * cw + 24, y, 12, pc_rgb(PC_INK), PC_T_MIDDLE, b, cw - 30);
    }
}

static void page_lenses(pc_app_t *a, const pd_table_t *t)
{
    legend(a, t, 40, TOP + 10, 1200);
    int n = t->n_lenses;
    int cols = n > 4 ? 3 : 2, rows = (n + cols - 1) / cols;
    if (rows < 1)
        rows = 1;
    float w = (1200.0f - (cols - 1) * 16) / cols, h = (BOTTOM - TOP - 30 - (rows - 1) * 14) / rows;
    for (int k = 0; k < n; k++)
        lens_chart(a, t, t->lens[k], 40 + (k % cols) * (w + 16), TOP + 28 + (k / cols) * (h + 14), w, h);
    if (!n)
        pc_text(&a->gfx, 640, 360, 14, pc_rgb(PC_MUTED), PC_T_CENTER, _("This game declares no lens."));
}

/* the mire: cards played by impact (rows) and horizon (columns), with their names and who played them */
static void page_mire(pc_app_t *a, const pd_table_t *t)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = t->rs;
    int only = a->scr.dbf_seat;
    /* whose cards: every team, or one */
    float bx = 40;
    pc_ui_button(&a->ui, bx, TOP + 2, 130, 28, _("Every team"), PC_ACT_DBF_SEAT, -1, only == -1 ? 0 : 2, 1);
    bx += 140;
    for (int s = 0; s < t->n_seats; s++) {
        char b[96];
        team(a, t, s, b, sizeof b);
        float bw = pc_text_width(g, 12, 1, b) + 40;
        if (bw > 200)
            bw = 200;
        pc_ui_button(&a->ui, bx, TOP + 2, bw, 28, b, PC_ACT_DBF_SEAT, s, only == s ? 0 : 2, 1);
        pc_circle(g, bx + 12, TOP + 16, 5, pc_team_color(s));
        bx += bw + 8;
    }
    float lw = 70, hh = 22;
    float gx = 40 + lw, gy = TOP + 40 + hh, gw = 1200 - lw, gh = BOTTOM - gy;
    float cw = gw / 3, ch = gh / 3;
    static const char *hz[3] = { N_("Short term"), N_("Medium term"), N_("Long term") };
    for (int h = 0; h < 3; h++)
        pc_text(g, gx + h * cw + cw / 2, gy - hh / 2, 12, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _(hz[h]));
    for (int im = 0; im < 3; im++) {
        char b[48];
        snprintf(b, sizeof b, _("Impact %d"), im + 1);
        pc_text(g, 40 + lw / 2, gy + (2 - im) * ch + ch / 2, 12, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
    }
    int shown[3][3] = { { 0 } }, more[3][3] = { { 0 } };
    float line = 17;
    int fit = (int)((ch - 12) / line);
    for (int h = 0; h < 3; h++)
        for (int im = 0; im < 3; im++)
            pc_round(g, gx + h * cw + 2, gy + (2 - im) * ch + 2, cw - 4, ch - 4, 8,
                     pc_mix(pc_rgb(0x2B4A5Eu), pc_rgb(0x3F7A5Au), (float)(h + im) / 4.0f));
    for (uint32_t i = 0; i < t->n_plays; i++) {
        const pd_play_t *p = &t->plays[i];
        if ((only >= 0 && p->seat != only) || p->card >= rs->n_cards)
            continue;
        const pl_card_t *c = &rs->cards[p->card];
        if (c->impact < 1 || c->impact > 3 || c->horizon < 1 || c->horizon > 3)
            continue;
        int h = c->horizon - 1, im = c->impact - 1;
        if (shown[h][im] >= fit - 1 && (shown[h][im] + more[h][im]) >= fit - 1) {
            more[h][im]++;
            continue;
        }
        float x = gx + h * cw + 10, y = gy + (2 - im) * ch + 8 + shown[h][im] * line + line / 2;
        pc_circle(g, x + 5, y, 5, pc_team_color(p->seat));
        char b[160];
        snprintf(b, sizeof b, "%s%s", pl_text(&c->name, a->lang), p->from == PD_FROM_VOTE ? _(" (chosen by the table)") : "");
        pc_text_clip(g, x + 16, y, 11.5f, pc_rgb(PC_INK), PC_T_MIDDLE, b, cw - 32);
        shown[h][im]++;
    }
    for (int h = 0; h < 3; h++)
        for (int im = 0; im < 3; im++)
            if (more[h][im]) {
                char b[48];
                snprintf(b, sizeof b, _("and %d more"), more[h][im]);
                pc_text(g, gx + h * cw + 26, gy + (2 - im) * ch + 8 + shown[h][im] * line + line / 2, 11, pc_rgb(PC_MUTED),
                        PC_T_MIDDLE, b);
            }
    if (!t->n_plays)
        pc_text(g, 640, gy + gh / 2, 14, pc_rgb(PC_MUTED), PC_T_CENTER, _("No card was played."));
}

/* a vote: what was asked, each option with its ballots (a dot per team), the table's verdict */
static float vote_block(pc_app_t *a, const pd_table_t *t, const pd_vote_t *v, float x, float y, float w, int draw)
{
    pc_gfx_t *g = &a->gfx;
    char q[300], kind[96], b[200];
    pd_vote_kind(t->rs, v->kind, v->card, v->effect, a->lang, kind, sizeof kind);
    pd_vote_question(t, v, a->lang, q, sizeof q);
    float h = 30 + 22 * v->n_options + 8;
    if (!draw)
        return h;
    pc_round(g, x, y, w, h - 6, 8, pc_rgb(PC_PANEL));
    char head[420];
    snprintf(head, sizeof head, _("Round %u \xC2\xB7 %s"), v->round, kind);
    pc_text(g, x + 12, y + 14, 11, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE, head);
    float kw = pc_text_width(g, 11, 1, head) + 24, tw = 0;
    if (v->kind == PD_VOTE_FICTION) /* who told it */
        for (uint32_t f = 0; f < t->n_fictions; f++)
            if (t->fictions[f].vote >= 0 && &t->votes[t->fictions[f].vote] == v) {
                char tm[96];
                team(a, t, t->fictions[f].seat, tm, sizeof tm);
                snprintf(b, sizeof b, _("told by %s"), tm);
                tw = pc_text(g, x + w - 12, y + 14, 11, pc_team_color(t->fictions[f].seat), PC_T_BOLD | PC_T_RIGHT | PC_T_MIDDLE,
                             b) + 16;
            }
    pc_text_clip(g, x + kw, y + 14, 12.5f, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, q, w - kw - 12 - tw);
    int most = 1;
    for (int o = 0; o < v->n_options; o++)
        if (v->count[o] > most)
            most = v->count[o];
    for (int o = 0; o < v->n_options; o++) {
        float oy = y + 30 + o * 22 + 9;
        int won = v->closed && v->winner == o;
        pd_vote_option(t, v, o, a->lang, b, sizeof b);
        pc_text_clip(g, x + 24, oy, 12, won ? pc_rgb(PC_ACCENT) : pc_rgb(PC_INK), PC_T_MIDDLE | (won ? PC_T_BOLD : 0), b, 360);
        float barx = x + 400, barw = w - 400 - 330;
        pc_round(g, barx, oy - 6, barw, 12, 5, pc_rgb(PC_BG2));
        if (v->count[o])
            pc_round(g, barx, oy - 6, barw * (float)v->count[o] / (float)most, 12, 5, pd_option_color(o, v->n_options) ?
                     pc_rgb(pd_option_color(o, v->n_options)) : pc_rgb(PC_ACCENT));
        snprintf(b, sizeof b, "%u", v->count[o]);
        pc_text(g, barx + barw + 10, oy, 12, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
        int k = 0;
        for (int s = 0; s < t->n_seats; s++)
            if (v->ballot[s] == o)
                pc_circle(g, barx + barw + 40 + 14 * k++, oy, 5, pc_team_color(s));
        if (won)
            pc_text(g, x + w - 12, oy, 11, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_RIGHT | PC_T_MIDDLE, _("the table's choice"));
    }
    if (v->closed && v->tie && v->winner == PD_NONE)
        pc_text(g, x + w - 12, y + 30 + 9, 11, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, _("a tie: no choice"));
    return h;
}

/* a list of blocks scrolled by whole blocks: the first shown is the scroll position */
static void scroll_buttons(pc_app_t *a, int first, int shown, int total)
{
    char b[64];
    if (total <= shown && first == 0)
        return;
    snprintf(b, sizeof b, _("%d\xE2\x80\x93%d of %d"), total ? first + 1 : 0, first + shown, total);
    pc_ui_button(&a->ui, 40, 676, 110, 36, _("Previous"), PC_ACT_DBF_SCROLL, -1, 1, first > 0);
    pc_ui_button(&a->ui, 158, 676, 110, 36, _("Next"), PC_ACT_DBF_SCROLL, 1, 1, first + shown < total);
    pc_text(&a->gfx, 280, 694, 12, pc_rgb(PC_MUTED), PC_T_MIDDLE, b);
}

static void page_votes(pc_app_t *a, const pd_table_t *t)
{
    int first = a->scr.dbf_scroll, shown = 0, total = (int)t->n_votes;
    if (first >= total)
        first = a->scr.dbf_scroll = total > 0 ? total - 1 : 0;
    float y = TOP + 4;
    for (int i = first; i < total; i++) {
        float h = vote_block(a, t, &t->votes[i], 40, y, 1200, 0);
        if (y + h > BOTTOM && shown)
            break;
        vote_block(a, t, &t->votes[i], 40, y, 1200, 1);
        y += h;
        shown++;
    }
    if (!total)
        pc_text(&a->gfx, 640, 360, 14, pc_rgb(PC_MUTED), PC_T_CENTER, _("No vote was held."));
    scroll_buttons(a, first, shown, total);
}

static void page_score(pc_app_t *a, const pd_table_t *t)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = t->rs;
    int order[PL_MAX_SEATS];
    for (int s = 0; s < t->n_seats; s++)
        order[s] = s;
    for (int i = 1; i < t->n_seats; i++)
        for (int j = i; j > 0 && t->score[order[j]] > t->score[order[j - 1]]; j--) {
            int k = order[j];
            order[j] = order[j - 1];
            order[j - 1] = k;
        }
    int nr = (int)rs->n_scoring;
    float x0 = 40, namew = 230, totw = 110, colw = nr ? (1200 - namew - totw) / nr : 0;
    float hy = TOP + 8, head_h = 64;
    pc_round(g, x0, hy, 1200, head_h, 8, pc_rgb(PC_PANEL_HI));
    for (int r = 0; r < nr; r++)
        pc_text_box(g, x0 + namew + r * colw + 4, hy + 8, colw - 8, 11, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER,
                    pl_text(&rs->scoring[r].name, a->lang));
    pc_text(g, x0 + 1200 - totw / 2, hy + head_h / 2, 13, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("Total"));
    float rh = (BOTTOM - hy - head_h - 8) / (t->n_seats > 4 ? t->n_seats : 4);
    if (rh > 64)
        rh = 64;
    for (int i = 0; i < t->n_seats; i++) {
        int s = order[i];
        float y = hy + head_h + 6 + i * rh;
        int win = t->over && ((t->winners >> s) & 1u);
        pc_round(g, x0, y, 1200, rh - 6, 8, win ? pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_ACCENT), 0.25f) : pc_rgb(PC_PANEL));
        pc_round(g, x0, y, 8, rh - 6, 4, pc_team_color(s));
        char b[96];
        team(a, t, s, b, sizeof b);
        pc_text_clip(g, x0 + 20, y + (rh - 6) / 2, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b, namew - 30);
        for (int r = 0; r < nr; r++) {
            int pts = t->rule_points[s * nr + r];
            signed_num(pts, b, sizeof b);
            pc_text(g, x0 + namew + r * colw + colw / 2, y + (rh - 6) / 2, 14, pts < 0 ? pc_rgb(PC_DANGER) : pc_rgb(PC_INK),
                    PC_T_CENTER | PC_T_MIDDLE, b);
        }
        signed_num(t->score[s], b, sizeof b);
        pc_text(g, x0 + 1200 - totw / 2, y + (rh - 6) / 2, 18, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
    }
}

static void page_turns(pc_app_t *a, const pd_table_t *t)
{
    pc_gfx_t *g = &a->gfx;
    float line = 26;
    int per = (int)((BOTTOM - TOP - 8) / line);
    int total = (int)t->n_turning, first = a->scr.dbf_scroll;
    if (first >= total)
        first = a->scr.dbf_scroll = total > 0 ? total - 1 : 0;
    int shown = 0;
    for (int i = first; i < total && shown < per; i++, shown++) {
        const pd_turning_t *p = &t->turning[i];
        float y = TOP + 8 + shown * line + line / 2;
        char b[400], r[48];
        snprintf(r, sizeof r, _("Round %u"), p->round);
        pc_text(g, 40, y, 12, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_MIDDLE, r);
        pc_circle(g, 140, y, 6, p->seat < t->n_seats ? pc_team_color(p->seat) : pc_rgb(PC_MUTED));
        pd_turning_text(t, p, a->lang, b, sizeof b);
        pc_text_clip(g, 156, y, 13, p->kind == PD_TP_OVER ? pc_rgb(PC_ACCENT) : pc_rgb(PC_INK),
                     PC_T_MIDDLE | (p->kind == PD_TP_OVER || p->kind == PD_TP_LEAD ? PC_T_BOLD : 0), b, 1080);
    }
    if (!total)
        pc_text(g, 640, 360, 14, pc_rgb(PC_MUTED), PC_T_CENTER, _("Nothing stood out in this game."));
    scroll_buttons(a, first, shown, total);
}

/* ---- the day ---------------------------------------------------------------------------------- */

/* a table at a glance: its teams with their scores and lens profiles, and what it chose */
static void table_glance(pc_app_t *a, const pd_table_t *t, int i, float x, float y, float w, float h, double top)
{
    pc_gfx_t *g = &a->gfx;
    const pl_ruleset_t *rs = t->rs;
    char b[300];
    pc_round(g, x, y, w, h, 10, pc_rgb(PC_PANEL));
    pc_ui_region(&a->ui, x, y, w, 30, PC_ACT_DBF_TABLE, i);
    pc_text(g, x + 14, y + 16, 15, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, table_title(a, t, b, sizeof b));
    if (!t->over)
        pc_text(g, x + w - 12, y + 16, 11, pc_rgb(PC_ACCENT), PC_T_RIGHT | PC_T_MIDDLE, _("still being played"));
    int lo = 0, hi = 1;
    for (int s = 0; s < t->n_seats; s++)
        for (int k = 0; k < t->n_lenses; k++) {
            int v = t->rounds[t->n_rounds - 1].seat[s].counter[t->lens[k]];
            if (v < lo)
                lo = v;
            if (v > hi)
                hi = v;
        }
    float rh = 38, ty = y + 36;
    for (int s = 0; s < t->n_seats && ty + rh < y + h - 60; s++, ty += rh) {
        team(a, t, s, b, sizeof b);
        pc_round(g, x + 10, ty + 2, 6, rh - 8, 3, pc_team_color(s));
        pc_text_clip(g, x + 22, ty + 10, 12, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b, w - 90);
        signed_num(t->score[s], b, sizeof b);
        pc_text(g, x + w - 12, ty + 10, 13, (t->winners >> s) & 1u ? pc_rgb(PC_ACCENT) : pc_rgb(PC_INK),
                PC_T_BOLD | PC_T_RIGHT | PC_T_MIDDLE, b);
        float bw = (w - 34) / (t->n_lenses ? t->n_lenses : 1);
        for (int k = 0; k < t->n_lenses; k++) {
            int c = t->lens[k], v = t->rounds[t->n_rounds - 1].seat[s].counter[c];
            float frac = (float)(v - lo) / (float)(hi - lo);
            pc_round(g, x + 22 + k * bw, ty + 22, bw - 4, 8, 3, pc_rgb(PC_BG2));
            pc_round(g, x + 22 + k * bw, ty + 22, (bw - 4) * (frac > 0.04f ? frac : 0.04f), 8, 3,
                     pc_look_color(rs, PC_LOOK_COUNTER, c));
        }
    }
    /* the table's profile: each lens's mean over its teams, on the same scale for every table of the day */
    float cy = y + h - 50, py = ty + 14, ph = cy - 30 - py - 40;
    if (ph > 40 && t->n_lenses) {
        pc_text(g, x + 14, py, 10.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("The table's mean profile:"));
        float bw = (w - 28) / (float)t->n_lenses, base = py + 20 + ph;
        for (int k = 0; k < t->n_lenses; k++) {
            int c = t->lens[k];
            double m = pd_lens_mean(t, c);
            float bh = top > 0 && m > 0 ? (float)(m / top) * ph : 2;
            pc_round(g, x + 14 + k * bw + bw * 0.2f, base - bh, bw * 0.6f, bh, 4, pc_look_color(rs, PC_LOOK_COUNTER, c));
            snprintf(b, sizeof b, "%.1f", m);
            char *dot = strchr(b, '.');
            if (dot && a->lang == PL_LANG_FR) /* « 7,5 » in French */
                *dot = ',';
            pc_text(g, x + 14 + k * bw + bw / 2, base - bh - 10, 11, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, b);
            pc_look_icon(g, rs, PC_LOOK_COUNTER, c, x + 14 + k * bw + bw / 2, base + 14, 8);
        }
    }
    /* what the table chose together */
    int n = 0;
    b[0] = 0;
    for (uint32_t v = 0; v < t->n_votes; v++) {
        const pd_vote_t *vt = &t->votes[v];
        if (vt->kind != PD_VOTE_PROPOSALS || !vt->closed || vt->winner == PD_NONE)
            continue;
        char o[120];
        pd_vote_option(t, vt, vt->winner, a->lang, o, sizeof o);
        size_t used = strlen(b);
        snprintf(b + used, sizeof b - used, "%s%s", n++ ? ", " : "", o);
    }
    pc_text(g, x + 14, cy, 10.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("Chosen together:"));
    pc_text_clip(g, x + 14, cy + 16, 11.5f, pc_rgb(PC_INK), PC_T_MIDDLE, n ? b : _("nothing"), w - 28);
    char plays[80], tales[80];
    snprintf(plays, sizeof plays, pt_ntr(a->lang, "%u card played", "%u cards played", t->n_plays), t->n_plays);
    snprintf(tales, sizeof tales, pt_ntr(a->lang, "%u fiction told", "%u fictions told", t->n_fictions), t->n_fictions);
    snprintf(b, sizeof b, "%s, %s", plays, tales);
    pc_text_clip(g, x + 14, cy + 34, 10.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE, b, w - 28);
}

static void page_tables(pc_app_t *a, const pc_debrief_t *d)
{
    /* the lens colours once for every table */
    const pd_table_t *t0 = d->t[0];
    float lx = 40;
    for (int k = 0; k < t0->n_lenses; k++) {
        int c = t0->lens[k];
        pc_round(&a->gfx, lx, TOP + 4, 18, 8, 3, pc_look_color(t0->rs, PC_LOOK_COUNTER, c));
        const char *nm = pl_text(&t0->rs->counters[c].name, a->lang);
        pc_text(&a->gfx, lx + 24, TOP + 8, 11.5f, pc_rgb(PC_INK), PC_T_MIDDLE, nm);
        lx += 40 + pc_text_width(&a->gfx, 11.5f, 0, nm);
    }
    int per = 4, first = a->scr.dbf_scroll;
    if (first >= d->n)
        first = a->scr.dbf_scroll = 0;
    int n = d->n - first < per ? d->n - first : per;
    int cols = n <= 4 ? n : 4;
    float w = (1200.0f - (cols - 1) * 14) / (cols ? cols : 1), h = BOTTOM - TOP - 24;
    double top = 0; /* the highest table mean of any lens: every table's profile on one scale */
    for (int i = 0; i < d->n; i++)
        for (int k = 0; k < d->t[i]->n_lenses; k++)
            if (pd_lens_mean(d->t[i], d->t[i]->lens[k]) > top)
                top = pd_lens_mean(d->t[i], d->t[i]->lens[k]);
    for (int i = 0; i < n; i++)
        table_glance(a, d->t[first + i], first + i, 40 + i * (w + 14), TOP + 22, w, h, top);
    if (d->n > per) {
        char b[64];
        snprintf(b, sizeof b, _("%d\xE2\x80\x93%d of %d"), first + 1, first + n, d->n);
        pc_ui_button(&a->ui, 40, 676, 110, 36, _("Previous"), PC_ACT_DBF_SCROLL, -per, 1, first > 0);
        pc_ui_button(&a->ui, 158, 676, 110, 36, _("Next"), PC_ACT_DBF_SCROLL, per, 1, first + n < d->n);
        pc_text(&a->gfx, 280, 694, 12, pc_rgb(PC_MUTED), PC_T_MIDDLE, b);
    }
}

/* the collective opinion: every question of the day with every table's ballots summed */
static float opinion_block(pc_app_t *a, const pd_opinion_t *o, float x, float y, float w, int draw)
{
    pc_gfx_t *g = &a->gfx;
    float h = 62;
    if (!draw)
        return h;
    char q[300], b[200];
    pd_opinion_question(o, a->lang, q, sizeof q);
    pc_round(g, x, y, w, h - 6, 8, pc_rgb(PC_PANEL));
    pc_text_clip(g, x + 12, y + 14, 12.5f, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, q, w - 260);
    snprintf(b, sizeof b, pt_ntr(a->lang, "voted at %u table", "voted at %u tables", o->tables), o->tables);
    pc_text(g, x + w - 12, y + 14, 11, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, b);
    uint32_t total = 0;
    for (int i = 0; i < o->n_options; i++)
        total += o->ballots[i];
    float bx = x + 12, bw = w - 24, by = y + 30;
    float px = bx;
    for (int i = 0; i < o->n_options; i++) {
        if (!total)
            break;
        float ow = bw * (float)o->ballots[i] / (float)total;
        if (ow < 1)
            continue;
        SDL_Color c = pc_rgb(pd_option_color(i, o->n_options));
        pc_fill(g, px, by, ow, 18, c);
        pd_opinion_option(o, i, a->lang, q, sizeof q);
        snprintf(b, sizeof b, "%.150s %u (%u\xC2\xA0%%)", q, o->ballots[i], (unsigned)((o->ballots[i] * 100 + total / 2) / total));
        pc_text_clip(g, px + 6, by + 9, 11, pc_rgb(PC_PAPER_INK), PC_T_BOLD | PC_T_MIDDLE, b, ow - 10);
        px += ow;
    }
    if (!total)
        pc_text(g, bx, by + 9, 11, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("no ballot"));
    return h;
}

static void page_opinion(pc_app_t *a, const pc_debrief_t *d)
{
    const pd_day_t *day = d->day;
    int total = (int)day->n_opinions, first = a->scr.dbf_scroll, shown = 0;
    if (first >= total)
        first = a->scr.dbf_scroll = total > 0 ? total - 1 : 0;
    float y = TOP + 4;
    for (int i = first; i < total; i++) {
        float h = opinion_block(a, &day->opinions[i], 40, y, 1200, 0);
        if (y + h > BOTTOM && shown)
            break;
        opinion_block(a, &day->opinions[i], 40, y, 1200, 1);
        y += h;
        shown++;
    }
    if (!total)
        pc_text(&a->gfx, 640, 360, 14, pc_rgb(PC_MUTED), PC_T_CENTER, _("No question was voted on."));
    scroll_buttons(a, first, shown, total);
}

/* ---- the screen -------------------------------------------------------------------------------- */

void pc_screen_debrief(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_debrief_t *d = a->debrief;
    if (!d) {
        pc_app_set_screen(a, a->scr.dbf_return);
        return;
    }
    int ti = a->scr.dbf_table;
    if (ti >= d->n || (ti < 0 && d->n == 1))
        ti = a->scr.dbf_table = d->n == 1 ? 0 : -1;
    const pd_table_t *t = ti >= 0 ? d->t[ti] : NULL;
    char b[200], tt[64];
    if (t)
        snprintf(b, sizeof b, _("Debrief \xE2\x80\x94 %s"), table_title(a, t, tt, sizeof tt));
    else
        snprintf(b, sizeof b, _("Debrief of the day \xE2\x80\x94 %d tables"), d->n);
    pc_text(g, 40, 26, 22, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
    pc_text(g, 1240, 26, 12, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, pl_text(&d->t[0]->rs->title, a->lang));
    float y = 52;
    /* the tables of the day, and the day itself */
    if (d->n > 1) {
        float x = 40;
        pc_ui_button(&a->ui, x, y, 120, 24, _("The day"), PC_ACT_DBF_TABLE, -1, ti < 0 ? 0 : 2, 1);
        x += 128;
        for (int i = 0; i < d->n && x < 1180; i++) {
            pc_ui_button(&a->ui, x, y, 92, 24, table_title(a, d->t[i], tt, sizeof tt), PC_ACT_DBF_TABLE, i, ti == i ? 0 : 2, 1);
            x += 100;
        }
        y += 30;
    } else {
        y += 4;
    }
    static const char *table_tabs[PG__TABLE] = { N_("Lenses"), N_("Mire"), N_("Votes and fictions"),
                                                 N_("Score by rule"), N_("Turning points") };
    static const char *day_tabs[PG__DAY] = { N_("Tables side by side"), N_("Collective opinion") };
    int n_tabs = t ? PG__TABLE : PG__DAY;
    const char *const *tabs = t ? table_tabs : day_tabs;
    if (a->scr.dbf_page >= n_tabs)
        a->scr.dbf_page = 0;
    float tx = 40;
    for (int i = 0; i < n_tabs; i++) {
        float tw = pc_text_width(g, 13, 1, _(tabs[i])) + 36;
        pc_ui_button(&a->ui, tx, y, tw, 26, _(tabs[i]), PC_ACT_DBF_PAGE, i, a->scr.dbf_page == i ? 0 : 1, 1);
        tx += tw + 8;
    }
    top_y = y + 36; /* the pages draw below the rows above */
    if (t) {
        switch (a->scr.dbf_page) {
        case PG_LENSES: page_lenses(a, t); break;
        case PG_MIRE: page_mire(a, t); break;
        case PG_VOTES: page_votes(a, t); break;
        case PG_SCORE: page_score(a, t); break;
        default: page_turns(a, t); break;
        }
    } else if (a->scr.dbf_page == PG_TABLES) {
        page_tables(a, d);
    } else {
        page_opinion(a, d);
    }
    const char *why = a->export_job.pid > 0 ? _("Writing the report...") : a->scr.flash;
    if (why && why[0])
        pc_text_box(g, 380, 680, 400, 11, pc_rgb(PC_MUTED), 0, why);
    pc_ui_button(&a->ui, 790, 676, 220, 36, _("Export the report"), PC_ACT_DBF_EXPORT, 0, 1, a->export_job.pid <= 0);
    pc_ui_button(&a->ui, 1020, 676, 220, 36, _("Back"), PC_ACT_DBF_BACK, 0, 0, 1);
}
