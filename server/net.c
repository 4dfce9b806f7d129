/* net.c -- TCP on libuv: accept, read frames, held replies flushed after the group commit, drops */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "server.h"

typedef struct {
    uv_write_t req;
    conn_t *c;
    size_t bytes;
    uint8_t data[]; /* what the kernel did not take at once */
} wreq_t;

static uint8_t read_buf[65536]; /* one loop thread: every read lands here, then goes to a reader */

static void conn_free(conn_t *c)
{
    for (int i = 0; i < c->n_held; i++)
        srv_frame_unref(c->held[i]);
    free(c->held);
    proto_reader_free(&c->rd);
    free(c);
}

static void on_closed(uv_handle_t *h)
{
    conn_t *c = h->data;
    if (c->paused) { /* a login check still holds it: srv_resume() frees it */
        c->handle_closed = 1;
        return;
    }
    conn_free(c);
}

static void unflush(conn_t *c)
{
    srv_t *s = c->srv;
    if (!c->in_flush)
        return;
    for (int i = 0; i < s->n_flush; i++)
        if (s->flush[i] == c) {
            s->flush[i] = s->flush[--s->n_flush];
            break;
        }
    c->in_flush = 0;
}

void srv_close(conn_t *c, int graceful)
{
    srv_t *s = c->srv;
    if (c->closing)
        return;
    if (c->lobby) { /* it hears no more of the lobby */
        c->lobby = 0;
        s->n_lobby--;
    }
    if (graceful && c->in_flush && !c->shutting) { /* let its replies go, then close */
        c->shutting = 1;
        uv_read_stop((uv_stream_t *)&c->tcp);
        while (c->n_sub > 0)
            srv_table_unsubscribe(c->sub[0].t, c);
        return;
    }
    if (graceful && c->shutting)
        return;
    c->closing = 1;
    while (c->n_sub > 0)
        srv_table_unsubscribe(c->sub[0].t, c);
    unflush(c);
    if (c->prev)
        c->prev->next = c->next;
    else
        s->conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    s->n_conns--;
    uv_read_stop((uv_stream_t *)&c->tcp);
    uv_close((uv_handle_t *)&c->tcp, on_closed);
}

static void on_kick(uv_idle_t *h)
{
}

void srv_kick(srv_t *s)
{
    /* an active idle handle makes the loop poll without waiting, so the check handle (commit,
     * then flush) runs in this turn also when the work came from a timer, not from I/O */
    if (!uv_is_active((uv_handle_t *)&s->kick) && !uv_is_closing((uv_handle_t *)&s->kick))
        uv_idle_start(&s->kick, on_kick);
}

/* Append a frame to the connection's held replies (takes the caller's reference). */
static void queue(conn_t *c, sframe_t *f)
{
    if (c->n_held == c->cap_held) {
        int cap = c->cap_held ? c->cap_held * 2 : 4;
        sframe_t **nh = realloc(c->held, (size_t)cap * sizeof *nh);
        if (!nh) {
            srv_frame_unref(f);
            srv_close(c, 0);
            return;
        }
        c->held = nh;
        c->cap_held = cap;
    }
    c->held[c->n_held++] = f;
    if (!c->in_flush) {
        srv_t *s = c->srv;
        if (s->n_flush == s->cap_flush) {
            int cap = s->cap_flush ? s->cap_flush * 2 : 64;
            conn_t **nf = realloc(s->flush, (size_t)cap * sizeof *nf);
            if (!nf) {
                srv_close(c, 0);
                return;
            }
            s->flush = nf;
            s->cap_flush = cap;
        }
        s->flush[s->n_flush++] = c;
        c->in_flush = 1;
        srv_kick(s);
    }
}

void srv_send(conn_t *c, json_t *msg)
{
    if (!msg)
        return;
    if (c->closing || c->shut_sent) {
        json_decref(msg);
        return;
    }
    size_t len;
    uint8_t *buf = proto_frame(msg, PROTO_MAX_FRAME_S2C, &len);
    json_decref(msg);
    sframe_t *f = buf ? srv_frame_adopt(buf, len) : NULL;
    if (!f) {
        srv_log("conn %llu: reply too large or out of memory; dropping it", (unsigned long long)c->id);
        srv_close(c, 0);
        return;
    }
    queue(c, f);
}

void srv_send_shared(conn_t *c, sframe_t *f)
{
    if (c->closing || c->shut_sent)
        return;
    f->refs++;
    queue(c, f);
}

void srv_send_error(conn_t *c, json_int_t re, const char *code, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    srv_send(c, proto_error(re, code, msg));
}

static void on_shutdown(uv_shutdown_t *req, int status)
{
    conn_t *c = req->data;
    free(req);
    srv_close(c, 0);
}

static void on_written(uv_write_t *req, int status)
{
    wreq_t *w = (wreq_t *)req;
    conn_t *c = w->c;
    c->queued -= w->bytes;
    free(w);
    if (status < 0 && !c->closing)
        srv_close(c, 0);
}

static void drop_held(conn_t *c)
{
    for (int i = 0; i < c->n_held; i++)
        srv_frame_unref(c->held[i]);
    c->n_held = 0;
}

/* Hand a connection's held replies to the kernel: one writev straight from the shared frames;
 * what the kernel does not take at once is copied into one uv_write, behind which later output
 * queues (libuv keeps the order). */
static void flush_conn(conn_t *c)
{
    enum { STACK_BUFS = 64 };
    uv_buf_t stack_bufs[STACK_BUFS], *bufs = stack_bufs;
    int n = c->n_held;
    size_t bytes = 0, done = 0;
    if (n == 0)
        return;
    for (int i = 0; i < n; i++)
        bytes += c->held[i]->len;
    if (c->queued + bytes > c->srv->o.max_queue) {
        srv_log("conn %llu: not reading (%zu bytes waiting); dropped", (unsigned long long)c->id,
                c->queued + bytes);
        drop_held(c);
        srv_close(c, 0);
        return;
    }
    if (n > STACK_BUFS && !(bufs = malloc((size_t)n * sizeof *bufs))) {
        drop_held(c);
        srv_close(c, 0);
        return;
    }
    for (int i = 0; i < n; i++)
        bufs[i] = uv_buf_init((char *)c->held[i]->p, (unsigned)c->held[i]->len);
    if (c->queued == 0) {
        int r = uv_try_write((uv_stream_t *)&c->tcp, bufs, (unsigned)n);
        if (r > 0)
            done = (size_t)r;
        else if (r < 0 && r != UV_EAGAIN && r != UV_ENOSYS) {
            if (bufs != stack_bufs)
                free(bufs);
            drop_held(c);
            srv_close(c, 0);
            return;
        }
    }
    if (done < bytes) {
        size_t rest = bytes - done, skip = done, at = 0;
        wreq_t *w = malloc(sizeof *w + rest);
        if (!w) {
            if (bufs != stack_bufs)
                free(bufs);
            drop_held(c);
            srv_close(c, 0);
            return;
        }
        for (int i = 0; i < n; i++) {
            size_t l = bufs[i].len;
            if (skip >= l) {
                skip -= l;
                continue;
            }
            memcpy(w->data + at, bufs[i].base + skip, l - skip);
            at += l - skip;
            skip = 0;
        }
        w->c = c;
        w->bytes = rest;
        uv_buf_t b = uv_buf_init((char *)w->data, (unsigned)rest);
        c->queued += rest;
        if (uv_write(&w->req, (uv_stream_t *)&c->tcp, &b, 1, on_written) != 0) {
            c->queued -= rest;
            free(w);
            if (bufs != stack_bufs)
                free(bufs);
            drop_held(c);
            srv_close(c, 0);
            return;
        }
    }
    if (bufs != stack_bufs)
        free(bufs);
    drop_held(c);
    if (c->shutting && !c->shut_sent) {
        c->shut_sent = 1;
        uv_shutdown_t *sr = malloc(sizeof *sr);
        if (sr) {
            sr->data = c;
            if (uv_shutdown(sr, (uv_stream_t *)&c->tcp, on_shutdown) == 0)
                return;
            free(sr);
        }
        srv_close(c, 0);
    }
}

#define TURN_SAMPLES 65536

static void sample(uint32_t **ring, size_t *n, uint64_t since_ns)
{
    if (!*ring)
        *ring = calloc(TURN_SAMPLES, sizeof **ring);
    if (*ring)
        (*ring)[(*n)++ % TURN_SAMPLES] = (uint32_t)((uv_hrtime() - since_ns) / 1000);
}

void srv_flush(srv_t *s)
{
    uint64_t t0 = uv_hrtime();
    int rc = s->store ? store_commit(s->store) : 0;
    if (rc > 0)
        sample(&s->commit_us, &s->n_commit_us, t0);
    if (rc < 0) {
        /* nothing reaches a client about moves that were not committed */
        srv_log("commit failed; stopping so that no unrecorded move is acknowledged");
        s->stopping = 1;
        uv_stop(s->loop);
        return;
    }
    if (rc > 0)
        s->commits++;
    while (s->n_flush > 0) {
        conn_t *c = s->flush[--s->n_flush];
        c->in_flush = 0;
        flush_conn(c);
    }
}

static void on_check(uv_check_t *h)
{
    srv_t *s = h->data;
    uint64_t moves = s->moves;
    srv_presence_flush(s);
    srv_flush(s);
    uv_idle_stop(&s->kick);
    if (s->turn_start_ns && moves != s->turn_moves) /* a turn that accepted moves: time it */
        sample(&s->turn_us, &s->n_turn_us, s->turn_start_ns);
    s->turn_moves = s->moves;
    s->turn_start_ns = 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void log_samples(uint32_t *ring, size_t count, const char *what)
{
    size_t n = count < TURN_SAMPLES ? count : TURN_SAMPLES;
    if (!n)
        return;
    qsort(ring, n, sizeof *ring, cmp_u32);
    srv_log("%s (last %zu), ms: p50 %.3f p90 %.3f p99 %.3f max %.3f", what, n, ring[n / 2] / 1000.0,
            ring[n * 9 / 10] / 1000.0, ring[n * 99 / 100] / 1000.0, ring[n - 1] / 1000.0);
}

void srv_turn_stats(srv_t *s)
{
    log_samples(s->turn_us, s->n_turn_us, "loop turns with moves, first read to replies written");
    log_samples(s->commit_us, s->n_commit_us, "commits, including the sync to disk");
}

static void on_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    buf->base = (char *)read_buf;
    buf->len = sizeof read_buf;
}

static void frame_error(conn_t *c, const char *code, const char *text)
{
    srv_send_error(c, -1, code, "%s", text);
    srv_close(c, 1);
}

/* Handle the whole frames the reader holds, until it needs more bytes or the connection is
 * paused (a login being checked) or closes. */
static void drain(conn_t *c)
{
    for (;;) {
        const uint8_t *p;
        size_t len;
        if (c->closing || c->shutting || c->paused)
            return;
        int r = proto_reader_next(&c->rd, &p, &len);
        if (r == PROTO_NEED_MORE)
            break;
        if (r == PROTO_OVERSIZED) {
            frame_error(c, PROTO_E_OVERSIZED, "frame larger than 65536 bytes; closing");
            return;
        }
        if (r != PROTO_FRAME) {
            frame_error(c, PROTO_E_MALFORMED_FRAME, "empty frame; closing");
            return;
        }
        if (!srv_rate_ok(c)) {
            srv_send_error(c, -1, PROTO_E_RATE, "too many messages; slow down");
            if (++c->strikes > 100) {
                srv_close(c, 1);
                return;
            }
            continue;
        }
        const char *code;
        char err[PROTO_ERR_LEN];
        json_t *msg = proto_parse(p, len, &code, err, sizeof err);
        if (!msg) {
            srv_send_error(c, -1, code, "%s", err);
            if (++c->strikes > 100) {
                srv_close(c, 1);
                return;
            }
            continue;
        }
        srv_handle(c, msg);
        json_decref(msg);
        if (c->strikes > 100) { /* unknown messages, wrong secrets...: enough */
            srv_send_error(c, -1, PROTO_E_LIMIT, "too many bad requests; closing");
            srv_close(c, 1);
        }
    }
    if (proto_reader_pending(&c->rd) == 0)
        c->partial_ms = 0;
    else if (c->partial_ms == 0)
        c->partial_ms = srv_now_ms(c->srv);
}

static void on_read(uv_stream_t *st, ssize_t n, const uv_buf_t *buf)
{
    conn_t *c = st->data;
    if (n < 0) {
        srv_close(c, 0);
        return;
    }
    if (n == 0 || c->closing || c->shutting)
        return;
    if (!c->srv->turn_start_ns)
        c->srv->turn_start_ns = uv_hrtime();
    if (proto_reader_feed(&c->rd, buf->base, (size_t)n) != 0) {
        srv_close(c, 0);
        return;
    }
    drain(c);
}

void srv_pause(conn_t *c)
{
    c->paused = 1;
    uv_read_stop((uv_stream_t *)&c->tcp);
}

void srv_resume(conn_t *c)
{
    c->paused = 0;
    if (c->handle_closed) {
        conn_free(c);
        return;
    }
    if (c->closing || c->shutting)
        return;
    drain(c);
    if (!c->paused && !c->closing && !c->shutting)
        uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
}

static void on_connection(uv_stream_t *server, int status)
{
    srv_t *s = server->data;
    if (status < 0)
        return;
    conn_t *c = calloc(1, sizeof *c);
    if (!c)
        return;
    c->srv = s;
    c->id = ++s->next_conn_id;
    uv_tcp_init(s->loop, &c->tcp);
    c->tcp.data = c;
    if (uv_accept(server, (uv_stream_t *)&c->tcp) != 0) {
        uv_close((uv_handle_t *)&c->tcp, on_closed);
        return;
    }
    uv_tcp_nodelay(&c->tcp, 1);
    struct sockaddr_storage peer;
    int plen = sizeof peer;
    if (uv_tcp_getpeername(&c->tcp, (struct sockaddr *)&peer, &plen) == 0) {
        if (peer.ss_family == AF_INET6)
            uv_ip6_name((struct sockaddr_in6 *)&peer, c->addr, sizeof c->addr);
        else
            uv_ip4_name((struct sockaddr_in *)&peer, c->addr, sizeof c->addr);
    }
    proto_reader_init(&c->rd, PROTO_MAX_FRAME);
    c->born_ms = c->refill_ms = srv_now_ms(s);
    c->tokens = s->o.burst;
    c->next = s->conns;
    if (s->conns)
        s->conns->prev = c;
    s->conns = c;
    s->n_conns++;
    if (s->n_conns > s->o.max_conns || s->stopping) {
        srv_send_error(c, -1, PROTO_E_SERVER_FULL, "the server is full (%d connections)", s->o.max_conns);
        srv_close(c, 1);
        return;
    }
    uv_read_start((uv_stream_t *)&c->tcp, on_alloc, on_read);
}

/* Drops connections that started a frame and never finished it, or never said hello. */
static void on_sweep(uv_timer_t *t)
{
    srv_t *s = t->data;
    uint64_t now = srv_now_ms(s);
    conn_t *c = s->conns;
    while (c) {
        conn_t *next = c->next;
        if (!c->closing && !c->shutting) {
            if (c->partial_ms && now - c->partial_ms > s->o.frame_timeout_ms) {
                srv_log("conn %llu: frame unfinished after %u ms; closed", (unsigned long long)c->id,
                        s->o.frame_timeout_ms);
                srv_close(c, 0);
            } else if (!c->hello && now - c->born_ms > s->o.hello_timeout_ms) {
                srv_send_error(c, -1, PROTO_E_HELLO_FIRST, "no hello in time; closing");
                srv_close(c, 1);
            }
        }
        c = next;
    }
}

/* "127.0.0.1:7878", "[::1]:7878", ":7878" (all IPv4 addresses). */
static int parse_addr(const char *spec, struct sockaddr_storage *ss, char *err, size_t errlen)
{
    char host[100];
    const char *colon = strrchr(spec, ':');
    if (!colon || colon[1] == 0) {
        snprintf(err, errlen, "--listen wants ADDR:PORT, got '%s'", spec);
        return -1;
    }
    int port = atoi(colon + 1);
    size_t hl = (size_t)(colon - spec);
    if (hl >= sizeof host || port < 0 || port > 65535 || (port == 0 && colon[1] != '0')) {
        snprintf(err, errlen, "bad address '%s'", spec);
        return -1;
    }
    memcpy(host, spec, hl);
    host[hl] = 0;
    if (host[0] == '[' && hl >= 2 && host[hl - 1] == ']') {
        host[hl - 1] = 0;
        if (uv_ip6_addr(host + 1, port, (struct sockaddr_in6 *)ss) == 0)
            return 0;
    } else if (uv_ip4_addr(hl ? host : "0.0.0.0", port, (struct sockaddr_in *)ss) == 0) {
        return 0;
    }
    snprintf(err, errlen, "bad address '%s'", spec);
    return -1;
}

int srv_net_start(srv_t *s, char *err, size_t errlen)
{
    struct sockaddr_storage ss;
    int rc;
    memset(&ss, 0, sizeof ss);
    if (parse_addr(s->o.listen, &ss, err, errlen) != 0)
        return -1;
    uv_tcp_init(s->loop, &s->listener);
    s->listener.data = s;
    if ((rc = uv_tcp_bind(&s->listener, (struct sockaddr *)&ss, 0)) != 0 ||
        (rc = uv_listen((uv_stream_t *)&s->listener, 1024, on_connection)) != 0) {
        snprintf(err, errlen, "cannot listen on %s: %s", s->o.listen, uv_strerror(rc));
        return -1;
    }
    struct sockaddr_storage bound;
    int blen = sizeof bound;
    uv_tcp_getsockname(&s->listener, (struct sockaddr *)&bound, &blen);
    s->port = ntohs(bound.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&bound)->sin6_port
                                                : ((struct sockaddr_in *)&bound)->sin_port);
    if (srv_discovery_start(s, (struct sockaddr *)&bound, err, errlen) != 0)
        return -1;
    uv_check_init(s->loop, &s->check);
    s->check.data = s;
    uv_check_start(&s->check, on_check);
    uv_timer_init(s->loop, &s->sweep);
    s->sweep.data = s;
    uint64_t every = s->o.frame_timeout_ms / 4;
    uv_timer_start(&s->sweep, on_sweep, every ? every : 1, every ? every : 1);
    return 0;
}

void srv_net_stop(srv_t *s)
{
    srv_flush(s);
    conn_t *c = s->conns;
    while (c) {
        conn_t *next = c->next;
        srv_close(c, 0);
        c = next;
    }
    if (!uv_is_closing((uv_handle_t *)&s->listener))
        uv_close((uv_handle_t *)&s->listener, NULL);
    if (!uv_is_closing((uv_handle_t *)&s->udp))
        uv_close((uv_handle_t *)&s->udp, NULL);
    uv_check_stop(&s->check);
    uv_close((uv_handle_t *)&s->check, NULL);
    uv_idle_stop(&s->kick);
    uv_close((uv_handle_t *)&s->kick, NULL);
    uv_close((uv_handle_t *)&s->sweep, NULL);
    if (s->standin_timer.data)
        uv_close((uv_handle_t *)&s->standin_timer, NULL);
}
