/* input.c -- mouse and keyboard, what each button does, and the timers (bots, fiction countdown) */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/i18n.h"
#include "client/net.h"

static void after_move(pc_app_t *a, int rc)
{
    if (rc != PL_OK) snprintf(a->flash, sizeof a->flash, "%s", a->game->refusal);
    else a->flash[0] = 0;
    a->dirty = 1;
}

static void play_move(pc_app_t *a, int type, int arg)
{
    if (!a->game) return;
    int seat = pc_game_human_to_act(a->game);
    if (seat < 0) {
        snprintf(a->flash, sizeof a->flash, "%s", pl_reason_text(PL_ERR_NOT_YOUR_TURN, a->lang));
        a->dirty = 1;
        return;
    }
    pl_move_t mv = {(uint8_t)type, (uint8_t)seat, (uint16_t)arg};
    int rc = pc_game_apply(a->game, &mv);
    if (rc == PL_OK && type == PL_MOVE_PLAY) a->detail_card = PL_NO_CARD;
    after_move(a, rc);
}

void pc_app_action(pc_app_t *a, int act, int arg)
{
    a->dirty = 1;
    switch (act) {
    case PC_ACT_PLAY_HERE:
        pc_net_close(a);
        if (pc_app_new_game(a)) pc_app_set_screen(a, PC_SCREEN_TABLE);
        else snprintf(a->flash, sizeof a->flash, "%s", a->load_msg);
        break;
    case PC_ACT_NEW_GAME:
        if (a->net) {
            pc_app_set_screen(a, PC_SCREEN_LOBBY);
            break;
        }
        if (pc_app_new_game(a)) pc_app_set_screen(a, PC_SCREEN_TABLE);
        else snprintf(a->flash, sizeof a->flash, "%s", a->load_msg);
        break;
    case PC_ACT_JOIN:
        pc_app_set_screen(a, PC_SCREEN_LOBBY);
        pc_lan_probe(a);
        break;
    case PC_ACT_LAN_PROBE: pc_lan_probe(a); break;
    case PC_ACT_LAN_SERVER: {
        const pc_lan_server_t *s;
        int n = pc_lan_servers(a, &s);
        if (arg >= 0 && arg < n) {
            snprintf(a->addr, sizeof a->addr, "%s", s[arg].addr);
            pc_net_connect(a, a->addr);
        }
        break;
    }
    case PC_ACT_HOST: pc_net_host(a); break;
    case PC_ACT_SERVER: pc_net_connect(a, a->addr); break;
    case PC_ACT_ADDR: a->addr_focus = 1; SDL_StartTextInput(); break;
    case PC_ACT_SETTINGS: pc_app_set_screen(a, PC_SCREEN_SETTINGS); break;
    case PC_ACT_BACK: pc_app_set_screen(a, a->prev_screen == PC_SCREEN_SETTINGS ? PC_SCREEN_HOME : a->prev_screen); break;
    case PC_ACT_HOME: pc_app_set_screen(a, PC_SCREEN_HOME); break;
    case PC_ACT_QUIT: a->quit = 1; break;
    case PC_ACT_CARD: a->detail_card = arg; a->focus = -1; break;
    case PC_ACT_DETAIL_CLOSE: a->detail_card = PL_NO_CARD; a->focus = -1; break;
    case PC_ACT_PLAY: play_move(a, PL_MOVE_PLAY, arg); break;
    case PC_ACT_ROLL: play_move(a, PL_MOVE_ROLL, 0); break;
    case PC_ACT_CHOOSE: play_move(a, PL_MOVE_CHOOSE, arg); break;
    case PC_ACT_VOTE: play_move(a, PL_MOVE_VOTE, arg); a->focus = -1; break;
    case PC_ACT_CURTAIN_OK:
        a->shown_seat = a->curtain_seat;
        a->curtain_seat = -1;
        a->focus = -1;
        break;
    case PC_ACT_REVEAL_OK:
        if (a->game) a->game->reveal_pending = 0;
        a->focus = -1;
        break;
    case PC_ACT_FICTION_DONE:
        if (a->game) a->game->fiction_card = PL_NO_CARD;
        a->fiction_start = 0;
        a->focus = -1;
        break;
    case PC_ACT_LANG: pc_app_set_lang(a, arg); break;
    case PC_ACT_FULLSCREEN: pc_app_toggle_fullscreen(a); break;
    case PC_ACT_TEXTSIZE: pc_app_set_text_size(a, arg); break;
    case PC_ACT_HUMANS: a->opt.humans = arg; break;
    case PC_ACT_CREATE_TABLE: pc_net_create_table(a); break;
    case PC_ACT_JOIN_TABLE: pc_net_join(a, arg); break;
    case PC_ACT_WATCH_TABLE: pc_net_watch(a, arg); break;
    default: break;
    }
}

static void to_design(pc_app_t *a, int wx, int wy, int *dx, int *dy)
{
    int ww = 1, wh = 1;
    SDL_GetWindowSize(a->win, &ww, &wh);
    float rx = (float)a->gfx.win_w / (float)(ww ? ww : 1), ry = (float)a->gfx.win_h / (float)(wh ? wh : 1);
    *dx = (int)((wx * rx - a->gfx.ox) / a->gfx.s);
    *dy = (int)((wy * ry - a->gfx.oy) / a->gfx.s);
}

static int button_at(const pc_app_t *a, int x, int y)
{
    for (int i = a->n_btn - 1; i >= 0; i--) {
        const pc_button_t *b = &a->btn[i];
        if (x >= b->x && x < b->x + b->w && y >= b->y && y < b->y + b->h) return i;
    }
    return -1;
}

static void move_focus(pc_app_t *a, int dir)
{
    if (a->n_btn == 0) return;
    int f = a->focus;
    for (int k = 0; k < a->n_btn; k++) {
        f = f < 0 ? (dir > 0 ? 0 : a->n_btn - 1) : (f + dir + a->n_btn) % a->n_btn;
        if (a->btn[f].enabled) break;
    }
    a->focus = f;
    a->dirty = 1;
}

/* digit n (1-based): the n-th option button if any is shown, else the n-th card */
static void digit(pc_app_t *a, int n)
{
    int opts[PC_MAX_BUTTONS], n_opts = 0, cards[PC_MAX_BUTTONS], n_cards = 0;
    for (int i = 0; i < a->n_btn; i++) {
        int act = a->btn[i].act;
        if (act == PC_ACT_CHOOSE || act == PC_ACT_VOTE || act == PC_ACT_LANG || act == PC_ACT_HUMANS)
            opts[n_opts++] = i;
        else if (act == PC_ACT_CARD)
            cards[n_cards++] = i;
    }
    int *list = n_opts ? opts : cards, count = n_opts ? n_opts : n_cards;
    if (n < 1 || n > count) return;
    const pc_button_t *b = &a->btn[list[n - 1]];
    if (b->enabled) pc_app_action(a, b->act, b->arg);
}

static int has_action(const pc_app_t *a, int act)
{
    for (int i = 0; i < a->n_btn; i++)
        if (a->btn[i].act == act && a->btn[i].enabled) return i;
    return -1;
}

static void key(pc_app_t *a, const SDL_KeyboardEvent *k)
{
    SDL_Keycode sym = k->keysym.sym;
    if (a->addr_focus) {
        if (sym == SDLK_BACKSPACE) {
            size_t n = strlen(a->addr);
            while (n > 0 && ((unsigned char)a->addr[n - 1] & 0xC0) == 0x80) n--;
            if (n > 0) a->addr[n - 1] = 0;
            a->dirty = 1;
            return;
        }
        if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) {
            a->addr_focus = 0;
            SDL_StopTextInput();
            pc_app_action(a, PC_ACT_SERVER, 0);
            return;
        }
        if (sym == SDLK_ESCAPE) {
            a->addr_focus = 0;
            SDL_StopTextInput();
            a->dirty = 1;
            return;
        }
        if (sym != SDLK_TAB) return;
    }
    switch (sym) {
    case SDLK_F11: pc_app_toggle_fullscreen(a); break;
    case SDLK_TAB: move_focus(a, (k->keysym.mod & KMOD_SHIFT) ? -1 : 1); break;
    case SDLK_RIGHT: case SDLK_DOWN: move_focus(a, 1); break;
    case SDLK_LEFT: case SDLK_UP: move_focus(a, -1); break;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE: {
        int i = a->focus;
        if (i < 0 || i >= a->n_btn) { /* no focus: the main action of the screen */
            static const int main_acts[] = {PC_ACT_CURTAIN_OK, PC_ACT_REVEAL_OK, PC_ACT_FICTION_DONE,
                                            PC_ACT_PLAY, PC_ACT_PLAY_HERE};
            for (size_t m = 0; m < sizeof main_acts / sizeof main_acts[0] && i < 0; m++) i = has_action(a, main_acts[m]);
        }
        if (i >= 0 && i < a->n_btn && a->btn[i].enabled) pc_app_action(a, a->btn[i].act, a->btn[i].arg);
        break;
    }
    case SDLK_ESCAPE:
        if (a->screen == PC_SCREEN_TABLE && a->detail_card != PL_NO_CARD) pc_app_action(a, PC_ACT_DETAIL_CLOSE, 0);
        else if (a->screen == PC_SCREEN_TABLE) pc_app_action(a, PC_ACT_HOME, 0);
        else if (a->screen == PC_SCREEN_SETTINGS || a->screen == PC_SCREEN_LOBBY) pc_app_action(a, PC_ACT_BACK, 0);
        else if (a->screen == PC_SCREEN_END) pc_app_action(a, PC_ACT_HOME, 0);
        break;
    case SDLK_r: {
        int i = has_action(a, PC_ACT_ROLL);
        if (i >= 0) pc_app_action(a, PC_ACT_ROLL, 0);
        break;
    }
    default:
        if (sym >= SDLK_1 && sym <= SDLK_9) digit(a, (int)(sym - SDLK_0));
        else if (sym >= SDLK_KP_1 && sym <= SDLK_KP_9) digit(a, (int)(sym - SDLK_KP_1) + 1);
        break;
    }
}

void pc_app_event(pc_app_t *a, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_QUIT: a->quit = 1; break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
            ev->window.event == SDL_WINDOWEVENT_RESTORED) {
            pc_gfx_resize(&a->gfx);
            a->dirty = 1;
        }
        break;
    case SDL_MOUSEMOTION: {
        int x, y;
        to_design(a, ev->motion.x, ev->motion.y, &x, &y);
        int before = button_at(a, a->mouse_x, a->mouse_y);
        a->mouse_x = x;
        a->mouse_y = y;
        if (button_at(a, x, y) != before) a->dirty = 1;
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button == SDL_BUTTON_LEFT) {
            int x, y;
            to_design(a, ev->button.x, ev->button.y, &x, &y);
            a->mouse_x = x;
            a->mouse_y = y;
            int i = button_at(a, x, y);
            if (a->addr_focus && (i < 0 || a->btn[i].act != PC_ACT_ADDR)) {
                a->addr_focus = 0;
                SDL_StopTextInput();
                a->dirty = 1;
            }
            if (i >= 0 && a->btn[i].enabled) {
                a->focus = -1;
                pc_app_action(a, a->btn[i].act, a->btn[i].arg);
            } else if (a->screen == PC_SCREEN_TABLE && a->detail_card != PL_NO_CARD) {
                pc_app_action(a, PC_ACT_DETAIL_CLOSE, 0);
            }
        }
        break;
    case SDL_TEXTINPUT:
        if (a->addr_focus && strlen(a->addr) + strlen(ev->text.text) < sizeof a->addr - 1) {
            strcat(a->addr, ev->text.text);
            a->dirty = 1;
        }
        break;
    case SDL_KEYDOWN: key(a, &ev->key); break;
    default:
        if (pc_net_event(a, ev)) a->dirty = 1;
        break;
    }
}

int pc_app_tick(pc_app_t *a)
{
    int wait = -1;
    pc_game_t *g = a->game;
    if (a->screen == PC_SCREEN_TABLE && g) {
        Uint32 now = SDL_GetTicks();
        /* hot-seat: hand the screen over when another human team must act */
        int h = pc_game_human_to_act(g);
        int humans = __builtin_popcount(g->human);
        if (h >= 0 && h != a->shown_seat && a->curtain_seat != h) {
            if (humans > 1 && a->shown_seat >= 0) a->curtain_seat = h;
            else a->shown_seat = h;
            a->dirty = 1;
        }
        int blocked = g->reveal_pending || g->fiction_card != PL_NO_CARD;
        if (!blocked && pc_game_bots_pending(g)) {
            if ((Sint32)(now - a->next_bot_at) >= 0 || a->opt.bot_delay_ms == 0) {
                pc_game_bot_step(g);
                a->next_bot_at = now + (Uint32)a->opt.bot_delay_ms;
                a->dirty = 1;
                wait = a->opt.bot_delay_ms;
            } else {
                wait = (int)(a->next_bot_at - now);
            }
        }
        if (g->fiction_card != PL_NO_CARD) {
            if (!a->fiction_start) a->fiction_start = now ? now : 1;
            Uint32 el = now - a->fiction_start;
            int left = PC_FICTION_SECONDS - (int)(el / 1000);
            if (left < 0) left = 0;
            if (left != a->fiction_left) {
                a->fiction_left = left;
                a->dirty = 1;
            }
            if (left > 0) {
                int w = 1000 - (int)(el % 1000);
                if (wait < 0 || w < wait) wait = w;
            }
        }
        if (g->st.wait == PL_WAIT_OVER && !blocked) pc_app_set_screen(a, PC_SCREEN_END);
    }
    int nw = pc_net_tick(a);
    if (nw >= 0 && (wait < 0 || nw < wait)) wait = nw;
    return wait;
}
