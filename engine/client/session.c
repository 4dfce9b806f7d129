/* session.c -- what every table session shares: intents, the timeline, moments to show, events for the app */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "client/session.h"
#include "text/text.h"

void pc_session_init(pc_session_t *s, const pc_session_ops_t *ops, int kind, const pl_ruleset_t *rs, int lang)
{
    s->ops = ops;
    s->kind = kind;
    s->rs = rs;
    s->lang = lang;
    s->prompt_card = PL_NO_CARD;
    s->event_card = PL_NO_CARD;
    s->reveal_effect = UINT32_MAX;
    for (int i = 0; i < PL_MAX_OPTIONS; i++)
        s->reveal_cards[i] = PL_NO_CARD;
}

void pc_session_fini(pc_session_t *s)
{
    pc_glog_free(&s->glog);
    free(s->log);
    s->log = NULL;
    s->log_n = s->log_cap = 0;
}

void pc_session_destroy(pc_session_t *s)
{
    if (s)
        s->ops->destroy(s);
}

void pc_session_ask_log(pc_session_t *s)
{
    if (s->glog_ready) {
        pc_session_emit(s, PC_SE_LOG, 1, PL_NO_CARD, NULL);
        return;
    }
    s->ops->ask_log(s);
}

const pc_glog_t *pc_session_glog(const pc_session_t *s)
{
    return s && s->glog_ready ? &s->glog : NULL;
}

void pc_session_move(pc_session_t *s, int type, int seat, int arg)
{
    pl_move_t mv = { (uint8_t)type, (uint8_t)seat, (uint16_t)arg };
    s->ops->move(s, &mv);
}

int pc_session_tick(pc_session_t *s, uint32_t now_ms, int bots_may_play)
{
    return s->ops->tick ? s->ops->tick(s, now_ms, bots_may_play) : -1;
}

void pc_session_emit(pc_session_t *s, int type, int seat, int card, const char *text)
{
    if (s->ev_n == PC_SEV_MAX) { /* the app is far behind: the oldest is dropped */
        s->ev_head = (s->ev_head + 1) % PC_SEV_MAX;
        s->ev_n--;
    }
    pc_sevent_t *e = &s->ev[(s->ev_head + s->ev_n++) % PC_SEV_MAX];
    e->type = type;
    e->seat = seat;
    e->card = card;
    snprintf(e->text, sizeof e->text, "%s", text ? text : "");
}

int pc_session_next(pc_session_t *s, pc_sevent_t *out)
{
    if (!s || !s->ev_n)
        return 0;
    *out = s->ev[s->ev_head];
    s->ev_head = (s->ev_head + 1) % PC_SEV_MAX;
    s->ev_n--;
    return 1;
}

int pc_session_to_act(const pc_session_t *s)
{
    if (s->st.wait == PL_WAIT_OVER || s->watching)
        return -1;
    unsigned exp = pl_expected(&s->st) & ((1u << s->st.n_seats) - 1u);
    if (exp & s->bots)
        return -1; /* bots first, so that a human ballot closes the vote */
    for (int seat = 0; seat < s->st.n_seats; seat++)
        if (exp & s->mine & (1u << seat))
            return seat;
    return -1;
}

int pc_session_is_bot(const pc_session_t *s, int seat)
{
    return seat >= 0 && seat < PL_MAX_SEATS && ((s->bots >> seat) & 1u);
}

void pc_session_team(const pc_session_t *s, int seat, int lang, char *buf, size_t len)
{
    if (seat >= 0 && seat < PL_MAX_SEATS && s->team[seat][0])
        snprintf(buf, len, "%s", s->team[seat]);
    else
        pt_team_default(lang, seat, buf, len);
}

const pc_log_line_t *pc_session_log(const pc_session_t *s, int i)
{
    return i >= 0 && i < s->log_n ? &s->log[s->log_n - 1 - i] : NULL;
}

void pc_session_reveal_done(pc_session_t *s)
{
    s->reveal_pending = 0;
}

void pc_session_prompt_done(pc_session_t *s)
{
    s->prompt_card = PL_NO_CARD;
}

void pc_session_event_done(pc_session_t *s)
{
    s->event_card = PL_NO_CARD;
}

void pc_session_set_lang(pc_session_t *s, int lang)
{
    s->lang = lang;
}

static pc_log_line_t *new_line(pc_session_t *s, int seat, int kind, int card)
{
    if (s->log_n == s->log_cap) {
        int cap = s->log_cap ? s->log_cap * 2 : 256;
        pc_log_line_t *n = realloc(s->log, (size_t)cap * sizeof *n);
        if (!n)
            return NULL;
        s->log = n;
        s->log_cap = cap;
    }
    pc_log_line_t *l = &s->log[s->log_n++];
    memset(l, 0, sizeof *l);
    l->round = s->st.round;
    l->seat = (uint8_t)(seat < 0 || seat >= PL_MAX_SEATS ? 0xFFu : (unsigned)seat);
    l->kind = (uint8_t)kind;
    l->card = (uint16_t)(card < 0 ? PL_NO_CARD : (unsigned)card);
    return l;
}

void pc_session_note(pc_session_t *s, int seat, const char *fr, const char *en)
{
    pc_log_line_t *l = new_line(s, seat, PC_LOG_PLAIN, PL_NO_CARD);
    if (!l)
        return;
    snprintf(l->text[PL_LANG_FR], PC_LOG_LEN, "%s", fr);
    snprintf(l->text[PL_LANG_EN], PC_LOG_LEN, "%s", en);
}

/* "+2 Deniers publics": one change of a counter, token or payment, for a grouped line */
static void change_text(const pl_ruleset_t *rs, const pl_event_t *ev, int lang, char *buf, size_t len)
{
    int32_t d = ev->type == PL_EV_PAID ? -ev->b : ev->b;
    const char *name = "?";
    if (ev->type == PL_EV_TOKEN && (uint32_t)ev->a < rs->n_tokens)
        name = pl_text(&rs->tokens[ev->a].name, lang);
    else if (ev->type != PL_EV_TOKEN && (uint32_t)ev->a < rs->n_counters)
        name = pl_text(&rs->counters[ev->a].name, lang);
    if (d < 0)
        snprintf(buf, len, "\xE2\x88\x92%d %s", -d, name);
    else
        snprintf(buf, len, "+%d %s", d, name);
}

static int hidden_change(const pl_ruleset_t *rs, const pl_event_t *ev)
{
    if (ev->type == PL_EV_TOKEN)
        return (uint32_t)ev->a >= rs->n_tokens || rs->tokens[ev->a].look.role == PL_ROLE_HIDDEN;
    return (uint32_t)ev->a >= rs->n_counters || rs->counters[ev->a].look.role == PL_ROLE_HIDDEN;
}

void pc_session_take_events(pc_session_t *s, const pl_event_t *ev, int n)
{
    const pl_ruleset_t *rs = s->rs;
    pt_ctx_t x[PL_LANG_COUNT];
    for (int l = 0; l < PL_LANG_COUNT; l++) {
        x[l].rs = rs;
        x[l].before = &s->before;
        x[l].lang = l;
        for (int k = 0; k < PL_MAX_SEATS; k++)
            x[l].team[k] = s->team[k];
    }
    pc_log_line_t *group = NULL; /* the line gathering one seat's counter changes */
    int group_seat = -1;
    for (int i = 0; i < n; i++) {
        const pl_event_t *e = &ev[i];
        int seat = e->seat == 0xFF ? -1 : e->seat;
        /* counter and token changes of a seat, payments included, on one line */
        if ((e->type == PL_EV_COUNTER && e->seat != 0xFF) || e->type == PL_EV_TOKEN || e->type == PL_EV_PAID) {
            if (e->b == 0 || hidden_change(rs, e))
                continue;
            if (!group || group_seat != seat) {
                group = new_line(s, seat, PC_LOG_PLAIN, PL_NO_CARD);
                group_seat = seat;
                if (group)
                    for (int l = 0; l < PL_LANG_COUNT; l++) {
                        char team[PC_TEAM_LEN];
                        pc_session_team(s, seat, l, team, sizeof team);
                        snprintf(group->text[l], PC_LOG_LEN, pt_tr(l, "%s:"), team);
                    }
            }
            if (group)
                for (int l = 0; l < PL_LANG_COUNT; l++) {
                    char one[96];
                    change_text(rs, e, l, one, sizeof one);
                    size_t used = strlen(group->text[l]);
                    int first = group->text[l][used - 1] == ':';
                    snprintf(group->text[l] + used, PC_LOG_LEN - used, "%s%s", first ? " " : ", ", one);
                    if (l == PL_LANG_FR) { /* "Équipe 1 :" with its no-break space */
                        char tmp[PC_LOG_LEN];
                        snprintf(tmp, sizeof tmp, "%s", group->text[l]);
                        pl_typo_fr(tmp, group->text[l], PC_LOG_LEN);
                    }
                }
            continue;
        }
        group = NULL;
        switch (e->type) {
        case PL_EV_VOTE_RESULT:
            if (s->st.n_votes > 0) {
                s->reveal = s->st.vote_log[s->st.n_votes - 1];
                s->reveal_effect = s->before.wait == PL_WAIT_VOTE ? s->before.pending.effect : UINT32_MAX;
                /* a vote over cards (proposals drawn from a deck): the cards in play; else none */
                for (int o = 0; o < PL_MAX_OPTIONS; o++) {
                    const pl_pending_t *q = &s->before.pending;
                    int over_cards = s->before.wait == PL_WAIT_VOTE && q->effect < rs->n_effects &&
                                     rs->effects[q->effect].opts.count == 0 && o < q->n_options;
                    s->reveal_cards[o] = over_cards ? s->before.pending.option_card[o] : PL_NO_CARD;
                }
                s->reveal_pending = 1;
                pc_session_emit(s, PC_SE_VOTE_RESULT, seat, e->card, NULL);
            }
            break;
        case PL_EV_REVEALED:
            if (e->card < rs->n_cards && rs->cards[e->card].kind == PL_CARD_PROMPT) {
                s->prompt_card = e->card;
                s->prompt_seat = seat;
                pc_session_emit(s, PC_SE_PROMPT, seat, e->card, NULL);
            } else if (e->card < rs->n_cards && rs->cards[e->card].kind == PL_CARD_EVENT) {
                s->event_card = e->card;
                s->event_seat = seat;
                s->event_move = s->moves;
                pc_session_emit(s, PC_SE_EVENT_CARD, seat, e->card, NULL);
            }
            break;
        case PL_EV_TURN:
            if (s->before.wait != PL_WAIT_OVER && s->before.current != e->seat)
                pc_session_emit(s, PC_SE_TURN_END, s->before.current, PL_NO_CARD, NULL);
            if (s->event_move != s->moves) /* an event stays up through the turn it came in, and the next */
                s->event_card = PL_NO_CARD;
            break;
        case PL_EV_GAME_OVER:
            pc_session_emit(s, PC_SE_OVER, -1, PL_NO_CARD, NULL);
            break;
        default:
            break;
        }
        char fr[PC_LOG_LEN], en[PC_LOG_LEN];
        if (!pt_event(&x[PL_LANG_FR], e, fr, sizeof fr) || !pt_event(&x[PL_LANG_EN], e, en, sizeof en))
            continue;
        int kind = e->type == PL_EV_TURN ? PC_LOG_TURN
                   : (e->type == PL_EV_REVEALED || e->type == PL_EV_PLAYED || e->type == PL_EV_DELAY_FIRED) &&
                             e->card < rs->n_cards ? PC_LOG_CARD : PC_LOG_PLAIN;
        pc_log_line_t *l = new_line(s, seat, kind, kind == PC_LOG_CARD ? e->card : PL_NO_CARD);
        if (l) {
            snprintf(l->text[PL_LANG_FR], PC_LOG_LEN, "%s", fr);
            snprintf(l->text[PL_LANG_EN], PC_LOG_LEN, "%s", en);
        }
    }
    pc_session_emit(s, PC_SE_CHANGED, -1, PL_NO_CARD, NULL);
}

uint32_t pc_session_clock_left(const pc_session_t *s, uint32_t now)
{
    if (!s || s->clock_kind == PC_CLOCK_NONE)
        return 0;
    if (s->clock_frozen)
        return s->clock_left_ms;
    return (int32_t)(s->clock_deadline - now) > 0 ? s->clock_deadline - now : 0;
}
