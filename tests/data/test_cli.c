/* test_cli.c -- plateau-deck as a designer runs it: exit codes, file:line errors, simulation report */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "util.h"

#ifndef DECK_BIN
#define DECK_BIN "build/plateau-deck"
#endif

/* Runs plateau-deck with args; returns its exit status and its output (stdout+stderr, malloc'd). */
static int run(const char *args, char **out)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s %s 2>&1", DECK_BIN, args);
    FILE *p = popen(cmd, "r");
    cr_assert(p, "cannot run %s", DECK_BIN);
    size_t cap = 65536, n = 0, r;
    char *buf = malloc(cap);
    cr_assert(buf);
    while ((r = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += r;
        if (n + 1 == cap) {
            buf = realloc(buf, cap *= 2);
            cr_assert(buf);
        }
    }
    buf[n] = '\0';
    int st = pclose(p);
    *out = buf;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

Test(cli, validate_good_package_says_ok)
{
    char *out;
    int st = run("validate game-data/example-minimal " BASE_PKG, &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "game-data/example-minimal: ok (") != NULL, "%s", out);
    cr_expect(strstr(out, BASE_PKG ": ok (6 cards, 4 spaces)") != NULL, "%s", out);
    free(out);
}

Test(cli, validate_bad_package_lists_every_error_and_fails)
{
    char *out;
    int st = run("validate " BASE_PKG " tests/fixtures/many-errors", &out);
    cr_expect_eq(st, 1, "%s", out);
    cr_expect(strstr(out, "tests/fixtures/many-errors/game.xml:46: ") != NULL, "%s", out);
    cr_expect(strstr(out, "tests/fixtures/many-errors/actions.xml:29: ") != NULL, "%s", out);
    cr_expect(strstr(out, BASE_PKG ": ok") != NULL, "the good package is still validated:\n%s", out);
    free(out);
}

Test(cli, usage_errors_exit_2_with_a_message)
{
    char *out;
    cr_expect_eq(run("", &out), 2);
    free(out);
    cr_expect_eq(run("frobnicate", &out), 2);
    cr_expect(strstr(out, "unknown command") != NULL, "%s", out);
    free(out);
    cr_expect_eq(run("simulate game-data/example-minimal --games", &out), 2);
    cr_expect(strstr(out, "--games needs a value") != NULL, "%s", out);
    free(out);
    cr_expect_eq(run("simulate game-data/example-minimal --bots greedy,genius", &out), 2);
    cr_expect(strstr(out, "unknown bot 'genius'") != NULL, "%s", out);
    free(out);
    cr_expect_eq(run("simulate game-data/example-minimal --bots lens:nope", &out), 2);
    cr_expect(strstr(out, "no counter 'nope'") != NULL, "%s", out);
    free(out);
    cr_expect_eq(run("simulate game-data/example-minimal --gmaes 3", &out), 2);
    cr_expect(strstr(out, "unknown option '--gmaes'") != NULL, "%s", out);
    free(out);
}

Test(cli, help_and_version)
{
    char *out;
    cr_expect_eq(run("--help", &out), 0);
    cr_expect(strstr(out, "plateau-deck validate [--strict]") && strstr(out, "simulate PATH") &&
                  strstr(out, "diff OLD NEW"), "%s", out);
    free(out);
    cr_expect_eq(run("--version", &out), 0);
    cr_expect(strncmp(out, "plateau-deck ", 13) == 0, "%s", out);
    free(out);
}

Test(cli, simulate_reports_scores_wins_and_cards, .timeout = 60)
{
    char *out;
    int st = run("simulate game-data/example-minimal --games 60 --seed 7 --bots greedy,lens:env --rotate", &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "60 games") != NULL, "%s", out);
    cr_expect(strstr(out, "games/s") != NULL, "%s", out);
    cr_expect(strstr(out, "rounds and") != NULL && strstr(out, "moves per game") != NULL, "%s", out);
    cr_expect(strstr(out, "Wins per seat") != NULL, "%s", out);
    cr_expect(strstr(out, "Wins per bot") != NULL, "%s", out);
    cr_expect(strstr(out, "greedy beats lens:env in") != NULL, "%s", out);
    cr_expect(strstr(out, "a-spaser") != NULL, "card usage missing:\n%s", out);
    free(out);
    /* the same seeds give the same report, apart from the timing line */
    char *a, *b;
    run("simulate game-data/example-minimal --games 20 --seed 3 --markdown", &a);
    run("simulate game-data/example-minimal --games 20 --seed 3 --markdown", &b);
    char *ta = strstr(a, "## Scores"), *tb = strstr(b, "## Scores");
    cr_assert(ta && tb, "%s", a);
    cr_expect_str_eq(ta, tb);
    free(a);
    free(b);
}

Test(cli, verbose_narrates_a_game_in_french_and_english, .timeout = 60)
{
    char *out;
    int st = run("simulate game-data/example-minimal --games 1 --seed 1 --verbose", &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "lance le dé") != NULL, "%s", out);
    cr_expect(strstr(out, "Scores :") != NULL, "%s", out);
    free(out);
    st = run("simulate game-data/example-minimal --games 1 --seed 1 --verbose --lang en", &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "roll") != NULL && strstr(out, "Scores:") != NULL, "%s", out);
    free(out);
}
