/* apply.c -- checking a move against the rules, then applying it; legal move lists; replay */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "core_internal.h"
#include "rng.h"

__attribute__((format(printf, 3, 4))) static int refuse(pl_error_t *err, int code, const char *fmt, ...)
{
    if (err) {
        err->code = code;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

static int in_hand(const pl_seat_t *s, int card)
{
    for (int i = 0; i < s->hand_n; i++)
        if (s->hand[i] == card)
            return 1;
    return 0;
}

int pl_can_play(const pl_ruleset_t *rs, const pl_state_t *st, int seat, int card, pl_error_t *err)
{
    if (seat < 0 || seat >= st->n_seats)
        return refuse(err, PL_ERR_BAD_SEAT, "there is no seat %d", seat);
    if (st->wait == PL_WAIT_OVER)
        return refuse(err, PL_ERR_GAME_OVER, "the game is over");
    if (st->paused)
        return refuse(err, PL_ERR_PAUSED, "the facilitator holds the table");
    if (st->wait != PL_WAIT_TURN)
        return refuse(err, PL_ERR_WAITING, "a choice or a vote must be answered first");
    if (seat != st->current)
        return refuse(err, PL_ERR_NOT_YOUR_TURN, "it is seat %d's turn, not seat %d's", st->current, seat);
    if (card < 0 || (uint32_t)card >= rs->n_cards || !in_hand(&st->seat[seat], card))
        return refuse(err, PL_ERR_NOT_IN_HAND, "card %d is not in seat %d's hand", card, seat);
    if (st->played >= rs->turn.cards_per_turn)
        return refuse(err, PL_ERR_CARD_LIMIT, "%d card(s) per turn already played", rs->turn.cards_per_turn);
    const pl_card_t *k = &rs->cards[card];
    int phase = pl_seat_phase(rs, st, seat);
    if (k->phase >= 0 && k->phase != phase)
        return refuse(err, PL_ERR_WRONG_PHASE, "this card belongs to phase %d, the pawn is in phase %d", k->phase, phase);
    int64_t need[PL_MAX_COUNTERS] = { 0 }; /* several costs on one counter add up */
    for (uint32_t i = 0; i < k->costs.count; i++) {
        const pl_cost_t *cost = &rs->costs[k->costs.first + i];
        need[cost->counter] += cost->amount;
        if ((int64_t)st->seat[seat].counter[cost->counter] - need[cost->counter] < rs->counters[cost->counter].min)
            return refuse(err, PL_ERR_CANNOT_AFFORD, "not enough of counter %d (the card costs %d)", cost->counter,
                          (int)need[cost->counter]);
    }
    for (uint32_t i = 0; i < k->requires.count; i++)
        if (!pl_cond_holds(rs, st, seat, &rs->conds[k->requires.first + i]))
            return refuse(err, PL_ERR_CONDITION, "requirement %d of the card does not hold", (int)i + 1);
    if (err)
        err->code = PL_OK, err->msg[0] = 0;
    return PL_OK;
}

int pl_move_is_host(int type)
{
    return type == PL_MOVE_PAUSE || type == PL_MOVE_REVEAL || type == PL_MOVE_PLACE || type == PL_MOVE_END;
}

/* where a card may be taken from to be revealed by the facilitator: its deck's draw or discard pile */
static int in_pile(const pl_state_t *st, int card)
{
    return st->where[card] == PL_AT_DRAW || st->where[card] == PL_AT_DISCARD;
}

static int check_host(const pl_ruleset_t *rs, const pl_state_t *st, const pl_move_t *mv, pl_error_t *err)
{
    if (st->wait == PL_WAIT_OVER)
        return refuse(err, PL_ERR_GAME_OVER, "the game is over");
    switch (mv->type) {
    case PL_MOVE_PAUSE:
        if (mv->arg > 1)
            return refuse(err, PL_ERR_BAD_MOVE, "pause takes 1 (hold the table) or 0 (go on), not %d", mv->arg);
        if (st->paused == mv->arg)
            return refuse(err, PL_ERR_BAD_MOVE, mv->arg ? "the table is held already" : "the table is not held");
        return PL_OK;
    case PL_MOVE_END:
        return PL_OK;
    case PL_MOVE_REVEAL:
    case PL_MOVE_PLACE:
        break;
    default:
        return refuse(err, PL_ERR_BAD_MOVE, "unknown move type %d", mv->type);
    }
    if (mv->seat >= st->n_seats)
        return refuse(err, PL_ERR_BAD_SEAT, "there is no seat %d", mv->seat);
    if (st->wait != PL_WAIT_TURN)
        return refuse(err, PL_ERR_WAITING, "a choice or a vote must be answered first");
    if (st->viewer != PL_WHO_FULL)
        return refuse(err, PL_ERR_BAD_MOVE, "only the host's full state takes the facilitator's moves");
    if (mv->type == PL_MOVE_PLACE) {
        if (mv->arg >= rs->n_spaces)
            return refuse(err, PL_ERR_BAD_MOVE, "there is no space %d", mv->arg);
        if (st->seat[mv->seat].finished)
            return refuse(err, PL_ERR_BAD_MOVE, "seat %d has finished its journey", mv->seat);
        return PL_OK;
    }
    if (mv->arg >= rs->n_cards || mv->arg >= st->n_cards)
        return refuse(err, PL_ERR_BAD_MOVE, "there is no card %d", mv->arg);
    int kind = rs->cards[mv->arg].kind;
    if (kind != PL_CARD_EVENT && kind != PL_CARD_VOTE && kind != PL_CARD_PROMPT)
        return refuse(err, PL_ERR_BAD_MOVE, "card %d is not an event, a quote to vote on or a prompt", mv->arg);
    if (!in_pile(st, mv->arg))
        return refuse(err, PL_ERR_BAD_MOVE, "card %d is in play: it is not in its deck's piles", mv->arg);
    return PL_OK;
}

static int check(const pl_ruleset_t *rs, const pl_state_t *st, const pl_move_t *mv, pl_error_t *err)
{
    const pl_pending_t *p = &st->pending;
    if (pl_move_is_host(mv->type))
        return check_host(rs, st, mv, err);
    if (mv->type == PL_MOVE_TIMEOUT) {
        if (st->wait == PL_WAIT_OVER)
            return refuse(err, PL_ERR_GAME_OVER, "the game is over");
        if (st->paused)
            return refuse(err, PL_ERR_PAUSED, "the facilitator holds the table");
        if (st->viewer != PL_WHO_FULL && st->wait == PL_WAIT_TURN)
            return refuse(err, PL_ERR_BAD_MOVE, "a view cannot roll: it has no generator");
        return PL_OK;
    }
    if (mv->type < PL_MOVE_PLAY || mv->type >= PL_MOVE__COUNT)
        return refuse(err, PL_ERR_BAD_MOVE, "unknown move type %d", mv->type);
    if (mv->seat >= st->n_seats)
        return refuse(err, PL_ERR_BAD_SEAT, "there is no seat %d", mv->seat);
    if (st->wait == PL_WAIT_OVER)
        return refuse(err, PL_ERR_GAME_OVER, "the game is over");
    if (st->paused)
        return refuse(err, PL_ERR_PAUSED, "the facilitator holds the table");
    switch (mv->type) {
    case PL_MOVE_PLAY:
        return pl_can_play(rs, st, mv->seat, mv->arg, err);
    case PL_MOVE_ROLL:
        if (st->viewer != PL_WHO_FULL)
            return refuse(err, PL_ERR_BAD_MOVE, "a view cannot roll: it has no generator");
        if (st->wait != PL_WAIT_TURN)
            return refuse(err, PL_ERR_WAITING, "a choice or a vote must be answered first");
        if (mv->seat != st->current)
            return refuse(err, PL_ERR_NOT_YOUR_TURN, "it is seat %d's turn, not seat %d's", st->current, mv->seat);
        return PL_OK;
    case PL_MOVE_CHOOSE:
        if (st->wait != PL_WAIT_CHOICE && st->wait != PL_WAIT_BRANCH)
            return refuse(err, PL_ERR_NOTHING_PENDING, "there is no choice to make");
        if (mv->seat != p->actor)
            return refuse(err, PL_ERR_NOT_YOUR_TURN, "seat %d chooses, not seat %d", p->actor, mv->seat);
        if (mv->arg >= p->n_options)
            return refuse(err, PL_ERR_BAD_OPTION, "option %d does not exist (%d options)", mv->arg, p->n_options);
        return PL_OK;
    case PL_MOVE_VOTE:
        if (st->wait != PL_WAIT_VOTE)
            return refuse(err, PL_ERR_NOTHING_PENDING, "there is no vote open");
        if (!(p->voters & (1u << mv->seat)))
            return refuse(err, PL_ERR_NOT_VOTER, "seat %d does not vote on this question", mv->seat);
        if (p->answered & (1u << mv->seat))
            return refuse(err, PL_ERR_ALREADY_VOTED, "seat %d has voted already", mv->seat);
        if (mv->arg >= p->n_options)
            return refuse(err, PL_ERR_BAD_OPTION, "option %d does not exist (%d options)", mv->arg, p->n_options);
        return PL_OK;
    }
    return refuse(err, PL_ERR_BAD_MOVE, "unknown move type %d", mv->type);
}

static void play(pl_ctx_t *c, int seat, uint16_t card)
{
    const pl_ruleset_t *rs = c->rs;
    pl_state_t *st = c->st;
    const pl_card_t *k = &rs->cards[card];
    pl_seat_t *s = &st->seat[seat];
    pl_hand_remove(s, card);
    st->where[card] = PL_AT_TABLE;
    for (uint32_t i = 0; i < k->costs.count; i++) {
        const pl_cost_t *cost = &rs->costs[k->costs.first + i];
        s->counter[cost->counter] -= cost->amount;
        if (s->counter[cost->counter] > rs->counters[cost->counter].max)
            s->counter[cost->counter] = rs->counters[cost->counter].max;
        pl_emit(c, PL_EV_PAID, seat, card, cost->counter, cost->amount, s->counter[cost->counter]);
    }
    st->played++;
    s->plays++;
    if (st->n_played < PL_MAX_PLAYED) {
        pl_played_t *p = &st->played_log[st->n_played++];
        p->card = card;
        p->seat = (uint8_t)seat;
        p->phase = (uint8_t)pl_seat_phase(rs, st, seat);
        p->round = st->round;
    }
    pl_emit(c, PL_EV_PLAYED, seat, card, 0, 0, 0);
    pl_push(c, k->effects, seat, card, 0, PL_FRAME_DISCARD);
}

static void roll(pl_ctx_t *c, int seat)
{
    const pl_ruleset_t *rs = c->rs;
    pl_state_t *st = c->st;
    int sum = 0;
    st->n_dice = rs->turn.dice > PL_MAX_DICE ? PL_MAX_DICE : rs->turn.dice;
    for (int i = 0; i < st->n_dice; i++) {
        st->dice[i] = (uint8_t)(1 + pl_rng_below(st->rng, rs->turn.sides));
        sum += st->dice[i];
    }
    st->rolled = 1;
    pl_emit(c, PL_EV_ROLLED, seat, PL_NO_CARD, sum, 0, 0);
    pl_move_pawn(c, seat, sum, seat, 0);
}

static void choose(pl_ctx_t *c, int option)
{
    pl_state_t *st = c->st;
    pl_pending_t p = st->pending;
    int branch = st->wait == PL_WAIT_BRANCH;
    memset(&st->pending, 0, sizeof st->pending);
    st->wait = PL_WAIT_TURN;
    pl_emit(c, PL_EV_CHOSE, p.actor, p.card, option, 0, 0);
    if (branch) {
        /* a branch: go the chosen way, then on with the steps left */
        pl_seat_t *s = &st->seat[p.actor];
        int from = s->pos;
        s->pos = c->rs->spaces[s->pos].next[option];
        pl_emit(c, PL_EV_MOVED, p.actor, PL_NO_CARD, from, s->pos, 0);
        int left = p.steps_left - 1;
        if (left > 0 && !c->rs->spaces[s->pos].stop)
            pl_move_pawn(c, p.actor, left, p.actor, p.depth);
        else
            pl_land(c, p.actor, p.depth);
        return;
    }
    const pl_effect_t *e = &c->rs->effects[p.effect];
    pl_push(c, c->rs->options[e->opts.first + option].effects, p.actor, p.card, p.depth, 0);
}

static void timeout(pl_ctx_t *c)
{
    pl_state_t *st = c->st;
    pl_pending_t *p = &st->pending;
    switch (st->wait) {
    case PL_WAIT_VOTE:
        for (int s = 0; s < st->n_seats; s++)
            if ((p->voters & (1u << s)) && !(p->answered & (1u << s))) {
                p->answered |= (uint8_t)(1u << s);
                p->ballot[s] = 0xFF;
                pl_emit(c, PL_EV_TIMEOUT, s, PL_NO_CARD, 0, 0, 0);
            }
        pl_vote_resolve(c);
        break;
    case PL_WAIT_CHOICE:
    case PL_WAIT_BRANCH:
        pl_emit(c, PL_EV_TIMEOUT, p->actor, PL_NO_CARD, 0, 0, 0);
        choose(c, 0);
        break;
    default:
        pl_emit(c, PL_EV_TIMEOUT, st->current, PL_NO_CARD, 0, 0, 0);
        roll(c, st->current);
        break;
    }
}

int pl_apply(const pl_ruleset_t *rs, pl_state_t *st, const pl_move_t *mv, pl_events_t *events,
             pl_error_t *err)
{
    if (events)
        events->n = events->dropped = 0;
    int code = check(rs, st, mv, err);
    if (code != PL_OK)
        return code;
    pl_ctx_t c = { rs, st, events };
    switch (mv->type) {
    case PL_MOVE_PLAY: play(&c, mv->seat, mv->arg); break;
    case PL_MOVE_ROLL: roll(&c, mv->seat); break;
    case PL_MOVE_CHOOSE: choose(&c, mv->arg); break;
    case PL_MOVE_VOTE:
        st->pending.answered |= (uint8_t)(1u << mv->seat);
        st->pending.ballot[mv->seat] = (uint8_t)mv->arg;
        pl_emit(&c, PL_EV_VOTED, mv->seat, st->pending.card, mv->arg, 0, 0);
        if (st->pending.answered == st->pending.voters)
            pl_vote_resolve(&c);
        break;
    case PL_MOVE_TIMEOUT: timeout(&c); break;
    case PL_MOVE_PAUSE:
        st->paused = (uint8_t)mv->arg;
        pl_emit(&c, PL_EV_PAUSED, PL_SEAT_NONE, PL_NO_CARD, mv->arg, 0, 0);
        break;
    case PL_MOVE_REVEAL: pl_reveal_card(&c, mv->arg, mv->seat); break;
    case PL_MOVE_PLACE: {
        pl_seat_t *s = &st->seat[mv->seat];
        int from = s->pos;
        s->pos = (uint8_t)mv->arg;
        pl_emit(&c, PL_EV_MOVED, mv->seat, PL_NO_CARD, from, s->pos, 2);
        if (rs->spaces[s->pos].kind == PL_SPACE_END)
            pl_land(&c, mv->seat, 0); /* put at the end: the journey is finished */
        break;
    }
    case PL_MOVE_END:
        st->paused = 0;
        pl_emit(&c, PL_EV_ENDED, PL_SEAT_NONE, PL_NO_CARD, st->round, 0, 0);
        pl_game_over(&c);
        break;
    }
    st->seq++;
    pl_settle(&c);
    if (err)
        err->code = PL_OK, err->msg[0] = 0;
    return PL_OK;
}

unsigned pl_expected(const pl_state_t *st)
{
    if (st->paused)
        return 0;
    switch (st->wait) {
    case PL_WAIT_TURN: return 1u << st->current;
    case PL_WAIT_CHOICE:
    case PL_WAIT_BRANCH: return 1u << st->pending.actor;
    case PL_WAIT_VOTE: return (unsigned)(st->pending.voters & ~st->pending.answered);
    default: return 0;
    }
}

int pl_next_actor(const pl_state_t *st)
{
    unsigned who = pl_expected(st);
    for (int seat = 0; seat < st->n_seats; seat++)
        if (who & (1u << seat))
            return seat;
    return -1;
}

int pl_legal_moves(const pl_ruleset_t *rs, const pl_state_t *st, int seat, pl_move_t *out, int cap)
{
    int n = 0;
    if (seat < 0 || seat >= st->n_seats || !(pl_expected(st) & (1u << seat)))
        return 0;
#define ADD(t, a) do { if (n < cap) { out[n].type = (t); out[n].seat = (uint8_t)seat; out[n].arg = (uint16_t)(a); } n++; } while (0)
    if (st->wait == PL_WAIT_VOTE) {
        for (int i = 0; i < st->pending.n_options; i++)
            ADD(PL_MOVE_VOTE, i);
    } else if (st->wait == PL_WAIT_CHOICE || st->wait == PL_WAIT_BRANCH) {
        for (int i = 0; i < st->pending.n_options; i++)
            ADD(PL_MOVE_CHOOSE, i);
    } else {
        const pl_seat_t *s = &st->seat[seat];
        for (int i = 0; i < s->hand_n; i++)
            if (s->hand[i] != PL_NO_CARD && pl_can_play(rs, st, seat, s->hand[i], NULL) == PL_OK)
                ADD(PL_MOVE_PLAY, s->hand[i]);
        ADD(PL_MOVE_ROLL, 0);
    }
#undef ADD
    return n;
}

int pl_replay(const pl_ruleset_t *rs, int n_seats, uint64_t seed, const pl_move_t *moves, size_t n,
              pl_state_t *out, uint64_t *hashes, size_t *bad_index, pl_error_t *err)
{
    int code = pl_state_init(rs, out, n_seats, seed, err);
    if (code != PL_OK)
        return code;
    for (size_t i = 0; i < n; i++) {
        code = pl_apply(rs, out, &moves[i], NULL, err);
        if (code != PL_OK) {
            if (bad_index)
                *bad_index = i;
            return code;
        }
        if (hashes)
            hashes[i] = pl_state_hash(out);
    }
    return PL_OK;
}
