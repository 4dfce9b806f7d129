/* ruleset.c -- creating, growing and querying a ruleset; the string arena; enum names */
#include <stdlib.h>
#include <string.h>
#include "ruleset.h"
#include "pl_alloc.h"

struct pl_arena {
    struct pl_arena *next;
    size_t used, cap;
    char data[];
};

#define ARENA_BLOCK 65536

static char *arena_alloc(pl_ruleset_t *rs, size_t n)
{
    pl_arena_t *a = rs->arena;
    if (!a || a->cap - a->used < n) {
        size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
        pl_arena_t *b = pl_malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = a;
        b->used = 0;
        b->cap = cap;
        rs->arena = a = b;
    }
    char *p = a->data + a->used;
    a->used += n;
    return p;
}

pl_ruleset_t *pl_ruleset_create(void)
{
    pl_ruleset_t *rs = pl_calloc(1, sizeof *rs);
    if (!rs)
        return NULL;
    rs->turn.dice = 1;
    rs->turn.sides = 6;
    rs->turn.hand = 4;
    rs->turn.start_hand = 4;
    rs->turn.cards_per_turn = 1;
    rs->turn.hand_deck = -1;
    rs->turn.setup_deck = -1;
    rs->turn.min_seats = 1;
    rs->turn.max_seats = PL_MAX_SEATS;
    rs->turn.default_seats = 4;
    rs->end_all_finished = 1;
    return rs;
}

void pl_ruleset_destroy(pl_ruleset_t *rs)
{
    if (!rs)
        return;
    pl_free(rs->cards);
    pl_free(rs->effects);
    pl_free(rs->conds);
    pl_free(rs->options);
    pl_free(rs->costs);
    pl_free(rs->priorities);
    pl_free(rs->scoring);
    pl_arena_t *a = rs->arena;
    while (a) {
        pl_arena_t *n = a->next;
        pl_free(a);
        a = n;
    }
    pl_free(rs);
}

const char *pl_ruleset_strdup(pl_ruleset_t *rs, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = arena_alloc(rs, n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* Grow a flat array by n zeroed elements; returns the first new index or UINT32_MAX. */
static uint32_t grow(void **arr, uint32_t *len, uint32_t *cap, size_t elem, uint32_t n)
{
    if (n > UINT32_MAX / 2 - *len)
        return UINT32_MAX;
    if (*len + n > *cap) {
        uint32_t nc = *cap ? *cap : 16;
        while (nc < *len + n)
            nc *= 2;
        void *p = pl_realloc(*arr, (size_t)nc * elem);
        if (!p)
            return UINT32_MAX;
        *arr = p;
        *cap = nc;
    }
    uint32_t first = *len;
    memset((char *)*arr + (size_t)first * elem, 0, (size_t)n * elem);
    *len += n;
    return first;
}

#define GROW(rs, field, nfield, capfield, n) \
    grow((void **)&(rs)->field, &(rs)->nfield, &(rs)->capfield, sizeof *(rs)->field, (n))

uint32_t pl_ruleset_add_cards(pl_ruleset_t *rs, uint32_t n) { return GROW(rs, cards, n_cards, cap_cards, n); }
uint32_t pl_ruleset_add_effects(pl_ruleset_t *rs, uint32_t n) { return GROW(rs, effects, n_effects, cap_effects, n); }
uint32_t pl_ruleset_add_conds(pl_ruleset_t *rs, uint32_t n) { return GROW(rs, conds, n_conds, cap_conds, n); }
uint32_t pl_ruleset_add_options(pl_ruleset_t *rs, uint32_t n) { return GROW(rs, options, n_options, cap_options, n); }
uint32_t pl_ruleset_add_costs(pl_ruleset_t *rs, uint32_t n) { return GROW(rs, costs, n_costs, cap_costs, n); }
uint32_t pl_ruleset_add_priorities(pl_ruleset_t *rs, uint32_t n) { return GROW(rs, priorities, n_priorities, cap_priorities, n); }
uint32_t pl_ruleset_add_scoring(pl_ruleset_t *rs, uint32_t n) { return GROW(rs, scoring, n_scoring, cap_scoring, n); }

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

int pl_ruleset_counter(const pl_ruleset_t *rs, const char *id)
{
    for (int i = 0; i < rs->n_counters; i++)
        if (same(rs->counters[i].id, id))
            return i;
    return -1;
}

int pl_ruleset_table_counter(const pl_ruleset_t *rs, const char *id)
{
    for (int i = 0; i < rs->n_table_counters; i++)
        if (same(rs->table_counters[i].id, id))
            return i;
    return -1;
}

int pl_ruleset_token(const pl_ruleset_t *rs, const char *id)
{
    for (int i = 0; i < rs->n_tokens; i++)
        if (same(rs->tokens[i].id, id))
            return i;
    return -1;
}

int pl_ruleset_deck(const pl_ruleset_t *rs, const char *id)
{
    for (int i = 0; i < rs->n_decks; i++)
        if (same(rs->decks[i].id, id))
            return i;
    return -1;
}

int pl_ruleset_space(const pl_ruleset_t *rs, const char *id)
{
    for (int i = 0; i < rs->n_spaces; i++)
        if (same(rs->spaces[i].id, id))
            return i;
    return -1;
}

int pl_ruleset_phase(const pl_ruleset_t *rs, const char *id)
{
    for (int i = 0; i < rs->n_phases; i++)
        if (same(rs->phases[i].id, id))
            return i;
    return -1;
}

int pl_ruleset_card(const pl_ruleset_t *rs, const char *id)
{
    for (uint32_t i = 0; i < rs->n_cards; i++)
        if (same(rs->cards[i].id, id))
            return (int)i;
    return -1;
}

int pl_ruleset_tag(const pl_ruleset_t *rs, const char *id)
{
    for (int i = 0; i < rs->n_tags; i++)
        if (same(rs->tags[i].id, id))
            return i;
    return -1;
}

const char *pl_tag_label(const pl_ruleset_t *rs, const char *tag, int lang)
{
    int t = tag && *tag ? pl_ruleset_tag(rs, tag) : -1;
    return t >= 0 ? pl_text(&rs->tags[t].label, lang) : NULL;
}

const char *pl_short_name(const pl_text_t *name, const pl_look_t *look, int lang)
{
    const char *s = pl_text(&look->short_name, lang);
    return *s ? s : pl_text(name, lang);
}

void pl_ruleset_link(pl_ruleset_t *rs)
{
    for (int s = 0; s < rs->n_spaces; s++) {
        pl_space_t *sp = &rs->spaces[s];
        sp->prev = PL_NO_SPACE;
        if (sp->n_next == 0 && sp->kind != PL_SPACE_END && s + 1 < rs->n_spaces) {
            sp->next[0] = (uint8_t)(s + 1);
            sp->n_next = 1;
        }
    }
    /* main predecessor: first space (in board order) whose first way leads here, else any */
    for (int pass = 0; pass < 2; pass++)
        for (int s = 0; s < rs->n_spaces; s++) {
            const pl_space_t *sp = &rs->spaces[s];
            for (int k = 0; k < sp->n_next; k++) {
                if (pass == 0 && k > 0)
                    break;
                pl_space_t *t = &rs->spaces[sp->next[k]];
                if (sp->next[k] < rs->n_spaces && t->prev == PL_NO_SPACE && sp->next[k] != rs->start_space)
                    t->prev = (uint8_t)s;
            }
        }
}

const char *pl_text(const pl_text_t *t, int lang)
{
    if (lang >= 0 && lang < PL_LANG_COUNT && t->s[lang] && t->s[lang][0])
        return t->s[lang];
    return t->s[PL_LANG_FR] ? t->s[PL_LANG_FR] : "";
}

static const char *const effect_names[PL_EFF__COUNT] = {
    "?", "counter", "move", "goto", "skip", "draw", "reveal", "gain", "spend", "delay", "if", "choice", "vote",
};
static const char *const target_names[] = { "self", "others", "all", "table" };
static const char *const card_kinds[PL_CARD__COUNT] = { "action", "event", "vote", "prompt", "proposal", "setup" };
static const char *const space_kinds[PL_SPACE__COUNT] = {
    "plain", "start", "action", "event", "vote", "fiction", "check", "milestone", "branch", "end",
};
static const char *const horizons[] = { "none", "short", "medium", "long" };
static const char *const roles[PL_ROLE__COUNT] = { "resource", "lens", "hidden" };
static const char *const icons[PL_ICON__COUNT] = {
    "none", "leaf", "people", "shop", "coin", "clock", "star", "heart", "gear", "scale", "flag", "house",
    "drop", "bolt", "book", "shield", "key",
};

static int find_name(const char *const *names, int n, const char *s)
{
    for (int i = 0; s && i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

const char *pl_effect_name(int op) { return op > 0 && op < PL_EFF__COUNT ? effect_names[op] : "?"; }
const char *pl_target_name(int t) { return t >= 0 && t <= PL_TGT_TABLE ? target_names[t] : "?"; }
const char *pl_card_kind_name(int k) { return k >= 0 && k < PL_CARD__COUNT ? card_kinds[k] : "?"; }
const char *pl_space_kind_name(int k) { return k >= 0 && k < PL_SPACE__COUNT ? space_kinds[k] : "?"; }
const char *pl_horizon_name(int h) { return h >= 0 && h <= PL_HORIZON_LONG ? horizons[h] : "?"; }
int pl_card_kind_from_name(const char *s) { return find_name(card_kinds, PL_CARD__COUNT, s); }
int pl_space_kind_from_name(const char *s) { return find_name(space_kinds, PL_SPACE__COUNT, s); }
int pl_horizon_from_name(const char *s)
{
    int h = find_name(horizons, 4, s);
    return h;
}

const char *pl_role_name(int r) { return r >= 0 && r < PL_ROLE__COUNT ? roles[r] : "?"; }
int pl_role_from_name(const char *s) { return find_name(roles, PL_ROLE__COUNT, s); }
const char *pl_icon_name(int i) { return i >= 0 && i < PL_ICON__COUNT ? icons[i] : "?"; }
int pl_icon_from_name(const char *s) { return find_name(icons, PL_ICON__COUNT, s); }
