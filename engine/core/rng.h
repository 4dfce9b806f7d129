/* rng.h -- the deterministic generator kept inside table and bot state (xoroshiro128+) */
#ifndef PL_RNG_H
#define PL_RNG_H

#include <stdint.h>

/* Seed s[2] from a 64-bit seed (splitmix64); never all zero. */
void pl_rng_seed(uint64_t s[2], uint64_t seed);
uint64_t pl_rng_next(uint64_t s[2]);
/* Uniform in [0, n) for n >= 1, without modulo bias. */
uint32_t pl_rng_below(uint64_t s[2], uint32_t n);

#endif
