/* bot.h -- plateau-bot's shared types: options, tables, seat connections, figures */
#ifndef BOT_H
#define BOT_H

#include <stdint.h>
#include <uv.h>
#include <jansson.h>
#include "plateau.h"
#include "proto/proto.h"

#define BOT_GAMES_MAX 8

typedef struct {
    char server[128];
    char package[65];
    char games[BOT_GAMES_MAX][512]; /* package folders, searched in order */
    int n_games;
    int tables, seats, server_bots;
    double rate;        /* moves per second offered, all tables together (0: as fast as possible) */
    uint32_t timer_s;   /* turn timer asked for each table */
    uint32_t reconnect_ms; /* how long to keep trying after a lost connection (0: a loss is an error) */
    uint32_t timeout_s; /* give up after this long */
    uint32_t duration_s; /* a timed run: stop after this long, unfinished tables are fine */
    int verbose;
    int max_connecting;
} bot_opts_t;

typedef struct btable btable_t;

typedef struct bconn {
    uv_tcp_t tcp;
    uv_connect_t creq;
    uv_timer_t retry;
    btable_t *tab;
    int seat, creator;
    int state, open, closing, done, inflight, queued_ready;
    uint64_t lost_ms;
    uint32_t need_seq;  /* highest acknowledged seq of its table when the connection was lost */
    proto_reader_t rd;
    pl_state_t view;
    int have_view, joined_once;
    char token[80];
    json_int_t next_id, move_id, create_id;
    uint64_t sent_ns;
    pl_bot_t bot;
    struct bconn *ready_next;
} bconn_t;

struct btable {
    uint32_t id;
    int index;
    bconn_t *seat;       /* opts.seats connections */
    int done;
    uint32_t max_acked;  /* highest seq the server acknowledged for one of our moves */
    uint32_t final_seq;
    uint64_t final_hash;
};

typedef struct {
    bot_opts_t o;
    uv_loop_t *loop;
    pl_ruleset_t *rs;
    btable_t *tabs;
    struct sockaddr_storage addr;
    uv_timer_t pace, deadline, watch;
    bconn_t *ready_head, *ready_tail;
    double budget;
    uint64_t pace_last_ns;
    int connecting, next_to_connect, total_conns, n_joined, started;
    int tables_done;
    uint64_t t0_ns, t1_ns, first_move_ns;
    uint64_t rx_ns;      /* when the bytes being handled were read */
    uint64_t frames_scanned, frames_parsed; /* read by the text scanner, or by jansson */
    uint64_t moves_acked, hash_ok, hash_bad, errors, refused, reconnects, lost_acks;
    uint32_t *lat_us;
    size_t n_lat, cap_lat;
    int failed;
} bot_t;

extern bot_t B;

void bot_start(void);
void bot_finish(void);
void bot_on_deadline(uv_timer_t *h); /* --timeout, or the end of a --duration run */
int bot_parse_addr(const char *spec, struct sockaddr_storage *ss);
void bot_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* scan_view_msg.c: a snapshot or an update read whole without a JSON tree. Returns
 * BOT_SCAN_SNAPSHOT (view = its view) or BOT_SCAN_UPDATE (view + its diff; only when have_view),
 * 0 for anything else, with view as it was (the frame then goes to the full parser). */
enum { BOT_SCAN_SNAPSHOT = 1, BOT_SCAN_UPDATE = 2 };
int bot_scan_view_msg(const uint8_t *text, size_t len, pl_state_t *view, int have_view,
                      uint64_t *view_hash, uint64_t *state_hash, int *have_state_hash);
/* {"type":"ok","re":N[,"table":T][,"seq":S]} read without a JSON tree: 1 (seq -1 if absent), else 0. */
int bot_scan_ok(const uint8_t *text, size_t len, int64_t *re, int64_t *seq);

#endif
