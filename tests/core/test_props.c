/* test_props.c -- properties over 1,000 seeded bot games of the fixture game */
#include <criterion/criterion.h>
#include "fixture.h"
#include "props.h"

Test(props, thousand_bot_games_hold_every_invariant, .timeout = 300)
{
    pl_ruleset_t *rs = fx_standard();
    long moves = props_run(rs, 1000, 12345);
    cr_assert_gt(moves, 1000 * 5, "games are not trivially short");
    pl_ruleset_destroy(rs);
}

Test(props, same_seed_same_game_other_seed_other_game)
{
    pl_ruleset_t *rs = fx_standard();
    pl_state_t a, b, c;
    pl_bot_t bots[3];
    for (int i = 0; i < 3; i++)
        pl_bot_init(&bots[i], PL_BOT_GREEDY, 5);
    cr_assert_eq(pl_bot_play_game(rs, &a, 3, 99, bots, 0, NULL), PL_OK);
    for (int i = 0; i < 3; i++)
        pl_bot_init(&bots[i], PL_BOT_GREEDY, 5);
    cr_assert_eq(pl_bot_play_game(rs, &b, 3, 99, bots, 0, NULL), PL_OK);
    for (int i = 0; i < 3; i++)
        pl_bot_init(&bots[i], PL_BOT_GREEDY, 5);
    cr_assert_eq(pl_bot_play_game(rs, &c, 3, 100, bots, 0, NULL), PL_OK);
    cr_assert_eq(pl_state_hash(&a), pl_state_hash(&b));
    cr_assert_neq(pl_state_hash(&a), pl_state_hash(&c));
    cr_assert_eq(a.wait, PL_WAIT_OVER);
    pl_ruleset_destroy(rs);
}

Test(props, greedy_beats_random)
{
    pl_ruleset_t *rs = fx_standard();
    int greedy_wins = 0, random_wins = 0;
    for (int g = 0; g < 200; g++) {
        pl_bot_t bots[2];
        int gs = g % 2; /* alternate seats */
        pl_bot_init(&bots[gs], PL_BOT_GREEDY, (uint64_t)g);
        pl_bot_init(&bots[1 - gs], PL_BOT_RANDOM, (uint64_t)g + 1000);
        pl_state_t st;
        cr_assert_eq(pl_bot_play_game(rs, &st, 2, (uint64_t)g, bots, 0, NULL), PL_OK);
        greedy_wins += (st.winners >> gs) & 1;
        random_wins += (st.winners >> (1 - gs)) & 1;
    }
    cr_assert_gt(greedy_wins, random_wins + 20, "greedy %d vs random %d", greedy_wins, random_wins);
    pl_ruleset_destroy(rs);
}
