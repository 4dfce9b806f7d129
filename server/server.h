/* server.h -- plateau-server's shared types: the server, connections, tables, packages */
#ifndef SERVER_H
#define SERVER_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>
#include <jansson.h>
#include "plateau.h"
#include "proto/proto.h"

#define SRV_NAME_MAX      32   /* bytes of a team name */
#define SRV_ID_MAX        64   /* bytes of a package id */
#define SRV_SUBS_MAX      8    /* tables one connection may join, watch or create */
#define SRV_TOKEN_LEN     64   /* bytes of a seat token, with its terminating zero */
#define SRV_BOT_STEPS     20000 /* bot moves in a row before the server gives up on a table */
#define SRV_HASH_LEN      32   /* bytes of a seat token's SHA-256 */
#define SRV_CODE_LEN      6    /* characters of a team code */
#define SRV_SEAT_DEVICES  4    /* connections that may follow one seat at once */
#define SRV_SEAT_KEYS     8    /* tokens kept per seat for devices that joined with its code */
#define SRV_PKG_MAX_SEND  (700u * 1024u) /* largest package sent to a client (all files, raw bytes) */
#define SRV_PWHASH_LEN    128
#define SRV_GAMES_MAX     8    /* --games folders */
#define SRV_ADDR_MAX      48   /* a client address as text (IPv6 included), with its zero */
#define SRV_PAGE_MAX      500  /* tables in one list_tables answer (TABLE-INFO is below 1 KB) */
#define SRV_LOG_PAGE_MAX  2000 /* moves in one table_log answer */
#define SRV_MESSAGE_MAX   280  /* bytes of a facilitator's message to the tables */  /* room for an Argon2id string (crypto_pwhash_STRBYTES) */

typedef struct srv srv_t;
typedef struct conn conn_t;
typedef struct table table_t;

typedef struct {
    char listen[128];
    char db[512];
    char games[SRV_GAMES_MAX][512]; /* package folders, in order: the first of an id wins */
    int n_games;
    char secret_file[512];
    char name[64];            /* server name in discovery answers */
    int max_conns;
    int max_tables;           /* live tables that clients (not the facilitator) may create */
    int tables_per_addr;      /* live tables created from one client address */
    int tables_per_conn;      /* tables one connection may create */
    uint32_t archive_finished_s; /* a finished table is archived this long after its end */
    uint32_t archive_idle_s;  /* a table no seat is connected to is archived after this long */
    size_t max_queue;         /* bytes waiting to be written to one connection */
    double rate, burst;       /* messages per second per connection, bucket size */
    uint32_t frame_timeout_ms;/* a frame started must complete within this */
    uint32_t hello_timeout_ms;/* a connection must say hello within this */
    int sync_full;            /* PRAGMA synchronous=FULL (else NORMAL) */
} srv_opts_t;

typedef struct {
    char id[SRV_ID_MAX + 1];
    pl_ruleset_t *rs;
    char dir[1100];           /* its folder */
    char hash[65];            /* content hash (pl_package_hash): clients check their copy by it */
    long size;                /* bytes of all its files */
} pkg_t;

/* One output frame, shared (reference-counted) by every connection it is held for. */
typedef struct sframe {
    uint32_t refs;
    size_t len;
    uint8_t *p; /* data, or a malloc'ed buffer it owns */
    uint8_t data[];
} sframe_t;

typedef struct {
    table_t *t;
    uint8_t who; /* seat index or PL_WHO_OBSERVER / PL_WHO_FACILITATOR */
} sub_t;

typedef struct {
    conn_t *c;
    uint8_t who;
} tsub_t;

struct conn {
    uv_tcp_t tcp;
    srv_t *srv;
    uint64_t id;
    proto_reader_t rd;
    uint64_t born_ms, partial_ms; /* partial_ms: when the unfinished frame began, 0 if none */
    double tokens;
    uint64_t refill_ms;
    uint32_t strikes;             /* bad or rate-limited messages */
    int hello, facilitator, closing, shutting, shut_sent, created;
    int paused;                   /* a facilitator login is being checked: messages wait */
    int handle_closed;            /* the socket is closed; the connection is freed once unpaused */
    size_t queued;                /* bytes handed to uv_write, not yet written */
    sframe_t **held;              /* replies waiting for the group commit, in order */
    int n_held, cap_held;
    int in_flush;
    sub_t sub[SRV_SUBS_MAX];
    int n_sub;
    char addr[SRV_ADDR_MAX];      /* the peer's address, as text */
    int lobby;                    /* hears every table's changes (watch_lobby) */
    conn_t *prev, *next;
};

struct table {
    uint32_t id;
    const pkg_t *pkg;
    int n_seats;
    uint64_t seed;
    uint8_t bot_mask, taken_mask;
    uint32_t timer_s;
    int broken;
    pl_state_t st;
    pl_bot_t bot[PL_MAX_SEATS];
    char team[PL_MAX_SEATS][SRV_NAME_MAX + 1];
    uint8_t token_hash[PL_MAX_SEATS][SRV_HASH_LEN];
    tsub_t *subs; /* connections that hear about this table */
    int n_subs, cap_subs;
    uv_timer_t timer;
    int timer_on;
    char owner[SRV_ADDR_MAX]; /* address of the client that created it ("" for the facilitator) */
    int n_seated;             /* connections holding a seat of it */
    uint64_t idle_since_ms;   /* since when no seat is connected (n_seated 0) */
    uint64_t over_since_ms;   /* when the game ended, 0 while it goes on */
    char code[PL_MAX_SEATS][SRV_CODE_LEN + 1]; /* team codes ("" before the seat is taken) */
    uint8_t keys[PL_MAX_SEATS][SRV_SEAT_KEYS][SRV_HASH_LEN]; /* tokens of the devices that joined by code */
    uint8_t n_keys[PL_MAX_SEATS];
    uint8_t named_mask;       /* seats named at creation (the name is kept for whoever takes them) */
    int info_dirty;           /* its TABLE-INFO changed in this loop turn (SRV_INFO_*): pushed once at its end */
    /* the training day (console.c, clock.c, standin.c) */
    uint32_t vote_timer_s;    /* time for a vote, and after a prompt's telling time (0: none) */
    uint32_t standin_s;       /* a team away this long is played by a bot until it comes back (0: never) */
    uint8_t seat_mode[PL_MAX_SEATS]; /* SRV_SEAT_*: the facilitator's say on who plays a seat */
    uint8_t standin_mask;     /* seats a bot plays now because their team is away */
    uint64_t away_since_ms[PL_MAX_SEATS]; /* when the seat's last device left (0: followed, or never taken) */
    int archiving;            /* it is leaving memory (archived or discarded) */
    uint32_t player_moves;    /* moves of the teams (not the facilitator's) since the table was loaded */
    int clock_kind;           /* SRV_CLOCK_*: what the clock every screen shows counts */
    uint64_t clock_key;       /* what it counts for (the move, or the vote): a new key restarts it */
    uint32_t clock_total_s;
    uint64_t clock_end_ms;    /* when it runs out (loop time) */
    uint32_t clock_left_ms;   /* what was left when the table was held */
    int clock_frozen;
    uint64_t prompt_told_key; /* the vote whose prompt was told: its vote timer runs */
    char message[SRV_MESSAGE_MAX + 1]; /* the facilitator's last message to this table ("" when none) */
    int64_t message_at;       /* when (Unix time) */
};

enum { SRV_INFO_ALL = 1, SRV_INFO_LOBBY = 2 }; /* to the table's listeners and the lobby, or the lobby only */
enum { SRV_SEAT_AUTO = 0, SRV_SEAT_BOT, SRV_SEAT_TEAM }; /* stand-in when away / a bot always / never a bot */
enum { SRV_CLOCK_NONE = 0, SRV_CLOCK_TURN, SRV_CLOCK_VOTE, SRV_CLOCK_PROMPT };

typedef struct store store_t;

struct srv {
    srv_opts_t o;
    uv_loop_t *loop;
    uv_tcp_t listener;
    uv_udp_t udp;
    uv_check_t check;
    uv_idle_t kick;   /* active while something waits for the next commit: keeps poll from blocking */
    uv_timer_t sweep;
    uv_timer_t ckpt_timer;
    uv_work_t ckpt_work;
    int ckpt_busy;
    uv_signal_t sigint, sigterm;
    store_t *store;
    pkg_t *pkgs;
    int n_pkgs;
    table_t **tables; /* by id; index 0 unused; NULL for archived or unknown ids */
    uint32_t n_tables, cap_tables;
    uint32_t live_tables;
    uint32_t max_id;  /* highest id given to a table (archived ones included): ids are never reused */
    struct srv_addr { char addr[SRV_ADDR_MAX]; int tables; } *addrs; /* live tables per creating address */
    int n_addrs, cap_addrs;
    conn_t *conns;
    int n_conns;
    int n_lobby;      /* connections watching the lobby */
    uv_timer_t standin_timer; /* fires when the next away team is due a stand-in */
    uint64_t next_conn_id;
    table_t **dirty; /* tables whose TABLE-INFO is to be pushed (seats.c) */
    int n_dirty, cap_dirty;
    conn_t **flush; /* connections with held output */
    int n_flush, cap_flush;
    char secret_pwhash[SRV_PWHASH_LEN]; /* Argon2id of the facilitator secret */
    uint8_t secret_sha256[SRV_HASH_LEN]; /* an older database's SHA-256 of it (secret_legacy) */
    int secret_legacy;
    int stopping;
    int hash_upgrade;         /* the log's hashes come from another PL_HASH_VERSION: rewrite, do not compare */
    unsigned upgrade_rewritten, upgrade_skipped; /* tables whose last hash was, or could not be, rewritten */
    uint64_t moves, commits; /* counters for the log */
    uint64_t turn_start_ns;  /* when this loop turn's first read arrived (0: none yet) */
    uint64_t turn_moves;     /* moves accepted in this loop turn */
    uint32_t *turn_us;       /* per loop turn with moves: first read to replies handed to the kernel */
    size_t n_turn_us;
    uint32_t *commit_us;     /* per commit: how long it took, sync to disk included */
    size_t n_commit_us;
    int port;
};

/* log.c */
void srv_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* crypto.c (libsodium) */
int srv_crypto_init(void);                 /* sodium_init(); -1 when it fails */
void srv_random(void *buf, size_t n);      /* randombytes_buf(): cannot fail once initialised */
void srv_hex(const uint8_t *b, size_t n, char *out); /* out holds 2n + 1 */
void srv_token_hash(const char *token, uint8_t out[SRV_HASH_LEN]); /* SHA-256 of a seat token */
int srv_hash_equal(const uint8_t a[SRV_HASH_LEN], const uint8_t b[SRV_HASH_LEN]); /* constant time */
int srv_secret_hash(const char *secret, size_t n, char out[SRV_PWHASH_LEN]); /* Argon2id string; 0 or -1 */
int srv_secret_verify(const char hash[SRV_PWHASH_LEN], const char *secret, size_t n); /* 1 when it matches */
/* secret.c. The facilitator secret: from --facilitator-secret-file (the secret, or its Argon2id string),
 * else the database's hash, else a new secret printed once. 0, or -1 with err filled. */
int srv_facilitator_setup(srv_t *s, char *err, size_t errlen);
/* Check a login on the thread pool; the connection is paused until the answer is sent. */
void srv_facilitator_login(conn_t *c, const char *secret, json_int_t re);

/* limits.c */
uint64_t srv_now_ms(srv_t *s);
int srv_rate_ok(conn_t *c);                  /* takes one token; 0 when the bucket is empty */
/* A team name as the server keeps it: in, checked (1..max bytes of valid UTF-8, no control,
 * bidirectional, zero-width or other invisible formatting character, no private-use or
 * unassigned code point, something visible) and NFC-normalised into out. 1, or 0 with why
 * filled with the reason to show the client. */
int srv_clean_name(const char *in, size_t max, char *out, size_t outlen, char *why, size_t whylen);

/* packages.c */
int srv_packages_load(srv_t *s, char *err, size_t errlen);
const pkg_t *srv_package(srv_t *s, const char *id);
void srv_packages_free(srv_t *s);


/* frames.c */
sframe_t *srv_frame_new(size_t len);                 /* refs 1; fill f->p[0..len) */
sframe_t *srv_frame_adopt(uint8_t *buf, size_t len); /* takes a malloc'ed frame (freed on failure) */
void srv_frame_unref(sframe_t *f);

/* net.c */
int srv_net_start(srv_t *s, char *err, size_t errlen);
void srv_send(conn_t *c, json_t *msg);        /* steals msg; held until the next flush */
void srv_send_shared(conn_t *c, sframe_t *f); /* holds a new reference to a ready frame */
void srv_send_error(conn_t *c, json_int_t re, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void srv_close(conn_t *c, int graceful);      /* graceful: after queued replies are written */
void srv_flush(srv_t *s);
void srv_turn_stats(srv_t *s);                /* logs how long loop turns with moves took */
void srv_kick(srv_t *s);                      /* commit and flush in this loop turn, even without I/O */
void srv_pause(conn_t *c);                    /* stop handling its messages (they wait, in order) */
void srv_resume(conn_t *c);                   /* handle what waited; frees c if it closed meanwhile */
void srv_net_stop(srv_t *s);

/* lobby.c */
void srv_handle(conn_t *c, json_t *msg);

/* seats.c */
int srv_seat_devices(const table_t *t, int seat);         /* connections following the seat now */
table_t *srv_code_lookup(srv_t *s, const char *code, int *seat);
int srv_seat_token_ok(const table_t *t, int seat, const char *token); /* its first token or a device's */
/* Give a free seat to a team: a token (to hand out) and a team code, stored first. 0, or -1. */
int srv_seat_take(table_t *t, int seat, const char *team, char token[SRV_TOKEN_LEN], char *err, size_t errlen);
/* One more device on a taken seat (joined with the code): its own token, stored first. 0, or -1. */
int srv_seat_add_device(table_t *t, int seat, char token[SRV_TOKEN_LEN], char *err, size_t errlen);
int srv_seat_restore_extra(void *arg, int seat, const char *kind, const void *value, size_t n);
void srv_table_changed(table_t *t);   /* its TABLE-INFO goes to its listeners and the lobby this turn */
void srv_table_forget(table_t *t);    /* it leaves: the lobby hears table_gone */
void srv_presence_flush(srv_t *s);    /* push what changed (once per loop turn) */

void srv_table_status(table_t *t);    /* its round, turn or clock changed: the lobby hears it this turn */

/* console.c: the facilitator's commands (the secret's login required) */
int srv_console_handle(conn_t *c, const char *type, json_t *msg, json_int_t re); /* 1 when it was one */
/* Apply one of the facilitator's moves (pause, reveal, place, end) to a table; PL_OK or a refusal in err. */
int srv_host_move(table_t *t, int type, int seat, int arg, pl_error_t *err);

/* clock.c: the timers every screen shows */
void srv_clock_update(table_t *t);             /* after moves: start, keep, freeze or stop the clock */
json_t *srv_clock_json(const table_t *t);      /* {"kind","seconds","left_ms","paused"} */
void srv_clock_send(table_t *t, conn_t *c);    /* to c, or to every listener when c is NULL */
void srv_message_send(table_t *t, conn_t *c);  /* the facilitator's last message, the same way */

/* standin.c: a team away does not block its table */
uint8_t srv_table_bots(const table_t *t);      /* seats the server's bots play now */
void srv_seat_presence(table_t *t, int seat);  /* a device of seat came or went */
void srv_standins_check(srv_t *s);             /* give away teams their stand-in when due; arm the timer */
int srv_seat_set_mode(table_t *t, int seat, int mode, char *err, size_t errlen); /* stored first; 0 or -1 */

/* pkgsend.c: a package's files to a client that lacks its version */
void srv_send_package(conn_t *c, json_t *msg, json_int_t re);

/* table.c */
table_t *srv_table_create(srv_t *s, const pkg_t *p, int n_seats, uint8_t bots, uint32_t timer_s,
                          uint64_t seed, uint32_t id, char *err, size_t errlen);
table_t *srv_table(srv_t *s, uint32_t id);
int srv_table_move(table_t *t, const pl_move_t *mv, pl_error_t *err);
void srv_table_after_moves(table_t *t);       /* bots, timer */
int srv_table_subscribe(table_t *t, conn_t *c, int who);
void srv_table_unsubscribe(table_t *t, conn_t *c);
sframe_t *srv_table_snapshot(table_t *t, int who); /* a new frame (one reference), or NULL */
json_t *srv_table_info(table_t *t);
void srv_table_free(table_t *t);
void srv_table_discard(table_t *t);           /* undo srv_table_create (the table was never recorded) */
/* Archive a table (store first: nothing changes if that write fails): its listeners hear
 * {"type":"closed"}, it leaves memory. 0, or -1. */
int srv_table_archive(table_t *t, const char *reason);
void srv_tables_expire(srv_t *s);             /* archive finished and idle tables that are due */
int srv_addr_tables(srv_t *s, const char *addr); /* live tables created from addr */
void srv_addr_count(srv_t *s, const char *addr, int delta);
int srv_tables_restore(srv_t *s, char *err, size_t errlen);

/* store.c */
store_t *store_open(const char *path, int sync_full, char *err, size_t errlen);
void store_close(store_t *st);
int store_commit(store_t *st);                /* commits the open transaction: 1, 0 if none, -1 on error */
int store_op_begin(store_t *st);              /* the writes of one request, all or none: */
int store_op_end(store_t *st, int ok);        /* ok 0 rolls them back */
int store_add_table(store_t *st, const table_t *t);
int store_add_seat(store_t *st, uint32_t table, int seat, const char *team, const uint8_t hash[32]);
/* More about a seat: its team code ("code"), a name given at creation ("name"), a device's
 * token hash ("token"). */
int store_add_seat_extra(store_t *st, uint32_t table, int seat, const char *kind, const void *value, size_t n);
int store_each_seat_extra(store_t *st, uint32_t table,
                          int (*fn)(void *arg, int seat, const char *kind, const void *value, size_t n), void *arg);
int store_add_move(store_t *st, uint32_t table, uint32_t seq, const pl_move_t *mv, uint64_t hash);
/* What the facilitator set for a table ("turn_timer", "vote_timer", "standin_after", "seat_mode_N"), kept across
 * restarts; and its messages (table 0: every table), of which the last one is shown on the screens. */
int store_set_table_opt(store_t *st, uint32_t table, const char *key, int64_t value);
int store_each_table_opt(store_t *st, uint32_t table, int (*fn)(void *arg, const char *key, int64_t value), void *arg);
int store_add_message(store_t *st, uint32_t table, const char *text);
int store_last_message(store_t *st, uint32_t table, char *out, size_t outlen, int64_t *at); /* 1 found, 0, -1 */
/* Copy committed WAL pages into the database without blocking the writer (PASSIVE). Runs on a
 * worker thread with its own connection; returns the frames checkpointed or -1. */
int store_checkpoint(store_t *st);
int store_get_meta(store_t *st, const char *key, char *out, size_t outlen);
int store_set_meta(store_t *st, const char *key, const char *value);
int store_del_meta(store_t *st, const char *key);
/* Test hook: the writes numbered in list ("3" or "1,4": counted from this call, 1-based) fail
 * as a failed SQLite statement would. Set from PLATEAU_SERVER_FAIL_WRITES once the server listens. */
void store_fail_writes(store_t *st, const char *list);
int store_readonly(store_t *st); /* 1 when SQLite opened the file read-only */
/* Rewrite the hash of a table's last move (after an upgrade of the core's hash). */
int store_set_last_hash(store_t *st, uint32_t table, uint64_t hash);
/* Calls fn for each stored table; moves are the table's log in order (malloc'ed, freed by store). */
typedef struct {
    uint32_t id;
    char package[SRV_ID_MAX + 1];
    int n_seats;
    uint64_t seed;
    uint8_t bots;
    uint32_t timer_s;
    char owner[SRV_ADDR_MAX];
    pl_move_t *moves;
    size_t n_moves;
    uint64_t last_hash;
} store_table_t;
int store_each_table(store_t *st, int (*fn)(void *arg, store_table_t *row), void *arg);
typedef struct {
    int seat;
    char team[SRV_NAME_MAX + 1];
    uint8_t hash[32];
} store_seat_t;
int store_each_seat(store_t *st, uint32_t table, int (*fn)(void *arg, const store_seat_t *seat), void *arg);
/* Mark a live table archived (reason "finished", "idle" or "deleted"): its rows stay, it is no
 * longer resumed at start. */
int store_archive_table(store_t *st, uint32_t table, const char *reason);
uint32_t store_max_table_id(store_t *st); /* highest table id ever stored, archived ones included */
typedef struct {
    uint32_t id, moves;
    char package[SRV_ID_MAX + 1];
    int n_seats;
    int64_t archived; /* when (Unix time) */
    char reason[16];
    uint8_t taken;
    char team[PL_MAX_SEATS][SRV_NAME_MAX + 1];
} store_archived_t;
/* Calls fn for up to limit archived tables from id `from` on, in id order; returns how many, or -1. */
int store_each_archived(store_t *st, uint32_t from, int limit, int (*fn)(void *arg, const store_archived_t *row),
                        void *arg);
typedef struct {
    char package[SRV_ID_MAX + 1];
    int n_seats;
    uint64_t seed;
    uint8_t bots;
    int64_t archived; /* 0 while live */
    char reason[16];
    uint32_t total;   /* moves in the log */
    int n;            /* moves returned */
} store_log_t;
/* Up to limit moves of a table's log from seq `from` (moves[] and seqs[] hold limit). 1, 0 when
 * there is no such table, -1 on a database error. */
int store_table_log(store_t *st, uint32_t table, uint32_t from, int limit, store_log_t *out, pl_move_t *moves,
                    uint32_t *seqs);

/* discovery.c */
int srv_discovery_start(srv_t *s, const struct sockaddr *addr, char *err, size_t errlen);

#endif
