/* scr.h -- what is on screen: the current screen, the table screen's moments and dialogs, the forms */
#ifndef PC_SCR_H
#define PC_SCR_H

#include <stdint.h>
#include "plateau.h"
#include "client/conn.h"

enum {
    PC_SCREEN_HOME = 0, PC_SCREEN_TABLE, PC_SCREEN_END, PC_SCREEN_SETTINGS, PC_SCREEN_LOBBY,
    PC_SCREEN_CREATE, PC_SCREEN_CONSOLE, PC_SCREEN_PROJECT, PC_SCREEN_WALL, PC_SCREEN_WELCOME, PC_SCREEN_DEBRIEF,
    PC_SCREEN__COUNT
};

/* A question asked over the screen before something is lost or left. */
enum { PC_CONFIRM_NONE = 0, PC_CONFIRM_LEAVE, PC_CONFIRM_QUIT, PC_CONFIRM_END_GAME };

/* Text fields that take typing. */
enum { PC_FIELD_NONE = 0, PC_FIELD_ADDR, PC_FIELD_CODE, PC_FIELD_JOIN_TEAM, PC_FIELD_SECRET, PC_FIELD_SAY,
       PC_FIELD_TEAM0 /* + seat */ };

#define PC_FIELD_LEN 64

/* The create-a-table form of the lobby. */
typedef struct {
    int pkg;                          /* index in the server's packages */
    int seats;
    unsigned bots;
    char team[PL_MAX_SEATS][PC_FIELD_LEN];
    int timer;                        /* seconds, 0 none */
    int take;                         /* the seat this device takes, -1 none */
} pc_form_t;

typedef struct {
    int screen, prev_screen;
    /* the table screen */
    int detail_card;                  /* card shown whole, PL_NO_CARD when none */
    int curtain_seat;                 /* hot-seat: seat asked to take the screen, -1 none */
    int shown_seat;                   /* seat whose hand is on screen */
    int preview_card;                 /* the hand card shown large beside the list */
    int summary_seat;                 /* hot-seat: seat whose turn's consequences are shown, -1 none */
    int summary_from;                 /* first timeline line of that turn */
    int confirm;                      /* PC_CONFIRM_* */
    int log_scroll;                   /* timeline lines scrolled back from the newest */
    int side_tab;                     /* the side panel shows 0 the mire, 1 the scores */
    uint32_t event_at;                /* ticks when the event on screen was revealed */
    uint32_t prompt_start;            /* ticks when the prompt's countdown started, 0 when off */
    int prompt_left;                  /* seconds left shown */
    uint32_t clock_shown;             /* the clock's seconds on screen (redraw when they change) */
    uint32_t message_until;           /* ticks when the facilitator's message leaves the screen */
    char flash[512];                  /* a refusal or notice shown in the action bar */
    /* home and lobby */
    int field;                        /* PC_FIELD_* being typed in */
    char addr[128];
    char code[16];
    char join_team[PC_FIELD_LEN];
    int join_table;                   /* table whose seats are listed, 0 none */
    int lobby_scroll;
    pc_form_t form;
    /* the facilitator's console */
    char secret[160];                 /* typed secret (never drawn) */
    char say[300];                    /* a message being written */
    uint64_t selected;                /* tables chosen on the dashboard (bit: index in the connection's list) */
    int focus_table;                  /* the table whose seats are shown beside the dashboard (0 none) */
    int facil_menu;                   /* over a watched table: 0 none, 1 reveal a card, 2 place a team */
    int place_seat;                   /* the team being placed */
    int menu_scroll;
    /* the projection */
    int wall_page;
    /* the debrief */
    int dbf_table;                    /* the table shown (index in the debrief), -1 the day */
    int dbf_page;                     /* its tab */
    int dbf_seat;                     /* the mire of one team, -1 every team */
    int dbf_scroll;                   /* the first block shown of a long page */
    int dbf_return;                   /* the screen Back goes to */
} pc_scr_t;

void pc_scr_init(pc_scr_t *s);

#endif
