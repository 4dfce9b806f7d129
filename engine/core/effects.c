/* effects.c -- resolving effect lists: counters, moves, draws, tokens, delays, ifs, choices, votes */
#include <string.h>
#include "core_internal.h"

void pl_push(pl_ctx_t *c, pl_range_t effects, int actor, uint16_t card, int depth, int flags)
{
    pl_state_t *st = c->st;
    if (st->n_stack >= PL_MAX_STACK) {
        /* too deep: the card still leaves the table, its effects are dropped */
        if ((flags & PL_FRAME_DISCARD) && card != PL_NO_CARD && st->where[card] == PL_AT_TABLE)
            pl_card_put_away(c, card, actor);
        return;
    }
    pl_frame_t *f = &st->stack[st->n_stack++];
    f->next = effects.first;
    f->end = effects.first + effects.count;
    f->actor = (uint8_t)actor;
    f->card = card;
    f->depth = (uint8_t)depth;
    f->flags = (uint8_t)flags;
}

int pl_cond_holds(const pl_ruleset_t *rs, const pl_state_t *st, int seat, const pl_cond_t *k)
{
    int64_t v;
    switch (k->kind) {
    case PL_COND_COUNTER: v = st->seat[seat].counter[k->ref]; break;
    case PL_COND_TABLE: v = st->table_counter[k->ref]; break;
    case PL_COND_TOKEN: v = st->seat[seat].token[k->ref]; break;
    case PL_COND_FINISHED: return st->seat[seat].finished != 0;
    case PL_COND_PHASE: v = pl_seat_phase(rs, st, seat); break;
    case PL_COND_ROUND: v = st->round; break;
    default: return 0;
    }
    return v >= k->min && v <= k->max;
}

int pl_conds_hold(const pl_ruleset_t *rs, const pl_state_t *st, int seat, pl_range_t conds)
{
    for (uint32_t i = 0; i < conds.count; i++)
        if (!pl_cond_holds(rs, st, seat, &rs->conds[conds.first + i]))
            return 0;
    return 1;
}

/* Seats an effect reaches, as a bitmask; the actor comes last in iteration order. */
static unsigned targets(const pl_state_t *st, int target, int actor)
{
    unsigned all = (1u << st->n_seats) - 1;
    switch (target) {
    case PL_TGT_OTHERS: return all & ~(1u << actor);
    case PL_TGT_ALL: return all;
    default: return 1u << actor;
    }
}

static void finish_seat(pl_ctx_t *c, int seat)
{
    pl_seat_t *s = &c->st->seat[seat];
    if (s->finished)
        return;
    s->finished = 1;
    s->finish_round = c->st->round;
    pl_emit(c, PL_EV_FINISHED, seat, PL_NO_CARD, c->st->round, 0, 0);
}

/* Walk a pawn; stops at a milestone, at the end, or at a fork when the actor must choose. */
static void walk(pl_ctx_t *c, int seat, int steps, int actor, int depth)
{
    const pl_ruleset_t *rs = c->rs;
    pl_state_t *st = c->st;
    pl_seat_t *s = &st->seat[seat];
    int from = s->pos;
    while (steps > 0) {
        const pl_space_t *sp = &rs->spaces[s->pos];
        if (sp->n_next == 0)
            break;
        if (sp->n_next > 1 && seat == actor) {
            memset(&st->pending, 0, sizeof st->pending);
            st->wait = PL_WAIT_BRANCH;
            st->pending.actor = (uint8_t)seat;
            st->pending.card = PL_NO_CARD;
            st->pending.n_options = sp->n_next;
            st->pending.steps_left = (uint8_t)(steps > 255 ? 255 : steps);
            st->pending.depth = (uint8_t)depth;
            if (from != s->pos)
                pl_emit(c, PL_EV_MOVED, seat, PL_NO_CARD, from, s->pos, 0);
            pl_emit(c, PL_EV_BRANCH, seat, PL_NO_CARD, s->pos, sp->n_next, 0);
            return;
        }
        s->pos = sp->next[0];
        steps--;
        if (rs->spaces[s->pos].stop)
            break;
    }
    while (steps < 0 && rs->spaces[s->pos].prev != PL_NO_SPACE) {
        s->pos = rs->spaces[s->pos].prev;
        steps++;
    }
    if (from == s->pos)
        return;
    pl_emit(c, PL_EV_MOVED, seat, PL_NO_CARD, from, s->pos, 0);
    pl_land(c, seat, depth);
}

void pl_land(pl_ctx_t *c, int seat, int depth)
{
    const pl_space_t *land = &c->rs->spaces[c->st->seat[seat].pos];
    if (land->kind == PL_SPACE_END || land->n_next == 0)
        finish_seat(c, seat);
    if (land->on_land.count && depth < PL_MAX_REVEAL_DEPTH)
        pl_push(c, land->on_land, seat, PL_NO_CARD, depth + 1, 0);
}

void pl_move_pawn(pl_ctx_t *c, int seat, int steps, int actor, int depth)
{
    if (c->st->seat[seat].finished)
        return;
    walk(c, seat, steps, actor, depth);
}

static void exec_counter(pl_ctx_t *c, const pl_effect_t *e, int actor)
{
    const pl_ruleset_t *rs = c->rs;
    pl_state_t *st = c->st;
    if (e->target == PL_TGT_TABLE) {
        const pl_counter_t *def = &rs->table_counters[e->ref];
        int32_t old = st->table_counter[e->ref];
        int32_t now = pl_clamp((int64_t)old + e->amount, def->min, def->max);
        st->table_counter[e->ref] = now;
        if (now != old)
            pl_emit(c, PL_EV_COUNTER, PL_SEAT_NONE, PL_NO_CARD, e->ref, now - old, now);
        return;
    }
    const pl_counter_t *def = &rs->counters[e->ref];
    unsigned m = targets(st, e->target, actor);
    for (int s = 0; s < st->n_seats; s++) {
        if (!(m & (1u << s)))
            continue;
        int32_t old = st->seat[s].counter[e->ref];
        int32_t now = pl_clamp((int64_t)old + e->amount, def->min, def->max);
        st->seat[s].counter[e->ref] = now;
        if (now != old)
            pl_emit(c, PL_EV_COUNTER, s, PL_NO_CARD, e->ref, now - old, now);
    }
}

static void exec_token(pl_ctx_t *c, const pl_effect_t *e, int actor, int sign)
{
    pl_state_t *st = c->st;
    unsigned m = targets(st, e->target, actor);
    int32_t max = c->rs->tokens[e->ref].max;
    for (int s = 0; s < st->n_seats; s++) {
        if (!(m & (1u << s)))
            continue;
        int32_t old = st->seat[s].token[e->ref];
        int32_t now = pl_clamp((int64_t)old + (int64_t)sign * e->amount, 0, max);
        st->seat[s].token[e->ref] = (uint8_t)now;
        if (now != old)
            pl_emit(c, PL_EV_TOKEN, s, PL_NO_CARD, e->ref, now - old, now);
    }
}

static void log_played(pl_state_t *st, const pl_ruleset_t *rs, uint16_t card, int seat)
{
    if (st->n_played >= PL_MAX_PLAYED)
        return;
    pl_played_t *p = &st->played_log[st->n_played++];
    p->card = card;
    p->seat = (uint8_t)seat;
    p->phase = (uint8_t)pl_seat_phase(rs, st, seat);
    p->round = st->round;
}

static void exec_reveal(pl_ctx_t *c, const pl_effect_t *e, int actor, int depth)
{
    uint16_t cards[PL_MAX_STACK];
    int n = 0;
    for (int32_t i = 0; i < e->amount && n < PL_MAX_STACK; i++) {
        uint16_t card = pl_deck_draw(c, e->ref);
        if (card == PL_NO_CARD)
            break;
        pl_emit(c, PL_EV_REVEALED, actor, card, e->ref, 0, 0);
        log_played(c->st, c->rs, card, actor);
        cards[n++] = card;
    }
    /* frames run last in, first out: push the last card first so cards resolve in draw order */
    while (n-- > 0) {
        if (depth < PL_MAX_REVEAL_DEPTH)
            pl_push(c, c->rs->cards[cards[n]].effects, actor, cards[n], depth + 1, PL_FRAME_DISCARD);
        else
            pl_card_put_away(c, cards[n], actor);
    }
}

void pl_reveal_card(pl_ctx_t *c, uint16_t card, int seat)
{
    pl_state_t *st = c->st;
    const pl_card_t *k = &c->rs->cards[card];
    const pl_deck_t *d = &c->rs->decks[k->deck];
    if (st->where[card] == PL_AT_DRAW) { /* out of the draw pile, the others keep their order */
        uint16_t *pile = st->order + d->first;
        for (int i = 0; i < st->draw_n[k->deck]; i++)
            if (pile[i] == card) {
                memmove(pile + i, pile + i + 1, (size_t)(st->draw_n[k->deck] - i - 1) * sizeof *pile);
                st->draw_n[k->deck]--;
                pile[st->draw_n[k->deck]] = 0;
                break;
            }
    }
    st->where[card] = PL_AT_TABLE;
    pl_emit(c, PL_EV_REVEALED, seat, card, k->deck, 0, 0);
    log_played(st, c->rs, card, seat);
    pl_push(c, k->effects, seat, card, 1, PL_FRAME_DISCARD);
}

static void exec_delay(pl_ctx_t *c, const pl_effect_t *e, int actor, uint16_t card)
{
    pl_state_t *st = c->st;
    if (st->n_delayed >= PL_MAX_DELAYED || e->amount <= 0) {
        if (e->amount <= 0)
            pl_push(c, e->body, actor, card, 0, 0);
        return;
    }
    pl_delayed_t *d = &st->delayed[st->n_delayed++];
    d->seat = (uint8_t)actor;
    d->turns = (uint8_t)(e->amount > 255 ? 255 : e->amount);
    d->card = card;
    d->effects = e->body;
    pl_emit(c, PL_EV_DELAYED, actor, card, d->turns, 0, 0);
}

static void open_vote(pl_ctx_t *c, const pl_effect_t *e, uint32_t index, int actor, uint16_t card, int depth)
{
    pl_state_t *st = c->st;
    memset(&st->pending, 0, sizeof st->pending);
    pl_pending_t *p = &st->pending;
    p->actor = (uint8_t)actor;
    p->card = card;
    p->effect = index;
    p->depth = (uint8_t)depth;
    memset(p->ballot, 0xFF, sizeof p->ballot);
    if (e->amount > 0) { /* options drawn from a proposal deck */
        for (int32_t i = 0; i < e->amount && p->n_options < PL_MAX_OPTIONS; i++) {
            uint16_t oc = pl_deck_draw(c, e->ref);
            if (oc == PL_NO_CARD)
                break;
            p->option_card[p->n_options++] = oc;
            pl_emit(c, PL_EV_REVEALED, actor, oc, e->ref, 0, 0);
        }
        if (p->n_options == 0)
            return;
    } else {
        p->n_options = (uint8_t)(e->opts.count > PL_MAX_OPTIONS ? PL_MAX_OPTIONS : e->opts.count);
    }
    p->voters = (uint8_t)targets(st, e->target == PL_TGT_OTHERS ? PL_TGT_OTHERS : PL_TGT_ALL, actor);
    st->wait = PL_WAIT_VOTE;
    pl_emit(c, PL_EV_VOTE_OPEN, actor, card, p->n_options, p->voters, 0);
    if (p->voters == 0)
        pl_vote_resolve(c);
}

void pl_vote_resolve(pl_ctx_t *c)
{
    const pl_ruleset_t *rs = c->rs;
    pl_state_t *st = c->st;
    pl_pending_t p = st->pending;
    const pl_effect_t *e = &rs->effects[p.effect];
    int count[PL_MAX_OPTIONS] = { 0 };
    for (int s = 0; s < st->n_seats; s++)
        if (p.ballot[s] < p.n_options)
            count[p.ballot[s]]++;
    int best = -1, top = 0, tied = 0;
    for (int i = 0; i < p.n_options; i++) {
        if (count[i] > top) {
            top = count[i];
            best = i;
            tied = 0;
        } else if (count[i] == top && top > 0) {
            tied = 1;
        }
    }
    int from_deck = e->amount > 0;
    if (tied || best < 0) {
        /* a tie between proposals goes to the initiator's ballot, else to the first tied */
        if (from_deck && p.n_options > 0) {
            int ib = p.ballot[p.actor];
            if (ib < p.n_options && count[ib] == top && top > 0)
                best = ib;
            else
                for (best = 0; best < p.n_options - 1 && count[best] != top; best++)
                    ;
        } else {
            best = -1;
        }
    }
    if (st->n_votes < PL_MAX_VOTE_LOG) {
        pl_vote_rec_t *r = &st->vote_log[st->n_votes++];
        r->card = p.card;
        r->initiator = p.actor;
        r->winner = (uint8_t)(best < 0 ? 0xFF : best);
        r->round = st->round;
        r->n_options = p.n_options;
        memcpy(r->ballot, p.ballot, sizeof r->ballot);
    }
    memset(&st->pending, 0, sizeof st->pending);
    st->wait = PL_WAIT_TURN;
    pl_emit(c, PL_EV_VOTE_RESULT, p.actor, p.card, best < 0 ? 0xFF : best, best < 0 ? top : count[best], 0);
    for (int s = 0; s < st->n_seats; s++)
        if (p.voters & (1u << s))
            pl_emit(c, PL_EV_VOTED, s, p.card, p.ballot[s] == 0xFF ? -1 : p.ballot[s], 1, 0);
    if (from_deck) {
        for (int i = 0; i < p.n_options; i++) {
            uint16_t oc = p.option_card[i];
            if (i == best) {
                st->where[oc] = (uint8_t)(PL_AT_FRONT | p.actor);
                log_played(st, rs, oc, p.actor);
                pl_push(c, rs->cards[oc].effects, p.actor, oc, p.depth, 0);
            } else {
                st->where[oc] = PL_AT_DISCARD;
            }
        }
        return;
    }
    if (best >= 0)
        pl_push(c, rs->options[e->opts.first + best].effects, p.actor, p.card, p.depth, 0);
    else if (e->tie.count)
        pl_push(c, e->tie, p.actor, p.card, p.depth, 0);
}

static void exec(pl_ctx_t *c, uint32_t index, int actor, uint16_t card, int depth)
{
    const pl_ruleset_t *rs = c->rs;
    pl_state_t *st = c->st;
    const pl_effect_t *e = &rs->effects[index];
    unsigned m;
    switch (e->op) {
    case PL_EFF_COUNTER:
        exec_counter(c, e, actor);
        break;
    case PL_EFF_MOVE:
        m = targets(st, e->target, actor);
        for (int s = 0; s < st->n_seats; s++)
            if ((m & (1u << s)) && s != actor)
                pl_move_pawn(c, s, e->amount, actor, depth);
        if (m & (1u << actor))
            pl_move_pawn(c, actor, e->amount, actor, depth);
        break;
    case PL_EFF_GOTO:
        m = targets(st, e->target, actor);
        for (int s = 0; s < st->n_seats; s++) {
            pl_seat_t *seat = &st->seat[s];
            if (!(m & (1u << s)) || seat->finished || seat->pos == e->ref)
                continue;
            pl_emit(c, PL_EV_MOVED, s, PL_NO_CARD, seat->pos, e->ref, 1);
            seat->pos = (uint8_t)e->ref;
            if (rs->spaces[e->ref].kind == PL_SPACE_END || rs->spaces[e->ref].n_next == 0)
                finish_seat(c, s);
        }
        break;
    case PL_EFF_SKIP:
        m = targets(st, e->target, actor);
        for (int s = 0; s < st->n_seats; s++)
            if (m & (1u << s)) {
                int v = st->seat[s].skip + e->amount;
                st->seat[s].skip = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
                pl_emit(c, PL_EV_SKIP_SET, s, PL_NO_CARD, st->seat[s].skip, 0, 0);
            }
        break;
    case PL_EFF_DRAW:
        m = targets(st, e->target, actor);
        for (int s = 0; s < st->n_seats; s++)
            if (m & (1u << s))
                for (int32_t i = 0; i < e->amount; i++) {
                    uint16_t dc = pl_deck_draw(c, e->ref);
                    if (dc == PL_NO_CARD)
                        break;
                    pl_hand_give(c, s, dc);
                }
        break;
    case PL_EFF_REVEAL:
        exec_reveal(c, e, actor, depth);
        break;
    case PL_EFF_GAIN:
        exec_token(c, e, actor, 1);
        break;
    case PL_EFF_SPEND:
        exec_token(c, e, actor, -1);
        break;
    case PL_EFF_DELAY:
        exec_delay(c, e, actor, card);
        break;
    case PL_EFF_IF:
        pl_push(c, pl_conds_hold(rs, st, actor, e->conds) ? e->body : e->alt, actor, card, depth, 0);
        break;
    case PL_EFF_CHOICE:
        if (e->opts.count == 0)
            break;
        memset(&st->pending, 0, sizeof st->pending);
        st->wait = PL_WAIT_CHOICE;
        st->pending.actor = (uint8_t)actor;
        st->pending.card = card;
        st->pending.effect = index;
        st->pending.depth = (uint8_t)depth;
        st->pending.n_options = (uint8_t)(e->opts.count > PL_MAX_OPTIONS ? PL_MAX_OPTIONS : e->opts.count);
        pl_emit(c, PL_EV_CHOICE, actor, card, st->pending.n_options, 0, 0);
        break;
    case PL_EFF_VOTE:
        open_vote(c, e, index, actor, card, depth);
        break;
    default:
        break;
    }
}

void pl_run(pl_ctx_t *c)
{
    pl_state_t *st = c->st;
    while (st->n_stack > 0 && st->wait == PL_WAIT_TURN) {
        pl_frame_t *f = &st->stack[st->n_stack - 1];
        if (f->next >= f->end) {
            pl_frame_t done = *f;
            memset(f, 0, sizeof *f);
            st->n_stack--;
            if ((done.flags & PL_FRAME_DISCARD) && done.card != PL_NO_CARD && st->where[done.card] == PL_AT_TABLE)
                pl_card_put_away(c, done.card, done.actor);
            continue;
        }
        uint32_t index = f->next++;
        exec(c, index, f->actor, f->card, f->depth);
    }
}
