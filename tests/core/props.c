/* props.c -- the property checks behind props.h (Criterion assertions) */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "props.h"

#define MAX_MOVES 20000

static void check_view(const pl_ruleset_t *rs, const pl_state_t *st, int who, pl_state_t *v)
{
    pl_view(rs, st, who, v);
    pl_error_t err;
    cr_assert(pl_state_check(rs, v, &err), "view for %d inconsistent: %s", who, err.msg);
    cr_assert(v->rng[0] == 0 && v->rng[1] == 0, "a view carries the RNG state");
    for (int i = 0; i < PL_MAX_CARDS; i++)
        cr_assert_eq(v->order[i], 0, "a view carries the deck order");
    for (int s = 0; s < st->n_seats; s++) {
        if (s == who)
            continue;
        for (int i = 0; i < st->seat[s].hand_n; i++) {
            cr_assert_eq(v->seat[s].hand[i], PL_NO_CARD, "view for %d shows seat %d's hand", who, s);
            cr_assert_eq(v->where[st->seat[s].hand[i]], PL_AT_HIDDEN, "view for %d locates seat %d's card", who, s);
        }
    }
    if (st->wait == PL_WAIT_VOTE)
        for (int s = 0; s < st->n_seats; s++)
            if (s != who)
                cr_assert_eq(v->pending.ballot[s], 0xFF, "a secret ballot shows before the reveal");
}

long props_run(const pl_ruleset_t *rs, int games, uint64_t seed0)
{
    pl_move_t *log = malloc(sizeof *log * MAX_MOVES);
    uint64_t *hashes = malloc(sizeof *hashes * MAX_MOVES);
    pl_state_t *st = malloc(sizeof *st), *v = malloc(sizeof *v), *r = malloc(sizeof *r);
    pl_events_t *ev = malloc(sizeof *ev);
    cr_assert(log && hashes && st && v && r && ev);
    long total = 0;
    int max_seats = rs->turn.max_seats < 5 ? rs->turn.max_seats : 5;
    int min_seats = rs->turn.min_seats > 2 ? rs->turn.min_seats : 2;
    if (min_seats > max_seats)
        min_seats = max_seats;
    for (int g = 0; g < games; g++) {
        uint64_t seed = seed0 + (uint64_t)g * 7919;
        int seats = min_seats + g % (max_seats - min_seats + 1);
        pl_bot_t bots[PL_MAX_SEATS];
        for (int s = 0; s < seats; s++)
            pl_bot_init(&bots[s], (g + s) % 3 == 0 ? PL_BOT_RANDOM : PL_BOT_GREEDY, seed + (uint64_t)s);
        pl_error_t err;
        cr_assert_eq(pl_state_init(rs, st, seats, seed, &err), PL_OK, "%s", err.msg);
        int n = 0;
        while (st->wait != PL_WAIT_OVER) {
            cr_assert_lt(n, MAX_MOVES, "game %d does not end", g);
            int seat = pl_next_actor(st);
            cr_assert_geq(seat, 0, "nobody may move but the game is not over");
            /* bots play from their own view, as a network bot would */
            pl_view(rs, st, seat, v);
            cr_assert(pl_bot_move(rs, v, seat, &bots[seat], &log[n]), "bot has no move");
            int code = pl_apply(rs, st, &log[n], ev, &err);
            cr_assert_eq(code, PL_OK, "game %d move %d refused: %s", g, n, err.msg);
            hashes[n++] = pl_state_hash(st);
            cr_assert(pl_state_check(rs, st, &err), "game %d move %d: %s", g, n, err.msg);
            for (int i = 0; i < ev->n; i++)
                for (int s = 0; s < seats; s++) {
                    pl_event_t e;
                    pl_event_for(&ev->ev[i], s, &e);
                    if (e.type == PL_EV_DREW && e.seat != s)
                        cr_assert_eq(e.card, PL_NO_CARD, "seat %d learns a card drawn by %d", s, e.seat);
                }
            if (n % 3 == 0 || st->wait == PL_WAIT_VOTE) {
                for (int s = 0; s < seats; s++)
                    check_view(rs, st, s, v);
                check_view(rs, st, PL_WHO_OBSERVER, v);
            }
        }
        total += n;
        size_t bad = 0;
        uint64_t *replayed = malloc(sizeof *replayed * (size_t)(n ? n : 1));
        cr_assert_eq(pl_replay(rs, seats, seed, log, (size_t)n, r, replayed, &bad, &err), PL_OK,
                     "replay refused move %zu: %s", bad, err.msg);
        for (int i = 0; i < n; i++)
            cr_assert_eq(replayed[i], hashes[i], "game %d: replay diverges at move %d", g, i);
        cr_assert_eq(pl_state_hash(r), pl_state_hash(st));
        cr_assert_eq(memcmp(r->score, st->score, sizeof st->score), 0);
        free(replayed);
    }
    free(log);
    free(hashes);
    free(st);
    free(v);
    free(r);
    free(ev);
    return total;
}
