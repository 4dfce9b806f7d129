/* check.c -- is a state (or a view from anywhere, even a hostile server) whole and consistent */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "core_internal.h"

__attribute__((format(printf, 2, 3))) static int bad(pl_error_t *err, const char *fmt, ...)
{
    if (err) {
        err->code = PL_ERR_BAD_MOVE;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return 0;
}

/* Every index the core and its users follow from a state stays inside its array: counts within
 * their limits, seats, cards, spaces and effect ranges that exist. Checked first, so that the
 * consistency checks below (and any code given a state that passes) read nothing out of bounds. */
static int card_ok(const pl_state_t *st, unsigned card)
{
    return card < st->n_cards || card == PL_NO_CARD;
}

static int check_bounds(const pl_ruleset_t *rs, const pl_state_t *st, pl_error_t *err)
{
    if (st->n_seats < 1 || st->n_seats > PL_MAX_SEATS || st->n_cards != rs->n_cards || rs->n_cards > PL_MAX_CARDS)
        return bad(err, "bad seat count %d or card count %d", st->n_seats, st->n_cards);
    if (st->current >= st->n_seats || st->wait > PL_WAIT_OVER || st->n_dice > PL_MAX_DICE || st->paused > 1)
        return bad(err, "bad turn: seat %d, waiting for %d", st->current, st->wait);
    if (st->viewer >= st->n_seats && st->viewer != PL_WHO_FULL && st->viewer != PL_WHO_OBSERVER &&
        st->viewer != PL_WHO_FACILITATOR)
        return bad(err, "bad viewer %d", st->viewer);
    if (st->winners >> st->n_seats)
        return bad(err, "winners name a seat that does not exist (%d)", st->winners);
    for (int s = 0; s < st->n_seats; s++) {
        const pl_seat_t *seat = &st->seat[s];
        if (seat->hand_n > PL_MAX_HAND || seat->pos >= rs->n_spaces || !card_ok(st, seat->setup_card))
            return bad(err, "seat %d: bad hand size, space or set-up card (%d)", s, seat->hand_n);
        for (int i = 0; i < seat->hand_n; i++)
            if (!card_ok(st, seat->hand[i]))
                return bad(err, "seat %d holds card %d, which does not exist", s, seat->hand[i]);
    }
    for (uint32_t card = 0; card < rs->n_cards; card++) {
        uint8_t w = st->where[card];
        if ((PL_AT_KIND(w) == PL_AT_HAND || PL_AT_KIND(w) == PL_AT_FRONT) && w != PL_AT_HIDDEN &&
            PL_AT_SEAT(w) >= st->n_seats)
            return bad(err, "card %d is with seat %d, which does not exist", (int)card, PL_AT_SEAT(w));
    }
    const pl_pending_t *q = &st->pending;
    if (q->n_options > PL_MAX_OPTIONS || q->actor >= st->n_seats || q->voters >> st->n_seats ||
        q->answered >> st->n_seats)
        return bad(err, "bad pending choice or vote (%d options, actor %d)", q->n_options, q->actor);
    if (st->wait == PL_WAIT_CHOICE || st->wait == PL_WAIT_VOTE) {
        /* the effect awaited is a choice or a vote of the rules, and its options exist */
        int op = st->wait == PL_WAIT_CHOICE ? PL_EFF_CHOICE : PL_EFF_VOTE;
        if (!card_ok(st, q->card) || q->effect >= rs->n_effects || rs->effects[q->effect].op != op)
            return bad(err, "the choice or vote awaited is not one of the rules (effect %d, card %d)",
                       (int)q->effect, q->card);
        const pl_effect_t *e = &rs->effects[q->effect];
        if (op == PL_EFF_VOTE && e->amount > 0) { /* options drawn from a deck */
            for (int i = 0; i < q->n_options; i++)
                if (q->option_card[i] >= st->n_cards)
                    return bad(err, "vote option %d is card %d, which does not exist", i, q->option_card[i]);
        } else if (q->n_options > e->opts.count || e->opts.first > rs->n_options ||
                   e->opts.count > rs->n_options - e->opts.first) {
            return bad(err, "%d options awaited where the rules have %d", q->n_options, (int)e->opts.count);
        }
    } else if (st->wait == PL_WAIT_BRANCH) { /* a fork: one option per way out of the pawn's space */
        const pl_space_t *sp = &rs->spaces[st->seat[q->actor].pos];
        if (q->n_options < 2 || q->n_options != sp->n_next)
            return bad(err, "a fork of %d ways where the space has %d", q->n_options, sp->n_next);
    }
    if (st->n_stack > PL_MAX_STACK || st->n_delayed > PL_MAX_DELAYED || st->n_played > PL_MAX_PLAYED ||
        st->n_votes > PL_MAX_VOTE_LOG)
        return bad(err, "a list is longer than its limit (stack %d, delayed %d)", st->n_stack, st->n_delayed);
    for (int i = 0; i < st->n_stack; i++) {
        const pl_frame_t *f = &st->stack[i];
        if (f->next > f->end || f->end > rs->n_effects || f->actor >= st->n_seats || !card_ok(st, f->card))
            return bad(err, "stack frame %d points outside the rules (effect %d)", i, (int)f->end);
    }
    for (int i = 0; i < st->n_delayed; i++) {
        const pl_delayed_t *d = &st->delayed[i];
        if (d->seat >= st->n_seats || !card_ok(st, d->card) || d->effects.first > rs->n_effects ||
            d->effects.count > rs->n_effects - d->effects.first)
            return bad(err, "delayed effect %d points outside the rules (seat %d)", i, d->seat);
    }
    for (int i = 0; i < st->n_played; i++) {
        const pl_played_t *p = &st->played_log[i];
        if (p->card >= st->n_cards || p->seat >= st->n_seats || p->phase >= PL_MAX_PHASES)
            return bad(err, "played card %d of the log does not exist (card %d)", i, p->card);
    }
    for (int i = 0; i < st->n_votes; i++) {
        const pl_vote_rec_t *v = &st->vote_log[i];
        if (!card_ok(st, v->card) || v->initiator >= st->n_seats || v->n_options > PL_MAX_OPTIONS ||
            (v->winner != 0xFF && v->winner >= v->n_options))
            return bad(err, "vote %d of the log points outside the table (card %d)", i, v->card);
        for (int s = 0; s < PL_MAX_SEATS; s++)
            if (v->ballot[s] != 0xFF && v->ballot[s] >= v->n_options)
                return bad(err, "vote %d of the log holds ballot %d for no option", i, v->ballot[s]);
    }
    return 1;
}

int pl_state_check(const pl_ruleset_t *rs, const pl_state_t *st, pl_error_t *err)
{
    uint8_t seen[PL_MAX_CARDS];
    if (!check_bounds(rs, st, err))
        return 0;
    memset(seen, 0, sizeof seen);
    for (int d = 0; d < rs->n_decks; d++) {
        const pl_deck_t *deck = &rs->decks[d];
        if (st->draw_n[d] > deck->count)
            return bad(err, "deck %d draw pile holds %d cards, more than the deck", d, st->draw_n[d]);
        if (st->viewer != PL_WHO_FULL)
            continue;
        for (int i = 0; i < st->draw_n[d]; i++) {
            uint16_t card = st->order[deck->first + i];
            if (card < deck->first || card >= deck->first + deck->count)
                return bad(err, "deck %d draw pile holds card %d of another deck", d, card);
            if (seen[card]++ || st->where[card] != PL_AT_DRAW)
                return bad(err, "card %d is in the draw pile of deck %d and elsewhere", card, d);
        }
    }
    for (int s = 0; s < st->n_seats; s++) {
        const pl_seat_t *seat = &st->seat[s]; /* hand size and space: check_bounds() */
        for (int i = 0; i < rs->n_counters; i++)
            if (seat->counter[i] < rs->counters[i].min || seat->counter[i] > rs->counters[i].max)
                return bad(err, "seat %d counter %d out of its bounds", s, i);
        for (int i = 0; i < rs->n_tokens; i++)
            if (seat->token[i] > rs->tokens[i].max)
                return bad(err, "seat %d token %d above its maximum", s, i);
        if (st->viewer != PL_WHO_FULL && st->viewer != PL_WHO_FACILITATOR && st->viewer != s)
            continue;
        for (int i = 0; i < seat->hand_n; i++) {
            uint16_t card = seat->hand[i];
            if (card >= rs->n_cards || seen[card]++ || st->where[card] != (PL_AT_HAND | s))
                return bad(err, "card %d in the hand of seat %d is also elsewhere", card, s);
        }
    }
    for (int i = 0; i < rs->n_table_counters; i++)
        if (st->table_counter[i] < rs->table_counters[i].min || st->table_counter[i] > rs->table_counters[i].max)
            return bad(err, "table counter %d out of its bounds %d", i, 0);
    for (uint32_t card = 0; card < rs->n_cards; card++) {
        uint8_t w = st->where[card];
        if (w == PL_AT_DISCARD || w == PL_AT_TABLE || PL_AT_KIND(w) == PL_AT_FRONT) {
            if (seen[card]++) /* a keeper that does not exist: check_bounds() */
                return bad(err, "card %d is in two places", (int)card);
        } else if (w == PL_AT_HIDDEN) {
            if (st->viewer == PL_WHO_FULL)
                return bad(err, "card %d is hidden in a full state", (int)card);
            seen[card]++;
        } else if (w == PL_AT_DRAW || PL_AT_KIND(w) == PL_AT_HAND) {
            if (st->viewer == PL_WHO_FULL && !seen[card])
                return bad(err, "card %d is marked in a pile or hand but is not there", (int)card);
            if (st->viewer != PL_WHO_FULL && !seen[card])
                seen[card]++;
        } else {
            return bad(err, "card %d has an unknown place %d", (int)card, w);
        }
        if (seen[card] != 1)
            return bad(err, "card %d is in %d places", (int)card, seen[card]);
    }
    return 1;
}

