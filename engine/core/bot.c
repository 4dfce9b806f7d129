/* bot.c -- random and greedy players; they read only what their seat's view holds */
#include <string.h>
#include "core_internal.h"
#include "bot.h"
#include "rng.h"

void pl_bot_init(pl_bot_t *bot, int kind, uint64_t seed)
{
    memset(bot, 0, sizeof *bot);
    bot->kind = (uint8_t)kind;
    pl_rng_seed(bot->rng, seed ^ 0xB07B07B07ull);
}

/* How good st looks to seat: its score (or weighted counters), with the counter changes its
 * delayed effects will bring counted as if they had come, and a little for tokens held. */
static int64_t evaluate(const pl_ruleset_t *rs, pl_state_t *st, int seat, const pl_bot_t *bot)
{
    pl_seat_t s = st->seat[seat];
    for (int i = 0; i < st->n_delayed; i++) {
        const pl_delayed_t *d = &st->delayed[i];
        if (d->seat != seat)
            continue;
        for (uint32_t k = 0; k < d->effects.count; k++) {
            const pl_effect_t *e = &rs->effects[d->effects.first + k];
            if (e->op == PL_EFF_COUNTER && (e->target == PL_TGT_SELF || e->target == PL_TGT_ALL)) {
                const pl_counter_t *def = &rs->counters[e->ref];
                s.counter[e->ref] = pl_clamp((int64_t)s.counter[e->ref] + e->amount, def->min, def->max);
            }
        }
    }
    int64_t v = 0;
    if (bot->use_weights) {
        for (int i = 0; i < rs->n_counters; i++)
            v += (int64_t)bot->weight[i] * s.counter[i] * 16;
    } else {
        /* score with the projected counters: the scoring rules read only the seat's fields */
        pl_seat_t keep = st->seat[seat]; /* st is the bot's scratch copy; restored below */
        st->seat[seat] = s;
        v = (int64_t)pl_score_seat(rs, st, seat) * 16;
        st->seat[seat] = keep;
    }
    for (int i = 0; i < rs->n_tokens; i++)
        v += s.token[i] * 4;
    return v;
}

static void shuffle_moves(pl_bot_t *bot, pl_move_t *m, int n)
{
    for (int i = n; i > 1; i--) {
        uint32_t j = pl_rng_below(bot->rng, (uint32_t)i);
        pl_move_t t = m[i - 1];
        m[i - 1] = m[j];
        m[j] = t;
    }
}

/* Scratch states, one per level of look-ahead; per thread, since servers may run bots on several. */
#define LOOK 3
static _Thread_local pl_state_t scratch[LOOK + 1];

/* Apply every still-missing ballot as `option` (how the vote goes if everyone agreed). */
static void vote_all(const pl_ruleset_t *rs, pl_state_t *st, int option)
{
    for (int s = 0; s < st->n_seats && st->wait == PL_WAIT_VOTE; s++)
        if (pl_expected(st) & (1u << s)) {
            pl_move_t v = { PL_MOVE_VOTE, (uint8_t)s, (uint16_t)option };
            pl_apply(rs, st, &v, NULL, NULL);
        }
}

/* Value of st for seat; when st waits on seat's own choice or fork, or on a vote seat takes part
 * in, the value of its best option (looking a few levels ahead). */
static int64_t value(const pl_ruleset_t *rs, pl_state_t *st, int seat, const pl_bot_t *bot, int level)
{
    int mine = (st->wait == PL_WAIT_CHOICE || st->wait == PL_WAIT_BRANCH) && st->pending.actor == seat;
    int vote = st->wait == PL_WAIT_VOTE && (st->pending.voters & (1u << seat));
    if (level >= LOOK || (!mine && !vote))
        return evaluate(rs, st, seat, bot);
    int64_t best = INT64_MIN;
    pl_state_t *next = &scratch[level + 1];
    for (int i = 0; i < st->pending.n_options; i++) {
        pl_state_copy(next, st);
        if (mine) {
            pl_move_t mv = { PL_MOVE_CHOOSE, (uint8_t)seat, (uint16_t)i };
            if (pl_apply(rs, next, &mv, NULL, NULL) != PL_OK)
                continue;
        } else {
            vote_all(rs, next, i);
        }
        int64_t v = value(rs, next, seat, bot, level + 1);
        if (v > best)
            best = v;
    }
    return best == INT64_MIN ? evaluate(rs, st, seat, bot) : best;
}

/* Value of a move for seat, tried on a scratch copy of its view (a vote is settled as if every
 * voter still to answer chose the same option). */
static int64_t try_move(const pl_ruleset_t *rs, const pl_state_t *view, int seat, const pl_move_t *mv,
                        const pl_bot_t *bot)
{
    pl_state_t *s = &scratch[1];
    pl_state_copy(s, view);
    if (pl_apply(rs, s, mv, NULL, NULL) != PL_OK)
        return INT64_MIN;
    if (mv->type == PL_MOVE_VOTE)
        vote_all(rs, s, mv->arg);
    return value(rs, s, seat, bot, 1);
}

int pl_bot_move(const pl_ruleset_t *rs, const pl_state_t *st, int seat, pl_bot_t *bot, pl_move_t *out)
{
    pl_move_t moves[PL_MAX_HAND + PL_MAX_OPTIONS + 2];
    int n = pl_legal_moves(rs, st, seat, moves, (int)(sizeof moves / sizeof moves[0]));
    if (n <= 0)
        return 0;
    if (n > (int)(sizeof moves / sizeof moves[0]))
        n = (int)(sizeof moves / sizeof moves[0]);
    shuffle_moves(bot, moves, n);
    if (bot->kind == PL_BOT_RANDOM || n == 1) {
        *out = moves[0];
        return 1;
    }
    /* the bot thinks on its seat's view only, whatever host hands it the full state */
    pl_state_t *base = &scratch[0];
    if (st->viewer == PL_WHO_FULL)
        pl_view_scratch(rs, st, seat, base);
    else
        pl_state_copy(base, st);
    int64_t now = evaluate(rs, base, seat, bot);
    int best = -1;
    int64_t best_v = INT64_MIN;
    for (int i = 0; i < n; i++) {
        int64_t v;
        if (moves[i].type == PL_MOVE_ROLL)
            v = now; /* rolling keeps what we have; a card must do better to be worth playing */
        else
            v = try_move(rs, base, seat, &moves[i], bot);
        if (v > best_v) {
            best_v = v;
            best = i;
        }
    }
    *out = moves[best < 0 ? 0 : best];
    return 1;
}

int pl_bot_play_game(const pl_ruleset_t *rs, pl_state_t *st, int n_seats, uint64_t seed, pl_bot_t *bots,
                     uint32_t max_moves, pl_error_t *err)
{
    int code = pl_state_init(rs, st, n_seats, seed, err);
    if (code != PL_OK)
        return code;
    if (max_moves == 0)
        max_moves = 100000;
    for (uint32_t k = 0; k < max_moves && st->wait != PL_WAIT_OVER; k++) {
        int seat = pl_next_actor(st);
        if (seat < 0)
            break;
        pl_move_t mv;
        if (!pl_bot_move(rs, st, seat, &bots[seat], &mv))
            break;
        code = pl_apply(rs, st, &mv, NULL, err);
        if (code != PL_OK)
            return code;
    }
    return PL_OK;
}
