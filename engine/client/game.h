/* game.h -- a table in the client: the full state with bots on empty seats (hot-seat) or a seat's view (network), the log */
#ifndef PC_GAME_H
#define PC_GAME_H

#include <stddef.h>
#include "plateau.h"

#define PC_LOG_MAX 64
#define PC_LOG_LEN 240
#define PC_MAX_LENSES 4

typedef struct {
    const pl_ruleset_t *rs;
    pl_state_t st;                 /* the full state (the client is the authority in hot-seat) */
    int n_seats;
    unsigned human;                /* bitmask of seats played at this screen */
    pl_bot_t bot[PL_MAX_SEATS];
    int lang;                      /* PL_LANG_* for narration */
    /* what the counters mean on screen */
    int lens[PC_MAX_LENSES], n_lens;
    int budget, calendar;          /* counter indices, -1 when the game has none */
    /* narration: a ring of the last PC_LOG_MAX lines, with the seat they concern */
    char log[PC_LOG_MAX][PC_LOG_LEN];
    int log_seat[PC_LOG_MAX];
    int log_total;
    /* the last refusal (empty when the last move was accepted) */
    char refusal[256];
    /* moments the screen shows once */
    int reveal_pending;            /* a vote result waits to be shown */
    pl_vote_rec_t reveal;
    unsigned fiction_card;         /* a prompt card was revealed (PL_NO_CARD when none) */
    int fiction_seat;
    uint32_t moves;                /* accepted moves */
    /* network play: the state is this seat's view, moves go to the server */
    int remote;
    int my_seat;
    char team[PL_MAX_SEATS][40];   /* team names given to the server ("" when none) */
    int (*send)(void *ctx, const pl_move_t *mv);
    void *send_ctx;
} pc_game_t;

/* Set up a table of n_seats on rs (not owned; must outlive the game); seats in human_mask are
 * played at this screen, the others by greedy bots. NULL with err filled on failure. */
pc_game_t *pc_game_create(const pl_ruleset_t *rs, int n_seats, unsigned human_mask, uint64_t seed,
                          int lang, char *err, size_t errlen);
void pc_game_destroy(pc_game_t *g);

/* Narrate one event and note the moments it starts (a vote result, a fiction prompt). */
void pc_game_note_event(pc_game_t *g, const pl_event_t *ev);

/* Apply a move (network play: send it; the server's update follows); on refusal the reason (in g->lang) goes to g->refusal. Returns the code. */
int pc_game_apply(pc_game_t *g, const pl_move_t *mv);

/* The human seat that must act now (-1 when none: bots to play, or the game is over). */
int pc_game_human_to_act(const pc_game_t *g);
/* Let one bot seat that is expected make its move; returns 1 if a bot moved. */
int pc_game_bot_step(pc_game_t *g);
/* Whether a bot is expected to move now. */
int pc_game_bots_pending(const pc_game_t *g);

/* The i-th most recent log line (0 = newest); NULL past the end. seat gets the seat or -1. */
const char *pc_game_log(const pc_game_t *g, int i, int *seat);
void pc_game_logf(pc_game_t *g, int seat, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Index of the counter whose id starts with one of the prefixes (|-separated), or -1. */
int pc_game_find_counter(const pl_ruleset_t *rs, const char *prefixes);

#endif
