/* test_refusals.c -- every refusal reason, with the state left untouched and a message given */
#include <criterion/criterion.h>
#include "fixture.h"

static pl_ruleset_t *rs;
static pl_state_t st;

static void setup(void)
{
    rs = fx_standard();
    cr_assert_eq(pl_state_init(rs, &st, 3, 7, NULL), PL_OK);
}
static void teardown(void) { pl_ruleset_destroy(rs); }
TestSuite(refusals, .init = setup, .fini = teardown);

static int card(const char *id) { return pl_ruleset_card(rs, id); }

Test(refusals, bad_move) { cr_assert_eq(fx_try(rs, &st, 99, 0, 0), PL_ERR_BAD_MOVE); cr_assert_eq(fx_try(rs, &st, 0, 0, 0), PL_ERR_BAD_MOVE); }
Test(refusals, bad_seat) { cr_assert_eq(fx_try(rs, &st, PL_MOVE_ROLL, 3, 0), PL_ERR_BAD_SEAT); cr_assert_eq(fx_try(rs, &st, PL_MOVE_ROLL, 200, 0), PL_ERR_BAD_SEAT); }
Test(refusals, not_your_turn) { cr_assert_eq(fx_try(rs, &st, PL_MOVE_ROLL, 1, 0), PL_ERR_NOT_YOUR_TURN); }
Test(refusals, not_in_hand)
{
    int c = card("env2");
    if (st.where[c] == (PL_AT_HAND | 0))
        c = card("region");
    if (st.where[c] == (PL_AT_HAND | 0))
        c = card("legal");
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_PLAY, 0, c), PL_ERR_NOT_IN_HAND);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_PLAY, 0, 60000), PL_ERR_NOT_IN_HAND);
}
Test(refusals, card_limit)
{
    fx_give(rs, &st, 0, card("env2"));
    fx_give(rs, &st, 0, card("region"));
    fx_ok(rs, &st, PL_MOVE_PLAY, 0, card("env2"));
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_PLAY, 0, card("region")), PL_ERR_CARD_LIMIT);
}
Test(refusals, cannot_afford)
{
    st.seat[0].counter[C_BUDGET] = 2;
    fx_give(rs, &st, 0, card("soc-cost"));
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_PLAY, 0, card("soc-cost")), PL_ERR_CANNOT_AFFORD);
    st.seat[0].counter[C_BUDGET] = 3;
    fx_ok(rs, &st, PL_MOVE_PLAY, 0, card("soc-cost"));
    cr_assert_eq(st.seat[0].counter[C_BUDGET], 0, "the cost was paid");
}
Test(refusals, condition)
{
    fx_give(rs, &st, 0, card("needs-legal"));
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_PLAY, 0, card("needs-legal")), PL_ERR_CONDITION);
    pl_move_t moves[16];
    int n = pl_legal_moves(rs, &st, 0, moves, 16);
    for (int i = 0; i < n; i++)
        cr_assert(!(moves[i].type == PL_MOVE_PLAY && moves[i].arg == card("needs-legal")), "not offered as legal");
}
Test(refusals, wrong_phase)
{
    rs->cards[card("env2")].phase = 2;
    fx_give(rs, &st, 0, card("env2"));
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_PLAY, 0, card("env2")), PL_ERR_WRONG_PHASE);
}
Test(refusals, waiting_nothing_pending_bad_option)
{
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_CHOOSE, 0, 0), PL_ERR_NOTHING_PENDING);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_VOTE, 0, 0), PL_ERR_NOTHING_PENDING);
    fx_give(rs, &st, 0, card("choice"));
    fx_ok(rs, &st, PL_MOVE_PLAY, 0, card("choice"));
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_ROLL, 0, 0), PL_ERR_WAITING);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_CHOOSE, 0, 2), PL_ERR_BAD_OPTION);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_CHOOSE, 1, 0), PL_ERR_NOT_YOUR_TURN, "only the player chooses");
}
Test(refusals, not_voter_already_voted)
{
    int ev = card("ev-vote"); /* others vote */
    const pl_deck_t *d = &rs->decks[1];
    for (int i = 0; i < st.draw_n[1]; i++)
        if (st.order[d->first + i] == ev) {
            st.order[d->first + i] = st.order[d->first + st.draw_n[1] - 1];
            st.order[d->first + st.draw_n[1] - 1] = (uint16_t)ev;
        }
    fx_give(rs, &st, 0, card("event"));
    fx_ok(rs, &st, PL_MOVE_PLAY, 0, card("event"));
    cr_assert_eq(st.wait, PL_WAIT_VOTE);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_VOTE, 0, 0), PL_ERR_NOT_VOTER, "the drawing team does not vote");
    fx_ok(rs, &st, PL_MOVE_VOTE, 1, 0);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_VOTE, 1, 1), PL_ERR_ALREADY_VOTED);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_VOTE, 2, 5), PL_ERR_BAD_OPTION);
}
Test(refusals, game_over)
{
    for (int k = 0; k < 100000 && st.wait != PL_WAIT_OVER; k++) {
        pl_move_t to = { PL_MOVE_TIMEOUT, 0, 0 };
        cr_assert_eq(pl_apply(rs, &st, &to, NULL, NULL), PL_OK);
    }
    cr_assert_eq(st.wait, PL_WAIT_OVER, "timeouts alone bring the game to its end");
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_ROLL, st.current, 0), PL_ERR_GAME_OVER);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_TIMEOUT, 0, 0), PL_ERR_GAME_OVER);
}
Test(refusals, setup)
{
    pl_error_t err;
    cr_assert_eq(pl_state_init(rs, &st, 0, 1, &err), PL_ERR_SETUP);
    cr_assert_eq(pl_state_init(rs, &st, PL_MAX_SEATS + 1, 1, &err), PL_ERR_SETUP);
    cr_assert(err.msg[0]);
    rs->turn.max_seats = 4;
    cr_assert_eq(pl_state_init(rs, &st, 5, 1, &err), PL_ERR_SETUP);
}
Test(refusals, every_reason_has_a_name)
{
    for (int code = 0; code < PL_ERR__COUNT; code++)
        cr_assert_str_neq(pl_reason_name(code), "unknown");
    cr_assert_str_eq(pl_reason_name(PL_ERR__COUNT), "unknown");
}

Test(refusals, costs_on_one_counter_add_up)
{
    int c = card("soc-cost");
    uint32_t first = pl_ruleset_add_costs(rs, 2);
    rs->costs[first] = (pl_cost_t){ C_BUDGET, 2 };
    rs->costs[first + 1] = (pl_cost_t){ C_BUDGET, 2 };
    rs->cards[c].costs = (pl_range_t){ first, 2 };
    st.seat[0].counter[C_BUDGET] = 3;
    fx_give(rs, &st, 0, c);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_PLAY, 0, c), PL_ERR_CANNOT_AFFORD, "2 + 2 is more than 3");
    st.seat[0].counter[C_BUDGET] = 4;
    fx_ok(rs, &st, PL_MOVE_PLAY, 0, c);
    cr_assert_eq(st.seat[0].counter[C_BUDGET], 0);
}

Test(refusals, a_view_cannot_roll)
{
    pl_state_t v;
    pl_view(rs, &st, 0, &v);
    cr_assert_eq(fx_try(rs, &v, PL_MOVE_ROLL, 0, 0), PL_ERR_BAD_MOVE, "a view has no generator");
    cr_assert_eq(fx_try(rs, &v, PL_MOVE_TIMEOUT, 0, 0), PL_ERR_BAD_MOVE);
}
