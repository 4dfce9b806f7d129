/* input.c -- mouse, keyboard and typing: what they mean on the screen shown, turned into actions */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/i18n.h"
#include "client/link.h"

/* the text field being typed in, and its size */
static char *field_text(pc_app_t *a, size_t *cap)
{
    pc_scr_t *s = &a->scr;
    switch (s->field) {
    case PC_FIELD_ADDR: *cap = sizeof s->addr; return s->addr;
    case PC_FIELD_CODE: *cap = sizeof s->code; return s->code;
    case PC_FIELD_JOIN_TEAM: *cap = sizeof s->join_team; return s->join_team;
    case PC_FIELD_SECRET: *cap = sizeof s->secret; return s->secret;
    case PC_FIELD_SAY: *cap = sizeof s->say; return s->say;
    default:
        if (s->field >= PC_FIELD_TEAM0 && s->field < PC_FIELD_TEAM0 + PL_MAX_SEATS) {
            *cap = sizeof s->form.team[0];
            return s->form.team[s->field - PC_FIELD_TEAM0];
        }
        return NULL;
    }
}

static void end_typing(pc_app_t *a)
{
    a->scr.field = PC_FIELD_NONE;
    SDL_StopTextInput();
    a->dirty = 1;
}

/* Enter in a field does what the field is for */
static void field_enter(pc_app_t *a)
{
    int f = a->scr.field;
    end_typing(a);
    if (f == PC_FIELD_SECRET)
        pc_app_action(a, PC_ACT_CON_LOGIN, 0);
    else if (f == PC_FIELD_SAY)
        pc_app_action(a, PC_ACT_CON_SAY, 0);
    else if (f == PC_FIELD_ADDR)
        pc_app_action(a, PC_ACT_SERVER, 0);
    else if (f == PC_FIELD_CODE)
        pc_app_action(a, PC_ACT_JOIN_CODE, 0);
}

/* Pointer position in design units, from the window's coordinates and its current size: the
 * layout is recomputed first, so a size change (fullscreen under a bare X server) that has not
 * been drawn yet cannot shift the clicks. */
static void to_design(pc_app_t *a, int wx, int wy, int *dx, int *dy)
{
    int ww = 1, wh = 1;
    pc_gfx_resize(&a->gfx);
    SDL_GetWindowSize(a->win, &ww, &wh);
    float rx = (float)a->gfx.win_w / (float)(ww > 0 ? ww : 1), ry = (float)a->gfx.win_h / (float)(wh > 0 ? wh : 1);
    *dx = (int)((wx * rx - a->gfx.ox) / a->gfx.s);
    *dy = (int)((wy * ry - a->gfx.oy) / a->gfx.s);
}

static void move_focus(pc_app_t *a, int dir)
{
    pc_ui_t *ui = &a->ui;
    if (ui->n_btn == 0)
        return;
    int f = ui->focus;
    for (int k = 0; k < ui->n_btn; k++) {
        f = f < 0 ? (dir > 0 ? 0 : ui->n_btn - 1) : (f + dir + ui->n_btn) % ui->n_btn;
        if (ui->btn[f].enabled && ui->btn[f].act != PC_ACT_NONE)
            break;
    }
    ui->focus = f;
    a->dirty = 1;
}

static int option_act(int act)
{
    return act == PC_ACT_CHOOSE || act == PC_ACT_VOTE;
}

/* number key n (1-12): the option numbered n when options are offered, else the n-th card or
 * choice the screen numbered (every numbered button carries its number: never the drawing order) */
static void number_key(pc_app_t *a, int n)
{
    pc_ui_t *ui = &a->ui;
    int pick = -1;
    for (int i = 0; i < ui->n_btn && pick < 0; i++)
        if (ui->btn[i].key == n && option_act(ui->btn[i].act))
            pick = i;
    for (int i = 0; i < ui->n_btn && pick < 0; i++)
        if (ui->btn[i].key == n)
            pick = i;
    if (pick >= 0 && ui->btn[pick].enabled) {
        ui->focus = -1;
        pc_app_action(a, ui->btn[pick].act, ui->btn[pick].arg);
    }
}

static int has_action(const pc_app_t *a, int act)
{
    for (int i = 0; i < a->ui.n_btn; i++)
        if (a->ui.btn[i].act == act && a->ui.btn[i].enabled)
            return i;
    return -1;
}

/* Enter with nothing focused: the screen's main action (on a question, the safe answer: stay); on
 * a vote or a choice, the first option
 * gets the focus (a second Enter casts it: a ballot is never cast by one stray key) */
static void enter(pc_app_t *a)
{
    pc_ui_t *ui = &a->ui;
    int i = ui->focus;
    if (i < 0 || i >= ui->n_btn) {
        static const int main_acts[] = { PC_ACT_CONFIRM_NO, PC_ACT_CURTAIN_OK, PC_ACT_SUMMARY_OK, PC_ACT_REVEAL_OK,
                                         PC_ACT_PROMPT_DONE, PC_ACT_PLAY, PC_ACT_PLAY_HERE, PC_ACT_FORM_SUBMIT };
        for (size_t m = 0; m < sizeof main_acts / sizeof main_acts[0] && i < 0; m++)
            i = has_action(a, main_acts[m]);
        if (i < 0) { /* the option numbered 1 (the lowest number: never the drawing order) */
            int best = -1;
            for (int k = 0; k < ui->n_btn; k++)
                if (option_act(ui->btn[k].act) && ui->btn[k].enabled &&
                    (best < 0 || (ui->btn[k].key > 0 && (ui->btn[best].key == 0 || ui->btn[k].key < ui->btn[best].key))))
                    best = k;
            if (best >= 0)
                ui->focus = best;
            a->dirty = 1;
            return;
        }
    }
    if (i >= 0 && i < ui->n_btn && ui->btn[i].enabled) {
        ui->focus = -1;
        pc_app_action(a, ui->btn[i].act, ui->btn[i].arg);
    }
}

static void escape(pc_app_t *a)
{
    pc_scr_t *s = &a->scr;
    if (s->confirm != PC_CONFIRM_NONE)
        pc_app_action(a, PC_ACT_CONFIRM_NO, 0);
    else if (s->screen == PC_SCREEN_TABLE && s->detail_card != PL_NO_CARD)
        pc_app_action(a, PC_ACT_DETAIL_CLOSE, 0);
    else if (s->screen == PC_SCREEN_TABLE)
        pc_app_action(a, PC_ACT_LEAVE, 0);
    else if (s->screen == PC_SCREEN_SETTINGS || s->screen == PC_SCREEN_CREATE)
        pc_app_action(a, PC_ACT_BACK, 0);
    else if (s->screen == PC_SCREEN_LOBBY || s->screen == PC_SCREEN_END)
        pc_app_action(a, PC_ACT_HOME, 0);
    else if (s->screen == PC_SCREEN_DEBRIEF)
        pc_app_action(a, PC_ACT_DBF_BACK, 0);
    else if (s->screen == PC_SCREEN_PROJECT || s->screen == PC_SCREEN_WALL)
        pc_app_action(a, PC_ACT_QUIT, 0); /* a projection has no button: Esc closes it (it holds nothing to lose) */
}

static void key(pc_app_t *a, const SDL_KeyboardEvent *k)
{
    SDL_Keycode sym = k->keysym.sym;
    SDL_Scancode sc = k->keysym.scancode;
    if (a->scr.field != PC_FIELD_NONE) {
        size_t cap;
        char *t = field_text(a, &cap);
        if (sym == SDLK_BACKSPACE && t) {
            size_t n = strlen(t);
            while (n > 0 && ((unsigned char)t[n - 1] & 0xC0) == 0x80)
                n--;
            if (n > 0)
                t[n - 1] = 0;
            a->dirty = 1;
            return;
        }
        if (sym == SDLK_RETURN || sym == SDLK_KP_ENTER) {
            field_enter(a);
            return;
        }
        if (sym == SDLK_ESCAPE) {
            end_typing(a);
            return;
        }
        if (sym != SDLK_TAB)
            return; /* the text itself comes as SDL_TEXTINPUT */
        end_typing(a);
    }
    /* the number row by position (1 to 0, then the next two keys: cards 11 and 12), so that a
     * French keyboard needs no shift */
    if (sc >= SDL_SCANCODE_1 && sc <= SDL_SCANCODE_9) {
        number_key(a, (int)(sc - SDL_SCANCODE_1) + 1);
        return;
    }
    if (sc == SDL_SCANCODE_0 || sc == SDL_SCANCODE_MINUS || sc == SDL_SCANCODE_EQUALS) {
        number_key(a, sc == SDL_SCANCODE_0 ? 10 : sc == SDL_SCANCODE_MINUS ? 11 : 12);
        return;
    }
    if (sc >= SDL_SCANCODE_KP_1 && sc <= SDL_SCANCODE_KP_9) {
        number_key(a, (int)(sc - SDL_SCANCODE_KP_1) + 1);
        return;
    }
    switch (sym) {
    case SDLK_F11: pc_app_toggle_fullscreen(a); break;
    case SDLK_TAB: move_focus(a, (k->keysym.mod & KMOD_SHIFT) ? -1 : 1); break;
    case SDLK_RIGHT: case SDLK_DOWN: move_focus(a, 1); break;
    case SDLK_LEFT: case SDLK_UP: move_focus(a, -1); break;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_SPACE: enter(a); break;
    case SDLK_ESCAPE: escape(a); break;
    case SDLK_PAGEUP: pc_app_action(a, PC_ACT_LOG_SCROLL, 5); break;
    case SDLK_PAGEDOWN: pc_app_action(a, PC_ACT_LOG_SCROLL, -5); break;
    case SDLK_HOME: pc_app_action(a, PC_ACT_LOG_SCROLL, 100000); break;
    case SDLK_END: pc_app_action(a, PC_ACT_LOG_SCROLL, -100000); break;
    case SDLK_r:
        if (has_action(a, PC_ACT_ROLL) >= 0)
            pc_app_action(a, PC_ACT_ROLL, 0);
        break;
    default:
        break;
    }
}

void pc_app_event(pc_app_t *a, const SDL_Event *ev)
{
    pc_ui_t *ui = &a->ui;
    if (ev->type == SDL_KEYDOWN || ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_FINGERDOWN ||
        ev->type == SDL_TEXTINPUT)
        a->last_input = SDL_GetTicks(); /* someone is there (the kiosk's welcome waits for nobody) */
    switch (ev->type) {
    case SDL_QUIT:
        a->quit = 1;
        break;
    case SDL_WINDOWEVENT:
        pc_gfx_resize(&a->gfx);
        a->dirty = 1;
        break;
    case SDL_MOUSEMOTION: {
        int x, y;
        to_design(a, ev->motion.x, ev->motion.y, &x, &y);
        int before = pc_ui_at(ui, ui->mouse_x, ui->mouse_y);
        ui->mouse_x = x;
        ui->mouse_y = y;
        if (pc_ui_at(ui, x, y) != before)
            a->dirty = 1;
        break;
    }
    case SDL_MOUSEWHEEL:
        if (a->scr.screen == PC_SCREEN_DEBRIEF && ev->wheel.y)
            pc_app_action(a, PC_ACT_DBF_SCROLL, (ev->wheel.y > 0) == (ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED) ? 1 : -1);
        else if (a->scr.screen == PC_SCREEN_TABLE)
            pc_app_action(a, PC_ACT_LOG_SCROLL, ev->wheel.y * (ev->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1 : 1) * 2);
        break;
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button == SDL_BUTTON_LEFT) {
            int x, y;
            to_design(a, ev->button.x, ev->button.y, &x, &y);
            ui->mouse_x = x;
            ui->mouse_y = y;
            int i = pc_ui_at(ui, x, y);
            if (a->scr.field != PC_FIELD_NONE && (i < 0 || ui->btn[i].act != PC_ACT_FIELD))
                end_typing(a);
            if (i >= 0 && ui->btn[i].enabled && ui->btn[i].act != PC_ACT_NONE) {
                ui->focus = -1;
                pc_app_action(a, ui->btn[i].act, ui->btn[i].arg);
            } else if (a->scr.screen == PC_SCREEN_TABLE && a->scr.detail_card != PL_NO_CARD) {
                pc_app_action(a, PC_ACT_DETAIL_CLOSE, 0);
            }
        }
        break;
    case SDL_TEXTINPUT: {
        size_t cap;
        char *t = field_text(a, &cap);
        if (t && strlen(t) + strlen(ev->text.text) < cap - 1) {
            strcat(t, ev->text.text);
            a->dirty = 1;
        }
        break;
    }
    case SDL_KEYDOWN:
        key(a, &ev->key);
        break;
    default: {
        if (a->watch && ev->type == pc_watch_event(a->watch)) { /* the designer saved a file of the package */
            pc_app_reload(a);
            break;
        }
        int taken = pc_conn_handle(a->conn, ev);
        for (int i = 0; i < a->n_wall && !taken; i++) /* the projection wall's connections */
            taken = pc_conn_handle(a->wall_conn[i], ev);
        if (taken)
            a->dirty = 1;
        else if (ev->type >= SDL_USEREVENT && ev->user.code == PC_LINK_MESSAGE) /* a closed link's */
            free(ev->user.data1);
        break;
    }
    }
}
