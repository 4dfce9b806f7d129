/* bot.h -- computer players (random, greedy) usable by every host: simulator, server, client */
#ifndef PL_BOT_H
#define PL_BOT_H

#include <stdint.h>
#include "rules.h"

enum { PL_BOT_RANDOM = 0, PL_BOT_GREEDY = 1 };

typedef struct {
    uint8_t kind;                       /* PL_BOT_* */
    uint8_t use_weights;                /* evaluate with weight[] instead of the ruleset's score */
    int32_t weight[PL_MAX_COUNTERS];    /* per-seat counter weights (e.g. one lens only) */
    uint64_t rng[2];                    /* the bot's own generator, never the table's */
} pl_bot_t;

/* A bot of the given kind with its own generator seeded from seed. */
void pl_bot_init(pl_bot_t *bot, int kind, uint64_t seed);

/* Pick a move for seat on st, which may be the full state or that seat's view (the bot reads
 * nothing a seat cannot see). Returns 1 with *out filled, 0 when the seat has nothing to do. */
int pl_bot_move(const pl_ruleset_t *rs, const pl_state_t *st, int seat, pl_bot_t *bot, pl_move_t *out);

/* Play a whole game with one bot per seat; returns PL_OK or the refusal that stopped it.
 * Fills st with the final state. max_moves bounds runaway games (0: 100000). */
int pl_bot_play_game(const pl_ruleset_t *rs, pl_state_t *st, int n_seats, uint64_t seed,
                     pl_bot_t *bots, uint32_t max_moves, pl_error_t *err);

#endif
