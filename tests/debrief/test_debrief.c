/* test_debrief.c -- the debrief against an independent replay with the core: rounds, plays, votes, fictions, tokens, scores, the day's opinion */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pl_alloc.h"
#include "data/package.h"
#include "debrief/debrief.h"
#include "text/text.h"

static pl_ruleset_t *load(const char *dir)
{
    pl_diags_t d;
    pl_diags_init(&d);
    pl_ruleset_t *rs = pl_package_load(dir, &d);
    if (!rs)
        pl_diags_print(&d, stderr);
    pl_diags_free(&d);
    cr_assert_not_null(rs, "%s loads", dir);
    return rs;
}

/* A whole bot game (greedy and random seats), its moves in *moves (malloc'ed). Returns the count. */
static size_t bot_game(const pl_ruleset_t *rs, int seats, uint64_t seed, pl_move_t **moves)
{
    pl_state_t st;
    pl_error_t e;
    pl_bot_t bot[PL_MAX_SEATS];
    cr_assert_eq(pl_state_init(rs, &st, seats, seed, &e), PL_OK, "%s", e.msg);
    for (int s = 0; s < seats; s++)
        pl_bot_init(&bot[s], (s + (int)seed) % 3 ? PL_BOT_GREEDY : PL_BOT_RANDOM, seed * 31 + (uint64_t)s);
    size_t n = 0, cap = 256;
    *moves = malloc(cap * sizeof **moves);
    while (st.wait != PL_WAIT_OVER && n < 20000) {
        int seat = pl_next_actor(&st);
        cr_assert_geq(seat, 0);
        pl_move_t mv;
        cr_assert(pl_bot_move(rs, &st, seat, &bot[seat], &mv));
        cr_assert_eq(pl_apply(rs, &st, &mv, NULL, &e), PL_OK, "%s", e.msg);
        if (n == cap)
            *moves = realloc(*moves, (cap *= 2) * sizeof **moves);
        (*moves)[n++] = mv;
    }
    cr_assert_eq(st.wait, PL_WAIT_OVER, "the bot game ends");
    return n;
}

static pd_table_t *debrief(const pl_ruleset_t *rs, int seats, uint64_t seed, const pl_move_t *moves, size_t n)
{
    pd_input_t in = { .rs = rs, .n_seats = seats, .seed = seed, .moves = moves, .n_moves = n };
    pd_table_t *t = NULL;
    pd_error_t err;
    cr_assert_eq(pd_table_build(&in, &t, &err), PD_OK, "%s", err.msg);
    cr_assert_not_null(t);
    return t;
}

/* The states after every move, replayed here move by move (states[0]: the start). */
static pl_state_t *states_of(const pl_ruleset_t *rs, int seats, uint64_t seed, const pl_move_t *moves, size_t n)
{
    pl_state_t *s = malloc((n + 1) * sizeof *s);
    pl_error_t e;
    cr_assert_eq(pl_state_init(rs, &s[0], seats, seed, &e), PL_OK);
    for (size_t i = 0; i < n; i++) {
        s[i + 1] = s[i];
        cr_assert_eq(pl_apply(rs, &s[i + 1], &moves[i], NULL, &e), PL_OK, "%s", e.msg);
    }
    /* and the same end by pl_replay, as a server rebuilds a table */
    pl_state_t r;
    cr_assert_eq(pl_replay(rs, seats, seed, moves, n, &r, NULL, NULL, &e), PL_OK);
    cr_assert_eq(pl_state_hash(&r), pl_state_hash(&s[n]));
    return s;
}

static void check_seat_at(const pl_ruleset_t *rs, const pd_seat_at_t *a, const pl_state_t *st, int s, const char *what)
{
    for (int c = 0; c < rs->n_counters; c++)
        cr_assert_eq(a->counter[c], st->seat[s].counter[c], "%s: seat %d counter %d", what, s, c);
    for (int k = 0; k < rs->n_tokens; k++)
        cr_assert_eq(a->token[k], st->seat[s].token[k], "%s: seat %d token %d", what, s, k);
    cr_assert_eq(a->score, pl_score_seat(rs, st, s), "%s: seat %d score", what, s);
    cr_assert_eq(a->finished, st->seat[s].finished, "%s: seat %d finished", what, s);
    cr_assert_eq(a->phase, pl_seat_phase(rs, st, s), "%s: seat %d phase", what, s);
}

/* Every number of the debrief of one game, against the states replayed here. */
static void check_game(const pl_ruleset_t *rs, int seats, uint64_t seed)
{
    pl_move_t *moves;
    size_t n = bot_game(rs, seats, seed, &moves);
    pl_state_t *st = states_of(rs, seats, seed, moves, n);
    const pl_state_t *fin = &st[n];
    pd_table_t *t = debrief(rs, seats, seed, moves, n);
    char what[64];

    cr_assert(t->over);
    cr_assert_eq(t->n_moves, n);
    cr_assert_eq(t->dropped_events, 0);
    cr_assert_eq(t->winners, fin->winners);
    /* rounds: row 0 the start, row r once the round is over (the move that began round r+1), the last the end */
    cr_assert_eq(t->last_round, fin->round);
    cr_assert_eq(t->n_rounds, (uint32_t)fin->round + 1);
    for (uint32_t r = 0; r < t->n_rounds; r++) {
        size_t k = 0;
        if (r == t->n_rounds - 1)
            k = n;
        else if (r > 0)
            while (k < n && st[k].round <= r)
                k++;
        snprintf(what, sizeof what, "round row %u", r);
        const pd_round_t *row = pd_round(t, (int)r);
        cr_assert_eq(row->round, r);
        cr_assert_eq(row->seq, st[k].seq, "%s: after move %u, expected %u", what, row->seq, st[k].seq);
        for (int s = 0; s < seats; s++)
            check_seat_at(rs, &row->seat[s], &st[k], s, what);
        for (int c = 0; c < rs->n_table_counters; c++)
            cr_assert_eq(row->table_counter[c], st[k].table_counter[c], "%s: table counter %d", what, c);
    }
    /* the score at the end, rule by rule */
    for (int s = 0; s < seats; s++) {
        int32_t sum = 0;
        for (uint32_t k = 0; k < rs->n_scoring; k++) {
            cr_assert_eq(t->rule_points[s * rs->n_scoring + k], pl_score_rule(rs, fin, s, k));
            sum += t->rule_points[s * rs->n_scoring + k];
        }
        cr_assert_eq(t->score[s], fin->score[s]);
        cr_assert_eq(sum, fin->score[s]);
        cr_assert_eq(t->hand_n[s], fin->seat[s].hand_n);
        for (int h = 0; h < fin->seat[s].hand_n; h++)
            cr_assert_eq(t->hand[s][h], fin->seat[s].hand[h]);
    }
    /* moves: round, seat, what was played, the dice */
    for (size_t i = 0; i < n; i++) {
        const pd_move_t *m = &t->moves[i];
        cr_assert_eq(m->seq, i + 1);
        cr_assert_eq(m->round, st[i].round);
        cr_assert_eq(m->type, moves[i].type);
        cr_assert_eq(m->arg, moves[i].arg);
        cr_assert_eq(m->wait, st[i].wait);
        if (moves[i].type == PL_MOVE_ROLL) {
            int sum = 0;
            for (int d = 0; d < st[i + 1].n_dice; d++)
                sum += st[i + 1].dice[d];
            cr_assert_eq(m->dice, sum, "move %zu: the roll", i + 1);
        }
        if (moves[i].type == PL_MOVE_PLAY)
            cr_assert_eq(m->card, moves[i].arg);
    }
    /* the mire: the core's played log holds the cards played from hands, the cards revealed and the
     * proposals chosen, in order; the debrief splits them into plays, events met and fictions */
    cr_assert_lt(fin->n_played, PL_MAX_PLAYED, "the game fits the core's played log");
    uint32_t ip = 0, im = 0, ifi = 0, hand_plays = 0;
    for (int i = 0; i < fin->n_played; i++) {
        const pl_played_t *p = &fin->played_log[i];
        int kind = rs->cards[p->card].kind;
        if (kind == PL_CARD_ACTION || kind == PL_CARD_PROPOSAL) {
            cr_assert_lt(ip, t->n_plays);
            const pd_play_t *q = &t->plays[ip++];
            cr_assert_eq(q->card, p->card);
            cr_assert_eq(q->seat, p->seat);
            cr_assert_eq(q->round, p->round);
            cr_assert_eq(q->phase, p->phase, "play %u of %s", ip, rs->cards[p->card].id);
            cr_assert_eq(q->from, kind == PL_CARD_PROPOSAL ? PD_FROM_VOTE : PD_FROM_HAND);
            hand_plays += q->from == PD_FROM_HAND;
        } else if (kind == PL_CARD_EVENT) {
            cr_assert_lt(im, t->n_met);
            cr_assert_eq(t->met[im].card, p->card);
            cr_assert_eq(t->met[im].seat, p->seat);
            cr_assert_eq(t->met[im].round, p->round);
            im++;
        } else if (kind == PL_CARD_PROMPT) {
            cr_assert_lt(ifi, t->n_fictions);
            const pd_fiction_t *f = &t->fictions[ifi++];
            cr_assert_eq(f->card, p->card);
            cr_assert_eq(f->seat, p->seat);
            cr_assert_eq(f->round, p->round);
            cr_assert_geq(f->vote, 0, "a fiction is judged");
            cr_assert_eq(t->votes[f->vote].card, p->card);
            cr_assert_eq(t->votes[f->vote].kind, PD_VOTE_FICTION);
            const char *tag = rs->cards[p->card].tag;
            int lens = tag ? pl_ruleset_counter(rs, tag) : -1;
            cr_assert_eq(f->lens, lens >= 0 && rs->counters[lens].look.role == PL_ROLE_LENS ? lens : -1);
        }
    }
    cr_assert_eq(ip, t->n_plays);
    cr_assert_eq(im, t->n_met);
    cr_assert_eq(ifi, t->n_fictions);
    uint32_t play_moves = 0, per_seat[PL_MAX_SEATS] = { 0 };
    for (size_t i = 0; i < n; i++)
        if (moves[i].type == PL_MOVE_PLAY) {
            play_moves++;
            per_seat[moves[i].seat]++;
        }
    cr_assert_eq(hand_plays, play_moves);
    for (int s = 0; s < seats; s++)
        cr_assert_eq(t->sum[s].plays, per_seat[s]);
    /* votes: the core's vote log, ballot by ballot */
    cr_assert_lt(fin->n_votes, PL_MAX_VOTE_LOG);
    cr_assert_eq(t->n_votes, fin->n_votes);
    for (uint32_t v = 0; v < t->n_votes; v++) {
        const pd_vote_t *a = &t->votes[v];
        const pl_vote_rec_t *b = &fin->vote_log[v];
        cr_assert(a->closed);
        cr_assert_eq(a->card, b->card);
        cr_assert_eq(a->initiator, b->initiator);
        cr_assert_eq(a->round, b->round);
        cr_assert_eq(a->n_options, b->n_options);
        cr_assert_eq(a->winner, b->winner, "vote %u", v);
        uint8_t count[PL_MAX_OPTIONS] = { 0 };
        for (int s = 0; s < seats; s++) {
            cr_assert_eq(a->ballot[s], b->ballot[s], "vote %u seat %d", v, s);
            if (b->ballot[s] < b->n_options)
                count[b->ballot[s]]++;
        }
        cr_assert_eq(memcmp(count, a->count, sizeof count), 0);
        cr_assert(a->effect < rs->n_effects && rs->effects[a->effect].op == PL_EFF_VOTE, "vote %u: its question", v);
        if (a->kind == PD_VOTE_PROPOSALS)
            for (int o = 0; o < a->n_options; o++)
                cr_assert_eq(rs->cards[a->option_card[o]].kind, PL_CARD_PROPOSAL);
        /* the ballots moves cast for it */
        for (size_t i = 0; i < n; i++)
            if (t->moves[i].vote == (int32_t)v)
                cr_assert_eq(b->ballot[moves[i].seat], moves[i].arg);
    }
    /* tokens: what was gained and spent adds up to what each team holds */
    for (int s = 0; s < seats; s++)
        for (int k = 0; k < rs->n_tokens; k++) {
            if (rs->tokens[k].look.role == PL_ROLE_HIDDEN)
                continue;
            int64_t have = (int64_t)st[0].seat[s].token[k] + t->sum[s].gained[k] - t->sum[s].spent[k];
            cr_assert_eq(have, fin->seat[s].token[k], "seat %d token %d", s, k);
            int64_t g = 0;
            for (uint32_t i = 0; i < t->n_tokens; i++) {
                const pd_token_t *x = &t->tokens[i];
                if (x->seat != s || x->token != k)
                    continue;
                g += x->change;
                int last = 1; /* the last change of that token in its move leaves the count the move left */
                for (uint32_t j = i + 1; j < t->n_tokens && t->tokens[j].seq == x->seq; j++)
                    last &= !(t->tokens[j].seat == s && t->tokens[j].token == k);
                if (last)
                    cr_assert_eq(x->now, st[x->seq].seat[s].token[k], "token change %u", i);
            }
            cr_assert_eq(g, (int64_t)fin->seat[s].token[k] - st[0].seat[s].token[k]);
        }
    /* turning points: each lead is the round row's sole best; each swing a move's change */
    uint32_t swings = 0;
    for (size_t i = 0; i < n; i++)
        for (int s = 0; s < seats; s++)
            for (int l = 0; l < t->n_lenses; l++) {
                int32_t d = st[i + 1].seat[s].counter[t->lens[l]] - st[i].seat[s].counter[t->lens[l]];
                swings += d >= PD_SWING || d <= -PD_SWING;
            }
    uint32_t seen_swings = 0, overs = 0, finishes = 0;
    for (uint32_t i = 0; i < t->n_turning; i++) {
        const pd_turning_t *p = &t->turning[i];
        if (i)
            cr_assert_geq(p->seq, t->turning[i - 1].seq, "turning points in order");
        if (p->kind == PD_TP_LEAD) {
            const pd_round_t *row = pd_round(t, p->round);
            for (int s = 0; s < seats; s++)
                if (s != p->seat)
                    cr_assert_lt(row->seat[s].score, row->seat[p->seat].score);
            cr_assert_eq(p->a, row->seat[p->seat].score);
        } else if (p->kind == PD_TP_SWING) {
            int32_t d = st[p->seq].seat[p->seat].counter[p->a] - st[p->seq - 1].seat[p->seat].counter[p->a];
            cr_assert_eq(p->b, d);
            seen_swings++;
        } else if (p->kind == PD_TP_OVER) {
            cr_assert_eq(p->a, fin->winners);
            overs++;
        } else if (p->kind == PD_TP_FINISHED) {
            cr_assert(st[p->seq].seat[p->seat].finished && !st[p->seq - 1].seat[p->seat].finished);
            finishes++;
        }
        char fr[512], en[512];
        cr_assert_gt(pd_turning_text(t, p, PL_LANG_FR, fr, sizeof fr), 0);
        cr_assert_gt(pd_turning_text(t, p, PL_LANG_EN, en, sizeof en), 0);
    }
    cr_assert_eq(seen_swings, swings);
    cr_assert_eq(overs, 1);
    int fins = 0;
    for (int s = 0; s < seats; s++) {
        fins += fin->seat[s].finished;
        cr_assert_eq(t->sum[s].finish_round, fin->seat[s].finished ? fin->seat[s].finish_round : 0);
    }
    cr_assert_eq(finishes, (uint32_t)fins);
    pd_table_destroy(t);
    free(st);
    free(moves);
}

Test(debrief, every_number_of_example_minimal_games_matches_the_core)
{
    pl_ruleset_t *rs = load("game-data/example-minimal");
    for (uint64_t seed = 1; seed <= 12; seed++)
        check_game(rs, 2 + (int)(seed % 3), seed);
    pl_ruleset_destroy(rs);
}

Test(debrief, every_number_of_achats_durables_games_matches_the_core, .timeout = 60)
{
    pl_ruleset_t *rs = load("game-data/achats-durables");
    for (uint64_t seed = 1; seed <= 6; seed++)
        check_game(rs, 2 + (int)(seed % 5), seed);
    pl_ruleset_destroy(rs);
}

Test(debrief, games_without_lenses_and_with_spaces_votes_too)
{
    const char *dirs[] = { "tests/fixtures/packages/demo", "tests/fixtures/packages/riviere" };
    for (size_t d = 0; d < 2; d++) {
        pl_ruleset_t *rs = load(dirs[d]);
        for (uint64_t seed = 1; seed <= 4; seed++)
            check_game(rs, rs->turn.min_seats + (int)(seed % 2), seed);
        pl_ruleset_destroy(rs);
    }
}

Test(debrief, lenses_come_in_the_package_display_order)
{
    pl_ruleset_t *rs = load("tests/fixtures/packages/riviere");
    uint8_t l[PL_MAX_COUNTERS];
    int n = pd_lenses(rs, l, PL_MAX_COUNTERS);
    cr_assert_eq(n, 4);
    for (int i = 0; i < n; i++) {
        cr_assert_eq(rs->counters[l[i]].look.role, PL_ROLE_LENS);
        if (i)
            cr_assert_leq(rs->counters[l[i - 1]].look.order, rs->counters[l[i]].look.order);
    }
    uint8_t shown[PL_MAX_COUNTERS];
    int k = pd_shown_counters(rs, shown, PL_MAX_COUNTERS);
    for (int i = 0; i < k; i++)
        cr_assert_neq(rs->counters[shown[i]].look.role, PL_ROLE_HIDDEN);
    cr_assert_eq(k, rs->n_counters - 1, "every counter but the hidden one");
    for (int i = 0; i < n; i++) /* the package's colours */
        cr_assert_eq(pd_counter_color(rs, l[i]), rs->counters[l[i]].look.color & 0xFFFFFFu);
    pl_ruleset_destroy(rs);
    rs = load("tests/fixtures/packages/demo");
    cr_assert_eq(pd_lenses(rs, l, PL_MAX_COUNTERS), 0, "demo has no lens");
    pl_ruleset_destroy(rs);
}

/* A game cut while a vote is open: what the table knows, no hands, no ballot of that vote. */
Test(debrief, a_game_not_over_shows_no_hidden_information)
{
    pl_ruleset_t *rs = load("game-data/example-minimal");
    pl_move_t *moves;
    size_t n = bot_game(rs, 3, 5, &moves);
    pl_state_t *st = states_of(rs, 3, 5, moves, n);
    /* the first moment a vote has at least one ballot cast */
    size_t cut = 0;
    for (size_t i = 1; i < n && !cut; i++)
        if (st[i].wait == PL_WAIT_VOTE && st[i].pending.answered && moves[i - 1].type == PL_MOVE_VOTE)
            cut = i;
    cr_assert_gt(cut, 0, "the game has a vote");
    pd_table_t *t = debrief(rs, 3, 5, moves, cut);
    cr_assert_not(t->over);
    cr_assert_eq(t->n_moves, cut);
    for (int s = 0; s < 3; s++)
        cr_assert_eq(t->hand_n[s], 0);
    cr_assert_gt(t->n_votes, 0);
    const pd_vote_t *v = &t->votes[t->n_votes - 1];
    cr_assert_not(v->closed);
    for (int s = 0; s < 3; s++)
        cr_assert_eq(v->ballot[s], PD_NONE);
    for (int o = 0; o < PL_MAX_OPTIONS; o++)
        cr_assert_eq(v->count[o], 0);
    int hidden = 0;
    for (uint32_t i = 0; i < t->n_moves; i++)
        if (t->moves[i].vote == (int32_t)(t->n_votes - 1)) {
            cr_assert_eq(t->moves[i].arg, PL_NO_CARD, "a ballot not yet revealed stays secret");
            char w[200];
            pd_move_text(t, &t->moves[i], PL_LANG_EN, w, sizeof w);
            cr_assert_str_eq(w, "casts a secret ballot");
            hidden++;
        }
    cr_assert_gt(hidden, 0);
    /* the last row is the current round so far, and the rows before it are whole rounds */
    cr_assert_eq(t->last_round, st[cut].round);
    const pd_round_t *last = pd_round(t, t->last_round);
    cr_assert_eq(last->seq, cut);
    for (int s = 0; s < 3; s++)
        check_seat_at(rs, &last->seat[s], &st[cut], s, "so far");
    /* the day leaves a vote still open out of the opinion */
    pd_day_t *d;
    const pd_table_t *one = t;
    cr_assert_eq(pd_day_build(&one, 1, &d, NULL), PD_OK);
    for (uint32_t i = 0; i < d->n_opinions; i++)
        cr_assert(d->opinions[i].held > 0);
    uint32_t held = 0;
    for (uint32_t i = 0; i < d->n_opinions; i++)
        held += d->opinions[i].held;
    uint32_t closed = 0;
    for (uint32_t i = 0; i < t->n_votes; i++)
        closed += t->votes[i].closed && t->votes[i].kind != PD_VOTE_PROPOSALS;
    cr_assert_eq(held, closed);
    pd_day_destroy(d);
    pd_table_destroy(t);
    free(st);
    free(moves);
    pl_ruleset_destroy(rs);
}

/* The collective opinion: for each question, every table's ballots summed, from the core's vote logs. */
Test(debrief, the_day_sums_every_table_s_ballots)
{
    pl_ruleset_t *rs = load("game-data/achats-durables");
    enum { N = 5 };
    pd_table_t *t[N];
    pl_state_t fin[N];
    for (int i = 0; i < N; i++) {
        pl_move_t *moves;
        int seats = 3 + i % 3;
        size_t n = bot_game(rs, seats, 100 + (uint64_t)i, &moves);
        pl_error_t e;
        cr_assert_eq(pl_replay(rs, seats, 100 + (uint64_t)i, moves, n, &fin[i], NULL, NULL, &e), PL_OK);
        t[i] = debrief(rs, seats, 100 + (uint64_t)i, moves, n);
        t[i]->id = (uint32_t)i + 1;
        free(moves);
    }
    pd_day_t *d;
    cr_assert_eq(pd_day_build((const pd_table_t *const *)t, N, &d, NULL), PD_OK);
    cr_assert_eq(d->n_tables, N);
    cr_assert_gt(d->n_opinions, 0);
    uint32_t questions = 0;
    for (uint32_t c = 0; c < rs->n_cards; c++) {
        if (rs->cards[c].kind != PL_CARD_VOTE && rs->cards[c].kind != PL_CARD_PROMPT)
            continue;
        uint32_t ballots[PL_MAX_OPTIONS] = { 0 }, held = 0, tables = 0;
        for (int i = 0; i < N; i++) {
            int here = 0;
            for (int v = 0; v < fin[i].n_votes; v++) {
                const pl_vote_rec_t *r = &fin[i].vote_log[v];
                if (r->card != c)
                    continue;
                held++;
                here = 1;
                for (int s = 0; s < fin[i].n_seats; s++)
                    if (r->ballot[s] < r->n_options)
                        ballots[r->ballot[s]]++;
            }
            tables += here;
        }
        const pd_opinion_t *o = NULL;
        for (uint32_t k = 0; k < d->n_opinions; k++)
            if (d->opinions[k].card == c)
                o = &d->opinions[k];
        if (!held) {
            cr_assert_null(o, "card %s was never voted on", rs->cards[c].id);
            continue;
        }
        questions++;
        cr_assert_not_null(o, "card %s", rs->cards[c].id);
        cr_assert_eq(o->held, held);
        cr_assert_eq(o->tables, tables);
        cr_assert_eq(o->kind, rs->cards[c].kind == PL_CARD_VOTE ? PD_VOTE_QUOTE : PD_VOTE_FICTION);
        for (int k = 0; k < PL_MAX_OPTIONS; k++)
            cr_assert_eq(o->ballots[k], ballots[k], "card %s option %d", rs->cards[c].id, k);
        uint32_t won = o->ties;
        for (int k = 0; k < o->n_options; k++)
            won += o->won[k];
        cr_assert_eq(won, held);
        char q[300], a[200];
        cr_assert_gt(pd_opinion_question(o, PL_LANG_FR, q, sizeof q), 0);
        /* the card's name, and its text when another card of its deck has the same name */
        const char *name = pl_text(&rs->cards[c].name, PL_LANG_FR);
        cr_assert_eq(strncmp(q, name, strlen(name)), 0, "%s", q);
        int shared = 0;
        for (uint32_t k = rs->decks[rs->cards[c].deck].first;
             k < (uint32_t)rs->decks[rs->cards[c].deck].first + rs->decks[rs->cards[c].deck].count; k++)
            shared |= k != c && !strcmp(pl_text(&rs->cards[k].name, PL_LANG_FR), name);
        if (shared)
            cr_assert(strstr(q, pl_text(&rs->cards[c].text, PL_LANG_FR)), "%s names its text", q);
        else
            cr_assert_str_eq(q, name);
        cr_assert_gt(pd_opinion_option(o, 0, PL_LANG_EN, a, sizeof a), 0);
    }
    cr_assert_eq(questions, d->n_opinions, "every opinion is a card's");
    /* proposals offered and chosen, over the day */
    for (uint32_t k = 0; k < d->n_offers; k++) {
        const pd_offer_t *f = &d->offers[k];
        uint32_t chosen = 0;
        for (int i = 0; i < N; i++)
            for (uint32_t p = 0; p < t[i]->n_plays; p++)
                chosen += t[i]->plays[p].from == PD_FROM_VOTE && t[i]->plays[p].card == f->card;
        cr_assert_eq(f->chosen, chosen);
        cr_assert_geq(f->offered, f->chosen);
    }
    pd_day_destroy(d);
    for (int i = 0; i < N; i++)
        pd_table_destroy(t[i]);
    pl_ruleset_destroy(rs);
}

Test(debrief, a_log_that_is_not_this_game_is_refused_with_its_move)
{
    pl_ruleset_t *rs = load("game-data/example-minimal");
    pl_move_t *moves;
    size_t n = bot_game(rs, 3, 9, &moves);
    pd_table_t *t = NULL;
    pd_error_t err;
    /* another seed: some move becomes illegal */
    pd_input_t in = { .rs = rs, .n_seats = 3, .seed = 10, .moves = moves, .n_moves = n };
    int rc = pd_table_build(&in, &t, &err);
    if (rc == PD_OK) { /* the same moves happened to be legal: the recorded end then differs */
        pd_table_destroy(t);
        pl_state_t r;
        pl_error_t e;
        pl_replay(rs, 3, 9, moves, n, &r, NULL, NULL, &e);
        in.check_hash = 1;
        in.last_hash = pl_state_hash(&r);
        rc = pd_table_build(&in, &t, &err);
        cr_assert_eq(rc, PD_ERR_HASH);
    } else {
        cr_assert_eq(rc, PD_ERR_MOVE);
        cr_assert_gt(err.move, 0);
        cr_assert_leq(err.move, n);
        cr_assert_neq(err.reason, PL_OK);
    }
    cr_assert_null(t);
    /* the right seed and the recorded hash: accepted */
    pl_state_t r;
    pl_error_t e;
    pl_replay(rs, 3, 9, moves, n, &r, NULL, NULL, &e);
    in.seed = 9;
    in.check_hash = 1;
    in.last_hash = pl_state_hash(&r);
    cr_assert_eq(pd_table_build(&in, &t, &err), PD_OK);
    pd_table_destroy(t);
    in.last_hash ^= 1;
    cr_assert_eq(pd_table_build(&in, &t, &err), PD_ERR_HASH);
    cr_assert_null(t);
    /* a move after the end */
    pl_move_t *more = malloc((n + 1) * sizeof *more);
    memcpy(more, moves, n * sizeof *more);
    more[n] = (pl_move_t){ PL_MOVE_ROLL, 0, 0 };
    in.moves = more;
    in.n_moves = n + 1;
    in.check_hash = 0;
    cr_assert_eq(pd_table_build(&in, &t, &err), PD_ERR_MOVE);
    cr_assert_eq(err.move, n + 1);
    cr_assert_eq(err.reason, PL_ERR_GAME_OVER);
    /* no seats, no ruleset */
    in.n_seats = 0;
    cr_assert_eq(pd_table_build(&in, &t, &err), PD_ERR_ARGS);
    in.n_seats = 3;
    in.rs = NULL;
    cr_assert_eq(pd_table_build(&in, &t, &err), PD_ERR_ARGS);
    in.rs = rs;
    in.n_seats = 7; /* more seats than the game takes */
    cr_assert_eq(pd_table_build(&in, &t, &err), PD_ERR_SETUP);
    pd_table_destroy(NULL);
    pd_day_destroy(NULL);
    free(more);
    free(moves);
    pl_ruleset_destroy(rs);
}

/* Every allocation of a debrief and of a day fails in turn: a clear PD_ERR_NOMEM, nothing leaks. */
Test(debrief, out_of_memory_at_every_allocation)
{
    pl_ruleset_t *rs = load("game-data/example-minimal");
    pl_move_t *moves;
    size_t n = bot_game(rs, 3, 3, &moves);
    pd_input_t in = { .rs = rs, .n_seats = 3, .seed = 3, .moves = moves, .n_moves = n };
    pd_table_t *t = NULL, *ok = NULL;
    pd_error_t err;
    cr_assert_eq(pd_table_build(&in, &ok, &err), PD_OK);
    int failures = 0;
    for (uint64_t k = 1;; k++) {
        pl_alloc_fail_at(k);
        int rc = pd_table_build(&in, &t, &err);
        int failed = pl_alloc_failed();
        pl_alloc_reset();
        if (!failed) {
            cr_assert_eq(rc, PD_OK);
            pd_table_destroy(t);
            break;
        }
        cr_assert_eq(rc, PD_ERR_NOMEM, "allocation %llu", (unsigned long long)k);
        cr_assert_null(t);
        failures++;
    }
    cr_assert_gt(failures, 5);
    const pd_table_t *two[2] = { ok, ok };
    pd_day_t *d = NULL;
    for (uint64_t k = 1;; k++) {
        pl_alloc_fail_at(k);
        int rc = pd_day_build(two, 2, &d, &err);
        int failed = pl_alloc_failed();
        pl_alloc_reset();
        if (!failed) {
            cr_assert_eq(rc, PD_OK);
            pd_day_destroy(d);
            break;
        }
        cr_assert_eq(rc, PD_ERR_NOMEM);
        cr_assert_null(d);
    }
    pd_table_destroy(ok);
    free(moves);
    pl_ruleset_destroy(rs);
}

/* The words: both languages, team names, French typography. */
Test(debrief, words_in_both_languages)
{
    setenv("PLATEAU_LOCALEDIR", "build/locale", 0);
    pl_ruleset_t *rs = load("game-data/example-minimal");
    pl_move_t *moves;
    size_t n = bot_game(rs, 3, 4, &moves);
    pd_input_t in = { .rs = rs, .n_seats = 3, .seed = 4, .moves = moves, .n_moves = n,
                      .team = { "Les Acheteurs", NULL, "" }, .bots = 4 };
    pd_table_t *t = NULL;
    cr_assert_eq(pd_table_build(&in, &t, NULL), PD_OK);
    char b[512];
    pd_team(t, 0, PL_LANG_FR, b, sizeof b);
    cr_assert_str_eq(b, "Les Acheteurs");
    pd_team(t, 1, PL_LANG_FR, b, sizeof b);
    cr_assert_str_eq(b, "Équipe 2");
    pd_team(t, 2, PL_LANG_EN, b, sizeof b);
    cr_assert_str_eq(b, "Team 3 (bot)");
    pd_team(t, 2, PL_LANG_FR, b, sizeof b);
    cr_assert_str_eq(b, "Équipe 3 (ordi)");
    cr_assert_str_eq(pd_horizon(PL_HORIZON_LONG, PL_LANG_FR), "Long terme");
    cr_assert_str_eq(pd_horizon(PL_HORIZON_SHORT, PL_LANG_EN), "Short term");
    for (uint32_t i = 0; i < t->n_moves; i++) {
        char fr[512], en[512];
        cr_assert_gt(pd_move_text(t, &t->moves[i], PL_LANG_FR, fr, sizeof fr), 0);
        cr_assert_gt(pd_move_text(t, &t->moves[i], PL_LANG_EN, en, sizeof en), 0);
        if (t->moves[i].type == PL_MOVE_PLAY) {
            char want[300];
            snprintf(want, sizeof want, "joue \xC2\xAB\xC2\xA0%s\xC2\xA0\xC2\xBB",
                     pl_text(&rs->cards[t->moves[i].card].name, PL_LANG_FR));
            cr_assert_str_eq(fr, want);
        }
        if (t->moves[i].type == PL_MOVE_ROLL) {
            snprintf(b, sizeof b, "rolls %d", t->moves[i].dice);
            cr_assert_str_eq(en, b);
        }
    }
    for (uint32_t i = 0; i < t->n_plays; i++) {
        cr_assert_gt(pd_card_effects(rs, t->plays[i].card, PL_LANG_FR, b, sizeof b), 0);
        cr_assert_str_neq(b, "");
    }
    cr_assert_gt(pd_card_effects(rs, PL_NO_CARD, PL_LANG_FR, b, sizeof b), 0);
    cr_assert_str_eq(b, "sans effet");
    for (uint32_t i = 0; i < t->n_turning; i++) {
        pd_turning_text(t, &t->turning[i], PL_LANG_FR, b, sizeof b);
        for (const char *p = b; *p; p++)
            cr_assert(!(p[0] == ' ' && (p[1] == ':' || p[1] == '?' || p[1] == '!')), "French typography: %s", b);
    }
    for (uint32_t i = 0; i < t->n_votes; i++) {
        const pd_vote_t *v = &t->votes[i];
        cr_assert_gt(pd_vote_question(t, v, PL_LANG_FR, b, sizeof b), 0);
        cr_assert_gt(pd_vote_kind(rs, v->kind, v->card, v->effect, PL_LANG_FR, b, sizeof b), 0);
        for (int o = 0; o < v->n_options; o++) {
            cr_assert_gt(pd_vote_option(t, v, o, PL_LANG_EN, b, sizeof b), 0);
            if (v->kind == PD_VOTE_PROPOSALS)
                cr_assert_str_eq(b, pl_text(&rs->cards[v->option_card[o]].name, PL_LANG_EN));
        }
    }
    for (uint32_t i = 0; i < t->n_tokens; i++)
        cr_assert_gt(pd_token_cause(t, &t->tokens[i], PL_LANG_FR, b, sizeof b), 0, "token change %u has a cause", i);
    pd_table_destroy(t);
    free(moves);
    pl_ruleset_destroy(rs);
}
