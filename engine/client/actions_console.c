/* actions_console.c -- what the facilitator's buttons do: commands over the tables chosen (or every table, or the
 * one watched), the facilitator's view of a table and its moves; and the kiosk's welcome */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/i18n.h"

/* the tables a command is for: every table, the watched one, those ticked, or the one in focus */
static json_t *targets(pc_app_t *a, int all)
{
    if (all)
        return json_pack("{s:b}", "all", 1);
    if ((a->scr.screen == PC_SCREEN_TABLE || a->scr.screen == PC_SCREEN_END) && pc_conn_table(a->conn) > 0)
        return json_pack("{s:i}", "table", pc_conn_table(a->conn));
    const pc_table_info_t *t;
    int n = pc_conn_tables(a->conn, &t);
    json_t *ids = json_array();
    for (int i = 0; i < n && i < 64; i++)
        if ((a->scr.selected >> i) & 1u)
            json_array_append_new(ids, json_integer(t[i].id));
    if (json_array_size(ids))
        return json_pack("{s:o}", "tables", ids);
    json_decref(ids);
    if (a->scr.focus_table)
        return json_pack("{s:i}", "table", a->scr.focus_table);
    return NULL;
}

/* 1 when it went out; else the screen says why */
static int command(pc_app_t *a, const char *name, json_t *fields, int all)
{
    json_t *to = targets(a, all);
    if (!to) {
        json_decref(fields);
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", _("Choose a table first (tick it, or click it)."));
        return 0;
    }
    if (fields) {
        json_object_update(to, fields);
        json_decref(fields);
    }
    if (!pc_conn_command(a->conn, name, to)) {
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", _("Not connected to the server."));
        return 0;
    }
    return 1;
}

/* the table watched, or in focus */
static int one_table(pc_app_t *a)
{
    if ((a->scr.screen == PC_SCREEN_TABLE || a->scr.screen == PC_SCREEN_END) && pc_conn_table(a->conn) > 0)
        return pc_conn_table(a->conn);
    return a->scr.focus_table;
}

int pc_console_action(pc_app_t *a, int act, int arg)
{
    pc_scr_t *s = &a->scr;
    static const char *modes[3] = { "auto", "bot", "team" };
    switch (act) {
    case PC_ACT_CON_LOGIN:
        snprintf(a->secret, sizeof a->secret, "%s", s->secret);
        memset(s->secret, 0, sizeof s->secret);
        a->login_sent = 0;
        s->flash[0] = 0;
        return 1;
    case PC_ACT_CON_SELECT:
        if (arg >= 0 && arg < 64)
            s->selected ^= 1ull << arg;
        return 1;
    case PC_ACT_CON_SELECT_ALL: {
        const pc_table_info_t *t;
        int n = pc_conn_tables(a->conn, &t);
        uint64_t all = n >= 64 ? ~0ull : (1ull << n) - 1;
        s->selected = (s->selected & all) == all ? 0 : all;
        return 1;
    }
    case PC_ACT_CON_FOCUS: s->focus_table = arg; return 1;
    case PC_ACT_CON_PAUSE: command(a, "pause", json_pack("{s:b}", "on", 1), arg == 1); return 1;
    case PC_ACT_CON_RESUME: command(a, "pause", json_pack("{s:b}", "on", 0), arg == 1); return 1;
    case PC_ACT_CON_TURN_TIMER: command(a, "set_timer", json_pack("{s:i}", "turn", arg), 0); return 1;
    case PC_ACT_CON_VOTE_TIMER: command(a, "set_timer", json_pack("{s:i}", "vote", arg), 0); return 1;
    case PC_ACT_CON_STANDIN: command(a, "set_timer", json_pack("{s:i}", "standin", arg), 0); return 1;
    case PC_ACT_CON_SAY:
        if (s->say[0] && command(a, "say", json_pack("{s:s}", "text", s->say), arg == 1))
            s->say[0] = 0; /* kept when it could not go: nothing typed is lost */
        return 1;
    case PC_ACT_CON_OPEN:
        s->focus_table = arg;
        s->facil_menu = 0;
        pc_conn_watch_facilitator(a->conn, arg);
        return 1;
    case PC_ACT_CON_BACK:
        s->facil_menu = 0;
        pc_app_leave(a);
        return 1;
    case PC_ACT_CON_SEAT_MODE: {
        int t = one_table(a);
        if (t && arg >= 0 && arg / 4 < PL_MAX_SEATS && arg % 4 < 3)
            pc_conn_command(a->conn, "seat_mode", json_pack("{s:i,s:i,s:s}", "table", t, "seat", arg / 4, "mode",
                                                           modes[arg % 4]));
        return 1;
    }
    case PC_ACT_CON_CODES:
        pc_conn_command(a->conn, "seat_codes", json_pack("{s:i}", "table", arg ? arg : one_table(a)));
        return 1;
    case PC_ACT_CON_REVEAL_MENU: s->facil_menu = s->facil_menu == 1 ? 0 : 1; s->menu_scroll = 0; return 1;
    case PC_ACT_CON_PLACE_MENU: s->facil_menu = s->facil_menu == 2 ? 0 : 2; s->place_seat = -1; return 1;
    case PC_ACT_CON_MENU_CLOSE: s->facil_menu = 0; return 1;
    case PC_ACT_CON_REVEAL:
        pc_conn_command(a->conn, "reveal", json_pack("{s:i,s:i}", "table", one_table(a), "card", arg));
        s->facil_menu = 0;
        return 1;
    case PC_ACT_CON_PLACE_SEAT: s->place_seat = arg; return 1;
    case PC_ACT_CON_PLACE:
        if (s->place_seat >= 0)
            pc_conn_command(a->conn, "place", json_pack("{s:i,s:i,s:i}", "table", one_table(a), "seat", s->place_seat,
                                                       "space", arg));
        s->facil_menu = 0;
        return 1;
    case PC_ACT_CON_END: s->confirm = PC_CONFIRM_END_GAME; return 1;
    case PC_ACT_CON_SHOW_SEAT: s->shown_seat = arg; s->detail_card = PL_NO_CARD; return 1;
    case PC_ACT_KIOSK_START: pc_console_kiosk_start(a, arg); return 1;
    default: return 0;
    }
}

/* the answer yes to "end this game now?" */
void pc_console_end_game(pc_app_t *a)
{
    int t = one_table(a);
    if (t)
        pc_conn_command(a->conn, "end_game", json_pack("{s:i}", "table", t));
}
