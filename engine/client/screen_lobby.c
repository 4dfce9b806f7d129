/* screen_lobby.c -- a server's lobby: its tables and their seats (following changes as they come), team
 * codes, the seat this device held, and the servers found on the local network */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/lan.h"


static const char *package_title(const pc_app_t *a, const char *id)
{
    const pc_pkg_info_t *p;
    int n = pc_conn_packages(a->conn, &p);
    for (int i = 0; i < n; i++)
        if (!strcmp(p[i].id, id))
            return p[i].title[a->lang];
    return _("a game this server no longer offers");
}

/* the seats of table t, each with its team and whether a device follows it */
static float seat_list(pc_app_t *a, const pc_table_info_t *t, float x, float y, float w)
{
    pc_gfx_t *g = &a->gfx;
    float y0 = y;
    for (int s = 0; s < t->seats; s++) {
        char name[96], state[96];
        if (t->team[s][0])
            snprintf(name, sizeof name, "%s", t->team[s]);
        else
            pt_team_default(a->lang, s, name, sizeof name);
        int free_seat = !t->bot[s] && !t->taken[s];
        if (t->bot[s])
            snprintf(state, sizeof state, "%s", _("(bot)"));
        else if (free_seat)
            snprintf(state, sizeof state, "%s", _("free"));
        else if (t->devices[s] == 0)
            snprintf(state, sizeof state, "%s", _("dropped"));
        else
            snprintf(state, sizeof state, pt_ntr(a->lang, "%d device", "%d devices", t->devices[s]), t->devices[s]);
        pc_round(g, x, y, w, 34, 8, pc_mix(pc_rgb(PC_PANEL_HI), pc_rgb(PC_BG), 0.3f));
        pc_circle(g, x + 16, y + 17, 6, pc_team_color(s));
        pc_text_clip(g, x + 30, y + 17, 13, pc_rgb(PC_INK), PC_T_BOLD | PC_T_MIDDLE, name, w * 0.45f);
        SDL_Color sc = free_seat ? pc_rgb(PC_OK) : (!t->bot[s] && t->devices[s] == 0) ? pc_rgb(PC_DANGER) : pc_rgb(PC_MUTED);
        pc_text(g, x + w * 0.52f, y + 17, 11.5f, sc, PC_T_BOLD | PC_T_MIDDLE, state);
        if (free_seat && !t->over)
            pc_ui_button(&a->ui, x + w - 150, y + 3, 144, 28, _("Take this seat"), PC_ACT_JOIN_SEAT, s, 0, 1);
        y += 38;
    }
    int any_free = 0;
    for (int s = 0; s < t->seats; s++)
        any_free |= !t->bot[s] && !t->taken[s] && !t->team[s][0];
    if (any_free) { /* a free seat without a name takes the one typed here */
        pc_text(g, x, y + 15, 11.5f, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("Your team's name:"));
        pc_ui_field(&a->ui, x + 150, y, w - 150, 30, a->scr.join_team, _("optional"),
                    a->scr.field == PC_FIELD_JOIN_TEAM, PC_ACT_FIELD, PC_FIELD_JOIN_TEAM);
        y += 36;
    }
    return y - y0;
}

static void tables_panel(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_table_info_t *t;
    int n = pc_conn_tables(a->conn, &t);
    pc_ui_panel(&a->ui, 40, 110, 640, 520, _("Tables on this server"));
    float y = 140;
    if (!n)
        pc_text_box(g, 60, y, 600, 13, pc_rgb(PC_MUTED), 0, _("No table yet: create one."));
    for (int i = 0; i < n && y < 580; i++) {
        int free_seats = 0, dropped = 0;
        for (int s = 0; s < t[i].seats; s++) {
            free_seats += !t[i].bot[s] && !t[i].taken[s];
            dropped += !t[i].bot[s] && t[i].taken[s] && !t[i].devices[s];
        }
        char b[300];
        if (t[i].over)
            snprintf(b, sizeof b, _("Table %d  ·  %s  ·  over"), t[i].id, package_title(a, t[i].package));
        else
            snprintf(b, sizeof b, pt_ntr(a->lang, "Table %d  ·  %s  ·  %d free seat", "Table %d  ·  %s  ·  %d free seats",
                                         (unsigned long)free_seats),
                     t[i].id, package_title(a, t[i].package), free_seats);
        int open = a->scr.join_table == t[i].id;
        pc_ui_button(&a->ui, 60, y, 480, 40, b, PC_ACT_SHOW_TABLE, t[i].id, open ? 0 : 1, 1);
        pc_ui_button(&a->ui, 548, y, 112, 40, _("Watch"), PC_ACT_WATCH_TABLE, t[i].id, 2, 1);
        if (dropped)
            pc_circle(g, 534, y + 8, 4, pc_rgb(PC_DANGER));
        y += 46;
        if (open)
            y += seat_list(a, &t[i], 76, y, 584) + 6;
    }
}

static void lan_panel(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    const pc_lan_server_t *sv;
    int n = pc_lan_servers(a, &sv);
    pc_ui_panel(&a->ui, 40, 110, 640, 520, _("Servers on this network"));
    float y = 146;
    for (int i = 0; i < n && y < 520; i++, y += 50) {
        char b[200];
        snprintf(b, sizeof b, pt_ntr(a->lang, "%s  ·  %s  ·  %d table", "%s  ·  %s  ·  %d tables", (unsigned long)sv[i].tables),
                 sv[i].name, sv[i].addr, sv[i].tables);
        pc_ui_button(&a->ui, 60, y, 600, 42, b, PC_ACT_LAN_SERVER, i, 1, 1);
    }
    if (pc_lan_searching(a))
        pc_text_box(g, 60, y + 4, 600, 13, pc_rgb(PC_MUTED), 0, _("Looking for servers on the local network..."));
    else if (!n)
        pc_text_box(g, 60, y + 4, 600, 13, pc_rgb(PC_MUTED), 0, _("No server answered on this network."));
    pc_ui_button(&a->ui, 60, 570, 600, 44, _("Search again"), PC_ACT_LAN_PROBE, 0, 1, !pc_lan_searching(a));
}

void pc_screen_lobby(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    pc_ribbon(a, 0);
    pc_text(g, 640, 62, 28, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("Join a server"));
    int ready = pc_conn_state(a->conn) == PC_NET_READY;
    if (ready)
        tables_panel(a);
    else
        lan_panel(a);
    /* the server, the team code, the seat held */
    float x = 700, w = 540;
    pc_ui_panel(&a->ui, x, 110, w, 520, _("Server"));
    pc_ui_field(&a->ui, x + 20, 140, w - 190, 44, a->scr.addr, "192.168.1.20:7878", a->scr.field == PC_FIELD_ADDR,
                PC_ACT_FIELD, PC_FIELD_ADDR);
    pc_ui_button(&a->ui, x + w - 160, 140, 140, 44, _("Connect"), PC_ACT_SERVER, 0, ready ? 1 : 0, 1);
    static const unsigned dot[5] = { 0x7A8796u, PC_ACCENT, PC_ACCENT, PC_DANGER, PC_OK };
    pc_circle(g, x + 26, 205, 5, pc_rgb(dot[pc_conn_state(a->conn) % 5]));
    pc_text_box(g, x + 38, 197, w - 60, 12.5f, pc_rgb(PC_INK), 0,
                a->conn ? pc_conn_status(a->conn) : _("Not connected."));
    float y = 250;
    pc_text(g, x + 20, y, 13, pc_rgb(PC_INK), PC_T_BOLD, _("Join your team with its code"));
    y += 24;
    pc_ui_field(&a->ui, x + 20, y, 200, 44, a->scr.code, "ABC234", a->scr.field == PC_FIELD_CODE, PC_ACT_FIELD, PC_FIELD_CODE);
    pc_ui_button(&a->ui, x + 232, y, w - 252, 44, _("Join with the code"), PC_ACT_JOIN_CODE, 0, 1, ready);
    y += 52;
    pc_text_box(g, x + 20, y, w - 40, 11, pc_rgb(PC_MUTED), 0,
                _("A team's code is shown at the top of its table: another laptop or tablet of the team joins the same seat with it."));
    y += 44;
    if (pc_conn_has_token(a->conn)) {
        pc_ui_button(&a->ui, x + 20, y, w - 40, 44, _("Resume my seat"), PC_ACT_REJOIN, 0, 1, ready);
        y += 54;
    }
    pc_ui_button(&a->ui, x + 20, 570, w - 40, 44, _("Create a table..."), PC_ACT_CREATE_FORM, 0, 0, ready);
    if (a->scr.flash[0])
        pc_text_box(g, 40, 646, 1200, 12.5f, pc_rgb(0xFF8A7Au), PC_T_CENTER, a->scr.flash);
    pc_ui_button(&a->ui, 40, 668, 160, 40, _("Back"), PC_ACT_HOME, 0, 2, 1);
}
