/* test_bad_input.c -- plateau-report refuses each kind of bad input with a clear message in the language asked, exit status 1, nothing written */
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>
#include "harness.h"
#include "proto/proto.h"
#include "helpers.h"

/* a server's database in dir/plateau.db: table 1 played to its end, table 2 after one roll */
static void make_db(char *dir, size_t len, char *db, size_t dblen)
{
    ts_server_t s;
    cr_assert_eq(ts_start(&s, NULL), 0);
    char out[4096];
    const char *args[] = { "--tables", "1", "--seats", "2", "--games", "game-data", NULL };
    cr_assert_eq(ts_bot(s.port, args, out, sizeof out), 0, "%s", out);
    int a = ts_hello(s.port);
    json_t *r = ts_ask(a, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 1, "package", "example-minimal",
                                    "seats", 2), 5000);
    int table = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    cr_assert_eq(table, 2);
    r = ts_ask(a, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "join", "id", 2, "table", table, "seat", 0, "team", "A"), 5000);
    json_decref(r);
    r = ts_ask(a, json_pack("{s:s,s:i,s:i,s:{s:s}}", "type", "move", "id", 3, "table", table, "move", "type", "roll"), 5000);
    cr_assert_str_eq(proto_type(r), "ok");
    json_decref(r);
    close(a);
    cr_assert_eq(ts_stop(&s), 0);
    tr_tmpdir(dir, len);
    snprintf(db, dblen, "%s/plateau.db", dir);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "cp %s %s", s.db, db);
    cr_assert_eq(system(cmd), 0);
    ts_cleanup(&s);
}

/* plateau-report with args must exit 1 saying want_fr (French) and want_en (English), writing nothing in dir */
static void refused(const char *dir, const char *want_fr, const char *want_en, const char *const *args)
{
    char before[4096], after[4096], out[8192];
    tr_listing(dir, before, sizeof before);
    for (int lang = 0; lang < 2; lang++) {
        const char *argv[40] = { TR_REPORT, "--lang", lang ? "en" : "fr" };
        int n = 3;
        for (int i = 0; args[i]; i++)
            argv[n++] = args[i];
        argv[n] = NULL;
        int rc = tr_run(argv, out, sizeof out, 60);
        cr_assert_eq(rc, 1, "exit status 1, not %d:\n%s", rc, out);
        const char *want = lang ? want_en : want_fr;
        cr_assert(strstr(out, want), "the message says \"%s\":\n%s", want, out);
        cr_assert(strstr(out, "plateau-report: "), "the message names the program:\n%s", out);
        tr_listing(dir, after, sizeof after);
        cr_assert_str_eq(after, before, "nothing written in %s", dir);
    }
}

static void sql(const char *db, const char *q)
{
    sqlite3 *h;
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, q, NULL, NULL, NULL), SQLITE_OK, "%s: %s", q, sqlite3_errmsg(h));
    sqlite3_close(h);
}

Test(bad_input, a_database_that_does_not_exist)
{
    char dir[256], db[300], out[300];
    tr_tmpdir(dir, sizeof dir);
    snprintf(db, sizeof db, "%s/nowhere.db", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    const char *args[] = { "--db", db, "--out", out, NULL };
    refused(dir, "n'existe pas", "does not exist", args);
    cr_assert_not(tr_exists(db), "no database was created");
    tr_rmtree(dir);
}

Test(bad_input, a_file_that_is_not_a_database_of_plateau)
{
    char dir[256], path[300], out[300];
    tr_tmpdir(dir, sizeof dir);
    snprintf(out, sizeof out, "%s/out", dir);
    const char *args[] = { "--db", path, "--out", out, NULL };
    /* a text file, an empty file, another program's SQLite database */
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    FILE *f = fopen(path, "w");
    fputs("this is not a database\n", f);
    fclose(f);
    refused(dir, "n'est pas une base de plateau-server", "is not a database of plateau-server", args);
    snprintf(path, sizeof path, "%s/empty.db", dir);
    fclose(fopen(path, "w"));
    refused(dir, "n'est pas une base de plateau-server", "is not a database of plateau-server", args);
    snprintf(path, sizeof path, "%s/other.db", dir);
    sql(path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES('x')");
    refused(dir, "n'est pas une base de plateau-server", "is not a database of plateau-server", args);
    tr_rmtree(dir);
}

Test(bad_input, a_database_of_a_newer_version, .timeout = 60)
{
    char dir[256], db[300], out[300];
    make_db(dir, sizeof dir, db, sizeof db);
    snprintf(out, sizeof out, "%s/out", dir);
    const char *args[] = { "--db", db, "--out", out, NULL };
    sql(db, "UPDATE meta SET value='99' WHERE key='state_hash_version'");
    refused(dir, "plus récent", "newer plateau-server (state hash version 99", args);
    sql(db, "UPDATE meta SET value='2' WHERE key='state_hash_version'; PRAGMA user_version=7");
    refused(dir, "plus récente", "newer layout (schema version 7", args);
    sql(db, "PRAGMA user_version=0");
    char msg[8192];
    cr_assert_eq(tr_report(msg, sizeof msg, "--db", db, "--out", out, "--quiet", NULL), 0, "then it reads:\n%s", msg);
    tr_rmtree(dir);
}

/* WAL readers: a connection holding the database's write lock (a server in the middle of a commit,
 * or one that keeps it) does not stop the report */
Test(bad_input, a_database_locked_by_a_writer_is_still_read, .timeout = 60)
{
    char dir[256], db[300], out[300], msg[8192];
    make_db(dir, sizeof dir, db, sizeof db);
    snprintf(out, sizeof out, "%s/out", dir);
    sqlite3 *h;
    cr_assert_eq(sqlite3_open(db, &h), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(h, "PRAGMA journal_mode=WAL; BEGIN EXCLUSIVE; DELETE FROM moves WHERE table_id=1;", NULL,
                              NULL, NULL),
                 SQLITE_OK, "%s", sqlite3_errmsg(h));
    cr_assert_eq(tr_report(msg, sizeof msg, "--db", db, "--out", out, "--lang", "en", NULL), 0, "%s", msg);
    char p[400];
    snprintf(p, sizeof p, "%s/moves.csv", out);
    tr_csv_t c;
    cr_assert_eq(tr_csv_read(p, &c), 0);
    cr_assert_gt(c.n_rows, 10, "the committed moves were read, not the writer's uncommitted deletion");
    tr_csv_free(&c);
    sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(h);
    tr_rmtree(dir);
}

Test(bad_input, a_table_that_does_not_exist_or_has_not_ended, .timeout = 60)
{
    char dir[256], db[300], out[300];
    make_db(dir, sizeof dir, db, sizeof db);
    snprintf(out, sizeof out, "%s/out", dir);
    const char *none[] = { "--db", db, "--table", "99", "--out", out, NULL };
    refused(dir, "la table 99 n'existe pas", "table 99 does not exist", none);
    const char *open[] = { "--db", db, "--table", "2", "--out", out, NULL };
    refused(dir, "la table 2 n'est pas finie", "table 2 has not ended", open);
    const char *both[] = { "--db", db, "--table", "1", "--table", "2", "--out", out, NULL };
    refused(dir, "la table 2 n'est pas finie", "table 2 has not ended", both);
    /* a day none of whose tables has ended */
    sql(db, "DELETE FROM moves WHERE table_id=1; DELETE FROM tables WHERE id=1");
    const char *day[] = { "--db", db, "--day", "--out", out, NULL };
    refused(dir, "aucune table", "no table of", day);
    const char *other_day[] = { "--db", db, "--day", "--date", "2001-01-01", "--out", out, NULL };
    refused(dir, "aucune table créée le 2001-01-01", "no table created on 2001-01-01", other_day);
    tr_rmtree(dir);
}

Test(bad_input, a_log_that_does_not_replay_or_a_game_not_found, .timeout = 60)
{
    char dir[256], db[300], out[300], empty[300];
    make_db(dir, sizeof dir, db, sizeof db);
    snprintf(out, sizeof out, "%s/out", dir);
    snprintf(empty, sizeof empty, "%s/no-games", dir);
    mkdir(empty, 0755);
    const char *nogame[] = { "--db", db, "--table", "1", "--games", empty, "--out", out, NULL };
    refused(dir, "n'est dans aucun des dossiers", "is in none of the folders", nogame);
    sql(db, "UPDATE moves SET arg=9999, type=1 WHERE table_id=1 AND seq=3");
    const char *bad[] = { "--db", db, "--table", "1", "--out", out, NULL };
    refused(dir, "ne se rejoue pas", "does not replay", bad);
    tr_rmtree(dir);
}

Test(bad_input, an_output_folder_that_cannot_be_written, .timeout = 60)
{
    char dir[256], db[300], out[400], file[300], other[300];
    make_db(dir, sizeof dir, db, sizeof db);
    /* under a file */
    snprintf(file, sizeof file, "%s/a-file", dir);
    fclose(fopen(file, "w"));
    snprintf(out, sizeof out, "%s/report", file);
    const char *under_file[] = { "--db", db, "--out", out, NULL };
    refused(dir, "impossible d'écrire le rapport", "cannot write the report", under_file);
    /* the file itself */
    const char *a_file[] = { "--db", db, "--out", file, NULL };
    refused(dir, "est un fichier", "is a file", a_file);
    /* a folder of the system nobody may write, even root */
    const char *sys[] = { "--db", db, "--out", "/sys/plateau-report-test", NULL };
    refused(dir, "impossible d'écrire le rapport dans /sys", "cannot write the report in /sys", sys);
    cr_assert_not(tr_exists("/sys/plateau-report-test"));
    /* a folder of other files is not replaced */
    snprintf(other, sizeof other, "%s/documents", dir);
    mkdir(other, 0755);
    char keep[400];
    snprintf(keep, sizeof keep, "%s/keep.txt", other);
    FILE *f = fopen(keep, "w");
    fputs("mine\n", f);
    fclose(f);
    const char *others[] = { "--db", db, "--out", other, NULL };
    refused(dir, "contient d'autres fichiers", "holds other files", others);
    char listing[1024];
    tr_listing(other, listing, sizeof listing);
    cr_assert_str_eq(listing, "keep.txt\n");
    if (geteuid() != 0) { /* a folder without write permission (root writes anyway) */
        char ro[300];
        snprintf(ro, sizeof ro, "%s/read-only", dir);
        mkdir(ro, 0555);
        snprintf(out, sizeof out, "%s/report", ro);
        const char *in_ro[] = { "--db", db, "--out", out, NULL };
        refused(dir, "impossible d'écrire le rapport", "cannot write the report", in_ro);
    }
    tr_rmtree(dir);
}

/* The disk fills up in the middle of the export: the folder is not there half-written, and no
 * temporary folder is left. */
Test(bad_input, a_write_that_fails_half_way_leaves_nothing, .timeout = 60)
{
    char dir[256], db[300], out[300];
    make_db(dir, sizeof dir, db, sizeof db);
    snprintf(out, sizeof out, "%s/out", dir);
    signal(SIGXFSZ, SIG_IGN); /* inherited: a write past the limit fails with EFBIG */
    struct rlimit rl = { 20000, 20000 };
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
    const char *args[] = { "--db", db, "--out", out, NULL };
    refused(dir, "impossible d'écrire", "cannot write", args);
    tr_rmtree(dir);
}

Test(bad_input, flags_are_checked)
{
    char out[8192];
    cr_assert_eq(tr_report(out, sizeof out, "--lang", "en", "--help", NULL), 0);
    cr_assert(strstr(out, "--db FILE") && strstr(out, "--save FILE") && strstr(out, "--out DIR"), "%s", out);
    cr_assert_eq(tr_report(out, sizeof out, "--version", NULL), 0);
    cr_assert(strstr(out, "plateau-report " PLATEAU_VERSION), "%s", out);
    const char *bad[][8] = {
        { "--db", "x.db", "--table", "abc", "--out", "o", NULL },
        { "--db", "x.db", "--table", "0", "--out", "o", NULL },
        { "--db", "x.db", "--table", "-3", "--out", "o", NULL },
        { "--db", "x.db", "--lang", "de", "--out", "o", NULL },
        { "--db", "x.db", "--date", "2026-13-01", "--out", "o", NULL },
        { "--db", "x.db", "--save", "y.save", "--out", "o", NULL },
        { "--db", "x.db", NULL },
        { "--out", "o", NULL },
        { "--db", "x.db", "--out", "o", "--bogus", NULL },
        { "--db", "x.db", "--out", "o", "stray", NULL },
        { "--db", "x.db", "--table", "1", "--day", "--out", "o", NULL },
        { "--save", "y.save", "--table", "1", "--out", "o", NULL },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *argv[12] = { TR_REPORT };
        int n = 1;
        for (int k = 0; bad[i][k]; k++)
            argv[n++] = bad[i][k];
        argv[n] = NULL;
        int rc = tr_run(argv, out, sizeof out, 30);
        cr_assert_eq(rc, 2, "case %zu: exit status 2:\n%s", i, out);
        cr_assert(strstr(out, "plateau-report: ") && strstr(out, "--help"), "case %zu names the problem:\n%s", i, out);
    }
    cr_assert_not(tr_exists("o"), "no output");
}
