/* app.c -- the client application: window, renderer, the table session and the connection, the main loop */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <SDL_image.h>
#include "data/package.h"
#include "client/app.h"
#include "client/art.h"
#include "client/i18n.h"
#include "client/lan.h"
#include "client/load.h"
#include "client/save.h"
#include "client/session_local.h"
#include "client/session_remote.h"

void pc_scr_init(pc_scr_t *s)
{
    memset(s, 0, sizeof *s);
    s->detail_card = PL_NO_CARD;
    s->curtain_seat = -1;
    s->shown_seat = -1;
    s->preview_card = PL_NO_CARD;
    s->summary_seat = -1;
    s->form.take = 0;
}

/* the window icon: four coloured quarters of a disc around a pawn, drawn at start */
static void set_icon(pc_app_t *a)
{
    static const unsigned quarters[4] = { 0x4FAE5Bu, 0xE0677Fu, 0xF09A3Eu, 0x4A90D9u };
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_RGBA32);
    if (!surf)
        return;
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
            pc_arc(&g, 32, 32, 30, 30, (float)k * 1.5708f - 3.1416f, (float)(k + 1) * 1.5708f - 3.1416f, pc_rgb(quarters[k]));
        pc_circle(&g, 32, 32, 15, pc_rgb(PC_BG));
        pc_circle(&g, 32, 32, 10, pc_rgb(PC_ACCENT));
        SDL_RenderPresent(r);
        SDL_SetWindowIcon(a->win, surf);
        SDL_DestroyRenderer(r);
    }
    SDL_FreeSurface(surf);
}

/* what the saved hot-seat game is, for the home screen's "resume" button */
static void look_for_save(pc_app_t *a)
{
    a->resume_info[0] = a->resume_err[0] = 0;
    if (!a->save_path[0] || !a->rs)
        return;
    pc_save_t sv;
    char err[400];
    if (pc_save_read(a->save_path, &sv, err, sizeof err) != 0) {
        FILE *f = fopen(a->save_path, "r");
        if (f) { /* there, but unreadable: say so (the file is left as it is) */
            fclose(f);
            snprintf(a->resume_err, sizeof a->resume_err, "%s", _("The saved game cannot be read: it is damaged."));
        }
        return;
    }
    /* replayed to know whether it is over and which round it reached */
    pl_state_t *st = malloc(sizeof *st);
    if (st && !strcmp(sv.package, a->rs->id ? a->rs->id : "") && !strcmp(sv.hash, a->game_hash)) {
        pl_error_t e;
        if (pl_replay(a->rs, sv.n_seats, sv.seed, sv.moves, sv.n_moves, st, NULL, NULL, &e) == PL_OK &&
            st->wait != PL_WAIT_OVER) {
            char when[32] = "";
            time_t t = (time_t)sv.started;
            struct tm tmv;
            if (t > 0 && localtime_r(&t, &tmv))
                strftime(when, sizeof when, "%d/%m %H:%M", &tmv);
            snprintf(a->resume_info, sizeof a->resume_info, _("round %d, started %s"), st->round, when);
        } else if (st->wait != PL_WAIT_OVER) {
            snprintf(a->resume_err, sizeof a->resume_err, "%s", _("The saved game is damaged: it cannot be resumed."));
        }
    } else if (st) {
        snprintf(a->resume_err, sizeof a->resume_err, "%s",
                 _("The saved game belongs to another game or another version of it."));
    }
    free(st);
    pc_save_free(&sv);
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
    pc_scr_init(&a->scr);
    snprintf(a->scr.addr, sizeof a->scr.addr, "%s", o->connect ? o->connect : "127.0.0.1:7878");
    pc_i18n_init();
    pc_i18n_set_lang(a->lang);

    Uint32 wflags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o->hidden)
        wflags |= SDL_WINDOW_HIDDEN;
    if (o->fullscreen)
        wflags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    a->fullscreen = o->fullscreen;
    a->win = SDL_CreateWindow("Plateau", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o->w, o->h, wflags);
    if (!a->win) {
        snprintf(err, errlen, "cannot open a window: %s", SDL_GetError());
        goto fail;
    }
    SDL_SetWindowMinimumSize(a->win, 640, 360);
    set_icon(a);
    if (!o->software)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!a->ren)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->ren) {
        snprintf(err, errlen, "cannot create a renderer: %s", SDL_GetError());
        goto fail;
    }
    if (!pc_gfx_init(&a->gfx, a->ren, o->font, err, errlen))
        goto fail;
    pc_ui_init(&a->ui, &a->gfx);

    if (o->game_dir)
        snprintf(a->game_dir, sizeof a->game_dir, "%s", o->game_dir);
    else if (!pc_default_game_dir(a->game_dir, sizeof a->game_dir))
        snprintf(a->game_dir, sizeof a->game_dir, "game-data");
    a->rs = pc_load_game(a->game_dir, a->load_msg, sizeof a->load_msg);
    if (!a->rs && o->game_dir && !o->watch) { /* an explicit --game that fails is an error (but for --watch) */
        snprintf(err, errlen, "%s", a->load_msg);
        goto fail;
    }
    if (a->rs && pl_package_hash(a->game_dir, a->game_hash, a->load_msg, sizeof a->load_msg) != 0)
        a->game_hash[0] = 0;
    if (o->no_save)
        a->save_path[0] = 0;
    else if (o->save_path)
        snprintf(a->save_path, sizeof a->save_path, "%s", o->save_path);
    else if (!pc_save_default_path(a->save_path, sizeof a->save_path))
        a->save_path[0] = 0;
    look_for_save(a);

    if (o->watch) {
        a->watch = pc_watch_start(a->game_dir, err, errlen);
        if (!a->watch)
            goto fail;
        if (!a->rs) /* the package may be broken at the start too: its errors show, the next save loads it */
            pc_app_reload(a);
    }
    int day = pc_app_start_day(a, err, errlen);
    if (day < 0)
        goto fail;
    if (day > 0 && !o->screen)
        return a;
    if (o->screen) {
        if (!pc_app_stage(a, o->screen)) {
            snprintf(err, errlen, "cannot show screen %s (names: home settings lobby create table detail curtain "
                     "vote reveal fiction choice event summary leave end)", o->screen);
            goto fail;
        }
    } else if (o->connect) {
        pc_app_connect(a, o->connect);
    } else if (a->resume_info[0] || a->resume_err[0]) {
        pc_app_set_screen(a, PC_SCREEN_HOME); /* a saved game: offer it before anything is replaced */
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

static void drop_session(pc_app_t *a)
{
    pc_session_destroy(a->session);
    a->session = NULL;
    a->scr.detail_card = PL_NO_CARD;
    a->scr.curtain_seat = -1;
    a->scr.shown_seat = -1;
    a->scr.summary_seat = -1;
    a->scr.prompt_start = 0;
    a->scr.log_scroll = 0;
    a->scr.confirm = PC_CONFIRM_NONE;
}

void pc_app_destroy(pc_app_t *a)
{
    if (!a)
        return;
    drop_session(a); /* before the connection it listens to */
    pc_export_wait(&a->export_job); /* a report being written is finished, not left half-way */
    pc_debrief_destroy(a->debrief);
    for (int i = 0; i < a->n_wall; i++) {
        pc_session_destroy(a->wall_session[i]);
        pc_conn_close(a->wall_conn[i]);
    }
    pc_conn_close(a->conn);
    pc_lan_close(a);
    pc_watch_stop(a->watch);
    pc_host_stop(&a->host);
    pl_ruleset_destroy(a->rs);
    if (a->ren)
        pc_gfx_fini(&a->gfx);
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    if (a->win)
        SDL_DestroyWindow(a->win);
    free(a);
}

static void local_opts(pc_app_t *a, pc_local_opts_t *lo)
{
    memset(lo, 0, sizeof *lo);
    lo->rs = a->rs;
    lo->package_hash = a->game_hash;
    lo->lang = a->lang;
    lo->bot_delay_ms = a->opt.bot_delay_ms;
    lo->turn_timer_s = a->opt.turn_timer_s;
    lo->vote_timer_s = a->opt.vote_timer_s;
    lo->save_path = a->save_path[0] && a->game_hash[0] ? a->save_path : NULL;
}

int pc_app_new_game(pc_app_t *a)
{
    char err[256];
    if (!a->rs)
        return 0;
    int seats = a->opt.seats ? a->opt.seats : a->rs->turn.default_seats;
    if (seats < a->rs->turn.min_seats)
        seats = a->rs->turn.min_seats;
    if (seats > a->rs->turn.max_seats && a->rs->turn.max_seats)
        seats = a->rs->turn.max_seats;
    if (seats < 1)
        seats = 4;
    if (seats > PL_MAX_SEATS)
        seats = PL_MAX_SEATS;
    int humans = a->opt.humans < seats ? a->opt.humans : seats;
    pc_local_opts_t lo;
    local_opts(a, &lo);
    lo.n_seats = seats;
    lo.human = (1u << humans) - 1u;
    lo.seed = a->opt.seed_set ? a->opt.seed : (uint64_t)time(NULL) ^ SDL_GetPerformanceCounter();
    pc_session_t *s = pc_session_local_create(&lo, err, sizeof err);
    if (!s) {
        snprintf(a->load_msg, sizeof a->load_msg, "%s", err);
        return 0;
    }
    pc_conn_close(a->conn); /* a hot-seat table at this screen: no server */
    a->conn = NULL;
    drop_session(a);
    a->session = s;
    a->resume_info[0] = a->resume_err[0] = 0;
    a->scr.flash[0] = 0;
    if (pc_session_local_save_error(s)[0])
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s %s", _("This game will not be saved:"), pc_session_local_save_error(s));
    a->dirty = 1;
    return 1;
}

int pc_app_resume(pc_app_t *a)
{
    char err[sizeof a->resume_err];
    if (!a->rs || !a->save_path[0]) {
        snprintf(a->resume_err, sizeof a->resume_err, "%s", _("No saved game."));
        return 0;
    }
    pc_local_opts_t lo;
    local_opts(a, &lo);
    lo.save_path = a->save_path;
    pc_session_t *s = pc_session_local_resume(&lo, err, sizeof err);
    if (!s) {
        snprintf(a->resume_err, sizeof a->resume_err, "%s", err);
        a->dirty = 1;
        return 0;
    }
    pc_conn_close(a->conn);
    a->conn = NULL;
    drop_session(a);
    a->session = s;
    a->resume_info[0] = a->resume_err[0] = 0;
    pc_app_set_screen(a, s->st.wait == PL_WAIT_OVER ? PC_SCREEN_END : PC_SCREEN_TABLE);
    return 1;
}

void pc_app_leave(pc_app_t *a)
{
    int remote = a->session && a->session->kind == PC_SESSION_REMOTE;
    drop_session(a);
    if (remote && a->conn) {
        pc_conn_leave(a->conn);
        pc_app_set_screen(a, a->mode == PC_MODE_CONSOLE ? PC_SCREEN_CONSOLE : PC_SCREEN_LOBBY);
    } else if (a->mode == PC_MODE_KIOSK) {
        pc_app_set_screen(a, PC_SCREEN_WELCOME); /* the game stays saved for the debrief */
    } else {
        look_for_save(a); /* the game left stays on disk: home offers it again */
        pc_app_set_screen(a, PC_SCREEN_HOME);
    }
}

void pc_app_connect(pc_app_t *a, const char *addr)
{
    char err[300];
    drop_session(a);
    pc_conn_close(a->conn);
    a->conn = pc_conn_open(addr, a->lang, err, sizeof err);
    if (!a->conn)
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", err);
    else
        a->scr.flash[0] = 0;
    pc_app_set_screen(a, PC_SCREEN_LOBBY);
}

void pc_app_set_screen(pc_app_t *a, int screen)
{
    if (screen != a->scr.screen)
        a->scr.prev_screen = a->scr.screen;
    a->scr.screen = screen;
    a->ui.focus = -1;
    a->scr.field = PC_FIELD_NONE;
    a->scr.confirm = PC_CONFIRM_NONE;
    a->dirty = 1;
}

void pc_app_set_lang(pc_app_t *a, int lang)
{
    a->lang = lang;
    pc_i18n_set_lang(lang);
    if (a->session)
        pc_session_set_lang(a->session, lang);
    pc_conn_set_lang(a->conn, lang);
    a->dirty = 1;
}

void pc_app_set_text_size(pc_app_t *a, int size)
{
    static const float scales[3] = { 0.88f, 1.0f, 1.15f };
    if (size < 0 || size > 2)
        return;
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

/* A label cut to fit, shown whole where the pointer rests on it, or an icon's name (never under a question) */
static void clipped_tip(pc_app_t *a)
{
    pc_gfx_t *g = &a->gfx;
    if (a->ui.hover_off || a->scr.confirm != PC_CONFIRM_NONE)
        return;
    float mx = (float)a->ui.mouse_x, my = (float)a->ui.mouse_y;
    const char *full = pc_gfx_tip_at(g, mx, my);
    if (!full)
        return;
    char text[256];
    snprintf(text, sizeof text, "%s", full); /* drawing the tip adds tips */
    float w = pc_text_width(g, 12, 0, text) + 20;
    if (w > 600)
        w = 600;
    float h = pc_text_lines(g, text, 12, 0, w - 20, NULL) * pc_line_height(g, 12, 0) + 12;
    float x = mx + 12, y = my + 16;
    if (x + w > PC_DESIGN_W - 4)
        x = PC_DESIGN_W - 4 - w;
    if (y + h > PC_DESIGN_H - 4)
        y = my - h - 8;
    pc_round(g, x + 2, y + 3, w, h, 6, pc_alpha(pc_rgb(0x000000u), 90));
    pc_round(g, x, y, w, h, 6, pc_rgb(PC_PAPER));
    pc_text_box(g, x + 10, y + 6, w - 20, 12, pc_rgb(PC_PAPER_INK), 0, text);
}

void pc_app_draw(pc_app_t *a)
{
    pc_gfx_resize(&a->gfx);
    draw_background(a);
    pc_ui_begin(&a->ui);
    pc_gfx_begin_frame(&a->gfx);
    switch (a->scr.screen) {
    case PC_SCREEN_HOME: pc_screen_home(a); break;
    case PC_SCREEN_TABLE: pc_screen_table(a); break;
    case PC_SCREEN_END: pc_screen_end(a); break;
    case PC_SCREEN_SETTINGS: pc_screen_settings(a); break;
    case PC_SCREEN_LOBBY: pc_screen_lobby(a); break;
    case PC_SCREEN_CREATE: pc_screen_create(a); break;
    case PC_SCREEN_CONSOLE: pc_screen_console(a); break;
    case PC_SCREEN_PROJECT: pc_screen_project(a); break;
    case PC_SCREEN_WALL: pc_screen_wall(a); break;
    case PC_SCREEN_WELCOME: pc_screen_welcome(a); break;
    case PC_SCREEN_DEBRIEF: pc_screen_debrief(a); break;
    default: break;
    }
    pc_overlay_confirm(a);
    pc_reload_banner(a);
    clipped_tip(a);
    if (a->ui.focus >= a->ui.n_btn)
        a->ui.focus = -1;
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
    if (!px)
        return NULL;
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
    if (!px)
        return 0;
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
    if (pc_app_save_png(a, path))
        snprintf(a->scr.flash, sizeof a->scr.flash, _("Screenshot saved: %s"), path);
    else
        snprintf(a->scr.flash, sizeof a->scr.flash, _("Screenshot failed: %s"), SDL_GetError());
    a->dirty = 1;
}

void pc_app_run(pc_app_t *a)
{
    a->dirty = 1;
    while (!a->quit) {
        if (a->dirty)
            pc_app_render(a);
        int wait = pc_app_tick(a);
        if (a->dirty)
            continue;
        SDL_Event ev;
        int want_shot = 0;
        int got = wait < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, wait);
        while (got) {
            if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_F12)
                want_shot = 1;
            else
                pc_app_event(a, &ev);
            got = SDL_PollEvent(&ev);
        }
        if (want_shot) { /* the frame as it is on screen, before the notice of the capture */
            pc_app_draw(a);
            take_screenshot(a);
        }
    }
}
