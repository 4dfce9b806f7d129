/* session_local.c -- hot-seat: moves go through the rules core here, bots play the empty seats, every move is saved */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "client/save.h"
#include "client/session_local.h"
#include "text/text.h"

typedef struct {
    pc_session_t s; /* first: the common part */
    pl_bot_t bot[PL_MAX_SEATS];
    int bot_delay_ms;
    uint32_t next_bot_at;
    int bot_wait_armed;
    pc_saver_t saver;
    char save_err[320];
    pl_events_t evs;
    int turn_timer_s, vote_timer_s;
    uint32_t clock_moves;         /* the move count the clock was started for */
    int clock_on;
    uint64_t seed;
    pl_move_t *log;               /* every accepted move, for a reload of the package (--watch) */
    size_t log_n, log_cap;
} local_t;

static void apply_move(local_t *l, const pl_move_t *mv, int save)
{
    pc_session_t *s = &l->s;
    pl_error_t e;
    pl_state_t before = s->st;
    int rc = pl_apply(s->rs, &s->st, mv, &l->evs, &e);
    if (rc != PL_OK) {
        char why[256];
        pt_refusal(s->rs, &s->st, mv, rc, s->lang, why, sizeof why);
        pc_session_emit(s, PC_SE_REFUSED, mv->seat, mv->type == PL_MOVE_PLAY ? mv->arg : PL_NO_CARD, why);
        return;
    }
    s->before = before;
    s->moves++;
    if (l->log_n == l->log_cap) {
        size_t cap = l->log_cap ? l->log_cap * 2 : 256;
        pl_move_t *nl = realloc(l->log, cap * sizeof *nl);
        if (nl) {
            l->log = nl;
            l->log_cap = cap;
        }
    }
    if (l->log_n < l->log_cap)
        l->log[l->log_n++] = *mv;
    if (save && l->saver.f && pc_saver_move(&l->saver, mv) != 0) {
        snprintf(l->save_err, sizeof l->save_err, "%s", pt_tr(s->lang, "The game can no longer be saved on this computer."));
        pc_saver_close(&l->saver);
        pc_session_emit(s, PC_SE_NOTICE, -1, PL_NO_CARD, l->save_err);
    }
    /* a shared screen shows what an observer sees: no drawn card names, no secret ballots */
    pl_event_t pub[PL_MAX_EVENTS];
    int n = 0;
    for (int i = 0; i < l->evs.n; i++)
        if (pl_event_for(&l->evs.ev[i], PL_WHO_OBSERVER, &pub[n]))
            n++;
    pc_session_take_events(s, pub, n);
    if (s->st.wait == PL_WAIT_OVER)
        pc_saver_close(&l->saver); /* a finished game stays on disk for the debrief */
}

static void local_move(pc_session_t *s, const pl_move_t *mv)
{
    local_t *l = (local_t *)s;
    if (mv->seat >= s->st.n_seats || !((s->mine >> mv->seat) & 1u)) {
        pc_session_emit(s, PC_SE_REFUSED, mv->seat, PL_NO_CARD, pt_reason(PL_ERR_NOT_YOUR_TURN, s->lang));
        return;
    }
    apply_move(l, mv, 1);
}

/* the hot-seat clock: each move of a team at this screen starts its time again; run out, the rules settle it */
static int local_clock(local_t *l, uint32_t now)
{
    pc_session_t *s = &l->s;
    unsigned humans = pl_expected(&s->st) & s->mine;
    int vote = s->st.wait == PL_WAIT_VOTE;
    int secs = vote ? l->vote_timer_s : l->turn_timer_s;
    if (s->st.wait == PL_WAIT_OVER || !humans || secs <= 0) {
        s->clock_kind = PC_CLOCK_NONE;
        l->clock_on = 0;
        return -1;
    }
    if (!l->clock_on || l->clock_moves != s->moves) {
        l->clock_on = 1;
        l->clock_moves = s->moves;
        s->clock_kind = vote ? PC_CLOCK_VOTE : PC_CLOCK_TURN;
        s->clock_total_s = (uint32_t)secs;
        s->clock_deadline = now + (uint32_t)secs * 1000u;
        s->clock_frozen = 0;
        pc_session_emit(s, PC_SE_CHANGED, -1, PL_NO_CARD, NULL);
    }
    if ((int32_t)(s->clock_deadline - now) > 0)
        return (int)(s->clock_deadline - now);
    pl_move_t mv = { PL_MOVE_TIMEOUT, (uint8_t)s->st.current, 0 };
    l->clock_on = 0;
    apply_move(l, &mv, 1);
    return 0;
}

static int local_tick(pc_session_t *s, uint32_t now, int bots_may_play)
{
    local_t *l = (local_t *)s;
    int clock = local_clock(l, now);
    if (clock == 0)
        return 0;
    if (s->st.wait == PL_WAIT_OVER || !bots_may_play)
        return clock;
    unsigned due = pl_expected(&s->st) & s->bots;
    if (!due) {
        l->bot_wait_armed = 0;
        return clock;
    }
    if (!l->bot_wait_armed) { /* the pause starts when the bot's turn comes */
        l->next_bot_at = now + (uint32_t)l->bot_delay_ms;
        l->bot_wait_armed = 1;
    }
    if (l->bot_delay_ms > 0 && (int32_t)(l->next_bot_at - now) > 0) {
        int wait = (int)(l->next_bot_at - now);
        return clock >= 0 && clock < wait ? clock : wait;
    }
    int seat = __builtin_ctz(due);
    pl_move_t mv;
    pl_state_t view;
    pl_view(s->rs, &s->st, seat, &view); /* a bot thinks on what its seat may see */
    if (!pl_bot_move(s->rs, &view, seat, &l->bot[seat], &mv))
        mv = (pl_move_t){ PL_MOVE_TIMEOUT, (uint8_t)seat, 0 }; /* nothing legal: let the timer settle it */
    apply_move(l, &mv, 1);
    l->bot_wait_armed = 0;
    return 0;
}

static void local_destroy(pc_session_t *s)
{
    local_t *l = (local_t *)s;
    pc_saver_close(&l->saver);
    free(l->log);
    pc_session_fini(s);
    free(l);
}

/* the moves kept since the start (the game's seed and every accepted move): the debrief's input */
static void local_ask_log(pc_session_t *s)
{
    local_t *l = (local_t *)s;
    pc_glog_t *g = &s->glog;
    pc_glog_free(g);
    memset(g, 0, sizeof *g);
    g->n_seats = s->st.n_seats;
    g->seed = l->seed;
    g->bots = s->bots;
    g->over = s->st.wait == PL_WAIT_OVER;
    snprintf(g->package, sizeof g->package, "%s", s->rs->id ? s->rs->id : "");
    for (int i = 0; i < PL_MAX_SEATS; i++)
        snprintf(g->team[i], sizeof g->team[i], "%s", s->team[i]);
    for (size_t i = 0; i < l->log_n; i++)
        if (pc_glog_push(g, &l->log[i]) != 0) {
            pc_glog_free(g);
            pc_session_emit(s, PC_SE_LOG, 0, PL_NO_CARD, pt_tr(s->lang, "Out of memory."));
            return;
        }
    s->glog_ready = 1;
    pc_session_emit(s, PC_SE_LOG, 1, PL_NO_CARD, NULL);
}

static const pc_session_ops_t local_ops = { local_move, local_tick, local_destroy, local_ask_log };

static local_t *make(const pc_local_opts_t *o, char *err, size_t errlen)
{
    local_t *l = calloc(1, sizeof *l);
    if (!l) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    pc_session_t *s = &l->s;
    pc_session_init(s, &local_ops, PC_SESSION_LOCAL, o->rs, o->lang);
    pl_error_t e;
    if (pl_state_init(o->rs, &s->st, o->n_seats, o->seed, &e) != PL_OK) {
        snprintf(err, errlen, "cannot set up the table: %s", e.msg);
        free(l);
        return NULL;
    }
    unsigned all = (1u << o->n_seats) - 1u;
    s->mine = o->human & all;
    s->bots = all & ~s->mine;
    s->before = s->st;
    memcpy(s->team, o->team, sizeof s->team);
    l->bot_delay_ms = o->bot_delay_ms;
    l->turn_timer_s = o->turn_timer_s;
    l->vote_timer_s = o->vote_timer_s;
    l->seed = o->seed;
    for (int i = 0; i < o->n_seats; i++)
        pl_bot_init(&l->bot[i], PL_BOT_GREEDY, o->seed * 31u + (uint64_t)i + 1);
    return l;
}

static void save_header(const pc_local_opts_t *o, pc_save_t *h)
{
    memset(h, 0, sizeof *h);
    snprintf(h->package, sizeof h->package, "%s", o->rs->id ? o->rs->id : "");
    snprintf(h->hash, sizeof h->hash, "%s", o->package_hash ? o->package_hash : "");
    h->seed = o->seed;
    h->n_seats = o->n_seats;
    unsigned all = (1u << o->n_seats) - 1u;
    h->human = o->human & all;
    h->bots = all & ~h->human;
    memcpy(h->team, o->team, sizeof h->team);
    h->started = (int64_t)time(NULL);
}

pc_session_t *pc_session_local_create(const pc_local_opts_t *o, char *err, size_t errlen)
{
    local_t *l = make(o, err, errlen);
    if (!l)
        return NULL;
    pc_session_note(&l->s, -1, pt_tr(PL_LANG_FR, "A new table is set. Good game!"), "A new table is set. Good game!");
    if (o->save_path) {
        pc_save_t h;
        save_header(o, &h);
        char e2[300];
        if (pc_saver_open(&l->saver, o->save_path, &h, e2, sizeof e2) != 0)
            snprintf(l->save_err, sizeof l->save_err, "%s", e2); /* play on, unsaved: the app tells */
    }
    return &l->s;
}

pc_session_t *pc_session_local_resume(const pc_local_opts_t *o, char *err, size_t errlen)
{
    pc_save_t sv;
    char why[400];
    if (!o->save_path || pc_save_read(o->save_path, &sv, why, sizeof why) != 0) {
        snprintf(err, errlen, "%s", o->save_path ? why : "no saved game");
        return NULL;
    }
    if (!o->rs->id || strcmp(sv.package, o->rs->id) != 0 || !o->package_hash ||
        strcmp(sv.hash, o->package_hash) != 0) {
        snprintf(err, errlen, "%s", pt_tr(o->lang, "This saved game belongs to another game or another version of it."));
        pc_save_free(&sv);
        return NULL;
    }
    pc_local_opts_t ro = *o;
    ro.n_seats = sv.n_seats;
    ro.human = sv.human;
    ro.seed = sv.seed;
    memcpy(ro.team, sv.team, sizeof ro.team);
    local_t *l = make(&ro, err, errlen);
    if (!l) {
        pc_save_free(&sv);
        return NULL;
    }
    pc_session_t *s = &l->s;
    for (size_t i = 0; i < sv.n_moves; i++) {
        pl_state_t keep = s->st;
        apply_move(l, &sv.moves[i], 0);
        if (s->st.seq == keep.seq) { /* a move the rules refuse: the save is not this game's */
            snprintf(err, errlen, pt_tr(o->lang, "The saved game is damaged at move %zu."), i + 1);
            pc_save_free(&sv);
            local_destroy(s);
            return NULL;
        }
    }
    pc_save_free(&sv);
    /* the moments of the replay were shown already: only the table's state counts now */
    s->ev_n = 0;
    s->reveal_pending = 0;
    s->prompt_card = PL_NO_CARD;
    pc_session_note(s, -1, pt_tr(PL_LANG_FR, "The saved game is resumed."), "The saved game is resumed.");
    pc_session_emit(s, PC_SE_CHANGED, -1, PL_NO_CARD, NULL);
    if (s->st.wait != PL_WAIT_OVER) {
        char e2[300];
        if (pc_saver_append(&l->saver, o->save_path, e2, sizeof e2) != 0)
            snprintf(l->save_err, sizeof l->save_err, "%s", e2);
    }
    return s;
}

const char *pc_session_local_save_error(const pc_session_t *s)
{
    return s->kind == PC_SESSION_LOCAL ? ((const local_t *)s)->save_err : "";
}

pc_session_t *pc_session_local_reload(const pc_session_t *old, const pc_local_opts_t *o, size_t *kept, char *err,
                                      size_t errlen)
{
    const local_t *was = (const local_t *)old;
    if (old->kind != PC_SESSION_LOCAL) {
        snprintf(err, errlen, "not a hot-seat table");
        return NULL;
    }
    pc_local_opts_t ro = *o;
    ro.n_seats = old->st.n_seats;
    ro.human = old->mine;
    ro.seed = was->seed;
    memcpy(ro.team, old->team, sizeof ro.team);
    pc_session_t *s = pc_session_local_create(&ro, err, errlen);
    if (!s)
        return NULL;
    local_t *l = (local_t *)s;
    /* the same seed and the moves the new rules still take, in order: the first one refused ends the replay */
    size_t i = 0;
    for (; i < was->log_n; i++) {
        uint32_t before = s->moves;
        pl_error_t e;
        pl_state_t probe = s->st;
        if (pl_apply(o->rs, &probe, &was->log[i], NULL, &e) != PL_OK)
            break;
        apply_move(l, &was->log[i], 1);
        if (s->moves == before)
            break;
    }
    *kept = i;
    s->ev_n = 0; /* what the replay caused was seen already */
    s->reveal_pending = 0;
    s->prompt_card = PL_NO_CARD;
    s->event_card = PL_NO_CARD;
    char fr[PC_LOG_LEN], en[PC_LOG_LEN];
    snprintf(fr, sizeof fr, pt_tr(PL_LANG_FR, "The game was reloaded: %zu of %zu moves replayed."), i, was->log_n);
    snprintf(en, sizeof en, "The game was reloaded: %zu of %zu moves replayed.", i, was->log_n);
    pc_session_note(s, -1, fr, en);
    pc_session_emit(s, PC_SE_CHANGED, -1, PL_NO_CARD, NULL);
    return s;
}
