/* ruleset.h -- the game model a package fills: counters, tokens, board, decks, effects, scoring */
#ifndef PL_RULESET_H
#define PL_RULESET_H

#include <stddef.h>
#include <stdint.h>
#include "pl_limits.h"

/* Languages of every player-facing text: French first, English second. */
enum { PL_LANG_FR = 0, PL_LANG_EN = 1, PL_LANG_COUNT = 2 };

/* A text in every language; strings are owned by the ruleset's arena. */
typedef struct {
    const char *s[PL_LANG_COUNT];
} pl_text_t;

/* Where an effect lands, relative to the seat that triggered it. */
enum {
    PL_TGT_SELF = 0,
    PL_TGT_OTHERS,
    PL_TGT_ALL,
    PL_TGT_TABLE /* table-wide counters only */
};

/* The effect vocabulary (declarative, no scripting). */
enum {
    PL_EFF_COUNTER = 1, /* ref=counter (table counter when target TABLE), amount=delta */
    PL_EFF_MOVE,        /* amount=steps (negative goes back) */
    PL_EFF_GOTO,        /* ref=space */
    PL_EFF_SKIP,        /* amount=turns to skip */
    PL_EFF_DRAW,        /* ref=deck, amount=count: into the target's hand */
    PL_EFF_REVEAL,      /* ref=deck, amount=count: draw and resolve at once (events, verbatims, prompts) */
    PL_EFF_GAIN,        /* ref=token, amount=count */
    PL_EFF_SPEND,       /* ref=token, amount=count (never below zero) */
    PL_EFF_DELAY,       /* amount=turns of the triggering seat; body=children */
    PL_EFF_IF,          /* conds; body=then, alt=else */
    PL_EFF_CHOICE,      /* options: the triggering seat picks one */
    PL_EFF_VOTE,        /* options (or ref=deck, amount=cards drawn as options): table vote */
    PL_EFF__COUNT
};

/* Conditions (requirements of cards, if-effects, end conditions, scoring bonuses). */
enum {
    PL_COND_COUNTER = 1, /* ref=seat counter, min..max */
    PL_COND_TABLE,       /* ref=table counter, min..max */
    PL_COND_TOKEN,       /* ref=token, min..max */
    PL_COND_FINISHED,    /* the seat reached the end of the board */
    PL_COND_PHASE,       /* the seat's pawn is in phase index min..max */
    PL_COND_ROUND,       /* the table's round is min..max */
    PL_COND__COUNT
};

typedef struct {
    uint8_t kind;
    uint16_t ref;
    int32_t min, max; /* inclusive bounds */
    uint32_t line;
} pl_cond_t;

/* A contiguous range in one of the ruleset's flat arrays. */
typedef struct {
    uint32_t first, count;
} pl_range_t;

typedef struct {
    uint8_t op;     /* PL_EFF_* */
    uint8_t target; /* PL_TGT_* */
    uint16_t ref;
    int32_t amount;
    pl_range_t body;  /* effects: delay body, if-then */
    pl_range_t alt;   /* effects: if-else */
    pl_range_t conds; /* conditions: if */
    pl_range_t opts;  /* options: choice, vote */
    pl_range_t tie;   /* effects: vote tie (none: nothing happens) */
    uint32_t line;    /* source line, for messages */
} pl_effect_t;

typedef struct {
    const char *id;
    pl_text_t label;
    pl_range_t effects;
} pl_option_t;

typedef struct {
    uint16_t counter;
    int32_t amount; /* paid from the seat's counter; refused if it would pass the minimum */
} pl_cost_t;

typedef struct {
    uint16_t counter;
    int32_t weight; /* a set-up card's "what matters most": score += weight * counter */
} pl_priority_t;

enum { PL_CARD_ACTION = 0, PL_CARD_EVENT, PL_CARD_VOTE, PL_CARD_PROMPT, PL_CARD_PROPOSAL, PL_CARD_SETUP, PL_CARD__COUNT };
enum { PL_HORIZON_NONE = 0, PL_HORIZON_SHORT, PL_HORIZON_MEDIUM, PL_HORIZON_LONG };

typedef struct {
    const char *id;
    const char *tag;  /* free label: a verbatim's speaker, a prompt's lens, a proposal's author */
    const char *file; /* source file, for messages */
    uint32_t line;
    uint16_t deck;
    uint8_t kind;    /* PL_CARD_* (the deck's kind) */
    uint8_t impact;  /* 0 (none) or 1..3 */
    uint8_t horizon; /* PL_HORIZON_* */
    int16_t phase;   /* phase index the card belongs to, -1 for any */
    pl_text_t name, text;
    pl_range_t costs;      /* pl_cost_t */
    pl_range_t requires;   /* pl_cond_t, all must hold to play */
    pl_range_t effects;    /* pl_effect_t */
    pl_range_t priorities; /* pl_priority_t (set-up cards) */
} pl_card_t;

typedef struct {
    const char *id;
    pl_text_t name;
    pl_text_t instructions; /* what players do with a revealed card (a prompt's instructions) */
    uint16_t seconds;       /* time given for it (prompts; 0: none) */
    uint8_t kind;    /* PL_CARD_* */
    uint8_t keep;    /* played cards stay in front of the player instead of the discard */
    uint16_t first;  /* first card index; a deck's cards are contiguous */
    uint16_t count;
} pl_deck_t;

enum {
    PL_SPACE_PLAIN = 0, PL_SPACE_START, PL_SPACE_ACTION, PL_SPACE_EVENT, PL_SPACE_VOTE,
    PL_SPACE_FICTION, PL_SPACE_CHECK, PL_SPACE_MILESTONE, PL_SPACE_BRANCH, PL_SPACE_END,
    PL_SPACE__COUNT
};

typedef struct {
    const char *id;
    pl_text_t name, text;
    uint32_t line;
    uint8_t kind;  /* PL_SPACE_*: presentation; behaviour comes from effects and flags */
    uint8_t phase; /* phase index */
    uint8_t stop;  /* a milestone: a moving pawn stops here */
    uint8_t n_next;
    uint8_t next[PL_MAX_NEXT]; /* following spaces; more than one is a branch */
    uint8_t prev;              /* main predecessor (for moving back), PL_NO_SPACE at start */
    pl_range_t on_land;        /* effects when a pawn ends its move here */
} pl_space_t;

typedef struct {
    const char *id;
    pl_text_t name, text;
    uint8_t first_space, n_spaces;
} pl_phase_t;

/* How a counter or token is shown (presentation only: the rules never read it). */
enum {
    PL_ROLE_RESOURCE = 0, /* a number with its icon (what cards cost, time left...): the default */
    PL_ROLE_LENS,         /* a gauge per team: the dimensions the game is about */
    PL_ROLE_HIDDEN,       /* never shown to players */
    PL_ROLE__COUNT
};

/* Built-in icons a package may name (icon="leaf"); PL_ICON_NONE draws the counter's initial. */
enum {
    PL_ICON_NONE = 0, PL_ICON_LEAF, PL_ICON_PEOPLE, PL_ICON_SHOP, PL_ICON_COIN, PL_ICON_CLOCK,
    PL_ICON_STAR, PL_ICON_HEART, PL_ICON_GEAR, PL_ICON_SCALE, PL_ICON_FLAG, PL_ICON_HOUSE,
    PL_ICON_DROP, PL_ICON_BOLT, PL_ICON_BOOK, PL_ICON_SHIELD, PL_ICON_KEY, PL_ICON__COUNT
};

typedef struct {
    pl_text_t short_name;  /* used where the name does not fit (empty: the name) */
    const char *icon_file; /* a PNG inside the package folder (path as loaded), or NULL */
    uint32_t color;        /* PL_COLOR_SET | 0xRRGGBB, or 0 for the client's palette */
    uint8_t role;          /* PL_ROLE_* */
    uint8_t icon;          /* PL_ICON_* */
    int16_t order;         /* display order among the same role (ties keep declaration order) */
} pl_look_t;
#define PL_COLOR_SET 0x01000000u

typedef struct {
    const char *id;
    pl_text_t name;
    int32_t min, max, start;
    pl_look_t look;
} pl_counter_t;

typedef struct {
    const char *id;
    pl_text_t name;
    int32_t max;
    pl_look_t look;
} pl_token_t;

/* A card tag's label (a verbatim's speaker, a proposal's author, a prompt's theme). */
typedef struct {
    const char *id;
    pl_text_t label;
} pl_tag_t;

enum {
    PL_SCORE_COUNTER = 1, /* weight * counter[ref] */
    PL_SCORE_BALANCE,     /* weight * min(counters in mask) */
    PL_SCORE_SPREAD,      /* -weight * (max - min of counters in mask) */
    PL_SCORE_TARGET,      /* every seat gets weight when table counter ref >= threshold */
    PL_SCORE_BONUS,       /* weight when all conds hold for the seat */
    PL_SCORE_PRIORITY,    /* the seat's set-up card priorities, times weight */
    PL_SCORE__COUNT
};

typedef struct {
    uint8_t kind;
    uint16_t ref;
    uint32_t mask; /* counters, bit i = counter i */
    int32_t weight;
    int32_t threshold;
    pl_range_t conds;
    pl_text_t name;
} pl_score_rule_t;

typedef struct {
    uint8_t dice, sides;        /* movement roll */
    uint8_t hand;               /* refill the hand up to this at the end of a turn */
    uint8_t start_hand;         /* cards dealt at set-up */
    uint8_t cards_per_turn;     /* actions a seat may play before rolling */
    uint16_t max_rounds;        /* game ends after this round (0: no limit) */
    int16_t hand_deck;          /* deck hands draw from, -1 none */
    int16_t setup_deck;         /* deck dealt one card per seat at set-up, -1 none */
    uint8_t min_seats, max_seats, default_seats;
} pl_turn_rules_t;

typedef struct pl_arena pl_arena_t;

/* A loaded game. Built by engine/data (or by tests), read-only afterwards: one ruleset is
 * shared by every table that plays it, across threads. */
typedef struct pl_ruleset {
    const char *id;
    const char *version;
    pl_text_t title, description;
    pl_turn_rules_t turn;

    pl_counter_t counters[PL_MAX_COUNTERS];
    uint8_t n_counters;
    pl_counter_t table_counters[PL_MAX_TABLE_COUNTERS];
    uint8_t n_table_counters;
    pl_token_t tokens[PL_MAX_TOKENS];
    uint8_t n_tokens;
    pl_phase_t phases[PL_MAX_PHASES];
    uint8_t n_phases;
    pl_space_t spaces[PL_MAX_SPACES];
    uint8_t n_spaces;
    uint8_t start_space;
    pl_deck_t decks[PL_MAX_DECKS];
    uint8_t n_decks;

    /* flat growable arrays, referenced by pl_range_t */
    pl_card_t *cards;         uint32_t n_cards, cap_cards;
    pl_effect_t *effects;     uint32_t n_effects, cap_effects;
    pl_cond_t *conds;         uint32_t n_conds, cap_conds;
    pl_option_t *options;     uint32_t n_options, cap_options;
    pl_cost_t *costs;         uint32_t n_costs, cap_costs;
    pl_priority_t *priorities; uint32_t n_priorities, cap_priorities;
    pl_score_rule_t *scoring; uint32_t n_scoring, cap_scoring;

    pl_tag_t tags[PL_MAX_TAGS];
    uint8_t n_tags;
    pl_text_t table_label;    /* what the table's shared counters belong to ("the region"); empty: none */

    pl_range_t end_conds; /* the game ends when any of these holds for the table or any seat */
    uint8_t end_all_finished; /* the game ends when every seat has finished */

    pl_arena_t *arena; /* owns every string */
} pl_ruleset_t;

/* Create an empty ruleset (sane turn defaults, no board). NULL on allocation failure.
 * The caller owns it and frees it with pl_ruleset_destroy(); destroy(NULL) does nothing. */
pl_ruleset_t *pl_ruleset_create(void);
void pl_ruleset_destroy(pl_ruleset_t *rs);

/* Copy a string into the ruleset's arena; NULL on allocation failure (or when s is NULL). */
const char *pl_ruleset_strdup(pl_ruleset_t *rs, const char *s);

/* Reserve n contiguous zeroed slots in a flat array; returns the first index, or UINT32_MAX
 * on allocation failure. Pointers into the array are invalidated; keep indices. */
uint32_t pl_ruleset_add_cards(pl_ruleset_t *rs, uint32_t n);
uint32_t pl_ruleset_add_effects(pl_ruleset_t *rs, uint32_t n);
uint32_t pl_ruleset_add_conds(pl_ruleset_t *rs, uint32_t n);
uint32_t pl_ruleset_add_options(pl_ruleset_t *rs, uint32_t n);
uint32_t pl_ruleset_add_costs(pl_ruleset_t *rs, uint32_t n);
uint32_t pl_ruleset_add_priorities(pl_ruleset_t *rs, uint32_t n);
uint32_t pl_ruleset_add_scoring(pl_ruleset_t *rs, uint32_t n);

/* Lookups by id; -1 when absent. Linear: for loading and tools, not for the hot path. */
int pl_ruleset_counter(const pl_ruleset_t *rs, const char *id);
int pl_ruleset_table_counter(const pl_ruleset_t *rs, const char *id);
int pl_ruleset_token(const pl_ruleset_t *rs, const char *id);
int pl_ruleset_deck(const pl_ruleset_t *rs, const char *id);
int pl_ruleset_space(const pl_ruleset_t *rs, const char *id);
int pl_ruleset_phase(const pl_ruleset_t *rs, const char *id);
int pl_ruleset_card(const pl_ruleset_t *rs, const char *id);
int pl_ruleset_tag(const pl_ruleset_t *rs, const char *id);
/* The label of a card tag in lang; NULL when the package declares no label for it. */
const char *pl_tag_label(const pl_ruleset_t *rs, const char *tag, int lang);
/* A counter's or token's short label in lang, falling back to its name. Never NULL. */
const char *pl_short_name(const pl_text_t *name, const pl_look_t *look, int lang);

/* Finish a ruleset built by hand or by the loader: compute each space's main predecessor.
 * Call once after the board is complete. */
void pl_ruleset_link(pl_ruleset_t *rs);

/* French typography (typo.c): copies in to out (cap bytes, always terminated) with the space
 * before : ; ! ? and the closing guillemet, and after the opening one, made non-breaking, so
 * that no line of wrapped text starts with punctuation. Returns the length written. */
size_t pl_typo_fr(const char *in, char *out, size_t cap);

/* The text in lang, falling back to French, then to "". Never NULL. */
const char *pl_text(const pl_text_t *t, int lang);

/* Names of enum values as used in XML and on the wire ("counter", "self", "action"...). */
const char *pl_effect_name(int op);
const char *pl_target_name(int target);
const char *pl_card_kind_name(int kind);
const char *pl_space_kind_name(int kind);
const char *pl_horizon_name(int horizon);
int pl_card_kind_from_name(const char *s);   /* -1 when unknown */
int pl_space_kind_from_name(const char *s);  /* -1 when unknown */
int pl_horizon_from_name(const char *s);     /* -1 when unknown */
const char *pl_role_name(int role);          /* "resource", "lens", "hidden" */
int pl_role_from_name(const char *s);        /* -1 when unknown */
const char *pl_icon_name(int icon);          /* "none", "leaf"... */
int pl_icon_from_name(const char *s);        /* -1 when unknown */

#endif
