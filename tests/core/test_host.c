/* test_host.c -- the facilitator's moves: hold and go on, reveal an event or a quote, place a pawn, end the game;
 * refused when they make no sense, logged and replayed like every other move */
#include <criterion/criterion.h>
#include <string.h>
#include "fixture.h"

static pl_ruleset_t *rs;
static pl_state_t st;
static pl_move_t logm[256];
static size_t n_log;

static void setup(void)
{
    rs = fx_standard();
    pl_error_t err;
    cr_assert_eq(pl_state_init(rs, &st, 3, 42, &err), PL_OK, "%s", err.msg);
    n_log = 0;
}
static void teardown(void) { pl_ruleset_destroy(rs); }
TestSuite(host, .init = setup, .fini = teardown);

static int card(const char *id)
{
    int c = pl_ruleset_card(rs, id);
    cr_assert(c >= 0, "no card %s", id);
    return c;
}

/* apply and keep in the log (for the replay checks) */
static int move(int type, int seat, int arg)
{
    pl_move_t mv = { (uint8_t)type, (uint8_t)seat, (uint16_t)arg };
    pl_state_t before = st;
    pl_error_t err;
    int r = pl_apply(rs, &st, &mv, NULL, &err);
    if (r == PL_OK) {
        logm[n_log++] = mv;
        pl_error_t e2;
        cr_assert(pl_state_check(rs, &st, &e2), "state broken after %s: %s", pl_move_name(type), e2.msg);
    } else {
        cr_assert_eq(memcmp(&before, &st, sizeof st), 0, "a refused %s changed the state", pl_move_name(type));
        cr_assert(err.msg[0], "a refusal says why");
    }
    return r;
}

static void replays_alike(void)
{
    pl_state_t again;
    pl_error_t err;
    size_t bad = 0;
    cr_assert_eq(pl_replay(rs, 3, 42, logm, n_log, &again, NULL, &bad, &err), PL_OK, "move %zu: %s", bad, err.msg);
    cr_assert_eq(pl_state_hash(&again), pl_state_hash(&st), "the log replays to the same table");
}

Test(host, a_held_table_takes_no_player_move_and_goes_on_when_let_go)
{
    cr_assert_eq(move(PL_MOVE_PAUSE, 0, 1), PL_OK);
    cr_assert_eq(st.paused, 1);
    cr_assert_eq(pl_expected(&st), 0u, "nobody is awaited while the table is held");
    pl_move_t legal[32];
    cr_assert_eq(pl_legal_moves(rs, &st, 0, legal, 32), 0);
    cr_assert_eq(move(PL_MOVE_ROLL, 0, 0), PL_ERR_PAUSED);
    cr_assert_eq(move(PL_MOVE_TIMEOUT, 0, 0), PL_ERR_PAUSED, "a turn timer does not fire on a held table");
    int c = card("env2");
    fx_give(rs, &st, 0, c);
    pl_error_t err;
    cr_assert_eq(pl_can_play(rs, &st, 0, c, &err), PL_ERR_PAUSED, "a card says why it cannot be played");
    cr_assert_eq(move(PL_MOVE_PAUSE, 0, 1), PL_ERR_BAD_MOVE, "held twice");
    cr_assert_eq(move(PL_MOVE_PAUSE, 0, 2), PL_ERR_BAD_MOVE);
    cr_assert_neq(pl_state_hash(&st), 0u);
    cr_assert_eq(move(PL_MOVE_PAUSE, 0, 0), PL_OK);
    cr_assert_eq(pl_expected(&st), 1u << st.current);
    cr_assert_eq(move(PL_MOVE_PLAY, 0, c), PL_OK);
    cr_assert_eq(move(PL_MOVE_PAUSE, 0, 0), PL_ERR_BAD_MOVE, "let go twice");
}

Test(host, the_hash_tells_a_held_table_from_one_that_plays)
{
    pl_state_t a = st;
    cr_assert_eq(move(PL_MOVE_PAUSE, 0, 1), PL_OK);
    pl_state_t b = st;
    b.seq = a.seq; /* the same table but for the hold */
    cr_assert_neq(pl_state_hash(&a), pl_state_hash(&b));
    pl_state_t v;
    pl_view(rs, &st, 1, &v);
    cr_assert_eq(v.paused, 1, "every screen sees that the table is held");
}

Test(host, an_event_revealed_by_the_facilitator_resolves_for_the_seat)
{
    int cut = card("ev-cut");
    int32_t before = st.seat[2].counter[C_BUDGET];
    uint16_t pile = st.draw_n[rs->cards[cut].deck];
    cr_assert_eq(move(PL_MOVE_REVEAL, 2, cut), PL_OK);
    cr_assert_eq(st.seat[2].counter[C_BUDGET], before - 2, "its effects reach the seat it was revealed to");
    cr_assert_eq(st.where[cut], PL_AT_DISCARD, "then it goes to its discard");
    cr_assert_eq(st.draw_n[rs->cards[cut].deck], pile - 1, "out of its draw pile");
    cr_assert_eq(st.current, 0, "the current team's turn goes on");
    cr_assert_eq(move(PL_MOVE_REVEAL, 2, cut), PL_OK, "a discarded card can be revealed again");
    /* a card that opens a vote: the table votes, then plays on */
    cr_assert_eq(move(PL_MOVE_REVEAL, 0, card("ev-vote")), PL_OK);
    cr_assert_eq(st.wait, PL_WAIT_VOTE);
    cr_assert_eq(move(PL_MOVE_REVEAL, 0, cut), PL_ERR_WAITING, "nothing is revealed while a vote is open");
    cr_assert_eq(move(PL_MOVE_VOTE, 1, 0), PL_OK);
    cr_assert_eq(move(PL_MOVE_VOTE, 2, 1), PL_OK);
    cr_assert_eq(st.wait, PL_WAIT_TURN);
    replays_alike();
}

Test(host, only_cards_of_event_vote_and_prompt_decks_in_a_pile_can_be_revealed)
{
    cr_assert_eq(move(PL_MOVE_REVEAL, 0, card("env2")), PL_ERR_BAD_MOVE, "an action card");
    cr_assert_eq(move(PL_MOVE_REVEAL, 0, 9999), PL_ERR_BAD_MOVE, "no such card");
    cr_assert_eq(move(PL_MOVE_REVEAL, 7, card("ev-cut")), PL_ERR_BAD_SEAT);
    int good = card("ev-good");
    fx_give(rs, &st, 1, good); /* staged into a hand: not in a pile any more */
    cr_assert_eq(move(PL_MOVE_REVEAL, 0, good), PL_ERR_BAD_MOVE);
    pl_state_t v;
    pl_view(rs, &st, 0, &v);
    pl_move_t mv = { PL_MOVE_REVEAL, 0, (uint16_t)card("ev-cut") };
    pl_error_t err;
    cr_assert_eq(pl_apply(rs, &v, &mv, NULL, &err), PL_ERR_BAD_MOVE, "a view takes no facilitator move");
}

Test(host, a_pawn_placed_by_the_facilitator_is_not_resolved_there)
{
    int32_t legal = st.seat[1].token[K_LEGAL];
    cr_assert_eq(move(PL_MOVE_PLACE, 1, S_B), PL_OK);
    cr_assert_eq(st.seat[1].pos, S_B);
    cr_assert_eq(st.seat[1].token[K_LEGAL], legal, "the space's effect did not run");
    cr_assert_eq(move(PL_MOVE_PLACE, 1, N_SPACES), PL_ERR_BAD_MOVE, "no such space");
    cr_assert_eq(move(PL_MOVE_PLACE, 2, S_END), PL_OK);
    cr_assert(st.seat[2].finished, "put on the end: the journey is over");
    cr_assert_eq(move(PL_MOVE_PLACE, 2, S_START), PL_ERR_BAD_MOVE, "a finished team stays finished");
    replays_alike();
}

Test(host, the_game_ended_now_is_scored_and_takes_nothing_more)
{
    cr_assert_eq(move(PL_MOVE_PAUSE, 0, 1), PL_OK);
    pl_events_t ev;
    pl_move_t end = { PL_MOVE_END, 0, 0 };
    cr_assert_eq(pl_apply(rs, &st, &end, &ev, NULL), PL_OK);
    logm[n_log++] = end;
    cr_assert_eq(st.wait, PL_WAIT_OVER);
    cr_assert_eq(st.paused, 0);
    cr_assert(ev.n >= 2 && ev.ev[0].type == PL_EV_ENDED && ev.ev[ev.n - 1].type == PL_EV_GAME_OVER);
    for (int s = 0; s < 3; s++)
        cr_assert_eq(st.score[s], pl_score_seat(rs, &st, s));
    cr_assert_neq(st.winners, 0);
    cr_assert_eq(move(PL_MOVE_END, 0, 0), PL_ERR_GAME_OVER);
    cr_assert_eq(move(PL_MOVE_PAUSE, 0, 1), PL_ERR_GAME_OVER);
    cr_assert_eq(move(PL_MOVE_ROLL, 0, 0), PL_ERR_GAME_OVER);
    replays_alike();
}

Test(host, names_of_the_new_moves_events_and_reason)
{
    cr_assert_str_eq(pl_move_name(PL_MOVE_PAUSE), "pause");
    cr_assert_eq(pl_move_from_name("reveal"), PL_MOVE_REVEAL);
    cr_assert_eq(pl_move_from_name("place"), PL_MOVE_PLACE);
    cr_assert_eq(pl_move_from_name("end"), PL_MOVE_END);
    cr_assert_str_eq(pl_event_name(PL_EV_PAUSED), "paused");
    cr_assert_str_eq(pl_event_name(PL_EV_ENDED), "ended");
    cr_assert_str_eq(pl_reason_name(PL_ERR_PAUSED), "paused");
    cr_assert(pl_move_is_host(PL_MOVE_END) && !pl_move_is_host(PL_MOVE_TIMEOUT) && !pl_move_is_host(PL_MOVE_ROLL));
}
