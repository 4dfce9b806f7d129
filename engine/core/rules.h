/* rules.h -- moves, events, refusal reasons and apply(): the only way a table's state changes */
#ifndef PL_RULES_H
#define PL_RULES_H

#include <stddef.h>
#include <stdint.h>
#include "state.h"

enum {
    PL_MOVE_PLAY = 1, /* arg = card index in the ruleset (must be in the seat's hand) */
    PL_MOVE_ROLL,     /* roll and move; the turn ends once everything it caused is resolved */
    PL_MOVE_CHOOSE,   /* arg = option index of a pending choice or branch */
    PL_MOVE_VOTE,     /* arg = option index of a pending vote */
    PL_MOVE_TIMEOUT,  /* logged by a host when a turn timer fires: settles whatever is awaited
                         (absent voters abstain, a choice takes option 0, a turn rolls) */
    /* the facilitator's moves: logged like the others, so that a replay gives the same game; only a host may make
     * them (never a seat, never a bot) */
    PL_MOVE_PAUSE,    /* arg 1 holds the table (no player move is accepted), arg 0 lets it go on */
    PL_MOVE_REVEAL,   /* arg = a card of an event, vote or prompt deck, taken from its pile and revealed to seat
                         as if drawn there (an event resolves, a quote opens its vote, a prompt is told) */
    PL_MOVE_PLACE,    /* seat's pawn is put on space arg (the space is not resolved) */
    PL_MOVE_END,      /* the game ends now and is scored */
    PL_MOVE__COUNT
};

typedef struct {
    uint8_t type;  /* PL_MOVE_* */
    uint8_t seat;  /* who makes it (TIMEOUT: any seat index, ignored) */
    uint16_t arg;
} pl_move_t;

/* Refusal reasons. Codes are stable: they travel on the wire and in logs. */
enum {
    PL_OK = 0,
    PL_ERR_BAD_MOVE = 1,      /* unknown move type or malformed argument */
    PL_ERR_BAD_SEAT,          /* no such seat */
    PL_ERR_GAME_OVER,         /* the game has ended */
    PL_ERR_NOT_YOUR_TURN,     /* another seat is to play */
    PL_ERR_WAITING,           /* a choice or vote must be answered first */
    PL_ERR_NOTHING_PENDING,   /* no choice or vote to answer */
    PL_ERR_NOT_IN_HAND,       /* the card is not in this seat's hand */
    PL_ERR_CARD_LIMIT,        /* cards per turn already played */
    PL_ERR_CANNOT_AFFORD,     /* a cost would take a counter below its minimum */
    PL_ERR_CONDITION,         /* a requirement of the card does not hold */
    PL_ERR_WRONG_PHASE,       /* the card belongs to another phase than the pawn's */
    PL_ERR_BAD_OPTION,        /* no such option */
    PL_ERR_NOT_VOTER,         /* this seat does not vote on this question */
    PL_ERR_ALREADY_VOTED,     /* this seat has voted already */
    PL_ERR_SETUP,             /* the table cannot be set up (seats, sizes) */
    PL_ERR_PAUSED,            /* the facilitator holds the table */
    PL_ERR__COUNT
};

/* What happened, for narration, logs, animation and the debrief. */
enum {
    PL_EV_TURN = 1,      /* seat: its turn begins (a = round) */
    PL_EV_SKIPPED,       /* seat: misses this turn (a = turns still to skip) */
    PL_EV_PLAYED,        /* seat played card */
    PL_EV_PAID,          /* seat paid a = counter, b = amount */
    PL_EV_COUNTER,       /* seat (0xFF: table) counter a changed by b, now c */
    PL_EV_TOKEN,         /* seat token a changed by b, now c */
    PL_EV_ROLLED,        /* seat rolled a (sum) */
    PL_EV_MOVED,         /* seat moved from space a to space b */
    PL_EV_DREW,          /* seat drew card from deck a (card hidden to others in views) */
    PL_EV_DISCARDED,     /* card went to the discard (hand full) */
    PL_EV_REVEALED,      /* seat revealed card (public) and resolves it */
    PL_EV_SHUFFLED,      /* deck a's discard shuffled into its draw pile */
    PL_EV_CHOICE,        /* seat must choose among a options of card */
    PL_EV_BRANCH,        /* seat must choose a way at space a */
    PL_EV_CHOSE,         /* seat chose option a */
    PL_EV_VOTE_OPEN,     /* seat opened a vote on card with a options, b = voters mask */
    PL_EV_VOTED,         /* seat cast a ballot (option a hidden in views until the reveal) */
    PL_EV_VOTE_RESULT,   /* vote on card: winner a (0xFF tie), b = ballots for the winner */
    PL_EV_DELAYED,       /* seat: an effect of card will come in a turns */
    PL_EV_DELAY_FIRED,   /* seat: the delayed effect of card arrives */
    PL_EV_SKIP_SET,      /* seat will skip a turns */
    PL_EV_FINISHED,      /* seat reached the end of the board */
    PL_EV_TIMEOUT,       /* seat ran out of time */
    PL_EV_GAME_OVER,     /* the game ended; scores are in the state */
    PL_EV_PAUSED,        /* the facilitator held the table (a = 1) or let it go on (a = 0) */
    PL_EV_ENDED,         /* the facilitator ended the game at round a (before game_over) */
    PL_EV__COUNT
};

typedef struct {
    uint8_t type;
    uint8_t seat;  /* 0xFF when not about a seat */
    uint16_t card; /* PL_NO_CARD when none */
    int32_t a, b, c;
} pl_event_t;

typedef struct {
    int n;
    int dropped; /* events past PL_MAX_EVENTS are counted, not stored */
    pl_event_t ev[PL_MAX_EVENTS];
} pl_events_t;

/* Apply one move. On PL_OK the state advanced (seq + 1) and events (if not NULL) says what
 * happened. On refusal the state is unchanged, the reason code is returned and err (if not
 * NULL) carries it with a readable message. Never reads a clock; randomness comes from st. */
int pl_apply(const pl_ruleset_t *rs, pl_state_t *st, const pl_move_t *mv, pl_events_t *events,
             pl_error_t *err);

/* Whether a move is one of the facilitator's (PAUSE, REVEAL, PLACE, END). */
int pl_move_is_host(int type);

/* Bitmask of the seats that may make a move now (all voters still to answer during a vote; none while paused). */
unsigned pl_expected(const pl_state_t *st);
/* The lowest-numbered seat that may move now, or -1 when none may (the game is over). Hosts that
 * drive every seat (simulator, tests) play this one next; during a vote any order is fine. */
int pl_next_actor(const pl_state_t *st);

/* Every move `seat` may make now (each card playable, a roll, each option). Returns the count,
 * writing at most cap moves. Works on views too (it reads only what the seat can see). */
int pl_legal_moves(const pl_ruleset_t *rs, const pl_state_t *st, int seat, pl_move_t *out, int cap);

/* Whether `seat` could play card now; reason code as pl_apply() would give. */
int pl_can_play(const pl_ruleset_t *rs, const pl_state_t *st, int seat, int card, pl_error_t *err);

/* Rebuild a state from its seed and move log. hashes (if not NULL) receives the state hash
 * after each move. Returns PL_OK, or the refusal of the first bad move, whose index goes to
 * *bad_index (if not NULL). */
int pl_replay(const pl_ruleset_t *rs, int n_seats, uint64_t seed, const pl_move_t *moves, size_t n,
              pl_state_t *out, uint64_t *hashes, size_t *bad_index, pl_error_t *err);

/* The event as `who` may see it: returns 0 when who must not see it at all, else 1 with the
 * event copied to out and hidden parts blanked (a card drawn by another seat, a secret ballot). */
int pl_event_for(const pl_event_t *ev, int who, pl_event_t *out);

/* Stable names for the wire and logs; the sentences players read come from engine/text. */
const char *pl_reason_name(int code);          /* "not_your_turn"... */
const char *pl_move_name(int type);             /* "play", "roll", "choose", "vote", "timeout", "pause"... */
int pl_move_from_name(const char *s);           /* -1 when unknown */
const char *pl_event_name(int type);            /* "turn", "played"... */

#endif
