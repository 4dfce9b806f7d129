/* main.c -- plateau: the SDL client (hot-seat table by default, --connect for a server) */
#include <stdio.h>
#include <stdlib.h>
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include "client/app.h"

int main(int argc, char **argv)
{
    pc_opts_t o;
    char err[512];
    pc_opts_default(&o);
    int r = pc_opts_parse(&o, argc, argv, err, sizeof err);
    if (r > 0) return 0;
    if (r < 0) {
        fprintf(stderr, "plateau: %s\n", err);
        return 2;
    }
    if (o.screenshot) {
        setenv("SDL_VIDEODRIVER", "dummy", 0);
        o.software = 1;
        o.hidden = 1;
    }
    SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        fprintf(stderr, "plateau: cannot start SDL: %s\n", SDL_GetError());
        return 1;
    }
    IMG_Init(IMG_INIT_PNG);
    pc_app_t *a = pc_app_create(&o, err, sizeof err);
    if (!a) {
        fprintf(stderr, "plateau: %s\n", err);
        IMG_Quit();
        TTF_Quit();
        SDL_Quit();
        return 1;
    }
    int status = 0;
    if (o.screenshot) {
        /* --wait MS: let the window live that long first (a server's tables and views arrive) */
        Uint32 end = SDL_GetTicks() + (Uint32)o.wait_ms;
        while (o.wait_ms && !SDL_TICKS_PASSED(SDL_GetTicks(), end)) {
            SDL_Event ev;
            int wait = pc_app_tick(a);
            if (SDL_WaitEventTimeout(&ev, wait < 0 || wait > 20 ? 20 : wait)) {
                do
                    pc_app_event(a, &ev);
                while (SDL_PollEvent(&ev));
            }
        }
        pc_app_tick(a);
        pc_app_draw(a);
        if (!pc_app_save_png(a, o.screenshot)) {
            fprintf(stderr, "plateau: cannot save %s: %s\n", o.screenshot, SDL_GetError());
            status = 1;
        }
    } else {
        pc_app_run(a);
    }
    pc_app_destroy(a);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
    return status;
}
