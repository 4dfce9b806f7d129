/* clock.c -- the clock every screen of a table shows: the turn timer, the vote timer and a prompt's telling time,
 * kept by the server, frozen while the facilitator holds the table */
#include <stdio.h>
#include <string.h>
#include "server.h"

static srv_t *srv_of(const table_t *t)
{
    return t->timer.loop->data;
}

static const char *kind_name(int kind)
{
    switch (kind) {
    case SRV_CLOCK_TURN: return "turn";
    case SRV_CLOCK_VOTE: return "vote";
    case SRV_CLOCK_PROMPT: return "prompt";
    default: return "none";
    }
}

static uint32_t left_ms(const table_t *t)
{
    if (t->clock_kind == SRV_CLOCK_NONE)
        return 0;
    if (t->clock_frozen)
        return t->clock_left_ms;
    uint64_t now = srv_now_ms(srv_of(t));
    return t->clock_end_ms > now ? (uint32_t)(t->clock_end_ms - now) : 0;
}

json_t *srv_clock_json(const table_t *t)
{
    return json_pack("{s:s,s:i,s:I,s:b}", "kind", kind_name(t->clock_kind), "seconds", (int)t->clock_total_s,
                     "left_ms", (json_int_t)left_ms(t), "paused", t->st.paused);
}

static void send_to(table_t *t, conn_t *c, json_t *m)
{
    size_t len;
    uint8_t *buf = proto_frame(m, PROTO_MAX_FRAME_S2C, &len);
    json_decref(m);
    sframe_t *f = buf ? srv_frame_adopt(buf, len) : NULL;
    if (!f)
        return;
    if (c)
        srv_send_shared(c, f);
    else
        for (int i = 0; i < t->n_subs; i++)
            if (!t->subs[i].c->closing && !t->subs[i].c->shutting)
                srv_send_shared(t->subs[i].c, f);
    srv_frame_unref(f);
}

void srv_clock_send(table_t *t, conn_t *c)
{
    json_t *m = proto_msg("clock", -1);
    json_object_set_new(m, "table", json_integer(t->id));
    json_object_set_new(m, "clock", srv_clock_json(t));
    json_object_set_new(m, "seq", json_integer(t->st.seq));
    send_to(t, c, m);
}

void srv_message_send(table_t *t, conn_t *c)
{
    if (!t->message[0])
        return;
    json_t *m = proto_msg("message", -1);
    json_object_set_new(m, "table", json_integer(t->id));
    json_object_set_new(m, "text", json_string(t->message));
    json_object_set_new(m, "at", json_integer(t->message_at));
    send_to(t, c, m);
}

/* the vote open now, as a key that stays the same from its opening to its result */
static uint64_t vote_key(const table_t *t)
{
    return 1ull << 63 | (uint64_t)t->st.n_votes << 32 | (uint64_t)t->st.pending.card << 16 | t->st.pending.n_options;
}

static void on_clock(uv_timer_t *h);

static void start(table_t *t, int kind, uint64_t key, uint32_t seconds)
{
    uv_timer_stop(&t->timer);
    t->timer_on = 0;
    t->clock_kind = kind;
    t->clock_key = key;
    t->clock_total_s = seconds;
    t->clock_frozen = 0;
    if (kind != SRV_CLOCK_NONE) {
        t->clock_end_ms = srv_now_ms(srv_of(t)) + (uint64_t)seconds * 1000;
        uv_timer_start(&t->timer, on_clock, (uint64_t)seconds * 1000, 0);
        t->timer_on = 1;
    }
}

void srv_clock_update(table_t *t)
{
    const pl_ruleset_t *rs = t->pkg->rs;
    const pl_state_t *st = &t->st;
    int kind = SRV_CLOCK_NONE;
    uint32_t seconds = 0;
    uint64_t key = 0;
    unsigned humans = pl_expected(st) & ~srv_table_bots(t);
    if (st->paused && t->clock_kind != SRV_CLOCK_NONE && !t->broken && st->wait != PL_WAIT_OVER) {
        if (!t->clock_frozen) { /* held: the clock stops where it is, every screen shows it */
            t->clock_left_ms = left_ms(t);
            t->clock_frozen = 1;
            uv_timer_stop(&t->timer);
            t->timer_on = 0;
            srv_clock_send(t, NULL);
            srv_table_status(t);
        }
        return;
    }
    if (!t->broken && st->wait != PL_WAIT_OVER && !st->paused) {
        if (st->wait == PL_WAIT_VOTE) {
            key = vote_key(t);
            const pl_card_t *c = st->pending.card < rs->n_cards ? &rs->cards[st->pending.card] : NULL;
            uint32_t tell = c && c->kind == PL_CARD_PROMPT ? rs->decks[c->deck].seconds : 0;
            if (tell && t->prompt_told_key != key) {
                kind = SRV_CLOCK_PROMPT;
                seconds = tell;
            } else if (t->vote_timer_s && humans) {
                kind = SRV_CLOCK_VOTE;
                seconds = t->vote_timer_s;
            }
        } else if (t->timer_s && humans) {
            kind = SRV_CLOCK_TURN;
            seconds = t->timer_s;
            key = t->player_moves; /* each move of a team starts its time again (not the facilitator's) */
        }
    }
    if (t->clock_frozen && kind == t->clock_kind && key == t->clock_key) { /* let go: on from where it stopped */
        t->clock_frozen = 0;
        t->clock_end_ms = srv_now_ms(srv_of(t)) + t->clock_left_ms;
        uv_timer_start(&t->timer, on_clock, t->clock_left_ms, 0);
        t->timer_on = 1;
        srv_clock_send(t, NULL);
        srv_table_status(t);
        return;
    }
    if (kind == t->clock_kind && key == t->clock_key && seconds == t->clock_total_s && !t->clock_frozen)
        return; /* the same phase goes on */
    int was = t->clock_kind;
    start(t, kind, key, seconds);
    if (kind != SRV_CLOCK_NONE || was != SRV_CLOCK_NONE) {
        srv_clock_send(t, NULL);
        srv_table_status(t);
    }
}

static void on_clock(uv_timer_t *h)
{
    table_t *t = h->data;
    t->timer_on = 0;
    if (t->st.wait == PL_WAIT_OVER || t->st.paused || t->broken)
        return;
    if (t->clock_kind == SRV_CLOCK_PROMPT) { /* the telling time is over: the vote's own time, if any */
        t->prompt_told_key = t->clock_key;
        srv_log("table %u: prompt telling time over at move %u", t->id, t->st.seq);
        srv_clock_update(t);
        srv_kick(srv_of(t));
        return;
    }
    pl_move_t mv = { PL_MOVE_TIMEOUT, t->st.current, 0 };
    pl_error_t err;
    const char *what = kind_name(t->clock_kind);
    t->clock_kind = SRV_CLOCK_NONE;
    if (srv_table_move(t, &mv, &err) == PL_OK)
        srv_log("table %u: %s timer fired at move %u", t->id, what, t->st.seq);
    else
        srv_log("table %u: timeout refused: %s", t->id, err.msg);
    srv_table_after_moves(t);
}
