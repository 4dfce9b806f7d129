/* test_day.c -- the training day on a real server on loopback: the facilitator's console pauses tables from its
 * buttons and opens one with every hand; projections of one table (1920x1080 and 3840x2160) and a wall of four;
 * three screens show the same countdown; the kiosk goes back to its welcome and its demo plays itself */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL_image.h>
#include "client/art.h"
#include "client/link.h"
#include "client/table_util.h"
#include "helpers.h"

#ifndef TC_BUILD
#define TC_BUILD "build"
#endif
#define SECRET "secret du jour"

static const char *home;
static char dir[1024], secret_file[1200], addr[64];
static int srv = -1, port;

#define MAX_APPS 6
static pc_app_t *apps[MAX_APPS];
static int n_apps;

static void setup(void)
{
    home = tc_isolate();
    cr_assert(home);
    cr_assert(realpath(home, dir));
    snprintf(secret_file, sizeof secret_file, "%s/secret", dir);
    FILE *f = fopen(secret_file, "w");
    cr_assert(f);
    fprintf(f, "%s\n", SECRET);
    fclose(f);
    setenv("PLATEAU_SERVER_SEED", "11", 1); /* the same tables each run: pictures to compare */
    port = 0;
    srv = tc_server_start(dir, NULL, &port);
    unsetenv("PLATEAU_SERVER_SEED");
    cr_assert(srv > 0 && port > 0);
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
    tc_sdl_up();
    n_apps = 0;
}

static void teardown(void)
{
    for (int i = 0; i < n_apps; i++)
        pc_app_destroy(apps[i]);
    n_apps = 0;
    tc_server_kill(srv);
    srv = -1;
    tc_sdl_down();
    tc_rm_tree(home);
}

static pc_app_t *add(pc_app_t *a)
{
    cr_assert(a);
    apps[n_apps++] = a;
    return a;
}

/* every app runs (events to their owners, ticks, draws) until done() or ms */
static int loop(int ms, pc_app_t *focus, int (*done)(void))
{
    return tc_loop_apps(apps, n_apps, ms, focus, done);
}

static void press(pc_app_t *a, int act, int arg)
{
    pc_app_draw(a);
    cr_assert(tc_click_arg(a, act, arg), "no button %d (%d) on screen %d", act, arg, a->scr.screen);
    loop(80, a, NULL);
}

static pc_app_t *maker;
static int maker_ready(void) { return pc_conn_state(maker->conn) == PC_NET_READY; }
static int n_tables_seen;
static int maker_has_tables(void)
{
    const pc_table_info_t *t;
    return pc_conn_tables(maker->conn, &t) >= n_tables_seen;
}

/* four tables of three teams, none taken: they wait at their first turn, the same each run */
static void four_tables(void)
{
    maker = add(tc_app(TC_SHIPPED, 1280, 720, 1));
    pc_app_connect(maker, addr);
    cr_assert(loop(10000, NULL, maker_ready));
    static const char *names[4][3] = { { "Rouges", "Bleus", "Jaunes" }, { "Achats", "Marchés", "Clauses" },
                                       { "Nord", "Sud", "Est" }, { "Ville", "Région", "Lycées" } };
    for (int k = 0; k < 4; k++) {
        pc_create_spec_t spec;
        memset(&spec, 0, sizeof spec);
        snprintf(spec.package, sizeof spec.package, "achats-durables");
        spec.seats = 3;
        spec.take = -1;
        for (int s = 0; s < 3; s++)
            snprintf(spec.team[s], sizeof spec.team[s], "%s", names[k][s]);
        cr_assert(pc_conn_create(maker->conn, &spec));
        n_tables_seen = k + 1;
        cr_assert(loop(10000, NULL, maker_has_tables), "table %d was not created", k + 1);
    }
}

/* reference pictures, as in test_screens.c: RGB with a tolerance */
#define PIXEL_TOL 60
#define PICTURE_TOL 50
static void compare_with_ref(pc_app_t *a, const char *name)
{
    int w, h;
    unsigned char *px = pc_app_read_rgb(a, &w, &h);
    cr_assert(px);
    char ref[256], out[256];
    snprintf(ref, sizeof ref, "tests/client/ref/%s-%dx%d.png", name, w, h);
    snprintf(out, sizeof out, TC_BUILD "/tests/client-out/%s-%dx%d.png", name, w, h);
    SDL_Surface *cur = SDL_CreateRGBSurfaceWithFormatFrom(px, w, h, 24, w * 3, SDL_PIXELFORMAT_RGB24);
    if (getenv("UPDATE_REF")) {
        cr_assert(IMG_SavePNG(cur, ref) == 0, "cannot write %s", ref);
    } else {
        SDL_Surface *raw = IMG_Load(ref);
        cr_assert(raw, "missing reference picture %s (UPDATE_REF=1 writes it)", ref);
        SDL_Surface *r = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGB24, 0);
        SDL_FreeSurface(raw);
        cr_assert(r && r->w == w && r->h == h);
        long bad = 0;
        for (int y = 0; y < h; y++) {
            const unsigned char *p = px + (size_t)y * (size_t)w * 3, *q = (const unsigned char *)r->pixels + (size_t)y * r->pitch;
            for (int x = 0; x < w * 3; x += 3)
                bad += abs(p[x] - q[x]) + abs(p[x + 1] - q[x + 1]) + abs(p[x + 2] - q[x + 2]) > PIXEL_TOL;
        }
        if (bad * PICTURE_TOL > (long)w * h && system("mkdir -p " TC_BUILD "/tests/client-out") == 0)
            IMG_SavePNG(cur, out);
        cr_expect(bad * PICTURE_TOL <= (long)w * h, "%s: %ld of %d pixels differ (saved as %s)", ref, bad, w * h, out);
        SDL_FreeSurface(r);
    }
    SDL_FreeSurface(cur);
    SDL_free(px);
}

static pc_app_t *console;
static int console_ready(void)
{
    const pc_table_info_t *t;
    return pc_conn_is_facilitator(console->conn) && pc_conn_tables(console->conn, &t) >= 4;
}
static int all_paused(void)
{
    const pc_table_info_t *t;
    int n = pc_conn_tables(console->conn, &t), held = 0;
    for (int i = 0; i < n; i++)
        held += t[i].paused;
    return n >= 4 && held == n;
}
static int none_paused(void)
{
    const pc_table_info_t *t;
    int n = pc_conn_tables(console->conn, &t), held = 0;
    for (int i = 0; i < n; i++)
        held += t[i].paused;
    return n >= 4 && held == 0;
}
static int all_timed_90(void)
{
    const pc_table_info_t *t;
    int n = pc_conn_tables(console->conn, &t), k = 0;
    for (int i = 0; i < n; i++)
        k += t[i].timer == 90;
    return n > 0 && k == n;
}

/* the share of a button's pixels in the accent colour */
static double accent_in_button(pc_app_t *a, int act, int arg)
{
    a->ui.mouse_x = a->ui.mouse_y = -100; /* no hover over it */
    pc_app_draw(a);
    const pc_button_t *b = NULL;
    for (int i = 0; i < a->ui.n_btn && !b; i++)
        if (a->ui.btn[i].act == act && a->ui.btn[i].arg == arg)
            b = &a->ui.btn[i];
    cr_assert(b, "no button %d (%d)", act, arg);
    int w, h;
    unsigned char *px = pc_app_read_rgb(a, &w, &h);
    cr_assert(px);
    long in = 0, all = 0;
    SDL_Color c = pc_rgb(PC_ACCENT);
    for (int y = (int)b->y + 2; y < (int)(b->y + b->h) - 2; y++)
        for (int x = (int)b->x + 4; x < (int)(b->x + b->w) - 4; x++) {
            const unsigned char *p = px + ((size_t)y * (size_t)w + (size_t)x) * 3;
            in += abs(p[0] - c.r) + abs(p[1] - c.g) + abs(p[2] - c.b) < 40;
            all++;
        }
    SDL_free(px);
    return all ? (double)in / (double)all : 0;
}

static int console_at_table(void)
{
    return console->session && console->scr.screen == PC_SCREEN_TABLE &&
           console->session->st.viewer == PL_WHO_FACILITATOR;
}

static pc_app_t *refused_app;
static int other_ready(void) { return pc_conn_state(refused_app->conn) == PC_NET_READY; }
static int refused_in_words(void) { return strstr(refused_app->scr.flash, "secret") != NULL; }

Test(day, the_console_holds_every_table_from_its_buttons, .init = setup, .fini = teardown, .timeout = 120)
{
    four_tables();
    const char *flags[] = { "--facilitator", addr, "--secret-file", secret_file, NULL };
    console = add(tc_app_flags(1280, 720, flags));
    cr_assert_eq(console->scr.screen, PC_SCREEN_CONSOLE);
    cr_assert(loop(15000, NULL, console_ready), "the console logged in and lists the tables");
    console->gfx.record = 1;
    pc_app_draw(console);
    compare_with_ref(console, "console");
    cr_expect(pc_gfx_drew(&console->gfx, "Rouges") && pc_gfx_drew(&console->gfx, "Lycées"), "every table's teams");
    press(console, PC_ACT_CON_SELECT_ALL, -1);
    press(console, PC_ACT_CON_PAUSE, 0);
    cr_assert(loop(10000, NULL, all_paused), "every table chosen was held");
    pc_app_draw(console);
    cr_expect(pc_gfx_drew(&console->gfx, "En pause"), "the dashboard says so");
    press(console, PC_ACT_CON_RESUME, 1);
    cr_assert(loop(10000, NULL, none_paused), "resume every table");
    /* a turn timer for the tables chosen: its button then stands out (in the accent colour) */
    press(console, PC_ACT_CON_TURN_TIMER, 90);
    cr_assert(loop(10000, NULL, all_timed_90), "every table chosen took the turn timer");
    double on = accent_in_button(console, PC_ACT_CON_TURN_TIMER, 90);
    cr_expect_gt(on, 0.5, "the current setting is shown (%.2f)", on);
    cr_expect_lt(accent_in_button(console, PC_ACT_CON_TURN_TIMER, 60), 0.1, "and only it");
    /* a wrong secret typed in the console is refused in words */
    const char *bad[] = { "--facilitator", addr, NULL };
    pc_app_t *other = add(tc_app_flags(1280, 720, bad));
    snprintf(other->scr.secret, sizeof other->scr.secret, "%s", "not the secret");
    refused_app = other;
    cr_assert(loop(10000, other, other_ready));
    press(other, PC_ACT_CON_LOGIN, 0);
    loop(15000, other, refused_in_words); /* the server checks a secret off its loop, at Argon2id's pace */
    cr_expect(!pc_conn_is_facilitator(other->conn));
    cr_expect(strstr(other->scr.flash, "secret"), "the refusal says the secret is wrong: %s", other->scr.flash);
}

Test(day, a_table_opened_from_the_console_shows_every_hand_and_takes_the_facilitators_moves, .init = setup,
     .fini = teardown, .timeout = 120)
{
    four_tables();
    const char *flags[] = { "--facilitator", addr, "--secret-file", secret_file, NULL };
    console = add(tc_app_flags(1280, 720, flags));
    cr_assert(loop(15000, NULL, console_ready));
    const pc_table_info_t *t;
    pc_conn_tables(console->conn, &t);
    int table = t[0].id;
    press(console, PC_ACT_CON_OPEN, table);
    cr_assert(loop(10000, NULL, console_at_table), "the table opens with the facilitator's view");
    pc_session_t *s = console->session;
    console->gfx.record = 1;
    for (int seat = 0; seat < s->st.n_seats; seat++) { /* every hand, by clicking its team */
        press(console, PC_ACT_CON_SHOW_SEAT, seat);
        pc_app_draw(console);
        const pl_seat_t *st = &s->st.seat[seat];
        cr_assert_gt(st->hand_n, 0);
        cr_expect(st->hand[0] != PL_NO_CARD, "the facilitator sees seat %d's cards", seat);
        cr_expect(pc_gfx_drew(&console->gfx, pl_text(&s->rs->cards[st->hand[0]].name, PL_LANG_FR)),
                  "seat %d's hand is drawn", seat);
    }
    compare_with_ref(console, "console-table");
    /* reveal an event from the menu: the table takes the move */
    uint32_t seq = s->st.seq;
    press(console, PC_ACT_CON_REVEAL_MENU, 0);
    int card = -1;
    for (int i = 0; i < console->ui.n_btn && card < 0; i++)
        if (console->ui.btn[i].act == PC_ACT_CON_REVEAL && console->ui.btn[i].enabled &&
            s->rs->cards[console->ui.btn[i].arg].kind == PL_CARD_EVENT)
            card = console->ui.btn[i].arg;
    cr_assert_geq(card, 0, "the menu offers the events still in their pile");
    press(console, PC_ACT_CON_REVEAL, card);
    for (int i = 0; i < 100 && s->st.seq == seq; i++)
        loop(30, console, NULL);
    cr_expect_gt(s->st.seq, seq, "the event was revealed");
    cr_expect_eq(s->st.where[card], PL_AT_DISCARD);
    /* hold the table from its bar: every screen shows it */
    press(console, PC_ACT_CON_PAUSE, 0);
    for (int i = 0; i < 100 && !s->st.paused; i++)
        loop(30, console, NULL);
    cr_assert(s->st.paused, "held from the table's bar");
    pc_app_draw(console);
    cr_expect(pc_gfx_drew(&console->gfx, "La partie est en pause"));
    press(console, PC_ACT_CON_BACK, 0);
    loop(300, console, NULL);
    cr_expect_eq(console->scr.screen, PC_SCREEN_CONSOLE, "back to the console");
}

/* the server's laptop restarts: the console logs in again by itself, with the secret written with a trailing space */
static int console_lost(void) { return pc_conn_state(console->conn) != PC_NET_READY; }
static int console_back_at_table(void)
{
    return console_at_table() && pc_conn_is_facilitator(console->conn) && pc_conn_state(console->conn) == PC_NET_READY &&
           console->session->st.viewer == PL_WHO_FACILITATOR;
}

Test(day, the_console_logs_in_again_after_the_server_restarts_and_keeps_its_table, .init = setup, .fini = teardown,
     .timeout = 120)
{
    FILE *f = fopen(secret_file, "w"); /* as an editor may leave it */
    cr_assert(f);
    fprintf(f, "%s  \n", SECRET);
    fclose(f);
    four_tables();
    const char *flags[] = { "--facilitator", addr, "--secret-file", secret_file, NULL };
    console = add(tc_app_flags(1280, 720, flags));
    cr_assert(loop(15000, NULL, console_ready), "a trailing space in the secret file is no part of the secret");
    const pc_table_info_t *t;
    pc_conn_tables(console->conn, &t);
    press(console, PC_ACT_CON_OPEN, t[1].id);
    cr_assert(loop(10000, NULL, console_at_table));
    int table = pc_conn_table(console->conn);
    tc_server_kill(srv);
    srv = -1;
    cr_assert(loop(10000, NULL, console_lost), "the console sees the server go");
    srv = tc_server_start(dir, NULL, &port); /* the same port, the same database */
    cr_assert(srv > 0);
    cr_assert(loop(20000, NULL, console_back_at_table), "logged in again, on the same table with every hand");
    cr_expect_eq(pc_conn_table(console->conn), table);
    /* and its commands are taken again */
    press(console, PC_ACT_CON_PAUSE, 0);
    for (int i = 0; i < 100 && !console->session->st.paused; i++)
        loop(30, console, NULL);
    cr_expect(console->session->st.paused, "a command after the restart is not refused");
}

static pc_app_t *proj;
static int proj_ready(void) { return proj->session != NULL; }
static int wall_ready(void)
{
    int n = 0;
    for (int k = 0; k < proj->n_wall; k++)
        n += proj->wall_session[k] != NULL;
    return n >= 4;
}

Test(day, projections_of_one_table_and_the_wall_of_four, .init = setup, .fini = teardown, .timeout = 150)
{
    four_tables();
    const int sizes[2][2] = { { 1920, 1080 }, { 3840, 2160 } };
    for (int z = 0; z < 2; z++) {
        const char *flags[] = { "--project", addr, "--table", "1", NULL };
        proj = add(tc_app_flags(sizes[z][0], sizes[z][1], flags));
        cr_assert_eq(proj->scr.screen, PC_SCREEN_PROJECT);
        cr_assert(loop(10000, NULL, proj_ready), "the projection shows table 1");
        loop(300, NULL, NULL);
        proj->gfx.record = 1;
        pc_app_draw(proj);
        cr_expect_eq(proj->ui.n_btn == 0 || proj->ui.btn[0].act == PC_ACT_NONE, 1, "a projection offers no button");
        cr_expect(pc_gfx_drew(&proj->gfx, "La mire de la table"), "the table's mire in place of a hand");
        compare_with_ref(proj, "project");
        pc_app_destroy(proj);
        apps[--n_apps] = NULL;
    }
    const char *wall[] = { "--project", addr, "--wall", NULL };
    proj = add(tc_app_flags(1920, 1080, wall));
    cr_assert_eq(proj->scr.screen, PC_SCREEN_WALL);
    cr_assert(loop(15000, NULL, wall_ready), "four tables on the wall");
    loop(300, NULL, NULL);
    proj->gfx.record = 1;
    pc_app_draw(proj);
    for (int k = 1; k <= 4; k++) {
        char b[32];
        snprintf(b, sizeof b, "Table %d", k);
        cr_expect(pc_gfx_drew(&proj->gfx, b), "%s on the wall", b);
    }
    compare_with_ref(proj, "wall");
    /* a projection has no button: Esc closes it */
    cr_expect(!proj->quit);
    tc_key(SDLK_ESCAPE);
    loop(60, proj, NULL);
    cr_expect(proj->quit, "Esc closes the wall");
}

/* the milliseconds a screen's clock drew in its last frame ("[clock N]"), -1 when none */
static long drawn_clock(const pc_app_t *a)
{
    const char *p = a->gfx.drawn ? strstr(a->gfx.drawn, "[clock ") : NULL;
    return p ? strtol(p + 7, NULL, 10) : -1;
}

static pc_app_t *watchers[3];
static int clocks_running(void)
{
    for (int i = 0; i < 3; i++)
        if (!watchers[i]->session || watchers[i]->session->clock_kind != PC_CLOCK_TURN)
            return 0;
    return 1;
}

Test(day, three_screens_show_the_same_countdown, .init = setup, .fini = teardown, .timeout = 120)
{
    four_tables();
    const char *flags[] = { "--facilitator", addr, "--secret-file", secret_file, NULL };
    console = add(tc_app_flags(1280, 720, flags));
    cr_assert(loop(15000, NULL, console_ready));
    for (int i = 0; i < 3; i++) { /* two projections and a player's observer screen */
        const char *pf[] = { "--project", addr, "--table", "1", NULL };
        watchers[i] = add(i < 2 ? tc_app_flags(1280, 720, pf) : tc_app(TC_SHIPPED, 1280, 720, 1));
        if (i == 2) {
            pc_app_connect(watchers[2], addr);
            proj = watchers[2];
            loop(3000, NULL, NULL);
            cr_assert(pc_conn_watch(watchers[2]->conn, 1));
        }
    }
    proj = watchers[0];
    cr_assert(loop(10000, NULL, proj_ready));
    /* the facilitator sets a turn timer on table 1 */
    console->scr.focus_table = 1;
    pc_app_draw(console);
    press(console, PC_ACT_CON_TURN_TIMER, 90);
    cr_assert(loop(10000, NULL, clocks_running), "every screen has the server's clock");
    loop(1200, NULL, NULL);
    /* all three draw now; what each drew, taken back to the same instant, agrees within half a second */
    long left[3];
    Uint32 t0 = SDL_GetTicks();
    for (int i = 0; i < 3; i++) {
        watchers[i]->gfx.record = 1;
        pc_app_draw(watchers[i]);
        left[i] = drawn_clock(watchers[i]);
        cr_assert_geq(left[i], 0, "screen %d drew no clock", i);
        left[i] += (long)(SDL_GetTicks() - t0); /* drawn later: it was showing that much more at t0 */
    }
    long lo = left[0], hi = left[0];
    for (int i = 1; i < 3; i++) {
        lo = left[i] < lo ? left[i] : lo;
        hi = left[i] > hi ? left[i] : hi;
    }
    cr_log_info("countdowns: %ld, %ld, %ld ms (spread %ld ms)", left[0], left[1], left[2], hi - lo);
    cr_expect_leq(hi - lo, 500, "the screens disagree by %ld ms", hi - lo);
    cr_expect(lo > 85000 && hi <= 90000, "a 90 s turn timer, just started: %ld..%ld", lo, hi);
}

static pc_app_t *demo_app;
static uint32_t demo_from;
static int demo_moved(void) { return demo_app->session && demo_app->session->st.seq > demo_from + 5; }

Test(day, the_kiosk_welcomes_plays_and_goes_back_when_nobody_plays, .init = setup, .fini = teardown, .timeout = 150)
{
    const char *flags[] = { "--kiosk", "--game", TC_SHIPPED, "--idle-minutes", "1", NULL };
    pc_app_t *k = add(tc_app_flags(1280, 720, flags));
    cr_assert_eq(k->scr.screen, PC_SCREEN_WELCOME);
    cr_expect_eq(k->opt.turn_timer_s, 90, "the kiosk plays with a turn timer");
    press(k, PC_ACT_KIOSK_START, 2);
    cr_assert_eq(k->scr.screen, PC_SCREEN_TABLE);
    cr_assert(k->session && __builtin_popcount(k->session->mine) == 2, "two teams at the screen, bots for the others");
    loop(300, k, NULL);
    cr_expect_eq(k->session->clock_kind, PC_CLOCK_TURN, "the team's time runs");
    k->last_input = SDL_GetTicks() - 61000; /* a minute without anyone */
    loop(300, NULL, NULL);
    cr_expect_eq(k->scr.screen, PC_SCREEN_WELCOME, "back to the welcome screen");
    /* the demo plays itself, reveals and events going by */
    const char *demo[] = { "--kiosk", "--game", TC_SHIPPED, "--humans", "0", NULL };
    pc_app_t *d = add(tc_app_flags(1280, 720, demo));
    cr_assert_eq(d->scr.screen, PC_SCREEN_TABLE);
    demo_app = d;
    demo_from = d->session->st.seq;
    /* a reveal or an event on the way holds the table for its reading time: the demo waits for it, then goes on */
    cr_expect(loop(45000, NULL, demo_moved), "the demo plays on by itself, its moments going by (%u moves)",
              d->session->st.seq - demo_from);
    /* without --kiosk, no team at the screen is a mistake */
    pc_opts_t o;
    char err[200];
    pc_opts_default(&o);
    char *argv[] = { "plateau", "--humans", "0", NULL };
    cr_expect_eq(pc_opts_parse(&o, 3, argv, err, sizeof err), -1);
    cr_expect(strstr(err, "--kiosk"), "%s", err);
}
