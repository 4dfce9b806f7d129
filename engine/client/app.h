/* app.h -- the client application: window, screens, input, the hot-seat game and the main loop */
#ifndef PC_APP_H
#define PC_APP_H

#include <SDL.h>
#include "client/gfx.h"
#include "client/game.h"

#define PC_VERSION "0.1.0"
#define PC_MAX_BUTTONS 160
#define PC_FICTION_SECONDS 60

enum { PC_SCREEN_HOME = 0, PC_SCREEN_TABLE, PC_SCREEN_END, PC_SCREEN_SETTINGS, PC_SCREEN_LOBBY,
       PC_SCREEN__COUNT };

/* what a button does */
enum {
    PC_ACT_NONE = 0, PC_ACT_PLAY_HERE, PC_ACT_JOIN, PC_ACT_HOST, PC_ACT_SETTINGS, PC_ACT_BACK,
    PC_ACT_QUIT, PC_ACT_HOME, PC_ACT_CARD, PC_ACT_PLAY, PC_ACT_ROLL, PC_ACT_CHOOSE, PC_ACT_VOTE,
    PC_ACT_CURTAIN_OK, PC_ACT_REVEAL_OK, PC_ACT_FICTION_DONE, PC_ACT_DETAIL_CLOSE, PC_ACT_LANG,
    PC_ACT_FULLSCREEN, PC_ACT_TEXTSIZE, PC_ACT_HUMANS, PC_ACT_NEW_GAME, PC_ACT_ADDR, PC_ACT_SERVER,
    PC_ACT_TIMEOUT, PC_ACT_CREATE_TABLE, PC_ACT_JOIN_TABLE, PC_ACT_LAN_SERVER, PC_ACT_LAN_PROBE, PC_ACT_WATCH_TABLE, PC_ACT__COUNT
};

typedef struct {
    float x, y, w, h;
    int act, arg;
    int enabled;
} pc_button_t;

typedef struct {
    const char *game_dir;     /* --game (NULL: the default package) */
    const char *font;         /* --font */
    const char *connect;      /* --connect ADDR:PORT */
    const char *screenshot;   /* --screenshot FILE */
    const char *screen;       /* --screen NAME: first screen (home table settings end lobby) */
    int lang;                 /* PL_LANG_* */
    int w, h;                 /* window size */
    int humans;               /* human seats at the hot-seat table (1-4) */
    int seats;                /* seats at the table (0: the game's default) */
    uint64_t seed;
    int bot_delay_ms;         /* pause between bot moves so players can follow (0: at once) */
    int software;             /* software renderer (tests, screenshots) */
    int hidden;               /* no visible window (tests) */
    int fullscreen;
} pc_opts_t;

typedef struct pc_app {
    pc_opts_t opt;
    SDL_Window *win;
    SDL_Renderer *ren;
    pc_gfx_t gfx;
    pl_ruleset_t *rs;          /* owned */
    char game_dir[1024];
    char load_msg[512];        /* why the package could not be loaded */
    pc_game_t *game;           /* owned; NULL before a game starts */
    int screen, prev_screen;
    int lang;
    int text_size;             /* 0 small, 1 normal, 2 large */
    int fullscreen;
    int dirty;                 /* something changed: redraw */
    int quit;
    /* table screen state */
    int detail_card;           /* card shown in detail, PL_NO_CARD when none */
    int curtain_seat;          /* hot-seat hand-over: seat asked to take the screen, -1 none */
    int shown_seat;            /* the seat whose hand is on screen */
    int preview_card;          /* the hand card shown large next to the list */
    uint32_t fiction_start;    /* SDL ticks when the fiction timer started, 0 when off */
    int fiction_left;          /* seconds left shown */
    uint32_t next_bot_at;      /* SDL ticks when the next bot may move */
    char flash[512];           /* a refusal or notice shown in the action bar */
    /* home screen */
    char addr[128];
    int addr_focus;
    char net_status[768];
    /* buttons of the last frame, for the mouse and keyboard */
    pc_button_t btn[PC_MAX_BUTTONS];
    int n_btn;
    int focus;                 /* index into btn, -1 none */
    int mouse_x, mouse_y;      /* design units */
    struct pc_net *net;        /* the server connection, NULL in hot-seat play */
    struct pc_lan *lan;        /* LAN discovery, NULL until the lobby opens */
    /* figures */
    unsigned long frames;
} pc_app_t;

/* Defaults for every option (French, 1280x720, 2 humans out of the game's default seats). */
void pc_opts_default(pc_opts_t *o);
/* Parse the command line; returns 0 to go on, 1 when the program should exit with status 0
 * (--help, --version), -1 on a bad flag (message in err). */
int pc_opts_parse(pc_opts_t *o, int argc, char **argv, char *err, size_t errlen);
void pc_opts_usage(FILE *f);

/* Open the window, renderer and fonts, load the game. NULL with err filled on failure.
 * SDL must be initialised with SDL_INIT_VIDEO first. */
pc_app_t *pc_app_create(const pc_opts_t *o, char *err, size_t errlen);
void pc_app_destroy(pc_app_t *a);

/* Handle one SDL event (sets a->dirty when the screen must change). */
void pc_app_event(pc_app_t *a, const SDL_Event *ev);
/* Advance bots and timers; returns milliseconds until it needs to run again (-1: never). */
int pc_app_tick(pc_app_t *a);
/* Draw the current screen into the back buffer (no present). */
void pc_app_draw(pc_app_t *a);
/* Draw the current screen (even if not dirty) and present it. */
void pc_app_render(pc_app_t *a);
/* The main loop: waits for events, redraws only when something changed. Returns at quit. */
void pc_app_run(pc_app_t *a);

/* Put the app on a screen or a moment of play by name: home settings lobby table detail curtain
 * vote reveal fiction choice end (the table moments are reached by letting bots play every
 * seat from the seed). Returns 0 when the name is unknown or the moment was not reached. */
int pc_app_stage(pc_app_t *a, const char *name);
/* Start a new hot-seat game; returns 1 on success. */
int pc_app_new_game(pc_app_t *a);
void pc_app_set_screen(pc_app_t *a, int screen);
void pc_app_set_lang(pc_app_t *a, int lang);
void pc_app_set_text_size(pc_app_t *a, int size);
void pc_app_toggle_fullscreen(pc_app_t *a);
/* Perform what a button does. */
void pc_app_action(pc_app_t *a, int act, int arg);

/* Save the last rendered frame as PNG; returns 1 on success. */
int pc_app_save_png(pc_app_t *a, const char *path);
/* Read the last rendered frame as RGB24 (w*h*3 bytes, caller frees with SDL_free). */
unsigned char *pc_app_read_rgb(pc_app_t *a, int *w, int *h);

/* Screens (screen_*.c): each draws itself and registers its buttons. */
void pc_screen_home(pc_app_t *a);
void pc_screen_table(pc_app_t *a);
void pc_screen_end(pc_app_t *a);
void pc_screen_settings(pc_app_t *a);
void pc_screen_lobby(pc_app_t *a);
/* Width (design units) of each card when the hand holds n cards. */
float pc_hand_card_width(int n);
/* Widths of the large card faces: the detail view and the vote / fiction overlays. */
#define PC_DETAIL_CARD_W 340.0f
#define PC_OVERLAY_CARD_W 290.0f
/* Overlays of the table (screen_overlay.c); return 1 when they took the screen. */
int pc_overlay_table(pc_app_t *a);

/* Buttons (ui.c) */
void pc_ui_begin(pc_app_t *a);
/* Add a button and draw it; style 0 primary, 1 secondary, 2 quiet. */
void pc_ui_button(pc_app_t *a, float x, float y, float w, float h, const char *label, int act,
                  int arg, int style, int enabled);
/* Register a clickable region drawn by the caller. */
void pc_ui_region(pc_app_t *a, float x, float y, float w, float h, int act, int arg);
int pc_ui_hover(const pc_app_t *a, float x, float y, float w, float h);
int pc_ui_focused(const pc_app_t *a, int act, int arg);
void pc_ui_panel(pc_app_t *a, float x, float y, float w, float h, const char *title);

#endif
