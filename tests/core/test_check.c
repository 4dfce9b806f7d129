/* test_check.c -- pl_state_check: every view the rules make passes; views a hostile server could forge do not */
#include <criterion/criterion.h>
#include <string.h>
#include "fixture.h"

Test(check, a_game_without_cards_passes)
{
    pl_ruleset_t *rs = fx_base();
    fx_done(rs);
    pl_state_t st, v;
    pl_error_t err;
    cr_assert_eq(pl_state_init(rs, &st, 2, 1, &err), PL_OK, "%s", err.msg);
    cr_assert(pl_state_check(rs, &st, &err), "%s", err.msg);
    pl_view(rs, &st, 0, &v);
    cr_assert(pl_state_check(rs, &v, &err), "%s", err.msg);
    pl_ruleset_destroy(rs);
}

static uint32_t effect_where(const pl_ruleset_t *rs, int op, int from_deck) /* from_deck -1: either */
{
    for (uint32_t i = 0; i < rs->n_effects; i++)
        if (rs->effects[i].op == op && (from_deck < 0 || (rs->effects[i].amount > 0) == from_deck))
            return i;
    cr_assert_fail("no such effect in the fixture");
    return 0;
}

/* Each forgery breaks one index of an otherwise good view of seat 0. */
Test(check, forged_views_are_refused_with_a_reason)
{
    pl_ruleset_t *rs = fx_standard();
    static pl_state_t st, good, v;
    pl_error_t err;
    cr_assert_eq(pl_state_init(rs, &st, 3, 5, &err), PL_OK, "%s", err.msg);
    pl_view(rs, &st, 0, &good);
    cr_assert(pl_state_check(rs, &good, &err), "%s", err.msg);
    uint32_t not_choice = effect_where(rs, PL_EFF_GAIN, -1), deck_vote = effect_where(rs, PL_EFF_VOTE, 1);
    for (int k = 0;; k++) {
        v = good;
        switch (k) {
        case 0: v.n_seats = 250; break;
        case 1: v.current = 7; break;
        case 2: v.viewer = 77; break;
        case 3: v.winners = 0x80; break;
        case 4: v.n_dice = 9; break;
        case 5: v.seat[1].pos = 200; break;
        case 6: v.seat[0].hand_n = 13; break;
        case 7: v.seat[0].hand[0] = 9999; break;
        case 8: v.seat[2].setup_card = 5000; break;
        case 9: v.where[0] = PL_AT_HAND | 9; break;
        case 10: v.wait = PL_WAIT_CHOICE, v.pending.effect = not_choice, v.pending.n_options = 2; break;
        case 11: v.wait = PL_WAIT_CHOICE, v.pending.effect = rs->n_effects + 3; break;
        case 12: v.wait = PL_WAIT_BRANCH, v.pending.actor = 0, v.pending.n_options = 5; break;
        case 13:
            v.wait = PL_WAIT_VOTE, v.pending.effect = deck_vote, v.pending.n_options = 2;
            v.pending.option_card[0] = 0, v.pending.option_card[1] = PL_NO_CARD;
            break;
        case 14: v.pending.actor = 6; break;
        case 15: v.n_stack = 1, v.stack[0].next = 0, v.stack[0].end = rs->n_effects + 5; break;
        case 16: v.n_stack = 17; break;
        case 17: v.n_delayed = 1, v.delayed[0].effects = (pl_range_t){ rs->n_effects, 3 }; break;
        case 18: v.n_played = 1, v.played_log[0].card = 9999; break;
        case 19: v.n_votes = 1, v.vote_log[0].n_options = 2, v.vote_log[0].winner = 3; break;
        case 20: v.n_votes = 1, v.vote_log[0].n_options = 2, v.vote_log[0].winner = 0xFF, v.vote_log[0].ballot[1] = 4; break;
        case 21: v.wait = 9; break;
        default: pl_ruleset_destroy(rs); return;
        }
        cr_assert_not(pl_state_check(rs, &v, &err), "forgery %d was taken", k);
        cr_assert(strlen(err.msg) > 0, "forgery %d refused without a reason", k);
    }
}

/* The view hides draw piles and other seats' hands eight cards at a time: every byte a card's place can hold, at
 * every offset and for every viewer, gives what the plain rule says. */
Test(check, views_hide_every_place_as_the_plain_rule_says)
{
    pl_ruleset_t *rs = fx_standard();
    static pl_state_t st, v;
    pl_error_t err;
    cr_assert_eq(pl_state_init(rs, &st, 4, 9, &err), PL_OK, "%s", err.msg);
    uint32_t n = rs->n_cards < PL_MAX_CARDS ? rs->n_cards : PL_MAX_CARDS;
    cr_assert_gt(n, 8, "enough cards for whole words and a tail");
    const int whos[] = { 0, 1, 3, PL_WHO_OBSERVER, PL_WHO_FACILITATOR, PL_WHO_FULL };
    uint32_t x = 12345;
    for (int round = 0; round < 64; round++) {
        for (uint32_t c = 0; c < n; c++) { /* every value a byte may hold, in turn and at random */
            x = x * 1103515245u + 12345u;
            st.where[c] = (uint8_t)(round < 32 ? (c * 37u + (uint32_t)round * 8u) : (x >> 16));
        }
        for (size_t w = 0; w < sizeof whos / sizeof whos[0]; w++) {
            int who = whos[w];
            pl_view(rs, &st, who, &v);
            int all = who == PL_WHO_FACILITATOR || who == PL_WHO_FULL;
            for (uint32_t c = 0; c < n; c++) {
                uint8_t p = st.where[c];
                int hide = p == PL_AT_DRAW || (!all && PL_AT_KIND(p) == PL_AT_HAND && p != (uint8_t)(PL_AT_HAND | (who & 0x0F)));
                cr_assert_eq(v.where[c], hide ? PL_AT_HIDDEN : p, "card %u at 0x%02x seen by %d: 0x%02x", c, p, who,
                             v.where[c]);
            }
        }
    }
    pl_ruleset_destroy(rs);
}
