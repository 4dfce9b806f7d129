/* report.c -- the balance report of simulated games (plain text or Markdown), with its flags */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "simulate.h"
#include "table.h"

/* what the report flags (docs/designing-games.md, section 6) */
#define RARE_SHARE 0.2   /* a card played less than this share of its deck's median is rarely played */
#define GAIN_POINTS 15.0 /* win-rate points between the seats that played a card and the others */
#define MIN_SAMPLE 30    /* seat-games on each side before a win-rate gain is flagged */

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

static void pct(char *buf, double x)
{
    snprintf(buf, TABLE_CELL, "%.1f%%", 100.0 * x);
}

static double share(long part, long whole)
{
    return whole ? (double)part / (double)whole : 0;
}

/* Who holds each effect ("card a-x", "space s-y"), for the choice and vote tables. */
static void name_effects(const pl_ruleset_t *rs, pl_range_t r, const char **owner, const char *name, int depth)
{
    if (depth > PL_MAX_STACK)
        return;
    for (uint32_t i = r.first; i < r.first + r.count && i < rs->n_effects; i++) {
        owner[i] = name;
        const pl_effect_t *e = &rs->effects[i];
        name_effects(rs, e->body, owner, name, depth + 1);
        name_effects(rs, e->alt, owner, name, depth + 1);
        name_effects(rs, e->tie, owner, name, depth + 1);
        for (uint32_t o = e->opts.first; o < e->opts.first + e->opts.count && o < rs->n_options; o++)
            name_effects(rs, rs->options[o].effects, owner, name, depth + 1);
    }
}

static const char **effect_owners(const pl_ruleset_t *rs)
{
    const char **owner = calloc(rs->n_effects ? rs->n_effects : 1, sizeof *owner);
    if (!owner)
        return NULL;
    for (uint32_t k = 0; k < rs->n_cards; k++)
        name_effects(rs, rs->cards[k].effects, owner, rs->cards[k].id, 0);
    for (int s = 0; s < rs->n_spaces; s++)
        name_effects(rs, rs->spaces[s].on_land, owner, rs->spaces[s].id, 0);
    return owner;
}

static const char *cond_name(int kind)
{
    static const char *const n[] = { "?", "has-counter", "has-table-counter", "has-token", "finished", "in-phase", "round" };
    return kind > 0 && kind < PL_COND__COUNT ? n[kind] : "?";
}

/* An end condition in words: "has-table-counter region 40..100 (line 77)". */
static void cond_text(const pl_ruleset_t *rs, const pl_cond_t *q, char *buf, size_t len)
{
    const char *ref = "";
    if (q->kind == PL_COND_COUNTER && q->ref < rs->n_counters)
        ref = rs->counters[q->ref].id;
    else if (q->kind == PL_COND_TABLE && q->ref < rs->n_table_counters)
        ref = rs->table_counters[q->ref].id;
    else if (q->kind == PL_COND_TOKEN && q->ref < rs->n_tokens)
        ref = rs->tokens[q->ref].id;
    char range[64] = "";
    if (q->kind != PL_COND_FINISHED && q->kind != PL_COND_PHASE) {
        if (q->min != INT32_MIN && q->max != INT32_MAX)
            snprintf(range, sizeof range, " %d..%d", q->min, q->max);
        else if (q->min != INT32_MIN)
            snprintf(range, sizeof range, " >= %d", q->min);
        else if (q->max != INT32_MAX)
            snprintf(range, sizeof range, " <= %d", q->max);
    }
    snprintf(buf, len, "%s%s%s%s (line %u)", cond_name(q->kind), *ref ? " " : "", ref, range, q->line);
}

int sim_flags(const pl_ruleset_t *rs, const sim_stats_t *S, FILE *out, int md)
{
    int n = 0;
    const char *bullet = md ? "- " : "  ";
    double median[PL_MAX_DECKS];
    for (int d = 0; d < rs->n_decks; d++)
        median[d] = sim_deck_median_plays(rs, S, d);
    for (uint32_t k = 0; k < rs->n_cards; k++) {
        const pl_card_t *cd = &rs->cards[k];
        if (cd->kind != PL_CARD_ACTION)
            continue;
        double per = (double)S->card_plays[k] / (double)S->games;
        if (!S->card_plays[k]) {
            fprintf(out, "%snever played: %s (deck %s)\n", bullet, cd->id, rs->decks[cd->deck].id);
            n++;
        } else if (median[cd->deck] > 0 && per < RARE_SHARE * median[cd->deck]) {
            fprintf(out, "%srarely played: %s (deck %s): %.3f per game, the deck's median is %.2f\n", bullet, cd->id,
                    rs->decks[cd->deck].id, per, median[cd->deck]);
            n++;
        }
        long with = S->card_seat_games[k], without = S->seat_games - with;
        if (with >= MIN_SAMPLE && without >= MIN_SAMPLE) {
            double a = sim_win_rate_if_played(S, k), b = sim_win_rate_if_not(S, k), gain = 100.0 * (a - b);
            if (gain > GAIN_POINTS || gain < -GAIN_POINTS) {
                fprintf(out, "%swin-rate gain %+.1f points: %s (%.1f%% if played, %.1f%% if not)\n", bullet, gain,
                        cd->id, 100.0 * a, 100.0 * b);
                n++;
            }
        }
    }
    char text[160];
    for (uint32_t i = 0; i < rs->end_conds.count; i++)
        if (!S->end_cond[i]) {
            cond_text(rs, &rs->conds[rs->end_conds.first + i], text, sizeof text);
            fprintf(out, "%send condition never reached: %s\n", bullet, text);
            n++;
        }
    for (uint32_t i = 0; i < rs->n_scoring; i++) {
        const pl_score_rule_t *r = &rs->scoring[i];
        if (r->kind == PL_SCORE_TARGET && !S->target_reached[i] && r->ref < rs->n_table_counters) {
            fprintf(out, "%starget never reached: %s >= %d\n", bullet, rs->table_counters[r->ref].id, r->threshold);
            n++;
        }
    }
    if (!n)
        fprintf(out, "%snothing to flag\n", bullet);
    fputc('\n', out);
    return n;
}

static void report_outcomes(const pl_ruleset_t *rs, const sim_stats_t *S, FILE *out, int md)
{
    char c[8][TABLE_CELL];
    const char *row[8] = { c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7] };
    table_t t;
    /* set-up cards */
    int any = 0;
    for (uint32_t k = 0; k < rs->n_cards; k++)
        any |= S->setup_dealt[k] != 0;
    if (any) {
        report_heading(out, md, "Set-up cards (dealt per seat-game)");
        static const char *const sh[] = { "card", "dealt", "win rate", NULL };
        if (table_init(&t, md, sh) == 0) {
            for (uint32_t k = 0; k < rs->n_cards; k++) {
                if (rs->cards[k].kind != PL_CARD_SETUP)
                    continue;
                snprintf(c[0], TABLE_CELL, "%s", rs->cards[k].id);
                snprintf(c[1], TABLE_CELL, "%ld", S->setup_dealt[k]);
                if (S->setup_dealt[k])
                    pct(c[2], (double)S->setup_win[k] / SIM_WIN_UNIT / (double)S->setup_dealt[k]);
                else
                    snprintf(c[2], TABLE_CELL, "-");
                table_row(&t, row);
            }
            table_print(&t, out);
        }
    }
    const char **owner = effect_owners(rs);
    if (!owner)
        return;
    /* choices and votes */
    static const char *const oh[] = { "where", "option", "times", "share", NULL };
    for (int vote = 0; vote < 2; vote++) {
        long total_all = 0;
        for (uint32_t e = 0; e < rs->n_effects; e++)
            for (int k = 0; k < PL_MAX_OPTIONS + vote; k++)
                total_all += vote ? S->vote[(size_t)e * (PL_MAX_OPTIONS + 1) + k] : S->choice[(size_t)e * PL_MAX_OPTIONS + k];
        if (!total_all)
            continue;
        report_heading(out, md, vote ? "Votes (the option that won)" : "Choices (the option chosen)");
        if (table_init(&t, md, oh) != 0)
            continue;
        for (uint32_t e = 0; e < rs->n_effects; e++) {
            const pl_effect_t *ef = &rs->effects[e];
            if (ef->op != (vote ? PL_EFF_VOTE : PL_EFF_CHOICE))
                continue;
            const long *cnt = vote ? &S->vote[(size_t)e * (PL_MAX_OPTIONS + 1)] : &S->choice[(size_t)e * PL_MAX_OPTIONS];
            long total = 0;
            for (int k = 0; k < PL_MAX_OPTIONS + vote; k++)
                total += cnt[k];
            if (!total)
                continue;
            if (!ef->opts.count) { /* options drawn from a deck: the proposals table says which won */
                long some = total - cnt[PL_MAX_OPTIONS];
                snprintf(c[0], TABLE_CELL, "%s", owner[e] ? owner[e] : "?");
                snprintf(c[1], TABLE_CELL, "(a proposal)");
                snprintf(c[2], TABLE_CELL, "%ld", some);
                pct(c[3], share(some, total));
                table_row(&t, row);
            }
            for (uint32_t k = 0; k < ef->opts.count && k < PL_MAX_OPTIONS; k++) {
                snprintf(c[0], TABLE_CELL, "%s", owner[e] ? owner[e] : "?");
                snprintf(c[1], TABLE_CELL, "%s", rs->options[ef->opts.first + k].id);
                snprintf(c[2], TABLE_CELL, "%ld", cnt[k]);
                pct(c[3], share(cnt[k], total));
                table_row(&t, row);
            }
            if (vote) {
                snprintf(c[0], TABLE_CELL, "%s", owner[e] ? owner[e] : "?");
                snprintf(c[1], TABLE_CELL, "(tie)");
                snprintf(c[2], TABLE_CELL, "%ld", cnt[PL_MAX_OPTIONS]);
                pct(c[3], share(cnt[PL_MAX_OPTIONS], total));
                table_row(&t, row);
            }
        }
        table_print(&t, out);
    }
    free(owner);
    /* proposals that won votes drawn from their deck */
    long won = 0;
    for (uint32_t k = 0; k < rs->n_cards; k++)
        won += S->vote_card_won[k];
    if (won) {
        report_heading(out, md, "Proposals (votes won when drawn as options)");
        static const char *const ph[] = { "card", "won", "per game", NULL };
        if (table_init(&t, md, ph) == 0) {
            for (uint32_t k = 0; k < rs->n_cards; k++) {
                if (rs->cards[k].kind != PL_CARD_PROPOSAL)
                    continue;
                snprintf(c[0], TABLE_CELL, "%s", rs->cards[k].id);
                snprintf(c[1], TABLE_CELL, "%ld", S->vote_card_won[k]);
                snprintf(c[2], TABLE_CELL, "%.2f", share(S->vote_card_won[k], S->games));
                table_row(&t, row);
            }
            table_print(&t, out);
        }
    }
    /* forks */
    long forks = 0;
    for (size_t i = 0; i < (size_t)rs->n_spaces * PL_MAX_NEXT; i++)
        forks += S->fork[i];
    if (forks) {
        report_heading(out, md, "Forks (the way taken)");
        static const char *const fh[] = { "space", "way", "times", "share", NULL };
        if (table_init(&t, md, fh) == 0) {
            for (int s = 0; s < rs->n_spaces; s++) {
                const pl_space_t *sp = &rs->spaces[s];
                long total = 0;
                for (int k = 0; k < sp->n_next; k++)
                    total += S->fork[(size_t)s * PL_MAX_NEXT + k];
                for (int k = 0; total && k < sp->n_next; k++) {
                    snprintf(c[0], TABLE_CELL, "%s", sp->id);
                    snprintf(c[1], TABLE_CELL, "%s", rs->spaces[sp->next[k]].id);
                    snprintf(c[2], TABLE_CELL, "%ld", S->fork[(size_t)s * PL_MAX_NEXT + k]);
                    pct(c[3], share(S->fork[(size_t)s * PL_MAX_NEXT + k], total));
                    table_row(&t, row);
                }
            }
            table_print(&t, out);
        }
    }
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
    fprintf(out, "%s: %ld games, %d seats, seeds %llu..%llu, bots %s", o->path, S->games, seats,
            (unsigned long long)o->seed, (unsigned long long)(o->seed + (uint64_t)o->games - 1), o->spec[0].name);
    for (int i = 1; i < o->n_specs; i++)
        fprintf(out, ",%s", o->spec[i].name);
    fprintf(out, "%s\n", o->rotate ? " (rotated)" : "");
    if (md)
        fprintf(out, "\n");
    int nt = sim_threads(o->threads);
    fprintf(out, "%.0f games/s on %d thread%s (%.3f s), %.1f rounds and %.1f moves per game, %.1f%% of seats finished",
            secs > 0 ? (double)S->games / secs : 0.0, nt, nt == 1 ? "" : "s", secs, (double)S->rounds / (double)S->games,
            (double)S->moves / (double)S->games, 100.0 * (double)S->finished / (double)S->seat_games);
    if (S->failed)
        fprintf(out, ", %ld games stopped on a core error", S->failed);
    fprintf(out, "\n\n");

    report_heading(out, md, "Flags");
    sim_flags(rs, S, out, md);

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

    report_heading(out, md, "Game length");
    static const char *const lh[] = { "per game", "min", "p10", "median", "mean", "p90", "max", NULL };
    if (table_init(&t, md, lh) == 0) {
        dist_row(&t, "rounds", S->game_rounds, S->games);
        dist_row(&t, "moves", S->game_moves, S->games);
        table_print(&t, out);
    }

    report_heading(out, md, "How games ended (several reasons can hold at once)");
    static const char *const eh[] = { "reason", "games", "share", NULL };
    if (table_init(&t, md, eh) == 0) {
        snprintf(c[0], TABLE_CELL, "every seat finished");
        snprintf(c[1], TABLE_CELL, "%ld", S->end_finished);
        pct(c[2], share(S->end_finished, S->games));
        table_row(&t, row);
        if (rs->turn.max_rounds) {
            snprintf(c[0], TABLE_CELL, "last round (max-rounds %u)", rs->turn.max_rounds);
            snprintf(c[1], TABLE_CELL, "%ld", S->end_rounds);
            pct(c[2], share(S->end_rounds, S->games));
            table_row(&t, row);
        }
        for (uint32_t i = 0; i < rs->end_conds.count; i++) {
            char text[TABLE_CELL];
            cond_text(rs, &rs->conds[rs->end_conds.first + i], text, sizeof text);
            snprintf(c[0], TABLE_CELL, "%s", text);
            snprintf(c[1], TABLE_CELL, "%ld", S->end_cond[i]);
            pct(c[2], share(S->end_cond[i], S->games));
            table_row(&t, row);
        }
        for (uint32_t i = 0; i < rs->n_scoring; i++) {
            const pl_score_rule_t *r = &rs->scoring[i];
            if (r->kind != PL_SCORE_TARGET || r->ref >= rs->n_table_counters)
                continue;
            snprintf(c[0], TABLE_CELL, "(target reached: %s >= %d)", rs->table_counters[r->ref].id, r->threshold);
            snprintf(c[1], TABLE_CELL, "%ld", S->target_reached[i]);
            pct(c[2], share(S->target_reached[i], S->games));
            table_row(&t, row);
        }
        table_print(&t, out);
    }

    report_heading(out, md, "Wins per seat (ties share the win)");
    static const char *const wh[] = { "seat", "win rate", NULL };
    if (table_init(&t, md, wh) == 0) {
        for (int s = 0; s < seats; s++) {
            snprintf(c[0], TABLE_CELL, "%d", s + 1);
            pct(c[1], (double)S->seat_win[s] / SIM_WIN_UNIT / (double)S->games);
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
                pct(c[2], S->spec_games[i] ? (double)S->spec_win[i] / SIM_WIN_UNIT / (double)S->spec_games[i] : 0);
                pct(c[3], 1.0 / seats);
                table_row(&t, row);
            }
            table_print(&t, out);
        }
    }
    if (o->n_specs == 2) {
        long n = S->h2h[0] + S->h2h[1] + S->h2h[2];
        report_heading(out, md, "Head to head (every pairing of the two bots at a table)");
        fprintf(out, "%s beats %s in %.1f%% of pairings, loses in %.1f%%, ties in %.1f%% (%ld pairings)\n\n",
                o->spec[0].name, o->spec[1].name, 100.0 * share(S->h2h[0], n), 100.0 * share(S->h2h[1], n),
                100.0 * share(S->h2h[2], n), n);
    }

    report_heading(out, md, "Cards played");
    static const char *const ch[] = { "card", "deck", "plays", "per game", "win rate if played", "if not", "gain", NULL };
    if (table_init(&t, md, ch) == 0) {
        for (uint32_t k = 0; k < rs->n_cards; k++) {
            const pl_card_t *cd = &rs->cards[k];
            if (!S->card_plays[k] && cd->kind != PL_CARD_ACTION)
                continue;
            snprintf(c[0], TABLE_CELL, "%s", cd->id);
            snprintf(c[1], TABLE_CELL, "%s", rs->decks[cd->deck].id);
            snprintf(c[2], TABLE_CELL, "%ld", S->card_plays[k]);
            snprintf(c[3], TABLE_CELL, "%.2f", (double)S->card_plays[k] / (double)S->games);
            double a = sim_win_rate_if_played(S, k), b = sim_win_rate_if_not(S, k);
            if (a >= 0)
                pct(c[4], a);
            else
                snprintf(c[4], TABLE_CELL, "-");
            if (b >= 0)
                pct(c[5], b);
            else
                snprintf(c[5], TABLE_CELL, "-");
            if (a >= 0 && b >= 0)
                snprintf(c[6], TABLE_CELL, "%+.1f", 100.0 * (a - b));
            else
                snprintf(c[6], TABLE_CELL, "-");
            table_row(&t, row);
        }
        table_print(&t, out);
    }
    report_outcomes(rs, S, out, md);
}
