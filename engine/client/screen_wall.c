/* screen_wall.c -- every table of the day on one projected screen: each with its round, whose turn, its clock, and
 * its teams' lenses and scores as they play */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/look.h"
#include "client/table_util.h"

static void tile(pc_app_t *a, int k, float x, float y, float w, float h)
{
    pc_gfx_t *g = &a->gfx;
    const pc_session_t *s = a->wall_session[k];
    pc_round(g, x, y, w, h, 14, pc_rgb(PC_PANEL));
    char b[200];
    snprintf(b, sizeof b, _("Table %d"), a->wall_table[k]);
    pc_text(g, x + 16, y + 22, 18, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
    if (!s) {
        pc_text(g, x + w / 2, y + h / 2, 14, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, pc_conn_status(a->wall_conn[k]));
        return;
    }
    const pl_ruleset_t *rs = s->rs;
    const pl_state_t *st = &s->st;
    char team[80];
    pc_session_team(s, st->current, a->lang, team, sizeof team);
    if (st->wait == PL_WAIT_OVER)
        snprintf(b, sizeof b, "%s", _("Game over"));
    else if (st->paused)
        snprintf(b, sizeof b, "%s", _("The game is paused"));
    else
        snprintf(b, sizeof b, _("Round %d  ·  to play: %s"), st->round, team);
    float rx = x + w - 14;
    if (s->clock_kind != PC_CLOCK_NONE && st->wait != PL_WAIT_OVER)
        rx -= pc_draw_clock(g, rx - 84, y + 22, 14, pc_session_clock_left(s, SDL_GetTicks()), s->clock_total_s,
                            s->clock_frozen || st->paused) + 12;
    pc_text_clip(g, x + 16, y + 48, 13, st->paused ? pc_rgb(PC_ACCENT) : pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_MIDDLE, b,
                 w - 32);
    /* each team: its lenses as gauges, its score now */
    int lens[PL_MAX_COUNTERS];
    int nl = pc_look_counters(rs, PL_ROLE_LENS, lens, PL_MAX_COUNTERS);
    float ty = y + 68, rh = (h - 80) / (st->n_seats > 4 ? st->n_seats : 4);
    if (rh > 64)
        rh = 64;
    for (int t = 0; t < st->n_seats; t++, ty += rh) {
        pc_session_team(s, t, a->lang, team, sizeof team);
        int cur = t == st->current && st->wait != PL_WAIT_OVER;
        pc_round(g, x + 10, ty, w - 20, rh - 4, 8, cur ? pc_rgb(PC_PANEL_HI) : pc_mix(pc_rgb(PC_PANEL), pc_rgb(PC_BG), 0.35f));
        pc_round(g, x + 10, ty, 5, rh - 4, 2, pc_team_color(t));
        /* its name and score on a line, its lenses as gauges under it */
        float l1 = ty + (rh - 4) * 0.3f, l2 = ty + (rh - 4) * 0.72f;
        snprintf(b, sizeof b, "%d", (int)pl_score_seat(rs, st, t));
        float sw = pc_text(g, x + w - 22, l1, 16, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, b);
        pc_text_clip(g, x + 24, l1, 13, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, team, w - 60 - sw);
        float gx = x + 24, gw = (w - 48) / (nl ? nl : 1);
        for (int i = 0; i < nl; i++) {
            int c = lens[i];
            pc_look_icon(g, rs, PC_LOOK_COUNTER, c, gx + i * gw + 7, l2, 7);
            pc_draw_gauge(g, gx + i * gw + 18, l2 - 4, gw - 26, 8, st->seat[t].counter[c], rs->counters[c].min,
                          rs->counters[c].max, pc_look_color(rs, PC_LOOK_COUNTER, c));
        }
    }
}

void pc_screen_wall(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_text(g, 18, 22, 18, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, _("Every table of the day"));
    int n = a->n_wall;
    if (!n) {
        pc_text(g, 640, 360, 20, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE,
                pc_conn_state(a->conn) == PC_NET_READY ? _("No table yet on this server.") : pc_conn_status(a->conn));
        return;
    }
    int cols = n <= 1 ? 1 : n <= 4 ? 2 : n <= 6 ? 3 : 4, rows = (n + cols - 1) / cols;
    float gap = 12, w = (1280 - 32 - gap * (cols - 1)) / cols, h = (720 - 56 - gap * (rows - 1)) / rows;
    for (int k = 0; k < n; k++)
        tile(a, k, 16 + (k % cols) * (w + gap), 44 + (k / cols) * (h + gap), w, h);
}
