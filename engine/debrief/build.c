/* build.c -- a table's debrief: replays its log with the rules core and keeps, move by move, what the debrief shows */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pl_alloc.h"
#include "debrief/debrief.h"

/* A growable array of the debrief: a zeroed new element, NULL when out of memory. */
typedef struct {
    void **items;
    uint32_t *n;
    uint32_t cap;
    size_t size;
} vec_t;

static void *push(vec_t *v)
{
    if (*v->n == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 16;
        void *p = pl_realloc(*v->items, (size_t)cap * v->size);
        if (!p)
            return NULL;
        *v->items = p;
        v->cap = cap;
    }
    void *e = (char *)*v->items + (size_t)(*v->n)++ * v->size;
    memset(e, 0, v->size);
    return e;
}

typedef struct {
    const pl_ruleset_t *rs;
    pd_table_t *t;
    vec_t rounds, moves, plays, votes, fictions, tokens, met, turning;
    int nomem;
    int leader;          /* the seat that led alone at the last round row, -1 */
    uint8_t finished_n;  /* seats finished so far */
    /* during one move */
    const pl_state_t *after;
    const pl_events_t *ev;
    uint32_t seq;
    uint16_t round;                      /* the round as events tell it */
    uint8_t pos[PL_MAX_SEATS];           /* pawns as events move them */
    int32_t table_counter[PL_MAX_TABLE_COUNTERS];
    uint16_t ctx_card;                   /* what the latest effects come from */
    uint8_t ctx_space;
    uint16_t main_card;                  /* the first card the move was about */
    uint8_t main_space;
    int32_t open_vote;                   /* the vote being held, -1 */
    int32_t closing_vote;                /* the vote whose ballots are being listed, -1 */
    struct { uint16_t card, deck; } revealed[64];
    int n_revealed;
} build_t;

#define ADD(b, vec, type) ((type *)add_item(b, &(b)->vec))

static void *add_item(build_t *b, vec_t *v)
{
    void *e = b->nomem ? NULL : push(v);
    if (!e)
        b->nomem = 1;
    return e;
}

static void fail(pd_error_t *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fail(pd_error_t *err, int code, const char *fmt, ...)
{
    if (!err)
        return;
    err->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

static uint8_t phase_at(const pl_ruleset_t *rs, uint8_t pos)
{
    return pos < rs->n_spaces ? rs->spaces[pos].phase : 0;
}

static int card_kind(const pl_ruleset_t *rs, uint16_t card)
{
    return card < rs->n_cards ? rs->cards[card].kind : -1;
}

static void snapshot(build_t *b, const pl_state_t *st, uint16_t round)
{
    const pl_ruleset_t *rs = b->rs;
    pd_round_t *r = ADD(b, rounds, pd_round_t);
    if (!r)
        return;
    r->round = round;
    r->seq = st->seq;
    memcpy(r->table_counter, st->table_counter, sizeof r->table_counter);
    for (int s = 0; s < st->n_seats; s++) {
        pd_seat_at_t *a = &r->seat[s];
        memcpy(a->counter, st->seat[s].counter, sizeof a->counter);
        memcpy(a->token, st->seat[s].token, sizeof a->token);
        a->score = pl_score_seat(rs, st, s);
        a->finished = st->seat[s].finished;
        a->phase = (uint8_t)pl_seat_phase(rs, st, s);
    }
    if (round == 0)
        return;
    /* a new leader, alone at the top once this round is over */
    int best = -1, alone = 0;
    for (int s = 0; s < st->n_seats; s++) {
        if (best < 0 || r->seat[s].score > r->seat[best].score) {
            best = s;
            alone = 1;
        } else if (r->seat[s].score == r->seat[best].score) {
            alone = 0;
        }
    }
    if (best >= 0 && alone && best != b->leader) {
        pd_turning_t *p = ADD(b, turning, pd_turning_t);
        if (p)
            *p = (pd_turning_t){ .seq = st->seq, .round = round, .kind = PD_TP_LEAD, .seat = (uint8_t)best,
                                 .card = PL_NO_CARD, .space = PD_NONE, .a = r->seat[best].score };
        b->leader = best;
    }
}

static void turning(build_t *b, int kind, int seat, uint16_t card, uint8_t space, int32_t a, int32_t bb)
{
    pd_turning_t *p = ADD(b, turning, pd_turning_t);
    if (p)
        *p = (pd_turning_t){ .seq = b->seq, .round = b->round, .kind = (uint8_t)kind, .seat = (uint8_t)seat,
                             .card = card, .space = space, .a = a, .b = bb };
}

/* The first vote effect of a range, looking inside conditions, delays and choices. */
static uint32_t find_vote(const pl_ruleset_t *rs, pl_range_t r, int depth)
{
    if (depth > 8)
        return UINT32_MAX;
    for (uint32_t i = 0; i < r.count && r.first + i < rs->n_effects; i++) {
        const pl_effect_t *e = &rs->effects[r.first + i];
        if (e->op == PL_EFF_VOTE)
            return r.first + i;
        uint32_t f = UINT32_MAX;
        if (e->op == PL_EFF_IF || e->op == PL_EFF_DELAY) {
            f = find_vote(rs, e->body, depth + 1);
            if (f == UINT32_MAX)
                f = find_vote(rs, e->alt, depth + 1);
        } else if (e->op == PL_EFF_CHOICE) {
            for (uint32_t o = 0; o < e->opts.count && f == UINT32_MAX && e->opts.first + o < rs->n_options; o++)
                f = find_vote(rs, rs->options[e->opts.first + o].effects, depth + 1);
        }
        if (f != UINT32_MAX)
            return f;
    }
    return UINT32_MAX;
}

static int is_deck_vote(const pl_ruleset_t *rs, uint32_t effect)
{
    return effect < rs->n_effects && rs->effects[effect].amount > 0;
}

static void open_vote(build_t *b, const pl_event_t *e, int still_open)
{
    const pl_ruleset_t *rs = b->rs;
    const pl_state_t *st = b->after;
    pd_vote_t *v = ADD(b, votes, pd_vote_t);
    if (!v)
        return;
    v->seq = b->seq;
    v->round = b->round;
    v->card = e->card;
    v->initiator = e->seat;
    v->n_options = (uint8_t)(e->a > PL_MAX_OPTIONS ? PL_MAX_OPTIONS : e->a < 0 ? 0 : e->a);
    v->voters = (uint8_t)e->b;
    v->space = e->card == PL_NO_CARD && e->seat < PL_MAX_SEATS ? b->pos[e->seat] : PD_NONE;
    v->winner = PD_NONE;
    memset(v->ballot, PD_NONE, sizeof v->ballot);
    for (int i = 0; i < PL_MAX_OPTIONS; i++)
        v->option_card[i] = PL_NO_CARD;
    if (still_open && st->wait == PL_WAIT_VOTE && st->pending.card == e->card && st->pending.actor == e->seat) {
        v->effect = st->pending.effect;
        if (is_deck_vote(rs, v->effect))
            memcpy(v->option_card, st->pending.option_card, sizeof v->option_card);
    } else {
        /* opened and closed within the move: its question from the card or the space */
        if (e->card < rs->n_cards)
            v->effect = find_vote(rs, rs->cards[e->card].effects, 0);
        else if (v->space < rs->n_spaces)
            v->effect = find_vote(rs, rs->spaces[v->space].on_land, 0);
        else
            v->effect = UINT32_MAX;
        if (is_deck_vote(rs, v->effect)) { /* the cards just drawn from its deck, in order */
            int deck = rs->effects[v->effect].ref, k = v->n_options;
            for (int i = b->n_revealed - 1; i >= 0 && k > 0; i--)
                if (b->revealed[i].deck == deck)
                    v->option_card[--k] = b->revealed[i].card;
        }
    }
    int ck = card_kind(rs, e->card);
    v->kind = is_deck_vote(rs, v->effect) ? PD_VOTE_PROPOSALS
              : ck == PL_CARD_VOTE       ? PD_VOTE_QUOTE
              : ck == PL_CARD_PROMPT     ? PD_VOTE_FICTION
                                         : PD_VOTE_OTHER;
    int32_t index = (int32_t)(*b->votes.n - 1);
    if (v->kind == PD_VOTE_FICTION) /* the verdict on the fiction just told */
        for (int32_t f = (int32_t)*b->fictions.n - 1; f >= 0; f--) {
            pd_fiction_t *fi = &b->t->fictions[f];
            if (fi->card == e->card && fi->seat == e->seat && fi->vote < 0) {
                fi->vote = index;
                break;
            }
        }
    b->open_vote = index;
    if (e->card != PL_NO_CARD)
        b->ctx_card = e->card;
}

static void close_vote(build_t *b, const pl_event_t *e)
{
    const pl_ruleset_t *rs = b->rs;
    if (b->open_vote < 0)
        return;
    pd_vote_t *v = &b->t->votes[b->open_vote];
    v->closed = 1;
    v->closed_seq = b->seq;
    v->winner = e->a >= 0 && e->a < v->n_options ? (uint8_t)e->a : PD_NONE;
    b->closing_vote = b->open_vote;
    b->open_vote = -1;
    int32_t index = b->closing_vote;
    if (v->kind == PD_VOTE_PROPOSALS && v->winner != PD_NONE && v->option_card[v->winner] < rs->n_cards) {
        uint16_t card = v->option_card[v->winner];
        pd_play_t *p = ADD(b, plays, pd_play_t);
        if (p)
            *p = (pd_play_t){ .seq = b->seq, .round = b->round, .seat = v->initiator,
                              .phase = phase_at(rs, b->pos[v->initiator % PL_MAX_SEATS]), .card = card,
                              .from = PD_FROM_VOTE };
        turning(b, PD_TP_PROPOSAL, v->initiator, card, PD_NONE, index, 0);
        b->ctx_card = card;
    } else {
        turning(b, v->kind == PD_VOTE_FICTION ? PD_TP_FICTION : PD_TP_VOTE, v->initiator, v->card, v->space, index, 0);
        if (v->card != PL_NO_CARD)
            b->ctx_card = v->card;
        else {
            b->ctx_card = PL_NO_CARD;
            b->ctx_space = v->space;
        }
    }
}

static void ballot(build_t *b, const pl_event_t *e)
{
    if (b->closing_vote < 0 || !e->b || e->seat >= PL_MAX_SEATS)
        return;
    pd_vote_t *v = &b->t->votes[b->closing_vote];
    if (e->a >= 0 && e->a < v->n_options) {
        v->ballot[e->seat] = (uint8_t)e->a;
        v->count[e->a]++;
    }
    int top = 0, at_top = 0;
    for (int i = 0; i < v->n_options; i++)
        if (v->count[i] > top) {
            top = v->count[i];
            at_top = 1;
        } else if (v->count[i] == top) {
            at_top++;
        }
    v->tie = top == 0 || at_top > 1;
}

static void on_token(build_t *b, const pl_event_t *e)
{
    const pl_ruleset_t *rs = b->rs;
    if ((uint32_t)e->a >= rs->n_tokens || e->seat >= b->t->n_seats || e->b == 0 ||
        rs->tokens[e->a].look.role == PL_ROLE_HIDDEN)
        return;
    pd_token_t *k = ADD(b, tokens, pd_token_t);
    if (!k)
        return;
    *k = (pd_token_t){ .seq = b->seq, .round = b->round, .seat = e->seat, .token = (uint8_t)e->a,
                       .change = (int8_t)(e->b > 127 ? 127 : e->b < -127 ? -127 : e->b),
                       .now = (uint8_t)(e->c < 0 ? 0 : e->c > 255 ? 255 : e->c), .card = b->ctx_card,
                       .space = b->ctx_card == PL_NO_CARD ? b->ctx_space : PD_NONE };
    pd_seat_sum_t *s = &b->t->sum[e->seat];
    if (e->b > 0)
        s->gained[e->a] += (uint32_t)e->b;
    else
        s->spent[e->a] += (uint32_t)-e->b;
}

static void on_table_counter(build_t *b, const pl_event_t *e, int mover)
{
    const pl_ruleset_t *rs = b->rs;
    if ((uint32_t)e->a >= rs->n_table_counters)
        return;
    int32_t before = b->table_counter[e->a], now = e->c;
    b->table_counter[e->a] = now;
    for (uint32_t i = 0; i < rs->n_scoring; i++) {
        const pl_score_rule_t *r = &rs->scoring[i];
        if (r->kind == PL_SCORE_TARGET && r->ref == e->a && before < r->threshold && now >= r->threshold)
            turning(b, PD_TP_TARGET, mover, b->ctx_card, b->ctx_space, (int32_t)i, now);
    }
}

static void note_main(build_t *b)
{
    if (b->main_card == PL_NO_CARD && b->main_space == PD_NONE) {
        b->main_card = b->ctx_card;
        b->main_space = b->ctx_card == PL_NO_CARD ? b->ctx_space : PD_NONE;
    }
}

/* What the events of one move tell, in order. */
static void walk(build_t *b, const pl_move_t *mv)
{
    const pl_ruleset_t *rs = b->rs;
    const pl_events_t *ev = b->ev;
    int last_open = -1;
    for (int i = 0; i < ev->n; i++)
        if (ev->ev[i].type == PL_EV_VOTE_OPEN)
            last_open = i;
    b->n_revealed = 0;
    b->closing_vote = -1;
    for (int i = 0; i < ev->n; i++) {
        const pl_event_t *e = &ev->ev[i];
        int seat_ok = e->seat < b->t->n_seats;
        switch (e->type) {
        case PL_EV_TURN:
            b->round = (uint16_t)e->a;
            b->ctx_card = PL_NO_CARD;
            b->ctx_space = PD_NONE;
            break;
        case PL_EV_PLAYED:
            if (seat_ok && e->card < rs->n_cards) {
                pd_play_t *p = ADD(b, plays, pd_play_t);
                if (p)
                    *p = (pd_play_t){ .seq = b->seq, .round = b->round, .seat = e->seat,
                                      .phase = phase_at(rs, b->pos[e->seat]), .card = e->card, .from = PD_FROM_HAND };
                b->t->sum[e->seat].plays++;
            }
            b->ctx_card = e->card;
            note_main(b);
            break;
        case PL_EV_REVEALED:
            if (b->n_revealed < (int)(sizeof b->revealed / sizeof b->revealed[0])) {
                b->revealed[b->n_revealed].card = e->card;
                b->revealed[b->n_revealed++].deck = (uint16_t)e->a;
            }
            if (!seat_ok || e->card >= rs->n_cards)
                break;
            if (rs->cards[e->card].kind == PL_CARD_EVENT) {
                pd_met_t *m = ADD(b, met, pd_met_t);
                if (m)
                    *m = (pd_met_t){ .seq = b->seq, .round = b->round, .seat = e->seat, .card = e->card };
                b->t->sum[e->seat].met++;
            } else if (rs->cards[e->card].kind == PL_CARD_PROMPT) {
                pd_fiction_t *f = ADD(b, fictions, pd_fiction_t);
                if (f) {
                    *f = (pd_fiction_t){ .seq = b->seq, .round = b->round, .seat = e->seat, .card = e->card,
                                         .lens = -1, .vote = -1 };
                    const char *tag = rs->cards[e->card].tag;
                    int c = tag ? pl_ruleset_counter(rs, tag) : -1;
                    if (c >= 0 && rs->counters[c].look.role == PL_ROLE_LENS)
                        f->lens = (int16_t)c;
                }
                b->t->sum[e->seat].fictions++;
            } else if (rs->cards[e->card].kind == PL_CARD_PROPOSAL) {
                break; /* an option of the vote that follows */
            }
            b->ctx_card = e->card;
            note_main(b);
            break;
        case PL_EV_DELAY_FIRED:
            b->ctx_card = e->card;
            note_main(b);
            break;
        case PL_EV_MOVED:
            if (seat_ok) {
                b->pos[e->seat] = (uint8_t)e->b;
                b->ctx_card = PL_NO_CARD;
                b->ctx_space = (uint8_t)e->b;
                if (e->seat == mv->seat)
                    note_main(b);
            }
            break;
        case PL_EV_TOKEN:
            on_token(b, e);
            break;
        case PL_EV_COUNTER:
            if (e->seat == 0xFF)
                on_table_counter(b, e, mv->seat);
            break;
        case PL_EV_SKIP_SET:
            if (seat_ok) {
                b->t->sum[e->seat].skipped += (uint32_t)(e->a > 0 ? e->a : 0);
                turning(b, PD_TP_SKIP, e->seat, b->ctx_card, b->ctx_card == PL_NO_CARD ? b->ctx_space : PD_NONE,
                        e->a, 0);
            }
            break;
        case PL_EV_FINISHED:
            if (seat_ok) {
                pd_seat_sum_t *s = &b->t->sum[e->seat];
                s->finish_round = (uint16_t)e->a;
                s->finish_rank = ++b->finished_n;
                turning(b, PD_TP_FINISHED, e->seat, PL_NO_CARD, PD_NONE, s->finish_rank, 0);
            }
            break;
        case PL_EV_VOTE_OPEN:
            open_vote(b, e, i == last_open);
            note_main(b);
            break;
        case PL_EV_VOTE_RESULT:
            close_vote(b, e);
            note_main(b);
            break;
        case PL_EV_VOTED:
            ballot(b, e);
            break;
        case PL_EV_GAME_OVER:
            turning(b, PD_TP_OVER, PD_NONE, PL_NO_CARD, PD_NONE, e->a, e->b);
            break;
        default:
            break;
        }
    }
}

static void rows_and_leaders(build_t *b, const pl_state_t *st, uint16_t *r)
{
    while (st->round > *r && !b->nomem) { /* round *r is over: the move began the next one */
        snapshot(b, st, *r);
        (*r)++;
    }
}

int pd_table_build(const pd_input_t *in, pd_table_t **out, pd_error_t *err)
{
    if (err)
        memset(err, 0, sizeof *err);
    *out = NULL;
    if (!in || !in->rs || in->n_seats < 1 || in->n_seats > PL_MAX_SEATS || (in->n_moves && !in->moves)) {
        fail(err, PD_ERR_ARGS, "a debrief needs a ruleset, 1 to %d seats and the moves", PL_MAX_SEATS);
        return PD_ERR_ARGS;
    }
    const pl_ruleset_t *rs = in->rs;
    pl_state_t *st = pl_malloc(sizeof *st);
    pl_events_t *ev = pl_malloc(sizeof *ev);
    pd_table_t *t = pl_calloc(1, sizeof *t);
    build_t b;
    memset(&b, 0, sizeof b);
    int code = PD_OK;
    if (!st || !ev || !t) {
        code = PD_ERR_NOMEM;
        fail(err, code, "out of memory");
        goto done;
    }
    b.rs = rs;
    b.t = t;
    b.leader = -1;
    b.open_vote = -1;
    b.closing_vote = -1;
#define VEC(name, field, type) b.name = (vec_t){ (void **)&t->field, &t->n_##field, 0, sizeof(type) }
    VEC(rounds, rounds, pd_round_t);
    VEC(moves, moves, pd_move_t);
    VEC(plays, plays, pd_play_t);
    VEC(votes, votes, pd_vote_t);
    VEC(fictions, fictions, pd_fiction_t);
    VEC(tokens, tokens, pd_token_t);
    VEC(met, met, pd_met_t);
    VEC(turning, turning, pd_turning_t);
#undef VEC
    t->rs = rs;
    t->id = in->id;
    t->n_seats = in->n_seats;
    t->seed = in->seed;
    t->bots = in->bots & ((1u << in->n_seats) - 1u);
    for (int s = 0; s < in->n_seats; s++)
        if (in->team[s])
            snprintf(t->team[s], sizeof t->team[s], "%s", in->team[s]);
    t->n_lenses = pd_lenses(rs, t->lens, PL_MAX_COUNTERS);

    pl_error_t pe;
    if (pl_state_init(rs, st, in->n_seats, in->seed, &pe) != PL_OK) {
        code = PD_ERR_SETUP;
        fail(err, code, "the table cannot be set up: %s", pe.msg);
        if (err)
            err->reason = pe.code;
        goto done;
    }
    uint16_t r = 0;
    snapshot(&b, st, 0);
    r = 1;
    for (int s = 0; s < st->n_seats; s++)
        b.pos[s] = st->seat[s].pos;
    memcpy(b.table_counter, st->table_counter, sizeof b.table_counter);
    int32_t before[PL_MAX_SEATS][PL_MAX_COUNTERS];
    for (size_t i = 0; i < in->n_moves && !b.nomem; i++) {
        const pl_move_t *mv = &in->moves[i];
        uint8_t wait = st->wait;
        pl_pending_t pend = st->pending;
        uint16_t round = st->round;
        uint8_t from = mv->seat < st->n_seats ? st->seat[mv->seat].pos : PD_NONE;
        for (int s = 0; s < st->n_seats; s++)
            memcpy(before[s], st->seat[s].counter, sizeof before[s]);
        int vote = b.open_vote;
        if (pl_apply(rs, st, mv, ev, &pe) != PL_OK) {
            code = PD_ERR_MOVE;
            fail(err, code, "move %zu (%s by seat %d) is refused: %s", i + 1, pl_move_name(mv->type), mv->seat, pe.msg);
            if (err) {
                err->move = (uint32_t)(i + 1);
                err->reason = pe.code;
            }
            goto done;
        }
        b.after = st;
        b.ev = ev;
        b.seq = (uint32_t)(i + 1);
        b.round = round;
        b.ctx_card = PL_NO_CARD;
        b.ctx_space = PD_NONE;
        b.main_card = PL_NO_CARD;
        b.main_space = PD_NONE;
        pd_move_t *m = ADD(&b, moves, pd_move_t);
        if (!m)
            break;
        *m = (pd_move_t){ .seq = b.seq, .round = round, .seat = mv->seat, .type = mv->type, .arg = mv->arg,
                          .wait = wait, .from = from, .to = mv->seat < st->n_seats ? st->seat[mv->seat].pos : PD_NONE,
                          .card = PL_NO_CARD, .effect = UINT32_MAX, .vote = -1 };
        if (mv->type == PL_MOVE_PLAY)
            m->card = mv->arg;
        else if ((wait == PL_WAIT_CHOICE || wait == PL_WAIT_VOTE) &&
                 (mv->type == PL_MOVE_CHOOSE || mv->type == PL_MOVE_VOTE || mv->type == PL_MOVE_TIMEOUT)) {
            m->card = pend.card;
            m->effect = pend.effect;
        }
        if (wait == PL_WAIT_VOTE && mv->type == PL_MOVE_VOTE)
            m->vote = vote;
        for (int k = 0; k < ev->n; k++)
            if (ev->ev[k].type == PL_EV_ROLLED) {
                m->dice = (uint8_t)(ev->ev[k].a > 255 ? 255 : ev->ev[k].a);
                break;
            }
        walk(&b, mv);
        t->dropped_events += (uint32_t)ev->dropped;
        /* a move that moved one lens of a team a long way */
        for (int s = 0; s < st->n_seats; s++)
            for (int l = 0; l < t->n_lenses; l++) {
                int c = t->lens[l];
                int32_t d = st->seat[s].counter[c] - before[s][c];
                if (d >= PD_SWING || d <= -PD_SWING) {
                    b.round = round;
                    turning(&b, PD_TP_SWING, s, b.main_card, b.main_space, c, d);
                }
            }
        rows_and_leaders(&b, st, &r);
        if (st->wait == PL_WAIT_OVER)
            break;
    }
    if (!b.nomem && code == PD_OK) {
        if (in->check_hash && in->n_moves && pl_state_hash(st) != in->last_hash) {
            code = PD_ERR_HASH;
            fail(err, code, "the state after move %zu is not the one recorded (hash %016llx, recorded %016llx)",
                 in->n_moves, (unsigned long long)pl_state_hash(st), (unsigned long long)in->last_hash);
            goto done;
        }
        if (st->wait == PL_WAIT_OVER && t->n_moves < in->n_moves) {
            code = PD_ERR_MOVE;
            fail(err, code, "move %u comes after the end of the game", t->n_moves + 1);
            if (err) {
                err->move = t->n_moves + 1;
                err->reason = PL_ERR_GAME_OVER;
            }
            goto done;
        }
        t->over = st->wait == PL_WAIT_OVER;
        /* the last row: the end of the game, or the current round so far */
        snapshot(&b, st, r);
        t->last_round = r;
        t->rule_points = rs->n_scoring ? pl_calloc((size_t)st->n_seats * rs->n_scoring, sizeof *t->rule_points) : NULL;
        if (rs->n_scoring && !t->rule_points)
            b.nomem = 1;
        for (int s = 0; s < st->n_seats; s++) {
            t->score[s] = t->over ? st->score[s] : pl_score_seat(rs, st, s);
            for (uint32_t k = 0; t->rule_points && k < rs->n_scoring; k++)
                t->rule_points[(size_t)s * rs->n_scoring + k] = pl_score_rule(rs, st, s, k);
            if (t->over) { /* what the teams held: no secret once the game is over */
                t->hand_n[s] = st->seat[s].hand_n;
                memcpy(t->hand[s], st->seat[s].hand, sizeof t->hand[s]);
            }
        }
        t->winners = t->over ? st->winners : 0;
        if (!t->over && b.open_vote >= 0) /* ballots of the vote being held stay secret */
            for (uint32_t k = 0; k < t->n_moves; k++)
                if (t->moves[k].vote == b.open_vote)
                    t->moves[k].arg = PL_NO_CARD;
    }
    if (b.nomem && code == PD_OK) {
        code = PD_ERR_NOMEM;
        fail(err, code, "out of memory");
    }
done:
    pl_free(st);
    pl_free(ev);
    if (code != PD_OK)
        pd_table_destroy(t);
    else
        *out = t;
    return code;
}

void pd_table_destroy(pd_table_t *t)
{
    if (!t)
        return;
    pl_free(t->rounds);
    pl_free(t->moves);
    pl_free(t->plays);
    pl_free(t->votes);
    pl_free(t->fictions);
    pl_free(t->tokens);
    pl_free(t->met);
    pl_free(t->turning);
    pl_free(t->rule_points);
    pl_free(t);
}

const pd_round_t *pd_round(const pd_table_t *t, int r)
{
    if (!t || !t->n_rounds)
        return NULL;
    if (r < 0)
        r = 0;
    if ((uint32_t)r >= t->n_rounds)
        r = (int)t->n_rounds - 1;
    return &t->rounds[r];
}

double pd_lens_mean(const pd_table_t *t, int counter)
{
    const pd_round_t *r = pd_round(t, (int)t->n_rounds - 1);
    if (!r || counter < 0 || counter >= PL_MAX_COUNTERS || t->n_seats < 1)
        return 0;
    double sum = 0;
    for (int s = 0; s < t->n_seats; s++)
        sum += r->seat[s].counter[counter];
    return sum / t->n_seats;
}

int pd_vote_of_card(const pd_table_t *t, uint16_t card, uint32_t from_seq)
{
    for (uint32_t i = 0; i < t->n_votes; i++)
        if (t->votes[i].card == card && t->votes[i].seq >= from_seq)
            return (int)i;
    return -1;
}
