/* test_conditions.c -- each condition kind, at its bounds */
#include <criterion/criterion.h>
#include "fixture.h"

static pl_ruleset_t *rs;
static pl_state_t st;

static void setup(void)
{
    rs = fx_standard();
    cr_assert_eq(pl_state_init(rs, &st, 2, 3, NULL), PL_OK);
}
static void teardown(void) { pl_ruleset_destroy(rs); }
TestSuite(conditions, .init = setup, .fini = teardown);



Test(conditions, counter_bounds)
{
    pl_range_t r = fx_conds(rs, 1, &COND(.kind = PL_COND_COUNTER, .ref = C_ENV, .min = 5, .max = 6));
    cr_assert(pl_conds_hold(rs, &st, 0, r));
    st.seat[0].counter[C_ENV] = 7;
    cr_assert(!pl_conds_hold(rs, &st, 0, r));
    st.seat[0].counter[C_ENV] = 4;
    cr_assert(!pl_conds_hold(rs, &st, 0, r));

}
Test(conditions, table_counter)
{
    pl_range_t r = fx_conds(rs, 1, &COND(.kind = PL_COND_TABLE, .ref = T_REGION, .min = 10, .max = 100));
    cr_assert(!pl_conds_hold(rs, &st, 0, r));
    st.table_counter[T_REGION] = 10;
    cr_assert(pl_conds_hold(rs, &st, 1, r), "a table condition holds for every seat");
}
Test(conditions, token)
{
    pl_range_t r = fx_conds(rs, 1, &COND(.kind = PL_COND_TOKEN, .ref = K_POL, .min = 1, .max = 99));
    cr_assert(!pl_conds_hold(rs, &st, 0, r));
    st.seat[0].token[K_POL] = 1;
    cr_assert(pl_conds_hold(rs, &st, 0, r));
    cr_assert(!pl_conds_hold(rs, &st, 1, r), "tokens are per seat");
}
Test(conditions, finished)
{
    pl_range_t r = fx_conds(rs, 1, &COND(.kind = PL_COND_FINISHED));
    cr_assert(!pl_conds_hold(rs, &st, 0, r));
    st.seat[0].finished = 1;
    cr_assert(pl_conds_hold(rs, &st, 0, r));
}
Test(conditions, phase_range)
{
    pl_range_t r = fx_conds(rs, 1, &COND(.kind = PL_COND_PHASE, .min = 1, .max = 2));
    cr_assert(!pl_conds_hold(rs, &st, 0, r), "the start is in phase 0");
    st.seat[0].pos = S_B;
    cr_assert(pl_conds_hold(rs, &st, 0, r));
    st.seat[0].pos = S_9;
    cr_assert(pl_conds_hold(rs, &st, 0, r));
    st.seat[0].pos = S_END;
    cr_assert(!pl_conds_hold(rs, &st, 0, r));
}
Test(conditions, round_and_all_must_hold)
{
    pl_cond_t both[2] = { COND(.kind = PL_COND_ROUND, .min = 2, .max = 3),
                          COND(.kind = PL_COND_COUNTER, .ref = C_SOC, .min = 0, .max = 5) };
    pl_range_t r = fx_conds(rs, 2, both);
    cr_assert(!pl_conds_hold(rs, &st, 0, r), "round 1");
    st.round = 2;
    cr_assert(pl_conds_hold(rs, &st, 0, r));
    st.seat[0].counter[C_SOC] = 6;
    cr_assert(!pl_conds_hold(rs, &st, 0, r), "every condition must hold");
    st.round = 4;
    st.seat[0].counter[C_SOC] = 1;
    cr_assert(!pl_conds_hold(rs, &st, 0, r));
}
Test(conditions, end_condition_ends_the_game)
{
    rs->end_conds = fx_conds(rs, 1, &COND(.kind = PL_COND_TABLE, .ref = T_REGION, .min = 5, .max = 1000));
    int c = pl_ruleset_card(rs, "region");
    fx_give(rs, &st, 0, c);
    fx_ok(rs, &st, PL_MOVE_PLAY, 0, c);
    cr_assert_neq(st.wait, PL_WAIT_OVER, "the end is checked at the end of a turn");
    fx_ok(rs, &st, PL_MOVE_ROLL, 0, 0);
    while (st.wait == PL_WAIT_CHOICE || st.wait == PL_WAIT_BRANCH || st.wait == PL_WAIT_VOTE) {
        pl_move_t to = { PL_MOVE_TIMEOUT, 0, 0 };
        pl_apply(rs, &st, &to, NULL, NULL);
    }
    cr_assert_eq(st.wait, PL_WAIT_OVER);
}
Test(conditions, scoring_rules)
{
    st.seat[0].counter[C_ENV] = 8;
    st.seat[0].counter[C_SOC] = 2;
    cr_assert_eq(pl_score_rule(rs, &st, 0, 0), 8);
    cr_assert_eq(pl_score_rule(rs, &st, 0, 2), 4, "balance: 2 x the weakest lens");
    cr_assert_eq(pl_score_rule(rs, &st, 0, 3), 0);
    st.table_counter[T_REGION] = 10;
    cr_assert_eq(pl_score_rule(rs, &st, 0, 3), 3, "the region's target gives every seat its points");
    cr_assert_eq(pl_score_seat(rs, &st, 0), 8 + 2 + 4 + 3);
    /* a balanced profile beats a lopsided one with the same total */
    st.seat[1].counter[C_ENV] = 5;
    st.seat[1].counter[C_SOC] = 5;
    cr_assert_gt(pl_score_seat(rs, &st, 1), pl_score_seat(rs, &st, 0));
}
