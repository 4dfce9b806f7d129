/* rng.c -- xoroshiro128+ seeded by splitmix64; unbiased bounded draws (Lemire) */
#include "rng.h"

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void pl_rng_seed(uint64_t s[2], uint64_t seed)
{
    uint64_t x = seed;
    s[0] = splitmix64(&x);
    s[1] = splitmix64(&x);
    if (s[0] == 0 && s[1] == 0)
        s[1] = 1;
}

uint64_t pl_rng_next(uint64_t s[2])
{
    uint64_t s0 = s[0], s1 = s[1];
    uint64_t r = s0 + s1;
    s1 ^= s0;
    s[0] = rotl(s0, 24) ^ s1 ^ (s1 << 16);
    s[1] = rotl(s1, 37);
    return r;
}

uint32_t pl_rng_below(uint64_t s[2], uint32_t n)
{
    if (n <= 1)
        return 0;
    uint64_t m = (pl_rng_next(s) >> 32) * (uint64_t)n;
    uint32_t low = (uint32_t)m;
    if (low < n) {
        uint32_t t = (uint32_t)(-n) % n;
        while (low < t) {
            m = (pl_rng_next(s) >> 32) * (uint64_t)n;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}
