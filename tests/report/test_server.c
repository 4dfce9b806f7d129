/* test_server.c -- plateau-report on a real server's database: a day of bot games, read while the server runs and writes */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "harness.h"
#include "check.h"

static void bot_games(const ts_server_t *s, const char *package, const char *tables, const char *seats,
                      const char *server_bots)
{
    char out[4096];
    const char *args[] = { "--tables", tables, "--seats", seats, "--server-bots", server_bots, "--package", package,
                           "--games", "game-data", "--games", "tests/fixtures/packages", NULL };
    cr_assert_eq(ts_bot(s->port, args, out, sizeof out), 0, "plateau-bot plays %s:\n%s", package, out);
}

/* the tables of the day, over, in id order (what --day reports) */
static size_t over_tables(tr_table_t *all, size_t n, const tr_table_t **out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (all[i].st[all[i].n_moves].wait == PL_WAIT_OVER)
            out[k++] = &all[i];
    return k;
}

Test(report, a_day_of_bot_games_on_a_real_server_every_number_checked, .timeout = 300)
{
    ts_server_t s;
    cr_assert_eq(ts_start(&s, NULL), 0);
    bot_games(&s, "example-minimal", "2", "3", "0");
    bot_games(&s, "example-minimal", "1", "2", "2"); /* two of its seats played by the server's bots */
    bot_games(&s, "achats-durables", "1", "5", "0");
    bot_games(&s, "demo", "1", "2", "0");            /* no lens; its questions are the spaces' */

    /* the server goes on running, and holds a write transaction open: readers are not blocked */
    sqlite3 *lock;
    cr_assert_eq(sqlite3_open(s.db, &lock), SQLITE_OK);
    sqlite3_busy_timeout(lock, 5000);
    cr_assert_eq(sqlite3_exec(lock, "BEGIN IMMEDIATE; INSERT OR REPLACE INTO meta(key,value) VALUES('report-test','held')",
                              NULL, NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(lock));

    char dir[256], fr[300], en[300], out[16384];
    tr_tmpdir(dir, sizeof dir);
    snprintf(fr, sizeof fr, "%s/fr", dir);
    snprintf(en, sizeof en, "%s/en", dir);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = tr_report(out, sizeof out, "--games", "game-data", "--games", "tests/fixtures/packages", "--db", s.db, "--day", "--lang", "fr", "--out", fr, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    cr_assert_eq(rc, 0, "plateau-report:\n%s", out);
    printf("report: a day of 5 tables exported in %.0f ms (under the server's open write transaction)\n",
           (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    cr_assert(strstr(out, "replaying table 1") || strstr(out, "table 1"), "progress is shown:\n%s", out);
    cr_assert_eq(tr_report(out, sizeof out, "--games", "game-data", "--games", "tests/fixtures/packages", "--db", s.db, "--lang", "en", "--out", en, "--quiet", NULL), 0, "%s", out);
    cr_assert_str_eq(out, "", "--quiet says nothing");
    sqlite3_exec(lock, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(lock);

    tr_table_t *all;
    size_t n;
    cr_assert_eq(tr_db_tables(s.db, &all, &n), 0);
    cr_assert_eq(n, 5);
    /* the day is the tables created on the date of the last one: all of these, unless the test ran over midnight */
    const tr_table_t *day[8];
    size_t nd = 0;
    char last[32], one[32];
    time_t lt = (time_t)all[n - 1].created;
    struct tm tm;
    gmtime_r(&lt, &tm);
    strftime(last, sizeof last, "%Y-%m-%d", &tm);
    const tr_table_t *over[8];
    size_t no = over_tables(all, n, over);
    cr_assert_eq(no, 5, "every bot game ended");
    for (size_t i = 0; i < no; i++) {
        time_t ct = (time_t)over[i]->created;
        gmtime_r(&ct, &tm);
        strftime(one, sizeof one, "%Y-%m-%d", &tm);
        if (!strcmp(one, last))
            day[nd++] = over[i];
    }
    int q_fr = tr_check_exports(fr, day, nd, PL_LANG_FR);
    int q_en = tr_check_exports(en, day, nd, PL_LANG_EN);
    cr_assert_eq(q_fr, q_en);
    cr_assert_gt(q_fr, 0, "the day has a collective opinion");
    tr_check_html(fr, day, nd, q_fr, 1);
    size_t len;
    snprintf(out, sizeof out, "%s/report.html", en);
    char *html = tr_slurp(out, &len);
    cr_assert(strstr(html, "Debrief of the day") && strstr(html, "lang=\"en\""), "the English report is English");
    free(html);
    snprintf(out, sizeof out, "%s/report.html", fr);
    html = tr_slurp(out, &len);
    cr_assert(strstr(html, "Débriefing de la journée") && strstr(html, "lang=\"fr\""), "the French report is French");
    free(html);

    /* one table alone, then two: a day summary only for several */
    char t1d[300], t2d[300];
    snprintf(t1d, sizeof t1d, "%s/table", dir);
    snprintf(t2d, sizeof t2d, "%s/tables", dir);
    char id1[16], id3[16];
    snprintf(id1, sizeof id1, "%u", over[0]->id);
    snprintf(id3, sizeof id3, "%u", over[2]->id);
    cr_assert_eq(tr_report(out, sizeof out, "--games", "game-data", "--games", "tests/fixtures/packages", "--db", s.db, "--table", id3, "--out", t1d, "--quiet", NULL), 0, "%s", out);
    tr_check_exports(t1d, &over[2], 1, PL_LANG_FR);
    const tr_table_t *pair[2] = { over[0], over[2] };
    cr_assert_eq(tr_report(out, sizeof out, "--games", "game-data", "--games", "tests/fixtures/packages", "--db", s.db, "--table", id1, "--table", id3, "--out", t2d, "--quiet", NULL), 0,
                 "%s", out);
    tr_check_exports(t2d, pair, 2, PL_LANG_FR);
    snprintf(out, sizeof out, "%s/report.html", t1d);
    html = tr_slurp(out, &len);
    cr_assert_null(strstr(html, "id=\"day\""), "no day summary for one table");
    free(html);
    /* writing again into a report's folder replaces it whole */
    cr_assert_eq(tr_report(out, sizeof out, "--games", "game-data", "--games", "tests/fixtures/packages", "--db", s.db, "--table", id1, "--out", t1d, "--quiet", NULL), 0, "%s", out);
    tr_check_exports(t1d, &over[0], 1, PL_LANG_FR);
    char listing[4096];
    tr_listing(dir, listing, sizeof listing);
    cr_assert_str_eq(listing, "en\nfr\ntable\ntables\n", "no temporary folder is left beside the reports");

    tr_tables_free(all, n);
    tr_rmtree(dir);
    cr_assert_eq(ts_stop(&s), 0);
    ts_cleanup(&s);
}

/* A table being played: the day's report leaves it out and says so; asked alone, it is refused. */
Test(report, reads_the_database_while_the_server_plays_a_table, .timeout = 180)
{
    ts_server_t s;
    cr_assert_eq(ts_start(&s, NULL), 0);
    bot_games(&s, "example-minimal", "1", "3", "0");
    int fd;
    const char *args[] = { "--tables", "1", "--seats", "3", "--package", "example-minimal", "--moves-per-second", "4",
                           "--games", "game-data", NULL };
    pid_t bot = ts_bot_spawn(s.port, args, &fd);
    cr_assert_gt(bot, 0);
    /* wait for the second table's first moves to be in the database */
    sqlite3 *db;
    cr_assert_eq(sqlite3_open_v2(s.db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    int moves = 0;
    for (int i = 0; i < 400 && moves < 6; i++) {
        sqlite3_stmt *q;
        sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM moves WHERE table_id=2", -1, &q, NULL);
        if (sqlite3_step(q) == SQLITE_ROW)
            moves = sqlite3_column_int(q, 0);
        sqlite3_finalize(q);
        usleep(50000);
    }
    sqlite3_close(db);
    cr_assert_geq(moves, 6, "the second table is being played");

    char dir[256], day[300], two[300], out[16384], listing[4096];
    tr_tmpdir(dir, sizeof dir);
    snprintf(day, sizeof day, "%s/day", dir);
    snprintf(two, sizeof two, "%s/two", dir);
    /* several reads while moves are written */
    for (int i = 0; i < 3; i++) {
        int rc = tr_report(out, sizeof out, "--games", "game-data", "--games", "tests/fixtures/packages", "--db", s.db, "--out", day, "--lang", "en", NULL);
        cr_assert_eq(rc, 0, "the day's report while table 2 is played:\n%s", out);
        cr_assert(strstr(out, "table 2 has not ended"), "table 2 is said to be left out:\n%s", out);
    }
    char p[400];
    snprintf(p, sizeof p, "%s/report.html", day);
    size_t len;
    char *html = tr_slurp(p, &len);
    cr_assert(strstr(html, "Left out of this report") && strstr(html, "table 2 has not ended"));
    free(html);
    int rc = tr_report(out, sizeof out, "--games", "game-data", "--games", "tests/fixtures/packages", "--db", s.db, "--table", "2", "--out", two, "--lang", "fr", NULL);
    cr_assert_eq(rc, 1, "a table not over is refused:\n%s", out);
    cr_assert(strstr(out, "la table 2 n'est pas finie"), "in French:\n%s", out);
    rc = tr_report(out, sizeof out, "--games", "game-data", "--games", "tests/fixtures/packages", "--db", s.db, "--table", "2", "--out", two, "--lang", "en", NULL);
    cr_assert_eq(rc, 1);
    cr_assert(strstr(out, "table 2 has not ended"), "in English:\n%s", out);
    tr_listing(dir, listing, sizeof listing);
    cr_assert_str_eq(listing, "day\n", "nothing written for the refused table");

    kill(bot, SIGKILL);
    waitpid(bot, NULL, 0);
    close(fd);
    tr_table_t *all;
    size_t n;
    cr_assert_eq(tr_db_tables(s.db, &all, &n), 0);
    const tr_table_t *first = &all[0];
    tr_check_exports(day, &first, 1, PL_LANG_EN);
    tr_tables_free(all, n);
    tr_rmtree(dir);
    ts_stop(&s);
    ts_cleanup(&s);
}
