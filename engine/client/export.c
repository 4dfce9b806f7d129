/* export.c -- a debrief exported: each table's log written as a save file in a fresh folder with its package beside it,
 * plateau-report run on them as a child process, its answer read when it ends */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <SDL.h>
#include "text/text.h"
#include "client/debrief_set.h"
#include "client/export.h"
#include "client/save.h"

extern char **environ;

static int mkdirs(const char *dir)
{
    char p[1024];
    snprintf(p, sizeof p, "%s", dir);
    for (char *s = p + 1;; s++) {
        char c = *s;
        if (c == '/' || !c) {
            *s = 0;
            if (mkdir(p, 0700) != 0 && errno != EEXIST)
                return -1;
            *s = c;
        }
        if (!c)
            return 0;
    }
}

static int is_dir(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int pc_export_folder(char *out, size_t len)
{
    const char *env = getenv("PLATEAU_REPORTS"), *home = getenv("HOME"), *xdg = getenv("XDG_DATA_HOME");
    char base[1000], docs[900];
    if (env && *env == '/')
        snprintf(base, sizeof base, "%s", env);
    else if (home && *home && (snprintf(docs, sizeof docs, "%s/Documents", home), is_dir(docs)))
        snprintf(base, sizeof base, "%s/Plateau", docs);
    else if (xdg && *xdg == '/')
        snprintf(base, sizeof base, "%s/plateau/reports", xdg);
    else if (home && *home)
        snprintf(base, sizeof base, "%s/.local/share/plateau/reports", home);
    else
        return 0;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char stamp[40];
    strftime(stamp, sizeof stamp, "debrief-%Y-%m-%d-%H%M%S", &tm);
    int n = snprintf(out, len, "%s/%s", base, stamp);
    if (n < 0 || (size_t)n >= len)
        return 0;
    /* two exports in one second: the second gets a number */
    for (int k = 2; k < 100 && access(out, F_OK) == 0; k++)
        snprintf(out, len, "%s/%s-%d", base, stamp, k);
    return mkdirs(base) == 0;
}

/* plateau-report beside the game (an installation), or one folder up (the tests' programs) */
static int report_program(char *out, size_t len)
{
    char *base = SDL_GetBasePath();
    const char *rel[] = { "plateau-report", "../plateau-report" };
    int found = 0;
    for (size_t i = 0; i < 2 && !found; i++) {
        snprintf(out, len, "%s%s", base ? base : "./", rel[i]);
        found = access(out, X_OK) == 0;
    }
    SDL_free(base);
    return found;
}

static void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    char p[1400];
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
            remove_tree(p);
        else
            unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

static int fail(pc_export_t *x, int lang, const char *what)
{
    snprintf(x->msg, sizeof x->msg, pt_tr(lang, "The report could not be written: %s"), what);
    x->ok = 0;
    if (x->tmp[0])
        remove_tree(x->tmp);
    x->tmp[0] = 0;
    return 0;
}

int pc_export_start(pc_export_t *x, const pc_debrief_t *d, const char *const *pkg_dir, int lang)
{
    if (x->pid > 0)
        return 0;
    x->msg[0] = 0;
    x->tmp[0] = 0;
    x->lang = lang;
    char prog[1100], why[1300];
    if (!report_program(prog, sizeof prog))
        return fail(x, lang, pt_tr(lang, "plateau-report is not installed next to the game."));
    if (!pc_export_folder(x->out, sizeof x->out))
        return fail(x, lang, pt_tr(lang, "no folder to write it in (no home folder)."));
    const char *tmpdir = getenv("TMPDIR");
    snprintf(x->tmp, sizeof x->tmp, "%s/plateau-export-XXXXXX", tmpdir && *tmpdir == '/' ? tmpdir : "/tmp");
    if (!mkdtemp(x->tmp)) {
        x->tmp[0] = 0;
        return fail(x, lang, strerror(errno));
    }
    char games[1100];
    snprintf(games, sizeof games, "%s/games", x->tmp);
    if (mkdir(games, 0700) != 0)
        return fail(x, lang, strerror(errno));
    /* argv: prog --out DIR --lang L --games DIR --save F... */
    static char saves[PC_DEBRIEF_MAX][1100];
    char *argv[12 + 2 * PC_DEBRIEF_MAX];
    int ac = 0;
    argv[ac++] = prog;
    argv[ac++] = "--out";
    argv[ac++] = x->out;
    argv[ac++] = "--lang";
    argv[ac++] = lang == PL_LANG_EN ? "en" : "fr";
    argv[ac++] = "--games";
    argv[ac++] = games;
    int n_over = 0;
    x->left_out = 0;
    for (int i = 0; i < d->n; i++) {
        const pc_glog_t *lg = &d->logs[i];
        if (!d->t[i]->over) { /* the report shows hands and ballots: only games that are over go in it */
            x->left_out++;
            continue;
        }
        n_over++;
        /* the package under its id, as plateau-report looks for it */
        char link[1300], real[PATH_MAX];
        snprintf(link, sizeof link, "%s/%s", games, lg->package);
        if (!pkg_dir[i] || !realpath(pkg_dir[i], real))
            return fail(x, lang, pt_tr(lang, "the game's folder is not on this computer."));
        if (access(link, F_OK) != 0 && symlink(real, link) != 0)
            return fail(x, lang, strerror(errno));
        pc_save_t h;
        memset(&h, 0, sizeof h);
        snprintf(h.package, sizeof h.package, "%s", lg->package);
        snprintf(h.hash, sizeof h.hash, "%s", d->hash[i]);
        h.seed = lg->seed;
        h.n_seats = lg->n_seats;
        h.bots = lg->bots;
        h.human = ((1u << lg->n_seats) - 1u) & ~lg->bots;
        h.table = lg->table;
        h.started = (int64_t)time(NULL);
        for (int k = 0; k < PL_MAX_SEATS; k++)
            snprintf(h.team[k], sizeof h.team[k], "%s", lg->team[k]);
        snprintf(saves[i], sizeof saves[i], "%s/table-%d.save", x->tmp, i + 1);
        pc_saver_t w;
        if (pc_saver_open(&w, saves[i], &h, why, sizeof why) != 0)
            return fail(x, lang, why);
        int ok = 1;
        for (size_t m = 0; m < lg->n_moves && ok; m++)
            ok = pc_saver_move(&w, &lg->moves[m]) == 0;
        pc_saver_close(&w);
        if (!ok)
            return fail(x, lang, strerror(errno));
        argv[ac++] = "--save";
        argv[ac++] = saves[i];
    }
    argv[ac] = NULL;
    if (!n_over)
        return fail(x, lang, pt_tr(lang, "no game of these tables is over yet (a report shows the hands and the "
                                         "ballots: it is made of games that are over)."));
    /* what it says goes to a file beside its inputs: its last line is the reason when it fails */
    char log[1100];
    snprintf(log, sizeof log, "%s/report.log", x->tmp);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    int rc = posix_spawn(&x->pid, prog, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        x->pid = 0;
        return fail(x, lang, strerror(rc));
    }
    snprintf(x->msg, sizeof x->msg, "%s", pt_tr(lang, "Writing the report..."));
    return 1;
}

/* the last line plateau-report wrote that is no progress line */
static void last_line(const char *path, char *out, size_t len)
{
    FILE *f = fopen(path, "r");
    char line[1000];
    out[0] = 0;
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        const char *p = line;
        if (!strncmp(p, "plateau-report: ", 16))
            p += 16;
        if (*p)
            snprintf(out, len, "%s", p);
    }
    if (f)
        fclose(f);
}

static void finish(pc_export_t *x, int status, int lang)
{
    char log[1100], why[1000];
    snprintf(log, sizeof log, "%s/report.log", x->tmp);
    x->pid = 0;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        x->ok = 1;
        snprintf(x->msg, sizeof x->msg, pt_tr(lang, "The report is written: %s/report.html"), x->out);
        if (x->left_out) {
            size_t used = strlen(x->msg);
            snprintf(x->msg + used, sizeof x->msg - used, pt_ntr(lang, " (%d table still being played is left out)",
                                                                " (%d tables still being played are left out)",
                                                                (unsigned long)x->left_out), x->left_out);
        }
    } else {
        last_line(log, why, sizeof why);
        fail(x, lang, why[0] ? why : pt_tr(lang, "plateau-report stopped."));
    }
    if (x->tmp[0])
        remove_tree(x->tmp);
    x->tmp[0] = 0;
}

int pc_export_poll(pc_export_t *x)
{
    if (x->pid <= 0)
        return 1;
    int st;
    pid_t r = waitpid(x->pid, &st, WNOHANG);
    if (r == 0)
        return 0;
    finish(x, r == x->pid ? st : 1 << 8, x->lang);
    return 1;
}

void pc_export_wait(pc_export_t *x)
{
    if (x->pid <= 0)
        return;
    int st;
    pid_t r;
    do
        r = waitpid(x->pid, &st, 0);
    while (r < 0 && errno == EINTR);
    finish(x, r == x->pid ? st : 1 << 8, x->lang);
}
