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

Test(props, bots_decide_the_same_on_the_full_state_and_on_their_view)
{
    pl_ruleset_t *rs = fx_standard();
    int decisions = 0;
    for (int g = 0; g < 100; g++) {
        pl_state_t st, v;
        pl_bot_t a[3], b[3];
        for (int s = 0; s < 3; s++) {
            pl_bot_init(&a[s], PL_BOT_GREEDY, (uint64_t)(g * 3 + s));
            b[s] = a[s];
        }
        cr_assert_eq(pl_state_init(rs, &st, 3, (uint64_t)g, NULL), PL_OK);
        while (st.wait != PL_WAIT_OVER) {
            int seat = pl_next_actor(&st);
            pl_move_t m1, m2;
            pl_view(rs, &st, seat, &v);
            cr_assert(pl_bot_move(rs, &st, seat, &a[seat], &m1));
            cr_assert(pl_bot_move(rs, &v, seat, &b[seat], &m2));
            cr_assert(m1.type == m2.type && m1.arg == m2.arg, "game %d: the bot used hidden information", g);
            cr_assert_eq(pl_apply(rs, &st, &m1, NULL, NULL), PL_OK);
            decisions++;
        }
    }
    cr_assert_gt(decisions, 1000);
    pl_ruleset_destroy(rs);
}

Test(props, greedy_plays_a_card_whose_options_are_all_good)
{
    pl_ruleset_t *rs = fx_standard();
    int c = pl_ruleset_card(rs, "choice");
    int played = 0;
    for (int g = 0; g < 50; g++) {
        pl_state_t st;
        cr_assert_eq(pl_state_init(rs, &st, 2, (uint64_t)g, NULL), PL_OK);
        while (st.seat[0].hand_n) { /* empty the hand, then hold only the choice card */
            uint16_t k = st.seat[0].hand[--st.seat[0].hand_n];
            st.where[k] = PL_AT_DISCARD;
        }
        fx_give(rs, &st, 0, c);
        pl_bot_t bot;
        pl_bot_init(&bot, PL_BOT_GREEDY, (uint64_t)g);
        pl_move_t mv;
        cr_assert(pl_bot_move(rs, &st, 0, &bot, &mv));
        played += mv.type == PL_MOVE_PLAY;
    }
    cr_assert_eq(played, 50, "both options raise the score: always worth playing");
    pl_ruleset_destroy(rs);
}
