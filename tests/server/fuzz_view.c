/* fuzz_view.c -- forged views: whatever passes pl_state_check() is safe for the core (legal moves, bots, hash)
 *   fuzz_view [iterations [random-seed]]   (default 100000 and 2026: the smoke run of make check)
 * The seeds are whole views of real games of example-minimal (it uses every element of the
 * rules: forks, choices, votes, votes over drawn cards), at every kind of wait and for every
 * viewer; each input changes a few numbers or bytes of one. A view the decoders take and
 * pl_state_check() passes is then used as the client and the bot use it: pl_expected(),
 * pl_next_actor(), pl_legal_moves() and pl_bot_move() (which plays moves on copies of it) for
 * every seat, and the hash. Run under the sanitizers, any read or write out of bounds aborts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proto/proto.h"
#include "proto/view.h"
#include "ts_package.h"
#ifdef TS_HAVE_DATA
#include "data/package.h"
#endif

enum { MAX_SEEDS = 400 };

static char *seeds[MAX_SEEDS];
static size_t n_seeds;
static unsigned long checked_ok;

static void add_seed(const pl_state_t *v)
{
    size_t len;
    if (n_seeds == MAX_SEEDS)
        return;
    char *t = proto_view_diff_text(NULL, v, &len);
    if (t)
        seeds[n_seeds++] = t;
}

/* Views of greedy games: every 23rd state and every state that waits for a choice, a vote or a
 * fork, for the seats in turn and an observer. */
static void make_seeds(const pl_ruleset_t *rs)
{
    static pl_state_t st, v;
    for (int g = 0; g < 40 && n_seeds < MAX_SEEDS; g++) {
        pl_bot_t bot;
        pl_bot_init(&bot, PL_BOT_GREEDY, (uint64_t)g + 1);
        int seats = 2 + g % 3;
        if (pl_state_init(rs, &st, seats, (uint64_t)g * 31 + 7, NULL) != PL_OK)
            continue;
        for (int step = 0; st.wait != PL_WAIT_OVER && step < 2000; step++) {
            if (step % 23 == 0 || (st.wait != PL_WAIT_TURN && st.wait != PL_WAIT_OVER)) {
                int who = step % (seats + 1) - 1; /* each seat in turn, and an observer */
                pl_view(rs, &st, who < 0 ? PL_WHO_OBSERVER : who, &v);
                add_seed(&v);
            }
            pl_move_t mv;
            if (!pl_bot_move(rs, &st, pl_next_actor(&st), &bot, &mv) || pl_apply(rs, &st, &mv, NULL, NULL) != PL_OK)
                break;
        }
    }
}

static void use_view(const pl_ruleset_t *rs, const pl_state_t *v)
{
    pl_error_t err;
    if (!pl_state_check(rs, v, &err))
        return;
    checked_ok++;
    static pl_move_t moves[256];
    volatile uint64_t sink = pl_state_hash(v) ^ pl_expected(v);
    int actor = pl_next_actor(v);
    sink ^= (uint64_t)actor;
    for (int s = 0; s < v->n_seats; s++) {
        sink ^= (uint64_t)pl_legal_moves(rs, v, s, moves, 256);
        pl_bot_t bot;
        pl_move_t mv;
        pl_bot_init(&bot, PL_BOT_GREEDY, (uint64_t)s);
        if (pl_bot_move(rs, v, s, &bot, &mv))
            sink ^= mv.arg;
    }
    (void)sink;
}

/* Replace the number starting at or after p with another, often one at an edge. */
static size_t change_number(char *t, size_t n, size_t cap, size_t at)
{
    static const char *edges[] = { "0", "1", "2", "3", "5", "7", "8", "9", "12", "16", "255", "256",
                                   "1023", "1024", "65535", "-1", "4294967295", "200" };
    while (at < n && !(t[at] >= '0' && t[at] <= '9'))
        at++;
    if (at >= n)
        return n;
    size_t end = at;
    while (end < n && t[end] >= '0' && t[end] <= '9')
        end++;
    char num[16];
    if (rand() % 3)
        snprintf(num, sizeof num, "%s", edges[rand() % (int)(sizeof edges / sizeof edges[0])]);
    else
        snprintf(num, sizeof num, "%d", rand() % 300);
    size_t nl = strlen(num);
    if (n - (end - at) + nl >= cap)
        return n;
    memmove(t + at + nl, t + end, n - end);
    memcpy(t + at, num, nl);
    return n - (end - at) + nl;
}

int main(int argc, char **argv)
{
    long iters = argc > 1 ? atol(argv[1]) : 100000;
    unsigned seed = argc > 2 ? (unsigned)atol(argv[2]) : 2026;
    pl_ruleset_t *rs = ts_package("example-minimal");
    static char buf[65536];
    static pl_state_t v;
    if (rs)
        make_seeds(rs);
    if (!rs || !n_seeds) {
        fprintf(stderr, "fuzz_view: no seed views\n");
        return 1;
    }
    srand(seed);
    for (long it = 0; it < iters; it++) {
        const char *s = seeds[(size_t)it % n_seeds];
        size_t n = strlen(s);
        if (n >= sizeof buf)
            continue;
        memcpy(buf, s, n);
        int muts = 1 + rand() % 4;
        for (int k = 0; k < muts; k++) {
            size_t at = (size_t)rand() % n;
            if (rand() % 8)
                n = change_number(buf, n, sizeof buf, at);
            else
                buf[at] = "{}[],:\"0-9"[rand() % 10]; /* break the syntax now and then */
        }
        proto_scan_t sc = { buf, buf + n };
        memset(&v, 0, sizeof v);
        if (proto_view_apply_scan(&v, &sc) && proto_scan_done(&sc))
            use_view(rs, &v);
    }
    for (size_t i = 0; i < n_seeds; i++)
        free(seeds[i]);
    pl_ruleset_destroy(rs);
    printf("fuzz_view: %ld forged views from %zu seeds (random seed %u), %lu passed the check and were used, no crash\n",
           iters, n_seeds, seed, checked_ok);
    return 0;
}
