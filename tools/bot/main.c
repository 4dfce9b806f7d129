/* main.c -- plateau-bot: network bots on many tables at once; the load generator; prints figures */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bot.h"
#include "data/package.h"

bot_t B;

static void usage(FILE *f)
{
    fprintf(f,
            "usage: plateau-bot [options]\n"
            "  --server ADDR:PORT     the server (default 127.0.0.1:7878, plateau-server's default)\n"
            "  --tables N             tables to create and play (default 1)\n"
            "  --seats M              seats per table played over the network, one connection each (default 3)\n"
            "  --server-bots K        more seats per table played by the server's bots (default 0)\n"
            "  --package ID           game package (default example-minimal, which every server offers)\n"
            "  --games DIR            where to read the package's rules; repeat it for several folders\n"
            "                         (default: the game-data of this build or installation, then ./game-data)\n"
            "  --moves-per-second R   offered load, all tables together (default 0: as fast as possible)\n"
            "  --timer S              turn timer of each table, seconds (default none)\n"
            "  --reconnect-ms N       keep rejoining a lost seat for N ms (default 0: a loss is an error)\n"
            "  --timeout S            give up after S seconds (default 600)\n"
            "  --duration S           stop after S seconds of play and report (unfinished tables are no error)\n"
            "  --verbose              print each table's final sequence number and state hash\n"
            "  --help, --version\n"
            "exit status: 0 when every table finished with every view hash checked, 1 otherwise, 2 on bad usage\n");
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

/* A whole decimal number in lo..hi, or exit 2 with a clear message. */
static long arg_num(const char *opt, const char *v, long lo, long hi)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (errno || end == v || *end || x < lo || x > hi) {
        fprintf(stderr, "plateau-bot: --%s: '%s' is not a whole number from %ld to %ld\n", opt, v, lo, hi);
        exit(2);
    }
    return x;
}

static void arg_str(const char *opt, char *dst, size_t cap, const char *v)
{
    if (strlen(v) >= cap) {
        fprintf(stderr, "plateau-bot: --%s: at most %zu bytes\n", opt, cap - 1);
        exit(2);
    }
    memcpy(dst, v, strlen(v) + 1);
}

static int is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The packages of this build or installation, found from the program's own path (not from the
 * current folder): BUILD/plateau-bot or BUILD/asan/plateau-bot in a source tree, else
 * PREFIX/bin/plateau-bot beside PREFIX/share/plateau/game-data; ./game-data last. */
static void default_games(bot_opts_t *o)
{
    char exe[1024], cand[1200];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    o->n_games = 0;
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        const char *rel[] = { "/../share/plateau/game-data", "/../game-data", "/../../game-data" };
        for (size_t i = 0; i < sizeof rel / sizeof rel[0] && !o->n_games; i++) {
            snprintf(cand, sizeof cand, "%s%s", exe, rel[i]);
            if (is_dir(cand) && strlen(cand) < sizeof o->games[0])
                memcpy(o->games[o->n_games++], cand, strlen(cand) + 1);
        }
    }
    if (!o->n_games)
        snprintf(o->games[o->n_games++], sizeof o->games[0], "game-data");
}

enum { OPT_SERVER = 1, OPT_TABLES, OPT_SEATS, OPT_SBOTS, OPT_PACKAGE, OPT_GAMES, OPT_RATE, OPT_TIMER, OPT_RECONNECT,
       OPT_TIMEOUT, OPT_DURATION, OPT_VERBOSE, OPT_HELP, OPT_VERSION };

static const struct option long_opts[] = {
    { "server", required_argument, NULL, OPT_SERVER }, { "tables", required_argument, NULL, OPT_TABLES },
    { "seats", required_argument, NULL, OPT_SEATS }, { "server-bots", required_argument, NULL, OPT_SBOTS },
    { "package", required_argument, NULL, OPT_PACKAGE }, { "games", required_argument, NULL, OPT_GAMES },
    { "moves-per-second", required_argument, NULL, OPT_RATE }, { "timer", required_argument, NULL, OPT_TIMER },
    { "reconnect-ms", required_argument, NULL, OPT_RECONNECT }, { "timeout", required_argument, NULL, OPT_TIMEOUT },
    { "duration", required_argument, NULL, OPT_DURATION }, { "verbose", no_argument, NULL, OPT_VERBOSE },
    { "help", no_argument, NULL, OPT_HELP }, { "version", no_argument, NULL, OPT_VERSION },
    { NULL, 0, NULL, 0 },
};

static void parse(bot_opts_t *o, int argc, char **argv)
{
    int c, idx, games_given = 0;
    opterr = 0;
    while ((idx = -1, c = getopt_long(argc, argv, ":", long_opts, &idx)) != -1) {
        const char *name = idx >= 0 ? long_opts[idx].name : "", *v = optarg;
        switch (c) {
        case OPT_HELP: usage(stdout); exit(0);
        case OPT_VERSION: printf("plateau-bot %s (protocol %d)\n", PLATEAU_VERSION, PROTO_VERSION); exit(0);
        case OPT_VERBOSE: o->verbose = 1; break;
        case OPT_SERVER: arg_str(name, o->server, sizeof o->server, v); break;
        case OPT_PACKAGE: arg_str(name, o->package, sizeof o->package, v); break;
        case OPT_GAMES:
            if (games_given == BOT_GAMES_MAX) {
                fprintf(stderr, "plateau-bot: --games: at most %d folders\n", BOT_GAMES_MAX);
                exit(2);
            }
            arg_str(name, o->games[games_given], sizeof o->games[0], v);
            o->n_games = ++games_given;
            break;
        case OPT_TABLES: o->tables = (int)arg_num(name, v, 1, 100000); break;
        case OPT_SEATS: o->seats = (int)arg_num(name, v, 1, PL_MAX_SEATS); break;
        case OPT_SBOTS: o->server_bots = (int)arg_num(name, v, 0, PL_MAX_SEATS - 1); break;
        case OPT_RATE: o->rate = (double)arg_num(name, v, 0, 10000000); break;
        case OPT_TIMER: o->timer_s = (uint32_t)arg_num(name, v, 0, 86400); break;
        case OPT_RECONNECT: o->reconnect_ms = (uint32_t)arg_num(name, v, 0, 3600000); break;
        case OPT_TIMEOUT: o->timeout_s = (uint32_t)arg_num(name, v, 1, 86400); break;
        case OPT_DURATION: o->duration_s = (uint32_t)arg_num(name, v, 1, 86400); break;
        case ':':
            fprintf(stderr, "plateau-bot: %s needs a value (see --help)\n", argv[optind - 1]);
            exit(2);
        default:
            fprintf(stderr, "plateau-bot: unknown option '%s' (see --help)\n", argv[optind - 1]);
            exit(2);
        }
    }
    if (optind < argc) {
        fprintf(stderr, "plateau-bot: unexpected argument '%s' (see --help)\n", argv[optind]);
        exit(2);
    }
}

int main(int argc, char **argv)
{
    bot_opts_t *o = &B.o;
    o->tables = 1;
    o->seats = 3;
    o->timeout_s = 600;
    o->max_connecting = 256;
    snprintf(o->server, sizeof o->server, "127.0.0.1:7878");
    snprintf(o->package, sizeof o->package, "example-minimal");
    default_games(o);
    parse(o, argc, argv);
    if (!o->server[0] || bot_parse_addr(o->server, &B.addr) != 0) {
        fprintf(stderr, "plateau-bot: --server: '%s' is not ADDR:PORT\n", o->server);
        return 2;
    }
    if (o->seats + o->server_bots > PL_MAX_SEATS) {
        fprintf(stderr, "plateau-bot: at most %d seats per table\n", PL_MAX_SEATS);
        return 2;
    }
    for (int g = 0; g < o->n_games && !B.rs; g++) {
        char dir[1200], game[1300];
        struct stat sb;
        snprintf(dir, sizeof dir, "%s/%s", o->games[g], o->package);
        snprintf(game, sizeof game, "%s/game.xml", dir);
        if (stat(game, &sb) != 0)
            continue;
        pl_diags_t d;
        pl_diags_init(&d);
        B.rs = pl_package_load(dir, &d);
        if (!B.rs)
            pl_diags_print(&d, stderr);
        pl_diags_free(&d);
    }
    if (!B.rs) {
        fprintf(stderr, "plateau-bot: cannot load package %s from", o->package);
        for (int g = 0; g < o->n_games; g++)
            fprintf(stderr, " %s", o->games[g]);
        fprintf(stderr, " (see --games)\n");
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
    if (B.n_lat)
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
    printf("view hashes: %llu checked, %llu mismatched; refused moves %llu; reconnections %llu; "
           "lost acknowledgements %llu; errors %llu\n",
           (unsigned long long)B.hash_ok, (unsigned long long)B.hash_bad, (unsigned long long)B.refused,
           (unsigned long long)B.reconnects, (unsigned long long)B.lost_acks, (unsigned long long)B.errors);
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
