/* session_remote.c -- a server's table: moves sent through the connection, snapshots and diffs checked, events told */
#include <stdio.h>
#include <SDL.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "proto/proto.h"
#include "text/text.h"
#include "client/session_remote.h"

typedef struct {
    pc_session_t s;
    pc_conn_t *conn;
    int table;
    int seat; /* -1: watching */
    int desyncs, refused_views;
    long log_asked; /* the table_log request out (its id), 0 when none */
    json_int_t message_at; /* when the facilitator's last message was sent (server time) */
} remote_t;

/* a view refused: the players are told, the table stays as it was */
static void refused_view(remote_t *r, const char *why)
{
    char b[256];
    snprintf(b, sizeof b, pt_tr(r->s.lang, "The server sent a table that cannot be right (%s): it is not shown."), why);
    pc_session_emit(&r->s, PC_SE_NOTICE, -1, PL_NO_CARD, b);
}

/* the seats' names, bots and presence from a TABLE-INFO */
static void take_info(remote_t *r, const json_t *info)
{
    pc_session_t *s = &r->s;
    json_t *teams = json_object_get(info, "teams"), *bots = json_object_get(info, "bots");
    json_t *taken = json_object_get(info, "taken"), *devices = json_object_get(info, "devices");
    for (int i = 0; i < PL_MAX_SEATS; i++) {
        const char *t = json_string_value(json_array_get(teams, (size_t)i));
        /* a name is shown as given, within the session's room for it */
        snprintf(s->team[i], sizeof s->team[i], "%s", t ? t : "");
    }
    s->bots = 0;
    size_t i;
    json_t *b;
    json_array_foreach(bots, i, b) {
        json_int_t k = json_integer_value(b);
        if (k >= 0 && k < PL_MAX_SEATS)
            s->bots |= 1u << k;
    }
    s->dropped = 0;
    if (devices)
        for (int k = 0; k < s->st.n_seats && k < PL_MAX_SEATS; k++) {
            int held = taken ? json_is_true(json_array_get(taken, (size_t)k)) : s->team[k][0] != 0;
            if (held && !((s->bots >> k) & 1u) && json_integer_value(json_array_get(devices, (size_t)k)) == 0)
                s->dropped |= 1u << k;
        }
}

/* the view must hash as the server's did; else a fresh one is asked for */
static int in_sync(remote_t *r, const json_t *m)
{
    uint64_t want;
    const char *h = json_string_value(json_object_get(m, "view_hash"));
    if (!h || !proto_parse_hex64(h, &want))
        return 1;
    if (pl_state_hash(&r->s.st) == want)
        return 1;
    r->desyncs++;
    pc_conn_resync(r->conn);
    return 0;
}

static int take_snapshot(remote_t *r, const json_t *m, char *err, size_t errlen)
{
    pc_session_t *s = &r->s;
    pl_state_t *st = malloc(sizeof *st);
    pl_error_t perr;
    char e2[200];
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return 0;
    }
    if (!proto_view_decode(st, json_object_get(m, "view"), e2, sizeof e2)) {
        snprintf(err, errlen, "snapshot: %s", e2);
        free(st);
        return 0;
    }
    /* a server, even a hostile one, cannot hand us a broken table or another seat's view */
    int viewer = r->seat >= 0 ? r->seat : pc_conn_viewer(r->conn);
    if (!pl_state_check(s->rs, st, &perr) || st->viewer != viewer || r->seat >= st->n_seats) {
        snprintf(err, errlen, "snapshot refused: %s",
                 st->viewer != viewer || r->seat >= st->n_seats ? "not the view of our seat" : perr.msg);
        free(st);
        return 0;
    }
    s->st = *st;
    s->before = *st;
    free(st);
    take_info(r, json_object_get(m, "info"));
    in_sync(r, m);
    pc_session_emit(s, PC_SE_CHANGED, -1, PL_NO_CARD, NULL);
    return 1;
}

static void take_update(remote_t *r, const json_t *m)
{
    pc_session_t *s = &r->s;
    char err[256];
    pl_state_t *next = malloc(sizeof *next);
    pl_error_t perr;
    int ok = next != NULL;
    if (ok) {
        *next = s->st;
        ok = proto_view_apply(next, json_object_get(m, "view"), err, sizeof err);
        if (ok && !pl_state_check(s->rs, next, &perr)) {
            ok = 0;
            snprintf(err, sizeof err, "refused: %s", perr.msg);
        } else if (ok && (next->n_seats != s->st.n_seats || next->viewer != s->st.viewer)) {
            ok = 0; /* an update changes the table, never its seats or whose view it is */
            snprintf(err, sizeof err, "refused: the seats or the viewer changed");
        }
    } else {
        snprintf(err, sizeof err, "out of memory");
    }
    if (!ok) {
        /* out of sync, or a view that would break the table: ask for the whole view again */
        free(next);
        r->refused_views++;
        pc_conn_resync(r->conn);
        return;
    }
    s->before = s->st;
    s->st = *next;
    free(next);
    s->moves++;
    in_sync(r, m);
    json_t *evs = json_object_get(m, "events"), *e;
    size_t i;
    pl_event_t list[PL_MAX_EVENTS];
    int n = 0;
    json_array_foreach(evs, i, e) {
        pl_event_t ev; /* like views, events must name seats and cards that exist */
        if (n < PL_MAX_EVENTS && proto_event_decode(e, &ev, err, sizeof err) &&
            (ev.seat < s->st.n_seats || ev.seat == 0xFF) && (ev.card < s->rs->n_cards || ev.card == PL_NO_CARD))
            list[n++] = ev;
    }
    pc_session_take_events(s, list, n);
}

static int reason_code(const char *name)
{
    for (int c = 1; c < PL_ERR__COUNT; c++)
        if (name && !strcmp(pl_reason_name(c), name))
            return c;
    return 0;
}

static void take_error(remote_t *r, const json_t *m)
{
    pc_session_t *s = &r->s;
    const char *code = json_string_value(json_object_get(m, "code"));
    const char *msg = json_string_value(json_object_get(m, "message"));
    int rc = reason_code(code);
    char b[256];
    if (code && !strcmp(code, "stale"))
        snprintf(b, sizeof b, "%s", pt_tr(s->lang, "Your team already played from another device."));
    else if (code && !strcmp(code, "paused"))
        snprintf(b, sizeof b, "%s", pt_tr(s->lang, "The facilitator has paused the table."));
    else if (rc)
        snprintf(b, sizeof b, "%s", pt_reason(rc, s->lang));
    else
        snprintf(b, sizeof b, pt_tr(s->lang, "The server refused: %s"), msg ? msg : (code ? code : "?"));
    pc_session_emit(s, PC_SE_REFUSED, r->seat, PL_NO_CARD, b);
}

/* a page of the table's log: the next one is asked for until the log is whole */
static void take_log_page(remote_t *r, const json_t *m)
{
    pc_session_t *s = &r->s;
    if (!r->log_asked)
        return;
    char err[200];
    uint32_t next = 0;
    int rc = pc_glog_take_page(&s->glog, m, &next, err, sizeof err);
    if (rc == 0 && (r->log_asked = pc_conn_ask_log(r->conn, r->table, next)) > 0)
        return;
    r->log_asked = 0;
    if (rc == 1) {
        s->glog_ready = 1;
        pc_session_emit(s, PC_SE_LOG, 1, PL_NO_CARD, NULL);
        return;
    }
    pc_glog_free(&s->glog);
    char b[256];
    snprintf(b, sizeof b, pt_tr(s->lang, "The game's log could not be read from the server (%s)."),
             rc < 0 ? err : pt_tr(s->lang, "the connection was lost"));
    pc_session_emit(s, PC_SE_LOG, 0, PL_NO_CARD, b);
}

static void log_refused(remote_t *r, const json_t *m)
{
    pc_session_t *s = &r->s;
    const char *code = json_string_value(json_object_get(m, "code"));
    r->log_asked = 0;
    pc_glog_free(&s->glog);
    pc_session_emit(s, PC_SE_LOG, 0, PL_NO_CARD,
                    code && !strcmp(code, "forbidden")
                        ? pt_tr(s->lang, "The debrief opens once the game is over.")
                        : pt_tr(s->lang, "The server did not give the game's log."));
}

static void remote_ask_log(pc_session_t *s)
{
    remote_t *r = (remote_t *)s; /* asked again (a lost connection): the log is read again from its start */
    pc_glog_free(&s->glog);
    memset(&s->glog, 0, sizeof s->glog);
    r->log_asked = pc_conn_ask_log(r->conn, r->table, 1);
    if (!r->log_asked) {
        pc_session_emit(s, PC_SE_LOG, 0, PL_NO_CARD, pt_tr(s->lang, "Not connected to the server: try again in a moment."));
        return;
    }
}

static void on_msg(void *ctx, const json_t *m)
{
    remote_t *r = ctx;
    const char *type = proto_type(m);
    char err[256];
    if (!strcmp(type, "snapshot")) {
        if (!take_snapshot(r, m, err, sizeof err)) {
            r->refused_views++;
            refused_view(r, err);
        }
    } else if (!strcmp(type, "update")) {
        take_update(r, m);
    } else if (!strcmp(type, "table")) {
        take_info(r, json_object_get(m, "info"));
        pc_session_emit(&r->s, PC_SE_CHANGED, -1, PL_NO_CARD, NULL);
    } else if (!strcmp(type, "table_log")) {
        take_log_page(r, m);
    } else if (!strcmp(type, "error") && r->log_asked && json_integer_value(json_object_get(m, "re")) == r->log_asked) {
        log_refused(r, m);
    } else if (!strcmp(type, "error")) {
        take_error(r, m);
    } else if (!strcmp(type, "clock")) { /* the server's clock: every screen counts to the same deadline */
        json_t *k = json_object_get(m, "clock");
        pc_session_t *s = &r->s;
        uint32_t left = (uint32_t)json_integer_value(json_object_get(k, "left_ms"));
        s->clock_kind = pc_clock_kind(json_string_value(json_object_get(k, "kind")));
        s->clock_total_s = (uint32_t)json_integer_value(json_object_get(k, "seconds"));
        s->clock_frozen = json_is_true(json_object_get(k, "paused"));
        s->clock_left_ms = left;
        s->clock_deadline = SDL_GetTicks() + left;
        pc_session_emit(s, PC_SE_CHANGED, -1, PL_NO_CARD, NULL);
    } else if (!strcmp(type, "message")) {
        pc_session_t *s = &r->s;
        const char *text = json_string_value(json_object_get(m, "text"));
        json_int_t at = json_integer_value(json_object_get(m, "at"));
        /* a new message, or the same words sent again (another moment); one sent long before this screen came is
           kept in the timeline without a banner */
        if (text && (strcmp(text, s->message) || at != r->message_at)) {
            int64_t age = at > 0 ? (int64_t)time(NULL) - (int64_t)at : 0;
            r->message_at = at;
            snprintf(s->message, sizeof s->message, "%s", text);
            s->message_ticks = SDL_GetTicks() - (uint32_t)(age > 0 ? (age < 90 ? age : 3600) : 0) * 1000u; /* its age */
            char fr[PC_LOG_LEN], en[PC_LOG_LEN];
            snprintf(fr, sizeof fr, pt_tr(PL_LANG_FR, "The facilitator: %s"), text);
            snprintf(en, sizeof en, "The facilitator: %s", text);
            pc_session_note(s, -1, fr, en);
            if (age < 90)
                pc_session_emit(s, PC_SE_MESSAGE, -1, PL_NO_CARD, text);
        }
    }
}

static void remote_move(pc_session_t *s, const pl_move_t *mv)
{
    remote_t *r = (remote_t *)s;
    if (r->seat < 0) {
        pc_session_emit(s, PC_SE_REFUSED, -1, PL_NO_CARD, pt_tr(s->lang, "You are watching this table: you do not play."));
        return;
    }
    pl_move_t m = *mv;
    m.seat = (uint8_t)r->seat;
    if (!pc_conn_can_move(r->conn)) {
        pc_session_emit(s, PC_SE_REFUSED, r->seat, PL_NO_CARD,
                        pt_tr(s->lang, "Reconnecting to the server: try again in a moment."));
        return;
    }
    /* checked here first: a refusal the rules can tell needs no round trip */
    if (m.type == PL_MOVE_PLAY) {
        pl_error_t e;
        int rc = pl_can_play(s->rs, &s->st, r->seat, m.arg, &e);
        if (rc != PL_OK) {
            char why[256];
            pt_refusal(s->rs, &s->st, &m, rc, s->lang, why, sizeof why);
            pc_session_emit(s, PC_SE_REFUSED, r->seat, m.arg, why);
            return;
        }
    }
    if (pc_conn_send_move(r->conn, &m, s->st.seq) < 0)
        pc_session_emit(s, PC_SE_REFUSED, r->seat, PL_NO_CARD, pt_tr(s->lang, "The move could not be sent."));
}

static void remote_destroy(pc_session_t *s)
{
    remote_t *r = (remote_t *)s;
    pc_conn_unlisten(r->conn, r);
    pc_session_fini(s);
    free(r);
}

static const pc_session_ops_t remote_ops = { remote_move, NULL, remote_destroy, remote_ask_log };

pc_session_t *pc_session_remote_create(pc_conn_t *c, int lang, char *err, size_t errlen)
{
    const pl_ruleset_t *rs;
    json_t *snap;
    if (!pc_conn_take_joined(c, &rs, &snap)) {
        snprintf(err, errlen, "no table joined");
        return NULL;
    }
    remote_t *r = calloc(1, sizeof *r);
    if (!r) {
        json_decref(snap);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    pc_session_t *s = &r->s;
    pc_session_init(s, &remote_ops, PC_SESSION_REMOTE, rs, lang);
    r->conn = c;
    r->table = pc_conn_table(c);
    r->seat = pc_conn_seat(c);
    s->watching = r->seat < 0;
    s->mine = r->seat >= 0 ? 1u << r->seat : 0;
    int ok = take_snapshot(r, snap, err, errlen);
    json_decref(snap);
    if (!ok) {
        pc_session_fini(s);
        free(r);
        return NULL;
    }
    snprintf(s->title, sizeof s->title, pt_tr(lang, "Table %d"), r->table);
    char fr[PC_LOG_LEN], en[PC_LOG_LEN], team[PC_TEAM_LEN];
    if (r->seat >= 0) {
        pc_session_team(s, r->seat, PL_LANG_FR, team, sizeof team);
        snprintf(fr, sizeof fr, pt_tr(PL_LANG_FR, "Joined table %d as %s."), r->table, team);
        pc_session_team(s, r->seat, PL_LANG_EN, team, sizeof team);
        snprintf(en, sizeof en, "Joined table %d as %s.", r->table, team);
    } else {
        snprintf(fr, sizeof fr, pt_tr(PL_LANG_FR, "Watching table %d."), r->table);
        snprintf(en, sizeof en, "Watching table %d.", r->table);
    }
    pc_session_note(s, -1, fr, en);
    pc_conn_listen(c, on_msg, r);
    return s;
}
