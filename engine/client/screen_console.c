/* screen_console.c -- the facilitator's console: every table of the day at a glance (round, whose turn, teams
 * away, clocks, holds), the commands over the tables chosen, and the seats of the table in focus */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"

static const char *package_title(const pc_app_t *a, const char *id)
{
    const pc_pkg_info_t *p;
    int n = pc_conn_packages(a->conn, &p);
    for (int i = 0; i < n; i++)
        if (!strcmp(p[i].id, id))
            return p[i].title[a->lang];
    return id;
}

static void seat_name(const pc_app_t *a, const pc_table_info_t *t, int s, char *buf, size_t len)
{
    if (t->team[s][0])
        snprintf(buf, len, "%s", t->team[s]);
    else
        pt_team_default(a->lang, s, buf, len);
}

/* what a seat is now, in a word, and its colour */
static const char *seat_state(const pc_app_t *a, const pc_table_info_t *t, int s, SDL_Color *c)
{
    *c = pc_rgb(PC_MUTED);
    if (t->bot[s])
        return _("(bot)");
    if (t->seat_mode[s] == 1) {
        *c = pc_rgb(PC_ACCENT);
        return _("played by the computer");
    }
    if (t->standin[s]) {
        *c = pc_rgb(PC_ACCENT);
        return _("away: the computer stands in");
    }
    if (!t->taken[s]) {
        *c = pc_rgb(PC_OK);
        return _("free");
    }
    if (t->devices[s] == 0) {
        *c = pc_rgb(PC_DANGER);
        return _("dropped");
    }
    return NULL;
}

static void table_card(pc_app_t *a, int i, const pc_table_info_t *t, float x, float y, float w, float h)
{
    pc_gfx_t *g = &a->gfx;
    int sel = (a->scr.selected >> i) & 1u, focus = a->scr.focus_table == t->id;
    pc_round(g, x, y, w, h, 12, focus ? pc_rgb(PC_PANEL_HI) : pc_rgb(PC_PANEL));
    if (focus)
        pc_frame(g, x, y, w, h, 12, 2, pc_rgb(PC_ACCENT));
    pc_ui_region(&a->ui, x, y, w, h, PC_ACT_CON_FOCUS, t->id);
    /* the tick box chooses it for the commands */
    pc_ui_region(&a->ui, x + 8, y + 8, 26, 26, PC_ACT_CON_SELECT, i);
    pc_round(g, x + 10, y + 10, 22, 22, 5, sel ? pc_rgb(PC_ACCENT) : pc_rgb(PC_BG));
    if (sel)
        pc_text(g, x + 21, y + 21, 14, pc_rgb(PC_BG), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, "\xE2\x9C\x93");
    char b[200];
    snprintf(b, sizeof b, _("Table %d"), t->id);
    float tw = pc_text(g, x + 42, y + 21, 15, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, b);
    pc_text_clip(g, x + 52 + tw, y + 21, 11, pc_rgb(PC_MUTED), PC_T_MIDDLE, package_title(a, t->package), w - tw - 190);
    /* its state: held, over, the clock */
    float rx = x + w - 12;
    if (t->over)
        rx -= pc_text(g, rx, y + 21, 12, pc_rgb(PC_OK), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, _("Game over")) + 10;
    else if (t->paused)
        rx -= pc_text(g, rx, y + 21, 12, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE | PC_T_RIGHT, _("Paused")) + 10;
    if (t->clock_kind != PC_CLOCK_NONE && !t->over) {
        uint32_t now = SDL_GetTicks();
        uint32_t left = t->clock_frozen ? t->clock_deadline
                                        : (int32_t)(t->clock_deadline - now) > 0 ? t->clock_deadline - now : 0;
        pc_draw_clock(g, rx - 70, y + 21, 12, left, (uint32_t)t->clock_seconds, t->clock_frozen || t->paused);
    }
    /* round and whose turn */
    char team[96];
    if (t->current >= 0 && t->current < t->seats)
        seat_name(a, t, t->current, team, sizeof team);
    else
        team[0] = 0;
    if (!t->over) {
        snprintf(b, sizeof b, _("Round %d  ·  to play: %s"), t->round, team);
        pc_text_clip(g, x + 14, y + 48, 12, pc_rgb(PC_INK), PC_T_MIDDLE, b, w - 28);
    }
    /* the teams: a coloured dot, the name, and a word when something is wrong */
    float sy = y + 70, colw = (w - 24) / 2;
    for (int s = 0; s < t->seats; s++) {
        float sx = x + 12 + (s % 2) * colw, yy = sy + (s / 2) * 20;
        seat_name(a, t, s, team, sizeof team);
        SDL_Color c;
        const char *state = seat_state(a, t, s, &c);
        int awaited = (t->awaited >> s) & 1u;
        pc_circle(g, sx + 6, yy + 8, awaited ? 6 : 4.5f, pc_team_color(s));
        float nw = pc_text_clip(g, sx + 16, yy + 8, 11, awaited ? pc_rgb(PC_INK) : pc_rgb(PC_MUTED),
                                PC_T_MIDDLE | (awaited ? PC_T_BOLD : 0), team, colw * 0.5f);
        if (state)
            pc_text_clip(g, sx + 22 + nw, yy + 8, 10, c, PC_T_MIDDLE | PC_T_BOLD, state, colw - nw - 30);
    }
    pc_ui_button(&a->ui, x + w - 110, y + h - 36, 98, 28, _("Open"), PC_ACT_CON_OPEN, t->id, 1, 1);
}

/* the seats of the table in focus: their mode and, when asked, their team codes */
static void focus_panel(pc_app_t *a, const pc_table_info_t *t, float x, float y, float w, float h)
{
    pc_gfx_t *g = &a->gfx;
    char b[160];
    snprintf(b, sizeof b, _("Table %d: its teams"), t->id);
    pc_ui_panel(&a->ui, x, y, w, h, b);
    float yy = y + 36;
    for (int s = 0; s < t->seats && yy < y + h - 40; s++) {
        char team[96];
        seat_name(a, t, s, team, sizeof team);
        pc_circle(g, x + 16, yy + 13, 5, pc_team_color(s));
        pc_text_clip(g, x + 28, yy + 13, 11.5f, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, team, 110);
        const char *code = pc_conn_seat_code(a->conn, t->id, s);
        if (code[0])
            pc_text(g, x + 146, yy + 13, 11, pc_rgb(PC_ACCENT), PC_T_BOLD | PC_T_MIDDLE, code);
        if (!t->bot[s]) {
            static const char *modes[3] = { N_("Auto"), N_("Computer"), N_("Team") };
            for (int m = 0; m < 3; m++)
                pc_ui_button(&a->ui, x + 206 + m * 64, yy, 60, 26, _(modes[m]), PC_ACT_CON_SEAT_MODE, s * 4 + m,
                             t->seat_mode[s] == m ? 0 : 2, 1);
        }
        yy += 30;
    }
    pc_ui_button(&a->ui, x + 12, y + h - 36, 150, 28, _("Show team codes"), PC_ACT_CON_CODES, t->id, 2, 1);
}

/* a timer (0 turn, 1 vote, 2 stand-in) as the tables chosen (or the one in focus) all have it; -1 when they differ */
static int shared_setting(const pc_app_t *a, int which)
{
    const pc_table_info_t *t;
    int n = pc_conn_tables(a->conn, &t), value = -1, seen = 0;
    for (int i = 0; i < n; i++) {
        int chosen = a->scr.selected ? (int)((a->scr.selected >> i) & 1u) : t[i].id == a->scr.focus_table;
        if (!chosen)
            continue;
        int v = which == 0 ? t[i].timer : which == 1 ? t[i].vote_timer : t[i].standin_after;
        if (seen++ && v != value)
            return -1;
        value = v;
    }
    return value;
}

static void commands_panel(pc_app_t *a, float x, float y, float w, float h, int n_sel)
{
    pc_gfx_t *g = &a->gfx;
    char b[160];
    if (n_sel)
        snprintf(b, sizeof b, pt_ntr(a->lang, "%d table chosen", "%d tables chosen", (unsigned long)n_sel), n_sel);
    else if (a->scr.focus_table)
        snprintf(b, sizeof b, _("Table %d"), a->scr.focus_table);
    else
        snprintf(b, sizeof b, "%s", _("Choose tables (tick them)"));
    pc_ui_panel(&a->ui, x, y, w, h, b);
    int any = n_sel || a->scr.focus_table;
    float yy = y + 34;
    pc_ui_button(&a->ui, x + 12, yy, (w - 36) / 2, 32, _("Pause"), PC_ACT_CON_PAUSE, 0, 1, any);
    pc_ui_button(&a->ui, x + 24 + (w - 36) / 2, yy, (w - 36) / 2, 32, _("Resume"), PC_ACT_CON_RESUME, 0, 1, any);
    yy += 42;
    static const int turn[5] = { 0, 60, 90, 120, 180 }, vote[5] = { 0, 30, 60, 90, 120 }, standin[5] = { 0, 30, 60, 120, 300 };
    const int *rows[3] = { turn, vote, standin };
    const char *labels[3] = { _("Turn timer"), _("Vote timer"), _("Stand-in after") };
    int acts[3] = { PC_ACT_CON_TURN_TIMER, PC_ACT_CON_VOTE_TIMER, PC_ACT_CON_STANDIN };
    int now[3];
    for (int r = 0; r < 3; r++)
        now[r] = shared_setting(a, r);
    for (int r = 0; r < 3; r++) {
        pc_text_clip(g, x + 12, yy + 13, 11, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_MIDDLE, labels[r], 124);
        for (int k = 0; k < 5; k++) {
            if (rows[r][k])
                snprintf(b, sizeof b, _("%d s"), rows[r][k]);
            else
                snprintf(b, sizeof b, "%s", r == 2 ? _("never") : _("none"));
            float bw = (w - 150) / 5;
            /* the setting the tables chosen have now stands out */
            pc_ui_button(&a->ui, x + 140 + k * bw, yy, bw - 4, 26, b, acts[r], rows[r][k], now[r] == rows[r][k] ? 0 : 2, any);
        }
        yy += 32;
    }
    yy += 6;
    pc_text(g, x + 12, yy + 8, 11, pc_rgb(PC_MUTED), PC_T_BOLD | PC_T_MIDDLE, _("Message to the tables"));
    yy += 18;
    pc_ui_field(&a->ui, x + 12, yy, w - 24, 30, a->scr.say, _("e.g. Coffee break: 10 minutes"),
                a->scr.field == PC_FIELD_SAY, PC_ACT_FIELD, PC_FIELD_SAY);
    yy += 36;
    pc_ui_button(&a->ui, x + 12, yy, (w - 36) / 2, 30, _("Send to the chosen"), PC_ACT_CON_SAY, 0, 1,
                 any && a->scr.say[0]);
    pc_ui_button(&a->ui, x + 24 + (w - 36) / 2, yy, (w - 36) / 2, 30, _("Send to every table"), PC_ACT_CON_SAY, 1, 1,
                 a->scr.say[0] != 0);
    /* the debrief of the tables chosen, or of every table whose game is over */
    const pc_table_info_t *t;
    int n = pc_conn_tables(a->conn, &t);
    pc_ui_button(&a->ui, x + 12, y + h - 42, w - 24, 32, n_sel ? _("Debrief of the tables chosen") : _("Debrief of the day"),
                 PC_ACT_CON_DEBRIEF, 0, 0, n > 0);
}

static void login_panel(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_ui_panel(&a->ui, 340, 200, 600, 260, _("The facilitator's console"));
    pc_text_box(g, 370, 244, 540, 13, pc_rgb(PC_INK), 0,
                _("Type the facilitator's secret: the server printed it at its first start (or it is in the file "
                  "given with --facilitator-secret-file)."));
    char dots[160] = "";
    size_t n = strlen(a->scr.secret);
    for (size_t i = 0; i < n && i < 40; i++)
        strcat(dots, "\xE2\x80\xA2"); /* the secret is never drawn */
    pc_ui_field(&a->ui, 370, 320, 540, 34, dots, _("the secret"), a->scr.field == PC_FIELD_SECRET, PC_ACT_FIELD,
                PC_FIELD_SECRET);
    pc_ui_button(&a->ui, 370, 372, 200, 40, _("Log in"), PC_ACT_CON_LOGIN, 0, 0,
                 a->scr.secret[0] && pc_conn_state(a->conn) == PC_NET_READY);
    pc_text(g, 590, 392, 11.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE, pc_conn_status(a->conn));
}

void pc_screen_console(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_text(g, 18, 22, 17, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, _("The facilitator's console"));
    float aw = pc_text(g, 330, 22, 12, pc_rgb(PC_MUTED), PC_T_MIDDLE | PC_T_BOLD, pc_conn_addr(a->conn));
    if (pc_conn_is_facilitator(a->conn)) {
        pc_circle(g, 346 + aw, 22, 5, pc_rgb(PC_OK));
        pc_text(g, 356 + aw, 22, 11, pc_rgb(PC_OK), PC_T_MIDDLE | PC_T_BOLD, _("logged in as the facilitator"));
    }
    pc_ui_button(&a->ui, 1156, 8, 108, 28, _("Quit"), PC_ACT_QUIT, 0, 2, 1);
    if (!pc_conn_is_facilitator(a->conn)) {
        login_panel(a);
    } else {
        const pc_table_info_t *t;
        int n = pc_conn_tables(a->conn, &t), n_sel = 0;
        for (int i = 0; i < n && i < 64; i++)
            n_sel += (a->scr.selected >> i) & 1u;
        pc_ui_button(&a->ui, 720, 8, 150, 28, _("Pause every table"), PC_ACT_CON_PAUSE, 1, 2, n > 0);
        pc_ui_button(&a->ui, 878, 8, 150, 28, _("Resume every table"), PC_ACT_CON_RESUME, 1, 2, n > 0);
        pc_ui_button(&a->ui, 1036, 8, 112, 28, n_sel == n && n ? _("Choose none") : _("Choose all"),
                     PC_ACT_CON_SELECT_ALL, 0, 2, n > 0);
        if (!n)
            pc_text_box(g, 40, 90, 760, 14, pc_rgb(PC_MUTED), 0,
                        _("No table yet on this server: the teams create theirs from the lobby, or create them "
                          "beforehand with the client."));
        /* the tables, two by two; the page scrolls with the wheel */
        float cw = 412, ch = 150, gap = 10;
        int first = a->scr.lobby_scroll * 2;
        for (int i = first; i < n && i < first + 8; i++) {
            int k = i - first;
            table_card(a, i, &t[i], 16 + (k % 2) * (cw + gap), 48 + (k / 2) * (ch + gap), cw, ch);
        }
        if (n > 8)
            pc_text(g, 430, 700, 11, pc_rgb(PC_MUTED), PC_T_CENTER | PC_T_MIDDLE, _("More tables below: scroll"));
        commands_panel(a, 856, 48, 408, 330, n_sel);
        for (int i = 0; i < n; i++)
            if (t[i].id == a->scr.focus_table)
                focus_panel(a, &t[i], 856, 388, 408, 280);
    }
    if (a->scr.flash[0])
        pc_text_clip(g, 856, 690, 12, pc_rgb(0xFF8A7Au), PC_T_BOLD | PC_T_MIDDLE, a->scr.flash, 408);
}
