/* app.h -- the client application: window and renderer, and the parts it composes: widgets (ui.h),
 * what is on screen (scr.h), the table session (session.h), the server connection (conn.h) */
#ifndef PC_APP_H
#define PC_APP_H

#include <stdio.h>
#include <SDL.h>
#include "client/gfx.h"
#include "client/ui.h"
#include "client/scr.h"
#include "client/session.h"
#include "client/conn.h"
#include "client/host.h"
#include "client/watch.h"
#include "client/debrief_set.h"
#include "client/export.h"

#define PC_VERSION "0.3.0"
#define PC_WALL_MAX 8          /* tables on the projection wall */

/* what a button does */
enum {
    PC_ACT_NONE = 0, PC_ACT_PLAY_HERE, PC_ACT_JOIN, PC_ACT_HOST, PC_ACT_SETTINGS, PC_ACT_BACK,
    PC_ACT_QUIT, PC_ACT_HOME, PC_ACT_CARD, PC_ACT_PLAY, PC_ACT_ROLL, PC_ACT_CHOOSE, PC_ACT_VOTE,
    PC_ACT_CURTAIN_OK, PC_ACT_REVEAL_OK, PC_ACT_PROMPT_DONE, PC_ACT_DETAIL_CLOSE, PC_ACT_LANG,
    PC_ACT_FULLSCREEN, PC_ACT_TEXTSIZE, PC_ACT_HUMANS, PC_ACT_NEW_GAME, PC_ACT_FIELD, PC_ACT_SERVER,
    PC_ACT_LAN_SERVER, PC_ACT_LAN_PROBE, PC_ACT_WATCH_TABLE, PC_ACT_SHOW_TABLE, PC_ACT_JOIN_SEAT,
    PC_ACT_JOIN_CODE, PC_ACT_REJOIN, PC_ACT_CREATE_FORM, PC_ACT_FORM_PKG, PC_ACT_FORM_SEATS,
    PC_ACT_FORM_BOT, PC_ACT_FORM_TIMER, PC_ACT_FORM_TAKE, PC_ACT_FORM_SUBMIT, PC_ACT_RESUME,
    PC_ACT_LEAVE, PC_ACT_CONFIRM_YES, PC_ACT_CONFIRM_NO, PC_ACT_LOG_SCROLL, PC_ACT_LOG_CARD,
    PC_ACT_SUMMARY_OK, PC_ACT_EVENT_OK, PC_ACT_SIDE_TAB,
    /* the facilitator's console (actions_console.c) */
    PC_ACT_CON_LOGIN, PC_ACT_CON_SELECT, PC_ACT_CON_SELECT_ALL, PC_ACT_CON_PAUSE, PC_ACT_CON_RESUME,
    PC_ACT_CON_TURN_TIMER, PC_ACT_CON_VOTE_TIMER, PC_ACT_CON_STANDIN, PC_ACT_CON_SAY, PC_ACT_CON_OPEN,
    PC_ACT_CON_BACK, PC_ACT_CON_SEAT_MODE, PC_ACT_CON_CODES, PC_ACT_CON_REVEAL_MENU, PC_ACT_CON_REVEAL,
    PC_ACT_CON_PLACE_MENU, PC_ACT_CON_PLACE_SEAT, PC_ACT_CON_PLACE, PC_ACT_CON_END, PC_ACT_CON_MENU_CLOSE,
    PC_ACT_CON_SHOW_SEAT, PC_ACT_CON_FOCUS, PC_ACT_KIOSK_START,
    /* the debrief (app_debrief.c) */
    PC_ACT_DEBRIEF, PC_ACT_CON_DEBRIEF, PC_ACT_DBF_TABLE, PC_ACT_DBF_PAGE, PC_ACT_DBF_SEAT, PC_ACT_DBF_SCROLL,
    PC_ACT_DBF_EXPORT, PC_ACT_DBF_BACK,
    PC_ACT__COUNT
};

/* what this window is for */
enum { PC_MODE_PLAY = 0, PC_MODE_CONSOLE, PC_MODE_PROJECT, PC_MODE_KIOSK };

typedef struct {
    const char *game_dir;     /* --game (NULL: the default package) */
    const char *font;         /* --font */
    const char *connect;      /* --connect ADDR:PORT */
    const char *screenshot;   /* --screenshot FILE */
    const char *screen;       /* --screen NAME: first screen or moment (see pc_app_stage) */
    const char *save_path;    /* --save FILE: the hot-seat save (default under XDG_DATA_HOME) */
    int no_save;              /* --no-save */
    int lang;                 /* PL_LANG_* */
    int w, h;                 /* window size */
    int humans;               /* human seats at the hot-seat table (1-8) */
    int seats;                /* seats at the table (0: the game's default) */
    uint64_t seed;
    int seed_set;
    int bot_delay_ms;         /* pause between bot moves so players can follow (0: at once) */
    int software;             /* software renderer (tests, screenshots) */
    int hidden;               /* no visible window (tests) */
    int fullscreen;
    /* the training day */
    const char *facilitator;  /* --facilitator ADDR:PORT: the console over every table of that server */
    const char *secret_file;  /* --secret-file FILE: the facilitator's secret on its first line */
    const char *project;      /* --project ADDR:PORT: a projection of that server's tables */
    int project_table;        /* --table N (0: the first live table, or cycle) */
    int wall;                 /* --wall: every table at once */
    int cycle_s;              /* --cycle S: one table after another (0: no cycling) */
    int kiosk;                /* --kiosk: event mode at one screen */
    int idle_min;             /* --idle-minutes N: back to the welcome screen after N minutes without input */
    int turn_timer_s;         /* --turn-timer S: hot-seat turn timer (kiosk default 90) */
    int vote_timer_s;         /* --vote-timer S */
    int turn_timer_set, vote_timer_set;
    int wait_ms;              /* --wait: before the screenshot */
    int watch;                /* --watch: reload the package when one of its files is saved */
} pc_opts_t;

typedef struct pc_app {
    pc_opts_t opt;
    SDL_Window *win;
    SDL_Renderer *ren;
    pc_gfx_t gfx;
    pc_ui_t ui;                /* the widgets of the last frame */
    pc_scr_t scr;              /* what is on screen */
    pc_session_t *session;     /* the table played or watched; NULL before one starts */
    pc_conn_t *conn;           /* the server connection; NULL in hot-seat play */
    struct pc_lan *lan;        /* LAN discovery; NULL until the lobby looks */
    pc_host_t host;            /* a server started from this client */
    pl_ruleset_t *rs;          /* the local game (hot-seat); owned */
    char game_dir[1024];
    char game_hash[65];        /* its content hash */
    char load_msg[512];        /* why the package could not be loaded */
    char save_path[1024];      /* where hot-seat games are kept ("" when not saved) */
    char resume_info[160];     /* "round 5, 14:02": a saved game to resume ("" when none) */
    char resume_err[300];      /* why the save cannot be resumed ("" when it can or none) */
    int mode;                  /* PC_MODE_* */
    char secret[160];          /* the facilitator's secret (from --secret-file, or typed once) */
    /* the projection wall: one connection and session per table */
    pc_conn_t *wall_conn[PC_WALL_MAX];
    pc_session_t *wall_session[PC_WALL_MAX];
    int wall_table[PC_WALL_MAX];
    int n_wall;
    uint32_t cycle_at;         /* ticks when the projection goes to the next table */
    uint32_t last_input;       /* ticks of the last key, click or touch (kiosk) */
    int login_sent;            /* the facilitator's login went out on this connection */
    pc_watch_t *watch;         /* --watch: the package folder */
    char watch_err[900];       /* why the last saved version does not load ("" when it does) */
    int reloads;               /* versions of the package loaded since the start */
    int table_opened;          /* --table N was opened in the console */
    pc_debrief_t *debrief;     /* the debrief on screen (kept while its screen may come back) */
    pc_export_t export_job;    /* the report being written */
    int lang;
    int text_size;             /* 0 small, 1 normal, 2 large */
    int fullscreen;
    int dirty;                 /* something changed: redraw */
    int quit;
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
/* Advance bots and timers, take what the session and the connection said; returns ms until it
 * needs to run again (-1: never). */
int pc_app_tick(pc_app_t *a);
/* Draw the current screen into the back buffer (no present). */
void pc_app_draw(pc_app_t *a);
/* Draw the current screen and present it. */
void pc_app_render(pc_app_t *a);
/* The main loop: waits for events, redraws only when something changed. Returns at quit. */
void pc_app_run(pc_app_t *a);

/* Put the app on a screen or a moment of play by name (see app_stage.c). 0 when unknown or not
 * reached. */
int pc_app_stage(pc_app_t *a, const char *name);
/* Start a new hot-seat game; returns 1 on success. */
int pc_app_new_game(pc_app_t *a);
/* Resume the saved hot-seat game; 1 on success, else 0 with a->resume_err filled. */
int pc_app_resume(pc_app_t *a);
/* The package saved again (--watch): load it; if it validates, the table starts again on the same seed with the
 * moves still legal; if not, its errors are shown and the game goes on with the last good version. */
void pc_app_reload(pc_app_t *a);
void pc_reload_banner(pc_app_t *a); /* its errors over the screen, when it does not load */
/* Leave the table (no question asked), back to the lobby or home. */
void pc_app_leave(pc_app_t *a);
void pc_app_set_screen(pc_app_t *a, int screen);
void pc_app_set_lang(pc_app_t *a, int lang);
void pc_app_set_text_size(pc_app_t *a, int size);
void pc_app_toggle_fullscreen(pc_app_t *a);
/* Connect to a server (the lobby shows it). */
void pc_app_connect(pc_app_t *a, const char *addr);
/* Perform what a button does (actions.c). */
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
void pc_screen_create(pc_app_t *a);
void pc_screen_console(pc_app_t *a);           /* screen_console.c: every table of the day */
void pc_screen_project(pc_app_t *a);           /* screen_project.c: one table for a projector */
void pc_screen_wall(pc_app_t *a);              /* screen_project.c: every table at once */
void pc_screen_welcome(pc_app_t *a);           /* screen_welcome.c: the kiosk's welcome */
void pc_screen_debrief(pc_app_t *a);           /* screen_debrief.c: a table's or the day's debrief */
/* The debrief (app_debrief.c): of the table played or watched (its log asked from the session), of the day from the
 * console (the tables chosen, else every table that is over), what comes back, its actions and its export. */
void pc_debrief_of_table(pc_app_t *a);
void pc_debrief_of_day(pc_app_t *a);
void pc_debrief_session_log(pc_app_t *a, const pc_sevent_t *e);
void pc_debrief_day_logs(pc_app_t *a);
int pc_debrief_action(pc_app_t *a, int act, int arg); /* 1 when act was one */
int pc_debrief_tick(pc_app_t *a);                     /* ms until needed again, -1 never */
/* The facilitator's bar over a table watched with the facilitator's view (screen_facil.c); 1 when drawn. */
int pc_facil_bar(pc_app_t *a);
/* The facilitator's actions (actions_console.c); 1 when act was one. */
int pc_console_action(pc_app_t *a, int act, int arg);
void pc_console_end_game(pc_app_t *a); /* the table watched (or in focus) ends now */
/* Console and projection: what the connection and the wall's connections said (tick_day.c); ms until needed. */
int pc_day_tick(pc_app_t *a);
/* The window's mode from its flags (console, projection, kiosk): 1 when one was started, 0 for plain play, -1 on
 * an error (err filled). */
int pc_app_start_day(pc_app_t *a, char *err, size_t errlen);
/* The kiosk's welcome: a new game with that many teams at the screen. */
int pc_console_kiosk_start(pc_app_t *a, int humans);
/* A pending choice or fork, in place of the hand (screen_choice.c): every option with its effects and button. */
void pc_choice_panel(pc_app_t *a, float x, float y, float w, float h);
/* A decorative strip of the board's phase colours across the window at y. */
void pc_ribbon(pc_app_t *a, float y);
/* Width (design units) of each card when the hand holds n cards. */
float pc_hand_card_width(int n);
/* Widths of the large card faces: the detail view and the vote / fiction overlays. */
#define PC_DETAIL_CARD_W 300.0f
#define PC_OVERLAY_CARD_W 250.0f
/* Overlays of the table (screen_overlay.c); return 1 when they took the screen. */
int pc_overlay_table(pc_app_t *a);
/* Whether a question or moment covers the table (what is below answers no pointer). */
int pc_overlay_modal(const pc_app_t *a);
/* The confirmation asked over any screen (screen_confirm.c); 1 when shown. */
int pc_overlay_confirm(pc_app_t *a);

#endif
