/* helpers.c -- plateau-report's tests: processes with a time limit, CSV reading, the database replayed with the core, Chromium */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include <SDL.h>
#include <SDL_image.h>
#include "data/package.h"
#include "helpers.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int tr_run(const char *const *argv, char *out, size_t cap, int timeout_s)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        close(fds[0]);
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[1]);
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0)
            dup2(null, 0);
        setenv("TZ", "UTC", 1);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    fcntl(fds[0], F_SETFL, O_NONBLOCK);
    size_t n = 0;
    double end = now_ms() + timeout_s * 1000.0;
    int status = -1, exited = 0;
    char sink[4096];
    /* read until the program exits (not until the pipe closes: helpers it started may hold it) */
    while (!exited && now_ms() < end) {
        struct pollfd pf = { fds[0], POLLIN, 0 };
        poll(&pf, 1, 50);
        for (;;) {
            char *dst = out && n + 1 < cap ? out + n : sink;
            size_t room = out && n + 1 < cap ? cap - n - 1 : sizeof sink;
            ssize_t got = read(fds[0], dst, room);
            if (got <= 0)
                break;
            if (dst != sink)
                n += (size_t)got;
        }
        exited = waitpid(pid, &status, WNOHANG) == pid;
    }
    for (;;) { /* what is left in the pipe */
        char *dst = out && n + 1 < cap ? out + n : sink;
        size_t room = out && n + 1 < cap ? cap - n - 1 : sizeof sink;
        ssize_t got = read(fds[0], dst, room);
        if (got <= 0)
            break;
        if (dst != sink)
            n += (size_t)got;
    }
    close(fds[0]);
    if (out && cap)
        out[n < cap ? n : cap - 1] = 0;
    kill(-pid, SIGKILL); /* past its time, or whatever it left behind (Chromium's helpers) */
    if (!exited) {
        waitpid(pid, NULL, 0);
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int tr_report(char *out, size_t cap, ...)
{
    const char *argv[64] = { TR_REPORT };
    int n = 1;
    va_list ap;
    va_start(ap, cap);
    const char *a;
    while ((a = va_arg(ap, const char *)) && n < 62)
        argv[n++] = a;
    va_end(ap);
    argv[n] = NULL;
    return tr_run(argv, out, cap, 120);
}

void tr_tmpdir(char *dir, size_t len)
{
    snprintf(dir, len, "/tmp/plateau-report-test-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

void tr_rmtree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        unlink(dir);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char p[2048];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
            tr_rmtree(p);
        else
            unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void tr_listing(const char *dir, char *out, size_t cap)
{
    char *names[512];
    int n = 0;
    out[0] = 0;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) && n < 512)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_str);
    for (int i = 0; i < n; i++) {
        size_t at = strlen(out);
        snprintf(out + at, cap - at, "%s\n", names[i]);
        free(names[i]);
    }
}

int tr_exists(const char *path)
{
    struct stat sb;
    return lstat(path, &sb) == 0;
}

char *tr_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *s = malloc(cap);
    size_t r;
    while ((r = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n < 2)
            s = realloc(s, cap *= 2);
    }
    fclose(f);
    s[n] = 0;
    if (len)
        *len = n;
    return s;
}

/* ---- CSV ------------------------------------------------------------------------------------ */

int tr_csv_read(const char *path, tr_csv_t *csv)
{
    memset(csv, 0, sizeof *csv);
    size_t len;
    char *s = tr_slurp(path, &len);
    if (!s)
        return -1;
    size_t cap_rows = 0, i = 0;
    int rc = 0;
    while (i < len && rc == 0) {
        char **fields = NULL;
        size_t nf = 0, cap_f = 0;
        for (;;) { /* one field */
            char *field = malloc(len - i + 1);
            size_t fl = 0;
            if (s[i] == '"') {
                i++;
                for (;;) {
                    if (i >= len) {
                        rc = -1; /* an open quote at the end */
                        break;
                    }
                    if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
                        field[fl++] = '"';
                        i += 2;
                    } else if (s[i] == '"') {
                        i++;
                        break;
                    } else {
                        field[fl++] = s[i++];
                    }
                }
            } else {
                while (i < len && s[i] != ',' && s[i] != '\r' && s[i] != '\n') {
                    if (s[i] == '"')
                        rc = -1; /* a quote inside an unquoted field */
                    field[fl++] = s[i++];
                }
            }
            field[fl] = 0;
            if (nf == cap_f)
                fields = realloc(fields, (cap_f = cap_f ? cap_f * 2 : 16) * sizeof *fields);
            fields[nf++] = field;
            if (rc)
                break;
            if (i < len && s[i] == ',') {
                i++;
                continue;
            }
            /* a record ends with CRLF */
            if (i + 1 < len && s[i] == '\r' && s[i + 1] == '\n')
                i += 2;
            else
                rc = -1;
            break;
        }
        if (csv->n_rows == cap_rows) {
            cap_rows = cap_rows ? cap_rows * 2 : 64;
            csv->rows = realloc(csv->rows, cap_rows * sizeof *csv->rows);
            csv->n_fields = realloc(csv->n_fields, cap_rows * sizeof *csv->n_fields);
        }
        csv->rows[csv->n_rows] = fields;
        csv->n_fields[csv->n_rows++] = nf;
    }
    free(s);
    return rc;
}

void tr_csv_free(tr_csv_t *csv)
{
    for (size_t r = 0; r < csv->n_rows; r++) {
        for (size_t f = 0; f < csv->n_fields[r]; f++)
            free(csv->rows[r][f]);
        free(csv->rows[r]);
    }
    free(csv->rows);
    free(csv->n_fields);
    memset(csv, 0, sizeof *csv);
}

int tr_csv_col(const tr_csv_t *csv, const char *name)
{
    for (size_t f = 0; csv->n_rows && f < csv->n_fields[0]; f++)
        if (!strcmp(csv->rows[0][f], name))
            return (int)f;
    return -1;
}

long long tr_num(const char *s)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    cr_assert(*s && !*end, "'%s' is a whole number", s);
    return v;
}

/* ---- the database, replayed here ------------------------------------------------------------ */

pl_ruleset_t *tr_package(const char *id)
{
    const char *roots[] = { "game-data", "tests/fixtures/packages" };
    for (size_t i = 0; i < 2; i++) {
        char dir[256], game[300];
        snprintf(dir, sizeof dir, "%s/%s", roots[i], id);
        snprintf(game, sizeof game, "%s/game.xml", dir);
        if (access(game, R_OK) != 0)
            continue;
        pl_diags_t d;
        pl_diags_init(&d);
        pl_ruleset_t *rs = pl_package_load(dir, &d);
        pl_diags_free(&d);
        return rs;
    }
    return NULL;
}

int tr_db_tables(const char *path, tr_table_t **out, size_t *n)
{
    sqlite3 *db;
    *out = NULL;
    *n = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return -1;
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
    sqlite3_stmt *q, *m, *s, *x;
    sqlite3_prepare_v2(db, "SELECT id, package, seats, seed, bots, created FROM tables ORDER BY id", -1, &q, NULL);
    sqlite3_prepare_v2(db, "SELECT type, seat, arg FROM moves WHERE table_id=? ORDER BY seq", -1, &m, NULL);
    sqlite3_prepare_v2(db, "SELECT seat, team FROM seats WHERE table_id=?", -1, &s, NULL);
    sqlite3_prepare_v2(db, "SELECT seat, value FROM seat_extra WHERE table_id=? AND kind='name'", -1, &x, NULL);
    size_t cap = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (*n == cap)
            *out = realloc(*out, (cap = cap ? cap * 2 : 8) * sizeof **out);
        tr_table_t *t = &(*out)[(*n)++];
        memset(t, 0, sizeof *t);
        t->id = (uint32_t)sqlite3_column_int64(q, 0);
        snprintf(t->package, sizeof t->package, "%s", (const char *)sqlite3_column_text(q, 1));
        t->n_seats = sqlite3_column_int(q, 2);
        t->seed = (uint64_t)sqlite3_column_int64(q, 3);
        t->bots = (unsigned)sqlite3_column_int(q, 4);
        t->created = sqlite3_column_int64(q, 5);
        t->rs = tr_package(t->package);
        cr_assert_not_null(t->rs, "package %s", t->package);
        size_t mc = 0;
        sqlite3_bind_int64(m, 1, t->id);
        while (sqlite3_step(m) == SQLITE_ROW) {
            if (t->n_moves == mc)
                t->moves = realloc(t->moves, (mc = mc ? mc * 2 : 256) * sizeof *t->moves);
            t->moves[t->n_moves++] = (pl_move_t){ (uint8_t)sqlite3_column_int(m, 0), (uint8_t)sqlite3_column_int(m, 1),
                                                  (uint16_t)sqlite3_column_int(m, 2) };
        }
        sqlite3_reset(m);
        sqlite3_bind_int64(s, 1, t->id);
        while (sqlite3_step(s) == SQLITE_ROW)
            snprintf(t->team[sqlite3_column_int(s, 0) & 7], sizeof t->team[0], "%s", (const char *)sqlite3_column_text(s, 1));
        sqlite3_reset(s);
        sqlite3_bind_int64(x, 1, t->id);
        while (sqlite3_step(x) == SQLITE_ROW)
            snprintf(t->team[sqlite3_column_int(x, 0) & 7], sizeof t->team[0], "%.*s", sqlite3_column_bytes(x, 1),
                     (const char *)sqlite3_column_blob(x, 1));
        sqlite3_reset(x);
        t->st = malloc((t->n_moves + 1) * sizeof *t->st);
        pl_error_t e;
        cr_assert_eq(pl_state_init(t->rs, &t->st[0], t->n_seats, t->seed, &e), PL_OK);
        for (size_t k = 0; k < t->n_moves; k++) {
            t->st[k + 1] = t->st[k];
            cr_assert_eq(pl_apply(t->rs, &t->st[k + 1], &t->moves[k], NULL, &e), PL_OK, "table %u move %zu: %s", t->id,
                         k + 1, e.msg);
        }
    }
    sqlite3_finalize(q);
    sqlite3_finalize(m);
    sqlite3_finalize(s);
    sqlite3_finalize(x);
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(db);
    return 0;
}

void tr_tables_free(tr_table_t *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        pl_ruleset_destroy(t[i].rs);
        free(t[i].moves);
        free(t[i].st);
    }
    free(t);
}

const pl_state_t *tr_round_state(const tr_table_t *t, uint32_t r)
{
    const pl_state_t *fin = &t->st[t->n_moves];
    if (r == 0)
        return &t->st[0];
    if (r >= fin->round)
        return fin;
    size_t k = 0;
    while (k < t->n_moves && t->st[k].round <= r)
        k++;
    return &t->st[k];
}

/* ---- Chromium --------------------------------------------------------------------------------- */

int tr_chromium(const char *html, const char *what, const char *path, const char *netlog, char *out, size_t cap,
                double *ms)
{
    char url[1200], profile[256], shot[1200], pdf[1200], log[1200];
    char abs[1024];
    cr_assert_eq(access("/usr/bin/chromium", X_OK), 0,
                 "Debian's chromium is missing: make check installs it (tools/setup-deps.sh); the report's page cannot be "
                 "checked without it");
    if (!realpath(html, abs))
        return -1;
    snprintf(url, sizeof url, "file://%s", abs);
    tr_tmpdir(profile, sizeof profile);
    char userdir[300];
    snprintf(userdir, sizeof userdir, "--user-data-dir=%s", profile);
    const char *argv[40] = { "/usr/bin/chromium", "--headless=new", "--no-sandbox", "--disable-gpu",
                             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                             /* nowhere to go: no name resolves, and the proxy is a closed port */
                             "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
                             userdir };
    int n = 16;
    if (netlog) {
        snprintf(log, sizeof log, "--log-net-log=%s", netlog);
        argv[n++] = log;
        argv[n++] = "--net-log-capture-mode=Default";
    }
    if (!strcmp(what, "dom")) {
        argv[n++] = "--dump-dom";
    } else if (!strcmp(what, "screenshot")) {
        snprintf(shot, sizeof shot, "--screenshot=%s", path);
        argv[n++] = shot;
        argv[n++] = "--window-size=1000,1400";
        argv[n++] = "--force-device-scale-factor=1";
    } else {
        snprintf(pdf, sizeof pdf, "--print-to-pdf=%s", path);
        argv[n++] = pdf;
        argv[n++] = "--no-pdf-header-footer";
    }
    argv[n++] = url;
    argv[n] = NULL;
    double t0 = now_ms();
    int rc = tr_run(argv, out, cap, 60);
    if (ms)
        *ms = now_ms() - t0;
    tr_rmtree(profile);
    return rc;
}

int tr_page_requests(const char *netlog, char *out, size_t cap)
{
    const char *argv[] = { "/usr/bin/env", "python3", "tests/report/netlog_check.py", netlog, NULL };
    return tr_run(argv, out, cap, 60);
}

int tr_pdf_pages(const char *pdf)
{
    char out[4096];
    const char *argv[] = { "/usr/bin/pdfinfo", pdf, NULL };
    if (tr_run(argv, out, sizeof out, 30) != 0)
        return -1;
    const char *p = strstr(out, "Pages:");
    return p ? atoi(p + 6) : -1;
}

double tr_png_diff(const char *a, const char *b, int tol)
{
    SDL_Surface *x = IMG_Load(a), *y = IMG_Load(b);
    double share = -1;
    if (x && y) {
        SDL_Surface *cx = SDL_ConvertSurfaceFormat(x, SDL_PIXELFORMAT_RGBA32, 0);
        SDL_Surface *cy = SDL_ConvertSurfaceFormat(y, SDL_PIXELFORMAT_RGBA32, 0);
        if (cx && cy && cx->w == cy->w && cx->h == cy->h) {
            long differ = 0;
            for (int r = 0; r < cx->h; r++) {
                const uint8_t *p = (const uint8_t *)cx->pixels + (size_t)r * (size_t)cx->pitch;
                const uint8_t *q = (const uint8_t *)cy->pixels + (size_t)r * (size_t)cy->pitch;
                for (int c = 0; c < cx->w; c++) {
                    int bad = 0;
                    for (int k = 0; k < 3; k++)
                        bad |= abs(p[4 * c + k] - q[4 * c + k]) > tol;
                    differ += bad;
                }
            }
            share = (double)differ / ((double)cx->w * cx->h);
        }
        SDL_FreeSurface(cx);
        SDL_FreeSurface(cy);
    }
    SDL_FreeSurface(x);
    SDL_FreeSurface(y);
    return share;
}

int tr_count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}
