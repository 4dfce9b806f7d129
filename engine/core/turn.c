/* turn.c -- the turn cycle: ending a turn, refilling hands, skips, delayed effects, end of game */
#include <string.h>
#include "core_internal.h"

void pl_game_over(pl_ctx_t *c)
{
    pl_state_t *st = c->st;
    int32_t best = INT32_MIN;
    st->wait = PL_WAIT_OVER;
    st->n_stack = 0;
    memset(st->stack, 0, sizeof st->stack);
    for (int s = 0; s < st->n_seats; s++) {
        st->score[s] = pl_score_seat(c->rs, st, s);
        if (st->score[s] > best)
            best = st->score[s];
    }
    st->winners = 0;
    for (int s = 0; s < st->n_seats; s++)
        if (st->score[s] == best)
            st->winners |= (uint8_t)(1u << s);
    pl_emit(c, PL_EV_GAME_OVER, PL_SEAT_NONE, PL_NO_CARD, st->winners, best, st->round);
}

/* Start-of-turn processing for one seat: its delayed effects count down and fire. */
static void tick_delayed(pl_ctx_t *c, int seat)
{
    pl_state_t *st = c->st;
    /* newest first, so that (frames being last in, first out) the oldest resolves first */
    for (int i = st->n_delayed - 1; i >= 0; i--) {
        pl_delayed_t *d = &st->delayed[i];
        if (d->seat == seat && --d->turns == 0) {
            pl_delayed_t fired = *d;
            memmove(d, d + 1, (size_t)(st->n_delayed - i - 1) * sizeof *d);
            st->n_delayed--;
            memset(&st->delayed[st->n_delayed], 0, sizeof *d);
            pl_emit(c, PL_EV_DELAY_FIRED, seat, fired.card, 0, 0, 0);
            pl_push(c, fired.effects, seat, fired.card, 0, 0);
        }
    }
}

void pl_begin_turn(pl_ctx_t *c, int seat)
{
    pl_state_t *st = c->st;
    st->current = (uint8_t)seat;
    st->rolled = 0;
    st->played = 0;
    st->turns++;
    pl_emit(c, PL_EV_TURN, seat, PL_NO_CARD, st->round, 0, 0);
    tick_delayed(c, seat);
}

static int end_reached(pl_ctx_t *c)
{
    const pl_ruleset_t *rs = c->rs;
    pl_state_t *st = c->st;
    int all = 1;
    for (int s = 0; s < st->n_seats; s++) {
        if (!st->seat[s].finished)
            all = 0;
        for (uint32_t i = 0; i < rs->end_conds.count; i++)
            if (pl_cond_holds(rs, st, s, &rs->conds[rs->end_conds.first + i]))
                return 1;
    }
    return rs->end_all_finished && all;
}

static void refill(pl_ctx_t *c, int seat)
{
    const pl_ruleset_t *rs = c->rs;
    pl_seat_t *s = &c->st->seat[seat];
    if (rs->turn.hand_deck < 0 || s->finished)
        return;
    while (s->hand_n < rs->turn.hand && s->hand_n < PL_MAX_HAND) {
        uint16_t card = pl_deck_draw(c, rs->turn.hand_deck);
        if (card == PL_NO_CARD)
            break;
        pl_hand_give(c, seat, card);
    }
}

/* The current seat's turn is over: refill, check the end, find who plays next. */
static void next_turn(pl_ctx_t *c)
{
    const pl_ruleset_t *rs = c->rs;
    pl_state_t *st = c->st;
    refill(c, st->current);
    if (end_reached(c)) {
        pl_game_over(c);
        return;
    }
    int seat = st->current;
    for (int guard = 0; guard < 64 * PL_MAX_SEATS; guard++) {
        seat++;
        if (seat >= st->n_seats) {
            seat = 0;
            st->round++;
            if (rs->turn.max_rounds && st->round > rs->turn.max_rounds) {
                st->round = rs->turn.max_rounds;
                pl_game_over(c);
                return;
            }
        }
        pl_seat_t *s = &st->seat[seat];
        if (s->finished) {
            st->current = (uint8_t)seat; /* so that settle() goes on after this seat */
            st->rolled = 1;
            tick_delayed(c, seat); /* long-term effects still arrive after the end of the board */
            if (st->n_stack)
                return; /* resolve them; settle() comes back here */
            continue;
        }
        pl_begin_turn(c, seat);
        if (s->skip > 0) {
            s->skip--;
            pl_emit(c, PL_EV_SKIPPED, seat, PL_NO_CARD, s->skip, 0, 0);
            st->rolled = 1; /* the turn is spent */
        }
        return;
    }
    pl_game_over(c); /* nobody can play */
}

void pl_settle(pl_ctx_t *c)
{
    pl_state_t *st = c->st;
    for (int guard = 0; guard < 4096; guard++) {
        pl_run(c);
        if (st->wait != PL_WAIT_TURN)
            return;
        if (st->n_stack)
            continue;
        int cur = st->current;
        if (!st->rolled && !st->seat[cur].finished)
            return;
        next_turn(c);
        if (st->wait == PL_WAIT_OVER)
            return;
    }
    pl_game_over(c); /* a loop of effects that never settles */
}
