/* table.c -- one table: moves checked by the core, logged, then each listener gets its own view */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server.h"

enum { WHO_SLOTS = PL_MAX_SEATS + 2 };

/* scratch space for one move's fan-out; the loop has one thread */
static pl_state_t scratch_prev;
static pl_events_t scratch_ev;
static pl_state_t view_prev[WHO_SLOTS], view_cur[WHO_SLOTS];

static int who_slot(int who)
{
    return who == PL_WHO_OBSERVER ? PL_MAX_SEATS : who == PL_WHO_FACILITATOR ? PL_MAX_SEATS + 1 : who;
}

table_t *srv_table(srv_t *s, uint32_t id)
{
    if (id == 0 || id > s->n_tables)
        return NULL;
    return s->tables[id];
}

table_t *srv_table_create(srv_t *s, const pkg_t *p, int n_seats, uint8_t bots, uint32_t timer_s,
                          uint64_t seed, uint32_t id, char *err, size_t errlen)
{
    pl_error_t perr;
    if (id == 0)
        id = s->max_id + 1;
    if (id >= s->cap_tables) {
        uint32_t cap = s->cap_tables ? s->cap_tables : 64;
        while (cap <= id)
            cap *= 2;
        table_t **nt = realloc(s->tables, cap * sizeof *nt);
        if (!nt) {
            snprintf(err, errlen, "out of memory");
            return NULL;
        }
        memset(nt + s->cap_tables, 0, (cap - s->cap_tables) * sizeof *nt);
        s->tables = nt;
        s->cap_tables = cap;
    }
    if (s->tables[id]) {
        snprintf(err, errlen, "table %u exists", id);
        return NULL;
    }
    table_t *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    t->id = id;
    t->pkg = p;
    t->n_seats = n_seats;
    t->seed = seed;
    t->bot_mask = bots & (uint8_t)((1u << n_seats) - 1);
    t->timer_s = timer_s;
    if (pl_state_init(p->rs, &t->st, n_seats, seed, &perr) != PL_OK) {
        snprintf(err, errlen, "%s", perr.msg);
        free(t);
        return NULL;
    }
    for (int i = 0; i < n_seats; i++)
        pl_bot_init(&t->bot[i], PL_BOT_GREEDY, seed ^ (0x9e3779b97f4a7c15ull * (uint64_t)(i + 1)));
    uv_timer_init(s->loop, &t->timer);
    t->timer.data = t;
    t->idle_since_ms = srv_now_ms(s);
    s->tables[id] = t;
    if (id > s->n_tables)
        s->n_tables = id;
    if (id > s->max_id)
        s->max_id = id;
    s->live_tables++;
    return t;
}

static void timer_closed(uv_handle_t *h)
{
    table_t *t = h->data;
    free(t->subs);
    free(t);
}

void srv_table_free(table_t *t)
{
    if (!t)
        return;
    uv_timer_stop(&t->timer);
    uv_close((uv_handle_t *)&t->timer, timer_closed);
}

void srv_table_discard(table_t *t)
{
    srv_t *s = t->timer.loop->data;
    t->archiving = 1;
    while (t->n_subs > 0)
        srv_table_unsubscribe(t, t->subs[0].c);
    srv_table_forget(t);
    s->tables[t->id] = NULL;
    if (t->id == s->max_id) /* never recorded: its id may be given again */
        s->max_id--;
    s->live_tables--;
    srv_table_free(t);
}

int srv_addr_tables(srv_t *s, const char *addr)
{
    for (int i = 0; i < s->n_addrs; i++)
        if (!strcmp(s->addrs[i].addr, addr))
            return s->addrs[i].tables;
    return 0;
}

void srv_addr_count(srv_t *s, const char *addr, int delta)
{
    if (!addr[0])
        return; /* the facilitator's tables count for no address */
    for (int i = 0; i < s->n_addrs; i++)
        if (!strcmp(s->addrs[i].addr, addr)) {
            s->addrs[i].tables += delta;
            if (s->addrs[i].tables <= 0)
                s->addrs[i] = s->addrs[--s->n_addrs];
            return;
        }
    if (delta <= 0)
        return;
    if (s->n_addrs == s->cap_addrs) {
        int cap = s->cap_addrs ? s->cap_addrs * 2 : 16;
        struct srv_addr *na = realloc(s->addrs, (size_t)cap * sizeof *na);
        if (!na)
            return; /* that address is then not counted: the other limits still hold */
        s->addrs = na;
        s->cap_addrs = cap;
    }
    snprintf(s->addrs[s->n_addrs].addr, sizeof s->addrs[0].addr, "%s", addr);
    s->addrs[s->n_addrs++].tables = delta;
}

int srv_table_archive(table_t *t, const char *reason)
{
    srv_t *s = t->timer.loop->data;
    if (store_archive_table(s->store, t->id, reason) != 0) {
        srv_log("table %u: could not be archived (%s); it stays live", t->id, reason);
        return -1;
    }
    char msg[128];
    int n = snprintf(msg + PROTO_HEADER, sizeof msg - PROTO_HEADER,
                     "{\"type\":\"closed\",\"table\":%u,\"reason\":\"%s\"}", t->id, reason);
    sframe_t *f = n > 0 && (size_t)n < sizeof msg - PROTO_HEADER ? srv_frame_new((size_t)n + PROTO_HEADER) : NULL;
    if (f) {
        proto_put_header((uint8_t *)msg, (uint32_t)n);
        memcpy(f->p, msg, f->len);
    }
    t->archiving = 1; /* it leaves: no stand-in, no presence to follow */
    while (t->n_subs > 0) {
        conn_t *c = t->subs[0].c;
        if (f)
            srv_send_shared(c, f);
        srv_table_unsubscribe(t, c);
    }
    srv_frame_unref(f);
    srv_log("table %u: archived (%s) after %u moves", t->id, reason, (unsigned)t->st.seq);
    srv_addr_count(s, t->owner, -1);
    srv_table_forget(t);
    s->tables[t->id] = NULL;
    s->live_tables--;
    srv_table_free(t);
    srv_kick(s);
    return 0;
}

void srv_tables_expire(srv_t *s)
{
    uint64_t now = srv_now_ms(s);
    for (uint32_t id = 1; id <= s->n_tables; id++) {
        table_t *t = s->tables[id];
        if (!t)
            continue;
        if (t->over_since_ms && now - t->over_since_ms >= (uint64_t)s->o.archive_finished_s * 1000)
            srv_table_archive(t, "finished");
        else if (t->n_seated == 0 && now - t->idle_since_ms >= (uint64_t)s->o.archive_idle_s * 1000)
            srv_table_archive(t, "idle");
    }
}

static srv_t *table_srv(table_t *t)
{
    return t->timer.loop->data;
}

int srv_table_subscribe(table_t *t, conn_t *c, int who)
{
    for (int i = 0; i < c->n_sub; i++)
        if (c->sub[i].t == t) {
            int was_seat = c->sub[i].who < PL_MAX_SEATS, is_seat = who < PL_MAX_SEATS, old_seat = c->sub[i].who;
            c->sub[i].who = (uint8_t)who;
            for (int k = 0; k < t->n_subs; k++)
                if (t->subs[k].c == c)
                    t->subs[k].who = (uint8_t)who;
            t->n_seated += is_seat - was_seat;
            if (t->n_seated == 0)
                t->idle_since_ms = srv_now_ms(c->srv);
            if (is_seat || was_seat)
                srv_table_changed(t);
            if (was_seat && old_seat != who)
                srv_seat_presence(t, old_seat);
            if (is_seat)
                srv_seat_presence(t, who);
            return 0;
        }
    if (c->n_sub >= SRV_SUBS_MAX)
        return -1;
    if (t->n_subs == t->cap_subs) {
        int cap = t->cap_subs ? t->cap_subs * 2 : 8;
        tsub_t *ns = realloc(t->subs, (size_t)cap * sizeof *ns);
        if (!ns)
            return -1;
        t->subs = ns;
        t->cap_subs = cap;
    }
    t->subs[t->n_subs].c = c;
    t->subs[t->n_subs].who = (uint8_t)who;
    t->n_subs++;
    if (who < PL_MAX_SEATS) {
        t->n_seated++;
        srv_table_changed(t); /* one more device on a seat */
    }
    c->sub[c->n_sub].t = t;
    c->sub[c->n_sub].who = (uint8_t)who;
    c->n_sub++;
    if (who < PL_MAX_SEATS)
        srv_seat_presence(t, who);
    return 0;
}

void srv_table_unsubscribe(table_t *t, conn_t *c)
{
    int left_seat = -1;
    for (int i = 0; i < t->n_subs; i++)
        if (t->subs[i].c == c) {
            if (t->subs[i].who < PL_MAX_SEATS) {
                if (--t->n_seated == 0)
                    t->idle_since_ms = srv_now_ms(c->srv);
                srv_table_changed(t); /* a device of a seat left (or dropped) */
                left_seat = t->subs[i].who;
            }
            t->subs[i] = t->subs[--t->n_subs];
            break;
        }
    for (int i = 0; i < c->n_sub; i++)
        if (c->sub[i].t == t) {
            c->sub[i] = c->sub[--c->n_sub];
            break;
        }
    if (left_seat >= 0 && !t->archiving)
        srv_seat_presence(t, left_seat);
}

json_t *srv_table_info(table_t *t)
{
    json_t *teams = json_array(), *bots = json_array(), *taken = json_array(), *devices = json_array();
    for (int i = 0; i < t->n_seats; i++) {
        int named = ((t->taken_mask | t->named_mask) >> i) & 1 && t->team[i][0];
        json_array_append_new(teams, named ? json_string(t->team[i]) : json_null());
        json_array_append_new(taken, json_boolean((t->taken_mask >> i) & 1));
        json_array_append_new(devices, json_integer(srv_seat_devices(t, i)));
        if ((t->bot_mask >> i) & 1)
            json_array_append_new(bots, json_integer(i));
    }
    static const char *const modes[] = { "auto", "bot", "team" };
    json_t *standins = json_array(), *seat_modes = json_array();
    for (int i = 0; i < t->n_seats; i++) {
        if ((t->standin_mask >> i) & 1u)
            json_array_append_new(standins, json_integer(i));
        json_array_append_new(seat_modes, json_string(modes[t->seat_mode[i] % 3]));
    }
    json_t *o = json_pack("{s:i,s:s,s:s,s:i,s:o,s:o,s:o,s:o,s:i,s:I,s:b,s:b}", "table", (int)t->id, "package",
                          t->pkg->id, "package_hash", t->pkg->hash, "seats", t->n_seats, "teams", teams, "taken", taken,
                          "devices", devices, "bots", bots, "timer", (int)t->timer_s, "seq", (json_int_t)t->st.seq,
                          "over", t->st.wait == PL_WAIT_OVER, "broken", t->broken);
    /* what the facilitator's dashboard follows */
    json_object_set_new(o, "round", json_integer(t->st.round));
    json_object_set_new(o, "current", json_integer(t->st.current));
    json_object_set_new(o, "awaited", json_integer(pl_expected(&t->st)));
    json_object_set_new(o, "paused", json_boolean(t->st.paused));
    json_object_set_new(o, "vote_timer", json_integer(t->vote_timer_s));
    json_object_set_new(o, "standin_after", json_integer(t->standin_s));
    json_object_set_new(o, "standins", standins);
    json_object_set_new(o, "seat_modes", seat_modes);
    json_object_set_new(o, "clock", srv_clock_json(t));
    return o;
}

typedef struct {
    uint8_t *p;
    size_t len, cap;
    int oom;
} obuf_t;

static obuf_t frame_buf; /* scratch for building one update; kept between moves */

static void oput(obuf_t *b, const void *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        uint8_t *np = realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void ostr(obuf_t *b, const char *s)
{
    oput(b, s, strlen(s));
}

static void ouint(obuf_t *b, uint64_t v)
{
    char d[24], *e = d + sizeof d, *q = e;
    do {
        *--q = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    oput(b, q, (size_t)(e - q));
}

/* "view_hash":"…","state_hash":"…" (16 hex digits each) */
static void put_hashes(obuf_t *b, uint64_t view_hash, uint64_t state_hash)
{
    char vh[17], sh[17];
    proto_hex64(view_hash, vh);
    proto_hex64(state_hash, sh);
    ostr(b, "\"view_hash\":\"");
    oput(b, vh, 16);
    ostr(b, "\",\"state_hash\":\"");
    oput(b, sh, 16);
    oput(b, "\"", 1);
}

/* The frame built in b, header filled, as a shared buffer; NULL when out of memory or too big. */
static sframe_t *finish_frame(obuf_t *b)
{
    if (b->oom || b->len - PROTO_HEADER > PROTO_MAX_FRAME_S2C)
        return NULL;
    proto_put_header(b->p, (uint32_t)(b->len - PROTO_HEADER));
    sframe_t *f = srv_frame_new(b->len);
    if (f)
        memcpy(f->p, b->p, b->len);
    return f;
}

/* The whole update frame for one viewer, written as text (no JSON tree: this is the server's
 * hot path). Same message as documented in docs/protocol.md. A new shared frame, or NULL. */
static sframe_t *update_frame(const table_t *t, int who, const pl_state_t *prev, const pl_state_t *cur,
                              const pl_move_t *mv, const pl_events_t *ev, uint64_t state_hash)
{
    obuf_t *b = &frame_buf;
    char tmp[256];
    size_t vl;
    char *view = proto_view_diff_text(prev, cur, &vl);
    if (!view)
        return NULL;
    /* a ballot is secret until the vote's result: only the voter hears its own choice */
    int arg = mv->type == PL_MOVE_VOTE && who != mv->seat ? 0xFFFF : mv->arg;
    b->len = 0;
    b->oom = 0;
    oput(b, "\0\0\0\0", PROTO_HEADER);
    ostr(b, "{\"type\":\"update\",\"table\":");
    ouint(b, t->id);
    ostr(b, ",\"seq\":");
    ouint(b, t->st.seq);
    ostr(b, ",\"move\":{\"type\":\"");
    ostr(b, pl_move_name(mv->type) ? pl_move_name(mv->type) : "?");
    ostr(b, "\",\"seat\":");
    ouint(b, mv->seat);
    ostr(b, ",\"arg\":");
    ouint(b, (uint64_t)arg);
    ostr(b, "},\"events\":[");
    int first = 1;
    for (int e = 0; e < ev->n; e++) {
        pl_event_t out;
        if (!pl_event_for(&ev->ev[e], who, &out))
            continue;
        size_t el = proto_event_text(&out, tmp + 1, sizeof tmp - 1);
        tmp[0] = ',';
        oput(b, first ? tmp + 1 : tmp, first ? el : el + 1);
        first = 0;
    }
    ostr(b, "],");
    put_hashes(b, pl_state_hash(cur), state_hash);
    ostr(b, ",\"view\":");
    oput(b, view, vl);
    oput(b, "}", 1);
    free(view);
    return finish_frame(b);
}

/* Send every listener its own update for the move that turned prev into t->st: one frame per
 * kind of viewer, shared by all the connections of that viewer. */
static void fan_out(table_t *t, const pl_state_t *prev, const pl_move_t *mv, const pl_events_t *ev,
                    uint64_t state_hash)
{
    sframe_t *frame[WHO_SLOTS] = { 0 };
    for (int i = 0; i < t->n_subs; i++) {
        int who = t->subs[i].who, k = who_slot(who);
        if (!frame[k]) {
            pl_view(t->pkg->rs, prev, who, &view_prev[k]);
            pl_view(t->pkg->rs, &t->st, who, &view_cur[k]);
            frame[k] = update_frame(t, who, &view_prev[k], &view_cur[k], mv, ev, state_hash);
            if (!frame[k]) {
                srv_log("table %u: cannot build an update; closing a listener", t->id);
                srv_close(t->subs[i].c, 0);
                i--; /* the listener left the array */
                continue;
            }
        }
        srv_send_shared(t->subs[i].c, frame[k]);
    }
    for (int k = 0; k < WHO_SLOTS; k++)
        srv_frame_unref(frame[k]);
}

/* The snapshot of t for one viewer, written as text like an update (the view is the largest
 * part, and 10,000 joins at once are a burst): same message as docs/protocol.md describes. */
sframe_t *srv_table_snapshot(table_t *t, int who)
{
    obuf_t *b = &frame_buf;
    pl_state_t *v = &view_cur[0];
    size_t vl;
    pl_view(t->pkg->rs, &t->st, who, v);
    char *view = proto_view_diff_text(NULL, v, &vl);
    json_t *info = srv_table_info(t);
    char *itext = info ? json_dumps(info, JSON_COMPACT) : NULL;
    json_decref(info);
    if (!view || !itext) {
        free(view);
        free(itext);
        return NULL;
    }
    b->len = 0;
    b->oom = 0;
    oput(b, "\0\0\0\0", PROTO_HEADER);
    ostr(b, "{\"type\":\"snapshot\",\"table\":");
    ouint(b, t->id);
    ostr(b, ",\"who\":");
    if (who == PL_WHO_OBSERVER)
        ostr(b, "\"observer\"");
    else if (who == PL_WHO_FACILITATOR)
        ostr(b, "\"facilitator\"");
    else
        ouint(b, (uint64_t)who);
    ostr(b, ",\"info\":");
    ostr(b, itext);
    ostr(b, ",\"seq\":");
    ouint(b, t->st.seq);
    ostr(b, ",\"view\":");
    oput(b, view, vl);
    ostr(b, ",");
    put_hashes(b, pl_state_hash(v), pl_state_hash(&t->st));
    ostr(b, "}");
    free(view);
    free(itext);
    return finish_frame(b);
}

int srv_table_move(table_t *t, const pl_move_t *mv, pl_error_t *err)
{
    srv_t *s = table_srv(t);
    if (t->broken) {
        err->code = PL_ERR_GAME_OVER;
        snprintf(err->msg, sizeof err->msg, "this table is out of order (see the server log)");
        return err->code;
    }
    memcpy(&scratch_prev, &t->st, sizeof t->st);
    int r = pl_apply(t->pkg->rs, &t->st, mv, &scratch_ev, err);
    if (r != PL_OK)
        return r;
    uint64_t state_hash = pl_state_hash(&t->st);
    if (store_add_move(s->store, t->id, t->st.seq, mv, state_hash) != 0) {
        memcpy(&t->st, &scratch_prev, sizeof t->st);
        err->code = PL_ERR_BAD_MOVE;
        snprintf(err->msg, sizeof err->msg, "the move could not be recorded; try again");
        return -1;
    }
    s->moves++;
    if (!pl_move_is_host(mv->type))
        t->player_moves++;
    srv_kick(s);
    fan_out(t, &scratch_prev, mv, &scratch_ev, state_hash);
    if (scratch_prev.round != t->st.round || scratch_prev.current != t->st.current ||
        scratch_prev.paused != t->st.paused || scratch_prev.wait != t->st.wait)
        srv_table_status(t); /* the facilitator's dashboard follows rounds, turns and holds */
    return PL_OK;
}

void srv_table_after_moves(table_t *t)
{
    for (int steps = 0; steps < SRV_BOT_STEPS && t->st.wait != PL_WAIT_OVER && !t->broken; steps++) {
        unsigned due = pl_expected(&t->st) & srv_table_bots(t);
        if (!due)
            break;
        int seat = __builtin_ctz(due);
        pl_move_t mv;
        pl_error_t err;
        if (!pl_bot_move(t->pkg->rs, &t->st, seat, &t->bot[seat], &mv)) {
            mv.type = PL_MOVE_TIMEOUT; /* a bot with nothing to do must not stall the table */
            mv.seat = (uint8_t)seat;
            mv.arg = 0;
        }
        if (srv_table_move(t, &mv, &err) != PL_OK) {
            srv_log("table %u: bot move refused (%s); table stopped", t->id, err.msg);
            t->broken = 1;
        }
    }
    if (t->st.wait == PL_WAIT_OVER && !t->over_since_ms) {
        t->over_since_ms = srv_now_ms(table_srv(t));
        srv_table_changed(t);
    }
    srv_clock_update(t);
}

/* ---- restart: rebuild every table from its log ---- */

static int restore_seat(void *arg, const store_seat_t *seat)
{
    table_t *t = arg;
    if (seat->seat < 0 || seat->seat >= t->n_seats)
        return 0;
    snprintf(t->team[seat->seat], sizeof t->team[0], "%s", seat->team);
    memcpy(t->token_hash[seat->seat], seat->hash, 32);
    t->taken_mask |= (uint8_t)(1u << seat->seat);
    return 0;
}

static int restore_opt(void *arg, const char *key, int64_t value)
{
    table_t *t = arg;
    uint32_t v = value < 0 ? 0 : value > 86400 ? 86400 : (uint32_t)value;
    int seat;
    if (!strcmp(key, "turn_timer"))
        t->timer_s = v;
    else if (!strcmp(key, "vote_timer"))
        t->vote_timer_s = v;
    else if (!strcmp(key, "standin_after"))
        t->standin_s = v;
    else if (sscanf(key, "seat_mode_%d", &seat) == 1 && seat >= 0 && seat < t->n_seats && value >= SRV_SEAT_AUTO &&
             value <= SRV_SEAT_TEAM)
        t->seat_mode[seat] = (uint8_t)value;
    return 0;
}

static int restore_table(void *arg, store_table_t *row)
{
    srv_t *s = arg;
    char err[200];
    pl_error_t perr;
    size_t bad = 0;
    const pkg_t *p = srv_package(s, row->package);
    if (!p) {
        srv_log("table %u: package '%s' is no longer offered; table not resumed", row->id, row->package);
        s->upgrade_skipped++; /* its hashes stay as they are: the upgrade waits for it */
        return 0;
    }
    table_t *t = srv_table_create(s, p, row->n_seats, row->bots, row->timer_s, row->seed, row->id, err, sizeof err);
    if (!t) {
        srv_log("table %u: cannot be set up again: %s", row->id, err);
        s->upgrade_skipped++;
        return 0;
    }
    if (pl_replay(p->rs, row->n_seats, row->seed, row->moves, row->n_moves, &t->st, NULL, &bad, &perr) != PL_OK) {
        srv_log("table %u: replay refused move %zu: %s; table stopped", row->id, bad, perr.msg);
        t->broken = 1;
    } else if (row->n_moves && s->hash_upgrade) {
        if (store_set_last_hash(s->store, t->id, pl_state_hash(&t->st)) == 0)
            s->upgrade_rewritten++;
        else
            s->upgrade_skipped++;
    } else if (row->n_moves && pl_state_hash(&t->st) != row->last_hash) {
        srv_log("table %u: replayed state hash differs from the log; table stopped", row->id);
        t->broken = 1;
    }
    snprintf(t->owner, sizeof t->owner, "%s", row->owner);
    srv_addr_count(s, t->owner, 1);
    store_each_seat(s->store, t->id, restore_seat, t);
    store_each_seat_extra(s->store, t->id, srv_seat_restore_extra, t);
    store_each_table_opt(s->store, t->id, restore_opt, t);
    store_last_message(s->store, t->id, t->message, sizeof t->message, &t->message_at);
    for (int i = 0; i < t->n_seats; i++) /* nobody is back yet: away since now */
        if ((t->taken_mask >> i) & 1u)
            t->away_since_ms[i] = srv_now_ms(s);
    return 0;
}

int srv_tables_restore(srv_t *s, char *err, size_t errlen)
{
    char have[16], want[16];
    snprintf(want, sizeof want, "%d", PL_HASH_VERSION);
    if (!store_get_meta(s->store, "state_hash_version", have, sizeof have))
        snprintf(have, sizeof have, "1"); /* logs from before the version was recorded */
    if (atoi(have) > PL_HASH_VERSION) {
        snprintf(err, errlen, "the database was written by a newer plateau-server (state hash version %s, this "
                 "one knows %d): use that server, or another --db", have, PL_HASH_VERSION);
        return -1;
    }
    s->hash_upgrade = strcmp(have, want) != 0;
    s->max_id = store_max_table_id(s->store);
    s->upgrade_rewritten = s->upgrade_skipped = 0;
    if (store_each_table(s->store, restore_table, s) != 0) {
        snprintf(err, errlen, "cannot read the tables from the database");
        return -1;
    }
    if (s->hash_upgrade && s->upgrade_skipped) {
        /* the version stays: the next start upgrades again, skipped tables included */
        srv_log("the move log's state hashes come from version %s of the rules core (now %s): %u tables "
                "upgraded, %u not (see above); the upgrade is tried again at the next start", have, want,
                s->upgrade_rewritten, s->upgrade_skipped);
    } else if (s->hash_upgrade) {
        if (store_set_meta(s->store, "state_hash_version", want) != 0) {
            snprintf(err, errlen, "cannot record the hash version in the database");
            return -1;
        }
        if (s->upgrade_rewritten)
            srv_log("the move log's state hashes come from version %s of the rules core (now %s): %u tables "
                    "replayed without comparing them; their last hashes rewritten", have, want,
                    s->upgrade_rewritten);
    }
    s->hash_upgrade = 0;
    for (uint32_t id = 1; id <= s->n_tables; id++)
        if (s->tables[id])
            srv_table_after_moves(s->tables[id]);
    srv_standins_check(s);
    return 0;
}
