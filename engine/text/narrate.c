/* narrate.c -- events as sentences for the log and the debrief, with team names that read well in any sentence */
#include <stdio.h>
#include <string.h>
#include "text/text.h"

static const char *card_name(const pl_ruleset_t *rs, int card, int lang)
{
    if (card < 0 || card == PL_NO_CARD || (uint32_t)card >= rs->n_cards)
        return pt_tr(lang, "a card");
    return pl_text(&rs->cards[card].name, lang);
}

static const char *space_name(const pl_ruleset_t *rs, int space, int lang)
{
    return space >= 0 && space < rs->n_spaces ? pl_text(&rs->spaces[space].name, lang) : "?";
}

static void team(const pt_ctx_t *x, int seat, char *buf, size_t len)
{
    if (seat >= 0 && seat < PL_MAX_SEATS && x->team[seat] && x->team[seat][0])
        snprintf(buf, len, "%s", x->team[seat]);
    else
        pt_team_default(x->lang, seat, buf, len);
}

/* The vote or choice effect an event is about: the one pending before the move when it matches,
 * else the first of the card's effects of that kind. UINT32_MAX when none. */
static uint32_t question_of(const pt_ctx_t *x, int card, int op)
{
    const pl_ruleset_t *rs = x->rs;
    if (x->before && (x->before->wait == PL_WAIT_VOTE || x->before->wait == PL_WAIT_CHOICE) &&
        x->before->pending.card == card && x->before->pending.effect < rs->n_effects &&
        rs->effects[x->before->pending.effect].op == op)
        return x->before->pending.effect;
    if (card < 0 || (uint32_t)card >= rs->n_cards)
        return UINT32_MAX;
    /* breadth-first is enough: questions sit at the top of a card or one level down */
    const pl_card_t *c = &rs->cards[card];
    for (uint32_t i = 0; i < c->effects.count && c->effects.first + i < rs->n_effects; i++) {
        const pl_effect_t *e = &rs->effects[c->effects.first + i];
        if (e->op == op)
            return c->effects.first + i;
    }
    return UINT32_MAX;
}

/* Label of option i of a vote: a proposal card's name for a vote over cards, else the option's. */
static void vote_option(const pt_ctx_t *x, int card, int i, char *buf, size_t len)
{
    const pl_ruleset_t *rs = x->rs;
    uint32_t e = question_of(x, card, PL_EFF_VOTE);
    if (e != UINT32_MAX && rs->effects[e].amount > 0 && x->before && i >= 0 && i < PL_MAX_OPTIONS &&
        x->before->pending.effect == e && x->before->pending.option_card[i] < rs->n_cards) {
        snprintf(buf, len, "%s", pl_text(&rs->cards[x->before->pending.option_card[i]].name, x->lang));
        return;
    }
    pt_option_label(rs, e, i, x->lang, buf, len);
}

static size_t out(const pt_ctx_t *x, char *buf, size_t len, int w)
{
    if (w < 0 || !len)
        return 0;
    if (x->lang == PL_LANG_FR) {
        char tmp[1024];
        pl_typo_fr(buf, tmp, sizeof tmp);
        w = snprintf(buf, len, "%s", tmp);
    }
    return (size_t)w < len ? (size_t)w : len - 1;
}

size_t pt_event(const pt_ctx_t *x, const pl_event_t *ev, char *buf, size_t len)
{
    const pl_ruleset_t *rs = x->rs;
    int lang = x->lang;
    char who[96], opt[160], num[32];
    team(x, ev->seat, who, sizeof who);
    const char *cn = card_name(rs, ev->card, lang);
    if (len)
        buf[0] = 0;
    switch (ev->type) {
    case PL_EV_TURN:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "Round %d · to play: %s"), ev->a, who));
    case PL_EV_SKIPPED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: misses this turn"), who));
    case PL_EV_PLAYED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: plays “%s”"), who, cn));
    case PL_EV_PAID: {
        const pl_counter_t *c = (uint32_t)ev->a < rs->n_counters ? &rs->counters[ev->a] : NULL;
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: pays %d %s"), who, ev->b,
                                         c ? pl_short_name(&c->name, &c->look, lang) : "?"));
    }
    case PL_EV_COUNTER: {
        int table = ev->seat == 0xFF;
        const pl_counter_t *c = table ? ((uint32_t)ev->a < rs->n_table_counters ? &rs->table_counters[ev->a] : NULL)
                                      : ((uint32_t)ev->a < rs->n_counters ? &rs->counters[ev->a] : NULL);
        if (!c || (!table && c->look.role == PL_ROLE_HIDDEN))
            return 0;
        snprintf(num, sizeof num, ev->b < 0 ? "\xE2\x88\x92%d" : "+%d", ev->b < 0 ? -ev->b : ev->b);
        if (table) {
            const char *tl = pl_text(&rs->table_label, lang);
            return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: %s %s (now %d)"), *tl ? tl : pt_tr(lang, "Table"),
                                             num, pl_text(&c->name, lang), ev->c));
        }
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: %s %s (now %d)"), who, num,
                                         pl_text(&c->name, lang), ev->c));
    }
    case PL_EV_TOKEN: {
        if ((uint32_t)ev->a >= rs->n_tokens || rs->tokens[ev->a].look.role == PL_ROLE_HIDDEN)
            return 0;
        snprintf(num, sizeof num, ev->b < 0 ? "\xE2\x88\x92%d" : "+%d", ev->b < 0 ? -ev->b : ev->b);
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: %s %s (now %d)"), who, num,
                                         pl_text(&rs->tokens[ev->a].name, lang), ev->c));
    }
    case PL_EV_ROLLED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: rolls %d"), who, ev->a));
    case PL_EV_MOVED:
        if (ev->c == 2) /* the facilitator put the pawn there */
            return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "The facilitator moves %s to “%s”"), who,
                                             space_name(rs, ev->b, lang)));
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: moves to “%s”"), who, space_name(rs, ev->b, lang)));
    case PL_EV_DREW:
        if (ev->card == PL_NO_CARD)
            return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: draws a card"), who));
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: draws “%s”"), who, cn));
    case PL_EV_DISCARDED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "Hand full: “%s” is discarded"), cn));
    case PL_EV_REVEALED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: reveals “%s”"), who, cn));
    case PL_EV_SHUFFLED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "The “%s” deck is reshuffled"),
                                         (uint32_t)ev->a < rs->n_decks ? pl_text(&rs->decks[ev->a].name, lang) : "?"));
    case PL_EV_CHOICE:
        return out(x, buf, len, snprintf(buf, len, pt_ntr(lang, "%s: chooses between %d option of “%s”",
                                                          "%s: chooses between %d options of “%s”", (unsigned long)ev->a),
                                         who, ev->a, cn));
    case PL_EV_BRANCH:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: reaches the fork at “%s” and picks a way"), who,
                                         space_name(rs, ev->a, lang)));
    case PL_EV_CHOSE:
        if (ev->card == PL_NO_CARD) { /* a way at a fork: the move that follows says where */
            const pl_seat_t *s = x->before && ev->seat < PL_MAX_SEATS ? &x->before->seat[ev->seat] : NULL;
            if (s && s->pos < rs->n_spaces && ev->a >= 0 && ev->a < rs->spaces[s->pos].n_next)
                return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: takes the way to “%s”"), who,
                                                 space_name(rs, rs->spaces[s->pos].next[ev->a], lang)));
            return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: picks a way"), who));
        }
        pt_option_label(rs, question_of(x, ev->card, PL_EFF_CHOICE), ev->a, lang, opt, sizeof opt);
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: chooses “%s”"), who, opt));
    case PL_EV_VOTE_OPEN:
        if (ev->card == PL_NO_CARD)
            return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s opens a vote of the table: every team votes in secret"), who));
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "Vote on “%s”: every team votes in secret"), cn));
    case PL_EV_VOTED:
        if (ev->b == 0) /* while the vote is open: only that the team voted */
            return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: has voted"), who));
        if (ev->a < 0)
            return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: did not vote"), who));
        vote_option(x, ev->card, ev->a, opt, sizeof opt);
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: voted “%s”"), who, opt));
    case PL_EV_VOTE_RESULT:
        if (ev->a == 0xFF && ev->card == PL_NO_CARD)
            return out(x, buf, len, snprintf(buf, len, "%s", pt_tr(lang, "Vote of the table: a tie")));
        if (ev->a == 0xFF)
            return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "Vote on “%s”: a tie"), cn));
        vote_option(x, ev->card, ev->a, opt, sizeof opt);
        if (ev->card == PL_NO_CARD)
            return out(x, buf, len, snprintf(buf, len, pt_ntr(lang, "Vote of the table: “%s” wins with %d vote",
                                                              "Vote of the table: “%s” wins with %d votes", (unsigned long)ev->b),
                                             opt, ev->b));
        return out(x, buf, len, snprintf(buf, len, pt_ntr(lang, "Vote on “%s”: “%s” wins with %d vote",
                                                          "Vote on “%s”: “%s” wins with %d votes", (unsigned long)ev->b),
                                         cn, opt, ev->b));
    case PL_EV_DELAYED:
        return out(x, buf, len, snprintf(buf, len, pt_ntr(lang, "%s: the effects of “%s” will come in %d turn",
                                                          "%s: the effects of “%s” will come in %d turns", (unsigned long)ev->a),
                                         who, cn, ev->a));
    case PL_EV_DELAY_FIRED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: the later effects of “%s” arrive"), who, cn));
    case PL_EV_SKIP_SET:
        return out(x, buf, len, snprintf(buf, len, pt_ntr(lang, "%s: will miss %d turn", "%s: will miss %d turns",
                                                          (unsigned long)ev->a), who, ev->a));
    case PL_EV_FINISHED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: reaches the end of the board"), who));
    case PL_EV_TIMEOUT:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "%s: ran out of time"), who));
    case PL_EV_GAME_OVER:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "Game over after round %d (best score %d)"), ev->c, ev->b));
    case PL_EV_PAUSED:
        return out(x, buf, len, snprintf(buf, len, "%s", ev->a ? pt_tr(lang, "The facilitator holds the table")
                                                               : pt_tr(lang, "The facilitator lets the table go on")));
    case PL_EV_ENDED:
        return out(x, buf, len, snprintf(buf, len, pt_tr(lang, "The facilitator ends the game at round %d"), ev->a));
    }
    return 0;
}
