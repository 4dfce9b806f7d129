/* harness.h -- server tests: start plateau-server on loopback, talk to it over TCP, run plateau-bot */
#ifndef TS_HARNESS_H
#define TS_HARNESS_H

#include <jansson.h>
#include <stddef.h>
#include <sys/types.h>

#ifndef TS_BUILD
#define TS_BUILD "build"
#endif

typedef struct {
    pid_t pid;
    int port;
    char dir[64];   /* temp folder holding the database */
    char db[128];
    char log[128];
    char secret[200];          /* the facilitator secret file (ts_start_with_secret) */
    const char *extra[40];     /* the flags it was started with (ts_start_with_secret) */
} ts_server_t;

/* Start the server with the shipped packages and the fixtures (demo) on 127.0.0.1 and a fresh port and database, plus
 * extra flags (NULL-terminated list). Returns 0 when it accepts connections. */
int ts_start(ts_server_t *s, const char *const *extra);
/* Start again on the same port and database (after ts_kill9). */
int ts_restart(ts_server_t *s, const char *const *extra);
void ts_kill9(ts_server_t *s);
/* SIGTERM and wait; returns the exit status. Removes nothing. */
int ts_stop(ts_server_t *s);
/* Remove the temp folder. */
void ts_cleanup(ts_server_t *s);

/* ts_start, then again with a facilitator secret file holding secret (s->extra: the flags used,
 * for ts_restart after a kill). */
int ts_start_with_secret(ts_server_t *s, const char *secret, const char *const *extra);
/* Send a request (its "id" is the key) and return the answer (or an error without "re"). */
json_t *ts_ask(int fd, json_t *msg, int timeout_ms);

int ts_connect(int port);          /* blocking socket, -1 on failure */
int ts_send_raw(int fd, const void *p, size_t n);
int ts_send(int fd, json_t *msg);  /* steals msg */
int ts_sendf(int fd, const char *fmt, ...); /* json_pack format */
/* Next message (NULL on timeout, EOF or bad frame). Raw bytes received are appended to
 * *log when log is not NULL (for the secrecy test). */
json_t *ts_recv(int fd, int timeout_ms);
/* Next message of that type, skipping others (updates...). */
json_t *ts_recv_type(int fd, const char *type, int timeout_ms);
/* 1 when the server closed the connection within timeout_ms (reading and dropping data). */
int ts_closed(int fd, int timeout_ms);
/* connect + hello; -1 on failure */
int ts_hello(int port);
/* Run plateau-bot with these arguments; its stdout goes to out (if not NULL). Returns exit status. */
int ts_bot(int port, const char *const *args, char *out, size_t outlen);
pid_t ts_bot_spawn(int port, const char *const *args, int *out_fd);

#endif
