/* test_console.c -- the facilitator's commands on a real server: a held table and its timers survive kill -9; the
 * facilitator's moves replay to the same hash; a team away gets a stand-in and its seat back; messages; bad input */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"
#include "proto/proto.h"
#include "ts_package.h"

#define SECRET "the facilitator's secret"

static json_t *ask(int fd, json_t *msg)
{
    json_t *m = ts_ask(fd, msg, 20000);
    cr_assert_not_null(m, "no answer");
    return m;
}

static void expect_type(json_t *m, const char *type)
{
    cr_assert_not_null(m, "no reply");
    cr_assert_str_eq(proto_type(m), type, "%s: %s", json_string_value(json_object_get(m, "code")),
                     json_string_value(json_object_get(m, "message")));
}

static void expect_error(json_t *m, const char *code)
{
    cr_assert_not_null(m, "no reply");
    cr_assert_str_eq(proto_type(m), "error", "not refused: %s", json_dumps(m, JSON_COMPACT));
    cr_assert_str_eq(json_string_value(json_object_get(m, "code")), code, "%s",
                     json_string_value(json_object_get(m, "message")));
    const char *why = json_string_value(json_object_get(m, "message"));
    cr_assert(why && *why, "a refusal says why");
    json_decref(m);
}

static void expect_ok(int fd, json_t *msg)
{
    json_t *r = ask(fd, msg);
    expect_type(r, "ok");
    cr_expect_eq(json_array_size(json_object_get(r, "refused")), 0, "refused: %s",
                 json_dumps(json_object_get(r, "refused"), JSON_COMPACT));
    json_decref(r);
}

static int boss(int port)
{
    int fd = ts_hello(port);
    cr_assert_geq(fd, 0);
    expect_ok(fd, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 1, "secret", SECRET));
    return fd;
}

static int create(int fd, const char *pkg, int seats)
{
    json_t *r = ask(fd, json_pack("{s:s,s:i,s:s,s:i}", "type", "create_table", "id", 2, "package", pkg, "seats", seats));
    expect_type(r, "ok");
    int t = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    return t;
}

/* a team takes a seat; its token goes to token */
static int seat_team(int port, int table, int seat, char *token, size_t len)
{
    int fd = ts_hello(port);
    json_t *r = ask(fd, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "join", "id", 3, "table", table, "seat", seat,
                                  "team", seat ? "Bleus" : "Rouges"));
    expect_type(r, "joined");
    snprintf(token, len, "%s", json_string_value(json_object_get(r, "token")));
    json_decref(r);
    json_t *snap = ts_recv_type(fd, "snapshot", 5000);
    cr_assert_not_null(snap);
    json_decref(snap);
    return fd;
}

static json_t *info_of(int fd, int table)
{
    json_t *r = ask(fd, json_pack("{s:s,s:i}", "type", "list_tables", "id", 9));
    json_t *arr = json_object_get(r, "tables"), *t;
    size_t i;
    json_array_foreach(arr, i, t)
        if (json_integer_value(json_object_get(t, "table")) == table) {
            json_incref(t);
            json_decref(r);
            return t;
        }
    json_decref(r);
    cr_assert_fail("table %d not listed", table);
    return NULL;
}

static json_t *move(int fd, int table, const char *type, int arg)
{
    return ask(fd, json_pack("{s:s,s:i,s:i,s:{s:s,s:i}}", "type", "move", "id", 5, "table", table, "move", "type",
                             type, "arg", arg));
}

/* the next clock message whose kind is kind (and, when paused >= 0, paused is that) */
static json_t *next_clock(int fd, const char *kind, int paused)
{
    for (int i = 0; i < 20; i++) {
        json_t *m = ts_recv_type(fd, "clock", 5000);
        if (!m)
            return NULL;
        json_t *k = json_object_get(m, "clock");
        if (!strcmp(json_string_value(json_object_get(k, "kind")), kind) &&
            (paused < 0 || json_is_true(json_object_get(k, "paused")) == paused))
            return m;
        json_decref(m);
    }
    return NULL;
}

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

Test(console, every_command_wants_the_facilitator_and_good_values, .timeout = 90)
{
    ts_server_t s;
    cr_assert_eq(ts_start_with_secret(&s, SECRET, NULL), 0);
    int b = boss(s.port);
    int t = create(b, "example-minimal", 2);
    char tok[128];
    int a = seat_team(s.port, t, 0, tok, sizeof tok);
    /* a seated team, an observer, a stranger: none of them is the facilitator */
    const char *cmds[] = { "pause", "set_timer", "say", "seat_mode", "reveal", "place", "end_game" };
    int stranger = ts_hello(s.port);
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        expect_error(ask(a, json_pack("{s:s,s:i,s:i}", "type", cmds[i], "id", 10, "table", t)), PROTO_E_FORBIDDEN);
        expect_error(ask(stranger, json_pack("{s:s,s:i,s:i}", "type", cmds[i], "id", 11, "table", t)),
                     PROTO_E_FORBIDDEN);
    }
    expect_error(ask(stranger, json_pack("{s:s,s:i,s:s}", "type", "facilitator", "id", 12, "secret", "guess")),
                 PROTO_E_FORBIDDEN);
    expect_error(ask(stranger, json_pack("{s:s,s:i,s:i,s:b}", "type", "pause", "id", 13, "table", t, "on", 1)),
                 PROTO_E_FORBIDDEN);
    /* a team cannot make the facilitator's moves either */
    expect_error(move(a, t, "pause", 1), PROTO_E_FORBIDDEN);
    expect_error(move(a, t, "end", 0), PROTO_E_FORBIDDEN);
    expect_error(move(a, t, "reveal", 0), PROTO_E_FORBIDDEN);
    /* unknown tables, out-of-range values */
    expect_error(ask(b, json_pack("{s:s,s:i,s:i}", "type", "pause", "id", 20, "table", 999)), PROTO_E_UNKNOWN_TABLE);
    expect_error(ask(b, json_pack("{s:s,s:i,s:[i,i]}", "type", "pause", "id", 21, "tables", t, 999)),
                 PROTO_E_UNKNOWN_TABLE);
    expect_error(ask(b, json_pack("{s:s,s:i}", "type", "pause", "id", 22)), PROTO_E_UNKNOWN_TABLE);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:s}", "type", "pause", "id", 23, "table", t, "on", "yes")),
                 PROTO_E_BAD_REQUEST);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:i}", "type", "set_timer", "id", 24, "table", t, "turn", -1)),
                 PROTO_E_BAD_REQUEST);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:I}", "type", "set_timer", "id", 25, "table", t, "vote",
                                  (json_int_t)100000000)), PROTO_E_BAD_REQUEST);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i}", "type", "set_timer", "id", 26, "table", t)), PROTO_E_BAD_REQUEST);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:s}", "type", "say", "id", 27, "table", t, "text", "")),
                 PROTO_E_BAD_REQUEST);
    char longer[400];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = 0;
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:s}", "type", "say", "id", 28, "table", t, "text", longer)),
                 PROTO_E_BAD_REQUEST);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:s}", "type", "say", "id", 29, "table", t, "text", "a\xe2\x80\xae" "b")),
                 PROTO_E_BAD_REQUEST);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "seat_mode", "id", 30, "table", t, "seat", 9,
                                  "mode", "bot")), PROTO_E_BAD_REQUEST);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "seat_mode", "id", 31, "table", t, "seat", 0,
                                  "mode", "robot")), PROTO_E_BAD_REQUEST);
    pl_ruleset_t *rs = ts_package("example-minimal");
    cr_assert(rs);
    int action = pl_ruleset_card(rs, "a-spaser");
    cr_assert_geq(action, 0);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:i,s:i}", "type", "reveal", "id", 32, "table", t, "seat", 0, "card",
                                  action)), "bad_move");
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:i,s:i}", "type", "reveal", "id", 33, "table", t, "seat", 0, "card",
                                  60000)), "bad_move");
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:i}", "type", "reveal", "id", 34, "table", t, "seat", 0)),
                 PROTO_E_BAD_REQUEST);
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:i,s:i}", "type", "place", "id", 35, "table", t, "seat", 0, "space",
                                  500)), "bad_move");
    expect_error(ask(b, json_pack("{s:s,s:i,s:i,s:i,s:i}", "type", "place", "id", 36, "table", t, "seat", 5, "space",
                                  1)), PROTO_E_BAD_REQUEST);
    pl_ruleset_destroy(rs);
    /* nothing of it changed the table, which plays on */
    json_t *info = info_of(b, t);
    cr_expect_eq(json_integer_value(json_object_get(info, "seq")), 0);
    cr_expect(json_is_false(json_object_get(info, "paused")));
    json_decref(info);
    json_t *r = move(a, t, "roll", 0);
    expect_type(r, "ok");
    json_decref(r);
    close(a);
    close(b);
    close(stranger);
    ts_stop(&s);
    ts_cleanup(&s);
}

Test(console, a_held_table_and_its_timers_survive_kill_9, .timeout = 120)
{
    ts_server_t s;
    cr_assert_eq(ts_start_with_secret(&s, SECRET, NULL), 0);
    int b = boss(s.port);
    int t = create(b, "example-minimal", 2);
    char tok0[128], tok1[128];
    int a = seat_team(s.port, t, 0, tok0, sizeof tok0), c = seat_team(s.port, t, 1, tok1, sizeof tok1);
    expect_ok(b, json_pack("{s:s,s:i,s:i,s:i,s:i}", "type", "set_timer", "id", 40, "table", t, "turn", 2, "vote", 3));
    json_t *clock = next_clock(a, "turn", 0);
    cr_assert_not_null(clock, "every screen hears the turn clock");
    cr_expect_eq(json_integer_value(json_object_get(json_object_get(clock, "clock"), "seconds")), 2);
    json_decref(clock);
    clock = next_clock(c, "turn", 0);
    cr_assert_not_null(clock, "the other team's screen too");
    json_decref(clock);
    expect_ok(b, json_pack("{s:s,s:i,s:i,s:b}", "type", "pause", "id", 41, "table", t, "on", 1));
    clock = next_clock(a, "turn", 1);
    cr_assert_not_null(clock, "the clock stops where it is");
    cr_expect_gt(json_integer_value(json_object_get(json_object_get(clock, "clock"), "left_ms")), 0);
    json_decref(clock);
    expect_error(move(a, t, "roll", 0), "paused");
    expect_error(move(c, t, "roll", 0), "paused");
    sleep_ms(2600); /* longer than the turn timer: nothing fires while the table is held */
    json_t *info = info_of(b, t);
    uint32_t seq = (uint32_t)json_integer_value(json_object_get(info, "seq"));
    cr_expect_eq(seq, 1, "only the hold was logged: %u moves", seq);
    json_decref(info);
    close(a);
    close(c);
    close(b);

    ts_kill9(&s);
    cr_assert_eq(ts_restart(&s, s.extra), 0);
    b = boss(s.port);
    info = info_of(b, t);
    cr_expect(json_is_true(json_object_get(info, "paused")), "still held after the restart");
    cr_expect_eq(json_integer_value(json_object_get(info, "timer")), 2, "the turn timer was kept");
    cr_expect_eq(json_integer_value(json_object_get(info, "vote_timer")), 3, "the vote timer was kept");
    json_decref(info);
    a = ts_hello(s.port);
    json_t *r = ask(a, json_pack("{s:s,s:i,s:s}", "type", "rejoin", "id", 42, "token", tok0));
    expect_type(r, "joined");
    json_decref(r);
    json_t *snap = ts_recv_type(a, "snapshot", 5000);
    cr_assert_not_null(snap);
    cr_expect_eq(json_integer_value(json_object_get(json_object_get(snap, "view"), "paused")), 1,
                 "the view says the table is held");
    json_decref(snap);
    expect_error(move(a, t, "roll", 0), "paused");
    /* let go: the turn timer runs again and fires as before the restart */
    expect_ok(b, json_pack("{s:s,s:i,s:i,s:b}", "type", "pause", "id", 43, "table", t, "on", 0));
    json_t *timeout = NULL;
    for (int i = 0; i < 20 && !timeout; i++) {
        json_t *u = ts_recv_type(a, "update", 6000);
        cr_assert_not_null(u, "no update after the hold");
        const char *mt = json_string_value(json_object_get(json_object_get(u, "move"), "type"));
        if (mt && !strcmp(mt, "timeout"))
            timeout = u;
        else
            json_decref(u);
    }
    cr_assert_not_null(timeout, "the turn timer fired after the table was let go");
    json_decref(timeout);
    close(a);
    close(b);
    ts_stop(&s);
    ts_cleanup(&s);
}

static const char *last_state_hash(int fd, int table)
{
    static char hash[32];
    json_t *r = ask(fd, json_pack("{s:s,s:i,s:i,s:s}", "type", "watch", "id", 60, "table", table, "as", "facilitator"));
    expect_type(r, "joined");
    json_decref(r);
    json_t *snap = ts_recv_type(fd, "snapshot", 5000);
    cr_assert_not_null(snap);
    snprintf(hash, sizeof hash, "%s", json_string_value(json_object_get(snap, "state_hash")));
    json_decref(snap);
    r = ask(fd, json_pack("{s:s,s:i,s:i}", "type", "leave", "id", 61, "table", table));
    json_decref(r);
    return hash;
}

Test(console, reveals_votes_placements_and_an_ended_game_replay_to_the_same_hash, .timeout = 120)
{
    pl_ruleset_t *rs = ts_package("example-minimal");
    cr_assert(rs);
    int event = pl_ruleset_card(rs, "ev-budget-cut"), quote = pl_ruleset_card(rs, "vb-local");
    int space = pl_ruleset_space(rs, "ct-payment");
    cr_assert(event >= 0 && quote >= 0 && space >= 0);
    ts_server_t s;
    cr_assert_eq(ts_start_with_secret(&s, SECRET, NULL), 0);
    int b = boss(s.port);
    int t = create(b, "example-minimal", 2);
    char tok0[128], tok1[128];
    int a = seat_team(s.port, t, 0, tok0, sizeof tok0), c = seat_team(s.port, t, 1, tok1, sizeof tok1);
    json_t *r = ask(b, json_pack("{s:s,s:i,s:i,s:i,s:i}", "type", "reveal", "id", 50, "table", t, "seat", 1, "card",
                                 event));
    expect_type(r, "ok");
    json_decref(r);
    json_t *u = ts_recv_type(a, "update", 5000);
    cr_assert_not_null(u);
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(u, "move"), "type")), "reveal",
                     "the teams see the facilitator's move");
    json_decref(u);
    /* a quote put to the vote: both teams vote, the table plays on */
    r = ask(b, json_pack("{s:s,s:i,s:i,s:i}", "type", "reveal", "id", 51, "table", t, "card", quote));
    expect_type(r, "ok");
    json_decref(r);
    r = move(a, t, "vote", 0);
    expect_type(r, "ok");
    json_decref(r);
    r = move(c, t, "vote", 1);
    expect_type(r, "ok");
    json_decref(r);
    r = ask(b, json_pack("{s:s,s:i,s:i,s:i,s:i}", "type", "place", "id", 52, "table", t, "seat", 1, "space", space));
    expect_type(r, "ok");
    json_decref(r);
    r = move(a, t, "roll", 0);
    expect_type(r, "ok");
    json_decref(r);
    expect_error(ask(a, json_pack("{s:s,s:i,s:i}", "type", "table_log", "id", 54, "table", t)), PROTO_E_FORBIDDEN);
    r = ask(b, json_pack("{s:s,s:i,s:i}", "type", "end_game", "id", 53, "table", t));
    expect_type(r, "ok");
    json_decref(r);
    /* the game over, its log is anyone's: the debrief hides nothing then */
    r = ask(a, json_pack("{s:s,s:i,s:i}", "type", "table_log", "id", 55, "table", t));
    expect_type(r, "table_log");
    cr_expect(json_is_true(json_object_get(r, "over")));
    cr_expect_str_eq(json_string_value(json_array_get(json_object_get(r, "teams"), 1)), "Bleus");
    cr_expect_eq(json_array_size(json_object_get(r, "moves")), json_integer_value(json_object_get(r, "moves_total")));
    json_decref(r);
    expect_error(move(c, t, "roll", 0), "game_over");
    json_t *info = info_of(b, t);
    cr_expect(json_is_true(json_object_get(info, "over")), "the game ended with its scores");
    json_decref(info);
    char before[32];
    snprintf(before, sizeof before, "%s", last_state_hash(b, t));
    close(a);
    close(c);
    close(b);
    ts_kill9(&s);
    cr_assert_eq(ts_restart(&s, s.extra), 0);
    b = boss(s.port);
    info = info_of(b, t);
    cr_expect(json_is_false(json_object_get(info, "broken")), "the log replays");
    json_decref(info);
    cr_expect_str_eq(last_state_hash(b, t), before, "the replayed table is the same");
    close(b);
    ts_stop(&s);
    ts_cleanup(&s);
    pl_ruleset_destroy(rs);
}

/* the next TABLE-INFO pushed about table t whose standins list has n seats */
static json_t *wait_standins(int fd, int t, size_t n, int ms)
{
    for (int waited = 0; waited < ms;) {
        json_t *m = ts_recv_type(fd, "table", 500);
        waited += 500;
        if (!m)
            continue;
        json_t *info = json_object_get(m, "info");
        if (json_integer_value(json_object_get(info, "table")) == t &&
            json_array_size(json_object_get(info, "standins")) == n) {
            json_incref(info);
            json_decref(m);
            return info;
        }
        json_decref(m);
    }
    return NULL;
}

Test(console, a_team_away_gets_a_stand_in_and_its_seat_back, .timeout = 120)
{
    ts_server_t s;
    cr_assert_eq(ts_start_with_secret(&s, SECRET, NULL), 0);
    int b = boss(s.port);
    json_t *r = ask(b, json_pack("{s:s,s:i,s:s,s:i,s:i}", "type", "create_table", "id", 70, "package",
                                 "example-minimal", "seats", 2, "standin_after", 1));
    expect_type(r, "ok");
    int t = (int)json_integer_value(json_object_get(r, "table"));
    json_decref(r);
    expect_ok(b, json_pack("{s:s,s:i}", "type", "watch_lobby", "id", 71));
    char tok0[128], tok1[128];
    int a = seat_team(s.port, t, 0, tok0, sizeof tok0), c = seat_team(s.port, t, 1, tok1, sizeof tok1);
    close(a); /* team 1's laptop is gone */
    json_t *info = wait_standins(b, t, 1, 8000);
    cr_assert_not_null(info, "no stand-in for the team away");
    cr_expect_eq(json_integer_value(json_array_get(json_object_get(info, "standins"), 0)), 0);
    json_decref(info);
    /* seat 0 was to play: its stand-in played, now seat 1 can */
    json_t *u = ts_recv_type(c, "update", 5000);
    cr_assert_not_null(u, "the stand-in played");
    json_decref(u);
    for (int i = 0; i < 30; i++) { /* seat 1's turn, whatever seat 0's bot did */
        info = info_of(b, t);
        int awaited = (int)json_integer_value(json_object_get(info, "awaited"));
        json_decref(info);
        if (awaited & 2)
            break;
        sleep_ms(100);
    }
    int acted = 0; /* a roll, or the vote or choice the bot's move left open */
    const char *tries[] = { "roll", "vote", "choose" };
    for (int i = 0; i < 3 && !acted; i++) {
        r = move(c, t, tries[i], 0);
        acted = !strcmp(proto_type(r), "ok");
        json_decref(r);
    }
    cr_expect(acted, "the team at the table played on");
    /* the team comes back: its seat is its own */
    a = ts_hello(s.port);
    r = ask(a, json_pack("{s:s,s:i,s:s}", "type", "rejoin", "id", 72, "token", tok0));
    expect_type(r, "joined");
    json_decref(r);
    info = wait_standins(b, t, 0, 8000);
    cr_assert_not_null(info, "the stand-in did not stop");
    json_decref(info);
    /* the facilitator gives seat 1 to the computer, then back */
    expect_ok(b, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "seat_mode", "id", 73, "table", t, "seat", 1, "mode", "bot"));
    for (int i = 0; i < 50; i++) {
        info = info_of(b, t);
        int awaited = (int)json_integer_value(json_object_get(info, "awaited"));
        json_decref(info);
        if (!(awaited & 2))
            break;
        sleep_ms(50);
    }
    info = info_of(b, t);
    cr_expect_str_eq(json_string_value(json_array_get(json_object_get(info, "seat_modes"), 1)), "bot");
    json_decref(info);
    r = move(c, t, "roll", 0);
    cr_assert_str_eq(proto_type(r), "error");
    cr_expect(strstr(json_string_value(json_object_get(r, "message")), "computer"), "%s",
              json_string_value(json_object_get(r, "message")));
    json_decref(r);
    expect_ok(b, json_pack("{s:s,s:i,s:i,s:i,s:s}", "type", "seat_mode", "id", 74, "table", t, "seat", 1, "mode", "team"));
    close(a);
    close(c);
    close(b);
    ts_stop(&s);
    ts_cleanup(&s);
}

Test(console, a_message_reaches_every_screen_and_is_kept, .timeout = 90)
{
    ts_server_t s;
    cr_assert_eq(ts_start_with_secret(&s, SECRET, NULL), 0);
    int b = boss(s.port);
    int t1 = create(b, "example-minimal", 2), t2 = create(b, "example-minimal", 2);
    char tok[128];
    int a = seat_team(s.port, t1, 0, tok, sizeof tok), c = seat_team(s.port, t2, 0, tok, sizeof tok);
    expect_ok(b, json_pack("{s:s,s:i,s:b,s:s}", "type", "say", "id", 80, "all", 1, "text", "Pause café : 10 minutes"));
    json_t *m1 = ts_recv_type(a, "message", 5000), *m2 = ts_recv_type(c, "message", 5000);
    cr_assert(m1 && m2, "both tables hear it");
    cr_expect_str_eq(json_string_value(json_object_get(m1, "text")), "Pause café : 10 minutes");
    json_decref(m1);
    json_decref(m2);
    expect_ok(b, json_pack("{s:s,s:i,s:i,s:s}", "type", "say", "id", 81, "table", t2, "text", "Table 2 : dernier tour"));
    cr_expect_null(ts_recv_type(a, "message", 600), "table 1 does not hear table 2's message");
    m2 = ts_recv_type(c, "message", 5000);
    cr_assert_not_null(m2);
    json_decref(m2);
    close(a);
    close(c);
    close(b);
    ts_kill9(&s);
    cr_assert_eq(ts_restart(&s, s.extra), 0);
    int w = ts_hello(s.port);
    json_t *r = ask(w, json_pack("{s:s,s:i,s:i}", "type", "watch", "id", 82, "table", t2));
    expect_type(r, "joined");
    json_decref(r);
    json_t *m = ts_recv_type(w, "message", 5000);
    cr_assert_not_null(m, "a screen that comes later reads the last message");
    cr_expect_str_eq(json_string_value(json_object_get(m, "text")), "Table 2 : dernier tour");
    json_decref(m);
    close(w);
    ts_stop(&s);
    ts_cleanup(&s);
}
