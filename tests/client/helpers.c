/* helpers.c -- headless SDL set-up for the client tests and benchmark */
#include <stdio.h>
#include <stdlib.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include "client/link.h"
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include "helpers.h"

#ifndef TC_BUILD
#define TC_BUILD "build"
#endif

/* fontconfig and the system libraries keep caches for the process's life on purpose */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig\nleak:libSDL2\nleak:libdbus\nleak:libX11\nleak:libxcb\n"
           "leak:libfreetype\nleak:libglib\nleak:libcriterion\n";
}

const char *__lsan_default_options(void);
const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}

void tc_sdl_up(void)
{
    setenv("SDL_VIDEODRIVER", "dummy", 0);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    setenv("PLATEAU_LOCALEDIR", TC_BUILD "/locale", 1);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        abort();
    }
    IMG_Init(IMG_INIT_PNG);
}

void tc_sdl_down(void)
{
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

pc_app_t *tc_app(const char *dir, int w, int h, int humans)
{
    pc_opts_t o;
    char err[512];
    pc_opts_default(&o);
    o.game_dir = dir;
    o.w = w;
    o.h = h;
    o.humans = humans;
    o.seed = 42;
    o.bot_delay_ms = 0;
    o.seed_set = 1;
    o.software = 1;
    o.hidden = 1;
    o.no_save = 1; /* tests that save say so */
    pc_app_t *a = pc_app_create(&o, err, sizeof err);
    if (!a) fprintf(stderr, "pc_app_create: %s\n", err);
    return a;
}

pc_app_t *tc_app_flags(int w, int h, const char *const *flags)
{
    pc_opts_t o;
    char err[512];
    const char *argv[40] = { "plateau" };
    int argc = 1;
    for (int i = 0; flags && flags[i] && argc < 39; i++)
        argv[argc++] = flags[i];
    argv[argc] = NULL;
    pc_opts_default(&o);
    if (pc_opts_parse(&o, argc, (char **)argv, err, sizeof err) != 0) {
        fprintf(stderr, "pc_opts_parse: %s\n", err);
        return NULL;
    }
    o.w = w;
    o.h = h;
    o.bot_delay_ms = 0;
    o.software = 1;
    o.hidden = 1;
    o.no_save = 1;
    pc_app_t *a = pc_app_create(&o, err, sizeof err);
    if (!a)
        fprintf(stderr, "pc_app_create: %s\n", err);
    return a;
}

int tc_route(pc_app_t *const *apps, int n, const SDL_Event *ev)
{
    for (int i = 0; i < n; i++) {
        if (!apps[i])
            continue;
        if (pc_conn_handle(apps[i]->conn, ev)) {
            apps[i]->dirty = 1;
            return 1;
        }
        for (int k = 0; k < apps[i]->n_wall; k++)
            if (pc_conn_handle(apps[i]->wall_conn[k], ev)) {
                apps[i]->dirty = 1;
                return 1;
            }
    }
    return 0;
}

int tc_loop_apps(pc_app_t *const *apps, int n, int ms, pc_app_t *focus, int (*done)(void))
{
    Uint32 end = SDL_GetTicks() + (Uint32)ms;
    while (!SDL_TICKS_PASSED(SDL_GetTicks(), end)) {
        SDL_Event ev;
        int got = SDL_WaitEventTimeout(&ev, 10);
        while (got) {
            if (tc_route(apps, n, &ev))
                ;
            else if (ev.type >= SDL_USEREVENT && ev.user.code == PC_LINK_MESSAGE)
                free(ev.user.data1); /* a closed connection's */
            else if (focus && ev.type < SDL_USEREVENT)
                pc_app_event(focus, &ev);
            got = SDL_PollEvent(&ev);
        }
        for (int i = 0; i < n; i++)
            if (apps[i]) {
                pc_app_tick(apps[i]);
                pc_app_draw(apps[i]);
            }
        if (done && done())
            return 1;
    }
    return 0;
}

int tc_loop_until(pc_app_t *a, int ms, int (*done)(pc_app_t *))
{
    Uint32 end = SDL_GetTicks() + (Uint32)ms;
    while (!SDL_TICKS_PASSED(SDL_GetTicks(), end)) {
        SDL_Event ev;
        if (SDL_WaitEventTimeout(&ev, 10)) {
            pc_app_event(a, &ev);
            while (SDL_PollEvent(&ev))
                pc_app_event(a, &ev);
        }
        pc_app_tick(a);
        if (a->dirty)
            pc_app_draw(a);
        if (done && done(a))
            return 1;
    }
    return 0;
}

int tc_net_ready(pc_app_t *a)
{
    return pc_conn_state(a->conn) == PC_NET_READY;
}

int tc_at_table(pc_app_t *a)
{
    return a->session && a->session->kind == PC_SESSION_REMOTE && a->scr.screen == PC_SCREEN_TABLE;
}

void tc_key(SDL_Keycode k)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = k;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&ev);
}

void tc_number_key(int n)
{
    static const SDL_Scancode sc[12] = { SDL_SCANCODE_1, SDL_SCANCODE_2, SDL_SCANCODE_3, SDL_SCANCODE_4,
                                         SDL_SCANCODE_5, SDL_SCANCODE_6, SDL_SCANCODE_7, SDL_SCANCODE_8,
                                         SDL_SCANCODE_9, SDL_SCANCODE_0, SDL_SCANCODE_MINUS, SDL_SCANCODE_EQUALS };
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.scancode = sc[(n - 1) % 12];
    ev.key.keysym.sym = SDL_GetKeyFromScancode(ev.key.keysym.scancode);
    SDL_PushEvent(&ev);
}

static void click_at(pc_app_t *a, const pc_button_t *b)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_MOUSEBUTTONDOWN;
    ev.button.button = SDL_BUTTON_LEFT;
    ev.button.state = SDL_PRESSED;
    int ww = 1, wh = 1;
    SDL_GetWindowSize(a->win, &ww, &wh);
    float rx = (float)ww / (float)(a->gfx.win_w ? a->gfx.win_w : 1), ry = (float)wh / (float)(a->gfx.win_h ? a->gfx.win_h : 1);
    ev.button.x = (int)((a->gfx.ox + (b->x + b->w / 2) * a->gfx.s) * rx);
    ev.button.y = (int)((a->gfx.oy + (b->y + b->h / 2) * a->gfx.s) * ry);
    SDL_PushEvent(&ev);
}

int tc_click_arg(pc_app_t *a, int act, int arg)
{
    for (int i = 0; i < a->ui.n_btn; i++) {
        const pc_button_t *b = &a->ui.btn[i];
        if (b->act == act && b->enabled && (arg < 0 || b->arg == arg)) {
            click_at(a, b);
            return 1;
        }
    }
    return 0;
}

int tc_click(pc_app_t *a, int act)
{
    return tc_click_arg(a, act, -1);
}

void tc_pump(pc_app_t *a)
{
    SDL_Event ev;
    while (SDL_PollEvent(&ev))
        pc_app_event(a, &ev);
    pc_app_tick(a);
    pc_app_draw(a); /* the buttons of the new frame */
}

static char iso_dir[256];

const char *tc_isolate(void)
{
    mkdir(TC_BUILD "/tests", 0755);
    snprintf(iso_dir, sizeof iso_dir, TC_BUILD "/tests/client-home-XXXXXX");
    if (!mkdtemp(iso_dir))
        return NULL;
    char abs[1024], p[1200];
    if (!realpath(iso_dir, abs))
        return NULL;
    snprintf(p, sizeof p, "%s/config", abs);
    setenv("XDG_CONFIG_HOME", p, 1);
    snprintf(p, sizeof p, "%s/data", abs);
    setenv("XDG_DATA_HOME", p, 1);
    snprintf(p, sizeof p, "%s/cache", abs);
    setenv("XDG_CACHE_HOME", p, 1);
    return iso_dir;
}

void tc_rm_tree(const char *dir)
{
    char cmd[400];
    if (!dir || !*dir)
        return;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) {
    }
}

int tc_server_start(const char *dir, const char *games, int *port)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        char listen[64], db[400];
        snprintf(listen, sizeof listen, "127.0.0.1:%d", *port);
        snprintf(db, sizeof db, "%s/server.db", dir);
        dup2(fds[1], 2);
        close(fds[0]);
        int devnull = open("/dev/null", O_RDWR);
        if (devnull >= 0) {
            dup2(devnull, 0);
            dup2(devnull, 1);
        }
        char secret[420];
        snprintf(secret, sizeof secret, "%s/secret", dir); /* a facilitator secret when the test wrote one */
        if (access(secret, R_OK) == 0)
            execl(TC_BUILD "/plateau-server", TC_BUILD "/plateau-server", "--listen", listen, "--db", db, "--games",
                  games ? games : "game-data", "--sync", "normal", "--facilitator-secret-file", secret, (char *)NULL);
        else
            execl(TC_BUILD "/plateau-server", TC_BUILD "/plateau-server", "--listen", listen, "--db", db, "--games",
                  games ? games : "game-data", "--sync", "normal", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    FILE *f = fdopen(fds[0], "r");
    char line[512];
    int found = 0;
    while (!found && fgets(line, sizeof line, f)) {
        char *p = strstr(line, "(port ");
        if (strstr(line, "listening on") && p) {
            *port = atoi(p + 6);
            found = 1;
        }
    }
    if (fork() == 0) { /* keep draining the log so the server never blocks on it (to TC_SERVER_LOG if set) */
        int devnull = open("/dev/null", O_RDWR);
        if (devnull >= 0) { /* hold no pipe of the test runner's */
            dup2(devnull, 0);
            dup2(devnull, 1);
        }
        const char *log = getenv("TC_SERVER_LOG");
        FILE *out = log ? fopen(log, "a") : NULL;
        while (fgets(line, sizeof line, f))
            if (out)
                fputs(line, out), fflush(out);
        _exit(0);
    }
    fclose(f);
    return found ? pid : -1;
}

void tc_server_kill(int pid)
{
    if (pid <= 0)
        return;
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}
