/* fixture.h -- rulesets built in C for the core's tests, and helpers to stage a table */
#ifndef FIXTURE_H
#define FIXTURE_H

#include "plateau.h"

enum { C_ENV = 0, C_SOC, C_BUDGET, C_CAL, N_COUNTERS };
enum { T_REGION = 0 };
enum { K_LEGAL = 0, K_POL };
/* board: 0 start, 1 plain, 2 fork(3|5) | 3 a, 4 a2 (->7), 5 b (gain legal), 6 b2 | 7 milestone, 8, 9 | 10 end */
enum { S_START = 0, S_PLAIN, S_FORK, S_A, S_A2, S_B, S_B2, S_MILESTONE, S_8, S_9, S_END, N_SPACES };

pl_ruleset_t *fx_base(void);                         /* counters, tokens, board; no decks */
pl_range_t fx_effects(pl_ruleset_t *rs, int n, const pl_effect_t *e); /* appended contiguously */
pl_range_t fx_conds(pl_ruleset_t *rs, int n, const pl_cond_t *c);
pl_range_t fx_options(pl_ruleset_t *rs, int n, const pl_range_t *effects); /* labels "1".."n" */
void fx_deck_begin(pl_ruleset_t *rs, const char *id, int kind);
int fx_card(pl_ruleset_t *rs, const char *id, pl_range_t effects);  /* in the open deck */
void fx_deck_end(pl_ruleset_t *rs);
void fx_fillers(pl_ruleset_t *rs, int n);             /* n cards with no effect in the open deck */
void fx_done(pl_ruleset_t *rs);                       /* link; hands from deck "actions" if any */

/* A standard game using every effect: actions, events, votes, proposals, setup decks. */
pl_ruleset_t *fx_standard(void);

/* Move card into seat's hand wherever it is (staging only). */
void fx_give(const pl_ruleset_t *rs, pl_state_t *st, int seat, int card);
/* Play a move, asserting it is accepted. */
void fx_ok(const pl_ruleset_t *rs, pl_state_t *st, int type, int seat, int arg);
/* Play a move, returning the refusal code (state must be unchanged on refusal). */
int fx_try(const pl_ruleset_t *rs, pl_state_t *st, int type, int seat, int arg);

#define EFF(...) ((pl_effect_t){ __VA_ARGS__ })
#define COND(...) ((pl_cond_t){ __VA_ARGS__ })

#endif
