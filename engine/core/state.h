/* state.h -- a table's state: a flat struct, copyable with memcpy, hashed, viewed per seat */
#ifndef PL_STATE_H
#define PL_STATE_H

#include <stdint.h>
#include "pl_limits.h"
#include "ruleset.h"

/* Where a card is (pl_state_t.where). A seat index is or-ed into the HAND and FRONT codes. */
enum {
    PL_AT_DRAW = 0x00,    /* in its deck's draw pile, at position given by order[] */
    PL_AT_DISCARD = 0x01, /* in its deck's discard pile */
    PL_AT_TABLE = 0x02,   /* on the table: options of a pending vote, a card being resolved */
    PL_AT_HAND = 0x10,    /* | seat: in a seat's hand */
    PL_AT_FRONT = 0x20,   /* | seat: kept in front of a seat (set-up card, chosen proposal) */
    PL_AT_HIDDEN = 0xFF   /* in a view: in a draw pile or in another seat's hand */
};
#define PL_AT_KIND(w) ((w) & 0xF0)
#define PL_AT_SEAT(w) ((w) & 0x0F)

/* Who a view is for: a seat index, or one of these. */
enum { PL_WHO_FULL = 0xFF, PL_WHO_OBSERVER = 0xFE, PL_WHO_FACILITATOR = 0xFD };

/* What the table waits for. */
enum {
    PL_WAIT_TURN = 0, /* the current seat plays cards, then rolls */
    PL_WAIT_CHOICE,   /* pending.actor picks an option */
    PL_WAIT_BRANCH,   /* pending.actor picks which way to go at a fork */
    PL_WAIT_VOTE,     /* every seat in pending.voters casts a secret ballot */
    PL_WAIT_OVER      /* the game has ended */
};

typedef struct {
    int32_t counter[PL_MAX_COUNTERS];
    uint8_t token[PL_MAX_TOKENS];
    uint8_t pos;       /* space index */
    uint8_t skip;      /* turns still to skip */
    uint8_t finished;  /* reached the end of the board */
    uint8_t hand_n;
    uint16_t finish_round;
    uint16_t setup_card; /* PL_NO_CARD when none */
    uint16_t hand[PL_MAX_HAND];
    uint16_t plays;    /* cards this seat played in the whole game */
} pl_seat_t;

typedef struct {
    uint16_t card;
    uint8_t seat;
    uint8_t phase; /* phase of the seat's pawn when played */
    uint16_t round;
} pl_played_t;

typedef struct {
    uint16_t card;       /* the card that started the vote */
    uint8_t initiator;
    uint8_t winner;      /* option index, 0xFF for a tie */
    uint16_t round;
    uint8_t n_options;
    uint8_t ballot[PL_MAX_SEATS]; /* option per seat, 0xFF for none or abstained */
} pl_vote_rec_t;

typedef struct {
    uint8_t seat;
    uint8_t turns; /* the seat's turns still to start before it fires */
    uint16_t card;
    pl_range_t effects;
} pl_delayed_t;

typedef struct {
    uint32_t next, end; /* effect indices still to resolve */
    uint8_t actor;
    uint8_t depth;      /* nesting of reveals and landings, bounded by PL_MAX_REVEAL_DEPTH */
    uint16_t card;      /* card being resolved, PL_NO_CARD for a space */
    uint8_t flags;      /* PL_FRAME_* */
} pl_frame_t;

enum { PL_FRAME_DISCARD = 1 /* when done, card leaves the table for its discard or its keeper */ };

typedef struct {
    uint8_t n_options;
    uint8_t actor;      /* who chooses, or who started the vote */
    uint16_t card;      /* source card */
    uint32_t effect;    /* the choice or vote effect */
    uint8_t voters;     /* bitmask of seats that must vote */
    uint8_t answered;   /* bitmask of seats that have voted */
    uint8_t steps_left; /* branch: steps still to move after the choice */
    uint8_t depth;
    uint8_t ballot[PL_MAX_SEATS];
    uint16_t option_card[PL_MAX_OPTIONS]; /* vote from a deck: the cards in play */
} pl_pending_t;

typedef struct pl_state {
    uint8_t n_seats;
    uint8_t current;  /* seat whose turn it is */
    uint8_t wait;     /* PL_WAIT_* */
    uint8_t rolled;   /* the current seat has rolled this turn */
    uint8_t played;   /* cards played this turn */
    uint8_t viewer;   /* PL_WHO_FULL for the real state, else who this view is for */
    uint8_t n_dice;
    uint8_t paused;   /* 1 while the facilitator holds the table: no player move is accepted */
    uint8_t dice[PL_MAX_DICE]; /* last roll */
    uint16_t round;   /* starts at 1 */
    uint32_t seq;     /* accepted moves so far */
    uint32_t turns;   /* turns begun so far */
    uint64_t rng[2];  /* the table's generator; zero in views */

    int32_t table_counter[PL_MAX_TABLE_COUNTERS];
    pl_seat_t seat[PL_MAX_SEATS];

    uint16_t n_cards;
    uint16_t draw_n[PL_MAX_DECKS];   /* cards in each draw pile */
    uint16_t order[PL_MAX_CARDS];    /* deck d's draw pile is order[first .. first+draw_n), top last; zero in views */
    uint8_t where[PL_MAX_CARDS];     /* PL_AT_* per card */

    pl_pending_t pending;
    uint8_t n_stack;
    pl_frame_t stack[PL_MAX_STACK];
    uint8_t n_delayed;
    pl_delayed_t delayed[PL_MAX_DELAYED];
    uint16_t n_played;
    pl_played_t played_log[PL_MAX_PLAYED];
    uint16_t n_votes;
    pl_vote_rec_t vote_log[PL_MAX_VOTE_LOG];

    int32_t score[PL_MAX_SEATS]; /* filled when the game ends */
    uint8_t winners;             /* bitmask, filled when the game ends */
} pl_state_t;

typedef struct {
    int code;       /* PL_OK or a PL_ERR_* reason */
    char msg[192];  /* readable message (English, for logs and developers) */
} pl_error_t;

/* Set up a new table: counters at their start values, a set-up card per seat, shuffled decks,
 * starting hands, pawns on the start space, seat 0 to play. Deterministic in (rs, n_seats, seed).
 * Returns PL_OK, or a PL_ERR_* with err filled (bad seat count, ruleset too large). */
int pl_state_init(const pl_ruleset_t *rs, pl_state_t *st, int n_seats, uint64_t seed, pl_error_t *err);

/* Copy src into dst, only the parts in use (much less than the whole struct in most games):
 * what lies past each count in dst is left as it was. For scratch copies (bots); dst may then
 * differ from src in unused slots, never in anything the rules or the hash read. */
void pl_state_copy(pl_state_t *dst, const pl_state_t *src);

/* A 64-bit hash of everything in the state (a view hashes to its own value).
 * Equal states give equal hashes on every platform. */
uint64_t pl_state_hash(const pl_state_t *st);
/* Changes whenever pl_state_hash() gives other values for the same state (logs written with an
 * older version are upgraded, not compared). */
#define PL_HASH_VERSION 2

/* The view of st that `who` may see (a seat index or PL_WHO_*), written to out.
 * Other seats' hands, draw-pile identities and order, the RNG state, and the ballots of a vote
 * still open are removed. The facilitator sees every hand. out may not alias st. */
void pl_view(const pl_ruleset_t *rs, const pl_state_t *st, int who, pl_state_t *out);
/* The same view for a scratch copy (bots, simulations): copies only the parts in use, like
 * pl_state_copy, so out may differ from pl_view's in unused slots, never in anything the rules
 * or the hash read. Much cheaper; use pl_view for what leaves the host. */
void pl_view_scratch(const pl_ruleset_t *rs, const pl_state_t *st, int who, pl_state_t *out);

/* Score of one seat by the ruleset's scoring rules, on the current state. */
int32_t pl_score_seat(const pl_ruleset_t *rs, const pl_state_t *st, int seat);
/* Points one scoring rule (index into rs->scoring) gives a seat: the end screen's breakdown. */
int32_t pl_score_rule(const pl_ruleset_t *rs, const pl_state_t *st, int seat, uint32_t rule);
/* Whether every condition in conds holds for seat. */
int pl_conds_hold(const pl_ruleset_t *rs, const pl_state_t *st, int seat, pl_range_t conds);

/* Checks the state's internal consistency: every card in exactly one place, counters within
 * bounds, indices in range. Returns 1 when consistent, else 0 with err->msg saying what. */
int pl_state_check(const pl_ruleset_t *rs, const pl_state_t *st, pl_error_t *err);

/* The phase index of a seat's pawn. */
int pl_seat_phase(const pl_ruleset_t *rs, const pl_state_t *st, int seat);

#endif
