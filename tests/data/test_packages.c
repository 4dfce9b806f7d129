/* test_packages.c -- every package shipped under game-data/ loads, and can start and finish a game */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "plateau.h"
#include "util.h"

Test(packages, every_shipped_package_validates)
{
    char **names = NULL;
    int n = pl_package_list("game-data", &names);
    cr_assert(n >= 1, "no package with a game.xml under game-data/");
    for (int i = 0; i < n; i++) {
        char dir[512];
        snprintf(dir, sizeof dir, "game-data/%s", names[i]);
        pl_diags_t d;
        pl_diags_init(&d);
        pl_ruleset_t *rs = pl_package_load(dir, &d);
        char *txt = diags_text(&d);
        cr_expect(rs != NULL, "%s does not load:\n%s", dir, txt ? txt : "");
        cr_expect(d.n == 0, "%s: a valid package reported diagnostics:\n%s", dir, txt ? txt : "");
        free(txt);
        if (rs) {
            cr_expect(rs->n_spaces > 0 && rs->n_decks > 0 && rs->n_cards > 0, "%s: empty ruleset", dir);
            cr_expect(rs->title.s[PL_LANG_FR] && rs->title.s[PL_LANG_EN], "%s: title missing", dir);
            pl_state_t *st = malloc(sizeof *st);
            pl_error_t err = { 0 };
            cr_assert(st);
            int r = pl_state_init(rs, st, rs->turn.default_seats, 42, &err);
            cr_expect(r == PL_OK, "%s: a table cannot be set up with %d seats: %s", dir,
                      rs->turn.default_seats, err.msg);
            /* and greedy bots play it to the end */
            pl_bot_t bots[PL_MAX_SEATS];
            for (int s = 0; s < PL_MAX_SEATS; s++)
                pl_bot_init(&bots[s], PL_BOT_GREEDY, (uint64_t)s + 1);
            r = pl_bot_play_game(rs, st, rs->turn.default_seats, 42, bots, 0, &err);
            cr_expect(r == PL_OK, "%s: a bot game stopped: %s", dir, err.msg);
            cr_expect(st->wait == PL_WAIT_OVER, "%s: a bot game did not end", dir);
            free(st);
        }
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
        free(names[i]);
    }
    free(names);
}

Test(packages, template_package_loads_into_the_model)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(BASE_PKG, &d);
    cr_assert(rs, "template package does not load");
    cr_expect_eq(rs->n_counters, 1);
    cr_expect_eq(rs->n_table_counters, 1);
    cr_expect_eq(rs->n_spaces, 4);
    cr_expect_eq(rs->n_phases, 2);
    cr_expect_eq(rs->n_decks, 2);
    cr_expect_eq(rs->n_cards, 6);
    cr_expect_eq(rs->turn.max_seats, 3);
    cr_expect_eq(rs->turn.sides, 3);
    cr_expect_eq(rs->turn.setup_deck, pl_ruleset_deck(rs, "dossiers"));
    cr_expect_eq(rs->turn.hand_deck, pl_ruleset_deck(rs, "actions"));
    cr_expect_str_eq(rs->spaces[rs->start_space].id, "s0");
    /* default next: the following space; the end space has none */
    cr_expect_eq(rs->spaces[0].n_next, 1);
    cr_expect_eq(rs->spaces[0].next[0], 1);
    cr_expect_eq(rs->spaces[3].n_next, 0);
    cr_expect_str_eq(pl_text(&rs->spaces[1].name, PL_LANG_EN), "Action");
    cr_expect_str_eq(pl_text(&rs->phases[1].name, PL_LANG_FR), "Fin");
    int a1 = pl_ruleset_card(rs, "a1");
    cr_assert(a1 >= 0);
    const pl_card_t *c = &rs->cards[a1];
    cr_expect_eq(c->impact, 2);
    cr_expect_eq(c->horizon, PL_HORIZON_SHORT);
    cr_expect_eq(c->effects.count, 2);
    /* a table counter named without target becomes a table effect */
    const pl_effect_t *e = &rs->effects[c->effects.first + 1];
    cr_expect_eq(e->op, PL_EFF_COUNTER);
    cr_expect_eq(e->target, PL_TGT_TABLE);
    cr_expect_eq(e->amount, 1);
    /* a choice keeps its options and their effects */
    const pl_card_t *c2 = &rs->cards[pl_ruleset_card(rs, "a2")];
    cr_expect_eq(c2->requires.count, 1);
    cr_expect_eq(rs->conds[c2->requires.first].kind, PL_COND_TOKEN);
    cr_expect_eq(rs->conds[c2->requires.first].min, 1);
    const pl_effect_t *ch = &rs->effects[c2->effects.first];
    cr_expect_eq(ch->op, PL_EFF_CHOICE);
    cr_expect_eq(ch->opts.count, 2);
    cr_expect_str_eq(rs->options[ch->opts.first + 1].id, "y");
    cr_expect_str_eq(pl_text(&rs->options[ch->opts.first].label, PL_LANG_EN), "Yes");
    cr_expect_eq(rs->effects[rs->options[ch->opts.first + 1].effects.first].op, PL_EFF_MOVE);
    /* source positions are kept for messages */
    cr_expect(strstr(c->file, "actions.xml") != NULL);
    cr_expect(c->line > 1);
    pl_ruleset_destroy(rs);
    pl_diags_free(&d);
}

Test(packages, list_finds_only_folders_with_game_xml)
{
    char **names = NULL;
    int n = pl_package_list("game-data", &names);
    cr_assert(n >= 1);
    int minimal = 0;
    for (int i = 0; i < n; i++) {
        cr_expect(strcmp(names[i], "schema") != 0, "schema/ is not a package");
        if (i)
            cr_expect(strcmp(names[i - 1], names[i]) < 0, "names are not sorted");
        minimal |= !strcmp(names[i], "example-minimal");
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    free(names);
    cr_expect(minimal, "example-minimal not listed");
    cr_expect_eq(pl_package_list("tests/data/no-such-folder", &names), -1);
}

Test(packages, diagnostics_print_as_file_line_message)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_diags_add(&d, "pkg/game.xml", 12, "unknown deck '%s'\n", "x");
    char *txt = diags_text(&d);
    cr_expect_str_eq(txt, "pkg/game.xml:12: unknown deck 'x'\n");
    free(txt);
    pl_diags_free(&d);
    pl_diags_free(NULL);
}

Test(packages, missing_folder_is_an_error_not_a_crash)
{
    pl_diags_t d;
    pl_diags_init(&d);
    cr_expect_null(pl_package_load("tests/data/no-such-folder", &d));
    cr_expect(d.n >= 1);
    cr_expect(strstr(d.items[0].file, "game.xml") != NULL);
    pl_diags_free(&d);
}

#include <pthread.h>

static void *load_in_thread(void *arg)
{
    (void)arg;
    long ok = 0;
    for (int i = 0; i < 4; i++) {
        pl_diags_t d;
        pl_diags_init(&d);
        pl_ruleset_t *rs = pl_package_load("game-data/example-minimal", &d);
        ok += rs != NULL && d.n == 0;
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
        pl_diags_init(&d);
        rs = pl_package_load("tests/fixtures/many-errors", &d);
        ok += rs == NULL && d.n >= 4;
        pl_ruleset_destroy(rs);
        pl_diags_free(&d);
    }
    return (void *)ok;
}

/* a server loads packages from several threads: results do not mix */
Test(packages, loads_from_several_threads_at_once)
{
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        cr_assert(pthread_create(&th[i], NULL, load_in_thread, NULL) == 0);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        cr_expect_eq((long)r, 8, "thread %d: %ld of 8 loads gave the expected result", i, (long)r);
    }
}
