/* session.h -- one table as the screens see it: local (hot-seat: the core and its bots) or remote
 * (a server's, through the protocol). Screens read it and send intents; what happens comes back
 * as session events. Neither screens nor the app know which kind they have. */
#ifndef PC_SESSION_H
#define PC_SESSION_H

#include <stddef.h>
#include <stdint.h>
#include "plateau.h"
#include "client/conn.h"
#include "client/glog.h"

#define PC_TEAM_LEN 48
#define PC_LOG_LEN 200
#define PC_SEV_MAX 64

/* What a session tells the app, drained with pc_session_next(). */
enum {
    PC_SE_CHANGED = 1, /* the table changed: redraw */
    PC_SE_REFUSED,     /* the last intent was refused: text says why */
    PC_SE_VOTE_RESULT, /* a vote ended: its reveal is in the session */
    PC_SE_EVENT_CARD,  /* an event card was revealed to the table (card) */
    PC_SE_PROMPT,      /* a prompt (fiction) card was revealed (card, seat) */
    PC_SE_TURN_END,    /* seat's turn ended (hot-seat pacing shows what it caused) */
    PC_SE_OVER,        /* the game ended */
    PC_SE_NOTICE,      /* something to tell the players (text): a reconnection, a refused view */
    PC_SE_MESSAGE,     /* the facilitator sent the table a message (text) */
    PC_SE_LOG          /* the log asked with pc_session_ask_log() is here (seat 1), or cannot be had (seat 0, text: why) */
};

typedef struct {
    int type;
    int seat;
    int card;
    char text[256];
} pc_sevent_t;

/* One line of the timeline: both languages are kept, so a language switch rereads the game. */
enum { PC_LOG_PLAIN = 0, PC_LOG_TURN, PC_LOG_CARD };
typedef struct {
    uint16_t round;
    uint8_t seat;  /* 0xFF when about no seat */
    uint8_t kind;  /* PC_LOG_* */
    uint16_t card; /* the card the line is about (its detail opens from the log), PL_NO_CARD */
    char text[PL_LANG_COUNT][PC_LOG_LEN];
} pc_log_line_t;

typedef struct pc_session pc_session_t;

typedef struct {
    /* an intent of one of this screen's seats; the answer comes as events */
    void (*move)(pc_session_t *s, const pl_move_t *mv);
    /* bots and timers (local); returns ms until it needs to run again, -1 for never */
    int (*tick)(pc_session_t *s, uint32_t now_ms, int bots_may_play);
    void (*destroy)(pc_session_t *s);
    /* fill s->glog with the whole move log, now (local) or once the server sent it (remote); PC_SE_LOG says when */
    void (*ask_log)(pc_session_t *s);
} pc_session_ops_t;

enum { PC_SESSION_LOCAL = 1, PC_SESSION_REMOTE };

struct pc_session {
    const pc_session_ops_t *ops;
    int kind;                          /* PC_SESSION_* (for the status line only) */
    const pl_ruleset_t *rs;            /* not owned; outlives the session */
    pl_state_t st;                     /* the full state (local) or this screen's view (remote) */
    pl_state_t before;                 /* the table before the last move: narration context */
    int lang;                          /* narration language of new lines' first reading */
    unsigned mine;                     /* seats played at this screen */
    unsigned bots;                     /* seats played by bots */
    unsigned dropped;                  /* seats whose every device has dropped (remote) */
    int watching;                      /* an observer's or facilitator's view (remote) */
    char team[PL_MAX_SEATS][PC_TEAM_LEN]; /* "" for the default name */
    char title[96];                    /* "Table 3" (remote) or "" */
    uint32_t moves;                    /* accepted moves seen */
    /* moments the screens show once */
    int reveal_pending;
    pl_vote_rec_t reveal;
    uint16_t reveal_cards[PL_MAX_OPTIONS]; /* a vote over cards: the cards in play */
    uint32_t reveal_effect;            /* the vote effect (option labels), UINT32_MAX when unknown */
    uint16_t prompt_card;              /* a prompt to tell (PL_NO_CARD when none) */
    int prompt_seat;
    uint16_t event_card;               /* the last event revealed, shown until dismissed or next turn */
    int event_seat;
    uint32_t event_move;               /* the move that revealed it */
    /* the clock every screen shows: the server's (turn, vote, a prompt's telling time) or the hot-seat turn timer */
    int clock_kind;                    /* PC_CLOCK_* */
    uint32_t clock_total_s;
    uint32_t clock_deadline;           /* SDL ticks when it runs out (running) */
    uint32_t clock_left_ms;            /* what is left (frozen, while the table is held) */
    int clock_frozen;
    /* the facilitator's last message to the table ("" when none) and when it came (SDL ticks) */
    char message[300];
    uint32_t message_ticks;
    /* the whole move log, once asked for (the debrief) */
    pc_glog_t glog;
    int glog_ready;
    /* the timeline */
    pc_log_line_t *log;
    int log_n, log_cap;
    /* events for the app */
    pc_sevent_t ev[PC_SEV_MAX];
    int ev_head, ev_n;
};

/* ---- for screens and the app ------------------------------------------------------------- */

/* Send an intent: seat plays card, rolls, chooses or votes. */
void pc_session_move(pc_session_t *s, int type, int seat, int arg);
/* Run bots and timers; ms until needed again (-1: never). */
int pc_session_tick(pc_session_t *s, uint32_t now_ms, int bots_may_play);
/* Next event for the app; 0 when none is left. */
int pc_session_next(pc_session_t *s, pc_sevent_t *out);
void pc_session_destroy(pc_session_t *s); /* NULL: nothing */

/* The seat of this screen that must act now, -1 when none (bots or other devices to play, over).
 * In hot-seat, bots answer a vote first so that the last human ballot closes it. */
int pc_session_to_act(const pc_session_t *s);
/* Whether a seat is played by a bot (shown "(bot)" only then). */
int pc_session_is_bot(const pc_session_t *s, int seat);
/* The team's name in lang: the name it was given, else "Équipe 3". */
void pc_session_team(const pc_session_t *s, int seat, int lang, char *buf, size_t len);
/* The i-th line of the timeline from the newest (0), or NULL. */
const pc_log_line_t *pc_session_log(const pc_session_t *s, int i);
/* Milliseconds left on the clock at now (0 when none, or run out). */
uint32_t pc_session_clock_left(const pc_session_t *s, uint32_t now);
/* Dismiss what the screens showed once. */
void pc_session_reveal_done(pc_session_t *s);
void pc_session_prompt_done(pc_session_t *s);
void pc_session_event_done(pc_session_t *s);
/* Ask for the table's whole move log (the debrief: a game that is over, or any game for the facilitator); PC_SE_LOG
 * tells when s->glog holds it. */
void pc_session_ask_log(pc_session_t *s);
/* The log asked for, NULL until PC_SE_LOG said it is here. */
const pc_glog_t *pc_session_glog(const pc_session_t *s);
/* Language of the narration's first reading (both languages are kept anyway). */
void pc_session_set_lang(pc_session_t *s, int lang);

/* ---- for the implementations (session_local.c, session_remote.c) ------------------------- */

/* Set the common parts up (calloc'ed s of the implementation's size). */
void pc_session_init(pc_session_t *s, const pc_session_ops_t *ops, int kind, const pl_ruleset_t *rs, int lang);
void pc_session_fini(pc_session_t *s);
/* Queue an event for the app. */
void pc_session_emit(pc_session_t *s, int type, int seat, int card, const char *text);
/* The events of one accepted move (as this screen may see them), with s->before the table
 * before it: narration, moments, app events. */
void pc_session_take_events(pc_session_t *s, const pl_event_t *ev, int n);
/* A line in the timeline without an event (joined a table, reconnected...), both languages. */
void pc_session_note(pc_session_t *s, int seat, const char *fr, const char *en);

#endif
