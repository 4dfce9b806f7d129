/* bench_floor.c -- the loopback ceiling: the server benchmark's socket traffic with no work at all */
/*
 * One process plays the server (one thread, epoll), a forked child plays plateau-bot's seats:
 * T tables x S seats, one TCP connection per seat on 127.0.0.1. The seat whose turn it is sends a
 * small "move"; the server answers with one "update" on each of the table's S connections, which
 * names the next seat to act. No rules, no views, no hashes, no JSON, no database: the figure is
 * what the kernel alone allows on this machine, the ceiling for plateau-server's durable moves/s.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MOVE_BYTES = 60 };

static int n_tables = 2000, n_seats = 5, update_bytes = 400, seconds = 10;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_s(int who)
{
    struct rusage ru;
    getrusage(who, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

/* TCP segments sent by the whole machine so far (from /proc/net/snmp), 0 if unknown */
static long long tcp_out_segs(void)
{
    FILE *f = fopen("/proc/net/snmp", "r");
    char head[1024], vals[1024];
    long long segs = 0;
    if (!f)
        return 0;
    while (fgets(head, sizeof head, f) && fgets(vals, sizeof vals, f)) {
        if (strncmp(head, "Tcp:", 4) != 0)
            continue;
        char *hs, *vs, *h = strtok_r(head, " \n", &hs), *v = strtok_r(vals, " \n", &vs);
        while (h && v && strcmp(h, "OutSegs") != 0) {
            h = strtok_r(NULL, " \n", &hs);
            v = strtok_r(NULL, " \n", &vs);
        }
        if (h && v)
            segs = atoll(v);
        break;
    }
    fclose(f);
    return segs;
}

static void nodelay(int fd)
{
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

static int read_full(int fd, void *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)p + got, n - got);
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    return 0;
}

/* The seats: connect every seat, say which one it is, then answer updates naming it. */
static int client(const struct sockaddr_in *addr)
{
    int n = n_tables * n_seats, ep = epoll_create1(0);
    int *fd = malloc(sizeof *fd * (size_t)n);
    long *off = calloc((size_t)n, sizeof *off); /* bytes of updates read, per connection */
    char buf[65536];
    if (!fd || !off || ep < 0) {
        fprintf(stderr, "bench-floor: out of memory\n");
        return 1;
    }
    memset(buf, 'm', sizeof buf);
    for (int i = 0; i < n; i++) {
        fd[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (fd[i] < 0 || connect(fd[i], (const struct sockaddr *)addr, sizeof *addr) != 0) {
            fprintf(stderr, "bench-floor: connection %d: %s\n", i, strerror(errno));
            return 1;
        }
        nodelay(fd[i]);
        uint32_t id = (uint32_t)i;
        if (write(fd[i], &id, sizeof id) != sizeof id)
            return 1;
        struct epoll_event e = { .events = EPOLLIN, .data.u32 = (uint32_t)i };
        epoll_ctl(ep, EPOLL_CTL_ADD, fd[i], &e);
    }
    struct epoll_event ev[1024];
    for (;;) {
        int k = epoll_wait(ep, ev, 1024, -1);
        for (int j = 0; j < k; j++) {
            int i = (int)ev[j].data.u32;
            ssize_t r = read(fd[i], buf, sizeof buf);
            if (r <= 0)
                return 0; /* the server is done */
            /* every update's first byte names the seat to act next; the last one begun counts */
            long first = (update_bytes - off[i] % update_bytes) % update_bytes;
            int act = -1;
            for (long p = first; p < r; p += update_bytes)
                act = buf[p];
            off[i] += r;
            if (act == i % n_seats && write(fd[i], buf, MOVE_BYTES) != MOVE_BYTES)
                return 0;
        }
    }
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : "";
        if (!strcmp(a, "--help")) {
            printf("usage: bench-floor [--tables T] [--seats S] [--bytes B] [--seconds D]\n"
                   "The socket traffic of plateau-server's benchmark with no work: T x S loopback TCP\n"
                   "connections, one move in and S updates of B bytes out per move, for D seconds.\n");
            return 0;
        }
        int x = atoi(v);
        if (!strcmp(a, "--tables") && x > 0)
            n_tables = x;
        else if (!strcmp(a, "--seats") && x > 0 && x <= 64)
            n_seats = x;
        else if (!strcmp(a, "--bytes") && x >= 1 && x <= 16384)
            update_bytes = x;
        else if (!strcmp(a, "--seconds") && x > 0)
            seconds = x;
        else {
            fprintf(stderr, "bench-floor: bad option %s (see --help)\n", a);
            return 2;
        }
        i++;
    }
    int n = n_tables * n_seats;
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)n + 64) {
        rl.rlim_cur = (rlim_t)n + 64 < rl.rlim_max ? (rlim_t)n + 64 : rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
        if (rl.rlim_cur < (rlim_t)n + 64) {
            fprintf(stderr, "bench-floor: %d connections need more open files than allowed (%llu)\n", n,
                    (unsigned long long)rl.rlim_cur);
            return 1;
        }
    }
    signal(SIGPIPE, SIG_IGN);
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t al = sizeof addr;
    if (ls < 0 || bind(ls, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(ls, 4096) != 0 ||
        getsockname(ls, (struct sockaddr *)&addr, &al) != 0) {
        fprintf(stderr, "bench-floor: cannot listen on 127.0.0.1: %s\n", strerror(errno));
        return 1;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(ls);
        _exit(client(&addr));
    }
    int *fd = calloc((size_t)n, sizeof *fd);
    uint8_t *actor = calloc((size_t)n_tables, 1);
    int *got = calloc((size_t)n_tables, sizeof *got); /* bytes of the move being read, per table */
    char *upd = malloc((size_t)update_bytes), buf[65536];
    if (!fd || !actor || !got || !upd) {
        fprintf(stderr, "bench-floor: out of memory\n");
        kill(pid, SIGKILL);
        return 1;
    }
    for (int k = 0; k < n; k++) {
        uint32_t id;
        struct pollfd pf = { .fd = ls, .events = POLLIN };
        if (poll(&pf, 1, 10000) != 1) { /* the seats stopped connecting (see their message) */
            fprintf(stderr, "bench-floor: only %d of %d connections arrived\n", k, n);
            kill(pid, SIGKILL);
            return 1;
        }
        int c = accept(ls, NULL, NULL);
        if (c < 0 || read_full(c, &id, sizeof id) != 0 || id >= (uint32_t)n || fd[id]) {
            fprintf(stderr, "bench-floor: accepting connection %d failed\n", k);
            kill(pid, SIGKILL);
            return 1;
        }
        nodelay(c);
        fd[id] = c;
    }
    int ep = epoll_create1(0);
    for (int i = 0; i < n; i++) {
        struct epoll_event e = { .events = EPOLLIN, .data.u32 = (uint32_t)i };
        epoll_ctl(ep, EPOLL_CTL_ADD, fd[i], &e);
    }
    memset(upd, 'u', (size_t)update_bytes);
    for (int t = 0; t < n_tables; t++) { /* first updates: seat 0 of every table acts */
        upd[0] = 0;
        for (int s = 0; s < n_seats; s++)
            if (write(fd[t * n_seats + s], upd, (size_t)update_bytes) < 0)
                return 1;
    }
    long long moves = 0, base_moves = 0, segs0 = 0;
    double t0 = now_s(), start = 0, cpu0 = 0;
    struct epoll_event ev[1024];
    for (;;) {
        double t = now_s();
        if (!start && t - t0 >= 1.0) { /* one second of warm-up, then measure */
            start = t;
            base_moves = moves;
            cpu0 = cpu_s(RUSAGE_SELF);
            segs0 = tcp_out_segs();
        }
        if (start && t - start >= seconds)
            break;
        int k = epoll_wait(ep, ev, 1024, 100);
        for (int j = 0; j < k; j++) {
            int i = (int)ev[j].data.u32, tab = i / n_seats;
            ssize_t r = read(fd[i], buf, sizeof buf);
            if (r <= 0) { /* a seat went away: stop listening to it */
                epoll_ctl(ep, EPOLL_CTL_DEL, fd[i], NULL);
                continue;
            }
            if (i % n_seats != actor[tab])
                continue;
            got[tab] += (int)r; /* a move split over two reads counts once, when whole */
            if (got[tab] < MOVE_BYTES)
                continue;
            got[tab] -= MOVE_BYTES;
            moves++;
            actor[tab] = (uint8_t)((actor[tab] + 1) % n_seats);
            upd[0] = (char)actor[tab];
            for (int s = 0; s < n_seats; s++) /* a seat that went away is noticed at its read */
                (void)!write(fd[tab * n_seats + s], upd, (size_t)update_bytes);
        }
    }
    double el = now_s() - start, cpu = cpu_s(RUSAGE_SELF) - cpu0;
    long long segs = tcp_out_segs() - segs0, m = moves - base_moves;
    for (int i = 0; i < n; i++)
        close(fd[i]);
    int st;
    waitpid(pid, &st, 0);
    double ccpu = cpu_s(RUSAGE_CHILDREN); /* the seats' whole run, connecting included */
    if (m <= 0) {
        fprintf(stderr, "bench-floor: no move went through\n");
        return 1;
    }
    printf("loopback floor, %d tables x %d seats, no work (1 read + %d writes of %d bytes per move, "
           "one server thread): %.0f moves/s over %d s; server %.1f us of CPU per move, seats about %.1f; "
           "%.1f TCP segments per move\n",
           n_tables, n_seats, n_seats, update_bytes, (double)m / el, seconds, cpu * 1e6 / (double)m,
           ccpu * 1e6 / (double)moves, segs > 0 ? (double)segs / (double)m : 0.0);
    free(fd);
    free(actor);
    free(got);
    free(upd);
    return 0;
}
