/* fixture.c -- builds small rulesets in C for the core tests (no XML needed) */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include "fixture.h"

static pl_text_t txt(pl_ruleset_t *rs, const char *fr, const char *en)
{
    pl_text_t t = { { pl_ruleset_strdup(rs, fr), pl_ruleset_strdup(rs, en) } };
    return t;
}

static void counter(pl_counter_t *c, pl_ruleset_t *rs, const char *id, int min, int max, int start)
{
    c->id = pl_ruleset_strdup(rs, id);
    c->name = txt(rs, id, id);
    c->min = min;
    c->max = max;
    c->start = start;
}

pl_ruleset_t *fx_base(void)
{
    pl_ruleset_t *rs = pl_ruleset_create();
    cr_assert(rs);
    rs->id = pl_ruleset_strdup(rs, "fixture");
    rs->title = txt(rs, "Essai", "Test");
    counter(&rs->counters[C_ENV], rs, "env", 0, 20, 5);
    counter(&rs->counters[C_SOC], rs, "soc", 0, 20, 5);
    counter(&rs->counters[C_BUDGET], rs, "budget", 0, 30, 10);
    counter(&rs->counters[C_CAL], rs, "cal", -10, 30, 20);
    rs->n_counters = N_COUNTERS;
    counter(&rs->table_counters[T_REGION], rs, "region", 0, 100, 0);
    rs->n_table_counters = 1;
    rs->tokens[K_LEGAL] = (pl_token_t){ .id = pl_ruleset_strdup(rs, "legal"), .name = txt(rs, "juridique", "legal"), .max = 3 };
    rs->tokens[K_POL] = (pl_token_t){ .id = pl_ruleset_strdup(rs, "pol"), .name = txt(rs, "politique", "political"), .max = 2 };
    rs->n_tokens = 2;
    static const int phase_of[N_SPACES] = { 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3 };
    for (int s = 0; s < N_SPACES; s++) {
        char id[16];
        snprintf(id, sizeof id, "s%d", s);
        pl_space_t *sp = &rs->spaces[s];
        sp->id = pl_ruleset_strdup(rs, id);
        sp->name = txt(rs, id, id);
        sp->phase = (uint8_t)phase_of[s];
    }
    rs->n_spaces = N_SPACES;
    rs->spaces[S_START].kind = PL_SPACE_START;
    rs->spaces[S_FORK].kind = PL_SPACE_BRANCH;
    rs->spaces[S_FORK].n_next = 2;
    rs->spaces[S_FORK].next[0] = S_A;
    rs->spaces[S_FORK].next[1] = S_B;
    rs->spaces[S_A2].n_next = 1;
    rs->spaces[S_A2].next[0] = S_MILESTONE;
    rs->spaces[S_MILESTONE].kind = PL_SPACE_MILESTONE;
    rs->spaces[S_MILESTONE].stop = 1;
    rs->spaces[S_END].kind = PL_SPACE_END;
    pl_effect_t gain = EFF(.op = PL_EFF_GAIN, .ref = K_LEGAL, .amount = 1);
    rs->spaces[S_B].on_land = fx_effects(rs, 1, &gain);
    for (int p = 0; p < 4; p++) {
        char id[16];
        snprintf(id, sizeof id, "p%d", p);
        rs->phases[p].id = pl_ruleset_strdup(rs, id);
        rs->phases[p].name = txt(rs, id, id);
    }
    rs->phases[0].first_space = 0, rs->phases[0].n_spaces = 3;
    rs->phases[1].first_space = 3, rs->phases[1].n_spaces = 4;
    rs->phases[2].first_space = 7, rs->phases[2].n_spaces = 3;
    rs->phases[3].first_space = 10, rs->phases[3].n_spaces = 1;
    rs->n_phases = 4;
    rs->turn.hand = 4;
    rs->turn.start_hand = 3;
    rs->turn.max_rounds = 30;
    return rs;
}

pl_range_t fx_effects(pl_ruleset_t *rs, int n, const pl_effect_t *e)
{
    uint32_t first = pl_ruleset_add_effects(rs, (uint32_t)n);
    cr_assert(first != UINT32_MAX);
    memcpy(&rs->effects[first], e, (size_t)n * sizeof *e);
    return (pl_range_t){ first, (uint32_t)n };
}

pl_range_t fx_conds(pl_ruleset_t *rs, int n, const pl_cond_t *c)
{
    uint32_t first = pl_ruleset_add_conds(rs, (uint32_t)n);
    cr_assert(first != UINT32_MAX);
    memcpy(&rs->conds[first], c, (size_t)n * sizeof *c);
    return (pl_range_t){ first, (uint32_t)n };
}

pl_range_t fx_options(pl_ruleset_t *rs, int n, const pl_range_t *effects)
{
    uint32_t first = pl_ruleset_add_options(rs, (uint32_t)n);
    cr_assert(first != UINT32_MAX);
    for (int i = 0; i < n; i++) {
        char id[16];
        snprintf(id, sizeof id, "%d", i + 1);
        rs->options[first + i].id = pl_ruleset_strdup(rs, id);
        rs->options[first + i].label = txt(rs, id, id);
        rs->options[first + i].effects = effects[i];
    }
    return (pl_range_t){ first, (uint32_t)n };
}

static int open_deck = -1;

void fx_deck_begin(pl_ruleset_t *rs, const char *id, int kind)
{
    open_deck = rs->n_decks++;
    pl_deck_t *d = &rs->decks[open_deck];
    d->id = pl_ruleset_strdup(rs, id);
    d->name = txt(rs, id, id);
    d->kind = (uint8_t)kind;
    d->first = (uint16_t)rs->n_cards;
}

int fx_card(pl_ruleset_t *rs, const char *id, pl_range_t effects)
{
    cr_assert(open_deck >= 0);
    uint32_t i = pl_ruleset_add_cards(rs, 1);
    pl_card_t *c = &rs->cards[i];
    c->id = pl_ruleset_strdup(rs, id);
    c->name = txt(rs, id, id);
    c->text = txt(rs, id, id);
    c->deck = (uint16_t)open_deck;
    c->kind = rs->decks[open_deck].kind;
    c->phase = -1;
    c->effects = effects;
    return (int)i;
}

void fx_fillers(pl_ruleset_t *rs, int n)
{
    for (int i = 0; i < n; i++) {
        char id[24];
        snprintf(id, sizeof id, "filler-%u", rs->n_cards);
        fx_card(rs, id, (pl_range_t){ 0, 0 });
    }
}

void fx_deck_end(pl_ruleset_t *rs)
{
    pl_deck_t *d = &rs->decks[open_deck];
    d->count = (uint16_t)(rs->n_cards - d->first);
    open_deck = -1;
}

void fx_done(pl_ruleset_t *rs)
{
    rs->turn.hand_deck = (int16_t)pl_ruleset_deck(rs, "actions");
    pl_ruleset_link(rs);
}

pl_ruleset_t *fx_standard(void)
{
    pl_ruleset_t *rs = fx_base();
    /* children first, so that every list stays contiguous */
    pl_range_t later = fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .ref = C_ENV, .amount = 4));
    pl_range_t then_ = fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .ref = C_SOC, .amount = 2));
    pl_range_t else_ = fx_effects(rs, 1, &EFF(.op = PL_EFF_GAIN, .ref = K_POL, .amount = 1));
    pl_range_t has_legal = fx_conds(rs, 1, &COND(.kind = PL_COND_TOKEN, .ref = K_LEGAL, .min = 1, .max = 99));
    pl_range_t o1 = fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .ref = C_ENV, .amount = 2));
    pl_range_t o2 = fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .ref = C_SOC, .amount = 2));
    pl_range_t oo[2] = { o1, o2 };
    pl_range_t opts = fx_options(rs, 2, oo);
    pl_range_t agree = fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .target = PL_TGT_TABLE, .ref = T_REGION, .amount = 3));
    pl_range_t disagree = fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .target = PL_TGT_ALL, .ref = C_SOC, .amount = 1));
    pl_range_t vv[2] = { agree, disagree };
    pl_range_t vopts = fx_options(rs, 2, vv);
    pl_range_t tie = fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .ref = C_BUDGET, .amount = 1));

    fx_deck_begin(rs, "actions", PL_CARD_ACTION);
    fx_card(rs, "env2", fx_effects(rs, 2, (pl_effect_t[]){ EFF(.op = PL_EFF_COUNTER, .ref = C_ENV, .amount = 2),
                                                          EFF(.op = PL_EFF_COUNTER, .ref = C_SOC, .amount = -1) }));
    int c = fx_card(rs, "soc-cost", fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .ref = C_SOC, .amount = 3)));
    rs->cards[c].costs.first = pl_ruleset_add_costs(rs, 1);
    rs->cards[c].costs.count = 1;
    rs->costs[rs->cards[c].costs.first] = (pl_cost_t){ C_BUDGET, 3 };
    rs->cards[c].impact = 2, rs->cards[c].horizon = PL_HORIZON_SHORT;
    c = fx_card(rs, "long", fx_effects(rs, 1, &EFF(.op = PL_EFF_DELAY, .amount = 2, .body = later)));
    rs->cards[c].impact = 3, rs->cards[c].horizon = PL_HORIZON_LONG;
    fx_card(rs, "region", fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .target = PL_TGT_TABLE, .ref = T_REGION, .amount = 5)));
    fx_card(rs, "legal", fx_effects(rs, 1, &EFF(.op = PL_EFF_GAIN, .ref = K_LEGAL, .amount = 1)));
    c = fx_card(rs, "needs-legal", fx_effects(rs, 2, (pl_effect_t[]){ EFF(.op = PL_EFF_SPEND, .ref = K_LEGAL, .amount = 1),
                                                                     EFF(.op = PL_EFF_COUNTER, .target = PL_TGT_ALL, .ref = C_ENV, .amount = 2) }));
    rs->cards[c].requires = has_legal;
    fx_card(rs, "if", fx_effects(rs, 1, &EFF(.op = PL_EFF_IF, .conds = has_legal, .body = then_, .alt = else_)));
    fx_card(rs, "choice", fx_effects(rs, 1, &EFF(.op = PL_EFF_CHOICE, .opts = opts)));
    fx_card(rs, "vote", fx_effects(rs, 1, &EFF(.op = PL_EFF_VOTE, .target = PL_TGT_ALL, .opts = vopts, .tie = tie)));
    fx_card(rs, "jump", fx_effects(rs, 1, &EFF(.op = PL_EFF_MOVE, .amount = 2)));
    fx_card(rs, "slow-others", fx_effects(rs, 1, &EFF(.op = PL_EFF_SKIP, .target = PL_TGT_OTHERS, .amount = 1)));
    fx_card(rs, "draw", fx_effects(rs, 1, &EFF(.op = PL_EFF_DRAW, .ref = 0, .amount = 2)));
    fx_card(rs, "proposals", fx_effects(rs, 1, &EFF(.op = PL_EFF_VOTE, .target = PL_TGT_ALL, .ref = 2, .amount = 3)));
    fx_card(rs, "back", fx_effects(rs, 1, &EFF(.op = PL_EFF_MOVE, .target = PL_TGT_OTHERS, .amount = -1)));
    fx_card(rs, "event", fx_effects(rs, 1, &EFF(.op = PL_EFF_REVEAL, .ref = 1, .amount = 1)));
    fx_fillers(rs, 3);
    fx_deck_end(rs);

    fx_deck_begin(rs, "events", PL_CARD_EVENT);
    fx_card(rs, "ev-cut", fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .ref = C_BUDGET, .amount = -2)));
    fx_card(rs, "ev-good", fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .target = PL_TGT_ALL, .ref = C_ENV, .amount = 1)));
    fx_card(rs, "ev-goto", fx_effects(rs, 1, &EFF(.op = PL_EFF_GOTO, .ref = S_MILESTONE)));
    fx_card(rs, "ev-vote", fx_effects(rs, 1, &EFF(.op = PL_EFF_VOTE, .target = PL_TGT_OTHERS, .opts = vopts)));
    fx_deck_end(rs);

    fx_deck_begin(rs, "proposals", PL_CARD_PROPOSAL);
    for (int i = 0; i < 5; i++) {
        char id[16];
        snprintf(id, sizeof id, "prop%d", i);
        fx_card(rs, id, fx_effects(rs, 1, &EFF(.op = PL_EFF_COUNTER, .ref = (uint16_t)(i % 2), .amount = 2 + i)));
    }
    fx_deck_end(rs);

    /* land on S_8: reveal an event */
    rs->spaces[S_8].on_land = fx_effects(rs, 1, &EFF(.op = PL_EFF_REVEAL, .ref = 1, .amount = 1));
    rs->spaces[S_9].on_land = fx_effects(rs, 1, &EFF(.op = PL_EFF_CHOICE, .opts = opts));

    uint32_t sc = pl_ruleset_add_scoring(rs, 4);
    rs->scoring[sc] = (pl_score_rule_t){ .kind = PL_SCORE_COUNTER, .ref = C_ENV, .weight = 1 };
    rs->scoring[sc + 1] = (pl_score_rule_t){ .kind = PL_SCORE_COUNTER, .ref = C_SOC, .weight = 1 };
    rs->scoring[sc + 2] = (pl_score_rule_t){ .kind = PL_SCORE_BALANCE, .mask = 3, .weight = 2 };
    rs->scoring[sc + 3] = (pl_score_rule_t){ .kind = PL_SCORE_TARGET, .ref = T_REGION, .threshold = 10, .weight = 3 };
    fx_done(rs);
    return rs;
}

void fx_give(const pl_ruleset_t *rs, pl_state_t *st, int seat, int card)
{
    uint8_t w = st->where[card];
    if (w == PL_AT_DRAW) {
        const pl_deck_t *d = &rs->decks[rs->cards[card].deck];
        int di = rs->cards[card].deck;
        for (int i = 0; i < st->draw_n[di]; i++)
            if (st->order[d->first + i] == card) {
                memmove(&st->order[d->first + i], &st->order[d->first + i + 1],
                        (size_t)(st->draw_n[di] - i - 1) * sizeof st->order[0]);
                st->draw_n[di]--;
                st->order[d->first + st->draw_n[di]] = 0;
                break;
            }
    } else if (PL_AT_KIND(w) == PL_AT_HAND) {
        pl_seat_t *o = &st->seat[PL_AT_SEAT(w)];
        for (int i = 0; i < o->hand_n; i++)
            if (o->hand[i] == card) {
                memmove(&o->hand[i], &o->hand[i + 1], (size_t)(o->hand_n - i - 1) * sizeof o->hand[0]);
                o->hand[--o->hand_n] = 0;
                break;
            }
    }
    pl_seat_t *s = &st->seat[seat];
    cr_assert(s->hand_n < PL_MAX_HAND);
    s->hand[s->hand_n++] = (uint16_t)card;
    st->where[card] = (uint8_t)(PL_AT_HAND | seat);
    pl_error_t err;
    cr_assert(pl_state_check(rs, st, &err), "staging broke the state: %s", err.msg);
}

void fx_ok(const pl_ruleset_t *rs, pl_state_t *st, int type, int seat, int arg)
{
    pl_move_t mv = { (uint8_t)type, (uint8_t)seat, (uint16_t)arg };
    pl_error_t err = { 0 };
    int code = pl_apply(rs, st, &mv, NULL, &err);
    cr_assert_eq(code, PL_OK, "move %s by seat %d (arg %d) refused: %s", pl_move_name(type), seat, arg, err.msg);
    cr_assert(pl_state_check(rs, st, &err), "state inconsistent after move: %s", err.msg);
}

int fx_try(const pl_ruleset_t *rs, pl_state_t *st, int type, int seat, int arg)
{
    pl_move_t mv = { (uint8_t)type, (uint8_t)seat, (uint16_t)arg };
    pl_error_t err = { 0 };
    uint64_t before = pl_state_hash(st);
    int code = pl_apply(rs, st, &mv, NULL, &err);
    if (code != PL_OK) {
        cr_assert_eq(pl_state_hash(st), before, "a refused move changed the state");
        cr_assert_eq(err.code, code);
        cr_assert(err.msg[0], "a refusal must carry a message");
    }
    return code;
}
