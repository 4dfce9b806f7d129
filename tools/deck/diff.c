/* diff.c -- `plateau-deck diff OLD NEW`: the same bot games on two versions of a package, and what changed */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "data/package.h"
#include "deck.h"
#include "simulate.h"
#include "table.h"

typedef struct {
    const char *path;
    pl_ruleset_t *rs;
    sim_stats_t S;
    double secs;
} side_t;

static double mean(const int32_t *v, long n)
{
    double sum = 0;
    for (long i = 0; i < n; i++)
        sum += v[i];
    return n ? sum / (double)n : 0;
}

static void num(char *buf, double x, int have)
{
    if (have)
        snprintf(buf, TABLE_CELL, "%.2f", x);
    else
        snprintf(buf, TABLE_CELL, "-");
}

static void delta(char *buf, double a, double b, int have_a, int have_b, const char *unit)
{
    if (have_a && have_b)
        snprintf(buf, TABLE_CELL, "%+.2f%s", b - a, unit);
    else
        snprintf(buf, TABLE_CELL, "%s", have_a ? "(removed)" : have_b ? "(added)" : "-");
}

static int load(side_t *s, const char *path)
{
    s->path = path;
    pl_diags_t d;
    pl_diags_init(&d);
    s->rs = pl_package_load(path, &d);
    if (!s->rs) {
        pl_diags_print(&d, stderr);
        fprintf(stderr, "%s: %zu error%s\n", path, d.n, d.n == 1 ? "" : "s");
    }
    pl_diags_free(&d);
    return s->rs ? 0 : -1;
}

/* The counter (seat or table) named id in rs: its mean at the end, or have = 0. */
static double counter_mean(const side_t *s, const char *id, int table, int *have)
{
    const pl_ruleset_t *rs = s->rs;
    int k = table ? pl_ruleset_table_counter(rs, id) : pl_ruleset_counter(rs, id);
    *have = k >= 0;
    if (k < 0)
        return 0;
    return table ? mean(s->S.tvalues[k], s->S.games) : mean(s->S.values[k], s->S.seat_games);
}

typedef struct {
    const char *id, *deck;
    double plays[2], gain[2];
    int have[2], gain_ok[2];
} card_row_t;

static int cmp_cards(const void *a, const void *b)
{
    const card_row_t *x = a, *y = b;
    double dx = x->have[0] && x->have[1] ? fabs(x->plays[1] - x->plays[0]) : 1e9;
    double dy = y->have[0] && y->have[1] ? fabs(y->plays[1] - y->plays[0]) : 1e9;
    if (dx != dy)
        return dx > dy ? -1 : 1;
    return strcmp(x->id, y->id);
}

static void card_side(const side_t *s, uint32_t k, card_row_t *r, int i)
{
    const sim_stats_t *S = &s->S;
    r->have[i] = 1;
    r->plays[i] = (double)S->card_plays[k] / (double)S->games;
    double a = sim_win_rate_if_played(S, k), b = sim_win_rate_if_not(S, k);
    r->gain_ok[i] = a >= 0 && b >= 0;
    r->gain[i] = 100.0 * (a - b);
}

static void report(side_t *v, const sim_opts_t *o, int seats)
{
    FILE *out = stdout;
    int md = o->markdown;
    char c[8][TABLE_CELL];
    const char *row[8] = { c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7] };
    table_t t;
    const sim_stats_t *A = &v[0].S, *B = &v[1].S;
    if (md)
        fprintf(out, "# %s -> %s\n\n", v[0].path, v[1].path);
    fprintf(out, "%s -> %s: the same %ld games on each (%d seats, seeds %llu..%llu, bots %s", v[0].path, v[1].path,
            o->games, seats, (unsigned long long)o->seed, (unsigned long long)(o->seed + (uint64_t)o->games - 1),
            o->spec[0].name);
    for (int i = 1; i < o->n_specs; i++)
        fprintf(out, ",%s", o->spec[i].name);
    fprintf(out, "%s)\n", o->rotate ? ", rotated" : "");
    if (md)
        fprintf(out, "\n");
    fprintf(out, "%.0f and %.0f games/s\n\n", v[0].secs > 0 ? (double)A->games / v[0].secs : 0,
            v[1].secs > 0 ? (double)B->games / v[1].secs : 0);

    static const char *const h[] = { "", "old", "new", "change", NULL };
    report_heading(out, md, "Scores and counters at the end (mean per seat)");
    if (table_init(&t, md, h) == 0) {
        snprintf(c[0], TABLE_CELL, "score");
        double a = mean(A->scores, A->seat_games), b = mean(B->scores, B->seat_games);
        num(c[1], a, 1);
        num(c[2], b, 1);
        delta(c[3], a, b, 1, 1, "");
        table_row(&t, row);
        for (int table = 0; table < 2; table++)
            for (int side = 0; side < 2; side++) {
                const pl_ruleset_t *rs = v[side].rs;
                int n = table ? rs->n_table_counters : rs->n_counters;
                for (int k = 0; k < n; k++) {
                    const char *id = table ? rs->table_counters[k].id : rs->counters[k].id;
                    int ha, hb;
                    double x = counter_mean(&v[0], id, table, &ha), y = counter_mean(&v[1], id, table, &hb);
                    if (side == 1 && ha)
                        continue; /* listed with the old version */
                    snprintf(c[0], TABLE_CELL, "%s%s", id, table ? " (table)" : "");
                    num(c[1], x, ha);
                    num(c[2], y, hb);
                    delta(c[3], x, y, ha, hb, "");
                    table_row(&t, row);
                }
            }
        table_print(&t, out);
    }

    report_heading(out, md, "Game length and endings");
    if (table_init(&t, md, h) == 0) {
        double a = (double)A->rounds / (double)A->games, b = (double)B->rounds / (double)B->games;
        snprintf(c[0], TABLE_CELL, "rounds per game");
        num(c[1], a, 1), num(c[2], b, 1), delta(c[3], a, b, 1, 1, "");
        table_row(&t, row);
        a = (double)A->moves / (double)A->games, b = (double)B->moves / (double)B->games;
        snprintf(c[0], TABLE_CELL, "moves per game");
        num(c[1], a, 1), num(c[2], b, 1), delta(c[3], a, b, 1, 1, "");
        table_row(&t, row);
        a = 100.0 * (double)A->finished / (double)A->seat_games, b = 100.0 * (double)B->finished / (double)B->seat_games;
        snprintf(c[0], TABLE_CELL, "seats finished (%%)");
        num(c[1], a, 1), num(c[2], b, 1), delta(c[3], a, b, 1, 1, "");
        table_row(&t, row);
        a = 100.0 * (double)A->end_finished / (double)A->games, b = 100.0 * (double)B->end_finished / (double)B->games;
        snprintf(c[0], TABLE_CELL, "games with every seat finished (%%)");
        num(c[1], a, 1), num(c[2], b, 1), delta(c[3], a, b, 1, 1, "");
        table_row(&t, row);
        a = 100.0 * (double)A->end_rounds / (double)A->games, b = 100.0 * (double)B->end_rounds / (double)B->games;
        snprintf(c[0], TABLE_CELL, "games stopped at max-rounds (%%)");
        num(c[1], a, v[0].rs->turn.max_rounds != 0), num(c[2], b, v[1].rs->turn.max_rounds != 0);
        delta(c[3], a, b, v[0].rs->turn.max_rounds != 0, v[1].rs->turn.max_rounds != 0, "");
        table_row(&t, row);
        table_print(&t, out);
    }

    report_heading(out, md, "Wins per seat (%)");
    if (table_init(&t, md, h) == 0) {
        for (int s = 0; s < seats; s++) {
            double a = 100.0 * (double)A->seat_win[s] / SIM_WIN_UNIT / (double)A->games;
            double b = 100.0 * (double)B->seat_win[s] / SIM_WIN_UNIT / (double)B->games;
            snprintf(c[0], TABLE_CELL, "seat %d", s + 1);
            num(c[1], a, 1), num(c[2], b, 1), delta(c[3], a, b, 1, 1, "");
            table_row(&t, row);
        }
        table_print(&t, out);
    }

    /* cards by id across both versions; the largest changes in plays first */
    size_t cap = (size_t)v[0].rs->n_cards + v[1].rs->n_cards, n = 0;
    card_row_t *cards = calloc(cap ? cap : 1, sizeof *cards);
    if (cards) {
        for (int side = 0; side < 2; side++) {
            const pl_ruleset_t *rs = v[side].rs;
            for (uint32_t k = 0; k < rs->n_cards; k++) {
                const pl_card_t *cd = &rs->cards[k];
                if (cd->kind != PL_CARD_ACTION)
                    continue;
                if (side == 1) {
                    int j = pl_ruleset_card(v[0].rs, cd->id);
                    if (j >= 0 && v[0].rs->cards[j].kind == PL_CARD_ACTION)
                        continue; /* listed with the old version */
                }
                card_row_t *r = &cards[n++];
                r->id = cd->id;
                r->deck = rs->decks[cd->deck].id;
                card_side(&v[side], k, r, side);
                if (side == 0) {
                    int j = pl_ruleset_card(v[1].rs, cd->id);
                    if (j >= 0 && v[1].rs->cards[j].kind == PL_CARD_ACTION)
                        card_side(&v[1], (uint32_t)j, r, 1);
                }
            }
        }
        qsort(cards, n, sizeof *cards, cmp_cards);
        report_heading(out, md, "Action cards: plays per game and win-rate gain (points), largest changes first");
        static const char *const ch[] = { "card", "deck", "plays old", "new", "change", "gain old", "new", "change", NULL };
        if (table_init(&t, md, ch) == 0) {
            for (size_t i = 0; i < n; i++) {
                card_row_t *r = &cards[i];
                snprintf(c[0], TABLE_CELL, "%s", r->id);
                snprintf(c[1], TABLE_CELL, "%s", r->deck);
                num(c[2], r->plays[0], r->have[0]);
                num(c[3], r->plays[1], r->have[1]);
                delta(c[4], r->plays[0], r->plays[1], r->have[0], r->have[1], "");
                num(c[5], r->gain[0], r->have[0] && r->gain_ok[0]);
                num(c[6], r->gain[1], r->have[1] && r->gain_ok[1]);
                delta(c[7], r->gain[0], r->gain[1], r->have[0] && r->gain_ok[0], r->have[1] && r->gain_ok[1], "");
                if (!r->have[0] || !r->have[1])
                    snprintf(c[7], TABLE_CELL, "%s", r->have[0] ? "(removed)" : "(added)");
                table_row(&t, row);
            }
            table_print(&t, out);
        }
        free(cards);
    }
    report_heading(out, md, "Flags of the new version");
    sim_flags(v[1].rs, B, out, md);
}

int deck_diff(int argc, char **argv)
{
    sim_opts_t o;
    int rc = sim_parse_args(argc, argv, &o, 2, "diff");
    if (rc == 1) {
        printf("usage: plateau-deck diff OLD NEW [--games N] [--seed S] [--seats K] [--bots SPEC,...] [--rotate]\n"
               "                    [--lang fr|en] [--threads T]\n"
               "plays the same seeds with both versions of a package and prints what changed per counter,\n"
               "game length, seat and card (the options are simulate's)\n");
        return 0;
    }
    if (rc != 0)
        return 2;
    deck_lang_set(o.lang);
    side_t v[2];
    memset(v, 0, sizeof v);
    int status = 0;
    if (load(&v[0], o.path) != 0 || load(&v[1], o.path2) != 0) {
        status = 1;
        goto cleanup;
    }
    /* the same seat count on both: the one given, else the old version's default */
    if (!o.seats)
        o.seats = v[0].rs->turn.default_seats;
    int seats = sim_prepare(v[0].rs, &o, "diff");
    if (seats < 0 || sim_prepare(v[1].rs, &o, "diff") < 0) {
        status = 2;
        goto cleanup;
    }
    for (int side = 0; side < 2; side++) {
        sim_prepare(v[side].rs, &o, "diff"); /* lens:ID bots name each version's own counters */
        if (sim_run(v[side].rs, &o, seats, &v[side].S, &v[side].secs) != 0 || !v[side].S.games) {
            status = 1;
            goto cleanup;
        }
    }
    report(v, &o, seats);
    if (v[0].S.failed || v[1].S.failed)
        status = 1;
cleanup:
    for (int side = 0; side < 2; side++) {
        sim_stats_free(&v[side].S);
        pl_ruleset_destroy(v[side].rs);
    }
    return status;
}
