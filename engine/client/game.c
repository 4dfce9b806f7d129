/* game.c -- a table in the client: hot-seat moves through the rules core and bots, or a server's view; the narration */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "client/game.h"

static int prefix_match(const char *id, const char *prefixes)
{
    const char *p = prefixes;
    while (*p) {
        const char *e = strchr(p, '|');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n && strncmp(id, p, n) == 0) return 1;
        if (!e) break;
        p = e + 1;
    }
    return 0;
}

int pc_game_find_counter(const pl_ruleset_t *rs, const char *prefixes)
{
    for (int i = 0; i < rs->n_counters; i++)
        if (rs->counters[i].id && prefix_match(rs->counters[i].id, prefixes)) return i;
    return -1;
}

static void find_roles(pc_game_t *g)
{
    const pl_ruleset_t *rs = g->rs;
    static const char *lens_ids[PC_MAX_LENSES] = {"env", "soc", "eco|loc", "pub|money|den|fin"};
    g->budget = pc_game_find_counter(rs, "budget|money-left|cash");
    g->calendar = pc_game_find_counter(rs, "cal|time|days|month|week|delay");
    g->n_lens = 0;
    for (int k = 0; k < PC_MAX_LENSES; k++) {
        int c = pc_game_find_counter(rs, lens_ids[k]);
        if (c >= 0 && c != g->budget && c != g->calendar) g->lens[g->n_lens++] = c;
    }
    if (g->n_lens < 2) { /* unknown game: the first counters that are neither budget nor time */
        g->n_lens = 0;
        for (int i = 0; i < rs->n_counters && g->n_lens < PC_MAX_LENSES; i++)
            if (i != g->budget && i != g->calendar) g->lens[g->n_lens++] = i;
    }
}

pc_game_t *pc_game_create(const pl_ruleset_t *rs, int n_seats, unsigned human_mask, uint64_t seed,
                          int lang, char *err, size_t errlen)
{
    pl_error_t e;
    pc_game_t *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    g->rs = rs;
    g->lang = lang;
    g->n_seats = n_seats;
    g->human = human_mask;
    g->fiction_card = PL_NO_CARD;
    memset(&e, 0, sizeof e);
    if (pl_state_init(rs, &g->st, n_seats, seed, &e) != PL_OK) {
        snprintf(err, errlen, "cannot set up the table: %s", e.msg);
        free(g);
        return NULL;
    }
    for (int i = 0; i < n_seats; i++) pl_bot_init(&g->bot[i], PL_BOT_GREEDY, seed * 31u + (uint64_t)i + 1);
    find_roles(g);
    return g;
}

void pc_game_destroy(pc_game_t *g)
{
    free(g);
}

void pc_game_logf(pc_game_t *g, int seat, const char *fmt, ...)
{
    int slot = g->log_total % PC_LOG_MAX;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g->log[slot], PC_LOG_LEN, fmt, ap);
    va_end(ap);
    g->log_seat[slot] = seat;
    g->log_total++;
}

const char *pc_game_log(const pc_game_t *g, int i, int *seat)
{
    if (i < 0 || i >= g->log_total || i >= PC_LOG_MAX) return NULL;
    int slot = (g->log_total - 1 - i) % PC_LOG_MAX;
    if (seat) *seat = g->log_seat[slot];
    return g->log[slot];
}

/* events worth a line in the log (counter changes are shown by the gauges) */
static int narrated(int type)
{
    switch (type) {
    case PL_EV_COUNTER: case PL_EV_TOKEN: case PL_EV_PAID: case PL_EV_SHUFFLED: case PL_EV_DREW:
    case PL_EV_DISCARDED:
        return 0;
    default:
        return 1;
    }
}

void pc_game_note_event(pc_game_t *g, const pl_event_t *ev)
{
    pl_event_t pub;
    if (ev->type == PL_EV_VOTE_RESULT && g->st.n_votes > 0) {
        g->reveal = g->st.vote_log[g->st.n_votes - 1];
        g->reveal_pending = 1;
    }
    if (ev->type == PL_EV_REVEALED && ev->card < g->rs->n_cards && g->rs->cards[ev->card].kind == PL_CARD_PROMPT) {
        g->fiction_card = ev->card;
        g->fiction_seat = ev->seat;
    }
    if (!narrated(ev->type)) return;
    /* a shared screen sees what an observer sees: no drawn cards, no secret ballots */
    if (!pl_event_for(ev, g->remote && g->my_seat >= 0 ? g->my_seat : PL_WHO_OBSERVER, &pub)) return;
    char line[PC_LOG_LEN];
    line[0] = 0;
    pl_event_describe(g->rs, &pub, g->lang, line, sizeof line);
    if (line[0]) pc_game_logf(g, pub.seat == 0xFF ? -1 : pub.seat, "%s", line);
}

int pc_game_apply(pc_game_t *g, const pl_move_t *mv)
{
    static pl_events_t evs; /* large; the client applies moves from one thread */
    pl_error_t e;
    if (g->remote) {
        g->refusal[0] = 0;
        return g->send && g->send(g->send_ctx, mv) ? PL_OK : PL_ERR_BAD_MOVE;
    }
    memset(&e, 0, sizeof e);
    evs.n = 0;
    int rc = pl_apply(g->rs, &g->st, mv, &evs, &e);
    if (rc != PL_OK) {
        snprintf(g->refusal, sizeof g->refusal, "%s", pl_reason_text(rc, g->lang));
        return rc;
    }
    g->refusal[0] = 0;
    g->moves++;
    for (int i = 0; i < evs.n; i++) pc_game_note_event(g, &evs.ev[i]);
    return rc;
}

int pc_game_human_to_act(const pc_game_t *g)
{
    if (g->st.wait == PL_WAIT_OVER) return -1;
    unsigned exp = pl_expected(&g->st);
    if (g->remote) return g->my_seat >= 0 && ((exp >> g->my_seat) & 1u) ? g->my_seat : -1;
    if (exp & ~g->human) return -1; /* bots first, so that a human vote closes the ballot */
    for (int s = 0; s < g->n_seats; s++)
        if (exp & g->human & (1u << s)) return s;
    return -1;
}

int pc_game_bots_pending(const pc_game_t *g)
{
    if (g->st.wait == PL_WAIT_OVER || g->remote) return 0;
    return (pl_expected(&g->st) & ~g->human & ((1u << g->n_seats) - 1)) != 0;
}

int pc_game_bot_step(pc_game_t *g)
{
    if (g->st.wait == PL_WAIT_OVER || g->remote) return 0;
    unsigned exp = pl_expected(&g->st) & ~g->human;
    for (int s = 0; s < g->n_seats; s++) {
        if (!(exp & (1u << s))) continue;
        pl_move_t mv;
        if (pl_bot_move(g->rs, &g->st, s, &g->bot[s], &mv)) {
            if (pc_game_apply(g, &mv) == PL_OK) return 1;
        }
        /* a bot with nothing legal (should not happen): let the timer settle it */
        pl_move_t to = {PL_MOVE_TIMEOUT, (uint8_t)s, 0};
        if (pc_game_apply(g, &to) == PL_OK) return 1;
    }
    return 0;
}
