/* main.c -- plateau-server: flags, start-up (database, packages, tables), the loop, shutdown */
#include <errno.h>
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
            "  --listen ADDR:PORT      TCP address, also the UDP discovery port (default 127.0.0.1:7878;\n"
            "                          0.0.0.0:7878 or [::]:7878 to serve the LAN; port 0 picks one)\n"
            "  --db FILE               SQLite database (default plateau.db)\n"
            "  --games DIR             game packages folder (default ./game-data, else the installed ones)\n"
            "  --demo                  also offer the built-in \"demo\" package\n"
            "  --facilitator-secret-file FILE  read the facilitator secret from FILE instead of\n"
            "                          generating one at first start\n"
            "  --name NAME             server name in discovery answers (default: host name)\n"
            "  --max-connections N     default 4096 (the open-file limit is raised to fit)\n"
            "  --max-tables N          default 10000\n"
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
    if (s->ckpt_busy || s->stopping)
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

static int num(const char *v, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (errno || *end || end == v || x < lo || x > hi)
        return 0;
    *out = x;
    return 1;
}

static int parse(srv_opts_t *o, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        long x;
        if (!strcmp(a, "--help")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--version")) {
            printf("plateau-server %s (protocol %d)\n", PLATEAU_VERSION, PROTO_VERSION);
            exit(0);
        } else if (!strcmp(a, "--demo")) {
            o->demo = 1;
            continue;
        }
        if (!v) {
            fprintf(stderr, "plateau-server: %s needs a value (see --help)\n", a);
            return -1;
        }
        i++;
        if (!strcmp(a, "--listen"))
            snprintf(o->listen, sizeof o->listen, "%s", v);
        else if (!strcmp(a, "--db"))
            snprintf(o->db, sizeof o->db, "%s", v);
        else if (!strcmp(a, "--games"))
            snprintf(o->games, sizeof o->games, "%s", v);
        else if (!strcmp(a, "--facilitator-secret-file"))
            snprintf(o->secret_file, sizeof o->secret_file, "%s", v);
        else if (!strcmp(a, "--name"))
            snprintf(o->name, sizeof o->name, "%s", v);
        else if (!strcmp(a, "--max-connections") && num(v, 1, 1000000, &x))
            o->max_conns = (int)x;
        else if (!strcmp(a, "--max-tables") && num(v, 1, 10000000, &x))
            o->max_tables = (int)x;
        else if (!strcmp(a, "--max-queue") && num(v, 4096, 1L << 30, &x))
            o->max_queue = (size_t)x;
        else if (!strcmp(a, "--rate") && num(v, 1, 1000000, &x))
            o->rate = (double)x, o->burst = 2.0 * (double)x;
        else if (!strcmp(a, "--frame-timeout-ms") && num(v, 10, 3600000, &x))
            o->frame_timeout_ms = (uint32_t)x;
        else if (!strcmp(a, "--hello-timeout-ms") && num(v, 10, 3600000, &x))
            o->hello_timeout_ms = (uint32_t)x;
        else if (!strcmp(a, "--sync") && (!strcmp(v, "full") || !strcmp(v, "normal")))
            o->sync_full = !strcmp(v, "full");
        else {
            fprintf(stderr, "plateau-server: bad option %s %s (see --help)\n", a, v);
            return -1;
        }
    }
    return 0;
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
    default_games(o->games, sizeof o->games);
    o->max_conns = 4096;
    o->max_tables = 10000;
    o->max_queue = 1 << 20;
    o->rate = 200;
    o->burst = 400;
    o->frame_timeout_ms = 10000;
    o->hello_timeout_ms = 10000;
    o->sync_full = 1;
    if (parse(o, argc, argv) != 0)
        return 2;
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
    free(s->flush);
    uv_loop_close(s->loop);
    return 0;
}
