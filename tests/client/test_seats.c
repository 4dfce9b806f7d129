/* test_seats.c -- a real server on loopback: a table set up from the lobby's form, three devices on one team's seat,
 * team codes refused, a dropped device shown and back, a package fetched into an empty cache */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "client/link.h"
#include "client/table_util.h"
#include "helpers.h"

static const char *home;
static char dir[1024];
static int srv = -1, port;

static void setup(void)
{
    home = tc_isolate();
    cr_assert(home);
    cr_assert(realpath(home, dir));
    tc_sdl_up();
}

static void teardown(void)
{
    tc_server_kill(srv);
    srv = -1;
    tc_sdl_down();
    tc_rm_tree(home);
}

/* Several apps in one process: each SDL event goes to the app whose connection it belongs to;
 * keys and clicks go to `focus`. Runs until done() or ms. */
#define MAX_APPS 5
static pc_app_t *apps[MAX_APPS];
static int n_apps;

static int loop(int ms, pc_app_t *focus, int (*done)(void))
{
    return tc_loop_apps(apps, n_apps, ms, focus, done);
}

static pc_app_t *open_app(void)
{
    pc_app_t *a = tc_app(TC_SHIPPED, 1280, 720, 1);
    cr_assert(a);
    char addr[64];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
    pc_app_connect(a, addr);
    apps[n_apps++] = a;
    return a;
}

static void close_apps(void)
{
    for (int i = 0; i < n_apps; i++)
        pc_app_destroy(apps[i]);
    n_apps = 0;
}

static int all_ready(void)
{
    for (int i = 0; i < n_apps; i++)
        if (apps[i] && pc_conn_state(apps[i]->conn) != PC_NET_READY)
            return 0;
    return 1;
}

static pc_app_t *waited;
static int at_table(void) { return tc_at_table(waited) && pc_conn_can_move(waited->conn); }
static int all_at_table(void)
{
    for (int i = 0; i < n_apps; i++)
        if (!tc_at_table(apps[i]) || !pc_conn_can_move(apps[i]->conn))
            return 0;
    return 1;
}

static void type_text(const char *s)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_TEXTINPUT;
    snprintf(ev.text.text, sizeof ev.text.text, "%s", s);
    SDL_PushEvent(&ev);
}

/* click a button of app a (act, arg) and let every app run a little */
static void press(pc_app_t *a, int act, int arg)
{
    pc_app_draw(a);
    cr_assert(tc_click_arg(a, act, arg), "button %d (%d) is on screen %d", act, arg, a->scr.screen);
    loop(60, a, NULL);
}

Test(seats, a_table_from_the_lobby_form_with_named_teams_and_bots, .init = setup, .fini = teardown, .timeout = 60)
{
    srv = tc_server_start(dir, NULL, &port);
    cr_assert(srv > 0 && port > 0);
    pc_app_t *a = open_app();
    cr_assert(loop(10000, a, all_ready), "greeted");
    loop(300, a, NULL); /* the packages arrive */
    press(a, PC_ACT_CREATE_FORM, -1);
    cr_assert_eq(a->scr.screen, PC_SCREEN_CREATE);
    press(a, PC_ACT_FORM_SEATS, 3);
    press(a, PC_ACT_FIELD, PC_FIELD_TEAM0);
    type_text("Les Acheteurs");
    loop(50, a, NULL);
    press(a, PC_ACT_FORM_BOT, 1);
    press(a, PC_ACT_FIELD, PC_FIELD_TEAM0 + 2);
    type_text("Équipe Verte");
    loop(50, a, NULL);
    press(a, PC_ACT_FORM_TIMER, 90);
    press(a, PC_ACT_FORM_SUBMIT, -1);
    waited = a;
    cr_assert(loop(10000, a, at_table), "the creator sits at its table (%s)", a->scr.flash);
    pc_session_t *s = a->session;
    cr_expect_str_eq(s->team[0], "Les Acheteurs");
    cr_expect_str_eq(s->team[2], "Équipe Verte", "a name given to a free seat");
    cr_expect(pc_session_is_bot(s, 1) && !pc_session_is_bot(s, 0) && !pc_session_is_bot(s, 2));
    char name[96];
    pc_team_name(a, 1, 1, name, sizeof name);
    cr_expect(strstr(name, "(ordi)"), "the bot seat says so: %s", name);
    pc_team_name(a, 0, 1, name, sizeof name);
    cr_expect(!strstr(name, "(ordi)"), "a human seat is not called a bot: %s", name);
    cr_expect_eq(strlen(pc_conn_code(a->conn)), 6, "the seat shows its team code");

    /* a second device sees the table in its lobby, by itself, and takes the named free seat */
    pc_app_t *b = open_app();
    cr_assert(loop(10000, b, all_ready));
    const pc_table_info_t *t;
    int found = -1;
    for (int k = 0; k < 100 && found < 0; k++) {
        loop(30, b, NULL);
        int n = pc_conn_tables(b->conn, &t);
        for (int i = 0; i < n; i++)
            if (t[i].id == pc_conn_table(a->conn))
                found = i;
    }
    cr_assert_geq(found, 0, "the lobby lists the table");
    cr_expect_eq(t[found].timer, 90, "with its turn timer");
    cr_expect(t[found].bot[1] && t[found].taken[0] && !t[found].taken[2]);
    press(b, PC_ACT_SHOW_TABLE, t[found].id);
    press(b, PC_ACT_JOIN_SEAT, 2);
    waited = b;
    cr_assert(loop(10000, b, at_table), "the second device sits at seat 3 (%s)", b->scr.flash);
    cr_expect_eq(pc_conn_seat(b->conn), 2);
    cr_expect_str_eq(b->session->team[2], "Équipe Verte");

    /* its connection drops: the others see the seat dropped, then back */
    loop(300, NULL, NULL);
    cr_expect_eq(a->session->dropped & 4u, 0u);
    pc_conn_cut(b->conn);
    int dropped = 0, back = 0;
    for (int k = 0; k < 400 && !(dropped && back); k++) {
        loop(20, NULL, NULL);
        if (a->session->dropped & 4u)
            dropped = 1;
        else if (dropped)
            back = 1;
    }
    cr_expect(dropped, "a seat whose only device dropped is shown so");
    cr_expect(back, "and no longer once the device is back");
    pc_team_name(a, 2, 1, name, sizeof name);
    cr_expect_str_eq(name, "Équipe Verte");
    close_apps();
}

static uint32_t seq_of(pc_app_t *a) { return a->session ? a->session->st.seq : 0; }

static pc_app_t *wrong_code_app;
static int code_refused(void) { return strstr(wrong_code_app->scr.flash, "code") != NULL; }

Test(seats, three_devices_on_one_seat, .init = setup, .fini = teardown, .timeout = 90)
{
    srv = tc_server_start(dir, NULL, &port);
    cr_assert(srv > 0 && port > 0);
    pc_app_t *a = open_app();
    cr_assert(loop(10000, a, all_ready));
    pc_create_spec_t spec;
    memset(&spec, 0, sizeof spec);
    snprintf(spec.package, sizeof spec.package, "achats-durables");
    spec.seats = 2;
    spec.bots = 2u;
    spec.take = 0;
    snprintf(spec.team[0], sizeof spec.team[0], "Les Acheteurs");
    cr_assert(pc_conn_create(a->conn, &spec));
    waited = a;
    cr_assert(loop(10000, a, at_table));
    char code[16];
    snprintf(code, sizeof code, "%s", pc_conn_code(a->conn));
    cr_assert_eq(strlen(code), 6);

    /* a wrong code: a clear refusal, nothing else changes */
    pc_app_t *b = open_app();
    cr_assert(loop(10000, b, all_ready));
    snprintf(b->scr.code, sizeof b->scr.code, "QQQQQQ");
    press(b, PC_ACT_JOIN_CODE, -1);
    wrong_code_app = b;
    loop(10000, b, code_refused);
    cr_expect(strstr(b->scr.flash, "code"), "a wrong code is refused in words: %s", b->scr.flash);
    cr_expect_eq(b->scr.screen, PC_SCREEN_LOBBY);
    /* the right code, as read aloud (lower case, a space) */
    char spoken[16];
    snprintf(spoken, sizeof spoken, "%c%c%c %c%c%c", code[0] + 32 * (code[0] >= 'A'), code[1], code[2], code[3], code[4], code[5]);
    snprintf(b->scr.code, sizeof b->scr.code, "%s", spoken);
    press(b, PC_ACT_JOIN_CODE, -1);
    pc_app_t *c = open_app();
    cr_assert(loop(10000, c, all_ready));
    snprintf(c->scr.code, sizeof c->scr.code, "%s", code);
    press(c, PC_ACT_JOIN_CODE, -1);
    cr_assert(loop(10000, NULL, all_at_table), "three devices at the table");
    for (int i = 0; i < 3; i++) {
        cr_expect_eq(pc_conn_seat(apps[i]->conn), 0, "device %d follows seat 1", i);
        cr_expect_eq(memcmp(apps[i]->session->st.seat[0].hand, a->session->st.seat[0].hand, sizeof a->session->st.seat[0].hand), 0,
                     "device %d sees the team's hand", i);
    }
    /* the three play at once: the first valid move counts, the others are refused in words */
    for (int k = 0; k < 200 && pc_session_to_act(a->session) != 0; k++)
        loop(20, NULL, NULL);
    cr_assert_eq(pc_session_to_act(a->session), 0);
    for (int k = 0; k < 100 && (seq_of(b) != seq_of(a) || seq_of(c) != seq_of(a)); k++)
        loop(10, NULL, NULL);
    uint32_t seq = seq_of(a);
    for (int i = 0; i < 3; i++)
        apps[i]->scr.flash[0] = 0;
    for (int i = 0; i < 3; i++)
        pc_app_action(apps[i], PC_ACT_ROLL, 0);
    loop(1500, NULL, NULL);
    int refused = 0;
    for (int i = 0; i < 3; i++)
        refused += strstr(apps[i]->scr.flash, "autre appareil") != NULL;
    cr_expect_gt(seq_of(a), seq, "one roll counted");
    cr_expect_eq(refused, 2, "the two other devices were told their team played from another device (%s / %s / %s)",
                 a->scr.flash, b->scr.flash, c->scr.flash);
    /* one drops and comes back with its own token, where the table is now */
    pc_conn_cut(b->conn);
    loop(100, NULL, NULL);
    waited = b;
    cr_assert(loop(10000, NULL, at_table), "the dropped device is back at the seat");
    for (int k = 0; k < 100 && seq_of(b) != seq_of(a); k++)
        loop(20, NULL, NULL);
    cr_expect_eq(seq_of(b), seq_of(a), "and sees the table as it is");
    cr_expect(pl_state_hash(&b->session->st) == pl_state_hash(&a->session->st), "the same view");
    /* a fourth device is still welcome, a fifth is one too many */
    pc_app_t *d = open_app(), *e = open_app();
    cr_assert(loop(10000, NULL, all_ready));
    snprintf(d->scr.code, sizeof d->scr.code, "%s", code);
    press(d, PC_ACT_JOIN_CODE, -1);
    waited = d;
    cr_assert(loop(10000, NULL, at_table));
    snprintf(e->scr.code, sizeof e->scr.code, "%s", code);
    press(e, PC_ACT_JOIN_CODE, -1);
    loop(800, NULL, NULL);
    cr_expect(strstr(e->scr.flash, "appareils"), "a fifth device is refused in words: %s", e->scr.flash);
    cr_expect(!tc_at_table(e));
    pc_app_set_lang(e, PL_LANG_EN);
    press(e, PC_ACT_JOIN_CODE, -1);
    loop(800, NULL, NULL);
    cr_expect(strstr(e->scr.flash, "devices"), "and in English: %s", e->scr.flash);
    close_apps();
}
