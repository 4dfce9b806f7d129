/* test_session.c -- hot-seat and network play driven by one and the same code through the table-session interface:
 * a whole game each, intents in, events out, the timeline told */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "client/link.h"
#include "client/session_local.h"
#include "data/package.h"
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

typedef struct {
    int changed, refused, over, turn_ends;
} tally_t;

/* What a screen does, with nothing but the session: wait for news, read the table, send the intent of the seat to
 * act. pump() lets the session hear from its side (bots and timers, or the network). Returns the moves made here. */
static int drive_to_the_end(pc_session_t *s, void (*pump)(pc_session_t *), tally_t *t, int max_ms)
{
    int made = 0;
    uint32_t end = SDL_GetTicks() + (uint32_t)max_ms, asked_at = UINT32_MAX;
    while (s->st.wait != PL_WAIT_OVER && !SDL_TICKS_PASSED(SDL_GetTicks(), end)) {
        pump(s);
        pc_sevent_t e;
        while (pc_session_next(s, &e)) {
            t->changed += e.type == PC_SE_CHANGED;
            t->refused += e.type == PC_SE_REFUSED;
            t->over += e.type == PC_SE_OVER;
            t->turn_ends += e.type == PC_SE_TURN_END;
            cr_assert_neq(e.type, PC_SE_REFUSED, "a legal move was refused: %s", e.text);
        }
        pc_session_reveal_done(s);
        pc_session_prompt_done(s);
        pc_session_event_done(s);
        int seat = pc_session_to_act(s);
        if (seat < 0 || s->moves == asked_at) /* the others' turn, or our move on its way */
            continue;
        pl_move_t mv[PL_MAX_HAND + PL_MAX_OPTIONS + 4];
        int n = pl_legal_moves(s->rs, &s->st, seat, mv, (int)(sizeof mv / sizeof mv[0]));
        cr_assert_gt(n, 0, "seat %d must act and has no legal move", seat);
        const pl_move_t *m = &mv[(unsigned)(s->moves * 7u) % (unsigned)n]; /* any legal move: it varies */
        asked_at = s->moves;
        pc_session_move(s, m->type, seat, m->arg);
        made++;
    }
    pc_sevent_t e;
    while (pc_session_next(s, &e))
        t->over += e.type == PC_SE_OVER;
    return made;
}

static void pump_local(pc_session_t *s)
{
    pc_session_tick(s, SDL_GetTicks(), 1);
}

static pc_app_t *net_app;

static void pump_remote(pc_session_t *s)
{
    (void)s;
    SDL_Event ev;
    if (SDL_WaitEventTimeout(&ev, 5)) {
        do {
            if (!pc_conn_handle(net_app->conn, &ev) && ev.type >= SDL_USEREVENT && ev.user.code == PC_LINK_MESSAGE)
                free(ev.user.data1);
        } while (SDL_PollEvent(&ev));
    }
    pc_cevent_t ce;
    while (pc_conn_next(net_app->conn, &ce))
        ;
}

static void check_told(pc_session_t *s, const tally_t *t, int made)
{
    cr_expect_eq(s->st.wait, PL_WAIT_OVER, "the game reached its end");
    cr_expect_eq(t->over, 1, "the end was told once");
    cr_expect_gt(made, 10, "this screen played its part (%d moves)", made);
    cr_expect_gt(t->changed, made, "every move changed the table");
    cr_expect_eq(s->moves, s->st.seq, "every accepted move was seen");
    cr_expect_gt(s->log_n, (int)s->moves, "the timeline tells the game");
    const pc_log_line_t *last = pc_session_log(s, 0);
    cr_assert(last && last->text[PL_LANG_FR][0] && last->text[PL_LANG_EN][0], "in both languages");
}

Test(session, hotseat_played_through_the_session, .init = setup, .fini = teardown, .timeout = 120)
{
    char err[300];
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(TC_SHIPPED, &d);
    pl_diags_free(&d);
    cr_assert(rs, "the shipped package loads");
    pc_local_opts_t o;
    memset(&o, 0, sizeof o);
    o.rs = rs;
    o.n_seats = 3;
    o.human = 1u; /* one seat here, two bots: the same mix as the network table */
    o.seed = 7;
    o.lang = PL_LANG_FR;
    pc_session_t *s = pc_session_local_create(&o, err, sizeof err);
    cr_assert(s, "%s", err);
    tally_t t = { 0 };
    int made = drive_to_the_end(s, pump_local, &t, 60000);
    check_told(s, &t, made);
    pc_session_destroy(s);
    pl_ruleset_destroy(rs);
}

static int ready(pc_app_t *a) { return tc_net_ready(a); }
static int seated(pc_app_t *a) { return tc_at_table(a) && pc_conn_can_move(a->conn); }

Test(session, network_played_through_the_same_session_code, .init = setup, .fini = teardown, .timeout = 180)
{
    srv = tc_server_start(dir, NULL, &port);
    cr_assert(srv > 0 && port > 0);
    net_app = tc_app(TC_SHIPPED, 1280, 720, 1);
    cr_assert(net_app);
    char addr[64];
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
    pc_app_connect(net_app, addr);
    cr_assert(tc_loop_until(net_app, 10000, ready));
    pc_create_spec_t spec;
    memset(&spec, 0, sizeof spec);
    snprintf(spec.package, sizeof spec.package, "achats-durables");
    spec.seats = 3;
    spec.bots = 6u; /* seats 2 and 3 played by the server's bots */
    spec.take = 0;
    cr_assert(pc_conn_create(net_app->conn, &spec));
    cr_assert(tc_loop_until(net_app, 10000, seated), "at the table");
    pc_session_t *s = net_app->session;
    cr_assert_eq(s->kind, PC_SESSION_REMOTE);
    tally_t t = { 0 };
    int made = drive_to_the_end(s, pump_remote, &t, 120000);
    check_told(s, &t, made);
    pc_app_destroy(net_app);
    net_app = NULL;
}
