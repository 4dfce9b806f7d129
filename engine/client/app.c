/* app.c -- the client application: window, renderer, the hot-seat game, screens and actions */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <SDL_image.h>
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/load.h"
#include "client/net.h"

/* the window icon: the four lens colours as quarters of a disc around a pawn, drawn at start */
static void set_icon(pc_app_t *a)
{
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_RGBA32);
    if (!surf) return;
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(surf);
    if (r) {
        pc_gfx_t g;
        memset(&g, 0, sizeof g);
        g.ren = r;
        g.s = 1;
        g.text_scale = 1;
        SDL_SetRenderDrawColor(r, 0, 0, 0, 0);
        SDL_RenderClear(r);
        for (int k = 0; k < 4; k++)
            pc_arc(&g, 32, 32, 30, 30, (float)k * 1.5708f - 3.1416f, (float)(k + 1) * 1.5708f - 3.1416f, pc_lens_color(k));
        pc_circle(&g, 32, 32, 15, pc_rgb(PC_BG));
        pc_circle(&g, 32, 32, 10, pc_rgb(PC_ACCENT));
        SDL_RenderPresent(r);
        SDL_SetWindowIcon(a->win, surf);
        SDL_DestroyRenderer(r);
    }
    SDL_FreeSurface(surf);
}

pc_app_t *pc_app_create(const pc_opts_t *o, char *err, size_t errlen)
{
    pc_app_t *a = calloc(1, sizeof *a);
    if (!a) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    a->opt = *o;
    a->lang = o->lang;
    a->text_size = 1;
    a->detail_card = PL_NO_CARD;
    a->curtain_seat = -1;
    a->shown_seat = -1;
    a->focus = -1;
    a->mouse_x = a->mouse_y = -1000;
    snprintf(a->addr, sizeof a->addr, "%s", o->connect ? o->connect : "127.0.0.1:7878");
    pc_i18n_init();
    pc_i18n_set_lang(a->lang);

    Uint32 wflags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o->hidden) wflags |= SDL_WINDOW_HIDDEN;
    if (o->fullscreen) wflags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    a->fullscreen = o->fullscreen;
    a->win = SDL_CreateWindow("Plateau", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o->w, o->h, wflags);
    if (!a->win) {
        snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        goto fail;
    }
    SDL_SetWindowMinimumSize(a->win, 640, 360);
    set_icon(a);
    if (!o->software) a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!a->ren) a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->ren) {
        snprintf(err, errlen, "cannot create a renderer: %s", SDL_GetError());
        goto fail;
    }
    if (!pc_gfx_init(&a->gfx, a->ren, o->font, err, errlen)) goto fail;

    if (o->game_dir) snprintf(a->game_dir, sizeof a->game_dir, "%s", o->game_dir);
    else if (!pc_default_game_dir(a->game_dir, sizeof a->game_dir))
        snprintf(a->game_dir, sizeof a->game_dir, "game-data/achats-durables");
    a->rs = pc_load_game(a->game_dir, a->load_msg, sizeof a->load_msg);
    if (!a->rs && o->game_dir) { /* an explicit --game that fails is an error */
        snprintf(err, errlen, "%s", a->load_msg);
        goto fail;
    }

    if (o->screen) {
        if (!pc_app_stage(a, o->screen)) {
            snprintf(err, errlen, "cannot show screen %s (names: home settings lobby table detail "
                     "curtain vote reveal fiction choice end)", o->screen);
            goto fail;
        }
    } else if (o->connect) {
        pc_app_set_screen(a, PC_SCREEN_LOBBY);
        pc_net_connect(a, o->connect);
    } else if (pc_app_new_game(a)) {
        pc_app_set_screen(a, PC_SCREEN_TABLE);
    } else {
        pc_app_set_screen(a, PC_SCREEN_HOME);
    }
    return a;
fail:
    pc_app_destroy(a);
    return NULL;
}

void pc_app_destroy(pc_app_t *a)
{
    if (!a) return;
    pc_net_close(a);
    pc_lan_close(a);
    pc_game_destroy(a->game);
    pl_ruleset_destroy(a->rs);
    if (a->ren) pc_gfx_fini(&a->gfx);
    if (a->ren) SDL_DestroyRenderer(a->ren);
    if (a->win) SDL_DestroyWindow(a->win);
    free(a);
}

int pc_app_new_game(pc_app_t *a)
{
    char err[256];
    if (!a->rs) return 0;
    int seats = a->opt.seats ? a->opt.seats : a->rs->turn.default_seats;
    if (seats < a->rs->turn.min_seats) seats = a->rs->turn.min_seats;
    if (seats > a->rs->turn.max_seats && a->rs->turn.max_seats) seats = a->rs->turn.max_seats;
    if (seats < 1) seats = 4;
    if (seats > PL_MAX_SEATS) seats = PL_MAX_SEATS;
    int humans = a->opt.humans < seats ? a->opt.humans : seats;
    unsigned mask = (1u << humans) - 1u;
    uint64_t seed = a->opt.seed ? a->opt.seed : (uint64_t)time(NULL) ^ SDL_GetPerformanceCounter();
    pc_game_t *g = pc_game_create(a->rs, seats, mask, seed, a->lang, err, sizeof err);
    if (!g) {
        snprintf(a->load_msg, sizeof a->load_msg, "%s", err);
        return 0;
    }
    pc_game_destroy(a->game);
    a->game = g;
    pc_game_logf(g, -1, "%s", _("A new table is set. Good game!"));
    a->detail_card = PL_NO_CARD;
    a->curtain_seat = -1;
    a->shown_seat = -1;
    a->fiction_start = 0;
    a->flash[0] = 0;
    a->next_bot_at = 0;
    a->dirty = 1;
    return 1;
}

void pc_app_set_screen(pc_app_t *a, int screen)
{
    if (screen != a->screen) a->prev_screen = a->screen;
    a->screen = screen;
    a->focus = -1;
    a->flash[0] = 0;
    a->dirty = 1;
}

void pc_app_set_lang(pc_app_t *a, int lang)
{
    a->lang = lang;
    pc_i18n_set_lang(lang);
    if (a->game) a->game->lang = lang;
    a->dirty = 1;
}

void pc_app_set_text_size(pc_app_t *a, int size)
{
    static const float scales[3] = {0.88f, 1.0f, 1.15f};
    if (size < 0 || size > 2) return;
    a->text_size = size;
    a->gfx.text_scale = scales[size];
    pc_gfx_flush(&a->gfx);
    a->dirty = 1;
}

void pc_app_toggle_fullscreen(pc_app_t *a)
{
    a->fullscreen = !a->fullscreen;
    SDL_SetWindowFullscreen(a->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
    pc_gfx_resize(&a->gfx);
    a->dirty = 1;
}

static void draw_background(pc_app_t *a)
{
    SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_NONE);
    SDL_Color bg = pc_rgb(PC_BG);
    SDL_SetRenderDrawColor(a->ren, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(a->ren);
}

void pc_app_draw(pc_app_t *a)
{
    pc_gfx_resize(&a->gfx);
    draw_background(a);
    pc_ui_begin(a);
    switch (a->screen) {
    case PC_SCREEN_HOME: pc_screen_home(a); break;
    case PC_SCREEN_TABLE: pc_screen_table(a); break;
    case PC_SCREEN_END: pc_screen_end(a); break;
    case PC_SCREEN_SETTINGS: pc_screen_settings(a); break;
    case PC_SCREEN_LOBBY: pc_screen_lobby(a); break;
    default: break;
    }
    if (a->focus >= a->n_btn) a->focus = -1;
    pc_gfx_end_frame(&a->gfx);
    a->frames++;
    a->dirty = 0;
}

void pc_app_render(pc_app_t *a)
{
    pc_app_draw(a);
    SDL_RenderPresent(a->ren);
}

unsigned char *pc_app_read_rgb(pc_app_t *a, int *w, int *h)
{
    int ww, hh;
    SDL_GetRendererOutputSize(a->ren, &ww, &hh);
    unsigned char *px = SDL_malloc((size_t)ww * (size_t)hh * 3);
    if (!px) return NULL;
    if (SDL_RenderReadPixels(a->ren, NULL, SDL_PIXELFORMAT_RGB24, px, ww * 3) != 0) {
        SDL_free(px);
        return NULL;
    }
    *w = ww;
    *h = hh;
    return px;
}

int pc_app_save_png(pc_app_t *a, const char *path)
{
    int w, h;
    unsigned char *px = pc_app_read_rgb(a, &w, &h);
    if (!px) return 0;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(px, w, h, 24, w * 3, SDL_PIXELFORMAT_RGB24);
    int ok = s && IMG_SavePNG(s, path) == 0;
    SDL_FreeSurface(s);
    SDL_free(px);
    return ok;
}

static void take_screenshot(pc_app_t *a)
{
    char path[64];
    time_t t = time(NULL);
    struct tm tmv;
    localtime_r(&t, &tmv);
    strftime(path, sizeof path, "plateau-%Y%m%d-%H%M%S.png", &tmv);
    if (pc_app_save_png(a, path)) snprintf(a->flash, sizeof a->flash, _("Screenshot saved: %s"), path);
    else snprintf(a->flash, sizeof a->flash, _("Screenshot failed: %s"), SDL_GetError());
    a->dirty = 1;
}

void pc_app_run(pc_app_t *a)
{
    a->dirty = 1;
    while (!a->quit) {
        if (a->dirty) pc_app_render(a);
        int wait = pc_app_tick(a);
        if (a->dirty) continue;
        SDL_Event ev;
        int want_shot = 0;
        int got = wait < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, wait);
        while (got) {
            if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_F12) want_shot = 1;
            else pc_app_event(a, &ev);
            got = SDL_PollEvent(&ev);
        }
        if (want_shot) { /* the frame as it is on screen, before the notice of the capture */
            pc_app_draw(a);
            take_screenshot(a);
        }
    }
}
