/* main.c -- plateau-server: flags, start-up (database, packages, tables), the loop, shutdown */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include "server.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: plateau-server [options]\n"
            "       plateau-server --hash-secret < FILE   print the Argon2id string of the secret read\n"
            "                          on stdin (a secret file may hold it instead of the secret)\n"
            "  --listen ADDR:PORT      TCP address, also the UDP discovery port (default 127.0.0.1:7878;\n"
            "                          0.0.0.0:7878 or [::]:7878 to serve the LAN; port 0 picks one)\n"
            "  --db FILE               SQLite database (default plateau.db)\n"
            "  --games DIR             a folder of game packages (default ./game-data, else the installed\n"
            "                          ones); repeat it to offer packages of several folders\n"
            "  --facilitator-secret-file FILE  the facilitator secret (or its --hash-secret string) on\n"
            "                          the first line of FILE, instead of one generated at first start\n"
            "  --name NAME             server name in discovery answers (default: host name)\n"
            "  --max-connections N     default 4096 (the open-file limit is raised to fit)\n"
            "  --max-tables N          live tables clients may create in all (default 10000; the\n"
            "                          facilitator is not limited)\n"
            "  --tables-per-address N  live tables created from one client address (default 100)\n"
            "  --tables-per-connection N  tables one connection may create (default 8)\n"
            "  --archive-finished-after S  archive a finished table S seconds after its end (default 1800)\n"
            "  --archive-idle-after S  archive a table no seat has been connected to for S seconds\n"
            "                          (default 10800); archived tables keep their log in the database\n"
            "  --max-queue BYTES       unsent bytes per connection before it is dropped (default 1048576)\n"
            "  --rate N                messages per second per connection (default 200, burst 2x)\n"
            "  --frame-timeout-ms N    time to finish a started frame (default 10000)\n"
            "  --hello-timeout-ms N    time to say hello after connecting (default 10000)\n"
            "  --sync full|normal      SQLite synchronous mode (default full)\n"
            "  --help, --version\n");
}

static srv_t S;

/* WAL checkpoints every second on libuv's thread pool, away from the loop's commits. */
static void ckpt_work(uv_work_t *w)
{
    srv_t *s = w->data;
    store_checkpoint(s->store);
}

static void ckpt_done(uv_work_t *w, int status)
{
    srv_t *s = w->data;
    s->ckpt_busy = 0;
}

static void on_ckpt_timer(uv_timer_t *t)
{
    srv_t *s = t->data;
    if (s->stopping)
        return;
    srv_tables_expire(s);
    if (s->ckpt_busy)
        return;
    s->ckpt_busy = 1;
    s->ckpt_work.data = s;
    if (uv_queue_work(s->loop, &s->ckpt_work, ckpt_work, ckpt_done) != 0)
        s->ckpt_busy = 0;
}

static void stop(srv_t *s)
{
    if (s->stopping == 2)
        return;
    s->stopping = 2;
    srv_net_stop(s);
    for (uint32_t id = 1; id <= s->n_tables; id++)
        if (s->tables[id])
            srv_table_free(s->tables[id]);
    uv_close((uv_handle_t *)&s->sigint, NULL);
    uv_close((uv_handle_t *)&s->sigterm, NULL);
    uv_close((uv_handle_t *)&s->ckpt_timer, NULL);
}

static void on_signal(uv_signal_t *h, int sig)
{
    srv_log("signal %d: finishing commits and closing", sig);
    stop(h->data);
}

/* A whole decimal number in lo..hi, or a clear error (no silent default, no trailing text). */
static int num(const char *opt, const char *v, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (errno || *end || end == v || x < lo || x > hi) {
        fprintf(stderr, "plateau-server: --%s: '%s' is not a whole number from %ld to %ld\n", opt, v, lo, hi);
        return 0;
    }
    *out = x;
    return 1;
}

static int copy(const char *opt, char *dst, size_t cap, const char *v)
{
    if (strlen(v) >= cap) {
        fprintf(stderr, "plateau-server: --%s: at most %zu bytes\n", opt, cap - 1);
        return 0;
    }
    memcpy(dst, v, strlen(v) + 1);
    return 1;
}

/* --hash-secret: the Argon2id string of the secret on stdin's first line. */
static int hash_secret(void)
{
    char buf[256], out[SRV_PWHASH_LEN];
    if (srv_crypto_init() != 0 || !fgets(buf, sizeof buf, stdin)) {
        fprintf(stderr, "plateau-server: --hash-secret reads the secret on standard input\n");
        return 2;
    }
    buf[strcspn(buf, "\r\n")] = 0;
    if (strlen(buf) < 8) {
        fprintf(stderr, "plateau-server: the facilitator secret must be at least 8 characters\n");
        return 2;
    }
    if (srv_secret_hash(buf, strlen(buf), out) != 0) {
        fprintf(stderr, "plateau-server: out of memory\n");
        return 1;
    }
    printf("%s\n", out);
    return 0;
}

enum { OPT_LISTEN = 1, OPT_DB, OPT_GAMES, OPT_SECRET, OPT_NAME, OPT_MAXCONN, OPT_MAXTAB, OPT_PERADDR, OPT_PERCONN,
       OPT_ARCH_FIN, OPT_ARCH_IDLE, OPT_QUEUE, OPT_RATE, OPT_FRAME_TO, OPT_HELLO_TO, OPT_SYNC, OPT_HASH, OPT_HELP, OPT_VERSION };

static const struct option long_opts[] = {
    { "listen", required_argument, NULL, OPT_LISTEN }, { "db", required_argument, NULL, OPT_DB },
    { "games", required_argument, NULL, OPT_GAMES },
    { "facilitator-secret-file", required_argument, NULL, OPT_SECRET }, { "name", required_argument, NULL, OPT_NAME },
    { "max-connections", required_argument, NULL, OPT_MAXCONN }, { "max-tables", required_argument, NULL, OPT_MAXTAB },
    { "tables-per-address", required_argument, NULL, OPT_PERADDR },
    { "tables-per-connection", required_argument, NULL, OPT_PERCONN },
    { "archive-finished-after", required_argument, NULL, OPT_ARCH_FIN },
    { "archive-idle-after", required_argument, NULL, OPT_ARCH_IDLE },
    { "max-queue", required_argument, NULL, OPT_QUEUE }, { "rate", required_argument, NULL, OPT_RATE },
    { "frame-timeout-ms", required_argument, NULL, OPT_FRAME_TO }, { "hello-timeout-ms", required_argument, NULL, OPT_HELLO_TO },
    { "sync", required_argument, NULL, OPT_SYNC }, { "hash-secret", no_argument, NULL, OPT_HASH },
    { "help", no_argument, NULL, OPT_HELP }, { "version", no_argument, NULL, OPT_VERSION },
    { NULL, 0, NULL, 0 },
};

/* Returns -1 to go on, else the exit status. */
static int parse(srv_opts_t *o, int argc, char **argv)
{
    int c, idx, games_given = 0;
    long x;
    opterr = 0;
    while ((idx = -1, c = getopt_long(argc, argv, ":", long_opts, &idx)) != -1) {
        const char *name = idx >= 0 ? long_opts[idx].name : "";
        const char *v = optarg;
        int ok = 1;
        switch (c) {
        case OPT_HELP: usage(stdout); return 0;
        case OPT_VERSION: printf("plateau-server %s (protocol %d)\n", PLATEAU_VERSION, PROTO_VERSION); return 0;
        case OPT_HASH: return hash_secret();
        case OPT_LISTEN: ok = copy(name, o->listen, sizeof o->listen, v); break;
        case OPT_DB: ok = copy(name, o->db, sizeof o->db, v); break;
        case OPT_GAMES:
            if (games_given == SRV_GAMES_MAX) {
                fprintf(stderr, "plateau-server: --games: at most %d folders\n", SRV_GAMES_MAX);
                return 2;
            }
            ok = copy(name, o->games[games_given], sizeof o->games[0], v);
            o->n_games = ++games_given;
            break;
        case OPT_SECRET: ok = copy(name, o->secret_file, sizeof o->secret_file, v); break;
        case OPT_NAME: ok = copy(name, o->name, sizeof o->name, v); break;
        case OPT_MAXCONN: if ((ok = num(name, v, 1, 1000000, &x))) o->max_conns = (int)x; break;
        case OPT_MAXTAB: if ((ok = num(name, v, 1, 10000000, &x))) o->max_tables = (int)x; break;
        case OPT_PERADDR: if ((ok = num(name, v, 1, 10000000, &x))) o->tables_per_addr = (int)x; break;
        case OPT_PERCONN: if ((ok = num(name, v, 1, 1000000, &x))) o->tables_per_conn = (int)x; break;
        case OPT_ARCH_FIN: if ((ok = num(name, v, 1, 31536000, &x))) o->archive_finished_s = (uint32_t)x; break;
        case OPT_ARCH_IDLE: if ((ok = num(name, v, 1, 31536000, &x))) o->archive_idle_s = (uint32_t)x; break;
        case OPT_QUEUE: if ((ok = num(name, v, 4096, 1L << 30, &x))) o->max_queue = (size_t)x; break;
        case OPT_RATE: if ((ok = num(name, v, 1, 1000000, &x))) o->rate = (double)x, o->burst = 2.0 * (double)x; break;
        case OPT_FRAME_TO: if ((ok = num(name, v, 10, 3600000, &x))) o->frame_timeout_ms = (uint32_t)x; break;
        case OPT_HELLO_TO: if ((ok = num(name, v, 10, 3600000, &x))) o->hello_timeout_ms = (uint32_t)x; break;
        case OPT_SYNC:
            if (!strcmp(v, "full") || !strcmp(v, "normal"))
                o->sync_full = !strcmp(v, "full");
            else {
                fprintf(stderr, "plateau-server: --sync: '%s' is full or normal\n", v);
                ok = 0;
            }
            break;
        case ':':
            fprintf(stderr, "plateau-server: %s needs a value (see --help)\n", argv[optind - 1]);
            return 2;
        default:
            fprintf(stderr, "plateau-server: unknown option '%s' (see --help)\n", argv[optind - 1]);
            return 2;
        }
        if (!ok)
            return 2;
    }
    if (optind < argc) {
        fprintf(stderr, "plateau-server: unexpected argument '%s' (see --help)\n", argv[optind]);
        return 2;
    }
    return -1;
}

/* Default packages folder: ./game-data when there is one (a source tree), else the one installed
 * beside the binary (PREFIX/bin/plateau-server -> PREFIX/share/plateau/game-data). */
static void default_games(char *out, size_t len)
{
    struct stat sb;
    char exe[1024];
    snprintf(out, len, "game-data");
    if (stat(out, &sb) == 0 && S_ISDIR(sb.st_mode))
        return;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = 0;
    char cand[1200];
    snprintf(cand, sizeof cand, "%s/../share/plateau/game-data", exe);
    size_t n_cand = strlen(cand);
    if (stat(cand, &sb) == 0 && S_ISDIR(sb.st_mode) && n_cand < len)
        memcpy(out, cand, n_cand + 1);
}

static void raise_nofile(int want)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
        return;
    rlim_t need = (rlim_t)want + 64;
    if (rl.rlim_cur < need) {
        rl.rlim_cur = need < rl.rlim_max ? need : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
}

int main(int argc, char **argv)
{
    srv_t *s = &S;
    char err[400];
    srv_opts_t *o = &s->o;
    snprintf(o->listen, sizeof o->listen, "127.0.0.1:7878");
    snprintf(o->db, sizeof o->db, "plateau.db");
    default_games(o->games[0], sizeof o->games[0]);
    o->n_games = 1;
    o->max_conns = 4096;
    o->max_tables = 10000;
    o->max_queue = 1 << 20;
    o->rate = 200;
    o->burst = 400;
    o->frame_timeout_ms = 10000;
    o->hello_timeout_ms = 10000;
    o->sync_full = 1;
    o->tables_per_addr = 100;
    o->tables_per_conn = SRV_SUBS_MAX;
    o->archive_finished_s = 1800;
    o->archive_idle_s = 10800;
    int rc = parse(o, argc, argv);
    if (rc >= 0)
        return rc;
    if (!o->name[0] && gethostname(o->name, sizeof o->name - 1) != 0)
        snprintf(o->name, sizeof o->name, "plateau");
    signal(SIGPIPE, SIG_IGN);
    raise_nofile(o->max_conns);
    s->loop = uv_default_loop();
    s->loop->data = s;
    uv_idle_init(s->loop, &s->kick);
    if (srv_crypto_init() != 0) {
        srv_log("libsodium could not be initialised");
        return 1;
    }
    s->store = store_open(o->db, o->sync_full, err, sizeof err);
    if (s->store && store_readonly(s->store)) {
        snprintf(err, sizeof err, "database %.150s is read-only: the server records every move before "
                 "it answers; give it a file it may write", o->db);
        store_close(s->store);
        s->store = NULL;
    }
    if (!s->store || srv_facilitator_setup(s, err, sizeof err) != 0 ||
        srv_packages_load(s, err, sizeof err) != 0 || srv_tables_restore(s, err, sizeof err) != 0 ||
        srv_net_start(s, err, sizeof err) != 0) {
        srv_log("%s", err);
        store_close(s->store);
        srv_packages_free(s);
        return 1;
    }
    if (store_commit(s->store) < 0) {
        srv_log("cannot commit to the database %s", o->db);
        return 1;
    }
    const char *fail = getenv("PLATEAU_SERVER_FAIL_WRITES"); /* test hook (docs/server.md) */
    if (fail && *fail)
        store_fail_writes(s->store, fail);
    uv_signal_init(s->loop, &s->sigint);
    uv_signal_init(s->loop, &s->sigterm);
    s->sigint.data = s->sigterm.data = s;
    uv_signal_start(&s->sigint, on_signal, SIGINT);
    uv_signal_start(&s->sigterm, on_signal, SIGTERM);
    uv_timer_init(s->loop, &s->ckpt_timer);
    s->ckpt_timer.data = s;
    uv_timer_start(&s->ckpt_timer, on_ckpt_timer, 1000, 1000);
    srv_log("listening on %s (port %d), database %s, %d packages, %u tables resumed", o->listen,
            s->port, o->db, s->n_pkgs, s->live_tables);
    fflush(stderr);
    uv_run(s->loop, UV_RUN_DEFAULT);
    store_close(s->store);
    srv_turn_stats(s);
    srv_log("stopped after %llu moves in %llu commits", (unsigned long long)s->moves,
            (unsigned long long)s->commits);
    free(s->turn_us);
    free(s->commit_us);
    srv_packages_free(s);
    free(s->tables);
    free(s->addrs);
    free(s->flush);
    uv_loop_close(s->loop);
    return 0;
}
