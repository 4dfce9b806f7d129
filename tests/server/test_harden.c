/* test_harden.c -- known answers of the server's hashes, older databases, failed writes, read-only files, names */
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"
#include "proto/proto.h"
#include "server.h"

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static json_t *ask(int fd, json_t *msg)
{
    json_t *m = ts_ask(fd, msg, 10000);
    cr_assert_not_null(m, "no answer");
    return m;
}

static void expect_error(json_t *m, const char *code, const char *says)
{
    cr_assert_not_null(m, "no reply");
    cr_assert_str_eq(proto_type(m), "error", "not an error: %s", json_dumps(m, JSON_COMPACT));
    const char *msg = json_string_value(json_object_get(m, "message"));
    cr_assert_str_eq(json_string_value(json_object_get(m, "code")), code, "%s", msg);
    cr_assert(msg && strlen(msg) > 0, "an error without a message");
    if (says)
        cr_assert(strstr(msg, says), "'%s' does not say '%s'", msg, says);
    json_decref(m);
}

static void expect_type(json_t *m, const char *type)
{
    cr_assert_not_null(m, "no reply");
    cr_assert_str_eq(proto_type(m), type, "%s: %s", json_string_value(json_object_get(m, "code")),
                     json_string_value(json_object_get(m, "message")));
}

static int create(int fd, json_int_t id, int seats)
{
    json_t *r = ask(fd, json_pack("{s:s,s:I,s:s,s:i}", "type", "create_table", "id", id, "package", "demo",
                                  "seats", seats));
    expect_type(r, "ok");
    int t = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    return t;
}

static json_t *join(int fd, json_int_t id, int table, int seat, const char *team)
{
    return ask(fd, json_pack("{s:s,s:I,s:i,s:i,s:s}", "type", "join", "id", id, "table", table, "seat", seat,
                             "team", team));
}

static json_t *tables(int fd, json_int_t id)
{
    json_t *r = ask(fd, json_pack("{s:s,s:I}", "type", "list_tables", "id", id));
    expect_type(r, "tables");
    return r;
}

/* ---- known answers: the hashes the server uses give the published values ---- */

static void hex_of(const uint8_t *b, size_t n, char *out)
{
    srv_hex(b, n, out);
}

Test(harden, sha256_of_seat_tokens_gives_the_fips_180_values)
{
    cr_assert_eq(srv_crypto_init(), 0);
    static const struct { const char *in, *out; } kat[] = {
        { "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
        { "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
        { "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
    };
    for (size_t i = 0; i < sizeof kat / sizeof kat[0]; i++) {
        uint8_t h[SRV_HASH_LEN];
        char hex[2 * SRV_HASH_LEN + 1];
        srv_token_hash(kat[i].in, h);
        hex_of(h, sizeof h, hex);
        cr_assert_str_eq(hex, kat[i].out, "SHA-256(\"%s\")", kat[i].in);
    }
    uint8_t a[SRV_HASH_LEN], b[SRV_HASH_LEN];
    srv_token_hash("1-0-00112233445566778899aabbccddeeff", a);
    srv_token_hash("1-0-00112233445566778899aabbccddeefe", b);
    cr_assert(srv_hash_equal(a, a));
    cr_assert_not(srv_hash_equal(a, b));
}

Test(harden, argon2id_of_the_facilitator_secret_checks_the_reference_vector)
{
    cr_assert_eq(srv_crypto_init(), 0);
    /* phc-winner-argon2's reference: argon2 somesalt -id -t 2 -m 16 -p 1, password "password" */
    char ref[SRV_PWHASH_LEN] = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    cr_assert(srv_secret_verify(ref, "password", 8));
    cr_assert_not(srv_secret_verify(ref, "passwore", 8));
    char mine[SRV_PWHASH_LEN] = { 0 };
    cr_assert_eq(srv_secret_hash("correct horse battery", 21, mine), 0);
    cr_assert(strncmp(mine, "$argon2id$v=19$", 15) == 0, "%s", mine);
    cr_assert(srv_secret_verify(mine, "correct horse battery", 21));
    cr_assert_not(srv_secret_verify(mine, "correct horse batterz", 21));
}

/* ---- a database written by the server before libsodium: plain SHA-256 hashes ---- */

/* The schema and rows the earlier plateau-server wrote (store.c before the archive columns). */
static void old_database(const char *path, const char *token, const char *secret)
{
    sqlite3 *db;
    uint8_t th[32], sh[32];
    char shex[65];
    crypto_hash_sha256(th, (const unsigned char *)token, strlen(token));
    crypto_hash_sha256(sh, (const unsigned char *)secret, strlen(secret));
    sodium_bin2hex(shex, sizeof shex, sh, sizeof sh);
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    const char *schema =
        "PRAGMA journal_mode=WAL;"
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE tables(id INTEGER PRIMARY KEY, package TEXT NOT NULL, seats INTEGER NOT NULL,"
        " seed INTEGER NOT NULL, bots INTEGER NOT NULL, timer INTEGER NOT NULL, created INTEGER NOT NULL);"
        "CREATE TABLE seats(table_id INTEGER NOT NULL, seat INTEGER NOT NULL, team TEXT NOT NULL,"
        " token_hash BLOB NOT NULL, PRIMARY KEY(table_id, seat)) WITHOUT ROWID;"
        "CREATE TABLE moves(table_id INTEGER NOT NULL, seq INTEGER NOT NULL, type INTEGER NOT NULL,"
        " seat INTEGER NOT NULL, arg INTEGER NOT NULL, hash INTEGER NOT NULL, PRIMARY KEY(table_id, seq)) WITHOUT ROWID;"
        "INSERT INTO meta VALUES('state_hash_version','2');"
        "INSERT INTO tables VALUES(1,'demo',2,4242,0,0,1700000000);";
    cr_assert_eq(sqlite3_exec(db, schema, NULL, NULL, NULL), SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_stmt *q;
    sqlite3_prepare_v2(db, "INSERT INTO seats VALUES(1,0,'Anciens',?)", -1, &q, NULL);
    sqlite3_bind_blob(q, 1, th, 32, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    sqlite3_prepare_v2(db, "INSERT INTO meta VALUES('facilitator_sha256',?)", -1, &q, NULL);
    sqlite3_bind_text(q, 1, shex, -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    sqlite3_close(db);
}

static int meta_has(const char *path, const char *key)
{
    sqlite3 *db;
    sqlite3_stmt *q;
    int found;
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_prepare_v2(db, "SELECT 1 FROM meta WHERE key=?", -1, &q, NULL);
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    found = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    sqlite3_close(db);
    return found;
}

static void remove_db(const ts_server_t *s)
{
    char p[200];
    const char *ext[] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", s->db, ext[i]);
        unlink(p);
    }
}

Test(harden, a_database_of_the_previous_release_opens_and_its_hashes_still_work, .timeout = 60)
{
    ts_server_t s;
    const char *token = "1-0-0123456789abcdef0123456789abcdef";
    cr_assert_eq(ts_start(&s, NULL), 0);
    ts_stop(&s);
    remove_db(&s);
    old_database(s.db, token, "old secret 42");
    cr_assert_eq(ts_restart(&s, NULL), 0, "the server refused the older database (log in %s)", s.log);
    int fd = ts_hello(s.port);
    json_t *r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "rejoin", "id", 1, "token", token));
    expect_type(r, "joined");
    cr_assert_eq(json_integer_value(json_object_get(r, "seat")), 0);
    json_decref(r);
    json_t *snap = ts_recv_type(fd, "snapshot", 5000);
    expect_type(snap, "snapshot");
    json_decref(snap);
    r = ask(fd, json_pack("{s:s,s:i,s:i,s:{s:s}}", "type", "move", "id", 2, "table", 1, "move", "type", "roll"));
    expect_type(r, "ok");
    json_decref(r);
    expect_error(ask(fd, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 3, "secret", "old secret 43")),
                 PROTO_E_FORBIDDEN, NULL);
    r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 4, "secret", "old secret 42"));
    expect_type(r, "ok");
    json_decref(r);
    close(fd);
    cr_assert_eq(ts_stop(&s), 0);
    /* the first login replaced the SHA-256 by an Argon2id hash */
    cr_assert(meta_has(s.db, "facilitator_argon2id"), "the secret's hash was not upgraded");
    cr_assert_not(meta_has(s.db, "facilitator_sha256"), "the plain SHA-256 of the secret is still stored");
    cr_assert_eq(ts_restart(&s, NULL), 0);
    fd = ts_hello(s.port);
    r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 5, "secret", "old secret 42"));
    expect_type(r, "ok");
    json_decref(r);
    json_t *list = tables(fd, 6);
    json_t *t0 = json_array_get(json_object_get(list, "tables"), 0);
    cr_assert_eq(json_integer_value(json_object_get(t0, "seq")), 1, "the move after the upgrade was lost");
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(t0, "teams"), 0)), "Anciens");
    json_decref(list);
    close(fd);
    ts_stop(&s);
    ts_cleanup(&s);
}

Test(harden, a_secret_file_may_hold_the_argon2id_string_instead_of_the_secret, .timeout = 60)
{
    char cmd[400], hash[SRV_PWHASH_LEN] = "";
    ts_server_t s;
    snprintf(cmd, sizeof cmd, "echo 'a long secret phrase' | %s/plateau-server --hash-secret", TS_BUILD);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    cr_assert_not_null(fgets(hash, sizeof hash, p));
    cr_assert_eq(pclose(p), 0);
    hash[strcspn(hash, "\n")] = 0;
    cr_assert(strncmp(hash, "$argon2id$", 10) == 0, "%s", hash);
    cr_assert_eq(ts_start_with_secret(&s, hash, NULL), 0);
    int fd = ts_hello(s.port);
    expect_error(ask(fd, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 1, "secret", hash)), PROTO_E_FORBIDDEN,
                 NULL);
    json_t *r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 2, "secret", "a long secret phrase"));
    expect_type(r, "ok");
    json_decref(r);
    close(fd);
    ts_stop(&s);
    ts_cleanup(&s);
}

/* ---- failed writes: nothing is acknowledged that is not stored ---- */

Test(harden, a_failed_write_gives_an_internal_error_and_acknowledges_nothing, .timeout = 60)
{
    ts_server_t s;
    char token[80];
    /* write 1: the first create_table; 3: the first join's seat; 5: the second join's code (its seat, write 4, is
     * rolled back with it); 8: the first move */
    setenv("PLATEAU_SERVER_FAIL_WRITES", "1,3,5,8", 1);
    int started = ts_start(&s, NULL);
    unsetenv("PLATEAU_SERVER_FAIL_WRITES");
    cr_assert_eq(started, 0);
    int fd = ts_hello(s.port);
    expect_error(ask(fd, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 1, "package", "demo", "seats", 2)),
                 PROTO_E_INTERNAL, "could not be recorded");
    json_t *list = tables(fd, 2);
    cr_assert_eq(json_array_size(json_object_get(list, "tables")), 0, "a table that was not stored is listed");
    json_decref(list);
    int t = create(fd, 3, 2);
    for (int attempt = 0; attempt < 2; attempt++) {
        json_t *r = join(fd, 4, t, 0, attempt ? "Deuxième" : "Première");
        cr_assert_null(json_object_get(r, "token"), "a token handed out that is not stored");
        expect_error(r, PROTO_E_INTERNAL, "could not be recorded");
        list = tables(fd, 5);
        cr_assert(json_is_null(json_array_get(json_object_get(json_array_get(json_object_get(list, "tables"), 0),
                                                              "teams"), 0)), "the seat of a failed join is taken");
        json_decref(list);
    }
    json_t *r = join(fd, 6, t, 0, "Seconde");
    expect_type(r, "joined");
    snprintf(token, sizeof token, "%s", json_string_value(json_object_get(r, "token")));
    json_decref(r);
    expect_error(ask(fd, json_pack("{s:s,s:i,s:i,s:{s:s}}", "type", "move", "id", 7, "table", t, "move", "type", "roll")),
                 PROTO_E_INTERNAL, "could not be recorded");
    r = ask(fd, json_pack("{s:s,s:i,s:i,s:{s:s}}", "type", "move", "id", 8, "table", t, "move", "type", "roll"));
    expect_type(r, "ok");
    cr_assert_eq(json_integer_value(json_object_get(r, "seq")), 1, "the failed move was counted");
    json_decref(r);
    close(fd);
    /* after a crash, the server holds exactly what it acknowledged */
    ts_kill9(&s);
    cr_assert_eq(ts_restart(&s, NULL), 0);
    fd = ts_hello(s.port);
    list = tables(fd, 9);
    json_t *arr = json_object_get(list, "tables");
    cr_assert_eq(json_array_size(arr), 1);
    json_t *t0 = json_array_get(arr, 0);
    cr_assert_eq(json_integer_value(json_object_get(t0, "table")), t);
    cr_assert_eq(json_integer_value(json_object_get(t0, "seq")), 1);
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(t0, "teams"), 0)), "Seconde");
    json_decref(list);
    r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "rejoin", "id", 10, "token", token));
    expect_type(r, "joined");
    json_decref(r);
    close(fd);
    ts_stop(&s);
    ts_cleanup(&s);
}

Test(harden, a_read_only_database_is_refused_at_start_with_a_clear_message, .timeout = 60)
{
    ts_server_t s;
    char listen[64], cmd[300];
    cr_assert_eq(ts_start(&s, NULL), 0);
    int fd = ts_hello(s.port);
    create(fd, 1, 2);
    close(fd);
    cr_assert_eq(ts_stop(&s), 0);
    cr_assert_eq(chmod(s.db, 0444), 0);
    cr_assert_eq(chmod(s.dir, 0755), 0);
    snprintf(listen, sizeof listen, "127.0.0.1:%d", s.port);
    pid_t pid = fork();
    if (pid == 0) {
        FILE *log = fopen(s.log, "a");
        if (log) {
            dup2(fileno(log), 2);
            dup2(fileno(log), 1);
        }
        /* root writes any file: the server runs as nobody, for whom the file is read-only */
        if (getuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(126);
        execl(TS_BUILD "/plateau-server", TS_BUILD "/plateau-server", "--listen", listen, "--db", s.db, "--games",
              "tests/fixtures/packages", (char *)NULL);
        _exit(127);
    }
    int st = 0;
    for (int i = 0; i < 1000 && waitpid(pid, &st, WNOHANG) == 0; i++) /* up to 20 s */
        sleep_ms(20);
    if (waitpid(pid, &st, WNOHANG) == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &st, 0);
        cr_assert_fail("the server started on a read-only database");
    }
    cr_assert(WIFEXITED(st) && WEXITSTATUS(st) == 1, "exit status %d", st);
    snprintf(cmd, sizeof cmd, "grep -q 'plateau.db is read-only' %s", s.log);
    cr_assert_eq(system(cmd), 0, "no clear message in the log (%s)", s.log);
    chmod(s.db, 0644);
    ts_cleanup(&s);
}

/* ---- team names ---- */

Test(harden, every_kind_of_bad_team_name_is_refused_with_its_reason, .timeout = 60)
{
    ts_server_t s;
    static const struct { const char *name, *says; } bad[] = {
        { "tab\there", "U+0009 is a control character" },
        { "del\x7f", "U+007F is a control character" },
        { "next\xc2\x85line", "U+0085 is a control character" },          /* C1 */
        { "csi\xc2\x9b", "U+009B is a control character" },
        { "evil\xe2\x80\xae" "txt", "U+202E is a bidirectional control" }, /* right-to-left override */
        { "iso\xe2\x81\xa6late", "U+2066 is a bidirectional control" },    /* left-to-right isolate */
        { "rlm\xe2\x80\x8f", "U+200F is a bidirectional control" },
        { "zero\xe2\x80\x8bwidth", "U+200B is an invisible formatting character" },
        { "join\xe2\x80\x8d", "U+200D is an invisible formatting character" },
        { "\xef\xbb\xbf" "bom", "U+FEFF is an invisible formatting character" },
        { "soft\xc2\xadhyphen", "U+00AD is an invisible formatting character" },
        { "line\xe2\x80\xa8sep", "U+2028 is a line or paragraph separator" },
        { "private\xee\x80\x80", "U+E000 is a private-use character" },
        { "unassigned\xcd\xb8x", "U+0378 is an unassigned code point" },
        { "   ", "at least one visible character" },
        { "", "1 to 32 bytes" },
        { "0123456789012345678901234567890123", "1 to 32 bytes" },
    };
    cr_assert_eq(ts_start(&s, NULL), 0);
    int fd = ts_hello(s.port);
    int t = create(fd, 1, 2);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_error(join(fd, (json_int_t)(10 + i), t, 0, bad[i].name), PROTO_E_BAD_REQUEST, bad[i].says);
    /* a decomposed name is stored composed (NFC): "Équipe" typed as E + U+0301 */
    json_t *r = join(fd, 2, t, 0, "E\xcc\x81quipe verte");
    expect_type(r, "joined");
    json_decref(r);
    r = join(fd, 3, t, 1, "Équipe rouge");
    expect_type(r, "joined");
    json_decref(r);
    json_t *list = tables(fd, 4);
    json_t *teams = json_object_get(json_array_get(json_object_get(list, "tables"), 0), "teams");
    cr_assert_str_eq(json_string_value(json_array_get(teams, 0)), "\xc3\x89quipe verte", "not NFC");
    cr_assert_str_eq(json_string_value(json_array_get(teams, 1)), "Équipe rouge");
    json_decref(list);
    close(fd);
    ts_stop(&s);
    ts_cleanup(&s);
}

/* ---- the programs' flags: getopt_long, strict numbers, a clear error ---- */

static int run_cmd(const char *cmd, char *out, size_t cap)
{
    char full[600];
    snprintf(full, sizeof full, "%s 2>&1", cmd);
    FILE *p = popen(full, "r");
    cr_assert_not_null(p);
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = 0;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

Test(harden, server_and_bot_refuse_bad_flags_with_a_clear_message)
{
    char out[4096], cmd[400];
    static const struct { const char *prog, *args, *says; } bad[] = {
        { "plateau-server", "--seed 3", "unknown option '--seed'" },
        { "plateau-server", "--max-tables abc", "--max-tables: 'abc' is not a whole number" },
        { "plateau-server", "--max-tables 10x", "--max-tables: '10x' is not a whole number" },
        { "plateau-server", "--rate 0", "--rate: '0' is not a whole number from 1" },
        { "plateau-server", "--sync sometimes", "--sync: 'sometimes' is full or normal" },
        { "plateau-server", "--db", "--db needs a value" },
        { "plateau-server", "stray", "unexpected argument 'stray'" },
        { "plateau-bot", "--tables abc", "--tables: 'abc' is not a whole number" },
        { "plateau-bot", "--seats 9", "--seats: '9' is not a whole number from 1 to 8" },
        { "plateau-bot", "--timeout", "--timeout needs a value" },
        { "plateau-bot", "--frobnicate", "unknown option '--frobnicate'" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        snprintf(cmd, sizeof cmd, "%s/%s %s", TS_BUILD, bad[i].prog, bad[i].args);
        cr_expect_eq(run_cmd(cmd, out, sizeof out), 2, "%s: %s", cmd, out);
        cr_expect(strstr(out, bad[i].says), "%s: %s", cmd, out);
    }
    snprintf(cmd, sizeof cmd, "%s/plateau-bot --help", TS_BUILD);
    cr_expect_eq(run_cmd(cmd, out, sizeof out), 0);
    cr_expect(strstr(out, "default example-minimal"), "%s", out);
    snprintf(cmd, sizeof cmd, "%s/plateau-server --help", TS_BUILD);
    cr_expect_eq(run_cmd(cmd, out, sizeof out), 0);
    cr_expect(strstr(out, "--tables-per-address"), "%s", out);
}

/* plateau-bot with no flag at all plays against plateau-server with none (its defaults: the
 * port, a package every server offers, the rules found from its own path, not the folder). */
Test(harden, plateau_bot_defaults_work_against_a_default_server, .timeout = 120)
{
    char dir[] = "/tmp/plateau-defaults-XXXXXX", cmd[800], out[8192];
    cr_assert_not_null(mkdtemp(dir));
    char cwd[512];
    cr_assert_not_null(getcwd(cwd, sizeof cwd));
    /* the server started from the source tree (its default ./game-data), the bot from elsewhere */
    int probe = ts_connect(7878);
    if (probe >= 0) {
        close(probe);
        cr_log_warn("port 7878 is in use on this machine: test skipped");
        rmdir(dir);
        return;
    }
    pid_t srv = fork();
    if (srv == 0) {
        char db[200], log[200];
        snprintf(db, sizeof db, "%s/plateau.db", dir);
        snprintf(log, sizeof log, "%s/server.log", dir);
        FILE *f = fopen(log, "w");
        if (f) {
            dup2(fileno(f), 2);
            dup2(fileno(f), 1);
        }
        execl(TS_BUILD "/plateau-server", TS_BUILD "/plateau-server", "--db", db, (char *)NULL);
        _exit(127);
    }
    int up = 0;
    for (int i = 0; i < 500 && !up; i++) {
        int fd = ts_connect(7878);
        if (fd >= 0) {
            close(fd);
            up = 1;
        } else
            sleep_ms(20);
    }
    cr_assert(up, "the default server did not start");
    snprintf(cmd, sizeof cmd, "cd %s && %s/%s/plateau-bot", dir, cwd, TS_BUILD);
    int rc = run_cmd(cmd, out, sizeof out);
    kill(srv, SIGTERM);
    int st;
    waitpid(srv, &st, 0);
    cr_assert_eq(rc, 0, "plateau-bot with its defaults failed:\n%s", out);
    cr_assert(strstr(out, "1 finished"), "%s", out);
    char p[300];
    const char *files[] = { "plateau.db", "plateau.db-wal", "plateau.db-shm", "server.log" };
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        unlink(p);
    }
    rmdir(dir);
}
