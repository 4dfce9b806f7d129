/* simrun.c -- bot games on every core (pthreads): each thread plays whole games, the sums merge exactly */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "simulate.h"

#define CHUNK 32        /* games a thread takes at once */
#define MAX_THREADS 64
#define MAX_MOVES 100000 /* as pl_bot_play_game: a runaway game stops there */

typedef struct {
    const pl_ruleset_t *rs;
    const sim_opts_t *o;
    int seats;
    sim_stats_t *shared;   /* per-game arrays, written at each game's own index */
    atomic_long *next;     /* the next game index to take */
    atomic_int *stop;      /* a table cannot be set up: every thread stops */
    sim_stats_t part;      /* this thread's sums */
    int alloc_failed;
    long fail_game;        /* the first game (lowest index) this thread saw stop */
    int fail_code;
    char fail_msg[192];
} worker_t;

int sim_threads(int wanted)
{
    if (wanted > 0)
        return wanted > MAX_THREADS ? MAX_THREADS : wanted;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

static void fail(worker_t *w, long g, int code, const char *msg)
{
    w->part.failed++;
    if (w->fail_game < 0 || g < w->fail_game) {
        w->fail_game = g;
        w->fail_code = code;
        snprintf(w->fail_msg, sizeof w->fail_msg, "%s", msg);
    }
    if (code == PL_ERR_SETUP)
        atomic_store(w->stop, 1);
}

/* One game, as pl_bot_play_game plays it, noting what each choice, fork and vote gave. */
static void play_one(worker_t *w, long g, pl_state_t *st, pl_events_t *ev, uint8_t *played_by)
{
    const pl_ruleset_t *rs = w->rs;
    const sim_opts_t *o = w->o;
    sim_stats_t *S = &w->part;
    uint64_t seed = o->seed + (uint64_t)g;
    pl_bot_t bots[PL_MAX_SEATS];
    int spec[PL_MAX_SEATS];
    for (int s = 0; s < w->seats; s++) {
        spec[s] = sim_spec_of(o, w->seats, g, s);
        sim_bot(o, spec[s], seed, s, &bots[s]);
    }
    pl_error_t err = { 0 };
    int r = pl_state_init(rs, st, w->seats, seed, &err);
    if (r != PL_OK) {
        fail(w, g, r, err.msg);
        return;
    }
    for (uint32_t k = 0; k < MAX_MOVES && st->wait != PL_WAIT_OVER; k++) {
        int seat = pl_next_actor(st);
        if (seat < 0)
            break;
        pl_move_t mv;
        if (!pl_bot_move(rs, st, seat, &bots[seat], &mv))
            break;
        int wait = st->wait;
        uint32_t eff = st->pending.effect;
        int pos = st->seat[seat].pos;
        uint16_t option_card[PL_MAX_OPTIONS];
        memcpy(option_card, st->pending.option_card, sizeof option_card);
        r = pl_apply(rs, st, &mv, wait == PL_WAIT_VOTE ? ev : NULL, &err);
        if (r != PL_OK) {
            fail(w, g, r, err.msg);
            return;
        }
        if (mv.type == PL_MOVE_CHOOSE && wait == PL_WAIT_CHOICE && eff < rs->n_effects && mv.arg < PL_MAX_OPTIONS)
            S->choice[(size_t)eff * PL_MAX_OPTIONS + mv.arg]++;
        else if (mv.type == PL_MOVE_CHOOSE && wait == PL_WAIT_BRANCH && pos < rs->n_spaces && mv.arg < PL_MAX_NEXT)
            S->fork[(size_t)pos * PL_MAX_NEXT + mv.arg]++;
        else if (wait == PL_WAIT_VOTE && eff < rs->n_effects)
            for (int i = 0; i < ev->n; i++) {
                if (ev->ev[i].type != PL_EV_VOTE_RESULT)
                    continue;
                int a = ev->ev[i].a;
                if (a < 0 || a >= PL_MAX_OPTIONS) {
                    S->vote[(size_t)eff * (PL_MAX_OPTIONS + 1) + PL_MAX_OPTIONS]++;
                } else {
                    S->vote[(size_t)eff * (PL_MAX_OPTIONS + 1) + (size_t)a]++;
                    if (!rs->effects[eff].opts.count && option_card[a] < rs->n_cards)
                        S->vote_card_won[option_card[a]]++;
                }
                break; /* the vote that was open; a later one has its own result */
            }
    }
    sim_record_game(rs, o, S, w->shared, g, st, spec, played_by);
}

static void *work(void *arg)
{
    worker_t *w = arg;
    pl_state_t *st = malloc(sizeof *st);
    pl_events_t *ev = malloc(sizeof *ev);
    uint8_t *played_by = malloc(w->rs->n_cards ? w->rs->n_cards : 1);
    if (!st || !ev || !played_by) {
        w->alloc_failed = 1;
        atomic_store(w->stop, 1);
    }
    while (!w->alloc_failed && !atomic_load(w->stop)) {
        long g0 = atomic_fetch_add(w->next, CHUNK);
        if (g0 >= w->o->games)
            break;
        long g1 = g0 + CHUNK < w->o->games ? g0 + CHUNK : w->o->games;
        for (long g = g0; g < g1 && !atomic_load(w->stop); g++)
            play_one(w, g, st, ev, played_by);
    }
    free(st);
    free(ev);
    free(played_by);
    return NULL;
}

/* Moves the games that finished to the front of the per-game arrays, in game order. */
static void compact(const pl_ruleset_t *rs, sim_stats_t *S, long games, int seats)
{
    long k = 0;
    for (long g = 0; g < games; g++) {
        if (!S->ok[g])
            continue;
        if (k != g) {
            for (int c = 0; c < rs->n_counters; c++)
                memcpy(&S->values[c][k * seats], &S->values[c][g * seats], (size_t)seats * sizeof(int32_t));
            memcpy(&S->scores[k * seats], &S->scores[g * seats], (size_t)seats * sizeof(int32_t));
            for (int c = 0; c < rs->n_table_counters; c++)
                S->tvalues[c][k] = S->tvalues[c][g];
            S->game_rounds[k] = S->game_rounds[g];
            S->game_moves[k] = S->game_moves[g];
        }
        k++;
    }
}

int sim_run(const pl_ruleset_t *rs, const sim_opts_t *o, int seats, sim_stats_t *S, double *secs)
{
    int nt = sim_threads(o->threads);
    if (nt > o->games)
        nt = (int)o->games;
    worker_t *w = calloc((size_t)nt, sizeof *w);
    pthread_t *th = calloc((size_t)nt, sizeof *th);
    atomic_long next = 0;
    atomic_int stop = 0;
    int status = 0;
    if (!w || !th || sim_stats_alloc(rs, o->games, seats, S) != 0) {
        fprintf(stderr, "plateau-deck: out of memory\n");
        status = 1;
        goto cleanup;
    }
    for (int t = 0; t < nt; t++) {
        w[t].rs = rs;
        w[t].o = o;
        w[t].seats = seats;
        w[t].shared = S;
        w[t].next = &next;
        w[t].stop = &stop;
        w[t].fail_game = -1;
        if (sim_stats_alloc(rs, 0, seats, &w[t].part) != 0) {
            fprintf(stderr, "plateau-deck: out of memory\n");
            status = 1;
            goto cleanup;
        }
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int started = 0;
    for (int t = 1; t < nt; t++) {
        if (pthread_create(&th[t], NULL, work, &w[t]) != 0)
            break;
        started = t;
    }
    work(&w[0]); /* the calling thread plays too */
    for (int t = 1; t <= started; t++)
        pthread_join(th[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    *secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    int first = -1;
    for (int t = 0; t < nt; t++) {
        sim_stats_merge(rs, S, &w[t].part);
        if (w[t].alloc_failed)
            status = 1;
        if (w[t].fail_game >= 0 && (first < 0 || w[t].fail_game < w[first].fail_game))
            first = t;
    }
    if (status)
        fprintf(stderr, "plateau-deck: out of memory\n");
    if (first >= 0) {
        S->first_failed = w[first].fail_game;
        fprintf(stderr, "plateau-deck: game with seed %llu stopped: %s: %s\n",
                (unsigned long long)(o->seed + (uint64_t)w[first].fail_game), pl_reason_name(w[first].fail_code),
                w[first].fail_msg);
        if (w[first].fail_code == PL_ERR_SETUP)
            status = 1;
    }
    if (!status)
        compact(rs, S, o->games, seats);
cleanup:
    for (int t = 0; w && t < nt; t++)
        sim_stats_free(&w[t].part);
    free(w);
    free(th);
    return status;
}
