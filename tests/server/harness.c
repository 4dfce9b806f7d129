/* harness.c -- starting plateau-server and plateau-bot for tests, and a small blocking client */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"
#include "ts_package.h"
#include "proto/proto.h"

static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    socklen_t l = sizeof a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || getsockname(fd, (struct sockaddr *)&a, &l) != 0) {
        close(fd);
        return -1;
    }
    close(fd);
    return ntohs(a.sin_port);
}

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

/* servers started by this process, killed at exit even when a test fails half-way */
static pid_t started[16];

static void kill_started(void)
{
    for (int i = 0; i < 16; i++)
        if (started[i] > 0 && kill(started[i], SIGKILL) == 0)
            waitpid(started[i], NULL, 0);
}

static void remember(pid_t pid)
{
    static int registered;
    if (!registered && atexit(kill_started) == 0)
        registered = 1;
    for (int i = 0; i < 16; i++)
        if (started[i] <= 0 || waitpid(started[i], NULL, WNOHANG) == started[i]) {
            started[i] = pid;
            return;
        }
}

/* Lines of the server's log saying it listens (one per start: the log is appended to). */
static int listening_lines(const ts_server_t *s)
{
    char line[1024];
    int n = 0;
    FILE *f = fopen(s->log, "r");
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f))
        n += strstr(line, "plateau-server: listening on ") != NULL;
    fclose(f);
    return n;
}

/* Start the server and wait until its log says it listens. No connection is made to find out:
 * a probe connection would count against --max-connections until the server noticed it closed,
 * which let a later connection of a test in or out depending on timing. */
static int launch(ts_server_t *s, const char *const *extra)
{
    char listen[64];
    snprintf(listen, sizeof listen, "127.0.0.1:%d", s->port);
    const char *argv[48] = { TS_BUILD "/plateau-server", "--listen", listen, "--db", s->db,
                             "--games", TS_GAMES_SHIPPED, "--games", TS_GAMES_FIXTURES };
    int n = 9;
    for (int i = 0; extra && extra[i] && n < 46; i++)
        argv[n++] = extra[i];
    argv[n] = NULL;
    int before = listening_lines(s);
    s->pid = fork();
    if (s->pid == 0) {
        int fd = open(s->log, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            dup2(fd, 2);
            dup2(fd, 1);
            close(fd);
        }
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    remember(s->pid);
    for (int i = 0; i < 2000; i++) { /* up to 20 s: a loaded machine, a sanitizer build */
        if (listening_lines(s) > before)
            return 0;
        if (waitpid(s->pid, NULL, WNOHANG) == s->pid) {
            s->pid = 0;
            return -1;
        }
        sleep_ms(10);
    }
    return -1;
}

int ts_start(ts_server_t *s, const char *const *extra)
{
    memset(s, 0, sizeof *s);
    snprintf(s->dir, sizeof s->dir, "/tmp/plateau-test-XXXXXX");
    if (!mkdtemp(s->dir))
        return -1;
    snprintf(s->db, sizeof s->db, "%s/plateau.db", s->dir);
    snprintf(s->log, sizeof s->log, "%s/server.log", s->dir);
    s->port = free_port();
    return s->port > 0 ? launch(s, extra) : -1;
}

int ts_restart(ts_server_t *s, const char *const *extra)
{
    for (int i = 0; i < 50; i++) { /* the port may linger a moment */
        if (launch(s, extra) == 0)
            return 0;
        sleep_ms(20);
    }
    return -1;
}

void ts_kill9(ts_server_t *s)
{
    if (s->pid > 0) {
        kill(s->pid, SIGKILL);
        waitpid(s->pid, NULL, 0);
        s->pid = 0;
    }
}

int ts_stop(ts_server_t *s)
{
    int st = -1;
    if (s->pid > 0) {
        kill(s->pid, SIGTERM);
        waitpid(s->pid, &st, 0);
        s->pid = 0;
    }
    return st;
}

void ts_cleanup(ts_server_t *s)
{
    char p[200];
    ts_kill9(s);
    const char *files[] = { "plateau.db", "plateau.db-wal", "plateau.db-shm", "server.log", "secret" };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", s->dir, files[i]);
        unlink(p);
    }
    rmdir(s->dir);
}

int ts_connect(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

int ts_send_raw(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t w = send(fd, c, n, MSG_NOSIGNAL);
        if (w <= 0)
            return -1;
        c += w;
        n -= (size_t)w;
    }
    return 0;
}

int ts_send(int fd, json_t *msg)
{
    size_t len;
    uint8_t *buf = proto_frame(msg, PROTO_MAX_FRAME, &len);
    json_decref(msg);
    if (!buf)
        return -1;
    int r = ts_send_raw(fd, buf, len);
    free(buf);
    return r;
}

int ts_sendf(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    json_t *m = json_vpack_ex(NULL, 0, fmt, ap);
    va_end(ap);
    return m ? ts_send(fd, m) : -1;
}

static int read_full(int fd, void *p, size_t n, int timeout_ms)
{
    char *c = p;
    while (n > 0) {
        struct pollfd pf = { fd, POLLIN, 0 };
        if (poll(&pf, 1, timeout_ms) <= 0)
            return -1;
        ssize_t r = recv(fd, c, n, 0);
        if (r <= 0)
            return -1;
        c += r;
        n -= (size_t)r;
    }
    return 0;
}

json_t *ts_recv(int fd, int timeout_ms)
{
    uint8_t h[4];
    if (read_full(fd, h, 4, timeout_ms) != 0)
        return NULL;
    uint32_t n = proto_get_header(h);
    if (n == 0 || n > PROTO_MAX_FRAME_S2C)
        return NULL;
    char *buf = malloc(n);
    if (!buf || read_full(fd, buf, n, timeout_ms) != 0) {
        free(buf);
        return NULL;
    }
    const char *code;
    char err[PROTO_ERR_LEN];
    json_t *m = proto_parse(buf, n, &code, err, sizeof err);
    free(buf);
    return m;
}

json_t *ts_recv_type(int fd, const char *type, int timeout_ms)
{
    for (int i = 0; i < 100000; i++) {
        json_t *m = ts_recv(fd, timeout_ms);
        if (!m || !strcmp(proto_type(m), type))
            return m;
        json_decref(m);
    }
    return NULL;
}

int ts_closed(int fd, int timeout_ms)
{
    char buf[4096];
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        long spent = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
        if (spent > timeout_ms)
            return 0;
        struct pollfd pf = { fd, POLLIN, 0 };
        if (poll(&pf, 1, (int)(timeout_ms - spent)) <= 0)
            return 0;
        ssize_t r = recv(fd, buf, sizeof buf, 0);
        if (r <= 0)
            return 1;
    }
}

json_t *ts_ask(int fd, json_t *msg, int timeout_ms)
{
    json_int_t id = json_integer_value(json_object_get(msg, "id"));
    if (ts_send(fd, msg) != 0)
        return NULL;
    for (int i = 0; i < 100000; i++) {
        json_t *m = ts_recv(fd, timeout_ms);
        if (!m)
            return NULL;
        json_t *re = json_object_get(m, "re");
        if ((json_is_integer(re) && json_integer_value(re) == id) || (!strcmp(proto_type(m), "error") && !re))
            return m;
        json_decref(m);
    }
    return NULL;
}

int ts_start_with_secret(ts_server_t *s, const char *secret, const char *const *extra)
{
    char path[200];
    const char *argv[40];
    int n = 0;
    if (ts_start(s, extra) != 0)
        return -1;
    snprintf(path, sizeof path, "%s/secret", s->dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "%s\n", secret);
    fclose(f);
    ts_stop(s);
    argv[n++] = "--facilitator-secret-file";
    argv[n++] = s->secret;
    snprintf(s->secret, sizeof s->secret, "%s", path);
    for (int i = 0; extra && extra[i] && n < 38; i++)
        argv[n++] = extra[i];
    argv[n] = NULL;
    memcpy(s->extra, argv, sizeof argv);
    return ts_restart(s, s->extra);
}

int ts_hello(int port)
{
    int fd = ts_connect(port);
    if (fd < 0)
        return -1;
    ts_sendf(fd, "{s:s,s:i,s:i}", "type", "hello", "id", 1, "version", PROTO_VERSION);
    json_t *w = ts_recv_type(fd, "welcome", 3000);
    if (!w) {
        close(fd);
        return -1;
    }
    json_decref(w);
    return fd;
}

pid_t ts_bot_spawn(int port, const char *const *args, int *out_fd)
{
    char server[64];
    int p[2];
    snprintf(server, sizeof server, "127.0.0.1:%d", port);
    const char *argv[40] = { TS_BUILD "/plateau-bot", "--server", server, "--games", TS_GAMES_SHIPPED,
                             "--games", TS_GAMES_FIXTURES };
    int n = 7;
    for (int i = 0; args && args[i] && n < 38; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    if (pipe(p) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(p[1]);
    *out_fd = p[0];
    return pid;
}

int ts_bot(int port, const char *const *args, char *out, size_t outlen)
{
    int fd, st = -1;
    pid_t pid = ts_bot_spawn(port, args, &fd);
    if (pid < 0)
        return -1;
    size_t len = 0;
    char tmp[4096];
    ssize_t r;
    while ((r = read(fd, tmp, sizeof tmp)) > 0)
        if (out && len + (size_t)r < outlen) {
            memcpy(out + len, tmp, (size_t)r);
            len += (size_t)r;
        }
    if (out && outlen)
        out[len < outlen ? len : outlen - 1] = 0;
    close(fd);
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The server tests run one at a time: each starts servers and bots of its own, and Criterion's
 * parallel runner leaks under LeakSanitizer. */
int main(int argc, char *argv[])
{
    struct criterion_test_set *tests = criterion_initialize();
    criterion_options.jobs = 1;
    int result = 0;
    if (criterion_handle_args(argc, argv, true))
        result = !criterion_run_all_tests(tests);
    criterion_finalize(tests);
    return result;
}
