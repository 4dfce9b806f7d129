/* simulate.h -- options, bot line-up, statistics and report of `plateau-deck simulate` and `diff` */
#ifndef PL_DECK_SIMULATE_H
#define PL_DECK_SIMULATE_H

#include <stdint.h>
#include <stdio.h>
#include "plateau.h"

#define SIM_MAX_SPECS PL_MAX_SEATS
/* a win is shared by the winners of a game: credits count in 1/840 (a multiple of 1..8), so that
 * sums are exact integers and the report is the same whatever order games finish in */
#define SIM_WIN_UNIT 840L

typedef struct {
    char name[64];   /* as given: random, greedy, lens:env */
    int kind;        /* PL_BOT_* */
    int lens;        /* counter index for lens:ID, -1 otherwise */
} sim_spec_t;

typedef struct {
    const char *path, *path2; /* path2: the new version, for diff */
    long games;
    uint64_t seed;
    int seats;       /* 0: the package's default */
    int threads;     /* 0: one per core */
    int rotate, verbose, markdown, lang;
    sim_spec_t spec[SIM_MAX_SPECS];
    int n_specs;
} sim_opts_t;

/* Parse the options of simulate (paths = 1) or diff (paths = 2); cmd names the command in
 * messages. Returns 0, or -1 after printing what is wrong. */
/* 0, -1 on a bad option (said on stderr), 1 for --help (the caller prints its usage). */
int sim_parse_args(int argc, char **argv, sim_opts_t *o, int paths, const char *cmd);
/* Resolve lens:ID specs against rs and check the seat count; returns the seats to play, or -1
 * after printing what is wrong. */
int sim_prepare(const pl_ruleset_t *rs, sim_opts_t *o, const char *cmd);

/* The spec (index into opts->spec) playing seat s in game g. */
int sim_spec_of(const sim_opts_t *o, int seats, long g, int s);
/* A bot for that spec, seeded for game g and seat s. */
void sim_bot(const sim_opts_t *o, int spec, uint64_t game_seed, int s, pl_bot_t *bot);

/* Statistics over the games played: integer sums (wins in SIM_WIN_UNIT), and per-game values
 * kept in game order. */
typedef struct {
    long games, failed, seat_games;
    long first_failed;         /* index of the first game that stopped on a core error, -1 none */
    long rounds, moves, finished;
    int32_t *values[PL_MAX_COUNTERS]; /* final counter values, one per seat-game */
    int32_t *tvalues[PL_MAX_TABLE_COUNTERS];
    int32_t *scores;
    int32_t *game_rounds, *game_moves; /* one per game */
    uint8_t *ok;                       /* per game index: finished without a core error */
    long seat_win[PL_MAX_SEATS];
    long spec_win[SIM_MAX_SPECS];
    long spec_games[SIM_MAX_SPECS];
    long h2h[3]; /* pairings of the two specs: first wins, second wins, tie */
    long total_win;
    long *card_plays;      /* times each card was played */
    long *card_seat_games; /* seat-games in which the seat played the card */
    long *card_win;        /* win credit of those seat-games */
    long *setup_dealt, *setup_win; /* set-up cards: seat-games holding it, their win credit */
    long *choice;          /* per effect index, PL_MAX_OPTIONS counts of the option chosen */
    long *vote;            /* per effect index, PL_MAX_OPTIONS + 1 counts (the last: a tie) */
    long *vote_card_won;   /* proposals: times a card won a vote drawn from its deck */
    long *fork;            /* per space, PL_MAX_NEXT counts of the way taken */
    long *end_cond;        /* per end condition: games at whose end it held */
    long end_finished, end_rounds; /* games that ended with every seat finished / at max-rounds */
    long *target_reached;  /* per scoring rule (targets): games at whose end it was reached */
} sim_stats_t;

int sim_stats_alloc(const pl_ruleset_t *rs, long games, int seats, sim_stats_t *S); /* 0, or -1 */
void sim_stats_free(sim_stats_t *S);
/* Adds src's sums into dst (same ruleset); the per-game arrays are shared, not merged. */
void sim_stats_merge(const pl_ruleset_t *rs, sim_stats_t *dst, const sim_stats_t *src);

/* Add game g (its final state, the bot spec of each seat). counts: the sums (a thread's share);
 * per-game values go to shared's arrays at g. played_by: scratch of n_cards bytes. */
void sim_record_game(const pl_ruleset_t *rs, const sim_opts_t *o, sim_stats_t *counts, sim_stats_t *shared, long g,
                     const pl_state_t *st, const int *spec, uint8_t *played_by);

/* Play o->games games on o->threads threads (0: one per core) into S (allocated here; free
 * with sim_stats_free); secs: the wall time. Returns 0, or 1 when a table could not be set up
 * or memory ran out (after printing why). The report is the same for any thread count. */
int sim_run(const pl_ruleset_t *rs, const sim_opts_t *o, int seats, sim_stats_t *S, double *secs);
/* Threads sim_run uses for that option (0: one per core). */
int sim_threads(int wanted);

/* Print the report on stdout; secs is the wall time the games took. */
void sim_report(const pl_ruleset_t *rs, const sim_opts_t *o, int seats, sim_stats_t *S, double secs);

/* The flags, one per line: cards never or rarely played, win-rate gains past 15 points, end
 * conditions and targets never reached ("nothing to flag" when none). Returns how many. */
int sim_flags(const pl_ruleset_t *rs, const sim_stats_t *S, FILE *out, int markdown);
/* What the report and the flags compute, the same way for simulate and diff. */
double sim_win_rate_if_played(const sim_stats_t *S, uint32_t card);    /* -1 when never played */
double sim_win_rate_if_not(const sim_stats_t *S, uint32_t card);       /* -1 when always played */
/* The median plays per game of the action cards of deck d (0 when none). */
double sim_deck_median_plays(const pl_ruleset_t *rs, const sim_stats_t *S, int deck);

/* Narrate one game move by move (seed o->seed) on stdout. Returns 0, or 1 on a core error. */
int sim_narrate(const pl_ruleset_t *rs, const sim_opts_t *o, int seats);

#endif
