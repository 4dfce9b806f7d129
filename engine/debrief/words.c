/* words.c -- the debrief in words: team names, questions and options, moves, turning points, in the language asked */
#include <stdio.h>
#include <string.h>
#include "text/text.h"
#include "debrief/debrief.h"

/* French typography on what we built (package texts got theirs at load) */
static size_t done(int lang, char *buf, size_t len, int w)
{
    if (!len)
        return 0;
    if (w < 0) {
        buf[0] = 0;
        return 0;
    }
    if (lang == PL_LANG_FR) {
        char tmp[1024];
        pl_typo_fr(buf, tmp, sizeof tmp);
        w = snprintf(buf, len, "%s", tmp);
    }
    return (size_t)w < len ? (size_t)w : len - 1;
}

static const char *card_name(const pl_ruleset_t *rs, uint16_t card, int lang)
{
    return card < rs->n_cards ? pl_text(&rs->cards[card].name, lang) : "?";
}

static const char *space_name(const pl_ruleset_t *rs, uint8_t space, int lang)
{
    return space < rs->n_spaces ? pl_text(&rs->spaces[space].name, lang) : "?";
}

size_t pd_team(const pd_table_t *t, int seat, int lang, char *buf, size_t len)
{
    char name[PD_TEAM_LEN + 16];
    if (seat >= 0 && seat < PL_MAX_SEATS && t->team[seat][0])
        snprintf(name, sizeof name, "%s", t->team[seat]);
    else
        pt_team_default(lang, seat, name, sizeof name);
    if (seat >= 0 && seat < PL_MAX_SEATS && (t->bots >> seat & 1u))
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "%s (bot)"), name));
    return done(lang, buf, len, snprintf(buf, len, "%s", name));
}

/* whether another card of the same deck has the same name (two prompts "Fiction: environment") */
static int name_shared(const pl_ruleset_t *rs, uint16_t card, int lang)
{
    const pl_card_t *c = &rs->cards[card];
    const pl_deck_t *d = c->deck < rs->n_decks ? &rs->decks[c->deck] : NULL;
    for (uint32_t i = d ? d->first : 0; d && i < (uint32_t)d->first + d->count && i < rs->n_cards; i++)
        if (i != card && !strcmp(pl_text(&rs->cards[i].name, lang), pl_text(&c->name, lang)))
            return 1;
    return 0;
}

static size_t question(const pl_ruleset_t *rs, uint16_t card, uint8_t space, int lang, char *buf, size_t len)
{
    if (card < rs->n_cards && name_shared(rs, card, lang) && *pl_text(&rs->cards[card].text, lang))
        return done(lang, buf, len, snprintf(buf, len, "%s · %s", card_name(rs, card, lang),
                                             pl_text(&rs->cards[card].text, lang)));
    if (card < rs->n_cards)
        return done(lang, buf, len, snprintf(buf, len, "%s", card_name(rs, card, lang)));
    if (space < rs->n_spaces)
        return done(lang, buf, len, snprintf(buf, len, "%s", space_name(rs, space, lang)));
    return done(lang, buf, len, snprintf(buf, len, "%s", pt_tr(lang, "Vote of the table")));
}

size_t pd_vote_question(const pd_table_t *t, const pd_vote_t *v, int lang, char *buf, size_t len)
{
    return question(t->rs, v->card, v->space, lang, buf, len);
}

size_t pd_vote_option(const pd_table_t *t, const pd_vote_t *v, int i, int lang, char *buf, size_t len)
{
    const pl_ruleset_t *rs = t->rs;
    if (v->kind == PD_VOTE_PROPOSALS && i >= 0 && i < PL_MAX_OPTIONS && v->option_card[i] < rs->n_cards)
        return done(lang, buf, len, snprintf(buf, len, "%s", card_name(rs, v->option_card[i], lang)));
    return pt_option_label(rs, v->effect, i, lang, buf, len);
}

size_t pd_opinion_question(const pd_opinion_t *o, int lang, char *buf, size_t len)
{
    return question(o->rs, o->card, o->space, lang, buf, len);
}

size_t pd_opinion_option(const pd_opinion_t *o, int i, int lang, char *buf, size_t len)
{
    return pt_option_label(o->rs, o->effect, i, lang, buf, len);
}

size_t pd_vote_kind(const pl_ruleset_t *rs, int kind, uint16_t card, uint32_t effect, int lang, char *buf, size_t len)
{
    int deck = -1;
    if (kind == PD_VOTE_PROPOSALS && effect < rs->n_effects)
        deck = rs->effects[effect].ref;
    else if (card < rs->n_cards)
        deck = rs->cards[card].deck;
    if (deck >= 0 && deck < rs->n_decks && *pl_text(&rs->decks[deck].name, lang))
        return done(lang, buf, len, snprintf(buf, len, "%s", pl_text(&rs->decks[deck].name, lang)));
    return done(lang, buf, len, snprintf(buf, len, "%s", pt_tr(lang, "Vote of the table")));
}

const char *pd_horizon(int horizon, int lang)
{
    switch (horizon) {
    case PL_HORIZON_SHORT: return pt_tr(lang, "Short term");
    case PL_HORIZON_MEDIUM: return pt_tr(lang, "Medium term");
    case PL_HORIZON_LONG: return pt_tr(lang, "Long term");
    default: return "";
    }
}

size_t pd_card_effects(const pl_ruleset_t *rs, uint16_t card, int lang, char *buf, size_t len)
{
    if (len)
        buf[0] = 0;
    size_t n = card < rs->n_cards ? pt_effects_line(rs, rs->cards[card].effects, lang, buf, len) : 0;
    if (n == 0)
        return done(lang, buf, len, snprintf(buf, len, "%s", pt_tr(lang, "no effect")));
    return n;
}

size_t pd_move_text(const pd_table_t *t, const pd_move_t *m, int lang, char *buf, size_t len)
{
    const pl_ruleset_t *rs = t->rs;
    char opt[200];
    switch (m->type) {
    case PL_MOVE_PLAY:
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "plays “%s”"), card_name(rs, m->card, lang)));
    case PL_MOVE_ROLL:
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "rolls %d"), m->dice));
    case PL_MOVE_CHOOSE:
        if (m->wait == PL_WAIT_BRANCH && m->from < rs->n_spaces && m->arg < rs->spaces[m->from].n_next)
            return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "takes the way to “%s”"),
                                                 space_name(rs, rs->spaces[m->from].next[m->arg], lang)));
        pt_option_label(rs, m->effect, m->arg, lang, opt, sizeof opt);
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "chooses “%s”"), opt));
    case PL_MOVE_VOTE:
        if (m->arg == PL_NO_CARD || m->vote < 0 || (uint32_t)m->vote >= t->n_votes)
            return done(lang, buf, len, snprintf(buf, len, "%s", pt_tr(lang, "casts a secret ballot")));
        pd_vote_option(t, &t->votes[m->vote], m->arg, lang, opt, sizeof opt);
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "votes “%s”"), opt));
    case PL_MOVE_TIMEOUT:
        return done(lang, buf, len, snprintf(buf, len, "%s", pt_tr(lang, "runs out of time")));
    }
    return done(lang, buf, len, snprintf(buf, len, "%s", pl_move_name(m->type)));
}

static int voters_of(const pd_vote_t *v)
{
    int n = 0;
    for (int s = 0; s < PL_MAX_SEATS; s++)
        n += v->voters >> s & 1u;
    return n;
}

static void signed_amount(int32_t v, char *buf, size_t len)
{
    if (v < 0)
        snprintf(buf, len, "\xE2\x88\x92%lld", -(long long)v);
    else
        snprintf(buf, len, "+%d", v);
}

size_t pd_turning_text(const pd_table_t *t, const pd_turning_t *p, int lang, char *buf, size_t len)
{
    const pl_ruleset_t *rs = t->rs;
    char who[PD_TEAM_LEN + 32], q[200], o[200], num[24];
    pd_team(t, p->seat, lang, who, sizeof who);
    const pd_vote_t *v = p->a >= 0 && (uint32_t)p->a < t->n_votes ? &t->votes[p->a] : NULL;
    switch (p->kind) {
    case PD_TP_LEAD:
        return done(lang, buf, len, snprintf(buf, len, pt_ntr(lang, "%s leads with %d point", "%s leads with %d points",
                                                              (unsigned long)(p->a < 0 ? -p->a : p->a)), who, p->a));
    case PD_TP_SWING: {
        const char *lens = p->a >= 0 && p->a < rs->n_counters ? pl_text(&rs->counters[p->a].name, lang) : "?";
        signed_amount(p->b, num, sizeof num);
        if (p->card < rs->n_cards)
            return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "%s: %s %s with “%s”"), who, num, lens,
                                                 card_name(rs, p->card, lang)));
        if (p->space < rs->n_spaces)
            return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "%s: %s %s at “%s”"), who, num, lens,
                                                 space_name(rs, p->space, lang)));
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "%s: %s %s"), who, num, lens));
    }
    case PD_TP_VOTE:
        if (!v)
            break;
        pd_vote_question(t, v, lang, q, sizeof q);
        if (v->winner == PD_NONE)
            return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "Vote on “%s”: a tie"), q));
        pd_vote_option(t, v, v->winner, lang, o, sizeof o);
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "Vote on “%s”: “%s” wins, %d of %d ballots"), q, o,
                                             v->count[v->winner], voters_of(v)));
    case PD_TP_FICTION:
        if (!v)
            break;
        pd_vote_question(t, v, lang, q, sizeof q);
        if (v->winner == PD_NONE)
            return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "%s tells “%s”: the other teams are split"), who, q));
        pd_vote_option(t, v, v->winner, lang, o, sizeof o);
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "%s tells “%s”: “%s”, %d of %d ballots"), who, q, o,
                                             v->count[v->winner], voters_of(v)));
    case PD_TP_PROPOSAL:
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "The table chooses “%s” for %s"),
                                             card_name(rs, p->card, lang), who));
    case PD_TP_TARGET:
        if (p->a < 0 || (uint32_t)p->a >= rs->n_scoring)
            break;
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "Target reached: “%s”"),
                                             pl_text(&rs->scoring[p->a].name, lang)));
    case PD_TP_SKIP:
        if (p->card < rs->n_cards)
            return done(lang, buf, len, snprintf(buf, len, pt_ntr(lang, "%s will miss %d turn (“%s”)",
                                                                  "%s will miss %d turns (“%s”)", (unsigned long)p->a),
                                                 who, p->a, card_name(rs, p->card, lang)));
        if (p->space < rs->n_spaces)
            return done(lang, buf, len, snprintf(buf, len, pt_ntr(lang, "%s will miss %d turn (“%s”)",
                                                                  "%s will miss %d turns (“%s”)", (unsigned long)p->a),
                                                 who, p->a, space_name(rs, p->space, lang)));
        return done(lang, buf, len, snprintf(buf, len, pt_ntr(lang, "%s will miss %d turn", "%s will miss %d turns",
                                                              (unsigned long)p->a), who, p->a));
    case PD_TP_FINISHED:
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "%s reaches the end of the board (finish %d of %d)"),
                                             who, p->a, t->n_seats));
    case PD_TP_OVER: {
        char names[PL_MAX_SEATS * (PD_TEAM_LEN + 32)] = "";
        int n = 0;
        for (int s = 0; s < t->n_seats; s++)
            if (p->a >> s & 1) {
                char one[PD_TEAM_LEN + 32];
                pd_team(t, s, lang, one, sizeof one);
                size_t at = strlen(names);
                snprintf(names + at, sizeof names - at, "%s%s", n ? ", " : "", one);
                n++;
            }
        return done(lang, buf, len, snprintf(buf, len, pt_ntr(lang, "Game over: %s wins with %d points",
                                                              "Game over: %s win with %d points", (unsigned long)n),
                                             names, p->b));
    }
    }
    return done(lang, buf, len, snprintf(buf, len, "%s", ""));
}

size_t pd_token_cause(const pd_table_t *t, const pd_token_t *k, int lang, char *buf, size_t len)
{
    const pl_ruleset_t *rs = t->rs;
    if (k->card < rs->n_cards)
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "“%s”"), card_name(rs, k->card, lang)));
    if (k->space < rs->n_spaces)
        return done(lang, buf, len, snprintf(buf, len, "%s", space_name(rs, k->space, lang)));
    return done(lang, buf, len, snprintf(buf, len, "%s", ""));
}
