/* test_debrief.c -- the debrief screens: a hot-seat game's from its end screen (every page drawn, its words and
 * colours looked at, its export written by plateau-report), a server's ended table seen by an observer, the day's
 * tables side by side from the facilitator's console with the collective opinion summed, and a refusal */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "client/art.h"
#include "client/link.h"
#include "helpers.h"

#define SECRET "secret du débriefing"

static const char *home;
static char dir[1024], secret_file[1200], addr[64], reports[1200];
static int srv = -1, port;
static pc_app_t *cur; /* the app being tested: clicks go to it */

#define MAX_APPS 4
static pc_app_t *apps[MAX_APPS];
static int n_apps;

static void setup(void)
{
    home = tc_isolate();
    cr_assert(home);
    cr_assert(realpath(home, dir));
    snprintf(reports, sizeof reports, "%s/reports", dir);
    setenv("PLATEAU_REPORTS", reports, 1);
    tc_sdl_up();
    n_apps = 0;
    cur = NULL;
}

static void setup_server(void)
{
    setup();
    snprintf(secret_file, sizeof secret_file, "%s/secret", dir);
    FILE *f = fopen(secret_file, "w");
    cr_assert(f);
    fprintf(f, "%s\n", SECRET);
    fclose(f);
    port = 0;
    srv = tc_server_start(dir, NULL, &port);
    cr_assert(srv > 0 && port > 0);
    snprintf(addr, sizeof addr, "127.0.0.1:%d", port);
}

static void teardown(void)
{
    for (int i = 0; i < n_apps; i++)
        pc_app_destroy(apps[i]);
    n_apps = 0;
    if (srv > 0)
        tc_server_kill(srv);
    srv = -1;
    tc_sdl_down();
    unsetenv("PLATEAU_REPORTS");
    tc_rm_tree(home);
}

static pc_app_t *add(pc_app_t *a)
{
    cr_assert(a);
    apps[n_apps++] = a;
    return a;
}

static int loop(int ms, int (*done)(void))
{
    return tc_loop_apps(apps, n_apps, ms, cur, done); /* clicks go to the app being tested */
}

static void press(pc_app_t *a, int act, int arg)
{
    pc_app_draw(a);
    cr_assert(tc_click_arg(a, act, arg), "no button %d (%d) on screen %d", act, arg, a->scr.screen);
    loop(60, NULL);
}

static void redraw(pc_app_t *a)
{
    a->gfx.record = 1;
    pc_app_draw(a);
}

/* pixels of colour c (within a small tolerance) in a region of the last frame, in design units */
static long pixels_of(pc_app_t *a, SDL_Color c, float x, float y, float w, float h)
{
    int fw, fh;
    unsigned char *px = pc_app_read_rgb(a, &fw, &fh);
    cr_assert(px);
    float sx = (float)fw / 1280.0f, sy = (float)fh / 720.0f;
    long n = 0;
    for (int j = (int)(y * sy); j < (int)((y + h) * sy) && j < fh; j++)
        for (int i = (int)(x * sx); i < (int)((x + w) * sx) && i < fw; i++) {
            const unsigned char *p = px + ((size_t)j * (size_t)fw + (size_t)i) * 3;
            n += abs(p[0] - c.r) + abs(p[1] - c.g) + abs(p[2] - c.b) < 30;
        }
    SDL_free(px);
    return n;
}

static int on_debrief(void) { return cur->scr.screen == PC_SCREEN_DEBRIEF && cur->debrief; }
static int export_done(void) { return cur->export_job.pid <= 0; }

/* the frame kept for the docs' pictures (build/tests/client-out) */
static void keep(pc_app_t *a, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, TC_BUILD "/tests/client-out/%s.png", name);
    if (system("mkdir -p " TC_BUILD "/tests/client-out") == 0)
        cr_expect(pc_app_save_png(a, path), "%s", path);
}

static long lines_of(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long n = 0;
    int ch;
    while ((ch = fgetc(f)) != EOF)
        n += ch == '\n';
    fclose(f);
    return n;
}

Test(debrief, a_hot_seat_game_is_debriefed_page_by_page_and_exported, .init = setup, .fini = teardown, .timeout = 120)
{
    cur = add(tc_app(TC_SHIPPED, 1280, 720, 4));
    cr_assert(pc_app_stage(cur, "end"), "a game played to its end");
    press(cur, PC_ACT_DEBRIEF, 0);
    cr_assert(loop(5000, on_debrief), "the end screen's button opens the debrief (%s)", cur->scr.flash);
    const pd_table_t *t = cur->debrief->t[0];
    cr_assert(t->over && t->n_seats == 4 && t->n_plays > 0);
    /* the lenses: one chart per lens, a line in each team's colour */
    redraw(cur);
    cr_expect(pc_gfx_drew(&cur->gfx, "Équipe 1") && pc_gfx_drew(&cur->gfx, "Équipe 4"), "the teams' legend");
    for (int k = 0; k < t->n_lenses; k++)
        cr_expect(pc_gfx_drew(&cur->gfx, pl_text(&t->rs->counters[t->lens[k]].name, PL_LANG_FR)), "lens %d's chart", k);
    for (int s = 0; s < 4; s++)
        cr_expect(pixels_of(cur, pc_team_color(s), 40, 150, 1200, 480) > 100, "team %d's curves are drawn", s + 1);
    /* the mire: the cards played, by name */
    press(cur, PC_ACT_DBF_PAGE, 1);
    redraw(cur);
    cr_expect(pc_gfx_drew(&cur->gfx, pl_text(&t->rs->cards[t->plays[0].card].name, PL_LANG_FR)),
              "the first card played is in the mire by its name");
    cr_expect(pc_gfx_drew(&cur->gfx, "Court terme") && pc_gfx_drew(&cur->gfx, "Long terme"));
    /* one team's mire has its cards only */
    int other = -1;
    for (uint32_t i = 0; i < t->n_plays && other < 0; i++)
        if (t->plays[i].seat != t->plays[0].seat)
            other = (int)i;
    press(cur, PC_ACT_DBF_SEAT, t->plays[0].seat);
    redraw(cur);
    cr_expect(pc_gfx_drew(&cur->gfx, pl_text(&t->rs->cards[t->plays[0].card].name, PL_LANG_FR)));
    if (other >= 0) {
        int shared = 0; /* a card both teams played would be drawn anyway */
        for (uint32_t i = 0; i < t->n_plays; i++)
            shared |= t->plays[i].seat == t->plays[0].seat && t->plays[i].card == t->plays[other].card;
        if (!shared)
            cr_expect(!pc_gfx_drew(&cur->gfx, pl_text(&t->rs->cards[t->plays[other].card].name, PL_LANG_FR)),
                      "another team's card is not in this team's mire");
    }
    /* votes and fictions: what was asked and how each team voted */
    press(cur, PC_ACT_DBF_PAGE, 2);
    redraw(cur);
    cr_assert(t->n_votes > 0);
    char q[300];
    pd_vote_question(t, &t->votes[0], PL_LANG_FR, q, sizeof q);
    q[40] = 0; /* the start of it: a long question is clipped to its line */
    cr_expect(pc_gfx_drew(&cur->gfx, q), "the first vote's question (%s)", q);
    char count[16];
    snprintf(count, sizeof count, "%u", t->votes[0].count[0]);
    cr_expect(pc_gfx_drew(&cur->gfx, count));
    /* the score rule by rule, and each total */
    press(cur, PC_ACT_DBF_PAGE, 3);
    redraw(cur);
    for (uint32_t r = 0; r < t->rs->n_scoring; r++)
        cr_expect(pc_gfx_drew(&cur->gfx, pl_text(&t->rs->scoring[r].name, PL_LANG_FR)), "rule %u's column", r);
    for (int s = 0; s < 4; s++) {
        char b[16];
        snprintf(b, sizeof b, "%d", (int)t->score[s]);
        cr_expect(pc_gfx_drew(&cur->gfx, b), "team %d's total %s", s + 1, b);
        cr_expect_eq(t->score[s], cur->session->st.score[s], "the debrief's total is the table's");
    }
    /* the turning points, ending with the end of the game */
    press(cur, PC_ACT_DBF_PAGE, 4);
    for (int i = 0; i < 20 && tc_click_arg(cur, PC_ACT_DBF_SCROLL, 1); i++) /* to the last page */
        loop(40, NULL);
    redraw(cur);
    char last[400];
    pd_turning_text(t, &t->turning[t->n_turning - 1], PL_LANG_FR, last, sizeof last);
    cr_expect(t->turning[t->n_turning - 1].kind == PD_TP_OVER && pc_gfx_drew(&cur->gfx, last), "%s", last);
    /* the export: plateau-report writes the same game */
    press(cur, PC_ACT_DBF_EXPORT, 0);
    cr_assert(loop(30000, export_done), "the export ends");
    cr_assert(cur->export_job.ok, "the export was written: %s", cur->export_job.msg);
    cr_expect(strstr(cur->scr.flash, "report.html"), "the screen says where: %s", cur->scr.flash);
    char path[2400];
    snprintf(path, sizeof path, "%s/report.html", cur->export_job.out);
    cr_expect(access(path, R_OK) == 0, "%s", path);
    snprintf(path, sizeof path, "%s/moves.csv", cur->export_job.out);
    cr_expect_eq(lines_of(path), (long)t->n_moves + 1, "every move and the header in moves.csv");
    snprintf(path, sizeof path, "%s/debrief.xlsx", cur->export_job.out);
    cr_expect(access(path, R_OK) == 0, "%s", path);
    cr_expect(strncmp(cur->export_job.out, reports, strlen(reports)) == 0, "in the reports folder");
    /* back to the end screen, by its button or by Esc */
    press(cur, PC_ACT_DBF_BACK, 0);
    cr_expect_eq(cur->scr.screen, PC_SCREEN_END);
    press(cur, PC_ACT_DEBRIEF, 0);
    cr_assert(loop(5000, on_debrief), "the debrief opens again");
    tc_key(SDLK_ESCAPE);
    loop(60, NULL);
    cr_expect_eq(cur->scr.screen, PC_SCREEN_END, "Esc leaves the debrief");
}

Test(debrief, an_export_that_cannot_be_written_says_why_and_leaves_nothing, .init = setup, .fini = teardown,
     .timeout = 60)
{
    cur = add(tc_app(TC_SHIPPED, 1280, 720, 2));
    cr_assert(pc_app_stage(cur, "debrief"));
    FILE *f = fopen(reports, "w"); /* the reports folder is a file: nothing can go in it */
    cr_assert(f);
    fclose(f);
    press(cur, PC_ACT_DBF_EXPORT, 0);
    loop(20000, export_done);
    cr_expect(!cur->export_job.ok);
    cr_expect(strstr(cur->scr.flash, "rapport") != NULL, "the refusal in words: %s", cur->scr.flash);
    cr_expect_eq(cur->scr.screen, PC_SCREEN_DEBRIEF, "the debrief stays on screen");
}

/* ---- a server's tables ------------------------------------------------------------------------ */

static pc_app_t *maker;
static int maker_ready(void) { return pc_conn_state(maker->conn) == PC_NET_READY; }
static int want_over;
static int tables_over(void)
{
    const pc_table_info_t *t;
    int n = pc_conn_tables(maker->conn, &t), over = 0;
    for (int i = 0; i < n; i++)
        over += t[i].over;
    return over >= want_over;
}

/* tables played by the server's bots from start to end, with names */
static void bot_tables(int n, int also_waiting)
{
    maker = add(tc_app(TC_SHIPPED, 1280, 720, 1));
    pc_app_connect(maker, addr);
    cr_assert(loop(10000, maker_ready));
    static const char *names[3][3] = { { "Rouges", "Bleus", "Jaunes" }, { "Nord", "Sud", "Est" },
                                       { "Ville", "Région", "Lycées" } };
    for (int k = 0; k < n + also_waiting; k++) {
        pc_create_spec_t spec;
        memset(&spec, 0, sizeof spec);
        snprintf(spec.package, sizeof spec.package, "achats-durables");
        spec.seats = 3;
        spec.bots = k < n ? 7u : 6u; /* the waiting table keeps its first seat for a team */
        spec.take = -1;
        for (int s = 0; s < 3; s++)
            snprintf(spec.team[s], sizeof spec.team[s], "%s", names[k % 3][s]);
        cr_assert(pc_conn_create(maker->conn, &spec));
        loop(300, NULL);
    }
    want_over = n;
    cr_assert(loop(20000, tables_over), "the bots' games end");
}

static char want_title[32];
static int session_changed(void) { return cur->session && !strcmp(cur->session->title, want_title); }
static int cur_ready(void) { return pc_conn_state(cur->conn) == PC_NET_READY; }
static int watching(void) { return cur->session && (cur->scr.screen == PC_SCREEN_END || cur->scr.screen == PC_SCREEN_TABLE); }

Test(debrief, an_ended_table_of_a_server_is_debriefed_by_whoever_watches_it, .init = setup_server, .fini = teardown,
     .timeout = 120)
{
    bot_tables(1, 1);
    const pc_table_info_t *t;
    int n = pc_conn_tables(maker->conn, &t), over = 0, waiting = 0;
    for (int i = 0; i < n; i++)
        *(t[i].over ? &over : &waiting) = t[i].id;
    cur = add(tc_app(TC_SHIPPED, 1280, 720, 1));
    pc_app_connect(cur, addr);
    cr_assert(loop(10000, cur_ready));
    cr_assert(pc_conn_watch(cur->conn, over));
    cr_assert(loop(10000, watching));
    cr_assert_eq(cur->scr.screen, PC_SCREEN_END, "an ended game opens on its end screen");
    press(cur, PC_ACT_DEBRIEF, 0);
    cr_assert(loop(10000, on_debrief), "the observer's debrief (%s)", cur->scr.flash);
    const pd_table_t *d = cur->debrief->t[0];
    cr_expect_eq(d->id, (uint32_t)over);
    cr_expect(d->over);
    for (int s = 0; s < 3; s++)
        cr_expect_eq(d->score[s], cur->session->st.score[s], "team %d: the log replayed gives the server's score", s + 1);
    redraw(cur);
    for (int s = 0; s < 3; s++) { /* the server's names: a bot seat is "Équipe 2 (bot)" whatever it was called */
        char name[96];
        pd_team(d, s, PL_LANG_FR, name, sizeof name);
        cr_expect(pc_gfx_drew(&cur->gfx, name), "team %d's name %s", s + 1, name);
    }
    char title[64];
    snprintf(title, sizeof title, "Débriefing \xE2\x80\x94 Table %d", over);
    cr_expect(pc_gfx_drew(&cur->gfx, title), "%s", title);
    /* a game still being played: its log is not given, and the session says so */
    press(cur, PC_ACT_DBF_BACK, 0);
    snprintf(want_title, sizeof want_title, "Table %d", waiting);
    press(cur, PC_ACT_NEW_GAME, 0); /* back to the lobby, as a player goes to another table */
    cr_expect_eq(cur->scr.screen, PC_SCREEN_LOBBY);
    pc_conn_watch(cur->conn, waiting);
    cr_assert(loop(10000, session_changed), "the table being played is watched");
    cr_assert((int)pc_conn_table(cur->conn) == waiting && cur->scr.screen == PC_SCREEN_TABLE);
    pc_session_ask_log(cur->session);
    pc_sevent_t e;
    int refused = 0;
    for (int i = 0; i < 300 && !refused; i++) {
        loop(10, NULL);
        while (pc_session_next(cur->session, &e))
            if (e.type == PC_SE_LOG) {
                cr_expect_eq(e.seat, 0);
                cr_expect(strstr(e.text, "fin") != NULL, "%s", e.text);
                refused = 1;
            }
        if (!refused && cur->scr.flash[0] && strstr(cur->scr.flash, "fin"))
            refused = 1; /* the app took the event first and showed it */
    }
    cr_expect(refused, "a debrief of a game being played is refused in words (%s; table %d, screen %d)", cur->scr.flash,
              pc_conn_table(cur->conn), cur->scr.screen);
}

static pc_app_t *console;
static int four_tables(void) { return console->debrief && console->debrief->n == 4; }
static int console_ready(void)
{
    const pc_table_info_t *t;
    return pc_conn_is_facilitator(console->conn) && pc_conn_tables(console->conn, &t) >= 4;
}

Test(debrief, the_console_shows_the_day_side_by_side_and_its_collective_opinion, .init = setup_server,
     .fini = teardown, .timeout = 150)
{
    bot_tables(3, 1); /* and a fourth still waiting for its team */
    const char *flags[] = { "--facilitator", addr, "--secret-file", secret_file, NULL };
    cur = console = add(tc_app_flags(1280, 720, flags));
    cr_assert(loop(15000, console_ready), "the console lists the tables");
    press(console, PC_ACT_CON_DEBRIEF, 0);
    cr_assert(loop(15000, on_debrief), "the day's debrief (%s)", console->scr.flash);
    const pc_debrief_t *d = console->debrief;
    cr_assert_eq(d->n, 3, "every table that is over (%d: %s)", d->n, console->scr.flash);
    cr_assert_eq(console->scr.dbf_table, -1, "the day first");
    redraw(console);
    cr_expect(pc_gfx_drew(&console->gfx, "Débriefing de la journée \xE2\x80\x94 3 tables"));
    keep(console, "debrief-day");
    for (int i = 0; i < 3; i++) {
        char b[32];
        snprintf(b, sizeof b, "Table %u", d->t[i]->id);
        cr_expect(pc_gfx_drew(&console->gfx, b), "%s side by side", b);
    }
    cr_expect(pc_gfx_drew(&console->gfx, "Équipe 3 (ordi)"), "every table's teams");
    for (int s = 0; s < 3; s++)
        cr_expect(pixels_of(console, pc_team_color(s), 40, 100, 1200, 540) > 20, "team colour %d", s);
    /* the collective opinion: each question's ballots summed over the tables */
    press(console, PC_ACT_DBF_PAGE, 1);
    redraw(console);
    cr_assert(d->day->n_opinions > 0);
    const pd_opinion_t *o = &d->day->opinions[0];
    uint32_t sum = 0, want = 0;
    for (int i = 0; i < o->n_options; i++)
        sum += o->ballots[i];
    for (int i = 0; i < 3; i++)
        for (uint32_t v = 0; v < d->t[i]->n_votes; v++) {
            const pd_vote_t *vt = &d->t[i]->votes[v];
            if (vt->closed && vt->card == o->card && vt->kind == o->kind)
                for (int k = 0; k < vt->n_options; k++)
                    want += vt->count[k];
        }
    cr_expect_eq(sum, want, "the opinion sums every table's ballots");
    char q[300];
    pd_opinion_question(o, PL_LANG_FR, q, sizeof q);
    q[40] = 0;
    cr_expect(pc_gfx_drew(&console->gfx, q), "the first question (%s)", q);
    keep(console, "debrief-opinion");
    /* one table of the day, then back to the day and to the console */
    press(console, PC_ACT_DBF_TABLE, 1);
    cr_expect_eq(console->scr.dbf_table, 1);
    redraw(console);
    char b[64];
    snprintf(b, sizeof b, "Débriefing \xE2\x80\x94 Table %u", d->t[1]->id);
    cr_expect(pc_gfx_drew(&console->gfx, b), "%s", b);
    /* the export of the day: one report of the three tables */
    press(console, PC_ACT_DBF_EXPORT, 0);
    cr_assert(loop(30000, export_done));
    cr_assert(console->export_job.ok, "%s", console->export_job.msg);
    char path[2400];
    snprintf(path, sizeof path, "%s/scores.csv", console->export_job.out);
    long rows = 1;
    for (int i = 0; i < 3; i++)
        rows += (long)d->t[i]->n_rounds * d->t[i]->n_seats;
    cr_expect_eq(lines_of(path), rows, "every round of the three tables' teams in scores.csv");
    press(console, PC_ACT_DBF_BACK, 0);
    cr_expect_eq(console->scr.screen, PC_SCREEN_CONSOLE);
    /* every table ticked, the one still being played too: on screen it shows what its teams already know, and
       the report leaves it out, saying so */
    press(console, PC_ACT_CON_SELECT_ALL, -1);
    press(console, PC_ACT_CON_DEBRIEF, 0);
    cr_assert(loop(15000, on_debrief));
    cr_assert(loop(15000, four_tables), "the four tables chosen (%s)", console->scr.flash);
    d = console->debrief;
    int playing = 0;
    for (int i = 0; i < d->n; i++)
        playing += !d->t[i]->over;
    cr_expect_eq(playing, 1);
    redraw(console);
    cr_expect(pc_gfx_drew(&console->gfx, "partie en cours"), "the table still being played says so");
    press(console, PC_ACT_DBF_EXPORT, 0);
    cr_assert(loop(30000, export_done));
    cr_assert(console->export_job.ok, "%s", console->export_job.msg);
    cr_expect(strstr(console->scr.flash, "encore en jeu"), "%s", console->scr.flash);
    snprintf(path, sizeof path, "%s/scores.csv", console->export_job.out);
    cr_expect_eq(lines_of(path), rows, "the same three tables in the report");
}
