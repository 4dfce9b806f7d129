/* debrief.h -- what a game and a day taught, read from the move log: lens curves, the mire, votes, fictions, tokens, events, the score rule by rule, turning points */
#ifndef PD_DEBRIEF_H
#define PD_DEBRIEF_H

/* The debrief replays a table's log with the rules core (the same inputs as pl_replay()) and keeps
 * what the facilitator talks about afterwards. It is plain data for screens and exports: no file,
 * no database, no drawing. Words come from engine/text in the language asked (the words.c part).
 *
 * Hidden information (what was in the hands at the end, ballots of a vote not yet revealed) is
 * kept only when the game is over: a debrief of a game still being played shows what every
 * player at the table already knows.
 *
 * The debrief keeps a pointer to the ruleset: keep the ruleset alive as long as the debrief. */

#include <stddef.h>
#include <stdint.h>
#include "plateau.h"

#define PD_TEAM_LEN 64 /* bytes of a team name, with its NUL */
#define PD_NONE 0xFFu  /* no option, no seat, no space */
#define PD_SWING 3     /* a move that changes one lens of a team by this much or more is a turning point */

/* Status codes of the functions below. */
enum {
    PD_OK = 0,
    PD_ERR_ARGS,  /* a missing ruleset, a seat count out of range */
    PD_ERR_SETUP, /* the core refused to set the table up (pl_state_init) */
    PD_ERR_MOVE,  /* the core refused a move of the log: err.move and err.reason say which and why */
    PD_ERR_HASH,  /* the state after the last move is not the one recorded: not the same game or package */
    PD_ERR_NOMEM
};

typedef struct {
    int code;        /* PD_OK or PD_ERR_* */
    uint32_t move;   /* PD_ERR_MOVE: the 1-based number of the refused move */
    int reason;      /* PD_ERR_MOVE, PD_ERR_SETUP: the core's PL_ERR_* */
    char msg[256];   /* English, for logs and developers; players read words made from code */
} pd_error_t;

/* What a table's debrief is made from: pl_replay()'s inputs, plus names. */
typedef struct {
    const pl_ruleset_t *rs;
    int n_seats;
    uint64_t seed;
    const pl_move_t *moves;
    size_t n_moves;
    const char *team[PL_MAX_SEATS]; /* NULL or "" for the default name ("Équipe 2") */
    unsigned bots;                  /* seats played by the computer (bit mask), for "(bot)" */
    uint32_t id;                    /* the table's number, kept for the caller (0: none) */
    int check_hash;                 /* 1: last_hash must be the state hash after the last move */
    uint64_t last_hash;
} pd_input_t;

/* One team at one moment. */
typedef struct {
    int32_t counter[PL_MAX_COUNTERS]; /* every counter, in the package's order (pd_lens() picks the lenses) */
    uint8_t token[PL_MAX_TOKENS];
    int32_t score;                    /* by the ruleset's scoring rules at that moment */
    uint8_t finished;
    uint8_t phase;                    /* the phase of the team's pawn */
} pd_seat_at_t;

/* The table once a round is over: rounds[0] is the start (before any move), rounds[r] the table
 * once round r is over, that is after the move during which round r + 1 began (or the game
 * ended). A game still being played has a last row for its current round, so far. */
typedef struct {
    uint16_t round;
    uint32_t seq; /* moves applied at that moment */
    int32_t table_counter[PL_MAX_TABLE_COUNTERS];
    pd_seat_at_t seat[PL_MAX_SEATS];
} pd_round_t;

/* One move of the log, with what it was about. */
typedef struct {
    uint32_t seq;     /* 1-based */
    uint16_t round;   /* the round it was made in */
    uint8_t seat;     /* who made it, as logged */
    uint8_t type;     /* PL_MOVE_* */
    uint16_t arg;     /* as logged: a card, an option, a way; a ballot not yet revealed reads PL_NO_CARD */
    uint8_t wait;     /* what the table waited for before it (PL_WAIT_*) */
    uint8_t dice;     /* a roll: the sum of the dice (0 for other moves) */
    uint8_t from, to; /* the mover's space before and after (PD_NONE when unknown) */
    uint16_t card;    /* the card played, or the card of the choice or vote answered; PL_NO_CARD */
    uint32_t effect;  /* the choice or vote effect answered; UINT32_MAX when none */
    int32_t vote;     /* a ballot: its vote (index into pd_table_t.votes); -1 otherwise */
} pd_move_t;

/* A card played, for the mire: from a hand, or a proposal the table chose. */
enum { PD_FROM_HAND = 0, PD_FROM_VOTE };
typedef struct {
    uint32_t seq;
    uint16_t round;
    uint8_t seat;
    uint8_t phase;  /* the phase of the team's pawn when it was played */
    uint16_t card;
    uint8_t from;   /* PD_FROM_* */
} pd_play_t;

/* What a vote was about. */
enum {
    PD_VOTE_QUOTE = 0, /* the card of a vote deck (a verbatim): agree or disagree */
    PD_VOTE_FICTION,   /* the verdict on a prompt (a fiction told) */
    PD_VOTE_PROPOSALS, /* a vote over cards drawn from a deck (proposals) */
    PD_VOTE_OTHER      /* a question of a space or of another card */
};

typedef struct {
    uint32_t seq;       /* the move that opened it */
    uint32_t closed_seq;/* the move that closed it (0: still open when the log ends) */
    uint16_t round;
    uint16_t card;      /* the card that opened it; PL_NO_CARD for a space's question */
    uint8_t space;      /* the opener's space (a space's question); PD_NONE */
    uint8_t kind;       /* PD_VOTE_* */
    uint8_t initiator;
    uint8_t voters;     /* bit mask of the seats asked */
    uint8_t n_options;
    uint8_t closed;     /* 0: the ballots are not revealed yet (they read PD_NONE) */
    uint8_t winner;     /* the option whose effects resolved; PD_NONE for a tie with no winner */
    uint8_t tie;        /* several options had the most ballots (or none had any) */
    uint32_t effect;    /* the vote effect (its options' labels); UINT32_MAX when unknown */
    uint16_t option_card[PL_MAX_OPTIONS]; /* PD_VOTE_PROPOSALS: the cards offered */
    uint8_t ballot[PL_MAX_SEATS];         /* option per seat; PD_NONE: not asked, abstained, or hidden */
    uint8_t count[PL_MAX_OPTIONS];        /* ballots per option */
} pd_vote_t;

/* A fiction told: a prompt card revealed, and the vote on it. */
typedef struct {
    uint32_t seq;
    uint16_t round;
    uint8_t seat;   /* who told it */
    uint16_t card;
    int16_t lens;   /* the lens counter its tag names, -1 when its tag is no lens */
    int32_t vote;   /* index into votes, -1 when none was held */
} pd_fiction_t;

/* A token gained or spent. */
typedef struct {
    uint32_t seq;
    uint16_t round;
    uint8_t seat;
    uint8_t token;
    int8_t change;   /* > 0 gained, < 0 spent */
    uint8_t now;     /* the team's count after it */
    uint16_t card;   /* what caused it: a card (PL_NO_CARD) */
    uint8_t space;   /* or a space (PD_NONE) */
} pd_token_t;

/* A card revealed from an event deck (a setback or good news). */
typedef struct {
    uint32_t seq;
    uint16_t round;
    uint8_t seat;
    uint16_t card;
} pd_met_t;

/* Turning points of the game, in order. */
enum {
    PD_TP_LEAD = 1, /* seat leads alone once round `round` is over (a = its score) */
    PD_TP_SWING,    /* a move changed lens counter a of seat by b (|b| >= PD_SWING); card: what did it */
    PD_TP_VOTE,     /* a quote's vote closed: a = the vote's index */
    PD_TP_FICTION,  /* the verdict on a fiction: a = the vote's index */
    PD_TP_PROPOSAL, /* the table chose a proposal: card, a = the vote's index */
    PD_TP_TARGET,   /* a table counter reached the threshold of scoring rule a (seat: who moved) */
    PD_TP_SKIP,     /* seat will miss a turns (card or space: why) */
    PD_TP_FINISHED, /* seat reached the end of the board, a-th to do so */
    PD_TP_OVER      /* the game ended: a = winners (bit mask), b = the best score */
};

typedef struct {
    uint32_t seq;
    uint16_t round;
    uint8_t kind;   /* PD_TP_* */
    uint8_t seat;   /* PD_NONE when about the table */
    uint16_t card;  /* PL_NO_CARD when none */
    uint8_t space;  /* PD_NONE when none */
    int32_t a, b;
} pd_turning_t;

/* Per team, over the whole game. */
typedef struct {
    uint32_t plays;                  /* cards played from the hand */
    uint32_t gained[PL_MAX_TOKENS];  /* tokens gained, by kind */
    uint32_t spent[PL_MAX_TOKENS];   /* tokens spent, by kind */
    uint32_t met;                    /* event cards met */
    uint32_t fictions;               /* fictions told */
    uint32_t skipped;                /* turns it was told to miss */
    uint16_t finish_round;           /* 0: did not finish */
    uint8_t finish_rank;             /* 1: first to finish; 0: did not */
} pd_seat_sum_t;

typedef struct pd_table {
    const pl_ruleset_t *rs; /* not owned */
    uint32_t id;
    int n_seats;
    uint64_t seed;
    char team[PL_MAX_SEATS][PD_TEAM_LEN]; /* "" for the default name: use pd_team() */
    unsigned bots;
    int over;                 /* the game ended */
    uint8_t winners;          /* over: bit mask of the winners */
    uint16_t last_round;      /* the round the log ends in */
    int n_lenses;
    uint8_t lens[PL_MAX_COUNTERS]; /* the lens counters, in display order (pd_lens()) */

    pd_round_t *rounds;       uint32_t n_rounds;    /* rounds[0 .. last_round] */
    pd_move_t *moves;         uint32_t n_moves;
    pd_play_t *plays;         uint32_t n_plays;
    pd_vote_t *votes;         uint32_t n_votes;
    pd_fiction_t *fictions;   uint32_t n_fictions;
    pd_token_t *tokens;       uint32_t n_tokens;
    pd_met_t *met;            uint32_t n_met;
    pd_turning_t *turning;    uint32_t n_turning;

    int32_t *rule_points;     /* [seat * rs->n_scoring + rule]: the score rule by rule at the end of the log */
    int32_t score[PL_MAX_SEATS]; /* the total at the end of the log (the final score when over) */
    pd_seat_sum_t sum[PL_MAX_SEATS];
    uint8_t hand_n[PL_MAX_SEATS];             /* over only (0 otherwise): the cards left in each hand */
    uint16_t hand[PL_MAX_SEATS][PL_MAX_HAND];
    uint32_t dropped_events;  /* events the core could not report (past PL_MAX_EVENTS in one move): 0 in practice */
} pd_table_t;

/* Replay in's log and build its debrief into *out (the caller frees it with pd_table_destroy).
 * Returns PD_OK, or a PD_ERR_* code with err filled (err may be NULL). Never reads a clock or a
 * file; allocates through pl_alloc.h. */
int pd_table_build(const pd_input_t *in, pd_table_t **out, pd_error_t *err);
void pd_table_destroy(pd_table_t *t); /* NULL does nothing */

/* The row of rounds[] for round r (clamped to what was played). */
const pd_round_t *pd_round(const pd_table_t *t, int r);
/* The table's mean of lens counter `counter` over its teams at the end of the log. */
double pd_lens_mean(const pd_table_t *t, int counter);
/* The vote opened by card (the first one), -1 when none. */
int pd_vote_of_card(const pd_table_t *t, uint16_t card, uint32_t from_seq);

/* ---- several tables: the day ---------------------------------------------------------------- */

/* One question asked over the day (a card, or a space's question) with every table's ballots summed:
 * the collective opinion. Votes over drawn cards are summed per card instead (pd_offer_t). */
typedef struct {
    const pl_ruleset_t *rs;
    uint16_t card;                    /* PL_NO_CARD for a space's question */
    uint8_t space;
    uint8_t kind;                     /* PD_VOTE_* */
    uint32_t effect;
    uint8_t n_options;
    uint32_t ballots[PL_MAX_OPTIONS]; /* summed over every table */
    uint32_t won[PL_MAX_OPTIONS];     /* times each option won */
    uint32_t abstained;               /* seats asked that gave no ballot */
    uint32_t held;                    /* times it was voted on */
    uint32_t ties;
    uint32_t tables;                  /* tables where it was voted on */
} pd_opinion_t;

/* A card offered in votes over drawn cards (a proposal), over the day. */
typedef struct {
    const pl_ruleset_t *rs;
    uint16_t card;
    uint32_t offered, ballots, chosen, tables;
} pd_offer_t;

typedef struct {
    int n_tables;
    const pd_table_t **tables; /* not owned */
    pd_opinion_t *opinions; uint32_t n_opinions; /* game by game (in the order the tables first play them), */
    pd_offer_t *offers;     uint32_t n_offers;   /* in the order first met within each game */
} pd_day_t;

/* Sum the votes of n tables (closed votes only). Returns PD_OK or PD_ERR_NOMEM; free with
 * pd_day_destroy(). The tables must outlive the day. */
int pd_day_build(const pd_table_t *const *tables, int n, pd_day_t **out, pd_error_t *err);
void pd_day_destroy(pd_day_t *d);

/* ---- presentation (look.c): the same colours and order as the game's screens ---------------- */

/* The lens counters (role PL_ROLE_LENS) in display order (look.order, then declaration). */
int pd_lenses(const pl_ruleset_t *rs, uint8_t *out, int cap);
/* The counters and tokens shown to players (role not hidden), in display order. */
int pd_shown_counters(const pl_ruleset_t *rs, uint8_t *out, int cap);
int pd_shown_tokens(const pl_ruleset_t *rs, uint8_t *out, int cap);
/* 0xRRGGBB: a team's colour, a counter's (the package's, else the screens' palette), a token's. */
uint32_t pd_team_color(int seat);
uint32_t pd_counter_color(const pl_ruleset_t *rs, int counter);
uint32_t pd_option_color(int option, int n_options);

/* ---- words (words.c), in lang, with French typography --------------------------------------- */

/* A team's name: its own, or the default ("Équipe 2"), with " (bot)" for the computer's seats. */
size_t pd_team(const pd_table_t *t, int seat, int lang, char *buf, size_t len);
/* What a vote asked: its card's name (and text, when another card of its deck has the same name), or
 * its space's name. */
size_t pd_vote_question(const pd_table_t *t, const pd_vote_t *v, int lang, char *buf, size_t len);
/* Option i of a vote: the offered card's name, or the option's label. */
size_t pd_vote_option(const pd_table_t *t, const pd_vote_t *v, int i, int lang, char *buf, size_t len);
/* The same for a question of the day. */
size_t pd_opinion_question(const pd_opinion_t *o, int lang, char *buf, size_t len);
size_t pd_opinion_option(const pd_opinion_t *o, int i, int lang, char *buf, size_t len);
/* The kind of a vote in a word or two: its deck's name, or "Vote of the table". */
size_t pd_vote_kind(const pl_ruleset_t *rs, int kind, uint16_t card, uint32_t effect, int lang, char *buf, size_t len);
/* "Short term"... ("" for none). */
const char *pd_horizon(int horizon, int lang);
/* A card's effects on one line (pt_effects_line), "no effect" when it has none. */
size_t pd_card_effects(const pl_ruleset_t *rs, uint16_t card, int lang, char *buf, size_t len);
/* What a move was, in words ("plays “…”", "rolls 4", "votes “Agree”", "takes the way to “…”"). */
size_t pd_move_text(const pd_table_t *t, const pd_move_t *m, int lang, char *buf, size_t len);
/* A turning point as a sentence naming the team. */
size_t pd_turning_text(const pd_table_t *t, const pd_turning_t *p, int lang, char *buf, size_t len);
/* What caused a token change ("“card”" or the space's name; "" when unknown). */
size_t pd_token_cause(const pd_table_t *t, const pd_token_t *k, int lang, char *buf, size_t len);

#endif
