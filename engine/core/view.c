/* view.c -- what one seat, an observer or the facilitator may see of a table; event redaction */
#include <string.h>
#include "core_internal.h"

void pl_view(const pl_ruleset_t *rs, const pl_state_t *st, int who, pl_state_t *out)
{
    memcpy(out, st, sizeof *out);
    out->viewer = (uint8_t)who;
    out->rng[0] = out->rng[1] = 0;
    memset(out->order, 0, sizeof out->order);
    int all_hands = who == PL_WHO_FACILITATOR || who == PL_WHO_FULL;
    for (uint32_t card = 0; card < rs->n_cards && card < PL_MAX_CARDS; card++) {
        uint8_t w = st->where[card];
        if (w == PL_AT_DRAW)
            out->where[card] = PL_AT_HIDDEN;
        else if (PL_AT_KIND(w) == PL_AT_HAND && PL_AT_SEAT(w) != who && !all_hands)
            out->where[card] = PL_AT_HIDDEN;
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
