/* main.c -- plateau-bot: network bots on many tables at once; the load generator; prints figures */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "bot.h"
#include "demo.h"
#ifdef BOT_HAVE_DATA
#include "data/package.h"
#endif

bot_t B;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: plateau-bot --server ADDR:PORT [options]\n"
            "  --tables N             tables to create and play (default 1)\n"
            "  --seats M              seats per table played over the network, one connection each (default 3)\n"
            "  --server-bots K        more seats per table played by the server's bots (default 0)\n"
            "  --package ID           game package (default demo)\n"
            "  --games DIR            where to load the package's rules from (default game-data)\n"
            "  --moves-per-second R   offered load, all tables together (default 0: as fast as possible)\n"
            "  --timer S              turn timer of each table, seconds (default none)\n"
            "  --reconnect-ms N       keep rejoining a lost seat for N ms (default 0: a loss is an error)\n"
            "  --timeout S            give up after S seconds (default 600)\n"
            "  --duration S           stop after S seconds of play and report (unfinished tables are no error)\n"
            "  --verbose              print each table's final sequence number and state hash\n"
            "exit status: 0 when every table finished with every view hash checked, 1 otherwise\n");
}

void bot_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "plateau-bot: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    B.failed = 1;
    B.errors++;
}

int bot_parse_addr(const char *spec, struct sockaddr_storage *ss)
{
    char host[100];
    const char *colon = strrchr(spec, ':');
    if (!colon)
        return -1;
    size_t hl = (size_t)(colon - spec);
    int port = atoi(colon + 1);
    if (hl >= sizeof host || port <= 0 || port > 65535)
        return -1;
    memcpy(host, spec, hl);
    host[hl] = 0;
    if (host[0] == '[' && hl > 2 && host[hl - 1] == ']') {
        host[hl - 1] = 0;
        return uv_ip6_addr(host + 1, port, (struct sockaddr_in6 *)ss);
    }
    return uv_ip4_addr(host, port, (struct sockaddr_in *)ss);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static double pct(double p)
{
    if (!B.n_lat)
        return 0;
    size_t i = (size_t)(p * (double)(B.n_lat - 1) + 0.5);
    return B.lat_us[i] / 1000.0;
}

void bot_on_deadline(uv_timer_t *h)
{
    if (B.o.duration_s && B.started) { /* a timed run: stop and report what was measured */
        bot_finish();
        return;
    }
    if (!B.started)
        bot_fail("timed out after %u s: only %d of %d seats joined, so play never started", B.o.timeout_s,
                 B.n_joined, B.total_conns);
    else
        bot_fail("timed out after %u s with %d of %d tables finished", B.o.timeout_s, B.tables_done, B.o.tables);
    bot_finish();
}

static long arg_num(const char *v, long lo, long hi, const char *name)
{
    char *end;
    long x = v ? strtol(v, &end, 10) : 0;
    if (!v || *end || x < lo || x > hi) {
        fprintf(stderr, "plateau-bot: %s wants a number in %ld..%ld\n", name, lo, hi);
        exit(2);
    }
    return x;
}

int main(int argc, char **argv)
{
    bot_opts_t *o = &B.o;
    o->tables = 1;
    o->seats = 3;
    o->timeout_s = 600;
    o->max_connecting = 256;
    snprintf(o->package, sizeof o->package, "demo");
    snprintf(o->games, sizeof o->games, "game-data");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("plateau-bot %s (protocol %d)\n", PLATEAU_VERSION, PROTO_VERSION);
            return 0;
        } else if (!strcmp(a, "--verbose")) {
            o->verbose = 1;
            continue;
        }
        i++;
        if (!strcmp(a, "--server") && v)
            snprintf(o->server, sizeof o->server, "%s", v);
        else if (!strcmp(a, "--package") && v)
            snprintf(o->package, sizeof o->package, "%s", v);
        else if (!strcmp(a, "--games") && v)
            snprintf(o->games, sizeof o->games, "%s", v);
        else if (!strcmp(a, "--tables"))
            o->tables = (int)arg_num(v, 1, 100000, a);
        else if (!strcmp(a, "--seats"))
            o->seats = (int)arg_num(v, 1, PL_MAX_SEATS, a);
        else if (!strcmp(a, "--server-bots"))
            o->server_bots = (int)arg_num(v, 0, PL_MAX_SEATS - 1, a);
        else if (!strcmp(a, "--moves-per-second"))
            o->rate = (double)arg_num(v, 0, 10000000, a);
        else if (!strcmp(a, "--timer"))
            o->timer_s = (uint32_t)arg_num(v, 0, 86400, a);
        else if (!strcmp(a, "--reconnect-ms"))
            o->reconnect_ms = (uint32_t)arg_num(v, 0, 3600000, a);
        else if (!strcmp(a, "--timeout"))
            o->timeout_s = (uint32_t)arg_num(v, 1, 86400, a);
        else if (!strcmp(a, "--duration"))
            o->duration_s = (uint32_t)arg_num(v, 1, 86400, a);
        else {
            fprintf(stderr, "plateau-bot: bad option %s (see --help)\n", a);
            return 2;
        }
    }
    if (!o->server[0] || bot_parse_addr(o->server, &B.addr) != 0) {
        fprintf(stderr, "plateau-bot: --server ADDR:PORT is required\n");
        return 2;
    }
    if (o->seats + o->server_bots > PL_MAX_SEATS) {
        fprintf(stderr, "plateau-bot: at most %d seats per table\n", PL_MAX_SEATS);
        return 2;
    }
    if (!strcmp(o->package, "demo")) {
        B.rs = srv_demo_ruleset();
    } else {
#ifdef BOT_HAVE_DATA
        char dir[700];
        pl_diags_t d;
        pl_diags_init(&d);
        snprintf(dir, sizeof dir, "%s/%s", o->games, o->package);
        B.rs = pl_package_load(dir, &d);
        if (!B.rs)
            pl_diags_print(&d, stderr);
        pl_diags_free(&d);
#endif
    }
    if (!B.rs) {
        fprintf(stderr, "plateau-bot: cannot load package %s\n", o->package);
        return 2;
    }
    struct rlimit rl;
    rlim_t need = (rlim_t)(o->tables * o->seats) + 64;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < need) {
        rl.rlim_cur = need < rl.rlim_max ? need : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    signal(SIGPIPE, SIG_IGN);
    B.loop = uv_default_loop();
    uv_timer_init(B.loop, &B.deadline);
    uv_timer_start(&B.deadline, bot_on_deadline, (uint64_t)o->timeout_s * 1000, 0);
    bot_start();
    uv_run(B.loop, UV_RUN_DEFAULT);
    if (!B.t1_ns)
        B.t1_ns = uv_hrtime();
    double secs = (double)(B.t1_ns - B.t0_ns) / 1e9;
    double setup = B.first_move_ns ? (double)(B.first_move_ns - B.t0_ns) / 1e9 : secs;
    double play = secs - setup; /* rates count from the first move, once every seat has joined */
    uint64_t total = 0;
    for (int i = 0; i < o->tables; i++)
        total += B.tabs[i].final_seq;
    qsort(B.lat_us, B.n_lat, sizeof *B.lat_us, cmp_u32);
    printf("plateau-bot: %d tables x %d seats (+%d server bots), %d finished, %.2f s (%.2f s to connect and join every seat)\n",
           o->tables, o->seats, o->server_bots, B.tables_done, secs, setup);
    printf("moves: %llu acknowledged (%.0f/s), %llu on the tables in all (%.0f durable moves/s)\n",
           (unsigned long long)B.moves_acked, play > 0 ? (double)B.moves_acked / play : 0.0,
           (unsigned long long)total, play > 0 ? (double)total / play : 0.0);
    printf("move-to-update latency ms: p50 %.3f p90 %.3f p99 %.3f max %.3f (n=%zu)\n", pct(0.50), pct(0.90),
           pct(0.99), B.n_lat ? B.lat_us[B.n_lat - 1] / 1000.0 : 0.0, B.n_lat);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
                 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    printf("plateau-bot CPU: %.1f s in all, %.0f us per acknowledged move (connecting and joining included)\n", cpu,
           B.moves_acked ? cpu * 1e6 / (double)B.moves_acked : 0.0);
    printf("frames: %llu read by the scanner, %llu parsed as JSON trees\n", (unsigned long long)B.frames_scanned,
           (unsigned long long)B.frames_parsed);
    printf("view hashes: %llu checked, %llu mismatched; refused moves %llu; reconnections %llu; errors %llu\n",
           (unsigned long long)B.hash_ok, (unsigned long long)B.hash_bad, (unsigned long long)B.refused,
           (unsigned long long)B.reconnects, (unsigned long long)B.errors);
    int ok = !B.failed && (B.tables_done == o->tables || o->duration_s) && B.hash_bad == 0;
    for (int i = 0; i < o->tables; i++) {
        for (int s = 0; s < o->seats; s++)
            proto_reader_free(&B.tabs[i].seat[s].rd);
        free(B.tabs[i].seat);
    }
    free(B.tabs);
    free(B.lat_us);
    pl_ruleset_destroy(B.rs);
    uv_loop_close(B.loop);
    return ok ? 0 : 1;
}
