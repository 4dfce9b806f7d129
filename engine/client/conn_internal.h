/* conn_internal.h -- the connection's state, shared by conn.c (the protocol, lobby, seats) and conn_console.c
 * (the facilitator's commands); not for use outside these files */
#ifndef PC_CONN_INTERNAL_H
#define PC_CONN_INTERNAL_H

#include "client/conn.h"
#include "client/link.h"
#include "client/glog.h"

#define CONN_EV_MAX 32
#define CONN_RS_MAX 8

struct pc_conn {
    pc_link_t *link;
    Uint32 ev_type;
    unsigned gen;                 /* the link's connection these requests belong to */
    int state;
    int lang;
    char addr[128];
    char status[300];
    long next_id;
    long create_id, join_id, move_id, pkg_id;
    long log_id;                  /* the table session's table_log request (its answer goes to the listener) */
    pc_create_spec_t create;      /* what the last create_table asked for (its seat to take) */
    /* lobby */
    pc_table_info_t tables[PC_CONN_MAX_TABLES];
    int n_tables;
    pc_pkg_info_t pkgs[PC_CONN_MAX_PKGS];
    int n_pkgs;
    /* the table followed */
    int table, seat, watching, joining;
    int watch_as_facilitator;     /* the table is watched with the facilitator's view (every hand) */
    /* the facilitator (conn_console.c) */
    int facilitator;              /* logged in with the secret */
    long login_id;
    long cmd_ids[16];             /* commands waiting for their answer */
    char cmd_names[16][24];
    int n_cmds;
    char codes[PL_MAX_SEATS][16]; /* the team codes of codes_table, once asked */
    int codes_table;
    char token[160];
    char code[16];
    void (*listen)(void *, const json_t *);
    void *listen_ctx;
    int listen_who;               /* the seat (or -1 watching) the listening session shows */
    json_t *joined_snapshot;      /* first snapshot, waiting for the app (PC_CE_JOINED) */
    json_t *early;                /* the table's messages that came after it, before the session */
    const pl_ruleset_t *joined_rs;
    json_t *waiting_snapshot;     /* a snapshot waiting for its package to arrive */
    char waiting_hash[65];
    /* rulesets loaded for tables, kept until the connection closes */
    struct {
        char hash[65];
        pl_ruleset_t *rs;
    } rs[CONN_RS_MAX];
    int n_rs;
    /* the day's logs being read for the facilitator's debrief (conn_logs.c) */
    struct {
        long id;                  /* the page asked for (0: done) */
        pc_glog_t log;
        int ok;
    } logs[PC_CONN_MAX_TABLES];
    int n_logs, logs_pending;
    pc_cevent_t ev[CONN_EV_MAX];
    int ev_head, ev_n;
};


/* Queue an event for the app; send a message (its id is set and returned, -1 when it cannot go). */
void pc_conn__emit(pc_conn_t *c, int type, const char *text);
long pc_conn__send(pc_conn_t *c, json_t *m);
/* The facilitator's answers (conn_console.c): 1 when the message was one of them. */
int pc_conn__console_answer(pc_conn_t *c, const json_t *m, long re);
int pc_conn__watch(pc_conn_t *c, int table, int as_facilitator);
/* The day's logs (conn_logs.c): 1 when the message answered one of their pages. */
int pc_conn__logs_answer(pc_conn_t *c, const json_t *m, long re);
void pc_conn__logs_free(pc_conn_t *c);
/* Ask for a page of a table's log (table_log, 2000 moves from seq from); its request id, 0 when it could not go. */
long pc_conn__log_page(pc_conn_t *c, int table, uint32_t from);
/* The ruleset of a package folder, loaded once per content hash and kept until the connection closes. */
const pl_ruleset_t *pc_conn__ruleset_of(pc_conn_t *c, const char *hash, const char *dir, char *err, size_t errlen);

#endif
