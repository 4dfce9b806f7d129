/* test_save.c -- plateau-report on a hot-seat game saved in the client's format: every number, the page as Chromium draws and prints it, bad saves */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "client/save.h"
#include "data/package.h"
#include "check.h"

#define STARTED 1764590400 /* 1 December 2025, 12:00 UTC: the report shows it */

/* A whole game of example-minimal by the core's bots, saved as the client saves one (its own code),
 * and the same table replayed here in *t. cut > 0 saves only the first cut moves. */
static void saved_game(const char *path, uint64_t seed, size_t cut, tr_table_t *t)
{
    memset(t, 0, sizeof *t);
    t->rs = tr_package("example-minimal");
    cr_assert_not_null(t->rs);
    snprintf(t->package, sizeof t->package, "example-minimal");
    t->n_seats = 3;
    t->seed = seed;
    t->bots = 4;
    t->created = STARTED;
    t->id = 1;
    snprintf(t->team[0], sizeof t->team[0], "Les Acheteurs");
    snprintf(t->team[1], sizeof t->team[1], "Équipe \"Verte\", 2ᵉ");
    pc_save_t h;
    memset(&h, 0, sizeof h);
    snprintf(h.package, sizeof h.package, "example-minimal");
    char err[300];
    cr_assert_eq(pl_package_hash("game-data/example-minimal", h.hash, err, sizeof err), 0, "%s", err);
    h.seed = seed;
    h.n_seats = 3;
    h.human = 3;
    h.bots = 4;
    h.started = STARTED;
    for (int s = 0; s < 3; s++)
        snprintf(h.team[s], sizeof h.team[s], "%s", t->team[s]);
    pc_saver_t w;
    cr_assert_eq(pc_saver_open(&w, path, &h, err, sizeof err), 0, "%s", err);
    pl_state_t st;
    pl_error_t e;
    pl_bot_t bot[3];
    cr_assert_eq(pl_state_init(t->rs, &st, 3, seed, &e), PL_OK);
    for (int s = 0; s < 3; s++)
        pl_bot_init(&bot[s], PL_BOT_GREEDY, seed + (uint64_t)s);
    size_t cap = 256;
    t->moves = malloc(cap * sizeof *t->moves);
    while (st.wait != PL_WAIT_OVER && (!cut || t->n_moves < cut)) {
        int seat = pl_next_actor(&st);
        pl_move_t mv;
        cr_assert(pl_bot_move(t->rs, &st, seat, &bot[seat], &mv));
        cr_assert_eq(pl_apply(t->rs, &st, &mv, NULL, &e), PL_OK);
        cr_assert_eq(pc_saver_move(&w, &mv), 0);
        if (t->n_moves == cap)
            t->moves = realloc(t->moves, (cap *= 2) * sizeof *t->moves);
        t->moves[t->n_moves++] = mv;
    }
    pc_saver_close(&w);
    t->st = malloc((t->n_moves + 1) * sizeof *t->st);
    cr_assert_eq(pl_state_init(t->rs, &t->st[0], 3, seed, &e), PL_OK);
    for (size_t k = 0; k < t->n_moves; k++) {
        t->st[k + 1] = t->st[k];
        cr_assert_eq(pl_apply(t->rs, &t->st[k + 1], &t->moves[k], NULL, &e), PL_OK);
    }
}

static void table_free(tr_table_t *t)
{
    pl_ruleset_destroy(t->rs);
    free(t->moves);
    free(t->st);
}

Test(save, a_saved_hot_seat_game_every_number_the_page_drawn_and_printed, .timeout = 240)
{
    char dir[256], save[300], out[300], shot[300], msg[16384];
    tr_tmpdir(dir, sizeof dir);
    snprintf(save, sizeof save, "%s/hotseat.save", dir);
    snprintf(out, sizeof out, "%s/report", dir);
    tr_table_t t;
    saved_game(save, 42, 0, &t);
    cr_assert_eq(tr_report(msg, sizeof msg, "--save", save, "--out", out, "--lang", "fr", NULL), 0, "%s", msg);
    const tr_table_t *one = &t;
    int questions = tr_check_exports(out, &one, 1, PL_LANG_FR);
    tr_check_html(out, &one, 1, questions, 0);
    char html_path[400];
    snprintf(html_path, sizeof html_path, "%s/report.html", out);
    size_t len;
    char *html = tr_slurp(html_path, &len);
    cr_assert(strstr(html, "Les Acheteurs") && strstr(html, "Équipe &quot;Verte&quot;, 2ᵉ"), "names escaped, not lost");
    cr_assert(strstr(html, "Équipe 3 (ordi)"), "the computer's team is named so");
    cr_assert(strstr(html, "1 décembre 2025"), "the game's date");
    free(html);
    /* the page as Chromium draws it, against the reference picture (fonts may differ a little) */
    snprintf(shot, sizeof shot, "%s/shot.png", dir);
    double ms;
    cr_assert_eq(tr_chromium(html_path, "screenshot", shot, NULL, msg, sizeof msg, &ms), 0, "%s", msg);
    printf("report: chromium took its screenshot in %.1f s\n", ms / 1000);
    const char *ref = "tests/report/ref/report-save.png";
    if (getenv("UPDATE_REF")) {
        char cmd[800];
        snprintf(cmd, sizeof cmd, "cp %s %s", shot, ref);
        cr_assert_eq(system(cmd), 0);
    }
    double diff = tr_png_diff(shot, ref, 48);
    cr_assert_geq(diff, 0, "the screenshot and %s have the same size", ref);
    cr_assert_leq(diff, 0.02, "the screenshot differs from %s on %.2f %% of its pixels (UPDATE_REF=1 after a "
                              "deliberate change; the new one is %s)", ref, diff * 100, shot);
    if (diff <= 0.02) {
        table_free(&t);
        tr_rmtree(dir);
    }
}

/* the checks can fail: a page that fetches something, a picture that is not the reference */
Test(save, the_checks_see_a_request_and_a_different_picture, .timeout = 120)
{
    char dir[256], html[300], log[300], shot[300], msg[16384];
    tr_tmpdir(dir, sizeof dir);
    snprintf(html, sizeof html, "%s/fetch.html", dir);
    snprintf(log, sizeof log, "%s/net.json", dir);
    FILE *f = fopen(html, "w");
    fputs("<!DOCTYPE html><html><body><p>x</p><img src=\"http://example.invalid/x.png\"></body></html>", f);
    fclose(f);
    size_t cap = 1 << 20;
    char *dom = malloc(cap);
    cr_assert_eq(tr_chromium(html, "dom", NULL, log, dom, cap, NULL), 0);
    cr_assert_eq(tr_page_requests(log, msg, sizeof msg), 1, "the request is seen:\n%s", msg);
    cr_assert(strstr(msg, "example.invalid"), "%s", msg);
    snprintf(shot, sizeof shot, "%s/shot.png", dir);
    cr_assert_eq(tr_chromium(html, "screenshot", shot, NULL, msg, sizeof msg, NULL), 0);
    double diff = tr_png_diff(shot, "tests/report/ref/report-save.png", 48);
    cr_assert_gt(diff, 0.02, "another page is not the reference (%.3f)", diff);
    free(dom);
    tr_rmtree(dir);
}

Test(save, bad_saves_are_refused, .timeout = 60)
{
    char dir[256], save[300], out[300], msg[8192], listing[4096], before[4096];
    tr_tmpdir(dir, sizeof dir);
    snprintf(save, sizeof save, "%s/game.save", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    tr_table_t t;
    /* a game not over */
    saved_game(save, 7, 30, &t);
    tr_listing(dir, before, sizeof before);
    cr_assert_eq(tr_report(msg, sizeof msg, "--save", save, "--out", out, "--lang", "fr", NULL), 1, "%s", msg);
    cr_assert(strstr(msg, "la partie enregistrée n'est pas finie"), "%s", msg);
    cr_assert_eq(tr_report(msg, sizeof msg, "--save", save, "--out", out, "--lang", "en", NULL), 1, "%s", msg);
    cr_assert(strstr(msg, "the saved game has not ended"), "%s", msg);
    table_free(&t);
    /* a damaged move, a file that is no save, a save of another version of the game */
    saved_game(save, 7, 0, &t);
    table_free(&t);
    size_t len;
    char *text = tr_slurp(save, &len);
    char *line = strstr(text, "\nM ");
    cr_assert_not_null(line);
    line[1] = 'X';
    FILE *f = fopen(save, "w");
    fwrite(text, 1, len, f);
    fclose(f);
    cr_assert_eq(tr_report(msg, sizeof msg, "--save", save, "--out", out, "--lang", "en", NULL), 1, "%s", msg);
    cr_assert(strstr(msg, "move 1 of the saved game") && strstr(msg, "is damaged"), "%s", msg);
    line[1] = 'M';
    char *hash = strstr(text, "\"hash\":\"");
    cr_assert_not_null(hash);
    hash[8] = hash[8] == '0' ? '1' : '0';
    f = fopen(save, "w");
    fwrite(text, 1, len, f);
    fclose(f);
    cr_assert_eq(tr_report(msg, sizeof msg, "--save", save, "--out", out, "--lang", "en", NULL), 1, "%s", msg);
    cr_assert(strstr(msg, "another version of"), "%s", msg);
    free(text);
    f = fopen(save, "w");
    fputs("{\"format\":\"something-else\"}\nM 2 0 0\n", f);
    fclose(f);
    cr_assert_eq(tr_report(msg, sizeof msg, "--save", save, "--out", out, "--lang", "fr", NULL), 1, "%s", msg);
    cr_assert(strstr(msg, "n'est pas une partie enregistrée de Plateau"), "%s", msg);
    snprintf(save, sizeof save, "%s/missing.save", dir);
    cr_assert_eq(tr_report(msg, sizeof msg, "--save", save, "--out", out, "--lang", "en", NULL), 1, "%s", msg);
    cr_assert(strstr(msg, "cannot be read"), "%s", msg);
    tr_listing(dir, listing, sizeof listing);
    cr_assert_str_eq(listing, before, "nothing written");
    tr_rmtree(dir);
}
