/* screen_home.c -- the home screen (play here, join, host, settings) and the lobby */
#include <stdio.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/net.h"

/* a decorative strip of the board's phase colours */
static void ribbon(pc_app_t *a, float y)
{
    int n = a->rs && a->rs->n_phases ? a->rs->n_phases : 10;
    float w = 1280.0f / n;
    for (int i = 0; i < n; i++) {
        pc_fill(&a->gfx, i * w, y, w + 1, 10, pc_phase_color(i, n));
    }
}

void pc_screen_home(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    ribbon(a, 0);
    ribbon(a, 710);
    for (int k = 0; k < 4; k++) pc_draw_lens_icon(g, k, 560 + k * 54, 112, 20);
    pc_text(g, 640, 190, 64, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, "Plateau");
    const char *title = a->rs ? pl_text(&a->rs->title, a->lang) : _("No game loaded");
    pc_text(g, 640, 250, 20, pc_rgb(PC_ACCENT), PC_T_CENTER | PC_T_MIDDLE, title);
    if (!a->rs) pc_text_box(g, 240, 275, 800, 12, pc_rgb(0xFF8A7Au), PC_T_CENTER, a->load_msg);

    float bx = 440, bw = 400, y = 310;
    pc_ui_button(a, bx, y, bw, 54, _("Play here (hot-seat)"), PC_ACT_PLAY_HERE, 0, 0, a->rs != NULL);
    y += 64;
    /* teams at this screen */
    pc_text(g, bx, y + 16, 13, pc_rgb(PC_MUTED), PC_T_MIDDLE, _("Teams at this screen:"));
    for (int n = 1; n <= 4; n++) {
        char b[24];
        snprintf(b, sizeof b, "%d", n);
        pc_ui_button(a, bx + 200 + (n - 1) * 50, y, 42, 32, b, PC_ACT_HUMANS, n, a->opt.humans == n ? 0 : 1, 1);
    }
    y += 50;
    pc_ui_button(a, bx, y, bw, 48, _("Join a server"), PC_ACT_JOIN, 0, 1, 1);
    y += 58;
    pc_ui_button(a, bx, y, bw, 48, _("Host a game from here"), PC_ACT_HOST, 0, 1, 1);
    y += 58;
    pc_ui_button(a, bx, y, 195, 44, _("Settings"), PC_ACT_SETTINGS, 0, 2, 1);
    pc_ui_button(a, bx + 205, y, 195, 44, _("Quit"), PC_ACT_QUIT, 0, 2, 1);
    if (a->net_status[0]) pc_text_box(g, 240, 650, 800, 13, pc_rgb(PC_MUTED), PC_T_CENTER, a->net_status);
    if (a->flash[0] && !a->game) pc_text_box(g, 240, 676, 800, 12, pc_rgb(0xFF8A7Au), PC_T_CENTER, a->flash);
    pc_text(g, 1268, 696, 10, pc_rgb(PC_MUTED), PC_T_RIGHT | PC_T_MIDDLE, "v" PC_VERSION);
}

void pc_screen_lobby(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    ribbon(a, 0);
    pc_text(g, 640, 70, 30, pc_rgb(PC_INK), PC_T_BOLD | PC_T_CENTER | PC_T_MIDDLE, _("Join a server"));
    if (pc_net_state(a) == PC_NET_READY) {
        /* the server's tables */
        const pc_net_table_t *t;
        int n = pc_net_tables(a, &t);
        pc_ui_panel(a, 160, 120, 460, 460, _("Tables on this server"));
        float y = 156;
        if (!n) pc_text_box(g, 180, y, 420, 13, pc_rgb(PC_MUTED), 0, _("No table yet: create one."));
        for (int i = 0; i < n && y < 500; i++, y += 50) {
            char b[160];
            snprintf(b, sizeof b, _("Table %d  ·  %s  ·  %d free seats"), t[i].id, t[i].package, t[i].free_seats);
            pc_ui_button(a, 180, y, 320, 42, b, PC_ACT_JOIN_TABLE, t[i].id, 1, t[i].free_seats > 0 && !t[i].over);
            pc_ui_button(a, 508, y, 92, 42, _("Watch"), PC_ACT_WATCH_TABLE, t[i].id, 2, 1);
        }
        pc_ui_button(a, 180, 520, 420, 44, _("Create a table of this game"), PC_ACT_CREATE_TABLE, 0, 0, a->rs != NULL);
    } else {
        const pc_lan_server_t *sv;
        int n = pc_lan_servers(a, &sv);
        pc_ui_panel(a, 160, 120, 460, 460, _("Servers on this network"));
        float y = 156;
        for (int i = 0; i < n && y < 500; i++, y += 50) {
            char b[200];
            snprintf(b, sizeof b, _("%s  ·  %s  ·  %d tables"), sv[i].name, sv[i].addr, sv[i].tables);
            pc_ui_button(a, 180, y, 420, 42, b, PC_ACT_LAN_SERVER, i, 1, 1);
        }
        if (pc_lan_searching(a)) pc_text_box(g, 180, y + 4, 420, 13, pc_rgb(PC_MUTED), 0, _("Looking for servers on the local network..."));
        else if (!n) pc_text_box(g, 180, y + 4, 420, 13, pc_rgb(PC_MUTED), 0, _("No server answered on this network."));
        pc_ui_button(a, 180, 520, 420, 44, _("Search again"), PC_ACT_LAN_PROBE, 0, 1, !pc_lan_searching(a));
    }
    pc_ui_panel(a, 660, 120, 460, 460, _("Server address"));
    /* the address field */
    int idx = a->n_btn;
    pc_ui_region(a, 680, 160, 420, 46, PC_ACT_ADDR, 0);
    pc_round(g, 680, 160, 420, 46, 10, pc_rgb(0x18222Eu));
    if (a->addr_focus || a->focus == idx) pc_frame(g, 680, 160, 420, 46, 10, 2, pc_rgb(PC_ACCENT));
    float tw = pc_text(g, 694, 183, 16, pc_rgb(PC_INK), PC_T_MIDDLE, a->addr);
    if (a->addr_focus) pc_fill(g, 696 + tw, 170, 2, 26, pc_rgb(PC_ACCENT));
    pc_text(g, 680, 220, 11, pc_rgb(PC_MUTED), 0, _("For example 192.168.1.20:7777"));
    pc_ui_button(a, 680, 250, 200, 46, _("Connect"), PC_ACT_SERVER, 0, 0, 1);
    /* connection state */
    static const unsigned dot[5] = {0x7A8796u, PC_ACCENT, PC_ACCENT, PC_DANGER, PC_OK};
    pc_circle(g, 686, 327, 5, pc_rgb(dot[pc_net_state(a) % 5]));
    pc_text(g, 698, 320, 12, pc_rgb(PC_MUTED), PC_T_BOLD, _("Connection"));
    pc_text_box(g, 680, 342, 420, 13, pc_rgb(PC_INK), 0, a->net_status[0] ? a->net_status : _("Not connected."));
    pc_ui_button(a, 160, 610, 160, 44, _("Back"), PC_ACT_HOME, 0, 2, 1);
}
