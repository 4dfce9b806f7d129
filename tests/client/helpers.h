/* helpers.h -- shared set-up of the headless client tests and benchmark (dummy video, software renderer) */
#ifndef TC_HELPERS_H
#define TC_HELPERS_H

#include "client/app.h"

#define TC_FIXTURE "tests/client/fixture"
#define TC_SHIPPED "game-data/achats-durables"
#define TC_RIVIERE "tests/fixtures/packages/riviere" /* a second game: other counters, icons, words */

/* Start SDL headless (SDL_VIDEODRIVER=dummy) and point gettext at the build's catalogs. */
void tc_sdl_up(void);
void tc_sdl_down(void);
/* A hidden software-rendered app of w x h on game dir, seed 42, bots without pause. */
pc_app_t *tc_app(const char *dir, int w, int h, int humans);
/* A hidden software-rendered app made from the program's own flags ("--facilitator", "127.0.0.1:7878", ...). */
pc_app_t *tc_app_flags(int w, int h, const char *const *flags);
/* Several apps in one process: give an SDL event of a connection to the app it belongs to; 1 when taken. */
int tc_route(pc_app_t *const *apps, int n, const SDL_Event *ev);
/* Several apps (NULL entries skipped) run together for up to ms, or until done() (NULL: the whole ms): the network's
 * events go to their owners, input events to focus (NULL: nobody), each app ticks and draws. 1 when done said so. */
int tc_loop_apps(pc_app_t *const *apps, int n, int ms, pc_app_t *focus, int (*done)(void));
/* Run the app's loop (events, ticks, draws) for up to ms, or until done(a) (NULL: the whole ms):
 * 1 when done said so. */
int tc_loop_until(pc_app_t *a, int ms, int (*done)(pc_app_t *));
int tc_net_ready(pc_app_t *a); /* greeted by the server */
int tc_at_table(pc_app_t *a);  /* a table of the server shown */

/* Input as a player gives it: a key by its code (number keys by their position on the row, as
 * SDL reports them), a left click at the centre of the first enabled button doing act (0 when
 * there is none), and one turn of the app's loop (events, tick, draw). */
void tc_key(SDL_Keycode k);
void tc_number_key(int n); /* 1-12: the number row's keys */
int tc_click(pc_app_t *a, int act);
int tc_click_arg(pc_app_t *a, int act, int arg);
void tc_pump(pc_app_t *a);
/* A real plateau-server of this build on 127.0.0.1 (port 0: any free one), its database in dir,
 * packages from games (NULL: game-data), the facilitator secret of dir/secret when that file exists. Returns its pid
 * (port filled) or -1. */
int tc_server_start(const char *dir, const char *games, int *port);
void tc_server_kill(int pid);
/* Isolated XDG folders (config, data, cache) under a fresh temporary folder; the caller removes
 * it with tc_rm_tree. Returns the folder. */
const char *tc_isolate(void);
void tc_rm_tree(const char *dir);

#endif
