/* console.c -- the facilitator's commands over one table, a list of them or all: hold and let go, timers, stand-ins,
 * messages, seats, and the moves that change a game (reveal, place, end), logged like the teams' moves */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "server.h"

static void ok(conn_t *c, json_int_t re, json_t *extra)
{
    json_t *o = proto_msg("ok", re);
    if (extra) {
        json_object_update(o, extra);
        json_decref(extra);
    }
    srv_send(c, o);
}

/* The tables a command is about: "table": T, "tables": [T...] or "all": true (every live table). A malloc'ed list
 * (*n tables), or NULL after an error was sent. */
static table_t **targets(conn_t *c, json_t *msg, json_int_t re, int *n)
{
    srv_t *s = c->srv;
    json_t *one = json_object_get(msg, "table"), *list = json_object_get(msg, "tables"), *all = json_object_get(msg, "all");
    size_t cap = (size_t)s->n_tables + 1;
    if (json_is_array(list) && json_array_size(list) > cap)
        cap = json_array_size(list);
    table_t **out = malloc(cap * sizeof *out);
    *n = 0;
    if (!out) {
        srv_send_error(c, re, PROTO_E_INTERNAL, "out of memory");
        return NULL;
    }
    if (json_is_true(all)) {
        for (uint32_t id = 1; id <= s->n_tables; id++)
            if (s->tables[id])
                out[(*n)++] = s->tables[id];
        return out;
    }
    if (list) {
        size_t i;
        json_t *v;
        if (!json_is_array(list) || json_array_size(list) == 0) {
            srv_send_error(c, re, PROTO_E_BAD_REQUEST, "tables lists live table ids (at least one)");
            free(out);
            return NULL;
        }
        json_array_foreach(list, i, v) {
            table_t *t = json_is_integer(v) && json_integer_value(v) > 0 && json_integer_value(v) <= UINT32_MAX
                             ? srv_table(s, (uint32_t)json_integer_value(v)) : NULL;
            if (!t) {
                srv_send_error(c, re, PROTO_E_UNKNOWN_TABLE, "no table %lld",
                               json_is_integer(v) ? (long long)json_integer_value(v) : -1LL);
                free(out);
                return NULL;
            }
            out[(*n)++] = t;
        }
        return out;
    }
    table_t *t = json_is_integer(one) && json_integer_value(one) > 0 && json_integer_value(one) <= UINT32_MAX
                     ? srv_table(s, (uint32_t)json_integer_value(one)) : NULL;
    if (!t) {
        srv_send_error(c, re, PROTO_E_UNKNOWN_TABLE, one ? "no such table" : "say which table (table, tables or all)");
        free(out);
        return NULL;
    }
    out[(*n)++] = t;
    return out;
}

/* the one table a command is about ("table": T), or NULL after an error was sent */
static table_t *one_table(conn_t *c, json_t *msg, json_int_t re)
{
    json_t *one = json_object_get(msg, "table");
    table_t *t = json_is_integer(one) && json_integer_value(one) > 0 && json_integer_value(one) <= UINT32_MAX
                     ? srv_table(c->srv, (uint32_t)json_integer_value(one)) : NULL;
    if (!t)
        srv_send_error(c, re, PROTO_E_UNKNOWN_TABLE, one ? "no such table" : "say which table");
    return t;
}

/* an integer field in [lo, hi]; 1 when present and good, 0 when absent, -1 after an error was sent */
static int int_field(conn_t *c, json_t *msg, json_int_t re, const char *key, json_int_t lo, json_int_t hi, json_int_t *v)
{
    json_t *j = json_object_get(msg, key);
    if (!j)
        return 0;
    if (!json_is_integer(j) || json_integer_value(j) < lo || json_integer_value(j) > hi) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "%s is an integer from %lld to %lld", key, (long long)lo, (long long)hi);
        return -1;
    }
    *v = json_integer_value(j);
    return 1;
}

int srv_host_move(table_t *t, int type, int seat, int arg, pl_error_t *err)
{
    pl_move_t mv = { (uint8_t)type, (uint8_t)seat, (uint16_t)arg };
    int r = srv_table_move(t, &mv, err);
    if (r != PL_OK)
        return r;
    srv_log("table %u: the facilitator's %s (seat %d, %d) at move %u", t->id, pl_move_name(type), seat, arg, t->st.seq);
    srv_table_after_moves(t);
    srv_table_changed(t);
    return PL_OK;
}

/* the answer to a command over several tables: which took it, which refused and why */
static void answer_many(conn_t *c, json_int_t re, json_t *done, json_t *refused)
{
    ok(c, re, json_pack("{s:o,s:o}", "tables", done, "refused", refused));
}

static void refused_push(json_t *refused, const table_t *t, const char *code, const char *why)
{
    json_array_append_new(refused, json_pack("{s:i,s:s,s:s}", "table", (int)t->id, "code", code, "message", why));
}

static void cmd_pause(conn_t *c, json_t *msg, json_int_t re)
{
    int n;
    json_t *on = json_object_get(msg, "on");
    if (on && !json_is_boolean(on)) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "on is true (hold the tables) or false (let them go on)");
        return;
    }
    table_t **ts = targets(c, msg, re, &n);
    if (!ts)
        return;
    int hold = on ? json_is_true(on) : 1;
    json_t *done = json_array(), *refused = json_array();
    for (int i = 0; i < n; i++) {
        pl_error_t err;
        if (ts[i]->st.paused == hold) { /* already so: nothing to do, nothing logged */
            json_array_append_new(done, json_integer(ts[i]->id));
            continue;
        }
        int r = srv_host_move(ts[i], PL_MOVE_PAUSE, 0, hold, &err);
        if (r == PL_OK)
            json_array_append_new(done, json_integer(ts[i]->id));
        else
            refused_push(refused, ts[i], r > 0 ? pl_reason_name(r) : PROTO_E_INTERNAL, err.msg);
    }
    free(ts);
    answer_many(c, re, done, refused);
}

static void cmd_set_timer(conn_t *c, json_t *msg, json_int_t re)
{
    json_int_t turn = 0, vote = 0, standin = 0;
    int ht = int_field(c, msg, re, "turn", 0, 86400, &turn);
    if (ht == 0) /* the first protocol's name for it */
        ht = int_field(c, msg, re, "seconds", 0, 86400, &turn);
    int hv = ht < 0 ? -1 : int_field(c, msg, re, "vote", 0, 86400, &vote);
    int hs = hv < 0 ? -1 : int_field(c, msg, re, "standin", 0, 86400, &standin);
    if (ht < 0 || hv < 0 || hs < 0)
        return;
    if (!ht && !hv && !hs) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "give turn, vote or standin (seconds, 0 for none)");
        return;
    }
    int n;
    table_t **ts = targets(c, msg, re, &n);
    if (!ts)
        return;
    srv_t *s = c->srv;
    json_t *done = json_array(), *refused = json_array();
    for (int i = 0; i < n; i++) {
        table_t *t = ts[i];
        int bad = 1; /* stored before it is used: a restart keeps it */
        if (store_op_begin(s->store) == 0) {
            bad = (ht && store_set_table_opt(s->store, t->id, "turn_timer", turn) != 0) ||
                  (hv && store_set_table_opt(s->store, t->id, "vote_timer", vote) != 0) ||
                  (hs && store_set_table_opt(s->store, t->id, "standin_after", standin) != 0);
            bad = store_op_end(s->store, !bad) != 0 || bad;
        }
        if (bad) {
            refused_push(refused, t, PROTO_E_INTERNAL, "the timers could not be recorded; try again");
            continue;
        }
        if (ht)
            t->timer_s = (uint32_t)turn;
        if (hv)
            t->vote_timer_s = (uint32_t)vote;
        if (hs)
            t->standin_s = (uint32_t)standin;
        srv_table_after_moves(t);
        srv_table_changed(t);
        json_array_append_new(done, json_integer(t->id));
    }
    free(ts);
    if (hs)
        srv_standins_check(s);
    answer_many(c, re, done, refused);
}

static void cmd_say(conn_t *c, json_t *msg, json_int_t re)
{
    const char *raw = json_string_value(json_object_get(msg, "text"));
    char text[SRV_MESSAGE_MAX + 1], why[160];
    if (!raw || !srv_clean_name(raw, SRV_MESSAGE_MAX, text, sizeof text, why, sizeof why)) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "text is 1 to %d bytes of printable text%s%s", SRV_MESSAGE_MAX,
                       raw ? ": " : "", raw ? why : "");
        return;
    }
    int n;
    table_t **ts = targets(c, msg, re, &n);
    if (!ts)
        return;
    srv_t *s = c->srv;
    int to_all = json_is_true(json_object_get(msg, "all"));
    int bad = 1;
    if (store_op_begin(s->store) == 0) {
        bad = 0;
        if (to_all)
            bad = store_add_message(s->store, 0, text) != 0;
        for (int i = 0; i < n && !bad && !to_all; i++)
            bad = store_add_message(s->store, ts[i]->id, text) != 0;
        bad = store_op_end(s->store, !bad) != 0 || bad;
    }
    if (bad) {
        free(ts);
        srv_send_error(c, re, PROTO_E_INTERNAL, "the message could not be recorded; try again");
        return;
    }
    json_t *done = json_array();
    for (int i = 0; i < n; i++) {
        snprintf(ts[i]->message, sizeof ts[i]->message, "%s", text);
        ts[i]->message_at = (int64_t)time(NULL);
        srv_message_send(ts[i], NULL);
        json_array_append_new(done, json_integer(ts[i]->id));
    }
    free(ts);
    srv_log("the facilitator says to %s: %s", to_all ? "every table" : n == 1 ? "one table" : "several tables", text);
    answer_many(c, re, done, json_array());
}

static int seat_of(conn_t *c, json_t *msg, json_int_t re, const table_t *t, int dflt)
{
    json_int_t seat = dflt;
    int h = int_field(c, msg, re, "seat", 0, t->n_seats - 1, &seat);
    if (h < 0)
        return -1;
    if (h == 0 && dflt < 0) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "say which seat (0-%d)", t->n_seats - 1);
        return -1;
    }
    return (int)seat;
}

static void cmd_seat_mode(conn_t *c, json_t *msg, json_int_t re)
{
    table_t *t = one_table(c, msg, re);
    if (!t)
        return;
    int seat = seat_of(c, msg, re, t, -1);
    if (seat < 0)
        return;
    const char *m = json_string_value(json_object_get(msg, "mode"));
    int mode = !m ? -1 : !strcmp(m, "auto") ? SRV_SEAT_AUTO : !strcmp(m, "bot") ? SRV_SEAT_BOT : !strcmp(m, "team") ? SRV_SEAT_TEAM : -1;
    if (mode < 0) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "mode is auto (a stand-in while the team is away), bot (the "
                       "computer plays the seat) or team (never a stand-in)");
        return;
    }
    if ((t->bot_mask >> seat) & 1u) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "seat %d was made for the computer: no team plays it", seat);
        return;
    }
    char err[160];
    if (srv_seat_set_mode(t, seat, mode, err, sizeof err) != 0) {
        srv_send_error(c, re, PROTO_E_INTERNAL, "%s", err);
        return;
    }
    srv_log("table %u: the facilitator sets seat %d to %s", t->id, seat, m);
    ok(c, re, json_pack("{s:i,s:i,s:s}", "table", (int)t->id, "seat", seat, "mode", m));
}

static void host_answer(conn_t *c, json_int_t re, table_t *t, int r, const pl_error_t *err)
{
    if (r == PL_OK)
        ok(c, re, json_pack("{s:i,s:I}", "table", (int)t->id, "seq", (json_int_t)t->st.seq));
    else
        srv_send_error(c, re, r > 0 ? pl_reason_name(r) : PROTO_E_INTERNAL, "%s", err->msg);
}

static void cmd_reveal(conn_t *c, json_t *msg, json_int_t re)
{
    json_int_t card = 0;
    table_t *t = one_table(c, msg, re);
    if (!t)
        return;
    int seat = seat_of(c, msg, re, t, t->st.current);
    if (seat < 0)
        return;
    int h = int_field(c, msg, re, "card", 0, 65534, &card);
    if (h <= 0) {
        if (h == 0)
            srv_send_error(c, re, PROTO_E_BAD_REQUEST, "say which card (its index in the package)");
        return;
    }
    pl_error_t err;
    host_answer(c, re, t, srv_host_move(t, PL_MOVE_REVEAL, seat, (int)card, &err), &err);
}

static void cmd_place(conn_t *c, json_t *msg, json_int_t re)
{
    json_int_t space = 0;
    table_t *t = one_table(c, msg, re);
    if (!t)
        return;
    int seat = seat_of(c, msg, re, t, -1);
    if (seat < 0)
        return;
    int h = int_field(c, msg, re, "space", 0, 65534, &space);
    if (h <= 0) {
        if (h == 0)
            srv_send_error(c, re, PROTO_E_BAD_REQUEST, "say which space (its index in the package)");
        return;
    }
    pl_error_t err;
    host_answer(c, re, t, srv_host_move(t, PL_MOVE_PLACE, seat, (int)space, &err), &err);
}

static void cmd_end_game(conn_t *c, json_t *msg, json_int_t re)
{
    table_t *t = one_table(c, msg, re);
    if (!t)
        return;
    pl_error_t err;
    host_answer(c, re, t, srv_host_move(t, PL_MOVE_END, 0, 0, &err), &err);
}

/* the team codes of a table's seats: to give a seat to a replacement device */
static void cmd_seat_codes(conn_t *c, json_t *msg, json_int_t re)
{
    table_t *t = one_table(c, msg, re);
    if (!t)
        return;
    json_t *codes = json_array();
    for (int i = 0; i < t->n_seats; i++)
        json_array_append_new(codes, t->code[i][0] ? json_string(t->code[i]) : json_null());
    ok(c, re, json_pack("{s:i,s:o}", "table", (int)t->id, "codes", codes));
}

int srv_console_handle(conn_t *c, const char *type, json_t *msg, json_int_t re)
{
    static const struct {
        const char *name;
        void (*fn)(conn_t *, json_t *, json_int_t);
    } cmds[] = {
        { "pause", cmd_pause }, { "set_timer", cmd_set_timer }, { "say", cmd_say }, { "seat_mode", cmd_seat_mode },
        { "reveal", cmd_reveal }, { "place", cmd_place }, { "end_game", cmd_end_game },
        { "seat_codes", cmd_seat_codes },
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
        if (!strcmp(type, cmds[i].name)) {
            if (!c->facilitator)
                srv_send_error(c, re, PROTO_E_FORBIDDEN, "%s is the facilitator's: log in with the facilitator secret "
                               "first", type);
            else
                cmds[i].fn(c, msg, re);
            return 1;
        }
    return 0;
}
