/* view.c -- what one seat, an observer or the facilitator may see of a table; event redaction */
#include <string.h>
#include "core_internal.h"

/* Removes from out (a copy of st) what who may not see. */
static void redact(const pl_ruleset_t *rs, const pl_state_t *st, int who, pl_state_t *out)
{
    out->viewer = (uint8_t)who;
    out->rng[0] = out->rng[1] = 0;
    int all_hands = who == PL_WHO_FACILITATOR || who == PL_WHO_FULL;
    /* without branches (the hot loop of bot games): draw piles and other hands are hidden */
    uint32_t n = rs->n_cards < PL_MAX_CARDS ? rs->n_cards : PL_MAX_CARDS;
    uint8_t mine = (uint8_t)(PL_AT_HAND | (who & 0x0F)), others = all_hands ? 0 : 1;
    uint32_t card = 0;
    /* eight cards at a time (the bots' hot loop): bytes that are a draw pile, or another seat's hand, become
       PL_AT_HIDDEN (every bit set) */
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, lows = 0x7F7F7F7F7F7F7F7Full;
    const uint64_t mine8 = ones * mine, hand8 = ones * PL_AT_HAND, kind8 = ones * 0xF0u;
    for (; card + 8 <= n; card += 8) {
        uint64_t x;
        memcpy(&x, st->where + card, 8);
        uint64_t y = (x & kind8) ^ hand8, z = x ^ mine8;
        /* the high bit of each byte that is zero, exactly (no borrow across bytes) */
        uint64_t draw = ~(((x & lows) + lows) | x) & highs;
        uint64_t hand = ~(((y & lows) + lows) | y) & highs;
        uint64_t self = ~(((z & lows) + lows) | z) & highs;
        uint64_t hide = draw | (others ? hand & ~self : 0);
        x |= (hide >> 7) * 0xFFu;
        memcpy(out->where + card, &x, 8);
    }
    for (; card < n; card++) {
        uint8_t w = st->where[card];
        uint8_t hide = (uint8_t)((w == PL_AT_DRAW) | (others & (PL_AT_KIND(w) == PL_AT_HAND) & (w != mine)));
        out->where[card] = hide ? (uint8_t)PL_AT_HIDDEN : w;
    }
    for (int s = 0; s < st->n_seats; s++) {
        if (s == who || all_hands)
            continue;
        for (int i = 0; i < PL_MAX_HAND; i++)
            out->seat[s].hand[i] = i < st->seat[s].hand_n ? PL_NO_CARD : 0;
    }
    /* a vote still open keeps its ballots secret, even from the facilitator */
    if (st->wait == PL_WAIT_VOTE)
        for (int s = 0; s < PL_MAX_SEATS; s++)
            if (s != who)
                out->pending.ballot[s] = 0xFF;
}

void pl_view(const pl_ruleset_t *rs, const pl_state_t *st, int who, pl_state_t *out)
{
    memcpy(out, st, sizeof *out);
    memset(out->order, 0, sizeof out->order);
    redact(rs, st, who, out);
}

void pl_view_scratch(const pl_ruleset_t *rs, const pl_state_t *st, int who, pl_state_t *out)
{
    pl_state_copy(out, st);
    memset(out->order, 0, sizeof out->order[0] * st->n_cards);
    redact(rs, st, who, out);
}

int pl_event_for(const pl_event_t *ev, int who, pl_event_t *out)
{
    *out = *ev;
    if (who == PL_WHO_FULL)
        return 1;
    if (ev->type == PL_EV_DREW && ev->seat != who && who != PL_WHO_FACILITATOR)
        out->card = PL_NO_CARD;
    /* a ballot cast (b == 0) is secret until the result lists every ballot (b == 1) */
    if (ev->type == PL_EV_VOTED && ev->b == 0 && ev->seat != who)
        out->a = -1;
    return 1;
}
