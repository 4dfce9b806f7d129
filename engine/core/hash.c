/* hash.c -- a stable 64-bit hash of a table state, field by field (no padding, no stale slots) */
#include "state.h"

/* Four independent lanes, one word each in turn: the multiplications of consecutive words do
 * not wait for each other, so a state hashes about twice as fast as with one chain. */
typedef struct {
    uint64_t h[4];
    unsigned n;
} hasher_t;

static inline void mix(hasher_t *x, uint64_t v)
{
    uint64_t *h = &x->h[x->n++ & 3];
    *h = (*h ^ v) * 0xFF51AFD7ED558CCDull;
    *h ^= *h >> 29;
}

static uint64_t finish(const hasher_t *x)
{
    uint64_t h = x->n;
    for (int i = 0; i < 4; i++) {
        h ^= x->h[i] + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 33;
    }
    return h;
}

uint64_t pl_state_hash(const pl_state_t *st)
{
    hasher_t x = { { 0xCBF29CE484222325ull, 0x84222325CBF29CE4ull, 0x9E3779B97F4A7C15ull, 0x7F4A7C159E3779B9ull }, 0 };
    mix(&x, st->n_seats | (uint64_t)st->current << 8 | (uint64_t)st->wait << 16 | (uint64_t)st->rolled << 24 |
                (uint64_t)st->played << 32 | (uint64_t)st->viewer << 40 | (uint64_t)st->n_dice << 48 |
                (uint64_t)st->paused << 56);
    for (int i = 0; i < st->n_dice && i < PL_MAX_DICE; i++)
        mix(&x, st->dice[i]);
    mix(&x, st->round | (uint64_t)st->seq << 16);
    mix(&x, st->turns);
    mix(&x, st->rng[0]);
    mix(&x, st->rng[1]);
    for (int i = 0; i < PL_MAX_TABLE_COUNTERS; i++)
        mix(&x, (uint32_t)st->table_counter[i]);
    for (int s = 0; s < st->n_seats && s < PL_MAX_SEATS; s++) {
        const pl_seat_t *p = &st->seat[s];
        for (int i = 0; i < PL_MAX_COUNTERS; i++)
            mix(&x, (uint32_t)p->counter[i]);
        for (int i = 0; i < PL_MAX_TOKENS; i++)
            mix(&x, p->token[i]);
        mix(&x, p->pos | (uint64_t)p->skip << 8 | (uint64_t)p->finished << 16 | (uint64_t)p->hand_n << 24 |
                    (uint64_t)p->finish_round << 32 | (uint64_t)p->setup_card << 48);
        mix(&x, p->plays);
        for (int i = 0; i < p->hand_n && i < PL_MAX_HAND; i++)
            mix(&x, p->hand[i]);
    }
    mix(&x, st->n_cards);
    for (int d = 0; d < PL_MAX_DECKS; d++)
        mix(&x, st->draw_n[d]);
    /* draw piles: the order of every card still to draw (all zero in views) */
    for (int i = 0; i < st->n_cards && i < PL_MAX_CARDS; i++)
        mix(&x, (uint64_t)st->order[i] << 8 | st->where[i]);
    const pl_pending_t *q = &st->pending;
    mix(&x, q->n_options | (uint64_t)q->actor << 8 | (uint64_t)q->card << 16 | (uint64_t)q->effect << 32);
    mix(&x, q->voters | (uint64_t)q->answered << 8 | (uint64_t)q->steps_left << 16 | (uint64_t)q->depth << 24);
    for (int i = 0; i < PL_MAX_SEATS; i++)
        mix(&x, q->ballot[i]);
    for (int i = 0; i < PL_MAX_OPTIONS; i++)
        mix(&x, q->option_card[i]);
    mix(&x, st->n_stack);
    for (int i = 0; i < st->n_stack && i < PL_MAX_STACK; i++) {
        const pl_frame_t *f = &st->stack[i];
        mix(&x, f->next | (uint64_t)f->end << 32);
        mix(&x, f->actor | (uint64_t)f->depth << 8 | (uint64_t)f->card << 16 | (uint64_t)f->flags << 32);
    }
    mix(&x, st->n_delayed);
    for (int i = 0; i < st->n_delayed && i < PL_MAX_DELAYED; i++) {
        const pl_delayed_t *d = &st->delayed[i];
        mix(&x, d->seat | (uint64_t)d->turns << 8 | (uint64_t)d->card << 16);
        mix(&x, d->effects.first | (uint64_t)d->effects.count << 32);
    }
    mix(&x, st->n_played);
    for (int i = 0; i < st->n_played && i < PL_MAX_PLAYED; i++) {
        const pl_played_t *p = &st->played_log[i];
        mix(&x, p->card | (uint64_t)p->seat << 16 | (uint64_t)p->phase << 24 | (uint64_t)p->round << 32);
    }
    mix(&x, st->n_votes);
    for (int i = 0; i < st->n_votes && i < PL_MAX_VOTE_LOG; i++) {
        const pl_vote_rec_t *v = &st->vote_log[i];
        mix(&x, v->card | (uint64_t)v->initiator << 16 | (uint64_t)v->winner << 24 | (uint64_t)v->round << 32 |
                    (uint64_t)v->n_options << 48);
        for (int s = 0; s < PL_MAX_SEATS; s++)
            mix(&x, v->ballot[s]);
    }
    for (int s = 0; s < PL_MAX_SEATS; s++)
        mix(&x, (uint32_t)st->score[s]);
    mix(&x, st->winners);
    return finish(&x);
}
