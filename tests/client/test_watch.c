/* test_watch.c -- live reload (--watch): a saved package restarts the table on its seed with the moves still legal;
 * a half-written file shows its errors and the game goes on; the next good save recovers */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "helpers.h"

static const char *home;
static char pkg[1200];

static void copy(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    cr_assert(in && out, "%s -> %s", from, to);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        cr_assert_eq(fwrite(buf, 1, n, out), n);
    fclose(in);
    cr_assert_eq(fclose(out), 0);
}

static void setup(void)
{
    home = tc_isolate();
    cr_assert(home);
    char abs[1024];
    cr_assert(realpath(home, abs));
    snprintf(pkg, sizeof pkg, "%s/mygame", abs);
    cr_assert_eq(mkdir(pkg, 0700), 0);
    char icons[1300];
    snprintf(icons, sizeof icons, "%s/icons", pkg);
    cr_assert_eq(mkdir(icons, 0700), 0);
    const char *files[] = { "game.xml", "actions.xml", "events.xml", "proposals.xml", "icons/region.png" };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char from[300], to[1400];
        snprintf(from, sizeof from, "game-data/example-minimal/%s", files[i]);
        snprintf(to, sizeof to, "%s/%s", pkg, files[i]);
        copy(from, to);
    }
    tc_sdl_up();
}

static void teardown(void)
{
    tc_sdl_down();
    tc_rm_tree(home);
}

/* replace the first occurrence of what in the package's file by with (an editor's save) */
static void edit(const char *file, const char *what, const char *with, int cut_half)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", pkg, file);
    FILE *f = fopen(path, "rb");
    cr_assert(f);
    static char text[200000];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = 0;
    char *at = what ? strstr(text, what) : NULL;
    cr_assert(!what || at, "%s not in %s", what, file);
    FILE *o = fopen(path, "wb");
    cr_assert(o);
    if (cut_half) { /* a save caught in the middle */
        fwrite(text, 1, n / 2, o);
    } else {
        fwrite(text, 1, (size_t)(at - text), o);
        fputs(with, o);
        fputs(at + strlen(what), o);
    }
    cr_assert_eq(fclose(o), 0);
}

/* the team at the screen makes n moves (any legal one), the bots answering between them */
static void play_some(pc_app_t *a, int n)
{
    for (int done = 0, guard = 0; done < n && guard < 400; guard++) {
        pc_session_reveal_done(a->session);
        pc_session_prompt_done(a->session);
        pc_session_event_done(a->session);
        a->scr.summary_seat = -1;
        int seat = pc_session_to_act(a->session);
        if (seat < 0) {
            tc_loop_until(a, 30, NULL);
            continue;
        }
        pl_move_t mv[32];
        int k = pl_legal_moves(a->session->rs, &a->session->st, seat, mv, 32);
        if (k <= 0)
            break;
        pc_session_move(a->session, mv[k - 1].type, seat, mv[k - 1].arg);
        done++;
        tc_loop_until(a, 20, NULL);
    }
}

static pc_app_t *app;
static int reloads_seen;
static int reloaded(pc_app_t *a) { return a->reloads > reloads_seen; }
static int errors_shown(pc_app_t *a) { return a->watch_err[0] != 0; }

Test(watch, a_saved_package_reloads_and_a_broken_save_is_survived, .init = setup, .fini = teardown, .timeout = 60)
{
    const char *flags[] = { "--game", pkg, "--watch", "--seed", "5", "--humans", "1", NULL };
    app = tc_app_flags(1280, 720, flags);
    cr_assert(app && app->session, "the game starts");
    play_some(app, 6); /* the team at the screen plays, the bots answer */
    uint32_t moves = app->session->moves;
    cr_assert_gt(moves, 3);
    /* the designer renames a card and saves: same seed, the moves replayed */
    reloads_seen = app->reloads;
    edit("actions.xml", "Adopter un SPASER", "Adopter un plan d'achats durables", 0);
    cr_assert(tc_loop_until(app, 5000, reloaded), "the saved package was loaded again");
    cr_expect_eq(app->watch_err[0], 0);
    cr_expect_eq(app->session->moves, moves, "every move replayed on the new version (%u of %u)",
                 app->session->moves, moves);
    int card = pl_ruleset_card(app->rs, "a-spaser");
    cr_assert_geq(card, 0);
    cr_expect_str_eq(pl_text(&app->rs->cards[card].name, PL_LANG_FR), "Adopter un plan d'achats durables",
                     "the new text is the game's");
    /* a save caught half-written: its errors on screen, the game goes on with the last good version */
    uint64_t hash = pl_state_hash(&app->session->st);
    edit("game.xml", NULL, NULL, 1);
    cr_assert(tc_loop_until(app, 5000, errors_shown), "the broken save's errors are shown");
    cr_expect(strstr(app->watch_err, "game.xml:"), "with their file and line: %s", app->watch_err);
    cr_expect_eq(pl_state_hash(&app->session->st), hash, "the table is untouched");
    app->gfx.record = 1;
    pc_app_draw(app);
    cr_expect(pc_gfx_drew(&app->gfx, "la partie continue"), "the banner says the game goes on");
    /* the good file is back: the table reloads again */
    char path[1400];
    snprintf(path, sizeof path, "%s/game.xml", pkg);
    copy("game-data/example-minimal/game.xml", path);
    reloads_seen = app->reloads;
    cr_assert(tc_loop_until(app, 5000, reloaded), "recovered");
    cr_expect_eq(app->watch_err[0], 0);
    cr_expect_eq(app->session->moves, moves);
    pc_app_destroy(app);
}

Test(watch, a_rule_change_keeps_the_moves_it_still_allows, .init = setup, .fini = teardown, .timeout = 60)
{
    const char *flags[] = { "--game", pkg, "--watch", "--seed", "9", "--humans", "1", NULL };
    app = tc_app_flags(1280, 720, flags);
    cr_assert(app && app->session);
    play_some(app, 8);
    uint32_t moves = app->session->moves;
    /* a die of three faces instead of two: the rolls give other spaces, the replay stops where a move no longer
     * makes sense, and the game plays on from there */
    reloads_seen = app->reloads;
    edit("game.xml", "sides=\"2\"", "sides=\"3\"", 0);
    cr_assert(tc_loop_until(app, 5000, reloaded));
    cr_expect_leq(app->session->moves, moves);
    cr_expect(app->session->st.wait != PL_WAIT_OVER || app->session->moves > 0);
    pl_error_t e;
    cr_expect(pl_state_check(app->rs, &app->session->st, &e), "a consistent table: %s", e.msg);
    pc_app_destroy(app);
}
