/* conn.h -- the client's connection to one plateau-server: greeting, lobby (tables, packages, pushed
 * changes), seats (join, team codes, rejoin with the token kept in the user's config), packages
 * checked by content and fetched into the cache, and the channel a remote table session uses */
#ifndef PC_CONN_H
#define PC_CONN_H

#include <stddef.h>
#include <stdint.h>
#include <SDL.h>
#include <jansson.h>
#include "plateau.h"
#include "client/glog.h"

enum { PC_NET_OFF = 0, PC_NET_CONNECTING, PC_NET_CONNECTED, PC_NET_LOST, PC_NET_READY };

#define PC_CONN_MAX_TABLES 64
#define PC_CONN_MAX_PKGS 16
#define PC_CODE_LEN 6

typedef struct {
    int id, seats, over, broken, timer;
    uint32_t seq;
    char package[64];
    char team[PL_MAX_SEATS][48];   /* "" when the seat has no name yet */
    uint8_t taken[PL_MAX_SEATS];   /* a team holds the seat */
    uint8_t bot[PL_MAX_SEATS];
    uint8_t devices[PL_MAX_SEATS]; /* connections following the seat now */
    /* what the facilitator's dashboard follows */
    int round, current, paused, vote_timer, standin_after;
    unsigned awaited;              /* seats expected to move now */
    uint8_t standin[PL_MAX_SEATS]; /* a bot plays the seat while its team is away */
    uint8_t seat_mode[PL_MAX_SEATS]; /* 0 auto, 1 a bot for good, 2 the team's for good */
    int clock_kind;                /* PC_CLOCK_* */
    int clock_seconds;
    uint32_t clock_deadline;       /* SDL ticks when it runs out (or what is left, when frozen) */
    int clock_frozen;
} pc_table_info_t;

enum { PC_CLOCK_NONE = 0, PC_CLOCK_TURN, PC_CLOCK_VOTE, PC_CLOCK_PROMPT };
/* The clock of a table: its kind from its wire name ("turn", "vote", "prompt", else none). */
int pc_clock_kind(const char *name);

typedef struct {
    char id[64];
    char title[PL_LANG_COUNT][96];
    int min_seats, max_seats, default_seats;
    char hash[65];
    long size;
} pc_pkg_info_t;

/* What the connection tells the app (pc_conn_next). */
enum {
    PC_CE_STATUS = 1, /* state or status line changed */
    PC_CE_LOBBY,      /* the tables or packages changed */
    PC_CE_JOINED,     /* a table is ready: make its session with pc_session_remote_create() */
    PC_CE_ERROR,      /* a request was refused: text says why, in the UI language */
    PC_CE_LEFT,       /* the table was left or is gone */
    PC_CE_DONE,       /* a facilitator's command was done (text: its name) */
    PC_CE_LOGIN,      /* the facilitator's secret was accepted */
    PC_CE_LOGS        /* the logs asked with pc_conn_fetch_logs() are here: pc_conn_take_logs() */
};

typedef struct {
    int type;
    int table;
    char text[300];
} pc_cevent_t;

/* What create_table asks for. */
typedef struct {
    char package[64];
    int seats;
    unsigned bots;                         /* seats played by the server's bots */
    char team[PL_MAX_SEATS][48];           /* names ("" for the default) */
    int timer;                             /* turn timer in seconds, 0 for none */
    int take;                              /* the seat this device takes, -1 to only create */
} pc_create_spec_t;

typedef struct pc_conn pc_conn_t;

/* Connect to ADDR:PORT ([v6]:port too) on a network thread. NULL with err on a bad address. */
pc_conn_t *pc_conn_open(const char *addr, int lang, char *err, size_t errlen);
/* Close (the table session using it must be destroyed first). NULL: nothing. */
void pc_conn_close(pc_conn_t *c);
/* Handle an SDL event of the network thread; 1 when it was one. */
int pc_conn_handle(pc_conn_t *c, const SDL_Event *ev);
int pc_conn_next(pc_conn_t *c, pc_cevent_t *out);
void pc_conn_set_lang(pc_conn_t *c, int lang);

int pc_conn_state(const pc_conn_t *c);
const char *pc_conn_status(const pc_conn_t *c);
const char *pc_conn_addr(const pc_conn_t *c);
int pc_conn_tables(const pc_conn_t *c, const pc_table_info_t **out);
int pc_conn_packages(const pc_conn_t *c, const pc_pkg_info_t **out);
/* The table (0: none) and seat (-1: watching) this connection holds, and the seat's team code. */
int pc_conn_table(const pc_conn_t *c);
int pc_conn_seat(const pc_conn_t *c);
/* Whose view the table comes in: the seat, PL_WHO_OBSERVER or PL_WHO_FACILITATOR. */
int pc_conn_viewer(const pc_conn_t *c);
const char *pc_conn_code(const pc_conn_t *c);

/* Lobby requests; answers come as events. Each returns 0 when not connected. */
int pc_conn_refresh(pc_conn_t *c);
int pc_conn_create(pc_conn_t *c, const pc_create_spec_t *spec);
int pc_conn_join(pc_conn_t *c, int table, int seat, const char *team);
int pc_conn_join_code(pc_conn_t *c, const char *code);
int pc_conn_watch(pc_conn_t *c, int table);
/* Whether this device keeps a seat token for this server, and taking that seat again. */
int pc_conn_has_token(const pc_conn_t *c);
int pc_conn_rejoin(pc_conn_t *c);
void pc_conn_leave(pc_conn_t *c);

/* ---- the facilitator (conn_console.c) ---------------------------------------------------- */

/* Log in with the facilitator's secret (PC_CE_LOGIN, or PC_CE_ERROR); 0 when not connected. */
int pc_conn_login(pc_conn_t *c, const char *secret);
int pc_conn_is_facilitator(const pc_conn_t *c);
/* A facilitator's command (docs/protocol.md): name and its fields (stolen; NULL for none). PC_CE_DONE or
 * PC_CE_ERROR answers it. Returns 0 when it could not be sent. */
int pc_conn_command(pc_conn_t *c, const char *name, json_t *fields);
/* Follow a table with the facilitator's view (every hand). */
int pc_conn_watch_facilitator(pc_conn_t *c, int table);
/* The team code of a seat of table, once "seat_codes" was answered ("" until then). */
const char *pc_conn_seat_code(const pc_conn_t *c, int table, int seat);

/* The logs of tables for the debrief of the day (conn_logs.c), every page of each: PC_CE_LOGS when all have
 * come (a table whose log was refused is left out, and PC_CE_ERROR says why). 0 when it could not be sent. */
int pc_conn_fetch_logs(pc_conn_t *c, const int *tables, int n);
/* The logs fetched, moved to the caller: *logs is malloc'ed (free each with pc_glog_free, then the array). */
int pc_conn_take_logs(pc_conn_t *c, pc_glog_t **logs);
/* The server's version of a package, by id: its content hash ("" when the server did not list it), and its
 * ruleset from the installed or cached copy (owned by the connection). NULL with err in the UI language when that
 * version is not on this computer. */
const char *pc_conn_package_hash(const pc_conn_t *c, const char *id);
const pl_ruleset_t *pc_conn_package_rs(pc_conn_t *c, const char *id, char *err, size_t errlen);

/* ---- the table channel (session_remote.c) ----------------------------------------------- */

/* Whether moves may go out now: greeted, and the seat joined again after a reconnection. */
int pc_conn_can_move(const pc_conn_t *c);
/* Send a move based on the table at seq; returns its request id, or -1. */
long pc_conn_send_move(pc_conn_t *c, const pl_move_t *mv, uint32_t seq);
/* After PC_CE_JOINED: the table's ruleset (owned by the connection, valid until it closes) and
 * its first snapshot (a new reference the caller releases). */
int pc_conn_take_joined(pc_conn_t *c, const pl_ruleset_t **rs, json_t **snapshot);
/* Who hears the table's messages (snapshot, update, table, errors of its moves): the session
 * of the seat held now. A snapshot for another seat (or for watching) makes a new PC_CE_JOINED. */
void pc_conn_listen(pc_conn_t *c, void (*fn)(void *ctx, const json_t *msg), void *ctx);
/* Stop listening, when ctx is the one listening (a newer session may have taken over). */
void pc_conn_unlisten(pc_conn_t *c, void *ctx);
/* Ask for a page of a table's move log from seq `from` (table_log: the facilitator's, anyone's once the game is
 * over); its answer, or its refusal, goes to the listening session. Returns the request's id, 0 when it could not
 * be sent. */
long pc_conn_ask_log(pc_conn_t *c, int table, uint32_t from);
/* Ask for the whole view again (out of sync). */
void pc_conn_resync(pc_conn_t *c);

/* Tests and benchmarks: cut the connection as a network failure would; the thread's wake-ups. */
void pc_conn_cut(pc_conn_t *c);
unsigned long pc_conn_wakeups(const pc_conn_t *c);

/* Path of the file keeping this server's seat token ($XDG_CONFIG_HOME/plateau/...). */
int pc_conn_token_path(const char *addr, char *out, size_t len);

#endif
