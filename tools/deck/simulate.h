/* simulate.h -- options, bot line-up and statistics of `plateau-deck simulate` */
#ifndef PL_DECK_SIMULATE_H
#define PL_DECK_SIMULATE_H

#include <stdint.h>
#include "plateau.h"

#define SIM_MAX_SPECS PL_MAX_SEATS

typedef struct {
    char name[64];   /* as given: random, greedy, lens:env */
    int kind;        /* PL_BOT_* */
    int lens;        /* counter index for lens:ID, -1 otherwise */
} sim_spec_t;

typedef struct {
    const char *path;
    long games;
    uint64_t seed;
    int seats;       /* 0: the package's default */
    int rotate, verbose, markdown, lang;
    sim_spec_t spec[SIM_MAX_SPECS];
    int n_specs;
} sim_opts_t;

/* The spec (index into opts->spec) playing seat s in game g. */
int sim_spec_of(const sim_opts_t *o, int seats, long g, int s);
/* A bot for that spec, seeded for game g and seat s. */
void sim_bot(const sim_opts_t *o, int spec, uint64_t game_seed, int s, pl_bot_t *bot);

/* Statistics over the games played. */
typedef struct {
    long games, failed, seat_games;
    double rounds, moves, finished;
    int32_t *values[PL_MAX_COUNTERS]; /* final counter values, one per seat-game */
    int32_t *tvalues[PL_MAX_TABLE_COUNTERS];
    int32_t *scores;
    double seat_win[PL_MAX_SEATS];
    double spec_win[SIM_MAX_SPECS];
    long spec_games[SIM_MAX_SPECS];
    long h2h[3]; /* pairings of the two specs: first wins, second wins, tie */
    long *card_plays;      /* times each card was played */
    long *card_seat_games; /* seat-games in which the seat played the card */
    double *card_win;      /* win credit of those seat-games */
    double total_win;
} sim_stats_t;

int sim_stats_alloc(const pl_ruleset_t *rs, long games, int seats, sim_stats_t *S); /* 0, or -1 */
void sim_stats_free(sim_stats_t *S);
/* Add one finished game (spec: the bot spec of each seat; played_by: scratch of n_cards bytes). */
void sim_record_game(const pl_ruleset_t *rs, const sim_opts_t *o, sim_stats_t *S, const pl_state_t *st,
                     const int *spec, uint8_t *played_by);
/* Print the report on stdout; secs is the wall time the games took. */
void sim_report(const pl_ruleset_t *rs, const sim_opts_t *o, int seats, sim_stats_t *S, double secs);

/* Narrate one game move by move (seed o->seed) on stdout. Returns 0, or 1 on a core error. */
int sim_narrate(const pl_ruleset_t *rs, const sim_opts_t *o, int seats);

#endif
