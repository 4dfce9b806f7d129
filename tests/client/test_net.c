/* test_net.c -- the client plays against a real plateau-server on loopback, and reconnects after the server is killed and restarted */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fcntl.h>
#include "helpers.h"

#ifndef TC_BUILD
#define TC_BUILD "build"
#endif
#define SERVER TC_BUILD "/plateau-server"

static char tmpdir[256], db[300];
static int port;
static pid_t server_pid = -1;

/* start the server on 127.0.0.1:port (port 0: any), return its pid; learn the port from its log */
static pid_t server_start(void)
{
    int fds[2];
    if (pipe(fds) != 0) return -1;
    pid_t pid = fork();
    if (pid == 0) {
        char listen[64];
        snprintf(listen, sizeof listen, "127.0.0.1:%d", port);
        dup2(fds[1], 2);
        close(fds[0]);
        int devnull = open("/dev/null", O_RDWR);
        if (devnull >= 0) {
            dup2(devnull, 0);
            dup2(devnull, 1);
        }
        execl(SERVER, SERVER, "--listen", listen, "--db", db, "--games", "game-data", "--sync", "normal", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    FILE *f = fdopen(fds[0], "r");
    char line[512];
    int found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        char *p = strstr(line, "(port ");
        if (strstr(line, "listening on") && p) {
            port = atoi(p + 6);
            found = 1;
        }
    }
    /* keep draining the log so the server never blocks on it */
    if (fork() == 0) {
        while (fgets(line, sizeof line, f)) {}
        _exit(0);
    }
    fclose(f);
    server_pid = pid;
    return found ? pid : -1;
}

static void server_kill(pid_t pid)
{
    if (pid <= 0) return;
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    server_pid = -1;
}

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, TC_BUILD "/tests/client-net-XXXXXX");
    mkdir(TC_BUILD "/tests", 0755);
    cr_assert(mkdtemp(tmpdir), "temporary folder");
    snprintf(db, sizeof db, "%s/server.db", tmpdir);
    tc_isolate();
    tc_sdl_up();
}

static void teardown(void)
{
    server_kill(server_pid);
    tc_sdl_down();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) {}
}

#define push_key tc_key

/* run the client's loop for up to ms, or until done(a) */
static int lost(pc_app_t *a) { return pc_conn_state(a->conn) == PC_NET_LOST; }
static int back_at_table(pc_app_t *a) { return tc_net_ready(a) && tc_at_table(a) && pc_conn_can_move(a->conn); }
/* watching: the table, or its end screen when the game ended meanwhile (the seed is the server's own) */
static int watching(pc_app_t *a)
{
    return a->session && a->session->kind == PC_SESSION_REMOTE && a->session->watching &&
           (a->scr.screen == PC_SCREEN_TABLE || a->scr.screen == PC_SCREEN_END);
}

static uint32_t acted_at = 0xFFFFFFFFu, goal_seq;

/* one step of play by the keyboard when it is our turn (once per state we see) */
static void play_step(pc_app_t *a)
{
    pc_session_t *g = a->session;
    if (g->reveal_pending || g->prompt_card != PL_NO_CARD) {
        push_key(SDLK_RETURN);
        return;
    }
    int me = pc_conn_seat(a->conn);
    if (me < 0 || pc_session_to_act(g) != me || acted_at == g->st.seq)
        return;
    acted_at = g->st.seq;
    if (g->st.wait == PL_WAIT_VOTE || g->st.wait == PL_WAIT_CHOICE || g->st.wait == PL_WAIT_BRANCH)
        tc_number_key(1);
    else
        push_key(SDLK_r);
}

static int play_a_while(pc_app_t *a)
{
    if (!a->session || a->session->kind != PC_SESSION_REMOTE)
        return 0;
    play_step(a);
    return a->session->st.wait == PL_WAIT_OVER || a->session->st.seq >= goal_seq;
}

static void create_table(pc_app_t *a, int seats, unsigned bots)
{
    pc_create_spec_t spec;
    memset(&spec, 0, sizeof spec);
    snprintf(spec.package, sizeof spec.package, "achats-durables");
    spec.seats = seats;
    spec.bots = bots;
    spec.take = 0;
    cr_assert(pc_conn_create(a->conn, &spec));
}

Test(net, play_against_a_server_and_reconnect, .init = setup, .fini = teardown, .timeout = 100)
{
    if (access(SERVER, X_OK) != 0) cr_skip_test("no plateau-server in this build");
    port = 0;
    pid_t srv = server_start();
    cr_assert(srv > 0 && port > 0, "the server starts");
    pc_app_t *a = tc_app(TC_SHIPPED, 1280, 720, 1);
    cr_assert(a);
    char addr[64];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
    pc_app_connect(a, addr);
    cr_assert(tc_loop_until(a, 10000, tc_net_ready), "connected and greeted (%s)", pc_conn_status(a->conn));
    create_table(a, 4, 0xEu);
    cr_assert(tc_loop_until(a, 10000, tc_at_table), "a table is created and joined (%s / %s)", pc_conn_status(a->conn),
              a->scr.flash);
    int seat = pc_conn_seat(a->conn);
    cr_assert(seat >= 0);
    char tok[1024];
    cr_assert(pc_conn_token_path(addr, tok, sizeof tok));
    cr_assert(access(tok, R_OK) == 0, "the seat token is kept in the config folder (%s)", tok);

    goal_seq = a->session->st.seq + 30;
    cr_assert(tc_loop_until(a, 30000, play_a_while), "the game goes on: seq %u, wait %d, expected %x, status %s, flash %s",
              a->session->st.seq, a->session->st.wait, pl_expected(&a->session->st), pc_conn_status(a->conn), a->scr.flash);
    uint32_t seq_before = a->session->st.seq;
    cr_assert_gt(seq_before, 0);

    /* the connection is cut: the server dies, then comes back on the same port and database */
    server_kill(srv);
    cr_assert(tc_loop_until(a, 10000, lost), "the loss is noticed and shown (%s)", pc_conn_status(a->conn));
    cr_assert(strlen(pc_conn_status(a->conn)) > 0);
    srv = server_start();
    cr_assert(srv > 0, "the server restarts");
    cr_assert(tc_loop_until(a, 15000, back_at_table), "the client reconnects to its seat (%s)", pc_conn_status(a->conn));
    cr_assert_eq(pc_conn_seat(a->conn), seat, "the same seat");
    cr_assert_geq(a->session->st.seq, seq_before, "nothing acknowledged was lost");

    goal_seq = a->session->st.seq + 30;
    acted_at = 0xFFFFFFFFu;
    cr_assert(tc_loop_until(a, 30000, play_a_while), "play goes on after the reconnection: seq %u, status %s, flash %s",
              a->session->st.seq, pc_conn_status(a->conn), a->scr.flash);
    /* the same connection now watches the table as an observer: no seat, nothing to play */
    int table = pc_conn_table(a->conn);
    cr_assert_gt(table, 0);
    pc_conn_watch(a->conn, table);
    cr_assert(tc_loop_until(a, 10000, watching), "watching the table (%s; screen %d, session %p watching %d)", pc_conn_status(a->conn),
              a->scr.screen, (void *)a->session, a->session ? a->session->watching : -1);
    cr_expect_eq(pc_session_to_act(a->session), -1, "an observer has nothing to play");
    cr_log_info("table %d seat %d: seq %u before the cut, %u at the end, reconnections noticed", 0, seat,
                seq_before, a->session->st.seq);
    pc_app_destroy(a);
    server_kill(srv);
}
