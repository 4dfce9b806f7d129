/* helpers.c -- headless SDL set-up for the client tests and benchmark */
#include <stdio.h>
#include <stdlib.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include "client/net.h"
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
    o.software = 1;
    o.hidden = 1;
    pc_app_t *a = pc_app_create(&o, err, sizeof err);
    if (!a) fprintf(stderr, "pc_app_create: %s\n", err);
    return a;
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
    return pc_net_state(a) == PC_NET_READY;
}

int tc_at_table(pc_app_t *a)
{
    return a->game && a->game->remote && a->screen == PC_SCREEN_TABLE;
}
