/* test_seats.c -- seats over the wire: names given at creation, team codes, devices per seat, stale moves, the lobby
 * watched live, packages sent by content */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "harness.h"
#include "proto/proto.h"

static json_t *ask(int fd, json_t *msg)
{
    json_t *m = ts_ask(fd, msg, 20000);
    cr_assert_not_null(m, "no answer");
    return m;
}

static void expect_error(json_t *m, const char *code)
{
    cr_assert_str_eq(proto_type(m), "error");
    cr_assert_str_eq(json_string_value(json_object_get(m, "code")), code, "%s",
                     json_string_value(json_object_get(m, "message")));
}

static void expect_type(json_t *m, const char *type)
{
    cr_assert_str_eq(proto_type(m), type, "%s: %s", json_string_value(json_object_get(m, "code")),
                     json_string_value(json_object_get(m, "message")));
}

/* the next pushed `table` message about table t (skipping snapshots, updates, other tables) */
static json_t *next_info(int fd, int t)
{
    for (int i = 0; i < 20; i++) {
        json_t *m = ts_recv_type(fd, "table", 5000);
        cr_assert_not_null(m, "no table message pushed");
        json_t *info = json_object_get(m, "info");
        if (json_integer_value(json_object_get(info, "table")) == t) {
            json_incref(info);
            json_decref(m);
            return info;
        }
        json_decref(m);
    }
    cr_assert_fail("no table message about table %d", t);
    return NULL;
}

static int seat_devices(json_t *info, int seat)
{
    return (int)json_integer_value(json_array_get(json_object_get(info, "devices"), (size_t)seat));
}

Test(seats, names_codes_devices_and_stale_moves_over_the_wire, .timeout = 120)
{
    ts_server_t s;
    cr_assert_eq(ts_start_with_secret(&s, "facilitator secret", NULL), 0);
    int lobby = ts_hello(s.port), a = ts_hello(s.port);
    cr_assert(lobby >= 0 && a >= 0);
    json_t *r = ask(lobby, json_pack("{s:s,s:i}", "type", "watch_lobby", "id", 1));
    expect_type(r, "ok");
    json_decref(r);

    /* a name given at creation, checked like any team name */
    r = ask(a, json_pack("{s:s,s:i,s:s,s:i,s:[s,n]}", "type", "create_table", "id", 2, "package", "achats-durables",
                         "seats", 3, "teams", "Equipe\xe2\x80\xae" "Bleue"));
    expect_error(r, "bad_request");
    cr_expect(strstr(json_string_value(json_object_get(r, "message")), "U+202E"), "the rule is named");
    json_decref(r);
    r = ask(a, json_pack("{s:s,s:i,s:s,s:i,s:[s,n,n,n]}", "type", "create_table", "id", 3, "package",
                         "achats-durables", "seats", 3, "teams", "A", "B"));
    expect_error(r, "bad_request"); /* more names than seats */
    json_decref(r);
    r = ask(a, json_pack("{s:s,s:i,s:s,s:i,s:[s,n],s:[i]}", "type", "create_table", "id", 4, "package",
                         "achats-durables", "seats", 3, "teams", "Équipe Bleue", "bots", 2));
    expect_type(r, "ok");
    int t = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    json_t *info = next_info(lobby, t);
    cr_expect_str_eq(json_string_value(json_array_get(json_object_get(info, "teams"), 0)), "Équipe Bleue",
                     "the lobby hears of the table and its name at once");
    cr_expect(json_is_false(json_array_get(json_object_get(info, "taken"), 0)));
    cr_expect_eq(strlen(json_string_value(json_object_get(info, "package_hash"))), 64);
    json_decref(info);

    /* whoever takes the named seat plays under its name, and gets the seat's code */
    r = ask(a, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "join", "id", 5, "table", t, "seat", 0, "team", "Autre"));
    expect_type(r, "joined");
    char code[16], token_a[128];
    snprintf(code, sizeof code, "%s", json_string_value(json_object_get(r, "code")));
    snprintf(token_a, sizeof token_a, "%s", json_string_value(json_object_get(r, "token")));
    json_decref(r);
    cr_assert_eq(strlen(code), 6);
    cr_expect_eq(strspn(code, "ACDEFGHJKMNPQRTUVWXY34679"), 6, "a code has no look-alike characters: %s", code);
    info = next_info(lobby, t);
    cr_expect_str_eq(json_string_value(json_array_get(json_object_get(info, "teams"), 0)), "Équipe Bleue");
    cr_expect(json_is_true(json_array_get(json_object_get(info, "taken"), 0)));
    cr_expect_eq(seat_devices(info, 0), 1);
    json_decref(info);

    /* a wrong code is refused, a code typed in lower case is the code */
    int b = ts_hello(s.port);
    r = ask(b, json_pack("{s:s,s:i,s:s}", "type", "join_code", "id", 6, "code", "QQQQQQ"));
    expect_error(r, "bad_code");
    json_decref(r);
    r = ask(b, json_pack("{s:s,s:i,s:i}", "type", "join_code", "id", 7, "code", 42));
    expect_error(r, "bad_code");
    json_decref(r);
    char lower[16];
    for (int i = 0; i < 7; i++)
        lower[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ? code[i] + 32 : code[i]);
    r = ask(b, json_pack("{s:s,s:i,s:s}", "type", "join_code", "id", 8, "code", lower));
    expect_type(r, "joined");
    cr_expect_eq(json_integer_value(json_object_get(r, "seat")), 0);
    cr_expect_str_eq(json_string_value(json_object_get(r, "code")), code);
    cr_expect_str_neq(json_string_value(json_object_get(r, "token")), token_a, "each device has its own token");
    json_decref(r);
    info = next_info(lobby, t);
    cr_expect_eq(seat_devices(info, 0), 2, "the lobby sees the second device");
    json_decref(info);

    /* four devices follow one seat, a fifth is refused */
    int c = ts_hello(s.port), d = ts_hello(s.port), e = ts_hello(s.port);
    r = ask(c, json_pack("{s:s,s:i,s:s}", "type", "join_code", "id", 9, "code", code));
    expect_type(r, "joined");
    json_decref(r);
    r = ask(d, json_pack("{s:s,s:i,s:s}", "type", "join_code", "id", 10, "code", code));
    expect_type(r, "joined");
    json_decref(r);
    r = ask(e, json_pack("{s:s,s:i,s:s}", "type", "join_code", "id", 11, "code", code));
    expect_error(r, "seat_full");
    json_decref(r);
    r = ask(e, json_pack("{s:s,s:i,s:s}", "type", "rejoin", "id", 12, "token", token_a));
    expect_error(r, "seat_full"); /* a token is no way around it */
    json_decref(r);

    /* a move chosen on an older table is refused and changes nothing */
    r = ask(b, json_pack("{s:s,s:i,s:i,s:{s:s},s:i}", "type", "move", "id", 13, "table", t, "move", "type", "roll",
                         "seq", 999));
    expect_error(r, "stale");
    json_decref(r);
    r = ask(b, json_pack("{s:s,s:i,s:i,s:{s:s},s:s}", "type", "move", "id", 14, "table", t, "move", "type", "roll",
                         "seq", "0"));
    expect_error(r, "stale");
    json_decref(r);
    r = ask(lobby, json_pack("{s:s,s:i}", "type", "list_tables", "id", 15));
    json_t *first = json_array_get(json_object_get(r, "tables"), 0);
    cr_expect_eq(json_integer_value(json_object_get(first, "seq")), 0, "no move was applied");
    json_decref(r);

    /* a device that leaves is seen leaving */
    close(d);
    info = next_info(lobby, t);
    cr_expect_eq(seat_devices(info, 0), 3);
    json_decref(info);

    /* a deleted table is gone from the lobby */
    int boss = ts_hello(s.port);
    r = ask(boss, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 16, "secret", "facilitator secret"));
    expect_type(r, "ok");
    json_decref(r);
    r = ask(boss, json_pack("{s:s,s:i,s:i}", "type", "delete_table", "id", 17, "table", t));
    expect_type(r, "ok");
    json_decref(r);
    json_t *gone = ts_recv_type(lobby, "table_gone", 5000);
    cr_assert_not_null(gone, "lobby watchers hear that the table is gone");
    cr_expect_eq(json_integer_value(json_object_get(gone, "table")), t);
    json_decref(gone);
    /* and the code is no more */
    r = ask(e, json_pack("{s:s,s:i,s:s}", "type", "join_code", "id", 18, "code", code));
    expect_error(r, "bad_code");
    json_decref(r);

    /* watching the lobby stops when asked */
    r = ask(lobby, json_pack("{s:s,s:i,s:b}", "type", "watch_lobby", "id", 19, "on", 0));
    expect_type(r, "ok");
    json_decref(r);
    r = ask(a, json_pack("{s:s,s:i,s:s}", "type", "create_table", "id", 20, "package", "achats-durables"));
    expect_type(r, "ok");
    json_decref(r);
    cr_expect_null(ts_recv_type(lobby, "table", 500), "no more table messages after watch_lobby off");
    int fds[] = { lobby, a, b, c, e, boss };
    for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++)
        close(fds[i]);
    ts_stop(&s);
    ts_cleanup(&s);
}

static void write_file(const char *path, size_t size, int fill)
{
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "%s", path);
    for (size_t i = 0; i < size; i++)
        fputc(fill < 0 ? (int)(i * 7 % 251) : fill, f);
    cr_assert_eq(fclose(f), 0);
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    cr_assert(in && out, "%s -> %s", from, to);
    int ch;
    while ((ch = fgetc(in)) != EOF)
        fputc(ch, out);
    fclose(in);
    cr_assert_eq(fclose(out), 0);
}

Test(seats, packages_are_sent_by_content_and_large_ones_refused, .timeout = 90)
{
    /* a games folder of our own: the demo, and the demo with a 800 KB file beside it */
    char games[] = "/tmp/plateau-games-XXXXXX", path[256], to[256];
    cr_assert(mkdtemp(games));
    const char *pkgs[] = { "small", "big" };
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", games, pkgs[i]);
        cr_assert_eq(mkdir(path, 0700), 0);
        const char *files[] = { "game.xml", "actions.xml" };
        for (int k = 0; k < 2; k++) {
            snprintf(to, sizeof to, "%s/%s/%s", games, pkgs[i], files[k]);
            snprintf(path, sizeof path, "tests/fixtures/packages/demo/%s", files[k]);
            copy_file(path, to);
        }
    }
    snprintf(path, sizeof path, "%s/big/notes.txt", games);
    write_file(path, 800 * 1024, 'x');

    ts_server_t s;
    const char *extra[] = { "--games", games, NULL };
    cr_assert_eq(ts_start(&s, extra), 0);
    int fd = ts_hello(s.port);
    json_t *r = ask(fd, json_pack("{s:s,s:i}", "type", "list_packages", "id", 1));
    expect_type(r, "packages");
    char small_hash[80] = "";
    json_int_t big_size = 0;
    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(r, "packages"), i, p) {
        const char *id = json_string_value(json_object_get(p, "id"));
        if (!strcmp(id, "small"))
            snprintf(small_hash, sizeof small_hash, "%s", json_string_value(json_object_get(p, "hash")));
        if (!strcmp(id, "big"))
            big_size = json_integer_value(json_object_get(p, "size"));
    }
    json_decref(r);
    cr_assert_eq(strlen(small_hash), 64, "every package is listed with its hash");
    cr_expect_gt(big_size, 800 * 1024, "and its size");

    r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "get_package", "id", 2, "package", "small"));
    expect_type(r, "package");
    cr_expect_str_eq(json_string_value(json_object_get(r, "hash")), small_hash);
    json_t *files = json_object_get(r, "files");
    cr_expect_eq(json_array_size(files), 2);
    json_array_foreach(files, i, p) {
        const char *name = json_string_value(json_object_get(p, "name"));
        cr_expect(name && name[0] != '/' && !strstr(name, ".."), "relative names only");
        cr_expect_gt(strlen(json_string_value(json_object_get(p, "data"))), 100);
    }
    json_decref(r);
    r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "get_package", "id", 3, "package", "big"));
    expect_error(r, "package_too_large");
    json_decref(r);
    r = ask(fd, json_pack("{s:s,s:i,s:s}", "type", "get_package", "id", 4, "package", "../small"));
    expect_error(r, "unknown_package");
    json_decref(r);
    r = ask(fd, json_pack("{s:s,s:i}", "type", "get_package", "id", 5));
    expect_error(r, "unknown_package");
    json_decref(r);
    close(fd);
    ts_stop(&s);
    ts_cleanup(&s);
    const char *rm[] = { "small/game.xml", "small/actions.xml", "big/game.xml", "big/actions.xml", "big/notes.txt",
                         "small", "big", "", NULL };
    for (int k = 0; rm[k]; k++) {
        snprintf(path, sizeof path, "%s/%s", games, rm[k]);
        remove(path);
    }
}
