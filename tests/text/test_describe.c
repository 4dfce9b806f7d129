/* test_describe.c -- what cards do, in words: the describer on shipped cards, in French and English */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "data/package.h"
#include "text/text.h"

static pl_ruleset_t *rs;

static void load(void)
{
    pl_diags_t d;
    pl_diags_init(&d);
    setenv("PLATEAU_LOCALEDIR", "build/locale", 0);
    rs = pl_package_load("game-data/achats-durables", &d);
    pl_diags_free(&d);
    cr_assert_not_null(rs, "the shipped package loads");
    cr_assert_str_neq(pt_locale_dir(), "", "the French catalog is found");
}

static void unload(void)
{
    pl_ruleset_destroy(rs);
}

static pl_range_t effects_of(const char *id)
{
    int c = pl_ruleset_card(rs, id);
    cr_assert_geq(c, 0, "card %s exists", id);
    return rs->cards[c].effects;
}

/* U+00A0 and U+202F read as plain spaces, to compare with readable expectations */
static void plain(char *s)
{
    char *o = s;
    for (char *p = s; *p;) {
        if (!strncmp(p, "\xC2\xA0", 2)) *o++ = ' ', p += 2;
        else if (!strncmp(p, "\xE2\x80\xAF", 3)) *o++ = ' ', p += 3;
        else *o++ = *p++;
    }
    *o = 0;
}

TestSuite(describe, .init = load, .fini = unload);

Test(describe, groupement_de_commandes_in_both_languages)
{
    char line[512];
    pt_effects_line(rs, effects_of("a-groupement"), PL_LANG_FR, line, sizeof line);
    plain(line);
    cr_expect_str_eq(line, "+2 Deniers publics \xC2\xB7 \xE2\x88\x92" "1 Économie locale \xC2\xB7 Dans 2 tours : +1 Deniers publics");
    pt_effects_line(rs, effects_of("a-groupement"), PL_LANG_EN, line, sizeof line);
    cr_expect_str_eq(line, "+2 Public money \xC2\xB7 \xE2\x88\x92" "1 Local economy \xC2\xB7 In 2 turns: +1 Public money");
}

Test(describe, items_carry_counters_signs_and_nesting)
{
    pt_item_t it[32];
    int n = pt_effects(rs, effects_of("a-groupement"), PL_LANG_EN, it, 32);
    cr_assert_eq(n, 4);
    int money = pl_ruleset_counter(rs, "deniers-publics"), eco = pl_ruleset_counter(rs, "eco-locale");
    cr_expect(it[0].kind == PT_IT_COUNTER && it[0].ref == money && it[0].amount == 2 && it[0].depth == 0);
    cr_expect(it[1].kind == PT_IT_COUNTER && it[1].ref == eco && it[1].amount == -1);
    cr_expect(it[2].kind == PT_IT_HEADER && it[2].amount == 2);
    cr_expect(it[3].kind == PT_IT_COUNTER && it[3].depth == 1 && it[3].amount == 1);
}

Test(describe, tokens_table_counters_and_costs)
{
    char line[512];
    pt_effects_line(rs, effects_of("a-spaser"), PL_LANG_FR, line, sizeof line);
    plain(line);
    cr_expect(strstr(line, "+1 Condition politique"), "a token gained: %s", line);
    cr_expect(strstr(line, "Région : +1 Marchés verts"), "a table counter with the table's label: %s", line);
    cr_expect(strstr(line, "Dans 3 tours : +1 Environnement, +1 Social, +1 Économie locale"), "%s", line);
    pt_item_t it[8];
    int n = pt_costs(rs, pl_ruleset_card(rs, "a-spaser"), PL_LANG_FR, it, 8);
    cr_assert_eq(n, 2);
    cr_expect_str_eq(it[0].text, "\xE2\x88\x92" "2 Budget");
    cr_expect_str_eq(it[1].text, "\xE2\x88\x92" "3 Sem.", "the short label of the calendar (%s)", it[1].text);
}

Test(describe, every_effect_of_every_shipped_card_is_described)
{
    const char *pkgs[] = { "game-data/achats-durables", "game-data/example-minimal" };
    for (int p = 0; p < 2; p++) {
        pl_diags_t d;
        pl_diags_init(&d);
        pl_ruleset_t *r = pl_package_load(pkgs[p], &d);
        pl_diags_free(&d);
        cr_assert_not_null(r);
        for (uint32_t c = 0; c < r->n_cards; c++)
            for (int lang = 0; lang < PL_LANG_COUNT; lang++) {
                pt_item_t it[96];
                int n = pt_effects(r, r->cards[c].effects, lang, it, 96);
                cr_assert_leq(n, 96, "card %s describes in at most 96 items", r->cards[c].id);
                for (int i = 0; i < n; i++) {
                    cr_expect(it[i].text[0], "card %s item %d is not empty", r->cards[c].id, i);
                    cr_expect(!strstr(it[i].text, "?"), "card %s: no unknown name in \"%s\"", r->cards[c].id, it[i].text);
                    /* no id of the package ever reaches a player */
                    for (int k = 0; k < r->n_counters; k++)
                        cr_expect(!strstr(it[i].text, r->counters[k].id) || strstr(pl_text(&r->counters[k].name, lang), r->counters[k].id),
                                  "card %s: counter id %s in \"%s\"", r->cards[c].id, r->counters[k].id, it[i].text);
                }
                if (r->cards[c].kind == PL_CARD_ACTION)
                    cr_expect_gt(n, 0, "action %s has effects to show", r->cards[c].id);
            }
        /* a condition on a missing token reads as one: "Without X:", never "With no X:" */
        for (int lang = 0; lang < PL_LANG_COUNT; lang++) {
            for (uint32_t c = 0; c < r->n_cards + r->n_spaces; c++) {
                pl_range_t eff = c < r->n_cards ? r->cards[c].effects : r->spaces[c - r->n_cards].on_land;
                pt_item_t it[96];
                int n = pt_effects(r, eff, lang, it, 96);
                for (int i = 0; i < n && i < 96; i++)
                    cr_expect(!strstr(it[i].text, "With no ") && !strstr(it[i].text, "Avec sans"), "\"%s\"",
                              it[i].text);
            }
        }
        pl_ruleset_destroy(r);
    }
}

Test(describe, votes_choices_and_conditions)
{
    char line[1024];
    pt_effects_line(rs, effects_of("v-prix-defendable"), PL_LANG_FR, line, sizeof line);
    plain(line);
    cr_expect(strstr(line, "Toutes les équipes votent :"), "%s", line);
    cr_expect(strstr(line, "Si « D'accord » l'emporte : +1 Deniers publics, \xE2\x88\x92" "1 Environnement"), "%s", line);
    int space = pl_ruleset_space(rs, "p1-validation");
    cr_assert_geq(space, 0);
    pt_effects_line(rs, rs->spaces[space].on_land, PL_LANG_EN, line, sizeof line);
    cr_expect_str_eq(line, "With Organisational condition: +1 Budget \xC2\xB7 Otherwise: \xE2\x88\x92" "2 Weeks");
    cr_expect(strstr(line, "With Organisational condition:"), "%s", line);
    cr_expect(strstr(line, "Otherwise:"), "%s", line);
}

Test(describe, refusals_explain_the_phase_and_the_missing_counter)
{
    pl_state_t st;
    pl_error_t e;
    cr_assert_eq(pl_state_init(rs, &st, 4, 7, &e), PL_OK);
    int late = -1;
    for (uint32_t c = 0; c < rs->n_cards && late < 0; c++)
        if (rs->cards[c].kind == PL_CARD_ACTION && rs->cards[c].phase > 0)
            late = (int)c;
    cr_assert_geq(late, 0);
    pl_move_t mv = { PL_MOVE_PLAY, 0, (uint16_t)late };
    char buf[512];
    pt_refusal(rs, &st, &mv, PL_ERR_WRONG_PHASE, PL_LANG_FR, buf, sizeof buf);
    plain(buf);
    cr_expect(strstr(buf, pl_text(&rs->phases[rs->cards[late].phase].name, PL_LANG_FR)), "names the card's phase: %s", buf);
    cr_expect(strstr(buf, "encore en"), "a phase still to come: %s", buf);
    int budget = pl_ruleset_counter(rs, "budget"), spaser = pl_ruleset_card(rs, "a-spaser");
    st.seat[0].counter[budget] = 1;
    mv.arg = (uint16_t)spaser;
    pt_refusal(rs, &st, &mv, PL_ERR_CANNOT_AFFORD, PL_LANG_EN, buf, sizeof buf);
    cr_expect_str_eq(buf, "This card costs 2 Budget; you have 1.");
    for (int code = 0; code < PL_ERR__COUNT; code++)
        cr_expect_str_neq(pt_reason(code, PL_LANG_FR), pt_reason(code, PL_LANG_EN), "reason %d is translated", code);
}
