/* score.c -- scoring a seat: counters, balanced profile, spread, table targets, bonuses, priorities */
#include "core_internal.h"

int32_t pl_score_rule(const pl_ruleset_t *rs, const pl_state_t *st, int seat, uint32_t rule)
{
    const pl_score_rule_t *r = &rs->scoring[rule];
    const pl_seat_t *s = &st->seat[seat];
    int64_t v = 0;
    switch (r->kind) {
    case PL_SCORE_COUNTER:
        v = (int64_t)r->weight * s->counter[r->ref];
        break;
    case PL_SCORE_BALANCE:
    case PL_SCORE_SPREAD: {
        int32_t lo = INT32_MAX, hi = INT32_MIN;
        for (int i = 0; i < rs->n_counters; i++)
            if (r->mask & (1u << i)) {
                if (s->counter[i] < lo)
                    lo = s->counter[i];
                if (s->counter[i] > hi)
                    hi = s->counter[i];
            }
        if (lo > hi)
            break;
        v = r->kind == PL_SCORE_BALANCE ? (int64_t)r->weight * lo : -(int64_t)r->weight * ((int64_t)hi - lo);
        break;
    }
    case PL_SCORE_TARGET:
        v = st->table_counter[r->ref] >= r->threshold ? r->weight : 0;
        break;
    case PL_SCORE_BONUS:
        v = pl_conds_hold(rs, st, seat, r->conds) ? r->weight : 0;
        break;
    case PL_SCORE_PRIORITY:
        if (s->setup_card != PL_NO_CARD && s->setup_card < rs->n_cards) {
            pl_range_t pr = rs->cards[s->setup_card].priorities;
            for (uint32_t i = 0; i < pr.count; i++) {
                const pl_priority_t *p = &rs->priorities[pr.first + i];
                v += (int64_t)r->weight * p->weight * s->counter[p->counter];
            }
        }
        break;
    }
    return pl_clamp(v, INT32_MIN / 4, INT32_MAX / 4);
}

int32_t pl_score_seat(const pl_ruleset_t *rs, const pl_state_t *st, int seat)
{
    int64_t total = 0;
    for (uint32_t i = 0; i < rs->n_scoring; i++)
        total += pl_score_rule(rs, st, seat, i);
    return pl_clamp(total, INT32_MIN / 2, INT32_MAX / 2);
}
