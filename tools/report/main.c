/* main.c -- plateau-report: options, reading the tables, replaying them, writing the report into a fresh folder renamed at the end */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "data/package.h"
#include "report.h"

#define MAX_TABLES 4096

typedef struct {
    const char *db, *save, *out, *date;
    const char *saves[64]; /* --save, repeated: games saved at one screen, or tables written by the console */
    int n_saves;
    uint32_t tables[64];
    int n_tables;
    int day;
} opts_t;

static void usage(FILE *f)
{
    fprintf(f, "%s", _("usage: plateau-report --db FILE [--table N]... [--day [--date YYYY-MM-DD]] --out DIR [options]\n"
                       "       plateau-report --save FILE... --out DIR [options]\n"
                       "  --db FILE        the server's database (read only, also while the server runs)\n"
                       "  --table N        the debrief of table N (repeat it for several tables)\n"
                       "  --day            every table of the day (the default): the tables created on the\n"
                       "                   day of the last one, or on --date\n"
                       "  --date DATE      the day to report, as YYYY-MM-DD (with --day)\n"
                       "  --save FILE      a game saved by plateau at one screen (hot-seat), or a table's log\n"
                       "                   written by plateau's console (repeat it: one report of them all)\n"
                       "  --out DIR        the folder to write: report.html, moves.csv, votes.csv, scores.csv,\n"
                       "                   rules.csv, opinion.csv and debrief.xlsx (a new folder, or a report's)\n"
                       "  --games DIR      where the game packages are (repeatable; default: the game-data of\n"
                       "                   this build or installation)\n"
                       "  --lang fr|en     the report's language (default fr)\n"
                       "  --quiet          no progress on stderr\n"
                       "  --help, --version\n"
                       "exit status: 0 when the report is written, 1 when it cannot be (nothing is written then),\n"
                       "2 on bad usage\n"));
}

static void die_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die_usage(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "plateau-report: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " %s\n", _("(see --help)"));
    va_end(ap);
    exit(2);
}

static uint32_t arg_table(const char *v)
{
    char *end;
    errno = 0;
    unsigned long x = strtoul(v, &end, 10);
    if (errno || end == v || *end || v[0] == '-' || v[0] == '+' || x < 1 || x > 4294967295ul)
        die_usage(_("--table: '%s' is not a table number (a whole number from 1)"), v);
    return (uint32_t)x;
}

/* the local calendar day of a moment, as YYYY-MM-DD */
static void day_of(int64_t when, char out[32])
{
    time_t t = (time_t)when;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        memset(&tm, 0, sizeof tm);
    snprintf(out, 32, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int valid_date(const char *s)
{
    int y, m, d;
    char tail;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && s[4] == '-' && s[7] == '-' &&
           m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void label_of_day(const char *ymd, char *out, size_t len)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    int y = 0, m = 1, d = 1;
    sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d);
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    char full[100];
    rp_date((int64_t)t, full, sizeof full);
    /* the date without its time: up to the comma the format puts before the hour */
    char *comma = strrchr(full, ',');
    if (comma)
        *comma = 0;
    snprintf(out, len, "%s", full);
}

/* ---- replaying one log into the report --------------------------------------------------- */

static int replay(rp_table_t *rt)
{
    rp_log_t *l = &rt->log;
    char hash[65];
    rt->rs = rp_package(l->package, hash);
    if (!rt->rs)
        return -1;
    if (l->package_hash[0] && hash[0] && strcmp(hash, l->package_hash) != 0)
        return rp_fail(_("the game was saved with another version of “%s” than the one in the --games folders"),
                       l->package);
    pd_input_t in = { .rs = rt->rs, .n_seats = l->n_seats, .seed = l->seed, .moves = l->moves, .n_moves = l->n_moves,
                      .bots = l->bots, .id = l->id, .check_hash = l->check_hash, .last_hash = l->last_hash };
    for (int s = 0; s < l->n_seats; s++)
        in.team[s] = l->team[s];
    pd_error_t err;
    int rc = pd_table_build(&in, &rt->d, &err);
    switch (rc) {
    case PD_OK: return 0;
    case PD_ERR_NOMEM: return rp_fail(_("out of memory"));
    case PD_ERR_MOVE:
        return rp_fail(_("the log does not replay with the game “%s” (move %u is refused: %s): another version of the "
                         "game?"),
                       l->package, err.move, pt_reason(err.reason, rp_lang));
    case PD_ERR_HASH:
        return rp_fail(_("the log does not replay with the game “%s” to the state the server recorded: another "
                         "version of the game?"),
                       l->package);
    case PD_ERR_SETUP:
        return rp_fail(_("the game “%s” cannot be set up for %d teams"), l->package, l->n_seats);
    default: return rp_fail(_("the table cannot be replayed: %s"), err.msg);
    }
}

static void table_free(rp_table_t *t)
{
    pd_table_destroy(t->d);
    rp_log_free(&t->log);
}

static void report_free(rp_report_t *r)
{
    for (int i = 0; i < r->n_tables; i++)
        table_free(&r->tables[i]);
    free(r->tables);
    free(r->skipped);
    pd_day_destroy(r->day);
}

static int add_table(rp_report_t *r, rp_table_t *t)
{
    rp_table_t *n = realloc(r->tables, (size_t)(r->n_tables + 1) * sizeof *n);
    if (!n)
        return rp_fail(_("out of memory"));
    r->tables = n;
    r->tables[r->n_tables++] = *t;
    return 0;
}

static int add_skip(rp_report_t *r, uint32_t id, const char *why)
{
    rp_skip_t *n = realloc(r->skipped, (size_t)(r->n_skipped + 1) * sizeof *n);
    if (!n)
        return rp_fail(_("out of memory"));
    r->skipped = n;
    r->skipped[r->n_skipped].id = id;
    snprintf(r->skipped[r->n_skipped].why, sizeof r->skipped[0].why, "%s", why);
    r->n_skipped++;
    return 0;
}

/* why a table's debrief cannot be written yet (into rp_err) */
static int not_over(const rp_table_t *t)
{
    return rp_fail(_("table %u has not ended (round %u, %u moves): its debrief shows what the teams held and voted "
                     "only once the game is over"),
                   t->log.id, t->d->last_round, t->d->n_moves);
}

/* "table N: " before the error in rp_err */
static int about_table(uint32_t id)
{
    char why[sizeof rp_err];
    snprintf(why, sizeof why, "%s", rp_err);
    return rp_fail(_("table %u: %s"), id, why);
}

/* the tables asked for, replayed into r; 1 when the database must be read again */
static int read_db(const opts_t *o, int as_reader, rp_report_t *r)
{
    rp_db_t *db = NULL;
    if (rp_db_open(o->db, as_reader, &db) != 0)
        return -1;
    int rc = -1;
    uint32_t *ids = NULL;
    int64_t *created = NULL;
    size_t n = 0;
    if (o->n_tables) { /* the tables asked for, each of which must be there and over */
        for (int i = 0; i < o->n_tables; i++) {
            rp_table_t t;
            memset(&t, 0, sizeof t);
            if (rp_db_log(db, o->tables[i], &t.log) != 0)
                goto done;
            rp_progress(_("replaying table %u (%d of %d)"), o->tables[i], i + 1, o->n_tables);
            if (replay(&t) != 0) {
                about_table(t.log.id);
                table_free(&t);
                goto done;
            }
            if (!t.d->over) {
                not_over(&t);
                table_free(&t);
                goto done;
            }
            if (add_table(r, &t) != 0) {
                table_free(&t);
                goto done;
            }
        }
        r->day_summary = o->n_tables > 1;
    } else { /* the day: every table created on it; those not over are left out, and said so */
        if (rp_db_tables(db, &ids, &created, &n) != 0)
            goto done;
        if (!n) {
            rp_fail(_("database %s holds no table"), o->db);
            goto done;
        }
        char day[32];
        if (o->date)
            snprintf(day, sizeof day, "%s", o->date);
        else
            day_of(created[n - 1], day);
        size_t on_day = 0;
        for (size_t i = 0; i < n; i++) {
            char d[32];
            day_of(created[i], d);
            if (strcmp(d, day) != 0)
                continue;
            on_day++;
            if (r->n_tables >= MAX_TABLES) {
                rp_fail(_("more than %d tables on %s"), MAX_TABLES, day);
                goto done;
            }
            rp_table_t t;
            memset(&t, 0, sizeof t);
            if (rp_db_log(db, ids[i], &t.log) != 0)
                goto done;
            rp_progress(_("replaying table %u (%zu of %zu)"), ids[i], i + 1, n);
            if (replay(&t) != 0 || !t.d->over) {
                if (t.d)
                    not_over(&t);
                else
                    about_table(ids[i]);
                rp_progress("%s", rp_err);
                int bad = add_skip(r, ids[i], rp_err);
                table_free(&t);
                if (bad)
                    goto done;
                continue;
            }
            if (add_table(r, &t) != 0) {
                table_free(&t);
                goto done;
            }
        }
        if (!on_day) {
            rp_fail(_("database %s holds no table created on %s"), o->db, day);
            goto done;
        }
        if (!r->n_tables) {
            rp_fail(pt_ntr(rp_lang, "no table of %s has ended yet (%zu table is being played or cannot be replayed)",
                           "no table of %s has ended yet (%zu tables are being played or cannot be replayed)",
                           (unsigned long)on_day),
                    day, on_day);
            goto done;
        }
        r->day_summary = 1;
        label_of_day(day, r->day_label, sizeof r->day_label);
    }
    rc = rp_db_unchanged(db) ? 0 : 1;
done:
    free(ids);
    free(created);
    rp_db_close(db);
    return rc;
}

static int from_db(const opts_t *o, rp_report_t *r)
{
    int rc = read_db(o, 0, r);
    if (rc == 1) { /* a server opened the database while it was read: again, as a WAL reader */
        const char *source = r->source;
        report_free(r);
        memset(r, 0, sizeof *r);
        r->source = source;
        rc = read_db(o, 1, r);
    }
    return rc;
}

static int from_save(const char *save, rp_report_t *r)
{
    rp_table_t t;
    memset(&t, 0, sizeof t);
    if (rp_save_read(save, &t.log) != 0)
        return -1;
    rp_progress(_("replaying the saved game %s"), save);
    if (replay(&t) != 0) {
        table_free(&t);
        return -1;
    }
    if (!t.d->over) {
        rp_fail(_("the saved game has not ended (round %u, %u moves): its debrief shows what the teams held and "
                  "voted only once the game is over"),
                t.d->last_round, t.d->n_moves);
        table_free(&t);
        return -1;
    }
    if (add_table(r, &t) != 0) {
        table_free(&t);
        return -1;
    }
    return 0;
}

static int from_saves(const opts_t *o, rp_report_t *r)
{
    for (int i = 0; i < o->n_saves; i++)
        if (from_save(o->saves[i], r) != 0)
            return -1;
    r->day_summary = o->n_saves > 1;
    return 0;
}

/* ---- the output folder: written beside, renamed into place when complete ----------------- */

static const char *const OUR_FILES[] = { "report.html", "moves.csv", "votes.csv", "scores.csv",
                                         "rules.csv",   "opinion.csv", "debrief.xlsx" };
#define N_OUR_FILES (sizeof OUR_FILES / sizeof OUR_FILES[0])

static int ours(const char *name)
{
    for (size_t i = 0; i < N_OUR_FILES; i++)
        if (!strcmp(name, OUR_FILES[i]))
            return 1;
    return 0;
}

/* 1: a folder holding only a report's files (or nothing), 0: anything else is in it, -1: unreadable */
static int report_folder(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    int only = 1;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && !ours(e->d_name))
            only = 0;
    closedir(d);
    return only;
}

static void remove_report(const char *dir)
{
    char p[3 * PATH_MAX];
    for (size_t i = 0; i < N_OUR_FILES; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, OUR_FILES[i]);
        unlink(p);
    }
    rmdir(dir);
}

static int write_all(const char *dir, const rp_report_t *r)
{
    char path[3 * PATH_MAX];
    rp_sheet_t sheets[RP_SHEETS];
    memset(sheets, 0, sizeof sheets);
    rp_progress("%s", _("writing the report"));
    snprintf(path, sizeof path, "%s/report.html", dir);
    if (rp_html_write(path, r) != 0)
        return -1;
    int rc = -1;
    if (rp_sheets_build(r, sheets) != 0)
        goto done;
    for (int i = 0; i < RP_SHEETS; i++)
        if (rp_csv_write(dir, &sheets[i]) != 0)
            goto done;
    snprintf(path, sizeof path, "%s/debrief.xlsx", dir);
    if (rp_xlsx_write(path, sheets, RP_SHEETS) != 0)
        goto done;
    rc = 0;
done:
    rp_sheets_free(sheets);
    return rc;
}

static int output(const char *out, const rp_report_t *r)
{
    char target[PATH_MAX], parent[PATH_MAX], base[PATH_MAX], tmp[2 * PATH_MAX + 64], old[2 * PATH_MAX + 64];
    snprintf(target, sizeof target, "%s", out);
    size_t len = strlen(target);
    while (len > 1 && target[len - 1] == '/')
        target[--len] = 0;
    char a[PATH_MAX], c[PATH_MAX];
    snprintf(a, sizeof a, "%s", target);
    snprintf(c, sizeof c, "%s", target);
    snprintf(parent, sizeof parent, "%s", dirname(a));
    snprintf(base, sizeof base, "%s", basename(c));
    if (!strcmp(base, ".") || !strcmp(base, "..") || !strcmp(base, "/"))
        return rp_fail(_("--out %s: name a folder to create (or a former report's folder)"), out);
    struct stat sb;
    int exists = lstat(target, &sb) == 0;
    if (exists && !S_ISDIR(sb.st_mode))
        return rp_fail(_("--out %s is a file, not a folder"), out);
    if (exists) {
        int only = report_folder(target);
        if (only < 0)
            return rp_fail(_("the folder %s cannot be read: %s"), out, strerror(errno));
        if (!only)
            return rp_fail(_("the folder %s holds other files than a report's: choose a new folder"), out);
    }
    struct stat ps;
    if (stat(parent, &ps) != 0 || !S_ISDIR(ps.st_mode))
        return rp_fail(_("cannot write the report in %s: %s"), parent, strerror(errno ? errno : ENOTDIR));
    snprintf(tmp, sizeof tmp, "%s/.%s.new-XXXXXX", parent, base);
    if (!mkdtemp(tmp))
        return rp_fail(_("cannot write the report in %s: %s"), parent, strerror(errno));
    chmod(tmp, 0755);
    if (write_all(tmp, r) != 0) {
        remove_report(tmp);
        return -1;
    }
    if (!exists) {
        if (rename(tmp, target) != 0) {
            int e = errno;
            remove_report(tmp);
            return rp_fail(_("cannot write the report in %s: %s"), out, strerror(e));
        }
        return 0;
    }
    /* a former report: swapped with the new one at once, then removed */
    if (renameat2(AT_FDCWD, tmp, AT_FDCWD, target, RENAME_EXCHANGE) == 0) {
        remove_report(tmp);
        return 0;
    }
    snprintf(old, sizeof old, "%s/.%s.old-XXXXXX", parent, base);
    if (!mkdtemp(old) || rmdir(old) != 0 || rename(target, old) != 0) {
        int e = errno;
        remove_report(tmp);
        return rp_fail(_("cannot replace the report in %s: %s"), out, strerror(e));
    }
    if (rename(tmp, target) != 0) {
        int e = errno;
        rename(old, target);
        remove_report(tmp);
        return rp_fail(_("cannot replace the report in %s: %s"), out, strerror(e));
    }
    remove_report(old);
    return 0;
}

/* ---- options -------------------------------------------------------------------------------- */

enum { O_DB = 1, O_TABLE, O_DAY, O_DATE, O_SAVE, O_OUT, O_GAMES, O_LANG, O_QUIET, O_HELP, O_VERSION };

static void parse(opts_t *o, int argc, char **argv)
{
    static const struct option longs[] = {
        { "db", required_argument, NULL, O_DB },       { "table", required_argument, NULL, O_TABLE },
        { "day", no_argument, NULL, O_DAY },           { "date", required_argument, NULL, O_DATE },
        { "save", required_argument, NULL, O_SAVE },   { "out", required_argument, NULL, O_OUT },
        { "games", required_argument, NULL, O_GAMES }, { "lang", required_argument, NULL, O_LANG },
        { "quiet", no_argument, NULL, O_QUIET },       { "help", no_argument, NULL, O_HELP },
        { "version", no_argument, NULL, O_VERSION },   { NULL, 0, NULL, 0 },
    };
    /* the language first, so that every other message is in it */
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (!strcmp(argv[i], "--lang") && i + 1 < argc)
            v = argv[i + 1];
        else if (!strncmp(argv[i], "--lang=", 7))
            v = argv[i] + 7;
        if (v && !strcmp(v, "en"))
            rp_lang = PL_LANG_EN;
        else if (v && !strcmp(v, "fr"))
            rp_lang = PL_LANG_FR;
    }
    int c, games = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", longs, NULL)) != -1) {
        switch (c) {
        case O_HELP: usage(stdout); exit(0);
        case O_VERSION: printf("plateau-report %s\n", PLATEAU_VERSION); exit(0);
        case O_DB: o->db = optarg; break;
        case O_SAVE:
            if (o->n_saves == 64)
                die_usage("%s", _("at most 64 --save files"));
            o->save = o->saves[o->n_saves++] = optarg;
            break;
        case O_OUT: o->out = optarg; break;
        case O_DAY: o->day = 1; break;
        case O_QUIET: rp_quiet = 1; break;
        case O_DATE:
            if (!valid_date(optarg))
                die_usage(_("--date: '%s' is not a date as YYYY-MM-DD"), optarg);
            o->date = optarg;
            break;
        case O_TABLE:
            if (o->n_tables == (int)(sizeof o->tables / sizeof o->tables[0]))
                die_usage("%s", _("--table: at most 64 tables (use --day for every table of a day)"));
            o->tables[o->n_tables++] = arg_table(optarg);
            break;
        case O_GAMES:
            rp_games_add(optarg);
            games++;
            break;
        case O_LANG:
            if (strcmp(optarg, "fr") && strcmp(optarg, "en"))
                die_usage(_("--lang: '%s' is not fr or en"), optarg);
            break;
        case ':': die_usage(_("%s needs a value"), argv[optind - 1]); break;
        default: die_usage(_("unknown option '%s'"), argv[optind - 1]); break;
        }
    }
    if (optind < argc)
        die_usage(_("unexpected argument '%s'"), argv[optind]);
    if (!o->db == !o->save)
        die_usage("%s", _("give --db FILE or --save FILE"));
    if (!o->out)
        die_usage("%s", _("give --out DIR, the folder to write"));
    if (o->save && (o->n_tables || o->day || o->date))
        die_usage("%s", _("--table, --day and --date go with --db"));
    if (o->n_tables && (o->day || o->date))
        die_usage("%s", _("--table and --day cannot go together"));
    if (!games)
        rp_games_default();
}

int main(int argc, char **argv)
{
    opts_t o;
    memset(&o, 0, sizeof o);
    pt_init();
    parse(&o, argc, argv);
    rp_report_t r;
    memset(&r, 0, sizeof r);
    r.source = o.db ? o.db : o.save;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = o.db ? from_db(&o, &r) : from_saves(&o, &r);
    if (rc == 0) {
        const pd_table_t *ts[MAX_TABLES];
        for (int i = 0; i < r.n_tables; i++)
            ts[i] = r.tables[i].d;
        pd_error_t err;
        if (pd_day_build(ts, r.n_tables, &r.day, &err) != PD_OK)
            rc = rp_fail(_("out of memory"));
    }
    if (rc == 0 && !r.day_label[0] && r.n_tables) {
        char full[100];
        rp_date(r.tables[0].log.created, full, sizeof full);
        char *comma = strrchr(full, ',');
        if (comma)
            *comma = 0;
        snprintf(r.day_label, sizeof r.day_label, "%s", full);
    }
    if (rc == 0)
        rc = output(o.out, &r);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (rc == 0) {
        double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        rp_progress(pt_ntr(rp_lang, "%d table written to %s in %.0f ms", "%d tables written to %s in %.0f ms",
                           (unsigned long)r.n_tables),
                    r.n_tables, o.out, ms);
    } else {
        fprintf(stderr, "plateau-report: %s\n", rp_err);
    }
    report_free(&r);
    rp_games_free();
    return rc == 0 ? 0 : 1;
}
