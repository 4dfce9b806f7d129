/* actions.c -- what each button does: intents to the session, requests to the connection, screens */
#include <stdio.h>
#include <string.h>
#include "client/app.h"
#include "client/i18n.h"
#include "client/lan.h"

/* an intent of the seat acting at this screen */
static void play(pc_app_t *a, int type, int arg)
{
    pc_session_t *s = a->session;
    if (!s)
        return;
    int seat = pc_session_to_act(s);
    if (seat < 0) {
        snprintf(a->scr.flash, sizeof a->scr.flash, "%s", pt_reason(PL_ERR_NOT_YOUR_TURN, a->lang));
        return;
    }
    uint32_t before = s->moves;
    a->scr.flash[0] = 0;
    pc_session_move(s, type, seat, arg);
    /* the card's detail closes once it is played (a refusal keeps it open, with the reason) */
    if (type == PL_MOVE_PLAY && (s->moves != before || s->kind == PC_SESSION_REMOTE))
        a->scr.detail_card = PL_NO_CARD;
}

static void start_field(pc_app_t *a, int field)
{
    a->scr.field = field;
    SDL_StartTextInput();
}

/* a form for a new table of the server's package pkg */
static void form_reset(pc_app_t *a, int pkg)
{
    pc_form_t *f = &a->scr.form;
    const pc_pkg_info_t *p;
    int n = pc_conn_packages(a->conn, &p);
    memset(f, 0, sizeof *f);
    f->pkg = pkg < n ? pkg : 0;
    f->seats = n ? (p[f->pkg].default_seats ? p[f->pkg].default_seats : 4) : 4;
    f->take = 0;
    f->bots = 0;
}

static void form_submit(pc_app_t *a)
{
    pc_form_t *f = &a->scr.form;
    const pc_pkg_info_t *p;
    int n = pc_conn_packages(a->conn, &p);
    if (!n || f->pkg >= n)
        return;
    pc_create_spec_t spec;
    memset(&spec, 0, sizeof spec);
    snprintf(spec.package, sizeof spec.package, "%s", p[f->pkg].id);
    spec.seats = f->seats;
    spec.bots = f->bots & ((1u << f->seats) - 1u);
    spec.timer = f->timer;
    spec.take = f->take >= 0 && f->take < f->seats && !((spec.bots >> f->take) & 1u) ? f->take : -1;
    for (int i = 0; i < f->seats; i++)
        snprintf(spec.team[i], sizeof spec.team[i], "%s", f->team[i]);
    if (pc_conn_create(a->conn, &spec))
        pc_app_set_screen(a, PC_SCREEN_LOBBY);
}

void pc_app_action(pc_app_t *a, int act, int arg)
{
    pc_scr_t *s = &a->scr;
    pc_session_t *ss = a->session;
    a->dirty = 1;
    switch (act) {
    case PC_ACT_PLAY_HERE:
    case PC_ACT_NEW_GAME:
        if (act == PC_ACT_NEW_GAME && ss && ss->kind == PC_SESSION_REMOTE) {
            pc_app_leave(a);
            break;
        }
        if (pc_app_new_game(a))
            pc_app_set_screen(a, PC_SCREEN_TABLE);
        else
            snprintf(s->flash, sizeof s->flash, "%s", a->load_msg);
        break;
    case PC_ACT_RESUME:
        pc_app_resume(a);
        break;
    case PC_ACT_JOIN:
        pc_app_set_screen(a, PC_SCREEN_LOBBY);
        pc_lan_probe(a);
        break;
    case PC_ACT_LAN_PROBE:
        pc_lan_probe(a);
        break;
    case PC_ACT_LAN_SERVER: {
        const pc_lan_server_t *sv;
        int n = pc_lan_servers(a, &sv);
        if (arg >= 0 && arg < n) {
            snprintf(s->addr, sizeof s->addr, "%s", sv[arg].addr);
            pc_app_connect(a, s->addr);
        }
        break;
    }
    case PC_ACT_HOST: {
        char err[300];
        if (!pc_host_start(&a->host, err, sizeof err)) {
            snprintf(s->flash, sizeof s->flash, _("Cannot host a game: %s"), err);
            break;
        }
        SDL_Delay(300); /* let it bind before the first attempt; the link retries anyway */
        pc_app_connect(a, a->host.addr);
        break;
    }
    case PC_ACT_SERVER:
        pc_app_connect(a, s->addr);
        break;
    case PC_ACT_FIELD:
        start_field(a, arg);
        break;
    case PC_ACT_SETTINGS:
        pc_app_set_screen(a, PC_SCREEN_SETTINGS);
        break;
    case PC_ACT_BACK:
        pc_app_set_screen(a, s->screen == PC_SCREEN_CREATE ? PC_SCREEN_LOBBY
                             : s->prev_screen == PC_SCREEN_SETTINGS ? PC_SCREEN_HOME : s->prev_screen);
        break;
    case PC_ACT_HOME:
        if (ss && ss->st.wait != PL_WAIT_OVER && s->screen == PC_SCREEN_TABLE) {
            s->confirm = PC_CONFIRM_LEAVE; /* leaving a running table asks first */
            break;
        }
        if (ss)
            pc_app_leave(a);
        pc_conn_close(a->conn);
        a->conn = NULL;
        pc_app_set_screen(a, PC_SCREEN_HOME);
        break;
    case PC_ACT_LEAVE:
        if (ss && ss->st.wait != PL_WAIT_OVER)
            s->confirm = PC_CONFIRM_LEAVE;
        else
            pc_app_leave(a);
        break;
    case PC_ACT_CONFIRM_YES:
        if (s->confirm == PC_CONFIRM_LEAVE) {
            s->confirm = PC_CONFIRM_NONE;
            pc_app_leave(a);
        } else if (s->confirm == PC_CONFIRM_QUIT) {
            a->quit = 1;
        } else if (s->confirm == PC_CONFIRM_END_GAME) {
            pc_console_end_game(a);
        }
        s->confirm = PC_CONFIRM_NONE;
        break;
    case PC_ACT_CONFIRM_NO:
        s->confirm = PC_CONFIRM_NONE;
        break;
    case PC_ACT_QUIT:
        a->quit = 1;
        break;
    case PC_ACT_CARD:
        s->detail_card = arg;
        a->ui.focus = -1;
        break;
    case PC_ACT_DETAIL_CLOSE:
        s->detail_card = PL_NO_CARD;
        a->ui.focus = -1;
        break;
    case PC_ACT_PLAY: play(a, PL_MOVE_PLAY, arg); break;
    case PC_ACT_ROLL: play(a, PL_MOVE_ROLL, 0); break;
    case PC_ACT_CHOOSE: play(a, PL_MOVE_CHOOSE, arg); break;
    case PC_ACT_VOTE:
        play(a, PL_MOVE_VOTE, arg);
        a->ui.focus = -1;
        break;
    case PC_ACT_CURTAIN_OK:
        s->shown_seat = s->curtain_seat;
        s->curtain_seat = -1;
        a->ui.focus = -1;
        break;
    case PC_ACT_SUMMARY_OK:
        s->summary_seat = -1;
        a->ui.focus = -1;
        break;
    case PC_ACT_REVEAL_OK:
        if (ss)
            pc_session_reveal_done(ss);
        a->ui.focus = -1;
        break;
    case PC_ACT_PROMPT_DONE:
        if (ss)
            pc_session_prompt_done(ss);
        s->prompt_start = 0;
        a->ui.focus = -1;
        break;
    case PC_ACT_EVENT_OK:
        if (ss)
            pc_session_event_done(ss);
        break;
    case PC_ACT_LOG_SCROLL:
        s->log_scroll += arg;
        if (s->log_scroll < 0)
            s->log_scroll = 0;
        if (ss && s->log_scroll > ss->log_n - 1)
            s->log_scroll = ss->log_n > 0 ? ss->log_n - 1 : 0;
        break;
    case PC_ACT_LOG_CARD:
        if (ss && arg >= 0 && (uint32_t)arg < ss->rs->n_cards)
            s->detail_card = arg;
        break;
    case PC_ACT_SIDE_TAB: s->side_tab = arg; break;
    case PC_ACT_LANG: pc_app_set_lang(a, arg); break;
    case PC_ACT_FULLSCREEN: pc_app_toggle_fullscreen(a); break;
    case PC_ACT_TEXTSIZE: pc_app_set_text_size(a, arg); break;
    case PC_ACT_HUMANS: a->opt.humans = arg; break;
    /* the lobby */
    case PC_ACT_SHOW_TABLE:
        s->join_table = s->join_table == arg ? 0 : arg;
        break;
    case PC_ACT_JOIN_SEAT:
        pc_conn_join(a->conn, s->join_table, arg, s->join_team);
        break;
    case PC_ACT_WATCH_TABLE:
        pc_conn_watch(a->conn, arg);
        break;
    case PC_ACT_JOIN_CODE:
        if (s->code[0])
            pc_conn_join_code(a->conn, s->code);
        else
            start_field(a, PC_FIELD_CODE);
        break;
    case PC_ACT_REJOIN:
        pc_conn_rejoin(a->conn);
        break;
    case PC_ACT_CREATE_FORM:
        form_reset(a, 0);
        pc_app_set_screen(a, PC_SCREEN_CREATE);
        break;
    case PC_ACT_FORM_PKG: {
        const pc_pkg_info_t *p;
        int n = pc_conn_packages(a->conn, &p);
        if (n)
            form_reset(a, (s->form.pkg + 1) % n);
        break;
    }
    case PC_ACT_FORM_SEATS:
        s->form.seats = arg;
        if (s->form.take >= arg)
            s->form.take = 0;
        break;
    case PC_ACT_FORM_BOT:
        s->form.bots ^= 1u << arg;
        if (s->form.take == arg && ((s->form.bots >> arg) & 1u))
            s->form.take = -1;
        break;
    case PC_ACT_FORM_TIMER: s->form.timer = arg; break;
    case PC_ACT_FORM_TAKE:
        s->form.take = s->form.take == arg ? -1 : arg;
        if (s->form.take >= 0)
            s->form.bots &= ~(1u << arg);
        break;
    case PC_ACT_FORM_SUBMIT:
        form_submit(a);
        break;
    default:
        if (!pc_debrief_action(a, act, arg))
            pc_console_action(a, act, arg);
        break;
    }
}
