/* report.c -- statistics of simulated games and the balance report (plain text or Markdown) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "simulate.h"
#include "table.h"


static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

static void dist_row(table_t *t, const char *name, int32_t *v, long n)
{
    if (n <= 0)
        return;
    qsort(v, (size_t)n, sizeof *v, cmp_i32);
    double sum = 0;
    for (long i = 0; i < n; i++)
        sum += v[i];
    char c[7][TABLE_CELL];
    snprintf(c[0], TABLE_CELL, "%s", name);
    snprintf(c[1], TABLE_CELL, "%d", v[0]);
    snprintf(c[2], TABLE_CELL, "%d", v[n / 10]);
    snprintf(c[3], TABLE_CELL, "%d", v[n / 2]);
    snprintf(c[4], TABLE_CELL, "%.2f", sum / (double)n);
    snprintf(c[5], TABLE_CELL, "%d", v[(n * 9) / 10]);
    snprintf(c[6], TABLE_CELL, "%d", v[n - 1]);
    const char *row[7] = { c[0], c[1], c[2], c[3], c[4], c[5], c[6] };
    table_row(t, row);
}

void sim_record_game(const pl_ruleset_t *rs, const sim_opts_t *o, sim_stats_t *S, const pl_state_t *st,
                        const int *spec, uint8_t *played_by)
{
    int seats = st->n_seats;
    long base = S->seat_games;
    int n_win = 0;
    for (int s = 0; s < seats; s++)
        n_win += (st->winners >> s) & 1;
    double credit[PL_MAX_SEATS] = { 0 };
    for (int s = 0; s < seats; s++) {
        if (n_win && (st->winners >> s) & 1)
            credit[s] = 1.0 / n_win;
        S->seat_win[s] += credit[s];
        S->spec_win[spec[s]] += credit[s];
        S->spec_games[spec[s]]++;
        S->total_win += credit[s];
        S->finished += st->seat[s].finished;
        for (int c = 0; c < rs->n_counters; c++)
            S->values[c][base + s] = st->seat[s].counter[c];
        S->scores[base + s] = st->score[s];
    }
    for (int c = 0; c < rs->n_table_counters; c++)
        S->tvalues[c][S->games] = st->table_counter[c];
    S->seat_games += seats;
    S->games++;
    S->rounds += st->round;
    S->moves += st->seq;
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

static void pct(char *buf, double x)
{
    snprintf(buf, TABLE_CELL, "%.1f%%", 100.0 * x);
}

void sim_report(const pl_ruleset_t *rs, const sim_opts_t *o, int seats, sim_stats_t *S, double secs)
{
    FILE *out = stdout;
    int md = o->markdown;
    int L = o->lang;
    char c[8][TABLE_CELL];
    const char *row[8] = { c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7] };
    table_t t;
    if (md)
        fprintf(out, "# %s: %ld games\n\n", pl_text(&rs->title, L), S->games);
    fprintf(out, "%s%s: %ld games, %d seats, seeds %llu..%llu, bots %s", md ? "" : "", o->path, S->games,
            seats, (unsigned long long)o->seed, (unsigned long long)(o->seed + (uint64_t)o->games - 1),
            o->spec[0].name);
    for (int i = 1; i < o->n_specs; i++)
        fprintf(out, ",%s", o->spec[i].name);
    fprintf(out, "%s\n", o->rotate ? " (rotated)" : "");
    if (md)
        fprintf(out, "\n");
    fprintf(out, "%s%.0f games/s (%.3f s), %.1f rounds and %.1f moves per game, %.1f%% of seats finished",
            md ? "" : "", secs > 0 ? (double)S->games / secs : 0.0, secs, S->rounds / (double)S->games,
            S->moves / (double)S->games, 100.0 * S->finished / (double)S->seat_games);
    if (S->failed)
        fprintf(out, ", %ld games stopped on a core error", S->failed);
    fprintf(out, "\n\n");

    report_heading(out, md, "Scores and counters at the end (per seat)");
    static const char *const dh[] = { "counter", "min", "p10", "median", "mean", "p90", "max", NULL };
    if (table_init(&t, md, dh) == 0) {
        dist_row(&t, "score", S->scores, S->seat_games);
        for (int k = 0; k < rs->n_counters; k++)
            dist_row(&t, rs->counters[k].id, S->values[k], S->seat_games);
        for (int k = 0; k < rs->n_table_counters; k++) {
            char name[80];
            snprintf(name, sizeof name, "%s (table)", rs->table_counters[k].id);
            dist_row(&t, name, S->tvalues[k], S->games);
        }
        table_print(&t, out);
    }

    report_heading(out, md, "Wins per seat (ties share the win)");
    static const char *const wh[] = { "seat", "win rate", NULL };
    if (table_init(&t, md, wh) == 0) {
        for (int s = 0; s < seats; s++) {
            snprintf(c[0], TABLE_CELL, "%d", s + 1);
            pct(c[1], S->seat_win[s] / (double)S->games);
            table_row(&t, row);
        }
        table_print(&t, out);
    }

    if (o->n_specs > 1) {
        report_heading(out, md, "Wins per bot");
        static const char *const bh[] = { "bot", "seat-games", "win rate", "fair share", NULL };
        if (table_init(&t, md, bh) == 0) {
            for (int i = 0; i < o->n_specs; i++) {
                snprintf(c[0], TABLE_CELL, "%s", o->spec[i].name);
                snprintf(c[1], TABLE_CELL, "%ld", S->spec_games[i]);
                pct(c[2], S->spec_games[i] ? S->spec_win[i] / (double)S->spec_games[i] : 0);
                pct(c[3], 1.0 / seats);
                table_row(&t, row);
            }
            table_print(&t, out);
        }
    }
    if (o->n_specs == 2) {
        long n = S->h2h[0] + S->h2h[1] + S->h2h[2];
        report_heading(out, md, "Head to head (every pairing of the two bots at a table)");
        fprintf(out, "%s%s beats %s in %.1f%% of pairings, loses in %.1f%%, ties in %.1f%% (%ld pairings)\n\n",
                md ? "" : "", o->spec[0].name, o->spec[1].name, n ? 100.0 * S->h2h[0] / n : 0,
                n ? 100.0 * S->h2h[1] / n : 0, n ? 100.0 * S->h2h[2] / n : 0, n);
    }

    report_heading(out, md, "Cards played");
    static const char *const ch[] = { "card", "deck", "plays", "per game", "win rate if played", "if not", NULL };
    if (table_init(&t, md, ch) == 0) {
        for (uint32_t k = 0; k < rs->n_cards; k++) {
            const pl_card_t *cd = &rs->cards[k];
            if (!S->card_plays[k] && cd->kind != PL_CARD_ACTION)
                continue;
            snprintf(c[0], TABLE_CELL, "%s", cd->id);
            snprintf(c[1], TABLE_CELL, "%s", rs->decks[cd->deck].id);
            snprintf(c[2], TABLE_CELL, "%ld", S->card_plays[k]);
            snprintf(c[3], TABLE_CELL, "%.2f", (double)S->card_plays[k] / (double)S->games);
            long with = S->card_seat_games[k], without = S->seat_games - with;
            if (with)
                pct(c[4], S->card_win[k] / (double)with);
            else
                snprintf(c[4], TABLE_CELL, "-");
            if (without)
                pct(c[5], (S->total_win - S->card_win[k]) / (double)without);
            else
                snprintf(c[5], TABLE_CELL, "-");
            table_row(&t, row);
        }
        table_print(&t, out);
    }
}

int sim_stats_alloc(const pl_ruleset_t *rs, long games, int seats, sim_stats_t *S)
{
    memset(S, 0, sizeof *S);
    size_t sg = (size_t)games * (size_t)seats;
    int ok = 1;
    for (int c = 0; c < rs->n_counters; c++)
        ok &= (S->values[c] = calloc(sg, sizeof(int32_t))) != NULL;
    for (int c = 0; c < rs->n_table_counters; c++)
        ok &= (S->tvalues[c] = calloc((size_t)games, sizeof(int32_t))) != NULL;
    ok &= (S->scores = calloc(sg, sizeof(int32_t))) != NULL;
    size_t nc = rs->n_cards ? rs->n_cards : 1;
    ok &= (S->card_plays = calloc(nc, sizeof(long))) != NULL;
    ok &= (S->card_seat_games = calloc(nc, sizeof(long))) != NULL;
    ok &= (S->card_win = calloc(nc, sizeof(double))) != NULL;
    return ok ? 0 : -1;
}

void sim_stats_free(sim_stats_t *S)
{
    for (int c = 0; c < PL_MAX_COUNTERS; c++)
        free(S->values[c]);
    for (int c = 0; c < PL_MAX_TABLE_COUNTERS; c++)
        free(S->tvalues[c]);
    free(S->scores);
    free(S->card_plays);
    free(S->card_seat_games);
    free(S->card_win);
}

