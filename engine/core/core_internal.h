/* core_internal.h -- helpers shared by the core's own files; not for use outside engine/core */
#ifndef PL_CORE_INTERNAL_H
#define PL_CORE_INTERNAL_H

#include "rules.h"

typedef struct {
    const pl_ruleset_t *rs;
    pl_state_t *st;
    pl_events_t *ev; /* may be NULL */
} pl_ctx_t;

#define PL_SEAT_NONE 0xFF

void pl_emit(pl_ctx_t *c, int type, int seat, int card, int32_t a, int32_t b, int32_t cc);

/* decks (state.c) */
uint16_t pl_deck_draw(pl_ctx_t *c, int deck);          /* PL_NO_CARD when empty or in a view */
void pl_card_put_away(pl_ctx_t *c, uint16_t card, int seat); /* discard, or keep in front of seat */
int pl_hand_remove(pl_seat_t *s, uint16_t card);         /* 1 when found */
void pl_hand_give(pl_ctx_t *c, int seat, uint16_t card); /* into hand, or discarded when full */

/* effects (effects.c) */
void pl_push(pl_ctx_t *c, pl_range_t effects, int actor, uint16_t card, int depth, int flags);
void pl_run(pl_ctx_t *c);                      /* resolve frames until empty or something is awaited */
void pl_move_pawn(pl_ctx_t *c, int seat, int steps, int actor, int depth);
void pl_land(pl_ctx_t *c, int seat, int depth); /* finish at an end, resolve on-land effects */
void pl_vote_resolve(pl_ctx_t *c);
/* A card of a pile revealed to seat as if drawn by an effect (the facilitator's reveal move). */
void pl_reveal_card(pl_ctx_t *c, uint16_t card, int seat);
int pl_cond_holds(const pl_ruleset_t *rs, const pl_state_t *st, int seat, const pl_cond_t *k);

/* turn flow (turn.c) */
void pl_settle(pl_ctx_t *c);                   /* run, end turns and begin the next ones */
void pl_begin_turn(pl_ctx_t *c, int seat);
void pl_game_over(pl_ctx_t *c);

static inline int32_t pl_clamp(int64_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : v > hi ? hi : (int32_t)v;
}

#endif
