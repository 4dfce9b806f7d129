/* test_effects.c -- one test per effect of the vocabulary, on the C-built fixture game */
#include <criterion/criterion.h>
#include "fixture.h"

static pl_ruleset_t *rs;
static pl_state_t st;

static void setup(void)
{
    rs = fx_standard();
    pl_error_t err;
    cr_assert_eq(pl_state_init(rs, &st, 3, 42, &err), PL_OK, "%s", err.msg);
}
static void teardown(void) { pl_ruleset_destroy(rs); }
TestSuite(effects, .init = setup, .fini = teardown);

static int card(const char *id)
{
    int c = pl_ruleset_card(rs, id);
    cr_assert(c >= 0, "no card %s", id);
    return c;
}

static void play(int seat, const char *id)
{
    int c = card(id);
    fx_give(rs, &st, seat, c);
    fx_ok(rs, &st, PL_MOVE_PLAY, seat, c);
}

static void settle(void)
{
    while (st.wait == PL_WAIT_CHOICE || st.wait == PL_WAIT_VOTE || st.wait == PL_WAIT_BRANCH) {
        pl_move_t to = { PL_MOVE_TIMEOUT, 0, 0 };
        cr_assert_eq(pl_apply(rs, &st, &to, NULL, NULL), PL_OK);
    }
}

Test(effects, counter_self_and_clamp)
{
    play(0, "env2");
    cr_assert_eq(st.seat[0].counter[C_ENV], 7);
    cr_assert_eq(st.seat[0].counter[C_SOC], 4, "an action may hurt another lens");
    cr_assert_eq(st.seat[1].counter[C_ENV], 5, "other seats untouched");
    st.seat[1].counter[C_ENV] = 19;
    fx_ok(rs, &st, PL_MOVE_ROLL, 0, 0);
    settle();
    play(1, "env2");
    cr_assert_eq(st.seat[1].counter[C_ENV], 20, "counters are clamped to their maximum");
}

Test(effects, counter_all_and_table)
{
    fx_give(rs, &st, 0, card("legal"));
    fx_ok(rs, &st, PL_MOVE_PLAY, 0, card("legal"));
    cr_assert_eq(st.seat[0].token[K_LEGAL], 1);
    for (int s = 0; s < 3; s++) {
        fx_ok(rs, &st, PL_MOVE_ROLL, s, 0);
        settle();
    }
    cr_assert_eq(st.current, 0);
    int c = card("needs-legal");
    fx_give(rs, &st, 0, c);
    int before[3] = { st.seat[0].counter[C_ENV], st.seat[1].counter[C_ENV], st.seat[2].counter[C_ENV] };
    fx_ok(rs, &st, PL_MOVE_PLAY, 0, c);
    for (int s = 0; s < 3; s++)
        cr_assert_eq(st.seat[s].counter[C_ENV], before[s] + 2 > 20 ? 20 : before[s] + 2, "target all reaches seat %d", s);
    cr_assert_eq(st.seat[0].token[K_LEGAL], 0, "the token was spent");
}

Test(effects, counter_table)
{
    play(0, "region");
    cr_assert_eq(st.table_counter[T_REGION], 5);
}

Test(effects, gain_is_capped_and_spend_never_below_zero)
{
    st.seat[0].token[K_LEGAL] = 3;
    play(0, "legal");
    cr_assert_eq(st.seat[0].token[K_LEGAL], 3, "tokens stop at their maximum");
    fx_ok(rs, &st, PL_MOVE_ROLL, 0, 0);
    settle();
    int c = card("needs-legal");
    fx_give(rs, &st, st.current, c);
    st.seat[st.current].token[K_LEGAL] = 1;
    fx_ok(rs, &st, PL_MOVE_PLAY, st.current, c);
    cr_assert_eq(st.seat[st.current].token[K_LEGAL], 0, "spent");
}

Test(effects, delay_fires_after_n_turns_of_the_player)
{
    play(0, "long");
    cr_assert_eq(st.n_delayed, 1);
    cr_assert_eq(st.seat[0].counter[C_ENV], 5, "long-term effects do not come at once");
    for (int round = 0; round < 2; round++) {
        cr_assert_eq(st.n_delayed, 1, "still waiting in round %d", round);
        for (int s = 0; s < 3 && st.wait != PL_WAIT_OVER; s++) {
            fx_ok(rs, &st, PL_MOVE_ROLL, st.current, 0);
            settle();
        }
    }
    cr_assert_eq(st.current, 0);
    cr_assert_eq(st.n_delayed, 0, "the delayed effect fired at the start of the player's third turn");
    cr_assert_geq(st.seat[0].counter[C_ENV], 9, "and brought its +4");
}

Test(effects, if_then_and_else)
{
    play(0, "if");
    cr_assert_eq(st.seat[0].token[K_POL], 1, "no legal token: the else branch");
    cr_assert_eq(st.seat[0].counter[C_SOC], 5);
    fx_ok(rs, &st, PL_MOVE_ROLL, 0, 0);
    settle();
    st.seat[1].token[K_LEGAL] = 1;
    play(1, "if");
    cr_assert_eq(st.seat[1].counter[C_SOC], 7, "holding the token: the then branch");
}

Test(effects, choice_waits_for_the_player_then_applies_the_option)
{
    play(0, "choice");
    cr_assert_eq(st.wait, PL_WAIT_CHOICE);
    cr_assert_eq(pl_expected(&st), 1u);
    cr_assert_eq(fx_try(rs, &st, PL_MOVE_ROLL, 0, 0), PL_ERR_WAITING);
    fx_ok(rs, &st, PL_MOVE_CHOOSE, 0, 1);
    cr_assert_eq(st.seat[0].counter[C_SOC], 7);
    cr_assert_eq(st.seat[0].counter[C_ENV], 5);
    cr_assert_eq(st.wait, PL_WAIT_TURN);
}

Test(effects, vote_majority_applies_the_winning_option)
{
    play(0, "vote");
    cr_assert_eq(st.wait, PL_WAIT_VOTE);
    cr_assert_eq(pl_expected(&st), 7u, "every seat votes");
    fx_ok(rs, &st, PL_MOVE_VOTE, 2, 0);
    fx_ok(rs, &st, PL_MOVE_VOTE, 0, 0);
    cr_assert_eq(st.wait, PL_WAIT_VOTE);
    fx_ok(rs, &st, PL_MOVE_VOTE, 1, 1);
    cr_assert_eq(st.wait, PL_WAIT_TURN);
    cr_assert_eq(st.table_counter[T_REGION], 3, "agree won 2 to 1");
    cr_assert_eq(st.n_votes, 1);
    cr_assert_eq(st.vote_log[0].winner, 0);
    cr_assert_eq(st.vote_log[0].ballot[1], 1, "ballots are kept for the debrief");
}

Test(effects, vote_tie_applies_the_tie_effects)
{
    play(0, "vote");
    fx_ok(rs, &st, PL_MOVE_VOTE, 0, 0);
    fx_ok(rs, &st, PL_MOVE_VOTE, 1, 1);
    pl_move_t to = { PL_MOVE_TIMEOUT, 0, 0 };
    cr_assert_eq(pl_apply(rs, &st, &to, NULL, NULL), PL_OK, "the third seat times out and abstains");
    cr_assert_eq(st.seat[0].counter[C_BUDGET], 11, "a tie resolves the tie effects");
    cr_assert_eq(st.table_counter[T_REGION], 0);
    cr_assert_eq(st.vote_log[0].winner, 0xFF);
}

Test(effects, vote_from_proposal_deck_keeps_the_winner)
{
    play(0, "proposals");
    cr_assert_eq(st.wait, PL_WAIT_VOTE);
    cr_assert_eq(st.pending.n_options, 3);
    uint16_t chosen = st.pending.option_card[1];
    for (int s = 0; s < 3; s++)
        fx_ok(rs, &st, PL_MOVE_VOTE, s, 1);
    cr_assert_eq(st.where[chosen], PL_AT_FRONT | 0, "the chosen proposal stays in front of the team");
    int discarded = 0;
    for (uint32_t c = rs->decks[2].first; c < (uint32_t)rs->decks[2].first + rs->decks[2].count; c++)
        discarded += st.where[c] == PL_AT_DISCARD;
    cr_assert_eq(discarded, 2, "the other proposals go to the discard");
}

Test(effects, move_forward_and_back)
{
    st.seat[0].pos = S_A;
    play(0, "jump");
    cr_assert_eq(st.seat[0].pos, S_MILESTONE, "a -> a2 -> milestone in two steps");
    fx_ok(rs, &st, PL_MOVE_ROLL, 0, 0);
    settle();
    cr_assert_eq(st.current, 1);
    st.seat[0].pos = S_START;
    st.seat[2].pos = S_8;
    play(1, "back");
    cr_assert_eq(st.seat[2].pos, S_MILESTONE, "moving back follows the main path");
    cr_assert_eq(st.seat[0].pos, S_START, "nothing is behind the start");
}

Test(effects, milestone_stops_a_roll)
{
    st.seat[0].pos = S_A2;
    fx_ok(rs, &st, PL_MOVE_ROLL, 0, 0);
    cr_assert_eq(st.seat[0].pos, S_MILESTONE, "whatever the roll, the pawn stops at the milestone");
}

Test(effects, branch_asks_the_player_then_goes_on)
{
    st.seat[0].pos = S_PLAIN;
    pl_events_t ev;
    pl_move_t mv = { PL_MOVE_ROLL, 0, 0 };
    cr_assert_eq(pl_apply(rs, &st, &mv, &ev, NULL), PL_OK);
    cr_assert_eq(st.wait, PL_WAIT_BRANCH, "rolling past a fork stops there for a choice");
    cr_assert_eq(st.seat[0].pos, S_FORK);
    int steps = st.pending.steps_left;
    fx_ok(rs, &st, PL_MOVE_CHOOSE, 0, 1);
    cr_assert_geq(st.seat[0].pos, S_B, "the chosen way is taken");
    if (steps == 1)
        cr_assert_eq(st.seat[0].token[K_LEGAL], 1, "landing on b gains a legal token");
}

Test(effects, goto_moves_without_landing_effects)
{
    st.seat[0].pos = S_START;
    /* stage the goto event on top of the events deck, then reveal it with the "event" card */
    int ev = card("ev-goto");
    const pl_deck_t *d = &rs->decks[1];
    for (int i = 0; i < st.draw_n[1]; i++)
        if (st.order[d->first + i] == ev) {
            st.order[d->first + i] = st.order[d->first + st.draw_n[1] - 1];
            st.order[d->first + st.draw_n[1] - 1] = (uint16_t)ev;
        }
    play(0, "event");
    cr_assert_eq(st.seat[0].pos, S_MILESTONE, "the revealed event sent the pawn to the milestone");
    cr_assert_eq(st.where[ev], PL_AT_DISCARD, "a revealed event goes to the discard once resolved");
    cr_assert_eq(st.n_played, 2, "both the action and the event are on the mire log");
}

Test(effects, skip_makes_others_miss_a_turn)
{
    play(0, "slow-others");
    cr_assert_eq(st.seat[1].skip, 1);
    cr_assert_eq(st.seat[2].skip, 1);
    fx_ok(rs, &st, PL_MOVE_ROLL, 0, 0);
    while (st.wait != PL_WAIT_TURN) {
        pl_move_t to = { PL_MOVE_TIMEOUT, 0, 0 };
        pl_apply(rs, &st, &to, NULL, NULL);
    }
    cr_assert_eq(st.current, 0, "seats 1 and 2 skipped: back to seat 0");
    cr_assert_eq(st.round, 2);
    cr_assert_eq(st.seat[1].skip, 0);
}

Test(effects, draw_fills_the_hand_and_discards_when_full)
{
    cr_assert_eq(st.seat[0].hand_n, 3, "start hand");
    int c = card("draw");
    fx_give(rs, &st, 0, c);
    pl_events_t ev;
    pl_move_t mv = { PL_MOVE_PLAY, 0, (uint16_t)c };
    cr_assert_eq(pl_apply(rs, &st, &mv, &ev, NULL), PL_OK);
    int drew = 0, discarded = 0;
    for (int i = 0; i < ev.n; i++) {
        drew += ev.ev[i].type == PL_EV_DREW;
        discarded += ev.ev[i].type == PL_EV_DISCARDED;
    }
    cr_assert_eq(st.seat[0].hand_n, 4, "the hand limit is 4");
    cr_assert_eq(drew, 1);
    cr_assert_eq(discarded, 1, "the card that does not fit goes to the discard");
}

Test(effects, end_space_finishes_and_game_ends_when_all_finish)
{
    for (int s = 0; s < 3; s++)
        st.seat[s].pos = S_9;
    for (int k = 0; k < 3; k++) {
        fx_ok(rs, &st, PL_MOVE_ROLL, st.current, 0);
        while (st.wait == PL_WAIT_CHOICE || st.wait == PL_WAIT_VOTE || st.wait == PL_WAIT_BRANCH) {
            pl_move_t to = { PL_MOVE_TIMEOUT, 0, 0 };
            pl_apply(rs, &st, &to, NULL, NULL);
        }
    }
    cr_assert_eq(st.wait, PL_WAIT_OVER);
    for (int s = 0; s < 3; s++)
        cr_assert(st.seat[s].finished);
    cr_assert_neq(st.winners, 0);
    for (int s = 0; s < 3; s++)
        cr_assert_eq(st.score[s], pl_score_seat(rs, &st, s));
}

Test(effects, reveals_resolve_in_draw_order)
{
    /* reveal two events: the top one first */
    int cut = card("ev-cut"), good = card("ev-good");
    const pl_deck_t *d = &rs->decks[1];
    int n = st.draw_n[1];
    for (int i = 0; i < n; i++) {
        if (st.order[d->first + i] == cut)
            st.order[d->first + i] = st.order[d->first + n - 1], st.order[d->first + n - 1] = (uint16_t)cut;
    }
    for (int i = 0; i < n - 1; i++) {
        if (st.order[d->first + i] == good)
            st.order[d->first + i] = st.order[d->first + n - 2], st.order[d->first + n - 2] = (uint16_t)good;
    }
    int c = card("event");
    rs->effects[rs->cards[c].effects.first].amount = 2;
    fx_give(rs, &st, 0, c);
    pl_events_t ev;
    pl_move_t mv = { PL_MOVE_PLAY, 0, (uint16_t)c };
    cr_assert_eq(pl_apply(rs, &st, &mv, &ev, NULL), PL_OK);
    int first_counter = -1;
    for (int i = 0; i < ev.n && first_counter < 0; i++)
        if (ev.ev[i].type == PL_EV_COUNTER)
            first_counter = ev.ev[i].a;
    cr_assert_eq(first_counter, C_BUDGET, "the first card revealed (the budget cut) resolves first");
}
