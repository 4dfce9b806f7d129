/* test_cli.c -- plateau-deck as a designer runs it: exit codes, file:line errors, simulation report */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <ctype.h>
#include <dirent.h>
#include "util.h"

#ifndef DECK_BIN
#define DECK_BIN "build/plateau-deck"
#endif

/* Runs plateau-deck with args in an environment of the given language (LANG=lang, the other
 * locale variables unset); returns its exit status and its output (stdout+stderr, malloc'd). */
static int run_lang(const char *lang, const char *args, char **out)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=%s %s %s 2>&1", lang, DECK_BIN, args);
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

/* The tests below expect French by default: LANG names no language. */
static int run(const char *args, char **out)
{
    return run_lang("C.UTF-8", args, out);
}

/* The report after its timing line (which differs from run to run). */
static const char *after_timing(const char *report)
{
    const char *p = strstr(report, "games/s");
    p = p ? strchr(p, '\n') : NULL;
    return p ? p : "";
}

Test(cli, validate_good_package_says_ok)
{
    char *out;
    int st = run_lang("en_US.UTF-8", "validate game-data/example-minimal " BASE_PKG, &out);
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
    char *ta = strstr(a, "## Flags"), *tb = strstr(b, "## Flags");
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

Test(cli, help_after_every_subcommand_and_strict_numbers)
{
    char *out;
    cr_expect_eq(run("simulate --help", &out), 0);
    cr_expect(strstr(out, "usage: plateau-deck simulate PATH") && strstr(out, "--seed S"), "%s", out);
    free(out);
    cr_expect_eq(run("validate --help", &out), 0);
    cr_expect(strstr(out, "plateau-deck validate") && strstr(out, "--strict"), "%s", out);
    free(out);
    cr_expect_eq(run("simulate game-data/example-minimal --games 1 --help", &out), 0, "%s", out);
    free(out);
    const char *bad[][2] = { { "--seed abc", "--seed: 'abc' is not a whole number" },
                             { "--seed 12x", "--seed: '12x' is not a whole number" },
                             { "--seed 99999999999999999999999", "is not a whole number" },
                             { "--seed -3", "is not a whole number" },
                             { "--games 0", "--games: '0' is not a number from 1" },
                             { "--games 5.5", "--games: '5.5' is not a number" },
                             { "--seats 99", "--seats: '99' is not a number from 1 to 8" } };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char args[200];
        snprintf(args, sizeof args, "simulate game-data/example-minimal %s", bad[i][0]);
        cr_expect_eq(run(args, &out), 2, "%s: %s", args, out);
        cr_expect(strstr(out, bad[i][1]), "%s: %s", args, out);
        free(out);
    }
}

Test(cli, validate_reports_a_dozen_mistakes_in_plain_words_in_one_run)
{
    char *out;
    int st = run_lang("en_GB.UTF-8", "validate tests/fixtures/dozen-mistakes", &out);
    cr_expect_eq(st, 1, "%s", out);
    static const char *const want[] = {
        "dozen-mistakes/game.xml:6: error: <turn>: unknown attribute colour",
        "dozen-mistakes/game.xml:8: error: unknown element <cuonter> inside <counters> (did you mean <counter>?)",
        "dozen-mistakes/game.xml:42: error: space id 's1' is already used (first on line 34)",
        "dozen-mistakes/actions.xml:9: error: counter: unknown counter 'envv' (did you mean 'env'?)",
        "dozen-mistakes/events.xml:13: error: card id 'a3' is already used (first at",
        "tests/fixtures/dozen-mistakes: 18 errors",
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        cr_expect(strstr(out, want[i]) != NULL, "missing '%s' in:\n%s", want[i], out);
    /* the source line and a caret under what is wrong */
    cr_expect(strstr(out, "    6 | <turn dice=\"1\"") != NULL, "%s", out);
    cr_expect(strstr(out, "^~~~~~~~~~") != NULL, "%s", out);
    free(out);
    st = run("validate tests/fixtures/dozen-mistakes", &out);
    cr_expect_eq(st, 1, "%s", out);
    cr_expect(strstr(out, "dozen-mistakes/game.xml:8: erreur: élément inconnu <cuonter> dans <counters> "
                          "(vouliez-vous dire <counter> ?)") != NULL, "%s", out);
    cr_expect(strstr(out, "tests/fixtures/dozen-mistakes: 18 erreurs") != NULL, "%s", out);
    free(out);
}

Test(cli, validate_picks_its_language)
{
    char *out;
    run_lang("en_US.UTF-8", "validate tests/fixtures/schema-deck", &out);
    cr_expect(strstr(out, "is too large") != NULL, "LANG=en_US: English expected:\n%s", out);
    free(out);
    run_lang("fr_FR.UTF-8", "validate tests/fixtures/schema-deck", &out);
    cr_expect(strstr(out, "est trop grand") != NULL, "LANG=fr_FR: French expected:\n%s", out);
    free(out);
    run_lang("de_DE.UTF-8", "validate tests/fixtures/schema-deck", &out);
    cr_expect(strstr(out, "est trop grand") != NULL, "another language: French expected:\n%s", out);
    free(out);
    run_lang("en_US.UTF-8", "validate --lang fr tests/fixtures/schema-deck", &out);
    cr_expect(strstr(out, "est trop grand") != NULL, "--lang fr wins over LANG:\n%s", out);
    free(out);
    cr_expect_eq(run("validate --lang de tests/fixtures/schema-deck", &out), 2);
    cr_expect(strstr(out, "--lang: 'de'") != NULL, "%s", out);
    free(out);
}

/* No schema jargon in any message, in either language (the source lines quoted under each
 * message are the designer's own text and are not checked). */
Test(cli, no_schema_jargon_in_any_message, .timeout = 120)
{
    static const char *const jargon[] = { "urn:", "facet", "atomic type", "{urn", "{http" };
    DIR *dp = opendir("tests/fixtures");
    cr_assert(dp);
    struct dirent *e;
    int checked = 0;
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        for (int lang = 0; lang < 2; lang++) {
            char args[512], *out;
            snprintf(args, sizeof args, "validate --lang %s tests/fixtures/%s", lang ? "en" : "fr", e->d_name);
            run(args, &out);
            char *save = NULL;
            for (char *l = strtok_r(out, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
                if (l[0] == ' ')
                    continue; /* a quoted source line or its caret */
                checked++;
                for (size_t j = 0; j < sizeof jargon / sizeof *jargon; j++)
                    for (const char *at = strstr(l, jargon[j]); at; at = strstr(at + 1, jargon[j]))
                        cr_expect(at > l && isalpha((unsigned char)at[-1]), "'%s' in: %s", jargon[j], l); /* not "turn:" */
            }
            free(out);
        }
    }
    closedir(dp);
    cr_expect(checked > 100, "only %d message lines checked", checked);
}

Test(cli, warnings_exit_0_unless_strict)
{
    char *out;
    int st = run_lang("en_US.UTF-8", "validate tests/fixtures/warn-never-drawn", &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "warn-never-drawn/game.xml:76: warning: deck 'spare' is never drawn") != NULL, "%s", out);
    cr_expect(strstr(out, "tests/fixtures/warn-never-drawn: ok (7 cards, 4 spaces), 1 warning") != NULL, "%s", out);
    free(out);
    st = run("validate --strict tests/fixtures/warn-never-drawn", &out);
    cr_expect_eq(st, 1, "--strict: a warning fails:\n%s", out);
    cr_expect(strstr(out, "avertissement: le deck 'spare' n'est jamais tiré") != NULL, "%s", out);
    free(out);
    cr_expect_eq(run("validate --strict game-data/example-minimal", &out), 0, "%s", out);
    free(out);
}

Test(cli, simulate_gives_the_same_report_on_1_and_2_threads, .timeout = 120)
{
    static const char *const pkgs[] = { "game-data/example-minimal --games 400 --seed 5 --bots greedy,random --rotate",
                                        "game-data/achats-durables --games 300 --seed 9" };
    for (size_t i = 0; i < sizeof pkgs / sizeof *pkgs; i++) {
        char args[512], *a, *b;
        snprintf(args, sizeof args, "simulate %s --threads 1", pkgs[i]);
        cr_expect_eq(run(args, &a), 0, "%s", a);
        snprintf(args, sizeof args, "simulate %s --threads 2", pkgs[i]);
        cr_expect_eq(run(args, &b), 0, "%s", b);
        cr_expect(strstr(a, "on 1 thread (") && strstr(b, "on 2 threads ("), "%s\n%s", a, b);
        cr_expect_str_eq(after_timing(a), after_timing(b));
        free(a);
        free(b);
    }
}

Test(cli, simulate_flags_cards_never_played_and_ends_never_reached, .timeout = 60)
{
    char *out;
    int st = run("simulate tests/fixtures/warn-never-holds --games 200 --seed 1", &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "never played: a1 (deck actions)") != NULL, "%s", out);
    cr_expect(strstr(out, "never played: a2 (deck actions)") != NULL, "%s", out);
    cr_expect(strstr(out, "end condition never reached: has-table-counter region >= 60") != NULL, "%s", out);
    cr_expect(strstr(out, "Game length") && strstr(out, "How games ended") && strstr(out, "Set-up cards"), "%s", out);
    cr_expect(strstr(out, "Votes (the option that won)") != NULL, "%s", out);
    free(out);
    st = run("simulate game-data/example-minimal --games 300 --seed 1", &out);
    cr_expect(strstr(out, "win-rate gain +") != NULL, "%s", out);
    cr_expect(strstr(out, "Choices (the option chosen)") && strstr(out, "Forks (the way taken)"), "%s", out);
    free(out);
}

/* One line of a diff table: the cells after the name, or NULL. */
static const char *diff_row(const char *out, const char *name)
{
    char key[128];
    snprintf(key, sizeof key, "\n%s ", name);
    const char *p = strstr(out, key);
    return p ? p + strlen(key) : NULL;
}

Test(cli, diff_shows_the_known_changes, .timeout = 120)
{
    char *out, *again;
    int st = run("diff tests/fixtures/diff-old tests/fixtures/diff-new --games 300 --seed 2", &out);
    cr_expect_eq(st, 0, "%s", out);
    cr_expect(strstr(out, "the same 300 games on each") != NULL, "%s", out);
    /* the new version starts with 8 budget instead of 4 */
    const char *budget = diff_row(out, "budget");
    double old_b = 0, new_b = 0, change = 0;
    cr_assert(budget && sscanf(budget, "%lf %lf %lf", &old_b, &new_b, &change) == 3, "%s", out);
    cr_expect(new_b > old_b && change > 0, "budget should rise: %.2f -> %.2f\n%s", old_b, new_b, out);
    /* a-framework was removed, a-second-hand added */
    const char *gone = diff_row(out, "a-framework"), *added = diff_row(out, "a-second-hand");
    cr_expect(gone && strstr(gone, "(removed)") && strchr(gone, '\n') > strstr(gone, "(removed)"), "%s", out);
    cr_expect(added && strstr(added, "(added)") && strchr(added, '\n') > strstr(added, "(added)"), "%s", out);
    /* an unchanged card is listed with both figures */
    const char *same = diff_row(out, "a-spaser");
    double p0 = 0, p1 = 0;
    cr_expect(same && sscanf(same, " actions %lf %lf", &p0, &p1) == 2 && p0 > 0 && p1 > 0, "%s", out);
    /* deterministic */
    run("diff tests/fixtures/diff-old tests/fixtures/diff-new --games 300 --seed 2 --threads 1", &again);
    cr_expect_str_eq(after_timing(out), after_timing(again));
    free(out);
    free(again);
    cr_expect_eq(run("diff tests/fixtures/diff-old", &out), 2);
    cr_expect(strstr(out, "give the old and the new package folders") != NULL, "%s", out);
    free(out);
    cr_expect_eq(run("diff tests/fixtures/diff-old tests/fixtures/dozen-mistakes --games 5", &out), 1);
    cr_expect(strstr(out, "dozen-mistakes/game.xml:6:") != NULL, "%s", out);
    free(out);
}
