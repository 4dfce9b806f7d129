/* state.c -- table set-up, decks (draw, shuffle, discard), hands and the consistency check */
#include <stddef.h>
#include <string.h>
#include <stdio.h>
#include "core_internal.h"
#include "rng.h"

void pl_emit(pl_ctx_t *c, int type, int seat, int card, int32_t a, int32_t b, int32_t cc)
{
    if (!c->ev)
        return;
    if (c->ev->n >= PL_MAX_EVENTS) {
        c->ev->dropped++;
        return;
    }
    pl_event_t *e = &c->ev->ev[c->ev->n++];
    e->type = (uint8_t)type;
    e->seat = (uint8_t)seat;
    e->card = (uint16_t)card;
    e->a = a;
    e->b = b;
    e->c = cc;
}

static void shuffle(pl_state_t *st, uint16_t *o, uint32_t n)
{
    for (uint32_t i = n; i > 1; i--) {
        uint32_t j = pl_rng_below(st->rng, i);
        uint16_t t = o[i - 1];
        o[i - 1] = o[j];
        o[j] = t;
    }
}

uint16_t pl_deck_draw(pl_ctx_t *c, int deck)
{
    pl_state_t *st = c->st;
    const pl_deck_t *d = &c->rs->decks[deck];
    if (st->viewer != PL_WHO_FULL)
        return PL_NO_CARD;
    if (st->draw_n[deck] == 0) {
        uint16_t n = 0;
        for (uint32_t i = 0; i < d->count; i++) {
            uint16_t card = (uint16_t)(d->first + i);
            if (st->where[card] == PL_AT_DISCARD) {
                st->order[d->first + n++] = card;
                st->where[card] = PL_AT_DRAW;
            }
        }
        if (n == 0)
            return PL_NO_CARD;
        shuffle(st, st->order + d->first, n);
        st->draw_n[deck] = n;
        pl_emit(c, PL_EV_SHUFFLED, PL_SEAT_NONE, PL_NO_CARD, deck, n, 0);
    }
    uint16_t card = st->order[d->first + --st->draw_n[deck]];
    st->order[d->first + st->draw_n[deck]] = 0;
    st->where[card] = PL_AT_TABLE;
    return card;
}

void pl_card_put_away(pl_ctx_t *c, uint16_t card, int seat)
{
    const pl_deck_t *d = &c->rs->decks[c->rs->cards[card].deck];
    if (d->keep && seat >= 0 && seat < PL_MAX_SEATS)
        c->st->where[card] = (uint8_t)(PL_AT_FRONT | seat);
    else
        c->st->where[card] = PL_AT_DISCARD;
}

int pl_hand_remove(pl_seat_t *s, uint16_t card)
{
    for (int i = 0; i < s->hand_n; i++)
        if (s->hand[i] == card) {
            memmove(&s->hand[i], &s->hand[i + 1], (size_t)(s->hand_n - i - 1) * sizeof s->hand[0]);
            s->hand[--s->hand_n] = 0;
            return 1;
        }
    return 0;
}

void pl_hand_give(pl_ctx_t *c, int seat, uint16_t card)
{
    pl_seat_t *s = &c->st->seat[seat];
    int limit = c->rs->turn.hand > 0 ? c->rs->turn.hand : PL_MAX_HAND;
    if (limit > PL_MAX_HAND)
        limit = PL_MAX_HAND;
    if (s->hand_n >= limit) {
        c->st->where[card] = PL_AT_DISCARD;
        pl_emit(c, PL_EV_DISCARDED, seat, card, c->rs->cards[card].deck, 0, 0);
        return;
    }
    s->hand[s->hand_n++] = card;
    c->st->where[card] = (uint8_t)(PL_AT_HAND | seat);
    pl_emit(c, PL_EV_DREW, seat, card, c->rs->cards[card].deck, 0, 0);
}

static int fail(pl_error_t *err, int code, const char *msg)
{
    if (err) {
        err->code = code;
        snprintf(err->msg, sizeof err->msg, "%s", msg);
    }
    return code;
}

int pl_state_init(const pl_ruleset_t *rs, pl_state_t *st, int n_seats, uint64_t seed, pl_error_t *err)
{
    if (n_seats < 1 || n_seats > PL_MAX_SEATS || n_seats < rs->turn.min_seats || n_seats > rs->turn.max_seats)
        return fail(err, PL_ERR_SETUP, "this game cannot be played with that many seats");
    if (rs->n_cards > PL_MAX_CARDS)
        return fail(err, PL_ERR_SETUP, "too many cards in the game for a table (limit 1024)");
    if (rs->n_spaces == 0 || rs->start_space >= rs->n_spaces)
        return fail(err, PL_ERR_SETUP, "the game has no board");
    if (rs->turn.setup_deck >= 0 && rs->decks[rs->turn.setup_deck].count < n_seats)
        return fail(err, PL_ERR_SETUP, "not enough set-up cards for that many seats");

    memset(st, 0, sizeof *st);
    st->n_seats = (uint8_t)n_seats;
    st->viewer = PL_WHO_FULL;
    st->round = 1;
    st->n_cards = (uint16_t)rs->n_cards;
    pl_rng_seed(st->rng, seed);
    for (int i = 0; i < rs->n_table_counters; i++)
        st->table_counter[i] = rs->table_counters[i].start;
    for (int s = 0; s < n_seats; s++) {
        pl_seat_t *seat = &st->seat[s];
        for (int i = 0; i < rs->n_counters; i++)
            seat->counter[i] = rs->counters[i].start;
        seat->pos = rs->start_space;
        seat->setup_card = PL_NO_CARD;
    }
    for (int d = 0; d < rs->n_decks; d++) {
        const pl_deck_t *deck = &rs->decks[d];
        for (uint32_t i = 0; i < deck->count; i++) {
            st->order[deck->first + i] = (uint16_t)(deck->first + i);
            st->where[deck->first + i] = PL_AT_DRAW;
        }
        st->draw_n[d] = deck->count;
        shuffle(st, st->order + deck->first, deck->count);
    }

    pl_ctx_t c = { rs, st, NULL };
    if (rs->turn.setup_deck >= 0)
        for (int s = 0; s < n_seats; s++) {
            uint16_t card = pl_deck_draw(&c, rs->turn.setup_deck);
            st->seat[s].setup_card = card;
            st->where[card] = (uint8_t)(PL_AT_FRONT | s);
            pl_push(&c, rs->cards[card].effects, s, PL_NO_CARD, 0, 0);
            pl_run(&c);
        }
    if (rs->turn.hand_deck >= 0)
        for (int k = 0; k < rs->turn.start_hand; k++)
            for (int s = 0; s < n_seats; s++) {
                uint16_t card = pl_deck_draw(&c, rs->turn.hand_deck);
                if (card != PL_NO_CARD)
                    pl_hand_give(&c, s, card);
            }
    st->current = 0;
    pl_begin_turn(&c, 0);
    pl_settle(&c);
    if (err)
        err->code = PL_OK, err->msg[0] = 0;
    return PL_OK;
}

int pl_seat_phase(const pl_ruleset_t *rs, const pl_state_t *st, int seat)
{
    return rs->spaces[st->seat[seat].pos].phase;
}

void pl_state_copy(pl_state_t *dst, const pl_state_t *src)
{
    memcpy(dst, src, offsetof(pl_state_t, seat));
    memcpy(dst->seat, src->seat, sizeof src->seat[0] * src->n_seats);
    dst->n_cards = src->n_cards;
    memcpy(dst->draw_n, src->draw_n, sizeof src->draw_n);
    memcpy(dst->order, src->order, sizeof src->order[0] * src->n_cards);
    memcpy(dst->where, src->where, src->n_cards);
    dst->pending = src->pending;
    dst->n_stack = src->n_stack;
    memcpy(dst->stack, src->stack, sizeof src->stack[0] * src->n_stack);
    dst->n_delayed = src->n_delayed;
    memcpy(dst->delayed, src->delayed, sizeof src->delayed[0] * src->n_delayed);
    dst->n_played = src->n_played;
    memcpy(dst->played_log, src->played_log, sizeof src->played_log[0] * src->n_played);
    dst->n_votes = src->n_votes;
    memcpy(dst->vote_log, src->vote_log, sizeof src->vote_log[0] * src->n_votes);
    memcpy(dst->score, src->score, sizeof src->score);
    dst->winners = src->winners;
}
