/* refusal.c -- why a move was refused, for players: the reason, and what on the table explains it */
#include <stdio.h>
#include <string.h>
#include "text/text.h"

static const char *const reasons[PL_ERR__COUNT] = {
    [PL_OK] = N_("Accepted."),
    [PL_ERR_BAD_MOVE] = N_("That move does not exist."),
    [PL_ERR_BAD_SEAT] = N_("That seat does not exist."),
    [PL_ERR_GAME_OVER] = N_("The game is over."),
    [PL_ERR_NOT_YOUR_TURN] = N_("It is not your turn."),
    [PL_ERR_WAITING] = N_("A choice or a vote must be settled first."),
    [PL_ERR_NOTHING_PENDING] = N_("There is nothing to choose or vote on."),
    [PL_ERR_NOT_IN_HAND] = N_("That card is not in your hand."),
    [PL_ERR_CARD_LIMIT] = N_("You have already played your cards this turn."),
    [PL_ERR_CANNOT_AFFORD] = N_("You cannot pay for this card."),
    [PL_ERR_CONDITION] = N_("A condition this card needs is missing."),
    [PL_ERR_WRONG_PHASE] = N_("This card belongs to another phase."),
    [PL_ERR_BAD_OPTION] = N_("That option does not exist."),
    [PL_ERR_NOT_VOTER] = N_("Your team does not vote on this question."),
    [PL_ERR_ALREADY_VOTED] = N_("Your team has already voted."),
    [PL_ERR_SETUP] = N_("The table cannot be set up that way."),
};

const char *pt_reason(int code, int lang)
{
    if (code < 0 || code >= PL_ERR__COUNT || !reasons[code])
        return pt_tr(lang, "Refused.");
    return pt_tr(lang, reasons[code]);
}

static size_t done(int lang, char *buf, size_t len, int w)
{
    if (w < 0 || !len)
        return 0;
    if (lang == PL_LANG_FR) {
        char tmp[1024];
        pl_typo_fr(buf, tmp, sizeof tmp);
        w = snprintf(buf, len, "%s", tmp);
    }
    return (size_t)w < len ? (size_t)w : len - 1;
}

size_t pt_refusal(const pl_ruleset_t *rs, const pl_state_t *st, const pl_move_t *mv, int code, int lang,
                  char *buf, size_t len)
{
    int seat = mv->seat, card = mv->type == PL_MOVE_PLAY ? mv->arg : -1;
    const pl_card_t *c = card >= 0 && (uint32_t)card < rs->n_cards ? &rs->cards[card] : NULL;
    int seat_ok = seat >= 0 && seat < st->n_seats;
    switch (code) {
    case PL_ERR_WRONG_PHASE: {
        int now = seat_ok ? pl_seat_phase(rs, st, seat) : -1;
        if (!c || c->phase < 0 || c->phase >= rs->n_phases || now < 0 || now >= rs->n_phases)
            break;
        const char *want = pl_text(&rs->phases[c->phase].name, lang), *here = pl_text(&rs->phases[now].name, lang);
        if (c->phase < now)
            return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "This card belongs to %s, which your pawn has left "
                                                                        "(it is in %s): it can no longer be played."),
                                                 want, here));
        return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "This card belongs to %s; your pawn is still in %s."),
                                             want, here));
    }
    case PL_ERR_CANNOT_AFFORD: {
        if (!c || !seat_ok)
            break;
        int64_t need[PL_MAX_COUNTERS] = { 0 };
        for (uint32_t i = 0; i < c->costs.count && c->costs.first + i < rs->n_costs; i++) {
            const pl_cost_t *k = &rs->costs[c->costs.first + i];
            if (k->counter >= rs->n_counters)
                continue;
            need[k->counter] += k->amount;
            int64_t left = (int64_t)st->seat[seat].counter[k->counter] - rs->counters[k->counter].min;
            if (left < need[k->counter])
                return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "This card costs %d %s; you have %d."),
                                                     (int)need[k->counter], pl_text(&rs->counters[k->counter].name, lang),
                                                     (int)left));
        }
        break;
    }
    case PL_ERR_CONDITION: {
        if (!c || !seat_ok)
            break;
        for (uint32_t i = 0; i < c->requires.count && c->requires.first + i < rs->n_conds; i++) {
            pl_range_t one = { c->requires.first + i, 1 };
            if (pl_conds_hold(rs, st, seat, one))
                continue;
            char cond[256];
            pt_cond(rs, &rs->conds[one.first], lang, cond, sizeof cond);
            return done(lang, buf, len, snprintf(buf, len, pt_tr(lang, "This card needs %s."), cond));
        }
        break;
    }
    case PL_ERR_CARD_LIMIT:
        return done(lang, buf, len, snprintf(buf, len, pt_ntr(lang, "You have played your card this turn: roll the die.",
                                                              "You have played your %d cards this turn: roll the die.",
                                                              rs->turn.cards_per_turn),
                                             rs->turn.cards_per_turn));
    default:
        break;
    }
    return done(lang, buf, len, snprintf(buf, len, "%s", pt_reason(code, lang)));
}
