/* stats.c -- the statistics of simulated games: allocation, one game's record, merging the threads' sums */
#include <stdlib.h>
#include <string.h>
#include "simulate.h"

int sim_stats_alloc(const pl_ruleset_t *rs, long games, int seats, sim_stats_t *S)
{
    memset(S, 0, sizeof *S);
    S->first_failed = -1;
    size_t sg = (size_t)games * (size_t)seats;
    int ok = 1;
    if (games > 0) {
        for (int c = 0; c < rs->n_counters; c++)
            ok &= (S->values[c] = calloc(sg, sizeof(int32_t))) != NULL;
        for (int c = 0; c < rs->n_table_counters; c++)
            ok &= (S->tvalues[c] = calloc((size_t)games, sizeof(int32_t))) != NULL;
        ok &= (S->scores = calloc(sg, sizeof(int32_t))) != NULL;
        ok &= (S->game_rounds = calloc((size_t)games, sizeof(int32_t))) != NULL;
        ok &= (S->game_moves = calloc((size_t)games, sizeof(int32_t))) != NULL;
        ok &= (S->ok = calloc((size_t)games, 1)) != NULL;
    }
    size_t nc = rs->n_cards ? rs->n_cards : 1, ne = rs->n_effects ? rs->n_effects : 1;
    ok &= (S->card_plays = calloc(nc, sizeof(long))) != NULL;
    ok &= (S->card_seat_games = calloc(nc, sizeof(long))) != NULL;
    ok &= (S->card_win = calloc(nc, sizeof(long))) != NULL;
    ok &= (S->setup_dealt = calloc(nc, sizeof(long))) != NULL;
    ok &= (S->setup_win = calloc(nc, sizeof(long))) != NULL;
    ok &= (S->vote_card_won = calloc(nc, sizeof(long))) != NULL;
    ok &= (S->choice = calloc(ne * PL_MAX_OPTIONS, sizeof(long))) != NULL;
    ok &= (S->vote = calloc(ne * (PL_MAX_OPTIONS + 1), sizeof(long))) != NULL;
    ok &= (S->fork = calloc((size_t)(rs->n_spaces ? rs->n_spaces : 1) * PL_MAX_NEXT, sizeof(long))) != NULL;
    ok &= (S->end_cond = calloc(rs->end_conds.count ? rs->end_conds.count : 1, sizeof(long))) != NULL;
    ok &= (S->target_reached = calloc(rs->n_scoring ? rs->n_scoring : 1, sizeof(long))) != NULL;
    return ok ? 0 : -1;
}

void sim_stats_free(sim_stats_t *S)
{
    for (int c = 0; c < PL_MAX_COUNTERS; c++)
        free(S->values[c]);
    for (int c = 0; c < PL_MAX_TABLE_COUNTERS; c++)
        free(S->tvalues[c]);
    free(S->scores);
    free(S->game_rounds);
    free(S->game_moves);
    free(S->ok);
    free(S->card_plays);
    free(S->card_seat_games);
    free(S->card_win);
    free(S->setup_dealt);
    free(S->setup_win);
    free(S->vote_card_won);
    free(S->choice);
    free(S->vote);
    free(S->fork);
    free(S->end_cond);
    free(S->target_reached);
    memset(S, 0, sizeof *S);
}

static void add(long *dst, const long *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dst[i] += src[i];
}

void sim_stats_merge(const pl_ruleset_t *rs, sim_stats_t *dst, const sim_stats_t *src)
{
    dst->games += src->games;
    dst->failed += src->failed;
    dst->seat_games += src->seat_games;
    if (src->first_failed >= 0 && (dst->first_failed < 0 || src->first_failed < dst->first_failed))
        dst->first_failed = src->first_failed;
    dst->rounds += src->rounds;
    dst->moves += src->moves;
    dst->finished += src->finished;
    add(dst->seat_win, src->seat_win, PL_MAX_SEATS);
    add(dst->spec_win, src->spec_win, SIM_MAX_SPECS);
    add(dst->spec_games, src->spec_games, SIM_MAX_SPECS);
    add(dst->h2h, src->h2h, 3);
    dst->total_win += src->total_win;
    size_t nc = rs->n_cards, ne = rs->n_effects;
    add(dst->card_plays, src->card_plays, nc);
    add(dst->card_seat_games, src->card_seat_games, nc);
    add(dst->card_win, src->card_win, nc);
    add(dst->setup_dealt, src->setup_dealt, nc);
    add(dst->setup_win, src->setup_win, nc);
    add(dst->vote_card_won, src->vote_card_won, nc);
    add(dst->choice, src->choice, ne * PL_MAX_OPTIONS);
    add(dst->vote, src->vote, ne * (PL_MAX_OPTIONS + 1));
    add(dst->fork, src->fork, (size_t)rs->n_spaces * PL_MAX_NEXT);
    add(dst->end_cond, src->end_cond, rs->end_conds.count);
    dst->end_finished += src->end_finished;
    dst->end_rounds += src->end_rounds;
    add(dst->target_reached, src->target_reached, rs->n_scoring);
}

void sim_record_game(const pl_ruleset_t *rs, const sim_opts_t *o, sim_stats_t *S, sim_stats_t *shared, long g,
                     const pl_state_t *st, const int *spec, uint8_t *played_by)
{
    int seats = st->n_seats;
    size_t base = (size_t)g * (size_t)seats;
    int n_win = 0;
    for (int s = 0; s < seats; s++)
        n_win += (st->winners >> s) & 1;
    long credit[PL_MAX_SEATS] = { 0 };
    int all_finished = 1;
    for (int s = 0; s < seats; s++) {
        if (n_win && (st->winners >> s) & 1)
            credit[s] = SIM_WIN_UNIT / n_win;
        S->seat_win[s] += credit[s];
        S->spec_win[spec[s]] += credit[s];
        S->spec_games[spec[s]]++;
        S->total_win += credit[s];
        S->finished += st->seat[s].finished;
        all_finished &= st->seat[s].finished != 0;
        for (int c = 0; c < rs->n_counters; c++)
            shared->values[c][base + (size_t)s] = st->seat[s].counter[c];
        shared->scores[base + (size_t)s] = st->score[s];
        uint16_t su = st->seat[s].setup_card;
        if (su < rs->n_cards) {
            S->setup_dealt[su]++;
            S->setup_win[su] += credit[s];
        }
    }
    for (int c = 0; c < rs->n_table_counters; c++)
        shared->tvalues[c][g] = st->table_counter[c];
    shared->game_rounds[g] = st->round;
    shared->game_moves[g] = (int32_t)st->seq;
    shared->ok[g] = 1;
    S->seat_games += seats;
    S->games++;
    S->rounds += st->round;
    S->moves += st->seq;
    /* how the game ended: the end conditions that held, every seat finished, the last round */
    int cond_held = 0;
    for (uint32_t i = 0; i < rs->end_conds.count; i++) {
        pl_range_t one = { rs->end_conds.first + i, 1 };
        int held = 0;
        for (int s = 0; s < seats && !held; s++)
            held = pl_conds_hold(rs, st, s, one);
        S->end_cond[i] += held;
        cond_held |= held;
    }
    if (all_finished)
        S->end_finished++;
    else if (!cond_held && rs->turn.max_rounds && st->round >= rs->turn.max_rounds)
        S->end_rounds++;
    for (uint32_t i = 0; i < rs->n_scoring; i++) {
        const pl_score_rule_t *r = &rs->scoring[i];
        if (r->kind == PL_SCORE_TARGET && r->ref < rs->n_table_counters && st->table_counter[r->ref] >= r->threshold)
            S->target_reached[i]++;
    }
    /* head-to-head: every pairing of a seat of the first spec with a seat of the second */
    if (o->n_specs == 2)
        for (int a = 0; a < seats; a++)
            for (int b = 0; b < seats; b++)
                if (spec[a] == 0 && spec[b] == 1)
                    S->h2h[st->score[a] > st->score[b] ? 0 : st->score[a] < st->score[b] ? 1 : 2]++;
    /* cards: plays, and whether the seats that played them won */
    memset(played_by, 0, rs->n_cards);
    for (int i = 0; i < st->n_played && i < PL_MAX_PLAYED; i++) {
        const pl_played_t *p = &st->played_log[i];
        if (p->card >= rs->n_cards || p->seat >= seats)
            continue;
        S->card_plays[p->card]++;
        played_by[p->card] |= (uint8_t)(1u << p->seat);
    }
    for (uint32_t c = 0; c < rs->n_cards; c++)
        for (int s = 0; s < seats; s++)
            if ((played_by[c] >> s) & 1) {
                S->card_seat_games[c]++;
                S->card_win[c] += credit[s];
            }
}

double sim_win_rate_if_played(const sim_stats_t *S, uint32_t card)
{
    long with = S->card_seat_games[card];
    return with ? (double)S->card_win[card] / SIM_WIN_UNIT / (double)with : -1;
}

double sim_win_rate_if_not(const sim_stats_t *S, uint32_t card)
{
    long without = S->seat_games - S->card_seat_games[card];
    return without ? (double)(S->total_win - S->card_win[card]) / SIM_WIN_UNIT / (double)without : -1;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double sim_deck_median_plays(const pl_ruleset_t *rs, const sim_stats_t *S, int deck)
{
    const pl_deck_t *d = &rs->decks[deck];
    if (!d->count || !S->games)
        return 0;
    double *v = malloc(d->count * sizeof *v);
    if (!v)
        return 0;
    for (int i = 0; i < d->count; i++)
        v[i] = (double)S->card_plays[d->first + i] / (double)S->games;
    qsort(v, d->count, sizeof *v, cmp_double);
    double m = d->count % 2 ? v[d->count / 2] : (v[d->count / 2 - 1] + v[d->count / 2]) / 2;
    free(v);
    return m;
}
