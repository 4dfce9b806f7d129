/* bench_core.c -- prints rule applications per second and full bot games per second */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "plateau.h"
#include "data/package.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "game-data/example-minimal";
    int games = argc > 2 ? atoi(argv[2]) : 20000;
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    if (!rs) {
        pl_diags_print(&d, stderr);
        return 1;
    }
    pl_diags_free(&d);
    int seats = rs->turn.default_seats;

    /* 1. record the move logs of bot games, then time pl_apply alone replaying them */
    enum { LOGS = 2000, MAXM = 4000 };
    pl_move_t *logs = malloc(sizeof *logs * LOGS * MAXM);
    int *len = calloc(LOGS, sizeof *len);
    pl_state_t st;
    for (int g = 0; g < LOGS; g++) {
        pl_bot_t bots[PL_MAX_SEATS];
        for (int s = 0; s < seats; s++)
            pl_bot_init(&bots[s], PL_BOT_RANDOM, (uint64_t)g * 31 + (uint64_t)s);
        pl_state_init(rs, &st, seats, (uint64_t)g, NULL);
        while (st.wait != PL_WAIT_OVER && len[g] < MAXM) {
            int seat = pl_next_actor(&st);
            pl_move_t *mv = &logs[(size_t)g * MAXM + (size_t)len[g]];
            pl_bot_move(rs, &st, seat, &bots[seat], mv);
            pl_apply(rs, &st, mv, NULL, NULL);
            len[g]++;
        }
    }
    long applied = 0;
    double t0 = now(), t1;
    int rounds = 0;
    do {
        for (int g = 0; g < LOGS; g++) {
            pl_state_init(rs, &st, seats, (uint64_t)g, NULL);
            for (int i = 0; i < len[g]; i++)
                pl_apply(rs, &st, &logs[(size_t)g * MAXM + (size_t)i], NULL, NULL);
            applied += len[g];
        }
        rounds++;
        t1 = now();
    } while (t1 - t0 < 1.0);
    printf("core: %.0f rule applications/s on %s (%ld moves, %d seats; set-up included; target >= 1,000,000)\n",
           (double)applied / (t1 - t0), rs->id, applied, seats);

    /* 1b. the state hash (servers and clients compute one per view per move), over the states
     * of the recorded games */
    long hashed = 0;
    uint64_t sink = 0;
    t0 = now();
    for (int g = 0; g < LOGS && g < 200; g++) {
        pl_state_init(rs, &st, seats, (uint64_t)g, NULL);
        for (int i = 0; i < len[g]; i++) {
            pl_apply(rs, &st, &logs[(size_t)g * MAXM + (size_t)i], NULL, NULL);
            for (int k = 0; k < 20; k++)
                sink += pl_state_hash(&st);
            hashed += 20;
        }
    }
    t1 = now();
    printf("core: %.0f ns per state hash on %s (%ld hashes of states met in play; %llx)\n",
           (t1 - t0) * 1e9 / (double)hashed, rs->id, hashed, (unsigned long long)(sink & 0xF));

    /* 2. full bot games, greedy bots, one core */
    t0 = now();
    long moves = 0;
    for (int g = 0; g < games; g++) {
        pl_bot_t bots[PL_MAX_SEATS];
        for (int s = 0; s < seats; s++)
            pl_bot_init(&bots[s], PL_BOT_GREEDY, (uint64_t)g + (uint64_t)s);
        pl_bot_play_game(rs, &st, seats, (uint64_t)g, bots, 0, NULL);
        moves += st.seq;
    }
    t1 = now();
    printf("core: %.0f full greedy-bot games/s on %s (%d games, %.1f moves/game; target >= 10,000)\n",
           games / (t1 - t0), rs->id, games, (double)moves / games);
    t0 = now();
    for (int g = 0; g < games; g++) {
        pl_bot_t bots[PL_MAX_SEATS];
        for (int s = 0; s < seats; s++)
            pl_bot_init(&bots[s], PL_BOT_RANDOM, (uint64_t)g + (uint64_t)s);
        pl_bot_play_game(rs, &st, seats, (uint64_t)g, bots, 0, NULL);
    }
    t1 = now();
    printf("core: %.0f full random-bot games/s on %s\n", games / (t1 - t0), rs->id);
    free(logs);
    free(len);
    pl_ruleset_destroy(rs);
    return 0;
}
