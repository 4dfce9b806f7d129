/* screen_create.c -- a new table on the server: game, seats, which are bots, team names, turn timer, the seat taken here */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"


void pc_screen_create(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_form_t *f = &a->scr.form;
    const pc_pkg_info_t *p;
    int n = pc_conn_packages(a->conn, &p);
    pc_ribbon(a, 0);
    pc_text(g, 640, 56, 26, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("Create a table"));
    pc_round(g, 120, 90, 1040, 540, 18, pc_rgb(PC_PANEL));
    float x = 150, y = 110;
    pc_text(g, x, y + 20, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, _("Game"));
    if (!n) {
        pc_text(g, x + 160, y + 20, 13, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("The server offers no game."));
        pc_ui_button(&a->ui, 150, 660, 160, 44, _("Back"), PC_ACT_BACK, 0, 2, 1);
        return;
    }
    const pc_pkg_info_t *pk = &p[f->pkg < n ? f->pkg : 0];
    pc_ui_button(&a->ui, x + 160, y, 560, 40, pk->title[a->lang], PC_ACT_FORM_PKG, 0, 1, n > 1);
    y += 56;
    pc_text(g, x, y + 20, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, _("Teams"));
    int lo = pk->min_seats > 0 ? pk->min_seats : 1, hi = pk->max_seats > 0 ? pk->max_seats : PL_MAX_SEATS;
    for (int k = lo; k <= hi && k <= PL_MAX_SEATS; k++) {
        char b[16];
        snprintf(b, sizeof b, "%d", k);
        pc_ui_button(&a->ui, x + 160 + (k - lo) * 52, y, 44, 40, b, PC_ACT_FORM_SEATS, k, f->seats == k ? 0 : 1, 1);
    }
    y += 56;
    pc_text(g, x, y + 20, 14, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, _("Turn timer"));
    static const int timers[5] = { 0, 60, 90, 120, 180 };
    for (int k = 0; k < 5; k++) {
        char b[32];
        if (timers[k])
            snprintf(b, sizeof b, _("%d s"), timers[k]);
        else
            snprintf(b, sizeof b, "%s", _("none"));
        pc_ui_button(&a->ui, x + 160 + k * 96, y, 88, 40, b, PC_ACT_FORM_TIMER, timers[k], f->timer == timers[k] ? 0 : 1, 1);
    }
    y += 60;
    /* one line per seat: its name, a bot or a team, the seat this device takes */
    float rh = (560 - y) / (f->seats > 4 ? f->seats : 4);
    if (rh > 46)
        rh = 46;
    for (int s = 0; s < f->seats; s++) {
        int bot = (f->bots >> s) & 1u;
        pc_circle(g, x + 10, y + rh / 2 - 2, 7, pc_team_color(s));
        char hint[64];
        pt_team_default(a->lang, s, hint, sizeof hint);
        if (bot)
            pc_text(g, x + 30, y + rh / 2 - 2, 13, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("Played by the computer"));
        else
            pc_ui_field(&a->ui, x + 30, y, 420, rh - 6, f->team[s], hint, a->scr.field == PC_FIELD_TEAM0 + s, PC_ACT_FIELD,
                        PC_FIELD_TEAM0 + s);
        pc_ui_button(&a->ui, x + 470, y, 180, rh - 6, bot ? _("Computer") : _("Team of players"), PC_ACT_FORM_BOT, s, bot ? 1 : 2, 1);
        if (!bot)
            pc_ui_button(&a->ui, x + 670, y, 200, rh - 6, f->take == s ? _("This device: this seat") : _("Take it here"),
                         PC_ACT_FORM_TAKE, s, f->take == s ? 0 : 2, 1);
        y += rh;
    }
    pc_text_box(g, 150, 572, 980, 11.5f, pc_rgb(PC_MUTED), 0,
                _("Other devices join the seats from the lobby, or with the team code shown on their table."));
    pc_ui_button(&a->ui, 150, 650, 160, 46, _("Back"), PC_ACT_BACK, 0, 2, 1);
    pc_ui_button(&a->ui, 930, 650, 230, 46, _("Create the table"), PC_ACT_FORM_SUBMIT, 0, 0, 1);
}
