/* test_lobby.c -- the lobby holds against hostile clients: limits, archiving, deletion, pages, the reconnect storm */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"
#include "proto/proto.h"

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static json_t *ask(int fd, json_t *msg)
{
    json_t *m = ts_ask(fd, msg, 20000);
    cr_assert_not_null(m, "no answer");
    return m;
}

static void expect_type(json_t *m, const char *type)
{
    cr_assert_not_null(m, "no reply");
    cr_assert_str_eq(proto_type(m), type, "%s: %s", json_string_value(json_object_get(m, "code")),
                     json_string_value(json_object_get(m, "message")));
}

static int facilitator(int port, const char *secret)
{
    int fd = ts_hello(port);
    cr_assert_geq(fd, 0);
    json_t *r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 1, "secret", secret));
    expect_type(r, "ok");
    json_decref(r);
    return fd;
}

/* Walk list_tables page by page; returns how many tables, checking ids only grow. */
static int count_pages(int fd, int archived, int limit, int *pages)
{
    json_int_t from = 1;
    int n = 0, last = 0;
    *pages = 0;
    for (;;) {
        json_t *q = json_pack("{s:s,s:i,s:I,s:i,s:b}", "type", "list_tables", "id", 100 + *pages, "from", from,
                              "limit", limit, "archived", archived);
        json_t *r = ask(fd, q);
        expect_type(r, "tables");
        json_t *arr = json_object_get(r, "tables"), *t;
        size_t i;
        cr_assert_leq(json_array_size(arr), (size_t)limit, "a page longer than asked");
        json_array_foreach(arr, i, t) {
            int id = (int)json_integer_value(json_object_get(t, "table"));
            cr_assert_gt(id, last, "pages out of order or repeated");
            last = id;
            n++;
        }
        (*pages)++;
        json_t *next = json_object_get(r, "next");
        cr_assert(next, "no \"next\" in the page");
        if (json_is_null(next)) {
            json_decref(r);
            return n;
        }
        from = json_integer_value(next);
        json_decref(r);
    }
}

/* A TCP connection to the server from another loopback address (127.0.0.x). */
static int connect_from(int port, int x)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(0x7f000000u | (uint32_t)x);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

enum { HOSTILE = 1300, ADDRESSES = 13, CREATES = 8, MANY_TABLES = 520 };

Test(lobby, hostile_connections_filling_the_lobby_leave_the_facilitator_in_charge, .timeout = 240)
{
    static int fds[HOSTILE];
    ts_server_t s;
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    if (rl.rlim_cur < HOSTILE + 200) {
        rl.rlim_cur = rl.rlim_max < HOSTILE + 200 ? rl.rlim_max : HOSTILE + 200;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    cr_assert_geq(rl.rlim_cur, HOSTILE + 100, "the open-file limit is too low for this test");
    /* the server-wide cap is reached by the hostile clients: 13 addresses x 100 tables > 1000 */
    const char *extra[] = { "--max-tables", "1000", "--hello-timeout-ms", "600000", NULL };
    cr_assert_eq(ts_start_with_secret(&s, "facilitator secret", extra), 0);
    /* each connection says hello and asks for 8 tables at once, from one of 13 addresses */
    for (int i = 0; i < HOSTILE; i++) {
        fds[i] = connect_from(s.port, 2 + i % ADDRESSES);
        cr_assert_geq(fds[i], 0, "connection %d failed", i);
        cr_assert_eq(ts_sendf(fds[i], "{s:s,s:i,s:i}", "type", "hello", "id", 0, "version", PROTO_VERSION), 0);
        for (int k = 0; k < CREATES; k++)
            cr_assert_eq(ts_sendf(fds[i], "{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 1 + k, "package",
                                  "demo", "seats", 2), 0);
    }
    int created = 0, limited = 0, other = 0;
    for (int i = 0; i < HOSTILE; i++) {
        for (int k = 0; k <= CREATES; k++) {
            json_t *m = ts_recv(fds[i], 30000);
            cr_assert_not_null(m, "connection %d: answer %d missing", i, k);
            const char *type = proto_type(m), *code = json_string_value(json_object_get(m, "code"));
            if (!strcmp(type, "ok"))
                created++;
            else if (!strcmp(type, "error") && !strcmp(code, PROTO_E_LIMIT))
                limited++;
            else if (strcmp(type, "welcome"))
                other++;
            json_decref(m);
        }
    }
    fprintf(stderr, "lobby: %d hostile connections asked for %d tables: %d created, %d refused (limit)\n", HOSTILE,
            HOSTILE * CREATES, created, limited);
    cr_assert_eq(other, 0);
    cr_assert_eq(created, 1000, "the server-wide limit did not hold");
    cr_assert_eq(created + limited, HOSTILE * CREATES);
    /* one address alone cannot take more than its share */
    int solo = connect_from(s.port, 200);
    ts_sendf(solo, "{s:s,s:i,s:i}", "type", "hello", "id", 0, "version", PROTO_VERSION);
    json_decref(ts_recv_type(solo, "welcome", 10000));
    json_t *r = ask(solo, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 1, "package", "demo", "seats", 2));
    cr_assert_str_eq(json_string_value(json_object_get(r, "code")), PROTO_E_LIMIT);
    json_decref(r);
    close(solo);

    int boss = facilitator(s.port, "facilitator secret");
    r = ask(boss, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 2, "package", "demo", "seats", 3));
    expect_type(r, "ok");
    int mine = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    int pages;
    cr_assert_eq(count_pages(boss, 0, 500, &pages), 1001, "list_tables does not list every table");
    cr_assert_eq(pages, 3);
    r = ask(boss, json_pack("{s:s,s:i}", "type", "list_tables", "id", 3)); /* no paging asked: the first page */
    expect_type(r, "tables");
    cr_assert_eq(json_array_size(json_object_get(r, "tables")), 200);
    cr_assert_eq(json_integer_value(json_object_get(r, "live")), 1001);
    json_decref(r);
    /* the facilitator removes a hostile table, and can still play its own */
    r = ask(boss, json_pack("{s:s,s:i,s:i}", "type", "delete_table", "id", 4, "table", 1));
    expect_type(r, "ok");
    json_decref(r);
    cr_assert_eq(count_pages(boss, 0, 500, &pages), 1000);
    r = ask(boss, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "join", "id", 5, "table", mine, "seat", 0, "team", "Animation"));
    expect_type(r, "joined");
    json_decref(r);
    for (int i = 0; i < HOSTILE; i++)
        close(fds[i]);
    close(boss);
    cr_assert_eq(ts_stop(&s), 0);
    ts_cleanup(&s);
}

Test(lobby, list_tables_pages_stay_far_below_the_frame_limit, .timeout = 120)
{
    ts_server_t s;
    const char *extra[] = { "--tables-per-address", "5000", "--tables-per-connection", "5000", "--rate", "100000", NULL };
    cr_assert_eq(ts_start(&s, extra), 0);
    int fd = ts_hello(s.port);
    /* 8-seat tables with 32-byte names escaped (\" and \\ double them): the largest TABLE-INFO */
    for (int t = 0; t < MANY_TABLES; t++) {
        json_t *r = ask(fd, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 1, "package", "demo", "seats", 8));
        expect_type(r, "ok");
        int id = (int)json_integer_value(json_object_get(r, "table"));
        json_decref(r);
        if (t < 3)
            for (int seat = 0; seat < 8; seat++) {
                int other = ts_hello(s.port);
                char name[33];
                memset(name, '"', 32);
                name[32] = 0;
                r = ask(other, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "join", "id", 2, "table", id, "seat", seat,
                                         "team", name));
                expect_type(r, "joined");
                json_decref(r);
                close(other);
            }
    }
    int pages;
    cr_assert_eq(count_pages(fd, 0, 500, &pages), MANY_TABLES);
    close(fd);
    ts_stop(&s);
    ts_cleanup(&s);
}

Test(lobby, finished_idle_and_deleted_tables_are_archived_and_stay_readable, .timeout = 120)
{
    ts_server_t s;
    const char *extra[] = { "--archive-finished-after", "1", "--archive-idle-after", "2", NULL };
    cr_assert_eq(ts_start_with_secret(&s, "facilitator secret", extra), 0);
    int boss = facilitator(s.port, "facilitator secret");
    /* A: only server bots, over at once; B: joined then left; C: a team stays; D: deleted */
    json_t *r = ask(boss, json_pack("{s:s,s:i,s:s,s:i,s:[i]}", "type", "create_table", "id", 2, "package", "demo",
                                    "seats", 1, "bots", 0));
    int a = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    int leaver = ts_hello(s.port), stayer = ts_hello(s.port);
    r = ask(leaver, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 1, "package", "demo", "seats", 2));
    int b = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    r = ask(leaver, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "join", "id", 2, "table", b, "seat", 0, "team", "Partie"));
    expect_type(r, "joined");
    char token[80];
    snprintf(token, sizeof token, "%s", json_string_value(json_object_get(r, "token")));
    json_decref(r);
    close(leaver);
    r = ask(stayer, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 1, "package", "demo", "seats", 2));
    int c = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    r = ask(stayer, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "join", "id", 2, "table", c, "seat", 0, "team", "Reste"));
    expect_type(r, "joined");
    json_decref(r);
    r = ask(stayer, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 3, "package", "demo", "seats", 2));
    int d = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    r = ask(stayer, json_pack("{s:s,s:i,s:i,s:s}", "type", "watch", "id", 4, "table", d, "as", "observer"));
    expect_type(r, "joined");
    json_decref(r);
    r = ask(boss, json_pack("{s:s,s:i,s:i}", "type", "delete_table", "id", 3, "table", d));
    expect_type(r, "ok");
    json_decref(r);
    json_t *closed = ts_recv_type(stayer, "closed", 10000);
    cr_assert_not_null(closed, "the observer of a deleted table was not told");
    cr_assert_eq(json_integer_value(json_object_get(closed, "table")), d);
    cr_assert_str_eq(json_string_value(json_object_get(closed, "reason")), "deleted");
    json_decref(closed);
    /* wait (generously) until only C is live */
    int live = -1;
    for (int i = 0; i < 300 && live != 1; i++) {
        sleep_ms(100);
        r = ask(boss, json_pack("{s:s,s:i}", "type", "list_tables", "id", 5));
        live = (int)json_array_size(json_object_get(r, "tables"));
        json_decref(r);
    }
    cr_assert_eq(live, 1, "finished and idle tables were not archived");
    r = ask(boss, json_pack("{s:s,s:i}", "type", "list_tables", "id", 6));
    cr_assert_eq(json_integer_value(json_object_get(json_array_get(json_object_get(r, "tables"), 0), "table")), c,
                 "the table a team is at was archived");
    json_decref(r);
    r = ask(boss, json_pack("{s:s,s:i,s:b}", "type", "list_tables", "id", 7, "archived", 1));
    json_t *arr = json_object_get(r, "tables");
    cr_assert_eq(json_array_size(arr), 3);
    const char *why[3] = { "finished", "idle", "deleted" };
    int ids[3] = { a, b, d };
    for (int i = 0; i < 3; i++) {
        json_t *t = json_array_get(arr, (size_t)i);
        cr_assert_eq(json_integer_value(json_object_get(t, "table")), ids[i]);
        cr_assert_str_eq(json_string_value(json_object_get(t, "reason")), why[i]);
        cr_assert_gt(json_integer_value(json_object_get(t, "archived")), 0);
    }
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(json_array_get(arr, 1), "teams"), 0)), "Partie");
    json_decref(r);
    /* the finished table's log is still there for the debrief */
    r = ask(boss, json_pack("{s:s,s:i,s:i,s:i}", "type", "table_log", "id", 8, "table", a, "limit", 5));
    expect_type(r, "table_log");
    cr_assert_gt(json_integer_value(json_object_get(r, "moves_total")), 5);
    cr_assert_eq(json_array_size(json_object_get(r, "moves")), 5);
    cr_assert_eq(json_integer_value(json_object_get(r, "next")), 6);
    cr_assert_eq(json_integer_value(json_array_get(json_array_get(json_object_get(r, "moves"), 0), 0)), 1);
    json_int_t total = json_integer_value(json_object_get(r, "moves_total"));
    json_decref(r);
    r = ask(boss, json_pack("{s:s,s:i,s:i,s:i,s:i}", "type", "table_log", "id", 9, "table", a, "from", 6, "limit", 2000));
    cr_assert_eq((json_int_t)json_array_size(json_object_get(r, "moves")), total - 5, "the last page is not whole");
    cr_assert(json_is_null(json_object_get(r, "next")), "a next page after the last move");
    json_decref(r);
    int other = ts_hello(s.port);
    r = ask(other, json_pack("{s:s,s:i,s:s}", "type", "rejoin", "id", 1, "token", token));
    cr_assert_str_eq(json_string_value(json_object_get(r, "code")), PROTO_E_BAD_TOKEN);
    cr_assert(strstr(json_string_value(json_object_get(r, "message")), "archived"));
    json_decref(r);
    /* a finished game's log is anyone's (the debrief: nothing is hidden once it is over), a deleted one's is not */
    r = ask(other, json_pack("{s:s,s:i,s:i,s:i}", "type", "table_log", "id", 2, "table", a, "limit", 5));
    expect_type(r, "table_log");
    cr_assert(json_is_true(json_object_get(r, "over")));
    json_decref(r);
    r = ask(other, json_pack("{s:s,s:i,s:i,s:i}", "type", "table_log", "id", 3, "table", d, "limit", 5));
    cr_assert_str_eq(json_string_value(json_object_get(r, "code")), PROTO_E_FORBIDDEN);
    json_decref(r);
    close(other);
    close(stayer);
    close(boss);
    /* archived tables are not resumed after a restart, and stay listed as archived */
    cr_assert_eq(ts_stop(&s), 0);
    const char *again[] = { "--facilitator-secret-file", s.secret, NULL };
    cr_assert_eq(ts_restart(&s, again), 0);
    boss = facilitator(s.port, "facilitator secret");
    int pages;
    cr_assert_eq(count_pages(boss, 0, 2, &pages), 1);
    cr_assert_eq(count_pages(boss, 1, 2, &pages), 3);
    cr_assert_eq(pages, 2);
    r = ask(boss, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 9, "package", "demo", "seats", 2));
    cr_assert_gt(json_integer_value(json_object_get(r, "table")), d, "an archived table's id was given again");
    json_decref(r);
    close(boss);
    ts_stop(&s);
    ts_cleanup(&s);
}

/* A storm of kill -9 during play: plateau-bot rejoins every seat and no move is refused or lost. */
Test(lobby, kill9_storm_refuses_no_move_and_loses_no_acknowledgement, .timeout = 180)
{
    ts_server_t s;
    cr_assert_eq(ts_start(&s, NULL), 0);
    const char *args[] = { "--package", "demo", "--tables", "6", "--seats", "3", "--moves-per-second", "40",
                           "--reconnect-ms", "30000", "--timeout", "150", NULL };
    int out;
    pid_t bot = ts_bot_spawn(s.port, args, &out);
    int kills = 0;
    for (int k = 0; k < 8; k++) { /* paced play keeps moves queued when the server dies */
        sleep_ms(200 + 100 * (k % 4));
        if (waitpid(bot, NULL, WNOHANG) != 0)
            break;
        ts_kill9(&s);
        kills++;
        cr_assert_eq(ts_restart(&s, NULL), 0, "restart %d failed", k);
    }
    char buf[16384];
    size_t len = 0;
    ssize_t rd;
    while ((rd = read(out, buf + len, sizeof buf - 1 - len)) > 0)
        len += (size_t)rd;
    buf[len] = 0;
    close(out);
    int st;
    waitpid(bot, &st, 0);
    const char *fig = strstr(buf, "view hashes:");
    fprintf(stderr, "storm: %d kill -9 during play; plateau-bot %.*s", kills, fig ? (int)strcspn(fig, "\n") + 1 : 0,
            fig ? fig : "");
    cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0, "plateau-bot failed in the storm:\n%s", buf);
    cr_assert(strstr(buf, "refused moves 0;"), "moves were refused:\n%s", buf);
    cr_assert(strstr(buf, "lost acknowledgements 0;"), "acknowledged moves were lost:\n%s", buf);
    cr_assert_null(strstr(buf, "reconnections 0;"), "the kills were not noticed:\n%s", buf);
    cr_assert_eq(ts_stop(&s), 0);
    ts_cleanup(&s);
}

static int hello_from(int port, int x)
{
    int fd = connect_from(port, x);
    cr_assert_geq(fd, 0);
    ts_sendf(fd, "{s:s,s:i,s:i}", "type", "hello", "id", 0, "version", PROTO_VERSION);
    json_t *w = ts_recv_type(fd, "welcome", 10000);
    cr_assert_not_null(w);
    json_decref(w);
    return fd;
}

/* 1: created; 0: refused with limit, whose message must say why */
static int try_create(int fd, const char *says)
{
    json_t *r = ask(fd, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 1, "package", "demo", "seats", 2));
    int ok = !strcmp(proto_type(r), "ok");
    if (!ok) {
        cr_assert_str_eq(json_string_value(json_object_get(r, "code")), PROTO_E_LIMIT);
        cr_assert(strstr(json_string_value(json_object_get(r, "message")), says), "%s",
                  json_string_value(json_object_get(r, "message")));
    }
    json_decref(r);
    return ok;
}

Test(lobby, tables_per_connection_and_per_address_are_limited, .timeout = 60)
{
    ts_server_t s;
    const char *extra[] = { "--tables-per-address", "7", "--tables-per-connection", "3", NULL };
    cr_assert_eq(ts_start_with_secret(&s, "facilitator secret", extra), 0);
    int a = hello_from(s.port, 2), b = hello_from(s.port, 2), c = hello_from(s.port, 2), other = hello_from(s.port, 3);
    for (int i = 0; i < 3; i++)
        cr_assert(try_create(a, ""));
    cr_assert_not(try_create(a, "this connection created"), "a fourth table from one connection");
    for (int i = 0; i < 3; i++)
        cr_assert(try_create(b, ""));
    cr_assert(try_create(c, ""));
    cr_assert_not(try_create(c, "live tables were created from your address"), "an eighth table from one address");
    cr_assert(try_create(other, ""), "another address was refused");
    /* a table that leaves the live ones frees its address's place */
    int boss = facilitator(s.port, "facilitator secret");
    json_t *r = ask(boss, json_pack("{s:s,s:i,s:i}", "type", "delete_table", "id", 2, "table", 1));
    expect_type(r, "ok");
    json_decref(r);
    cr_assert(try_create(c, ""), "the address's place was not freed by the deletion");
    close(a);
    close(b);
    close(c);
    close(other);
    close(boss);
    ts_stop(&s);
    ts_cleanup(&s);
}
