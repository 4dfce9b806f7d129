/* client.c -- plateau-bot's connections: one per seat, join, keep the view in sync, play, time */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bot.h"

enum { ST_CONNECTING, ST_HELLO, ST_WAIT_TABLE, ST_JOINING, ST_PLAYING };

static uint8_t rbuf[65536];

static uint64_t now_ns(void)
{
    return uv_hrtime();
}

static void start_conn(bconn_t *c);

static void on_write(uv_write_t *req, int status)
{
    free(req->data);
    free(req);
}

static void send_frame(bconn_t *c, uint8_t *buf, size_t len);

static void send_msg(bconn_t *c, json_t *msg)
{
    size_t len;
    uint8_t *buf = proto_frame(msg, PROTO_MAX_FRAME, &len);
    json_decref(msg);
    send_frame(c, buf, len);
}

/* Takes buf (a malloc'ed frame). */
static void send_frame(bconn_t *c, uint8_t *buf, size_t len)
{
    if (!buf || !c->open) {
        free(buf);
        return;
    }
    uv_buf_t b = uv_buf_init((char *)buf, (unsigned)len);
    int r = uv_try_write((uv_stream_t *)&c->tcp, &b, 1); /* usually all of it: no request, no poll change */
    if (r == (int)len) {
        free(buf);
        return;
    }
    if (r > 0) {
        b.base += r;
        b.len -= (size_t)r;
    }
    uv_write_t *w = malloc(sizeof *w);
    if (!w) {
        free(buf);
        return;
    }
    w->data = buf;
    if (uv_write(w, (uv_stream_t *)&c->tcp, &b, 1, on_write) != 0) {
        free(buf);
        free(w);
    }
}

static json_t *req(bconn_t *c, const char *type, json_int_t *id)
{
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string(type));
    json_object_set_new(o, "id", json_integer(++c->next_id));
    if (id)
        *id = c->next_id;
    return o;
}

static void table_done(btable_t *t)
{
    t->done = 1;
    B.tables_done++;
    if (B.o.verbose)
        printf("table %u final seq %u state_hash %016llx\n", t->id, t->final_seq,
               (unsigned long long)t->final_hash);
    if (B.tables_done == B.o.tables)
        bot_finish();
}

static void close_conn(bconn_t *c)
{
    if (c->open && !uv_is_closing((uv_handle_t *)&c->tcp)) {
        uv_read_stop((uv_stream_t *)&c->tcp);
        uv_close((uv_handle_t *)&c->tcp, NULL);
    }
    c->open = 0;
}

static void send_join(bconn_t *c)
{
    json_t *o = req(c, "join", NULL);
    char team[32];
    snprintf(team, sizeof team, "bot-%d-%d", c->tab->index, c->seat);
    json_object_set_new(o, "table", json_integer(c->tab->id));
    json_object_set_new(o, "seat", json_integer(c->seat));
    json_object_set_new(o, "team", json_string(team));
    c->state = ST_JOINING;
    send_msg(c, o);
}

static void send_move(bconn_t *c)
{
    pl_move_t mv;
    c->queued_ready = 0;
    /* only on a connection whose hello and rejoin were answered (its snapshot taken): a move
     * queued before a loss is dropped here and decided again from the new snapshot */
    if (c->done || !c->open || c->state != ST_PLAYING || !c->have_view ||
        !((pl_expected(&c->view) >> c->seat) & 1)) {
        c->inflight = 0;
        return;
    }
    if (!pl_bot_move(B.rs, &c->view, c->seat, &c->bot, &mv)) {
        c->inflight = 0;
        return;
    }
    /* written as text, like the server's hot path: the same message as a JSON tree would give */
    uint8_t *buf = malloc(PROTO_HEADER + 128);
    if (!buf) {
        c->inflight = 0;
        return;
    }
    c->move_id = ++c->next_id;
    int n = snprintf((char *)buf + PROTO_HEADER, 128, "{\"type\":\"move\",\"id\":%lld,\"table\":%u,\"move\":{\"type\":\"%s\",\"arg\":%d}}",
                     (long long)c->move_id, c->tab->id, pl_move_name(mv.type), (int)mv.arg);
    if (n < 0 || n >= 128) { /* cannot happen with the core's move names; never send a cut frame */
        free(buf);
        c->inflight = 0;
        bot_fail("table %u seat %d: move too long to write", c->tab->id, c->seat);
        return;
    }
    proto_put_header(buf, (uint32_t)n);
    c->inflight = 1;
    c->sent_ns = now_ns();
    send_frame(c, buf, (size_t)n + PROTO_HEADER);
}

/* Decide what to do after anything changed. */
static void act(bconn_t *c)
{
    if (c->done || c->inflight || !c->have_view || c->state != ST_PLAYING || B.t1_ns)
        return;
    if (c->view.wait == PL_WAIT_OVER) {
        c->done = 1;
        close_conn(c);
        btable_t *t = c->tab;
        for (int i = 0; i < B.o.seats; i++)
            if (!t->seat[i].done)
                return;
        table_done(t);
        return;
    }
    if (!((pl_expected(&c->view) >> c->seat) & 1))
        return;
    c->inflight = 1;
    if (B.o.rate <= 0 && B.started) {
        send_move(c);
        return;
    }
    c->queued_ready = 1; /* paced, or waiting for every seat to join */
    c->ready_next = NULL;
    if (B.ready_tail)
        B.ready_tail->ready_next = c;
    else
        B.ready_head = c;
    B.ready_tail = c;
}

/* 1 when the view is whole, consistent and hashes as the server said. Else the run ends here:
 * nothing is played on a view that is not the server's. */
static int check_hashes(bconn_t *c, int have_vh, uint64_t vh, int have_sh, uint64_t sh)
{
    pl_error_t err;
    if (!pl_state_check(B.rs, &c->view, &err)) { /* whole and consistent, whatever its hash says */
        B.hash_bad++;
        bot_fail("table %u seat %d: inconsistent view at seq %u: %s", c->tab->id, c->seat, c->view.seq, err.msg);
        c->have_view = 0;
        bot_finish();
        return 0;
    }
    if (!have_vh || vh != pl_state_hash(&c->view)) {
        B.hash_bad++;
        bot_fail("table %u seat %d: view hash mismatch at seq %u", c->tab->id, c->seat, c->view.seq);
        c->have_view = 0;
        bot_finish();
        return 0;
    }
    B.hash_ok++;
    if (have_sh)
        c->tab->final_hash = sh;
    c->tab->final_seq = c->view.seq;
    return 1;
}

static int check_hash(bconn_t *c, json_t *msg)
{
    uint64_t vh = 0, sh = 0;
    const char *hs = json_string_value(json_object_get(msg, "view_hash"));
    const char *ss = json_string_value(json_object_get(msg, "state_hash"));
    int have_vh = hs && proto_parse_hex64(hs, &vh);
    int have_sh = ss && proto_parse_hex64(ss, &sh);
    return check_hashes(c, have_vh, vh, have_sh, sh);
}

static void record_latency(uint64_t ns)
{
    if (B.n_lat == B.cap_lat) {
        size_t cap = B.cap_lat ? B.cap_lat * 2 : 4096;
        uint32_t *n = realloc(B.lat_us, cap * sizeof *n);
        if (!n)
            return;
        B.lat_us = n;
        B.cap_lat = cap;
    }
    B.lat_us[B.n_lat++] = (uint32_t)(ns / 1000 > UINT32_MAX ? UINT32_MAX : ns / 1000);
}

static void send_ready(void)
{
    while (B.ready_head && (B.o.rate <= 0 || B.budget >= 1)) {
        bconn_t *c = B.ready_head;
        B.ready_head = c->ready_next;
        if (!B.ready_head)
            B.ready_tail = NULL;
        B.budget -= 1;
        send_move(c);
    }
}

/* Play starts when every seat of every table has its first snapshot, so that the figures
 * measure the play and not the 10,000 joins (the set-up time is printed on its own). */
static void joined_one(void)
{
    if (++B.n_joined < B.total_conns || B.started)
        return;
    B.started = 1;
    B.first_move_ns = B.pace_last_ns = now_ns();
    B.budget = B.o.rate > 0 ? 1 : 0;
    if (B.o.duration_s) /* a timed run counts its seconds from here */
        uv_timer_start(&B.deadline, bot_on_deadline, (uint64_t)B.o.duration_s * 1000, 0);
    send_ready();
}

/* After a snapshot was decoded into c->view and its hash checked. */
static void got_snapshot(bconn_t *c)
{
    if (!c->joined_once) {
        c->joined_once = 1;
        joined_one();
    }
    if (c->lost_ms && c->view.seq < c->need_seq) { /* after a reconnection */
        B.lost_acks++;
        bot_fail("table %u: acknowledged move %u missing after reconnection (seq %u)", c->tab->id,
                 c->need_seq, c->view.seq);
    }
    c->state = ST_PLAYING;
    c->lost_ms = 0;
    if (!c->queued_ready)
        c->inflight = 0;
    act(c);
}

/* The server's ok for our move in flight: it is durable. */
static void move_acked(bconn_t *c, int64_t seq)
{
    record_latency(B.rx_ns - c->sent_ns); /* from sending the move to reading its answer */
    B.moves_acked++;
    if (seq > 0 && (uint32_t)seq > c->tab->max_acked)
        c->tab->max_acked = (uint32_t)seq;
    c->inflight = 0;
    act(c);
}

static void handle(bconn_t *c, json_t *msg)
{
    const char *type = proto_type(msg);
    json_int_t re = json_is_integer(json_object_get(msg, "re")) ? json_integer_value(json_object_get(msg, "re")) : -1;
    char err[PROTO_ERR_LEN];
    btable_t *t = c->tab;
    if (!strcmp(type, "welcome")) {
        if (c->token[0]) {
            json_t *o = req(c, "rejoin", NULL);
            json_object_set_new(o, "token", json_string(c->token));
            c->state = ST_JOINING;
            send_msg(c, o);
        } else if (c->creator && t->id == 0) {
            json_t *o = req(c, "create_table", &c->create_id), *bots = json_array();
            for (int i = 0; i < B.o.server_bots; i++)
                json_array_append_new(bots, json_integer(B.o.seats + i));
            json_object_set_new(o, "package", json_string(B.o.package));
            json_object_set_new(o, "seats", json_integer(B.o.seats + B.o.server_bots));
            json_object_set_new(o, "bots", bots);
            if (B.o.timer_s)
                json_object_set_new(o, "timer", json_integer(B.o.timer_s));
            c->state = ST_WAIT_TABLE;
            send_msg(c, o);
        } else if (t->id) {
            send_join(c);
        } else {
            c->state = ST_WAIT_TABLE;
        }
    } else if (!strcmp(type, "ok") && re == c->create_id && c->create_id && t->id == 0) {
        t->id = (uint32_t)json_integer_value(json_object_get(msg, "table"));
        for (int i = 0; i < B.o.seats; i++)
            if (t->seat[i].state == ST_WAIT_TABLE && t->seat[i].open)
                send_join(&t->seat[i]);
    } else if (!strcmp(type, "ok") && re == c->move_id && c->inflight && !c->queued_ready) {
        move_acked(c, json_integer_value(json_object_get(msg, "seq")));
    } else if (!strcmp(type, "joined")) {
        const char *tok = json_string_value(json_object_get(msg, "token"));
        if (tok)
            snprintf(c->token, sizeof c->token, "%s", tok);
    } else if (!strcmp(type, "snapshot")) {
        if (!proto_view_decode(&c->view, json_object_get(msg, "view"), err, sizeof err)) {
            bot_fail("table %u seat %d: bad snapshot: %s", t->id, c->seat, err);
            return;
        }
        c->have_view = 1;
        if (check_hash(c, msg))
            got_snapshot(c);
    } else if (!strcmp(type, "update")) {
        if (!c->have_view || !proto_view_apply(&c->view, json_object_get(msg, "view"), err, sizeof err)) {
            bot_fail("table %u seat %d: bad update: %s", t->id, c->seat, c->have_view ? err : "before snapshot");
            return;
        }
        if (check_hash(c, msg))
            act(c);
    } else if (!strcmp(type, "error")) {
        const char *code = json_string_value(json_object_get(msg, "code"));
        const char *text = json_string_value(json_object_get(msg, "message"));
        if (re == c->move_id && c->inflight) {
            B.refused++;
            c->inflight = 0;
            bot_fail("table %u seat %d: move refused: %s (%s)", t->id, c->seat, code ? code : "?", text ? text : "");
            return;
        }
        bot_fail("table %u seat %d: error %s: %s", t->id, c->seat, code ? code : "?", text ? text : "");
    }
}

static void lost(bconn_t *c, const char *why);

/* The frequent cases, an update or a snapshot, read without a JSON tree; 0 sends the frame
 * to handle(). */
static int scan_view_msg(bconn_t *c, const uint8_t *p, size_t len)
{
    uint64_t vh, sh = 0;
    int have_sh;
    int64_t re, seq;
    if (c->inflight && !c->queued_ready && bot_scan_ok(p, len, &re, &seq)) {
        if (re != c->move_id)
            return 0; /* another request's ok: the full handler */
        move_acked(c, seq);
        return 1;
    }
    int kind = bot_scan_view_msg(p, len, &c->view, c->have_view, &vh, &sh, &have_sh);
    if (!kind)
        return 0;
    c->have_view = 1;
    if (!check_hashes(c, 1, vh, have_sh, sh))
        return 1;
    if (kind == BOT_SCAN_SNAPSHOT)
        got_snapshot(c);
    else
        act(c);
    return 1;
}

static void on_alloc(uv_handle_t *h, size_t s, uv_buf_t *b)
{
    b->base = (char *)rbuf;
    b->len = sizeof rbuf;
}

static void on_read(uv_stream_t *s, ssize_t n, const uv_buf_t *b)
{
    bconn_t *c = s->data;
    B.rx_ns = now_ns();
    if (n < 0) {
        lost(c, uv_strerror((int)n));
        return;
    }
    if (proto_reader_feed(&c->rd, b->base, (size_t)n) != 0) {
        bot_fail("out of memory");
        return;
    }
    for (;;) {
        const uint8_t *p;
        size_t len;
        const char *code;
        if (B.t1_ns) /* the run has ended (see bot_finish) */
            return;
        char err[PROTO_ERR_LEN];
        int r = proto_reader_next(&c->rd, &p, &len);
        if (r == PROTO_NEED_MORE)
            return;
        if (r != PROTO_FRAME) {
            bot_fail("bad frame from the server (%d)", r);
            close_conn(c);
            return;
        }
        if (scan_view_msg(c, p, len)) {
            B.frames_scanned++;
            if (!c->open)
                return;
            continue;
        }
        B.frames_parsed++;
        json_t *msg = proto_parse(p, len, &code, err, sizeof err);
        if (!msg) {
            bot_fail("bad message from the server: %s", err);
            continue;
        }
        handle(c, msg);
        json_decref(msg);
        if (!c->open)
            return;
    }
}

static void on_retry(uv_timer_t *h)
{
    start_conn(h->data);
}

static void retry_closed(uv_handle_t *h)
{
    bconn_t *c = h->data;
    uv_timer_start(&c->retry, on_retry, 100, 0);
}

static void lost(bconn_t *c, const char *why)
{
    uint64_t now = uv_now(B.loop);
    if (c->done)
        return;
    if (!B.o.reconnect_ms) {
        bot_fail("table %u seat %d: connection lost: %s", c->tab->id, c->seat, why);
        close_conn(c);
        return;
    }
    if (!c->lost_ms) {
        c->lost_ms = now;
        c->need_seq = c->tab->max_acked; /* acknowledged before the loss: must survive it */
        B.reconnects++;
    } else if (now - c->lost_ms > B.o.reconnect_ms) {
        bot_fail("table %u seat %d: could not reconnect: %s", c->tab->id, c->seat, why);
        close_conn(c);
        return;
    }
    c->inflight = c->queued_ready; /* a queued move stays queued (send_move drops it until the
                                    * rejoin's snapshot); one in flight is forgotten */
    c->state = ST_CONNECTING;
    proto_reader_free(&c->rd);
    if (c->open) {
        c->open = 0;
        uv_read_stop((uv_stream_t *)&c->tcp);
        uv_close((uv_handle_t *)&c->tcp, retry_closed);
    } else {
        uv_timer_start(&c->retry, on_retry, 100, 0);
    }
}

static void launch_more(void);

static void on_connect(uv_connect_t *r, int status)
{
    bconn_t *c = r->data;
    B.connecting--;
    launch_more();
    if (status < 0) {
        c->open = 1; /* the handle is initialised: close it before retrying */
        lost(c, uv_strerror(status));
        return;
    }
    uv_tcp_nodelay(&c->tcp, 1);
    uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
    c->state = ST_HELLO;
    json_t *o = req(c, "hello", NULL);
    json_object_set_new(o, "version", json_integer(PROTO_VERSION));
    json_object_set_new(o, "client", json_string("plateau-bot " PLATEAU_VERSION));
    send_msg(c, o);
}

static void start_conn(bconn_t *c)
{
    proto_reader_init(&c->rd, PROTO_MAX_FRAME_S2C);
    uv_tcp_init(B.loop, &c->tcp);
    c->tcp.data = c;
    c->creq.data = c;
    c->state = ST_CONNECTING;
    c->open = 1;
    B.connecting++;
    if (uv_tcp_connect(&c->creq, &c->tcp, (struct sockaddr *)&B.addr, on_connect) != 0) {
        B.connecting--;
        lost(c, "connect failed");
    }
}

/* Open connections a few hundred at a time, creators first, so the listen backlog holds. */
static void launch_more(void)
{
    while (B.connecting < B.o.max_connecting && B.next_to_connect < B.total_conns) {
        int k = B.next_to_connect++;
        btable_t *t = &B.tabs[k % B.o.tables];
        start_conn(&t->seat[k / B.o.tables]);
    }
}

static void on_pace(uv_timer_t *h)
{
    uint64_t now = now_ns();
    if (!B.started)
        return;
    B.budget += B.o.rate * (double)(now - B.pace_last_ns) / 1e9;
    B.pace_last_ns = now;
    if (B.budget > B.o.rate / 100 + 1)
        B.budget = B.o.rate / 100 + 1;
    send_ready();
}

/* Before play starts, an error (a seat that could not join) ends the run at once rather than
 * at --timeout: play would never start. */
static void on_watch(uv_timer_t *h)
{
    if (B.started)
        uv_timer_stop(h);
    else if (B.errors)
        bot_finish();
}

void bot_start(void)
{
    B.tabs = calloc((size_t)B.o.tables, sizeof *B.tabs);
    B.total_conns = B.o.tables * B.o.seats;
    for (int i = 0; i < B.o.tables; i++) {
        btable_t *t = &B.tabs[i];
        t->index = i;
        t->seat = calloc((size_t)B.o.seats, sizeof *t->seat);
        for (int s = 0; s < B.o.seats; s++) {
            bconn_t *c = &t->seat[s];
            c->tab = t;
            c->seat = s;
            c->creator = s == 0;
            pl_bot_init(&c->bot, PL_BOT_GREEDY, (uint64_t)i * 977 + (uint64_t)s + 1);
            uv_timer_init(B.loop, &c->retry);
            c->retry.data = c;
        }
    }
    B.t0_ns = now_ns();
    B.pace_last_ns = B.t0_ns;
    uv_timer_init(B.loop, &B.watch);
    uv_timer_start(&B.watch, on_watch, 100, 100);
    if (B.o.rate > 0) {
        uv_timer_init(B.loop, &B.pace);
        uv_timer_start(&B.pace, on_pace, 1, 1);
    }
    launch_more();
}

static void close_any(uv_handle_t *h, void *arg)
{
    if (!uv_is_closing(h))
        uv_close(h, NULL);
}

void bot_finish(void)
{
    if (B.t1_ns)
        return;
    B.t1_ns = now_ns();
    uv_walk(B.loop, close_any, NULL);
}
