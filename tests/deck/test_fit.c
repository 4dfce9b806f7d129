/* test_fit.c -- validate's text-fit warnings agree with what the client draws: a cost line it warns about is cut on
 * the card face, the shipped cards' are not, a name it warns about does not fit the client's box */
#include <criterion/criterion.h>
#include <string.h>
#include "client/art.h"
#include "data/package.h"
#include "../client/helpers.h"

static void setup(void) { tc_sdl_up(); }
static void teardown(void) { tc_sdl_down(); }

static pl_ruleset_t *load(const char *dir)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    pl_diags_free(&d);
    cr_assert(rs, "%s does not load", dir);
    return rs;
}

/* Whether the client, drawing card of rs at width w, cut its cost line (a cut text leaves its whole words for the
 * pointer: a tip holding the line). */
static int cost_cut(pc_app_t *a, const pl_ruleset_t *rs, int card, int lang, float w)
{
    char cost[160];
    pc_card_cost_line(rs, card, lang, cost, sizeof cost);
    if (!cost[0])
        return 0;
    pc_gfx_begin_frame(&a->gfx);
    pc_draw_card(&a->gfx, rs, card, lang, 100, 100, w, 0, 0);
    for (int i = 0; i < a->gfx.n_tips; i++)
        if (!strcmp(a->gfx.tips[i].text, cost))
            return 1;
    return 0;
}

Test(fit, a_cost_line_validate_warns_about_is_cut_on_the_card, .init = setup, .fini = teardown, .timeout = 60)
{
    pl_ruleset_t *rs = load("tests/fixtures/warn-fit-cost");
    pc_app_t *a = tc_app(TC_FIXTURE, 1920, 1080, 1);
    cr_assert(a);
    int card = pl_ruleset_card(rs, "a-costly");
    cr_assert_geq(card, 0);
    cr_expect(cost_cut(a, rs, card, PL_LANG_FR, pc_hand_card_width(3)), "the French cost line is whole on the card");
    cr_expect(cost_cut(a, rs, card, PL_LANG_EN, pc_hand_card_width(3)), "the English cost line is whole on the card");
    pc_app_destroy(a);
    pl_ruleset_destroy(rs);
}

/* The shipped game validates without a warning: no cost line of its hand is cut, at the widths of a hand of one to
 * five cards, in a window of each of the three sizes validate measures. */
Test(fit, the_shipped_cost_lines_are_whole, .init = setup, .fini = teardown, .timeout = 120)
{
    static const int sizes[3][2] = { { 1280, 720 }, { 1920, 1080 }, { 3840, 2160 } };
    pl_ruleset_t *rs = load(TC_SHIPPED);
    int cut = 0, costly = 0;
    for (int z = 0; z < 3; z++) {
        pc_app_t *a = tc_app(TC_FIXTURE, sizes[z][0], sizes[z][1], 1);
        cr_assert(a);
        for (uint32_t c = 0; c < rs->n_cards; c++) {
            if (rs->cards[c].deck != rs->turn.hand_deck || !rs->cards[c].costs.count)
                continue;
            costly++;
            for (int n = 1; n <= 5; n++)
                for (int lang = 0; lang < PL_LANG_COUNT; lang++)
                    if (cost_cut(a, rs, (int)c, lang, pc_hand_card_width(n))) {
                        cr_log_error("%s (%s) cut at %dx%d, %d cards in hand", rs->cards[c].id, lang ? "en" : "fr",
                                     sizes[z][0], sizes[z][1], n);
                        cut++;
                    }
        }
        pc_app_destroy(a);
    }
    cr_expect_gt(costly, 30);
    cr_expect_eq(cut, 0, "%d cost lines are cut on the cards of the hand (see the log)", cut);
    pl_ruleset_destroy(rs);
}

Test(fit, a_name_validate_warns_about_does_not_fit_the_clients_box, .init = setup, .fini = teardown)
{
    pl_ruleset_t *rs = load("tests/fixtures/warn-fit-name");
    pc_app_t *a = tc_app(TC_FIXTURE, 1280, 720, 1);
    cr_assert(a);
    float w = PC_DETAIL_CARD_W, x, y, nw, nh;
    pc_card_name_box(w, &x, &y, &nw, &nh);
    const char *longer = pl_text(&rs->cards[pl_ruleset_card(rs, "a-long-name")].name, PL_LANG_FR);
    const char *fine = pl_text(&rs->cards[pl_ruleset_card(rs, "a-fine")].name, PL_LANG_FR);
    cr_expect_eq(pc_text_fit(&a->gfx, longer, pc_card_name_size(w), pc_card_name_min(w), 1, nw, nh), 0,
                 "the long name fits the client's box");
    cr_expect_gt(pc_text_fit(&a->gfx, fine, pc_card_name_size(w), pc_card_name_min(w), 1, nw, nh), 0);
    pc_app_destroy(a);
    pl_ruleset_destroy(rs);
}
