/* bench_net.c -- the client's network figures: move-to-update latency from one client's move to another
 * client's screen through a real plateau-server on loopback, and the network thread's wake-ups when idle */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "client/link.h"
#include "helpers.h"

static double now_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* context switches of this process's network threads, from /proc (the kernel's count, whatever
 * the code does) */
static long net_thread_switches(void)
{
    long total = 0;
    DIR *d = opendir("/proc/self/task");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[300], comm[64] = "";
        snprintf(p, sizeof p, "/proc/self/task/%s/comm", e->d_name);
        FILE *f = fopen(p, "r");
        if (f) {
            if (!fgets(comm, sizeof comm, f))
                comm[0] = 0;
            fclose(f);
        }
        if (strncmp(comm, "plateau-net", 11))
            continue;
        snprintf(p, sizeof p, "/proc/self/task/%s/status", e->d_name);
        f = fopen(p, "r");
        char line[200];
        while (f && fgets(line, sizeof line, f)) {
            long v;
            if (sscanf(line, "voluntary_ctxt_switches: %ld", &v) == 1 || sscanf(line, "nonvoluntary_ctxt_switches: %ld", &v) == 1)
                total += v;
        }
        if (f)
            fclose(f);
    }
    if (d)
        closedir(d);
    return total;
}

static pc_app_t *A, *B;

/* both apps' events: each to the app whose connection it belongs to */
static void pump_both(int wait_ms)
{
    SDL_Event ev;
    int got = SDL_WaitEventTimeout(&ev, wait_ms);
    while (got) {
        if (!pc_conn_handle(A->conn, &ev) && !pc_conn_handle(B->conn, &ev) && ev.type >= SDL_USEREVENT &&
            ev.user.code == PC_LINK_MESSAGE)
            free(ev.user.data1);
        got = SDL_PollEvent(&ev);
    }
    pc_app_tick(A);
    pc_app_tick(B);
}

static int cmp(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return a < b ? -1 : a > b;
}

static int new_table(void)
{
    pc_create_spec_t spec;
    memset(&spec, 0, sizeof spec);
    snprintf(spec.package, sizeof spec.package, "achats-durables");
    spec.seats = 2;
    spec.bots = 2u;
    spec.take = 0;
    pc_session_destroy(A->session);
    A->session = NULL;
    pc_conn_leave(A->conn);
    if (!pc_conn_create(A->conn, &spec))
        return 0;
    for (int i = 0; i < 500 && !(tc_at_table(A) && pc_conn_can_move(A->conn)); i++)
        pump_both(10);
    if (!tc_at_table(A))
        return 0;
    pc_conn_watch(B->conn, pc_conn_table(A->conn));
    for (int i = 0; i < 500 && !tc_at_table(B); i++)
        pump_both(10);
    return tc_at_table(B);
}

int main(int argc, char **argv)
{
    (void)argc;
    int x11 = getenv("TC_BENCH_X11") != NULL;
    setenv("SDL_VIDEODRIVER", x11 ? "x11" : "dummy", 1);
    const char *home = tc_isolate();
    char dir[1024];
    if (!home || !realpath(home, dir))
        return 1;
    tc_sdl_up();
    int port = 0, srv = tc_server_start(dir, NULL, &port);
    if (srv <= 0) {
        fprintf(stderr, "bench-net: the server does not start\n");
        return 1;
    }
    A = tc_app(TC_SHIPPED, 1280, 720, 1);
    B = tc_app(TC_SHIPPED, 1280, 720, 1);
    char addr[64];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
    pc_app_connect(A, addr);
    pc_app_connect(B, addr);
    for (int i = 0; i < 500 && !(pc_conn_state(A->conn) == PC_NET_READY && pc_conn_state(B->conn) == PC_NET_READY); i++)
        pump_both(10);
    if (!new_table()) {
        fprintf(stderr, "bench-net: no table\n");
        return 1;
    }
    enum { N = 150 }; /* a connection may create 8 tables: about 20 moves of seat 1 each */
    static double lat[N], recv[N], draw[N];
    int n = 0, tables = 1;
    while (n < N) {
        pc_session_t *a = A->session, *b = B->session;
        if (a->st.wait == PL_WAIT_OVER) {
            if (!new_table())
                break;
            tables++;
            continue;
        }
        if (pc_session_to_act(a) != 0 || b->st.seq != a->st.seq) {
            pump_both(5);
            continue;
        }
        /* A moves; the time runs until B has the update and has drawn its screen */
        uint32_t want = a->st.seq + 1;
        pl_move_t mv[40];
        int k = pl_legal_moves(a->rs, &a->st, 0, mv, 40);
        double t0 = now_ms();
        pc_session_move(a, k > 0 ? mv[0].type : PL_MOVE_ROLL, 0, k > 0 ? mv[0].arg : 0);
        while (B->session->st.seq < want && now_ms() - t0 < 5000) {
            SDL_Event ev;
            if (SDL_WaitEventTimeout(&ev, 50)) {
                do {
                    if (!pc_conn_handle(A->conn, &ev) && !pc_conn_handle(B->conn, &ev) && ev.type >= SDL_USEREVENT &&
                        ev.user.code == PC_LINK_MESSAGE)
                        free(ev.user.data1);
                } while (B->session->st.seq < want && SDL_PollEvent(&ev));
            }
        }
        double tr = now_ms();
        pc_app_tick(B);
        pc_app_draw(B);
        double t1 = now_ms();
        if (B->session->st.seq >= want) {
            recv[n] = tr - t0;
            draw[n] = t1 - tr;
            lat[n++] = t1 - t0;
        }
        pc_session_reveal_done(A->session);
        pc_session_prompt_done(A->session);
        pump_both(0);
    }
    qsort(lat, (size_t)n, sizeof *lat, cmp);
    qsort(recv, (size_t)n, sizeof *recv, cmp);
    qsort(draw, (size_t)n, sizeof *draw, cmp);
    if (n > 0) {
        printf("client: move to another client's screen through plateau-server on loopback (video driver %s), %d moves "
               "on %d tables: p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p50 <= 2 ms)\n", SDL_GetCurrentVideoDriver(),
               n, tables, lat[n / 2], lat[(n * 99) / 100], lat[n - 1]);
        printf("client:   of which the update taken by the other client: p50 %.2f ms, p99 %.2f ms; its frame drawn "
               "(software renderer, 1280x720): p50 %.2f ms, p99 %.2f ms\n", recv[n / 2], recv[(n * 99) / 100],
               draw[n / 2], draw[(n * 99) / 100]);
    }
    /* idle: nobody moves; the network threads should not wake up */
    for (int i = 0; i < 50; i++)
        pump_both(10);
    long s0 = net_thread_switches();
    unsigned long w0 = pc_conn_wakeups(A->conn) + pc_conn_wakeups(B->conn);
    double t0 = now_ms();
    while (now_ms() - t0 < 3000)
        pump_both(100);
    double secs = (now_ms() - t0) / 1000.0;
    long s1 = net_thread_switches();
    unsigned long w1 = pc_conn_wakeups(A->conn) + pc_conn_wakeups(B->conn);
    printf("client: network threads idle for %.1f s (2 connections): %.1f wake-ups per second per thread (the loop's "
           "count), %.1f context switches per second per thread (the kernel's) (target 0)\n", secs,
           (double)(w1 - w0) / secs / 2, (double)(s1 - s0) / secs / 2);
    pc_app_destroy(A);
    pc_app_destroy(B);
    tc_server_kill(srv);
    tc_sdl_down();
    tc_rm_tree(home);
    /* SDL's dummy driver waits for events by polling every millisecond, which the figures above include; X11 wakes
       at once: the same run again on a virtual X server when there is one (what a player's screen does) */
    if (!x11 && n >= N / 2 && access("/usr/bin/xvfb-run", X_OK) == 0) {
        fflush(stdout);
        setenv("TC_BENCH_X11", "1", 1);
        char cmd[1200];
        snprintf(cmd, sizeof cmd, "/usr/bin/xvfb-run -a '%s'", argv[0]);
        if (system(cmd) != 0)
            printf("client: (no X11 figures: xvfb-run failed)\n");
    }
    return n >= N / 2 ? 0 : 1; /* a connection creates 8 tables: short games may give fewer moves than asked */
}
