/* props.h -- property checks over many seeded bot games, shared by the core and package tests */
#ifndef PROPS_H
#define PROPS_H

#include "plateau.h"

/* Play `games` bot games (mixed random and greedy, seats 2..max) of rs and check at every step:
 * counters within bounds and every card in exactly one place, no seat's view holding another
 * seat's hand, the deck order or the RNG state, no event shown to a seat naming a card another
 * seat drew, and replaying the move log giving the same hash at every step. Asserts on failure.
 * Returns the total number of moves played. */
long props_run(const pl_ruleset_t *rs, int games, uint64_t seed0);

#endif
