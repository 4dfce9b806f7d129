/* demo.c -- a small built-in game ("demo", offered with --demo) for tests, benchmarks and trials */
#include <stdio.h>
#include <string.h>
#include "demo.h"

#define N_SPACES 24
#define N_ACTIONS 40

static pl_text_t text2(pl_ruleset_t *rs, const char *fr, const char *en)
{
    pl_text_t t;
    t.s[PL_LANG_FR] = pl_ruleset_strdup(rs, fr);
    t.s[PL_LANG_EN] = pl_ruleset_strdup(rs, en);
    return t;
}

static uint32_t counter_effect(pl_ruleset_t *rs, int target, int counter, int amount)
{
    uint32_t e = pl_ruleset_add_effects(rs, 1);
    if (e == UINT32_MAX)
        return e;
    rs->effects[e].op = PL_EFF_COUNTER;
    rs->effects[e].target = (uint8_t)target;
    rs->effects[e].ref = (uint16_t)counter;
    rs->effects[e].amount = amount;
    return e;
}

pl_ruleset_t *srv_demo_ruleset(void)
{
    pl_ruleset_t *rs = pl_ruleset_create();
    char id[32];
    if (!rs)
        return NULL;
    rs->id = pl_ruleset_strdup(rs, "demo");
    rs->version = pl_ruleset_strdup(rs, "1");
    rs->title = text2(rs, "Démo Plateau", "Plateau demo");
    rs->description = text2(rs, "Un petit jeu intégré pour essayer le serveur.",
                            "A small built-in game to try the server.");
    rs->n_counters = 2;
    rs->counters[0] = (pl_counter_t){ .id = pl_ruleset_strdup(rs, "budget"), .name = text2(rs, "Budget", "Budget"), .min = 0, .max = 100, .start = 20 };
    rs->counters[1] = (pl_counter_t){ .id = pl_ruleset_strdup(rs, "impact"), .name = text2(rs, "Impact", "Impact"), .min = 0, .max = 100, .start = 0 };
    rs->n_table_counters = 1;
    rs->table_counters[0] = (pl_counter_t){ .id = pl_ruleset_strdup(rs, "climat"), .name = text2(rs, "Climat", "Climate"), .min = 0, .max = 100, .start = 0 };
    rs->n_phases = 1;
    rs->phases[0] = (pl_phase_t){ pl_ruleset_strdup(rs, "parcours"), text2(rs, "Parcours", "Journey"),
                                  text2(rs, "", ""), 0, N_SPACES };
    rs->n_spaces = N_SPACES;
    rs->start_space = 0;
    for (int i = 0; i < N_SPACES; i++) {
        pl_space_t *sp = &rs->spaces[i];
        snprintf(id, sizeof id, "s%d", i);
        sp->id = pl_ruleset_strdup(rs, id);
        sp->name = text2(rs, id, id);
        sp->kind = i == 0 ? PL_SPACE_START : i == N_SPACES - 1 ? PL_SPACE_END : (i % 6 == 3) ? PL_SPACE_VOTE : PL_SPACE_PLAIN;
        sp->phase = 0;
        sp->n_next = i < N_SPACES - 1 ? 1 : 0;
        sp->next[0] = (uint8_t)(i + 1);
        if (sp->kind == PL_SPACE_VOTE) { /* a table vote between two options */
            uint32_t v = pl_ruleset_add_effects(rs, 1);
            uint32_t o = pl_ruleset_add_options(rs, 2);
            uint32_t e0 = counter_effect(rs, PL_TGT_TABLE, 0, 2);
            uint32_t e1 = counter_effect(rs, PL_TGT_ALL, 0, 1);
            if (v == UINT32_MAX || o == UINT32_MAX || e0 == UINT32_MAX || e1 == UINT32_MAX)
                goto fail;
            rs->effects[v].op = PL_EFF_VOTE;
            rs->effects[v].target = PL_TGT_ALL;
            rs->effects[v].opts = (pl_range_t){ o, 2 };
            rs->options[o] = (pl_option_t){ pl_ruleset_strdup(rs, "climat"), text2(rs, "Le climat", "The climate"), { e0, 1 } };
            rs->options[o + 1] = (pl_option_t){ pl_ruleset_strdup(rs, "budget"), text2(rs, "Le budget", "The budget"), { e1, 1 } };
            sp->on_land = (pl_range_t){ v, 1 };
        }
    }
    rs->n_decks = 1;
    rs->decks[0] = (pl_deck_t){ .id = pl_ruleset_strdup(rs, "actions"), .name = text2(rs, "Actions", "Actions"), .kind = PL_CARD_ACTION, .first = 0, .count = N_ACTIONS };
    uint32_t first = pl_ruleset_add_cards(rs, N_ACTIONS);
    if (first == UINT32_MAX)
        goto fail;
    for (int i = 0; i < N_ACTIONS; i++) {
        uint32_t e = counter_effect(rs, PL_TGT_SELF, 1, 1 + i % 3);
        uint32_t c = pl_ruleset_add_costs(rs, 1);
        if (e == UINT32_MAX || c == UINT32_MAX)
            goto fail;
        if (i % 4 == 3) { /* some cards also cost the others */
            if (counter_effect(rs, PL_TGT_OTHERS, 0, -1) == UINT32_MAX)
                goto fail;
        }
        rs->costs[c] = (pl_cost_t){ 0, 1 + i % 3 };
        pl_card_t *card = &rs->cards[first + i];
        snprintf(id, sizeof id, "a%d", i);
        card->id = pl_ruleset_strdup(rs, id);
        card->tag = pl_ruleset_strdup(rs, "");
        card->file = pl_ruleset_strdup(rs, "demo");
        card->deck = 0;
        card->kind = PL_CARD_ACTION;
        card->phase = -1;
        card->name = text2(rs, id, id);
        card->text = text2(rs, "Une action.", "An action.");
        card->costs = (pl_range_t){ c, 1 };
        card->effects = (pl_range_t){ e, i % 4 == 3 ? 2u : 1u };
    }
    rs->turn.hand_deck = 0;
    rs->turn.hand = 3;
    rs->turn.start_hand = 3;
    rs->turn.cards_per_turn = 1;
    rs->turn.max_rounds = 30;
    rs->turn.min_seats = 1;
    rs->turn.max_seats = PL_MAX_SEATS;
    rs->turn.default_seats = 4;
    uint32_t sc = pl_ruleset_add_scoring(rs, 1);
    if (sc == UINT32_MAX)
        goto fail;
    rs->scoring[sc].kind = PL_SCORE_COUNTER;
    rs->scoring[sc].ref = 1;
    rs->scoring[sc].weight = 1;
    rs->scoring[sc].name = text2(rs, "Impact", "Impact");
    rs->end_all_finished = 1;
    pl_ruleset_link(rs);
    return rs;
fail:
    pl_ruleset_destroy(rs);
    return NULL;
}
