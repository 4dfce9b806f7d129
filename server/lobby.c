/* lobby.c -- one client message in, its reply out: hello, packages, tables, seats, moves, facilitator */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static table_t *table_arg(conn_t *c, json_t *msg, json_int_t re)
{
    json_t *id = json_object_get(msg, "table");
    table_t *t = json_is_integer(id) && json_integer_value(id) > 0 && json_integer_value(id) <= UINT32_MAX
                     ? srv_table(c->srv, (uint32_t)json_integer_value(id)) : NULL;
    if (!t)
        srv_send_error(c, re, PROTO_E_UNKNOWN_TABLE, "no such table");
    return t;
}

static int sub_of(conn_t *c, table_t *t)
{
    for (int i = 0; i < c->n_sub; i++)
        if (c->sub[i].t == t)
            return c->sub[i].who;
    return -1;
}

static void hello(conn_t *c, json_t *msg, json_int_t re)
{
    json_t *v = json_object_get(msg, "version");
    if (!json_is_integer(v) || json_integer_value(v) != PROTO_VERSION) {
        srv_send_error(c, re, PROTO_E_VERSION, "this server speaks protocol version %d", PROTO_VERSION);
        srv_close(c, 1);
        return;
    }
    c->hello = 1;
    json_t *o = proto_msg("welcome", re);
    json_object_set_new(o, "version", json_integer(PROTO_VERSION));
    json_object_set_new(o, "server", json_string("plateau-server " PLATEAU_VERSION));
    json_object_set_new(o, "name", json_string(c->srv->o.name));
    json_object_set_new(o, "max_frame", json_integer(PROTO_MAX_FRAME));
    srv_send(c, o);
}

static void list_packages(conn_t *c, json_int_t re)
{
    json_t *a = json_array();
    for (int i = 0; i < c->srv->n_pkgs; i++) {
        const pl_ruleset_t *rs = c->srv->pkgs[i].rs;
        json_array_append_new(a, json_pack("{s:s,s:{s:s,s:s},s:i,s:i,s:i,s:s,s:I}", "id", c->srv->pkgs[i].id,
                                           "title", "fr", pl_text(&rs->title, PL_LANG_FR), "en",
                                           pl_text(&rs->title, PL_LANG_EN), "min_seats", rs->turn.min_seats,
                                           "max_seats", rs->turn.max_seats, "default_seats",
                                           rs->turn.default_seats, "hash", c->srv->pkgs[i].hash, "size",
                                           (json_int_t)c->srv->pkgs[i].size));
    }
    json_t *o = proto_msg("packages", re);
    json_object_set_new(o, "packages", a);
    srv_send(c, o);
}

/* An optional integer field in lo..hi: 1 (with *out, def when absent), 0 when present and bad. */
static int opt_int(json_t *msg, const char *key, json_int_t lo, json_int_t hi, json_int_t def, json_int_t *out)
{
    json_t *v = json_object_get(msg, key);
    if (!v) {
        *out = def;
        return 1;
    }
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        return 0;
    *out = json_integer_value(v);
    return 1;
}

static int archived_info(void *arg, const store_archived_t *row)
{
    json_t *teams = json_array();
    for (int i = 0; i < row->n_seats && i < PL_MAX_SEATS; i++)
        json_array_append_new(teams, (row->taken >> i) & 1 ? json_string(row->team[i]) : json_null());
    json_array_append_new(arg, json_pack("{s:I,s:s,s:i,s:o,s:I,s:I,s:s}", "table", (json_int_t)row->id,
                                         "package", row->package, "seats", row->n_seats, "teams", teams, "seq",
                                         (json_int_t)row->moves, "archived", (json_int_t)row->archived,
                                         "reason", row->reason));
    return 0;
}

/* One page of the live (or archived) tables, in id order from "from": at most "limit"
 * (SRV_PAGE_MAX) of them, and "next", the id to ask from for the next page (null at the end). */
static void list_tables(conn_t *c, json_t *msg, json_int_t re)
{
    json_t *a = json_array();
    srv_t *s = c->srv;
    json_int_t from, limit;
    json_t *jarch = json_object_get(msg, "archived");
    if (!opt_int(msg, "from", 0, UINT32_MAX, 1, &from) || !opt_int(msg, "limit", 1, SRV_PAGE_MAX, 200, &limit) ||
        (jarch && !json_is_boolean(jarch))) {
        json_decref(a);
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "list_tables takes from (a table id), limit 1-%d, archived (bool)",
                       SRV_PAGE_MAX);
        return;
    }
    json_t *next = json_null();
    if (json_is_true(jarch)) {
        /* one more than asked for tells whether a next page exists */
        int n = store_each_archived(s->store, (uint32_t)from, (int)limit + 1, archived_info, a);
        if (n < 0) {
            json_decref(a);
            json_decref(next);
            srv_send_error(c, re, PROTO_E_INTERNAL, "the archived tables could not be read");
            return;
        }
        if (n > limit) {
            json_t *last = json_array_get(a, (size_t)limit);
            json_decref(next);
            next = json_incref(json_object_get(last, "table"));
            json_array_remove(a, (size_t)limit);
        }
    } else {
        json_int_t n = 0;
        for (uint32_t id = from > 0 ? (uint32_t)from : 1; id <= s->n_tables && id > 0; id++) {
            if (!s->tables[id])
                continue;
            if (n == limit) {
                json_decref(next);
                next = json_integer(id);
                break;
            }
            json_array_append_new(a, srv_table_info(s->tables[id]));
            n++;
        }
    }
    json_t *o = proto_msg("tables", re);
    json_object_set_new(o, "tables", a);
    json_object_set_new(o, "next", next);
    json_object_set_new(o, "live", json_integer(s->live_tables));
    srv_send(c, o);
}

static void delete_table(conn_t *c, json_t *msg, json_int_t re)
{
    if (!c->facilitator) {
        srv_send_error(c, re, PROTO_E_FORBIDDEN, "facilitator only");
        return;
    }
    table_t *t = table_arg(c, msg, re);
    if (!t)
        return;
    uint32_t id = t->id;
    if (srv_table_archive(t, "deleted") != 0) {
        srv_send_error(c, re, PROTO_E_INTERNAL, "the table could not be archived; try again");
        return;
    }
    srv_log("table %u: deleted by the facilitator (conn %llu); its log stays in the database", id,
            (unsigned long long)c->id);
    ok(c, re, json_pack("{s:I}", "table", (json_int_t)id));
}

static int seat_name(void *arg, const store_seat_t *seat)
{
    json_t *teams = arg;
    if (seat->seat >= 0 && (size_t)seat->seat < json_array_size(teams))
        json_array_set_new(teams, (size_t)seat->seat, json_string(seat->team));
    return 0;
}

/* The move log of a table, live or archived, a page at a time: the facilitator's at any time (the seed it gives
 * tells every card that will be drawn), anyone's once the game is over (for the debrief: nothing is hidden then). */
static void table_log(conn_t *c, json_t *msg, json_int_t re)
{
    static pl_move_t moves[SRV_LOG_PAGE_MAX];
    static uint32_t seqs[SRV_LOG_PAGE_MAX];
    json_int_t id, from, limit;
    if (!opt_int(msg, "table", 1, UINT32_MAX, 0, &id) || !json_object_get(msg, "table") ||
        !opt_int(msg, "from", 0, UINT32_MAX, 1, &from) || !opt_int(msg, "limit", 1, SRV_LOG_PAGE_MAX, 500, &limit)) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "table_log takes table, from (a seq), limit 1-%d", SRV_LOG_PAGE_MAX);
        return;
    }
    store_log_t lg;
    int r = store_table_log(c->srv->store, (uint32_t)id, (uint32_t)from, (int)limit, &lg, moves, seqs);
    if (r <= 0) {
        if (r == 0)
            srv_send_error(c, re, PROTO_E_UNKNOWN_TABLE, "no such table, live or archived");
        else
            srv_send_error(c, re, PROTO_E_INTERNAL, "the log could not be read");
        return;
    }
    table_t *live = srv_table(c->srv, (uint32_t)id);
    int over = live ? live->st.wait == PL_WAIT_OVER : lg.archived && !strcmp(lg.reason, "finished");
    if (!c->facilitator && !over) {
        srv_send_error(c, re, PROTO_E_FORBIDDEN, "the log of a game still being played is the facilitator's");
        return;
    }
    json_t *a = json_array();
    for (int i = 0; i < lg.n; i++)
        json_array_append_new(a, json_pack("[I,s,i,i]", (json_int_t)seqs[i], pl_move_name(moves[i].type) ?
                                           pl_move_name(moves[i].type) : "?", moves[i].seat, moves[i].arg));
    char seed[17];
    proto_hex64(lg.seed, seed);
    json_t *o = proto_msg("table_log", re);
    json_object_set_new(o, "table", json_integer(id));
    json_object_set_new(o, "package", json_string(lg.package));
    json_object_set_new(o, "seats", json_integer(lg.n_seats));
    json_object_set_new(o, "seed", json_string(seed));
    json_object_set_new(o, "moves_total", json_integer(lg.total));
    json_object_set_new(o, "archived", lg.archived ? json_integer(lg.archived) : json_false());
    if (lg.archived)
        json_object_set_new(o, "reason", json_string(lg.reason));
    json_object_set_new(o, "moves", a);
    json_object_set_new(o, "over", json_boolean(over));
    json_t *teams = json_array(); /* the names the teams played under (null: the default) */
    for (int i = 0; i < lg.n_seats; i++)
        json_array_append_new(teams, live && live->team[i][0] ? json_string(live->team[i]) : json_null());
    if (!live)
        store_each_seat(c->srv->store, (uint32_t)id, seat_name, teams);
    json_object_set_new(o, "teams", teams);
    json_object_set_new(o, "bots", json_integer(lg.bots));
    json_object_set_new(o, "next", lg.n > 0 && seqs[lg.n - 1] < lg.total ? json_integer((json_int_t)seqs[lg.n - 1] + 1)
                                                                         : json_null());
    srv_send(c, o);
}

static void create_table(conn_t *c, json_t *msg, json_int_t re)
{
    srv_t *s = c->srv;
    const char *pkg = json_string_value(json_object_get(msg, "package"));
    json_t *jseats = json_object_get(msg, "seats"), *jbots = json_object_get(msg, "bots");
    json_t *jtimer = json_object_get(msg, "timer"), *jteams = json_object_get(msg, "teams");
    json_t *jvote = json_object_get(msg, "vote_timer"), *jstandin = json_object_get(msg, "standin_after");
    const pkg_t *p = pkg ? srv_package(s, pkg) : NULL;
    if (!p) {
        srv_send_error(c, re, PROTO_E_UNKNOWN_PACKAGE, "no such package; see list_packages");
        return;
    }
    int n = jseats ? (int)json_integer_value(jseats) : p->rs->turn.default_seats;
    if ((jseats && !json_is_integer(jseats)) || n < 1 || n > PL_MAX_SEATS ||
        (jtimer && (!json_is_integer(jtimer) || json_integer_value(jtimer) < 0 ||
                    json_integer_value(jtimer) > 86400)) ||
        (jbots && !json_is_array(jbots)) ||
        (jvote && (!json_is_integer(jvote) || json_integer_value(jvote) < 0 || json_integer_value(jvote) > 86400)) ||
        (jstandin && (!json_is_integer(jstandin) || json_integer_value(jstandin) < 0 ||
                      json_integer_value(jstandin) > 86400))) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST,
                       "create_table wants seats 1-%d, bots [seat...], timer, vote_timer and standin_after 0-86400 "
                       "seconds", PL_MAX_SEATS);
        return;
    }
    uint8_t bots = 0;
    size_t i;
    json_t *b;
    json_array_foreach(jbots, i, b) {
        if (!json_is_integer(b) || json_integer_value(b) < 0 || json_integer_value(b) >= n) {
            srv_send_error(c, re, PROTO_E_BAD_REQUEST, "bots lists seat indices below %d", n);
            return;
        }
        bots |= (uint8_t)(1u << json_integer_value(b));
    }
    /* names given to the seats now, for whoever takes them (null: the team names itself) */
    char names[PL_MAX_SEATS][SRV_NAME_MAX + 1];
    memset(names, 0, sizeof names);
    if (jteams && (!json_is_array(jteams) || json_array_size(jteams) > (size_t)n)) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "teams lists at most %d names (or null)", n);
        return;
    }
    json_array_foreach(jteams, i, b) {
        char why[160];
        if (json_is_null(b))
            continue;
        if (!json_is_string(b) || !srv_clean_name(json_string_value(b), SRV_NAME_MAX, names[i], sizeof names[i], why,
                                                  sizeof why)) {
            srv_send_error(c, re, PROTO_E_BAD_REQUEST, "team %zu: %s", i + 1,
                           json_is_string(b) ? why : "a name is a string or null");
            return;
        }
    }
    /* the facilitator is never limited: whatever clients did, the day can go on */
    if (!c->facilitator && (c->created >= s->o.tables_per_conn || c->n_sub >= SRV_SUBS_MAX)) {
        srv_send_error(c, re, PROTO_E_LIMIT, "this connection created or joined too many tables");
        return;
    }
    if (!c->facilitator && srv_addr_tables(s, c->addr) >= s->o.tables_per_addr) {
        srv_send_error(c, re, PROTO_E_LIMIT, "%d live tables were created from your address already",
                       s->o.tables_per_addr);
        return;
    }
    if (!c->facilitator && (int)s->live_tables >= s->o.max_tables) {
        srv_send_error(c, re, PROTO_E_LIMIT, "the server holds its maximum of %d tables", s->o.max_tables);
        return;
    }
    uint64_t seed;
    char err[200];
    srv_random(&seed, sizeof seed); /* libsodium's generator: cannot fail */
    const char *fixed = getenv("PLATEAU_SERVER_SEED"); /* test hook (docs/server.md): tables that replay alike */
    if (fixed && *fixed)
        seed = strtoull(fixed, NULL, 10) * 1000003ull + s->max_id + 1;
    seed &= 0x7fffffffffffffffull; /* stored as a signed 64-bit integer */
    table_t *t = srv_table_create(s, p, n, bots, jtimer ? (uint32_t)json_integer_value(jtimer) : 0, seed, 0,
                                  err, sizeof err);
    if (!t) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "%s", err);
        return;
    }
    snprintf(t->owner, sizeof t->owner, "%s", c->facilitator ? "" : c->addr);
    /* nothing announced that is not recorded: the table and its names, all or none */
    int bad = 1;
    if (store_op_begin(s->store) == 0) {
        bad = store_add_table(s->store, t) != 0;
        for (int k = 0; k < n && !bad; k++)
            if (names[k][0] && !((bots >> k) & 1u))
                bad = store_add_seat_extra(s->store, t->id, k, "name", names[k], strlen(names[k])) != 0;
        if (!bad && jvote)
            bad = store_set_table_opt(s->store, t->id, "vote_timer", json_integer_value(jvote)) != 0;
        if (!bad && jstandin)
            bad = store_set_table_opt(s->store, t->id, "standin_after", json_integer_value(jstandin)) != 0;
        bad = store_op_end(s->store, !bad) != 0 || bad;
    }
    if (bad) {
        srv_table_discard(t);
        srv_send_error(c, re, PROTO_E_INTERNAL, "the table could not be recorded; try again");
        return;
    }
    t->vote_timer_s = jvote ? (uint32_t)json_integer_value(jvote) : 0;
    t->standin_s = jstandin ? (uint32_t)json_integer_value(jstandin) : 0;
    for (int k = 0; k < n; k++)
        if (names[k][0] && !((bots >> k) & 1u)) {
            memcpy(t->team[k], names[k], sizeof t->team[k]);
            t->named_mask |= (uint8_t)(1u << k);
        }
    c->created++;
    srv_table_changed(t); /* the lobby hears of it */
    srv_addr_count(s, t->owner, 1);
    srv_log("table %u: created (%s, %d seats, bots 0x%02x, timer %us) by conn %llu", t->id, p->id, n,
            bots, t->timer_s, (unsigned long long)c->id);
    ok(c, re, json_pack("{s:i}", "table", (int)t->id));
    srv_table_after_moves(t);
}

static void send_joined(conn_t *c, json_int_t re, table_t *t, int who, const char *token)
{
    json_t *o = proto_msg("joined", re);
    json_object_set_new(o, "table", json_integer(t->id));
    json_object_set_new(o, "seat", who < PL_MAX_SEATS ? json_integer(who) : json_null());
    if (token)
        json_object_set_new(o, "token", json_string(token));
    srv_send(c, o);
    sframe_t *f = srv_table_snapshot(t, who);
    if (!f) {
        srv_log("conn %llu: snapshot too large or out of memory; dropping it", (unsigned long long)c->id);
        srv_close(c, 0);
        return;
    }
    srv_send_shared(c, f);
    srv_frame_unref(f);
    srv_clock_send(t, c);
    srv_message_send(t, c);
}

static int subscribe(conn_t *c, table_t *t, int who, json_int_t re)
{
    if (srv_table_subscribe(t, c, who) != 0) {
        srv_send_error(c, re, PROTO_E_LIMIT, "one connection may follow at most %d tables", SRV_SUBS_MAX);
        return -1;
    }
    return 0;
}

static void send_joined_code(conn_t *c, json_int_t re, table_t *t, int seat, const char *token)
{
    json_t *o = proto_msg("joined", re);
    json_object_set_new(o, "table", json_integer(t->id));
    json_object_set_new(o, "seat", json_integer(seat));
    if (token)
        json_object_set_new(o, "token", json_string(token));
    json_object_set_new(o, "code", json_string(t->code[seat]));
    srv_send(c, o);
    sframe_t *f = srv_table_snapshot(t, seat);
    if (!f) {
        srv_log("conn %llu: snapshot too large or out of memory; dropping it", (unsigned long long)c->id);
        srv_close(c, 0);
        return;
    }
    srv_send_shared(c, f);
    srv_frame_unref(f);
    srv_clock_send(t, c);
    srv_message_send(t, c);
}

static void join(conn_t *c, json_t *msg, json_int_t re)
{
    table_t *t = table_arg(c, msg, re);
    if (!t)
        return;
    const char *raw = json_string_value(json_object_get(msg, "team"));
    json_t *jseat = json_object_get(msg, "seat");
    char team[SRV_NAME_MAX + 1] = "", why[160];
    if (json_object_get(msg, "team") && !raw) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "team is a name (1 to %d bytes of printable text)", SRV_NAME_MAX);
        return;
    }
    if (raw && !srv_clean_name(raw, SRV_NAME_MAX, team, sizeof team, why, sizeof why)) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "%s", why);
        return;
    }
    uint8_t free_seats = (uint8_t)(((1u << t->n_seats) - 1) & ~t->bot_mask & ~t->taken_mask);
    int seat;
    if (jseat) {
        if (!json_is_integer(jseat) || json_integer_value(jseat) < 0 || json_integer_value(jseat) >= t->n_seats) {
            srv_send_error(c, re, PROTO_E_BAD_REQUEST, "no seat %lld at this table",
                           json_is_integer(jseat) ? (long long)json_integer_value(jseat) : -1LL);
            return;
        }
        seat = (int)json_integer_value(jseat);
        if (!((free_seats >> seat) & 1)) {
            srv_send_error(c, re, PROTO_E_SEAT_TAKEN, "seat %d is taken (join it with its team code, or rejoin with its token)",
                           seat);
            return;
        }
    } else {
        if (!free_seats) {
            srv_send_error(c, re, PROTO_E_SEAT_TAKEN, "no free seat at this table");
            return;
        }
        seat = __builtin_ctz(free_seats);
    }
    if ((t->named_mask >> seat) & 1) /* the name given at creation stays the seat's */
        snprintf(team, sizeof team, "%s", t->team[seat]);
    if (subscribe(c, t, seat, re) != 0)
        return;
    char token[SRV_TOKEN_LEN], err[160];
    if (srv_seat_take(t, seat, team, token, err, sizeof err) != 0) { /* no token that is not stored */
        srv_table_unsubscribe(t, c);
        srv_send_error(c, re, PROTO_E_INTERNAL, "%s", err);
        return;
    }
    send_joined_code(c, re, t, seat, token);
}

/* Another device of a team (or its replacement) takes the team's seat with the code. */
static void join_code(conn_t *c, json_t *msg, json_int_t re)
{
    const char *code = json_string_value(json_object_get(msg, "code"));
    int seat = -1;
    table_t *t = code ? srv_code_lookup(c->srv, code, &seat) : NULL;
    if (!t) {
        c->strikes += 10; /* guessing costs, as for the facilitator's secret */
        srv_send_error(c, re, "bad_code", "no seat has this team code");
        return;
    }
    if (sub_of(c, t) != seat && srv_seat_devices(t, seat) >= SRV_SEAT_DEVICES) {
        srv_send_error(c, re, "seat_full", "%d devices already follow this seat", SRV_SEAT_DEVICES);
        return;
    }
    if (subscribe(c, t, seat, re) != 0)
        return;
    char token[SRV_TOKEN_LEN], err[160];
    if (srv_seat_add_device(t, seat, token, err, sizeof err) != 0) {
        srv_table_unsubscribe(t, c);
        srv_send_error(c, re, PROTO_E_INTERNAL, "%s", err);
        return;
    }
    srv_log("table %u: seat %d joined with its team code by conn %llu (%d devices)", t->id, seat,
            (unsigned long long)c->id, srv_seat_devices(t, seat));
    send_joined_code(c, re, t, seat, token);
}

static void watch_lobby(conn_t *c, json_t *msg, json_int_t re)
{
    json_t *on = json_object_get(msg, "on");
    int want = on ? json_is_true(on) : 1;
    c->srv->n_lobby += want - (c->lobby != 0);
    c->lobby = want;
    ok(c, re, NULL);
}

static void rejoin(conn_t *c, json_t *msg, json_int_t re)
{
    const char *token = json_string_value(json_object_get(msg, "token"));
    unsigned id;
    int seat, used = 0;
    table_t *t = NULL;
    if (token && strlen(token) < SRV_TOKEN_LEN && sscanf(token, "%u-%d-%n", &id, &seat, &used) == 2 && used > 0)
        t = srv_table(c->srv, id);
    if (t && seat >= 0 && seat < t->n_seats && ((t->taken_mask >> seat) & 1)) {
        if (srv_seat_token_ok(t, seat, token)) {
            if (sub_of(c, t) != seat && srv_seat_devices(t, seat) >= SRV_SEAT_DEVICES)
                srv_send_error(c, re, "seat_full", "%d devices already follow this seat", SRV_SEAT_DEVICES);
            else if (subscribe(c, t, seat, re) == 0)
                send_joined_code(c, re, t, seat, NULL);
            return;
        }
    }
    if (!t && used > 0 && id > 0 && id <= c->srv->max_id)
        srv_send_error(c, re, PROTO_E_BAD_TOKEN, "table %u is closed (archived, see list_tables archived)", id);
    else
        srv_send_error(c, re, PROTO_E_BAD_TOKEN, "this seat token is not valid here");
}

static void watch(conn_t *c, json_t *msg, json_int_t re)
{
    table_t *t = table_arg(c, msg, re);
    if (!t)
        return;
    const char *as = json_string_value(json_object_get(msg, "as"));
    int who = PL_WHO_OBSERVER;
    if (as && strcmp(as, "facilitator") == 0) {
        if (!c->facilitator) {
            srv_send_error(c, re, PROTO_E_FORBIDDEN, "log in as facilitator first");
            return;
        }
        who = PL_WHO_FACILITATOR;
    } else if (as && strcmp(as, "observer") != 0) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "\"as\" is observer or facilitator");
        return;
    }
    if (subscribe(c, t, who, re) == 0)
        send_joined(c, re, t, who, NULL);
}

static void leave(conn_t *c, json_t *msg, json_int_t re)
{
    table_t *t = table_arg(c, msg, re);
    if (!t)
        return;
    srv_table_unsubscribe(t, c);
    ok(c, re, NULL);
}

/* {"type":"ok","re":N,"table":T,"seq":S} written as text: one per move, no JSON tree */
static void ok_move(conn_t *c, json_int_t re, const table_t *t)
{
    char buf[128];
    int n = re >= 0 ? snprintf(buf + PROTO_HEADER, sizeof buf - PROTO_HEADER,
                               "{\"type\":\"ok\",\"re\":%lld,\"table\":%u,\"seq\":%u}", (long long)re,
                               t->id, (unsigned)t->st.seq)
                    : snprintf(buf + PROTO_HEADER, sizeof buf - PROTO_HEADER,
                               "{\"type\":\"ok\",\"table\":%u,\"seq\":%u}", t->id, (unsigned)t->st.seq);
    sframe_t *f = srv_frame_new((size_t)n + PROTO_HEADER);
    if (!f) {
        srv_close(c, 0);
        return;
    }
    proto_put_header((uint8_t *)buf, (uint32_t)n);
    memcpy(f->p, buf, f->len);
    srv_send_shared(c, f);
    srv_frame_unref(f);
}

static void move(conn_t *c, json_t *msg, json_int_t re)
{
    table_t *t = table_arg(c, msg, re);
    if (!t)
        return;
    int who = sub_of(c, t);
    if (who < 0) {
        srv_send_error(c, re, PROTO_E_NOT_SEATED, "join or rejoin a seat of this table first");
        return;
    }
    if (who >= PL_MAX_SEATS) {
        srv_send_error(c, re, PROTO_E_OBSERVER, "observers and the facilitator view do not play");
        return;
    }
    pl_move_t mv;
    char err[PROTO_ERR_LEN];
    json_t *jm = json_object_get(msg, "move");
    if (!proto_move_decode(jm, &mv, err, sizeof err)) {
        srv_send_error(c, re, PROTO_E_BAD_REQUEST, "%s", err);
        return;
    }
    if (json_object_get(jm, "seat") && mv.seat != who) {
        srv_send_error(c, re, PROTO_E_FORBIDDEN, "you hold seat %d, not seat %d", who, mv.seat);
        return;
    }
    if (mv.type == PL_MOVE_TIMEOUT) {
        srv_send_error(c, re, PROTO_E_FORBIDDEN, "only the server's turn timer times out");
        return;
    }
    if (pl_move_is_host(mv.type)) {
        srv_send_error(c, re, PROTO_E_FORBIDDEN, "only the facilitator holds a table, reveals a card, places a pawn or "
                       "ends a game (see the facilitator's commands)");
        return;
    }
    if ((srv_table_bots(t) >> who) & 1u) {
        srv_send_error(c, re, PROTO_E_FORBIDDEN, "the computer plays this seat for now (the facilitator gave it a "
                       "bot, or its team was away): ask the facilitator");
        return;
    }
    /* several devices of a team: the first valid move counts; one based on an older table is refused */
    json_t *jseq = json_object_get(msg, "seq");
    if (jseq && (!json_is_integer(jseq) || json_integer_value(jseq) != (json_int_t)t->st.seq)) {
        srv_send_error(c, re, "stale", "the table is at move %u: another device of your team, or another team, "
                       "played first", (unsigned)t->st.seq);
        return;
    }
    mv.seat = (uint8_t)who;
    pl_error_t perr;
    int r = srv_table_move(t, &mv, &perr);
    if (r != PL_OK) {
        srv_send_error(c, re, r > 0 ? pl_reason_name(r) : PROTO_E_INTERNAL, "%s", perr.msg);
        return;
    }
    ok_move(c, re, t);
    srv_table_after_moves(t);
}

static void facilitator(conn_t *c, json_t *msg, json_int_t re)
{
    srv_facilitator_login(c, json_string_value(json_object_get(msg, "secret")), re);
}

void srv_handle(conn_t *c, json_t *msg)
{
    const char *type = proto_type(msg);
    json_int_t re = proto_request_id(msg);
    if (!c->hello) {
        if (strcmp(type, "hello") == 0)
            hello(c, msg, re);
        else {
            srv_send_error(c, re, PROTO_E_HELLO_FIRST, "say hello first");
            c->strikes++;
        }
        return;
    }
    if (strcmp(type, "ping") == 0)
        srv_send(c, proto_msg("pong", re));
    else if (strcmp(type, "hello") == 0)
        hello(c, msg, re);
    else if (strcmp(type, "list_packages") == 0)
        list_packages(c, re);
    else if (strcmp(type, "list_tables") == 0)
        list_tables(c, msg, re);
    else if (strcmp(type, "create_table") == 0)
        create_table(c, msg, re);
    else if (strcmp(type, "join") == 0)
        join(c, msg, re);
    else if (strcmp(type, "rejoin") == 0)
        rejoin(c, msg, re);
    else if (strcmp(type, "join_code") == 0)
        join_code(c, msg, re);
    else if (strcmp(type, "watch_lobby") == 0)
        watch_lobby(c, msg, re);
    else if (strcmp(type, "get_package") == 0)
        srv_send_package(c, msg, re);
    else if (strcmp(type, "watch") == 0)
        watch(c, msg, re);
    else if (strcmp(type, "leave") == 0)
        leave(c, msg, re);
    else if (strcmp(type, "move") == 0)
        move(c, msg, re);
    else if (strcmp(type, "facilitator") == 0)
        facilitator(c, msg, re);
    else if (strcmp(type, "delete_table") == 0)
        delete_table(c, msg, re);
    else if (strcmp(type, "table_log") == 0)
        table_log(c, msg, re);
    else if (srv_console_handle(c, type, msg, re))
        ;
    else {
        c->strikes++;
        srv_send_error(c, re, PROTO_E_UNKNOWN_MESSAGE, "unknown message type '%.40s'", type);
    }
}
