/* tick.c -- what the app does with what the session and the connection tell it: screens, moments, pacing */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/i18n.h"
#include "client/lan.h"
#include "client/session_remote.h"

/* time a revealed event is left to be read before bots play on (it stays up until the next turn) */
#define EVENT_READ_MS 5000

/* a moment on screen that the bots wait for (a reveal, a prompt, an event being read, a turn
 * summary, a curtain, a question) */
static int moment_up(const pc_app_t *a, Uint32 now)
{
    const pc_session_t *s = a->session;
    int reading = s && s->event_card != PL_NO_CARD && (int32_t)(now - a->scr.event_at) < EVENT_READ_MS;
    return s && (s->reveal_pending || s->prompt_card != PL_NO_CARD || reading || a->scr.summary_seat >= 0 ||
                 a->scr.curtain_seat >= 0 || a->scr.confirm != PC_CONFIRM_NONE);
}

static int humans_here(const pc_session_t *s)
{
    return __builtin_popcount(s->mine);
}

static void on_session_event(pc_app_t *a, const pc_sevent_t *e)
{
    pc_session_t *s = a->session;
    switch (e->type) {
    case PC_SE_REFUSED:
    case PC_SE_NOTICE:
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", e->text);
        break;
    case PC_SE_MESSAGE: /* shown for a while; the app wakes up to take it away */
        a->scr.message_until = SDL_GetTicks() + 90000;
        break;
    case PC_SE_TURN_END:
        /* hot-seat with several teams: before the screen goes to the next, the team that just
         * played sees where it landed and what its turn caused */
        if (s->kind == PC_SESSION_LOCAL && humans_here(s) > 1 && e->seat >= 0 && ((s->mine >> e->seat) & 1u) &&
            s->st.wait != PL_WAIT_OVER) {
            a->scr.summary_seat = e->seat;
            int from = s->log_n - 1;
            /* the turn runs from its own "to play" line up to the new one (the newest) */
            while (from > 0 && !(s->log[from - 1].kind == PC_LOG_TURN && s->log[from - 1].seat == e->seat))
                from--;
            a->scr.summary_from = from > 0 ? from - 1 : 0;
        }
        break;
    case PC_SE_PROMPT:
        a->scr.prompt_start = 0;
        break;
    case PC_SE_EVENT_CARD:
        a->scr.event_at = SDL_GetTicks();
        break;
    case PC_SE_LOG: /* the debrief asked for it */
        pc_debrief_session_log(a, e);
        break;
    default:
        break;
    }
    a->dirty = 1;
}

static void on_conn_event(pc_app_t *a, const pc_cevent_t *e)
{
    char err[300];
    switch (e->type) {
    case PC_CE_JOINED: {
        pc_session_t *s = pc_session_remote_create(a->conn, a->lang, err, sizeof err);
        if (!s) { /* a view that cannot be right is not shown; the next one may be */
            snprintf(a->scr.flash, sizeof a->scr.flash, "%s", err);
            break;
        }
        pc_session_destroy(a->session);
        a->session = s;
        a->scr.shown_seat = pc_conn_seat(a->conn) >= 0 ? pc_conn_seat(a->conn) : 0;
        a->scr.detail_card = PL_NO_CARD;
        a->scr.log_scroll = 0;
        if (a->mode == PC_MODE_PROJECT) /* the projection shows it as it is, ended or not */
            a->dirty = 1;
        else
            pc_app_set_screen(a, s->st.wait == PL_WAIT_OVER && a->mode != PC_MODE_CONSOLE ? PC_SCREEN_END : PC_SCREEN_TABLE);
        break;
    }
    case PC_CE_LEFT:
        if (a->session && a->session->kind == PC_SESSION_REMOTE) {
            pc_session_destroy(a->session);
            a->session = NULL;
        }
        if (a->mode == PC_MODE_CONSOLE)
            pc_app_set_screen(a, PC_SCREEN_CONSOLE);
        else if (a->scr.screen == PC_SCREEN_TABLE || a->scr.screen == PC_SCREEN_END)
            pc_app_set_screen(a, PC_SCREEN_LOBBY);
        break;
    case PC_CE_ERROR:
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", e->text);
        break;
    case PC_CE_LOGIN:
        a->scr.flash[0] = 0;
        break;
    case PC_CE_DONE:
        a->scr.flash[0] = 0;
        break;
    case PC_CE_LOGS:
        pc_debrief_day_logs(a);
        break;
    default:
        break;
    }
    a->dirty = 1;
}

int pc_app_tick(pc_app_t *a)
{
    int wait = -1;
    pc_cevent_t ce;
    while (a->conn && pc_conn_next(a->conn, &ce))
        on_conn_event(a, &ce);
    wait = pc_day_tick(a);
    int dw = pc_debrief_tick(a);
    if (dw >= 0 && (wait < 0 || dw < wait))
        wait = dw;
    pc_session_t *s = a->session;
    if (s && a->scr.screen == PC_SCREEN_PROJECT) { /* a projection: the table's news, its clock, nothing to play */
        Uint32 now = SDL_GetTicks();
        pc_sevent_t e;
        while (pc_session_next(s, &e))
            a->dirty = 1;
        if (s->prompt_card != PL_NO_CARD) /* a prompt's telling time is the server's */
            a->scr.prompt_left = s->clock_kind == PC_CLOCK_PROMPT ? (int)((pc_session_clock_left(s, now) + 999) / 1000) : 0;
        if (s->clock_kind != PC_CLOCK_NONE && !s->clock_frozen) {
            uint32_t left = pc_session_clock_left(s, now);
            if (left && (wait < 0 || (int)(left % 1000) + 1 < wait))
                wait = (int)(left % 1000) + 1;
            if (left / 1000 != a->scr.clock_shown) {
                a->scr.clock_shown = left / 1000;
                a->dirty = 1;
            }
        }
    }
    if (s && (a->scr.screen == PC_SCREEN_TABLE || a->scr.screen == PC_SCREEN_END)) {
        Uint32 now = SDL_GetTicks();
        int w = pc_session_tick(s, now, a->scr.screen == PC_SCREEN_TABLE && !moment_up(a, now));
        if (w >= 0 && (wait < 0 || w < wait))
            wait = w;
        if (s->event_card != PL_NO_CARD && (int32_t)(now - a->scr.event_at) < EVENT_READ_MS) {
            int ms = EVENT_READ_MS - (int)(now - a->scr.event_at);
            if (wait < 0 || ms < wait)
                wait = ms; /* the bots go on once it has been read */
        }
        pc_sevent_t e;
        while (pc_session_next(s, &e))
            on_session_event(a, &e);
        /* hot-seat: the screen goes to the human team that must act, behind a curtain */
        int h = pc_session_to_act(s);
        if (h >= 0 && h != a->scr.shown_seat && a->scr.curtain_seat != h && a->scr.summary_seat < 0) {
            if (humans_here(s) > 1 && a->scr.shown_seat >= 0)
                a->scr.curtain_seat = h;
            else
                a->scr.shown_seat = h;
            a->dirty = 1;
        }
        if (a->scr.message_until) { /* the facilitator's message leaves the screen in time */
            if ((int32_t)(a->scr.message_until - now) <= 0) {
                a->scr.message_until = 0;
                a->dirty = 1;
            } else if (wait < 0 || (int)(a->scr.message_until - now) < wait) {
                wait = (int)(a->scr.message_until - now);
            }
        }
        /* the clock every screen shows: redrawn as its seconds go */
        if (s->clock_kind != PC_CLOCK_NONE && !s->clock_frozen) {
            uint32_t left = pc_session_clock_left(s, now);
            if (left > 0) {
                int ms = (int)(left % 1000) + 1;
                if (wait < 0 || ms < wait)
                    wait = ms;
            }
            if (left / 1000 != a->scr.clock_shown) {
                a->scr.clock_shown = left / 1000;
                a->dirty = 1;
            }
        }
        /* the countdown of a prompt, when its deck gives one: the server's telling time at a networked table */
        if (s->prompt_card != PL_NO_CARD && s->prompt_card < s->rs->n_cards && s->kind == PC_SESSION_REMOTE) {
            int left = s->clock_kind == PC_CLOCK_PROMPT ? (int)((pc_session_clock_left(s, now) + 999) / 1000) : 0;
            if (left != a->scr.prompt_left) {
                a->scr.prompt_left = left;
                a->dirty = 1;
            }
        } else if (s->prompt_card != PL_NO_CARD && s->prompt_card < s->rs->n_cards) {
            int secs = s->rs->decks[s->rs->cards[s->prompt_card].deck].seconds;
            if (secs > 0) {
                if (!a->scr.prompt_start)
                    a->scr.prompt_start = now ? now : 1;
                Uint32 el = now - a->scr.prompt_start;
                int left = secs - (int)(el / 1000);
                if (left < 0)
                    left = 0;
                if (left != a->scr.prompt_left) {
                    a->scr.prompt_left = left;
                    a->dirty = 1;
                }
                if (left > 0) {
                    int ms = 1000 - (int)(el % 1000);
                    if (wait < 0 || ms < wait)
                        wait = ms;
                }
            }
        }
        if (s->st.wait == PL_WAIT_OVER && a->scr.screen == PC_SCREEN_TABLE && !s->reveal_pending &&
            s->prompt_card == PL_NO_CARD && a->scr.summary_seat < 0)
            pc_app_set_screen(a, PC_SCREEN_END);
    }
    int nw = pc_lan_poll(a);
    if (nw >= 0 && (wait < 0 || nw < wait))
        wait = nw;
    return wait;
}
